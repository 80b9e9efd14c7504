//! The Quiz view: set up a quiz (mode, topics, length, difficulty, or a quiz
//! code), take it with the mouse or the keyboard, see the score and review
//! every question; Class mode shows one question large for a projector. The
//! student's memory (spaced repetition and score history) is saved after
//! every answer.

mod class;
mod question;
mod results;
mod setup;

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::Key;

use super::command::Command;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::memory::{Memory, Score};
use crate::quiz::session::{Mode, Session};
use crate::quiz::{
    CodeError, Difficulty, MAX_COUNT, Question, QuestionKind, Quiz, SEED_BITS, Topic,
};
use crate::storage::{self, Loaded};

/// The quiz's state while the app runs, and the memory it saves.
#[derive(Debug)]
pub struct QuizRuntime {
    /// The choices on the setup screen.
    pub setup: Setup,
    /// The quiz being taken, if any.
    pub session: Option<Session>,
    /// What the student remembers; saved to `memory_file`.
    pub memory: Memory,
    /// Where the memory is saved; `None` keeps it for this run only.
    memory_file: Option<PathBuf>,
    /// Something the student should know: a save that failed, a damaged save
    /// set aside.
    pub notice: Option<Notice>,
    /// In Class mode with a countdown: when the time of the question shown
    /// runs out, in egui's clock (seconds).
    deadline: Option<f64>,
}

/// The setup screen's choices.
#[derive(Clone, Debug)]
pub struct Setup {
    /// How the quiz will be taken.
    pub mode: Mode,
    /// The topics chosen; all of them at first.
    pub topics: BTreeSet<Topic>,
    /// How many questions.
    pub count: usize,
    /// How close the wrong options are.
    pub difficulty: Difficulty,
    /// A quiz code being typed.
    pub code_text: String,
    /// Why the typed code is not one.
    pub code_error: Option<CodeError>,
    /// Class mode: seconds per question, if counted down.
    pub countdown: Option<u32>,
}

/// Something the student should know, put into words when drawn so that it
/// follows the interface's language.
#[derive(Clone, Debug)]
pub enum Notice {
    /// The saved progress could not be read; it was moved to `moved_to`, if
    /// it could be.
    Unreadable {
        /// Why, as the storage says it.
        reason: String,
        /// Where the damaged file was kept.
        moved_to: Option<PathBuf>,
    },
    /// The progress could not be saved to `file`.
    Unsaved {
        /// The memory file.
        file: PathBuf,
        /// Why, as the system says it.
        error: String,
    },
    /// The chosen topics give no question.
    NoQuestion,
    /// The questions due are no longer in the dataset.
    NothingToReview,
}

impl Notice {
    /// The notice in the current language.
    pub fn text(&self) -> String {
        match self {
            Notice::Unreadable {
                reason,
                moved_to: Some(path),
            } => trf(
                "quiz.progress_unreadable_kept",
                &[("reason", reason), ("path", &path.display())],
            ),
            Notice::Unreadable {
                reason,
                moved_to: None,
            } => trf("quiz.progress_unreadable", &[("reason", reason)]),
            Notice::Unsaved { file, error } => trf(
                "quiz.progress_unsaved",
                &[("path", &file.display()), ("error", error)],
            ),
            Notice::NoQuestion => tr("quiz.no_question_on_topics").to_owned(),
            Notice::NothingToReview => tr("quiz.nothing_to_review").to_owned(),
        }
    }
}

impl Default for Setup {
    fn default() -> Self {
        Self {
            mode: Mode::Practice,
            topics: Topic::ALL.into_iter().collect(),
            count: 10,
            difficulty: Difficulty::Normal,
            code_text: String::new(),
            code_error: None,
            countdown: None,
        }
    }
}

impl Default for QuizRuntime {
    fn default() -> Self {
        Self {
            setup: Setup::default(),
            session: None,
            memory: Memory::new(),
            memory_file: None,
            notice: None,
            deadline: None,
        }
    }
}

impl QuizRuntime {
    /// Loads the memory saved at `file`. A missing file starts an empty
    /// memory; a damaged one is moved aside (see [`storage::load_json`]) and
    /// the student is told.
    pub fn with_memory_file(file: PathBuf) -> Self {
        let mut runtime = Self::default();
        match storage::load_json::<Memory>(&file) {
            Loaded::Missing => {}
            Loaded::Read(memory) => runtime.memory = memory.migrated(),
            Loaded::SetAside { reason, moved_to } => {
                runtime.notice = Some(Notice::Unreadable { reason, moved_to });
            }
        }
        runtime.memory_file = Some(file);
        runtime
    }

    /// Starts `quiz` in `mode`.
    pub fn start(&mut self, quiz: Quiz, mode: Mode) {
        self.session = Some(Session::new(quiz, mode));
        self.deadline = None;
    }

    /// Records a confirmed answer in the memory and saves it.
    fn record(&mut self, question: &Question, right: bool) {
        self.memory.record(question, right, chrono::Utc::now());
        self.save();
    }

    /// Adds the finished session's score to the history and saves it.
    fn record_score(&mut self) {
        let Some(session) = &self.session else { return };
        if !session.mode.records() {
            return;
        }
        let (right, total) = session.score();
        self.memory.add_score(Score {
            at: chrono::Utc::now(),
            mode: session.mode.key().to_owned(),
            code: session.quiz.code.map(|c| c.to_string()),
            right: u32::try_from(right).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
        });
        self.save();
    }

    fn save(&mut self) {
        let Some(file) = &self.memory_file else {
            return;
        };
        if let Err(error) = storage::save_json(file, &self.memory) {
            self.notice = Some(Notice::Unsaved {
                file: file.clone(),
                error: error.to_string(),
            });
        }
    }
}

/// Draws the Quiz view.
pub fn quiz_view_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
) {
    if let Some(notice) = runtime.notice.as_ref().map(Notice::text) {
        egui::Panel::top("quiz_notice").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, notice);
                if ui.small_button(tr("quiz.dismiss")).clicked() {
                    runtime.notice = None;
                }
            });
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let finished = runtime.session.as_ref().map(|s| (s.finished, s.mode));
        match finished {
            None => setup::setup_ui(ui, dataset, runtime),
            Some((true, _)) => results::results_ui(ui, dataset, runtime, commands),
            Some((false, Mode::Class)) => {
                class::class_ui(ui, dataset, runtime, commands, class::CLASS_SCALE);
            }
            Some((false, _)) => question::question_ui(ui, dataset, runtime, commands),
        }
    });
}

/// The quiz under way on the presentation stage: its question as in Class
/// mode (Space reveals, arrows move), at `scale` times the Class size; the
/// score and review at the end.
pub fn present_question_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    scale: f32,
    commands: &mut Vec<Command>,
) {
    let finished = runtime.session.as_ref().is_some_and(|s| s.finished);
    if finished {
        results::results_ui(ui, dataset, runtime, commands);
    } else {
        class::class_ui(ui, dataset, runtime, commands, class::CLASS_SCALE * scale);
    }
}

/// A key that chooses an option: 1–8 or A–H.
fn option_key(ui: &egui::Ui) -> Option<usize> {
    const KEYS: [(Key, Key); 8] = [
        (Key::Num1, Key::A),
        (Key::Num2, Key::B),
        (Key::Num3, Key::C),
        (Key::Num4, Key::D),
        (Key::Num5, Key::E),
        (Key::Num6, Key::F),
        (Key::Num7, Key::G),
        (Key::Num8, Key::H),
    ];
    ui.input_mut(|i| {
        KEYS.iter().position(|&(number, letter)| {
            i.consume_key(egui::Modifiers::NONE, number)
                || i.consume_key(egui::Modifiers::NONE, letter)
        })
    })
}

/// Whether a text field has the keyboard, so that letters are typing, not answers.
fn typing(ui: &egui::Ui) -> bool {
    ui.ctx().text_edit_focused()
}

/// Whether `key` was pressed (and takes it, so no other widget acts on it).
fn pressed(ui: &egui::Ui, key: Key) -> bool {
    ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
}

/// "Read in source" buttons for a question's sources.
fn sources_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    question: &Question,
    commands: &mut Vec<Command>,
) {
    for source in &question.sources {
        crate::ui::widgets::read_in_source(ui, dataset, source, commands);
    }
}

/// A mode's name in the current language ([`Mode::label`] stays English for
/// the command line).
fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Practice => tr("quiz.mode_practice"),
        Mode::Test => tr("quiz.mode_test"),
        Mode::Class => tr("quiz.mode_class"),
        Mode::Review => tr("quiz.mode_review"),
    }
}

/// A topic's name in the current language.
fn topic_label(topic: Topic) -> &'static str {
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
fn difficulty_label(difficulty: Difficulty) -> &'static str {
    match difficulty {
        Difficulty::Easy => tr("quiz.difficulty_easy"),
        Difficulty::Normal => tr("quiz.difficulty_normal"),
        Difficulty::Hard => tr("quiz.difficulty_hard"),
    }
}

/// A kind of question's name in the current language.
fn kind_label(kind: QuestionKind) -> &'static str {
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
fn code_error_text(error: &CodeError) -> String {
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
        CodeError::NotShareable => trf(
            "quiz.code_error_not_shareable",
            &[
                ("max_seed", &(1u64 << SEED_BITS)),
                ("max_count", &MAX_COUNT),
            ],
        ),
    }
}
