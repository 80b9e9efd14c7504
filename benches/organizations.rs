//! The organization panel's work on a synthetic dataset of 5,000 organizations.
//!
//! Target: re-sorting or filtering the table at most 5 ms, so that a click on a
//! column header or a chip, or a key typed in the search field, answers within
//! a frame. Deriving the rows happens once per dataset and has no target.

use std::collections::BTreeSet;
use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::dataset::synthetic::{self, Sizes};
use neutrality_reader::model::{Date, RelationshipKind};
use neutrality_reader::organizations::{
    Filter, SortColumn, SortOrder, counts_on, filter, rows, sort,
};
use neutrality_reader::quiz::Rng;

const SIZES: Sizes = Sizes {
    articles: 40,
    paragraphs_per_article: 30,
    events: 20_000,
    organizations: 5_000,
    people: 100,
    facts: 100,
    glossary: 20,
};

const COLUMNS: [(SortColumn, &str); 6] = [
    (SortColumn::Acronym, "acronym"),
    (SortColumn::Name, "name"),
    (SortColumn::Kind, "kind"),
    (SortColumn::Relationship, "relationship"),
    (SortColumn::Since, "since"),
    (SortColumn::Mentions, "mentions"),
];

fn organizations(c: &mut Criterion) {
    let dataset = match Dataset::from_files(&synthetic::files(SIZES, 1)) {
        Ok(dataset) => dataset,
        Err(err) => {
            eprintln!("the synthetic dataset does not load: {err}");
            return;
        }
    };
    c.bench_function("organizations: rows of 5k", |b| {
        b.iter(|| rows(black_box(&dataset)))
    });

    let rows = rows(&dataset);
    // Each sort starts from a shuffled order, as after sorting by another
    // column; an already sorted input would flatter the stable sort.
    let mut rng = Rng::new(0x0E6A_2025, 0);
    let mut shuffled: Vec<usize> = (0..rows.len()).collect();
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    for (column, label) in COLUMNS {
        c.bench_function(&format!("organizations: sort 5k by {label}"), |b| {
            b.iter_batched_ref(
                || shuffled.clone(),
                |order| sort(&rows, order, column, SortOrder::Ascending),
                BatchSize::SmallInput,
            )
        });
    }

    let by_text = Filter {
        text: "amb".to_owned(),
        ..Filter::default()
    };
    c.bench_function("organizations: filter 5k by text \"amb\"", |b| {
        b.iter(|| filter(&rows, &dataset, black_box(&by_text)))
    });
    let by_chip = Filter {
        relationships: BTreeSet::from([Some(RelationshipKind::Member)]),
        ..Filter::default()
    };
    c.bench_function("organizations: filter 5k by the Member chip", |b| {
        b.iter(|| filter(&rows, &dataset, black_box(&by_chip)))
    });
    c.bench_function("organizations: counts_on a date, 5k", |b| {
        b.iter(|| counts_on(&dataset, black_box(Date::day(2000, 6, 1))))
    });
}

criterion_group!(benches, organizations);
criterion_main!(benches);
