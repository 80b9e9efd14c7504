//! The live class's web server: the students' page and its JSON API on the
//! classroom network, only while the class runs.
//!
//! One current-thread tokio runtime on a thread of its own serves every
//! connection (a class is waiting on the network, not computing, and the
//! teacher's app gets no pool of worker threads for it). Connections are
//! accepted by hand rather than by `axum::serve` for two guards it lacks:
//! a cap on open connections and hyper's header read timeout, which drops
//! a connection that sends no request (idle, or a slow attacker) so that a
//! thousand of them cannot stop the class.
//!
//! Guards (each tested in tests/integration/live_server.rs): the join code on every API
//! request (a wrong one 403, a guesser 429 after 20); the device's token in
//! an `HttpOnly; SameSite=Strict` cookie; bodies of 4 KiB at most, whole
//! within [`BODY_TIMEOUT`]; token buckets per device, per address and for
//! new devices per address; at most [`MAX_CONNECTIONS`] open, each closed
//! after [`HEADER_READ_TIMEOUT`] without a request; nothing served but the
//! page and the API (routes.rs says what each answers).
//!
//! Port: `config.port`, or when it is taken (another class, another app)
//! one the system chooses, as when `config.port` is 0; [`JoinInfo`] says
//! which. Dropping [`LiveLink::server`] stops the server and closes the
//! port before the drop returns (within a fifth of a second): it also ends
//! the room, and the pages still open say the class has ended.

mod address;
mod limits;
mod page;
mod routes;
mod secret;
mod state;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use super::link::{JoinInfo, LiveConfig, LiveError, LiveLink};
use super::room::ClassRoom;
pub use address::classroom_host;
pub use routes::{BODY_TIMEOUT, MAX_BODY};
pub use secret::{CODE_ALPHABET, CODE_LEN};
use state::{Peer, Shared};

/// Connections open at once; one more is closed as soon as it is accepted.
/// Each page keeps one or two; idle ones go after [`HEADER_READ_TIMEOUT`].
/// Lower where the system lets a program open fewer files (see
/// [`connection_cap`]).
pub const MAX_CONNECTIONS: usize = 2000;
/// Files kept for the rest of the app (fonts, the unit, saves) when the
/// open-file limit caps the connections.
const FILES_FOR_THE_APP: u64 = 256;
/// How long a connection may take to send a request's headers, or stay
/// open between two requests, before it is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(8);
/// Connections the system queues before they are accepted: a class
/// arriving at once.
const BACKLOG: u32 = 1024;
/// How long the pages waiting for a change have, once the server stops,
/// to hear that the class ended.
const FAREWELL: Duration = Duration::from_millis(150);
/// How often the room's version is looked at for the pages waiting for a
/// change (the window's changes reach the pages within this).
const WATCH_EVERY: Duration = Duration::from_millis(100);

/// Starts a live class: listens on `config.bind` and the port (see the
/// module's documentation), and serves it until the returned link's
/// `server` is dropped.
pub fn start(config: LiveConfig) -> Result<LiveLink, LiveError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(LiveError::Runtime)?;
    let listener = {
        let _inside = runtime.enter();
        listen(SocketAddr::new(config.bind, config.port))
            .or_else(|first| match first.kind() {
                std::io::ErrorKind::AddrInUse if config.port != 0 => {
                    listen(SocketAddr::new(config.bind, 0))
                }
                _ => Err(first),
            })
            .map_err(|source| LiveError::Listen {
                address: SocketAddr::new(config.bind, config.port).to_string(),
                source,
            })?
    };
    let listening = listener.local_addr().map_err(LiveError::Runtime)?;
    let code = secret::join_code()
        .map_err(|_| LiveError::Runtime(std::io::Error::other("no system randomness")))?;
    let room = Arc::new(Mutex::new(ClassRoom::new()));
    let shared = Arc::new(Shared::new(
        room.clone(),
        code.clone(),
        config.wake.clone(),
        page::Page::new(&config.lang),
    ));
    let cap = connection_cap();
    let (stop, stopped) = oneshot::channel();
    let thread = std::thread::Builder::new()
        .name("live-class".to_owned())
        .spawn(move || runtime.block_on(serve(listener, shared, cap, stopped)))
        .map_err(LiveError::Runtime)?;
    let address = address::base_url(&address::classroom_host(config.bind), listening);
    let join = JoinInfo {
        url: format!("{address}/?c={code}"),
        address,
        code,
    };
    Ok(LiveLink {
        room,
        join,
        server: Box::new(Serving {
            stop: Some(stop),
            thread: Some(thread),
        }),
    })
}

/// How many connections may be open at once: [`MAX_CONNECTIONS`], less
/// where the open-file limit (raised first if it can be) leaves fewer
/// beside [`FILES_FOR_THE_APP`].
pub fn connection_cap() -> usize {
    let wanted = MAX_CONNECTIONS as u64 + FILES_FOR_THE_APP;
    let limit = rlimit::increase_nofile_limit(wanted).unwrap_or(wanted);
    let room = limit.saturating_sub(FILES_FOR_THE_APP).max(64);
    usize::try_from(room)
        .unwrap_or(MAX_CONNECTIONS)
        .min(MAX_CONNECTIONS)
}

/// A listening socket with room for a class arriving at once.
fn listen(at: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if at.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    // Unix: a class restarted at once may take its port back from the
    // closed connections still waiting (Windows's flag means stealing it).
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(at)?;
    socket.listen(BACKLOG)
}

/// The running server, as the link holds it: dropping it stops the server
/// and waits for its thread, so the port is closed when the drop returns.
struct Serving {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Serving {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Accepts connections until told to stop. Then the port is closed, the
/// class ended (a server gone is a class over) and the pages waiting for a
/// change told so within [`FAREWELL`]; every connection ends with the
/// runtime.
async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    cap: usize,
    mut stopped: oneshot::Receiver<()>,
) {
    let app = routes::router(shared.clone());
    let open = Arc::new(Semaphore::new(cap));
    tokio::spawn(watch_room(shared.clone()));
    accept(&listener, &app, &open, &mut stopped).await;
    drop(listener);
    let version = {
        let mut room = shared.room();
        room.end();
        room.version()
    };
    shared.changes.send_replace(version);
    tokio::time::sleep(FAREWELL).await;
}

/// Accepts connections until `stopped`.
async fn accept(
    listener: &TcpListener,
    app: &Router,
    open: &Arc<Semaphore>,
    stopped: &mut oneshot::Receiver<()>,
) {
    loop {
        tokio::select! {
            _ = &mut *stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    // Over the cap: closed at once (the stream is dropped).
                    if let Ok(permit) = open.clone().try_acquire_owned() {
                        tokio::spawn(connection(stream, peer, app.clone(), permit));
                    }
                }
                // Out of file descriptors, or a connection reset before it
                // was accepted: wait a little rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
        }
    }
}

/// Serves one connection: HTTP/1.1, its requests stamped with the peer's
/// address for the rate limits. Malformed HTTP is answered 400 by hyper and
/// the connection closed; the server goes on.
async fn connection(stream: TcpStream, peer: SocketAddr, app: Router, _open: OwnedSemaphorePermit) {
    let _ = stream.set_nodelay(true);
    let app = app.layer(axum::middleware::map_request(
        move |mut request: Request| async move {
            request.extensions_mut().insert(Peer(peer.ip()));
            request
        },
    ));
    let service = TowerToHyperService::new(app.into_service::<Incoming>());
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(64 * 1024)
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// Tells the waiting pages when the room changed, whoever changed it (the
/// window shows and reveals without the server knowing).
async fn watch_room(shared: Arc<Shared>) {
    let mut ticks = tokio::time::interval(WATCH_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let version = shared.room().version();
        shared.changes.send_if_modified(|seen| {
            let changed = *seen != version;
            *seen = version;
            changed
        });
    }
}
