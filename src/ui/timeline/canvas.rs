//! The timeline canvas: a custom widget over [`crate::timeline`]'s pure layout.
//!
//! Decide a size, allocate, handle input (drag pans, wheel zooms around the
//! pointer, keys move the selection), lay out only the visible events, paint,
//! and give every drawn event its own AccessKit node so that it can be found,
//! focused and clicked by keyboard and screen reader.

use egui::{Color32, FontId, Id, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::category_label;
use super::colors::category_color;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::{EventCategory, Precision, When};
use crate::timeline::{
    Cluster, Item, ItemShape, Layout, Placed, TickUnit, TimeSpan, Timeline, Transform,
    civil_from_day, layout::MAX_LABEL_PX, ticks,
};

/// Height of one row of events.
const ROW_HEIGHT: f32 = 22.0;
/// Height of the axis under the lanes.
const AXIS_HEIGHT: f32 = 34.0;
/// Least width of the lane labels in the full view; wider when a language's
/// category names need it.
const LANE_LABEL_WIDTH: f32 = 118.0;
/// Text size of the lane labels.
const LANE_LABEL_SIZE: f32 = 11.5;
/// Approximate width of one character of the 12 pt labels, for reserving room.
const CHAR_WIDTH: f64 = 6.4;
/// Text size of event labels.
const LABEL_SIZE: f32 = 12.0;

/// What the canvas keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct CanvasState {
    /// The time <-> screen mapping; `None` until the first frame fits the data.
    pub transform: Option<Transform>,
    /// The rows per lane chosen last frame, and for what.
    rows: Option<RowsChoice>,
    /// The events labelled last frame.
    labelled: Vec<usize>,
}

/// Rows per lane that fitted, remembered so that a frame usually lays out once.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RowsChoice {
    /// Days per pixel when the rows were last decided.
    scale: f64,
    /// Canvas height when chosen.
    height: f32,
    /// Number of lanes shown when chosen.
    lanes: usize,
    /// The rows.
    rows: usize,
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

/// An event's label, cut to what can show, to be coloured when painted.
///
/// egui caches a laid-out text while it is used every frame. When zooming back
/// and forth the labels on screen change from frame to frame, and laying them
/// out again was a third of a frame's time; so the labels of the previous frame
/// are asked for again too (see `keep_labels_warm`), which costs a look-up.
fn label_galley(painter: &egui::Painter, title: &str) -> std::sync::Arc<egui::Galley> {
    // The label room holds about this many characters.
    let visible_chars = (MAX_LABEL_PX / CHAR_WIDTH).ceil() as usize + 2;
    let text: String = title.chars().take(visible_chars).collect();
    painter.layout_no_wrap(text, FontId::proportional(LABEL_SIZE), Color32::PLACEHOLDER)
}

/// Keeps last frame's labels in egui's text cache for one more frame.
fn keep_labels_warm(
    painter: &egui::Painter,
    dataset: &Dataset,
    previous: &[usize],
    current: &[usize],
) {
    for &event in previous {
        if !current.contains(&event)
            && let Some(e) = dataset.events.get(event)
        {
            let _ = label_galley(painter, &e.title);
        }
    }
}

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
    /// Rows an event lane may stack before events gather into a cluster.
    pub max_rows: usize,
    /// Which items to draw (category and organization filters).
    pub include: &'a dyn Fn(&Item) -> bool,
    /// Events drawn at full strength; the others are dimmed.
    pub emphasised: &'a dyn Fn(usize) -> bool,
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
    // A dataset just started has no events: say so, rather than draw an
    // empty axis at some arbitrary year.
    if dataset.events.is_empty() {
        let height = config.height.max(AXIS_HEIGHT + ROW_HEIGHT * 2.0);
        ui.allocate_ui_with_layout(
            vec2(width, height),
            egui::Layout::centered_and_justified(egui::Direction::TopDown),
            |ui| ui.weak(tr("timeline.no_events")),
        );
        return output;
    }
    let label_width = if config.lanes.len() > 1 {
        lane_label_width(ui, config, width)
    } else {
        0.0
    };
    let height = config.height.max(AXIS_HEIGHT + ROW_HEIGHT * 2.0);
    let (rect, response) = ui.allocate_exact_size(
        vec2(width, height),
        Sense::click_and_drag() | Sense::FOCUSABLE,
    );
    let plot = Rect::from_min_max(pos2(rect.left() + label_width, rect.top()), rect.max);

    // The mapping: fitted to everything at first, then kept across resizes.
    let bounds = config.timeline.bounds();
    let transform = state.transform.get_or_insert_with(|| {
        let span = bounds.unwrap_or(TimeSpan::new(0.0, 365.0));
        Transform::fit(span, f64::from(plot.left()), f64::from(plot.width()))
    });
    *transform = transform.with_screen(f64::from(plot.left()), f64::from(plot.width()));

    // A table, not a search: this runs once per visible event.
    let mut lane_shown = vec![false; config.lane_count];
    for &lane in config.lanes {
        if let Some(shown) = lane_shown.get_mut(lane) {
            *shown = true;
        }
    }
    let include_in_lanes =
        |item: &Item| lane_shown.get(item.lane).copied().unwrap_or(false) && (config.include)(item);
    let moved = handle_pointer(ui, &response, transform, plot);
    if let Some(bounds) = bounds {
        if response.double_clicked() {
            *transform = Transform::fit(bounds, f64::from(plot.left()), f64::from(plot.width()));
        }
        transform.clamp_to(bounds);
    }
    // A pointer click on empty ground clears the selection; Enter or Space on
    // the focused canvas also count as a click in egui, and must not.
    let pointer_click = ui.input(|i| i.pointer.any_click());
    if response.clicked() && !moved && pointer_click {
        output.select = Some(None);
    }
    if response.clicked() || response.dragged() {
        response.request_focus();
    }

    // Rows per lane: as many as fit in the height, at most `max_rows`; a lane
    // with clusters takes one more row for them, so fewer rows are tried when
    // that would overflow. The choice is remembered: panning keeps the scale
    // and lays out once; only after a zoom is one more row tried.
    let lanes_height = (height - AXIS_HEIGHT - 4.0).max(ROW_HEIGHT);
    let fit_rows = (lanes_height / ROW_HEIGHT / config.lanes.len().max(1) as f32).floor() as usize;
    let fit_rows = fit_rows.clamp(1, config.max_rows.max(1));
    let scale = transform.days_per_px();
    let remembered = state
        .rows
        .filter(|c| c.height == height && c.lanes == config.lanes.len());
    let mut max_rows = remembered.map_or(fit_rows, |c| c.rows.min(fit_rows));
    let lay_out = |rows: usize| {
        config.timeline.layout(
            transform,
            config.lane_count,
            rows,
            CHAR_WIDTH,
            &include_in_lanes,
        )
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
    state.rows = Some(RowsChoice {
        scale: decided_at,
        height,
        lanes: config.lanes.len(),
        rows: max_rows,
    });

    let transform = *transform;
    let lane_tops = lane_tops(config.lanes, &layout, rect.top());
    let painter = ui.painter_at(rect);
    // Events and clusters stay right of the lane labels.
    let plot_painter = painter.with_clip_rect(plot.intersect(painter.clip_rect()));
    paint_background(&painter, ui, rect, plot, config, &lane_tops);
    let tick_set = ticks(&transform, CHAR_WIDTH);
    paint_axis(&painter, ui, plot, &tick_set, &transform, tick_set.unit);

    let row_y = |lane: usize, row: usize| {
        lane_tops
            .iter()
            .find(|(l, _, _)| *l == lane)
            .map(|(_, top, _)| top + ROW_HEIGHT * (row as f32 + 0.5))
    };
    let mut hits = Vec::new();
    for placed in &layout.placed {
        let Some(y) = row_y(placed.lane, placed.row) else {
            continue;
        };
        let Some(event) = dataset.events.get(placed.event) else {
            continue;
        };
        let emphasised = (config.emphasised)(placed.event);
        let selected = config.selected == Some(placed.event);
        let label = label_galley(&painter, &event.title);
        let hit = paint_event(
            &plot_painter,
            placed,
            y,
            label,
            category_color(event.category, dark),
            emphasised,
            selected,
            ui,
        );
        hits.push((placed.event, hit.intersect(plot)));
    }
    // Where the selection would hide in a cluster, if it does.
    let selected_overflow = config
        .selected
        .filter(|s| !layout.placed.iter().any(|p| p.event == *s))
        .and_then(|s| config.timeline.item_of(s))
        .map(|item| (item.lane, transform.x_from_t(item.span.start)));
    for cluster in &layout.clusters {
        let only_the_selection = cluster.count == 1
            && selected_overflow.is_some_and(|(lane, x)| {
                lane == cluster.lane && x >= cluster.x0 - 1.0 && x <= cluster.x1 + 1.0
            });
        if only_the_selection {
            continue;
        }
        // Clusters have a row of their own under the lane's events.
        if let Some(y) = row_y(cluster.lane, layout.rows_used(cluster.lane)) {
            let hit = paint_cluster(&plot_painter, ui, cluster, y).intersect(plot);
            let id = config
                .id
                .with(("cluster", cluster.lane, cluster.x0.to_bits()));
            let cluster_response = ui.interact(hit, id, Sense::click());
            let label = trf(
                "timeline.cluster_label",
                &[
                    ("n", &cluster.count),
                    ("from", &day_label(cluster.span.start, TickUnit::Day)),
                    ("to", &day_label(cluster.span.end - 1.0, TickUnit::Day)),
                ],
            );
            cluster_response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            let cluster_response = cluster_response.on_hover_text(&label);
            if cluster_response.clicked() {
                let plot_left = f64::from(plot.left());
                let plot_width = f64::from(plot.width());
                if let Some(t) = &mut state.transform {
                    *t = Transform::fit(cluster.span, plot_left, plot_width);
                }
                ui.ctx().request_repaint();
            }
        }
    }

    // The selected event is always drawn, even when its neighbours crowd it
    // into a cluster: on top, in the cluster row.
    if let Some(selected) = config.selected
        && !layout.placed.iter().any(|p| p.event == selected)
        && let Some(item) = config.timeline.item_of(selected)
        && include_in_lanes(item)
        && item.span.intersects(&transform.visible())
        && let (Some(y), Some(event)) = (
            row_y(item.lane, layout.rows_used(item.lane)),
            dataset.events.get(selected),
        )
    {
        let x0 = transform.x_from_t(item.span.start);
        let placed = Placed {
            event: selected,
            lane: item.lane,
            row: layout.rows_used(item.lane),
            x0,
            x1: transform.x_from_t(item.span.end).max(x0),
            shape: item.shape,
        };
        let color = category_color(event.category, dark);
        let label = label_galley(&painter, &event.title);
        let hit = paint_event(&plot_painter, &placed, y, label, color, true, true, ui);
        hits.push((selected, hit.intersect(plot)));
    }

    // Each drawn event is a node of its own: hover, click, Tab, screen reader.
    let labelled: Vec<usize> = hits.iter().map(|(event, _)| *event).collect();
    keep_labels_warm(&painter, dataset, &state.labelled, &labelled);
    state.labelled = labelled;
    let mut item_focused = false;
    for (event_index, hit) in hits {
        let Some(event) = dataset.events.get(event_index) else {
            continue;
        };
        if !hit.is_positive() {
            continue;
        }
        let id = config.id.with(("event", event_index));
        let item_response = ui.interact(hit, id, Sense::click());
        let label = format!("{}: {}", event.date.human(), event.title);
        let selected = config.selected == Some(event_index);
        item_response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        item_focused |= item_response.has_focus();
        if item_response.clicked() {
            output.select = Some(Some(event_index));
            output.open_details = true;
            // Keep the keyboard on the canvas, so Left/Right go on from here.
            response.request_focus();
        }
        item_response.on_hover_ui(|ui| {
            ui.strong(&event.title);
            ui.label(date_with_precision(&event.date));
        });
    }

    let focused = response.has_focus() || item_focused;
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: false,
                    tab: false,
                    escape: true,
                },
            );
        });
        keyboard(ui, state, config, plot, &mut output);
        painter.rect_stroke(
            rect.shrink(1.0),
            3.0,
            ui.visuals().selection.stroke,
            StrokeKind::Inside,
        );
    }
    let summary = canvas_summary(&transform, &layout, config, dataset);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ScrollView, true, &summary));
    output
}

/// Drag pans; the wheel zooms around the pointer; a sideways scroll pans.
/// Returns whether the view moved.
fn handle_pointer(
    ui: &egui::Ui,
    response: &egui::Response,
    transform: &mut Transform,
    plot: Rect,
) -> bool {
    let mut moved = false;
    if response.dragged() {
        let dx = response.drag_delta().x;
        if dx != 0.0 {
            transform.pan_px(f64::from(dx));
            moved = true;
        }
    }
    if response.hovered() {
        let (scroll, zoom, pointer) = ui.input(|i| {
            (
                i.smooth_scroll_delta(),
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let anchor = pointer.map_or(plot.center().x, |p| p.x);
        if zoom != 1.0 {
            transform.zoom_at(f64::from(anchor), f64::from(zoom));
            moved = true;
        }
        if scroll.y != 0.0 {
            transform.zoom_at(f64::from(anchor), f64::from((scroll.y * 0.004).exp()));
            moved = true;
        }
        if scroll.x != 0.0 {
            transform.pan_px(f64::from(scroll.x));
            moved = true;
        }
    }
    moved
}

/// Left/Right: previous/next event in time; Home/End: first/last; +/-: zoom;
/// Enter: open the details; Escape: close them.
fn keyboard(
    ui: &egui::Ui,
    state: &mut CanvasState,
    config: &CanvasConfig<'_>,
    plot: Rect,
    output: &mut CanvasOutput,
) {
    use egui::{Key, Modifiers};
    let include = |item: &Item| config.lanes.contains(&item.lane) && (config.include)(item);
    let timeline = config.timeline;
    let (left, right, home, end, plus, minus, enter, escape) = ui.input_mut(|i| {
        let none = Modifiers::NONE;
        (
            i.consume_key(none, Key::ArrowLeft),
            i.consume_key(none, Key::ArrowRight),
            i.consume_key(none, Key::Home),
            i.consume_key(none, Key::End),
            i.consume_key(none, Key::Plus)
                || i.consume_key(none, Key::Equals)
                || i.consume_key(Modifiers::SHIFT, Key::Equals),
            i.consume_key(none, Key::Minus),
            i.consume_key(none, Key::Enter),
            i.consume_key(none, Key::Escape),
        )
    });
    let target = match (config.selected, left, right, home, end) {
        (_, _, _, true, _) => timeline.first(&include),
        (_, _, _, _, true) => timeline.last(&include),
        (Some(current), true, _, _, _) => timeline.previous_before(current, &include),
        (Some(current), _, true, _, _) => timeline.next_after(current, &include),
        (None, true, _, _, _) => timeline.last(&include),
        (None, _, true, _, _) => timeline.first(&include),
        _ => None,
    };
    if let Some(item) = target {
        output.select = Some(Some(item.event));
        state.bring_into_view(item.span);
    }
    if let Some(transform) = &mut state.transform {
        let center = f64::from(plot.center().x);
        if plus {
            transform.zoom_at(center, 1.5);
        }
        if minus {
            transform.zoom_at(center, 1.0 / 1.5);
        }
    }
    output.open_details |= enter && config.selected.is_some();
    output.close_details |= escape;
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
fn lane_tops(lanes: &[usize], layout: &Layout, top: f32) -> Vec<(usize, f32, f32)> {
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

fn paint_background(
    painter: &egui::Painter,
    ui: &egui::Ui,
    rect: Rect,
    plot: Rect,
    config: &CanvasConfig<'_>,
    lane_tops: &[(usize, f32, f32)],
) {
    let visuals = ui.visuals();
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    for (i, (lane, top, height)) in lane_tops.iter().enumerate() {
        if i % 2 == 1 {
            painter.rect_filled(
                Rect::from_min_size(
                    pos2(rect.left(), *top - 1.0),
                    vec2(rect.width(), height + 2.0),
                ),
                0.0,
                visuals.faint_bg_color,
            );
        }
        if let Some(label) = (config.lane_label)(*lane) {
            painter.text(
                pos2(rect.left() + 6.0, top + ROW_HEIGHT / 2.0),
                egui::Align2::LEFT_CENTER,
                label,
                FontId::proportional(LANE_LABEL_SIZE),
                visuals.weak_text_color(),
            );
        }
    }
    painter.line_segment(
        [
            pos2(plot.left(), rect.top()),
            pos2(plot.left(), rect.bottom()),
        ],
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
}

fn paint_axis(
    painter: &egui::Painter,
    ui: &egui::Ui,
    plot: Rect,
    tick_set: &crate::timeline::TickSet,
    transform: &Transform,
    unit: TickUnit,
) {
    let visuals = ui.visuals();
    let axis_y = plot.bottom() - AXIS_HEIGHT;
    let line = visuals.widgets.noninteractive.bg_stroke.color;
    painter.line_segment(
        [pos2(plot.left(), axis_y), pos2(plot.right(), axis_y)],
        Stroke::new(1.0, line),
    );
    for tick in &tick_set.ticks {
        let x = tick.x as f32;
        let (stroke, color) = if tick.major {
            (Stroke::new(1.0, line), visuals.strong_text_color())
        } else {
            (
                Stroke::new(1.0, line.gamma_multiply(0.5)),
                visuals.text_color(),
            )
        };
        painter.line_segment([pos2(x, plot.top()), pos2(x, axis_y + 4.0)], stroke);
        painter.text(
            pos2(x + 3.0, axis_y + 5.0),
            egui::Align2::LEFT_TOP,
            &tick.label,
            FontId::proportional(12.0),
            color,
        );
    }
    // The range on screen, always readable.
    let visible = transform.visible();
    let range_unit = match unit {
        TickUnit::Day => TickUnit::Day,
        TickUnit::Month => TickUnit::Month,
        _ => TickUnit::Year,
    };
    let range = format!(
        "{} – {}",
        day_label(visible.start, range_unit),
        day_label(visible.end - 1.0, range_unit)
    );
    painter.text(
        pos2(plot.right() - 6.0, plot.bottom() - 3.0),
        egui::Align2::RIGHT_BOTTOM,
        range,
        FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
}

/// Paints one event and returns the area that answers the pointer.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site; a struct would only rename them"
)]
fn paint_event(
    painter: &egui::Painter,
    placed: &Placed,
    y: f32,
    galley: std::sync::Arc<egui::Galley>,
    color: Color32,
    emphasised: bool,
    selected: bool,
    ui: &egui::Ui,
) -> Rect {
    let alpha = if emphasised { 1.0 } else { 0.35 };
    let color = color.gamma_multiply(alpha);
    // The selection gets a solid backing, filled in once its size is known,
    // so that it reads even on top of a cluster.
    let backing = selected.then(|| painter.add(egui::Shape::Noop));
    let x0 = placed.x0 as f32;
    let x1 = (placed.x1 as f32).max(x0);
    let marker_end = match placed.shape {
        ItemShape::Span => {
            let bar = Rect::from_min_max(pos2(x0, y - 5.0), pos2(x1.max(x0 + 6.0), y + 5.0));
            painter.rect_filled(bar, 3.0, color);
            bar.right()
        }
        ItemShape::Month | ItemShape::Year if x1 - x0 > 8.0 => {
            // An imprecise date is drawn as the whole month or year it may be:
            // a light band with a dashed-looking border, never a point on the 1st.
            let band = Rect::from_min_max(pos2(x0, y - 6.0), pos2(x1, y + 6.0));
            painter.rect_filled(band, 2.0, color.gamma_multiply(0.25));
            painter.rect_stroke(band, 2.0, Stroke::new(1.0, color), StrokeKind::Inside);
            band.right()
        }
        ItemShape::Day if x1 - x0 > 8.0 => {
            let band = Rect::from_min_max(pos2(x0, y - 6.0), pos2(x1, y + 6.0));
            painter.rect_filled(band, 2.0, color);
            band.right()
        }
        shape => {
            let center = pos2(x0.max(x0 + (x1 - x0) / 2.0), y);
            if shape == ItemShape::Day {
                painter.circle_filled(center, 5.0, color);
            } else {
                // Too narrow for its band: an open ring says "somewhere in here".
                painter.circle_stroke(center, 4.5, Stroke::new(2.0, color));
            }
            center.x + 5.0
        }
    };
    let text_color = if emphasised {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let label_rect = Rect::from_min_size(
        pos2(marker_end + 4.0, y - ROW_HEIGHT / 2.0),
        vec2(MAX_LABEL_PX as f32, ROW_HEIGHT),
    );
    let shown = label_rect.width().min(galley.size().x);
    painter
        .with_clip_rect(label_rect.intersect(painter.clip_rect()))
        .galley(
            pos2(label_rect.left(), y - galley.size().y / 2.0),
            galley,
            text_color,
        );
    let hit = Rect::from_min_max(
        pos2(x0 - 5.0, y - ROW_HEIGHT / 2.0 + 1.0),
        pos2(label_rect.left() + shown, y + ROW_HEIGHT / 2.0 - 1.0),
    );
    if let Some(backing) = backing {
        painter.set(
            backing,
            egui::epaint::RectShape::filled(hit.expand(1.0), 4.0, ui.visuals().extreme_bg_color),
        );
    }
    if selected {
        painter.rect_stroke(
            hit.expand(1.0),
            4.0,
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            StrokeKind::Outside,
        );
    }
    hit
}

fn paint_cluster(painter: &egui::Painter, ui: &egui::Ui, cluster: &Cluster, y: f32) -> Rect {
    let x0 = cluster.x0 as f32;
    let x1 = (cluster.x1 as f32).max(x0 + 26.0);
    let rect = Rect::from_min_max(pos2(x0, y - 8.0), pos2(x1, y + 8.0));
    let visuals = ui.visuals();
    painter.rect_filled(rect, 8.0, visuals.widgets.inactive.bg_fill);
    painter.rect_stroke(
        rect,
        8.0,
        visuals.widgets.inactive.bg_stroke,
        StrokeKind::Inside,
    );
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("+{}", cluster.count),
        FontId::proportional(11.5),
        visuals.strong_text_color(),
    );
    rect
}

/// A day number as text of the given unit's precision.
pub fn day_label(day: f64, unit: TickUnit) -> String {
    let (year, month, d) = civil_from_day(day.floor() as i64);
    let short = crate::model::month_name(month).get(..3).unwrap_or("?");
    match unit {
        TickUnit::Day => format!("{d} {short} {year}"),
        TickUnit::Month => format!("{short} {year}"),
        _ => year.to_string(),
    }
}

/// "1997 (year only)", "December 2007 (month only)", "12 December 1995".
pub fn date_with_precision(when: &When) -> String {
    match when {
        When::On(date) => match date.precision() {
            Precision::Day => date.human(),
            Precision::Month => trf("timeline.date_month_only", &[("date", &date.human())]),
            Precision::Year => trf("timeline.date_year_only", &[("date", &date.human())]),
        },
        When::Span(..) => trf("timeline.date_span", &[("date", &when.human())]),
    }
}

/// What a screen reader announces for the canvas.
fn canvas_summary(
    transform: &Transform,
    layout: &Layout,
    config: &CanvasConfig<'_>,
    dataset: &Dataset,
) -> String {
    let visible = transform.visible();
    let shown = layout.placed.len() + layout.clusters.iter().map(|c| c.count).sum::<usize>();
    let selected = config
        .selected
        .and_then(|i| dataset.events.get(i))
        .map(|e| {
            trf(
                "timeline.canvas_selected",
                &[("date", &e.date.human()), ("title", &e.title)],
            )
        })
        .unwrap_or_default();
    trf(
        "timeline.canvas_summary",
        &[
            ("from", &day_label(visible.start, TickUnit::Year)),
            ("to", &day_label(visible.end - 1.0, TickUnit::Year)),
            ("n", &shown),
            ("selected", &selected),
        ],
    )
}

/// Width of the lane labels: the widest shown label and a margin, at least
/// [`LANE_LABEL_WIDTH`], at most a third of the canvas.
fn lane_label_width(ui: &egui::Ui, config: &CanvasConfig<'_>, width: f32) -> f32 {
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

/// The category label of a lane in the full view.
pub fn category_lane_label(lane: usize) -> Option<String> {
    EventCategory::ALL
        .get(lane)
        .map(|c| category_label(*c).to_owned())
}
