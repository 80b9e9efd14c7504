//! Drawing a quiz: which kind comes next, and which record it asks about.

use std::collections::HashSet;

use crate::quiz::Rng;

use super::bank::{QuizBank, QuoteRef};
use super::claims::{Claim, Record};
use super::code::QuizCode;
use super::kinds::{self, Memo};
use super::options::QuizOptions;
use super::question::{Question, QuestionKind, Quiz};
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
pub(super) struct Kept {
    about: HashSet<Record>,
    asks: Vec<Claim>,
    reveals: Vec<Claim>,
    texts: Vec<String>,
}

impl Kept {
    /// Whether `question` may join: it is about no record already asked
    /// about (rule 1), what it asks no kept question reveals, and what it
    /// reveals no kept question asks (rule 2).
    pub(super) fn admits(&self, question: &Question) -> bool {
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

    /// Whether `text`, shown in a new question, states nothing a kept
    /// question asks.
    fn may_show(&self, text: &str) -> bool {
        let text = fold_case_and_punctuation(text);
        !self.asks.iter().any(|claim| claim.stated_in(&text))
    }

    pub(super) fn keep(&mut self, question: &Question) {
        let footprint = &question.footprint;
        self.about.extend(footprint.about.iter().cloned());
        self.asks.extend(footprint.asks.iter().cloned());
        self.reveals.extend(footprint.reveals.iter().cloned());
        self.texts.push(fold_case_and_punctuation(&question.text()));
    }
}

/// One candidate question: a kind, a record of its pool, and the priority
/// that seeds its own generator.
#[derive(Clone, Copy)]
struct Candidate {
    /// When it comes up: see [`QuizBank::candidates`].
    time: f64,
    priority: u64,
    kind: QuestionKind,
    index: u32,
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
        let event = |pool: &[u32]| d.events.get(at(pool)?).map(|e| &*e.id);
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

    /// Every candidate of the kinds `options` includes, in the order the
    /// quiz tries them.
    ///
    /// Each candidate's priority is a hash of the seed and its kind and
    /// record alone, and its time is that hash read as a fraction of the
    /// kind's pool size rounded up to a power of two, so that every kind
    /// comes up about once per unit of time and a short quiz mixes kinds.
    /// One order across all kinds, rather than kinds taking turns, is what
    /// keeps a code's questions on an edited dataset: an added record lands
    /// somewhere in the order without moving any other candidate (unless its
    /// pool crosses a power of two), so the questions before it are
    /// unchanged and those after it change only where it blocks them.
    fn candidates(&self, options: &QuizOptions) -> Vec<Candidate> {
        let salt = Rng::new(options.seed, STREAM).next_u64();
        let mut all = Vec::new();
        for kind in QuestionKind::ALL {
            if !options.includes(kind.topic()) {
                continue;
            }
            let len = self.pool_len(kind);
            let scale = len.next_power_of_two() as f64;
            all.extend((0..len).filter_map(|c| {
                let key = self.candidate_key(kind, c)?;
                let priority = Rng::new(key ^ salt, STREAM).next_u64();
                Some(Candidate {
                    // The top 53 bits, exactly a fraction below one.
                    time: (priority >> 11) as f64 / (1u64 << 53) as f64 * scale,
                    priority,
                    kind,
                    index: u32::try_from(c).ok()?,
                })
            }));
        }
        all.sort_unstable_by(|a, b| a.time.total_cmp(&b.time).then(a.priority.cmp(&b.priority)));
        all
    }

    /// A quiz for `options`: the same options and dataset give the same quiz.
    ///
    /// Candidates are tried in the order of [`QuizBank::candidates`], and
    /// each question draws its options from a generator seeded by its own
    /// priority, so that a question does not depend on the records around
    /// it. A record that cannot give a good question is passed over, and so
    /// is one the quiz's rules refuse (see [`Kept::admits`]). The quiz ends
    /// at `options.count` questions or when the candidates are spent, so it
    /// may be shorter than asked for but is never padded.
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
        let mut draw = Draw {
            bank: self,
            options,
            rules,
            memo: Memo::default(),
            ids: HashSet::new(),
            kept: Kept::default(),
            misses: [0; QuestionKind::ALL.len()],
            taken: [0; QuestionKind::ALL.len()],
            questions: Vec::with_capacity(options.count.min(64)),
        };
        let candidates = self.candidates(options);
        // First each kind up to its share of the quiz, so that a short quiz
        // mixes kinds; then, if the quiz is not full, the candidates passed
        // over for it, in the same order. The share depends only on the
        // count and the kinds asked for, not on the records.
        let kinds = QuestionKind::ALL
            .iter()
            .filter(|kind| options.includes(kind.topic()))
            .count()
            .max(1);
        let share = options.count.div_ceil(kinds).max(1);
        let mut passed_over = Vec::new();
        for candidate in candidates {
            if draw.full() {
                break;
            }
            if draw.taken[slot(candidate.kind)] >= share {
                passed_over.push(candidate);
            } else {
                draw.try_candidate(candidate);
            }
        }
        for candidate in passed_over {
            if draw.full() {
                break;
            }
            draw.try_candidate(candidate);
        }
        Quiz {
            options: options.clone(),
            code: QuizCode::from_options(options, self.fingerprint()).ok(),
            questions: draw.questions,
        }
    }
}

/// Where `kind` stands in [`QuestionKind::ALL`].
fn slot(kind: QuestionKind) -> usize {
    QuestionKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default()
}

/// A quiz being drawn.
struct Draw<'d, 'b, 'a> {
    bank: &'b QuizBank<'a>,
    options: &'d QuizOptions,
    /// Whether the quiz's rules apply (see [`Kept::admits`]).
    rules: bool,
    memo: Memo,
    ids: HashSet<String>,
    kept: Kept,
    /// Per kind: candidates that gave no question since the last that did.
    misses: [usize; QuestionKind::ALL.len()],
    /// Per kind: questions taken.
    taken: [usize; QuestionKind::ALL.len()],
    questions: Vec<Question>,
}

impl Draw<'_, '_, '_> {
    fn full(&self) -> bool {
        self.questions.len() >= self.options.count
    }

    /// Builds `candidate`'s question and takes it if the quiz's rules admit
    /// it; a kind that missed [`MAX_MISSES`] times in a row is not tried.
    fn try_candidate(&mut self, candidate: Candidate) {
        let at = slot(candidate.kind);
        if self.misses[at] >= MAX_MISSES {
            return;
        }
        let mut rng = Rng::new(candidate.priority, QUESTION_STREAM);
        let (rules, kept) = (self.rules, &self.kept);
        let may_show = |text: &str| !rules || kept.may_show(text);
        let question = kinds::build(
            self.bank,
            candidate.kind,
            candidate.index as usize,
            self.options.difficulty,
            &self.memo,
            &may_show,
            &mut rng,
        )
        .filter(|q| !self.ids.contains(&q.id) && (!rules || kept.admits(q)));
        match question {
            Some(question) => {
                self.misses[at] = 0;
                self.taken[at] += 1;
                self.ids.insert(question.id.clone());
                self.kept.keep(&question);
                self.questions.push(question);
            }
            None => self.misses[at] += 1,
        }
    }
}
