//! The page's folder chooser (the web build only): a browser gives a page a
//! folder as the list of its files, through an `<input webkitdirectory>`.
//! The unit's files among them (data files and images, at most what a unit
//! file may hold) are read and made one unit file in memory
//! ([`crate::dataset::held_units::zip_of_folder`]), which opens as a `.zip`
//! given to the page does, through the same checks.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;

use crate::dataset::archive::MAX_ARCHIVE_BYTES;
use crate::dataset::held_units::{hold, hold_too_large, may_be_in_unit, zip_of_folder};

/// Opens the browser's folder chooser; the folder chosen is sent as the path
/// its unit is held at, or `None` if the reader cancels.
pub fn choose_folder(tx: Sender<Option<PathBuf>>, wake: egui::Context) {
    let Some(input) = folder_input() else {
        let _ = tx.send(None);
        return;
    };
    let chosen = input.clone();
    let (picked, cancelled) = (tx.clone(), tx);
    let repaint = wake.clone();
    let on_change = Closure::once_into_js(move || {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = picked.send(read_folder(&chosen).await);
            wake.request_repaint();
        });
    });
    let on_cancel = Closure::once_into_js(move || {
        let _ = cancelled.send(None);
        repaint.request_repaint();
    });
    let _ = input.add_event_listener_with_callback("change", on_change.unchecked_ref());
    let _ = input.add_event_listener_with_callback("cancel", on_cancel.unchecked_ref());
    input.click();
}

/// A hidden `<input type="file" webkitdirectory>`.
fn folder_input() -> Option<web_sys::HtmlInputElement> {
    let document = web_sys::window()?.document()?;
    let input: web_sys::HtmlInputElement =
        document.create_element("input").ok()?.dyn_into().ok()?;
    input.set_type("file");
    input.set_multiple(true);
    input.set_attribute("webkitdirectory", "").ok()?;
    Some(input)
}

/// The unit file made of the chosen folder's data files and images, held
/// under the folder's name; a folder whose files come to more than a unit
/// file may hold is not read (refused by its size when it is opened).
async fn read_folder(input: &web_sys::HtmlInputElement) -> Option<PathBuf> {
    let list = input.files()?;
    let mut wanted = Vec::new();
    let mut total = 0.0;
    let mut top = String::new();
    for index in 0..list.length() {
        let Some(file) = list.get(index) else {
            continue;
        };
        // Its path in the folder, the folder's name first (web-sys has no
        // binding for this property of every browser).
        let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_else(|| file.name());
        if top.is_empty() {
            top = path.split('/').next().unwrap_or("unit").to_owned();
        }
        if may_be_in_unit(&path) {
            total += file.size();
            wanted.push((path, file));
        }
    }
    let name = format!("{top}.zip");
    if total > MAX_ARCHIVE_BYTES as f64 {
        return Some(hold_too_large(&name, total as u64));
    }
    let mut files = Vec::with_capacity(wanted.len());
    for (path, file) in wanted {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .ok()?;
        files.push((path, js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    // A folder that cannot be made a unit file opens as an empty one, which
    // the zip reader refuses in its own words.
    let bytes = zip_of_folder(files).unwrap_or_default();
    Some(hold(&name, Arc::from(bytes)))
}
