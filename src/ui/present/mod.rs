//! Presentation mode (F5, Esc leaves): the current view alone, full screen, on
//! a high-contrast stage whatever the theme, driven by the keyboard. An
//! article is shown paragraph by paragraph, the timeline event by event, the
//! organizations one by one, a quiz question by question as in Class mode.
//! Each slide is set as large as the screen allows and shrunk to fit it; a
//! paragraph too long even at the smallest readable size goes on over more
//! parts. B blanks the screen, as a projector remote's button does.

mod colors;
mod fit;
mod keys;
mod slides;
mod state;
mod view;

pub use state::{Presentation, Stage};
pub use view::present_ui;
