//! `dyad code`: articles in, events out.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dyad_coder::{ArticleMeta, Coder, CoderConfig, Event};
use dyad_ingest::{Article, Input, InputFormat, Reader, Record};
use dyad_lexicon::{own, Lexicon};
use dyad_text::{Lang, TextPipeline};

use crate::dictionaries::{report, report_text, DictionaryArgs};

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// `.jsonl`/`.ndjson` files as JSONL, anything else as one plain-text article.
    Auto,
    /// One plain-text article per file.
    Text,
    /// One JSON record per line: {"id", "text", "date"?, "lang"?, "title"?, "url"?, "source"?}.
    Jsonl,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON event per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

/// Arguments of `dyad code`.
#[derive(Args, Debug)]
pub struct CodeArgs {
    /// Articles: plain-text files (one article each) or JSONL files; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input: InputKind,
    /// Publication date (YYYY-MM-DD) of plain-text articles.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    date: Option<NaiveDate>,
    /// Language of the articles: auto, it, en, es, fr or de. A JSONL record's `lang` wins.
    /// With TABARI/PETRARCH dictionaries (which are English) auto means en.
    #[arg(long, default_value = "auto")]
    lang: String,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,
    /// Also emit events whose source or target is unknown.
    #[arg(long)]
    allow_missing_actor: bool,
    /// Also emit events neither of whose sides is known (implies
    /// --allow-missing-actor): event detection scored on the code alone.
    #[arg(long)]
    allow_no_actor: bool,
    /// Code each sentence on its own: no surnames, pronouns or summaries
    /// resolved across the article, no event dates from date expressions.
    #[arg(long)]
    no_discourse: bool,
    /// Do not give events a location from the gazetteer.
    #[arg(long)]
    no_places: bool,
    /// Largest article accepted, in bytes; larger ones fail with `too-large`.
    #[arg(long, default_value_t = dyad_ingest::DEFAULT_MAX_ARTICLE_BYTES)]
    max_article_bytes: usize,
    /// Do not print the dictionary report (the accounting line is always printed).
    #[arg(long, short)]
    quiet: bool,
}

pub(crate) fn parse_date_arg(s: &str) -> std::result::Result<NaiveDate, String> {
    dyad_ingest::parse_date(s).ok_or_else(|| format!("{s:?} is not a date in YYYY-MM-DD form"))
}

/// The coders to use: one per language, or one for everything.
pub struct Coders {
    by_lang: BTreeMap<Lang, Coder>,
    shared: Option<Coder>,
}

impl Coders {
    /// Builds coders from dictionary flags: the named dictionaries for every
    /// language, or else the built-in dictionary of each language.
    pub fn build(dicts: &DictionaryArgs, config: &CoderConfig, quiet: bool) -> Result<Coders> {
        if dicts.any_foreign() {
            let lexicon = dicts.load()?;
            report("dictionaries", &lexicon, quiet);
            return Ok(Coders { by_lang: BTreeMap::new(), shared: Some(coder_for(lexicon, config)) });
        }
        // Own-format dictionaries (`--dict`) extend every built-in language.
        let extra = if dicts.own.is_empty() { None } else { Some(dicts.load()?) };
        let build = |lang: Lang| -> Result<(String, Coder)> {
            // Every language of `Lang::ALL` has a built-in dictionary: failing
            // to load one is an error, not a silent fall-back to English.
            let mut lexicon = own::builtin(lang.code())
                .with_context(|| format!("loading the built-in dictionary for language \"{lang}\""))?;
            if let Some(extra) = &extra {
                lexicon.extend(extra.clone());
            }
            let report = report_text(&format!("built-in dictionary [{lang}]"), &lexicon);
            Ok((report, coder_for(lexicon, config)))
        };
        // The languages compile independently: on several cores, side by
        // side, so that start-up is about one language's, not five.
        let built: Vec<(Lang, Result<(String, Coder)>)> = std::thread::scope(|scope| {
            let handles: Vec<_> =
                Lang::ALL.into_iter().map(|lang| (lang, scope.spawn(move || build(lang)))).collect();
            handles
                .into_iter()
                .map(|(lang, handle)| {
                    let coder = handle.join().unwrap_or_else(|_| {
                        Err(anyhow::anyhow!(
                            "compiling the built-in dictionary for language \"{lang}\" panicked"
                        ))
                    });
                    (lang, coder)
                })
                .collect()
        });
        let mut by_lang = BTreeMap::new();
        for (lang, built) in built {
            let (report, coder) = built?;
            if !quiet {
                eprint!("{report}");
            }
            by_lang.insert(lang, coder);
        }
        if by_lang.is_empty() {
            bail!("no built-in dictionary is available; name dictionaries with --verbs/--actors");
        }
        Ok(Coders { by_lang, shared: None })
    }

    /// The coder for `lang` (English's when the language has none).
    pub fn get(&self, lang: Lang) -> Option<&Coder> {
        self.shared.as_ref().or_else(|| self.by_lang.get(&lang)).or_else(|| self.by_lang.get(&Lang::En))
    }
}

fn coder_for(lexicon: Lexicon, config: &CoderConfig) -> Coder {
    let mut config = config.clone();
    config.allow_missing_actor |= lexicon.options.allow_missing_actor;
    Coder::from_lexicon(lexicon, config)
}

/// Counts for the accounting line.
#[derive(Default)]
pub(crate) struct Accounting {
    pub(crate) read: usize,
    pub(crate) coded: usize,
    pub(crate) skipped: BTreeMap<String, usize>,
    pub(crate) failed: BTreeMap<String, usize>,
    pub(crate) sentences: usize,
    pub(crate) events: usize,
}

impl Accounting {
    /// The accounting line printed at the end of `dyad code` and `dyad ingest`.
    pub(crate) fn line(&self, seconds: f64) -> String {
        let fmt = |m: &BTreeMap<String, usize>| {
            let total: usize = m.values().sum();
            if m.is_empty() {
                total.to_string()
            } else {
                let parts: Vec<String> = m.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!("{total} ({})", parts.join(", "))
            }
        };
        let rate = if seconds > 0.0 { self.sentences as f64 / seconds } else { 0.0 };
        format!(
            "dyad: articles read={} coded={} skipped={} failed={} sentences={} events={} sentences/s={:.0}",
            self.read,
            self.coded,
            fmt(&self.skipped),
            fmt(&self.failed),
            self.sentences,
            self.events,
            rate
        )
    }
}

/// What happened to one article.
pub enum Outcome {
    /// Coded: how many sentences, and the events.
    Coded {
        /// Sentences in the article.
        sentences: usize,
        /// The events.
        events: Vec<Event>,
    },
    /// Skipped with a reason key and a message.
    Skipped(&'static str, String),
}

/// Codes one article: language, text pipeline, the language's coder.
///
/// # Errors
///
/// `(reason, message)` when the article failed.
pub fn code_article(
    pipeline: &TextPipeline,
    coders: &Coders,
    article: &Article,
    default_lang: Option<Lang>,
) -> Result<Outcome, (String, String)> {
    code_article_with_sentences(pipeline, coders, article, default_lang).map(|(outcome, _)| outcome)
}

/// As [`code_article`], and also the text of every sentence of the article
/// as the pipeline split it (`sentences[i]` is sentence `i`; empty when the
/// article was skipped before it was split).
///
/// # Errors
///
/// `(reason, message)` when the article failed.
pub fn code_article_with_sentences(
    pipeline: &TextPipeline,
    coders: &Coders,
    article: &Article,
    default_lang: Option<Lang>,
) -> Result<(Outcome, Vec<String>), (String, String)> {
    let skipped = |outcome| Ok((outcome, Vec::new()));
    let lang = match article.lang.as_deref().map(str::trim) {
        None | Some("") | Some("auto") => default_lang,
        Some(code) => match Lang::from_code(code) {
            Some(l) => Some(l),
            None => {
                return skipped(Outcome::Skipped(
                    "unsupported-language",
                    format!("language {code:?} is not one of it, en, es, fr, de"),
                ))
            }
        },
    };
    let doc = pipeline.process(&article.text, article.title.as_deref(), lang);
    let Some(coder) = coders.get(doc.lang) else {
        return skipped(Outcome::Skipped(
            "no-dictionary",
            format!("no dictionary for language {}", doc.lang),
        ));
    };
    let meta = ArticleMeta::new(&article.id, article.date);
    let coded = coder.code_document(&doc, &meta);
    if let Some(rule) = coded.discarded_by {
        return skipped(Outcome::Skipped("discarded", format!("discarded by {rule}")));
    }
    let sentences = doc.sentences.into_iter().map(|s| s.text).collect::<Vec<_>>();
    Ok((Outcome::Coded { sentences: sentences.len(), events: coded.events }, sentences))
}

/// Runs `dyad code`.
pub fn run(args: CodeArgs) -> Result<ExitCode> {
    let default_lang =
        match args.lang.trim() {
            "auto" => None,
            code => Some(Lang::from_code(code).with_context(|| {
                format!("--lang {code:?} is not supported; use auto, it, en, es, fr or de")
            })?),
        };
    let config = CoderConfig {
        allow_missing_actor: args.allow_missing_actor || args.allow_no_actor,
        allow_no_actor: args.allow_no_actor,
        discourse: !args.no_discourse,
        places: !args.no_places && !args.no_discourse,
        ..CoderConfig::default()
    };
    let inputs: Vec<Input> = if args.files.is_empty() {
        vec![Input::Stdin]
    } else {
        args.files.iter().map(|f| Input::from_arg(f)).collect()
    };
    run_inputs(&args, inputs, default_lang, &config)
}

fn run_inputs(
    args: &CodeArgs,
    inputs: Vec<Input>,
    default_lang: Option<Lang>,
    config: &CoderConfig,
) -> Result<ExitCode> {
    let coders = Coders::build(&args.dictionaries, config, args.quiet)?;
    // TABARI/PETRARCH dictionaries are English: detecting another language
    // would only load that language's lemma table for nothing.
    let default_lang = default_lang.or(coders.shared.as_ref().map(|_| Lang::En));
    let pipeline = TextPipeline::new();
    let format = match args.input {
        InputKind::Auto => InputFormat::Auto,
        InputKind::Text => InputFormat::Text,
        InputKind::Jsonl => InputFormat::Jsonl,
    };
    let reader =
        Reader::new(inputs, format).max_article_bytes(args.max_article_bytes).default_date(args.date);

    let stdout = io::stdout();
    let mut out = EventWriter::new(BufWriter::new(stdout.lock()), args.format)?;
    let mut acct = Accounting::default();
    let started = Instant::now();
    for record in reader {
        acct.read += 1;
        let article = match record {
            Record::Article(a) => a,
            Record::Failed(e) => {
                let map = if e.reason.is_skip() { &mut acct.skipped } else { &mut acct.failed };
                *map.entry(e.reason.key().to_string()).or_default() += 1;
                eprintln!("dyad: {}: {e}", if e.reason.is_skip() { "skipped" } else { "failed" });
                continue;
            }
        };
        // A bug must cost one article, not the batch.
        let outcome =
            catch_unwind(AssertUnwindSafe(|| code_article(&pipeline, &coders, &article, default_lang)))
                .unwrap_or_else(|_| {
                    Err(("internal-error".into(), "internal error while coding (a bug)".into()))
                });
        match outcome {
            Ok(Outcome::Coded { sentences, events }) => {
                acct.coded += 1;
                acct.sentences += sentences;
                acct.events += events.len();
                for event in &events {
                    out.write(event).context("writing events to standard output")?;
                }
            }
            Ok(Outcome::Skipped(reason, message)) => {
                *acct.skipped.entry(reason.to_string()).or_default() += 1;
                eprintln!("dyad: skipped: {}: record {:?}: {message}", article.origin, article.id);
            }
            Err((reason, message)) => {
                *acct.failed.entry(reason).or_default() += 1;
                eprintln!("dyad: failed: {}: record {:?}: {message}", article.origin, article.id);
            }
        }
    }
    out.finish().context("writing events to standard output")?;
    eprintln!("{}", acct.line(started.elapsed().as_secs_f64()));
    // The process ends here: freeing the compiled dictionaries (millions of
    // small allocations, a tenth of a short five-language run) is left to
    // the operating system.
    std::mem::forget(coders);
    Ok(if acct.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Writes events as JSONL or CSV.
struct EventWriter<W: Write> {
    format: OutputFormat,
    json: Option<W>,
    csv: Option<csv::Writer<W>>,
}

const CSV_HEADER: [&str; 22] = [
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "lang",
    "source_code",
    "source_country",
    "source_agent",
    "source_text",
    "target_code",
    "target_country",
    "target_agent",
    "target_text",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "trigger",
    "rule",
    "sentence",
];

impl<W: Write> EventWriter<W> {
    fn new(w: W, format: OutputFormat) -> Result<Self> {
        Ok(match format {
            OutputFormat::Jsonl => EventWriter { format, json: Some(w), csv: None },
            OutputFormat::Csv => {
                let mut csv = csv::Writer::from_writer(w);
                csv.write_record(CSV_HEADER)?;
                EventWriter { format, json: None, csv: Some(csv) }
            }
        })
    }

    fn write(&mut self, e: &Event) -> Result<()> {
        match (self.format, &mut self.json, &mut self.csv) {
            (OutputFormat::Jsonl, Some(w), _) => {
                serde_json::to_writer(&mut *w, e)?;
                w.write_all(b"\n")?;
            }
            (OutputFormat::Csv, _, Some(w)) => {
                let opt = |v: Option<String>| v.unwrap_or_default();
                w.write_record([
                    e.event_id.clone(),
                    e.article_id.clone(),
                    e.sentence_index.to_string(),
                    opt(e.date.map(|d| d.to_string())),
                    e.lang.clone(),
                    e.source.code.clone(),
                    e.source.country.clone(),
                    e.source.agent.clone(),
                    e.source.text.clone(),
                    e.target.code.clone(),
                    e.target.country.clone(),
                    e.target.agent.clone(),
                    e.target.text.clone(),
                    e.cameo.clone(),
                    e.cameo_root.clone(),
                    opt(e.goldstein.map(|g| g.to_string())),
                    opt(e.quad_class.map(|q| q.to_string())),
                    opt(e.plover.event_type.clone()),
                    opt(e.plover.mode.clone()),
                    e.evidence.trigger.text.clone(),
                    e.evidence.rule.clone(),
                    e.evidence.sentence.clone(),
                ])?;
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if let Some(mut w) = self.json {
            w.flush()?;
        }
        if let Some(mut w) = self.csv {
            w.flush()?;
        }
        Ok(())
    }
}

/// The example articles bundled with dyad: (id, language, date, text).
pub const EXAMPLES: [(&str, &str, &str, &str); 2] = [
    (
        "en-gulf-diplomacy",
        "en",
        "2024-03-11",
        include_str!("../../../examples/articles/en-gulf-diplomacy.txt"),
    ),
    ("it-diplomazia", "it", "2024-03-11", include_str!("../../../examples/articles/it-diplomazia.txt")),
];

/// Runs `dyad demo`: codes the bundled examples as JSONL on standard output.
pub fn demo() -> Result<ExitCode> {
    let mut jsonl = Vec::new();
    for (id, lang, date, text) in EXAMPLES {
        let record = serde_json::json!({"id": id, "lang": lang, "date": date, "text": text});
        serde_json::to_writer(&mut jsonl, &record)?;
        jsonl.push(b'\n');
    }
    let args = CodeArgs {
        files: Vec::new(),
        input: InputKind::Jsonl,
        date: None,
        lang: "auto".into(),
        dictionaries: DictionaryArgs::default(),
        format: OutputFormat::Jsonl,
        allow_missing_actor: false,
        allow_no_actor: false,
        no_discourse: false,
        no_places: false,
        max_article_bytes: dyad_ingest::DEFAULT_MAX_ARTICLE_BYTES,
        quiet: false,
    };
    let inputs = vec![Input::Bytes { name: "examples".into(), bytes: jsonl }];
    run_inputs(&args, inputs, None, &CoderConfig::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_text::TextPipeline;

    /// The languages compile on their own threads: each must land under its
    /// own language, which the sentences only that language's dictionary
    /// reads show ("ha condannato", "verurteilte" ...).
    #[test]
    fn each_language_gets_its_own_coder() {
        let coders = Coders::build(&DictionaryArgs::default(), &CoderConfig::default(), true)
            .unwrap_or_else(|e| panic!("{e:#}"));
        let pipeline = TextPipeline::new();
        let sentences = [
            (Lang::It, "La Francia ha condannato la Russia."),
            (Lang::En, "France condemned Russia."),
            (Lang::Es, "Francia condenó a Rusia."),
            (Lang::Fr, "La France a condamné la Russie."),
            (Lang::De, "Frankreich verurteilte Russland."),
        ];
        for (lang, sentence) in sentences {
            let doc = pipeline.process(sentence, None, Some(lang));
            let coded =
                |coder: &Coder| {
                    coder.code_document(&doc, &ArticleMeta::new("t", None)).events.iter().any(|e| {
                        e.source.code == "FRA" && e.target.code == "RUS" && e.cameo.starts_with("11")
                    })
                };
            let own = coders.get(lang).unwrap_or_else(|| panic!("no coder for {lang}"));
            assert!(coded(own), "{lang}: {sentence} not coded FRA → RUS 11x by its own coder");
            let others = sentences.iter().filter(|(other, _)| *other != lang);
            let foreign = others.filter_map(|(other, _)| coders.get(*other)).filter(|c| coded(c)).count();
            assert!(foreign < 4, "{lang}: every other language's coder also codes {sentence}");
        }
    }
}
