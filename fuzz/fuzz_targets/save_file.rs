//! Fuzzes the readers of the reader's own saves with what a damaged or
//! hand-edited file may hold: the quiz memory (`quiz-memory.json`) and the
//! notes, read as `storage::load_json` reads them (UTF-8 text, then
//! serde_json), and the settings, read as `settings.json` is
//! (`storage::read_versioned`) and as eframe's older store held them (RON).
//! Whatever reads is then used as the app uses it at start: the memory
//! migrated, its due questions, weakest topics and a review quiz built
//! against the bundled dataset; the notes put in order and exported as
//! Markdown; the settings sanitized, and they must then save and read back
//! as they were.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use neutrality_reader::dataset::Dataset;

fn dataset() -> Option<&'static Dataset> {
    static DATASET: OnceLock<Option<Dataset>> = OnceLock::new();
    DATASET.get_or_init(|| Dataset::embedded().ok()).as_ref()
}

// The body is `neutrality_reader::fuzzing::save_file_input`, which
// `tests/integration/fuzz_corpus.rs` also runs over this target's corpus. With
// `SAVE_FILE_TRACE` set, says which readers accepted the input: a quick
// check that the seeds of the corpus are real saves.
fuzz_target!(|data: &[u8]| {
    let Some(dataset) = dataset() else {
        return;
    };
    let read = neutrality_reader::fuzzing::save_file_input(data, dataset);
    if std::env::var_os("SAVE_FILE_TRACE").is_some() {
        eprintln!("read as {read:?}");
    }
});
