//! A colour per event category, distinct in both themes.

use egui::Color32;

use crate::model::EventCategory;

/// The colour of a category's markers and legend swatch.
pub fn category_color(category: EventCategory, dark: bool) -> Color32 {
    let (r, g, b) = match category {
        EventCategory::UnResolution => (0x1F, 0x77, 0xB4),
        EventCategory::Summit => (0xD6, 0x27, 0x28),
        EventCategory::Conference => (0x2C, 0xA0, 0x2C),
        EventCategory::Meeting => (0x17, 0xBE, 0xCF),
        EventCategory::Talks => (0x94, 0x67, 0xBD),
        EventCategory::Agreement => (0x8C, 0x56, 0x4B),
        EventCategory::Establishment => (0xE3, 0x77, 0xC2),
        EventCategory::Membership => (0xFF, 0x7F, 0x0E),
        EventCategory::Milestone => (0x7F, 0x7F, 0x7F),
        EventCategory::Anniversary => (0xBC, 0xBD, 0x22),
        EventCategory::Initiative => (0x00, 0x80, 0x80),
        EventCategory::InternationalYear => (0xB8, 0x86, 0x0B),
        EventCategory::Programme => (0x55, 0x6B, 0x2F),
    };
    if dark {
        // Lift the darker hues so they read on a dark page.
        let lift = |c: u8| c.saturating_add((255 - c) / 4);
        Color32::from_rgb(lift(r), lift(g), lift(b))
    } else {
        Color32::from_rgb(r, g, b)
    }
}
