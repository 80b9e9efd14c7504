//! Random choices on top of the quiz's splitmix64 [`Rng`], which is small,
//! written here and the same on every platform: a quiz code made today makes
//! the same quiz after any dependency upgrade.

use std::collections::HashMap;

use crate::quiz::Rng;

/// Shuffles `items` in place (Fisher–Yates).
pub(crate) fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// A random rank of the record `id` for `salt`: sorting records by it
/// shuffles them, and a record added later falls somewhere in the order
/// without moving the others.
pub(crate) fn stable_rank(salt: u64, id: &str) -> u64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    Rng::new(hash ^ salt, 0).next_u64()
}

/// How many indices [`sample`] returns from a large pool.
pub(crate) const SAMPLE: usize = 48;

/// Indices into a pool of `len` in a random order: all of them when the pool
/// is small, otherwise [`SAMPLE`] distinct random ones, so that choosing
/// distractors from 5,000 organizations costs no more than from 50.
pub(crate) fn sample(len: usize, rng: &mut Rng) -> Vec<usize> {
    if len <= SAMPLE {
        let mut all: Vec<usize> = (0..len).collect();
        shuffle(&mut all, rng);
        return all;
    }
    let mut deck = Deck::new(len);
    (0..SAMPLE).filter_map(|_| deck.draw(rng)).collect()
}

/// Draws `0..len` in a random order without repeats, lazily: a partial
/// Fisher–Yates shuffle that remembers only the swapped places, so a deck of
/// 100,000 events costs nothing until drawn from.
#[derive(Clone, Debug)]
pub(crate) struct Deck {
    len: usize,
    drawn: usize,
    moved: HashMap<usize, usize>,
}

impl Deck {
    /// A full deck of `0..len`.
    pub(crate) fn new(len: usize) -> Self {
        Self {
            len,
            drawn: 0,
            moved: HashMap::new(),
        }
    }

    /// The next index, or `None` once every index is drawn.
    pub(crate) fn draw(&mut self, rng: &mut Rng) -> Option<usize> {
        if self.drawn >= self.len {
            return None;
        }
        let j = self.drawn + rng.below(self.len - self.drawn);
        let at_j = self.moved.get(&j).copied().unwrap_or(j);
        let at_top = self.moved.remove(&self.drawn).unwrap_or(self.drawn);
        if j != self.drawn {
            self.moved.insert(j, at_top);
        }
        self.drawn += 1;
        Some(at_j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_draws_every_index_once() {
        for len in [0, 1, 2, 7, 100] {
            let mut rng = Rng::new(len as u64, 9);
            let mut deck = Deck::new(len);
            let mut seen: Vec<usize> = std::iter::from_fn(|| deck.draw(&mut rng)).collect();
            assert_eq!(seen.len(), len);
            seen.sort_unstable();
            assert_eq!(seen, (0..len).collect::<Vec<_>>());
        }
    }

    #[test]
    fn samples_are_distinct_and_in_range() {
        let mut rng = Rng::new(1, 1);
        for len in [0, 5, 48, 49, 5000] {
            let mut got = sample(len, &mut rng);
            assert_eq!(got.len(), len.min(SAMPLE));
            assert!(got.iter().all(|&i| i < len));
            got.sort_unstable();
            got.dedup();
            assert_eq!(got.len(), len.min(SAMPLE));
        }
    }
}
