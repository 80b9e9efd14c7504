//! The timeline's state while the app runs: both canvases, the filters, and
//! the list of events they let through.

use std::collections::BTreeSet;

use super::canvas::CanvasState;
use crate::dataset::Dataset;
use crate::model::EventCategory;
use crate::ui::command::EventIx;

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
    pub list_followed: Option<EventIx>,
}

/// The filters a cached list was computed for.
type ListKey = (BTreeSet<EventCategory>, Option<String>);

impl TimelineRuntime {
    /// Indices of the events shown under the current filters, recomputed only
    /// when the filters change.
    pub fn shown_events(&mut self, dataset: &Dataset) -> &[usize] {
        // Compared in place; the filters are cloned only when they changed.
        let current = self
            .list
            .as_ref()
            .is_some_and(|((hidden, organization), _)| {
                *hidden == self.hidden && *organization == self.organization
            });
        if !current {
            let shown = (0..dataset.events.len())
                .filter(|&i| event_included(dataset, self, i))
                .collect();
            let key = (self.hidden.clone(), self.organization.clone());
            self.list = Some((key, shown));
        }
        self.list.as_ref().map_or(&[], |(_, list)| list.as_slice())
    }
}

/// Is the event at `index` shown under the current filters?
pub fn event_included(dataset: &Dataset, runtime: &TimelineRuntime, index: usize) -> bool {
    dataset.events.get(index).is_some_and(|event| {
        !runtime.hidden.contains(&event.category)
            && runtime
                .organization
                .as_ref()
                .is_none_or(|o| event.organizations.contains(o))
    })
}
