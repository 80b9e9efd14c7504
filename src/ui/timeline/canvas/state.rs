//! What a canvas keeps between frames: its time <-> screen mapping, the
//! labels it drew, the list a chip opened, the part of a band the keys chose.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash};
use std::sync::Arc;

use crate::i18n::Language;
use crate::model::Event;
use crate::timeline::{Layout, Selection, TimeSpan, Transform};

/// What the canvas keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct CanvasState {
    /// The time <-> screen mapping; `None` until the first frame fits the data.
    pub transform: Option<Transform>,
    /// The events labelled last frame, with the room each label had.
    pub(super) labelled: Vec<(usize, f32)>,
    /// The list a chip opened, while it is open.
    pub(super) chip_list: Option<super::chips::ChipList>,
    /// The band the keys last chose a part of, and the part's first column.
    pub(super) band_part: Option<(egui::Id, usize)>,
    /// A band opened from the keyboard: its lane and the pass it was in. The
    /// next pass gives the focus to that lane's first band, or the canvas,
    /// if the band went with the zoom.
    pub(super) band_refocus: Option<(usize, u64)>,
    /// What the caller said its filters and pins are this frame (see
    /// [`Self::set_filters_key`]); taken by the frame.
    pub(super) filters_key: Option<u64>,
    /// The last layout and everything it was made from: a frame with the
    /// same inputs paints it again rather than lay out every event.
    pub(super) layout: Option<(LayoutKey, Arc<Layout>)>,
    /// What the filters let through, for the filters and lanes of its key:
    /// a pan or a zoom lays out from it without asking the filters again.
    pub(super) selection: Option<(SelectionKey, Selection)>,
    /// What a screen reader hears for each event drawn as a node.
    pub(super) node_labels: NodeLabels,
}

impl CanvasState {
    /// Says that the config's `include` and `pinned` this frame answer as
    /// `what` says (the filters and the pinned events' owner, whatever they
    /// depend on besides the timeline): with it the canvas keeps its layout
    /// while the view, the size, the lanes and `what` stay the same. It holds
    /// for one frame: without it, a frame lays out afresh.
    pub fn set_filters_key(&mut self, what: &impl Hash) {
        self.filters_key = Some(BuildHasherDefault::<DefaultHasher>::default().hash_one(what));
    }

    /// The visible time range, once the canvas has been drawn.
    pub fn visible(&self) -> Option<TimeSpan> {
        self.transform.map(|t| t.visible())
    }

    /// Shows `span` (with a margin) on the next frame.
    pub fn fit(&mut self, span: TimeSpan) {
        let (left, width) = self
            .transform
            .map_or((0.0, 800.0), |t| (t.left(), t.width()));
        self.transform = Some(Transform::fit(span, left, width));
    }

    /// Pans, if needed, so that `span` is on screen.
    pub fn bring_into_view(&mut self, span: TimeSpan) {
        let Some(transform) = &mut self.transform else {
            return;
        };
        let visible = transform.visible();
        if span.start >= visible.start && span.end <= visible.end {
            return;
        }
        let shift = span.center() - visible.center();
        transform.pan_px(-shift / transform.days_per_px());
    }
}

/// What a [`Selection`] is made from: the timeline, the filters and the
/// lanes shown.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectionKey {
    /// The timeline's [`crate::timeline::Timeline::id`].
    pub(super) timeline: u64,
    /// The caller's key for its filters and pins.
    pub(super) filters: u64,
    /// The lanes shown, in order.
    pub(super) lanes: Vec<usize>,
    /// The timeline's lane count.
    pub(super) lane_count: usize,
}

/// Everything a layout is made from: two frames with equal keys have equal
/// layouts.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    /// The items it lays out.
    pub(super) selection: SelectionKey,
    /// The view: visible span, left edge and width.
    pub(super) transform: Transform,
    /// Rows the height holds.
    pub(super) budget: usize,
    /// The most rows of a lane.
    pub(super) max_rows: usize,
}

/// The events' node labels, "date: title", kept between frames: a pan
/// draws mostly the same events, and putting a date in words costs more
/// than all else a node needs. They hold for one timeline (whose id names
/// its dataset) in one language; another of either starts them afresh.
#[derive(Clone, Debug, Default)]
pub struct NodeLabels {
    /// The timeline's id and the language they were made for.
    made_for: Option<(u64, Language)>,
    /// Each event's label, by its index in the dataset.
    labels: HashMap<usize, String>,
}

/// More labels than a screen ever draws as nodes: past it they start afresh,
/// so that panning along a long timeline does not keep them all.
const MOST_NODE_LABELS: usize = 4096;

impl NodeLabels {
    /// The labels for `timeline` in the language of this frame, emptied if
    /// they were made for another timeline or language, or grew too many.
    pub fn of(&mut self, timeline: u64) -> &mut Self {
        let made_for = Some((timeline, crate::i18n::language()));
        if self.made_for != made_for || self.labels.len() > MOST_NODE_LABELS {
            self.labels.clear();
            self.made_for = made_for;
        }
        self
    }

    /// The label of `event` (at `index` in the dataset): made the first
    /// time, kept after.
    pub fn label(&mut self, index: usize, event: &Event) -> &str {
        self.labels.entry(index).or_insert_with(|| {
            format!(
                "{}: {}",
                crate::i18n::dates::human(&event.date),
                event.title
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_labels_start_afresh_past_their_bound() {
        let dataset = crate::dataset::Dataset::embedded().unwrap();
        let event = dataset.events.first().unwrap();
        let mut labels = NodeLabels::default();
        for index in 0..=MOST_NODE_LABELS {
            labels.of(1).label(index, event);
        }
        assert_eq!(labels.labels.len(), MOST_NODE_LABELS + 1);
        labels.of(1);
        assert!(labels.labels.is_empty());
    }
}
