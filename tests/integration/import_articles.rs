//! `neutrality-reader import FILE DIR` and `import FILE --into UNIT` on
//! article files: real articles (two of the seeds the bundled data is made
//! from, as text, Markdown and HTML: tests/fixtures/import/, see its README)
//! import into units that load, with the paragraphs of the bundled article;
//! hostile files are refused in words, without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::{Article, Block};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .arg("import")
        .args(args)
        .output()
        .unwrap()
}

fn import(source: &Path, dir: &Path) -> Output {
    run(&[source.as_os_str(), dir.as_os_str()])
}

fn import_into(source: &Path, unit: &Path) -> Output {
    run(&[source.as_os_str(), "--into".as_ref(), unit.as_os_str()])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The bundled article `id`.
fn bundled(id: &str) -> Article {
    let dataset = Dataset::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
    dataset.articles.into_iter().find(|a| a.id == id).unwrap()
}

/// Imports `name` into a new folder, which must load; its one article.
fn imported(name: &str) -> (Article, String) {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    let output = import(&fixture(name), &unit);
    assert!(output.status.success(), "{name}: {}", text(&output.stderr));
    let dataset = Dataset::load_dir(&unit).unwrap();
    assert_eq!(dataset.articles.len(), 1);
    assert!(dataset.events.is_empty());
    (
        dataset.articles.into_iter().next().unwrap(),
        text(&output.stdout),
    )
}

fn texts(article: &Article) -> Vec<String> {
    article.body.iter().map(Block::text).collect()
}

#[test]
fn a_seed_article_as_text_markdown_or_html_gives_the_bundled_paragraphs() {
    let bundled = bundled("cooperation-international-organizations");
    for name in ["cooperation.txt", "cooperation.md", "cooperation.html"] {
        let (article, report) = imported(name);
        assert_eq!(article.title, bundled.title, "{name}");
        assert_eq!(
            article.id,
            "cooperation-of-turkmenistan-with-international-organizations-is-strengthened"
        );
        assert!(
            article
                .body
                .iter()
                .all(|b| matches!(b, Block::Paragraph { .. })),
            "{name}"
        );
        assert_eq!(article.body.len(), 15, "{name}");
        // Each paragraph is as the bundled article has it, but for those the
        // bundled one corrects (an editor's note says what, e.g. a stray
        // quotation mark taken out, "[ECO]" put for "UN").
        let ours = texts(&article);
        let mut corrected = Vec::new();
        for (index, block) in bundled.body.iter().enumerate() {
            if block.note().is_none() {
                assert_eq!(ours[index], block.text(), "{name}: paragraph {}", index + 1);
            } else if ours[index] != block.text() {
                corrected.push(index + 1);
            }
        }
        assert!(corrected.len() <= 3, "{name}: {corrected:?}");
        assert_eq!(
            ours[0].replace("areas”,", "areas,"),
            bundled.body[0].text(),
            "{name}: paragraph 1"
        );
        // The page's byline and comment form (outside <article>) are not read.
        assert!(!ours.iter().any(|p| p.contains("comment")), "{name}");
        assert!(report.contains("15 blocks (15 paragraphs)"), "{report}");
        assert!(report.contains("Everything was carried over."), "{report}");
    }
}

#[test]
fn an_html_page_gives_its_date_and_its_name_stands_in_for_a_missing_title() {
    let (article, report) = imported("ashgabat-conference.html");
    let bundled = bundled("ashgabat-conference-2024");
    assert_eq!(
        article.published.map(|w| w.iso()).as_deref(),
        Some("2024-12-11")
    );
    assert_eq!(article.title, "ashgabat-conference");
    assert!(
        report.contains("ashgabat-conference.html: the title: the file gives none"),
        "{report}"
    );
    let ours = texts(&article);
    // The dateline is the page's first paragraph, then the article's ten.
    assert_eq!(ours[0], "date 2024-12-11");
    assert_eq!(ours.len(), 11);
    let theirs = texts(&bundled);
    for number in 1..=9 {
        assert_eq!(ours[number], theirs[number - 1], "paragraph {number}");
    }
    // The bundled article leaves out the credit glued to the last paragraph.
    assert!(ours[10].starts_with(&theirs[9]));
}

#[test]
fn headings_lists_and_quotes_are_numbered_as_the_reader_numbers_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("lesson.md");
    fs::write(
        &source,
        "---\ntitle: A lesson\ndate: 1995-12-12\n---\n\nOpening paragraph.\n\n## Part one\n\n- first item\n- second item\n\n> A quotation.\n\n![Map](map.png)\n\nClosing paragraph.\n",
    )
    .unwrap();
    let unit = dir.path().join("unit");
    let output = import(&source, &unit);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(
        report.contains("lesson.md: line 15: an image (map.png) is not carried over"),
        "{report}"
    );
    let article = &Dataset::load_dir(&unit).unwrap().articles[0];
    assert_eq!(article.title, "A lesson");
    assert_eq!(
        article.published.as_ref().map(|w| w.iso()).as_deref(),
        Some("1995-12-12")
    );
    let kinds: Vec<(u32, &str, String)> = (1..=5)
        .map(|n| {
            let block = article.paragraph(n).unwrap();
            (n, block.kind_name(), block.text())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "paragraph", "Opening paragraph.".to_owned()),
            (2, "heading", "Part one".to_owned()),
            (3, "list", "first item\nsecond item".to_owned()),
            (4, "quote", "A quotation.".to_owned()),
            (5, "paragraph", "Closing paragraph.".to_owned()),
        ]
    );
    assert!(article.paragraph(6).is_none());
    // The file numbers its blocks in comments as the reader does.
    let written = fs::read_to_string(unit.join("articles/a-lesson.ron")).unwrap();
    assert!(
        written.contains("        // 4\n        Quote(text: \"A quotation.\"),"),
        "{written}"
    );
}

#[test]
fn into_adds_an_article_to_a_unit_and_refuses_an_id_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    assert!(import(&fixture("cooperation.md"), &unit).status.success());
    // The plain form still refuses a folder with files.
    let refused = import(&fixture("ashgabat-conference.html"), &unit);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("already has files in it"));
    let added = import_into(&fixture("ashgabat-conference.html"), &unit);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(
        text(&added.stdout).contains("added to the unit"),
        "{}",
        text(&added.stdout)
    );
    let dataset = Dataset::load_dir(&unit).unwrap();
    let mut ids: Vec<&str> = dataset.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "ashgabat-conference",
            "cooperation-of-turkmenistan-with-international-organizations-is-strengthened"
        ]
    );
    // Again: the id is taken, and nothing is written over.
    let before = fs::read_to_string(unit.join("articles/ashgabat-conference.ron")).unwrap();
    let again = import_into(&fixture("ashgabat-conference.html"), &unit);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already has an article with the id “ashgabat-conference”"),
        "{}",
        text(&again.stderr)
    );
    let after = fs::read_to_string(unit.join("articles/ashgabat-conference.ron")).unwrap();
    assert_eq!(before, after);
    let files = fs::read_dir(unit.join("articles")).unwrap().count();
    assert_eq!(files, 2);
    // A timeline makes a unit of its own.
    let timeline =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/timelinejs/eras.json");
    let refused = import_into(&timeline, &unit);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("`--into` adds an article"));
}

#[test]
fn into_a_folder_that_is_not_a_unit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = import_into(&fixture("cooperation.txt"), dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("does not load as a unit now, so nothing is added to it"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Imports the file `name` with `bytes`; it must be refused (exit 1, not a
/// panic's 101) within `limit`, saying `expected`, and make no folder.
fn refused(name: &str, bytes: &[u8], expected: &str, limit: Duration) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join(name);
    fs::write(&source, bytes).unwrap();
    let start = Instant::now();
    let output = import(&source, &dir.path().join("unit"));
    let took = start.elapsed();
    let said = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{name}: {said}");
    assert!(said.contains(expected), "{name}: {said}");
    assert!(took < limit, "{name}: {took:?}");
    assert!(!dir.path().join("unit").exists());
}

#[test]
fn hostile_files_are_refused_in_words() {
    let png = [
        0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 13, b'I', b'H',
    ];
    refused(
        "photo.txt",
        &png,
        "photo.txt is not UTF-8 text (byte 0 is not)",
        Duration::from_secs(5),
    );
    refused(
        "nul.md",
        b"# Title\n\nText\0with a NUL.\n",
        "nul.md is not text: it holds a NUL character at byte 13",
        Duration::from_secs(5),
    );
    refused(
        "windows.html",
        b"<p>Caf\xe9</p>",
        "windows.html is not UTF-8 text (byte 6 is not)",
        Duration::from_secs(5),
    );
    let big = "A paragraph of text.\n".repeat(50 * 1024 * 1024 / 21);
    refused(
        "big.txt",
        big.as_bytes(),
        "big.txt is 49 MB, more than the 20 MB `import` reads",
        Duration::from_secs(5),
    );
    refused(
        "empty.html",
        b"<html><body><img src=\"a.png\"></body></html>",
        "empty.html has no paragraph of text to import",
        Duration::from_secs(5),
    );
}

#[test]
fn a_page_nested_a_hundred_thousand_deep_is_refused_quickly() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>At the bottom.</p>{}</body></html>",
        "<div><blockquote>".repeat(depth / 2),
        "</blockquote></div>".repeat(depth / 2)
    );
    refused(
        "deep.html",
        page.as_bytes(),
        "deep.html nests its elements more than 512 deep (a web page nests 20 to 50), so it is not read",
        Duration::from_secs(5),
    );
    // Three hundred deep, beyond any real page but within the bound, is read.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("deep.html");
    let page = format!(
        "<html><body>{}<p>At the bottom.</p>{}</body></html>",
        "<div><blockquote>".repeat(150),
        "</blockquote></div>".repeat(150)
    );
    fs::write(&source, page).unwrap();
    let output = import(&source, &dir.path().join("unit"));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let dataset = Dataset::load_dir(&dir.path().join("unit")).unwrap();
    assert_eq!(texts(&dataset.articles[0]), ["At the bottom."]);
    assert_eq!(dataset.articles[0].body[0].kind_name(), "quote");
}
