//! How much memory a unit's records and indexes keep, and the most the
//! allocator held at once in each step of a load as the window does it,
//! each counted by the allocator (bytes asked for, not the allocator's own
//! overhead, `peak_alloc`), with the process's resident set after each step:
//! `cargo run --release --example memory_kept -- FOLDER` (BENCHMARKS.md,
//! issue 20, memory).

use std::process::ExitCode;

use neutrality_reader::dataset::cache::CacheCopy;
use neutrality_reader::dataset::{DataFiles, Dataset, ImageSource};
use neutrality_reader::links::LinkIndex;
use neutrality_reader::search::SearchIndex;
use neutrality_reader::ui::timeline::TimelineIndex;
use peak_alloc::PeakAlloc;

#[global_allocator]
static GLOBAL: PeakAlloc = PeakAlloc;

/// A line of `/proc/self/status` in MB (`VmRSS`, `VmHWM`), 0 elsewhere.
fn status_mb(name: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().strip_suffix("kB")?.trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb * 1024.0 / 1e6)
}

/// Runs `step`, then prints how long it took, what was held before and
/// after it and the most held while it ran, in MB.
fn step<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let before = GLOBAL.current_usage();
    GLOBAL.reset_peak_usage();
    let started = std::time::Instant::now();
    let value = step();
    let took = started.elapsed().as_secs_f64() * 1000.0;
    let mb = |bytes: usize| bytes as f64 / 1e6;
    let held = GLOBAL.current_usage();
    let peak = GLOBAL.peak_usage();
    println!(
        "{name:<32} {took:>5.0} ms, held {:>6.1} -> {:>6.1} MB (peak {:>6.1}, +{:>5.1} over the start); RSS {:>6.1} MB, peak RSS {:>6.1} MB",
        mb(before),
        mb(held),
        mb(peak),
        mb(peak.saturating_sub(before)),
        status_mb("VmRSS"),
        status_mb("VmHWM"),
    );
    value
}

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1) else {
        eprintln!("usage: memory_kept FOLDER");
        return ExitCode::FAILURE;
    };
    let folder = std::path::PathBuf::from(folder);
    println!(
        "sizes: Event {} B, Source {} B, Organization {} B",
        size_of::<neutrality_reader::model::Event>(),
        size_of::<neutrality_reader::model::Source>(),
        size_of::<neutrality_reader::model::Organization>(),
    );
    let files = match step("read the files", || DataFiles::read_dir(&folder)) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let images = ImageSource::folder(&folder);
    let dataset = match step("parse and check", || {
        Dataset::from_files_and_images(&files, images)
    }) {
        Ok(dataset) => dataset,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let key = neutrality_reader::dataset::cache::key(&files);
    step("let the files go", || drop(files));
    let dataset = &dataset;
    let cache = std::env::temp_dir().join(format!("memory-kept-{}", std::process::id()));
    let cache = &cache;
    // The window makes the timeline, then the cache copy (the Study
    // strip's timeline only when the strip is drawn).
    let (timeline, copy) = step("timeline + cache copy", || {
        let timeline = TimelineIndex::new(dataset);
        (timeline, CacheCopy::keyed(dataset, key, cache))
    });
    // The window writes the cache file while its indexes are being built.
    let (search, links) = step("cache written + search + links", || {
        std::thread::scope(|scope| {
            scope.spawn(|| {
                if let Some(copy) = copy {
                    copy.write();
                }
            });
            let search = SearchIndex::new(dataset);
            let links = LinkIndex::new(dataset);
            (search, links)
        })
    });
    let _ = std::fs::remove_dir_all(cache);
    println!(
        "kept: {} events; the whole {:.1} MB",
        dataset.events.len(),
        GLOBAL.current_usage() as f64 / 1e6
    );
    // Each index alone, for what it keeps and asks for.
    step("timeline alone", || drop(TimelineIndex::new(dataset)));
    step("the Study strip's timeline", || {
        timeline.single_lane();
    });
    step("search index alone", || drop(SearchIndex::new(dataset)));
    step("links alone", || drop(LinkIndex::new(dataset)));
    step("cache copy alone", || {
        drop(CacheCopy::keyed(dataset, key, cache))
    });
    drop(std::hint::black_box((timeline, search, links)));
    ExitCode::SUCCESS
}
