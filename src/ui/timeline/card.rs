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
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(category_label(event.category))
                .small()
                .color(category_color(event.category, dark)),
        );
        ui.label(
            RichText::new(date_with_precision(&event.date))
                .small()
                .weak(),
        );
        if event.planned {
            ui.label(RichText::new(tr("timeline.planned")).small().italics());
        }
    });
    ui.heading(&event.title);
    if let Some(place) = &event.place {
        ui.label(RichText::new(place).weak());
    }
    if let Some(number) = &event.resolution {
        ui.label(trf("timeline.resolution", &[("number", number)]));
    }
    ui.add_space(4.0);
    ui.label(&event.description);
    if let Some(derived) = &event.derived {
        ui.label(
            RichText::new(trf("timeline.date_derived", &[("derived", derived)]))
                .small()
                .italics(),
        );
    }
    if let Some(note) = &event.note {
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
}

/// The organizations the event involves, each opening its details.
fn organizations_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    event: &Event,
    commands: &mut Vec<Command>,
) {
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
        ui.label(RichText::new(tr("timeline.card_organizations")).strong());
        for (index, organization) in organizations {
            ui.horizontal_wrapped(|ui| {
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
            });
        }
    }
}

/// The people the event names, with their roles.
fn people_ui(ui: &mut egui::Ui, dataset: &Dataset, event: &Event) {
    let people: Vec<_> = event
        .people
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
