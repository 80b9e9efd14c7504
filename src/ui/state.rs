//! What the app remembers between runs, kept apart from runtime data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::theme::Theme;

/// Key under which [`Settings`] is stored by eframe.
pub const STORAGE_KEY: &str = "neutrality-reader-state";

/// Smallest, default and largest reading text size, in points.
pub const TEXT_SIZE_MIN: f32 = 12.0;
/// The reading text size a new reader starts with.
pub const TEXT_SIZE_DEFAULT: f32 = 18.0;
/// Largest reading text size.
pub const TEXT_SIZE_MAX: f32 = 40.0;

/// Narrowest and widest reading measure, in characters a line.
pub const LINE_WIDTH_MIN: u32 = 45;
/// The measure a new reader starts with: about seventy characters.
pub const LINE_WIDTH_DEFAULT: u32 = 70;
/// See [`LINE_WIDTH_MIN`].
pub const LINE_WIDTH_MAX: u32 = 100;

/// The reader's choices and places, saved with eframe persistence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The article open in the reader.
    pub open_article: Option<String>,
    /// Scroll position per article, in points from the top.
    pub scroll: BTreeMap<String, f32>,
    /// How far each article has been read, 0 to 1.
    pub progress: BTreeMap<String, f32>,
    /// Reading text size in points.
    pub text_size: f32,
    /// Light or dark.
    pub theme: Theme,
    /// Whether the library panel is shown.
    pub show_library: bool,
    /// Whether the "in this article" panel is shown.
    pub show_context: bool,
    /// Whether the timeline strip is shown under the reader.
    pub show_strip: bool,
    /// The view that was open.
    pub view: super::app::View,
    /// Presentation mode's own text scale (1 = 32-point body text).
    pub present_scale: f32,
    /// The reading measure, in characters a line.
    pub line_width: u32,
    /// The interface's language.
    pub language: crate::i18n::Language,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            open_article: None,
            scroll: BTreeMap::new(),
            progress: BTreeMap::new(),
            text_size: TEXT_SIZE_DEFAULT,
            theme: Theme::default(),
            show_library: true,
            show_context: true,
            show_strip: true,
            view: super::app::View::default(),
            present_scale: super::present::SCALE_DEFAULT,
            line_width: LINE_WIDTH_DEFAULT,
            language: crate::i18n::Language::default(),
        }
    }
}

/// A step of the text-size shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSizeStep {
    /// Ctrl+Plus.
    Larger,
    /// Ctrl+Minus.
    Smaller,
    /// Ctrl+0.
    Reset,
}

impl Settings {
    /// Applies a text-size step within the limits.
    pub fn step_text_size(&mut self, step: TextSizeStep) {
        self.text_size = match step {
            TextSizeStep::Larger => (self.text_size + 2.0).min(TEXT_SIZE_MAX),
            TextSizeStep::Smaller => (self.text_size - 2.0).max(TEXT_SIZE_MIN),
            TextSizeStep::Reset => TEXT_SIZE_DEFAULT,
        };
    }

    /// Records the reading position of an article; progress only grows.
    pub fn record_position(&mut self, article: &str, offset: f32, progress: f32) {
        self.scroll.insert(article.to_owned(), offset.max(0.0));
        let entry = self.progress.entry(article.to_owned()).or_insert(0.0);
        *entry = entry.max(progress.clamp(0.0, 1.0));
    }

    /// A text size from a file may be anything: keep it within the limits.
    pub fn sanitized(mut self) -> Self {
        if !self.text_size.is_finite() {
            self.text_size = TEXT_SIZE_DEFAULT;
        }
        self.text_size = self.text_size.clamp(TEXT_SIZE_MIN, TEXT_SIZE_MAX);
        if !self.present_scale.is_finite() {
            self.present_scale = super::present::SCALE_DEFAULT;
        }
        self.present_scale = self.present_scale.clamp(0.5, 2.5);
        self.line_width = self.line_width.clamp(LINE_WIDTH_MIN, LINE_WIDTH_MAX);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_size_stays_within_limits() {
        let mut s = Settings::default();
        for _ in 0..50 {
            s.step_text_size(TextSizeStep::Larger);
        }
        assert_eq!(s.text_size, TEXT_SIZE_MAX);
        for _ in 0..50 {
            s.step_text_size(TextSizeStep::Smaller);
        }
        assert_eq!(s.text_size, TEXT_SIZE_MIN);
        s.step_text_size(TextSizeStep::Reset);
        assert_eq!(s.text_size, TEXT_SIZE_DEFAULT);
    }

    #[test]
    fn progress_never_goes_back() {
        let mut s = Settings::default();
        s.record_position("a", 300.0, 0.6);
        s.record_position("a", 0.0, 0.1);
        assert_eq!(s.progress["a"], 0.6);
        assert_eq!(s.scroll["a"], 0.0);
    }

    #[test]
    fn a_hostile_text_size_is_clamped() {
        let s = Settings {
            text_size: f32::NAN,
            ..Settings::default()
        };
        assert_eq!(s.sanitized().text_size, TEXT_SIZE_DEFAULT);
        let s = Settings {
            text_size: 1e9,
            ..Settings::default()
        };
        assert_eq!(s.sanitized().text_size, TEXT_SIZE_MAX);
    }

    #[test]
    fn old_saves_with_missing_fields_still_load() {
        let s: Settings = ron::from_str("(open_article: Some(\"x\"))").unwrap();
        assert_eq!(s.open_article.as_deref(), Some("x"));
        assert_eq!(s.text_size, TEXT_SIZE_DEFAULT);
    }

    #[test]
    fn the_language_is_remembered_and_old_saves_are_in_english() {
        let s = Settings {
            language: crate::i18n::Language::Turkmen,
            ..Settings::default()
        };
        let saved = ron::to_string(&s).unwrap_or_default();
        let back: Result<Settings, _> = ron::from_str(&saved);
        assert_eq!(
            back.ok().map(|b| b.language),
            Some(crate::i18n::Language::Turkmen)
        );
        let old: Result<Settings, _> = ron::from_str("(text_size: 20.0)");
        assert_eq!(
            old.ok().map(|o| o.language),
            Some(crate::i18n::Language::English)
        );
    }
}
