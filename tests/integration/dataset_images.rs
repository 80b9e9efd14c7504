//! Images in a dataset, checked when it loads: each refusal with its exact
//! file, line, column and sentence, placed at the image's path in the article.
//!
//! Each test copies `examples/founding-of-the-un/` into a temporary folder and
//! adds an image block at the end of one article (so no cited paragraph
//! moves), with whatever file the test needs in `assets/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::fs;
use std::io::Cursor;
use std::path::Path;

use common::{copy_dir, example_dir};
use neutrality_reader::dataset::images::{self, ImageError, MAX_IMAGE_BYTES};
use neutrality_reader::dataset::{DataFiles, Dataset, ImageSource, Problem};
use tempfile::TempDir;

const ARTICLE: &str = "articles/the-charter-comes-into-force.ron";
const ARTICLE_ID: &str = "the-charter-comes-into-force";
/// The block added is paragraph 11: the article has ten.
const PARAGRAPH: u32 = 11;

/// A copy of the example dataset whose article ends with an image at `path`
/// (as the RON text writes it); returns the folder and the article's new text.
fn with_image(written_path: &str) -> (TempDir, String) {
    let dir = TempDir::new().unwrap();
    copy_dir(&example_dir(), dir.path());
    fs::create_dir_all(dir.path().join("assets")).unwrap();
    let file = dir.path().join(ARTICLE);
    let text = fs::read_to_string(&file).unwrap();
    let end = "\n    ],\n)";
    assert_eq!(
        text.matches(end).count(),
        1,
        "the body's end must be found once"
    );
    let block = format!(
        "\n        // {PARAGRAPH}\n        Image(\n            path: \"{written_path}\",\n            alt: \"A map of the places the Charter names.\",\n            note: \"Drawn for a test.\",\n        ),"
    );
    let text = text.replacen(end, &format!("{block}{end}"), 1);
    fs::write(&file, &text).unwrap();
    (dir, text)
}

fn write_asset(dir: &TempDir, name: &str, bytes: &[u8]) {
    fs::write(dir.path().join("assets").join(name), bytes).unwrap();
}

/// A real PNG of `width` × `height` pixels.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbaImage::from_pixel(width, height, image::Rgba([20, 90, 170, 255]))
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

/// CRC-32 as PNG computes it over a chunk's type and data.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A PNG that is all header: it claims `width` × `height` pixels and has none.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA, no interlace
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend(chunk(b"IHDR", &ihdr));
    bytes.extend(chunk(b"IDAT", &[]));
    bytes.extend(chunk(b"IEND", &[]));
    bytes
}

fn problems(dir: &Path) -> Vec<Problem> {
    match Dataset::load_dir(dir) {
        Ok(_) => panic!("the dataset in {} loaded", dir.display()),
        Err(err) => err.problems,
    }
}

/// Line and column (from 1, column in characters) of `needle`, which must
/// occur exactly once in `text`.
fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "{needle:?} must occur once"
    );
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// The one problem of a dataset whose image is written `written` in the
/// article: at that string, with this sentence after the article's name.
fn assert_only_problem(dir: &TempDir, text: &str, written: &str, sentence: &str) {
    let mut found = problems(dir.path());
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let (line, column) = line_col_of(text, &format!("\"{written}\""));
    let expected = Problem {
        file: dir.path().join(ARTICLE).display().to_string(),
        line: Some(line),
        column: Some(column),
        message: format!("article “{ARTICLE_ID}”: paragraph {PARAGRAPH} (image): {sentence}"),
    };
    assert_eq!(found.remove(0), expected);
}

// ---------------------------------------------------------------- paths

#[test]
fn a_path_with_dot_dot_leaves_the_dataset_folder() {
    let (dir, text) = with_image("../secret.png");
    assert_only_problem(
        &dir,
        &text,
        "../secret.png",
        "the image path “../secret.png” leaves the dataset folder; keep images in assets/",
    );
}

#[test]
fn a_path_through_assets_and_back_out_leaves_the_dataset_folder() {
    let (dir, text) = with_image("assets/../../secret.png");
    assert_only_problem(
        &dir,
        &text,
        "assets/../../secret.png",
        "the image path “assets/../../secret.png” leaves the dataset folder; keep images in assets/",
    );
}

#[test]
fn an_absolute_path_is_refused() {
    let (dir, text) = with_image("/etc/secret.png");
    assert_only_problem(
        &dir,
        &text,
        "/etc/secret.png",
        "the image path “/etc/secret.png” is absolute; give it from the dataset folder, like assets/map.png",
    );
}

#[test]
fn a_windows_drive_or_backslash_is_refused() {
    // In RON, `\\` is one backslash: the path is C:\images\map.png.
    let (dir, text) = with_image("C:\\\\images\\\\map.png");
    assert_only_problem(
        &dir,
        &text,
        "C:\\\\images\\\\map.png",
        "the image path “C:\\images\\map.png” has a backslash, a colon or a control character; write it with forward slashes, like assets/map.png",
    );
    let (dir, text) = with_image("assets\\\\map.png");
    assert_only_problem(
        &dir,
        &text,
        "assets\\\\map.png",
        "the image path “assets\\map.png” has a backslash, a colon or a control character; write it with forward slashes, like assets/map.png",
    );
}

#[test]
fn an_image_outside_assets_is_refused() {
    let (dir, text) = with_image("map.png");
    fs::write(dir.path().join("map.png"), png(4, 4)).unwrap();
    assert_only_problem(
        &dir,
        &text,
        "map.png",
        "the image path “map.png” is not a file in the assets/ folder; keep images in assets/, like assets/map.png",
    );
}

#[cfg(unix)]
#[test]
fn a_link_in_assets_that_points_out_of_the_folder_is_refused() {
    let outside = TempDir::new().unwrap();
    let secret = outside.path().join("secret.png");
    fs::write(&secret, png(4, 4)).unwrap();
    let (dir, text) = with_image("assets/link.png");
    std::os::unix::fs::symlink(&secret, dir.path().join("assets/link.png")).unwrap();
    assert_only_problem(
        &dir,
        &text,
        "assets/link.png",
        "the image path “assets/link.png” leads out of the dataset folder through a link; keep images in assets/",
    );
}

#[cfg(unix)]
#[test]
fn an_assets_folder_that_is_a_link_out_is_refused() {
    let outside = TempDir::new().unwrap();
    fs::write(outside.path().join("map.png"), png(4, 4)).unwrap();
    let (dir, text) = with_image("assets/map.png");
    fs::remove_dir(dir.path().join("assets")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("assets")).unwrap();
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the image path “assets/map.png” leads out of the dataset folder through a link; keep images in assets/",
    );
}

#[cfg(unix)]
#[test]
fn a_link_that_stays_inside_the_folder_is_followed() {
    let (dir, _) = with_image("assets/link.png");
    write_asset(&dir, "real.png", &png(6, 3));
    std::os::unix::fs::symlink("real.png", dir.path().join("assets/link.png")).unwrap();
    let dataset = Dataset::load_dir(dir.path()).unwrap();
    let image = images::load(&dataset.images, "assets/link.png").unwrap();
    assert_eq!((image.width, image.height), (6, 3));
}

// ---------------------------------------------------------------- files

#[test]
fn a_missing_image_is_named() {
    let (dir, text) = with_image("assets/map.png");
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the image file assets/map.png does not exist",
    );
}

#[test]
fn a_folder_is_not_an_image() {
    let (dir, text) = with_image("assets/maps");
    fs::create_dir(dir.path().join("assets/maps")).unwrap();
    assert_only_problem(
        &dir,
        &text,
        "assets/maps",
        "the image path “assets/maps” is not a file",
    );
}

#[test]
fn an_image_over_the_size_limit_is_refused_unread() {
    let (dir, text) = with_image("assets/map.png");
    let file = fs::File::create(dir.path().join("assets/map.png")).unwrap();
    // A sparse file: 8 MiB and one byte, nothing written.
    file.set_len(MAX_IMAGE_BYTES + 1).unwrap();
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the image file assets/map.png is 8.1 MiB; an image may be at most 8 MiB",
    );
}

#[test]
fn an_image_whose_header_claims_too_many_pixels_is_refused_before_decoding() {
    let (dir, text) = with_image("assets/map.png");
    write_asset(&dir, "map.png", &png_header(100_000, 100_000));
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the image assets/map.png is 100000 × 100000 pixels; an image may be at most 4096 × 4096",
    );
    let (dir, text) = with_image("assets/map.png");
    write_asset(&dir, "map.png", &png_header(4097, 10));
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the image assets/map.png is 4097 × 10 pixels; an image may be at most 4096 × 4096",
    );
}

#[test]
fn a_file_that_is_not_a_png_or_jpeg_is_refused() {
    let (dir, text) = with_image("assets/map.png");
    write_asset(&dir, "map.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the file assets/map.png is not a PNG or JPEG image",
    );
    let (dir, text) = with_image("assets/map.png");
    write_asset(&dir, "map.png", b"");
    assert_only_problem(
        &dir,
        &text,
        "assets/map.png",
        "the file assets/map.png is not a PNG or JPEG image",
    );
}

#[test]
fn a_png_with_a_broken_header_is_damaged() {
    let (dir, _) = with_image("assets/map.png");
    let mut bytes = png_header(10, 10);
    bytes.truncate(20); // the signature and half the IHDR chunk
    write_asset(&dir, "map.png", &bytes);
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    let prefix = format!(
        "article “{ARTICLE_ID}”: paragraph {PARAGRAPH} (image): the image file assets/map.png is damaged: "
    );
    assert!(found[0].message.starts_with(&prefix), "{found:#?}");
}

#[test]
fn each_image_is_placed_at_its_own_path() {
    let (dir, text) = with_image("assets/a.png");
    // A second image block after the first.
    let file = dir.path().join(ARTICLE);
    let second = "\n        Image(path: \"assets/a.png\", alt: \"The same file again.\"),";
    let end = "\n    ],\n)";
    let text = text.replacen(end, &format!("{second}{end}"), 1);
    fs::write(&file, &text).unwrap();
    let found = problems(dir.path());
    assert_eq!(found.len(), 2, "{found:#?}");
    let places: Vec<_> = found.iter().map(|p| (p.line, p.column)).collect();
    let first_line = line_col_of(&text, "path: \"assets/a.png\",\n").0;
    let second_line = line_col_of(&text, "(path: \"assets/a.png\"").0;
    assert_eq!(
        places,
        vec![(Some(first_line), Some(19)), (Some(second_line), Some(21))]
    );
    assert!(
        found[1].message.contains("paragraph 12 (image)"),
        "{found:#?}"
    );
}

// ---------------------------------------------------------------- good images

#[test]
fn a_good_png_and_a_good_jpeg_load_and_decode() {
    let (dir, _) = with_image("assets/map.png");
    write_asset(&dir, "map.png", &png(40, 20));
    let dataset = Dataset::load_dir(dir.path()).unwrap();
    let article = dataset.article(ARTICLE_ID).unwrap();
    assert_eq!(article.body.len(), PARAGRAPH as usize);
    let info = images::check(&dataset.images, "assets/map.png")
        .unwrap()
        .unwrap();
    assert_eq!((info.width, info.height), (40, 20));
    let image = images::load(&dataset.images, "assets/map.png").unwrap();
    assert_eq!(
        (image.width, image.height, image.pixels.len()),
        (40, 20, 3200)
    );

    let (dir, _) = with_image("assets/photo.jpg");
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(32, 24, image::Rgb([200, 180, 40]))
        .write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    write_asset(&dir, "photo.jpg", &jpeg);
    let dataset = Dataset::load_dir(dir.path()).unwrap();
    let image = images::load(&dataset.images, "assets/photo.jpg").unwrap();
    assert_eq!((image.width, image.height), (32, 24));
}

#[test]
fn an_image_changed_after_loading_is_checked_again_when_decoded() {
    let (dir, _) = with_image("assets/map.png");
    write_asset(&dir, "map.png", &png(8, 8));
    let dataset = Dataset::load_dir(dir.path()).unwrap();
    write_asset(&dir, "map.png", &png_header(100_000, 8));
    assert_eq!(
        images::load(&dataset.images, "assets/map.png"),
        Err(ImageError::TooManyPixels {
            path: "assets/map.png".to_owned(),
            width: 100_000,
            height: 8,
        })
    );
    fs::remove_file(dir.path().join("assets/map.png")).unwrap();
    assert_eq!(
        images::load(&dataset.images, "assets/map.png")
            .unwrap_err()
            .to_string(),
        "the image file assets/map.png does not exist"
    );
}

#[test]
fn the_bundled_illustration_loads_from_the_binary_and_from_the_folder() {
    let embedded = Dataset::embedded().unwrap();
    assert!(matches!(embedded.images, ImageSource::Embedded(_)));
    let path = "assets/un-neutrality-resolutions.png";
    let image = images::load(&embedded.images, path).unwrap();
    assert_eq!((image.width, image.height), (960, 372));
    let folder = Dataset::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
    assert_eq!(images::load(&folder.images, path).unwrap(), image);
}

#[test]
fn a_dataset_given_as_text_checks_image_paths_but_has_no_files() {
    let (dir, _) = with_image("assets/map.png");
    let files = DataFiles::read_dir(dir.path()).unwrap();
    let dataset = Dataset::from_files(&files).unwrap();
    assert_eq!(
        images::load(&dataset.images, "assets/map.png")
            .unwrap_err()
            .to_string(),
        "the image assets/map.png cannot be shown: the dataset was not loaded from a folder"
    );
    let (dir, _) = with_image("../secret.png");
    let files = DataFiles::read_dir(dir.path()).unwrap();
    let err = Dataset::from_files(&files).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert!(
        err.problems[0]
            .message
            .ends_with("leaves the dataset folder; keep images in assets/")
    );
}
