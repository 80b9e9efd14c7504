//! The timelines built once at load: one with a lane per category (the full
//! view), one with every event in a single lane (the strip under the reader).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::dataset::Dataset;
use crate::timeline::{Item, TimeSpan, Timeline, layout::shape_of};

/// Timelines over the dataset's events; `Item::event` indexes `Dataset::events`.
#[derive(Clone, Debug)]
pub struct TimelineIndex {
    /// A lane per category.
    pub by_category: Timeline,
    /// Everything in lane 0, made when the Study strip first asks for it
    /// (not on the way to the Timeline's first frame).
    single_lane: OnceLock<Timeline>,
    /// How many events each category has, by lane (its place in
    /// [`Dataset::categories`]).
    pub category_counts: Vec<usize>,
    /// Indices of the organizations that some event involves, sorted by the
    /// name the filter shows (see [`name_order`]); worked out when the
    /// filter's list is first opened, not at load.
    organizations_with_events: OnceLock<Vec<usize>>,
}

impl TimelineIndex {
    /// Builds both timelines from the dataset's events. It is on the way to
    /// a large unit's first frame, so each event is looked at once, its
    /// category found without hashing its text with SipHash.
    pub fn new(dataset: &Dataset) -> Self {
        let lanes: FxHashMap<&str, usize> = dataset
            .categories
            .iter()
            .enumerate()
            .map(|(lane, c)| (c.key.as_str(), lane))
            .collect();
        let mut category_counts = vec![0; dataset.categories.len()];
        let mut items = Vec::with_capacity(dataset.events.len());
        for (event, e) in dataset.events.iter().enumerate() {
            // As `Dataset::category_lane`: an unknown key (never, once
            // checked) goes to the first lane, as would one past the 16
            // bits of `Item::lane` (a unit has at most 40 categories).
            let lane = lanes
                .get(e.category.as_str())
                .copied()
                .filter(|&lane| u16::try_from(lane).is_ok())
                .unwrap_or(0);
            if let Some(count) = category_counts.get_mut(lane) {
                *count += 1;
            }
            let item = Item {
                event,
                span: TimeSpan::of(&e.date),
                shape: shape_of(&e.date),
                lane: u16::try_from(lane).unwrap_or(0),
                label_chars: u16::try_from(e.title.chars().count()).unwrap_or(u16::MAX),
            };
            items.push(item);
        }
        Self {
            by_category: Timeline::new(items),
            single_lane: OnceLock::new(),
            category_counts,
            organizations_with_events: OnceLock::new(),
        }
    }

    /// Every event in lane 0, for the Study strip.
    pub fn single_lane(&self) -> &Timeline {
        self.single_lane
            .get_or_init(|| self.by_category.in_one_lane())
    }

    /// Indices of the organizations that some event involves, sorted by the
    /// name the filter shows (see [`name_order`]).
    pub fn organizations_with_events(&self, dataset: &Dataset) -> &[usize] {
        self.organizations_with_events
            .get_or_init(|| organizations_with_events(dataset))
    }
}

/// The organizations some event of `dataset` involves, in the filter's order.
fn organizations_with_events(dataset: &Dataset) -> Vec<usize> {
    let positions: FxHashMap<&str, usize> = dataset
        .organizations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut involved = vec![false; dataset.organizations.len()];
    for id in dataset.events.iter().flat_map(|e| e.organizations()) {
        if let Some(&i) = positions.get(&**id)
            && let Some(seen) = involved.get_mut(i)
        {
            *seen = true;
        }
    }
    let mut named: Vec<(NameKey, usize)> = dataset
        .organizations
        .iter()
        .enumerate()
        .filter(|(i, _)| involved.get(*i).copied().unwrap_or(false))
        .map(|(i, o)| (name_order(o.short_name()), i))
        .collect();
    named.sort();
    named.into_iter().map(|(_, i)| i).collect()
}

/// A name's place in a sorted list: letters without their accents and case
/// first ("Ýaşyl" next to "Yaşyl", "ÖSHA" with "OSHA", "éco" before "z"),
/// then with case ignored, then exactly, so the order is total.
pub type NameKey = (String, String, String);

/// The sort key of `name` (see [`NameKey`]).
pub fn name_order(name: &str) -> NameKey {
    let lower = name.to_lowercase();
    let base = lower.chars().map(base_letter).collect();
    (base, lower, name.to_owned())
}

/// A lower-case letter without its accent, for the Latin letters of
/// Turkmen, Russian's ё and the common Western European ones.
fn base_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ň' | 'ñ' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ş' | 'š' | 'ś' => 's',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        'ё' => 'е',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organizations_filter_lists_names_in_order() {
        let example =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
        for dataset in [Dataset::embedded(), Dataset::load_dir(&example)] {
            let Ok(dataset) = dataset else {
                panic!("a bundled dataset does not load");
            };
            let index = TimelineIndex::new(&dataset);
            let names: Vec<String> = index
                .organizations_with_events(&dataset)
                .iter()
                .filter_map(|&i| dataset.organizations.get(i))
                .map(|o| o.short_name().to_lowercase())
                .collect();
            assert!(names.len() > 1);
            // Exactly the organizations some event names.
            let involved = dataset
                .organizations
                .iter()
                .filter(|o| {
                    dataset
                        .events
                        .iter()
                        .any(|e| e.organizations().iter().any(|p| **p == *o.id))
                })
                .count();
            assert_eq!(names.len(), involved);
            for pair in names.windows(2) {
                let [a, b] = pair else { unreachable!() };
                assert!(name_order(a) <= name_order(b), "{a} before {b}");
            }
        }
    }

    #[test]
    fn names_sort_ignoring_case_and_accents() {
        let mut names = vec![
            "zeta", "Éco", "eco", "ECO", "Ýaşyl", "Yasyl", "alpha", "Öňe",
        ];
        names.sort_by_key(|n| name_order(n));
        assert_eq!(
            names,
            vec![
                "alpha", "ECO", "eco", "Éco", "Öňe", "Yasyl", "Ýaşyl", "zeta"
            ]
        );
    }
}
