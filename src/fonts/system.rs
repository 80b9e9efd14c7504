//! The fonts installed on this machine, found by `fontdb` (which knows the
//! platform's font folders, and fontconfig's on Linux), each face's coverage
//! read only when a character first needs it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::MAX_FONT_BYTES;
use super::coverage::Coverage;

/// Where the system fonts are looked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SystemSource {
    /// Nowhere: only the fonts compiled into the binary.
    None,
    /// The platform's own font folders (and fontconfig's, on Linux).
    Platform,
    /// These folders (searched recursively) instead: a fixture font set for tests.
    Dirs(Vec<PathBuf>),
}

/// One face of an installed font file.
#[derive(Debug)]
pub struct SystemFace {
    /// The font file.
    pub path: PathBuf,
    /// The face's index in the file (a `.ttc` collection has several).
    pub index: u32,
    /// The face's family name, as the font states it ("Droid Sans Fallback").
    pub family: String,
    id: fontdb::ID,
    /// Weight 400, upright and of normal width: preferred for fallback,
    /// so that a bold or condensed face is chosen only where no regular one draws.
    regular: bool,
    monospaced: bool,
    coverage: OnceLock<Option<Coverage>>,
}

impl SystemFace {
    /// A name for the face unique on this machine: family, file and index.
    pub fn key(&self) -> String {
        format!(
            "system:{}:{}#{}",
            self.family,
            self.path.display(),
            self.index
        )
    }
}

/// Every installed face, in the order fallback tries them.
pub(super) struct SystemFonts {
    db: fontdb::Database,
    faces: Vec<SystemFace>,
}

impl SystemFonts {
    /// Lists the faces `source` has. fontdb reads each file's name tables to
    /// list its faces (mapping the file, not copying it); the character maps
    /// are read later, face by face, as [`Self::coverage`] needs them.
    pub(super) fn discover(source: &SystemSource) -> Self {
        let mut db = fontdb::Database::new();
        match source {
            SystemSource::None => {}
            SystemSource::Platform => db.load_system_fonts(),
            SystemSource::Dirs(dirs) => dirs.iter().for_each(|dir| db.load_fonts_dir(dir)),
        }
        let mut faces: Vec<SystemFace> = db.faces().filter_map(face_of).collect();
        faces.sort_by(|a, b| {
            let key = |f: &SystemFace| (!f.regular, f.monospaced);
            (key(a), &a.family, &a.path, a.index).cmp(&(key(b), &b.family, &b.path, b.index))
        });
        Self { db, faces }
    }

    pub(super) fn faces(&self) -> &[SystemFace] {
        &self.faces
    }

    /// The face's coverage, read from its file at the first call; `None`
    /// for a file too large to load or that is no readable font.
    pub(super) fn coverage<'a>(&self, face: &'a SystemFace) -> Option<&'a Coverage> {
        face.coverage
            .get_or_init(|| {
                if !within_limit(&face.path) {
                    return None;
                }
                self.db.with_face_data(face.id, Coverage::of_font).flatten()
            })
            .as_ref()
    }
}

fn face_of(info: &fontdb::FaceInfo) -> Option<SystemFace> {
    let path = match &info.source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
        // Only files are listed: the database is given no fonts in memory.
        fontdb::Source::Binary(_) => return None,
    };
    let family = info
        .families
        .first()
        .map_or_else(|| info.post_script_name.clone(), |(name, _)| name.clone());
    Some(SystemFace {
        path,
        index: info.index,
        family,
        id: info.id,
        regular: info.weight == fontdb::Weight::NORMAL
            && info.style == fontdb::Style::Normal
            && info.stretch == fontdb::Stretch::Normal,
        monospaced: info.monospaced,
        coverage: OnceLock::new(),
    })
}

/// Whether the file is no larger than [`MAX_FONT_BYTES`]: a larger one is
/// never loaded, so it must not be counted on to draw anything either.
fn within_limit(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_FONT_BYTES)
}

#[cfg(test)]
impl SystemFace {
    /// A face of `path` that was never listed: for reading files that vanish or break.
    pub(super) fn for_tests(path: PathBuf) -> Self {
        Self {
            path,
            index: 0,
            family: "test".to_owned(),
            id: fontdb::ID::dummy(),
            regular: true,
            monospaced: false,
            coverage: OnceLock::new(),
        }
    }
}
