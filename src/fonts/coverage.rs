//! The characters one font face maps to a glyph, kept as sorted ranges: a
//! CJK face maps ~30,000 characters in a few hundred runs, so a look-up is a
//! binary search over those runs, not a set of every character.

use skrifa::MetadataProvider;

/// The characters a face has a glyph for (glyph 0, `.notdef`, the "tofu"
/// box, does not count), as sorted, disjoint, non-adjacent inclusive ranges
/// of code points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    ranges: Vec<(u32, u32)>,
}

impl Coverage {
    /// The coverage of face `index` of the font file `bytes`; `None` when
    /// the bytes are no font skrifa can read (a broken file is skipped, not
    /// a panic). skrifa reads tables lazily, so the ones any drawing needs
    /// are read here: a file cut short fails now, not while drawing.
    pub fn of_font(bytes: &[u8], index: u32) -> Option<Self> {
        use skrifa::raw::TableProvider;
        let font = skrifa::FontRef::from_index(bytes, index).ok()?;
        font.head().ok()?;
        font.maxp().ok()?;
        font.hhea().ok()?;
        font.cmap().ok()?;
        let mapped = font
            .charmap()
            .mappings()
            .filter(|(_, glyph)| *glyph != skrifa::GlyphId::NOTDEF)
            .map(|(code, _)| code);
        Some(Self::from_code_points(mapped))
    }

    /// The coverage of exactly these code points, in any order, repeats allowed.
    pub fn from_code_points(points: impl IntoIterator<Item = u32>) -> Self {
        let mut points: Vec<u32> = points.into_iter().collect();
        points.sort_unstable();
        points.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for point in points {
            match ranges.last_mut() {
                Some((_, end)) if end.checked_add(1) == Some(point) => *end = point,
                _ => ranges.push((point, point)),
            }
        }
        Self { ranges }
    }

    /// Whether the face has a glyph for `c`.
    pub fn contains(&self, c: char) -> bool {
        let code = u32::from(c);
        // The first range that ends at or after `code`: `code` is in it or in none.
        let at = self.ranges.partition_point(|&(_, end)| end < code);
        self.ranges.get(at).is_some_and(|&(start, _)| start <= code)
    }

    /// Both faces' characters together.
    pub fn union(&self, other: &Self) -> Self {
        let mut all: Vec<(u32, u32)> = self.ranges.iter().chain(&other.ranges).copied().collect();
        all.sort_unstable();
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(all.len());
        for (start, end) in all {
            match ranges.last_mut() {
                Some((_, last)) if start <= last.saturating_add(1) => *last = (*last).max(end),
                _ => ranges.push((start, end)),
            }
        }
        Self { ranges }
    }

    /// How many characters the face maps.
    pub fn len(&self) -> usize {
        self.ranges
            .iter()
            .map(|&(start, end)| (end - start) as usize + 1)
            .sum()
    }

    /// Whether the face maps no character at all.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// How many runs of consecutive characters: the size of the look-up.
    pub fn runs(&self) -> usize {
        self.ranges.len()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// A small deterministic generator (splitmix64) for the property tests:
    /// the same cases on every run, so that a failure can be replayed.
    struct Cases(u64);

    impl Cases {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// A code point near `around`, so that sets have runs and gaps.
        fn point(&mut self, around: u32) -> u32 {
            (around + (self.next() % 200) as u32).min(0x10_FFFF)
        }

        fn set(&mut self) -> BTreeSet<u32> {
            let around = [0x20, 0x3000, 0x4E00, 0xD700, 0x1_F600][(self.next() % 5) as usize];
            let count = self.next() % 120;
            (0..count).map(|_| self.point(around)).collect()
        }
    }

    fn char_of(point: u32) -> Option<char> {
        char::from_u32(point)
    }

    #[test]
    fn ranges_join_neighbours_and_look_ups_find_them() {
        let coverage = Coverage::from_code_points([0x41, 0x43, 0x42, 0x42, 0x4E00, 0x10_FFFF]);
        assert_eq!(coverage.runs(), 3);
        assert_eq!(coverage.len(), 5);
        for c in ['A', 'B', 'C', '一', '\u{10FFFF}'] {
            assert!(coverage.contains(c), "{c:?}");
        }
        for c in ['@', 'D', '丁', '\u{10FFFE}', '\0'] {
            assert!(!coverage.contains(c), "{c:?}");
        }
        assert!(Coverage::default().is_empty());
        assert!(!Coverage::default().contains('a'));
    }

    #[test]
    fn property_contains_is_membership_of_the_points_given() {
        let mut cases = Cases(16);
        for _ in 0..300 {
            let set = cases.set();
            let coverage = Coverage::from_code_points(set.iter().copied());
            assert_eq!(coverage.len(), set.len());
            for probe in set
                .iter()
                .copied()
                .chain((0..50).map(|_| cases.point(0x3000)))
            {
                if let Some(c) = char_of(probe) {
                    assert_eq!(coverage.contains(c), set.contains(&probe), "{probe:#X}");
                }
            }
            // The runs are sorted, disjoint and never touch: one run per gap.
            let runs = coverage.ranges.windows(2).all(|w| w[0].1 + 1 < w[1].0);
            assert!(runs, "{:?}", coverage.ranges);
        }
    }

    #[test]
    fn property_union_is_membership_of_either() {
        let mut cases = Cases(61);
        for _ in 0..300 {
            let (a, b) = (cases.set(), cases.set());
            let both = Coverage::from_code_points(a.iter().copied())
                .union(&Coverage::from_code_points(b.iter().copied()));
            let expected = Coverage::from_code_points(a.union(&b).copied());
            assert_eq!(both, expected);
        }
    }

    #[test]
    fn a_font_file_maps_its_letters_and_not_another_scripts() {
        let serif = include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf");
        let coverage = Coverage::of_font(serif, 0).unwrap_or_default();
        for c in ['a', 'Z', 'ý', 'ň', '’', '“'] {
            assert!(coverage.contains(c), "{c:?}");
        }
        for c in ['中', 'क', 'ع', '\u{E000}'] {
            assert!(!coverage.contains(c), "{c:?}");
        }
    }

    #[test]
    fn broken_font_bytes_are_no_font() {
        assert_eq!(Coverage::of_font(b"not a font at all", 0), None);
        assert_eq!(Coverage::of_font(&[], 0), None);
        let serif = include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf");
        // Cut short: the table directory points past the end.
        assert_eq!(Coverage::of_font(&serif[..64], 0), None);
        // A face the file does not have.
        assert_eq!(Coverage::of_font(serif, 3), None);
    }
}
