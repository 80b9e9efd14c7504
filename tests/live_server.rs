//! A live class served for real over 127.0.0.1 (never another address):
//! students are HTTP clients, the test is the teacher showing and
//! revealing questions through the room as the window does.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use neutrality_reader::live::link::{LiveConfig, LiveLink};
use neutrality_reader::live::room::{ClassRoom, LiveQuestion, LiveReveal};
use neutrality_reader::live::server::start;
use serde_json::{Value, json};
use ureq::Agent;

/// A class on loopback, a free port, and how often it woke the window.
fn class(lang: &str) -> (LiveLink, Arc<AtomicUsize>) {
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = wakes.clone();
    let link = start(LiveConfig {
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        lang: lang.to_owned(),
        wake: Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }),
    })
    .unwrap();
    (link, wakes)
}

fn room(link: &LiveLink) -> std::sync::MutexGuard<'_, ClassRoom> {
    link.room.lock().unwrap()
}

fn question(number: usize, options: usize) -> LiveQuestion {
    LiveQuestion {
        number,
        total: 5,
        id: format!("q{number}"),
        prompt: format!("Question {number}?"),
        options: (0..options).map(|i| format!("Option {i}")).collect(),
        ordering: false,
    }
}

fn reveal(answer: usize) -> LiveReveal {
    LiveReveal {
        answer: vec![answer],
        explanation: "Because.".to_owned(),
        source: "Article, paragraph 1".to_owned(),
    }
}

fn agent() -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// One student's browser: its connection pool and its device cookie.
struct Student {
    agent: Agent,
    base: String,
    code: String,
    cookie: Option<String>,
}

impl Student {
    fn new(link: &LiveLink) -> Self {
        Self {
            agent: agent(),
            base: link.join.address.clone(),
            code: link.join.code.clone(),
            cookie: None,
        }
    }

    fn request(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value, Vec<String>) {
        let url = format!("{}{path}", self.base);
        let cookie = self.cookie.clone().unwrap_or_default();
        let response = match (method, body) {
            ("GET", _) => self
                .agent
                .get(&url)
                .header("X-Join-Code", &self.code)
                .header("Cookie", &cookie)
                .call(),
            (_, body) => self
                .agent
                .post(&url)
                .header("X-Join-Code", &self.code)
                .header("Cookie", &cookie)
                .send_json(body.cloned().unwrap_or(json!({}))),
        };
        let mut response = response.unwrap();
        let status = response.status().as_u16();
        let cookies = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        let body: Value = response.body_mut().read_json().unwrap_or(Value::Null);
        (status, body, cookies)
    }

    fn join(&mut self, nickname: Option<&str>) -> u16 {
        let body = nickname.map_or(json!({}), |n| json!({ "nickname": n }));
        let (status, _, cookies) = self.request("POST", "/api/join", Some(&body));
        if let Some(set) = cookies.iter().find(|c| c.starts_with("nr_device=")) {
            assert!(
                set.contains("HttpOnly") && set.contains("SameSite=Strict"),
                "{set}"
            );
            self.cookie = Some(set.split(';').next().unwrap().to_owned());
        }
        status
    }

    fn state(&self) -> Value {
        let (status, body, _) = self.request("GET", "/api/state", None);
        assert_eq!(status, 200, "{body}");
        body
    }

    fn answer(&self, number: usize, choice: &[usize]) -> (u16, Value) {
        let body = json!({ "number": number, "choice": choice });
        let (status, body, _) = self.request("POST", "/api/answer", Some(&body));
        (status, body)
    }
}

/// Whether anything accepts connections on `at` now.
fn listening(at: SocketAddr) -> bool {
    TcpStream::connect_timeout(&at, Duration::from_millis(500)).is_ok()
}

fn address_of(link: &LiveLink) -> SocketAddr {
    link.join
        .address
        .strip_prefix("http://")
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn forty_students_join_answer_and_see_the_reveal_and_the_counts_match() {
    let (link, wakes) = class("en");
    assert!(link.join.url.starts_with("http://127.0.0.1:"));
    assert!(link.join.url.ends_with(&format!("/?c={}", link.join.code)));
    let mut students: Vec<Student> = (0..40).map(|_| Student::new(&link)).collect();
    for (i, student) in students.iter_mut().enumerate() {
        let nickname = format!("s{i}");
        assert_eq!(student.join((i % 2 == 0).then_some(nickname.as_str())), 200);
    }
    assert_eq!(room(&link).counts().joined, 40);
    assert_eq!(wakes.load(Ordering::SeqCst), 40);
    assert_eq!(students[0].state()["view"]["state"], "waiting");

    room(&link).show(question(1, 4));
    let mut sent = [0usize; 4];
    for (i, student) in students.iter().enumerate() {
        let view = student.state();
        assert_eq!(view["view"]["state"], "question");
        assert_eq!(view["view"]["question"]["prompt"], "Question 1?");
        // Students 35..40 do not answer.
        if i < 35 {
            let choice = (i * 7) % 4;
            let (status, body) = student.answer(1, &[choice]);
            assert_eq!(status, 200, "{body}");
            assert_eq!(body["view"]["yours"], json!([choice]));
            sent[choice] += 1;
        }
    }
    let counts = room(&link).counts();
    assert_eq!(counts.answered, 35);
    assert_eq!(counts.per_option, sent.to_vec());

    room(&link).reveal(reveal(2));
    for (i, student) in students.iter().enumerate() {
        let view = &student.state()["view"];
        assert_eq!(view["state"], "revealed");
        assert_eq!(view["reveal"]["answer"], json!([2]));
        assert_eq!(view["reveal"]["source"], "Article, paragraph 1");
        let expected = if i < 35 {
            json!((i * 7) % 4 == 2)
        } else {
            Value::Null
        };
        assert_eq!(view["right"], expected, "student {i}");
    }
    let counts = room(&link).counts();
    assert_eq!(counts.right, sent[2]);
    assert_eq!(room(&link).nicknames().len(), 20);
}

#[test]
fn a_waiting_page_hears_of_the_reveal_at_once() {
    let (link, _) = class("en");
    let mut student = Student::new(&link);
    student.join(None);
    room(&link).show(question(1, 3));
    let tag = student.state()["tag"].as_str().unwrap().to_owned();
    let teacher = {
        let room = link.room.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            room.lock().unwrap().reveal(reveal(0));
        })
    };
    let asked = Instant::now();
    let (status, body, _) = student.request("GET", &format!("/api/state?since={tag}"), None);
    let waited = asked.elapsed();
    teacher.join().unwrap();
    assert_eq!(status, 200);
    assert_eq!(body["view"]["state"], "revealed");
    assert!(waited >= Duration::from_millis(250), "{waited:?}");
    assert!(waited < Duration::from_secs(2), "{waited:?}");
}

#[test]
fn the_page_is_served_with_strict_headers_and_asks_for_a_missing_code() {
    let (link, _) = class("ru");
    let agent = agent();
    let mut page = agent.get(&link.join.url).call().unwrap();
    assert_eq!(page.status(), 200);
    let headers = page.headers().clone();
    let policy = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
    assert!(policy.contains("script-src 'nonce-"), "{policy}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["cache-control"], "no-store");
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains("<html lang=\"ru\""));
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(html.contains(&format!("<script nonce=\"{nonce}\">")));
    assert!(!html.contains("innerHTML"));

    // Without a code: the page (which asks for it). With a wrong one: 403.
    let bare = agent.get(&link.join.address).call().unwrap();
    assert_eq!(bare.status(), 200);
    let wrong = agent
        .get(&format!("{}/?c=AAAAAA", link.join.address))
        .call()
        .unwrap();
    assert_eq!(wrong.status(), 403);
    // Nothing else is served.
    for path in ["/index.html", "/../Cargo.toml", "/api", "/favicon.ico"] {
        let other = agent
            .get(&format!("{}{path}", link.join.address))
            .call()
            .unwrap();
        assert_eq!(other.status(), 404, "{path}");
    }
}

#[test]
fn nothing_listens_before_the_class_nor_after_it() {
    // Before: the port a class is about to take is free to bind.
    let probe = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let wakes: Arc<dyn Fn() + Send + Sync> = Arc::new(|| {});
    let link = start(LiveConfig {
        bind: "127.0.0.1".parse().unwrap(),
        port,
        lang: "en".to_owned(),
        wake: wakes,
    })
    .unwrap();
    let at = address_of(&link);
    assert_eq!(at.port(), port);
    assert!(listening(at));
    // A student holding a connection open does not keep the class alive.
    let mut held = TcpStream::connect(at).unwrap();
    let room = link.room.clone();
    let dropped = Instant::now();
    drop(link.server);
    assert!(dropped.elapsed() < Duration::from_secs(2));
    assert!(!listening(at), "still listening after the class ended");
    held.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let mut buf = [0u8; 16];
    assert!(matches!(held.read(&mut buf), Ok(0) | Err(_)));
    // The room stays with the window, for its summary.
    assert_eq!(room.lock().unwrap().counts().joined, 0);
    // And the port is free again.
    TcpListener::bind(at).unwrap();
}

#[test]
fn a_taken_port_falls_back_to_a_free_one() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let link = start(LiveConfig {
        bind: "127.0.0.1".parse().unwrap(),
        port,
        lang: "en".to_owned(),
        wake: Arc::new(|| {}),
    })
    .unwrap();
    let at = address_of(&link);
    assert_ne!(at.port(), port);
    assert!(listening(at));
}
