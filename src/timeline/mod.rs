//! The time axis behind the timeline view: day numbers, the time-to-screen
//! transform with pan and zoom, adaptive ticks, and the layout of events into
//! lanes, rows and clusters.
//!
//! Pure logic in f64, free of egui, so that every frame's geometry can be
//! tested and benchmarked on its own; `ui` draws what this computes.

pub mod density;
pub mod layout;
pub mod rows;
pub mod selection;
pub mod ticks;
pub mod time;
pub mod transform;

pub use density::{BUCKET_PX, CHIP_MAX, Columns, PART_BUCKETS, Part, PartAction, Way};
pub use layout::{Cluster, Item, ItemShape, Layout, LayoutRequest, Placed, Timeline};
pub use rows::{RowsRequest, lane_rows, lay_out_lanes, lay_out_selection};
pub use selection::Selection;
pub use ticks::{Tick, TickSet, TickUnit, ticks};
pub use time::{TimeSpan, civil_from_day, day_number};
pub use transform::Transform;
