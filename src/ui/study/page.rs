//! The page: the article's title, source and summary, then each block with
//! its number, the place jumped to, the Ctrl+F match, and the notes.

use egui::{Align, RichText};

use super::block::{GUTTER, Linked, Row, block_row_ui, indented};
use super::block_heights::DRAWN_WHOLE;
use super::labels::source_line;
use super::note_editor::{note_editor_ui, your_note_ui};
use super::runtime::ReaderRuntime;
use super::text::{self, Face};
use crate::dataset::Dataset;
use crate::i18n::trf;
use crate::links::LinkIndex;
use crate::model::{Article, Block};
use crate::ui::command::Command;
use crate::ui::theme::Palette;
use crate::ui::widgets::editor_note_ui;

/// The page's links: the dataset they point into, where they are, and the
/// commands a click pushes.
pub struct PageLinks<'a> {
    /// The dataset the links point into.
    pub dataset: &'a Dataset,
    /// Where the links are (`None` while they are being prepared).
    pub index: Option<&'a LinkIndex>,
    /// Where a click goes.
    pub commands: &'a mut Vec<Command>,
}

/// The article and how it is set, for each of its blocks.
struct Page<'a> {
    article: &'a Article,
    size: f32,
    palette: &'a Palette,
}

/// Draws the article in the column.
pub fn page_ui(
    ui: &mut egui::Ui,
    article: &Article,
    size: f32,
    palette: &Palette,
    reader: &mut ReaderRuntime,
    page_links: PageLinks<'_>,
) {
    let PageLinks {
        dataset,
        index: links,
        commands,
    } = page_links;
    front_matter_ui(ui, article, size, palette);
    let page = Page {
        article,
        size,
        palette,
    };
    let (matches, current) = find_matches(article, reader);
    let mut operative = 0;
    let article_index = dataset
        .articles
        .iter()
        .position(|a| a.id == article.id)
        .unwrap_or(usize::MAX);
    // A long article is drawn near the screen only (a screenful either
    // side); the other blocks stand in by their height.
    let near = {
        let seen = ui.clip_rect();
        seen.expand2(egui::vec2(0.0, seen.height()))
    };
    let width = ui.available_width();
    let long = article.body.len() > DRAWN_WHOLE;
    if long {
        reader
            .heights
            .set_for(&article.id, article.body.len(), width, size);
    }
    for (index, block) in article.body.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if matches!(block, Block::Operative { .. }) {
            operative += 1;
        }
        let top = ui.cursor().top();
        if long && stood_in(ui, reader, (index, block), (width, size), near) {
            continue;
        }
        let row = Row {
            block,
            number,
            operative,
            fill: fill_of(&page, reader, block, number),
        };
        let found = matches
            .iter()
            .filter(|m| m.paragraph == number)
            .map(|m| {
                let current = current.as_ref() == Some(&(m.paragraph, m.range.clone()));
                (m.range.clone(), current)
            })
            .collect();
        let linked = Linked {
            links: links.map_or(&[], |l| l.of(article_index, number)),
            found,
            dataset,
            commands: &mut *commands,
        };
        numbered_block_ui(ui, &page, row, reader, linked);
        if long {
            reader.heights.measured(index, ui.cursor().top() - top);
        }
    }
    ui.add_space(size * 3.0);
}

/// Whether block `index` of a long article is far from the screen (`near`)
/// and so stood in by its height, not drawn. The paragraph scrolled to and
/// the one written in are always drawn.
fn stood_in(
    ui: &mut egui::Ui,
    reader: &mut ReaderRuntime,
    (index, block): (usize, &Block),
    (width, size): (f32, f32),
    near: egui::Rect,
) -> bool {
    let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
    let wanted = reader.scroll_to_paragraph == Some(number)
        || reader.editing.as_ref().is_some_and(|(p, _)| *p == number);
    if wanted {
        return false;
    }
    let top = ui.cursor().top();
    let height = reader.heights.height(index, block, width, size);
    if top > near.bottom() || top + height < near.top() {
        let spacing = ui.spacing().item_spacing.y;
        ui.allocate_space(egui::vec2(width, (height - spacing).max(0.0)));
        return true;
    }
    false
}

/// Every Ctrl+F match in the article, and the one shown (paragraph, range).
/// The reader is told only the one shown; the others are what its text is
/// found again (a match folds to the query, so this finds the same set).
fn find_matches(
    article: &Article,
    reader: &ReaderRuntime,
) -> (
    Vec<crate::search::Match>,
    Option<(u32, std::ops::Range<usize>)>,
) {
    let Some((_, paragraph, range)) = reader.found.as_ref().filter(|(id, ..)| *id == article.id)
    else {
        return (Vec::new(), None);
    };
    let text = article.paragraph(*paragraph).map(|b| b.text());
    let needle = text.as_deref().and_then(|t| t.get(range.clone()));
    let matches = needle.map_or_else(Vec::new, |n| crate::search::find_in_article(article, n));
    (matches, Some((*paragraph, range.clone())))
}

/// The title, the source line and link, the summary and the editor's notes
/// on the article, over a rule.
fn front_matter_ui(ui: &mut egui::Ui, article: &Article, size: f32, palette: &Palette) {
    ui.add_space(size * 2.0);
    ui.label(text::run(
        &article.title,
        size * 1.55,
        Face::Bold,
        palette.text,
    ));
    ui.add_space(size * 0.4);
    ui.label(
        RichText::new(source_line(article))
            .size(size * 0.78)
            .color(palette.muted),
    );
    if let Some(url) = &article.url {
        // A new tab: in the browser build, the page itself must stay.
        ui.add(
            egui::Hyperlink::from_label_and_url(RichText::new(url).size(size * 0.72), url)
                .open_in_new_tab(true),
        );
    }
    // The terms the unit's manifest gives the text under, as it gives them.
    if let Some(licence) = &article.licence {
        ui.label(
            RichText::new(licence)
                .size(size * 0.72)
                .color(palette.muted),
        );
    }
    ui.add_space(size * 0.8);
    ui.label(text::run(
        &article.summary,
        size * 0.95,
        Face::Italic,
        palette.muted,
    ));
    editor_notes_ui(ui, article, size, palette);
    ui.add_space(size * 0.8);
    ui.separator();
    ui.add_space(size * 0.6);
}

/// The editor's notes on the whole article, folded under one line: open,
/// they would push a short article's text off the first screen.
fn editor_notes_ui(ui: &mut egui::Ui, article: &Article, size: f32, palette: &Palette) {
    let derived = article
        .derived
        .as_ref()
        .map(|derived| trf("study.date_found", &[("derived", derived)]));
    let notes: Vec<&str> = derived
        .iter()
        .map(String::as_str)
        .chain(article.note.as_deref())
        .collect();
    if notes.is_empty() {
        return;
    }
    ui.add_space(size * 0.5);
    let title = trf("study.editor_notes", &[("n", &notes.len())]);
    egui::CollapsingHeader::new(RichText::new(title).size(size * 0.78).color(palette.muted))
        .id_salt(("editor_notes", article.id.as_str()))
        .default_open(false)
        .show(ui, |ui| {
            for note in notes {
                editor_note_ui(ui, palette, size, note);
                ui.add_space(size * 0.3);
            }
        });
}

/// A block's background: the place jumped to, a highlight of the reader's,
/// an operative paragraph, or none.
fn fill_of(page: &Page<'_>, reader: &ReaderRuntime, block: &Block, number: u32) -> egui::Color32 {
    let article = page.article;
    let jumped_to = reader
        .highlight
        .as_ref()
        .is_some_and(|(id, paragraph)| *id == article.id && *paragraph == number);
    let marked = reader.notes.is_highlighted(&article.id, number);
    if jumped_to {
        page.palette.highlight
    } else if marked {
        page.palette.note_fill
    } else if matches!(block, Block::Operative { .. }) {
        page.palette.operative_fill
    } else {
        egui::Color32::TRANSPARENT
    }
}

/// One block with its number, then the notes under it; a click on the number
/// opens or closes the note editor.
fn numbered_block_ui(
    ui: &mut egui::Ui,
    page: &Page<'_>,
    row: Row<'_>,
    reader: &mut ReaderRuntime,
    linked: Linked<'_>,
) {
    let (article, size, palette) = (page.article, page.size, page.palette);
    let (block, number) = (row.block, row.number);
    let (response, number_clicked) = block_row_ui(ui, row, size, palette, linked);
    if number_clicked {
        let draft = reader
            .notes
            .get(&article.id, number)
            .map(|n| n.text.clone())
            .unwrap_or_default();
        reader.editing = match reader.editing {
            Some((open, _)) if open == number => None,
            _ => Some((number, draft)),
        };
        // Opened to write in: the cursor goes straight to the note, once drawn.
        reader.editor_pending = reader.editing.is_some();
    }
    if reader.scroll_to_paragraph == Some(number) {
        follow_scroll(ui, reader, &response);
    }
    if let Some(note) = block.note() {
        indented(size * GUTTER).show(ui, |ui| editor_note_ui(ui, palette, size, note));
    }
    if reader.editing.as_ref().is_some_and(|(p, _)| *p == number) {
        indented(size * GUTTER).show(ui, |ui| {
            note_editor_ui(ui, &article.id, number, reader, size)
        });
    } else if let Some(note) = reader
        .notes
        .get(&article.id, number)
        .filter(|n| !n.text.is_empty())
    {
        indented(size * GUTTER).show(ui, |ui| your_note_ui(ui, palette, size, &note.text));
    }
    ui.add_space(size * 0.7);
}

/// Brings the paragraph to scroll to into view. On the first frames the
/// page's height is not known yet and the scroll stops short: keep asking
/// until the paragraph is in view.
fn follow_scroll(ui: &mut egui::Ui, reader: &mut ReaderRuntime, response: &egui::Response) {
    let in_view = ui.clip_rect().contains(response.rect.left_top());
    reader.scroll_attempts += 1;
    if in_view || reader.scroll_attempts > 10 {
        reader.scroll_to_paragraph = None;
        reader.scroll_attempts = 0;
    } else {
        ui.scroll_to_rect_animation(
            response.rect,
            Some(Align::Min),
            egui::style::ScrollAnimation::none(),
        );
        ui.ctx().request_repaint();
    }
}
