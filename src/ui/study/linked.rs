//! A paragraph whose names, resolution numbers and dates are links: drawn as
//! one wrapped text (the typography stays that of the page), with each link
//! underlined and given its own clickable, focusable, named area on top.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, LayoutSection};
use egui::{Color32, RichText, Sense};

use super::labels::relationship_summary;
use super::long_text;
use crate::dataset::Dataset;
use crate::i18n::tr;
use crate::links::{Link, LinkTarget};
use crate::ui::command::{Command, EventIx, OrgIx};

/// The Ctrl+F match shown.
pub const FIND_CURRENT: Color32 = Color32::from_rgb(0xF2, 0xC1, 0x4E);

/// The other Ctrl+F matches in the article: paler than the one shown.
pub const FIND_OTHER: Color32 = Color32::from_rgb(0xFC, 0xE9, 0xB0);

/// A Ctrl+F match in a paragraph: a byte range of its text, and whether it
/// is the one shown.
pub type FindMark = (std::ops::Range<usize>, bool);

/// Draws `job` with `links` (byte ranges into `job.text`) as links, and
/// `found` (the Ctrl+F matches in it) marked, the one shown stronger.
pub fn linked_text_ui(
    ui: &mut egui::Ui,
    job: LayoutJob,
    links: &[Link],
    found: &[FindMark],
    dataset: &Dataset,
    accent: Color32,
    commands: &mut Vec<Command>,
) {
    if job.text.len() > 2 * long_text::PIECE {
        long_text_ui(ui, &job, links, found, dataset, accent, commands);
        return;
    }
    let mut job = job;
    for (current, color) in [(false, FIND_OTHER), (true, FIND_CURRENT)] {
        let ranges: Vec<_> = found
            .iter()
            .filter(|(_, c)| *c == current)
            .map(|(range, _)| range.clone())
            .collect();
        if !ranges.is_empty() {
            job = restyle(job, &ranges, |format| {
                format.background = color;
                format.color = Color32::BLACK;
            });
        }
    }
    if links.is_empty() {
        ui.label(job);
        return;
    }
    let ranges: Vec<std::ops::Range<usize>> = links.iter().map(|l| l.range.clone()).collect();
    let job = restyle(job, &ranges, |format| {
        format.underline = egui::Stroke::new(1.0, accent);
        format.color = accent;
    });
    let text = job.text.clone();
    let (pos, galley, response) = egui::Label::new(job).layout_in_ui(ui);
    // Drawn by hand, so the paragraph's text is given to screen readers here.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    let fallback = ui.visuals().text_color();
    ui.painter().galley(pos, galley.clone(), fallback);
    for (number, link) in links.iter().enumerate() {
        let (Some(before), Some(shown)) =
            (text.get(..link.range.start), text.get(link.range.clone()))
        else {
            continue;
        };
        let start = before.chars().count();
        let end = start + shown.chars().count();
        let Some(rect) = link_box(&galley, start..end) else {
            continue;
        };
        let rect = rect.translate(pos.to_vec2());
        let area = ui.interact(rect, response.id.with(number), Sense::click());
        area.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, shown));
        if area.hovered() || area.has_focus() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if area.has_focus() {
            ui.painter().rect_stroke(
                rect.expand(1.0),
                2.0,
                egui::Stroke::new(1.5, accent),
                egui::StrokeKind::Outside,
            );
        }
        let area = area.on_hover_ui(|ui| card_ui(ui, dataset, link.target));
        if area.clicked() {
            commands.extend(open(dataset, link.target));
        }
    }
}

/// A very long text in pieces (see [`long_text`]), each laid out only while
/// it is on screen; one off screen takes the height it had when last drawn,
/// or an estimate from its length.
fn long_text_ui(
    ui: &mut egui::Ui,
    job: &LayoutJob,
    links: &[Link],
    found: &[FindMark],
    dataset: &Dataset,
    accent: Color32,
    commands: &mut Vec<Command>,
) {
    // Keyed by where it is drawn and by the text itself (its length and its
    // start), so that two long paragraphs never share their pieces.
    let head = job
        .text
        .char_indices()
        .nth(48)
        .map_or(job.text.as_str(), |(at, _)| &job.text[..at]);
    let base = ui.scope_id().with(("long_text", job.text.len(), head));
    let cached: Option<Arc<Vec<Range<usize>>>> = ui.data(|d| d.get_temp(base));
    let pieces = cached.unwrap_or_else(|| {
        let keep: Vec<Range<usize>> = links.iter().map(|l| l.range.clone()).collect();
        let pieces = Arc::new(long_text::pieces(&job.text, &keep));
        ui.data_mut(|d| d.insert_temp(base, pieces.clone()));
        pieces
    });
    let font = job
        .sections
        .first()
        .map(|s| s.format.font_id.clone())
        .unwrap_or_default();
    let row = ui.fonts_mut(|f| f.row_height(&font));
    ui.scope(|ui| {
        // The pieces read as one paragraph.
        ui.spacing_mut().item_spacing.y = 0.0;
        let width = ui.available_width().max(1.0);
        for (n, range) in pieces.iter().enumerate() {
            let id = base.with(n);
            let known: Option<f32> = ui.data(|d| d.get_temp(id));
            let height = known.unwrap_or_else(|| {
                // About half the font size a character, a row at a time.
                let chars = range.len() as f32;
                (chars * font.size * 0.5 / width).ceil().max(1.0) * row
            });
            let area = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, height));
            if ui.is_rect_visible(area) {
                let top = ui.cursor().top();
                linked_text_ui(
                    ui,
                    long_text::sub_job(job, range.clone()),
                    &long_text::links_in(links, range),
                    &long_text::found_in(found, range),
                    dataset,
                    accent,
                    commands,
                );
                let drawn = ui.cursor().top() - top;
                ui.data_mut(|d| d.insert_temp(id, drawn));
            } else {
                ui.allocate_space(egui::vec2(width, height));
            }
        }
    });
}

/// Where the characters `chars` of `galley` are drawn, relative to the
/// galley: on the row that shows most of them, when a link is broken over
/// two rows. Each piece is measured from its own row's glyphs, so a link that
/// starts right after a line break is not given a sliver at the end of the
/// row before (where focus and scrolling would then go).
fn link_box(galley: &egui::Galley, chars: std::ops::Range<usize>) -> Option<egui::Rect> {
    let mut row_start = 0;
    let mut widest: Option<egui::Rect> = None;
    for placed in &galley.rows {
        let shown = placed.row.char_count_excluding_newline().0;
        let (from, to) = (chars.start.max(row_start), chars.end.min(row_start + shown));
        if from < to {
            let left = placed
                .row
                .x_offset(egui::epaint::text::CharIndex(from - row_start));
            let right = placed
                .row
                .x_offset(egui::epaint::text::CharIndex(to - row_start));
            let line = placed.rect();
            let piece = egui::Rect::from_min_max(
                egui::pos2(placed.pos.x + left, line.top()),
                egui::pos2(placed.pos.x + right, line.bottom()),
            );
            if widest.is_none_or(|w| piece.width() > w.width()) {
                widest = Some(piece);
            }
        }
        row_start += placed.char_count_including_newline().0;
    }
    widest
}

/// `job` with the text in `ranges` restyled by `style`.
fn restyle(
    job: LayoutJob,
    ranges: &[std::ops::Range<usize>],
    style: impl Fn(&mut egui::TextFormat),
) -> LayoutJob {
    let mut out = LayoutJob {
        text: job.text.clone(),
        sections: Vec::new(),
        ..job.clone()
    };
    for section in &job.sections {
        let (start, end) = (section.byte_range.start.0, section.byte_range.end.0);
        // Cut the section at every range edge inside it.
        let mut cuts = vec![start, end];
        for range in ranges {
            for edge in [range.start, range.end] {
                if start < edge && edge < end {
                    cuts.push(edge);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let mut format = section.format.clone();
            if ranges.iter().any(|r| r.start <= a && b <= r.end) {
                style(&mut format);
            }
            out.sections.push(LayoutSection {
                leading_space: if a == start {
                    section.leading_space
                } else {
                    0.0
                },
                byte_range: egui::text::ByteIndex(a)..egui::text::ByteIndex(b),
                format,
            });
        }
    }
    out
}

/// What a link opens: an organization in its panel, an event on the
/// timeline (the Study strip's card), a person's first event.
fn open(dataset: &Dataset, target: LinkTarget) -> Option<Command> {
    match target {
        LinkTarget::Organization(index) => Some(Command::SelectOrganization {
            organization: Some(OrgIx(index)),
            details: true,
            show: true,
        }),
        LinkTarget::Event(index) => Some(Command::SelectEvent {
            event: Some(EventIx(index)),
            details: true,
        }),
        LinkTarget::Person(index) => {
            let person = dataset.people.get(index)?;
            let event = dataset
                .events
                .iter()
                .position(|e| e.people().iter().any(|p| **p == *person.id))?;
            Some(Command::SelectEvent {
                event: Some(EventIx(event)),
                details: true,
            })
        }
    }
}

/// The short card on hover.
fn card_ui(ui: &mut egui::Ui, dataset: &Dataset, target: LinkTarget) {
    ui.set_max_width(340.0);
    match target {
        LinkTarget::Organization(index) => {
            if let Some(organization) = dataset.organizations.get(index) {
                ui.label(RichText::new(&organization.name).strong());
                ui.label(relationship_summary(organization));
                ui.weak(tr("study.open_in_organizations"));
            }
        }
        LinkTarget::Person(index) => {
            if let Some(person) = dataset.people.get(index) {
                ui.label(RichText::new(&person.name).strong());
                ui.label(format!(
                    "{} ({})",
                    person.role,
                    crate::i18n::dates::human(&person.as_of)
                ));
            }
        }
        LinkTarget::Event(index) => {
            if let Some(event) = dataset.events.get(index) {
                ui.label(RichText::new(crate::i18n::dates::human(&event.date)).small());
                ui.label(RichText::new(&*event.title).strong());
                ui.weak(tr("study.select_on_timeline"));
            }
        }
    }
}
