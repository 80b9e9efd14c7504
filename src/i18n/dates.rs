//! Dates as the interface shows them, in its language: "5 June 2022",
//! "5 июня 2022", "5 iýun 2022"; "June 2022", "июнь 2022"; "1995".
//!
//! The precision is kept exactly as [`Date::human`] and [`When::human`]
//! keep it (those stay English, for the command line and exports); only the
//! words and their order come from the language files. Russian names a month
//! in the genitive after a day ("5 июня") and in the nominative alone
//! ("июнь 2022"); the other languages use one form.

use crate::i18n::{tr, trf};
use crate::model::{Date, Precision, When};

/// A date or span the interface can write out.
pub trait InterfaceDate {
    /// The date in the current interface language, at its own precision.
    fn interface_text(&self) -> String;
}

impl InterfaceDate for Date {
    fn interface_text(&self) -> String {
        date_text(self)
    }
}

impl InterfaceDate for When {
    fn interface_text(&self) -> String {
        when_text(self)
    }
}

impl<T: InterfaceDate + ?Sized> InterfaceDate for &T {
    fn interface_text(&self) -> String {
        (**self).interface_text()
    }
}

/// `date` (a [`Date`] or a [`When`]) in the current interface language.
pub fn human(date: &impl InterfaceDate) -> String {
    date.interface_text()
}

/// `date` where it follows "since" or "from" ("Member since June 2022"):
/// Russian takes the genitive there ("с июня 2022") for a month named
/// without its day; otherwise as [`human`].
pub fn since(date: &Date) -> String {
    match (date.month_number(), date.day_number()) {
        (Some(month), None) => trf(
            "date.month_year",
            &[
                ("month", &month_after_day(month)),
                ("year", &date.year_number()),
            ],
        ),
        _ => date_text(date),
    }
}

fn date_text(date: &Date) -> String {
    let year = date.year_number();
    match (date.month_number(), date.day_number()) {
        (Some(month), Some(day)) => trf(
            "date.day_month_year",
            &[
                ("day", &day),
                ("month", &month_after_day(month)),
                ("year", &year),
            ],
        ),
        (Some(month), None) => trf(
            "date.month_year",
            &[("month", &month_alone(month)), ("year", &year)],
        ),
        _ => year.to_string(),
    }
}

fn when_text(when: &When) -> String {
    let (start, end) = match when {
        When::On(date) => return date_text(date),
        When::Span(start, end) if start == end => return date_text(start),
        When::Span(start, end) => (start, end),
    };
    let same_year = start.year_number() == end.year_number();
    match (start.precision(), end.precision()) {
        (Precision::Day, Precision::Day)
            if same_year && start.month_number() == end.month_number() =>
        {
            trf(
                "date.days_of_one_month",
                &[
                    ("from", &start.day_number().unwrap_or(1)),
                    ("to", &end.day_number().unwrap_or(1)),
                    ("month", &month_after_day(end.month_number().unwrap_or(1))),
                    ("year", &end.year_number()),
                ],
            )
        }
        (Precision::Year, Precision::Year) => trf(
            "date.years",
            &[("from", &start.year_number()), ("to", &end.year_number())],
        ),
        _ => trf(
            "date.span",
            &[("from", &date_text(start)), ("to", &date_text(end))],
        ),
    }
}

/// Month `month` (1-12) as it follows a day number: "June", "июня", "iýun".
pub fn month_after_day(month: u8) -> &'static str {
    match month {
        1 => tr("date.month_of_day_january"),
        2 => tr("date.month_of_day_february"),
        3 => tr("date.month_of_day_march"),
        4 => tr("date.month_of_day_april"),
        5 => tr("date.month_of_day_may"),
        6 => tr("date.month_of_day_june"),
        7 => tr("date.month_of_day_july"),
        8 => tr("date.month_of_day_august"),
        9 => tr("date.month_of_day_september"),
        10 => tr("date.month_of_day_october"),
        11 => tr("date.month_of_day_november"),
        12 => tr("date.month_of_day_december"),
        _ => "?",
    }
}

/// Month `month` (1-12) alone or before a year: "June", "июнь", "iýun".
pub fn month_alone(month: u8) -> &'static str {
    match month {
        1 => tr("date.month_january"),
        2 => tr("date.month_february"),
        3 => tr("date.month_march"),
        4 => tr("date.month_april"),
        5 => tr("date.month_may"),
        6 => tr("date.month_june"),
        7 => tr("date.month_july"),
        8 => tr("date.month_august"),
        9 => tr("date.month_september"),
        10 => tr("date.month_october"),
        11 => tr("date.month_november"),
        12 => tr("date.month_december"),
        _ => "?",
    }
}

/// Month `month` (1-12) shortened, as it follows a day on the timeline's
/// axis: "Jun", "июн.", "iýn".
pub fn short_month_after_day(month: u8) -> &'static str {
    match month {
        1 => tr("date.short_of_day_january"),
        2 => tr("date.short_of_day_february"),
        3 => tr("date.short_of_day_march"),
        4 => tr("date.short_of_day_april"),
        5 => tr("date.short_of_day_may"),
        6 => tr("date.short_of_day_june"),
        7 => tr("date.short_of_day_july"),
        8 => tr("date.short_of_day_august"),
        9 => tr("date.short_of_day_september"),
        10 => tr("date.short_of_day_october"),
        11 => tr("date.short_of_day_november"),
        12 => tr("date.short_of_day_december"),
        _ => "?",
    }
}

/// Month `month` (1-12) shortened and alone, as a tick of the timeline's
/// axis: "Jun", "июнь", "iýn".
pub fn short_month_alone(month: u8) -> &'static str {
    match month {
        1 => tr("date.short_january"),
        2 => tr("date.short_february"),
        3 => tr("date.short_march"),
        4 => tr("date.short_april"),
        5 => tr("date.short_may"),
        6 => tr("date.short_june"),
        7 => tr("date.short_july"),
        8 => tr("date.short_august"),
        9 => tr("date.short_september"),
        10 => tr("date.short_october"),
        11 => tr("date.short_november"),
        12 => tr("date.short_december"),
        _ => "?",
    }
}

/// Characters of the widest name `names` gives for a month, for laying out
/// labels before they are drawn.
pub fn widest_month(names: fn(u8) -> &'static str) -> usize {
    (1..=12)
        .map(|m| names(m).chars().count())
        .max()
        .unwrap_or(0)
}

/// An English month name (as the model's messages carry it) in the current
/// language, alone; the text itself if it names no month.
pub fn month_named(english: &str) -> String {
    (1..=12)
        .find(|&m| crate::model::month_name(m) == english)
        .map_or_else(|| english.to_owned(), |m| month_alone(m).to_owned())
}

/// Every month name the interface may show in the current language, in
/// every form: for checks that each can be drawn and none is English.
pub fn every_month_name() -> Vec<&'static str> {
    let forms: [fn(u8) -> &'static str; 4] = [
        month_after_day,
        month_alone,
        short_month_after_day,
        short_month_alone,
    ];
    forms.iter().flat_map(|form| (1..=12).map(form)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, set_language};

    /// `text` in `language`, the thread's language put back after.
    fn in_language(language: Language, text: impl Fn() -> String) -> String {
        set_language(language);
        let out = text();
        set_language(Language::English);
        out
    }

    fn when(text: &str) -> When {
        When::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_month_after_since_is_in_the_genitive_in_russian() {
        let june = when("2022-06");
        let When::On(june) = june else {
            panic!("one date");
        };
        assert_eq!(in_language(Language::Russian, || since(&june)), "июня 2022");
        assert_eq!(in_language(Language::English, || since(&june)), "June 2022");
        assert_eq!(in_language(Language::Turkmen, || since(&june)), "iýun 2022");
        let year = crate::model::Date::parse("1995").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(in_language(Language::Russian, || since(&year)), "1995");
    }

    #[test]
    fn every_precision_in_every_language() {
        // (date, English, Russian, Turkmen)
        let cases = [
            ("1995", "1995", "1995", "1995"),
            ("2022-06", "June 2022", "июнь 2022", "iýun 2022"),
            ("2022-06-05", "5 June 2022", "5 июня 2022", "5 iýun 2022"),
            (
                "1995-12-12",
                "12 December 1995",
                "12 декабря 1995",
                "12 dekabr 1995",
            ),
            (
                "1995-10-18/1995-10-20",
                "18–20 October 1995",
                "18–20 октября 1995",
                "18–20 oktýabr 1995",
            ),
            ("1995/1996", "1995–1996", "1995–1996", "1995–1996"),
            ("2025/2025", "2025", "2025", "2025"),
            (
                "2020-06/2020-12",
                "June 2020 – December 2020",
                "июнь 2020 – декабрь 2020",
                "iýun 2020 – dekabr 2020",
            ),
            (
                "1995-12-12/1996-01-05",
                "12 December 1995 – 5 January 1996",
                "12 декабря 1995 – 5 января 1996",
                "12 dekabr 1995 – 5 ýanwar 1996",
            ),
            (
                "2025/2025-03",
                "2025 – March 2025",
                "2025 – март 2025",
                "2025 – mart 2025",
            ),
        ];
        for (text, en, ru, tk) in cases {
            let date = when(text);
            for (language, want) in [
                (Language::English, en),
                (Language::Russian, ru),
                (Language::Turkmen, tk),
            ] {
                assert_eq!(in_language(language, || human(&date)), want, "{text}");
            }
            if let When::On(single) = date {
                assert_eq!(in_language(Language::Russian, || human(&single)), ru);
            }
        }
    }

    #[test]
    fn english_is_the_model_s_own_text() {
        for text in [
            "1995",
            "2007-12",
            "1995-12-12",
            "1995-10-18/1995-10-20",
            "1995/1996",
            "2020-06/2020-12",
            "1995-11/1995-12-12",
        ] {
            let date = when(text);
            assert_eq!(
                in_language(Language::English, || human(&date)),
                date.human()
            );
        }
    }

    #[test]
    fn no_month_is_english_outside_english_and_every_one_has_a_name() {
        let english: Vec<&str> = (1..=12)
            .flat_map(|m| {
                [
                    crate::model::month_name(m),
                    &crate::model::month_name(m)[..3],
                ]
            })
            .collect();
        for language in [Language::Russian, Language::Turkmen] {
            set_language(language);
            let names = every_month_name();
            set_language(Language::English);
            assert_eq!(names.len(), 48);
            for name in names {
                assert!(!name.is_empty() && name != "?", "{language:?}");
                assert!(
                    // Turkmen shortens March as "mar": lower case, not the English "Mar".
                    !english.contains(&name),
                    "{language:?}: {name} is English"
                );
            }
        }
    }

    #[test]
    fn an_english_month_in_a_message_is_named_in_the_language() {
        assert_eq!(
            in_language(Language::Russian, || month_named("February")),
            "февраль"
        );
        assert_eq!(in_language(Language::Turkmen, || month_named("May")), "maý");
        assert_eq!(
            in_language(Language::Russian, || month_named("Smarch")),
            "Smarch"
        );
    }
}
