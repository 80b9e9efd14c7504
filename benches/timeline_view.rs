//! The timeline widget and the app with 100,000 synthetic events.
//!
//! Targets (issue 3): one frame of the widget (layout and painting,
//! tessellation excluded) at most 2 ms fully zoomed out and zoomed in to a
//! month; one pan or zoom step at most 2 ms; time to first frame with 100,000
//! events at most 100 ms beyond the empty app; memory linear in the events
//! (printed before the timings: a counting allocator measures what the
//! timeline index keeps).

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use stats_alloc::{Region, StatsAlloc};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::dataset::synthetic::{self, Sizes};
use neutrality_reader::timeline::{TimeSpan, Transform, day_number};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::command::View;
use neutrality_reader::ui::timeline::TimelineIndex;
use neutrality_reader::ui::timeline::canvas::{
    CanvasConfig, CanvasState, canvas_ui, category_lane_label,
};

/// The app's allocator (jemalloc on Linux, `src/main.rs`), so that the frames
/// are timed as the window runs them.
#[cfg(target_os = "linux")]
type AppAllocator = tikv_jemallocator::Jemalloc;
#[cfg(not(target_os = "linux"))]
type AppAllocator = std::alloc::System;

// Counts allocations so that the memory the index keeps can be measured
// (stats_alloc rather than a hand-written allocator: no unsafe code here).
#[global_allocator]
static GLOBAL: StatsAlloc<AppAllocator> = StatsAlloc::new(AppAllocator {});

/// How long the window's frame waits for the indexes (`ui::start`'s): not at all.
const FRAME_WAIT: Duration = Duration::ZERO;

fn sizes(events: usize) -> Sizes {
    Sizes {
        articles: 20,
        paragraphs_per_article: 30,
        events,
        organizations: 500,
        people: 200,
        facts: 100,
        glossary: 50,
    }
}

fn synthetic_dataset(events: usize) -> Dataset {
    match Dataset::from_files(&synthetic::files(sizes(events), 7)) {
        Ok(dataset) => dataset,
        Err(error) => panic!("the synthetic dataset does not validate: {error}"),
    }
}

fn memory_report() {
    eprintln!("memory kept by the timeline index (two timelines, counts):");
    for events in [10_000, 50_000, 100_000] {
        let dataset = synthetic_dataset(events);
        let region = Region::new(&GLOBAL);
        let index = TimelineIndex::new(&dataset);
        let change = region.change();
        let kept = change.bytes_allocated as isize - change.bytes_deallocated as isize;
        eprintln!(
            "  {events:>7} events: {kept:>10} bytes, {:.1} bytes per event",
            kept as f64 / events as f64
        );
        drop(black_box(index));
    }
}

fn widget_frames(c: &mut Criterion) {
    memory_report();
    let month = TimeSpan::new(
        day_number(1995, 12, 1) as f64,
        day_number(1996, 1, 1) as f64,
    );
    for (events, visible) in [
        (100_000, None),
        (100_000, Some(("one month", month))),
        // The side-by-side sizes (BENCHMARKS.md, issue 20).
        (30_000, None),
        (10_000, None),
    ] {
        let dataset = synthetic_dataset(events);
        let index = TimelineIndex::new(&dataset);
        let view = visible.map_or("zoomed out", |(name, _)| name);
        let name = format!("widget frame, {}k events, {view}", events / 1000);
        bench_widget(c, &name, (&dataset, &index), visible.map(|(_, span)| span));
    }
}

/// One frame, one pan step and one zoom step of the widget over all 13
/// lanes of `index`, zoomed out or showing `visible`.
fn bench_widget(
    c: &mut Criterion,
    name: &str,
    (dataset, index): (&Dataset, &TimelineIndex),
    visible: Option<TimeSpan>,
) {
    let lanes: Vec<usize> = (0..13).collect();
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(
            |ui, state: &mut CanvasState| {
                // As the Timeline view does: no filter, so one key.
                state.set_filters_key(&());
                let config = CanvasConfig {
                    id: egui::Id::unique("bench_timeline"),
                    timeline: &index.by_category,
                    lanes: &lanes,
                    lane_count: 13,
                    lane_label: &|lane| category_lane_label(dataset, lane),
                    max_rows: 3,
                    include: &|_| true,
                    emphasised: &|_| true,
                    pinned: &|_| false,
                    selected: None,
                    height: ui.available_height(),
                };
                black_box(canvas_ui(ui, state, &config, dataset));
            },
            CanvasState::default(),
        );
    harness.step();
    if let Some(span) = visible {
        let state = harness.state_mut();
        state.transform = Some(Transform::new(span, 120.0, 1450.0));
    }
    harness.step();
    c.bench_function(name, |b| b.iter(|| harness.step()));
    c.bench_function(&format!("{name}: pan step"), |b| {
        let mut dx = 3.0;
        b.iter(|| {
            if let Some(t) = &mut harness.state_mut().transform {
                t.pan_px(dx);
            }
            dx = -dx;
            harness.step();
        })
    });
    c.bench_function(&format!("{name}: zoom step"), |b| {
        let mut factor = 1.05;
        b.iter(|| {
            if let Some(t) = &mut harness.state_mut().transform {
                t.zoom_at(800.0, factor);
            }
            factor = 1.0 / factor;
            harness.step();
        })
    });
}

fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("first frame");
    group.sample_size(10);
    let bundled = Arc::new(Dataset::embedded().unwrap_or_else(|e| panic!("{e}")));
    let large = Arc::new(synthetic_dataset(100_000));
    for (name, data) in [("bundled dataset", bundled), ("100k events", large)] {
        // As the window does: the search index and links are built on a
        // thread while the first frame is drawn.
        // Each start waits for that thread after its time is taken, so
        // that the next start does not share the machine with it.
        group.bench_function(format!("app start + first Timeline frame, {name}"), |b| {
            b.iter_custom(|starts| {
                let mut total = Duration::ZERO;
                for _ in 0..starts {
                    let data = data.clone();
                    let began = Instant::now();
                    let mut harness =
                        Harness::builder()
                            .with_size([1600.0, 1000.0])
                            .build_eframe(move |cc| {
                                let mut app =
                                    ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None)
                                        .with_index_wait(FRAME_WAIT);
                                app.show_view(View::Timeline);
                                app
                            });
                    black_box(harness.output().shapes.len());
                    total += began.elapsed();
                    harness.state_mut().wait_for_indexes();
                }
                total
            })
        });
    }
    group.bench_function("parse and validate 100k synthetic events", |b| {
        let files = synthetic::files(sizes(100_000), 7);
        b.iter(|| black_box(Dataset::from_files(&files).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, widget_frames, first_frame);
criterion_main!(benches);
