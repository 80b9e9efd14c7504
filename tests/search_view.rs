//! Ctrl+K and Ctrl+F as a reader uses them: type, see grouped results, press
//! Enter or click to open the hit at its place; find in the open article and
//! step through the matches. Runs without a display.

mod window;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

fn app() -> Harness<'static, ReaderApp> {
    window([1400.0, 1000.0], |app| app)
}

fn type_in(harness: &mut Harness<'static, ReaderApp>, field: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run();
}

#[test]
fn ctrl_k_finds_an_organization_and_enter_opens_it() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    type_in(&mut harness, "Search everything", "non-aligned");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().view(), View::Organizations);
    assert_eq!(harness.state().selected_organization(), Some("nam"));
}

#[test]
fn ctrl_k_opens_a_paragraph_hit_at_its_paragraph() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    type_in(&mut harness, "Search everything", "Tejen");
    // A result is a button: its title (here the article's), a new line, then
    // the snippet with the match.
    let hit = harness
        .query_all(
            egui_kittest::kittest::By::new()
                .role(Role::Button)
                .label_contains("organizations is strengthened\n"),
        )
        .next()
        .unwrap();
    hit.click();
    harness.run();
    assert_eq!(harness.state().view(), View::Study);
    let (article, _) = harness.state().highlighted().unwrap();
    assert_eq!(article, "cooperation-international-organizations");
}

#[test]
fn ctrl_f_finds_in_the_article_and_enter_steps_through_the_matches() {
    let mut harness = app();
    harness.state_mut().open("mfa-foreign-policy", None);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    type_in(&mut harness, "Find in this article", "neutral");
    let dataset = Dataset::embedded().unwrap();
    let article = dataset.article("mfa-foreign-policy").unwrap();
    let expected: Vec<u32> = (1..=article.body.len() as u32)
        .flat_map(|n| {
            let text = article.paragraph(n).unwrap().text().to_lowercase();
            std::iter::repeat_n(n, text.matches("neutral").count())
        })
        .collect();
    assert!(expected.len() >= 2);
    harness.get_by_label(&format!("1 of {}", expected.len()));
    assert_eq!(
        harness.state().highlighted(),
        Some(("mfa-foreign-policy", expected[0]))
    );
    // The match itself is marked in its paragraph.
    let (_, paragraph, range) = harness.state().find_mark().unwrap();
    assert_eq!(paragraph, expected[0]);
    let text = article.paragraph(paragraph).unwrap().text();
    assert_eq!(text[range].to_lowercase(), "neutral");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label(&format!("2 of {}", expected.len()));
    assert_eq!(
        harness.state().highlighted(),
        Some(("mfa-foreign-policy", expected[1]))
    );
}

#[test]
fn ctrl_k_puts_the_keyboard_in_the_box_at_once() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    // No click in the box: what is typed next goes there.
    harness.event(egui::Event::Text("non-aligned".into()));
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Search everything");
    assert_eq!(field.value().as_deref(), Some("non-aligned"));
}
