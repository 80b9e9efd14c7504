//! Search (Ctrl+K and Ctrl+F) on a synthetic dataset of 10,000 articles.
//!
//! Target: at most 5 ms per keystroke, so that results follow typing within a
//! frame; the keystrokes are "n" to "neutr" as typed, and two-word queries.
//! Building the index happens once at load and has no target. Memory kept by
//! the index is printed before the timings, measured by a counting allocator.

use std::alloc::System;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::dataset::synthetic::{self, Sizes};
use neutrality_reader::search::{SearchIndex, find_in_article};

// Counts allocations so that the memory the index keeps can be measured
// (stats_alloc rather than a hand-written allocator: no unsafe code here).
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const SIZES: Sizes = Sizes {
    articles: 10_000,
    paragraphs_per_article: 15,
    events: 2_000,
    organizations: 1_000,
    people: 500,
    facts: 200,
    glossary: 200,
};

/// How many hits per group the search box shows.
const LIMIT: usize = 8;

const KEYSTROKES: [&str; 8] = [
    "n",
    "ne",
    "neu",
    "neut",
    "neutr",
    "neutrality",
    "neutrality p",
    "neutrality peace",
];

fn search(c: &mut Criterion) {
    let dataset = match Dataset::from_files(&synthetic::files(SIZES, 1)) {
        Ok(dataset) => dataset,
        Err(err) => {
            eprintln!("the synthetic dataset does not load: {err}");
            return;
        }
    };
    let text_bytes: usize = dataset
        .articles
        .iter()
        .flat_map(|a| &a.body)
        .map(|b| b.text().len())
        .sum();
    let region = Region::new(GLOBAL);
    let index = SearchIndex::new(&dataset);
    let change = region.change();
    let kept = change.bytes_allocated as isize - change.bytes_deallocated as isize;
    let articles = SIZES.articles as f64;
    eprintln!(
        "search index of {} articles × {} paragraphs ({:.0} bytes of paragraph text per article), \
         {} events, {} organizations, {} people, {} terms:",
        SIZES.articles,
        SIZES.paragraphs_per_article,
        text_bytes as f64 / articles,
        SIZES.events,
        SIZES.organizations,
        SIZES.people,
        SIZES.glossary,
    );
    eprintln!(
        "  kept {kept} bytes ({:.0} per article), by its own count {} bytes; {} distinct words",
        kept as f64 / articles,
        index.heap_bytes(),
        index.word_count(),
    );
    for query in KEYSTROKES {
        let results = index.search(&dataset, query, LIMIT);
        let totals: Vec<String> = results
            .groups
            .iter()
            .map(|g| format!("{} {}", g.kind.label(), g.total))
            .collect();
        eprintln!("  {query:?}: {}", totals.join(", "));
    }

    // Short keystrokes that touch the most fields, timed once each as a check
    // on the worst case (the words above are the measured ones).
    // "peace-trust" holds punctuation: it is looked up among compounds.
    for query in [
        "a",
        "e",
        "s",
        "an",
        "er",
        "on",
        "ta",
        "a b",
        "2",
        "org1",
        "peace-trust",
    ] {
        let start = std::time::Instant::now();
        let results = black_box(index.search(&dataset, query, LIMIT));
        eprintln!(
            "  {query:?}: {:.2} ms once, {} matches",
            start.elapsed().as_secs_f64() * 1e3,
            results.total()
        );
    }

    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.bench_function("build the index, 10k articles", |b| {
        b.iter(|| SearchIndex::new(black_box(&dataset)))
    });
    group.finish();

    for query in KEYSTROKES {
        c.bench_function(&format!("search: keystroke {query:?}, 10k articles"), |b| {
            b.iter(|| index.search(&dataset, black_box(query), LIMIT))
        });
    }

    let Ok(bundled) = Dataset::embedded() else {
        return;
    };
    c.bench_function("search: build the index, bundled dataset", |b| {
        b.iter(|| SearchIndex::new(black_box(&bundled)))
    });
    let Some(article) = bundled.articles.iter().max_by_key(|a| a.body.len()) else {
        return;
    };
    c.bench_function(
        &format!("search: find \"neutrality\" in {}", article.id),
        |b| b.iter(|| find_in_article(article, black_box("neutrality"))),
    );
}

criterion_group!(benches, search);
criterion_main!(benches);
