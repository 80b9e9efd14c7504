//! What each slide says: the paragraph, event or organization at a position,
//! as pieces of text to fit on the stage.

use super::colors::{ACCENT, MUTED, TEXT};
use super::fit::Piece;
use super::state::Stage;
use crate::i18n::{tr, trf};
use crate::model::{Block, Event, Organization};
use crate::ui::command::View;

/// One slide's worth of content.
pub enum Slide<'a> {
    /// A block of the article open in the reader.
    Paragraph {
        /// The article's title.
        title: &'a str,
        /// The block's paragraph number, from 1.
        number: usize,
        /// How many blocks the article has.
        count: usize,
        /// The block.
        block: &'a Block,
        /// Its resolution number if it is an operative paragraph.
        operative: usize,
    },
    /// An event of the timeline.
    Event {
        /// Its place in the timeline's list, from 0.
        index: usize,
        /// How many the list has.
        count: usize,
        /// The event.
        event: &'a Event,
    },
    /// An organization of the table.
    Organization {
        /// Its place in the table, from 0.
        index: usize,
        /// How many rows the table has.
        count: usize,
        /// The organization.
        organization: &'a Organization,
    },
    /// Nothing to show, and why.
    Nothing(&'static str),
}

/// How many slides the view has.
pub fn slide_count(stage: &Stage<'_>) -> usize {
    match stage.view {
        View::Study => stage
            .article
            .and_then(|id| stage.dataset.article(id))
            .map_or(0, |a| a.body.len()),
        View::Timeline => stage.events.len(),
        View::Organizations => stage.organizations.len(),
        View::Quiz => 1,
    }
}

/// The slide at `position` of the view presented.
pub fn slide_at<'a>(stage: &Stage<'a>, position: usize) -> Slide<'a> {
    match stage.view {
        View::Study => {
            let Some(article) = stage.article.and_then(|id| stage.dataset.article(id)) else {
                return Slide::Nothing(tr("present.no_article"));
            };
            match article.body.get(position) {
                Some(block) => Slide::Paragraph {
                    title: &article.title,
                    number: position + 1,
                    count: article.body.len(),
                    block,
                    // Numbered as the reader numbers them: operative paragraphs only.
                    operative: article.body[..=position]
                        .iter()
                        .filter(|b| matches!(b, Block::Operative { .. }))
                        .count(),
                },
                None => Slide::Nothing(tr("present.empty_article")),
            }
        }
        View::Timeline => match stage
            .events
            .get(position)
            .and_then(|&i| stage.dataset.events.get(i))
        {
            Some(event) => Slide::Event {
                index: position,
                count: stage.events.len(),
                event,
            },
            None => Slide::Nothing(tr("present.no_event")),
        },
        View::Organizations => match stage
            .organizations
            .get(position)
            .and_then(|&i| stage.dataset.organizations.get(i))
        {
            Some(organization) => Slide::Organization {
                index: position,
                count: stage.organizations.len(),
                organization,
            },
            None => Slide::Nothing(tr("present.no_organization")),
        },
        View::Quiz => Slide::Nothing(""),
    }
}

/// The line above the slide: where it stands ("paragraph 3 of 12").
pub fn position_line(slide: &Slide<'_>) -> String {
    match slide {
        Slide::Paragraph {
            title,
            number,
            count,
            ..
        } => trf(
            "present.paragraph_of",
            &[("title", title), ("number", number), ("count", count)],
        ),
        Slide::Event { index, count, .. } => trf(
            "present.event_of",
            &[("number", &(index + 1)), ("count", count)],
        ),
        Slide::Organization { index, count, .. } => trf(
            "present.organization_of",
            &[("number", &(index + 1)), ("count", count)],
        ),
        Slide::Nothing(_) => String::new(),
    }
}

/// The slide's text as pieces, sizes relative to the body text. An image's
/// picture is drawn apart; its pieces are the caption and the note.
pub fn pieces(slide: &Slide<'_>) -> Vec<Piece> {
    match slide {
        Slide::Paragraph {
            block, operative, ..
        } => paragraph_pieces(block, *operative),
        Slide::Event { event, .. } => event_pieces(event),
        Slide::Organization { organization, .. } => organization_pieces(organization),
        Slide::Nothing(message) => vec![Piece::new(message, 1.0, MUTED)],
    }
}

/// A block as the reader sets it: a heading in the accent, a quote in
/// italics, a list with its bullets, an operative paragraph with its number;
/// and an editor's note on it.
fn paragraph_pieces(block: &Block, operative: usize) -> Vec<Piece> {
    let mut pieces = match block {
        Block::Heading { text, .. } => vec![Piece::new(text, 1.1, ACCENT)],
        Block::Quote { text, .. } => vec![Piece::new(text, 1.0, TEXT).italics()],
        Block::List { items, .. } => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let piece = Piece::new(item, 1.0, TEXT).marker("•");
                if i == 0 { piece } else { piece.gap(0.3) }
            })
            .collect(),
        Block::Operative { text, .. } => {
            vec![Piece::new(text, 1.0, TEXT).marker(&format!("{operative}."))]
        }
        Block::Paragraph { text, .. } | Block::Preamble { text, .. } => {
            vec![Piece::new(text, 1.0, TEXT)]
        }
        Block::Image { alt, .. } => vec![Piece::new(alt, 0.6, MUTED).italics()],
    };
    if let Some(note) = block.note() {
        let note = trf("present.editor_note", &[("note", &note)]);
        pieces.push(Piece::new(&note, 0.6, MUTED).gap(0.6));
    }
    pieces
}

/// An event: its date, title and description.
fn event_pieces(event: &Event) -> Vec<Piece> {
    vec![
        Piece::new(
            &crate::ui::timeline::date_with_precision(&event.date),
            1.0,
            ACCENT,
        ),
        Piece::new(&event.title, 1.25, TEXT).gap(0.2),
        Piece::new(&event.description, 0.8, TEXT).gap(0.5),
    ]
}

/// An organization: acronym, name, each relationship with its quote, and
/// the summary.
fn organization_pieces(organization: &Organization) -> Vec<Piece> {
    let mut pieces = Vec::new();
    if let Some(acronym) = &organization.acronym {
        pieces.push(Piece::new(acronym, 1.0, ACCENT));
    }
    pieces.push(Piece::new(&organization.name, 1.25, TEXT).gap(0.2));
    for relationship in &organization.relationships {
        let line = crate::ui::organizations::undated_text(relationship);
        pieces.push(Piece::new(&line, 0.8, ACCENT).gap(0.4));
        let quote = format!("“{}”", relationship.quote);
        pieces.push(Piece::new(&quote, 0.7, TEXT).italics().gap(0.1));
    }
    pieces.push(Piece::new(&organization.summary, 0.7, TEXT).gap(0.5));
    pieces
}

/// The image a slide shows, if it is one: (path, description).
pub fn image_of<'a>(slide: &Slide<'a>) -> Option<(&'a str, &'a str)> {
    match slide {
        Slide::Paragraph {
            block: Block::Image { path, alt, .. },
            ..
        } => Some((path, alt)),
        _ => None,
    }
}
