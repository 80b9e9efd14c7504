//! Tests against the bundled dataset, hand-edited copies of it, and a
//! synthetic dataset.

use std::collections::BTreeMap;

use super::words::{fold_gap, fold_word, gap, words};
use super::*;
use crate::dataset::synthetic::{self, Sizes};
use crate::model::Block;

fn bundled() -> Dataset {
    Dataset::embedded().unwrap()
}

fn article_index(dataset: &Dataset, id: &str) -> usize {
    dataset
        .articles
        .iter()
        .position(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

fn org(dataset: &Dataset, id: &str) -> LinkTarget {
    LinkTarget::Organization(dataset.organization_index(id).unwrap())
}

fn person(dataset: &Dataset, id: &str) -> LinkTarget {
    LinkTarget::Person(dataset.people.iter().position(|p| p.id == id).unwrap())
}

fn event(dataset: &Dataset, id: &str) -> LinkTarget {
    LinkTarget::Event(dataset.events.iter().position(|e| &*e.id == id).unwrap())
}

/// The links of a paragraph as (linked text, target, kind).
fn linked(
    dataset: &Dataset,
    links: &LinkIndex,
    article: &str,
    paragraph: u32,
) -> Vec<(String, LinkTarget, LinkKind)> {
    let a = article_index(dataset, article);
    let text = dataset.articles[a].paragraph(paragraph).unwrap().text();
    links
        .of(a, paragraph)
        .iter()
        .map(|l| (text[l.range.clone()].to_owned(), l.target, l.kind))
        .collect()
}

/// The linked texts of a paragraph, each with its target.
fn pairs(
    dataset: &Dataset,
    links: &LinkIndex,
    article: &str,
    paragraph: u32,
) -> Vec<(String, LinkTarget)> {
    linked(dataset, links, article, paragraph)
        .into_iter()
        .map(|(text, target, _)| (text, target))
        .collect()
}

fn pair(text: &str, target: LinkTarget) -> (String, LinkTarget) {
    (text.to_owned(), target)
}

/// Replaces paragraph `paragraph` of the article with a plain paragraph.
fn set_text(dataset: &mut Dataset, article: &str, paragraph: u32, text: &str) {
    let a = article_index(dataset, article);
    dataset.articles[a].body[paragraph as usize - 1] = Block::Paragraph {
        text: text.to_owned(),
        note: None,
    };
}

/// Words in lower case with folded gaps, as names are compared.
fn folded(text: &str) -> String {
    let ws = words(text);
    let mut out = String::new();
    let mut buffer = String::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            fold_gap(gap(text, &ws, i), &mut buffer);
            out.push_str(&buffer);
        }
        fold_word(&text[w.start..w.end], &mut buffer);
        out.push_str(&buffer);
    }
    out
}

/// Every property a link index must have, over every block of the dataset.
fn assert_properties(dataset: &Dataset, links: &LinkIndex) {
    let mut seen = 0;
    for (a, article) in dataset.articles.iter().enumerate() {
        for (block, paragraph) in article.body.iter().zip(1u32..) {
            let text = block.text();
            let place = format!("{} {paragraph}", article.id);
            let mut end = 0;
            for link in links.of(a, paragraph) {
                seen += 1;
                let range = link.range.clone();
                assert!(range.start < range.end, "{place}: empty {range:?}");
                assert!(
                    range.start >= end,
                    "{place}: {range:?} overlaps or is out of order"
                );
                end = range.end;
                assert!(
                    text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
                    "{place}: {range:?} is not on char boundaries"
                );
                let Some(shown) = text.get(range.clone()) else {
                    panic!("{place}: {range:?} is outside the text");
                };
                // Whole words: neither end cuts into a word.
                let before = text[..range.start].chars().next_back();
                let after = text[range.end..].chars().next();
                assert!(
                    !before.is_some_and(char::is_alphanumeric),
                    "{place}: {shown:?}"
                );
                assert!(
                    !after.is_some_and(char::is_alphanumeric),
                    "{place}: {shown:?}"
                );
                assert_matches_target(dataset, article, paragraph, shown, link);
            }
        }
    }
    assert_eq!(seen, links.len());
    assert_eq!(links.iter().count(), links.len());
}

/// The text of a link is the target's name, alias, acronym, surname,
/// resolution number or a date of it.
fn assert_matches_target(
    dataset: &Dataset,
    article: &crate::model::Article,
    paragraph: u32,
    shown: &str,
    link: &Link,
) {
    let place = format!("{} {paragraph}: {shown:?} {:?}", article.id, link.kind);
    match (link.target, link.kind) {
        (LinkTarget::Organization(i), kind) => {
            let o = &dataset.organizations[i];
            let ok = match kind {
                LinkKind::Name => folded(shown) == folded(&o.name),
                LinkKind::Alias => o.aliases.iter().any(|a| folded(a) == folded(shown)),
                LinkKind::Acronym => o.acronym.as_deref() == Some(shown),
                _ => false,
            };
            assert!(ok, "{place} is not {}", o.id);
        }
        (LinkTarget::Person(i), kind) => {
            let p = &dataset.people[i];
            let surname = p.name.split_whitespace().last().unwrap();
            let initial = p.name.chars().next().unwrap();
            let ok = match kind {
                LinkKind::Name => folded(shown) == folded(&p.name),
                LinkKind::Surname => shown == surname || shown == format!("{initial}. {surname}"),
                _ => false,
            };
            assert!(ok, "{place} is not {}", p.id);
        }
        (LinkTarget::Event(i), kind) => {
            let e = &dataset.events[i];
            match kind {
                LinkKind::Resolution => {
                    assert_eq!(e.resolution(), Some(shown), "{place}");
                }
                LinkKind::Date => {
                    assert!(
                        e.sources
                            .iter()
                            .any(|s| s.article == article.id && s.paragraph == paragraph),
                        "{place}: {} does not cite the paragraph",
                        e.id
                    );
                    let years = [e.date.start().year_number(), e.date.end().year_number()];
                    assert!(
                        years.iter().any(|y| shown.contains(&y.to_string())),
                        "{place} is not a year of {}",
                        e.id
                    );
                    for date in [e.date.start(), e.date.end()] {
                        if let Some(m) = date.month_number()
                            && shown.chars().any(char::is_alphabetic)
                            && !shown.contains(crate::model::month_name(m))
                        {
                            panic!("{place} is not the month of {}", e.id);
                        }
                    }
                }
                _ => panic!("{place}: an event linked by {kind:?}"),
            }
        }
    }
}

// --- The bundled dataset ---------------------------------------------------

const RESOLUTION: &str = "un-resolution-permanent-neutrality-2025";
const COOPERATION: &str = "cooperation-international-organizations";
const CONFERENCE: &str = "ashgabat-conference-2024";
const BRIEFING: &str = "nam-ambassadors-briefing-2020";
const MFA: &str = "mfa-foreign-policy";

#[test]
fn every_link_of_the_bundled_dataset_is_sound() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    assert!(links.len() > 100, "{}", links.len());
    assert_properties(&dataset, &links);
}

#[test]
fn the_recalling_paragraph_links_both_resolutions_and_their_dates() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let a = article_index(&dataset, RESOLUTION);
    assert!(
        dataset.articles[a].body[9]
            .text()
            .starts_with("Recalling its resolutions 50/80 A of 12 December 1995")
    );
    let first = event(&dataset, "un-resolution-50-80-a");
    let second = event(&dataset, "un-resolution-69-285");
    assert_eq!(
        linked(&dataset, &links, RESOLUTION, 10),
        [
            ("50/80 A".to_owned(), first, LinkKind::Resolution),
            ("12 December 1995".to_owned(), first, LinkKind::Date),
            ("69/285".to_owned(), second, LinkKind::Resolution),
            ("3 June 2015".to_owned(), second, LinkKind::Date),
        ]
    );
    // The next paragraph, and the one recalling three at once.
    let numbers = |paragraph| -> Vec<String> {
        linked(&dataset, &links, RESOLUTION, paragraph)
            .into_iter()
            .filter(|(_, _, kind)| *kind == LinkKind::Resolution)
            .map(|(text, _, _)| text)
            .collect()
    };
    assert_eq!(numbers(11), ["71/275", "75/28"]);
    assert_eq!(numbers(20), ["78/266", "76/299"]);
    assert_eq!(numbers(21), ["72/7", "75/272", "77/273"]);
    assert!(
        pairs(&dataset, &links, RESOLUTION, 20)
            .contains(&pair("78/266", event(&dataset, "un-resolution-78-266")))
    );
}

#[test]
fn every_resolution_number_in_a_cited_paragraph_is_linked() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let mut checked = 0;
    for (index, e) in dataset.events.iter().enumerate() {
        let Some(number) = &e.resolution() else {
            continue;
        };
        for source in &e.sources {
            let a = article_index(&dataset, &source.article);
            let text = dataset.articles[a]
                .paragraph(source.paragraph)
                .unwrap()
                .text();
            if let Some(at) = text.find(&**number) {
                checked += 1;
                assert!(
                    links
                        .of(a, source.paragraph)
                        .iter()
                        .any(|l| l.range.start == at
                            && l.target == LinkTarget::Event(index)
                            && l.kind == LinkKind::Resolution),
                    "{number} in {} {}",
                    source.article,
                    source.paragraph
                );
            }
        }
    }
    assert_eq!(checked, 9);
}

#[test]
fn organizations_link_by_name_alias_and_acronym() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let nam = org(&dataset, "nam");
    assert!(pairs(&dataset, &links, COOPERATION, 4).contains(&pair("Non-Aligned Movement", nam)));
    assert_eq!(
        pairs(&dataset, &links, COOPERATION, 4),
        [
            pair("United Nations", org(&dataset, "un")),
            pair("European Union", org(&dataset, "eu")),
            pair("Shanghai Cooperation Organization", org(&dataset, "sco")),
            pair(
                "Organization for Security and Cooperation in Europe",
                org(&dataset, "osce")
            ),
            pair("Non-Aligned Movement", nam),
            pair("Organization of Islamic Cooperation", org(&dataset, "oic")),
        ]
    );
    // "the United Nations (UN), the European Union (EU), …": both forms of each.
    let seventeen = linked(&dataset, &links, MFA, 17);
    for (acronym, id) in [
        ("UN", "un"),
        ("EU", "eu"),
        ("OSCE", "osce"),
        ("CIS", "cis"),
        ("OIC", "oic"),
        ("NAM", "nam"),
        ("WHO", "who"),
        ("UNWTO", "unwto"),
    ] {
        let target = org(&dataset, id);
        assert!(
            seventeen.contains(&(acronym.to_owned(), target, LinkKind::Acronym)),
            "{acronym}"
        );
        assert!(
            seventeen
                .iter()
                .any(|(_, t, kind)| *t == target && *kind == LinkKind::Name),
            "{id} by name"
        );
    }
    assert!(linked(&dataset, &links, RESOLUTION, 24).contains(&(
        "Movement of Non-Aligned Countries".to_owned(),
        nam,
        LinkKind::Alias
    )));
    // The editor's brackets stay outside the link.
    assert!(pairs(&dataset, &links, COOPERATION, 14).contains(&pair("SCO", org(&dataset, "sco"))));
    assert!(pairs(&dataset, &links, COOPERATION, 11).contains(&pair("ECO", org(&dataset, "eco"))));
}

#[test]
fn the_longest_name_wins() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let assembly = org(&dataset, "un-general-assembly");
    let un = org(&dataset, "un");
    // "… unanimously elected as the vice-chairman of the 77th session of the UN General Assembly."
    let five = pairs(&dataset, &links, COOPERATION, 5);
    assert_eq!(five.last(), Some(&pair("UN General Assembly", assembly)));
    assert_eq!(
        five,
        [
            pair("UN", un),
            pair("United Nations", un),
            pair("United Nations", un),
            pair("General Assembly", assembly),
            pair("UN General Assembly", assembly),
        ],
        "and nothing in “unanimously”"
    );
    let unrcca = org(&dataset, "unrcca");
    let centre = "United Nations Regional Centre for Preventive Diplomacy for Central Asia";
    let twenty_one = pairs(&dataset, &links, RESOLUTION, 21);
    assert!(twenty_one.contains(&pair(centre, unrcca)));
    assert!(
        !twenty_one.iter().any(|(_, t)| *t == un),
        "no UN inside the Centre"
    );
    assert!(pairs(&dataset, &links, COOPERATION, 7).contains(&pair(
        "UN Regional Center for Preventive Diplomacy for Central Asia",
        unrcca
    )));
    let directorate =
        "Executive Directorate of the UN Security Council Committee on Counter-Terrorism";
    assert!(pairs(&dataset, &links, CONFERENCE, 5).contains(&pair(
        directorate,
        org(&dataset, "un-counter-terrorism-executive-directorate")
    )));
}

#[test]
fn people_link_by_full_name_and_by_surname_where_the_article_names_them() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let atayeva = person(&dataset, "aksoltan-atayeva");
    assert_eq!(
        linked(&dataset, &links, RESOLUTION, 2),
        [
            (
                "United Nations".to_owned(),
                org(&dataset, "un"),
                LinkKind::Name
            ),
            ("Aksoltan Atayeva".to_owned(), atayeva, LinkKind::Name),
        ]
    );
    // "A. Atayeva emphasized that neutrality …"
    assert_eq!(
        linked(&dataset, &links, RESOLUTION, 4),
        [("A. Atayeva".to_owned(), atayeva, LinkKind::Surname)]
    );
    assert!(
        pairs(&dataset, &links, CONFERENCE, 6)
            .contains(&pair("Ban Ki-moon", person(&dataset, "ban-ki-moon")))
    );
    // Every person the dataset holds is named in full somewhere.
    for (i, p) in dataset.people.iter().enumerate() {
        assert!(
            links
                .iter()
                .any(|(_, _, l)| l.target == LinkTarget::Person(i) && l.kind == LinkKind::Name),
            "{}",
            p.id
        );
    }
}

#[test]
fn a_surname_alone_needs_the_full_name_in_the_same_article_and_its_capital() {
    let mut dataset = bundled();
    set_text(
        &mut dataset,
        COOPERATION,
        2,
        "Atayeva spoke, and so did Meredov.",
    );
    set_text(
        &mut dataset,
        CONFERENCE,
        3,
        "Meredov and meredov; R. Meredov; AR. Meredov.",
    );
    let links = LinkIndex::new(&dataset);
    assert_eq!(pairs(&dataset, &links, COOPERATION, 2), []);
    let meredov = person(&dataset, "rashid-meredov");
    assert_eq!(
        pairs(&dataset, &links, CONFERENCE, 3),
        [
            pair("Meredov", meredov),
            pair("R. Meredov", meredov),
            pair("Meredov", meredov),
        ]
    );
}

#[test]
fn a_date_links_only_to_an_event_citing_its_paragraph() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let dates = |article, paragraph| -> Vec<(String, LinkTarget)> {
        linked(&dataset, &links, article, paragraph)
            .into_iter()
            .filter(|(_, _, kind)| *kind == LinkKind::Date)
            .map(|(text, target, _)| (text, target))
            .collect()
    };
    assert_eq!(
        dates(RESOLUTION, 3),
        [pair(
            "December 12, 1995",
            event(&dataset, "un-resolution-50-80-a")
        )]
    );
    assert_eq!(
        dates(BRIEFING, 3),
        [pair(
            "10th of June 2020",
            event(&dataset, "nam-briefing-geneva-2020")
        )]
    );
    // A month holding the whole event, and a span read whole.
    let cartagena = event(&dataset, "nam-cartagena-conference-1995");
    assert_eq!(dates(BRIEFING, 5), [pair("October of 1995", cartagena)]);
    assert_eq!(
        dates(RESOLUTION, 24),
        [pair("18 to 20 October 1995", cartagena)]
    );
    // Both years of a span, and a year.
    let tajik = event(&dataset, "inter-tajik-talks");
    assert_eq!(
        dates(RESOLUTION, 16),
        [
            pair("1995", tajik),
            pair("1996", tajik),
            pair("1997", event(&dataset, "inter-afghan-talks-1997"))
        ]
    );
    assert_eq!(
        dates(MFA, 2),
        [pair(
            "2022-2052",
            event(&dataset, "national-programme-2022-2052")
        )]
    );
    // “International Year of Peace and Trust, 2025”: the year's own event
    // cites paragraph 20 …
    assert!(dates(RESOLUTION, 20).contains(&pair(
        "2025",
        event(&dataset, "international-year-of-peace-and-trust")
    )));
    // … but only the December forum cites paragraph 31, whose “2025” alone
    // names the year: only “December 2025” is the forum's.
    assert_eq!(
        dates(RESOLUTION, 31),
        [pair(
            "December 2025",
            event(&dataset, "international-forum-december-2025")
        )]
    );
    // “declare 2025 as the Year of Peace and Trust”: cited only by the 2022 proposal.
    assert_eq!(dates(COOPERATION, 6), []);
    // “in 2017”: the 2 February 2017 resolution cites the paragraph, but a
    // year is not a day.
    assert_eq!(dates(RESOLUTION, 7), []);
    // Two events of 13 May 1996 cite the paragraph: the earlier in order.
    assert_eq!(
        dates(COOPERATION, 11),
        [pair(
            "May 13, 1996",
            event(&dataset, "eco-summit-ashgabat-1996")
        )]
    );
}

#[test]
fn a_date_in_a_paragraph_no_event_cites_is_not_a_link() {
    let mut dataset = bundled();
    let text = "On 12 December 1995, resolution 50/80 A; in December 2007; in 1995.";
    set_text(&mut dataset, MFA, 1, text);
    let links = LinkIndex::new(&dataset);
    // The resolution number is the event's wherever it is written; the dates are not.
    assert_eq!(
        linked(&dataset, &links, MFA, 1),
        [(
            "50/80 A".to_owned(),
            event(&dataset, "un-resolution-50-80-a"),
            LinkKind::Resolution
        )]
    );
}

#[test]
fn every_kind_of_link_is_found_in_the_bundled_dataset() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let mut counts: BTreeMap<LinkKind, usize> = BTreeMap::new();
    let mut targets: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, link) in links.iter() {
        *counts.entry(link.kind).or_default() += 1;
        let kind = match link.target {
            LinkTarget::Organization(_) => "organization",
            LinkTarget::Person(_) => "person",
            LinkTarget::Event(_) => "event",
        };
        *targets.entry(kind).or_default() += 1;
    }
    println!(
        "{} links; by kind {counts:?}; by target {targets:?}",
        links.len()
    );
    for kind in [
        LinkKind::Name,
        LinkKind::Alias,
        LinkKind::Acronym,
        LinkKind::Surname,
        LinkKind::Resolution,
        LinkKind::Date,
    ] {
        assert!(counts.get(&kind).is_some_and(|&n| n > 0), "no {kind:?}");
    }
}

#[test]
fn of_is_empty_outside_the_articles() {
    let dataset = bundled();
    let links = LinkIndex::new(&dataset);
    let last = dataset.articles.len() - 1;
    assert_eq!(links.of(dataset.articles.len(), 1), []);
    assert_eq!(links.of(last, 0), []);
    assert_eq!(
        links.of(last, dataset.articles[last].body.len() as u32 + 1),
        []
    );
    assert!(!links.of(last, 10).is_empty());
    assert!(LinkIndex::default().is_empty());
}

// --- Hand-made texts -------------------------------------------------------

#[test]
fn acronyms_are_whole_words_in_their_capitals() {
    let mut dataset = bundled();
    let text = "UNESCO and the UN voted unanimously; the EU in Europe; Un and un are words; \
                the UN’s role in UN-led talks (EU).";
    set_text(&mut dataset, CONFERENCE, 3, text);
    let links = LinkIndex::new(&dataset);
    let un = org(&dataset, "un");
    let eu = org(&dataset, "eu");
    assert_eq!(
        pairs(&dataset, &links, CONFERENCE, 3),
        [
            pair("UN", un),
            pair("EU", eu),
            pair("UN", un),
            pair("UN", un),
            pair("EU", eu)
        ]
    );
    assert_properties(&dataset, &links);
}

#[test]
fn names_tolerate_typographic_hyphens_and_spaces_but_not_a_new_line() {
    let mut dataset = bundled();
    let text = "The Non\u{2011}Aligned  Movement, the non–aligned movement, the UN\u{a0}General \
                Assembly; Non Aligned Movement; General, Assembly.";
    set_text(&mut dataset, CONFERENCE, 3, text);
    let a = article_index(&dataset, MFA);
    dataset.articles[a].body[4] = Block::List {
        items: vec!["the General".to_owned(), "Assembly of the UN".to_owned()],
        note: None,
    };
    let links = LinkIndex::new(&dataset);
    let nam = org(&dataset, "nam");
    assert_eq!(
        pairs(&dataset, &links, CONFERENCE, 3),
        [
            pair("Non\u{2011}Aligned  Movement", nam),
            pair("non–aligned movement", nam),
            pair(
                "UN\u{a0}General Assembly",
                org(&dataset, "un-general-assembly")
            ),
        ]
    );
    assert_eq!(
        pairs(&dataset, &links, MFA, 5),
        [pair("UN", org(&dataset, "un"))]
    );
    assert_properties(&dataset, &links);
}

#[test]
fn a_name_two_records_share_is_not_linked_nor_anything_inside_it() {
    let mut dataset = bundled();
    for id in ["eu", "osce"] {
        let i = dataset.organization_index(id).unwrap();
        dataset.organizations[i]
            .aliases
            .push("European Partners".to_owned());
    }
    let un = dataset.organization_index("un").unwrap();
    dataset.organizations[un]
        .aliases
        .push("UN Family".to_owned());
    let who = dataset.organization_index("who").unwrap();
    dataset.organizations[who]
        .aliases
        .push("un family".to_owned());
    set_text(
        &mut dataset,
        CONFERENCE,
        3,
        "The European Partners and the UN Family met the European Union.",
    );
    let links = LinkIndex::new(&dataset);
    assert_eq!(
        pairs(&dataset, &links, CONFERENCE, 3),
        [pair("European Union", org(&dataset, "eu"))]
    );
}

#[test]
fn resolution_numbers_must_be_an_events_whole_number() {
    let mut dataset = bundled();
    let text = "Resolutions 1/50/80 A, 50/80, 69/285 A, 69/285/1, 50/80 A and 99/99 A.";
    set_text(&mut dataset, CONFERENCE, 3, text);
    let links = LinkIndex::new(&dataset);
    assert_eq!(
        pairs(&dataset, &links, CONFERENCE, 3),
        [
            pair("69/285", event(&dataset, "un-resolution-69-285")),
            pair("50/80 A", event(&dataset, "un-resolution-50-80-a")),
        ]
    );
}

#[test]
fn a_longer_date_beats_a_name_starting_on_the_same_word() {
    let mut dataset = bundled();
    let i = dataset.organization_index("eco").unwrap();
    dataset.organizations[i].aliases.push("December".to_owned());
    let links = LinkIndex::new(&dataset);
    let twenty_one = pairs(&dataset, &links, RESOLUTION, 21);
    assert!(twenty_one.contains(&pair(
        "December 2007",
        event(&dataset, "unrcca-established")
    )));
    assert!(
        !twenty_one
            .iter()
            .any(|(_, t)| *t == LinkTarget::Organization(i))
    );
    // Alone, the word is the organization's.
    assert!(
        pairs(&dataset, &links, RESOLUTION, 7)
            .contains(&pair("December", LinkTarget::Organization(i)))
    );
}

// --- A synthetic dataset ---------------------------------------------------

#[test]
fn every_link_of_a_synthetic_dataset_is_sound_and_relationships_link() {
    let sizes = Sizes {
        articles: 6,
        paragraphs_per_article: 12,
        events: 400,
        organizations: 60,
        people: 20,
        facts: 30,
        glossary: 10,
    };
    let dataset = Dataset::from_files(&synthetic::files(sizes, 3)).unwrap();
    let links = LinkIndex::new(&dataset);
    assert_properties(&dataset, &links);
    // Each relationship sentence that quotes its organization's name links it
    // in the paragraph it cites.
    let mut checked = 0;
    for (i, o) in dataset.organizations.iter().enumerate() {
        for r in o.relationships.iter().filter(|r| r.quote.contains(&o.name)) {
            checked += 1;
            let a = article_index(&dataset, &r.source.article);
            assert!(
                links
                    .of(a, r.source.paragraph)
                    .iter()
                    .any(|l| l.target == LinkTarget::Organization(i)),
                "{} in {} {}",
                o.name,
                r.source.article,
                r.source.paragraph
            );
        }
    }
    assert!(checked > 20, "{checked}");
}
