//! The browser's stand-in for [`DatasetWatch`]: a page cannot watch a folder
//! (it is given a unit file's bytes, never a folder to follow), so a watch
//! never starts and the session says so as it does for a unit file.

use std::path::Path;

/// A watch that a browser cannot keep.
#[derive(Debug)]
pub struct DatasetWatch;

/// Why there is no watch in the browser.
fn unsupported() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "a browser cannot follow a folder's changes",
    )
}

impl DatasetWatch {
    /// Always refused in the browser.
    pub fn start(_folder: &Path, _wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        Err(unsupported())
    }

    /// Always refused in the browser.
    pub fn until_there(_folder: &Path, _wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        Err(unsupported())
    }

    /// Never: nothing is watched.
    pub fn changed(&self) -> bool {
        false
    }
}
