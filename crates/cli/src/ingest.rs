//! `dyad ingest`: code articles and keep the events in a store.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dyad_coder::CoderConfig;
use dyad_ingest::{Article, Input, InputFormat, Reader, Record};
use dyad_store::{content_hash, Prepared, Store, Stored};
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
    /// Coding threads (at most 64); 0 runs one per available core. Articles
    /// are stored in input order whatever the number.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
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

/// Records per job: the reading thread hands the coding threads records
/// this many at a time (fewer when a batch ends), so that threads do not
/// wake each other for every article.
const CHUNK: usize = 64;

/// Jobs handed out but not yet stored, per coding thread: bounds memory
/// (about `CHUNK` articles each) whatever the coding threads' speeds.
const IN_FLIGHT_PER_CODER: usize = 4;

/// One record as the reading thread hands it on.
enum Item {
    /// An article not stored before this run, with its content hash.
    Article(Article, [u8; 32]),
    /// A record the reader skipped or failed.
    Unreadable(dyad_ingest::RecordError),
    /// An article stored before this run (not coded).
    AlreadyStored,
}

/// A run of consecutive records, numbered in input order.
struct Job {
    seq: u64,
    items: Vec<Item>,
    /// The last record of the job ends a batch: commit after it.
    commit: bool,
}

/// What coding made of one record.
enum Done {
    /// Coded, and prepared for storing.
    Coded(Box<Prepared>),
    /// Skipped (`skip`) or failed, with the reason key and the message to print.
    Counted { skip: bool, key: String, message: Option<String> },
}

/// A coded job.
struct CodedJob {
    seq: u64,
    done: Vec<Done>,
    commit: bool,
}

/// Codes one job's records (on a coding thread).
fn code_job(job: Job, pipeline: &TextPipeline, coders: &Coders, default_lang: Option<Lang>) -> CodedJob {
    let done = job
        .items
        .into_iter()
        .map(|item| match item {
            Item::AlreadyStored => Done::Counted { skip: true, key: "already-stored".into(), message: None },
            Item::Unreadable(e) => {
                let skip = e.reason.is_skip();
                let message = format!("dyad: {}: {e}", if skip { "skipped" } else { "failed" });
                Done::Counted { skip, key: e.reason.key().to_string(), message: Some(message) }
            }
            Item::Article(article, hash) => {
                // A bug must cost one article, not the batch.
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    code_article_with_sentences(pipeline, coders, &article, default_lang)
                }))
                .unwrap_or_else(|_| {
                    Err(("internal-error".into(), "internal error while coding (a bug)".into()))
                });
                match outcome {
                    Ok((Outcome::Coded { events, .. }, texts)) => {
                        Done::Coded(Box::new(Prepared::new(article, Some(hash), texts, events)))
                    }
                    Ok((Outcome::Skipped(reason, message), _)) => Done::Counted {
                        skip: true,
                        key: reason.to_string(),
                        message: Some(format!(
                            "dyad: skipped: {}: record {:?}: {message}",
                            article.origin, article.id
                        )),
                    },
                    Err((reason, message)) => Done::Counted {
                        skip: false,
                        key: reason,
                        message: Some(format!(
                            "dyad: failed: {}: record {:?}: {message}",
                            article.origin, article.id
                        )),
                    },
                }
            }
        })
        .collect();
    CodedJob { seq: job.seq, done, commit: job.commit }
}

/// Hands the writer coded jobs in input order, whatever order the coding
/// threads finish them in.
struct InOrder {
    rx: Receiver<CodedJob>,
    pending: BTreeMap<u64, CodedJob>,
    next: u64,
}

impl InOrder {
    /// The next job in input order; `None` once every coding thread has
    /// stopped and no job is left.
    fn next(&mut self) -> Option<CodedJob> {
        loop {
            if let Some(job) = self.pending.remove(&self.next) {
                self.next += 1;
                return Some(job);
            }
            let job = self.rx.recv().ok()?;
            self.pending.insert(job.seq, job);
        }
    }
}

/// The writer thread: stores coded jobs in input order, one transaction
/// per batch, and does the accounting. A batch is committed only when the
/// job that ends it has been stored, so a run that stops early (an error,
/// a kill) leaves the batch in flight rolled back.
fn write_batches(
    mut store: Store,
    mut jobs: InOrder,
    credits: SyncSender<Vec<Done>>,
    committed: SyncSender<()>,
    db: &Path,
    bar: &ProgressBar,
) -> Result<Accounting> {
    let mut acct = Accounting::default();
    // Wait for the first job before starting a batch, so that the write
    // lock is not held while nothing is coming.
    while let Some(first) = jobs.next() {
        let mut batch = store.batch()?;
        let mut job = first;
        loop {
            for done in &job.done {
                acct.base.read += 1;
                match done {
                    Done::Counted { skip, key, message } => {
                        let map = if *skip { &mut acct.base.skipped } else { &mut acct.base.failed };
                        *map.entry(key.clone()).or_default() += 1;
                        if let Some(m) = message {
                            bar.suspend(|| eprintln!("{m}"));
                        }
                    }
                    Done::Coded(prepared) => {
                        let stored = batch.add_prepared(prepared).with_context(|| {
                            let a = prepared.article();
                            format!("{}: record {:?}: storing in {}", a.origin, a.id, db.display())
                        })?;
                        match stored {
                            Stored::New { near_duplicate_of, new_events, mentions, .. } => {
                                acct.base.coded += 1;
                                acct.base.sentences += prepared.sentences().len();
                                acct.base.events += prepared.events().len();
                                acct.stored += 1;
                                acct.near_duplicates += usize::from(near_duplicate_of.is_some());
                                acct.new_events += new_events;
                                acct.mentions += mentions;
                            }
                            // Another writer stored it meanwhile.
                            Stored::AlreadyStored => {
                                *acct.base.skipped.entry("already-stored".into()).or_default() += 1;
                            }
                        }
                    }
                }
            }
            let commit = job.commit;
            // The job's articles go back to the reading thread to be freed
            // there (this thread is the busiest). It may have stopped (an
            // error): then nobody waits for them.
            let _ = credits.send(job.done);
            if commit {
                break;
            }
            // Every batch ends with a committing job; running out before it
            // means the run stopped early: roll back.
            match jobs.next() {
                Some(j) => job = j,
                None => return Ok(acct),
            }
        }
        batch.commit().with_context(|| format!("committing a batch to {}", db.display()))?;
        // Full: a checkpoint is running and will see this batch too.
        let _ = committed.try_send(());
        acct.batches += 1;
        bar.set_message(format!("{} events", acct.new_events));
    }
    Ok(acct)
}

/// How many coding threads to run.
fn coding_threads(jobs: usize) -> usize {
    let n = if jobs > 0 { jobs } else { std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1) };
    n.min(MAX_CODING_THREADS)
}

/// More coding threads than this are not started, whatever `--jobs` says.
const MAX_CODING_THREADS: usize = 64;

/// Runs `dyad ingest`: this thread reads, coding threads code, and a
/// writer thread stores in input order, so that coding and storing use
/// every core while memory stays bounded.
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
    let started = Instant::now();
    let coders_n = coding_threads(args.jobs);
    let in_flight = coders_n * IN_FLIGHT_PER_CODER;
    let (job_tx, job_rx) = std::sync::mpsc::channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let (coded_tx, coded_rx) = std::sync::mpsc::channel::<CodedJob>();
    // One credit per job in flight: the writer hands one back (the stored
    // job's articles, to be freed here) for every job it stored, and this
    // thread takes one before handing out a job.
    let (credit_tx, credit_rx) = std::sync::mpsc::sync_channel::<Vec<Done>>(in_flight);
    for _ in 0..in_flight {
        credit_tx.send(Vec::new()).map_err(|_| anyhow::anyhow!("the job queue closed (a bug)"))?;
    }
    let acct = std::thread::scope(|scope| -> Result<Accounting> {
        let db = args.db.as_path();
        let writer_bar = bar.clone();
        let in_order = InOrder { rx: coded_rx, pending: BTreeMap::new(), next: 0 };
        // The checkpointer copies each committed batch from the write-ahead
        // log into the database file while coding goes on, so that closing
        // the store (which checkpoints and flushes what is left) waits only
        // for the last batch. Without its own connection, closing does it all.
        let (committed_tx, committed_rx) = std::sync::mpsc::sync_channel::<()>(1);
        if let Ok(checkpointer) = Store::open_existing(db) {
            scope.spawn(move || {
                while committed_rx.recv().is_ok() {
                    // Only an optimisation: the final checkpoint does the rest.
                    let _ = checkpointer.checkpoint();
                }
            });
        }
        let writer =
            scope.spawn(move || write_batches(store, in_order, credit_tx, committed_tx, db, &writer_bar));
        for _ in 0..coders_n {
            let coded_tx = coded_tx.clone();
            let (job_rx, pipeline, coders) = (&job_rx, &pipeline, &coders);
            scope.spawn(move || loop {
                // The lock is held only to take the next job.
                let job = match job_rx.lock().unwrap_or_else(|p| p.into_inner()).recv() {
                    Ok(job) => job,
                    Err(_) => break,
                };
                // The writer stopped (an error): its result says why.
                if coded_tx.send(code_job(job, pipeline, coders, default_lang)).is_err() {
                    break;
                }
            });
        }
        drop(coded_tx);
        let mut seq = 0u64;
        // Hands out a job; false once the writer stopped.
        let mut send = |items: Vec<Item>, commit: bool| -> bool {
            match credit_rx.recv() {
                Ok(stored) => drop(stored),
                Err(_) => return false,
            }
            let sent = job_tx.send(Job { seq, items, commit }).is_ok();
            seq += 1;
            sent
        };
        let mut items = Vec::with_capacity(CHUNK);
        let mut in_batch = 0u64;
        for record in reader.by_ref() {
            bar.inc(1);
            items.push(match record {
                Record::Article(a) => {
                    let hash = content_hash(&a);
                    if known.insert(hash) {
                        Item::Article(a, hash)
                    } else {
                        Item::AlreadyStored
                    }
                }
                Record::Failed(e) => Item::Unreadable(e),
            });
            in_batch += 1;
            let commit = in_batch == args.batch_size;
            if (commit || items.len() == CHUNK)
                && !send(std::mem::replace(&mut items, Vec::with_capacity(CHUNK)), commit)
            {
                break;
            }
            if commit {
                in_batch = 0;
            }
        }
        if in_batch > 0 {
            send(std::mem::take(&mut items), true);
        }
        // No more jobs: the coding threads finish theirs and stop, then the
        // writer stores what is left and stops.
        drop(job_tx);
        writer.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the store writer stopped (a bug)")))
    })?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("{}", acct.line(seconds));
    eprintln!("{}", acct.store_line(&args.db, seconds));
    Ok(if acct.base.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(seq: u64, commit: bool) -> CodedJob {
        let done = vec![Done::Counted { skip: true, key: format!("k{seq}"), message: None }];
        CodedJob { seq, done, commit }
    }

    #[test]
    fn jobs_reach_the_writer_in_input_order() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut jobs = InOrder { rx, pending: BTreeMap::new(), next: 0 };
        for seq in [2, 0, 3, 1] {
            tx.send(job(seq, seq == 3)).unwrap_or_else(|e| panic!("{e}"));
        }
        drop(tx);
        let mut order = Vec::new();
        while let Some(j) = jobs.next() {
            order.push((j.seq, j.commit));
        }
        assert_eq!(order, vec![(0, false), (1, false), (2, false), (3, true)]);
    }

    #[test]
    fn a_missing_job_stops_the_writer_before_later_ones() {
        // Job 1 never comes (its coding thread stopped): job 2 must not be
        // stored out of order.
        let (tx, rx) = std::sync::mpsc::channel();
        let mut jobs = InOrder { rx, pending: BTreeMap::new(), next: 0 };
        for seq in [2, 0] {
            tx.send(job(seq, false)).unwrap_or_else(|e| panic!("{e}"));
        }
        drop(tx);
        assert_eq!(jobs.next().map(|j| j.seq), Some(0));
        assert!(jobs.next().is_none());
    }
}
