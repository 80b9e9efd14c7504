//! One builder per family of question kinds. Each takes a candidate (an index
//! into its pool in the [`QuizBank`]) and returns a question, or `None` when
//! the record cannot give a good one: no sentence states the answer, fewer
//! than three provably wrong options, or a prompt that would give the answer
//! away. `None` is never an error: the generator draws another candidate.

mod chronology;
mod cloze;
mod dates;
mod figures;
pub(crate) mod footprints;
mod glossary;
mod organizations;
mod people;
mod relationships;
mod resolutions;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::model::Source;
use crate::quiz::Rng;

use super::bank::QuizBank;
use super::claims::Footprint;
use super::evidence::Evidence;
use super::options::Difficulty;
use super::question::{Question, QuestionKind};

/// Work one quiz would otherwise repeat: the sentence that dates each event
/// of the chronology (by its place in it), which "which came first" and
/// ordering questions look up again and again.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    pub dated: RefCell<HashMap<usize, Option<Evidence>>>,
}

/// What every builder gets.
pub(crate) struct Ask<'b, 'a> {
    pub bank: &'b QuizBank<'a>,
    pub difficulty: Difficulty,
    pub memo: &'b Memo,
    /// Whether a wrong option drawn from another record may be shown: it
    /// states nothing another question of the quiz asks. A builder passes
    /// over such an option rather than giving up the question, so that the
    /// question does not come and go with the options a dataset offers.
    pub may_show: &'b dyn Fn(&str) -> bool,
}

/// A question of `kind` about candidate `candidate` of the kind's pool.
pub(crate) fn build(
    bank: &QuizBank<'_>,
    kind: QuestionKind,
    candidate: usize,
    difficulty: Difficulty,
    memo: &Memo,
    may_show: &dyn Fn(&str) -> bool,
    rng: &mut Rng,
) -> Option<Question> {
    let ask = Ask {
        bank,
        difficulty,
        memo,
        may_show,
    };
    let at = |pool: &[u32]| pool.get(candidate).map(|&i| i as usize);
    match kind {
        QuestionKind::EventYear => dates::event_date(&ask, kind, at(&bank.dated)?, rng),
        QuestionKind::EventMonth => dates::event_date(&ask, kind, at(&bank.by_month)?, rng),
        QuestionKind::EventDay => dates::event_date(&ask, kind, at(&bank.by_day)?, rng),
        QuestionKind::WhichFirst => chronology::which_first(&ask, candidate, rng),
        QuestionKind::Order => chronology::order(&ask, candidate, rng),
        QuestionKind::ResolutionNumber => resolutions::number(&ask, candidate, rng),
        QuestionKind::ResolutionSubject => resolutions::subject_question(&ask, candidate, rng),
        QuestionKind::AcronymToName => {
            organizations::acronym_to_name(&ask, at(&bank.acronyms)?, rng)
        }
        QuestionKind::NameToAcronym => {
            organizations::name_to_acronym(&ask, at(&bank.acronyms)?, rng)
        }
        QuestionKind::Relationship => {
            // By its labels where three are ruled out, else by its year.
            let index = at(&bank.related)?;
            match organizations::relationship(&ask, index, rng) {
                Some(question) => Some(question),
                None => relationships::since(&ask, index, rng),
            }
        }
        QuestionKind::PersonRole => people::person_role(&ask, candidate, rng),
        QuestionKind::RolePerson => people::role_person(&ask, candidate, rng),
        QuestionKind::Figure => figures::figure(&ask, at(&bank.figures)?, rng),
        QuestionKind::TermToDefinition => glossary::term_to_definition(&ask, candidate, rng),
        QuestionKind::DefinitionToTerm => glossary::definition_to_term(&ask, candidate, rng),
        QuestionKind::Cloze => cloze::cloze(&ask, candidate, rng),
    }
}

/// A one-answer question from its parts.
fn one_answer(
    kind: QuestionKind,
    id: String,
    prompt: String,
    (options, answer): (Vec<String>, usize),
    explanation: String,
    sources: Vec<Source>,
) -> Question {
    Question {
        kind,
        topic: kind.topic(),
        prompt,
        options,
        answer: vec![answer],
        explanation,
        sources,
        id,
        footprint: Footprint::default(),
    }
}
