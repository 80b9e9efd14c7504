//! A save that two windows on one profile may share: the quiz memory and the
//! notes. Each window keeps its own copy in memory; if each simply wrote its
//! copy, the last to save would wipe out what the other had recorded.
//!
//! So a save merges. Under a lock on the file (a `.NAME.lock` beside it,
//! held only while saving), it reads the file as it is now, merges it with
//! this window's copy, writes the result atomically
//! ([`crate::storage::save_json`]) and takes the result as its copy. The
//! merge is three-way ([`Merge`]): what the file held when this window last
//! read or wrote it (its *base*), what the file holds now, and this
//! window's copy. What only one side changed since the base is taken from
//! that side, so a deletion in one window is never undone by the other
//! window's older copy, and an addition is never lost.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use web_time::Instant;

use crate::storage::{self, Loaded, Unreadable, Versioned};

/// How long a save waits for another window's save of the same file.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// A save whose copies in two windows can be merged.
pub trait Merge: Versioned + Clone + Default {
    /// What to write when this window's copy is `mine`, the file holds
    /// `disk`, and both started from `base` (what the file held when this
    /// window last read or wrote it). Changes made on one side only are
    /// kept; where both sides changed the same thing, the merge says how.
    fn merge(base: &Self, disk: Self, mine: &Self) -> Self;
}

/// One shared save: its file and the base of the next merge.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedSave<T> {
    path: PathBuf,
    base: T,
}

impl<T: Merge> SharedSave<T> {
    /// Reads the save at `path` ([`storage::load_json`]): what was read (to
    /// show, or a notice to give), and the shared save, whose base is what
    /// was read (empty when nothing could be).
    pub fn load(path: PathBuf) -> (Self, Loaded<T>) {
        let loaded = storage::load_json::<T>(&path);
        let base = match &loaded {
            Loaded::Read(value) => value.clone(),
            Loaded::Missing | Loaded::SetAside { .. } => T::default(),
        };
        (Self { path, base }, loaded)
    }

    /// A save at `path` not read yet: its first save keeps everything in
    /// the file and adds `mine` to it, as if all of both were new.
    pub fn unread(path: PathBuf) -> Self {
        Self {
            path,
            base: T::default(),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Merges `mine` with the file as it is now and writes the result; on
    /// success `mine` becomes the result, which then holds what another
    /// window saved meanwhile. A file that does not read back as a save is
    /// set aside ([`storage::move_aside`]) and `mine` written alone; a file
    /// of a newer version is not written over (the error says so). On an
    /// error, `mine` and the base are unchanged: the next save tries again.
    pub fn save(&mut self, mine: &mut T) -> io::Result<()> {
        let _lock = SaveLock::take(&self.path)?;
        let merged = match self.on_disk()? {
            Some(disk) => T::merge(&self.base, disk, mine),
            None => mine.clone(),
        };
        storage::save_json(&self.path, &merged)?;
        self.base = merged.clone();
        *mine = merged;
        Ok(())
    }

    /// The save in the file now; `None` when there is none to merge with.
    fn on_disk(&self) -> io::Result<Option<T>> {
        let text = match storage::read_save_text(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(_) => {
                // A pipe or a folder in its place: kept aside, never waited on.
                storage::move_aside(&self.path);
                return Ok(None);
            }
        };
        match storage::read_versioned::<T>(&text) {
            Ok(disk) => Ok(Some(disk)),
            Err(Unreadable::Newer { version }) => Err(io::Error::other(format!(
                "{} was saved by a newer version of Neutrality Reader (format {version}); not changed",
                self.path.display()
            ))),
            Err(Unreadable::Damaged(_)) => {
                // Damaged since it was read: kept for a person to look at.
                storage::move_aside(&self.path);
                Ok(None)
            }
        }
    }
}

/// The lock of one save, held while it is read, merged and written, so that
/// two windows saving at the same instant merge one after the other.
/// Released when dropped (the lock file stays, empty).
struct SaveLock(Option<File>);

impl SaveLock {
    /// Takes the lock of the save at `path`, waiting up to [`LOCK_WAIT`] for
    /// another window's save. A folder where locks cannot be taken saves
    /// without one; a lock held longer is an error, and nothing is written.
    fn take(path: &Path) -> io::Result<Self> {
        let Some(file) = open_lock_file(path) else {
            return Ok(Self(None));
        };
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self(Some(file))),
                Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(io::Error::other(format!(
                        "another window has been saving {} for {} s; not saved this time",
                        path.display(),
                        LOCK_WAIT.as_secs()
                    )));
                }
                // No locks on this file system: the save goes on without.
                Err(fs::TryLockError::Error(_)) => return Ok(Self(None)),
            }
        }
    }
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        if let Some(file) = &self.0 {
            let _ = file.unlock();
        }
    }
}

/// The lock file `.NAME.lock` beside the save, opened (made if need be)
/// non-blocking, so that not even a pipe put there can hold the save.
/// `None` if it cannot be opened: the save itself will say why.
fn open_lock_file(path: &Path) -> Option<File> {
    let name = path.file_name()?.to_string_lossy();
    let lock = path.with_file_name(format!(".{name}.lock"));
    if let Some(folder) = lock.parent() {
        let _ = fs::create_dir_all(folder);
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(lock).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// A set of words, merged as a set: what one side added or removed.
    #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Words {
        words: BTreeSet<String>,
    }

    impl Versioned for Words {
        const VERSION: u32 = 1;
    }

    impl Merge for Words {
        fn merge(base: &Self, disk: Self, mine: &Self) -> Self {
            let mut words = disk.words;
            words.extend(mine.words.difference(&base.words).cloned());
            for gone in base.words.difference(&mine.words) {
                words.remove(gone);
            }
            Self { words }
        }
    }

    fn words(list: &[&str]) -> Words {
        Words {
            words: list.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    #[test]
    fn two_copies_of_one_save_merge_in_turn() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("words.json");
        let (mut one, _) = SharedSave::<Words>::load(path.clone());
        let (mut two, _) = SharedSave::<Words>::load(path.clone());
        let (mut a, mut b) = (words(&["peace"]), words(&["trust"]));
        one.save(&mut a).unwrap();
        two.save(&mut b).unwrap();
        assert_eq!(b, words(&["peace", "trust"]), "the second sees the first");
        // The first removes what it had; the second's older copy does not bring it back.
        a.words.remove("peace");
        one.save(&mut a).unwrap();
        assert_eq!(a, words(&["trust"]));
        b.words.insert("neutrality".to_owned());
        two.save(&mut b).unwrap();
        assert_eq!(b, words(&["neutrality", "trust"]));
        let Loaded::Read(on_disk) = storage::load_json::<Words>(&path) else {
            panic!("the save reads back");
        };
        assert_eq!(on_disk, b);
    }

    #[test]
    fn a_save_waits_for_another_one_and_gives_up_after_a_while() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("words.json");
        let (mut one, _) = SharedSave::<Words>::load(path.clone());
        let held = SaveLock::take(&path).unwrap();
        assert!(held.0.is_some(), "a lock is taken in a temporary folder");
        let started = Instant::now();
        let error = one.save(&mut words(&["peace"])).unwrap_err();
        assert!(started.elapsed() >= LOCK_WAIT);
        assert!(error.to_string().contains("another window"), "{error}");
        assert!(!path.exists(), "nothing written without the lock");
        drop(held);
        one.save(&mut words(&["peace"])).unwrap();
        assert!(path.exists());
    }

    #[test]
    fn a_file_damaged_since_it_was_read_is_set_aside_and_mine_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("words.json");
        let (mut one, _) = SharedSave::<Words>::load(path.clone());
        fs::write(&path, "{\"words\": [").unwrap();
        let mut mine = words(&["peace"]);
        one.save(&mut mine).unwrap();
        assert_eq!(mine, words(&["peace"]));
        let kept = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
        assert!(kept, "the damaged file is kept aside");
    }
}
