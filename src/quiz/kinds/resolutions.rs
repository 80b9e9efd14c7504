//! UN General Assembly resolutions: the number of a resolution from its date
//! and subject, and its subject and date from its number.
//!
//! The subject comes from the event's title: the words after the number
//! ("UN resolution 75/28 on the role of neutrality" → "on the role of
//! neutrality"), or the whole title when it does not give the number ("12
//! December proclaimed the International Day of Neutrality"); a title that is
//! only the number gives none.
//!
//! A distractor is another resolution's number (or subject and date) whose
//! date cannot coincide with the asked one's, so it is surely not the
//! resolution asked about. Subjects alone may repeat (two resolutions "on the
//! permanent neutrality of Turkmenistan"), so subject options always carry
//! their date. A sentence of a cited paragraph must give the number.

use crate::model::{Event, Precision, When};
use crate::quiz::Rng;

use super::super::claims::{Footprint, Record};
use super::super::distractors::shuffled_options;
use super::super::evidence::{self, sources_with_first};
use super::super::options::Difficulty;
use super::super::question::{Question, QuestionKind};
use super::super::random::sample;
use super::super::text::{
    at_date, capitalize, fold_case_and_punctuation, has_phrase, key_words, quoted,
};
use super::{Ask, footprints, one_answer};

/// What a resolution was about, from its event's title.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Subject {
    /// "on the role of neutrality": follows "resolution of <date>".
    On(String),
    /// A title that says what the resolution did.
    Title(String),
}

fn subject(event: &Event, number: &str) -> Option<Subject> {
    let title = event.title.trim();
    match title.find(number) {
        Some(at) => {
            let rest = title[at + number.len()..]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '—' | '–'));
            if rest.is_empty() {
                None
            } else if rest.starts_with("on ") {
                Some(Subject::On(rest.to_owned()))
            } else {
                Some(Subject::Title(rest.to_owned()))
            }
        }
        None => Some(Subject::Title(title.to_owned())),
    }
}

/// Whether two dates could share a day, each taken at its own precision.
pub(crate) fn overlaps(a: &When, b: &When) -> bool {
    let (a_first, a_last) = (a.start().first_day(), a.end().last_day());
    let (b_first, b_last) = (b.start().first_day(), b.end().last_day());
    a_first <= b_last && b_first <= a_last
}

/// The resolution at `pos` of the bank's list, with its number.
fn resolution<'d>(ask: &Ask<'_, 'd>, pos: usize) -> Option<(&'d Event, &'d str)> {
    let index = *ask.bank.resolutions.get(pos)?;
    let event = ask.bank.dataset.events.get(index as usize)?;
    Some((event, event.resolution()?.trim()))
}

/// Positions of other resolutions to try as distractors: Normal and Hard
/// take the nearest in time first, then a random sample.
fn others(ask: &Ask<'_, '_>, pos: usize, rng: &mut Rng) -> Vec<usize> {
    let len = ask.bank.resolutions.len();
    let mut out = Vec::new();
    if ask.difficulty != Difficulty::Easy {
        for gap in 1..=8 {
            out.extend(pos.checked_sub(gap));
            out.extend(Some(pos + gap).filter(|&p| p < len));
        }
    }
    out.extend(sample(len, rng));
    out.retain(|&p| p != pos);
    out
}

/// The sentence that gives the number.
fn number_evidence(ask: &Ask<'_, '_>, event: &Event, number: &str) -> Option<evidence::Evidence> {
    let wanted = fold_case_and_punctuation(number);
    evidence::stating(
        ask.bank.dataset,
        &event.sources,
        |s| has_phrase(&fold_case_and_punctuation(s), &wanted),
        &key_words(&event.title),
    )
}

/// "Which resolution number did the UN General Assembly give to …?"
pub(super) fn number(ask: &Ask<'_, '_>, pos: usize, rng: &mut Rng) -> Option<Question> {
    let (event, number) = resolution(ask, pos)?;
    let evidence = number_evidence(ask, event, number)?;
    let folded = fold_case_and_punctuation(number);
    let candidates = others(ask, pos, rng).into_iter().filter_map(|p| {
        let (other, other_number) = resolution(ask, p)?;
        (fold_case_and_punctuation(other_number) != folded && !overlaps(&event.date, &other.date))
            .then(|| other_number.to_owned())
    });
    let options = shuffled_options(number.to_owned(), candidates, rng)?;
    let date = event.date.start();
    let prompt = match subject(event, number) {
        Some(Subject::On(about)) => format!(
            "Which number did the UN General Assembly give to its resolution of {} {about}?",
            date.human()
        ),
        Some(Subject::Title(title)) => format!(
            "Which resolution number goes with this decision of the UN General Assembly, taken {}: {}?",
            at_date(&date),
            quoted(&title)
        ),
        None => format!(
            "Which resolution did the UN General Assembly adopt {}?",
            at_date(&date)
        ),
    };
    let explanation = format!(
        "Resolution {number}, adopted {}. The article says: {}.",
        at_date(&date),
        evidence.cite(ask.bank.dataset)
    );
    let footprint = Footprint::asking(
        vec![Record::Event(event.id.to_string())],
        vec![footprints::resolution_number(event, number, &event.title)],
    )
    .revealing([footprints::event_date(
        ask.bank.dataset,
        event,
        Precision::Day,
    )]);
    Some(
        one_answer(
            QuestionKind::ResolutionNumber,
            format!("{}:{}", QuestionKind::ResolutionNumber.key(), event.id),
            prompt,
            options,
            explanation,
            sources_with_first(&evidence.source, &event.sources),
        )
        .with(footprint),
    )
}

/// "On the role of neutrality (7 December 2020)".
fn described(subject: &Subject, event: &Event) -> String {
    let text = match subject {
        Subject::On(about) => capitalize(about),
        Subject::Title(title) => title.clone(),
    };
    format!("{text} ({})", event.date.human())
}

/// "Which of these describes UN General Assembly resolution 69/285?"
pub(super) fn subject_question(ask: &Ask<'_, '_>, pos: usize, rng: &mut Rng) -> Option<Question> {
    let (event, number) = resolution(ask, pos)?;
    let folded = fold_case_and_punctuation(number);
    // Two resolutions of one number would make the question ambiguous.
    if ask.bank.resolution_numbers.get(&folded) != Some(&1) {
        return None;
    }
    let about = subject(event, number)?;
    let evidence = number_evidence(ask, event, number)?;
    let mut shown_dates = Vec::new();
    let candidates = others(ask, pos, rng).into_iter().filter_map(|p| {
        let (other, other_number) = resolution(ask, p)?;
        if fold_case_and_punctuation(other_number) == folded || overlaps(&event.date, &other.date) {
            return None;
        }
        let text = described(&subject(other, other_number)?, other);
        shown_dates.push((text.clone(), other));
        Some(text)
    });
    let options = shuffled_options(described(&about, event), candidates, rng)?;
    // Each option shows a resolution's date beside what it was about.
    let revealed: Vec<_> = shown_dates
        .iter()
        .filter(|(text, _)| options.0.contains(text))
        .map(|(_, other)| footprints::event_date(ask.bank.dataset, other, Precision::Day))
        .collect();
    let footprint = Footprint::asking(
        vec![Record::Event(event.id.to_string())],
        vec![footprints::resolution_number(event, number, &event.title)],
    )
    .revealing(revealed);
    let explanation = format!(
        "Resolution {number}: {}. The article says: {}.",
        described(&about, event),
        evidence.cite(ask.bank.dataset)
    );
    Some(
        one_answer(
            QuestionKind::ResolutionSubject,
            format!("{}:{}", QuestionKind::ResolutionSubject.key(), event.id),
            format!("Which of these describes UN General Assembly resolution {number}?"),
            options,
            explanation,
            sources_with_first(&evidence.source, &event.sources),
        )
        .with(footprint),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, EventCategory};

    fn event(title: &str) -> Event {
        Event::new(
            "e",
            When::On(Date::year(2000)),
            title,
            "",
            EventCategory::UnResolution.into(),
            [],
        )
    }

    #[test]
    fn subjects_come_from_titles() {
        assert_eq!(
            subject(
                &event("UN resolution 75/28 on the role of neutrality"),
                "75/28"
            ),
            Some(Subject::On("on the role of neutrality".into()))
        );
        assert_eq!(subject(&event("UN resolution 72/7"), "72/7"), None);
        assert_eq!(
            subject(
                &event("12 December proclaimed the International Day of Neutrality"),
                "71/275"
            ),
            Some(Subject::Title(
                "12 December proclaimed the International Day of Neutrality".into()
            ))
        );
    }

    #[test]
    fn dates_overlap_at_their_precision() {
        let year = When::On(Date::year(1995));
        let day = When::On(Date::day(1995, 12, 12));
        let other = When::On(Date::day(1995, 12, 13));
        assert!(overlaps(&year, &day));
        assert!(!overlaps(&day, &other));
        assert!(overlaps(
            &When::Span(Date::day(1995, 12, 1), Date::day(1995, 12, 31)),
            &day
        ));
    }
}
