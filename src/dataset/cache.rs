//! The cache of validated units: a unit opened again is read back from a
//! compact binary copy of its records rather than parsed and checked again
//! (100,000 events: about a fifth of the time; BENCHMARKS.md, "Issue 20:
//! parsing").
//!
//! A copy is found by a hash of every data file's name and text and of the
//! program's version, so a changed file, an added or removed one, or
//! another version of the program never finds it. It is trusted only
//! whole: its header names the format and the version, and a hash of its
//! records closes it, so a file cut short, damaged or of another version is
//! passed over (and written anew), never read as a unit. Each copy is
//! written to a temporary file and renamed over, so a reader never sees one
//! half written; a power cut that tears one is caught by its hash. Only the
//! [`KEEP`] most recently opened units are kept. The browser has no cache.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{DataFiles, MAX_TOTAL_BYTES};
use super::images::{self, ImageSource};
use super::problem::LoadError;
use super::{Dataset, manifest};
use crate::model::{Article, Block, Event, Fact, GlossaryTerm, Manifest, Organization, Person};

/// How many units the cache keeps, the most recently opened.
pub const KEEP: usize = 4;

/// What every cache file starts with; the number changes with its layout.
const MAGIC: &[u8; 8] = b"NRUNIT01";

/// The program's version, part of every key and header: another version
/// may read its files otherwise.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A cache file larger than this is not read: a unit's copy is smaller
/// than its text, which is at most [`MAX_TOTAL_BYTES`].
const MAX_CACHE_BYTES: u64 = 2 * MAX_TOTAL_BYTES;

/// A validated unit's records, as they are after loading (sorted, credited),
/// read back from a cache file.
#[derive(Deserialize)]
struct Unit {
    articles: Vec<Article>,
    events: Vec<Event>,
    organizations: Vec<Organization>,
    people: Vec<Person>,
    facts: Vec<Fact>,
    glossary: Vec<GlossaryTerm>,
    manifest: Manifest,
}

/// The same records, borrowed from the dataset to be written.
#[derive(Serialize)]
struct UnitRef<'a> {
    articles: &'a [Article],
    events: &'a [Event],
    organizations: &'a [Organization],
    people: &'a [Person],
    facts: &'a [Fact],
    glossary: &'a [GlossaryTerm],
    manifest: &'a Manifest,
}

/// The key of a unit's files: a hash of the program's version and of
/// every file's name and text, each length-prefixed so that no two
/// different sets of files run together into the same bytes.
pub fn key(files: &DataFiles) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    part(MAGIC);
    part(VERSION.as_bytes());
    for file in files.all() {
        part(file.name.as_bytes());
        part(file.text.as_bytes());
    }
    // The manifest is optional: its absence is told apart from an empty one.
    part(&[u8::from(files.manifest.is_some())]);
    hasher.digest128()
}

/// Where the cache file of `key` is in `cache_dir`.
pub fn path_of(cache_dir: &Path, key: u128) -> PathBuf {
    cache_dir.join(format!("unit-{key:032x}.bin"))
}

/// Writes the cache file of `dataset`, whose files have `key`, into `file`
/// as it is encoded: the header, a hash of the records, the records. The
/// records go to the file as they are encoded, the hash written before
/// them once they are all written, rather than held whole in memory (9 MB
/// for 100,000 events, and three times that while the buffer grew).
fn encode_into(dataset: &Dataset, key: u128, file: &mut std::fs::File) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let unit = UnitRef {
        articles: &dataset.articles,
        events: &dataset.events,
        organizations: &dataset.organizations,
        people: &dataset.people,
        facts: &dataset.facts,
        glossary: &dataset.glossary,
        manifest: &dataset.manifest,
    };
    let header = header(key);
    file.write_all(&header)?;
    file.write_all(&[0; 16])?;
    let sum = encode_hashed(&unit, file)?;
    file.seek(SeekFrom::Start(header.len() as u64))?;
    file.write_all(&sum.to_le_bytes())
}

/// Encodes `unit` into `out`; returns the hash of what was written.
fn encode_hashed(unit: &UnitRef<'_>, out: &mut dyn std::io::Write) -> std::io::Result<u128> {
    postcard::to_io(unit, Hashed::new(out))
        .map_err(std::io::Error::other)?
        .finish()
}

/// A writer that hashes what goes through it, in pieces of [`Hashed::PIECE`]
/// bytes: postcard writes a few bytes at a time, too few to hash each.
struct Hashed<W: std::io::Write> {
    hasher: xxhash_rust::xxh3::Xxh3,
    piece: Vec<u8>,
    inner: W,
}

impl<W: std::io::Write> Hashed<W> {
    const PIECE: usize = 64 * 1024;

    fn new(inner: W) -> Self {
        Self {
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            piece: Vec::with_capacity(Self::PIECE),
            inner,
        }
    }

    /// Hashes and writes the piece held.
    fn pass_on(&mut self) -> std::io::Result<()> {
        self.hasher.update(&self.piece);
        self.inner.write_all(&self.piece)?;
        self.piece.clear();
        Ok(())
    }

    /// The hash of everything written, once it is all passed on.
    fn finish(mut self) -> std::io::Result<u128> {
        self.pass_on()?;
        self.inner.flush()?;
        Ok(self.hasher.digest128())
    }
}

impl<W: std::io::Write> std::io::Write for Hashed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.piece.len() + buf.len() > Self::PIECE {
            self.pass_on()?;
        }
        self.piece.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on()?;
        self.inner.flush()
    }
}

/// The header: the format, the version, the key.
fn header(key: u128) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.push(u8::try_from(VERSION.len()).unwrap_or(u8::MAX));
    bytes.extend_from_slice(VERSION.as_bytes());
    bytes.extend_from_slice(&key.to_le_bytes());
    bytes
}

/// The unit in `bytes` if they are a whole cache file of this format and
/// version for `key`; `None` for anything else.
fn decode(bytes: &[u8], key: u128) -> Option<Unit> {
    let rest = bytes.strip_prefix(header(key).as_slice())?;
    let (sum, body) = rest.split_at_checked(16)?;
    if sum != xxhash_rust::xxh3::xxh3_128(body).to_le_bytes() {
        return None;
    }
    postcard::from_bytes(body).ok()
}

/// The dataset of `files` from its cache file in `cache_dir`, when there
/// is a whole one for exactly these files and its images are still there;
/// `None` otherwise (the unit is then loaded from its files).
pub fn read(files: &DataFiles, images: &ImageSource, cache_dir: &Path) -> Option<Dataset> {
    read_keyed(files, key(files), images, cache_dir)
}

fn read_keyed(
    files: &DataFiles,
    key: u128,
    images: &ImageSource,
    cache_dir: &Path,
) -> Option<Dataset> {
    let path = path_of(cache_dir, key);
    let bytes = read_bounded(&path)?;
    let unit = decode(&bytes, key)?;
    drop(bytes);
    let dataset = rebuild(unit, files, images.clone())?;
    // Opened again: the most recent, kept the longest.
    if let Ok(file) = std::fs::File::options().append(true).open(&path) {
        let _ = file.set_modified(std::time::SystemTime::now());
    }
    Some(dataset)
}

/// The cache file at `path`, unless it is missing or too large to be one.
fn read_bounded(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_CACHE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_CACHE_BYTES).then_some(bytes)
}

/// The dataset from its cached records: what loading does after the
/// checks, done again (the relationship kinds the manifest defines, the
/// licences, the categories, the indexes). Its images are looked at again,
/// as they are not among the files hashed.
fn rebuild(unit: Unit, files: &DataFiles, images: ImageSource) -> Option<Dataset> {
    let [_, organizations_file, ..] = &files.records;
    let mut organizations = unit.organizations;
    let problems = manifest::resolve_relationship_kinds(
        &unit.manifest,
        files.manifest.as_ref(),
        organizations_file,
        &mut organizations,
    );
    if !problems.is_empty() {
        return None;
    }
    let mut articles = unit.articles;
    manifest::credit(&unit.manifest, &mut articles);
    let mut checked = std::collections::HashSet::new();
    for article in &articles {
        for block in &article.body {
            if let Block::Image { path, .. } = block
                && checked.insert(path.as_str())
                && images::check(&images, path).is_err()
            {
                return None;
            }
        }
    }
    Some(Dataset::assembled(super::Records {
        articles,
        events: unit.events,
        organizations,
        people: unit.people,
        facts: unit.facts,
        glossary: unit.glossary,
        images,
        manifest: unit.manifest,
    }))
}

/// Keeps `dataset`, loaded from `files`, in `cache_dir`, and lets go of
/// all but the [`KEEP`] most recently opened units. A cache that cannot be
/// written is no error: the unit is only parsed again next time.
pub fn write(dataset: &Dataset, files: &DataFiles, cache_dir: &Path) {
    write_keyed(dataset, key(files), cache_dir);
}

fn write_keyed(dataset: &Dataset, key: u128, cache_dir: &Path) {
    if let Some(copy) = CacheCopy::keyed(dataset, key, cache_dir) {
        copy.write();
    }
}

/// A unit's cache file, written but not yet in place: written while the
/// dataset is at hand (to a temporary file beside its place, streamed, not
/// held in memory), put in place after the unit has gone to the window,
/// so that the disk does not keep the window waiting.
pub struct CacheCopy {
    key: u128,
    dir: PathBuf,
    file: tempfile::NamedTempFile,
}

impl CacheCopy {
    /// The cache file of `dataset`, loaded from files of [`key`] `key`,
    /// written to a temporary file in `cache_dir` (removed if it is never
    /// put in place). `None` if it cannot be written.
    pub fn keyed(dataset: &Dataset, key: u128, cache_dir: &Path) -> Option<Self> {
        std::fs::create_dir_all(cache_dir).ok()?;
        let mut file = tempfile::Builder::new()
            .prefix(".unit-")
            .suffix(".tmp")
            .tempfile_in(cache_dir)
            .ok()?;
        encode_into(dataset, key, file.as_file_mut()).ok()?;
        Some(Self {
            key,
            dir: cache_dir.to_path_buf(),
            file,
        })
    }

    /// Puts it in place (atomically), and lets go of all but the [`KEEP`]
    /// most recently opened units. A cache that cannot be written is no
    /// error: the unit is only parsed again next time.
    pub fn write(self) {
        if self.file.persist(path_of(&self.dir, self.key)).is_ok() {
            prune(&self.dir, KEEP);
        }
    }
}

/// Where the window keeps validated units: the desktop's cache folder
/// (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on a Mac,
/// `%LOCALAPPDATA%` on Windows), in `neutrality-reader/units`. `None` when
/// there is no home to put it in: units are then parsed every time.
pub fn default_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base = if cfg!(windows) {
        var("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        std::env::home_dir().map(|home| home.join("Library").join("Caches"))
    } else {
        var("XDG_CACHE_HOME").or_else(|| std::env::home_dir().map(|home| home.join(".cache")))
    };
    base.map(|dir| dir.join("neutrality-reader").join("units"))
}

/// Removes all but the `keep` most recently opened cache files.
fn prune(cache_dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(cache_dir) else {
        return;
    };
    let mut units: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("unit-") && name.ends_with(".bin")
        })
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    units.sort_by_key(|unit| std::cmp::Reverse(unit.0));
    for (_, path) in units.into_iter().skip(keep) {
        let _ = std::fs::remove_file(path);
    }
}

/// Reads, parses and validates the unit in `dir`, or reads it back from
/// `cache_dir` when it was validated before with exactly these files; a
/// unit loaded afresh is kept there for next time. Without a cache folder
/// it is [`Dataset::load_dir`].
pub fn load_dir_cached(dir: &Path, cache_dir: Option<&Path>) -> Result<Dataset, LoadError> {
    let images = ImageSource::folder(dir);
    let files = DataFiles::read_dir(dir)?;
    let Some(cache_dir) = cache_dir else {
        return Dataset::from_files_and_images(&files, images);
    };
    let key = key(&files);
    if let Some(dataset) = read_keyed(&files, key, &images, cache_dir) {
        return Ok(dataset);
    }
    let dataset = Dataset::from_files_and_images(&files, images)?;
    // The text is not needed to write the cache: let it go first.
    drop(files);
    write_keyed(&dataset, key, cache_dir);
    Ok(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::synthetic::{self, Sizes};
    use proptest::prelude::*;

    /// Whether two datasets hold the same unit, record for record.
    fn assert_same(cached: &Dataset, fresh: &Dataset) {
        assert_eq!(cached.articles, fresh.articles);
        assert_eq!(cached.events, fresh.events);
        assert_eq!(cached.organizations, fresh.organizations);
        assert_eq!(cached.people, fresh.people);
        assert_eq!(cached.facts, fresh.facts);
        assert_eq!(cached.glossary, fresh.glossary);
        assert_eq!(cached.manifest, fresh.manifest);
        assert_eq!(cached.categories, fresh.categories);
        for event in &fresh.events {
            assert_eq!(cached.event(&event.id), Some(event));
        }
        for article in &fresh.articles {
            assert_eq!(
                cached.event_indices_of_article(&article.id),
                fresh.event_indices_of_article(&article.id)
            );
            assert_eq!(
                cached.organization_indices_of_article(&article.id),
                fresh.organization_indices_of_article(&article.id)
            );
        }
    }

    /// A copy of the folder `from` in `to`.
    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    /// The bundled unit in a folder of its own, and a cache folder.
    fn bundled() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let unit = dir.path().join("unit");
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &unit);
        let cache = dir.path().join("cache");
        (dir, unit, cache)
    }

    fn cache_files(cache: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(cache)
            .map(|entries| entries.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    /// The unit in `unit` read back from the cache only (`None`: not there).
    fn from_cache(unit: &Path, cache: &Path) -> Option<Dataset> {
        let files = DataFiles::read_dir(unit).unwrap();
        read(&files, &ImageSource::folder(unit), cache)
    }

    #[test]
    fn a_unit_opened_again_comes_from_the_cache_as_it_was_loaded() {
        for source in ["data", "examples/founding-of-the-un"] {
            let (_dir, unit, cache) = bundled();
            std::fs::remove_dir_all(&unit).unwrap();
            copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(source), &unit);
            let fresh = Dataset::load_dir(&unit).unwrap();
            assert!(from_cache(&unit, &cache).is_none(), "{source}");
            let first = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
            assert_same(&first, &fresh);
            assert_eq!(cache_files(&cache).len(), 1, "{source}");
            let cached = from_cache(&unit, &cache).expect("cached");
            assert_same(&cached, &fresh);
            let again = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
            assert_same(&again, &fresh);
        }
    }

    #[test]
    fn a_units_own_kinds_and_categories_come_back_from_the_cache() {
        let (_dir, unit, cache) = bundled();
        let organizations = unit.join("organizations.ron");
        let text = std::fs::read_to_string(&organizations).unwrap();
        std::fs::write(
            &organizations,
            text.replacen("kind: Member,", "kind: Founding,", 1),
        )
        .unwrap();
        let manifest = unit.join("dataset.ron");
        let text = std::fs::read_to_string(&manifest).unwrap();
        let own = r##"    relationship_kinds: [
        (key: Founding, label: "Founding member", membership: true),
        (key: Member, label: "Member state", membership: true),
        (key: Office, label: "Office", membership: true),
        (key: GuestOfHonour, label: "Guest"),
        (key: Host, label: "Host"),
        (key: Initiator, label: "Initiator"),
        (key: Cooperation, label: "Partner"),
        (key: National, label: "Own body"),
    ],
    categories: [
        (key: UnResolution, label: "Resolution", colour: "#aa2200"),
        (key: Agreement, label: "Treaty"), (key: Anniversary, label: "Anniversary"),
        (key: Conference, label: "Conference"), (key: Establishment, label: "Founding"),
        (key: Initiative, label: "Initiative"), (key: InternationalYear, label: "Year"),
        (key: Meeting, label: "Meeting"), (key: Membership, label: "Membership"),
        (key: Milestone, label: "Milestone"), (key: Programme, label: "Programme"),
        (key: Summit, label: "Summit"), (key: Talks, label: "Talks"),
    ],
)"##;
        let end = text.rfind(')').unwrap();
        std::fs::write(&manifest, format!("{}{own}", &text[..end])).unwrap();
        let fresh = Dataset::load_dir(&unit).unwrap();
        let founding = fresh
            .organizations
            .iter()
            .flat_map(|o| &o.relationships)
            .find(|r| r.kind.key() == "Founding")
            .unwrap();
        assert_eq!(founding.kind.label(), "Founding member");
        assert_eq!(fresh.categories[0].label, "Resolution");
        Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
        let cached = from_cache(&unit, &cache).expect("cached");
        assert_same(&cached, &fresh);
    }

    #[test]
    fn without_a_cache_folder_nothing_is_written() {
        let (dir, unit, cache) = bundled();
        Dataset::load_dir_cached(&unit, None).unwrap();
        assert!(!cache.exists());
        assert_eq!(cache_files(dir.path()).len(), 1, "only the unit");
    }

    #[test]
    fn a_changed_file_misses_the_cache() {
        let (_dir, unit, cache) = bundled();
        let first = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
        let events = unit.join("events.ron");
        let title = &first.events[0].title;
        let text = std::fs::read_to_string(&events).unwrap();
        assert!(text.contains(&**title));
        std::fs::write(&events, text.replacen(&**title, "A changed title", 1)).unwrap();
        assert!(from_cache(&unit, &cache).is_none());
        let second = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
        assert!(second.events.iter().any(|e| &*e.title == "A changed title"));
        assert_same(&second, &Dataset::load_dir(&unit).unwrap());
        // A file added to the unit misses it too.
        std::fs::copy(
            unit.join("articles/mfa-foreign-policy.ron"),
            unit.join("articles/mfa-foreign-policy-copy.ron"),
        )
        .unwrap();
        assert!(from_cache(&unit, &cache).is_none());
    }

    #[test]
    fn a_unit_with_problems_is_not_cached() {
        let (_dir, unit, cache) = bundled();
        let events = unit.join("events.ron");
        let text = std::fs::read_to_string(&events).unwrap();
        std::fs::write(&events, text.replacen("sources:", "sourcez:", 1)).unwrap();
        let error = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap_err();
        assert_eq!(
            error.problems,
            Dataset::load_dir(&unit).unwrap_err().problems
        );
        assert!(cache_files(&cache).is_empty());
    }

    #[test]
    fn a_missing_image_is_found_though_the_unit_is_cached() {
        let (_dir, unit, cache) = bundled();
        Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
        std::fs::remove_file(unit.join("assets/un-neutrality-resolutions.png")).unwrap();
        assert!(from_cache(&unit, &cache).is_none());
        let error = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap_err();
        assert!(
            format!("{error}").contains("un-neutrality-resolutions.png"),
            "{error}"
        );
    }

    #[test]
    fn a_damaged_cut_or_foreign_cache_file_is_passed_over_and_written_anew() {
        let (_dir, unit, cache) = bundled();
        let fresh = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
        let path = cache_files(&cache).pop().unwrap();
        let good = std::fs::read(&path).unwrap();
        let header = header(0).len() - 16;
        let mut damaged: Vec<(&str, Vec<u8>)> = Vec::new();
        // A byte changed in the records, in the hash, in the version.
        for at in [good.len() - 1, good.len() / 2, header + 20, MAGIC.len() + 2] {
            let mut bytes = good.clone();
            bytes[at] ^= 0x20;
            damaged.push(("a changed byte", bytes));
        }
        for len in [0, 5, header, header + 16, header + 40, good.len() - 1] {
            damaged.push(("cut short", good[..len].to_vec()));
        }
        let mut longer = good.clone();
        longer.push(0);
        damaged.push(("a byte more", longer));
        let mut other_version = good.clone();
        other_version[MAGIC.len() + 1..MAGIC.len() + 1 + VERSION.len()]
            .copy_from_slice(&vec![b'9'; VERSION.len()]);
        damaged.push(("another version", other_version));
        let mut other_format = good.clone();
        other_format[MAGIC.len() - 1] = b'9';
        damaged.push(("another format", other_format));
        for (what, bytes) in damaged {
            std::fs::write(&path, &bytes).unwrap();
            assert!(from_cache(&unit, &cache).is_none(), "{what}");
            let loaded = Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
            assert_same(&loaded, &fresh);
            assert_eq!(std::fs::read(&path).unwrap(), good, "{what}: written anew");
        }
    }

    #[test]
    fn the_cache_keeps_the_most_recently_opened_units() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let mut units = Vec::new();
        for seed in 0..KEEP as u64 + 2 {
            let unit = dir.path().join(format!("unit-{seed}"));
            write_unit(&synthetic::files(Sizes::small(), seed), &unit);
            Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
            units.push(unit);
            // Modification times a clear step apart.
            std::thread::sleep(std::time::Duration::from_millis(20));
            if units.len() == KEEP {
                // The first unit opened again, when the cache is full:
                // kept as recent, the next two go first.
                assert!(from_cache(&units[0], &cache).is_some());
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        assert_eq!(cache_files(&cache).len(), KEEP);
        assert!(from_cache(&units[0], &cache).is_some(), "opened again");
        assert!(from_cache(&units[1], &cache).is_none(), "the oldest");
        assert!(from_cache(&units[2], &cache).is_none(), "the second oldest");
        assert!(from_cache(units.last().unwrap(), &cache).is_some());
    }

    /// The files of `files` written as a unit folder `unit`.
    fn write_unit(files: &DataFiles, unit: &Path) {
        std::fs::create_dir_all(unit.join("articles")).unwrap();
        for file in files.all() {
            let inner = file.name.strip_prefix("data/").unwrap();
            std::fs::write(unit.join(inner), &file.text).unwrap();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        /// Any synthetic unit comes back from the cache as it was loaded.
        #[test]
        fn a_cached_load_equals_a_fresh_one(seed in any::<u64>(), events in 0..400usize) {
            let dir = tempfile::tempdir().unwrap();
            let unit = dir.path().join("unit");
            let sizes = Sizes { events, ..Sizes::small() };
            write_unit(&synthetic::files(sizes, seed), &unit);
            let cache = dir.path().join("cache");
            let fresh = Dataset::load_dir(&unit).unwrap();
            Dataset::load_dir_cached(&unit, Some(&cache)).unwrap();
            let cached = from_cache(&unit, &cache).expect("cached");
            assert_same(&cached, &fresh);
        }

        /// Bytes that are not a cache file are never read as a unit.
        #[test]
        fn garbage_is_never_a_unit(bytes in proptest::collection::vec(any::<u8>(), 0..300), key in any::<u128>()) {
            prop_assert!(decode(&bytes, key).is_none());
            let mut with_header = header(key);
            with_header.extend_from_slice(&bytes);
            prop_assert!(decode(&with_header, key).is_none());
        }
    }
}
