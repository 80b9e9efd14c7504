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
        assert!(data.event(id).unwrap().derived.is_some(), "{id}");
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
            .find(|e| e.resolution.as_deref() == Some(number))
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
    assert_eq!(adopted.resolution, None);
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
