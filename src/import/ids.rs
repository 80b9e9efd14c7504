//! Kebab-case ids made from headlines, unique within a file.

use std::collections::HashSet;

/// At most this many words of a headline go into an id, so that ids stay
/// short enough to type in a citation.
const MAX_WORDS: usize = 8;

/// The headline's ASCII letters and digits, lower-cased, words joined by
/// hyphens ("Grace Hopper invents the compiler" -> "grace-hopper-invents-the-compiler");
/// `fallback` when nothing is left. Other characters separate words: an
/// accented letter is not guessed at ("Rózsa" -> "r-zsa").
pub fn kebab(headline: &str, fallback: &str) -> String {
    let words: Vec<String> = headline
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(MAX_WORDS)
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        fallback.to_owned()
    } else {
        words.join("-")
    }
}

/// Hands out ids unique among those it has given: the first "treaty", then
/// "treaty-2", "treaty-3".
#[derive(Debug, Default)]
pub struct UniqueIds {
    taken: HashSet<String>,
}

impl UniqueIds {
    /// `id`, or `id-N` with the smallest N from 2 not yet given.
    pub fn take(&mut self, id: &str) -> String {
        let mut candidate = id.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::is_kebab_case;

    #[test]
    fn headlines_become_kebab_case() {
        assert_eq!(kebab("Ada Lovelace", "event"), "ada-lovelace");
        assert_eq!(
            kebab("...And the women who made it work", "event"),
            "and-the-women-who-made-it-work"
        );
        assert_eq!(
            kebab("\"The Mother of the Internet\"", "event"),
            "the-mother-of-the-internet"
        );
        assert_eq!(
            kebab("Rózsa Péter writes recursion", "e"),
            "r-zsa-p-ter-writes-recursion"
        );
        assert_eq!(kebab("", "event"), "event");
        assert_eq!(kebab("— «» —", "event"), "event");
        assert_eq!(
            kebab("one two three four five six seven eight nine ten", "e"),
            "one-two-three-four-five-six-seven-eight"
        );
    }

    /// Whatever the headline, the id is kebab-case, as the dataset requires.
    #[test]
    fn every_id_is_kebab_case() {
        let samples = [
            "",
            " ",
            "a",
            "A--B",
            "x_y",
            "1995",
            "Ünïcödé",
            "日本",
            "tab\there",
            "--",
            "a.b.c",
            "emoji 🎉 party",
            "UPPER lower 123",
        ];
        let mut ids = UniqueIds::default();
        for sample in samples {
            for _ in 0..3 {
                let id = ids.take(&kebab(sample, "event"));
                assert!(is_kebab_case(&id), "{sample:?} gave {id:?}");
            }
        }
    }

    #[test]
    fn repeated_ids_get_numbers_from_2() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.take("treaty"), "treaty");
        assert_eq!(ids.take("treaty"), "treaty-2");
        assert_eq!(ids.take("treaty-2"), "treaty-2-2");
        assert_eq!(ids.take("treaty"), "treaty-3");
    }
}
