//! The Organizations table in small and large windows: at 1024x700, 1280x800
//! and 1920x1080, in English, Türkmençe and Русский, with the details closed
//! and open, every column's header can be brought on screen whole (scrolling
//! the table sideways if need be), and once a column is in view no text in it
//! is cut off at its side: a text too long for its cell ends in "…".
//! Read from the AccessKit tree and from the shapes the frame painted.

use crate::paint;
use crate::window;

use egui::accesskit::Role;
use egui::{Color32, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::i18n::{Language, tr, trf};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// The table's column titles, in the language on screen, in order.
fn titles() -> [&'static str; 6] {
    [
        tr("org.col_acronym"),
        tr("org.col_name"),
        tr("org.col_kind"),
        tr("org.col_relationship"),
        tr("org.col_since"),
        tr("org.col_mentions"),
    ]
}

/// Whether `label` names the header of the column titled `title` (the sorted
/// column's header also says so).
fn names_header(label: &str, title: &str) -> bool {
    label == title
        || label == trf("org.sorted_ascending", &[("column", &title)])
        || label == trf("org.sorted_descending", &[("column", &title)])
}

/// The egui id behind an AccessKit node (egui gives a widget's id as its node's).
fn egui_id<'t>(node: &impl egui_kittest::kittest::NodeT<'t>) -> Option<egui::Id> {
    let full = u128::from(node.accesskit_node().id());
    let local = u64::try_from(full >> 64).ok()?;
    serde_json::from_value(serde_json::json!(local)).ok()
}

/// The header of the column titled `title`: its whole box and the part of it
/// that can be seen.
fn header(harness: &Harness<'static, ReaderApp>, title: &str) -> Option<(Rect, Rect)> {
    let node = harness
        .query_all(By::new().role(Role::Button))
        .find(|node| names_header(&node.accesskit_node().label().unwrap_or_default(), title))?;
    let response = harness.ctx.read_response(egui_id(&node)?)?;
    Some((response.rect, response.interact_rect))
}

/// Brings the header titled `title` into view, as a screen reader asks to.
fn scroll_to(harness: &mut Harness<'static, ReaderApp>, title: &str) {
    if let Some(node) = harness
        .query_all(By::new().role(Role::Button))
        .find(|node| names_header(&node.accesskit_node().label().unwrap_or_default(), title))
    {
        node.scroll_to_me();
    }
    harness.run();
    // One frame more, so that the widgets' boxes read back are those painted.
    harness.step();
}

/// The boxes of the panels' resize handles.
fn splitters(harness: &Harness<'static, ReaderApp>) -> Vec<Rect> {
    let ppp = harness.ctx.pixels_per_point();
    harness
        .query_all(By::new().role(Role::Splitter))
        .filter_map(|node| {
            let r = node.accesskit_node().bounding_box()?;
            Some(Rect::from_min_max(
                egui::pos2(r.x0 as f32, r.y0 as f32) / ppp,
                egui::pos2(r.x1 as f32, r.y1 as f32) / ppp,
            ))
        })
        .collect()
}

/// What is wrong with the table on screen: headers that cannot be brought
/// into view whole, and texts in a column in view cut at a side.
fn problems(harness: &mut Harness<'static, ReaderApp>, place: &str) -> (Vec<String>, usize) {
    let screen = harness.ctx.content_rect();
    let titles = titles();
    let mut found = Vec::new();
    let mut checked = 0;
    for (i, title) in titles.iter().enumerate() {
        scroll_to(harness, title);
        let Some((whole, seen)) = header(harness, title) else {
            found.push(format!("{place}: no header “{title}”"));
            continue;
        };
        if seen.width() < whole.width() - 1.0 || !screen.expand(0.5).contains_rect(seen) {
            found.push(format!(
                "{place}: the header “{title}” at {whole:?} cannot be brought into view (seen: {seen:?})"
            ));
            continue;
        }
        // The column runs from its header to the next one; the last one to
        // the details panel or the window's edge. The table ends at the
        // overview panel below it.
        let handles = splitters(harness);
        let right = match titles.get(i + 1).and_then(|next| header(harness, next)) {
            Some((next, _)) => next.left() - 2.0,
            None => handles
                .iter()
                .filter(|h| h.height() > h.width() && h.left() > whole.left())
                .map(|h| h.left())
                .fold(screen.right(), f32::min),
        };
        let bottom = handles
            .iter()
            .filter(|h| h.width() > h.height() && h.top() > whole.bottom())
            .map(|h| h.top())
            .fold(screen.bottom(), f32::min);
        let column = Rect::from_min_max(
            egui::pos2(whole.left() - 2.0, whole.top() - 2.0),
            egui::pos2(right, bottom),
        );
        for text in paint::painted_texts(&harness.output().shapes, Color32::BLACK, screen) {
            let full = text.full_rect;
            if !column.contains(egui::pos2(full.left() + 0.5, full.center().y)) {
                continue;
            }
            checked += 1;
            if text.rect.left() > full.left() + 1.0 || text.rect.right() < full.right() - 1.0 {
                found.push(format!(
                    "{place}: “{}” in the column “{title}” is cut: {full:?} seen as {:?}",
                    text.text, text.rect
                ));
            }
        }
    }
    (found, checked)
}

#[test]
fn every_column_can_be_reached_and_no_cell_is_cut_without_an_ellipsis() {
    let mut found = Vec::new();
    let mut looked = 0;
    for size in [[1024.0, 700.0], [1280.0, 800.0], [1920.0, 1080.0]] {
        for language in Language::ALL {
            for details in [false, true] {
                let mut harness = window(size, move |mut app| {
                    app.apply_language(language);
                    app.show_view(View::Organizations);
                    app
                });
                if details {
                    harness.state_mut().select_organization("osce");
                }
                harness.run();
                assert_eq!(
                    harness.state().organization_details_open(),
                    details,
                    "the details should be {}",
                    if details { "open" } else { "closed" }
                );
                let place = format!(
                    "{language:?} {}x{}{}",
                    size[0],
                    size[1],
                    if details { " with the details" } else { "" }
                );
                let (problems, checked) = problems(&mut harness, &place);
                // A header and a few rows' cells in each of the six columns.
                assert!(checked >= 6 * 4, "{place}: only {checked} texts looked at");
                found.extend(problems);
                looked += 1;
            }
        }
    }
    assert_eq!(looked, 18);
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}
