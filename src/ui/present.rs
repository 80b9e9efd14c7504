//! Presentation mode (F5, Esc leaves): the current view alone, full screen, on
//! a high-contrast stage with its own text scale, driven by the keyboard. An
//! article is shown paragraph by paragraph, the timeline event by event, the
//! organizations one by one, a quiz question by question as in Class mode.
//! B blanks the screen, as a projector remote's button does.

use egui::{Key, RichText};

use super::command::{Command, View};
use super::quiz::{self, QuizRuntime};
use super::theme::Theme;
use super::timeline::date_with_precision;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Block;

/// The stage: white and yellow on black, readable from the back of a room.
pub mod stage {
    use egui::Color32;
    /// Behind everything.
    pub const BACKGROUND: Color32 = Color32::BLACK;
    /// Text.
    pub const TEXT: Color32 = Color32::WHITE;
    /// Dates, numbers, headings.
    pub const ACCENT: Color32 = Color32::from_rgb(0xFF, 0xD4, 0x3B);
    /// Secondary lines: sources, positions.
    pub const MUTED: Color32 = Color32::from_rgb(0xB8, 0xB8, 0xB8);
}

/// Smallest and largest presentation scale (1 = 32-point body text; the
/// first is [`super::state::PRESENT_SCALE_DEFAULT`]).
const SCALE_MIN: f32 = 0.5;
/// See [`SCALE_MIN`].
const SCALE_MAX: f32 = 2.5;

/// What presentation mode is showing, while it lasts.
#[derive(Clone, Debug, Default)]
pub struct Presentation {
    /// Whether presentation mode is on.
    pub active: bool,
    /// The slide shown: a paragraph, event or organization index.
    pub position: usize,
    /// Whether the screen is blanked.
    pub blank: bool,
}

/// One slide's worth of content.
enum Slide<'a> {
    Paragraph {
        title: &'a str,
        number: usize,
        count: usize,
        block: &'a Block,
    },
    Event {
        index: usize,
        count: usize,
        event: &'a crate::model::Event,
    },
    Organization {
        index: usize,
        count: usize,
        organization: &'a crate::model::Organization,
    },
    Nothing(&'static str),
}

/// What presentation needs from the app, borrowed for one frame.
pub struct Stage<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The view presented.
    pub view: View,
    /// The article open in the reader.
    pub article: Option<&'a str>,
    /// The timeline's events in the order the Timeline view lists them.
    pub events: &'a [usize],
    /// The organizations in table order.
    pub organizations: &'a [usize],
    /// The quiz, for Class-mode questions.
    pub quiz: &'a mut QuizRuntime,
    /// Presentation's own text scale, remembered.
    pub scale: &'a mut f32,
}

impl Presentation {
    /// Turns presentation on at `position`, full screen.
    pub fn start(&mut self, ctx: &egui::Context, position: usize) {
        self.active = true;
        self.blank = false;
        self.position = position;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Turns presentation off and leaves full screen.
    pub fn stop(&mut self, ctx: &egui::Context) {
        self.active = false;
        self.blank = false;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }
}

/// Draws the stage and handles its keys; returns commands for the app.
pub fn present_ui(
    ui: &mut egui::Ui,
    presentation: &mut Presentation,
    stage: Stage<'_>,
    commands: &mut Vec<Command>,
) {
    let count = slide_count(&stage);
    let quiz_mode = stage.view == View::Quiz;
    if !stage_keys(ui, presentation, stage.scale) {
        return;
    }
    if !quiz_mode && !presentation.blank {
        slide_keys(ui, presentation, count);
    }
    presentation.position = presentation.position.min(count.saturating_sub(1));
    let scale = *stage.scale;
    // The stage's own look, whatever the theme: the panel, its labels and
    // its buttons all draw from these visuals.
    ui.style_mut().visuals = Theme::stage_visuals();
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(stage::BACKGROUND)
                .inner_margin(egui::Margin::symmetric(64, 40)),
        )
        .show(ui, |ui| {
            if presentation.blank {
                // Nothing but black; the accessible name says why.
                ui.label(RichText::new(tr("present.blanked")).color(stage::BACKGROUND));
                return;
            }
            ui.style_mut().visuals.override_text_color = Some(stage::TEXT);
            if quiz_mode {
                if stage.quiz.session.is_some() {
                    quiz::present_question_ui(ui, stage.dataset, stage.quiz, scale, commands);
                } else {
                    let nothing = Slide::Nothing(tr("present.no_quiz"));
                    slide_ui(ui, &nothing, scale, stage.dataset);
                }
                return;
            }
            let slide = slide_at(&stage, presentation.position);
            slide_ui(ui, &slide, scale, stage.dataset);
        });
}

/// The stage's own keys, in every view: Esc leaves (then returns false), B
/// blanks, + and − change the text scale.
fn stage_keys(ui: &egui::Ui, presentation: &mut Presentation, scale: &mut f32) -> bool {
    let (escape, blank, larger, smaller) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::Escape),
            i.consume_key(egui::Modifiers::NONE, Key::B),
            i.consume_key(egui::Modifiers::NONE, Key::Plus)
                || i.consume_key(egui::Modifiers::NONE, Key::Equals),
            i.consume_key(egui::Modifiers::NONE, Key::Minus),
        )
    });
    if escape {
        presentation.stop(ui.ctx());
        return false;
    }
    if blank {
        presentation.blank = !presentation.blank;
    }
    if larger {
        *scale = (*scale + 0.125).min(SCALE_MAX);
    }
    if smaller {
        *scale = (*scale - 0.125).max(SCALE_MIN);
    }
    true
}

/// The keys that step through `count` slides (the quiz has its own).
fn slide_keys(ui: &egui::Ui, presentation: &mut Presentation, count: usize) {
    let (next, previous, first, last) = ui.input_mut(|i| {
        let mut any = |keys: &[Key]| {
            keys.iter()
                .any(|&k| i.consume_key(egui::Modifiers::NONE, k))
        };
        (
            any(&[Key::ArrowRight, Key::ArrowDown, Key::Space, Key::PageDown]),
            any(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace]),
            any(&[Key::Home]),
            any(&[Key::End]),
        )
    });
    let end = count.saturating_sub(1);
    if next {
        presentation.position = (presentation.position + 1).min(end);
    }
    if previous {
        presentation.position = presentation.position.saturating_sub(1);
    }
    if first {
        presentation.position = 0;
    }
    if last {
        presentation.position = end;
    }
}

/// How many slides the view has.
fn slide_count(stage: &Stage<'_>) -> usize {
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
fn slide_at<'a>(stage: &Stage<'a>, position: usize) -> Slide<'a> {
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

/// Draws one slide at `scale`, with the stage's footer.
fn slide_ui(ui: &mut egui::Ui, slide: &Slide<'_>, scale: f32, dataset: &Dataset) {
    let body = 32.0 * scale;
    let small = 20.0 * scale;
    match slide {
        Slide::Paragraph {
            title,
            number,
            count,
            block,
        } => {
            position_ui(
                ui,
                trf(
                    "present.paragraph_of",
                    &[("title", title), ("number", number), ("count", count)],
                ),
                small,
            );
            paragraph_slide_ui(ui, dataset, block, body, small);
        }
        Slide::Event {
            index,
            count,
            event,
        } => {
            position_ui(
                ui,
                trf(
                    "present.event_of",
                    &[("number", &(index + 1)), ("count", count)],
                ),
                small,
            );
            event_slide_ui(ui, event, body, small);
        }
        Slide::Organization {
            index,
            count,
            organization,
        } => {
            position_ui(
                ui,
                trf(
                    "present.organization_of",
                    &[("number", &(index + 1)), ("count", count)],
                ),
                small,
            );
            organization_slide_ui(ui, organization, body, small);
        }
        Slide::Nothing(message) => {
            ui.label(RichText::new(*message).size(body).color(stage::MUTED));
        }
    }
    ui.add_space(small);
    ui.label(
        RichText::new(tr("present.footer"))
            .size(small * 0.7)
            .color(stage::MUTED),
    );
}

/// Where the slide stands ("paragraph 3 of 12"), above it.
fn position_ui(ui: &mut egui::Ui, text: String, small: f32) {
    ui.label(RichText::new(text).size(small).color(stage::MUTED));
    ui.add_space(small);
}

/// A paragraph of the article (a heading, a quote, an image…) and an
/// editor's note on it.
fn paragraph_slide_ui(ui: &mut egui::Ui, dataset: &Dataset, block: &Block, body: f32, small: f32) {
    if let Block::Image { path, alt, .. } = block {
        image_slide_ui(ui, dataset, path, alt, body, small);
    } else {
        let text = block.text();
        let rich = RichText::new(text).size(body);
        let rich = match block {
            Block::Heading { .. } => rich.color(stage::ACCENT).strong(),
            Block::Quote { .. } => rich.italics(),
            _ => rich,
        };
        ui.label(rich);
    }
    if let Some(note) = block.note() {
        ui.add_space(small);
        ui.label(
            RichText::new(trf("present.editor_note", &[("note", &note)]))
                .size(small)
                .color(stage::MUTED),
        );
    }
}

/// An event: its date, title and description.
fn event_slide_ui(ui: &mut egui::Ui, event: &crate::model::Event, body: f32, small: f32) {
    ui.label(
        RichText::new(date_with_precision(&event.date))
            .size(body)
            .color(stage::ACCENT),
    );
    ui.label(RichText::new(&event.title).size(body * 1.25).strong());
    ui.add_space(small * 0.5);
    ui.label(RichText::new(&event.description).size(body * 0.8));
}

/// An organization: acronym, name, each relationship with its quote, and
/// the summary.
fn organization_slide_ui(
    ui: &mut egui::Ui,
    organization: &crate::model::Organization,
    body: f32,
    small: f32,
) {
    if let Some(acronym) = &organization.acronym {
        ui.label(RichText::new(acronym).size(body).color(stage::ACCENT));
    }
    ui.label(RichText::new(&organization.name).size(body * 1.25).strong());
    for relationship in &organization.relationships {
        ui.label(
            RichText::new(super::organizations::undated_text(relationship))
                .size(body * 0.8)
                .color(stage::ACCENT),
        );
        ui.label(
            RichText::new(format!("“{}”", relationship.quote))
                .size(body * 0.7)
                .italics(),
        );
    }
    ui.add_space(small * 0.5);
    ui.label(RichText::new(&organization.summary).size(body * 0.7));
}

/// An article's image on the stage, as large as the stage leaves room for
/// under the position line and above its caption, note and footer; or the box
/// that says why it cannot be shown.
fn image_slide_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    path: &str,
    alt: &str,
    body: f32,
    small: f32,
) {
    let look = super::study::image::Look {
        size: body,
        text: stage::TEXT,
        muted: stage::MUTED,
        stroke: stage::MUTED,
    };
    // Room kept below for the caption, an editor's note and the footer.
    let below = small * 9.0;
    let room = egui::vec2(
        ui.available_width(),
        (ui.available_height() - below).max(body * 4.0),
    );
    ui.vertical_centered(|ui| {
        super::study::image::image_ui(ui, dataset, path, alt, room, look);
    });
    ui.add_space(small * 0.5);
    ui.label(RichText::new(alt).size(small).italics().color(stage::MUTED));
}
