//! When an event happened: its year, its month, its day.
//!
//! * The month and the day are asked only when the date has that precision;
//!   a span is asked only for its start, and the prompt says "begin".
//! * A planned event is asked as planned ("For which year was this planned").
//! * No option is a year, month or day inside the event's span, and none is
//!   one the title names ("2025 proclaimed the International Year…" never
//!   gets a 2025 option). If the title names the answer, nothing is asked.
//! * A sentence of a cited paragraph must state the answer; the explanation
//!   quotes it. A date the editor worked out (`derived`) or marked as resting
//!   on an ambiguous sentence is never asked (rule 4: the bank leaves such
//!   events out of every dataset), so the wording below for a worked-out
//!   date is no longer reached.
//! * An anniversary's date also asks the beginning it counts from, and one
//!   occasion told as two events (same place, overlapping days) is asked
//!   about once.

use crate::model::{Event, Precision, When, days_in_month, month_name};
use crate::quiz::Rng;

use super::super::bank::effective;
use super::super::claims::{Footprint, Record};
use super::super::distractors::{days, months, sorted_options, years};
use super::super::evidence::{self, Evidence, sources_with_first};
use super::super::question::{Question, QuestionKind};
use super::super::text::{has_number, has_word, key_words, named_days, names_day, numbers, quoted};
use super::{Ask, footprints, one_answer};

/// The sentence that states the event's date (`states`); for a date worked
/// out from the text, the sentence closest to the event's title, since a
/// sentence that happens to hold the worked-out year may be about something
/// else ("the summit in Cartagena in October of 1995" for joining the
/// Movement, whose 25th anniversary the sentence before marks).
pub(super) fn date_evidence(
    ask: &Ask<'_, '_>,
    event: &Event,
    states: impl Fn(&str) -> bool,
) -> Option<Evidence> {
    let dataset = ask.bank.dataset;
    if event.derived().is_some() {
        let about = key_words(&event.title);
        return evidence::closest(dataset, &event.sources, &about)
            .or_else(|| evidence::stating(dataset, &event.sources, &states, &about));
    }
    // Most candidates of a large dataset fail here, before any sentence is split.
    if !evidence::states_somewhere(dataset, &event.sources, &states) {
        return None;
    }
    evidence::stating(dataset, &event.sources, &states, &key_words(&event.title))
}

/// "How the date is known: …" for a worked-out date, else nothing.
pub(super) fn derivation(event: &Event) -> String {
    event
        .derived()
        .map(|d| format!(" The article does not print the date; it is worked out: {d}"))
        .unwrap_or_default()
}

/// A year, month or day question about `dataset.events[index]`.
pub(super) fn event_date(
    ask: &Ask<'_, '_>,
    kind: QuestionKind,
    index: usize,
    rng: &mut Rng,
) -> Option<Question> {
    let dataset = ask.bank.dataset;
    let event = dataset.events.get(index)?;
    if event.planned && event.derived().is_some() {
        return None;
    }
    let when = effective(&event.date);
    let (date, begins) = match when {
        When::On(date) => (date, false),
        When::Span(start, _) => (start, true),
    };
    let (first, last) = (when.start().first_day(), when.end().last_day());
    let inside = |day: (i32, u8, u8)| first <= day && day <= last;
    let title = &*event.title;
    let year = date.year_number();
    // Whole templates by tense: a title may be a clause ("Turkmenistan joins
    // the UN") or a noun ("Moscow Declaration"), so it stands in apposition
    // to "this event" rather than as the subject of a verb.
    let verb = match (event.planned, begins) {
        (false, false) => "did this event take place",
        (false, true) => "did this event begin",
        (true, false) => "is this event planned",
        (true, true) => "is this event planned to begin",
    };
    let (prompt, answer, candidates, evidence, phrase) = match kind {
        QuestionKind::EventYear => {
            if has_number(title, i64::from(year)) {
                return None;
            }
            let mut excluded: Vec<i32> = numbers(title)
                .filter_map(|n| i32::try_from(n).ok())
                .collect();
            excluded.extend(first.0..=last.0);
            if event.derived().is_some() {
                excluded.extend([year - 1, year + 1]);
            }
            let latest = ask.bank.latest_year.max(year) + 2;
            let evidence = date_evidence(ask, event, |s| has_number(s, i64::from(year)))?;
            let candidates = years(year, &excluded, latest, ask.difficulty, rng);
            let lead = if event.planned && !begins {
                "For which year"
            } else {
                "In which year"
            };
            (
                format!("{lead} {verb}: {}?", quoted(title)),
                (i64::from(year), year.to_string()),
                candidates,
                evidence,
                year.to_string(),
            )
        }
        QuestionKind::EventMonth => {
            let month = date.month_number()?;
            let name = month_name(month);
            if has_word(title, name) {
                return None;
            }
            let excluded: Vec<u8> = (1..=12u8)
                .filter(|&m| {
                    let whole = ((year, m, 1), (year, m, days_in_month(year, m)));
                    (m != month && whole.0 <= last && first <= whole.1)
                        || has_word(title, month_name(m))
                })
                .collect();
            let evidence = date_evidence(ask, event, |s| has_word(s, name))?;
            let candidates = months(month, &excluded, ask.difficulty, rng);
            let lead = if event.planned && !begins {
                "For which month"
            } else {
                "In which month"
            };
            (
                format!("{lead} of {year} {verb}: {}?", quoted(title)),
                (i64::from(month), name.to_owned()),
                candidates,
                evidence,
                format!("{name} {year}"),
            )
        }
        QuestionKind::EventDay => {
            let (month, day) = (date.month_number()?, date.day_number()?);
            if names_day(title, month, day) {
                return None;
            }
            let in_title = named_days(title);
            let excluded = |m: u8, d: u8| inside((year, m, d)) || in_title.contains(&(m, d));
            let evidence = date_evidence(ask, event, |s| names_day(s, month, day))?;
            let candidates = days(year, (month, day), excluded, ask.difficulty, rng);
            let lead = if event.planned && !begins {
                "For which date"
            } else {
                "On which date"
            };
            (
                format!("{lead} in {year} {verb}: {}?", quoted(title)),
                (
                    i64::from(month) * 100 + i64::from(day),
                    format!("{day} {}", month_name(month)),
                ),
                candidates,
                evidence,
                date.human(),
            )
        }
        _ => return None,
    };
    let options = sorted_options(answer, candidates)?;
    let stated = match (event.planned, begins) {
        (false, false) => phrase,
        (false, true) => format!(
            "began {} {phrase} (it ran {})",
            preposition(kind),
            when.human()
        ),
        (true, false) => format!("planned for {phrase}"),
        (true, true) => format!("planned to begin {} {phrase}", preposition(kind)),
    };
    let mut explanation = format!(
        "{title}: {stated}. The article says: {}.",
        evidence.cite(dataset)
    );
    explanation.push_str(&derivation(event));
    if event.planned {
        explanation.push_str(" The article speaks of it as still to come.");
    }
    let precision = match kind {
        QuestionKind::EventDay => Precision::Day,
        QuestionKind::EventMonth => Precision::Month,
        _ => Precision::Year,
    };
    // The prompt of a month or day question states the year.
    // An anniversary's date also gives the date it counts from.
    let mut asks = vec![footprints::event_date(dataset, event, precision)];
    asks.extend(footprints::counted_from(dataset, event));
    // One occasion told as two events (a conference and its outcome) is
    // asked about once.
    let mut about = vec![Record::Event(event.id.to_string())];
    for other in footprints::same_occasion(dataset, event) {
        about.push(Record::Event(other.id.to_string()));
        asks.push(footprints::event_date(dataset, other, Precision::Year));
    }
    let footprint = Footprint::asking(about, asks).revealing([footprints::event_date(
        dataset,
        event,
        Precision::Year,
    )]);
    Some(
        one_answer(
            kind,
            format!("{}:{}", kind.key(), event.id),
            prompt,
            options,
            explanation,
            sources_with_first(&evidence.source, &event.sources),
        )
        .with(footprint),
    )
}

fn preposition(kind: QuestionKind) -> &'static str {
    if kind == QuestionKind::EventDay {
        "on"
    } else {
        "in"
    }
}
