//! What is done to a quiz being taken, by a key or by a click: a
//! [`QuizAction`], applied by [`Session::apply`]. That one function is where
//! "choose, confirm, then go on" happens for every mode and every input, and
//! the one place where an answer and a finished quiz's score reach the
//! student's [`Memory`]. Pure: the app saves the memory when told to.

use chrono::{DateTime, Utc};

use super::memory::{Grade, Memory, Score};
use super::session::{Mode, Session};

/// One thing done to the quiz being taken. Keys and clicks both become
/// actions, so that answering by keyboard and by mouse cannot drift apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizAction {
    /// Chooses option `index` of the question shown (see [`Session::choose`]).
    Choose(usize),
    /// Clears the choices of the question shown, to place an order again.
    Clear,
    /// What Enter does: confirms a complete choice (in Test, then goes on at
    /// once); on a question already answered, goes on.
    Confirm,
    /// Goes to the next question, keeping any choice not confirmed (it
    /// counts only once confirmed). Past the last one it ends the quiz, or,
    /// where a question is left unanswered, asks first (see [`QuizAction::AskToEnd`]).
    Next,
    /// Goes back to the previous question, if there is one.
    Previous,
    /// Shows or hides the answer to the question shown (Class mode and the
    /// presentation stage).
    Reveal,
    /// What "End quiz" and Esc do: asks first, "End the quiz? 3 of 5
    /// answered", and does nothing else until [`QuizAction::End`] or
    /// [`QuizAction::KeepGoing`] answers.
    AskToEnd,
    /// Puts the question away and goes on with the quiz where it was.
    KeepGoing,
    /// Ends the quiz now: the score and the review.
    End,
    /// Rates the answer just given, as Anki does: how well it was known
    /// (see [`Session::can_rate`]). Only the schedule changes, not the score.
    Rate(Grade),
}

/// What applying one action did, for the app to act on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// An answer was confirmed: whether it was right.
    pub answered: Option<bool>,
    /// The quiz ended with this action.
    pub finished: bool,
    /// The memory changed: it should be saved.
    pub recorded: bool,
}

impl QuizAction {
    /// What a click on option `index` of the question shown does: it chooses
    /// the option, and where feedback follows a single-answer question not
    /// yet answered, it also confirms, so that one click answers. (A key only
    /// chooses; Enter confirms.)
    pub fn clicked_option(session: &Session, index: usize) -> Vec<QuizAction> {
        let answers_at_once = session.mode.gives_feedback()
            && session.question().is_some_and(|q| !q.kind.is_ordering())
            && session.answer().is_some_and(|a| !a.confirmed);
        if answers_at_once {
            vec![QuizAction::Choose(index), QuizAction::Confirm]
        } else {
            vec![QuizAction::Choose(index)]
        }
    }
}

impl Session {
    /// Applies `action`. In a mode that records ([`Mode::records`]), an
    /// answer confirmed is recorded in `memory` at `now`, and so is the score
    /// when the quiz ends. A finished quiz takes no more actions, so that its
    /// score is recorded once.
    pub fn apply(
        &mut self,
        action: QuizAction,
        memory: &mut Memory,
        now: DateTime<Utc>,
    ) -> Applied {
        if self.finished {
            return Applied::default();
        }
        let position = self.position;
        let mut applied = Applied::default();
        // While the end is asked about, only its answers count.
        if self.asking_to_end
            && !matches!(
                action,
                QuizAction::End | QuizAction::KeepGoing | QuizAction::AskToEnd
            )
        {
            return applied;
        }
        match action {
            QuizAction::Choose(index) => self.choose(index),
            QuizAction::Clear => self.clear_choice(),
            QuizAction::Confirm => {
                if self.can_confirm() {
                    applied.answered = self.confirm();
                    // A test gives no feedback to stay for.
                    if self.mode == Mode::Test {
                        self.go_on();
                    }
                } else if self.answer().is_some_and(|a| a.confirmed) {
                    self.go_on();
                }
            }
            QuizAction::Next => self.go_on(),
            QuizAction::Previous => self.previous(),
            QuizAction::Reveal => self.toggle_reveal(),
            QuizAction::AskToEnd => self.asking_to_end = true,
            QuizAction::KeepGoing => self.asking_to_end = false,
            QuizAction::End => {
                self.asking_to_end = false;
                self.finished = true;
            }
            QuizAction::Rate(grade) => {
                if self.can_rate()
                    && let (Some(question), Some(answer)) = (
                        self.quiz.questions.get(position),
                        self.answers.get_mut(position),
                    )
                {
                    answer.grade = Some(grade);
                    applied.recorded = memory.rate(&question.id, grade, now);
                }
            }
        }
        applied.finished = self.finished;
        if self.mode.records() {
            if let Some(right) = applied.answered
                && let Some(question) = self.quiz.questions.get(position)
            {
                memory.record(question, right, now);
                applied.recorded = true;
            }
            if applied.finished {
                memory.add_score(self.final_score(now));
                applied.recorded = true;
            }
        }
        applied
    }

    /// The next question; past the last one, the end, asked about first
    /// where a question of a recorded quiz is left unanswered (a pick not
    /// confirmed is never dropped silently).
    fn go_on(&mut self) {
        let last = self.position + 1 >= self.quiz.questions.len();
        let (_, answered) = self.score();
        if last && self.mode.records() && answered < self.quiz.questions.len() {
            self.asking_to_end = true;
        } else {
            self.next();
        }
    }

    /// The score for the history: right out of answered.
    fn final_score(&self, now: DateTime<Utc>) -> Score {
        let (right, answered) = self.score();
        Score {
            at: now,
            mode: self.mode.key().to_owned(),
            code: self.quiz.code.map(|c| c.to_string()),
            right: u32::try_from(right).unwrap_or(u32::MAX),
            total: u32::try_from(answered).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::quiz::Rng;
    use crate::quiz::{Question, Quiz, QuizBank, QuizOptions};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 14, 0, 0).unwrap()
    }

    fn quiz(bank: &QuizBank, seed: u64, count: usize) -> Quiz {
        bank.generate(&QuizOptions {
            seed,
            count,
            ..QuizOptions::default()
        })
    }

    /// A quiz whose first question has a single answer.
    fn single_first(bank: &QuizBank) -> Quiz {
        (0..100)
            .map(|seed| quiz(bank, seed, 4))
            .find(|q| q.questions.len() >= 2 && !q.questions[0].kind.is_ordering())
            .unwrap()
    }

    fn wrong_option(question: &Question) -> usize {
        (0..question.options.len())
            .find(|i| !question.answer.contains(i))
            .unwrap()
    }

    /// Applies each action, and the outcomes.
    fn run(session: &mut Session, memory: &mut Memory, actions: &[QuizAction]) -> Vec<Applied> {
        actions
            .iter()
            .map(|&a| session.apply(a, memory, now()))
            .collect()
    }

    fn answered_total(memory: &Memory) -> u32 {
        memory.questions.values().map(|r| r.right + r.wrong).sum()
    }

    #[test]
    fn confirming_in_a_test_records_the_answer_and_goes_on() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        let quiz = single_first(&bank);
        let first = quiz.questions[0].clone();
        let mut session = Session::new(quiz, Mode::Test);
        let mut memory = Memory::new();
        let applied = run(
            &mut session,
            &mut memory,
            &[QuizAction::Choose(first.answer[0]), QuizAction::Confirm],
        );
        assert_eq!(applied[0], Applied::default());
        assert_eq!(
            applied[1],
            Applied {
                answered: Some(true),
                finished: false,
                recorded: true,
            }
        );
        assert_eq!(session.position, 1);
        assert_eq!(memory.questions[&first.id].right, 1);
        assert!(memory.scores.is_empty());
    }

    #[test]
    fn confirm_on_an_answered_question_goes_on_and_records_nothing_more() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        let quiz = single_first(&bank);
        let first = quiz.questions[0].clone();
        let mut session = Session::new(quiz, Mode::Practice);
        let mut memory = Memory::new();
        let choose = QuizAction::Choose(wrong_option(&first));
        run(&mut session, &mut memory, &[choose, QuizAction::Confirm]);
        // Practice stays on the question to show the feedback.
        assert_eq!(session.position, 0);
        assert!(session.shows_answer());
        let applied = session.apply(QuizAction::Confirm, &mut memory, now());
        assert_eq!(applied, Applied::default());
        assert_eq!(session.position, 1);
        assert_eq!(memory.questions[&first.id].wrong, 1);
        assert_eq!(answered_total(&memory), 1);
    }

    #[test]
    fn a_click_answers_at_once_only_where_feedback_follows_a_single_answer() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        let quiz = single_first(&bank);
        let both = vec![QuizAction::Choose(1), QuizAction::Confirm];
        let only = vec![QuizAction::Choose(1)];
        for (mode, expected) in [
            (Mode::Practice, &both),
            (Mode::Review, &both),
            (Mode::Test, &only),
            (Mode::Class, &only),
        ] {
            let session = Session::new(quiz.clone(), mode);
            assert_eq!(
                &QuizAction::clicked_option(&session, 1),
                expected,
                "{mode:?}"
            );
        }
        let mut session = Session::new(quiz, Mode::Practice);
        session.answers[0].confirmed = true;
        assert_eq!(QuizAction::clicked_option(&session, 1), only);
        let ordering = (0..200)
            .map(|seed| quiz_with_order(&bank, seed))
            .find_map(|q| q)
            .unwrap();
        assert_eq!(QuizAction::clicked_option(&ordering, 1), only);
    }

    /// A Practice session shown at an ordering question, if the quiz of `seed` has one.
    fn quiz_with_order(bank: &QuizBank, seed: u64) -> Option<Session> {
        let quiz = quiz(bank, seed, 10);
        let position = quiz.questions.iter().position(|q| q.kind.is_ordering())?;
        let mut session = Session::new(quiz, Mode::Practice);
        session.position = position;
        Some(session)
    }

    #[test]
    fn ending_records_the_score_once_and_class_mode_records_nothing() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        let quiz = single_first(&bank);
        let right = quiz.questions[0].answer[0];
        let actions = [
            QuizAction::Choose(right),
            QuizAction::Confirm,
            QuizAction::End,
            QuizAction::Previous,
            QuizAction::End,
            QuizAction::Next,
        ];
        let mut session = Session::new(quiz.clone(), Mode::Practice);
        let mut memory = Memory::new();
        let applied = run(&mut session, &mut memory, &actions);
        assert!(applied[2].finished && applied[2].recorded);
        assert!(applied[3..].iter().all(|a| *a == Applied::default()));
        assert_eq!(memory.scores.len(), 1);
        assert_eq!(
            (memory.scores[0].right, memory.scores[0].total),
            (1, 1),
            "right out of answered, as the history always had it"
        );
        assert_eq!(memory.scores[0].mode, "practice");

        let mut session = Session::new(quiz, Mode::Class);
        let mut memory = Memory::new();
        let applied = run(&mut session, &mut memory, &actions);
        assert!(applied.iter().all(|a| !a.recorded));
        assert!(session.finished);
        assert_eq!(memory, Memory::new());
    }

    #[test]
    fn going_on_keeps_a_pick_and_the_end_is_asked_while_one_is_unanswered() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        let quiz = single_first(&bank);
        let total = quiz.questions.len();
        let first = quiz.questions[0].clone();
        let mut session = Session::new(quiz, Mode::Test);
        let mut memory = Memory::new();
        run(
            &mut session,
            &mut memory,
            &[QuizAction::Choose(first.answer[0]), QuizAction::Next],
        );
        assert_eq!(session.position, 1);
        assert_eq!(
            session.answers[0].chosen,
            [first.answer[0]],
            "the pick is kept"
        );
        assert_eq!(session.picks_not_confirmed(), 1);
        // Past the last question, with one left unanswered: asked, not ended.
        let nexts = vec![QuizAction::Next; total];
        run(&mut session, &mut memory, &nexts);
        assert!(session.asking_to_end && !session.finished);
        assert!(memory.scores.is_empty());
        // Nothing else is done until it is answered.
        let before = session.clone();
        run(
            &mut session,
            &mut memory,
            &[
                QuizAction::Previous,
                QuizAction::Choose(0),
                QuizAction::Confirm,
            ],
        );
        assert_eq!(session, before);
        run(
            &mut session,
            &mut memory,
            &[QuizAction::KeepGoing, QuizAction::Previous],
        );
        assert!(!session.asking_to_end && !session.finished);
        assert_eq!(session.position, total - 2);
        let applied = run(
            &mut session,
            &mut memory,
            &[QuizAction::AskToEnd, QuizAction::End],
        );
        assert_eq!(applied[0], Applied::default(), "asking ends nothing");
        assert!(applied[1].finished && session.finished && !session.asking_to_end);
        assert_eq!(memory.scores.len(), 1);
    }

    #[test]
    fn a_quiz_answered_in_full_ends_without_asking() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        let quiz = single_first(&bank);
        let mut session = Session::new(quiz.clone(), Mode::Test);
        let mut memory = Memory::new();
        for question in &quiz.questions {
            for &i in &question.answer {
                session.apply(QuizAction::Choose(i), &mut memory, now());
            }
            session.apply(QuizAction::Confirm, &mut memory, now());
        }
        assert!(session.finished && !session.asking_to_end);
        // Class mode records nothing, so there is nothing to ask about.
        let mut session = Session::new(quiz.clone(), Mode::Class);
        let nexts = vec![QuizAction::Next; quiz.questions.len()];
        run(&mut session, &mut memory, &nexts);
        assert!(session.finished);
    }

    /// One random action; options past the last one are chosen too, and End
    /// is rare, so that sequences get somewhere before they end.
    fn random_action(rng: &mut Rng) -> QuizAction {
        match rng.below(23) {
            0..=5 => QuizAction::Choose(rng.below(6)),
            6 => QuizAction::Clear,
            7..=11 => QuizAction::Confirm,
            12..=14 => QuizAction::Next,
            15..=16 => QuizAction::Previous,
            17..=18 => QuizAction::Reveal,
            19 => QuizAction::AskToEnd,
            20..=21 => QuizAction::KeepGoing,
            _ => QuizAction::End,
        }
    }

    #[test]
    fn random_actions_keep_every_promise() {
        let dataset = Dataset::embedded().unwrap();
        let bank = QuizBank::new(&dataset);
        for seed in 0..1000 {
            let quiz = quiz(&bank, seed, 6);
            let total = quiz.questions.len();
            let mode = Mode::ALL[seed as usize % Mode::ALL.len()];
            let mut session = Session::new(quiz, mode);
            let mut memory = Memory::new();
            let mut rng = Rng::new(seed, 13);
            let mut answered_now = 0;
            for _ in 0..40 {
                let before = session.clone();
                let action = random_action(&mut rng);
                let applied = session.apply(action, &mut memory, now());
                let context = format!("seed {seed}, {mode:?}, {action:?}");
                if before.finished {
                    assert_eq!(session, before, "{context}: a finished quiz changed");
                    assert_eq!(applied, Applied::default(), "{context}");
                }
                // While the end is asked about, nothing else is done.
                if before.asking_to_end {
                    assert_eq!(
                        (&session.answers, session.position),
                        (&before.answers, before.position),
                        "{context}"
                    );
                }
                // A quiz ends without asking only when nothing is left unanswered.
                if session.finished && !before.finished && action != QuizAction::End {
                    let unanswered = session.answers.iter().any(|a| !a.confirmed);
                    assert!(!(mode.records() && unanswered), "{context}");
                }
                // A choice is never dropped: only Clear empties one.
                if action != QuizAction::Clear {
                    for (old, new) in before.answers.iter().zip(&session.answers) {
                        assert!(
                            old.chosen.iter().all(|c| new.chosen.contains(c))
                                || !new.chosen.is_empty() && !old.confirmed,
                            "{context}"
                        );
                    }
                }
                // A confirmed answer never changes.
                for (old, new) in before.answers.iter().zip(&session.answers) {
                    if old.confirmed {
                        assert_eq!(
                            (&old.chosen, new.confirmed),
                            (&new.chosen, true),
                            "{context}"
                        );
                    }
                }
                let (right, answered) = session.score();
                assert!(right <= answered && answered <= total, "{context}");
                assert!(session.position < total, "{context}");
                answered_now += usize::from(applied.answered.is_some());
                assert_eq!(answered, answered_now, "{context}");
                assert_eq!(
                    applied.recorded,
                    mode.records() && (applied.answered.is_some() || applied.finished),
                    "{context}"
                );
            }
            let recorded = if mode.records() { answered_now } else { 0 };
            assert_eq!(answered_total(&memory) as usize, recorded, "seed {seed}");
            let scores = usize::from(session.finished && mode.records());
            assert_eq!(memory.scores.len(), scores, "seed {seed}");
            if let Some(score) = memory.scores.first() {
                let (right, answered) = session.score();
                assert_eq!(
                    (score.right as usize, score.total as usize),
                    (right, answered)
                );
            }
            // Answers are recorded as they were given, right or wrong.
            if mode.records() {
                let right = memory
                    .questions
                    .values()
                    .map(|r| r.right as usize)
                    .sum::<usize>();
                assert_eq!(right, session.score().0, "seed {seed}");
            }
        }
    }
}
