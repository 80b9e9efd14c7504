//! Case-insensitive comparison and search that allocate nothing per row.
//!
//! Lowercasing goes char by char with [`char::to_lowercase`] on both sides, so a
//! needle folded with [`lowercase`] matches the haystack the same way everywhere
//! (`str::to_lowercase` treats a final sigma specially, which would not).

use std::ops::Range;

/// `text` lowercased char by char; done once per search, not once per row.
pub(crate) fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Whether `haystack` contains `needle` ignoring case; `needle` must already be
/// [`lowercase`]d. An empty needle is found everywhere.
pub(crate) fn contains_folded(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    // The common case, and the one the benchmarks time: plain ASCII on both sides.
    if haystack.is_ascii() && needle.is_ascii() {
        let needle = needle.as_bytes();
        return haystack
            .as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle));
    }
    haystack.char_indices().any(|(start, _)| {
        let mut rest = haystack
            .get(start..)
            .unwrap_or_default()
            .chars()
            .flat_map(char::to_lowercase);
        needle.chars().all(|c| rest.next() == Some(c))
    })
}

/// Appends `text` [`lowercase`]d to `buffer` and returns where it landed, so that
/// a sort can lowercase every row once into one allocation.
pub(crate) fn fold_into(buffer: &mut String, text: &str) -> Range<usize> {
    let start = buffer.len();
    if text.is_ascii() {
        // The common case, done in bulk rather than char by char.
        buffer.push_str(text);
        if let Some(appended) = buffer.get_mut(start..) {
            appended.make_ascii_lowercase();
        }
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
    start..buffer.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_text_ignoring_case() {
        assert!(contains_folded(
            "Non-Aligned Movement",
            &lowercase("NON-ALIGNED")
        ));
        assert!(contains_folded("Économie", &lowercase("ÉCO")));
        assert!(contains_folded("Türkmenistan", "ürk"));
        assert!(!contains_folded("UN", "un "));
        assert!(contains_folded("anything", ""));
        assert!(!contains_folded("", "a"));
    }

    #[test]
    fn folds_into_one_buffer() {
        let mut buffer = String::new();
        let first = fold_into(&mut buffer, "UN General Assembly");
        let second = fold_into(&mut buffer, "ÉCOnomie Σ");
        assert_eq!(&buffer[first], "un general assembly");
        assert_eq!(&buffer[second], "économie σ");
        assert_eq!(lowercase("ÉCOnomie Σ"), "économie σ");
    }
}
