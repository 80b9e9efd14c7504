//! A folder read, parsed and checked on a thread of its own, so that the
//! window never waits for a large unit: the session polls for the result.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use crate::dataset::{Dataset, LoadError, Problem};
use crate::links::LinkIndex;
use crate::search::SearchIndex;

/// Called from the loading thread when it is done (the session's `Wake`).
pub(super) type Done = std::sync::Arc<dyn Fn() + Send + Sync>;

/// What a load is for, which decides what its result does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Purpose {
    /// "Open dataset folder": the problems are listed at once.
    Open,
    /// At start (`--data`, or the folder open at the last close): the
    /// problems wait for a click.
    Start,
    /// The folder on screen changed: the last good version stays if it no
    /// longer loads.
    ReloadShown,
    /// The folder waited for changed or "Reload now" was asked.
    TryWaiting,
}

/// A load under way.
pub(super) struct Loading {
    pub folder: PathBuf,
    pub purpose: Purpose,
    result: Receiver<Loaded>,
}

/// What is derived from a dataset once and is slow on a large one (the
/// Ctrl+K index and the links: 1.1 s and 0.7 s for a 100 MB unit), built on
/// the loading thread so that the frame the unit arrives in does not wait.
pub struct Indexes {
    /// The Ctrl+K search index.
    pub search: SearchIndex,
    /// The names, numbers and dates in the text that are links.
    pub links: LinkIndex,
}

impl Indexes {
    /// The indexes of `dataset`.
    pub fn of(dataset: &Dataset) -> Self {
        Self {
            search: SearchIndex::new(dataset),
            links: LinkIndex::new(dataset),
        }
    }
}

/// A dataset read with its indexes, or why not.
pub(super) type Loaded = Result<(Dataset, Indexes), LoadError>;

/// Reads and checks `folder`, then indexes what loaded.
fn read(folder: &Path) -> Loaded {
    Dataset::load_dir(folder).map(|dataset| {
        let indexes = Indexes::of(&dataset);
        (dataset, indexes)
    })
}

impl Loading {
    /// Starts reading `folder` on a thread, and waits for it for at most
    /// `wait` (`None`: until it is done), so that a small unit arrives in
    /// the frame that asked for it: `Ok` with the result, or `Err` with the
    /// load still under way. `wake` is called when it is done.
    pub fn start(
        folder: &Path,
        purpose: Purpose,
        wait: Option<Duration>,
        wake: Option<Done>,
    ) -> Result<Loaded, Loading> {
        let (send, result) = mpsc::channel();
        let path = folder.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("dataset-load".to_owned())
            .spawn(move || {
                // The receiver may be gone (a newer load replaced this one):
                // then the result is not wanted.
                if send.send(read(&path)).is_ok()
                    && let Some(wake) = wake
                {
                    wake();
                }
            });
        if spawned.is_err() {
            // No thread to be had: read it here rather than not at all.
            return Ok(read(folder));
        }
        let received = match wait {
            None => result.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => result.recv_timeout(wait),
        };
        match received {
            Ok(loaded) => Ok(loaded),
            Err(RecvTimeoutError::Disconnected) => Ok(Err(lost(folder))),
            Err(RecvTimeoutError::Timeout) => Err(Self {
                folder: folder.to_path_buf(),
                purpose,
                result,
            }),
        }
    }

    /// The result, once it is ready.
    pub fn poll(&self) -> Option<Loaded> {
        match self.result.try_recv() {
            Ok(loaded) => Some(loaded),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(lost(&self.folder))),
        }
    }
}

/// The loading thread ended without a result: it panicked, which the
/// loader never should; said as a problem rather than waited for forever.
fn lost(folder: &Path) -> LoadError {
    LoadError {
        problems: vec![Problem::in_file(
            &folder.display().to_string(),
            "reading this folder stopped with an internal error; please report it",
        )],
    }
}
