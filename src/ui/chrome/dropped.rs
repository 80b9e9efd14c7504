//! A unit dropped on the window: a folder or a `.zip` from the file manager
//! (its path), or, in a browser, a `.zip`'s bytes (read as the browser
//! reads files, later), held in memory ([`crate::dataset::held_units`])
//! under a path of their own. Either way the answer is a path that opens as
//! "Open dataset folder" opens one; and while files are dragged over the
//! window, a veil says what dropping does.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{Align2, Color32, FontId};

use crate::i18n::tr;

/// Files dropped on the window, on their way to being opened.
#[derive(Debug, Default)]
pub struct Drops {
    /// A dropped file's bytes being read (in a browser).
    pending: Option<Receiver<PathBuf>>,
}

impl Drops {
    /// The unit dropped on the window, once it can be opened: this frame's
    /// first dropped file, or one whose bytes have been read since.
    pub fn take(&mut self, ctx: &egui::Context) -> Option<PathBuf> {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().cloned());
        if let Some(file) = dropped {
            #[cfg(not(target_arch = "wasm32"))]
            return Some(file.path().to_path_buf());
            #[cfg(target_arch = "wasm32")]
            self.read_in_browser(ctx, file);
        }
        let received = self.pending.as_ref()?.try_recv().ok()?;
        self.pending = None;
        Some(received)
    }

    /// Reads a dropped file's bytes (a browser reads files only later) and
    /// holds them as a unit file.
    #[cfg(target_arch = "wasm32")]
    fn read_in_browser(&mut self, ctx: &egui::Context, file: egui::DroppedFileHandle) {
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = held_name(&file.path().to_string_lossy());
            let size = file.web_file().map_or(0.0, |f| f.size());
            let held = if size > crate::dataset::archive::MAX_ARCHIVE_BYTES as f64 {
                // Not read: the browser would read it whole first.
                crate::dataset::held_units::hold_too_large(&name, size as u64)
            } else {
                // A file the browser cannot read opens as an empty one, which
                // the zip reader refuses in its own words.
                let bytes = file.bytes_async().await.unwrap_or_default();
                crate::dataset::held_units::hold(&name, bytes.into())
            };
            let _ = tx.send(held);
            wake.request_repaint();
        });
        self.pending = Some(rx);
    }
}

/// The name a dropped file is held under: its own, with `.zip` added if it
/// lacks it (it is then tried as one, and refused in the zip reader's words
/// if it is none).
pub fn held_name(name: &str) -> String {
    if name.to_lowercase().ends_with(".zip") {
        name.to_owned()
    } else {
        format!("{name}.zip")
    }
}

/// While files are dragged over the window: a veil and "Drop a unit file
/// (.zip) to open it".
pub fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    let screen = ctx.content_rect();
    let dark = ctx.global_style().visuals.dark_mode;
    let (veil, ink) = if dark {
        (Color32::from_black_alpha(230), Color32::WHITE)
    } else {
        (Color32::from_white_alpha(235), Color32::BLACK)
    };
    painter.rect_filled(screen, 0.0, veil);
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        tr("open.drop_here"),
        FontId::proportional(28.0),
        ink,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_name_is_held_as_a_zip() {
        assert_eq!(held_name("unit.zip"), "unit.zip");
        assert_eq!(held_name("UNIT.ZIP"), "UNIT.ZIP");
        assert_eq!(held_name("notes.pdf"), "notes.pdf.zip");
    }
}
