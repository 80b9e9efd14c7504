//! Which dataset a folder is, where its notes and quiz progress are kept, and
//! the list of recently opened folders. Pure logic: no egui here.
//!
//! A folder's key is a readable slug of its name and a 64-bit FNV-1a hash of
//! its canonical path, written here rather than taken from std's hasher,
//! which may change between Rust versions: a student's notes must be found
//! again after the app is rebuilt.

use std::path::{Path, PathBuf};

/// How many folders "Recent datasets" keeps.
pub const RECENT_MAX: usize = 8;

/// The longest slug a key starts with, in characters.
const SLUG_MAX: usize = 32;

/// The folder, inside the app's storage folder, that holds one folder per
/// dataset other than the bundled one.
pub const DATASETS_FOLDER: &str = "datasets";

/// The notes file's name, in the storage folder or a dataset's folder in it.
pub const NOTES_FILE: &str = "notes.json";

/// The quiz memory's name, beside the notes.
pub const MEMORY_FILE: &str = "quiz-memory.json";

/// The 64-bit FNV-1a hash of `bytes`: stable across platforms and versions.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// A folder name as lower-case ASCII letters and digits joined by single
/// hyphens ("My Unit (2025)" becomes "my-unit-2025"); "dataset" if nothing
/// is left.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() == SLUG_MAX {
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "dataset".to_owned()
    } else {
        slug.to_owned()
    }
}

/// The key of the folder at `canonical` (already made absolute and free of
/// links): its name's slug, a hyphen and 16 hex digits of the path's hash.
pub fn key_for_canonical(canonical: &Path) -> String {
    let name = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hash = fnv1a64(canonical.as_os_str().as_encoded_bytes());
    format!("{}-{hash:016x}", slug(&name))
}

/// `folder` made absolute, with links and `..` resolved where the folder
/// exists; as absolute as can be otherwise.
pub fn canonical(folder: &Path) -> PathBuf {
    std::fs::canonicalize(folder)
        .or_else(|_| std::path::absolute(folder))
        .unwrap_or_else(|_| folder.to_path_buf())
}

/// The key under which the dataset in `folder` keeps its notes, progress and
/// reading places.
pub fn dataset_key(folder: &Path) -> String {
    key_for_canonical(&canonical(folder))
}

/// Where a dataset's notes and quiz memory are saved, inside the app's
/// storage folder `storage`: the bundled dataset (`key` None) keeps the files
/// it always had, so no student loses anything; another keeps them in
/// `datasets/<key>/`.
pub fn saved_files(storage: &Path, key: Option<&str>) -> (PathBuf, PathBuf) {
    let folder = match key {
        None => storage.to_path_buf(),
        Some(key) => storage.join(DATASETS_FOLDER).join(key),
    };
    (folder.join(NOTES_FILE), folder.join(MEMORY_FILE))
}

/// Puts `folder` first in `recent`, once, keeping at most [`RECENT_MAX`].
pub fn remember(recent: &mut Vec<String>, folder: &str) {
    recent.retain(|f| f != folder);
    recent.insert(0, folder.to_owned());
    recent.truncate(RECENT_MAX);
}

/// One line of "Recent datasets".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentEntry {
    /// The folder, as remembered.
    pub folder: String,
    /// The folder (or unit file) is no longer there (moved, deleted, an
    /// unplugged drive).
    pub missing: bool,
}

/// The recent folders, most recent first, each marked missing if it is gone.
pub fn recent_entries(recent: &[String]) -> Vec<RecentEntry> {
    recent
        .iter()
        .take(RECENT_MAX)
        .map(|folder| RecentEntry {
            folder: folder.clone(),
            missing: !crate::dataset::archive::opens_as_dataset(Path::new(folder)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_key_is_a_readable_slug_and_a_stable_hash() {
        let key = key_for_canonical(Path::new("/home/teacher/My Unit (2025)"));
        assert_eq!(
            key,
            format!(
                "my-unit-2025-{:016x}",
                fnv1a64(b"/home/teacher/My Unit (2025)")
            )
        );
        // The same path always gives the same key; another path another one,
        // even with the same folder name.
        assert_eq!(
            key,
            key_for_canonical(Path::new("/home/teacher/My Unit (2025)"))
        );
        assert_ne!(
            key,
            key_for_canonical(Path::new("/home/other/My Unit (2025)"))
        );
    }

    #[test]
    fn slugs_are_short_and_never_empty() {
        assert_eq!(slug("founding-of-the-un"), "founding-of-the-un");
        assert_eq!(slug("  Türkmen  taryhy  "), "t-rkmen-taryhy");
        assert_eq!(slug("Тема"), "dataset");
        assert_eq!(slug(""), "dataset");
        assert_eq!(slug(&"x".repeat(100)).len(), SLUG_MAX);
        assert!(!slug("a b c d e f g h i j k l m n o p q r s t").ends_with('-'));
    }

    #[test]
    fn the_key_of_a_folder_does_not_depend_on_how_it_was_named() {
        let dir = std::env::temp_dir().join(format!("nr-key-test-{}", std::process::id()));
        let inner = dir.join("unit");
        assert!(std::fs::create_dir_all(&inner).is_ok());
        let by_dots = dir.join("unit").join("..").join("unit");
        assert_eq!(dataset_key(&inner), dataset_key(&by_dots));
        assert!(dataset_key(&inner).starts_with("unit-"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_bundled_dataset_keeps_its_files_and_others_get_their_own() {
        let storage = Path::new("/s");
        assert_eq!(
            saved_files(storage, None),
            (
                PathBuf::from("/s/notes.json"),
                PathBuf::from("/s/quiz-memory.json")
            )
        );
        assert_eq!(
            saved_files(storage, Some("unit-0123")),
            (
                PathBuf::from("/s/datasets/unit-0123/notes.json"),
                PathBuf::from("/s/datasets/unit-0123/quiz-memory.json")
            )
        );
    }

    #[test]
    fn the_recent_list_puts_the_last_first_once_and_keeps_eight() {
        let mut recent = Vec::new();
        for n in 0..10 {
            remember(&mut recent, &format!("/d/{n}"));
        }
        assert_eq!(recent.len(), RECENT_MAX);
        assert_eq!(recent[0], "/d/9");
        assert_eq!(recent[7], "/d/2");
        remember(&mut recent, "/d/5");
        assert_eq!(recent[0], "/d/5");
        assert_eq!(recent.iter().filter(|f| *f == "/d/5").count(), 1);
        assert_eq!(recent.len(), RECENT_MAX);
        assert_eq!(recent[1], "/d/9");
    }

    #[test]
    fn a_vanished_folder_is_marked_missing() {
        let here = std::env::temp_dir().display().to_string();
        let gone = "/no/such/folder/for/the/reader".to_owned();
        let entries = recent_entries(&[here.clone(), gone.clone()]);
        assert_eq!(
            entries,
            vec![
                RecentEntry {
                    folder: here,
                    missing: false
                },
                RecentEntry {
                    folder: gone,
                    missing: true
                }
            ]
        );
    }
}
