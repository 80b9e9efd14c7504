//! Quiz memories compared without the times at which they were written:
//! two apps that answer the same way a few milliseconds apart remember the
//! same.

use neutrality_reader::quiz::memory::{Memory, Recall};

/// A memory's questions, and its scores as (mode, code, right, total).
pub type Remembered = (
    Vec<(String, Recall)>,
    Vec<(String, Option<String>, u32, u32)>,
);

/// What a memory holds, without the times of day at which it was written
/// (two apps answer a few milliseconds apart).
pub fn without_times(memory: &Memory) -> Remembered {
    let epoch = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    let questions = memory
        .questions
        .iter()
        .map(|(id, recall)| {
            let mut recall = recall.clone();
            recall.card.due = epoch;
            recall.card.last_review = epoch;
            // The card before the last answer, kept for its rating.
            if let Some(before) = &mut recall.before {
                before.due = epoch;
                before.last_review = epoch;
            }
            (id.clone(), recall)
        })
        .collect();
    let scores = memory
        .scores
        .iter()
        .map(|s| (s.mode.clone(), s.code.clone(), s.right, s.total))
        .collect();
    (questions, scores)
}
