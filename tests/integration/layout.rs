//! Small windows in every language: at 1024x700 and 1280x800, in English,
//! Türkmençe and Русский, in every view (and with the Timeline's card and an
//! organization's details open), no two controls a reader operates overlap,
//! and none is cut off by the window's edge. Read from the AccessKit tree, as
//! a screen reader sees the window: a control's visible part is its box cut
//! by the scroll areas and windows it sits in. No text is cut sideways by
//! its panel or plot, and no text wrapped over more than one row is
//! justified (its word gaps stretched).

use crate::common;
use crate::controls;
use crate::live;
use crate::paint;
use crate::window;

use std::path::Path;

use egui::Rect;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use controls::CONTROLS;
use neutrality_reader::i18n::Language;
use neutrality_reader::ui::app::{LoadProgress, LoadStage, ReaderApp, StartedLoad};
use neutrality_reader::ui::command::View;
use window::window;

/// A control on screen: what it is, and its visible box in points.
struct Control {
    what: String,
    visible: Rect,
    id: String,
    ancestors: Vec<String>,
}

fn to_rect(r: egui::accesskit::Rect, pixels_per_point: f32) -> Rect {
    Rect::from_min_max(
        egui::pos2(r.x0 as f32, r.y0 as f32) / pixels_per_point,
        egui::pos2(r.x1 as f32, r.y1 as f32) / pixels_per_point,
    )
}

/// The egui id behind an AccessKit node (egui gives a widget's id as its node's).
fn egui_id<'t>(node: &impl egui_kittest::kittest::NodeT<'t>) -> Option<egui::Id> {
    let full = u128::from(node.accesskit_node().id());
    let local = u64::try_from(full >> 64).ok()?;
    serde_json::from_value(serde_json::json!(local)).ok()
}

/// The controls of the window, with their visible boxes: the part of each
/// that its clip (scroll area, panel, window) lets be seen. Those scrolled
/// wholly out of view are not on screen and left out.
fn controls(harness: &Harness<'static, ReaderApp>) -> Vec<Control> {
    let ppp = harness.ctx.pixels_per_point();
    harness
        .query_all(By::new().predicate(|node| CONTROLS.contains(&node.role()) && !node.is_hidden()))
        .filter_map(|node| {
            let clipped = egui_id(&node).and_then(|id| harness.ctx.read_response(id));
            let node = node.accesskit_node();
            let visible = match clipped {
                Some(response) => response.interact_rect,
                None => to_rect(node.bounding_box()?, ppp),
            };
            let mut ancestors = Vec::new();
            let mut parent = node.parent();
            while let Some(up) = parent {
                ancestors.push(format!("{:?}", up.id()));
                parent = up.parent();
            }
            (visible.width() > 0.5 && visible.height() > 0.5).then(|| Control {
                what: format!("{:?} “{}”", node.role(), node.label().unwrap_or_default()),
                visible,
                id: format!("{:?}", node.id()),
                ancestors,
            })
        })
        .collect()
}

/// Every overlap of two controls and every control cut by the window's edge.
fn problems(harness: &Harness<'static, ReaderApp>, place: &str) -> Vec<String> {
    let window = harness.ctx.content_rect().expand(0.5);
    let controls = controls(harness);
    let mut found = Vec::new();
    for (i, a) in controls.iter().enumerate() {
        if !window.contains_rect(a.visible) {
            found.push(format!(
                "{place}: {} at {:?} is cut by the window",
                a.what, a.visible
            ));
        }
        for b in &controls[i + 1..] {
            // A control inside another (a chip in a row) is not an overlap.
            if a.ancestors.contains(&b.id) || b.ancestors.contains(&a.id) {
                continue;
            }
            let both = a.visible.intersect(b.visible);
            if both.width() > 1.0 && both.height() > 1.0 {
                found.push(format!(
                    "{place}: {} at {:?} overlaps {} at {:?}",
                    a.what, a.visible, b.what, b.visible
                ));
            }
        }
    }
    found
}

/// Every text of the frame cut sideways by its panel, plot or area: it
/// loses letters with no ellipsis.
fn texts_cut_sideways(harness: &Harness<'static, ReaderApp>, place: &str) -> Vec<String> {
    let screen = harness.ctx.content_rect();
    paint::painted_texts(&harness.output().shapes, egui::Color32::WHITE, screen)
        .into_iter()
        .filter(|t| t.full_rect.width() - t.rect.width() > 1.0)
        .map(|t| {
            format!(
                "{place}: text cut sideways, {:.0} of {:.0} points seen: {:?}",
                t.rect.width(),
                t.full_rect.width(),
                paint::shorten(&t.text, 40)
            )
        })
        .collect()
}

#[test]
fn no_control_overlaps_another_or_is_cut_off_at_small_sizes_in_any_language() {
    let mut found = Vec::new();
    let mut looked = 0;
    // Opened from a folder, the top bar also names the unit.
    let copy = common::data_copy();
    for size in [[1024.0, 700.0], [1280.0, 800.0]] {
        for (language, folder) in Language::ALL
            .into_iter()
            .flat_map(|language| [(language, None), (language, Some(copy.path()))])
        {
            let unit = folder.map(Path::to_path_buf);
            let mut harness = window(size, move |mut app| {
                app.apply_language(language);
                if let Some(unit) = &unit {
                    app.open_dataset_folder(unit);
                }
                app
            });
            for view in View::ALL {
                harness.state_mut().show_view(view);
                match view {
                    View::Timeline => {
                        harness.state_mut().focus_event("un-resolution-78-266");
                    }
                    View::Organizations => {
                        harness.state_mut().select_organization("osce");
                    }
                    View::Study | View::Quiz => {}
                }
                harness.state_mut().show_view(view);
                harness.run();
                let from = if folder.is_some() {
                    ", from a folder"
                } else {
                    ""
                };
                let place = format!("{view:?} {language:?} {}x{}{from}", size[0], size[1]);
                let seen = controls(&harness).len();
                assert!(seen > 5, "{place}: only {seen} controls seen");
                looked += seen;
                found.extend(problems(&harness, &place));
                // A text cut sideways by its panel, plot or area loses letters
                // with no ellipsis. (The Organizations table scrolls sideways
                // on purpose: the column at its edge is cut as a scrolled
                // list's last row is, so that view is left out here.)
                if view != View::Organizations {
                    found.extend(texts_cut_sideways(&harness, &place));
                }
                found.extend(
                    paint::justified_texts(&harness.output().shapes)
                        .into_iter()
                        .map(|text| format!("{place}: justified, with stretched gaps: {text:?}")),
                );
            }
        }
    }
    assert!(looked > 200, "{looked}");
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// While a large unit is read, the line under the top bar (its title and
/// the stage, with the busy sign) fits beside the controls in every
/// language at both small sizes: no control overlaps another, and no text
/// of it is cut.
#[test]
fn the_loading_line_fits_in_every_language_at_small_sizes() {
    let title = "A hundred thousand events on the history of the twentieth century";
    let mut found = Vec::new();
    for size in [[1024.0, 700.0], [1280.0, 800.0]] {
        for language in Language::ALL {
            for stage in [LoadStage::Reading, LoadStage::Checking { bytes: 19 << 20 }] {
                let progress = LoadProgress {
                    title: Some(title.to_owned()),
                    stage,
                };
                let (load, _held) = StartedLoad::held(std::path::Path::new("large-unit"), progress);
                let harness = window(size, move |app| {
                    let mut app = app
                        .with_load_wait(std::time::Duration::ZERO)
                        .open_started_load(load);
                    app.apply_language(language);
                    app
                });
                let place = format!("loading, {stage:?}, {language:?} {}x{}", size[0], size[1]);
                found.extend(problems(&harness, &place));
                let screen = harness.ctx.content_rect();
                let texts =
                    paint::painted_texts(&harness.output().shapes, egui::Color32::WHITE, screen);
                assert!(
                    texts.iter().any(|t| t.text.contains("twentieth")),
                    "{place}: the unit's title is not on screen"
                );
                found.extend(texts_cut_sideways(&harness, &place));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// A live class in Class mode, in the window and on the stage: the join
/// panel unfolded and folded, the bars of a revealed answer and the ended
/// class's band, at both sizes in every language, overlap nothing and are
/// not cut by the window.
#[test]
fn the_live_class_s_controls_overlap_nothing_at_small_sizes_in_any_language() {
    use neutrality_reader::quiz::session::Mode;
    use neutrality_reader::quiz::{QuizOptions, generate};
    let mut found = Vec::new();
    for size in [[1024.0, 700.0], [1280.0, 800.0]] {
        for language in Language::ALL {
            for stage in [false, true] {
                let mut harness = window(size, move |mut app| {
                    app.apply_language(language);
                    let options = QuizOptions {
                        seed: 8,
                        count: 5,
                        ..QuizOptions::default()
                    };
                    let quiz = generate(app.dataset(), &options);
                    app.quiz_mut().start(quiz, Mode::Class);
                    app.show_view(View::Quiz);
                    live::start_fake_class(&mut app);
                    if stage {
                        app.start_presentation();
                    }
                    app
                });
                live::answer_some(&mut harness);
                let place = format!("live {language:?} {}x{} stage {stage}", size[0], size[1]);
                found.extend(problems(&harness, &place));
                harness.key_press(egui::Key::Space);
                harness.run();
                found.extend(problems(&harness, &format!("{place}, revealed")));
                let fold = live::label(language, "live.fold");
                harness.get_by_label(&fold).click();
                harness.run();
                found.extend(problems(&harness, &format!("{place}, folded")));
                if !stage {
                    harness
                        .get_by_label(&live::label(language, "live.end"))
                        .click();
                    harness.run();
                    found.extend(problems(&harness, &format!("{place}, ended")));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// A unit just started (one article, no events): its empty timeline and
/// panels say so in sentences, none of them justified, in every view and
/// language at the small size.
#[test]
fn a_new_unit_s_empty_views_set_no_text_justified() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("unit");
    neutrality_reader::dataset::starter::write_starter(&folder).unwrap_or_else(|e| panic!("{e}"));
    let mut found = Vec::new();
    for language in Language::ALL {
        let unit = folder.clone();
        let mut harness = window([1024.0, 700.0], move |mut app| {
            app.apply_language(language);
            app.open_dataset_folder(&unit);
            app
        });
        for view in View::ALL {
            harness.state_mut().show_view(view);
            harness.run();
            found.extend(
                paint::justified_texts(&harness.output().shapes)
                    .into_iter()
                    .map(|text| format!("{view:?} {language:?}: justified: {text:?}")),
            );
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
