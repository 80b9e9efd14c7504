//! A colour per event category, distinct in both themes.

use egui::Color32;

use crate::model::Category;

/// The colour of a category's markers and legend swatch.
pub fn category_color(category: &Category, dark: bool) -> Color32 {
    let [r, g, b] = category.rgb;
    if dark {
        // Lift the darker hues so they read on a dark page.
        let lift = |c: u8| c.saturating_add((255 - c) / 4);
        Color32::from_rgb(lift(r), lift(g), lift(b))
    } else {
        Color32::from_rgb(r, g, b)
    }
}
