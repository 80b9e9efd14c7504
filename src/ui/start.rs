//! Opening the window: the options it starts with (built by `cli.rs` from
//! the command line, so the window does not depend on the argument parser),
//! checking the places they name, eframe's window and storage, and the
//! app's first state.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::app::{DataOrigin, ReaderApp};
use super::command::View;
use super::icon;
use super::saved_settings::{self, SettingsNotice};
use super::screenshot::{ScreenshotJob, ScreenshotResult};
use super::theme::Theme;
use crate::dataset::Dataset;
use crate::i18n::Language;
use crate::quiz::Quiz;
use crate::quiz::session::Mode;

/// What the window opens on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartOptions {
    /// A dataset folder instead of the bundled one.
    pub data: Option<PathBuf>,
    /// The view to open on.
    pub view: Option<View>,
    /// An article to open (by id).
    pub article: Option<String>,
    /// With `article`: the paragraph (counted from 1) to open at, highlighted.
    pub paragraph: Option<u32>,
    /// An event to select (by id), in the Timeline unless `view` says otherwise.
    pub event: Option<String>,
    /// An organization to select (by id), in Organizations unless `view` says otherwise.
    pub organization: Option<String>,
    /// A quiz code to start, in the Quiz view.
    pub quiz: Option<String>,
    /// With `quiz`: the mode (Practice without it).
    pub quiz_mode: Option<Mode>,
    /// Start on the stage (F5).
    pub present: bool,
    /// The colour theme (remembered).
    pub theme: Option<Theme>,
    /// The interface's language (remembered).
    pub language: Option<Language>,
    /// Render the window once, save it as this PNG and exit.
    pub screenshot: Option<PathBuf>,
    /// The window's inner size in points (1280x800 without it).
    pub size: Option<[f32; 2]>,
}

/// The dataset to show: the one asked for, or the bundled one with the reason why not.
pub fn load_for_window(data: Option<&Path>) -> Result<(Dataset, DataOrigin), String> {
    let Some(dir) = data else {
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

/// Why the window does not open: said on stderr, with the exit code.
struct Refusal(String, i32);

/// Checks that the article, paragraph, event and organization asked for
/// exist, and reads the quiz code into its questions.
fn check_places(
    options: &StartOptions,
    dataset: &Dataset,
) -> Result<Option<(Quiz, Mode)>, Refusal> {
    let refuse = |message: String| Refusal(format!("neutrality-reader: {message}"), 2);
    if let Some(id) = &options.article
        && dataset.article(id).is_none()
    {
        let known: Vec<&str> = dataset.articles.iter().map(|a| a.id.as_str()).collect();
        return Err(refuse(format!(
            "there is no article “{id}”; the articles are: {}",
            known.join(", ")
        )));
    }
    if let (Some(id), Some(paragraph)) = (&options.article, options.paragraph) {
        let count = dataset.article(id).map_or(0, |a| a.body.len());
        if paragraph == 0 || usize::try_from(paragraph).map_or(true, |p| p > count) {
            return Err(refuse(format!(
                "“{id}” has paragraphs 1 to {count}, not {paragraph}"
            )));
        }
    }
    if let Some(id) = &options.event
        && !dataset.events.iter().any(|e| &e.id == id)
    {
        return Err(refuse(format!(
            "there is no event “{id}”; `neutrality-reader export` lists them"
        )));
    }
    if let Some(id) = &options.organization
        && dataset.organization(id).is_none()
    {
        let known: Vec<&str> = dataset
            .organizations
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        return Err(refuse(format!(
            "there is no organization “{id}”; the organizations are: {}",
            known.join(", ")
        )));
    }
    let Some(code) = &options.quiz else {
        return Ok(None);
    };
    let code = crate::quiz::QuizCode::parse(code).map_err(|e| refuse(format!("--quiz: {e}")))?;
    // The quiz is made all the same; the terminal that typed the code hears why
    // it may differ.
    if let Some(warning) = crate::cli::code_warning(&code, dataset) {
        eprintln!("neutrality-reader: --quiz: {warning}");
    }
    let mode = options.quiz_mode.unwrap_or(Mode::Practice);
    Ok(Some((
        crate::quiz::generate(dataset, &code.options()),
        mode,
    )))
}

/// Opens the window; returns the process exit code.
pub fn run(options: StartOptions) -> i32 {
    let started = std::time::Instant::now();
    let timing = std::env::var_os("NEUTRALITY_READER_TIMING").is_some();
    let (dataset, origin) = match load_for_window(options.data.as_deref()) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("neutrality-reader: the bundled dataset is broken: {message}");
            return 1;
        }
    };
    let quiz = match check_places(&options, &dataset) {
        Ok(quiz) => quiz,
        Err(Refusal(message, code)) => {
            eprintln!("{message}");
            return code;
        }
    };
    let window = Window::new(options.screenshot.is_some(), options.size);
    let screenshot_result: ScreenshotResult = Arc::new(Mutex::new(None));
    let first = FirstState {
        dataset: Arc::new(dataset),
        origin,
        quiz,
        storage_dir: window.storage_dir.clone(),
        window_store_notice: window.window_store_notice.clone(),
        screenshot: options
            .screenshot
            .clone()
            .map(|path| ScreenshotJob::new(path, screenshot_result.clone())),
        started: timing.then_some(started),
        options: options.clone(),
    };
    let outcome = eframe::run_native(
        "neutrality-reader",
        window.native_options(),
        Box::new(move |cc| {
            let stored = if first.screenshot.is_some() {
                None
            } else {
                cc.storage
            };
            Ok(Box::new(first.build(&cc.egui_ctx, stored)))
        }),
    );
    window.clean_up();
    if let Err(error) = outcome {
        eprintln!("neutrality-reader: could not open the window: {error}");
        return 1;
    }
    screenshot_outcome(options.screenshot.is_some(), &screenshot_result)
}

/// The exit code once the window closed: a screenshot asked for must have been saved.
fn screenshot_outcome(asked: bool, result: &ScreenshotResult) -> i32 {
    if !asked {
        return 0;
    }
    match result.lock().ok().and_then(|mut r| r.take()) {
        Some(Ok(())) => 0,
        Some(Err(message)) => {
            eprintln!("neutrality-reader: {message}");
            1
        }
        None => {
            eprintln!("neutrality-reader: the window closed before the screenshot was taken");
            1
        }
    }
}

/// eframe's window and where it keeps its store.
struct Window {
    screenshot: bool,
    /// The inner size asked for; eframe's remembered size otherwise.
    size: Option<[f32; 2]>,
    /// The app's storage folder: eframe's store (the window's size and
    /// layout) and the reader's own files; none for a screenshot.
    storage_dir: Option<PathBuf>,
    /// A screenshot's own empty store, removed afterwards.
    scratch_store: Option<PathBuf>,
    /// eframe's store where it was broken and set aside before the window opened.
    window_store_notice: Option<SettingsNotice>,
    window_store: Option<PathBuf>,
}

impl Window {
    fn new(screenshot: bool, size: Option<[f32; 2]>) -> Self {
        // A screenshot shows the window as it opens for a new reader, whatever was
        // saved: its own empty store, removed afterwards, so egui's memory (scroll
        // positions, panel sizes) starts fresh too.
        let scratch_store = screenshot.then(|| {
            std::env::temp_dir().join(format!(
                "neutrality-reader-screenshot-{}.ron",
                std::process::id()
            ))
        });
        // eframe would start afresh over a store it cannot parse and write
        // over it, so a broken one is set aside first, and the reader told.
        let storage_dir = eframe::storage_dir("neutrality-reader").filter(|_| !screenshot);
        let window_store = storage_dir
            .as_ref()
            .map(|dir| dir.join(saved_settings::WINDOW_STORE_FILE));
        let window_store_notice = window_store
            .as_deref()
            .and_then(saved_settings::check_window_store);
        Self {
            screenshot,
            size,
            storage_dir,
            scratch_store,
            window_store_notice,
            window_store,
        }
    }

    fn native_options(&self) -> eframe::NativeOptions {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("Neutrality Reader")
            .with_app_id("neutrality-reader")
            .with_inner_size(self.size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size([640.0, 420.0])
            .with_icon(Arc::new(icon::icon()));
        if self.screenshot {
            viewport = viewport.with_position([0.0, 0.0]);
        }
        eframe::NativeOptions {
            viewport,
            // A size asked for wins over the one remembered.
            persist_window: !self.screenshot && self.size.is_none(),
            persistence_path: self.scratch_store.clone().or(self.window_store.clone()),
            ..Default::default()
        }
    }

    fn clean_up(&self) {
        if let Some(store) = &self.scratch_store {
            // It may never have been written; nothing to do then.
            let _ = std::fs::remove_file(store);
        }
    }
}

/// What the app is built from once eframe has a context.
struct FirstState {
    dataset: Arc<Dataset>,
    origin: DataOrigin,
    quiz: Option<(Quiz, Mode)>,
    storage_dir: Option<PathBuf>,
    window_store_notice: Option<SettingsNotice>,
    screenshot: Option<ScreenshotJob>,
    started: Option<std::time::Instant>,
    options: StartOptions,
}

impl FirstState {
    fn build(self, ctx: &egui::Context, stored: Option<&dyn eframe::Storage>) -> ReaderApp {
        let Self {
            dataset,
            origin,
            quiz,
            storage_dir,
            window_store_notice,
            screenshot,
            started,
            options,
        } = self;
        let mut app = ReaderApp::new(ctx, dataset, origin, stored);
        // The settings, notes and quiz memory live beside eframe's store,
        // each in its own file written atomically, the notes and memory one
        // pair per dataset (the bundled one's where they always were); a
        // screenshot neither reads nor writes them, nor opens the desktop's
        // folder dialog.
        if screenshot.is_none() {
            app = app.with_native_dialogs();
            if let Some(dir) = storage_dir {
                app = app.with_storage_dir(dir);
            }
            // The folder open at the last close comes back, unless the
            // command line asks for a place in the bundled dataset.
            let place_asked = options.article.is_some()
                || options.event.is_some()
                || options.organization.is_some()
                || quiz.is_some();
            if !place_asked {
                app = app.reopen_last_dataset();
            }
        }
        if let Some(notice) = window_store_notice {
            app = app.with_settings_notice(notice);
        }
        go_to_places(&mut app, &options, quiz);
        if let Some(started) = started {
            app = app.with_timing(started);
        }
        match screenshot {
            Some(job) => app.with_screenshot(job),
            None => app,
        }
    }
}

/// The places, view, stage, theme and language the options ask for.
fn go_to_places(app: &mut ReaderApp, options: &StartOptions, quiz: Option<(Quiz, Mode)>) {
    if let Some(article) = &options.article {
        app.open(article, options.paragraph);
    }
    if let Some(event) = &options.event {
        app.focus_event(event);
        app.show_view(View::Timeline);
    }
    if let Some(organization) = &options.organization {
        app.select_organization(organization);
        app.show_view(View::Organizations);
    }
    if let Some((quiz, mode)) = quiz {
        app.quiz_mut().start(quiz, mode);
        app.show_view(View::Quiz);
    }
    if let Some(view) = options.view {
        app.show_view(view);
    }
    if options.present {
        app.start_presentation();
    }
    if let Some(theme) = options.theme {
        app.apply_theme(theme);
    }
    if let Some(language) = options.language {
        app.apply_language(language);
    }
}
