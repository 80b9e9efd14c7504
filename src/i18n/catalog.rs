//! One language file: a RON map from key to text, read with duplicate keys refused.

use std::collections::HashMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A language's words by key.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    strings: HashMap<String, String>,
    /// Keys in file order, so tests report them in the order an editor sees.
    order: Vec<String>,
}

/// Why a language file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file is not a RON map of strings.
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        /// The file's name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What ron found wrong.
        message: String,
    },
}

/// Entries in file order; a key given twice is an error, not a silent overwrite.
struct Entries(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from key to text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries: Vec<(String, String)> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                while let Some((key, value)) = map.next_entry::<String, String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format!(
                            "the key \"{key}\" is given twice"
                        )));
                    }
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl Catalog {
    /// Reads a language file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Catalog, CatalogError> {
        let options = ron::Options::default().with_recursion_limit(8);
        let Entries(entries) =
            options
                .from_str::<Entries>(text)
                .map_err(|err| CatalogError::Syntax {
                    file: file.to_owned(),
                    line: err.span.start.line.max(1),
                    column: err.span.start.col.max(1),
                    message: err.code.to_string(),
                })?;
        let order = entries.iter().map(|(k, _)| k.clone()).collect();
        Ok(Catalog {
            strings: entries.into_iter().collect(),
            order,
        })
    }

    /// The text for `key`, if the file has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(String::as_str)
    }

    /// Every key, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// How many keys the file has.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether the file has no keys.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_map_in_order() {
        let c = Catalog::parse("x.ron", "{ \"b.one\": \"One\", \"a.two\": \"Two\" }");
        let c = c.unwrap_or_default();
        assert_eq!(c.keys().collect::<Vec<_>>(), vec!["b.one", "a.two"]);
        assert_eq!(c.get("a.two"), Some("Two"));
    }

    #[test]
    fn a_duplicate_key_is_an_error_with_its_place() {
        let err = Catalog::parse("x.ron", "{\n  \"a\": \"1\",\n  \"a\": \"2\",\n}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("x.ron:3:"), "{err}");
        assert!(err.contains("the key \"a\" is given twice"), "{err}");
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let err = Catalog::parse("tk.ron", "{\n  \"a\": \"1\"\n  \"b\": \"2\" }")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("tk.ron:3:"), "{err}");
    }
}
