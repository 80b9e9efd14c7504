//! The Timeline view's panes share the width: at 1024x700, 1280x800 and
//! 1920x1080, in English, Türkmençe and Русский, the plot keeps at least half
//! of the window; the details pane takes at most a third with an event's card
//! open, and stays narrow while no event is chosen; the filters and list stay
//! on screen. Read from the AccessKit tree.

use crate::window;

use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::i18n::{Language, tr};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// The widest the details pane may be while it only holds a sentence.
const NARROW: f32 = 200.0;

/// The canvas's box: the node that sums up the timeline in the language on screen.
fn canvas(harness: &Harness<'static, ReaderApp>) -> Option<Rect> {
    let summary = tr("timeline.canvas_summary");
    let prefix = summary.split('{').next().unwrap_or(summary);
    let ppp = harness.ctx.pixels_per_point();
    let node = harness
        .query_all(By::new().role(Role::ScrollView))
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(prefix))
        })?;
    let r = node.accesskit_node().bounding_box()?;
    Some(Rect::from_min_max(
        egui::pos2(r.x0 as f32, r.y0 as f32) / ppp,
        egui::pos2(r.x1 as f32, r.y1 as f32) / ppp,
    ))
}

#[test]
fn the_plot_keeps_half_the_width_and_the_details_pane_at_most_a_third() {
    let mut found = Vec::new();
    let mut looked = 0;
    for size in [[1024.0, 700.0], [1280.0, 800.0], [1920.0, 1080.0]] {
        for language in Language::ALL {
            for card in [false, true] {
                let mut harness = window(size, move |mut app| {
                    app.apply_language(language);
                    app.show_view(View::Timeline);
                    app
                });
                if card {
                    harness.state_mut().focus_event("un-resolution-78-266");
                }
                harness.run();
                assert_eq!(harness.state().details_open(), card);
                let place = format!(
                    "{language:?} {}x{}{}",
                    size[0],
                    size[1],
                    if card { " with a card" } else { "" }
                );
                let screen = harness.ctx.content_rect();
                let Some(plot) = canvas(&harness) else {
                    found.push(format!("{place}: no canvas"));
                    continue;
                };
                // The pane with the gap between it and the plot.
                let pane = screen.right() - plot.right();
                let most = if card {
                    screen.width() / 3.0 + 12.0
                } else {
                    NARROW
                };
                if pane > most {
                    found.push(format!(
                        "{place}: the details pane is {pane:.0} wide, more than {most:.0}"
                    ));
                }
                if plot.width() < screen.width() / 2.0 {
                    found.push(format!(
                        "{place}: the plot is {:.0} wide, less than half the window",
                        plot.width()
                    ));
                }
                // The sentence or the card is there to read.
                let wanted = if card {
                    harness
                        .query_all(By::new().label_contains("78/266"))
                        .count()
                } else {
                    harness
                        .query_all(By::new().label(tr("timeline.select_hint")))
                        .count()
                };
                if wanted == 0 {
                    found.push(format!("{place}: the details pane shows nothing"));
                }
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
