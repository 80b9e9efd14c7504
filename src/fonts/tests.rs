//! The font set against fixture folders: the compiled-in fonts, a fixture
//! CJK font (tests/fixtures/fonts), broken and oversized files.

use std::path::PathBuf;

use super::*;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts")
}

fn fixture_set() -> FontSet {
    FontSet::new(SystemSource::Dirs(vec![fixture_dir()]))
}

#[test]
fn the_compiled_in_fonts_draw_latin_punctuation_and_emoji() {
    let set = FontSet::new(SystemSource::None);
    for c in "Turkmenistan’s “neutrality” – Ýaşuly ä ö ü ň ş ç 😀 ✔ ☮".chars()
    {
        assert!(set.embedded_draws(c), "{c:?} U+{:04X}", u32::from(c));
        assert!(set.can_draw(c), "{c:?}");
    }
    // Nothing here for CJK, Devanagari or a private-use character.
    for c in ['中', 'क', '\u{E000}', '\u{10FFFD}'] {
        assert!(!set.can_draw(c), "{c:?}");
    }
    assert!(set.system_faces().is_empty());
}

#[test]
fn a_system_font_draws_what_the_compiled_in_ones_lack() {
    let set = fixture_set();
    assert!(!set.embedded_draws('中'));
    let face = set.system_face_for('中');
    assert_eq!(face.map(|f| f.family.as_str()), Some("Reader Fixture CJK"));
    for c in "中文日本語".chars() {
        assert!(set.can_draw(c), "{c:?}");
    }
    // A CJK character the fixture does not have, and Devanagari: still none.
    for c in ['国', 'क', '\u{E000}'] {
        assert!(!set.can_draw(c), "{c:?}");
    }
    let bytes = face.map(read_face);
    assert!(
        matches!(bytes, Some(Ok(ref b)) if b.len() > 1000),
        "{bytes:?}"
    );
}

#[test]
fn broken_and_oversized_font_files_are_skipped_not_fatal() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fixture = std::fs::read(fixture_dir().join("reader-fixture-cjk.ttf"));
    let fixture = fixture.unwrap_or_else(|e| panic!("{e}"));
    // A file named as a font that is not one, and a font cut short.
    std::fs::write(dir.path().join("a-broken.ttf"), b"OTTO not really a font")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("b-cut.ttf"), &fixture[..fixture.len() / 3])
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("z-good.ttf"), &fixture).unwrap_or_else(|e| panic!("{e}"));
    let set = FontSet::new(SystemSource::Dirs(vec![dir.path().to_owned()]));
    let face = set.system_face_for('日');
    assert_eq!(
        face.and_then(|f| f.path.file_name())
            .and_then(|n| n.to_str()),
        Some("z-good.ttf")
    );
    // A face whose file has gone since it was listed: an error, no panic.
    let gone = SystemFace::for_tests(dir.path().join("gone.ttf"));
    assert!(matches!(read_face(&gone), Err(FontError::Unreadable(..))));
    let cut = SystemFace::for_tests(dir.path().join("b-cut.ttf"));
    assert!(matches!(read_face(&cut), Err(FontError::Broken(..))));
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("huge.ttf");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    // Sparse: no disk used for the hole.
    file.set_len(MAX_FONT_BYTES + 1)
        .unwrap_or_else(|e| panic!("{e}"));
    let huge = SystemFace::for_tests(path);
    assert!(matches!(read_face(&huge), Err(FontError::TooLarge(_))));
}

#[test]
fn fallback_prefers_regular_faces_and_is_the_same_every_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fixture = std::fs::read(fixture_dir().join("reader-fixture-cjk.ttf"));
    let fixture = fixture.unwrap_or_else(|e| panic!("{e}"));
    for name in ["c.ttf", "a.ttf", "b.ttf"] {
        std::fs::write(dir.path().join(name), &fixture).unwrap_or_else(|e| panic!("{e}"));
    }
    let order = || {
        let set = FontSet::new(SystemSource::Dirs(vec![dir.path().to_owned()]));
        let faces: Vec<PathBuf> = set.system_faces().iter().map(|f| f.path.clone()).collect();
        let first = set.system_face_for('文').map(|f| f.path.clone());
        (faces, first)
    };
    let (faces, first) = order();
    assert_eq!(faces.len(), 3);
    assert_eq!(first.as_ref(), faces.first());
    assert_eq!(order(), (faces, first));
}

#[test]
fn property_can_draw_is_embedded_or_some_system_face() {
    let set = fixture_set();
    // Every 97th code point of the BMP and a slice of the emoji plane.
    let fixture = "中文日本語".chars().map(u32::from);
    let probes = (0u32..0x1_0000)
        .step_by(97)
        .chain(0x1_F300..0x1_F400)
        .chain(fixture);
    for c in probes.filter_map(char::from_u32) {
        let expected = set.embedded_draws(c) || set.system_face_for(c).is_some();
        assert_eq!(set.can_draw(c), expected, "U+{:04X}", u32::from(c));
        // The fixture's five characters are the only ones it adds.
        let added = !set.embedded_draws(c) && set.can_draw(c);
        assert_eq!(added, "中文日本語".contains(c), "U+{:04X}", u32::from(c));
    }
}
