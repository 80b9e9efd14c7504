//! The quiz's names in the current language: modes, topics, difficulties,
//! kinds of question, and why a typed quiz code is not one.

use crate::i18n::{tr, trf};
use crate::quiz::session::Mode;
use crate::quiz::{CodeError, Difficulty, MAX_COUNT, QuestionKind, SEED_BITS, Topic};

/// A mode's name in the current language ([`Mode::label`] stays English for
/// the command line).
pub fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Practice => tr("quiz.mode_practice"),
        Mode::Test => tr("quiz.mode_test"),
        Mode::Class => tr("quiz.mode_class"),
        Mode::Review => tr("quiz.mode_review"),
    }
}

/// A topic's name in the current language.
pub fn topic_label(topic: Topic) -> &'static str {
    match topic {
        Topic::Events => tr("quiz.topic_events"),
        Topic::Resolutions => tr("quiz.topic_resolutions"),
        Topic::Organizations => tr("quiz.topic_organizations"),
        Topic::People => tr("quiz.topic_people"),
        Topic::Figures => tr("quiz.topic_figures"),
        Topic::Glossary => tr("quiz.topic_glossary"),
        Topic::Sentences => tr("quiz.topic_sentences"),
    }
}

/// A difficulty's name in the current language.
pub fn difficulty_label(difficulty: Difficulty) -> &'static str {
    match difficulty {
        Difficulty::Easy => tr("quiz.difficulty_easy"),
        Difficulty::Normal => tr("quiz.difficulty_normal"),
        Difficulty::Hard => tr("quiz.difficulty_hard"),
    }
}

/// A kind of question's name in the current language.
pub fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::EventYear => tr("quiz.kind_event_year"),
        QuestionKind::EventMonth => tr("quiz.kind_event_month"),
        QuestionKind::EventDay => tr("quiz.kind_event_day"),
        QuestionKind::WhichFirst => tr("quiz.kind_which_first"),
        QuestionKind::Order => tr("quiz.kind_order"),
        QuestionKind::ResolutionNumber => tr("quiz.kind_resolution_number"),
        QuestionKind::ResolutionSubject => tr("quiz.kind_resolution_subject"),
        QuestionKind::AcronymToName => tr("quiz.kind_acronym_to_name"),
        QuestionKind::NameToAcronym => tr("quiz.kind_name_to_acronym"),
        QuestionKind::Relationship => tr("quiz.kind_relationship"),
        QuestionKind::PersonRole => tr("quiz.kind_person_role"),
        QuestionKind::RolePerson => tr("quiz.kind_role_person"),
        QuestionKind::Figure => tr("quiz.kind_figure"),
        QuestionKind::TermToDefinition => tr("quiz.kind_term_to_definition"),
        QuestionKind::DefinitionToTerm => tr("quiz.kind_definition_to_term"),
        QuestionKind::Cloze => tr("quiz.kind_cloze"),
    }
}

/// Why a typed text is not a quiz code, in the current language
/// ([`CodeError`]'s own message stays English for the command line).
pub fn code_error_text(error: &CodeError) -> String {
    match error {
        CodeError::Empty => tr("quiz.code_error_empty").to_owned(),
        CodeError::Character { character } => {
            trf("quiz.code_error_character", &[("character", character)])
        }
        CodeError::Length { text, length } => trf(
            "quiz.code_error_length",
            &[("text", text), ("length", length)],
        ),
        CodeError::Check(text) => trf("quiz.code_error_check", &[("text", text)]),
        CodeError::Unknown(text) => trf("quiz.code_error_unknown", &[("text", text)]),
        CodeError::Earlier(text) => trf("quiz.code_error_earlier", &[("text", text)]),
        CodeError::NotShareable => trf(
            "quiz.code_error_not_shareable",
            &[
                ("max_seed", &(1u64 << SEED_BITS)),
                ("max_count", &MAX_COUNT),
            ],
        ),
    }
}
