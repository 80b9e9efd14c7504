//! Search over the whole dataset (Ctrl+K) and inside one article (Ctrl+F).
//!
//! [`SearchIndex::new`] indexes organizations, people, events, glossary terms
//! and every article paragraph once per dataset; [`SearchIndex::search`] then
//! answers each keystroke with [`SearchResults`]: hits grouped by
//! [`GroupKind`] in a fixed order, ranked, with byte ranges to highlight.
//! [`find_in_article`] lists every occurrence of a phrase in one article so
//! that the reader can step through them.
//!
//! Nothing here knows of egui. Text is compared folded (lowercase, Latin
//! accents dropped, typographic apostrophes, quotes and dashes made plain), and
//! every range handed out points into the original text.

mod fields;
mod find;
mod fold;
mod hits;
mod index;
mod lexicon;
mod query;
mod rank;
mod results;
mod vocabulary;

#[cfg(test)]
mod tests;

pub use find::find_in_article;
pub use hits::SNIPPET_CHARS;
pub use index::SearchIndex;
pub use results::{Group, GroupKind, Hit, Match, SearchResults, Target};
