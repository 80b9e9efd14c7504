//! Fonts: Noto Serif for reading and egui's defaults for the interface, both
//! compiled in, then the system's own fonts for the characters those lack
//! (CJK, Devanagari, Arabic, Hebrew, …), found by [`crate::fonts`] and handed
//! to egui one face at a time, when a character first needs it.
//!
//! Only the faces for characters actually drawn are read, so a dataset in
//! English loads no system font at all, and another dataset's new scripts
//! are found as its text is drawn: nothing needs redoing when a dataset loads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use egui::epaint::text::Blob;
use egui::{
    FallbackRequest, FontData, FontDefinitions, FontFamily, FontInsert, FontPriority, FontProvider,
    InsertFontFamily,
};

use crate::fonts::{FontSet, NOTO_SERIF, NOTO_SERIF_BOLD, NOTO_SERIF_ITALIC, SystemFace};

/// The family for article text.
pub const SERIF: &str = "serif";
/// Bold article text (headings, titles).
pub const SERIF_BOLD: &str = "serif-bold";
/// Italic article text (summaries, resolution verbs).
pub const SERIF_ITALIC: &str = "serif-italic";

/// A font family by name.
pub fn family(name: &str) -> FontFamily {
    FontFamily::Name(name.into())
}

/// Installs the reading fonts beside egui's defaults, and this machine's
/// fonts as the last fallback.
pub fn install(ctx: &egui::Context) {
    install_with(ctx, FontSet::platform());
}

/// Installs the reading fonts beside egui's defaults. Each named family falls
/// back to the default proportional fonts for any glyph Noto Serif lacks, and
/// every family to a face of `fonts` for a glyph none of those has.
pub fn install_with(ctx: &egui::Context, fonts: Arc<FontSet>) {
    let mut definitions = FontDefinitions::default();
    let fallback = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for font in [NOTO_SERIF, NOTO_SERIF_BOLD, NOTO_SERIF_ITALIC] {
        definitions.font_data.insert(
            font.name.to_owned(),
            Arc::new(FontData::from_static(font.bytes)),
        );
        let mut chain = vec![font.name.to_owned()];
        chain.extend(fallback.iter().cloned());
        definitions.families.insert(family(font.name), chain);
    }
    ctx.set_fonts(definitions);
    ctx.add_font_provider(Arc::new(SystemFallback {
        fonts,
        read: Mutex::default(),
    }));
}

/// egui's source of fonts for characters its installed fonts lack.
struct SystemFallback {
    fonts: Arc<FontSet>,
    /// Each face's file as read (or `None`: unreadable, too large, broken,
    /// and not tried again), by [`SystemFace::key`]: egui asks once for each
    /// family and character, and a CJK face answers for thousands of them.
    read: Mutex<HashMap<String, Option<Blob>>>,
}

impl SystemFallback {
    fn bytes(&self, face: &SystemFace) -> Option<Blob> {
        let mut read = self.read.lock().unwrap_or_else(PoisonError::into_inner);
        read.entry(face.key())
            .or_insert_with(|| {
                crate::fonts::read_face(face)
                    .ok()
                    .map(|bytes| Arc::new(bytes) as Blob)
            })
            .clone()
    }
}

impl FontProvider for SystemFallback {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        let face = self.fonts.system_face_for(c)?;
        let bytes = self.bytes(face)?;
        // Every family gets the face, so that the serif, bold, italic and
        // interface text of one script all draw with the one file read.
        let families = [
            FontFamily::Proportional,
            FontFamily::Monospace,
            family(SERIF),
            family(SERIF_BOLD),
            family(SERIF_ITALIC),
        ]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
        Some(FontInsert {
            name: face.key(),
            data: FontData::from_blob(bytes, face.index),
            families,
        })
    }
}
