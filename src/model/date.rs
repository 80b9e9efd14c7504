//! Dates with honest precision: a year, a month or a day, and spans between two of them.
//!
//! In the data files a date is an ISO 8601 string of its precision (`"1995"`,
//! `"2007-12"`, `"1995-12-12"`) and a span is two of them joined by `/`
//! (`"1995-10-18/1995-10-20"`, `"2025/2025"` for a whole year).

use std::cmp::Ordering;
use std::fmt;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date known to a year, a month or a day.
///
/// Construct with [`Date::year`], [`Date::month`], [`Date::day`] or parse with
/// [`Date::parse`]; [`Date::calendar_error`] tells whether it is a real date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("“{0}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a span as START/END)")]
    Shape(String),
    /// The month is not 1 to 12.
    #[error("“{text}” has month {month}, but months run from 01 to 12")]
    Month { text: String, month: u32 },
    /// The day does not exist in that month.
    #[error("“{text}” is not a real date: {month_name} {year} has {days} days")]
    Day {
        text: String,
        month_name: &'static str,
        year: i32,
        days: u8,
    },
    /// A span ends before it starts.
    #[error("“{0}” ends before it starts")]
    Backwards(String),
    /// The year 0000, which the calendar does not have.
    #[error(
        "“{0}” is in the year 0000, which the calendar does not have: 1 BC is followed by AD 1, and a dataset gives years from 0001"
    )]
    YearZero(String),
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `month` (1-12), or "?" outside that range.
pub fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date known only to its year.
    pub const fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to its month. The month is not checked: see [`Self::calendar_error`].
    pub const fn month(year: i32, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A date known to the day. Not checked: see [`Self::calendar_error`].
    pub const fn day(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and checks that the date exists.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let date = Self::parse_shape(text)?;
        date.calendar_error(text).map_or(Ok(date), Err)
    }

    /// Reads the shape only; an impossible date such as `1995-02-30` is returned
    /// as it stands so that validation can report every one with its place.
    pub fn parse_shape(text: &str) -> Result<Self, DateError> {
        let shape_error = || DateError::Shape(text.to_owned());
        let mut parts = text.split('-');
        let year = parts.next().ok_or_else(shape_error)?;
        let month = parts.next();
        let day = parts.next();
        if parts.next().is_some()
            || year.len() != 4
            || month.is_some_and(|m| m.len() != 2)
            || day.is_some_and(|d| d.len() != 2)
        {
            return Err(shape_error());
        }
        let number = |s: &str| -> Result<u32, DateError> {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| shape_error())
            } else {
                Err(shape_error())
            }
        };
        let year = i32::try_from(number(year)?).map_err(|_| shape_error())?;
        let month = month.map(number).transpose()?;
        let day = day.map(number).transpose()?;
        // Two digits each, so these always fit in a u8.
        Ok(Self {
            year,
            month: month.and_then(|m| u8::try_from(m).ok()),
            day: day.and_then(|d| u8::try_from(d).ok()),
        })
    }

    /// `Some(error)` if this is not a real calendar date (month 13, 30 February).
    pub fn calendar_error(&self, text: &str) -> Option<DateError> {
        if self.year == 0 {
            return Some(DateError::YearZero(text.to_owned()));
        }
        let month = self.month?;
        if !(1..=12).contains(&month) {
            return Some(DateError::Month {
                text: text.to_owned(),
                month: u32::from(month),
            });
        }
        let day = self.day?;
        let days = days_in_month(self.year, month);
        (day == 0 || day > days).then(|| DateError::Day {
            text: text.to_owned(),
            month_name: month_name(month),
            year: self.year,
            days,
        })
    }

    /// The year.
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month (1-12), if known.
    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day_number(&self) -> Option<u8> {
        self.day
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The earliest day this date may mean, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day this date may mean, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self
            .day
            .unwrap_or_else(|| days_in_month(self.year, month.clamp(1, 12)));
        (self.year, month, day)
    }

    /// ISO 8601 text of this date's precision: `1995`, `2007-12`, `1995-12-12`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Plain English of this date's precision: `1995`, `December 2007`, `12 December 1995`.
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    /// Chronological by earliest possible day; a less precise date sorts before a
    /// more precise one that starts on the same day.
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

/// When something happened: on a date, or over a span between two dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// A single date of some precision.
    On(Date),
    /// From the first date to the second, both included.
    Span(Date, Date),
}

impl When {
    /// Reads `DATE` or `START/END`, checking the shape only (see [`Date::parse_shape`]).
    pub fn parse_shape(text: &str) -> Result<Self, DateError> {
        match text.split_once('/') {
            None => Date::parse_shape(text).map(When::On),
            Some((start, end)) => match (Date::parse_shape(start), Date::parse_shape(end)) {
                (Ok(start), Ok(end)) => Ok(When::Span(start, end)),
                // Quote the whole text, not the half that failed.
                _ => Err(DateError::Shape(text.to_owned())),
            },
        }
    }

    /// Reads and checks a date or span completely.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let when = Self::parse_shape(text)?;
        when.calendar_error(text).map_or(Ok(when), Err)
    }

    /// `Some(error)` if a date in it does not exist or the span runs backwards.
    pub fn calendar_error(&self, text: &str) -> Option<DateError> {
        match self {
            When::On(date) => date.calendar_error(text),
            When::Span(start, end) => {
                let (start_text, end_text) = text.split_once('/').unwrap_or((text, text));
                start
                    .calendar_error(start_text)
                    .or_else(|| end.calendar_error(end_text))
                    .or_else(|| {
                        (end.last_day() < start.first_day())
                            .then(|| DateError::Backwards(text.to_owned()))
                    })
            }
        }
    }

    /// The first date.
    pub fn start(&self) -> Date {
        match self {
            When::On(date) | When::Span(date, _) => *date,
        }
    }

    /// The last date (the same as the first for a single date).
    pub fn end(&self) -> Date {
        match self {
            When::On(date) | When::Span(_, date) => *date,
        }
    }

    /// ISO 8601 text: a date, or `START/END`.
    pub fn iso(&self) -> String {
        match self {
            When::On(date) => date.iso(),
            When::Span(start, end) => format!("{}/{}", start.iso(), end.iso()),
        }
    }

    /// Plain English: `12 December 1995`, `18–20 October 1995`, `1995–1996`, `2025`.
    pub fn human(&self) -> String {
        match self {
            When::On(date) => date.human(),
            When::Span(start, end) if start == end => start.human(),
            When::Span(start, end) => {
                let same_year = start.year == end.year;
                match (start.precision(), end.precision()) {
                    (Precision::Day, Precision::Day) if same_year && start.month == end.month => {
                        format!(
                            "{}–{} {} {}",
                            start.day.unwrap_or(1),
                            end.day.unwrap_or(1),
                            month_name(end.month.unwrap_or(1)),
                            end.year
                        )
                    }
                    (Precision::Year, Precision::Year) => format!("{}–{}", start.year, end.year),
                    _ => format!("{} – {}", start.human(), end.human()),
                }
            }
        }
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for When {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then_with(|| self.end().cmp(&other.end()))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_zero_is_refused_at_every_precision_and_in_a_span() {
        for text in ["0000", "0000-12", "0000-12-31", "0000/0001", "0001/0000"] {
            let error = When::parse_shape(text)
                .ok()
                .and_then(|when| when.calendar_error(text));
            assert!(
                matches!(error, Some(DateError::YearZero(_))),
                "{text}: {error:?}"
            );
        }
        assert!(Date::parse("0001").is_ok());
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(Date::parse("1995"), Ok(Date::year(1995)));
        assert_eq!(Date::parse("2007-12"), Ok(Date::month(2007, 12)));
        assert_eq!(Date::parse("1995-12-12"), Ok(Date::day(1995, 12, 12)));
        assert_eq!(Date::day(1995, 12, 12).precision(), Precision::Day);
        assert_eq!(Date::month(2007, 12).precision(), Precision::Month);
        assert_eq!(Date::year(1997).precision(), Precision::Year);
    }

    #[test]
    fn rejects_wrong_shapes() {
        for text in [
            "",
            "95",
            "12/12/1995",
            "1995-1-01",
            "1995-01-1",
            "1995-01-01-01",
            "199x",
        ] {
            assert!(
                matches!(Date::parse(text), Err(DateError::Shape(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_impossible_dates_with_a_plain_reason() {
        let err = Date::parse("1995-02-30").unwrap_err();
        assert_eq!(
            err.to_string(),
            "“1995-02-30” is not a real date: February 1995 has 28 days"
        );
        assert!(matches!(
            Date::parse("1995-13"),
            Err(DateError::Month { month: 13, .. })
        ));
        assert!(Date::parse("2024-02-29").is_ok(), "2024 is a leap year");
        assert!(Date::parse("1900-02-29").is_err(), "1900 is not");
        assert!(Date::parse("2000-02-29").is_ok(), "2000 is");
    }

    #[test]
    fn impossible_dates_keep_their_shape_until_checked() {
        let date = Date::parse_shape("1995-02-30").unwrap();
        assert!(date.calendar_error("1995-02-30").is_some());
    }

    #[test]
    fn spans_parse_and_must_run_forwards() {
        let span = When::parse("1995-10-18/1995-10-20").unwrap();
        assert_eq!(span.human(), "18–20 October 1995");
        assert_eq!(span.iso(), "1995-10-18/1995-10-20");
        assert_eq!(When::parse("1995/1996").unwrap().human(), "1995–1996");
        assert_eq!(When::parse("2025/2025").unwrap().human(), "2025");
        assert!(matches!(
            When::parse("1996/1995"),
            Err(DateError::Backwards(_))
        ));
        // A year span may end in the same year as a month inside it.
        assert!(When::parse("2025/2025-03").is_ok());
    }

    #[test]
    fn human_text_never_invents_precision() {
        assert_eq!(Date::year(1997).human(), "1997");
        assert_eq!(Date::month(2007, 12).human(), "December 2007");
        assert_eq!(Date::day(1995, 12, 12).human(), "12 December 1995");
    }

    #[test]
    fn orders_chronologically() {
        let mut dates = vec![
            Date::day(1995, 12, 12),
            Date::year(1995),
            Date::month(1995, 10),
            Date::year(1992),
        ];
        dates.sort();
        assert_eq!(
            dates,
            vec![
                Date::year(1992),
                Date::year(1995),
                Date::month(1995, 10),
                Date::day(1995, 12, 12)
            ]
        );
    }

    #[test]
    fn first_and_last_day_cover_the_precision() {
        assert_eq!(Date::year(2025).first_day(), (2025, 1, 1));
        assert_eq!(Date::year(2025).last_day(), (2025, 12, 31));
        assert_eq!(Date::month(2024, 2).last_day(), (2024, 2, 29));
    }
}
