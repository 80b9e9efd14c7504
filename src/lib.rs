//! Neutrality Reader: an offline reader for studying Turkmenistan's foreign
//! policy and permanent neutrality.
//!
//! Pure logic ([`model`], [`dataset`]) knows nothing of egui; [`ui`] is the window.

pub mod background;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod cli;
pub mod dataset;
pub mod fonts;
pub mod fuzzing;
pub mod i18n;
pub mod import;
pub mod links;
pub mod live;
pub mod model;
pub mod notes;
pub mod organizations;
pub mod quiz;
pub mod search;
pub mod shared_save;
pub mod storage;
pub mod terminal;
pub mod timeline;
pub mod ui;
