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
        Self {
            by_category: Timeline::new(items),
            single_lane: Timeline::new(single),
        }
    }
}
