//! API integration tests: a real server on an ephemeral loopback port,
//! driven over HTTP.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use dyad_ingest::Article;
use dyad_server::{ArticleCoder, BuiltinCoder, Coded, Config, Limits};
use serde_json::{json, Value};

const ARTICLE: &str = include_str!("../../../examples/articles/en-gulf-diplomacy.txt");
const TOKEN: &str = "test-token-0123456789";

fn builtin() -> Arc<dyn ArticleCoder> {
    static CODER: OnceLock<Arc<BuiltinCoder>> = OnceLock::new();
    let c = CODER.get_or_init(|| match BuiltinCoder::new() {
        Ok(c) => Arc::new(c),
        Err(e) => panic!("built-in dictionaries: {e}"),
    });
    Arc::clone(c) as Arc<dyn ArticleCoder>
}

/// A client that opens a connection per request: the server closes a
/// connection after refusing an oversized body (413), and a pooled client
/// would then write the next request into the closed socket.
fn fresh_client() -> reqwest::Client {
    match reqwest::Client::builder().pool_max_idle_per_host(0).build() {
        Ok(c) => c,
        Err(e) => panic!("http client: {e}"),
    }
}

struct Server {
    base: String,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
    async fn get(&self, path: &str) -> (u16, String, Value) {
        let r = self.client.get(self.url(path)).send().await.expect("request");
        parts(r).await
    }
    async fn post(
        &self,
        path: &str,
        ct: &str,
        body: impl Into<reqwest::Body>,
        token: Option<&str>,
    ) -> (u16, String, Value) {
        let mut rb = self.client.post(self.url(path)).header("content-type", ct).body(body);
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        parts(rb.send().await.expect("request")).await
    }
    /// Sends only the head of a POST that declares `length` bytes of body, and
    /// reads the answer (status, content type, JSON body).
    async fn post_declaring(&self, path: &str, ct: &str, length: usize) -> (u16, String, Value) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = self.base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {ct}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.expect("write head");
        let mut raw = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut raw))
            .await
            .expect("an answer before the body is sent")
            .expect("read");
        let raw = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let header = |name: &str| {
            head.lines()
                .find_map(|l| l.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case(name)))
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let body = if header("transfer-encoding").eq_ignore_ascii_case("chunked") {
            dechunk(body)
        } else {
            body.to_string()
        };
        let v = serde_json::from_str(&body).unwrap_or(Value::String(body));
        (status, header("content-type"), v)
    }
}

/// The payload of a chunked HTTP/1.1 body.
fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else { break };
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

async fn parts(r: reqwest::Response) -> (u16, String, Value) {
    let status = r.status().as_u16();
    let ct = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let text = r.text().await.expect("body");
    let v = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, ct, v)
}

async fn start_with(token: Option<&str>, limits: Limits, coder: Arc<dyn ArticleCoder>) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = Config {
        db: dir.path().join("events.sqlite"),
        token: token.map(str::to_string),
        limits,
        readers: 2,
        ..Config::default()
    };
    let app = dyad_server::app(&config, coder).expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(dyad_server::serve(listener, app, std::future::pending()));
    Server { base: format!("http://{addr}"), client: fresh_client(), _dir: dir }
}

async fn start(token: Option<&str>) -> Server {
    let limits = Limits { max_body_bytes: 256 * 1024, ..Limits::default() };
    start_with(token, limits, builtin()).await
}

fn assert_problem(status: u16, ct: &str, v: &Value, want_status: u16, want_kind: &str) {
    assert_eq!(status, want_status, "{v}");
    assert!(ct.starts_with("application/problem+json"), "content type {ct:?} for {v}");
    assert_eq!(v["status"], want_status, "{v}");
    assert_eq!(v["type"], format!("urn:dyad:problem:{want_kind}"), "{v}");
    assert!(v["detail"].as_str().is_some_and(|d| d.len() > 10), "{v}");
}

/// Characters `[a, b)` of `s`.
fn chars(s: &str, span: &Value) -> String {
    let a = span[0].as_u64().unwrap_or(0) as usize;
    let b = span[1].as_u64().unwrap_or(0) as usize;
    s.chars().skip(a).take(b.saturating_sub(a)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_plain_text_and_json() {
    let s = start(None).await;
    let (st, ct, v) = s.post("/v1/code?date=2024-03-11&lang=en", "text/plain", ARTICLE, None).await;
    assert_eq!(st, 200, "{v}");
    assert!(ct.starts_with("application/json"));
    let events = v["events"].as_array().cloned().unwrap_or_default();
    assert!(events.len() >= 2, "{v}");
    assert_eq!(v["lang"], "en");
    assert!(v["sentences"].as_u64().unwrap_or(0) >= 4);
    for e in &events {
        assert_eq!(e["date"], "2024-03-11");
        let sentence = e["evidence"]["sentence"].as_str().unwrap_or("");
        assert!(!sentence.is_empty());
        assert_eq!(chars(sentence, &e["source"]["span"]), e["source"]["text"].as_str().unwrap_or("?"), "{e}");
        assert_eq!(chars(sentence, &e["target"]["span"]), e["target"]["text"].as_str().unwrap_or("?"), "{e}");
        assert_eq!(
            chars(sentence, &e["evidence"]["trigger"]["span"]),
            e["evidence"]["trigger"]["text"].as_str().unwrap_or("?"),
            "{e}"
        );
        assert!(!e["evidence"]["rule"].as_str().unwrap_or("").is_empty());
        assert!(e["label"].is_string(), "{e}");
    }
    // The same article as JSON gives the same events.
    let body = json!({"text": ARTICLE, "date": "2024-03-11", "lang": "en", "id": "gulf"}).to_string();
    let (st, _, j) = s.post("/v1/code", "application/json", body, None).await;
    assert_eq!(st, 200, "{j}");
    let codes = |v: &Value| -> Vec<String> {
        v["events"].as_array().into_iter().flatten().map(|e| e["cameo"].to_string()).collect()
    };
    assert_eq!(codes(&v), codes(&j));
    assert!(j["events"][0]["event_id"].as_str().unwrap_or("").starts_with("gulf:"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_rejects_bad_input() {
    let s = start(None).await;
    let (st, ct, v) = s.post("/v1/code", "application/json", "{\"text\": \"Egypt\",", None).await;
    assert_problem(st, &ct, &v, 400, "invalid-json");
    assert!(v["detail"].as_str().unwrap_or("").contains("line 1"), "{v}");
    let (st, ct, v) = s.post("/v1/code", "application/json", r#"{"txt": "x"}"#, None).await;
    assert_problem(st, &ct, &v, 400, "invalid-json");
    let (st, ct, v) = s
        .post("/v1/code", "application/json", r#"{"text": "Egypt met Qatar.", "date": "2024-02-30"}"#, None)
        .await;
    assert_problem(st, &ct, &v, 400, "invalid-date");
    let (st, ct, v) = s.post("/v1/code?date=yesterday", "text/plain", "Egypt met Qatar.", None).await;
    assert_problem(st, &ct, &v, 400, "invalid-date");
    let (st, ct, v) = s.post("/v1/code?lang=xx", "text/plain", "Egypt met Qatar.", None).await;
    assert_problem(st, &ct, &v, 400, "invalid-lang");
    let (st, ct, v) = s.post("/v1/code?colour=red", "text/plain", "Egypt met Qatar.", None).await;
    assert_problem(st, &ct, &v, 400, "unknown-parameter");
    let (st, ct, v) = s.post("/v1/code", "text/plain", "   \n ", None).await;
    assert_problem(st, &ct, &v, 400, "empty-text");
    let (st, ct, v) = s.post("/v1/code", "text/plain", vec![0xff_u8, 0xfe, 0x00], None).await;
    assert_problem(st, &ct, &v, 400, "invalid-utf8");
    let (st, ct, v) = s.post("/v1/code", "application/octet-stream", "abc", None).await;
    assert_problem(st, &ct, &v, 415, "unsupported-media-type");
    // A huge body: refused with 413 and the limit named, from its declared
    // length alone (a client that went on writing would meet a closed socket).
    let (st, ct, v) = s.post_declaring("/v1/code", "text/plain", 680_000).await;
    assert_problem(st, &ct, &v, 413, "body-too-large");
    assert!(v["detail"].as_str().unwrap_or("").contains("262144 bytes"), "{v}");
    // The server is still fine.
    let (st, _, _) = s.get("/healthz").await;
    assert_eq!(st, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_server_refuses_articles() {
    let s = start(None).await;
    let body = json!({"id": "a", "text": ARTICLE}).to_string();
    let (st, ct, v) = s.post("/v1/articles", "application/json", body, Some(TOKEN)).await;
    assert_problem(st, &ct, &v, 401, "read-only");
    assert!(v["detail"].as_str().unwrap_or("").contains("DYAD_TOKEN"), "{v}");
}

fn corpus() -> Value {
    json!({"articles": [
        {"id": "a1", "date": "2024-03-04", "lang": "en", "url": "https://example.org/a1", "text": ARTICLE},
        {"id": "a2", "date": "2024-03-12", "lang": "en", "text":
            "Egypt urged Israel to allow aid into Gaza. Qatar praised Egypt for its mediation."},
        {"id": "a3", "date": "2024-03-20", "lang": "en", "text":
            "Israel rejected the Egyptian proposal. Egypt accused Israel of blocking aid convoys."},
        {"id": "a4", "date": "2024-04-02", "lang": "en", "text":
            "Russia accused Ukraine of shelling Donetsk. Ukraine denied the accusation."}
    ]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_then_explore() {
    let s = start(Some(TOKEN)).await;
    let body = corpus().to_string();
    // Missing and wrong tokens.
    let (st, ct, v) = s.post("/v1/articles", "application/json", body.clone(), None).await;
    assert_problem(st, &ct, &v, 401, "missing-token");
    let (st, ct, v) = s.post("/v1/articles", "application/json", body.clone(), Some("wrong")).await;
    assert_problem(st, &ct, &v, 401, "invalid-token");
    // Invalid records are named, and nothing is stored.
    let bad = json!([{"id": "x", "text": "Egypt met Qatar.", "date": "2024-13-01"}]).to_string();
    let (st, ct, v) = s.post("/v1/articles", "application/json", bad, Some(TOKEN)).await;
    assert_problem(st, &ct, &v, 400, "invalid-date");
    assert!(v["detail"].as_str().unwrap_or("").contains("articles[0]"), "{v}");
    let (st, ct, v) = s.post("/v1/articles", "application/json", "[{\"id\": 1", Some(TOKEN)).await;
    assert_problem(st, &ct, &v, 400, "invalid-json");
    let (_, _, stats) = s.get("/v1/stats").await;
    assert_eq!(stats["articles"], 0, "{stats}");

    let (st, _, v) = s.post("/v1/articles", "application/json", body.clone(), Some(TOKEN)).await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["received"], 4);
    assert_eq!(v["stored"], 4, "{v}");
    let new_events = v["new_events"].as_u64().unwrap_or(0);
    assert!(new_events >= 4, "{v}");
    // Again: nothing new.
    let (_, _, again) = s.post("/v1/articles", "application/json", body, Some(TOKEN)).await;
    assert_eq!(again["already_stored"], 4, "{again}");
    // JSON lines work too.
    let line = json!({"id": "a5", "date": "2024-04-03", "text": "Turkey condemned Greece."}).to_string();
    let (st, _, v) = s.post("/v1/articles", "application/x-ndjson", format!("{line}\n"), Some(TOKEN)).await;
    assert_eq!(st, 200, "{v}");

    let (_, _, stats) = s.get("/v1/stats").await;
    assert_eq!(stats["articles"], 5, "{stats}");
    assert_eq!(stats["writable"], true);
    let total = stats["events"].as_u64().unwrap_or(0);
    assert!(total >= new_events);
    assert_eq!(stats["first_date"], "2024-03-04");

    // Every page, one event at a time, gives the same events as one big page.
    let (st, _, all) = s.get("/v1/events?limit=1000").await;
    assert_eq!(st, 200, "{all}");
    assert_eq!(all["total"].as_u64(), Some(total));
    assert!(all["next_cursor"].is_null());
    let want: Vec<i64> =
        all["events"].as_array().into_iter().flatten().filter_map(|e| e["id"].as_i64()).collect();
    assert_eq!(want.len() as u64, total);
    let mut got = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..1000 {
        let path = match &cursor {
            Some(c) => format!("/v1/events?limit=2&cursor={c}"),
            None => "/v1/events?limit=2".into(),
        };
        let (st, _, page) = s.get(&path).await;
        assert_eq!(st, 200, "{page}");
        got.extend(page["events"].as_array().into_iter().flatten().filter_map(|e| e["id"].as_i64()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(got, want);

    // Filters.
    let (st, _, egy) = s.get("/v1/events?actor=EGY&from=2024-03-01&to=2024-03-31").await;
    assert_eq!(st, 200, "{egy}");
    let egy_events = egy["events"].as_array().cloned().unwrap_or_default();
    assert!(!egy_events.is_empty());
    for e in &egy_events {
        assert!(e["source_country"] == "EGY" || e["target_country"] == "EGY", "{e}");
        assert!(e["date"].as_str().unwrap_or("") >= "2024-03-01");
    }
    let (st, _, rus) = s.get("/v1/events?dyad=RUS,UKR").await;
    assert_eq!(st, 200);
    assert!(rus["events"].as_array().is_some_and(|a| !a.is_empty()), "{rus}");
    let (st, ct, v) = s.get("/v1/events?colour=red").await;
    assert_problem(st, &ct, &v, 400, "unknown-parameter");
    assert!(v["detail"].as_str().unwrap_or("").contains("actor"), "{v}");
    let (st, ct, v) = s.get("/v1/events?from=2024-02-30").await;
    assert_problem(st, &ct, &v, 400, "invalid-date");
    let (st, ct, v) = s.get("/v1/events?from=2024-04-01&to=2024-03-01").await;
    assert_problem(st, &ct, &v, 400, "invalid-date");
    let (st, ct, v) = s.get("/v1/events?actor=a'%20OR%201").await;
    assert_problem(st, &ct, &v, 400, "invalid-filter");
    let (st, ct, v) = s.get("/v1/events?quad=7").await;
    assert_problem(st, &ct, &v, 400, "invalid-parameter");
    let (st, ct, v) = s.get("/v1/events?limit=0").await;
    assert_problem(st, &ct, &v, 400, "invalid-parameter");
    let (st, ct, v) = s.get("/v1/events?cursor=nonsense").await;
    assert_problem(st, &ct, &v, 400, "invalid-cursor");

    // One event: evidence and every mention, with spans into the sentence.
    let first = &egy_events[0];
    let id = first["id"].as_i64().unwrap_or(0);
    let (st, _, d) = s.get(&format!("/v1/events/{id}")).await;
    assert_eq!(st, 200, "{d}");
    assert_eq!(d["event"]["id"], id);
    let mentions = d["mentions"].as_array().cloned().unwrap_or_default();
    assert_eq!(mentions.len() as i64, d["event"]["num_mentions"].as_i64().unwrap_or(-1), "{d}");
    for m in &mentions {
        let sentence = m["sentence"].as_str().unwrap_or("");
        assert_eq!(
            chars(sentence, &m["trigger"]["span"]).to_lowercase(),
            m["trigger"]["text"].as_str().unwrap_or("?").to_lowercase(),
            "{m}"
        );
        assert!(!m["rule"].as_str().unwrap_or("").is_empty());
        let art = m["article"].as_i64().unwrap_or(0);
        let (st, _, a) = s.get(&format!("/v1/articles/{art}")).await;
        assert_eq!(st, 200, "{a}");
        assert!(a["text"].as_str().unwrap_or("").contains(sentence.trim_end_matches('.')), "{a}");
    }
    let (st, ct, v) = s.get("/v1/events/999999").await;
    assert_problem(st, &ct, &v, 404, "not-found");
    let (st, ct, v) = s.get("/v1/events/abc").await;
    assert_problem(st, &ct, &v, 400, "invalid-id");
    let (st, ct, v) = s.get("/v1/articles/0").await;
    assert_problem(st, &ct, &v, 400, "invalid-id");

    // The series of a dyad counts the same events as the filter does.
    let (a, b) =
        (first["source_country"].as_str().unwrap_or(""), first["target_country"].as_str().unwrap_or(""));
    let (_, _, listed) = s.get(&format!("/v1/events?dyad={a},{b}&limit=1000")).await;
    let dated =
        listed["events"].as_array().into_iter().flatten().filter(|e| e["date"].is_string()).count() as i64;
    for interval in ["day", "week", "month"] {
        let (st, _, series) = s.get(&format!("/v1/dyads/{a}/{b}/series?interval={interval}")).await;
        assert_eq!(st, 200, "{series}");
        let points = series["points"].as_array().cloned().unwrap_or_default();
        let sum: i64 = points.iter().map(|p| p["events"].as_i64().unwrap_or(0)).sum();
        assert_eq!(sum, dated, "{interval}: {series}");
        for p in &points {
            let q: i64 =
                p["by_quad_class"].as_array().into_iter().flatten().map(|x| x.as_i64().unwrap_or(0)).sum();
            assert_eq!(q, p["events"].as_i64().unwrap_or(-1), "{p}");
        }
    }
    let (st, ct, v) = s.get(&format!("/v1/dyads/{a}/{b}/series?interval=fortnight")).await;
    assert_problem(st, &ct, &v, 400, "invalid-parameter");
    let (st, ct, v) = s.get(&format!("/v1/dyads/{a}/{b}/series?from=tomorrow")).await;
    assert_problem(st, &ct, &v, 400, "invalid-date");
    let (st, ct, v) = s.get("/v1/dyads/EG'Y/ISR/series").await;
    assert_problem(st, &ct, &v, 400, "invalid-filter");

    // Dates and locations: the event detail agrees with the list, and the
    // map's places count exactly the located events.
    let listed = all["events"].as_array().cloned().unwrap_or_default();
    let located: Vec<&serde_json::Value> = listed.iter().filter(|e| e["location"].is_object()).collect();
    assert!(!located.is_empty(), "no event has a location: {all}");
    for e in &listed {
        assert!(e["date_precision"].is_string(), "{e}");
        let (st, _, d) = s.get(&format!("/v1/events/{}", e["id"])).await;
        assert_eq!(st, 200, "{d}");
        for k in ["date", "date_precision", "date_text", "location"] {
            assert_eq!(d["event"][k], e[k], "{k} of {e}");
        }
        if let Some(span) = e["location"]["span"].as_array().filter(|_| e["location"]["text"].is_string()) {
            let sentence = e["sentence"].as_str().unwrap_or("");
            assert_eq!(
                chars(sentence, &serde_json::Value::Array(span.clone())),
                e["location"]["text"],
                "{e}"
            );
        }
    }
    let (st, _, co) = s.get("/v1/countries").await;
    assert_eq!(st, 200, "{co}");
    let placed_events: i64 =
        co["places"].as_array().into_iter().flatten().map(|p| p["events"].as_i64().unwrap_or(0)).sum();
    assert_eq!(
        placed_events as usize,
        located.iter().filter(|e| e["location"]["lat"].is_number()).count(),
        "{co}"
    );

    // Most active dyads, countries for the map, actor search.
    let (st, _, dy) = s.get("/v1/dyads?limit=5").await;
    assert_eq!(st, 200, "{dy}");
    let dyads = dy["dyads"].as_array().cloned().unwrap_or_default();
    assert!(!dyads.is_empty() && dyads.len() <= 5);
    assert!(dyads.windows(2).all(|w| w[0]["events"].as_i64() >= w[1]["events"].as_i64()));
    let (st, _, co) = s.get("/v1/countries").await;
    assert_eq!(st, 200, "{co}");
    let placed: BTreeSet<String> = co["countries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["country"].as_str().map(str::to_string))
        .collect();
    assert!(placed.contains("EGY"), "{co}");
    let (st, _, ac) = s.get("/v1/actors?q=EG").await;
    assert_eq!(st, 200, "{ac}");
    assert!(
        ac["actors"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["code"].as_str().unwrap_or("").starts_with("EGY")),
        "{ac}"
    );
    let (st, ct, v) = s.get("/v1/actors?q=EG&sort=name").await;
    assert_problem(st, &ct, &v, 400, "unknown-parameter");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operations_endpoints() {
    let s = start(None).await;
    let (st, _, h) = s.get("/healthz").await;
    assert_eq!((st, h["status"].as_str()), (200, Some("ok")));
    let _ = s.post("/v1/code", "text/plain", "Egypt met Qatar.", None).await;
    let (st, ct, m) = s.get("/metrics").await;
    assert_eq!(st, 200);
    assert!(ct.starts_with("text/plain"));
    let m = m.as_str().unwrap_or("");
    assert!(
        m.contains("dyad_http_requests_total{method=\"POST\",route=\"/v1/code\",status=\"200\"} 1"),
        "{m}"
    );
    assert!(m.contains("dyad_http_request_duration_seconds_bucket{route=\"/v1/code\",le=\"+Inf\"} 1"), "{m}");
    assert!(m.contains("dyad_articles_coded_total 1"), "{m}");
    let (st, _, api) = s.get("/openapi.json").await;
    assert_eq!(st, 200);
    for path in [
        "/v1/code",
        "/v1/articles",
        "/v1/events",
        "/v1/events/{id}",
        "/v1/dyads/{a}/{b}/series",
        "/v1/actors",
        "/v1/stats",
        "/healthz",
        "/metrics",
    ] {
        assert!(api["paths"][path].is_object(), "{path} missing from the OpenAPI description");
    }
    let r = s.client.get(s.url("/docs/")).send().await.expect("docs");
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("swagger"), "{html}");
    // The dashboard is embedded, with a policy that forbids other origins.
    let r = s.client.get(s.url("/")).send().await.expect("dashboard");
    assert_eq!(r.status().as_u16(), 200);
    let csp =
        r.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    let r = s.client.get(s.url("/assets/app.js")).send().await.expect("js");
    assert_eq!(r.status().as_u16(), 200);
    // Unknown paths and methods are problems too.
    let (st, ct, v) = s.get("/v2/nothing").await;
    assert_problem(st, &ct, &v, 404, "not-found");
    let (st, ct, v) = s.get("/v1/code").await;
    assert_problem(st, &ct, &v, 405, "method-not-allowed");
}

/// A coder that takes its time, or panics.
struct Slow(Duration, bool);

impl ArticleCoder for Slow {
    fn code(&self, article: &Article) -> Coded {
        std::thread::sleep(self.0);
        if self.1 {
            panic!("coder bug on {}", article.id);
        }
        Coded::Events { sentences: 1, lang: Some("en".into()), events: Vec::new() }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn panics_become_problems() {
    let s = start_with(None, Limits::default(), Arc::new(Slow(Duration::ZERO, true))).await;
    let (st, ct, v) = s.post("/v1/code", "text/plain", "Egypt met Qatar.", None).await;
    assert_problem(st, &ct, &v, 500, "internal");
    assert!(!v["detail"].as_str().unwrap_or("").contains("coder bug"), "internals leak: {v}");
    let (st, _, _) = s.get("/healthz").await;
    assert_eq!(st, 200);
    let (_, _, m) = s.get("/metrics").await;
    assert!(m.as_str().unwrap_or("").contains("dyad_panics_total 1"), "{m}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_requests_time_out() {
    let limits = Limits { request_timeout: Duration::from_millis(100), ..Limits::default() };
    let s = start_with(None, limits, Arc::new(Slow(Duration::from_millis(600), false))).await;
    let (st, ct, v) = s.post("/v1/code", "text/plain", "Egypt met Qatar.", None).await;
    assert_problem(st, &ct, &v, 503, "timeout");
    assert!(v["detail"].as_str().unwrap_or("").contains("0.1 s"), "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrency_limit_queues_requests() {
    let limits = Limits { max_concurrency: 1, ..Limits::default() };
    let s = Arc::new(start_with(None, limits, Arc::new(Slow(Duration::from_millis(150), false))).await);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let s = Arc::clone(&s);
        tasks.push(tokio::spawn(async move {
            s.post("/v1/code", "text/plain", "Egypt met Qatar.", None).await.0
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap_or(0), 200);
    }
    // One at a time: four requests of 150 ms take at least 600 ms.
    assert!(started.elapsed() >= Duration::from_millis(590), "{:?}", started.elapsed());
}
