//! Unit files held in memory rather than on disk: a `.zip` dropped on, or
//! chosen in, the browser's page, which has no file system to read it from.
//!
//! Each is given a path of its own (`/held/<name>`) that opens as any unit
//! file's does, so that the loader, the reading session and the saved notes
//! (keyed by that path) need no second way in: [`super::archive`] reads the
//! bytes held under the path instead of a file. The checks are the same
//! ones; only the source of the bytes differs.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The folder every held unit's path is in.
pub const HELD_FOLDER: &str = "/held";

/// How many units are held at once: the newest ones. A reader drops a unit,
/// then perhaps a corrected one; older ones are let go so that a page open
/// all day does not keep every file it was given.
const HELD_MAX: usize = 4;

/// What is held under a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Held {
    /// The unit file's bytes.
    Bytes(Arc<[u8]>),
    /// A file larger than a unit file may be, of this many bytes: not read
    /// at all (a browser would read it whole first), and refused as a file
    /// on disk is, by its size.
    TooLarge(u64),
}

/// The units held, oldest first.
static HELD: Mutex<VecDeque<(PathBuf, Held)>> = Mutex::new(VecDeque::new());

/// Holds the unit file `bytes`, named `name` by the reader's system, and
/// returns the path it opens at. The same name again replaces the older
/// bytes (a corrected file dropped again). Only the last part of `name` is
/// kept, so a name cannot lead anywhere.
pub fn hold(name: &str, bytes: Arc<[u8]>) -> PathBuf {
    hold_as(name, Held::Bytes(bytes))
}

/// Holds, under `name`, that a file of `len` bytes was given that is larger
/// than [`super::archive::MAX_ARCHIVE_BYTES`], without its bytes; opening
/// the path returned says so.
pub fn hold_too_large(name: &str, len: u64) -> PathBuf {
    hold_as(name, Held::TooLarge(len))
}

fn hold_as(name: &str, held_as: Held) -> PathBuf {
    let base = name
        .rsplit(['/', '\\'])
        .find(|part| !part.is_empty() && *part != "." && *part != "..")
        .unwrap_or("unit.zip");
    let path = Path::new(HELD_FOLDER).join(base);
    let mut held = HELD
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    held.retain(|(p, _)| *p != path);
    held.push_back((path.clone(), held_as));
    while held.len() > HELD_MAX {
        held.pop_front();
    }
    path
}

/// What is held under `path`, if anything.
pub fn held(path: &Path) -> Option<Held> {
    let held = HELD
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    held.iter()
        .find(|(p, _)| p == path)
        .map(|(_, held)| held.clone())
}

/// Whether a file of a folder given to a page (by its path in the folder)
/// may be part of a unit: a `.ron` file or an image. Only those are read,
/// so a folder that also holds videos or documents is not read whole.
pub fn may_be_in_unit(path: &str) -> bool {
    let lower = path.to_lowercase();
    [".ron", ".png", ".jpg", ".jpeg"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// A folder's files, by their paths in it (`unit/events.ron`,
/// `unit/articles/a.ron`), as the bytes of a unit file: a page is given a
/// folder as a list of files, and a unit file is what opens from memory.
/// Stored, not deflated: it is read once, at once, in memory.
pub fn zip_of_folder(files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    for (path, bytes) in files {
        zip.start_file(path.as_str(), options)
            .and_then(|()| zip.write_all(&bytes).map_err(Into::into))
            .map_err(|error| format!("the folder's file {path} could not be taken: {error}"))?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|error| format!("the folder could not be taken: {error}"))
}

/// Where a unit file's bytes come from: a file, or memory.
pub(crate) enum UnitSource {
    /// A file on disk, opened for reading.
    File(File),
    /// Bytes held by [`hold`].
    Held(Cursor<Arc<[u8]>>),
}

impl UnitSource {
    /// The source's length in bytes.
    pub(crate) fn len(&mut self) -> io::Result<u64> {
        match self {
            Self::File(file) => file.metadata().map(|m| m.len()),
            Self::Held(cursor) => Ok(cursor.get_ref().len() as u64),
        }
    }
}

impl Read for UnitSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::File(file) => file.read(buf),
            Self::Held(cursor) => cursor.read(buf),
        }
    }
}

impl Seek for UnitSource {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match self {
            Self::File(file) => file.seek(pos),
            Self::Held(cursor) => cursor.seek(pos),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test: the units held are shared by the whole process, and tests
    // run at the same time would let each other's go.
    #[test]
    fn a_name_keeps_its_last_part_the_newest_bytes_and_only_the_newest_units() {
        let path = hold("../../etc/held-test-a.zip", Arc::from(&b"one"[..]));
        assert_eq!(path, Path::new("/held/held-test-a.zip"));
        let again = hold("C:\\Users\\x\\held-test-a.zip", Arc::from(&b"two"[..]));
        assert_eq!(again, path);
        assert_eq!(held(&path), Some(Held::Bytes(Arc::from(&b"two"[..]))));
        assert_eq!(hold("..", Arc::from(&b""[..])), Path::new("/held/unit.zip"));
        for n in 0..HELD_MAX {
            hold(&format!("held-test-{n}.zip"), Arc::from(&b"y"[..]));
        }
        assert!(held(&path).is_none());
        assert!(held(Path::new("/held/held-test-0.zip")).is_some());

        // A unit file held opens as the same file on disk does, and bytes
        // that are no zip are refused with the file's own sentence.
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let zip = dir.path().join("un.zip");
        super::super::archive::pack(&folder, &zip, false).expect("packed");
        let bytes = std::fs::read(&zip).expect("read back");
        let on_disk = crate::dataset::Dataset::load_dir(&zip).expect("the packed unit opens");
        let held_path = hold("un.zip", Arc::from(bytes));
        assert!(super::super::archive::opens_as_dataset(&held_path));
        let from_memory = crate::dataset::Dataset::load_dir(&held_path).expect("held opens");
        assert_eq!(from_memory.events.len(), on_disk.events.len());
        assert_eq!(from_memory.articles.len(), on_disk.articles.len());
        // A folder given to a page as its files opens as its unit file does.
        let mut files = Vec::new();
        for inner in crate::dataset::archive::unit_files(&folder) {
            let bytes = std::fs::read(folder.join(&inner)).expect("a file of the unit");
            files.push((format!("founding-of-the-un/{inner}"), bytes));
        }
        files.push((
            "founding-of-the-un/notes.docx".to_owned(),
            b"not read".to_vec(),
        ));
        files.retain(|(path, _)| may_be_in_unit(path));
        assert!(files.iter().all(|(path, _)| !path.ends_with(".docx")));
        let zipped = zip_of_folder(files).expect("zipped");
        let from_folder =
            crate::dataset::Dataset::load_dir(&hold("founding-of-the-un.zip", zipped.into()))
                .expect("the folder's files open");
        assert_eq!(from_folder.events.len(), on_disk.events.len());
        let junk = hold("junk.zip", Arc::from(&b"not a zip at all"[..]));
        let error = crate::dataset::Dataset::load_dir(&junk).expect_err("refused");
        assert!(
            error.problems[0].message.contains("not a zip file"),
            "{error:?}"
        );
    }
}
