//! Tests against the bundled dataset, the folding and snippet helpers, and
//! totals over a synthetic dataset checked against a plain scan.

use std::ops::Range;

use super::fold::{self, Folded};
use super::hits::{excerpt, highlights};
use super::query::{Tier, terms};
use super::vocabulary::Vocabulary;
use super::*;
use crate::dataset::Dataset;
use crate::dataset::synthetic::{self, Sizes};
use crate::model::Article;
use crate::quiz::Rng;

fn bundled() -> (Dataset, SearchIndex) {
    let dataset = Dataset::embedded().unwrap();
    let index = SearchIndex::new(&dataset);
    (dataset, index)
}

fn group(results: &SearchResults, kind: GroupKind) -> &Group {
    results
        .group(kind)
        .unwrap_or_else(|| panic!("no {} in {results:#?}", kind.label()))
}

/// A plain, independent folding for checks: lowercase and the typographic
/// apostrophe made plain (all the bundled text needs).
fn simple_fold(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

/// Every occurrence of `needle` in `haystack`, without overlaps, by a plain loop.
fn count_plain(haystack: &str, needle: &str) -> usize {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let mut count = 0;
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        if &haystack[i..i + needle.len()] == needle {
            count += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    count
}

fn check_ranges(text: &str, ranges: &[Range<usize>], words: &[String], what: &str) {
    let mut previous_end = 0;
    for range in ranges {
        assert!(range.start < range.end, "{what}: empty range {range:?}");
        assert!(range.start >= previous_end, "{what}: ranges out of order");
        previous_end = range.end;
        let Some(slice) = text.get(range.clone()) else {
            panic!("{what}: {range:?} is not on char boundaries of {text:?}");
        };
        let slice = simple_fold(slice);
        assert!(
            words.iter().any(|word| slice.contains(word.as_str())),
            "{what}: {slice:?} covers none of {words:?}"
        );
    }
}

/// Checks every hit's ranges for `query` (whose words the bundled text folds
/// to by `simple_fold`), and that each hit highlights something.
fn check_highlights(dataset: &Dataset, index: &SearchIndex, query: &str) -> usize {
    let words: Vec<String> = query.split_whitespace().map(simple_fold).collect();
    let results = index.search(dataset, query, 1000);
    assert!(!results.is_empty(), "{query:?} found nothing");
    for hit in results.hits() {
        check_ranges(&hit.title, &hit.title_highlights, &words, &hit.title);
        check_ranges(&hit.snippet, &hit.highlights, &words, &hit.snippet);
        assert!(
            !hit.title_highlights.is_empty() || !hit.highlights.is_empty(),
            "{query:?}: nothing highlighted in {hit:#?}"
        );
    }
    results.hits().count()
}

#[test]
fn nam_finds_the_non_aligned_movement_first() {
    let (dataset, index) = bundled();
    let nam = dataset.organization_index("nam").unwrap();
    for query in ["NAM", "nam", "non aligned", "aligned non", "Non-Aligned"] {
        let results = index.search(&dataset, query, 10);
        let organizations = group(&results, GroupKind::Organizations);
        assert_eq!(
            organizations.hits[0].target,
            Target::Organization(nam),
            "{query:?}: {organizations:#?}"
        );
    }
    let hit = &index.search(&dataset, "NAM", 10).groups[0].hits[0];
    assert_eq!(hit.title, "NAM — Non-Aligned Movement");
    assert_eq!(hit.title_highlights, vec![Range { start: 0, end: 3 }]);
}

#[test]
fn every_word_must_appear() {
    let (dataset, index) = bundled();
    let results = index.search(&dataset, "aligned zzzqqq", 10);
    assert!(results.is_empty(), "{results:#?}");
    // Both words in one record, in different fields, is a match.
    let results = index.search(&dataset, "Atayeva representative", 10);
    assert_eq!(group(&results, GroupKind::People).total, 1);
}

#[test]
fn neutrality_finds_the_glossary_term_and_many_paragraphs() {
    let (dataset, index) = bundled();
    let results = index.search(&dataset, "neutrality", 5);
    let glossary = group(&results, GroupKind::Glossary);
    let Target::Glossary(first) = glossary.hits[0].target else {
        panic!("{glossary:#?}");
    };
    assert_eq!(dataset.glossary[first].term, "Permanent neutrality");
    let articles = group(&results, GroupKind::Articles);
    assert!(articles.total > 20, "only {} paragraphs", articles.total);
    assert_eq!(articles.hits.len(), 5);
}

#[test]
fn a_person_is_found_by_surname() {
    let (dataset, index) = bundled();
    let results = index.search(&dataset, "Atayeva", 10);
    let people = group(&results, GroupKind::People);
    let Target::Person(first) = people.hits[0].target else {
        panic!("{people:#?}");
    };
    assert_eq!(dataset.people[first].name, "Aksoltan Atayeva");
    assert_eq!(people.hits[0].title, "Aksoltan Atayeva");
    assert_eq!(
        &people.hits[0].title[people.hits[0].title_highlights[0].clone()],
        "Atayeva"
    );
}

#[test]
fn a_resolution_number_finds_its_event() {
    let (dataset, index) = bundled();
    let results = index.search(&dataset, "50/80", 10);
    let events = group(&results, GroupKind::Events);
    let Target::Event(first) = events.hits[0].target else {
        panic!("{events:#?}");
    };
    assert_eq!(dataset.events[first].resolution(), Some("50/80 A"));
    // The preamble that recalls it is found too.
    let articles = group(&results, GroupKind::Articles);
    assert!(articles.hits.iter().any(|h| h.snippet.contains("50/80 A")));
    check_highlights(&dataset, &index, "50/80");
    // "50/8" is inside "50/80"; "5/80" is not in the text at all.
    assert!(!index.search(&dataset, "50/8", 10).is_empty());
    assert!(index.search(&dataset, "5/80", 10).is_empty());
}

#[test]
fn highlights_are_valid_and_cover_the_match() {
    let (dataset, index) = bundled();
    for query in [
        "neutrality",
        "NEUTRAL",
        "turkmenistan",
        "non aligned",
        "peace dialogue",
        "united nations",
        "ashgabat",
        "assembly",
        "ality",
    ] {
        let shown = check_highlights(&dataset, &index, query);
        assert!(shown > 0, "{query:?}");
    }
}

#[test]
fn groups_come_in_the_fixed_order() {
    let (dataset, index) = bundled();
    let results = index.search(&dataset, "turkmenistan", 5);
    let kinds: Vec<GroupKind> = results.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, GroupKind::ALL, "every group has Turkmenistan");
    for query in ["un", "neutrality", "peace", "a"] {
        let results = index.search(&dataset, query, 5);
        let kinds: Vec<GroupKind> = results.groups.iter().map(|g| g.kind).collect();
        assert!(
            kinds.windows(2).all(|w| w[0] < w[1]),
            "{query:?}: {kinds:?}"
        );
        for group in &results.groups {
            assert!(group.hits.iter().all(|h| h.target.group() == group.kind));
        }
    }
}

#[test]
fn the_limit_is_kept_and_totals_count_everything() {
    let (dataset, index) = bundled();
    let all = index.search(&dataset, "turkmenistan", usize::MAX);
    let few = index.search(&dataset, "turkmenistan", 3);
    let none = index.search(&dataset, "turkmenistan", 0);
    assert_eq!(few.groups.len(), all.groups.len());
    for ((all, few), none) in all.groups.iter().zip(&few.groups).zip(&none.groups) {
        assert_eq!(all.total, all.hits.len());
        assert_eq!(few.total, all.total);
        assert_eq!(none.total, all.total);
        assert_eq!(few.hits.len(), all.total.min(3));
        assert!(none.hits.is_empty());
        assert_eq!(
            few.hits[..],
            all.hits[..few.hits.len()],
            "the best come first"
        );
    }
    // Counted independently: paragraphs holding the word, plus first
    // paragraphs of articles whose title holds it.
    let expected: usize = dataset
        .articles
        .iter()
        .flat_map(|a| {
            a.body.iter().enumerate().map(move |(i, block)| {
                simple_fold(&block.text()).contains("turkmenistan")
                    || (i == 0 && simple_fold(&a.title).contains("turkmenistan"))
            })
        })
        .filter(|&found| found)
        .count();
    assert_eq!(group(&all, GroupKind::Articles).total, expected);
    let people = dataset
        .people
        .iter()
        .filter(|p| simple_fold(&format!("{} {}", p.name, p.role)).contains("turkmenistan"))
        .count();
    assert_eq!(group(&all, GroupKind::People).total, people);
}

#[test]
fn hits_are_ranked() {
    let (dataset, index) = bundled();
    for query in [
        "un",
        "neutrality",
        "peace",
        "nations",
        "ashgabat conference",
    ] {
        let results = index.search(&dataset, query, usize::MAX);
        for group in &results.groups {
            assert!(
                group.hits.windows(2).all(|w| w[0].score >= w[1].score),
                "{query:?} in {:?}",
                group.kind
            );
        }
    }
    // The acronym that is the whole query beats names that merely contain it.
    let un = dataset.organization_index("un").unwrap();
    let results = index.search(&dataset, "UN", 10);
    let organizations = &group(&results, GroupKind::Organizations).hits;
    assert_eq!(organizations[0].target, Target::Organization(un));
    // Strictly: the whole field outranks the field's start ("UN General
    // Assembly"), which outranks a word inside a name ("World Tourism
    // Organization"'s acronym "UNWTO" is a start too, so compare by title).
    assert!(
        organizations[1].title.starts_with("UN"),
        "{organizations:#?}"
    );
    assert!(organizations[0].score > organizations[1].score);
    let scores = |query: &str, title: &str| {
        index
            .search(&dataset, query, usize::MAX)
            .hits()
            .find(|h| h.title == title)
            .map(|h| h.score)
            .unwrap_or_else(|| panic!("{query:?} does not find {title:?}"))
    };
    // Ties go to the shorter paragraph (first paragraphs aside: their
    // article's title is a field of theirs too).
    let results = index.search(&dataset, "neutrality", usize::MAX);
    let lengths: Vec<(u32, usize)> = group(&results, GroupKind::Articles)
        .hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Paragraph { article, paragraph } if paragraph > 1 => {
                let block = dataset.articles[article].paragraph(paragraph).unwrap();
                Some((h.score, block.text().len()))
            }
            _ => None,
        })
        .collect();
    assert!(lengths.len() > 10);
    assert!(
        lengths
            .windows(2)
            .all(|w| w[0].0 > w[1].0 || w[0].1 <= w[1].1),
        "{lengths:?}"
    );
    // The same for a term with punctuation: the resolution field "69/285"
    // whole beats its start.
    let top_event =
        |query: &str| group(&index.search(&dataset, query, 1), GroupKind::Events).hits[0].clone();
    assert_eq!(top_event("69/285").title, top_event("69/28").title);
    assert!(top_event("69/285").score > top_event("69/28").score);
    assert!(top_event("69/28").score > top_event("9/28").score);
    // "Non-Aligned Movement": start of the field > whole word > start of a word > inside.
    let title = "NAM — Non-Aligned Movement";
    assert!(scores("non", title) > scores("aligned", title));
    assert!(scores("aligned", title) > scores("align", title));
    assert!(scores("align", title) > scores("ligned", title));
}

/// The name and title texts of a hit's target, read straight from the dataset.
fn names(dataset: &Dataset, target: Target) -> Vec<String> {
    match target {
        Target::Organization(i) => {
            let o = &dataset.organizations[i];
            let mut names = vec![o.name.clone()];
            names.extend(o.acronym.clone());
            names.extend(o.aliases.iter().cloned());
            names
        }
        Target::Person(i) => vec![dataset.people[i].name.clone()],
        Target::Event(i) => {
            let e = &dataset.events[i];
            let mut names = vec![e.title.to_string()];
            names.extend(e.resolution().map(str::to_owned));
            names
        }
        Target::Glossary(i) => {
            let t = &dataset.glossary[i];
            let mut names = vec![t.term.clone()];
            names.extend(t.aliases.iter().cloned());
            names
        }
        Target::Paragraph {
            article,
            paragraph: 1,
        } => {
            vec![dataset.articles[article].title.clone()]
        }
        Target::Paragraph { .. } => Vec::new(),
    }
}

#[test]
fn terms_with_punctuation_are_found_as_written() {
    let (dataset, index) = bundled();
    for query in [
        "non-aligned",
        "Turkmenistan’s",
        "turkmenistan's",
        "50/80",
        "69/285",
        "socio-economic",
        "n's",
        "2022-2052",
    ] {
        let needle = simple_fold(query);
        let expected = dataset
            .articles
            .iter()
            .flat_map(|a| {
                let needle = &needle;
                a.body.iter().enumerate().map(move |(i, block)| {
                    simple_fold(&block.text()).contains(needle.as_str())
                        || (i == 0 && simple_fold(&a.title).contains(needle.as_str()))
                })
            })
            .filter(|&found| found)
            .count();
        let results = index.search(&dataset, query, 3);
        let found = results.group(GroupKind::Articles).map_or(0, |g| g.total);
        assert_eq!(found, expected, "{query:?}");
    }
    assert!(
        !index.search(&dataset, "non-aligned", 3).is_empty(),
        "the count above is not vacuous"
    );
    // Punctuation must be as written: "aligned-non" is nowhere.
    assert!(index.search(&dataset, "aligned-non", 3).is_empty());
}

#[test]
fn name_matches_rank_above_body_matches() {
    let (dataset, index) = bundled();
    for query in [
        "neutrality",
        "peace",
        "un",
        "assembly",
        "turkmenistan",
        "central",
    ] {
        let results = index.search(&dataset, query, usize::MAX);
        for group in &results.groups {
            let in_name: Vec<bool> = group
                .hits
                .iter()
                .map(|h| {
                    names(&dataset, h.target)
                        .iter()
                        .any(|n| simple_fold(n).contains(query))
                })
                .collect();
            assert!(
                in_name.windows(2).all(|w| w[0] || !w[1]),
                "{query:?} in {:?}: {in_name:?}",
                group.kind
            );
        }
    }
}

#[test]
fn blank_queries_find_nothing() {
    let (dataset, index) = bundled();
    for query in ["", " ", "\t\n ", "“ ”", " - "] {
        let results = index.search(&dataset, query, 10);
        assert!(results.is_empty(), "{query:?}");
        assert_eq!(results.total(), 0);
    }
}

#[test]
fn one_character_matches_word_starts_only() {
    let (dataset, index) = bundled();
    let results = index.search(&dataset, "z", usize::MAX);
    assert!(!results.is_empty());
    for hit in results.hits() {
        for (text, ranges) in [
            (&hit.title, &hit.title_highlights),
            (&hit.snippet, &hit.highlights),
        ] {
            for range in ranges {
                assert!(
                    fold::starts_word(text, range.start),
                    "{:?} in {text:?}",
                    &text[range.clone()]
                );
            }
        }
    }
    // "zone" starts with z; "Organization" has one inside, which must not count.
    let all = index.search(&dataset, "z", usize::MAX);
    let organizations_with_z_word = dataset
        .organizations
        .iter()
        .filter(|o| {
            let text = format!(
                "{} {} {} {}",
                o.acronym.as_deref().unwrap_or(""),
                o.name,
                o.aliases.join(" "),
                o.summary
            );
            text.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(['z', 'Z']))
        })
        .count();
    let found = all.group(GroupKind::Organizations).map_or(0, |g| g.total);
    assert_eq!(found, organizations_with_z_word);
}

#[test]
fn typographic_apostrophes_match_plain_ones() {
    let (dataset, index) = bundled();
    for query in ["Turkmenistan's", "Turkmenistan’s", "TURKMENISTAN‘S"] {
        let results = index.search(&dataset, query, usize::MAX);
        let articles = group(&results, GroupKind::Articles);
        assert!(articles.total > 5, "{query:?}: {}", articles.total);
        for hit in &articles.hits {
            let slices: Vec<&str> = hit
                .highlights
                .iter()
                .map(|r| &hit.snippet[r.clone()])
                .collect();
            assert!(
                slices
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case("turkmenistan’s")),
                "{query:?}: {slices:?}"
            );
        }
    }
    // And the other way round: a plain apostrophe in the text.
    let article = article_with(&["Ashgabat's “Neutrality” Arch"]);
    let found = find_in_article(&article, "ashgabat’s \"neutrality\"");
    assert_eq!(found.len(), 1);
    assert_eq!(
        &article.body[0].text()[found[0].range.clone()],
        "Ashgabat's “Neutrality”"
    );
}

fn article_with(paragraphs: &[&str]) -> Article {
    let body: Vec<String> = paragraphs
        .iter()
        .map(|p| format!("Paragraph(text: {p:?})"))
        .collect();
    ron::from_str(&format!(
        "Article(id: \"a\", title: \"A\", summary: \"S\", body: [{}])",
        body.join(", ")
    ))
    .unwrap()
}

#[test]
fn find_in_article_returns_every_occurrence() {
    let (dataset, _) = bundled();
    for query in ["neutrality", "the", "turkmenistan’s", "un", "a"] {
        let needle = simple_fold(query);
        for article in &dataset.articles {
            let found = find_in_article(article, query);
            let mut expected = Vec::new();
            for (i, block) in article.body.iter().enumerate() {
                let text = block.text();
                let count = count_plain(&simple_fold(&text), &needle);
                expected.extend(std::iter::repeat_n(i as u32 + 1, count));
                for m in found.iter().filter(|m| m.paragraph == i as u32 + 1) {
                    assert_eq!(simple_fold(&text[m.range.clone()]), needle);
                }
            }
            let paragraphs: Vec<u32> = found.iter().map(|m| m.paragraph).collect();
            assert_eq!(paragraphs, expected, "{query:?} in {}", article.id);
            assert!(
                found.windows(2).all(
                    |w| (w[0].paragraph, w[0].range.start) < (w[1].paragraph, w[1].range.start)
                ),
                "in order"
            );
        }
    }
    let article = &dataset.articles[0];
    assert!(find_in_article(article, "").is_empty());
    assert!(find_in_article(article, "   ").is_empty());
    assert!(find_in_article(article, "no such phrase anywhere").is_empty());
}

#[test]
fn find_in_article_maps_folded_text_back() {
    let article = article_with(&[
        "Türkmenistan and TURKMENISTAN and İstanbul",
        "Économie, économie, e\u{301}conomie",
    ]);
    let found = find_in_article(&article, "turkmenistan");
    let texts: Vec<String> = article.body.iter().map(|b| b.text()).collect();
    let slices: Vec<&str> = found
        .iter()
        .map(|m| &texts[m.paragraph as usize - 1][m.range.clone()])
        .collect();
    assert_eq!(slices, ["Türkmenistan", "TURKMENISTAN"]);
    let found = find_in_article(&article, "ECONOMIE");
    let slices: Vec<&str> = found
        .iter()
        .map(|m| &texts[m.paragraph as usize - 1][m.range.clone()])
        .collect();
    assert_eq!(slices, ["Économie", "économie", "e\u{301}conomie"]);
    let found = find_in_article(&article, "istanbul");
    assert_eq!(&texts[0][found[0].range.clone()], "İstanbul");
}

#[test]
fn folding_ignores_case_accents_and_typography() {
    assert_eq!(fold::fold_for_search("ÀÉÎÕÜÇÑŠŽŇÝÄÖŞ"), "aeioucnsznyaos");
    assert_eq!(
        fold::fold_for_search("Türkmenistan’s “Ýyl” – Σ"),
        "turkmenistan's \"yyl\" - σ"
    );
    assert_eq!(fold::fold_for_search("Æ ß Œ"), "æ ß œ");
    let folded = Folded::new("“Tür”");
    assert_eq!(folded.text, "\"tur\"");
    assert_eq!(folded.original(1..4), 3..7, "“ is 3 bytes, ü 2");
    assert_eq!(folded.original(2..3), 4..6);
    assert_eq!(folded.original(0..5), 0..10);
    assert_eq!(Folded::new("plain Text").original(6..10), 6..10);
}

#[test]
fn entries_tier_their_matches() {
    let vocabulary = Vocabulary::new([
        "aligned",
        "non-aligned",
        "nonaligned",
        "nonaligned-aligned",
        "un-nonaligned",
    ]);
    let found = |term: &str| {
        let term = &terms(term)[0];
        let mut out = Vec::new();
        vocabulary.matching(&term.text, term.word_starts_only, &mut out);
        out.iter()
            .map(|f| {
                (
                    vocabulary.entry(f.entry as usize).to_owned(),
                    f.tier,
                    f.at_start,
                    f.whole,
                )
            })
            .collect::<Vec<_>>()
    };
    let entry = |e: &str, tier, at_start, whole| (e.to_owned(), tier, at_start, whole);
    assert_eq!(
        found("aligned"),
        [
            entry("aligned", Tier::Word, true, true),
            entry("non-aligned", Tier::Word, false, false),
            entry("nonaligned", Tier::Inner, false, false),
            // Its second occurrence is the better.
            entry("nonaligned-aligned", Tier::Word, false, false),
            entry("un-nonaligned", Tier::Inner, false, false),
        ]
    );
    assert_eq!(
        found("non"),
        [
            entry("non-aligned", Tier::Word, true, false),
            entry("nonaligned", Tier::WordStart, true, false),
            entry("nonaligned-aligned", Tier::WordStart, true, false),
            entry("un-nonaligned", Tier::WordStart, false, false),
        ]
    );
    assert_eq!(
        found("n"),
        [
            entry("non-aligned", Tier::WordStart, true, false),
            entry("nonaligned", Tier::WordStart, true, false),
            entry("nonaligned-aligned", Tier::WordStart, true, false)
        ]
    );
    assert_eq!(
        found("non-aligned"),
        [entry("non-aligned", Tier::Word, true, true)]
    );
    assert_eq!(found("x"), []);
    assert!(Tier::Field > Tier::FieldStart && Tier::FieldStart > Tier::Word);
    assert!(Tier::Word > Tier::WordStart && Tier::WordStart > Tier::Inner);
    let parsed: Vec<String> = terms("  “Peace,”  peace DIALOGUE  ")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(parsed, ["peace", "dialogue"]);
}

#[test]
fn snippets_are_windows_around_the_first_match() {
    let long = "word ".repeat(60) + "target " + &"more ".repeat(60);
    let ranges = highlights(&long, &terms("target"));
    assert_eq!(ranges.len(), 1);
    let (snippet, marks) = excerpt("", &long, &ranges);
    assert!(
        snippet.starts_with('…') && snippet.ends_with('…'),
        "{snippet:?}"
    );
    assert!(snippet.chars().count() <= SNIPPET_CHARS + 2, "{snippet:?}");
    assert_eq!(&snippet[marks[0].clone()], "target");
    let lead = snippet[..marks[0].start].chars().count();
    assert!(
        (20..=35).contains(&lead),
        "{lead} characters before the match"
    );
    // A short text is shown whole; a match at the very end keeps the window full.
    let (whole, _) = excerpt("", "short text", &[]);
    assert_eq!(whole, "short text");
    let end = "word ".repeat(60) + "target";
    let (snippet, marks) = excerpt("", &end, &highlights(&end, &terms("target")));
    assert!(snippet.starts_with('…') && !snippet.ends_with('…'));
    assert!(snippet.chars().count() > 100, "{snippet:?}");
    assert_eq!(&snippet[marks[0].clone()], "target");
    // A label goes before, and the ranges move with it.
    let (snippet, marks) = excerpt("Also called ", "The Body", &[Range { start: 4, end: 8 }]);
    assert_eq!(&snippet[marks[0].clone()], "Body");
}

#[test]
fn synthetic_totals_match_a_plain_scan() {
    let sizes = Sizes {
        articles: 12,
        paragraphs_per_article: 8,
        events: 40,
        organizations: 30,
        people: 10,
        facts: 40,
        glossary: 8,
    };
    let dataset = Dataset::from_files(&synthetic::files(sizes, 3)).unwrap();
    let index = SearchIndex::new(&dataset);
    let vocabulary: Vec<String> = dataset
        .articles
        .iter()
        .flat_map(|a| a.body.iter().map(|b| b.text()))
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.len() > 3)
        .collect();
    let decimals: Vec<String> = dataset
        .articles
        .iter()
        .flat_map(|a| a.body.iter().map(|b| b.text()))
        .flat_map(|t| {
            t.split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
                .filter(|w| w.contains('.'))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!decimals.is_empty(), "the synthetic text has decimals");
    let mut rng = Rng::new(11, 0);
    for _ in 0..60 {
        let word = &vocabulary[rng.below(vocabulary.len())];
        // A prefix, an inner piece, two words, or a number with a decimal point.
        let query = match rng.below(4) {
            3 => {
                let number = &decimals[rng.below(decimals.len())];
                number[rng.below(number.find('.').unwrap())..].to_owned()
            }
            0 => word[..2 + rng.below(word.len() - 2)].to_owned(),
            1 => word[1..word.len() - 1].to_owned(),
            _ => format!("{word} {}", vocabulary[rng.below(vocabulary.len())]),
        };
        let results = index.search(&dataset, &query, 4);
        let words: Vec<&str> = query.split(' ').collect();
        let matches = |text: &str| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w))
        };
        let paragraphs = dataset
            .articles
            .iter()
            .flat_map(|a| {
                a.body.iter().enumerate().map(move |(i, b)| {
                    let text = b.text();
                    if i == 0 {
                        matches(&format!("{}\n{text}", a.title))
                    } else {
                        matches(&text)
                    }
                })
            })
            .filter(|&m| m)
            .count();
        let events = dataset
            .events
            .iter()
            .filter(|e| {
                matches(&format!(
                    "{}\n{}\n{}\n{}\n{}",
                    e.title,
                    e.date.human(),
                    e.description,
                    e.place().unwrap_or(""),
                    e.resolution().unwrap_or("")
                ))
            })
            .count();
        let total = |kind| results.group(kind).map_or(0, |g| g.total);
        assert_eq!(total(GroupKind::Articles), paragraphs, "{query:?}");
        assert_eq!(total(GroupKind::Events), events, "{query:?}");
        for group in &results.groups {
            assert_eq!(group.hits.len(), group.total.min(4));
        }
    }
}

/// Each document's sources, worked out from its number for the hits
/// shown, are those the index visited for it, in order: for the bundled
/// dataset and generated ones (many articles and paragraphs, aliases).
#[test]
fn a_documents_sources_are_the_fields_visited_for_it() {
    let mut datasets = vec![Dataset::embedded().unwrap()];
    for seed in 0..3 {
        datasets.push(Dataset::from_files(&synthetic::files(Sizes::small(), seed)).unwrap());
    }
    for dataset in &datasets {
        let index = SearchIndex::new(dataset);
        let mut visited: Vec<Vec<super::fields::Source>> = Vec::new();
        super::fields::for_each_field(dataset, |visit| match visit {
            super::fields::Visit::Record => visited.push(Vec::new()),
            super::fields::Visit::Field(source, _) => {
                if let Some(last) = visited.last_mut() {
                    last.push(source);
                }
            }
        });
        assert_eq!(visited.len(), index.doc_count());
        for (doc, sources) in visited.iter().enumerate() {
            assert_eq!(&index.doc_sources(dataset, doc), sources, "document {doc}");
        }
        assert!(index.doc_sources(dataset, visited.len()).is_empty());
    }
}
