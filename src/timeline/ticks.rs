//! Axis ticks that adapt to the zoom and whose labels never overlap.
//!
//! The finest calendar unit whose ticks are far enough apart for their widest
//! label wins. Ticks sit on real calendar boundaries (the first of a month, 1
//! January of a year or decade), never at even multiples of some day count.

use super::time::{civil_from_day, day_number};
use super::transform::Transform;
use crate::i18n::dates;

/// Room left between one label's end and the next tick, in pixels.
pub const TICK_GAP_PX: f64 = 12.0;

/// The calendar unit between ticks, finest first.
///
/// The ladder is dense (each step at most about two and a half times the
/// last), so that whatever the zoom the chosen unit leaves several ticks on
/// screen rather than one lonely year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TickUnit {
    /// Every day.
    Day,
    /// Every other day of a month: the 1st, 3rd, 5th…
    TwoDays,
    /// The 1st, 6th, 11th, 16th, 21st and 26th of a month.
    FiveDays,
    /// The 1st, 8th, 15th and 22nd of a month.
    Week,
    /// The 1st and 16th of a month.
    HalfMonth,
    /// The first of every month.
    Month,
    /// The first of every other month: January, March, May…
    TwoMonths,
    /// The first of January, April, July and October.
    Quarter,
    /// 1 January and 1 July.
    HalfYear,
    /// 1 January of every year.
    Year,
    /// 1 January of every even year.
    TwoYears,
    /// 1 January of every year divisible by 5.
    FiveYears,
    /// 1 January of every year divisible by 10.
    Decade,
    /// 1 January of every year divisible by 20.
    TwentyYears,
    /// 1 January of every year divisible by 50.
    FiftyYears,
    /// 1 January of every year divisible by 100.
    Century,
}

impl TickUnit {
    /// Every unit, finest first.
    pub const ALL: [TickUnit; 16] = [
        TickUnit::Day,
        TickUnit::TwoDays,
        TickUnit::FiveDays,
        TickUnit::Week,
        TickUnit::HalfMonth,
        TickUnit::Month,
        TickUnit::TwoMonths,
        TickUnit::Quarter,
        TickUnit::HalfYear,
        TickUnit::Year,
        TickUnit::TwoYears,
        TickUnit::FiveYears,
        TickUnit::Decade,
        TickUnit::TwentyYears,
        TickUnit::FiftyYears,
        TickUnit::Century,
    ];

    /// The shortest time between two ticks of this unit, in days.
    ///
    /// Within a month, a day too close to the next month's 1st is left out
    /// (see [`Self::days`]). For the year units: 365 days a year plus the
    /// leap days that many consecutive years always hold (one fewer than a
    /// quarter, since a century year may skip its leap day).
    pub fn shortest_days(self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::TwoDays => 2.0,
            TickUnit::FiveDays => 5.0,
            TickUnit::Week => 7.0,
            TickUnit::HalfMonth => 13.0,
            TickUnit::Month => 28.0,
            TickUnit::TwoMonths => 59.0,
            TickUnit::Quarter => 90.0,
            TickUnit::HalfYear => 181.0,
            TickUnit::Year => 365.0,
            TickUnit::TwoYears => 730.0,
            TickUnit::FiveYears => 1_825.0,
            TickUnit::Decade => 3_651.0,
            TickUnit::TwentyYears => 7_304.0,
            TickUnit::FiftyYears => 18_261.0,
            TickUnit::Century => 36_524.0,
        }
    }

    /// For the units within a month: the step between days from the 1st, and
    /// how close to the next 1st a tick may be (a day closer is left out).
    fn days(self) -> Option<(u8, u8)> {
        match self {
            TickUnit::Day => Some((1, 1)),
            TickUnit::TwoDays => Some((2, 2)),
            TickUnit::FiveDays => Some((5, 5)),
            TickUnit::Week => Some((7, 7)),
            TickUnit::HalfMonth => Some((15, 13)),
            _ => None,
        }
    }

    /// Months between ticks, for the units that tick on the first of a month.
    fn months(self) -> Option<u8> {
        match self {
            TickUnit::Month => Some(1),
            TickUnit::TwoMonths => Some(2),
            TickUnit::Quarter => Some(3),
            TickUnit::HalfYear => Some(6),
            _ => None,
        }
    }

    /// Years between ticks, for the units that tick on 1 January.
    fn years(self) -> Option<i32> {
        match self {
            TickUnit::Year => Some(1),
            TickUnit::TwoYears => Some(2),
            TickUnit::FiveYears => Some(5),
            TickUnit::Decade => Some(10),
            TickUnit::TwentyYears => Some(20),
            TickUnit::FiftyYears => Some(50),
            TickUnit::Century => Some(100),
            _ => None,
        }
    }

    /// Characters of this unit's widest label, given the widest year label.
    fn widest_label_chars(self, year_chars: usize) -> usize {
        if self.days().is_some() {
            // "1 Dec" (other days show the day alone), in the interface's language.
            2 + dates::widest_month(dates::short_month_after_day)
        } else if self.months().is_some() {
            // January shows its year instead of "Jan".
            dates::widest_month(dates::short_month_alone).max(year_chars)
        } else {
            year_chars
        }
    }
}

/// One tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The day number of the boundary.
    pub t: f64,
    /// Its screen x.
    pub x: f64,
    /// The text to draw, left-aligned at `x`.
    pub label: String,
    /// True if the boundary is also one of the next coarser unit (1 January
    /// among months, a decade among five-year ticks; a millennium among centuries).
    pub major: bool,
}

/// The ticks of one frame.
#[derive(Clone, Debug, PartialEq)]
pub struct TickSet {
    /// The unit chosen for this zoom.
    pub unit: TickUnit,
    /// The ticks on screen, left to right.
    pub ticks: Vec<Tick>,
}

/// The ticks for `transform`, labels measured as `char_width_px` per character.
///
/// Picks the finest unit whose shortest tick spacing leaves room for its widest
/// label plus [`TICK_GAP_PX`]; labels drawn left-aligned at their tick then
/// never overlap. Only ticks with x within the strip are returned, sorted by x.
/// Cheap enough for every frame: it allocates the Vec and the labels only.
pub fn ticks(transform: &Transform, char_width_px: f64) -> TickSet {
    let char_width = if char_width_px > 0.0 && char_width_px.is_finite() {
        char_width_px
    } else {
        0.0
    };
    let visible = transform.visible();
    let days_per_px = transform.days_per_px();
    if !(visible.start.is_finite() && visible.end.is_finite()) {
        return TickSet {
            unit: TickUnit::Century,
            ticks: Vec::new(),
        };
    }
    let first_day = visible.start.floor() as i64;
    let last_day = visible.end.ceil() as i64;
    let year_chars = year_label_chars(civil_from_day(first_day).0)
        .max(year_label_chars(civil_from_day(last_day).0));
    let needed_px =
        |unit: TickUnit| unit.widest_label_chars(year_chars) as f64 * char_width + TICK_GAP_PX;
    let fits = |unit: TickUnit, stride: f64| {
        unit.shortest_days() * stride / days_per_px >= needed_px(unit)
    };

    let chosen = TickUnit::ALL.into_iter().find(|&unit| fits(unit, 1.0));
    let (unit, stride) = match chosen {
        Some(unit) => (unit, 1),
        None => {
            // Wider labels than even centuries allow: tick every few centuries.
            let century = TickUnit::Century;
            let needed = needed_px(century) * days_per_px / century.shortest_days();
            let stride = needed.ceil().clamp(1.0, 1.0e6) as i32;
            (century, stride)
        }
    };

    // Each tick is at least `needed` pixels from the next, so no more than this
    // fit; the cap only guards the loops against a transform gone wrong.
    let spacing_px = (unit.shortest_days() * f64::from(stride) / days_per_px).max(1.0);
    let max_ticks = (transform.width() / spacing_px).floor().min(1.0e5) as usize + 2;
    let mut out = Vec::with_capacity(max_ticks);
    let left = transform.left();
    let right = left + transform.width();
    let mut push = |t: i64, label: String, major: bool| -> bool {
        let t = t as f64;
        let x = transform.x_from_t(t);
        if x > right || out.len() >= max_ticks {
            return false;
        }
        if x >= left {
            out.push(Tick { t, x, label, major });
        }
        true
    };

    let (start_year, start_month, _) = civil_from_day(first_day);
    if let Some((step, closest)) = unit.days() {
        for day in first_day..=last_day {
            let (year, month, day_of_month) = civil_from_day(day);
            let month_len = days_in_month(year, month);
            let on_step = (day_of_month - 1) % step == 0;
            if !on_step || month_len + 1 - day_of_month < closest {
                continue;
            }
            let label = if day_of_month == 1 {
                format!("1 {}", dates::short_month_after_day(month))
            } else {
                day_of_month.to_string()
            };
            if !push(day, label, day_of_month == 1) {
                break;
            }
        }
    } else if let Some(months) = unit.months() {
        let (mut year, mut month) = (start_year, start_month);
        loop {
            if (month - 1) % months == 0 {
                let label = if month == 1 {
                    year.to_string()
                } else {
                    dates::short_month_alone(month).to_owned()
                };
                if !push(day_number(year, month, 1), label, month == 1) {
                    break;
                }
            }
            if month == 12 {
                let Some(next) = year.checked_add(1) else {
                    break;
                };
                (year, month) = (next, 1);
            } else {
                month += 1;
            }
        }
    } else {
        let years = unit.years().unwrap_or(100);
        let step = years.saturating_mul(stride);
        let coarser = coarser_years(unit).saturating_mul(stride);
        let mut year = start_year.div_euclid(step).saturating_mul(step);
        loop {
            let major = year.rem_euclid(coarser) == 0;
            if !push(day_number(year, 1, 1), year.to_string(), major) {
                break;
            }
            let Some(next) = year.checked_add(step) else {
                break;
            };
            year = next;
        }
    }
    TickSet { unit, ticks: out }
}

/// Years between boundaries of the next coarser unit (a millennium above centuries).
fn coarser_years(unit: TickUnit) -> i32 {
    match unit {
        TickUnit::TwoYears | TickUnit::FiveYears => 10,
        TickUnit::Decade => 50,
        TickUnit::TwentyYears | TickUnit::FiftyYears => 100,
        TickUnit::Century => 1000,
        _ => 5,
    }
}

/// Days in `month` of `year`.
fn days_in_month(year: i32, month: u8) -> u8 {
    let (next_year, next_month) = if month == 12 {
        (year.saturating_add(1), 1)
    } else {
        (year, month + 1)
    };
    let days = day_number(next_year, next_month, 1) - day_number(year, month, 1);
    u8::try_from(days).unwrap_or(31)
}

/// Characters of `year` written out, sign included, without formatting it.
fn year_label_chars(year: i32) -> usize {
    let digits = year
        .unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as usize + 1);
    digits + usize::from(year < 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::time::TimeSpan;

    const CHAR_WIDTH: f64 = 7.0;

    fn view(center: f64, len: f64, width: f64) -> Transform {
        Transform::new(
            TimeSpan::new(center - len / 2.0, center + len / 2.0),
            20.0,
            width,
        )
    }

    /// Visible lengths from 14 days to 400 years, each about 15% more than the last.
    fn zoom_levels() -> Vec<f64> {
        let mut levels = Vec::new();
        let mut len = Transform::MIN_VISIBLE_DAYS;
        while len <= 400.0 * 365.2425 {
            levels.push(len);
            len *= 1.15;
        }
        levels.push(400.0 * 365.2425);
        levels
    }

    fn centres() -> [f64; 4] {
        [
            day_number(1900, 1, 1) as f64,
            day_number(1995, 12, 12) as f64 + 0.37,
            day_number(2030, 6, 30) as f64,
            day_number(1970, 1, 1) as f64,
        ]
    }

    #[test]
    fn labels_never_overlap_and_stay_on_screen() {
        for center in centres() {
            for width in [300.0, 640.0, 1200.0, 2000.0] {
                for len in zoom_levels() {
                    for char_width in [CHAR_WIDTH, 9.5] {
                        let tr = view(center, len, width);
                        let set = ticks(&tr, char_width);
                        let narrowest = set.ticks.iter().map(|t| t.label.chars().count()).min();
                        let narrowest = narrowest.unwrap_or(0) as f64 * char_width;
                        let bound = width / (narrowest + TICK_GAP_PX) + 2.0;
                        assert!(set.ticks.len() as f64 <= bound, "{} ticks", set.ticks.len());
                        for tick in &set.ticks {
                            assert!(tick.x >= tr.left() && tick.x <= tr.left() + tr.width());
                            assert!((tr.x_from_t(tick.t) - tick.x).abs() < 1e-9);
                        }
                        for pair in set.ticks.windows(2) {
                            let [a, b] = pair else { unreachable!() };
                            let label_px = a.label.chars().count() as f64 * char_width;
                            assert!(
                                b.x - a.x >= label_px + TICK_GAP_PX - 1e-6,
                                "{:?} {} then {} at {len} days, {width} px",
                                set.unit,
                                a.label,
                                b.label
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_zoom_from_a_century_to_two_weeks_shows_three_labels() {
        for center in centres() {
            for width in [400.0, 640.0, 1200.0, 2000.0] {
                for len in zoom_levels().into_iter().filter(|&l| l <= 100.0 * 365.2425) {
                    for char_width in [6.4, CHAR_WIDTH] {
                        let set = ticks(&view(center, len, width), char_width);
                        assert!(
                            set.ticks.len() >= 3,
                            "{:?}: {:?} at {len} days, {width} px",
                            set.unit,
                            set.ticks.iter().map(|t| &t.label).collect::<Vec<_>>()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ticks_within_a_month_keep_clear_of_the_next_first() {
        for unit in [
            TickUnit::TwoDays,
            TickUnit::FiveDays,
            TickUnit::Week,
            TickUnit::HalfMonth,
        ] {
            for year in [1996, 2023, 2100] {
                let start = day_number(year, 1, 1) as f64;
                // A view where `unit` just fits (labels of 5 px and the
                // gap), over a whole year.
                let days_per_px = unit.shortest_days() / (5.0 + TICK_GAP_PX + 0.5);
                let tr = Transform::new(
                    TimeSpan::new(start, start + 365.0),
                    0.0,
                    365.0 / days_per_px,
                );
                let set = ticks(&tr, 1.0);
                assert_eq!(set.unit, unit);
                for pair in set.ticks.windows(2) {
                    let [a, b] = pair else { unreachable!() };
                    assert!(
                        b.t - a.t >= unit.shortest_days(),
                        "{unit:?}: {} then {}",
                        a.label,
                        b.label
                    );
                }
            }
        }
    }

    #[test]
    fn unit_gets_finer_as_you_zoom_in() {
        for center in centres() {
            for width in [300.0, 1200.0, 2000.0] {
                let mut previous = TickUnit::Century;
                for len in zoom_levels().into_iter().rev() {
                    let unit = ticks(&view(center, len, width), CHAR_WIDTH).unit;
                    assert!(
                        unit <= previous,
                        "{unit:?} after {previous:?} at {len} days"
                    );
                    previous = unit;
                }
                assert!(
                    previous <= TickUnit::Month,
                    "zoomed in ends on days or months"
                );
            }
        }
        assert_eq!(
            ticks(&view(0.0, 20.0, 1200.0), CHAR_WIDTH).unit,
            TickUnit::Day
        );
        let whole = ticks(&view(0.0, Transform::MAX_VISIBLE_DAYS, 1200.0), CHAR_WIDTH);
        assert!(whole.unit >= TickUnit::Decade);
    }

    #[test]
    fn month_view_labels_january_with_its_year() {
        let center = day_number(1996, 1, 1) as f64;
        let set = ticks(&view(center, 400.0, 1200.0), CHAR_WIDTH);
        assert_eq!(set.unit, TickUnit::Month);
        let january = set.ticks.iter().find(|t| t.label == "1996").unwrap();
        assert_eq!(january.t, center);
        assert!(january.major);
        let december = set.ticks.iter().find(|t| t.label == "Dec").unwrap();
        assert!(!december.major);
        assert_eq!(december.t, day_number(1995, 12, 1) as f64);
    }

    #[test]
    fn day_view_names_the_month_on_the_first() {
        let center = day_number(1995, 12, 1) as f64;
        let set = ticks(&view(center, 20.0, 1600.0), CHAR_WIDTH);
        assert_eq!(set.unit, TickUnit::Day);
        let labels: Vec<&str> = set.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"1 Dec"), "{labels:?}");
        assert!(labels.contains(&"30"), "{labels:?}");
        assert!(labels.contains(&"2"), "{labels:?}");
    }

    #[test]
    fn year_units_tick_on_round_years() {
        let center = day_number(1960, 1, 1) as f64;
        let set = ticks(&view(center, 150.0 * 365.25, 1200.0), CHAR_WIDTH);
        assert!(set.unit >= TickUnit::FiveYears, "{:?}", set.unit);
        let step = set.unit.years().unwrap();
        for tick in &set.ticks {
            let year: i32 = tick.label.parse().unwrap();
            assert_eq!(year % step, 0);
            assert_eq!(tick.t, day_number(year, 1, 1) as f64);
        }
    }

    #[test]
    fn very_wide_labels_fall_back_to_every_few_centuries() {
        let tr = view(0.0, Transform::MAX_VISIBLE_DAYS, 300.0);
        let set = ticks(&tr, 40.0);
        assert_eq!(set.unit, TickUnit::Century);
        for pair in set.ticks.windows(2) {
            let [a, b] = pair else { unreachable!() };
            assert!(b.x - a.x >= 4.0 * 40.0 + TICK_GAP_PX);
        }
    }

    #[test]
    fn year_label_width_counts_digits_and_sign() {
        assert_eq!(year_label_chars(1995), 4);
        assert_eq!(year_label_chars(0), 1);
        assert_eq!(year_label_chars(-44), 3);
        assert_eq!(year_label_chars(10_000), 5);
    }
}
