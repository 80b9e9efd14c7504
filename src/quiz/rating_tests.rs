//! Practice's own rating of an answer, as Anki asks it: Again, Hard, Good or
//! Easy after the feedback, which FSRS schedules the question by.

use chrono::{DateTime, TimeZone, Utc};

use super::action::QuizAction;
use super::memory::{Grade, Memory};
use super::session::{Mode, Session};
use super::*;
use crate::dataset::Dataset;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 3, 14, 0, 0).unwrap()
}

/// A session of `mode` whose first question, single-answer, is answered right.
fn answered(mode: Mode) -> (Session, Memory, String) {
    let dataset = Dataset::embedded().unwrap();
    let quiz = (0..100)
        .map(|seed| {
            generate(
                &dataset,
                &QuizOptions {
                    seed,
                    count: 3,
                    ..QuizOptions::default()
                },
            )
        })
        .find(|q| q.questions.first().is_some_and(|q| !q.kind.is_ordering()))
        .unwrap();
    let first = quiz.questions[0].clone();
    let mut session = Session::new(quiz, mode);
    let mut memory = Memory::new();
    for action in [QuizAction::Choose(first.answer[0]), QuizAction::Confirm] {
        session.apply(action, &mut memory, now());
    }
    (session, memory, first.id)
}

fn due(memory: &Memory, id: &str) -> DateTime<Utc> {
    memory.questions[id].card.due
}

#[test]
fn each_grade_schedules_the_question_differently() {
    let mut dues = Vec::new();
    for grade in Grade::ALL {
        let (mut session, mut memory, id) = answered(Mode::Practice);
        assert!(session.can_rate());
        let applied = session.apply(QuizAction::Rate(grade), &mut memory, now());
        assert!(applied.recorded);
        assert_eq!(session.answer().and_then(|a| a.grade), Some(grade));
        // The answer was right whatever the rating: the score keeps it.
        assert_eq!(memory.questions[&id].right, 1);
        dues.push(due(&memory, &id));
    }
    // Again soonest, Easy latest.
    assert!(dues.windows(2).all(|w| w[0] < w[1]), "{dues:?}");
}

#[test]
fn rating_again_takes_the_place_of_the_first_rating() {
    let (mut session, mut memory, id) = answered(Mode::Practice);
    let good = due(&memory, &id);
    session.apply(QuizAction::Rate(Grade::Easy), &mut memory, now());
    session.apply(QuizAction::Rate(Grade::Good), &mut memory, now());
    // Rated from where the question was before the answer, not twice over.
    assert_eq!(due(&memory, &id), good);
}

#[test]
fn only_an_answer_given_with_feedback_is_rated() {
    // Not yet answered.
    let dataset = Dataset::embedded().unwrap();
    let quiz = generate(&dataset, &QuizOptions::default());
    let mut session = Session::new(quiz, Mode::Practice);
    let mut memory = Memory::new();
    assert!(!session.can_rate());
    let applied = session.apply(QuizAction::Rate(Grade::Easy), &mut memory, now());
    assert!(!applied.recorded && memory.questions.is_empty());
    // A test gives no feedback, and has moved on anyway.
    let (mut test, mut memory, id) = answered(Mode::Test);
    let before = due(&memory, &id);
    test.apply(QuizAction::Rate(Grade::Easy), &mut memory, now());
    assert_eq!(due(&memory, &id), before);
}
