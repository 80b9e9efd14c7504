//! The reader's own notes and highlights on paragraphs, and their export as
//! Markdown with sources. Pure data; the app saves it with
//! [`crate::storage::save_json`].

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;

/// The version of the saved format (see [`crate::storage`] on versions).
///
/// - 1: every file saved before versions were checked. It said
///   `"version": 0` (the Study view started from [`Notes::default`], which
///   said 0) or `1`, or nothing if written by hand.
/// - 2: the same fields. What changes is that the number is now right and
///   checked: a file of a newer format is never read nor written over.
pub const NOTES_VERSION: u32 = 2;

/// The longest note the editor takes, in characters: pages of writing, not a
/// pasted book, whose layout would hold the window's memory.
pub const NOTE_MOST: usize = 20_000;

/// Every note and highlight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notes {
    /// The saved format's version: [`NOTES_VERSION`] once read or made;
    /// saving writes [`NOTES_VERSION`] whatever it says.
    #[serde(default)]
    pub version: u32,
    /// One entry per paragraph that has a note or a highlight.
    #[serde(default)]
    pub entries: Vec<Note>,
}

/// A note on, or a highlight of, one paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Article id.
    pub article: String,
    /// Paragraph, counted from 1 as citations are.
    pub paragraph: u32,
    /// What the reader wrote; may be empty for a bare highlight.
    #[serde(default)]
    pub text: String,
    /// Whether the paragraph is highlighted.
    #[serde(default)]
    pub highlighted: bool,
    /// When it last changed.
    pub updated: DateTime<Utc>,
}

impl Default for Notes {
    /// No notes, current version.
    fn default() -> Self {
        Self {
            version: NOTES_VERSION,
            entries: Vec::new(),
        }
    }
}

/// Saved with [`crate::storage::save_json`], read with
/// [`crate::storage::load_json`], which migrates a version-1 file.
impl crate::storage::Versioned for Notes {
    const VERSION: u32 = NOTES_VERSION;

    /// 1 to 2: the same fields; only the version number changes.
    fn migrate(
        _object: &mut serde_json::Map<String, serde_json::Value>,
        _from: u32,
    ) -> Result<(), String> {
        Ok(())
    }
}

/// Two windows' copies merged on save (see [`crate::shared_save`]), per
/// paragraph: what only one side changed since `base` (wrote, highlighted,
/// or removed) is taken from that side, so a note removed in one window
/// stays removed. Where both changed the same paragraph, the later change
/// wins, and a change wins over a removal made at the same time elsewhere,
/// so that nothing written is lost.
impl crate::shared_save::Merge for Notes {
    fn merge(base: &Self, disk: Self, mine: &Self) -> Self {
        use std::collections::BTreeMap;
        let by_place = |notes: &Notes| -> BTreeMap<(String, u32), Note> {
            notes
                .entries
                .iter()
                .map(|n| ((n.article.clone(), n.paragraph), n.clone()))
                .collect()
        };
        let (base, theirs, ours) = (by_place(base), by_place(&disk), by_place(mine));
        // The file's order first, then this window's new places.
        let mut places: Vec<&(String, u32)> = theirs.keys().collect();
        places.extend(ours.keys().filter(|k| !theirs.contains_key(*k)));
        let entries = places
            .into_iter()
            .filter_map(|key| {
                let (was, d, m) = (base.get(key), theirs.get(key), ours.get(key));
                let kept = if m == was {
                    d
                } else if d == was {
                    m
                } else {
                    match (d, m) {
                        (Some(d), Some(m)) if d.updated > m.updated => Some(d),
                        (_, Some(m)) => Some(m),
                        (d, None) => d,
                    }
                };
                kept.cloned()
            })
            .collect();
        Self {
            version: NOTES_VERSION,
            entries,
        }
    }
}

impl Notes {
    /// No notes, current version.
    pub fn new() -> Self {
        Self::default()
    }

    /// The entry for a paragraph, if any.
    pub fn get(&self, article: &str, paragraph: u32) -> Option<&Note> {
        self.entries
            .iter()
            .find(|n| n.article == article && n.paragraph == paragraph)
    }

    /// Whether the paragraph is highlighted.
    pub fn is_highlighted(&self, article: &str, paragraph: u32) -> bool {
        self.get(article, paragraph).is_some_and(|n| n.highlighted)
    }

    fn entry(&mut self, article: &str, paragraph: u32, now: DateTime<Utc>) -> &mut Note {
        let position = self
            .entries
            .iter()
            .position(|n| n.article == article && n.paragraph == paragraph);
        let index = match position {
            Some(index) => index,
            None => {
                self.entries.push(Note {
                    article: article.to_owned(),
                    paragraph,
                    text: String::new(),
                    highlighted: false,
                    updated: now,
                });
                self.entries.len() - 1
            }
        };
        let note = &mut self.entries[index];
        note.updated = now;
        note
    }

    /// Sets the note's text; an entry with no text and no highlight is removed.
    pub fn set_text(&mut self, article: &str, paragraph: u32, text: &str, now: DateTime<Utc>) {
        text.trim_end()
            .clone_into(&mut self.entry(article, paragraph, now).text);
        self.prune();
    }

    /// Highlights the paragraph, or takes the highlight off.
    pub fn toggle_highlight(&mut self, article: &str, paragraph: u32, now: DateTime<Utc>) {
        let note = self.entry(article, paragraph, now);
        note.highlighted = !note.highlighted;
        self.prune();
    }

    fn prune(&mut self) {
        self.entries
            .retain(|n| n.highlighted || !n.text.trim().is_empty());
    }

    /// The entries in reading order: articles as the dataset orders them
    /// (unknown ones last), then by paragraph.
    pub fn in_order(&self, dataset: &Dataset) -> Vec<&Note> {
        let rank = |id: &str| {
            dataset
                .articles
                .iter()
                .position(|a| a.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut notes: Vec<&Note> = self.entries.iter().collect();
        notes.sort_by_key(|n| (rank(&n.article), n.paragraph));
        notes
    }

    /// All notes and highlights as Markdown: per article its title and
    /// source line, then per paragraph the paragraph quoted, the note, and
    /// where it stands.
    pub fn to_markdown(&self, dataset: &Dataset) -> String {
        let mut out = String::from("# My notes — Neutrality Reader\n");
        let mut current: Option<&str> = None;
        for note in self.in_order(dataset) {
            let article = dataset.article(&note.article);
            if current != Some(note.article.as_str()) {
                current = Some(note.article.as_str());
                match article {
                    Some(article) => {
                        let _ =
                            write!(out, "\n## {}\n\n{}\n", article.title, article.source_line());
                        if let Some(licence) = &article.licence {
                            let _ = write!(out, "\n{licence}\n");
                        }
                    }
                    None => {
                        let _ = write!(out, "\n## {} (not in this dataset)\n", note.article);
                    }
                }
            }
            let _ = write!(out, "\n### Paragraph {}", note.paragraph);
            if note.highlighted {
                out.push_str(" (highlighted)");
            }
            out.push_str("\n\n");
            if let Some(block) = article.and_then(|a| a.paragraph(note.paragraph)) {
                for line in block.text().lines() {
                    let _ = writeln!(out, "> {line}");
                }
                out.push('\n');
            }
            if !note.text.trim().is_empty() {
                let _ = writeln!(out, "{}\n", note.text.trim());
            }
            let title = article.map_or(note.article.as_str(), |a| a.title.as_str());
            let _ = writeln!(out, "Source: *{title}*, paragraph {}.", note.paragraph);
        }
        if self.entries.is_empty() {
            out.push_str("\nNo notes yet.\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0)
            .single()
            .unwrap()
    }

    #[test]
    fn a_note_is_kept_until_emptied_and_a_highlight_until_taken_off() {
        let mut notes = Notes::new();
        notes.set_text("mfa-foreign-policy", 10, "155 countries in 2025  ", now());
        assert_eq!(
            notes.get("mfa-foreign-policy", 10).unwrap().text,
            "155 countries in 2025"
        );
        notes.toggle_highlight("mfa-foreign-policy", 10, now());
        assert!(notes.is_highlighted("mfa-foreign-policy", 10));
        notes.set_text("mfa-foreign-policy", 10, "", now());
        assert!(
            notes.get("mfa-foreign-policy", 10).is_some(),
            "still highlighted"
        );
        notes.toggle_highlight("mfa-foreign-policy", 10, now());
        assert!(notes.entries.is_empty());
    }

    #[test]
    fn two_windows_notes_merge_and_a_removal_stays_removed() {
        use crate::shared_save::Merge as _;
        let later = now() + chrono::Duration::minutes(5);
        let mut base = Notes::new();
        base.set_text("a", 1, "kept by both", now());
        base.set_text("a", 2, "removed in one", now());
        base.set_text("a", 3, "edited in both", now());
        let (mut one, mut two) = (base.clone(), base.clone());
        one.set_text("a", 2, "", later);
        one.set_text("a", 3, "one's edit", now());
        one.set_text("b", 1, "new in one", now());
        two.set_text("a", 3, "two's later edit", later);
        two.toggle_highlight("b", 2, now());
        // One saves first (the file was `base`), then two merges with it.
        let disk = Notes::merge(&base, base.clone(), &one);
        assert_eq!(disk, one);
        let merged = Notes::merge(&base, disk, &two);
        let text = |a: &str, p: u32| merged.get(a, p).map(|n| n.text.as_str());
        assert_eq!(text("a", 1), Some("kept by both"));
        assert_eq!(text("a", 2), None, "two's old copy does not bring it back");
        assert_eq!(text("a", 3), Some("two's later edit"));
        assert_eq!(text("b", 1), Some("new in one"));
        assert!(merged.is_highlighted("b", 2));
        // Removed in one while written in the other: what was written is kept.
        let mut removed = merged.clone();
        removed.set_text("b", 1, "", later);
        let mut written = merged.clone();
        written.set_text("b", 1, "new in one, and more", now());
        let both = Notes::merge(&merged, removed, &written);
        assert_eq!(
            both.get("b", 1).map(|n| n.text.as_str()),
            Some("new in one, and more")
        );
    }

    #[test]
    fn the_export_quotes_each_paragraph_with_its_note_and_source_in_reading_order() {
        let dataset = Dataset::embedded().unwrap();
        let mut notes = Notes::new();
        notes.set_text("mfa-foreign-policy", 10, "Compare with 149 in 2022.", now());
        notes.toggle_highlight("nam-ambassadors-briefing-2020", 3, now());
        let text = notes.to_markdown(&dataset);
        let nam = text.find("## Briefing of the Ambassadors").unwrap();
        let mfa = text.find("## Foreign Policy").unwrap();
        assert!(nam < mfa, "articles in the dataset's order:\n{text}");
        assert!(text.contains("### Paragraph 3 (highlighted)"));
        assert!(text.contains(
            "> The country successfully implements its foreign policy strategy based on equality, mutual respect, and mutual benefit. Currently, Turkmenistan has established diplomatic relations with 155 countries worldwide."
        ));
        assert!(text.contains("Compare with 149 in 2022."));
        assert!(text.contains("Source: *Foreign Policy*, paragraph 10."));
        let back: Notes = serde_json::from_str(&serde_json::to_string(&notes).unwrap()).unwrap();
        assert_eq!(back, notes);
    }
}
