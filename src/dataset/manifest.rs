//! Reading and checking `dataset.ron`, the unit's optional manifest, and
//! putting its per-article credits on the articles.

use std::collections::{HashMap, HashSet};

use super::files::DataFile;
use super::locate::Locator;
use super::parse::parse_file;
use super::problem::Problem;
use crate::model::{Article, ArticleCredit, Manifest};

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
