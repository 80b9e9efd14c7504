//! What the window opens on: built by `cli` from the command line (or the
//! web page's address), so the window does not depend on the argument parser.

use std::path::PathBuf;

use crate::i18n::Language;
use crate::quiz::session::Mode;
use crate::ui::command::View;
use crate::ui::theme::Theme;

/// What the window opens on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartOptions {
    /// A dataset folder instead of the bundled one.
    pub data: Option<PathBuf>,
    /// The view to open on.
    pub view: Option<View>,
    /// An article to open (by id).
    pub article: Option<String>,
    /// With `article`: the paragraph (counted from 1) to open at, highlighted.
    pub paragraph: Option<u32>,
    /// An event to select (by id), in the Timeline unless `view` says otherwise.
    pub event: Option<String>,
    /// An organization to select (by id), in Organizations unless `view` says otherwise.
    pub organization: Option<String>,
    /// A quiz code to start, in the Quiz view.
    pub quiz: Option<String>,
    /// With `quiz`: the mode (Practice without it).
    pub quiz_mode: Option<Mode>,
    /// Open the quiz (the code given, or a new one) in Class mode and start
    /// a live class (`--live`; the desktop only).
    pub live: bool,
    /// Start on the stage (F5).
    pub present: bool,
    /// The colour theme (remembered).
    pub theme: Option<Theme>,
    /// The interface's language (remembered).
    pub language: Option<Language>,
    /// Render the window once, save it as this PNG and exit.
    pub screenshot: Option<PathBuf>,
    /// The window's inner size in points (1280x800 without it).
    pub size: Option<[f32; 2]>,
}
