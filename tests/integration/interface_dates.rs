//! Dates follow the interface's language: in Русский and Türkmençe no
//! English month name is on screen in any view (Study with each article, the
//! Timeline with each event's card open and zoomed in to its months,
//! Organizations with each one's details open, the Quiz), read from the
//! AccessKit labels and from the painted text. The data's own words (titles,
//! quotes, paragraphs) stay as written, so text found in the data files is
//! left out before looking.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot read the data files should fail loudly"
)]

use crate::paint;
use crate::window;

use std::collections::BTreeSet;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::i18n::{Language, dates, set_language, tr};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use neutrality_reader::ui::fonts;
use window::window;

/// English month names and the abbreviations a label might use.
const ENGLISH_MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Whether `text` has an English month name as a whole word.
fn names_an_english_month(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| ENGLISH_MONTHS.contains(&word))
}

/// Every string literal of the data files under `dir` that names an English
/// month: the only data text that could be mistaken for the interface's.
fn data_strings(dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            data_strings(&path, found);
        } else if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut chars = text.chars();
            while let Some(c) = chars.next() {
                if c != '"' {
                    continue;
                }
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => literal.extend(chars.next()),
                        c => literal.push(c),
                    }
                }
                if names_an_english_month(&literal) {
                    found.push(literal);
                }
            }
        }
    }
}

/// What of `text` is the interface's: the data's strings taken out, and the
/// pieces left that are a part of one (a title cut short with "…", a run of
/// a paragraph) dropped.
fn interface_part(text: &str, data: &[String]) -> String {
    let mut rest = text.to_owned();
    for literal in data {
        rest = rest.replace(literal.as_str(), "\u{1}");
    }
    rest.split(['\u{1}', '…'])
        .filter(|piece| {
            let piece = piece.trim();
            // A piece as short as "Jun" is the interface's, whatever the data says.
            piece.chars().count() < 8 || !data.iter().any(|d| d.contains(piece))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every text on screen that names an English month outside the data's words.
fn english_months_on_screen(harness: &Harness<'static, ReaderApp>, data: &[String]) -> Vec<String> {
    let screen = harness.ctx.content_rect();
    let painted = paint::painted_texts(&harness.output().shapes, egui::Color32::BLACK, screen)
        .into_iter()
        .map(|t| t.text);
    let labels = harness
        .query_all(egui_kittest::kittest::By::new().predicate(|n| n.label().is_some()))
        .filter_map(|n| n.accesskit_node().label());
    painted
        .chain(labels)
        .filter(|text| names_an_english_month(&interface_part(text, data)))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The app in `language`, at a size where the views have room.
fn app(language: Language) -> Harness<'static, ReaderApp> {
    window([1400.0, 1000.0], move |mut app| {
        app.apply_language(language);
        app
    })
}

/// Zooms the timeline in until its axis ticks months (or finer), by the
/// window's own zoom button.
fn zoom_to_months(harness: &mut Harness<'static, ReaderApp>) {
    let zoom_in = neutrality_reader::i18n::tr("timeline.zoom_in");
    for _ in 0..40 {
        let days = harness
            .state()
            .timeline_visible()
            .map_or(f64::MAX, |span| span.end - span.start);
        if days < 300.0 {
            return;
        }
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, zoom_in)
            .click();
        harness.run();
    }
}

/// Opens Ctrl+K afresh, types `query` in its box and shows every group whole.
fn search(harness: &mut Harness<'static, ReaderApp>, query: &str) {
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, tr("search.label"))
        .type_text(query);
    harness.run();
    let show_all = tr("search.show_all").split('{').next().unwrap_or_default();
    loop {
        let more = harness.query_all_by_role(Role::Button).find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|label| label.starts_with(show_all))
        });
        let Some(more) = more else {
            break;
        };
        more.click();
        harness.run();
    }
}

#[test]
fn no_english_month_is_on_screen_in_russian_or_turkmen() {
    let mut data = Vec::new();
    data_strings(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &mut data,
    );
    // Longest first, so that a quote is taken out before a title inside it.
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let dataset = Dataset::embedded().unwrap();
    let mut report = Vec::new();
    for language in [Language::Russian, Language::Turkmen] {
        // `tr` answers in the test thread's language, for the zoom button.
        set_language(language);
        let mut harness = app(language);
        let mut look = |harness: &Harness<'static, ReaderApp>, scene: String| {
            for text in english_months_on_screen(harness, &data) {
                report.push(format!("{language:?} / {scene}: {text:?}"));
            }
        };
        for article in &dataset.articles {
            harness.state_mut().open(&article.id, None);
            harness.state_mut().show_view(View::Study);
            harness.run();
            look(&harness, format!("Study {}", article.id));
        }
        harness.state_mut().show_view(View::Timeline);
        for event in &dataset.events {
            harness.state_mut().focus_event(&event.id);
            harness.run();
            zoom_to_months(&mut harness);
            look(&harness, format!("Timeline {}", event.id));
        }
        harness.state_mut().show_view(View::Organizations);
        for organization in &dataset.organizations {
            harness.state_mut().select_organization(&organization.id);
            harness.run();
            look(&harness, format!("Organizations {}", organization.id));
        }
        harness.state_mut().show_view(View::Quiz);
        harness.run();
        look(&harness, "Quiz".to_owned());
        // Ctrl+K: event hits are titled with their dates, every group shown whole.
        for query in ["1995", "2022", "neutrality"] {
            search(&mut harness, query);
            look(&harness, format!("Ctrl+K {query:?}"));
        }
        set_language(Language::English);
    }
    report.sort();
    report.dedup();
    assert!(
        report.is_empty(),
        "{} English month names on screen:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// Every month name, in every form and language, and every date written out
/// has a glyph in each of the interface's fonts.
#[test]
fn every_month_name_has_a_glyph() {
    let harness = window([800.0, 600.0], |app| app);
    let families = [
        egui::FontId::proportional(14.0),
        egui::FontId::monospace(14.0),
        egui::FontId::new(14.0, fonts::family(fonts::SERIF)),
        egui::FontId::new(14.0, fonts::family(fonts::SERIF_BOLD)),
    ];
    let samples = [
        "2022-06-05",
        "2022-06",
        "1995-10-18/1995-10-20",
        "1995/1996",
        "2020-06/2020-12",
    ];
    for language in Language::ALL {
        set_language(language);
        let mut texts: Vec<String> = dates::every_month_name()
            .into_iter()
            .map(str::to_owned)
            .collect();
        texts.extend(
            samples
                .iter()
                .map(|s| dates::human(&neutrality_reader::model::When::parse(s).unwrap())),
        );
        set_language(Language::English);
        for text in &texts {
            for font in &families {
                let missing: String = text
                    .chars()
                    .filter(|c| !harness.ctx.fonts_mut(|f| f.has_glyph(font, *c)))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{language:?} {text:?}: no glyph for {missing:?} in {font:?}"
                );
            }
        }
    }
}
