//! Lines on pages: text wrapped to a width measured with the font's own
//! advances, blocks kept together on a page where they fit, a footer on
//! each page. Pure: what it makes is a list of placed lines, which
//! `super::render` draws and the tests measure.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Widths of text in the worksheet's two faces.
pub trait Measure {
    /// The width of `text` at `size` points, bold or regular.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32;
}

/// Noto Serif's advances read with skrifa: the sum of the glyphs' advance
/// widths, which is what the PDF draws less any kerning (which only Noto's
/// narrowing pairs use), so a line measured here never ends up wider.
pub struct FontMeasure<'a> {
    regular: FontRef<'a>,
    bold: FontRef<'a>,
}

impl<'a> FontMeasure<'a> {
    /// The measure of the two faces, or `None` if either does not parse.
    pub fn new(regular: &'a [u8], bold: &'a [u8]) -> Option<Self> {
        Some(Self {
            regular: FontRef::new(regular).ok()?,
            bold: FontRef::new(bold).ok()?,
        })
    }
}

impl Measure for FontMeasure<'_> {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or_default();
                metrics.advance_width(glyph).unwrap_or(size * 0.6)
            })
            .sum()
    }
}

/// One line of text where it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// From the page's left edge, in points.
    pub x: f32,
    /// The baseline, from the page's top edge, in points.
    pub baseline: f32,
    /// The font size, in points.
    pub size: f32,
    /// Bold rather than regular.
    pub bold: bool,
    /// The text.
    pub text: String,
    /// Its measured width, in points.
    pub width: f32,
}

/// One page's lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Every line on it, the footer last.
    pub lines: Vec<Line>,
}

/// A paragraph to set: its text, face, and where its lines start.
#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    /// The text; wrapped at spaces.
    pub text: String,
    /// The font size, in points.
    pub size: f32,
    /// Bold rather than regular.
    pub bold: bool,
    /// The first line's start, from the left margin.
    pub indent: f32,
    /// The following lines' start, from the left margin.
    pub hang: f32,
    /// Room above it, in points.
    pub before: f32,
    /// Texts set side by side on one line in equal columns from `indent`
    /// (short options), instead of `text`.
    pub cells: Vec<String>,
}

impl Para {
    /// A paragraph of regular text at `size`, from the margin.
    pub fn new(text: impl Into<String>, size: f32) -> Self {
        Self {
            text: text.into(),
            size,
            bold: false,
            indent: 0.0,
            hang: 0.0,
            before: 0.0,
            cells: Vec::new(),
        }
    }

    /// `cells` side by side in equal columns at `size`, from `indent`.
    pub fn row(cells: Vec<String>, size: f32, indent: f32) -> Self {
        Self {
            cells,
            ..Self::new("", size).at(indent, indent)
        }
    }

    /// The same, bold.
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The same, its first line at `indent` and the others at `hang`.
    pub fn at(mut self, indent: f32, hang: f32) -> Self {
        self.indent = indent;
        self.hang = hang;
        self
    }

    /// The same, with `before` points of room above.
    pub fn after_room(mut self, before: f32) -> Self {
        self.before = before;
        self
    }
}

/// How far apart lines of `size` are.
pub fn leading(size: f32) -> f32 {
    size * 1.32
}

/// `text` broken into lines: the first at most `first` wide, the others at
/// most `rest`. Breaks at spaces; a word wider than a line is broken between
/// its characters, so that no line is ever wider than its width. Widths add
/// up word by word (the measure has no kerning, so a line's width is the sum
/// of its words' and spaces').
pub fn wrap(
    measure: &dyn Measure,
    text: &str,
    size: f32,
    bold: bool,
    first: f32,
    rest: f32,
) -> Vec<String> {
    let space = measure.width(" ", size, bold);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut width = 0.0;
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { rest };
    for word in text.split_whitespace() {
        let word_width = measure.width(word, size, bold);
        let joined = if current.is_empty() {
            word_width
        } else {
            width + space + word_width
        };
        if joined <= limit(&lines) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            width = joined;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        width = 0.0;
        // The word on a line of its own, broken where even that is too wide.
        for c in word.chars() {
            let mut buffer = [0u8; 4];
            let char_width = measure.width(c.encode_utf8(&mut buffer), size, bold);
            if !current.is_empty() && width + char_width > limit(&lines) {
                lines.push(std::mem::take(&mut current));
                width = 0.0;
            }
            current.push(c);
            width += char_width;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// The paper and its margins, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// The page's width.
    pub width: f32,
    /// The page's height.
    pub height: f32,
    /// The margin on every side.
    pub margin: f32,
}

impl Frame {
    /// The width text may take.
    pub fn measure(&self) -> f32 {
        self.width - 2.0 * self.margin
    }
}

/// The size of the footer's text.
const FOOTER_SIZE: f32 = 8.5;

/// Pages being filled from the top, a block at a time.
pub struct Flow<'m> {
    measure: &'m dyn Measure,
    frame: Frame,
    pages: Vec<(String, Page)>,
    /// The top of the next line's room, from the page's top.
    y: f32,
}

impl<'m> Flow<'m> {
    /// An empty document on `frame`.
    pub fn new(measure: &'m dyn Measure, frame: Frame) -> Self {
        Self {
            measure,
            frame,
            pages: Vec::new(),
            y: frame.margin,
        }
    }

    /// Starts a page whose footer names `section` ("Version A").
    pub fn new_page(&mut self, section: &str) {
        self.pages.push((section.to_owned(), Page::default()));
        self.y = self.frame.margin;
    }

    /// The bottom of the room for text: above the footer.
    fn bottom(&self) -> f32 {
        self.frame.height - self.frame.margin - leading(FOOTER_SIZE)
    }

    /// The paragraph's lines, each a list of (x from the margin, text, width).
    fn set(&self, para: &Para) -> Vec<Vec<(f32, String, f32)>> {
        let width = self.frame.measure();
        if !para.cells.is_empty() {
            let column = self.column(para);
            let cells = para.cells.iter().enumerate().map(|(i, text)| {
                let w = self.measure.width(text, para.size, para.bold);
                (para.indent + column * i as f32, text.clone(), w)
            });
            return vec![cells.collect()];
        }
        wrap(
            self.measure,
            &para.text,
            para.size,
            para.bold,
            width - para.indent,
            width - para.hang,
        )
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let x = if i == 0 { para.indent } else { para.hang };
            let w = self.measure.width(&text, para.size, para.bold);
            vec![(x, text, w)]
        })
        .collect()
    }

    /// The width of each of a row's columns.
    fn column(&self, para: &Para) -> f32 {
        (self.frame.measure() - para.indent) / para.cells.len().max(1) as f32
    }

    /// Whether `cells` fit side by side in equal columns from `indent`,
    /// with room between them.
    pub fn fits_row(&self, cells: &[String], size: f32, indent: f32) -> bool {
        let para = Para::row(cells.to_vec(), size, indent);
        let column = self.column(&para);
        cells
            .iter()
            .all(|cell| self.measure.width(cell, size, false) + 12.0 <= column)
    }

    fn height(&self, paras: &[Para]) -> f32 {
        paras
            .iter()
            .map(|p| p.before + leading(p.size) * self.set(p).len() as f32)
            .sum()
    }

    /// Sets `paras` as one block: on this page if it fits, else at the top
    /// of a new one (of the same section); a block taller than a page runs
    /// on across pages, a line at a time.
    pub fn block(&mut self, paras: &[Para]) {
        let section = self
            .pages
            .last()
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        if self.pages.is_empty() {
            self.new_page(&section);
        }
        let fits_empty = self.frame.margin + self.height(paras) <= self.bottom();
        let starts_page = self.y <= self.frame.margin;
        if self.y + self.height(paras) > self.bottom() && fits_empty && !starts_page {
            self.new_page(&section);
        }
        for para in paras {
            if self.y > self.frame.margin {
                self.y += para.before;
            }
            for segments in self.set(para) {
                if self.y + leading(para.size) > self.bottom() {
                    self.new_page(&section);
                }
                self.y += leading(para.size);
                // The baseline sits about a quarter of the leading above the line's foot.
                let baseline = self.y - leading(para.size) * 0.24;
                for (x, text, width) in segments {
                    let line = Line {
                        x: self.frame.margin + x,
                        baseline,
                        size: para.size,
                        bold: para.bold,
                        text,
                        width,
                    };
                    if let Some((_, page)) = self.pages.last_mut() {
                        page.lines.push(line);
                    }
                }
            }
        }
    }

    /// The pages, each with its footer: the section and the page number.
    pub fn finish(self) -> Vec<Page> {
        let frame = self.frame;
        let total = self.pages.len();
        self.pages
            .into_iter()
            .enumerate()
            .map(|(i, (section, mut page))| {
                let text = format!("{section} · page {} of {total}", i + 1);
                let width = self.measure.width(&text, FOOTER_SIZE, false);
                page.lines.push(Line {
                    x: frame.width - frame.margin - width,
                    baseline: frame.height - frame.margin,
                    size: FOOTER_SIZE,
                    bold: false,
                    text,
                    width,
                });
                page
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 5 points wide at any size.
    struct Fixed;
    impl Measure for Fixed {
        fn width(&self, text: &str, _size: f32, _bold: bool) -> f32 {
            text.chars().count() as f32 * 5.0
        }
    }

    #[test]
    fn lines_break_at_spaces_within_their_widths() {
        let lines = wrap(&Fixed, "aaa bbb ccc ddd", 10.0, false, 40.0, 20.0);
        assert_eq!(lines, ["aaa bbb", "ccc", "ddd"]);
    }

    #[test]
    fn a_word_wider_than_a_line_is_broken_between_characters() {
        let lines = wrap(&Fixed, "abcdefghij k", 10.0, false, 20.0, 20.0);
        assert_eq!(lines, ["abcd", "efgh", "ij k"]);
        assert_eq!(wrap(&Fixed, "", 10.0, false, 20.0, 20.0), [""]);
    }

    #[test]
    fn a_block_that_does_not_fit_starts_a_new_page_and_none_overflows() {
        let frame = Frame {
            width: 200.0,
            height: 200.0,
            margin: 20.0,
        };
        let mut flow = Flow::new(&Fixed, frame);
        flow.new_page("Version A");
        for _ in 0..12 {
            flow.block(&[
                Para::new("one two three four five six seven", 10.0),
                Para::new("eight", 10.0).at(10.0, 10.0),
            ]);
        }
        let pages = flow.finish();
        assert!(pages.len() > 1);
        for page in &pages {
            for line in &page.lines {
                assert!(line.x >= frame.margin - 0.01);
                assert!(
                    line.x + line.width <= frame.width - frame.margin + 0.01,
                    "{line:?}"
                );
                assert!(line.baseline <= frame.height - frame.margin + 0.01);
            }
            assert!(
                page.lines
                    .last()
                    .unwrap()
                    .text
                    .starts_with("Version A · page")
            );
        }
    }
}
