//! The timelines built once at load: one with a lane per category (the full
//! view), one with every event in a single lane (the strip under the reader).

use crate::dataset::Dataset;
use crate::model::EventCategory;
use crate::timeline::{Item, TimeSpan, Timeline, layout::shape_of};

/// The lane of a category: its place in [`EventCategory::ALL`].
pub fn lane_of(category: EventCategory) -> usize {
    EventCategory::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

/// Timelines over the dataset's events; `Item::event` indexes `Dataset::events`.
#[derive(Clone, Debug)]
pub struct TimelineIndex {
    /// A lane per category.
    pub by_category: Timeline,
    /// Everything in lane 0.
    pub single_lane: Timeline,
    /// How many events each category has, by lane.
    pub category_counts: [usize; EventCategory::ALL.len()],
    /// Indices of the organizations that some event involves, in file order.
    pub organizations_with_events: Vec<usize>,
}

impl TimelineIndex {
    /// Builds both timelines from the dataset's events.
    pub fn new(dataset: &Dataset) -> Self {
        let items: Vec<Item> = dataset
            .events
            .iter()
            .enumerate()
            .map(|(event, e)| Item {
                event,
                span: TimeSpan::of(&e.date),
                shape: shape_of(&e.date),
                lane: lane_of(e.category),
                label_chars: e.title.chars().count(),
            })
            .collect();
        let single: Vec<Item> = items
            .iter()
            .map(|item| Item {
                lane: 0,
                ..item.clone()
            })
            .collect();
        let mut category_counts = [0; EventCategory::ALL.len()];
        for event in &dataset.events {
            if let Some(count) = category_counts.get_mut(lane_of(event.category)) {
                *count += 1;
            }
        }
        let involved: std::collections::HashSet<&str> = dataset
            .events
            .iter()
            .flat_map(|e| e.organizations.iter().map(String::as_str))
            .collect();
        let organizations_with_events = (0..dataset.organizations.len())
            .filter(|&i| {
                dataset
                    .organizations
                    .get(i)
                    .is_some_and(|o| involved.contains(o.id.as_str()))
            })
            .collect();
        Self {
            by_category: Timeline::new(items),
            single_lane: Timeline::new(single),
            category_counts,
            organizations_with_events,
        }
    }
}
