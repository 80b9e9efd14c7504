//! Which of two events came first, and four events to put in order.
//!
//! Two events are compared only if one ends before the other begins, taking
//! each date at its own precision: "1995" (any day of that year) and "12
//! December 1995" could be in either order, so they are never paired; a span
//! covers every day from its start to its end. Planned events are left out,
//! since they may not have happened. Every event must have a sentence that
//! states its year; one whose date the editor worked out or marked is left
//! out by the bank (rule 4). An anniversary also asks the beginning it counts
//! from.

use crate::model::{Event, Precision, month_name};
use crate::quiz::Rng;

use super::super::bank::effective;
use super::super::claims::{Footprint, Record};
use super::super::evidence::{self, Evidence};
use super::super::options::Difficulty;
use super::super::question::{Question, QuestionKind};
use super::super::random::{sample, shuffle, stable_rank};
use super::super::text::{
    fold_case_and_punctuation, has_number, has_word, key_words, names_day, quoted,
};
use super::dates::{date_evidence, derivation};
use super::{Ask, footprints};

/// The first and last day an event may cover.
type Day = (i32, u8, u8);

fn days(event: &Event) -> (Day, Day) {
    let when = effective(&event.date);
    (when.start().first_day(), when.end().last_day())
}

/// Whether `a` surely ended before `b` began.
pub(crate) fn strictly_before(a: &Event, b: &Event) -> bool {
    days(a).1 < days(b).0
}

/// The sentence that states the event's (start) date, at its full precision
/// if one does ("2 February 2017" rather than "in 2017"), else its year.
fn year_evidence(ask: &Ask<'_, '_>, pos: usize, event: &Event) -> Option<Evidence> {
    if let Some(known) = ask.memo.dated.borrow().get(&pos) {
        return known.clone();
    }
    let found = find_year_evidence(ask, event);
    ask.memo.dated.borrow_mut().insert(pos, found.clone());
    found
}

fn find_year_evidence(ask: &Ask<'_, '_>, event: &Event) -> Option<Evidence> {
    let start = effective(&event.date).start();
    let year = i64::from(start.year_number());
    let precise = match (start.month_number(), start.day_number()) {
        (Some(month), Some(day)) => Some((month, Some(day))),
        (Some(month), None) => Some((month, None)),
        _ => None,
    };
    let found = precise.and_then(|(month, day)| {
        let about = key_words(&event.title);
        evidence::stating(
            ask.bank.dataset,
            &event.sources,
            |s| match day {
                Some(day) => names_day(s, month, day) && has_number(s, year),
                None => has_word(s, month_name(month)) && has_number(s, year),
            },
            &about,
        )
    });
    found.or_else(|| date_evidence(ask, event, |s| has_number(s, year)))
}

/// Whether [`year_evidence`] would find a sentence, cheaply: a cited
/// paragraph gives the year, or the record says how it was worked out.
/// Candidates are checked with this; only the chosen ones are quoted.
fn dated(ask: &Ask<'_, '_>, event: &Event) -> bool {
    let year = i64::from(effective(&event.date).start().year_number());
    event.derived().is_some()
        || evidence::states_somewhere(ask.bank.dataset, &event.sources, |text| {
            has_number(text, year)
        })
}

/// "Turkmenistan joins the United Nations (1992): “…” (…, paragraph 5)."
fn line(ask: &Ask<'_, '_>, event: &Event, evidence: &Evidence) -> String {
    format!(
        "{} — {}: {}.{}",
        event.title,
        effective(&event.date).human(),
        evidence.cite(ask.bank.dataset),
        derivation(event)
    )
}

/// The event at `pos` of the chronology, with its index in the dataset.
fn event_at<'d>(ask: &Ask<'_, 'd>, pos: usize) -> Option<&'d Event> {
    let index = *ask.bank.chronology.get(pos)?;
    ask.bank.dataset.events.get(index as usize)
}

/// Chronologies up to this long are ranked whole for partners; a longer one
/// is sampled, so that a question costs the same on 100,000 events.
const RANKED_WHOLE: usize = 2048;

/// Positions near `pos` (Hard: within `window` places on the timeline) or
/// anywhere, best partner first, `pos` left out. They are ranked by a hash
/// of each event's id, so that an event added to or removed from the
/// dataset does not change the partners of other questions (unless it is
/// one of them), and a code keeps its questions on an edited dataset.
fn partners(ask: &Ask<'_, '_>, pos: usize, window: usize, rng: &mut Rng) -> Vec<usize> {
    let len = ask.bank.chronology.len();
    let positions: Vec<usize> = if ask.difficulty == Difficulty::Hard {
        (pos.saturating_sub(window)..(pos + window + 1).min(len)).collect()
    } else if len <= RANKED_WHOLE {
        (0..len).collect()
    } else {
        sample(len, rng)
    };
    let salt = rng.next_u64();
    let mut ranked: Vec<(u64, usize)> = positions
        .into_iter()
        .filter(|&p| p != pos)
        .filter_map(|p| Some((stable_rank(salt, &event_at(ask, p)?.id), p)))
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, p)| p).collect()
}

/// About the events; asks (and its explanation gives) the year of each,
/// since a quiz that gave one of them away would halve the question, and,
/// for an anniversary, the beginning it counts from (whose year gives its
/// own).
fn years(ask: &Ask<'_, '_>, events: &[&Event]) -> Footprint {
    let dataset = ask.bank.dataset;
    let claims = events
        .iter()
        .flat_map(|e| {
            let mut claims = vec![footprints::event_date(dataset, e, Precision::Year)];
            claims.extend(footprints::counted_from(dataset, e));
            claims
        })
        .collect();
    let about = events
        .iter()
        .map(|e| Record::Event(e.id.to_string()))
        .collect();
    Footprint::asking(about, claims)
}

/// Which of two events came first; the anchor is `pos` of the chronology.
pub(super) fn which_first(ask: &Ask<'_, '_>, pos: usize, rng: &mut Rng) -> Option<Question> {
    let a = event_at(ask, pos)?;
    if !dated(ask, a) {
        return None;
    }
    let a_evidence = year_evidence(ask, pos, a)?;
    for other in partners(ask, pos, 6, rng).into_iter().take(12) {
        let Some(b) = event_at(ask, other) else {
            continue;
        };
        let (first, second) = if strictly_before(a, b) {
            (a, b)
        } else if strictly_before(b, a) {
            (b, a)
        } else {
            continue;
        };
        let gap = days(second).0.0 - days(first).1.0;
        if (ask.difficulty == Difficulty::Easy && gap < 5)
            || fold_case_and_punctuation(&a.title) == fold_case_and_punctuation(&b.title)
        {
            continue;
        }
        if !dated(ask, b) {
            continue;
        }
        let b_evidence = year_evidence(ask, other, b)?;
        let (first_evidence, second_evidence) = if first.id == a.id {
            (&a_evidence, &b_evidence)
        } else {
            (&b_evidence, &a_evidence)
        };
        let earlier_first = rng.below(2) == 0;
        let options = if earlier_first {
            vec![first.title.to_string(), second.title.to_string()]
        } else {
            vec![second.title.to_string(), first.title.to_string()]
        };
        let (low, high) = if a.id < b.id { (a, b) } else { (b, a) };
        let explanation = format!(
            "{} came first.\n{}\n{}",
            quoted(&first.title),
            line(ask, first, first_evidence),
            line(ask, second, second_evidence)
        );
        let mut sources = vec![first_evidence.source.clone()];
        if second_evidence.source != first_evidence.source {
            sources.push(second_evidence.source.clone());
        }
        return Some(
            Question {
                kind: QuestionKind::WhichFirst,
                topic: QuestionKind::WhichFirst.topic(),
                prompt: "Which of these happened first?".to_owned(),
                options,
                answer: vec![usize::from(!earlier_first)],
                explanation,
                sources,
                id: format!("{}:{}:{}", QuestionKind::WhichFirst.key(), low.id, high.id),
                footprint: Footprint::default(),
            }
            .with(years(ask, &[a, b])),
        );
    }
    None
}

/// Four events to put in order; the anchor is `pos` of the chronology.
pub(super) fn order(ask: &Ask<'_, '_>, pos: usize, rng: &mut Rng) -> Option<Question> {
    let anchor = event_at(ask, pos)?;
    if !dated(ask, anchor) {
        return None;
    }
    let mut picked: Vec<(usize, &Event)> = vec![(pos, anchor)];
    for other in partners(ask, pos, 8, rng).into_iter().take(24) {
        if picked.len() == 4 {
            break;
        }
        let Some(event) = event_at(ask, other) else {
            continue;
        };
        let fits = picked.iter().all(|&(p, chosen)| {
            p != other
                && (strictly_before(chosen, event) || strictly_before(event, chosen))
                && fold_case_and_punctuation(&chosen.title)
                    != fold_case_and_punctuation(&event.title)
        });
        if fits && dated(ask, event) {
            picked.push((other, event));
        }
    }
    if picked.len() < 4 {
        return None;
    }
    picked.sort_by_key(|&(_, event)| days(event));
    if ask.difficulty == Difficulty::Easy
        && picked
            .windows(2)
            .any(|w| days(w[1].1).0.0 - days(w[0].1).1.0 < 3)
    {
        return None;
    }
    let mut lines = Vec::with_capacity(4);
    let mut sources = Vec::with_capacity(4);
    let mut quoted_already: Vec<Evidence> = Vec::with_capacity(4);
    for (n, &(at, event)) in picked.iter().enumerate() {
        let evidence = year_evidence(ask, at, event)?;
        // Several resolutions recalled in one long preamble paragraph would
        // quote it three times over.
        let text = if quoted_already.contains(&evidence) {
            format!(
                "{} — {}: in the same sentence as above.{}",
                event.title,
                effective(&event.date).human(),
                derivation(event)
            )
        } else {
            line(ask, event, &evidence)
        };
        lines.push(format!("{}. {text}", n + 1));
        if !sources.contains(&evidence.source) {
            sources.push(evidence.source.clone());
        }
        quoted_already.push(evidence);
    }
    // Chronological place of each option, then the option of each place.
    let mut places: Vec<usize> = (0..4).collect();
    shuffle(&mut places, rng);
    let options = places
        .iter()
        .map(|&place| picked[place].1.title.to_string())
        .collect();
    let answer = (0..4)
        .filter_map(|place| places.iter().position(|&p| p == place))
        .collect();
    let ids: Vec<&str> = picked.iter().map(|(_, e)| &*e.id).collect();
    let events: Vec<&Event> = picked.iter().map(|&(_, e)| e).collect();
    Some(
        Question {
            kind: QuestionKind::Order,
            topic: QuestionKind::Order.topic(),
            prompt: "Put these events in order, earliest first.".to_owned(),
            options,
            answer,
            explanation: format!("From earliest to latest:\n{}", lines.join("\n")),
            sources,
            id: format!("{}:{}", QuestionKind::Order.key(), ids.join(":")),
            footprint: Footprint::default(),
        }
        .with(years(ask, &events)),
    )
}
