//! What lets a student answer without knowing: an acronym's initials, a
//! word shared by a term and its definition, and wording that reads broken.

use std::collections::BTreeSet;

use super::text::fold_case_and_punctuation;

/// Words too common to give a term away.
const COMMON: [&str; 10] = [
    "the", "and", "for", "with", "from", "that", "this", "which", "into", "their",
];

/// Whether the letters of `acronym` are initials of words of `name` in
/// order, the first being the initial of the name's first word ("the"
/// aside): "SCO" fits "Shanghai Cooperation Organization", "OSCE" fits
/// "Organization for Security and Cooperation in Europe".
pub(crate) fn fits_acronym(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let initials: Vec<char> = fold_case_and_punctuation(name)
        .split(' ')
        .filter(|w| *w != "the")
        .filter_map(|w| w.chars().next())
        .collect();
    if letters.is_empty() || letters.first() != initials.first() {
        return false;
    }
    let mut rest = initials.iter();
    letters.iter().all(|l| rest.any(|i| i == l))
}

/// Whether an acronym is too short to ask about: "UN", "EU" are known to
/// every student, and two letters leave no room for a near miss.
pub(crate) fn trivial_acronym(acronym: &str) -> bool {
    acronym.chars().filter(char::is_ascii_alphabetic).count() <= 2
}

/// The content words of `text`, cut to five letters so that "peace" and
/// "peaceful", "neutral" and "neutrality" meet.
pub(crate) fn stems(text: &str) -> BTreeSet<String> {
    fold_case_and_punctuation(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !COMMON.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Whether two texts share a content word.
pub(crate) fn share_words(a: &str, b: &str) -> bool {
    !stems(a).is_disjoint(&stems(b))
}

/// Whether every "…" of `text` stands for whole words inside a sentence: not
/// touching a letter ("Interna…"), and not followed by a full stop or other
/// mark that leaves the sentence hanging ("on ….").
pub(crate) fn elisions_read_well(text: &str) -> bool {
    text.match_indices('…').all(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + '…'.len_utf8()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(|c| !c.is_alphanumeric() && !".,;:".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_fit_initials_in_order() {
        assert!(fits_acronym("SCO", "Shanghai Cooperation Organization"));
        assert!(fits_acronym(
            "OSCE",
            "Organization for Security and Cooperation in Europe"
        ));
        assert!(!fits_acronym("SCO", "Organization of Islamic Cooperation"));
        assert!(trivial_acronym("UN"));
        assert!(!trivial_acronym("NAM"));
    }

    #[test]
    fn shared_words_and_broken_elisions() {
        assert!(share_words(
            "Peace Mediation Chamber",
            "a chamber for peace talks"
        ));
        assert!(!share_words("Veto", "the power to block a decision"));
        assert!(!elisions_read_well(
            "the Constitutional Law of Turkmenistan on …."
        ));
        assert!(!elisions_read_well("Interna… Day"));
        assert!(elisions_read_well("the instrument of … was deposited"));
    }
}
