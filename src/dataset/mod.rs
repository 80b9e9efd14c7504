//! Loading a dataset (the embedded one or a folder), validating it, and the
//! indexes the views need, built once at load.

pub mod archive;
// The cache of validated units: files, which the browser does not have.
#[cfg(not(target_arch = "wasm32"))]
pub mod cache;
mod export;
pub mod fast_ron;
mod files;
pub mod glyphs;
pub mod held_units;
mod ids;
pub mod images;
pub mod lint;
mod locate;
mod manifest;
pub mod open_file;
mod parallel;
mod parse;
mod problem;
mod saved_text;
pub mod starter;
mod suggest;
mod timelinejs;
// Benchmark and test data only: the shipped library leaves it out unless the
// `synthetic` feature asks for it (the benchmarks do), while the crate's own
// unit tests always have it.
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
mod validate;

use std::collections::HashMap;
use std::path::Path;

pub use export::{to_json, write_json};
pub use files::{
    DataFile, DataFiles, EMBEDDED_ARTICLES, MANIFEST_FILE, MAX_ARTICLES, MAX_FILE_BYTES,
    MAX_RECORD_FILE_BYTES, MAX_TOTAL_BYTES, RECORD_FILES, is_hidden_or_editor_file, refusal,
};
pub use images::ImageSource;
pub use locate::Locator;
pub use parallel::leave_a_core;
pub use problem::{LoadError, Problem};
pub use timelinejs::to_timelinejs;
pub use validate::{is_kebab_case, normalize_space};

use crate::model::{
    Article, Category, CategoryKey, Event, Fact, GlossaryTerm, Manifest, Organization, Person,
    unit_categories,
};
use ids::IdOrder;
use parse::parse_file;
use validate::{Parsed, validate};

/// A loaded and validated dataset, with its indexes.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Articles, oldest first.
    pub articles: Vec<Article>,
    /// Events, in chronological order.
    pub events: Vec<Event>,
    /// Organizations, in file order.
    pub organizations: Vec<Organization>,
    /// People, in file order.
    pub people: Vec<Person>,
    /// Numeric facts, in file order.
    pub facts: Vec<Fact>,
    /// Glossary terms, in file order.
    pub glossary: Vec<GlossaryTerm>,
    /// Where the articles' images are read from.
    pub images: ImageSource,
    /// The unit's title, subject and credits (`dataset.ron`); the default
    /// when it has none.
    pub manifest: Manifest,
    /// The event categories, in legend order: the manifest's, or the
    /// built-in ones. An event's lane is its category's place here.
    pub categories: Vec<Category>,
    index: Index,
}

/// A unit's records once checked, sorted and credited, for
/// [`Dataset::assembled`].
struct Records {
    articles: Vec<Article>,
    events: Vec<Event>,
    organizations: Vec<Organization>,
    people: Vec<Person>,
    facts: Vec<Fact>,
    glossary: Vec<GlossaryTerm>,
    images: ImageSource,
    manifest: Manifest,
}

/// Look-ups from ids and articles to records, built once at load.
#[derive(Clone, Debug, Default)]
struct Index {
    articles: IdOrder,
    events: IdOrder,
    organizations: IdOrder,
    people: IdOrder,
    categories: HashMap<String, usize>,
    events_by_article: HashMap<String, Vec<usize>>,
    organizations_by_article: HashMap<String, Vec<usize>>,
}

/// `items` in the order of `key`, then of `tie` where keys are equal.
/// Sorting 100,000 events in place moved each many times and compared their
/// ids at every step (65 ms; BENCHMARKS.md, "Issue 20: parsing"): the small
/// keys are sorted side by side instead, a record looked at only to break a
/// tie, and the records then swapped into place along the permutation's
/// cycles, without a second list of them in memory.
fn sorted_by_key<T, K: Ord + Copy>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> K,
    tie: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut order: Vec<(K, usize)> = items.iter().map(key).zip(0..).collect();
    order.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| tie(&items[a.1], &items[b.1])));
    // Place `to` takes the record at `order[to]`: follow each cycle once,
    // marking each place done as it is filled.
    let mut from: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    for start in 0..from.len() {
        let mut to = start;
        while from[to] != usize::MAX {
            let next = from[to];
            from[to] = usize::MAX;
            if next == start {
                break;
            }
            items.swap(to, next);
            to = next;
        }
    }
    items
}

fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item).to_owned(), i))
        .collect()
}

impl Dataset {
    /// The dataset compiled into the binary.
    pub fn embedded() -> Result<Self, LoadError> {
        let images = ImageSource::Embedded(files::EMBEDDED_ASSETS);
        Self::from_files_and_images(&DataFiles::embedded(), images)
    }

    /// Reads, parses and validates the dataset in folder `dir`.
    pub fn load_dir(dir: &Path) -> Result<Self, LoadError> {
        let images = ImageSource::folder(dir);
        Self::from_files_and_images(&DataFiles::read_dir(dir)?, images)
    }

    /// Reads, parses and validates the dataset in folder `dir`, or reads it
    /// back from `cache_dir` when it was validated there before with
    /// exactly these files (see `cache.rs`); a unit loaded afresh is kept
    /// there for next time. `check` does not use it: it always checks.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_dir_cached(dir: &Path, cache_dir: Option<&Path>) -> Result<Self, LoadError> {
        cache::load_dir_cached(dir, cache_dir)
    }

    /// Parses and validates a dataset's files, reporting every problem found.
    /// They come without a folder, so images are checked by their paths only.
    pub fn from_files(files: &DataFiles) -> Result<Self, LoadError> {
        Self::from_files_and_images(files, ImageSource::Unavailable)
    }

    /// Parses and validates a dataset's files, with its images read from `images`.
    pub fn from_files_and_images(
        files: &DataFiles,
        images: ImageSource,
    ) -> Result<Self, LoadError> {
        let threads = parallel::threads();
        let [
            events_file,
            organizations_file,
            people_file,
            facts_file,
            glossary_file,
        ] = &files.records;
        let mut article_slots: Vec<(&DataFile, Option<Article>, Vec<Problem>)> = files
            .articles
            .iter()
            .map(|f| (f, None, Vec::new()))
            .collect();
        let mut events = parallel::List::<Event>::new(events_file, threads);
        let mut organizations = parallel::List::<Organization>::new(organizations_file, threads);
        let mut people = parallel::List::<Person>::new(people_file, threads);
        let mut facts = parallel::List::<Fact>::new(facts_file, threads);
        let mut glossary = parallel::List::<GlossaryTerm>::new(glossary_file, threads);
        {
            let mut jobs: Vec<(usize, parallel::Job<'_>)> = Vec::new();
            for (file, slot, problems) in &mut article_slots {
                let file: &DataFile = file;
                let job = move || *slot = parse_file::<Article>(file, problems);
                jobs.push((file.text.len(), Box::new(job)));
            }
            events.jobs(&mut jobs);
            organizations.jobs(&mut jobs);
            people.jobs(&mut jobs);
            facts.jobs(&mut jobs);
            glossary.jobs(&mut jobs);
            parallel::run_sized(jobs, threads);
        }
        let mut problems = Vec::new();
        let mut articles = Vec::with_capacity(article_slots.len());
        for (file, article, article_problems) in article_slots {
            problems.extend(article_problems);
            articles.extend(article.map(|a| (file, a)));
        }
        let events = events.finish(&mut problems);
        let organizations = organizations.finish(&mut problems);
        let people = people.finish(&mut problems);
        let facts = facts.finish(&mut problems);
        let glossary = glossary.finish(&mut problems);
        let manifest = manifest::read(files.manifest.as_ref(), &mut problems);
        let (
            Some(events),
            Some(organizations),
            Some(people),
            Some(facts),
            Some(glossary),
            Some(manifest),
        ) = (events, organizations, people, facts, glossary, manifest)
        else {
            return Err(LoadError::sorted(problems));
        };
        if !problems.is_empty() {
            return Err(LoadError::sorted(problems));
        }
        let parsed = Parsed {
            articles,
            events: (events_file, events),
            organizations: (organizations_file, organizations),
            people: (people_file, people),
            facts: (facts_file, facts),
            glossary: (glossary_file, glossary),
            images: &images,
        };
        let mut problems = validate(&parsed);
        problems.extend(manifest::check(
            &manifest,
            files.manifest.as_ref(),
            &parsed.articles,
        ));
        let categories = unit_categories(&manifest.categories);
        problems.extend(manifest::check_categories(
            &manifest,
            files.manifest.as_ref(),
            &categories,
            parsed.events.0,
            &parsed.events.1,
        ));
        let mut organizations = parsed.organizations.1;
        problems.extend(manifest::resolve_relationship_kinds(
            &manifest,
            files.manifest.as_ref(),
            parsed.organizations.0,
            &mut organizations,
        ));
        if !problems.is_empty() {
            return Err(LoadError::sorted(problems));
        }
        let mut articles: Vec<Article> = parsed.articles.into_iter().map(|(_, a)| a).collect();
        manifest::credit(&manifest, &mut articles);
        articles.sort_by(|a, b| a.published.cmp(&b.published).then_with(|| a.id.cmp(&b.id)));
        let events = sorted_by_key(parsed.events.1, |e| e.date, |a, b| a.id.cmp(&b.id));
        Ok(Self::assembled(Records {
            articles,
            events,
            organizations,
            people: parsed.people.1,
            facts: parsed.facts.1,
            glossary: parsed.glossary.1,
            images,
            manifest,
        }))
    }

    /// The dataset of records already checked, sorted and credited: its
    /// categories and indexes built.
    fn assembled(records: Records) -> Self {
        let categories = unit_categories(&records.manifest.categories);
        let mut dataset = Self {
            articles: records.articles,
            events: records.events,
            organizations: records.organizations,
            people: records.people,
            facts: records.facts,
            glossary: records.glossary,
            images: records.images,
            manifest: records.manifest,
            categories,
            index: Index::default(),
        };
        dataset.build_index();
        dataset
    }

    fn build_index(&mut self) {
        let mut index = Index {
            articles: IdOrder::new(&self.articles, |a| &a.id),
            events: IdOrder::new(&self.events, |e| &e.id),
            organizations: IdOrder::new(&self.organizations, |o| &o.id),
            people: IdOrder::new(&self.people, |p| &p.id),
            categories: positions(&self.categories, |c| c.key.as_str()),
            ..Index::default()
        };
        for (i, event) in self.events.iter().enumerate() {
            for source in &event.sources {
                let list = index
                    .events_by_article
                    .entry(source.article.clone())
                    .or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        // An organization is in an article when the article is one of its
        // sources, states one of its relationships, or states a figure about
        // it: the places the organization panel lists as mentions.
        for (i, organization) in self.organizations.iter().enumerate() {
            let relationships = organization.relationships.iter().map(|r| &r.source);
            let facts = self
                .facts
                .iter()
                .filter(|f| f.organizations.contains(&organization.id))
                .flat_map(|f| &f.sources);
            for source in organization
                .sources
                .iter()
                .chain(relationships)
                .chain(facts)
            {
                let list = index
                    .organizations_by_article
                    .entry(source.article.clone())
                    .or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        for list in index.organizations_by_article.values_mut() {
            list.sort_unstable();
        }
        self.index = index;
    }

    /// The unit's subject ("Turkmenistan", "Austria"), when its manifest names one.
    pub fn subject(&self) -> Option<&str> {
        self.manifest.subject.as_deref().map(str::trim)
    }

    /// The place in [`Self::categories`] of the category `key` (its lane);
    /// 0 for a name the unit lacks, which validation does not let through.
    pub fn category_lane(&self, key: &CategoryKey) -> usize {
        self.index
            .categories
            .get(key.as_str())
            .copied()
            .unwrap_or(0)
    }

    /// The category of `event`.
    pub fn category_of(&self, event: &Event) -> Option<&Category> {
        self.categories.get(self.category_lane(&event.category))
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        let at = self.index.articles.find(&self.articles, |a| &a.id, id)?;
        self.articles.get(at)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        let at = self.index.events.find(&self.events, |e| &e.id, id)?;
        self.events.get(at)
    }

    /// The organization with this id.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.get(self.organization_index(id)?)
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        let at = self.index.people.find(&self.people, |p| &p.id, id)?;
        self.people.get(at)
    }

    /// Events that cite the article, in chronological order.
    pub fn events_of_article(&self, article: &str) -> impl Iterator<Item = &Event> {
        self.index
            .events_by_article
            .get(article)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.events.get(i))
    }

    /// Indices into [`Self::events`] of the events that cite the article, in order.
    pub fn event_indices_of_article(&self, article: &str) -> &[usize] {
        self.index
            .events_by_article
            .get(article)
            .map_or(&[], Vec::as_slice)
    }

    /// Indices into [`Self::organizations`] of the organizations the article
    /// mentions, in file order.
    pub fn organization_indices_of_article(&self, article: &str) -> &[usize] {
        self.index
            .organizations_by_article
            .get(article)
            .map_or(&[], Vec::as_slice)
    }

    /// The index into [`Self::organizations`] of the organization with this id.
    pub fn organization_index(&self, id: &str) -> Option<usize> {
        self.index
            .organizations
            .find(&self.organizations, |o| &o.id, id)
    }

    /// Organizations that the article mentions, in file order.
    pub fn organizations_of_article(&self, article: &str) -> impl Iterator<Item = &Organization> {
        self.index
            .organizations_by_article
            .get(article)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.organizations.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_dataset_validates() {
        if let Err(err) = Dataset::embedded() {
            panic!("{err}");
        }
    }

    proptest::proptest! {
        /// Records come out as a sort by key then tie would put them.
        #[test]
        fn records_are_sorted_by_key_then_tie(
            items in proptest::collection::vec((0..20u8, "[a-c]{0,2}", 0..1000u32), 0..300)
        ) {
            let mut expected = items.clone();
            expected.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            let sorted = sorted_by_key(items, |i| i.0, |a, b| a.1.cmp(&b.1));
            proptest::prop_assert_eq!(sorted, expected);
        }
    }

    #[test]
    fn the_embedded_article_list_matches_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| format!("articles/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        assert_eq!(on_disk, EMBEDDED_ARTICLES);
    }
}
