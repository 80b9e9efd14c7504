//! The projector's frame during a live class (issue 21): Class mode with
//! the join panel and its QR code, 200 students joined and answered, before
//! and after the reveal (the bars), on the window and on the stage (F5);
//! and a frame in which an answer has just arrived, so the counts are read
//! again from the room.
//!
//! Target: every such frame under 16 ms (layout and painting of the frame,
//! as eframe's `cpu_usage` counts it less the GPU; tessellation excluded, as
//! in the other view benches), so that a class answering does not slow the
//! projector.

use std::sync::{Arc, Mutex};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::live::link::{JoinInfo, LiveLink};
use neutrality_reader::live::room::{ClassRoom, DeviceToken};
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::command::View;

/// Students in the class.
const STUDENTS: usize = 200;

/// The window in Class mode with a live class on `room` started (as `--live`
/// does), its first frames drawn.
fn projector(room: Arc<Mutex<ClassRoom>>, stage: bool) -> Option<Harness<'static, ReaderApp>> {
    let dataset = Arc::new(Dataset::embedded().ok()?);
    let quiz = generate(
        &dataset,
        &QuizOptions {
            seed: 8,
            count: 10,
            ..QuizOptions::default()
        },
    );
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        // The stage sets its question to fit over a few frames.
        .with_max_steps(64)
        .build_eframe(move |cc| {
            let mut app = ReaderApp::new(&cc.egui_ctx, dataset, DataOrigin::default(), None);
            app.quiz_mut().start(quiz, Mode::Class);
            app.show_view(View::Quiz);
            let room = room.clone();
            app.quiz_mut().live.starter = Some(Arc::new(move |_config| {
                Ok(LiveLink {
                    room: room.clone(),
                    join: JoinInfo {
                        url: "http://192.168.100.200:8765/?c=K7Q2XW".to_owned(),
                        address: "http://192.168.100.200:8765".to_owned(),
                        code: "K7Q2XW".to_owned(),
                    },
                    server: Box::new(()),
                })
            }));
            app.quiz_mut().live.start_asked = true;
            if stage {
                app.start_presentation();
            }
            app
        });
    harness.run();
    Some(harness)
}

/// 200 join; all but the last answer the question on show.
fn answer(room: &Mutex<ClassRoom>) -> Option<usize> {
    let mut room = room.lock().ok()?;
    let counts = room.counts();
    let number = counts.number?;
    let options = counts.per_option.len().max(1);
    for n in 0..STUDENTS {
        let _ = room.join(DeviceToken(format!("d{n}")), None);
    }
    for n in 0..STUDENTS - 1 {
        let _ = room.answer(&DeviceToken(format!("d{n}")), number, vec![n % options]);
    }
    Some(number)
}

fn live_frames(c: &mut Criterion) {
    for stage in [false, true] {
        let place = if stage { "stage" } else { "window" };
        let room = Arc::new(Mutex::new(ClassRoom::new()));
        let Some(mut harness) = projector(room.clone(), stage) else {
            eprintln!("the bundled dataset does not load");
            return;
        };
        let Some(number) = answer(&room) else {
            eprintln!("no question on show");
            return;
        };
        harness.run();
        c.bench_function(&format!("live class: {place} frame, 200 answered"), |b| {
            b.iter(|| harness.step())
        });
        // An answer arrives before each frame: the counts are read again.
        let mut n = 0usize;
        c.bench_function(
            &format!("live class: {place} frame, an answer just arrived"),
            |b| {
                b.iter(|| {
                    n += 1;
                    if let Ok(mut room) = room.lock() {
                        let token = DeviceToken(format!("late{n}"));
                        let _ = room.join(token.clone(), None);
                        let _ = room.answer(&token, number, vec![0]);
                    }
                    harness.step();
                })
            },
        );
        harness.key_press(egui::Key::Space);
        harness.run();
        c.bench_function(
            &format!("live class: {place} frame, revealed with the bars"),
            |b| b.iter(|| harness.step()),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = live_frames
}
criterion_main!(benches);
