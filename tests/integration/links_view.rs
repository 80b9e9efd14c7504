//! Names, resolution numbers and dates in the articles are links: clicking one
//! selects it in the organization panel or on the timeline. Runs without a display.

use crate::window;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

fn app(article: &'static str) -> Harness<'static, ReaderApp> {
    window([1400.0, 4000.0], move |mut app| {
        app.open(article, None);
        app
    })
}

#[test]
fn a_resolution_number_in_the_text_selects_its_event() {
    let mut harness = app("un-resolution-permanent-neutrality-2025");
    harness
        .query_all(By::new().role(Role::Link).label("50/80 A"))
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().selected_event(),
        Some("un-resolution-50-80-a")
    );
    assert_eq!(harness.state().view(), View::Study);
}

#[test]
fn an_organization_name_in_the_text_opens_it_in_its_panel() {
    let mut harness = app("nam-ambassadors-briefing-2020");
    let links = harness
        .query_all(By::new().role(Role::Link).label("Non-Aligned Movement"))
        .count();
    assert!(links >= 2, "{links}");
    harness
        .query_all(By::new().role(Role::Link).label("Non-Aligned Movement"))
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Organizations);
    assert_eq!(harness.state().selected_organization(), Some("nam"));
}

#[test]
fn every_link_the_index_found_is_in_the_page() {
    let dataset = Dataset::embedded().unwrap();
    let index = neutrality_reader::links::LinkIndex::new(&dataset);
    let article = dataset
        .articles
        .iter()
        .position(|a| a.id == "cooperation-international-organizations")
        .unwrap();
    let expected = index.iter().filter(|(a, _, _)| *a == article).count();
    let harness = app("cooperation-international-organizations");
    let drawn = harness.query_all(By::new().role(Role::Link)).count();
    // The timeline card or panels may add links of their own, never fewer.
    assert!(drawn >= expected, "{drawn} drawn, {expected} found");
}
