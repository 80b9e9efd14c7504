//! An article's image on the page or on the stage: decoded once, kept as a
//! texture for the run, drawn to the width there is (never enlarged more than
//! [`MAX_UPSCALE`] times), named for screen readers by its alt text. An image
//! that cannot be shown leaves a box of fixed height that says why.

use std::collections::HashMap;

use egui::{Color32, RichText, TextureHandle};

use crate::dataset::Dataset;
use crate::dataset::images::{self, ImageError, MAX_DECODE_BYTES, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE};
use crate::i18n::{tr, trf};

/// Most an image is enlarged beyond its own size: a small picture stays
/// small rather than blurred across the column.
pub const MAX_UPSCALE: f32 = 1.5;

/// How an image and its box are drawn: the text size and colours of the
/// page or of the stage.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// The body text size; the placeholder and caption are sized from it.
    pub size: f32,
    /// Text.
    pub text: Color32,
    /// The caption and the placeholder's reason.
    pub muted: Color32,
    /// The placeholder's outline.
    pub stroke: Color32,
}

/// The textures of one dataset's images, and the reasons some failed.
#[derive(Clone, Default)]
struct Cache {
    /// [`crate::dataset::ImageSource::key`] of the dataset they belong to.
    source: String,
    /// By path as the article gives it.
    entries: HashMap<String, Result<TextureHandle, ImageError>>,
}

fn cache_id() -> egui::Id {
    egui::Id::unique("article_image_cache")
}

/// The image's texture: read, checked and decoded the first time it is
/// asked for, then kept. Another dataset's images replace the kept ones.
pub fn texture(
    ctx: &egui::Context,
    dataset: &Dataset,
    path: &str,
) -> Result<TextureHandle, ImageError> {
    let source = dataset.images.key();
    let kept = ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<Cache>(cache_id());
        if cache.source != source {
            *cache = Cache {
                source: source.clone(),
                entries: HashMap::new(),
            };
        }
        cache.entries.get(path).cloned()
    });
    if let Some(kept) = kept {
        return kept;
    }
    // The graphics card's largest texture; the image is scaled down to fit it.
    let max_side = ctx.input(|i| i.max_texture_side);
    let max_side = u32::try_from(max_side).unwrap_or(u32::MAX);
    let loaded = images::load_within(&dataset.images, path, max_side).map(|rgba| {
        let size = [rgba.width as usize, rgba.height as usize];
        let image = egui::ColorImage::from_rgba_unmultiplied(size, &rgba.pixels);
        let options = egui::TextureOptions {
            mipmap_mode: Some(egui::TextureFilter::Linear),
            ..egui::TextureOptions::LINEAR
        };
        ctx.load_texture(format!("article image {path}"), image, options)
    });
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<Cache>(cache_id());
        if cache.source == source {
            cache.entries.insert(path.to_owned(), loaded.clone());
        }
    });
    loaded
}

/// The size to draw an image of `natural` points in a space `room` wide and
/// high: as wide as the room, keeping its proportions, never more than
/// [`MAX_UPSCALE`] times its own size.
pub fn shown_size(natural: egui::Vec2, room: egui::Vec2) -> egui::Vec2 {
    if natural.x <= 0.0 || natural.y <= 0.0 {
        return egui::Vec2::ZERO;
    }
    let fit = (room.x / natural.x).min(room.y / natural.y);
    // A NaN room (never expected) draws nothing rather than panicking.
    let scale = if fit.is_nan() {
        0.0
    } else {
        fit.clamp(0.0, MAX_UPSCALE)
    };
    natural * scale
}

/// The image scaled into `room` and named by `alt`, or, when it cannot be
/// shown, a box `room.x` wide and of fixed height that says why.
pub fn image_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    path: &str,
    alt: &str,
    room: egui::Vec2,
    look: Look,
) -> egui::Response {
    match texture(ui.ctx(), dataset, path) {
        Ok(texture) => {
            let natural = texture.size_vec2() / ui.ctx().pixels_per_point();
            let size = shown_size(natural, room);
            ui.add(
                egui::Image::new(&texture)
                    .fit_to_exact_size(size)
                    .alt_text(alt),
            )
        }
        Err(error) => placeholder_ui(ui, alt, &reason(&error), room.x, look),
    }
}

/// The box left where an image cannot be shown: its alt text and the reason.
fn placeholder_ui(
    ui: &mut egui::Ui,
    alt: &str,
    reason: &str,
    width: f32,
    look: Look,
) -> egui::Response {
    let height = look.size * 6.0;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, look.stroke))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(12, 10))
        .show(ui, |ui| {
            let inner = egui::vec2((width - 24.0).max(0.0), (height - 20.0).max(0.0));
            ui.set_min_size(inner);
            ui.set_max_width(inner.x);
            ui.label(
                RichText::new(trf("study.image", &[("alt", &alt)]))
                    .size(look.size * 0.85)
                    .italics()
                    .color(look.text),
            );
            ui.label(
                RichText::new(trf("images.not_shown", &[("reason", &reason)]))
                    .size(look.size * 0.75)
                    .color(look.muted),
            );
        })
        .response
}

/// Why an image is not shown, in the interface's language.
pub fn reason(error: &ImageError) -> String {
    let mib = |bytes: u64| bytes / (1024 * 1024);
    match error {
        ImageError::EmptyPath => tr("images.empty_path").to_owned(),
        ImageError::Absolute { path } => trf("images.absolute", &[("path", path)]),
        ImageError::NotPortable { path } => trf("images.not_portable", &[("path", path)]),
        ImageError::LeavesFolder { path } => trf("images.leaves_folder", &[("path", path)]),
        ImageError::LinksOut { path } => trf("images.links_out", &[("path", path)]),
        ImageError::NotInAssets { path } => trf("images.not_in_assets", &[("path", path)]),
        ImageError::Missing { path } => trf("images.missing", &[("path", path)]),
        ImageError::NotAFile { path } => trf("images.not_a_file", &[("path", path)]),
        ImageError::Unreadable { path, error } => {
            trf("images.unreadable", &[("path", path), ("error", error)])
        }
        ImageError::TooLarge { path, bytes } => trf(
            "images.too_large",
            &[
                ("path", path),
                ("size", &images::mib(*bytes)),
                ("limit", &mib(MAX_IMAGE_BYTES)),
            ],
        ),
        ImageError::NotAnImage { path } => trf("images.not_an_image", &[("path", path)]),
        ImageError::Damaged { path, error } => {
            trf("images.damaged", &[("path", path), ("error", error)])
        }
        ImageError::TooManyPixels {
            path,
            width,
            height,
        } => trf(
            "images.too_many_pixels",
            &[
                ("path", path),
                ("width", width),
                ("height", height),
                ("limit", &MAX_IMAGE_SIDE),
            ],
        ),
        ImageError::TooMuchMemory { path } => trf(
            "images.too_much_memory",
            &[("path", path), ("limit", &mib(MAX_DECODE_BYTES))],
        ),
        ImageError::NoFolder { path } => trf("images.no_folder", &[("path", path)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_fills_the_width_but_is_enlarged_at_most_one_and_a_half_times() {
        let room = egui::vec2(600.0, 10_000.0);
        assert_eq!(
            shown_size(egui::vec2(960.0, 372.0), room),
            egui::vec2(600.0, 232.5)
        );
        assert_eq!(
            shown_size(egui::vec2(100.0, 50.0), room),
            egui::vec2(150.0, 75.0)
        );
        assert_eq!(
            shown_size(egui::vec2(400.0, 400.0), egui::vec2(600.0, 300.0)),
            egui::vec2(300.0, 300.0)
        );
        assert_eq!(shown_size(egui::vec2(0.0, 10.0), room), egui::Vec2::ZERO);
    }
}
