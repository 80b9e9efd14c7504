//! The text of a dataset's files: embedded in the binary, or read from a folder.

use std::path::Path;

use super::problem::{LoadError, Problem};

/// Files larger than this are refused: no real data file comes close, and a
/// hostile one must not exhaust memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The files other than articles, in the order they are checked.
pub const RECORD_FILES: [&str; 5] = [
    "events.ron",
    "organizations.ron",
    "people.ron",
    "facts.ron",
    "glossary.ron",
];

/// One data file: the name problems are reported under, and its text.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// Path as the author knows it, e.g. `data/events.ron`.
    pub name: String,
    /// The whole text.
    pub text: String,
}

/// All the text of one dataset.
#[derive(Clone, Debug)]
pub struct DataFiles {
    /// One file per article, sorted by name.
    pub articles: Vec<DataFile>,
    /// `events.ron`, `organizations.ron`, `people.ron`, `facts.ron`, `glossary.ron`.
    pub records: [DataFile; 5],
}

macro_rules! embedded {
    ($path:literal) => {
        DataFile {
            name: concat!("data/", $path).to_owned(),
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $path)).to_owned(),
        }
    };
}

/// Names of the bundled article files; a test checks this matches `data/articles/`.
pub const EMBEDDED_ARTICLES: [&str; 5] = [
    "articles/ashgabat-conference-2024.ron",
    "articles/cooperation-international-organizations.ron",
    "articles/mfa-foreign-policy.ron",
    "articles/nam-ambassadors-briefing-2020.ron",
    "articles/un-resolution-permanent-neutrality-2025.ron",
];

impl DataFiles {
    /// The dataset compiled into the binary.
    pub fn embedded() -> Self {
        Self {
            articles: vec![
                embedded!("articles/ashgabat-conference-2024.ron"),
                embedded!("articles/cooperation-international-organizations.ron"),
                embedded!("articles/mfa-foreign-policy.ron"),
                embedded!("articles/nam-ambassadors-briefing-2020.ron"),
                embedded!("articles/un-resolution-permanent-neutrality-2025.ron"),
            ],
            records: [
                embedded!("events.ron"),
                embedded!("organizations.ron"),
                embedded!("people.ron"),
                embedded!("facts.ron"),
                embedded!("glossary.ron"),
            ],
        }
    }

    /// Reads a dataset folder laid out like `data/`. Every missing, unreadable
    /// or oversized file is reported, not only the first.
    pub fn read_dir(dir: &Path) -> Result<Self, LoadError> {
        let shown = |p: &Path| p.display().to_string();
        if !dir.is_dir() {
            let message = if dir.exists() {
                "this is a file, not a dataset folder"
            } else {
                "there is no such folder"
            };
            return Err(LoadError {
                problems: vec![Problem::in_file(&shown(dir), message)],
            });
        }
        let mut problems = Vec::new();
        let articles_dir = dir.join("articles");
        let mut article_paths = Vec::new();
        match std::fs::read_dir(&articles_dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    let path = entry.path();
                    if path.extension().is_some_and(|e| e == "ron") {
                        article_paths.push(path);
                    }
                }
                if article_paths.is_empty() {
                    problems.push(Problem::in_file(
                        &shown(&articles_dir),
                        "the folder holds no article (no .ron file)",
                    ));
                }
            }
            Err(_) => problems.push(Problem::in_file(
                &shown(&articles_dir),
                "the dataset has no articles folder; articles go in articles/*.ron",
            )),
        }
        article_paths.sort();
        let articles: Vec<_> = article_paths
            .iter()
            .filter_map(|path| read_file(path, &mut problems))
            .collect();
        let records: Vec<_> = RECORD_FILES
            .iter()
            .filter_map(|name| read_file(&dir.join(name), &mut problems))
            .collect();
        if !problems.is_empty() {
            return Err(LoadError { problems });
        }
        let records = records.try_into().map_err(|_| LoadError {
            problems: vec![Problem::in_file(
                &shown(dir),
                "a data file could not be read",
            )],
        })?;
        Ok(Self { articles, records })
    }

    /// Every file, articles first.
    pub fn all(&self) -> impl Iterator<Item = &DataFile> {
        self.articles.iter().chain(self.records.iter())
    }
}

fn read_file(path: &Path, problems: &mut Vec<Problem>) -> Option<DataFile> {
    let name = path.display().to_string();
    let size = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(_) => {
            problems.push(Problem::in_file(&name, "the file is missing"));
            return None;
        }
    };
    if size > MAX_FILE_BYTES {
        problems.push(Problem::in_file(
            &name,
            format!(
                "the file is {} MiB; a data file may be at most {} MiB",
                size.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(DataFile { name, text }),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(err.as_bytes().get(..offset).unwrap_or(&[]))
                    .into_owned();
                let place = super::locate::Locator::new(&valid).line_column(offset);
                problems.push(Problem::at(
                    &name,
                    Some(place),
                    "the file is not valid UTF-8 text; save it as UTF-8",
                ));
                None
            }
        },
        Err(err) => {
            problems.push(Problem::in_file(
                &name,
                format!("the file cannot be read: {err}"),
            ));
            None
        }
    }
}
