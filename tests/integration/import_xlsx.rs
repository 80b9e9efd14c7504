//! `neutrality-reader import` on the TimelineJS sheet template saved as XLSX
//! (made from TimelineJS's own CSV with openpyxl, see the fixtures' README):
//! it imports as the CSV does; cells of every kind are read or reported with
//! their row; a workbook that is not one, unpacks to too much or has a
//! million rows is refused in words, quickly, without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use neutrality_reader::dataset::Dataset;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
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

/// Every file of the folder made, by name, with the source's name (which
/// the files' comments give) put as SOURCE.
fn files(dir: &Path, source_name: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for entry in ["articles/my-own-csv.ron", "events.ron", "organizations.ron"] {
        let body = fs::read_to_string(dir.join(entry)).unwrap();
        files.push((entry.to_owned(), body.replace(source_name, "SOURCE")));
    }
    files
}

#[test]
fn the_template_saved_as_xlsx_imports_as_the_csv_does() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, csv) = (dir.path().join("x"), dir.path().join("c"));
    let from_xlsx = import(&fixture("timelinejs/my-own-timeline.xlsx"), &xlsx);
    assert!(from_xlsx.status.success(), "{}", text(&from_xlsx.stderr));
    let from_csv = import(&fixture("timelinejs/my-own-timeline.csv"), &csv);
    assert!(from_csv.status.success());
    assert_eq!(
        files(&xlsx, "my-own-timeline.xlsx"),
        files(&csv, "my-own-timeline.csv")
    );
    let report = text(&from_xlsx.stdout);
    assert!(
        report.contains("10 events and 0 eras, cited from the article “my-own-csv” (25 blocks)"),
        "{report}"
    );
    // Rows as the spreadsheet numbers them; no CSV line is there to give.
    assert!(
        report.contains("my-own-timeline.xlsx: row 6: the media (https://www.google.com/maps"),
        "{report}"
    );
    assert_eq!(Dataset::load_dir(&xlsx).unwrap().events.len(), 10);
}

#[test]
fn numbers_text_and_dates_in_cells_are_read_or_reported_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    let output = import(&fixture("import/cell-kinds.xlsx"), &unit);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(
        report.contains("cell-kinds.xlsx: row 5: the Year cell holds a spreadsheet date (1965-03-04), not a number; it is not guessed at"),
        "{report}"
    );
    assert!(report.contains("cell-kinds.xlsx: row 5: no year; the row is left out"));
    assert!(report.contains("cell-kinds.xlsx: row 6: the time 10:30 (dates go to the day)"));
    let dataset = Dataset::load_dir(&unit).unwrap();
    let mut dates: Vec<String> = dataset.events.iter().map(|e| e.date.iso()).collect();
    dates.sort();
    // 1955.0 is the year 1955; "1960" typed as text, with " 5 " as its month.
    assert_eq!(dates, ["1955", "1960-05", "1970-12-12"]);
}

/// The fixture's workbook with its sheet replaced by `sheet` (written by
/// the closure, compressed), every other part copied as it is.
fn workbook_with_sheet(write_sheet: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let bytes = fs::read(fixture("import/cell-kinds.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).unwrap();
        if part.name().unwrap() == "xl/worksheets/sheet1.xml" {
            drop(part);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            out.start_file("xl/worksheets/sheet1.xml", options).unwrap();
            write_sheet(&mut out);
        } else {
            out.raw_copy_file(part).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

const SHEET_START: &str = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c><c r="B1" t="inlineStr"><is><t>Headline</t></is></c></row>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// Imports the workbook `bytes` and returns its exit code, what it said and
/// how long it took; the folder must not be made.
fn import_hostile(bytes: &[u8]) -> (Option<i32>, String, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("hostile.xlsx");
    fs::write(&source, bytes).unwrap();
    let start = Instant::now();
    let output = import(&source, &dir.path().join("unit"));
    let took = start.elapsed();
    assert!(!dir.path().join("unit").exists());
    assert!(output.stdout.is_empty());
    (output.status.code(), text(&output.stderr), took)
}

#[test]
fn a_million_rows_are_refused_after_the_first_ten_thousand() {
    let bytes = workbook_with_sheet(|out| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        let mut rows = String::new();
        for row in 2..=1_000_000u32 {
            rows.push_str(&format!(
                "<row r=\"{row}\"><c r=\"A{row}\"><v>1995</v></c></row>"
            ));
            if rows.len() > 1 << 20 {
                out.write_all(rows.as_bytes()).unwrap();
                rows.clear();
            }
        }
        out.write_all(rows.as_bytes()).unwrap();
        out.write_all(SHEET_END.as_bytes()).unwrap();
    });
    let (code, said, took) = import_hostile(&bytes);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("goes on past row 10000: more than 10000 rows, far more than a timeline has; nothing is read"),
        "{said}"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_unread() {
    // 300 MB of white space inside the sheet: a few hundred kilobytes packed.
    let bytes = workbook_with_sheet(|out| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..300 {
            out.write_all(&spaces).unwrap();
        }
        out.write_all(SHEET_END.as_bytes()).unwrap();
    });
    assert!(bytes.len() < 2 << 20, "{}", bytes.len());
    let (code, said, took) = import_hostile(&bytes);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("the workbook unpacks to 300 MB, more than the 100 MB a timeline's sheet could need; nothing is read"),
        "{said}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
}

/// Puts `size` as the unpacked size of the part `name` in both the local
/// header and the central directory of the zip `bytes`.
fn understate(bytes: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46 + name.len()) {
        let (name_at, size_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => (at + 30, at + 22),
            b"PK\x01\x02" => (at + 46, at + 24),
            _ => continue,
        };
        if &bytes[name_at..name_at + name.len()] == name.as_bytes() {
            bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "the local header and the directory entry");
}

#[test]
fn a_workbook_whose_directory_understates_a_part_is_refused_too() {
    // 150 MB of white space in the sheet, declared as 1000 bytes: it passes
    // the check of declared sizes, and must still not be read whole.
    let mut bytes = workbook_with_sheet(|out| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..150 {
            out.write_all(&spaces).unwrap();
        }
        out.write_all(SHEET_END.as_bytes()).unwrap();
    });
    understate(&mut bytes, "xl/worksheets/sheet1.xml", 1000);
    let (code, said, took) = import_hostile(&bytes);
    assert_eq!(code, Some(1), "{said}");
    // The zip crate stops at the part's declared end, so the declared sizes
    // bound what is read.
    assert!(
        said.contains("hostile.xlsx: its sheet “Sheet” cannot be read: ")
            && said.contains("File is larger than its declared uncompressed size"),
        "{said}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn what_is_not_a_workbook_is_refused_in_words() {
    // Bytes of no format, the same each run.
    let mut seed: u32 = 17;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 24) as u8
        })
        .collect();
    let (code, said, _) = import_hostile(&garbage);
    assert_eq!(code, Some(1));
    assert!(
        said.contains(
            "hostile.xlsx: not an XLSX workbook (an XLSX file is a zip archive, and this is not one"
        ),
        "{said}"
    );
    // A zip, but with no workbook in it.
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(b"not a workbook").unwrap();
    let bytes = out.finish().unwrap().into_inner();
    let (code, said, _) = import_hostile(&bytes);
    assert_eq!(code, Some(1));
    assert!(
        said.contains("hostile.xlsx: not a readable XLSX workbook: "),
        "{said}"
    );
}
