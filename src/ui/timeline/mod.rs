//! The timeline: a canvas widget over [`crate::timeline`], the full Timeline
//! view with filters and a list, and the strip under the reader in Study.

pub mod canvas;
mod card;
mod colors;
mod index;
mod strip;
mod view;

use std::collections::BTreeSet;

pub use canvas::{CanvasState, date_with_precision};
pub use card::event_card_ui;
pub use colors::category_color;
pub use index::{TimelineIndex, lane_of};
pub use strip::strip_ui;
pub use view::timeline_view_ui;

use crate::i18n::tr;
use crate::model::EventCategory;

/// A category's name in the interface's language; [`EventCategory::label`]
/// stays English for the command line and exports.
pub fn category_label(category: EventCategory) -> &'static str {
    match category {
        EventCategory::UnResolution => tr("timeline.category_un_resolution"),
        EventCategory::Summit => tr("timeline.category_summit"),
        EventCategory::Conference => tr("timeline.category_conference"),
        EventCategory::Meeting => tr("timeline.category_meeting"),
        EventCategory::Talks => tr("timeline.category_talks"),
        EventCategory::Agreement => tr("timeline.category_agreement"),
        EventCategory::Establishment => tr("timeline.category_establishment"),
        EventCategory::Membership => tr("timeline.category_membership"),
        EventCategory::Milestone => tr("timeline.category_milestone"),
        EventCategory::Anniversary => tr("timeline.category_anniversary"),
        EventCategory::Initiative => tr("timeline.category_initiative"),
        EventCategory::InternationalYear => tr("timeline.category_international_year"),
        EventCategory::Programme => tr("timeline.category_programme"),
    }
}

/// Timeline state that lives while the app runs; the selection is the app's.
#[derive(Clone, Debug, Default)]
pub struct TimelineRuntime {
    /// The full view's canvas.
    pub full: CanvasState,
    /// The Study strip's canvas.
    pub strip: CanvasState,
    /// Categories the reader has hidden.
    pub hidden: BTreeSet<EventCategory>,
    /// Show only events involving this organization.
    pub organization: Option<String>,
    /// Whether the details card of the selection is open.
    pub details_open: bool,
    /// The article whose events the strip last brought into view.
    pub strip_article: Option<String>,
    /// The events the list shows, for the filters they were computed with.
    list: Option<(ListKey, Vec<usize>)>,
    /// The selection the list last scrolled to, so it follows the canvas once.
    pub list_followed: Option<crate::ui::command::EventIx>,
}

/// The filters a cached list was computed for.
type ListKey = (BTreeSet<EventCategory>, Option<String>);

impl TimelineRuntime {
    /// Indices of the events shown under the current filters, recomputed only
    /// when the filters change.
    pub fn shown_events(&mut self, dataset: &crate::dataset::Dataset) -> &[usize] {
        // Compared in place; the filters are cloned only when they changed.
        let current = self
            .list
            .as_ref()
            .is_some_and(|((hidden, organization), _)| {
                *hidden == self.hidden && *organization == self.organization
            });
        if !current {
            let shown = (0..dataset.events.len())
                .filter(|&i| view::event_included(dataset, self, i))
                .collect();
            let key = (self.hidden.clone(), self.organization.clone());
            self.list = Some((key, shown));
        }
        self.list.as_ref().map_or(&[], |(_, list)| list.as_slice())
    }
}
