//! Every everyday path of the Study view at the sizes of a small laptop: each
//! control can be brought into view and pointed at, the note editor takes the
//! keys, the date the panel shows relationships at is said and can be let go,
//! and every article opens on its text. Runs without a display.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use crate::window;

use egui::accesskit::{NodeId, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::Block;
use neutrality_reader::ui::app::ReaderApp;
use window::window;

/// Roles a reader operates.
const CONTROLS: &[Role] = &[
    Role::Button,
    Role::Link,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::Slider,
    Role::CheckBox,
    Role::ComboBox,
    Role::Tab,
];

/// The small windows the Study view must work in.
const SIZES: [[f32; 2]; 2] = [[1024.0, 700.0], [1280.0, 800.0]];

fn article_ids() -> Vec<String> {
    let dataset = Dataset::embedded().unwrap();
    dataset.articles.iter().map(|a| a.id.clone()).collect()
}

/// A notes file with one note, so that "My notes" lists it and offers the export.
fn notes_file(dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("notes.json");
    let text = r#"{"version": 2, "entries": [{"article": "un-resolution-permanent-neutrality-2025",
        "paragraph": 2, "text": "a note", "highlighted": true,
        "updated": "2026-01-01T00:00:00Z"}]}"#;
    std::fs::write(&file, text).unwrap();
    file
}

fn open(size: [f32; 2], article: &str, notes: std::path::PathBuf) -> Harness<'static, ReaderApp> {
    let article = article.to_owned();
    window(size, move |app| {
        let mut app = app.with_notes_file(notes);
        app.open(&article, None);
        app
    })
}

/// The controls on screen: their ids and names.
fn controls(harness: &Harness<'static, ReaderApp>) -> Vec<(NodeId, String)> {
    harness
        .query_all(By::new().predicate(|node| CONTROLS.contains(&node.role())))
        .map(|node| {
            let node = node.accesskit_node();
            (node.locate().0, node.label().unwrap_or_default())
        })
        .collect()
}

/// Brings the control `id` into view and points at it: true if the pointer
/// then rests on it (so a click there would press it, not what covers it).
fn reachable(harness: &mut Harness<'static, ReaderApp>, id: NodeId) -> bool {
    let by_id = || By::new().predicate(move |node| node.locate().0 == id);
    let Some(node) = harness.query_all(by_id()).next() else {
        return false;
    };
    node.scroll_to_me();
    harness.run();
    let Some(node) = harness.query_all(by_id()).next() else {
        return false;
    };
    let screen = harness.ctx.content_rect();
    if !screen.contains(node.rect().center()) {
        return false;
    }
    node.hover();
    harness.run_steps(2);
    harness
        .ctx
        .viewport(|v| v.interact_widgets.hovered.iter().any(|h| h.value() == id.0))
}

#[test]
fn every_control_of_the_study_view_can_be_reached_in_every_article() {
    let dir = tempfile::tempdir().unwrap();
    for size in SIZES {
        for article in article_ids() {
            let mut harness = open(size, &article, notes_file(dir.path()));
            let all = controls(&harness);
            assert!(
                all.iter()
                    .any(|(_, name)| name == "Export notes as Markdown"),
                "{article} at {size:?}: no export button in the tree"
            );
            let mut unreachable = Vec::new();
            for (id, name) in all {
                if !reachable(&mut harness, id) {
                    unreachable.push(name);
                }
            }
            assert!(
                unreachable.is_empty(),
                "{article} at {size:?}: cannot be reached: {unreachable:?}"
            );
        }
    }
}

/// The top of the timeline strip: nothing of the page is seen below it.
fn strip_top(harness: &Harness<'static, ReaderApp>) -> f32 {
    harness
        .get_by_label_contains("emphasised · drag to pan")
        .rect()
        .top()
}

#[test]
fn every_article_opens_on_its_first_paragraph() {
    let dataset = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for article in &dataset.articles {
        let harness = open([1280.0, 800.0], &article.id, notes_file(dir.path()));
        let first = article
            .body
            .iter()
            .find_map(|block| match block {
                Block::Paragraph { text, .. } | Block::Preamble { text, .. } => Some(text),
                _ => None,
            })
            .unwrap();
        let start: String = first.chars().take(40).collect();
        let top = harness.get_by_label_contains(&start).rect().top();
        let bottom = strip_top(&harness);
        // At least two lines of it show above the strip.
        assert!(
            top > 0.0 && top + 60.0 < bottom,
            "{}: first paragraph at {top}, the strip at {bottom}",
            article.id
        );
    }
}

/// Presses a key as a keyboard does: the key, and the text it types.
fn type_keys(harness: &mut Harness<'static, ReaderApp>, text: &str) {
    for c in text.chars() {
        let key = match c {
            ' ' => Some(egui::Key::Space),
            'a' => Some(egui::Key::A),
            'b' => Some(egui::Key::B),
            _ => None,
        };
        let press = |pressed| egui::Event::Key {
            key: key.unwrap_or(egui::Key::Questionmark),
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        if key.is_some() {
            harness.event(press(true));
        }
        harness.event(egui::Event::Text(c.to_string()));
        if key.is_some() {
            harness.event(press(false));
        }
        harness.run();
    }
}

#[test]
fn a_click_on_a_paragraph_number_puts_the_keys_in_its_note() {
    let dir = tempfile::tempdir().unwrap();
    for size in SIZES {
        let mut harness = open(size, "mfa-foreign-policy", notes_file(dir.path()));
        let bottom = strip_top(&harness);
        // A number just above the strip: its editor would open under it.
        let (number, rect) = harness
            .query_all(
                By::new()
                    .role(Role::Button)
                    .label_contains("highlight or note"),
            )
            .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
            .find(|(_, rect)| rect.top() > bottom - 60.0)
            .unwrap();
        harness.hover_at(egui::pos2(rect.right() + 100.0, bottom - 100.0));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, (bottom - 40.0) - rect.top()),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
        harness.get_by_role_and_label(Role::Button, &number).click();
        harness.run();
        let paragraph: String = number
            .trim_start_matches("Paragraph ")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let name = format!("Note on paragraph {paragraph}");
        let editor = harness.get_by_role_and_label(Role::MultilineTextInput, &name);
        assert!(editor.is_focused(), "{size:?}: the editor has the keyboard");
        let rect = editor.rect();
        assert!(
            rect.top() > 0.0 && rect.bottom() <= bottom,
            "{size:?}: the editor {rect:?} is in view above the strip at {bottom}"
        );
        let before = harness.state().settings().scroll["mfa-foreign-policy"];
        type_keys(&mut harness, "a b");
        let editor = harness.get_by_role_and_label(Role::MultilineTextInput, &name);
        assert_eq!(editor.value().as_deref(), Some("a b"), "{size:?}");
        let after = harness.state().settings().scroll["mfa-foreign-policy"];
        assert_eq!(before, after, "{size:?}: Space typed a space, not a page");
    }
}

#[test]
fn the_date_relationships_are_shown_at_is_said_and_can_be_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let notes = notes_file(dir.path());
    let mut harness = window([1280.0, 800.0], move |app| {
        let mut app = app.with_notes_file(notes);
        assert!(app.focus_event("un-resolution-50-80-a"));
        app.open("un-resolution-permanent-neutrality-2025", None);
        app
    });
    assert_eq!(
        harness.state().selected_event(),
        Some("un-resolution-50-80-a")
    );
    harness.get_by_label_contains("Relationships as they stood on 12 December 1995 (event: ");
    harness
        .get_by_role_and_label(Role::Button, "Show today’s")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_event(), None);
    assert!(
        harness
            .query_by_label_contains("Relationships as they stood on")
            .is_none()
    );
}
