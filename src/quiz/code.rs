//! Quiz codes: ten characters that make the same quiz again, on the same
//! dataset.
//!
//! A code is written in Crockford's base 32 (digits and the letters A–Z without
//! I, L, O and U), shown as two groups of five, `7K2M9-QX4R2`. Reading ignores
//! case, spaces and hyphens, and takes I and L for 1 and O for 0, the way
//! Crockford's alphabet is meant to be typed.
//!
//! The first seven characters hold 35 bits:
//!
//! | bits | what                                                    |
//! |------|---------------------------------------------------------|
//! | 20   | the seed (so 1,048,576 different quizzes per setting)    |
//! | 6    | the number of questions, 1 to 64                          |
//! | 2    | the difficulty                                            |
//! | 7    | the topics, one bit per entry of [`Topic::ALL`]; none = all |
//!
//! mixed by a fixed bijection so that codes made with the same settings do not
//! all start alike. The eighth and ninth characters are the dataset's
//! [`Fingerprint`]: its articles, and its whole content, so that a code
//! entered on another dataset, or on an edited one, says so. The tenth is a
//! check: a weighted sum of the others modulo 32, with odd weights, so that
//! any one mistyped character (and nearly every swap of two neighbours) is
//! caught rather than silently making another quiz.
//!
//! Codes of eight characters (the seven and a check, without a fingerprint)
//! were made by earlier versions, which chose other questions: they are
//! recognised and refused with that reason.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use super::fingerprint::Fingerprint;
use super::options::{Difficulty, MAX_COUNT, QuizOptions, SEED_BITS, Topic};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_CHARS: usize = 7;
/// The data and the fingerprint: what the check covers.
const CHECKED: usize = DATA_CHARS + 2;
/// Characters of a code.
const LENGTH: usize = CHECKED + 1;
/// Characters of a code of an earlier version: the data and a check.
const EARLIER_LENGTH: usize = DATA_CHARS + 1;
const PAYLOAD_BITS: u32 = 35;
const MASK: u64 = (1 << PAYLOAD_BITS) - 1;
const COUNT_BITS: u32 = 6;
const DIFFICULTY_BITS: u32 = 2;
/// Odd, so multiplying by it modulo 2^35 is a bijection.
const MIX: u64 = 0x5_DEEC_E66D;
const UNMIX: u64 = inverse(MIX);
const SHIFT: u32 = 17;

/// The inverse of odd `a` modulo 2^35, by Newton's iteration (each step
/// doubles the number of correct low bits: 3, 6, 12, 24, 48).
const fn inverse(a: u64) -> u64 {
    let mut x = a;
    let mut i = 0;
    while i < 5 {
        x = x.wrapping_mul(2u64.wrapping_sub(a.wrapping_mul(x)));
        i += 1;
    }
    x & MASK
}

fn mix(payload: u64) -> u64 {
    let x = payload ^ (payload >> SHIFT);
    x.wrapping_mul(MIX) & MASK
}

fn unmix(mixed: u64) -> u64 {
    let x = mixed.wrapping_mul(UNMIX) & MASK;
    // Undoes x ^ (x >> 17) on 35 bits.
    x ^ (x >> SHIFT) ^ (x >> (2 * SHIFT))
}

fn check(values: &[u8]) -> u8 {
    let sum: u32 = values
        .iter()
        .zip((1u32..).step_by(2))
        .map(|(&v, weight)| u32::from(v) * weight)
        .sum();
    (sum % 32) as u8
}

/// A quiz code: seed, number of questions, difficulty, topics and the
/// dataset's fingerprint in ten characters. Make one with
/// [`QuizCode::from_options`] or [`QuizCode::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuizCode {
    chars: [u8; LENGTH],
}

/// Why a text is not a quiz code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Nothing was typed.
    #[error("the quiz code is empty: type its ten characters, such as 7K2M9-QX4R2")]
    Empty,
    /// A character outside the alphabet.
    #[error(
        "“{character}” cannot be part of a quiz code: codes use the digits and the letters A–Z except U"
    )]
    Character {
        /// The character, as typed.
        character: char,
    },
    /// Too few or too many characters.
    #[error("“{text}” has {length} characters, but a quiz code has 10 (hyphens and spaces aside)")]
    Length {
        /// The text as typed.
        text: String,
        /// How many code characters it has.
        length: usize,
    },
    /// The check character does not match: something is mistyped.
    #[error("“{0}” is not a valid quiz code: a character is probably mistyped")]
    Check(String),
    /// The characters check out but say something no quiz code says.
    #[error("“{0}” is not a quiz code this version of the reader makes")]
    Unknown(String),
    /// A code of eight characters, made by an earlier version that chose
    /// other questions and did not name its dataset.
    #[error(
        "“{0}” is a quiz code of an earlier version of Neutrality Reader, which chose other questions: ask for the quiz’s new code (ten characters)"
    )]
    Earlier(String),
    /// The options do not fit in a code.
    #[error(
        "these options cannot be shared as a code: it holds seeds below {max_seed} and 1 to {MAX_COUNT} questions",
        max_seed = 1u64 << SEED_BITS
    )]
    NotShareable,
}

impl QuizCode {
    /// The code for `options` on a dataset of fingerprint `dataset`; an
    /// error if the seed or count does not fit ([`QuizOptions::is_shareable`]).
    pub fn from_options(options: &QuizOptions, dataset: Fingerprint) -> Result<Self, CodeError> {
        if !options.is_shareable() {
            return Err(CodeError::NotShareable);
        }
        let topics = Topic::ALL
            .iter()
            .enumerate()
            .filter(|(_, topic)| options.topics.contains(topic))
            .fold(0u64, |bits, (i, _)| bits | (1 << i));
        // Every topic and no topic mean the same: store both as none.
        let topics = if topics == (1 << Topic::ALL.len()) - 1 {
            0
        } else {
            topics
        };
        let difficulty = match options.difficulty {
            Difficulty::Easy => 0,
            Difficulty::Normal => 1,
            Difficulty::Hard => 2,
        };
        let count = (options.count as u64).saturating_sub(1);
        let payload = (((topics << DIFFICULTY_BITS | difficulty) << COUNT_BITS | count)
            << SEED_BITS)
            | options.seed;
        let mixed = mix(payload);
        let mut values = [0u8; LENGTH];
        for (i, value) in values.iter_mut().take(DATA_CHARS).enumerate() {
            let shift = 5 * (DATA_CHARS - 1 - i);
            *value = ((mixed >> shift) & 31) as u8;
        }
        values[DATA_CHARS] = dataset.identity & 31;
        values[DATA_CHARS + 1] = dataset.content & 31;
        values[CHECKED] = check(&values[..CHECKED]);
        Ok(Self {
            chars: values.map(|v| ALPHABET[usize::from(v)]),
        })
    }

    /// Reads a code as people type it: any case, with or without the hyphen
    /// and spaces, I and L for 1, O for 0.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let mut values = Vec::with_capacity(8);
        for c in text.chars() {
            if c.is_whitespace() || matches!(c, '-' | '–' | '_') {
                continue;
            }
            let value = match c.to_ascii_uppercase() {
                'I' | 'L' => Some(1),
                'O' => Some(0),
                upper => ALPHABET
                    .iter()
                    .position(|&a| char::from(a) == upper)
                    .map(|p| p as u8),
            };
            values.push(value.ok_or(CodeError::Character { character: c })?);
        }
        if values.is_empty() {
            return Err(CodeError::Empty);
        }
        if values.len() == EARLIER_LENGTH && check(&values[..DATA_CHARS]) == values[DATA_CHARS] {
            return Err(CodeError::Earlier(text.trim().to_owned()));
        }
        if values.len() != LENGTH {
            return Err(CodeError::Length {
                text: text.trim().to_owned(),
                length: values.len(),
            });
        }
        if check(&values[..CHECKED]) != values[CHECKED] {
            return Err(CodeError::Check(text.trim().to_owned()));
        }
        let mut chars = [0u8; LENGTH];
        for (slot, &v) in chars.iter_mut().zip(&values) {
            *slot = ALPHABET[usize::from(v)];
        }
        let code = Self { chars };
        // A difficulty of 3 checks out but was never written.
        if code.fields().is_none() {
            return Err(CodeError::Unknown(text.trim().to_owned()));
        }
        Ok(code)
    }

    fn fields(&self) -> Option<QuizOptions> {
        let mixed = self.chars[..DATA_CHARS]
            .iter()
            .filter_map(|&c| ALPHABET.iter().position(|&a| a == c))
            .fold(0u64, |acc, v| (acc << 5) | v as u64);
        let payload = unmix(mixed);
        let seed = payload & ((1 << SEED_BITS) - 1);
        let rest = payload >> SEED_BITS;
        let count = (rest & ((1 << COUNT_BITS) - 1)) as usize + 1;
        let rest = rest >> COUNT_BITS;
        let difficulty = match rest & ((1 << DIFFICULTY_BITS) - 1) {
            0 => Difficulty::Easy,
            1 => Difficulty::Normal,
            2 => Difficulty::Hard,
            _ => return None,
        };
        let bits = rest >> DIFFICULTY_BITS;
        let topics: BTreeSet<Topic> = Topic::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, &topic)| topic)
            .collect();
        Some(QuizOptions {
            seed,
            count,
            topics,
            difficulty,
        })
    }

    /// The options the code stands for. An empty topic set means every topic.
    pub fn options(&self) -> QuizOptions {
        // Every code is checked when made, so the fallback is never taken.
        self.fields().unwrap_or_default()
    }

    /// The fingerprint of the dataset the code was made on.
    pub fn fingerprint(&self) -> Fingerprint {
        let value = |c: u8| ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u8;
        Fingerprint {
            identity: value(self.chars[DATA_CHARS]),
            content: value(self.chars[DATA_CHARS + 1]),
        }
    }

    /// The ten characters without the hyphen: `7K2M9QX4R2`.
    pub fn compact(&self) -> String {
        self.chars.iter().map(|&c| char::from(c)).collect()
    }
}

impl fmt::Display for QuizCode {
    /// Two groups of five: `7K2M9-QX4R2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.compact();
        let (head, tail) = text.split_at(5);
        write!(f, "{head}-{tail}")
    }
}

impl FromStr for QuizCode {
    type Err = CodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_earlier_versions_are_refused_with_that_reason() {
        // An earlier code: the same seven characters and a check of them alone.
        let code = QuizCode::from_options(&QuizOptions::default(), Fingerprint::default())
            .map(|c| c.compact())
            .unwrap_or_default();
        let values: Vec<u8> = code
            .bytes()
            .take(DATA_CHARS)
            .filter_map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u8))
            .collect();
        let mut earlier = code[..DATA_CHARS].to_owned();
        earlier.push(char::from(ALPHABET[usize::from(check(&values))]));
        let error = QuizCode::parse(&earlier);
        assert_eq!(error, Err(CodeError::Earlier(earlier.clone())));
        assert!(
            error
                .map_err(|e| e.to_string())
                .unwrap_err()
                .contains("earlier version")
        );
    }

    #[test]
    fn a_code_carries_its_fingerprint() {
        let fingerprint = Fingerprint {
            identity: 17,
            content: 3,
        };
        let code = QuizCode::from_options(&QuizOptions::default(), fingerprint);
        assert_eq!(code.map(|c| c.fingerprint()), Ok(fingerprint));
    }

    #[test]
    fn the_mixing_is_a_bijection() {
        assert_eq!(MIX.wrapping_mul(UNMIX) & MASK, 1);
        for payload in [0, 1, 2, 12345, MASK, MASK - 1, 1 << 34, 0x2_AAAA_AAAA] {
            assert_eq!(unmix(mix(payload)), payload, "{payload:#x}");
        }
    }
}
