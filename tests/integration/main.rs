//! The integration tests, in one test binary: each file here is a module,
//! so the crate and its dependencies are linked once, not once per file.
//! (Seventy-one binaries of ~60 MB each filled a CI machine's disk.)
//! Run one file's tests with `cargo test --test integration quiz_view::`.
//!
//! `tests/kill_writer.rs` stays a binary of its own: it starts itself again
//! as the writer it kills.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops where a step fails; the helpers below are tests' code"
)]

// Helpers shared by the files below.
mod common;
mod controls;
mod live;
mod memory_compare;
mod paint;
mod window;

mod accessibility;
mod article_text;
mod background_load;
mod bundled_content;
mod check_complexity;
mod check_glyphs;
mod check_messages;
mod cli;
mod cli_output;
mod code_shape;
mod contrast;
mod dataset_errors;
mod dataset_images;
mod desktop_entry;
mod example_dataset;
mod export_apps;
mod export_lms;
mod fast_ron;
mod file_notices;
mod fuzz_corpus;
mod i18n;
mod images_view;
mod import_articles;
mod import_timelinejs;
mod import_window;
mod import_xlsx;
mod interface_dates;
mod keyboard_reach;
mod layout;
mod links_view;
mod live_class;
mod live_server;
mod long_article;
mod mutated_datasets;
mod notes;
mod open_dataset;
mod organizations_table_reach;
mod organizations_view;
mod other_scripts;
mod other_subject;
mod presentation;
mod problem_places;
mod problems_list;
mod profile_files;
mod quiz_actions;
mod quiz_export_window;
mod quiz_screens;
mod quiz_stated;
mod quiz_view;
mod real_window;
mod save_versions;
mod search_view;
mod settings_file;
mod shortcuts;
mod stage_fit;
mod study_measure;
mod study_reach;
mod study_view;
mod timeline_bands;
mod timeline_canvas;
mod timeline_chips;
mod timeline_export_window;
mod timeline_panes;
mod timeline_strip;
mod timeline_view;
mod timelinejs_round_trip;
mod unit_archive;
mod unit_categories;
mod worksheet_pandoc;
mod zoom;
