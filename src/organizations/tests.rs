//! Tests against the bundled dataset, and properties over a synthetic one.

use std::collections::BTreeSet;

use super::*;
use crate::dataset::Dataset;
use crate::dataset::synthetic::{self, Sizes};
use crate::model::{Date, OrganizationKind, RelationshipKind};
use crate::quiz::Rng;

const COLUMNS: [SortColumn; 6] = [
    SortColumn::Acronym,
    SortColumn::Name,
    SortColumn::Kind,
    SortColumn::Relationship,
    SortColumn::Since,
    SortColumn::Mentions,
];
const ORDERS: [SortOrder; 2] = [SortOrder::Ascending, SortOrder::Descending];

fn bundled() -> Dataset {
    Dataset::embedded().unwrap()
}

fn index_of(dataset: &Dataset, id: &str) -> usize {
    dataset
        .organizations
        .iter()
        .position(|o| o.id == id)
        .unwrap_or_else(|| panic!("no organization {id}"))
}

fn ids(dataset: &Dataset, indices: &[usize]) -> BTreeSet<String> {
    indices
        .iter()
        .map(|&i| dataset.organizations[i].id.clone())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn text_filter(text: &str) -> Filter {
    Filter {
        text: text.to_owned(),
        ..Filter::default()
    }
}

fn has_value(row: &OrgRow, column: SortColumn) -> bool {
    match column {
        SortColumn::Relationship => row.relationship.is_some(),
        SortColumn::Since => row.since.is_some(),
        _ => true,
    }
}

fn sorted(rows: &[OrgRow], column: SortColumn, direction: SortOrder) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    sort(rows, &mut order, column, direction);
    order
}

#[test]
fn one_row_per_organization_in_file_order() {
    let dataset = bundled();
    let rows = rows(&dataset);
    assert_eq!(rows.len(), 18);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.index, i);
        assert_eq!(row.name, dataset.organizations[i].name);
        assert_eq!(row.short_name(), dataset.organizations[i].short_name());
    }
}

#[test]
fn the_un_row() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let un = &rows[index_of(&dataset, "un")];
    assert_eq!(un.acronym.as_deref(), Some("UN"));
    assert_eq!(un.name, "United Nations");
    assert_eq!(un.kind, OrganizationKind::Global);
    assert_eq!(un.relationship, Some(RelationshipKind::Member));
    assert_eq!(un.since, Some(Date::year(1992)));
    assert!(un.mentions >= 8, "{}", un.mentions);
}

#[test]
fn row_mentions_count_the_places_mentions_lists() {
    let dataset = bundled();
    for row in rows(&dataset) {
        assert_eq!(
            row.mentions,
            mentions(&dataset, row.index).len(),
            "{}",
            row.name
        );
    }
}

#[test]
fn rows_without_a_value_sort_last_both_ways() {
    let dataset = bundled();
    let rows = rows(&dataset);
    for column in COLUMNS {
        for direction in ORDERS {
            let order = sorted(&rows, column, direction);
            let first_missing = order
                .iter()
                .position(|&i| !has_value(&rows[i], column))
                .unwrap_or(order.len());
            assert!(
                order[first_missing..]
                    .iter()
                    .all(|&i| !has_value(&rows[i], column)),
                "{column:?} {direction:?}"
            );
        }
    }
    // The bundled data has rows without a relationship and without a since-date.
    let by_relationship = sorted(&rows, SortColumn::Relationship, SortOrder::Descending);
    assert_eq!(rows[by_relationship[17]].relationship, None);
    let by_since = sorted(&rows, SortColumn::Since, SortOrder::Descending);
    assert_eq!(rows[by_since[17]].since, None);
}

#[test]
fn sorted_rows_follow_the_column_then_the_name() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let key = |row: &OrgRow, column: SortColumn| -> String {
        match column {
            SortColumn::Acronym => row.short_name().to_lowercase(),
            SortColumn::Name => row.name.to_lowercase(),
            SortColumn::Kind => format!("{}", row.kind as u8),
            SortColumn::Relationship => format!(
                "{:?}",
                row.relationship.map(|k| crate::model::RelationshipKind::ALL
                    .iter()
                    .position(|x| *x == k))
            ),
            SortColumn::Since => row.since.map(|d| d.iso()).unwrap_or_default(),
            SortColumn::Mentions => format!("{:06}", row.mentions),
        }
    };
    for column in COLUMNS {
        for direction in ORDERS {
            let order = sorted(&rows, column, direction);
            for pair in order.windows(2) {
                let (a, b) = (&rows[pair[0]], &rows[pair[1]]);
                if !has_value(a, column) || !has_value(b, column) {
                    continue;
                }
                let (ka, kb) = (key(a, column), key(b, column));
                match direction {
                    SortOrder::Ascending => assert!(ka <= kb, "{column:?}: {ka} > {kb}"),
                    SortOrder::Descending => assert!(ka >= kb, "{column:?}: {ka} < {kb}"),
                }
                if ka == kb {
                    assert!(
                        a.name.to_lowercase() <= b.name.to_lowercase(),
                        "{column:?} {direction:?}: tie not by name"
                    );
                }
            }
        }
    }
}

#[test]
fn sorting_is_stable() {
    let row = |index: usize, name: &str, mentions: usize| OrgRow {
        index,
        acronym: None,
        name: name.to_owned(),
        kind: OrganizationKind::Global,
        relationship: None,
        since: None,
        mentions,
    };
    // Rows 0, 2 and 3 tie on every key, name included; only stability orders them.
    let rows = vec![
        row(0, "Same", 1),
        row(1, "Other", 1),
        row(2, "Same", 1),
        row(3, "Same", 1),
    ];
    for column in COLUMNS {
        for direction in ORDERS {
            let mut order = vec![3, 1, 0, 2];
            sort(&rows, &mut order, column, direction);
            let same: Vec<usize> = order.iter().copied().filter(|&i| i != 1).collect();
            assert_eq!(same, vec![3, 0, 2], "{column:?} {direction:?}");
        }
    }
}

#[test]
fn text_sorts_ignoring_case_then_exactly() {
    let row = |index: usize, acronym: Option<&str>, name: &str| OrgRow {
        index,
        acronym: acronym.map(str::to_owned),
        name: name.to_owned(),
        kind: OrganizationKind::Global,
        relationship: None,
        since: None,
        mentions: 0,
    };
    let rows = vec![
        row(0, None, "beta"),
        row(1, Some("ZZ"), "Alpha"),
        row(2, None, "Éclair"),
        row(3, Some("aa"), "alpha"),
        row(4, None, "eclair"),
    ];
    let names =
        |order: &[usize]| -> Vec<&str> { order.iter().map(|&i| rows[i].name.as_str()).collect() };
    let by_name = sorted(&rows, SortColumn::Name, SortOrder::Ascending);
    assert_eq!(
        names(&by_name),
        ["Alpha", "alpha", "beta", "eclair", "Éclair"]
    );
    let by_name = sorted(&rows, SortColumn::Name, SortOrder::Descending);
    assert_eq!(
        names(&by_name),
        ["Éclair", "eclair", "beta", "alpha", "Alpha"]
    );
    // The acronym where there is one, otherwise the name. Letters compare by
    // code point, without locale collation: "é" comes after "z".
    let by_acronym = sorted(&rows, SortColumn::Acronym, SortOrder::Ascending);
    assert_eq!(
        names(&by_acronym),
        ["alpha", "beta", "eclair", "Alpha", "Éclair"]
    );
}

#[test]
fn since_ascending_starts_with_the_un() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let order = sorted(&rows, SortColumn::Since, SortOrder::Ascending);
    assert_eq!(rows[order[0]].short_name(), "UN");
    assert_eq!(rows[order[0]].since, Some(Date::year(1992)));
    let order = sorted(&rows, SortColumn::Since, SortOrder::Descending);
    assert_eq!(rows[order[0]].since, Some(Date::month(2022, 6)));
}

#[test]
fn indices_outside_the_rows_sort_last() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let mut order = vec![99, 1, 0];
    sort(&rows, &mut order, SortColumn::Name, SortOrder::Descending);
    assert_eq!(order[2], 99);
}

#[test]
fn text_finds_names_aliases_and_acronyms() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let found = |text: &str| ids(&dataset, &filter(&rows, &dataset, &text_filter(text)));
    assert_eq!(found("non-aligned"), set(&["nam"]));
    // Only an alias says "Movement of Non-Aligned".
    assert_eq!(found("movement of non-aligned"), set(&["nam"]));
    assert_eq!(found("MOVEMENT OF NON-ALIGNED"), set(&["nam"]));
    // "eco": the ECO, and ESCAP's name ("UN Economic and Social Commission…").
    assert_eq!(found("eco"), set(&["eco", "escap"]));
    assert_eq!(found("  eco "), set(&["eco", "escap"]));
    assert_eq!(found("MFA Turkmenistan"), set(&["mfa-turkmenistan"]));
    assert_eq!(found("no such body").len(), 0);
    assert_eq!(found("").len(), 18);
}

#[test]
fn relationship_chips() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let chips = |kinds: &[Option<RelationshipKind>]| {
        let filter_by = Filter {
            relationships: kinds.iter().copied().collect(),
            ..Filter::default()
        };
        ids(&dataset, &filter(&rows, &dataset, &filter_by))
    };
    assert_eq!(
        chips(&[Some(RelationshipKind::Member)]),
        set(&["un", "nam"])
    );
    assert_eq!(
        chips(&[None]),
        set(&[
            "escap",
            "un-counter-terrorism-executive-directorate",
            "organization-of-turkic-states",
            "global-green-growth-institute",
        ])
    );
    // The SCO's second relationship is cooperation: the chip finds it too.
    assert!(chips(&[Some(RelationshipKind::Cooperation)]).contains("sco"));
    assert_eq!(
        chips(&[Some(RelationshipKind::Member), Some(RelationshipKind::Host)]),
        set(&["un", "nam", "unrcca"])
    );
}

#[test]
fn kind_chips_and_combined_filters() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let regional = Filter {
        kinds: BTreeSet::from([OrganizationKind::Regional]),
        ..Filter::default()
    };
    assert_eq!(
        ids(&dataset, &filter(&rows, &dataset, &regional)),
        set(&[
            "eu",
            "sco",
            "osce",
            "cis",
            "eco",
            "organization-of-turkic-states"
        ])
    );
    let regional_eco = Filter {
        text: "eco".to_owned(),
        ..regional
    };
    assert_eq!(
        ids(&dataset, &filter(&rows, &dataset, &regional_eco)),
        set(&["eco"])
    );
}

#[test]
fn standing_of_the_un_and_nam_respects_year_precision() {
    let dataset = bundled();
    let un = &dataset.organizations[index_of(&dataset, "un")];
    let member = RelationshipKind::Member;
    assert_eq!(
        standing_on(un, Date::day(1991, 6, 1)),
        [StandingOn::NotYet(member)]
    );
    assert_eq!(
        standing_on(un, Date::day(1992, 6, 1)),
        [StandingOn::Unknown(member)]
    );
    assert_eq!(
        standing_on(un, Date::day(1992, 1, 1)),
        [StandingOn::Unknown(member)]
    );
    assert_eq!(
        standing_on(un, Date::day(1992, 12, 31)),
        [StandingOn::Held(member)]
    );
    assert_eq!(
        standing_on(un, Date::day(1993, 1, 1)),
        [StandingOn::Held(member)]
    );

    let nam = &dataset.organizations[index_of(&dataset, "nam")];
    assert_eq!(
        standing_on(nam, Date::day(1994, 12, 31)),
        [StandingOn::NotYet(member)]
    );
    assert_eq!(
        standing_on(nam, Date::day(1995, 10, 20)),
        [StandingOn::Unknown(member)]
    );
    assert_eq!(
        standing_on(nam, Date::day(1995, 12, 31)),
        [StandingOn::Held(member)]
    );
    assert_eq!(
        standing_on(nam, Date::day(1996, 1, 1)),
        [StandingOn::Held(member)]
    );
}

#[test]
fn standing_respects_month_precision_and_vague_dates() {
    let dataset = bundled();
    // Vice-chair since "2022-06".
    let assembly = &dataset.organizations[index_of(&dataset, "un-general-assembly")];
    let office = RelationshipKind::Office;
    assert_eq!(
        standing_on(assembly, Date::day(2022, 5, 31)),
        [StandingOn::NotYet(office)]
    );
    assert_eq!(
        standing_on(assembly, Date::day(2022, 6, 15)),
        [StandingOn::Unknown(office)]
    );
    assert_eq!(
        standing_on(assembly, Date::day(2022, 6, 30)),
        [StandingOn::Held(office)]
    );
    // Asked about the whole of 2022, it began inside it: unknown.
    assert_eq!(
        standing_on(assembly, Date::year(2022)),
        [StandingOn::Unknown(office)]
    );
    assert_eq!(
        standing_on(assembly, Date::year(2023)),
        [StandingOn::Held(office)]
    );
    assert_eq!(
        standing_on(assembly, Date::month(2022, 5)),
        [StandingOn::NotYet(office)]
    );
}

#[test]
fn standing_without_since_or_relationship() {
    let dataset = bundled();
    let sco = &dataset.organizations[index_of(&dataset, "sco")];
    for date in [
        Date::day(1900, 1, 1),
        Date::year(2022),
        Date::day(2100, 1, 1),
    ] {
        assert_eq!(
            standing_on(sco, date),
            [
                StandingOn::Unknown(RelationshipKind::GuestOfHonour),
                StandingOn::Unknown(RelationshipKind::Cooperation),
            ]
        );
    }
    let escap = &dataset.organizations[index_of(&dataset, "escap")];
    assert_eq!(
        standing_on(escap, Date::day(2023, 5, 1)),
        [StandingOn::NotStated]
    );
}

#[test]
fn counts_agree_with_standing() {
    let dataset = bundled();
    for date in [
        Date::day(1991, 6, 1),
        Date::day(1992, 6, 1),
        Date::day(1993, 1, 1),
        Date::day(1995, 6, 1),
        Date::year(2007),
        Date::day(2025, 12, 12),
    ] {
        let mut expected = Counts::default();
        for organization in &dataset.organizations {
            match standing_on(organization, date)[0] {
                StandingOn::Held(_) => expected.held += 1,
                StandingOn::NotYet(_) => expected.not_yet += 1,
                StandingOn::Unknown(_) => expected.unknown += 1,
                StandingOn::NotStated => expected.not_stated += 1,
            }
        }
        let counts = counts_on(&dataset, date);
        assert_eq!(counts, expected, "{date}");
        let total = counts.held + counts.not_yet + counts.unknown + counts.not_stated;
        assert_eq!(total, 18);
        assert_eq!(counts.not_stated, 4);
    }
    let in_1993 = counts_on(&dataset, Date::day(1993, 1, 1));
    assert_eq!(in_1993.held, 1, "only the UN");
    assert_eq!(
        in_1993.not_yet, 4,
        "NAM, the Assembly office, UNRCCA, the Group"
    );
}

#[test]
fn headline_figures_are_series_by_measure() {
    let dataset = bundled();
    let series = figure_series(&dataset);
    let relations: Vec<_> = series
        .iter()
        .filter(|s| s.measure == "countries with which Turkmenistan has diplomatic relations")
        .collect();
    assert_eq!(relations.len(), 1);
    let values: Vec<(f64, Date)> = relations[0]
        .points
        .iter()
        .map(|&i| (dataset.facts[i].value, dataset.facts[i].as_of))
        .collect();
    assert_eq!(
        values,
        [(149.0, Date::year(2022)), (155.0, Date::year(2025))]
    );
    assert_eq!(relations[0].unit, "countries");
    assert_eq!(series[0].measure, relations[0].measure, "file order");
    // Facts about one organization are not headline figures.
    for one in &series {
        for &i in &one.points {
            assert!(dataset.facts[i].organizations.is_empty(), "{}", one.measure);
        }
    }
    assert!(series.iter().all(|s| !s.measure.contains("SCO")));
    let points: usize = series.iter().map(|s| s.points.len()).sum();
    assert_eq!(points, 8);
}

#[test]
fn facts_about_an_organization() {
    let dataset = bundled();
    let about_sco: Vec<&str> = facts_about(&dataset, index_of(&dataset, "sco"))
        .into_iter()
        .map(|i| dataset.facts[i].id.as_str())
        .collect();
    assert_eq!(
        about_sco,
        [
            "sco-years-2022",
            "sco-area-2022",
            "sco-share-of-eurasia-2022",
            "sco-population-2022",
        ]
    );
    assert!(facts_about(&dataset, index_of(&dataset, "eco")).is_empty());
    assert!(facts_about(&dataset, 999).is_empty());
}

#[test]
fn tally_counts_what_each_chip_would_show() {
    let dataset = bundled();
    let rows = rows(&dataset);
    let (by_relationship, by_kind) = tally(&dataset);
    assert_eq!(by_kind.iter().map(|(_, n)| n).sum::<usize>(), 18);
    assert!(by_relationship.iter().all(|(_, n)| *n > 0));
    assert!(by_kind.iter().all(|(_, n)| *n > 0));
    assert_eq!(by_relationship.last(), Some(&(None, 4)));
    // The SCO is a guest of honour and cooperates: it counts under both.
    assert!(by_relationship.iter().map(|(_, n)| n).sum::<usize>() > 18);
    for (kind, count) in &by_relationship {
        let chip = Filter {
            relationships: [*kind].into_iter().collect(),
            ..Filter::default()
        };
        assert_eq!(filter(&rows, &dataset, &chip).len(), *count, "{kind:?}");
    }
    for (kind, count) in &by_kind {
        let chip = Filter {
            kinds: [*kind].into_iter().collect(),
            ..Filter::default()
        };
        assert_eq!(filter(&rows, &dataset, &chip).len(), *count, "{kind:?}");
    }
    let kinds: Vec<_> = by_kind.iter().map(|(k, _)| *k).collect();
    let mut in_order = kinds.clone();
    in_order.sort();
    assert_eq!(kinds, in_order);
    assert!(by_kind.contains(&(OrganizationKind::Regional, 6)));
}

#[test]
fn change_between_two_dated_figures() {
    let dataset = bundled();
    let series = figure_series(&dataset);
    let facts_of = |measure: &str| -> Vec<&crate::model::Fact> {
        let one = series
            .iter()
            .find(|s| s.measure.starts_with(measure))
            .unwrap();
        one.points.iter().map(|&i| &dataset.facts[i]).collect()
    };
    assert_eq!(
        change_text(&facts_of("countries with which")).as_deref(),
        Some("(+6 from 2022 to 2025)")
    );
    // One value: nothing to compare. "About 50": too rough to subtract.
    assert_eq!(change_text(&facts_of("international conventions")), None);
    let mut rough = dataset.facts.clone();
    for fact in &mut rough {
        fact.qualifier = crate::model::Qualifier::About;
    }
    let rough: Vec<_> = rough
        .iter()
        .filter(|f| f.measure.starts_with("countries with which"))
        .collect();
    assert_eq!(rough.len(), 2);
    assert_eq!(change_text(&rough), None);
    assert_eq!(change_text(&[]), None);
}

#[test]
fn where_the_eco_is_mentioned() {
    let dataset = bundled();
    let eco = index_of(&dataset, "eco");
    let article = dataset
        .articles
        .iter()
        .position(|a| a.id == "cooperation-international-organizations")
        .unwrap();
    assert_eq!(mentions(&dataset, eco), [(article, 11)]);
    let events: Vec<&str> = events_of(&dataset, eco)
        .into_iter()
        .map(|i| &*dataset.events[i].id)
        .collect();
    assert_eq!(events, ["eco-summit-ashgabat-1996", "eco-15th-summit"]);
    assert!(mentions(&dataset, 999).is_empty());
    assert!(events_of(&dataset, 999).is_empty());
}

#[test]
fn mentions_are_ordered_and_distinct() {
    let dataset = bundled();
    let places = mentions(&dataset, index_of(&dataset, "un"));
    assert!(places.windows(2).all(|w| w[0] < w[1]));
    // Its own eight sources; the events that list it add none (see below).
    assert_eq!(places.len(), 8);
}

#[test]
fn a_mention_is_a_paragraph_that_names_the_organization_or_cites_it() {
    // Events are not counted as mentions: the Ashgabat conference lists the UN,
    // but its sessions paragraph (¶7) does not name it. Every place counted is
    // either one of the organization's own sources (which may say "this
    // organization") or a paragraph that names it.
    let dataset = bundled();
    for (index, organization) in dataset.organizations.iter().enumerate() {
        let mut names: Vec<String> = vec![organization.name.to_lowercase()];
        names.extend(organization.acronym.iter().map(|a| a.to_lowercase()));
        names.extend(organization.aliases.iter().map(|a| a.to_lowercase()));
        for (article_index, paragraph) in mentions(&dataset, index) {
            let article = &dataset.articles[article_index];
            let own = organization
                .sources
                .iter()
                .any(|s| s.article == article.id && s.paragraph == paragraph);
            let text = article.paragraph(paragraph).unwrap().text().to_lowercase();
            assert!(
                own || names.iter().any(|name| text.contains(name.as_str())),
                "{} in {} ¶{paragraph}",
                organization.id,
                article.id
            );
        }
    }
    let un = index_of(&dataset, "un");
    let conference = dataset
        .articles
        .iter()
        .position(|a| a.id == "ashgabat-conference-2024")
        .unwrap();
    assert!(!mentions(&dataset, un).contains(&(conference, 7)));
}

#[test]
fn properties_over_a_synthetic_dataset() {
    let sizes = Sizes {
        articles: 20,
        paragraphs_per_article: 20,
        events: 1_000,
        organizations: 2_000,
        people: 10,
        facts: 50,
        glossary: 5,
    };
    let dataset = match Dataset::from_files(&synthetic::files(sizes, 7)) {
        Ok(dataset) => dataset,
        Err(err) => panic!("{err}"),
    };
    let rows = rows(&dataset);
    assert_eq!(rows.len(), 2_000);
    let mut rng = Rng::new(7, 99);
    let mut shuffled: Vec<usize> = (0..rows.len()).collect();
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    for column in COLUMNS {
        for direction in ORDERS {
            let mut order = shuffled.clone();
            sort(&rows, &mut order, column, direction);
            let mut seen = order.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..rows.len()).collect::<Vec<_>>(), "{column:?}");
            let first_missing = order
                .iter()
                .position(|&i| !has_value(&rows[i], column))
                .unwrap_or(order.len());
            assert!(
                order[first_missing..]
                    .iter()
                    .all(|&i| !has_value(&rows[i], column))
            );
        }
    }

    assert_eq!(
        filter(&rows, &dataset, &Filter::default()),
        (0..rows.len()).collect::<Vec<_>>()
    );
    let letters = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let relationship_kinds = [
        None,
        Some(RelationshipKind::Member),
        Some(RelationshipKind::Host),
        Some(RelationshipKind::National),
    ];
    let kinds = [
        OrganizationKind::Global,
        OrganizationKind::Informal,
        OrganizationKind::National,
    ];
    for round in 0..50 {
        let length = rng.below(4);
        let text: String = (0..length)
            .map(|_| char::from(letters[rng.below(letters.len())]))
            .collect();
        let mut chosen = Filter {
            text,
            ..Filter::default()
        };
        if round % 2 == 0 {
            chosen
                .relationships
                .insert(relationship_kinds[rng.below(relationship_kinds.len())]);
        }
        if round % 3 == 0 {
            chosen.kinds.insert(kinds[rng.below(kinds.len())]);
        }
        let passed = filter(&rows, &dataset, &chosen);
        assert!(passed.windows(2).all(|w| w[0] < w[1]), "{chosen:?}");
        assert!(passed.iter().all(|&i| i < rows.len()));
        // A plain, allocating oracle gives the same rows.
        let needle = chosen.text.to_lowercase();
        let expected: Vec<usize> = rows
            .iter()
            .filter(|row| {
                let organization = &dataset.organizations[row.index];
                let stated: Vec<Option<RelationshipKind>> = if organization.relationships.is_empty()
                {
                    vec![None]
                } else {
                    organization
                        .relationships
                        .iter()
                        .map(|r| Some(r.kind))
                        .collect()
                };
                let texts = row
                    .acronym
                    .iter()
                    .chain([&row.name])
                    .chain(&organization.aliases);
                (chosen.kinds.is_empty() || chosen.kinds.contains(&row.kind))
                    && (chosen.relationships.is_empty()
                        || stated.iter().any(|k| chosen.relationships.contains(k)))
                    && texts
                        .into_iter()
                        .any(|t| t.to_lowercase().contains(&needle))
            })
            .map(|row| row.index)
            .collect();
        assert_eq!(passed, expected, "{chosen:?}");
    }

    // The one-pass counts agree with the per-organization look-up.
    for index in (0..rows.len()).step_by(97) {
        assert_eq!(rows[index].mentions, mentions(&dataset, index).len());
    }
    let (_, by_kind) = tally(&dataset);
    assert_eq!(by_kind.iter().map(|(_, n)| n).sum::<usize>(), 2_000);
    let counts = counts_on(&dataset, Date::day(2000, 1, 1));
    assert_eq!(
        counts.held + counts.not_yet + counts.unknown + counts.not_stated,
        2_000
    );
}
