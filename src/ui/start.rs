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
use super::window_place;
use crate::dataset::Dataset;
use crate::i18n::Language;
use crate::quiz::Quiz;
use crate::quiz::session::Mode;
use crate::terminal::{cut, printable, quoted_cut};

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

/// How long the window waits for a unit to load before it goes on without
/// it: about a frame.
const LOAD_WAIT: std::time::Duration = std::time::Duration::from_millis(20);

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
        && !dataset.events.iter().any(|e| &e.id == id)
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
        return Ok(None);
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
    // A unit is read before the window opens only when the command line
    // names a place in it (checked against it first) or asks for a
    // screenshot of it; otherwise the window opens at once and reads it in
    // the background.
    let places_asked = options.article.is_some()
        || options.event.is_some()
        || options.organization.is_some()
        || options.quiz.is_some();
    let data_later = options
        .data
        .clone()
        .filter(|_| !places_asked && options.screenshot.is_none());
    let data_now = options.data.as_deref().filter(|_| data_later.is_none());
    let (dataset, origin) = match load_for_window(data_now) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("neutrality-reader: the bundled dataset is broken: {message}");
            return 1;
        }
    };
    let quiz = match check_places(&options, &dataset) {
        Ok(quiz) => quiz,
        Err(Refusal(message, code)) => {
            eprintln!("{}", printable(&message));
            return code;
        }
    };
    let window = match Window::new(options.screenshot.is_some(), options.size) {
        Ok(window) => window,
        Err(error) => {
            eprintln!("neutrality-reader: could not make a private temporary folder: {error}");
            return 1;
        }
    };
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
        data_later,
    };
    let outcome = eframe::run_native(
        "neutrality-reader",
        window.native_options(),
        Box::new(move |cc| {
            close_on_signal(&cc.egui_ctx);
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
        eprintln!(
            "neutrality-reader: {}",
            window_error(&error.to_string(), display())
        );
        return 1;
    }
    screenshot_outcome(options.screenshot.is_some(), &screenshot_result)
}

/// The display the window would open on, from the environment: `None` when
/// none is named. Only Linux and the BSDs need one named; elsewhere the
/// desktop is always there, so this says so.
fn display() -> Option<String> {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return Some("the desktop".to_owned());
    }
    ["WAYLAND_DISPLAY", "WAYLAND_SOCKET", "DISPLAY"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
}

/// Why the window could not open, as a sentence: "no display" when there is
/// none to open on or it cannot be reached, the toolkit's words otherwise;
/// never the source paths of the machine the program was built on, which
/// the toolkit puts in its errors.
fn window_error(error: &str, display: Option<String>) -> String {
    const ADVICE: &str = "set DISPLAY or run under a desktop";
    let mut words = error.to_owned();
    // " at /home/…/winit-0.30/src/platform_impl/linux/mod.rs:788" goes.
    while let Some(at) = words.find(" at ").filter(|&at| {
        let rest = words.get(at + 4..).unwrap_or("");
        rest.split(' ')
            .next()
            .is_some_and(|token| token.contains(".rs:"))
    }) {
        let rest = words.get(at + 4..).unwrap_or("");
        let token_end = rest.find(' ').map_or(rest.len(), |end| end);
        let token = rest.get(..token_end).unwrap_or("");
        // The token ends "mod.rs:788:"; the colon stays, to part the words.
        let kept_colon = usize::from(token.ends_with(':'));
        words.replace_range(at..at + 4 + token_end - kept_colon, "");
    }
    let is_display_error = words.to_lowercase().contains("os error");
    match display {
        None => format!("no display: {ADVICE}"),
        Some(display) if is_display_error => {
            let reason = words.rsplit(": ").next().unwrap_or("").trim();
            format!(
                "no display: the display “{}” cannot be reached ({reason}); {ADVICE}",
                cut(&display)
            )
        }
        Some(_) => format!("could not open the window: {words}"),
    }
}

/// On SIGINT, SIGTERM or SIGHUP (Ctrl+C, or the console closed, on
/// Windows), closes the window as its close button does, so that eframe
/// saves the settings and the window's size on the way out (the notes and
/// quiz memory are saved at every change already); the process then ends
/// as after any close. A second signal, should the close hang, ends it at
/// once (exit 130).
fn close_on_signal(ctx: &egui::Context) {
    let ctx = ctx.clone();
    let asked = std::sync::atomic::AtomicBool::new(false);
    let installed = ctrlc::set_handler(move || {
        if asked.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        ctx.request_repaint();
    });
    if let Err(error) = installed {
        // The window works without; only a signal then ends it unsaved.
        eprintln!("neutrality-reader: a signal will close the window unsaved: {error}");
    }
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
    /// A screenshot's own empty store, in a private temporary folder (made
    /// with a random name, readable by this user only, removed afterwards):
    /// never a name another user could guess and plant a link at.
    scratch_store: Option<tempfile::TempDir>,
    /// eframe's store where it was broken and set aside before the window opened.
    window_store_notice: Option<SettingsNotice>,
    window_store: Option<PathBuf>,
}

impl Window {
    fn new(screenshot: bool, size: Option<[f32; 2]>) -> std::io::Result<Self> {
        // A screenshot shows the window as it opens for a new reader, whatever was
        // saved: its own empty store, removed afterwards, so egui's memory (scroll
        // positions, panel sizes) starts fresh too.
        let scratch_store = if screenshot {
            Some(private_temporary_folder()?)
        } else {
            None
        };
        // eframe would start afresh over a store it cannot parse and write
        // over it, so a broken one is set aside first, and the reader told.
        let storage_dir = eframe::storage_dir("neutrality-reader").filter(|_| !screenshot);
        let window_store = storage_dir
            .as_ref()
            .map(|dir| dir.join(saved_settings::WINDOW_STORE_FILE));
        let window_store_notice = window_store
            .as_deref()
            .and_then(saved_settings::check_window_store);
        Ok(Self {
            screenshot,
            size,
            storage_dir,
            scratch_store,
            window_store_notice,
            window_store,
        })
    }

    fn native_options(&self) -> eframe::NativeOptions {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("Neutrality Reader")
            .with_app_id("neutrality-reader")
            .with_inner_size(self.size.unwrap_or(window_place::DEFAULT_SIZE.into()))
            .with_min_inner_size(window_place::MIN_SIZE)
            .with_icon(Arc::new(icon::icon()));
        if self.screenshot {
            viewport = viewport.with_position([0.0, 0.0]);
        }
        // A size asked for wins over the one remembered.
        let persist_window = !self.screenshot && self.size.is_none();
        eframe::NativeOptions {
            viewport,
            persist_window,
            // Called with the size and place eframe restored: within reason.
            window_builder: persist_window
                .then(|| -> eframe::WindowBuilderHook { Box::new(window_place::restored) }),
            persistence_path: match &self.scratch_store {
                Some(dir) => Some(dir.path().join(saved_settings::WINDOW_STORE_FILE)),
                None => self.window_store.clone(),
            },
            ..Default::default()
        }
    }

    fn clean_up(self) {
        if let Some(dir) = self.scratch_store {
            // Whatever eframe wrote in it goes with it; a failure leaves a
            // private folder in the system's temporary folder, nothing more.
            let _ = dir.close();
        }
    }
}

/// A new folder in the system's temporary folder, with a random name and,
/// on Unix, open to this user only.
fn private_temporary_folder() -> std::io::Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("neutrality-reader-screenshot-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    builder.tempdir()
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
    /// The folder given with `--data`, to read once the window is open.
    data_later: Option<PathBuf>,
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
            data_later,
        } = self;
        let mut app = ReaderApp::new(ctx, dataset, origin, stored);
        // A frame's wait at most: a unit that takes longer to read arrives
        // later, and the window answers meanwhile.
        if screenshot.is_none() {
            app = app.with_load_wait(LOAD_WAIT);
        }
        let data_later_given = data_later.is_some();
        if let Some(folder) = data_later {
            app = app.open_data_at_start(folder);
        }
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
            if !place_asked && !data_later_given {
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

#[cfg(test)]
mod tests {
    use super::*;

    const NO_DISPLAY: &str = "winit EventLoopError: os error at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/mod.rs:765: neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set.";
    const NO_X: &str = "winit EventLoopError: os error at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/mod.rs:788: Failed to open connection to X server";

    #[test]
    fn no_display_is_said_plainly_without_the_build_machines_paths() {
        assert_eq!(
            window_error(NO_DISPLAY, None),
            "no display: set DISPLAY or run under a desktop"
        );
        let unreachable = window_error(NO_X, Some(":99".to_owned()));
        assert_eq!(
            unreachable,
            "no display: the display “:99” cannot be reached (Failed to open connection to X server); set DISPLAY or run under a desktop"
        );
        let other = window_error(
            "OpenGL error at /build/src/painter.rs:12: no context",
            Some(":0".to_owned()),
        );
        assert_eq!(other, "could not open the window: OpenGL error: no context");
    }

    #[test]
    fn a_screenshot_keeps_egui_s_store_in_a_private_folder_of_its_own() {
        let window = Window::new(true, None).unwrap();
        let store = window.native_options().persistence_path.unwrap();
        let guessable = std::env::temp_dir().join(format!(
            "neutrality-reader-screenshot-{}.ron",
            std::process::id()
        ));
        assert_ne!(store, guessable);
        let folder = store.parent().unwrap().to_path_buf();
        assert_ne!(
            folder,
            std::env::temp_dir(),
            "not in the shared folder itself"
        );
        let meta = std::fs::symlink_metadata(&folder).unwrap();
        assert!(meta.is_dir(), "a real folder, not a link");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(meta.permissions().mode() & 0o777, 0o700);
        }
        std::fs::write(&store, "{}").unwrap();
        window.clean_up();
        assert!(!folder.exists(), "removed with what was written in it");
    }
}
