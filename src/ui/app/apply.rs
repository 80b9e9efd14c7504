//! Every [`Command`] a frame gathered, applied in one place at its end.

use std::path::Path;

use super::ReaderApp;
use super::session::{DatasetSource, OpenFailure};
use crate::i18n::trf;
use crate::ui::chrome::code_view::CodeView;
use crate::ui::command::{Command, EventIx, OrgIx, View};
use crate::ui::datasets;
use crate::ui::state::{LINE_WIDTH_MAX, LINE_WIDTH_MIN};

impl ReaderApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, command: Command) {
        match command {
            Command::OpenArticle { article, paragraph } => self.read_in_source(&article, paragraph),
            Command::SelectEvent { event, details } => self.select_event(event, details),
            Command::FocusEvent(index) => self.focus_event_now(index),
            Command::SelectOrganization {
                organization,
                details,
                show,
            } => self.select_organization_now(organization, details, show),
            Command::ShowView(view) => self.show(view),
            Command::TextSize(step) => self.settings.step_text_size(step),
            Command::Zoom(step) => self.settings.step_zoom(step),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ToggleLibrary => self.settings.show_library = !self.settings.show_library,
            Command::ToggleContext => self.settings.show_context = !self.settings.show_context,
            Command::ToggleStrip => self.settings.show_strip = !self.settings.show_strip,
            Command::Present => self.start_presentation_now(),
            Command::LineWidth(width) => {
                self.settings.line_width = width.clamp(LINE_WIDTH_MIN, LINE_WIDTH_MAX);
            }
            Command::ToggleShortcuts => self.chrome.shortcuts_open = !self.chrome.shortcuts_open,
            Command::SaveViewPng => self.save_view_png(),
            Command::ExportNotes => self.ask_export_path(),
            Command::SetLanguage(language) => {
                self.settings.language = language;
                crate::i18n::set_language(language);
            }
            Command::Quit => {
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::OpenDatasetDialog => {
                self.chrome.open_dialog.show(String::new());
                self.browse(false);
            }
            Command::BrowseForDataset => self.browse(false),
            Command::BrowseForUnitFile => self.browse(true),
            Command::ShowImportDialog => self.chrome.import_dialog.show(),
            Command::ExportTimeline => self
                .chrome
                .timeline_export
                .ask(self.ctx.as_ref(), &self.dataset),
            Command::OpenDatasetFolder(folder) => self.open_folder(&folder),
            Command::OpenBundledDataset => {
                if let Some(arrival) = self.session.open_bundled() {
                    self.put_on_screen(arrival);
                }
            }
            Command::ReloadDataset => {
                if let Some(arrival) = self.session.reload_now() {
                    self.put_on_screen(arrival);
                }
                self.refresh_code_view();
            }
            Command::ShowProblem(index) => {
                if let Some(problems) = self.session.problems()
                    && let Some(problem) = problems.problems.get(index)
                {
                    let folder = problems.folder.as_deref();
                    self.chrome.code_view = Some(CodeView::open(problem, folder));
                }
            }
            Command::HideProblems => self.session.hide_problems(),
            Command::DismissFileNotices => self.dismiss_file_notices(),
        }
    }

    /// Opens an article in Study, at `paragraph` if given; from the stage,
    /// this leaves the stage.
    fn read_in_source(&mut self, article: &str, paragraph: Option<u32>) {
        if self.dataset.article(article).is_none() {
            return;
        }
        if self.presentation.active
            && let Some(ctx) = &self.ctx
        {
            self.presentation.stop(ctx);
        }
        self.open_article(article, paragraph);
        self.show(View::Study);
    }

    /// Puts away every notice about the saved files.
    fn dismiss_file_notices(&mut self) {
        self.files.dismiss_notices();
        if let Ok(mut picture) = self.chrome.saved_png.lock() {
            *picture = None;
        }
        self.reader.notes_problem = None;
        if self
            .quiz
            .notice
            .as_ref()
            .is_some_and(|n| n.is_about_the_file())
        {
            self.quiz.notice = None;
        }
    }

    /// Selects an event, or none; `details` opens its card.
    fn select_event(&mut self, event: Option<EventIx>, details: bool) {
        self.selected_event = event.filter(|i| i.of(&self.dataset.events).is_some());
        if self.selected_event.is_none() {
            self.timeline.details_open = false;
        } else if details {
            self.timeline.details_open = true;
        }
    }

    /// Selects an event, opens its card and brings the years around it
    /// into view on both timelines, in the Timeline view.
    fn focus_event_now(&mut self, index: EventIx) {
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
        self.show(View::Timeline);
    }

    /// Selects an organization, or none; `details` opens its details,
    /// `show` the Organizations view with its row in view.
    fn select_organization_now(&mut self, organization: Option<OrgIx>, details: bool, show: bool) {
        self.selected_organization =
            organization.filter(|i| i.of(&self.dataset.organizations).is_some());
        let Some(index) = self.selected_organization else {
            self.organizations.details_open = false;
            return;
        };
        if details {
            self.organizations.details_open = true;
        }
        if show {
            self.organizations.reveal(&self.dataset, index.0);
            self.show(View::Organizations);
        }
    }

    /// "Open dataset folder": a folder that is not there is said in the
    /// window; one that does not load keeps the dataset on screen and lists
    /// its problems, and is watched so that it opens once fixed.
    fn open_folder(&mut self, folder: &Path) {
        match self.session.open_folder(folder) {
            Ok(arrival) => {
                // Read in the background, it arrives by the session's poll;
                // the top bar says it is being read.
                if let Some(arrival) = arrival {
                    self.put_on_screen(arrival);
                }
                self.chrome.open_dialog.close();
            }
            Err(failure) => {
                let path = folder.display();
                let message = match failure {
                    OpenFailure::NotAFolder => trf("open.not_a_folder", &[("path", &path)]),
                    OpenFailure::NoSuchFolder => trf("open.no_such_folder", &[("path", &path)]),
                    OpenFailure::DidNotLoad { count: 1 } => {
                        trf("open.failed_one", &[("folder", &path)])
                    }
                    OpenFailure::DidNotLoad { count } => {
                        trf("open.failed_many", &[("folder", &path), ("count", &count)])
                    }
                };
                let dialog = &mut self.chrome.open_dialog;
                if matches!(failure, OpenFailure::NotAFolder | OpenFailure::NoSuchFolder)
                    && !dialog.open
                {
                    dialog.show(folder.display().to_string());
                }
                dialog.error = Some(message);
            }
        }
        self.refresh_code_view();
    }

    /// Opens the desktop's folder dialog (or its file dialog for a unit
    /// file, if `unit_file`) near the folder on screen.
    fn browse(&mut self, unit_file: bool) {
        let Some(ctx) = self.ctx.clone() else { return };
        let near = match self.session.shown() {
            DatasetSource::Folder(folder) => {
                datasets::canonical(folder).parent().map(Path::to_path_buf)
            }
            DatasetSource::Bundled => None,
        };
        self.chrome.picker.start(&ctx, near, unit_file);
    }

    /// Asks where to export the notes, named after the dataset's folder.
    fn ask_export_path(&mut self) {
        let unit = self.session.shown().folder_name();
        self.reader
            .ask_export_path(self.ctx.as_ref(), unit.as_deref());
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
        let message = self.chrome.saved_png.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let text = match crate::ui::screenshot::save_png(&image, &path) {
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

    /// Starts the stage at the highlighted paragraph, the selected event or
    /// the selected organization, as the current view has it.
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
}
