//! What every request of a class shares: the room, the join code, the
//! page, the limits, and the signal that the room changed.

use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use tokio::sync::watch;

use super::limits::Buckets;
use crate::live::room::{ClassRoom, DeviceToken};

/// Requests a device may make in a burst, then a second: a page polls
/// once a change (long-polling) and answers once a question.
const DEVICE_BURST: u32 = 30;
const DEVICE_PER_SECOND: u32 = 5;
/// Requests one address may make: generous, as a school's network may put
/// a class behind one address, and still a cap on a single flooding host.
const ADDRESS_BURST: u32 = 1000;
const ADDRESS_PER_SECOND: u32 = 500;
/// New devices one address may make: a class behind one address joins at
/// once, then a device a second, so that one student's script cannot fill
/// the class with devices (each answering once).
const NEW_DEVICE_BURST: u32 = 300;
const NEW_DEVICE_PER_SECOND: u32 = 1;
/// Wrong join codes one address may try: a guesser gets a try a second,
/// against about 890 million codes.
const WRONG_CODE_BURST: u32 = 20;
const WRONG_CODE_PER_SECOND: u32 = 1;

/// The peer's address, put on every request by the connection it came on.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub IpAddr);

/// The rate limits, one set of buckets each.
#[derive(Debug)]
pub struct Limits {
    devices: Buckets<DeviceToken>,
    addresses: Buckets<IpAddr>,
    new_devices: Buckets<IpAddr>,
    wrong_codes: Buckets<IpAddr>,
}

/// What every request shares; see the module's documentation.
pub struct Shared {
    /// The class's state, shared with the window.
    pub room: Arc<Mutex<ClassRoom>>,
    /// The join code every request carries.
    pub code: String,
    /// Tells the window the room changed.
    pub wake: Arc<dyn Fn() + Send + Sync>,
    /// The page, in the class's language.
    pub page: super::page::Page,
    /// The rate limits.
    pub limits: Mutex<Limits>,
    /// The room's version, sent whenever it changes (at most ten times a
    /// second), for the pages waiting for a change.
    pub changes: watch::Sender<u64>,
}

impl Shared {
    /// The shared state of a new class.
    pub fn new(
        room: Arc<Mutex<ClassRoom>>,
        code: String,
        wake: Arc<dyn Fn() + Send + Sync>,
        page: super::page::Page,
    ) -> Self {
        Self {
            room,
            code,
            wake,
            page,
            limits: Mutex::new(Limits {
                devices: Buckets::new(DEVICE_BURST, DEVICE_PER_SECOND),
                addresses: Buckets::new(ADDRESS_BURST, ADDRESS_PER_SECOND),
                new_devices: Buckets::new(NEW_DEVICE_BURST, NEW_DEVICE_PER_SECOND),
                wrong_codes: Buckets::new(WRONG_CODE_BURST, WRONG_CODE_PER_SECOND),
            }),
            changes: watch::Sender::new(0),
        }
    }

    /// The room, locked. A thread that panicked holding it left the room
    /// as it was between two whole changes, so the class goes on with it.
    pub fn room(&self) -> MutexGuard<'_, ClassRoom> {
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn limits(&self) -> MutexGuard<'_, Limits> {
        self.limits.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether a request from `peer` is within its address's limit.
    pub fn address_allowed(&self, peer: IpAddr) -> bool {
        self.limits().addresses.take(peer, Instant::now())
    }

    /// Whether `peer` may make one more device.
    pub fn new_device_allowed(&self, peer: IpAddr) -> bool {
        self.limits().new_devices.take(peer, Instant::now())
    }

    /// Whether a wrong code from `peer` may be answered (else it is
    /// refused as too many).
    pub fn wrong_code_allowed(&self, peer: IpAddr) -> bool {
        self.limits().wrong_codes.take(peer, Instant::now())
    }

    /// Whether a request from the device `token` is within its limit.
    pub fn device_allowed(&self, token: &DeviceToken) -> bool {
        self.limits().devices.take(token.clone(), Instant::now())
    }

    /// After a change made by a request: the window redraws.
    pub fn changed(&self) {
        (self.wake)();
    }
}
