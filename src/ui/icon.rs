//! The window icon, drawn in code so that nothing needs to be loaded: a green
//! tile with a ring (neutrality) above a line with three points (a timeline).
//! The desktop's icons (`assets/icons/hicolor/`, for the menu, the task bar
//! and the .deb) are this drawing at their sizes; a test keeps them so.

/// Side of the window icon in pixels.
const SIZE: u32 = 64;

/// The sides of the desktop's icons, in `assets/icons/hicolor/NxN/apps/`.
pub const DESKTOP_SIZES: [u32; 5] = [32, 48, 64, 128, 256];

/// Samples per pixel along each axis: edges are smoothed by the share of
/// samples inside them.
const SAMPLES: u32 = 4;

/// The drawing's colour at a point of its 64-unit square.
fn colour_at(fx: f32, fy: f32) -> [f32; 4] {
    let c = 32.0;
    // Rounded square tile.
    let corner = 12.0;
    let qx = (fx - c).abs() - (c - corner);
    let qy = (fy - c).abs() - (c - corner);
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt() - corner;
    let ring_r = ((fx - c).powi(2) + (fy - 26.0).powi(2)).sqrt();
    let on_ring = (ring_r - 13.0).abs() < 3.0;
    let on_line = (fy - 48.0).abs() < 1.5 && (12.0..52.0).contains(&fx);
    let on_dot = [18.0, 32.0, 46.0]
        .iter()
        .any(|dx| ((fx - dx).powi(2) + (fy - 48.0).powi(2)).sqrt() < 4.0);
    if outside > 0.0 {
        [0.0, 0.0, 0.0, 0.0]
    } else if on_ring || on_line || on_dot {
        [250.0, 247.0, 238.0, 255.0]
    } else {
        [31.0, 92.0, 69.0, 255.0]
    }
}

/// The icon as RGBA pixels, `side` pixels square: the 64-unit drawing
/// scaled, each pixel the mean of its samples (colours weighted by their
/// opacity, so that the tile's edge does not darken).
pub fn icon_rgba(side: u32) -> Vec<u8> {
    let scale = 64.0 / side as f32;
    let mut rgba = Vec::with_capacity((side * side * 4) as usize);
    for y in 0..side {
        for x in 0..side {
            let mut sum = [0.0f32; 4];
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let fx = (x as f32 + (sx as f32 + 0.5) / SAMPLES as f32) * scale;
                    let fy = (y as f32 + (sy as f32 + 0.5) / SAMPLES as f32) * scale;
                    let [r, g, b, a] = colour_at(fx, fy);
                    sum = [sum[0] + r * a, sum[1] + g * a, sum[2] + b * a, sum[3] + a];
                }
            }
            let alpha = sum[3] / (SAMPLES * SAMPLES) as f32;
            let channel = |v: f32| {
                if sum[3] > 0.0 {
                    (v / sum[3]).round() as u8
                } else {
                    0
                }
            };
            rgba.extend_from_slice(&[
                channel(sum[0]),
                channel(sum[1]),
                channel(sum[2]),
                alpha.round() as u8,
            ]);
        }
    }
    rgba
}

/// The window icon.
pub fn icon() -> egui::IconData {
    egui::IconData {
        rgba: icon_rgba(SIZE),
        width: SIZE,
        height: SIZE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The PNGs the desktop shows are this drawing; with
    /// `NEUTRALITY_READER_WRITE_ICONS=1` the test writes them instead.
    #[test]
    fn the_desktop_icons_are_the_window_icon() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons/hicolor");
        let write = std::env::var_os("NEUTRALITY_READER_WRITE_ICONS").is_some();
        for side in DESKTOP_SIZES {
            let path = root.join(format!("{side}x{side}/apps/neutrality-reader.png"));
            let drawn = image::RgbaImage::from_raw(side, side, icon_rgba(side)).unwrap();
            if write {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                drawn.save(&path).unwrap();
            }
            let saved = image::open(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .to_rgba8();
            assert_eq!(saved, drawn, "{}", path.display());
        }
    }

    /// The Windows program's icon (assets/icons/neutrality-reader.ico,
    /// embedded by build.rs) is this drawing at 16 to 256 pixels; written
    /// with `NEUTRALITY_READER_WRITE_ICONS=1` as the PNGs are.
    #[test]
    fn the_windows_icon_is_the_window_icon() {
        use image::codecs::ico::{IcoEncoder, IcoFrame};
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/icons/neutrality-reader.ico");
        let frames: Vec<IcoFrame<'static>> = [16u32, 24, 32, 48, 64, 128, 256]
            .iter()
            .map(|&side| {
                IcoFrame::as_png(
                    &icon_rgba(side),
                    side,
                    side,
                    image::ExtendedColorType::Rgba8,
                )
                .unwrap()
            })
            .collect();
        let mut made = Vec::new();
        IcoEncoder::new(&mut made).encode_images(&frames).unwrap();
        if std::env::var_os("NEUTRALITY_READER_WRITE_ICONS").is_some() {
            std::fs::write(&path, &made).unwrap();
        }
        let saved = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(saved, made);
        // The largest frame reads back as the drawing.
        let read = image::load_from_memory_with_format(&saved, image::ImageFormat::Ico)
            .unwrap()
            .to_rgba8();
        assert_eq!(read.width(), 256);
        assert_eq!(read.into_raw(), icon_rgba(256));
    }

    #[test]
    fn the_window_icon_is_the_64_pixel_drawing() {
        let icon = icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba, icon_rgba(64));
        // A corner is transparent, the middle of the tile green.
        assert_eq!(&icon.rgba[..4], &[0, 0, 0, 0]);
    }
}
