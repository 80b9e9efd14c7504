//! The reader's saved files, with one owner: where the settings are kept
//! (`settings.json` in the app's storage folder, or eframe's store), where
//! each dataset's notes and quiz memory live, and the notices about the
//! saved settings shown until the reader puts them away.

use std::path::{Path, PathBuf};
use std::time::Duration;

use web_time::Instant;

use super::session::DatasetSource;
use crate::ui::datasets;
use crate::ui::saved_settings::{self, ReadSettings, SettingsNotice, SettingsStore};
use crate::ui::state::Settings;

/// Where one dataset's own files are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetFiles {
    /// The notes and highlights (`None`: kept in memory only).
    pub notes: Option<PathBuf>,
    /// The quiz memory: spaced repetition and scores (`None`: in memory only).
    pub quiz_memory: Option<PathBuf>,
}

/// The saved files' places and their notices.
#[derive(Debug, Default)]
pub struct SavedFiles {
    /// The app's storage folder: settings, and notes and quiz memory per dataset.
    storage_dir: Option<PathBuf>,
    /// Files given for the bundled dataset (by `main`, or a test), which
    /// win over the storage folder's.
    bundled: DatasetFiles,
    /// Where the settings are saved.
    settings_store: SettingsStore,
    /// What the reader should know about the saved settings, oldest first.
    notices: Vec<SettingsNotice>,
    /// When [`Self::save_settings_on_change`] last wrote.
    settings_written_at: Option<Instant>,
}

/// The least time between two writes of changed settings.
pub const SETTINGS_WRITE_GAP: Duration = Duration::from_secs(1);

impl SavedFiles {
    /// Keeps the settings in `settings.json` in `dir`, and the datasets'
    /// notes and quiz memory there too. Returns the settings read from it,
    /// if any; a file that cannot be used is noticed, and one from a newer
    /// version of the app is never written over.
    pub fn use_storage_dir(&mut self, dir: PathBuf) -> Option<Settings> {
        let file = dir.join(saved_settings::SETTINGS_FILE);
        self.storage_dir = Some(dir);
        // What the file holds, so that only a change is written (a missing
        // file is written at once, with what eframe's older store held).
        let (store, settings) = match saved_settings::read_settings(&file) {
            ReadSettings::Missing => (SettingsStore::File { file, saved: None }, None),
            ReadSettings::Read(settings) => {
                let saved = Some(Box::new(settings.clone()));
                (SettingsStore::File { file, saved }, Some(settings))
            }
            ReadSettings::Unusable(notice) => {
                let store = match notice {
                    SettingsNotice::Newer { .. } => SettingsStore::Nowhere,
                    _ => SettingsStore::File {
                        file,
                        saved: Some(Box::default()),
                    },
                };
                self.notices.push(notice);
                (store, Some(Settings::default()))
            }
        };
        self.settings_store = store;
        settings
    }

    /// Keeps the bundled dataset's notes in `file`.
    pub fn set_bundled_notes(&mut self, file: PathBuf) {
        self.bundled.notes = Some(file);
    }

    /// Keeps the bundled dataset's quiz memory in `file`.
    pub fn set_bundled_quiz_memory(&mut self, file: PathBuf) {
        self.bundled.quiz_memory = Some(file);
    }

    /// Where the dataset of `source` keeps its notes and quiz memory: the
    /// bundled dataset's where they always were (or where given), another's
    /// in `datasets/<key>/` of the storage folder.
    pub fn files_for(&self, source: &DatasetSource) -> DatasetFiles {
        let stored = self
            .storage_dir
            .as_deref()
            .map(|dir| stored_files(dir, source));
        match source {
            DatasetSource::Bundled => {
                let stored = stored.unwrap_or_default();
                DatasetFiles {
                    notes: self.bundled.notes.clone().or(stored.notes),
                    quiz_memory: self.bundled.quiz_memory.clone().or(stored.quiz_memory),
                }
            }
            DatasetSource::Folder(_) => stored.unwrap_or_default(),
        }
    }

    /// Shows `notice` until the reader puts it away.
    pub fn notice(&mut self, notice: SettingsNotice) {
        self.notices.push(notice);
    }

    /// The notices on screen, oldest first.
    pub fn notices(&self) -> &[SettingsNotice] {
        &self.notices
    }

    /// Puts the notices away.
    pub fn dismiss_notices(&mut self) {
        self.notices.clear();
    }

    /// Saves `settings` where they belong. A failure is said once, however
    /// many autosaves fail in a row; a save that works again puts it away.
    pub fn save_settings(&mut self, settings: &Settings, eframe_store: &mut dyn eframe::Storage) {
        let result = self.settings_store.save(settings, eframe_store);
        self.settings_written(result);
    }

    /// Writes the settings to their file soon after they change, rather
    /// than at eframe's next autosave (every 30 s) or the window's close,
    /// which a crash or a kill never reaches: at once, unless the last
    /// write was less than [`SETTINGS_WRITE_GAP`] ago (a scroll changes the
    /// reading place every frame). Returns how long to wait before calling
    /// again while a change waits, so that an idle window still writes it.
    pub fn save_settings_on_change(
        &mut self,
        settings: &Settings,
        now: Instant,
    ) -> Option<Duration> {
        if !self.settings_store.differs(settings) {
            return None;
        }
        if let Some(last) = self.settings_written_at {
            let since = now.saturating_duration_since(last);
            if since < SETTINGS_WRITE_GAP {
                return Some(SETTINGS_WRITE_GAP - since);
            }
        }
        self.settings_written_at = Some(now);
        let result = self.settings_store.write_if_changed(settings);
        self.settings_written(result);
        // A failed write is tried again after the same gap.
        self.settings_store
            .differs(settings)
            .then_some(SETTINGS_WRITE_GAP)
    }

    fn settings_written(&mut self, result: Result<(), SettingsNotice>) {
        self.notices
            .retain(|n| !matches!(n, SettingsNotice::Unsaved { .. }));
        if let Err(notice) = result {
            self.notices.push(notice);
        }
    }
}

fn stored_files(dir: &Path, source: &DatasetSource) -> DatasetFiles {
    let (notes, quiz_memory) = datasets::saved_files(dir, source.key().as_deref());
    DatasetFiles {
        notes: Some(notes),
        quiz_memory: Some(quiz_memory),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_dataset_uses_the_files_given_and_others_their_own() {
        let mut files = SavedFiles::default();
        let folder = DatasetSource::Folder(PathBuf::from("/somewhere/unit"));
        assert_eq!(
            files.files_for(&DatasetSource::Bundled),
            DatasetFiles::default()
        );
        assert_eq!(files.files_for(&folder), DatasetFiles::default());
        files.set_bundled_notes(PathBuf::from("/given/notes.json"));
        let dir = tempfile::tempdir().unwrap();
        assert!(files.use_storage_dir(dir.path().to_path_buf()).is_none());
        let bundled = files.files_for(&DatasetSource::Bundled);
        assert_eq!(bundled.notes, Some(PathBuf::from("/given/notes.json")));
        assert!(bundled.quiz_memory.unwrap().starts_with(dir.path()));
        let own = files.files_for(&folder);
        assert!(own.notes.unwrap().starts_with(dir.path().join("datasets")));
        assert_ne!(
            own.quiz_memory,
            files.files_for(&DatasetSource::Bundled).quiz_memory
        );
    }

    #[test]
    fn changed_settings_are_written_at_once_then_at_most_once_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(saved_settings::SETTINGS_FILE);
        let mut files = SavedFiles::default();
        assert!(files.use_storage_dir(dir.path().to_path_buf()).is_none());
        let start = Instant::now();
        let mut settings = Settings::default();
        // A fresh profile: written at the first frame, before any autosave.
        assert_eq!(files.save_settings_on_change(&settings, start), None);
        let read = || match saved_settings::read_settings(&file) {
            ReadSettings::Read(settings) => settings,
            other => panic!("{other:?}"),
        };
        assert_eq!(read(), settings);
        assert_eq!(files.save_settings_on_change(&settings, start), None);
        // A change just after waits out the gap, then is written.
        settings.text_size += 2.0;
        let soon = start + Duration::from_millis(300);
        assert_eq!(
            files.save_settings_on_change(&settings, soon),
            Some(Duration::from_millis(700))
        );
        assert_ne!(read(), settings);
        let later = start + SETTINGS_WRITE_GAP;
        assert_eq!(files.save_settings_on_change(&settings, later), None);
        assert_eq!(read(), settings);
        // A file read at start is not written again until something changes.
        let mut again = SavedFiles::default();
        let kept = again.use_storage_dir(dir.path().to_path_buf());
        assert_eq!(kept.as_ref(), Some(&settings));
        std::fs::write(&file, "{\"text_size\": 30.0}").unwrap();
        assert_eq!(again.save_settings_on_change(&settings, later), None);
        assert_eq!(read().text_size, 30.0, "unchanged settings not rewritten");
    }

    #[test]
    fn a_damaged_settings_file_is_noticed_and_read_as_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(saved_settings::SETTINGS_FILE), "{ not json").unwrap();
        let mut files = SavedFiles::default();
        assert_eq!(
            files.use_storage_dir(dir.path().to_path_buf()),
            Some(Settings::default())
        );
        assert_eq!(files.notices().len(), 1);
        files.dismiss_notices();
        assert!(files.notices().is_empty());
    }
}
