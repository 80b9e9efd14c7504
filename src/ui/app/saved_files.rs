//! The reader's saved files, with one owner: where the settings are kept
//! (`settings.json` in the app's storage folder, or eframe's store), where
//! each dataset's notes and quiz memory live, and the notices about the
//! saved settings shown until the reader puts them away.

use std::path::{Path, PathBuf};

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
}

impl SavedFiles {
    /// Keeps the settings in `settings.json` in `dir`, and the datasets'
    /// notes and quiz memory there too. Returns the settings read from it,
    /// if any; a file that cannot be used is noticed, and one from a newer
    /// version of the app is never written over.
    pub fn use_storage_dir(&mut self, dir: PathBuf) -> Option<Settings> {
        let file = dir.join(saved_settings::SETTINGS_FILE);
        self.storage_dir = Some(dir);
        let (store, settings) = match saved_settings::read_settings(&file) {
            ReadSettings::Missing => (SettingsStore::File { file, saved: None }, None),
            ReadSettings::Read(settings) => {
                (SettingsStore::File { file, saved: None }, Some(settings))
            }
            ReadSettings::Unusable(notice) => {
                let store = match notice {
                    SettingsNotice::Newer { .. } => SettingsStore::Nowhere,
                    _ => SettingsStore::File { file, saved: None },
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
