//! A unit about another subject speaks of that subject: no text of the
//! window, in any view, and no generated question names Turkmenistan unless
//! the unit's manifest says it is about Turkmenistan; and a topic the unit
//! has no records for is not offered.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::dataset::{DataFile, DataFiles, Dataset};
use neutrality_reader::quiz::{QuestionKind, QuizBank, QuizOptions, Topic};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::command::View;

/// The bundled unit told of Austria: every "Turkmenistan" and "Turkmen" in
/// its files (articles included) replaced, with `manifest` as its
/// `dataset.ron`. What the interface and the generator add is what is left
/// to name Turkmenistan.
fn retold(manifest: Option<&str>) -> Dataset {
    let mut files = DataFiles::embedded();
    let swap = |file: &mut DataFile| {
        file.text = file
            .text
            .replace("Turkmenistan", "Austria")
            .replace("Turkmen", "Austrian")
            .replace("Ashgabat", "Vienna");
        assert!(!file.text.contains("Turkmen"), "{}", file.name);
    };
    files.articles.iter_mut().for_each(swap);
    files.records.iter_mut().for_each(swap);
    files.manifest = manifest.map(|text| DataFile {
        name: "dataset.ron".to_owned(),
        text: text.to_owned(),
    });
    match Dataset::from_files(&files) {
        Ok(dataset) => dataset,
        Err(error) => panic!("the retold unit does not load: {error}"),
    }
}

const AUSTRIA: &str = r#"Dataset(title: "Austria's neutrality", subject: "Austria")"#;

/// Every question of 300 quizzes of 40, as one text per question.
fn questions(dataset: &Dataset) -> Vec<(QuestionKind, String)> {
    let bank = QuizBank::new(dataset);
    (1..=300)
        .flat_map(|seed| {
            let options = QuizOptions {
                count: 40,
                seed,
                ..QuizOptions::default()
            };
            bank.generate(&options).questions
        })
        .map(|q| {
            let text = format!("{}\n{}\n{}", q.prompt, q.options.join("\n"), q.explanation);
            (q.kind, text)
        })
        .collect()
}

#[test]
fn quizzes_of_a_unit_about_austria_never_name_turkmenistan() {
    let dataset = retold(Some(AUSTRIA));
    let asked = questions(&dataset);
    for (_, text) in &asked {
        assert!(!text.contains("Turkmen"), "{text}");
    }
    // The relationship questions are still asked, of Austria.
    let relationships: Vec<_> = asked
        .iter()
        .filter(|(kind, _)| *kind == QuestionKind::Relationship)
        .collect();
    assert!(!relationships.is_empty());
    assert!(
        relationships
            .iter()
            .all(|(_, text)| text.contains("Austria")),
        "{relationships:#?}"
    );
}

#[test]
fn a_unit_with_no_subject_is_asked_no_relationship() {
    let dataset = retold(None);
    let asked = questions(&dataset);
    assert!(!asked.is_empty());
    for (kind, text) in &asked {
        assert_ne!(*kind, QuestionKind::Relationship, "{text}");
        assert!(!text.contains("Turkmen"), "{text}");
    }
    // Its organizations are still asked about, by their acronyms.
    assert!(
        QuizBank::new(&dataset)
            .offered_topics()
            .contains(&Topic::Organizations)
    );
}

#[test]
fn the_bundled_unit_still_asks_of_turkmenistan() {
    let dataset = Dataset::embedded().unwrap();
    assert_eq!(dataset.subject(), Some("Turkmenistan"));
    let asked = questions(&dataset);
    assert!(
        asked
            .iter()
            .any(|(kind, text)| *kind == QuestionKind::Relationship
                && text.contains("Turkmenistan’s"))
    );
}

/// Every name and value in the window's AccessKit tree that names Turkmen-anything.
fn turkmen_texts(harness: &Harness<'static, ReaderApp>) -> Vec<String> {
    harness
        .query_all(By::new().predicate(|_| true))
        .flat_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .filter(|text| text.contains("Turkmen"))
        .collect()
}

fn window_on(dataset: Dataset) -> Harness<'static, ReaderApp> {
    let data = Arc::new(dataset);
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(64)
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None));
    harness.run();
    harness
}

#[test]
fn no_view_of_a_unit_about_austria_names_turkmenistan() {
    let dataset = retold(Some(AUSTRIA));
    let articles: Vec<String> = dataset.articles.iter().map(|a| a.id.clone()).collect();
    let organizations: Vec<String> = dataset.organizations.iter().map(|o| o.id.clone()).collect();
    let mut harness = window_on(dataset);
    let mut seen = 0;
    let mut look = |harness: &mut Harness<'static, ReaderApp>, place: &str| {
        harness.run();
        let found = turkmen_texts(harness);
        assert!(found.is_empty(), "{place}: {found:#?}");
        seen += 1;
    };
    for article in &articles {
        harness.state_mut().open(article, None);
        look(&mut harness, &format!("Study, {article}"));
    }
    harness.state_mut().show_view(View::Timeline);
    look(&mut harness, "Timeline");
    harness.state_mut().show_view(View::Organizations);
    for organization in &organizations {
        assert!(harness.state_mut().select_organization(organization));
        look(&mut harness, &format!("Organizations, {organization}"));
    }
    harness.state_mut().show_view(View::Quiz);
    look(&mut harness, "Quiz setup");
    // A quiz on organizations, as a student starts it.
    harness.get_by_label("Start a new quiz").click();
    look(&mut harness, "Quiz, first question");
    assert_eq!(seen, articles.len() + organizations.len() + 3);
    // The organization's relationship is Austria's.
    harness.state_mut().show_view(View::Organizations);
    assert!(harness.state_mut().select_organization("nam"));
    harness.run();
    harness.get_by_label("Relationship of Austria, as the articles state it");
}

#[test]
fn a_topic_with_no_records_is_not_offered() {
    // The example unit has no UN resolution: no such topic to tick.
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
    let dataset = Dataset::load_dir(&example).unwrap();
    let offered = QuizBank::new(&dataset).offered_topics();
    assert!(!offered.contains(&Topic::Resolutions), "{offered:?}");
    assert!(offered.contains(&Topic::Events));
    let mut harness = window_on(dataset);
    harness.state_mut().show_view(View::Quiz);
    harness.run();
    assert!(harness.query_by_label("UN resolutions").is_none());
    harness.get_by_label("Events");
    // The bundled unit offers every topic.
    let bundled = Dataset::embedded().unwrap();
    assert_eq!(
        QuizBank::new(&bundled).offered_topics().len(),
        Topic::ALL.len()
    );
}
