//! Painting: the lanes' background and labels, the axis with its ticks and
//! range, an event's marker and label, a cluster's chip.

use egui::{Color32, FontId, Rect, Stroke, StrokeKind, pos2, vec2};

use super::config::{AXIS_HEIGHT, CanvasConfig, LABEL_SIZE, LANE_LABEL_SIZE, ROW_HEIGHT};
use crate::dataset::Dataset;
use crate::timeline::{Cluster, ItemShape, Placed, TickUnit, Transform, layout::MAX_LABEL_PX};
use crate::ui::timeline::labels::{day_label, word_cut};

/// Least room worth a label: less shows only the marker (its node and hover
/// still name the event).
const MIN_LABEL_ROOM: f32 = 28.0;

/// An event's label, cut after a whole word with "…" where `room` is too
/// narrow for it, to be coloured when painted; `None` if not even a word fits.
///
/// egui caches a laid-out text while it is used every frame. When zooming back
/// and forth the labels on screen change from frame to frame, and laying them
/// out again was a third of a frame's time; so the labels of the previous frame
/// are asked for again too (see `keep_labels_warm`), which costs a look-up.
/// A cut label changes only at a word, so it stays cached while zooming too.
pub fn label_galley(
    painter: &egui::Painter,
    title: &str,
    room: f32,
) -> Option<std::sync::Arc<egui::Galley>> {
    let font = FontId::proportional(LABEL_SIZE);
    let full = painter.layout_no_wrap(title.to_owned(), font.clone(), Color32::PLACEHOLDER);
    if full.size().x <= room {
        return Some(full);
    }
    if room < MIN_LABEL_ROOM {
        return None;
    }
    let ends: Vec<f32> = full.rows.first().map_or_else(Vec::new, |row| {
        row.row
            .glyphs
            .iter()
            .map(|g| g.pos.x + g.advance_width)
            .collect()
    });
    let ellipsis = painter
        .layout_no_wrap("…".to_owned(), font.clone(), Color32::PLACEHOLDER)
        .size()
        .x;
    let kept = word_cut(title, &ends, room, ellipsis).filter(|&kept| kept > 0)?;
    let end = title
        .char_indices()
        .nth(kept)
        .map_or(title.len(), |(at, _)| at);
    let mut text = String::with_capacity(end + '…'.len_utf8());
    text.push_str(title.get(..end).unwrap_or(title));
    text.push('…');
    Some(painter.layout_no_wrap(text, font, Color32::PLACEHOLDER))
}

/// Keeps last frame's labels in egui's text cache for one more frame: each
/// (event, room) drawn then and not now, its whole title and its cut one.
pub fn keep_labels_warm(
    painter: &egui::Painter,
    dataset: &Dataset,
    previous: &[(usize, f32)],
    current: &[(usize, f32)],
) {
    for &(event, room) in previous {
        if !current.contains(&(event, room))
            && let Some(e) = dataset.events.get(event)
        {
            let _ = label_galley(painter, &e.title, room);
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
        painter.line_segment([pos2(x, axis_y), pos2(x, axis_y + 4.0)], stroke);
        // A label the plot's edge would cut ("202" of 2027) is left out.
        let galley = painter.layout_no_wrap(tick.label.clone(), FontId::proportional(12.0), color);
        if tick_label_fits(x, galley.size().x, plot) {
            painter.galley(pos2(x + 3.0, axis_y + 5.0), galley, color);
        }
    }
    // The range on screen, always readable.
    let visible = transform.visible();
    let range_unit = if unit <= TickUnit::HalfMonth {
        TickUnit::Day
    } else if unit <= TickUnit::HalfYear {
        TickUnit::Month
    } else {
        TickUnit::Year
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

/// Whether a tick's label, `width` wide and set just after the tick at `x`,
/// lies wholly within the plot.
pub fn tick_label_fits(x: f32, width: f32, plot: Rect) -> bool {
    x >= plot.left() && x + 3.0 + width <= plot.right()
}

/// One event to paint.
pub struct Mark<'a> {
    /// Where the layout put it.
    pub placed: &'a Placed,
    /// The middle of its row.
    pub y: f32,
    /// Its title, cut to the room there is.
    pub title: &'a str,
    /// Its category's colour.
    pub color: Color32,
    /// Drawn at full strength, or dimmed.
    pub emphasised: bool,
    /// The selection: on a solid backing, with the room of the longest label.
    pub selected: bool,
}

/// Paints one event and returns the area that answers the pointer and the
/// area of its label (empty if it has none).
///
/// The label follows the marker, cut at a word where the next event of the
/// row is close. A bar or band that runs off the right of `plot` carries its
/// label inside its visible part, so that it stays in view while the bar does.
pub fn paint_event(
    painter: &egui::Painter,
    ui: &egui::Ui,
    mark: &Mark<'_>,
    plot: Rect,
) -> (Rect, Rect, f32) {
    let (placed, y) = (mark.placed, mark.y);
    let alpha = if mark.emphasised { 1.0 } else { 0.35 };
    let color = mark.color.gamma_multiply(alpha);
    // The selection gets a solid backing, filled in once its size is known,
    // so that it reads even on top of a cluster.
    let backing = mark.selected.then(|| painter.add(egui::Shape::Noop));
    let x0 = placed.x0 as f32;
    let marker_end = paint_marker(painter, placed, y, color);
    let text_color = if mark.emphasised {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let room = if mark.selected {
        MAX_LABEL_PX as f32
    } else {
        placed.label_px as f32
    };
    let (label_left, room, inside) = label_place(x0, marker_end, room, plot);
    let galley = label_galley(painter, mark.title, room);
    let label = galley.map_or(Rect::NOTHING, |galley| {
        let size = galley.size();
        let at = pos2(label_left, y - size.y / 2.0);
        let rect = Rect::from_min_size(at, size);
        if inside {
            // On the bar's own colour: a backing keeps the text readable.
            painter.rect_filled(rect.expand(2.0), 3.0, ui.visuals().extreme_bg_color);
        }
        painter.galley(at, galley, text_color);
        rect
    });
    let right = if label.is_positive() {
        label.right().max(marker_end)
    } else {
        marker_end
    };
    let hit = Rect::from_min_max(
        pos2(x0 - 5.0, y - ROW_HEIGHT / 2.0 + 1.0),
        pos2(right, y + ROW_HEIGHT / 2.0 - 1.0),
    );
    if let Some(backing) = backing {
        painter.set(
            backing,
            egui::epaint::RectShape::filled(hit.expand(1.0), 4.0, ui.visuals().extreme_bg_color),
        );
    }
    if mark.selected {
        painter.rect_stroke(
            hit.expand(1.0),
            4.0,
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            StrokeKind::Outside,
        );
    }
    (hit, label, room)
}

/// Where a label goes: (left x, room, inside the marker). After the marker
/// when there is room for a word there in view; else inside the marker's
/// visible part if that is wide enough; else after it, with only the room in
/// view (a short title that fits whole is drawn, a long one not at all, so
/// that the plot's edge never cuts a label mid-letter with no ellipsis).
pub fn label_place(x0: f32, marker_end: f32, room: f32, plot: Rect) -> (f32, f32, bool) {
    let after = marker_end + 4.0;
    let room_in_view = room.min(plot.right() - after);
    if after >= plot.left() && room_in_view >= MIN_LABEL_ROOM {
        return (after, room_in_view, false);
    }
    let visible_left = x0.max(plot.left()) + 4.0;
    let visible_room = marker_end.min(plot.right()) - visible_left - 4.0;
    if visible_room >= MIN_LABEL_ROOM {
        return (visible_left, visible_room.min(MAX_LABEL_PX as f32), true);
    }
    let fits = if after >= plot.left() {
        room_in_view.max(0.0)
    } else {
        0.0
    };
    (after, fits, false)
}

/// The ticks' gridlines across the lanes, stopped short of every event
/// label they would strike through; painted under the events.
pub fn gridlines(
    ui: &egui::Ui,
    plot: Rect,
    tick_set: &crate::timeline::TickSet,
    labels: &[Rect],
) -> egui::Shape {
    let line = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let span = (plot.top(), plot.bottom() - AXIS_HEIGHT);
    let cuts = label_cuts(labels);
    let stroke_of = |major: bool| {
        if major {
            Stroke::new(1.0, line)
        } else {
            Stroke::new(1.0, line.gamma_multiply(0.5))
        }
    };
    // Counted first: the list is made once at its size (a line crosses
    // dozens of labels: grown part by part it was copied a few times).
    let mut count = 0;
    for tick in &tick_set.ticks {
        each_gridline_segment(tick.x as f32, span, &cuts, |_, _| count += 1);
    }
    let mut shapes = Vec::with_capacity(count);
    for tick in &tick_set.ticks {
        let x = tick.x as f32;
        let stroke = stroke_of(tick.major);
        each_gridline_segment(x, span, &cuts, |top, bottom| {
            shapes.push(egui::Shape::line_segment(
                [pos2(x, top), pos2(x, bottom)],
                stroke,
            ));
        });
    }
    egui::Shape::Vec(shapes)
}

/// The areas gridlines stop short of: each label's, kept a point clear,
/// sorted by top once for every line (a line's cuts are then those it
/// crosses, in order, as a sort of them alone would put them).
fn label_cuts(labels: &[Rect]) -> Vec<Rect> {
    let mut cuts: Vec<Rect> = labels
        .iter()
        .map(|r| r.expand(1.0))
        .filter(Rect::is_positive)
        .collect();
    cuts.sort_by(|a, b| a.top().total_cmp(&b.top()));
    cuts
}

/// The parts of the vertical line at `x` from `top` to `bottom` that cross
/// none of `cuts` (see [`label_cuts`]), top to bottom, given one by one to
/// `segment`.
fn each_gridline_segment(
    x: f32,
    (top, bottom): (f32, f32),
    cuts: &[Rect],
    mut segment: impl FnMut(f32, f32),
) {
    let mut from = top;
    for cut in cuts.iter().filter(|r| r.left() <= x && x <= r.right()) {
        if cut.top().min(bottom) > from {
            segment(from, cut.top().min(bottom));
        }
        from = from.max(cut.bottom());
        if from >= bottom {
            break;
        }
    }
    if from < bottom {
        segment(from, bottom);
    }
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
pub fn paint_cluster(
    painter: &egui::Painter,
    ui: &egui::Ui,
    cluster: &Cluster,
    y: f32,
    plot: Rect,
) -> Rect {
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
    // In the middle of the part seen: a chip running off the plot keeps its
    // count in view.
    painter.text(
        count_place(rect, plot),
        egui::Align2::CENTER_CENTER,
        format!("+{}", cluster.count),
        FontId::proportional(11.5),
        visuals.strong_text_color(),
    );
    rect
}

/// Where a chip's count goes: the middle of the part of `chip` inside
/// `plot`, or of the chip when none of it is.
pub fn count_place(chip: Rect, plot: Rect) -> egui::Pos2 {
    let seen = chip.intersect(plot);
    if seen.is_positive() {
        pos2(seen.center().x, chip.center().y)
    } else {
        chip.center()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of the vertical line at `x` from `top` to `bottom` that cross
    /// none of `labels` (each kept a point clear), top to bottom.
    fn gridline_segments(x: f32, top: f32, bottom: f32, labels: &[Rect]) -> Vec<(f32, f32)> {
        let mut segments = Vec::new();
        each_gridline_segment(x, (top, bottom), &label_cuts(labels), |a, b| {
            segments.push((a, b));
        });
        segments
    }

    #[test]
    fn a_chip_running_off_the_plot_keeps_its_count_in_view() {
        let plot = Rect::from_min_max(pos2(100.0, 0.0), pos2(900.0, 400.0));
        for x0 in (-2000..880).step_by(40).map(|x| x as f32) {
            for width in (30..4000).step_by(90).map(|w| w as f32) {
                let chip = Rect::from_min_size(pos2(x0, 200.0), vec2(width, 16.0));
                if chip.right() <= plot.left() + 10.0 {
                    continue;
                }
                let at = count_place(chip, plot);
                assert!(
                    plot.left() <= at.x && at.x <= plot.right() && chip.x_range().contains(at.x),
                    "chip {x0}+{width}: count at {}",
                    at.x
                );
            }
        }
    }

    /// Every bar with a visible part wide enough for a word, wherever it
    /// starts and ends against the plot (zoomed in so that it runs off one
    /// side or both), keeps its label in view: the label starts inside the
    /// plot and has a word's room there. And no label, of any bar, runs
    /// past either edge of the plot.
    #[test]
    fn a_long_bar_keeps_its_label_in_view() {
        let plot = Rect::from_min_max(pos2(100.0, 0.0), pos2(900.0, 400.0));
        let room = 160.0;
        let mut checked = 0;
        for x0 in (-2000..1000).step_by(25).map(|x| x as f32) {
            for length in (10..6000).step_by(35).map(|l| l as f32) {
                let x1 = x0 + length;
                let visible = x1.min(plot.right()) - x0.max(plot.left());
                let room_after = plot.right() - (x1 + 4.0);
                let (left, width, _) = label_place(x0, x1, room, plot);
                assert!(
                    width <= 0.0 || (left >= plot.left() && left + width <= plot.right() + 0.5),
                    "bar {x0}..{x1}: label {left} + {width} runs past the plot"
                );
                let in_view = x1 > plot.left() && x0 < plot.right();
                if !in_view || (visible < MIN_LABEL_ROOM + 8.0 && room_after < MIN_LABEL_ROOM) {
                    continue;
                }
                checked += 1;
                let (left, width, _) = label_place(x0, x1, room, plot);
                assert!(
                    left >= plot.left() && left + MIN_LABEL_ROOM <= plot.right() + 0.5,
                    "bar {x0}..{x1}: label at {left}"
                );
                assert!(width >= MIN_LABEL_ROOM, "bar {x0}..{x1}: room {width}");
            }
        }
        assert!(checked > 1000, "{checked} bars checked");
    }

    #[test]
    fn a_tick_label_the_edge_would_cut_is_left_out() {
        let plot = Rect::from_min_max(pos2(100.0, 0.0), pos2(900.0, 400.0));
        assert!(tick_label_fits(860.0, 30.0, plot));
        assert!(!tick_label_fits(880.0, 30.0, plot), "'2027' cut to '202'");
        assert!(!tick_label_fits(95.0, 30.0, plot));
        for x in (100..900).map(|x| x as f32) {
            if tick_label_fits(x, 30.0, plot) {
                assert!(x + 33.0 <= plot.right() && x >= plot.left());
            }
        }
    }

    #[test]
    fn gridlines_never_cross_a_label() {
        // Labels of many sizes, some overlapping, some away from the line.
        let mut labels = Vec::new();
        for i in 0..40 {
            let i = i as f32;
            let left = (i * 37.0) % 300.0;
            let top = (i * 53.0) % 500.0;
            labels.push(Rect::from_min_size(
                pos2(left, top),
                vec2(20.0 + i * 3.0, 14.0),
            ));
        }
        for x in (0..320).map(|x| x as f32) {
            let segments = gridline_segments(x, 0.0, 480.0, &labels);
            let mut previous = f32::NEG_INFINITY;
            for (a, b) in &segments {
                assert!(*a >= 0.0 && *b <= 480.0 && a < b && *a >= previous);
                previous = *b;
                for label in labels.iter().map(|r| r.expand(1.0)) {
                    if label.left() <= x && x <= label.right() {
                        assert!(*b <= label.top() || *a >= label.bottom(), "{x}: {a}..{b}");
                    }
                }
            }
            // Where no label is, the line runs whole.
            if labels
                .iter()
                .all(|r| x < r.left() - 1.0 || x > r.right() + 1.0)
            {
                assert_eq!(segments, vec![(0.0, 480.0)]);
            }
        }
    }
}
