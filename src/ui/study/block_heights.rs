//! The heights of a long article's blocks, so that the page lays out only
//! the blocks near the screen and stands the others in by their height: an
//! article of 100,000 paragraphs is drawn with a screenful's work. A block
//! never drawn yet stands in by an estimate from its length; once drawn, by
//! its measured height. Heights hold for one article, column width and text
//! size.

use crate::model::Block;

/// Articles with more blocks than this are drawn near the screen only;
/// shorter ones whole (every paragraph's controls then stay in the Tab order).
pub const DRAWN_WHOLE: usize = 150;

/// Each block's height in points, measured or estimated, for one setting.
#[derive(Clone, Debug, Default)]
pub struct BlockHeights {
    /// The article, column width and text size they hold for.
    key: Option<(String, u32, u32)>,
    /// By block: the height, and whether it was measured.
    heights: Vec<Option<(f32, bool)>>,
}

impl BlockHeights {
    /// Starts over unless the heights are for `article` set `width` wide at
    /// `size`.
    pub fn set_for(&mut self, article: &str, blocks: usize, width: f32, size: f32) {
        // Compared before anything is made: this runs every frame.
        let same = self
            .key
            .as_ref()
            .is_some_and(|(a, w, s)| a == article && *w == width.to_bits() && *s == size.to_bits());
        if !same {
            self.key = Some((article.to_owned(), width.to_bits(), size.to_bits()));
            self.heights = vec![None; blocks];
        }
    }

    /// The height of block `index`: as measured, or estimated from `block`'s
    /// length in a column `width` wide at `size` (and kept).
    pub fn height(&mut self, index: usize, block: &Block, width: f32, size: f32) -> f32 {
        if let Some(Some((height, _))) = self.heights.get(index) {
            return *height;
        }
        let estimate = estimate(block, width, size);
        if let Some(slot) = self.heights.get_mut(index) {
            *slot = Some((estimate, false));
        }
        estimate
    }

    /// Block `index` was drawn `height` tall.
    pub fn measured(&mut self, index: usize, height: f32) {
        if let Some(slot) = self.heights.get_mut(index) {
            *slot = Some((height, true));
        }
    }
}

/// A block's height from its length: its characters at about half the text
/// size each, in lines of the column, at the reader's leading, with the
/// space after it.
pub fn estimate(block: &Block, width: f32, size: f32) -> f32 {
    let characters = block.text().chars().count().max(1) as f32;
    let per_line = (width / (size * 0.5)).max(1.0);
    let lines = (characters / per_line).ceil().max(1.0);
    lines * size * super::text::LEADING + size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(characters: usize) -> Block {
        Block::Paragraph {
            text: "x".repeat(characters),
            note: None,
        }
    }

    #[test]
    fn an_estimate_grows_with_the_text_and_shrinks_with_the_width() {
        let (short, long) = (paragraph(100), paragraph(10_000));
        assert!(estimate(&long, 600.0, 18.0) > estimate(&short, 600.0, 18.0) * 10.0);
        assert!(estimate(&long, 300.0, 18.0) > estimate(&long, 600.0, 18.0) * 1.8);
        assert!(estimate(&paragraph(0), 600.0, 18.0) > 0.0);
    }

    #[test]
    fn a_measured_height_stands_until_the_setting_changes() {
        let block = paragraph(500);
        let mut heights = BlockHeights::default();
        heights.set_for("a", 3, 600.0, 18.0);
        let guess = heights.height(1, &block, 600.0, 18.0);
        heights.measured(1, 123.0);
        assert_eq!(heights.height(1, &block, 600.0, 18.0), 123.0);
        heights.set_for("a", 3, 600.0, 18.0);
        assert_eq!(heights.height(1, &block, 600.0, 18.0), 123.0);
        heights.set_for("a", 3, 500.0, 18.0);
        assert_ne!(heights.height(1, &block, 500.0, 18.0), 123.0);
        assert!(guess > 0.0);
        // Out of range asks nothing of memory.
        assert!(heights.height(99, &block, 500.0, 18.0) > 0.0);
        heights.measured(99, 1.0);
    }
}
