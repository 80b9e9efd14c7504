//! The window's vocabulary: the views, what a view asks the app to do
//! ([`Command`]), and typed indices into the dataset's records. Every view
//! imports this file and never the app; it imports only the model and the
//! small value types a command carries (theme, language).

use std::path::PathBuf;

use super::theme::Theme;
use crate::i18n::{Language, tr};
use crate::model::{Event, Organization};

/// An event, by its place in the dataset's `events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIx(pub usize);

impl EventIx {
    /// The event in `events`, if the index is in range.
    pub fn of(self, events: &[Event]) -> Option<&Event> {
        events.get(self.0)
    }
}

/// An organization, by its place in the dataset's `organizations`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrgIx(pub usize);

impl OrgIx {
    /// The organization in `organizations`, if the index is in range.
    pub fn of(self, organizations: &[Organization]) -> Option<&Organization> {
        organizations.get(self.0)
    }
}

/// The views of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// Library, reader, the article's organizations and a timeline strip.
    #[default]
    Study,
    /// The full timeline with filters and a list.
    Timeline,
    /// The organizations table with details, figures and a chart.
    Organizations,
    /// Quizzes generated from the dataset.
    Quiz,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [View::Study, View::Timeline, View::Organizations, View::Quiz];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            View::Study => tr("app.view.study"),
            View::Timeline => tr("app.view.timeline"),
            View::Organizations => tr("app.view.organizations"),
            View::Quiz => tr("app.view.quiz"),
        }
    }
}

/// What a view asks the app to do; applied once, at the end of the frame.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Open an article, optionally at a paragraph (counted from 1), which is highlighted.
    OpenArticle {
        /// Article id.
        article: String,
        /// Paragraph to scroll to and highlight.
        paragraph: Option<u32>,
    },
    /// Select an event (index into the dataset's events) or clear the
    /// selection; `details` opens its card.
    SelectEvent {
        /// The event, or `None` to clear.
        event: Option<EventIx>,
        /// Open the details card.
        details: bool,
    },
    /// Select an event, open its card, bring it into view on both timelines
    /// and switch to the Timeline view.
    FocusEvent(EventIx),
    /// Select an organization (index into the dataset's organizations) or
    /// clear the selection; `details` opens its details, `show` switches to
    /// the Organizations view with its row in view.
    SelectOrganization {
        /// The organization, or `None` to clear.
        organization: Option<OrgIx>,
        /// Open its details.
        details: bool,
        /// Switch to the Organizations view.
        show: bool,
    },
    /// Switch to a view.
    ShowView(View),
    /// Change the reading text size (the article's own, A− and A+).
    TextSize(TextSizeStep),
    /// Zoom the whole interface, as a browser's Ctrl+Plus does.
    Zoom(ZoomStep),
    /// Switch between light and dark.
    SetTheme(Theme),
    /// Show or hide the library panel.
    ToggleLibrary,
    /// Show or hide the "in this article" panel.
    ToggleContext,
    /// Show or hide the timeline strip under the reader.
    ToggleStrip,
    /// Start presentation mode on the current view (F5).
    Present,
    /// Set the reading measure, in characters a line.
    LineWidth(u32),
    /// Show or hide the keyboard shortcuts (F1 or ?).
    ToggleShortcuts,
    /// Save the window as a PNG picture.
    SaveViewPng,
    /// Ask where to export the notes as Markdown (the desktop's save
    /// dialog, or a typed path), then write them there.
    ExportNotes,
    /// Show the interface in another language.
    SetLanguage(Language),
    /// Show the "Open dataset folder" window (and the desktop's folder
    /// dialog, where there is one).
    OpenDatasetDialog,
    /// Open the desktop's folder dialog again.
    BrowseForDataset,
    /// Open the desktop's file dialog for a unit file (`.zip`).
    BrowseForUnitFile,
    /// Show the "Import" window (File > Import…): a timeline or an article
    /// made into a new unit, which then opens.
    ShowImportDialog,
    /// Ask where to write the timeline as a TimelineJS 3 file (File >
    /// "Export the timeline for TimelineJS…"), then write it.
    ExportTimeline,
    /// Load the dataset in this folder; if it does not load, the dataset
    /// shown stays and the problems are listed.
    OpenDatasetFolder(PathBuf),
    /// Go back to the bundled dataset.
    OpenBundledDataset,
    /// Load the dataset folder again, now.
    ReloadDataset,
    /// Show the place of a problem (an index into the problems listed).
    ShowProblem(usize),
    /// Hide the problems panel.
    HideProblems,
    /// Put away the notices about the saved files (settings, notes, quiz memory).
    DismissFileNotices,
    /// Close the window (Ctrl+Q).
    Quit,
}

/// A step of the interface's zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomStep {
    /// Ctrl+Plus.
    In,
    /// Ctrl+Minus.
    Out,
    /// Ctrl+0: back to 100%.
    Reset,
    /// The projector preset.
    Projector,
}

/// A step of the reading text size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSizeStep {
    /// Ctrl+Plus.
    Larger,
    /// Ctrl+Minus.
    Smaller,
    /// Ctrl+0.
    Reset,
}
