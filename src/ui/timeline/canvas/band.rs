//! A density band: a lane's crowd of events (more than a chip stands for)
//! drawn as 2 px columns whose height says how many start there, so that
//! the lane shows where in time they lie. It is read and opened by parts:
//! the pointer's part is outlined and named in a tooltip, and a click zooms
//! to it (or lists its events where no zoom can part them). From the
//! keyboard the band is one stop: Left and Right choose a part, Enter opens it.

use egui::{Color32, Id, Key, Mesh, Modifiers, Pos2, Rect, Sense, Stroke, StrokeKind, pos2};

use super::chips::ChipList;
use super::state::CanvasState;
use crate::i18n::{tr, trf};
use crate::timeline::{
    Cluster, Columns, Part, PartAction, TickUnit, TimeSpan, Timeline, Transform,
};
use crate::ui::timeline::labels::day_label;

/// Half the height of a band: it fills its row but for a pixel or two.
const HALF_HEIGHT: f32 = 9.0;
/// The shortest column: a single event still shows.
const MIN_COLUMN: f32 = 2.0;
/// Counts of a column up to this have their heights worked out once a band.
const FEW: u32 = 64;

/// One band to draw and answer for.
pub struct Band<'a> {
    /// The cluster it draws.
    pub cluster: &'a Cluster,
    /// The screen's columns the cluster counted in.
    pub columns: Columns,
    /// Its node's id: its lane and place in the lane, so that it keeps the
    /// keyboard focus while the view zooms.
    pub id: Id,
    /// The middle of its row.
    pub y: f32,
    /// The count of the densest column of any band on the canvas: the
    /// height columns are scaled to, so that lanes can be compared.
    pub scale: u32,
    /// The colour of its lane's events.
    pub color: Color32,
    /// The plot's area.
    pub plot: Rect,
    /// The mapping of this frame.
    pub transform: Transform,
    /// The events, to find the parts' dates.
    pub timeline: &'a Timeline,
}

/// Draws the band and answers the pointer and the keys; returns whether it
/// has the keyboard focus.
pub fn band_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    band: &Band<'_>,
    state: &mut CanvasState,
) -> bool {
    let parts = band.cluster.parts(&band.columns);
    let rect = band_rect(band);
    let response = ui.interact(rect, band.id, Sense::click());
    let focused = response.has_focus();
    let chosen = chosen_part(ui, band, &parts, state, focused);
    let hovered = response
        .hover_pos()
        .and_then(|p| band.cluster.part_at(&band.columns, f64::from(p.x)));
    let outlined = hovered.as_ref().or(chosen.filter(|_| focused));
    paint_band(painter, ui, band, rect, outlined);
    if focused {
        painter.rect_stroke(
            rect,
            2.0,
            ui.visuals().selection.stroke,
            StrokeKind::Outside,
        );
    }
    // Made only when egui asks for it (a screen reader, an event to report).
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, band_label(band, &parts, chosen))
    });
    let response = match &hovered {
        Some(part) => response.on_hover_ui_at_pointer(|ui| part_tip(ui, band, part)),
        None => response,
    };
    if response.clicked() {
        let by_pointer = ui.input(|i| i.pointer.any_click());
        let part = if by_pointer { hovered.as_ref() } else { chosen };
        if !by_pointer {
            // Enter opened the part: it must not also open the selection's card.
            ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
            state.band_refocus = Some((band.cluster.lane, ui.ctx().cumulative_pass_nr()));
        }
        if let Some(part) = part {
            open_part(ui, band, part, state, rect.left_bottom());
        }
    }
    focused
}

/// The band's area: from the column of its first event to the end of the
/// column of its last, within the plot.
fn band_rect(band: &Band<'_>) -> Rect {
    let columns = band.cluster.columns();
    let x0 = band.columns.x_range(columns.start).0 as f32;
    let x1 = band.columns.x_range(columns.end.saturating_sub(1)).1 as f32;
    let rect = Rect::from_min_max(
        pos2(x0, band.y - HALF_HEIGHT),
        pos2(x1.max(x0 + 6.0), band.y + HALF_HEIGHT),
    );
    rect.intersect(band.plot)
}

/// The part the keys have chosen (the densest until they choose one);
/// Left and Right move it while the band has the focus.
fn chosen_part<'p>(
    ui: &egui::Ui,
    band: &Band<'_>,
    parts: &'p [Part],
    state: &mut CanvasState,
    focused: bool,
) -> Option<&'p Part> {
    let remembered = state
        .band_part
        .filter(|(id, _)| *id == band.id)
        .and_then(|(_, column)| parts.iter().position(|p| p.columns.contains(&column)));
    let densest = || {
        parts
            .iter()
            .enumerate()
            .rev()
            .max_by_key(|(_, p)| p.count())
            .map(|(i, _)| i)
    };
    let mut at = remembered.or_else(densest)?;
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                band.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: false,
                    tab: false,
                    escape: false,
                },
            );
        });
        let (left, right) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowLeft),
                i.consume_key(Modifiers::NONE, Key::ArrowRight),
            )
        });
        if left {
            at = at.saturating_sub(1);
        }
        if right {
            at = (at + 1).min(parts.len().saturating_sub(1));
        }
        if let Some(part) = parts.get(at) {
            state.band_part = Some((band.id, part.columns.start));
        }
    }
    parts.get(at)
}

/// The columns, over a faint ground the width of the band, and the part
/// outlined, if one is.
fn paint_band(
    painter: &egui::Painter,
    ui: &egui::Ui,
    band: &Band<'_>,
    rect: Rect,
    outlined: Option<&Part>,
) {
    painter.rect_filled(rect, 2.0, band.color.gamma_multiply(0.12));
    let base = band.y + HALF_HEIGHT;
    let tallest = 2.0 * HALF_HEIGHT - 1.0;
    let scale = f64::from(band.scale.max(1));
    // By the square root: a column of one event still shows beside one of a thousand.
    let height_of = |count: u32| {
        let share = (f64::from(count) / scale).sqrt() as f32;
        (MIN_COLUMN + (tallest - MIN_COLUMN) * share).min(tallest)
    };
    // Most columns hold a few events: their heights are worked out once.
    let few: Vec<f32> = (0..FEW.min(band.scale.saturating_add(1)))
        .map(height_of)
        .collect();
    // One mesh for the band: hundreds of columns, no shape each, its room
    // made at once rather than grown column by column.
    let mut mesh = Mesh::default();
    let columns = band.cluster.density.len();
    mesh.reserve_vertices(4 * columns);
    mesh.reserve_triangles(2 * columns);
    let mut add = |(x0, x1, height): (f64, f64, f32)| {
        let rect = Rect::from_min_max(pos2(x0 as f32, base - height), pos2(x1 as f32, base));
        mesh.add_colored_rect(rect, band.color);
    };
    // Neighbouring columns of one height are one rectangle: the same
    // pixels (they meet at the same x), half the vertices where most
    // columns hold an event or two.
    let mut open: Option<(f64, f64, f32)> = None;
    for (column, &count) in band.cluster.columns().zip(&band.cluster.density) {
        if count == 0 {
            continue;
        }
        let height = few
            .get(count as usize)
            .copied()
            .unwrap_or_else(|| height_of(count));
        let (x0, x1) = band.columns.x_range(column);
        match &mut open {
            Some((_, end, h)) if *end == x0 && *h == height => *end = x1,
            _ => {
                if let Some(done) = open.replace((x0, x1, height)) {
                    add(done);
                }
            }
        }
    }
    if let Some(done) = open {
        add(done);
    }
    painter.add(egui::Shape::mesh(mesh));
    painter.line_segment(
        [pos2(rect.left(), base), pos2(rect.right(), base)],
        Stroke::new(1.0, band.color),
    );
    if let Some(part) = outlined {
        let (x0, _) = band.columns.x_range(part.columns.start);
        let (_, x1) = band.columns.x_range(part.columns.end.saturating_sub(1));
        let outline =
            Rect::from_min_max(pos2(x0 as f32, rect.top()), pos2(x1 as f32, rect.bottom()));
        painter.rect_stroke(
            outline.intersect(band.plot),
            1.0,
            Stroke::new(1.5, ui.visuals().strong_text_color()),
            StrokeKind::Outside,
        );
    }
}

/// The time a part's columns cover on screen.
fn part_span(band: &Band<'_>, part: &Part) -> TimeSpan {
    let (x0, _) = band.columns.x_range(part.columns.start);
    let (_, x1) = band.columns.x_range(part.columns.end.saturating_sub(1));
    let visible = band.transform.visible();
    TimeSpan::new(
        band.transform.t_from_x(x0).max(visible.start),
        band.transform.t_from_x(x1).min(visible.end),
    )
}

/// "1950 – 1953", "March 1950 – May 1950", "3 Mar 1950 – 9 Mar 1950": as
/// fine as the span's length needs.
fn range_text(span: TimeSpan) -> (String, String) {
    let unit = if span.len() > 3.0 * 365.0 {
        TickUnit::Year
    } else if span.len() > 90.0 {
        TickUnit::Month
    } else {
        TickUnit::Day
    };
    (
        day_label(span.start, unit),
        day_label((span.end - 1.0).max(span.start), unit),
    )
}

/// What a screen reader hears: the band's count and time, the chosen part's,
/// and how to choose and open one.
fn band_label(band: &Band<'_>, parts: &[Part], chosen: Option<&Part>) -> String {
    let visible = band.transform.visible();
    let span = band.cluster.span;
    let (from, to) = range_text(TimeSpan::new(
        span.start.max(visible.start),
        span.end.min(visible.end),
    ));
    let place = chosen
        .and_then(|c| parts.iter().position(|p| p == c))
        .map_or(0, |i| i + 1);
    let (count, part_from, part_to) = chosen.map_or((0, String::new(), String::new()), |part| {
        let (a, b) = range_text(part_span(band, part));
        (part.count(), a, b)
    });
    trf(
        "timeline.band_label",
        &[
            ("n", &band.cluster.count),
            ("from", &from),
            ("to", &to),
            ("part", &place),
            ("parts", &parts.len()),
            ("count", &count),
            ("part_from", &part_from),
            ("part_to", &part_to),
        ],
    )
}

/// The tooltip over a part: how many, when, and what a click does.
fn part_tip(ui: &mut egui::Ui, band: &Band<'_>, part: &Part) {
    let (from, to) = range_text(part_span(band, part));
    ui.strong(trf(
        "timeline.band_part",
        &[("n", &part.count()), ("from", &from), ("to", &to)],
    ));
    let hint = match band
        .cluster
        .part_action(band.timeline, part, band.transform.visible())
    {
        PartAction::Zoom(_) => tr("timeline.band_zoom_hint"),
        PartAction::List(_) => tr("timeline.band_list_hint"),
    };
    ui.weak(hint);
}

/// Zooms to `part`, or lists its events under `at` where zooming cannot
/// part them.
fn open_part(ui: &egui::Ui, band: &Band<'_>, part: &Part, state: &mut CanvasState, at: Pos2) {
    match band
        .cluster
        .part_action(band.timeline, part, band.transform.visible())
    {
        PartAction::Zoom(span) => {
            if let Some(t) = &mut state.transform {
                *t = Transform::fit(span, t.left(), t.width());
            }
        }
        PartAction::List(events) => {
            let span = events
                .iter()
                .filter_map(|&e| band.timeline.item_of(e))
                .map(|i| i.span)
                .reduce(|a, b| a.union(&b))
                .unwrap_or_else(|| part_span(band, part));
            state.chip_list = Some(ChipList::listing(ui, events, span, at));
        }
    }
    ui.ctx().request_repaint();
}
