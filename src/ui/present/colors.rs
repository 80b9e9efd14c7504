//! The stage's colours: white and yellow on black, readable from the back of
//! a room.

use egui::Color32;

/// Behind everything.
pub const BACKGROUND: Color32 = Color32::BLACK;
/// Text.
pub const TEXT: Color32 = Color32::WHITE;
/// Dates, numbers, headings, bullets.
pub const ACCENT: Color32 = Color32::from_rgb(0xFF, 0xD4, 0x3B);
/// Secondary lines: sources, positions.
pub const MUTED: Color32 = Color32::from_rgb(0xB8, 0xB8, 0xB8);
