//! The class's HTTP API and its guards. Every request but the bare page
//! carries the join code (`X-Join-Code`; the page takes it from its
//! address); a device's token lives in an `HttpOnly; SameSite=Strict`
//! cookie given at join and is needed for the state and answers. Every
//! refusal is JSON `{"error": CODE}`, which the page shows in words.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::json;

use super::page::Page;
use super::secret;
use super::state::{Peer, Shared};
use crate::live::room::{DeviceToken, Refused};

/// The largest body taken: a join or an answer is a few dozen bytes.
pub const MAX_BODY: usize = 4 * 1024;
/// How long a page's request for a change waits before it is answered
/// unchanged (and the page asks again).
const LONG_POLL: Duration = Duration::from_secs(20);
/// How long a join or an answer may take to arrive whole once its headers
/// have: a body sent a byte at a time would otherwise hold its connection
/// (the header read timeout covers only the headers).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(8);
/// The cookie that holds a device's token.
const DEVICE_COOKIE: &str = "nr_device";
/// The header that carries the join code.
const CODE_HEADER: &str = "x-join-code";

/// The class's routes, guarded and limited.
pub fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/api/join", post(join).layer(middleware::from_fn(in_time)))
        .route("/api/state", get(state))
        .route(
            "/api/answer",
            post(answer).layer(middleware::from_fn(in_time)),
        )
        .route_layer(middleware::from_fn_with_state(shared.clone(), need_code));
    Router::new()
        .route("/", get(page))
        .merge(api)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(shared.clone(), per_address))
        .layer(middleware::map_response(strict_headers))
        .with_state(shared)
}

/// A refusal: its status and the code the page turns into words.
fn refuse(status: StatusCode, code: &str) -> Response {
    (status, Json(json!({ "error": code }))).into_response()
}

/// A room's refusal as HTTP.
fn refused(why: Refused) -> Response {
    let (status, code) = match why {
        Refused::UnknownDevice => (StatusCode::UNAUTHORIZED, "unknown_device"),
        Refused::NoQuestion => (StatusCode::CONFLICT, "no_question"),
        Refused::NotTheCurrentQuestion => (StatusCode::CONFLICT, "not_the_current_question"),
        Refused::Closed => (StatusCode::CONFLICT, "closed"),
        Refused::AlreadyAnswered => (StatusCode::CONFLICT, "already_answered"),
        Refused::NotAnAnswer => (StatusCode::UNPROCESSABLE_ENTITY, "not_an_answer"),
        Refused::Ended => (StatusCode::GONE, "ended"),
        Refused::Full => (StatusCode::SERVICE_UNAVAILABLE, "full"),
    };
    refuse(status, code)
}

/// The headers every response gets: nothing cached, sniffed, referred or
/// framed; JSON may run nothing.
async fn strict_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'none'; frame-ancestors 'none'",
        ));
    response
}

/// A request whose body has not arrived within [`BODY_TIMEOUT`] is
/// answered 408, and its connection closed.
async fn in_time(request: Request, next: Next) -> Response {
    match tokio::time::timeout(BODY_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => refuse(StatusCode::REQUEST_TIMEOUT, "too_slow"),
    }
}

/// Every request counts against its address's limit.
async fn per_address(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let allowed = request
        .extensions()
        .get::<Peer>()
        .is_none_or(|peer| shared.address_allowed(peer.0));
    if !allowed {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    next.run(request).await
}

/// The API needs the join code; a wrong one is 403 (and too many wrong
/// ones from one address, 429).
async fn need_code(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let typed = request
        .headers()
        .get(CODE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if secret::code_matches(typed, &shared.code) {
        return next.run(request).await;
    }
    let peer = request.extensions().get::<Peer>().map(|p| p.0);
    if peer.is_some_and(|peer| !shared.wrong_code_allowed(peer)) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    refuse(StatusCode::FORBIDDEN, "wrong_code")
}

/// The page's address: its join code, when it came with one.
#[derive(Deserialize)]
struct PageQuery {
    c: Option<String>,
}

/// The page. Without a code it asks for one; with a wrong one it is 403
/// and says so.
async fn page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<PageQuery>, QueryRejection>,
    request: Request,
) -> Response {
    let typed = query.ok().and_then(|q| q.0.c);
    let wrong = typed
        .as_deref()
        .is_some_and(|typed| !secret::code_matches(typed, &shared.code));
    if wrong {
        let peer = request.extensions().get::<Peer>().map(|p| p.0);
        if peer.is_some_and(|peer| !shared.wrong_code_allowed(peer)) {
            return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
        }
    }
    let Ok(nonce) = secret::device_token() else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "no_randomness");
    };
    let status = if wrong {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    };
    let policy = HeaderValue::from_str(&Page::policy(&nonce))
        .unwrap_or(HeaderValue::from_static("default-src 'none'"));
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CONTENT_SECURITY_POLICY, policy),
        ],
        shared.page.html(&nonce, wrong),
    )
        .into_response()
}

/// The device's token, from its cookie.
fn device_of(headers: &HeaderMap) -> Option<DeviceToken> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(DEVICE_COOKIE)?.strip_prefix('='))
        .find(|token| token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|token| DeviceToken(token.to_owned()))
}

/// A join: an optional nickname.
#[derive(Deserialize, Default)]
struct JoinBody {
    nickname: Option<String>,
}

/// A JSON body within the limit, or the refusal to send.
fn body_of<T: for<'de> Deserialize<'de>>(
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Response> {
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => refuse(StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
        _ => refuse(StatusCode::BAD_REQUEST, "bad_request"),
    })?;
    serde_json::from_slice(&body).map_err(|_| refuse(StatusCode::BAD_REQUEST, "bad_request"))
}

/// Joins the class: the device keeps its token if it has joined before
/// (a reloaded page is the same device), else gets a new one.
async fn join(
    State(shared): State<Arc<Shared>>,
    peer: Option<Extension<Peer>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let join: JoinBody = match &body {
        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => JoinBody::default(),
        _ => match body_of(body) {
            Ok(join) => join,
            Err(refusal) => return refusal,
        },
    };
    let known = device_of(&headers).filter(|t| shared.room().knows(t));
    let rejoined = known.is_some();
    let token = match known {
        Some(token) => token,
        None if peer.is_some_and(|Extension(peer)| !shared.new_device_allowed(peer.0)) => {
            return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
        }
        None => match secret::device_token() {
            Ok(token) => DeviceToken(token),
            Err(_) => return refuse(StatusCode::SERVICE_UNAVAILABLE, "no_randomness"),
        },
    };
    if !shared.device_allowed(&token) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    // A page reloaded joins again without a nickname: the one given stays.
    if !(rejoined && join.nickname.is_none()) {
        let joined = shared.room().join(token.clone(), join.nickname.as_deref());
        if let Err(why) = joined {
            return refused(why);
        }
        shared.changed();
    }
    let cookie = format!(
        "{DEVICE_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict",
        token.0
    );
    let cookie = HeaderValue::from_str(&cookie).unwrap_or(HeaderValue::from_static(""));
    (
        [(header::SET_COOKIE, cookie)],
        Json(json!({ "joined": true })),
    )
        .into_response()
}

/// What the page asks with: the tag of the view it shows, to wait for a
/// different one.
#[derive(Deserialize)]
struct StateQuery {
    since: Option<String>,
}

/// The device's view and its tag, as JSON.
fn view_of(shared: &Shared, token: &DeviceToken) -> (serde_json::Value, String) {
    let view = shared.room().student_view(token);
    let view = serde_json::to_value(view).unwrap_or_default();
    let mut hasher = DefaultHasher::new();
    view.to_string().hash(&mut hasher);
    (view, format!("{:016x}", hasher.finish()))
}

/// The device's view now; with `since`, once it differs from the one
/// tagged so (or after [`LONG_POLL`], unchanged).
async fn state(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    query: Result<Query<StateQuery>, QueryRejection>,
) -> Response {
    let Some(token) = device_of(&headers).filter(|t| shared.room().knows(t)) else {
        return refused(Refused::UnknownDevice);
    };
    if !shared.device_allowed(&token) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    let since = query.ok().and_then(|q| q.0.since);
    let deadline = tokio::time::Instant::now() + LONG_POLL;
    let mut changes = shared.changes.subscribe();
    loop {
        let (view, tag) = view_of(&shared, &token);
        if since.as_deref() != Some(tag.as_str()) {
            return Json(json!({ "tag": tag, "view": view })).into_response();
        }
        tokio::select! {
            changed = changes.changed() => if changed.is_err() {
                return Json(json!({ "tag": tag, "view": view })).into_response();
            },
            () = tokio::time::sleep_until(deadline) => {
                return Json(json!({ "tag": tag, "view": view })).into_response();
            }
        }
    }
}

/// An answer: the question's number and the option (or the order) chosen.
#[derive(Deserialize)]
struct AnswerBody {
    number: usize,
    choice: Vec<usize>,
}

/// Takes the device's answer; the reply carries its view after it.
async fn answer(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(token) = device_of(&headers) else {
        return refused(Refused::UnknownDevice);
    };
    if !shared.device_allowed(&token) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    let answer: AnswerBody = match body_of(body) {
        Ok(answer) => answer,
        Err(refusal) => return refusal,
    };
    let taken = shared.room().answer(&token, answer.number, answer.choice);
    if let Err(why) = taken {
        return refused(why);
    }
    shared.changed();
    let (view, tag) = view_of(&shared, &token);
    Json(json!({ "tag": tag, "view": view })).into_response()
}

/// Nothing but the page and the API is served.
async fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND, "not_found")
}
