//! No event is hidden in a chip or a density band for good: for every event
//! of the bundled and example datasets, in canvases of several sizes,
//! following the chips and bands as a reader would (a click zooms to fit the
//! chip, or to the part of the band under the pointer, or opens the list of
//! their events where zooming cannot part them) ends with the event drawn on
//! its own or named in a list.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot load its data should fail loudly"
)]

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::EventCategory;
use neutrality_reader::timeline::{
    Item, PartAction, RowsRequest, Timeline, Transform, Way, lay_out_lanes,
};
use neutrality_reader::ui::timeline::TimelineIndex;

/// The canvas's sizes: row height, axis height, label character width.
const ROW_HEIGHT: f64 = 22.0;
const AXIS_HEIGHT: f64 = 34.0;
const CHAR_WIDTH: f64 = 6.4;

/// Where following the chips ends for `event`: `Ok` if drawn or listed.
fn follow(
    timeline: &Timeline,
    lanes: &[usize],
    lane_count: usize,
    size: (f64, f64),
    event: usize,
) -> Result<(), String> {
    let (width, height) = size;
    let budget = ((height - AXIS_HEIGHT - 4.0 - 2.0 * lanes.len() as f64) / ROW_HEIGHT).floor();
    let request = RowsRequest {
        shown: lanes,
        lane_count,
        budget: budget.max(0.0) as usize,
        max_rows: 8,
        char_width_px: CHAR_WIDTH,
        include: &|_: &Item| true,
        pinned: &|_: &Item| false,
    };
    let mut transform = Transform::fit(timeline.bounds().unwrap(), 0.0, width);
    for _ in 0..40 {
        let layout = lay_out_lanes(timeline, &transform, &request);
        match layout.way_to(timeline, transform.visible(), event) {
            Way::Drawn => return Ok(()),
            Way::Open(PartAction::List(events)) if events.contains(&event) => return Ok(()),
            Way::Open(PartAction::List(_)) => return Err("its list leaves it out".to_owned()),
            Way::Open(PartAction::Zoom(span)) => transform = Transform::fit(span, 0.0, width),
            Way::Nowhere => {
                return Err(format!(
                    "neither drawn nor in a chip or band at {:?}",
                    transform.visible()
                ));
            }
        }
    }
    Err("still in a chip or band after 40 clicks".to_owned())
}

fn check(dataset: &Dataset) {
    let index = TimelineIndex::new(dataset);
    let lanes: Vec<usize> = (0..EventCategory::ALL.len())
        .filter(|&lane| index.category_counts.get(lane).is_some_and(|n| *n > 0))
        .collect();
    for size in [
        (260.0, 520.0),
        (520.0, 640.0),
        (900.0, 900.0),
        (1400.0, 300.0),
    ] {
        for (i, event) in dataset.events.iter().enumerate() {
            let full = follow(
                &index.by_category,
                &lanes,
                EventCategory::ALL.len(),
                size,
                i,
            );
            assert!(
                full.is_ok(),
                "{} in the full view at {size:?}: {full:?}",
                event.id
            );
            for height in [120.0, 200.0] {
                let strip = follow(index.single_lane(), &[0], 1, (size.0, height), i);
                assert!(
                    strip.is_ok(),
                    "{} on the strip at {size:?}: {strip:?}",
                    event.id
                );
            }
        }
    }
}

#[test]
fn every_bundled_event_can_be_reached_through_its_chips() {
    check(&Dataset::embedded().unwrap());
}

#[test]
fn every_example_event_can_be_reached_through_its_chips() {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
    check(&Dataset::load_dir(&folder).unwrap());
}
