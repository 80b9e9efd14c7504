//! Merging two windows' copies of the quiz memory (see
//! [`crate::shared_save`]): every answer recorded in either is kept.

use super::{MEMORY_VERSION, Memory, Recall, Score};
use crate::shared_save::Merge;

impl Merge for Memory {
    /// Per question: taken from the side that changed it since `base`.
    /// Where both answered it, the counts of right and wrong answers add up
    /// (each side's own answers since the base, on top of the base's), and
    /// the schedule is that of the later review: FSRS's state cannot be
    /// added, and the later review is the one the student last saw. Scores
    /// are the file's, with this window's new ones added, oldest first.
    fn merge(base: &Self, disk: Self, mine: &Self) -> Self {
        let mut merged = disk;
        for (id, recall) in &mine.questions {
            let before = base.questions.get(id);
            if before == Some(recall) {
                // Not answered here since the base: the file's stands.
                continue;
            }
            let value = match merged.questions.get(id) {
                Some(theirs) => both_answered(before, theirs, recall),
                None => recall.clone(),
            };
            merged.questions.insert(id.clone(), value);
        }
        merged.scores = merged_scores(&base.scores, merged.scores, &mine.scores);
        merged.version = MEMORY_VERSION;
        merged
    }
}

/// A question answered since `before` in the file (`theirs`) and here (`mine`).
fn both_answered(before: Option<&Recall>, theirs: &Recall, mine: &Recall) -> Recall {
    if before == Some(theirs) {
        return mine.clone();
    }
    let (right, wrong) = before.map_or((0, 0), |b| (b.right, b.wrong));
    let later = if theirs.card.last_review > mine.card.last_review {
        theirs
    } else {
        mine
    };
    Recall {
        right: theirs.right + mine.right.saturating_sub(right),
        wrong: theirs.wrong + mine.wrong.saturating_sub(wrong),
        ..later.clone()
    }
}

/// The file's scores and those of `mine` that `base` did not have (each
/// score counted as often as it appears), ordered by when they were made.
fn merged_scores(base: &[Score], disk: Vec<Score>, mine: &[Score]) -> Vec<Score> {
    let mut unmatched: Vec<&Score> = base.iter().collect();
    let mut scores = disk;
    for score in mine {
        match unmatched.iter().position(|b| *b == score) {
            Some(i) => {
                unmatched.swap_remove(i);
            }
            None => scores.push(score.clone()),
        }
    }
    // Stable: scores of the same instant keep their order.
    scores.sort_by_key(|s| s.at);
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::quiz::{Question, QuizOptions, generate};
    use chrono::{DateTime, TimeZone, Utc};

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, hour, 0, 0)
            .single()
            .unwrap()
    }

    fn questions(count: usize) -> Vec<Question> {
        let dataset = Dataset::embedded().unwrap();
        let options = QuizOptions {
            count,
            ..QuizOptions::from_entropy(5)
        };
        generate(&dataset, &options).questions
    }

    fn score(hour: u32) -> Score {
        Score {
            at: at(hour),
            mode: "practice".to_owned(),
            code: None,
            right: hour,
            total: 10,
        }
    }

    #[test]
    fn answers_in_two_windows_all_count() {
        let q = questions(3);
        let mut base = Memory::new();
        base.record(&q[0], true, at(8));
        let (mut one, mut two) = (base.clone(), base.clone());
        // Both answer q0 again; each answers a question of its own.
        one.record(&q[0], true, at(9));
        one.record(&q[1], false, at(9));
        one.add_score(score(9));
        two.record(&q[0], false, at(10));
        two.record(&q[2], true, at(10));
        two.add_score(score(10));
        let merged = Memory::merge(&base, one.clone(), &two);
        let first = &merged.questions[&q[0].id];
        assert_eq!((first.right, first.wrong), (2, 1), "1 before, +1 and +1");
        assert_eq!(first.card, two.questions[&q[0].id].card, "the later review");
        assert_eq!(merged.questions[&q[1].id], one.questions[&q[1].id]);
        assert_eq!(merged.questions[&q[2].id], two.questions[&q[2].id]);
        assert_eq!(merged.scores, [score(9), score(10)]);
        // Merging again with nothing new changes nothing.
        assert_eq!(Memory::merge(&merged, merged.clone(), &merged), merged);
    }

    #[test]
    fn what_only_the_file_changed_is_kept_and_an_unchanged_copy_adds_nothing() {
        let q = questions(1);
        let base = Memory::new();
        let mut disk = base.clone();
        disk.record(&q[0], true, at(9));
        disk.add_score(score(9));
        let merged = Memory::merge(&base, disk.clone(), &base);
        assert_eq!(merged, disk);
    }
}
