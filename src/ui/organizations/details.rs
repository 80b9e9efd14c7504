//! The details of the selected organization: summary, each relationship with
//! the sentence that states it, figures about it, its events, and every
//! paragraph that mentions it.

use egui::{RichText, Role, WidgetInfo};

use super::labels::{kind_label, standing_rich, undated_text};
use super::runtime::{DetailLists, OrganizationsRuntime};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::{Date, Organization};
use crate::ui::command::{Command, EventIx};
use crate::ui::paged::paged_ui;
use crate::ui::widgets::read_in_source;

/// Draws the details of the organization at `index`.
pub fn details_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: usize,
    organization: &Organization,
    runtime: &mut OrganizationsRuntime,
    commands: &mut Vec<Command>,
) {
    if runtime
        .details
        .as_ref()
        .is_none_or(|d| d.organization != index)
    {
        runtime.details = Some(DetailLists::of(dataset, index));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("org.details_heading")).small().weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button(tr("org.close"))
                .on_hover_text(tr("org.close_hint"))
                .clicked()
            {
                runtime.details_open = false;
            }
        });
    });
    let as_of = runtime.as_of.date;
    let Some(lists) = &runtime.details else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("organization_details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            summary_ui(ui, organization);
            relationships_ui(ui, dataset, organization, as_of, commands);
            facts_ui(ui, dataset, &organization.id, &lists.facts, commands);
            events_ui(ui, dataset, &organization.id, &lists.events, commands);
            let count = lists.mentions.len();
            let mentioned = if count == 1 {
                trf("org.section_mentions_one", &[("n", &count)])
            } else {
                trf("org.section_mentions", &[("n", &count)])
            };
            section(ui, &mentioned);
            mentions_ui(ui, dataset, &lists.mentions, commands);
        });
}

/// The name, kind and acronym, other names, the summary and any editor's note.
fn summary_ui(ui: &mut egui::Ui, organization: &Organization) {
    ui.heading(&organization.name);
    let mut line = kind_label(organization.kind).to_owned();
    if let Some(acronym) = &organization.acronym {
        line = format!("{acronym} · {line}");
    }
    ui.label(RichText::new(line).weak());
    if !organization.aliases.is_empty() {
        ui.label(
            RichText::new(trf(
                "org.also_called",
                &[("names", &organization.aliases.join("; "))],
            ))
            .small()
            .weak(),
        );
    }
    ui.add_space(6.0);
    ui.label(&organization.summary);
    if let Some(note) = &organization.note {
        ui.label(
            RichText::new(trf("org.editors_note", &[("note", note)]))
                .small()
                .italics(),
        );
    }
}

/// Each relationship with the sentence that states it, and with an as-of date
/// how it stood on that day.
fn relationships_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    organization: &Organization,
    as_of: Option<Date>,
    commands: &mut Vec<Command>,
) {
    // Whose relationship, when the unit names its subject.
    match dataset.subject() {
        Some(subject) => section(
            ui,
            &trf("org.section_relationship_of", &[("subject", &subject)]),
        ),
        None => section(ui, tr("org.section_relationship")),
    }
    if organization.relationships.is_empty() {
        ui.label(RichText::new(tr("org.relationship_not_stated")).italics());
    }
    for relationship in &organization.relationships {
        ui.label(RichText::new(undated_text(relationship)).strong());
        if let Some(date) = as_of {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(trf(
                        "org.on_date",
                        &[("date", &crate::i18n::dates::human(&date))],
                    ))
                    .small(),
                );
                ui.label(standing_rich(relationship, date).small());
            });
        }
        ui.label(RichText::new(format!("“{}”", relationship.quote)).italics());
        if let Some(derived) = &relationship.derived {
            ui.label(
                RichText::new(trf("org.date_derived", &[("how", derived)]))
                    .small()
                    .italics(),
            );
        }
        read_in_source(ui, dataset, &relationship.source, commands);
        ui.add_space(6.0);
    }
}

/// The figures about the organization, each with its sources; nothing when
/// there are none.
fn facts_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    organization: &str,
    facts: &[usize],
    commands: &mut Vec<Command>,
) {
    if facts.is_empty() {
        return;
    }
    section(ui, tr("org.section_figures"));
    let id = egui::Id::unique("organization_facts_shown").with(organization);
    paged_ui(ui, id, facts.len(), |ui, i| {
        let fact = facts.get(i).and_then(|&f| dataset.facts.get(f))?;
        ui.label(RichText::new(fact.headline()).strong())
            .on_hover_text(&fact.measure);
        ui.label(RichText::new(&fact.measure).small());
        ui.label(RichText::new(format!("“{}”", fact.quote)).italics());
        if let Some(note) = &fact.note {
            ui.label(
                RichText::new(trf("org.editors_note", &[("note", note)]))
                    .small()
                    .italics(),
            );
        }
        // The figure's first "Read in source" takes the focus for it.
        let mut control = None;
        for source in &fact.sources {
            let button = read_in_source(ui, dataset, source, commands);
            control = control.or(button);
        }
        ui.add_space(6.0);
        control
    });
}

/// The organization's events, each showing itself on the timeline.
fn events_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    organization: &str,
    events: &[usize],
    commands: &mut Vec<Command>,
) {
    section(ui, &trf("org.section_events", &[("n", &events.len())]));
    if events.is_empty() {
        ui.weak(tr("org.no_events"));
    }
    let id = egui::Id::unique("organization_events_shown").with(organization);
    paged_ui(ui, id, events.len(), |ui, i| {
        let (&event_index, event) = events
            .get(i)
            .and_then(|e| Some((e, dataset.events.get(*e)?)))?;
        let text = format!(
            "{} — {}",
            crate::i18n::dates::human(&event.date),
            event.title
        );
        let button = ui
            .add(egui::Button::new(text).wrap())
            .on_hover_text(tr("org.show_event_hint"));
        if button.clicked() {
            commands.push(Command::FocusEvent(EventIx(event_index)));
        }
        Some(button)
    });
}

/// A small heading between the parts of the details.
fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.add_space(2.0);
}

/// The mentions grouped by article: its title, then one small button per paragraph.
fn mentions_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    mentions: &[(usize, u32)],
    commands: &mut Vec<Command>,
) {
    for group in mentions.chunk_by(|a, b| a.0 == b.0) {
        let Some(article) = group.first().and_then(|&(a, _)| dataset.articles.get(a)) else {
            continue;
        };
        ui.label(RichText::new(&article.title).small());
        ui.horizontal_wrapped(|ui| {
            for &(_, paragraph) in group {
                let name = trf(
                    "org.paragraph_of",
                    &[("n", &paragraph), ("title", &article.title)],
                );
                let response = ui
                    .small_button(format!("¶{paragraph}"))
                    .on_hover_text(trf("org.open_paragraph", &[("name", &name)]));
                // The pilcrow reads badly aloud; say what the button opens.
                response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
                if response.clicked() {
                    commands.push(Command::OpenArticle {
                        article: article.id.clone(),
                        paragraph: Some(paragraph),
                    });
                }
            }
        });
        ui.add_space(4.0);
    }
}
