//! What the app remembers between runs, kept apart from runtime data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::command::{TextSizeStep, ZoomStep};
use super::theme::Theme;

/// Key under which [`Settings`] were stored in eframe's store before they
/// had their own file (see [`super::saved_settings`]), and still are in a
/// window without a storage folder.
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

/// The steps of the whole interface's zoom, as a browser's Ctrl+Plus takes them.
pub const ZOOM_STEPS: [f32; 11] = [0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];
/// The interface's zoom a new reader starts with.
pub const ZOOM_DEFAULT: f32 = 1.0;
/// The projector preset: readable from the back of a classroom at 1920x1080.
pub const ZOOM_PROJECTOR: f32 = 1.5;

/// The presentation stage's text scale a new reader starts with (1 = 32-point
/// body text).
pub const PRESENT_SCALE_DEFAULT: f32 = 1.0;

/// The reader's choices and places, saved in `settings.json`
/// ([`super::saved_settings`]).
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
    pub view: super::command::View,
    /// Presentation mode's own text scale (1 = 32-point body text).
    pub present_scale: f32,
    /// The whole interface's zoom (1 = 100%), one of [`ZOOM_STEPS`].
    pub zoom: f32,
    /// The reading measure, in characters a line.
    pub line_width: u32,
    /// The interface's language.
    pub language: crate::i18n::Language,
    /// Dataset folders opened, most recent first (see [`super::datasets::remember`]).
    pub recent_datasets: Vec<String>,
    /// The dataset folder on screen when the app last closed, to open again
    /// at the next start; `None` for the bundled dataset.
    pub open_folder: Option<String>,
    /// The dataset that `open_article`, `scroll` and `progress` belong to:
    /// `None` for the bundled one, else its [`super::datasets::dataset_key`].
    /// Articles of two datasets may share an id; their places must not mix.
    pub places_of: Option<String>,
    /// The places of the datasets not open now, by dataset key
    /// ([`BUNDLED_PLACES`] for the bundled one).
    pub other_places: BTreeMap<String, Places>,
}

/// Where [`Settings::other_places`] keeps the bundled dataset's places; a
/// folder's key always ends in a hyphen and a hash, so it is never this.
pub const BUNDLED_PLACES: &str = "bundled";

/// One dataset's reading places, kept while another dataset is open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Places {
    /// The article that was open.
    pub open_article: Option<String>,
    /// Scroll position per article.
    pub scroll: BTreeMap<String, f32>,
    /// How far each article has been read.
    pub progress: BTreeMap<String, f32>,
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
            view: super::command::View::default(),
            present_scale: PRESENT_SCALE_DEFAULT,
            zoom: ZOOM_DEFAULT,
            line_width: LINE_WIDTH_DEFAULT,
            language: crate::i18n::Language::default(),
            recent_datasets: Vec::new(),
            open_folder: None,
            places_of: None,
            other_places: BTreeMap::new(),
        }
    }
}

/// The step of [`ZOOM_STEPS`] nearest to `zoom`.
pub fn nearest_zoom(zoom: f32) -> f32 {
    ZOOM_STEPS
        .iter()
        .copied()
        .min_by(|a, b| (a - zoom).abs().total_cmp(&(b - zoom).abs()))
        .unwrap_or(ZOOM_DEFAULT)
}

impl Settings {
    /// Zooms the whole interface a step in or out, back to 100%, or to the
    /// projector preset.
    pub fn step_zoom(&mut self, step: ZoomStep) {
        let at = ZOOM_STEPS
            .iter()
            .position(|&z| z == nearest_zoom(self.zoom))
            .unwrap_or(4);
        self.zoom = match step {
            ZoomStep::In => ZOOM_STEPS.get(at + 1).copied().unwrap_or(self.zoom),
            ZoomStep::Out => ZOOM_STEPS
                .get(at.wrapping_sub(1))
                .copied()
                .unwrap_or(self.zoom),
            ZoomStep::Reset => ZOOM_DEFAULT,
            ZoomStep::Projector => ZOOM_PROJECTOR,
        };
    }

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

    /// Makes `open_article`, `scroll` and `progress` those of the dataset
    /// `key` (`None`: the bundled one), putting the current ones aside under
    /// their own dataset's key.
    pub fn switch_places(&mut self, key: Option<&str>) {
        if self.places_of.as_deref() == key {
            return;
        }
        let current = Places {
            open_article: self.open_article.take(),
            scroll: std::mem::take(&mut self.scroll),
            progress: std::mem::take(&mut self.progress),
        };
        let old_key = self
            .places_of
            .take()
            .unwrap_or_else(|| BUNDLED_PLACES.to_owned());
        if current != Places::default() {
            self.other_places.insert(old_key, current);
        }
        let places = self
            .other_places
            .remove(key.unwrap_or(BUNDLED_PLACES))
            .unwrap_or_default();
        self.open_article = places.open_article;
        self.scroll = places.scroll;
        self.progress = places.progress;
        self.places_of = key.map(str::to_owned);
    }

    /// A text size from a file may be anything: keep it within the limits.
    pub fn sanitized(mut self) -> Self {
        if !self.text_size.is_finite() {
            self.text_size = TEXT_SIZE_DEFAULT;
        }
        self.text_size = self.text_size.clamp(TEXT_SIZE_MIN, TEXT_SIZE_MAX);
        if !self.present_scale.is_finite() {
            self.present_scale = PRESENT_SCALE_DEFAULT;
        }
        self.present_scale = self.present_scale.clamp(0.5, 2.5);
        if !self.zoom.is_finite() {
            self.zoom = ZOOM_DEFAULT;
        }
        self.zoom = nearest_zoom(self.zoom);
        self.line_width = self.line_width.clamp(LINE_WIDTH_MIN, LINE_WIDTH_MAX);
        self.recent_datasets.truncate(super::datasets::RECENT_MAX);
        // A place that is not a number would not even save (JSON has no NaN).
        let finite = |_: &String, value: &mut f32| value.is_finite();
        self.scroll.retain(finite);
        self.progress.retain(finite);
        for places in self.other_places.values_mut() {
            places.scroll.retain(finite);
            places.progress.retain(finite);
        }
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

    /// eframe's older store was RON, which has NaN; settings.json is JSON,
    /// which has not: a place that is not a number would save as `null` and
    /// the next start would find the file damaged.
    #[test]
    fn places_that_are_not_numbers_are_dropped_so_that_the_settings_save() {
        let s: Settings = ron::from_str::<Settings>(
            "(scroll: {\"a\": NaN, \"b\": 40.0}, progress: {\"a\": inf}, \
             other_places: {\"unit-1\": (scroll: {\"c\": -inf}, progress: {\"c\": 0.5})})",
        )
        .unwrap()
        .sanitized();
        assert_eq!(s.scroll.keys().collect::<Vec<_>>(), ["b"]);
        assert!(s.progress.is_empty());
        assert!(s.other_places["unit-1"].scroll.is_empty());
        assert_eq!(s.other_places["unit-1"].progress["c"], 0.5);
        let json = serde_json::to_string(&s).unwrap();
        let back: Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn old_saves_with_missing_fields_still_load() {
        let s: Settings = ron::from_str("(open_article: Some(\"x\"))").unwrap();
        assert_eq!(s.open_article.as_deref(), Some("x"));
        assert_eq!(s.text_size, TEXT_SIZE_DEFAULT);
    }

    #[test]
    fn each_dataset_keeps_its_own_places() {
        let mut s = Settings {
            open_article: Some("intro".to_owned()),
            ..Settings::default()
        };
        s.record_position("intro", 120.0, 0.5);
        s.switch_places(Some("unit-1"));
        // The folder's "intro" is another article: it starts at the top.
        assert_eq!(s.open_article, None);
        assert!(s.scroll.is_empty() && s.progress.is_empty());
        s.open_article = Some("intro".to_owned());
        s.record_position("intro", 40.0, 0.2);
        s.switch_places(None);
        assert_eq!(s.open_article.as_deref(), Some("intro"));
        assert_eq!(s.scroll["intro"], 120.0);
        assert_eq!(s.progress["intro"], 0.5);
        s.switch_places(Some("unit-1"));
        assert_eq!(s.scroll["intro"], 40.0);
        assert_eq!(s.places_of.as_deref(), Some("unit-1"));
        // Saved and read back, the places stay with their dataset.
        let saved = ron::to_string(&s).unwrap_or_default();
        let back: Result<Settings, _> = ron::from_str(&saved);
        assert_eq!(back.ok().as_ref(), Some(&s));
    }

    #[test]
    fn older_saves_without_datasets_load_as_the_bundled_one() {
        let old: Result<Settings, _> =
            ron::from_str("(open_article: Some(\"x\"), scroll: {\"x\": 3.0})");
        let old = old.ok().unwrap_or_default();
        assert_eq!(old.places_of, None);
        assert!(old.recent_datasets.is_empty());
        assert_eq!(old.scroll.get("x"), Some(&3.0));
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

    #[test]
    fn the_zoom_steps_as_a_browser_does_and_stays_within_its_steps() {
        let mut s = Settings::default();
        assert_eq!(s.zoom, 1.0);
        s.step_zoom(ZoomStep::In);
        assert_eq!(s.zoom, 1.1);
        s.step_zoom(ZoomStep::Out);
        s.step_zoom(ZoomStep::Out);
        assert_eq!(s.zoom, 0.9);
        s.step_zoom(ZoomStep::Projector);
        assert_eq!(s.zoom, ZOOM_PROJECTOR);
        s.step_zoom(ZoomStep::Reset);
        assert_eq!(s.zoom, 1.0);
        for (stored, read) in [(f32::NAN, 1.0), (9.0, 2.5), (0.1, 0.67), (1.3, 1.25)] {
            let settings = Settings {
                zoom: stored,
                ..Settings::default()
            };
            assert_eq!(settings.sanitized().zoom, read, "{stored}");
        }
    }
}
