//! The fast reader of our RON against ron, its judge (src/dataset/fast_ron):
//! records of every kind written as authors might write them (spacing,
//! comments, escapes, raw strings, Unicode, trailing commas, `Some(x)` or a
//! bare `x`) read to the same values both ways, and read fast; broken texts
//! that the fast reader takes, ron takes to the same values; what `read`
//! gives is always exactly what ron gives, errors included.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Debug;

use neutrality_reader::dataset::fast_ron;
use neutrality_reader::model::{
    Article, Event, Fact, GlossaryTerm, Manifest, Organization, Person,
};
use proptest::prelude::*;
use serde::de::DeserializeOwned;

/// A RON value to be written out in one of many ways.
#[derive(Clone, Debug)]
enum Node {
    /// A record: its name, whether the name must be written (an enum
    /// variant's), its fields.
    Rec(&'static str, bool, Vec<(&'static str, Node)>),
    Tup(Vec<Node>),
    List(Vec<Node>),
    Str(String),
    /// A number or a word, written as it stands.
    Bare(String),
    /// A whole number, maybe written with leading zeros.
    Int(u32),
    Opt(Option<Box<Node>>),
}

/// The choices that decide how a [`Node`] is written, taken in turn.
struct Style<'a> {
    choices: &'a [u8],
    at: usize,
}

impl Style<'_> {
    fn pick(&mut self, n: usize) -> usize {
        let c = self
            .choices
            .get(self.at % self.choices.len().max(1))
            .copied();
        self.at += 1;
        usize::from(c.unwrap_or(0)) % n
    }
}

const GAPS: &[&str] = &[
    "",
    " ",
    "\n    ",
    "\t",
    "\r\n  ",
    " // a note: ) ] \" , /* \n",
    " /* a /* nested */ note, \"quoted\" ) */ ",
    "/**/",
    "//\n",
];

fn gap(style: &mut Style<'_>, out: &mut String) {
    let n = style.pick(GAPS.len() * 3);
    // Mostly plain space, sometimes anything.
    out.push_str(GAPS.get(n).copied().unwrap_or(" "));
}

fn write_string(text: &str, style: &mut Style<'_>, out: &mut String) {
    if style.pick(4) == 0 && !text.contains("\"#") {
        out.push_str("r#\"");
        out.push_str(text);
        out.push_str("\"#");
        return;
    }
    if style.pick(6) == 0 && !text.contains('"') {
        out.push_str("r\"");
        out.push_str(text);
        out.push('"');
        return;
    }
    out.push('"');
    for c in text.chars() {
        match (c, style.pick(8)) {
            ('"', _) => out.push_str("\\\""),
            ('\\', _) => out.push_str("\\\\"),
            (_, 0) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            (_, 1) if c.is_ascii() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            ('\n', 2) => out.push_str("\\n"),
            ('\t', 2) => out.push_str("\\t"),
            ('\r', 2) => out.push_str("\\r"),
            ('\0', _) => out.push_str("\\0"),
            ('\'', 3) => out.push_str("\\'"),
            (' ', 4) => out.push_str(" \\\n     "),
            _ => out.push(c),
        }
    }
    out.push('"');
}

fn write_items(items: &[Node], open: char, close: char, style: &mut Style<'_>, out: &mut String) {
    out.push(open);
    for (i, item) in items.iter().enumerate() {
        gap(style, out);
        write(item, style, out);
        gap(style, out);
        if i + 1 < items.len() || style.pick(2) == 0 {
            out.push(',');
        }
    }
    gap(style, out);
    out.push(close);
}

fn write(node: &Node, style: &mut Style<'_>, out: &mut String) {
    match node {
        Node::Rec(name, named, fields) => {
            if *named || style.pick(3) != 0 {
                out.push_str(name);
                if !named && style.pick(4) == 0 {
                    gap(style, out);
                }
            }
            out.push('(');
            for (i, (field, value)) in fields.iter().enumerate() {
                gap(style, out);
                out.push_str(field);
                gap(style, out);
                out.push(':');
                gap(style, out);
                write(value, style, out);
                gap(style, out);
                if i + 1 < fields.len() || style.pick(2) == 0 {
                    out.push(',');
                }
            }
            gap(style, out);
            out.push(')');
        }
        Node::Tup(items) => write_items(items, '(', ')', style, out),
        Node::List(items) => write_items(items, '[', ']', style, out),
        Node::Str(text) => write_string(text, style, out),
        Node::Bare(text) => out.push_str(text),
        Node::Int(n) => {
            let zeros = ["", "0", "00"][style.pick(6).min(2)];
            out.push_str(&format!("{zeros}{n}"));
        }
        Node::Opt(None) => out.push_str("None"),
        Node::Opt(Some(inner)) => {
            if style.pick(3) == 0 {
                out.push_str("Some(");
                gap(style, out);
                write(inner, style, out);
                gap(style, out);
                if style.pick(3) == 0 {
                    out.push(',');
                }
                out.push(')');
            } else {
                write(inner, style, out);
            }
        }
    }
}

/// A list of records, written out.
fn written(records: &[Node], choices: &[u8]) -> String {
    let mut style = Style { choices, at: 0 };
    let mut out = String::from("// records\n");
    write_items(records, '[', ']', &mut style, &mut out);
    out.push('\n');
    out
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.:()\\[\\]\"\\\\/*#'’éü–ÄЖ\u{1F600}\n\t\r-]{0,24}",
        any::<String>(),
        Just(String::new()),
        Just("r#\"not raw\"#, Some(\"x\") // /* ".to_owned()),
    ]
}

fn string() -> impl Strategy<Value = Node> {
    text().prop_map(Node::Str)
}

/// An optional field: left out, `None`, or given (as `Some(x)` or `x`).
fn optional(
    name: &'static str,
    value: BoxedStrategy<Node>,
) -> BoxedStrategy<Vec<(&'static str, Node)>> {
    prop_oneof![
        Just(vec![]),
        Just(vec![(name, Node::Opt(None))]),
        value.prop_map(move |v| vec![(name, Node::Opt(Some(Box::new(v))))]),
    ]
    .boxed()
}

/// A field that has a default: left out, or given.
fn defaulted(
    name: &'static str,
    value: BoxedStrategy<Node>,
) -> BoxedStrategy<Vec<(&'static str, Node)>> {
    prop_oneof![Just(vec![]), value.prop_map(move |v| vec![(name, v)])].boxed()
}

fn date() -> impl Strategy<Value = String> {
    (
        1000..3000u32,
        proptest::option::of((1..13u32, proptest::option::of(1..29u32))),
    )
        .prop_map(|(year, rest)| match rest {
            None => format!("{year}"),
            Some((month, None)) => format!("{year}-{month:02}"),
            Some((month, Some(day))) => format!("{year}-{month:02}-{day:02}"),
        })
}

fn when() -> impl Strategy<Value = String> {
    prop_oneof![
        date(),
        (date(), date()).prop_map(|(a, b)| format!("{a}/{b}"))
    ]
}

fn word(words: &'static [&'static str]) -> BoxedStrategy<Node> {
    proptest::sample::select(words)
        .prop_map(|w| Node::Bare(w.to_owned()))
        .boxed()
}

fn strings() -> BoxedStrategy<Node> {
    proptest::collection::vec(string(), 0..3)
        .prop_map(Node::List)
        .boxed()
}

fn sources() -> BoxedStrategy<Node> {
    proptest::collection::vec((text(), any::<u32>()), 0..3)
        .prop_map(|s| {
            Node::List(
                s.into_iter()
                    .map(|(a, p)| Node::Tup(vec![Node::Str(a), Node::Int(p)]))
                    .collect(),
            )
        })
        .boxed()
}

fn unstated() -> BoxedStrategy<Node> {
    let mark = (
        word(&[
            "Date", "Title", "Acronym", "Name", "Measure", "Value", "Kind", "Since",
        ]),
        word(&["Corrected", "Inferred", "Ambiguous"]),
        string(),
    )
        .prop_map(|(f, b, r)| {
            Node::Rec(
                "Unstated",
                false,
                vec![("field", f), ("basis", b), ("reason", r)],
            )
        });
    proptest::collection::vec(mark, 0..2)
        .prop_map(Node::List)
        .boxed()
}

/// A record's fields, in any order.
fn record(
    name: &'static str,
    named: bool,
    parts: Vec<BoxedStrategy<Vec<(&'static str, Node)>>>,
) -> BoxedStrategy<Node> {
    parts
        .prop_flat_map(move |parts| {
            let fields: Vec<(&'static str, Node)> = parts.into_iter().flatten().collect();
            Just(fields).prop_shuffle()
        })
        .prop_map(move |fields| Node::Rec(name, named, fields))
        .boxed()
}

fn given(
    name: &'static str,
    value: BoxedStrategy<Node>,
) -> BoxedStrategy<Vec<(&'static str, Node)>> {
    value.prop_map(move |v| vec![(name, v)]).boxed()
}

fn event() -> BoxedStrategy<Node> {
    record(
        "Event",
        false,
        vec![
            given("id", string().boxed()),
            given("date", when().prop_map(Node::Str).boxed()),
            given("title", string().boxed()),
            given("description", string().boxed()),
            given(
                "category",
                word(&["Summit", "Milestone", "Battle_2", "_x", "None", "r"]),
            ),
            optional("place", string().boxed()),
            optional("resolution", string().boxed()),
            defaulted("planned", word(&["true", "false"])),
            defaulted("organizations", strings()),
            defaulted("people", strings()),
            given("sources", sources()),
            optional("derived", string().boxed()),
            defaulted("unstated", unstated()),
            optional("note", string().boxed()),
        ],
    )
}

fn relationship() -> BoxedStrategy<Node> {
    record(
        "Relationship",
        false,
        vec![
            given(
                "kind",
                word(&["Member", "Host", "GuestOfHonour", "Signatory"]),
            ),
            optional("detail", string().boxed()),
            optional("since", date().prop_map(Node::Str).boxed()),
            given("quote", string().boxed()),
            given(
                "source",
                (text(), any::<u32>())
                    .prop_map(|(a, p)| Node::Tup(vec![Node::Str(a), Node::Int(p)]))
                    .boxed(),
            ),
            optional("derived", string().boxed()),
            defaulted("unstated", unstated()),
        ],
    )
}

fn organization() -> BoxedStrategy<Node> {
    record(
        "Organization",
        false,
        vec![
            given("id", string().boxed()),
            optional("acronym", string().boxed()),
            given("name", string().boxed()),
            defaulted("aliases", strings()),
            given("kind", word(&["Global", "Regional", "UnBody", "National"])),
            defaulted(
                "relationships",
                proptest::collection::vec(relationship(), 0..3)
                    .prop_map(Node::List)
                    .boxed(),
            ),
            given("summary", string().boxed()),
            given("sources", sources()),
            defaulted("unstated", unstated()),
            optional("note", string().boxed()),
        ],
    )
}

fn person() -> BoxedStrategy<Node> {
    record(
        "Person",
        false,
        vec![
            given("id", string().boxed()),
            given("name", string().boxed()),
            given("role", string().boxed()),
            given("as_of", date().prop_map(Node::Str).boxed()),
            defaulted("organizations", strings()),
            given("sources", sources()),
            optional("note", string().boxed()),
        ],
    )
}

fn number() -> BoxedStrategy<Node> {
    prop_oneof![
        (-1e9..1e9f64).prop_map(|v| Node::Bare(format!("{v}"))),
        (-1e9..1e9f64).prop_map(|v| Node::Bare(format!("{v:e}"))),
        (-1e300..1e300f64).prop_map(|v| Node::Bare(format!("{v:E}"))),
        any::<u32>().prop_map(|v| Node::Bare(format!("{v}"))),
        (0..1000u32).prop_map(|v| Node::Bare(format!("-{v}.5"))),
    ]
    .boxed()
}

fn fact() -> BoxedStrategy<Node> {
    record(
        "Fact",
        false,
        vec![
            given("id", string().boxed()),
            given("measure", string().boxed()),
            given("value", number()),
            defaulted("qualifier", word(&["Exactly", "About", "MoreThan"])),
            given("unit", string().boxed()),
            given("as_of", date().prop_map(Node::Str).boxed()),
            defaulted("organizations", strings()),
            given("quote", string().boxed()),
            given("sources", sources()),
            optional("derived", string().boxed()),
            defaulted("unstated", unstated()),
            optional("note", string().boxed()),
        ],
    )
}

fn glossary_term() -> BoxedStrategy<Node> {
    record(
        "GlossaryTerm",
        false,
        vec![
            given("id", string().boxed()),
            given("term", string().boxed()),
            defaulted("aliases", strings()),
            given("definition", string().boxed()),
            given("sources", sources()),
            optional("note", string().boxed()),
        ],
    )
}

fn block() -> BoxedStrategy<Node> {
    let texted = |name: &'static str| {
        record(
            name,
            true,
            vec![
                given("text", string().boxed()),
                optional("note", string().boxed()),
            ],
        )
    };
    prop_oneof![
        texted("Heading"),
        texted("Paragraph"),
        texted("Quote"),
        texted("Preamble"),
        texted("Operative"),
        record(
            "List",
            true,
            vec![
                given("items", strings()),
                optional("note", string().boxed())
            ]
        ),
        record(
            "Image",
            true,
            vec![
                given("path", string().boxed()),
                given("alt", string().boxed()),
                optional("note", string().boxed()),
            ],
        ),
    ]
    .boxed()
}

fn article() -> BoxedStrategy<Node> {
    record(
        "Article",
        false,
        vec![
            given("id", string().boxed()),
            given("title", string().boxed()),
            optional("publisher", string().boxed()),
            optional("published", when().prop_map(Node::Str).boxed()),
            optional("derived", string().boxed()),
            optional("url", string().boxed()),
            given("summary", string().boxed()),
            optional("note", string().boxed()),
            given(
                "body",
                proptest::collection::vec(block(), 0..4)
                    .prop_map(Node::List)
                    .boxed(),
            ),
        ],
    )
}

fn manifest() -> BoxedStrategy<Node> {
    let credit = record(
        "ArticleCredit",
        false,
        vec![
            given("id", string().boxed()),
            optional("url", string().boxed()),
            optional("licence", string().boxed()),
        ],
    );
    let category = record(
        "CategoryDef",
        false,
        vec![
            given("key", word(&["Battle", "Treaty"])),
            given("label", string().boxed()),
            optional("colour", string().boxed()),
        ],
    );
    let kind = record(
        "RelationshipKindDef",
        false,
        vec![
            given("key", word(&["Signatory", "Observer"])),
            given("label", string().boxed()),
            defaulted("membership", word(&["true", "false"])),
        ],
    );
    record(
        "Dataset",
        false,
        vec![
            optional("title", string().boxed()),
            optional("subject", string().boxed()),
            optional("language", string().boxed()),
            defaulted("authors", strings()),
            defaulted(
                "articles",
                proptest::collection::vec(credit, 0..2)
                    .prop_map(Node::List)
                    .boxed(),
            ),
            defaulted(
                "categories",
                proptest::collection::vec(category, 0..2)
                    .prop_map(Node::List)
                    .boxed(),
            ),
            defaulted(
                "relationship_kinds",
                proptest::collection::vec(kind, 0..2)
                    .prop_map(Node::List)
                    .boxed(),
            ),
        ],
    )
}

/// `text` read fast and by ron gives the same value; `fast` says whether
/// the fast reader must have read it.
fn same_both_ways<T: DeserializeOwned + PartialEq + Debug>(
    text: &str,
    fast: bool,
) -> Result<(), TestCaseError> {
    let quick = fast_ron::from_str::<T>(text);
    let judged = fast_ron::ron_from_str::<T>(text);
    if fast {
        prop_assert!(
            quick.is_ok(),
            "the fast reader refused:\n{text}\nron: {judged:?}"
        );
    }
    if let Ok(value) = quick {
        prop_assert!(
            judged.is_ok(),
            "only the fast reader took:\n{text}\nron: {judged:?}"
        );
        prop_assert_eq!(Some(value), judged.ok(), "{}", text);
    }
    // What the loader reads with: ron's result, errors and all.
    prop_assert_eq!(
        format!("{:?}", fast_ron::read::<T>(text)),
        format!("{:?}", fast_ron::ron_from_str::<T>(text))
    );
    Ok(())
}

/// `text` with a few bytes inserted, removed or replaced.
fn mutated(mut text: String, edits: &[(prop::sample::Index, u8, char)]) -> String {
    for (at, kind, c) in edits {
        if text.is_empty() {
            break;
        }
        let mut at = at.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match kind % 3 {
            0 => text.insert(at, *c),
            1 => {
                text.remove(at);
            }
            _ => {
                text.remove(at);
                text.insert(at, *c);
            }
        }
    }
    text
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, u8, char)>> {
    proptest::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<u8>(),
            proptest::sample::select(vec![
                '"', '(', ')', ',', '[', ']', '/', '*', '\'', 'r', '#', '\\', '\n', 'x', ':', '0',
                '9', '.', '-', '+', 'e', '_', 'é', ' ', 'u', '{', '}', 'S', 'N', '\u{b}',
                '\u{200e}',
            ]),
        ),
        1..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn events_read_the_same_both_ways(
        records in proptest::collection::vec(event(), 0..4),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        same_both_ways::<Vec<Event>>(&written(&records, &choices), true)?;
    }

    #[test]
    fn organizations_read_the_same_both_ways(
        records in proptest::collection::vec(organization(), 0..3),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        same_both_ways::<Vec<Organization>>(&written(&records, &choices), true)?;
    }

    #[test]
    fn people_facts_and_terms_read_the_same_both_ways(
        people in proptest::collection::vec(person(), 0..3),
        facts in proptest::collection::vec(fact(), 0..3),
        terms in proptest::collection::vec(glossary_term(), 0..3),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        same_both_ways::<Vec<Person>>(&written(&people, &choices), true)?;
        same_both_ways::<Vec<Fact>>(&written(&facts, &choices), true)?;
        same_both_ways::<Vec<GlossaryTerm>>(&written(&terms, &choices), true)?;
    }

    #[test]
    fn articles_and_manifests_read_the_same_both_ways(
        article in article(),
        manifest in manifest(),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        let mut style = Style { choices: &choices, at: 0 };
        let mut text = String::new();
        write(&article, &mut style, &mut text);
        same_both_ways::<Article>(&text, true)?;
        let mut text = String::new();
        write(&manifest, &mut style, &mut text);
        same_both_ways::<Manifest>(&text, true)?;
    }

    /// Broken files: whatever the fast reader takes, ron takes to the same
    /// value; and the loader's result is always ron's.
    #[test]
    fn broken_events_taken_fast_are_taken_by_ron_the_same(
        records in proptest::collection::vec(event(), 1..3),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
        edits in edits(),
    ) {
        let text = mutated(written(&records, &choices), &edits);
        same_both_ways::<Vec<Event>>(&text, false)?;
    }

    #[test]
    fn broken_records_of_other_kinds_taken_fast_are_taken_by_ron_the_same(
        organizations in proptest::collection::vec(organization(), 1..2),
        facts in proptest::collection::vec(fact(), 1..2),
        article in article(),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
        edits in edits(),
    ) {
        same_both_ways::<Vec<Organization>>(&mutated(written(&organizations, &choices), &edits), false)?;
        same_both_ways::<Vec<Fact>>(&mutated(written(&facts, &choices), &edits), false)?;
        let mut style = Style { choices: &choices, at: 0 };
        let mut text = String::new();
        write(&article, &mut style, &mut text);
        same_both_ways::<Article>(&mutated(text, &edits), false)?;
    }

    /// A valid file cut short anywhere is refused by both.
    #[test]
    fn truncated_files_are_refused_both_ways(
        records in proptest::collection::vec(event(), 1..3),
        choices in proptest::collection::vec(any::<u8>(), 1..64),
        cut in any::<prop::sample::Index>(),
    ) {
        let text = written(&records, &choices);
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        same_both_ways::<Vec<Event>>(&text[..at], false)?;
    }

    /// Texts made of RON's tokens at random.
    #[test]
    fn token_soup_taken_fast_is_taken_by_ron_the_same(
        tokens in proptest::collection::vec(proptest::sample::select(vec![
            "[", "]", "(", ")", ",", ":", " ", "\n", "Event", "Some", "None", "id", "date",
            "\"1990\"", "\"x\"", "r#\"y\"#", "sources", "(\"a\", 1)", "title", "description",
            "category", "Summit", "planned", "true", "1", "-1", "1.5", "/*", "*/", "//",
            "\"\\u{41}\"", "\"\\x41\"", "b\"\"", "'c'",
        ]), 0..60),
    ) {
        let text: String = tokens.concat();
        same_both_ways::<Vec<Event>>(&text, false)?;
        same_both_ways::<Event>(&text, false)?;
    }
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Tree {
    kids: Vec<Tree>,
}

fn nested(depth: usize) -> String {
    let mut text = String::new();
    for _ in 0..depth {
        text.push_str("Tree(kids: [");
    }
    for _ in 0..depth {
        text.push_str("]),");
    }
    text.pop();
    text
}

#[test]
fn a_deeply_nested_file_is_refused_without_overflowing_the_stack() {
    for depth in [100_000, 1_000, 40] {
        let text = nested(depth);
        assert!(fast_ron::from_str::<Tree>(&text).is_err(), "{depth}");
        let err = fast_ron::read::<Tree>(&text).unwrap_err();
        assert_eq!(err.code, ron::Error::ExceededRecursionLimit, "{depth}");
    }
    // Shallow enough for both.
    let text = nested(5);
    assert_eq!(
        fast_ron::from_str::<Tree>(&text).unwrap(),
        fast_ron::ron_from_str::<Tree>(&text).unwrap()
    );
    // Around ron's limit, whatever the fast reader takes ron takes.
    for depth in 1..40 {
        let text = nested(depth);
        if let Ok(tree) = fast_ron::from_str::<Tree>(&text) {
            assert_eq!(
                Ok(tree),
                fast_ron::ron_from_str::<Tree>(&text).map_err(|e| e.code),
                "{depth}"
            );
        }
    }
    // A data file opened a hundred thousand times.
    let text = "[".repeat(100_000);
    assert!(fast_ron::from_str::<Vec<Event>>(&text).is_err());
    assert!(fast_ron::read::<Vec<Event>>(&text).is_err());
}

/// Every file of the bundled unit: read fast, and to ron's values.
#[test]
fn the_bundled_unit_reads_the_same_both_ways() {
    fn check<T: DeserializeOwned + PartialEq + Debug>(path: &std::path::Path) {
        let text = std::fs::read_to_string(path).unwrap();
        let fast = fast_ron::from_str::<T>(&text);
        assert!(fast.is_ok(), "{} not read fast", path.display());
        assert_eq!(
            fast.ok(),
            Some(fast_ron::ron_from_str::<T>(&text).unwrap()),
            "{}",
            path.display()
        );
    }
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    check::<Vec<Event>>(&data.join("events.ron"));
    check::<Vec<Organization>>(&data.join("organizations.ron"));
    check::<Vec<Person>>(&data.join("people.ron"));
    check::<Vec<Fact>>(&data.join("facts.ron"));
    check::<Vec<GlossaryTerm>>(&data.join("glossary.ron"));
    check::<Manifest>(&data.join("dataset.ron"));
    let mut articles = 0;
    for entry in std::fs::read_dir(data.join("articles")).unwrap() {
        check::<Article>(&entry.unwrap().path());
        articles += 1;
    }
    assert!(articles >= 5);
}

#[test]
fn what_ron_reads_in_its_own_ways_is_left_to_ron() {
    // Each is valid RON the fast reader does not copy: it refuses, and
    // `read` gives ron's value.
    let cases = [
        "#![enable(implicit_some)] [(a: 1)]",
        "[(a: 0x10)]",
        "[(a: 1_000)]",
        "[(a: +1)]",
        "[(a: 1u32)]",
        "[\u{feff}(a: 1)]",
        "[(a: 1)\u{b}]",
    ];
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct A {
        a: u32,
    }
    for text in cases {
        assert!(fast_ron::from_str::<Vec<A>>(text).is_err(), "{text}");
        assert_eq!(
            format!("{:?}", fast_ron::read::<Vec<A>>(text)),
            format!("{:?}", fast_ron::ron_from_str::<Vec<A>>(text)),
            "{text}"
        );
    }
    // And what it does read, as ron does.
    for (text, a) in [
        ("[(a: 007)]", 7),
        ("[A(a: 1,),]", 1),
        ("[ A /* */ ( a : 2 ) ]", 2),
    ] {
        assert_eq!(
            fast_ron::from_str::<Vec<A>>(text),
            Ok(vec![A { a }]),
            "{text}"
        );
        assert_eq!(
            fast_ron::ron_from_str::<Vec<A>>(text).unwrap(),
            vec![A { a }],
            "{text}"
        );
    }
}

/// The fuzz targets' corpora, each piece (split at NUL, as the dataset
/// target splits its input) read as every kind of data file: what the fast
/// reader takes, ron takes to the same value.
#[test]
fn the_fuzz_corpora_read_the_same_both_ways() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut read_fast = 0;
    for target in ["fast_ron", "dataset"] {
        for entry in std::fs::read_dir(root.join(target)).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            for piece in bytes.split(|b| *b == 0) {
                let Ok(text) = std::str::from_utf8(piece) else {
                    continue;
                };
                read_fast += usize::from(fast_ron::from_str::<Vec<Event>>(text).is_ok());
                same_both_ways::<Vec<Event>>(text, false).unwrap();
                same_both_ways::<Vec<Organization>>(text, false).unwrap();
                same_both_ways::<Vec<Fact>>(text, false).unwrap();
                same_both_ways::<Article>(text, false).unwrap();
                same_both_ways::<Manifest>(text, false).unwrap();
            }
        }
    }
    assert!(read_fast > 0, "no piece of the corpora was read fast");
    // The seed written every way the fast reader takes is read fast.
    let tricky = std::fs::read_to_string(root.join("fast_ron/tricky-events.ron")).unwrap();
    same_both_ways::<Vec<Event>>(&tricky, true).unwrap();
}

/// A unit on disk, such as `gen_dataset.py 100000 /tmp/u100k` writes:
/// `FAST_RON_UNIT=/tmp/u100k cargo test --test integration fast_ron:: -- --ignored`.
#[test]
#[ignore = "needs a unit named by FAST_RON_UNIT"]
fn a_unit_on_disk_reads_the_same_both_ways() {
    let dir = std::path::PathBuf::from(std::env::var("FAST_RON_UNIT").unwrap());
    let text = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let events = text("events.ron");
    let fast = fast_ron::from_str::<Vec<Event>>(&events).expect("read fast");
    assert_eq!(fast, fast_ron::ron_from_str::<Vec<Event>>(&events).unwrap());
    println!("{} events the same both ways", fast.len());
    let organizations = text("organizations.ron");
    same_both_ways::<Vec<Organization>>(&organizations, true).unwrap();
    for entry in std::fs::read_dir(dir.join("articles")).unwrap() {
        let article = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        same_both_ways::<Article>(&article, true).unwrap();
    }
}
