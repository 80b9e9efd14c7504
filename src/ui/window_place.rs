//! The window's size and place as they come back from the last session,
//! kept within reason.
//!
//! eframe restores them from its store (`app.ron`). A size there that is not
//! a number, negative or tiny became a 64x64 window (eframe's own floor);
//! here it is raised to the app's minimum, and a size that is not a number
//! at all gives the usual size. A place that is not a number is dropped, so
//! that the desktop places the window. On Windows and macOS eframe brings a
//! place off every screen back itself; on X11 it does not, and the window
//! came back off-screen: once the window is up, [`keep_on_screen`] moves it
//! back onto the screen it was put on.

use egui::{Pos2, Rect, Vec2, ViewportBuilder};

/// The app's smallest window, in points.
pub const MIN_SIZE: Vec2 = Vec2::new(640.0, 420.0);

/// The window's size when nothing is remembered, in points.
pub const DEFAULT_SIZE: Vec2 = Vec2::new(1280.0, 800.0);

/// How much of the window must lie on a screen for it to be left where it
/// is: enough of the title bar to take it with the mouse.
const GRIP: Vec2 = Vec2::new(96.0, 32.0);

/// The viewport eframe built from the remembered geometry, with its size at
/// least [`MIN_SIZE`] (or [`DEFAULT_SIZE`] where it is not a number) and
/// without a place that is not a number.
pub fn restored(mut builder: ViewportBuilder) -> ViewportBuilder {
    if let Some(size) = builder.inner_size {
        builder.inner_size = Some(sane_size(size));
    }
    builder.position = builder
        .position
        .filter(|p| p.x.is_finite() && p.y.is_finite());
    builder
}

/// `size` at least [`MIN_SIZE`]; [`DEFAULT_SIZE`] where either side is not
/// a number.
pub fn sane_size(size: Vec2) -> Vec2 {
    if !size.x.is_finite() || !size.y.is_finite() {
        return DEFAULT_SIZE;
    }
    size.max(MIN_SIZE)
}

/// Where to move a window whose frame is `window` so that it lies on one of
/// `screens` (in the same coordinates), or `None` if enough of it (its
/// [`GRIP`], top left) already does. The window goes onto the screen
/// nearest to it, as far in as its size allows: its top left corner is
/// never put off the screen, so a window larger than the screen shows its
/// title bar.
pub fn onto_screen(window: Rect, screens: &[Rect]) -> Option<Pos2> {
    let grip = Rect::from_min_size(window.min, GRIP.min(window.size()));
    let seen = |screen: &Rect| {
        let shared = screen.intersect(grip);
        shared.is_positive() && shared.width() * shared.height() >= 0.5 * grip.area()
    };
    if screens.iter().any(seen) {
        return None;
    }
    let nearest = screens
        .iter()
        .filter(|s| s.is_positive())
        .min_by(|a, b| distance(a, window.min).total_cmp(&distance(b, window.min)))?;
    let room = (nearest.size() - window.size()).max(Vec2::ZERO);
    Some(window.min.clamp(nearest.min, nearest.min + room))
}

fn distance(screen: &Rect, point: Pos2) -> f32 {
    screen.distance_sq_to_pos(point)
}

/// The screens a window may be on, as far as egui tells: egui gives the
/// size of the monitor winit puts the window on (the one it overlaps most,
/// or the first when it overlaps none), not where that monitor lies. The
/// first monitor is taken to start at the origin, and a window beside it on
/// a second monitor of the same size, left, right, above or below, is taken
/// to be on screen, so that only a window beyond all of those is moved.
pub fn likely_screens(monitor: Vec2) -> [Rect; 5] {
    let at = |x: f32, y: f32| Rect::from_min_size(Pos2::new(x * monitor.x, y * monitor.y), monitor);
    [
        at(0.0, 0.0),
        at(1.0, 0.0),
        at(-1.0, 0.0),
        at(0.0, 1.0),
        at(0.0, -1.0),
    ]
}

/// Once the window is up and egui knows its frame and monitor: a window off
/// every likely screen ([`likely_screens`], [`onto_screen`]) is moved onto
/// the first. Looks once; later moves are the reader's own.
pub fn keep_on_screen(ctx: &egui::Context) {
    let id = egui::Id::unique("neutrality-reader window placed");
    if ctx.data(|d| d.get_temp::<bool>(id)).is_some() {
        return;
    }
    let (outer, monitor) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().monitor_size));
    let (Some(outer), Some(monitor)) = (outer, monitor) else {
        return;
    };
    ctx.data_mut(|d| d.insert_temp(id, true));
    let screens = likely_screens(monitor);
    if let Some(place) = onto_screen(outer, &screens[..1])
        && onto_screen(outer, &screens).is_some()
    {
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(place));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(Pos2::new(x, y), Vec2::new(w, h))
    }

    #[test]
    fn a_size_that_is_not_a_number_or_too_small_is_made_usable() {
        for (stored, sane) in [
            (Vec2::new(f32::NAN, 700.0), DEFAULT_SIZE),
            (Vec2::new(900.0, f32::INFINITY), DEFAULT_SIZE),
            (Vec2::new(-300.0, -1.0), MIN_SIZE),
            (Vec2::new(64.0, 64.0), MIN_SIZE),
            (Vec2::new(100.0, 900.0), Vec2::new(640.0, 900.0)),
            (Vec2::new(1000.0, 700.0), Vec2::new(1000.0, 700.0)),
        ] {
            assert_eq!(sane_size(stored), sane, "{stored:?}");
        }
        let builder = restored(
            ViewportBuilder::default()
                .with_inner_size(Vec2::new(-5.0, 64.0))
                .with_position(Pos2::new(f32::NAN, 10.0)),
        );
        assert_eq!(builder.inner_size, Some(MIN_SIZE));
        assert_eq!(builder.position, None, "the desktop places it");
        let kept = restored(ViewportBuilder::default().with_position(Pos2::new(30.0, 40.0)));
        assert_eq!(kept.position, Some(Pos2::new(30.0, 40.0)));
        assert_eq!(kept.inner_size, None);
    }

    #[test]
    fn a_window_far_off_screen_comes_back_and_one_on_screen_stays() {
        let screen = rect(0.0, 0.0, 1920.0, 1080.0);
        let window = |x, y| rect(x, y, 1280.0, 800.0);
        assert_eq!(onto_screen(window(100.0, 100.0), &[screen]), None);
        // Mostly off to the right, but the title bar's grip shows.
        assert_eq!(onto_screen(window(1800.0, 500.0), &[screen]), None);
        assert_eq!(
            onto_screen(window(30000.0, 20000.0), &[screen]),
            Some(Pos2::new(640.0, 280.0))
        );
        assert_eq!(
            onto_screen(window(-5000.0, 200.0), &[screen]),
            Some(Pos2::new(0.0, 200.0))
        );
        // The title bar above the top of the screen cannot be grabbed.
        assert_eq!(
            onto_screen(window(200.0, -790.0), &[screen]),
            Some(Pos2::new(200.0, 0.0))
        );
        // Larger than the screen: its top left corner on the screen.
        assert_eq!(
            onto_screen(rect(9000.0, 9000.0, 4000.0, 3000.0), &[screen]),
            Some(Pos2::ZERO)
        );
        // Two screens: on the second is on screen; off both, the nearer.
        let second = rect(1920.0, 0.0, 2560.0, 1440.0);
        assert_eq!(onto_screen(window(2500.0, 600.0), &[screen, second]), None);
        assert_eq!(
            onto_screen(window(9000.0, 600.0), &[screen, second]),
            Some(Pos2::new(3200.0, 600.0))
        );
        assert_eq!(onto_screen(window(9000.0, 600.0), &[]), None);
    }

    #[test]
    fn a_window_beside_the_first_monitor_is_taken_to_be_on_a_second() {
        let screens = likely_screens(Vec2::new(1920.0, 1080.0));
        let window = |x, y| rect(x, y, 1280.0, 800.0);
        assert_eq!(onto_screen(window(2100.0, 100.0), &screens), None);
        assert_eq!(onto_screen(window(-1500.0, 100.0), &screens), None);
        assert!(onto_screen(window(5000.0, 100.0), &screens).is_some());
        assert!(onto_screen(window(2100.0, 2100.0), &screens).is_some());
    }
}
