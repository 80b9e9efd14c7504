//! A fast reader for the RON of our data files, with ron as the judge.
//!
//! Why hand-written: ron is the only RON crate, and correct, but reads a
//! 19 MB `events.ron` at some 60 MB/s (comparing field names, skipping white
//! space a character at a time, and more; BENCHMARKS.md, "Issue 20:
//! parsing"), while a reader of the small part of RON our files use is
//! several times faster. It is a `serde::Deserializer` over `&str` for
//! records `Name(field: value, …)` and `(…)`, tuples `(a, b)`, lists,
//! strings (ron's escapes; borrowed when nothing is escaped; raw strings),
//! whole numbers, decimal numbers, `true`/`false`, `None`/`Some(x)` and a
//! bare value for an `Option` (ron's IMPLICIT_SOME, which the data files are
//! read with), unit enum variants and variants with fields, trailing commas,
//! `//` and nested `/* */` comments, ASCII white space.
//!
//! ron stays the judge: whatever this reader is not sure of (anything else
//! RON allows, any mistake in the file, a nesting near the limit) it refuses
//! with an [`Error`] that says nothing, and [`read`] then has ron read the
//! whole text as before. So every problem an author is told of is ron's,
//! word for word, at its line and column. The rule it keeps: when it gives
//! a value, ron would give the same value; tests/integration/fast_ron.rs and the fuzz
//! target `fast_ron` check it against ron.

mod de;
mod reader;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

/// Deeper nesting than this is refused, so a hostile file cannot overflow
/// the stack (ron's limit; the fast reader stops before it).
pub const RECURSION_LIMIT: usize = 64;

/// The fast reader refused the text: ron is to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not read by the fast path")
    }
}

impl std::error::Error for Error {}

impl serde::de::Error for Error {
    // The message is dropped: ron reads the text again and tells its own.
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Error
    }
}

/// Reads `text` as `T` with the fast reader alone, or refuses.
pub fn from_str<'de, T: serde::Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    let mut deserializer = de::Deserializer::new(text);
    deserializer.reader.skip_ws()?;
    let value = T::deserialize(&mut deserializer)?;
    deserializer.reader.skip_ws()?;
    if deserializer.reader.at_end() {
        Ok(value)
    } else {
        Err(Error)
    }
}

/// The elements of the piece `text` of a list, with the fast reader alone,
/// as [`from_str`] would read `[` + text + `]`, where `open` and `close`
/// say whether the text has its own `[` and `]`; or refuses.
pub fn list_piece<T: DeserializeOwned>(
    text: &str,
    open: bool,
    close: bool,
) -> Result<Vec<T>, Error> {
    // With its `]` appended, a piece whose last line ends in a `//` comment
    // would have it swallowed: such a piece (rare, and perhaps only `//`
    // in a text) is refused, to be bracketed and read as a whole.
    if !close
        && text
            .rsplit('\n')
            .next()
            .is_some_and(|last| last.contains("//"))
    {
        return Err(Error);
    }
    let mut deserializer = de::Deserializer::new(text);
    let mut elements = deserializer.list_piece::<T>(open, close)?;
    deserializer.reader.skip_ws()?;
    if !deserializer.reader.at_end() {
        return Err(Error);
    }
    elements.shrink_to_fit();
    Ok(elements)
}

/// Reads `text` as `T` with ron alone, with the extensions and limits of
/// every data file: the judge.
pub fn ron_from_str<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str::<T>(text)
}

/// Reads `text` as `T`: the fast reader, or ron when it refuses (and then
/// ron's value or ron's error).
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    match from_str::<T>(text) {
        Ok(value) => Ok(value),
        Err(Error) => ron_from_str(text),
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use super::*;
    use crate::dataset::synthetic::{self, Sizes};
    use crate::model::{Article, Event, Fact, GlossaryTerm, Manifest, Organization, Person};

    fn same<T: DeserializeOwned + PartialEq + Debug>(name: &str, text: &str) {
        let fast = from_str::<T>(text);
        assert!(fast.is_ok(), "{name} not read fast");
        assert_eq!(fast.ok(), ron_from_str::<T>(text).ok(), "{name}");
    }

    /// A generated unit, as the benchmarks make it: every file read fast,
    /// to ron's values.
    #[test]
    fn a_generated_unit_reads_the_same_both_ways() {
        let sizes = Sizes {
            events: 3_000,
            ..Sizes::small()
        };
        let files = synthetic::files(sizes, 11);
        let [events, organizations, people, facts, glossary] = &files.records;
        same::<Vec<Event>>(&events.name, &events.text);
        same::<Vec<Organization>>(&organizations.name, &organizations.text);
        same::<Vec<Person>>(&people.name, &people.text);
        same::<Vec<Fact>>(&facts.name, &facts.text);
        same::<Vec<GlossaryTerm>>(&glossary.name, &glossary.text);
        for article in &files.articles {
            same::<Article>(&article.name, &article.text);
        }
        if let Some(manifest) = &files.manifest {
            same::<Manifest>(&manifest.name, &manifest.text);
        }
    }

    #[test]
    fn strings_read_as_ron_reads_them() {
        let cases = [
            r#""plain""#,
            r#""a\"b\\c\nd\te\rf\0g\'h""#,
            r#""\u{41}\u{1F600}\x41é""#,
            "\"one \\\n    line\"",
            "\"one \\\r\n    line\"",
            r##"r#"raw "quoted" \n"#"##,
            r#"r"raw""#,
            "\"multi\nline\"",
        ];
        for text in cases {
            let fast = from_str::<String>(text);
            assert!(fast.is_ok(), "{text}");
            assert_eq!(fast.ok(), ron_from_str::<String>(text).ok(), "{text}");
        }
        for refused in [
            r#""\x80""#,
            r#""\q""#,
            r#""\u{}""#,
            r#""\u{1234567}""#,
            "\"open",
            "b\"x\"",
        ] {
            assert_eq!(from_str::<String>(refused), Err(Error), "{refused}");
        }
    }
}
