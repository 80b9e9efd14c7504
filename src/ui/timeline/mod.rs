//! The timeline: a canvas widget over [`crate::timeline`], the full Timeline
//! view with filters and a list, and the strip under the reader in Study.
//!
//! This file only declares the parts and names what the app uses; the state
//! is in `runtime`, the words in `labels`, and each view in its own file.

pub mod canvas;
mod card;
mod colors;
mod index;
mod labels;
mod runtime;
mod strip;
mod view;

pub use canvas::CanvasState;
pub use card::event_card_ui;
pub use colors::category_color;
pub use index::TimelineIndex;
pub use labels::{category_label, date_with_precision};
pub use runtime::TimelineRuntime;
pub use strip::strip_ui;
pub use view::timeline_view_ui;
