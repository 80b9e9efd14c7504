//! Every class of dataset error, reported with its exact file, line, column and message.
//!
//! Each test copies `data/` into a temporary folder, breaks one thing by replacing a
//! snippet that is asserted to be present exactly once, loads the copy with
//! `Dataset::load_dir` and compares the whole `Problem`. Expected places are worked
//! out from the modified text, never written by hand.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use neutrality_reader::dataset::{
    DataFiles, Dataset, MAX_ARTICLES, MAX_FILE_BYTES, MAX_RECORD_FILE_BYTES, MAX_TOTAL_BYTES,
    Problem,
};
use tempfile::TempDir;

use crate::common;
use common::{data_copy, data_dir};

// ---------------------------------------------------------------- helpers

/// The name a problem in `rel` is reported under.
fn name(dir: &TempDir, rel: &str) -> String {
    dir.path().join(rel).display().to_string()
}

/// Replaces `from`, which must occur exactly once, with `to` in file `rel`;
/// returns the new text.
fn replace_once(dir: &TempDir, rel: &str, from: &str, to: &str) -> String {
    let path = dir.path().join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "the snippet must occur exactly once in {rel}: {from:?}"
    );
    let text = text.replacen(from, to, 1);
    fs::write(&path, &text).unwrap();
    text
}

/// Line and column (from 1, column in characters) of byte offset `at`.
fn line_col_at(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// Place of the `nth` (from 0) occurrence of `needle`.
fn line_col_of_nth(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (at, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("occurrence {nth} of {needle:?} not found"));
    line_col_at(text, at)
}

/// Place of `needle`, which must occur exactly once in `text`.
fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "the needle must occur exactly once: {needle:?}"
    );
    line_col_of_nth(text, needle, 0)
}

/// Moves a place `chars` characters to the right on its line.
fn right(place: (usize, usize), chars: usize) -> (usize, usize) {
    (place.0, place.1 + chars)
}

fn problems(dir: &Path) -> Vec<Problem> {
    match Dataset::load_dir(dir) {
        Ok(_) => panic!("the broken dataset in {} loaded", dir.display()),
        Err(err) => err.problems,
    }
}

/// The one problem the broken copy has.
fn only_problem(dir: &TempDir) -> Problem {
    let mut problems = problems(dir.path());
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    problems.remove(0)
}

fn at(file: String, (line, column): (usize, usize), message: &str) -> Problem {
    Problem {
        file,
        line: Some(line),
        column: Some(column),
        message: message.to_owned(),
    }
}

fn whole_file(file: String, message: &str) -> Problem {
    Problem {
        file,
        line: None,
        column: None,
        message: message.to_owned(),
    }
}

fn kinds_of_fields(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

const EVENT_FIELDS: [&str; 14] = [
    "id",
    "date",
    "title",
    "description",
    "category",
    "place",
    "resolution",
    "planned",
    "organizations",
    "people",
    "sources",
    "derived",
    "unstated",
    "note",
];

// ---------------------------------------------------------------- the good dataset

#[test]
fn the_embedded_dataset_loads() {
    if let Err(err) = Dataset::embedded() {
        panic!("{err}");
    }
}

#[test]
fn the_data_folder_on_disk_loads_like_the_embedded_dataset() {
    let embedded = Dataset::embedded().unwrap();
    let disk = Dataset::load_dir(&data_dir()).unwrap();
    assert_eq!(disk.articles.len(), embedded.articles.len());
    assert_eq!(disk.events.len(), embedded.events.len());
    assert_eq!(disk.organizations.len(), embedded.organizations.len());
    assert_eq!(disk.people.len(), embedded.people.len());
    assert_eq!(disk.facts.len(), embedded.facts.len());
    assert_eq!(disk.glossary.len(), embedded.glossary.len());
    assert_eq!(embedded.articles.len(), 5);
    let ids = |d: &Dataset| d.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&disk), ids(&embedded));
    let ids = |d: &Dataset| d.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&disk), ids(&embedded));
}

#[test]
fn read_dir_and_from_files_agree_with_load_dir() {
    let files = DataFiles::read_dir(&data_dir()).unwrap();
    assert_eq!(files.articles.len(), 5);
    let from_files = Dataset::from_files(&files).unwrap();
    assert_eq!(
        from_files.events.len(),
        Dataset::embedded().unwrap().events.len()
    );
}

#[test]
fn a_problem_displays_as_file_line_column_message() {
    let problem = at("data/events.ron".to_owned(), (12, 3), "it is wrong");
    assert_eq!(problem.to_string(), "data/events.ron:12:3: it is wrong");
    let problem = whole_file("data/events.ron".to_owned(), "the file is missing");
    assert_eq!(problem.to_string(), "data/events.ron: the file is missing");
}

// ---------------------------------------------------------------- 1. RON syntax

#[test]
fn a_deleted_closing_quote_is_reported_where_the_text_starts() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "title: \"Independence of Turkmenistan\",",
        "title: \"Independence of Turkmenistan,",
    );
    // The title now runs on to the quote that opened the description, where
    // ron expects a comma (issue 17: it used to be reported there, a line
    // below the text that is not closed); it is told at the title's quote.
    let place = right(line_col_of(&text, "title: \"Independence"), "title: ".len());
    let opening = "description: \"Turkmenistan becomes an independent state.";
    let (line, column) = right(line_col_of(&text, opening), "description: ".len());
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            place,
            &format!(
                "this text is not closed: its closing \" is missing, so it runs on to the \" at line {line}, column {column}; put a \" where the text ends"
            )
        )
    );
}

#[test]
fn a_text_never_closed_before_the_end_of_the_file_is_reported_at_its_opening_quote() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "glossary.ron",
        "sources: [(\"mfa-foreign-policy\", 18)],\n    ),\n]",
        "sources: [(\"mfa-foreign-policy, 18)],\n    ),\n]",
    );
    let place = right(line_col_of(&text, "(\"mfa-foreign-policy, 18)"), 1);
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "glossary.ron"),
            place,
            "this text is not closed: the \" here opens a text that runs to the end of the file; put a \" where the text ends"
        )
    );
}

#[test]
fn a_missing_opening_quote_is_a_syntax_error_before_the_bare_word() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "title: \"Independence of Turkmenistan\",",
        "title: Independence of Turkmenistan\",",
    );
    // ron stops right after the colon; the place is the bare word it choked on.
    let place = line_col_of(&text, "Independence of Turkmenistan\",");
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            place,
            "text in double quotes was expected here"
        )
    );
}

// ---------------------------------------------------------------- 2. unknown field

#[test]
fn an_unknown_field_names_the_record_and_lists_the_fields() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "title: \"Independence of Turkmenistan\",",
        "titel: \"Independence of Turkmenistan\",",
    );
    let problem = only_problem(&dir);
    assert!(
        problem
            .message
            .starts_with("unknown field `titel` in Event; the fields are"),
        "{problem}"
    );
    assert_eq!(
        problem,
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "titel:"),
            &format!(
                "unknown field `titel` in Event; the fields are {}",
                kinds_of_fields(&EVENT_FIELDS)
            )
        )
    );
}

// ---------------------------------------------------------------- 3. missing field

#[test]
fn a_missing_field_is_reported_where_its_record_closes() {
    let dir = data_copy();
    let rel = "articles/mfa-foreign-policy.ron";
    let path = dir.path().join(rel);
    let original = fs::read_to_string(&path).unwrap();
    let summary_lines = original
        .lines()
        .filter(|l| l.starts_with("    summary: "))
        .count();
    assert_eq!(summary_lines, 1);
    let text: String = original
        .lines()
        .filter(|l| !l.starts_with("    summary: "))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&path, &text).unwrap();
    // The Article record closes with the file's last `)`.
    let close = text.rfind(')').unwrap();
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, rel),
            line_col_at(&text, close),
            "the field `summary` is missing from this Article"
        )
    );
}

// ---------------------------------------------------------------- 4. duplicate id

#[test]
fn a_duplicate_event_id_is_reported_at_the_second_and_names_the_first_line() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "id: \"un-membership\",",
        "id: \"independence-of-turkmenistan\",",
    );
    let id = "id: \"independence-of-turkmenistan\"";
    let first = line_col_of_nth(&text, id, 0);
    let second = right(line_col_of_nth(&text, id, 1), "id: ".len());
    assert!(text.match_indices(id).nth(2).is_none());
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            second,
            &format!(
                "the id “independence-of-turkmenistan” is already used by another event (line {}); ids must be unique",
                first.0
            )
        )
    );
}

#[test]
fn a_problem_inside_a_duplicate_is_placed_in_the_duplicate() {
    let dir = data_copy();
    replace_once(
        &dir,
        "events.ron",
        "id: \"un-membership\",",
        "id: \"independence-of-turkmenistan\",",
    );
    // The duplicate (the second record) also cites nothing; that problem has no
    // value to point at, so it is placed at the record's id: the duplicate's.
    let text = replace_once(
        &dir,
        "events.ron",
        "organizations: [\"un\"],\n        sources: [(\"cooperation-international-organizations\", 5)],\n        derived: \"The 30th",
        "organizations: [\"un\"],\n        sources: [],\n        derived: \"The 30th",
    );
    let found = problems(dir.path());
    let uncited = found
        .iter()
        .find(|p| p.message.contains("cites no source"))
        .expect("the missing citation is reported");
    let second = right(
        line_col_of_nth(&text, "id: \"independence-of-turkmenistan\"", 1),
        "id: ".len(),
    );
    assert_eq!(
        (uncited.line, uncited.column),
        (Some(second.0), Some(second.1))
    );
}

// ---------------------------------------------------------------- 5. references and citations

#[test]
fn an_event_naming_an_unknown_organization() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "organizations: [\"escap\"],",
        "organizations: [\"escapp\"],",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"escapp\""),
            "event “aral-sea-programme-negotiations”: refers to the organization “escapp”, which does not exist; did you mean “escap”?"
        )
    );
}

#[test]
fn an_event_naming_an_unknown_person() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "people: [\"michelle-bachelet\"],",
        "people: [\"michelle-bachelett\"],",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"michelle-bachelett\""),
            "event “nam-briefing-geneva-2020”: refers to the person “michelle-bachelett”, which does not exist; did you mean “michelle-bachelet”?"
        )
    );
}

#[test]
fn a_person_naming_an_unknown_organization() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "people.ron",
        "organizations: [\"mfa-turkmenistan\"],\n        sources: [(\"ashgabat-conference-2024\", 4)],",
        "organizations: [\"mfa-turkmenistann\"],\n        sources: [(\"ashgabat-conference-2024\", 4)],",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            line_col_of(&text, "\"mfa-turkmenistann\""),
            "person “rashid-meredov”: refers to the organization “mfa-turkmenistann”, which does not exist; did you mean “mfa-turkmenistan”?"
        )
    );
}

#[test]
fn a_citation_of_an_article_that_does_not_exist() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "sources: [(\"cooperation-international-organizations\", 1)],",
        "sources: [(\"no-such-article\", 1)],",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"no-such-article\""),
            "event “independence-of-turkmenistan”: cites the article “no-such-article”, which does not exist"
        )
    );
}

#[test]
fn a_citation_of_a_paragraph_beyond_the_article() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "sources: [(\"nam-ambassadors-briefing-2020\", 5)],\n        derived: \"The 2020",
        "sources: [(\"nam-ambassadors-briefing-2020\", 8)],\n        derived: \"The 2020",
    );
    let paragraphs = Dataset::embedded()
        .unwrap()
        .article("nam-ambassadors-briefing-2020")
        .unwrap()
        .body
        .len();
    assert_eq!(paragraphs, 7);
    let place = right(
        line_col_of(&text, "(\"nam-ambassadors-briefing-2020\", 8)"),
        1,
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            place,
            "event “nam-membership”: cites paragraph 8 of “nam-ambassadors-briefing-2020”, which has only 7 paragraphs"
        )
    );
}

#[test]
fn an_unstated_mark_needs_a_reason_and_a_field_of_its_record() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "organizations.ron",
        "field: Acronym,\n                basis: Inferred,\n                reason: \"No article writes “ECO”: the acronym is the editor’s. The paragraph names the organization in full, and where an acronym stands it is a wrong one (“IOC”).\",",
        "field: Date,\n                basis: Inferred,\n                reason: \" \",",
    );
    let found = problems(dir.path());
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1],
        at(
            name(&dir, "organizations.ron"),
            line_col_of(&text, "reason: \" \""),
            "organization “eco”: the reason is empty"
        )
    );
    assert_eq!(
        found[0],
        at(
            name(&dir, "organizations.ron"),
            line_col_of(&text, "field: Date"),
            "organization “eco”: an unstated mark names the date; on an organization only the acronym or name can be marked"
        )
    );
}

#[test]
fn a_citation_of_paragraph_zero() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "sources: [(\"cooperation-international-organizations\", 1)],",
        "sources: [(\"cooperation-international-organizations\", 0)],",
    );
    let place = right(
        line_col_of(&text, "(\"cooperation-international-organizations\", 0)"),
        1,
    );
    let paragraphs = Dataset::embedded()
        .unwrap()
        .article("cooperation-international-organizations")
        .unwrap()
        .body
        .len();
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            place,
            &format!(
                "event “independence-of-turkmenistan”: cites paragraph 0 of “cooperation-international-organizations”, which has only {paragraphs} paragraphs"
            )
        )
    );
}

// ---------------------------------------------------------------- 6. impossible dates

#[test]
fn the_thirtieth_of_february_in_an_event() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"1995-12-12\",",
        "date: \"1995-02-30\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"1995-02-30\""),
            "event “un-resolution-50-80-a”: the date “1995-02-30” is not a real date: February 1995 has 28 days"
        )
    );
}

#[test]
fn the_thirty_first_of_february_in_an_event() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"2023-02-24\",",
        "date: \"2023-02-31\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"2023-02-31\""),
            "event “un-resolution-77-273”: the date “2023-02-31” is not a real date: February 2023 has 28 days"
        )
    );
}

#[test]
fn month_thirteen_in_an_event() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"2007-12\",",
        "date: \"2007-13\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"2007-13\""),
            "event “unrcca-established”: the date “2007-13” has month 13, but months run from 01 to 12"
        )
    );
}

#[test]
fn an_impossible_day_inside_a_span() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"1995-10-18/1995-10-20\",",
        "date: \"1995-10-18/1995-10-32\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"1995-10-18/1995-10-32\""),
            "event “nam-cartagena-conference-1995”: the date “1995-10-32” is not a real date: October 1995 has 31 days"
        )
    );
}

#[test]
fn a_span_that_runs_backwards() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"1995/1996\",",
        "date: \"1996/1995\",",
    );
    let problem = only_problem(&dir);
    assert_eq!(
        (problem.file.as_str(), problem.line, problem.column),
        (
            name(&dir, "events.ron").as_str(),
            Some(line_col_of(&text, "\"1996/1995\"").0),
            Some(line_col_of(&text, "\"1996/1995\"").1)
        )
    );
    assert!(
        problem.message.starts_with("event “inter-tajik-talks”: ")
            && problem
                .message
                .ends_with("the date “1996/1995” ends before it starts"),
        "{problem}"
    );
}

#[test]
fn the_thirtieth_of_february_in_a_person_as_of() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"2025-02-30\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            line_col_of(&text, "\"2025-02-30\""),
            "person “aksoltan-atayeva”: the as_of date “2025-02-30” is not a real date: February 2025 has 28 days"
        )
    );
}

#[test]
fn month_thirteen_in_a_person_as_of() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"2025-13-21\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            line_col_of(&text, "\"2025-13-21\""),
            "person “aksoltan-atayeva”: the as_of date “2025-13-21” has month 13, but months run from 01 to 12"
        )
    );
}

#[test]
fn the_twenty_ninth_of_february_is_real_in_a_leap_year_only() {
    let dir = data_copy();
    replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"2024-02-29\",",
    );
    assert!(Dataset::load_dir(dir.path()).is_ok());
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"1900-02-29\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            line_col_of(&text, "\"1900-02-29\""),
            "person “aksoltan-atayeva”: the as_of date “1900-02-29” is not a real date: February 1900 has 28 days"
        )
    );
}

// ---------------------------------------------------------------- 7. wrong date shape

const SHAPE_HINT: &str = "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a span as START/END)";

#[test]
fn a_person_date_of_the_wrong_shape_is_a_parse_error_inside_the_text() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"12/12/1995\",",
    );
    // ron places the error on the first character inside the quotes.
    let place = right(line_col_of(&text, "\"12/12/1995\""), 1);
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            place,
            &format!("“12/12/1995” {SHAPE_HINT}")
        )
    );
}

#[test]
fn an_event_date_of_the_wrong_shape_is_a_parse_error_with_its_place() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"1995-12-12\",",
        "date: \"12/12/1995\",",
    );
    let problem = only_problem(&dir);
    let place = right(line_col_of(&text, "\"12/12/1995\""), 1);
    assert_eq!(problem.file, name(&dir, "events.ron"));
    assert_eq!(
        (problem.line, problem.column),
        (Some(place.0), Some(place.1))
    );
    assert!(problem.message.ends_with(SHAPE_HINT), "{problem}");
}

#[test]
fn an_event_date_of_the_wrong_shape_quotes_the_whole_text() {
    let dir = data_copy();
    replace_once(
        &dir,
        "events.ron",
        "date: \"1995-12-12\",",
        "date: \"12/12/1995\",",
    );
    let problem = only_problem(&dir);
    assert_eq!(problem.message, format!("“12/12/1995” {SHAPE_HINT}"));
}

#[test]
fn a_date_with_a_one_digit_month_is_the_wrong_shape() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "date: \"2007-12\",",
        "date: \"2007-1\",",
    );
    let place = right(line_col_of(&text, "\"2007-1\""), 1);
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            place,
            &format!("“2007-1” {SHAPE_HINT}")
        )
    );
}

// ---------------------------------------------------------------- 8. empty texts

#[test]
fn an_empty_event_title() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "title: \"Independence of Turkmenistan\",",
        "title: \"  \",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "title: \"  \","),
            "event “independence-of-turkmenistan”: the title is empty"
        )
    );
}

#[test]
fn an_empty_event_description() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "description: \"Turkmenistan becomes a member of the United Nations. Thirty years later, in 2022, it widely celebrated the anniversary of its membership.\",",
        "description: \"\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "description: \"\","),
            "event “un-membership”: the description is empty"
        )
    );
}

#[test]
fn an_empty_article_title() {
    let dir = data_copy();
    let rel = "articles/mfa-foreign-policy.ron";
    let text = replace_once(&dir, rel, "title: \"Foreign Policy\",", "title: \"\",");
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, rel),
            line_col_of(&text, "title: \"\","),
            "article “mfa-foreign-policy”: the title is empty"
        )
    );
}

// ---------------------------------------------------------------- 9. quotes

#[test]
fn a_relationship_quote_that_is_not_in_the_cited_paragraph() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "organizations.ron",
        "quote: \"This year, Turkmenistan widely celebrated the 30th anniversary of its membership in the United Nations.\",",
        "quote: \"This year, Turkmenistan widely celebrated the 31st anniversary of its membership in the United Nations.\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "organizations.ron"),
            line_col_of(
                &text,
                "quote: \"This year, Turkmenistan widely celebrated the 31st"
            ),
            "organization “un”: the quote does not stand word for word in paragraph 5 of “cooperation-international-organizations”: the quote matches the paragraph up to “…widely celebrated the”; then the quote has “31st”, the paragraph “30th”"
        )
    );
}

#[test]
fn a_quote_is_compared_word_for_word_whatever_the_spacing() {
    let dir = data_copy();
    replace_once(
        &dir,
        "organizations.ron",
        "quote: \"This year, Turkmenistan widely celebrated the 30th anniversary of its membership in the United Nations.\",",
        "quote: \"This year,  Turkmenistan widely\n celebrated the 30th anniversary of its membership in the United Nations.\",",
    );
    if let Err(err) = Dataset::load_dir(dir.path()) {
        panic!("{err}");
    }
}

#[test]
fn a_wrong_quote_in_a_second_relationship_is_reported_at_that_quote() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "organizations.ron",
        "quote: \"Turkmenistan continuously develops cooperation with prestigious international organizations such as the United Nations, the European Union, the Shanghai Cooperation Organization\",",
        "quote: \"Turkmenistan never cooperates\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "organizations.ron"),
            line_col_of(&text, "quote: \"Turkmenistan never cooperates\""),
            "organization “sco”: the quote does not stand word for word in paragraph 4 of “cooperation-international-organizations”: the quote matches the paragraph up to “Turkmenistan”; then the quote has “never”, the paragraph “continuously”"
        )
    );
}

#[test]
fn a_fact_quote_that_is_not_in_the_cited_paragraph() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "facts.ron",
        "quote: \"Currently, Turkmenistan has established diplomatic relations with 155 countries worldwide.\",",
        "quote: \"Currently, Turkmenistan has established diplomatic relations with 156 countries worldwide.\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "facts.ron"),
            line_col_of(
                &text,
                "quote: \"Currently, Turkmenistan has established diplomatic relations with 156"
            ),
            "fact “diplomatic-relations-2025”: the quote does not stand word for word in paragraph 10 of “mfa-foreign-policy”: the quote matches the paragraph up to “…diplomatic relations with”; then the quote has “156”, the paragraph “155”"
        )
    );
}

// ---------------------------------------------------------------- 10. every problem, sorted

#[test]
fn problems_in_two_files_are_all_reported_sorted_by_file_then_line() {
    let dir = data_copy();
    // Found in this order: people.ron first in the edit, events.ron late in the file,
    // then a duplicate id (checked before any other event problem) after an empty title.
    let people = replace_once(
        &dir,
        "people.ron",
        "as_of: \"2025-03-21\",",
        "as_of: \"2025-02-30\",",
    );
    replace_once(
        &dir,
        "events.ron",
        "organizations: [\"escap\"],",
        "organizations: [\"escapp\"],",
    );
    replace_once(
        &dir,
        "events.ron",
        "title: \"Independence of Turkmenistan\",",
        "title: \"\",",
    );
    let events = replace_once(
        &dir,
        "events.ron",
        "id: \"un-resolution-78-266\",",
        "id: \"un-membership\",",
    );
    let problems = problems(dir.path());
    let id = "id: \"un-membership\"";
    let expected = vec![
        at(
            name(&dir, "events.ron"),
            line_col_of(&events, "title: \"\","),
            "event “independence-of-turkmenistan”: the title is empty",
        ),
        at(
            name(&dir, "events.ron"),
            line_col_of(&events, "\"escapp\""),
            "event “aral-sea-programme-negotiations”: refers to the organization “escapp”, which does not exist; did you mean “escap”?",
        ),
        at(
            name(&dir, "events.ron"),
            right(line_col_of_nth(&events, id, 1), "id: ".len()),
            &format!(
                "the id “un-membership” is already used by another event (line {}); ids must be unique",
                line_col_of_nth(&events, id, 0).0
            ),
        ),
        at(
            name(&dir, "people.ron"),
            line_col_of(&people, "\"2025-02-30\""),
            "person “aksoltan-atayeva”: the as_of date “2025-02-30” is not a real date: February 2025 has 28 days",
        ),
    ];
    assert_eq!(problems, expected);
}

#[test]
fn syntax_errors_in_two_files_are_both_reported() {
    let dir = data_copy();
    let people = replace_once(&dir, "people.ron", "as_of: \"2025-03-21\",", "as_of: 2025,");
    let facts = replace_once(
        &dir,
        "facts.ron",
        "value: 149,\n        unit:",
        "value: 149\n        unit:",
    );
    let mut problems = problems(dir.path());
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    assert_eq!(
        problems,
        vec![
            at(
                name(&dir, "facts.ron"),
                line_col_of_nth(&facts, "unit:", 0),
                "a comma is missing here between two values"
            ),
            at(
                name(&dir, "people.ron"),
                right(line_col_of(&people, "as_of: 2025,"), "as_of: ".len()),
                "text in double quotes was expected here"
            ),
        ]
    );
}

#[test]
fn the_whole_report_reads_as_the_reader_sees_it() {
    let dir = data_copy();
    let facts = replace_once(
        &dir,
        "facts.ron",
        "value: 149,\n        unit:",
        "value: 149\n        unit:",
    );
    let (line, column) = line_col_of_nth(&facts, "unit:", 0);
    let err = Dataset::load_dir(dir.path()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the dataset has 1 problem:\n  {}:{line}:{column}: a comma is missing here between two values\n",
            name(&dir, "facts.ron")
        )
    );
}

#[test]
fn syntax_errors_in_two_files_are_sorted_by_file() {
    let dir = data_copy();
    replace_once(&dir, "people.ron", "as_of: \"2025-03-21\",", "as_of: 2025,");
    replace_once(
        &dir,
        "facts.ron",
        "value: 149,\n        unit:",
        "value: 149\n        unit:",
    );
    let problems = problems(dir.path());
    let files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}

// ---------------------------------------------------------------- 11. article file name

#[test]
fn an_article_file_not_named_after_its_id() {
    let dir = data_copy();
    let articles = dir.path().join("articles");
    fs::rename(
        articles.join("mfa-foreign-policy.ron"),
        articles.join("foreign-policy.ron"),
    )
    .unwrap();
    let text = fs::read_to_string(articles.join("foreign-policy.ron")).unwrap();
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "articles/foreign-policy.ron"),
            right(
                line_col_of(&text, "id: \"mfa-foreign-policy\""),
                "id: ".len()
            ),
            "article “mfa-foreign-policy”: the file should be named mfa-foreign-policy.ron after the article's id"
        )
    );
}

#[test]
fn two_articles_with_the_same_id() {
    let dir = data_copy();
    let articles = dir.path().join("articles");
    fs::copy(
        articles.join("mfa-foreign-policy.ron"),
        articles.join("mfa-foreign-policy2.ron"),
    )
    .unwrap();
    let text = fs::read_to_string(articles.join("mfa-foreign-policy2.ron")).unwrap();
    let place = right(
        line_col_of(&text, "id: \"mfa-foreign-policy\""),
        "id: ".len(),
    );
    let file = name(&dir, "articles/mfa-foreign-policy2.ron");
    assert_eq!(
        problems(dir.path()),
        vec![
            at(
                file.clone(),
                place,
                &format!(
                    "article “mfa-foreign-policy”: the id is already used by the article in {}; ids must be unique",
                    name(&dir, "articles/mfa-foreign-policy.ron")
                )
            ),
            at(
                file,
                place,
                "article “mfa-foreign-policy”: the file should be named mfa-foreign-policy.ron after the article's id"
            ),
        ]
    );
}

// ---------------------------------------------------------------- 12. invalid UTF-8

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let dir = data_copy();
    let path = dir.path().join("people.ron");
    let text = fs::read_to_string(&path).unwrap();
    let at_byte = text.find("Rashid Meredov").unwrap() + "Ras".len();
    let mut bytes = text.clone().into_bytes();
    bytes.splice(at_byte..at_byte, [0xff, 0xfe]);
    fs::write(&path, bytes).unwrap();
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            line_col_at(&text, at_byte),
            "the file is not valid UTF-8 text; save it as UTF-8"
        )
    );
}

#[test]
fn invalid_utf8_after_non_ascii_text_counts_columns_in_characters() {
    let dir = data_copy();
    let path = dir.path().join("events.ron");
    let text = fs::read_to_string(&path).unwrap();
    // “Turkmenistan’s” holds a three-byte apostrophe before the bad byte.
    let word = "Non-Aligned summit in Cartagena supports Turkmenistan’s ";
    assert_eq!(text.matches(word).count(), 1);
    let at_byte = text.find(word).unwrap() + word.len();
    let mut bytes = text.clone().into_bytes();
    bytes.insert(at_byte, 0xc0);
    fs::write(&path, bytes).unwrap();
    let place = line_col_at(&text, at_byte);
    assert_eq!(place, right(line_col_of(&text, word), word.chars().count()));
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            place,
            "the file is not valid UTF-8 text; save it as UTF-8"
        )
    );
}

// ---------------------------------------------------------------- 13. oversized file

#[test]
fn a_file_larger_than_the_limit_is_refused_in_mib() {
    let dir = data_copy();
    let path = dir.path().join("facts.ron");
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(MAX_RECORD_FILE_BYTES + 1).unwrap();
    drop(file);
    let problem = only_problem(&dir);
    assert!(problem.message.contains("MiB"), "{problem}");
    assert_eq!(
        problem,
        whole_file(
            name(&dir, "facts.ron"),
            "the file is 65 MiB; a file of records may be at most 64 MiB"
        )
    );
    // An article has the data files' limit.
    let dir = data_copy();
    let article = fs::File::create(dir.path().join("articles/zz-large.ron")).unwrap();
    article.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(article);
    assert_eq!(
        only_problem(&dir),
        whole_file(
            name(&dir, "articles/zz-large.ron"),
            "the file is 9 MiB; a data file may be at most 8 MiB"
        )
    );
}

/// Brackets nested ten thousand deep (a hostile file's way to overflow a
/// parser's stack) are refused at the first one the records do not allow,
/// with its place; the parser's own limit of 64 levels stands behind that.
#[test]
fn brackets_nested_ten_thousand_deep_are_refused_at_the_first_wrong_one() {
    let dir = data_copy();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    fs::write(dir.path().join("events.ron"), deep).unwrap();
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            (1, 2),
            "a record Event(…) was expected here"
        )
    );
}

#[test]
fn a_file_of_exactly_the_limit_is_read() {
    let dir = data_copy();
    let path = dir.path().join("facts.ron");
    let mut text = fs::read_to_string(&path).unwrap();
    let size = usize::try_from(MAX_RECORD_FILE_BYTES).unwrap();
    text.push_str(&" ".repeat(size - text.len()));
    fs::write(&path, &text).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_RECORD_FILE_BYTES);
    if let Err(err) = Dataset::load_dir(dir.path()) {
        panic!("{err}");
    }
}

// ---------------------------------------------------------------- 14. missing files and folders

#[test]
fn a_missing_folder() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-folder");
    assert_eq!(
        problems(&missing),
        vec![whole_file(
            missing.display().to_string(),
            "there is no such folder"
        )]
    );
}

#[test]
fn a_file_given_as_the_folder() {
    let dir = data_copy();
    let file = dir.path().join("events.ron");
    assert_eq!(
        problems(&file),
        vec![whole_file(
            file.display().to_string(),
            "this is a file, not a dataset folder or a unit file (.zip)"
        )]
    );
}

#[test]
fn a_missing_events_file() {
    let dir = data_copy();
    fs::remove_file(dir.path().join("events.ron")).unwrap();
    assert_eq!(
        problems(dir.path()),
        vec![whole_file(name(&dir, "events.ron"), "the file is missing")]
    );
}

#[test]
fn every_missing_file_is_reported() {
    let dir = data_copy();
    fs::remove_file(dir.path().join("events.ron")).unwrap();
    fs::remove_file(dir.path().join("glossary.ron")).unwrap();
    assert_eq!(
        problems(dir.path()),
        vec![
            whole_file(name(&dir, "events.ron"), "the file is missing"),
            whole_file(name(&dir, "glossary.ron"), "the file is missing"),
        ]
    );
}

#[test]
fn a_missing_articles_folder() {
    let dir = data_copy();
    fs::remove_dir_all(dir.path().join("articles")).unwrap();
    assert_eq!(
        problems(dir.path()),
        vec![whole_file(
            name(&dir, "articles"),
            "the dataset has no articles folder; articles go in articles/*.ron"
        )]
    );
}

#[test]
fn an_articles_folder_without_articles() {
    let dir = data_copy();
    let articles = dir.path().join("articles");
    fs::remove_dir_all(&articles).unwrap();
    fs::create_dir(&articles).unwrap();
    fs::write(articles.join("README.txt"), "not an article").unwrap();
    assert_eq!(
        problems(dir.path()),
        vec![whole_file(
            name(&dir, "articles"),
            "the folder holds no article (no .ron file)"
        )]
    );
}

// ---------------------------------------------------------------- 15. ids

#[test]
fn an_event_id_that_is_not_kebab_case() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "id: \"un-membership\",",
        "id: \"UN_membership\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "\"UN_membership\""),
            "the id “UN_membership” must be kebab-case: lower-case letters and digits joined by hyphens"
        )
    );
}

#[test]
fn a_glossary_id_with_a_double_hyphen_is_not_kebab_case() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "glossary.ron",
        "id: \"ideology-of-force\",",
        "id: \"ideology--of-force\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "glossary.ron"),
            line_col_of(&text, "\"ideology--of-force\""),
            "the id “ideology--of-force” must be kebab-case: lower-case letters and digits joined by hyphens"
        )
    );
}

// ---------------------------------------------------------------- 16. limits on what is read

/// The bundled dataset as (name, bytes) pairs for [`DataFiles::from_bytes`].
type Bytes = (Vec<(String, Vec<u8>)>, [(String, Vec<u8>); 5]);

fn embedded_bytes() -> Bytes {
    let files = DataFiles::embedded();
    let pair =
        |f: &neutrality_reader::dataset::DataFile| (f.name.clone(), f.text.clone().into_bytes());
    let articles = files.articles.iter().map(pair).collect();
    let records = files.records.each_ref().map(pair);
    (articles, records)
}

fn from_bytes_problems((articles, records): Bytes) -> Vec<Problem> {
    match DataFiles::from_bytes(articles, records) {
        Ok(_) => panic!("the broken files were accepted"),
        Err(err) => err.problems,
    }
}

#[test]
fn a_folder_in_place_of_a_data_file() {
    let dir = data_copy();
    let path = dir.path().join("people.ron");
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    assert_eq!(
        problems(dir.path()),
        vec![whole_file(
            name(&dir, "people.ron"),
            "this is a folder, not a data file"
        )]
    );
}

/// What a data file linked out of the folder is told.
const LINKS_OUT: &str = "the file leads out of the dataset folder through a link; copy the file into the folder instead of linking to it";

#[cfg(unix)]
#[test]
fn a_link_to_a_file_that_never_ends_is_refused_unread() {
    // /dev/zero has no size to check beforehand, and is not in the folder.
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        return;
    }
    let dir = data_copy();
    let path = dir.path().join("facts.ron");
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(zero, &path).unwrap();
    assert_eq!(
        only_problem(&dir),
        whole_file(name(&dir, "facts.ron"), LINKS_OUT)
    );
}

#[cfg(unix)]
#[test]
fn an_article_linked_to_a_file_outside_the_folder_is_refused() {
    let dir = data_copy();
    let path = dir.path().join("articles/passwd.ron");
    std::os::unix::fs::symlink("/etc/passwd", &path).unwrap();
    assert_eq!(
        only_problem(&dir),
        whole_file(name(&dir, "articles/passwd.ron"), LINKS_OUT)
    );
}

#[cfg(unix)]
#[test]
fn a_good_article_linked_from_outside_is_refused_all_the_same() {
    let dir = data_copy();
    let outside = TempDir::new().unwrap();
    let rel = "articles/mfa-foreign-policy.ron";
    let moved = outside.path().join("mfa-foreign-policy.ron");
    fs::rename(dir.path().join(rel), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, dir.path().join(rel)).unwrap();
    assert_eq!(only_problem(&dir), whole_file(name(&dir, rel), LINKS_OUT));
}

#[cfg(unix)]
#[test]
fn a_link_that_stays_inside_the_folder_is_followed() {
    let dir = data_copy();
    fs::create_dir(dir.path().join("spare")).unwrap();
    fs::rename(
        dir.path().join("events.ron"),
        dir.path().join("spare/events.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink("spare/events.ron", dir.path().join("events.ron")).unwrap();
    let loaded = Dataset::load_dir(dir.path()).unwrap();
    assert_eq!(
        loaded.events.len(),
        Dataset::embedded().unwrap().events.len()
    );
}

#[cfg(unix)]
#[test]
fn an_articles_folder_linked_from_outside_is_refused() {
    let dir = data_copy();
    let outside = TempDir::new().unwrap();
    let moved = outside.path().join("articles");
    fs::rename(dir.path().join("articles"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, dir.path().join("articles")).unwrap();
    let problems = problems(dir.path());
    assert_eq!(problems.len(), 5, "{problems:#?}");
    for problem in problems {
        assert!(problem.file.contains("/articles/"), "{problem}");
        assert_eq!(problem.message, LINKS_OUT, "{problem}");
    }
}

/// A special file inside the unit (a socket here: a device needs the
/// superuser to make) is not a data file.
#[cfg(unix)]
#[test]
fn a_socket_in_place_of_a_data_file_is_refused() {
    let dir = data_copy();
    let path = dir.path().join("facts.ron");
    fs::remove_file(&path).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(&path).unwrap();
    assert_eq!(
        only_problem(&dir),
        whole_file(
            name(&dir, "facts.ron"),
            "this is a device or a socket, not a data file; a data file is plain text"
        )
    );
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_called_a_link_loop() {
    let dir = data_copy();
    let path = dir.path().join("people.ron");
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("people.ron", &path).unwrap();
    assert_eq!(
        only_problem(&dir),
        whole_file(
            name(&dir, "people.ron"),
            "the file cannot be read: a link loop (a link that leads, in the end, back to itself)"
        )
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_is_called_so() {
    let dir = data_copy();
    let path = dir.path().join("people.ron");
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("persons.ron", &path).unwrap();
    assert_eq!(
        only_problem(&dir),
        whole_file(
            name(&dir, "people.ron"),
            "the file is a link to a file that does not exist"
        )
    );
}

/// `chmod 000 articles/`: permission denied, not "no articles folder". The
/// superuser reads it all the same, so there the test has nothing to show.
#[cfg(unix)]
#[test]
fn an_articles_folder_that_may_not_be_read_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = data_copy();
    let articles = dir.path().join("articles");
    fs::set_permissions(&articles, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read_dir(&articles).is_ok();
    let found = if readable {
        Vec::new()
    } else {
        problems(dir.path())
    };
    fs::set_permissions(&articles, fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        return;
    }
    assert_eq!(
        found,
        vec![whole_file(
            name(&dir, "articles"),
            "the articles folder cannot be read: permission denied"
        )]
    );
}

/// The same for one file.
#[cfg(unix)]
#[test]
fn a_data_file_that_may_not_be_read_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = data_copy();
    let path = dir.path().join("glossary.ron");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        return;
    }
    assert_eq!(
        only_problem(&dir),
        whole_file(
            name(&dir, "glossary.ron"),
            "the file cannot be read: permission denied"
        )
    );
}

#[test]
fn a_byte_order_mark_at_the_start_of_a_file_is_accepted() {
    let dir = data_copy();
    for rel in ["events.ron", "articles/mfa-foreign-policy.ron"] {
        let path = dir.path().join(rel);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("\u{feff}{text}")).unwrap();
    }
    let loaded = Dataset::load_dir(dir.path()).unwrap();
    assert_eq!(
        loaded.events.len(),
        Dataset::embedded().unwrap().events.len()
    );
    // Only the first is a mark: a second is text where none may be.
    let path = dir.path().join("people.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}\u{feff}{text}")).unwrap();
    let problem = only_problem(&dir);
    assert_eq!(problem.file, name(&dir, "people.ron"));
    assert_eq!((problem.line, problem.column), (Some(1), Some(1)));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_place_of_a_data_file_is_refused_without_waiting_for_a_writer() {
    let dir = data_copy();
    let path = dir.path().join("glossary.ron");
    fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    assert_eq!(
        only_problem(&dir),
        whole_file(
            name(&dir, "glossary.ron"),
            "this is a pipe, not a data file"
        )
    );
}

#[test]
fn more_articles_than_the_limit_are_refused_before_any_is_read() {
    let dir = data_copy();
    let articles = dir.path().join("articles");
    for n in 0..=MAX_ARTICLES {
        fs::write(articles.join(format!("extra-{n:04}.ron")), "").unwrap();
    }
    assert_eq!(MAX_ARTICLES, 10_000);
    assert_eq!(
        problems(dir.path()),
        vec![whole_file(
            name(&dir, "articles"),
            "the dataset has more than 10000 articles; it may have at most 10000"
        )]
    );
}

#[test]
fn files_that_together_pass_the_total_limit_are_refused_at_the_file_that_passes_it() {
    let dir = data_copy();
    let articles = dir.path().join("articles");
    // Seventeen sparse files of the largest size allowed: the first sixteen
    // come to exactly the limit, and they sort before the real articles.
    let count = MAX_TOTAL_BYTES / MAX_FILE_BYTES + 1;
    assert_eq!(count, 17);
    for n in 0..count {
        let file = fs::File::create(articles.join(format!("a-{n:02}.ron"))).unwrap();
        file.set_len(MAX_FILE_BYTES).unwrap();
    }
    assert_eq!(
        problems(dir.path()),
        vec![whole_file(
            name(&dir, "articles/a-16.ron"),
            "with this file the data files come to more than 128 MiB; a dataset may be at most 128 MiB in all"
        )]
    );
}

#[test]
fn files_given_as_bytes_load_like_the_embedded_dataset() {
    let (articles, records) = embedded_bytes();
    let files = DataFiles::from_bytes(articles, records).unwrap();
    let dataset = Dataset::from_files(&files).unwrap();
    assert_eq!(
        dataset.events.len(),
        Dataset::embedded().unwrap().events.len()
    );
}

#[test]
fn invalid_utf8_given_as_bytes_is_placed_under_the_name_given() {
    let (articles, mut records) = embedded_bytes();
    let text = String::from_utf8(records[2].1.clone()).unwrap();
    let at_byte = text.find("Rashid Meredov").unwrap() + "Ras".len();
    records[2].1.insert(at_byte, 0xff);
    assert_eq!(
        from_bytes_problems((articles, records)),
        vec![at(
            "data/people.ron".to_owned(),
            line_col_at(&text, at_byte),
            "the file is not valid UTF-8 text; save it as UTF-8"
        )]
    );
}

#[test]
fn invalid_utf8_on_the_first_byte_is_at_line_one_column_one() {
    let (articles, mut records) = embedded_bytes();
    records[0].1.insert(0, 0x80);
    assert_eq!(
        from_bytes_problems((articles, records)),
        vec![at(
            "data/events.ron".to_owned(),
            (1, 1),
            "the file is not valid UTF-8 text; save it as UTF-8"
        )]
    );
}

#[test]
fn a_file_given_as_bytes_larger_than_the_limit_is_refused() {
    let (articles, mut records) = embedded_bytes();
    let size = usize::try_from(MAX_RECORD_FILE_BYTES).unwrap();
    records[3].1.resize(size + 1, b' ');
    assert_eq!(
        from_bytes_problems((articles, records)),
        vec![whole_file(
            "data/facts.ron".to_owned(),
            "the file is 65 MiB; a file of records may be at most 64 MiB"
        )]
    );
}

#[test]
fn articles_given_as_bytes_past_the_limit_are_refused_at_the_first_one_too_many() {
    let (_, records) = embedded_bytes();
    let articles = |count: usize| {
        (0..count)
            .map(|n| (format!("articles/a-{n}.ron"), Vec::new()))
            .collect::<Vec<_>>()
    };
    assert!(DataFiles::from_bytes(articles(MAX_ARTICLES), records.clone()).is_ok());
    assert_eq!(
        from_bytes_problems((articles(MAX_ARTICLES + 1), records)),
        vec![whole_file(
            format!("articles/a-{MAX_ARTICLES}.ron"),
            "the dataset has more than 10000 articles; it may have at most 10000"
        )]
    );
}

#[test]
fn every_refusal_of_files_given_as_bytes_is_reported_together() {
    let (articles, mut records) = embedded_bytes();
    records[0].1.insert(0, 0xfe);
    let size = usize::try_from(MAX_RECORD_FILE_BYTES).unwrap();
    records[4].1.resize(2 * size, b' ');
    assert_eq!(
        from_bytes_problems((articles, records)),
        vec![
            at(
                "data/events.ron".to_owned(),
                (1, 1),
                "the file is not valid UTF-8 text; save it as UTF-8"
            ),
            whole_file(
                "data/glossary.ron".to_owned(),
                "the file is 128 MiB; a file of records may be at most 64 MiB"
            ),
        ]
    );
}

// ---------------------------------------------------------------- ron's words made plain

#[test]
fn a_paragraph_number_out_of_range_says_what_to_write() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "(\"cooperation-international-organizations\", 1)],\n        derived: \"The article celebrates",
        "(\"cooperation-international-organizations\", -3)],\n        derived: \"The article celebrates",
    );
    let problem = only_problem(&dir);
    assert_eq!(problem.file, name(&dir, "events.ron"));
    assert_eq!(problem.line, Some(line_col_of(&text, "-3)").0));
    assert_eq!(
        problem.message,
        "this whole number is out of range here (below 0, or above 4294967295); a paragraph is counted from 1: write the number of one of the article's paragraphs"
    );
}

#[test]
fn a_missing_field_name_says_what_to_write() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "people.ron",
        "        id: \"rashid-meredov\",",
        "        : \"rashid-meredov\",",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "people.ron"),
            line_col_of(&text, ": \"rashid-meredov\""),
            "a name was expected here: a field's name and a colon, such as `id:`, or a value written without quotes, such as `Summit`"
        )
    );
}

#[test]
fn a_value_that_is_not_a_name_says_what_to_write() {
    let dir = data_copy();
    let text = replace_once(
        &dir,
        "events.ron",
        "category: Milestone,\n        sources: [(\"cooperation-international-organizations\", 1)],",
        "category: 123,\n        sources: [(\"cooperation-international-organizations\", 1)],",
    );
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, "events.ron"),
            line_col_of(&text, "123,"),
            "`123` is not a name: a value such as `Summit` is written as a word that begins with a letter, without quotes"
        )
    );
}

#[test]
fn a_record_of_the_wrong_name_says_what_to_write() {
    let dir = data_copy();
    let rel = "articles/mfa-foreign-policy.ron";
    let text = replace_once(&dir, rel, "Article(\n", "root(\n");
    assert_eq!(
        only_problem(&dir),
        at(
            name(&dir, rel),
            line_col_of(&text, "root("),
            "this record is named `root`, but an `Article` is expected here: write `Article(` where `root(` is"
        )
    );
}
