//! The interface's words in English, Türkmençe and Русский.
//!
//! Each language is one RON file in `assets/i18n/` mapping a key (`area.name`)
//! to its text, compiled into the binary. The articles themselves stay in
//! English: only the interface is translated. Code asks for words with
//! [`tr`] and [`trf`], always with a literal key, so a test can check that
//! every key used exists in every language.

mod catalog;
pub mod dates;

pub use catalog::{Catalog, CatalogError};

use std::cell::Cell;
use std::fmt::Display;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English, the language of the articles.
    #[default]
    English,
    /// Türkmençe (Latin alphabet).
    Turkmen,
    /// Русский.
    Russian,
}

impl Language {
    /// Every language, in the order the menu lists them.
    pub const ALL: [Language; 3] = [Language::English, Language::Turkmen, Language::Russian];

    /// The code `--lang` takes: `en`, `tk` or `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Turkmen => "tk",
            Language::Russian => "ru",
        }
    }

    /// The language by its code, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's name in itself, as a speaker looks for it in a menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Turkmen => "Türkmençe",
            Language::Russian => "Русский",
        }
    }

    /// The language's file name and text, as compiled in.
    pub fn source(self) -> (&'static str, &'static str) {
        match self {
            Language::English => (
                "assets/i18n/en.ron",
                include_str!("../../assets/i18n/en.ron"),
            ),
            Language::Turkmen => (
                "assets/i18n/tk.ron",
                include_str!("../../assets/i18n/tk.ron"),
            ),
            Language::Russian => (
                "assets/i18n/ru.ron",
                include_str!("../../assets/i18n/ru.ron"),
            ),
        }
    }

    fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::Turkmen => 1,
            Language::Russian => 2,
        }
    }
}

/// The bundled catalogs, parsed once. A catalog that fails to parse (a test
/// rules that out) is empty, so its words fall back to English, never a panic.
pub fn catalogs() -> &'static [Catalog; 3] {
    static CATALOGS: OnceLock<[Catalog; 3]> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        Language::ALL.map(|language| {
            let (file, text) = language.source();
            Catalog::parse(file, text).unwrap_or_default()
        })
    })
}

thread_local! {
    // Per thread, because each window (and each UI test) draws on its own
    // thread: one test switching to Русский must not relabel another.
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// Makes `language` the one [`tr`] answers in, on this thread.
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// The language [`tr`] answers in on this thread.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// The text for `key` in the current language; English where the language
/// lacks it; the key itself where English does too (a test forbids both).
pub fn tr(key: &'static str) -> &'static str {
    let catalogs = catalogs();
    catalogs[language().index()]
        .get(key)
        .or_else(|| catalogs[0].get(key))
        .unwrap_or(key)
}

/// [`tr`] with each `{name}` replaced by its value from `args`.
pub fn trf(key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(tr(key), args)
}

/// Replaces each `{name}` in `template` by its value; unknown names stay.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_catalog_parses() {
        for language in Language::ALL {
            let (file, text) = language.source();
            let catalog = Catalog::parse(file, text);
            assert!(catalog.is_ok(), "{:?}", catalog.err());
        }
    }

    #[test]
    fn every_language_has_exactly_the_english_keys() {
        let english = &catalogs()[0];
        for language in &Language::ALL[1..] {
            let other = &catalogs()[language.index()];
            let missing: Vec<_> = english.keys().filter(|k| other.get(k).is_none()).collect();
            let extra: Vec<_> = other.keys().filter(|k| english.get(k).is_none()).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                language.source().0
            );
        }
    }

    #[test]
    fn translations_keep_the_english_placeholders() {
        let english = &catalogs()[0];
        for language in &Language::ALL[1..] {
            for key in english.keys() {
                let mut want = placeholders(english.get(key).unwrap_or_default());
                let mut got =
                    placeholders(catalogs()[language.index()].get(key).unwrap_or_default());
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(want, got, "{} {key}", language.source().0);
            }
        }
    }

    #[test]
    fn no_translation_is_empty() {
        for language in Language::ALL {
            for key in catalogs()[language.index()].keys() {
                let text = catalogs()[language.index()].get(key).unwrap_or_default();
                assert!(!text.trim().is_empty(), "{} {key}", language.source().0);
            }
        }
    }

    #[test]
    fn the_language_is_per_thread_and_falls_back_to_the_key() {
        set_language(Language::Russian);
        assert_eq!(language(), Language::Russian);
        let other = std::thread::spawn(language).join().ok();
        assert_eq!(other, Some(Language::English));
        // Not a literal call, so the test of used keys does not count it.
        let unknown = "no.such.key";
        assert_eq!(tr(unknown), "no.such.key");
        set_language(Language::English);
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        assert_eq!(fill("{n} of {m}", &[("n", &3), ("m", &"7")]), "3 of 7");
        assert_eq!(fill("{x} and {", &[]), "{x} and {");
        assert_eq!(placeholders("a {b} c {d}"), vec!["b", "d"]);
    }

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr"), None);
    }
}
