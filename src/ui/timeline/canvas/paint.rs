//! Painting: the lanes' background and labels, the axis with its ticks and
//! range, an event's marker and label, a cluster's chip.

use egui::{Color32, FontId, Rect, Stroke, StrokeKind, pos2, vec2};

use super::config::{
    AXIS_HEIGHT, CHAR_WIDTH, CanvasConfig, LABEL_SIZE, LANE_LABEL_SIZE, ROW_HEIGHT,
};
use crate::dataset::Dataset;
use crate::timeline::{Cluster, ItemShape, Placed, TickUnit, Transform, layout::MAX_LABEL_PX};
use crate::ui::timeline::labels::day_label;

/// An event's label, cut to what can show, to be coloured when painted.
///
/// egui caches a laid-out text while it is used every frame. When zooming back
/// and forth the labels on screen change from frame to frame, and laying them
/// out again was a third of a frame's time; so the labels of the previous frame
/// are asked for again too (see `keep_labels_warm`), which costs a look-up.
pub fn label_galley(painter: &egui::Painter, title: &str) -> std::sync::Arc<egui::Galley> {
    // The label room holds about this many characters.
    let visible_chars = (MAX_LABEL_PX / CHAR_WIDTH).ceil() as usize + 2;
    let text: String = title.chars().take(visible_chars).collect();
    painter.layout_no_wrap(text, FontId::proportional(LABEL_SIZE), Color32::PLACEHOLDER)
}

/// Keeps last frame's labels in egui's text cache for one more frame.
pub fn keep_labels_warm(
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

/// The ground, every other lane shaded, the lane labels and the line left of the plot.
pub fn paint_background(
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

/// The axis: its line, the ticks with their labels, and the range on screen.
pub fn paint_axis(
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
pub fn paint_event(
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
    let marker_end = paint_marker(painter, placed, y, color);
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

/// An event's marker: a bar for a span, a band for a month or year (or a
/// long day), a dot or a ring when too narrow; returns where it ends.
fn paint_marker(painter: &egui::Painter, placed: &Placed, y: f32, color: Color32) -> f32 {
    let x0 = placed.x0 as f32;
    let x1 = (placed.x1 as f32).max(x0);
    match placed.shape {
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
    }
}

/// A cluster's chip, "+n"; returns its area.
pub fn paint_cluster(painter: &egui::Painter, ui: &egui::Ui, cluster: &Cluster, y: f32) -> Rect {
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
