//! `neutrality-reader import` on TimelineJS's own published timelines and
//! sheet template (tests/fixtures/timelinejs/, see its README): each makes a
//! folder that loads, with the source's events, dates and precision.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::Block;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timelinejs")
        .join(name)
}

fn import(source: &Path, dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .arg("import")
        .arg(source)
        .arg(dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The date TimelineJS's fields mean, in the dataset's ISO form, worked out
/// here independently of the import: `None` for a year the dataset cannot
/// hold (before AD 1).
fn iso(year: &str, month: &str, day: &str) -> Option<String> {
    let year: i64 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    Some(match (month.trim(), day.trim()) {
        ("", _) => format!("{year:04}"),
        (m, "") => format!("{year:04}-{:02}", m.parse::<u8>().unwrap()),
        (m, d) => format!(
            "{year:04}-{:02}-{:02}",
            m.parse::<u8>().unwrap(),
            d.parse::<u8>().unwrap()
        ),
    })
}

fn span(start: Option<String>, end: Option<String>) -> Option<String> {
    let start = start?;
    Some(match end {
        Some(end) if end != start => format!("{start}/{end}"),
        _ => start,
    })
}

/// The dates a TimelineJS JSON file's events, then eras, should import as.
fn json_dates(file: &Path) -> Vec<String> {
    let json: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    let field = |date: &Value, name: &str| match &date[name] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    let date = |date: &Value| {
        iso(
            &field(date, "year"),
            &field(date, "month"),
            &field(date, "day"),
        )
    };
    let slides = ["events", "eras"]
        .iter()
        .flat_map(|key| json[key].as_array().cloned().unwrap_or_default());
    slides
        .filter_map(|slide| span(date(&slide["start_date"]), date(&slide["end_date"])))
        .collect()
}

/// The dates the sheet's rows other than the title row should import as.
fn sheet_dates(file: &Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(file).unwrap();
    reader
        .records()
        .map(Result::unwrap)
        .filter(|row| &row[15] != "title")
        .filter_map(|row| {
            span(
                iso(&row[0], &row[1], &row[2]),
                iso(&row[4], &row[5], &row[6]),
            )
        })
        .collect()
}

/// Imports `name` into a new folder and loads it as `check` does.
fn imported(name: &str) -> (Dataset, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let output = import(&fixture(name), &dir.path().join("unit"));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let dataset = Dataset::load_dir(&dir.path().join("unit")).unwrap();
    (dataset, text(&output.stdout), dir)
}

/// The events' dates, sorted: the dataset keeps its events in date order.
fn dates(dataset: &Dataset) -> Vec<String> {
    let mut dates: Vec<String> = dataset.events.iter().map(|e| e.date.iso()).collect();
    dates.sort();
    dates
}

fn sorted(mut dates: Vec<String>) -> Vec<String> {
    dates.sort();
    dates
}

/// Every event cites its heading first, and the heading carries its title.
fn assert_events_cite_their_own_text(dataset: &Dataset) {
    let article = &dataset.articles[0];
    for event in &dataset.events {
        let heading = article.paragraph(event.sources[0].paragraph).unwrap();
        assert!(
            matches!(heading, Block::Heading { text, .. } if text.ends_with(&*event.title)),
            "{}: {heading:?}",
            event.id
        );
        for source in &event.sources[1..] {
            let block = article.paragraph(source.paragraph).unwrap();
            assert!(event.description.contains(&block.text()), "{}", event.id);
        }
    }
}

#[test]
fn each_published_json_timeline_imports_with_its_dates_and_precision() {
    for (name, events, eras) in [
        ("women_in_computing.json", 10, 0),
        ("eras.json", 20, 3),
        ("all-media-types.json", 41, 0),
        // Six of its eleven events are before AD 1: left out and said.
        ("cosmo-mixed.json", 5, 0),
    ] {
        let (dataset, report, _dir) = imported(name);
        let expected = json_dates(&fixture(name));
        assert_eq!(expected.len(), events + eras, "{name}");
        assert_eq!(dates(&dataset), sorted(expected), "{name}");
        assert_events_cite_their_own_text(&dataset);
        assert!(
            report.contains(&format!("{events} events and {eras} eras")),
            "{name}: {report}"
        );
    }
}

#[test]
fn the_sheet_template_imports_with_its_dates_and_precision() {
    let (dataset, report, _dir) = imported("my-own-timeline.csv");
    let expected = sheet_dates(&fixture("my-own-timeline.csv"));
    assert_eq!(expected.len(), 10);
    assert_eq!(dates(&dataset), sorted(expected.clone()));
    // A year alone stays a year; a year and month stay a month.
    assert!(expected.contains(&"1951".to_owned()));
    assert!(expected.contains(&"1943-07/1946".to_owned()));
    assert_events_cite_their_own_text(&dataset);
    assert_eq!(dataset.articles[0].title, "MY OWN CSV");
    // The media of each row is reported with its row; a row whose cell holds
    // a line break is placed by row and line.
    assert!(
        report.contains("my-own-timeline.csv: row 3: the media (https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg"),
        "{report}"
    );
    assert!(report.contains("row 6 (line 7): the media"), "{report}");
    // The sheet and the JSON of the same timeline give the same dates.
    let (json, _, _dir) = imported("women_in_computing.json");
    assert_eq!(dates(&json), dates(&dataset));
}

#[test]
fn groups_become_the_units_own_categories() {
    let (dataset, report, dir) = imported("all-media-types.json");
    assert!(!report.contains("group “"), "{report}");
    // One category per group, in the order the groups first appear, each
    // labelled with the group's name; the legend is then the groups.
    let source: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture("all-media-types.json")).unwrap())
            .unwrap();
    let mut groups: Vec<String> = Vec::new();
    for event in source["events"].as_array().unwrap() {
        let group = event["group"]
            .as_str()
            .map_or("Other", str::trim)
            .to_owned();
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    let labels: Vec<&str> = dataset
        .categories
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, groups);
    assert!(labels.contains(&"Social Media"));
    // Each group's category has as many events as the group had entries.
    for group in &groups {
        let entries = source["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["group"].as_str().map_or("Other", str::trim) == group)
            .count();
        let events = dataset
            .events
            .iter()
            .filter(|e| dataset.category_of(e).unwrap().label == *group)
            .count();
        assert_eq!(events, entries, "{group}");
    }
    // The manifest written beside the events says so, and names the title.
    let manifest = fs::read_to_string(dir.path().join("unit/dataset.ron")).unwrap();
    assert!(
        manifest.contains("(key: SocialMedia, label: \"Social Media\")"),
        "{manifest}"
    );
    assert_eq!(
        dataset.manifest.title.as_deref(),
        Some(dataset.articles[0].title.as_str())
    );
}

const HEADER: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";

#[test]
fn a_row_with_no_year_is_reported_with_its_row_number() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.csv");
    fs::write(
        &sheet,
        format!(
            "{HEADER}\n,,,,,,,,,A title,An opening.,,,,,title,,\n1995,12,12,,,,,,,Adopted,Text.,,,,,,,\n,5,,,,,,,,Undated,\"No year,\nover two lines.\",,,,,,,\n-300,,,,,,,,,Too early,,,,,,,,\n"
        ),
    )
    .unwrap();
    let output = import(&sheet, &dir.path().join("unit"));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(
        report.contains("sheet.csv: row 4: no year; the row is left out"),
        "{report}"
    );
    assert!(
        report.contains("sheet.csv: row 5 (line 6): the year -300 is outside AD 1 to 9999"),
        "{report}"
    );
    let dataset = Dataset::load_dir(&dir.path().join("unit")).unwrap();
    assert_eq!(dates(&dataset), ["1995-12-12"]);
}

#[test]
fn a_folder_with_files_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    fs::create_dir(&unit).unwrap();
    fs::write(unit.join("mine.txt"), "mine").unwrap();
    let output = import(&fixture("eras.json"), &unit);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).trim_end(),
        format!(
            "neutrality-reader import: {} already has files in it; `import` writes only into a new or empty folder, so that nothing of yours is written over",
            unit.display()
        )
    );
    assert!(output.stdout.is_empty());
    let left: Vec<_> = fs::read_dir(&unit)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["mine.txt"]);
    assert_eq!(fs::read_to_string(unit.join("mine.txt")).unwrap(), "mine");
    // No half-made folder is left beside it either.
    let beside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["unit"]);
    // An empty folder is taken.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    assert!(import(&fixture("eras.json"), &empty).status.success());
    assert!(Dataset::load_dir(&empty).is_ok());
}

#[test]
fn a_timeline_with_nothing_to_carry_over_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("old.json");
    fs::write(
        &source,
        r#"{"events": [{"start_date": {"year": "-3500"}, "text": {"headline": "Writing"}}]}"#,
    )
    .unwrap();
    let output = import(&source, &dir.path().join("unit"));
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(
        said.contains("old.json: event 1: the year -3500 is outside AD 1 to 9999"),
        "{said}"
    );
    assert!(
        said.contains("no event or era could be carried over"),
        "{said}"
    );
    assert!(!dir.path().join("unit").exists());
}
