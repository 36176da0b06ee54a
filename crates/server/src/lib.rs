//! The dyad HTTP API and web dashboard, served from one binary over the
//! same SQLite store as `dyad ingest` and `dyad query`.
//!
//! - `POST /v1/code` codes an article without storing it;
//!   `POST /v1/articles` codes and stores articles (bearer token).
//! - `GET /v1/events` (filters of `dyad query`, cursor pagination),
//!   `GET /v1/events/{id}`, `GET /v1/articles/{id}`,
//!   `GET /v1/dyads/{a}/{b}/series`, `GET /v1/dyads`, `GET /v1/countries`,
//!   `GET /v1/actors`, `GET /v1/stats`.
//! - `GET /healthz`, `GET /metrics`, `GET /openapi.json`, `GET /docs/`
//!   (Swagger UI), and the dashboard at `/`.
//!
//! Errors are RFC 9457 problem details; bodies, request time and concurrency
//! are limited ([`Limits`]); a panic becomes a 500 problem.
//!
//! # Example
//!
//! ```no_run
//! use std::sync::Arc;
//! use dyad_server::{BuiltinCoder, Config};
//! # async fn demo() -> Result<(), dyad_server::ServerError> {
//! let config = Config { token: Some("secret".into()), ..Config::default() };
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await
//!     .map_err(|e| dyad_server::ServerError::Bind { addr: "127.0.0.1:0".into(), source: e })?;
//! let app = dyad_server::app(&config, Arc::new(BuiltinCoder::new()?))?;
//! dyad_server::serve(listener, app, std::future::pending()).await?;
//! # Ok(()) }
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use dyad_coder::{ArticleMeta, Coder, CoderConfig, Event};
use dyad_ingest::Article;
use dyad_text::{Lang, TextPipeline};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

pub mod api;
mod assets;
pub mod coding;
pub mod metrics;
pub mod model;
pub mod pool;
pub mod problem;
pub mod store_ext;

pub use pool::StorePool;
pub use problem::Problem;

/// What the server could not do at start-up.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Serving failed.
    #[error("serving HTTP: {0}")]
    Serve(#[source] std::io::Error),
    /// No dictionary could be loaded.
    #[error("{0}")]
    Coder(String),
}

/// Request limits.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest request body, in bytes (413 above).
    pub max_body_bytes: usize,
    /// Longest time to answer one request (503 after).
    pub request_timeout: Duration,
    /// Requests handled at once; more wait their turn (until the timeout).
    pub max_concurrency: usize,
    /// Most events on one page of `GET /v1/events`.
    pub max_page: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body_bytes: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            max_concurrency: 256,
            max_page: 1000,
        }
    }
}

/// Server configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store (created when missing).
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The bearer token `POST /v1/articles` needs; `None` makes the server read-only.
    pub token: Option<String>,
    /// Request limits.
    pub limits: Limits,
    /// Reading connections to the store.
    pub readers: usize,
    /// Threads that code articles (`0`: one per CPU). Coding is CPU-bound;
    /// a fixed pool keeps the server's memory flat under load.
    pub coder_threads: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            db: PathBuf::from("dyad.sqlite"),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            limits: Limits::default(),
            readers: 4,
            coder_threads: 0,
        }
    }
}

/// The outcome of coding one article.
#[derive(Clone, Debug)]
pub enum Coded {
    /// Coded.
    Events {
        /// Sentences in the article.
        sentences: usize,
        /// The language it was coded in, when known.
        lang: Option<String>,
        /// The events.
        events: Vec<Event>,
    },
    /// Skipped, with a stable reason key and a message.
    Skipped {
        /// Reason key (`discarded`, `unsupported-language`, `no-dictionary`, …).
        reason: String,
        /// Explanation.
        message: String,
    },
}

/// Codes articles for the server. `dyad serve` implements it with the
/// coders of `dyad code` (and its dictionary flags); [`BuiltinCoder`] uses
/// the built-in dictionaries.
pub trait ArticleCoder: Send + Sync + 'static {
    /// Codes one article. Panics are caught by the caller.
    fn code(&self, article: &Article) -> Coded;
}

/// Codes with the built-in dictionary of each language.
pub struct BuiltinCoder {
    pipeline: TextPipeline,
    coders: Vec<(Lang, Coder)>,
}

impl std::fmt::Debug for BuiltinCoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltinCoder").field("languages", &self.coders.len()).finish()
    }
}

impl BuiltinCoder {
    /// Loads the built-in dictionaries.
    ///
    /// # Errors
    ///
    /// [`ServerError::Coder`] when no language has one.
    pub fn new() -> Result<BuiltinCoder, ServerError> {
        let mut coders = Vec::new();
        for lang in Lang::ALL {
            if let Ok(lexicon) = dyad_lexicon::own::builtin(lang.code()) {
                let mut config = CoderConfig::default();
                config.allow_missing_actor |= lexicon.options.allow_missing_actor;
                coders.push((lang, Coder::from_lexicon(lexicon, config)));
            }
        }
        if coders.is_empty() {
            return Err(ServerError::Coder("no built-in dictionary is available".into()));
        }
        Ok(BuiltinCoder { pipeline: TextPipeline::new(), coders })
    }
}

impl ArticleCoder for BuiltinCoder {
    fn code(&self, article: &Article) -> Coded {
        let lang = article.lang.as_deref().and_then(Lang::from_code);
        let doc = self.pipeline.process(&article.text, article.title.as_deref(), lang);
        let coder = self
            .coders
            .iter()
            .find(|(l, _)| *l == doc.lang)
            .or_else(|| self.coders.iter().find(|(l, _)| *l == Lang::En))
            .map(|(_, c)| c);
        let Some(coder) = coder else {
            return Coded::Skipped {
                reason: "no-dictionary".into(),
                message: format!("no dictionary for language {}", doc.lang),
            };
        };
        let coded = coder.code_document(&doc, &ArticleMeta::new(&article.id, article.date));
        if let Some(rule) = coded.discarded_by {
            return Coded::Skipped { reason: "discarded".into(), message: format!("discarded by {rule}") };
        }
        Coded::Events {
            sentences: doc.sentences.len(),
            lang: Some(doc.lang.code().to_string()),
            events: coded.events,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    /// The store.
    pub pool: Arc<StorePool>,
    /// The coder.
    pub coder: Arc<dyn ArticleCoder>,
    /// The bearer token for writes.
    pub token: Option<String>,
    /// Metrics.
    pub metrics: metrics::Metrics,
    /// Limits.
    pub limits: Limits,
    /// The threads that code articles.
    pub coding: coding::CodingPool,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("pool", &self.pool)
            .field("limits", &self.limits)
            .field("coding", &self.coding)
            .finish()
    }
}

/// Opens the store and builds the application.
///
/// # Errors
///
/// [`ServerError::Store`] when the store cannot be opened,
/// [`ServerError::Coder`] when no coding thread can be started.
pub fn app(config: &Config, coder: Arc<dyn ArticleCoder>) -> Result<Router, ServerError> {
    let pool = Arc::new(StorePool::open(&config.db, config.readers)?);
    let coding = coding::CodingPool::new(config.coder_threads)
        .map_err(|e| ServerError::Coder(format!("cannot start the coding threads: {e}")))?;
    Ok(router(Arc::new(AppState {
        pool,
        coder,
        token: config.token.clone().filter(|t| !t.trim().is_empty()),
        metrics: metrics::Metrics::default(),
        limits: config.limits.clone(),
        coding,
    })))
}

/// The routes and layers over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    let limits = state.limits.clone();
    let api = Router::new()
        .route("/v1/code", post(api::code))
        .route("/v1/articles", post(api::ingest))
        .route("/v1/articles/{id}", get(api::article))
        .route("/v1/events", get(api::events))
        .route("/v1/events/{id}", get(api::event))
        .route("/v1/dyads", get(api::dyads))
        .route("/v1/dyads/{a}/{b}/series", get(api::series))
        .route("/v1/countries", get(api::countries))
        .route("/v1/actors", get(api::actors))
        .route("/v1/stats", get(api::stats))
        .route("/healthz", get(api::health))
        .route("/metrics", get(api::metrics_text))
        .merge(assets::routes())
        .fallback(not_found)
        .with_state(Arc::clone(&state))
        .merge(SwaggerUi::new("/docs").url("/openapi.json", api::ApiDoc::openapi()));
    let panic_state = Arc::clone(&state);
    // Router::layer wraps each route: the last layer is the outermost, and
    // the concurrency limit is one semaphore shared by every route.
    api.layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(DefaultBodyLimit::disable())
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(limits.max_concurrency.max(1)))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, limits.request_timeout))
        .layer(CatchPanicLayer::custom(move |_: Box<dyn std::any::Any + Send>| {
            metrics::Metrics::add(&panic_state.metrics.panics, 1);
            Problem::internal("a handler panicked").into_response()
        }))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), observe))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_response(|resp: &Response, latency: Duration, _span: &tracing::Span| {
                    tracing::info!(
                        status = resp.status().as_u16(),
                        latency_ms = latency.as_secs_f64() * 1000.0,
                        "response"
                    );
                }),
        )
}

async fn not_found(req: Request) -> Problem {
    Problem::not_found(format!(
        "there is no {} {} here; the API is described at /openapi.json and /docs/",
        req.method(),
        req.uri().path()
    ))
}

/// Counts requests and answers every error that is not problem details yet
/// (body limit, timeout, unknown method) with problem details.
async fn observe(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let route = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_string()).unwrap_or_else(|| {
        if path.starts_with("/docs") {
            "/docs".into()
        } else {
            "unmatched".into()
        }
    });
    st.metrics.start();
    let resp = next.run(req).await;
    let resp = problemify(resp, &st.limits, &path);
    st.metrics.finish(&method, &route, resp.status().as_u16(), started.elapsed());
    resp
}

fn problemify(resp: Response, limits: &Limits, path: &str) -> Response {
    let status = resp.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return resp;
    }
    let is_problem = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(problem::PROBLEM_JSON));
    if is_problem {
        return resp;
    }
    let p = match status {
        StatusCode::PAYLOAD_TOO_LARGE => api::too_large(limits.max_body_bytes),
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request took longer than this server's limit of {:.1} s (including time waiting for \
                 one of its {} request slots); retry later or start the server with a larger --timeout",
                limits.request_timeout.as_secs_f64(),
                limits.max_concurrency
            ),
        ),
        StatusCode::METHOD_NOT_ALLOWED => {
            let allow = resp.headers().get(header::ALLOW).and_then(|v| v.to_str().ok()).unwrap_or("");
            Problem::new(
                status,
                "method-not-allowed",
                format!("{path} does not take this method; it takes: {allow}"),
            )
        }
        _ => Problem::new(status, "error", status.canonical_reason().unwrap_or("error").to_string()),
    };
    let allow = resp.headers().get(header::ALLOW).cloned();
    let mut out = p.at(path).into_response();
    if let Some(a) = allow {
        out.headers_mut().insert(header::ALLOW, a);
    }
    out
}

/// Serves `app` on `listener` until `shutdown` completes, then finishes the
/// requests in flight.
///
/// # Errors
///
/// [`ServerError::Serve`] when the listener fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await.map_err(ServerError::Serve)
}

/// Binds `config.addr`, serves until Ctrl-C or SIGTERM, and logs where.
///
/// # Errors
///
/// A [`ServerError`] when the store, the address or serving fails.
pub async fn run(config: Config, coder: Arc<dyn ArticleCoder>) -> Result<(), ServerError> {
    let app = app(&config, coder)?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| ServerError::Bind { addr: config.addr.to_string(), source: e })?;
    let local = listener.local_addr().map_err(ServerError::Serve)?;
    tracing::info!(
        addr = %local,
        db = %config.db.display(),
        writable = config.token.is_some(),
        max_body_bytes = config.limits.max_body_bytes,
        timeout_s = config.limits.request_timeout.as_secs_f64(),
        max_concurrency = config.limits.max_concurrency,
        coder_threads = if config.coder_threads == 0 { coding::default_threads() } else { config.coder_threads },
        "dyad serving: dashboard http://{local}/ , API docs http://{local}/docs/"
    );
    serve(listener, app, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Installs a tracing subscriber writing to standard error: JSON lines when
/// `json`, else human-readable. `RUST_LOG` overrides the default level (`info`).
pub fn init_tracing(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if json { builder.json().flatten_event(true).try_init() } else { builder.try_init() };
}

/// Security headers for the dashboard: nothing may be loaded from elsewhere.
pub(crate) fn csp() -> HeaderValue {
    HeaderValue::from_static(
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
}
