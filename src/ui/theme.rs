//! Light and dark themes, and the reader's colours in each.

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
    /// The other theme.
    pub fn toggled(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    /// egui's visuals for this theme.
    pub fn visuals(self) -> egui::Visuals {
        match self {
            Theme::Light => {
                let mut v = egui::Visuals::light();
                v.panel_fill = Color32::from_rgb(0xF4, 0xF1, 0xEA);
                v.window_fill = Color32::from_rgb(0xFB, 0xF9, 0xF4);
                v.selection.bg_fill = Color32::from_rgb(0xC9, 0xDD, 0xD3);
                v.selection.stroke.color = Color32::from_rgb(0x1F, 0x4D, 0x3A);
                v
            }
            Theme::Dark => {
                let mut v = egui::Visuals::dark();
                v.panel_fill = Color32::from_rgb(0x1E, 0x20, 0x22);
                v.selection.bg_fill = Color32::from_rgb(0x2E, 0x5A, 0x48);
                v
            }
        }
    }

    /// The reader's colours for this theme.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                page: Color32::from_rgb(0xFD, 0xFC, 0xF8),
                text: Color32::from_rgb(0x22, 0x22, 0x22),
                muted: Color32::from_rgb(0x6B, 0x66, 0x5E),
                accent: Color32::from_rgb(0x1F, 0x5C, 0x45),
                note_fill: Color32::from_rgb(0xFF, 0xF4, 0xD6),
                note_stroke: Color32::from_rgb(0xD9, 0xB3, 0x4C),
                highlight: Color32::from_rgb(0xFF, 0xEB, 0xA8),
                operative_fill: Color32::from_rgb(0xEE, 0xF4, 0xF0),
            },
            Theme::Dark => Palette {
                page: Color32::from_rgb(0x26, 0x28, 0x2B),
                text: Color32::from_rgb(0xE4, 0xE1, 0xDA),
                muted: Color32::from_rgb(0x9C, 0x97, 0x8E),
                accent: Color32::from_rgb(0x8F, 0xC9, 0xAE),
                note_fill: Color32::from_rgb(0x3A, 0x34, 0x22),
                note_stroke: Color32::from_rgb(0x9A, 0x82, 0x3C),
                highlight: Color32::from_rgb(0x55, 0x4A, 0x1E),
                operative_fill: Color32::from_rgb(0x2C, 0x35, 0x31),
            },
        }
    }
}
