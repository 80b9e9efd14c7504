//! Drawing a quiz: which kind comes next, and which record it asks about.

use std::collections::HashSet;

use crate::quiz::Rng;

use super::bank::QuizBank;
use super::claims::{Claim, Record};
use super::code::QuizCode;
use super::kinds::{self, Memo};
use super::options::QuizOptions;
use super::question::{Question, QuestionKind, Quiz};
use super::random::{Deck, shuffle};
use super::text::fold_case_and_punctuation;

/// The generator's stream of the seed (see [`Rng::new`]), fixed forever so
/// that quiz codes keep making the same quiz.
const STREAM: u64 = 0x0051_1A2C;

/// Failures in a row after which a kind is given up for this quiz. It only
/// matters on data where the kind is (almost) never answerable, such as
/// synthetic records whose paragraphs never state them; the bundled data
/// has fewer candidates per kind than this, so every one is tried.
const MAX_MISSES: usize = 128;

/// What the questions kept so far are about, ask and reveal, with their
/// text folded once.
#[derive(Default)]
struct Kept {
    about: HashSet<Record>,
    asks: Vec<Claim>,
    reveals: Vec<Claim>,
    texts: Vec<String>,
}

impl Kept {
    /// Whether `question` may join: it is about no record already asked
    /// about (rule 1), what it asks no kept question reveals, and what it
    /// reveals no kept question asks (rule 2).
    fn admits(&self, question: &Question) -> bool {
        let footprint = &question.footprint;
        if footprint.about.iter().any(|r| self.about.contains(r)) {
            return false;
        }
        let text = fold_case_and_punctuation(&question.text());
        let asked_already = |claim: &Claim| self.asks.iter().any(|a| a.same_as(claim));
        footprint.asks.iter().all(|claim| {
            !self.reveals.iter().any(|r| r.same_as(claim))
                && !self.texts.iter().any(|t| claim.stated_in(t))
        }) && !footprint.reveals.iter().any(asked_already)
            && !self.asks.iter().any(|claim| claim.stated_in(&text))
    }

    fn keep(&mut self, question: &Question) {
        let footprint = &question.footprint;
        self.about.extend(footprint.about.iter().cloned());
        self.asks.extend(footprint.asks.iter().cloned());
        self.reveals.extend(footprint.reveals.iter().cloned());
        self.texts.push(fold_case_and_punctuation(&question.text()));
    }
}

struct Stack {
    kind: QuestionKind,
    deck: Deck,
}

impl QuizBank<'_> {
    /// A quiz for `options`: the same options and dataset give the same quiz.
    ///
    /// Kinds take turns, in a new random order each round, so that a short
    /// quiz mixes kinds; each kind draws its records from a shuffled deck
    /// without repeats. A record that cannot give a good question is passed
    /// over, and a question whose id is already in the quiz is not asked
    /// twice. The quiz ends at `options.count` questions or when every deck
    /// is spent, so it may be shorter than asked for but is never padded.
    pub fn generate(&self, options: &QuizOptions) -> Quiz {
        self.draw(options, true)
    }

    /// Every question the options can give, without the rules a quiz keeps
    /// (one question per record, none giving another away): for checking
    /// each question on its own, as tests do.
    #[cfg(test)]
    pub(crate) fn every_question(&self, options: &QuizOptions) -> Vec<Question> {
        self.draw(options, false).questions
    }

    fn draw(&self, options: &QuizOptions, rules: bool) -> Quiz {
        let mut rng = Rng::new(options.seed, STREAM);
        let mut stacks: Vec<Stack> = QuestionKind::ALL
            .into_iter()
            .filter(|kind| options.includes(kind.topic()))
            .map(|kind| Stack {
                kind,
                deck: Deck::new(self.pool_len(kind)),
            })
            .collect();
        let mut ids: HashSet<String> = HashSet::new();
        let memo = Memo::default();
        let mut kept = Kept::default();
        let mut questions = Vec::with_capacity(options.count.min(64));
        while questions.len() < options.count && !stacks.is_empty() {
            shuffle(&mut stacks, &mut rng);
            let mut turn = 0;
            while turn < stacks.len() && questions.len() < options.count {
                let stack = &mut stacks[turn];
                let mut misses = 0;
                let mut asked = false;
                while misses < MAX_MISSES {
                    let Some(candidate) = stack.deck.draw(&mut rng) else {
                        break;
                    };
                    let question = kinds::build(
                        self,
                        stack.kind,
                        candidate,
                        options.difficulty,
                        &memo,
                        &mut rng,
                    );
                    match question {
                        Some(question)
                            if !ids.contains(&question.id)
                                && (!rules || kept.admits(&question)) =>
                        {
                            ids.insert(question.id.clone());
                            kept.keep(&question);
                            questions.push(question);
                            asked = true;
                            break;
                        }
                        _ => misses += 1,
                    }
                }
                if asked {
                    turn += 1;
                } else {
                    stacks.remove(turn);
                }
            }
        }
        Quiz {
            options: options.clone(),
            code: QuizCode::from_options(options).ok(),
            questions,
        }
    }
}
