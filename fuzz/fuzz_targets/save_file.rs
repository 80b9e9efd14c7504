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

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use neutrality_reader::dataset::Dataset;
use neutrality_reader::notes::Notes;
use neutrality_reader::quiz::memory::Memory;
use neutrality_reader::storage;
use neutrality_reader::ui::state::Settings;

fn dataset() -> Option<&'static Dataset> {
    static DATASET: OnceLock<Option<Dataset>> = OnceLock::new();
    DATASET.get_or_init(|| Dataset::embedded().ok()).as_ref()
}

/// With `SAVE_FILE_TRACE` set, says which readers accepted the input: a quick
/// check that the seeds of the corpus are real saves.
fn trace(what: &str) {
    static ON: OnceLock<bool> = OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("SAVE_FILE_TRACE").is_some()) {
        eprintln!("read as {what}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(dataset) = dataset() else {
        return;
    };
    // A fixed "now", so that a crash reproduces: 1 March 2026.
    let now = DateTime::<Utc>::from_timestamp(1_772_323_200, 0).unwrap_or_default();
    if let Ok(memory) = serde_json::from_str::<Memory>(text) {
        trace("quiz memory");
        let memory = memory.migrated();
        let _ = memory.due(now);
        let _ = memory.next_due(now);
        let _ = memory.weakest_topics();
        let _ = memory.review_quiz(dataset, now, 7);
        let _ = serde_json::to_string_pretty(&memory);
    }
    if let Ok(notes) = serde_json::from_str::<Notes>(text) {
        trace("notes");
        let _ = notes.in_order(dataset);
        let _ = notes.to_markdown(dataset);
        let _ = serde_json::to_string_pretty(&notes);
    }
    let from_file = storage::read_versioned::<Settings>(text).ok();
    let from_eframe = ron::from_str::<Settings>(text).ok();
    for settings in [from_file, from_eframe].into_iter().flatten() {
        trace("settings");
        let settings = settings.sanitized();
        // What was read and sanitized must save and read back unchanged.
        let saved = serde_json::to_string(&settings).unwrap_or_default();
        let again = storage::read_versioned::<Settings>(&saved).map(Settings::sanitized);
        assert_eq!(again.as_ref(), Ok(&settings), "{saved}");
    }
});
