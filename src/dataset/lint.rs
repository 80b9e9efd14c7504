//! Warnings about a dataset that loads: nothing here is wrong enough to keep
//! it from loading, but each is probably not what its author meant.
//!
//! - a **person** no event lists and no article's text names;
//! - a **glossary term** found in no article's text, under any of its spellings;
//! - a **fact** about an organization that none of the paragraphs it cites names;
//! - an **article** no event cites (its events panel and timeline stay empty);
//! - an **organization** no article's text names, by name, acronym or alias;
//! - **near-duplicate names**: two organizations, or two people, whose names
//!   (or acronyms, or aliases) differ only in case, punctuation or spacing, or
//!   by at most two letters in names longer than eight characters
//!   ("Non-Aligned Movement" and "Non Aligned Movement").
//!
//! "Names" in the text is what the reader's links recognise, found by their
//! own matcher ([`crate::links::names`]): a full name, an alias or a glossary
//! term in any capitals, as whole words joined as in the name (any run of
//! spaces is one, every dash and apostrophe alike: "Non‑Aligned" with a
//! non-breaking hyphen is "Non-Aligned", but "Non Aligned" is not); an
//! acronym, and a person's surname that no other person's name has, only as
//! written ("UN" but never "un" or "UNESCO"). A name inside a longer one, or
//! shared by two records, still counts. The text is an article's title and
//! body; editor's notes and summaries are the dataset's own words, not the
//! article's, and do not count.
//!
//! Each warning is a [`Problem`] placed, where the [`Locator`] finds it, at the
//! record (or the value) it is about. Pure: no printing, no files read.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{DataFile, DataFiles, Dataset, Locator, Problem};
use crate::links::names::Names;
use crate::links::{LinkKind, LinkTarget};
use crate::model::Source;
// The same folding the quiz compares options under; one copy of it.
use crate::quiz::fold_case_and_punctuation;

/// Every warning about `dataset`, whose files are `files`, in reading order:
/// by file, then line, then column.
pub fn lint(dataset: &Dataset, files: &DataFiles) -> Vec<Problem> {
    let places = Places::new(files);
    let named = Named::new(dataset);
    let mut warnings = Vec::new();
    unreferenced_people(dataset, &named, &places, &mut warnings);
    unused_glossary_terms(dataset, &named, &places, &mut warnings);
    facts_about_unnamed_organizations(dataset, &named, &places, &mut warnings);
    articles_without_events(dataset, &places, &mut warnings);
    unnamed_organizations(dataset, &named, &places, &mut warnings);
    near_duplicate_organizations(dataset, &places, &mut warnings);
    near_duplicate_people(dataset, &places, &mut warnings);
    warnings.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    warnings
}

// ------------------------------------------------------------------ text

/// What the articles' text names, found by the reader's own name matcher
/// ([`crate::links::names`]): the organizations and people (by their names,
/// aliases, acronyms and surnames, as the links recognise them) and the
/// glossary terms (by term and alias, as a name in any capitals), each text
/// walked once.
struct Named {
    /// Organizations and people some article's text names.
    records: HashSet<LinkTarget>,
    /// Indices of the glossary terms some article's text has.
    terms: HashSet<usize>,
    /// The matcher, kept to look at single paragraphs.
    names: Names,
}

impl Named {
    fn new(dataset: &Dataset) -> Self {
        let names = Names::new(dataset);
        let mut glossary = Names::<usize>::empty();
        for (index, term) in dataset.glossary.iter().enumerate() {
            for phrase in std::iter::once(&term.term).chain(&term.aliases) {
                glossary.add(phrase, index, LinkKind::Name, false);
            }
        }
        glossary.finish();
        let mut records = HashSet::new();
        let mut terms = HashSet::new();
        for article in &dataset.articles {
            let texts =
                std::iter::once(article.title.clone()).chain(article.body.iter().map(|b| b.text()));
            for text in texts {
                names.every(&text, |target, _| {
                    records.insert(target);
                });
                glossary.every(&text, |term, _| {
                    terms.insert(term);
                });
            }
        }
        Self {
            records,
            terms,
            names,
        }
    }

    /// Whether `text` names the record `target`.
    fn names_in(&self, text: &str, target: LinkTarget) -> bool {
        let mut named = false;
        self.names.every(text, |found, _| named |= found == target);
        named
    }
}

// ---------------------------------------------------------------- places

const ORGANIZATIONS: usize = 1;
const PEOPLE: usize = 2;
const FACTS: usize = 3;
const GLOSSARY: usize = 4;

/// One record file, with where each record starts.
struct RecordFile<'f> {
    name: &'f str,
    text: &'f str,
    locator: Locator<'f>,
    /// Byte offset of each id's first `id: "…"` value, as [`Locator::record`]
    /// finds it, found in one pass rather than once per warning.
    starts: HashMap<&'f str, usize>,
    /// Those offsets in order, to tell where a record ends.
    ordered: Vec<usize>,
}

impl<'f> RecordFile<'f> {
    fn new(file: &'f DataFile) -> Self {
        let text = file.text.as_str();
        let mut starts = HashMap::new();
        let mut ordered = Vec::new();
        for (at, _) in text.match_indices("id:") {
            let after = at + "id:".len();
            let rest = text.get(after..).unwrap_or_default();
            let value = rest.trim_start();
            let Some(quoted) = value.strip_prefix('"') else {
                continue;
            };
            let Some(end) = quoted.find('"') else {
                continue;
            };
            let open = after + (rest.len() - value.len());
            let id = quoted.get(..end).unwrap_or_default();
            starts.entry(id).or_insert(open);
            ordered.push(open);
        }
        Self {
            name: &file.name,
            text,
            locator: Locator::new(text),
            starts,
            ordered,
        }
    }

    /// Line and column of the string `value` inside the record `id`, or of
    /// the record's id where the value is not found (written with escapes,
    /// say), or `None` where the record is not found either.
    fn place(&self, id: &str, value: Option<&str>) -> Option<(usize, usize)> {
        let start = self.starts.get(id).copied()?;
        let end = self
            .ordered
            .get(self.ordered.partition_point(|&o| o <= start)..)
            .and_then(|rest| rest.first().copied())
            .unwrap_or(self.text.len());
        let at = value.and_then(|value| {
            let quoted = format!("\"{value}\"");
            self.text
                .get(start..end)?
                .find(&quoted)
                .map(|offset| start + offset)
        });
        self.locator.place(at, Some(start))
    }
}

/// The data files, each ready to place a warning at its record.
struct Places<'f> {
    records: Vec<RecordFile<'f>>,
    articles: HashMap<String, (&'f str, Locator<'f>)>,
}

impl<'f> Places<'f> {
    fn new(files: &'f DataFiles) -> Self {
        let articles = files
            .articles
            .iter()
            .map(|file| {
                let stem = Path::new(&file.name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (stem, (file.name.as_str(), Locator::new(&file.text)))
            })
            .collect();
        Self {
            records: files.records.iter().map(RecordFile::new).collect(),
            articles,
        }
    }

    /// A warning about the record `id` of record file `file` (its place in
    /// [`RECORD_FILES`](super::RECORD_FILES), e.g. [`PEOPLE`]), at the string
    /// `value` inside it where that is found, else at its id, else without
    /// a line.
    fn record(&self, file: usize, id: &str, value: Option<&str>, message: String) -> Problem {
        match self.records.get(file) {
            Some(records) => Problem::at(records.name, records.place(id, value), message),
            None => Problem::in_file("", message),
        }
    }

    /// The line of record `id` in record file `file`, to point from one
    /// warning to the other record.
    fn line_of(&self, file: usize, id: &str) -> Option<usize> {
        let records = self.records.get(file)?;
        records.place(id, None).map(|(line, _)| line)
    }

    /// A warning about the article `id`, at its id.
    fn article(&self, id: &str, message: String) -> Problem {
        match self.articles.get(id) {
            Some((name, locator)) => {
                Problem::at(name, locator.place(locator.record(id, 0), None), message)
            }
            None => Problem::in_file(&format!("articles/{id}.ron"), message),
        }
    }
}

/// “a”, “b” or “c”.
fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("“{i}”")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn cited(sources: &[Source]) -> String {
    let list: Vec<String> = sources
        .iter()
        .map(|s| format!("paragraph {} of “{}”", s.paragraph, s.article))
        .collect();
    list.join(", ")
}

// ----------------------------------------------------------------- lints

/// People no event lists and no article's text names, in full or by surname.
fn unreferenced_people(
    dataset: &Dataset,
    named: &Named,
    places: &Places<'_>,
    warnings: &mut Vec<Problem>,
) {
    let in_events: HashSet<&str> = dataset
        .events
        .iter()
        .flat_map(|e| e.people().iter().map(|p| &**p))
        .collect();
    for (index, person) in dataset.people.iter().enumerate() {
        if in_events.contains(person.id.as_str())
            || named.records.contains(&LinkTarget::Person(index))
        {
            continue;
        }
        warnings.push(places.record(
            PEOPLE,
            &person.id,
            None,
            format!(
                "person “{}”: no event lists this person and no article's text names “{}”, so nothing in the reader leads to them; add them to the events they took part in, or check the spelling of the name",
                person.id, person.name
            ),
        ));
    }
}

/// Glossary terms that no article's text has, under any spelling.
fn unused_glossary_terms(
    dataset: &Dataset,
    named: &Named,
    places: &Places<'_>,
    warnings: &mut Vec<Problem>,
) {
    for (index, term) in dataset.glossary.iter().enumerate() {
        if named.terms.contains(&index) {
            continue;
        }
        let spellings = if term.aliases.is_empty() {
            String::new()
        } else {
            " nor any of its other spellings".to_owned()
        };
        warnings.push(places.record(
            GLOSSARY,
            &term.id,
            Some(&term.term),
            format!(
                "glossary term “{}”: “{}”{spellings} is found in no article's text, so a reader never meets it; check the spelling, or add the form the articles use to its aliases",
                term.id, term.term
            ),
        ));
    }
}

/// How an organization is written, for a message: “ECO” or “Economic Cooperation Organization”.
fn organization_spellings(organization: &crate::model::Organization) -> String {
    let mut spellings: Vec<&str> = organization.acronym.iter().map(String::as_str).collect();
    spellings.push(&organization.name);
    spellings.extend(organization.aliases.iter().map(String::as_str));
    quoted_list(&spellings)
}

/// Facts about an organization that none of their cited paragraphs names.
fn facts_about_unnamed_organizations(
    dataset: &Dataset,
    named: &Named,
    places: &Places<'_>,
    warnings: &mut Vec<Problem>,
) {
    for fact in &dataset.facts {
        let texts: Vec<String> = fact
            .sources
            .iter()
            .filter_map(|s| dataset.article(&s.article)?.paragraph(s.paragraph))
            .map(|block| block.text())
            .collect();
        for id in &fact.organizations {
            let Some((index, organization)) = dataset
                .organization_index(id)
                .and_then(|i| Some((i, dataset.organizations.get(i)?)))
            else {
                continue;
            };
            let target = LinkTarget::Organization(index);
            if texts.iter().any(|text| named.names_in(text, target)) {
                continue;
            }
            let paragraphs = if fact.sources.len() == 1 {
                "the paragraph it cites"
            } else {
                "none of the paragraphs it cites"
            };
            let verb = if fact.sources.len() == 1 {
                "does not name"
            } else {
                "names"
            };
            warnings.push(places.record(
                FACTS,
                &fact.id,
                Some(id),
                format!(
                    "fact “{}”: it is about the organization “{id}”, but {paragraphs} ({}) {verb} it as {}; check the organization, or cite the paragraph that names it",
                    fact.id,
                    cited(&fact.sources),
                    organization_spellings(organization)
                ),
            ));
        }
    }
}

/// Articles that no event cites.
fn articles_without_events(dataset: &Dataset, places: &Places<'_>, warnings: &mut Vec<Problem>) {
    for article in &dataset.articles {
        if dataset.event_indices_of_article(&article.id).is_empty() {
            warnings.push(places.article(
                &article.id,
                format!(
                    "article “{}”: no event cites it, so the timeline shows nothing from it and its “In this article” panel lists no events",
                    article.id
                ),
            ));
        }
    }
}

/// Organizations no article's text names by name, acronym or alias.
///
/// The organization panel's mentions ([`crate::organizations::mentions`])
/// are the paragraphs an organization cites, which validation already
/// requires; this looks at the text itself, as the reader's links do.
fn unnamed_organizations(
    dataset: &Dataset,
    named: &Named,
    places: &Places<'_>,
    warnings: &mut Vec<Problem>,
) {
    for (index, organization) in dataset.organizations.iter().enumerate() {
        if named.records.contains(&LinkTarget::Organization(index)) {
            continue;
        }
        warnings.push(places.record(
            ORGANIZATIONS,
            &organization.id,
            Some(&organization.name),
            format!(
                "organization “{}”: no article's text names it as {}, so the reader never links to it from the text; check the spelling, or add the name the articles use to its aliases",
                organization.id,
                organization_spellings(organization)
            ),
        ));
    }
}

// -------------------------------------------------------- near duplicates

/// One name of one record, for comparing with the others.
struct Entry<'a> {
    /// Index of the record in its list.
    record: usize,
    /// The record's id.
    id: &'a str,
    /// "name", "alias" or "acronym".
    field: &'static str,
    /// As written.
    raw: &'a str,
    /// Folded by [`fold_case_and_punctuation`], as characters.
    chars: Vec<char>,
    /// Letters and digits only: what is left when case, punctuation and
    /// spacing are set aside.
    compact: String,
    /// The numbers in the name: "Group of 77" and "Group of 20" are two
    /// groups, however close their letters.
    numbers: Vec<String>,
    /// How many of each character: two names within two edits of each
    /// other differ by at most four in these counts, a quick test before
    /// the edit distance.
    bag: [u8; 64],
}

impl<'a> Entry<'a> {
    fn new(record: usize, id: &'a str, field: &'static str, raw: &'a str) -> Self {
        let folded = fold_case_and_punctuation(raw);
        let numbers = folded
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let mut bag = [0u8; 64];
        for c in folded.chars() {
            let slot = match c {
                'a'..='z' => u32::from(c) - u32::from('a'),
                '0'..='9' => 26 + u32::from(c) - u32::from('0'),
                ' ' => 36,
                other => 37 + u32::from(other) % 27,
            };
            if let Some(count) = usize::try_from(slot).ok().and_then(|s| bag.get_mut(s)) {
                *count = count.saturating_add(1);
            }
        }
        Self {
            record,
            id,
            field,
            raw,
            compact: folded.chars().filter(|c| *c != ' ').collect(),
            chars: folded.chars().collect(),
            numbers,
            bag,
        }
    }

    /// Whether the character counts allow an edit distance of `max` or less.
    fn bags_within(&self, other: &Self, max: usize) -> bool {
        let mut apart = 0;
        for (a, b) in self.bag.iter().zip(&other.bag) {
            apart += usize::from(a.abs_diff(*b));
            if apart > 2 * max {
                return false;
            }
        }
        true
    }
}

/// How two names are alike, if they are alike enough to warn.
enum Likeness {
    Same,
    CasePunctuationSpacing,
    Letters(usize),
}

/// Names longer than this many characters may differ by up to two letters
/// and still be warned about.
const LONG_NAME: usize = 8;
const MAX_DISTANCE: usize = 2;

/// Levenshtein distance between `a` and `b`, or `None` when it is above `max`.
fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut best = current[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            best = best.min(current[j + 1]);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().filter(|d| *d <= max)
}

/// A pair of names of two records that look like one name: the later
/// record's first.
type Pair<'e, 'a> = (&'e Entry<'a>, &'e Entry<'a>, Likeness);

/// Pairs of entries of different records that look like one name, each
/// pair of records once; with `letters`, also names longer than
/// [`LONG_NAME`] within [`MAX_DISTANCE`] edits of each other.
fn alike<'e, 'a>(entries: &'e [Entry<'a>], letters: bool) -> Vec<Pair<'e, 'a>> {
    let mut found = Vec::new();
    let mut pairs: HashSet<(usize, usize)> = HashSet::new();
    let mut push = |a: &'e Entry<'a>, b: &'e Entry<'a>, likeness: Likeness| {
        let (first, second) = if a.record <= b.record { (a, b) } else { (b, a) };
        if first.record != second.record && pairs.insert((first.record, second.record)) {
            found.push((second, first, likeness));
        }
    };
    let mut by_compact: HashMap<&str, Vec<&'e Entry<'a>>> = HashMap::new();
    for entry in entries.iter().filter(|e| !e.compact.is_empty()) {
        by_compact.entry(&entry.compact).or_default().push(entry);
    }
    let mut groups: Vec<&Vec<&Entry<'a>>> = by_compact.values().filter(|g| g.len() > 1).collect();
    groups.sort_by_key(|g| g.iter().map(|e| e.record).min());
    for group in groups {
        for (n, a) in group.iter().enumerate() {
            for b in group.iter().skip(n + 1) {
                let likeness = if a.raw == b.raw {
                    Likeness::Same
                } else {
                    Likeness::CasePunctuationSpacing
                };
                push(a, b, likeness);
            }
        }
    }
    if letters {
        // Sorted by length, a name is compared only with those at most two
        // characters longer, and their character counts first.
        let mut long: Vec<&Entry<'a>> = entries
            .iter()
            .filter(|e| e.chars.len() > LONG_NAME)
            .collect();
        long.sort_by_key(|e| (e.chars.len(), e.record));
        for (n, a) in long.iter().enumerate() {
            for b in long.iter().skip(n + 1) {
                if b.chars.len() - a.chars.len() > MAX_DISTANCE {
                    break;
                }
                if a.record == b.record
                    || a.compact == b.compact
                    || a.numbers != b.numbers
                    || !a.bags_within(b, MAX_DISTANCE)
                {
                    continue;
                }
                if let Some(d) = distance_within(&a.chars, &b.chars, MAX_DISTANCE) {
                    push(a, b, Likeness::Letters(d));
                }
            }
        }
    }
    found
}

fn likeness_words(likeness: &Likeness) -> String {
    match likeness {
        Likeness::Same => "is the same as".to_owned(),
        Likeness::CasePunctuationSpacing => {
            "differs only in case, punctuation or spacing from".to_owned()
        }
        Likeness::Letters(1) => "differs by one letter from".to_owned(),
        Likeness::Letters(n) => format!("differs by {n} letters from"),
    }
}

/// Organizations whose names, aliases or acronyms look like one another's.
fn near_duplicate_organizations(
    dataset: &Dataset,
    places: &Places<'_>,
    warnings: &mut Vec<Problem>,
) {
    let mut names = Vec::new();
    let mut acronyms = Vec::new();
    for (i, organization) in dataset.organizations.iter().enumerate() {
        names.push(Entry::new(i, &organization.id, "name", &organization.name));
        for alias in &organization.aliases {
            names.push(Entry::new(i, &organization.id, "alias", alias));
        }
        if let Some(acronym) = &organization.acronym {
            acronyms.push(Entry::new(i, &organization.id, "acronym", acronym));
        }
    }
    let mut found = alike(&names, true);
    found.extend(alike(&acronyms, false));
    let mut warned: HashSet<(usize, usize)> = HashSet::new();
    for (later, earlier, likeness) in found {
        if !warned.insert((later.record, earlier.record)) {
            continue;
        }
        let line = places
            .line_of(ORGANIZATIONS, earlier.id)
            .map(|l| format!(" (line {l})"))
            .unwrap_or_default();
        warnings.push(places.record(
            ORGANIZATIONS,
            later.id,
            Some(later.raw),
            format!(
                "organization “{}”: its {} “{}” {} the {} “{}” of organization “{}”{line}; if they are one organization keep one record, otherwise tell the names apart",
                later.id,
                later.field,
                later.raw,
                likeness_words(&likeness),
                earlier.field,
                earlier.raw,
                earlier.id
            ),
        ));
    }
}

/// People whose names look like one another's.
fn near_duplicate_people(dataset: &Dataset, places: &Places<'_>, warnings: &mut Vec<Problem>) {
    let names: Vec<Entry<'_>> = dataset
        .people
        .iter()
        .enumerate()
        .map(|(i, person)| Entry::new(i, &person.id, "name", &person.name))
        .collect();
    for (later, earlier, likeness) in alike(&names, true) {
        let line = places
            .line_of(PEOPLE, earlier.id)
            .map(|l| format!(" (line {l})"))
            .unwrap_or_default();
        warnings.push(places.record(
            PEOPLE,
            later.id,
            Some(later.raw),
            format!(
                "person “{}”: the name “{}” {} the name “{}” of person “{}”{line}; if they are one person keep one record, otherwise tell the names apart",
                later.id,
                later.raw,
                likeness_words(&likeness),
                earlier.raw,
                earlier.id
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small dataset with nothing to warn about: one article that names
    /// the NAM, its acronym, a minister and a glossary term; one event; a
    /// fact about the NAM citing a paragraph that names it.
    const ARTICLE: &str = r#"Article(
    id: "alpha",
    title: "Alpha",
    summary: "S.",
    body: [
        Paragraph(text: "The Non-Aligned Movement met; Rashid Meredov spoke of preventive diplomacy."),
        Paragraph(text: "The NAM has 120 members."),
        Paragraph(text: "It has 120 members."),
    ],
)
"#;
    const EVENTS: &str = r#"[
    Event(id: "meeting", date: "2020", title: "Meeting", description: "D.", category: Meeting,
        organizations: ["nam"], people: ["rashid-meredov"], sources: [("alpha", 1)]),
]
"#;
    const ORGANIZATIONS: &str = r#"[
    Organization(id: "nam", acronym: "NAM", name: "Non-Aligned Movement", kind: Global,
        summary: "S.", sources: [("alpha", 1)]),
]
"#;
    const PEOPLE: &str = r#"[
    Person(id: "rashid-meredov", name: "Rashid Meredov", role: "Minister", as_of: "2020",
        sources: [("alpha", 1)]),
]
"#;
    const FACTS: &str = r#"[
    Fact(id: "nam-members", measure: "members", value: 120, unit: "states", as_of: "2020",
        organizations: ["nam"], quote: "The NAM has 120 members.", sources: [("alpha", 2)]),
]
"#;
    const GLOSSARY: &str = r#"[
    GlossaryTerm(id: "preventive-diplomacy", term: "Preventive diplomacy", definition: "D.",
        sources: [("alpha", 1)]),
]
"#;

    /// The base dataset with `edits` (file, text to replace, replacement) made.
    fn lint_with(edits: &[(&str, &str, &str)]) -> Vec<Problem> {
        linted(edits).0
    }

    /// Line and column (from 1, in characters) of `needle` in `text`, where it must occur once.
    fn place_of(text: &str, needle: &str) -> (Option<usize>, Option<usize>) {
        assert_eq!(text.matches(needle).count(), 1, "{needle:?} in {text}");
        let locator = Locator::new(text);
        let (line, column) = locator.line_column(text.find(needle).unwrap_or(0));
        (Some(line), Some(column))
    }

    /// The warning's place, and that of `needle` in its file.
    fn places(
        linted: &(Vec<Problem>, Vec<(String, String)>),
        needle: &str,
    ) -> [(Option<usize>, Option<usize>); 2] {
        let warning = one(&linted.0);
        let text = linted
            .1
            .iter()
            .find(|(name, _)| *name == warning.file)
            .map(|(_, text)| text.as_str())
            .unwrap_or_default();
        [(warning.line, warning.column), place_of(text, needle)]
    }

    /// The warnings and the files' texts.
    fn linted(edits: &[(&str, &str, &str)]) -> (Vec<Problem>, Vec<(String, String)>) {
        let dir = tempfile::tempdir().unwrap();
        let mut files: Vec<(String, String)> = vec![
            ("articles/alpha.ron".to_owned(), ARTICLE.to_owned()),
            ("events.ron".to_owned(), EVENTS.to_owned()),
            ("organizations.ron".to_owned(), ORGANIZATIONS.to_owned()),
            ("people.ron".to_owned(), PEOPLE.to_owned()),
            ("facts.ron".to_owned(), FACTS.to_owned()),
            ("glossary.ron".to_owned(), GLOSSARY.to_owned()),
        ];
        for (file, from, to) in edits {
            match files.iter_mut().find(|(name, _)| name == file) {
                Some((_, text)) => {
                    // "]" is the list's closing bracket, the last one.
                    let at = if *from == "]" {
                        text.rfind(']')
                    } else {
                        text.find(from)
                    };
                    let Some(at) = at else {
                        panic!("{file}: no {from:?}");
                    };
                    text.replace_range(at..at + from.len(), to);
                }
                None => files.push(((*file).to_owned(), (*to).to_owned())),
            }
        }
        std::fs::create_dir_all(dir.path().join("articles")).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let texts = files;
        let dataset = match Dataset::load_dir(dir.path()) {
            Ok(dataset) => dataset,
            Err(error) => panic!("{error}"),
        };
        let files = DataFiles::read_dir(dir.path()).unwrap();
        let prefix = format!("{}/", dir.path().display());
        let warnings = lint(&dataset, &files)
            .into_iter()
            .map(|mut p| {
                p.file = p.file.replacen(&prefix, "", 1);
                p
            })
            .collect();
        (warnings, texts)
    }

    fn one(warnings: &[Problem]) -> &Problem {
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        &warnings[0]
    }

    #[test]
    fn the_base_dataset_has_nothing_to_warn_about() {
        assert_eq!(lint_with(&[]), []);
    }

    #[test]
    fn the_record_files_are_where_the_lints_look_for_them() {
        use super::super::RECORD_FILES;
        assert_eq!(RECORD_FILES[super::ORGANIZATIONS], "organizations.ron");
        assert_eq!(RECORD_FILES[super::PEOPLE], "people.ron");
        assert_eq!(RECORD_FILES[super::FACTS], "facts.ron");
        assert_eq!(RECORD_FILES[super::GLOSSARY], "glossary.ron");
    }

    #[test]
    fn names_fold_and_letters_count() {
        assert_eq!(
            fold_case_and_punctuation("Non‑Aligned  Movement’s (NAM)"),
            "non aligned movement s nam"
        );
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(
            distance_within(&chars("kitten"), &chars("sitting"), 3),
            Some(3)
        );
        assert_eq!(
            distance_within(&chars("kitten"), &chars("sitting"), 2),
            None
        );
        assert_eq!(distance_within(&chars("abc"), &chars("abc"), 0), Some(0));
    }

    #[test]
    fn a_person_no_event_lists_and_no_text_names_is_warned_about() {
        let person = r#"    Person(id: "zed-nobody", name: "Zed Nobody", role: "Envoy", as_of: "2020",
        sources: [("alpha", 1)]),
]"#;
        let linted = linted(&[("people.ron", "]", person)]);
        let [place, expected] = places(&linted, "\"zed-nobody\"");
        assert_eq!(place, expected);
        let warning = one(&linted.0);
        assert_eq!(warning.file, "people.ron");
        assert_eq!(
            warning.message,
            "person “zed-nobody”: no event lists this person and no article's text names “Zed Nobody”, so nothing in the reader leads to them; add them to the events they took part in, or check the spelling of the name"
        );
        // Named in the text by surname alone, or listed by an event: no warning.
        let named = lint_with(&[
            ("people.ron", "]", person),
            ("articles/alpha.ron", "It has", "Nobody said it has"),
        ]);
        assert_eq!(named, []);
        let listed = lint_with(&[
            ("people.ron", "]", person),
            (
                "events.ron",
                "people: [\"rashid-meredov\"]",
                "people: [\"rashid-meredov\", \"zed-nobody\"]",
            ),
        ]);
        assert_eq!(listed, []);
        // The surname counts only as written: "nobody" is not "Nobody".
        let lower = lint_with(&[
            ("people.ron", "]", person),
            ("articles/alpha.ron", "It has", "nobody said it has"),
        ]);
        assert_eq!(one(&lower).file, "people.ron");
    }

    #[test]
    fn a_surname_two_people_share_names_neither() {
        // The reader links a surname only when no other person's name has
        // it, so "Nobody" alone leads to neither Zed nor Amy Nobody.
        let people = r#"    Person(id: "zed-nobody", name: "Zed Nobody", role: "Envoy", as_of: "2020",
        sources: [("alpha", 1)]),
    Person(id: "amy-nobody", name: "Amy Nobody", role: "Envoy", as_of: "2020",
        sources: [("alpha", 1)]),
]"#;
        let shared = lint_with(&[
            ("people.ron", "]", people),
            ("articles/alpha.ron", "It has", "Nobody said it has"),
        ]);
        let warned: Vec<&str> = shared.iter().map(|w| w.file.as_str()).collect();
        assert_eq!(warned, ["people.ron", "people.ron"], "{shared:#?}");
        // Named in full, each is named.
        let in_full = lint_with(&[
            ("people.ron", "]", people),
            (
                "articles/alpha.ron",
                "It has",
                "Zed Nobody and amy nobody said it has",
            ),
        ]);
        assert_eq!(in_full, []);
    }

    #[test]
    fn a_glossary_term_no_article_has_is_warned_about() {
        let linted = linted(&[(
            "glossary.ron",
            "\"Preventive diplomacy\"",
            "\"Preventive medicine\"",
        )]);
        let [place, expected] = places(&linted, "\"Preventive medicine\"");
        assert_eq!(place, expected);
        let warning = one(&linted.0);
        assert_eq!(warning.file, "glossary.ron");
        assert_eq!(
            warning.message,
            "glossary term “preventive-diplomacy”: “Preventive medicine” is found in no article's text, so a reader never meets it; check the spelling, or add the form the articles use to its aliases"
        );
        // An alias the text has is enough, in any capitals.
        let aliased = lint_with(&[(
            "glossary.ron",
            "\"Preventive diplomacy\",",
            "\"Preventive medicine\", aliases: [\"PREVENTIVE DIPLOMACY\"],",
        )]);
        assert_eq!(aliased, []);
        // The term's words must be joined as in the term: "preventive,
        // diplomacy" runs across a comma and is not the term.
        let comma = lint_with(&[(
            "articles/alpha.ron",
            "spoke of preventive diplomacy",
            "spoke of preventive, diplomacy",
        )]);
        assert_eq!(one(&comma).file, "glossary.ron");
    }

    #[test]
    fn a_fact_whose_paragraph_does_not_name_its_organization_is_warned_about() {
        let linted = linted(&[(
            "facts.ron",
            "quote: \"The NAM has 120 members.\", sources: [(\"alpha\", 2)]",
            "quote: \"It has 120 members.\", sources: [(\"alpha\", 3)]",
        )]);
        // At the organization's id in the fact.
        let [place, expected] = places(&linted, "\"nam\"");
        assert_eq!(place, expected);
        let warning = one(&linted.0);
        assert_eq!(warning.file, "facts.ron");
        assert_eq!(
            warning.message,
            "fact “nam-members”: it is about the organization “nam”, but the paragraph it cites (paragraph 3 of “alpha”) does not name it as “NAM” or “Non-Aligned Movement”; check the organization, or cite the paragraph that names it"
        );
    }

    #[test]
    fn an_article_no_event_cites_is_warned_about() {
        let beta = "Article(\n    id: \"beta\",\n    title: \"Beta\",\n    summary: \"S.\",\n    body: [Paragraph(text: \"The NAM again.\")],\n)\n";
        let linted = linted(&[("articles/beta.ron", "", beta)]);
        let [place, expected] = places(&linted, "\"beta\"");
        assert_eq!(place, expected);
        let warning = one(&linted.0);
        assert_eq!(warning.file, "articles/beta.ron");
        assert_eq!(
            warning.message,
            "article “beta”: no event cites it, so the timeline shows nothing from it and its “In this article” panel lists no events"
        );
    }

    #[test]
    fn an_organization_no_text_names_is_warned_about() {
        let osce = r#"    Organization(id: "osce", acronym: "OSCE", name: "Organization for Security and Co-operation in Europe",
        kind: Regional, summary: "S.", sources: [("alpha", 1)]),
]"#;
        let linted = linted(&[("organizations.ron", "]", osce)]);
        let [place, expected] = places(&linted, "\"Organization for Security");
        assert_eq!(place, expected);
        let warning = one(&linted.0);
        assert_eq!(warning.file, "organizations.ron");
        assert_eq!(
            warning.message,
            "organization “osce”: no article's text names it as “OSCE” or “Organization for Security and Co-operation in Europe”, so the reader never links to it from the text; check the spelling, or add the name the articles use to its aliases"
        );
        // Named by its acronym as written, or by its name in other capitals
        // and typographic forms of its punctuation: no warning; the acronym in
        // lower case is no name. Nor is the name with other punctuation
        // between its words ("co operation" for "Co-operation"): the reader
        // does not link it, so the organization is warned about.
        for (text, warned) in [
            ("The OSCE too.", false),
            (
                "The organization for security and co\u{2011}operation in Europe too.",
                false,
            ),
            (
                "The organization for security and co operation in Europe too.",
                true,
            ),
            ("The osce too.", true),
        ] {
            let found = lint_with(&[
                ("organizations.ron", "]", osce),
                (
                    "articles/alpha.ron",
                    "It has 120 members.\"),",
                    &format!("It has 120 members.\"), Paragraph(text: \"{text}\"),"),
                ),
            ]);
            assert_eq!(!found.is_empty(), warned, "{text}: {found:#?}");
        }
    }

    /// One organization's record, to put before a file's closing "]".
    fn entry(id: &str, acronym: &str, name: &str) -> String {
        format!(
            "    Organization(id: \"{id}\", acronym: \"{acronym}\", name: \"{name}\", kind: Global,\n        summary: \"S.\", sources: [(\"alpha\", 1)]),\n"
        )
    }

    fn organization(id: &str, acronym: &str, name: &str) -> String {
        format!("{}]", entry(id, acronym, name))
    }

    /// The warnings about the base dataset with one more organization, named in the text.
    fn with_organization(
        id: &str,
        acronym: &str,
        name: &str,
    ) -> (Vec<Problem>, Vec<(String, String)>) {
        linted(&[
            ("organizations.ron", "]", &organization(id, acronym, name)),
            (
                "articles/alpha.ron",
                "It has 120 members.\"),",
                &format!("It has 120 members.\"), Paragraph(text: \"{name} ({acronym}).\"),"),
            ),
        ])
    }

    #[test]
    fn organization_names_that_differ_in_punctuation_or_a_letter_are_warned_about() {
        let spaced = with_organization("nam-again", "NAM2", "Non Aligned Movement");
        let [place, expected] = places(&spaced, "\"Non Aligned Movement\"");
        assert_eq!(place, expected);
        let warning = one(&spaced.0);
        assert_eq!(warning.file, "organizations.ron");
        assert_eq!(
            warning.message,
            "organization “nam-again”: its name “Non Aligned Movement” differs only in case, punctuation or spacing from the name “Non-Aligned Movement” of organization “nam” (line 2); if they are one organization keep one record, otherwise tell the names apart"
        );
        let misspelt = with_organization("nam-again", "NAM2", "Non-Alligned Movement");
        assert!(
            one(&misspelt.0).message.contains("its name “Non-Alligned Movement” differs by one letter from the name “Non-Aligned Movement”"),
            "{misspelt:#?}"
        );
        let acronym = with_organization("nam-again", "N.A.M.", "Nonaligned Countries Forum");
        assert!(
            one(&acronym.0).message.contains("its acronym “N.A.M.” differs only in case, punctuation or spacing from the acronym “NAM”"),
            "{acronym:#?}"
        );
    }

    #[test]
    fn distinct_names_are_not_near_duplicates() {
        // Numbers tell groups apart, however close the letters.
        let numbered = lint_with(&[
            (
                "organizations.ron",
                "]",
                &(entry("g77", "G77", "Group of 77 states")
                    + &organization("g20", "G20", "Group of 20 states")),
            ),
            (
                "articles/alpha.ron",
                "It has 120 members.\"),",
                "It has 120 members.\"), Paragraph(text: \"The Group of 77 states (G77) and the Group of 20 states (G20).\"),",
            ),
        ]);
        assert_eq!(numbered, []);
        // Names of eight characters or fewer may differ by a letter.
        let short = lint_with(&[
            (
                "organizations.ron",
                "]",
                &(entry("alphabet", "ALB", "Alphabet")
                    + &organization("alphabit", "ALT", "Alphabit")),
            ),
            (
                "articles/alpha.ron",
                "It has 120 members.\"),",
                "It has 120 members.\"), Paragraph(text: \"Alphabet (ALB) and Alphabit (ALT).\"),",
            ),
        ]);
        assert_eq!(short, []);
    }

    #[test]
    fn people_whose_names_differ_by_a_letter_are_warned_about() {
        let person = r#"    Person(id: "rashid-meredow", name: "Rashid Meredow", role: "Minister", as_of: "2021",
        sources: [("alpha", 1)]),
]"#;
        let linted = linted(&[
            ("people.ron", "]", person),
            (
                "events.ron",
                "people: [\"rashid-meredov\"]",
                "people: [\"rashid-meredov\", \"rashid-meredow\"]",
            ),
        ]);
        let [place, expected] = places(&linted, "\"Rashid Meredow\"");
        assert_eq!(place, expected);
        let warning = one(&linted.0);
        assert_eq!(warning.file, "people.ron");
        assert_eq!(
            warning.message,
            "person “rashid-meredow”: the name “Rashid Meredow” differs by one letter from the name “Rashid Meredov” of person “rashid-meredov” (line 2); if they are one person keep one record, otherwise tell the names apart"
        );
    }

    #[test]
    fn warnings_come_in_reading_order() {
        let osce = r#"    Organization(id: "osce", acronym: "OSCE", name: "Organization for Security and Co-operation in Europe",
        kind: Regional, summary: "S.", sources: [("alpha", 1)]),
]"#;
        let warnings = lint_with(&[
            ("organizations.ron", "]", osce),
            (
                "glossary.ron",
                "\"Preventive diplomacy\"",
                "\"Preventive medicine\"",
            ),
        ]);
        let files: Vec<&str> = warnings.iter().map(|w| w.file.as_str()).collect();
        assert_eq!(files, ["glossary.ron", "organizations.ron"]);
    }

    #[test]
    fn every_warning_on_a_synthetic_dataset_has_its_place() {
        use crate::dataset::synthetic::{Sizes, files};
        let sizes = Sizes {
            articles: 20,
            paragraphs_per_article: 10,
            events: 500,
            organizations: 300,
            people: 50,
            facts: 40,
            glossary: 20,
        };
        let files = files(sizes, 5);
        let dataset = match Dataset::from_files(&files) {
            Ok(dataset) => dataset,
            Err(error) => panic!("{error}"),
        };
        let warnings = lint(&dataset, &files);
        assert!(!warnings.is_empty());
        let names: HashSet<&str> = files
            .articles
            .iter()
            .chain(&files.records)
            .map(|f| f.name.as_str())
            .collect();
        for warning in &warnings {
            assert!(names.contains(warning.file.as_str()), "{warning}");
            assert!(
                warning.line.is_some() && warning.column.is_some(),
                "{warning}"
            );
            assert!(!warning.message.is_empty());
        }
        let mut sorted = warnings.clone();
        sorted.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        assert_eq!(sorted, warnings);
    }
}
