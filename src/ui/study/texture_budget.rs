//! A keyed store of decoded things that holds at most so many bytes: when a
//! new one would take it past its limit, those used longest ago go first.
//! What was used in the current frame is never let go, so everything on
//! screen stays drawn even if it alone is over the limit.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

/// Values by key, each with its size in bytes and the frame it was last used in.
#[derive(Clone, Debug)]
pub struct TextureBudget<K, V> {
    limit: usize,
    held: usize,
    entries: HashMap<K, Held<V>>,
}

#[derive(Clone, Debug)]
struct Held<V> {
    value: V,
    bytes: usize,
    used: u64,
}

impl<K: Eq + Hash + Clone, V> TextureBudget<K, V> {
    /// An empty store that keeps at most `limit` bytes (more only while all of
    /// it is in use in the current frame).
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            held: 0,
            entries: HashMap::new(),
        }
    }

    /// The value kept for `key`, marked as used in frame `now`.
    pub fn get<Q>(&mut self, key: &Q, now: u64) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        let held = self.entries.get_mut(key)?;
        held.used = held.used.max(now);
        Some(&held.value)
    }

    /// Keeps `value` of `bytes` for `key`, used in frame `now`, then lets go of
    /// the values used longest ago, not in frame `now`, until the store is
    /// within its limit again.
    pub fn insert(&mut self, key: K, value: V, bytes: usize, now: u64) {
        let held = Held {
            value,
            bytes,
            used: now,
        };
        if let Some(old) = self.entries.insert(key, held) {
            self.held -= old.bytes;
        }
        self.held += bytes;
        if self.held <= self.limit {
            return;
        }
        let mut idle: Vec<(u64, K)> = self
            .entries
            .iter()
            .filter(|(_, held)| held.used < now)
            .map(|(key, held)| (held.used, key.clone()))
            .collect();
        idle.sort_by_key(|(used, _)| *used);
        for (_, key) in idle {
            if self.held <= self.limit {
                break;
            }
            if let Some(gone) = self.entries.remove(&key) {
                self.held -= gone.bytes;
            }
        }
    }

    /// The bytes held now.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.held
    }

    /// How many values are held now.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is held.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_used_longest_ago_goes_first_once_the_limit_is_passed() {
        let mut budget = TextureBudget::new(100);
        budget.insert("a", 'a', 40, 1);
        budget.insert("b", 'b', 40, 2);
        // "a" is used again, so "b" is now the one used longest ago.
        assert_eq!(budget.get(&"a", 3), Some(&'a'));
        budget.insert("c", 'c', 40, 4);
        assert_eq!(budget.held(), 80);
        assert_eq!(budget.len(), 2);
        assert_eq!(budget.get(&"b", 5), None);
        assert_eq!(budget.get(&"a", 5), Some(&'a'));
        assert_eq!(budget.get(&"c", 5), Some(&'c'));
    }

    #[test]
    fn what_is_in_use_this_frame_stays_even_past_the_limit() {
        let mut budget = TextureBudget::new(100);
        budget.insert("a", 'a', 60, 7);
        budget.insert("b", 'b', 60, 7);
        assert_eq!(budget.held(), 120);
        assert_eq!(budget.len(), 2);
        // At the next frame a new one pushes out both older ones.
        budget.insert("c", 'c', 60, 8);
        assert_eq!(budget.held(), 60);
        assert_eq!(budget.get(&"c", 8), Some(&'c'));
        assert_eq!(budget.get(&"a", 8), None);
    }

    #[test]
    fn the_same_key_again_replaces_its_value_and_its_size() {
        let mut budget = TextureBudget::new(100);
        budget.insert("a", 'a', 30, 1);
        budget.insert("a", 'A', 50, 2);
        assert_eq!(budget.held(), 50);
        assert_eq!(budget.len(), 1);
        assert_eq!(budget.get(&"a", 3), Some(&'A'));
        assert!(!budget.is_empty());
    }
}
