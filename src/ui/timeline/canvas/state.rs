//! What a canvas keeps between frames: its time <-> screen mapping, the
//! labels it drew, the list a chip opened, the part of a band the keys chose.

use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash};
use std::sync::Arc;

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
