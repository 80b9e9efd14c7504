//! What presentation mode is showing, and what it borrows from the app.

use crate::dataset::Dataset;
use crate::ui::command::View;
use crate::ui::quiz::QuizRuntime;

/// What presentation mode is showing, while it lasts.
#[derive(Clone, Debug, Default)]
pub struct Presentation {
    /// Whether presentation mode is on.
    pub active: bool,
    /// The slide shown: a paragraph, event or organization index.
    pub position: usize,
    /// The part of the slide shown, when it is too long for one screen.
    pub part: usize,
    /// How many parts the slide shown had when last drawn.
    pub parts: usize,
    /// Whether the screen is blanked.
    pub blank: bool,
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
        self.part = 0;
        self.parts = 1;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Turns presentation off and leaves full screen.
    pub fn stop(&mut self, ctx: &egui::Context) {
        self.active = false;
        self.blank = false;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// The next part of this slide, or the next slide of `count`.
    pub fn next(&mut self, count: usize) {
        if self.part + 1 < self.parts {
            self.part += 1;
        } else if self.position + 1 < count {
            self.position += 1;
            self.part = 0;
        }
    }

    /// The part before, or the last part of the slide before.
    pub fn previous(&mut self) {
        if self.part > 0 {
            self.part = self.part.min(self.parts).saturating_sub(1);
        } else if self.position > 0 {
            self.position -= 1;
            // Clamped to that slide's last part once it is laid out.
            self.part = usize::MAX;
        }
    }

    /// The first part of slide `position`.
    pub fn go_to(&mut self, position: usize) {
        self.position = position;
        self.part = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::Presentation;

    #[test]
    fn next_and_previous_step_through_parts_then_slides() {
        let mut p = Presentation {
            parts: 2,
            ..Presentation::default()
        };
        p.next(3);
        assert_eq!((p.position, p.part), (0, 1));
        p.next(3);
        assert_eq!((p.position, p.part), (1, 0));
        // Back from a slide's first part: the last part of the one before.
        p.previous();
        assert_eq!(p.position, 0);
        assert!(p.part >= 1);
        p.part = p.part.min(p.parts - 1);
        p.previous();
        assert_eq!((p.position, p.part), (0, 0));
        p.previous();
        assert_eq!((p.position, p.part), (0, 0));
        p.parts = 1;
        p.go_to(2);
        p.next(3);
        assert_eq!((p.position, p.part), (2, 0));
    }
}
