//! The imported timeline or article as a dataset folder: `articles/<id>.ron`,
//! `events.ron` and the four other files empty; or an article added to a unit. The folder is made whole
//! beside its place, loaded as `check` loads it, and only then renamed into
//! place, so a failure leaves nothing half written.

use std::fs;
use std::path::{Path, PathBuf};

use super::convert::Imported;
use super::{ImportError, Note};
use crate::dataset::Dataset;

/// The four files an imported timeline leaves empty.
const EMPTY_FILES: [&str; 4] = [
    "organizations.ron",
    "people.ron",
    "facts.ron",
    "glossary.ron",
];

/// A string as RON reads it, in double quotes. Only `"`, `\\` and control
/// characters are escaped, so that an author's file reads `she's`, not
/// `she\'s` as RON's own serializer writes it; a control character takes
/// that serializer's escape.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let escaped = ron::to_string(&c.to_string()).unwrap_or_default();
                out.push_str(escaped.trim_matches('"'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The article file's text.
pub fn article_ron(imported: &Imported, source_name: &str) -> String {
    let mut text = format!(
        "// Imported from the TimelineJS file {source_name} by `neutrality-reader import`.\n\
         // Each event in events.ron cites its heading and paragraphs here by number:\n\
         // keep the order of the blocks, or change the citations with it.\n\
         Article(\n    id: {},\n    title: {},\n    publisher: None,\n    published: None,\n    summary: {},\n    body: [\n",
        quoted(&imported.article_id),
        quoted(&imported.title),
        quoted(&imported.summary),
    );
    for (index, block) in imported.blocks.iter().enumerate() {
        let kind = if block.heading {
            "Heading"
        } else {
            "Paragraph"
        };
        text.push_str(&format!(
            "        // {}\n        {kind}(text: {}),\n",
            index + 1,
            quoted(&block.text)
        ));
    }
    text.push_str("    ],\n)\n");
    text
}

/// `dataset.ron`'s text: the unit's title, and its categories when the
/// import made some (`(name, label)`), for the author to add the subject
/// and licences to.
pub fn manifest_ron(title: &str, categories: &[(String, String)], source_name: &str) -> String {
    let mut text = format!(
        "// The unit's manifest, made by `neutrality-reader import` from {source_name}.\n\
         // Add `subject: \"…\"` (whose relationships the quiz asks of), `language`,\n\
         // `authors`, and each article's licence: see README, \"The unit's manifest\".\n\
         Dataset(\n    title: {},\n",
        quoted(title)
    );
    if !categories.is_empty() {
        text.push_str("    // One category per TimelineJS group, in the order they first appear.\n    categories: [\n");
        for (key, label) in categories {
            text.push_str(&format!(
                "        (key: {key}, label: {}),\n",
                quoted(label)
            ));
        }
        text.push_str("    ],\n");
    }
    text.push_str(")\n");
    text
}

/// `events.ron`'s text.
pub fn events_ron(imported: &Imported, source_name: &str) -> String {
    let mut text = format!(
        "// The events and eras of the TimelineJS file {source_name}; each cites the\n\
         // blocks of the article “{}” that carry its headline and text.\n[\n",
        imported.article_id
    );
    for event in &imported.events {
        let sources: Vec<String> = event
            .sources
            .iter()
            .map(|n| format!("({}, {n})", quoted(&imported.article_id)))
            .collect();
        text.push_str(&format!(
            "    Event(\n        id: {},\n        date: {},\n        title: {},\n        description: {},\n        category: {},\n        sources: [{}],\n    ),\n",
            quoted(&event.id),
            quoted(&event.date.iso()),
            quoted(&event.title),
            quoted(&event.description),
            event.category,
            sources.join(", "),
        ));
    }
    text.push_str("]\n");
    text
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
    move |error| ImportError::Write {
        path: path.display().to_string(),
        reason: crate::dataset::open_file::io_reason(&error),
    }
}

/// Refuses a `folder` that is there with something in it (or is a file), so
/// that nothing of the user's is written over.
pub fn ensure_empty(folder: &Path) -> Result<(), ImportError> {
    let has_files = fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_some());
    if has_files || folder.is_file() {
        return Err(ImportError::NotEmpty(folder.display().to_string()));
    }
    Ok(())
}

/// Writes `imported` as a dataset in `folder`, which must be new or empty;
/// returns the dataset as it loads from there.
pub fn write_folder(
    imported: &Imported,
    source_name: &str,
    folder: &Path,
) -> Result<Dataset, ImportError> {
    ensure_empty(folder)?;
    if imported.events.is_empty() {
        return Err(ImportError::Empty(source_name.to_owned()));
    }
    let files = vec![
        (
            format!("articles/{}.ron", imported.article_id),
            article_ron(imported, source_name),
        ),
        ("events.ron".to_owned(), events_ron(imported, source_name)),
        (
            "dataset.ron".to_owned(),
            manifest_ron(&imported.title, &imported.categories, source_name),
        ),
    ];
    write_new_folder(files, folder)
}

/// Writes a unit of one article (its file's text `article`, id `id`) in
/// `folder`, which must be new or empty, with no events and the other
/// record files empty; returns the dataset as it loads from there.
pub fn write_article_folder(
    article: &str,
    id: &str,
    manifest: String,
    folder: &Path,
) -> Result<Dataset, ImportError> {
    ensure_empty(folder)?;
    let files = vec![
        (format!("articles/{id}.ron"), article.to_owned()),
        ("events.ron".to_owned(), "[\n]\n".to_owned()),
        ("dataset.ron".to_owned(), manifest),
    ];
    write_new_folder(files, folder)
}

/// Writes `files` (name, text) and the empty record files into `folder`:
/// made whole beside it, loaded as `check` loads it, then renamed into place.
fn write_new_folder(
    mut files: Vec<(String, String)>,
    folder: &Path,
) -> Result<Dataset, ImportError> {
    let parent = match folder.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(write_error(&parent))?;
    // Beside the folder, so that the rename stays on one file system.
    let staging = tempfile::Builder::new()
        .prefix(".import-")
        .tempdir_in(&parent)
        .map_err(write_error(&parent))?;
    files.extend(EMPTY_FILES.map(|name| (name.to_owned(), "[\n]\n".to_owned())));
    for (name, text) in &files {
        let path = staging.path().join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(write_error(dir))?;
        }
        fs::write(&path, text).map_err(write_error(&path))?;
    }
    let dataset = Dataset::load_dir(staging.path())
        .map_err(|error| ImportError::Invalid(error.to_string()))?;
    // An empty folder gives way; one that got files meanwhile is kept.
    if folder.is_dir() {
        fs::remove_dir(folder).map_err(|_| ImportError::NotEmpty(folder.display().to_string()))?;
    }
    fs::rename(staging.path(), folder).map_err(write_error(folder))?;
    // Renamed away: nothing is left for the guard to remove.
    let _ = staging.keep();
    Ok(dataset)
}

/// Adds the article (its file's text `article`, id `id`) to the unit in
/// `unit`: only `articles/<id>.ron` is written, never over a file, and only
/// into a unit that loads, so that it still loads after; if it does not,
/// the new file is taken away again.
pub fn add_article(article: &str, id: &str, unit: &Path) -> Result<Dataset, ImportError> {
    let before = Dataset::load_dir(unit).map_err(|error| ImportError::UnitInvalid {
        unit: unit.display().to_string(),
        reason: error.to_string(),
    })?;
    let path = unit.join("articles").join(format!("{id}.ron"));
    if before.articles.iter().any(|a| a.id == id) || path.exists() {
        return Err(ImportError::IdTaken {
            unit: unit.display().to_string(),
            id: id.to_owned(),
        });
    }
    let dir = unit.join("articles");
    fs::create_dir_all(&dir).map_err(write_error(&dir))?;
    let mut file = tempfile::Builder::new()
        .prefix(".import-")
        .tempfile_in(&dir)
        .map_err(write_error(&dir))?;
    std::io::Write::write_all(&mut file, article.as_bytes()).map_err(write_error(&path))?;
    // Not over a file that appeared meanwhile.
    file.persist_noclobber(&path)
        .map_err(|error| match error.error.kind() {
            std::io::ErrorKind::AlreadyExists => ImportError::IdTaken {
                unit: unit.display().to_string(),
                id: id.to_owned(),
            },
            _ => write_error(&path)(error.error),
        })?;
    Dataset::load_dir(unit).map_err(|error| {
        let _ = fs::remove_file(&path);
        ImportError::Invalid(error.to_string())
    })
}

/// The report as lines: "SOURCE: row 5: no year; the row is left out".
pub fn report_lines(source_name: &str, notes: &[Note]) -> Vec<String> {
    notes
        .iter()
        .map(|note| format!("{source_name}: {}: {}", note.place, note.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_read_back_as_they_were() {
        for text in [
            "plain",
            "she's \"quoted\" and back\\slash",
            "Rózsa Péter — “typographic” 日本",
            "line\nbreak, tab\t, bell\u{7}, nul\u{0}",
            "\\\"",
        ] {
            let written = quoted(text);
            assert_eq!(
                ron::from_str::<String>(&written).ok().as_deref(),
                Some(text),
                "{written}"
            );
        }
        assert_eq!(quoted("she's"), "\"she's\"");
    }
}
