//! A small bar chart of the organizations by Turkmenistan's relationship and
//! by kind; a bar is also a chip: clicking it filters the table.

use std::collections::BTreeSet;

use egui::{Align2, FontId, RichText, Role, Sense, WidgetInfo};

use super::filters::Chips;
use crate::model::{OrganizationKind, RelationshipKind};
use crate::organizations::Filter;

/// Width kept for a bar's label, left of the bar.
const LABEL_WIDTH: f32 = 130.0;
/// Height of one bar's line.
const BAR_HEIGHT: f32 = 18.0;

/// Draws both charts; clicking a bar toggles its chip in `filter`.
pub fn chart_ui(ui: &mut egui::Ui, chips: &Chips, filter: &mut Filter) {
    let (by_relationship, by_kind) = (&chips.relationships, &chips.kinds);
    ui.add_space(4.0);
    ui.heading("At a glance");
    ui.label(
        RichText::new("Organizations by Turkmenistan’s relationship (one with two relationships counts under both) and by kind. Click a bar to filter the table.")
            .small()
            .weak(),
    );
    let largest = by_relationship
        .iter()
        .map(|(_, n)| *n)
        .chain(by_kind.iter().map(|(_, n)| *n))
        .max()
        .unwrap_or(1)
        .max(1);
    egui::ScrollArea::vertical()
        .id_salt("organizations_chart")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new("By relationship").strong());
            for &(kind, count) in by_relationship {
                let label = kind.map_or("Not stated", RelationshipKind::label);
                bar(ui, &mut filter.relationships, kind, label, count, largest);
            }
            ui.add_space(6.0);
            ui.label(RichText::new("By kind").strong());
            for &(kind, count) in by_kind {
                bar::<OrganizationKind>(ui, &mut filter.kinds, kind, kind.label(), count, largest);
            }
        });
}

/// One bar: the label, a bar as long as its share of `largest`, the count.
fn bar<T: Ord + Copy>(
    ui: &mut egui::Ui,
    chosen: &mut BTreeSet<T>,
    value: T,
    label: &str,
    count: usize,
    largest: usize,
) {
    let on = chosen.contains(&value);
    let width = ui.available_width().max(LABEL_WIDTH + 60.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, BAR_HEIGHT), Sense::click());
    let name = format!("{label}: {count}");
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, on, &name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, on);
        let painter = ui.painter();
        let text_color = ui.visuals().text_color();
        painter.text(
            rect.left_center(),
            Align2::LEFT_CENTER,
            label,
            FontId::proportional(13.0),
            text_color,
        );
        let room = (rect.width() - LABEL_WIDTH - 40.0).max(10.0);
        let length = room * count as f32 / largest as f32;
        let bar_rect = egui::Rect::from_min_size(
            egui::pos2(rect.left() + LABEL_WIDTH, rect.top() + 3.0),
            egui::vec2(length.max(2.0), rect.height() - 6.0),
        );
        let fill = if on || response.hovered() {
            ui.visuals().selection.bg_fill
        } else {
            // Half the text colour: visible on every theme, high contrast too.
            ui.visuals().text_color().gamma_multiply(0.45)
        };
        painter.rect_filled(bar_rect, 2.0, fill);
        if on {
            painter.rect_stroke(bar_rect, 2.0, visuals.fg_stroke, egui::StrokeKind::Outside);
        }
        painter.text(
            egui::pos2(bar_rect.right() + 6.0, rect.center().y),
            Align2::LEFT_CENTER,
            count.to_string(),
            FontId::proportional(13.0),
            text_color,
        );
    }
    let hint = if on {
        "Click to stop filtering by this"
    } else {
        "Click to show only these in the table"
    };
    if response.on_hover_text(hint).clicked() {
        if on {
            chosen.remove(&value);
        } else {
            chosen.insert(value);
        }
    }
}
