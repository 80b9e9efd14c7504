//! The lanes: which are shown, how many rows each gets, where each sits
//! and how wide their labels are.

use egui::{Color32, FontId};

use super::config::{
    AXIS_HEIGHT, CHAR_WIDTH, CanvasConfig, LANE_LABEL_SIZE, LANE_LABEL_WIDTH, ROW_HEIGHT,
};
use crate::timeline::{Item, Layout, RowsRequest, Transform, lane_rows, lay_out_lanes};

/// Whether an item is in a shown lane and let through by the filters.
pub fn in_shown_lanes<'a>(config: &'a CanvasConfig<'a>) -> impl Fn(&Item) -> bool + 'a {
    // A table, not a search: this runs once per visible event.
    let mut lane_shown = vec![false; config.lane_count];
    for &lane in config.lanes {
        if let Some(shown) = lane_shown.get_mut(lane) {
            *shown = true;
        }
    }
    move |item: &Item| lane_shown.get(item.lane).copied().unwrap_or(false) && (config.include)(item)
}

/// Lays out the visible events with the height shared out among the lanes
/// by need (see [`lay_out_lanes`]).
pub fn lay_out(
    config: &CanvasConfig<'_>,
    transform: &Transform,
    height: f32,
    include: &dyn Fn(&Item) -> bool,
) -> Layout {
    let lanes_height = height - AXIS_HEIGHT - 4.0 - 2.0 * config.lanes.len() as f32;
    let budget = (lanes_height / ROW_HEIGHT).floor().max(0.0) as usize;
    let pinned = |item: &Item| (config.pinned)(item.event);
    lay_out_lanes(
        config.timeline,
        transform,
        &RowsRequest {
            shown: config.lanes,
            lane_count: config.lane_count,
            budget,
            max_rows: config.max_rows,
            char_width_px: CHAR_WIDTH,
            include,
            pinned: &pinned,
        },
    )
}

/// (lane, top y, height) for each shown lane, top to bottom.
pub fn lane_tops(lanes: &[usize], layout: &Layout, top: f32) -> Vec<(usize, f32, f32)> {
    let mut y = top + 4.0;
    lanes
        .iter()
        .map(|&lane| {
            let height = ROW_HEIGHT * lane_rows(lane, layout) as f32;
            let entry = (lane, y, height);
            y += height + 2.0;
            entry
        })
        .collect()
}

/// Width of the lane labels: the widest shown label and a margin, at least
/// [`LANE_LABEL_WIDTH`], at most a third of the canvas.
pub fn lane_label_width(ui: &egui::Ui, config: &CanvasConfig<'_>, width: f32) -> f32 {
    let widest = config
        .lanes
        .iter()
        .filter_map(|&lane| (config.lane_label)(lane))
        .map(|label| {
            ui.painter()
                .layout_no_wrap(
                    label,
                    FontId::proportional(LANE_LABEL_SIZE),
                    Color32::PLACEHOLDER,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max);
    (widest + 14.0).clamp(LANE_LABEL_WIDTH, (width / 3.0).max(LANE_LABEL_WIDTH))
}
