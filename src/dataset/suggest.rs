//! What `check` adds to a problem so that an author who is no programmer
//! can fix it: the id meant by a misspelled one, and where a quote that is
//! not word for word in its paragraph parts from it.

use strsim::{damerau_levenshtein, normalized_damerau_levenshtein};

/// The id among `known` that `id` is most likely a slip for: within two
/// edits (and fewer than `id` has characters, so that `xy` is not taken
/// for `un`), or 70 % alike; the closest, then the first by name. `None`
/// when nothing is that close: a suggestion far off would mislead.
pub fn nearest<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = id.chars().count();
    known
        .into_iter()
        .filter(|candidate| *candidate != id)
        .filter_map(|candidate| {
            let distance = damerau_levenshtein(id, candidate);
            let alike = normalized_damerau_levenshtein(id, candidate);
            let close = (distance <= 2 && distance < length) || alike >= 0.7;
            close.then_some((distance, candidate))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, candidate)| candidate)
}

/// `; did you mean “un”?` when an id close to `id` is among `known`, else nothing.
pub fn did_you_mean<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    nearest(id, known)
        .map(|meant| format!("; did you mean “{meant}”?"))
        .unwrap_or_default()
}

/// Words shown of the part of a quote that matches, counted back from where
/// they part: enough to find the place, short enough to read in a line.
const SHOWN_WORDS: usize = 3;

/// Where the quote `quote` parts from the paragraph `paragraph` (both with
/// white space collapsed), word by word, from the place in the paragraph
/// where the longest start of the quote stands: a sentence for the author,
/// naming the paragraph as `paragraph_name` ("the paragraph"). `None` when
/// every word of the quote stands there in order (the quote then differs
/// only inside a word at its ends, which the plain sentence says).
pub fn quote_difference(quote: &str, paragraph: &str, paragraph_name: &str) -> Option<String> {
    let quoted: Vec<&str> = quote.split_whitespace().collect();
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let (start, matched) = (0..words.len())
        .map(|start| {
            let matched = quoted
                .iter()
                .zip(words.iter().skip(start))
                .take_while(|(a, b)| a == b)
                .count();
            (start, matched)
        })
        // The longest match; the first of equal ones.
        .fold(
            (0, 0),
            |best, next| if next.1 > best.1 { next } else { best },
        );
    let differs = quoted.get(matched)?;
    if matched == 0 {
        let opening = quoted.iter().take(SHOWN_WORDS).copied().collect::<Vec<_>>();
        return Some(format!(
            "the quote’s first word, “{differs}”, does not begin any run of words in {paragraph_name} (the quote begins “{}”)",
            opening.join(" ")
        ));
    }
    let shown_from = matched.saturating_sub(SHOWN_WORDS);
    let shown = quoted.get(shown_from..matched).unwrap_or(&[]).join(" ");
    let ellipsis = if shown_from > 0 { "…" } else { "" };
    Some(match words.get(start + matched) {
        Some(instead) => format!(
            "the quote matches {paragraph_name} up to “{ellipsis}{shown}”; then the quote has “{differs}”, {paragraph_name} “{instead}”"
        ),
        None => format!(
            "the quote matches {paragraph_name} up to “{ellipsis}{shown}”, where {paragraph_name} ends; the quote goes on with “{differs}”"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_of_a_letter_or_two_is_suggested() {
        let known = ["un", "un-general-assembly", "osce", "eu"];
        assert_eq!(nearest("un-", known), Some("un"));
        assert_eq!(
            nearest("un-general-asembly", known),
            Some("un-general-assembly")
        );
        assert_eq!(nearest("oсsе", known), None, "Cyrillic letters are far");
        assert_eq!(nearest("osec", known), Some("osce"));
        // Two letters that share none with any id are not a slip.
        assert_eq!(nearest("xy", known), None);
        assert_eq!(nearest("nato", known), None);
        assert_eq!(did_you_mean("ue", known), "; did you mean “eu”?");
        assert_eq!(did_you_mean("world-bank", known), "");
    }

    #[test]
    fn the_difference_is_named_by_its_words() {
        let paragraph =
            "This year, Turkmenistan widely celebrated the 30th anniversary of its membership.";
        let quote = "Turkmenistan widely celebrated the 30th anniversery of its membership.";
        assert_eq!(
            quote_difference(quote, paragraph, "the paragraph").unwrap(),
            "the quote matches the paragraph up to “…celebrated the 30th”; then the quote has “anniversery”, the paragraph “anniversary”"
        );
        assert_eq!(
            quote_difference("This year, they", paragraph, "the paragraph").unwrap(),
            "the quote matches the paragraph up to “This year,”; then the quote has “they”, the paragraph “Turkmenistan”"
        );
        assert_eq!(
            quote_difference("its membership. And more", paragraph, "the paragraph").unwrap(),
            "the quote matches the paragraph up to “its membership.”, where the paragraph ends; the quote goes on with “And”"
        );
        assert!(
            quote_difference("Nothing here", paragraph, "paragraph 5 of “a”")
                .unwrap()
                .starts_with("the quote’s first word, “Nothing”, does not begin")
        );
        assert_eq!(quote_difference("widely celebrated", paragraph, "it"), None);
    }
}
