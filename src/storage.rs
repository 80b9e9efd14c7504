//! Saving the reader's own files so that nothing is lost: every write goes to
//! a temporary file in the same folder, is synced to disk and then renamed
//! over the old file, so a crash or power cut leaves either the old file or
//! the new one, never half of one. A file that does not read back is moved
//! aside with a timestamp, never deleted.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Writes `bytes` to `path` atomically: temp file, fsync, rename, then an
/// fsync of the folder so that the rename itself survives a power cut.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder)?;
    let mut file = tempfile::Builder::new()
        .prefix(".neutrality-reader-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    // Not every platform can open a folder to sync it; the rename is done either way.
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Saves `value` as pretty JSON at `path`, atomically.
pub fn save_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    write_atomically(path, text.as_bytes())
}

/// What loading a saved file found.
#[derive(Debug)]
pub enum Loaded<T> {
    /// There was no file yet.
    Missing,
    /// The file was read.
    Read(T),
    /// The file could not be read as a save; it was moved to `moved_to` (or
    /// left in place if even that failed) and the reader starts afresh.
    SetAside {
        /// Why it could not be read, in a sentence.
        reason: String,
        /// Where the unreadable file now is.
        moved_to: Option<PathBuf>,
    },
}

/// Reads the JSON save at `path`. A missing file is [`Loaded::Missing`]; a
/// file that does not parse is renamed to `NAME.corrupt-YYYYMMDD-HHMMSS` beside
/// it and reported, so that it can be looked at or recovered by hand.
pub fn load_json<T: DeserializeOwned>(path: &Path) -> Loaded<T> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(error) => {
            return set_aside(
                path,
                format!("{} could not be read: {error}", path.display()),
            );
        }
    };
    match serde_json::from_str(&text) {
        Ok(value) => Loaded::Read(value),
        Err(error) => set_aside(
            path,
            format!(
                "{} is damaged (line {}, column {}: {error})",
                path.display(),
                error.line(),
                error.column()
            ),
        ),
    }
}

fn set_aside<T>(path: &Path, reason: String) -> Loaded<T> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{stamp}"));
    let mut target = path.with_file_name(&name);
    // Two damaged saves in one second: never overwrite the first.
    let mut n = 1;
    while target.exists() {
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        target = path.with_file_name(numbered);
        n += 1;
    }
    let moved_to = fs::rename(path, &target).ok().map(|()| target);
    Loaded::SetAside { reason, moved_to }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Save {
        answered: u32,
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
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["progress.json"]);
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
    fn a_writer_killed_before_the_rename_leaves_the_old_save() {
        // What a crash midway leaves: the old file and a stray temporary one.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        save_json(&path, &Save { answered: 7 }).unwrap();
        let mut half = tempfile::Builder::new()
            .prefix(".neutrality-reader-")
            .tempfile_in(dir.path())
            .unwrap();
        half.write_all(b"{\"answ").unwrap();
        let (_file, _kept) = half.keep().unwrap();
        assert!(matches!(
            load_json::<Save>(&path),
            Loaded::Read(Save { answered: 7 })
        ));
    }
}
