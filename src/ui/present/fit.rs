//! Setting a slide to the screen: the text as large as the screen holds,
//! shrunk until the slide fits, never below a readable size; what still does
//! not fit goes on over parts, split between lines.

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, Galley, RichText, TextWrapMode};

/// The smallest body text the stage sets, in points: past it a slide goes
/// on over parts rather than shrink.
pub const BODY_MIN: f32 = 22.0;
/// At scale 1 the body text is this fraction of the room's height…
const LINES_TALL: f32 = 13.0;
/// …and of its width, whichever is smaller.
const EMS_WIDE: f32 = 26.0;

/// One run of a slide's text, sized relative to the body text.
#[derive(Clone, Debug)]
pub struct Piece {
    text: String,
    size: f32,
    color: Color32,
    italics: bool,
    marker: Option<String>,
    gap: f32,
}

impl Piece {
    /// `text` at `size` times the body text, in `color`.
    pub fn new(text: &str, size: f32, color: Color32) -> Self {
        Self {
            text: text.to_owned(),
            size,
            color,
            italics: false,
            marker: None,
            gap: 0.0,
        }
    }

    /// In italics.
    pub fn italics(mut self) -> Self {
        self.italics = true;
        self
    }

    /// With `marker` (a bullet, an operative paragraph's number) hanging to
    /// its left in the accent colour.
    pub fn marker(mut self, marker: &str) -> Self {
        self.marker = Some(marker.to_owned());
        self
    }

    /// With `gap` times the body text of space above it.
    pub fn gap(mut self, gap: f32) -> Self {
        self.gap = gap;
        self
    }

    fn rich(&self, text: &str, size: f32) -> RichText {
        let rich = RichText::new(text).size(size).color(self.color);
        if self.italics { rich.italics() } else { rich }
    }
}

/// A piece laid out at one body size and width.
struct Laid {
    piece: Piece,
    size: f32,
    marker: Option<Arc<Galley>>,
    text: Arc<Galley>,
    /// Where the text starts, right of the marker.
    indent: f32,
    width: f32,
    gap: f32,
}

impl Laid {
    /// The height of rows `rows` of the text.
    fn rows_height(&self, rows: &Range<usize>) -> f32 {
        let rows = &self.text.rows[rows.clone()];
        match (rows.first(), rows.last()) {
            (Some(first), Some(last)) => last.rect().max.y - first.rect().min.y,
            _ => 0.0,
        }
    }
}

/// Lays `piece` out at `body` points in `width`.
fn lay(ui: &egui::Ui, piece: &Piece, body: f32, width: f32) -> Laid {
    let size = piece.size * body;
    let spacing = size * 0.4;
    let marker = piece.marker.as_ref().map(|m| {
        RichText::new(m)
            .size(size)
            .color(super::colors::ACCENT)
            .into_galley_for(ui, f32::INFINITY)
    });
    let indent = marker.as_ref().map_or(0.0, |m| m.size().x + spacing);
    let text = piece
        .rich(&piece.text, size)
        .into_galley_for(ui, (width - indent).max(size));
    Laid {
        piece: piece.clone(),
        size,
        marker,
        text,
        indent,
        width,
        gap: piece.gap * body,
    }
}

/// Laying out text for the stage, wrapped at a width.
trait IntoGalley {
    fn into_galley_for(self, ui: &egui::Ui, width: f32) -> Arc<Galley>;
}

impl IntoGalley for RichText {
    fn into_galley_for(self, ui: &egui::Ui, width: f32) -> Arc<Galley> {
        egui::WidgetText::from(self).into_galley(
            ui,
            Some(TextWrapMode::Wrap),
            width,
            egui::TextStyle::Body,
        )
    }
}

/// Rows `rows` of piece `piece`: one part of a page.
struct Part {
    piece: usize,
    rows: Range<usize>,
}

/// A slide set for the screen: its header and footer lines, and its pieces
/// over one or more pages.
pub struct Fitted {
    /// The body text size chosen, in points.
    pub body: f32,
    header: Laid,
    footer: Laid,
    laid: Vec<Laid>,
    pages: Vec<Vec<Part>>,
    room: egui::Vec2,
    picture: f32,
}

/// The body size the screen holds at `scale`: a fraction of the room.
pub fn preferred_body(room: egui::Vec2, scale: f32) -> f32 {
    ((room.y / LINES_TALL).min(room.x / EMS_WIDE) * scale).max(BODY_MIN)
}

/// What is around a slide's pieces: the line above, the line below, and
/// the height kept for a picture above the pieces (0 for none).
pub struct Frame<'a> {
    /// Where the slide stands.
    pub header: &'a Piece,
    /// The stage's keys.
    pub footer: &'a Piece,
    /// Kept for a picture, in points.
    pub picture: f32,
}

/// Sets `pieces` in `frame` in `room`: at `preferred` points, or smaller
/// until they fit, and over pages if they do not fit at [`BODY_MIN`].
pub fn fit(
    ui: &egui::Ui,
    frame: &Frame<'_>,
    pieces: &[Piece],
    room: egui::Vec2,
    preferred: f32,
) -> Fitted {
    let mut body = preferred.max(BODY_MIN);
    loop {
        let mut fitted = lay_all(ui, frame.header, pieces, frame.footer, room, body);
        fitted.picture = frame.picture;
        let total: f32 = fitted
            .laid
            .iter()
            .map(|l| l.gap + l.rows_height(&all(l)))
            .sum();
        let capacity = fitted.capacity();
        if total <= capacity {
            return Fitted {
                pages: vec![(0..pieces.len()).map(|i| whole(&fitted.laid, i)).collect()],
                ..fitted
            };
        }
        if body <= BODY_MIN {
            let pages = paginate(&fitted.laid, capacity);
            return Fitted { pages, ..fitted };
        }
        // Wrapped text's height goes as the square of its size.
        let shrink = (capacity / total).sqrt().clamp(0.5, 0.97);
        body = (body * shrink).max(BODY_MIN);
    }
}

fn all(laid: &Laid) -> Range<usize> {
    0..laid.text.rows.len()
}

fn whole(laid: &[Laid], piece: usize) -> Part {
    Part {
        piece,
        rows: laid.get(piece).map_or(0..0, all),
    }
}

/// Every piece laid out at `body`, and the lines around them.
fn lay_all(
    ui: &egui::Ui,
    header: &Piece,
    pieces: &[Piece],
    footer: &Piece,
    room: egui::Vec2,
    body: f32,
) -> Fitted {
    // The lines around the slide stay readable however small it is set.
    let at_least = |piece: &Piece, points: f32| {
        let mut piece = piece.clone();
        piece.size = (piece.size * body).max(points) / body;
        piece
    };
    Fitted {
        body,
        header: lay(ui, &at_least(header, 16.0), body, room.x),
        footer: lay(ui, &at_least(footer, 13.0), body, room.x),
        laid: pieces.iter().map(|p| lay(ui, p, body, room.x)).collect(),
        pages: Vec::new(),
        room,
        picture: 0.0,
    }
}

/// Splits the pieces into pages of `capacity` points, between lines.
fn paginate(laid: &[Laid], capacity: f32) -> Vec<Vec<Part>> {
    let mut pages = Vec::new();
    let mut page: Vec<Part> = Vec::new();
    let mut used = 0.0;
    for (index, piece) in laid.iter().enumerate() {
        let rows = piece.text.rows.len();
        let mut start = 0;
        while start < rows {
            let gap = if page.is_empty() || start > 0 {
                0.0
            } else {
                piece.gap
            };
            let mut end = start;
            while end < rows && used + gap + piece.rows_height(&(start..end + 1)) <= capacity {
                end += 1;
            }
            if end == start {
                if page.is_empty() {
                    end = start + 1; // a line taller than the page: show it anyway
                } else {
                    pages.push(std::mem::take(&mut page));
                    used = 0.0;
                    continue;
                }
            }
            used += gap + piece.rows_height(&(start..end));
            page.push(Part {
                piece: index,
                rows: start..end,
            });
            start = end;
            if start < rows {
                pages.push(std::mem::take(&mut page));
                used = 0.0;
            }
        }
    }
    if !page.is_empty() || pages.is_empty() {
        pages.push(page);
    }
    pages
}

impl Fitted {
    /// How many parts the slide has.
    pub fn parts(&self) -> usize {
        self.pages.len()
    }

    /// The height the pieces have between the lines around them.
    fn capacity(&self) -> f32 {
        let space = self.body * 0.6;
        self.room.y
            - self.header.rows_height(&all(&self.header))
            - self.footer.rows_height(&all(&self.footer))
            - 2.0 * space
            - self.picture
    }

    /// Draws part `part`: the header line (with `part_line` after it when
    /// there are parts), the picture drawn by `picture` in the height kept
    /// for it, the pieces centred in the room left, the footer at the bottom.
    pub fn show(
        &self,
        ui: &mut egui::Ui,
        part: usize,
        part_line: Option<String>,
        picture: impl FnOnce(&mut egui::Ui, egui::Vec2),
    ) {
        ui.spacing_mut().item_spacing.y = 0.0;
        let top = ui.cursor().min.y;
        let header = match part_line {
            Some(line) => {
                let text = format!("{} · {line}", self.header.piece.text);
                lay(
                    ui,
                    &Piece {
                        text,
                        ..self.header.piece.clone()
                    },
                    self.body,
                    self.room.x,
                )
            }
            None => lay(ui, &self.header.piece, self.body, self.room.x),
        };
        if !header.piece.text.is_empty() {
            ui.label(header.text.clone());
        }
        if self.picture > 0.0 {
            ui.add_space(self.body * 0.6);
            let size = egui::vec2(self.room.x, self.picture - self.body * 0.6);
            let start = ui.cursor().min.y;
            ui.allocate_ui(size, |ui| picture(ui, size));
            // Exactly the height kept, whatever the picture took.
            ui.add_space((start + size.y - ui.cursor().min.y).max(0.0));
        }
        let page = self.pages.get(part).map_or(&[][..], Vec::as_slice);
        let height: f32 = page
            .iter()
            .enumerate()
            .map(|(i, p)| self.part_gap(i, p) + self.laid[p.piece].rows_height(&p.rows))
            .sum();
        ui.add_space(self.body * 0.6 + ((self.capacity() - height) / 2.0).max(0.0));
        for (i, p) in page.iter().enumerate() {
            ui.add_space(self.part_gap(i, p));
            self.show_part(ui, p);
        }
        let footer_height = self.footer.rows_height(&all(&self.footer));
        let used = ui.cursor().min.y - top;
        ui.add_space((self.room.y - used - footer_height).max(self.body * 0.6));
        ui.label(self.footer.text.clone());
    }

    /// The space above a part: its piece's gap, unless it begins the page or
    /// goes on from the page before.
    fn part_gap(&self, index: usize, part: &Part) -> f32 {
        if index == 0 || part.rows.start > 0 {
            0.0
        } else {
            self.laid[part.piece].gap
        }
    }

    /// One part: the whole piece, or some of its lines laid out again.
    fn show_part(&self, ui: &mut egui::Ui, part: &Part) {
        let laid = &self.laid[part.piece];
        let text = if part.rows == all(laid) {
            laid.text.clone()
        } else {
            let lines: String = laid.text.rows[part.rows.clone()]
                .iter()
                .map(|row| {
                    let newline = if row.ends_with_newline { "\n" } else { "" };
                    format!("{}{newline}", row.text())
                })
                .collect();
            laid.piece
                .rich(lines.trim_end_matches('\n'), laid.size)
                .into_galley_for(ui, (laid.width - laid.indent).max(laid.size))
        };
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            match &laid.marker {
                Some(marker) if part.rows.start == 0 => {
                    ui.label(marker.clone());
                    ui.add_space(laid.indent - marker.size().x);
                }
                _ => ui.add_space(laid.indent),
            }
            ui.label(text);
        });
    }
}
