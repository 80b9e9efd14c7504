//! The indexes derived from the dataset on screen (Ctrl+K's search and the
//! links in the articles' text), built on a thread of their own after the
//! dataset is on screen: on a large unit they take a second, which no frame
//! should wait for. Until they are ready the search box and the top bar say
//! they are being prepared.

use std::sync::Arc;
use std::time::Duration;

use crate::background::{Prepared, Ready};
use crate::dataset::Dataset;
use crate::links::LinkIndex;
use crate::search::SearchIndex;

/// What is derived from a dataset once and is slow on a large one (the
/// Ctrl+K index and the links: 1.1 s and 0.7 s for a 100 MB unit).
#[derive(Default)]
pub struct Indexes {
    /// The Ctrl+K search index.
    pub search: SearchIndex,
    /// The names, numbers and dates in the text that are links.
    pub links: LinkIndex,
}

impl Indexes {
    /// The indexes of `dataset`.
    pub fn of(dataset: &Dataset) -> Self {
        Self {
            search: SearchIndex::new(dataset),
            links: LinkIndex::new(dataset),
        }
    }
}

/// How long the indexes may take before the top bar says they are being
/// prepared.
pub const SAY_AFTER: Duration = Duration::from_millis(300);

/// The dataset's indexes, ready or being built.
pub struct BackgroundIndexes {
    prepared: Prepared<Indexes>,
    /// How long a poll waits for them (`None`: until they are ready, as
    /// tests want; the window does not wait).
    wait: Option<Duration>,
    /// When they were asked for, for `NEUTRALITY_READER_TIMING`.
    started: web_time::Instant,
}

impl BackgroundIndexes {
    /// Starts building the indexes of `dataset`; `ready` is called when
    /// they are done.
    pub fn start(dataset: &Arc<Dataset>, wait: Option<Duration>, ready: Option<Ready>) -> Self {
        let dataset = dataset.clone();
        Self {
            prepared: Prepared::start("dataset-indexes", move || Indexes::of(&dataset), ready),
            wait,
            started: web_time::Instant::now(),
        }
    }

    /// Takes the indexes if they are ready (waiting as set); returns
    /// whether they arrived now.
    pub fn poll(&mut self) -> bool {
        // A thread that ended without them (which it never should) leaves
        // none: the features work without, rather than wait forever.
        let arrived = self.prepared.poll(self.wait, Indexes::default);
        if arrived && std::env::var_os("NEUTRALITY_READER_TIMING").is_some() {
            eprintln!(
                "neutrality-reader: search and links ready {:.0} ms after the unit was on screen",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
        }
        arrived
    }

    /// How long polls wait (see the field).
    pub fn set_wait(&mut self, wait: Option<Duration>) {
        self.wait = wait;
    }

    /// How long polls wait.
    pub fn wait(&self) -> Option<Duration> {
        self.wait
    }

    /// The search index, once it is ready.
    pub fn search(&self) -> Option<&SearchIndex> {
        self.prepared.get().map(|i| &i.search)
    }

    /// The links, once they are ready.
    pub fn links(&self) -> Option<&LinkIndex> {
        self.prepared.get().map(|i| &i.links)
    }

    /// Whether they are still being built.
    pub fn preparing(&self) -> bool {
        self.prepared.is_preparing()
    }

    /// Whether the top bar should say they are being built, and if not yet,
    /// when to look again: a unit whose indexes take less than
    /// [`SAY_AFTER`] never flashes the words.
    pub fn to_say(&self) -> (bool, Option<Duration>) {
        if !self.preparing() {
            return (false, None);
        }
        let elapsed = self.started.elapsed();
        match SAY_AFTER.checked_sub(elapsed) {
            Some(left) if !left.is_zero() => (false, Some(left)),
            _ => (true, None),
        }
    }
}

#[cfg(test)]
impl BackgroundIndexes {
    /// Indexes that arrive when the test sends them, asked for `ago`.
    fn held(ago: Duration) -> (Self, std::sync::mpsc::Sender<Indexes>) {
        let (send, receive) = std::sync::mpsc::channel();
        let held = Self {
            prepared: Prepared::Preparing(receive),
            wait: Some(Duration::ZERO),
            started: web_time::Instant::now() - ago,
        };
        (held, send)
    }
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::ui::app::{DataOrigin, ReaderApp};

    fn window() -> Harness<'static, ReaderApp> {
        let dataset = Arc::new(Dataset::embedded().unwrap());
        Harness::builder()
            .with_size([1400.0, 900.0])
            .build_eframe(move |cc| {
                ReaderApp::new(&cc.egui_ctx, dataset, DataOrigin::default(), None)
            })
    }

    fn steps(harness: &mut Harness<'static, ReaderApp>) {
        // Not `run`: the busy sign asks for frames as long as it shows.
        for _ in 0..4 {
            harness.step();
        }
    }

    #[test]
    fn the_search_says_it_is_being_prepared_and_searches_when_it_is_ready() {
        let mut harness = window();
        let (held, send) = BackgroundIndexes::held(Duration::ZERO);
        harness.state_mut().indexes = held;
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
        steps(&mut harness);
        let preparing = tr_en("search.preparing");
        assert!(harness.query_by_label(preparing).is_some());
        harness
            .get_by_role_and_label(Role::TextInput, "Search everything")
            .type_text("Tejen");
        steps(&mut harness);
        // Typed while it is prepared: kept, nothing found yet, nor said to be.
        assert_eq!(harness.state().search_box.query, "Tejen");
        assert_eq!(hits(&harness), 0);
        assert!(harness.query_by_label("Nothing found.").is_none());
        // Not yet 0.3 s: the top bar says nothing of it.
        assert!(
            harness
                .query_by_label(tr_en("app.preparing_indexes"))
                .is_none()
        );
        let dataset = harness.state().dataset.clone();
        send.send(Indexes::of(&dataset)).unwrap();
        steps(&mut harness);
        assert!(harness.query_by_label(preparing).is_none());
        assert!(hits(&harness) > 0);
        assert!(!harness.state().indexes.preparing());
    }

    #[test]
    fn the_top_bar_says_so_only_when_it_takes_a_while() {
        let mut harness = window();
        let (held, send) = BackgroundIndexes::held(SAY_AFTER + Duration::from_millis(1));
        harness.state_mut().indexes = held;
        steps(&mut harness);
        let said = tr_en("app.preparing_indexes");
        assert!(harness.query_by_label(said).is_some());
        // The article is read meanwhile, without its links.
        assert!(harness.state().indexes.links().is_none());
        let dataset = harness.state().dataset.clone();
        send.send(Indexes::of(&dataset)).unwrap();
        steps(&mut harness);
        assert!(harness.query_by_label(said).is_none());
        assert!(
            harness
                .state()
                .indexes
                .links()
                .is_some_and(|l| !l.is_empty())
        );
    }

    #[test]
    fn a_thread_lost_leaves_empty_indexes_rather_than_a_wait_forever() {
        let mut harness = window();
        let (held, send) = BackgroundIndexes::held(Duration::ZERO);
        harness.state_mut().indexes = held;
        drop(send);
        steps(&mut harness);
        assert!(!harness.state().indexes.preparing());
        assert!(
            harness
                .state()
                .indexes
                .links()
                .is_some_and(|l| l.is_empty())
        );
    }

    /// The hits shown: buttons whose name has a line break.
    fn hits(harness: &Harness<'static, ReaderApp>) -> usize {
        harness
            .query_all(
                egui_kittest::kittest::By::new()
                    .role(Role::Button)
                    .label_contains("\n"),
            )
            .count()
    }

    /// The English text of `key` (the tests' language).
    fn tr_en(key: &'static str) -> &'static str {
        crate::i18n::set_language(crate::i18n::Language::English);
        crate::i18n::tr(key)
    }
}
