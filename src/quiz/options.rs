//! What a quiz is made of: its seed, its length, its topics and its difficulty.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

// The two limits of a shareable quiz live here, with the options they limit,
// so that options.rs needs nothing from code.rs and only code.rs imports options.
/// Bits of the seed a quiz code holds.
pub const SEED_BITS: u32 = 20;
/// The most questions a quiz code can ask for.
pub const MAX_COUNT: usize = 64;

/// A family of questions. Every [`super::QuestionKind`] belongs to exactly one,
/// so that choosing topics chooses kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    /// When events happened, which came first, their order.
    Events,
    /// UN General Assembly resolutions: number, subject and date.
    Resolutions,
    /// Acronyms and Turkmenistan's relationships to organizations.
    Organizations,
    /// Who held which role.
    People,
    /// Numbers with their as-of dates.
    Figures,
    /// Terms and their definitions.
    Glossary,
    /// Key sentences with a blank to fill.
    Sentences,
}

impl Topic {
    /// Every topic, in menu order. [`super::QuizCode`] stores a topic set as
    /// one bit per entry of this list, so its order must never change.
    pub const ALL: [Topic; 7] = [
        Topic::Events,
        Topic::Resolutions,
        Topic::Organizations,
        Topic::People,
        Topic::Figures,
        Topic::Glossary,
        Topic::Sentences,
    ];

    /// A label for people: "Events", "UN resolutions", ….
    pub fn label(self) -> &'static str {
        match self {
            Topic::Events => "Events",
            Topic::Resolutions => "UN resolutions",
            Topic::Organizations => "Organizations",
            Topic::People => "People",
            Topic::Figures => "Figures",
            Topic::Glossary => "Glossary",
            Topic::Sentences => "Key sentences",
        }
    }

    /// A stable lower-case name for the command line (`--topics events,figures`).
    pub fn key(self) -> &'static str {
        match self {
            Topic::Events => "events",
            Topic::Resolutions => "resolutions",
            Topic::Organizations => "organizations",
            Topic::People => "people",
            Topic::Figures => "figures",
            Topic::Glossary => "glossary",
            Topic::Sentences => "sentences",
        }
    }

    /// The topic whose [`Self::key`] is `key`, ignoring case and surrounding spaces.
    pub fn from_key(key: &str) -> Option<Topic> {
        let key = key.trim();
        Topic::ALL
            .into_iter()
            .find(|topic| topic.key().eq_ignore_ascii_case(key))
    }

    /// A comma-separated list of keys, `"events, figures"`, as a set. An empty
    /// text gives the empty set, which [`QuizOptions`] reads as every topic.
    pub fn parse_list(text: &str) -> Result<BTreeSet<Topic>, TopicError> {
        text.split(',')
            .map(str::trim)
            .filter(|key| !key.is_empty())
            .map(str::parse)
            .collect()
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> String {
    all.iter()
        .map(|&item| key(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A word that names no topic.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a quiz topic; choose from {list}", list = keys(&Topic::ALL, Topic::key))]
pub struct TopicError(pub String);

impl FromStr for Topic {
    type Err = TopicError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Topic::from_key(text).ok_or_else(|| TopicError(text.trim().to_owned()))
    }
}

/// How close the wrong options sit to the right one.
///
/// * Years: Easy puts them 3 to 12 years away, Normal 1 to 7 (the same decade
///   first), Hard 1 to 3.
/// * Months and days: Hard takes neighbouring months and days of the same
///   month, Easy months at least three away.
/// * Numbers: steps of about 30 % (Easy), 15 % (Normal) or 7 % (Hard) of the
///   answer; ordinals 2 to 10, 1 to 5 or 1 to 2 apart.
/// * Organizations, people and resolutions: Normal and Hard prefer ones of the
///   same kind (the same kind of organization, the same date, the resolutions
///   nearest in time); Easy takes any.
/// * Which came first and ordering: Easy wants events five years apart or
///   more (three between neighbours, when ordering four), Hard takes
///   neighbours on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Difficulty {
    /// Wrong options far from the answer.
    Easy,
    /// The default.
    #[default]
    Normal,
    /// Wrong options as close to the answer as the data allows.
    Hard,
}

impl Difficulty {
    /// Every difficulty, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Normal => "Normal",
            Difficulty::Hard => "Hard",
        }
    }

    /// A stable lower-case name for the command line.
    pub fn key(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Normal => "normal",
            Difficulty::Hard => "hard",
        }
    }

    /// The difficulty whose [`Self::key`] is `key`, ignoring case and surrounding spaces.
    pub fn from_key(key: &str) -> Option<Difficulty> {
        let key = key.trim();
        Difficulty::ALL
            .into_iter()
            .find(|difficulty| difficulty.key().eq_ignore_ascii_case(key))
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A word that names no difficulty.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a difficulty; choose from {list}", list = keys(&Difficulty::ALL, Difficulty::key))]
pub struct DifficultyError(pub String);

impl FromStr for Difficulty {
    type Err = DifficultyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Difficulty::from_key(text).ok_or_else(|| DifficultyError(text.trim().to_owned()))
    }
}

/// Everything that decides a quiz besides the dataset.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QuizOptions {
    /// The seed: the same seed, options and dataset give the same quiz. Only
    /// seeds below 2^20 fit in a [`super::QuizCode`]; see [`Self::from_entropy`].
    pub seed: u64,
    /// How many questions at most. A quiz has fewer when the data has fewer
    /// good questions; it is never padded. At most 64 fit in a quiz code.
    pub count: usize,
    /// The topics to ask about; empty means every topic.
    pub topics: BTreeSet<Topic>,
    /// How close the wrong options sit to the right one.
    pub difficulty: Difficulty,
}

impl Default for QuizOptions {
    /// Ten questions on every topic at Normal difficulty, seed 0.
    fn default() -> Self {
        Self {
            seed: 0,
            count: 10,
            topics: BTreeSet::new(),
            difficulty: Difficulty::Normal,
        }
    }
}

impl QuizOptions {
    /// Default options with a seed taken from `entropy` (a clock, say) and cut
    /// to the bits a quiz code holds, so that the quiz can be shared.
    pub fn from_entropy(entropy: u64) -> Self {
        // Mix first: clock readings differ mostly in their low bits, and
        // neighbouring readings should not give neighbouring seeds.
        let mixed = (entropy ^ (entropy >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        Self {
            seed: (mixed ^ (mixed >> 32)) & ((1 << SEED_BITS) - 1),
            ..Self::default()
        }
    }

    /// Whether questions of `topic` may be asked.
    pub fn includes(&self, topic: Topic) -> bool {
        self.topics.is_empty() || self.topics.contains(&topic)
    }

    /// The topics to ask about, every one when [`Self::topics`] is empty.
    pub fn chosen_topics(&self) -> Vec<Topic> {
        Topic::ALL
            .into_iter()
            .filter(|&topic| self.includes(topic))
            .collect()
    }

    /// Whether these options fit in a [`super::QuizCode`].
    pub fn is_shareable(&self) -> bool {
        self.seed < (1 << SEED_BITS) && (1..=MAX_COUNT).contains(&self.count)
    }
}
