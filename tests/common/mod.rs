//! Helpers shared by the integration tests: a scratch copy of the bundled dataset.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The bundled dataset folder.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// A fresh copy of `data/` in a temporary folder, to break without harm.
pub fn data_copy() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_dir(&data_dir(), dir.path());
    dir
}
