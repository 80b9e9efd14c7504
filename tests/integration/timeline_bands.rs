//! A crowd on the timeline is a density band, not a "+N" chip: over a unit
//! with hundreds of events in two years, the canvas draws a band a reader
//! can hover (a tooltip counts the events under the pointer and gives their
//! dates), click (the view zooms to that part, and its events part), and
//! reach and open from the keyboard (Tab to it, Left/Right to choose a part,
//! Enter to zoom), with the focus kept in the lane after.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::dataset::{DataFiles, Dataset};
use neutrality_reader::timeline::day_number;
use neutrality_reader::ui::timeline::TimelineIndex;
use neutrality_reader::ui::timeline::canvas::{CanvasConfig, CanvasState, canvas_ui};

/// What names a band to a screen reader (en.ron's `timeline.band_label`).
const BAND: &str = "drawn as a density band";

/// The bundled unit and 480 more events: 360 in 1996–1997, about one every two
/// days, and 120 spread over 1992–2024.
fn crowded_unit() -> Dataset {
    let mut files = DataFiles::embedded();
    let events = &mut files.records[0];
    assert!(events.name.ends_with("events.ron"), "{}", events.name);
    let mut more = String::new();
    let mut add = |i: usize, date: String| {
        more.push_str(&format!(
            "    Event(id: \"crowd-{i}\", date: \"{date}\", title: \"Crowd event {i}\", \
             description: \"One of many.\", category: Summit, \
             sources: [(\"cooperation-international-organizations\", 1)]),\n"
        ));
    };
    for i in 0..360 {
        let (month, day) = (1 + (i / 15) % 12, 1 + (i % 15) * 27 / 15);
        add(i, format!("{}-{month:02}-{day:02}", 1996 + i / 180));
    }
    for i in 360..480 {
        let year = 1992 + (i - 360) * 32 / 120;
        let month = 1 + (i % 12);
        add(i, format!("{year}-{month:02}-15"));
    }
    let end = events.text.rfind(']').unwrap();
    events.text.insert_str(end, &more);
    Dataset::from_files(&files).unwrap()
}

struct Canvas {
    dataset: Dataset,
    index: TimelineIndex,
    state: CanvasState,
}

/// One lane of every event, as the Study strip draws it, 1400 wide: two rows
/// of events and the row of their bands.
fn canvas() -> Harness<'static, Canvas> {
    let dataset = crowded_unit();
    let index = TimelineIndex::new(&dataset);
    let canvas = Canvas {
        dataset,
        index,
        state: CanvasState::default(),
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 200.0])
        // A tooltip fades in over a few frames.
        .with_max_steps(64)
        .build_ui_state(
            |ui, canvas: &mut Canvas| {
                let config = CanvasConfig {
                    id: egui::Id::unique("band_canvas"),
                    timeline: canvas.index.single_lane(),
                    lanes: &[0],
                    lane_count: 1,
                    lane_label: &|_| None,
                    max_rows: 2,
                    include: &|_| true,
                    emphasised: &|_| true,
                    pinned: &|_| false,
                    selected: None,
                    height: 120.0,
                };
                canvas_ui(ui, &mut canvas.state, &config, &canvas.dataset);
            },
            canvas,
        );
    harness.run();
    harness
}

/// How many events each band on screen holds, from what it says.
fn band_counts(harness: &Harness<'_, Canvas>) -> Vec<usize> {
    harness
        .query_all(By::new().role(Role::Button).label_contains(BAND))
        .map(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            label
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no count in {label}"))
        })
        .collect()
}

/// How many events the densest part of each band holds: what a band says
/// of its part before the keys choose another ("Part 3 of 9: 41 events, …").
fn densest_parts(harness: &Harness<'_, Canvas>) -> Vec<usize> {
    harness
        .query_all(By::new().role(Role::Button).label_contains(BAND))
        .map(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            label
                .split(": ")
                .nth(1)
                .and_then(|part| part.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no part's count in {label}"))
        })
        .collect()
}

/// Screen x of a day on the canvas as it is now.
fn x_of(harness: &Harness<'_, Canvas>, year: i32, month: u8) -> f32 {
    let transform = harness.state().state.transform.unwrap();
    transform.x_from_t(day_number(year, month, 1) as f64) as f32
}

/// What the tooltips on screen say: "N events, FROM – TO".
fn tips(harness: &Harness<'_, Canvas>) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::Label))
        .filter_map(|node| node.accesskit_node().value())
        .filter(|text| text.contains(" events, "))
        .collect()
}

fn visible_days(harness: &Harness<'_, Canvas>) -> f64 {
    harness.state().state.visible().unwrap().len()
}

#[test]
fn a_crowd_is_a_band_not_a_chip() {
    let harness = canvas();
    let counts = band_counts(&harness);
    assert_eq!(counts.len(), 1, "one band for the lane: {counts:?}");
    assert!(counts.iter().all(|&n| n > 300), "{counts:?}");
    assert!(
        harness
            .query_all(By::new().label_contains("click to zoom in"))
            .next()
            .is_none(),
        "no chip stands for the crowd"
    );
}

#[test]
fn hovering_a_band_counts_the_events_under_the_pointer() {
    let harness = canvas();
    let band = harness.get_by_label_contains(BAND).rect();
    let at = egui::pos2(x_of(&harness, 1996, 6), band.center().y);
    harness.hover_at(at);
    let mut harness = harness;
    // A tooltip waits for the pointer to rest.
    harness.run_steps(60);
    // "N events, FROM – TO": in the middle of the burst, a part of 32 px
    // over the 70 years on screen holds some of its 360 events.
    let shown = tips(&harness);
    let [label] = shown.as_slice() else {
        panic!("one tooltip: {shown:?}")
    };
    let n: usize = label
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("{label}"));
    assert!((5..=360).contains(&n), "{label}");
    // The part under the pointer (about 1.6 years here) holds June 1996.
    let (from, to) = label.split_once(" – ").unwrap();
    assert!(
        (from.ends_with("1995") || from.ends_with("1996"))
            && (to.ends_with("1996") || to.ends_with("1997")),
        "the dates under the pointer: {label}"
    );
    assert!(
        harness
            .query_all(By::new().role(Role::Label))
            .any(|node| node.accesskit_node().value().as_deref() == Some("Click to zoom in here")),
        "the tooltip says what a click does"
    );
    // Away from the burst, fewer.
    let quiet = egui::pos2(x_of(&harness, 2015, 6), band.center().y);
    harness.hover_at(quiet);
    harness.run_steps(60);
    let quiet = tips(&harness);
    let [label] = quiet.as_slice() else {
        panic!("one tooltip: {quiet:?}")
    };
    let m: usize = label
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("{quiet:?}"));
    assert!(m < n, "{label} against {n}");
}

#[test]
fn clicking_a_band_zooms_to_the_part_under_the_pointer() {
    let mut harness = canvas();
    let before_days = visible_days(&harness);
    let before = band_counts(&harness).into_iter().max().unwrap();
    let densest_before = densest_parts(&harness).into_iter().max().unwrap();
    let band = harness.get_by_label_contains(BAND).rect();
    let at = egui::pos2(x_of(&harness, 1997, 3), band.center().y);
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    let after_days = visible_days(&harness);
    assert!(
        after_days < before_days / 10.0,
        "{before_days} -> {after_days} days"
    );
    let shown = harness.state().state.visible().unwrap();
    let march_1997 = day_number(1997, 3, 1) as f64;
    assert!(
        (shown.start - 60.0..shown.end + 60.0).contains(&march_1997),
        "the part under the pointer: {shown:?}"
    );
    // Its events parted: fewer in the band, far fewer in its densest part,
    // and some drawn on their own.
    let after = band_counts(&harness).into_iter().max().unwrap_or(0);
    assert!(
        after < before,
        "{before} -> {after} in a band over {shown:?}"
    );
    let densest_after = densest_parts(&harness).into_iter().max().unwrap_or(0);
    assert!(
        densest_after * 4 < densest_before,
        "densest part {densest_before} -> {densest_after}"
    );
    assert!(
        harness
            .query_all(By::new().role(Role::Button).label_contains("Crowd event"))
            .count()
            >= 4
    );
}

#[test]
fn the_keyboard_reaches_a_band_chooses_a_part_and_opens_it() {
    let mut harness = canvas();
    let before_days = visible_days(&harness);
    // Tab from the canvas reaches the band first.
    harness.get_by_label_contains("Timeline, ").focus();
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    let band = harness.get_by_label_contains(BAND);
    assert!(band.accesskit_node().is_focused(), "Tab reaches the band");
    // It starts at its densest part, in the burst; Right moves on by one.
    let label = |h: &Harness<'_, Canvas>| {
        h.get_by_label_contains(BAND)
            .accesskit_node()
            .label()
            .unwrap_or_default()
    };
    let densest = label(&harness);
    assert!(
        densest.contains("1996") || densest.contains("1997"),
        "{densest}"
    );
    let part = |l: &str| {
        l.split("Part ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .to_owned()
    };
    let first: usize = part(&densest).parse().unwrap();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let moved: usize = part(&label(&harness)).parse().unwrap();
    assert_eq!(moved, first + 1, "{}", label(&harness));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(part(&label(&harness)).parse::<usize>().unwrap(), first);
    // Enter zooms to it, as a click does.
    harness.key_press(egui::Key::Enter);
    harness.run();
    let after_days = visible_days(&harness);
    assert!(
        after_days < before_days / 10.0,
        "{before_days} -> {after_days} days"
    );
    let shown = harness.state().state.visible().unwrap();
    let (start, end) = (day_number(1996, 1, 1) as f64, day_number(1998, 1, 1) as f64);
    assert!(
        shown.start < end && shown.end > start,
        "in the burst: {shown:?}"
    );
    // The focus stays in the lane: on its band, or the canvas if none is left.
    let focused = harness
        .query_all(By::new().predicate(|node| node.is_focused()))
        .filter_map(|node| node.accesskit_node().label())
        .collect::<Vec<_>>();
    assert!(
        focused
            .iter()
            .any(|l| l.contains(BAND) || l.starts_with("Timeline, ")),
        "focus: {focused:?}"
    );
}
