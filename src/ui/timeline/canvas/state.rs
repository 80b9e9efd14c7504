//! What a canvas keeps between frames: its time <-> screen mapping, the rows
//! it chose, the labels it drew.

use crate::timeline::{TimeSpan, Transform};

/// What the canvas keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct CanvasState {
    /// The time <-> screen mapping; `None` until the first frame fits the data.
    pub transform: Option<Transform>,
    /// The rows per lane chosen last frame, and for what.
    pub(super) rows: Option<RowsChoice>,
    /// The events labelled last frame.
    pub(super) labelled: Vec<usize>,
}

/// Rows per lane that fitted, remembered so that a frame usually lays out once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct RowsChoice {
    /// Days per pixel when the rows were last decided.
    pub scale: f64,
    /// Canvas height when chosen.
    pub height: f32,
    /// Number of lanes shown when chosen.
    pub lanes: usize,
    /// The rows.
    pub rows: usize,
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
