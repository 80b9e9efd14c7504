//! The text of a dataset's files: embedded in the binary, read from a folder,
//! or given as bytes.
//!
//! A dataset may come from anywhere, so what is read is bounded before it is
//! read: a file's size, the number of articles and the bytes of all files
//! together each have a limit, and every refusal is a [`Problem`] with a plain
//! sentence, never a panic and never an allocation the size of a hostile file.

use std::io::Read;
use std::path::Path;

use super::open_file::{Refused, io_reason, open_confined};
use super::problem::{LoadError, Problem};
use super::saved_text;

const MIB: u64 = 1024 * 1024;

/// Files larger than this are refused. The largest bundled file (`events.ron`)
/// is about 23 KB, so 8 MiB leaves room for a dataset some three hundred times
/// richer, while a mistaken or hostile file (a log, a disk image renamed
/// `.ron`, a link to `/dev/zero`) cannot make the reader allocate gigabytes:
/// parsing holds the text and the records made from it, a few times its size.
pub const MAX_FILE_BYTES: u64 = 8 * MIB;

/// Record files (`events.ron` and the four others of [`RECORD_FILES`])
/// larger than this are refused. A unit of 100,000 events has an
/// `events.ron` of 19 MiB (the side-by-side benchmark's) to 40 MiB (the
/// synthetic generator's, which quotes a sentence for each): 64 MiB holds
/// either. Parsing holds the text and the records made from it, a few times
/// its size, which a school laptop has; and the whole unit stays within
/// [`MAX_TOTAL_BYTES`].
pub const MAX_RECORD_FILE_BYTES: u64 = 64 * MIB;

/// Most article files a dataset may have. The bundled one has five; the
/// search is benchmarked on ten thousand (BENCHMARKS.md), a library far beyond
/// any course. The limit bounds the folder listing, which stops at the first
/// file past it, and the names and texts held in memory.
pub const MAX_ARTICLES: usize = 10_000;

/// Most bytes all of a dataset's files may come to together. Without it,
/// [`MAX_ARTICLES`] files of [`MAX_FILE_BYTES`] each would be 80 GiB. Ten
/// thousand articles of 8 KB (the benchmark's) come to 80 MB, which fits;
/// 128 MiB of text parses into a few hundred MB at most, which a desktop
/// has, and is some fourteen hundred times the bundled dataset (93 KB).
pub const MAX_TOTAL_BYTES: u64 = 128 * MIB;

/// The files other than articles, in the order they are checked.
pub const RECORD_FILES: [&str; 5] = [
    "events.ron",
    "organizations.ron",
    "people.ron",
    "facts.ron",
    "glossary.ron",
];

/// The optional manifest of a unit: its title, subject and licences.
pub const MANIFEST_FILE: &str = "dataset.ron";

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
    /// `dataset.ron`, when the unit has one ([`MANIFEST_FILE`]).
    pub manifest: Option<DataFile>,
}

macro_rules! embedded {
    ($path:literal) => {
        DataFile {
            name: concat!("data/", $path).to_owned(),
            // As a folder's files are read: a checkout on Windows may have
            // made the line ends CR LF.
            text: saved_text::as_editor_shows(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/",
                $path
            ))),
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
            manifest: Some(embedded!("dataset.ron")),
        }
    }

    /// A dataset's files from their names and raw contents, for datasets that
    /// do not come from a folder (tests, fuzzing, an archive). The same limits
    /// and the same UTF-8 check apply as in [`Self::read_dir`], and every
    /// problem is reported under the name given with its file. `records` are
    /// `events.ron`, `organizations.ron`, `people.ron`, `facts.ron` and
    /// `glossary.ron`, in that order ([`RECORD_FILES`]).
    pub fn from_bytes(
        articles: Vec<(String, Vec<u8>)>,
        records: [(String, Vec<u8>); 5],
    ) -> Result<Self, LoadError> {
        let mut reader = Reader::default();
        let mut kept = Vec::new();
        for (n, (name, bytes)) in articles.into_iter().enumerate() {
            if n == MAX_ARTICLES {
                reader
                    .problems
                    .push(Problem::in_file(&name, too_many_articles()));
                break;
            }
            kept.extend(reader.accept(name, bytes, MAX_FILE_BYTES));
        }
        let records: Vec<_> = records
            .into_iter()
            .filter_map(|(name, bytes)| reader.accept(name, bytes, MAX_RECORD_FILE_BYTES))
            .collect();
        reader.finish(kept, records, None)
    }

    /// These files with the manifest `bytes` (named `name`), read under the
    /// same limits and UTF-8 check as the other files.
    pub fn with_manifest(mut self, name: String, bytes: Vec<u8>) -> Result<Self, LoadError> {
        let total = self.all().map(|f| f.text.len() as u64).sum();
        let mut reader = Reader {
            total,
            ..Reader::default()
        };
        let manifest = reader.accept(name, bytes, MAX_FILE_BYTES);
        if !reader.problems.is_empty() {
            return Err(LoadError {
                problems: reader.problems,
            });
        }
        self.manifest = manifest;
        Ok(self)
    }

    /// Reads a dataset folder laid out like `data/`, or a unit file (a
    /// `.zip` of one, [`super::archive`]): wherever a folder opens, a unit
    /// file does. Every missing, unreadable or oversized file is reported,
    /// not only the first; no file is read beyond its limit ([`MAX_FILE_BYTES`],
    /// [`MAX_RECORD_FILE_BYTES`] for the records), nor all
    /// of them beyond [`MAX_TOTAL_BYTES`].
    pub fn read_dir(dir: &Path) -> Result<Self, LoadError> {
        let shown = |p: &Path| p.display().to_string();
        if super::archive::is_zip_path(dir) && !dir.is_dir() {
            return super::archive::read_unit(dir);
        }
        if !dir.is_dir() {
            let message = if dir.exists() {
                "this is a file, not a dataset folder or a unit file (.zip)"
            } else {
                "there is no such folder"
            };
            return Err(LoadError {
                problems: vec![Problem::in_file(&shown(dir), message)],
            });
        }
        let mut reader = Reader::default();
        let articles_dir = dir.join("articles");
        let mut article_paths = Vec::new();
        match std::fs::read_dir(&articles_dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    let path = entry.path();
                    if is_hidden_or_editor_file(&entry.file_name().to_string_lossy()) {
                        continue;
                    }
                    if path.extension().is_some_and(|e| e == "ron") {
                        if article_paths.len() == MAX_ARTICLES {
                            // Stop listing: a folder of millions of files is
                            // not worth holding their names in memory.
                            let folder = shown(&articles_dir);
                            let problem = Problem::in_file(&folder, too_many_articles());
                            reader.problems.push(problem);
                            article_paths.clear();
                            break;
                        }
                        article_paths.push(path);
                    }
                }
                if article_paths.is_empty() && reader.problems.is_empty() {
                    reader.problems.push(Problem::in_file(
                        &shown(&articles_dir),
                        "the folder holds no article (no .ron file)",
                    ));
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                reader.problems.push(Problem::in_file(
                    &shown(&articles_dir),
                    "the dataset has no articles folder; articles go in articles/*.ron",
                ));
            }
            Err(error) => reader.problems.push(Problem::in_file(
                &shown(&articles_dir),
                format!("the articles folder cannot be read: {}", io_reason(&error)),
            )),
        }
        article_paths.sort();
        let articles: Vec<_> = article_paths
            .iter()
            .filter_map(|path| reader.read(dir, path, MAX_FILE_BYTES))
            .collect();
        let records: Vec<_> = RECORD_FILES
            .iter()
            .filter_map(|name| reader.read(dir, &dir.join(name), MAX_RECORD_FILE_BYTES))
            .collect();
        // The manifest is optional: only one that is there is read.
        let manifest_path = dir.join(MANIFEST_FILE);
        let manifest = match std::fs::symlink_metadata(&manifest_path) {
            Ok(_) => reader.read(dir, &manifest_path, MAX_FILE_BYTES),
            Err(_) => None,
        };
        reader.finish(articles, records, manifest)
    }

    /// The hidden and editor files in the `articles/` folder of `dir`
    /// ([`is_hidden_or_editor_file`]), sorted: [`Self::read_dir`] skips them,
    /// and `check` names them in a note. No more than [`MAX_ARTICLES`] are
    /// listed.
    pub fn skipped_articles(dir: &Path) -> Vec<std::path::PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir.join("articles")) else {
            return Vec::new();
        };
        let mut skipped: Vec<_> = entries
            .flatten()
            .filter(|entry| is_hidden_or_editor_file(&entry.file_name().to_string_lossy()))
            .take(MAX_ARTICLES)
            .map(|entry| entry.path())
            .collect();
        skipped.sort();
        skipped
    }

    /// Every file, articles first, the manifest last.
    pub fn all(&self) -> impl Iterator<Item = &DataFile> {
        self.articles
            .iter()
            .chain(self.records.iter())
            .chain(self.manifest.iter())
    }
}

/// What an author is told about a data file that was not opened: the load
/// says it, and the code view when the problem is opened there.
pub fn refusal(refused: Refused) -> String {
    match refused {
        Refused::Missing { link: false } => "the file is missing".to_owned(),
        Refused::Missing { link: true } => "the file is a link to a file that does not exist".to_owned(),
        Refused::LinksOut => "the file leads out of the dataset folder through a link; copy the file into the folder instead of linking to it".to_owned(),
        Refused::Folder => "this is a folder, not a data file".to_owned(),
        Refused::Pipe => "this is a pipe, not a data file".to_owned(),
        Refused::Special => "this is a device or a socket, not a data file; a data file is plain text".to_owned(),
        Refused::TooLarge(size) => too_large(size, MAX_FILE_BYTES),
        Refused::Io(error) => format!("the file cannot be read: {}", io_reason(&error)),
    }
}

/// Whether a file in `articles/` is one that an editor or the system leaves
/// beside the articles rather than an article: hidden (`.#x.ron`, an Emacs
/// lock; `._x.ron`, macOS's AppleDouble; `.x.ron.swp`, Vim's swap), a
/// backup (`x.ron~`) or an Emacs autosave (`#x.ron#`). Loaded, the lock (a
/// link to nothing) and the AppleDouble file (binary) would break the unit.
pub fn is_hidden_or_editor_file(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
}

fn too_many_articles() -> String {
    format!("the dataset has more than {MAX_ARTICLES} articles; it may have at most {MAX_ARTICLES}")
}

/// The limit of the file `inner` of a unit (its path in the unit: `events.ron`,
/// `articles/a.ron`): the records' for the five record files, else a data file's.
pub fn limit_of(inner: &str) -> u64 {
    if RECORD_FILES.contains(&inner) {
        MAX_RECORD_FILE_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// Why a file of `size` bytes over `limit` is refused.
pub fn too_large(size: u64, limit: u64) -> String {
    let what = if limit == MAX_RECORD_FILE_BYTES {
        "a file of records"
    } else {
        "a data file"
    };
    format!(
        "the file is {} MiB; {what} may be at most {} MiB",
        size.div_ceil(MIB),
        limit / MIB
    )
}

/// Files accepted so far, the bytes they came to and the problems found.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    total: u64,
    over_total: bool,
}

impl Reader {
    /// Reads one file of the dataset folder `root` from disk, never more
    /// than `limit` bytes of it, and only if it is a regular file inside the
    /// folder, every link followed (as images are confined).
    fn read(&mut self, root: &Path, path: &Path, limit: u64) -> Option<DataFile> {
        let name = path.display().to_string();
        let (file, size) = match open_confined(root, path, limit) {
            Ok(opened) => opened,
            Err(Refused::TooLarge(size)) => {
                self.problems
                    .push(Problem::in_file(&name, too_large(size, limit)));
                return None;
            }
            Err(refused) => {
                self.problems
                    .push(Problem::in_file(&name, refusal(refused)));
                return None;
            }
        };
        if self.over_total {
            return None;
        }
        // The size is only a hint: a file may grow while it is read, and a
        // device or a pipe has none. One byte past the limit tells which.
        let capacity = usize::try_from(size).unwrap_or(0);
        let mut bytes = Vec::with_capacity(capacity);
        if let Err(err) = file.take(limit + 1).read_to_end(&mut bytes) {
            self.problems.push(Problem::in_file(
                &name,
                format!("the file cannot be read: {}", io_reason(&err)),
            ));
            return None;
        }
        if bytes.len() as u64 > limit {
            self.problems.push(Problem::in_file(
                &name,
                format!(
                    "the file runs past {0} MiB as it is read (it is growing, or it never ends); it may be at most {0} MiB",
                    limit / MIB
                ),
            ));
            return None;
        }
        self.accept(name, bytes, limit)
    }

    /// Checks one file's bytes against its `limit`, the total and as text.
    fn accept(&mut self, name: String, bytes: Vec<u8>, limit: u64) -> Option<DataFile> {
        let size = bytes.len() as u64;
        if size > limit {
            self.problems
                .push(Problem::in_file(&name, too_large(size, limit)));
            return None;
        }
        if self.over_total {
            return None;
        }
        self.total += size;
        if self.total > MAX_TOTAL_BYTES {
            self.over_total = true;
            self.problems.push(Problem::in_file(
                &name,
                format!(
                    "with this file the data files come to more than {0} MiB; a dataset may be at most {0} MiB in all",
                    MAX_TOTAL_BYTES / MIB
                ),
            ));
            return None;
        }
        // As the author's editor shows it: Notepad's byte order mark and
        // CR LF line ends, or its UTF-16, read as any other editor's text.
        match saved_text::decode(bytes) {
            Ok(text) => Some(DataFile { name, text }),
            Err(not_text) => {
                self.problems
                    .push(Problem::at(&name, not_text.place, not_text.message));
                None
            }
        }
    }

    /// The files, or every problem found.
    fn finish(
        self,
        articles: Vec<DataFile>,
        records: Vec<DataFile>,
        manifest: Option<DataFile>,
    ) -> Result<DataFiles, LoadError> {
        if !self.problems.is_empty() {
            return Err(LoadError {
                problems: self.problems,
            });
        }
        let records = records.try_into().map_err(|_| LoadError {
            problems: vec![Problem::in_file(
                "the dataset",
                "a data file could not be read",
            )],
        })?;
        Ok(DataFiles {
            articles,
            records,
            manifest,
        })
    }
}

/// The bundled dataset's images, under the paths the articles give them
/// (`assets/…`), compiled in like its text; a test in `images.rs` checks this
/// list matches `data/assets/`.
pub static EMBEDDED_ASSETS: &[(&str, &[u8])] = &[(
    "assets/un-neutrality-resolutions.png",
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/assets/un-neutrality-resolutions.png"
    )),
)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_and_editor_files_are_told_from_articles() {
        for name in [
            ".#x.ron",
            "._x.ron",
            ".x.ron",
            ".x.ron.swp",
            "x.ron~",
            "#x.ron#",
        ] {
            assert!(is_hidden_or_editor_file(name), "{name}");
        }
        for name in ["x.ron", "first-article.ron", "#", "x#.ron"] {
            assert!(!is_hidden_or_editor_file(name), "{name}");
        }
    }
}

#[cfg(test)]
mod large_unit_tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::dataset::synthetic::{self, Sizes};

    /// Issue 20's wall: the benchmark's unit of 100,000 events has an
    /// `events.ron` past a data file's limit, and opens from its folder and
    /// as a unit file.
    #[test]
    fn a_unit_of_a_hundred_thousand_events_opens_from_its_folder_and_its_zip() {
        let sizes = Sizes {
            events: 100_000,
            ..Sizes::small()
        };
        let files = synthetic::files(sizes, 7);
        let dir = tempfile::tempdir().unwrap();
        let unit = dir.path().join("large");
        std::fs::create_dir_all(unit.join("articles")).unwrap();
        for file in files.all() {
            let inner = file.name.strip_prefix("data/").unwrap();
            std::fs::write(unit.join(inner), &file.text).unwrap();
        }
        let events = std::fs::metadata(unit.join("events.ron")).unwrap().len();
        assert!(events > MAX_FILE_BYTES, "{events} bytes");
        assert!(events < MAX_RECORD_FILE_BYTES, "{events} bytes");
        let from_folder = Dataset::load_dir(&unit).unwrap();
        assert_eq!(from_folder.events.len(), 100_000);
        let zip = dir.path().join("large.zip");
        crate::dataset::archive::pack(&unit, &zip, false).unwrap();
        let from_zip = Dataset::load_dir(&zip).unwrap();
        assert_eq!(from_zip.events.len(), 100_000);
    }
}
