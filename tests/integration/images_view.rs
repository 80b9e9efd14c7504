//! Images in the reader and on the stage: the bundled illustration is an image
//! named by its alt text, as wide as the column and decoded once; an image
//! that cannot be shown leaves a box that says why. Runs without a display.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::window;

use std::path::Path;
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{copy_dir, example_dir};
use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::Block;
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use tempfile::TempDir;
use window::window;

const ARTICLE: &str = "un-resolution-permanent-neutrality-2025";

/// The alt text of the bundled illustration, and its paragraph number.
fn illustration() -> (String, u32) {
    let dataset = Dataset::embedded().unwrap();
    let article = dataset.article(ARTICLE).unwrap();
    let (index, alt) = article
        .body
        .iter()
        .enumerate()
        .find_map(|(i, b)| match b {
            Block::Image { alt, .. } => Some((i, alt.clone())),
            _ => None,
        })
        .unwrap();
    (alt, u32::try_from(index + 1).unwrap())
}

/// The ids of the textures alive: a texture made again would have a new one.
fn textures(harness: &Harness<'static, ReaderApp>) -> Vec<egui::TextureId> {
    let mut ids: Vec<_> = harness
        .ctx
        .tex_manager()
        .read()
        .allocated()
        .map(|(id, _)| *id)
        .collect();
    ids.sort_by_key(|id| format!("{id:?}"));
    ids
}

#[test]
fn the_bundled_illustration_is_an_image_named_by_its_alt_text() {
    let (alt, paragraph) = illustration();
    let mut harness = window([1280.0, 800.0], move |mut app| {
        app.open(ARTICLE, Some(paragraph));
        app
    });
    let rect = harness.get_by_role_and_label(Role::Image, &alt).rect();
    // Drawn as wide as the column (about 650 points at 18 pt and 70
    // characters), its proportions kept: 960 × 372 pixels.
    let (width, height) = (rect.width(), rect.height());
    assert!((600.0..=700.0).contains(&width), "{rect:?}");
    assert!(((width / height) - 960.0 / 372.0).abs() < 0.02, "{rect:?}");
    // Its caption, and the editor's note that says who drew it.
    assert!(
        harness
            .query_all(egui_kittest::kittest::By::new().label(&alt))
            .count()
            >= 2
    );
    harness.get_by_label_contains("A diagram drawn for this reader from the dataset’s events");
    // Decoded once: the texture lives on, and more frames make no new one.
    let before = textures(&harness);
    harness.run_steps(5);
    harness.get_by_role_and_label(Role::Image, &alt);
    // The font atlas and the illustration, kept between frames.
    assert!(before.len() >= 2, "{before:?}");
    assert_eq!(textures(&harness), before);
}

#[test]
fn the_paragraph_number_of_the_image_still_opens_a_note() {
    let (_, paragraph) = illustration();
    let mut harness = window([1280.0, 800.0], move |mut app| {
        app.open(ARTICLE, Some(paragraph));
        app
    });
    harness
        .get_by_role_and_label(
            Role::Button,
            &format!("Paragraph {paragraph}: highlight or note"),
        )
        .click();
    harness.run();
    harness.get_by_label(&format!("Note on paragraph {paragraph}"));
}

#[test]
fn presentation_shows_the_illustration_on_its_slide() {
    let (alt, paragraph) = illustration();
    let mut harness = window([1280.0, 800.0], |mut app| {
        app.open(ARTICLE, None);
        app
    });
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(harness.state().presentation(), Some(paragraph as usize - 1));
    harness.get_by_label_contains(&format!("paragraph {paragraph} of {paragraph}"));
    let rect = harness.get_by_role_and_label(Role::Image, &alt).rect();
    // Larger than in the reader: the stage is the whole window.
    assert!(rect.width() > 700.0, "{rect:?}");
    assert!(rect.bottom() <= 800.0, "{rect:?}");
}

// ---------------------------------------------------------------- broken images

const EXAMPLE_ARTICLE: &str = "the-charter-comes-into-force";
const ALT: &str = "A map of the places the Charter names.";

/// The example dataset with a good image at the end of one article, loaded;
/// then `spoil` changes the file on disk before the window shows it.
fn app_with_spoiled_image(spoil: impl FnOnce(&Path)) -> (TempDir, Harness<'static, ReaderApp>) {
    let dir = TempDir::new().unwrap();
    copy_dir(&example_dir(), dir.path());
    let file = dir.path().join(format!("articles/{EXAMPLE_ARTICLE}.ron"));
    let text = std::fs::read_to_string(&file).unwrap();
    let block = format!("\n        Image(path: \"assets/map.png\", alt: \"{ALT}\"),\n    ],\n)");
    std::fs::write(&file, text.replacen("\n    ],\n)", &block, 1)).unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    let image = dir.path().join("assets/map.png");
    image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 0, 255]))
        .save(&image)
        .unwrap();
    let dataset = Arc::new(Dataset::load_dir(dir.path()).unwrap());
    spoil(&image);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, dataset, DataOrigin::default(), None);
            app.open(EXAMPLE_ARTICLE, Some(11));
            app
        });
    harness.run();
    (dir, harness)
}

#[test]
fn an_image_grown_past_the_limit_shows_a_box_with_the_reason() {
    let (_dir, harness) = app_with_spoiled_image(|image| {
        let file = std::fs::File::create(image).unwrap();
        file.set_len(9_542_041).unwrap();
    });
    assert!(harness.query_by_role(Role::Image).is_none());
    harness.get_by_label(&format!("[Image: {ALT}]"));
    harness.get_by_label("Image not shown: the file assets/map.png is 9.1 MiB; the limit is 8 MiB");
}

#[test]
fn a_damaged_or_missing_image_shows_a_box_with_the_reason() {
    let (_dir, harness) = app_with_spoiled_image(|image| {
        let mut bytes = std::fs::read(image).unwrap();
        bytes.truncate(bytes.len() / 2);
        std::fs::write(image, bytes).unwrap();
    });
    assert!(harness.query_by_role(Role::Image).is_none());
    harness.get_by_label_contains("Image not shown: the file assets/map.png is damaged (");

    let (_dir, harness) = app_with_spoiled_image(|image| std::fs::remove_file(image).unwrap());
    harness.get_by_label("Image not shown: the file assets/map.png does not exist");
}

// ---------------------------------------------------------------- many large images

/// The "article image" textures alive, and the bytes they hold.
fn article_textures(harness: &Harness<'static, ReaderApp>) -> (usize, usize) {
    let manager = harness.ctx.tex_manager();
    let manager = manager.read();
    manager
        .allocated()
        .filter(|(_, meta)| meta.name.starts_with("article image "))
        .fold((0, 0), |(count, bytes), (_, meta)| {
            (count + 1, bytes + meta.size[0] * meta.size[1] * 4)
        })
}

/// An article ending in 24 images of 2048 × 2048 pixels (16 MiB each decoded,
/// 384 MiB in all): opening it decodes none of them, each is decoded when
/// scrolled to, and what is kept stays within the budget.
#[test]
fn a_long_article_of_large_images_decodes_only_what_comes_on_screen() {
    const COUNT: usize = 24;
    let dir = TempDir::new().unwrap();
    copy_dir(&example_dir(), dir.path());
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    let first = dir.path().join("assets/photo-0.png");
    image::RgbaImage::from_pixel(2048, 2048, image::Rgba([40, 90, 60, 255]))
        .save(&first)
        .unwrap();
    let mut blocks = String::new();
    for i in 0..COUNT {
        if i > 0 {
            std::fs::copy(&first, dir.path().join(format!("assets/photo-{i}.png"))).unwrap();
        }
        blocks.push_str(&format!(
            "\n        Image(path: \"assets/photo-{i}.png\", alt: \"Photograph {i}\"),"
        ));
    }
    let file = dir.path().join(format!("articles/{EXAMPLE_ARTICLE}.ron"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("\n    ],\n)", &format!("{blocks}\n    ],\n)"), 1),
    )
    .unwrap();
    let dataset = Arc::new(Dataset::load_dir(dir.path()).unwrap());
    let before_images = dataset.article(EXAMPLE_ARTICLE).unwrap().body.len() - COUNT;
    let paragraph = |i: usize| u32::try_from(before_images + i + 1).unwrap();

    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, dataset, DataOrigin::default(), None);
            app.open(EXAMPLE_ARTICLE, Some(1));
            app
        });
    harness.run();
    // At the top of the article: every image has its place and its name, none is decoded.
    assert_eq!(harness.query_all_by_role(Role::Image).count(), COUNT);
    harness.get_by_role_and_label(Role::Image, "Photograph 23");
    assert_eq!(article_textures(&harness), (0, 0));

    // Read down through them all: a few at a time are decoded, the oldest let go.
    let budget = neutrality_reader::ui::study::image::TEXTURE_BUDGET_BYTES;
    let mut most = 0;
    for i in 0..COUNT {
        harness
            .state_mut()
            .open(EXAMPLE_ARTICLE, Some(paragraph(i)));
        harness.run();
        let (count, bytes) = article_textures(&harness);
        assert!(count >= 1, "photograph {i} on screen, nothing decoded");
        assert!(bytes <= budget, "{bytes} bytes held at photograph {i}");
        most = most.max(count);
    }
    assert!(most < COUNT, "all {COUNT} kept at once");

    // Back at the first: it is decoded again and drawn where it was.
    harness
        .state_mut()
        .open(EXAMPLE_ARTICLE, Some(paragraph(0)));
    harness.run();
    let rect = harness
        .get_by_role_and_label(Role::Image, "Photograph 0")
        .rect();
    assert!(
        rect.width() > 400.0 && (rect.width() - rect.height()).abs() < 1.0,
        "{rect:?}"
    );
    assert!(
        harness
            .ctx
            .tex_manager()
            .read()
            .allocated()
            .any(|(_, meta)| meta.name == "article image assets/photo-0.png")
    );
}

/// In the window an image is decoded on a thread of its own: the frame that
/// first shows its place does not wait for it; the place is kept at the
/// image's size, and the texture comes a few frames later, once.
#[test]
fn in_the_window_an_image_is_decoded_off_the_frame() {
    let (alt, paragraph) = illustration();
    let harness = window([1280.0, 800.0], move |mut app| {
        app.open(ARTICLE, Some(paragraph));
        app
    });
    let before = harness.get_by_role_and_label(Role::Image, &alt).rect();
    // A fresh window, decoding in the background.
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            neutrality_reader::ui::study::image::decode_in_background(&cc.egui_ctx);
            let data = Arc::new(Dataset::embedded().unwrap());
            let mut app = ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None);
            app.open(ARTICLE, Some(paragraph));
            app
        });
    let mut waited = 0;
    while article_textures(&harness).0 == 0 && waited < 500 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
        waited += 1;
    }
    assert_eq!(
        article_textures(&harness).0,
        1,
        "the image was never decoded"
    );
    // Its place was the image's size all along.
    assert_eq!(
        harness.get_by_role_and_label(Role::Image, &alt).rect(),
        before
    );
    let ids = textures(&harness);
    harness.run_steps(5);
    assert_eq!(textures(&harness), ids, "decoded once");
}
