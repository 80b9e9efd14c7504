//! The timeline as a reader uses it: clicking events, stepping with the
//! keyboard, dragging, zooming with the wheel, filtering, and reading an event
//! in its source. Runs without a display or GPU.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::command::View;

const FIRST_RESOLUTION: &str =
    "12 December 1995: First UN General Assembly resolution on Turkmenistan’s permanent neutrality";

fn app(view: View) -> Harness<'static, ReaderApp> {
    app_sized(view, [1600.0, 1000.0])
}

fn app_sized(view: View, size: [f32; 2]) -> Harness<'static, ReaderApp> {
    let data = Arc::new(Dataset::embedded().unwrap());
    let mut harness = Harness::builder()
        .with_size(size)
        // Hovering an event opens a tooltip, which fades in over a few frames.
        .with_max_steps(64)
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None);
            app.show_view(view);
            app
        });
    harness.run();
    harness
}

fn canvas_center(harness: &Harness<'static, ReaderApp>) -> egui::Pos2 {
    harness.get_by_label_contains("Timeline, ").rect().center()
}

#[test]
fn the_timeline_view_opens_on_every_event() {
    let harness = app(View::Timeline);
    let canvases = harness
        .query_all(
            egui_kittest::kittest::By::new()
                .role(Role::ScrollView)
                .label_contains("Timeline, "),
        )
        .count();
    assert_eq!(canvases, 1);
    harness.get_by_role_and_label(Role::Button, FIRST_RESOLUTION);
    harness.get_by_label("Events (37)");
}

#[test]
fn clicking_an_event_shows_its_card() {
    let mut harness = app(View::Timeline);
    harness
        .get_by_role_and_label(Role::Button, FIRST_RESOLUTION)
        .click();
    harness.run();
    assert_eq!(
        harness.state().selected_event(),
        Some("un-resolution-50-80-a")
    );
    assert!(harness.state().details_open());
    harness.get_by_label("Resolution 50/80 A");
    // The card gives the date with its precision (a full day here).
    harness.get_by_label("12 December 1995");
    harness.get_by_role_and_label(
        Role::Button,
        "Read in source: UN General Assembly adopts the resolution “Permanent Neutrality of Turkmenistan”, paragraph 10",
    );
}

#[test]
fn right_selects_the_next_event_in_time() {
    let mut harness = app(View::Timeline);
    harness
        .get_by_role_and_label(Role::Button, FIRST_RESOLUTION)
        .click();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    // Next after 12 December 1995 is 13 May 1996 (the ECO summit, then the
    // agreement signed the same day).
    assert_eq!(
        harness.state().selected_event(),
        Some("eco-summit-ashgabat-1996")
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness.state().selected_event(),
        Some("quadrilateral-transport-agreement-1996")
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness.state().selected_event(),
        Some("un-resolution-50-80-a")
    );
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(
        harness.state().selected_event(),
        Some("independence-of-turkmenistan")
    );
}

#[test]
fn dragging_pans_the_visible_range() {
    let mut harness = app(View::Timeline);
    let before = harness.state().timeline_visible().unwrap();
    let start = canvas_center(&harness);
    harness.drag_at(start);
    harness.run();
    harness.hover_at(start + egui::vec2(200.0, 0.0));
    harness.run();
    harness.drop_at(start + egui::vec2(200.0, 0.0));
    harness.run();
    let after = harness.state().timeline_visible().unwrap();
    assert!(
        after.start < before.start,
        "dragging right shows earlier years"
    );
    assert!(
        (after.len() - before.len()).abs() < 1e-6,
        "panning keeps the zoom"
    );
}

#[test]
fn the_wheel_zooms_around_the_pointer() {
    let mut harness = app(View::Timeline);
    let at = canvas_center(&harness) + egui::vec2(150.0, 0.0);
    harness.hover_at(at);
    harness.run();
    let before = harness.state().timeline_transform().unwrap();
    let under_pointer = before.t_from_x(f64::from(at.x));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let after = harness.state().timeline_transform().unwrap();
    assert!(
        after.visible().len() < before.visible().len() * 0.9,
        "zoomed in: {} -> {} days",
        before.visible().len(),
        after.visible().len()
    );
    // The day under the pointer stays under the pointer (within a pixel).
    let drift_px = (after.x_from_t(under_pointer) - f64::from(at.x)).abs();
    assert!(drift_px < 1.0, "the anchor moved {drift_px} px");
}

#[test]
fn hiding_a_category_removes_its_events() {
    let mut harness = app(View::Timeline);
    harness.get_by_label_contains("UN resolution (").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, FIRST_RESOLUTION)
            .is_none()
    );
    assert!(harness.query_by_label("Events (37)").is_none());
}

#[test]
fn read_in_source_opens_the_article_at_the_paragraph() {
    let mut harness = app(View::Timeline);
    harness
        .get_by_role_and_label(Role::Button, FIRST_RESOLUTION)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            "Read in source: UN General Assembly adopts the resolution “Permanent Neutrality of Turkmenistan”, paragraph 10",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().settings().view, View::Study);
    assert_eq!(
        harness.state().highlighted(),
        Some(("un-resolution-permanent-neutrality-2025", 10))
    );
    harness.get_by_label_contains("Recalling its resolutions 50/80 A of 12 December 1995");
}

#[test]
fn the_study_strip_selects_and_opens_the_full_timeline() {
    // The window's size as it opens: a narrow strip, where crowding shows.
    let mut harness = app_sized(View::Study, [1280.0, 800.0]);
    // The oldest article is open; the strip shows its span, 1995 to 2020,
    // with the first of its events at each end.
    harness.get_by_role_and_label(
        Role::Button,
        "1995: Turkmenistan joins the Non-Aligned Movement",
    );
    harness.get_by_role_and_label(
        Role::Button,
        "2020: 25th anniversary of the recognition of Turkmenistan’s neutrality and of its NAM membership",
    );
    harness
        .get_by_role_and_label(
            Role::Button,
            "1995: Turkmenistan joins the Non-Aligned Movement",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().selected_event(), Some("nam-membership"));
    harness
        .get_by_role_and_label(Role::Button, "Open the full timeline")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().view, View::Timeline);
    // The selection is shared: the card shows the same event.
    harness.get_by_label_contains("The 2020 briefing speaks of the 25th anniversary");
}

#[test]
fn clicking_a_cluster_zooms_into_it() {
    // A small window: the lanes' rows fill its height, and some events of
    // different dates still share a chip.
    let mut harness = app_sized(View::Timeline, [1024.0, 700.0]);
    let before = harness.state().timeline_visible().unwrap();
    let cluster = harness
        .query_all(
            egui_kittest::kittest::By::new()
                .role(Role::Button)
                .label_contains("click to zoom in"),
        )
        .next()
        .map(|node| node.rect().center())
        .expect("the fitted timeline has a cluster");
    harness.hover_at(cluster);
    harness.run();
    harness.drag_at(cluster);
    harness.drop_at(cluster);
    harness.run();
    let after = harness.state().timeline_visible().unwrap();
    assert!(
        after.len() < before.len() / 2.0,
        "{} -> {} days",
        before.len(),
        after.len()
    );
}

#[test]
fn enter_opens_the_details_escape_closes_them_and_fit_shows_everything() {
    let mut harness = app(View::Timeline);
    let fitted = harness.state().timeline_visible().unwrap();
    harness
        .get_by_role_and_label(Role::Button, FIRST_RESOLUTION)
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().details_open());
    assert_eq!(
        harness.state().selected_event(),
        Some("un-resolution-50-80-a")
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().details_open());
    // + zooms in around the middle; Fit goes back to everything.
    harness.key_press(egui::Key::Plus);
    harness.run();
    assert!(harness.state().timeline_visible().unwrap().len() < fitted.len() * 0.8);
    harness.get_by_role_and_label(Role::Button, "Fit").click();
    harness.run();
    let refitted = harness.state().timeline_visible().unwrap();
    assert!((refitted.len() - fitted.len()).abs() < 1.0);
}

#[test]
fn the_organization_filter_keeps_only_its_events() {
    let mut harness = app(View::Timeline);
    harness.get_by_label("Organization").click();
    harness.run();
    // The list of organizations scrolls; bring the ECO into view, then pick it.
    harness
        .get_by_role_and_label(Role::Button, "ECO")
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "ECO").click();
    harness.run();
    // The ECO's two summits, and nothing else.
    harness.get_by_label("Events (2)");
    harness.get_by_role_and_label(
        Role::Button,
        "13 May 1996: ECO summit in Ashgabat opens with the Tejen–Sarahs–Mashhad railway",
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, FIRST_RESOLUTION)
            .is_none()
    );
    // The categories count what the filter lets through: two summits, and
    // no UN resolution.
    harness.get_by_label_contains("Summit (2)");
    harness.get_by_label_contains("UN resolution (0)");
    // The view fits the ECO's events, 1996 to 2021, not the whole timeline.
    let visible = harness.state().timeline_visible().unwrap();
    let (from, to) = (
        neutrality_reader::timeline::day_number(1995, 1, 1) as f64,
        neutrality_reader::timeline::day_number(2024, 1, 1) as f64,
    );
    assert!(
        visible.start > from && visible.end < to,
        "{visible:?} is not the ECO's years"
    );
}

#[test]
fn the_list_follows_a_selection_made_on_the_timeline() {
    let mut harness = app(View::Timeline);
    let last =
        "December 2025 — International forum in Turkmenistan for the Year of Peace and Trust";
    // Only the rows on screen exist; the last event's row is below them.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, last)
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::Button, FIRST_RESOLUTION)
        .click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(
        harness.state().selected_event(),
        Some("international-forum-december-2025")
    );
    harness.get_by_role_and_label(Role::Button, last);
}

#[test]
fn events_never_cover_the_lane_labels() {
    let data = Arc::new(Dataset::embedded().unwrap());
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(64)
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None);
            // Zoomed to 2022–2026: year bands of 2022 start left of the view.
            app.focus_event("un-resolution-78-266");
            app.show_view(View::Timeline);
            app
        });
    harness.run();
    let canvas = harness
        .query_all(
            egui_kittest::kittest::By::new()
                .role(Role::ScrollView)
                .label_contains("Timeline, "),
        )
        .next()
        .map(|n| n.rect())
        .unwrap();
    // The lane names take the first 118 points of the canvas.
    let plot_left = canvas.left() + 118.0;
    let mut events = 0;
    for node in harness.query_all(egui_kittest::kittest::By::new().role(Role::Button)) {
        let rect = node.rect();
        if canvas.contains_rect(rect) {
            events += 1;
            assert!(
                rect.left() >= plot_left - 0.5,
                "{node:?} reaches over the lane names"
            );
        }
    }
    assert!(events > 5, "only {events} events were on the canvas");
}
