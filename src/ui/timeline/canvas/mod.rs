//! The timeline canvas: a custom widget over [`crate::timeline`]'s pure layout.
//!
//! Decide a size, allocate, handle input (drag pans, wheel zooms around the
//! pointer, keys move the selection), lay out only the visible events, paint,
//! and give every drawn event its own AccessKit node so that it can be found,
//! focused and clicked by keyboard and screen reader. Each step has a file:
//! `input`, `lanes`, `paint`, `scene`, `chips`, `band` and `access`.

mod access;
mod band;
mod chips;
mod config;
mod input;
mod lanes;
mod paint;
mod scene;
mod state;

use egui::{Rect, Sense, StrokeKind, pos2, vec2};

pub use config::{CanvasConfig, CanvasOutput};
pub use state::CanvasState;
// Named here too, as before the canvas had a folder: the benchmarks use them.
pub use crate::ui::timeline::labels::{category_lane_label, date_with_precision, day_label};

use crate::dataset::Dataset;
use crate::i18n::tr;
use crate::timeline::ticks;
use config::{AXIS_HEIGHT, CHAR_WIDTH, ROW_HEIGHT};

/// Draws the canvas and handles its input.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    state: &mut CanvasState,
    config: &CanvasConfig<'_>,
    dataset: &Dataset,
) -> CanvasOutput {
    let mut output = CanvasOutput::default();
    let dark = ui.visuals().dark_mode;
    let width = ui.available_width().max(120.0);
    let height = config.height.max(AXIS_HEIGHT + ROW_HEIGHT * 2.0);
    // A dataset just started has no events: say so, rather than draw an
    // empty axis at some arbitrary year.
    if dataset.events.is_empty() {
        ui.allocate_ui_with_layout(
            vec2(width, height),
            // Centred, not justified: a wrapped sentence keeps its word gaps.
            egui::Layout::top_down(egui::Align::Center).with_main_align(egui::Align::Center),
            |ui| ui.weak(tr("timeline.no_events")),
        );
        return output;
    }
    let label_width = if config.lanes.len() > 1 {
        lanes::lane_label_width(ui, config, width)
    } else {
        0.0
    };
    let (rect, response) = ui.allocate_exact_size(
        vec2(width, height),
        Sense::click_and_drag() | Sense::FOCUSABLE,
    );
    let plot = Rect::from_min_max(pos2(rect.left() + label_width, rect.top()), rect.max);
    let include = lanes::in_shown_lanes(config);
    let transform = input::pointer_ui(ui, &response, state, config, plot, &mut output);
    let layout = lanes::layout_of(state, config, &transform, height, &include);
    let layout = layout.as_ref();

    let lane_tops = lanes::lane_tops(config.lanes, layout, rect.top());
    let painter = ui.painter_at(rect);
    let plot_painter = painter.with_clip_rect(plot.intersect(painter.clip_rect()));
    paint::paint_background(&painter, ui, rect, plot, config, &lane_tops);
    let tick_set = ticks(&transform, CHAR_WIDTH);
    paint::paint_axis(&painter, ui, plot, &tick_set, &transform, tick_set.unit);
    // Under the events, filled in once their labels are placed.
    let grid = plot_painter.add(egui::Shape::Noop);
    let scene = scene::Scene {
        plot: &plot_painter,
        plot_rect: plot,
        lane_tops: &lane_tops,
        layout,
        transform,
        config,
        dataset,
        dark,
    };
    let (mut hits, labels, rooms) = scene.paint_placed(ui);
    plot_painter.set(grid, paint::gridlines(ui, plot, &tick_set, &labels));
    let band_focused = scene.clusters_ui(ui, state, &response);
    hits.extend(scene.paint_hidden_selection(ui, &include));
    chips::chip_list_ui(ui, &mut state.chip_list, config, dataset, &mut output);

    paint::keep_labels_warm(&painter, dataset, &state.labelled, &rooms);
    state.labelled = rooms;
    let item_focused =
        access::events_ui(ui, (config, state), dataset, hits, &response, &mut output);
    if response.has_focus() || item_focused || band_focused {
        access::lock_focus(ui, &response);
        input::keyboard(ui, state, config, plot, &mut output);
        painter.rect_stroke(
            rect.shrink(1.0),
            3.0,
            ui.visuals().selection.stroke,
            StrokeKind::Inside,
        );
    }
    let summary = access::canvas_summary(&transform, layout, config, dataset);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ScrollView, true, &summary));
    output
}
