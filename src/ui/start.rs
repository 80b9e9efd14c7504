//! Opening the window: the options it starts with (built by `cli.rs` from
//! the command line, so the window does not depend on the argument parser),
//! checking the places they name, eframe's window and storage, and the
//! app's first state.

mod first;
mod options;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;

pub use first::load_for_window;
#[cfg(not(target_arch = "wasm32"))]
pub use native::run;
pub use options::StartOptions;
#[cfg(target_arch = "wasm32")]
pub use web::start_in_page;
