//! A live class in Class mode (issue 21), as the window holds it: the
//! running class (its [`LiveLink`]) kept in step with the question on show
//! and its reveal, and, once ended, the anonymous summary the teacher may
//! save and the questions the class missed. The server itself is
//! `crate::live::server`; dropping the link stops it, so ending the class,
//! leaving the quiz and closing the app all stop it.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::dataset::Dataset;
use crate::live::link::{LiveConfig, LiveError, LiveLink};
use crate::live::room::{ClassRoom, LiveCounts, LiveQuestion, LiveReveal, SummaryRow};
use crate::quiz::session::Session;
use crate::quiz::{Question, Quiz, QuizOptions};
use crate::ui::save_dialog::SaveDialog;

/// The port a class listens on, unless it is taken.
pub const LIVE_PORT: u16 = 8765;

/// What starts a class's server: the real one in the window, one a test
/// makes in tests.
pub type LiveStarter = Arc<dyn Fn(LiveConfig) -> Result<LiveLink, LiveError> + Send + Sync>;

/// The live class: how one starts, the one running, the one just ended.
pub struct LiveState {
    /// Starts the server; `None` where there is none (the browser build).
    pub starter: Option<LiveStarter>,
    /// The class running, if any.
    pub running: Option<LiveClass>,
    /// The class ended, until the teacher puts its summary away.
    pub ended: Option<EndedClass>,
    /// Why the last start failed, in words.
    pub error: Option<String>,
    /// Start a class at the next frame of Class mode (`--live`).
    pub start_asked: bool,
}

impl std::fmt::Debug for LiveState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveState")
            .field("starter", &self.starter.is_some())
            .field("running", &self.running.as_ref().map(|c| &c.link.join))
            .field("ended", &self.ended.as_ref().map(|e| e.rows.len()))
            .field("error", &self.error)
            .field("start_asked", &self.start_asked)
            .finish()
    }
}

impl Default for LiveState {
    fn default() -> Self {
        Self {
            starter: default_starter(),
            running: None,
            ended: None,
            error: None,
            start_asked: false,
        }
    }
}

/// The real server, on the desktop; the browser has none.
fn default_starter() -> Option<LiveStarter> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(Arc::new(crate::live::server::start))
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

/// A class running: its link, what the room was last told, and how the
/// projector shows it.
pub struct LiveClass {
    /// The room, the join address and the server.
    pub link: LiveLink,
    /// The question last shown to the room: its number and id.
    shown: Option<(usize, String)>,
    /// The number of the question whose answer the room was last told.
    revealed: Option<usize>,
    /// The join panel folded to a line (the class has joined).
    pub folded: bool,
    /// The counts as last read, and the room's version then.
    counts: (u64, LiveCounts),
    /// The QR code of the join address: modules per side, and dark ones.
    pub qr: Option<(usize, Vec<bool>)>,
}

impl LiveClass {
    /// Holds `link`, the room told nothing yet.
    pub fn new(link: LiveLink) -> Self {
        let qr = qrcode::QrCode::with_error_correction_level(
            link.join.url.as_bytes(),
            qrcode::EcLevel::M,
        )
        .ok()
        .map(|code| {
            let dark = code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect();
            (code.width(), dark)
        });
        Self {
            link,
            shown: None,
            revealed: None,
            folded: false,
            counts: (u64::MAX, LiveCounts::default()),
            qr,
        }
    }

    /// The room, even if a thread panicked holding it: its counts are
    /// still whole (every change is a single insert).
    pub fn room(&self) -> MutexGuard<'_, ClassRoom> {
        lock(&self.link.room)
    }

    /// What the projector shows now, read again only when the room changed.
    pub fn counts(&mut self) -> &LiveCounts {
        let version = self.room().version();
        if self.counts.0 != version {
            let counts = self.room().counts();
            self.counts = (version, counts);
        }
        &self.counts.1
    }

    /// Tells the room the question on show and, once revealed, its answer.
    pub fn sync(&mut self, dataset: &Dataset, session: &Session) {
        let (Some(question), Some(answer)) = (session.question(), session.answer()) else {
            return;
        };
        let number = session.position + 1;
        if self.shown.as_ref() != Some(&(number, question.id.clone())) {
            self.room().show(LiveQuestion {
                number,
                total: session.quiz.questions.len(),
                id: question.id.clone(),
                prompt: question.prompt.clone(),
                options: question.options.clone(),
                ordering: question.kind.is_ordering(),
            });
            self.shown = Some((number, question.id.clone()));
            self.revealed = None;
        }
        if answer.revealed && self.revealed != Some(number) {
            self.room().reveal(LiveReveal {
                answer: question.answer.clone(),
                explanation: question.explanation.clone(),
                source: source_line(dataset, question),
            });
            self.revealed = Some(number);
        }
    }
}

/// A mutex's guard, poisoned or not.
fn lock(room: &Mutex<ClassRoom>) -> MutexGuard<'_, ClassRoom> {
    room.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Where the answer is written: "<article title>, ¶N".
fn source_line(dataset: &Dataset, question: &Question) -> String {
    question
        .sources
        .first()
        .map(|source| {
            let title = dataset
                .article(&source.article)
                .map_or(source.article.as_str(), |a| a.title.as_str());
            format!("{title}, ¶{}", source.paragraph)
        })
        .unwrap_or_default()
}

/// A class that has ended: its summary, what it missed, and the saving.
#[derive(Debug)]
pub struct EndedClass {
    /// Per question shown: answered and right.
    pub rows: Vec<SummaryRow>,
    /// The questions some answered wrong, as they were asked.
    pub missed: Vec<Question>,
    /// The options of the quiz it was, for the practice of the missed.
    pub options: QuizOptions,
    /// Asking where the summary goes.
    pub dialog: SaveDialog,
    /// What the last save did, in words.
    pub message: Option<String>,
}

impl EndedClass {
    /// A Practice quiz of exactly the questions the class missed, as asked;
    /// `None` when it missed none.
    pub fn missed_quiz(&self) -> Option<Quiz> {
        if self.missed.is_empty() {
            return None;
        }
        let mut options = self.options.clone();
        options.count = self.missed.len();
        Some(Quiz {
            options,
            code: None,
            questions: self.missed.clone(),
        })
    }
}

impl LiveState {
    /// Starts a class's server on every interface at [`LIVE_PORT`] (or a
    /// free port, if that one is taken), its pages in `lang`, waking the
    /// window through `ctx` on every change. A failure is kept in words.
    pub fn start(&mut self, ctx: &egui::Context, lang: &str) {
        self.start_asked = false;
        let Some(starter) = self.starter.clone() else {
            return;
        };
        if self.running.is_some() {
            return;
        }
        let wake = ctx.clone();
        let mut config = LiveConfig {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: LIVE_PORT,
            lang: lang.to_owned(),
            wake: Arc::new(move || wake.request_repaint()),
        };
        let mut started = starter(config.clone());
        if matches!(started, Err(LiveError::Listen { .. })) {
            config.port = 0;
            started = starter(config);
        }
        match started {
            Ok(link) => {
                self.error = None;
                self.ended = None;
                self.running = Some(LiveClass::new(link));
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// Ends the class running, if any: the pages are told, the server
    /// stopped (its link dropped), and the summary kept with the questions
    /// of `session` the class missed.
    pub fn end(&mut self, session: Option<&Session>, native_dialog: bool) {
        let Some(class) = self.running.take() else {
            return;
        };
        let rows = {
            let mut room = class.room();
            room.end();
            room.summary()
        };
        // The server stops here, before anything else is done.
        drop(class);
        let missed = session.map_or_else(Vec::new, |session| {
            rows.iter()
                .filter(|row| row.missed())
                .filter_map(|row| {
                    session
                        .quiz
                        .questions
                        .iter()
                        .find(|q| q.id == row.id)
                        .cloned()
                })
                .collect()
        });
        let options = session.map_or_else(QuizOptions::default, |s| s.quiz.options.clone());
        let mut dialog = SaveDialog::default();
        dialog.native = native_dialog;
        self.ended = Some(EndedClass {
            rows,
            missed,
            options,
            dialog,
            message: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::link::JoinInfo;

    /// The addresses and ports a starter was asked for.
    type Asked = Arc<Mutex<Vec<(IpAddr, u16)>>>;

    /// A starter that records the configs it was given and refuses the
    /// first `refusals` with a port in use.
    fn recording(refusals: usize) -> (LiveStarter, Asked) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let seen = asked.clone();
        let starter: LiveStarter = Arc::new(move |config: LiveConfig| {
            let mut seen = seen.lock().unwrap();
            seen.push((config.bind, config.port));
            if seen.len() <= refusals {
                return Err(LiveError::Listen {
                    address: format!("{}:{}", config.bind, config.port),
                    source: std::io::Error::from(std::io::ErrorKind::AddrInUse),
                });
            }
            Ok(LiveLink {
                room: Arc::new(Mutex::new(ClassRoom::new())),
                join: JoinInfo {
                    url: "http://10.0.0.2:8765/?c=AB".to_owned(),
                    address: "http://10.0.0.2:8765".to_owned(),
                    code: "AB".to_owned(),
                },
                server: Box::new(()),
            })
        });
        (starter, asked)
    }

    #[test]
    fn a_class_listens_on_every_interface_at_8765_or_a_free_port() {
        let ctx = egui::Context::default();
        let all = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
        let (starter, asked) = recording(0);
        let mut live = LiveState {
            starter: Some(starter),
            ..LiveState::default()
        };
        live.start(&ctx, "ru");
        assert!(live.running.is_some() && live.error.is_none());
        assert_eq!(*asked.lock().unwrap(), [(all, LIVE_PORT)]);
        // Taken: a port the system chooses.
        let (starter, asked) = recording(1);
        let mut live = LiveState {
            starter: Some(starter),
            ..LiveState::default()
        };
        live.start(&ctx, "ru");
        assert!(live.running.is_some());
        assert_eq!(*asked.lock().unwrap(), [(all, LIVE_PORT), (all, 0)]);
        // Neither: said in words, nothing runs.
        let (starter, _) = recording(2);
        let mut live = LiveState {
            starter: Some(starter),
            ..LiveState::default()
        };
        live.start(&ctx, "ru");
        assert!(live.running.is_none());
        assert!(live.error.as_deref().is_some_and(|e| e.contains(":0")));
    }

    #[test]
    fn the_qr_code_read_back_is_the_join_address() {
        let (starter, _) = recording(0);
        let mut live = LiveState {
            starter: Some(starter),
            ..LiveState::default()
        };
        live.start(&egui::Context::default(), "en");
        let class = live.running.unwrap();
        let (side, dark) = class.qr.clone().unwrap();
        assert_eq!(dark.len(), side * side);
        // Drawn as the projector draws it: 4 pixels a module, the quiet
        // zone white around it.
        let (px, quiet) = (4, 4);
        let width = (side + 2 * quiet) * px;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, width, |x, y| {
            let (mx, my) = ((x / px).wrapping_sub(quiet), (y / px).wrapping_sub(quiet));
            let is_dark = mx < side && my < side && dark[my * side + mx];
            if is_dark { 0 } else { 255 }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, text) = grids[0].decode().unwrap();
        assert_eq!(text, class.link.join.url);
    }
}
