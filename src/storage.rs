//! Saving the reader's own files so that nothing is lost: every write goes to
//! a temporary file in the same folder, is synced to disk and then renamed
//! over the old file, so a crash or power cut leaves either the old file or
//! the new one, never half of one. A file that does not read back is moved
//! aside with a timestamp, never deleted.
//!
//! # Format versions
//!
//! A save is a JSON object with a `"version"` field beside its data
//! (`{"version": 2, "questions": …}`), not an envelope around it: a field
//! keeps the file readable by the version before this one, which reads the
//! same fields and ignores the number, while an envelope
//! (`{"version": 2, "data": {…}}`) would read there as an empty save and be
//! written over at the next answer. Each kind of save says its current
//! version and how to bring an older one up to it ([`Versioned`]).
//!
//! Files written before versions were checked are version 1, whatever they
//! say: the quiz memory said `1`, the notes `0` or nothing. Reading one
//! migrates it; the next save writes the current version. A file of a
//! *newer* version than this build knows is not read and never written
//! over (see [`load_json`] and [`save_json`]): the reader starts afresh for
//! the session and is told, and the newer version finds its file as it left
//! it.
//!
//! A save is read as a data file is ([`read_save_text`]): a pipe or an
//! endless file in its place cannot hold the window at start-up.
//!
//! # Temporary files
//!
//! A writer killed between creating its temporary file and renaming it
//! leaves the temporary file behind (`.neutrality-reader-XXXXXX.tmp`), never
//! a torn save: loading reads only the save's own name. Each save removes
//! such leftovers in its folder, on Unix: a writer holds a lock on its
//! temporary file while it works, so a file nobody holds a lock on is one
//! whose writer has died.

#[cfg(not(target_arch = "wasm32"))]
use std::fs;
use std::io;
#[cfg(not(target_arch = "wasm32"))]
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The start and end of the names of temporary files, so that leftovers
/// can be told from everything else in the folder.
#[cfg(not(target_arch = "wasm32"))]
const TEMP_PREFIX: &str = ".neutrality-reader-";
#[cfg(not(target_arch = "wasm32"))]
const TEMP_SUFFIX: &str = ".tmp";

/// The largest save read: far above any real one (ten thousand quiz questions are ~10 MB).
pub const MAX_SAVE_BYTES: u64 = 64 << 20;

/// The text of the save at `path`, read as [`crate::dataset::open_file`]
/// reads a data file: only a regular file (or a link to one), opened
/// non-blocking, at most [`MAX_SAVE_BYTES`], UTF-8. Anything else is an
/// error saying what it is, set aside by [`load_json`] like a damaged save;
/// a missing file is [`io::ErrorKind::NotFound`].
pub fn read_save_text(path: &Path) -> io::Result<String> {
    // In the browser, saves are the page's storage items (crate::browser).
    #[cfg(target_arch = "wasm32")]
    return crate::browser::read_text(path);
    #[cfg(not(target_arch = "wasm32"))]
    read_save_file(path)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_save_file(path: &Path) -> io::Result<String> {
    // metadata follows a link: a save linked from elsewhere is still read.
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        let what = if crate::dataset::open_file::is_pipe(&meta) {
            "a named pipe"
        } else if meta.is_dir() {
            "a folder"
        } else {
            "a special file"
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {what}, not a file"),
        ));
    }
    let Some(bytes) = crate::dataset::open_file::read_at_most(path, MAX_SAVE_BYTES)? else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("it is larger than {} MiB", MAX_SAVE_BYTES >> 20),
        ));
    };
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// Writes `bytes` to `path` atomically: temp file, fsync, rename, then an
/// fsync of the folder so that the rename itself survives a power cut.
/// Leftover temporary files of writers that died are removed first.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // In the browser, one storage item written whole, or a download.
    #[cfg(target_arch = "wasm32")]
    return crate::browser::write(path, bytes);
    #[cfg(not(target_arch = "wasm32"))]
    write_file_atomically(path, bytes)
}

#[cfg(not(target_arch = "wasm32"))]
fn write_file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder)?;
    remove_leftovers(folder);
    let mut file = temporary_file(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    // Not every platform can open a folder to sync it; the rename is done either way.
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// A new temporary file in `folder`, locked for as long as it is open so
/// that [`remove_leftovers`] of another save leaves it alone.
#[cfg(not(target_arch = "wasm32"))]
fn temporary_file(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut attempts = 0;
    loop {
        let file = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(folder)?;
        // A file system without locks still saves; it only keeps leftovers.
        let _ = file.as_file().lock();
        // Another save's clean-up may have taken the file in the instant
        // between its creation and the lock: then make another.
        attempts += 1;
        if still_named(&file) || attempts == 3 {
            return Ok(file);
        }
    }
}

/// Whether the temporary file's name still leads to the file it opened.
#[cfg(unix)]
fn still_named(file: &tempfile::NamedTempFile) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (fs::metadata(file.path()), file.as_file().metadata()) {
        (Ok(named), Ok(open)) => named.dev() == open.dev() && named.ino() == open.ino(),
        _ => false,
    }
}

#[cfg(not(any(unix, target_arch = "wasm32")))]
fn still_named(_file: &tempfile::NamedTempFile) -> bool {
    true
}

/// Removes the temporary files in `folder` that no living writer holds:
/// those of a save killed before its rename. Unix only; elsewhere they stay.
#[cfg(unix)]
fn remove_leftovers(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with(TEMP_PREFIX) || !name.ends_with(TEMP_SUFFIX) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = fs::File::open(&path) else {
            continue;
        };
        // A lock taken means no writer has it: the writer is gone. A lock
        // refused, or a file system without locks, leaves the file alone.
        if file.try_lock().is_ok() {
            let _ = fs::remove_file(&path);
        }
    }
}

#[cfg(not(any(unix, target_arch = "wasm32")))]
fn remove_leftovers(_folder: &Path) {}

/// A kind of save with a format version: the quiz memory, the notes.
///
/// Saved as a JSON object whose `"version"` field is [`Self::VERSION`]; see
/// the [module documentation](self) for why a field rather than an envelope.
pub trait Versioned: Serialize + DeserializeOwned {
    /// The format this build writes, and the newest it reads.
    const VERSION: u32;

    /// Turns the JSON object of a save of format `from` into one of format
    /// `from + 1` (the `"version"` field is set afterwards). Called for
    /// each step from the file's version up to [`Self::VERSION`]; files of
    /// before versions were checked are format 1. The default changes
    /// nothing: a step where only the number changes.
    fn migrate(object: &mut Map<String, Value>, from: u32) -> Result<(), String> {
        let _ = (object, from);
        Ok(())
    }
}

/// Why a save's text could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// It is not a save of this kind: not JSON, not an object, a field of
    /// the wrong type. The sentence names the line and column where known.
    Damaged(String),
    /// It is a save of a newer format than this build knows.
    Newer {
        /// The format the file says.
        version: u64,
    },
}

/// The format version a save's JSON object says: 1 when it says nothing, 0
/// or 1 (every file of before versions were checked).
fn format_of(object: &Map<String, Value>) -> Result<u64, String> {
    match object.get("version") {
        None => Ok(1),
        Some(value) => match value.as_u64() {
            Some(0 | 1) => Ok(1),
            Some(version) => Ok(version),
            None => Err(format!("its version, {value}, is not a whole number")),
        },
    }
}

fn located(error: &serde_json::Error) -> String {
    if error.line() == 0 {
        error.to_string()
    } else {
        // serde_json's own text ends with "at line L column C"; said once, first.
        let text = error.to_string();
        let bare = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(bare, _)| bare);
        format!("line {}, column {}: {bare}", error.line(), error.column())
    }
}

/// Reads the text of a save of kind `T`: a save of an older format is
/// migrated, one of a newer format is refused as [`Unreadable::Newer`]
/// without being read further. Pure: what [`load_json`] does with a file's
/// text, for tests and fuzzing.
pub fn read_versioned<T: Versioned>(text: &str) -> Result<T, Unreadable> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| Unreadable::Damaged(located(&e)))?;
    let Some(object) = value.as_object_mut() else {
        return Err(Unreadable::Damaged(
            "it holds no JSON object (a save is one {…})".to_owned(),
        ));
    };
    let version = format_of(object).map_err(Unreadable::Damaged)?;
    if version > u64::from(T::VERSION) {
        return Err(Unreadable::Newer { version });
    }
    let mut from = u32::try_from(version).unwrap_or(T::VERSION);
    while from < T::VERSION {
        T::migrate(object, from).map_err(|reason| {
            Unreadable::Damaged(format!(
                "it could not be brought from version {from}: {reason}"
            ))
        })?;
        from += 1;
    }
    object.insert("version".to_owned(), Value::from(T::VERSION));
    serde_json::from_value(value).map_err(|error| {
        // The same mistake, placed in the file's own text where it can be.
        match serde_json::from_str::<T>(text) {
            Err(in_text) if in_text.line() > 0 => Unreadable::Damaged(located(&in_text)),
            _ => Unreadable::Damaged(error.to_string()),
        }
    })
}

/// Saves `value` as pretty JSON at `path`, atomically, with the format
/// version `T::VERSION` in its `"version"` field.
///
/// A file already at `path` from a newer version of the app is not written
/// over: the save fails with an error that says so, and the file stays as
/// the newer version left it.
pub fn save_json<T: Versioned>(path: &Path, value: &T) -> io::Result<()> {
    if let Some(version) = newer_on_disk::<T>(path) {
        return Err(io::Error::other(newer_words(path, version)));
    }
    let mut json = serde_json::to_value(value).map_err(io::Error::other)?;
    if let Some(object) = json.as_object_mut() {
        object.insert("version".to_owned(), Value::from(T::VERSION));
    }
    let text = serde_json::to_string_pretty(&json).map_err(io::Error::other)?;
    write_atomically(path, text.as_bytes())
}

/// The version of the save at `path` when it is newer than `T`'s.
fn newer_on_disk<T: Versioned>(path: &Path) -> Option<u64> {
    /// Only the version of a save, the rest skipped unread.
    #[derive(serde::Deserialize)]
    struct Stamp {
        #[serde(default)]
        version: Option<u64>,
    }
    let text = read_save_text(path).ok()?;
    let stamp: Stamp = serde_json::from_str(&text).ok()?;
    stamp.version.filter(|v| *v > u64::from(T::VERSION))
}

fn newer_words(path: &Path, version: u64) -> String {
    format!(
        "{} was saved by a newer version of Neutrality Reader (format {version}); not changed",
        path.display()
    )
}

/// What loading a saved file found.
#[derive(Debug)]
pub enum Loaded<T> {
    /// There was no file yet.
    Missing,
    /// The file was read (and brought up to the current format).
    Read(T),
    /// The file could not be read as a save and the reader starts afresh.
    /// A damaged file was moved to `moved_to` (`None` if even that failed);
    /// a file of a newer version of the app is left in place, untouched
    /// (`moved_to: None`), and [`save_json`] will not write over it.
    SetAside {
        /// Why it could not be read, in a sentence.
        reason: String,
        /// Where the unreadable file now is, if it was moved.
        moved_to: Option<PathBuf>,
    },
}

/// Reads the JSON save at `path`. A missing file is [`Loaded::Missing`]; a
/// file of an older format is migrated ([`read_versioned`]); a file that does
/// not parse is renamed to `NAME.corrupt-YYYYMMDD-HHMMSS` beside it and
/// reported, so that it can be looked at or recovered by hand; a file of a
/// newer format is reported and left where it is, unchanged.
pub fn load_json<T: Versioned>(path: &Path) -> Loaded<T> {
    let text = match read_save_text(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(error) => {
            return set_aside(
                path,
                format!("{} could not be read: {error}", path.display()),
            );
        }
    };
    match read_versioned(&text) {
        Ok(value) => Loaded::Read(value),
        Err(Unreadable::Newer { version }) => Loaded::SetAside {
            reason: newer_words(path, version),
            moved_to: None,
        },
        Err(Unreadable::Damaged(why)) => {
            set_aside(path, format!("{} is damaged ({why})", path.display()))
        }
    }
}

fn set_aside<T>(path: &Path, reason: String) -> Loaded<T> {
    Loaded::SetAside {
        reason,
        moved_to: move_aside(path),
    }
}

/// Renames the file at `path` to `NAME.corrupt-YYYYMMDD-HHMMSS` beside it
/// (numbered if that name is taken), so that a file the reader cannot use
/// is kept for a person to look at, never deleted. Returns the new path, or
/// `None` if the file could not be renamed.
pub fn move_aside(path: &Path) -> Option<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{stamp}"));
    let mut target = path.with_file_name(&name);
    // Two damaged saves in one second: never overwrite the first.
    let mut n = 1;
    while exists(&target) {
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        target = path.with_file_name(numbered);
        n += 1;
    }
    #[cfg(target_arch = "wasm32")]
    return crate::browser::rename(path, &target).then_some(target);
    #[cfg(not(target_arch = "wasm32"))]
    fs::rename(path, &target).ok().map(|()| target)
}

/// Whether a save (or anything) is at `path`.
fn exists(path: &Path) -> bool {
    #[cfg(target_arch = "wasm32")]
    return crate::browser::exists(path);
    #[cfg(not(target_arch = "wasm32"))]
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save of format 3, whose format 1 called `answered` `done`.
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Save {
        answered: u32,
    }

    impl Versioned for Save {
        const VERSION: u32 = 3;

        fn migrate(object: &mut Map<String, Value>, from: u32) -> Result<(), String> {
            if from == 1 {
                let done = object.remove("done").ok_or("it has no “done”")?;
                object.insert("answered".to_owned(), done);
            }
            Ok(())
        }
    }

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_save_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/progress.json");
        save_json(&path, &Save { answered: 3 }).unwrap();
        assert!(matches!(
            load_json::<Save>(&path),
            Loaded::Read(Save { answered: 3 })
        ));
        save_json(&path, &Save { answered: 4 }).unwrap();
        assert!(matches!(
            load_json::<Save>(&path),
            Loaded::Read(Save { answered: 4 })
        ));
        // Written with its version; no temporary file is left behind.
        let text = fs::read_to_string(&path).unwrap();
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json, serde_json::json!({"answered": 4, "version": 3}));
        assert_eq!(names_in(path.parent().unwrap()), ["progress.json"]);
    }

    #[test]
    fn an_older_save_is_migrated_step_by_step() {
        // No version, 0 and 1 are all format 1, from before versions were checked.
        for text in [
            r#"{"done": 5}"#,
            r#"{"version": 0, "done": 5}"#,
            r#"{"version": 1, "done": 5}"#,
        ] {
            assert_eq!(
                read_versioned::<Save>(text),
                Ok(Save { answered: 5 }),
                "{text}"
            );
        }
        // Format 2 already says "answered".
        assert_eq!(
            read_versioned::<Save>(r#"{"version": 2, "answered": 6}"#),
            Ok(Save { answered: 6 })
        );
        // A format-1 file without what the migration needs is damaged.
        assert_eq!(
            read_versioned::<Save>(r#"{"version": 1, "answered": 6}"#),
            Err(Unreadable::Damaged(
                "it could not be brought from version 1: it has no “done”".to_owned()
            ))
        );
        // Loading migrates in memory; the file changes only at the next save.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        fs::write(&path, r#"{"done": 5}"#).unwrap();
        let Loaded::Read(save) = load_json::<Save>(&path) else {
            panic!("an old save must be read");
        };
        assert_eq!(fs::read_to_string(&path).unwrap(), r#"{"done": 5}"#);
        save_json(&path, &save).unwrap();
        let json: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(json, serde_json::json!({"answered": 5, "version": 3}));
    }

    #[test]
    fn a_save_of_a_newer_version_is_neither_read_nor_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let newer = "{\"version\": 4, \"answered\": {\"now\": \"a map\"}}\n";
        fs::write(&path, newer).unwrap();
        let Loaded::SetAside { reason, moved_to } = load_json::<Save>(&path) else {
            panic!("a newer save must not be read");
        };
        assert_eq!(
            reason,
            format!(
                "{} was saved by a newer version of Neutrality Reader (format 4); not changed",
                path.display()
            )
        );
        assert_eq!(moved_to, None);
        assert_eq!(fs::read_to_string(&path).unwrap(), newer);
        let error = save_json(&path, &Save { answered: 1 }).unwrap_err();
        assert_eq!(error.to_string(), reason);
        assert_eq!(fs::read_to_string(&path).unwrap(), newer);
        assert_eq!(names_in(dir.path()), ["progress.json"]);
        // Even one that this version could have parsed.
        fs::write(&path, r#"{"version": 9, "answered": 2}"#).unwrap();
        assert!(matches!(
            load_json::<Save>(&path),
            Loaded::SetAside { moved_to: None, .. }
        ));
        assert!(save_json(&path, &Save { answered: 1 }).is_err());
        assert_eq!(
            read_versioned::<Save>(r#"{"version": 9}"#),
            Err(Unreadable::Newer { version: 9 })
        );
    }

    #[test]
    fn no_file_is_missing_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            load_json::<Save>(&dir.path().join("progress.json")),
            Loaded::Missing
        ));
    }

    #[test]
    fn a_damaged_save_is_moved_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        fs::write(&path, "{\"answered\": 3").unwrap();
        let Loaded::SetAside { reason, moved_to } = load_json::<Save>(&path) else {
            panic!("a damaged file must be set aside");
        };
        assert!(reason.contains("is damaged (line 1"), "{reason}");
        let moved_to = moved_to.unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read_to_string(&moved_to).unwrap(), "{\"answered\": 3");
        let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("progress.json.corrupt-"), "{name}");
        // A second damaged save in the same second gets its own name.
        fs::write(&path, "not json").unwrap();
        let Loaded::SetAside {
            moved_to: second, ..
        } = load_json::<Save>(&path)
        else {
            panic!("a damaged file must be set aside");
        };
        assert_ne!(second.unwrap(), moved_to);
        assert!(moved_to.exists());
    }

    #[test]
    fn what_is_not_a_save_is_damaged_with_a_reason() {
        for (text, reason) in [
            ("[1, 2]", "it holds no JSON object (a save is one {…})"),
            (
                r#"{"version": "two", "answered": 1}"#,
                "its version, \"two\", is not a whole number",
            ),
            (
                r#"{"version": -1}"#,
                "its version, -1, is not a whole number",
            ),
            (
                "{\"version\": 3,\n \"answered\": \"many\"}",
                "line 2, column 19: invalid type: string \"many\", expected u32",
            ),
        ] {
            assert_eq!(
                read_versioned::<Save>(text),
                Err(Unreadable::Damaged(reason.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn a_writer_killed_before_the_rename_leaves_the_old_save() {
        // What a crash midway leaves: the old file and a stray temporary one.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        save_json(&path, &Save { answered: 7 }).unwrap();
        let mut half = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir.path())
            .unwrap();
        half.write_all(b"{\"answ").unwrap();
        let (_file, kept) = half.keep().unwrap();
        assert!(matches!(
            load_json::<Save>(&path),
            Loaded::Read(Save { answered: 7 })
        ));
        assert!(kept.exists());
        // The next save clears it away: its writer holds no lock on it.
        save_json(&path, &Save { answered: 8 }).unwrap();
        #[cfg(unix)]
        assert_eq!(names_in(dir.path()), ["progress.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_temporary_file_a_writer_still_holds_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let busy = temporary_file(dir.path()).unwrap();
        let other = dir.path().join("notes.json.tmp");
        fs::write(&other, "not ours").unwrap();
        save_json(&path, &Save { answered: 1 }).unwrap();
        assert!(busy.path().exists(), "a live writer's file was removed");
        assert!(other.exists(), "a file that is not ours was removed");
        drop(busy);
        assert_eq!(names_in(dir.path()), ["notes.json.tmp", "progress.json"]);
    }
}
