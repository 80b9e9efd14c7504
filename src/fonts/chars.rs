//! Characters that need no glyph, and characters written right to left.

/// Whether `c` is drawn as nothing, by design, in any font: control
/// characters (line breaks, tabs) and Unicode's default-ignorable code points
/// (zero-width spaces and joiners, direction marks, variation selectors, the
/// soft hyphen, tags). egui asks no font for a control character either; a
/// missing glyph for these is no box an author needs to hear of.
pub fn needs_no_glyph(c: char) -> bool {
    if c.is_control() {
        return true;
    }
    matches!(
        u32::from(c),
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Whether `c` is a letter of a script written right to left (Hebrew,
/// Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation
/// forms, and the right-to-left blocks of the supplementary planes). egui
/// shapes each word of such text right to left (and joins Arabic letters)
/// but has no bidirectional layout: the words stand left to right, in the
/// order written, so a sentence reads backwards word by word.
pub fn is_right_to_left(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x1_0800..=0x1_0FFF | 0x1_E800..=0x1_EFFF
    ) && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_invisible_characters_need_no_glyph() {
        for c in [
            '\n', '\t', '\u{200B}', '\u{200D}', '\u{FE0F}', '\u{00AD}', '\u{FEFF}',
        ] {
            assert!(needs_no_glyph(c), "{c:?}");
        }
        for c in ['a', ' ', '中', '\u{E000}', '😀', 'ع'] {
            assert!(!needs_no_glyph(c), "{c:?}");
        }
    }

    #[test]
    fn hebrew_and_arabic_letters_are_right_to_left() {
        for c in ['א', 'ש', 'ع', 'ب', 'ﻻ', 'ܐ', 'ހ'] {
            assert!(is_right_to_left(c), "{c:?}");
        }
        // Latin, CJK, Devanagari, digits and the Arabic comma (not a letter).
        for c in ['a', '中', 'क', '1', '،', '\u{FEFF}'] {
            assert!(!is_right_to_left(c), "{c:?}");
        }
    }
}
