//! The quiz generator on the bundled dataset and on a synthetic one of
//! 100,000 events.
//!
//! Targets (the quiz issue): 1,000 questions from the bundled dataset in at
//! most 10 ms, and from a synthetic 100,000-event dataset in at most 100 ms.
//! The bundled data holds fewer good questions than 1,000, so asking it for
//! 1,000 makes every question it has: the most work a quiz of it can take.
//! Each dataset is timed with its index built once ([`QuizBank`], as the app
//! keeps it) and with the index built on every call ([`generate`]).

use std::collections::BTreeSet;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::dataset::synthetic::{self, Sizes};
use neutrality_reader::quiz::{Difficulty, QuizBank, QuizOptions, generate};

const SIZES: Sizes = Sizes {
    articles: 100,
    paragraphs_per_article: 20,
    events: 100_000,
    organizations: 5_000,
    people: 500,
    facts: 500,
    glossary: 500,
};

fn thousand(seed: u64) -> QuizOptions {
    QuizOptions {
        seed,
        count: 1_000,
        topics: BTreeSet::new(),
        difficulty: Difficulty::Normal,
    }
}

fn bundled(c: &mut Criterion) {
    let Ok(dataset) = Dataset::embedded() else {
        eprintln!("the bundled dataset does not load");
        return;
    };
    let bank = QuizBank::new(&dataset);
    let made = bank.generate(&thousand(1)).questions.len();
    eprintln!("bundled dataset: 1,000 asked for, {made} good questions made");
    let mut seed = 0;
    c.bench_function(
        "quiz: 1,000 questions of the bundled dataset, index kept",
        |b| {
            b.iter(|| {
                seed += 1;
                bank.generate(black_box(&thousand(seed)))
            })
        },
    );
    c.bench_function(
        "quiz: 1,000 questions of the bundled dataset, index built",
        |b| {
            b.iter(|| {
                seed += 1;
                generate(black_box(&dataset), black_box(&thousand(seed)))
            })
        },
    );
    c.bench_function(
        "quiz: 10 questions of the bundled dataset, index built",
        |b| {
            b.iter(|| {
                seed += 1;
                let options = QuizOptions {
                    count: 10,
                    ..thousand(seed)
                };
                generate(black_box(&dataset), black_box(&options))
            })
        },
    );
}

fn synthetic_100k(c: &mut Criterion) {
    let dataset = match Dataset::from_files(&synthetic::files(SIZES, 1)) {
        Ok(dataset) => dataset,
        Err(err) => {
            eprintln!("the synthetic dataset does not load: {err}");
            return;
        }
    };
    let bank = QuizBank::new(&dataset);
    let made = bank.generate(&thousand(1)).questions.len();
    eprintln!("synthetic 100k events: 1,000 asked for, {made} good questions made");
    let mut group = c.benchmark_group("quiz 100k");
    group.sample_size(20);
    group.bench_function("index 100,000 events", |b| {
        b.iter(|| QuizBank::new(black_box(&dataset)))
    });
    let mut seed = 0;
    group.bench_function("1,000 questions of 100,000 events, index kept", |b| {
        b.iter(|| {
            seed += 1;
            bank.generate(black_box(&thousand(seed)))
        })
    });
    group.bench_function("1,000 questions of 100,000 events, index built", |b| {
        b.iter(|| {
            seed += 1;
            generate(black_box(&dataset), black_box(&thousand(seed)))
        })
    });
    group.finish();
}

criterion_group!(benches, bundled, synthetic_100k);
criterion_main!(benches);
