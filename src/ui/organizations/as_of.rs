//! "As of a date": the date the table's relationships are shown for.

use egui::RichText;

use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::{Date, DateError, Event};
use crate::organizations::{self, Counts};

/// The as-of date as typed, and what it means.
#[derive(Clone, Debug, Default)]
pub struct AsOf {
    /// What the reader typed.
    pub text: String,
    /// The date, when the text is one.
    pub date: Option<Date>,
    /// Why the text is not a date; worded when drawn, in the language of the
    /// moment.
    pub error: Option<DateError>,
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
                self.error = Some(error);
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

/// Why a typed text is not a date, in the interface's language. The model's
/// own messages stay English for the command line, and its message for a bad
/// shape mentions spans, which mean nothing here.
fn error_text(error: &DateError) -> String {
    match error {
        DateError::Shape(text) => trf("org.as_of_error_shape", &[("text", text)]),
        DateError::Month { text, month } => {
            trf("org.as_of_error_month", &[("text", text), ("month", month)])
        }
        DateError::Day {
            text,
            month_name,
            year,
            days,
        } => trf(
            "org.as_of_error_day",
            &[
                ("text", text),
                ("month", &crate::i18n::dates::month_named(month_name)),
                ("year", year),
                ("days", days),
            ],
        ),
        DateError::Backwards(text) => trf("org.as_of_error_backwards", &[("text", text)]),
        DateError::YearZero(text) => trf("org.as_of_error_year_zero", &[("text", text)]),
    }
}

/// The date box, its error, and how many relationships were held on the date.
pub fn as_of_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    as_of: &mut AsOf,
    selected_event: Option<&Event>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("org.as_of_label"));
        let mut text = as_of.text.clone();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(tr("org.as_of_hint"))
                    .desired_width(110.0),
            )
            .labelled_by(label.id)
            .on_hover_text(tr("org.as_of_hover"));
        if response.changed() {
            as_of.set_text(dataset, &text);
        }
        if let Some(event) = selected_event {
            let date = event.date.start();
            let button = ui
                .button(trf(
                    "org.as_of_event_date",
                    &[("date", &crate::i18n::dates::human(&date))],
                ))
                .on_hover_text(format!(
                    "{}: {}",
                    crate::i18n::dates::human(&event.date),
                    event.title
                ));
            if button.clicked() {
                as_of.set_date(dataset, date);
            }
        }
        if !as_of.text.is_empty() && ui.button(tr("org.clear")).clicked() {
            as_of.set_text(dataset, "");
        }
    });
    if let Some(error) = &as_of.error {
        ui.colored_label(ui.visuals().error_fg_color, error_text(error));
    }
    if let (Some(date), Some(counts)) = (as_of.date, as_of.counts) {
        ui.label(
            RichText::new(trf(
                "org.as_of_counts",
                &[
                    ("date", &crate::i18n::dates::human(&date)),
                    ("held", &counts.held),
                    ("not_yet", &counts.not_yet),
                    ("unknown", &counts.unknown),
                    ("none", &counts.not_stated),
                ],
            ))
            .small(),
        );
    }
}
