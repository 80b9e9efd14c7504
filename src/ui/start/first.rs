//! The app's first state, the same on the desktop and in a page: the
//! dataset to show, the places the options name (checked against it), and
//! the app built from them once eframe has a context.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::options::StartOptions;
use crate::dataset::Dataset;
use crate::quiz::Quiz;
use crate::quiz::session::Mode;
use crate::terminal::{cut, printable, quoted_cut};
use crate::ui::app::{DataOrigin, ReaderApp, StartedLoad};
use crate::ui::command::View;
use crate::ui::saved_settings::SettingsNotice;
use crate::ui::screenshot::ScreenshotJob;

/// How long the window waits for a unit to load before it goes on without
/// it: about a frame.
const LOAD_WAIT: std::time::Duration = std::time::Duration::from_millis(20);

/// The window's context once it has one, for a load started before it to
/// wake it.
// The desktop's: a page reads its unit when asked, in the page.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub type Woken = Arc<std::sync::OnceLock<egui::Context>>;

/// Starts reading `folder` (`--data`) on a thread before the window opens,
/// so that reading it overlaps the window's own start; the load wakes the
/// window (`woken`, once it is set) when it is done.
///
/// The window's first frame lays out its fonts (a core for some 40 ms): a
/// large unit parses beside it on one core fewer until it is drawn (the
/// app gives the core back), and at most 0.4 s.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub fn start_reading(folder: &Path, woken: &Woken, cache: Option<PathBuf>) -> StartedLoad {
    crate::dataset::leave_a_core(Some(std::time::Duration::from_millis(400)));
    let waker = woken.clone();
    let wake = Arc::new(move || {
        if let Some(ctx) = waker.get() {
            ctx.request_repaint();
        }
    });
    StartedLoad::start(folder, wake, cache)
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
            eprint!("{}", printable(&error.to_string()));
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
// The exit code is the command line's; a page only logs the sentence.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(super) struct Refusal(pub String, pub i32);

/// Checks that the article, paragraph, event and organization asked for
/// exist, and reads the quiz code into its questions.
pub(super) fn check_places(
    options: &StartOptions,
    dataset: &Dataset,
) -> Result<Option<(Quiz, Mode)>, Refusal> {
    let refuse = |message: String| Refusal(format!("neutrality-reader: {message}"), 2);
    if let Some(id) = &options.article
        && dataset.article(id).is_none()
    {
        let known: Vec<&str> = dataset.articles.iter().map(|a| a.id.as_str()).collect();
        return Err(refuse(format!(
            "there is no article “{}”; the articles are: {}",
            cut(id),
            known.join(", ")
        )));
    }
    if let (Some(id), Some(paragraph)) = (&options.article, options.paragraph) {
        let count = dataset.article(id).map_or(0, |a| a.body.len());
        if paragraph == 0 || usize::try_from(paragraph).map_or(true, |p| p > count) {
            return Err(refuse(format!(
                "“{}” has paragraphs 1 to {count}, not {paragraph}",
                cut(id)
            )));
        }
    }
    if let Some(id) = &options.event
        && !dataset.events.iter().any(|e| *e.id == **id)
    {
        return Err(refuse(format!(
            "there is no event “{}”; `neutrality-reader export` lists them",
            cut(id)
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
            "there is no organization “{}”; the organizations are: {}",
            cut(id),
            known.join(", ")
        )));
    }
    let Some(code) = &options.quiz else {
        // A live class with no code given: a new quiz, as the setup makes.
        return Ok(options.live.then(|| (live_quiz(dataset), Mode::Class)));
    };
    let code = crate::quiz::QuizCode::parse(code).map_err(|e| {
        refuse(format!(
            "--quiz: {}",
            quoted_cut(&e.to_string(), code.trim())
        ))
    })?;
    // The quiz is made all the same; the terminal that typed the code hears why
    // it may differ.
    if let Some(warning) = crate::quiz::code_warning(&code, dataset) {
        eprintln!("neutrality-reader: --quiz: {warning}");
    }
    let mode = match options.quiz_mode {
        _ if options.live => Mode::Class,
        Some(mode) => mode,
        None => Mode::Practice,
    };
    Ok(Some((
        crate::quiz::generate(dataset, &code.options()),
        mode,
    )))
}

/// The quiz of a live class started with no code: ten questions on every
/// topic, a fresh seed.
fn live_quiz(dataset: &Dataset) -> Quiz {
    let entropy = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    crate::quiz::generate(dataset, &crate::quiz::QuizOptions::from_entropy(entropy))
}

/// What the app is built from once eframe has a context.
pub(super) struct FirstState {
    pub(super) dataset: Arc<Dataset>,
    pub(super) origin: DataOrigin,
    pub(super) quiz: Option<(Quiz, Mode)>,
    pub(super) storage_dir: Option<PathBuf>,
    pub(super) window_store_notice: Option<SettingsNotice>,
    pub(super) screenshot: Option<ScreenshotJob>,
    pub(super) started: Option<web_time::Instant>,
    pub(super) options: StartOptions,
    /// The folder given with `--data`, being read since before the window
    /// opened.
    pub(super) data_later: Option<StartedLoad>,
    /// Where validated units are kept (the desktop's cache folder).
    pub(super) unit_cache: Option<PathBuf>,
}

impl FirstState {
    pub(super) fn build(
        self,
        ctx: &egui::Context,
        stored: Option<&dyn eframe::Storage>,
    ) -> ReaderApp {
        let Self {
            dataset,
            origin,
            quiz,
            storage_dir,
            window_store_notice,
            screenshot,
            started,
            options,
            data_later,
            unit_cache,
        } = self;
        let mut app = ReaderApp::new(ctx, dataset, origin, stored);
        // A frame's wait at most for a unit: one that takes longer to read
        // arrives later, and the window answers meanwhile; its indexes are
        // never waited for (a screenshot waits for both before it is taken).
        app = app
            .with_load_wait(LOAD_WAIT)
            .with_index_wait(std::time::Duration::ZERO);
        if let Some(dir) = unit_cache {
            app = app.with_unit_cache(dir);
        }
        let data_later_given = data_later.is_some();
        if let Some(started) = data_later {
            app = app.open_started_load(started);
        }
        // The settings, notes and quiz memory live beside eframe's store,
        // each in its own file written atomically, the notes and memory one
        // pair per dataset (the bundled one's where they always were); a
        // screenshot neither reads nor writes them, nor opens the desktop's
        // folder dialog.
        if screenshot.is_none() {
            // A picture waits for its images; the window does not.
            crate::ui::study::image::decode_in_background(ctx);
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
            // A page holds no unit file between visits: it opens on the bundled one.
            if !place_asked && !data_later_given && !cfg!(target_arch = "wasm32") {
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
        // Started at the first frame, with the window's context to wake.
        app.quiz_mut().live.start_asked = options.live && !cfg!(target_arch = "wasm32");
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
