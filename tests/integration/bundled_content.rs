//! The bundled dataset says what the articles say: the figures with their dates,
//! the derived years with their derivations, and the sources' errors corrected.

#![expect(
    clippy::unwrap_used,
    reason = "a missing record should fail the test loudly"
)]

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::{Date, Precision, Qualifier, RelationshipKind, When};

fn dataset() -> Dataset {
    Dataset::embedded().unwrap()
}

#[test]
fn diplomatic_relations_carry_their_dates() {
    let data = dataset();
    let figures: Vec<_> = data
        .facts
        .iter()
        .filter(|f| {
            f.measure
                .starts_with("countries with which Turkmenistan has diplomatic relations")
        })
        .map(|f| (f.value_text(), f.as_of))
        .collect();
    assert_eq!(
        figures,
        vec![
            ("149".to_owned(), Date::year(2022)),
            ("155".to_owned(), Date::year(2025))
        ]
    );
}

#[test]
fn membership_and_cooperation_counts_are_not_mixed_up() {
    let data = dataset();
    let members = data
        .facts
        .iter()
        .find(|f| f.id == "organization-memberships-2022")
        .unwrap();
    assert_eq!((members.value, members.qualifier), (50.0, Qualifier::About));
    let partners = data
        .facts
        .iter()
        .find(|f| f.id == "cooperating-organizations-2025")
        .unwrap();
    assert_eq!(
        (partners.value, partners.qualifier, partners.as_of),
        (54.0, Qualifier::Exactly, Date::year(2025))
    );
}

#[test]
fn derived_years_say_how_they_were_derived() {
    let data = dataset();
    let un = data.organization("un").unwrap();
    let member = un.relationships.first().unwrap();
    assert_eq!(member.kind, RelationshipKind::Member);
    assert_eq!(member.since, Some(Date::year(1992)));
    assert!(
        member
            .derived
            .as_deref()
            .unwrap()
            .contains("2022 − 30 = 1992")
    );
    let nam = data
        .organization("nam")
        .unwrap()
        .relationships
        .first()
        .unwrap()
        .clone();
    assert_eq!(nam.since, Some(Date::year(1995)));
    assert!(nam.derived.is_some());
    // Every event dated by arithmetic says so.
    for id in [
        "independence-of-turkmenistan",
        "un-membership",
        "nam-membership",
        "sco-founded",
    ] {
        assert!(data.event(id).unwrap().derived().is_some(), "{id}");
    }
}

#[test]
fn the_sco_figures_belong_to_the_sco_not_the_cis() {
    let data = dataset();
    for id in [
        "sco-area-2022",
        "sco-share-of-eurasia-2022",
        "sco-population-2022",
    ] {
        let fact = data.facts.iter().find(|f| f.id == id).unwrap();
        assert_eq!(fact.organizations, vec!["sco".to_owned()], "{id}");
        assert!(
            fact.note.as_deref().unwrap().contains("CIS"),
            "{id} explains the source's error"
        );
    }
    assert!(
        data.facts
            .iter()
            .all(|f| !f.organizations.iter().any(|o| o == "cis")),
        "no figure is credited to the CIS"
    );
}

#[test]
fn the_eco_has_its_right_acronym_and_the_source_error_is_noted() {
    let data = dataset();
    let eco = data.organization("eco").unwrap();
    assert_eq!(eco.acronym.as_deref(), Some("ECO"));
    assert!(eco.note.as_deref().unwrap().contains("IOC"));
    let summit = data.event("eco-summit-ashgabat-1996").unwrap();
    assert_eq!(summit.date, When::On(Date::day(1996, 5, 13)));
    assert!(!summit.title.contains("IOC") && !summit.description.contains("IOC"));
    assert!(!summit.description.contains("Mashat"));
}

#[test]
fn every_named_resolution_has_its_number_and_full_date() {
    let data = dataset();
    let expected = [
        ("50/80 A", Date::day(1995, 12, 12)),
        ("69/285", Date::day(2015, 6, 3)),
        ("71/275", Date::day(2017, 2, 2)),
        ("72/7", Date::day(2017, 11, 17)),
        ("75/28", Date::day(2020, 12, 7)),
        ("75/272", Date::day(2021, 4, 16)),
        ("76/299", Date::day(2022, 7, 28)),
        ("77/273", Date::day(2023, 2, 24)),
        ("78/266", Date::day(2024, 3, 21)),
    ];
    let resolution = data
        .article("un-resolution-permanent-neutrality-2025")
        .unwrap();
    let text: String = resolution
        .body
        .iter()
        .map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ");
    for (number, date) in expected {
        let event = data
            .events
            .iter()
            .find(|e| e.resolution() == Some(number))
            .unwrap_or_else(|| panic!("resolution {number} is missing"));
        assert_eq!(event.date, When::On(date), "{number}");
        assert!(
            text.contains(number),
            "{number} stands in the resolution's text"
        );
    }
    // The 2025 resolution's number is not in the articles, so it is not in the data.
    let adopted = data
        .event("un-resolution-permanent-neutrality-2025")
        .unwrap();
    assert_eq!(adopted.resolution(), None);
    assert_eq!(adopted.date, When::On(Date::day(2025, 3, 21)));
}

#[test]
fn dates_keep_the_precision_the_text_gives() {
    let data = dataset();
    let precision = |id: &str| data.event(id).unwrap().date.start().precision();
    assert_eq!(precision("unrcca-established"), Precision::Month);
    assert_eq!(precision("inter-afghan-talks-1997"), Precision::Year);
    assert_eq!(
        precision("group-of-friends-of-neutrality-established"),
        Precision::Month
    );
    assert_eq!(
        data.event("international-year-of-peace-and-trust")
            .unwrap()
            .date,
        When::Span(Date::year(2025), Date::year(2025))
    );
    assert_eq!(
        data.event("nam-cartagena-conference-1995").unwrap().date,
        When::Span(Date::day(1995, 10, 18), Date::day(1995, 10, 20))
    );
}

#[test]
fn the_resolution_keeps_its_structure() {
    let data = dataset();
    let article = data
        .article("un-resolution-permanent-neutrality-2025")
        .unwrap();
    let kinds: Vec<&str> = article.body.iter().map(|b| b.kind_name()).collect();
    let preamble = kinds.iter().filter(|k| **k == "preamble").count();
    let operative = kinds.iter().filter(|k| **k == "operative").count();
    assert_eq!((preamble, operative), (16, 7));
    // All preambular paragraphs come before all operative ones.
    let last_preamble = kinds.iter().rposition(|k| *k == "preamble").unwrap();
    let first_operative = kinds.iter().position(|k| *k == "operative").unwrap();
    assert!(last_preamble < first_operative);
}

/// Lower-case words of a text (letters, digits and the slash of "50/80"),
/// longer than two characters.
fn words(text: &str) -> std::collections::BTreeSet<String> {
    text.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .filter(|w| w.chars().count() > 2)
        .map(str::to_owned)
        .collect()
}

/// Every cited paragraph states something of its record, so that a citation
/// of the paragraph next to the one meant fails. A paragraph states an event
/// if it gives the event's resolution number, or one of its years and a word
/// of its title or description, or three such words; an organization, person
/// or term if it names it (or, for an organization or term that a paragraph
/// calls "this organization", three words of its summary or definition).
/// "Such words" are the ones standing in at most an eighth of all paragraphs:
/// "Turkmenistan", "neutrality" or "United Nations" say nothing of which
/// paragraph is meant.
#[test]
fn every_cited_paragraph_states_its_record() {
    let data = dataset();
    let paragraphs: Vec<((String, u32), String)> = data
        .articles
        .iter()
        .flat_map(|a| {
            a.body
                .iter()
                .enumerate()
                .map(|(i, b)| ((a.id.clone(), i as u32 + 1), b.text()))
        })
        .collect();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, text) in &paragraphs {
        for word in words(text) {
            *counts.entry(word).or_default() += 1;
        }
    }
    let rare = |w: &String| counts.get(w).copied().unwrap_or(0) * 8 <= paragraphs.len();
    let text_of = |source: &neutrality_reader::model::Source| {
        paragraphs
            .iter()
            .find(|(at, _)| at.0 == source.article && at.1 == source.paragraph)
            .map(|(_, text)| text.clone())
            .unwrap()
    };
    let shared = |record: &str, paragraph: &str| -> usize {
        words(record)
            .intersection(&words(paragraph))
            .filter(|w| rare(w))
            .count()
    };
    let names = |paragraph: &str, names: &[&str]| {
        let folded = paragraph.to_lowercase();
        names
            .iter()
            .any(|n| !n.is_empty() && folded.contains(&n.to_lowercase()))
    };
    let mut problems = Vec::new();
    for event in &data.events {
        let record = format!("{} {}", event.title, event.description);
        let years = [
            event.date.start().year_number(),
            event.date.end().year_number(),
        ];
        for source in &event.sources {
            let text = text_of(source);
            let number = event.resolution().is_some_and(|n| text.contains(n));
            let year = years.iter().any(|y| words(&text).contains(&y.to_string()));
            let n = shared(&record, &text);
            if !(number || (year && n >= 1) || n >= 3) {
                problems.push(format!("event {} cites {source:?}", event.id));
            }
        }
    }
    for org in &data.organizations {
        let mut own: Vec<&str> = vec![org.name.as_str()];
        own.extend(org.acronym.as_deref());
        own.extend(org.aliases.iter().map(String::as_str));
        for source in &org.sources {
            let text = text_of(source);
            if !names(&text, &own) && shared(&org.summary, &text) < 3 {
                problems.push(format!("organization {} cites {source:?}", org.id));
            }
        }
    }
    for person in &data.people {
        let surname = person.name.rsplit(' ').next().unwrap_or_default();
        for source in &person.sources {
            if !names(&text_of(source), &[surname]) {
                problems.push(format!("person {} cites {source:?}", person.id));
            }
        }
    }
    for term in &data.glossary {
        let mut own: Vec<&str> = vec![term.term.as_str()];
        own.extend(term.aliases.iter().map(String::as_str));
        for source in &term.sources {
            let text = text_of(source);
            if !names(&text, &own) && shared(&term.definition, &text) < 3 {
                problems.push(format!("term {} cites {source:?}", term.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
