//! A keyboard-only reader can reach everything a mouse can: in every view
//! (Study on the longest article, Timeline with an event's card open,
//! Organizations with details open, the quiz's setup and a question),
//! pressing Tab again and again gives the focus to every control on screen
//! (read from the AccessKit tree, as a screen reader sees the window), each
//! focused control is scrolled into view, and Shift+Tab walks back the same
//! way; in English at 1280x800 and in Русский and Türkmençe at 1024x700.
//! Runs without a display.

use crate::window;

use egui::accesskit::Role;
use egui::{Id, Key, Modifiers, Rect};
use std::sync::OnceLock;

use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::i18n::Language;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// Roles a mouse operates: buttons, links, text fields, check boxes, radio
/// buttons, sliders, combo boxes, and the other clickable kinds egui names.
const CONTROLS: &[Role] = &[
    Role::Button,
    Role::Link,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::PasswordInput,
    Role::CheckBox,
    Role::RadioButton,
    Role::Slider,
    Role::SpinButton,
    Role::ComboBox,
    Role::DisclosureTriangle,
    Role::ColorWell,
    Role::Tab,
    Role::MenuItem,
    Role::ListBoxOption,
];

/// The windows and languages the views are checked in: English at the
/// usual size, Русский and Türkmençe (the longest labels) in the small window.
const PLACES: [(Language, [f32; 2]); 3] = [
    (Language::English, [1280.0, 800.0]),
    (Language::Russian, [1024.0, 700.0]),
    (Language::Turkmen, [1024.0, 700.0]),
];

/// Tab presses beyond the number of controls: the resize handles of the side
/// panels take the focus too, and one more lap shows the order wraps.
const SPARE_PRESSES: usize = 12;

/// What is on screen when the keys are pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scene {
    /// Study with the longest article open.
    Study,
    /// Timeline with the card of the event that names the most open.
    Timeline,
    /// Organizations with an organization's details open.
    Organizations,
    /// The quiz's setup.
    QuizSetup,
    /// A practice question.
    QuizQuestion,
}

const SCENES: [Scene; 5] = [
    Scene::Study,
    Scene::Timeline,
    Scene::Organizations,
    Scene::QuizSetup,
    Scene::QuizQuestion,
];

/// The longest article of the bundled dataset.
const LONGEST_ARTICLE: &str = "un-resolution-permanent-neutrality-2025";

/// What a control fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fails {
    /// Tab never gives it the focus.
    NeverFocused,
    /// Tab focuses it, but it stays scrolled out of sight.
    NotScrolledIntoView,
    /// Tab stops on it, but it has no name: a screen reader says nothing.
    NamelessTabStop,
}

/// The event whose card has the most to operate: organizations and sources.
fn richest_event(dataset: &Dataset) -> String {
    dataset
        .events
        .iter()
        .max_by_key(|e| e.organizations().len() + e.sources.len())
        .map(|e| e.id.to_string())
        .unwrap_or_default()
}

fn open(scene: Scene, (language, size): (Language, [f32; 2])) -> Harness<'static, ReaderApp> {
    let mut harness = window(size, move |mut app| {
        app.apply_language(language);
        let dataset = app.dataset().clone();
        match scene {
            Scene::Study => app.open(LONGEST_ARTICLE, None),
            Scene::Timeline => {
                assert!(app.focus_event(&richest_event(&dataset)));
                app.show_view(View::Timeline);
            }
            Scene::Organizations => {
                assert!(app.select_organization("nam"));
                app.show_view(View::Organizations);
            }
            Scene::QuizSetup => app.show_view(View::Quiz),
            Scene::QuizQuestion => {
                let options = QuizOptions {
                    seed: 8,
                    count: 5,
                    ..QuizOptions::default()
                };
                app.quiz_mut()
                    .start(generate(&dataset, &options), Mode::Practice);
                app.show_view(View::Quiz);
            }
        }
        app
    });
    harness.run();
    let state = harness.state();
    match scene {
        Scene::Timeline => assert!(state.details_open(), "the card is open"),
        Scene::Organizations => assert!(state.organization_details_open(), "details are open"),
        _ => {}
    }
    harness
}

/// A control on screen.
#[derive(Clone, Debug)]
struct Control {
    id: Id,
    role: Role,
    label: String,
}

/// The egui id behind an AccessKit node (egui gives a widget's id as its node's).
fn egui_id<'t>(node: &impl egui_kittest::kittest::NodeT<'t>) -> Option<Id> {
    let full = u128::from(node.accesskit_node().id());
    let local = u64::try_from(full >> 64).ok()?;
    serde_json::from_value(serde_json::json!(local)).ok()
}

/// Every enabled control on screen, scrolled into sight or not.
fn controls(harness: &Harness<'static, ReaderApp>) -> Vec<Control> {
    harness
        .query_all(By::new().predicate(|node| {
            CONTROLS.contains(&node.role()) && !node.is_hidden() && !node.is_disabled()
        }))
        .filter_map(|node| {
            let id = egui_id(&node)?;
            let node = node.accesskit_node();
            Some(Control {
                id,
                role: node.role(),
                label: node.label().unwrap_or_default(),
            })
        })
        .collect()
}

/// The widget with the keyboard focus: its id, its box and the part of it
/// seen (cut by the scroll areas and panels it sits in).
fn focused(harness: &Harness<'static, ReaderApp>) -> Option<(Id, Rect, Rect)> {
    let id = harness.ctx.memory(|m| m.focused())?;
    let response = harness.ctx.read_response(id)?;
    Some((id, response.rect, response.interact_rect))
}

/// The role and name of the AccessKit node of widget `id`.
fn node_of(harness: &Harness<'static, ReaderApp>, id: Id) -> Option<(Role, String)> {
    let wanted = u128::from(id.value());
    harness
        .query_all(By::new().predicate(move |node| u128::from(node.id()) >> 64 == wanted))
        .next()
        .map(|node| {
            let node = node.accesskit_node();
            (node.role(), node.label().unwrap_or_default())
        })
}

/// Whether enough of `rect` is seen, inside the window, for a reader to find
/// the focus: half of it each way, or 100 points of a larger one.
fn in_sight(rect: Rect, seen: Rect, window: Rect) -> bool {
    let enough = |full: f32, shown: f32| shown >= (full * 0.5).min(100.0);
    seen.is_positive()
        && window.expand(0.5).contains_rect(seen)
        && enough(rect.width(), seen.width())
        && enough(rect.height(), seen.height())
}

/// One press of Tab: where the focus went.
#[derive(Clone, Debug)]
struct Stop {
    id: Id,
    rect: Rect,
    seen: Rect,
    node: Option<(Role, String)>,
}

/// Presses Tab (with `modifiers`) `presses` times; where the focus went each time.
fn walk(
    harness: &mut Harness<'static, ReaderApp>,
    modifiers: Modifiers,
    presses: usize,
) -> Vec<Stop> {
    let mut stops = Vec::new();
    for _ in 0..presses {
        harness.key_press_modifiers(modifiers, Key::Tab);
        harness.run();
        if let Some((id, rect, seen)) = focused(harness) {
            let node = node_of(harness, id);
            stops.push(Stop {
                id,
                rect,
                seen,
                node,
            });
        }
    }
    stops
}

/// One control that fails, as the report names it.
#[derive(Clone, Debug, PartialEq)]
struct Failure {
    scene: Scene,
    place: (Language, [f32; 2]),
    role: Role,
    label: String,
    fails: Fails,
    /// Where it was when focused (or on screen), for the report.
    at: Rect,
}

impl Failure {
    fn line(&self) -> String {
        format!(
            "{:?} {:?} {}x{} / {:?} “{}”: {:?} (at {:.0},{:.0})",
            self.scene,
            self.place.0,
            self.place.1[0],
            self.place.1[1],
            self.role,
            self.label,
            self.fails,
            self.at.min.x,
            self.at.min.y
        )
    }
}

/// What one scene fails: controls never focused, focused out of sight or
/// nameless, and where Shift+Tab strays from the way back.
struct Findings {
    scene: Scene,
    place: (Language, [f32; 2]),
    controls: usize,
    failures: Vec<Failure>,
    back: Vec<String>,
    back_presses: usize,
}

fn check(scene: Scene, place: (Language, [f32; 2])) -> Findings {
    let mut harness = open(scene, place);
    let window = harness.ctx.content_rect();
    let controls = controls(&harness);
    let forward = walk(
        &mut harness,
        Modifiers::NONE,
        controls.len() + SPARE_PRESSES,
    );
    let mut failures = Vec::new();
    for control in &controls {
        let stops: Vec<&Stop> = forward.iter().filter(|s| s.id == control.id).collect();
        let fails = if stops.is_empty() {
            Fails::NeverFocused
        } else if stops.iter().any(|s| in_sight(s.rect, s.seen, window)) {
            continue;
        } else {
            Fails::NotScrolledIntoView
        };
        let at = stops.first().map_or_else(
            || {
                harness
                    .ctx
                    .read_response(control.id)
                    .map_or(Rect::NOTHING, |r| r.rect)
            },
            |s| s.rect,
        );
        failures.push(Failure {
            scene,
            place,
            role: control.role,
            label: control.label.clone(),
            fails,
            at,
        });
    }
    let mut nameless = Vec::new();
    for stop in &forward {
        let (role, label) = stop.node.clone().unwrap_or((Role::Unknown, String::new()));
        if label.trim().is_empty() && !nameless.contains(&stop.id) {
            nameless.push(stop.id);
            failures.push(Failure {
                scene,
                place,
                role,
                label,
                fails: Fails::NamelessTabStop,
                at: stop.rect,
            });
        }
    }
    let (back, back_presses) = walk_back(&mut harness, scene, &forward);
    Findings {
        scene,
        place,
        controls: controls.len(),
        failures,
        back,
        back_presses,
    }
}

/// Shift+Tab from where Tab stopped: the same stops in reverse order (with
/// list rows brought into view between them). Returns
/// the first stray step, if any, and how many presses were checked.
fn walk_back(
    harness: &mut Harness<'static, ReaderApp>,
    scene: Scene,
    forward: &[Stop],
) -> (Vec<String>, usize) {
    let Some((_, before)) = forward.split_last() else {
        return (vec![format!("{scene:?}: Tab focused nothing")], 0);
    };
    // Back over every stop Tab made, across the wrap from first to last.
    let expected: Vec<&Stop> = before.iter().rev().collect();
    // A list that builds only its rows on screen (the timeline's events)
    // gains the rows Tab scrolled into view: they may come in between.
    let got = walk(harness, Modifiers::SHIFT, expected.len() * 2);
    let name = |stop: Option<&Stop>| match stop.and_then(|s| s.node.clone()) {
        Some((role, label)) => format!("{role:?} “{label}”"),
        None => stop.map_or_else(|| "nothing".to_owned(), |s| format!("{:?}", s.id)),
    };
    // Each stop Tab made comes back, in reverse order.
    let mut presses = got.iter();
    let stray = expected
        .iter()
        .position(|stop| !presses.any(|s| s.id == stop.id))
        .map(|i| {
            format!(
                "{scene:?}: Shift+Tab never came back to {} (stop {} of {} back)",
                name(expected.get(i).copied()),
                i + 1,
                expected.len()
            )
        });
    (stray.into_iter().collect(), expected.len())
}

/// Every scene checked once, shared by the tests below.
fn findings() -> &'static [Findings] {
    static FINDINGS: OnceLock<Vec<Findings>> = OnceLock::new();
    FINDINGS.get_or_init(|| {
        PLACES
            .iter()
            .flat_map(|&place| SCENES.map(|scene| check(scene, place)))
            .collect()
    })
}

#[test]
fn tab_reaches_every_control_of_every_view_and_brings_it_into_view() {
    let mut report = Vec::new();
    for found in findings() {
        assert!(
            found.controls > 5,
            "{:?} {:?}: only {} controls: the check saw nothing",
            found.scene,
            found.place,
            found.controls
        );
        report.extend(found.failures.iter().map(Failure::line));
    }
    assert!(
        report.is_empty(),
        "{} controls a keyboard cannot reach or see:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn shift_tab_walks_back_the_way_tab_came() {
    let mut report = Vec::new();
    for found in findings() {
        assert!(
            found.back_presses * 2 > found.controls,
            "{:?}: only {} presses back checked for {} controls",
            found.scene,
            found.back_presses,
            found.controls
        );
        report.extend(found.back.iter().map(|b| format!("{:?}: {b}", found.place)));
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
