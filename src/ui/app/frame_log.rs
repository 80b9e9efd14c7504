//! For `NEUTRALITY_READER_TIMING` (BENCHMARKS.md): every frame that held the
//! window's thread longer than [`STALL`] is said on stderr, and the longest
//! frame so far is said when a unit arrives and when its indexes are ready,
//! so that a large unit's opening can be shown never to freeze the window.

use std::time::Duration;

/// A frame longer than this is a stall the reader feels.
pub const STALL: Duration = Duration::from_millis(50);

/// The frames' times, as eframe measured them (building the frame,
/// tessellating and painting it; not the wait for the screen).
#[derive(Debug, Default)]
pub struct FrameLog {
    frames: u64,
    longest: Duration,
}

impl FrameLog {
    /// Takes the last frame's time (`cpu_usage`, in seconds, as eframe gives
    /// it at the start of the next); says it if it was a stall.
    pub fn record(&mut self, seconds: Option<f32>) {
        let Some(seconds) = seconds.filter(|s| s.is_finite() && *s >= 0.0) else {
            return;
        };
        let took = Duration::from_secs_f32(seconds);
        self.frames += 1;
        if took > STALL {
            eprintln!(
                "neutrality-reader: frame {} took {:.1} ms (a stall)",
                self.frames,
                took.as_secs_f64() * 1000.0
            );
        }
        self.longest = self.longest.max(took);
    }

    /// Says the longest frame so far, after `when`.
    pub fn say_longest(&self, when: &str) {
        eprintln!(
            "neutrality-reader: longest of {} frames until {when}: {:.1} ms",
            self.frames,
            self.longest.as_secs_f64() * 1000.0
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_frame_is_kept_and_nonsense_ignored() {
        let mut log = FrameLog::default();
        log.record(Some(0.004));
        log.record(Some(0.012));
        log.record(None);
        log.record(Some(f32::NAN));
        log.record(Some(-1.0));
        log.record(Some(0.008));
        assert_eq!(log.frames, 3);
        assert!((log.longest.as_secs_f64() - 0.012).abs() < 1e-6);
    }
}
