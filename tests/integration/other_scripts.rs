//! Other scripts (issue 16): text the compiled-in fonts cannot draw (CJK here)
//! is drawn with a system font, in every family the reader uses, not as boxes.
//!
//! egui_kittest's harness panics on any glyph nothing can draw ("No glyph for
//! …", its `MissingGlyphPolicy::Panic`), so a frame that completes drew no
//! box. The fixture font (tests/fixtures/fonts) makes the first tests mean
//! the same on every machine; the last uses this machine's own fonts and says
//! so when it has no CJK font to use.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot write its unit should fail loudly"
)]

use std::path::PathBuf;
use std::sync::Arc;

use egui::{FontFamily, FontId, RichText};
use egui_kittest::Harness;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::fonts::{FontSet, SystemSource};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::fonts;

const CJK: &str = "中文日本語";

fn fixture_fonts() -> Arc<FontSet> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts");
    Arc::new(FontSet::new(SystemSource::Dirs(vec![dir])))
}

/// A harness that draws `text` in each family the reader uses, once its
/// fonts come from `set` (nothing is drawn before they are installed).
fn every_family(text: &'static str, set: Arc<FontSet>) -> Harness<'static, bool> {
    let mut harness = Harness::builder().build_ui_state(
        move |ui, installed: &mut bool| {
            if !*installed {
                return;
            }
            let families = [
                FontFamily::Proportional,
                FontFamily::Monospace,
                fonts::family(fonts::SERIF),
                fonts::family(fonts::SERIF_BOLD),
                fonts::family(fonts::SERIF_ITALIC),
            ];
            for family in families {
                ui.label(RichText::new(text).font(FontId::new(16.0, family)));
            }
        },
        false,
    );
    fonts::install_with(&harness.ctx, set);
    *harness.state_mut() = true;
    harness.run();
    harness
}

fn discovered(harness: &Harness<'_, bool>) -> Vec<String> {
    harness.ctx.fonts(|f| {
        f.discovered_fonts()
            .iter()
            .map(|font| font.name.clone())
            .collect()
    })
}

#[test]
fn cjk_text_is_drawn_with_a_system_font_in_every_family() {
    let harness = every_family(CJK, fixture_fonts());
    // One face serves all five families (egui lists it once for each
    // family that asked; it parses a face of one name once).
    let mut found = discovered(&harness);
    found.dedup();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("system:Reader Fixture CJK:"),
        "{found:?}"
    );
}

#[test]
fn latin_text_reads_no_system_font() {
    let harness = every_family("Permanent neutrality “1995” – ý ň ş 😀", fixture_fonts());
    assert_eq!(discovered(&harness), Vec::<String>::new());
}

/// The check above can fail: a character no font has is still a box, and
/// the harness says so.
#[test]
#[should_panic(expected = "No glyph")]
fn a_character_no_font_has_is_still_reported() {
    every_family("\u{E000}", fixture_fonts());
}

/// A starter unit whose article is in Chinese and Japanese, with an emoji.
fn cjk_unit() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unit");
    neutrality_reader::dataset::starter::write_starter(&folder).unwrap();
    let article = "Article(id: \"first-article\", title: \"中文 日本語\", publisher: None, \
         published: None, summary: \"日本語の要約 😀\", \
         body: [Paragraph(text: \"中立国 土库曼斯坦 — 永世中立。\"), Heading(text: \"日本語\")])";
    std::fs::write(folder.join("articles").join("first-article.ron"), article).unwrap();
    assert!(Dataset::load_dir(&folder).is_ok());
    (dir, folder)
}

/// The bundled dataset first (no system font read), then a CJK unit opened
/// in the same window: its text is drawn with a system font, not as boxes.
#[test]
fn a_cjk_unit_opened_later_draws_without_boxes_where_the_system_has_a_cjk_font() {
    let platform = FontSet::platform();
    let text = "中文日本語要約立国土库曼斯坦永世";
    if let Some(c) = text.chars().find(|&c| !platform.can_draw(c)) {
        eprintln!(
            "SKIPPED: no font on this machine draws {c:?} (install a CJK font such as \
             Debian's fonts-droid-fallback or fonts-noto-cjk to run this test)"
        );
        return;
    }
    let data = Arc::new(Dataset::embedded().unwrap());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None));
    harness.run();
    let found = |h: &Harness<'_, ReaderApp>| h.ctx.fonts(|f| f.discovered_fonts().len());
    assert_eq!(
        found(&harness),
        0,
        "the bundled dataset needs no system font"
    );
    let (_dir, folder) = cjk_unit();
    harness.state_mut().open_dataset_folder(&folder);
    harness.run();
    harness.state_mut().open("first-article", None);
    harness.run();
    assert_eq!(harness.state().dataset().articles[0].title, "中文 日本語");
    assert!(found(&harness) >= 1, "a system font was used");
}

/// `check` knows what the window draws without egui (crate::fonts::EMBEDDED):
/// every font the window installs is in that list, by name and bytes.
#[test]
fn check_counts_the_same_compiled_in_fonts_as_the_window() {
    let harness = every_family("a", fixture_fonts());
    let installed = harness.ctx.fonts(|f| f.definitions().font_data.clone());
    let embedded = neutrality_reader::fonts::EMBEDDED;
    for (name, data) in &installed {
        let same = embedded
            .iter()
            .any(|font| font.name == name && font.bytes == data.bytes());
        assert!(same, "{name} is drawn with but not in fonts::EMBEDDED");
    }
    assert_eq!(installed.len(), embedded.len());
}
