//! The Organizations view: a sortable, filterable table of every organization
//! with Turkmenistan's relationship to it, the details of the one selected,
//! the headline figures and a small chart; and the "as of a date" control that
//! shows how the relationships stood on a day.
//!
//! The logic lives in [`crate::organizations`]; this module draws it. Rows,
//! figure series and the chart's tally are derived once per dataset; the
//! sorted and filtered order is recomputed only when a filter or the sort
//! changes, so a frame draws only the rows on screen.
//!
//! This file only declares the parts and names what the app uses; the state
//! is in `runtime`, the words in `labels`, the view in `view`.

mod as_of;
mod chart;
mod details;
mod figures;
mod filters;
pub mod labels;
mod runtime;
mod table;
mod view;

pub use as_of::AsOf;
pub use labels::{
    kind_label, relationship_chip_label, relationship_label, standing_rich, standing_text,
    undated_text,
};
pub use runtime::OrganizationsRuntime;
pub use view::organizations_view_ui;
