//! The fuzz targets' corpora (`fuzz/corpus/`), replayed by a plain `cargo
//! test` through the very bodies the fuzzer runs (`neutrality_reader::
//! fuzzing`): every input the fuzzer kept, and the hostile cases of issue 16
//! (`hostile-*`: a BOM, terminal controls in an id, the year 0000, thousands
//! of faulty records and duplicate ids, a long paragraph, other scripts, a
//! wrong root), loads to a dataset or to problems with places and
//! sentences, and no save file panics a reader.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot read its corpus should fail loudly"
)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::fuzzing::{dataset_input, save_file_input};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Runs `each` over the files, and lists those that panicked.
fn replay(files: &[PathBuf], each: impl Fn(&[u8])) -> Vec<String> {
    files
        .iter()
        .filter_map(|file| {
            let data = std::fs::read(file).unwrap();
            catch_unwind(AssertUnwindSafe(|| each(&data)))
                .err()
                .map(|_| file.display().to_string())
        })
        .collect()
}

#[test]
fn every_dataset_input_of_the_corpus_loads_or_reports_problems() {
    let files = corpus("dataset");
    assert!(files.len() > 1000, "{} inputs", files.len());
    let failures = replay(&files, |data| {
        let _ = dataset_input(data);
    });
    assert!(failures.is_empty(), "panicked on {failures:#?}");
}

#[test]
fn the_hostile_cases_give_the_problems_they_should() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/dataset");
    let load = |name: &str| dataset_input(&std::fs::read(dir.join(name)).unwrap());
    let problems = |name: &str| match load(name) {
        Ok(_) => panic!("{name} loaded"),
        Err(err) => err.to_string(),
    };
    // A BOM is accepted; so are other scripts (check warns, the loader does not).
    assert!(load("hostile-bom-events").is_ok());
    assert!(load("hostile-other-scripts").is_ok());
    assert!(problems("hostile-year-zero").contains("0000"));
    assert!(problems("hostile-duplicate-ids").contains("same"));
    assert!(!problems("hostile-faulty-records").is_empty());
    assert!(!problems("hostile-wrong-root").is_empty());
    // Terminal controls are refused in an id, and never printed raw.
    let escapes = problems("hostile-terminal-escapes");
    let printable = neutrality_reader::terminal::printable(&escapes);
    assert!(!printable.contains('\u{1b}'), "{printable}");
}

#[test]
fn no_save_file_of_the_corpus_panics_a_reader() {
    let files = corpus("save_file");
    assert!(files.len() > 1000, "{} inputs", files.len());
    let dataset = Dataset::embedded().unwrap();
    let failures = replay(&files, |data| {
        let _ = save_file_input(data, &dataset);
    });
    assert!(failures.is_empty(), "panicked on {failures:#?}");
}
