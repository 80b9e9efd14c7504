//! `--screenshot FILE.png`: render the window as it opens, save it, close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames to draw before the picture is taken, so that layout has settled
/// (egui sizes some widgets in a first pass).
const SETTLE_FRAMES: u32 = 3;

/// The outcome of a screenshot, shared with the code that started the app.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(), String>>>>;

/// One screenshot to take.
pub struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: ScreenshotResult,
}

impl ScreenshotJob {
    /// A job that saves to `path` and reports into `result`.
    pub fn new(path: PathBuf, result: ScreenshotResult) -> Self {
        Self {
            path,
            frames: 0,
            requested: false,
            result,
        }
    }

    /// Called at the end of every frame; `settled` is false while the view is
    /// still moving (scrolling to a paragraph), and the picture waits for it.
    pub fn step(&mut self, ctx: &egui::Context, settled: bool) {
        let done = self.result.lock().map(|r| r.is_some()).unwrap_or(true);
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if settled {
            self.frames += 1;
        }
        if self.frames >= SETTLE_FRAMES && !self.requested {
            self.requested = true;
            let (path, result, repaint) = (self.path.clone(), self.result.clone(), ctx.clone());
            ctx.request_screenshot(move |image| {
                let outcome = save_png(&image, &path);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(outcome);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

/// Encodes an egui image as PNG at `path`.
pub fn save_png(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    let (Ok(width), Ok(height)) = (u32::try_from(width), u32::try_from(height)) else {
        return Err("the window is too large to save".to_owned());
    };
    let buffer = image::RgbaImage::from_raw(width, height, bytes)
        .ok_or_else(|| "the screenshot has the wrong number of pixels".to_owned())?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}
