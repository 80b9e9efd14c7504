//! A unit as one file: a `.zip` holding what its folder holds, made by
//! `neutrality-reader pack` and opened wherever a folder is.
//!
//! A zip file may come from anywhere, and an archive can lie: a name may
//! lead out of it (`../x`, `/etc/x`), an entry may be a link, the central
//! directory may list millions of entries, and a few kilobytes may declare
//! (or inflate to) gigabytes. Every one of these is refused with a plain
//! sentence before anything is held in memory: the entry count is read from
//! the archive's last record before the zip crate lists the entries, every
//! name and kind is checked before one byte is inflated, and each file is
//! read through `take`, so a size that lies is caught by the bytes read.
//! The limits are the folder's ([`super::files`]), and so are the sentences.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::files::{
    DataFiles, MAX_TOTAL_BYTES, RECORD_FILES, is_hidden_or_editor_file, limit_of, too_large,
};
use super::held_units::{self, Held, UnitSource};
use super::problem::{LoadError, Problem};

const MIB: u64 = 1024 * 1024;

/// Most entries (files and folders) a unit file may hold. A unit for a
/// course has tens of articles and a few images; ten thousand is far beyond
/// it, and bounds the list of entries the zip crate builds (a few hundred
/// bytes each) whatever the archive's last record claims.
pub const MAX_ENTRIES: u64 = 10_000;

/// Largest unit file on disk: what the files it may hold come to
/// ([`MAX_TOTAL_BYTES`]) and room for the archive's own headers. Stored
/// (uncompressed) entries are as large as their files; deflated ones smaller.
pub const MAX_ARCHIVE_BYTES: u64 = MAX_TOTAL_BYTES + 16 * MIB;

/// The manifest a unit may have beside its record files.
const MANIFEST: &str = super::files::MANIFEST_FILE;

/// Whether `path` names a unit file: it ends in `.zip` (any case).
pub fn is_zip_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Whether `path` opens as a dataset: a folder, or a unit file (a `.zip`).
pub fn opens_as_dataset(path: &Path) -> bool {
    path.is_dir() || (is_zip_path(path) && (path.is_file() || held_units::held(path).is_some()))
}

/// An archive whose every entry has been checked: its files by their path
/// in the unit (`events.ron`, `articles/a.ron`, `assets/map.png`), each with
/// its index in the archive and its declared size.
pub(crate) struct Unit {
    archive: zip::ZipArchive<UnitSource>,
    /// The zip file as the author knows it, for problems.
    shown: String,
    /// The top folder every entry sits in (`unit/`), or nothing.
    root: String,
    files: BTreeMap<String, (usize, u64)>,
}

impl Unit {
    /// Opens the unit file `path` and checks every entry's name, kind and
    /// declared size; refuses the whole file at the first entry that could
    /// escape, link or overflow.
    pub(crate) fn open(path: &Path) -> Result<Self, Problem> {
        let shown = path.display().to_string();
        let refuse = |message: String| Problem::in_file(&shown, message);
        let mut file = opened(path).map_err(refuse)?;
        check_entry_count(&mut file).map_err(refuse)?;
        let mut archive = zip::ZipArchive::new(file).map_err(|error| {
            refuse(format!(
                "the file is not a zip file that can be read ({error}); a unit file is made by `neutrality-reader pack`"
            ))
        })?;
        if archive.len() as u64 > MAX_ENTRIES {
            return Err(refuse(too_many_entries(archive.len() as u64)));
        }
        let mut entries = Vec::with_capacity(archive.len());
        for index in 0..archive.len() {
            let entry = archive
                .by_index_raw(index)
                .map_err(|error| refuse(format!("the zip file is damaged: {error}")))?;
            let name = entry_name(&entry).map_err(refuse)?;
            if entry.is_symlink() {
                return Err(refuse(format!(
                    "the zip file holds a link, “{name}”; a unit file holds only files, so it is not opened"
                )));
            }
            if !entry.is_dir() {
                entries.push((name, index, entry.size()));
            }
        }
        let root = top_folder(&entries);
        let mut files = BTreeMap::new();
        let mut total: u64 = 0;
        for (name, index, size) in entries {
            let Some(inner) = name.strip_prefix(&root) else {
                continue;
            };
            if !belongs_in_unit(inner) {
                continue;
            }
            if size > limit_of(inner) {
                return Err(Problem::in_file(
                    &format!("{shown}/{name}"),
                    too_large(size, limit_of(inner)),
                ));
            }
            total = total.saturating_add(size);
            if total > MAX_TOTAL_BYTES {
                return Err(Problem::in_file(&format!("{shown}/{name}"), over_total()));
            }
            files.insert(inner.to_owned(), (index, size));
        }
        Ok(Self {
            archive,
            shown,
            root,
            files,
        })
    }

    /// The bytes of the unit's file `inner` (`events.ron`, `assets/map.png`):
    /// `Ok(None)` if the archive has no such file, an error sentence if it
    /// cannot be read or inflates past its limit ([`limit_of`]) whatever it declared.
    pub(crate) fn read(&mut self, inner: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(&(index, size)) = self.files.get(inner) else {
            return Ok(None);
        };
        let entry = self
            .archive
            .by_index(index)
            .map_err(|error| format!("the file cannot be read from the zip file: {error}"))?;
        // The declared size is only a claim: one byte past the limit tells.
        let limit = limit_of(inner);
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| format!("the file cannot be read from the zip file: {error}"))?;
        if bytes.len() as u64 > limit {
            return Err(format!(
                "the file inflates past {0} MiB though the zip file says it is {1} bytes; it may be at most {0} MiB",
                limit / MIB,
                size
            ));
        }
        Ok(Some(bytes))
    }

    /// The name a problem with the unit's file `inner` is reported under:
    /// the zip file's path and the entry's name in it.
    pub(crate) fn shown(&self, inner: &str) -> String {
        format!("{}/{}{inner}", self.shown, self.root)
    }

    /// The unit's articles (`articles/*.ron`), sorted.
    fn article_names(&self) -> Vec<String> {
        self.files
            .keys()
            .filter(|name| {
                name.strip_prefix("articles/")
                    .is_some_and(|rest| !rest.contains('/') && rest.ends_with(".ron"))
            })
            .cloned()
            .collect()
    }
}

/// Reads a unit file's text as [`DataFiles::read_dir`] reads a folder's:
/// every missing, unreadable or oversized file reported, under the zip
/// file's path and the entry's name.
pub fn read_unit(path: &Path) -> Result<DataFiles, LoadError> {
    let one = |problem| LoadError {
        problems: vec![problem],
    };
    let mut unit = Unit::open(path).map_err(one)?;
    let mut problems = Vec::new();
    let names = unit.article_names();
    if names.is_empty() {
        problems.push(Problem::in_file(
            &unit.shown("articles/"),
            "the zip file holds no article; articles go in articles/*.ron",
        ));
    }
    let mut take = |unit: &mut Unit, inner: &str| match unit.read(inner) {
        Ok(Some(bytes)) => Some((unit.shown(inner), bytes)),
        Ok(None) => {
            problems.push(Problem::in_file(&unit.shown(inner), "the file is missing"));
            None
        }
        Err(message) => {
            problems.push(Problem::in_file(&unit.shown(inner), message));
            None
        }
    };
    let articles: Vec<_> = names
        .iter()
        .filter_map(|name| take(&mut unit, name))
        .collect();
    let records: Vec<_> = RECORD_FILES
        .iter()
        .filter_map(|name| take(&mut unit, name))
        .collect();
    // The manifest is optional: read only when the archive has one.
    let manifest = match unit.read(MANIFEST) {
        Ok(found) => found.map(|bytes| (unit.shown(MANIFEST), bytes)),
        Err(message) => {
            problems.push(Problem::in_file(&unit.shown(MANIFEST), message));
            None
        }
    };
    let records: [(String, Vec<u8>); 5] = match records.try_into() {
        Ok(records) if problems.is_empty() => records,
        _ => return Err(LoadError { problems }),
    };
    let files = DataFiles::from_bytes(articles, records)?;
    match manifest {
        Some((name, bytes)) => files.with_manifest(name, bytes),
        None => Ok(files),
    }
}

/// The bytes of the image `inner` (`assets/map.png`) of the unit file
/// `path`, checked as the whole unit is at load: `Ok(None)` when the
/// archive has no such file.
pub fn read_image(path: &Path, inner: &str) -> Result<Option<Vec<u8>>, String> {
    let mut unit = Unit::open(path).map_err(|problem| problem.message)?;
    unit.read(inner)
}

/// Whether the unit's file `inner` is one of a dataset's: a record file, the
/// manifest, an article or an image, and no hidden or editor file.
fn belongs_in_unit(inner: &str) -> bool {
    if inner.split('/').any(is_hidden_or_editor_file) {
        return false;
    }
    RECORD_FILES.contains(&inner)
        || inner == MANIFEST
        || inner
            .strip_prefix("articles/")
            .is_some_and(|rest| !rest.contains('/') && rest.ends_with(".ron"))
        || inner.starts_with("assets/")
}

/// The top folder (`unit/`) that every entry sits in, as a file manager
/// zipping a folder makes, when the record files are not at the top; else
/// nothing. macOS's `__MACOSX/` copies are no part of it.
fn top_folder(entries: &[(String, usize, u64)]) -> String {
    let names = || {
        entries
            .iter()
            .map(|(name, ..)| name.as_str())
            .filter(|name| !name.starts_with("__MACOSX/"))
    };
    if names().any(|name| RECORD_FILES.contains(&name)) {
        return String::new();
    }
    let mut tops = names().map(|name| name.split_once('/').map(|(top, _)| top));
    match tops.next() {
        Some(Some(first)) if tops.all(|top| top == Some(first)) => format!("{first}/"),
        _ => String::new(),
    }
}

/// An entry's name, checked: relative and inside the archive, with forward
/// slashes (some Windows tools write `\\` between folders: it is read as one).
fn entry_name(entry: &zip::read::ZipFile<'_, UnitSource>) -> Result<String, String> {
    let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
    let shown = crate::terminal::cut(&raw);
    let name = entry.name().map_err(|_| {
        format!("the zip file holds an entry whose name cannot be read (“{shown}”)")
    })?;
    let name = name.replace('\\', "/");
    let mut start = name.chars();
    let drive = matches!((start.next(), start.next()), (Some(letter), Some(':')) if letter.is_ascii_alphabetic());
    let escapes = name.starts_with('/')
        || drive
        || name.contains('\0')
        || name.split('/').any(|part| part == "..")
        || entry.enclosed_name().is_none();
    if escapes {
        return Err(format!(
            "the zip file holds “{shown}”, a path that leads out of the unit (an absolute path, a drive or “..”); it is not opened"
        ));
    }
    Ok(name)
}

/// The unit file opened, if it is a regular file of at most
/// [`MAX_ARCHIVE_BYTES`], or the bytes held under its path.
fn opened(path: &Path) -> Result<UnitSource, String> {
    match held_units::held(path) {
        Some(Held::Bytes(bytes)) => {
            let mut held = UnitSource::Held(std::io::Cursor::new(bytes));
            let len = held.len().unwrap_or(u64::MAX);
            if len > MAX_ARCHIVE_BYTES {
                return Err(archive_too_large(len));
            }
            return Ok(held);
        }
        Some(Held::TooLarge(len)) => return Err(archive_too_large(len)),
        None => {}
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err("there is no such file".to_owned());
        }
        Err(error) => {
            return Err(format!(
                "the file cannot be read: {}",
                super::open_file::io_reason(&error)
            ));
        }
    };
    if !meta.is_file() {
        return Err("this is not a file; a unit file is a .zip file".to_owned());
    }
    if meta.len() > MAX_ARCHIVE_BYTES {
        return Err(archive_too_large(meta.len()));
    }
    super::open_file::open_for_reading(path)
        .map(UnitSource::File)
        .map_err(|error| {
            format!(
                "the file cannot be read: {}",
                super::open_file::io_reason(&error)
            )
        })
}

fn archive_too_large(len: u64) -> String {
    format!(
        "the zip file is {} MiB; a unit file may be at most {} MiB",
        len.div_ceil(MIB),
        MAX_ARCHIVE_BYTES / MIB
    )
}

const END_SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
const END64_LOCATOR: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
const END64_SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];

/// Reads the entry count from the archive's last record (and its zip64
/// form), and refuses a file that has none or claims too many: the zip
/// crate would list them all before the count could be looked at.
fn check_entry_count(file: &mut UnitSource) -> Result<(), String> {
    let not_zip = || {
        "the file is not a zip file (it has no zip directory at its end); a unit file is made by `neutrality-reader pack`".to_owned()
    };
    let io = |error: std::io::Error| {
        format!(
            "the file cannot be read: {}",
            super::open_file::io_reason(&error)
        )
    };
    let len = file.seek(SeekFrom::End(0)).map_err(io)?;
    // The last record is 22 bytes and a comment of at most 65535.
    let tail_len = len.min(22 + 65_535 + 20);
    file.seek(SeekFrom::Start(len - tail_len)).map_err(io)?;
    let mut tail = Vec::new();
    file.by_ref()
        .take(tail_len)
        .read_to_end(&mut tail)
        .map_err(io)?;
    let at = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail.get(i..i + 4) == Some(&END_SIGNATURE[..]))
        .ok_or_else(not_zip)?;
    let u16_at = |i: usize| tail.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let total = u16_at(at + 10).ok_or_else(not_zip)?;
    let count = if total == u16::MAX {
        // A zip64 record that cannot be read is no zip's.
        zip64_count(file, &tail, at)
            .ok()
            .flatten()
            .ok_or_else(not_zip)?
    } else {
        u64::from(total)
    };
    if count > MAX_ENTRIES {
        return Err(too_many_entries(count));
    }
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    Ok(())
}

/// The entry count of a zip64 archive, from the record its locator (just
/// before the last record, at `end` in `tail`) points to.
fn zip64_count(file: &mut UnitSource, tail: &[u8], end: usize) -> std::io::Result<Option<u64>> {
    let Some(locator) = end.checked_sub(20).and_then(|start| tail.get(start..end)) else {
        return Ok(None);
    };
    if locator.get(..4) != Some(&END64_LOCATOR[..]) {
        return Ok(None);
    }
    let Some(offset) = locator
        .get(8..16)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_le_bytes)
    else {
        return Ok(None);
    };
    file.seek(SeekFrom::Start(offset))?;
    let mut record = [0u8; 40];
    file.read_exact(&mut record)?;
    if record.get(..4) != Some(&END64_SIGNATURE[..]) {
        return Ok(None);
    }
    Ok(record
        .get(32..40)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_le_bytes))
}

fn too_many_entries(count: u64) -> String {
    format!(
        "the zip file holds {count} entries; a unit file may hold at most {MAX_ENTRIES}, so it is not opened"
    )
}

fn over_total() -> String {
    format!(
        "with this file the unit's files come to more than {0} MiB; a dataset may be at most {0} MiB in all",
        MAX_TOTAL_BYTES / MIB
    )
}

/// The files `pack` puts in a unit file, by their path in the unit: the
/// record files, the manifest if there is one, the articles and the images,
/// none hidden or an editor's.
pub fn unit_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = RECORD_FILES.iter().map(|n| (*n).to_owned()).collect();
    if dir.join(MANIFEST).is_file() {
        names.push(MANIFEST.to_owned());
    }
    let mut listed = Vec::new();
    list_files(dir, "articles", 1, &mut listed);
    list_files(dir, "assets", 8, &mut listed);
    listed.retain(|name| belongs_in_unit(name));
    listed.sort();
    names.extend(listed);
    names
}

/// Adds the files under `dir/sub` to `out` as `sub/…`, `depth` folders deep
/// at most, links and hidden files left out.
fn list_files(dir: &Path, sub: &str, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_hidden_or_editor_file(&name) || out.len() as u64 >= MAX_ENTRIES {
            continue;
        }
        let inner = format!("{sub}/{name}");
        match entry.file_type() {
            Ok(kind) if kind.is_file() => out.push(inner),
            Ok(kind) if kind.is_dir() && depth > 1 => list_files(dir, &inner, depth - 1, out),
            _ => {}
        }
    }
}

/// Why `pack` did not write the unit file, in a sentence.
pub type PackError = String;

/// Writes the unit in folder `dir` to the zip file `to`, whole or not at
/// all: into a temporary file beside it, then renamed over. An existing
/// `to` is replaced only if `force`. Gives the unit's files packed.
pub fn pack(dir: &Path, to: &Path, force: bool) -> Result<Vec<String>, PackError> {
    use std::io::Write as _;
    if to.exists() && !force {
        return Err(format!(
            "{} already exists; add --force to replace it",
            to.display()
        ));
    }
    let names = unit_files(dir);
    let beside = match to.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write_error = |error: &dyn std::fmt::Display| format!("{}: {error}", to.display());
    let temp = tempfile::NamedTempFile::new_in(&beside).map_err(|e| write_error(&e))?;
    let mut zip = zip::ZipWriter::new(temp);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    let mut total: u64 = 0;
    for name in &names {
        let path = dir.join(name);
        let limit = limit_of(name);
        let bytes = super::open_file::read_at_most(&path, limit)
            .map_err(|error| {
                format!(
                    "{}: the file cannot be read: {}",
                    path.display(),
                    super::open_file::io_reason(&error)
                )
            })?
            .ok_or_else(|| {
                format!(
                    "{}: the file is over {} MiB; a file of a unit may be at most that",
                    path.display(),
                    limit / MIB
                )
            })?;
        total += bytes.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(format!("{}: {}", path.display(), over_total()));
        }
        zip.start_file(name.as_str(), options)
            .map_err(|e| write_error(&e))?;
        zip.write_all(&bytes).map_err(|e| write_error(&e))?;
    }
    let temp = zip.finish().map_err(|e| write_error(&e))?;
    temp.as_file().sync_all().map_err(|e| write_error(&e))?;
    let kept = if force {
        temp.persist(to).map(|_| ())
    } else {
        temp.persist_noclobber(to).map(|_| ())
    };
    kept.map_err(|error| write_error(&error.error))?;
    Ok(names)
}
