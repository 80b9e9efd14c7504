//! A folder read, parsed and checked on a thread of its own, so that the
//! window never waits for a large unit: the session polls for the result.
//! Its indexes are built after it is on screen (`app::indexes`).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::dataset::{DataFiles, Dataset, ImageSource, LoadError, Problem};
use crate::ui::timeline::TimelineIndex;

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
    progress: Arc<Mutex<LoadProgress>>,
}

/// How far a load has come, for the line under the top bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// The unit's title, once its manifest has been read (`None`: it has
    /// none, or it is not read yet).
    pub title: Option<String>,
    /// What the loading thread is doing.
    pub stage: LoadStage,
}

/// What a load is doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadStage {
    /// Reading the unit's files.
    #[default]
    Reading,
    /// Parsing and checking the records: this many bytes of text.
    Checking {
        /// The size of the unit's text.
        bytes: u64,
    },
}

/// Where a loading thread says how far it has come, and wakes the window
/// to show it.
struct Reporter {
    progress: Arc<Mutex<LoadProgress>>,
    wake: Option<Done>,
}

impl Reporter {
    fn set(&self, change: impl FnOnce(&mut LoadProgress)) {
        if let Ok(mut progress) = self.progress.lock() {
            change(&mut progress);
        }
        if let Some(wake) = &self.wake {
            wake();
        }
    }
}

/// A dataset read with its timelines (built here: 40 ms for 100,000
/// events, which the frame it arrives in should not spend), or why not.
pub(super) type Loaded = Result<Unit, LoadError>;

/// A unit read: its dataset, shared, and its timelines.
pub(super) type Unit = (Arc<Dataset>, TimelineIndex);

/// Reads and checks `folder`, saying how far it has come; with a `cache`
/// folder, a unit opened before with exactly these files is read back from
/// it (`dataset::cache`: a fifth of the time), and one read afresh comes
/// with its cache file, to be written once the unit is on its way.
fn read(folder: &Path, reporter: &Reporter, cache: Option<&Path>) -> (Loaded, Option<Keep>) {
    match read_unit(folder, reporter, cache) {
        Ok((loaded, keep)) => (Ok(loaded), keep),
        Err(error) => (Err(error), None),
    }
}

fn read_unit(
    folder: &Path,
    reporter: &Reporter,
    cache: Option<&Path>,
) -> Result<(Unit, Option<Keep>), LoadError> {
    let started = std::time::Instant::now();
    let files = DataFiles::read_dir(folder)?;
    let read_at = started.elapsed();
    let bytes = text_bytes(&files);
    let title = files.manifest.as_ref().and_then(|m| title_of(&m.text));
    reporter.set(|p| {
        p.title = title;
        p.stage = LoadStage::Checking { bytes };
    });
    let images = ImageSource::folder(folder);
    let (dataset, fresh) = match cache.and_then(|dir| cached(&files, &images, dir)) {
        Some(dataset) => (dataset, false),
        None => (Dataset::from_files_and_images(&files, images)?, true),
    };
    let checked_at = started.elapsed();
    // The files' text (19 MB for 100,000 events) is not needed beyond
    // here: the cache file is found by its key.
    let key = cache.filter(|_| fresh).and_then(|_| cache_key(&files));
    drop(files);
    // The timeline (the Study strip's is a copy of it in one lane, made in
    // a few ms when the strip is first drawn, and only then held); the
    // cache file is made after the unit has gone to the window (`Keep`
    // shares the dataset), so it holds up neither the first frame nor the
    // timeline.
    let dataset = Arc::new(dataset);
    let timeline = TimelineIndex::new(&dataset);
    let keep = cache.zip(key).map(|(dir, key)| Keep {
        dataset: dataset.clone(),
        key,
        dir: dir.to_path_buf(),
    });
    if std::env::var_os("NEUTRALITY_READER_TIMING").is_some() {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let done = started.elapsed();
        eprintln!(
            "neutrality-reader: unit read in {:.0} ms: files {:.0}, {} {:.0}, timelines {:.0}",
            ms(done),
            ms(read_at),
            if fresh {
                "parsed and checked"
            } else {
                "from the cache"
            },
            ms(checked_at - read_at),
            ms(done - checked_at),
        );
    }
    Ok(((dataset, timeline), keep))
}

/// The size of a unit's text: what the progress line says is checked.
fn text_bytes(files: &DataFiles) -> u64 {
    files
        .articles
        .iter()
        .chain(&files.records)
        .chain(&files.manifest)
        .map(|f| f.text.len() as u64)
        .sum()
}

/// The unit of `files` read back from the cache in `dir`, if it is there.
#[cfg(not(target_arch = "wasm32"))]
fn cached(files: &DataFiles, images: &ImageSource, dir: &Path) -> Option<Dataset> {
    crate::dataset::cache::read(files, images, dir)
}

/// A page has no cache (nor a folder to keep one in).
#[cfg(target_arch = "wasm32")]
fn cached(_: &DataFiles, _: &ImageSource, _: &Path) -> Option<Dataset> {
    None
}

/// The key of `files` in the cache of validated units.
#[cfg(not(target_arch = "wasm32"))]
fn cache_key(files: &DataFiles) -> Option<u128> {
    Some(crate::dataset::cache::key(files))
}

/// A page has no cache.
#[cfg(target_arch = "wasm32")]
fn cache_key(_: &DataFiles) -> Option<u128> {
    None
}

/// A unit's cache file, to be made and put in its place after the unit has
/// gone to the window: it reads the dataset the window shows.
pub(super) struct Keep {
    dataset: Arc<Dataset>,
    key: u128,
    dir: PathBuf,
}

impl Keep {
    /// Makes the cache file and puts it in its place.
    fn write(self) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(copy) =
            crate::dataset::cache::CacheCopy::keyed(&self.dataset, self.key, &self.dir)
        {
            copy.write();
        }
        #[cfg(target_arch = "wasm32")]
        let _ = (self.dataset, self.key, self.dir);
    }
}

/// The unit's title from its manifest's text, if it reads: a glance for the
/// progress line, ahead of the manifest's full check.
fn title_of(manifest: &str) -> Option<String> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(16)
        .from_str::<crate::model::Manifest>(manifest)
        .ok()?
        .title
        .filter(|t| !t.trim().is_empty())
}

impl Loading {
    /// Starts reading `folder` on a thread, and waits for it for at most
    /// `wait` (`None`: until it is done), so that a small unit arrives in
    /// the frame that asked for it: `Ok` with the result, or `Err` with the
    /// load still under way. `wake` is called when it is done; `cache` is
    /// where validated units are kept, if anywhere.
    pub fn start(
        folder: &Path,
        purpose: Purpose,
        (wait, cache): (Option<Duration>, Option<PathBuf>),
        wake: Option<Done>,
    ) -> Result<Loaded, Loading> {
        let (send, result) = mpsc::channel();
        let path = folder.to_path_buf();
        let kept = cache.clone();
        let progress = Arc::new(Mutex::new(LoadProgress::default()));
        let reporter = Reporter {
            progress: progress.clone(),
            wake: wake.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("dataset-load".to_owned())
            .spawn(move || {
                // The receiver may be gone (a newer load replaced this one):
                // then the result is not wanted.
                let (loaded, keep) = read(&path, &reporter, kept.as_deref());
                if send.send(loaded).is_ok()
                    && let Some(wake) = wake
                {
                    wake();
                }
                // The cache file is written after: the window need not wait.
                if let Some(keep) = keep {
                    keep.write();
                }
            });
        if spawned.is_err() {
            // No thread to be had: read it here rather than not at all.
            let reporter = Reporter {
                progress,
                wake: None,
            };
            let (loaded, keep) = read(folder, &reporter, cache.as_deref());
            if let Some(keep) = keep {
                keep.write();
            }
            return Ok(loaded);
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
                progress,
            }),
        }
    }

    /// A load that reads nothing: it stays at `progress` until a result is
    /// sent on the sender returned (or the sender is dropped: a lost load).
    /// For tests of the window while a unit is read.
    pub fn held(folder: &Path, progress: LoadProgress) -> (Self, mpsc::Sender<Loaded>) {
        let (send, result) = mpsc::channel();
        let loading = Self {
            folder: folder.to_path_buf(),
            purpose: Purpose::Start,
            result,
            progress: Arc::new(Mutex::new(progress)),
        };
        (loading, send)
    }

    /// The result, waiting for it at most `wait` (`None`: until it is done).
    pub fn wait(&self, wait: Option<Duration>) -> Option<Loaded> {
        let received = match wait {
            None => self
                .result
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => self.result.recv_timeout(wait),
        };
        match received {
            Ok(loaded) => Some(loaded),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Err(lost(&self.folder))),
        }
    }

    /// How far it has come.
    pub fn progress(&self) -> LoadProgress {
        self.progress.lock().map(|p| p.clone()).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn reporter() -> (Reporter, Arc<AtomicUsize>) {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counted = wakes.clone();
        let reporter = Reporter {
            progress: Arc::default(),
            wake: Some(Arc::new(move || {
                counted.fetch_add(1, Ordering::SeqCst);
            })),
        };
        (reporter, wakes)
    }

    #[test]
    fn a_load_says_the_unit_s_title_and_how_much_it_checks() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
        let (reporter, wakes) = reporter();
        assert_eq!(reporter.progress.lock().unwrap().stage, LoadStage::Reading);
        let (loaded, keep) = read(&folder, &reporter, None);
        let (dataset, timeline) = loaded.unwrap();
        assert!(keep.is_none(), "no cache folder, nothing to keep");
        let progress = reporter.progress.lock().unwrap().clone();
        assert_eq!(progress.title, dataset.manifest.title);
        assert_eq!(
            progress.title.as_deref(),
            Some("The founding of the United Nations")
        );
        // Every .ron file of the unit, as the disk has it (LF line ends).
        let size = |dir: &Path| -> u64 {
            std::fs::read_dir(dir)
                .unwrap()
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                .map(|e| e.metadata().unwrap().len())
                .sum()
        };
        let bytes = size(&folder) + size(&folder.join("articles"));
        assert!(bytes > 10_000);
        assert_eq!(progress.stage, LoadStage::Checking { bytes });
        // The window was woken to show the new stage.
        assert_eq!(wakes.load(Ordering::SeqCst), 1);
        // The timelines came with it, built on this thread.
        assert_eq!(timeline.by_category.len(), dataset.events.len());
    }

    #[test]
    fn a_unit_read_again_comes_back_from_the_cache_the_same() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
        let cache = tempfile::tempdir().unwrap();
        let (reporter, _) = reporter();
        let (loaded, keep) = read(&folder, &reporter, Some(cache.path()));
        let (first, _) = loaded.unwrap();
        // The cache file is put in place only when asked, after the unit is
        // sent (until then it is a hidden temporary file).
        let placed = || {
            std::fs::read_dir(cache.path())
                .unwrap()
                .flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with(".unit-"))
                .count()
        };
        assert_eq!(placed(), 0);
        keep.expect("a unit read afresh comes with its cache file")
            .write();
        let kept: Vec<_> = std::fs::read_dir(cache.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(kept[0].starts_with("unit-") && kept[0].ends_with(".bin"));
        let (loaded, keep) = read(&folder, &reporter, Some(cache.path()));
        assert!(keep.is_none(), "a unit from the cache is not written again");
        let (again, timeline) = loaded.unwrap();
        assert_eq!(again.events, first.events);
        assert_eq!(again.articles, first.articles);
        assert_eq!(again.organizations, first.organizations);
        assert_eq!(timeline.by_category.len(), again.events.len());
    }

    #[test]
    fn a_unit_goes_to_the_window_and_its_cache_file_is_written_after() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
        let cache = tempfile::tempdir().unwrap();
        let dir = Some(cache.path().to_path_buf());
        let Ok(Ok((first, _))) = Loading::start(&folder, Purpose::Open, (None, dir.clone()), None)
        else {
            panic!("the unit should load");
        };
        // The loading thread makes the cache file after sending the unit,
        // from the dataset it shares with the window.
        let placed = || {
            std::fs::read_dir(cache.path())
                .unwrap()
                .flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".bin"))
        };
        let until = std::time::Instant::now() + Duration::from_secs(20);
        while !placed() && std::time::Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(placed(), "the cache file was never written");
        let Ok(Ok((again, _))) = Loading::start(&folder, Purpose::Open, (None, dir), None) else {
            panic!("the unit should load again");
        };
        assert_eq!(again.events, first.events);
        assert_eq!(again.organizations, first.organizations);
    }

    #[test]
    fn a_manifest_without_a_title_or_that_does_not_read_gives_none() {
        assert_eq!(title_of("(title: \"A unit\")"), Some("A unit".to_owned()));
        assert_eq!(title_of("(subject: \"Austria\")"), None);
        assert_eq!(title_of("(title: \"   \")"), None);
        assert_eq!(title_of("(title: "), None);
        assert_eq!(title_of(&"(".repeat(10_000)), None);
    }
}
