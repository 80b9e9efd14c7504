//! Turkmenistan's headline figures, each with its as-of date and source, and
//! how a figure changed where the articles give it for two dates.

use egui::RichText;

use crate::dataset::Dataset;
use crate::model::Fact;
use crate::organizations::{FigureSeries, change_text};
use crate::ui::app::Command;

/// Draws one block per figure: what is counted, the values oldest first (each
/// opens its source), the change, and any editor's note.
pub fn figures_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    series: &[FigureSeries],
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.heading("Headline figures");
    ui.label(
        RichText::new(
            "Each number holds for the year in brackets; click one to read it in its article.",
        )
        .small()
        .weak(),
    );
    egui::ScrollArea::vertical()
        .id_salt("organizations_figures")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if series.is_empty() {
                ui.weak("The articles give no figures.");
            }
            for one in series {
                let facts: Vec<&Fact> = one
                    .points
                    .iter()
                    .filter_map(|&i| dataset.facts.get(i))
                    .collect();
                ui.add_space(4.0);
                ui.label(RichText::new(capitalised(&one.measure)).strong());
                ui.horizontal_wrapped(|ui| {
                    for (position, fact) in facts.iter().enumerate() {
                        if position > 0 {
                            ui.weak("then");
                        }
                        point_ui(ui, dataset, fact, commands);
                    }
                    if let Some(change) = change_text(&facts) {
                        ui.label(RichText::new(change).weak());
                    }
                });
                for note in facts.iter().filter_map(|f| f.note.as_deref()) {
                    ui.label(RichText::new(note).small().italics());
                }
            }
        });
}

/// One value, "155 countries (2025)", as a button to its first source.
fn point_ui(ui: &mut egui::Ui, dataset: &Dataset, fact: &Fact, commands: &mut Vec<Command>) {
    let response = ui.button(fact.headline()).on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.label(RichText::new(format!("“{}”", fact.quote)).italics());
        if let Some(derived) = &fact.derived {
            ui.label(RichText::new(format!("Date: {derived}")).small());
        }
        for source in &fact.sources {
            if let Some(article) = dataset.article(&source.article) {
                ui.label(
                    RichText::new(format!("{}, paragraph {}", article.title, source.paragraph))
                        .small()
                        .weak(),
                );
            }
        }
        ui.weak("Click to read it in the article.");
    });
    if response.clicked()
        && let Some(source) = fact.sources.first()
    {
        commands.push(Command::OpenArticle {
            article: source.article.clone(),
            paragraph: Some(source.paragraph),
        });
    }
}

/// The measure as a heading: "countries with…" becomes "Countries with…".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
