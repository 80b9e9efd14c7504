//! The timeline's state while the app runs: both canvases, the filters, and
//! the list of events they let through.

use std::collections::BTreeSet;

use super::canvas::CanvasState;
use crate::dataset::Dataset;
use crate::model::CategoryKey;
use crate::ui::command::EventIx;

/// Timeline state that lives while the app runs; the selection is the app's.
#[derive(Clone, Debug, Default)]
pub struct TimelineRuntime {
    /// The full view's canvas.
    pub full: CanvasState,
    /// The Study strip's canvas.
    pub strip: CanvasState,
    /// Categories the reader has hidden.
    pub hidden: BTreeSet<CategoryKey>,
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
    /// How many events of each category the organization filter lets
    /// through, for the filter they were counted with.
    counts: Option<(Option<String>, Vec<usize>)>,
}

/// The filters a cached list was computed for.
type ListKey = (BTreeSet<CategoryKey>, Option<String>);

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

    /// How many events of each category (by lane) the organization filter
    /// lets through; `all` are the counts without it. Counted again only
    /// when the filter changes: a frame never walks every event.
    pub fn category_counts(&mut self, dataset: &Dataset, all: &[usize]) -> Vec<usize> {
        let Some(organization) = &self.organization else {
            return all.to_vec();
        };
        if let Some((counted, counts)) = &self.counts
            && counted.as_ref() == Some(organization)
        {
            return counts.clone();
        }
        let mut counts = vec![0usize; all.len()];
        for event in dataset
            .events
            .iter()
            .filter(|e| e.organizations().iter().any(|o| **o == **organization))
        {
            if let Some(n) = counts.get_mut(dataset.category_lane(&event.category)) {
                *n += 1;
            }
        }
        self.counts = Some((Some(organization.clone()), counts.clone()));
        counts
    }

    /// What a reload of the same dataset keeps: the zoom of both canvases,
    /// the filters and the strip's article; the details stay open only while
    /// an event is still selected (`event_selected`). The list is worked out
    /// again for the new events.
    pub fn carried_over(self, event_selected: bool) -> Self {
        // Every field named, so that a new one must be decided on here.
        let Self {
            full,
            strip,
            hidden,
            organization,
            details_open,
            strip_article,
            list: _,
            list_followed: _,
            counts: _,
        } = self;
        Self {
            full,
            strip,
            hidden,
            organization,
            details_open: details_open && event_selected,
            strip_article,
            ..Self::default()
        }
    }
}

/// Is the event at `index` shown under the current filters?
pub fn event_included(dataset: &Dataset, runtime: &TimelineRuntime, index: usize) -> bool {
    dataset.events.get(index).is_some_and(|event| {
        !runtime.hidden.contains(&event.category)
            && runtime
                .organization
                .as_ref()
                .is_none_or(|o| event.organizations().iter().any(|e| **e == **o))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::TimeSpan;

    /// A runtime with every field away from its default.
    fn busy(dataset: &Dataset) -> TimelineRuntime {
        let mut runtime = TimelineRuntime {
            hidden: [CategoryKey::named("Summit")].into(),
            organization: Some("un".to_owned()),
            details_open: true,
            strip_article: Some("an-article".to_owned()),
            list_followed: Some(EventIx(3)),
            ..TimelineRuntime::default()
        };
        runtime.full.fit(TimeSpan::new(1000.0, 2000.0));
        runtime.strip.fit(TimeSpan::new(3000.0, 4000.0));
        runtime.shown_events(dataset);
        runtime
    }

    #[test]
    fn a_reload_keeps_the_zoom_filters_and_strip_article() {
        let dataset = Dataset::embedded().unwrap();
        let before = busy(&dataset);
        let after = before.clone().carried_over(true);
        assert_eq!(after.full.transform, before.full.transform);
        assert_eq!(after.strip.transform, before.strip.transform);
        assert!(after.full.transform.is_some());
        assert_eq!(after.hidden, before.hidden);
        assert_eq!(after.organization, before.organization);
        assert_eq!(after.strip_article, before.strip_article);
        assert!(after.details_open);
    }

    #[test]
    fn a_reload_works_the_list_out_again_and_forgets_what_it_followed() {
        let dataset = Dataset::embedded().unwrap();
        let before = busy(&dataset);
        assert!(before.list.is_some());
        let after = before.carried_over(true);
        assert!(after.list.is_none());
        assert_eq!(after.list_followed, None);
    }

    #[test]
    fn the_details_stay_open_only_with_an_event_selected() {
        let dataset = Dataset::embedded().unwrap();
        assert!(!busy(&dataset).carried_over(false).details_open);
        let closed = TimelineRuntime::default().carried_over(true);
        assert!(!closed.details_open);
    }
}
