//! Putting a dataset on screen: everything derived from it, and the
//! reader's state for it. Another dataset starts afresh with its own notes,
//! quiz memory and reading places; the same one reloaded keeps the open
//! article, paragraph and selections where they still exist.

use std::path::Path;
use std::sync::Arc;

use super::ReaderApp;
use super::indexes::BackgroundIndexes;
use super::session::{Arrival, DatasetSource};
use crate::dataset::Dataset;
use crate::ui::command::{EventIx, OrgIx, View};
use crate::ui::datasets;
use crate::ui::organizations::OrganizationsRuntime;
use crate::ui::quiz::QuizRuntime;
use crate::ui::search::SearchBox;
use crate::ui::state::Settings;
use crate::ui::study::ReaderRuntime;
use crate::ui::timeline::{TimelineIndex, TimelineRuntime};

/// What a reload of the same dataset keeps of the selections: their ids,
/// found again in the new dataset.
struct SelectedIds {
    event: Option<String>,
    organization: Option<String>,
}

impl ReaderApp {
    /// Puts an arrival from the dataset session on screen.
    pub(super) fn put_on_screen(&mut self, arrival: Arrival) {
        let Arrival {
            dataset,
            timeline,
            source,
            same,
            remember,
        } = arrival;
        let folder = match &source {
            DatasetSource::Folder(folder) if remember => Some(folder.clone()),
            _ => None,
        };
        let started = web_time::Instant::now();
        self.set_dataset(dataset, timeline, same);
        // The work of the frame a unit arrives in, for BENCHMARKS.md, as
        // the first frame's is.
        if std::env::var_os("NEUTRALITY_READER_TIMING").is_some() {
            eprintln!(
                "neutrality-reader: dataset put on screen in {:.1} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        if let Some(log) = &self.frame_log {
            log.say_longest("the unit arrived");
        }
        if let Some(folder) = folder {
            self.remember_recent(&folder);
        }
    }

    /// Puts `dataset` on screen, with everything derived from it: the same
    /// dataset (`same`) keeps the reader's places; another starts afresh.
    /// Its search index and links are built in the background; its
    /// `timeline` (built with it off this thread) is built here without.
    fn set_dataset(&mut self, dataset: Arc<Dataset>, timeline: Option<TimelineIndex>, same: bool) {
        let selected = SelectedIds {
            event: self.selected_event().map(str::to_owned),
            organization: self.selected_organization().map(str::to_owned),
        };
        self.timeline_index = timeline.unwrap_or_else(|| TimelineIndex::new(&dataset));
        let wake = self.ctx.clone();
        self.indexes = BackgroundIndexes::start(
            &dataset,
            self.indexes.wait(),
            wake.map(|ctx| Arc::new(move || ctx.request_repaint()) as _),
        );
        self.dataset = dataset;
        self.search_box = SearchBox::default();
        // The matches are worked out again for the new text.
        let find = std::mem::take(&mut self.find_bar);
        self.find_bar.open = find.open;
        self.find_bar.query = find.query;
        if same {
            self.carry_over(selected);
        } else {
            self.organizations = OrganizationsRuntime::new(&self.dataset);
            self.start_afresh();
        }
    }

    /// Another dataset on screen: save this one's notes (they are saved at
    /// every change already; an empty set writes no file), then take up its
    /// own files and places. The quiz memory is saved after every answer.
    pub(super) fn start_afresh(&mut self) {
        if !self.reader.notes.entries.is_empty() {
            self.reader.save_notes();
        }
        let key = self.session.shown().key();
        self.settings.switch_places(key.as_deref());
        self.settings.open_folder = self.shown_folder();
        // The notes' export (and whether it uses the desktop's save
        // dialog) belongs to the window and stays.
        let export = std::mem::take(&mut self.reader.export);
        self.reader = ReaderRuntime {
            export,
            ..ReaderRuntime::default()
        };
        self.load_saved_files();
        self.selected_event = None;
        self.selected_organization = None;
        self.timeline = TimelineRuntime::default();
        if self.presentation.active
            && let Some(ctx) = &self.ctx
        {
            self.presentation.stop(ctx);
        }
        self.open_remembered_article();
    }

    /// The same dataset reloaded: each view keeps what it says it keeps
    /// (its `carried_over`), the selections by id.
    fn carry_over(&mut self, selected: SelectedIds) {
        let events = &self.dataset.events;
        let organizations = &self.dataset.organizations;
        self.selected_event = selected
            .event
            .and_then(|id| events.iter().position(|e| *e.id == *id))
            .map(EventIx);
        self.selected_organization = selected
            .organization
            .and_then(|id| organizations.iter().position(|o| o.id == id))
            .map(OrgIx);
        // The quiz in progress may ask of records that changed.
        self.quiz = std::mem::take(&mut self.quiz).carried_over();
        self.timeline =
            std::mem::take(&mut self.timeline).carried_over(self.selected_event.is_some());
        let organizations = std::mem::replace(
            &mut self.organizations,
            OrganizationsRuntime::new(&self.dataset),
        );
        self.organizations =
            organizations.carried_over(&self.dataset, self.selected_organization.is_some());
        self.reader = std::mem::take(&mut self.reader).carried_over(&self.dataset);
        if self.reader.article.is_none() {
            let first = self.dataset.articles.first().map(|a| a.id.clone());
            if let Some(article) = first {
                self.open_article(&article, None);
            }
        }
    }

    /// Reads the notes and quiz memory of the dataset on screen.
    pub(super) fn load_saved_files(&mut self) {
        let files = self.files.files_for(self.session.shown());
        self.reader.notes = crate::notes::Notes::default();
        self.reader.notes_file = None;
        self.reader.notes_problem = None;
        if let Some(notes) = files.notes {
            self.reader.load_notes(notes);
        }
        // The setup and the export (with whether the desktop's save dialog
        // is used) stay: they belong to the window, not to the files.
        let setup = std::mem::take(&mut self.quiz.setup);
        let export = std::mem::take(&mut self.quiz.export);
        // A live class ends with the quiz it ran (its server stops); its
        // summary and the way classes start (a test's) stay.
        self.quiz.end_live();
        let live = std::mem::take(&mut self.quiz.live);
        self.quiz = files
            .quiz_memory
            .map_or_else(QuizRuntime::default, QuizRuntime::with_memory_file);
        self.quiz.setup = setup;
        self.quiz.export = export;
        self.quiz.live = live;
    }

    /// Replaces the settings the app started with by `settings`, and takes
    /// up the places they keep for the dataset on screen.
    pub(super) fn take_up_settings(&mut self, mut settings: Settings) {
        self.last_folder = settings.open_folder.take();
        self.settings = settings;
        self.settings.open_folder = self.shown_folder();
        let key = self.session.shown().key();
        self.settings.switch_places(key.as_deref());
        if let DatasetSource::Folder(folder) = self.session.shown().clone() {
            self.remember_recent(&folder);
        }
        // Opened afresh, so that its scroll place comes from these settings.
        self.reader.article = None;
        self.open_remembered_article();
    }

    /// The article the settings remember for this dataset, else its first.
    fn open_remembered_article(&mut self) {
        let article = self
            .settings
            .open_article
            .clone()
            .filter(|id| self.dataset.article(id).is_some())
            .or_else(|| self.dataset.articles.first().map(|a| a.id.clone()));
        if let Some(article) = article {
            self.open_article(&article, None);
        }
    }

    /// The folder on screen as [`Settings::open_folder`] keeps it.
    fn shown_folder(&self) -> Option<String> {
        match self.session.shown() {
            DatasetSource::Folder(folder) => {
                Some(datasets::canonical(folder).to_string_lossy().into_owned())
            }
            DatasetSource::Bundled => None,
        }
    }

    /// Puts `folder` at the top of the recent folders.
    pub(super) fn remember_recent(&mut self, folder: &Path) {
        let canonical = datasets::canonical(folder);
        datasets::remember(
            &mut self.settings.recent_datasets,
            &canonical.to_string_lossy(),
        );
    }

    /// Opens an article where the reader left it, or at `paragraph`, highlighted.
    pub(super) fn open_article(&mut self, article: &str, paragraph: Option<u32>) {
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

    /// Shows `view`.
    pub(super) fn show(&mut self, view: View) {
        self.settings.view = view;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found in the browser build, true of the desktop too: reading the
    /// saved files (at start, and for each dataset opened) made the quiz's
    /// and the notes' exports forget the desktop's save dialog.
    #[test]
    fn the_desktop_s_save_dialogs_stay_on_when_saved_files_are_read() {
        let ctx = egui::Context::default();
        let dataset = std::sync::Arc::new(Dataset::embedded().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let mut app = ReaderApp::new(&ctx, dataset, crate::ui::app::DataOrigin::default(), None)
            .with_native_dialogs()
            .with_storage_dir(dir.path().to_path_buf());
        let on = |app: &ReaderApp| {
            (
                app.quiz.export.dialog.native,
                app.reader.export.native,
                app.chrome.timeline_export.dialog.native,
            )
        };
        assert_eq!(on(&app), (true, true, true));
        app.start_afresh();
        assert_eq!(on(&app), (true, true, true));
    }
}
