//! The whole interface zooms as a browser does (Ctrl+Plus, Ctrl+Minus,
//! Ctrl+0, and the Reading menu's projector preset), is remembered, and
//! leaves the article's own text size alone.

use crate::window;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// The width of the Study tab in the top bar, as a share of the window's
/// width: zoomed in, the window holds fewer points and each is larger.
fn tab_width(harness: &Harness<'static, ReaderApp>) -> f32 {
    let tab = harness
        .get_by_role_and_label(Role::Button, "Study")
        .rect()
        .width();
    tab / harness.ctx.content_rect().width()
}

fn zoom_key(harness: &mut Harness<'static, ReaderApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
}

#[test]
fn ctrl_plus_zooms_the_whole_interface_and_ctrl_0_brings_it_back() {
    let mut harness = window([1280.0, 800.0], |mut app| {
        app.show_view(View::Study);
        app
    });
    let text_size = harness.state().settings().text_size;
    let width = tab_width(&harness);
    zoom_key(&mut harness, Key::Plus);
    zoom_key(&mut harness, Key::Plus);
    assert_eq!(harness.state().settings().zoom, 1.25);
    assert_eq!(harness.ctx.zoom_factor(), 1.25);
    let zoomed = tab_width(&harness);
    assert!(zoomed > width * 1.2, "{width} -> {zoomed}");
    assert_eq!(harness.state().settings().text_size, text_size);
    zoom_key(&mut harness, Key::Minus);
    assert_eq!(harness.state().settings().zoom, 1.1);
    zoom_key(&mut harness, Key::Num0);
    assert_eq!(harness.state().settings().zoom, 1.0);
    assert!((tab_width(&harness) - width).abs() < 1e-4);
    // Never past the last step either way.
    for _ in 0..20 {
        zoom_key(&mut harness, Key::Minus);
    }
    assert_eq!(harness.state().settings().zoom, 0.67);
    for _ in 0..20 {
        zoom_key(&mut harness, Key::Plus);
    }
    assert_eq!(harness.state().settings().zoom, 2.5);
}

#[test]
fn the_projector_preset_is_in_the_reading_menu() {
    let mut harness = window([1920.0, 1080.0], |app| app);
    harness
        .get_by_role_and_label(Role::Button, "Reading")
        .click();
    harness.run();
    harness.get_by_label("Projector (150%)").click();
    harness.run();
    assert_eq!(harness.state().settings().zoom, 1.5);
    assert_eq!(harness.ctx.zoom_factor(), 1.5);
}
