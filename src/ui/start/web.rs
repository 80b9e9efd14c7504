//! The app in a web page: eframe's web runner on the page's canvas, with the
//! bundled dataset compiled in, the reader's saves in the page's storage
//! ([`crate::browser`]) and the options the page's address gave.

use std::path::PathBuf;
use std::sync::Arc;

use wasm_bindgen::JsCast as _;

use super::first::{FirstState, Refusal, check_places, load_for_window};
use super::options::StartOptions;
use crate::ui::app::ReaderApp;

/// The canvas the page draws on (`<canvas id="the_canvas">` in index.html)
/// and the line that says the page is loading, or why it could not.
const CANVAS_ID: &str = "the_canvas";
const STATUS_ID: &str = "status";

/// Starts the app on the page's canvas with `options`; what goes wrong is
/// said on the page, in place of the "loading" line.
pub fn start_in_page(options: StartOptions) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(message) = start(options).await {
            say_on_page(&format!("Neutrality Reader could not start: {message}"));
        }
    });
}

async fn start(options: StartOptions) -> Result<(), String> {
    // Marks on the page's performance timeline, for where the time to the
    // first frame goes (read by tools/web/browser-check).
    crate::browser::mark("module-started");
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CANVAS_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or("the page has no canvas to draw on")?;
    let (dataset, origin) = load_for_window(None)?;
    crate::browser::mark("dataset-read");
    let quiz = match check_places(&options, &dataset) {
        Ok(quiz) => quiz,
        // The page opens anyway, where it would without the address's places.
        Err(Refusal(message, _)) => {
            web_sys::console::warn_1(&message.into());
            None
        }
    };
    let first = FirstState {
        dataset: Arc::new(dataset),
        origin,
        quiz,
        storage_dir: Some(PathBuf::from(crate::browser::STORAGE_FOLDER)),
        window_store_notice: None,
        screenshot: None,
        started: None,
        options,
        data_later: None,
        unit_cache: None,
    };
    eframe::WebRunner::new()
        .start(
            canvas,
            eframe::WebOptions::default(),
            Box::new(move |cc| {
                let app = first.build(&cc.egui_ctx, cc.storage);
                crate::browser::mark("app-built");
                Ok(Box::new(PageApp {
                    app,
                    first_frame: true,
                }))
            }),
        )
        .await
        .map_err(|error| format!("{error:?}"))?;
    if let Some(status) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STATUS_ID))
    {
        status.remove();
    }
    Ok(())
}

/// Puts `message` where the page's "loading" line is.
fn say_on_page(message: &str) {
    web_sys::console::error_1(&message.into());
    if let Some(status) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STATUS_ID))
    {
        status.set_text_content(Some(message));
    }
}

/// The reader's app, marking its first frame on the page's performance
/// timeline (`first-frame`) for the time-to-first-paint figure.
struct PageApp {
    app: ReaderApp,
    first_frame: bool,
}

impl eframe::App for PageApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        if std::mem::take(&mut self.first_frame) {
            crate::browser::mark("first-frame");
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}
