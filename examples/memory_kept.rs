//! How much memory a unit's records and indexes keep, each counted by the
//! allocator (bytes asked for, not the allocator's own overhead):
//! `cargo run --release --example memory_kept -- FOLDER` (BENCHMARKS.md,
//! issue 20, memory).

use std::alloc::System;
use std::process::ExitCode;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::links::LinkIndex;
use neutrality_reader::search::SearchIndex;
use neutrality_reader::ui::timeline::TimelineIndex;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Megabytes kept since `region` began.
fn kept(region: &Region<System>) -> f64 {
    let change = region.change();
    (change.bytes_allocated as f64 - change.bytes_deallocated as f64) / 1e6
}

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1) else {
        eprintln!("usage: memory_kept FOLDER");
        return ExitCode::FAILURE;
    };
    println!(
        "sizes: Event {} B, Source {} B",
        size_of::<neutrality_reader::model::Event>(),
        size_of::<neutrality_reader::model::Source>()
    );
    let region = Region::new(GLOBAL);
    let dataset = match Dataset::load_dir(std::path::Path::new(&folder)) {
        Ok(dataset) => dataset,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "dataset ({} events): {:.1} MB kept, {:.1} MB asked for while loading",
        dataset.events.len(),
        kept(&region),
        region.change().bytes_allocated as f64 / 1e6
    );
    let region = Region::new(GLOBAL);
    let timeline = TimelineIndex::new(&dataset);
    timeline.single_lane();
    println!(
        "timelines: {:.1} MB kept, {:.1} MB asked for",
        kept(&region),
        region.change().bytes_allocated as f64 / 1e6
    );
    let region = Region::new(GLOBAL);
    let search = SearchIndex::new(&dataset);
    println!(
        "search index: {:.1} MB kept, {:.1} MB asked for",
        kept(&region),
        region.change().bytes_allocated as f64 / 1e6
    );
    let region = Region::new(GLOBAL);
    let links = LinkIndex::new(&dataset);
    println!("links: {:.1} MB", kept(&region));
    drop(std::hint::black_box((timeline, search, links)));
    ExitCode::SUCCESS
}
