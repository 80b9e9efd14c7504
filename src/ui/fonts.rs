//! Fonts compiled into the binary: Noto Serif for reading, egui's defaults for the interface.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

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

/// Installs the reading fonts beside egui's defaults. Each named family falls
/// back to the default proportional fonts for any glyph Noto Serif lacks.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for (name, bytes) in [
        (
            SERIF,
            &include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf")[..],
        ),
        (
            SERIF_BOLD,
            &include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf")[..],
        ),
        (
            SERIF_ITALIC,
            &include_bytes!("../../assets/fonts/NotoSerif-Italic.ttf")[..],
        ),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        let mut chain = vec![name.to_owned()];
        chain.extend(fallback.iter().cloned());
        fonts.families.insert(family(name), chain);
    }
    ctx.set_fonts(fonts);
}
