//! The mapping between time (day numbers) and screen x, with pan and zoom.
//!
//! Everything is f64: zoomed in to two weeks over four centuries of data, the
//! ends of the timeline lie millions of pixels off-screen, far beyond what f32
//! resolves.

use super::time::TimeSpan;

/// A linear map from day numbers to screen x over a horizontal strip of the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    /// The day at the left edge.
    start: f64,
    /// Days per pixel; always positive and finite.
    days_per_px: f64,
    /// Screen x of the left edge.
    left: f64,
    /// Width of the strip in pixels, at least 1.
    width: f64,
}

impl Transform {
    /// The fewest days the view may show: closer than two weeks, dates known to
    /// the day would be all there is to see.
    pub const MIN_VISIBLE_DAYS: f64 = 14.0;
    /// The most days the view may show: four centuries.
    pub const MAX_VISIBLE_DAYS: f64 = 400.0 * 365.2425;

    /// Shows `visible` on the strip from `left`, `width` pixels wide.
    ///
    /// The width is at least 1 pixel; the visible length is clamped to
    /// [`Self::MIN_VISIBLE_DAYS`]..=[`Self::MAX_VISIBLE_DAYS`] around its center.
    pub fn new(visible: TimeSpan, left: f64, width: f64) -> Self {
        // `!(x >= 1)` also catches NaN.
        let width = if width >= 1.0 { width } else { 1.0 };
        let left = if left.is_finite() { left } else { 0.0 };
        let center = visible.center();
        let center = if center.is_finite() { center } else { 0.0 };
        let len = clamp_len(visible.len());
        Self {
            start: center - len / 2.0,
            days_per_px: len / width,
            left,
            width,
        }
    }

    /// Shows all of `span` with a 5% margin on each side (within the limits on
    /// the visible length); an empty span shows [`Self::MIN_VISIBLE_DAYS`].
    pub fn fit(span: TimeSpan, left: f64, width: f64) -> Self {
        let len = span.len();
        let len = if len > 0.0 {
            len * 1.1
        } else {
            Self::MIN_VISIBLE_DAYS
        };
        let center = span.center();
        Self::new(
            TimeSpan::new(center - len / 2.0, center + len / 2.0),
            left,
            width,
        )
    }

    /// Screen x of day `t`.
    pub fn x_from_t(&self, t: f64) -> f64 {
        self.left + (t - self.start) / self.days_per_px
    }

    /// Day at screen x.
    pub fn t_from_x(&self, x: f64) -> f64 {
        self.start + (x - self.left) * self.days_per_px
    }

    /// The days shown, from the left edge to the right edge.
    pub fn visible(&self) -> TimeSpan {
        TimeSpan::new(self.start, self.start + self.width * self.days_per_px)
    }

    /// Days per pixel.
    pub fn days_per_px(&self) -> f64 {
        self.days_per_px
    }

    /// Screen x of the left edge.
    pub fn left(&self) -> f64 {
        self.left
    }

    /// Width of the strip in pixels.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Drags the content by `dx` pixels: a positive `dx` moves it right, so
    /// earlier times come into view, and the time under the pointer stays under it.
    pub fn pan_px(&mut self, dx: f64) {
        if dx.is_finite() {
            self.start -= dx * self.days_per_px;
        }
    }

    /// Zooms by `factor` about screen `x`: above 1 shows fewer days. The time
    /// under `x` stays at `x`; the factor is clamped so that the visible length
    /// stays within the limits. A factor that is not positive and finite is ignored.
    pub fn zoom_at(&mut self, x: f64, factor: f64) {
        if !(factor > 0.0 && factor.is_finite() && x.is_finite()) {
            return;
        }
        let anchor = self.t_from_x(x);
        let len = clamp_len(self.width * self.days_per_px / factor);
        self.days_per_px = len / self.width;
        self.start = anchor - (x - self.left) * self.days_per_px;
    }

    /// The same visible days on a new strip (after the window is resized).
    pub fn with_screen(self, left: f64, width: f64) -> Self {
        Self::new(self.visible(), left, width)
    }

    /// Keeps the view from wandering away from `bounds`: the view may go at most
    /// one visible length past either end of it, and a pan beyond that stops
    /// there (the view is shifted back by the least amount, so panning against
    /// the limit feels like a wall, not a jump).
    pub fn clamp_to(&mut self, bounds: TimeSpan) {
        if !(bounds.start.is_finite() && bounds.end.is_finite()) {
            return;
        }
        let len = self.width * self.days_per_px;
        // The view [start, start + len) touches bounds extended by `len` on each
        // side exactly when start lies in this range.
        let earliest = bounds.start - 2.0 * len;
        let latest = bounds.end + len;
        if self.start < earliest {
            self.start = earliest;
        } else if self.start > latest {
            self.start = latest;
        }
    }
}

/// A visible length within the limits; NaN becomes the minimum.
fn clamp_len(len: f64) -> f64 {
    if len.is_nan() {
        Transform::MIN_VISIBLE_DAYS
    } else {
        len.clamp(Transform::MIN_VISIBLE_DAYS, Transform::MAX_VISIBLE_DAYS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::time::day_number;

    /// Centres worth testing: the years around the data, and day numbers far from 0.
    fn centres() -> Vec<f64> {
        vec![
            day_number(1900, 1, 1) as f64,
            day_number(2030, 6, 15) as f64,
            0.0,
            1.0e7,
            -1.0e7,
            1.0e9,
        ]
    }

    fn view(center: f64, len: f64, width: f64) -> Transform {
        Transform::new(
            TimeSpan::new(center - len / 2.0, center + len / 2.0),
            37.0,
            width,
        )
    }

    /// Tolerance in days for times of magnitude up to `magnitude`: a few ulps.
    fn day_tolerance(magnitude: f64) -> f64 {
        4.0 * f64::EPSILON * magnitude.abs().max(1.0)
    }

    #[test]
    fn round_trips_at_extreme_zooms() {
        for center in centres() {
            for len in [Transform::MIN_VISIBLE_DAYS, Transform::MAX_VISIBLE_DAYS] {
                for width in [300.0, 1999.0] {
                    let tr = view(center, len, width);
                    for i in 0..=20 {
                        let x = 37.0 + width * f64::from(i) / 20.0;
                        let back = tr.x_from_t(tr.t_from_x(x));
                        // Pixel error is day error over days per pixel.
                        let magnitude = center.abs() + len;
                        let tol = day_tolerance(magnitude) / tr.days_per_px()
                            + 4.0 * f64::EPSILON * width;
                        assert!(
                            (back - x).abs() <= tol,
                            "x {x} -> {back} at {center}, {len}"
                        );
                        let t = tr.t_from_x(x);
                        let t_back = tr.t_from_x(tr.x_from_t(t));
                        assert!(
                            (t_back - t).abs() <= day_tolerance(magnitude),
                            "t {t} -> {t_back}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn round_trip_is_sub_pixel_far_from_the_view() {
        // Zoomed in to two weeks on 2030, an event in 1900 is far off-screen but
        // must still land on the right pixel.
        let tr = view(
            day_number(2030, 1, 1) as f64,
            Transform::MIN_VISIBLE_DAYS,
            1200.0,
        );
        let t = day_number(1900, 1, 1) as f64;
        let x = tr.x_from_t(t);
        assert!(x < -3.0e6);
        assert!((tr.t_from_x(x) - t).abs() < 1e-6);
    }

    #[test]
    fn new_clamps_width_and_visible_length() {
        let tr = Transform::new(TimeSpan::new(100.0, 101.0), 0.0, 0.0);
        assert_eq!(tr.width(), 1.0);
        assert_eq!(tr.visible().len(), Transform::MIN_VISIBLE_DAYS);
        assert_eq!(tr.visible().center(), 100.5);
        let tr = Transform::new(TimeSpan::new(0.0, 1.0e9), 10.0, 500.0);
        assert!((tr.visible().len() - Transform::MAX_VISIBLE_DAYS).abs() < 1e-6);
        assert_eq!(tr.left(), 10.0);
    }

    #[test]
    fn fit_adds_a_margin() {
        let span = TimeSpan::new(0.0, 1000.0);
        let tr = Transform::fit(span, 0.0, 1000.0);
        let visible = tr.visible();
        assert!((visible.start + 50.0).abs() < 1e-9);
        assert!((visible.end - 1050.0).abs() < 1e-9);
        let point = Transform::fit(TimeSpan::new(5.0, 5.0), 0.0, 1000.0);
        assert_eq!(point.visible().len(), Transform::MIN_VISIBLE_DAYS);
        assert_eq!(point.visible().center(), 5.0);
    }

    #[test]
    fn zoom_keeps_the_anchor() {
        for center in centres() {
            let mut tr = view(center, 3650.0, 1200.0);
            for (x, factor) in [(37.0, 2.0), (600.0, 1.5), (1237.0, 0.5), (100.0, 10.0)] {
                let t = tr.t_from_x(x);
                let before = tr.visible().len();
                tr.zoom_at(x, factor);
                let magnitude = center.abs() + before;
                let tol = day_tolerance(magnitude) / tr.days_per_px() + 1e-9;
                assert!(
                    (tr.x_from_t(t) - x).abs() <= tol,
                    "anchor moved at {center}"
                );
                let expected = (before / factor)
                    .clamp(Transform::MIN_VISIBLE_DAYS, Transform::MAX_VISIBLE_DAYS);
                assert!((tr.visible().len() - expected).abs() < 1e-6 * expected);
            }
        }
    }

    #[test]
    fn zoom_in_shows_fewer_days() {
        let mut tr = view(0.0, 3650.0, 1200.0);
        tr.zoom_at(600.0, 2.0);
        assert!((tr.visible().len() - 1825.0).abs() < 1e-9);
    }

    #[test]
    fn pan_then_reverse_pan_is_identity() {
        for center in centres() {
            let mut tr = view(center, 365.0, 800.0);
            let original = tr;
            tr.pan_px(123.5);
            assert!(
                tr.visible().start < original.visible().start,
                "earlier times come in"
            );
            tr.pan_px(-123.5);
            let tol = day_tolerance(center.abs() + 365.0);
            assert!((tr.visible().start - original.visible().start).abs() <= tol);
            assert_eq!(tr.days_per_px(), original.days_per_px());
        }
    }

    #[test]
    fn pan_keeps_the_time_under_the_pointer() {
        let mut tr = view(0.0, 365.0, 800.0);
        let t = tr.t_from_x(200.0);
        tr.pan_px(50.0);
        assert!((tr.x_from_t(t) - 250.0).abs() < 1e-9);
    }

    #[test]
    fn limits_hold_under_repeated_zooming() {
        let mut tr = view(day_number(1995, 12, 12) as f64, 365.0, 1000.0);
        for _ in 0..200 {
            tr.zoom_at(400.0, 1.7);
            assert!(tr.visible().len() >= Transform::MIN_VISIBLE_DAYS * (1.0 - 1e-12));
        }
        assert!((tr.visible().len() - Transform::MIN_VISIBLE_DAYS).abs() < 1e-9);
        for _ in 0..200 {
            tr.zoom_at(400.0, 0.6);
            assert!(tr.visible().len() <= Transform::MAX_VISIBLE_DAYS * (1.0 + 1e-12));
        }
        assert!((tr.visible().len() - Transform::MAX_VISIBLE_DAYS).abs() < 1e-6);
        let before = tr;
        tr.zoom_at(400.0, 0.0);
        tr.zoom_at(400.0, f64::NAN);
        assert_eq!(tr, before, "nonsense factors are ignored");
    }

    #[test]
    fn resizing_keeps_the_visible_days() {
        let tr = view(1000.0, 365.0, 800.0);
        let wider = tr.with_screen(100.0, 1600.0);
        assert!((wider.visible().start - tr.visible().start).abs() < 1e-9);
        assert!((wider.visible().end - tr.visible().end).abs() < 1e-9);
        assert_eq!(wider.left(), 100.0);
        assert!((wider.days_per_px() * 2.0 - tr.days_per_px()).abs() < 1e-12);
    }

    #[test]
    fn clamp_stops_the_view_one_length_past_the_bounds() {
        let bounds = TimeSpan::new(0.0, 10_000.0);
        let mut tr = view(5_000.0, 1_000.0, 1000.0);
        let inside = tr;
        tr.clamp_to(bounds);
        assert_eq!(tr, inside, "a view over the data is left alone");

        tr.pan_px(-100_000.0); // far into the future
        tr.clamp_to(bounds);
        let visible = tr.visible();
        assert!((visible.start - 11_000.0).abs() < 1e-6);
        let after = tr;
        tr.clamp_to(bounds);
        assert_eq!(tr, after, "clamping is idempotent");

        tr.pan_px(100_000.0); // far into the past
        tr.clamp_to(bounds);
        assert!((tr.visible().end + 1_000.0).abs() < 1e-6);
    }
}
