//! The reader keeps a readable measure in a small window: at 1024x700 and
//! 1280x800, in English, Türkmençe and Русский, at every text size from the
//! usual one to the largest, the library and "In this article" give way so
//! that a line of the reader holds at least 45 characters of the article's
//! own text; they narrow first, and are still there to use, then fold away
//! with a line that says so and a button that brings them back. Read from
//! the shapes the frame painted and the AccessKit tree.

use crate::window;

use egui::accesskit::Role;
use egui::epaint::{ClippedShape, Shape, TextShape};
use egui::{Color32, FontFamily, FontId, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::i18n::{Language, set_language, tr};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::state::TEXT_SIZE_MAX;
use window::window;

/// The fewest characters a reader's line must hold.
const CHARACTERS: usize = 45;

/// Every text shape painted, nested lists flattened.
fn texts(shapes: &[ClippedShape]) -> Vec<&TextShape> {
    fn push<'a>(out: &mut Vec<&'a TextShape>, shape: &'a Shape) {
        match shape {
            Shape::Vec(children) => children.iter().for_each(|c| push(out, c)),
            Shape::Text(text) => out.push(text),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        push(&mut out, &clipped.shape);
    }
    out
}

/// The reader's body text: the serif runs at the text size.
fn body(text: &TextShape, size: f32) -> bool {
    text.galley.job.sections.first().is_some_and(|s| {
        s.format.font_id.size == size && s.format.font_id.family == FontFamily::Name("serif".into())
    })
}

/// The width the reader's lines wrap at, and how wide the first
/// `CHARACTERS` characters of its longest paragraph are set in one line.
fn measure(harness: &Harness<'static, ReaderApp>, size: f32) -> Option<(f32, f32)> {
    let shapes = &harness.output().shapes;
    let paragraphs: Vec<&TextShape> = texts(shapes)
        .into_iter()
        .filter(|t| body(t, size))
        .collect();
    let column = paragraphs
        .iter()
        .map(|t| t.galley.job.wrap.max_width)
        .filter(|w| w.is_finite())
        .fold(0.0, f32::max);
    let longest = paragraphs
        .iter()
        .map(|t| t.galley.job.text.as_str())
        .max_by_key(|t| t.chars().count())?;
    let sample: String = longest.chars().take(CHARACTERS).collect();
    let font = FontId::new(size, FontFamily::Name("serif".into()));
    let wanted = harness
        .ctx
        .fonts_mut(|f| f.layout_no_wrap(sample, font, Color32::BLACK).size().x);
    Some((column, wanted))
}

/// The boxes of the panels' side edges (their resize handles), left to right.
fn side_edges(harness: &Harness<'static, ReaderApp>) -> Vec<Rect> {
    let ppp = harness.ctx.pixels_per_point();
    let mut edges: Vec<Rect> = harness
        .query_all(By::new().role(Role::Splitter))
        .filter_map(|node| {
            let r = node.accesskit_node().bounding_box()?;
            Some(Rect::from_min_max(
                egui::pos2(r.x0 as f32, r.y0 as f32) / ppp,
                egui::pos2(r.x1 as f32, r.y1 as f32) / ppp,
            ))
        })
        .filter(|r| r.height() > r.width())
        .collect();
    edges.sort_by(|a, b| a.left().total_cmp(&b.left()));
    edges
}

/// What one window shows at one text size: problems found, or none.
fn look(harness: &mut Harness<'static, ReaderApp>, place: &str, found: &mut Vec<String>) {
    let text_size = harness.state().settings().text_size;
    let Some((column, wanted)) = measure(harness, text_size) else {
        found.push(format!("{place}: no article text painted"));
        return;
    };
    let screen = harness.ctx.content_rect();
    let edges = side_edges(harness);
    let show = tr("study.panels_show");
    let folded = harness
        .query_by_role_and_label(Role::Button, show)
        .is_some();
    if folded {
        // Folded only when the panels had nothing left to give: the library
        // at its least leaves the text short. The text then has its measure,
        // or the whole width there is.
        if column < wanted && !edges.is_empty() {
            found.push(format!(
                "{place}: a panel is folded, another is still there, and the lines are {column:.0} wide, {CHARACTERS} characters need {wanted:.0}"
            ));
        }
        // The button brings both back.
        harness.get_by_role_and_label(Role::Button, show).click();
        harness.run();
        if side_edges(harness).len() < 2 {
            found.push(format!(
                "{place}: \u{201c}{show}\u{201d} did not bring both panels back"
            ));
        }
        return;
    }
    if column < wanted {
        found.push(format!(
            "{place}: the reader's lines are {column:.0} wide, {CHARACTERS} characters need {wanted:.0}"
        ));
    }
    // Both panels are still there, each at a usable width.
    match (edges.first(), edges.last()) {
        (Some(library), Some(context)) if edges.len() >= 2 => {
            let (left, right) = (library.center().x, screen.right() - context.center().x);
            if left < 140.0 || right < 160.0 {
                found.push(format!(
                    "{place}: the library is {left:.0} and \u{201c}In this article\u{201d} {right:.0} wide"
                ));
            }
        }
        _ => found.push(format!(
            "{place}: a side panel is missing, with no word of it"
        )),
    }
}

#[test]
fn the_side_panels_give_way_so_the_reader_keeps_45_characters_a_line() {
    let mut found = Vec::new();
    let mut looked = 0;
    let mut folded = 0;
    for size in [[1024.0, 700.0], [1280.0, 800.0]] {
        for language in Language::ALL {
            set_language(language);
            // A fresh window at each size, so that "Show the side panels"
            // pressed at one size does not hold at the next.
            for larger in 0.. {
                let mut harness = window(size, move |mut app| {
                    app.apply_language(language);
                    app
                });
                for _ in 0..larger {
                    harness.get_by_role_and_label(Role::Button, "A+").click();
                    harness.run();
                }
                let text_size = harness.state().settings().text_size;
                let place = format!("{language:?} {}x{} at {text_size} pt", size[0], size[1]);
                let folded_here = harness
                    .query_by_role_and_label(Role::Button, tr("study.panels_show"))
                    .is_some();
                folded += usize::from(folded_here);
                look(&mut harness, &place, &mut found);
                looked += 1;
                if text_size >= TEXT_SIZE_MAX {
                    break;
                }
            }
            set_language(Language::English);
        }
    }
    assert!(looked >= 2 * 3 * 12, "{looked}");
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
    // The largest sizes fold the panels at 1024x700.
    assert!(folded > 0, "no size folded the panels");
}
