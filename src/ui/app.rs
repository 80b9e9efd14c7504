//! The eframe app: owns the dataset and the reader's state, draws the top bar
//! and the current view, and applies the views' commands at the end of the frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::code_view::{self, CodeView};
use super::command::{Command, EventIx, OrgIx, TextSizeStep, View};
use super::dataset_menu::{self, FileMenu, FolderPicker, OpenDialog};
use super::dataset_watch::DatasetWatch;
use super::datasets;

use super::fonts;
use super::organizations::{self, OrganizationsRuntime};
use super::present::{self, Presentation, Stage};
use super::quiz::{self, QuizRuntime};
use super::saved_settings::{self, ReadSettings, SettingsNotice, SettingsStore};
use super::screenshot::ScreenshotJob;
use super::search::{self as search_ui, FindBar, SearchBox};
use super::state::{LINE_WIDTH_MAX, LINE_WIDTH_MIN, STORAGE_KEY, Settings};
use super::study::{self, ReaderRuntime};
use super::theme::Theme;
use super::timeline::{self, TimelineIndex, TimelineRuntime};
use super::widgets::{self, ProblemAction, ProblemsPanel};
use crate::dataset::{Dataset, Problem};
use crate::i18n::{tr, trf};

/// Ctrl+Plus (or Ctrl+=, the same key unshifted), Ctrl+Minus, Ctrl+0.
const LARGER: [KeyboardShortcut; 2] = [
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals),
];
const SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// The shortcuts window's contents: a section, then (keys, what they do),
/// in the current language.
fn shortcuts_table() -> [(&'static str, Vec<(&'static str, &'static str)>); 6] {
    [
        (
            tr("app.keys.everywhere"),
            vec![
                (tr("app.keys.help_keys"), tr("app.keys.help")),
                ("F5", tr("app.keys.present")),
                (tr("app.keys.text_size_keys"), tr("app.keys.text_size")),
                (tr("app.keys.tab_keys"), tr("app.keys.tab")),
                ("Ctrl + K", tr("app.keys.search")),
                ("Ctrl + F", tr("app.keys.find")),
                ("Ctrl + Q", tr("app.keys.quit")),
            ],
        ),
        (
            tr("app.keys.reading"),
            vec![
                (tr("app.keys.page_keys"), tr("app.keys.page")),
                (tr("app.keys.down_up"), tr("app.keys.lines")),
                (tr("app.keys.home_end"), tr("app.keys.top_end")),
            ],
        ),
        (
            tr("app.keys.timeline"),
            vec![
                (tr("app.keys.left_right"), tr("app.keys.prev_next_event")),
                (tr("app.keys.home_end"), tr("app.keys.first_last_event")),
                ("+ / −", tr("app.keys.zoom")),
                ("Enter / Esc", tr("app.keys.open_close_details")),
            ],
        ),
        (
            tr("app.keys.organizations"),
            vec![
                (tr("app.keys.down_up"), tr("app.keys.rows")),
                ("Enter / Esc", tr("app.keys.open_close_details")),
            ],
        ),
        (
            tr("app.keys.quiz"),
            vec![
                (tr("app.keys.options_keys"), tr("app.keys.options")),
                ("Enter", tr("app.keys.confirm")),
                (tr("app.keys.right_left"), tr("app.keys.next_prev_question")),
                (tr("app.keys.space"), tr("app.keys.reveal")),
            ],
        ),
        (
            tr("app.keys.presentation"),
            vec![
                (tr("app.keys.next_keys"), tr("app.keys.next_slide")),
                (tr("app.keys.back_keys"), tr("app.keys.back")),
                ("B", tr("app.keys.blank")),
                ("+ / −", tr("app.keys.stage_size")),
                ("Esc", tr("app.keys.leave")),
            ],
        ),
    ]
}

/// Where the dataset came from, and what went wrong loading the one asked for.
#[derive(Clone, Debug, Default)]
pub struct DataOrigin {
    /// A folder given with `--data`, if any.
    pub folder: Option<String>,
    /// Problems that kept that folder from loading; the bundled dataset is shown instead.
    pub problems: Vec<Problem>,
}

/// The dataset on screen: the bundled one or a folder's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DatasetSource {
    /// Compiled into the binary.
    #[default]
    Bundled,
    /// Read from this folder (as the reader named it).
    Folder(PathBuf),
}

/// A folder that did not load, and why.
#[derive(Clone, Debug)]
struct LoadProblems {
    /// The folder, as the reader named it (`None`: not said).
    folder: Option<PathBuf>,
    problems: Vec<Problem>,
    /// It is the dataset on screen, which loaded before it was changed.
    after_reload: bool,
    /// List the problems at once: the reader just asked for this folder or
    /// saved a change (at start, the list waits for a click).
    list_open: bool,
}

/// What a reload of the same dataset keeps: the reader's place and choices,
/// by id, for the records that are still there.
struct Kept {
    article: Option<String>,
    highlight: Option<(String, u32)>,
    editing: Option<(u32, String)>,
    event: Option<String>,
    organization: Option<String>,
    timeline: TimelineRuntime,
    organizations: OrganizationsRuntime,
}

/// The whole application.
pub struct ReaderApp {
    dataset: Arc<Dataset>,
    /// Where `dataset` came from.
    source: DatasetSource,
    /// The folder's [`datasets::dataset_key`]; `None` for the bundled dataset.
    dataset_key: Option<String>,
    /// A folder the reader asked for that did not load: watched too, it
    /// opens as soon as it does.
    pending: Option<PathBuf>,
    /// The last load that failed: of `pending`, or of the folder on screen.
    problems: Option<LoadProblems>,
    /// The watch on the folder on screen: a saved change reloads it.
    watch: Option<DatasetWatch>,
    /// The watch on `pending`.
    pending_watch: Option<DatasetWatch>,
    /// Why the folder on screen could not be watched.
    watch_problem: Option<String>,
    /// When the dataset on screen was last reloaded after a change.
    reloaded_at: Option<String>,
    /// The app's storage folder: notes and quiz memory per dataset.
    storage_dir: Option<PathBuf>,
    /// Notes and quiz memory files given for the bundled dataset.
    bundled_files: (Option<PathBuf>, Option<PathBuf>),
    open_dialog: OpenDialog,
    picker: FolderPicker,
    code_view: Option<CodeView>,
    settings: Settings,
    /// Where `settings` are saved: eframe's store until a storage folder
    /// is given, then `settings.json` there.
    settings_store: SettingsStore,
    /// What the reader should know about the saved settings, oldest first.
    settings_notices: Vec<SettingsNotice>,
    /// The folder the settings file says was on screen at the last close,
    /// for [`Self::reopen_last_dataset`].
    last_folder: Option<String>,
    reader: ReaderRuntime,
    timeline_index: TimelineIndex,
    timeline: TimelineRuntime,
    selected_event: Option<EventIx>,
    organizations: OrganizationsRuntime,
    selected_organization: Option<OrgIx>,
    quiz: QuizRuntime,
    presentation: Presentation,
    /// The links in the articles' text, found at load.
    links: crate::links::LinkIndex,
    /// Ctrl+K's index, built at load.
    search_index: crate::search::SearchIndex,
    /// Ctrl+K's box.
    search_box: SearchBox,
    /// Ctrl+F's bar.
    find_bar: FindBar,
    /// Whether the keyboard shortcuts window is open.
    show_shortcuts: bool,
    /// What became of the last "Save view as PNG", to show in the top bar.
    saved_png: Arc<std::sync::Mutex<Option<String>>>,
    /// For commands that talk to the window (full screen).
    ctx: Option<egui::Context>,
    applied_theme: Option<Theme>,
    screenshot: Option<ScreenshotJob>,
    timing: Option<std::time::Instant>,
}

impl ReaderApp {
    /// Builds the app; `stored` is the saved state from a previous run, if any.
    pub fn new(
        ctx: &egui::Context,
        dataset: Arc<Dataset>,
        origin: DataOrigin,
        stored: Option<&dyn eframe::Storage>,
    ) -> Self {
        fonts::install(ctx);
        // Ctrl+Plus/Minus/0 change the reading text size, not egui's whole-UI zoom.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let settings = stored
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .map(Settings::sanitized)
            .unwrap_or_default();
        let timeline_index = TimelineIndex::new(&dataset);
        let organizations = OrganizationsRuntime::new(&dataset);
        let search_index = crate::search::SearchIndex::new(&dataset);
        let links = crate::links::LinkIndex::new(&dataset);
        let mut app = Self {
            dataset,
            source: DatasetSource::Bundled,
            dataset_key: None,
            pending: None,
            problems: None,
            watch: None,
            pending_watch: None,
            watch_problem: None,
            reloaded_at: None,
            storage_dir: None,
            bundled_files: (None, None),
            open_dialog: OpenDialog::default(),
            picker: FolderPicker::default(),
            code_view: None,
            settings,
            settings_store: SettingsStore::default(),
            settings_notices: Vec::new(),
            last_folder: None,
            reader: ReaderRuntime::default(),
            timeline_index,
            timeline: TimelineRuntime::default(),
            selected_event: None,
            organizations,
            selected_organization: None,
            quiz: QuizRuntime::default(),
            presentation: Presentation::default(),
            search_index,
            links,
            search_box: SearchBox::default(),
            find_bar: FindBar::default(),
            show_shortcuts: false,
            saved_png: Arc::default(),
            ctx: Some(ctx.clone()),
            applied_theme: None,
            screenshot: None,
            timing: None,
        };
        // The folder given loaded, or the bundled dataset stands in for it.
        let DataOrigin { folder, problems } = origin;
        let loaded = problems.is_empty();
        let source = match &folder {
            Some(folder) if loaded => DatasetSource::Folder(PathBuf::from(folder)),
            _ => DatasetSource::Bundled,
        };
        app.arrive(source, None);
        let folder = folder.map(PathBuf::from);
        match &folder {
            Some(path) if loaded => {
                app.remember_recent(path);
                app.watch = app.watch_folder(path);
            }
            Some(path) => {
                app.pending = Some(path.clone());
                app.pending_watch = app.watch_folder(path);
            }
            None => {}
        }
        if !loaded {
            app.problems = Some(LoadProblems {
                folder,
                problems,
                after_reload: false,
                list_open: false,
            });
        }
        app
    }

    /// Puts `dataset`, read from `source`, on screen, with everything
    /// derived from it. Another dataset starts afresh with its own notes,
    /// quiz memory and reading places; the same one reloaded keeps the open
    /// article, paragraph and selections where they still exist.
    pub fn set_dataset(&mut self, dataset: Arc<Dataset>, source: DatasetSource) {
        let key = Self::key_of(&source);
        let kept = (key == self.dataset_key).then(|| Kept {
            article: self.reader.article.clone(),
            highlight: self.reader.highlight.clone(),
            editing: self.reader.editing.clone(),
            event: self.selected_event().map(str::to_owned),
            organization: self.selected_organization().map(str::to_owned),
            timeline: std::mem::take(&mut self.timeline),
            organizations: std::mem::replace(
                &mut self.organizations,
                OrganizationsRuntime::new(&dataset),
            ),
        });
        if kept.is_none() {
            self.organizations = OrganizationsRuntime::new(&dataset);
        }
        self.timeline_index = TimelineIndex::new(&dataset);
        self.search_index = crate::search::SearchIndex::new(&dataset);
        self.links = crate::links::LinkIndex::new(&dataset);
        self.dataset = dataset;
        self.search_box = SearchBox::default();
        // The matches are worked out again for the new text.
        let find = std::mem::take(&mut self.find_bar);
        self.find_bar.open = find.open;
        self.find_bar.query = find.query;
        self.arrive(source, kept);
    }

    fn key_of(source: &DatasetSource) -> Option<String> {
        match source {
            DatasetSource::Bundled => None,
            DatasetSource::Folder(folder) => Some(datasets::dataset_key(folder)),
        }
    }

    /// The per-dataset state once `self.dataset` is the dataset of `source`:
    /// a fresh start (`kept` None) or the places `kept` over a reload.
    fn arrive(&mut self, source: DatasetSource, kept: Option<Kept>) {
        let Some(kept) = kept else {
            // Another dataset: save this one's notes (they are saved at every
            // change already; an empty set writes no file), then take up its
            // own. The quiz memory is saved after every answer.
            if !self.reader.notes.entries.is_empty() {
                self.reader.save_notes();
            }
            self.dataset_key = Self::key_of(&source);
            self.source = source;
            self.settings.switch_places(self.dataset_key.as_deref());
            self.settings.open_folder = self.shown_folder();
            self.reader = ReaderRuntime::default();
            self.load_saved_files();
            self.selected_event = None;
            self.selected_organization = None;
            self.timeline = TimelineRuntime::default();
            self.reloaded_at = None;
            if self.presentation.active
                && let Some(ctx) = &self.ctx
            {
                self.presentation.stop(ctx);
            }
            let article = self
                .settings
                .open_article
                .clone()
                .filter(|id| self.dataset.article(id).is_some())
                .or_else(|| self.dataset.articles.first().map(|a| a.id.clone()));
            if let Some(article) = article {
                self.open_article(&article, None);
            }
            return;
        };
        self.source = source;
        self.reloaded_at = Some(chrono::Local::now().format("%H:%M:%S").to_string());
        // The quiz in progress may ask of records that changed.
        self.quiz = std::mem::take(&mut self.quiz).carried_over();
        self.selected_event = kept
            .event
            .and_then(|id| self.dataset.events.iter().position(|e| e.id == id))
            .map(EventIx);
        self.selected_organization = kept
            .organization
            .and_then(|id| self.dataset.organizations.iter().position(|o| o.id == id))
            .map(OrgIx);
        // The zoom, filters and sort stay; the lists are worked out again.
        let mut timeline = TimelineRuntime::default();
        timeline.full = kept.timeline.full;
        timeline.strip = kept.timeline.strip;
        timeline.hidden = kept.timeline.hidden;
        timeline.organization = kept.timeline.organization;
        timeline.details_open = kept.timeline.details_open && self.selected_event.is_some();
        timeline.strip_article = kept.timeline.strip_article;
        self.timeline = timeline;
        self.organizations.filter = kept.organizations.filter;
        self.organizations.column = kept.organizations.column;
        self.organizations.direction = kept.organizations.direction;
        self.organizations.as_of = kept.organizations.as_of;
        self.organizations.details_open =
            kept.organizations.details_open && self.selected_organization.is_some();
        let paragraphs = |article: &str| self.dataset.article(article).map(|a| a.body.len());
        match kept.article.filter(|a| paragraphs(a).is_some()) {
            Some(article) => {
                let count = paragraphs(&article).unwrap_or(0);
                let fits = |p: u32| usize::try_from(p).is_ok_and(|p| p >= 1 && p <= count);
                self.reader.highlight = kept.highlight.filter(|(a, p)| *a == article && fits(*p));
                self.reader.editing = kept.editing.filter(|(p, _)| fits(*p));
                self.reader.article = Some(article);
            }
            None => {
                self.reader.highlight = None;
                self.reader.editing = None;
                let first = self.dataset.articles.first().map(|a| a.id.clone());
                match first {
                    Some(article) => self.open_article(&article, None),
                    None => self.reader.article = None,
                }
            }
        }
        self.reader.found = None;
    }

    /// Reads the notes and quiz memory of the dataset on screen.
    fn load_saved_files(&mut self) {
        let from_storage = self
            .storage_dir
            .as_deref()
            .map(|dir| datasets::saved_files(dir, self.dataset_key.as_deref()));
        let (notes, memory) = match (&self.source, from_storage) {
            (DatasetSource::Bundled, stored) => {
                let (notes, memory) = stored.map_or((None, None), |(n, m)| (Some(n), Some(m)));
                (
                    self.bundled_files.0.clone().or(notes),
                    self.bundled_files.1.clone().or(memory),
                )
            }
            (DatasetSource::Folder(_), stored) => {
                stored.map_or((None, None), |(n, m)| (Some(n), Some(m)))
            }
        };
        self.reader.notes = crate::notes::Notes::default();
        self.reader.notes_file = None;
        self.reader.notes_problem = None;
        if let Some(notes) = notes {
            self.reader.load_notes(notes);
        }
        let setup = std::mem::take(&mut self.quiz.setup);
        self.quiz = memory.map_or_else(QuizRuntime::default, QuizRuntime::with_memory_file);
        self.quiz.setup = setup;
    }

    /// Keeps the settings in `settings.json` in the app's storage folder
    /// `dir`, and each dataset's notes and quiz memory there too: the
    /// bundled dataset's where they always were, another's in
    /// `datasets/<key>/`. Reads the settings and takes up their places for
    /// the dataset on screen; without a settings file yet, those read from
    /// eframe's store by [`Self::new`] carry over and are written to the
    /// file at the next save. Loads the notes and quiz memory of the dataset
    /// on screen.
    pub fn with_storage_dir(mut self, dir: PathBuf) -> Self {
        let file = dir.join(saved_settings::SETTINGS_FILE);
        self.settings_store = match saved_settings::read_settings(&file) {
            ReadSettings::Missing => SettingsStore::File { file, saved: None },
            ReadSettings::Read(settings) => {
                self.take_up_settings(settings);
                SettingsStore::File { file, saved: None }
            }
            ReadSettings::Unusable(notice) => {
                self.take_up_settings(Settings::default());
                let store = match notice {
                    SettingsNotice::Newer { .. } => SettingsStore::Nowhere,
                    _ => SettingsStore::File { file, saved: None },
                };
                self.settings_notices.push(notice);
                store
            }
        };
        self.storage_dir = Some(dir);
        self.load_saved_files();
        self
    }

    /// Shows `notice` about the saved settings until the reader puts it
    /// away (the window's store set aside before the window opened).
    pub fn with_settings_notice(mut self, notice: SettingsNotice) -> Self {
        self.settings_notices.push(notice);
        self
    }

    /// The notices about the saved settings on screen, oldest first.
    pub fn settings_notices(&self) -> &[SettingsNotice] {
        &self.settings_notices
    }

    /// The folder on screen as [`Settings::open_folder`] keeps it.
    fn shown_folder(&self) -> Option<String> {
        match &self.source {
            DatasetSource::Folder(folder) => {
                Some(datasets::canonical(folder).to_string_lossy().into_owned())
            }
            DatasetSource::Bundled => None,
        }
    }

    /// Opens again the dataset folder that was on screen when the app last
    /// closed, if the bundled dataset is on screen now (no `--data`). A
    /// folder that has gone is left (the File menu's recent list shows it
    /// missing); one that no longer loads is listed under the top bar and
    /// waited for, as with `--data`, and not tried at the next start.
    pub fn reopen_last_dataset(mut self) -> Self {
        let Some(folder) = self.last_folder.take().map(PathBuf::from) else {
            return self;
        };
        if self.source != DatasetSource::Bundled || self.pending.is_some() || !folder.is_dir() {
            return self;
        }
        match Dataset::load_dir(&folder) {
            Ok(dataset) => self.switch_to_folder(dataset, &folder),
            Err(error) => {
                self.pending_watch = self.watch_folder(&folder);
                self.pending = Some(folder.clone());
                self.problems = Some(LoadProblems {
                    folder: Some(folder),
                    problems: error.problems,
                    after_reload: false,
                    list_open: false,
                });
            }
        }
        self
    }

    /// Replaces the settings [`Self::new`] started with by `settings`, and
    /// takes up the places they keep for the dataset on screen.
    fn take_up_settings(&mut self, mut settings: Settings) {
        self.last_folder = settings.open_folder.take();
        self.settings = settings;
        self.settings.open_folder = self.shown_folder();
        self.settings.switch_places(self.dataset_key.as_deref());
        if let DatasetSource::Folder(folder) = self.source.clone() {
            self.remember_recent(&folder);
        }
        let article = self
            .settings
            .open_article
            .clone()
            .filter(|id| self.dataset.article(id).is_some())
            .or_else(|| self.dataset.articles.first().map(|a| a.id.clone()));
        // Opened afresh, so that its scroll place comes from these settings.
        self.reader.article = None;
        if let Some(article) = article {
            self.open_article(&article, None);
        }
    }

    /// Lets "Open dataset folder…" open the desktop's own folder dialog
    /// (off by default: tests and screenshots have no desktop).
    pub fn with_native_dialogs(mut self) -> Self {
        self.picker.enabled = true;
        self
    }

    /// The dataset on screen.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Where the dataset on screen came from.
    pub fn dataset_source(&self) -> &DatasetSource {
        &self.source
    }

    /// The problems of the last folder that did not load, while listed.
    pub fn load_problems(&self) -> &[Problem] {
        self.problems
            .as_ref()
            .map_or(&[], |p| p.problems.as_slice())
    }

    /// The file and line the code view shows, if it is open.
    pub fn code_view_place(&self) -> Option<(&Path, Option<usize>)> {
        self.code_view.as_ref().map(CodeView::place)
    }

    /// Opens the dataset in `folder`, as "Open dataset folder…" does.
    pub fn open_dataset_folder(&mut self, folder: &Path) {
        self.apply(Command::OpenDatasetFolder(folder.to_path_buf()));
    }

    fn remember_recent(&mut self, folder: &Path) {
        let canonical = datasets::canonical(folder);
        datasets::remember(
            &mut self.settings.recent_datasets,
            &canonical.to_string_lossy(),
        );
    }

    /// A watch on `folder`: the window is repainted when it changes, and
    /// the next frame reloads it. `None` where it cannot be watched (the
    /// folder on screen then says why in the File menu).
    fn watch_folder(&mut self, folder: &Path) -> Option<DatasetWatch> {
        let ctx = self.ctx.as_ref()?;
        if !folder.is_dir() {
            return None;
        }
        let wake = ctx.clone();
        match DatasetWatch::start(folder, move || wake.request_repaint()) {
            Ok(watch) => Some(watch),
            Err(error) => {
                self.watch_problem = Some(error.to_string());
                None
            }
        }
    }

    /// Puts the folder's dataset on screen, watched, and forgets any
    /// folder that was waited for.
    fn switch_to_folder(&mut self, dataset: Dataset, folder: &Path) {
        self.set_dataset(
            Arc::new(dataset),
            DatasetSource::Folder(folder.to_path_buf()),
        );
        self.pending = None;
        self.pending_watch = None;
        self.problems = None;
        self.watch_problem = None;
        self.watch = self.watch_folder(folder);
        self.remember_recent(folder);
    }

    /// The folder on screen changed: reload it, keeping the reader's place;
    /// if it no longer loads, the last good version stays and the problems
    /// are listed.
    fn reload_shown(&mut self) {
        let DatasetSource::Folder(folder) = self.source.clone() else {
            return;
        };
        match Dataset::load_dir(&folder) {
            Ok(dataset) => {
                self.set_dataset(Arc::new(dataset), DatasetSource::Folder(folder));
                if self.problems.as_ref().is_some_and(|p| p.after_reload) {
                    self.problems = None;
                }
            }
            Err(error) => {
                self.problems = Some(LoadProblems {
                    folder: Some(folder),
                    problems: error.problems,
                    after_reload: true,
                    list_open: true,
                });
            }
        }
        self.refresh_code_view();
    }

    /// Tries the folder asked for that did not load: on screen if it loads
    /// now, its problems listed again if not.
    fn try_pending(&mut self) {
        let Some(folder) = self.pending.clone() else {
            return;
        };
        match Dataset::load_dir(&folder) {
            Ok(dataset) => self.switch_to_folder(dataset, &folder),
            Err(error) => {
                self.problems = Some(LoadProblems {
                    folder: Some(folder),
                    problems: error.problems,
                    after_reload: false,
                    list_open: true,
                });
            }
        }
        self.refresh_code_view();
    }

    /// "Reload now": the folder whose problems are listed, else the one on screen.
    fn reload_now(&mut self) {
        let pending_listed = self.problems.as_ref().is_some_and(|p| !p.after_reload);
        if self.pending.is_some() && (pending_listed || self.source == DatasetSource::Bundled) {
            self.try_pending();
        } else {
            self.reload_shown();
        }
    }

    fn refresh_code_view(&mut self) {
        if let Some(code) = &mut self.code_view {
            code.refresh();
        }
    }

    /// "Open dataset folder": a folder that is not there is said in the
    /// window; one that does not load keeps the dataset on screen and lists
    /// its problems, and is watched so that it opens once fixed.
    fn open_folder(&mut self, folder: &Path) {
        if !folder.is_dir() {
            let path = folder.display();
            let message = if folder.exists() {
                trf("open.not_a_folder", &[("path", &path)])
            } else {
                trf("open.no_such_folder", &[("path", &path)])
            };
            if !self.open_dialog.open {
                self.open_dialog.show(folder.display().to_string());
            }
            self.open_dialog.error = Some(message);
            return;
        }
        match Dataset::load_dir(folder) {
            Ok(dataset) => {
                self.switch_to_folder(dataset, folder);
                self.open_dialog.close();
            }
            Err(error) => {
                let count = error.problems.len();
                self.pending = Some(folder.to_path_buf());
                self.pending_watch = self.watch_folder(folder);
                self.problems = Some(LoadProblems {
                    folder: Some(folder.to_path_buf()),
                    problems: error.problems,
                    after_reload: false,
                    list_open: true,
                });
                let folder = folder.display();
                self.open_dialog.error = Some(if count == 1 {
                    trf("open.failed_one", &[("folder", &folder)])
                } else {
                    trf(
                        "open.failed_many",
                        &[("folder", &folder), ("count", &count)],
                    )
                });
            }
        }
        self.refresh_code_view();
    }

    fn open_bundled(&mut self) {
        self.pending = None;
        self.pending_watch = None;
        self.problems = None;
        self.watch = None;
        self.watch_problem = None;
        if self.source == DatasetSource::Bundled {
            return;
        }
        match Dataset::embedded() {
            Ok(dataset) => self.set_dataset(Arc::new(dataset), DatasetSource::Bundled),
            Err(error) => {
                self.problems = Some(LoadProblems {
                    folder: None,
                    problems: error.problems,
                    after_reload: false,
                    list_open: true,
                });
            }
        }
    }

    /// Hides the problems; a folder that did not load is no longer waited for.
    fn hide_problems(&mut self) {
        self.problems = None;
        self.pending = None;
        self.pending_watch = None;
    }

    fn show_problem(&mut self, index: usize) {
        let Some(problem) = self.problems.as_ref().and_then(|p| p.problems.get(index)) else {
            return;
        };
        self.code_view = Some(CodeView::open(problem));
    }

    /// The name the window gives the dataset on screen: its folder's name.
    fn folder_name(&self) -> Option<String> {
        match &self.source {
            DatasetSource::Bundled => None,
            DatasetSource::Folder(folder) => Some(folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )),
        }
    }

    /// Keeps the quiz memory (spaced repetition, scores) in `file`, loading
    /// what is there; a damaged file is set aside and the reader told. Used
    /// for the bundled dataset (see [`Self::with_storage_dir`] for others).
    pub fn with_quiz_memory(mut self, file: std::path::PathBuf) -> Self {
        self.bundled_files.1 = Some(file.clone());
        self.quiz = QuizRuntime::with_memory_file(file);
        self
    }

    /// The quiz's state: the session being taken and the memory.
    pub fn quiz(&self) -> &QuizRuntime {
        &self.quiz
    }

    /// The quiz's state, to set up a quiz from outside the window.
    pub fn quiz_mut(&mut self) -> &mut QuizRuntime {
        &mut self.quiz
    }

    /// Renders once, saves a PNG of the window to `job`'s path, then closes.
    pub fn with_screenshot(mut self, job: ScreenshotJob) -> Self {
        self.screenshot = Some(job);
        self
    }

    /// Opens an article where the reader left it, or at `paragraph`, highlighted.
    pub fn open(&mut self, article: &str, paragraph: Option<u32>) {
        self.apply(Command::OpenArticle {
            article: article.to_owned(),
            paragraph,
        });
    }

    /// Selects the event `id`, opens its card and zooms both timelines to the
    /// few years around it. Returns false if there is no such event.
    pub fn focus_event(&mut self, id: &str) -> bool {
        let Some(index) = self.dataset.events.iter().position(|e| e.id == id) else {
            return false;
        };
        let view = self.settings.view;
        self.apply(Command::FocusEvent(EventIx(index)));
        // Only the selection and zoom: the caller chooses the view.
        self.settings.view = view;
        true
    }

    /// Selects the organization `id` and opens its details. Returns false if
    /// there is no such organization.
    pub fn select_organization(&mut self, id: &str) -> bool {
        let Some(index) = self.dataset.organizations.iter().position(|o| o.id == id) else {
            return false;
        };
        self.apply(Command::SelectOrganization {
            organization: Some(OrgIx(index)),
            details: true,
            show: false,
        });
        true
    }

    /// Starts presentation mode on the current view, at the highlighted
    /// paragraph, the selected event or the selected organization.
    pub fn start_presentation(&mut self) {
        self.apply(Command::Present);
    }

    /// Whether presentation mode is on, and the slide it shows (0-based).
    pub fn presentation(&self) -> Option<usize> {
        self.presentation
            .active
            .then_some(self.presentation.position)
    }

    /// Whether presentation mode has blanked the screen.
    pub fn presentation_blank(&self) -> bool {
        self.presentation.blank
    }

    /// Keeps the notes and highlights in `file`, loading what is there.
    pub fn with_notes_file(mut self, file: std::path::PathBuf) -> Self {
        self.bundled_files.0 = Some(file.clone());
        self.reader.load_notes(file);
        self
    }

    /// The reader's notes.
    pub fn notes(&self) -> &crate::notes::Notes {
        &self.reader.notes
    }

    /// Where "Export notes as Markdown" writes: beside the notes file, or in
    /// the working folder.
    pub fn notes_export_path(&self) -> std::path::PathBuf {
        let folder = self
            .reader
            .notes_file
            .as_ref()
            .and_then(|f| f.parent().map(std::path::Path::to_path_buf))
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        folder.join("neutrality-reader-notes.md")
    }

    fn export_notes(&mut self) {
        let path = self.notes_export_path();
        let text = self.reader.notes.to_markdown(&self.dataset);
        self.reader.notes_message = Some(
            match crate::storage::write_atomically(&path, text.as_bytes()) {
                Ok(()) => trf("app.notes_exported", &[("path", &path.display())]),
                Err(error) => trf(
                    "app.notes_export_failed",
                    &[("path", &path.display()), ("error", &error)],
                ),
            },
        );
    }

    /// The Ctrl+F match marked in the reader: article, paragraph, byte range
    /// into that paragraph's text.
    pub fn find_mark(&self) -> Option<(&str, u32, std::ops::Range<usize>)> {
        self.reader
            .found
            .as_ref()
            .map(|(article, paragraph, range)| (article.as_str(), *paragraph, range.clone()))
    }

    /// Whether the keyboard shortcuts window is open.
    pub fn shortcuts_open(&self) -> bool {
        self.show_shortcuts
    }

    /// What the last "Save view as PNG" did, once done.
    pub fn saved_png_message(&self) -> Option<String> {
        self.saved_png.lock().ok().and_then(|m| m.clone())
    }

    /// Saves the next frame as a PNG, with the code `--screenshot` uses, in
    /// the Pictures folder (or the working folder), named by view and time.
    fn save_view_png(&mut self) {
        let Some(ctx) = &self.ctx else { return };
        let folder = std::env::var_os("HOME")
            .map(|home| std::path::PathBuf::from(home).join("Pictures"))
            .filter(|dir| dir.is_dir())
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        let name = format!(
            "neutrality-reader-{}-{}.png",
            self.settings.view.label().to_lowercase(),
            chrono::Local::now().format("%Y%m%d-%H%M%S")
        );
        let path = folder.join(name);
        let message = self.saved_png.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let text = match super::screenshot::save_png(&image, &path) {
                Ok(()) => trf("app.view_saved", &[("path", &path.display())]),
                Err(error) => trf("app.view_save_failed", &[("error", &error)]),
            };
            if let Ok(mut slot) = message.lock() {
                *slot = Some(text);
            }
            repaint.request_repaint();
        });
        ctx.request_repaint();
    }

    fn start_presentation_now(&mut self) {
        let position = match self.settings.view {
            View::Study => self
                .reader
                .highlight
                .as_ref()
                .map_or(0, |(_, paragraph)| paragraph.saturating_sub(1) as usize),
            View::Timeline => {
                let selected = self.selected_event;
                let shown = self.timeline.shown_events(&self.dataset);
                selected
                    .and_then(|s| shown.iter().position(|&i| i == s.0))
                    .unwrap_or(0)
            }
            View::Organizations => {
                let selected = self.selected_organization;
                let shown = self.organizations.shown(&self.dataset);
                selected
                    .and_then(|s| shown.iter().position(|&i| i == s.0))
                    .unwrap_or(0)
            }
            View::Quiz => 0,
        };
        if let Some(ctx) = &self.ctx {
            self.presentation.start(ctx, position);
        }
    }

    /// The selected organization's id, shared by every view.
    pub fn selected_organization(&self) -> Option<&str> {
        self.selected_organization
            .and_then(|i| i.of(&self.dataset.organizations))
            .map(|o| o.id.as_str())
    }

    /// Whether the selected organization's details are open.
    pub fn organization_details_open(&self) -> bool {
        self.organizations.details_open
    }

    /// The current view.
    pub fn view(&self) -> View {
        self.settings.view
    }

    /// Switches to `view`.
    pub fn show_view(&mut self, view: View) {
        self.apply(Command::ShowView(view));
    }

    /// Shows the interface in `language`, as the Reading menu does.
    pub fn apply_language(&mut self, language: crate::i18n::Language) {
        self.settings.language = language;
        crate::i18n::set_language(language);
    }

    /// Switches the colour theme, as the Reading menu does.
    pub fn apply_theme(&mut self, theme: Theme) {
        self.apply(Command::SetTheme(theme));
    }

    /// Reports on stderr how long after `started` the first frame was drawn.
    pub fn with_timing(mut self, started: std::time::Instant) -> Self {
        self.timing = Some(started);
        self
    }

    /// The selected event's id, shared by every view.
    pub fn selected_event(&self) -> Option<&str> {
        self.selected_event
            .and_then(|i| i.of(&self.dataset.events))
            .map(|e| e.id.as_str())
    }

    /// Whether the selected event's details card is open.
    pub fn details_open(&self) -> bool {
        self.timeline.details_open
    }

    /// The visible range of the full timeline, in day numbers, once drawn.
    pub fn timeline_visible(&self) -> Option<crate::timeline::TimeSpan> {
        self.timeline.full.visible()
    }

    /// The full timeline's time <-> screen mapping, once drawn.
    pub fn timeline_transform(&self) -> Option<crate::timeline::Transform> {
        self.timeline.full.transform
    }

    /// The saved state, as it would be written on exit.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The paragraph highlighted in the reader, if any.
    pub fn highlighted(&self) -> Option<(&str, u32)> {
        self.reader
            .highlight
            .as_ref()
            .map(|(a, p)| (a.as_str(), *p))
    }

    fn open_article(&mut self, article: &str, paragraph: Option<u32>) {
        let reopened = self.settings.open_article.as_deref() == Some(article)
            && self.reader.article.as_deref() == Some(article);
        self.settings.open_article = Some(article.to_owned());
        self.reader.article = Some(article.to_owned());
        self.reader.highlight = paragraph.map(|p| (article.to_owned(), p));
        self.reader.scroll_to_paragraph = paragraph;
        if !reopened {
            // Come back to where the reader left this article.
            self.reader.restore_offset =
                Some(self.settings.scroll.get(article).copied().unwrap_or(0.0));
        }
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::OpenArticle { article, paragraph } => {
                if self.dataset.article(&article).is_some() {
                    self.open_article(&article, paragraph);
                    self.settings.view = View::Study;
                }
            }
            Command::SelectEvent { event, details } => {
                self.selected_event = event.filter(|i| i.of(&self.dataset.events).is_some());
                if self.selected_event.is_none() {
                    self.timeline.details_open = false;
                } else if details {
                    self.timeline.details_open = true;
                }
            }
            Command::FocusEvent(index) => {
                let Some(event) = index.of(&self.dataset.events) else {
                    return;
                };
                let span = crate::timeline::TimeSpan::of(&event.date);
                // Two years either side: close enough to read, wide enough for context.
                let around = crate::timeline::TimeSpan::new(span.start - 730.0, span.end + 730.0);
                self.timeline.full.fit(around);
                self.timeline.strip.fit(around);
                self.selected_event = Some(index);
                self.timeline.details_open = true;
                self.settings.view = View::Timeline;
            }
            Command::SelectOrganization {
                organization,
                details,
                show,
            } => {
                self.selected_organization =
                    organization.filter(|i| i.of(&self.dataset.organizations).is_some());
                match self.selected_organization {
                    None => self.organizations.details_open = false,
                    Some(index) => {
                        if details {
                            self.organizations.details_open = true;
                        }
                        if show {
                            self.organizations.reveal(&self.dataset, index.0);
                            self.settings.view = View::Organizations;
                        }
                    }
                }
            }
            Command::ShowView(view) => self.settings.view = view,
            Command::TextSize(step) => self.settings.step_text_size(step),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ToggleLibrary => self.settings.show_library = !self.settings.show_library,
            Command::ToggleContext => self.settings.show_context = !self.settings.show_context,
            Command::ToggleStrip => self.settings.show_strip = !self.settings.show_strip,
            Command::Present => self.start_presentation_now(),
            Command::LineWidth(width) => {
                self.settings.line_width = width.clamp(LINE_WIDTH_MIN, LINE_WIDTH_MAX);
            }
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::SaveViewPng => self.save_view_png(),
            Command::ExportNotes => self.export_notes(),
            Command::SetLanguage(language) => {
                self.settings.language = language;
                crate::i18n::set_language(language);
            }
            Command::OpenDatasetDialog => {
                self.open_dialog.show(String::new());
                self.browse();
            }
            Command::BrowseForDataset => self.browse(),
            Command::OpenDatasetFolder(folder) => self.open_folder(&folder),
            Command::OpenBundledDataset => self.open_bundled(),
            Command::ReloadDataset => self.reload_now(),
            Command::ShowProblem(index) => self.show_problem(index),
            Command::HideProblems => self.hide_problems(),
            Command::DismissSettingsNotice => self.settings_notices.clear(),
        }
    }

    /// Opens the desktop's folder dialog near the folder on screen.
    fn browse(&mut self) {
        let Some(ctx) = self.ctx.clone() else { return };
        let near = match &self.source {
            DatasetSource::Folder(folder) => {
                datasets::canonical(folder).parent().map(Path::to_path_buf)
            }
            DatasetSource::Bundled => None,
        };
        self.picker.start(&ctx, near);
    }

    fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
        let typing = ctx.text_edit_focused();
        ctx.input_mut(|i| {
            if LARGER.iter().any(|s| i.consume_shortcut(s)) {
                commands.push(Command::TextSize(TextSizeStep::Larger));
            }
            if i.consume_shortcut(&SMALLER) {
                commands.push(Command::TextSize(TextSizeStep::Smaller));
            }
            if i.consume_shortcut(&RESET) {
                commands.push(Command::TextSize(TextSizeStep::Reset));
            }
            if i.consume_shortcut(&PRESENT) {
                commands.push(Command::Present);
            }
            // "?" arrives as typed text; in a text field it is just a character.
            let question_mark = !typing
                && i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::Text(t) if t == "?"));
            if i.consume_shortcut(&HELP) || question_mark {
                commands.push(Command::ToggleShortcuts);
            }
        });
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                dataset_menu::file_menu_ui(
                    ui,
                    &FileMenu {
                        recent: &self.settings.recent_datasets,
                        bundled_open: self.source == DatasetSource::Bundled
                            && self.pending.is_none(),
                        can_reload: self.source != DatasetSource::Bundled || self.pending.is_some(),
                        watch_problem: self.watch_problem.as_deref(),
                    },
                    commands,
                );
                ui.separator();
                ui.heading("Neutrality Reader");
                ui.separator();
                for view in View::ALL {
                    if ui
                        .selectable_label(self.settings.view == view, view.label())
                        .clicked()
                    {
                        commands.push(Command::ShowView(view));
                    }
                }
                if let (Some(name), DatasetSource::Folder(folder)) =
                    (self.folder_name(), &self.source)
                {
                    ui.separator();
                    ui.weak(trf("app.dataset_folder", &[("folder", &name)]))
                        .on_hover_text(folder.display().to_string());
                    if let Some(time) = &self.reloaded_at {
                        ui.weak(trf("open.reloaded_at", &[("time", time)]));
                    }
                }
                if let Some(message) = self.saved_png_message() {
                    ui.separator();
                    ui.weak(message);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.reading_menu_ui(ui, commands);
                    ui.separator();
                    if ui
                        .button("A+")
                        .on_hover_text(tr("app.larger_text"))
                        .clicked()
                    {
                        commands.push(Command::TextSize(TextSizeStep::Larger));
                    }
                    ui.label(trf(
                        "app.text_size_pt",
                        &[("size", &format!("{:.0}", self.settings.text_size))],
                    ));
                    if ui
                        .button("A−")
                        .on_hover_text(tr("app.smaller_text"))
                        .clicked()
                    {
                        commands.push(Command::TextSize(TextSizeStep::Smaller));
                    }
                    ui.separator();
                    if ui
                        .selectable_label(self.settings.show_strip, tr("app.toggle_strip"))
                        .on_hover_text(tr("app.toggle_strip_hint"))
                        .clicked()
                    {
                        commands.push(Command::ToggleStrip);
                    }
                    if ui
                        .selectable_label(self.settings.show_context, tr("app.toggle_context"))
                        .on_hover_text(tr("app.toggle_context_hint"))
                        .clicked()
                    {
                        commands.push(Command::ToggleContext);
                    }
                    if ui
                        .selectable_label(self.settings.show_library, tr("app.toggle_library"))
                        .on_hover_text(tr("app.toggle_library_hint"))
                        .clicked()
                    {
                        commands.push(Command::ToggleLibrary);
                    }
                });
            });
        });
    }

    /// The keyboard shortcuts, in a window that Esc or F1 closes.
    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        if !self.show_shortcuts {
            return;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.show_shortcuts = false;
            return;
        }
        let mut open = true;
        egui::Window::new(tr("app.shortcuts_title"))
            .id(egui::Id::unique("keyboard_shortcuts"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            // Wide enough for the Russian and Turkmen descriptions on one line.
            .min_width(720.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(560.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for (number, (section, rows)) in shortcuts_table().iter().enumerate() {
                            ui.add_space(6.0);
                            ui.label(egui::RichText::new(*section).strong());
                            egui::Grid::new(("shortcuts", number))
                                .num_columns(2)
                                .spacing([24.0, 4.0])
                                .show(ui, |ui| {
                                    for (keys, what) in rows {
                                        ui.monospace(*keys);
                                        ui.add(egui::Label::new(*what).wrap());
                                        ui.end_row();
                                    }
                                });
                        }
                    });
            });
        self.show_shortcuts = open;
    }

    /// "Reading": the theme, the line width, the keyboard shortcuts, and
    /// saving the view as a picture.
    fn reading_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.menu_button(tr("app.menu_reading"), |ui| {
            ui.label(egui::RichText::new(tr("app.theme")).strong());
            for theme in Theme::ALL {
                if ui
                    .radio(self.settings.theme == theme, theme.label())
                    .clicked()
                {
                    commands.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            ui.label(egui::RichText::new(tr("app.language")).strong());
            for language in crate::i18n::Language::ALL {
                if ui
                    .radio(self.settings.language == language, language.native_name())
                    .clicked()
                {
                    commands.push(Command::SetLanguage(language));
                }
            }
            ui.separator();
            let mut width = self.settings.line_width;
            let label = ui.label(egui::RichText::new(tr("app.line_width")).strong());
            let slider = ui
                .add(
                    egui::Slider::new(&mut width, LINE_WIDTH_MIN..=LINE_WIDTH_MAX)
                        .suffix(tr("app.line_width_suffix")),
                )
                .labelled_by(label.id);
            if slider.changed() {
                commands.push(Command::LineWidth(width));
            }
            ui.separator();
            if ui.button(tr("app.menu_shortcuts")).clicked() {
                commands.push(Command::ToggleShortcuts);
                ui.close();
            }
            if ui.button(tr("app.menu_save_png")).clicked() {
                commands.push(Command::SaveViewPng);
                ui.close();
            }
            if ui.button(tr("app.menu_present")).clicked() {
                commands.push(Command::Present);
                ui.close();
            }
        });
    }

    /// The notice about the saved settings, below the top bar, until put away.
    fn settings_notice_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.settings_notices.is_empty() {
            return;
        }
        egui::Panel::top("settings_notice").show(ui, |ui| {
            for notice in &self.settings_notices {
                ui.label(egui::RichText::new(notice.text()).strong());
            }
            if ui.button(SettingsNotice::dismiss_label()).clicked() {
                commands.push(Command::DismissSettingsNotice);
            }
        });
    }

    /// "Dataset problems", below the top bar, while a folder does not load.
    fn problems_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(problems) = &self.problems else {
            return;
        };
        let current = self.folder_name();
        let named = problems.folder.as_ref().map(|f| f.display().to_string());
        let folder = named.as_deref().unwrap_or_else(|| tr("common.the_dataset"));
        let panel = ProblemsPanel {
            folder,
            problems: &problems.problems,
            after_reload: problems.after_reload,
            list_open: problems.list_open,
            current: current.as_deref(),
        };
        let action = egui::Panel::top("load_problems")
            .show(ui, |ui| widgets::problems_panel_ui(ui, &panel))
            .inner;
        match action {
            Some(ProblemAction::Reload) => commands.push(Command::ReloadDataset),
            Some(ProblemAction::Show(index)) => commands.push(Command::ShowProblem(index)),
            Some(ProblemAction::Hide) => commands.push(Command::HideProblems),
            None => {}
        }
    }
}

impl eframe::App for ReaderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // Every frame, because the language is per thread and eframe may
        // draw on a thread other than the one that built the app.
        crate::i18n::set_language(self.settings.language);
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_visuals(self.settings.theme.visuals());
            self.applied_theme = Some(self.settings.theme);
        }
        let mut commands = Vec::new();
        // The desktop's folder dialog answered, or the folder changed on disk.
        if let Some(folder) = self.picker.poll() {
            self.open_dialog.path = folder.display().to_string();
            commands.push(Command::OpenDatasetFolder(folder));
        }
        if self.watch.as_ref().is_some_and(DatasetWatch::changed) {
            self.reload_shown();
        }
        if self
            .pending_watch
            .as_ref()
            .is_some_and(DatasetWatch::changed)
        {
            self.try_pending();
        }
        Self::shortcuts(&ctx, &mut commands);
        if !self.presentation.active {
            search_ui::shortcuts(&ctx, &mut self.search_box, &mut self.find_bar);
            if self.find_bar.open && self.settings.view != View::Study {
                commands.push(Command::ShowView(View::Study));
            }
        }
        if self.presentation.active {
            let events = self.timeline.shown_events(&self.dataset);
            let organizations = self.organizations.shown(&self.dataset);
            present::present_ui(
                ui,
                &mut self.presentation,
                Stage {
                    dataset: &self.dataset,
                    view: self.settings.view,
                    article: self.reader.article.as_deref(),
                    events,
                    organizations,
                    quiz: &mut self.quiz,
                    scale: &mut self.settings.present_scale,
                },
                &mut commands,
            );
        } else {
            self.top_bar_ui(ui, &mut commands);
            self.settings_notice_ui(ui, &mut commands);
            self.problems_ui(ui, &mut commands);
            self.view_ui(ui, &mut commands);
        }
        self.shortcuts_window(&ctx);
        if !self.presentation.active {
            dataset_menu::open_dialog_ui(&ctx, &mut self.open_dialog, &self.picker, &mut commands);
            code_view::code_view_ui(&ctx, &mut self.code_view);
        }
        if !self.presentation.active {
            search_ui::search_window(
                &ctx,
                &self.dataset,
                &self.search_index,
                &mut self.search_box,
                &mut commands,
            );
        }
        if !commands.is_empty() {
            // The frame was drawn before the change: draw once more to show it.
            ctx.request_repaint();
        }
        for command in commands {
            // Reading in source from the stage leaves the stage.
            if matches!(command, Command::OpenArticle { .. }) && self.presentation.active {
                self.presentation.stop(&ctx);
            }
            self.apply(command);
        }
        self.after_frame(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return;
        }
        match self.settings_store.save(&self.settings, storage) {
            // A save that works again puts away the notice of one that did not.
            Ok(()) => self
                .settings_notices
                .retain(|n| !matches!(n, SettingsNotice::Unsaved { .. })),
            // Said once, however many autosaves fail in a row.
            Err(notice) => {
                self.settings_notices
                    .retain(|n| !matches!(n, SettingsNotice::Unsaved { .. }));
                self.settings_notices.push(notice);
            }
        }
    }
}

impl ReaderApp {
    /// The current view, below the top bar.
    fn view_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.settings.view == View::Study && self.find_bar.open {
            egui::Panel::top("find_bar").show(ui, |ui| {
                search_ui::find_bar_ui(
                    ui,
                    &self.dataset,
                    self.reader.article.as_deref(),
                    &mut self.find_bar,
                    commands,
                );
            });
        }
        // The match shown is marked in its paragraph while the bar is open.
        self.reader.found = self
            .find_bar
            .open
            .then(|| self.find_bar.matches.get(self.find_bar.current))
            .flatten()
            .zip(self.reader.article.clone())
            .map(|(found, article)| (article, found.paragraph, found.range.clone()));
        match self.settings.view {
            View::Study => study::study_ui(
                ui,
                &self.dataset,
                &mut self.settings,
                &mut self.reader,
                study::StudyTimeline {
                    index: &self.timeline_index,
                    runtime: &mut self.timeline,
                    selected: self.selected_event,
                    links: &self.links,
                },
                commands,
            ),
            View::Timeline => timeline::timeline_view_ui(
                ui,
                &self.dataset,
                &self.timeline_index,
                &mut self.timeline,
                self.selected_event,
                commands,
            ),
            View::Organizations => organizations::organizations_view_ui(
                ui,
                &self.dataset,
                &mut self.organizations,
                self.selected_organization,
                self.selected_event.and_then(|i| i.of(&self.dataset.events)),
                commands,
            ),
            View::Quiz => quiz::quiz_view_ui(ui, &self.dataset, &mut self.quiz, commands),
        }
    }

    /// The screenshot job and the first-frame timing, after the frame.
    fn after_frame(&mut self, ctx: &egui::Context) {
        // The reader is not drawn on the stage, so nothing scrolls there.
        let settled = self.reader.scroll_to_paragraph.is_none() || self.presentation.active;
        if let Some(job) = &mut self.screenshot {
            job.step(ctx, settled);
        }
        if let Some(started) = self.timing.take() {
            eprintln!(
                "neutrality-reader: first frame laid out {:.0} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
