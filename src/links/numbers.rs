//! Resolution numbers: "50/80 A", "69/285", read from the text and looked up
//! among the events' `resolution` fields.

use std::collections::HashMap;

use super::words::{Word, gap, gap_is, glued, is_number, word};
use crate::dataset::Dataset;

/// The events' resolution numbers.
#[derive(Debug, Default)]
pub(super) struct Resolutions {
    /// Number, its spaces folded to one, to the event's index; `None` when
    /// two events claim the same number, which is then not linked.
    events: HashMap<String, Option<usize>>,
}

/// A resolution number found in a text: words `first..=last`.
#[derive(Clone, Copy, Debug)]
pub(super) struct NumberMatch {
    pub first: usize,
    pub last: usize,
    /// The event, or `None` when the number is shared.
    pub event: Option<usize>,
}

impl Resolutions {
    /// Every event's resolution number.
    pub fn new(dataset: &Dataset) -> Self {
        let mut events: HashMap<String, Option<usize>> = HashMap::new();
        for (index, event) in dataset.events.iter().enumerate() {
            let Some(number) = &event.resolution() else {
                continue;
            };
            let key = collapse_spaces(number);
            events
                .entry(key)
                .and_modify(|known| {
                    if *known != Some(index) {
                        *known = None;
                    }
                })
                .or_insert(Some(index));
        }
        Self { events }
    }

    /// The resolution number starting at word `i`, if it is an event's.
    ///
    /// The shape is digits, '/', digits and, where the number with it is an
    /// event's, a space and one capital letter ("50/80 A"). A number glued to
    /// more digits ("1/50/80") is not one.
    pub fn at(&self, text: &str, words: &[Word], i: usize) -> Option<NumberMatch> {
        if self.events.is_empty() {
            return None;
        }
        let session = word(text, words, i);
        let number = word(text, words, i + 1);
        if !is_number(session)
            || !is_number(number)
            || gap(text, words, i + 1) != "/"
            || glued(text, words, i, false)
            || glued(text, words, i + 1, true)
        {
            return None;
        }
        let mut key = format!("{session}/{number}");
        let letter = word(text, words, i + 2);
        if letter.len() == 1
            && letter.bytes().all(|b| b.is_ascii_uppercase())
            && gap_is(gap(text, words, i + 2), " ")
        {
            let base = key.len();
            key.push(' ');
            key.push_str(letter);
            if let Some(&event) = self.events.get(&key) {
                return Some(NumberMatch {
                    first: i,
                    last: i + 2,
                    event,
                });
            }
            key.truncate(base);
        }
        self.events.get(&key).map(|&event| NumberMatch {
            first: i,
            last: i + 1,
            event,
        })
    }
}

/// A resolution number with its runs of spaces folded to one, trimmed.
pub(super) fn collapse_spaces(number: &str) -> String {
    number.split_whitespace().collect::<Vec<_>>().join(" ")
}
