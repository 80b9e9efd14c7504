//! Turkmenistan's headline figures, each with its as-of date and source, and
//! how a figure changed where the articles give it for two dates.

use egui::RichText;

use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Fact;
use crate::organizations::{FigureSeries, change_text};
use crate::ui::command::Command;

/// Draws one block per figure: what is counted, the values oldest first (each
/// opens its source), the change, and any editor's note.
pub fn figures_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    series: &[FigureSeries],
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.heading(tr("org.figures_heading"));
    ui.label(RichText::new(tr("org.figures_explanation")).small().weak());
    egui::ScrollArea::vertical()
        .id_salt("organizations_figures")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if series.is_empty() {
                ui.weak(tr("org.no_figures"));
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
                            ui.weak(tr("org.figures_then"));
                        }
                        point_ui(ui, dataset, fact, commands);
                    }
                    if let Some(change) = change_label(&facts) {
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
            ui.label(RichText::new(trf("org.figure_date", &[("how", derived)])).small());
        }
        for source in &fact.sources {
            if let Some(article) = dataset.article(&source.article) {
                ui.label(
                    RichText::new(trf(
                        "org.figure_source",
                        &[("title", &article.title), ("n", &source.paragraph)],
                    ))
                    .small()
                    .weak(),
                );
            }
        }
        ui.weak(tr("org.figure_click_hint"));
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

/// How a figure changed from its first value to its last, "(+6 from 2022 to
/// 2025)", in the interface's language; shown when [`change_text`] (the
/// command line's English) would show it.
fn change_label(facts: &[&Fact]) -> Option<String> {
    change_text(facts)?;
    let (first, last) = (facts.first()?, facts.last()?);
    let difference = last.value - first.value;
    let sign = if difference > 0.0 { "+" } else { "" };
    let amount = if difference.fract() == 0.0 {
        format!("{sign}{}", difference as i64)
    } else {
        format!("{sign}{difference}")
    };
    Some(trf(
        "org.figure_change",
        &[
            ("change", &amount),
            ("from", &crate::i18n::dates::human(&first.as_of)),
            ("to", &crate::i18n::dates::human(&last.as_of)),
        ],
    ))
}

/// The measure as a heading: "countries with…" becomes "Countries with…".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
