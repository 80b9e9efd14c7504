//! The stage: the panel, its keys, and the slide set to fit the screen.

use egui::RichText;

use super::colors::{BACKGROUND, MUTED, TEXT};
use super::fit::{self, Piece};
use super::keys::{slide_keys, stage_keys};
use super::slides::{Slide, image_of, pieces, position_line, slide_at, slide_count};
use super::state::{Presentation, Stage};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::ui::command::{Command, View};
use crate::ui::quiz;
use crate::ui::theme::Theme;

/// The share of the room an image slide's picture takes.
const PICTURE_SHARE: f32 = 0.6;

/// The room a 1280x800 window leaves the stage: the quiz's sizes are made
/// for it, and grow or shrink with the screen.
const QUIZ_ROOM_HEIGHT: f32 = 720.0;

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
                .fill(BACKGROUND)
                .inner_margin(egui::Margin::symmetric(64, 40)),
        )
        .show(ui, |ui| {
            if presentation.blank {
                // Nothing but black; the accessible name says why.
                ui.label(RichText::new(tr("present.blanked")).color(BACKGROUND));
                return;
            }
            ui.style_mut().visuals.override_text_color = Some(TEXT);
            if quiz_mode {
                quiz_ui(ui, stage.dataset, stage.quiz, scale, commands);
                return;
            }
            let slide = slide_at(&stage, presentation.position);
            slide_ui(ui, presentation, &slide, scale, stage.dataset);
        });
}

/// The Class-mode question, its sizes grown with the screen.
fn quiz_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut quiz::QuizRuntime,
    scale: f32,
    commands: &mut Vec<Command>,
) {
    let screen = (ui.available_height() / QUIZ_ROOM_HEIGHT).clamp(0.75, 2.0);
    if runtime.session.is_some() {
        quiz::present_question_ui(ui, dataset, runtime, scale * screen, commands);
    } else {
        let nothing = Slide::Nothing(tr("present.no_quiz"));
        let mut presentation = Presentation::default();
        slide_ui(ui, &mut presentation, &nothing, scale, dataset);
    }
}

/// Draws part of one slide, as large as the screen holds at `scale`, with
/// the line that says where it stands and the stage's footer.
fn slide_ui(
    ui: &mut egui::Ui,
    presentation: &mut Presentation,
    slide: &Slide<'_>,
    scale: f32,
    dataset: &Dataset,
) {
    let room = ui.available_size();
    let preferred = fit::preferred_body(room, scale);
    let header = Piece::new(&position_line(slide), 0.6, MUTED);
    let footer = Piece::new(tr("present.footer"), 0.45, MUTED);
    let image = image_of(slide);
    let frame = fit::Frame {
        header: &header,
        footer: &footer,
        // An image takes most of the room; its description and note the rest.
        picture: if image.is_some() {
            room.y * PICTURE_SHARE
        } else {
            0.0
        },
    };
    let fitted = fit::fit(ui, &frame, &pieces(slide), room, preferred);
    presentation.parts = fitted.parts();
    presentation.part = presentation.part.min(fitted.parts().saturating_sub(1));
    let part_line = (fitted.parts() > 1).then(|| {
        trf(
            "present.part_of",
            &[
                ("part", &(presentation.part + 1)),
                ("parts", &fitted.parts()),
            ],
        )
    });
    let body = fitted.body;
    fitted.show(ui, presentation.part, part_line, |ui, size| {
        if let Some((path, alt)) = image {
            // The picture as large as the room kept, or the box that says
            // why it cannot be shown.
            let look = crate::ui::study::image::Look {
                size: body,
                text: TEXT,
                muted: MUTED,
                stroke: MUTED,
            };
            ui.vertical_centered(|ui| {
                crate::ui::study::image::image_ui(ui, dataset, path, alt, size, look);
            });
        }
    });
}
