//! The interface in three languages: every key the code asks for exists in
//! every language file, every letter of every translation can be drawn, and
//! choosing a language in the Reading menu relabels the window.

use crate::window;

use std::collections::BTreeSet;
use std::path::Path;

use egui::{FontId, Role};
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use neutrality_reader::i18n::{Language, catalogs};
use neutrality_reader::ui::command::View;
use neutrality_reader::ui::fonts;
use window::window;

/// Every literal key passed to `tr(` or `trf(` in the Rust files under `dir`.
fn keys_used(dir: &Path, found: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            keys_used(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for call in ["tr(", "trf("] {
                for (at, _) in text.match_indices(call) {
                    // `tr(` must start a name, not end one (`attr(`, `str(`).
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = text[at + call.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue;
                    };
                    if let Some(end) = rest.find('"') {
                        found.insert(rest[..end].to_owned());
                    }
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_uses_is_in_every_language_and_none_is_unused() {
    let mut used = BTreeSet::new();
    keys_used(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    assert!(used.len() > 100, "only {} keys found", used.len());
    for language in Language::ALL {
        let catalog = &catalogs()[Language::ALL
            .iter()
            .position(|l| *l == language)
            .unwrap_or(0)];
        let missing: Vec<_> = used.iter().filter(|k| catalog.get(k).is_none()).collect();
        assert!(
            missing.is_empty(),
            "{} lacks the keys {missing:?}",
            language.source().0
        );
        let unused: Vec<_> = catalog.keys().filter(|k| !used.contains(*k)).collect();
        assert!(
            unused.is_empty(),
            "{} has keys no code uses: {unused:?}",
            language.source().0
        );
    }
}

#[test]
fn every_letter_of_every_language_has_a_glyph() {
    let harness = window([800.0, 600.0], |app| app);
    let families = [
        FontId::proportional(14.0),
        FontId::monospace(14.0),
        FontId::new(14.0, fonts::family(fonts::SERIF)),
        FontId::new(14.0, fonts::family(fonts::SERIF_BOLD)),
    ];
    // The Turkmen and Russian alphabets in full, beyond what the files use today.
    let alphabets = "ÄäÇçŽžŇňÖöŞşÜüÝý АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя «»—–…№";
    for (index, language) in Language::ALL.iter().enumerate() {
        for key in catalogs()[index].keys() {
            let text = catalogs()[index].get(key).unwrap_or_default();
            for font in &families {
                let missing: String = text
                    .chars()
                    .filter(|c| !harness.ctx.fonts_mut(|f| f.has_glyph(font, *c)))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{} {key}: no glyph for {missing:?} in {font:?}",
                    language.source().0
                );
            }
        }
    }
    for font in &families {
        let missing: String = alphabets
            .chars()
            .filter(|c| !harness.ctx.fonts_mut(|f| f.has_glyph(font, *c)))
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?} in {font:?}");
    }
}

/// Whether some node of the window is named `label` exactly.
fn shown(
    harness: &egui_kittest::Harness<'static, neutrality_reader::ui::app::ReaderApp>,
    label: &str,
) -> bool {
    harness.query_all(By::new().label(label)).next().is_some()
}

#[test]
fn choosing_a_language_in_the_reading_menu_relabels_the_window() {
    let mut harness = window([1280.0, 800.0], |app| app);
    assert!(shown(&harness, "Timeline"));

    harness
        .get_by_role_and_label(Role::Button, "Reading")
        .click();
    harness.run();
    harness.get_by_label("Русский").click();
    harness.run();
    assert_eq!(
        harness.state().settings().language,
        Language::Russian,
        "the choice is kept in the settings that are saved"
    );
    assert!(shown(&harness, "Хронология"));
    assert!(shown(&harness, "Организации"));
    assert!(!shown(&harness, "Timeline"));

    harness
        .get_by_role_and_label(Role::Button, "Чтение")
        .click();
    harness.run();
    harness.get_by_label("Türkmençe").click();
    harness.run();
    assert!(shown(&harness, "Wagt çyzgysy"));
    assert!(shown(&harness, "Guramalar"));
    assert!(!shown(&harness, "Хронология"));

    harness
        .get_by_role_and_label(Role::Button, "Okamak")
        .click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert!(shown(&harness, "Timeline"));
}

#[test]
fn in_russian_no_view_shows_an_english_word_of_the_interface() {
    let mut harness = window([1400.0, 1000.0], |mut app| {
        app.apply_language(Language::Russian);
        app
    });
    let [english, _, russian] = catalogs();
    // English texts without placeholders whose Russian differs: none of them
    // may name anything on screen once the interface is in Russian.
    let english_only: BTreeSet<&str> = english
        .keys()
        .filter_map(|k| {
            let en = english.get(k)?;
            (en != russian.get(k)? && !en.contains('{')).then_some(en.trim())
        })
        .collect();
    for (view, key) in [
        (View::Timeline, "timeline.zoom_in"),
        (View::Organizations, "org.filter"),
        (View::Quiz, "quiz.code_label"),
        (View::Study, "app.toggle_library"),
    ] {
        harness.state_mut().show_view(view);
        harness.run();
        let wanted = russian.get(key).unwrap_or(key);
        assert!(shown(&harness, wanted), "{view:?}: no {wanted:?}");
        let left: BTreeSet<String> = harness
            .query_all(
                By::new().predicate(|n| n.label().is_some_and(|l| english_only.contains(l.trim()))),
            )
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(left.is_empty(), "{view:?} still in English: {left:?}");
    }
}
