//! The window: an eframe app over the dataset. Views read the dataset and
//! push [`command::Command`]s; the app applies them at the end of the frame.

pub mod app;
pub mod chrome;
pub mod command;
#[cfg(not(target_arch = "wasm32"))]
pub mod dataset_watch;
#[cfg(target_arch = "wasm32")]
#[path = "dataset_watch_browser.rs"]
pub mod dataset_watch;
pub mod datasets;
pub mod fonts;
pub mod icon;
pub mod organizations;
pub mod paged;
pub mod present;
pub mod quiz;
pub mod save_dialog;
pub mod saved_settings;
pub mod screenshot;
pub mod search;
pub mod start;
pub mod state;
pub mod study;
pub mod theme;
pub mod timeline;
pub mod widgets;
pub mod window_place;

#[cfg(not(target_arch = "wasm32"))]
pub use start::run;
#[cfg(target_arch = "wasm32")]
pub use start::start_in_page;
pub use start::{StartOptions, load_for_window};
