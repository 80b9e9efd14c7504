//! Helpers shared by the integration tests: scratch copies of the bundled and
//! example datasets, and eframe's storage kept in memory.

#![allow(
    dead_code,
    reason = "each test binary uses its own part of these helpers"
)]

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The bundled dataset folder.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The second example dataset's folder.
pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un")
}

/// Copies the folder `from`, with everything under it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// A fresh copy of `data/` in a temporary folder, to break without harm.
pub fn data_copy() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_dir(&data_dir(), dir.path());
    dir
}

/// eframe's storage, kept in memory so a test can "restart" the app.
#[derive(Clone, Default)]
pub struct MemoryStorage(pub HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// A copy of the bundled dataset with `count` more events, "Crowd event 000"
/// and on, dated 10 June 2020, each citing paragraph 3 of the article
/// `nam-ambassadors-briefing-2020` and involving the organization `un`: an
/// article and an organization tied to a crowd of events.
pub fn crowded_copy(count: usize) -> TempDir {
    let dir = data_copy();
    let events = dir.path().join("events.ron");
    let text = fs::read_to_string(&events).unwrap();
    let end = text.rfind(']').unwrap();
    let mut crowd = String::new();
    for i in 0..count {
        crowd.push_str(&format!(
            "    Event(id: \"crowd-{i}\", date: \"2020-06-10\", title: \"Crowd event {i:03}\", description: \"One of many.\", category: Conference, organizations: [\"un\"], sources: [(\"nam-ambassadors-briefing-2020\", 3)]),\n"
        ));
    }
    fs::write(&events, format!("{}{crowd}{}", &text[..end], &text[end..])).unwrap();
    dir
}

/// The name of the control that has the keyboard focus, if any.
pub fn focused<S>(harness: &egui_kittest::Harness<'_, S>) -> Option<String> {
    use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
    harness
        .query_all(By::new().predicate(|node| node.is_focused()))
        .next()
        .and_then(|n| n.accesskit_node().label())
}

/// Presses Tab until the control named `name` has the focus, as a keyboard
/// user goes down a window; returns how many presses that took. Fails the
/// test after `limit` presses.
pub fn tab_to<S>(harness: &mut egui_kittest::Harness<'_, S>, name: &str, limit: usize) -> usize {
    let mut presses = 0;
    while focused(harness).as_deref() != Some(name) {
        presses += 1;
        assert!(presses <= limit, "Tab never reached {name}");
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    presses
}
