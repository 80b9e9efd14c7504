//! A live class the tests start in the window without a server: the room
//! is the test's, the server a token whose drop can be seen.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex, Weak};

use egui_kittest::Harness;

use neutrality_reader::live::link::{JoinInfo, LiveLink};
use neutrality_reader::live::room::{ClassRoom, DeviceToken};
use neutrality_reader::ui::app::ReaderApp;

/// How students join the fake class.
pub fn join_info() -> JoinInfo {
    JoinInfo {
        url: "http://192.168.1.20:8765/?code=K7Q2".to_owned(),
        address: "http://192.168.1.20:8765".to_owned(),
        code: "K7Q2".to_owned(),
    }
}

/// Lets the window start classes on `room`, their server holding a strong
/// count of `alive` (the starter keeps none of its own).
pub fn fake_starter(app: &mut ReaderApp, room: Arc<Mutex<ClassRoom>>, alive: Weak<()>) {
    app.quiz_mut().live.starter = Some(Arc::new(move |_config| {
        Ok(LiveLink {
            room: room.clone(),
            join: join_info(),
            server: Box::new(alive.upgrade().expect("the test holds it")),
        })
    }));
}

/// A fake class started at the first frame of Class mode, as `--live` does.
pub fn start_fake_class(app: &mut ReaderApp) {
    // Leaked: the scene's server lives as long as the test.
    let alive: &'static Arc<()> = Box::leak(Box::new(Arc::new(())));
    fake_starter(
        app,
        Arc::new(Mutex::new(ClassRoom::new())),
        Arc::downgrade(alive),
    );
    app.quiz_mut().live.start_asked = true;
}

/// A device's token.
pub fn token(n: usize) -> DeviceToken {
    DeviceToken(format!("device-{n}"))
}

/// Thirty join the running class; twenty-four answer the question on show,
/// spread over its options.
pub fn answer_some(harness: &mut Harness<'static, ReaderApp>) {
    let room = harness
        .state()
        .quiz()
        .live
        .running
        .as_ref()
        .expect("a class runs")
        .link
        .room
        .clone();
    {
        let mut room = room.lock().unwrap();
        let counts = room.counts();
        let number = counts.number.expect("a question on show");
        let options = counts.per_option.len();
        for n in 0..30 {
            room.join(token(n), None).unwrap();
        }
        for n in 0..24 {
            let _ = room.answer(&token(n), number, vec![n % options]);
        }
    }
    harness.run();
}

/// The text of `key` in `language`, as the window shows it.
pub fn label(language: neutrality_reader::i18n::Language, key: &'static str) -> String {
    let before = neutrality_reader::i18n::language();
    neutrality_reader::i18n::set_language(language);
    let text = neutrality_reader::i18n::tr(key).to_owned();
    neutrality_reader::i18n::set_language(before);
    text
}
