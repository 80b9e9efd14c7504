//! The second example dataset, `examples/founding-of-the-un/`, loads as any
//! dataset folder does: the app is not tied to the bundled one. Every record
//! cites a paragraph of the example's own two articles, and the quiz generator
//! draws its questions from them.

use std::collections::HashSet;
use std::path::PathBuf;

use neutrality_reader::dataset::{Dataset, normalize_space};
use neutrality_reader::model::{Date, Precision, Source, When};
use neutrality_reader::quiz::{self, QuizOptions};

const ARTICLES: [&str; 2] = [
    "from-the-atlantic-charter-to-san-francisco",
    "the-charter-comes-into-force",
];

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un")
}

fn dataset() -> Dataset {
    match Dataset::load_dir(&folder()) {
        Ok(dataset) => dataset,
        Err(err) => panic!("the example dataset has problems:\n{err}"),
    }
}

/// Every citation of every record, with the record it belongs to.
fn citations(data: &Dataset) -> Vec<(String, Source)> {
    let mut all = Vec::new();
    for event in &data.events {
        for source in &event.sources {
            all.push((format!("event {}", event.id), source.clone()));
        }
    }
    for organization in &data.organizations {
        for source in &organization.sources {
            all.push((format!("organization {}", organization.id), source.clone()));
        }
        for relationship in &organization.relationships {
            all.push((
                format!("relationship of {}", organization.id),
                relationship.source.clone(),
            ));
        }
    }
    for person in &data.people {
        for source in &person.sources {
            all.push((format!("person {}", person.id), source.clone()));
        }
    }
    for fact in &data.facts {
        for source in &fact.sources {
            all.push((format!("fact {}", fact.id), source.clone()));
        }
    }
    for term in &data.glossary {
        for source in &term.sources {
            all.push((format!("glossary term {}", term.id), source.clone()));
        }
    }
    all
}

#[test]
fn the_example_loads_without_problems() {
    let data = dataset();
    assert!(
        data.article("un-resolution-permanent-neutrality-2025")
            .is_none(),
        "the example is its own dataset, not the bundled one"
    );
}

#[test]
fn the_example_has_its_articles_and_records() {
    let data = dataset();
    let ids: Vec<&str> = data.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ARTICLES);
    for article in &data.articles {
        assert!(
            (6..=10).contains(&article.body.len()),
            "{} has {} paragraphs",
            article.id,
            article.body.len()
        );
    }
    assert_eq!(data.events.len(), 14);
    assert_eq!(data.organizations.len(), 6);
    assert_eq!(data.people.len(), 6);
    assert_eq!(data.facts.len(), 4);
    assert_eq!(data.glossary.len(), 7);
    for id in [
        "un",
        "league-of-nations",
        "security-council",
        "general-assembly",
        "icj",
        "ecosoc",
    ] {
        assert!(data.organization(id).is_some(), "organization {id}");
    }
    for id in ["franklin-d-roosevelt", "winston-churchill", "joseph-stalin"] {
        assert!(data.person(id).is_some(), "person {id}");
    }
    // Each article lists its own events and organizations in the Study view.
    for article in ARTICLES {
        assert!(data.events_of_article(article).count() >= 5, "{article}");
        assert!(
            data.organizations_of_article(article).count() >= 3,
            "{article}"
        );
    }
}

#[test]
fn every_citation_resolves_to_a_paragraph_of_the_example() {
    let data = dataset();
    let all = citations(&data);
    assert!(!all.is_empty());
    for (record, source) in &all {
        assert!(
            ARTICLES.contains(&source.article.as_str()),
            "{record} cites “{}”, not an article of the example",
            source.article
        );
        let article = data.article(&source.article).unwrap();
        assert!(
            article.paragraph(source.paragraph).is_some(),
            "{record} cites paragraph {} of “{}”, which has {}",
            source.paragraph,
            source.article,
            article.body.len()
        );
    }
    // Every record cites at least one paragraph.
    assert!(data.events.iter().all(|e| !e.sources.is_empty()));
    assert!(data.organizations.iter().all(|o| !o.sources.is_empty()));
    assert!(data.people.iter().all(|p| !p.sources.is_empty()));
    assert!(data.facts.iter().all(|f| !f.sources.is_empty()));
    assert!(data.glossary.iter().all(|t| !t.sources.is_empty()));
    // A fact's quote stands word for word in a paragraph it cites.
    for fact in &data.facts {
        let wanted = normalize_space(&fact.quote);
        assert!(
            fact.sources.iter().any(|s| {
                data.article(&s.article)
                    .and_then(|a| a.paragraph(s.paragraph))
                    .is_some_and(|b| normalize_space(&b.text()).contains(&wanted))
            }),
            "the quote of {} is not in its paragraph",
            fact.id
        );
    }
    // Both articles are cited, and most of their paragraphs.
    let cited: HashSet<(&str, u32)> = all
        .iter()
        .map(|(_, s)| (s.article.as_str(), s.paragraph))
        .collect();
    for article in &data.articles {
        let used = (1..=article.body.len() as u32)
            .filter(|p| cited.contains(&(article.id.as_str(), *p)))
            .count();
        assert!(
            used * 4 >= article.body.len() * 3,
            "{}: {used} of {} paragraphs cited",
            article.id,
            article.body.len()
        );
    }
}

#[test]
fn dates_keep_the_precision_the_articles_give() {
    let data = dataset();
    let date = |id: &str| data.event(id).unwrap().date;
    assert_eq!(date("atlantic-charter"), When::On(Date::day(1941, 8, 14)));
    assert_eq!(
        date("declaration-by-united-nations"),
        When::On(Date::day(1942, 1, 1))
    );
    assert_eq!(
        date("dumbarton-oaks-conference"),
        When::Span(Date::day(1944, 8, 21), Date::day(1944, 10, 7))
    );
    assert_eq!(
        date("yalta-conference"),
        When::Span(Date::day(1945, 2, 4), Date::day(1945, 2, 11))
    );
    assert_eq!(
        date("san-francisco-conference").start(),
        Date::day(1945, 4, 25)
    );
    assert_eq!(date("charter-signed"), When::On(Date::day(1945, 6, 26)));
    assert_eq!(date("charter-in-force"), When::On(Date::day(1945, 10, 24)));
    assert_eq!(
        date("first-general-assembly"),
        When::On(Date::day(1946, 1, 10))
    );
    assert_eq!(
        date("first-security-council-meeting"),
        When::On(Date::day(1946, 1, 17))
    );
    // The articles give only the month of these two.
    for id in ["league-of-nations-dissolved", "icj-first-sitting"] {
        assert_eq!(date(id), When::On(Date::month(1946, 4)), "{id}");
        assert_eq!(date(id).start().precision(), Precision::Month, "{id}");
    }
    // Events are in chronological order, all within 1941–1946.
    let first = data.events.first().unwrap();
    let last = data.events.last().unwrap();
    assert_eq!(&*first.id, "atlantic-charter");
    assert_eq!(last.date.end().year_number(), 1946);
}

#[test]
fn the_signatories_carry_their_dates() {
    let data = dataset();
    let figures: Vec<_> = data
        .facts
        .iter()
        .filter(|f| f.measure == "states that had signed the Charter of the United Nations")
        .map(|f| (f.value_text(), f.as_of))
        .collect();
    assert_eq!(
        figures,
        vec![
            ("50".to_owned(), Date::day(1945, 6, 26)),
            ("51".to_owned(), Date::day(1945, 10, 15)),
        ]
    );
}

#[test]
fn the_quiz_asks_at_least_ten_questions_from_the_example() {
    let data = dataset();
    for seed in 0..20 {
        let options = QuizOptions {
            seed,
            count: 20,
            ..QuizOptions::default()
        };
        let quiz = quiz::generate(&data, &options);
        assert!(
            quiz.questions.len() >= 10,
            "seed {seed}: only {} questions",
            quiz.questions.len()
        );
        for question in &quiz.questions {
            assert!(!question.sources.is_empty(), "{}", question.id);
            for source in &question.sources {
                assert!(
                    ARTICLES.contains(&source.article.as_str()),
                    "{} cites “{}”",
                    question.id,
                    source.article
                );
                let article = data.article(&source.article).unwrap();
                assert!(
                    article.paragraph(source.paragraph).is_some(),
                    "{} cites paragraph {} of “{}”",
                    question.id,
                    source.paragraph,
                    source.article
                );
            }
            let text = format!("{} {}", question.prompt, question.options.join(" "));
            assert!(!text.contains("Turkmenistan"), "{}: {text}", question.id);
        }
    }
    // The default options (ten questions) are filled too.
    let quiz = quiz::generate(&data, &QuizOptions::default());
    assert_eq!(quiz.questions.len(), 10);
}
