//! The details card of the selected event: date with its precision, what
//! happened, who and which organizations, and "Read in source".

use egui::RichText;

use super::colors::category_color;
use super::labels::{category_label, date_with_precision};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Event;
use crate::ui::command::{Command, OrgIx};
use crate::ui::study::labels::relationship_summary;

/// Draws the card for `event`; pushes "Read in source" as a command.
pub fn event_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    event: &Event,
    commands: &mut Vec<Command>,
) {
    let top = ui.cursor().min;
    ui.horizontal_wrapped(|ui| {
        category_ui(ui, dataset, event);
        ui.label(RichText::new(date_with_precision(&event.date)).weak());
        if event.planned {
            ui.label(RichText::new(tr("timeline.planned")).italics());
        }
    });
    ui.heading(&event.title);
    if let Some(place) = &event.place() {
        ui.label(RichText::new(&**place).weak());
    }
    if let Some(number) = &event.resolution() {
        ui.label(trf("timeline.resolution", &[("number", number)]));
    }
    ui.add_space(4.0);
    ui.label(&event.description);
    if let Some(derived) = &event.derived() {
        ui.label(
            RichText::new(trf("timeline.date_derived", &[("derived", derived)]))
                .small()
                .italics(),
        );
    }
    if let Some(note) = &event.note() {
        ui.label(
            RichText::new(trf("timeline.editor_note", &[("note", note)]))
                .small()
                .italics(),
        );
    }
    organizations_ui(ui, dataset, event, commands);
    people_ui(ui, dataset, event);
    ui.add_space(6.0);
    for source in &event.sources {
        crate::ui::widgets::read_in_source(ui, dataset, source, commands);
    }
    let card = egui::Rect::from_min_max(top, ui.min_rect().max);
    keep_focus_in_sight(ui, card);
}

/// Tab moves the keyboard focus without scrolling (egui leaves that to the
/// app): when a control of the card (a link, "Read in source") has just
/// gained the focus, scroll the card's area to it.
fn keep_focus_in_sight(ui: &egui::Ui, card: egui::Rect) {
    let Some(id) = ui.ctx().memory(|m| m.focused()) else {
        return;
    };
    let Some(control) = ui.ctx().read_response(id) else {
        return;
    };
    if control.gained_focus()
        && control.layer_id == ui.layer_id()
        && card.contains_rect(control.rect)
    {
        control.scroll_to_me(None);
    }
}

/// The event's category: a swatch of its colour (the canvas's marker colour,
/// which is too pale to read as text on the light panels) and its name in
/// the body text's colour and size.
fn category_ui(ui: &mut egui::Ui, dataset: &Dataset, event: &Event) {
    let dark = ui.visuals().dark_mode;
    let side = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
    let (swatch, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let Some(category) = dataset.category_of(event) else {
        return;
    };
    ui.painter()
        .rect_filled(swatch, 2.0, category_color(category, dark));
    ui.label(category_label(category));
}

/// The organizations the event involves, each opening its details.
fn organizations_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    event: &Event,
    commands: &mut Vec<Command>,
) {
    let organizations: Vec<_> = event
        .organizations()
        .iter()
        .filter_map(|id| {
            let index = dataset.organization_index(id)?;
            Some((index, dataset.organizations.get(index)?))
        })
        .collect();
    if !organizations.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(tr("timeline.card_organizations")).strong());
        for (index, organization) in organizations {
            // The name on a line of its own: in a wrapping row, egui makes
            // each further line of a long link a Tab stop without a name.
            let link = ui.link(organization.short_name()).on_hover_text(trf(
                "timeline.open_organization_hover",
                &[("name", &organization.name)],
            ));
            if link.clicked() {
                commands.push(Command::SelectOrganization {
                    organization: Some(OrgIx(index)),
                    details: true,
                    show: true,
                });
            }
            ui.weak(relationship_summary(organization));
        }
    }
}

/// The people the event names, with their roles.
fn people_ui(ui: &mut egui::Ui, dataset: &Dataset, event: &Event) {
    let people: Vec<_> = event
        .people()
        .iter()
        .filter_map(|id| dataset.person(id))
        .collect();
    if !people.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(tr("timeline.card_people")).strong());
        for person in people {
            ui.horizontal_wrapped(|ui| {
                ui.label(&person.name);
                ui.weak(&person.role);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use egui::epaint::Shape;
    use egui_kittest::Harness;

    use super::event_card_ui;
    use crate::dataset::Dataset;
    use crate::ui::theme::Theme;
    use crate::ui::timeline::colors::category_color;
    use crate::ui::timeline::labels::category_label;

    /// Every shape of a frame, nested lists flattened.
    fn flat(shapes: &[egui::epaint::ClippedShape]) -> Vec<Shape> {
        fn push(out: &mut Vec<Shape>, shape: &Shape) {
            match shape {
                Shape::Vec(children) => children.iter().for_each(|c| push(out, c)),
                other => out.push(other.clone()),
            }
        }
        let mut out = Vec::new();
        shapes.iter().for_each(|c| push(&mut out, &c.shape));
        out
    }

    #[test]
    fn the_category_is_named_at_body_size_in_the_text_colour_beside_its_swatch() {
        let Ok(dataset) = Dataset::embedded() else {
            panic!("the bundled dataset does not load");
        };
        let mut categories = Vec::new();
        for event in &dataset.events {
            if categories.contains(&event.category) {
                continue;
            }
            categories.push(event.category.clone());
            for theme in Theme::ALL {
                let visuals = theme.visuals();
                let body = egui::TextStyle::Body.resolve(&egui::Style::default()).size;
                let mut harness = Harness::new_ui(|ui| {
                    ui.style_mut().visuals = theme.visuals();
                    event_card_ui(ui, &dataset, event, &mut Vec::new());
                });
                harness.run();
                let shapes = flat(&harness.output().shapes);
                let category = dataset.category_of(event).unwrap();
                let name = category_label(category);
                let Some(text) = shapes.iter().find_map(|s| match s {
                    Shape::Text(t) if t.galley.job.text == name => Some(t.clone()),
                    _ => None,
                }) else {
                    panic!("{theme:?}: the card does not name {name:?}");
                };
                let where_ = format!("{theme:?}, {name:?}");
                let section = &text.galley.job.sections[0];
                assert!(
                    section.format.font_id.size >= body,
                    "{where_}: {} px, smaller than the body text",
                    section.format.font_id.size
                );
                let mut color = text.override_text_color.unwrap_or(section.format.color);
                if color == egui::Color32::PLACEHOLDER {
                    color = text.fallback_color;
                }
                assert_eq!(color, visuals.text_color(), "{where_}: not the text colour");
                let swatch = category_color(category, visuals.dark_mode);
                assert!(
                    shapes
                        .iter()
                        .any(|s| matches!(s, Shape::Rect(r) if r.fill == swatch)),
                    "{where_}: no swatch of the category's colour"
                );
            }
        }
        assert!(categories.len() > 5, "only {} categories", categories.len());
    }
}
