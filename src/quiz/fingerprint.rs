//! A dataset's short fingerprint, which a quiz code carries so that a code
//! taken to another dataset says so rather than silently making another quiz.
//!
//! Two parts of five bits each (one code character each):
//!
//! * **identity**: the dataset's articles, by id. A teacher's own unit and
//!   the bundled dataset differ here; adding a glossary term or fixing a
//!   date does not change it.
//! * **content**: everything the dataset holds, as exported to JSON. Any
//!   edit changes it (with one chance in 32 of not doing so).
//!
//! Five bits are few: one unrelated dataset in 32 shares an identity. They
//! are there to catch the common mistake, not to authenticate.

use crate::dataset::{Dataset, write_json};

/// The two parts of a dataset's fingerprint, each below 32.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Fingerprint {
    /// From the articles' ids.
    pub identity: u8,
    /// From the whole dataset.
    pub content: u8,
}

/// How a code's dataset compares with the one it is entered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetMatch {
    /// The same dataset: the same quiz.
    Same,
    /// The same articles, but records were changed since the code was made:
    /// questions about unchanged records stay, others may differ.
    Edited,
    /// Another dataset: the code makes another quiz.
    Other,
}

/// FNV-1a, 64 bits: small and the same everywhere.
fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash = Fnv(FNV_START);
    for b in bytes {
        hash.add(b);
    }
    hash.0
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over whatever is written to it: the dataset's JSON is hashed as
/// it is written, never held whole (100,000 events: some 700 MB as a
/// `Value`, and a second to build).
struct Fnv(u64);

impl Fnv {
    fn add(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
}

impl std::io::Write for Fnv {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        bytes.iter().for_each(|&b| self.add(b));
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Folds 64 bits into 5.
fn five_bits(hash: u64) -> u8 {
    let mixed = (hash ^ (hash >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((mixed ^ (mixed >> 32)) & 31) as u8
}

impl Fingerprint {
    /// The fingerprint of `dataset`.
    pub fn of(dataset: &Dataset) -> Self {
        let mut ids: Vec<&str> = dataset.articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        let identity = fnv(ids.join("\n").into_bytes());
        let mut content = Fnv(FNV_START);
        // Writing to the hash cannot fail; a dataset serde_json cannot
        // write (never: it holds only texts and numbers) hashes what was written.
        let _ = write_json(dataset, &mut content);
        let content = content.0;
        Self {
            identity: five_bits(identity),
            content: five_bits(content),
        }
    }

    /// How a code made on a dataset of fingerprint `self` fits `current`.
    pub fn compare(self, current: Fingerprint) -> DatasetMatch {
        if self.identity != current.identity {
            DatasetMatch::Other
        } else if self.content != current.content {
            DatasetMatch::Edited
        } else {
            DatasetMatch::Same
        }
    }
}

/// What to say, in English for the command line, of a code entered on
/// `dataset` that was made on another dataset or another version of it: the
/// quiz is made all the same. `None` when it was made on this one.
pub fn code_warning(
    code: &super::QuizCode,
    dataset: &crate::dataset::Dataset,
) -> Option<&'static str> {
    match code.fingerprint().compare(Fingerprint::of(dataset)) {
        DatasetMatch::Same => None,
        DatasetMatch::Edited => Some(
            "this code was made on another version of this dataset: questions about records changed since may differ from the ones it was shared with",
        ),
        DatasetMatch::Other => Some(
            "this code was made on another dataset: on this one it makes a different quiz from the one it was shared with",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::to_json;

    /// Hashed as the JSON is written, the fingerprint is the one of the
    /// whole JSON text, as quiz codes already made carry it.
    #[test]
    fn the_fingerprint_is_that_of_the_whole_json_text() {
        let dataset = Dataset::embedded().unwrap();
        let whole = fnv(to_json(&dataset).to_string().into_bytes());
        assert_eq!(Fingerprint::of(&dataset).content, five_bits(whole));
        let mut edited = dataset.clone();
        edited.events.truncate(3);
        let whole = fnv(to_json(&edited).to_string().into_bytes());
        assert_eq!(Fingerprint::of(&edited).content, five_bits(whole));
    }
}
