//! Deterministic synthetic datasets for benchmarks and tests.
//!
//! [`files`] writes a dataset as RON text in memory, laid out exactly like the
//! real data files, so that it goes through the real parser and validator
//! ([`super::Dataset::from_files`]). The same sizes and seed always give the
//! same text.
//!
//! Every text is made of pseudo-words from a small fixed list and uses only
//! ASCII letters, digits, spaces, commas and periods, so nothing needs
//! escaping. Each quotable block of an article opens with a lead sentence and
//! holds up to [`ANCHORS_PER_BLOCK`] further sentences that facts and
//! organization relationships quote ("Turkmenistan hosts the Organization of
//! Alpha Beta 12."). Once the blocks are full, further quotes fall back on a
//! block's lead sentence, so that every quote stands word for word in the
//! paragraph it cites whatever the sizes.

use super::{DataFile, DataFiles};
use crate::model::{EventCategory, days_in_month};
use crate::quiz::Rng;

/// Sizes of a synthetic dataset.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Number of articles; at least one is always written, since every record cites one.
    pub articles: usize,
    /// Blocks in each article's body; at least one.
    pub paragraphs_per_article: usize,
    /// Number of events.
    pub events: usize,
    /// Number of organizations.
    pub organizations: usize,
    /// Number of people.
    pub people: usize,
    /// Number of numeric facts.
    pub facts: usize,
    /// Number of glossary terms.
    pub glossary: usize,
}

impl Sizes {
    /// A small dataset: 3 articles of 6 paragraphs, 50 events, 10 organizations,
    /// 5 people, 5 facts and 5 glossary terms.
    pub fn small() -> Self {
        Self {
            articles: 3,
            paragraphs_per_article: 6,
            events: 50,
            organizations: 10,
            people: 5,
            facts: 5,
            glossary: 5,
        }
    }
}

/// How many quoted sentences one block holds besides its lead sentence; this
/// keeps paragraphs at a realistic length however many records quote them.
pub const ANCHORS_PER_BLOCK: usize = 6;

/// RON files of a synthetic dataset, generated from `seed` (same seed, same text).
///
/// Articles are `data/articles/article-0001.ron`, …; the record files are
/// `data/events.ron`, `data/organizations.ron`, `data/people.ron`,
/// `data/facts.ron` and `data/glossary.ron`.
pub fn files(sizes: Sizes, seed: u64) -> DataFiles {
    let article_count = sizes.articles.max(1);
    let paragraphs = sizes.paragraphs_per_article.max(1);
    let mut layout = Layout::new(&mut Rng::new(seed, 1), article_count, paragraphs);
    let organization_ids = ids("organization-", sizes.organizations, 4);
    let people_ids = ids("person-", sizes.people, 4);
    let refs = Refs {
        organizations: &organization_ids,
        people: &people_ids,
    };
    // Facts first: they are few and their quotes should state their numbers,
    // so they get the first places in the paragraphs.
    let facts = facts(&mut Rng::new(seed, 2), sizes.facts, &mut layout, &refs);
    let organizations = organizations(&mut Rng::new(seed, 3), &mut layout, &refs);
    let people = people(&mut Rng::new(seed, 4), &layout, &refs);
    let glossary = glossary(&mut Rng::new(seed, 5), sizes.glossary, &layout);
    let events = events(&mut Rng::new(seed, 6), sizes.events, &layout, &refs);
    let articles = articles(&mut Rng::new(seed, 7), &layout);
    let file = |name: &str, text: String| DataFile {
        name: name.to_owned(),
        text,
    };
    DataFiles {
        articles,
        records: [
            file("data/events.ron", events),
            file("data/organizations.ron", organizations),
            file("data/people.ron", people),
            file("data/facts.ron", facts),
            file("data/glossary.ron", glossary),
        ],
        manifest: None,
    }
}

/// The generator's draws that only the synthetic datasets need, kept here
/// rather than on [`Rng`] so that the quiz's generator stays small.
trait Draw {
    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize;
    /// True `percent` times in a hundred.
    fn percent(&mut self, percent: usize) -> bool;
    /// One of [`WORDS`].
    fn word(&mut self) -> &'static str;
}

impl Draw for Rng {
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }
}

/// The pseudo-words every text is made of.
const WORDS: [&str; 64] = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "omicron",
    "pi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "chi",
    "psi",
    "omega",
    "amber",
    "basalt",
    "cedar",
    "dune",
    "ember",
    "fjord",
    "granite",
    "harbor",
    "indigo",
    "jasper",
    "kestrel",
    "lagoon",
    "meadow",
    "nectar",
    "oasis",
    "prairie",
    "quartz",
    "river",
    "saffron",
    "tundra",
    "umber",
    "valley",
    "willow",
    "yarrow",
    "zephyr",
    "peace",
    "trust",
    "dialogue",
    "neutrality",
    "forum",
    "council",
    "treaty",
    "summit",
    "accord",
    "charter",
    "mandate",
    "envoy",
    "mission",
    "region",
    "session",
];

/// `OrganizationKind` variants as written in RON.
const ORGANIZATION_KINDS: [&str; 7] = [
    "Global",
    "Regional",
    "UnBody",
    "Specialized",
    "Informal",
    "Institute",
    "National",
];

/// `RelationshipKind` variants as written in RON.
const RELATIONSHIP_KINDS: [&str; 7] = [
    "Member",
    "Office",
    "GuestOfHonour",
    "Host",
    "Initiator",
    "Cooperation",
    "National",
];

const UNITS: [&str; 8] = [
    "countries",
    "organizations",
    "projects",
    "agreements",
    "delegations",
    "meetings",
    "documents",
    "percent",
];

const ROLES: [&str; 6] = [
    "Minister of Foreign Affairs of",
    "Permanent Representative of",
    "Ambassador of",
    "Secretary General of",
    "Deputy Chair of",
    "Special Envoy of",
];

// --- Text pieces -----------------------------------------------------------

/// Writes `n` in decimal, padded with zeros to `width` digits.
fn push_padded(out: &mut String, n: usize, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in len..width {
        out.push('0');
    }
    for &digit in digits[..len].iter().rev() {
        out.push(char::from(digit));
    }
}

fn push_num(out: &mut String, n: usize) {
    push_padded(out, n, 0);
}

fn push_capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.push(first.to_ascii_uppercase());
        out.push_str(chars.as_str());
    }
}

/// `low..=high` pseudo-words separated by spaces, the first capitalized if `capital`.
fn push_words(rng: &mut Rng, out: &mut String, (low, high): (usize, usize), capital: bool) {
    let count = rng.between(low, high);
    for i in 0..count {
        let word = rng.word();
        if i > 0 {
            out.push(' ');
        } else if capital {
            push_capitalized(out, word);
            continue;
        }
        out.push_str(word);
    }
}

/// One sentence of `low..=high` words: capitalized, now and then a comma, a final period.
fn push_sentence(rng: &mut Rng, out: &mut String, low: usize, high: usize) {
    let count = rng.between(low, high);
    for i in 0..count {
        let word = rng.word();
        if i == 0 {
            push_capitalized(out, word);
            continue;
        }
        if i >= 3 && i + 2 < count && rng.percent(8) {
            out.push(',');
        }
        out.push(' ');
        out.push_str(word);
    }
    out.push('.');
}

/// Two capitalized words, distinct for each `index` (a number is added past 4,096).
fn push_pair(out: &mut String, index: usize, offsets: (usize, usize), capital_second: bool) {
    let n = WORDS.len();
    push_capitalized(out, WORDS[(index + offsets.0) % n]);
    out.push(' ');
    let second = WORDS[(index / n + offsets.1) % n];
    if capital_second {
        push_capitalized(out, second);
    } else {
        out.push_str(second);
    }
    if index >= n * n {
        out.push(' ');
        push_num(out, index / (n * n) + 1);
    }
}

fn ids(prefix: &str, count: usize, min_width: usize) -> Vec<String> {
    let width = count.to_string().len().max(min_width);
    (1..=count)
        .map(|n| {
            let mut id = String::with_capacity(prefix.len() + width);
            id.push_str(prefix);
            push_padded(&mut id, n, width);
            id
        })
        .collect()
}

/// `"a", "b"` for the chosen indexes of `ids`, in brackets.
fn push_id_list(out: &mut String, ids: &[String], chosen: &[usize]) {
    out.push('[');
    for (i, &index) in chosen.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(&ids[index]);
        out.push('"');
    }
    out.push(']');
}

/// Fills `chosen` with up to `most` (at random, maybe none) distinct numbers
/// below `n`; returns how many.
fn distinct(rng: &mut Rng, n: usize, most: usize, chosen: &mut [usize; 3]) -> usize {
    let want = rng.between(0, most).min(n).min(chosen.len());
    let mut len = 0;
    let mut tries = 0;
    while len < want && tries < 16 {
        tries += 1;
        let pick = rng.below(n);
        if !chosen[..len].contains(&pick) {
            chosen[len] = pick;
            len += 1;
        }
    }
    len
}

/// A real calendar day of `year`: `YYYY-MM-DD`.
fn push_day(rng: &mut Rng, out: &mut String, year: usize) {
    let month = rng.between(1, 12);
    let days = days_in_month(year as i32, month as u8);
    push_num(out, year);
    out.push('-');
    push_padded(out, month, 2);
    out.push('-');
    push_padded(out, rng.between(1, usize::from(days)), 2);
}

/// A date between `low` and `high` (years): `percent_day`% to the day,
/// `percent_month`% to the month, the rest to the year. Returns the year.
fn push_date(
    rng: &mut Rng,
    out: &mut String,
    (low, high): (usize, usize),
    percent_day: usize,
    percent_month: usize,
) -> usize {
    let year = rng.between(low, high);
    let roll = rng.below(100);
    if roll < percent_day {
        push_day(rng, out, year);
    } else if roll < percent_day + percent_month {
        push_num(out, year);
        out.push('-');
        push_padded(out, rng.between(1, 12), 2);
    } else {
        push_num(out, year);
    }
    year
}

/// An event's date over 1900–2030: 60% day, 20% month, 15% year, 5% spans of
/// one to five years ("1995/1998"). Returns the (first) year.
fn push_when(rng: &mut Rng, out: &mut String) -> usize {
    if rng.percent(5) {
        let start = rng.between(1900, 2025);
        push_num(out, start);
        out.push('/');
        push_num(out, start + rng.between(1, 5));
        start
    } else {
        // 60, 20 and 15 of the remaining 95.
        let roll = rng.below(95);
        let year = rng.between(1900, 2030);
        if roll < 60 {
            push_day(rng, out, year);
        } else if roll < 80 {
            push_num(out, year);
            out.push('-');
            push_padded(out, rng.between(1, 12), 2);
        } else {
            push_num(out, year);
        }
        year
    }
}

// --- Articles --------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    Preamble,
    Operative,
    List,
}

/// One block of an article body, before its text is written.
struct Block {
    kind: Kind,
    /// The first sentence; quoted by records that find the block full.
    lead: String,
    /// Sentences that records quote, written into the block in this order.
    anchors: Vec<String>,
}

/// Where a citation points: article index and paragraph number (from 1).
type Cite = (usize, usize);

/// The articles' shape, and the sentences records have put into them.
struct Layout {
    ids: Vec<String>,
    blocks: Vec<Vec<Block>>,
    /// Blocks with sentences (not headings), as (article, block index).
    quotable: Vec<(usize, usize)>,
    paragraphs: usize,
}

impl Layout {
    fn new(rng: &mut Rng, articles: usize, paragraphs: usize) -> Self {
        let mut blocks = Vec::with_capacity(articles);
        let mut quotable = Vec::with_capacity(articles * paragraphs);
        for article in 0..articles {
            let mut body = Vec::with_capacity(paragraphs);
            for index in 0..paragraphs {
                // An article opens with a paragraph, so each has a quotable block.
                let kind = match (index, rng.below(100)) {
                    (0, _) => Kind::Paragraph,
                    (_, 0..8) => Kind::Heading,
                    (_, 8..15) => Kind::Preamble,
                    (_, 15..22) => Kind::Operative,
                    (_, 22..26) => Kind::List,
                    _ => Kind::Paragraph,
                };
                let mut lead = String::new();
                match kind {
                    Kind::Heading => {}
                    Kind::Preamble | Kind::Operative => {
                        lead.push_str(if kind == Kind::Preamble {
                            "Recalling "
                        } else {
                            "Decides "
                        });
                        push_words(rng, &mut lead, (7, 14), false);
                        lead.push('.');
                    }
                    Kind::Paragraph | Kind::List => push_sentence(rng, &mut lead, 8, 16),
                }
                if kind != Kind::Heading {
                    quotable.push((article, index));
                }
                body.push(Block {
                    kind,
                    lead,
                    anchors: Vec::new(),
                });
            }
            blocks.push(body);
        }
        Self {
            ids: ids("article-", articles, 4),
            blocks,
            quotable,
            paragraphs,
        }
    }

    /// Any block of any article.
    fn any(&self, rng: &mut Rng) -> Cite {
        (rng.below(self.ids.len()), rng.between(1, self.paragraphs))
    }

    /// Puts `sentence` into a quotable block with room for it, and returns the
    /// citation and the quote; if the blocks tried are full, the quote is the
    /// last one's lead sentence.
    fn place(&mut self, rng: &mut Rng, sentence: String) -> (Cite, String) {
        let mut last = (0, 0);
        for _ in 0..4 {
            let (article, index) = self.quotable[rng.below(self.quotable.len())];
            last = (article, index);
            let block = &mut self.blocks[article][index];
            if block.anchors.len() < ANCHORS_PER_BLOCK {
                block.anchors.push(sentence.clone());
                return ((article, index + 1), sentence);
            }
        }
        let (article, index) = last;
        (
            (article, index + 1),
            self.blocks[article][index].lead.clone(),
        )
    }

    fn push_cite(&self, out: &mut String, (article, paragraph): Cite) {
        out.push_str("(\"");
        out.push_str(&self.ids[article]);
        out.push_str("\", ");
        push_num(out, paragraph);
        out.push(')');
    }

    /// `[("article-0001", 3), …]`.
    fn push_cites(&self, out: &mut String, cites: &[Cite]) {
        out.push('[');
        for (i, &cite) in cites.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.push_cite(out, cite);
        }
        out.push(']');
    }

    /// One or two distinct citations of any block.
    fn some_cites(&self, rng: &mut Rng, cites: &mut Vec<Cite>) {
        cites.clear();
        for _ in 0..rng.between(1, 2) {
            let cite = self.any(rng);
            if !cites.contains(&cite) {
                cites.push(cite);
            }
        }
    }
}

fn articles(rng: &mut Rng, layout: &Layout) -> Vec<DataFile> {
    layout
        .ids
        .iter()
        .zip(&layout.blocks)
        .map(|(id, body)| DataFile {
            name: format!("data/articles/{id}.ron"),
            text: article(rng, id, body),
        })
        .collect()
}

fn article(rng: &mut Rng, id: &str, body: &[Block]) -> String {
    let mut out = String::with_capacity(600 + body.len() * 700);
    out.push_str("Article(\n    id: \"");
    out.push_str(id);
    out.push_str("\",\n    title: \"");
    push_words(rng, &mut out, (4, 10), true);
    out.push_str("\",\n");
    if rng.percent(95) {
        out.push_str("    publisher: \"");
        let (a, b) = (rng.word(), rng.word());
        match rng.below(4) {
            0 => {
                out.push_str("Ministry of ");
                push_capitalized(&mut out, a);
                out.push_str(" Affairs");
            }
            1 => {
                push_capitalized(&mut out, a);
                out.push_str(" News Agency");
            }
            2 => {
                out.push_str("The ");
                push_capitalized(&mut out, a);
                out.push(' ');
                push_capitalized(&mut out, b);
                out.push_str(" Gazette");
            }
            _ => {
                push_capitalized(&mut out, a);
                out.push_str(" Institute of ");
                push_capitalized(&mut out, b);
                out.push_str(" Studies");
            }
        }
        out.push_str("\",\n");
    }
    let roll = rng.below(100);
    if roll < 98 {
        out.push_str("    published: \"");
        push_date(rng, &mut out, (1992, 2025), 97, 3);
        out.push_str("\",\n");
        if roll < 3 {
            out.push_str("    derived: \"");
            push_sentence(rng, &mut out, 8, 14);
            out.push_str("\",\n");
        }
    }
    if rng.percent(50) {
        out.push_str("    url: \"https://example.org/articles/");
        out.push_str(id);
        out.push_str("\",\n");
    }
    out.push_str("    summary: \"");
    push_sentence(rng, &mut out, 10, 20);
    out.push(' ');
    push_sentence(rng, &mut out, 10, 20);
    out.push_str("\",\n");
    if rng.percent(5) {
        out.push_str("    note: \"");
        push_sentence(rng, &mut out, 8, 16);
        out.push_str("\",\n");
    }
    out.push_str("    body: [\n");
    for block in body {
        push_block(rng, &mut out, block);
    }
    out.push_str("    ],\n)\n");
    out
}

fn push_block(rng: &mut Rng, out: &mut String, block: &Block) {
    out.push_str("        ");
    match block.kind {
        Kind::Heading => {
            out.push_str("Heading(text: \"");
            push_words(rng, out, (2, 6), true);
            out.push('"');
        }
        Kind::List => {
            out.push_str("List(items: [\"");
            let target = rng.between(200, 600);
            let start = out.len();
            out.push_str(&block.lead);
            let mut items = 1;
            for anchor in &block.anchors {
                out.push_str("\", \"");
                out.push_str(anchor);
                items += 1;
            }
            while items < 2 || out.len() - start < target {
                out.push_str("\", \"");
                push_sentence(rng, out, 6, 12);
                items += 1;
            }
            out.push_str("\"]");
        }
        Kind::Paragraph | Kind::Preamble | Kind::Operative => {
            out.push_str(match block.kind {
                Kind::Preamble => "Preamble",
                Kind::Operative => "Operative",
                _ => "Paragraph",
            });
            out.push_str("(text: \"");
            // Fillers of at most 18 words (about 130 characters) keep the text
            // near its target: 300 to about 900 characters.
            let target = rng.between(300, 760);
            let start = out.len();
            out.push_str(&block.lead);
            for anchor in &block.anchors {
                if out.len() - start + anchor.len() + 130 < target && rng.percent(50) {
                    out.push(' ');
                    push_sentence(rng, out, 8, 18);
                }
                out.push(' ');
                out.push_str(anchor);
            }
            while out.len() - start < target {
                out.push(' ');
                push_sentence(rng, out, 8, 18);
            }
            out.push('"');
        }
    }
    if rng.percent(3) {
        out.push_str(", note: \"");
        push_sentence(rng, out, 6, 14);
        out.push('"');
    }
    out.push_str("),\n");
}

// --- Records ---------------------------------------------------------------

/// Ids that records refer to.
struct Refs<'a> {
    organizations: &'a [String],
    people: &'a [String],
}

fn header(kind: &str, count: usize) -> String {
    let mut out = String::with_capacity(count * 600 + 128);
    out.push_str("// Synthetic ");
    out.push_str(kind);
    out.push_str(", generated by neutrality_reader::dataset::synthetic.\n[\n");
    out
}

/// Ends a record: its sources, sometimes a `derived` and a `note` (each with
/// the given chance in a hundred), and the closing parenthesis.
fn push_record_end(
    rng: &mut Rng,
    out: &mut String,
    layout: &Layout,
    cites: &[Cite],
    (derived_percent, note_percent): (usize, usize),
) {
    out.push_str("        sources: ");
    layout.push_cites(out, cites);
    out.push_str(",\n");
    if derived_percent > 0 && rng.percent(derived_percent) {
        push_field_sentence(rng, out, "derived", 8, 14);
    }
    if rng.percent(note_percent) {
        push_field_sentence(rng, out, "note", 8, 16);
    }
    out.push_str("    ),\n");
}

fn push_field_sentence(rng: &mut Rng, out: &mut String, field: &str, low: usize, high: usize) {
    out.push_str("        ");
    out.push_str(field);
    out.push_str(": \"");
    push_sentence(rng, out, low, high);
    out.push_str("\",\n");
}

fn facts(rng: &mut Rng, count: usize, layout: &mut Layout, refs: &Refs<'_>) -> String {
    let ids = ids("fact-", count, 4);
    let mut out = header("facts", count);
    let mut measure = String::with_capacity(64);
    let mut value = String::with_capacity(16);
    let mut cites = Vec::with_capacity(2);
    for (i, id) in ids.iter().enumerate() {
        let unit = UNITS[rng.below(UNITS.len())];
        measure.clear();
        push_words(rng, &mut measure, (2, 2), false);
        measure.push(' ');
        measure.push_str(unit);
        value.clear();
        if rng.percent(20) {
            let mut tenths = rng.between(1, 999);
            if tenths.is_multiple_of(10) {
                tenths += 1;
            }
            push_num(&mut value, tenths / 10);
            value.push('.');
            push_num(&mut value, tenths % 10);
        } else {
            let most = if unit == "percent" { 100 } else { 5000 };
            push_num(&mut value, rng.between(1, most));
        }
        let (qualifier, words) = match i % 3 {
            0 => (None, ""),
            1 => (Some("About"), "about "),
            _ => (Some("MoreThan"), "more than "),
        };
        let mut as_of = String::with_capacity(10);
        let year = push_date(rng, &mut as_of, (1991, 2025), 15, 25);
        let mut quote = String::with_capacity(96);
        quote.push_str("The number of ");
        quote.push_str(&measure);
        quote.push_str(" was ");
        quote.push_str(words);
        quote.push_str(&value);
        quote.push_str(" in ");
        push_num(&mut quote, year);
        quote.push('.');
        let (cite, quote) = layout.place(rng, quote);
        cites.clear();
        cites.push(cite);
        if rng.percent(30) {
            let extra = layout.any(rng);
            if extra != cite {
                cites.push(extra);
            }
        }

        out.push_str("    Fact(\n        id: \"");
        out.push_str(id);
        out.push_str("\",\n        measure: \"");
        out.push_str(&measure);
        out.push_str("\",\n        value: ");
        out.push_str(&value);
        out.push_str(",\n");
        if let Some(qualifier) = qualifier {
            out.push_str("        qualifier: ");
            out.push_str(qualifier);
            out.push_str(",\n");
        }
        out.push_str("        unit: \"");
        out.push_str(unit);
        out.push_str("\",\n        as_of: \"");
        out.push_str(&as_of);
        out.push_str("\",\n");
        let mut chosen = [0; 3];
        let n = distinct(rng, refs.organizations.len(), 2, &mut chosen);
        if n > 0 {
            out.push_str("        organizations: ");
            push_id_list(&mut out, refs.organizations, &chosen[..n]);
            out.push_str(",\n");
        }
        out.push_str("        quote: \"");
        out.push_str(&quote);
        out.push_str("\",\n");
        push_record_end(rng, &mut out, layout, &cites, (20, 5));
    }
    out.push_str("]\n");
    out
}

/// The sentence that states a relationship of kind `kind` (an index of [`RELATIONSHIP_KINDS`]).
fn relationship_sentence(kind: usize, name: &str) -> String {
    let (before, after) = match kind {
        0 => ("Turkmenistan is a member of the ", "."),
        1 => ("Turkmenistan holds an office in the ", "."),
        2 => (
            "The President of Turkmenistan is a guest of honour of the ",
            ".",
        ),
        3 => ("Turkmenistan hosts the ", "."),
        4 => ("The ", " was set up on the initiative of Turkmenistan."),
        5 => ("The ", " works with Turkmenistan."),
        _ => ("The ", " is a body of Turkmenistan."),
    };
    let mut out = String::with_capacity(before.len() + name.len() + after.len());
    out.push_str(before);
    out.push_str(name);
    out.push_str(after);
    out
}

fn organizations(rng: &mut Rng, layout: &mut Layout, refs: &Refs<'_>) -> String {
    let mut out = header("organizations", refs.organizations.len());
    let mut name = String::with_capacity(64);
    let mut cites: Vec<Cite> = Vec::with_capacity(3);
    let mut relationships = 0;
    for (i, id) in refs.organizations.iter().enumerate() {
        let number = i + 1;
        name.clear();
        name.push_str("Organization of ");
        push_capitalized(&mut name, rng.word());
        name.push(' ');
        push_capitalized(&mut name, rng.word());
        name.push(' ');
        push_num(&mut name, number);

        out.push_str("    Organization(\n        id: \"");
        out.push_str(id);
        out.push_str("\",\n");
        if rng.percent(85) {
            out.push_str("        acronym: \"ORG");
            push_num(&mut out, number);
            out.push_str("\",\n");
        }
        out.push_str("        name: \"");
        out.push_str(&name);
        out.push_str("\",\n");
        if rng.percent(20) {
            out.push_str("        aliases: [\"");
            push_capitalized(&mut out, rng.word());
            out.push(' ');
            push_capitalized(&mut out, rng.word());
            out.push_str(" Body ");
            push_num(&mut out, number);
            out.push_str("\"],\n");
        }
        out.push_str("        kind: ");
        out.push_str(ORGANIZATION_KINDS[i % ORGANIZATION_KINDS.len()]);
        out.push_str(",\n");
        cites.clear();
        let count = rng.below(3);
        if count > 0 {
            out.push_str("        relationships: [\n");
            for _ in 0..count {
                let kind = relationships % RELATIONSHIP_KINDS.len();
                relationships += 1;
                let (cite, quote) = layout.place(rng, relationship_sentence(kind, &name));
                if !cites.contains(&cite) {
                    cites.push(cite);
                }
                out.push_str("            Relationship(\n                kind: ");
                out.push_str(RELATIONSHIP_KINDS[kind]);
                out.push_str(",\n");
                if rng.percent(25) {
                    out.push_str("                detail: \"chair of session ");
                    push_num(&mut out, rng.between(1, 80));
                    out.push_str("\",\n");
                }
                let since = rng.percent(50);
                if since {
                    out.push_str("                since: \"");
                    push_date(rng, &mut out, (1991, 2025), 20, 30);
                    out.push_str("\",\n");
                }
                out.push_str("                quote: \"");
                out.push_str(&quote);
                out.push_str("\",\n                source: ");
                layout.push_cite(&mut out, cite);
                out.push_str(",\n");
                if since && rng.percent(20) {
                    out.push_str("                derived: \"");
                    push_sentence(rng, &mut out, 8, 14);
                    out.push_str("\",\n");
                }
                out.push_str("            ),\n");
            }
            out.push_str("        ],\n");
        }
        out.push_str("        summary: \"The ");
        out.push_str(&name);
        out.push_str(" works on ");
        push_words(rng, &mut out, (3, 8), false);
        out.push_str(". ");
        push_sentence(rng, &mut out, 8, 18);
        out.push_str("\",\n        sources: ");
        let wanted = rng.between(1, 3);
        let mut tries = 0;
        while cites.len() < wanted && tries < 8 {
            tries += 1;
            let cite = layout.any(rng);
            if !cites.contains(&cite) {
                cites.push(cite);
            }
        }
        layout.push_cites(&mut out, &cites);
        out.push_str(",\n");
        if rng.percent(3) {
            push_field_sentence(rng, &mut out, "note", 8, 16);
        }
        out.push_str("    ),\n");
    }
    out.push_str("]\n");
    out
}

fn people(rng: &mut Rng, layout: &Layout, refs: &Refs<'_>) -> String {
    let mut out = header("people", refs.people.len());
    let offsets = (rng.below(WORDS.len()), rng.below(WORDS.len()));
    let mut cites = Vec::with_capacity(2);
    for (i, id) in refs.people.iter().enumerate() {
        out.push_str("    Person(\n        id: \"");
        out.push_str(id);
        out.push_str("\",\n        name: \"");
        push_pair(&mut out, i, offsets, true);
        out.push_str("\",\n        role: \"");
        out.push_str(ROLES[rng.below(ROLES.len())]);
        out.push(' ');
        push_capitalized(&mut out, rng.word());
        out.push_str("\",\n        as_of: \"");
        push_date(rng, &mut out, (1991, 2025), 60, 20);
        out.push_str("\",\n");
        let mut chosen = [0; 3];
        let n = distinct(rng, refs.organizations.len(), 2, &mut chosen);
        if n > 0 {
            out.push_str("        organizations: ");
            push_id_list(&mut out, refs.organizations, &chosen[..n]);
            out.push_str(",\n");
        }
        layout.some_cites(rng, &mut cites);
        push_record_end(rng, &mut out, layout, &cites, (0, 5));
    }
    out.push_str("]\n");
    out
}

fn glossary(rng: &mut Rng, count: usize, layout: &Layout) -> String {
    let ids = ids("term-", count, 4);
    let mut out = header("glossary terms", count);
    let offsets = (rng.below(WORDS.len()), rng.below(WORDS.len()));
    let mut cites = Vec::with_capacity(2);
    for (i, id) in ids.iter().enumerate() {
        out.push_str("    GlossaryTerm(\n        id: \"");
        out.push_str(id);
        out.push_str("\",\n        term: \"");
        push_pair(&mut out, i, offsets, false);
        out.push_str("\",\n");
        if rng.percent(25) {
            out.push_str("        aliases: [\"");
            push_words(rng, &mut out, (2, 2), false);
            out.push_str("\"],\n");
        }
        out.push_str("        definition: \"");
        push_sentence(rng, &mut out, 10, 24);
        if rng.percent(50) {
            out.push(' ');
            push_sentence(rng, &mut out, 8, 18);
        }
        out.push_str("\",\n");
        layout.some_cites(rng, &mut cites);
        push_record_end(rng, &mut out, layout, &cites, (0, 3));
    }
    out.push_str("]\n");
    out
}

fn events(rng: &mut Rng, count: usize, layout: &Layout, refs: &Refs<'_>) -> String {
    let categories: Vec<String> = EventCategory::ALL
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    let width = count.to_string().len().max(6);
    let mut out = String::with_capacity(count * 520 + 128);
    out.push_str("// Synthetic events, generated by neutrality_reader::dataset::synthetic.\n[\n");
    let mut cites = Vec::with_capacity(2);
    for i in 0..count {
        out.push_str("    Event(\n        id: \"event-");
        push_padded(&mut out, i + 1, width);
        out.push_str("\",\n        date: \"");
        let year = push_when(rng, &mut out);
        out.push_str("\",\n        title: \"");
        push_words(rng, &mut out, (3, 9), true);
        out.push_str("\",\n        description: \"");
        push_sentence(rng, &mut out, 8, 18);
        out.push_str("\",\n        category: ");
        let category = i % categories.len();
        out.push_str(&categories[category]);
        out.push_str(",\n");
        if rng.percent(25) {
            out.push_str("        place: \"");
            push_capitalized(&mut out, rng.word());
            if rng.percent(50) {
                out.push_str(" City");
            } else {
                out.push_str(", ");
                push_capitalized(&mut out, rng.word());
            }
            out.push_str("\",\n");
        }
        if EventCategory::ALL[category] == EventCategory::UnResolution && rng.percent(80) {
            out.push_str("        resolution: \"");
            push_num(&mut out, rng.between(1, 80));
            out.push('/');
            push_num(&mut out, rng.between(1, 400));
            if rng.percent(10) {
                out.push_str(" A");
            }
            out.push_str("\",\n");
        }
        if year >= 2026 && rng.percent(50) {
            out.push_str("        planned: true,\n");
        }
        let mut chosen = [0; 3];
        let n = distinct(rng, refs.organizations.len(), 3, &mut chosen);
        if n > 0 {
            out.push_str("        organizations: ");
            push_id_list(&mut out, refs.organizations, &chosen[..n]);
            out.push_str(",\n");
        }
        let n = distinct(rng, refs.people.len(), 2, &mut chosen);
        if n > 0 {
            out.push_str("        people: ");
            push_id_list(&mut out, refs.people, &chosen[..n]);
            out.push_str(",\n");
        }
        layout.some_cites(rng, &mut cites);
        push_record_end(rng, &mut out, layout, &cites, (4, 4));
    }
    out.push_str("]\n");
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::time::Instant;

    use super::*;
    use crate::dataset::Dataset;
    use crate::model::{Block as ModelBlock, Precision, When};

    fn load(sizes: Sizes, seed: u64) -> Dataset {
        match Dataset::from_files(&files(sizes, seed)) {
            Ok(dataset) => dataset,
            Err(err) => panic!("{err}"),
        }
    }

    fn medium() -> Sizes {
        Sizes {
            articles: 2,
            paragraphs_per_article: 20,
            events: 2_000,
            organizations: 300,
            people: 50,
            facts: 50,
            glossary: 50,
        }
    }

    fn assert_counts(dataset: &Dataset, sizes: Sizes) {
        assert_eq!(dataset.articles.len(), sizes.articles);
        for article in &dataset.articles {
            assert_eq!(article.body.len(), sizes.paragraphs_per_article);
        }
        assert_eq!(dataset.events.len(), sizes.events);
        assert_eq!(dataset.organizations.len(), sizes.organizations);
        assert_eq!(dataset.people.len(), sizes.people);
        assert_eq!(dataset.facts.len(), sizes.facts);
        assert_eq!(dataset.glossary.len(), sizes.glossary);
    }

    fn texts(files: &DataFiles) -> Vec<&str> {
        files.all().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn the_small_dataset_validates_with_its_counts() {
        let sizes = Sizes::small();
        assert_counts(&load(sizes, 1), sizes);
    }

    #[test]
    fn the_medium_dataset_validates_with_its_counts() {
        let sizes = medium();
        for seed in [1, 2, 0xDEAD_BEEF] {
            assert_counts(&load(sizes, seed), sizes);
        }
    }

    #[test]
    fn file_names_follow_the_data_folder() {
        let files = files(Sizes::small(), 1);
        let names: Vec<&str> = files.all().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "data/articles/article-0001.ron",
                "data/articles/article-0002.ron",
                "data/articles/article-0003.ron",
                "data/events.ron",
                "data/organizations.ron",
                "data/people.ron",
                "data/facts.ron",
                "data/glossary.ron",
            ]
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        let a = files(medium(), 7);
        let b = files(medium(), 7);
        assert_eq!(texts(&a), texts(&b));
        let c = files(medium(), 8);
        for (a, c) in texts(&a).into_iter().zip(texts(&c)) {
            assert_ne!(a, c);
        }
    }

    #[test]
    fn every_category_and_kind_appears() {
        for sizes in [Sizes::small(), medium()] {
            let dataset = load(sizes, 3);
            let categories: HashSet<_> =
                dataset.events.iter().map(|e| e.category.clone()).collect();
            assert_eq!(categories.len(), EventCategory::ALL.len());
        }
        let dataset = load(medium(), 3);
        let kinds: HashSet<_> = dataset.organizations.iter().map(|o| o.kind).collect();
        assert_eq!(kinds.len(), ORGANIZATION_KINDS.len());
        let relationships: HashSet<_> = dataset
            .organizations
            .iter()
            .flat_map(|o| &o.relationships)
            .map(|r| r.kind)
            .collect();
        assert_eq!(relationships.len(), RELATIONSHIP_KINDS.len());
    }

    #[test]
    fn dates_mix_their_precisions() {
        let dataset = load(medium(), 4);
        let total = dataset.events.len();
        let count = |wanted: fn(&When) -> bool| {
            dataset.events.iter().filter(|e| wanted(&e.date)).count() * 100 / total
        };
        let day = count(|w| matches!(w, When::On(d) if d.precision() == Precision::Day));
        let month = count(|w| matches!(w, When::On(d) if d.precision() == Precision::Month));
        let year = count(|w| matches!(w, When::On(d) if d.precision() == Precision::Year));
        let span = count(|w| matches!(w, When::Span(..)));
        assert!((54..=66).contains(&day), "{day}% days");
        assert!((15..=25).contains(&month), "{month}% months");
        assert!((10..=20).contains(&year), "{year}% years");
        assert!((2..=8).contains(&span), "{span}% spans");
        assert!(dataset.events.iter().any(|e| e.planned));
        assert!(dataset.events.iter().any(|e| e.resolution().is_some()));
        assert!(dataset.events.iter().any(|e| e.place().is_some()));
        assert!(dataset.events.iter().any(|e| e.derived().is_some()));
        assert!(dataset.events.iter().any(|e| e.note().is_some()));
    }

    #[test]
    fn paragraphs_have_a_realistic_length_and_carry_the_quotes() {
        let dataset = load(medium(), 5);
        for article in &dataset.articles {
            for block in &article.body {
                if let ModelBlock::Paragraph { text, .. } = block {
                    assert!((300..=950).contains(&text.len()), "{}", text.len());
                }
            }
        }
        // About 35 quotable blocks of 6 places hold the 50 facts' sentences and
        // as many of the ~300 relationships' as fit; the rest quote a lead sentence.
        let own = dataset
            .organizations
            .iter()
            .flat_map(|o| o.relationships.iter().map(move |r| (o, r)))
            .filter(|(o, r)| r.quote.contains(&o.name))
            .count();
        assert!(own >= 120, "{own}");
        let stated = dataset
            .facts
            .iter()
            .filter(|f| f.quote.contains(&f.value_text()))
            .count();
        assert_eq!(stated, dataset.facts.len());
    }

    /// `cargo test --release --lib synthetic -- --ignored --nocapture`
    #[test]
    #[ignore = "timing; run explicitly in release"]
    fn time_a_benchmark_sized_dataset() {
        let sizes = Sizes {
            articles: 100,
            paragraphs_per_article: 20,
            events: 100_000,
            organizations: 5_000,
            people: 500,
            facts: 500,
            glossary: 500,
        };
        let start = Instant::now();
        let files = files(sizes, 1);
        let generated = start.elapsed();
        let bytes: usize = files.all().map(|f| f.text.len()).sum();
        let start = Instant::now();
        let dataset = Dataset::from_files(&files);
        let loaded = start.elapsed();
        match dataset {
            Ok(dataset) => assert_counts(&dataset, sizes),
            Err(err) => panic!("{err}"),
        }
        println!(
            "files(): {generated:?} for {bytes} bytes; Dataset::from_files: {loaded:?} ({sizes:?})"
        );
        let start = Instant::now();
        let files = super::files(
            Sizes {
                articles: 10_000,
                paragraphs_per_article: 12,
                events: 0,
                organizations: 0,
                people: 0,
                facts: 0,
                glossary: 0,
            },
            1,
        );
        let generated = start.elapsed();
        let bytes: usize = files.all().map(|f| f.text.len()).sum();
        println!("files(): {generated:?} for 10,000 articles of 12 paragraphs, {bytes} bytes");
    }
}
