//! One import from start to end, as the command line and the window both
//! run it: the source read by its kind, written where asked, and the report.

use std::path::{Path, PathBuf};

use super::article::{self, Kind};
use super::write::{add_article, ensure_empty, manifest_ron, report_lines, write_article_folder};
use super::{ImportError, convert, read_source, write_folder};

/// Where the import goes.
#[derive(Clone, Copy, Debug)]
pub enum Destination<'a> {
    /// A new (or empty) folder, made into a unit of its own.
    New(&'a Path),
    /// An existing unit, which an article is added to.
    Into(&'a Path),
}

/// A finished import.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The unit's folder, to open.
    pub folder: PathBuf,
    /// One sentence on what was imported.
    pub headline: String,
    /// What was not carried over, a line each: "SOURCE: line 9: an image …".
    pub notes: Vec<String>,
}

impl Outcome {
    /// The report as printed: the headline, then the notes (or that
    /// everything was carried over).
    pub fn report(&self) -> String {
        let mut text = format!("{}\n", self.headline);
        if self.notes.is_empty() {
            text.push_str("Everything was carried over.\n");
        } else {
            text.push_str(&format!(
                "Not carried over, or carried over otherwise ({}):\n",
                self.notes.len()
            ));
            for line in &self.notes {
                text.push_str(&format!("  {line}\n"));
            }
        }
        text
    }
}

/// An import that wrote nothing: why, and the notes that explain it.
#[derive(Debug)]
pub struct Failure {
    /// Why nothing was written.
    pub error: ImportError,
    /// The report's notes so far (for a timeline with nothing to carry over).
    pub notes: Vec<String>,
}

impl From<ImportError> for Failure {
    fn from(error: ImportError) -> Self {
        Self {
            error,
            notes: Vec::new(),
        }
    }
}

/// The file's name, for the report.
fn name_of(source: &Path) -> String {
    source.file_name().map_or_else(
        || source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Imports `source` (an article by its extension, else a timeline) to `to`.
pub fn import_file(source: &Path, to: Destination<'_>) -> Result<Outcome, Failure> {
    match Kind::of(source) {
        Some(kind) => import_article(source, kind, to),
        None => match to {
            Destination::New(dir) => import_timeline(source, dir),
            Destination::Into(_) => Err(ImportError::IntoNeedsArticle(name_of(source)).into()),
        },
    }
}

fn import_timeline(source: &Path, dir: &Path) -> Result<Outcome, Failure> {
    let name = name_of(source);
    // Before reading, so that a refusal is not lost under the report.
    ensure_empty(dir)?;
    let timeline = read_source(source)?;
    let imported = convert(timeline, &name);
    let notes = report_lines(&name, &imported.notes);
    let dataset = match write_folder(&imported, &name, dir) {
        Ok(dataset) => dataset,
        Err(error) => return Err(Failure { error, notes }),
    };
    let eras = imported.events.iter().filter(|e| e.era).count();
    let headline = format!(
        "Imported “{}” from {} into {}: {} events and {} eras, cited from the article “{}” ({} blocks).",
        imported.title,
        source.display(),
        dir.display(),
        dataset.events.len() - eras,
        eras,
        imported.article_id,
        imported.blocks.len(),
    );
    Ok(Outcome {
        folder: dir.to_path_buf(),
        headline,
        notes,
    })
}

fn import_article(source: &Path, kind: Kind, to: Destination<'_>) -> Result<Outcome, Failure> {
    let name = name_of(source);
    if let Destination::New(dir) = to {
        ensure_empty(dir)?;
    }
    let doc = article::read(source, kind)?;
    let (article, notes) = article::to_article(doc, source);
    let notes = report_lines(&name, &notes);
    let text = article::article_ron(&article, &name, kind);
    let (written, folder) = match to {
        Destination::New(dir) => {
            let manifest = manifest_ron(&article.title, &[], &name);
            (write_article_folder(&text, &article.id, manifest, dir), dir)
        }
        Destination::Into(unit) => (add_article(&text, &article.id, unit), unit),
    };
    if let Err(error) = written {
        return Err(Failure { error, notes });
    }
    let counts = count_blocks(&article.body);
    let date = article.published.as_ref().map_or_else(
        || "no date".to_owned(),
        |when| format!("dated {}", when.iso()),
    );
    let verb = match to {
        Destination::New(_) => "into the new unit",
        Destination::Into(_) => "added to the unit",
    };
    let headline = format!(
        "Imported the article “{}” (id {}, {date}) from {} {verb} {}: {} blocks ({counts}).",
        article.title,
        article.id,
        source.display(),
        folder.display(),
        article.body.len(),
    );
    Ok(Outcome {
        folder: folder.to_path_buf(),
        headline,
        notes,
    })
}

/// "7 paragraphs, 2 headings, 1 list": the kinds of blocks there are.
fn count_blocks(blocks: &[crate::model::Block]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for block in blocks {
        let kind = block.kind_name();
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}{}", if *n == 1 { "" } else { "s" }))
        .collect::<Vec<_>>()
        .join(", ")
}
