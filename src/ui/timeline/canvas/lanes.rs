//! The lanes: which are shown, how many rows each may stack, where each sits
//! and how wide their labels are.

use egui::{Color32, FontId};

use super::config::{
    AXIS_HEIGHT, CHAR_WIDTH, CanvasConfig, LANE_LABEL_SIZE, LANE_LABEL_WIDTH, ROW_HEIGHT,
};
use super::state::RowsChoice;
use crate::timeline::{Item, Layout, Transform};

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

/// Lays out the visible events with as many rows per lane as fit.
///
/// As many as fit in the height, at most `max_rows`; a lane with clusters
/// takes one more row for them, so fewer rows are tried when that would
/// overflow. The choice is remembered in `chosen`: panning keeps the scale and
/// lays out once; only after a zoom is one more row tried.
pub fn lay_out(
    chosen: &mut Option<RowsChoice>,
    config: &CanvasConfig<'_>,
    transform: &Transform,
    height: f32,
    include: &dyn Fn(&Item) -> bool,
) -> Layout {
    let lanes_height = (height - AXIS_HEIGHT - 4.0).max(ROW_HEIGHT);
    let fit_rows = (lanes_height / ROW_HEIGHT / config.lanes.len().max(1) as f32).floor() as usize;
    let fit_rows = fit_rows.clamp(1, config.max_rows.max(1));
    let scale = transform.days_per_px();
    let remembered = chosen.filter(|c| c.height == height && c.lanes == config.lanes.len());
    let mut max_rows = remembered.map_or(fit_rows, |c| c.rows.min(fit_rows));
    let lay_out = |rows: usize| {
        config
            .timeline
            .layout(transform, config.lane_count, rows, CHAR_WIDTH, include)
    };
    let mut layout = lay_out(max_rows);
    let overflows = |layout: &Layout| lanes_needed(config.lanes, layout) > lanes_height;
    let mut decided_at = remembered.map_or(scale, |c| c.scale);
    if overflows(&layout) {
        while max_rows > 1 && overflows(&layout) {
            max_rows -= 1;
            layout = lay_out(max_rows);
        }
        decided_at = scale;
    } else if max_rows < fit_rows
        && remembered.is_some_and(|c| scale < c.scale * 0.9)
        && !layout.clusters.is_empty()
    {
        // Zoomed in by a tenth or more since the rows were decided: there may
        // be room for another row now.
        let roomier = lay_out(max_rows + 1);
        if !overflows(&roomier) {
            max_rows += 1;
            layout = roomier;
        }
        decided_at = scale;
    }
    *chosen = Some(RowsChoice {
        scale: decided_at,
        height,
        lanes: config.lanes.len(),
        rows: max_rows,
    });
    layout
}

/// Rows a lane takes: its events' rows (at least one) and a row for clusters.
fn lane_rows(lane: usize, layout: &Layout) -> usize {
    let clusters = layout.clusters.iter().any(|c| c.lane == lane);
    layout.rows_used(lane).max(1) + usize::from(clusters)
}

/// Height all shown lanes need.
fn lanes_needed(lanes: &[usize], layout: &Layout) -> f32 {
    lanes
        .iter()
        .map(|&lane| ROW_HEIGHT * lane_rows(lane, layout) as f32 + 2.0)
        .sum()
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
