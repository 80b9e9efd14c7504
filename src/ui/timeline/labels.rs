//! The words the timeline puts on events: a category's name, a date with its
//! precision, a day at a tick's precision.

use crate::i18n::{tr, trf};
use crate::model::{EventCategory, Precision, When};
use crate::timeline::{TickUnit, civil_from_day};

/// A category's name in the interface's language; [`EventCategory::label`]
/// stays English for the command line and exports.
pub fn category_label(category: EventCategory) -> &'static str {
    match category {
        EventCategory::UnResolution => tr("timeline.category_un_resolution"),
        EventCategory::Summit => tr("timeline.category_summit"),
        EventCategory::Conference => tr("timeline.category_conference"),
        EventCategory::Meeting => tr("timeline.category_meeting"),
        EventCategory::Talks => tr("timeline.category_talks"),
        EventCategory::Agreement => tr("timeline.category_agreement"),
        EventCategory::Establishment => tr("timeline.category_establishment"),
        EventCategory::Membership => tr("timeline.category_membership"),
        EventCategory::Milestone => tr("timeline.category_milestone"),
        EventCategory::Anniversary => tr("timeline.category_anniversary"),
        EventCategory::Initiative => tr("timeline.category_initiative"),
        EventCategory::InternationalYear => tr("timeline.category_international_year"),
        EventCategory::Programme => tr("timeline.category_programme"),
    }
}

/// The category label of a lane in the full view.
pub fn category_lane_label(lane: usize) -> Option<String> {
    EventCategory::ALL
        .get(lane)
        .map(|c| category_label(*c).to_owned())
}

/// A day number as text of the given unit's precision.
pub fn day_label(day: f64, unit: TickUnit) -> String {
    let (year, month, d) = civil_from_day(day.floor() as i64);
    let short = crate::model::month_name(month).get(..3).unwrap_or("?");
    match unit {
        TickUnit::Day => format!("{d} {short} {year}"),
        TickUnit::Month => format!("{short} {year}"),
        _ => year.to_string(),
    }
}

/// "1997 (year only)", "December 2007 (month only)", "12 December 1995".
pub fn date_with_precision(when: &When) -> String {
    match when {
        When::On(date) => match date.precision() {
            Precision::Day => date.human(),
            Precision::Month => trf("timeline.date_month_only", &[("date", &date.human())]),
            Precision::Year => trf("timeline.date_year_only", &[("date", &date.human())]),
        },
        When::Span(..) => trf("timeline.date_span", &[("date", &when.human())]),
    }
}
