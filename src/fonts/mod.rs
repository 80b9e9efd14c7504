//! Which characters the reader can draw (issue 16): the fonts compiled into
//! the binary, then the system's own fonts for the scripts those lack (CJK,
//! Devanagari, Arabic, Hebrew, …). The window asks it for a font for each
//! character egui finds no glyph for; `check` asks it which characters of a
//! dataset no font at all can draw.
//!
//! Start-up reads only the compiled-in fonts' character maps (a few
//! milliseconds). The system's fonts are listed at the first character those
//! lack, and each system face's character map is read when a character first
//! needs it; a font file is read whole only when the window draws with it.
//!
//! Pure: no egui. The fonts egui compiles in come from `epaint_default_fonts`,
//! the crate egui takes them from, with the same features.

mod chars;
mod coverage;
mod system;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub use chars::{is_right_to_left, needs_no_glyph};
pub use coverage::Coverage;
use system::SystemFonts;
pub use system::{SystemFace, SystemSource};

/// The largest font file read: a full CJK collection is ~20–30 MB; more than
/// this is no font to load into memory for a fallback.
pub const MAX_FONT_BYTES: u64 = 48 * 1024 * 1024;

/// A font compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddedFont {
    /// The name egui knows it by.
    pub name: &'static str,
    /// The font file.
    pub bytes: &'static [u8],
}

/// Noto Serif, the reading font.
pub const NOTO_SERIF: EmbeddedFont = EmbeddedFont {
    name: "serif",
    bytes: include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
};
/// Noto Serif Bold (headings, titles).
pub const NOTO_SERIF_BOLD: EmbeddedFont = EmbeddedFont {
    name: "serif-bold",
    bytes: include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf"),
};
/// Noto Serif Italic (summaries, resolution verbs).
pub const NOTO_SERIF_ITALIC: EmbeddedFont = EmbeddedFont {
    name: "serif-italic",
    bytes: include_bytes!("../../assets/fonts/NotoSerif-Italic.ttf"),
};

/// Every font the binary draws with before any system font: Noto Serif and
/// egui's own (Ubuntu Light, Hack, its icons, Noto Emoji in black and white,
/// and the emoji icon font), under the names egui gives them.
pub const EMBEDDED: [EmbeddedFont; 8] = [
    NOTO_SERIF,
    NOTO_SERIF_BOLD,
    NOTO_SERIF_ITALIC,
    EmbeddedFont {
        name: "Ubuntu-Light",
        bytes: epaint_default_fonts::UBUNTU_LIGHT,
    },
    EmbeddedFont {
        name: "Hack",
        bytes: epaint_default_fonts::HACK_REGULAR,
    },
    EmbeddedFont {
        name: "egui-icons",
        bytes: epaint_default_fonts::EGUI_ICONS,
    },
    EmbeddedFont {
        name: "NotoEmoji-Regular",
        bytes: epaint_default_fonts::NOTO_EMOJI_REGULAR,
    },
    EmbeddedFont {
        name: "emoji-icon-font",
        bytes: epaint_default_fonts::EMOJI_ICON,
    },
];

/// Why a system font file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// It could not be opened or read.
    #[error("could not read {0}: {1}")]
    Unreadable(PathBuf, std::io::Error),
    /// It is larger than [`MAX_FONT_BYTES`].
    #[error("{0} is larger than {MAX_FONT_BYTES} bytes")]
    TooLarge(PathBuf),
    /// Its bytes are no font, or have no such face.
    #[error("{0} has no readable font face {1}")]
    Broken(PathBuf, u32),
}

/// The fonts the reader can draw with, and which characters they cover.
pub struct FontSet {
    /// Every compiled-in font's characters together.
    embedded: Coverage,
    source: SystemSource,
    /// Listed at the first character the compiled-in fonts lack.
    system: OnceLock<SystemFonts>,
}

impl FontSet {
    /// The compiled-in fonts, then the fonts `source` has.
    pub fn new(source: SystemSource) -> Self {
        let embedded = EMBEDDED
            .iter()
            .filter_map(|font| Coverage::of_font(font.bytes, 0))
            .fold(Coverage::default(), |all, one| all.union(&one));
        Self {
            embedded,
            source,
            system: OnceLock::new(),
        }
    }

    /// The compiled-in fonts, then this machine's: one set for the whole
    /// process, so that the system's fonts are listed (and each face's
    /// characters read) once, however many windows or checks ask.
    pub fn platform() -> Arc<Self> {
        static PLATFORM: OnceLock<Arc<FontSet>> = OnceLock::new();
        Arc::clone(PLATFORM.get_or_init(|| Arc::new(Self::new(SystemSource::Platform))))
    }

    /// Whether a compiled-in font draws `c` (or `c` needs no glyph).
    pub fn embedded_draws(&self, c: char) -> bool {
        needs_no_glyph(c) || self.embedded.contains(c)
    }

    /// Whether any available font draws `c`: a compiled-in one or a system one.
    pub fn can_draw(&self, c: char) -> bool {
        self.embedded_draws(c) || self.system_face_for(c).is_some()
    }

    /// The first system face, in fallback order, with a glyph for `c`.
    /// Lists the system's fonts at the first call; reads the character maps
    /// of the faces tried (once each).
    pub fn system_face_for(&self, c: char) -> Option<&SystemFace> {
        let system = self.system();
        system
            .faces()
            .iter()
            .find(|face| system.coverage(face).is_some_and(|cov| cov.contains(c)))
    }

    /// The system's faces, in the order fallback tries them.
    pub fn system_faces(&self) -> &[SystemFace] {
        self.system().faces()
    }

    fn system(&self) -> &SystemFonts {
        self.system
            .get_or_init(|| SystemFonts::discover(&self.source))
    }
}

/// The whole file of `face`, for drawing with: read with a size limit, as
/// the data files are, and checked to be a font with that face (a broken or
/// vanished file is an error to skip, never a panic).
pub fn read_face(face: &SystemFace) -> Result<Vec<u8>, FontError> {
    let bytes = read_limited(&face.path)?;
    match Coverage::of_font(&bytes, face.index) {
        Some(_) => Ok(bytes),
        None => Err(FontError::Broken(face.path.clone(), face.index)),
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, FontError> {
    let unreadable = |e| FontError::Unreadable(path.to_owned(), e);
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells a file at the limit from a larger one,
    // even one that grew after it was listed.
    file.take(MAX_FONT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FONT_BYTES {
        return Err(FontError::TooLarge(path.to_owned()));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests;
