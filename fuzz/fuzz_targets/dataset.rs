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

/// With `DATASET_TRACE` set, prints what each input loaded to: a quick check
/// of a seed or of a crash's input.
fn tracing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DATASET_TRACE").is_some())
}

// The body is `neutrality_reader::fuzzing::dataset_input`, which
// `tests/integration/fuzz_corpus.rs` also runs over this target's corpus.
fuzz_target!(|data: &[u8]| {
    let loaded = neutrality_reader::fuzzing::dataset_input(data);
    if tracing() {
        match loaded {
            Ok(dataset) => eprintln!("loaded: {} events", dataset.events.len()),
            Err(err) => eprint!("{err}"),
        }
    }
});
