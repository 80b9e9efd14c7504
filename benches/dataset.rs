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

criterion_group!(benches, load, first_frame);
criterion_main!(benches);
