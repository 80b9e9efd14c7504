//! The Organizations view with 5,000 synthetic organizations, driven as a
//! reader drives it (typing in the filter box, clicking a header, a row open).
//!
//! Target (issue 4): one frame of the full view, sorted and filtered, with an
//! organization's details open, at most 2 ms (layout and painting of the
//! frame; tessellation excluded, as in the timeline benches). A frame in which
//! a key typed in the filter re-filters and re-sorts is timed too.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::dataset::synthetic::{self, Sizes};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::command::View;

const SIZES: Sizes = Sizes {
    articles: 40,
    paragraphs_per_article: 30,
    events: 20_000,
    organizations: 5_000,
    people: 100,
    facts: 100,
    glossary: 20,
};

fn view_frames(c: &mut Criterion) {
    let dataset = match Dataset::from_files(&synthetic::files(SIZES, 1)) {
        Ok(dataset) => Arc::new(dataset),
        Err(err) => {
            eprintln!("the synthetic dataset does not load: {err}");
            return;
        }
    };
    let chosen = dataset
        .organizations
        .get(dataset.organizations.len() / 2)
        .map(|o| o.id.clone())
        .unwrap_or_default();
    let data = dataset.clone();
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None);
            app.show_view(View::Organizations);
            app.select_organization(&chosen);
            app
        });
    harness.run();
    let _ = harness.get_by_label("5000 organizations");
    c.bench_function(
        "organizations view: frame, 5k, unfiltered, details open",
        |b| b.iter(|| harness.step()),
    );

    // Sorted by mentions, most first, and filtered by a letter pair some names have.
    harness
        .get_by_role_and_label(Role::Button, "Mentions")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("ri");
    harness.run();
    // The filter took: fewer rows than all of them are shown.
    let _ = harness.get_by_label_contains(" of 5000 organizations");
    c.bench_function("organizations view: frame, 5k, sorted and filtered", |b| {
        b.iter(|| harness.step())
    });

    // One key typed: the filter changes, so the frame filters and sorts again.
    let mut typed = false;
    c.bench_function(
        "organizations view: keystroke frame, 5k (re-filter + sort)",
        |b| {
            b.iter(|| {
                let key = if typed {
                    egui::Key::Backspace
                } else {
                    egui::Key::E
                };
                typed = !typed;
                harness.key_press(key);
                harness.step()
            })
        },
    );
}

criterion_group!(benches, view_frames);
criterion_main!(benches);
