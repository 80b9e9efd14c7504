//! The dataset's types: articles, events, organizations, people, facts and glossary terms.
//!
//! These types are what the data files in `data/` deserialize into. They know
//! nothing of the UI. Loading and validating them is [`crate::dataset`]'s job.

mod categories;
mod date;
mod manifest;
mod marks;
mod records;
mod relationship_kinds;

pub use categories::{
    Category, CategoryDef, CategoryKey, builtin_categories, parse_colour, unit_categories,
};
pub use date::{Date, DateError, Precision, When, days_in_month, month_name};
pub use manifest::{ArticleCredit, Manifest, possessive};
pub use marks::{Basis, Field, Unstated, fields_of};
pub use records::*;
pub use relationship_kinds::{CustomKind, RelationshipKindDef};
