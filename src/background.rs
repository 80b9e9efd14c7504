//! Work done on a thread of its own while the window goes on: a value that
//! is being prepared until it is ready. The window asks for it each frame
//! and says "preparing" until then, so that a large unit's indexes never
//! hold up a frame.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Called from the thread when the value is ready (the window repaints).
pub type Ready = Arc<dyn Fn() + Send + Sync>;

/// A value made in the background, or made.
pub enum Prepared<T> {
    /// Made.
    Ready(T),
    /// Being made; the value comes through here.
    Preparing(Receiver<T>),
}

impl<T: Send + 'static> Prepared<T> {
    /// Starts making the value with `make` on a thread named `name`;
    /// `ready` is called when it is done. Where no thread can be had (a
    /// browser page), it is made here and now.
    pub fn start(
        name: &str,
        make: impl FnOnce() -> T + Send + 'static,
        ready: Option<Ready>,
    ) -> Self {
        if cfg!(target_arch = "wasm32") {
            return Self::Ready(make());
        }
        let (send, receive) = mpsc::channel();
        // The closure moves into the thread; if the thread cannot be had it
        // is lost with it, so it is shared to be run here instead.
        let job = Arc::new(std::sync::Mutex::new(Some(make)));
        let in_thread = job.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let make = in_thread.lock().ok().and_then(|mut m| m.take());
                if let Some(make) = make
                    && send.send(make()).is_ok()
                    && let Some(ready) = ready
                {
                    ready();
                }
            });
        if spawned.is_err() {
            let make = job.lock().ok().and_then(|mut m| m.take());
            if let Some(make) = make {
                return Self::Ready(make());
            }
        }
        Self::Preparing(receive)
    }

    /// Takes the value if it is ready, waiting for it at most `wait`
    /// (`None`: until it is). Returns whether it became ready now.
    ///
    /// A thread that ended without a value (a panic, which the work never
    /// should) leaves `fallback` in its place, so the window never waits
    /// forever on it.
    pub fn poll(&mut self, wait: Option<Duration>, fallback: impl FnOnce() -> T) -> bool {
        let Self::Preparing(receive) = self else {
            return false;
        };
        let received = match wait {
            None => receive.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => receive.recv_timeout(wait),
        };
        let value = match received {
            Ok(value) => value,
            Err(RecvTimeoutError::Timeout) => return false,
            Err(RecvTimeoutError::Disconnected) => fallback(),
        };
        *self = Self::Ready(value);
        true
    }

    /// The value, once it is ready.
    pub fn get(&self) -> Option<&T> {
        match self {
            Self::Ready(value) => Some(value),
            Self::Preparing(_) => None,
        }
    }

    /// Whether the value is still being made.
    pub fn is_preparing(&self) -> bool {
        matches!(self, Self::Preparing(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_value_arrives_and_says_so() {
        let told = Arc::new(AtomicBool::new(false));
        let flag = told.clone();
        let mut value = Prepared::start(
            "test",
            || 6 * 7,
            Some(Arc::new(move || flag.store(true, Ordering::SeqCst))),
        );
        assert!(value.poll(None, || 0));
        assert_eq!(value.get(), Some(&42));
        assert!(!value.is_preparing());
        assert!(!value.poll(None, || 0), "already ready: nothing new");
        // The thread calls `ready` after sending; give it a moment.
        let end = std::time::Instant::now() + Duration::from_secs(5);
        while !told.load(Ordering::SeqCst) && std::time::Instant::now() < end {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(told.load(Ordering::SeqCst));
    }

    #[test]
    fn a_slow_value_is_not_waited_for_without_leave() {
        let (go, wait) = mpsc::channel::<()>();
        let mut value = Prepared::start(
            "test",
            move || {
                let _ = wait.recv();
                1
            },
            None,
        );
        assert!(!value.poll(Some(Duration::ZERO), || 0));
        assert!(value.is_preparing());
        assert_eq!(value.get(), None);
        let _ = go.send(());
        assert!(value.poll(Some(Duration::from_secs(10)), || 0));
        assert_eq!(value.get(), Some(&1));
    }

    #[test]
    fn a_thread_that_panics_leaves_the_fallback() {
        let mut value: Prepared<u32> = Prepared::start("test", || panic!("on purpose"), None);
        assert!(value.poll(None, || 7));
        assert_eq!(value.get(), Some(&7));
    }
}
