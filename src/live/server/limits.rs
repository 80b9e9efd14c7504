//! Request rates held by token buckets, one per key (a device, an address):
//! each holds up to `burst` requests and refills at `per_second`, so a
//! page's ordinary use never meets the limit and a flood does at once.
//! A few lines of arithmetic: a crate (governor) would bring a clock and a
//! concurrent map this single-threaded server does not need.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::Instant;

/// Keys kept before the full (idle) buckets are forgotten, so that a
/// stream of new addresses or tokens cannot grow the map without end.
const MAX_KEYS: usize = 10_000;

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Token buckets by key; see the module's documentation.
#[derive(Debug)]
pub struct Buckets<K> {
    burst: f64,
    per_second: f64,
    buckets: HashMap<K, Bucket>,
}

impl<K: Eq + Hash> Buckets<K> {
    /// Buckets of `burst` requests refilled at `per_second`.
    pub fn new(burst: u32, per_second: u32) -> Self {
        Self {
            burst: f64::from(burst),
            per_second: f64::from(per_second),
            buckets: HashMap::new(),
        }
    }

    /// Takes one request for `key` at `now`: whether it is within the limit.
    pub fn take(&mut self, key: K, now: Instant) -> bool {
        if self.buckets.len() >= MAX_KEYS && !self.buckets.contains_key(&key) {
            self.forget_full(now);
            // Ten thousand keys busy at once (many addresses flooding
            // together): start afresh rather than grow without end.
            if self.buckets.len() >= MAX_KEYS {
                self.buckets.clear();
            }
        }
        let (burst, rate) = (self.burst, self.per_second);
        let bucket = self.buckets.entry(key).or_insert(Bucket {
            tokens: burst,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Forgets the buckets that have refilled: forgetting them changes
    /// nothing, as a new bucket starts full.
    fn forget_full(&mut self, now: Instant) {
        let (burst, rate) = (self.burst, self.per_second);
        self.buckets.retain(|_, b| {
            b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * rate < burst
        });
    }

    /// How many keys are remembered.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    /// Whether no key is remembered.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_burst_passes_then_the_rate_holds() {
        let mut buckets = Buckets::new(5, 2);
        let t = Instant::now();
        assert!((0..5).all(|_| buckets.take("a", t)));
        assert!(!buckets.take("a", t));
        // Another key has its own bucket.
        assert!(buckets.take("b", t));
        // Half a second refills one request at 2 a second.
        let later = t + Duration::from_millis(500);
        assert!(buckets.take("a", later));
        assert!(!buckets.take("a", later));
        // A long pause refills to the burst, not beyond.
        let much_later = t + Duration::from_secs(60);
        assert_eq!((0..10).filter(|_| buckets.take("a", much_later)).count(), 5);
    }

    #[test]
    fn idle_keys_are_forgotten_when_the_map_is_full() {
        let mut buckets = Buckets::new(2, 1);
        let t = Instant::now();
        for key in 0..MAX_KEYS {
            assert!(buckets.take(key, t));
        }
        assert_eq!(buckets.len(), MAX_KEYS);
        // Ten seconds on, every bucket has refilled: one new key clears them.
        assert!(buckets.take(MAX_KEYS, t + Duration::from_secs(10)));
        assert_eq!(buckets.len(), 1);
        assert!(!buckets.is_empty());
    }

    #[test]
    fn a_flooding_key_is_not_forgotten() {
        let mut buckets = Buckets::new(2, 1);
        let t = Instant::now();
        let flood = usize::MAX;
        while buckets.take(flood, t) {}
        for key in 0..MAX_KEYS - 1 {
            assert!(buckets.take(key, t));
        }
        // 1.5 s on the others are full again, the flooder is not: it alone
        // is kept, with its 1.5 requests.
        let later = t + Duration::from_millis(1500);
        assert!(buckets.take(0usize.wrapping_sub(2), later));
        assert_eq!(buckets.len(), 2);
        assert!(buckets.take(flood, later));
        assert!(!buckets.take(flood, later));
    }

    #[test]
    fn the_map_never_outgrows_its_cap() {
        let mut buckets = Buckets::new(2, 1);
        let t = Instant::now();
        for key in 0..3 * MAX_KEYS {
            buckets.take(key, t);
            buckets.take(key, t);
        }
        assert!(buckets.len() <= MAX_KEYS);
    }
}
