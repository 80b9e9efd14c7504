//! The quiz generator: multiple-choice questions drawn from the dataset's
//! structure, with wrong options that are provably wrong.
//!
//! [`generate`] turns a [`Dataset`] and [`QuizOptions`] (seed, number of
//! questions, topics, difficulty) into a [`Quiz`]. The same seed, options and
//! dataset always give the same quiz; a [`QuizCode`] of ten characters
//! carries the options and the dataset's [`Fingerprint`] so that someone
//! else can take the same quiz, and is told when their dataset differs. Nothing
//! here knows of egui.
//!
//! # What a question promises
//!
//! * Every option but the answer is wrong, and wrong by what the data states,
//!   not by what it leaves out. Options differ from each other and from the
//!   answer even ignoring case and punctuation.
//! * Four options (two for "which came first"); a question that cannot get
//!   three good distractors is not asked. A quiz is never padded: it may have
//!   fewer questions than asked for.
//! * Every question cites paragraphs that exist, and its explanation quotes
//!   the sentence that states the answer (a record's own quote, or a sentence
//!   of the paragraph it cites), with how a worked-out date was worked out.
//!   A record whose answer no sentence states is not asked about.
//! * Every question has a stable [`Question::id`] ("event-year:un-membership")
//!   for spaced repetition.
//!
//! # What a quiz promises
//!
//! * One question per record (an event, an organization, a person, a
//!   figure, a term, a sentence): each question's [`Footprint`] names the
//!   records it is about.
//! * No question gives another away: the footprint says what a question
//!   asks and what its prompt, options and explanation reveal, and a text
//!   that names a record and states its value reveals it too; the generator
//!   keeps a question only if what it asks is not revealed by one kept, and
//!   what it reveals is not asked by one kept.
//! * Nothing is answered by spelling: an acronym is asked only when two
//!   options fit its initials and it has more than two letters; a term only
//!   when its definition shares no content word with it.
//!
//! # The kinds and their rules
//!
//! Each kind's module documents its rules in full; in short:
//!
//! * **Event year, month, day** ([`QuestionKind::EventYear`], …): month and
//!   day only where the date has that precision; a span only for its start
//!   ("did this begin"); a planned event as planned, unless its date is
//!   worked out. No option lies inside the event's span or is named by its
//!   title, and a worked-out year gets no option within a year of it.
//! * **Which came first, order of four**: only events of which one surely
//!   ended before the other began, at the precision of each date ("1995" and
//!   "12 December 1995" are never compared); never planned events.
//! * **Resolutions**: number from date and subject, subject and date from
//!   number; distractors are other resolutions whose dates cannot coincide.
//! * **Acronyms**: other organizations' names or acronyms, the same kind first;
//!   never a name of an organization with the same acronym, nor one that
//!   contains or is contained in the answer.
//! * **Relationship**: only labels the data rules out (a guest of honour is
//!   not a member, …); never "Cooperation", which every tie implies.
//!   Few organizations qualify, and that is the point.
//! * **Person and role**: other people's roles and names, never a role that
//!   contains or is contained in the answer's.
//! * **Figures**: the date is always in the prompt; no option is a figure of
//!   the same measure at any date (149 of 2022 is never offered for 2025);
//!   "about" figures get options at least 30 % away; "more than" figures are
//!   not asked.
//! * **Glossary**: term to definition and back, each definition with its own
//!   term masked.
//! * **Fill in the blank**: a year, month, ordinal or exact count of a
//!   record's quote; never a name, nor a number after "about" or "more than".
//!
//! # Speed
//!
//! [`QuizBank::new`] indexes a dataset once; [`QuizBank::generate`] then
//! draws each question from decks of candidates without scanning the
//! dataset, so a question costs about the same with 36 events or 100,000.
//! Candidates are checked cheaply first (does a cited paragraph hold the
//! year at all?) and only the chosen ones are split into sentences.
//! `benches/quiz.rs` times both datasets.

mod bank;
mod claims;
mod code;
mod distractors;
mod evidence;
mod fingerprint;
mod generate;
mod guess;
mod kinds;
mod options;
mod question;
mod random;
mod rng;
mod text;

// Taking a quiz, remembering answers (spaced repetition), and printing it.
pub mod action;
pub mod export;
pub mod memory;
pub mod session;
pub mod worksheet;

#[cfg(test)]
mod rating_tests;
#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod tests;

pub use bank::QuizBank;
pub use claims::{Claim, Field, Footprint, Record};
pub use code::{CodeError, QuizCode};
pub use fingerprint::{DatasetMatch, Fingerprint, code_warning};
pub use options::{
    Difficulty, DifficultyError, MAX_COUNT, QuizOptions, SEED_BITS, Topic, TopicError,
};
pub use question::{Question, QuestionKind, Quiz};
/// Public so that benchmarks and tests draw reproducible numbers with the
/// quiz's own algorithm rather than a copy of it.
pub use rng::Rng;
/// For the dataset's lints, which compare names the way options are compared.
pub(crate) use text::fold_case_and_punctuation;

use crate::dataset::Dataset;

/// A quiz from `dataset` for `options`; the same arguments always give the
/// same quiz. Indexes the dataset first: to make many quizzes from one
/// dataset, build a [`QuizBank`] once and call [`QuizBank::generate`].
pub fn generate(dataset: &Dataset, options: &QuizOptions) -> Quiz {
    QuizBank::new(dataset).generate(options)
}
