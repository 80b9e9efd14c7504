//! The Study strip never hides the open article's own events: for every
//! article of the bundled dataset, opened in Study at the window sizes people
//! start with, each of its events is drawn on the strip as a node of its own
//! (others may gather into chips).

use crate::window;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::command::View;

#[test]
fn every_article_shows_all_its_events_on_the_strip() {
    let dataset = Dataset::embedded().unwrap();
    let mut missing = Vec::new();
    for size in [[1024.0, 700.0], [1280.0, 800.0], [1920.0, 1080.0]] {
        for article in &dataset.articles {
            let id = article.id.clone();
            let harness = window::window(size, move |mut app| {
                app.show_view(View::Study);
                app.open(&id, None);
                app
            });
            for &index in dataset.event_indices_of_article(&article.id) {
                let event = dataset.events.get(index).unwrap();
                let label = format!("{}: {}", event.date.human(), event.title);
                if harness
                    .query_by_role_and_label(Role::Button, &label)
                    .is_none()
                {
                    missing.push(format!("{size:?} {}: {}", article.id, event.id));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not drawn on the strip:\n{}",
        missing.join("\n")
    );
}
