//! The timelines built once at load: one with a lane per category (the full
//! view), one with every event in a single lane (the strip under the reader).

use crate::dataset::Dataset;
use crate::timeline::{Item, TimeSpan, Timeline, layout::shape_of};

/// Timelines over the dataset's events; `Item::event` indexes `Dataset::events`.
#[derive(Clone, Debug)]
pub struct TimelineIndex {
    /// A lane per category.
    pub by_category: Timeline,
    /// Everything in lane 0.
    pub single_lane: Timeline,
    /// How many events each category has, by lane (its place in
    /// [`Dataset::categories`]).
    pub category_counts: Vec<usize>,
    /// Indices of the organizations that some event involves, sorted by the
    /// name the filter shows (see [`name_order`]).
    pub organizations_with_events: Vec<usize>,
}

impl TimelineIndex {
    /// Builds both timelines from the dataset's events.
    pub fn new(dataset: &Dataset) -> Self {
        let items: Vec<Item> = dataset
            .events
            .iter()
            .enumerate()
            .map(|(event, e)| Item {
                event,
                span: TimeSpan::of(&e.date),
                shape: shape_of(&e.date),
                lane: dataset.category_lane(&e.category),
                label_chars: e.title.chars().count(),
            })
            .collect();
        let single: Vec<Item> = items
            .iter()
            .map(|item| Item {
                lane: 0,
                ..item.clone()
            })
            .collect();
        let mut category_counts = vec![0; dataset.categories.len()];
        for event in &dataset.events {
            if let Some(count) = category_counts.get_mut(dataset.category_lane(&event.category)) {
                *count += 1;
            }
        }
        let involved: std::collections::HashSet<&str> = dataset
            .events
            .iter()
            .flat_map(|e| e.organizations.iter().map(String::as_str))
            .collect();
        let mut organizations_with_events: Vec<(NameKey, usize)> = dataset
            .organizations
            .iter()
            .enumerate()
            .filter(|(_, o)| involved.contains(o.id.as_str()))
            .map(|(i, o)| (name_order(o.short_name()), i))
            .collect();
        organizations_with_events.sort();
        let organizations_with_events = organizations_with_events
            .into_iter()
            .map(|(_, i)| i)
            .collect();
        Self {
            by_category: Timeline::new(items),
            single_lane: Timeline::new(single),
            category_counts,
            organizations_with_events,
        }
    }
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
                .organizations_with_events
                .iter()
                .filter_map(|&i| dataset.organizations.get(i))
                .map(|o| o.short_name().to_lowercase())
                .collect();
            assert!(names.len() > 1);
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
