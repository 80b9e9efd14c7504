//! The real binary: `check`, `export` and `--help`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::process::{Command, Output};

use neutrality_reader::dataset::Dataset;
use serde_json::Value;
use tempfile::TempDir;

use crate::common;
use common::{data_copy, data_dir};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Replaces `from`, which must occur exactly once, in file `rel`; returns the new text.
fn replace_once(dir: &TempDir, rel: &str, from: &str, to: &str) -> String {
    let path = dir.path().join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{rel}: {from:?}");
    let text = text.replacen(from, to, 1);
    fs::write(&path, &text).unwrap();
    text
}

/// Line and column (from 1, in characters) of `needle`, which must occur once.
fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?}");
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

fn counts_line(dataset: &Dataset) -> String {
    format!(
        "OK: {} articles, {} events, {} organizations, {} people, {} facts, {} glossary terms",
        dataset.articles.len(),
        dataset.events.len(),
        dataset.organizations.len(),
        dataset.people.len(),
        dataset.facts.len(),
        dataset.glossary.len()
    )
}

// ---------------------------------------------------------------- check

#[test]
fn check_on_the_data_folder_passes_with_counts() {
    let dir = data_dir();
    let output = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = format!(
        "{}: {}\n",
        dir.display(),
        counts_line(&Dataset::embedded().unwrap())
    );
    assert_eq!(stdout(&output), expected);
    assert!(stdout(&output).contains(": OK: 5 articles, "));
    assert_eq!(stderr(&output), "");
}

#[test]
fn check_without_a_folder_checks_the_bundled_dataset() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "the bundled dataset: {}\n",
            counts_line(&Dataset::embedded().unwrap())
        )
    );
}

#[test]
fn check_accepts_the_global_data_option() {
    let dir = data_dir();
    let output = run(&["--data", dir.to_str().unwrap(), "check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with(&format!("{}: OK: ", dir.display())),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_on_a_broken_copy_fails_with_the_place_and_a_count() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"2007-12\",",
        "date: \"2007-13\",",
    );
    let (line, column) = line_col_of(&text, "\"2007-13\"");
    let output = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!(
                "{}:{line}:{column}: event “unrcca-established”: the date “2007-13” has month 13, but months run from 01 to 12",
                dir.path().join("events.ron").display()
            ),
            format!("{}: 1 problem found", dir.path().display()),
        ]
    );
    assert!(err.contains(&format!("events.ron:{line}:{column}:")));
}

#[test]
fn check_prints_every_problem_and_counts_them_in_the_plural() {
    let dir = data_copy();
    let events = replace_once(
        &dir,
        "events.ron",
        "organizations: [\"escap\"],",
        "organizations: [\"escapp\"],",
    );
    let people = replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"2025-02-30\",",
    );
    let (e_line, e_col) = line_col_of(&events, "\"escapp\"");
    let (p_line, p_col) = line_col_of(&people, "\"2025-02-30\"");
    let output = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].ends_with(&format!("events.ron:{e_line}:{e_col}: event “aral-sea-programme-negotiations”: refers to the organization “escapp”, which does not exist; did you mean “escap”?")),
        "{err}"
    );
    assert!(
        lines[1].ends_with(&format!("people.ron:{p_line}:{p_col}: person “aksoltan-atayeva”: the as_of date “2025-02-30” is not a real date: February 2025 has 28 days")),
        "{err}"
    );
    assert_eq!(
        lines[2],
        format!("{}: 2 problems found", dir.path().display())
    );
}

#[test]
fn check_on_a_missing_folder_fails() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nothing-here");
    let output = run(&["check", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{0}: there is no such folder\n{0}: 1 problem found\n",
            missing.display()
        )
    );
}

#[test]
fn check_on_the_example_dataset_passes_without_warnings() {
    let dir = data_dir()
        .with_file_name("examples")
        .join("founding-of-the-un");
    let output = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with(&format!("{}: OK: 2 articles, ", dir.display())),
        "{}",
        stdout(&output)
    );
    assert!(!stdout(&output).contains("warning"), "{}", stdout(&output));
    assert_eq!(stderr(&output), "");
}

/// A copy of `data/` with two things to warn about, and where they stand:
/// a glossary term misspelt, so that no article has it, and an organization
/// renamed, so that no article names it.
fn copy_with_two_warnings() -> (TempDir, [(usize, usize); 2]) {
    let dir = data_copy();
    let glossary = replace_once(
        &dir,
        "glossary.ron",
        "term: \"Ideology of force\",",
        "term: \"Ideology of farce\",",
    );
    let organizations = replace_once(
        &dir,
        "organizations.ron",
        "name: \"Organization of Turkic States\",",
        "name: \"Organisation of Turkic States\",",
    );
    (
        dir,
        [
            line_col_of(&glossary, "\"Ideology of farce\""),
            line_col_of(&organizations, "\"Organisation of Turkic States\""),
        ],
    )
}

#[test]
fn check_prints_warnings_with_their_place_and_still_exits_0() {
    let (dir, [(g_line, g_col), (o_line, o_col)]) = copy_with_two_warnings();
    let output = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: {}; 2 warnings\n",
            dir.path().display(),
            counts_line(&Dataset::embedded().unwrap())
        )
    );
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}:{g_line}:{g_col}: warning: glossary term “ideology-of-force”: “Ideology of farce” is found in no article's text, so a reader never meets it; check the spelling, or add the form the articles use to its aliases",
                dir.path().join("glossary.ron").display()
            ),
            format!(
                "{}:{o_line}:{o_col}: warning: organization “organization-of-turkic-states”: no article's text names it as “Organisation of Turkic States”, so the reader never links to it from the text; check the spelling, or add the name the articles use to its aliases",
                dir.path().join("organizations.ron").display()
            ),
        ]
    );
}

fn check_json(args: &[&str]) -> (Option<i32>, Value, String) {
    let output = run(args);
    let json: Value = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|e| panic!("{e}: {}", stdout(&output)));
    (output.status.code(), json, stderr(&output))
}

#[test]
fn check_as_json_on_the_data_folder_is_ok_with_nothing_to_say() {
    let dir = data_dir();
    let (code, json, err) = check_json(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        json,
        serde_json::json!({"ok": true, "errors": [], "warnings": [], "notes": []})
    );
    assert_eq!(err, "");
    // The bundled dataset too, and --format text is the default.
    let (code, json, _) = check_json(&["check", "--format", "json"]);
    assert_eq!(code, Some(0));
    assert_eq!(json["ok"], true);
    let text = run(&["check", "--format", "text"]);
    assert_eq!(stdout(&text), stdout(&run(&["check"])));
}

#[test]
fn check_as_json_lists_warnings_for_editors_and_exits_0() {
    let (dir, [(g_line, g_col), (o_line, o_col)]) = copy_with_two_warnings();
    let (code, json, err) =
        check_json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "");
    assert_eq!(json["ok"], true);
    assert_eq!(json["errors"], serde_json::json!([]));
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2, "{json}");
    assert_eq!(
        warnings[0],
        serde_json::json!({
            "file": dir.path().join("glossary.ron").display().to_string(),
            "line": g_line,
            "column": g_col,
            "message": "glossary term “ideology-of-force”: “Ideology of farce” is found in no article's text, so a reader never meets it; check the spelling, or add the form the articles use to its aliases",
        })
    );
    assert_eq!(
        warnings[1]["file"],
        dir.path().join("organizations.ron").display().to_string()
    );
    assert_eq!(
        (warnings[1]["line"].as_u64(), warnings[1]["column"].as_u64()),
        (Some(o_line as u64), Some(o_col as u64))
    );
}

#[test]
fn check_as_json_lists_errors_and_exits_1() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"2007-12\",",
        "date: \"2007-13\",",
    );
    let (line, column) = line_col_of(&text, "\"2007-13\"");
    let (code, json, err) =
        check_json(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(err, "");
    assert_eq!(
        json,
        serde_json::json!({
            "ok": false,
            "errors": [{
                "file": dir.path().join("events.ron").display().to_string(),
                "line": line,
                "column": column,
                "message": "event “unrcca-established”: the date “2007-13” has month 13, but months run from 01 to 12",
            }],
            "warnings": [],
            "notes": [],
        })
    );
    // A problem with no place has null line and column.
    let missing = dir.path().join("nothing-here");
    let (code, json, _) = check_json(&["check", "--format", "json", missing.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(
        json["errors"],
        serde_json::json!([{
            "file": missing.display().to_string(),
            "line": null,
            "column": null,
            "message": "there is no such folder",
        }])
    );
}

#[test]
fn check_help_says_warnings_exit_0_and_errors_1() {
    let output = run(&["check", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for words in [
        "exits with 1",
        "with warnings only loads, and `check` exits with 0",
        "--format <FORMAT>",
        "- json: One JSON object",
    ] {
        assert!(text.contains(words), "{words:?} in {text}");
    }
    let unknown = run(&["check", "--format", "xml"]);
    assert_eq!(unknown.status.code(), Some(2));
}

// ---------------------------------------------------------------- export

fn export() -> Value {
    let output = run(&["export"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn array<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("`{key}` is not a list in {value}"))
}

fn string<'a>(value: &'a Value, key: &str) -> &'a str {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("`{key}` is not a string in {value}"))
}

/// Is `text` an ISO date of some precision: YYYY, YYYY-MM or YYYY-MM-DD?
fn iso_precision(text: &str) -> Option<&'static str> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y] if digits(y, 4) => Some("year"),
        [y, m] if digits(y, 4) && digits(m, 2) => Some("month"),
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => Some("day"),
        _ => None,
    }
}

#[test]
fn export_prints_the_whole_dataset_as_json() {
    let json = export();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "unit",
            "categories",
            "articles",
            "events",
            "organizations",
            "people",
            "facts",
            "glossary"
        ]
    );
    assert_eq!(array(&json, "articles").len(), 5);
    let embedded = Dataset::embedded().unwrap();
    assert_eq!(array(&json, "events").len(), embedded.events.len());
    assert_eq!(
        array(&json, "organizations").len(),
        embedded.organizations.len()
    );
    assert_eq!(array(&json, "people").len(), embedded.people.len());
    assert_eq!(array(&json, "facts").len(), embedded.facts.len());
    assert_eq!(array(&json, "glossary").len(), embedded.glossary.len());
}

#[test]
fn export_with_a_data_folder_matches_the_bundled_export() {
    let dir = data_dir();
    let output = run(&["export", "--data", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let from_folder: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(from_folder, export());
}

#[test]
fn export_of_a_broken_folder_fails_with_the_problems() {
    let dir = data_copy();
    replace_once(
        &dir,
        "events.ron",
        "date: \"2007-12\",",
        "date: \"2007-13\",",
    );
    let output = run(&["export", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.starts_with("the dataset has 1 problem:\n"), "{err}");
    assert!(err.contains("events.ron:"), "{err}");
    assert!(err.contains("has month 13"), "{err}");
}

#[test]
fn every_record_cites_paragraphs_that_exist() {
    let json = export();
    let lengths: std::collections::HashMap<&str, usize> = array(&json, "articles")
        .iter()
        .map(|a| (string(a, "id"), array(a, "body").len()))
        .collect();
    assert_eq!(lengths.len(), 5);
    let check = |what: &str, sources: &Vec<Value>| {
        assert!(!sources.is_empty(), "{what} cites nothing");
        for source in sources {
            let object = source.as_object().unwrap();
            assert_eq!(object.len(), 2, "{what}: {source}");
            let article = string(source, "article");
            let paragraph = source.get("paragraph").and_then(Value::as_u64).unwrap();
            let length = *lengths
                .get(article)
                .unwrap_or_else(|| panic!("{what} cites unknown article {article}"));
            assert!(
                (1..=length as u64).contains(&paragraph),
                "{what} cites paragraph {paragraph} of {article}, which has {length}"
            );
        }
    };
    for key in ["events", "organizations", "people", "facts", "glossary"] {
        for record in array(&json, key) {
            let what = format!("{key} {}", string(record, "id"));
            check(&what, array(record, "sources"));
        }
    }
    for organization in array(&json, "organizations") {
        for relationship in array(organization, "relationships") {
            let what = format!("a relationship of {}", string(organization, "id"));
            let sources = array(relationship, "sources");
            assert_eq!(sources.len(), 1, "{what}");
            check(&what, sources);
        }
    }
}

#[test]
fn event_dates_are_iso_strings_of_their_precision_or_spans() {
    let json = export();
    for event in array(&json, "events") {
        let id = string(event, "id");
        let precision = string(event, "precision");
        match event.get("date").unwrap() {
            Value::String(date) => {
                assert_eq!(iso_precision(date), Some(precision), "{id}: {date}");
            }
            Value::Object(span) => {
                assert_eq!(span.len(), 2, "{id}");
                let start = span.get("start").and_then(Value::as_str).unwrap();
                let end = span.get("end").and_then(Value::as_str).unwrap();
                assert_eq!(iso_precision(start), Some(precision), "{id}: {start}");
                assert!(iso_precision(end).is_some(), "{id}: {end}");
                assert!(start <= end, "{id}: {start}/{end}");
            }
            other => panic!("{id}: the date {other} is neither a string nor a span"),
        }
    }
    let event = |id: &str| {
        array(&json, "events")
            .iter()
            .find(|e| string(e, "id") == id)
            .unwrap_or_else(|| panic!("no event {id}"))
            .clone()
    };
    let resolution = event("un-resolution-50-80-a");
    assert_eq!(string(&resolution, "date"), "1995-12-12");
    assert_eq!(string(&resolution, "precision"), "day");
    assert_eq!(string(&resolution, "resolution"), "50/80 A");
    let unrcca = event("unrcca-established");
    assert_eq!(string(&unrcca, "date"), "2007-12");
    assert_eq!(string(&unrcca, "precision"), "month");
    let talks = event("inter-afghan-talks-1997");
    assert_eq!(string(&talks, "date"), "1997");
    assert_eq!(string(&talks, "precision"), "year");
    let cartagena = event("nam-cartagena-conference-1995");
    assert_eq!(
        cartagena.get("date").unwrap(),
        &serde_json::json!({ "start": "1995-10-18", "end": "1995-10-20" })
    );
}

/// The JSON of the articles without the editors' `note`s, which name what was removed.
fn without_notes(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != "note")
                .map(|(k, v)| (k.clone(), without_notes(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_notes).collect()),
        other => other.clone(),
    }
}

#[test]
fn exported_article_text_has_no_web_boilerplate() {
    let json = export();
    let articles = without_notes(json.get("articles").unwrap());
    let text = serde_json::to_string(&articles).unwrap();
    for boilerplate in [
        "Please enter",
        "Next news",
        "Here are some photos",
        "Phone:",
        "Fax:",
        "E-mail",
        "158184",
        "Türkmençe",
        "Русский",
        "///",
        "talyby",
        "date 2024-12-11",
    ] {
        assert!(
            !text.contains(boilerplate),
            "the articles contain {boilerplate:?}"
        );
    }
}

#[test]
fn resolution_paragraphs_have_no_glued_footnote_markers() {
    let json = export();
    let articles = without_notes(json.get("articles").unwrap());
    let text = serde_json::to_string(&articles).unwrap();
    for glued in [
        "Group5",
        "2020,1",
        "United Nations,2",
        "1995,4",
        "resolutions, 3",
    ] {
        assert!(!text.contains(glued), "the articles contain {glued:?}");
    }
    let resolution = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| string(a, "id") == "un-resolution-permanent-neutrality-2025")
        .unwrap();
    let mut checked = 0;
    for (index, block) in array(resolution, "body").iter().enumerate() {
        if !matches!(string(block, "kind"), "preamble" | "operative") {
            continue;
        }
        checked += 1;
        let chars: Vec<char> = string(block, "text").chars().collect();
        for pair in chars.windows(2) {
            let glued_to_word = pair[0].is_ascii_alphabetic() && pair[1].is_ascii_digit();
            let glued_to_comma = pair[0] == ',' && pair[1].is_ascii_digit();
            assert!(
                !glued_to_word && !glued_to_comma,
                "paragraph {}: a footnote marker is glued in “{}{}”",
                index + 1,
                pair[0],
                pair[1]
            );
        }
    }
    assert!(
        checked >= 10,
        "only {checked} resolution paragraphs were checked"
    );
}

// ---------------------------------------------------------------- help

#[test]
fn help_lists_the_commands() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("check"), "{text}");
    assert!(text.contains("export"), "{text}");
    assert!(text.contains("Usage: neutrality-reader"), "{text}");
}

// These are refused before any window opens, so they run without a display.

#[test]
fn an_unknown_organization_is_refused_with_the_known_ones() {
    let output = run(&["--organization", "nato"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("there is no organization “nato”"), "{text}");
    assert!(text.contains("un-general-assembly"), "{text}");
}

#[test]
fn an_unknown_article_is_refused_with_the_list_of_ids() {
    let output = run(&["--article", "no-such-article"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("there is no article “no-such-article”"),
        "{err}"
    );
    assert!(err.contains("mfa-foreign-policy"), "{err}");
}

#[test]
fn a_paragraph_past_the_end_is_refused() {
    let output = run(&["--article", "mfa-foreign-policy", "--paragraph", "99"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("“mfa-foreign-policy” has paragraphs 1 to 19, not 99"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_paragraph_needs_an_article() {
    let output = run(&["--paragraph", "3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--article"), "{}", stderr(&output));
}

#[test]
fn an_unknown_event_is_refused() {
    let output = run(&["--event", "no-such-event"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("there is no event “no-such-event”"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn quiz_json_lists_questions_with_answers_and_sources() {
    let output = run(&["quiz", "--seed", "12", "--count", "8", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let questions: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let questions = questions.as_array().unwrap();
    assert_eq!(questions.len(), 8);
    let dataset = neutrality_reader::dataset::Dataset::embedded().unwrap();
    for question in questions {
        for field in [
            "kind",
            "prompt",
            "options",
            "answer",
            "explanation",
            "sources",
        ] {
            assert!(question.get(field).is_some(), "{field} in {question}");
        }
        let options = question["options"].as_array().unwrap();
        let answer = question["answer"].as_array().unwrap();
        assert!(!answer.is_empty());
        assert!(
            answer
                .iter()
                .all(|i| (i.as_u64().unwrap() as usize) < options.len())
        );
        for source in question["sources"].as_array().unwrap() {
            let article = dataset
                .article(source["article"].as_str().unwrap())
                .unwrap();
            let paragraph = source["paragraph"].as_u64().unwrap() as u32;
            assert!(article.paragraph(paragraph).is_some(), "{source}");
        }
    }
}

#[test]
fn the_same_seed_prints_the_same_quiz_and_its_code_too() {
    let first = run(&[
        "quiz",
        "--seed",
        "31",
        "--count",
        "5",
        "--topics",
        "events,figures",
    ]);
    let second = run(&[
        "quiz",
        "--seed",
        "31",
        "--count",
        "5",
        "--topics",
        "events,figures",
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stdout(&first), stdout(&second));
    let sheet = stdout(&first);
    // The worksheet names its code; the code prints the same worksheet.
    let code = sheet
        .lines()
        .next()
        .unwrap()
        .strip_prefix("# Quiz ")
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .to_owned();
    // It names the unit too.
    assert!(
        sheet.starts_with(&format!(
            "# Quiz {code}: Turkmenistan’s foreign policy and permanent neutrality\n"
        )),
        "{sheet}"
    );
    let by_code = run(&["quiz", "--code", &code]);
    assert_eq!(stdout(&by_code), sheet);
    assert!(stderr(&by_code).is_empty(), "{}", stderr(&by_code));
    // On another dataset the code still makes a quiz, and says plainly why
    // it is not the one shared.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/founding-of-the-un");
    let elsewhere = run(&["quiz", "--data", example, "--code", &code]);
    assert_eq!(elsewhere.status.code(), Some(0), "{}", stderr(&elsewhere));
    assert!(
        stderr(&elsewhere).contains("this code was made on another dataset"),
        "{}",
        stderr(&elsewhere)
    );
    let other = run(&[
        "quiz",
        "--seed",
        "32",
        "--count",
        "5",
        "--topics",
        "events,figures",
    ]);
    assert_ne!(stdout(&other), sheet);
}

#[test]
fn the_worksheet_has_the_answer_key_and_sources_at_the_end() {
    let output = run(&["quiz", "--seed", "3", "--count", "6"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sheet = stdout(&output);
    let key = sheet.find("## Answer key").unwrap();
    let sources = sheet.find("## Sources").unwrap();
    assert!(sheet.find("**1.**").unwrap() < key && key < sources);
    assert!(sheet.contains("Name: ____"));
    // The key is compact: one line a question, with its source.
    let key_lines: Vec<&str> = sheet[key..sources]
        .lines()
        .filter(|l| l.starts_with("- **"))
        .collect();
    assert_eq!(key_lines.len(), 6, "{sheet}");
    assert!(
        key_lines.iter().all(|l| l.contains(", paragraph ")),
        "{sheet}"
    );
    assert!(sheet.contains("- **A.** ") && sheet.contains("- **D.** "));
}

#[test]
fn quiz_options_that_make_no_sense_are_refused_with_a_reason() {
    let output = run(&["quiz", "--topics", "events,weather"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("weather"), "{}", stderr(&output));
    let output = run(&["quiz", "--difficulty", "brutal"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("“brutal” is not a difficulty"),
        "{}",
        stderr(&output)
    );
    let output = run(&["quiz", "--code", "ZZZZ"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("has 4 characters"),
        "{}",
        stderr(&output)
    );
    // An empty list is not "all topics": it is refused.
    for empty in ["", " , "] {
        let output = run(&["quiz", "--topics", empty]);
        assert_eq!(output.status.code(), Some(2), "{empty:?}");
        assert!(stdout(&output).is_empty());
        assert!(
            stderr(&output).contains("--topics names no topic; give one or more of events,"),
            "{}",
            stderr(&output)
        );
    }
    // A pasted page is quoted cut short, not whole.
    for option in ["--code", "--difficulty", "--topics"] {
        let long = "Z".repeat(100_000);
        let output = run(&["quiz", option, &long]);
        assert_eq!(output.status.code(), Some(2), "{option}");
        let said = stderr(&output);
        assert!(said.len() < 400, "{option}: {} bytes", said.len());
        assert!(said.contains(&format!("“{}…”", "Z".repeat(40))), "{said}");
    }
}

/// A folder whose name has a space and a quote: `new`'s commands, pasted into a
/// shell, still name that one folder.
#[test]
fn the_commands_new_prints_survive_a_folder_name_with_spaces() {
    let dir = TempDir::new().unwrap();
    let unit = dir.path().join("Year 9 – Turkmenistan's neutrality");
    let unit_arg = unit.to_str().unwrap();

    let output = run(&["new", unit_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    let check_line = said
        .lines()
        .find_map(|line| line.split_once("Check it as you go:"))
        .map(|(_, command)| command.trim())
        .unwrap_or_else(|| panic!("no check line in {said}"));
    assert!(
        !check_line.contains(&format!(" {unit_arg}")),
        "unquoted: {check_line}"
    );
    // What a shell makes of the line: the program, `check`, and the folder whole.
    let words = shlex::split(check_line).unwrap();
    assert_eq!(words, ["neutrality-reader", "check", unit_arg]);
    let output = run(&words[1..].iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with(&format!("{unit_arg}: OK: 1 article")));
}

/// The README's walk-through for a teacher, with the real binary: `new`,
/// `check`, the article and an event written in, `check` again, a worksheet.
#[test]
fn a_teacher_starts_checks_and_quizzes_a_dataset_of_their_own() {
    let dir = TempDir::new().unwrap();
    let unit = dir.path().join("my-unit");
    let unit_arg = unit.to_str().unwrap();

    let output = run(&["new", unit_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.starts_with(&format!("Started a dataset in {unit_arg}:\n")),
        "{said}"
    );
    assert!(
        said.contains(&format!("neutrality-reader check {unit_arg}")),
        "{said}"
    );

    // As it is, it loads, with the one warning that says what to do next.
    let output = run(&["check", unit_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{unit_arg}: OK: 1 article, 0 events, 0 organizations, 0 people, 0 facts, 0 glossary terms; 1 warning\n"
        )
    );
    assert!(stderr(&output).contains("warning: article “first-article”: no event cites it"));

    // The article's text pasted in, and the example event taken out of its comment.
    let article = unit.join("articles/first-article.ron");
    let text = fs::read_to_string(&article).unwrap().replace(
        "Paste the article's first paragraph here, word for word.",
        "On 9 June 1815 the representatives of 8 powers signed the Final Act of the Congress of Vienna.",
    );
    fs::write(&article, text).unwrap();
    let events = unit.join("events.ron");
    let text = fs::read_to_string(&events).unwrap();
    let example: String = text
        .lines()
        .filter_map(|line| line.strip_prefix("//"))
        .filter(|line| line.starts_with("    "))
        .map(|line| format!("{line}\n"))
        .collect();
    let example = example.replace(
        "What happened, in a line",
        "The Final Act of the Congress of Vienna is signed",
    );
    fs::write(&events, text.replace("[\n]", &format!("[\n{example}]"))).unwrap();

    let output = run(&["check", unit_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "no warning left");
    assert!(stdout(&output).contains(": OK: 1 article, 1 event, "));

    let output = run(&["--data", unit_arg, "quiz", "--seed", "1", "--count", "2"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("“The Final Act of the Congress of Vienna is signed”"),
        "{}",
        stdout(&output)
    );

    // Run again on the same folder, it writes nothing over.
    let output = run(&["new", unit_arg]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("already has files in it"));
    assert!(
        fs::read_to_string(&events)
            .unwrap()
            .contains("Congress of Vienna")
    );
}

/// Without a display the window says so in a sentence, with no source path
/// of the machine the program was built on.
#[test]
#[cfg(target_os = "linux")]
fn without_a_display_the_window_says_so_plainly() {
    let home = TempDir::new().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "neutrality-reader: no display: set DISPLAY or run under a desktop\n"
    );
}

#[test]
fn a_screenshot_not_named_png_is_refused() {
    let output = run(&["--screenshot", "shot.jpg"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("“shot.jpg” does not end in .png"),
        "{}",
        stderr(&output)
    );
}

/// Files an editor or a Mac leaves beside the articles: an Emacs lock (a link
/// to nothing), an AppleDouble file of binary bytes, a backup and a swap file.
#[cfg(unix)]
fn with_editor_files(dir: &TempDir) -> Vec<String> {
    let articles = dir.path().join("articles");
    std::os::unix::fs::symlink(
        "teacher@laptop.4242:1700000000",
        articles.join(".#mfa-foreign-policy.ron"),
    )
    .unwrap();
    fs::write(
        articles.join("._mfa-foreign-policy.ron"),
        [0x00, 0x05, 0x16, 0x07, 0xff, 0xfe],
    )
    .unwrap();
    fs::write(articles.join("mfa-foreign-policy.ron~"), "Article(").unwrap();
    fs::write(articles.join(".mfa-foreign-policy.ron.swp"), [0xff; 8]).unwrap();
    let mut names: Vec<String> = [
        ".#mfa-foreign-policy.ron",
        "._mfa-foreign-policy.ron",
        ".mfa-foreign-policy.ron.swp",
        "mfa-foreign-policy.ron~",
    ]
    .iter()
    .map(|name| articles.join(name).display().to_string())
    .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn hidden_and_editor_files_among_the_articles_are_skipped_with_a_note() {
    let dir = data_copy();
    let skipped = with_editor_files(&dir);
    let unit = dir.path().to_str().unwrap();
    let output = run(&["check", unit]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains(": OK: 5 articles, "));
    let notes: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    let expected: Vec<String> = skipped
        .iter()
        .map(|file| {
            format!("{file}: note: skipped: hidden and editor files (a name that starts with “.” or ends in “~”) are not articles")
        })
        .collect();
    assert_eq!(notes, expected);
    let (code, json, _) = check_json(&["check", unit, "--format", "json"]);
    assert_eq!(code, Some(0));
    let files: Vec<&str> = array(&json, "notes")
        .iter()
        .map(|note| string(note, "file"))
        .collect();
    assert_eq!(files, skipped);
    // The window's load skips them too.
    assert_eq!(Dataset::load_dir(dir.path()).unwrap().articles.len(), 5);
}
