//! The window: an eframe app over the dataset. Views read the dataset and
//! push [`app::Command`]s; the app applies them at the end of the frame.

pub mod app;
pub mod code_view;
pub mod command;
pub mod dataset_menu;
pub mod dataset_watch;
pub mod datasets;
pub mod fonts;
pub mod icon;
pub mod organizations;
pub mod present;
pub mod quiz;
pub mod saved_settings;
pub mod screenshot;
pub mod search;
pub mod state;
pub mod study;
pub mod theme;
pub mod timeline;
pub mod widgets;

use std::sync::{Arc, Mutex};

use crate::cli::{Cli, QuizModeArg, ThemeArg, ViewArg};
use crate::dataset::Dataset;
use app::{DataOrigin, ReaderApp};
use screenshot::{ScreenshotJob, ScreenshotResult};

/// The dataset to show: the one asked for, or the bundled one with the reason why not.
pub fn load_for_window(args: &Cli) -> Result<(Dataset, DataOrigin), String> {
    let Some(dir) = &args.data else {
        let dataset = Dataset::embedded().map_err(|e| e.to_string())?;
        return Ok((dataset, DataOrigin::default()));
    };
    let folder = Some(dir.display().to_string());
    match Dataset::load_dir(dir) {
        Ok(dataset) => Ok((
            dataset,
            DataOrigin {
                folder,
                problems: Vec::new(),
            },
        )),
        Err(error) => {
            // Tell the terminal too; the window shows the same list.
            eprint!("{error}");
            let dataset = Dataset::embedded().map_err(|e| e.to_string())?;
            Ok((
                dataset,
                DataOrigin {
                    folder,
                    problems: error.problems,
                },
            ))
        }
    }
}

/// Opens the window; returns the process exit code.
pub fn run(args: &Cli) -> i32 {
    let started = std::time::Instant::now();
    let timing = std::env::var_os("NEUTRALITY_READER_TIMING").is_some();
    let (dataset, origin) = match load_for_window(args) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("neutrality-reader: the bundled dataset is broken: {message}");
            return 1;
        }
    };
    if let Some(id) = &args.article
        && dataset.article(id).is_none()
    {
        let known: Vec<&str> = dataset.articles.iter().map(|a| a.id.as_str()).collect();
        eprintln!(
            "neutrality-reader: there is no article “{id}”; the articles are: {}",
            known.join(", ")
        );
        return 2;
    }
    if let (Some(id), Some(paragraph)) = (&args.article, args.paragraph) {
        let count = dataset.article(id).map_or(0, |a| a.body.len());
        if paragraph == 0 || usize::try_from(paragraph).map_or(true, |p| p > count) {
            eprintln!("neutrality-reader: “{id}” has paragraphs 1 to {count}, not {paragraph}");
            return 2;
        }
    }
    if let Some(id) = &args.event
        && !dataset.events.iter().any(|e| &e.id == id)
    {
        eprintln!(
            "neutrality-reader: there is no event “{id}”; `neutrality-reader export` lists them"
        );
        return 2;
    }
    if let Some(id) = &args.organization
        && dataset.organization(id).is_none()
    {
        let known: Vec<&str> = dataset
            .organizations
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        eprintln!(
            "neutrality-reader: there is no organization “{id}”; the organizations are: {}",
            known.join(", ")
        );
        return 2;
    }
    let quiz = match args
        .quiz
        .as_deref()
        .map(crate::quiz::QuizCode::parse)
        .transpose()
    {
        Ok(code) => code.map(|code| {
            let mode = match args.quiz_mode {
                Some(QuizModeArg::Test) => crate::quiz::session::Mode::Test,
                Some(QuizModeArg::Class) => crate::quiz::session::Mode::Class,
                Some(QuizModeArg::Practice) | None => crate::quiz::session::Mode::Practice,
            };
            (crate::quiz::generate(&dataset, &code.options()), mode)
        }),
        Err(error) => {
            eprintln!("neutrality-reader: --quiz: {error}");
            return 2;
        }
    };
    let dataset = Arc::new(dataset);
    let organization = args.organization.clone();
    let article = args.article.clone();
    let event = args.event.clone();
    let paragraph = args.paragraph;
    let theme = args.theme;
    let lang = args.lang;
    let present = args.present;
    let view = args.view;
    let screenshot_result: ScreenshotResult = Arc::new(Mutex::new(None));
    let screenshot = args.screenshot.clone();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Neutrality Reader")
        .with_app_id("neutrality-reader")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 420.0])
        .with_icon(Arc::new(icon::icon()));
    if screenshot.is_some() {
        viewport = viewport.with_position([0.0, 0.0]);
    }
    // A screenshot shows the window as it opens for a new reader, whatever was
    // saved: its own empty store, removed afterwards, so egui's memory (scroll
    // positions, panel sizes) starts fresh too.
    let scratch_store = screenshot.as_ref().map(|_| {
        std::env::temp_dir().join(format!(
            "neutrality-reader-screenshot-{}.ron",
            std::process::id()
        ))
    });
    // The app's storage folder: eframe's store (the window's size and
    // layout) and the reader's own files. eframe would start afresh over a
    // store it cannot parse and write over it, so a broken one is set aside
    // first, and the reader told.
    let storage_dir = eframe::storage_dir("neutrality-reader").filter(|_| screenshot.is_none());
    let window_store = storage_dir
        .as_ref()
        .map(|dir| dir.join(saved_settings::WINDOW_STORE_FILE));
    let window_store_notice = window_store
        .as_deref()
        .and_then(saved_settings::check_window_store);
    let options = eframe::NativeOptions {
        viewport,
        persist_window: screenshot.is_none(),
        persistence_path: scratch_store.clone().or(window_store),
        ..Default::default()
    };
    let result_for_app = screenshot_result.clone();
    let outcome = eframe::run_native(
        "neutrality-reader",
        options,
        Box::new(move |cc| {
            let stored = if screenshot.is_some() {
                None
            } else {
                cc.storage
            };
            let mut app = ReaderApp::new(&cc.egui_ctx, dataset, origin, stored);
            // The settings, notes and quiz memory live beside eframe's
            // store, each in its own file written atomically, the notes and
            // memory one pair per dataset (the bundled one's where they
            // always were); a screenshot neither reads nor writes them, nor
            // opens the desktop's folder dialog.
            if screenshot.is_none() {
                app = app.with_native_dialogs();
                if let Some(dir) = storage_dir {
                    app = app.with_storage_dir(dir);
                }
                // The folder open at the last close comes back, unless the
                // command line asks for a place in the bundled dataset.
                let place_asked = article.is_some()
                    || event.is_some()
                    || organization.is_some()
                    || quiz.is_some();
                if !place_asked {
                    app = app.reopen_last_dataset();
                }
            }
            if let Some(notice) = window_store_notice {
                app = app.with_settings_notice(notice);
            }
            if let Some(article) = article {
                app.open(&article, paragraph);
            }
            if let Some(event) = &event {
                app.focus_event(event);
                app.show_view(command::View::Timeline);
            }
            if let Some(organization) = &organization {
                app.select_organization(organization);
                app.show_view(command::View::Organizations);
            }
            if let Some((quiz, mode)) = quiz {
                app.quiz_mut().start(quiz, mode);
                app.show_view(command::View::Quiz);
            }
            match view {
                Some(ViewArg::Timeline) => app.show_view(command::View::Timeline),
                Some(ViewArg::Study) => app.show_view(command::View::Study),
                Some(ViewArg::Organizations) => app.show_view(command::View::Organizations),
                Some(ViewArg::Quiz) => app.show_view(command::View::Quiz),
                None => {}
            }
            if present {
                app.start_presentation();
            }
            if let Some(theme) = theme {
                app.apply_theme(match theme {
                    ThemeArg::Light => theme::Theme::Light,
                    ThemeArg::Dark => theme::Theme::Dark,
                    ThemeArg::Sepia => theme::Theme::Sepia,
                    ThemeArg::HighContrast => theme::Theme::HighContrast,
                });
            }
            if let Some(lang) = lang {
                app.apply_language(lang.language());
            }
            if timing {
                app = app.with_timing(started);
            }
            Ok(Box::new(match screenshot {
                Some(path) => app.with_screenshot(ScreenshotJob::new(path, result_for_app)),
                None => app,
            }))
        }),
    );
    if let Some(store) = &scratch_store {
        // It may never have been written; nothing to do then.
        let _ = std::fs::remove_file(store);
    }
    if let Err(error) = outcome {
        eprintln!("neutrality-reader: could not open the window: {error}");
        return 1;
    }
    if args.screenshot.is_some() {
        let saved = screenshot_result.lock().ok().and_then(|mut r| r.take());
        match saved {
            Some(Ok(())) => {}
            Some(Err(message)) => {
                eprintln!("neutrality-reader: {message}");
                return 1;
            }
            None => {
                eprintln!("neutrality-reader: the window closed before the screenshot was taken");
                return 1;
            }
        }
    }
    0
}
