//! Images in a dataset: where an article's image may be, how large it may be,
//! in what format, and decoding it within limits.
//!
//! A dataset may come from anywhere, so an image path is a claim to be checked
//! like any other: it must name a file inside the dataset's `assets/` folder
//! (no `..`, no absolute path, no drive letter or backslash, no link leading
//! out), and the file must be a PNG or JPEG image of bounded size whose
//! dimensions, read from its header alone, are bounded too. Loading a dataset
//! checks all of this without decoding a pixel; the reader decodes an image
//! once, with the decoder's own limits, when it is first shown.

use std::borrow::Cow;
use std::fmt;
use std::io::{BufRead, BufReader, Cursor, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use image::{ImageFormat, ImageReader, Limits};

const MIB: u64 = 1024 * 1024;

/// Largest image file, in bytes. A diagram or a map as a PNG is a few hundred
/// KB; a photograph at the largest size allowed ([`MAX_IMAGE_SIDE`] square)
/// saved as a good JPEG is 3 to 6 MB. 8 MiB takes both, matches the limit on
/// a data file ([`super::MAX_FILE_BYTES`]), and keeps the bytes held while an
/// image is decoded small beside its pixels (64 MiB at the largest).
pub const MAX_IMAGE_BYTES: u64 = 8 * MIB;

/// Largest width and height, in pixels. The text column is at most about a
/// thousand points wide and a projector 1920 pixels, so 4096 is sharp even on a
/// high-density screen at twice that, and one decoded image is at most
/// 4096 × 4096 × 4 bytes = 64 MiB of RGBA. A header claiming more is refused
/// before any pixel is read: a small file can claim 100000 × 100000 pixels
/// (40 GB decoded).
pub const MAX_IMAGE_SIDE: u32 = 4096;

/// Most memory the decoder may allocate for one image: a 16-bit RGBA image of
/// [`MAX_IMAGE_SIDE`] square (128 MiB), the widest pixel format PNG has.
pub const MAX_DECODE_BYTES: u64 = MAX_IMAGE_SIDE as u64 * MAX_IMAGE_SIDE as u64 * 8;

/// Where a dataset's images come from.
#[derive(Clone, Debug)]
pub enum ImageSource {
    /// Compiled into the binary: each file's path (`assets/…`) and bytes.
    Embedded(&'static [(&'static str, &'static [u8])]),
    /// A dataset folder on disk; images are read from its `assets/` folder.
    Folder {
        /// The dataset folder.
        dir: PathBuf,
        /// Which load of the folder this is: a folder loaded again (its
        /// files changed) has another, so images cached from it are read anew.
        load: u64,
    },
    /// A unit file (`.zip`): images are read from its `assets/` folder,
    /// the archive opened and checked again for each ([`super::archive`]).
    Archive {
        /// The unit file.
        zip: PathBuf,
        /// Which load of it this is, as for a folder.
        load: u64,
    },
    /// Text only (given as bytes, in tests or fuzzing): image paths are
    /// checked, but there is no file to check or show.
    Unavailable,
}

impl ImageSource {
    /// The images of the dataset folder `dir`, or of the unit file `dir`
    /// (a `.zip`, opened wherever a folder is), loaded now.
    pub fn folder(dir: &Path) -> Self {
        static LOADS: AtomicU64 = AtomicU64::new(0);
        let load = LOADS.fetch_add(1, Ordering::Relaxed);
        if super::archive::is_zip_path(dir) && !dir.is_dir() {
            return ImageSource::Archive {
                zip: dir.to_path_buf(),
                load,
            };
        }
        ImageSource::Folder {
            dir: dir.to_path_buf(),
            load,
        }
    }

    /// A key telling this source's images apart from another dataset's, for caches.
    pub fn key(&self) -> String {
        match self {
            ImageSource::Embedded(_) => "embedded".to_owned(),
            ImageSource::Folder { dir, load } => format!("folder {load}:{}", dir.display()),
            ImageSource::Archive { zip, load } => format!("zip {load}:{}", zip.display()),
            ImageSource::Unavailable => "unavailable".to_owned(),
        }
    }
}

/// The two formats an image may have, told by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// PNG: `89 50 4E 47 0D 0A 1A 0A`.
    Png,
    /// JPEG: `FF D8 FF`.
    Jpeg,
}

impl Format {
    /// The format whose signature `start` begins with.
    pub fn from_magic(start: &[u8]) -> Option<Self> {
        if start.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if start.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else {
            None
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Png => ImageFormat::Png,
            Format::Jpeg => ImageFormat::Jpeg,
        }
    }
}

/// What an image's header says, checked against the limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// PNG or JPEG.
    pub format: Format,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// A decoded image: 8-bit RGBA, row by row, unpremultiplied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rgba {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes.
    pub pixels: Vec<u8>,
}

/// Why an image cannot be used. Each says so in a plain English sentence
/// ([`fmt::Display`]); the window words them in its own language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The path is empty.
    #[error(
        "the image has no path; put the file in assets/ and give its path, like assets/map.png"
    )]
    EmptyPath,
    /// The path starts at the root of the disk.
    #[error(
        "the image path “{path}” is absolute; give it from the dataset folder, like assets/map.png"
    )]
    Absolute {
        /// The path as written.
        path: String,
    },
    /// A backslash, a colon (a Windows drive or stream) or a control character.
    #[error(
        "the image path “{path}” has a backslash, a colon or a control character; write it with forward slashes, like assets/map.png"
    )]
    NotPortable {
        /// The path as written.
        path: String,
    },
    /// A `..` component.
    #[error("the image path “{path}” leaves the dataset folder; keep images in assets/")]
    LeavesFolder {
        /// The path as written.
        path: String,
    },
    /// The file is reached through a link that leads out of the dataset folder.
    #[error(
        "the image path “{path}” leads out of the dataset folder through a link; keep images in assets/"
    )]
    LinksOut {
        /// The path as written.
        path: String,
    },
    /// Not under `assets/`, or with an empty or `.` component.
    #[error(
        "the image path “{path}” is not a file in the assets/ folder; keep images in assets/, like assets/map.png"
    )]
    NotInAssets {
        /// The path as written.
        path: String,
    },
    /// No such file.
    #[error("the image file {path} does not exist")]
    Missing {
        /// The path as written.
        path: String,
    },
    /// A folder, a device or a pipe.
    #[error("the image path “{path}” is not a file")]
    NotAFile {
        /// The path as written.
        path: String,
    },
    /// The file could not be read.
    #[error("the image file {path} cannot be read: {error}")]
    Unreadable {
        /// The path as written.
        path: String,
        /// The system's words.
        error: String,
    },
    /// Over [`MAX_IMAGE_BYTES`].
    #[error("the image file {path} is {} MiB; an image may be at most {} MiB", mib(*.bytes), MAX_IMAGE_BYTES / MIB)]
    TooLarge {
        /// The path as written.
        path: String,
        /// Its size in bytes.
        bytes: u64,
    },
    /// Neither a PNG nor a JPEG signature.
    #[error("the file {path} is not a PNG or JPEG image")]
    NotAnImage {
        /// The path as written.
        path: String,
    },
    /// The header or the pixels could not be read.
    #[error("the image file {path} is damaged: {error}")]
    Damaged {
        /// The path as written.
        path: String,
        /// The decoder's words.
        error: String,
    },
    /// Wider or taller than [`MAX_IMAGE_SIDE`].
    #[error(
        "the image {path} is {width} × {height} pixels; an image may be at most {MAX_IMAGE_SIDE} × {MAX_IMAGE_SIDE}"
    )]
    TooManyPixels {
        /// The path as written.
        path: String,
        /// Width from the header.
        width: u32,
        /// Height from the header.
        height: u32,
    },
    /// Decoding would take more than [`MAX_DECODE_BYTES`].
    #[error("the image {path} needs more than {} MiB of memory to decode", MAX_DECODE_BYTES / MIB)]
    TooMuchMemory {
        /// The path as written.
        path: String,
    },
    /// The dataset was given as text only, without its folder.
    #[error("the image {path} cannot be shown: the dataset was not loaded from a folder")]
    NoFolder {
        /// The path as written.
        path: String,
    },
}

/// Bytes in MiB with one decimal, rounded up: 8 MiB and one byte is "8.1",
/// never "8.0", beside a limit of 8.
pub fn mib(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(MIB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Checks the path as text: relative, with forward slashes, inside `assets/`,
/// without `..`. Touches no file.
pub fn check_path(path: &str) -> Result<(), ImageError> {
    let owned = || path.to_owned();
    if path.is_empty() {
        return Err(ImageError::EmptyPath);
    }
    if path.contains(['\\', ':']) || path.chars().any(char::is_control) {
        return Err(ImageError::NotPortable { path: owned() });
    }
    if path.starts_with('/') || Path::new(path).is_absolute() {
        return Err(ImageError::Absolute { path: owned() });
    }
    let components: Vec<&str> = path.split('/').collect();
    if components.contains(&"..") {
        return Err(ImageError::LeavesFolder { path: owned() });
    }
    let clean = components.iter().all(|c| !c.is_empty() && *c != ".");
    if !clean || components.len() < 2 || components.first() != Some(&"assets") {
        return Err(ImageError::NotInAssets { path: owned() });
    }
    Ok(())
}

/// Every check a dataset's load makes on one image: the path, where the file
/// really is, its size, its format and its dimensions (from the header, no
/// pixel decoded). `None` when the source has no files to check.
pub fn check(source: &ImageSource, path: &str) -> Result<Option<ImageInfo>, ImageError> {
    check_path(path)?;
    match source {
        ImageSource::Unavailable => Ok(None),
        ImageSource::Embedded(files) => {
            let bytes = embedded(files, path)?;
            inspect(path, Cursor::new(bytes), bytes.len() as u64).map(Some)
        }
        ImageSource::Folder { dir, .. } => {
            let (opened, size) = open_in(dir, path)?;
            inspect(path, BufReader::new(opened), size).map(Some)
        }
        ImageSource::Archive { zip, .. } => {
            let bytes = from_archive(zip, path)?;
            inspect(path, Cursor::new(&bytes), bytes.len() as u64).map(Some)
        }
    }
}

/// The image's bytes, after the same checks of its path and size as at load;
/// never more than [`MAX_IMAGE_BYTES`] read.
pub fn read(source: &ImageSource, path: &str) -> Result<Cow<'static, [u8]>, ImageError> {
    check_path(path)?;
    match source {
        ImageSource::Unavailable => Err(ImageError::NoFolder {
            path: path.to_owned(),
        }),
        ImageSource::Embedded(files) => {
            let bytes = embedded(files, path)?;
            too_large(path, bytes.len() as u64)?;
            Ok(Cow::Borrowed(bytes))
        }
        ImageSource::Folder { dir, .. } => {
            let (opened, size) = open_in(dir, path)?;
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            opened
                .take(MAX_IMAGE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| unreadable(path, &e))?;
            // The file may have grown since its size was read.
            too_large(path, bytes.len() as u64)?;
            Ok(Cow::Owned(bytes))
        }
        ImageSource::Archive { zip, .. } => from_archive(zip, path).map(Cow::Owned),
    }
}

/// Reads and decodes an image of the source: [`read`], then [`decode`].
pub fn load(source: &ImageSource, path: &str) -> Result<Rgba, ImageError> {
    let bytes = read(source, path)?;
    decode(path, &bytes)
}

/// Reads and decodes an image of the source, scaled down to fit within
/// `max_side` pixels each way if it is larger; its pixels are always
/// `width × height × 4` bytes, with neither side zero.
pub fn load_within(source: &ImageSource, path: &str, max_side: u32) -> Result<Rgba, ImageError> {
    let image = fit_within(load(source, path)?, max_side);
    let whole = usize::try_from(u64::from(image.width) * u64::from(image.height) * 4)
        .is_ok_and(|len| len == image.pixels.len());
    if image.width == 0 || image.height == 0 || !whole {
        return Err(ImageError::Damaged {
            path: path.to_owned(),
            error: "it has no pixels".to_owned(),
        });
    }
    Ok(image)
}

/// Decodes an image's bytes into RGBA pixels, checking its format and header
/// first and with the decoder held to [`MAX_IMAGE_SIDE`] and
/// [`MAX_DECODE_BYTES`]. `path` names the image in errors.
pub fn decode(path: &str, bytes: &[u8]) -> Result<Rgba, ImageError> {
    let info = inspect(path, Cursor::new(bytes), bytes.len() as u64)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), info.format.image_format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let image = reader.decode().map_err(|error| match error {
        image::ImageError::Limits(limit) => match limit.kind() {
            image::error::LimitErrorKind::DimensionError => ImageError::TooManyPixels {
                path: path.to_owned(),
                width: info.width,
                height: info.height,
            },
            _ => ImageError::TooMuchMemory {
                path: path.to_owned(),
            },
        },
        other => damaged(path, &other),
    })?;
    let rgba = image.into_rgba8();
    Ok(Rgba {
        width: rgba.width(),
        height: rgba.height(),
        pixels: rgba.into_raw(),
    })
}

/// The size [`fit_within`] gives an image of `width × height` pixels: the
/// same if it fits within `max_side` each way, else scaled down to fit,
/// keeping its proportions. The reader sizes an image's place from its header
/// with it before decoding a pixel.
pub fn fitted_size(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let max_side = max_side.max(1);
    if width <= max_side && height <= max_side {
        return (width, height);
    }
    let scale = f64::from(max_side) / f64::from(width.max(height));
    let fitted = |side: u32| ((f64::from(side) * scale).round() as u32).clamp(1, max_side);
    (fitted(width), fitted(height))
}

/// The image made to fit within `max_side` pixels each way (a graphics card
/// may take no larger texture), keeping its proportions; unchanged if it fits.
pub fn fit_within(image: Rgba, max_side: u32) -> Rgba {
    let (width, height) = fitted_size(image.width, image.height, max_side);
    if (width, height) == (image.width, image.height) {
        return image;
    }
    let Some(buffer) = image::RgbaImage::from_raw(image.width, image.height, image.pixels) else {
        // Not width × height × 4 bytes: nothing sensible to scale.
        return Rgba {
            width: 0,
            height: 0,
            pixels: Vec::new(),
        };
    };
    let scaled = image::imageops::resize(
        &buffer,
        width,
        height,
        image::imageops::FilterType::Triangle,
    );
    Rgba {
        width,
        height,
        pixels: scaled.into_raw(),
    }
}

/// Format by the first bytes, size, and dimensions from the header alone.
fn inspect<R: BufRead + Seek>(
    path: &str,
    mut reader: R,
    size: u64,
) -> Result<ImageInfo, ImageError> {
    too_large(path, size)?;
    let mut start = Vec::with_capacity(8);
    (&mut reader)
        .take(8)
        .read_to_end(&mut start)
        .map_err(|e| unreadable(path, &e))?;
    let format = Format::from_magic(&start).ok_or_else(|| ImageError::NotAnImage {
        path: path.to_owned(),
    })?;
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| unreadable(path, &e))?;
    let mut header = ImageReader::with_format(reader, format.image_format());
    // The header only: its sides are compared below, so the decoder must not
    // refuse them first; what it allocates for the header stays bounded.
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    header.limits(limits);
    let (width, height) = header
        .into_dimensions()
        .map_err(|error| damaged(path, &error))?;
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(ImageError::TooManyPixels {
            path: path.to_owned(),
            width,
            height,
        });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Damaged {
            path: path.to_owned(),
            error: format!("it is {width} × {height} pixels"),
        });
    }
    Ok(ImageInfo {
        format,
        width,
        height,
        bytes: size,
    })
}

fn embedded(
    files: &'static [(&'static str, &'static [u8])],
    path: &str,
) -> Result<&'static [u8], ImageError> {
    files
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, bytes)| *bytes)
        .ok_or_else(|| ImageError::Missing {
            path: path.to_owned(),
        })
}

/// Opens the image file at `path` in the dataset folder `dir` and gives its
/// size, confined as every file of a dataset is
/// ([`super::open_file::open_confined`]): inside the folder, links
/// followed, a regular file of at most [`MAX_IMAGE_BYTES`].
fn open_in(dir: &Path, path: &str) -> Result<(std::fs::File, u64), ImageError> {
    use super::open_file::{Refused, open_confined};
    let owned = || path.to_owned();
    open_confined(dir, &dir.join(path), MAX_IMAGE_BYTES).map_err(|refused| match refused {
        Refused::Missing { .. } => ImageError::Missing { path: owned() },
        Refused::LinksOut => ImageError::LinksOut { path: owned() },
        Refused::Folder | Refused::Pipe | Refused::Special => {
            ImageError::NotAFile { path: owned() }
        }
        Refused::TooLarge(bytes) => ImageError::TooLarge {
            path: owned(),
            bytes,
        },
        Refused::Io(error) => unreadable(path, &error),
    })
}

/// The bytes of the image at `path` in the unit file `zip`, read within
/// the archive's limits (which are the image's: [`MAX_IMAGE_BYTES`]).
fn from_archive(zip: &Path, path: &str) -> Result<Vec<u8>, ImageError> {
    let bytes = super::archive::read_image(zip, path)
        .map_err(|error| ImageError::Unreadable {
            path: path.to_owned(),
            error,
        })?
        .ok_or_else(|| ImageError::Missing {
            path: path.to_owned(),
        })?;
    too_large(path, bytes.len() as u64)?;
    Ok(bytes)
}

fn too_large(path: &str, bytes: u64) -> Result<(), ImageError> {
    if bytes > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    Ok(())
}

fn unreadable(path: &str, error: &std::io::Error) -> ImageError {
    ImageError::Unreadable {
        path: path.to_owned(),
        error: error.to_string(),
    }
}

fn damaged(path: &str, error: &image::ImageError) -> ImageError {
    ImageError::Damaged {
        path: path.to_owned(),
        error: error.to_string(),
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, 255]));
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn paths_must_stay_in_assets() {
        assert_eq!(check_path("assets/map.png"), Ok(()));
        assert_eq!(check_path("assets/maps/asia.jpg"), Ok(()));
        let err = |p: &str| check_path(p).unwrap_err().to_string();
        assert_eq!(
            err("../secret.png"),
            "the image path “../secret.png” leaves the dataset folder; keep images in assets/"
        );
        assert!(err("assets/../../x.png").contains("leaves the dataset folder"));
        assert!(err("/etc/x.png").contains("is absolute"));
        for bad in ["C:/x.png", "assets\\x.png", "c:x.png", "assets/x\u{0}.png"] {
            assert!(err(bad).contains("backslash, a colon"), "{bad}");
        }
        for bad in [
            "map.png",
            "assets",
            "assets/",
            "assets//x.png",
            "./assets/x.png",
        ] {
            assert!(
                err(bad).contains("not a file in the assets/ folder"),
                "{bad}"
            );
        }
        assert!(err("").contains("has no path"));
    }

    #[test]
    fn sizes_round_up_to_a_tenth() {
        assert_eq!(mib(8 * MIB), "8.0");
        assert_eq!(mib(8 * MIB + 1), "8.1");
        assert_eq!(mib(9_542_041), "9.1");
    }

    #[test]
    fn a_good_png_decodes() {
        let image = decode("assets/a.png", &png(3, 2)).unwrap();
        assert_eq!((image.width, image.height), (3, 2));
        assert_eq!(image.pixels.len(), 24);
        assert_eq!(image.pixels.get(..4), Some(&[10, 20, 30, 255][..]));
    }

    #[test]
    fn a_good_jpeg_decodes() {
        let mut bytes = Vec::new();
        image::RgbImage::from_pixel(16, 8, image::Rgb([200, 100, 50]))
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        let image = decode("assets/a.jpg", &bytes).unwrap();
        assert_eq!((image.width, image.height), (16, 8));
    }

    #[test]
    fn not_an_image_by_its_first_bytes() {
        let err = decode("assets/a.png", b"GIF89a....").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file assets/a.png is not a PNG or JPEG image"
        );
    }

    #[test]
    fn a_cut_png_is_damaged_not_a_panic() {
        let bytes = png(40, 40);
        // Cut in the header, in the first chunk, in the pixels.
        for cut in [8, 20, 33, bytes.len() / 2] {
            match decode("assets/a.png", bytes.get(..cut).unwrap()) {
                Err(ImageError::Damaged { .. }) => {}
                Err(other) => panic!("cut at {cut}: {other}"),
                Ok(_) => panic!("cut at {cut}: decoded"),
            }
        }
    }

    #[test]
    fn large_images_are_scaled_to_fit_a_texture() {
        let image = decode("assets/a.png", &png(300, 100)).unwrap();
        let fitted = fit_within(image.clone(), 150);
        assert_eq!((fitted.width, fitted.height), (150, 50));
        assert_eq!(fitted.pixels.len(), 150 * 50 * 4);
        assert_eq!(fit_within(image.clone(), 300), image);
    }

    #[test]
    fn loading_within_a_texture_size_scales_down() {
        let bytes: &'static [u8] = png(64, 16).leak();
        let files: &'static [(&str, &[u8])] = vec![("assets/a.png", bytes)].leak();
        let source = ImageSource::Embedded(files);
        let image = load_within(&source, "assets/a.png", 32).unwrap();
        assert_eq!((image.width, image.height), (32, 8));
        assert_eq!(image.pixels.len(), 32 * 8 * 4);
    }

    #[test]
    fn a_dataset_without_a_folder_checks_only_the_path() {
        assert_eq!(check(&ImageSource::Unavailable, "assets/x.png"), Ok(None));
        assert!(check(&ImageSource::Unavailable, "../x.png").is_err());
        assert_eq!(
            load(&ImageSource::Unavailable, "assets/x.png")
                .unwrap_err()
                .to_string(),
            "the image assets/x.png cannot be shown: the dataset was not loaded from a folder"
        );
    }

    #[test]
    fn embedded_images_are_checked_from_their_bytes() {
        let bytes: &'static [u8] = png(5, 5).leak();
        let files: &'static [(&str, &[u8])] = vec![("assets/a.png", bytes)].leak();
        let source = ImageSource::Embedded(files);
        let info = check(&source, "assets/a.png").unwrap().unwrap();
        assert_eq!((info.format, info.width, info.height), (Format::Png, 5, 5));
        assert_eq!(
            check(&source, "assets/b.png").unwrap_err().to_string(),
            "the image file assets/b.png does not exist"
        );
    }

    #[test]
    fn the_bundled_images_are_the_assets_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/assets");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| format!("assets/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = super::super::files::EMBEDDED_ASSETS
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }
}
