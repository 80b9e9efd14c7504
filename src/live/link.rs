//! What the window holds of a running live class: the shared room, how
//! students join, and the server itself, which stops when the link is
//! dropped (the class ended, or the app closed).

use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use super::room::ClassRoom;

/// How a live class is started.
#[derive(Clone)]
pub struct LiveConfig {
    /// The address to listen on: every interface of the classroom network
    /// (`0.0.0.0`) in class, loopback (`127.0.0.1`) in tests.
    pub bind: IpAddr,
    /// The port; 0 lets the system choose one that is free.
    pub port: u16,
    /// The interface language of the students' page: `en`, `ru` or `tk`.
    pub lang: String,
    /// Called (from the server's threads) whenever the room changes, so the
    /// window redraws the projector's counts.
    pub wake: Arc<dyn Fn() + Send + Sync>,
}

/// How students reach the class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinInfo {
    /// The page's address with its join code, for the QR code.
    pub url: String,
    /// The address to type, without the code (`http://192.168.1.20:8765`).
    pub address: String,
    /// The short join code the page asks for when it is not in the address.
    pub code: String,
}

/// A running live class, as the window holds it.
pub struct LiveLink {
    /// The class's state, shared with the server.
    pub room: Arc<Mutex<ClassRoom>>,
    /// How students join.
    pub join: JoinInfo,
    /// The server: while it is held, the class is served; dropping it stops
    /// the server and closes its port.
    pub server: Box<dyn Send>,
}

/// Why a live class could not start.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    /// The port could not be opened.
    #[error("could not listen on {address}: {source}")]
    Listen {
        /// The address and port asked for.
        address: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The server's runtime could not start.
    #[error("could not start the class's server: {0}")]
    Runtime(std::io::Error),
}
