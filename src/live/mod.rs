//! A live class: every student answers the question on the projector from
//! their own browser, through a small web server the teacher's app runs on
//! the classroom network only while the class runs.
//!
//! [`room`] is the class's state (pure, shared by the server and the
//! window); [`summary`] is what the teacher may save of it; [`link`] is what
//! the window holds of a running class.

pub mod link;
pub mod room;
pub mod summary;
