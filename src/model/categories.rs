//! Event categories: the built-in list, or the unit's own from its manifest
//! (a unit on a war needs "Battle" and "Treaty", not "UN resolution").

use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::EventCategory;

/// An event's category as the data file writes it: a name without quotes,
/// such as `Summit`, that is one of the unit's categories.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CategoryKey(Arc<str>);

/// How many names a thread shares (see [`CategoryKey::named`]): a unit has
/// a handful of categories; a hostile file with more only shares fewer.
const SHARED_NAMES: usize = 64;

thread_local! {
    /// The names read so far on this thread, each held once.
    static NAMES: RefCell<Vec<Arc<str>>> = const { RefCell::new(Vec::new()) };
}

impl CategoryKey {
    /// The key `name`. Read 100,000 times from a large unit's events, the
    /// same few names share one allocation rather than one each (3 MB).
    pub fn named(name: &str) -> Self {
        let shared = NAMES.with(|names| {
            let mut names = names.try_borrow_mut().ok()?;
            if let Some(known) = names.iter().find(|n| ***n == *name) {
                return Some(known.clone());
            }
            (names.len() < SHARED_NAMES).then(|| {
                let new: Arc<str> = name.into();
                names.push(new.clone());
                new
            })
        });
        Self(shared.unwrap_or_else(|| name.into()))
    }

    /// The name as written: "Summit".
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the built-in `category`.
    pub fn is(&self, category: EventCategory) -> bool {
        *self.0 == *category.name()
    }
}

impl From<EventCategory> for CategoryKey {
    fn from(category: EventCategory) -> Self {
        Self::named(category.name())
    }
}

impl<'de> Deserialize<'de> for CategoryKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = CategoryKey;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a category's name, such as `Summit`")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<CategoryKey, E> {
                Ok(CategoryKey::named(name))
            }
        }
        // RON reads a bare word as an identifier: `category: Summit`, as the
        // built-in categories have always been written. A binary format
        // (the cache of validated units) has no identifiers: a text there.
        if deserializer.is_human_readable() {
            deserializer.deserialize_identifier(Name)
        } else {
            deserializer.deserialize_str(Name)
        }
    }
}

impl Serialize for CategoryKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A category the manifest defines.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    /// The name events write, without quotes: `Battle`.
    pub key: CategoryKey,
    /// The name people read: "Battle".
    pub label: String,
    /// Its colour on the timeline, "#rrggbb"; one of the built-in palette's
    /// when left out.
    #[serde(default)]
    pub colour: Option<String>,
}

/// One of a unit's categories, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// The name events write: "Summit".
    pub key: CategoryKey,
    /// The name people read, in English or the unit's language.
    pub label: String,
    /// Its colour on a light page.
    pub rgb: [u8; 3],
    /// The built-in category it is, when the unit uses the built-in list
    /// (whose names the interface translates).
    pub builtin: Option<EventCategory>,
}

impl Category {
    /// A stable kebab-case name for exports: the built-in's key, else the
    /// name with a hyphen before each capital ("InternationalYear" →
    /// "international-year").
    pub fn export_key(&self) -> String {
        if let Some(builtin) = self.builtin {
            return builtin.key().to_owned();
        }
        let mut out = String::new();
        for (i, c) in self.key.as_str().chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push('-');
            }
            out.extend(c.to_lowercase());
        }
        out
    }
}

/// The built-in categories, in legend order.
pub fn builtin_categories() -> Vec<Category> {
    EventCategory::ALL
        .into_iter()
        .map(|category| Category {
            key: category.into(),
            label: category.label().to_owned(),
            rgb: category.rgb(),
            builtin: Some(category),
        })
        .collect()
}

/// The unit's categories: those the manifest defines, in its order, each
/// without a colour taking the built-in palette's colour of its place; the
/// built-in list when it defines none.
pub fn unit_categories(defined: &[CategoryDef]) -> Vec<Category> {
    if defined.is_empty() {
        return builtin_categories();
    }
    defined
        .iter()
        .enumerate()
        .map(|(i, def)| Category {
            key: def.key.clone(),
            label: def.label.trim().to_owned(),
            rgb: def
                .colour
                .as_deref()
                .and_then(parse_colour)
                .unwrap_or_else(|| EventCategory::ALL[i % EventCategory::ALL.len()].rgb()),
            builtin: None,
        })
        .collect()
}

/// "#1f77b4" as its three bytes; `None` for anything else.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_is_six_hex_digits_after_a_hash() {
        assert_eq!(parse_colour("#1f77B4"), Some([0x1f, 0x77, 0xb4]));
        assert_eq!(parse_colour(" #000000 "), Some([0, 0, 0]));
        for bad in ["1f77b4", "#1f77b", "#1f77b4a", "#gg0000", "#ÿÿÿ", ""] {
            assert_eq!(parse_colour(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_unit_without_categories_has_the_built_in_ones() {
        let categories = unit_categories(&[]);
        assert_eq!(categories.len(), EventCategory::ALL.len());
        assert!(categories.iter().all(|c| c.builtin.is_some()));
        assert_eq!(categories[0].export_key(), "un-resolution");
    }

    #[test]
    fn a_units_categories_keep_their_order_labels_and_colours() {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let defs: Vec<CategoryDef> = options
            .from_str(
                r##"[(key: Battle, label: "Battle", colour: "#aa0000"), (key: PeaceTreaty, label: " Peace treaty ")]"##,
            )
            .unwrap();
        let categories = unit_categories(&defs);
        assert_eq!(categories[0].rgb, [0xaa, 0, 0]);
        assert_eq!(categories[1].label, "Peace treaty");
        assert_eq!(categories[1].rgb, EventCategory::ALL[1].rgb());
        assert_eq!(categories[1].export_key(), "peace-treaty");
        assert!(categories.iter().all(|c| c.builtin.is_none()));
    }

    #[test]
    fn a_category_is_read_as_a_bare_name() {
        let key: CategoryKey = ron::from_str("UnResolution").unwrap();
        assert!(key.is(EventCategory::UnResolution));
        assert!(ron::from_str::<CategoryKey>("\"Summit\"").is_err());
    }
}
