//! The unit's manifest, `dataset.ron`: what the unit is about, who wrote its
//! articles and under what licence. Optional: a unit without one is about no
//! named subject and its articles carry no licence line.

use serde::{Deserialize, Serialize};

use super::{CategoryDef, RelationshipKindDef};

/// What `dataset.ron` holds.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Dataset")]
pub struct Manifest {
    /// The unit's title, shown in the window's title and the library.
    #[serde(default)]
    pub title: Option<String>,
    /// Whose relationships the organization panel and the quiz speak of:
    /// "Turkmenistan", "Austria". Without it the quiz asks nothing that
    /// needs a subject, and no text names one.
    #[serde(default)]
    pub subject: Option<String>,
    /// The articles' language, as a code such as "en" or "de".
    #[serde(default)]
    pub language: Option<String>,
    /// Who made the unit or wrote its articles.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Per article: where it comes from and under what terms it may be used.
    #[serde(default)]
    pub articles: Vec<ArticleCredit>,
    /// The unit's own event categories, in legend order; the built-in ones
    /// when empty.
    #[serde(default)]
    pub categories: Vec<CategoryDef>,
    /// The unit's own relationship kinds; the built-in ones when empty.
    #[serde(default)]
    pub relationship_kinds: Vec<RelationshipKindDef>,
}

/// The address and licence of one article, by its id.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ArticleCredit {
    /// The article's id.
    pub id: String,
    /// The original address, when the article file gives none.
    #[serde(default)]
    pub url: Option<String>,
    /// A licence or attribution line, shown under the article and in every
    /// worksheet's sources: "CC BY 4.0, Wikipedia contributors".
    #[serde(default)]
    pub licence: Option<String>,
}

impl Manifest {
    /// The subject in the possessive, for a sentence: "Austria’s",
    /// "the Philippines’"; `None` without a subject.
    pub fn subject_possessive(&self) -> Option<String> {
        self.subject.as_deref().map(possessive)
    }
}

/// `name` in the English possessive: an apostrophe alone after a final s.
pub fn possessive(name: &str) -> String {
    let name = name.trim();
    if name.ends_with(['s', 'S']) {
        format!("{name}’")
    } else {
        format!("{name}’s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_s_takes_the_apostrophe_alone() {
        assert_eq!(possessive("Austria"), "Austria’s");
        assert_eq!(possessive("the Philippines"), "the Philippines’");
        assert_eq!(possessive(" Turkmenistan "), "Turkmenistan’s");
    }

    #[test]
    fn a_manifest_reads_with_every_field_optional() {
        let empty: Manifest = ron::from_str("Dataset()").unwrap();
        assert_eq!(empty, Manifest::default());
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let full: Manifest = options
            .from_str(
                r#"Dataset(title: "Austria 1955", subject: "Austria", language: "en",
               authors: ["A. Teacher"],
               articles: [(id: "treaty", url: "https://example.org", licence: "CC BY-SA 4.0")])"#,
            )
            .unwrap();
        assert_eq!(full.subject_possessive().as_deref(), Some("Austria’s"));
        assert_eq!(full.articles[0].licence.as_deref(), Some("CC BY-SA 4.0"));
    }
}
