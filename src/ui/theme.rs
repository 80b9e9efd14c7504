//! The reading themes (light, sepia, dark, high contrast), and the reader's
//! colours in each.

use crate::i18n::tr;
use egui::Color32;
use serde::{Deserialize, Serialize};

/// The colour theme the reader chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on warm paper.
    #[default]
    Light,
    /// Light text on a dark page, for the evening.
    Dark,
    /// Brown text on cream paper: softer than white for long reading.
    Sepia,
    /// White on black with yellow accents, for low vision and bright rooms.
    HighContrast,
}

/// Colours the reader paints with, beyond egui's own visuals.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Behind the article page.
    pub page: Color32,
    /// Article text.
    pub text: Color32,
    /// Secondary text: source lines, paragraph numbers.
    pub muted: Color32,
    /// Accent for headings and rules.
    pub accent: Color32,
    /// Background of editor's notes.
    pub note_fill: Color32,
    /// Border of editor's notes.
    pub note_stroke: Color32,
    /// A paragraph jumped to from elsewhere.
    pub highlight: Color32,
    /// Operative paragraphs of a resolution.
    pub operative_fill: Color32,
}

impl Theme {
    /// Every theme, in the order the menu offers them.
    pub const ALL: [Theme; 4] = [Theme::Light, Theme::Sepia, Theme::Dark, Theme::HighContrast];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => tr("theme.light"),
            Theme::Sepia => tr("theme.sepia"),
            Theme::Dark => tr("theme.dark"),
            Theme::HighContrast => tr("theme.high_contrast"),
        }
    }

    /// egui's visuals for this theme. Every text colour in them (body,
    /// weak, links, buttons) has at least 4.5:1 contrast against the fills
    /// it is drawn on; `tests/integration/contrast.rs` checks every view.
    pub fn visuals(self) -> egui::Visuals {
        match self {
            Theme::Light => light_visuals(),
            Theme::Dark => dark_visuals(),
            Theme::Sepia => sepia_visuals(),
            Theme::HighContrast => high_contrast_visuals(),
        }
    }

    /// The presentation stage's visuals, whatever the reader's theme: white
    /// and yellow on black, buttons and strong text included, so that nothing
    /// on the stage keeps a light theme's dark text or pale buttons.
    pub fn stage_visuals() -> egui::Visuals {
        Theme::HighContrast.visuals()
    }

    /// The reader's colours for this theme.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                page: Color32::from_rgb(0xFD, 0xFC, 0xF8),
                text: Color32::from_rgb(0x22, 0x22, 0x22),
                muted: Color32::from_rgb(0x5E, 0x5A, 0x54),
                accent: Color32::from_rgb(0x1F, 0x5C, 0x45),
                note_fill: Color32::from_rgb(0xFF, 0xF4, 0xD6),
                note_stroke: Color32::from_rgb(0xD9, 0xB3, 0x4C),
                highlight: Color32::from_rgb(0xFF, 0xEB, 0xA8),
                operative_fill: Color32::from_rgb(0xEE, 0xF4, 0xF0),
            },
            Theme::Dark => Palette {
                page: Color32::from_rgb(0x26, 0x28, 0x2B),
                text: Color32::from_rgb(0xE4, 0xE1, 0xDA),
                muted: Color32::from_rgb(0xA8, 0xA3, 0x9A),
                accent: Color32::from_rgb(0x8F, 0xC9, 0xAE),
                note_fill: Color32::from_rgb(0x3A, 0x34, 0x22),
                note_stroke: Color32::from_rgb(0x9A, 0x82, 0x3C),
                highlight: Color32::from_rgb(0x55, 0x4A, 0x1E),
                operative_fill: Color32::from_rgb(0x2C, 0x35, 0x31),
            },
            Theme::Sepia => Palette {
                page: Color32::from_rgb(0xF8, 0xF0, 0xDC),
                text: Color32::from_rgb(0x3B, 0x2F, 0x1E),
                muted: Color32::from_rgb(0x6A, 0x5A, 0x43),
                accent: Color32::from_rgb(0x7A, 0x3E, 0x10),
                note_fill: Color32::from_rgb(0xF1, 0xE0, 0xB5),
                note_stroke: Color32::from_rgb(0xB8, 0x8A, 0x3A),
                highlight: Color32::from_rgb(0xF0, 0xD2, 0x8A),
                operative_fill: Color32::from_rgb(0xEF, 0xE6, 0xCF),
            },
            Theme::HighContrast => Palette {
                page: Color32::BLACK,
                text: Color32::WHITE,
                muted: Color32::from_gray(0xD0),
                accent: Color32::from_rgb(0xFF, 0xD4, 0x3B),
                note_fill: Color32::from_rgb(0x1A, 0x1A, 0x00),
                note_stroke: Color32::from_rgb(0xFF, 0xD4, 0x3B),
                highlight: Color32::from_rgb(0x00, 0x3F, 0x9E),
                operative_fill: Color32::from_gray(0x14),
            },
        }
    }
}

/// Warm paper; egui's light grey for secondary text (2.8:1) and its sky-blue
/// links (2.6:1) darkened to read on it.
fn light_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.panel_fill = Color32::from_rgb(0xF4, 0xF1, 0xEA);
    v.window_fill = Color32::from_rgb(0xFB, 0xF9, 0xF4);
    v.selection.bg_fill = Color32::from_rgb(0xC9, 0xDD, 0xD3);
    v.selection.stroke.color = Color32::from_rgb(0x1F, 0x4D, 0x3A);
    v.weak_text_color = Some(Color32::from_rgb(0x5E, 0x5A, 0x54));
    v.hyperlink_color = Color32::from_rgb(0x0B, 0x5C, 0xAD);
    v
}

/// A dark page; labels and headings as light as the body text (egui's are
/// grey), secondary text lifted from 2.6:1.
fn dark_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    v.panel_fill = Color32::from_rgb(0x1E, 0x20, 0x22);
    v.selection.bg_fill = Color32::from_rgb(0x2E, 0x5A, 0x48);
    v.widgets.noninteractive.fg_stroke.color = Color32::from_rgb(0xE4, 0xE1, 0xDA);
    v.weak_text_color = Some(Color32::from_rgb(0xA8, 0xA3, 0x9A));
    v.hyperlink_color = Color32::from_rgb(0x5A, 0x9F, 0xFF);
    v
}

/// Cream paper and brown ink; buttons on warm fills rather than egui's
/// grey, links a dark rust (egui's blue is 2.3:1 on cream).
fn sepia_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.panel_fill = Color32::from_rgb(0xEF, 0xE4, 0xCC);
    v.window_fill = Color32::from_rgb(0xF6, 0xEE, 0xDA);
    v.extreme_bg_color = Color32::from_rgb(0xF8, 0xF1, 0xE0);
    v.faint_bg_color = Color32::from_rgb(0xF3, 0xE9, 0xD2);
    v.override_text_color = Some(Color32::from_rgb(0x3B, 0x2F, 0x1E));
    v.weak_text_color = Some(Color32::from_rgb(0x5C, 0x4C, 0x36));
    v.hyperlink_color = Color32::from_rgb(0x8A, 0x3B, 0x12);
    v.selection.bg_fill = Color32::from_rgb(0xD9, 0xC3, 0x93);
    v.selection.stroke.color = Color32::from_rgb(0x4A, 0x33, 0x12);
    let fills = [
        (&mut v.widgets.inactive, 0xE8, 0xDA, 0xB9),
        (&mut v.widgets.hovered, 0xE0, 0xCF, 0xA8),
        (&mut v.widgets.active, 0xD4, 0xBE, 0x8C),
        (&mut v.widgets.open, 0xE0, 0xCF, 0xA8),
    ];
    for (widget, r, g, b) in fills {
        widget.bg_fill = Color32::from_rgb(r, g, b);
        widget.weak_bg_fill = Color32::from_rgb(r, g, b);
    }
    v
}

/// White on black with yellow accents; every control outlined.
fn high_contrast_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.override_text_color = Some(Color32::WHITE);
    v.weak_text_color = Some(Color32::from_gray(0xD0));
    v.selection.bg_fill = Color32::from_rgb(0x00, 0x3F, 0x9E);
    v.selection.stroke = egui::Stroke::new(2.0, Color32::from_rgb(0xFF, 0xD4, 0x3B));
    v.hyperlink_color = Color32::from_rgb(0xFF, 0xD4, 0x3B);
    // Every control outlined, so that none hides in the black.
    for widget in [
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
    ] {
        widget.bg_stroke = egui::Stroke::new(1.5, Color32::WHITE);
        widget.fg_stroke.color = Color32::WHITE;
    }
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(0xB0));
    v
}
