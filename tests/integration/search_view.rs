//! Ctrl+K and Ctrl+F as a reader uses them: type, see grouped results, press
//! Enter or click to open the hit at its place; find in the open article and
//! step through the matches. Runs without a display.

use crate::window;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

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
    // The article's title once, then each hit as its paragraph number and
    // the snippet with the match.
    let dataset = Dataset::embedded().unwrap();
    let article = dataset
        .article("cooperation-international-organizations")
        .unwrap();
    let paragraph = (1..=article.body.len() as u32)
        .find(|&n| article.paragraph(n).unwrap().text().contains("Tejen"))
        .unwrap();
    let number = format!("¶ {paragraph}\n");
    let hit = harness
        .query_all(
            egui_kittest::kittest::By::new()
                .role(Role::Button)
                .label_contains(&number),
        )
        .next()
        .unwrap();
    assert!(
        hit.accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("Tejen"),
        "the snippet is in the hit"
    );
    assert!(
        !hit.accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("strengthened"),
        "the title is not repeated in the hit"
    );
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

/// The hits of the Ctrl+K window, as buttons whose name has a line break.
fn hits(harness: &Harness<'static, ReaderApp>) -> Vec<(String, egui::Rect)> {
    harness
        .query_all(By::new().role(Role::Button).label_contains("\n"))
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect()
}

#[test]
fn a_new_query_shows_its_results_from_the_top() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    type_in(&mut harness, "Search everything", "Turkmenistan");
    let (_, first) = hits(&harness)[0].clone();
    harness.hover_at(first.center());
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -2000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    assert!(hits(&harness)[0].1.top() < first.top() - 100.0, "scrolled");
    type_in(&mut harness, "Search everything", " neutrality");
    let (_, top) = hits(&harness)[0].clone();
    assert!(
        (top.top() - first.top()).abs() < 2.0,
        "the first hit is back at the top: {top:?} vs {first:?}"
    );
}

#[test]
fn hovering_a_hit_covers_nothing() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    type_in(&mut harness, "Search everything", "neutrality");
    for (name, _) in hits(&harness).into_iter().take(8) {
        harness
            .query_all(By::new().role(Role::Button).label(&name))
            .next()
            .unwrap()
            .hover();
        harness.run_steps(60);
        assert!(harness.query_by_label("Open").is_none(), "{name}");
    }
}

#[test]
fn a_group_cut_short_can_be_shown_whole() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    type_in(&mut harness, "Search everything", "neutrality");
    let before = hits(&harness).len();
    let show_all = harness
        .query_all(By::new().role(Role::Button).label_contains("Show all"))
        .next()
        .unwrap();
    let name = show_all.accesskit_node().label().unwrap_or_default();
    let total: usize = name
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap();
    show_all.scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &name).click();
    harness.run();
    let after = hits(&harness).len();
    assert_eq!(after, before - 6 + total, "{name}");
}

#[test]
fn esc_closes_the_find_bar_wherever_the_focus_is() {
    let mut harness = app();
    harness.state_mut().open("mfa-foreign-policy", None);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    type_in(&mut harness, "Find in this article", "neutral");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Find in this article")
            .is_none()
    );
    assert_eq!(harness.state().find_mark(), None);
    // Again, with the focus on the page's Next button.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Next").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Find in this article")
            .is_none()
    );
}

/// The reader's marks of the Ctrl+F matches (`src/ui/study/linked.rs`): the
/// current one, and the others, paler.
const CURRENT: egui::Color32 = egui::Color32::from_rgb(0xF2, 0xC1, 0x4E);
const OTHER: egui::Color32 = egui::Color32::from_rgb(0xFC, 0xE9, 0xB0);

/// The text sections painted with a background of `color`.
fn painted_with(harness: &Harness<'static, ReaderApp>, color: egui::Color32) -> usize {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(text.galley.job.sections.clone()),
            _ => None,
        })
        .flatten()
        .filter(|section| section.format.background == color)
        .count()
}

#[test]
fn ctrl_f_marks_every_match_and_the_current_one_stronger() {
    let mut harness = window([1400.0, 6000.0], |mut app| {
        app.open("mfa-foreign-policy", None);
        app
    });
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    type_in(&mut harness, "Find in this article", "neutral");
    let dataset = Dataset::embedded().unwrap();
    let article = dataset.article("mfa-foreign-policy").unwrap();
    let count = neutrality_reader::search::find_in_article(article, "neutral").len();
    assert!(count >= 2);
    let current = painted_with(&harness, CURRENT);
    let others = painted_with(&harness, OTHER);
    assert!(current >= 1, "the current match is marked");
    assert!(
        others >= count - 1,
        "{others} of {} other matches marked",
        count - 1
    );
}
