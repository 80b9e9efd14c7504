use proptest::prelude::*;

use super::*;

fn question(number: usize, options: usize, ordering: bool) -> LiveQuestion {
    LiveQuestion {
        number,
        total: 5,
        id: format!("q-{number}"),
        prompt: format!("Question {number}?"),
        options: (0..options).map(|o| format!("option {o}")).collect(),
        ordering,
    }
}

fn reveal(answer: Vec<usize>) -> LiveReveal {
    LiveReveal {
        answer,
        explanation: "Because the article says so.".into(),
        source: "Neutrality, ¶2".into(),
    }
}

fn token(n: usize) -> DeviceToken {
    DeviceToken(format!("device-{n}"))
}

fn room_with(devices: usize) -> ClassRoom {
    let mut room = ClassRoom::new();
    for d in 0..devices {
        room.join(token(d), None).unwrap();
    }
    room
}

#[test]
fn forty_students_answer_and_the_counts_match() {
    let mut room = room_with(40);
    room.show(question(1, 4, false));
    for d in 0..40 {
        room.answer(&token(d), 1, vec![d % 4]).unwrap();
    }
    let before = room.counts();
    assert_eq!((before.joined, before.answered), (40, 40));
    assert_eq!(before.per_option, [10, 10, 10, 10]);
    assert_eq!(before.right, 0, "nothing is right before the reveal");
    room.reveal(reveal(vec![2]));
    let after = room.counts();
    assert!(after.revealed);
    assert_eq!(after.right, 10);
    assert_eq!(room.summary()[0].right, 10);
}

#[test]
fn refusals_name_what_was_wrong() {
    let mut room = room_with(2);
    assert_eq!(room.answer(&token(0), 1, vec![0]), Err(Refused::NoQuestion));
    room.show(question(1, 4, false));
    assert_eq!(
        room.answer(&token(9), 1, vec![0]),
        Err(Refused::UnknownDevice)
    );
    assert_eq!(
        room.answer(&token(0), 2, vec![0]),
        Err(Refused::NotTheCurrentQuestion)
    );
    assert_eq!(
        room.answer(&token(0), 1, vec![4]),
        Err(Refused::NotAnAnswer)
    );
    assert_eq!(
        room.answer(&token(0), 1, vec![0, 1]),
        Err(Refused::NotAnAnswer)
    );
    room.answer(&token(0), 1, vec![1]).unwrap();
    assert_eq!(
        room.answer(&token(0), 1, vec![2]),
        Err(Refused::AlreadyAnswered),
        "a replayed answer is not taken twice, nor changed"
    );
    room.reveal(reveal(vec![1]));
    assert_eq!(room.answer(&token(1), 1, vec![1]), Err(Refused::Closed));
    room.show(question(2, 4, false));
    assert_eq!(
        room.answer(&token(1), 1, vec![1]),
        Err(Refused::NotTheCurrentQuestion),
        "an answer to an old question"
    );
    room.end();
    assert_eq!(room.answer(&token(1), 2, vec![1]), Err(Refused::Ended));
    assert_eq!(room.join(token(5), None), Err(Refused::Ended));
    assert_eq!(room.student_view(&token(0)), StudentView::Ended);
}

#[test]
fn going_back_keeps_a_question_answers_and_reveal() {
    let mut room = room_with(3);
    room.show(question(1, 4, false));
    room.answer(&token(0), 1, vec![3]).unwrap();
    room.reveal(reveal(vec![3]));
    room.show(question(2, 2, false));
    room.show(question(1, 4, false));
    let counts = room.counts();
    assert_eq!(
        (counts.answered, counts.right, counts.revealed),
        (1, 1, true)
    );
    match room.student_view(&token(0)) {
        StudentView::Revealed { right, yours, .. } => {
            assert_eq!((right, yours), (Some(true), Some(vec![3])));
        }
        other => panic!("{other:?}"),
    }
    match room.student_view(&token(1)) {
        StudentView::Revealed { right, .. } => assert_eq!(right, None),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_ordering_counts_each_option_in_its_right_place() {
    let mut room = room_with(3);
    room.show(question(1, 4, true));
    assert_eq!(
        room.answer(&token(0), 1, vec![0, 1, 1, 2]),
        Err(Refused::NotAnAnswer)
    );
    assert_eq!(
        room.answer(&token(0), 1, vec![0, 1, 2]),
        Err(Refused::NotAnAnswer)
    );
    room.answer(&token(0), 1, vec![3, 1, 0, 2]).unwrap();
    room.answer(&token(1), 1, vec![3, 0, 1, 2]).unwrap();
    room.reveal(reveal(vec![3, 1, 0, 2]));
    let counts = room.counts();
    assert_eq!(counts.right, 1);
    // Option 3 first and option 2 last: both placed right by both.
    assert_eq!(counts.per_option, [1, 1, 2, 2]);
}

#[test]
fn nicknames_are_kept_clean_and_a_rejoin_changes_only_the_name() {
    let mut room = ClassRoom::new();
    let long = "x".repeat(200);
    room.join(token(0), Some("  <b>Aý\u{7}</b>  ")).unwrap();
    room.join(token(1), Some(&long)).unwrap();
    room.join(token(2), Some("   ")).unwrap();
    let names = room.nicknames();
    assert_eq!(names.len(), 2);
    assert_eq!(room.nickname_count(), 2, "the blank one is no nickname");
    assert!(names.contains(&"<b>Aý</b>".to_string()), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.chars().count() <= MAX_NICKNAME_CHARS)
    );
    room.show(question(1, 2, false));
    room.answer(&token(0), 1, vec![0]).unwrap();
    room.join(token(0), Some("Maral")).unwrap();
    room.join(token(1), None).unwrap();
    assert_eq!(
        room.nickname_count(),
        1,
        "a rejoin without a name clears it"
    );
    assert_eq!(room.nicknames(), vec!["Maral".to_string()]);
    assert_eq!(room.counts().joined, 3);
    assert_eq!(room.counts().answered, 1, "answers survive a rejoin");
}

#[test]
fn a_full_class_refuses_more_devices() {
    let mut room = room_with(MAX_DEVICES);
    assert_eq!(room.join(token(MAX_DEVICES), None), Err(Refused::Full));
    assert_eq!(room.join(token(0), Some("again")), Ok(()));
}

/// One thing a teacher or a device may do.
#[derive(Clone, Debug)]
enum Step {
    Join(usize),
    Show(usize),
    Answer(usize, usize, Vec<usize>),
    Reveal(usize),
    End,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..12usize).prop_map(Step::Join),
        (1..4usize).prop_map(Step::Show),
        (
            0..14usize,
            0..5usize,
            proptest::collection::vec(0..5usize, 0..5)
        )
            .prop_map(|(d, n, c)| Step::Answer(d, n, c)),
        (0..4usize).prop_map(Step::Reveal),
        Just(Step::End),
    ]
}

proptest! {
    /// Whatever happens, in whatever order: a device is counted at most
    /// once per question, only accepted answers count, the right ones are a
    /// part of them, each choice is counted on one option, and the summary
    /// agrees with the projector.
    #[test]
    fn the_counts_are_the_accepted_answers(steps in proptest::collection::vec(step(), 0..80)) {
        let mut room = ClassRoom::new();
        let mut accepted: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut version = room.version();
        for step in steps {
            match step {
                Step::Join(d) => { let _ = room.join(token(d), None); }
                Step::Show(n) => room.show(question(n, 2 + n % 3, n == 3)),
                Step::Answer(d, n, choice) => {
                    if room.answer(&token(d), n, choice).is_ok() {
                        accepted.entry(n).or_default().push(d);
                    }
                }
                Step::Reveal(r) => {
                    let ordering = room.counts().number == Some(3);
                    // Question 3 orders its 2 options; the others choose one.
                    let answer = if ordering { vec![1, 0] } else { vec![r % 2] };
                    room.reveal(reveal(answer));
                }
                Step::End => room.end(),
            }
            prop_assert!(room.version() >= version);
            version = room.version();
            let counts = room.counts();
            prop_assert!(counts.right <= counts.answered);
            prop_assert!(counts.answered <= counts.joined);
            if let Some(n) = counts.number {
                let devices = accepted.get(&n).cloned().unwrap_or_default();
                let mut unique = devices.clone();
                unique.sort();
                unique.dedup();
                prop_assert_eq!(unique.len(), devices.len(), "a device counted twice");
                prop_assert_eq!(counts.answered, devices.len());
                if n != 3 {
                    prop_assert_eq!(counts.per_option.iter().sum::<usize>(), counts.answered);
                }
                let row = room.summary().into_iter().find(|r| r.number == n);
                prop_assert_eq!(row.map(|r| (r.answered, r.right)), Some((counts.answered, if counts.revealed { counts.right } else { 0 })));
            }
        }
    }
}
