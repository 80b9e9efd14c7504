//! The printed worksheet through pandoc, as a teacher turns it into a PDF:
//! the answer key starts a new page whether pandoc goes through LaTeX (the
//! default PDF engine) or HTML. Pandoc's LaTeX and HTML outputs are read
//! back, since a PDF is not. CI installs pandoc (.ci/run); elsewhere the
//! test says it skipped, unless NEUTRALITY_READER_NEED_PANDOC is set.

use std::io::Write as _;
use std::process::{Command, Stdio};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::{QuizOptions, generate, worksheet};

/// The worksheet converted by pandoc to `format`, or `None` without pandoc.
fn pandoc(markdown: &str, format: &str) -> Option<String> {
    let child = Command::new("pandoc")
        .args(["--from", "markdown", "--to", format])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(
            std::env::var_os("NEUTRALITY_READER_NEED_PANDOC").is_none(),
            "pandoc is needed but not installed"
        );
        eprintln!("pandoc is not installed: the worksheet's page break is not checked");
        return None;
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(markdown.as_bytes()).ok()?;
    }
    let output = child.wait_with_output().ok()?;
    assert!(output.status.success(), "pandoc --to {format} failed");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn sheet() -> String {
    let dataset = match Dataset::embedded() {
        Ok(dataset) => dataset,
        Err(error) => panic!("the bundled dataset does not load: {error}"),
    };
    let options = QuizOptions {
        seed: 3,
        count: 12,
        ..QuizOptions::default()
    };
    worksheet::to_markdown(&generate(&dataset, &options), &dataset)
}

#[test]
fn the_answer_key_starts_a_page_in_latex() {
    let Some(latex) = pandoc(&sheet(), "latex") else {
        return;
    };
    let key = latex.find("Answer key").expect("the key's heading");
    let page = latex.rfind("\\newpage").expect("a \\newpage");
    let last_question = latex.find("\\textbf{12.}").expect("question 12");
    assert!(last_question < page && page < key, "{latex}");
}

#[test]
fn the_answer_key_starts_a_page_in_html() {
    let Some(html) = pandoc(&sheet(), "html") else {
        return;
    };
    let key = html.find("Answer key").expect("the key's heading");
    let page = html
        .find("page-break-before: always")
        .expect("an HTML page break");
    assert!(page < key, "{html}");
    // And the LaTeX one is not left in the HTML as text.
    assert!(!html.contains("newpage"), "{html}");
}
