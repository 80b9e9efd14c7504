//! A live class through the window (issue 21), as a teacher runs it: Class
//! mode's "Start a live class", students joining and answering (here
//! straight through the room the server would share), the projector's
//! counts, Space revealing the bars, the next question shown to the room,
//! and the end: the server stopped, the summary saved as CSV and Markdown,
//! and a Practice quiz of exactly the questions the class missed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::live;
use crate::window;

use std::sync::{Arc, Mutex};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use live::token;
use neutrality_reader::dataset::Dataset;
use neutrality_reader::live::room::ClassRoom;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{Quiz, QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// A class quiz of three questions, none of them an ordering.
fn class_quiz() -> Quiz {
    let dataset = Dataset::embedded().unwrap();
    let mut quiz = generate(
        &dataset,
        &QuizOptions {
            count: 12,
            ..QuizOptions::from_entropy(21)
        },
    );
    quiz.questions.retain(|q| !q.kind.is_ordering());
    quiz.questions.truncate(3);
    assert_eq!(quiz.questions.len(), 3);
    quiz
}

/// What the test keeps of the class it lets the window start: the room,
/// and a token the server holds (its strong count says whether the server
/// was dropped).
struct Made {
    room: Arc<Mutex<ClassRoom>>,
    server_alive: Arc<()>,
}

/// The window in Class mode on `quiz`, starting classes the test makes.
fn class_window(size: [f32; 2], quiz: Quiz) -> (Harness<'static, ReaderApp>, Made) {
    let made = Made {
        room: Arc::new(Mutex::new(ClassRoom::new())),
        server_alive: Arc::new(()),
    };
    let (room, alive) = (made.room.clone(), Arc::downgrade(&made.server_alive));
    let harness = window(size, move |mut app| {
        app.quiz_mut().start(quiz, Mode::Class);
        app.show_view(View::Quiz);
        live::fake_starter(&mut app, room, alive);
        app
    });
    (harness, made)
}

#[test]
fn a_live_class_runs_from_the_window_and_its_summary_is_saved() {
    let quiz = class_quiz();
    let (mut harness, made) = class_window([1280.0, 800.0], quiz.clone());
    let first = quiz.questions[0].clone();
    let right = first.answer[0];
    let wrong = (right + 1) % first.options.len();

    // Start: the join panel with the address, the code and the QR code.
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    assert_eq!(Arc::strong_count(&made.server_alive), 2, "server held");
    harness.get_by_label("http://192.168.1.20:8765");
    harness.get_by_label("Code  K7Q2");
    harness.get_by_label("QR code of http://192.168.1.20:8765/?code=K7Q2");
    harness.get_by_label("0 joined");
    assert_eq!(made.room.lock().unwrap().counts().number, Some(1));

    // Seven join; five answer: three right, two wrong.
    {
        let mut room = made.room.lock().unwrap();
        for n in 0..7 {
            room.join(token(n), None).unwrap();
        }
        for n in 0..5 {
            let choice = if n < 3 { right } else { wrong };
            room.answer(&token(n), 1, vec![choice]).unwrap();
        }
    }
    harness.run();
    harness.get_by_label("7 joined");
    harness.get_by_label("5 of 7 answered");
    assert!(harness.query_by_label_contains("of 5 right").is_none());

    // Space reveals: the room closes and the projector shows the bars.
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(made.room.lock().unwrap().counts().revealed);
    harness.get_by_label("The class: 3 of 5 right");
    let letter = |i: usize| char::from(b'A' + u8::try_from(i).unwrap());
    harness.get_by_label(&format!("{}: 3", letter(right)));
    harness.get_by_label(&format!("{}: 2", letter(wrong)));
    harness.get_by_label("✔ right");

    // The next question is shown to the room; a late answer to the first
    // is refused.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(made.room.lock().unwrap().counts().number, Some(2));
    harness.get_by_label("0 of 7 answered");
    let second = &quiz.questions[1];
    {
        let mut room = made.room.lock().unwrap();
        assert!(room.answer(&token(6), 1, vec![right]).is_err());
        for n in 0..4 {
            room.answer(&token(n), 2, vec![second.answer[0]]).unwrap();
        }
    }
    harness.key_press(egui::Key::Space);
    harness.run();
    harness.get_by_label("The class: 4 of 4 right");

    // Fold the panel, then end the class: the server is dropped.
    harness
        .get_by_role_and_label(Role::Button, "Fold to a line")
        .click();
    harness.run();
    harness.get_by_label_contains("Join: http://192.168.1.20:8765");
    harness
        .get_by_role_and_label(Role::Button, "End the live class")
        .click();
    harness.run();
    assert_eq!(Arc::strong_count(&made.server_alive), 1, "server dropped");
    assert!(made.room.lock().unwrap().ended());
    harness.get_by_label_contains("The live class has ended: 2 questions shown, 9 answers");

    // Save the summary: CSV and Markdown, both read back.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live-class-2026-12-06.csv");
    harness
        .get_by_role_and_label(Role::Button, "Save summary…")
        .click();
    harness.run();
    let label = "Save the summary (CSV; the Markdown goes beside it) to:";
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    let default = field.value().unwrap_or_default();
    assert!(
        default.contains("live-class-") && default.ends_with(".csv"),
        "{default}"
    );
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let csv_text = std::fs::read_to_string(&path).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "1");
    assert_eq!(&rows[0][1], first.prompt.as_str());
    assert_eq!((&rows[0][2], &rows[0][3]), ("5", "3"));
    assert_eq!((&rows[1][2], &rows[1][3]), ("4", "4"));
    assert_eq!(&rows[0][4], first.id.as_str());
    let markdown = std::fs::read_to_string(path.with_extension("md")).unwrap();
    assert!(markdown.starts_with("# Live class of "), "{markdown}");
    assert!(
        markdown.contains("| 1 |") && markdown.contains("| 5 | 3 |"),
        "{markdown}"
    );
    harness.get_by_label_contains("Saved the summary as");

    // Practise the ones missed: exactly the first question.
    harness
        .get_by_role_and_label(Role::Button, "Practise the ones the class missed")
        .click();
    harness.run();
    let session = harness.state().quiz().session.clone().unwrap();
    assert_eq!(session.mode, Mode::Practice);
    let ids: Vec<&str> = session
        .quiz
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, [first.id.as_str()]);
}

#[test]
fn leaving_the_quiz_ends_the_class_and_none_missed_disables_the_practice() {
    let quiz = class_quiz();
    let (mut harness, made) = class_window([1024.0, 700.0], quiz.clone());
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    {
        let mut room = made.room.lock().unwrap();
        room.join(token(1), Some("<b>Ann</b>")).unwrap();
        room.answer(&token(1), 1, vec![quiz.questions[0].answer[0]])
            .unwrap();
    }
    harness.key_press(egui::Key::Space);
    harness.run();
    // No name on the projector.
    assert!(harness.query_by_label_contains("Ann").is_none());
    // End the quiz (Esc, Enter): the class ends with it.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().quiz().session.as_ref().unwrap().finished);
    assert_eq!(Arc::strong_count(&made.server_alive), 1, "server dropped");
    harness.get_by_label_contains("The live class has ended: 1 questions shown, 1 answers");
    let practise =
        harness.get_by_role_and_label(Role::Button, "Practise the ones the class missed");
    assert!(practise.accesskit_node().is_disabled());
    harness.get_by_label("The class missed none: every answer given was right.");
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert!(harness.state().quiz().live.ended.is_none());
}

#[test]
fn every_live_button_is_reached_by_tab_and_pressed_by_enter() {
    let (mut harness, made) = class_window([1280.0, 800.0], class_quiz());
    // Tab until "Start a live class" has the focus, then Enter.
    let press = |harness: &mut Harness<'static, ReaderApp>, label: &str| {
        for _ in 0..40 {
            harness.key_press(egui::Key::Tab);
            harness.run();
            if harness
                .query_by_role_and_label(Role::Button, label)
                .is_some_and(|b| b.is_focused())
            {
                harness.key_press(egui::Key::Enter);
                harness.run();
                return;
            }
        }
        panic!("Tab never reached “{label}”");
    };
    press(&mut harness, "Start a live class");
    assert_eq!(Arc::strong_count(&made.server_alive), 2);
    press(&mut harness, "Fold to a line");
    press(&mut harness, "Show the QR code");
    harness.get_by_label("Code  K7Q2");
    press(&mut harness, "End the live class");
    assert_eq!(Arc::strong_count(&made.server_alive), 1);
    press(&mut harness, "Close");
    assert!(harness.state().quiz().live.ended.is_none());
}

/// One student's browser over HTTP: its device cookie and the join code.
struct Student {
    agent: ureq::Agent,
    base: String,
    code: String,
    cookie: String,
}

impl Student {
    fn post(&self, path: &str, body: &serde_json::Value) -> (u16, Vec<String>) {
        let mut response = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("X-Join-Code", &self.code)
            .header("Cookie", &self.cookie)
            .send_json(body)
            .unwrap();
        let cookies = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        let _ = response.body_mut().read_to_string();
        (response.status().as_u16(), cookies)
    }

    fn join(base: &str, code: &str) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(std::time::Duration::from_secs(30)))
            .build()
            .into();
        let mut student = Self {
            agent,
            base: base.to_owned(),
            code: code.to_owned(),
            cookie: String::new(),
        };
        let (status, cookies) = student.post("/api/join", &serde_json::json!({}));
        assert_eq!(status, 200);
        let set = cookies
            .iter()
            .find(|c| c.starts_with("nr_device="))
            .unwrap();
        student.cookie = set.split(';').next().unwrap().to_owned();
        student
    }
}

/// A real class started from the window, on loopback only: forty students
/// join and answer over HTTP, and the projector counts them exactly; the
/// reveal closes the answers; ending the class closes the port.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_real_class_on_loopback_is_counted_on_the_projector() {
    use neutrality_reader::live::link::LiveConfig;
    let quiz = class_quiz();
    let first = quiz.questions[0].clone();
    let mut harness = window([1280.0, 800.0], move |mut app| {
        app.quiz_mut().start(quiz, Mode::Class);
        app.show_view(View::Quiz);
        // The window's own start, but on loopback (tests use no other).
        app.quiz_mut().live.starter = Some(Arc::new(|config: LiveConfig| {
            neutrality_reader::live::server::start(LiveConfig {
                bind: "127.0.0.1".parse().unwrap(),
                port: 0,
                ..config
            })
        }));
        app
    });
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    let join = harness
        .state()
        .quiz()
        .live
        .running
        .as_ref()
        .unwrap()
        .link
        .join
        .clone();
    assert!(join.address.starts_with("http://127.0.0.1:"), "{join:?}");
    harness.get_by_label(&format!("Code  {}", join.code));

    let students: Vec<Student> = (0..40)
        .map(|_| Student::join(&join.address, &join.code))
        .collect();
    let right = first.answer[0];
    let wrong = (right + 1) % first.options.len();
    for (n, student) in students.iter().enumerate().take(30) {
        let choice = if n < 17 { right } else { wrong };
        let body = serde_json::json!({ "number": 1, "choice": [choice] });
        assert_eq!(student.post("/api/answer", &body).0, 200);
    }
    // A replayed answer is refused and not counted.
    let replay = serde_json::json!({ "number": 1, "choice": [wrong] });
    assert_ne!(students[0].post("/api/answer", &replay).0, 200);
    harness.run();
    harness.get_by_label("40 joined");
    harness.get_by_label("30 of 40 answered");

    harness.key_press(egui::Key::Space);
    harness.run();
    harness.get_by_label("The class: 17 of 30 right");
    let late = serde_json::json!({ "number": 1, "choice": [right] });
    assert_ne!(students[35].post("/api/answer", &late).0, 200);

    harness
        .get_by_role_and_label(Role::Button, "End the live class")
        .click();
    harness.run();
    let port = join
        .address
        .rsplit(':')
        .next()
        .unwrap()
        .parse::<u16>()
        .unwrap();
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the port is closed once the class ends"
    );
}

#[test]
fn the_setup_offers_a_live_class_in_class_mode() {
    let room = Arc::new(Mutex::new(ClassRoom::new()));
    let alive = Arc::new(());
    let (shared, weak) = (room.clone(), Arc::downgrade(&alive));
    let mut harness = window([1280.0, 800.0], move |mut app| {
        app.show_view(View::Quiz);
        live::fake_starter(&mut app, shared, weak);
        app
    });
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Start a live class")
            .is_none(),
        "offered in Class mode only"
    );
    harness.get_by_label("Class").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    let session = harness.state().quiz().session.clone().unwrap();
    assert_eq!(session.mode, Mode::Class);
    assert_eq!(Arc::strong_count(&alive), 2, "the class runs");
    assert_eq!(room.lock().unwrap().counts().number, Some(1));
    harness.get_by_label("Code  K7Q2");
}

/// Closing the window drops the app, and with it the class's server.
#[test]
fn closing_the_window_stops_the_class() {
    let (mut harness, made) = class_window([1280.0, 800.0], class_quiz());
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    assert_eq!(Arc::strong_count(&made.server_alive), 2);
    drop(harness);
    assert_eq!(Arc::strong_count(&made.server_alive), 1);
}

/// Opening another unit ends the class of the quiz it leaves; its summary
/// is kept to be saved.
#[test]
fn opening_another_unit_ends_the_class_and_keeps_its_summary() {
    let (mut harness, made) = class_window([1280.0, 800.0], class_quiz());
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    copy(&data, &unit);
    harness.state_mut().open_dataset_folder(&unit);
    harness.run();
    assert_eq!(Arc::strong_count(&made.server_alive), 1, "server dropped");
    assert!(harness.state().quiz().live.ended.is_some());
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Nicknames are the teacher's alone: the projector shows none until the
/// teacher opens "Nicknames (N)", and then shows them as text, markup and
/// all.
#[test]
fn nicknames_show_only_in_the_teacher_s_list() {
    let (mut harness, made) = class_window([1280.0, 800.0], class_quiz());
    harness
        .get_by_role_and_label(Role::Button, "Start a live class")
        .click();
    harness.run();
    {
        let mut room = made.room.lock().unwrap();
        room.join(token(1), Some("Maral")).unwrap();
        room.join(token(2), Some("<b>Aýna</b>")).unwrap();
        room.join(token(3), None).unwrap();
    }
    harness.run();
    assert!(
        harness.query_by_label("Maral").is_none(),
        "no name on the projector"
    );
    harness
        .get_by_role_and_label(Role::Button, "Nicknames (2)")
        .click();
    harness.run();
    assert!(harness.query_by_label("Maral").is_some());
    assert!(
        harness.query_by_label("<b>Aýna</b>").is_some(),
        "shown as text"
    );
    // Closed again (a second click), the names are gone from the screen.
    harness
        .get_by_role_and_label(Role::Button, "Nicknames (2)")
        .click();
    harness.run();
    assert!(harness.query_by_label("Maral").is_none());
}
