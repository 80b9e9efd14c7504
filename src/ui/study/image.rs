//! An article's image on the page or on the stage: sized from its header,
//! decoded when it comes on screen (on a thread of its own in the window:
//! its place waits, faintly filled, until it is ready), kept as a texture
//! within a memory budget,
//! drawn to the width there is (never enlarged more than
//! [`MAX_UPSCALE`] times), named for screen readers by its alt text. An image
//! that cannot be shown leaves a box of fixed height that says why.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use egui::{Color32, RichText, TextureHandle};

use super::texture_budget::TextureBudget;
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

/// Most memory the decoded images of the open dataset hold at once, as
/// textures of 4 bytes a pixel: four images of the largest size allowed
/// ([`MAX_IMAGE_SIDE`] square). An article with many large images keeps those
/// drawn most lately; one scrolled back to is decoded again.
pub const TEXTURE_BUDGET_BYTES: usize = 256 * 1024 * 1024;

/// One dataset's images: what each header says, and the textures of those
/// drawn lately.
#[derive(Clone)]
struct Cache {
    /// [`crate::dataset::ImageSource::key`] of the dataset they belong to.
    source: String,
    /// By path as the article gives it: the size in pixels the texture will
    /// have, or why the image cannot be shown (a decoding that failed is kept
    /// here too, so it is not tried again every frame).
    sizes: HashMap<String, Result<[u32; 2], ImageError>>,
    /// The textures, by path, within [`TEXTURE_BUDGET_BYTES`].
    textures: TextureBudget<String, TextureHandle>,
    /// Images being decoded on their own threads, by path.
    decoding: HashMap<String, Slot>,
}

/// Where a decoding thread leaves its image (and its size in bytes).
type Slot = Arc<Mutex<Option<Decoded>>>;

/// An image decoded for a texture, with its size in bytes, or why not.
type Decoded = Result<(egui::ColorImage, usize), ImageError>;

impl Default for Cache {
    fn default() -> Self {
        Self::for_source(String::new())
    }
}

impl Cache {
    fn for_source(source: String) -> Self {
        Self {
            source,
            sizes: HashMap::new(),
            textures: TextureBudget::new(TEXTURE_BUDGET_BYTES),
            decoding: HashMap::new(),
        }
    }
}

fn cache_id() -> egui::Id {
    egui::Id::unique("article_image_cache")
}

/// Runs `f` on the cache of the images of `source` (an
/// [`crate::dataset::ImageSource::key`]); another dataset's images replace the
/// kept ones.
fn with_cache<R>(ctx: &egui::Context, source: &str, f: impl FnOnce(&mut Cache) -> R) -> R {
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<Cache>(cache_id());
        if cache.source != source {
            *cache = Cache::for_source(source.to_owned());
        }
        f(cache)
    })
}

/// The graphics card's largest texture side; larger images are scaled down to it.
fn max_texture_side(ctx: &egui::Context) -> u32 {
    u32::try_from(ctx.input(|i| i.max_texture_side)).unwrap_or(u32::MAX)
}

/// The size in pixels the image's texture will have, from its header alone
/// (checked as at load), kept after the first time.
fn texture_size(
    ctx: &egui::Context,
    dataset: &Dataset,
    source: &str,
    path: &str,
) -> Result<[u32; 2], ImageError> {
    if let Some(kept) = with_cache(ctx, source, |cache| cache.sizes.get(path).cloned()) {
        return kept;
    }
    let max_side = max_texture_side(ctx);
    let size = images::check(&dataset.images, path).and_then(|info| match info {
        Some(info) => {
            let (width, height) = images::fitted_size(info.width, info.height, max_side);
            Ok([width, height])
        }
        None => Err(ImageError::NoFolder {
            path: path.to_owned(),
        }),
    });
    with_cache(ctx, source, |cache| {
        cache.sizes.insert(path.to_owned(), size.clone());
    });
    size
}

/// The image's texture: read, checked and decoded when it is first drawn,
/// then kept while the textures drawn since stay within
/// [`TEXTURE_BUDGET_BYTES`]. A failure is kept as the image's size, so the
/// next frame draws the box that says why.
fn texture(
    ctx: &egui::Context,
    dataset: &Dataset,
    source: &str,
    path: &str,
) -> Result<Option<TextureHandle>, ImageError> {
    let now = ctx.cumulative_frame_nr();
    let kept = with_cache(ctx, source, |cache| cache.textures.get(path, now).cloned());
    if let Some(kept) = kept {
        return Ok(Some(kept));
    }
    let Some(decoded) = decoded(ctx, dataset, source, path) else {
        return Ok(None);
    };
    let texture = decoded.map(|(image, bytes)| {
        let options = egui::TextureOptions {
            mipmap_mode: Some(egui::TextureFilter::Linear),
            ..egui::TextureOptions::LINEAR
        };
        (
            ctx.load_texture(format!("article image {path}"), image, options),
            bytes,
        )
    });
    with_cache(ctx, source, |cache| match &texture {
        Ok((handle, bytes)) => {
            cache
                .textures
                .insert(path.to_owned(), handle.clone(), *bytes, now);
        }
        Err(error) => {
            cache.sizes.insert(path.to_owned(), Err(error.clone()));
        }
    });
    texture.map(|(handle, _)| Some(handle))
}

/// Whether images are decoded on threads of their own (the window) or in
/// the frame that first draws them (tests and screenshots, which want the
/// picture in the frame they look at).
fn in_background(ctx: &egui::Context) -> bool {
    !cfg!(target_arch = "wasm32")
        && ctx.data(|d| d.get_temp::<bool>(background_id()).unwrap_or(false))
}

fn background_id() -> egui::Id {
    egui::Id::unique("article_images_in_background")
}

/// Lets images be decoded on threads of their own, so that a large one
/// never holds up a frame (the window's choice; see [`in_background`]).
pub fn decode_in_background(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(background_id(), true));
}

/// The image decoded, or `None` while a thread decodes it.
fn decoded(ctx: &egui::Context, dataset: &Dataset, source: &str, path: &str) -> Option<Decoded> {
    let max_side = max_texture_side(ctx);
    if !in_background(ctx) {
        return Some(decode(&dataset.images, path, max_side));
    }
    let slot = with_cache(ctx, source, |cache| cache.decoding.get(path).cloned());
    if let Some(slot) = slot {
        let done = slot.lock().ok().and_then(|mut s| s.take());
        if done.is_some() {
            with_cache(ctx, source, |cache| cache.decoding.remove(path));
        }
        return done;
    }
    let slot: Slot = Arc::default();
    let (images, owned, filled, wake) = (
        dataset.images.clone(),
        path.to_owned(),
        slot.clone(),
        ctx.clone(),
    );
    let spawned = std::thread::Builder::new()
        .name("image-decode".to_owned())
        .spawn(move || {
            let image = decode(&images, &owned, max_side);
            if let Ok(mut filled) = filled.lock() {
                *filled = Some(image);
            }
            wake.request_repaint();
        });
    if spawned.is_err() {
        return Some(decode(&dataset.images, path, max_side));
    }
    with_cache(ctx, source, |cache| {
        cache.decoding.insert(path.to_owned(), slot)
    });
    None
}

/// Reads, checks and decodes one image into what a texture is made of.
fn decode(source: &crate::dataset::ImageSource, path: &str, max_side: u32) -> Decoded {
    images::load_within(source, path, max_side).map(|rgba| {
        let size = [rgba.width as usize, rgba.height as usize];
        (
            egui::ColorImage::from_rgba_unmultiplied(size, &rgba.pixels),
            rgba.pixels.len(),
        )
    })
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
/// shown, a box `room.x` wide and of fixed height that says why. Its place
/// is sized from the header; the pixels are decoded only once it is on
/// screen, so a long article of large images costs only what is in view.
pub fn image_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    path: &str,
    alt: &str,
    room: egui::Vec2,
    look: Look,
) -> egui::Response {
    // Formatted once here for both lookups: this runs every frame for every image.
    let source = dataset.images.key();
    let pixels = match texture_size(ui.ctx(), dataset, &source, path) {
        Ok(pixels) => pixels,
        Err(error) => return placeholder_ui(ui, alt, &reason(&error), room.x, look),
    };
    let natural = egui::vec2(pixels[0] as f32, pixels[1] as f32) / ui.ctx().pixels_per_point();
    let (rect, response) = ui.allocate_exact_size(shown_size(natural, room), egui::Sense::hover());
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::new(egui::accesskit::Role::Image);
        info.label = Some(alt.to_owned());
        info
    });
    if ui.is_rect_visible(rect) {
        match texture(ui.ctx(), dataset, &source, path) {
            Ok(Some(texture)) => egui::Image::new(&texture).paint_at(ui, rect),
            // Being decoded: its place waits, faintly filled; the thread
            // asks for a frame when it is done.
            Ok(None) => {
                ui.painter()
                    .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
            }
            // Kept as the image's size: the next frame draws the box that says why.
            Err(_) => ui.ctx().request_repaint(),
        }
    }
    response
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

    /// The bundled illustration's path, as its article gives it.
    fn illustration(dataset: &Dataset) -> String {
        dataset
            .articles
            .iter()
            .flat_map(|a| &a.body)
            .find_map(|b| match b {
                crate::model::Block::Image { path, .. } => Some(path.clone()),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn in_the_background_the_first_ask_starts_a_decode_and_a_later_one_takes_it() {
        let ctx = egui::Context::default();
        let dataset = Dataset::embedded().unwrap();
        let path = illustration(&dataset);
        let source = dataset.images.key();
        let at_once = decoded(&ctx, &dataset, &source, &path).unwrap().unwrap();
        decode_in_background(&ctx);
        // Never in the frame that asks first.
        assert!(decoded(&ctx, &dataset, &source, &path).is_none());
        let end = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let later = loop {
            if let Some(done) = decoded(&ctx, &dataset, &source, &path) {
                break done.unwrap();
            }
            assert!(std::time::Instant::now() < end, "never decoded");
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        assert_eq!(later.1, at_once.1);
        assert_eq!(later.0.size, at_once.0.size);
        // Taken: nothing is left waiting.
        assert!(with_cache(&ctx, &source, |c| c.decoding.is_empty()));
    }

    #[test]
    fn a_bad_image_decoded_in_the_background_says_why() {
        let ctx = egui::Context::default();
        decode_in_background(&ctx);
        let dataset = Dataset::embedded().unwrap();
        let source = dataset.images.key();
        let path = "images/not-there.png";
        assert!(decoded(&ctx, &dataset, &source, path).is_none());
        let end = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            if let Some(done) = decoded(&ctx, &dataset, &source, path) {
                assert!(done.is_err());
                break;
            }
            assert!(std::time::Instant::now() < end, "never answered");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }

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
