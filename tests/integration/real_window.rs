//! The real window, started by the debug binary on a fresh profile under
//! `xvfb-run` (a 1280x1024 screen): its settings are written as soon as they
//! change, SIGTERM or SIGINT closes it as its close button does, saving on
//! the way out, and a remembered size or place out of reason is not kept.
//!
//! Needs `xvfb-run` (Debian's `xvfb` package) and software OpenGL; where
//! there is none the tests say so on stderr and pass without running, since
//! the rest of the suite needs no display.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use neutrality_reader::ui::saved_settings::{
    ReadSettings, SETTINGS_FILE, WINDOW_STORE_FILE, read_settings,
};
use neutrality_reader::ui::theme::Theme;

/// How long the window may take to draw its first frame (a debug build on
/// a busy two-core machine).
const FIRST_FRAME: Duration = Duration::from_secs(120);

fn have_xvfb() -> bool {
    let found = Command::new("sh")
        .args(["-c", "command -v xvfb-run"])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipped: no xvfb-run on this machine (apt-get install xvfb)");
    }
    found
}

/// The window on a fresh profile in `home`, in the dark theme; returns once
/// it has drawn its first frame, with the app's storage folder.
fn start(home: &Path) -> (Child, PathBuf) {
    let data = home.join("data");
    start_in(home, &data)
}

fn start_in(home: &Path, data: &Path) -> (Child, PathBuf) {
    let mut child = Command::new("xvfb-run")
        .args([
            "-a",
            env!("CARGO_BIN_EXE_neutrality-reader"),
            "--theme",
            "dark",
        ])
        .env("HOME", home)
        .env("XDG_DATA_HOME", data)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("NEUTRALITY_READER_TIMING", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("first frame laid out") {
                let _ = send.send(());
            }
        }
    });
    if receive.recv_timeout(FIRST_FRAME).is_err() {
        let _ = child.kill();
        panic!("the window drew no frame within {FIRST_FRAME:?}");
    }
    (child, data.join("neutrality-reader"))
}

/// The app itself (xvfb-run's child), to be sent a signal.
fn app_pid(xvfb_run: &Child) -> String {
    let out = Command::new("pgrep")
        .args(["-P", &xvfb_run.id().to_string(), "-f", "neutrality-reader"])
        .output()
        .unwrap();
    let pids = String::from_utf8(out.stdout).unwrap();
    pids.lines()
        .next()
        .expect("the app runs under xvfb-run")
        .to_owned()
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn dark_settings_in(folder: &Path) -> bool {
    matches!(
        read_settings(&folder.join(SETTINGS_FILE)),
        ReadSettings::Read(settings) if settings.theme == Theme::Dark
    )
}

#[test]
fn a_changed_setting_is_written_without_waiting_for_the_autosave() {
    if !have_xvfb() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let (mut child, folder) = start(home.path());
    // eframe's autosave comes after 30 s; this must come well before.
    let written = Instant::now();
    let found = (|| {
        while written.elapsed() < Duration::from_secs(10) {
            if dark_settings_in(&folder) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    })();
    // Killed, not closed: only what was written already is there.
    let _ = Command::new("kill")
        .args(["-KILL", &app_pid(&child)])
        .status();
    let _ = child.wait();
    assert!(
        found,
        "no settings.json with the dark theme 10 s after the first frame"
    );
}

#[test]
fn sigterm_and_sigint_close_the_window_and_save() {
    if !have_xvfb() {
        return;
    }
    for signal in ["-TERM", "-INT"] {
        let home = tempfile::tempdir().unwrap();
        let (mut child, folder) = start(home.path());
        let pid = app_pid(&child);
        let sent = Command::new("kill").args([signal, &pid]).status().unwrap();
        assert!(sent.success());
        let mut status = None;
        wait_for("the window to close", Duration::from_secs(30), || {
            status = child.try_wait().unwrap();
            status.is_some()
        });
        // xvfb-run passes on the app's own exit code: 0 after a close.
        assert_eq!(status.unwrap().code(), Some(0), "{signal}");
        // eframe writes its store only when it saves: at the close.
        assert!(
            folder.join(WINDOW_STORE_FILE).is_file(),
            "{signal}: no app.ron"
        );
        assert!(dark_settings_in(&folder), "{signal}: settings not saved");
    }
}

/// The window's geometry as eframe saved it in `app.ron`: its top left in
/// pixels, if any, and its inner size in points.
fn saved_geometry(folder: &Path) -> (Option<(f32, f32)>, (f32, f32)) {
    #[derive(serde::Deserialize)]
    struct Xy {
        x: f32,
        y: f32,
    }
    #[derive(serde::Deserialize)]
    struct Geometry {
        outer_position_pixels: Option<Xy>,
        inner_size_points: Xy,
    }
    #[derive(serde::Deserialize)]
    struct Window {
        normal_geometry: Geometry,
    }
    let text = std::fs::read_to_string(folder.join(WINDOW_STORE_FILE)).unwrap();
    let store: std::collections::HashMap<String, String> = ron::from_str(&text).unwrap();
    let window: Window = ron::from_str(&store["window"]).unwrap();
    let g = window.normal_geometry;
    (
        g.outer_position_pixels.map(|p| (p.x, p.y)),
        (g.inner_size_points.x, g.inner_size_points.y),
    )
}

#[test]
fn a_remembered_size_out_of_reason_or_a_place_off_screen_is_not_kept() {
    if !have_xvfb() {
        return;
    }
    for (size, place) in [
        ("x:NaN,y:-5.0", "x:30000.0,y:20000.0"),
        ("x:-1.0,y:1.0", "x:-9000.0,y:400.0"),
    ] {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("data");
        let folder = data.join("neutrality-reader");
        std::fs::create_dir_all(&folder).unwrap();
        let window = format!(
            "(normal_geometry:(outer_position_pixels:Some(({place})),scale_factor:1.0,\
             inner_size_points:({size})),fullscreen:false,maximized:false)"
        );
        let store = ron::to_string(&std::collections::HashMap::from([("window", window)])).unwrap();
        std::fs::write(folder.join(WINDOW_STORE_FILE), store).unwrap();
        let (mut child, _) = start_in(home.path(), &data);
        // A moment for the move to reach the X server, then a close that saves.
        std::thread::sleep(Duration::from_secs(2));
        let pid = app_pid(&child);
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        wait_for("the window to close", Duration::from_secs(30), || {
            child.try_wait().unwrap().is_some()
        });
        let (position, (width, height)) = saved_geometry(&folder);
        assert!(
            width >= 640.0 && height >= 420.0,
            "{size}: {width}x{height}"
        );
        let (x, y) = position.expect("a place is saved");
        assert!(
            (0.0..1280.0).contains(&x) && (0.0..1024.0).contains(&y),
            "{place}: the window was left at {x}, {y}, off the 1280x1024 screen"
        );
    }
}
