//! Text layout for the reader: serif type, generous leading, a readable measure.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use crate::ui::fonts::{SERIF, SERIF_BOLD, SERIF_ITALIC, family};

/// Line height as a multiple of the text size.
pub const LEADING: f32 = 1.55;

/// The reading measure in points for a text size and a line width in
/// characters: an average Noto Serif character is about 0.54 em wide.
pub fn measure(text_size: f32, characters: u32) -> f32 {
    text_size * 0.543 * characters as f32
}

/// Which face a run of text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// Upright.
    Regular,
    /// Italic.
    Italic,
    /// Bold.
    Bold,
}

fn format(size: f32, face: Face, color: Color32) -> TextFormat {
    let name = match face {
        Face::Regular => SERIF,
        Face::Italic => SERIF_ITALIC,
        Face::Bold => SERIF_BOLD,
    };
    TextFormat {
        font_id: FontId::new(size, family(name)),
        line_height: Some(size * LEADING),
        color,
        ..TextFormat::default()
    }
}

/// One run of text in one face.
pub fn run(text: &str, size: f32, face: Face, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.append(text, 0.0, format(size, face, color));
    job
}

/// A resolution paragraph: its first word ("Recalling", "Decides") in italic,
/// as the United Nations sets them.
pub fn resolution_paragraph(text: &str, size: f32, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let (first, rest) = match text.split_once(' ') {
        Some((first, rest)) => (first, rest),
        None => (text, ""),
    };
    job.append(first, 0.0, format(size, Face::Italic, color));
    if !rest.is_empty() {
        job.append(&format!(" {rest}"), 0.0, format(size, Face::Regular, color));
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_word_of_a_resolution_paragraph_is_italic() {
        let job = resolution_paragraph("Decides to include", 18.0, Color32::BLACK);
        assert_eq!(job.text, "Decides to include");
        assert_eq!(job.sections.len(), 2);
        let first = &job.sections[0].byte_range;
        assert_eq!((first.start.0, first.end.0), (0, 7));
    }

    #[test]
    fn the_measure_grows_with_the_text() {
        assert!(measure(24.0, 70) > measure(18.0, 70));
        assert!(measure(18.0, 90) > measure(18.0, 60));
    }
}
