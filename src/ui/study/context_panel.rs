//! "In this article": the organizations the open article mentions, with
//! Turkmenistan's relationship at a glance, and the events it reports.

use egui::RichText;

use crate::dataset::Dataset;
use crate::model::Organization;
use crate::ui::app::Command;

/// The relationship of Turkmenistan to `organization` in a few words.
pub fn relationship_summary(organization: &Organization) -> String {
    let Some(first) = organization.relationships.first() else {
        return "Relationship not stated".to_owned();
    };
    match first.since {
        Some(since) => format!("{} since {}", first.kind.label(), since.human()),
        None => first.kind.label().to_owned(),
    }
}

/// Draws the panel for the article `current`.
pub fn context_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    current: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let Some(article) = current else { return };
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("context_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.heading("Organizations");
            let organizations: Vec<_> = dataset.organizations_of_article(article).collect();
            if organizations.is_empty() {
                ui.weak("This article names no organization.");
            }
            for organization in organizations {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(organization.short_name()).strong());
                    ui.weak(relationship_summary(organization));
                })
                .response
                .on_hover_ui(|ui| {
                    ui.set_max_width(360.0);
                    record_card_ui(
                        ui,
                        &organization.name,
                        &organization.summary,
                        organization.note.as_deref(),
                    );
                });
                if organization.acronym.is_some() {
                    ui.label(RichText::new(&organization.name).small());
                }
                ui.add_space(4.0);
            }
            ui.add_space(8.0);
            ui.heading("Events");
            let events: Vec<_> = dataset.events_of_article(article).collect();
            if events.is_empty() {
                ui.weak("This article reports no dated event.");
            }
            for event in events {
                let paragraph = event
                    .sources
                    .iter()
                    .find(|s| s.article == article)
                    .map(|s| s.paragraph);
                ui.label(RichText::new(event.date.human()).small().weak());
                let response = ui
                    .add(egui::Button::new(&event.title).wrap().frame(false))
                    .on_hover_ui(|ui| {
                        ui.set_max_width(360.0);
                        record_card_ui(
                            ui,
                            &event.date.human(),
                            &event.description,
                            event.note.as_deref(),
                        );
                        ui.weak("Click to show the paragraph that reports it.");
                    });
                if response.clicked() {
                    commands.push(Command::OpenArticle {
                        article: article.to_owned(),
                        paragraph,
                    });
                }
                ui.add_space(4.0);
            }
        });
}

/// A short card: a heading, the record's text and its editor's note, if any.
fn record_card_ui(ui: &mut egui::Ui, heading: &str, text: &str, note: Option<&str>) {
    ui.label(RichText::new(heading).strong());
    ui.label(text);
    if let Some(note) = note {
        ui.label(RichText::new(format!("Editor’s note: {note}")).italics());
    }
}
