//! Other scripts (issue 16): what the font fallback costs. Every start pays
//! for the compiled-in fonts' character maps; listing the system's fonts and
//! reading a CJK face are paid once, at the first character the compiled-in
//! fonts lack; `check` pays for looking up each text's characters.
//!
//! The system figures depend on the machine's fonts (BENCHMARKS.md says which).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use neutrality_reader::dataset::DataFiles;
use neutrality_reader::fonts::{FontSet, SystemSource, read_face};

fn start(c: &mut Criterion) {
    c.bench_function("compiled-in fonts' coverage (every start)", |b| {
        b.iter(|| FontSet::new(black_box(SystemSource::None)))
    });
}

fn first_missing_character(c: &mut Criterion) {
    let mut group = c.benchmark_group("system fonts");
    group.sample_size(10);
    group.bench_function("list the system's fonts", |b| {
        b.iter(|| FontSet::new(SystemSource::Platform).system_faces().len())
    });
    group.bench_function("list, then find a face for 中 (cold)", |b| {
        b.iter(|| {
            let set = FontSet::new(SystemSource::Platform);
            set.system_face_for(black_box('中')).is_some()
        })
    });
    group.bench_function(
        "list, then find that no face has U+0378 (every face's map read)",
        |b| {
            b.iter(|| {
                let set = FontSet::new(SystemSource::Platform);
                set.can_draw(black_box('\u{0378}'))
            })
        },
    );
    let set = FontSet::platform();
    if let Some(face) = set.system_face_for('中') {
        group.bench_function("read the CJK face's file for egui", |b| {
            b.iter(|| read_face(black_box(face)).map(|bytes| bytes.len()))
        });
    }
    group.finish();
}

fn check(c: &mut Criterion) {
    let files = DataFiles::embedded();
    let set = FontSet::platform();
    c.bench_function("check's character lint of the bundled dataset", |b| {
        b.iter(|| neutrality_reader::dataset::glyphs::lint(black_box(&files), &set))
    });
}

criterion_group!(benches, start, first_missing_character, check);
criterion_main!(benches);
