//! The reader's own files on one profile: nothing in their place can hold the
//! window at start-up, and two windows on the same files lose nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use neutrality_reader::notes::Notes;
use neutrality_reader::quiz::memory::Memory;
use neutrality_reader::storage::{self, Loaded};
use neutrality_reader::ui::saved_settings::{self, ReadSettings, SettingsNotice};

/// Runs `f` on a thread and fails if it has not returned within ten
/// seconds: a read that waits on a pipe never returns.
fn within_seconds<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    match receive.recv_timeout(Duration::from_secs(10)) {
        Ok(value) => value,
        Err(_) => panic!("{what} still waits after 10 s"),
    }
}

/// A named pipe made by coreutils' mkfifo (the crate forbids `unsafe`).
#[cfg(unix)]
fn make_pipe(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_a_save_is_set_aside_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["quiz-memory.json", "notes.json"] {
        let path = dir.path().join(name);
        make_pipe(&path);
        let (reason, moved_to) = {
            let path = path.clone();
            if name == "notes.json" {
                match within_seconds("loading notes", move || storage::load_json::<Notes>(&path)) {
                    Loaded::SetAside { reason, moved_to } => (reason, moved_to),
                    other => panic!("a pipe is not notes: {other:?}"),
                }
            } else {
                match within_seconds("loading the memory", move || {
                    storage::load_json::<Memory>(&path)
                }) {
                    Loaded::SetAside { reason, moved_to } => (reason, moved_to),
                    other => panic!("a pipe is not a memory: {other:?}"),
                }
            }
        };
        assert_eq!(
            reason,
            format!(
                "{} could not be read: it is a named pipe, not a file",
                path.display()
            )
        );
        assert!(moved_to.is_some(), "set aside, not left in the way");
        // The next save writes a real file in its place, without waiting either.
        let saved = path.clone();
        within_seconds("saving", move || storage::save_json(&saved, &Notes::new())).unwrap();
        assert!(std::fs::metadata(&path).unwrap().is_file());
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_the_settings_or_the_window_store_is_set_aside_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join(saved_settings::SETTINGS_FILE);
    make_pipe(&settings);
    let read = {
        let settings = settings.clone();
        within_seconds("reading the settings", move || {
            saved_settings::read_settings(&settings)
        })
    };
    let ReadSettings::Unusable(SettingsNotice::Unreadable { reason, moved_to }) = read else {
        panic!("a pipe is not settings: {read:?}");
    };
    assert!(
        reason.ends_with("it is a named pipe, not a file"),
        "{reason}"
    );
    assert!(moved_to.is_some());

    let store = dir.path().join(saved_settings::WINDOW_STORE_FILE);
    make_pipe(&store);
    let notice = {
        let store = store.clone();
        within_seconds("checking the window store", move || {
            saved_settings::check_window_store(&store)
        })
    };
    assert!(
        matches!(
            notice,
            Some(SettingsNotice::WindowStoreSetAside {
                moved_to: Some(_),
                ..
            })
        ),
        "{notice:?}"
    );
    // Nothing is left at the store's name for eframe to open and wait on.
    assert!(!store.exists());
}

#[test]
fn a_save_larger_than_the_limit_is_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(storage::MAX_SAVE_BYTES + 1).unwrap();
    let Loaded::SetAside { reason, .. } = storage::load_json::<Notes>(&path) else {
        panic!("a file over the limit is not read");
    };
    assert!(reason.ends_with("it is larger than 64 MiB"), "{reason}");
}
