//! A question, its kinds, and a quiz.

use crate::model::Source;

use super::claims::Footprint;
use super::code::QuizCode;
use super::options::{QuizOptions, Topic};

/// What a question asks. Each kind belongs to one [`Topic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuestionKind {
    /// The year of an event (or the year it began, for a span).
    EventYear,
    /// The month of an event dated at least to the month.
    EventMonth,
    /// The day of an event dated to the day.
    EventDay,
    /// Which of two events came first.
    WhichFirst,
    /// Four events to put in order.
    Order,
    /// The number of a resolution, from its date and subject.
    ResolutionNumber,
    /// The subject and date of a resolution, from its number.
    ResolutionSubject,
    /// The full name an acronym stands for.
    AcronymToName,
    /// The acronym of a full name.
    NameToAcronym,
    /// Turkmenistan's relationship to an organization.
    Relationship,
    /// A person's role on a date.
    PersonRole,
    /// Who held a role on a date.
    RolePerson,
    /// A number with its as-of date.
    Figure,
    /// The definition of a term.
    TermToDefinition,
    /// The term a definition explains.
    DefinitionToTerm,
    /// A key sentence with one word or number blanked.
    Cloze,
}

impl QuestionKind {
    /// Every kind, grouped by topic.
    pub const ALL: [QuestionKind; 16] = [
        QuestionKind::EventYear,
        QuestionKind::EventMonth,
        QuestionKind::EventDay,
        QuestionKind::WhichFirst,
        QuestionKind::Order,
        QuestionKind::ResolutionNumber,
        QuestionKind::ResolutionSubject,
        QuestionKind::AcronymToName,
        QuestionKind::NameToAcronym,
        QuestionKind::Relationship,
        QuestionKind::PersonRole,
        QuestionKind::RolePerson,
        QuestionKind::Figure,
        QuestionKind::TermToDefinition,
        QuestionKind::DefinitionToTerm,
        QuestionKind::Cloze,
    ];

    /// The topic the kind belongs to.
    pub fn topic(self) -> Topic {
        match self {
            QuestionKind::EventYear
            | QuestionKind::EventMonth
            | QuestionKind::EventDay
            | QuestionKind::WhichFirst
            | QuestionKind::Order => Topic::Events,
            QuestionKind::ResolutionNumber | QuestionKind::ResolutionSubject => Topic::Resolutions,
            QuestionKind::AcronymToName
            | QuestionKind::NameToAcronym
            | QuestionKind::Relationship => Topic::Organizations,
            QuestionKind::PersonRole | QuestionKind::RolePerson => Topic::People,
            QuestionKind::Figure => Topic::Figures,
            QuestionKind::TermToDefinition | QuestionKind::DefinitionToTerm => Topic::Glossary,
            QuestionKind::Cloze => Topic::Sentences,
        }
    }

    /// A stable kebab-case name; question ids start with it.
    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::EventYear => "event-year",
            QuestionKind::EventMonth => "event-month",
            QuestionKind::EventDay => "event-day",
            QuestionKind::WhichFirst => "which-first",
            QuestionKind::Order => "order",
            QuestionKind::ResolutionNumber => "resolution-number",
            QuestionKind::ResolutionSubject => "resolution-subject",
            QuestionKind::AcronymToName => "acronym-to-name",
            QuestionKind::NameToAcronym => "name-to-acronym",
            QuestionKind::Relationship => "relationship",
            QuestionKind::PersonRole => "person-role",
            QuestionKind::RolePerson => "role-person",
            QuestionKind::Figure => "figure",
            QuestionKind::TermToDefinition => "term-to-definition",
            QuestionKind::DefinitionToTerm => "definition-to-term",
            QuestionKind::Cloze => "cloze",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::EventYear => "Year of an event",
            QuestionKind::EventMonth => "Month of an event",
            QuestionKind::EventDay => "Day of an event",
            QuestionKind::WhichFirst => "Which came first",
            QuestionKind::Order => "Put in order",
            QuestionKind::ResolutionNumber => "Resolution number",
            QuestionKind::ResolutionSubject => "Resolution subject",
            QuestionKind::AcronymToName => "Acronym to name",
            QuestionKind::NameToAcronym => "Name to acronym",
            QuestionKind::Relationship => "Relationship",
            QuestionKind::PersonRole => "Person to role",
            QuestionKind::RolePerson => "Role to person",
            QuestionKind::Figure => "Figure",
            QuestionKind::TermToDefinition => "Term to definition",
            QuestionKind::DefinitionToTerm => "Definition to term",
            QuestionKind::Cloze => "Fill in the blank",
        }
    }

    /// Whether the answer is an order of all the options rather than one option.
    pub fn is_ordering(self) -> bool {
        self == QuestionKind::Order
    }
}

/// One question with its options, answer, explanation and sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// What it asks.
    pub kind: QuestionKind,
    /// The topic of its kind.
    pub topic: Topic,
    /// The question as a teacher would put it.
    pub prompt: String,
    /// The options to choose from: four, two for [`QuestionKind::WhichFirst`].
    pub options: Vec<String>,
    /// Indices into `options`: the one right option, or for
    /// [`QuestionKind::Order`] every option in the right order, earliest first.
    pub answer: Vec<usize>,
    /// The answer with the sentence that states it, quoted from the record or
    /// the paragraph it cites, and how a worked-out date was worked out.
    pub explanation: String,
    /// The paragraphs the explanation quotes, first; every one exists.
    pub sources: Vec<Source>,
    /// A stable key for spaced repetition, e.g. `event-year:un-membership`:
    /// the same question of the same record gets the same id in every quiz.
    pub id: String,
    /// The records it is about, what it asks and what it gives away; empty
    /// for a question read back from memory rather than generated.
    pub footprint: Footprint,
}

impl Question {
    /// The question with its footprint.
    pub(crate) fn with(mut self, footprint: Footprint) -> Self {
        self.footprint = footprint;
        self
    }

    /// The prompt, the options and the explanation: all a quiz shows of it.
    pub fn text(&self) -> String {
        let mut text = self.prompt.clone();
        for option in &self.options {
            text.push('\n');
            text.push_str(option);
        }
        text.push('\n');
        text.push_str(&self.explanation);
        text
    }

    /// Whether `chosen` (indices into `options`) answers the question: the one
    /// right option, or for an ordering question every option in the right order.
    pub fn is_correct(&self, chosen: &[usize]) -> bool {
        if self.kind.is_ordering() {
            return chosen == self.answer;
        }
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        let mut answer = self.answer.clone();
        answer.sort_unstable();
        chosen == answer
    }

    /// The right option's text (the first, for an ordering question).
    pub fn answer_text(&self) -> &str {
        self.answer
            .first()
            .and_then(|&i| self.options.get(i))
            .map_or("", String::as_str)
    }
}

/// A generated quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    /// The options it was made with.
    pub options: QuizOptions,
    /// The code that makes it again, when the options fit in one
    /// ([`QuizOptions::is_shareable`]).
    pub code: Option<QuizCode>,
    /// The questions, at most `options.count` of them, no two with the same id.
    pub questions: Vec<Question>,
}
