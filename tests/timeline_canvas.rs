//! The timeline canvas on its own, without the app: every drawn event is a
//! node a screen reader can find and click, and a click selects it and asks
//! for its details. Runs without a display or GPU.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::timeline::TimelineIndex;
use neutrality_reader::ui::timeline::canvas::{CanvasConfig, CanvasOutput, CanvasState, canvas_ui};

/// One canvas over the bundled dataset's events, in a single lane as in the
/// Study strip, with the selection it reported.
struct Canvas {
    dataset: Dataset,
    index: TimelineIndex,
    state: CanvasState,
    selected: Option<usize>,
    outputs: Vec<CanvasOutput>,
}

fn canvas() -> Harness<'static, Canvas> {
    canvas_of(&|_| true, 280.0)
}

/// A canvas of `height` over the events `shown` lets through.
fn canvas_of(shown: &dyn Fn(&str) -> bool, height: f32) -> Harness<'static, Canvas> {
    let dataset = Dataset::embedded().unwrap();
    let included: Vec<bool> = dataset.events.iter().map(|e| shown(&e.id)).collect();
    let index = TimelineIndex::new(&dataset);
    let canvas = Canvas {
        dataset,
        index,
        state: CanvasState::default(),
        selected: None,
        outputs: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 320.0])
        .build_ui_state(
            move |ui, canvas: &mut Canvas| {
                let config = CanvasConfig {
                    id: egui::Id::unique("test_canvas"),
                    timeline: canvas.index.single_lane(),
                    lanes: &[0],
                    lane_count: 1,
                    lane_label: &|_| None,
                    max_rows: 4,
                    include: &|item| included.get(item.event).copied().unwrap_or(false),
                    emphasised: &|_| true,
                    pinned: &|_| false,
                    selected: canvas.selected,
                    height,
                };
                let output = canvas_ui(ui, &mut canvas.state, &config, &canvas.dataset);
                if let Some(select) = output.select {
                    canvas.selected = select;
                }
                canvas.outputs.push(output);
            },
            canvas,
        );
    harness.run();
    harness
}

/// The label of the first event drawn as a node of its own, and its index.
fn first_drawn(harness: &Harness<'_, Canvas>) -> (usize, String) {
    let dataset = &harness.state().dataset;
    dataset
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (i, format!("{}: {}", e.date.human(), e.title)))
        .find(|(_, label)| harness.query_by_label(label).is_some())
        .unwrap()
}

#[test]
fn the_canvas_fits_every_event_and_draws_some_as_nodes() {
    let harness = canvas();
    assert!(harness.state().state.transform.is_some());
    // The canvas itself says what is on screen.
    let _canvas = harness.get_by_role(Role::ScrollView);
    let (event, label) = first_drawn(&harness);
    assert!(event < harness.state().dataset.events.len(), "{label}");
}

#[test]
fn clicking_an_event_selects_it_and_asks_for_its_details() {
    let mut harness = canvas();
    let (event, label) = first_drawn(&harness);
    harness.get_by_label(&label).click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.selected, Some(event));
    assert!(
        state
            .outputs
            .iter()
            .any(|o| o.select == Some(Some(event)) && o.open_details)
    );
}

#[test]
fn a_chip_of_events_on_one_date_lists_them_and_a_click_selects_one() {
    // Three initiatives dated only "2022": no zoom can part them, and a
    // canvas of one row shows one and a chip "+2".
    let initiatives = [
        "proposal-year-of-peace-and-trust",
        "draft-resolution-unrcca-2022",
        "dialogue-guarantee-of-peace-initiative",
    ];
    let mut harness = canvas_of(&|id| initiatives.contains(&id), 80.0);
    let chip = harness.get_by_label_contains("click to list them");
    let label = format!("{:?}", chip.accesskit_node().label());
    // The chip names its events.
    let dataset = Dataset::embedded().unwrap();
    let titles: Vec<&str> = initiatives
        .iter()
        .filter_map(|id| dataset.events.iter().find(|e| &*e.id == *id))
        .map(|e| &*e.title)
        .filter(|title| label.contains(title))
        .collect();
    assert_eq!(titles.len(), 2, "{label}");
    let before = harness.state().state.visible();
    chip.click();
    harness.run();
    assert_eq!(harness.state().state.visible(), before, "no zoom");
    let listed = titles.first().copied().unwrap();
    let entry = format!("2022: {listed}");
    harness.get_by_label(&entry).click();
    harness.run();
    let chosen = dataset.events.iter().position(|e| &*e.title == listed);
    assert_eq!(harness.state().selected, chosen);
    assert!(
        harness
            .state()
            .outputs
            .iter()
            .any(|o| o.select == Some(chosen) && o.open_details)
    );
}
