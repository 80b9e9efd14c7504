//! Taking a quiz: which question is shown, what was chosen and confirmed, the
//! score. Pure state, driven by the Quiz view and tested on its own.

use super::memory::Grade;
use super::{Question, Quiz, Topic};

/// How a quiz is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Feedback and the explanation after each answer.
    Practice,
    /// No feedback until the end; then the score and a review of every question.
    Test,
    /// For a projector: one question large, Space reveals the answer, nothing
    /// is recorded, no names and no scores.
    Class,
    /// The questions due for review, with feedback as in Practice.
    Review,
}

impl Mode {
    /// Every mode, in the order the setup offers them.
    pub const ALL: [Mode; 4] = [Mode::Practice, Mode::Test, Mode::Class, Mode::Review];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Practice => "Practice",
            Mode::Test => "Test",
            Mode::Class => "Class",
            Mode::Review => "Review",
        }
    }

    /// The name saved in the score history.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Test => "test",
            Mode::Class => "class",
            Mode::Review => "review",
        }
    }

    /// Whether each answer is shown right or wrong as soon as it is given.
    pub fn gives_feedback(self) -> bool {
        matches!(self, Mode::Practice | Mode::Review)
    }

    /// Whether answers count for the student's memory and score history.
    pub fn records(self) -> bool {
        self != Mode::Class
    }
}

/// What was done with one question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// Options chosen, as indices; for an ordering question, in the order
    /// they were picked.
    pub chosen: Vec<usize>,
    /// Whether the answer was given (confirmed); it cannot change after.
    pub confirmed: bool,
    /// In Class mode: whether the answer is shown.
    pub revealed: bool,
    /// The student's own rating of the answer, in a mode that gives
    /// feedback and records: Again, Hard, Good or Easy.
    pub grade: Option<Grade>,
}

/// A quiz being taken.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The quiz.
    pub quiz: Quiz,
    /// How it is taken.
    pub mode: Mode,
    /// The question shown, an index into the questions.
    pub position: usize,
    /// One answer per question.
    pub answers: Vec<Answer>,
    /// Whether the end (score and review) is shown.
    pub finished: bool,
    /// Whether the student is being asked to confirm the end ("End the
    /// quiz? 3 of 5 answered"); until they answer, nothing else is done.
    pub asking_to_end: bool,
}

/// How one topic of a finished quiz went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicTally {
    /// The topic.
    pub topic: Topic,
    /// Its questions answered right.
    pub right: usize,
    /// Its questions answered (confirmed).
    pub answered: usize,
    /// Its questions in the quiz.
    pub total: usize,
}

impl Session {
    /// Starts `quiz` in `mode` at its first question.
    pub fn new(quiz: Quiz, mode: Mode) -> Self {
        let answers = vec![Answer::default(); quiz.questions.len()];
        Self {
            quiz,
            mode,
            position: 0,
            answers,
            finished: false,
            asking_to_end: false,
        }
    }

    /// The question shown.
    pub fn question(&self) -> Option<&Question> {
        self.quiz.questions.get(self.position)
    }

    /// What was done with the question shown.
    pub fn answer(&self) -> Option<&Answer> {
        self.answers.get(self.position)
    }

    /// Chooses option `index` of the question shown. A single-answer question
    /// keeps the last choice; an ordering question adds it to the order (a
    /// second press of an option already placed does nothing). Nothing
    /// changes once the answer is confirmed, or for an option that does not exist.
    pub fn choose(&mut self, index: usize) {
        let Some(question) = self.quiz.questions.get(self.position) else {
            return;
        };
        let ordering = question.kind.is_ordering();
        let options = question.options.len();
        let Some(answer) = self.answers.get_mut(self.position) else {
            return;
        };
        if answer.confirmed || index >= options {
            return;
        }
        if ordering {
            if !answer.chosen.contains(&index) {
                answer.chosen.push(index);
            }
        } else {
            answer.chosen = vec![index];
        }
    }

    /// Clears the choices of the question shown, if not yet confirmed.
    pub fn clear_choice(&mut self) {
        if let Some(answer) = self.answers.get_mut(self.position)
            && !answer.confirmed
        {
            answer.chosen.clear();
        }
    }

    /// Whether the answer shown can be rated Again, Hard, Good or Easy: it
    /// was given, in a mode that gives feedback and records (Practice and
    /// Review), and the end is not being asked about.
    pub fn can_rate(&self) -> bool {
        self.mode.gives_feedback()
            && self.mode.records()
            && !self.asking_to_end
            && self.answer().is_some_and(|a| a.confirmed)
    }

    /// Whether the question shown has a complete choice: one option, or every
    /// option placed in order.
    pub fn can_confirm(&self) -> bool {
        match (self.question(), self.answer()) {
            (Some(question), Some(answer)) if !answer.confirmed => {
                if question.kind.is_ordering() {
                    answer.chosen.len() == question.options.len()
                } else {
                    answer.chosen.len() == 1
                }
            }
            _ => false,
        }
    }

    /// Confirms the choice of the question shown; returns whether it was right,
    /// or `None` when there was nothing to confirm.
    pub fn confirm(&mut self) -> Option<bool> {
        if !self.can_confirm() {
            return None;
        }
        let right = self.is_right(self.position);
        if let Some(answer) = self.answers.get_mut(self.position) {
            answer.confirmed = true;
        }
        Some(right)
    }

    /// In Class mode: shows (or hides again) the answer of the question shown.
    pub fn toggle_reveal(&mut self) {
        if let Some(answer) = self.answers.get_mut(self.position) {
            answer.revealed = !answer.revealed;
        }
    }

    /// Whether the answer to the question shown may be shown: after it is
    /// confirmed with feedback, when revealed in Class mode, or at the end.
    pub fn shows_answer(&self) -> bool {
        let Some(answer) = self.answer() else {
            return false;
        };
        self.finished || answer.revealed || (answer.confirmed && self.mode.gives_feedback())
    }

    /// Whether the confirmed answer to question `index` is right.
    pub fn is_right(&self, index: usize) -> bool {
        match (self.quiz.questions.get(index), self.answers.get(index)) {
            (Some(question), Some(answer)) => question.is_correct(&answer.chosen),
            _ => false,
        }
    }

    /// Moves to the next question; past the last one the quiz is finished.
    pub fn next(&mut self) {
        if self.position + 1 < self.quiz.questions.len() {
            self.position += 1;
        } else {
            self.finished = true;
        }
    }

    /// Moves to the previous question, if there is one.
    pub fn previous(&mut self) {
        self.position = self.position.saturating_sub(1);
    }

    /// Whether the question shown has options picked but not confirmed:
    /// going on keeps them, but they count only once confirmed.
    pub fn picked_not_confirmed(&self) -> bool {
        self.answer()
            .is_some_and(|a| !a.confirmed && !a.chosen.is_empty())
    }

    /// How many questions have options picked but not confirmed.
    pub fn picks_not_confirmed(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| !a.confirmed && !a.chosen.is_empty())
            .count()
    }

    /// The questions answered wrong, in quiz order.
    pub fn wrong_questions(&self) -> Vec<Question> {
        (0..self.answers.len())
            .filter(|&i| self.answers.get(i).is_some_and(|a| a.confirmed) && !self.is_right(i))
            .filter_map(|i| self.quiz.questions.get(i).cloned())
            .collect()
    }

    /// A quiz of exactly the questions answered wrong, as they were asked
    /// (same options, same order); `None` when none was wrong. It has no
    /// code: no seed makes it again.
    pub fn wrong_ones_quiz(&self) -> Option<Quiz> {
        let questions = self.wrong_questions();
        if questions.is_empty() {
            return None;
        }
        let mut options = self.quiz.options.clone();
        options.count = questions.len();
        Some(Quiz {
            options,
            code: None,
            questions,
        })
    }

    /// Right out of answered for each topic that has a question in the
    /// quiz, in the order of [`Topic::ALL`].
    pub fn by_topic(&self) -> Vec<TopicTally> {
        Topic::ALL
            .into_iter()
            .filter_map(|topic| {
                let mut tally = TopicTally {
                    topic,
                    right: 0,
                    answered: 0,
                    total: 0,
                };
                for (index, question) in self.quiz.questions.iter().enumerate() {
                    if question.topic != topic {
                        continue;
                    }
                    tally.total += 1;
                    if self.answers.get(index).is_some_and(|a| a.confirmed) {
                        tally.answered += 1;
                        tally.right += usize::from(self.is_right(index));
                    }
                }
                (tally.total > 0).then_some(tally)
            })
            .collect()
    }

    /// Questions answered right, and questions answered (confirmed).
    pub fn score(&self) -> (usize, usize) {
        let answered = self.answers.iter().filter(|a| a.confirmed).count();
        let right = (0..self.answers.len())
            .filter(|&i| self.answers.get(i).is_some_and(|a| a.confirmed) && self.is_right(i))
            .count();
        (right, answered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::quiz::{QuestionKind, QuizOptions, generate};

    fn quiz(count: usize) -> Quiz {
        let dataset = Dataset::embedded().unwrap();
        generate(
            &dataset,
            &QuizOptions {
                count,
                ..QuizOptions::from_entropy(5)
            },
        )
    }

    fn wrong_option(question: &Question) -> usize {
        (0..question.options.len())
            .find(|i| !question.answer.contains(i))
            .unwrap()
    }

    #[test]
    fn practice_scores_each_confirmed_answer() {
        let quiz = quiz(5);
        let total = quiz.questions.len();
        assert!(total >= 3);
        let mut session = Session::new(quiz, Mode::Practice);
        assert!(!session.can_confirm());
        assert_eq!(session.confirm(), None);
        // Right answers to every question but the first.
        for position in 0..total {
            let question = session.question().unwrap().clone();
            if question.kind.is_ordering() {
                for &i in &question.answer {
                    session.choose(i);
                }
            } else if position == 0 {
                session.choose(wrong_option(&question));
            } else {
                session.choose(question.answer[0]);
            }
            assert!(!session.shows_answer());
            let right = session.confirm().unwrap();
            assert_eq!(right, position != 0 || question.kind.is_ordering());
            assert!(session.shows_answer());
            // A confirmed answer cannot change.
            session.choose((question.answer[0] + 1) % question.options.len());
            session.clear_choice();
            assert_eq!(session.is_right(position), right);
            session.next();
        }
        assert!(session.finished);
        let (right, answered) = session.score();
        assert_eq!(answered, total);
        let first_is_ordering = session.quiz.questions[0].kind == QuestionKind::Order;
        assert_eq!(right, if first_is_ordering { total } else { total - 1 });
    }

    #[test]
    fn a_test_shows_no_answer_until_the_end() {
        let mut session = Session::new(quiz(3), Mode::Test);
        let question = session.question().unwrap().clone();
        if question.kind.is_ordering() {
            for &i in &question.answer {
                session.choose(i);
            }
        } else {
            session.choose(question.answer[0]);
        }
        assert_eq!(session.confirm(), Some(true));
        assert!(!session.shows_answer());
        session.finished = true;
        assert!(session.shows_answer());
    }

    #[test]
    fn an_ordering_answer_is_complete_when_every_option_is_placed() {
        let dataset = Dataset::embedded().unwrap();
        let quiz = (0..200)
            .map(|seed| {
                generate(
                    &dataset,
                    &QuizOptions {
                        seed,
                        count: 10,
                        ..QuizOptions::default()
                    },
                )
            })
            .find(|q| q.questions.iter().any(|q| q.kind == QuestionKind::Order))
            .unwrap();
        let position = quiz
            .questions
            .iter()
            .position(|q| q.kind == QuestionKind::Order)
            .unwrap();
        let mut session = Session::new(quiz, Mode::Practice);
        session.position = position;
        let answer = session.question().unwrap().answer.clone();
        session.choose(answer[0]);
        session.choose(answer[0]);
        assert_eq!(session.answer().unwrap().chosen, [answer[0]]);
        assert!(!session.can_confirm());
        session.clear_choice();
        assert!(session.answer().unwrap().chosen.is_empty());
        for &i in answer.iter().rev() {
            session.choose(i);
        }
        assert_eq!(session.confirm(), Some(false));
    }

    #[test]
    fn class_mode_reveals_and_moves_without_scoring() {
        let mut session = Session::new(quiz(3), Mode::Class);
        assert!(!session.mode.records());
        assert!(!session.shows_answer());
        session.toggle_reveal();
        assert!(session.shows_answer());
        session.next();
        assert!(!session.shows_answer());
        session.previous();
        assert!(session.shows_answer());
        session.previous();
        assert_eq!(session.position, 0);
        assert_eq!(session.score(), (0, 0));
    }

    #[test]
    fn the_wrong_ones_make_a_quiz_and_topics_are_tallied() {
        let quiz = quiz(6);
        let total = quiz.questions.len();
        let mut session = Session::new(quiz, Mode::Practice);
        // Wrong, right, wrong…, the last one left unanswered.
        for position in 0..total - 1 {
            session.position = position;
            let question = session.question().unwrap().clone();
            if position % 2 == 0 && !question.kind.is_ordering() {
                session.choose(wrong_option(&question));
            } else if question.kind.is_ordering() {
                for &i in question.answer.iter().rev() {
                    session.choose(i);
                }
            } else {
                session.choose(question.answer[0]);
            }
            session.confirm();
        }
        let wrong: Vec<usize> = (0..total - 1).filter(|&i| !session.is_right(i)).collect();
        assert!(!wrong.is_empty());
        let again = session.wrong_ones_quiz().unwrap();
        let expected: Vec<&Question> = wrong.iter().map(|&i| &session.quiz.questions[i]).collect();
        assert_eq!(again.questions.iter().collect::<Vec<_>>(), expected);
        assert_eq!(again.options.count, wrong.len());
        assert_eq!(again.code, None);
        let tallies = session.by_topic();
        assert_eq!(tallies.iter().map(|t| t.total).sum::<usize>(), total);
        assert_eq!(tallies.iter().map(|t| t.answered).sum::<usize>(), total - 1);
        assert_eq!(
            tallies.iter().map(|t| t.right).sum::<usize>(),
            session.score().0
        );
        assert!(
            tallies
                .iter()
                .all(|t| t.right <= t.answered && t.answered <= t.total)
        );
        // Nothing wrong, nothing to practise.
        let fresh = Session::new(session.quiz.clone(), Mode::Practice);
        assert_eq!(fresh.wrong_ones_quiz(), None);
    }
}
