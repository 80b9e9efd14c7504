//! Drawing a quiz: which kind comes next, and which record it asks about.

use std::collections::HashSet;

use crate::quiz::Rng;

use super::bank::{QuizBank, QuoteRef};
use super::claims::{Claim, Record};
use super::code::QuizCode;
use super::kinds::{self, Memo};
use super::options::QuizOptions;
use super::question::{Question, QuestionKind, Quiz};
use super::random::shuffle;
use super::text::fold_case_and_punctuation;

/// The generator's stream of the seed (see [`Rng::new`]), fixed forever so
/// that quiz codes keep making the same quiz.
const STREAM: u64 = 0x0051_1A2C;
/// The stream of each question's own generator, seeded by its priority.
const QUESTION_STREAM: u64 = 0x0051_1A2D;

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

/// One kind's candidates, in the quiz's order for them.
struct Stack {
    kind: QuestionKind,
    /// Each candidate with its priority, lowest first.
    order: Vec<(u64, u32)>,
    next: usize,
    done: bool,
}

/// FNV-1a over `parts`, each ended by a zero byte.
fn hash_parts(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

impl QuizBank<'_> {
    /// What candidate `candidate` of `kind` is, as text that does not
    /// change when other records are added or removed: the record's id (and
    /// for a blank, its place in the quote).
    fn candidate_key(&self, kind: QuestionKind, candidate: usize) -> Option<u64> {
        let d = self.dataset;
        let at = |pool: &[u32]| pool.get(candidate).map(|&i| i as usize);
        let event = |pool: &[u32]| d.events.get(at(pool)?).map(|e| e.id.as_str());
        let organization = |pool: &[u32]| d.organizations.get(at(pool)?).map(|o| o.id.as_str());
        let id = match kind {
            QuestionKind::EventYear => event(&self.dated)?,
            QuestionKind::EventMonth => event(&self.by_month)?,
            QuestionKind::EventDay => event(&self.by_day)?,
            QuestionKind::WhichFirst | QuestionKind::Order => event(&self.chronology)?,
            QuestionKind::ResolutionNumber | QuestionKind::ResolutionSubject => {
                event(&self.resolutions)?
            }
            QuestionKind::AcronymToName | QuestionKind::NameToAcronym => {
                organization(&self.acronyms)?
            }
            QuestionKind::Relationship => organization(&self.related)?,
            QuestionKind::PersonRole | QuestionKind::RolePerson => &d.people.get(candidate)?.id,
            QuestionKind::Figure => &d.facts.get(at(&self.figures)?)?.id,
            QuestionKind::TermToDefinition | QuestionKind::DefinitionToTerm => {
                &d.glossary.get(candidate)?.id
            }
            QuestionKind::Cloze => {
                let blank = self.blanks.get(candidate)?;
                let (owner, r) = match blank.quote {
                    QuoteRef::Fact(i) => (&d.facts.get(i as usize)?.id, u32::MAX),
                    QuoteRef::Relationship(o, r) => (&d.organizations.get(o as usize)?.id, r),
                };
                let place = format!("{r}:{}", blank.start);
                return Some(hash_parts(&[
                    kind.key().as_bytes(),
                    owner.as_bytes(),
                    place.as_bytes(),
                ]));
            }
        };
        Some(hash_parts(&[kind.key().as_bytes(), id.as_bytes()]))
    }

    /// `kind`'s candidates ordered by a hash of the seed and each one's
    /// record: adding a record puts it somewhere in the order without moving
    /// the others, so that a code keeps its questions on an edited dataset.
    fn stack(&self, kind: QuestionKind, seed: u64) -> Stack {
        let salt = Rng::new(seed, STREAM).next_u64();
        let mut order: Vec<(u64, u32)> = (0..self.pool_len(kind))
            .filter_map(|c| {
                let key = self.candidate_key(kind, c)?;
                let priority = Rng::new(key ^ salt, STREAM).next_u64();
                Some((priority, u32::try_from(c).ok()?))
            })
            .collect();
        order.sort_unstable();
        Stack {
            kind,
            order,
            next: 0,
            done: false,
        }
    }

    /// A quiz for `options`: the same options and dataset give the same quiz.
    ///
    /// Kinds take turns, in a new random order each round, so that a short
    /// quiz mixes kinds; each kind takes its records in an order given by a
    /// hash of the seed and the record, and each question draws its options
    /// from a generator seeded by that hash, so that a question does not
    /// depend on the records around it. A record that cannot give a good
    /// question is passed over, and so is one the quiz's rules refuse (see
    /// [`Kept::admits`]). The quiz ends at `options.count` questions or when
    /// every kind is spent, so it may be shorter than asked for but is never
    /// padded.
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
            .map(|kind| self.stack(kind, options.seed))
            .collect();
        let mut ids: HashSet<String> = HashSet::new();
        let memo = Memo::default();
        let mut kept = Kept::default();
        let mut questions = Vec::with_capacity(options.count.min(64));
        while questions.len() < options.count && stacks.iter().any(|s| !s.done) {
            // The whole list is shuffled every round, spent kinds too, so
            // that the order of turns does not depend on the data.
            shuffle(&mut stacks, &mut rng);
            for stack in &mut stacks {
                if questions.len() >= options.count {
                    break;
                }
                if stack.done {
                    continue;
                }
                let question = self.next_question(stack, options, &memo, |q| {
                    !ids.contains(&q.id) && (!rules || kept.admits(q))
                });
                match question {
                    Some(question) => {
                        ids.insert(question.id.clone());
                        kept.keep(&question);
                        questions.push(question);
                    }
                    None => stack.done = true,
                }
            }
        }
        Quiz {
            options: options.clone(),
            code: QuizCode::from_options(options, self.fingerprint).ok(),
            questions,
        }
    }

    /// The next question of `stack` that `fits`, or `None` when the stack
    /// is spent or missed [`MAX_MISSES`] times in a row.
    fn next_question(
        &self,
        stack: &mut Stack,
        options: &QuizOptions,
        memo: &Memo,
        fits: impl Fn(&Question) -> bool,
    ) -> Option<Question> {
        let mut misses = 0;
        while misses < MAX_MISSES {
            let &(priority, candidate) = stack.order.get(stack.next)?;
            stack.next += 1;
            let mut rng = Rng::new(priority, QUESTION_STREAM);
            let question = kinds::build(
                self,
                stack.kind,
                candidate as usize,
                options.difficulty,
                memo,
                &mut rng,
            );
            match question {
                Some(question) if fits(&question) => return Some(question),
                _ => misses += 1,
            }
        }
        None
    }
}
