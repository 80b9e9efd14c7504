//! The table's rows, where each organization is mentioned, and the chart's tally.

use std::collections::{BTreeMap, HashMap};

use crate::dataset::Dataset;
use crate::model::{Date, Organization, OrganizationKind, RelationshipKind, Source};

/// One row of the organizations table, derived once from the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgRow {
    /// Index into `dataset.organizations`.
    pub index: usize,
    /// The usual acronym, if it has one.
    pub acronym: Option<String>,
    /// The full name.
    pub name: String,
    /// What kind of body it is.
    pub kind: OrganizationKind,
    /// The first relationship's kind; `None` when the articles state none.
    pub relationship: Option<RelationshipKind>,
    /// Since when the first relationship holds; `None` when not stated or unknown.
    pub since: Option<Date>,
    /// Distinct (article, paragraph) citations of the organization: its own
    /// sources, its relationships' sources, and the sources of the facts that
    /// list it. Counts the same places as [`mentions`].
    pub mentions: usize,
}

impl OrgRow {
    /// The acronym if there is one, otherwise the full name, as in
    /// [`Organization::short_name`].
    pub fn short_name(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

/// One row per organization, in file order; `rows(d)[i].index == i`.
pub fn rows(dataset: &Dataset) -> Vec<OrgRow> {
    let citations = all_citations(dataset);
    dataset
        .organizations
        .iter()
        .enumerate()
        .map(|(index, organization)| {
            let first = organization.relationships.first();
            OrgRow {
                index,
                acronym: organization.acronym.clone(),
                name: organization.name.clone(),
                kind: organization.kind,
                relationship: first.map(|r| r.kind),
                since: first.and_then(|r| r.since),
                mentions: citations.get(index).map_or(0, Vec::len),
            }
        })
        .collect()
}

/// Where the organization at `org_index` is mentioned: (index into
/// `dataset.articles`, paragraph) pairs, without duplicates, in article order
/// then paragraph order. Empty for an index out of range.
///
/// The places are those [`OrgRow::mentions`] counts. Events are left out: an
/// event's paragraph need not name every organization the event involves (the
/// Ashgabat conference's sessions do not name the UN), and the panel lists
/// events apart. A citation of an article the dataset does not hold is left
/// out, since the panel could not open it.
pub fn mentions(dataset: &Dataset, org_index: usize) -> Vec<(usize, u32)> {
    let Some(organization) = dataset.organizations.get(org_index) else {
        return Vec::new();
    };
    let articles = article_positions(dataset);
    let mut places = Vec::new();
    push_own(&mut places, &articles, organization);
    for fact in dataset
        .facts
        .iter()
        .filter(|f| f.organizations.contains(&organization.id))
    {
        push_sources(&mut places, &articles, &fact.sources);
    }
    places.sort_unstable();
    places.dedup();
    places
}

/// Indices into `dataset.events` of the events that list the organization at
/// `org_index`, in chronological order (the dataset keeps events so).
pub fn events_of(dataset: &Dataset, org_index: usize) -> Vec<usize> {
    let Some(organization) = dataset.organizations.get(org_index) else {
        return Vec::new();
    };
    dataset
        .events
        .iter()
        .enumerate()
        .filter(|(_, event)| {
            event
                .organizations()
                .iter()
                .any(|o| **o == *organization.id)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Organizations per relationship, `None` ("not stated") last; see [`tally`].
pub type RelationshipTally = Vec<(Option<RelationshipKind>, usize)>;

/// Organizations per kind; see [`tally`].
pub type KindTally = Vec<(OrganizationKind, usize)>;

/// For the chart and the chips: organizations counted by relationship (`None`
/// for "not stated", last) and by kind, each in enum order, leaving out zero
/// counts.
///
/// An organization counts once under each kind of relationship it has, as
/// the relationship filter matches any of them: a bar or chip then shows as
/// many organizations as clicking it leaves in the table. The relationship
/// counts may therefore add up to more than the organizations.
pub fn tally(dataset: &Dataset) -> (RelationshipTally, KindTally) {
    // BTreeMaps give enum order, since both enums derive Ord in declaration order.
    let mut relationships: BTreeMap<RelationshipKind, usize> = BTreeMap::new();
    let mut not_stated = 0;
    let mut kinds: BTreeMap<OrganizationKind, usize> = BTreeMap::new();
    for organization in &dataset.organizations {
        let mut own: Vec<RelationshipKind> =
            organization.relationships.iter().map(|r| r.kind).collect();
        own.sort_unstable();
        own.dedup();
        for kind in own {
            *relationships.entry(kind).or_default() += 1;
        }
        if organization.relationships.is_empty() {
            not_stated += 1;
        }
        *kinds.entry(organization.kind).or_default() += 1;
    }
    // Option orders None first, but the chart wants "not stated" last.
    let mut by_relationship: Vec<_> = relationships
        .into_iter()
        .map(|(kind, count)| (Some(kind), count))
        .collect();
    if not_stated > 0 {
        by_relationship.push((None, not_stated));
    }
    (by_relationship, kinds.into_iter().collect())
}

/// Article id to index into `dataset.articles`.
fn article_positions(dataset: &Dataset) -> HashMap<&str, usize> {
    dataset
        .articles
        .iter()
        .enumerate()
        .map(|(i, article)| (article.id.as_str(), i))
        .collect()
}

fn push_sources(
    places: &mut Vec<(usize, u32)>,
    articles: &HashMap<&str, usize>,
    sources: &[Source],
) {
    places.extend(sources.iter().filter_map(|source| {
        let article = *articles.get(source.article.as_str())?;
        Some((article, source.paragraph))
    }));
}

/// The organization's own sources and those of its relationships.
fn push_own(
    places: &mut Vec<(usize, u32)>,
    articles: &HashMap<&str, usize>,
    organization: &Organization,
) {
    push_sources(places, articles, &organization.sources);
    for relationship in &organization.relationships {
        push_sources(places, articles, std::slice::from_ref(&relationship.source));
    }
}

/// Every organization's mention places, sorted and without duplicates, in one
/// pass over the facts (calling [`mentions`] per organization would scan them
/// once per organization).
fn all_citations(dataset: &Dataset) -> Vec<Vec<(usize, u32)>> {
    let articles = article_positions(dataset);
    let positions: HashMap<&str, usize> = dataset
        .organizations
        .iter()
        .enumerate()
        .map(|(i, organization)| (organization.id.as_str(), i))
        .collect();
    let mut places: Vec<Vec<(usize, u32)>> = dataset
        .organizations
        .iter()
        .map(|organization| {
            let mut own = Vec::new();
            push_own(&mut own, &articles, organization);
            own
        })
        .collect();
    for fact in &dataset.facts {
        let sources = &fact.sources;
        for id in &fact.organizations {
            if let Some(list) = positions.get(id.as_str()).and_then(|&i| places.get_mut(i)) {
                push_sources(list, &articles, sources);
            }
        }
    }
    for list in &mut places {
        list.sort_unstable();
        list.dedup();
    }
    places
}
