//! Finding text inside one article (Ctrl+F).

use crate::model::Article;

use super::fold::{Folded, fold_for_search};
use super::results::Match;

/// Every occurrence of `query` in `article`'s body, in reading order: block
/// by block, then by position; occurrences do not overlap.
///
/// The query is one phrase, folded like a search (case, Latin accents,
/// typographic apostrophes and quotes ignored) with its runs of spaces made
/// single; unlike the search box, a single character is found anywhere, as a
/// reader stepping through one article expects. Each range is a byte range
/// of that block's [`crate::model::Block::text`], on character boundaries.
/// An empty or blank query finds nothing.
pub fn find_in_article(article: &Article, query: &str) -> Vec<Match> {
    let needle = fold_for_search(query)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (number, block) in (1u32..).zip(&article.body) {
        let folded = Folded::new(&block.text());
        found.extend(
            folded
                .text
                .match_indices(needle.as_str())
                .map(|(at, text)| Match {
                    paragraph: number,
                    range: folded.original(at..at + text.len()),
                }),
        );
    }
    found
}
