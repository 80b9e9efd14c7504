//! Loading the bundled dataset, and building the app's first frame.
//!
//! Targets (issue 2): parse and validate the bundled dataset in at most 5 ms;
//! window open to first frame at most 300 ms (the real window is timed with
//! NEUTRALITY_READER_TIMING=1, see BENCHMARKS.md; this measures its CPU part).

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};

use neutrality_reader::dataset::{DataFiles, Dataset};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};

fn load(c: &mut Criterion) {
    let files = DataFiles::embedded();
    c.bench_function("parse and validate the bundled dataset", |b| {
        b.iter(|| Dataset::from_files(black_box(&files)))
    });
    c.bench_function("export the bundled dataset as JSON", |b| {
        let Ok(dataset) = Dataset::embedded() else {
            return;
        };
        b.iter(|| neutrality_reader::dataset::to_json(black_box(&dataset)))
    });
}

fn first_frame(c: &mut Criterion) {
    let Ok(dataset) = Dataset::embedded() else {
        return;
    };
    let dataset = Arc::new(dataset);
    c.bench_function("app start and first Study frame (no GPU)", |b| {
        b.iter(|| {
            // The harness builds the app and runs its first frame, layout and
            // painting included, without a window or GPU.
            let data = dataset.clone();
            let harness = egui_kittest::Harness::builder()
                .with_size([1280.0, 800.0])
                .build_eframe(move |cc| {
                    ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None)
                });
            black_box(harness.output().shapes.len())
        })
    });
}

/// Issue 20: where loading a unit of 100,000 events goes, and what the
/// cache saves (BENCHMARKS.md, "Issue 20: parsing"). The unit is the
/// timeline_view benchmark's, written to a folder.
#[cfg(feature = "synthetic")]
fn large_unit(c: &mut Criterion) {
    use neutrality_reader::dataset::fast_ron;
    use neutrality_reader::dataset::synthetic::{self, Sizes};
    use neutrality_reader::model::Event;
    let sizes = Sizes {
        articles: 20,
        paragraphs_per_article: 30,
        events: 100_000,
        organizations: 500,
        people: 200,
        facts: 100,
        glossary: 50,
    };
    let files = synthetic::files(sizes, 7);
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let unit = dir.path().join("unit");
    for file in files.all() {
        let Some(inner) = file.name.strip_prefix("data/") else {
            return;
        };
        let path = unit.join(inner);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, &file.text);
    }
    let cache = dir.path().join("cache");
    let mut group = c.benchmark_group("100k events");
    group.sample_size(10);
    group.bench_function("read the folder", |b| {
        b.iter_with_large_drop(|| DataFiles::read_dir(&unit))
    });
    group.bench_function("parse and validate (files read)", |b| {
        b.iter_with_large_drop(|| Dataset::from_files(&files))
    });
    group.bench_function("load the folder", |b| {
        b.iter_with_large_drop(|| Dataset::load_dir(&unit))
    });
    // One thread, the events file alone: ron against the fast reader that
    // now reads the data files first (src/dataset/fast_ron).
    let events = &files.records[0].text;
    group.bench_function("events.ron with ron alone", |b| {
        b.iter_with_large_drop(|| fast_ron::ron_from_str::<Vec<Event>>(events))
    });
    group.bench_function("events.ron with the fast reader", |b| {
        b.iter_with_large_drop(|| fast_ron::from_str::<Vec<Event>>(events))
    });
    let _ = Dataset::load_dir_cached(&unit, Some(&cache));
    group.bench_function("load the folder, cached", |b| {
        b.iter_with_large_drop(|| Dataset::load_dir_cached(&unit, Some(&cache)))
    });
    group.finish();
}

#[cfg(not(feature = "synthetic"))]
fn large_unit(_: &mut Criterion) {}

criterion_group!(benches, load, first_frame, large_unit);
criterion_main!(benches);
