//! The presentation stage fits the screen: on a small laptop, a common one
//! and a 1080p projector, every paragraph of every article, every event and
//! every organization is shown whole within the window (over more parts when
//! it is long), its text readable, and large where the screen allows.
//! Runs without a display.

use crate::live;
use crate::paint;
use crate::window;

use std::collections::{BTreeMap, BTreeSet};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::model::Block;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// The screens the stage must fit.
const SIZES: [[f32; 2]; 3] = [[1024.0, 700.0], [1280.0, 800.0], [1920.0, 1080.0]];

/// The smallest text the stage may set, in points.
const SMALLEST: f32 = 13.0;

fn dataset() -> Dataset {
    Dataset::embedded().unwrap_or_else(|e| panic!("bundled dataset: {e}"))
}

/// What one frame of the stage showed: its words, and the problems seen.
struct Frame {
    position: usize,
    words: BTreeSet<String>,
    texts: Vec<String>,
    largest: f32,
}

/// Reads the frame on screen, adding what lies outside the window or is too
/// small to `problems`.
fn read_frame(
    harness: &Harness<'static, ReaderApp>,
    size: [f32; 2],
    problems: &mut Vec<String>,
) -> Frame {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
    let texts = paint::painted_texts(&harness.output().shapes, egui::Color32::BLACK, screen);
    let position = harness.state().presentation().unwrap_or(usize::MAX);
    for text in &texts {
        if !screen.expand(0.5).contains_rect(text.full_rect) {
            problems.push(format!(
                "{size:?} slide {position}: {:?} at {:?} runs out of the window",
                paint::shorten(&text.text, 40),
                text.full_rect
            ));
        }
        if text.size < SMALLEST - 0.01 {
            problems.push(format!(
                "{size:?} slide {position}: {:?} is {:.0} px",
                paint::shorten(&text.text, 40),
                text.size
            ));
        }
    }
    Frame {
        position,
        words: texts
            .iter()
            .flat_map(|t| t.text.split_whitespace().map(str::to_owned))
            .collect(),
        texts: texts.iter().map(|t| t.text.clone()).collect(),
        largest: texts.iter().map(|t| t.size).fold(0.0, f32::max),
    }
}

/// Steps through every slide and part of the stage from the first, reading
/// each frame; returns each slide's words as seen over its parts.
fn walk(
    harness: &mut Harness<'static, ReaderApp>,
    size: [f32; 2],
    count: usize,
    problems: &mut Vec<String>,
) -> (BTreeMap<usize, BTreeSet<String>>, Vec<Frame>) {
    harness.key_press(egui::Key::Home);
    harness.run();
    let mut seen: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut frames = Vec::new();
    let mut last_texts = Vec::new();
    // Each slide has a few parts at most.
    for _ in 0..count * 8 + 8 {
        let frame = read_frame(harness, size, problems);
        if frame.texts == last_texts && frame.position + 1 >= count {
            break;
        }
        last_texts = frame.texts.clone();
        seen.entry(frame.position)
            .or_default()
            .extend(frame.words.iter().cloned());
        frames.push(frame);
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    (seen, frames)
}

/// The words of `text` that the stage must show, somewhere over a slide's parts.
fn missing(text: &str, shown: Option<&BTreeSet<String>>) -> Vec<String> {
    let empty = BTreeSet::new();
    let shown = shown.unwrap_or(&empty);
    text.split_whitespace()
        .filter(|w| !shown.contains(*w))
        .map(str::to_owned)
        .collect()
}

/// Walks every article on a `size` screen after `larger` presses of +;
/// returns the problems and how many frames showed part of a paragraph.
fn walk_articles(size: [f32; 2], larger: usize) -> (Vec<String>, usize) {
    let data = dataset();
    let mut problems = Vec::new();
    let mut parts = 0;
    for article in &data.articles {
        let id = article.id.clone();
        let mut harness = window(size, move |mut app| {
            app.open(&id, None);
            app.start_presentation();
            app
        });
        for _ in 0..larger {
            harness.key_press(egui::Key::Plus);
            harness.run();
        }
        let (seen, frames) = walk(&mut harness, size, article.body.len(), &mut problems);
        assert_eq!(seen.len(), article.body.len(), "{size:?} {}", article.id);
        parts += frames
            .iter()
            .filter(|f| {
                f.texts
                    .iter()
                    .any(|t| t.contains("part 1 of") || t.contains("part 2 of"))
            })
            .count();
        for (index, block) in article.body.iter().enumerate() {
            let lost = missing(&block.text(), seen.get(&index));
            if !lost.is_empty() {
                problems.push(format!(
                    "{size:?} {} paragraph {}: never shown: {}",
                    article.id,
                    index + 1,
                    paint::shorten(&lost.join(" "), 60)
                ));
            }
        }
    }
    (problems, parts)
}

#[test]
fn every_paragraph_of_every_article_fits_the_screen_whole() {
    let mut problems = Vec::new();
    for size in SIZES {
        // At the scale the stage starts at, and with + pressed to the largest.
        for larger in [0, 16] {
            problems.extend(walk_articles(size, larger).0);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_paragraph_too_long_for_a_small_window_goes_on_over_parts() {
    let (problems, parts) = walk_articles([720.0, 420.0], 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(parts > 0, "no paragraph needed parts: the check saw none");
}

/// The stage of `view` on a `size` screen after `larger` presses of +.
fn stage_of(view: View, size: [f32; 2], larger: usize) -> Harness<'static, ReaderApp> {
    let mut harness = window(size, move |mut app| {
        app.show_view(view);
        app.start_presentation();
        app
    });
    for _ in 0..larger {
        harness.key_press(egui::Key::Plus);
        harness.run();
    }
    harness
}

/// Every event's date, title and description are shown whole on a `size`
/// screen after `larger` presses of +.
fn walk_events(data: &Dataset, size: [f32; 2], larger: usize, problems: &mut Vec<String>) {
    let mut harness = stage_of(View::Timeline, size, larger);
    let (seen, frames) = walk(&mut harness, size, data.events.len(), problems);
    assert_eq!(
        seen.len(),
        data.events.len(),
        "{size:?}: every event is shown"
    );
    for event in &data.events {
        let text = format!("{} {}", event.title, event.description);
        // The slide that shows its title shows the rest.
        let slide = frames
            .iter()
            .find(|f| f.texts.iter().any(|t| **t == *event.title));
        let lost = missing(&text, slide.and_then(|f| seen.get(&f.position)));
        if !lost.is_empty() {
            problems.push(format!(
                "{size:?} event {}: never shown: {lost:?}",
                event.id
            ));
        }
    }
}

/// Every organization's name, relationships and summary are shown whole on
/// a `size` screen after `larger` presses of +.
fn walk_organizations(data: &Dataset, size: [f32; 2], larger: usize, problems: &mut Vec<String>) {
    let mut harness = stage_of(View::Organizations, size, larger);
    let (seen, frames) = walk(&mut harness, size, data.organizations.len(), problems);
    assert_eq!(seen.len(), data.organizations.len());
    for organization in &data.organizations {
        let mut text = format!("{} {}", organization.name, organization.summary);
        for relationship in &organization.relationships {
            text.push(' ');
            text.push_str(&relationship.quote);
        }
        let slide = frames
            .iter()
            .find(|f| f.texts.iter().any(|t| t == &organization.name));
        // The quotes are shown in quotation marks: compare bare words.
        let shown: Option<BTreeSet<String>> = slide
            .and_then(|f| seen.get(&f.position))
            .map(|words| words.iter().map(|w| w.replace(['“', '”'], "")).collect());
        let lost = missing(&text.replace(['“', '”'], ""), shown.as_ref());
        if !lost.is_empty() {
            problems.push(format!(
                "{size:?} organization {}: never shown: {lost:?}",
                organization.id
            ));
        }
    }
}

#[test]
fn every_event_and_organization_fits_the_screen_whole() {
    let data = dataset();
    let mut problems = Vec::new();
    for size in SIZES {
        for larger in [0, 16] {
            walk_events(&data, size, larger, &mut problems);
            walk_organizations(&data, size, larger, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_short_paragraph_is_set_large_on_a_projector() {
    // It was 32 px in the top fifth of a 1080p screen.
    let data = dataset();
    let (article, index) = data
        .articles
        .iter()
        .flat_map(|a| a.body.iter().enumerate().map(move |(i, b)| (a, i, b)))
        .find(|(_, _, b)| matches!(b, Block::Paragraph { text, .. } if text.len() < 200))
        .map(|(a, i, _)| (a.id.clone(), i))
        .unwrap_or_else(|| panic!("no short paragraph"));
    let number = u32::try_from(index + 1).unwrap_or(1);
    let mut harness = window([1920.0, 1080.0], move |mut app| {
        app.open(&article, Some(number));
        app.start_presentation();
        app
    });
    let mut problems = Vec::new();
    let frame = read_frame(&harness, [1920.0, 1080.0], &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(frame.position, index);
    assert!(
        frame.largest >= 60.0,
        "the body text is {} px",
        frame.largest
    );
    harness.key_press(egui::Key::Minus);
    harness.run();
    let smaller = read_frame(&harness, [1920.0, 1080.0], &mut problems);
    assert!(smaller.largest < frame.largest, "− makes the text smaller");
}

#[test]
fn operative_numbers_and_list_bullets_stay_on_the_stage() {
    let data = dataset();
    let mut problems = Vec::new();
    for article in &data.articles {
        let operative = article
            .body
            .iter()
            .position(|b| matches!(b, Block::Operative { .. }));
        let list = article
            .body
            .iter()
            .position(|b| matches!(b, Block::List { .. }));
        for (index, mark) in [(operative, "1."), (list, "•")] {
            let Some(index) = index else { continue };
            let id = article.id.clone();
            let number = u32::try_from(index + 1).unwrap_or(1);
            let harness = window([1280.0, 800.0], move |mut app| {
                app.open(&id, Some(number));
                app.start_presentation();
                app
            });
            let frame = read_frame(&harness, [1280.0, 800.0], &mut problems);
            assert!(
                frame.texts.iter().any(|t| t == mark),
                "{} paragraph {}: no {mark:?} in {:?}",
                article.id,
                index + 1,
                frame.texts
            );
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}

/// Every question of a class quiz, asked and revealed, and the "End the
/// quiz?" band, on a `size` stage: each text within the window and at
/// least [`SMALLEST`] points (its "End" button and key line too).
fn walk_class_quiz(data: &Dataset, size: [f32; 2], live: bool, problems: &mut Vec<String>) {
    let quiz = generate(
        data,
        &QuizOptions {
            seed: 8,
            count: 10,
            ..QuizOptions::default()
        },
    );
    let count = quiz.questions.len();
    let mut harness = window(size, move |mut app| {
        app.quiz_mut().start(quiz, Mode::Class);
        app.show_view(View::Quiz);
        if live {
            live::start_fake_class(&mut app);
        }
        app.start_presentation();
        app
    });
    harness.run();
    for question in 1..=count {
        if live {
            live::answer_some(&mut harness);
        }
        read_frame(&harness, size, problems);
        harness.key_press(egui::Key::Space);
        harness.run();
        read_frame(&harness, size, problems);
        if question < count {
            harness.key_press(egui::Key::ArrowRight);
            harness.run();
        }
    }
    let end = harness.get_by_role_and_label(egui::accesskit::Role::Button, "End");
    end.click();
    harness.run();
    harness.get_by_label_contains("End the quiz");
    read_frame(&harness, size, problems);
}

#[test]
fn a_class_quiz_fits_the_stage_and_every_text_on_it_is_readable() {
    let data = dataset();
    let mut problems = Vec::new();
    for size in SIZES {
        walk_class_quiz(&data, size, false, &mut problems);
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The same with a live class running: the join panel beside the question,
/// its counts, and after each reveal the class's bars.
#[test]
fn a_live_class_fits_the_stage_and_every_text_on_it_is_readable() {
    let data = dataset();
    let mut problems = Vec::new();
    for size in SIZES {
        walk_class_quiz(&data, size, true, &mut problems);
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
