//! What the commands print, where it cannot be written or should not be
//! trusted: a full disk, a closed pipe, `-o FILE`, and a unit whose ids and
//! titles carry terminal control sequences.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

use crate::common;
use common::data_copy;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The commands that print something a program reads.
const PRINTING: [&[&str]; 4] = [
    &["export"],
    &["quiz", "--seed", "3"],
    &["quiz", "--seed", "3", "--format", "json"],
    &["check", "--format", "json"],
];

#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_said_and_exits_non_zero() {
    for args in PRINTING {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = bin().args(args).stdout(Stdio::from(full)).output().unwrap();
        let said = stderr(&output);
        assert_ne!(output.status.code(), Some(0), "{args:?}: {said}");
        assert!(
            said.contains("could not write") && said.contains("no space left on device"),
            "{args:?}: {said}"
        );
    }
}

#[test]
#[cfg(unix)]
fn a_closed_pipe_is_said_and_exits_non_zero() {
    for args in PRINTING {
        let (reader, writer) = std::io::pipe().unwrap();
        // No one will read: every write gets a broken pipe.
        drop(reader);
        let output = bin()
            .args(args)
            .stdout(Stdio::from(writer))
            .output()
            .unwrap();
        let said = stderr(&output);
        assert_ne!(output.status.code(), Some(0), "{args:?}: {said}");
        assert!(
            said.contains("could not write") && said.contains("broken pipe"),
            "{args:?}: {said}"
        );
    }
}

#[test]
fn output_to_a_file_is_whole_and_stdout_stays_empty() {
    let dir = TempDir::new().unwrap();
    for (n, args) in PRINTING.iter().enumerate() {
        let file = dir.path().join(format!("out-{n}"));
        // Something there already is replaced whole.
        fs::write(&file, "old").unwrap();
        let mut with_file = args.to_vec();
        let file_arg = file.to_str().unwrap();
        with_file.extend(["-o", file_arg]);
        let to_file = bin().args(&with_file).output().unwrap();
        assert_eq!(to_file.status.code(), Some(0), "{}", stderr(&to_file));
        assert!(to_file.stdout.is_empty(), "{args:?}");
        let to_stdout = bin().args(*args).output().unwrap();
        assert_eq!(fs::read(&file).unwrap(), to_stdout.stdout, "{args:?}");
        // No temporary file is left beside it.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".tmp") || name.starts_with('.'))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}

#[test]
fn output_to_a_file_that_cannot_be_written_fails_and_leaves_the_old_file() {
    let dir = TempDir::new().unwrap();
    // A file where the folder should be (its name with an escape in it):
    // nothing can be created in it.
    let blocked = dir.path().join("blocked-\u{1b}[2J");
    fs::write(&blocked, "keep").unwrap();
    let target = blocked.join("x.json");
    let output = bin()
        .args(["export", "-o", target.to_str().unwrap()])
        .output()
        .unwrap();
    let said = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("could not write"), "{said}");
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(output.stdout.is_empty());
    assert_eq!(fs::read_to_string(&blocked).unwrap(), "keep");
}

/// Control sequences a unit might hide in its text: clear the screen, set the
/// window's title (ESC ] … BEL), the one-byte CSI (U+009B), DEL and a carriage
/// return that would let a line overwrite itself.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{7f}\r";

/// Whether the bytes hold a control character other than a line break or a tab.
fn controls_in(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect()
}

/// A copy of `data/` whose event titles all begin with [`HOSTILE`].
fn unit_with_hostile_titles() -> TempDir {
    let dir = data_copy();
    let events = dir.path().join("events.ron");
    let text = fs::read_to_string(&events).unwrap();
    let hostile = text.replace("title: \"", &format!("title: \"{HOSTILE}"));
    assert_ne!(hostile, text);
    fs::write(&events, hostile).unwrap();
    dir
}

#[test]
fn control_characters_from_a_unit_never_reach_the_terminal() {
    let dir = unit_with_hostile_titles();
    let unit = dir.path().to_str().unwrap();
    for args in [
        vec!["export", "--data", unit],
        vec![
            "quiz", "--data", unit, "--topics", "events", "--count", "20",
        ],
        vec![
            "quiz", "--data", unit, "--topics", "events", "--format", "json",
        ],
        vec!["check", unit, "--format", "json"],
        vec!["check", unit],
    ] {
        let output = bin().args(&args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(controls_in(&output.stdout), Vec::<char>::new(), "{args:?}");
        assert_eq!(controls_in(&output.stderr), Vec::<char>::new(), "{args:?}");
        if args.first() == Some(&"check") {
            // The titles are fine: nothing to say about them.
            continue;
        }
        if args.contains(&"json") || args.first() == Some(&"export") {
            // Escaped the JSON way: the text reads back as it was written.
            let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            assert!(value.to_string().contains("\\u001b[2J"), "{args:?}");
            assert!(value.to_string().contains('\u{9b}'), "{args:?}");
        } else if args.first() == Some(&"quiz") {
            // Shown, not obeyed.
            let text = String::from_utf8(output.stdout.clone()).unwrap();
            assert!(text.contains("\\u001b[2J"), "{text}");
        }
    }
}

#[test]
fn control_characters_in_ids_are_shown_escaped_in_problems() {
    let dir = data_copy();
    let events = dir.path().join("events.ron");
    let text = fs::read_to_string(&events).unwrap();
    let first_id = text.find("id: \"").unwrap() + "id: \"".len();
    let mut hostile = text.clone();
    hostile.insert_str(first_id, HOSTILE);
    fs::write(&events, hostile).unwrap();
    let unit = dir.path().to_str().unwrap();
    for args in [vec!["check", unit], vec!["export", "--data", unit]] {
        let output = bin().args(&args).output().unwrap();
        let said = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {said}");
        assert_eq!(
            controls_in(&output.stderr),
            Vec::<char>::new(),
            "{args:?}: {said:?}"
        );
        assert!(said.contains("\\u001b[2J"), "{args:?}: {said}");
    }
}
