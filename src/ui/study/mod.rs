//! The Study view: library, reader and the article's organizations and events.
//!
//! This file only declares the parts and names what the app uses; the
//! reader's state is in `runtime`, the view in `view`.

mod block;
mod block_heights;
mod context_panel;
mod export;
pub mod image;
pub mod labels;
mod library;
mod linked;
mod long_text;
mod note_editor;
mod page;
mod reader;
mod runtime;
mod text;
mod texture_budget;
mod view;

pub use labels::relationship_summary;
pub use runtime::{NotesProblem, ReaderRuntime};
pub use view::{StudyTimeline, study_ui};
