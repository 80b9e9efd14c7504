//! Recognising the links of the article text, once per dataset at load.
//!
//! Target: `LinkIndex::new` on the bundled dataset at most 5 ms, so that links
//! add nothing noticeable to start-up. The synthetic dataset of 200 articles
//! (6,000 blocks, 500 organizations, 5,000 events) is for information: how
//! the work grows with the text and the names.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::dataset::synthetic::{self, Sizes};
use neutrality_reader::links::LinkIndex;

const SIZES: Sizes = Sizes {
    articles: 200,
    paragraphs_per_article: 30,
    events: 5_000,
    organizations: 500,
    people: 100,
    facts: 200,
    glossary: 20,
};

fn links(c: &mut Criterion) {
    match Dataset::embedded() {
        Ok(dataset) => {
            c.bench_function("links: LinkIndex::new, bundled dataset", |b| {
                b.iter(|| LinkIndex::new(black_box(&dataset)))
            });
        }
        Err(err) => eprintln!("the bundled dataset does not load: {err}"),
    }
    match Dataset::from_files(&synthetic::files(SIZES, 1)) {
        Ok(dataset) => {
            c.bench_function("links: LinkIndex::new, 200 synthetic articles", |b| {
                b.iter(|| LinkIndex::new(black_box(&dataset)))
            });
        }
        Err(err) => eprintln!("the synthetic dataset does not load: {err}"),
    }
}

criterion_group!(benches, links);
criterion_main!(benches);
