//! `dyad ingest`: code articles and keep the events in a store.

use std::io::{BufRead, IsTerminal};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dyad_coder::CoderConfig;
use dyad_coder::Event;
use dyad_ingest::{Article, Input, InputFormat, Reader, Record};
use dyad_store::{content_hash, Store, Stored};
use dyad_text::{Lang, TextPipeline};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::code::{code_article_with_sentences, parse_date_arg, Coders, Outcome};
use crate::dictionaries::DictionaryArgs;

/// The store used when `--db` is not given.
pub const DEFAULT_DB: &str = "dyad.sqlite";

/// How to read input files.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// `.jsonl`/`.ndjson` files as JSONL, anything else as one plain-text article.
    Auto,
    /// One plain-text article per file.
    Text,
    /// One JSON record per line: {"id", "text", "date"?, "lang"?, "title"?, "url"?, "source"?}.
    Jsonl,
}

/// The input and coding flags `dyad ingest` shares with `dyad code`.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Articles: plain-text files (one article each) or JSONL files; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input: InputKind,
    /// Publication date (YYYY-MM-DD) of plain-text articles.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Language of the articles: auto, it, en, es, fr or de. A JSONL record's `lang` wins.
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Dictionaries.
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
    /// Also store events whose source or target is unknown.
    #[arg(long)]
    pub allow_missing_actor: bool,
    /// Largest article accepted, in bytes; larger ones fail with `too-large`.
    #[arg(long, default_value_t = dyad_ingest::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Do not print the dictionary report (the accounting line is always printed).
    #[arg(long, short)]
    pub quiet: bool,
}

impl InputArgs {
    fn format(&self) -> InputFormat {
        match self.input {
            InputKind::Auto => InputFormat::Auto,
            InputKind::Text => InputFormat::Text,
            InputKind::Jsonl => InputFormat::Jsonl,
        }
    }

    fn default_lang(&self) -> Result<Option<Lang>> {
        Ok(match self.lang.trim() {
            "auto" => None,
            code => Some(Lang::from_code(code).with_context(|| {
                format!("--lang {code:?} is not supported; use auto, it, en, es, fr or de")
            })?),
        })
    }

    fn inputs(&self) -> Vec<Input> {
        if self.files.is_empty() {
            vec![Input::Stdin]
        } else {
            self.files.iter().map(|f| Input::from_arg(f)).collect()
        }
    }

    /// How many records the inputs hold, when they are all files (for the
    /// progress bar's ETA).
    fn count_records(&self) -> Option<u64> {
        let mut total = 0u64;
        for f in &self.files {
            if f == "-" {
                return None;
            }
            let path = Path::new(f);
            let jsonl = match self.input {
                InputKind::Jsonl => true,
                InputKind::Text => false,
                InputKind::Auto => {
                    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
                }
            };
            if jsonl {
                let file = std::fs::File::open(path).ok()?;
                let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
                let mut line = Vec::new();
                loop {
                    line.clear();
                    match reader.read_until(b'\n', &mut line) {
                        Ok(0) => break,
                        Ok(_) if line.iter().all(u8::is_ascii_whitespace) => {}
                        Ok(_) => total += 1,
                        Err(_) => return None,
                    }
                }
            } else {
                total += 1;
            }
        }
        (!self.files.is_empty()).then_some(total)
    }
}

/// Arguments of `dyad ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Inputs and coding.
    #[command(flatten)]
    pub input: InputArgs,
    /// The store (an SQLite file, created when missing).
    #[arg(long, value_name = "PATH", default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Articles per transaction: each batch is stored completely or not at all.
    #[arg(long, value_name = "N", default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_size: u64,
    /// Never show the progress bar (it is shown only when standard error is a terminal).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Default)]
struct Accounting {
    /// What `dyad code` counts too.
    base: crate::code::Accounting,
    stored: usize,
    near_duplicates: usize,
    new_events: usize,
    mentions: usize,
    batches: usize,
}

impl Accounting {
    /// The same line as `dyad code`.
    fn line(&self, seconds: f64) -> String {
        self.base.line(seconds)
    }

    fn store_line(&self, db: &Path, seconds: f64) -> String {
        let rate = if seconds > 0.0 { self.base.read as f64 / seconds } else { 0.0 };
        format!(
            "dyad: store {}: articles stored={} near-duplicates={} new-events={} mentions={} batches={} records/s={:.0}",
            db.display(),
            self.stored,
            self.near_duplicates,
            self.new_events,
            self.mentions,
            self.batches,
            rate
        )
    }
}

fn progress_bar(args: &IngestArgs) -> ProgressBar {
    if args.no_progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match args.input.count_records() {
        Some(total) => {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} records  {per_sec}  ETA {eta}  {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        }
        None => {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} records  {per_sec}  {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// What the coding thread hands the writer thread.
enum ToWriter {
    /// Coded articles, each with its sentences and events (sent a chunk at a
    /// time, so that the threads do not wake each other for every article).
    Coded(Vec<(Article, Vec<String>, Vec<Event>)>),
    /// Commit the batch: every record read since the last commit is done.
    Commit,
}

/// Coded articles per message to the writer thread.
const CHUNK: usize = 64;

/// What the writer counted.
#[derive(Default)]
struct Written {
    stored: usize,
    near_duplicates: usize,
    new_events: usize,
    mentions: usize,
    batches: usize,
    /// Coded articles the store already had when they reached it (another
    /// writer stored them meanwhile): `(sentences, events)` of each.
    already_stored: Vec<(usize, usize)>,
}

/// The writer thread: stores what the coding thread sends, one transaction
/// per batch. A batch is committed only when its `Commit` arrives, so a
/// coding thread that stops early (an error, a kill) leaves the batch in
/// flight rolled back.
fn write_batches(
    mut store: Store,
    rx: std::sync::mpsc::Receiver<ToWriter>,
    db: &Path,
    bar: &ProgressBar,
) -> Result<Written> {
    let mut w = Written::default();
    // Wait for the first message before starting a batch, so that the
    // write lock is not held while nothing is coming.
    while let Ok(first) = rx.recv() {
        let mut batch = store.batch()?;
        let mut msg = first;
        loop {
            match msg {
                ToWriter::Commit => break,
                ToWriter::Coded(chunk) => {
                    for (article, texts, events) in chunk {
                        let stored =
                            batch.add_with_sentences(&article, &texts, &events).with_context(|| {
                                format!(
                                    "{}: record {:?}: storing in {}",
                                    article.origin,
                                    article.id,
                                    db.display()
                                )
                            })?;
                        match stored {
                            Stored::New { near_duplicate_of, new_events, mentions, .. } => {
                                w.stored += 1;
                                w.near_duplicates += usize::from(near_duplicate_of.is_some());
                                w.new_events += new_events;
                                w.mentions += mentions;
                            }
                            Stored::AlreadyStored => w.already_stored.push((texts.len(), events.len())),
                        }
                    }
                }
            }
            // The coding thread always ends a batch with `Commit`; a closed
            // channel means it stopped early: roll back.
            match rx.recv() {
                Ok(m) => msg = m,
                Err(_) => return Ok(w),
            }
        }
        batch.commit().with_context(|| format!("committing a batch to {}", db.display()))?;
        w.batches += 1;
        bar.set_message(format!("{} events", w.new_events));
    }
    Ok(w)
}

/// Runs `dyad ingest`: this thread reads and codes, a writer thread stores
/// (fed through a bounded channel, so that coding and storing overlap on
/// two cores and memory stays bounded).
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let default_lang = args.input.default_lang()?;
    let config =
        CoderConfig { allow_missing_actor: args.input.allow_missing_actor, ..CoderConfig::default() };
    let store = Store::open(&args.db)?;
    // Articles stored before this run are skipped without coding them.
    let mut known = store.content_hashes().with_context(|| format!("reading {}", args.db.display()))?;
    let coders = Coders::build(&args.input.dictionaries, &config, args.input.quiet)?;
    let pipeline = TextPipeline::new();
    let mut reader = Reader::new(args.input.inputs(), args.input.format())
        .max_article_bytes(args.input.max_article_bytes)
        .default_date(args.input.date);
    let bar = progress_bar(&args);
    let mut acct = Accounting::default();
    let started = Instant::now();
    // Up to 8 chunks in flight: the coding thread runs ahead of the writer
    // by at most about 500 articles.
    let (tx, rx) = std::sync::mpsc::sync_channel::<ToWriter>(8);
    let written = std::thread::scope(|scope| -> Result<Written> {
        let db = args.db.as_path();
        let writer_bar = bar.clone();
        let writer = scope.spawn(move || write_batches(store, rx, db, &writer_bar));
        // Sending fails only when the writer stopped (an error): its result says why.
        let mut writer_alive = true;
        let mut send = |m: ToWriter| {
            if writer_alive && tx.send(m).is_err() {
                writer_alive = false;
            }
            writer_alive
        };
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut done = false;
        while !done {
            let mut in_batch = 0u64;
            while in_batch < args.batch_size {
                let Some(record) = reader.next() else {
                    done = true;
                    break;
                };
                in_batch += 1;
                acct.base.read += 1;
                bar.inc(1);
                let article = match record {
                    Record::Article(a) => a,
                    Record::Failed(e) => {
                        let map =
                            if e.reason.is_skip() { &mut acct.base.skipped } else { &mut acct.base.failed };
                        *map.entry(e.reason.key().to_string()).or_default() += 1;
                        bar.suspend(|| {
                            eprintln!("dyad: {}: {e}", if e.reason.is_skip() { "skipped" } else { "failed" })
                        });
                        continue;
                    }
                };
                if !known.insert(content_hash(&article)) {
                    *acct.base.skipped.entry("already-stored".into()).or_default() += 1;
                    continue;
                }
                // A bug must cost one article, not the batch.
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    code_article_with_sentences(&pipeline, &coders, &article, default_lang)
                }))
                .unwrap_or_else(|_| {
                    Err(("internal-error".into(), "internal error while coding (a bug)".into()))
                });
                match outcome {
                    Ok((Outcome::Coded { sentences, events }, texts)) => {
                        acct.base.coded += 1;
                        acct.base.sentences += sentences;
                        acct.base.events += events.len();
                        chunk.push((article, texts, events));
                        if chunk.len() == CHUNK
                            && !send(ToWriter::Coded(std::mem::replace(
                                &mut chunk,
                                Vec::with_capacity(CHUNK),
                            )))
                        {
                            done = true;
                            break;
                        }
                    }
                    Ok((Outcome::Skipped(reason, message), _)) => {
                        *acct.base.skipped.entry(reason.to_string()).or_default() += 1;
                        bar.suspend(|| {
                            eprintln!("dyad: skipped: {}: record {:?}: {message}", article.origin, article.id)
                        });
                    }
                    Err((reason, message)) => {
                        *acct.base.failed.entry(reason).or_default() += 1;
                        bar.suspend(|| {
                            eprintln!("dyad: failed: {}: record {:?}: {message}", article.origin, article.id)
                        });
                    }
                }
            }
            if !chunk.is_empty() && !send(ToWriter::Coded(std::mem::take(&mut chunk))) {
                break;
            }
            if !send(ToWriter::Commit) {
                break;
            }
        }
        drop(tx);
        writer.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the store writer stopped (a bug)")))
    })?;
    acct.stored = written.stored;
    acct.near_duplicates = written.near_duplicates;
    acct.new_events = written.new_events;
    acct.mentions = written.mentions;
    acct.batches = written.batches;
    for (sentences, events) in written.already_stored {
        acct.base.coded -= 1;
        acct.base.sentences -= sentences;
        acct.base.events -= events;
        *acct.base.skipped.entry("already-stored".into()).or_default() += 1;
    }
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("{}", acct.line(seconds));
    eprintln!("{}", acct.store_line(&args.db, seconds));
    Ok(if acct.base.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
