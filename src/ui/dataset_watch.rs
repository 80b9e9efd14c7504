//! Live reload for authors: the open dataset's folder is watched (with the
//! `notify` crate, recursively); once its files have been quiet for
//! [`QUIET`] after a change, the app is told through a channel and asked to
//! repaint, and reloads the dataset on its next frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

/// How long the files must stay unchanged before a reload: an editor's save
/// is often several writes (a temporary file, a rename, a change of mode).
pub const QUIET: Duration = Duration::from_millis(300);

/// How often the files are looked at where the system does not notify.
const POLL: Duration = Duration::from_secs(1);

/// A watch on a dataset folder; dropping it stops the watch and its thread.
pub struct DatasetWatch {
    /// Kept alive for the watch to go on.
    _kept: Kept,
    /// One message per settled burst of changes.
    changes: Receiver<()>,
}

/// What keeps a watch going.
enum Kept {
    /// The system's (or a polling) watcher on the folder.
    Watcher(#[expect(dead_code, reason = "kept for its Drop")] Box<dyn Watcher + Send>),
    /// A look, every [`POLL`], for a folder that is not there (yet): set to
    /// stop the thread that looks.
    Looking(#[expect(dead_code, reason = "kept for its Drop")] StopOnDrop),
}

/// Sets its flag when dropped.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for DatasetWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatasetWatch")
    }
}

/// Whether a file-system event may change the dataset: not a mere read, and
/// about a data file, an image (an author fixing a picture that showed a
/// placeholder sees it at once), a folder, or nothing said.
fn matters(event: &notify::Event) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other
    ) || matches!(event.kind, EventKind::Modify(modify)
    if !matches!(modify, notify::event::ModifyKind::Metadata(
        notify::event::MetadataKind::AccessTime
    )));
    kind && (event.paths.is_empty()
        || event.paths.iter().any(|path| {
            // A data file, an image, or a folder such as articles/ (no extension).
            path.extension().is_none_or(|e| {
                ["ron", "png", "jpg", "jpeg"]
                    .iter()
                    .any(|known| e.eq_ignore_ascii_case(known))
            })
        }))
}

impl DatasetWatch {
    /// Watches `folder` and everything in it; `wake` is called (from the
    /// watch's own thread) when a change has settled, to repaint the window.
    pub fn start(folder: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, notify::Error> {
        let (raw_tx, raw_rx) = mpsc::channel::<()>();
        let handler = |raw_tx: mpsc::Sender<()>| {
            move |event: notify::Result<notify::Event>| {
                // An error of the watch itself (a queue overflow) may hide a change.
                if event.as_ref().map_or(true, matters) {
                    let _ = raw_tx.send(());
                }
            }
        };
        // The system's notifications where they work; where they do not (no
        // more inotify watches to be had, a network drive), a look at the
        // files' times every second.
        let watcher: Box<dyn Watcher + Send> =
            match notify::recommended_watcher(handler(raw_tx.clone())).and_then(|mut w| {
                w.watch(folder, RecursiveMode::Recursive)?;
                Ok(w)
            }) {
                Ok(watcher) => Box::new(watcher),
                Err(_) => {
                    let config = notify::Config::default().with_poll_interval(POLL);
                    let mut watcher = notify::PollWatcher::new(handler(raw_tx), config)?;
                    watcher.watch(folder, RecursiveMode::Recursive)?;
                    Box::new(watcher)
                }
            };
        let (tx, changes) = mpsc::channel();
        std::thread::Builder::new()
            .name("dataset-watch".to_owned())
            .spawn(move || {
                // Ends when the watcher, and with it `raw_tx`, is dropped.
                while raw_rx.recv().is_ok() {
                    loop {
                        match raw_rx.recv_timeout(QUIET) {
                            Ok(()) => {}
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    if tx.send(()).is_err() {
                        return;
                    }
                    wake();
                }
            })
            .map_err(notify::Error::io)?;
        Ok(Self {
            _kept: Kept::Watcher(watcher),
            changes,
        })
    }

    /// Waits for `folder` to be there: a folder deleted (or not made yet)
    /// cannot be watched, and a watch on it ends with it. Looks every
    /// [`POLL`]; [`Self::changed`] says yes once it is there, and `wake` is
    /// called then.
    pub fn until_there(
        folder: &Path,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, notify::Error> {
        let (tx, changes) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let folder: PathBuf = folder.to_path_buf();
        std::thread::Builder::new()
            .name("dataset-folder-wait".to_owned())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    if folder.is_dir() {
                        // Once there, its files may still be being written.
                        std::thread::sleep(QUIET);
                        if tx.send(()).is_ok() {
                            wake();
                        }
                        return;
                    }
                    std::thread::sleep(POLL);
                }
            })
            .map_err(notify::Error::io)?;
        Ok(Self {
            _kept: Kept::Looking(StopOnDrop(stop)),
            changes,
        })
    }

    /// Whether the folder changed since the last call.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while self.changes.try_recv().is_ok() {
            changed = true;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(path: &str) -> notify::Event {
        notify::Event::new(EventKind::Modify(notify::event::ModifyKind::Data(
            notify::event::DataChange::Content,
        )))
        .add_path(PathBuf::from(path))
    }

    #[test]
    fn data_files_images_and_folders_matter_other_files_do_not() {
        for path in [
            "unit/events.ron",
            "unit/articles",
            "unit/assets/map.png",
            "unit/assets/Photo.JPG",
            "unit/assets/photo.jpeg",
        ] {
            assert!(matters(&written(path)), "{path}");
        }
        for path in [
            "unit/.events.ron.swp",
            "unit/notes.txt",
            "unit/assets/map.svg",
        ] {
            assert!(!matters(&written(path)), "{path}");
        }
        let read = notify::Event::new(EventKind::Access(notify::event::AccessKind::Read))
            .add_path(PathBuf::from("unit/events.ron"));
        assert!(!matters(&read));
    }
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    #[test]
    fn a_burst_of_writes_is_one_change_after_a_quiet_moment() {
        let dir = std::env::temp_dir().join(format!("nr-watch-test-{}", std::process::id()));
        assert!(std::fs::create_dir_all(dir.join("articles")).is_ok());
        let woken = Arc::new(AtomicUsize::new(0));
        let counter = woken.clone();
        let watch = DatasetWatch::start(&dir, move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let Ok(watch) = watch else {
            // No file-system notifications on this machine: nothing to test.
            let _ = std::fs::remove_dir_all(&dir);
            return;
        };
        for n in 0..5 {
            assert!(std::fs::write(dir.join("articles").join("a.ron"), format!("{n}")).is_ok());
            std::thread::sleep(Duration::from_millis(20));
        }
        let started = Instant::now();
        while !watch.changed() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(woken.load(Ordering::SeqCst), 1);
        // Reading the files is no change.
        let _ = std::fs::read_to_string(dir.join("articles").join("a.ron"));
        std::thread::sleep(QUIET * 2);
        assert!(!watch.changed());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
