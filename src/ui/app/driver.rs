//! What `main` and the tests call: builders that set the app up before the
//! first frame, actions as a reader would take them (each through
//! [`Command`]), and getters of what is on screen.

use std::path::{Path, PathBuf};

use super::ReaderApp;
use super::session::DatasetSource;
use crate::dataset::{Dataset, Problem};
use crate::ui::command::{Command, EventIx, OrgIx, View};
use crate::ui::quiz::QuizRuntime;
use crate::ui::saved_settings::SettingsNotice;
use crate::ui::screenshot::ScreenshotJob;
use crate::ui::state::Settings;
use crate::ui::theme::Theme;

/// Builders, before the first frame.
impl ReaderApp {
    /// Keeps the settings in `settings.json` in the app's storage folder
    /// `dir`, and each dataset's notes and quiz memory there too: the
    /// bundled dataset's where they always were, another's in
    /// `datasets/<key>/`. Reads the settings and takes up their places for
    /// the dataset on screen; without a settings file yet, those read from
    /// eframe's store by [`Self::new`] carry over and are written to the
    /// file at the next save. Loads the notes and quiz memory of the dataset
    /// on screen.
    pub fn with_storage_dir(mut self, dir: PathBuf) -> Self {
        if let Some(settings) = self.files.use_storage_dir(dir) {
            self.take_up_settings(settings);
        }
        self.load_saved_files();
        self
    }

    /// Shows `notice` about the saved settings until the reader puts it
    /// away (the window's store set aside before the window opened).
    pub fn with_settings_notice(mut self, notice: SettingsNotice) -> Self {
        self.files.notice(notice);
        self
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
        if let Some(arrival) = self.session.reopen_last(&folder) {
            self.put_on_screen(arrival);
        }
        self
    }

    /// Waits at most `wait` for a folder to load before the window goes on
    /// without it (a large unit arrives later, the top bar saying it is
    /// being read); without this, as in tests, a load is waited for.
    pub fn with_load_wait(mut self, wait: std::time::Duration) -> Self {
        self.session.set_load_wait(wait);
        self
    }

    /// Waits at most `wait` each frame for the dataset's search index and
    /// links before the frame goes on without them (the search box and the
    /// top bar say they are being prepared); without this, as in tests,
    /// they are waited for.
    pub fn with_index_wait(mut self, wait: std::time::Duration) -> Self {
        self.indexes.set_wait(Some(wait));
        self
    }

    /// Keeps validated units in `dir`, so that a unit opened again is read
    /// back rather than parsed and checked again (the window's choice;
    /// tests keep none).
    pub fn with_unit_cache(mut self, dir: PathBuf) -> Self {
        self.session.set_unit_cache(dir);
        self
    }

    /// Waits until the dataset's search index and links are ready (as a
    /// screenshot or a benchmark does before it goes on).
    pub fn wait_for_indexes(&mut self) {
        let wait = self.indexes.wait();
        self.indexes.set_wait(None);
        self.indexes.poll();
        self.indexes.set_wait(wait);
    }

    /// Whether the dataset's search index and links are still being built.
    pub fn preparing_indexes(&self) -> bool {
        self.indexes.preparing()
    }

    /// Opens `folder` (given with `--data`) as the window opens, read in the
    /// background so that the window shows at once; one that does not load
    /// is listed under the top bar and waited for.
    pub fn open_data_at_start(self, folder: &Path) -> Self {
        let wake = self.ctx.clone();
        let cache = self.session.unit_cache().map(Path::to_path_buf);
        let started = super::session::StartedLoad::start(
            folder,
            std::sync::Arc::new(move || {
                if let Some(ctx) = &wake {
                    ctx.request_repaint();
                }
            }),
            cache,
        );
        self.open_started_load(started)
    }

    /// Takes over the load of the `--data` folder started before the
    /// window opened (see [`Self::open_data_at_start`]).
    pub fn open_started_load(mut self, started: super::session::StartedLoad) -> Self {
        if let Some(arrival) = self.session.open_started(started) {
            self.put_on_screen(arrival);
        }
        if self.session.loading().is_some() {
            self.tell_terminal = true;
        } else {
            self.print_problems();
        }
        self
    }

    /// The problems listed, on the terminal too (for `--data`).
    pub(super) fn print_problems(&self) {
        if let Some(problems) = self.session.problems() {
            let error = crate::dataset::LoadError {
                problems: problems.problems.clone(),
            };
            eprint!("{}", crate::terminal::printable(&error.to_string()));
        }
    }

    /// Lets "Open dataset folder…" open the desktop's own folder dialog
    /// (off by default: tests and screenshots have no desktop).
    pub fn with_native_dialogs(mut self) -> Self {
        self.chrome.picker.enabled = true;
        self.reader.export.native = true;
        self.quiz.export.dialog.native = true;
        self.chrome.timeline_export.dialog.native = true;
        self
    }

    /// Keeps the quiz memory (spaced repetition, scores) in `file`, loading
    /// what is there; a damaged file is set aside and the reader told. Used
    /// for the bundled dataset (see [`Self::with_storage_dir`] for others).
    pub fn with_quiz_memory(mut self, file: PathBuf) -> Self {
        self.files.set_bundled_quiz_memory(file.clone());
        self.quiz = QuizRuntime::with_memory_file(file);
        self
    }

    /// Keeps the notes and highlights in `file`, loading what is there.
    pub fn with_notes_file(mut self, file: PathBuf) -> Self {
        self.files.set_bundled_notes(file.clone());
        self.reader.load_notes(file);
        self
    }

    /// Renders once, saves a PNG of the window to `job`'s path, then closes.
    pub fn with_screenshot(mut self, job: ScreenshotJob) -> Self {
        self.screenshot = Some(job);
        self
    }

    /// Reports on stderr how long after `started` the first frame was drawn.
    pub fn with_timing(mut self, started: web_time::Instant) -> Self {
        self.timing = Some(started);
        self.frame_log = Some(Default::default());
        self
    }
}

/// Actions, as the reader takes them.
impl ReaderApp {
    /// Opens the dataset in `folder`, as "Open dataset folder…" does.
    pub fn open_dataset_folder(&mut self, folder: &Path) {
        self.apply(Command::OpenDatasetFolder(folder.to_path_buf()));
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
        let Some(index) = self.dataset.events.iter().position(|e| *e.id == *id) else {
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

    /// Switches to `view`.
    pub fn show_view(&mut self, view: View) {
        self.apply(Command::ShowView(view));
    }

    /// Shows the interface in `language`, as the Reading menu does.
    pub fn apply_language(&mut self, language: crate::i18n::Language) {
        self.apply(Command::SetLanguage(language));
    }

    /// Switches the colour theme, as the Reading menu does.
    pub fn apply_theme(&mut self, theme: Theme) {
        self.apply(Command::SetTheme(theme));
    }

    /// The quiz's state, to set up a quiz from outside the window.
    pub fn quiz_mut(&mut self) -> &mut QuizRuntime {
        &mut self.quiz
    }
}

/// What is on screen.
impl ReaderApp {
    /// The dataset on screen.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Where the dataset on screen came from.
    pub fn dataset_source(&self) -> &DatasetSource {
        self.session.shown()
    }

    /// The problems of the last folder that did not load, while listed.
    pub fn load_problems(&self) -> &[Problem] {
        self.session
            .problems()
            .map_or(&[], |p| p.problems.as_slice())
    }

    /// The file and line the code view shows, if it is open.
    pub fn code_view_place(&self) -> Option<(&Path, Option<usize>)> {
        self.chrome.code_view.as_ref().map(|code| code.place())
    }

    /// The notices about the saved settings on screen, oldest first.
    pub fn settings_notices(&self) -> &[SettingsNotice] {
        self.files.notices()
    }

    /// The quiz's state: the session being taken and the memory.
    pub fn quiz(&self) -> &QuizRuntime {
        &self.quiz
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

    /// The reader's notes.
    pub fn notes(&self) -> &crate::notes::Notes {
        &self.reader.notes
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
        self.chrome.shortcuts_open
    }

    /// What the last "Save view as PNG" did, once done.
    pub fn saved_png_message(&self) -> Option<String> {
        self.chrome.saved_png_message()
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

    /// The selected event's id, shared by every view.
    pub fn selected_event(&self) -> Option<&str> {
        self.selected_event
            .and_then(|i| i.of(&self.dataset.events))
            .map(|e| &*e.id)
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
}
