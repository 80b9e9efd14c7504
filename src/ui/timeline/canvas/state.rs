//! What a canvas keeps between frames: its time <-> screen mapping, the
//! labels it drew, the list a chip opened, the part of a band the keys chose.

use crate::timeline::{TimeSpan, Transform};

/// What the canvas keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct CanvasState {
    /// The time <-> screen mapping; `None` until the first frame fits the data.
    pub transform: Option<Transform>,
    /// The events labelled last frame.
    pub(super) labelled: Vec<usize>,
    /// The list a chip opened, while it is open.
    pub(super) chip_list: Option<super::chips::ChipList>,
    /// The band the keys last chose a part of, and the part's first column.
    pub(super) band_part: Option<(egui::Id, usize)>,
    /// A band opened from the keyboard: its lane and the pass it was in. The
    /// next pass gives the focus to that lane's first band, or the canvas,
    /// if the band went with the zoom.
    pub(super) band_refocus: Option<(usize, u64)>,
}

impl CanvasState {
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
