//! A unit with thousands of problems lists them all without a frame's work
//! growing with them: only the lines on screen are laid out, the last one can
//! be scrolled to and opened, and a handful are listed whole, wrapped.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot set up its data should fail loudly"
)]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use neutrality_reader::dataset::{Dataset, Problem};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::chrome::notices::WRAPPED_PROBLEMS;

fn problems(count: usize) -> Vec<Problem> {
    (1..=count)
        .map(|n| {
            Problem::at(
                "events.ron",
                Some((n, 5)),
                format!("problem number {n} of {count}"),
            )
        })
        .collect()
}

fn app(count: usize) -> Harness<'static, ReaderApp> {
    let data = Arc::new(Dataset::embedded().unwrap());
    let origin = DataOrigin {
        folder: Some("/nowhere/unit".to_owned()),
        problems: problems(count),
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, origin, None));
    harness.run();
    harness.get_by_label("Show the problems").click();
    harness.run();
    harness
}

/// The problems' buttons in the AccessKit tree: those laid out this frame.
fn listed(harness: &Harness<'static, ReaderApp>) -> Vec<String> {
    harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains("problem number"))
        .collect()
}

#[test]
fn fifty_thousand_problems_lay_out_only_the_lines_on_screen() {
    let mut harness = app(50_000);
    let first = listed(&harness);
    assert!(!first.is_empty(), "the list is shown");
    assert!(
        first.len() < 40,
        "{} problems laid out in one frame",
        first.len()
    );
    // The end of the list is reached by scrolling, and its last line opens.
    let at = harness
        .get_by_label_contains("problem number 1 of")
        .rect()
        .center();
    for _ in 0..3 {
        harness.hover_at(at);
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -100_000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        // The scroll is animated: enough frames for it to end.
        harness.run_steps(30);
    }
    let last = listed(&harness);
    assert!(
        last.iter().any(|l| l.contains("problem number 50000 of")),
        "the last problem is reached: {last:?}"
    );
    assert!(last.len() < 40);
}

#[test]
fn a_few_problems_are_listed_whole() {
    let harness = app(WRAPPED_PROBLEMS);
    assert_eq!(listed(&harness).len(), WRAPPED_PROBLEMS);
}
