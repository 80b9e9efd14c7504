//! What a student remembers: spaced repetition of the questions they have
//! answered (FSRS, through the rs-fsrs crate), their weakest topics, and the
//! history of their scores. Pure data; the app saves it with
//! [`crate::storage::save_json`].
//!
//! A question is remembered by its stable [`super::Question::id`] (what it
//! asks), with the question as it was asked. A review asks it again with its
//! options in a new order, so that the student recalls the fact, not where
//! the right option stood; a question whose sources the dataset no longer
//! has is left out of reviews.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating};
use serde::{Deserialize, Serialize};

use super::{Question, QuestionKind, Quiz, QuizOptions, Topic};
use crate::dataset::Dataset;
use crate::model::Source;
use crate::quiz::Rng;

// How two windows' copies of the memory are merged on save.
mod merge;

/// The version of the saved format (see [`crate::storage`] on versions).
///
/// - 1: every file saved before versions were checked; it said `"version": 1`
///   (or nothing, if written by hand).
/// - 2: the same fields. What changes is that the number is now checked: a
///   file of a newer format is never read nor written over.
pub const MEMORY_VERSION: u32 = 2;

/// Everything remembered between sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// The saved format's version: [`MEMORY_VERSION`] once read or made;
    /// saving writes [`MEMORY_VERSION`] whatever it says.
    #[serde(default)]
    pub version: u32,
    /// Per question id: its review schedule and how often it was answered right.
    #[serde(default)]
    pub questions: BTreeMap<String, Recall>,
    /// Finished quizzes, oldest first.
    #[serde(default)]
    pub scores: Vec<Score>,
}

/// One question's schedule and record.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Recall {
    /// The question's topic, by key ("events", "figures"…).
    pub topic: String,
    /// FSRS's memory state: when it is due, its stability and difficulty.
    pub card: Card,
    /// Answers right.
    pub right: u32,
    /// Answers wrong.
    pub wrong: u32,
    /// The question as last asked, to ask it again in a review.
    #[serde(default)]
    pub question: Option<StoredQuestion>,
    /// The card before the last answer, so that the student's own rating of
    /// that answer can take the place of the one given for right or wrong.
    /// Not saved: a rating follows its answer within the session.
    #[serde(skip)]
    pub before: Option<Card>,
}

/// Two records are the same when what is saved of them is: the card kept
/// for a rating ([`Recall::before`]) lives only as long as the session.
impl PartialEq for Recall {
    fn eq(&self, other: &Self) -> bool {
        self.topic == other.topic
            && self.card == other.card
            && self.right == other.right
            && self.wrong == other.wrong
            && self.question == other.question
    }
}

/// How well the student knew an answer, as Anki asks it after each card:
/// FSRS schedules the question by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// Not known: it comes back soon.
    Again,
    /// Known, with effort.
    Hard,
    /// Known.
    Good,
    /// Known at once: it comes back much later.
    Easy,
}

impl Grade {
    /// Every grade, in the order of their keys 1 to 4.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The grade given without asking: Good for a right answer, Again for a
    /// wrong one.
    pub fn of(right: bool) -> Grade {
        if right { Grade::Good } else { Grade::Again }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// A question as saved: plain strings and numbers, so that a save never
/// depends on how the generator's types are laid out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredQuestion {
    /// [`QuestionKind::key`].
    pub kind: String,
    /// The prompt.
    pub prompt: String,
    /// The options.
    pub options: Vec<String>,
    /// The answer, as indices into `options`.
    pub answer: Vec<usize>,
    /// The explanation.
    pub explanation: String,
    /// (article, paragraph) citations.
    pub sources: Vec<(String, u32)>,
}

impl StoredQuestion {
    fn of(question: &Question) -> Self {
        Self {
            kind: question.kind.key().to_owned(),
            prompt: question.prompt.clone(),
            options: question.options.clone(),
            answer: question.answer.clone(),
            explanation: question.explanation.clone(),
            sources: question
                .sources
                .iter()
                .map(|s| (s.article.clone(), s.paragraph))
                .collect(),
        }
    }

    /// The question again, its options shuffled by `rng`; `None` if it no
    /// longer makes sense: an unknown kind or topic, an answer that points
    /// past the options, or a source the dataset does not have.
    fn question(
        &self,
        id: &str,
        topic: &str,
        dataset: &Dataset,
        rng: &mut Rng,
    ) -> Option<Question> {
        let kind = QuestionKind::ALL
            .into_iter()
            .find(|k| k.key() == self.kind)?;
        let topic = Topic::from_key(topic)?;
        if self.answer.iter().any(|&i| i >= self.options.len()) || self.sources.is_empty() {
            return None;
        }
        let sources: Vec<Source> = self
            .sources
            .iter()
            .map(|(article, paragraph)| Source {
                article: article.clone(),
                paragraph: *paragraph,
            })
            .collect();
        let resolves = |s: &Source| {
            dataset
                .article(&s.article)
                .is_some_and(|a| a.paragraph(s.paragraph).is_some())
        };
        if !sources.iter().all(resolves) {
            return None;
        }
        // A new order: place[i] is where old option i goes.
        let mut order: Vec<usize> = (0..self.options.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut options = vec![String::new(); self.options.len()];
        for (old, &new) in order.iter().enumerate() {
            if let (Some(slot), Some(text)) = (options.get_mut(new), self.options.get(old)) {
                slot.clone_from(text);
            }
        }
        let answer = self
            .answer
            .iter()
            .filter_map(|&old| order.get(old).copied())
            .collect();
        Some(Question {
            kind,
            topic,
            prompt: self.prompt.clone(),
            options,
            answer,
            explanation: self.explanation.clone(),
            sources,
            id: id.to_owned(),
            footprint: super::Footprint::default(),
        })
    }
}

/// A finished quiz.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// When it was finished.
    pub at: DateTime<Utc>,
    /// "practice", "test" or "review".
    pub mode: String,
    /// The quiz code, for a quiz that has one.
    #[serde(default)]
    pub code: Option<String>,
    /// Questions answered right.
    pub right: u32,
    /// Questions asked.
    pub total: u32,
}

impl Score {
    /// The share answered right, 0 to 1; 0 for an empty quiz.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            f64::from(self.right) / f64::from(self.total)
        }
    }
}

/// A topic's share of right answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TopicRecord {
    /// The topic.
    pub topic: Topic,
    /// Answers right.
    pub right: u32,
    /// Answers given.
    pub answered: u32,
}

impl TopicRecord {
    /// The share answered right, 0 to 1.
    pub fn fraction(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            f64::from(self.right) / f64::from(self.answered)
        }
    }
}

/// The scheduler: FSRS's published default weights and 90 % retention, in
/// whole days (no minute-long learning steps: a student comes back to the
/// app on another day, not in ten minutes), no fuzz (so that tests and the
/// due count are reproducible).
fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        enable_fuzz: false,
        enable_short_term: false,
        ..Parameters::default()
    })
}

impl Default for Memory {
    /// An empty memory of the current version.
    fn default() -> Self {
        Self {
            version: MEMORY_VERSION,
            questions: BTreeMap::new(),
            scores: Vec::new(),
        }
    }
}

/// Saved as `quiz-memory.json` with [`crate::storage::save_json`], read with
/// [`crate::storage::load_json`], which migrates a version-1 file.
impl crate::storage::Versioned for Memory {
    const VERSION: u32 = MEMORY_VERSION;

    /// 1 to 2: the same fields; only the version number changes.
    fn migrate(
        _object: &mut serde_json::Map<String, serde_json::Value>,
        _from: u32,
    ) -> Result<(), String> {
        Ok(())
    }
}

impl Memory {
    /// An empty memory of the current version.
    pub fn new() -> Self {
        Self::default()
    }

    /// Brings a memory deserialized directly (not through
    /// [`crate::storage::load_json`], which migrates by itself) up to date:
    /// versions before 2 had the same fields, so only the number changes.
    pub fn migrated(mut self) -> Self {
        if self.version < MEMORY_VERSION {
            self.version = MEMORY_VERSION;
        }
        self
    }

    /// Records an answer to `question` at `now`: right is FSRS's "Good",
    /// wrong its "Again", which brings the question back soon, until the
    /// student rates it otherwise ([`Memory::rate`]).
    pub fn record(&mut self, question: &Question, right: bool, now: DateTime<Utc>) {
        let entry = self
            .questions
            .entry(question.id.clone())
            .or_insert_with(|| Recall {
                topic: question.topic.key().to_owned(),
                card: Card {
                    due: now,
                    last_review: now,
                    ..Card::default()
                },
                right: 0,
                wrong: 0,
                question: None,
                before: None,
            });
        entry.question = Some(StoredQuestion::of(question));
        entry.before = Some(entry.card.clone());
        let rating = Grade::of(right).rating();
        entry.card = scheduler().next(entry.card.clone(), now, rating).card;
        if right {
            entry.right += 1;
        } else {
            entry.wrong += 1;
        }
    }

    /// The student's own `grade` for the answer just recorded for question
    /// `id` (at `now`): the question is scheduled from where it was before
    /// that answer, as if the answer had been rated so. Whether there was
    /// such an answer to rate.
    pub fn rate(&mut self, id: &str, grade: Grade, now: DateTime<Utc>) -> bool {
        let Some(entry) = self.questions.get_mut(id) else {
            return false;
        };
        let Some(before) = entry.before.clone() else {
            return false;
        };
        entry.card = scheduler().next(before, now, grade.rating()).card;
        true
    }

    /// Ids of the questions due for review at `now`, most overdue first.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<&str> {
        let mut due: Vec<(&DateTime<Utc>, &str)> = self
            .questions
            .iter()
            .filter(|(_, recall)| recall.card.due <= now)
            .map(|(id, recall)| (&recall.card.due, id.as_str()))
            .collect();
        due.sort();
        due.into_iter().map(|(_, id)| id).collect()
    }

    /// A quiz of the questions due at `now`, most overdue first, at most 64,
    /// each with its options in a new order drawn from `seed`.
    pub fn review_quiz(&self, dataset: &Dataset, now: DateTime<Utc>, seed: u64) -> Quiz {
        let mut rng = Rng::new(seed, 0x0052_4556);
        let questions: Vec<Question> = self
            .due(now)
            .into_iter()
            .filter_map(|id| {
                let recall = self.questions.get(id)?;
                recall
                    .question
                    .as_ref()?
                    .question(id, &recall.topic, dataset, &mut rng)
            })
            .take(64)
            .collect();
        Quiz {
            options: QuizOptions {
                seed,
                count: questions.len(),
                ..QuizOptions::default()
            },
            code: None,
            questions,
        }
    }

    /// When the next question falls due after `now`, if any is scheduled.
    pub fn next_due(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.questions
            .values()
            .map(|recall| recall.card.due)
            .filter(|due| *due > now)
            .min()
    }

    /// Every topic answered at least once, weakest (lowest share right) first;
    /// ties by more answers first, then topic order.
    pub fn weakest_topics(&self) -> Vec<TopicRecord> {
        let mut records: Vec<TopicRecord> = Vec::new();
        for topic in Topic::ALL {
            let (right, answered) = self
                .questions
                .values()
                .filter(|recall| recall.topic == topic.key())
                .fold((0, 0), |(right, answered), recall| {
                    (right + recall.right, answered + recall.right + recall.wrong)
                });
            if answered > 0 {
                records.push(TopicRecord {
                    topic,
                    right,
                    answered,
                });
            }
        }
        records.sort_by(|a, b| {
            a.fraction()
                .total_cmp(&b.fraction())
                .then(b.answered.cmp(&a.answered))
        });
        records
    }

    /// Adds a finished quiz to the history.
    pub fn add_score(&mut self, score: Score) {
        self.scores.push(score);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::quiz::{QuizOptions, generate};
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .single()
            .unwrap()
    }

    fn questions(count: usize) -> Vec<Question> {
        let dataset = Dataset::embedded().unwrap();
        let options = QuizOptions {
            count,
            ..QuizOptions::from_entropy(11)
        };
        generate(&dataset, &options).questions
    }

    #[test]
    fn a_wrong_answer_is_due_again_sooner_than_a_right_one() {
        let questions = questions(2);
        let mut memory = Memory::new();
        memory.record(&questions[0], true, at(1, 9));
        memory.record(&questions[1], false, at(1, 9));
        let right = &memory.questions[&questions[0].id].card.due;
        let wrong = &memory.questions[&questions[1].id].card.due;
        assert!(wrong < right, "wrong {wrong}, right {right}");
        // The wrong one comes back within the day; nothing is due at once.
        assert!(memory.due(at(1, 9)).is_empty());
        assert_eq!(memory.due(at(2, 9)), [questions[1].id.as_str()]);
        assert!(memory.next_due(at(1, 9)).is_some());
    }

    #[test]
    fn answering_right_again_and_again_spaces_the_reviews_out() {
        let question = &questions(1)[0];
        let mut memory = Memory::new();
        let mut now = at(1, 9);
        let mut gaps = Vec::new();
        for _ in 0..5 {
            memory.record(question, true, now);
            let due = memory.questions[&question.id].card.due;
            gaps.push((due - now).num_minutes());
            now = due;
        }
        assert!(gaps.windows(2).all(|w| w[0] <= w[1]), "{gaps:?}");
        assert!(gaps.last().unwrap() > &(24 * 60), "{gaps:?}");
        assert_eq!(memory.questions[&question.id].right, 5);
    }

    #[test]
    fn a_review_asks_the_due_questions_again_with_options_reordered() {
        let dataset = Dataset::embedded().unwrap();
        let questions = questions(12);
        let mut memory = Memory::new();
        for (i, question) in questions.iter().enumerate() {
            memory.record(question, i % 3 != 0, at(1, 9));
        }
        let review = memory.review_quiz(&dataset, at(2, 9), 1);
        let wrong: Vec<&Question> = questions.iter().step_by(3).collect();
        assert_eq!(review.questions.len(), wrong.len());
        for asked in &review.questions {
            let original = questions.iter().find(|q| q.id == asked.id).unwrap();
            assert_eq!(asked.prompt, original.prompt);
            let mut a = asked.options.clone();
            let mut b = original.options.clone();
            a.sort();
            b.sort();
            assert_eq!(a, b);
            let right: Vec<&String> = asked.answer.iter().map(|&i| &asked.options[i]).collect();
            let was: Vec<&String> = original
                .answer
                .iter()
                .map(|&i| &original.options[i])
                .collect();
            assert_eq!(right, was, "{}", asked.id);
        }
        // Another seed, another order for at least one of them.
        let again = memory.review_quiz(&dataset, at(2, 9), 2);
        assert!(
            again
                .questions
                .iter()
                .zip(&review.questions)
                .any(|(a, b)| a.options != b.options)
        );
        // A question whose article is gone is not asked.
        let mut gone = memory.clone();
        for recall in gone.questions.values_mut() {
            if let Some(stored) = &mut recall.question {
                stored.sources = vec![("no-such-article".to_owned(), 1)];
            }
        }
        assert!(gone.review_quiz(&dataset, at(2, 9), 1).questions.is_empty());
    }

    #[test]
    fn the_weakest_topic_comes_first() {
        let questions = questions(40);
        let mut memory = Memory::new();
        let first_topic = questions[0].topic;
        for question in &questions {
            memory.record(question, question.topic != first_topic, at(1, 9));
        }
        let weakest = memory.weakest_topics();
        assert_eq!(weakest[0].topic, first_topic);
        assert_eq!(weakest[0].right, 0);
        assert!(weakest[1..].iter().all(|r| r.fraction() == 1.0));
    }

    #[test]
    fn a_memory_reads_back_and_an_old_save_is_migrated() {
        let questions = questions(3);
        let mut memory = Memory::new();
        for question in &questions {
            memory.record(question, true, at(1, 9));
        }
        memory.add_score(Score {
            at: at(1, 10),
            mode: "test".to_owned(),
            code: Some("ABCD1234".to_owned()),
            right: 3,
            total: 3,
        });
        let text = serde_json::to_string(&memory).unwrap();
        let back: Memory = serde_json::from_str(&text).unwrap();
        assert_eq!(back, memory);
        // A save of version 0 had no version field.
        let old: Memory = serde_json::from_str(r#"{"questions": {}, "scores": []}"#).unwrap();
        assert_eq!(old.version, 0);
        assert_eq!(old.migrated().version, MEMORY_VERSION);
        assert_eq!(back.scores[0].fraction(), 1.0);
    }
}
