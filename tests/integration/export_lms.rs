//! The LMS and flash-card exports (issue 18) over many quizzes: 200 seeds of
//! the bundled dataset and 50 of the example unit, 20 questions each. Every
//! question is in every format, read back by a reader independent of the
//! writer (a small GIFT reader here; roxmltree for the XML; the zip crate
//! for the QTI package), with its right answer flagged and its feedback.
//! A quiz of hostile texts checks that escaping round-trips.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Read};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::Source;
use neutrality_reader::quiz::export::{feedback, gift, moodle_xml, qti, quizlet};
use neutrality_reader::quiz::{
    Footprint, Question, QuestionKind, Quiz, QuizOptions, Topic, generate,
};

fn bundled() -> Dataset {
    Dataset::embedded().expect("the bundled dataset loads")
}

fn example() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
    Dataset::load_dir(&dir).expect("the example unit loads")
}

/// The quizzes of the property tests, with their dataset.
fn quizzes() -> Vec<(Quiz, Dataset)> {
    let mut all = Vec::new();
    for (dataset, seeds) in [(bundled(), 0..200), (example(), 0..50)] {
        for seed in seeds {
            let options = QuizOptions {
                seed,
                count: 20,
                ..Default::default()
            };
            all.push((generate(&dataset, &options), dataset.clone()));
        }
    }
    all
}

// ---------------------------------------------------------------- GIFT reader

/// GIFT text read back: `\x` is `x`, `\n` a line break. Panics on a special
/// character left bare, which a GIFT reader would take for syntax.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(next) => out.push(next),
                None => panic!("a lone backslash ends {text:?}"),
            },
            '~' | '=' | '#' | '{' | '}' | ':' => panic!("a bare {c:?} in {text:?}"),
            c => out.push(c),
        }
    }
    out
}

/// `text` cut at its first unescaped `mark`.
fn split_unescaped<'a>(text: &'a str, mark: &str) -> (&'a str, Option<&'a str>) {
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if text[i..].starts_with(mark) {
            return (&text[..i], Some(&text[i + mark.len()..]));
        }
    }
    (text, None)
}

/// One GIFT question as read: name, prompt, answers (mark, text, feedback)
/// and general feedback, all unescaped.
#[derive(Debug, Default)]
struct GiftQuestion {
    category: String,
    name: String,
    prompt: String,
    answers: Vec<(char, String, Option<String>)>,
    general: String,
}

fn read_gift(text: &str) -> Vec<GiftQuestion> {
    let mut category = String::new();
    let mut read = Vec::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if block.starts_with("//") {
            assert!(block.lines().all(|l| l.starts_with("//")), "{block}");
            continue;
        }
        if let Some(path) = block.strip_prefix("$CATEGORY: ") {
            assert!(!path.contains('\n'), "{block}");
            category = path.to_owned();
            continue;
        }
        let mut lines = block.lines();
        let head = lines.next().unwrap();
        let head = head.strip_prefix("::").expect("a named question");
        let (name, rest) = split_unescaped(head, "::");
        let rest = rest.expect("the name ends");
        let prompt = rest
            .strip_prefix("[plain]")
            .and_then(|p| p.strip_suffix(" {"))
            .expect("[plain]prompt {");
        let mut question = GiftQuestion {
            category: category.clone(),
            name: unescape(name),
            prompt: unescape(prompt),
            ..Default::default()
        };
        for line in lines {
            if line == "}" {
                continue;
            }
            let line = line.strip_prefix('\t').expect("answers are indented");
            if let Some(general) = line.strip_prefix("####") {
                question.general = unescape(general);
                continue;
            }
            let mark = line.chars().next().unwrap();
            assert!(mark == '=' || mark == '~', "{line}");
            let (answer, said) = split_unescaped(&line[1..], "#");
            question
                .answers
                .push((mark, answer.to_owned(), said.map(unescape)));
        }
        read.push(question);
    }
    read
}

/// The right option's text (or the right order) of `question`.
fn right(question: &Question) -> Vec<String> {
    question
        .answer
        .iter()
        .map(|&i| question.options[i].clone())
        .collect()
}

/// An answer's text as GIFT writes it: "->" would make it matching.
fn in_answers(text: &str) -> String {
    text.replace("->", "→")
}

fn check_gift(quiz: &Quiz, dataset: &Dataset) {
    let text = gift::to_gift(quiz, dataset);
    let read = read_gift(&text);
    assert_eq!(read.len(), quiz.questions.len());
    for question in &quiz.questions {
        let got = read
            .iter()
            .find(|g| g.name == question.id)
            .unwrap_or_else(|| panic!("{} missing", question.id));
        assert_eq!(got.prompt, question.prompt);
        assert_eq!(got.general, feedback::general_feedback(dataset, question));
        assert_eq!(
            got.category,
            feedback::category_path(dataset, question.topic).replace('\\', "∖")
        );
        if question.kind.is_ordering() {
            let pairs: Vec<String> = got
                .answers
                .iter()
                .map(|(mark, text, _)| {
                    assert_eq!(*mark, '=');
                    let (_, item) = split_unescaped(text, " -> ");
                    unescape(item.expect("position -> item"))
                })
                .collect();
            assert_eq!(pairs, right(question), "{}", question.id);
        } else if question.kind == QuestionKind::Cloze {
            assert_eq!(got.answers.len(), 1);
            assert_eq!(
                unescape(&got.answers[0].1),
                in_answers(question.answer_text())
            );
        } else {
            let options: Vec<String> = got.answers.iter().map(|a| unescape(&a.1)).collect();
            let want: Vec<String> = question.options.iter().map(|o| in_answers(o)).collect();
            assert_eq!(options, want, "{}", question.id);
            let flagged: Vec<String> = got
                .answers
                .iter()
                .filter(|a| a.0 == '=')
                .map(|a| unescape(&a.1))
                .collect();
            let want: Vec<String> = right(question).iter().map(|o| in_answers(o)).collect();
            assert_eq!(flagged, want, "{}", question.id);
            assert!(got.answers.iter().all(|a| a.2.is_some()), "{}", question.id);
        }
    }
}

// ----------------------------------------------------------------- XML readers

/// What a browser shows of our HTML: the entities read, the tags dropped.
fn html_text(markup: &str) -> String {
    let text = markup
        .replace("<br>", "\n")
        .replace("</p><p>", "\n\n")
        .replace("<p>", "")
        .replace("</p>", "")
        .replace("<div>", "")
        .replace("</div>", "");
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|n| n.has_tag_name(name))
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

fn text_of(node: roxmltree::Node, name: &str) -> String {
    child(child(node, name), "text")
        .text()
        .unwrap_or_default()
        .to_owned()
}

fn check_moodle_xml(quiz: &Quiz, dataset: &Dataset) {
    let xml = moodle_xml::to_moodle_xml(quiz, dataset).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let questions: Vec<_> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("question") && n.attribute("type") != Some("category"))
        .collect();
    assert_eq!(questions.len(), quiz.questions.len());
    for question in &quiz.questions {
        let got = *questions
            .iter()
            .find(|n| text_of(**n, "name") == question.id)
            .unwrap_or_else(|| panic!("{} missing", question.id));
        assert_eq!(html_text(&text_of(got, "questiontext")), question.prompt);
        assert_eq!(
            html_text(&text_of(got, "generalfeedback")),
            feedback::general_feedback(dataset, question)
        );
        let answers: Vec<_> = got
            .children()
            .filter(|n| n.has_tag_name("answer"))
            .collect();
        let texts: Vec<String> = answers
            .iter()
            .map(|a| html_text(child(*a, "text").text().unwrap_or_default()))
            .collect();
        match got.attribute("type") {
            Some("ordering") => {
                assert!(question.kind.is_ordering());
                assert_eq!(texts, right(question));
            }
            Some("shortanswer") => {
                assert_eq!(question.kind, QuestionKind::Cloze);
                let plain = child(answers[0], "text").text().unwrap_or_default();
                assert_eq!(plain, question.answer_text());
                assert_eq!(answers[0].attribute("fraction"), Some("100"));
            }
            Some("multichoice") => {
                assert_eq!(texts, question.options);
                let flagged: Vec<String> = answers
                    .iter()
                    .zip(&texts)
                    .filter(|(a, _)| a.attribute("fraction") == Some("100"))
                    .map(|(_, t)| t.clone())
                    .collect();
                assert_eq!(flagged, right(question), "{}", question.id);
            }
            other => panic!("{other:?}"),
        }
    }
}

fn check_qti(quiz: &Quiz, dataset: &Dataset) {
    let bytes = qti::to_qti_zip(quiz, dataset).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let name = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .find(|n| n.ends_with(".xml") && n.contains('/') && !n.ends_with("assessment_meta.xml"))
        .expect("the assessment");
    let mut xml = String::new();
    archive
        .by_name(&name)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let items: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .collect();
    assert_eq!(items.len(), quiz.questions.len());
    for question in &quiz.questions {
        let item = *items
            .iter()
            .find(|n| n.attribute("title") == Some(question.id.as_str()))
            .unwrap_or_else(|| panic!("{} missing", question.id));
        let label_text = |ident: &str| -> String {
            let label = item
                .descendants()
                .find(|n| n.has_tag_name("response_label") && n.attribute("ident") == Some(ident))
                .unwrap();
            let mattext = label
                .descendants()
                .find(|n| n.has_tag_name("mattext"))
                .unwrap();
            mattext.text().unwrap_or_default().to_owned()
        };
        let scored: Vec<(String, String)> = item
            .descendants()
            .filter(|n| n.has_tag_name("respcondition"))
            .filter_map(|c| {
                let equal = c.descendants().find(|n| n.has_tag_name("varequal"))?;
                let set = c.children().find(|n| n.has_tag_name("setvar"))?;
                Some((
                    label_text(equal.text().unwrap_or_default()),
                    set.text().unwrap_or_default().to_owned(),
                ))
            })
            .collect();
        if question.kind.is_ordering() {
            let order: Vec<String> = scored.iter().map(|s| s.0.clone()).collect();
            assert_eq!(order, right(question));
            let total: f64 = scored.iter().map(|s| s.1.parse::<f64>().unwrap()).sum();
            assert!((total - 100.0).abs() < 0.05, "{total}");
        } else {
            assert_eq!(
                scored,
                vec![(question.answer_text().to_owned(), "100".to_owned())]
            );
        }
        let general = item
            .descendants()
            .find(|n| n.has_tag_name("itemfeedback"))
            .and_then(|f| f.descendants().find(|n| n.has_tag_name("mattext")))
            .and_then(|m| m.text())
            .unwrap_or_default();
        assert_eq!(
            html_text(general),
            feedback::general_feedback(dataset, question)
        );
    }
}

fn check_quizlet(quiz: &Quiz) {
    let text = quizlet::to_quizlet(quiz);
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines.len(), quiz.questions.len());
    for (line, question) in lines.iter().zip(&quiz.questions) {
        let (term, definition) = line.split_once('\t').expect("term TAB definition");
        assert!(!definition.contains('\t') && !term.is_empty());
        let want = if question.kind.is_ordering() {
            right(question)
                .iter()
                .map(|o| quizlet::one_field(o))
                .collect::<Vec<_>>()
                .join(" → ")
        } else {
            quizlet::one_field(question.answer_text())
        };
        assert_eq!(definition, want, "{}", question.id);
    }
}

#[test]
fn every_question_of_every_quiz_is_in_every_format_with_its_answer() {
    let mut kinds = std::collections::BTreeSet::new();
    for (quiz, dataset) in quizzes() {
        assert!(!quiz.questions.is_empty());
        kinds.extend(quiz.questions.iter().map(|q| q.kind));
        check_gift(&quiz, &dataset);
        check_moodle_xml(&quiz, &dataset);
        check_qti(&quiz, &dataset);
        check_quizlet(&quiz);
    }
    // The seeds reach each kind of export: ordering, cloze and plain choice.
    for kind in [
        QuestionKind::Order,
        QuestionKind::Cloze,
        QuestionKind::WhichFirst,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
}

/// A question whose every text holds what each format treats as syntax.
fn hostile(kind: QuestionKind, id: &str) -> Question {
    let nasty = "a~b=c#d{e}f:g\\h <b>&amp; \"q\" 'r' -> s\tt\nu // v ]]> \\n";
    let options: Vec<String> = (0..4).map(|i| format!("{nasty} option {i}")).collect();
    Question {
        kind,
        topic: kind.topic(),
        prompt: format!("{nasty} prompt _____"),
        options,
        answer: if kind.is_ordering() {
            vec![2, 0, 3, 1]
        } else {
            vec![2]
        },
        explanation: format!("{nasty} explanation\nsecond line"),
        sources: vec![Source {
            article: "no-such-article".to_owned(),
            paragraph: 3,
        }],
        id: format!("{}:{id}:x=y#z", kind.key()),
        footprint: Footprint::default(),
    }
}

#[test]
fn hostile_texts_round_trip_in_every_format() {
    let dataset = bundled();
    let quiz = Quiz {
        options: QuizOptions::default(),
        code: None,
        questions: vec![
            hostile(QuestionKind::EventYear, "one"),
            hostile(QuestionKind::Order, "two"),
            hostile(QuestionKind::Cloze, "three"),
        ],
    };
    check_gift(&quiz, &dataset);
    check_moodle_xml(&quiz, &dataset);
    check_qti(&quiz, &dataset);
    check_quizlet(&quiz);
    assert_eq!(quiz.questions[0].topic, Topic::Events);
}
