//! "In this article": the organizations the open article mentions, with
//! Turkmenistan's relationship at a glance, and the events it reports.

use egui::RichText;

use super::labels::relationship_summary;
use super::runtime::ReaderRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Event;
use crate::ui::command::{Command, OrgIx};
use crate::ui::organizations::labels::standing_rich;
use crate::ui::paged::paged_ui;

/// Draws the panel for the article `current`. With an event selected on the
/// timeline, each relationship shows how it stood on that event's date.
pub fn context_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    current: Option<&str>,
    selected_event: Option<&Event>,
    commands: &mut Vec<Command>,
) {
    let Some(article) = current else { return };
    ui.add_space(6.0);
    organizations_ui(ui, dataset, article, selected_event, commands);
    ui.add_space(8.0);
    events_ui(ui, dataset, article, commands);
}

/// The organizations the article mentions, each opening its details, with
/// the relationship in a few words or, with an event selected, as it stood
/// on the event's date.
fn organizations_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    article: &str,
    selected_event: Option<&Event>,
    commands: &mut Vec<Command>,
) {
    ui.heading(tr("study.organizations_heading"));
    let as_of = selected_event.map(|event| event.date.start());
    if let (Some(event), Some(date)) = (selected_event, as_of) {
        as_of_ui(ui, event, date, commands);
    }
    let indices = dataset.organization_indices_of_article(article);
    if indices.is_empty() {
        ui.weak(tr("study.no_organization"));
    }
    for &index in indices {
        let Some(organization) = dataset.organizations.get(index) else {
            continue;
        };
        let response = ui
            .add(egui::Button::new(RichText::new(organization.short_name()).strong()).frame(false))
            .on_hover_ui(|ui| {
                ui.set_max_width(360.0);
                record_card_ui(
                    ui,
                    &organization.name,
                    &organization.summary,
                    organization.note.as_deref(),
                );
                ui.weak(tr("study.open_in_organizations"));
            });
        if response.clicked() {
            commands.push(Command::SelectOrganization {
                organization: Some(OrgIx(index)),
                details: true,
                show: true,
            });
        }
        if organization.acronym.is_some() {
            ui.label(RichText::new(&organization.name).small());
        }
        match (as_of, organization.relationships.as_slice()) {
            (_, []) => {
                ui.weak(tr("study.relationship_not_stated"));
            }
            (None, _) => {
                ui.weak(relationship_summary(organization));
            }
            (Some(date), relationships) => {
                for relationship in relationships {
                    ui.label(standing_rich(relationship, date).small());
                }
            }
        }
        ui.add_space(4.0);
    }
}

/// Says plainly that the relationships are shown as they stood on the
/// selected event's date (chosen on a timeline, a link or Ctrl+K, perhaps in
/// another view), with the way back to today's.
fn as_of_ui(
    ui: &mut egui::Ui,
    event: &Event,
    date: crate::model::Date,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let args: [(&str, &dyn std::fmt::Display); 2] = [
                ("date", &crate::i18n::dates::human(&date)),
                ("title", &event.title),
            ];
            ui.add(
                egui::Label::new(RichText::new(trf("study.as_of_event", &args)).strong()).wrap(),
            );
            if ui
                .button(tr("study.show_today"))
                .on_hover_text(tr("study.show_today_hover"))
                .clicked()
            {
                commands.push(Command::SelectEvent {
                    event: None,
                    details: false,
                });
            }
        });
    ui.add_space(4.0);
}

/// The events the article reports, each opening the paragraph that states
/// it, a page at a time ([`paged_ui`]).
fn events_ui(ui: &mut egui::Ui, dataset: &Dataset, article: &str, commands: &mut Vec<Command>) {
    ui.heading(tr("study.events_heading"));
    let events = dataset.event_indices_of_article(article);
    if events.is_empty() {
        ui.weak(tr("study.no_event"));
    }
    let id = egui::Id::unique("study_events_shown").with(article);
    paged_ui(ui, id, events.len(), |ui, i| {
        let event = events.get(i).and_then(|&e| dataset.events.get(e))?;
        Some(event_ui(ui, event, article, commands))
    });
}

/// One event of the list: its date, and its title opening its paragraph
/// (the button returned).
fn event_ui(
    ui: &mut egui::Ui,
    event: &Event,
    article: &str,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let paragraph = event
        .sources
        .iter()
        .find(|s| s.article == article)
        .map(|s| s.paragraph);
    ui.label(
        RichText::new(crate::i18n::dates::human(&event.date))
            .small()
            .weak(),
    );
    let response = ui
        .add(egui::Button::new(&*event.title).wrap().frame(false))
        .on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            record_card_ui(
                ui,
                &crate::i18n::dates::human(&event.date),
                &event.description,
                event.note(),
            );
            ui.weak(tr("study.show_paragraph"));
        });
    if response.clicked() {
        commands.push(Command::OpenArticle {
            article: article.to_owned(),
            paragraph,
        });
    }
    ui.add_space(4.0);
    response
}

/// A short card: a heading, the record's text and its editor's note, if any.
fn record_card_ui(ui: &mut egui::Ui, heading: &str, text: &str, note: Option<&str>) {
    ui.label(RichText::new(heading).strong());
    ui.label(text);
    if let Some(note) = note {
        ui.label(RichText::new(trf("study.editor_note", &[("note", &note)])).italics());
    }
}

/// "My notes": every note and highlight, each opening its paragraph, and
/// the export as Markdown.
pub fn notes_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    reader: &mut ReaderRuntime,
    commands: &mut Vec<Command>,
) {
    ui.separator();
    let notes = reader.notes.in_order(dataset);
    egui::CollapsingHeader::new(
        RichText::new(trf("study.my_notes", &[("n", &notes.len())])).strong(),
    )
    .id_salt("my_notes")
    .default_open(true)
    .show(ui, |ui| {
        if notes.is_empty() {
            ui.weak(tr("study.notes_empty"));
        }
        // In the panel's own scroll: a scroll inside a scroll would trap the wheel.
        for note in &notes {
            let title = dataset
                .article(&note.article)
                .map_or(note.article.as_str(), |a| a.title.as_str());
            let mut text = format!("¶{} · {title}", note.paragraph);
            if !note.text.is_empty() {
                let short: String = note.text.chars().take(60).collect();
                text = format!("{text}: {short}");
            }
            if ui
                .add(egui::Button::new(text).wrap().frame(false))
                .on_hover_text(tr("study.open_paragraph"))
                .clicked()
            {
                commands.push(Command::OpenArticle {
                    article: note.article.clone(),
                    paragraph: Some(note.paragraph),
                });
            }
        }
        if !notes.is_empty() {
            let asking = reader.export.choosing() || reader.export.typed.is_some();
            if ui
                .add_enabled(!asking, egui::Button::new(tr("study.export_notes")))
                .clicked()
            {
                commands.push(Command::ExportNotes);
            }
        }
    });
    export_prompt_ui(ui, dataset, reader);
    if let Some(message) = &reader.notes_message {
        ui.label(RichText::new(message).small());
    }
}

/// Where the export goes: a word while the desktop's dialog is open, or the
/// path typed (filled in with the default), with Save and Cancel.
fn export_prompt_ui(ui: &mut egui::Ui, dataset: &Dataset, reader: &mut ReaderRuntime) {
    if reader.export.choosing() {
        ui.weak(tr("study.export_choosing"));
    }
    let prompted = crate::ui::save_dialog::typed_prompt_ui(
        ui,
        &mut reader.export,
        tr("study.export_to"),
        tr("study.export_save"),
        tr("study.export_cancel"),
    );
    if let crate::ui::save_dialog::Prompted::Save(path) = prompted {
        reader.export_notes_to(dataset, &path);
    }
}
