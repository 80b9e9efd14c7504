//! The desktop's window: eframe's native runner, its store in the app's
//! storage folder (a screenshot's in a private folder of its own), signals
//! that close it as its button does, and why it could not open.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::first::{FirstState, Refusal, Woken, check_places, load_for_window, start_reading};
use super::options::StartOptions;
use crate::terminal::{cut, printable};
use crate::ui::icon;
use crate::ui::saved_settings::{self, SettingsNotice};
use crate::ui::screenshot::{ScreenshotJob, ScreenshotResult};
use crate::ui::window_place;

/// Opens the window; returns the process exit code.
pub fn run(options: StartOptions) -> i32 {
    let started = web_time::Instant::now();
    let timing = std::env::var_os("NEUTRALITY_READER_TIMING").is_some();
    // A unit is read before the window opens only when the command line
    // names a place in it (checked against it first); otherwise it is read
    // on a thread from now on, while the window opens, which shows the
    // reading until the unit arrives (a screenshot waits for it).
    let places_asked = options.article.is_some()
        || options.event.is_some()
        || options.organization.is_some()
        || options.quiz.is_some();
    let data_later = options.data.clone().filter(|_| !places_asked);
    let data_now = options.data.as_deref().filter(|_| data_later.is_none());
    let woken = Woken::default();
    let cache = crate::dataset::cache::default_dir();
    let data_later = data_later.map(|folder| start_reading(&folder, &woken, cache.clone()));
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
        unit_cache: cache,
    };
    let outcome = eframe::run_native(
        "neutrality-reader",
        window.native_options(),
        Box::new(move |cc| {
            let _ = woken.set(cc.egui_ctx.clone());
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
