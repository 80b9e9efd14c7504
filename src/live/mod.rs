//! A live class: every student answers the question on the projector from
//! their own browser, through a small web server the teacher's app runs on
//! the classroom network only while the class runs.
//!
//! [`room`] is the class's state (pure, shared by the server and the
//! window); [`summary`] is what the teacher may save of it; [`link`] is what
//! the window holds of a running class; [`server`] (not in the browser
//! build) serves the students' page and its API while a class runs.

pub mod link;
pub mod room;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod summary;
