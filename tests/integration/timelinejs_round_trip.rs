//! TimelineJS JSON → a unit (`import`) → TimelineJS JSON (`export --format
//! timelinejs`) → a unit again, on TimelineJS's own published timelines
//! (tests/fixtures/timelinejs/): the same events come back, each date at
//! the precision its fields gave (a year alone stays a year), spans with
//! their ends, groups as groups, and every text escaped for TimelineJS's
//! HTML.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use neutrality_reader::dataset::Dataset;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timelinejs")
        .join(name)
}

fn run(args: &[&std::ffi::OsStr]) {
    let output = Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn import(source: &Path, dir: &Path) -> Dataset {
    run(&["import".as_ref(), source.as_os_str(), dir.as_os_str()]);
    Dataset::load_dir(dir).unwrap()
}

fn export(dir: &Path, to: &Path) -> Value {
    run(&[
        "export".as_ref(),
        "--data".as_ref(),
        dir.as_os_str(),
        "--format".as_ref(),
        "timelinejs".as_ref(),
        "-o".as_ref(),
        to.as_os_str(),
    ]);
    serde_json::from_str(&std::fs::read_to_string(to).unwrap()).unwrap()
}

/// A TimelineJS number field (a string or a number) as a number; `None`
/// when absent or empty.
fn number(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if !s.trim().is_empty() => s.trim().parse().ok(),
        _ => None,
    }
}

/// (year, month, day) as the fields give them.
type Fields = (i64, Option<i64>, Option<i64>);

fn fields(date: &Value) -> Option<Fields> {
    Some((
        number(date.get("year"))?,
        number(date.get("month")),
        number(date.get("day")),
    ))
}

/// Every slide's start and end fields, the end left out when it is the
/// start (a span of one day is that day), slides a unit cannot hold (before
/// AD 1) left out, sorted.
fn dates(timeline: &Value) -> Vec<(Fields, Option<Fields>)> {
    let slides = ["events", "eras"]
        .iter()
        .filter_map(|key| timeline.get(key)?.as_array())
        .flatten();
    let mut dates: Vec<_> = slides
        .filter_map(|slide| {
            let start = fields(slide.get("start_date")?)?;
            let end = slide
                .get("end_date")
                .and_then(fields)
                .filter(|e| *e != start);
            (start.0 >= 1).then_some((start, end))
        })
        .collect();
    dates.sort();
    dates
}

#[test]
fn timelinejs_json_round_trips_through_a_unit_with_its_precision() {
    for name in [
        "women_in_computing.json",
        "eras.json",
        "all-media-types.json",
        "cosmo-mixed.json",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let original: Value =
            serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap();
        let first = import(&fixture(name), &dir.path().join("first"));
        let exported = export(&dir.path().join("first"), &dir.path().join("out.json"));

        // The same dated slides, at the same precision.
        assert_eq!(dates(&exported), dates(&original), "{name}");
        let slides = exported["events"].as_array().unwrap();
        assert_eq!(slides.len(), first.events.len(), "{name}");

        // And in again: the same events, titles, dates and categories.
        let second = import(&dir.path().join("out.json"), &dir.path().join("second"));
        let summary = |d: &Dataset| -> Vec<(String, String, String)> {
            d.events
                .iter()
                .map(|e| {
                    let category = d
                        .category_of(e)
                        .map(|c| c.label.clone())
                        .unwrap_or_default();
                    (e.title.to_string(), e.date.iso(), category)
                })
                .collect()
        };
        let (before, after) = (summary(&first), summary(&second));
        assert_eq!(before.len(), after.len(), "{name}");
        for (b, a) in before.iter().zip(&after) {
            assert_eq!((&b.0, &b.1), (&a.0, &a.1), "{name}");
            // A unit of one category exports no groups, and comes back as
            // the import's own category for ungrouped slides.
            if first.categories.len() > 1 {
                assert_eq!(b.2, a.2, "{name}");
            }
        }
        // The title slide is the first import's title.
        assert_eq!(
            exported["title"]["text"]["headline"].as_str(),
            first.manifest.title.as_deref(),
            "{name}"
        );
    }
}

#[test]
fn the_bundled_timeline_exports_every_event_escaped_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.json");
    run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "timelinejs".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let dataset = Dataset::embedded().unwrap();
    let slides = exported["events"].as_array().unwrap();
    assert_eq!(slides.len(), dataset.events.len());
    for (event, slide) in dataset.events.iter().zip(slides) {
        let text = slide["text"]["text"].as_str().unwrap();
        let headline = slide["text"]["headline"].as_str().unwrap();
        for html in [text, headline] {
            // Only the exporter's own markup: every < opens a known tag.
            for tag in html.split('<').skip(1) {
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                assert!(
                    ["p", "em", "small", "a"].contains(&name.as_str()),
                    "{}: <{tag}",
                    event.id
                );
            }
        }
        for source in &event.sources {
            let title = &dataset.article(&source.article).unwrap().title;
            let title = title
                .replace('&', "&amp;")
                .replace('\'', "&#39;")
                .replace('"', "&quot;");
            assert!(text.contains(&title), "{}: {text}", event.id);
            assert!(text.contains(&source.paragraph.to_string()), "{}", event.id);
        }
    }
}
