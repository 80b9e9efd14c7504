//! The details card of the selected event: date with its precision, what
//! happened, who and which organizations, and "Read in source".

use egui::RichText;

use super::canvas::date_with_precision;
use super::colors::category_color;
use crate::dataset::Dataset;
use crate::model::Event;
use crate::ui::app::Command;
use crate::ui::study::relationship_summary;

/// Draws the card for `event`; pushes "Read in source" as a command.
pub fn event_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    event: &Event,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(event.category.label())
                .small()
                .color(category_color(event.category, dark)),
        );
        ui.label(
            RichText::new(date_with_precision(&event.date))
                .small()
                .weak(),
        );
        if event.planned {
            ui.label(
                RichText::new("planned at the time of writing")
                    .small()
                    .italics(),
            );
        }
    });
    ui.heading(&event.title);
    if let Some(place) = &event.place {
        ui.label(RichText::new(place).weak());
    }
    if let Some(number) = &event.resolution {
        ui.label(format!("Resolution {number}"));
    }
    ui.add_space(4.0);
    ui.label(&event.description);
    if let Some(derived) = &event.derived {
        ui.label(
            RichText::new(format!("How the date was found: {derived}"))
                .small()
                .italics(),
        );
    }
    if let Some(note) = &event.note {
        ui.label(
            RichText::new(format!("Editor’s note: {note}"))
                .small()
                .italics(),
        );
    }
    let organizations: Vec<_> = event
        .organizations
        .iter()
        .filter_map(|id| {
            let index = dataset.organization_index(id)?;
            Some((index, dataset.organizations.get(index)?))
        })
        .collect();
    if !organizations.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Organizations").strong());
        for (index, organization) in organizations {
            ui.horizontal_wrapped(|ui| {
                let link = ui.link(organization.short_name()).on_hover_text(format!(
                    "{}: open in the Organizations view",
                    organization.name
                ));
                if link.clicked() {
                    commands.push(Command::SelectOrganization {
                        organization: Some(index),
                        details: true,
                        show: true,
                    });
                }
                ui.weak(relationship_summary(organization));
            });
        }
    }
    let people: Vec<_> = event
        .people
        .iter()
        .filter_map(|id| dataset.person(id))
        .collect();
    if !people.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("People").strong());
        for person in people {
            ui.horizontal_wrapped(|ui| {
                ui.label(&person.name);
                ui.weak(&person.role);
            });
        }
    }
    ui.add_space(6.0);
    for source in &event.sources {
        crate::ui::widgets::read_in_source(ui, dataset, source, commands);
    }
}
