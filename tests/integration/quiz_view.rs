//! The Quiz view as a student and a teacher use it: starting a quiz from its
//! code, answering by clicking and by keyboard, the score, the Test review,
//! Class mode's reveal, "Read in source", and the memory saved to disk.
//! Runs without a display.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use crate::memory_compare;
use crate::window;

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use memory_compare::without_times;
use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::memory::Memory;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::worksheet::letter;
use neutrality_reader::quiz::{Fingerprint, Question, QuizCode, QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

fn app(memory: Option<PathBuf>) -> Harness<'static, ReaderApp> {
    window([1400.0, 1000.0], move |mut app| {
        if let Some(file) = memory {
            app = app.with_quiz_memory(file);
        }
        app.show_view(View::Quiz);
        app
    })
}

fn code(seed: u64, count: usize) -> QuizCode {
    QuizCode::from_options(
        &QuizOptions {
            seed,
            count,
            ..QuizOptions::default()
        },
        Fingerprint::of(&Dataset::embedded().unwrap()),
    )
    .unwrap()
}

/// Chooses a mode on the setup screen and starts the quiz of `code`.
fn start(harness: &mut Harness<'static, ReaderApp>, mode: &str, code: &QuizCode) {
    harness.get_by_role_and_label(Role::Button, mode).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Quiz code")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Quiz code")
        .type_text(&code.to_string());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Start this quiz")
        .click();
    harness.run();
}

fn shown(harness: &Harness<'static, ReaderApp>) -> Question {
    let session = harness.state().quiz().session.as_ref().unwrap();
    session.question().unwrap().clone()
}

/// The label of option `index` as drawn: "B.  1992".
fn option_label(question: &Question, index: usize) -> String {
    format!("{}.  {}", letter(index), question.options[index])
}

fn wrong_index(question: &Question) -> usize {
    (0..question.options.len())
        .find(|i| !question.answer.contains(i))
        .unwrap()
}

/// Answers the question shown with the keyboard: its letters, then Enter.
fn answer_by_keys(harness: &mut Harness<'static, ReaderApp>, indices: &[usize]) {
    const KEYS: [egui::Key; 4] = [egui::Key::A, egui::Key::B, egui::Key::C, egui::Key::D];
    for &i in indices {
        harness.key_press(KEYS[i]);
        harness.run();
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// A seed whose first question is not an ordering one, for click tests.
fn seed_with_single_answer_first() -> u64 {
    let dataset = Dataset::embedded().unwrap();
    (1..100)
        .find(|&seed| {
            let quiz = generate(&dataset, &code(seed, 5).options());
            !quiz.questions[0].kind.is_ordering() && !quiz.questions[1].kind.is_ordering()
        })
        .unwrap()
}

#[test]
fn a_quiz_code_reproduces_the_quiz() {
    let dataset = Dataset::embedded().unwrap();
    let code = code(4242, 6);
    let expected = generate(&dataset, &code.options());
    let mut harness = app(None);
    start(&mut harness, "Practice", &code);
    let session = harness.state().quiz().session.as_ref().unwrap();
    assert_eq!(session.quiz.questions, expected.questions);
    assert_eq!(session.mode, Mode::Practice);
    harness.get_by_label_contains(&format!("Quiz code {code}"));
    harness.get_by_label(&expected.questions[0].prompt);
}

#[test]
fn a_code_made_on_another_dataset_says_so_over_its_quiz() {
    let bundled = Fingerprint::of(&Dataset::embedded().unwrap());
    let elsewhere = Fingerprint {
        identity: (bundled.identity + 1) % 32,
        content: bundled.content,
    };
    let options = QuizOptions {
        seed: 4242,
        count: 6,
        ..QuizOptions::default()
    };
    let code = QuizCode::from_options(&options, elsewhere).unwrap();
    let mut harness = app(None);
    start(&mut harness, "Practice", &code);
    // The quiz is made all the same, and the reason it may differ is said.
    assert!(harness.state().quiz().session.is_some());
    harness.get_by_label_contains("This code was made on another dataset");
    // On the dataset it was made on, nothing is said.
    let mut harness = app(None);
    start(&mut harness, "Practice", &code_on(bundled));
    assert!(
        harness
            .query_by_label_contains("was made on another")
            .is_none()
    );
}

fn code_on(fingerprint: Fingerprint) -> QuizCode {
    let options = QuizOptions {
        seed: 4242,
        count: 6,
        ..QuizOptions::default()
    };
    QuizCode::from_options(&options, fingerprint).unwrap()
}

#[test]
fn a_mistyped_code_is_explained() {
    let mut harness = app(None);
    let mut typo = code(7, 5).to_string();
    // Change one character: the check character catches it.
    let last = typo.pop().unwrap();
    typo.push(if last == '0' { '1' } else { '0' });
    harness
        .get_by_role_and_label(Role::TextInput, "Quiz code")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Quiz code")
        .type_text(&typo);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Start this quiz")
        .click();
    harness.run();
    assert!(harness.state().quiz().session.is_none());
    harness.get_by_label_contains("is not a valid quiz code: a character is probably mistyped");
}

#[test]
fn clicking_the_right_option_scores_and_explains() {
    let mut harness = app(None);
    let seed = seed_with_single_answer_first();
    start(&mut harness, "Practice", &code(seed, 5));
    let question = shown(&harness);
    harness.get_by_label("Score: 0 of 0");
    harness
        .get_by_role_and_label(Role::Button, &option_label(&question, question.answer[0]))
        .click();
    harness.run();
    harness.get_by_label("Right.");
    harness.get_by_label("Score: 1 of 1");
    harness.get_by_label(&question.explanation);
    // "Read in source" opens the article at the paragraph that states it.
    let source = question.sources[0].clone();
    harness
        .query_all(
            By::new()
                .role(Role::Button)
                .label_contains("Read in source: "),
        )
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Study);
    assert_eq!(
        harness.state().highlighted(),
        Some((source.article.as_str(), source.paragraph))
    );
}

#[test]
fn answering_by_keyboard_and_moving_on() {
    let mut harness = app(None);
    let seed = seed_with_single_answer_first();
    start(&mut harness, "Practice", &code(seed, 5));
    let first = shown(&harness);
    answer_by_keys(&mut harness, &[wrong_index(&first)]);
    harness.get_by_label_contains("Not quite. The answer: ");
    harness.get_by_label("Score: 0 of 1");
    // Enter again goes on to the next question.
    harness.key_press(egui::Key::Enter);
    harness.run();
    let second = shown(&harness);
    assert_ne!(second.id, first.id);
    answer_by_keys(&mut harness, &second.answer.clone());
    harness.get_by_label("Score: 1 of 2");
    // Left goes back; the answer given stays.
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(shown(&harness).id, first.id);
    harness.get_by_label_contains("Not quite.");
}

#[test]
fn a_test_gives_the_score_at_the_end_and_reviews_every_question() {
    let mut harness = app(None);
    start(&mut harness, "Test", &code(99, 5));
    let total = harness
        .state()
        .quiz()
        .session
        .as_ref()
        .unwrap()
        .quiz
        .questions
        .len();
    let mut right = 0;
    for n in 0..total {
        let question = shown(&harness);
        let answer = if n % 2 == 0 || question.kind.is_ordering() {
            right += 1;
            question.answer.clone()
        } else {
            vec![wrong_index(&question)]
        };
        answer_by_keys(&mut harness, &answer);
        // No feedback during a test.
        assert!(harness.query_by_label("Right.").is_none());
    }
    harness.get_by_label(&format!("Score: {right} of {total}"));
    let questions = harness
        .state()
        .quiz()
        .session
        .as_ref()
        .unwrap()
        .quiz
        .questions
        .clone();
    for question in &questions {
        harness.get_by_label(&question.prompt);
    }
    let reviewed = harness
        .query_all(By::new().label_contains("Right answer: "))
        .count();
    assert_eq!(reviewed, total);
}

#[test]
fn class_mode_reveals_on_space_and_moves_with_the_arrows() {
    let mut harness = app(None);
    start(&mut harness, "Class", &code(7, 4));
    let first = shown(&harness);
    assert!(harness.query_by_label(&first.explanation).is_none());
    harness.key_press(egui::Key::Space);
    harness.run();
    harness.get_by_label(&first.explanation);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let second = shown(&harness);
    assert_ne!(second.id, first.id);
    assert!(harness.query_by_label(&second.explanation).is_none());
    harness.get_by_label_contains("Question 2 of");
    // No score anywhere in Class mode.
    assert!(harness.query_by_label_contains("Score").is_none());
}

#[test]
fn answers_are_saved_and_a_damaged_save_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quiz-memory.json");
    {
        let mut harness = app(Some(file.clone()));
        let seed = seed_with_single_answer_first();
        start(&mut harness, "Practice", &code(seed, 5));
        let question = shown(&harness);
        answer_by_keys(&mut harness, &[wrong_index(&question)]);
        let saved: Memory = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(saved.questions[&question.id].wrong, 1);
    }
    // Cut off as by a crash in an editor: the app starts, says so, keeps the file.
    std::fs::write(&file, "{\"version\": 1, \"questions\": {").unwrap();
    let harness = app(Some(file.clone()));
    harness.get_by_label_contains("Your quiz progress could not be read");
    assert!(harness.state().quiz().memory.questions.is_empty());
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        kept.iter()
            .any(|name| name.starts_with("quiz-memory.json.corrupt-")),
        "{kept:?}"
    );
}

#[test]
fn a_wrong_answer_comes_back_for_review() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quiz-memory.json");
    let mut harness = app(Some(file));
    let seed = seed_with_single_answer_first();
    start(&mut harness, "Practice", &code(seed, 5));
    let question = shown(&harness);
    answer_by_keys(&mut harness, &[wrong_index(&question)]);
    // A day later it is due.
    let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
    let memory = &harness.state().quiz().memory;
    assert_eq!(memory.due(tomorrow), [question.id.as_str()]);
    let review = memory.review_quiz(&Dataset::embedded().unwrap(), tomorrow, 3);
    assert_eq!(review.questions.len(), 1);
    assert_eq!(review.questions[0].prompt, question.prompt);
}

/// The memory saved at `file`, or an empty one if nothing was saved.
fn saved(file: &std::path::Path) -> Memory {
    match std::fs::read_to_string(file) {
        Ok(text) => serde_json::from_str(&text).unwrap(),
        Err(_) => Memory::new(),
    }
}

/// Answers the question shown with the mouse: its options in turn, then
/// "Confirm and go on".
fn answer_by_clicks(harness: &mut Harness<'static, ReaderApp>, indices: &[usize]) {
    let question = shown(harness);
    for &i in indices {
        harness
            .get_by_role_and_label(Role::Button, &option_label(&question, i))
            .click();
        harness.run();
    }
    harness
        .get_by_role_and_label(Role::Button, "Confirm and go on")
        .click();
    harness.run();
}

/// Test mode answered with the keyboard (letters, then Enter) saves every
/// answer and the score to the memory exactly as clicking does. It did not:
/// Enter confirmed and moved on in one go, and the answer was then looked
/// for among the questions now shown, so only the last one was saved.
#[test]
fn a_test_answered_by_keyboard_is_saved_as_one_answered_by_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let by_keys = dir.path().join("keys.json");
    let by_clicks = dir.path().join("clicks.json");
    let code = code(seed_with_single_answer_first(), 5);
    let mut keys = app(Some(by_keys.clone()));
    let mut clicks = app(Some(by_clicks.clone()));
    start(&mut keys, "Test", &code);
    start(&mut clicks, "Test", &code);
    let total = keys
        .state()
        .quiz()
        .session
        .as_ref()
        .unwrap()
        .quiz
        .questions
        .len();
    for n in 0..total {
        let question = shown(&keys);
        assert_eq!(shown(&clicks), question);
        // Right and wrong in turn; an ordering question is answered in order.
        let answer = if n % 2 == 0 || question.kind.is_ordering() {
            question.answer.clone()
        } else {
            vec![wrong_index(&question)]
        };
        answer_by_keys(&mut keys, &answer);
        answer_by_clicks(&mut clicks, &answer);
        let (keys_memory, clicks_memory) = (saved(&by_keys), saved(&by_clicks));
        assert_eq!(
            keys_memory.questions.len(),
            n + 1,
            "question {n} answered by keyboard was not saved"
        );
        assert_eq!(without_times(&keys_memory), without_times(&clicks_memory));
    }
    let (keys_memory, clicks_memory) = (saved(&by_keys), saved(&by_clicks));
    assert_eq!(keys_memory.scores.len(), 1);
    assert_eq!(without_times(&keys_memory), without_times(&clicks_memory));
    assert_eq!(
        keys.state().quiz().session,
        clicks.state().quiz().session,
        "the same answers, the same end"
    );
}

/// In Class mode the revealed answer says so in words, not by a pale green
/// alone, in every theme and language; the colours are checked for contrast
/// in `src/ui/quiz/feedback.rs`. It failed before: the option's name was
/// only "B.  1992".
#[test]
fn class_mode_says_which_is_the_right_answer_in_words() {
    use neutrality_reader::i18n::{Language, catalogs};
    use neutrality_reader::ui::theme::Theme;
    let dataset = Dataset::embedded().unwrap();
    let quiz = generate(
        &dataset,
        &code(seed_with_single_answer_first(), 4).options(),
    );
    let question = quiz.questions[0].clone();
    for (index, language) in Language::ALL.into_iter().enumerate() {
        let words = catalogs()[index].get("quiz.right_answer_mark").unwrap();
        for theme in Theme::ALL {
            let quiz = quiz.clone();
            let mut harness = window([1400.0, 1000.0], move |mut app| {
                app.apply_language(language);
                app.apply_theme(theme);
                app.show_view(View::Quiz);
                app.quiz_mut().start(quiz, Mode::Class);
                app
            });
            harness.key_press(egui::Key::Space);
            harness.run();
            let marked: Vec<String> = harness
                .query_all(By::new().role(Role::Button).label_contains(words))
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            assert_eq!(marked.len(), 1, "{language:?} {theme:?}: {marked:?}");
            assert!(
                marked[0].starts_with(&option_label(&question, question.answer[0])),
                "{language:?} {theme:?}: {marked:?}"
            );
        }
    }
}
