//! The eframe app: owns the dataset on screen and the reader's state, draws
//! the chrome and the current view each frame, and applies the commands the
//! frame gathered at its end.
//!
//! Its files, one job each: this one (the struct and the frame), `apply`
//! (every [`Command`] handled in one place), `on_screen` (putting a dataset on
//! screen, fresh or reloaded), `session` (the dataset's lifecycle: load,
//! reload, watch, problems), `saved_files` (settings, notes and quiz memory
//! files), and `driver` (what `main` and the tests call).

mod apply;
mod driver;
mod frame_log;
mod indexes;
mod on_screen;
pub mod saved_files;
pub mod session;

use std::sync::Arc;

pub use session::{DataOrigin, DatasetSource, HeldLoad, LoadProgress, LoadStage, StartedLoad};

use super::chrome::file_menu::FileMenu;
use super::chrome::notices::{self, ProblemsPanel};
use super::chrome::{Chrome, dropped, shortcuts, top_bar};
use super::command::{Command, EventIx, OrgIx, View};
use super::fonts;
use super::organizations::{self, OrganizationsRuntime};
use super::present::{self, Presentation, Stage};
use super::quiz::{self, QuizRuntime};
use super::screenshot::ScreenshotJob;
use super::search::{self as search_ui, FindBar, SearchBox};
use super::state::{STORAGE_KEY, Settings};
use super::study::{self, ReaderRuntime};
use super::theme::Theme;
use super::timeline::{self, TimelineIndex, TimelineRuntime};
use crate::dataset::Dataset;
use crate::i18n::tr;
use saved_files::SavedFiles;
use session::DatasetSession;

/// The whole application.
pub struct ReaderApp {
    /// The dataset on screen.
    dataset: Arc<Dataset>,
    /// Where it came from, and the folders loaded, waited for and watched.
    session: DatasetSession,
    /// The settings, notes and quiz memory files.
    files: SavedFiles,
    /// The top bar, menus, notices, shortcuts and the windows over the view.
    chrome: Chrome,
    /// The reader's choices, saved.
    settings: Settings,
    /// The folder the settings file says was on screen at the last close,
    /// for [`Self::reopen_last_dataset`].
    last_folder: Option<String>,
    reader: ReaderRuntime,
    /// The timelines' lanes, built at load.
    timeline_index: TimelineIndex,
    timeline: TimelineRuntime,
    selected_event: Option<EventIx>,
    organizations: OrganizationsRuntime,
    selected_organization: Option<OrgIx>,
    quiz: QuizRuntime,
    presentation: Presentation,
    /// Ctrl+K's index and the links in the articles' text, built in the
    /// background after the dataset is on screen.
    indexes: indexes::BackgroundIndexes,
    /// Ctrl+K's box.
    search_box: SearchBox,
    /// Ctrl+F's bar.
    find_bar: FindBar,
    /// For commands that talk to the window (full screen, screenshots, quit).
    ctx: Option<egui::Context>,
    applied_theme: Option<Theme>,
    /// The widget that had the keyboard focus at the last frame's start,
    /// and whether Tab was pressed in that frame (see [`Self::follow_tab`]).
    focus_seen: (Option<egui::Id>, bool),
    screenshot: Option<ScreenshotJob>,
    timing: Option<web_time::Instant>,
    /// The window's first frame was reported (see [`Self::say_timing`]).
    timing_window_said: bool,
    /// Each frame's time, with `NEUTRALITY_READER_TIMING`.
    frame_log: Option<frame_log::FrameLog>,
    /// The `--data` folder is being read after the window opened: if it does
    /// not load, its problems go to the terminal too, as they did when it
    /// was read before.
    tell_terminal: bool,
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
        // Ctrl+Plus/Minus/0 zoom through the settings, so that the zoom is remembered.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let settings = stored
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .map(Settings::sanitized)
            .unwrap_or_default();
        let wake = ctx.clone();
        let session = DatasetSession::new(origin, Some(Arc::new(move || wake.request_repaint())));
        let wake = ctx.clone();
        let mut app = Self {
            timeline_index: TimelineIndex::new(&dataset),
            organizations: OrganizationsRuntime::new(&dataset),
            indexes: indexes::BackgroundIndexes::start(
                &dataset,
                None,
                Some(Arc::new(move || wake.request_repaint())),
            ),
            dataset,
            session,
            files: SavedFiles::default(),
            chrome: Chrome::default(),
            settings,
            last_folder: None,
            reader: ReaderRuntime::default(),
            timeline: TimelineRuntime::default(),
            selected_event: None,
            selected_organization: None,
            quiz: QuizRuntime::default(),
            presentation: Presentation::default(),
            search_box: SearchBox::default(),
            find_bar: FindBar::default(),
            ctx: Some(ctx.clone()),
            applied_theme: None,
            focus_seen: (None, false),
            screenshot: None,
            timing: None,
            timing_window_said: false,
            frame_log: None,
            tell_terminal: false,
        };
        app.start_afresh();
        if let DatasetSource::Folder(folder) = app.session.shown().clone() {
            app.remember_recent(&folder);
        }
        app
    }

    /// Folders saved into or waited for: a change reloads, a fix opens.
    fn poll_session(&mut self) {
        let loads = self.session.loads();
        if let Some(arrival) = self.session.poll() {
            self.put_on_screen(arrival);
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint();
            }
        }
        if self.session.loads() != loads {
            self.refresh_code_view();
        }
        if self.tell_terminal && self.session.loading().is_none() {
            self.tell_terminal = false;
            self.print_problems();
        }
        if self.indexes.poll()
            && let Some(log) = &self.frame_log
        {
            log.say_longest("search and links were ready");
        }
    }

    /// Brings the control Tab (or Shift+Tab) just focused into view: egui
    /// moves the focus but never scrolls to it, so a keyboard reader would
    /// land on controls below the fold. Asked as a screen reader asks, by
    /// AccessKit's ScrollIntoView on the focused widget, before it is drawn;
    /// only after Tab, so that a click never moves the page.
    fn follow_tab(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(|m| m.focused());
        let (before, tabbed) = self.focus_seen;
        if tabbed
            && focused != before
            && let Some(id) = focused
        {
            let request = egui::accesskit::ActionRequest {
                action: egui::accesskit::Action::ScrollIntoView,
                target_tree: egui::accesskit::TreeId::ROOT,
                target_node: id.accesskit_id(),
                data: None,
            };
            ctx.input_mut(|i| i.events.push(egui::Event::AccessKitActionRequest(request)));
        }
        self.focus_seen = (focused, ctx.input(|i| i.key_pressed(egui::Key::Tab)));
    }

    /// The code view shows its file as it is now.
    fn refresh_code_view(&mut self) {
        if let Some(code) = &mut self.chrome.code_view {
            code.refresh_with(self.session.problems().map_or(&[], |p| &p.problems));
        }
    }

    /// Whether the top bar says the indexes are being prepared; if not
    /// yet, a frame comes back when it should.
    fn preparing_said(&self) -> bool {
        let (say, later) = self.indexes.to_say();
        if let (Some(later), Some(ctx)) = (later, &self.ctx) {
            ctx.request_repaint_after(later);
        }
        say
    }

    /// The top bar and the strips under it.
    fn chrome_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let shown = self.session.shown();
        let folder = match shown {
            // A unit is named by its manifest's title, else by its folder.
            DatasetSource::Folder(path) => self
                .dataset
                .manifest
                .title
                .clone()
                .or_else(|| shown.folder_name())
                .map(|name| (name, path.display().to_string())),
            DatasetSource::Bundled => None,
        };
        let bar = top_bar::TopBar {
            settings: &self.settings,
            file_menu: FileMenu {
                recent: &self.settings.recent_datasets,
                bundled_open: self.session.bundled_open(),
                can_reload: self.session.can_reload(),
                watch_problem: self.session.watch_problem(),
                in_browser: cfg!(target_arch = "wasm32"),
            },
            reloaded_at: folder.as_ref().and(self.session.reloaded_at()),
            preparing: self.preparing_said(),
            folder,
        };
        top_bar::top_bar_ui(ui, &bar, commands);
        notices::file_notices_ui(ui, &self.file_notices(), commands);
        if let Some(folder) = self.session.loading()
            && let Some(progress) = self.session.loading_progress()
        {
            let name = folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let name = progress.title.unwrap_or(name);
            let checking = match progress.stage {
                session::LoadStage::Reading => None,
                session::LoadStage::Checking { bytes } => Some(bytes),
            };
            notices::loading_strip_ui(ui, &name, checking);
        }
        if let Some(problems) = self.session.problems() {
            let named = problems.folder.as_ref().map(|f| f.display().to_string());
            let current = shown.folder_name();
            let panel = ProblemsPanel {
                folder: named.as_deref().unwrap_or_else(|| tr("common.the_dataset")),
                problems: &problems.problems,
                after_reload: problems.after_reload(),
                list_open: problems.list_open(),
                current: current.as_deref(),
            };
            notices::problems_strip_ui(ui, &panel, commands);
        }
    }

    /// What the reader should know about the saved files: the settings', the
    /// notes' and the quiz memory's, and where the view was saved as a picture.
    fn file_notices(&self) -> Vec<String> {
        let settings = self.files.notices().iter().map(|n| n.text());
        let notes = self.reader.notes_problem.iter().map(|p| p.text());
        let quiz = self
            .quiz
            .notice
            .iter()
            .filter(|n| n.is_about_the_file())
            .map(|n| n.text());
        let picture = self.chrome.saved_png_message();
        settings.chain(notes).chain(quiz).chain(picture).collect()
    }

    /// The presentation stage, in place of the chrome and the view.
    fn stage_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
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
            commands,
        );
    }

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
                    links: self.indexes.links(),
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
        let settled = (self.reader.scroll_to_paragraph.is_none() || self.presentation.active)
            && self.session.loading().is_none()
            && !self.indexes.preparing();
        if let Some(job) = &mut self.screenshot {
            job.step(ctx, settled);
        } else {
            crate::ui::window_place::keep_on_screen(ctx);
            let now = web_time::Instant::now();
            if let Some(wait) = self.files.save_settings_on_change(&self.settings, now) {
                // A change waits for its write: come back for it even if idle.
                ctx.request_repaint_after(wait);
            }
        }
        self.say_timing();
    }
}

impl ReaderApp {
    /// For `NEUTRALITY_READER_TIMING` (BENCHMARKS.md): when the window
    /// first showed, if the unit asked for was still being read then, and
    /// when the first frame with that unit on screen was laid out.
    fn say_timing(&mut self) {
        let Some(started) = self.timing else {
            return;
        };
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if self.session.loading().is_some() {
            if !self.timing_window_said {
                self.timing_window_said = true;
                eprintln!(
                    "neutrality-reader: window shown {ms:.0} ms after start, the unit being read"
                );
            }
            return;
        }
        self.timing = None;
        eprintln!("neutrality-reader: first frame laid out {ms:.0} ms after start");
    }
}

impl eframe::App for ReaderApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(log) = &mut self.frame_log {
            log.record(frame.info().cpu_usage);
        }
        let ctx = ui.ctx().clone();
        // The first frame is drawn: a unit parsing beside it may have
        // every core again (`start_reading` left one to that frame). The
        // second frame is asked for at once, not when the busy sign next
        // moves (1/8 s), so the core comes back as soon as the first is done.
        match ctx.cumulative_frame_nr() {
            0 => ctx.request_repaint(),
            1 => crate::dataset::leave_a_core(None),
            _ => {}
        }
        // Every frame, because the language is per thread and eframe may
        // draw on a thread other than the one that built the app.
        crate::i18n::set_language(self.settings.language);
        // The whole interface's zoom, as the reader chose it (Ctrl+Plus).
        if ctx.zoom_factor() != self.settings.zoom {
            ctx.set_zoom_factor(self.settings.zoom);
        }
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_visuals(self.settings.theme.visuals());
            self.applied_theme = Some(self.settings.theme);
        }
        self.follow_tab(&ctx);
        let mut commands = Vec::new();
        // The desktop's folder dialog answered, or a folder changed on disk.
        if let Some(folder) = self.chrome.picker.poll() {
            self.chrome.open_dialog.path = folder.display().to_string();
            commands.push(Command::OpenDatasetFolder(folder));
        }
        // A folder or unit file dropped on the window (its bytes, in a browser).
        if let Some(folder) = self.chrome.drops.take(&ctx) {
            commands.push(Command::OpenDatasetFolder(folder));
        }
        self.poll_session();
        shortcuts::commands(&ctx, &mut commands);
        let presenting = self.presentation.active;
        if !presenting {
            search_ui::shortcuts(&ctx, &mut self.search_box, &mut self.find_bar);
            if self.find_bar.open && self.settings.view != View::Study {
                commands.push(Command::ShowView(View::Study));
            }
        }
        if presenting {
            self.stage_ui(ui, &mut commands);
        } else {
            self.chrome_ui(ui, &mut commands);
            self.view_ui(ui, &mut commands);
        }
        // The stage may have been left this frame (Esc).
        self.chrome
            .windows_ui(&ctx, &self.dataset, self.presentation.active, &mut commands);
        dropped::drop_hint_ui(&ctx);
        if !self.presentation.active {
            search_ui::search_window(
                &ctx,
                &self.dataset,
                self.indexes.search(),
                &mut self.search_box,
                &mut commands,
            );
        }
        if !commands.is_empty() {
            // The frame was drawn before the change: draw once more to show it.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command);
        }
        self.after_frame(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return;
        }
        self.files.save_settings(&self.settings, storage);
    }
}
