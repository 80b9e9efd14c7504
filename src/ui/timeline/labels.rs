//! The words the timeline puts on events: a category's name, a date with its
//! precision, a day at a tick's precision.

use crate::dataset::Dataset;
use crate::i18n::{dates, tr, trf};
use crate::model::{Category, EventCategory, Precision, When};
use crate::timeline::{TickUnit, civil_from_day};

/// A category's name in the interface's language: a built-in category's
/// translated ([`EventCategory::label`] stays English for the command line
/// and exports), a unit's own as its manifest writes it.
pub fn category_label(category: &Category) -> String {
    let Some(builtin) = category.builtin else {
        return category.label.clone();
    };
    match builtin {
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
    .to_owned()
}

/// The category label of lane `lane` of `dataset`'s full view.
pub fn category_lane_label(dataset: &Dataset, lane: usize) -> Option<String> {
    dataset.categories.get(lane).map(category_label)
}

/// A day number as text of the given unit's precision.
pub fn day_label(day: f64, unit: TickUnit) -> String {
    let (year, month, d) = civil_from_day(day.floor() as i64);
    match unit {
        TickUnit::Day => trf(
            "date.day_month_year",
            &[
                ("day", &d),
                ("month", &dates::short_month_after_day(month)),
                ("year", &year),
            ],
        ),
        TickUnit::Month => trf(
            "date.month_year",
            &[("month", &dates::short_month_alone(month)), ("year", &year)],
        ),
        _ => year.to_string(),
    }
}

/// "1997 (year only)", "December 2007 (month only)", "12 December 1995".
pub fn date_with_precision(when: &When) -> String {
    match when {
        When::On(date) => match date.precision() {
            Precision::Day => crate::i18n::dates::human(&date),
            Precision::Month => trf(
                "timeline.date_month_only",
                &[("date", &crate::i18n::dates::human(&date))],
            ),
            Precision::Year => trf(
                "timeline.date_year_only",
                &[("date", &crate::i18n::dates::human(&date))],
            ),
        },
        When::Span(..) => trf(
            "timeline.date_span",
            &[("date", &crate::i18n::dates::human(&when))],
        ),
    }
}

/// How many characters of `title` to keep so that they and an ellipsis fit
/// in `room`, cut where a word ends; `None` if the whole title fits.
///
/// `ends` are the x where each character ends (as laid out on one line),
/// `ellipsis` the ellipsis's width. Only when not even the first word fits is
/// it cut inside that word; when not even one character fits, 0.
pub fn word_cut(title: &str, ends: &[f32], room: f32, ellipsis: f32) -> Option<usize> {
    if ends.last().is_none_or(|&end| end <= room) {
        return None;
    }
    let fits = |kept: usize| {
        kept.checked_sub(1)
            .and_then(|last| ends.get(last))
            .is_none_or(|&end| end + ellipsis <= room)
    };
    // Each place a word ends, from the last: before a space or after a
    // dash, with the punctuation before the space kept ("Ashgabat," stays
    // whole). Read from the end, pair by pair, with nothing collected.
    let count = title.chars().count();
    let mut reversed = title.chars().rev();
    let mut next = reversed.next().unwrap_or(' ');
    for (kept, last) in (1..count).rev().zip(reversed) {
        let word_end =
            (next.is_whitespace() && !last.is_whitespace()) || matches!(last, '–' | '—' | '-');
        if word_end && fits(kept) {
            return Some(kept);
        }
        next = last;
    }
    Some((0..count).rev().find(|&kept| fits(kept)).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::word_cut;

    /// Every character 7 px wide.
    fn ends(title: &str) -> Vec<f32> {
        (1..=title.chars().count())
            .map(|n| n as f32 * 7.0)
            .collect()
    }

    #[test]
    fn a_title_is_cut_after_a_whole_word_or_not_at_all() {
        let titles = [
            "First UN General Assembly resolution on Turkmenistan’s permanent neutrality",
            "ECO summit in Ashgabat opens with the Tejen–Sarahs–Mashhad railway",
            "Short",
            "Внешнеполитический курс нейтралитета",
        ];
        for title in titles {
            let chars: Vec<char> = title.chars().collect();
            for room in (0..600).step_by(5) {
                let room = room as f32;
                let Some(kept) = word_cut(title, &ends(title), room, 7.0) else {
                    assert!(chars.len() as f32 * 7.0 <= room, "{title} at {room}");
                    continue;
                };
                assert!(kept < chars.len());
                assert!(
                    kept as f32 * 7.0 + 7.0 <= room || kept == 0,
                    "{title} at {room}"
                );
                let first_word = chars.iter().take_while(|c| !c.is_whitespace()).count();
                if (first_word as f32 + 1.0) * 7.0 <= room {
                    let next = chars.get(kept).copied().unwrap_or(' ');
                    let last = chars.get(kept.saturating_sub(1)).copied().unwrap_or(' ');
                    assert!(
                        next.is_whitespace() || matches!(last, '–' | '—' | '-'),
                        "{title} cut inside a word at {room}: {kept}"
                    );
                }
            }
        }
    }

    /// The cut as it was first written (every character collected, then
    /// the word ends searched from the last): the one above must agree.
    fn word_cut_collected(title: &str, ends: &[f32], room: f32, ellipsis: f32) -> Option<usize> {
        if ends.last().is_none_or(|&end| end <= room) {
            return None;
        }
        let fits = |kept: usize| {
            kept.checked_sub(1)
                .and_then(|last| ends.get(last))
                .is_none_or(|&end| end + ellipsis <= room)
        };
        let chars: Vec<char> = title.chars().collect();
        let mut word_ends = (1..chars.len())
            .rev()
            .filter(|&kept| {
                let next = chars.get(kept).copied().unwrap_or(' ');
                let last = chars.get(kept - 1).copied().unwrap_or(' ');
                (next.is_whitespace() && !last.is_whitespace()) || matches!(last, '–' | '—' | '-')
            })
            .peekable();
        if word_ends.peek().is_some() {
            for kept in word_ends {
                if fits(kept) {
                    return Some(kept);
                }
            }
        }
        Some((0..chars.len()).rev().find(|&kept| fits(kept)).unwrap_or(0))
    }

    proptest::proptest! {
        #[test]
        fn the_cut_is_the_collected_cut(
            title in "[a-cА-В ,\\-–—\t]{0,40}",
            widths in proptest::collection::vec(0.0f32..12.0, 0..48),
            room in 0.0f32..300.0,
            ellipsis in 0.0f32..12.0,
        ) {
            // Glyph ends as a line lays them out (growing), or as many as the
            // widths give (fewer or more than the characters, as a font may).
            let ends: Vec<f32> = widths
                .iter()
                .scan(0.0, |x, w| {
                    *x += w;
                    Some(*x)
                })
                .collect();
            proptest::prop_assert_eq!(
                word_cut(&title, &ends, room, ellipsis),
                word_cut_collected(&title, &ends, room, ellipsis)
            );
        }
    }
}
