//! The app in an egui_kittest harness, for the tests that drive the window.

use std::sync::Arc;

use egui_kittest::Harness;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};

/// The app on the bundled dataset in a `size` window, as `setup` leaves it
/// (open an article, choose a view…), after its first frames.
pub fn window(
    size: [f32; 2],
    setup: impl FnOnce(ReaderApp) -> ReaderApp + 'static,
) -> Harness<'static, ReaderApp> {
    let data = match Dataset::embedded() {
        Ok(data) => Arc::new(data),
        Err(error) => panic!("the bundled dataset does not load: {error}"),
    };
    window_on(data, size, setup)
}

/// [`window`] on the dataset `data`.
pub fn window_on(
    data: Arc<Dataset>,
    size: [f32; 2],
    setup: impl FnOnce(ReaderApp) -> ReaderApp + 'static,
) -> Harness<'static, ReaderApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        // Hover cards and tooltips fade in over a few frames.
        .with_max_steps(64)
        .build_eframe(move |cc| {
            setup(ReaderApp::new(
                &cc.egui_ctx,
                data,
                DataOrigin::default(),
                None,
            ))
        });
    harness.run();
    harness
}
