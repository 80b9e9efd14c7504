//! Reading and checking `dataset.ron`, the unit's optional manifest, and
//! putting its per-article credits on the articles.

use std::collections::{HashMap, HashSet};

use super::files::DataFile;
use super::locate::Locator;
use super::parse::parse_file;
use super::problem::Problem;
use crate::model::{
    Article, ArticleCredit, Category, CustomKind, Event, Manifest, Organization, RelationshipKind,
    parse_colour,
};

/// The manifest in `file`, or the default one when there is no file;
/// `None` (with the problem recorded) when it does not parse.
pub fn read(file: Option<&DataFile>, problems: &mut Vec<Problem>) -> Option<Manifest> {
    match file {
        Some(file) => parse_file::<Manifest>(file, problems),
        None => Some(Manifest::default()),
    }
}

/// Every problem of the manifest that needs the articles to see: a credit
/// for an article that does not exist or is credited twice, an address that
/// says otherwise than the article's own, an empty text.
pub fn check(
    manifest: &Manifest,
    file: Option<&DataFile>,
    articles: &[(&DataFile, Article)],
) -> Vec<Problem> {
    let Some(file) = file else {
        return Vec::new();
    };
    let locator = Locator::new(&file.text);
    let mut problems = Vec::new();
    let mut at = |offset: Option<usize>, message: String| {
        problems.push(Problem::at(
            &file.name,
            locator.place(offset, Some(0)),
            message,
        ));
    };
    let texts = [
        ("title", manifest.title.as_deref()),
        ("subject", manifest.subject.as_deref()),
        ("language", manifest.language.as_deref()),
    ];
    for (field, value) in texts {
        if value.is_some_and(|v| v.trim().is_empty()) {
            at(
                locator.find_after(0, &format!("{field}:")),
                format!("the {field} is empty; write it, or leave the field out"),
            );
        }
    }
    let by_id: HashMap<&str, &Article> = articles.iter().map(|(_, a)| (a.id.as_str(), a)).collect();
    let mut seen = HashSet::new();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for credit in &manifest.articles {
        let nth = *times
            .entry(credit.id.as_str())
            .and_modify(|t| *t += 1)
            .or_insert(0);
        let place = locator.record(&credit.id, nth);
        let Some(article) = by_id.get(credit.id.as_str()) else {
            at(
                place,
                format!(
                    "the credit names the article “{}”, which does not exist{}",
                    credit.id,
                    nearest(&credit.id, articles)
                ),
            );
            continue;
        };
        if !seen.insert(credit.id.as_str()) {
            at(
                place,
                format!("the article “{}” is credited twice; keep one", credit.id),
            );
        }
        if let (Some(own), Some(given)) = (&article.url, &credit.url)
            && own.trim() != given.trim()
        {
            at(
                place.and_then(|p| locator.find_after(p, "url:")).or(place),
                format!(
                    "the article “{}” gives its address as {own}; the manifest gives {given}: keep one",
                    credit.id
                ),
            );
        }
        for (field, value) in [("url", &credit.url), ("licence", &credit.licence)] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                at(
                    place
                        .and_then(|p| locator.find_after(p, &format!("{field}:")))
                        .or(place),
                    format!(
                        "the {field} of “{}” is empty; write it, or leave the field out",
                        credit.id
                    ),
                );
            }
        }
    }
    problems
}

/// " (did you mean “x”?)" for the article id nearest `id`, when one is near.
fn nearest(id: &str, articles: &[(&DataFile, Article)]) -> String {
    let close = articles
        .iter()
        .map(|(_, a)| (strsim::levenshtein(id, &a.id), a.id.as_str()))
        .filter(|&(distance, _)| distance <= 2.max(id.chars().count() / 5))
        .min();
    match close {
        Some((_, name)) => format!("; did you mean “{name}”?"),
        None => String::new(),
    }
}

/// Puts each credit's address (when the article has none) and licence on
/// its article.
pub fn credit(manifest: &Manifest, articles: &mut [Article]) {
    let credits: HashMap<&str, &ArticleCredit> = manifest
        .articles
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    for article in articles {
        if let Some(credit) = credits.get(article.id.as_str()) {
            if article.url.is_none() {
                article.url.clone_from(&credit.url);
            }
            article.licence.clone_from(&credit.licence);
        }
    }
}

/// Most categories a unit may define: more would not fit a legend, and the
/// timeline gives each a lane.
pub const MAX_CATEGORIES: usize = 40;

/// Every problem of the unit's categories: in the manifest, a name given
/// twice, an empty label, a colour that is not "#rrggbb", too many; in
/// `events.ron`, an event whose category is not one of them.
pub fn check_categories(
    manifest: &Manifest,
    file: Option<&DataFile>,
    categories: &[Category],
    events_file: &DataFile,
    events: &[Event],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(file) = file {
        let locator = Locator::new(&file.text);
        let mut at = |offset: Option<usize>, message: String| {
            problems.push(Problem::at(
                &file.name,
                locator.place(offset, Some(0)),
                message,
            ));
        };
        if manifest.categories.len() > MAX_CATEGORIES {
            at(
                locator.find_after(0, "categories:"),
                format!(
                    "the unit defines {} categories; it may define at most {MAX_CATEGORIES}",
                    manifest.categories.len()
                ),
            );
        }
        let mut seen = HashSet::new();
        let mut from = locator.find_after(0, "categories:").unwrap_or(0);
        for def in &manifest.categories {
            let name = def.key.as_str();
            // Each definition's place: its `key:` after the one before.
            let place = find_key(&file.text, from, name);
            if let Some(place) = place {
                from = place + 1;
            }
            if !seen.insert(name) {
                at(
                    place,
                    format!("the category `{name}` is defined twice; keep one"),
                );
            }
            if def.label.trim().is_empty() {
                at(
                    place,
                    format!("the category `{name}` has an empty label; write the name people read"),
                );
            }
            if let Some(colour) = &def.colour
                && parse_colour(colour).is_none()
            {
                let place = place.and_then(|p| file.text.get(p..)?.find("colour:").map(|c| p + c));
                at(
                    place,
                    format!(
                        "the colour “{colour}” of `{name}` is not a colour; write it as \"#rrggbb\", such as \"#1f77b4\""
                    ),
                );
            }
        }
    }
    let known: HashSet<&str> = categories.iter().map(|c| c.key.as_str()).collect();
    // Most units have no event in an unknown category: then neither the
    // file's places nor the ids' counts are needed.
    if events.iter().all(|e| known.contains(e.category.as_str())) {
        return problems;
    }
    let locator = Locator::new(&events_file.text);
    let mut times: HashMap<&str, usize> = HashMap::new();
    for event in events {
        let nth = *times.entry(&*event.id).and_modify(|t| *t += 1).or_insert(0);
        let name = event.category.as_str();
        if known.contains(name) {
            continue;
        }
        let record = locator.record(&event.id, nth);
        let place = record
            .and_then(|r| locator.find_after(r, "category:"))
            .or(record);
        let close = categories
            .iter()
            .map(|c| (strsim::levenshtein(name, c.key.as_str()), c.key.as_str()))
            .filter(|&(distance, _)| distance <= 2.max(name.chars().count() / 4))
            .min();
        let hint = match close {
            Some((_, near)) => format!("did you mean `{near}`? "),
            None => String::new(),
        };
        let names: Vec<String> = categories
            .iter()
            .map(|c| format!("`{}`", c.key.as_str()))
            .collect();
        let whence = if manifest.categories.is_empty() {
            "the built-in categories"
        } else {
            "the categories of dataset.ron"
        };
        problems.push(Problem::at(
            &events_file.name,
            locator.place(place, Some(0)),
            format!(
                "event “{}”: `{name}` is not one of {whence}; {hint}the categories are {}",
                event.id,
                names.join(", ")
            ),
        ));
    }
    problems
}

/// Where `key: name` is written at or after `from`.
fn find_key(text: &str, from: usize, name: &str) -> Option<usize> {
    let rest = text.get(from..)?;
    rest.match_indices("key:")
        .find(|(at, found)| {
            rest.get(at + found.len()..)
                .map(str::trim_start)
                .is_some_and(|after| {
                    after.starts_with(name)
                        && !after[name.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
        })
        .map(|(at, _)| from + at)
}

/// Puts the manifest's relationship kinds on the relationships that name
/// them, and returns every problem: in the manifest, a kind defined twice,
/// with an empty label, or too many; in `organizations.ron`, a relationship
/// whose kind is not one of the unit's.
pub fn resolve_relationship_kinds(
    manifest: &Manifest,
    file: Option<&DataFile>,
    organizations_file: &DataFile,
    organizations: &mut [Organization],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let defs = &manifest.relationship_kinds;
    let mut by_name: HashMap<&str, RelationshipKind> = HashMap::new();
    if let Some(file) = file {
        let locator = Locator::new(&file.text);
        let list = locator.find_after(0, "relationship_kinds:").unwrap_or(0);
        if defs.len() > MAX_CATEGORIES {
            problems.push(Problem::at(
                &file.name,
                locator.place(Some(list), None),
                format!(
                    "the unit defines {} relationship kinds; it may define at most {MAX_CATEGORIES}",
                    defs.len()
                ),
            ));
        }
        let mut from = list;
        for (order, def) in defs.iter().enumerate() {
            let name = def.key.as_str();
            let place = find_key(&file.text, from, name);
            if let Some(place) = place {
                from = place + 1;
            }
            let mut at = |message: String| {
                problems.push(Problem::at(
                    &file.name,
                    locator.place(place, Some(list)),
                    message,
                ));
            };
            if def.label.trim().is_empty() {
                at(format!(
                    "the relationship kind `{name}` has an empty label; write the name people read"
                ));
            }
            let order = u16::try_from(order).unwrap_or(u16::MAX);
            let kind = CustomKind::intern(name, def.label.trim(), def.membership, order);
            if by_name
                .insert(name, RelationshipKind::Custom(kind))
                .is_some()
            {
                at(format!(
                    "the relationship kind `{name}` is defined twice; keep one"
                ));
            }
        }
    }
    let custom = !defs.is_empty();
    let names: Vec<&str> = if custom {
        defs.iter().map(|d| d.key.as_str()).collect()
    } else {
        RelationshipKind::ALL.iter().map(|k| k.name()).collect()
    };
    let locator = Locator::new(&organizations_file.text);
    let mut times: HashMap<String, usize> = HashMap::new();
    for organization in organizations.iter_mut() {
        let nth = *times
            .entry(organization.id.clone())
            .and_modify(|t| *t += 1)
            .or_insert(0);
        for (r, relationship) in organization.relationships.iter_mut().enumerate() {
            let name = relationship.kind.name();
            let resolved = if custom {
                by_name.get(name).copied()
            } else {
                RelationshipKind::builtin(name)
            };
            if let Some(kind) = resolved {
                relationship.kind = kind;
                continue;
            }
            let place = relationship_kind_place(&locator, &organization.id, nth, r);
            let hint = names
                .iter()
                .map(|n| (strsim::levenshtein(name, n), *n))
                .filter(|&(distance, _)| distance <= 2.max(name.chars().count() / 4))
                .min()
                .map(|(_, near)| format!("did you mean `{near}`? "))
                .unwrap_or_default();
            let whence = if custom {
                "the relationship kinds of dataset.ron"
            } else {
                "the built-in relationship kinds"
            };
            let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            problems.push(Problem::at(
                &organizations_file.name,
                locator.place(place, Some(0)),
                format!(
                    "organization “{}”: `{name}` is not one of {whence}; {hint}the kinds are {}",
                    organization.id,
                    listed.join(", ")
                ),
            ));
        }
    }
    problems
}

/// Where the `kind:` of relationship `r` (from 0) of the `nth` record with
/// id `id` is written.
fn relationship_kind_place(locator: &Locator<'_>, id: &str, nth: usize, r: usize) -> Option<usize> {
    let record = locator.record(id, nth)?;
    let mut at = locator.find_after(record, "relationships:")?;
    for _ in 0..=r {
        at = locator.find_after(at + 1, "Relationship(")?;
    }
    locator.find_after(at, "kind:").or(Some(at))
}
