//! The quiz's state while the app runs: the setup screen's choices, the
//! session being taken, the student's memory and where it is saved.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::i18n::{tr, trf};
use crate::quiz::action::{Applied, QuizAction};
use crate::quiz::memory::Memory;
use crate::quiz::session::{Mode, Session};
use crate::quiz::{CodeError, Difficulty, Quiz, Topic};
use crate::shared_save::SharedSave;
use crate::storage::Loaded;

/// The quiz's state while the app runs, and the memory it saves.
#[derive(Debug)]
pub struct QuizRuntime {
    /// The choices on the setup screen.
    pub setup: Setup,
    /// The quiz being taken, if any.
    pub session: Option<Session>,
    /// What the student remembers; saved to `memory_file`.
    pub memory: Memory,
    /// Where the memory is saved, merged with other windows' answers
    /// ([`SharedSave`]); `None` keeps it for this run only.
    memory_file: Option<SharedSave<Memory>>,
    /// Something the student should know: a save that failed, a damaged save
    /// set aside.
    pub notice: Option<Notice>,
    /// In Class mode with a countdown: when the time of the question shown
    /// runs out, in egui's clock (seconds).
    pub(super) deadline: Option<f64>,
    /// The setup screen is to be shown from its top next time (back from
    /// the results, where nothing to click may lie under the last click).
    pub(super) setup_from_top: bool,
    /// The topics the dataset has questions on, worked out when the setup
    /// is first drawn for it.
    pub(super) offered: Option<BTreeSet<Topic>>,
    /// "Export…": the format chosen and the file being asked for.
    pub export: super::export::QuizExport,
    /// The live class of Class mode: running, or ended with its summary.
    pub live: super::live::LiveState,
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
    /// The code just entered was made on another dataset.
    CodeOtherDataset,
    /// The code just entered was made on another version of this dataset.
    CodeEditedDataset,
}

impl Notice {
    /// It is about the memory's file (unreadable, unsaved), not the quiz chosen.
    pub fn is_about_the_file(&self) -> bool {
        matches!(self, Notice::Unreadable { .. } | Notice::Unsaved { .. })
    }

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
            Notice::CodeOtherDataset => tr("quiz.code_other_dataset").to_owned(),
            Notice::CodeEditedDataset => tr("quiz.code_edited_dataset").to_owned(),
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
            setup_from_top: false,
            offered: None,
            export: Default::default(),
            live: Default::default(),
        }
    }
}

impl QuizRuntime {
    /// Loads the memory saved at `file`. A missing file starts an empty
    /// memory; a damaged one is moved aside (see [`crate::storage::load_json`]) and
    /// the student is told.
    pub fn with_memory_file(file: PathBuf) -> Self {
        let mut runtime = Self::default();
        let (shared, loaded) = SharedSave::<Memory>::load(file);
        match loaded {
            Loaded::Missing => {}
            Loaded::Read(memory) => runtime.memory = memory.migrated(),
            Loaded::SetAside { reason, moved_to } => {
                runtime.notice = Some(Notice::Unreadable { reason, moved_to });
            }
        }
        runtime.memory_file = Some(shared);
        runtime
    }

    /// Starts `quiz` in `mode`; a live class of the quiz before ends.
    pub fn start(&mut self, quiz: Quiz, mode: Mode) {
        self.end_live();
        self.session = Some(Session::new(quiz, mode));
        self.deadline = None;
    }

    /// Leaves the quiz for the setup screen, shown from its top.
    pub fn back_to_setup(&mut self) {
        self.end_live();
        self.session = None;
        self.deadline = None;
        self.setup_from_top = true;
    }

    /// Applies `action` to the quiz being taken (see [`Session::apply`]) and
    /// saves the memory if it recorded something. Every key and click of the
    /// quiz views comes here.
    pub fn act(&mut self, action: QuizAction) -> Applied {
        let Some(session) = &mut self.session else {
            return Applied::default();
        };
        let applied = session.apply(action, &mut self.memory, chrono::Utc::now());
        if applied.recorded {
            self.save();
        }
        applied
    }

    /// Ends the live class running, if any (its server stops), keeping its
    /// summary and the questions it missed.
    pub fn end_live(&mut self) {
        let native = self.export.dialog.native;
        self.live.end(self.session.as_ref(), native);
    }

    /// Ends the live class if its quiz is no longer the Class-mode quiz
    /// under way (finished, left, or another started).
    pub fn end_live_if_left(&mut self) {
        let under_way = self
            .session
            .as_ref()
            .is_some_and(|s| !s.finished && s.mode == Mode::Class);
        if !under_way {
            self.end_live();
        }
    }

    /// What the quiz keeps when the same dataset is reloaded. Every field is
    /// named, so that a new one must be decided on here.
    pub fn carried_over(mut self) -> Self {
        // The quiz under way goes, and its live class with it.
        self.end_live();
        let Self {
            // The quiz in progress may ask of records that changed.
            session: _,
            // The countdown belongs to the question of that session.
            deadline: _,
            // The records changed, so the topics they offer may have.
            offered: _,
            // The setup is shown as it was left.
            setup_from_top,
            setup,
            memory,
            memory_file,
            notice,
            // A quiz waiting for its place is whole in itself: it is written
            // when the place comes, whatever was reloaded meanwhile.
            export,
            // Ended above: only its summary is left, to be saved.
            live,
        } = self;
        Self {
            setup,
            session: None,
            memory,
            memory_file,
            notice,
            deadline: None,
            setup_from_top,
            offered: None,
            export,
            live,
        }
    }

    /// Saves the memory, if it has a file, merged with what another window
    /// on the same profile saved meanwhile; a failure becomes a notice.
    fn save(&mut self) {
        let Some(file) = &mut self.memory_file else {
            return;
        };
        if let Err(error) = file.save(&mut self.memory) {
            self.notice = Some(Notice::Unsaved {
                file: file.path().to_path_buf(),
                error: error.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::quiz::{QuizOptions, generate};

    #[test]
    fn a_reload_keeps_the_memory_and_setup_but_not_the_quiz_under_way() {
        let dataset = Dataset::embedded().unwrap();
        let quiz = generate(
            &dataset,
            &QuizOptions {
                count: 3,
                ..QuizOptions::default()
            },
        );
        let mut memory = Memory::new();
        memory.record(&quiz.questions[0], true, chrono::Utc::now());
        let setup = Setup {
            mode: Mode::Class,
            count: 7,
            countdown: Some(20),
            ..Setup::default()
        };
        let file = PathBuf::from("quiz-memory.json");
        let mut runtime = QuizRuntime {
            setup,
            session: None,
            memory: memory.clone(),
            memory_file: Some(SharedSave::unread(file.clone())),
            notice: Some(Notice::NoQuestion),
            deadline: Some(12.0),
            setup_from_top: false,
            offered: Some([Topic::Events].into()),
            export: Default::default(),
            live: Default::default(),
        };
        runtime.start(quiz, Mode::Class);
        runtime.deadline = Some(12.0);

        let kept = runtime.carried_over();
        assert!(kept.session.is_none());
        assert_eq!(kept.deadline, None);
        assert_eq!(kept.offered, None);
        assert_eq!(kept.memory, memory);
        assert_eq!(
            kept.memory_file.as_ref().map(SharedSave::path),
            Some(&*file)
        );
        assert!(matches!(kept.notice, Some(Notice::NoQuestion)));
        assert_eq!(
            (kept.setup.mode, kept.setup.count, kept.setup.countdown),
            (Mode::Class, 7, Some(20))
        );
    }
}
