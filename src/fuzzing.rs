//! The bodies of the fuzz targets in `fuzz/`, here so that a plain
//! `cargo test` replays their corpus (`tests/integration/fuzz_corpus.rs`) with the very
//! code the fuzzer runs: whatever a dataset's files or a save file hold,
//! reading it ends in a value or in problems a reader can act on, never in a
//! panic.

use chrono::{DateTime, Utc};

use crate::dataset::{DataFiles, Dataset, LoadError};
use crate::notes::Notes;
use crate::quiz::memory::Memory;
use crate::storage;
use crate::ui::state::Settings;

/// A file's name and its bytes, as `DataFiles::from_bytes` takes them.
pub type NamedBytes = (String, Vec<u8>);

/// A number written in base 255, least significant digit first, each digit
/// a byte from 1 (0) to 255 (254).
fn base255(digits: &[u8]) -> usize {
    digits
        .iter()
        .rev()
        .fold(0, |n, &d| n * 255 + usize::from(d.saturating_sub(1)))
}

/// The dataset's files that `data` stands for.
///
/// The input is split at each NUL byte (a byte no RON file holds). Pieces
/// 0 to 4 stand for events.ron, organizations.ron, people.ron, facts.ron
/// and glossary.ron, pieces 5 to 9 for the five bundled articles, and any
/// further piece is an extra article. A piece is one of:
///
/// - empty: the bundled file, unchanged;
/// - `\x01`, then a 3-byte offset and a 2-byte length, then any bytes: the
///   bundled file with that many bytes at that offset (taken modulo the
///   file's length) replaced by the bytes that follow. The numbers are in
///   base 255, least significant digit first, each digit a byte from 1 to
///   255 standing for 0 to 254, since a NUL would end the piece. A small
///   input thus stands for a small edit of a whole, valid file;
/// - anything else: the whole file.
pub fn dataset_files(data: &[u8]) -> (Vec<NamedBytes>, [NamedBytes; 5]) {
    let bundled = DataFiles::embedded();
    let mut pieces = data.split(|&b| b == 0);
    let mut take = |file: &crate::dataset::DataFile| {
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
    (articles, records)
}

/// Loads the dataset `data` stands for (see [`dataset_files`]) and, if it
/// loads, exports it. Panics only where the loader breaks its promise: a
/// load error without a problem, a problem without a sentence, or a place
/// counted from 0.
pub fn dataset_input(data: &[u8]) -> Result<Dataset, LoadError> {
    let (articles, records) = dataset_files(data);
    let loaded = DataFiles::from_bytes(articles, records).and_then(|f| Dataset::from_files(&f));
    match &loaded {
        Ok(dataset) => {
            let _ = crate::dataset::to_json(dataset);
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
            let _ = err.to_string();
        }
    }
    loaded
}

/// Which of the save readers accepted a save file's bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadAs {
    /// As the quiz memory.
    pub memory: bool,
    /// As the notes.
    pub notes: bool,
    /// As the settings (the file's or eframe's older store).
    pub settings: bool,
}

/// Reads `data` as each of the reader's own saves is read, then uses what
/// reads as the app does at start (see `fuzz/fuzz_targets/save_file.rs`).
/// Panics only if settings that were read and sanitized do not save and
/// read back unchanged. `dataset` is the bundled one.
pub fn save_file_input(data: &[u8], dataset: &Dataset) -> ReadAs {
    let mut read = ReadAs::default();
    let Ok(text) = std::str::from_utf8(data) else {
        return read;
    };
    // A fixed "now", so that a crash reproduces: 1 March 2026.
    let now = DateTime::<Utc>::from_timestamp(1_772_323_200, 0).unwrap_or_default();
    if let Ok(memory) = serde_json::from_str::<Memory>(text) {
        read.memory = true;
        let memory = memory.migrated();
        let _ = memory.due(now);
        let _ = memory.next_due(now);
        let _ = memory.weakest_topics();
        let _ = memory.review_quiz(dataset, now, 7);
        let _ = serde_json::to_string_pretty(&memory);
    }
    if let Ok(notes) = serde_json::from_str::<Notes>(text) {
        read.notes = true;
        let _ = notes.in_order(dataset);
        let _ = notes.to_markdown(dataset);
        let _ = serde_json::to_string_pretty(&notes);
    }
    let from_file = storage::read_versioned::<Settings>(text).ok();
    let from_eframe = ron::from_str::<Settings>(text).ok();
    for settings in [from_file, from_eframe].into_iter().flatten() {
        read.settings = true;
        let settings = settings.sanitized();
        // What was read and sanitized must save and read back unchanged.
        let saved = serde_json::to_string(&settings).unwrap_or_default();
        let again = storage::read_versioned::<Settings>(&saved).map(Settings::sanitized);
        assert_eq!(again.as_ref(), Ok(&settings), "{saved}");
    }
    read
}
