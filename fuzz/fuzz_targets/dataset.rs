//! Fuzzes the dataset loader: bytes, split into files, through
//! `DataFiles::from_bytes` (limits, UTF-8) and `Dataset::from_files`
//! (RON parsing, validation), then the JSON export of what loads.
//!
//! The input is split at each NUL byte (a byte no RON file holds). Pieces
//! 0 to 4 stand for events.ron, organizations.ron, people.ron, facts.ron
//! and glossary.ron, pieces 5 to 9 for the five bundled articles, and any
//! further piece is an extra article. A piece is one of:
//!
//! - empty: the bundled file, unchanged;
//! - `\x01`, then a 3-byte offset and a 2-byte length, then any bytes: the
//!   bundled file with that many bytes at that offset (taken modulo the
//!   file's length) replaced by the bytes that follow. The numbers are in
//!   base 255, least significant digit first, each digit a byte from 1 to 255
//!   standing for 0 to 254, since a NUL would end the piece. A small
//!   input thus stands for a small edit of a whole, valid file, which keeps
//!   the corpus small and lets the fuzzer reach the cross-file validation;
//! - anything else: the whole file.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use neutrality_reader::dataset::{DataFiles, Dataset};

/// A number written in base 255, least significant digit first, each digit
/// a byte from 1 (0) to 255 (254).
fn base255(digits: &[u8]) -> usize {
    digits
        .iter()
        .rev()
        .fold(0, |n, &d| n * 255 + usize::from(d.saturating_sub(1)))
}

/// With `DATASET_TRACE` set, prints what each input loaded to: a quick check
/// of a seed or of a crash's input.
fn tracing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DATASET_TRACE").is_some())
}

fuzz_target!(|data: &[u8]| {
    let bundled = DataFiles::embedded();
    let mut pieces = data.split(|&b| b == 0);
    let mut take = |file: &neutrality_reader::dataset::DataFile| {
        let bundled = file.text.as_bytes();
        let bytes = match pieces.next() {
            None | Some([]) => bundled.to_vec(),
            Some([1, a, b, c, d, e, insert @ ..]) => {
                let at = base255(&[*a, *b, *c]) % (bundled.len() + 1);
                let end = (at + base255(&[*d, *e])).min(bundled.len());
                let mut edited = bundled.to_vec();
                edited.splice(at..end, insert.iter().copied());
                edited
            }
            Some(piece) => piece.to_vec(),
        };
        (file.name.clone(), bytes)
    };
    let records = bundled.records.each_ref().map(&mut take);
    let mut articles: Vec<_> = bundled.articles.iter().map(&mut take).collect();
    articles.extend(
        pieces
            .enumerate()
            .map(|(n, piece)| (format!("data/articles/extra-{n}.ron"), piece.to_vec())),
    );
    let loaded = DataFiles::from_bytes(articles, records).and_then(|f| Dataset::from_files(&f));
    match loaded {
        Ok(dataset) => {
            if tracing() {
                eprintln!("loaded: {} events", dataset.events.len());
            }
            let _ = neutrality_reader::dataset::to_json(&dataset);
        }
        Err(err) => {
            assert!(!err.problems.is_empty(), "an error without a problem");
            for problem in &err.problems {
                assert!(!problem.message.trim().is_empty(), "{problem:?}");
                assert!(
                    problem.line != Some(0) && problem.column != Some(0),
                    "{problem:?}"
                );
            }
            let report = err.to_string();
            if tracing() {
                eprint!("{report}");
            }
        }
    }
});
