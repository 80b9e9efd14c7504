use std::path::PathBuf;

use super::*;
use crate::fonts::SystemSource;

fn only_compiled_in() -> FontSet {
    FontSet::new(SystemSource::None)
}

fn with_fixture() -> FontSet {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts");
    FontSet::new(SystemSource::Dirs(vec![dir]))
}

/// The bundled dataset with `from` replaced by `to` in `file`.
fn changed(file: &str, from: &str, to: &str) -> DataFiles {
    let mut files = DataFiles::embedded();
    let target = files
        .articles
        .iter_mut()
        .chain(files.records.iter_mut())
        .find(|f| f.name == file);
    if let Some(target) = target {
        assert!(target.text.contains(from), "{from:?} in {file}");
        target.text = target.text.replacen(from, to, 1);
    }
    files
}

fn place_of(files: &DataFiles, file: &str, needle: &str) -> (usize, usize) {
    let text = &files
        .all()
        .find(|f| f.name == file)
        .map(|f| f.text.as_str());
    let text = text.unwrap_or_default();
    let at = text.find(needle).unwrap_or_default();
    Locator::new(text).line_column(at)
}

#[test]
fn the_bundled_dataset_has_nothing_to_say() {
    let glyphs = lint(&DataFiles::embedded(), &only_compiled_in());
    assert_eq!(glyphs.warnings, vec![]);
    assert_eq!(glyphs.notes, vec![]);
}

#[test]
fn a_private_use_character_is_a_warning_at_its_place() {
    let file = "data/events.ron";
    let files = changed(
        file,
        "Turkmenistan becomes an independent",
        "Turkmenistan \u{E000} becomes an independent",
    );
    let glyphs = lint(&files, &only_compiled_in());
    let place = place_of(&files, file, "\u{E000}");
    assert_eq!(glyphs.warnings.len(), 1, "{:?}", glyphs.warnings);
    let warning = &glyphs.warnings[0];
    assert_eq!(
        (warning.file.as_str(), warning.line, warning.column),
        (file, Some(place.0), Some(place.1))
    );
    assert!(
        warning
            .message
            .starts_with("U+E000 “\u{E000}” has no glyph in any font"),
        "{}",
        warning.message
    );
}

#[test]
fn one_warning_per_text_however_many_characters() {
    let file = "data/articles/mfa-foreign-policy.ron";
    let many = "क".repeat(5000) + "ख\u{E001}\u{E000}";
    let files = changed(file, "Turkmenistan continues", &format!("{many} continues"));
    let glyphs = lint(&files, &only_compiled_in());
    assert_eq!(glyphs.warnings.len(), 1, "{:?}", glyphs.warnings);
    let message = &glyphs.warnings[0].message;
    assert!(message.starts_with("U+0915 “क” has no glyph"), "{message}");
    assert!(
        message.contains("so do U+0916 “ख”, U+E001 “\u{E001}” and 1 more in this text"),
        "{message}"
    );
    let place = place_of(&files, file, "क");
    assert_eq!(
        (glyphs.warnings[0].line, glyphs.warnings[0].column),
        (Some(place.0), Some(place.1))
    );
}

#[test]
fn an_escaped_character_is_found_at_its_escape() {
    let file = "data/people.ron";
    let files = changed(file, "name: \"", "name: \"\\u{E000}");
    let glyphs = lint(&files, &only_compiled_in());
    let place = place_of(&files, file, "\\u{E000}");
    assert_eq!(glyphs.warnings.len(), 1, "{:?}", glyphs.warnings);
    assert_eq!(
        (glyphs.warnings[0].line, glyphs.warnings[0].column),
        (Some(place.0), Some(place.1))
    );
}

#[test]
fn comments_are_not_text() {
    let file = "data/events.ron";
    let files = changed(
        file,
        "[\n",
        "[\n // \u{E000} \"quoted\u{E001}\" /* \u{E002} */\n",
    );
    assert_eq!(lint(&files, &only_compiled_in()).warnings, vec![]);
}

#[test]
fn a_system_font_that_has_the_character_silences_the_warning() {
    let file = "data/events.ron";
    let files = changed(
        file,
        "Independence of Turkmenistan",
        "Independence of Turkmenistan 中文",
    );
    assert_eq!(lint(&files, &only_compiled_in()).warnings.len(), 1);
    assert_eq!(lint(&files, &with_fixture()).warnings, vec![]);
}

#[test]
fn right_to_left_text_is_a_note_once_per_file() {
    let file = "data/glossary.ron";
    // Every definition starts in Arabic but the first, in Hebrew.
    let mut files = DataFiles::embedded();
    let definitions = files.records.iter_mut().find(|f| f.name == file);
    let definitions = definitions.map_or(0, |glossary| {
        glossary.text = glossary
            .text
            .replace("definition: \"", "definition: \"سلام ");
        glossary.text = glossary.text.replacen("سلام", "שלום", 1);
        glossary.text.matches("definition: ").count()
    });
    assert!(definitions > 1);
    let glyphs = lint(&files, &only_compiled_in());
    assert_eq!(glyphs.notes.len(), 1, "{:?}", glyphs.notes);
    let note = &glyphs.notes[0];
    let place = place_of(&files, file, "שלום");
    assert_eq!((note.line, note.column), (Some(place.0), Some(place.1)));
    assert!(
        note.message.starts_with(&format!(
            "right-to-left text (U+05E9 “ש”, first of {definitions} texts in this file)"
        )),
        "{}",
        note.message
    );
    assert!(
        note.message.contains("lays the words out left to right"),
        "{}",
        note.message
    );
}

#[test]
fn raw_strings_and_escapes_are_read_as_ron_reads_them() {
    let text = "(a: r#\"x\"y\u{E000}\"#, b: \"q\\\"\\u{E001}\\x41\", for: 1, c: r\"\u{E002}\")";
    let strings: Vec<String> = StringLiterals::new(text)
        .map(|chars| chars.iter().map(|&(_, c)| c).collect())
        .collect();
    assert_eq!(strings, ["x\"y\u{E000}", "q\"\u{E001}A", "\u{E002}"]);
    // Each character's offset is where it is written.
    for chars in StringLiterals::new(text) {
        for (at, c) in chars {
            let written = &text[at..];
            assert!(
                written.starts_with(c) || written.starts_with('\\'),
                "{c:?} at {at}"
            );
        }
    }
}

#[test]
fn an_unclosed_string_ends_the_file_without_panic() {
    for text in [
        "(a: \"open",
        "(a: r#\"open\"",
        "(a: \"\\u{E00",
        "(a: \"\\",
        "/* open",
    ] {
        let _ = StringLiterals::new(text).count();
    }
}
