//! The reader's settings in a file of their own, `settings.json` in the
//! app's storage folder, kept like the notes and the quiz memory: written
//! atomically, with a format version, and set aside when damaged (see
//! [`crate::storage`]).
//!
//! The settings used to live in eframe's store, `app.ron`, which eframe
//! truncates and rewrites in place and silently starts afresh over when it
//! does not parse. That store now keeps only the window's size and egui's
//! panel layout. Settings found there are taken up once, while
//! `settings.json` does not exist yet, and removed from it at the first save
//! to the new file, so that they cannot come back later.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::{tr, trf};
use crate::storage::{self, Loaded, Unreadable, Versioned};

use super::state::{STORAGE_KEY, Settings};

/// The settings file's name in the app's storage folder.
pub const SETTINGS_FILE: &str = "settings.json";

/// eframe's store's name in the app's storage folder.
pub const WINDOW_STORE_FILE: &str = "app.ron";

impl Versioned for Settings {
    /// Format 1 is the first `settings.json`; its fields are those eframe's
    /// store held, so settings taken from there need no change.
    const VERSION: u32 = 1;
}

/// Something about the saved settings the reader should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsNotice {
    /// `settings.json` could not be read. It was moved to `moved_to`, if
    /// it could be; the reader starts with the usual settings.
    Unreadable {
        /// Why, in a sentence (from the storage layer, in English).
        reason: String,
        /// Where the unreadable file now is.
        moved_to: Option<PathBuf>,
    },
    /// `settings.json` was written by a newer version of the app: it is
    /// left as it is and not written over, so changes are not kept.
    Newer {
        /// The settings file.
        file: PathBuf,
    },
    /// eframe's store did not parse and was moved to `moved_to` (if it
    /// could be) before eframe could write over it: the window's size and
    /// panel layout start afresh.
    WindowStoreSetAside {
        /// The store's path.
        file: PathBuf,
        /// Where it now is.
        moved_to: Option<PathBuf>,
    },
    /// The settings could not be written to `file`.
    Unsaved {
        /// The settings file.
        file: PathBuf,
        /// Why (the system's error text).
        error: String,
    },
}

impl SettingsNotice {
    /// The notice in a sentence, in the current language.
    pub fn text(&self) -> String {
        match self {
            Self::Unreadable {
                reason,
                moved_to: Some(path),
            } => {
                let path = path.display();
                trf(
                    "settings.unreadable_kept",
                    &[("reason", reason), ("path", &path)],
                )
            }
            Self::Unreadable {
                reason,
                moved_to: None,
            } => trf("settings.unreadable", &[("reason", reason)]),
            Self::Newer { file } => trf("settings.newer", &[("path", &file.display())]),
            Self::WindowStoreSetAside {
                moved_to: Some(path),
                ..
            } => trf("settings.window_store_kept", &[("path", &path.display())]),
            Self::WindowStoreSetAside {
                file,
                moved_to: None,
            } => trf(
                "settings.window_store_unreadable",
                &[("path", &file.display())],
            ),
            Self::Unsaved { file, error } => {
                let path = file.display();
                trf("settings.unsaved", &[("path", &path), ("error", error)])
            }
        }
    }

    /// The label of the button that puts the notice away.
    pub fn dismiss_label() -> &'static str {
        tr("settings.dismiss")
    }
}

/// What reading `settings.json` found.
#[derive(Debug, PartialEq)]
pub enum ReadSettings {
    /// There is no file yet: the settings in eframe's store, if any, are
    /// taken up and written to the file at the next save.
    Missing,
    /// The file's settings, kept within their limits.
    Read(Settings),
    /// The file could not be used; the reader starts with the usual
    /// settings and is told why.
    Unusable(SettingsNotice),
}

/// Reads the settings file `file` (see [`storage::load_json`]).
pub fn read_settings(file: &Path) -> ReadSettings {
    match storage::load_json::<Settings>(file) {
        Loaded::Missing => ReadSettings::Missing,
        Loaded::Read(settings) => ReadSettings::Read(settings.sanitized()),
        Loaded::SetAside { reason, moved_to } => {
            // A newer version's file is left where it is; a damaged one is moved.
            let newer = moved_to.is_none()
                && storage::read_save_text(file).is_ok_and(|text| {
                    matches!(
                        storage::read_versioned::<Settings>(&text),
                        Err(Unreadable::Newer { .. })
                    )
                });
            ReadSettings::Unusable(if newer {
                SettingsNotice::Newer {
                    file: file.to_path_buf(),
                }
            } else {
                SettingsNotice::Unreadable { reason, moved_to }
            })
        }
    }
}

/// Checks eframe's store at `file` before eframe opens it. eframe reads a
/// store that does not parse as an empty one and writes over it at its
/// next save; such a file is moved aside first, and the reader told.
/// `None` when the file is missing or parses. A named pipe or other
/// special file in its place, on which eframe's own reading would wait for
/// ever, is set aside too (read as [`storage::read_save_text`] reads).
pub fn check_window_store(file: &Path) -> Option<SettingsNotice> {
    let text = match storage::read_save_text(file) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
        // Unreadable, not a file, too large or not UTF-8: eframe could not use it either.
        Err(_) => String::new(),
    };
    if ron::from_str::<HashMap<String, String>>(&text).is_ok() {
        return None;
    }
    Some(SettingsNotice::WindowStoreSetAside {
        file: file.to_path_buf(),
        moved_to: storage::move_aside(file),
    })
}

/// Where the settings are saved.
#[derive(Debug, Default)]
pub enum SettingsStore {
    /// In eframe's store, under [`STORAGE_KEY`]: for a window without a
    /// storage folder (the tests' in-memory stores).
    #[default]
    Eframe,
    /// In `file`, written atomically.
    File {
        /// `settings.json`.
        file: PathBuf,
        /// What was last written (or read), so that settings that did not
        /// change are not written again at every autosave.
        saved: Option<Box<Settings>>,
    },
    /// Nowhere: the file belongs to a newer version of the app.
    Nowhere,
}

impl SettingsStore {
    /// Saves `settings` where they belong. The first save to the file
    /// removes the settings eframe's store still held (see the module
    /// documentation). A failure is returned to be shown; the settings stay
    /// in memory and the next save tries again.
    pub fn save(
        &mut self,
        settings: &Settings,
        eframe_store: &mut dyn eframe::Storage,
    ) -> Result<(), SettingsNotice> {
        match self {
            Self::Eframe => {
                eframe::set_value(eframe_store, STORAGE_KEY, settings);
                Ok(())
            }
            Self::File { .. } => {
                self.write_if_changed(settings)?;
                // The file holds them now: eframe's store need not.
                if eframe_store.get_string(STORAGE_KEY).is_some() {
                    eframe_store.remove_string(STORAGE_KEY);
                }
                Ok(())
            }
            Self::Nowhere => Ok(()),
        }
    }

    /// Whether `settings` differ from what the file holds, so that writing
    /// them would change it. Never for eframe's store (eframe writes it)
    /// nor for a newer version's file.
    pub fn differs(&self, settings: &Settings) -> bool {
        match self {
            Self::File { saved, .. } => saved.as_deref() != Some(settings),
            Self::Eframe | Self::Nowhere => false,
        }
    }

    /// Writes `settings` to the file if they differ from what it holds
    /// (see [`Self::differs`]); a failure is returned to be shown.
    pub fn write_if_changed(&mut self, settings: &Settings) -> Result<(), SettingsNotice> {
        if !self.differs(settings) {
            return Ok(());
        }
        let Self::File { file, saved } = self else {
            return Ok(());
        };
        storage::save_json(file, settings).map_err(|error| SettingsNotice::Unsaved {
            file: file.clone(),
            error: error.to_string(),
        })?;
        *saved = Some(Box::new(settings.clone()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[derive(Default)]
    struct Store(HashMap<String, String>);

    impl eframe::Storage for Store {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    fn changed() -> Settings {
        let mut settings = Settings {
            text_size: 24.0,
            line_width: 80,
            recent_datasets: vec!["/home/teacher/unit".to_owned()],
            ..Settings::default()
        };
        settings.record_position("mfa-foreign-policy", 420.0, 0.5);
        settings
    }

    #[test]
    fn settings_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        assert_eq!(read_settings(&file), ReadSettings::Missing);
        let mut store = SettingsStore::File {
            file: file.clone(),
            saved: None,
        };
        let mut eframe_store = Store::default();
        store.save(&changed(), &mut eframe_store).unwrap();
        assert_eq!(read_settings(&file), ReadSettings::Read(changed()));
        let text = fs::read_to_string(&file).unwrap();
        assert!(text.contains("\"version\": 1"), "{text}");
        assert!(
            eframe_store.0.is_empty(),
            "nothing written to eframe's store"
        );
    }

    #[test]
    fn unchanged_settings_are_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        let mut store = SettingsStore::File {
            file: file.clone(),
            saved: None,
        };
        let mut eframe_store = Store::default();
        store.save(&changed(), &mut eframe_store).unwrap();
        fs::write(&file, "changed by hand").unwrap();
        store.save(&changed(), &mut eframe_store).unwrap();
        assert_eq!(fs::read_to_string(&file).unwrap(), "changed by hand");
        let mut other = changed();
        other.text_size = 30.0;
        store.save(&other, &mut eframe_store).unwrap();
        assert_eq!(read_settings(&file), ReadSettings::Read(other));
    }

    #[test]
    fn the_first_save_to_the_file_removes_the_settings_from_eframes_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut eframe_store = Store::default();
        eframe::set_value(&mut eframe_store, STORAGE_KEY, &changed());
        eframe_store
            .0
            .insert("egui".to_owned(), "(window layout)".to_owned());
        let mut store = SettingsStore::File {
            file: dir.path().join(SETTINGS_FILE),
            saved: None,
        };
        store.save(&changed(), &mut eframe_store).unwrap();
        assert_eq!(
            eframe_store.0.keys().collect::<Vec<_>>(),
            ["egui"],
            "only the window's own state is left"
        );
    }

    #[test]
    fn without_a_folder_the_settings_stay_in_eframes_store() {
        let mut eframe_store = Store::default();
        SettingsStore::Eframe
            .save(&changed(), &mut eframe_store)
            .unwrap();
        assert_eq!(
            eframe::get_value::<Settings>(&eframe_store, STORAGE_KEY),
            Some(changed())
        );
        SettingsStore::Nowhere
            .save(&Settings::default(), &mut eframe_store)
            .unwrap();
        assert_eq!(
            eframe::get_value::<Settings>(&eframe_store, STORAGE_KEY),
            Some(changed())
        );
    }

    #[test]
    fn a_damaged_settings_file_is_set_aside_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        fs::write(&file, "{\"text_size\": 24.0,\n \"theme\": ").unwrap();
        let ReadSettings::Unusable(SettingsNotice::Unreadable {
            reason,
            moved_to: Some(moved_to),
        }) = read_settings(&file)
        else {
            panic!("a damaged file is unusable and moved");
        };
        assert_eq!(
            reason,
            format!(
                "{} is damaged (line 2, column 10: EOF while parsing a value)",
                file.display()
            )
        );
        assert!(!file.exists());
        assert_eq!(
            fs::read_to_string(&moved_to).unwrap(),
            "{\"text_size\": 24.0,\n \"theme\": "
        );
        assert!(
            moved_to
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("settings.json.corrupt-")
        );
    }

    #[test]
    fn a_wrongly_typed_field_is_damage_not_a_default() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        fs::write(&file, "{\"version\": 1, \"line_width\": \"wide\"}").unwrap();
        let ReadSettings::Unusable(SettingsNotice::Unreadable { reason, moved_to }) =
            read_settings(&file)
        else {
            panic!("a field of the wrong type is damage");
        };
        assert!(
            reason.ends_with(
                "is damaged (line 1, column 35: invalid type: string \"wide\", expected u32)"
            ),
            "{reason}"
        );
        assert!(moved_to.is_some());
    }

    #[test]
    fn values_out_of_their_limits_are_brought_within_them() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        fs::write(&file, r#"{"text_size": 900.0, "line_width": 3}"#).unwrap();
        let ReadSettings::Read(settings) = read_settings(&file) else {
            panic!("a file with odd values still reads");
        };
        assert_eq!(settings.text_size, super::super::state::TEXT_SIZE_MAX);
        assert_eq!(settings.line_width, super::super::state::LINE_WIDTH_MIN);
    }

    #[test]
    fn a_newer_settings_file_is_left_alone_and_not_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SETTINGS_FILE);
        let newer = r#"{"version": 7, "text_size": {"per_view": 20}}"#;
        fs::write(&file, newer).unwrap();
        assert_eq!(
            read_settings(&file),
            ReadSettings::Unusable(SettingsNotice::Newer { file: file.clone() })
        );
        assert_eq!(fs::read_to_string(&file).unwrap(), newer);
        // Even a store told to write there refuses (storage::save_json).
        let mut store = SettingsStore::File {
            file: file.clone(),
            saved: None,
        };
        let error = store.save(&changed(), &mut Store::default()).unwrap_err();
        assert!(matches!(error, SettingsNotice::Unsaved { .. }));
        assert_eq!(fs::read_to_string(&file).unwrap(), newer);
    }

    #[test]
    fn a_window_store_that_does_not_parse_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(WINDOW_STORE_FILE);
        assert_eq!(check_window_store(&file), None);
        fs::write(&file, "{\"egui\": \"(…)\", \"window\": \"(…)\"}").unwrap();
        assert_eq!(check_window_store(&file), None);
        assert!(file.exists());
        fs::write(&file, "{\"egui\": \"(…)\", \"win").unwrap();
        let Some(SettingsNotice::WindowStoreSetAside {
            moved_to: Some(moved_to),
            ..
        }) = check_window_store(&file)
        else {
            panic!("a torn store is set aside");
        };
        assert!(!file.exists());
        assert_eq!(
            fs::read_to_string(moved_to).unwrap(),
            "{\"egui\": \"(…)\", \"win"
        );
        // A store cut to nothing by a crash mid-write is set aside too.
        fs::write(&file, "").unwrap();
        assert!(check_window_store(&file).is_some());
    }
}
