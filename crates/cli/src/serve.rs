//! `dyad serve`: the HTTP API and web dashboard over a store.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use dyad_coder::CoderConfig;
use dyad_ingest::Article;
use dyad_server::{ArticleCoder, Coded, Config, Limits};
use dyad_text::{Lang, TextPipeline};

use crate::code::{code_article, Coders, Outcome};
use crate::dictionaries::DictionaryArgs;

/// How logs are written.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable lines.
    Text,
}

/// Arguments of `dyad serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The store (created when missing).
    #[arg(long, value_name = "PATH", default_value = crate::ingest::DEFAULT_DB)]
    pub db: PathBuf,
    /// Address to listen on.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// File holding the bearer token that `POST /v1/articles` needs (else the
    /// `DYAD_TOKEN` environment variable; with neither the server is read-only).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Largest request body in bytes (413 above).
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Longest time to answer one request, in seconds (503 after).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Requests handled at once; more wait their turn until the timeout.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub max_concurrency: usize,
    /// Most events on one page of `GET /v1/events`.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_page: usize,
    /// Reading connections to the store.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub readers: usize,
    /// Threads that code articles (0: one per CPU). Coding is CPU-bound, so
    /// more threads than cores add no throughput, only memory.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub coder_threads: usize,
    /// Default language of articles: auto, it, en, es, fr or de (a request's `lang` wins).
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Dictionaries.
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
    /// Also emit events whose source or target is unknown.
    #[arg(long)]
    pub allow_missing_actor: bool,
    /// Log format.
    #[arg(long, value_enum, default_value_t = LogFormat::Json)]
    pub log_format: LogFormat,
    /// Do not print the dictionary report.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The coders of `dyad code`, for the server.
pub struct CliCoder {
    pipeline: TextPipeline,
    coders: Coders,
    default_lang: Option<Lang>,
}

impl ArticleCoder for CliCoder {
    fn code(&self, article: &Article) -> Coded {
        match code_article(&self.pipeline, &self.coders, article, self.default_lang) {
            Ok(Outcome::Coded { sentences, events }) => {
                Coded::Events { sentences, lang: events.first().map(|e| e.lang.clone()), events }
            }
            Ok(Outcome::Skipped(reason, message)) => Coded::Skipped { reason: reason.to_string(), message },
            Err((reason, message)) => Coded::Skipped { reason, message },
        }
    }
}

/// The token from `--token-file`, else `DYAD_TOKEN`.
fn token(args: &ServeArgs) -> Result<Option<String>> {
    if let Some(path) = &args.token_file {
        let t = std::fs::read_to_string(path)
            .with_context(|| format!("--token-file {}: cannot read it", path.display()))?;
        let t = t.trim().to_string();
        if t.is_empty() {
            bail!("--token-file {}: the file is empty", path.display());
        }
        return Ok(Some(t));
    }
    Ok(std::env::var("DYAD_TOKEN").ok().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()))
}

/// Runs `dyad serve`.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    dyad_server::init_tracing(args.log_format == LogFormat::Json);
    let default_lang =
        match args.lang.trim() {
            "auto" => None,
            code => Some(Lang::from_code(code).with_context(|| {
                format!("--lang {code:?} is not supported; use auto, it, en, es, fr or de")
            })?),
        };
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!("--timeout {}: give a positive number of seconds", args.timeout);
    }
    if args.max_concurrency == 0 || args.max_page == 0 || args.max_body_bytes == 0 {
        bail!("--max-concurrency, --max-page and --max-body-bytes must be at least 1");
    }
    let token = token(&args)?;
    let config = CoderConfig { allow_missing_actor: args.allow_missing_actor, ..CoderConfig::default() };
    let coders = Coders::build(&args.dictionaries, &config, args.quiet)?;
    let coder = CliCoder { pipeline: TextPipeline::new(), coders, default_lang };
    let config = Config {
        db: args.db.clone(),
        addr: args.addr,
        token,
        limits: Limits {
            max_body_bytes: args.max_body_bytes,
            request_timeout: Duration::from_secs_f64(args.timeout),
            max_concurrency: args.max_concurrency,
            max_page: args.max_page,
        },
        readers: args.readers.max(1),
        coder_threads: args.coder_threads,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(dyad_server::run(config, Arc::new(coder)))?;
    Ok(ExitCode::SUCCESS)
}
