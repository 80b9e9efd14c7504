//! The Study view driven as a reader would: clicking, typing keys, scrolling,
//! restarting the app. Runs without a display or GPU.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use crate::common;

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::MemoryStorage;
use neutrality_reader::dataset::{Dataset, Problem};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::theme::Theme;

fn dataset() -> Arc<Dataset> {
    Arc::new(Dataset::embedded().unwrap())
}

fn app_with(
    storage: Option<&MemoryStorage>,
    origin: DataOrigin,
    height: f32,
) -> Harness<'static, ReaderApp> {
    let data = dataset();
    let storage = storage.map(|s| MemoryStorage(s.0.clone()));
    let mut harness = Harness::builder()
        .with_size([1280.0, height])
        .build_eframe(move |cc| {
            let stored = storage.as_ref().map(|s| s as &dyn eframe::Storage);
            ReaderApp::new(&cc.egui_ctx, data, origin, stored)
        });
    harness.run();
    harness
}

fn app() -> Harness<'static, ReaderApp> {
    app_with(None, DataOrigin::default(), 2400.0)
}

fn library_entry<'a>(
    harness: &'a Harness<'static, ReaderApp>,
    title: &'a str,
) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(Role::Button, title)
}

#[test]
fn opens_on_the_oldest_article() {
    let harness = app();
    assert_eq!(
        harness.state().settings().open_article.as_deref(),
        Some("nam-ambassadors-briefing-2020")
    );
    harness.get_by_label_contains("On the 10th of June 2020, the online briefing");
}

#[test]
fn clicking_an_article_in_the_library_opens_it() {
    let mut harness = app();
    assert!(
        harness
            .query_by_label_contains("implemented based on the Constitution of Turkmenistan")
            .is_none()
    );
    library_entry(&harness, "Foreign Policy").click();
    harness.run();
    assert_eq!(
        harness.state().settings().open_article.as_deref(),
        Some("mfa-foreign-policy")
    );
    harness.get_by_label_contains("implemented based on the Constitution of Turkmenistan");
    // The source line stands in the library and above the article.
    let source_lines = harness
        .query_all_by_label_contains("Ministry of Foreign Affairs of Turkmenistan · 1 October 2022")
        .count();
    assert_eq!(source_lines, 2);
    // The editor's notes on the page's dates are folded under one line over
    // the text, and open with a click.
    assert!(
        harness
            .query_by_label_contains("captured in 2025")
            .is_none()
    );
    harness.get_by_label_contains("Editor’s notes (").click();
    harness.run();
    harness.get_by_label_contains("captured in 2025");
}

#[test]
fn the_resolution_keeps_preamble_and_numbered_operative_paragraphs() {
    let mut harness = app_with(None, DataOrigin::default(), 6000.0);
    library_entry(
        &harness,
        "UN General Assembly adopts the resolution “Permanent Neutrality of Turkmenistan”",
    )
    .click();
    harness.run();
    harness.get_by_label_contains("Recalling its resolutions 50/80 A of 12 December 1995");
    harness.get_by_label("1.");
    harness.get_by_label("7.");
    assert!(
        harness.query_by_label("8.").is_none(),
        "seven operative paragraphs"
    );
    harness.get_by_label_contains("Decides to include in the provisional agenda");
    // The footnote marker glued to "Group5" in the web copy is gone.
    harness.get_by_label_contains("first ministerial meeting of the Group to maintain");
}

#[test]
fn the_panel_lists_the_articles_organizations_and_events() {
    let harness = app();
    harness.get_by_label("NAM");
    harness.get_by_label("Member since 1995");
    harness.get_by_role_and_label(
        Role::Button,
        "Online briefing of Non-Aligned ambassadors in Geneva",
    );
    // The SCO is not in this article.
    assert!(harness.query_by_label("SCO").is_none());
}

#[test]
fn clicking_an_event_highlights_its_paragraph() {
    let mut harness = app();
    harness
        .get_by_role_and_label(
            Role::Button,
            "Online briefing of Non-Aligned ambassadors in Geneva",
        )
        .click();
    harness.run();
    assert_eq!(
        harness.state().highlighted(),
        Some(("nam-ambassadors-briefing-2020", 3))
    );
}

/// The height of the open article's first paragraph as drawn: larger text
/// makes it taller (taller lines, and more of them).
fn first_paragraph_height(harness: &Harness<'static, ReaderApp>) -> f32 {
    let app = harness.state();
    let article = app.settings().open_article.clone().unwrap();
    let text = app
        .dataset()
        .article(&article)
        .unwrap()
        .body
        .iter()
        .find_map(|block| match block {
            neutrality_reader::model::Block::Paragraph { text, .. } => Some(text.clone()),
            _ => None,
        })
        .unwrap();
    let start: String = text.chars().take(40).collect();
    harness.get_by_label_contains(&start).rect().height()
}

#[test]
fn a_minus_and_a_plus_change_the_articles_text_size() {
    let mut harness = app();
    let before = harness.state().settings().text_size;
    let height = first_paragraph_height(&harness);
    harness.get_by_role_and_label(Role::Button, "A+").click();
    harness.run();
    assert_eq!(harness.state().settings().text_size, before + 2.0);
    harness.get_by_label(&format!("{:.0} pt", before + 2.0));
    // The page itself, not only the setting: the paragraph is drawn larger.
    let larger = first_paragraph_height(&harness);
    assert!(larger > height * 1.05, "{height} -> {larger}");
    // The interface around it keeps its size.
    assert_eq!(harness.state().settings().zoom, 1.0);
    for _ in 0..2 {
        harness.get_by_role_and_label(Role::Button, "A−").click();
        harness.run();
    }
    assert_eq!(harness.state().settings().text_size, before - 2.0);
}

#[test]
fn the_four_themes_differ() {
    for (i, a) in Theme::ALL.iter().enumerate() {
        for b in &Theme::ALL[i + 1..] {
            let (va, vb) = (a.visuals(), b.visuals());
            assert!(
                va.panel_fill != vb.panel_fill || va.override_text_color != vb.override_text_color,
                "{a:?} and {b:?} look the same"
            );
        }
    }
}

#[test]
fn the_reading_menu_switches_between_the_four_themes() {
    let mut harness = app();
    for (label, theme, dark) in [
        ("Dark", Theme::Dark, true),
        ("Sepia", Theme::Sepia, false),
        ("High contrast", Theme::HighContrast, true),
        ("Light", Theme::Light, false),
    ] {
        harness
            .get_by_role_and_label(Role::Button, "Reading")
            .click();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(harness.state().settings().theme, theme);
        let visuals = harness.ctx.global_style().visuals.clone();
        assert_eq!(visuals.dark_mode, dark, "{label}");
        // The theme's own colours are on screen, which tells Sepia from Light.
        assert_eq!(visuals, theme.visuals(), "{label}");
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
}

#[test]
fn f1_or_a_question_mark_shows_the_keyboard_shortcuts_and_esc_hides_them() {
    let mut harness = app();
    assert!(!harness.state().shortcuts_open());
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.state().shortcuts_open());
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("blank the screen, and back");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().shortcuts_open());
    harness.event(egui::Event::Text("?".to_owned()));
    harness.run();
    assert!(harness.state().shortcuts_open());
}

#[test]
fn the_line_width_slider_sets_the_measure() {
    let mut harness = app();
    assert_eq!(harness.state().settings().line_width, 70);
    harness
        .get_by_role_and_label(Role::Button, "Reading")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Line width")
        .focus();
    harness.run();
    for _ in 0..10 {
        harness.key_press(egui::Key::ArrowLeft);
        harness.run();
    }
    assert_eq!(harness.state().settings().line_width, 60);
}

#[test]
fn the_library_panel_can_be_hidden() {
    let mut harness = app();
    harness
        .get_by_role_and_label(Role::Button, "Library")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Foreign Policy")
            .is_none()
    );
    assert!(!harness.state().settings().show_library);
}

#[test]
fn the_open_article_and_scroll_position_come_back_after_a_restart() {
    let mut harness = app_with(None, DataOrigin::default(), 800.0);
    library_entry(&harness, "Foreign Policy").click();
    harness.run();
    harness.hover_at(egui::pos2(620.0, 500.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -900.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let scrolled = harness.state().settings().scroll["mfa-foreign-policy"];
    assert!(
        scrolled > 100.0,
        "the wheel scrolled the reader ({scrolled})"
    );
    let progress = harness.state().settings().progress["mfa-foreign-policy"];
    assert!(progress > 0.0 && progress < 1.0);

    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    drop(harness);

    let restarted = app_with(Some(&storage), DataOrigin::default(), 800.0);
    let settings = restarted.state().settings();
    assert_eq!(settings.open_article.as_deref(), Some("mfa-foreign-policy"));
    assert!(
        (settings.scroll["mfa-foreign-policy"] - scrolled).abs() < 1.0,
        "scroll restored: {} vs {scrolled}",
        settings.scroll["mfa-foreign-policy"]
    );
    assert_eq!(settings.progress["mfa-foreign-policy"], progress);
}

#[test]
fn a_saved_article_that_no_longer_exists_falls_back_to_the_first() {
    let mut storage = MemoryStorage::default();
    storage.0.insert(
        neutrality_reader::ui::state::STORAGE_KEY.to_owned(),
        "(open_article: Some(\"gone\"), text_size: 22.0)".to_owned(),
    );
    let harness = app_with(Some(&storage), DataOrigin::default(), 1200.0);
    let settings = harness.state().settings();
    assert_eq!(
        settings.open_article.as_deref(),
        Some("nam-ambassadors-briefing-2020")
    );
    assert_eq!(settings.text_size, 22.0);
}

#[test]
fn a_dataset_that_failed_to_load_is_named_with_its_problems() {
    let origin = DataOrigin {
        folder: Some("my-unit".to_owned()),
        problems: vec![Problem::at(
            "my-unit/events.ron",
            Some((12, 5)),
            "unknown field `titel` in Event",
        )],
    };
    let mut harness = app_with(None, origin, 1200.0);
    harness.get_by_label_contains("my-unit could not be loaded (1 problem)");
    harness.get_by_label("Show the problems").click();
    harness.run();
    harness.get_by_label("my-unit/events.ron:12:5: unknown field `titel` in Event");
    // The bundled dataset is shown meanwhile.
    library_entry(&harness, "Foreign Policy");
}

#[test]
fn nothing_repaints_when_idle() {
    let mut harness = app();
    harness.run();
    let delay = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.repaint_delay);
    assert_eq!(delay, Some(std::time::Duration::MAX));
}

#[test]
fn hovering_an_event_shows_its_card_with_the_editors_note() {
    let mut harness = app();
    library_entry(
        &harness,
        "Cooperation of Turkmenistan with international organizations is strengthened",
    )
    .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            "ECO summit in Ashgabat opens with the Tejen–Sarahs–Mashhad railway",
        )
        .hover();
    // Tooltips wait a moment before they show.
    harness.run_steps(60);
    harness.get_by_label_contains(
        "begins with the opening ceremony of the Tejen–Sarahs–Mashhad railway",
    );
    harness.get_by_label_contains("“the summit of the IOC”, a wrong acronym");
}

#[test]
fn the_keyboard_scrolls_the_article() {
    let mut harness = app_with(None, DataOrigin::default(), 800.0);
    library_entry(&harness, "Foreign Policy").click();
    harness.run();
    let offset =
        |h: &Harness<'static, ReaderApp>| h.state().settings().scroll["mfa-foreign-policy"];
    assert_eq!(offset(&harness), 0.0);

    // Page Down works even with the focus still on the library's button.
    harness.key_press(egui::Key::PageDown);
    harness.run();
    let one_page = offset(&harness);
    assert!(
        one_page > 400.0,
        "Page Down moves about a screenful ({one_page})"
    );

    // Space would press the focused button; Escape lets go of the focus first.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(offset(&harness) > one_page * 1.8, "Space pages on");

    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert!(offset(&harness) < one_page * 2.0);

    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(
        harness.state().settings().progress["mfa-foreign-policy"],
        1.0
    );

    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(offset(&harness), 0.0);
}

#[test]
fn the_timeline_strip_can_be_hidden() {
    let mut harness = app();
    harness.get_by_label_contains("events of this article emphasised");
    harness
        .get_by_role_and_label(Role::Button, "Timeline strip")
        .click();
    harness.run();
    assert!(!harness.state().settings().show_strip);
    assert!(
        harness
            .query_by_label_contains("events of this article emphasised")
            .is_none()
    );
}

/// The bundled unit with 250 more events citing the article
/// `nam-ambassadors-briefing-2020` (`common::crowded_copy`), and that
/// article's events in the order the panel lists them.
fn crowded_article() -> (Arc<Dataset>, Vec<usize>) {
    let dir = common::crowded_copy(250);
    let data = Arc::new(Dataset::load_dir(dir.path()).unwrap());
    let order = data
        .event_indices_of_article("nam-ambassadors-briefing-2020")
        .to_vec();
    (data, order)
}

/// The window on `data`, tall enough for a hundred events in the panel.
fn tall_window(data: &Arc<Dataset>) -> Harness<'static, ReaderApp> {
    let data = data.clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None));
    harness.run();
    harness
}

/// Scrolls the panel to "Show more", as a reader would, and clicks it.
fn show_more(harness: &mut Harness<'static, ReaderApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Show more")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Show more")
        .click();
    harness.run();
}

/// An article that 250 events cite lists the first 100 in the panel, says
/// how many of how many it shows, and "Show more" adds 100 at a time until
/// all are there: a 100,000-event unit's article is not laid out whole in
/// every frame.
#[test]
fn an_article_cited_by_many_events_lists_them_a_hundred_at_a_time() {
    let (data, order) = crowded_article();
    let total = order.len();
    assert!(total > 250, "{total}");
    // How many of the crowd are among the article's first `n` events.
    let crowd_in_first = |n: usize| {
        order
            .iter()
            .take(n)
            .filter(|&&i| data.events[i].id.starts_with("crowd-"))
            .count()
    };
    let (first_100, first_200) = (crowd_in_first(100), crowd_in_first(200));
    assert!(first_100 < first_200 && first_200 < 250);
    let mut harness = tall_window(&data);
    let listed = |harness: &Harness<'static, ReaderApp>| {
        (0..250)
            .filter(|i| {
                harness
                    .query_by_label(&format!("Crowd event {i:03}"))
                    .is_some()
            })
            .count()
    };
    assert_eq!(listed(&harness), first_100);
    harness.get_by_label(&format!("Shown: 100 of {total}"));
    show_more(&mut harness);
    assert_eq!(listed(&harness), first_200);
    harness.get_by_label(&format!("Shown: 200 of {total}"));
    show_more(&mut harness);
    assert_eq!(listed(&harness), 250);
    assert!(harness.query_by_label("Show more").is_none());
    assert!(harness.query_by_label_contains("Shown: ").is_none());
}

/// "Show more" is reached and pressed from the keyboard as it is clicked:
/// Tab goes down the panel's hundred events to it, and Enter shows a
/// hundred more with the focus on the first of them (not lost, and not on
/// some other row), so the reader goes on from there; at the last page,
/// Space does the same and the button goes.
#[test]
fn show_more_is_reached_by_tab_and_pressed_with_enter() {
    let (data, order) = crowded_article();
    let total = order.len();
    let title = |n: usize| data.events[order[n]].title.to_string();
    let (row_100, row_200) = (title(100), title(200));
    let mut harness = tall_window(&data);
    harness.get_by_label(&format!("Shown: 100 of {total}"));
    let presses = common::tab_to(&mut harness, "Show more", 1000);
    assert!(
        presses > 100,
        "{presses} presses: the hundred events come first"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label(&format!("Shown: 200 of {total}"));
    assert_eq!(common::focused(&harness), Some(row_100));
    // The next hundred, then the button again.
    let presses = common::tab_to(&mut harness, "Show more", 1000);
    assert_eq!(presses, 100, "from the 101st event to the button");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("Show more").is_none());
    assert!(harness.query_by_label_contains("Shown: ").is_none());
    assert_eq!(common::focused(&harness), Some(row_200));
}
