//! Dated mentions: date phrases read from the text, and the events citing the
//! paragraph whose date they agree with.
//!
//! Phrases read, each on word boundaries (the month name with its capital,
//! since "may" is also a verb):
//!
//! - a day: "12 December 1995", "10th of June 2020", "December 12, 1995";
//! - a month: "December 2007", "October of 1995";
//! - a year: "1997", four digits from 1000 to 2999;
//! - a span: "18 to 20 October 1995", "18–20 October 1995", "2022-2052".
//!
//! A phrase is read whole, longest first: in "12 December 1995" neither
//! "December 1995" nor "1995" is read on its own.

use super::words::{Word, gap, gap_is, glued, is_number, word};
use crate::model::{Date, Event, Precision, When, days_in_month, month_name};

/// A date phrase of the text, as a date or a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phrase {
    /// One date, of the phrase's precision.
    On(Date),
    /// From the first date to the second.
    Span(Date, Date),
}

/// A date phrase found in a text: words `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateMatch {
    pub first: usize,
    pub last: usize,
    pub phrase: Phrase,
}

/// The longest date phrase starting at word `i`.
pub(super) fn at(text: &str, words: &[Word], i: usize) -> Option<DateMatch> {
    span_at(text, words, i).or_else(|| single_at(text, words, i))
}

/// "18 to 20 October 1995", "18–20 October 1995", "2022-2052", "1995 to 1996".
fn span_at(text: &str, words: &[Word], i: usize) -> Option<DateMatch> {
    let dash_or_to = |after: usize| -> Option<usize> {
        let between = gap(text, words, after + 1);
        if gap_is(between, "-") || gap_is(between, " - ") {
            Some(after + 1)
        } else if gap_is(between, " ")
            && word(text, words, after + 1) == "to"
            && gap_is(gap(text, words, after + 2), " ")
        {
            Some(after + 2)
        } else {
            None
        }
    };
    if let Some(start) = year(text, words, i) {
        let j = dash_or_to(i)?;
        let end = year(text, words, j)?;
        return (end > start).then_some(DateMatch {
            first: i,
            last: j,
            phrase: Phrase::Span(Date::year(start), Date::year(end)),
        });
    }
    let from = day(text, words, i)?;
    let j = dash_or_to(i)?;
    let to = day(text, words, j)?;
    let (last, y, m) = month_then_year(text, words, j + 1)?;
    (from < to && to <= days_in_month(y, m)).then_some(DateMatch {
        first: i,
        last,
        phrase: Phrase::Span(Date::day(y, m, from), Date::day(y, m, to)),
    })
}

/// A day, a month or a year.
fn single_at(text: &str, words: &[Word], i: usize) -> Option<DateMatch> {
    let found = |last: usize, date: Date| {
        Some(DateMatch {
            first: i,
            last,
            phrase: Phrase::On(date),
        })
    };
    if let Some(d) = day(text, words, i) {
        // "12 December 1995", "10th of June 2020".
        let (last, y, m) = month_then_year(text, words, i + 1)?;
        return if d <= days_in_month(y, m) {
            found(last, Date::day(y, m, d))
        } else {
            None
        };
    }
    if let Some(m) = month(word(text, words, i)) {
        // "December 12, 1995", "May 13 1996".
        if gap_is(gap(text, words, i + 1), " ")
            && let Some(d) = day(text, words, i + 1)
            && (gap_is(gap(text, words, i + 2), ", ") || gap_is(gap(text, words, i + 2), " "))
            && let Some(y) = year(text, words, i + 2)
        {
            return if d <= days_in_month(y, m) {
                found(i + 2, Date::day(y, m, d))
            } else {
                None
            };
        }
        // "December 2007", "October of 1995".
        let (last, y) = of_year(text, words, i)?;
        return found(last, Date::month(y, m));
    }
    year(text, words, i).and_then(|y| found(i, Date::year(y)))
}

/// A month name at word `i` and a year after it ("December 1995", "June of
/// 2020"): the last word, the year and the month.
fn month_then_year(text: &str, words: &[Word], i: usize) -> Option<(usize, i32, u8)> {
    let between = gap(text, words, i);
    if !gap_is(between, " ") {
        return None;
    }
    let i = if word(text, words, i) == "of" && gap_is(gap(text, words, i + 1), " ") {
        i + 1
    } else {
        i
    };
    let m = month(word(text, words, i))?;
    let (last, y) = of_year(text, words, i)?;
    Some((last, y, m))
}

/// The year after the month at word `i`, with an optional "of" between.
fn of_year(text: &str, words: &[Word], i: usize) -> Option<(usize, i32)> {
    let spaced = |j: usize| gap_is(gap(text, words, j), " ") || gap_is(gap(text, words, j), ", ");
    if !spaced(i + 1) {
        return None;
    }
    if word(text, words, i + 1) == "of" && gap_is(gap(text, words, i + 2), " ") {
        return year(text, words, i + 2).map(|y| (i + 2, y));
    }
    year(text, words, i + 1).map(|y| (i + 1, y))
}

/// A month name as English writes it, with its capital.
fn month(word: &str) -> Option<u8> {
    (1..=12u8).find(|&m| month_name(m) == word)
}

/// A day of the month, 1 to 31, with or without "st", "nd", "rd" or "th".
fn day(text: &str, words: &[Word], i: usize) -> Option<u8> {
    let w = word(text, words, i);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &w[digits.len()..];
    if !(1..=2).contains(&digits.len())
        || !is_number(digits)
        || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        || glued(text, words, i, false)
        || glued(text, words, i, true)
    {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year: four digits from 1000 to 2999, not part of a larger number.
fn year(text: &str, words: &[Word], i: usize) -> Option<i32> {
    let w = word(text, words, i);
    if w.len() != 4 || !is_number(w) || glued(text, words, i, false) || glued(text, words, i, true)
    {
        return None;
    }
    w.parse().ok().filter(|y| (1000..=2999).contains(y))
}

/// How well a phrase agrees with an event's date; `None` when it does not.
///
/// Exactly (3) when the phrase is the event's date or span; an end (2) when
/// it is the first or last date of a span ("1995" of 1995–1996); a month (1)
/// when it names the month that holds the whole event ("October of 1995" for
/// 18–20 October 1995). A phrase less precise than the event otherwise ("in
/// 2017" for 2 February 2017) does not agree: it might be any other day of
/// the year.
fn agreement(phrase: Phrase, when: When) -> Option<u8> {
    match (phrase, when) {
        (Phrase::On(d), When::On(e)) if d == e => Some(3),
        (Phrase::On(d), When::Span(s, e)) if d == s && d == e => Some(3),
        (Phrase::Span(a, b), When::Span(s, e)) if a == s && b == e => Some(3),
        (Phrase::On(d), When::Span(s, e)) if d == s || d == e => Some(2),
        (Phrase::On(d), when) if d.precision() == Precision::Month => {
            let within = |x: Date| {
                x.year_number() == d.year_number() && x.month_number() == d.month_number()
            };
            (within(when.start()) && within(when.end())).then_some(1)
        }
        _ => None,
    }
}

/// The event, among those citing the paragraph (indices into `events`, in
/// order), whose date the phrase agrees with best; the first of equals, so
/// the earliest. `None` when none agrees: a date is never linked on a guess.
pub(super) fn event_of(phrase: Phrase, citing: &[usize], events: &[Event]) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for &index in citing {
        let Some(event) = events.get(index) else {
            continue;
        };
        if let Some(score) = agreement(phrase, event.date)
            && best.is_none_or(|(top, _)| score > top)
        {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    /// Every phrase the text holds, read left to right and whole, as text.
    fn phrases(text: &str) -> Vec<(String, Phrase)> {
        let words = words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match at(text, &words, i) {
                Some(m) => {
                    out.push((
                        text[words[m.first].start..words[m.last].end].to_owned(),
                        m.phrase,
                    ));
                    i = m.last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    fn on(date: Date) -> Phrase {
        Phrase::On(date)
    }

    #[test]
    fn reads_each_form() {
        let cases = [
            (
                "on 12 December 1995,",
                "12 December 1995",
                on(Date::day(1995, 12, 12)),
            ),
            (
                "On December 12, 1995, it",
                "December 12, 1995",
                on(Date::day(1995, 12, 12)),
            ),
            (
                "On the 10th of June 2020",
                "10th of June 2020",
                on(Date::day(2020, 6, 10)),
            ),
            (
                "in December 2007 at",
                "December 2007",
                on(Date::month(2007, 12)),
            ),
            (
                "in October of 1995, the",
                "October of 1995",
                on(Date::month(1995, 10)),
            ),
            ("hosted in 1997 and", "1997", on(Date::year(1997))),
            ("May 13, 1996", "May 13, 1996", on(Date::day(1996, 5, 13))),
            (
                "from 18 to 20 October 1995,",
                "18 to 20 October 1995",
                Phrase::Span(Date::day(1995, 10, 18), Date::day(1995, 10, 20)),
            ),
            (
                "18–20 October 1995",
                "18–20 October 1995",
                Phrase::Span(Date::day(1995, 10, 18), Date::day(1995, 10, 20)),
            ),
            (
                "for 2022-2052”",
                "2022-2052",
                Phrase::Span(Date::year(2022), Date::year(2052)),
            ),
        ];
        for (text, want, phrase) in cases {
            assert_eq!(phrases(text), [(want.to_owned(), phrase)], "{text}");
        }
    }

    #[test]
    fn leaves_what_is_not_a_date() {
        for text in [
            "resolution 50/80 A and 1/2025",
            "3.4 billion, 161 conventions, 60% of 2025x",
            "it may come, in May, on 12 May",
            "December 12 and 31 February",
            "12 December",
            "the 77th session",
            "year 0999 and 3000",
        ] {
            assert_eq!(phrases(text), [], "{text}");
        }
    }

    #[test]
    fn agreement_needs_the_same_date_or_its_month() {
        let day = When::On(Date::day(2017, 2, 2));
        assert_eq!(agreement(on(Date::day(2017, 2, 2)), day), Some(3));
        assert_eq!(agreement(on(Date::month(2017, 2)), day), Some(1));
        assert_eq!(agreement(on(Date::year(2017)), day), None);
        let span = When::Span(Date::year(1995), Date::year(1996));
        assert_eq!(agreement(on(Date::year(1996)), span), Some(2));
        assert_eq!(agreement(on(Date::year(1997)), span), None);
        let year = When::Span(Date::year(2025), Date::year(2025));
        assert_eq!(agreement(on(Date::year(2025)), year), Some(3));
        assert_eq!(agreement(on(Date::month(2025, 12)), year), None);
    }
}
