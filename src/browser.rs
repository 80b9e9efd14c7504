//! What the browser gives where the desktop has files (the web build only).
//!
//! The reader's saves (settings, notes, quiz memory) keep their paths as
//! names, and [`crate::storage`] hands them here: each is one item of the
//! page's `localStorage` under its path, written whole by one `setItem`, so
//! a closed tab leaves the old save or the new one, never half of one. A
//! file written into [`DOWNLOADS`] (an export) is handed to the browser as a
//! download of that name instead, and the browser asks where it goes.

use std::io;
use std::path::Path;

use wasm_bindgen::JsCast as _;

/// The place an export is saved to in the browser: a path in it comes down
/// as a download named by its last part. Named as the reader knows the
/// place where a browser puts downloads, since the window shows the path.
pub const DOWNLOADS: &str = "Downloads";

/// The folder that stands for the app's storage folder: the saves' paths in
/// it are their `localStorage` names.
pub const STORAGE_FOLDER: &str = "/neutrality-reader";

fn window() -> io::Result<web_sys::Window> {
    web_sys::window().ok_or_else(|| io::Error::other("the page has no window"))
}

fn local_storage() -> io::Result<web_sys::Storage> {
    window()?
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| io::Error::other("this browser keeps no local storage for the page"))
}

/// The name a save's path has in `localStorage`.
fn key(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The text saved under `path`; [`io::ErrorKind::NotFound`] if none.
pub fn read_text(path: &Path) -> io::Result<String> {
    match local_storage()?.get_item(&key(path)) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(io::Error::from(io::ErrorKind::NotFound)),
        Err(_) => Err(io::Error::other(
            "the browser refused to read the page's storage",
        )),
    }
}

/// Saves `bytes` (UTF-8 text) under `path`, or downloads them if `path` is
/// in [`DOWNLOADS`].
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if path.starts_with(DOWNLOADS) {
        let name = path
            .file_name()
            .map_or_else(|| "export".to_owned(), |n| n.to_string_lossy().into_owned());
        return download(&name, bytes);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "a save must be text"))?;
    local_storage()?
        .set_item(&key(path), text)
        // The only refusal a page meets is its storage being full.
        .map_err(|_| io::Error::other("the browser's storage for this page is full"))
}

/// Whether something is saved under `path`.
pub fn exists(path: &Path) -> bool {
    read_text(path).is_ok()
}

/// Moves the save at `path` to `target`, keeping it for a person to look
/// at; false if there was nothing to move or it could not be kept.
pub fn rename(path: &Path, target: &Path) -> bool {
    let Ok(storage) = local_storage() else {
        return false;
    };
    let Ok(Some(text)) = storage.get_item(&key(path)) else {
        return false;
    };
    if storage.set_item(&key(target), &text).is_err() {
        return false;
    }
    storage.remove_item(&key(path)).is_ok()
}

/// Hands `bytes` to the browser as a download named `name`.
pub fn download(name: &str, bytes: &[u8]) -> io::Result<()> {
    let failed = |what: &str| io::Error::other(format!("the browser could not {what}"));
    let window = window()?;
    let document = window.document().ok_or_else(|| failed("find the page"))?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| failed("make the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| failed("make the file's address"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed("make a link"))?
        .dyn_into()
        .map_err(|_| failed("make a link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The address is let go once the browser has taken the file.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Marks `name` on the page's performance timeline (`first-frame`, read by
/// the browser check for the time to first paint).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
