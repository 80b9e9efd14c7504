//! Text helpers: folding for comparison, finding words and numbers, splitting
//! sentences, quoting, and dates in words.

use crate::model::{Date, Precision, month_name};

/// Lower-case letters and digits, every other run of characters one space:
/// "50/80 A" and "50/80 a" fold alike, and so do "Non-Aligned" and "non aligned".
/// Options are compared folded, so that two options never differ by case or
/// punctuation alone.
pub(crate) fn fold_case_and_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold_case_and_punctuation`] into a buffer that is cleared first.
fn fold_into(out: &mut String, text: &str) {
    out.clear();
    let mut gap = false;
    // Most text is ASCII: a byte at a time, without Unicode case tables.
    if text.is_ascii() {
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
            }
        }
        return;
    }
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
}

/// A 64-bit hash of [`fold_case_and_punctuation`]`(text)`, computed without building it, eight
/// bytes at a time: indexing 100,000 titles should not allocate 100,000
/// strings. Not for anything but telling texts apart in memory.
pub(crate) fn fold_hash(text: &str) -> u64 {
    struct Words {
        hash: u64,
        word: u64,
        filled: u32,
    }
    impl Words {
        fn eat(&mut self, b: u8) {
            self.word |= u64::from(b) << (8 * self.filled);
            self.filled += 1;
            if self.filled == 8 {
                self.mix();
            }
        }
        fn mix(&mut self) {
            self.hash = (self.hash ^ self.word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            self.hash ^= self.hash >> 29;
            self.word = 0;
            self.filled = 0;
        }
    }
    let mut words = Words {
        hash: 0xCBF2_9CE4_8422_2325,
        word: 0,
        filled: 0,
    };
    let mut gap = false;
    let mut started = false;
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && started {
            words.eat(b' ');
        }
        gap = false;
        started = true;
        if c.is_ascii() {
            words.eat(c.to_ascii_lowercase() as u8);
        } else {
            for lower in c.to_lowercase() {
                for &b in lower.encode_utf8(&mut buffer).as_bytes() {
                    words.eat(b);
                }
            }
        }
    }
    // The length tells "ab" from "ab\0".
    words.eat(0xFF);
    words.mix();
    words.hash
}

/// Whether `haystack` contains `needle` (already lower case), ignoring ASCII
/// case: a quick test before folding, so it may say yes where the folded
/// text would not, never the reverse for an ASCII needle.
pub(crate) fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    !needle.is_empty()
        && (!needle.is_ascii()
            || haystack
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle)))
}

/// Whether folded `needle` stands in folded `haystack` as whole words.
pub(crate) fn has_phrase(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

/// Whether `word` stands in `text` with no letter or digit touching it, case
/// kept: "UN" is in "the UN platform" and "(UN)" but not in "UNWTO" or "un".
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The runs of ASCII digits in `text`, as numbers ("50/80 A" has 50 and 80;
/// "2022–2052" has 2022 and 2052). Runs too long for an `i64` are left out.
pub(crate) fn numbers(text: &str) -> impl Iterator<Item = i64> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            while at < bytes.len() && !bytes[at].is_ascii_digit() {
                at += 1;
            }
            if at >= bytes.len() {
                return None;
            }
            let mut value: Option<i64> = Some(0);
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                let digit = i64::from(bytes[at] - b'0');
                value = value
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(digit));
                at += 1;
            }
            if value.is_some() {
                return value;
            }
        }
    })
}

/// Whether `n` is one of the [`numbers`] of `text`.
pub(crate) fn has_number(text: &str, n: i64) -> bool {
    numbers(text).any(|m| m == n)
}

/// Folded words of at least four characters that say what a text is about,
/// without the few that every record shares.
pub(crate) fn key_words(text: &str) -> Vec<String> {
    const COMMON: [&str; 8] = [
        "turkmenistan",
        "with",
        "from",
        "that",
        "this",
        "their",
        "into",
        "united",
    ];
    let mut words: Vec<String> = fold_case_and_punctuation(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

const ABBREVIATIONS: [&str; 12] = [
    "Ms", "Mr", "Mrs", "Dr", "St", "No", "Nos", "Art", "para", "e.g", "i.e", "cf",
];

/// The sentences of a text, trimmed. A list's items (one per line) are
/// sentences of their own. A full stop ends a sentence only before a space
/// and a capital, a digit or an opening quote, and not after an initial
/// ("A. Atayeva") or a title ("Ms. Bachelet").
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            let (at, c) = chars[i];
            i += 1;
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let mut end = i;
            while end < chars.len() && matches!(chars[end].1, '”' | '’' | '"' | '\'' | ')' | ']')
            {
                end += 1;
            }
            let mut next = end;
            while next < chars.len() && chars[next].1.is_whitespace() {
                next += 1;
            }
            if next == end || next >= chars.len() {
                continue;
            }
            let opener = chars[next].1;
            let opens = opener.is_uppercase()
                || opener.is_ascii_digit()
                || matches!(opener, '“' | '‘' | '"' | '«' | '[' | '(');
            let word = line[start..at]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let abbreviation = c == '.'
                && ((word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                    || ABBREVIATIONS.contains(&word));
            if opens && !abbreviation {
                let byte_end = chars.get(end).map_or(line.len(), |&(b, _)| b);
                push_trimmed(&mut out, &line[start..byte_end]);
                start = chars.get(next).map_or(line.len(), |&(b, _)| b);
                i = next;
            }
        }
        push_trimmed(&mut out, &line[start..]);
    }
    out
}

fn push_trimmed<'t>(out: &mut Vec<&'t str>, sentence: &'t str) {
    let sentence = sentence.trim();
    if !sentence.is_empty() {
        out.push(sentence);
    }
}

/// `text` in curly double quotes, its own double quotes turned to single ones
/// as English nests them: “the resolution ‘Dialogue is a guarantee of peace’”.
pub(crate) fn quoted(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    out.push('“');
    out.extend(text.chars().map(|c| match c {
        '“' => '‘',
        '”' => '’',
        '"' => '\'',
        other => other,
    }));
    out.push('”');
    out
}

/// A date as the preposition and words of its precision: "on 12 December
/// 1995", "in December 2007", "in 1995".
pub(crate) fn at_date(date: &Date) -> String {
    match date.precision() {
        Precision::Day => format!("on {}", date.human()),
        _ => format!("in {}", date.human()),
    }
}

/// The first letter in upper case.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An organization's name with "the" before it, unless it has one.
pub(crate) fn with_the(name: &str) -> String {
    if name.starts_with("The ") || name.starts_with("the ") {
        name.to_owned()
    } else {
        format!("the {name}")
    }
}

/// A name with the possessive: "Rashid Meredov’s".
pub(crate) fn possessive(name: &str) -> String {
    format!("{name}’s")
}

/// Where `needle` stands in `text` from byte `from` on, ignoring case, as whole
/// words: the byte range in `text`.
fn find_ignoring_case(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let rest = text.get(from..)?;
    // An ASCII needle matches bytes, and its bytes never fall inside a
    // multi-byte character, so every match starts on a character boundary.
    if needle.is_ascii() {
        let needle_bytes = needle.as_bytes();
        let mut offset = 0;
        while let Some(at) = rest.as_bytes()[offset..]
            .windows(needle_bytes.len())
            .position(|w| w.eq_ignore_ascii_case(needle_bytes))
        {
            let start = from + offset + at;
            let end = start + needle_bytes.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                return Some((start, end));
            }
            offset += at + 1;
        }
        return None;
    }
    for (offset, _) in rest.char_indices() {
        let start = from + offset;
        let mut hay = text[start..].char_indices();
        let mut matched_to = None;
        let mut ok = true;
        for n in needle.chars() {
            match hay.next() {
                Some((i, h)) if h.to_lowercase().eq(n.to_lowercase()) => {
                    matched_to = Some(start + i + h.len_utf8());
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        let Some(end) = matched_to.filter(|_| ok) else {
            continue;
        };
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some((start, end));
        }
    }
    None
}

/// Whether any of `phrases` stands in `text` as whole words, ignoring case
/// and punctuation.
pub(crate) fn mentions(text: &str, phrases: &[&str]) -> bool {
    let folded = fold_case_and_punctuation(text);
    phrases
        .iter()
        .any(|p| has_phrase(&folded, &fold_case_and_punctuation(p)))
}

/// `text` with every whole-word occurrence of `phrases` (ignoring case)
/// replaced by "…", longest phrase first, so that a definition does not name
/// the term it defines.
pub(crate) fn masked(text: &str, phrases: &[&str]) -> String {
    let mut phrases: Vec<&str> = phrases.iter().copied().filter(|p| !p.is_empty()).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut out = text.to_owned();
    let folded = fold_case_and_punctuation(text);
    phrases.retain(|p| has_phrase(&folded, &fold_case_and_punctuation(p)));
    for phrase in phrases {
        let mut from = 0;
        while let Some((start, end)) = find_ignoring_case(&out, phrase, from) {
            out.replace_range(start..end, "…");
            from = start + "…".len();
        }
    }
    out
}

/// The month named by `word` (an English month name, capitalized), if any.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    (1..=12).find(|&m| month_name(m) == word)
}

/// The days (month, day) that `text` names: "12 December", "December 12",
/// "10th of June".
pub(crate) fn named_days(text: &str) -> Vec<(u8, u8)> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let day = |j: Option<usize>| -> Option<u8> {
        let word = words.get(j?)?;
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let n: u8 = digits.parse().ok()?;
        (*word == digits || *word == ordinal(i64::from(n))).then_some(n)
    };
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_number(word) else {
            continue;
        };
        let of = i >= 2 && words[i - 1] == "of";
        let before = day(i.checked_sub(if of { 2 } else { 1 }));
        out.extend(
            before
                .into_iter()
                .chain(day(Some(i + 1)))
                .map(|d| (month, d)),
        );
    }
    out
}

/// Whether `text` names the day `day` of month `month` (see [`named_days`]).
pub(crate) fn names_day(text: &str, month: u8, day: u8) -> bool {
    // Cheap test first: most texts name no month at all.
    text.contains(month_name(month)) && named_days(text).contains(&(month, day))
}

/// An ordinal number in English: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
pub(crate) fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_punctuation() {
        assert_eq!(fold_case_and_punctuation("50/80 A"), "50 80 a");
        assert_eq!(
            fold_case_and_punctuation("  Non-Aligned  Movement. "),
            "non aligned movement"
        );
        assert_eq!(
            fold_case_and_punctuation("Turkmenistan’s"),
            "turkmenistan s"
        );
        assert!(has_phrase("the non aligned movement", "aligned movement"));
        assert!(!has_phrase("the non aligned movement", "align"));
    }

    #[test]
    fn hashes_as_it_folds() {
        for text in [
            "  Non-Aligned  Movement. ",
            "Turkmenistan’s ÉCOnomie",
            "",
            "50/80 A",
        ] {
            assert_eq!(
                fold_hash(text),
                fold_hash(&fold_case_and_punctuation(text)),
                "{text}"
            );
        }
        assert_ne!(fold_hash("a b"), fold_hash("ab"));
        assert_eq!(fold_hash("A-B"), fold_hash("a b"));
    }

    #[test]
    fn finds_whole_words_with_their_case() {
        assert!(has_word("the United Nations (UN), the", "UN"));
        assert!(!has_word("the UNWTO", "UN"));
        assert!(!has_word("run", "un"));
        assert!(has_word("of the [ECO].", "ECO"));
    }

    #[test]
    fn finds_numbers() {
        assert!(has_number(
            "Recalling its resolutions 50/80 A of 12 December 1995",
            1995
        ));
        assert!(has_number("for 2022–2052", 2052));
        assert!(!has_number("in 19955", 1995));
    }

    #[test]
    fn splits_sentences_but_not_initials_or_titles() {
        let text = "A. Atayeva emphasized that neutrality is embedded. In particular, it was held in \
                    participation of Ms. Michelle Bachelet. 46 missions operate. “Quoted.” Then more";
        assert_eq!(
            sentences(text),
            [
                "A. Atayeva emphasized that neutrality is embedded.",
                "In particular, it was held in participation of Ms. Michelle Bachelet.",
                "46 missions operate.",
                "“Quoted.”",
                "Then more",
            ]
        );
        assert_eq!(
            sentences("One item;\nTwo items."),
            ["One item;", "Two items."]
        );
    }

    #[test]
    fn quotes_nest() {
        assert_eq!(
            quoted("Turkmenistan plans the resolution “Dialogue is a guarantee of peace”"),
            "“Turkmenistan plans the resolution ‘Dialogue is a guarantee of peace’”"
        );
    }

    #[test]
    fn masks_whole_words_ignoring_case() {
        assert_eq!(
            masked(
                "a key instrument of Preventive Diplomacy, not preventively",
                &["preventive diplomacy"]
            ),
            "a key instrument of …, not preventively"
        );
        assert_eq!(
            masked(
                "on Permanent Neutrality; neutrality",
                &["neutrality", "Permanent neutrality"]
            ),
            "on …; …"
        );
        assert!(mentions("Turkmenistan’s neutrality is", &["Neutrality"]));
    }

    #[test]
    fn names_days_in_any_order() {
        assert!(names_day("On December 11, 2024, on the eve", 12, 11));
        assert!(names_day("On the 10th of June 2020, the", 6, 10));
        assert!(names_day("50/80 A of 12 December 1995", 12, 12));
        assert!(!names_day("50/80 A of 12 December 1995", 12, 1));
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 77, 111]
            .map(ordinal)
            .into();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "77th", "111th"
            ]
        );
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(at_date(&Date::day(1995, 12, 12)), "on 12 December 1995");
        assert_eq!(at_date(&Date::month(2007, 12)), "in December 2007");
        assert_eq!(at_date(&Date::year(1995)), "in 1995");
    }
}
