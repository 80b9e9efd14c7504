//! The canvas for the keyboard and screen readers: every drawn event a node
//! of its own, the keys kept while the canvas has the focus, and a summary of
//! what is on screen.

use egui::{Rect, Sense};

use super::config::{CanvasConfig, CanvasOutput};
use super::state::CanvasState;
use crate::dataset::Dataset;
use crate::i18n::trf;
use crate::timeline::{Layout, TickUnit, Transform};
use crate::ui::timeline::labels::{date_with_precision, day_label};

/// Each drawn event is a node of its own: hover, click, Tab, screen reader.
/// A click selects it and opens its details. Returns whether one of them has
/// the keyboard focus.
pub fn events_ui(
    ui: &egui::Ui,
    (config, state): (&CanvasConfig<'_>, &mut CanvasState),
    dataset: &Dataset,
    hits: Vec<(usize, Rect)>,
    canvas: &egui::Response,
    output: &mut CanvasOutput,
) -> bool {
    let labels = std::cell::RefCell::new(state.node_labels.of(config.timeline.id()));
    // Whether egui could show a tooltip whatever the pointer does (see
    // `tooltip_may_show`): asked once, not once per event.
    let all_visible = ui.ctx().memory(|m| m.everything_is_visible());
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
        let selected = config.selected == Some(event_index);
        // Made only when egui asks (a screen reader, an event to report),
        // and then kept: the date in words was most of a node's cost.
        item_response.widget_info(|| egui::WidgetInfo {
            enabled: true,
            label: Some(labels.borrow_mut().label(event_index, event).to_owned()),
            selected: Some(selected),
            ..egui::WidgetInfo::new(egui::Role::Button)
        });
        item_focused |= item_response.has_focus();
        if item_response.clicked() {
            output.select = Some(Some(event_index));
            output.open_details = true;
            // Keep the keyboard on the canvas, so Left/Right go on from here.
            canvas.request_focus();
        }
        if all_visible || tooltip_may_show(&item_response) {
            item_response.on_hover_ui(|ui| {
                ui.strong(&event.title);
                ui.label(date_with_precision(&event.date));
            });
        }
    }
    item_focused
}

/// Whether egui's tooltip of `response` could show this frame: only while
/// the pointer is on it or its tooltip was open last frame (egui's own test,
/// `Tooltip::should_show_tooltip`, answers no otherwise, but only after a
/// dozen look-ups; with hundreds of events that was a tenth of a frame).
fn tooltip_may_show(response: &egui::Response) -> bool {
    response.hovered() || response.contains_pointer() || response.is_tooltip_open()
}

/// Keeps Left/Right and Escape for the canvas while it has the focus; Tab
/// and Up/Down still move on.
pub fn lock_focus(ui: &egui::Ui, canvas: &egui::Response) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            canvas.id,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: false,
                tab: false,
                escape: true,
            },
        );
    });
}

/// What a screen reader announces for the canvas.
pub fn canvas_summary(
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
                &[
                    ("date", &crate::i18n::dates::human(&e.date)),
                    ("title", &e.title),
                ],
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
