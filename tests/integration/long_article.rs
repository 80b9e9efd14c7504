//! An article of 100,000 paragraphs reads like a short one: only the
//! paragraphs near the screen are laid out (their number buttons are all the
//! AccessKit tree holds), End reaches the last paragraph, and a paragraph
//! jumped to far down is shown.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot write its unit should fail loudly"
)]

use std::fmt::Write as _;
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};

const PARAGRAPHS: usize = 100_000;

/// A starter unit whose article has `PARAGRAPHS` paragraphs.
fn long_unit() -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unit");
    neutrality_reader::dataset::starter::write_starter(&folder).unwrap();
    let mut body = String::new();
    for n in 1..=PARAGRAPHS {
        writeln!(body, "Paragraph(text: \"Paragraph {n}, a line of text.\"),").unwrap();
    }
    let article = format!(
        "Article(id: \"first-article\", title: \"A long article\", publisher: None, published: None, summary: \"Long.\", body: [{body}])"
    );
    std::fs::write(folder.join("articles").join("first-article.ron"), article).unwrap();
    let dataset = Dataset::load_dir(&folder).unwrap();
    (dir, dataset)
}

/// The paragraph numbers laid out this frame.
fn laid_out(harness: &Harness<'static, ReaderApp>) -> Vec<usize> {
    harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|l| {
            l.strip_prefix("Paragraph ")?
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

fn app(dataset: Dataset, paragraph: Option<u32>) -> Harness<'static, ReaderApp> {
    let data = Arc::new(dataset);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None);
            app.open("first-article", paragraph);
            app
        });
    harness.run();
    harness
}

#[test]
fn a_hundred_thousand_paragraphs_lay_out_only_those_near_the_screen() {
    let (_dir, dataset) = long_unit();
    let mut harness = app(dataset.clone(), None);
    let first = laid_out(&harness);
    assert!(
        first.contains(&1),
        "the first paragraph is shown: {first:?}"
    );
    assert!(first.len() < 200, "{} paragraphs laid out", first.len());
    // End goes to the last paragraph.
    harness.key_press(egui::Key::End);
    for _ in 0..5 {
        harness.run();
    }
    let end = laid_out(&harness);
    assert!(
        end.contains(&PARAGRAPHS),
        "the last paragraph is reached: {:?}",
        end.iter().max()
    );
    assert!(end.len() < 200, "{} paragraphs laid out", end.len());
    // A paragraph far down, jumped to, is shown.
    let harness = app(dataset, Some(77_777));
    let jumped = laid_out(&harness);
    assert!(jumped.contains(&77_777), "{:?}", jumped.first());
    assert!(jumped.len() < 200);
}

/// A starter unit whose article is one paragraph of about 7 MB, sentence
/// after numbered sentence, ending with "The very last sentence."
fn one_huge_paragraph() -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unit");
    neutrality_reader::dataset::starter::write_starter(&folder).unwrap();
    let mut text = String::with_capacity(7_400_000);
    let mut n = 0;
    while text.len() < 7_000_000 {
        n += 1;
        write!(text, "Sentence {n} of a very long paragraph, in words. ").unwrap();
    }
    text.push_str("The very last sentence.");
    let article = format!(
        "Article(id: \"first-article\", title: \"One huge paragraph\", publisher: None, published: None, summary: \"Long.\", body: [Paragraph(text: \"{text}\")])"
    );
    std::fs::write(folder.join("articles").join("first-article.ron"), article).unwrap();
    let dataset = Dataset::load_dir(&folder).unwrap();
    (dir, dataset)
}

/// The texts of the labels laid out this frame.
fn label_texts(harness: &Harness<'static, ReaderApp>) -> Vec<String> {
    harness
        .query_all_by_role(Role::Label)
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value()).map(|t| t.to_string())
        })
        .collect()
}

/// How many bytes of text the AccessKit tree holds this frame.
fn text_laid_out(harness: &Harness<'static, ReaderApp>) -> usize {
    label_texts(harness).iter().map(String::len).sum()
}

fn shows(harness: &Harness<'static, ReaderApp>, text: &str) -> bool {
    label_texts(harness).iter().any(|l| l.contains(text))
}

#[test]
fn a_paragraph_of_seven_megabytes_lays_out_only_what_is_near_the_screen() {
    let (_dir, dataset) = one_huge_paragraph();
    let mut harness = app(dataset, None);
    assert!(shows(&harness, "Sentence 1 of a very long paragraph"));
    // Before, the whole paragraph was one label of 7 MB.
    let laid = text_laid_out(&harness);
    assert!(laid < 200_000, "{laid} characters laid out");
    harness.key_press(egui::Key::End);
    for _ in 0..8 {
        harness.run();
    }
    assert!(
        shows(&harness, "The very last sentence."),
        "End does not reach the end"
    );
    let laid = text_laid_out(&harness);
    assert!(laid < 200_000, "{laid} characters laid out at the end");
}
