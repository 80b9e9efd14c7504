//! Versions A and B of a worksheet: the same questions, their order and
//! each question's options shuffled per version by a seeded shuffle, so that
//! neighbours cannot copy and the same quiz always prints the same sheets.

use super::super::super::Quiz;
use super::super::anki::sources_text;
use crate::dataset::Dataset;

/// One question as a version prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// Its id, the same in both versions.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// The options in this version's order.
    pub options: Vec<String>,
    /// Indices into `options`: the right one, or every option in the right order.
    pub answer: Vec<usize>,
    /// Whether the answer is an order of all the options.
    pub ordering: bool,
    /// "Title, ¶12; Other, ¶3".
    pub sources: String,
}

/// A version: its letter and its questions in its order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// "A" or "B".
    pub name: char,
    /// The questions as this version prints them.
    pub questions: Vec<Printed>,
}

/// SplitMix64: a few lines, enough to shuffle a worksheet reproducibly.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n ≥ 1).
    fn below(&mut self, n: usize) -> usize {
        let n64 = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next() % n64).unwrap_or_default()
    }

    /// A Fisher–Yates shuffle of 0..n.
    fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = self.below(i + 1);
            order.swap(i, j);
        }
        order
    }
}

/// The versions named in `names`, each shuffled with the quiz's seed and its
/// letter, so that A and B differ and each is the same every time.
pub fn versions(quiz: &Quiz, dataset: &Dataset, names: &[char]) -> Vec<Version> {
    names
        .iter()
        .map(|&name| {
            let mut rng = SplitMix(quiz.options.seed ^ (u64::from(name) << 56) ^ 0x5EED);
            let order = rng.permutation(quiz.questions.len());
            let questions = order
                .into_iter()
                .filter_map(|i| quiz.questions.get(i))
                .map(|question| {
                    // options[j] of this version is the question's option perm[j].
                    let perm = rng.permutation(question.options.len());
                    let options = perm
                        .iter()
                        .filter_map(|&k| question.options.get(k).cloned())
                        .collect();
                    let answer = question
                        .answer
                        .iter()
                        .filter_map(|old| perm.iter().position(|k| k == old))
                        .collect();
                    Printed {
                        id: question.id.clone(),
                        prompt: question.prompt.clone(),
                        options,
                        answer,
                        ordering: question.kind.is_ordering(),
                        sources: sources_text(dataset, question),
                    }
                })
                .collect();
            Version { name, questions }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{QuizOptions, generate};

    #[test]
    fn both_versions_ask_the_same_with_the_same_right_answers() {
        let dataset = Dataset::embedded().unwrap();
        for seed in 0..20 {
            let quiz = generate(
                &dataset,
                &QuizOptions {
                    seed,
                    count: 20,
                    ..Default::default()
                },
            );
            let made = versions(&quiz, &dataset, &['A', 'B']);
            assert_eq!(made, versions(&quiz, &dataset, &['A', 'B']));
            let [a, b] = made.as_slice() else { panic!() };
            assert_eq!(a.questions.len(), quiz.questions.len());
            if quiz.questions.len() > 3 {
                assert_ne!(a.questions, b.questions, "seed {seed}");
            }
            for version in &made {
                for printed in &version.questions {
                    let question = quiz.questions.iter().find(|q| q.id == printed.id).unwrap();
                    let right: Vec<&String> = printed
                        .answer
                        .iter()
                        .map(|&i| &printed.options[i])
                        .collect();
                    let wanted: Vec<&String> = question
                        .answer
                        .iter()
                        .map(|&i| &question.options[i])
                        .collect();
                    assert_eq!(right, wanted);
                    let mut sorted = printed.options.clone();
                    sorted.sort();
                    let mut original = question.options.clone();
                    original.sort();
                    assert_eq!(sorted, original);
                }
            }
        }
    }
}
