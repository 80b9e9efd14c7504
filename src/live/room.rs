//! A live class's room: the question on show, the devices that joined, what
//! each answered, and the counts the projector shows. Pure and synchronous:
//! the web server and the window both hold it behind one mutex, so every
//! answer is counted exactly once whichever thread takes it.
//!
//! Nothing here is stored beyond the class: the room lives while the class
//! runs, and only [`ClassRoom::summary`] (anonymous) outlives it, if the
//! teacher saves it.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

/// The most devices one class takes; a join beyond it is refused.
pub const MAX_DEVICES: usize = 1000;
/// The longest nickname kept, in characters; the rest is cut.
pub const MAX_NICKNAME_CHARS: usize = 32;

/// A device's secret token, given when it joins and sent with every answer.
/// The server makes it from the system's randomness; the room only keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviceToken(pub String);

/// What the students are asked: the question as the projector shows it,
/// without its answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LiveQuestion {
    /// Its place in the quiz, from 1.
    pub number: usize,
    /// How many questions the quiz has.
    pub total: usize,
    /// The question's stable id (`event-year:un-membership`), for the
    /// summary and for practising the missed ones.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// The options, lettered A, B, C… on the page.
    pub options: Vec<String>,
    /// Whether every option is to be put in order (an answer is then every
    /// option, earliest first) rather than one chosen.
    pub ordering: bool,
}

/// What the projector reveals after Space: the answer, why, and where it
/// is written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LiveReveal {
    /// The right option, or for an ordering question every option in order.
    pub answer: Vec<usize>,
    /// The explanation, with the sentence that states it.
    pub explanation: String,
    /// Where it is written: the article's title and paragraph.
    pub source: String,
}

/// Why an answer was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Refused {
    /// The token is not one this class gave.
    UnknownDevice,
    /// No question is on show.
    NoQuestion,
    /// The answer is for a question that is not the one on show.
    NotTheCurrentQuestion,
    /// The answer has been revealed: answers are closed.
    Closed,
    /// This device has already answered this question.
    AlreadyAnswered,
    /// An option that does not exist, or an order that is not one of every
    /// option once.
    NotAnAnswer,
    /// The class has ended.
    Ended,
    /// The class is full.
    Full,
}

/// What the projector shows of the question on show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LiveCounts {
    /// Devices that joined the class.
    pub joined: usize,
    /// The question on show, from 1, if any.
    pub number: Option<usize>,
    /// Devices that answered it.
    pub answered: usize,
    /// Answers that are right.
    pub right: usize,
    /// For a choice: how many chose each option. For an ordering: how many
    /// put each option in its right place.
    pub per_option: Vec<usize>,
    /// Whether its answer is revealed.
    pub revealed: bool,
}

/// One line of the summary the teacher may save: per question, anonymous.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    /// Its place in the quiz, from 1.
    pub number: usize,
    /// The question's stable id.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// Devices that answered it.
    pub answered: usize,
    /// Of them, right.
    pub right: usize,
}

impl SummaryRow {
    /// Whether some who answered were wrong: the class missed it.
    pub fn missed(&self) -> bool {
        self.right < self.answered
    }
}

/// What one student's page shows now.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StudentView {
    /// Joined; the teacher has not shown a question yet.
    Waiting,
    /// A question to answer, or answered and waiting for the reveal.
    Question {
        /// The question.
        question: LiveQuestion,
        /// This device's answer, once given.
        yours: Option<Vec<usize>>,
    },
    /// The answer is revealed.
    Revealed {
        /// The question.
        question: LiveQuestion,
        /// The answer and why.
        reveal: LiveReveal,
        /// This device's answer, if it gave one.
        yours: Option<Vec<usize>>,
        /// Whether it was right; none if it did not answer.
        right: Option<bool>,
    },
    /// The teacher ended the class.
    Ended,
}

/// One question as shown in this class, with its answers.
#[derive(Debug)]
struct Shown {
    question: LiveQuestion,
    answers: HashMap<DeviceToken, Vec<usize>>,
    reveal: Option<LiveReveal>,
}

/// A device that joined.
#[derive(Debug)]
struct Device {
    nickname: Option<String>,
}

/// The live class's state; see the module's documentation.
#[derive(Debug, Default)]
pub struct ClassRoom {
    devices: HashMap<DeviceToken, Device>,
    /// Every question shown, by number.
    shown: BTreeMap<usize, Shown>,
    /// The number of the question on show.
    current: Option<usize>,
    ended: bool,
    /// Bumped on every change a page or the projector shows, so either
    /// can ask cheaply whether anything changed.
    version: u64,
}

impl ClassRoom {
    /// An empty room, before any question.
    pub fn new() -> Self {
        Self::default()
    }

    /// A number that changes whenever anything shown changes.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether the teacher ended the class.
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// Takes a device into the class with its token and an optional
    /// nickname (only the teacher sees it; cut to [`MAX_NICKNAME_CHARS`],
    /// control characters dropped). Joining again with the same token
    /// keeps its answers and changes only the nickname.
    pub fn join(&mut self, token: DeviceToken, nickname: Option<&str>) -> Result<(), Refused> {
        if self.ended {
            return Err(Refused::Ended);
        }
        let nickname = nickname.map(clean_nickname).filter(|n| !n.is_empty());
        if let Some(device) = self.devices.get_mut(&token) {
            device.nickname = nickname;
            return Ok(());
        }
        if self.devices.len() >= MAX_DEVICES {
            return Err(Refused::Full);
        }
        self.devices.insert(token, Device { nickname });
        self.version += 1;
        Ok(())
    }

    /// Whether the token is one this class gave.
    pub fn knows(&self, token: &DeviceToken) -> bool {
        self.devices.contains_key(token)
    }

    /// How many devices gave a nickname: the count on the teacher's
    /// button, read every frame without copying a name.
    pub fn nickname_count(&self) -> usize {
        self.devices
            .values()
            .filter(|d| d.nickname.is_some())
            .count()
    }

    /// The nicknames given, sorted, for the teacher alone.
    pub fn nicknames(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .devices
            .values()
            .filter_map(|d| d.nickname.clone())
            .collect();
        names.sort();
        names
    }

    /// Shows a question. Shown again (the teacher went back), it keeps the
    /// answers and the reveal it had.
    pub fn show(&mut self, question: LiveQuestion) {
        let number = question.number;
        match self.shown.get_mut(&number) {
            Some(shown) if shown.question.id == question.id => shown.question = question,
            _ => {
                self.shown.insert(
                    number,
                    Shown {
                        question,
                        answers: HashMap::new(),
                        reveal: None,
                    },
                );
            }
        }
        self.current = Some(number);
        self.version += 1;
    }

    /// Reveals the answer of the question on show and closes its answers.
    pub fn reveal(&mut self, reveal: LiveReveal) {
        let Some(shown) = self.current.and_then(|n| self.shown.get_mut(&n)) else {
            return;
        };
        if shown.reveal.as_ref() != Some(&reveal) {
            shown.reveal = Some(reveal);
            self.version += 1;
        }
    }

    /// Ends the class: no more joins or answers; the pages say so.
    pub fn end(&mut self) {
        if !self.ended {
            self.ended = true;
            self.version += 1;
        }
    }

    /// Takes a device's answer to question `number`: once per device, only
    /// for the question on show, only before its reveal.
    pub fn answer(
        &mut self,
        token: &DeviceToken,
        number: usize,
        choice: Vec<usize>,
    ) -> Result<(), Refused> {
        if self.ended {
            return Err(Refused::Ended);
        }
        if !self.devices.contains_key(token) {
            return Err(Refused::UnknownDevice);
        }
        let current = self.current.ok_or(Refused::NoQuestion)?;
        if current != number {
            return Err(Refused::NotTheCurrentQuestion);
        }
        let shown = self.shown.get_mut(&current).ok_or(Refused::NoQuestion)?;
        if shown.reveal.is_some() {
            return Err(Refused::Closed);
        }
        if shown.answers.contains_key(token) {
            return Err(Refused::AlreadyAnswered);
        }
        if !is_an_answer(&shown.question, &choice) {
            return Err(Refused::NotAnAnswer);
        }
        shown.answers.insert(token.clone(), choice);
        self.version += 1;
        Ok(())
    }

    /// What the projector shows now.
    pub fn counts(&self) -> LiveCounts {
        let mut counts = LiveCounts {
            joined: self.devices.len(),
            ..LiveCounts::default()
        };
        let Some(shown) = self.current.and_then(|n| self.shown.get(&n)) else {
            return counts;
        };
        counts.number = Some(shown.question.number);
        counts.answered = shown.answers.len();
        counts.revealed = shown.reveal.is_some();
        counts.per_option = vec![0; shown.question.options.len()];
        let answer = shown.reveal.as_ref().map(|r| r.answer.as_slice());
        for choice in shown.answers.values() {
            if shown.question.ordering {
                if let Some(answer) = answer {
                    for (place, option) in choice.iter().enumerate() {
                        if answer.get(place) == Some(option) {
                            counts.per_option[*option] += 1;
                        }
                    }
                }
            } else if let Some(slot) = choice.first().and_then(|o| counts.per_option.get_mut(*o)) {
                *slot += 1;
            }
            if answer.is_some_and(|a| a == choice.as_slice()) {
                counts.right += 1;
            }
        }
        counts
    }

    /// What `token`'s page shows now.
    pub fn student_view(&self, token: &DeviceToken) -> StudentView {
        if self.ended {
            return StudentView::Ended;
        }
        let Some(shown) = self.current.and_then(|n| self.shown.get(&n)) else {
            return StudentView::Waiting;
        };
        let yours = shown.answers.get(token).cloned();
        match &shown.reveal {
            None => StudentView::Question {
                question: shown.question.clone(),
                yours,
            },
            Some(reveal) => StudentView::Revealed {
                question: shown.question.clone(),
                right: yours.as_ref().map(|y| *y == reveal.answer),
                reveal: reveal.clone(),
                yours,
            },
        }
    }

    /// Per question shown, in quiz order: how many answered and how many
    /// were right. A question never revealed counts no one right.
    pub fn summary(&self) -> Vec<SummaryRow> {
        self.shown
            .values()
            .map(|shown| SummaryRow {
                number: shown.question.number,
                id: shown.question.id.clone(),
                prompt: shown.question.prompt.clone(),
                answered: shown.answers.len(),
                right: shown.reveal.as_ref().map_or(0, |reveal| {
                    shown
                        .answers
                        .values()
                        .filter(|a| **a == reveal.answer)
                        .count()
                }),
            })
            .collect()
    }
}

/// Whether `choice` answers `question`: one existing option, or for an
/// ordering every option exactly once.
fn is_an_answer(question: &LiveQuestion, choice: &[usize]) -> bool {
    let n = question.options.len();
    if question.ordering {
        let mut seen = vec![false; n];
        choice.len() == n
            && choice
                .iter()
                .all(|&o| o < n && !std::mem::replace(&mut seen[o], true))
    } else {
        matches!(choice, [o] if *o < n)
    }
}

/// A nickname as kept: no control characters, trimmed, at most
/// [`MAX_NICKNAME_CHARS`] characters. Escaping is the page's job.
fn clean_nickname(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control())
        .take(MAX_NICKNAME_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
#[path = "room_tests.rs"]
mod tests;
