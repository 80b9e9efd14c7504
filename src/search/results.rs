//! What a search returns: hits grouped by kind of record, best first.

use std::ops::Range;

/// The groups of results, in the order the search box shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// Organizations, by acronym, name, alias or summary.
    Organizations,
    /// People, by name or role.
    People,
    /// Events, by title, date, resolution, place or description.
    Events,
    /// Glossary terms, by term, alias or definition.
    Glossary,
    /// Paragraphs of articles, by their text or the article's title.
    Articles,
}

impl GroupKind {
    /// Every group, in display order.
    pub const ALL: [GroupKind; 5] = [
        GroupKind::Organizations,
        GroupKind::People,
        GroupKind::Events,
        GroupKind::Glossary,
        GroupKind::Articles,
    ];

    /// A heading for people.
    pub fn label(self) -> &'static str {
        match self {
            GroupKind::Organizations => "Organizations",
            GroupKind::People => "People",
            GroupKind::Events => "Events",
            GroupKind::Glossary => "Glossary",
            GroupKind::Articles => "Articles",
        }
    }
}

/// What a hit opens. Indices are into the [`crate::dataset::Dataset`]'s vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// An organization, by index into `organizations`.
    Organization(usize),
    /// A person, by index into `people`.
    Person(usize),
    /// An event, by index into `events`.
    Event(usize),
    /// A glossary term, by index into `glossary`.
    Glossary(usize),
    /// A paragraph of an article: `article` indexes `articles`, `paragraph`
    /// counts the body's blocks from 1, as citations do.
    Paragraph {
        /// Index into `articles`.
        article: usize,
        /// Block number, from 1.
        paragraph: u32,
    },
}

impl Target {
    /// The group this target is listed in.
    pub fn group(self) -> GroupKind {
        match self {
            Target::Organization(_) => GroupKind::Organizations,
            Target::Person(_) => GroupKind::People,
            Target::Event(_) => GroupKind::Events,
            Target::Glossary(_) => GroupKind::Glossary,
            Target::Paragraph { .. } => GroupKind::Articles,
        }
    }
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// What Enter opens.
    pub target: Target,
    /// What to show as the hit's title: "NAM — Non-Aligned Movement", a
    /// person's name, "12 December 1995 — title", a term, an article's title.
    pub title: String,
    /// Byte ranges of `title` to highlight, in order, not overlapping, on
    /// character boundaries.
    pub title_highlights: Vec<Range<usize>>,
    /// A line of context: for a paragraph, about 120 characters around its
    /// first match, with "…" where cut; for a record, the field that matched
    /// outside the title, or else the start of its summary, role, description
    /// or definition. Newlines are shown as spaces.
    pub snippet: String,
    /// Byte ranges of `snippet` to highlight, like `title_highlights`.
    pub highlights: Vec<Range<usize>>,
    /// The rank score: higher is better (see [`super::SearchIndex::search`]).
    pub score: u32,
}

/// The hits of one group.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Which group.
    pub kind: GroupKind,
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many records or paragraphs matched in all, shown or not.
    pub total: usize,
}

/// The result of a search: the groups that have matches, in [`GroupKind::ALL`] order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Groups with at least one match, in display order.
    pub groups: Vec<Group>,
}

impl SearchResults {
    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// How many matches there are in all, shown or not.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.total).sum()
    }

    /// The group of this kind, if it has matches.
    pub fn group(&self, kind: GroupKind) -> Option<&Group> {
        self.groups.iter().find(|g| g.kind == kind)
    }

    /// Every shown hit in display order, for stepping through with the arrow keys.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| &g.hits)
    }
}

/// One occurrence found inside an article (Ctrl+F).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The block it is in, counted from 1 as citations do.
    pub paragraph: u32,
    /// Byte range into that block's [`crate::model::Block::text`].
    pub range: Range<usize>,
}
