//! The `/v1` handlers, their parameter parsing and the OpenAPI description.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, NaiveDate};
use dyad_ingest::Article;
use dyad_store::{AggregateRow, DyadLevel, Filter, Period, StoreError, Stored};
use dyad_text::Lang;
use utoipa::OpenApi;

use crate::metrics::Metrics;
use crate::model::*;
use crate::problem::Problem;
use crate::store_ext;
use crate::{AppState, Coded};

type ApiResult<T> = Result<Json<T>, Problem>;

/// The OpenAPI description of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "dyad",
        description = "Code news text into political events (CAMEO: who did what to whom) and explore \
                       the event store. Errors are RFC 9457 problem details (application/problem+json)."
    ),
    paths(
        code, ingest, events, event, article, series, dyads, countries, actors, stats, health, metrics_text
    ),
    components(schemas(
        Problem, CodeRequest, CodeResponse, CodedEvent, ActorOut, TriggerOut, EvidenceOut, PloverOut,
        SkipOut, ArticleIn, IngestResponse, ArticleResult, EventsPage, EventOut, EventDetail, MentionOut,
        ArticleOut, Series, SeriesPoint, DyadsOut, DyadOut, CountriesOut, CountryOut, PlaceOut, LocationOut, ActorsOut, ActorHit,
        StatsOut, Health
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        if let Some(c) = openapi.components.as_mut() {
            c.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// Turns a body-reading failure into a problem (413 for a body over the limit).
pub fn body_problem(e: BytesRejection, limit: usize) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(limit)
    } else {
        Problem::bad_request("unreadable-body", format!("the request body could not be read: {e}"))
    }
}

/// The 413 problem.
pub fn too_large(limit: usize) -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        format!(
            "the request body is larger than this server's limit of {limit} bytes; send smaller \
             requests (several articles in several requests) or start the server with a larger \
             --max-body-bytes"
        ),
    )
}

fn json_problem(what: &str, e: &serde_json::Error) -> Problem {
    Problem::bad_request(
        "invalid-json",
        format!("{what}: malformed JSON at line {} column {}: {e}", e.line(), e.column()),
    )
}

fn parse_date(field: &str, s: &str) -> Result<NaiveDate, Problem> {
    dyad_ingest::parse_date(s.trim()).ok_or_else(|| {
        Problem::bad_request("invalid-date", format!("{field}: {s:?} is not a valid date; use YYYY-MM-DD"))
    })
}

fn parse_lang(field: &str, s: Option<&str>) -> Result<Option<String>, Problem> {
    match s.map(str::trim) {
        None | Some("") | Some("auto") => Ok(None),
        Some(code) => match Lang::from_code(code) {
            Some(l) => Ok(Some(l.code().to_string())),
            None => Err(Problem::bad_request(
                "invalid-lang",
                format!("{field}: language {code:?} is not supported; use auto, it, en, es, fr or de"),
            )),
        },
    }
}

fn is_json(headers: &HeaderMap) -> Option<bool> {
    let ct = headers.get(header::CONTENT_TYPE)?.to_str().ok()?.to_ascii_lowercase();
    let essence = ct.split(';').next().unwrap_or("").trim().to_string();
    Some(essence == "application/json" || essence.ends_with("+json"))
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default()
}

fn query_pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, Problem> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(raw.unwrap_or("")).map_err(|e| {
        Problem::bad_request("invalid-query", format!("the query string cannot be decoded: {e}"))
    })
}

fn unknown(key: &str, known: &[&str]) -> Problem {
    Problem::bad_request(
        "unknown-parameter",
        format!("unknown query parameter {key:?}; this endpoint takes: {}", known.join(", ")),
    )
}

/// Single-valued query parameters, rejecting unknown and repeated ones.
fn single_params(pairs: &[(String, String)], known: &[&str]) -> Result<BTreeMap<String, String>, Problem> {
    let mut out = BTreeMap::new();
    for (k, v) in pairs {
        if !known.contains(&k.as_str()) {
            return Err(unknown(k, known));
        }
        if out.insert(k.clone(), v.clone()).is_some() {
            return Err(Problem::bad_request(
                "repeated-parameter",
                format!("query parameter {k:?} is given more than once"),
            ));
        }
    }
    Ok(out)
}

fn parse_bool(key: &str, v: &str) -> Result<bool, Problem> {
    match v.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(Problem::bad_request("invalid-parameter", format!("{key}: {v:?} is not true or false"))),
    }
}

fn parse_number<T: std::str::FromStr + PartialOrd + std::fmt::Display>(
    key: &str,
    v: &str,
    min: T,
    max: T,
) -> Result<T, Problem> {
    match v.trim().parse::<T>() {
        Ok(n) if n >= min && n <= max => Ok(n),
        _ => Err(Problem::bad_request(
            "invalid-parameter",
            format!("{key}: {v:?} is not a whole number from {min} to {max}"),
        )),
    }
}

/// The filter parameters `dyad query` takes.
pub const FILTER_KEYS: [&str; 12] = [
    "actor",
    "source",
    "target",
    "dyad",
    "undirected",
    "cameo",
    "quad",
    "from",
    "to",
    "year",
    "lang",
    "text",
];

fn list(v: &str) -> impl Iterator<Item = String> + '_ {
    v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Parses the filter parameters among `pairs` (`filter_keys` of them are
/// allowed), and the `extra` single-valued ones, which are returned.
fn parse_filter(
    pairs: &[(String, String)],
    filter_keys: &[&str],
    extra: &[&str],
) -> Result<(Filter, BTreeMap<String, String>), Problem> {
    let known: Vec<&str> = filter_keys.iter().chain(extra).copied().collect();
    let mut f = Filter::default();
    let mut rest = BTreeMap::new();
    let mut seen = BTreeMap::new();
    let mut dyad = None;
    let mut year = None;
    for (k, v) in pairs {
        let key = k.as_str();
        if !known.contains(&key) {
            return Err(unknown(key, &known));
        }
        let multi = matches!(key, "actor" | "cameo" | "quad" | "lang");
        if !multi && seen.insert(key.to_string(), ()).is_some() {
            return Err(Problem::bad_request(
                "repeated-parameter",
                format!("query parameter {key:?} is given more than once"),
            ));
        }
        match key {
            "actor" => f.actors.extend(list(v)),
            "source" => f.source = Some(v.trim().to_string()),
            "target" => f.target = Some(v.trim().to_string()),
            "dyad" => {
                let parts: Vec<String> = v.split(',').map(|s| s.trim().to_string()).collect();
                match parts.as_slice() {
                    [a, b] if !a.is_empty() && !b.is_empty() => dyad = Some((a.clone(), b.clone())),
                    _ => {
                        return Err(Problem::bad_request(
                            "invalid-parameter",
                            format!("dyad: {v:?} is not SOURCE,TARGET (for example RUS,UKR)"),
                        ))
                    }
                }
            }
            "undirected" => f.undirected = parse_bool(key, v)?,
            "cameo" => f.cameo.extend(list(v)),
            "quad" => {
                for q in list(v) {
                    f.quad_classes.push(parse_number("quad", &q, 1u8, 4u8)?);
                }
            }
            "from" => f.from = Some(parse_date("from", v)?),
            "to" => f.to = Some(parse_date("to", v)?),
            "year" => year = Some(parse_number("year", v, 1800i32, 2200i32)?),
            "lang" => {
                for l in list(v) {
                    if let Some(code) = parse_lang("lang", Some(&l))? {
                        f.langs.push(code);
                    }
                }
            }
            "text" => f.text = Some(v.to_string()),
            _ => {
                rest.insert(key.to_string(), v.to_string());
            }
        }
    }
    if let Some((a, b)) = dyad {
        if f.source.is_some() || f.target.is_some() {
            return Err(Problem::bad_request(
                "invalid-parameter",
                "dyad cannot be combined with source or target",
            ));
        }
        f.source = Some(a);
        f.target = Some(b);
    }
    if let Some(y) = year {
        if f.from.is_some() || f.to.is_some() {
            return Err(Problem::bad_request("invalid-parameter", "year cannot be combined with from or to"));
        }
        f.from = NaiveDate::from_ymd_opt(y, 1, 1);
        f.to = NaiveDate::from_ymd_opt(y, 12, 31);
    }
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            return Err(Problem::bad_request(
                "invalid-date",
                format!("the date range from {a} to {b} is empty: from is after to"),
            ));
        }
    }
    Ok((f, rest))
}

fn coded(st: &AppState, article: &Article) -> Result<Coded, Problem> {
    let out =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| st.coder.code(article))).map_err(|_| {
            Metrics::add(&st.metrics.panics, 1);
            Problem::internal(format!("panic while coding article {:?}", article.id))
        })?;
    Metrics::add(&st.metrics.articles_coded, 1);
    if let Coded::Events { events, .. } = &out {
        Metrics::add(&st.metrics.events_coded, events.len() as u64);
    }
    Ok(out)
}

/// Code an article without storing it.
///
/// The body is the article as plain text (`text/plain`; `date`, `lang`,
/// `title` and `id` may then be query parameters) or a JSON `CodeRequest`.
#[utoipa::path(
    post, path = "/v1/code", tag = "code",
    request_body(content = CodeRequest, description = "JSON, or the plain text itself with Content-Type text/plain",
        content_type = "application/json"),
    params(
        ("date" = Option<String>, Query, description = "Publication date YYYY-MM-DD (plain-text bodies)"),
        ("lang" = Option<String>, Query, description = "auto, it, en, es, fr or de (plain-text bodies)"),
        ("title" = Option<String>, Query, description = "Headline (plain-text bodies)"),
        ("id" = Option<String>, Query, description = "Article id used in event ids (plain-text bodies)"),
    ),
    responses(
        (status = 200, description = "The events", body = CodeResponse),
        (status = 400, description = "Malformed JSON, empty text, invalid date or language", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over the limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither text nor JSON", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn code(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<CodeResponse> {
    let body = body.map_err(|e| body_problem(e, st.limits.max_body_bytes))?;
    let params = single_params(&query_pairs(raw.as_deref())?, &["date", "lang", "title", "id"])?;
    let mut req = CodeRequest {
        text: String::new(),
        date: params.get("date").cloned(),
        lang: params.get("lang").cloned(),
        title: params.get("title").cloned(),
        id: params.get("id").cloned(),
    };
    match is_json(&headers) {
        Some(true) => {
            let j: CodeRequest =
                serde_json::from_slice(&body).map_err(|e| json_problem("the request body", &e))?;
            req.text = j.text;
            req.date = j.date.or(req.date);
            req.lang = j.lang.or(req.lang);
            req.title = j.title.or(req.title);
            req.id = j.id.or(req.id);
        }
        None | Some(false) => {
            let ct = content_type(&headers);
            if !(ct.is_empty() || ct.starts_with("text/")) {
                return Err(Problem::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    format!("Content-Type {ct:?} is not supported; send text/plain or application/json"),
                ));
            }
            req.text = String::from_utf8(body.to_vec()).map_err(|e| {
                Problem::bad_request(
                    "invalid-utf8",
                    format!(
                        "the body is not UTF-8 text (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
        }
    }
    if req.text.trim().is_empty() {
        return Err(Problem::bad_request("empty-text", "text is empty: send the article text to code"));
    }
    let date =
        req.date.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("date", d)).transpose()?;
    let lang = parse_lang("lang", req.lang.as_deref())?;
    let article = Article {
        id: req.id.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "request".into()),
        text: req.text,
        date,
        lang,
        title: req.title,
        url: None,
        source: None,
        origin: "POST /v1/code".into(),
    };
    let st2 = Arc::clone(&st);
    let (article, result, took) = st
        .coding
        .run(move || {
            let started = Instant::now();
            let r = coded(&st2, &article);
            (article, r, started.elapsed())
        })
        .await
        .map_err(|e| Problem::internal(format!("coding task failed: {e}")))?;
    let elapsed_ms = took.as_secs_f64() * 1000.0;
    Ok(Json(match result? {
        Coded::Events { sentences, lang, events } => CodeResponse {
            article_id: article.id,
            lang: lang.or_else(|| events.first().map(|e| e.lang.clone())),
            sentences,
            events: events.iter().map(CodedEvent::from).collect(),
            skipped: None,
            elapsed_ms,
        },
        Coded::Skipped { reason, message } => CodeResponse {
            article_id: article.id,
            lang: None,
            sentences: 0,
            events: Vec::new(),
            skipped: Some(SkipOut { reason, message }),
            elapsed_ms,
        },
    }))
}

fn check_token(st: &AppState, headers: &HeaderMap) -> Result<(), Problem> {
    let Some(expected) = st.token.as_deref() else {
        return Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "read-only",
            "this server is read-only: it was started without a token, so it accepts no articles; \
             restart it with DYAD_TOKEN set or --token-file, and send `Authorization: Bearer <token>`",
        ));
    };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or("");
    let Some(token) = given.strip_prefix("Bearer ").or_else(|| given.strip_prefix("bearer ")) else {
        return Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "missing-token",
            "storing articles needs a bearer token: send `Authorization: Bearer <token>`",
        ));
    };
    if !constant_time_eq(token.trim().as_bytes(), expected.as_bytes()) {
        return Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "invalid-token",
            "the bearer token is not this server's token",
        ));
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i % b.len().max(1)).copied().unwrap_or(0));
    }
    diff == 0
}

fn parse_articles(headers: &HeaderMap, body: &[u8]) -> Result<Vec<(String, ArticleIn)>, Problem> {
    let ct = content_type(headers);
    let mut out = Vec::new();
    if ct == "application/x-ndjson" || ct == "application/jsonl" || ct == "application/x-jsonlines" {
        let text = std::str::from_utf8(body)
            .map_err(|e| Problem::bad_request("invalid-utf8", format!("the body is not UTF-8: {e}")))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let what = format!("line {}", n + 1);
            let a: ArticleIn = serde_json::from_str(line)
                .map_err(|e| Problem::bad_request("invalid-json", format!("{what}: {e}")))?;
            out.push((what, a));
        }
        return Ok(out);
    }
    if is_json(headers) != Some(true) {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            format!(
                "Content-Type {ct:?} is not supported; send application/json (one article, an array, or \
                 {{\"articles\": [...]}}) or application/x-ndjson"
            ),
        ));
    }
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| json_problem("the request body", &e))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut o) if o.contains_key("articles") && !o.contains_key("text") => {
            match o.remove("articles") {
                Some(serde_json::Value::Array(items)) => items,
                _ => return Err(Problem::bad_request("invalid-article", "\"articles\" must be an array")),
            }
        }
        v @ serde_json::Value::Object(_) => vec![v],
        _ => {
            return Err(Problem::bad_request(
                "invalid-article",
                "the body must be an article object, an array of articles, or {\"articles\": [...]}",
            ))
        }
    };
    for (i, v) in items.into_iter().enumerate() {
        let what = format!("articles[{i}]");
        let a: ArticleIn = serde_json::from_value(v)
            .map_err(|e| Problem::bad_request("invalid-article", format!("{what}: {e}")))?;
        out.push((what, a));
    }
    Ok(out)
}

/// Code articles and store them with their events (needs the bearer token).
///
/// The body is one article, an array of articles, `{"articles": [...]}`,
/// or JSON lines (`application/x-ndjson`). Every article is checked before
/// any is stored; all are stored in one transaction.
#[utoipa::path(
    post, path = "/v1/articles", tag = "store",
    request_body(content = Vec<ArticleIn>, description = "Articles", content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What happened to each article", body = IngestResponse),
        (status = 400, description = "Malformed JSON, missing fields, invalid date or language", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No token configured (read-only server), or a missing or wrong token", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over the limit", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ingest(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<IngestResponse> {
    check_token(&st, &headers)?;
    let body = body.map_err(|e| body_problem(e, st.limits.max_body_bytes))?;
    single_params(&query_pairs(raw.as_deref())?, &[])?;
    let items = parse_articles(&headers, &body)?;
    if items.is_empty() {
        return Err(Problem::bad_request("no-articles", "the request holds no article"));
    }
    let mut articles = Vec::with_capacity(items.len());
    for (what, a) in items {
        if a.id.trim().is_empty() {
            return Err(Problem::bad_request("invalid-article", format!("{what}: id is empty")));
        }
        if a.text.trim().is_empty() {
            return Err(Problem::bad_request(
                "invalid-article",
                format!("{what} ({:?}): text is empty", a.id),
            ));
        }
        let date = a
            .date
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(|d| parse_date(&format!("{what} ({:?}): date", a.id), d))
            .transpose()?;
        let lang = parse_lang(&format!("{what} ({:?}): lang", a.id), a.lang.as_deref())?;
        articles.push(Article {
            origin: format!("POST /v1/articles {what}"),
            id: a.id,
            text: a.text,
            date,
            lang,
            title: a.title,
            url: a.url,
            source: a.source,
        });
    }
    let st2 = Arc::clone(&st);
    let coded_all = st
        .coding
        .run(move || {
            articles
                .into_iter()
                .map(|a| {
                    let c = coded(&st2, &a);
                    (a, c)
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| Problem::internal(format!("coding task failed: {e}")))?;
    let resp = st
        .pool
        .write(move |store| {
            let mut resp = IngestResponse { received: coded_all.len(), ..IngestResponse::default() };
            let mut batch = store.batch()?;
            for (article, outcome) in coded_all {
                let mut r = ArticleResult {
                    id: article.id.clone(),
                    status: String::new(),
                    events: 0,
                    new_events: 0,
                    near_duplicate: false,
                    reason: None,
                    message: None,
                };
                match outcome {
                    Ok(Coded::Events { events, .. }) => {
                        r.events = events.len();
                        match batch.add(&article, &events)? {
                            Stored::AlreadyStored => {
                                r.status = "already-stored".into();
                                resp.already_stored += 1;
                            }
                            Stored::New { near_duplicate_of, new_events, mentions, .. } => {
                                r.status = "stored".into();
                                r.new_events = new_events;
                                r.near_duplicate = near_duplicate_of.is_some();
                                resp.stored += 1;
                                resp.new_events += new_events;
                                resp.mentions += mentions;
                            }
                        }
                    }
                    Ok(Coded::Skipped { reason, message }) => {
                        r.status = "skipped".into();
                        r.reason = Some(reason);
                        r.message = Some(message);
                        resp.not_coded += 1;
                    }
                    Err(p) => {
                        r.status = "failed".into();
                        r.reason = Some("internal-error".into());
                        r.message = Some(p.detail);
                        resp.not_coded += 1;
                    }
                }
                resp.results.push(r);
            }
            batch.commit()?;
            Ok(resp)
        })
        .await?;
    st.metrics.articles_stored.fetch_add(resp.stored as u64, Ordering::Relaxed);
    tracing::info!(
        received = resp.received,
        stored = resp.stored,
        new_events = resp.new_events,
        "articles ingested"
    );
    Ok(Json(resp))
}

enum Stop {
    Full,
    Store(StoreError),
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Stop {
        Stop::Store(e)
    }
}

fn parse_cursor(c: &str) -> Result<(Option<NaiveDate>, i64), Problem> {
    let bad = || {
        Problem::bad_request(
            "invalid-cursor",
            format!("cursor {c:?} is not one this server issued; pass next_cursor from the previous page"),
        )
    };
    let (date, id) = c.split_once('.').ok_or_else(bad)?;
    let id: i64 = id.parse().map_err(|_| bad())?;
    let date =
        if date == "n" { None } else { Some(NaiveDate::parse_from_str(date, "%Y%m%d").map_err(|_| bad())?) };
    Ok((date, id))
}

fn make_cursor(date: Option<NaiveDate>, id: i64) -> String {
    match date {
        Some(d) => format!("{}.{id}", d.format("%Y%m%d")),
        None => format!("n.{id}"),
    }
}

/// List stored events: the filters of `dyad query`, with cursor pagination.
#[utoipa::path(
    get, path = "/v1/events", tag = "store",
    params(
        ("actor" = Option<String>, Query, description = "Actors on either side (comma-separated, repeatable): EGY, EGYGOV, ~REB, EGYG*"),
        ("source" = Option<String>, Query, description = "Source actor spec"),
        ("target" = Option<String>, Query, description = "Target actor spec"),
        ("dyad" = Option<String>, Query, description = "SOURCE,TARGET"),
        ("undirected" = Option<bool>, Query, description = "With dyad/source+target: both directions"),
        ("cameo" = Option<String>, Query, description = "CAMEO codes or roots (comma-separated)"),
        ("quad" = Option<String>, Query, description = "QuadClasses 1-4 (comma-separated)"),
        ("from" = Option<String>, Query, description = "First day YYYY-MM-DD"),
        ("to" = Option<String>, Query, description = "Last day YYYY-MM-DD"),
        ("year" = Option<i32>, Query, description = "One calendar year"),
        ("lang" = Option<String>, Query, description = "Languages (comma-separated)"),
        ("text" = Option<String>, Query, description = "Words in the sentence or actor names"),
        ("limit" = Option<u32>, Query, description = "Events per page (default 100)"),
        ("cursor" = Option<String>, Query, description = "next_cursor of the previous page"),
    ),
    responses(
        (status = 200, description = "One page of events", body = EventsPage),
        (status = 400, description = "Unknown parameter, invalid date, filter or cursor", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn events(State(st): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult<EventsPage> {
    let pairs = query_pairs(raw.as_deref())?;
    let (filter, rest) = parse_filter(&pairs, &FILTER_KEYS, &["limit", "cursor"])?;
    let limit = match rest.get("limit") {
        Some(v) => parse_number("limit", v, 1usize, st.limits.max_page)?,
        None => 100.min(st.limits.max_page),
    };
    let cursor = rest.get("cursor").map(|c| parse_cursor(c)).transpose()?;
    let page = st
        .pool
        .read(move |store| {
            let total = store.count(&filter)?;
            let mut scan = filter.clone();
            if let Some((Some(d), _)) = cursor {
                scan.from = Some(scan.from.map_or(d, |f| f.max(d)));
            }
            let mut rows = Vec::with_capacity(limit + 1);
            let r = store.events::<Stop>(&scan, |row| {
                if let Some((cd, cid)) = cursor {
                    if (row.date, row.id) <= (cd, cid) {
                        return Ok(());
                    }
                }
                rows.push(row);
                if rows.len() > limit {
                    Err(Stop::Full)
                } else {
                    Ok(())
                }
            });
            if let Err(Stop::Store(e)) = r {
                return Err(e.into());
            }
            let next_cursor = if rows.len() > limit {
                rows.truncate(limit);
                rows.last().map(|r| make_cursor(r.date, r.id))
            } else {
                None
            };
            Ok(EventsPage { total, events: rows.into_iter().map(EventOut::from).collect(), next_cursor })
        })
        .await?;
    Ok(Json(page))
}

fn parse_id(what: &str, s: &str) -> Result<i64, Problem> {
    match s.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => {
            Err(Problem::bad_request("invalid-id", format!("{what} id {s:?} is not a positive whole number")))
        }
    }
}

/// One event with its evidence and every mention across articles.
#[utoipa::path(
    get, path = "/v1/events/{id}", tag = "store",
    params(("id" = i64, Path, description = "Store event id")),
    responses(
        (status = 200, description = "The event", body = EventDetail),
        (status = 400, description = "Not an id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn event(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<EventDetail> {
    single_params(&query_pairs(raw.as_deref())?, &[])?;
    let id = parse_id("event", &id)?;
    let detail = st
        .pool
        .read(move |store| {
            let Some(event) = store_ext::event_by_id(store, id)? else {
                return Err(Problem::not_found(format!("there is no event {id} in this store")));
            };
            let mentions = store_ext::mentions_of(store, id)?;
            Ok(EventDetail {
                quad_class_name: event.quad_class.and_then(dyad_cameo::quad_class_name).map(str::to_string),
                event,
                mentions,
            })
        })
        .await?;
    Ok(Json(detail))
}

/// One stored article and its text.
#[utoipa::path(
    get, path = "/v1/articles/{id}", tag = "store",
    params(("id" = i64, Path, description = "Store article id (mentions' `article`)")),
    responses(
        (status = 200, description = "The article", body = ArticleOut),
        (status = 404, description = "No such article", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn article(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<ArticleOut> {
    single_params(&query_pairs(raw.as_deref())?, &[])?;
    let id = parse_id("article", &id)?;
    let a = st
        .pool
        .read(move |store| {
            store_ext::article_by_id(store, id)?
                .ok_or_else(|| Problem::not_found(format!("there is no article {id} in this store")))
        })
        .await?;
    Ok(Json(a))
}

fn next_period(d: NaiveDate, p: Period) -> Option<NaiveDate> {
    match p {
        Period::Day => d.succ_opt(),
        Period::Week => d.checked_add_days(chrono::Days::new(7)),
        Period::Month => {
            let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
            NaiveDate::from_ymd_opt(y, m, 1)
        }
    }
}

const SERIES_FILTER_KEYS: [&str; 7] = ["undirected", "cameo", "from", "to", "year", "lang", "text"];

/// A dyad's events per day, week or month, by QuadClass, with mean Goldstein.
#[utoipa::path(
    get, path = "/v1/dyads/{a}/{b}/series", tag = "explore",
    params(
        ("a" = String, Path, description = "Source actor spec (EGY, EGYGOV, EGYG*)"),
        ("b" = String, Path, description = "Target actor spec"),
        ("interval" = Option<String>, Query, description = "day, week (default) or month"),
        ("undirected" = Option<bool>, Query, description = "Count both directions"),
        ("cameo" = Option<String>, Query, description = "CAMEO codes"),
        ("from" = Option<String>, Query, description = "First day"),
        ("to" = Option<String>, Query, description = "Last day"),
        ("year" = Option<i32>, Query, description = "One year"),
        ("lang" = Option<String>, Query, description = "Languages"),
        ("text" = Option<String>, Query, description = "Words"),
    ),
    responses(
        (status = 200, description = "The series", body = Series),
        (status = 400, description = "Bad interval, actor or date", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn series(
    State(st): State<Arc<AppState>>,
    Path((a, b)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Series> {
    let pairs = query_pairs(raw.as_deref())?;
    let (mut filter, rest) = parse_filter(&pairs, &SERIES_FILTER_KEYS, &["interval"])?;
    let interval =
        rest.get("interval").map(|s| s.trim().to_ascii_lowercase()).unwrap_or_else(|| "week".into());
    let period = match interval.as_str() {
        "day" => Period::Day,
        "week" => Period::Week,
        "month" => Period::Month,
        other => {
            return Err(Problem::bad_request(
                "invalid-parameter",
                format!("interval: {other:?} is not day, week or month"),
            ))
        }
    };
    filter.source = Some(a.clone());
    filter.target = Some(b.clone());
    let undirected = filter.undirected;
    let points = st
        .pool
        .read(move |store| {
            let mut by: BTreeMap<NaiveDate, SeriesPoint> = BTreeMap::new();
            let mut gold: BTreeMap<NaiveDate, (f64, i64)> = BTreeMap::new();
            for row in store.aggregate(&filter, period, DyadLevel::Code)? {
                let p = by.entry(row.period).or_insert_with(|| empty_point(row.period));
                p.events += row.events;
                p.mentions += row.mentions;
                if let Some(g) = row.avg_goldstein {
                    let e = gold.entry(row.period).or_default();
                    e.0 += g * row.events as f64;
                    e.1 += row.events;
                }
            }
            for q in 1..=4u8 {
                let f = Filter { quad_classes: vec![q], ..filter.clone() };
                for row in store.aggregate(&f, period, DyadLevel::Code)? {
                    let p = by.entry(row.period).or_insert_with(|| empty_point(row.period));
                    if let Some(slot) = p.by_quad_class.get_mut(usize::from(q - 1)) {
                        *slot += row.events;
                    }
                }
            }
            for (d, (sum, n)) in gold {
                if let Some(p) = by.get_mut(&d) {
                    p.mean_goldstein = (n > 0).then(|| (sum / n as f64 * 100.0).round() / 100.0);
                }
            }
            // Fill the gaps so that a chart's x axis is regular.
            let mut points = Vec::new();
            if let (Some(first), Some(last)) = (by.keys().next().copied(), by.keys().last().copied()) {
                let mut d = first;
                while d <= last && points.len() < 20_000 {
                    points.push(by.remove(&d).unwrap_or_else(|| empty_point(d)));
                    match next_period(d, period) {
                        Some(n) => d = n,
                        None => break,
                    }
                }
                points.extend(by.into_values());
            }
            Ok(points)
        })
        .await?;
    Ok(Json(Series { source: a, target: b, interval, undirected, points }))
}

fn empty_point(period: NaiveDate) -> SeriesPoint {
    SeriesPoint { period, events: 0, by_quad_class: [0; 4], mentions: 0, mean_goldstein: None }
}

fn fold_dyads(rows: Vec<AggregateRow>) -> Vec<DyadOut> {
    let mut by: BTreeMap<(String, String), (DyadOut, f64, i64)> = BTreeMap::new();
    for r in rows {
        let e = by.entry((r.source.clone(), r.target.clone())).or_insert_with(|| {
            (
                DyadOut {
                    source: r.source.clone(),
                    target: r.target.clone(),
                    events: 0,
                    mentions: 0,
                    mean_goldstein: None,
                    first: r.period,
                    last: r.period,
                },
                0.0,
                0,
            )
        });
        e.0.events += r.events;
        e.0.mentions += r.mentions;
        e.0.first = e.0.first.min(r.period);
        e.0.last = e.0.last.max(r.period);
        if let Some(g) = r.avg_goldstein {
            e.1 += g * r.events as f64;
            e.2 += r.events;
        }
    }
    let mut out: Vec<DyadOut> = by
        .into_values()
        .map(|(mut d, sum, n)| {
            d.mean_goldstein = (n > 0).then(|| (sum / n as f64 * 100.0).round() / 100.0);
            d
        })
        .collect();
    out.sort_by(|a, b| b.events.cmp(&a.events).then(b.mentions.cmp(&a.mentions)));
    out
}

/// The most active dyads (country level) among the filtered events.
#[utoipa::path(
    get, path = "/v1/dyads", tag = "explore",
    params(
        ("limit" = Option<u32>, Query, description = "Dyads to return (default 20)"),
        ("actor" = Option<String>, Query, description = "As in /v1/events"),
        ("cameo" = Option<String>, Query, description = "As in /v1/events"),
        ("from" = Option<String>, Query, description = "As in /v1/events"),
        ("to" = Option<String>, Query, description = "As in /v1/events"),
        ("lang" = Option<String>, Query, description = "As in /v1/events"),
    ),
    responses(
        (status = 200, description = "Dyads, most events first", body = DyadsOut),
        (status = 400, description = "Bad parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn dyads(State(st): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult<DyadsOut> {
    let pairs = query_pairs(raw.as_deref())?;
    let (filter, rest) = parse_filter(&pairs, &FILTER_KEYS, &["limit"])?;
    let limit = rest.get("limit").map(|v| parse_number("limit", v, 1usize, 1000)).transpose()?.unwrap_or(20);
    let rows = st.pool.read(move |s| Ok(s.aggregate(&filter, Period::Month, DyadLevel::Country)?)).await?;
    let mut dyads = fold_dyads(rows);
    dyads.truncate(limit);
    Ok(Json(DyadsOut { dyads }))
}

/// How `GET /v1/countries` places events.
pub const PLACEMENT: &str =
    "Countries: each event is counted in its source actor's country, or its target's \
     when the source has none (IGOs and agents without a country are left out). Places: the events the coder \
     located (the place the sentence names, else the article's dateline), at the place's coordinates.";

/// Places listed by `GET /v1/countries`.
const MAP_PLACES: u64 = 500;

fn placed(side: &str) -> bool {
    side.len() == 3 && side.chars().all(|c| c.is_ascii_uppercase())
}

/// Events per country, for the map.
#[utoipa::path(
    get, path = "/v1/countries", tag = "explore",
    params(
        ("actor" = Option<String>, Query, description = "As in /v1/events"),
        ("dyad" = Option<String>, Query, description = "As in /v1/events"),
        ("cameo" = Option<String>, Query, description = "As in /v1/events"),
        ("from" = Option<String>, Query, description = "As in /v1/events"),
        ("to" = Option<String>, Query, description = "As in /v1/events"),
    ),
    responses(
        (status = 200, description = "Countries, most events first", body = CountriesOut),
        (status = 400, description = "Bad parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn countries(State(st): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult<CountriesOut> {
    let pairs = query_pairs(raw.as_deref())?;
    let (filter, _) = parse_filter(&pairs, &FILTER_KEYS, &[])?;
    let (rows, places) = st
        .pool
        .read(move |s| {
            s.snapshot(|s| {
                let rows = s.aggregate(&filter, Period::Month, DyadLevel::Country)?;
                let places = s.places(&Filter { limit: Some(MAP_PLACES), ..filter })?;
                Ok((rows, places))
            })
            .map_err(Into::into)
        })
        .await?;
    let places = places
        .into_iter()
        .map(|p| PlaceOut {
            name: p.name,
            country: p.country,
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            events: p.events,
            mean_goldstein: p.avg_goldstein.map(|g| (g * 100.0).round() / 100.0),
        })
        .collect();
    let mut by: BTreeMap<String, (i64, f64, i64)> = BTreeMap::new();
    for r in rows {
        let place = if placed(&r.source) {
            r.source
        } else if placed(&r.target) {
            r.target
        } else {
            continue;
        };
        let e = by.entry(place).or_default();
        e.0 += r.events;
        if let Some(g) = r.avg_goldstein {
            e.1 += g * r.events as f64;
            e.2 += r.events;
        }
    }
    let mut countries: Vec<CountryOut> = by
        .into_iter()
        .map(|(country, (events, sum, n))| CountryOut {
            country,
            events,
            mean_goldstein: (n > 0).then(|| (sum / n as f64 * 100.0).round() / 100.0),
        })
        .collect();
    countries.sort_by(|a, b| b.events.cmp(&a.events).then(a.country.cmp(&b.country)));
    Ok(Json(CountriesOut { placement: PLACEMENT.into(), countries, places }))
}

/// Search actors by code prefix or name.
#[utoipa::path(
    get, path = "/v1/actors", tag = "explore",
    params(
        ("q" = Option<String>, Query, description = "Code prefix or words of a name; empty lists the most active"),
        ("limit" = Option<u32>, Query, description = "At most this many (default 20, at most 200)"),
    ),
    responses(
        (status = 200, description = "Actors, most events first", body = ActorsOut),
        (status = 400, description = "Bad parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn actors(State(st): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult<ActorsOut> {
    let p = single_params(&query_pairs(raw.as_deref())?, &["q", "limit"])?;
    let q = p.get("q").cloned().unwrap_or_default();
    if q.chars().count() > 200 {
        return Err(Problem::bad_request("invalid-parameter", "q: longer than 200 characters"));
    }
    let limit = p.get("limit").map(|v| parse_number("limit", v, 1u32, 200)).transpose()?.unwrap_or(20);
    let actors = st.pool.read(move |s| store_ext::search_actors(s, &q, limit)).await?;
    Ok(Json(ActorsOut { actors }))
}

/// Store totals.
#[utoipa::path(
    get, path = "/v1/stats", tag = "store",
    responses((status = 200, description = "Totals", body = StatsOut))
)]
pub async fn stats(State(st): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult<StatsOut> {
    single_params(&query_pairs(raw.as_deref())?, &[])?;
    let writable = st.token.is_some();
    let out = st
        .pool
        .read(move |s| {
            let t = s.stats()?;
            let (first_date, last_date) = store_ext::date_range(s)?;
            Ok(StatsOut {
                articles: t.articles,
                near_duplicates: t.near_duplicates,
                sentences: t.sentences,
                events: t.events,
                mentions: t.mentions,
                first_date,
                last_date,
                schema_version: s.schema_version()?,
                writable,
            })
        })
        .await?;
    Ok(Json(out))
}

/// Liveness and store reachability.
#[utoipa::path(
    get, path = "/healthz", tag = "operations",
    responses(
        (status = 200, description = "Healthy", body = Health),
        (status = 503, description = "The store cannot be read", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn health(State(st): State<Arc<AppState>>) -> Result<Json<Health>, Problem> {
    st.pool
        .read(|s| {
            s.connection().query_row("SELECT 1", [], |r| r.get::<_, i64>(0)).map_err(|e| {
                Problem::new(StatusCode::SERVICE_UNAVAILABLE, "store-unavailable", e.to_string())
            })
        })
        .await?;
    Ok(Json(Health { status: "ok".into(), version: env!("CARGO_PKG_VERSION").into() }))
}

/// Prometheus metrics (text exposition format 0.0.4).
#[utoipa::path(
    get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Metrics", body = String, content_type = "text/plain"))
)]
pub async fn metrics_text(State(st): State<Arc<AppState>>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], st.metrics.render())
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        query_pairs(Some(q)).unwrap_or_default()
    }

    #[test]
    fn filters_parse_like_dyad_query() {
        let (f, rest) =
            parse_filter(&pairs("dyad=RUS,UKR&quad=3,4&from=2024-01-01&limit=5"), &FILTER_KEYS, &["limit"])
                .map_err(|p| p.detail)
                .unwrap_or_default();
        assert_eq!(f.source.as_deref(), Some("RUS"));
        assert_eq!(f.target.as_deref(), Some("UKR"));
        assert_eq!(f.quad_classes, vec![3, 4]);
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(rest.get("limit").map(String::as_str), Some("5"));
        assert!(parse_filter(&pairs("colour=red"), &FILTER_KEYS, &[]).is_err());
        assert!(parse_filter(&pairs("from=2024-02-30"), &FILTER_KEYS, &[]).is_err());
        assert!(parse_filter(&pairs("from=2024-03-01&to=2024-02-01"), &FILTER_KEYS, &[]).is_err());
        assert!(parse_filter(&pairs("quad=5"), &FILTER_KEYS, &[]).is_err());
        assert!(parse_filter(&pairs("source=A&source=B"), &FILTER_KEYS, &[]).is_err());
        assert!(parse_filter(&pairs("year=2024&from=2024-01-01"), &FILTER_KEYS, &[]).is_err());
    }

    #[test]
    fn cursors_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 11);
        assert_eq!(parse_cursor(&make_cursor(d, 42)).ok(), Some((d, 42)));
        assert_eq!(parse_cursor(&make_cursor(None, 7)).ok(), Some((None, 7)));
        assert!(parse_cursor("garbage").is_err());
        assert!(parse_cursor("20241399.1").is_err());
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secre", b"secret"));
        assert!(!constant_time_eq(b"secretx", b"secret"));
        assert!(!constant_time_eq(b"", b"secret"));
    }

    proptest::proptest! {
        #[test]
        fn query_parsing_never_panics(q in ".*") {
            let p = query_pairs(Some(&q)).unwrap_or_default();
            let _ = parse_filter(&p, &FILTER_KEYS, &["limit", "cursor"]);
            let _ = parse_cursor(&q);
        }
    }
}
