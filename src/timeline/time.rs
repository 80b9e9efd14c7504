//! Day numbers and spans of days: the one time axis everything else is drawn on.
//!
//! A day number counts days since 1970-01-01 in the proleptic Gregorian calendar
//! (negative before). Spans are half-open, `[start, end)`, so a date known to the
//! day covers exactly one day and a year covers all of its 365 or 366 days.

use crate::model::{Date, When};

/// Days from 0000-03-01 to 1970-01-01: the civil algorithms below count from
/// a March epoch so that the leap day falls at the end of their year.
const EPOCH_SHIFT: i64 = 719_468;
/// Days in one 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

/// Days since 1970-01-01 of the given civil date (negative before it).
///
/// Proleptic Gregorian, after Howard Hinnant's `days_from_civil`. A month outside
/// 1–12 is clamped into it; a day past the month's end simply counts on into the
/// next month (day 0 is the last day of the month before), which is harmless and
/// keeps this total.
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    let month = i64::from(month.clamp(1, 12));
    // Count years from March so that February, with its leap day, comes last.
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT
}

/// The civil date (year, month 1–12, day 1–31) of a day number; the inverse of
/// [`day_number`]. Years beyond the range of `i32` saturate.
pub fn civil_from_day(day: i64) -> (i32, u8, u8) {
    let shifted = day.saturating_add(EPOCH_SHIFT);
    let era = shifted.div_euclid(DAYS_PER_ERA);
    let day_of_era = shifted.rem_euclid(DAYS_PER_ERA);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = era
        .saturating_mul(400)
        .saturating_add(year_of_era)
        .saturating_add(i64::from(month <= 2));
    let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
    // Both are in range by construction (1–12 and 1–31).
    let month = u8::try_from(month).unwrap_or(1);
    let day_of_month = u8::try_from(day_of_month).unwrap_or(1);
    (year, month, day_of_month)
}

/// Day number of a (year, month, day) tuple as given by [`Date::first_day`].
fn day_of((year, month, day): (i32, u8, u8)) -> f64 {
    // Exact: any day number of an i32 year is far below 2^53.
    day_number(year, month, day) as f64
}

/// A half-open interval of days, `[start, end)`, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeSpan {
    /// The first day covered.
    pub start: f64,
    /// The first day after the span.
    pub end: f64,
}

impl TimeSpan {
    /// The span `[start, end)`. An end before the start is taken as the start:
    /// the span is then empty, a single instant.
    pub fn new(start: f64, end: f64) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// Every day `when` may mean: from the first day of its start date to the
    /// last day of its end date, both included. "1997" covers the whole year,
    /// "2007-12" the whole month and "1995-12-12" one day.
    pub fn of(when: &When) -> Self {
        let start = day_of(when.start().first_day());
        let end = day_of(when.end().last_day()) + 1.0;
        Self::new(start, end)
    }

    /// Every day `date` may mean (see [`Self::of`]).
    pub fn of_date(date: &Date) -> Self {
        Self::of(&When::On(*date))
    }

    /// Length in days.
    pub fn len(&self) -> f64 {
        self.end - self.start
    }

    /// True when the span covers no time (a single instant).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The middle of the span.
    pub fn center(&self) -> f64 {
        self.start + self.len() / 2.0
    }

    /// True if the spans share some time (half-open: touching ends do not count).
    ///
    /// An empty span is an instant and intersects a span that contains it, so an
    /// event of no length is still found by a range it falls in.
    pub fn intersects(&self, other: &TimeSpan) -> bool {
        // For non-empty spans equal starts already imply an overlap; the extra
        // test only lets an instant at the very start of a span count.
        (self.start < other.end && other.start < self.end) || self.start == other.start
    }

    /// True if `t` lies in `[start, end)`.
    pub fn contains(&self, t: f64) -> bool {
        self.start <= t && t < self.end
    }

    /// The smallest span covering both.
    pub fn union(&self, other: &TimeSpan) -> TimeSpan {
        TimeSpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_of_known_dates() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(1969, 12, 31), -1);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1900, 1, 1), -25_567);
        assert_eq!(day_number(1995, 12, 12), 9_476);
        assert_eq!(day_number(0, 3, 1), -719_468);
    }

    #[test]
    fn civil_from_day_inverts_day_number() {
        for day in (-1_000_000..1_000_000).step_by(97) {
            let (y, m, d) = civil_from_day(day);
            assert_eq!(day_number(y, m, d), day, "{y}-{m}-{d}");
        }
        for (y, m, d) in [(1900, 2, 28), (2000, 2, 29), (2024, 12, 31), (-44, 3, 15)] {
            assert_eq!(civil_from_day(day_number(y, m, d)), (y, m, d));
        }
    }

    #[test]
    fn spans_cover_the_precision_of_a_date() {
        let year = TimeSpan::of(&When::parse("1997").unwrap());
        assert_eq!(year.len(), 365.0);
        assert_eq!(year.start, day_number(1997, 1, 1) as f64);
        let month = TimeSpan::of(&When::parse("2024-02").unwrap());
        assert_eq!(month.len(), 29.0);
        let day = TimeSpan::of_date(&Date::day(1995, 12, 12));
        assert_eq!(day, TimeSpan::new(9_476.0, 9_477.0));
        let span = TimeSpan::of(&When::parse("1995-10-18/1995-10-20").unwrap());
        assert_eq!(span.len(), 3.0);
        let years = TimeSpan::of(&When::parse("1995/1996").unwrap());
        assert_eq!(years.len(), 731.0);
    }

    #[test]
    fn half_open_intersection_and_containment() {
        let a = TimeSpan::new(0.0, 10.0);
        assert!(a.intersects(&TimeSpan::new(9.0, 20.0)));
        assert!(!a.intersects(&TimeSpan::new(10.0, 20.0)));
        assert!(!TimeSpan::new(10.0, 20.0).intersects(&a));
        assert!(
            a.intersects(&TimeSpan::new(0.0, 0.0)),
            "an instant at the start"
        );
        assert!(
            !a.intersects(&TimeSpan::new(10.0, 10.0)),
            "an instant at the end"
        );
        assert!(a.contains(0.0) && !a.contains(10.0));
        assert_eq!(
            a.union(&TimeSpan::new(20.0, 30.0)),
            TimeSpan::new(0.0, 30.0)
        );
        assert_eq!(a.center(), 5.0);
        assert!(TimeSpan::new(5.0, 1.0).is_empty());
    }
}
