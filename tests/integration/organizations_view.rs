//! The Organizations view as a reader uses it: filtering by typing and by
//! chips, sorting, choosing a row with the mouse and the keyboard, reading a
//! relationship in its source, jumping to an event, the as-of date, and the
//! links from the Study panel and the timeline card. Runs without a display.

#![allow(
    clippy::unwrap_used,
    reason = "the shared helpers in common/ fail loudly when their scratch data cannot be made"
)]

use crate::common;
use crate::window;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::{window, window_on};

fn app(view: View) -> Harness<'static, ReaderApp> {
    app_sized(view, [1600.0, 1000.0])
}

fn app_sized(view: View, size: [f32; 2]) -> Harness<'static, ReaderApp> {
    window(size, move |mut app| {
        app.show_view(view);
        app
    })
}

/// Whether a button labelled exactly `label` is on screen.
fn has_button(harness: &Harness<'static, ReaderApp>, label: &str) -> bool {
    harness
        .query_all(By::new().role(Role::Button).label(label))
        .next()
        .is_some()
}

/// The top edge of the table row whose first cell is `label`.
fn row_top(harness: &Harness<'static, ReaderApp>, label: &str) -> f32 {
    harness
        .get_by_role_and_label(Role::Button, label)
        .rect()
        .top()
}

fn type_into(harness: &mut Harness<'static, ReaderApp>, field: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run();
}

#[test]
fn the_table_lists_every_organization() {
    let harness = app(View::Organizations);
    harness.get_by_label("18 organizations");
    for name in [
        "United Nations",
        "Non-Aligned Movement",
        "Shanghai Cooperation Organization",
        "Economic Cooperation Organization",
        "Commonwealth of Independent States",
        "Organization of Islamic Cooperation",
        "European Union",
        "Global Green Growth Institute",
    ] {
        assert!(has_button(&harness, name), "{name}");
    }
    // Headline figures keep their dates, the two counts of organizations apart.
    harness.get_by_role_and_label(Role::Button, "149 countries (2022)");
    harness.get_by_role_and_label(Role::Button, "155 countries (2025)");
    harness.get_by_role_and_label(Role::Button, "about 50 organizations (2022)");
    harness.get_by_role_and_label(Role::Button, "54 organizations (2025)");
    harness.get_by_role_and_label(Role::Button, "161 conventions and agreements (2022)");
    harness.get_by_label("(+6 from 2022 to 2025)");
}

#[test]
fn typing_in_the_filter_narrows_the_table() {
    let mut harness = app(View::Organizations);
    type_into(&mut harness, "Filter", "turkic");
    harness.get_by_label("1 of 18 organizations");
    assert!(has_button(&harness, "Organization of Turkic States"));
    assert!(!has_button(&harness, "United Nations"));
    assert!(!has_button(&harness, "Non-Aligned Movement"));
    // An alias counts: the UNRCCA's American spelling "Center".
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("regional center");
    harness.run();
    harness.get_by_label("1 of 18 organizations");
    type_into(&mut harness, "Filter", "zzz");
    harness.get_by_label_contains("No organization matches the filter");
}

#[test]
fn chips_filter_by_relationship_and_kind() {
    let mut harness = app(View::Organizations);
    harness
        .get_by_role_and_label(Role::Button, "Member (2)")
        .click();
    harness.run();
    harness.get_by_label("2 of 18 organizations");
    assert!(has_button(&harness, "United Nations"));
    assert!(has_button(&harness, "Non-Aligned Movement"));
    assert!(!has_button(&harness, "Shanghai Cooperation Organization"));
    // The SCO is a guest of honour and also cooperates: the Cooperation chip finds it.
    harness
        .get_by_role_and_label(Role::Button, "Member (2)")
        .click();
    harness
        .get_by_role_and_label(Role::Button, "Cooperation (8)")
        .click();
    harness.run();
    harness.get_by_label("8 of 18 organizations");
    assert!(has_button(&harness, "Shanghai Cooperation Organization"));
    // Chips of two rows combine with "and": cooperating and global.
    harness
        .get_by_role_and_label(Role::Button, "Global (3)")
        .click();
    harness.run();
    harness.get_by_label("1 of 18 organizations");
    assert!(has_button(&harness, "Organization of Islamic Cooperation"));
    harness
        .get_by_role_and_label(Role::Button, "All chips off")
        .click();
    harness.run();
    harness.get_by_label("18 organizations");
}

#[test]
fn a_bar_of_the_chart_filters_like_its_chip() {
    let mut harness = app(View::Organizations);
    harness
        .get_by_role_and_label(Role::Button, "Not stated: 4")
        .click();
    harness.run();
    harness.get_by_label("4 of 18 organizations");
    assert!(has_button(&harness, "Global Green Growth Institute"));
    assert!(!has_button(&harness, "United Nations"));
}

#[test]
fn clicking_a_header_sorts_and_clicking_again_reverses() {
    let mut harness = app_sized(View::Organizations, [1600.0, 1600.0]);
    // By acronym, A first.
    assert!(
        row_top(&harness, "Commonwealth of Independent States")
            < row_top(&harness, "United Nations")
    );
    harness
        .get_by_role_and_label(Role::Button, "Mentions")
        .click();
    harness.run();
    // Most mentioned first: the UN (8 places) above the CIS (1).
    assert!(
        row_top(&harness, "United Nations")
            < row_top(&harness, "Commonwealth of Independent States")
    );
    harness
        .get_by_role_and_label(Role::Button, "Mentions, sorted descending")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Mentions, sorted ascending");
    harness.run();
    assert!(
        row_top(&harness, "Commonwealth of Independent States")
            < row_top(&harness, "United Nations")
    );
    // Since: known dates in order, unknown ones last.
    harness.get_by_role_and_label(Role::Button, "Since").click();
    harness.run();
    let un = row_top(&harness, "United Nations");
    let nam = row_top(&harness, "Non-Aligned Movement");
    let eu = row_top(&harness, "European Union");
    assert!(un < nam && nam < eu, "UN {un}, NAM {nam}, EU {eu}");
}

#[test]
fn clicking_a_row_opens_its_details() {
    let mut harness = app(View::Organizations);
    assert!(!harness.state().organization_details_open());
    harness
        .get_by_role_and_label(Role::Button, "Non-Aligned Movement")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_organization(), Some("nam"));
    assert!(harness.state().organization_details_open());
    harness.get_by_label("NAM · Global");
    harness.get_by_label("Member since 1995");
    harness.get_by_label_contains("“This date is interconnected with yet another significant date");
    harness.get_by_label("Events (4)");
    harness.get_by_label_contains("Mentioned in (");
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert!(!harness.state().organization_details_open());
}

#[test]
fn read_in_source_opens_the_paragraph_that_states_the_relationship() {
    let mut harness = app(View::Organizations);
    harness
        .get_by_role_and_label(Role::Button, "United Nations")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            "Read in source: Cooperation of Turkmenistan with international organizations is strengthened, paragraph 5",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Study);
    assert_eq!(
        harness.state().highlighted(),
        Some(("cooperation-international-organizations", 5))
    );
}

#[test]
fn a_mention_opens_its_paragraph() {
    let mut harness = app(View::Organizations);
    harness
        .get_by_role_and_label(Role::Button, "Economic Cooperation Organization")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            "Paragraph 11 of Cooperation of Turkmenistan with international organizations is strengthened",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Study);
    assert_eq!(
        harness.state().highlighted(),
        Some(("cooperation-international-organizations", 11))
    );
}

#[test]
fn clicking_an_event_goes_to_the_timeline() {
    let mut harness = app(View::Organizations);
    harness
        .get_by_role_and_label(Role::Button, "Non-Aligned Movement")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            "1995 — Turkmenistan joins the Non-Aligned Movement",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Timeline);
    assert_eq!(harness.state().selected_event(), Some("nam-membership"));
    assert!(harness.state().details_open());
    // Brought into view: 1995 is inside the visible range.
    let visible = harness.state().timeline_visible().unwrap();
    let day = neutrality_reader::timeline::day_number(1995, 6, 1) as f64;
    assert!(visible.start < day && day < visible.end, "{visible:?}");
}

#[test]
fn arrow_keys_move_the_selection_and_enter_opens_the_details() {
    let mut harness = app(View::Organizations);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    // Sorted by acronym: the CIS comes first.
    assert_eq!(harness.state().selected_organization(), Some("cis"));
    assert!(!harness.state().organization_details_open());
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_organization(), Some("eco"));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected_organization(), Some("cis"));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().organization_details_open());
    harness.get_by_label("CIS · Regional");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().organization_details_open());
}

#[test]
fn the_arrow_keys_work_while_typing_in_the_filter() {
    let mut harness = app(View::Organizations);
    type_into(&mut harness, "Filter", "nations");
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let selected = harness.state().selected_organization().unwrap().to_owned();
    assert!(
        [
            "un",
            "escap",
            "unrcca",
            "un-counter-terrorism-executive-directorate"
        ]
        .contains(&selected.as_str()),
        "{selected}"
    );
    assert!(harness.state().organization_details_open());
}

#[test]
fn as_of_a_date_shows_how_each_relationship_stood() {
    let mut harness = app(View::Organizations);
    type_into(&mut harness, "Relationships as of", "1994");
    // The UN since 1992: held. The NAM since 1995: not yet. The EU: no date, unknown.
    harness.get_by_label_contains("On 1994: 1 held, 4 not yet, 9 unknown");
    harness.get_by_label("Member — not yet");
    let unknown = harness
        .query_all(By::new().label("Cooperation — unknown"))
        .count();
    assert_eq!(unknown, 7, "EU, OSCE, OIC, CIS, WHO, UNWTO, ECO");
    // Inside the NAM's year-precise since-date: unknown, never guessed.
    harness
        .get_by_role_and_label(Role::TextInput, "Relationships as of")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Relationships as of")
        .type_text("1995-06");
    harness.run();
    harness.get_by_label_contains("On June 1995: 1 held, 3 not yet, 10 unknown");
    harness.get_by_role_and_label(Role::Button, "Clear").click();
    harness.run();
    assert!(harness.query_by_label_contains("held, ").is_none());
}

#[test]
fn a_date_that_is_not_one_is_explained() {
    let mut harness = app(View::Organizations);
    type_into(&mut harness, "Relationships as of", "1995-13");
    harness.get_by_label_contains("has month 13, but months run from 01 to 12");
    assert!(harness.query_by_label_contains("held, ").is_none());
}

#[test]
fn the_study_panel_lists_exactly_the_organizations_of_the_open_article() {
    let mut harness = window([1600.0, 1000.0], move |mut app| {
        app.open("nam-ambassadors-briefing-2020", None);
        app
    });
    let expected = [
        "UN",
        "NAM",
        "Group of Friends of Neutrality for Peace, Security and Sustainable Development",
    ];
    for name in expected {
        assert!(has_button(&harness, name), "{name}");
    }
    for absent in [
        "SCO",
        "EU",
        "OSCE",
        "CIS",
        "ECO",
        "OIC",
        "UN General Assembly",
    ] {
        assert!(!has_button(&harness, absent), "{absent}");
    }
    harness.get_by_label("Member since 1995");
    // A name is a link to the Organizations view.
    harness.get_by_role_and_label(Role::Button, "NAM").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Organizations);
    assert_eq!(harness.state().selected_organization(), Some("nam"));
    assert!(harness.state().organization_details_open());
}

#[test]
fn the_study_panel_shows_relationships_as_of_the_selected_event() {
    let harness = window([1600.0, 1000.0], move |mut app| {
        app.open("nam-ambassadors-briefing-2020", None);
        app.focus_event("independence-of-turkmenistan");
        app
    });
    harness.get_by_label_contains("Relationships as they stood on 1991 (event: ");
    // Joined in 1992 and 1995: neither had begun in 1991.
    harness.get_by_label("Not yet — Member from 1992");
    harness.get_by_label("Not yet — Member from 1995");
}

#[test]
fn an_organization_in_the_event_card_opens_the_organizations_view() {
    let mut harness = window([1600.0, 1000.0], move |mut app| {
        app.focus_event("nam-membership");
        app.show_view(View::Timeline);
        app
    });
    harness.get_by_role_and_label(Role::Link, "NAM").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Organizations);
    assert_eq!(harness.state().selected_organization(), Some("nam"));
    harness.get_by_label("NAM · Global");
}

#[test]
fn a_filtered_out_organization_chosen_elsewhere_is_shown() {
    let mut harness = app(View::Organizations);
    type_into(&mut harness, "Filter", "turkic");
    harness.get_by_label("1 of 18 organizations");
    harness.state_mut().show_view(View::Timeline);
    harness.state_mut().focus_event("nam-membership");
    harness.run();
    harness.get_by_role_and_label(Role::Link, "NAM").click();
    harness.run();
    // The filter that hid it is cleared, so its row is there to see.
    harness.get_by_label("18 organizations");
    assert!(has_button(&harness, "Non-Aligned Movement"));
}

/// The Organizations view on the bundled unit with 250 more events of the
/// UN (`common::crowded_copy`), the UN's details open; and how many events
/// the UN has.
fn crowded_un_details() -> (Harness<'static, ReaderApp>, usize) {
    let dir = common::crowded_copy(250);
    let data = match neutrality_reader::dataset::Dataset::load_dir(dir.path()) {
        Ok(data) => std::sync::Arc::new(data),
        Err(error) => panic!("the crowded copy does not load: {error}"),
    };
    let total = data
        .events
        .iter()
        .filter(|e| e.organizations().iter().any(|o| &**o == "un"))
        .count();
    let mut harness = window_on(data, [1600.0, 1000.0], |mut app| {
        app.show_view(View::Organizations);
        app
    });
    harness
        .get_by_role_and_label(Role::Button, "United Nations")
        .click();
    harness.run();
    (harness, total)
}

/// An organization tied to a crowd of events lists them a hundred at a
/// time in its details, says how many of how many it shows, and "Show
/// more" (scrolled to and clicked, as a reader would) adds a hundred: a
/// 100,000-event unit's organization is not laid out whole in every frame.
#[test]
fn an_organization_with_many_events_lists_them_a_hundred_at_a_time() {
    let (mut harness, total) = crowded_un_details();
    assert!(total > 250, "{total}");
    harness.get_by_label(&format!("Events ({total})"));
    let crowd_listed = |harness: &Harness<'static, ReaderApp>| {
        harness
            .query_all(By::new().role(Role::Button).label_contains("Crowd event"))
            .count()
    };
    let first = crowd_listed(&harness);
    assert!(first <= 100 && first >= 100 - (total - 250), "{first}");
    harness.get_by_label(&format!("Shown: 100 of {total}"));
    let more = harness.get_by_role_and_label(Role::Button, "Show more");
    more.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Show more")
        .click();
    harness.run();
    assert_eq!(crowd_listed(&harness), first + 100);
    harness.get_by_label(&format!("Shown: 200 of {total}"));
}

/// The details' "Show more" by keyboard, as by the mouse: Tab reaches it
/// past the hundred events listed, and Enter shows a hundred more with the
/// focus on the first event it added, not lost and not on an earlier row.
#[test]
fn show_more_in_the_details_is_reached_by_tab_and_pressed_with_enter() {
    let (mut harness, total) = crowded_un_details();
    harness.get_by_label(&format!("Shown: 100 of {total}"));
    let events_listed = |harness: &Harness<'static, ReaderApp>| -> Vec<String> {
        harness
            .query_all(By::new().role(Role::Button).label_contains(" — "))
            .filter_map(|n| n.accesskit_node().label())
            .collect()
    };
    let before = events_listed(&harness);
    let presses = common::tab_to(&mut harness, "Show more", 1000);
    assert!(
        presses > 100,
        "{presses} presses: the hundred events come first"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label(&format!("Shown: 200 of {total}"));
    let after = events_listed(&harness);
    // The first event listed now that was not before.
    let first_added = after.iter().find(|label| !before.contains(label)).cloned();
    assert!(first_added.is_some());
    assert_eq!(common::focused(&harness), first_added);
}
