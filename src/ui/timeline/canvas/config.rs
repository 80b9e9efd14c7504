//! What a canvas is told to draw, what it answers, and the sizes it draws at.

use egui::Id;

use crate::timeline::{Item, Timeline};

/// Height of one row of events.
pub const ROW_HEIGHT: f32 = 22.0;
/// Height of the axis under the lanes.
pub const AXIS_HEIGHT: f32 = 34.0;
/// Least width of the lane labels in the full view; wider when a language's
/// category names need it.
pub const LANE_LABEL_WIDTH: f32 = 118.0;
/// Text size of the lane labels.
pub const LANE_LABEL_SIZE: f32 = 11.5;
/// Approximate width of one character of the 12 pt labels, for reserving room.
pub const CHAR_WIDTH: f64 = 6.4;
/// Text size of event labels.
pub const LABEL_SIZE: f32 = 12.0;

/// How to draw one canvas.
pub struct CanvasConfig<'a> {
    /// Distinguishes this canvas's state and its events' ids.
    pub id: Id,
    /// The events to draw.
    pub timeline: &'a Timeline,
    /// The lanes to show, top to bottom; `Item::lane` values.
    pub lanes: &'a [usize],
    /// Total lane count of the timeline (items' lanes are below it).
    pub lane_count: usize,
    /// A label for each lane, or none (the strip has one unlabelled lane).
    pub lane_label: &'a dyn Fn(usize) -> Option<String>,
    /// The most rows an event lane may stack, however much height there is.
    pub max_rows: usize,
    /// Which items to draw (category and organization filters).
    pub include: &'a dyn Fn(&Item) -> bool,
    /// Events drawn at full strength; the others are dimmed.
    pub emphasised: &'a dyn Fn(usize) -> bool,
    /// Events always drawn on their own, never gathered into a chip (the
    /// open article's on the Study strip).
    pub pinned: &'a dyn Fn(usize) -> bool,
    /// The selected event (index into the dataset's events).
    pub selected: Option<usize>,
    /// The height to fill.
    pub height: f32,
}

/// What the reader did on the canvas this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CanvasOutput {
    /// A new selection: `Some(None)` clears it.
    pub select: Option<Option<usize>>,
    /// Enter was pressed on the selection.
    pub open_details: bool,
    /// Escape was pressed.
    pub close_details: bool,
}
