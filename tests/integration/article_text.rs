//! The bundled articles say what the web pages say, word for word: every block
//! of an article's body stands in the page captured from the web (in
//! `tests/fixtures/seeds/`), in the same order, and where the editor changed a
//! word (a wrong acronym, a misspelling, a footnote marker glued to a word) the
//! block's note or the article's note quotes the web text that was changed.
//! Spacing is not compared: line breaks and double spaces of the web text are
//! layout, not words. An undisclosed change, even of a comma, fails.

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::{Article, Block};

/// The captured page of `article`.
fn seed(article: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/seeds/{article}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// The texts of a block that come from the page: a list's items one by one;
/// nothing for an image, whose description is the editor's.
fn texts(block: &Block) -> Vec<String> {
    match block {
        Block::List { items, .. } => items.clone(),
        Block::Image { .. } => Vec::new(),
        other => vec![other.text()],
    }
}

/// Where `want` starts in `page`, at or after `from`: the first place after
/// `from` where a run of three of its tokens (fewer for a shorter block)
/// stands, less the tokens before that run.
fn start_of(page: &[&str], want: &[&str], from: usize) -> Option<usize> {
    let n = want.len().min(3);
    (0..=want.len() - n).find_map(|k| {
        let run = &want[k..k + n];
        (from..page.len().saturating_sub(n - 1))
            .find(|&q| &page[q..q + n] == run)
            .map(|q| q.saturating_sub(k).max(from))
    })
}

/// The smallest step (i, j) after which `a[i..]` and `b[j..]` agree for three
/// tokens (or both end), to resume a walk after a difference; at the end of
/// `a` (the block), its last tokens stand for as many of the page's.
fn resync(a: &[&str], b: &[&str]) -> (usize, usize) {
    for total in 1..(a.len() + b.len() + 1) {
        for i in 0..=total.min(a.len()) {
            let j = total - i;
            if j > b.len() {
                continue;
            }
            let (ra, rb) = (&a[i..], &b[j..]);
            let n = 3.min(ra.len()).min(rb.len());
            let tail = ra.is_empty() && j == i.min(b.len());
            if tail || (n > 0 && ra[..n] == rb[..n]) {
                return (i, j);
            }
        }
    }
    (a.len(), b.len())
}

/// The differences between the block's tokens and the page's, as (web text,
/// bundled text) pairs, and where the block ends in the page.
fn differences(page: &[&str], at: usize, want: &[&str]) -> (Vec<(String, String)>, usize) {
    let (mut i, mut j, mut found) = (0, at, Vec::new());
    while i < want.len() {
        if j < page.len() && want[i] == page[j] {
            i += 1;
            j += 1;
            continue;
        }
        let (di, dj) = resync(&want[i..], &page[j.min(page.len())..]);
        found.push((page[j..j + dj].join(" "), want[i..i + di].join(" ")));
        i += di;
        j += dj;
    }
    (found, j)
}

/// Whether the notes quote the change both ways: every token the web text has
/// there, and every token the bundled text has instead, unless that token
/// carries the editor's brackets (the convention for a corrected or added
/// word: “[ECO]”). A note that quotes a garbled web passage but not what the
/// editor made of it does not disclose a comma changed inside it.
fn disclosed(notes: &[&str], web: &str, bundled: &str) -> bool {
    let quoted = |token: &str| notes.iter().any(|n| n.contains(token));
    let bracketed = |token: &str| token.contains('[') && token.contains(']');
    if web.is_empty() {
        return bundled.split_whitespace().all(bracketed);
    }
    web.split_whitespace().all(quoted)
        && bundled
            .split_whitespace()
            .all(|token| bracketed(token) || quoted(token))
}

fn check(article: &Article) -> Vec<String> {
    let text = seed(&article.id);
    let page = tokens(&text);
    let mut problems = Vec::new();
    let mut from = 0;
    for (index, block) in article.body.iter().enumerate() {
        let number = index + 1;
        // A heading's note speaks for the blocks under it (the resolution's
        // text), the article's note for the whole article.
        let section = article.body[..index]
            .iter()
            .rev()
            .find(|b| matches!(b, Block::Heading { .. }))
            .and_then(Block::note);
        let notes: Vec<&str> = block
            .note()
            .into_iter()
            .chain(section)
            .chain(article.note.as_deref())
            .collect();
        for part in texts(block) {
            let want = tokens(&part);
            let Some(at) = start_of(&page, &want, from) else {
                problems.push(format!(
                    "{} paragraph {number}: not found in the page after the paragraph before: “{part}”",
                    article.id
                ));
                continue;
            };
            let (found, end) = differences(&page, at, &want);
            for (web, bundled) in found {
                if !disclosed(&notes, &web, &bundled) {
                    problems.push(format!(
                        "{} paragraph {number}: the web text has “{web}” where the bundled text has “{bundled}”, and no note quotes it",
                        article.id
                    ));
                }
            }
            from = end;
        }
    }
    problems
}

#[test]
fn every_article_is_the_web_text_with_its_changes_disclosed() {
    let data = Dataset::embedded().unwrap();
    assert_eq!(data.articles.len(), 5);
    let problems: Vec<String> = data.articles.iter().flat_map(check).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_undisclosed_comma_or_space_fails() {
    let data = Dataset::embedded().unwrap();
    let original = data
        .article("cooperation-international-organizations")
        .unwrap();
    assert!(check(original).is_empty());
    // A period made a comma, in a paragraph whose note quotes other changes.
    let mut changed = original.clone();
    if let Some(Block::Paragraph { text, .. }) = changed.body.get_mut(1) {
        *text = text.replacen("world.", "world,", 1);
    }
    assert_eq!(check(&changed).len(), 1, "{:?}", check(&changed));
    // A space put into a name.
    let mut spaced = data
        .article("un-resolution-permanent-neutrality-2025")
        .unwrap()
        .clone();
    if let Some(Block::Paragraph { text, .. }) = spaced.body.get_mut(1) {
        *text = text.replacen("Aksoltan Atayeva", "Aksoltan Ata yeva", 1);
    }
    assert_eq!(check(&spaced).len(), 1, "{:?}", check(&spaced));
}
