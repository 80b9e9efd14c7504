//! The timeline's per-frame work on a synthetic 100,000-event timeline.
//!
//! Target: laying out 100,000 items, all visible, well under 2 ms, so that a
//! frame of the timeline view stays cheap whatever the zoom.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use neutrality_reader::quiz::Rng;

use neutrality_reader::timeline::{
    Item, ItemShape, RowsRequest, Selection, TimeSpan, Timeline, Transform, day_number,
    lay_out_selection, ticks,
};

const ITEMS: usize = 100_000;
const LANES: usize = 12;
const MAX_ROWS: usize = 4;
const WIDTH: f64 = 1200.0;
const CHAR_WIDTH: f64 = 7.0;

/// Day, month and year points over 1900–2030, and some spans of up to five years.
fn items() -> Vec<Item> {
    let mut rng = Rng::new(0x5EED_1995_1212, 0);
    let first = day_number(1900, 1, 1);
    let days = (day_number(2030, 1, 1) - first) as u64;
    (0..ITEMS)
        .map(|event| {
            let start = (first + rng.below(days as usize) as i64) as f64;
            let (len, shape) = match rng.below(10) {
                0..=4 => (1.0, ItemShape::Day),
                5..=6 => (30.0, ItemShape::Month),
                7..=8 => (365.0, ItemShape::Year),
                _ => ((2 + rng.below(5 * 365)) as f64, ItemShape::Span),
            };
            Item {
                event,
                span: TimeSpan::new(start, start + len),
                shape,
                lane: rng.below(LANES) as u16,
                label_chars: (20 + rng.below(41)) as u16,
            }
        })
        .collect()
}

fn all(_: &Item) -> bool {
    true
}

fn timeline(c: &mut Criterion) {
    let items = items();
    c.bench_function("timeline: build 100k items", |b| {
        b.iter(|| Timeline::new(black_box(items.clone())))
    });

    let timeline = Timeline::new(items);
    let Some(bounds) = timeline.bounds() else {
        return;
    };
    let zoomed_out = Transform::fit(bounds, 0.0, WIDTH);
    let december = day_number(1995, 12, 1) as f64;
    let zoomed_in = Transform::new(TimeSpan::new(december, december + 31.0), 0.0, WIDTH);

    for (name, transform) in [("all visible", zoomed_out), ("one month", zoomed_in)] {
        c.bench_function(&format!("timeline: layout, {name}"), |b| {
            b.iter(|| timeline.layout(black_box(&transform), LANES, MAX_ROWS, CHAR_WIDTH, &all))
        });
        c.bench_function(&format!("timeline: ticks, {name}"), |b| {
            b.iter(|| ticks(black_box(&transform), CHAR_WIDTH))
        });
        c.bench_function(&format!("timeline: visible count, {name}"), |b| {
            b.iter(|| timeline.visible(black_box(transform.visible())).count())
        });
        c.bench_function(&format!("timeline: pan step + layout, {name}"), |b| {
            let mut moving = transform;
            let mut dx = 3.0;
            b.iter(|| {
                // Back and forth, so the view stays where it is being measured.
                moving.pan_px(dx);
                dx = -dx;
                timeline.layout(black_box(&moving), LANES, MAX_ROWS, CHAR_WIDTH, &all)
            })
        });
        selection_steps(c, &timeline, transform, name);
        c.bench_function(&format!("timeline: zoom step + layout, {name}"), |b| {
            let mut moving = transform;
            let mut factor = 1.1;
            b.iter(|| {
                moving.zoom_at(WIDTH / 2.0, factor);
                factor = 1.0 / factor;
                timeline.layout(black_box(&moving), LANES, MAX_ROWS, CHAR_WIDTH, &all)
            })
        });
    }
}

/// A pan step and a zoom step laid out from a selection, as the widget lays
/// out (rows shared out among the lanes; a height of 36 rows).
fn selection_steps(c: &mut Criterion, timeline: &Timeline, transform: Transform, name: &str) {
    let selection = Selection::new(timeline, LANES, &all, &|_| false);
    let shown: Vec<usize> = (0..LANES).collect();
    let request = RowsRequest {
        shown: &shown,
        lane_count: LANES,
        budget: 36,
        max_rows: 3,
        char_width_px: CHAR_WIDTH,
        include: &all,
        pinned: &|_| false,
    };
    c.bench_function(&format!("timeline: selection pan step, {name}"), |b| {
        let mut moving = transform;
        let mut dx = 3.0;
        b.iter(|| {
            moving.pan_px(dx);
            dx = -dx;
            lay_out_selection(timeline, black_box(&moving), &selection, &request)
        })
    });
    c.bench_function(&format!("timeline: selection zoom step, {name}"), |b| {
        let mut moving = transform;
        let mut factor = 1.05;
        b.iter(|| {
            moving.zoom_at(WIDTH / 2.0, factor);
            factor = 1.0 / factor;
            lay_out_selection(timeline, black_box(&moving), &selection, &request)
        })
    });
}

criterion_group!(benches, timeline);
criterion_main!(benches);
