//! A broken record is placed on the line the author must change: `check`
//! prints that line, the load reports it, and the code view a problem opens
//! marks it. Several kinds of broken record, each in a copy of `data/`; the
//! bad line is found from the broken text, never written by hand.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot copy or break its data should fail loudly"
)]

use crate::common;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::data_copy;
use neutrality_reader::dataset::{Dataset, Problem};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};

/// A broken record: the text replaced in `events.ron` (the start of the
/// `un-membership` record), and a snippet found only on the bad line.
struct Break {
    what: &'static str,
    to: &'static str,
    bad: &'static str,
}

/// The record every break starts from.
const RECORD: &str = "    Event(\n        id: \"un-membership\",\n        date: \"1992\",\n";

const BREAKS: &[Break] = &[
    Break {
        what: "a field name in quotes",
        to: "    Event(\n        \"id\": \"un-membership\",\n        date: \"1992\",\n",
        bad: "\"id\": \"un-membership\"",
    },
    Break {
        what: "a field name that is a number",
        to: "    Event(\n        1: \"un-membership\",\n        date: \"1992\",\n",
        bad: "1: \"un-membership\"",
    },
    Break {
        what: "a field without its name",
        to: "    Event(\n        \"un-membership\",\n        date: \"1992\",\n",
        bad: "        \"un-membership\",",
    },
    Break {
        what: "a value on the line after its name",
        to: "    Event(\n        id:\n            un_membership,\n        date: \"1992\",\n",
        bad: "un_membership,",
    },
    Break {
        what: "a comment before a bad field",
        to: "    Event(\n        // the UN\n        : \"un-membership\",\n        date: \"1992\",\n",
        bad: ": \"un-membership\"",
    },
    Break {
        what: "an unknown field",
        to: "    Event(\n        id: \"un-membership\",\n        day: \"1992\",\n",
        bad: "day: \"1992\"",
    },
    Break {
        what: "a record of the wrong name",
        to: "    Evnt(\n        id: \"un-membership\",\n        date: \"1992\",\n",
        bad: "Evnt(",
    },
    Break {
        what: "a date that is not text",
        to: "    Event(\n        id: \"un-membership\",\n        date: 1992,\n",
        bad: "date: 1992,",
    },
];

/// The 1-based line of the one line of `text` containing `bad`.
fn bad_line(text: &str, bad: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(bad))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "{bad:?} must be on exactly one line");
    lines[0]
}

/// A copy of `data/` with `brk` applied; its folder and broken text.
fn broken(brk: &Break) -> (tempfile::TempDir, String) {
    let dir = data_copy();
    let path = dir.path().join("events.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(RECORD).count(), 1);
    let text = text.replacen(RECORD, brk.to, 1);
    std::fs::write(&path, &text).unwrap();
    (dir, text)
}

/// The only problem of the folder.
fn only_problem(dir: &Path) -> Problem {
    match Dataset::load_dir(dir) {
        Ok(_) => panic!("the broken copy loaded"),
        Err(error) => {
            assert_eq!(error.problems.len(), 1, "{error}");
            error.problems[0].clone()
        }
    }
}

/// The line `neutrality-reader check` prints for the one problem of `dir`.
fn checked_line(dir: &Path) -> usize {
    let output = Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .args(["check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    let prefix = format!("{}:", dir.join("events.ron").display());
    let first = err.lines().next().unwrap_or_default();
    let place = first
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("no place in {err}"));
    place.split(':').next().unwrap().parse().unwrap()
}

/// The line the code view marks once the problem is opened from the panel.
fn code_view_line(dir: &Path, problem: &Problem) -> Option<usize> {
    let data = Arc::new(Dataset::embedded().unwrap());
    let origin = DataOrigin {
        folder: Some(dir.display().to_string()),
        problems: vec![problem.clone()],
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, origin, None));
    harness.run();
    harness.get_by_label("Show the problems").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, &problem.to_string())
        .click();
    harness.run();
    harness.state().code_view_place().and_then(|(_, line)| line)
}

#[test]
fn check_the_load_and_the_code_view_all_place_a_broken_record_on_its_bad_line() {
    let mut wrong = Vec::new();
    for brk in BREAKS {
        let (dir, text) = broken(brk);
        let want = bad_line(&text, brk.bad);
        let problem = only_problem(dir.path());
        let checked = checked_line(dir.path());
        let shown = code_view_line(dir.path(), &problem);
        if problem.line != Some(want) || checked != want || shown != Some(want) {
            wrong.push(format!(
                "{}: the bad line is {want} ({:?}); the load says {:?}, check {checked}, the code view {shown:?} ({:?}): {}",
                brk.what,
                text.lines().nth(want - 1).unwrap_or_default(),
                problem.line,
                problem
                    .line
                    .and_then(|l| text.lines().nth(l.wrapping_sub(1)))
                    .unwrap_or_default(),
                problem.message,
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
