//! The canvas's input: drag pans, the wheel zooms around the pointer, a double
//! click fits everything, a click on empty ground clears the selection, and
//! the keys move the selection and zoom.

use egui::Rect;

use super::config::{CanvasConfig, CanvasOutput};
use super::state::CanvasState;
use crate::timeline::{Item, TimeSpan, Transform};

/// Fits the mapping to the plot (to everything on the first frame, then kept
/// across resizes), applies the pointer to it and returns it as it now is.
pub fn pointer_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &mut CanvasState,
    config: &CanvasConfig<'_>,
    plot: Rect,
    output: &mut CanvasOutput,
) -> Transform {
    let bounds = config.timeline.bounds();
    let transform = state.transform.get_or_insert_with(|| {
        let span = bounds.unwrap_or(TimeSpan::new(0.0, 365.0));
        Transform::fit(span, f64::from(plot.left()), f64::from(plot.width()))
    });
    *transform = transform.with_screen(f64::from(plot.left()), f64::from(plot.width()));
    let moved = handle_pointer(ui, response, transform, plot);
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
    *transform
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
pub fn keyboard(
    ui: &egui::Ui,
    state: &mut CanvasState,
    config: &CanvasConfig<'_>,
    plot: Rect,
    output: &mut CanvasOutput,
) {
    use egui::{Key, Modifiers};
    let include = |item: &Item| config.lanes.contains(&item.lane()) && (config.include)(item);
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
