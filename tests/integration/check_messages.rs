//! `check` for authors who are not programmers (issue 17): each message an
//! author meets when a unit is half written, with its exact place
//! (file:line:column). A text whose quotes do not pair is told at the `"`
//! that opens it; a quote that is not word for word in its paragraph says
//! where they part; a misspelled id gets the id meant; a file saved by
//! Windows Notepad (a byte order mark, CRLF line ends) loads, and its places
//! are counted as in any other.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot copy its data should fail loudly"
)]

use crate::common;

use std::fs;
use std::path::Path;

use common::data_copy;
use neutrality_reader::dataset::Dataset;

/// Every problem of the unit in `dir` as `file:line:column: message`, the
/// file named from the unit's folder.
fn problems(dir: &Path) -> Vec<String> {
    let error = match Dataset::load_dir(dir) {
        Ok(_) => panic!("the unit loaded"),
        Err(error) => error,
    };
    let folder = format!("{}/", dir.display());
    error
        .problems
        .iter()
        .map(|p| p.to_string().replacen(&folder, "", 1))
        .collect()
}

/// Replaces the first `from` in the unit's `file` with `to`.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has {from}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The only problem of the bundled unit with the first `from` in `file`
/// replaced by `to`.
fn only_problem(file: &str, from: &str, to: &str) -> String {
    let dir = data_copy();
    edit(dir.path(), file, from, to);
    let mut all = problems(dir.path());
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

#[test]
fn a_stray_quote_inside_a_text_is_told_where_the_text_starts() {
    // Before: "glossary.ron:7:65: a comma is missing here between two values".
    assert_eq!(
        only_problem(
            "glossary.ron",
            "supported by the UN",
            "supported by \"the UN"
        ),
        "glossary.ron:7:21: this text is not closed where you meant: the \" at line 7, column 64 ends it early; write \\\" for a quote inside a text"
    );
}

#[test]
fn a_missing_closing_quote_is_told_where_the_text_starts() {
    // Before: "organizations.ron:13:25: a comma is missing here between two
    // values", five lines below the text that is not closed.
    assert_eq!(
        only_problem(
            "organizations.ron",
            "name: \"United Nations\",",
            "name: \"United Nations,"
        ),
        "organizations.ron:8:15: this text is not closed: its closing \" is missing, so it runs on to the \" at line 13, column 24; put a \" where the text ends"
    );
}

#[test]
fn a_text_that_runs_to_the_end_of_the_file_is_told_where_it_starts() {
    let dir = data_copy();
    let path = dir.path().join("people.ron");
    let text = fs::read_to_string(&path).unwrap();
    // The file cut inside the last text it has.
    let cut = text.rfind("2020\"").unwrap();
    fs::write(&path, &text[..cut]).unwrap();
    let opening = text[..cut].rfind('"').unwrap();
    let (line, column) = place_of(&text, opening);
    assert_eq!(
        problems(dir.path()),
        [format!(
            "people.ron:{line}:{column}: this text is not closed: the \" here opens a text that runs to the end of the file; put a \" where the text ends"
        )]
    );
}

#[test]
fn a_missing_comma_after_a_text_is_still_a_missing_comma() {
    assert_eq!(
        only_problem("organizations.ron", "acronym: \"UN\",", "acronym: \"UN\""),
        "organizations.ron:8:9: a comma is missing here between two values"
    );
    assert_eq!(
        only_problem(
            "organizations.ron",
            "acronym: \"UN\",",
            "acronym: \"UN\" \"x\","
        ),
        "organizations.ron:7:23: a comma is missing here between two values"
    );
}

#[test]
fn a_quote_not_word_for_word_says_where_it_parts_from_the_paragraph() {
    assert_eq!(
        only_problem(
            "organizations.ron",
            "celebrated the 30th anniversary of",
            "celebrated the 30th anniversery of"
        ),
        "organizations.ron:14:17: organization “un”: the quote does not stand word for word in paragraph 5 of “cooperation-international-organizations”: the quote matches the paragraph up to “…celebrated the 30th”; then the quote has “anniversery”, the paragraph “anniversary”"
    );
}

#[test]
fn a_misspelled_id_gets_the_id_meant() {
    assert_eq!(
        only_problem(
            "events.ron",
            "organizations: [\"un\"",
            "organizations: [\"un-\""
        ),
        "events.ron:20:25: event “un-membership”: refers to the organization “un-”, which does not exist; did you mean “un”?"
    );
    assert_eq!(
        only_problem(
            "events.ron",
            "people: [\"michelle-bachelet\"]",
            "people: [\"michele-bachelet\"]"
        ),
        "events.ron:179:18: event “nam-briefing-geneva-2020”: refers to the person “michele-bachelet”, which does not exist; did you mean “michelle-bachelet”?"
    );
    assert_eq!(
        only_problem(
            "people.ron",
            "(\"nam-ambassadors-briefing-2020\", 3)",
            "(\"nam-ambasadors-briefing-2020\", 3)"
        ),
        "people.ron:83:20: person “michelle-bachelet”: cites the article “nam-ambasadors-briefing-2020”, which does not exist; did you mean “nam-ambassadors-briefing-2020”?"
    );
    // Nothing close: no guess.
    assert_eq!(
        only_problem(
            "events.ron",
            "organizations: [\"un\"",
            "organizations: [\"world-bank\""
        ),
        "events.ron:20:25: event “un-membership”: refers to the organization “world-bank”, which does not exist"
    );
}

/// Line and column (from 1, in characters) of a byte offset.
fn place_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, text[start..offset].chars().count() + 1)
}

#[test]
fn files_saved_by_windows_notepad_load_and_keep_their_places() {
    let dir = data_copy();
    for file in ["articles/mfa-foreign-policy.ron", "events.ron"] {
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    }
    let dataset = Dataset::load_dir(dir.path()).unwrap();
    assert!(dataset.article("mfa-foreign-policy").is_some());
    // A problem in an article with CRLF line ends is placed as in one with LF.
    let article = dir.path().join("articles/mfa-foreign-policy.ron");
    let crlf = fs::read_to_string(&article).unwrap();
    let lf = crlf.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let at = lf.find("title:").unwrap();
    let (line, column) = place_of(&lf, at);
    fs::write(&article, crlf.replacen("title:", "titel:", 1)).unwrap();
    let all = problems(dir.path());
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with(&format!(
            "articles/mfa-foreign-policy.ron:{line}:{column}: unknown field `titel`"
        )),
        "{all:#?}"
    );
}

#[test]
fn new_help_shows_no_option_that_does_nothing() {
    use clap::CommandFactory as _;
    let mut command = neutrality_reader::cli::Cli::command();
    command.build();
    for name in ["new", "import", "pack"] {
        let help = command
            .find_subcommand_mut(name)
            .unwrap()
            .render_help()
            .to_string();
        assert!(!help.contains("--data <DIR>"), "{name}: {help}");
    }
    // The commands that read a dataset take it after their name too.
    for name in ["export", "quiz"] {
        let help = command
            .find_subcommand_mut(name)
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("--data <DIR>"), "{name}: {help}");
    }
}

#[test]
fn new_lists_organizations_and_people_before_the_events_that_cite_them() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("my-unit");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        neutrality_reader::cli::new_dataset(&unit, &mut out, &mut err),
        0
    );
    let said = String::from_utf8(out).unwrap();
    let at = |name: &str| said.find(name).unwrap();
    assert!(at("organizations.ron") < at("events.ron"), "{said}");
    assert!(at("people.ron") < at("events.ron"), "{said}");
    assert!(
        said.contains("2. Add the organizations and people it names"),
        "{said}"
    );
    // Filled in that order, the first check of a half-filled unit is short:
    // an organization, and an event naming it, load as they are.
    let organization = "[\n    Organization(\n        id: \"un\",\n        name: \"United Nations\",\n        kind: Global,\n        summary: \"What the article says of it.\",\n        sources: [(\"first-article\", 2)],\n    ),\n]\n";
    fs::write(unit.join("organizations.ron"), organization).unwrap();
    let event = "[\n    Event(\n        id: \"first-event\",\n        date: \"1945\",\n        title: \"A title\",\n        description: \"What happened.\",\n        category: Agreement,\n        organizations: [\"un\"],\n        people: [],\n        sources: [(\"first-article\", 2)],\n    ),\n]\n";
    fs::write(unit.join("events.ron"), event).unwrap();
    assert!(Dataset::load_dir(&unit).is_ok());
}
