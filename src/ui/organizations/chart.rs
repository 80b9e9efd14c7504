//! A small bar chart of the organizations by Turkmenistan's relationship and
//! by kind; a bar is also a chip: clicking it filters the table.

use std::collections::BTreeSet;

use egui::{Align2, FontId, RichText, Role, Sense, WidgetInfo};

use super::filters::Chips;
use super::labels::{kind_label, relationship_chip_label};
use crate::i18n::tr;
use crate::model::OrganizationKind;
use crate::organizations::Filter;

/// Width kept for a bar's label, left of the bar, at least; more where a
/// label (in Russian, say) needs it.
const LABEL_WIDTH: f32 = 130.0;
/// The bar labels' font size.
const LABEL_SIZE: f32 = 13.0;
/// Height of one bar's line.
const BAR_HEIGHT: f32 = 18.0;

/// Draws both charts; clicking a bar toggles its chip in `filter`.
pub fn chart_ui(ui: &mut egui::Ui, chips: &Chips, filter: &mut Filter) {
    let (by_relationship, by_kind) = (&chips.relationships, &chips.kinds);
    ui.add_space(4.0);
    ui.heading(tr("org.chart_heading"));
    ui.label(RichText::new(tr("org.chart_explanation")).small().weak());
    let largest = by_relationship
        .iter()
        .map(|(_, n)| *n)
        .chain(by_kind.iter().map(|(_, n)| *n))
        .max()
        .unwrap_or(1)
        .max(1);
    // Wide enough for the longest label, so that no label runs into its bar.
    let label_width = by_relationship
        .iter()
        .map(|&(kind, _)| relationship_chip_label(kind))
        .chain(by_kind.iter().map(|&(kind, _)| kind_label(kind)))
        .map(|label| {
            ui.painter()
                .layout_no_wrap(
                    label.to_owned(),
                    FontId::proportional(LABEL_SIZE),
                    ui.visuals().text_color(),
                )
                .size()
                .x
                + 10.0
        })
        .fold(LABEL_WIDTH, f32::max);
    egui::ScrollArea::vertical()
        .id_salt("organizations_chart")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(tr("org.chart_by_relationship")).strong());
            for &(kind, count) in by_relationship {
                let label = relationship_chip_label(kind);
                let sizes = (label_width, largest);
                bar(ui, &mut filter.relationships, kind, label, count, sizes);
            }
            ui.add_space(6.0);
            ui.label(RichText::new(tr("org.chart_by_kind")).strong());
            for &(kind, count) in by_kind {
                let sizes = (label_width, largest);
                bar::<OrganizationKind>(
                    ui,
                    &mut filter.kinds,
                    kind,
                    kind_label(kind),
                    count,
                    sizes,
                );
            }
        });
}

/// One bar: the label in `label_width`, a bar as long as its share of
/// `largest`, the count.
fn bar<T: Ord + Copy>(
    ui: &mut egui::Ui,
    chosen: &mut BTreeSet<T>,
    value: T,
    label: &str,
    count: usize,
    (label_width, largest): (f32, usize),
) {
    let on = chosen.contains(&value);
    let width = ui.available_width().max(label_width + 60.0);
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
            FontId::proportional(LABEL_SIZE),
            text_color,
        );
        let room = (rect.width() - label_width - 40.0).max(10.0);
        let length = room * count as f32 / largest as f32;
        let bar_rect = egui::Rect::from_min_size(
            egui::pos2(rect.left() + label_width, rect.top() + 3.0),
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
        if response.has_focus() {
            // Painted by hand, so the keyboard focus must be drawn by hand too.
            painter.rect_stroke(
                rect,
                2.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
        painter.text(
            egui::pos2(bar_rect.right() + 6.0, rect.center().y),
            Align2::LEFT_CENTER,
            count.to_string(),
            FontId::proportional(LABEL_SIZE),
            text_color,
        );
    }
    let hint = if on {
        tr("org.chip_stop_hint")
    } else {
        tr("org.bar_show_hint")
    };
    if response.on_hover_text(hint).clicked() {
        if on {
            chosen.remove(&value);
        } else {
            chosen.insert(value);
        }
    }
}
