//! A live class served for real over 127.0.0.1 (never another address):
//! students are HTTP clients, the test is the teacher showing and
//! revealing questions through the room as the window does.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use neutrality_reader::live::link::{LiveConfig, LiveLink};
use neutrality_reader::live::room::{ClassRoom, LiveQuestion, LiveReveal};
use neutrality_reader::live::server::{BODY_TIMEOUT, HEADER_READ_TIMEOUT, connection_cap, start};
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
fn a_waiting_page_hears_that_the_class_ended_when_the_server_stops() {
    let (link, _) = class("en");
    let mut student = Student::new(&link);
    student.join(None);
    room(&link).show(question(1, 2));
    let tag = student.state()["tag"].as_str().unwrap().to_owned();
    let waiting = std::thread::spawn(move || {
        student.request("GET", &format!("/api/state?since={tag}"), None)
    });
    std::thread::sleep(Duration::from_millis(300));
    let room = link.room.clone();
    drop(link.server);
    let (status, body, _) = waiting.join().unwrap();
    assert_eq!(
        (status, body["view"]["state"].as_str()),
        (200, Some("ended"))
    );
    assert!(room.lock().unwrap().ended());
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

/// Sends raw bytes on a fresh connection and reads what comes back (until
/// the server closes or two seconds pass).
fn raw(at: SocketAddr, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(at).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let _ = stream.write_all(bytes);
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    String::from_utf8_lossy(&reply).into_owned()
}

/// The class still works: a new student joins and answers the question on
/// show, and it is counted.
fn class_goes_on(link: &LiveLink, number: usize) {
    let before = room(link).counts().answered;
    let mut student = Student::new(link);
    assert_eq!(student.join(None), 200);
    let (status, body) = student.answer(number, &[0]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(room(link).counts().answered, before + 1);
}

#[test]
fn a_wrong_join_code_is_refused_and_a_guesser_is_slowed() {
    let (link, _) = class("en");
    let mut student = Student::new(&link);
    student.code = "ABCDEF".to_owned();
    if link.join.code == student.code {
        return;
    }
    let (status, body, _) = student.request("POST", "/api/join", Some(&json!({})));
    assert_eq!((status, body["error"].as_str()), (403, Some("wrong_code")));
    // Without the header (a form posted from another site): refused too.
    let bare = agent()
        .post(&format!("{}/api/join", link.join.address))
        .send_json(json!({}))
        .unwrap();
    assert_eq!(bare.status(), 403);
    let statuses: Vec<u16> = (0..30)
        .map(|_| student.request("GET", "/api/state", None).0)
        .collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 403 || *s == 429));
    assert_eq!(room(&link).counts().joined, 0);
    // The code typed in lower case on a phone is the code.
    student.code = link.join.code.to_lowercase();
    assert_eq!(student.join(None), 200);
    room(&link).show(question(1, 2));
    class_goes_on(&link, 1);
}

#[test]
fn a_replayed_answer_an_old_question_and_a_forged_device_are_refused() {
    let (link, _) = class("en");
    let mut student = Student::new(&link);
    student.join(None);
    room(&link).show(question(1, 4));
    assert_eq!(student.answer(1, &[3]).0, 200);
    let (status, body) = student.answer(1, &[3]);
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("already_answered"))
    );
    assert_eq!(student.answer(1, &[1]).0, 409);
    // Joining again (a reloaded page) is the same device: still answered.
    student.join(None);
    assert_eq!(student.answer(1, &[1]).0, 409);
    room(&link).show(question(2, 4));
    let (status, body) = student.answer(1, &[0]);
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("not_the_current_question"))
    );
    let (status, body) = student.answer(2, &[7]);
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("not_an_answer"))
    );
    room(&link).reveal(reveal(0));
    let (status, body) = student.answer(2, &[0]);
    assert_eq!((status, body["error"].as_str()), (409, Some("closed")));
    // A device that never joined, or a made-up token: 401.
    let mut forger = Student::new(&link);
    assert_eq!(forger.answer(2, &[0]).0, 401);
    forger.cookie = Some(format!("nr_device={}", "ab".repeat(16)));
    assert_eq!(forger.answer(2, &[0]).0, 401);
    assert_eq!(forger.request("GET", "/api/state", None).0, 401);
    // Nothing was counted twice, nothing lost.
    let summary = room(&link).summary();
    assert_eq!(summary[0].answered, 1);
    assert_eq!(summary[1].answered, 0);
    room(&link).show(question(3, 2));
    class_goes_on(&link, 3);
}

#[test]
fn a_ten_megabyte_body_is_refused_and_the_class_goes_on() {
    let (link, _) = class("en");
    let at = address_of(&link);
    let mut student = Student::new(&link);
    student.join(None);
    room(&link).show(question(1, 2));
    let cookie = student.cookie.clone().unwrap();
    let head = format!(
        "POST /api/answer HTTP/1.1\r\nHost: x\r\nX-Join-Code: {}\r\nCookie: {cookie}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        link.join.code,
        10 * 1024 * 1024
    );
    let mut stream = TcpStream::connect(at).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b' '; 64 * 1024];
    let sending = Instant::now();
    let mut sent = 0;
    while sent < 10 * 1024 * 1024 && stream.write_all(&chunk).is_ok() {
        sent += chunk.len();
    }
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    let reply = String::from_utf8_lossy(&reply);
    // Refused (413) at the limit; or, if the server closed first, the
    // connection was cut before the 10 MB were taken.
    assert!(
        reply.starts_with("HTTP/1.1 413") || sent < 10 * 1024 * 1024,
        "{reply:?} after {sent} bytes"
    );
    assert!(sending.elapsed() < Duration::from_secs(10));
    // The same through a chunked body with no length.
    let chunked = format!(
        "POST /api/join HTTP/1.1\r\nHost: x\r\nX-Join-Code: {}\r\nTransfer-Encoding: chunked\r\n\r\n\
         10000\r\n{}\r\n0\r\n\r\n",
        link.join.code,
        " ".repeat(0x10000)
    );
    assert!(raw(at, chunked.as_bytes()).starts_with("HTTP/1.1 413"));
    assert_eq!(room(&link).counts().answered, 0);
    assert_eq!(student.answer(1, &[1]).0, 200);
    class_goes_on(&link, 1);
    assert_eq!(room(&link).counts().answered, 2);
}

#[test]
fn a_thousand_idle_connections_do_not_stop_the_class() {
    let (link, _) = class("en");
    let at = address_of(&link);
    room(&link).show(question(1, 2));
    let idle: Vec<TcpStream> = (0..1000).map(|_| TcpStream::connect(at).unwrap()).collect();
    // Half of them half-way through a request, the rest silent.
    for stream in idle.iter().step_by(2) {
        let mut stream = stream;
        stream
            .write_all(b"GET /api/state HTTP/1.1\r\nHost: ")
            .unwrap();
    }
    let started = Instant::now();
    class_goes_on(&link, 1);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert_eq!(room(&link).counts().joined, 1);
    drop(idle);
}

#[test]
fn connections_past_the_cap_are_closed_and_the_class_comes_back_as_idle_ones_time_out() {
    let (link, _) = class("en");
    let at = address_of(&link);
    room(&link).show(question(1, 2));
    let cap = connection_cap();
    let opened = Instant::now();
    let idle: Vec<TcpStream> = (0..cap).map(|_| TcpStream::connect(at).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(500));
    // One more is accepted and closed at once, not left hanging.
    let mut extra = TcpStream::connect(at).unwrap();
    extra
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    let _ = extra.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut buf = [0u8; 64];
    let asked = Instant::now();
    let read = extra.read(&mut buf);
    let closed = matches!(&read, Ok(0))
        || read
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset);
    assert!(
        closed && asked.elapsed() < Duration::from_secs(2),
        "{read:?}"
    );
    // The idle ones time out; the class goes on.
    std::thread::sleep(
        (HEADER_READ_TIMEOUT + Duration::from_secs(1)).saturating_sub(opened.elapsed()),
    );
    class_goes_on(&link, 1);
    drop(idle);
}

#[test]
fn a_body_sent_a_byte_at_a_time_is_cut_off() {
    let (link, _) = class("en");
    let mut slow = TcpStream::connect(address_of(&link)).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "POST /api/join HTTP/1.1\r\nHost: x\r\nX-Join-Code: {}\r\nContent-Length: 100\r\n\r\n{{",
        link.join.code
    );
    slow.write_all(head.as_bytes()).unwrap();
    let sent = Instant::now();
    let mut reply = String::new();
    let _ = slow.read_to_string(&mut reply);
    let took = sent.elapsed();
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply:?}");
    assert!(
        took >= BODY_TIMEOUT - Duration::from_millis(500),
        "{took:?}"
    );
    assert!(took < BODY_TIMEOUT + Duration::from_secs(4), "{took:?}");
    assert_eq!(room(&link).counts().joined, 0);
}

#[test]
fn an_idle_connection_is_closed_after_the_header_timeout() {
    let (link, _) = class("en");
    let mut idle = TcpStream::connect(address_of(&link)).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let opened = Instant::now();
    let mut buf = [0u8; 256];
    // Closed by the server (end of stream, or a 408 then the end).
    let _ = idle.read(&mut buf);
    let closed_after = opened.elapsed();
    assert!(closed_after >= Duration::from_secs(7), "{closed_after:?}");
    assert!(closed_after < Duration::from_secs(15), "{closed_after:?}");
}

#[test]
fn malformed_http_and_bad_json_get_400_and_the_class_goes_on() {
    let (link, _) = class("en");
    let at = address_of(&link);
    let mut student = Student::new(&link);
    student.join(None);
    room(&link).show(question(1, 3));
    for garbage in [
        &b"\x00\x01\x02\xff\xfe garbage\r\n\r\n"[..],
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    ] {
        let reply = raw(at, garbage);
        assert!(
            reply.starts_with("HTTP/1.1 400"),
            "{garbage:?} -> {reply:?}"
        );
    }
    let long = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(100_000));
    let reply = raw(at, long.as_bytes());
    assert!(reply.starts_with("HTTP/1.1 4"), "{reply:?}");
    for body in [
        "{not json",
        "{\"number\": \"one\", \"choice\": [0]}",
        "{\"number\": 1, \"choice\": -1}",
        "[]",
        "",
    ] {
        let response = student
            .agent
            .post(&format!("{}/api/answer", link.join.address))
            .header("X-Join-Code", &link.join.code)
            .header("Cookie", student.cookie.as_deref().unwrap())
            .send(body)
            .unwrap();
        assert_eq!(response.status(), 400, "{body:?}");
    }
    assert_eq!(student.answer(1, &[2]).0, 200);
    class_goes_on(&link, 1);
}

#[test]
fn script_in_a_nickname_is_kept_as_text_and_never_put_in_as_html() {
    let (link, _) = class("en");
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let mut student = Student::new(&link);
    assert_eq!(student.join(Some(hostile)), 200);
    let names = room(&link).nicknames();
    assert_eq!(names, vec![hostile[..32].to_owned()]);
    // The page sets every text with textContent; its script has no HTML sink.
    let html = agent()
        .get(&link.join.url)
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!html.contains(sink), "{sink}");
    }
    assert!(html.contains("textContent"));
    // A question with markup reaches the page as JSON text.
    let mut q = question(1, 2);
    q.prompt = "</script><script>alert(3)</script>".to_owned();
    room(&link).show(q);
    assert_eq!(
        student.state()["view"]["question"]["prompt"],
        "</script><script>alert(3)</script>"
    );
    class_goes_on(&link, 1);
}

#[test]
fn a_device_flooding_the_server_is_slowed_and_others_are_not() {
    let (link, _) = class("en");
    let mut flooder = Student::new(&link);
    let mut other = Student::new(&link);
    flooder.join(None);
    other.join(None);
    let statuses: Vec<u16> = (0..60)
        .map(|_| flooder.request("GET", "/api/state", None).0)
        .collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(statuses[..20].iter().all(|s| *s == 200));
    assert_eq!(other.request("GET", "/api/state", None).0, 200);
}

#[test]
fn one_address_cannot_fill_the_class_with_devices() {
    let (link, _) = class("en");
    // A class behind one address joins at once (300 devices) ...
    let mut first = Student::new(&link);
    assert_eq!(first.join(None), 200);
    let statuses: Vec<u16> = (0..320).map(|_| Student::new(&link).join(None)).collect();
    let joined = 1 + statuses.iter().filter(|s| **s == 200).count();
    // 300 at once, and one a second more while the 320 try (a slow machine).
    assert!((300..=315).contains(&joined), "{joined}");
    assert!(statuses[300..].contains(&429));
    assert_eq!(room(&link).counts().joined, joined);
    // ... and a device that joined goes on (a reloaded page joins again).
    assert_eq!(first.join(Some("back")), 200);
    room(&link).show(question(1, 2));
    assert_eq!(first.answer(1, &[0]).0, 200);
}

/// The p-th percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

#[test]
fn two_hundred_students_answer_within_a_second_and_every_answer_counts() {
    let (link, wakes) = class("en");
    let students: Vec<Student> = (0..200).map(|_| Student::new(&link)).collect();

    let run = |students: Vec<Student>, work: fn(&mut Student, usize) -> u16| {
        let barrier = Arc::new(std::sync::Barrier::new(students.len()));
        let threads: Vec<_> = students
            .into_iter()
            .enumerate()
            .map(|(i, mut student)| {
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    let started = Instant::now();
                    let status = work(&mut student, i);
                    (student, status, started.elapsed())
                })
            })
            .collect();
        let started = Instant::now();
        let done: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        (done, started.elapsed())
    };
    let (joined, join_time) = run(students, |s, _| s.join(None));
    assert!(joined.iter().all(|(_, status, _)| *status == 200));
    assert_eq!(link.room.lock().unwrap().counts().joined, 200);
    link.room.lock().unwrap().show(question(1, 4));
    let students: Vec<Student> = joined.into_iter().map(|(s, _, _)| s).collect();
    let (answered, answer_time) = run(students, |s, i| s.answer(1, &[i % 4]).0);
    assert!(answered.iter().all(|(_, status, _)| *status == 200));
    let counts = link.room.lock().unwrap().counts();
    assert_eq!(counts.answered, 200);
    assert_eq!(counts.per_option, vec![50; 4]);
    assert_eq!(wakes.load(Ordering::SeqCst), 400);
    let mut latencies: Vec<Duration> = answered.iter().map(|(_, _, l)| *l).collect();
    latencies.sort();

    // Every page waits for a change; the teacher reveals; each hears it.
    let students: Vec<Student> = answered.into_iter().map(|(s, _, _)| s).collect();
    let tag = students[0].state()["tag"].as_str().unwrap().to_owned();
    let revealing = {
        let room = link.room.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(500));
            room.lock().unwrap().reveal(reveal(0));
            Instant::now()
        })
    };
    let waiters: Vec<_> = students
        .into_iter()
        .enumerate()
        .map(|(i, student)| {
            let tag = if i % 4 == 0 {
                tag.clone()
            } else {
                String::new()
            };
            std::thread::spawn(move || {
                // Each page's own tag: its answer differs by option.
                let tag = if tag.is_empty() {
                    student.state()["tag"].as_str().unwrap().to_owned()
                } else {
                    tag
                };
                let (status, body, _) =
                    student.request("GET", &format!("/api/state?since={tag}"), None);
                (status, body["view"]["state"].clone(), Instant::now())
            })
        })
        .collect();
    let revealed_at = revealing.join().unwrap();
    let mut heard: Vec<Duration> = waiters
        .into_iter()
        .map(|w| {
            let (status, state, at) = w.join().unwrap();
            assert_eq!((status, state.as_str()), (200, Some("revealed")));
            at.saturating_duration_since(revealed_at)
        })
        .collect();
    heard.sort();
    println!(
        "200 students: joins {join_time:?}, answers {answer_time:?} \
         (answer latency p50 {:?}, p99 {:?}, max {:?}); the reveal reached \
         every waiting page within {:?} (p50 {:?})",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies[latencies.len() - 1],
        heard[heard.len() - 1],
        percentile(&heard, 0.5),
    );
    assert!(heard[heard.len() - 1] < Duration::from_secs(2));
    // One second is the aim (BENCHMARKS.md has the figures); the bound
    // leaves room for a CI machine shared with other builds.
    assert!(answer_time < Duration::from_secs(3), "{answer_time:?}");
}
