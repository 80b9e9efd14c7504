//! Every view can be read in every theme: each text painted has at least
//! 4.5:1 contrast against the fill behind it (3:1 at 24 px and more), as WCAG
//! 2 asks. The views are drawn at 1280x800 in English and at 1024x700 in
//! Русский, and the painted shapes read back;
//! a text that fails is reported with its view, theme, size and colours.
//! Runs without a display.

use crate::live;
use crate::paint;
use crate::window;

use egui_kittest::Harness;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::i18n::Language;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::{HeldLoad, LoadProgress, LoadStage, ReaderApp, StartedLoad};
use neutrality_reader::ui::command::View;
use neutrality_reader::ui::theme::Theme;
use paint::{contrast, hex, painted_texts, required, shorten};
use window::window;

/// What is on screen when the texts are checked.
#[derive(Clone, Debug)]
enum Scene {
    /// Study with this article open.
    Study(String),
    /// Timeline with this event's card open.
    Timeline(String),
    /// Organizations with an organization's details open.
    Organizations,
    /// The quiz's setup.
    QuizSetup,
    /// A question in this mode.
    Quiz(Mode),
    /// The shortcuts window over Study.
    Shortcuts,
    /// The presentation stage of this view.
    Stage(View),
    /// A file dragged over Study: the veil that says what dropping does.
    Dropping,
    /// A large unit being read at this stage: the line under the top bar.
    Loading(LoadStage),
    /// A live class in Class mode (on the stage, if true): the join panel
    /// with its QR code, the counts, and the bars of a revealed answer.
    Live(bool),
}

fn every_scene() -> Vec<Scene> {
    let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("bundled dataset: {e}"));
    let mut scenes: Vec<Scene> = dataset
        .articles
        .iter()
        .map(|a| Scene::Study(a.id.clone()))
        .collect();
    // One event of each category: the card's category line has its colour.
    let mut categories = Vec::new();
    for event in &dataset.events {
        if !categories.contains(&event.category) {
            categories.push(event.category.clone());
            scenes.push(Scene::Timeline(event.id.to_string()));
        }
    }
    scenes.extend([Scene::Organizations, Scene::QuizSetup]);
    scenes.extend(Mode::ALL.map(Scene::Quiz));
    scenes.push(Scene::Shortcuts);
    scenes.push(Scene::Dropping);
    scenes
        .extend([LoadStage::Reading, LoadStage::Checking { bytes: 19 << 20 }].map(Scene::Loading));
    scenes.extend([View::Study, View::Timeline, View::Organizations, View::Quiz].map(Scene::Stage));
    scenes.extend([false, true].map(Scene::Live));
    scenes
}

/// Puts the app in `scene` (all but the keys pressed after the first frame).
fn set_up(app: &mut ReaderApp, scene: &Scene) {
    let dataset = app.dataset().clone();
    let first_article = dataset.articles[0].id.clone();
    let quiz = |mode: Mode, app: &mut ReaderApp| {
        let options = QuizOptions {
            seed: 8,
            count: 5,
            ..QuizOptions::default()
        };
        app.quiz_mut().start(generate(&dataset, &options), mode);
        app.show_view(View::Quiz);
    };
    match scene {
        Scene::Study(article) => app.open(article, None),
        Scene::Timeline(event) => {
            app.focus_event(event);
            app.show_view(View::Timeline);
        }
        Scene::Stage(View::Timeline) => {
            app.focus_event("un-resolution-50-80-a");
            app.show_view(View::Timeline);
        }
        Scene::Organizations | Scene::Stage(View::Organizations) => {
            app.select_organization("nam");
            app.show_view(View::Organizations);
        }
        Scene::QuizSetup => app.show_view(View::Quiz),
        Scene::Quiz(mode) => quiz(*mode, app),
        Scene::Stage(View::Quiz) => quiz(Mode::Class, app),
        Scene::Live(on_stage) => {
            quiz(Mode::Class, app);
            live::start_fake_class(app);
            if *on_stage {
                app.start_presentation();
            }
        }
        Scene::Shortcuts | Scene::Stage(View::Study) | Scene::Dropping | Scene::Loading(_) => {
            app.open(&first_article, None)
        }
    }
    if let Scene::Stage(_) = scene {
        app.start_presentation();
    }
}

/// Where the texts are checked: English at the usual size, and Русский (the
/// longest words) in the small window, where labels wrap and panels narrow.
const PLACES: [(Language, [f32; 2]); 2] = [
    (Language::English, [1280.0, 800.0]),
    (Language::Russian, [1024.0, 700.0]),
];

/// The app drawn in `theme` showing `scene`, in `place`; for a unit being
/// read, with what holds its load at its stage.
fn draw(
    scene: &Scene,
    theme: Theme,
    (language, size): (Language, [f32; 2]),
) -> (Harness<'static, ReaderApp>, Option<HeldLoad>) {
    let owned = scene.clone();
    let (load, held) = match scene {
        Scene::Loading(stage) => {
            let progress = LoadProgress {
                title: Some("A hundred thousand events, 1900–2030".to_owned()),
                stage: *stage,
            };
            let (load, held) = StartedLoad::held(std::path::Path::new("large-unit"), progress);
            (Some(load), Some(held))
        }
        _ => (None, None),
    };
    let mut harness = window(size, move |mut app| {
        app.apply_language(language);
        app.apply_theme(theme);
        if let Some(load) = load {
            app = app
                .with_load_wait(std::time::Duration::ZERO)
                .open_started_load(load);
        }
        set_up(&mut app, &owned);
        app
    });
    if let Scene::Shortcuts = scene {
        harness.key_press(egui::Key::F1);
        harness.run();
        assert!(harness.state().shortcuts_open(), "F1 opens the shortcuts");
    }
    if let Scene::Dropping = scene {
        harness
            .input_mut()
            .hovered_files
            .push(egui::HoveredFile::default());
        // The window repaints while files hover over it: a few frames.
        harness.run_steps(4);
    }
    if let Scene::Live(_) = scene {
        // Started at the first frame: a class joins and answers, then the
        // answer is revealed.
        live::answer_some(&mut harness);
        harness.key_press(egui::Key::Space);
        harness.run();
    }
    if let Scene::Stage(View::Quiz) = scene {
        // The answer revealed, with its "Read in source".
        harness.key_press(egui::Key::Space);
        harness.run();
    }
    (harness, held)
}

/// Every text of `scene` in `theme` below the contrast it needs, as lines
/// of a report.
fn failures(scene: &Scene, theme: Theme, place: (Language, [f32; 2])) -> Vec<String> {
    let (harness, _held) = draw(scene, theme, place);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(place.1[0], place.1[1]));
    let base = theme.visuals().panel_fill;
    let texts = painted_texts(&harness.output().shapes, base, screen);
    // The veil is checked, so it must be there.
    let veil = neutrality_reader::i18n::tr("open.drop_here");
    if matches!(scene, Scene::Dropping) && !texts.iter().any(|t| t.text == veil) {
        return vec![format!(
            "{theme:?} / {:?}: no “{veil}” over the window",
            place.0
        )];
    }
    // So is the line that says what is being read.
    if matches!(scene, Scene::Loading(_)) && !texts.iter().any(|t| t.text.contains("1900–2030")) {
        return vec![format!(
            "{scene:?} / {theme:?} / {:?}: no loading line under the top bar",
            place.0
        )];
    }
    let mut lines: Vec<String> = texts
        .into_iter()
        .filter(|t| !t.passes())
        .map(|t| {
            format!(
                "{scene:?} / {theme:?} / {:?}: {:.2}:1 < {}:1  {} on {}  {:.0}px  {:?}",
                place.0,
                t.ratio(),
                required(t.size),
                hex(t.color),
                hex(t.background),
                t.size,
                shorten(&t.text, 60),
            )
        })
        .collect();
    lines.dedup();
    lines
}

#[test]
fn every_text_of_every_view_has_enough_contrast_in_every_theme() {
    let mut report = Vec::new();
    for place in PLACES {
        for scene in every_scene() {
            for theme in Theme::ALL {
                report.extend(failures(&scene, theme, place));
            }
        }
    }
    report.sort();
    report.dedup();
    assert!(
        report.is_empty(),
        "{} texts lack contrast:\n{}",
        report.len(),
        report.join("\n")
    );
}

// The WCAG formulas, against values the WCAG tools give.

#[test]
fn luminance_of_black_white_and_grey() {
    assert_eq!(paint::luminance(egui::Color32::BLACK), 0.0);
    assert!((paint::luminance(egui::Color32::WHITE) - 1.0).abs() < 1e-9);
    // #777777: 0.184 (WebAIM).
    assert!((paint::luminance(egui::Color32::from_gray(0x77)) - 0.1845).abs() < 1e-3);
}

#[test]
fn contrast_ratios_match_the_wcag_examples() {
    let white = egui::Color32::WHITE;
    let ratio = |a: egui::Color32, b: egui::Color32| (contrast(a, b) * 100.0).round() / 100.0;
    assert_eq!(ratio(egui::Color32::BLACK, white), 21.0);
    assert_eq!(ratio(white, white), 1.0);
    assert_eq!(ratio(egui::Color32::from_gray(0x77), white), 4.48);
    assert_eq!(ratio(white, egui::Color32::from_gray(0x77)), 4.48);
    assert_eq!(ratio(egui::Color32::from_gray(0x76), white), 4.54);
    // #0000ff on white is 8.59:1; #ff0000 on white 4.0:1.
    assert_eq!(ratio(egui::Color32::from_rgb(0, 0, 0xFF), white), 8.59);
    assert_eq!(ratio(egui::Color32::from_rgb(0xFF, 0, 0), white), 4.0);
}

#[test]
fn translucent_text_is_blended_over_its_background() {
    // Half-transparent white (premultiplied) over black is mid grey.
    let half = egui::Color32::from_white_alpha(128);
    assert_eq!(
        paint::over(half, egui::Color32::BLACK),
        egui::Color32::from_gray(128)
    );
    assert_eq!(
        paint::over(egui::Color32::RED, egui::Color32::BLUE),
        egui::Color32::RED
    );
    assert_eq!(paint::required(14.0), 4.5);
    assert_eq!(paint::required(24.0), 3.0);
}
