//! The searchable fields of the dataset and where each one's text lives.
//!
//! The index keeps only a [`Source`] per field, not the text: the text is read
//! back from the dataset for the few hits shown, which keeps the index small.

use std::borrow::Cow;

use crate::dataset::Dataset;

use super::results::Target;

/// Where a field's text is: the kind of field and the record's index (and the
/// alias's or block's index within it). `u32` keeps the index's fields small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Acronym(u32),
    OrganizationName(u32),
    OrganizationAlias(u32, u32),
    OrganizationSummary(u32),
    PersonName(u32),
    Role(u32),
    EventTitle(u32),
    EventDate(u32),
    EventDescription(u32),
    Place(u32),
    Resolution(u32),
    Term(u32),
    TermAlias(u32, u32),
    Definition(u32),
    /// An article's title, searched as part of its first paragraph's hit.
    ArticleTitle(u32),
    /// Block `.1` (from 0) of article `.0`.
    Block(u32, u32),
}

fn at(i: u32) -> usize {
    i as usize
}

impl Source {
    /// The field's text in `dataset`; `None` if the dataset has no such
    /// record or the record no such field.
    pub(crate) fn text(self, dataset: &Dataset) -> Option<Cow<'_, str>> {
        fn borrowed(text: &str) -> Cow<'_, str> {
            Cow::Borrowed(text)
        }
        let organization = |i: u32| dataset.organizations.get(at(i));
        let event = |i: u32| dataset.events.get(at(i));
        let term = |i: u32| dataset.glossary.get(at(i));
        match self {
            Source::Acronym(i) => organization(i)?.acronym.as_deref().map(borrowed),
            Source::OrganizationName(i) => organization(i).map(|o| borrowed(&o.name)),
            Source::OrganizationAlias(i, j) => {
                organization(i)?.aliases.get(at(j)).map(|a| borrowed(a))
            }
            Source::OrganizationSummary(i) => organization(i).map(|o| borrowed(&o.summary)),
            Source::PersonName(i) => dataset.people.get(at(i)).map(|p| borrowed(&p.name)),
            Source::Role(i) => dataset.people.get(at(i)).map(|p| borrowed(&p.role)),
            Source::EventTitle(i) => event(i).map(|e| borrowed(&e.title)),
            Source::EventDate(i) => event(i).map(|e| Cow::Owned(e.date.human())),
            Source::EventDescription(i) => event(i).map(|e| borrowed(&e.description)),
            Source::Place(i) => event(i)?.place().map(borrowed),
            Source::Resolution(i) => event(i)?.resolution().map(borrowed),
            Source::Term(i) => term(i).map(|t| borrowed(&t.term)),
            Source::TermAlias(i, j) => term(i)?.aliases.get(at(j)).map(|a| borrowed(a)),
            Source::Definition(i) => term(i).map(|t| borrowed(&t.definition)),
            Source::ArticleTitle(i) => dataset.articles.get(at(i)).map(|a| borrowed(&a.title)),
            Source::Block(i, j) => dataset
                .articles
                .get(at(i))?
                .body
                .get(at(j))
                .map(|b| Cow::Owned(b.text())),
        }
    }

    /// Whether this is a title or name field, which ranks above body text.
    pub(crate) fn is_name(self) -> bool {
        matches!(
            self,
            Source::Acronym(_)
                | Source::OrganizationName(_)
                | Source::OrganizationAlias(..)
                | Source::PersonName(_)
                | Source::EventTitle(_)
                | Source::Resolution(_)
                | Source::Term(_)
                | Source::TermAlias(..)
                | Source::ArticleTitle(_)
        )
    }

    /// Whether a hit's title shows this field, so that a snippet need not repeat it.
    pub(crate) fn in_title(self) -> bool {
        matches!(
            self,
            Source::Acronym(_)
                | Source::OrganizationName(_)
                | Source::PersonName(_)
                | Source::EventTitle(_)
                | Source::EventDate(_)
                | Source::Term(_)
                | Source::ArticleTitle(_)
        )
    }

    /// What a hit on this field opens.
    pub(crate) fn target(self) -> Target {
        match self {
            Source::Acronym(i)
            | Source::OrganizationName(i)
            | Source::OrganizationAlias(i, _)
            | Source::OrganizationSummary(i) => Target::Organization(at(i)),
            Source::PersonName(i) | Source::Role(i) => Target::Person(at(i)),
            Source::EventTitle(i)
            | Source::EventDate(i)
            | Source::EventDescription(i)
            | Source::Place(i)
            | Source::Resolution(i) => Target::Event(at(i)),
            Source::Term(i) | Source::TermAlias(i, _) | Source::Definition(i) => {
                Target::Glossary(at(i))
            }
            Source::ArticleTitle(i) => Target::Paragraph {
                article: at(i),
                paragraph: 1,
            },
            Source::Block(i, j) => Target::Paragraph {
                article: at(i),
                paragraph: j.saturating_add(1),
            },
        }
    }
}

/// What [`for_each_field`] visits.
pub(crate) enum Visit<'a> {
    /// A new record (or paragraph) starts; its fields follow.
    Record,
    /// A field of the current record and its text.
    Field(Source, &'a str),
}

/// Visits every record and its fields in the order the index takes them (and
/// a snippet looks for a match). Records come group by group, in
/// [`super::GroupKind::ALL`] order, so that each group's documents are
/// contiguous; an article's title comes with its first paragraph.
pub(crate) fn for_each_field(dataset: &Dataset, mut visit: impl FnMut(Visit<'_>)) {
    for i in 0..dataset.organizations.len() {
        visit(Visit::Record);
        organization_fields(dataset, i, &mut visit);
    }
    for i in 0..dataset.people.len() {
        visit(Visit::Record);
        person_fields(dataset, i, &mut visit);
    }
    for i in 0..dataset.events.len() {
        visit(Visit::Record);
        event_fields(dataset, i, &mut visit);
    }
    for i in 0..dataset.glossary.len() {
        visit(Visit::Record);
        term_fields(dataset, i, &mut visit);
    }
    for (i, a) in dataset.articles.iter().enumerate() {
        for j in 0..a.body.len() {
            visit(Visit::Record);
            paragraph_fields(dataset, i, j, &mut visit);
        }
    }
}

/// Where the fields of record `record` of `group` are: what
/// [`for_each_field`] visits of it, in the same order; a paragraph is
/// `(article, block)`. Nothing for a record the dataset does not have.
pub(crate) fn record_sources(dataset: &Dataset, record: Record) -> Vec<Source> {
    let mut sources = Vec::new();
    let mut note = |visit: Visit<'_>| {
        if let Visit::Field(source, _) = visit {
            sources.push(source);
        }
    };
    match record {
        Record::Organization(i) => organization_fields(dataset, i, &mut note),
        Record::Person(i) => person_fields(dataset, i, &mut note),
        Record::Event(i) => event_fields(dataset, i, &mut note),
        Record::Term(i) => term_fields(dataset, i, &mut note),
        Record::Paragraph(i, j) => paragraph_fields(dataset, i, j, &mut note),
    }
    sources
}

/// A document of the index, by its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Record {
    Organization(usize),
    Person(usize),
    Event(usize),
    Term(usize),
    /// Block `.1` (from 0) of article `.0`.
    Paragraph(usize, usize),
}

fn id(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn organization_fields(dataset: &Dataset, index: usize, visit: &mut impl FnMut(Visit<'_>)) {
    let Some(o) = dataset.organizations.get(index) else {
        return;
    };
    let i = id(index);
    if let Some(acronym) = &o.acronym {
        visit(Visit::Field(Source::Acronym(i), acronym));
    }
    visit(Visit::Field(Source::OrganizationName(i), &o.name));
    for (j, alias) in o.aliases.iter().enumerate() {
        visit(Visit::Field(Source::OrganizationAlias(i, id(j)), alias));
    }
    visit(Visit::Field(Source::OrganizationSummary(i), &o.summary));
}

fn person_fields(dataset: &Dataset, index: usize, visit: &mut impl FnMut(Visit<'_>)) {
    let Some(p) = dataset.people.get(index) else {
        return;
    };
    let i = id(index);
    visit(Visit::Field(Source::PersonName(i), &p.name));
    visit(Visit::Field(Source::Role(i), &p.role));
}

fn event_fields(dataset: &Dataset, index: usize, visit: &mut impl FnMut(Visit<'_>)) {
    let Some(e) = dataset.events.get(index) else {
        return;
    };
    let i = id(index);
    visit(Visit::Field(Source::EventTitle(i), &e.title));
    visit(Visit::Field(Source::EventDate(i), &e.date.human()));
    visit(Visit::Field(Source::EventDescription(i), &e.description));
    if let Some(place) = &e.place() {
        visit(Visit::Field(Source::Place(i), place));
    }
    if let Some(resolution) = &e.resolution() {
        visit(Visit::Field(Source::Resolution(i), resolution));
    }
}

fn term_fields(dataset: &Dataset, index: usize, visit: &mut impl FnMut(Visit<'_>)) {
    let Some(t) = dataset.glossary.get(index) else {
        return;
    };
    let i = id(index);
    visit(Visit::Field(Source::Term(i), &t.term));
    for (j, alias) in t.aliases.iter().enumerate() {
        visit(Visit::Field(Source::TermAlias(i, id(j)), alias));
    }
    visit(Visit::Field(Source::Definition(i), &t.definition));
}

fn paragraph_fields(
    dataset: &Dataset,
    article: usize,
    block: usize,
    visit: &mut impl FnMut(Visit<'_>),
) {
    let Some(a) = dataset.articles.get(article) else {
        return;
    };
    let Some(text) = a.body.get(block) else {
        return;
    };
    let i = id(article);
    if block == 0 {
        visit(Visit::Field(Source::ArticleTitle(i), &a.title));
    }
    visit(Visit::Field(Source::Block(i, id(block)), &text.text()));
}
