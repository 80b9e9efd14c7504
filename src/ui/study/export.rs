//! "Export notes": the default file the notes go to; the asking is the
//! shared [`SaveDialog`](crate::ui::save_dialog::SaveDialog).

use std::path::{Path, PathBuf};

/// Asking where to export the notes.
pub type NotesExport = crate::ui::save_dialog::SaveDialog;

/// Where the notes go unless the reader says otherwise: the Documents folder
/// (or the home folder, or the working folder), in a file named after the
/// dataset's folder (`unit`, or the app for the bundled dataset) and `date`.
pub fn default_export_path(home: Option<&Path>, unit: Option<&str>, date: &str) -> PathBuf {
    let stem = format!("{}-notes-{date}", unit.unwrap_or("neutrality-reader"));
    crate::ui::save_dialog::default_save_path(home, &stem, "notes", "md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_in_documents_named_after_the_unit_and_the_date() {
        let home = tempfile::tempdir().unwrap();
        let bare = default_export_path(Some(home.path()), Some("My unit: 3"), "2026-05-01");
        assert_eq!(bare, home.path().join("My-unit--3-notes-2026-05-01.md"));
        std::fs::create_dir(home.path().join("Documents")).unwrap();
        let bundled = default_export_path(Some(home.path()), None, "2026-05-01");
        assert_eq!(
            bundled,
            home.path()
                .join("Documents")
                .join("neutrality-reader-notes-2026-05-01.md")
        );
        let nowhere = default_export_path(None, Some("unit"), "2026-05-01");
        assert_eq!(nowhere, PathBuf::from(".").join("unit-notes-2026-05-01.md"));
    }
}
