//! The timeline canvas on its own, without the app: every drawn event is a
//! node a screen reader can find and click, and a click selects it and asks
//! for its details. Runs without a display or GPU.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::By;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::i18n::{Language, dates, set_language};
use neutrality_reader::ui::timeline::TimelineIndex;
use neutrality_reader::ui::timeline::canvas::{
    CanvasConfig, CanvasOutput, CanvasState, canvas_ui, date_with_precision,
};

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

/// The texts of the tooltips' labels on screen.
fn tooltip_texts(harness: &Harness<'_, Canvas>) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::Label))
        .filter_map(|node| node.accesskit_node().value())
        .collect()
}

/// The node label of `event` in the language of this thread.
fn node_label(dataset: &Dataset, event: usize) -> String {
    let event = dataset.events.get(event).unwrap();
    format!("{}: {}", dates::human(&event.date), event.title)
}

#[test]
fn hovering_an_event_shows_its_title_and_date_and_leaving_it_hides_them() {
    let mut harness = canvas();
    let (event, label) = first_drawn(&harness);
    let at = harness.get_by_label(&label).rect().center();
    let (title, date) = {
        let e = harness.state().dataset.events.get(event).unwrap();
        (e.title.to_string(), date_with_precision(&e.date))
    };
    assert!(tooltip_texts(&harness).is_empty());
    harness.hover_at(at);
    // A tooltip waits for the pointer to rest, then fades in.
    harness.run_steps(60);
    let shown = tooltip_texts(&harness);
    assert!(
        shown.contains(&title) && shown.contains(&date),
        "{title} / {date} in {shown:?}"
    );
    harness.hover_at(egui::pos2(2.0, 2.0));
    harness.run_steps(60);
    let shown = tooltip_texts(&harness);
    assert!(!shown.contains(&title), "still shown: {shown:?}");
}

/// The events' node labels are kept between frames: a change of language
/// must make them again (this fails if they are kept by event alone).
#[test]
fn the_events_nodes_speak_the_language_chosen_after_them() {
    let mut harness = canvas();
    // An event on screen whose date reads differently in Russian (a month).
    let (event, english, russian) = {
        let dataset = &harness.state().dataset;
        (0..dataset.events.len())
            .filter_map(|event| {
                let english = node_label(dataset, event);
                harness.query_by_label(&english)?;
                set_language(Language::Russian);
                let russian = node_label(dataset, event);
                set_language(Language::English);
                (russian != english).then_some((event, english, russian))
            })
            .next()
            .unwrap()
    };
    set_language(Language::Russian);
    harness.run();
    let spoken = harness.query_by_label(&russian).is_some();
    let stale = harness.query_by_label(&english).is_some();
    set_language(Language::English);
    assert!(
        spoken && !stale,
        "event {event}: {russian:?} wanted, {english:?} kept"
    );
    harness.run();
    harness.get_by_label(&english);
}

/// New data (a unit reloaded, a title edited) comes with new timelines:
/// the node labels made from the old data must not outlive it.
#[test]
fn the_events_nodes_follow_new_data() {
    let mut harness = canvas();
    let (event, label) = first_drawn(&harness);
    let mut dataset = Dataset::embedded().unwrap();
    if let Some(e) = dataset.events.get_mut(event) {
        e.title = "A title the editor changed".into();
    }
    let renamed = node_label(&dataset, event);
    let index = TimelineIndex::new(&dataset);
    let canvas = harness.state_mut();
    canvas.dataset = dataset;
    canvas.index = index;
    harness.run();
    harness.get_by_label(&renamed);
    assert!(harness.query_by_label(&label).is_none(), "{label} kept");
}
