//! "As of a date": the date the table's relationships are shown for.

use egui::RichText;

use super::OrganizationsRuntime;
use crate::dataset::Dataset;
use crate::model::{Date, DateError, Event};
use crate::organizations::{self, Counts};

/// The as-of date as typed, and what it means.
#[derive(Clone, Debug, Default)]
pub struct AsOf {
    /// What the reader typed.
    pub text: String,
    /// The date, when the text is one.
    pub date: Option<Date>,
    /// Why the text is not a date.
    pub error: Option<String>,
    /// How the organizations stood on `date`, counted when it was set.
    counts: Option<Counts>,
}

impl AsOf {
    /// Sets the date from `text` ("1995", "1995-12", "1995-12-12"); an empty
    /// text clears it. A text that is not a date keeps no date and says why.
    pub fn set_text(&mut self, dataset: &Dataset, text: &str) {
        text.clone_into(&mut self.text);
        let trimmed = text.trim();
        let parsed = if trimmed.is_empty() {
            Ok(None)
        } else {
            Date::parse(trimmed).map(Some)
        };
        match parsed {
            Ok(date) => {
                self.date = date;
                self.error = None;
            }
            Err(error) => {
                self.date = None;
                self.error = Some(match error {
                    // Its own message mentions spans, which mean nothing here.
                    DateError::Shape(_) => format!(
                        "“{trimmed}” is not a date: write a year (1995), a month (1995-12) or a day (1995-12-12)."
                    ),
                    other => format!("{other}."),
                });
            }
        }
        self.counts = self
            .date
            .map(|date| organizations::counts_on(dataset, date));
    }

    /// Shows the relationships as of `date`.
    pub fn set_date(&mut self, dataset: &Dataset, date: Date) {
        self.set_text(dataset, &date.iso());
    }
}

/// The date box, its error, and how many relationships were held on the date.
pub fn as_of_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut OrganizationsRuntime,
    selected_event: Option<&Event>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Relationships as of");
        let mut text = runtime.as_of.text.clone();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("any date")
                    .desired_width(110.0),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "A year (1995), a month (1995-12) or a day (1995-12-12). Empty: as the articles state them, undated.",
            );
        if response.changed() {
            runtime.as_of.set_text(dataset, &text);
        }
        if let Some(event) = selected_event {
            let date = event.date.start();
            let button = ui
                .button(format!("Date of the selected event ({})", date.human()))
                .on_hover_text(format!("{}: {}", event.date.human(), event.title));
            if button.clicked() {
                runtime.as_of.set_date(dataset, date);
            }
        }
        if !runtime.as_of.text.is_empty() && ui.button("Clear").clicked() {
            runtime.as_of.set_text(dataset, "");
        }
    });
    if let Some(error) = &runtime.as_of.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    if let (Some(date), Some(counts)) = (runtime.as_of.date, runtime.as_of.counts) {
        ui.label(
            RichText::new(format!(
                "On {}: {} held, {} not yet, {} unknown (since-date not stated or too vague), {} with no relationship stated.",
                date.human(),
                counts.held,
                counts.not_yet,
                counts.unknown,
                counts.not_stated
            ))
            .small(),
        );
    }
}
