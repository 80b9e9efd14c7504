//! Checks that need the whole dataset: unique ids, references that resolve,
//! real dates, non-empty texts, citations of paragraphs that exist, and quotes
//! that stand word for word in the paragraph they cite.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::files::DataFile;
use super::images::{self, ImageSource};
use super::locate::Locator;
use super::problem::Problem;
use super::suggest::{self, did_you_mean};
use crate::model::{
    Article, Date, Event, Fact, Field, GlossaryTerm, Organization, Person, Source, Unstated, When,
    fields_of,
};
use std::rc::Rc;

/// Everything that parsed, with the files it came from.
pub struct Parsed<'a> {
    /// Each article with its file.
    pub articles: Vec<(&'a DataFile, Article)>,
    /// `events.ron` and its records.
    pub events: (&'a DataFile, Vec<Event>),
    /// `organizations.ron` and its records.
    pub organizations: (&'a DataFile, Vec<Organization>),
    /// `people.ron` and its records.
    pub people: (&'a DataFile, Vec<Person>),
    /// `facts.ron` and its records.
    pub facts: (&'a DataFile, Vec<Fact>),
    /// `glossary.ron` and its records.
    pub glossary: (&'a DataFile, Vec<GlossaryTerm>),
    /// Where the articles' images are.
    pub images: &'a ImageSource,
}

/// Is `id` lower-case words joined by single hyphens?
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Collapses runs of white space so that quotes compare as words.
pub fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A quote to look for once every quote is known.
struct PendingQuote<'f> {
    record: Record<'f>,
    quote: String,
    /// The quote with its white space collapsed.
    wanted: String,
    sources: Vec<Source>,
}

/// Where one record is, for reporting its problems.
///
/// Its place in the file is looked up only when a problem is reported: a
/// valid dataset of 100,000 events must not search its file 100,000 times.
#[derive(Clone)]
struct Record<'f> {
    file: &'f DataFile,
    kind: &'static str,
    id: &'f str,
    nth: usize,
    /// Its file's locator, shared by all its records.
    locator: Rc<Locator<'f>>,
    /// Where its `id:` value is, once asked.
    start: OnceCell<Option<usize>>,
}

impl<'f> Record<'f> {
    fn locator(&self) -> &Locator<'f> {
        &self.locator
    }

    /// Byte offset of the record's `id:` value.
    fn start(&self) -> Option<usize> {
        *self.start.get_or_init(|| {
            self.locator
                .record(self.id, self.nth)
                .or_else(|| self.locator.record(self.id, 0))
        })
    }

    fn problem_at(&self, offset: Option<usize>, message: String) -> Problem {
        Problem::at(
            &self.file.name,
            self.locator().place(offset, self.start()),
            format!("{} “{}”: {message}", self.kind, self.id),
        )
    }
}

/// The records of one file: its locator, and for each record (in file
/// order) how many before it have the same id, so that the problems of a
/// duplicate are placed at the duplicate.
struct FileRecords<'f> {
    file: &'f DataFile,
    kind: &'static str,
    locator: Rc<Locator<'f>>,
    nth: Vec<usize>,
}

impl<'f> FileRecords<'f> {
    /// Record `index` of the file, whose id is `id`: no look-up and no
    /// copy, as each of 100,000 events is made one.
    fn record(&self, index: usize, id: &'f str) -> Record<'f> {
        Record {
            file: self.file,
            kind: self.kind,
            id,
            nth: self.nth.get(index).copied().unwrap_or(0),
            locator: self.locator.clone(),
            start: OnceCell::new(),
        }
    }
}

/// Collects problems across the whole dataset.
struct Checker<'p> {
    problems: Vec<Problem>,
    paragraphs: HashMap<&'p str, &'p Article>,
    organizations: HashSet<&'p str>,
    people: HashSet<&'p str>,
    /// Each image path checked so far, and what was wrong with it: a path
    /// used many times is looked at on disk once.
    images: HashMap<String, Option<images::ImageError>>,
    /// Each paragraph quoted, by article and number, its white space
    /// collapsed, with the quotes that cite it (by their place in `pending`).
    quoted: HashMap<(&'p str, u32), (String, Vec<usize>)>,
    /// Every quote, looked for at the end: all the quotes of a paragraph in
    /// one pass over it, however long it is and however many quote it.
    pending: Vec<PendingQuote<'p>>,
}

/// Runs every check and returns every problem found.
pub fn validate(parsed: &Parsed<'_>) -> Vec<Problem> {
    let mut checker = Checker {
        problems: Vec::new(),
        paragraphs: parsed
            .articles
            .iter()
            .map(|(_, a)| (a.id.as_str(), a))
            .collect(),
        organizations: parsed
            .organizations
            .1
            .iter()
            .map(|o| o.id.as_str())
            .collect(),
        people: parsed.people.1.iter().map(|p| p.id.as_str()).collect(),
        images: HashMap::new(),
        quoted: HashMap::new(),
        pending: Vec::new(),
    };
    checker.articles(&parsed.articles, parsed.images);
    let (file, events) = &parsed.events;
    let records = checker.unique_ids(file, "event", events.iter().map(|e| &*e.id));
    for (index, event) in events.iter().enumerate() {
        checker.event(&records.record(index, &event.id), event);
    }
    let (file, organizations) = &parsed.organizations;
    let records = checker.unique_ids(
        file,
        "organization",
        organizations.iter().map(|o| o.id.as_str()),
    );
    for (index, organization) in organizations.iter().enumerate() {
        checker.organization(&records.record(index, &organization.id), organization);
    }
    let (file, people) = &parsed.people;
    let records = checker.unique_ids(file, "person", people.iter().map(|p| p.id.as_str()));
    for (index, person) in people.iter().enumerate() {
        checker.person(&records.record(index, &person.id), person);
    }
    let (file, facts) = &parsed.facts;
    let records = checker.unique_ids(file, "fact", facts.iter().map(|f| f.id.as_str()));
    for (index, fact) in facts.iter().enumerate() {
        checker.fact(&records.record(index, &fact.id), fact);
    }
    let (file, terms) = &parsed.glossary;
    let records = checker.unique_ids(file, "glossary term", terms.iter().map(|t| t.id.as_str()));
    for (index, term) in terms.iter().enumerate() {
        checker.term(&records.record(index, &term.id), term);
    }
    checker.check_quotes();
    checker.problems
}

impl<'p> Checker<'p> {
    /// Checks that the ids of a file's records are unique and kebab-case,
    /// and returns its records' places, each found only when a problem is
    /// reported.
    fn unique_ids(
        &mut self,
        file: &'p DataFile,
        kind: &'static str,
        ids: impl Iterator<Item = &'p str>,
    ) -> FileRecords<'p> {
        let locator = Rc::new(Locator::new(&file.text));
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut nths = Vec::with_capacity(ids.size_hint().0);
        for id in ids {
            let count = seen.entry(id).or_insert(0);
            nths.push(*count);
            if *count > 0 {
                let first = locator.record(id, 0).map(|o| locator.line_column(o).0);
                let again = locator.record(id, *count);
                self.problems.push(Problem::at(
                    &file.name,
                    locator.place(again, None),
                    format!(
                        "the id “{id}” is already used by another {kind}{}; ids must be unique",
                        first.map(|l| format!(" (line {l})")).unwrap_or_default()
                    ),
                ));
            }
            *count += 1;
            if !is_kebab_case(id) {
                self.problems.push(Problem::at(
                    &file.name,
                    locator.place(locator.record(id, 0), None),
                    format!(
                        "the id “{id}” must be kebab-case: lower-case letters and digits joined by hyphens"
                    ),
                ));
            }
        }
        FileRecords {
            file,
            kind,
            locator,
            nth: nths,
        }
    }

    fn text(&mut self, record: &Record<'_>, field: &str, value: &str) {
        if value.trim().is_empty() {
            let offset = record.start().and_then(|s| {
                let locator = record.locator();
                locator
                    .find_after(s, &format!("{field}: \"{value}\""))
                    .or_else(|| locator.find_after(s, &format!("\"{value}\"")))
                    .or_else(|| locator.find_after(s, &format!("{field}:")))
            });
            self.problems
                .push(record.problem_at(offset, format!("the {field} is empty")));
        }
    }

    fn optional_text(&mut self, record: &Record<'_>, field: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(record, field, value);
        }
    }

    /// Each mark of an unstated part: a reason the reader can read, and a
    /// field that this kind of record has (`kind`: "event", "organization",
    /// "relationship" or "fact").
    fn unstated(&mut self, record: &Record<'_>, kind: &str, marks: &[Unstated]) {
        let allowed = fields_of(kind);
        for mark in marks {
            self.text(record, "reason", &mark.reason);
            if !allowed.contains(&mark.field) {
                let names: Vec<&str> = allowed.iter().map(|f| f.key()).collect();
                let offset = record.start().and_then(|s| {
                    record
                        .locator()
                        .find_after(s, &format!("field: {:?}", mark.field))
                });
                let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                self.problems.push(record.problem_at(
                    offset,
                    format!(
                        "an unstated mark names the {}; on {article} {kind} only the {} can be marked",
                        mark.field.key(),
                        names.join(" or ")
                    ),
                ));
            }
        }
    }

    fn date(&mut self, record: &Record<'_>, field: &str, date: Option<Date>) {
        let Some(date) = date else { return };
        let text = date.iso();
        if let Some(error) = date.calendar_error(&text) {
            let offset = record
                .start()
                .and_then(|s| record.locator().find_after(s, &format!("\"{text}")));
            self.problems
                .push(record.problem_at(offset, format!("the {field} {error}")));
        }
    }

    fn when(&mut self, record: &Record<'_>, field: &str, when: &When) {
        let text = when.iso();
        if let Some(error) = when.calendar_error(&text) {
            let offset = record
                .start()
                .and_then(|s| record.locator().string_after(s, &text));
            self.problems
                .push(record.problem_at(offset, format!("the {field} {error}")));
        }
    }

    fn sources(&mut self, record: &Record<'_>, sources: &[Source]) {
        if sources.is_empty() {
            self.problems.push(record.problem_at(
                None,
                "cites no source; every record cites the paragraph it comes from".to_owned(),
            ));
        }
        for source in sources {
            self.source(record, source);
        }
    }

    fn source(&mut self, record: &Record<'_>, source: &Source) -> Option<&'p Article> {
        let offset = || {
            record.start().and_then(|s| {
                record
                    .locator()
                    .citation_after(s, &source.article, source.paragraph)
            })
        };
        let Some(article) = self.paragraphs.get(source.article.as_str()).copied() else {
            self.problems.push(record.problem_at(
                offset(),
                format!(
                    "cites the article “{}”, which does not exist{}",
                    source.article,
                    did_you_mean(&source.article, self.paragraphs.keys().copied())
                ),
            ));
            return None;
        };
        if article.paragraph(source.paragraph).is_none() {
            self.problems.push(record.problem_at(
                offset(),
                format!(
                    "cites paragraph {} of “{}”, which has only {} paragraphs",
                    source.paragraph,
                    source.article,
                    article.body.len()
                ),
            ));
            return None;
        }
        Some(article)
    }

    fn quote(&mut self, record: &Record<'p>, quote: &str, sources: &[Source]) {
        self.text(record, "quote", quote);
        let wanted = normalize_space(quote);
        if wanted.is_empty() {
            return;
        }
        let index = self.pending.len();
        for source in sources {
            let Some(article) = self.paragraphs.get(source.article.as_str()).copied() else {
                continue;
            };
            let Some(block) = article.paragraph(source.paragraph) else {
                continue;
            };
            self.quoted
                .entry((article.id.as_str(), source.paragraph))
                .or_insert_with(|| (normalize_space(&block.text()), Vec::new()))
                .1
                .push(index);
        }
        self.pending.push(PendingQuote {
            record: record.clone(),
            quote: quote.to_owned(),
            wanted,
            sources: sources.to_vec(),
        });
    }

    /// Looks for every quote in the paragraphs it cites, each paragraph read
    /// once for all its quotes, and reports those not found word for word.
    fn check_quotes(&mut self) {
        let mut found = vec![false; self.pending.len()];
        for (text, quotes) in self.quoted.values() {
            let patterns: Vec<&str> = quotes
                .iter()
                .filter_map(|&q| self.pending.get(q).map(|p| p.wanted.as_str()))
                .collect();
            let Ok(automaton) = aho_corasick::AhoCorasick::new(&patterns) else {
                continue;
            };
            let mut left = patterns.len();
            let mut seen = vec![false; patterns.len()];
            for hit in automaton.find_overlapping_iter(text.as_str()) {
                let pattern = hit.pattern().as_usize();
                if let Some(false) = seen.get(pattern).copied() {
                    seen[pattern] = true;
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
            }
            for (pattern, &q) in quotes.iter().enumerate() {
                if seen.get(pattern).copied().unwrap_or(false)
                    && let Some(slot) = found.get_mut(q)
                {
                    *slot = true;
                }
            }
        }
        for (pending, found) in std::mem::take(&mut self.pending).iter().zip(found) {
            if !found {
                self.quote_not_found(pending);
            }
        }
    }

    fn quote_not_found(&mut self, pending: &PendingQuote<'_>) {
        let PendingQuote {
            record,
            quote,
            sources,
            ..
        } = pending;
        let offset = record.start().and_then(|s| {
            let locator = record.locator();
            locator
                .find_after(s, &format!("quote: \"{quote}\""))
                .or_else(|| locator.string_after(s, quote))
                .or_else(|| locator.find_after(s, "quote:"))
        });
        let name = |s: &Source| format!("paragraph {} of “{}”", s.paragraph, s.article);
        let cited = sources.iter().map(name).collect::<Vec<_>>().join(", ");
        // Where the quote parts from a paragraph it cites: from the first
        // cited, or from each when there are several.
        let differences: Vec<String> = sources
            .iter()
            .filter_map(|s| {
                let (text, _) = self.quoted.get(&(s.article.as_str(), s.paragraph))?;
                let named = if sources.len() == 1 {
                    "the paragraph".to_owned()
                } else {
                    name(s)
                };
                suggest::quote_difference(&pending.wanted, text, &named)
            })
            .collect();
        let difference = if differences.is_empty() {
            String::new()
        } else {
            format!(": {}", differences.join("; "))
        };
        self.problems.push(record.problem_at(
            offset,
            format!("the quote does not stand word for word in {cited}{difference}"),
        ));
    }

    fn references(
        &mut self,
        record: &Record<'_>,
        kind: &str,
        ids: &[impl AsRef<str>],
        known: fn(&Self, &str) -> bool,
    ) {
        for id in ids.iter().map(AsRef::as_ref) {
            if !known(self, id) {
                let offset = record
                    .start()
                    .and_then(|s| record.locator().string_after(s, id));
                let known = match kind {
                    "person" => &self.people,
                    _ => &self.organizations,
                };
                let meant = did_you_mean(id, known.iter().copied());
                self.problems.push(record.problem_at(
                    offset,
                    format!("refers to the {kind} “{id}”, which does not exist{meant}"),
                ));
            }
        }
    }

    fn articles(&mut self, articles: &[(&'p DataFile, Article)], images: &ImageSource) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (file, article) in articles {
            // An article is the one record of its file.
            let record = FileRecords {
                file,
                kind: "article",
                locator: Rc::new(Locator::new(&file.text)),
                nth: Vec::new(),
            }
            .record(0, &article.id);
            if let Some(first) = seen.insert(&article.id, &file.name) {
                self.problems.push(record.problem_at(
                    None,
                    format!("the id is already used by the article in {first}; ids must be unique"),
                ));
            }
            if !is_kebab_case(&article.id) {
                self.problems.push(record.problem_at(
                    None,
                    "the id must be kebab-case: lower-case letters and digits joined by hyphens"
                        .to_owned(),
                ));
            }
            let stem = std::path::Path::new(&file.name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if stem != article.id {
                self.problems.push(record.problem_at(
                    None,
                    format!(
                        "the file should be named {}.ron after the article's id",
                        article.id
                    ),
                ));
            }
            self.text(&record, "title", &article.title);
            self.text(&record, "summary", &article.summary);
            self.optional_text(&record, "publisher", article.publisher.as_deref());
            self.optional_text(&record, "url", article.url.as_deref());
            self.optional_text(&record, "note", article.note.as_deref());
            self.optional_text(&record, "derived", article.derived.as_deref());
            if let Some(published) = &article.published {
                self.when(&record, "publication date", published);
            }
            if article.body.is_empty() {
                self.problems
                    .push(record.problem_at(None, "the body has no paragraphs".to_owned()));
            }
            for (index, block) in article.body.iter().enumerate() {
                let empty_item = matches!(block, crate::model::Block::List { items, .. }
                    if items.is_empty() || items.iter().any(|i| i.trim().is_empty()));
                if block.text().trim().is_empty() || empty_item {
                    self.problems.push(record.problem_at(
                        None,
                        format!(
                            "paragraph {} ({}) has no text",
                            index + 1,
                            block.kind_name()
                        ),
                    ));
                }
                if block.note().is_some_and(|n| n.trim().is_empty()) {
                    self.problems.push(
                        record
                            .problem_at(None, format!("paragraph {} has an empty note", index + 1)),
                    );
                }
            }
            self.images(&record, article, images);
        }
    }

    /// Each image's path, file, size, format and dimensions, placed at its
    /// path in the article's file.
    fn images(&mut self, record: &Record<'_>, article: &Article, source: &ImageSource) {
        let mut from = record.start();
        for (index, block) in article.body.iter().enumerate() {
            let crate::model::Block::Image { path, .. } = block else {
                continue;
            };
            // The path as RON writes it, so that one with escapes is found too.
            let written = format!("\"{}\"", path.replace('\\', "\\\\").replace('"', "\\\""));
            let at = from.and_then(|s| record.locator().find_after(s, &written));
            from = at.map(|a| a + 1).or(from);
            let checked = self
                .images
                .entry(path.clone())
                .or_insert_with(|| images::check(source, path).err());
            if let Some(error) = checked {
                self.problems.push(
                    record.problem_at(at, format!("paragraph {} (image): {error}", index + 1)),
                );
            }
        }
    }

    fn event(&mut self, record: &Record<'p>, event: &Event) {
        self.text(record, "title", &event.title);
        self.text(record, "description", &event.description);
        self.optional_text(record, "place", event.place());
        self.optional_text(record, "resolution", event.resolution());
        self.optional_text(record, "derived", event.derived());
        self.unstated(record, "event", event.unstated());
        self.optional_text(record, "note", event.note());
        self.when(record, "date", &event.date);
        self.references(record, "organization", event.organizations(), |c, id| {
            c.organizations.contains(id)
        });
        self.references(record, "person", event.people(), |c, id| {
            c.people.contains(id)
        });
        self.sources(record, &event.sources);
    }

    fn organization(&mut self, record: &Record<'p>, organization: &Organization) {
        self.text(record, "name", &organization.name);
        self.text(record, "summary", &organization.summary);
        self.optional_text(record, "acronym", organization.acronym.as_deref());
        self.optional_text(record, "note", organization.note.as_deref());
        self.unstated(record, "organization", &organization.unstated);
        if organization.acronym.is_none()
            && organization
                .unstated
                .iter()
                .any(|m| m.field == Field::Acronym)
        {
            self.problems.push(record.problem_at(
                None,
                "an unstated mark names the acronym, but the organization has none".to_owned(),
            ));
        }
        for alias in &organization.aliases {
            self.text(record, "alias", alias);
        }
        for relationship in &organization.relationships {
            self.optional_text(record, "detail", relationship.detail.as_deref());
            self.optional_text(record, "derived", relationship.derived.as_deref());
            self.unstated(record, "relationship", &relationship.unstated);
            self.date(record, "since-date", relationship.since);
            if self.source(record, &relationship.source).is_some() {
                self.quote(
                    record,
                    &relationship.quote,
                    std::slice::from_ref(&relationship.source),
                );
            }
        }
        self.sources(record, &organization.sources);
    }

    fn person(&mut self, record: &Record<'p>, person: &Person) {
        self.text(record, "name", &person.name);
        self.text(record, "role", &person.role);
        self.optional_text(record, "note", person.note.as_deref());
        self.date(record, "as_of date", Some(person.as_of));
        self.references(record, "organization", &person.organizations, |c, id| {
            c.organizations.contains(id)
        });
        self.sources(record, &person.sources);
    }

    fn fact(&mut self, record: &Record<'p>, fact: &Fact) {
        self.text(record, "measure", &fact.measure);
        self.text(record, "unit", &fact.unit);
        self.optional_text(record, "derived", fact.derived.as_deref());
        self.unstated(record, "fact", &fact.unstated);
        self.optional_text(record, "note", fact.note.as_deref());
        if !fact.value.is_finite() || fact.value < 0.0 {
            self.problems.push(record.problem_at(
                None,
                format!("the value {} is not a count or measure", fact.value),
            ));
        }
        self.date(record, "as_of date", Some(fact.as_of));
        self.references(record, "organization", &fact.organizations, |c, id| {
            c.organizations.contains(id)
        });
        self.sources(record, &fact.sources);
        self.quote(record, &fact.quote, &fact.sources);
    }

    fn term(&mut self, record: &Record<'p>, term: &GlossaryTerm) {
        self.text(record, "term", &term.term);
        self.text(record, "definition", &term.definition);
        self.optional_text(record, "note", term.note.as_deref());
        self.sources(record, &term.sources);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("un-res-50-80-a"));
        assert!(is_kebab_case("un"));
        for bad in ["", "UN", "un_res", "-un", "un-", "un--res", "un res"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }

    #[test]
    fn spaces_fold_for_quotes() {
        assert_eq!(normalize_space("  a\n b \t c "), "a b c");
    }
}
