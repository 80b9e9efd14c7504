//! `check` on characters (issue 16), through the real binary: a character no
//! font can draw is a warning at its place, right-to-left text a note at its
//! place, and neither keeps the dataset from passing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

use crate::common;
use common::data_copy;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .args(args)
        .output()
        .unwrap()
}

/// Replaces the first `from` in file `rel`; returns the line and column
/// (from 1, in characters) of `needle` in the new text.
fn replace_first(dir: &TempDir, rel: &str, from: &str, to: &str, needle: &str) -> (usize, usize) {
    let path = dir.path().join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel}: {from:?}");
    let text = text.replacen(from, to, 1);
    fs::write(&path, &text).unwrap();
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

/// U+0378 is unassigned: no font maps it, on any machine.
const UNASSIGNED: char = '\u{0378}';

fn copy_with_an_undrawable_character_and_hebrew() -> (TempDir, (usize, usize), (usize, usize)) {
    let dir = data_copy();
    let boxed = replace_first(
        &dir,
        "events.ron",
        "title: \"Independence of Turkmenistan\",",
        &format!("title: \"Independence of Turkmenistan {UNASSIGNED}{UNASSIGNED}\","),
        &UNASSIGNED.to_string(),
    );
    let hebrew = replace_first(&dir, "people.ron", "role: \"", "role: \"שגריר ", "שגריר");
    (dir, boxed, hebrew)
}

#[test]
fn check_warns_of_a_character_no_font_draws_and_notes_right_to_left_text() {
    let (dir, (b_line, b_col), (h_line, h_col)) = copy_with_an_undrawable_character_and_hebrew();
    let output = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let err = String::from_utf8(output.stderr).unwrap();
    let events = dir.path().join("events.ron");
    let warning = format!(
        "{}:{b_line}:{b_col}: warning: U+0378 “{UNASSIGNED}” has no glyph in any font the reader has (its own or this machine's), so it shows as a box;",
        events.display()
    );
    assert!(
        err.lines().any(|l| l.starts_with(&warning)),
        "{warning}\n{err}"
    );
    // Once for the text, though the character is there twice.
    assert_eq!(err.matches("U+0378").count(), 1, "{err}");
    let people = dir.path().join("people.ron");
    let note = format!(
        "{}:{h_line}:{h_col}: note: right-to-left text (U+05E9 “ש”, first of 1 text in this file): the reader draws each word right to left (Arabic joined) but lays the words out left to right",
        people.display()
    );
    assert!(err.lines().any(|l| l.starts_with(&note)), "{note}\n{err}");
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(out.ends_with("; 1 warning\n"), "{out}");
}

#[test]
fn check_as_json_places_the_warning_and_the_note() {
    let (dir, (b_line, b_col), (h_line, h_col)) = copy_with_an_undrawable_character_and_hebrew();
    let output = run(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["ok"], true);
    let warning = &json["warnings"][0];
    assert_eq!(
        (warning["line"].as_u64(), warning["column"].as_u64()),
        (Some(b_line as u64), Some(b_col as u64))
    );
    assert!(
        warning["message"].as_str().unwrap().starts_with("U+0378"),
        "{warning}"
    );
    let note = &json["notes"][0];
    assert_eq!(
        (note["line"].as_u64(), note["column"].as_u64()),
        (Some(h_line as u64), Some(h_col as u64))
    );
}
