//! The quiz out to the apps a class uses (issue 18): an Anki deck, Kahoot's
//! spreadsheet and the PDF worksheet, over 200 seeds of the bundled dataset
//! and 50 of the example unit: every question in the deck with its fields,
//! in the sheet within Kahoot's limits or left out with a sentence, and in
//! both versions of the PDF with its key, no line leaving the margins.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read as _;
use std::path::Path;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::export::{
    ExportSettings, Exported, Paper, QuizExportFormat, anki, export_with, kahoot, pdf,
};
use neutrality_reader::quiz::{Quiz, QuizOptions, generate};

fn bundled() -> Dataset {
    Dataset::embedded().unwrap()
}

fn example() -> Dataset {
    Dataset::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un"))
        .unwrap()
}

fn quiz(dataset: &Dataset, seed: u64) -> Quiz {
    generate(
        dataset,
        &QuizOptions {
            seed,
            count: 20,
            ..Default::default()
        },
    )
}

/// The quizzes of the property tests: 200 seeds of the bundled unit, 50 of the example.
fn quizzes() -> Vec<(Dataset, Vec<Quiz>)> {
    let bundled = bundled();
    let example = example();
    let a = (0..200).map(|seed| quiz(&bundled, seed)).collect();
    let b = (0..50).map(|seed| quiz(&example, seed)).collect();
    vec![(bundled, a), (example, b)]
}

/// The collection inside an .apkg, opened from a temporary file.
fn collection(bytes: &[u8]) -> (tempfile::NamedTempFile, rusqlite::Connection) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert!(archive.by_name("media").is_ok(), "the media list is there");
    let mut db = Vec::new();
    archive
        .by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut db)
        .unwrap();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), db).unwrap();
    let connection = rusqlite::Connection::open(file.path()).unwrap();
    (file, connection)
}

#[test]
fn every_question_is_a_note_with_its_fields_and_stable_ids() {
    for (dataset, quizzes) in quizzes() {
        let unit = anki::deck_name(&dataset);
        for quiz in &quizzes {
            let bytes = anki::to_apkg_at(quiz, &dataset, 1_760_000_000).unwrap();
            let (_file, db) = collection(&bytes);
            let count: i64 = db
                .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
                .unwrap();
            assert_eq!(usize::try_from(count).unwrap(), quiz.questions.len());
            for question in &quiz.questions {
                let guid = anki::note_guid(&unit, &question.id);
                let (id, flds): (i64, String) = db
                    .query_row("SELECT id, flds FROM notes WHERE guid = ?1", [&guid], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .unwrap();
                assert_eq!(id, anki::note_id(&guid), "the note id follows the guid");
                let fields: Vec<String> = flds
                    .split(anki::FIELD_SEPARATOR)
                    .map(anki::strip_html)
                    .collect();
                assert_eq!(fields[0], question.prompt);
                for option in &question.options {
                    assert!(fields[1].contains(option.as_str()), "{option}");
                }
                for &i in &question.answer {
                    assert!(fields[2].contains(question.options[i].as_str()));
                }
                assert_eq!(fields[3], question.explanation.replace('\n', ""));
                for source in &question.sources {
                    assert!(fields[4].contains(&format!("¶{}", source.paragraph)));
                }
                assert_eq!(fields[5], question.id);
                let cards: i64 = db
                    .query_row("SELECT count(*) FROM cards WHERE nid = ?1", [id], |r| {
                        r.get(0)
                    })
                    .unwrap();
                assert_eq!(cards, 1);
            }
        }
    }
}

#[test]
fn every_question_is_in_the_kahoot_sheet_or_said_to_be_left_out() {
    let (mut rows, mut left) = (0, 0);
    for (_dataset, quizzes) in quizzes() {
        for quiz in &quizzes {
            let (made, notes) = kahoot::kahoot_questions(quiz);
            let left_out = notes.iter().filter(|n| n.contains(" left out: ")).count();
            assert_eq!(made.len() + left_out, quiz.questions.len(), "{notes:?}");
            let mut kept = quiz
                .questions
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    !notes
                        .iter()
                        .any(|n| n.starts_with(&format!("question {} left out", i + 1)))
                })
                .map(|(_, q)| q);
            for row in &made {
                let question = kept.next().unwrap();
                assert!(
                    row.question.chars().count() <= kahoot::MAX_QUESTION,
                    "{row:?}"
                );
                assert!((2..=4).contains(&row.answers.len()));
                assert!(
                    row.answers
                        .iter()
                        .all(|a| a.chars().count() <= kahoot::MAX_ANSWER)
                );
                assert!(kahoot::TIME_LIMITS.contains(&row.time_limit));
                assert!((1..=row.answers.len()).contains(&row.correct));
                let right = question.answer_text();
                assert!(
                    right.starts_with(row.answers[row.correct - 1].as_str()),
                    "{row:?}"
                );
                if question.prompt.chars().count() <= kahoot::MAX_QUESTION {
                    assert_eq!(row.question, question.prompt);
                }
            }
            rows += made.len();
            left += left_out;
        }
    }
    // Most questions fit (about two in three): the glossary's definitions
    // and the long role titles are what Kahoot cannot hold.
    assert!(rows > left, "{rows} in the sheets, {left} left out");
}

#[test]
fn the_kahoot_file_reads_back_as_the_template() {
    use calamine::{Data, Reader, Xlsx};
    let dataset = bundled();
    for seed in 0..10 {
        let quiz = quiz(&dataset, seed);
        let report = export_with(
            &quiz,
            &dataset,
            QuizExportFormat::Kahoot,
            ExportSettings::default(),
        )
        .unwrap();
        let Exported::File(bytes) = report.exported else {
            panic!("a file")
        };
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let cell = |row: u32, col: u32| match sheet.get_value((row, col)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            _ => String::new(),
        };
        assert_eq!(cell(1, 1), "Quiz template");
        for (i, heading) in kahoot::HEADINGS.iter().enumerate() {
            assert_eq!(cell(kahoot::HEADING_ROW, 1 + i as u32), *heading);
        }
        let (made, _) = kahoot::kahoot_questions(&quiz);
        for (i, row) in made.iter().enumerate() {
            let r = kahoot::HEADING_ROW + 1 + i as u32;
            assert_eq!(cell(r, 0), (i + 1).to_string());
            assert_eq!(cell(r, 1), row.question);
            assert_eq!(cell(r, 7), row.correct.to_string());
        }
        assert!(report.notes.iter().all(|n| !n.is_empty()));
    }
}

/// A page's text, its lines joined with spaces and runs of spaces made one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_question_option_and_key_is_in_both_versions_within_the_margins() {
    let measure = pdf::noto_measure().unwrap();
    for (dataset, quizzes) in quizzes() {
        for quiz in &quizzes {
            for paper in [Paper::A4, Paper::Letter] {
                let frame = pdf::frame(paper);
                let pages = pdf::lay_out(quiz, &dataset, paper, &measure);
                for line in pages.iter().flat_map(|p| &p.lines) {
                    assert!(line.x >= frame.margin - 0.01, "{line:?}");
                    assert!(line.x + line.width <= frame.width - frame.margin + 0.01);
                    assert!(line.baseline <= frame.height - frame.margin + 0.01);
                }
                let text = flat(
                    &pages
                        .iter()
                        .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                let key_a = text.find("Answer key, version A").unwrap();
                let (sheets, keys) = text.split_at(key_a);
                let b = sheets.find("Version B").unwrap();
                let (sheet_a, sheet_b) = sheets.split_at(b);
                for question in &quiz.questions {
                    for sheet in [sheet_a, sheet_b] {
                        assert!(
                            sheet.contains(&flat(&question.prompt)),
                            "{}",
                            question.prompt
                        );
                        for option in &question.options {
                            assert!(sheet.contains(&flat(option)), "{option}");
                        }
                    }
                    // In both keys: once a version.
                    let answer = flat(question.answer_text());
                    assert!(keys.matches(&answer).count() >= 2, "{answer}");
                }
                assert!(keys.contains("Answer key, version B"));
            }
        }
    }
}

#[test]
fn the_pdf_is_a4_or_letter_with_its_fonts_embedded() {
    let dataset = bundled();
    for (seed, paper, size) in [
        (1, Paper::A4, "/MediaBox[0 0 595.28 841.89]"),
        (2, Paper::Letter, "/MediaBox[0 0 612 792]"),
    ] {
        let quiz = quiz(&dataset, seed);
        let bytes = pdf::to_pdf(&quiz, &dataset, paper).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF-"));
        assert!(text.contains(size), "{paper:?}");
        assert!(
            text.matches("/FontFile2").count() >= 2,
            "both faces embedded"
        );
    }
}

/// `neutrality-reader quiz ARGS`: exit code and stderr.
fn run_quiz(args: &[&str]) -> (i32, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_neutrality-reader"))
        .arg("quiz")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_writes_each_file_and_says_what_kahoot_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    for format in ["anki", "kahoot", "pdf"] {
        let (code, err) = run_quiz(&["--format", format]);
        assert_eq!(code, 2, "{format}: {err}");
        assert!(err.contains("name it with -o FILE"), "{err}");
    }
    let (code, err) = run_quiz(&[
        "--seed",
        "1",
        "--count",
        "20",
        "--format",
        "kahoot",
        "-o",
        &path("k.xlsx"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("neutrality-reader quiz: question ") && err.contains(" left out: "),
        "{err}"
    );
    assert!(
        err.contains("Kahoot takes 75") || err.contains("over Kahoot's 120"),
        "{err}"
    );
    let (code, err) = run_quiz(&["--format", "anki", "-o", &path("d.apkg")]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, err) = run_quiz(&["--format", "pdf", "--paper", "letter", "-o", &path("w.pdf")]);
    assert_eq!((code, err.as_str()), (0, ""));
    let pdf = std::fs::read(path("w.pdf")).unwrap();
    assert!(String::from_utf8_lossy(&pdf).contains("/MediaBox[0 0 612 792]"));
    let (code, err) = run_quiz(&["--format", "pdf", "--paper", "a5", "-o", &path("x.pdf")]);
    assert_eq!(code, 2);
    assert!(err.contains("possible values: a4, letter"), "{err}");
}
