//! The dataset's lifecycle: which dataset is on screen and where it came
//! from, the folder waited for that did not load yet, the problems of the
//! last load that failed, and the watches that reload a folder when it is
//! saved. No window here: what comes to be shown is handed to the app as an
//! [`Arrival`], which the app puts on screen.

mod loading;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::dataset::{Dataset, LoadError, Problem};
use crate::ui::dataset_watch::DatasetWatch;
use crate::ui::datasets;
use crate::ui::timeline::TimelineIndex;

pub use loading::{LoadProgress, LoadStage};
use loading::{Loaded, Loading, Purpose};

/// Where the dataset came from, and what went wrong loading the one asked for.
#[derive(Clone, Debug, Default)]
pub struct DataOrigin {
    /// A folder given with `--data`, if any.
    pub folder: Option<String>,
    /// Problems that kept that folder from loading; the bundled dataset is shown instead.
    pub problems: Vec<Problem>,
}

/// The dataset on screen: the bundled one or a folder's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DatasetSource {
    /// Compiled into the binary.
    #[default]
    Bundled,
    /// Read from this folder (as the reader named it).
    Folder(PathBuf),
}

impl DatasetSource {
    /// The key that names this dataset's own saved files
    /// ([`datasets::dataset_key`]); `None` for the bundled dataset.
    pub fn key(&self) -> Option<String> {
        match self {
            DatasetSource::Bundled => None,
            DatasetSource::Folder(folder) => Some(datasets::dataset_key(folder)),
        }
    }

    /// The folder's name, as the window gives it; `None` for the bundled dataset.
    pub fn folder_name(&self) -> Option<String> {
        match self {
            DatasetSource::Bundled => None,
            DatasetSource::Folder(folder) => Some(folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )),
        }
    }
}

/// Called from a watch's thread when a watched folder changed (the window
/// repaints, so that the next frame polls).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// A dataset to put on screen.
pub struct Arrival {
    /// The dataset, loaded; shared with the loader that writes its cache.
    pub dataset: Arc<Dataset>,
    /// Its timelines, when they were built off the window's thread.
    pub timeline: Option<TimelineIndex>,
    /// Where it came from.
    pub source: DatasetSource,
    /// It is the dataset on screen again (the same folder): the reader's
    /// places and choices are kept where they still exist.
    pub same: bool,
    /// The reader asked for it (or it was waited for): it goes to the top of
    /// the recent folders.
    pub remember: bool,
}

/// The `--data` folder's load, started before the window opened so that
/// reading it overlaps the window's own start; the session takes it over
/// ([`DatasetSession::open_started`]).
pub struct StartedLoad {
    folder: PathBuf,
    state: Result<Loaded, Loading>,
}

impl StartedLoad {
    /// Starts reading `folder` on a thread; `wake` is called when it is
    /// done; validated units are kept in `cache`, if given.
    pub fn start(folder: &Path, wake: Wake, cache: Option<PathBuf>) -> Self {
        Self {
            folder: folder.to_path_buf(),
            state: Loading::start(
                folder,
                Purpose::Start,
                (Some(Duration::ZERO), cache),
                Some(wake),
            ),
        }
    }
}

/// What holds a [`StartedLoad::held`] load at its stage: while it lives,
/// the load goes on; dropped, the load is lost (said as a problem).
pub struct HeldLoad {
    _sender: std::sync::mpsc::Sender<Loaded>,
}

impl StartedLoad {
    /// A load of `folder` that reads nothing and stays at `progress` while
    /// the [`HeldLoad`] lives: the window while a unit is read, for the
    /// tests of every text's contrast and place.
    pub fn held(folder: &Path, progress: LoadProgress) -> (Self, HeldLoad) {
        let (loading, send) = Loading::held(folder, progress);
        let started = Self {
            folder: folder.to_path_buf(),
            state: Err(loading),
        };
        (started, HeldLoad { _sender: send })
    }
}

/// Why "Open dataset folder" did not put a dataset on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenFailure {
    /// The path names nothing.
    NoSuchFolder,
    /// The path names a file, not a folder.
    NotAFolder,
    /// The folder's dataset did not load: it is waited for, its problems listed.
    DidNotLoad {
        /// How many problems are listed.
        count: usize,
    },
}

/// When the problems came to be listed, which decides how they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemsFrom {
    /// At start (`--data`, or the folder open at the last close): the list
    /// waits for a click.
    Start,
    /// The reader just asked for the folder, or saved a change to the one
    /// waited for: listed at once.
    Asked,
    /// The dataset on screen, which loaded before it was changed: the last
    /// good version stays on screen.
    Reload,
}

/// A folder that did not load, and why.
#[derive(Clone, Debug)]
pub struct LoadProblems {
    /// The folder, as the reader named it (`None`: the bundled dataset).
    pub folder: Option<PathBuf>,
    /// What is wrong, each with its place.
    pub problems: Vec<Problem>,
    /// When they came to be listed.
    pub from: ProblemsFrom,
}

impl LoadProblems {
    /// The problems of `folder` (`None`: the bundled dataset), as listed `from`.
    fn new(folder: Option<&Path>, error: LoadError, from: ProblemsFrom) -> Self {
        Self {
            folder: folder.map(Path::to_path_buf),
            problems: error.problems,
            from,
        }
    }

    /// It is the dataset on screen that no longer loads.
    pub fn after_reload(&self) -> bool {
        self.from == ProblemsFrom::Reload
    }

    /// The list is open at once, not behind a click.
    pub fn list_open(&self) -> bool {
        self.from != ProblemsFrom::Start
    }
}

/// A folder the reader asked for that did not load: watched, it opens as
/// soon as it does.
#[derive(Debug)]
pub struct Waiting {
    /// The folder, as the reader named it.
    pub folder: PathBuf,
    watch: Option<DatasetWatch>,
}

/// The dataset's lifecycle (see the module's doc).
///
/// Invariants: a folder waited for is never the one on screen's only copy
/// (the dataset on screen always loaded); the watch on screen watches
/// `shown`'s folder; [`Self::problems`] belong to the folder waited for, or
/// to `shown` after a reload that failed.
pub struct DatasetSession {
    shown: DatasetSource,
    waiting: Option<Waiting>,
    problems: Option<LoadProblems>,
    /// The watch on the folder on screen: a saved change reloads it.
    watch: Option<DatasetWatch>,
    /// Why a folder could not be watched.
    watch_problem: Option<String>,
    /// When the dataset on screen was last reloaded after a change.
    reloaded_at: Option<String>,
    /// `None`: nothing is watched (no window to wake).
    wake: Option<Wake>,
    /// How many times a folder was read: the code view of a problem reads
    /// its file again after each.
    loads: u64,
    /// A folder being read on its own thread.
    loading: Option<Loading>,
    /// How long a load is waited for before the window goes on without it
    /// (`None`: until it is done).
    load_wait: Option<Duration>,
    /// Where validated units are kept, so that a unit opened again is read
    /// back rather than parsed and checked again (`None`: nowhere, as in
    /// tests, which must not write to the reader's cache).
    unit_cache: Option<PathBuf>,
}

impl DatasetSession {
    /// The session as the window opens: the folder of `origin` on screen if
    /// it loaded, else the bundled dataset, with that folder waited for and
    /// its problems listed (behind a click).
    pub fn new(origin: DataOrigin, wake: Option<Wake>) -> Self {
        let DataOrigin { folder, problems } = origin;
        let folder = folder.map(PathBuf::from);
        let mut session = Self {
            shown: DatasetSource::Bundled,
            waiting: None,
            problems: None,
            watch: None,
            watch_problem: None,
            reloaded_at: None,
            wake,
            loads: 0,
            loading: None,
            load_wait: None,
            unit_cache: None,
        };
        match folder {
            Some(folder) if problems.is_empty() => {
                session.watch = session.watch(&folder);
                session.shown = DatasetSource::Folder(folder);
            }
            Some(folder) => {
                session.wait_for(&folder);
                let error = LoadError { problems };
                session.problems =
                    Some(LoadProblems::new(Some(&folder), error, ProblemsFrom::Start));
            }
            None if !problems.is_empty() => {
                let error = LoadError { problems };
                session.problems = Some(LoadProblems::new(None, error, ProblemsFrom::Start));
            }
            None => {}
        }
        session
    }

    /// Where the dataset on screen came from.
    pub fn shown(&self) -> &DatasetSource {
        &self.shown
    }

    /// The folder waited for, if any.
    pub fn waiting(&self) -> Option<&Path> {
        self.waiting.as_ref().map(|w| w.folder.as_path())
    }

    /// The problems of the last load that failed, while listed.
    pub fn problems(&self) -> Option<&LoadProblems> {
        self.problems.as_ref()
    }

    /// Why a folder could not be watched.
    pub fn watch_problem(&self) -> Option<&str> {
        self.watch_problem.as_deref()
    }

    /// When the dataset on screen was last reloaded after a change.
    pub fn reloaded_at(&self) -> Option<&str> {
        self.reloaded_at.as_deref()
    }

    /// How many times a folder has been read.
    pub fn loads(&self) -> u64 {
        self.loads
    }

    /// Waits at most `wait` for a folder to load before the window goes on
    /// without it; the dataset then arrives by [`Self::poll`]. Without this,
    /// a load is waited for until it is done.
    pub fn set_load_wait(&mut self, wait: Duration) {
        self.load_wait = Some(wait);
    }

    /// Where validated units are kept, if anywhere.
    pub fn unit_cache(&self) -> Option<&Path> {
        self.unit_cache.as_deref()
    }

    /// Keeps validated units in `dir` (see the field).
    pub fn set_unit_cache(&mut self, dir: PathBuf) {
        self.unit_cache = Some(dir);
    }

    /// The folder being read, if one is.
    pub fn loading(&self) -> Option<&Path> {
        self.loading.as_ref().map(|l| l.folder.as_path())
    }

    /// How far the folder being read has come, if one is.
    pub fn loading_progress(&self) -> Option<LoadProgress> {
        self.loading.as_ref().map(Loading::progress)
    }

    /// Whether "Reload now" has something to reload.
    pub fn can_reload(&self) -> bool {
        self.shown != DatasetSource::Bundled || self.waiting.is_some()
    }

    /// Whether the bundled dataset is on screen and nothing is waited for.
    pub fn bundled_open(&self) -> bool {
        self.shown == DatasetSource::Bundled && self.waiting.is_none()
    }

    /// What changed since the last poll: a folder read in the background
    /// arrived, the folder on screen reloaded, or the folder waited for now
    /// loads. A reload that fails keeps the dataset on screen and lists the
    /// problems.
    pub fn poll(&mut self) -> Option<Arrival> {
        if let Some(loaded) = self.loading.as_ref().and_then(Loading::poll)
            && let Some(loading) = self.loading.take()
        {
            return self.loaded(&loading.folder, loading.purpose, loaded).ok();
        }
        if self.watch.as_ref().is_some_and(DatasetWatch::changed)
            && let Some(arrival) = self.reload_shown()
        {
            return Some(arrival);
        }
        let waited_changed = self
            .waiting
            .as_ref()
            .and_then(|w| w.watch.as_ref())
            .is_some_and(DatasetWatch::changed);
        if waited_changed {
            return self.try_waiting();
        }
        None
    }

    /// "Open dataset folder": the folder's dataset, or why not; `Ok(None)`
    /// while it is read in the background (it arrives by [`Self::poll`]).
    /// One that does not load is waited for and its problems listed.
    pub fn open_folder(&mut self, folder: &Path) -> Result<Option<Arrival>, OpenFailure> {
        // A unit file (`.zip`) opens wherever a folder does.
        if !crate::dataset::archive::opens_as_dataset(folder) {
            return Err(if folder.exists() {
                OpenFailure::NotAFolder
            } else {
                OpenFailure::NoSuchFolder
            });
        }
        match self.load(folder, Purpose::Open) {
            Some(Ok(arrival)) => Ok(Some(arrival)),
            Some(Err(count)) => Err(OpenFailure::DidNotLoad { count }),
            None => Ok(None),
        }
    }

    /// The folder given with `--data`, read as the window opens: on screen
    /// when it loads; if it does not, waited for, its problems listed behind
    /// a click. `None` while it is read in the background, or if it failed.
    pub fn open_at_start(&mut self, folder: &Path) -> Option<Arrival> {
        self.load(folder, Purpose::Start)?.ok()
    }

    /// A load of the `--data` folder started before the window opened, as
    /// [`Self::open_at_start`] would have started it: waited for as long as
    /// any load is ([`Self::set_load_wait`]), then left to arrive by
    /// [`Self::poll`].
    pub fn open_started(&mut self, started: StartedLoad) -> Option<Arrival> {
        let StartedLoad { folder, state } = started;
        self.loading = None;
        let loaded = match state {
            Ok(loaded) => loaded,
            Err(loading) => match loading.wait(self.load_wait) {
                Some(loaded) => loaded,
                None => {
                    self.loading = Some(loading);
                    return None;
                }
            },
        };
        self.loaded(&folder, Purpose::Start, loaded).ok()
    }

    /// The folder that was on screen at the last close, if the bundled
    /// dataset is on screen now and nothing is waited for. A folder that has
    /// gone is left; one that no longer loads is waited for, its problems
    /// listed behind a click.
    pub fn reopen_last(&mut self, folder: &Path) -> Option<Arrival> {
        if self.shown != DatasetSource::Bundled
            || self.waiting.is_some()
            || self.loading.is_some()
            || !crate::dataset::archive::opens_as_dataset(folder)
        {
            return None;
        }
        self.open_at_start(folder)
    }

    /// "Reload now": the folder whose problems are listed, else the one on screen.
    pub fn reload_now(&mut self) -> Option<Arrival> {
        let waiting_listed = self.problems.as_ref().is_some_and(|p| !p.after_reload());
        if self.waiting.is_some() && (waiting_listed || self.shown == DatasetSource::Bundled) {
            self.try_waiting()
        } else {
            self.reload_shown()
        }
    }

    /// Back to the bundled dataset: nothing waited for, read or watched any
    /// more. `None` if it is on screen already (or, impossibly, does not
    /// load: then its problems are listed).
    pub fn open_bundled(&mut self) -> Option<Arrival> {
        self.loading = None;
        self.waiting = None;
        self.problems = None;
        self.watch = None;
        self.watch_problem = None;
        if self.shown == DatasetSource::Bundled {
            return None;
        }
        match Dataset::embedded().map(Arc::new) {
            Ok(dataset) => Some(self.arrive((dataset, None), DatasetSource::Bundled, false)),
            Err(error) => {
                self.problems = Some(LoadProblems::new(None, error, ProblemsFrom::Asked));
                None
            }
        }
    }

    /// Hides the problems; a folder that did not load is no longer waited for.
    pub fn hide_problems(&mut self) {
        self.problems = None;
        self.waiting = None;
    }

    /// Reads `folder` for `purpose`, on a thread: what it gave, if it was
    /// done within the wait (see [`Self::set_load_wait`]). A load under way
    /// is replaced: its result is not wanted any more.
    fn load(&mut self, folder: &Path, purpose: Purpose) -> Option<Result<Arrival, usize>> {
        self.loading = None;
        let how = (self.load_wait, self.unit_cache.clone());
        match Loading::start(folder, purpose, how, self.wake.clone()) {
            Ok(loaded) => Some(self.loaded(folder, purpose, loaded)),
            Err(loading) => {
                self.loading = Some(loading);
                None
            }
        }
    }

    /// What a load of `folder` for `purpose` gave: the dataset to put on
    /// screen, or how many problems were listed.
    fn loaded(
        &mut self,
        folder: &Path,
        purpose: Purpose,
        loaded: Loaded,
    ) -> Result<Arrival, usize> {
        self.loads += 1;
        let error = match loaded {
            Ok((dataset, timeline)) if purpose == Purpose::ReloadShown => {
                if self
                    .problems
                    .as_ref()
                    .is_some_and(LoadProblems::after_reload)
                {
                    self.problems = None;
                }
                let source = DatasetSource::Folder(folder.to_path_buf());
                return Ok(self.arrive((dataset, Some(timeline)), source, false));
            }
            Ok((dataset, timeline)) => {
                return Ok(self.switch_to_folder((dataset, Some(timeline)), folder));
            }
            Err(error) => error,
        };
        let count = error.problems.len();
        let from = match purpose {
            Purpose::Open | Purpose::TryWaiting => ProblemsFrom::Asked,
            Purpose::Start => ProblemsFrom::Start,
            // The last good version stays on screen.
            Purpose::ReloadShown => ProblemsFrom::Reload,
        };
        if purpose != Purpose::ReloadShown {
            // Waited for, and watched afresh: gone and back, or not there at all.
            self.wait_for(folder);
        }
        self.problems = Some(LoadProblems::new(Some(folder), error, from));
        Err(count)
    }

    /// The folder on screen changed: reload it; if it no longer loads, the
    /// last good version stays and the problems are listed.
    fn reload_shown(&mut self) -> Option<Arrival> {
        let DatasetSource::Folder(folder) = self.shown.clone() else {
            return None;
        };
        // Watched afresh before it is read: a folder deleted and made again
        // is another folder to the system, and the old watch ended with the
        // old one; one gone is looked for until it is back.
        self.watch = self.watch(&folder);
        self.load(&folder, Purpose::ReloadShown)?.ok()
    }

    /// Tries the folder waited for: on screen if it loads now, its problems
    /// listed again if not.
    fn try_waiting(&mut self) -> Option<Arrival> {
        let folder = self.waiting.as_ref()?.folder.clone();
        self.load(&folder, Purpose::TryWaiting)?.ok()
    }

    /// The folder's dataset goes on screen, watched; nothing is waited for.
    fn switch_to_folder(
        &mut self,
        dataset: (Arc<Dataset>, Option<TimelineIndex>),
        folder: &Path,
    ) -> Arrival {
        self.waiting = None;
        self.problems = None;
        self.watch_problem = None;
        self.watch = self.watch(folder);
        self.arrive(dataset, DatasetSource::Folder(folder.to_path_buf()), true)
    }

    fn arrive(
        &mut self,
        (dataset, timeline): (Arc<Dataset>, Option<TimelineIndex>),
        source: DatasetSource,
        remember: bool,
    ) -> Arrival {
        let same = source.key() == self.shown.key();
        self.reloaded_at = same.then(|| chrono::Local::now().format("%H:%M:%S").to_string());
        self.shown = source.clone();
        Arrival {
            dataset,
            timeline,
            source,
            same,
            remember,
        }
    }

    fn wait_for(&mut self, folder: &Path) {
        let watch = self.watch(folder);
        self.waiting = Some(Waiting {
            folder: folder.to_path_buf(),
            watch,
        });
    }

    /// A watch on `folder`, or `None` where there is no window to wake or
    /// it cannot be watched (then [`Self::watch_problem`] says why).
    fn watch(&mut self, folder: &Path) -> Option<DatasetWatch> {
        let wake = self.wake.clone()?;
        // A unit file is a unit to read, not one being written: it is read
        // once, and "Reload now" reads it again. (Watched as one file, it
        // would be lost at its first save, which renames a new file over it.)
        if crate::dataset::archive::is_zip_path(folder) && !folder.is_dir() {
            self.watch_problem = Some(crate::i18n::tr("open.zip_not_watched").to_owned());
            return None;
        }
        let watch = if folder.is_dir() {
            DatasetWatch::start(folder, move || wake())
        } else {
            DatasetWatch::until_there(folder, move || wake())
        };
        match watch {
            Ok(watch) => Some(watch),
            Err(error) => {
                self.watch_problem = Some(error.to_string());
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
