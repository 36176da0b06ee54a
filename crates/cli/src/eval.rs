//! `dyad eval`: run a validation suite and print scores.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::{ArticleMeta, CodeBy, Coder, CoderConfig, CommaClauses, Complexity, DefaultActors, Event};
use dyad_eval::options::{self, SuiteOption};
use dyad_eval::{load_suite, score, Report, Suite, SuiteFormat, SuiteRecord, Triple};
use dyad_text::{Lang, TextPipeline};

use crate::dictionaries::{report, DictionaryArgs};

/// Arguments of `dyad eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The suite: PETRARCH validation XML or TABARI validation text.
    #[arg(value_name = "SUITE")]
    suite: PathBuf,
    /// Dictionaries replacing the ones the suite names.
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    /// Also emit events whose source or target is unknown.
    #[arg(long)]
    allow_missing_actor: bool,
    /// Also emit events neither of whose sides is known (implies
    /// --allow-missing-actor): event detection scored on the code alone.
    #[arg(long)]
    allow_no_actor: bool,
    /// Print every record whose coding differs from the expected one.
    #[arg(long)]
    details: bool,
    /// Do not print the dictionary report.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `dyad eval`.
pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let config = CoderConfig {
        allow_missing_actor: args.allow_missing_actor || args.allow_no_actor,
        allow_no_actor: args.allow_no_actor,
        ..CoderConfig::default()
    };
    let (suite, report) = run_suite(&args.suite, &args.dictionaries, &config, args.quiet)?;
    if args.details {
        println!("{}", report.mismatches());
    }
    println!("{} ({}, {} records)", suite.path.display(), suite.format, suite.records.len());
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}

/// Loads a suite with its own dictionaries (or the ones in `overrides`),
/// codes every record from its text alone, and scores the result.
///
/// # Errors
///
/// When the suite or a dictionary cannot be read.
pub fn run_suite(
    path: &Path,
    overrides: &DictionaryArgs,
    config: &CoderConfig,
    quiet: bool,
) -> Result<(Suite, Report)> {
    let suite = load_suite(path).with_context(|| format!("loading suite {}", path.display()))?;
    let dicts = if overrides.any_foreign() || !overrides.own.is_empty() {
        overrides.clone()
    } else {
        let d = &suite.dictionaries;
        DictionaryArgs {
            verbs: d.verbs.clone(),
            actors: d.actors.clone(),
            agents: d.agents.clone(),
            discards: d.discards.clone(),
            options: d.options.clone(),
            own: Vec::new(),
        }
    };
    let lexicon = dicts.load()?;
    report("suite dictionaries", &lexicon, quiet);
    let mut config = config.clone();
    config.allow_missing_actor |= lexicon.options.allow_missing_actor;
    let mut coder = Coder::from_lexicon(lexicon, config);
    if suite.format == SuiteFormat::TabariText {
        // TABARI codes one event per clause unless told otherwise.
        coder.set_code_by(CodeBy::Clause);
        coder.set_tabari(true);
        // TABARI leaves out short comma-delimited clauses unless told otherwise.
        coder.set_comma(Some(CommaClauses::TABARI));
    }
    if let Some(path) = dicts.options.as_ref().filter(|_| suite.format == SuiteFormat::TabariText) {
        // The options file's `COMPLEX:` limits hold for the whole suite.
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines().map(|l| l.split("//").next().unwrap_or("").trim()) {
            if !line.to_ascii_uppercase().starts_with("COMPLEX:") {
                continue;
            }
            match SuiteOption::parse(line) {
                Ok(SuiteOption::Complex(c)) => {
                    coder.set_complexity(Complexity { verbs: c.verbs, conjunctions: c.conjunctions })
                }
                Ok(_) => {}
                Err(e) => eprintln!("dyad eval: warning: {}: {e}; ignored", path.display()),
            }
        }
    }
    let pipeline = TextPipeline::new();
    let mut settings = RecordSettings::default();
    let produced: Vec<Vec<Triple>> = suite
        .records
        .iter()
        .map(|record| {
            for option in &record.options {
                settings.apply(&mut coder, option, &suite, record, quiet);
            }
            if record.text.split_whitespace().count() < settings.minimum_words {
                return Vec::new();
            }
            // With forwarding, the story's earlier records come first, so that a
            // pronoun subject finds its actor; only this record's events count.
            let story = story_of(&record.id);
            let context = match &settings.story {
                Some((id, text)) if settings.forward && id == story => text.clone(),
                _ => String::new(),
            };
            let skip = if context.is_empty() {
                0
            } else {
                pipeline.process(&context, None, Some(Lang::En)).sentences.len()
            };
            let text =
                if context.is_empty() { record.text.clone() } else { format!("{context} {}", record.text) };
            let doc = pipeline.process(&text, None, Some(Lang::En));
            let meta = ArticleMeta::new(&record.id, record.date);
            settings.story = settings.forward.then(|| (story.to_string(), text));
            coder
                .code_document(&doc, &meta)
                .events
                .iter()
                .filter(|e| e.sentence_index >= skip)
                .map(|e| triple(e, suite.format))
                .collect()
        })
        .collect();
    let report = score(&suite, &produced);
    Ok((suite, report))
}

/// What a suite's options set beyond the coder's own configuration, and
/// which notices were already printed.
#[derive(Default)]
struct RecordSettings {
    /// TABARI `SET: MINIMUM WORDS`: shorter records are not coded.
    minimum_words: usize,
    /// TABARI `FORWARD:`: a record is coded after the earlier records of its story.
    forward: bool,
    /// The story being read and its text so far, while forwarding.
    story: Option<(String, String)>,
    /// Kinds of options read but not applied, already reported.
    noted: Vec<&'static str>,
}

impl RecordSettings {
    /// Applies one of a record's options (see [`SuiteOption`]) from this record
    /// on; an option that cannot be read is reported and ignored.
    fn apply(&mut self, coder: &mut Coder, option: &str, suite: &Suite, record: &SuiteRecord, quiet: bool) {
        let parsed = match SuiteOption::parse(option) {
            Ok(parsed) => parsed,
            Err(e) => {
                eprintln!(
                    "dyad eval: warning: {}:{}: record {}: {e}; ignored",
                    suite.path.display(),
                    record.line,
                    record.id
                );
                return;
            }
        };
        let unapplied: Option<(&'static str, &'static str)> = match parsed {
            SuiteOption::DefaultActors(d) => {
                coder.set_default_actors(DefaultActors {
                    source: d.source,
                    source_prior: d.source_prior,
                    target: d.target,
                    target_after: d.target_after,
                });
                None
            }
            SuiteOption::DefaultOff => {
                coder.set_default_actors(DefaultActors::default());
                None
            }
            SuiteOption::CodeBy(options::CodeBy::Clause) => {
                coder.set_code_by(CodeBy::Clause);
                None
            }
            SuiteOption::CodeBy(options::CodeBy::Sentence) => {
                coder.set_code_by(CodeBy::Sentence);
                None
            }
            SuiteOption::CodeBy(options::CodeBy::All) => {
                coder.set_code_by(CodeBy::All);
                None
            }
            SuiteOption::ConvertAgent(on) => {
                coder.set_agent_dyads(on);
                None
            }
            SuiteOption::MinimumWords(n) => {
                self.minimum_words = n;
                None
            }
            SuiteOption::RequireDyad(required) => {
                coder.set_allow_missing_actor(!required);
                None
            }
            SuiteOption::Comma(c) if suite.format == SuiteFormat::TabariText => {
                // Limits the command leaves out keep their value.
                let old = coder.config().comma.unwrap_or(CommaClauses::TABARI);
                let pick = |v: Option<usize>, d: usize| v.unwrap_or(d);
                coder.set_comma(Some(CommaClauses {
                    inside: (pick(c.min, old.inside.0), pick(c.max, old.inside.1)),
                    end: (pick(c.end_min, old.end.0), pick(c.end_max, old.end.1)),
                    begin: (pick(c.begin_min, old.begin.0), pick(c.begin_max, old.begin.1)),
                }));
                None
            }
            SuiteOption::CommaOff if suite.format == SuiteFormat::TabariText => {
                coder.set_comma(None);
                None
            }
            SuiteOption::Comma(_) | SuiteOption::CommaOff => Some((
                "comma",
                "PETRARCH parts comma-delimited clauses by its parse trees; dyad keeps its own clause rules",
            )),
            SuiteOption::Forward(on) => {
                self.forward = on;
                None
            }
            SuiteOption::Complex(c) => {
                coder.set_complexity(Complexity { verbs: c.verbs, conjunctions: c.conjunctions });
                None
            }
            SuiteOption::NoEffect(_) => None,
        };
        if let Some((kind, why)) = unapplied {
            if !quiet && !self.noted.contains(&kind) {
                self.noted.push(kind);
                eprintln!(
                    "dyad eval: note: {}:{}: record {}: option {option:?} read but not applied: {why}",
                    suite.path.display(),
                    record.line,
                    record.id
                );
            }
        }
    }
}

/// The story a TABARI record belongs to: its ID without the sentence number
/// (`FRWD-001-002` → `FRWD-001`); an ID without one is a story of its own.
fn story_of(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((story, sentence)) if !story.is_empty() && sentence.bytes().all(|b| b.is_ascii_digit()) => story,
        _ => id,
    }
}

/// The validators' notation: `---` for an unknown actor; an agent without a
/// country is `---GOV` for PETRARCH and `~GOV` (dyad's own notation) for TABARI.
pub fn triple(event: &Event, format: SuiteFormat) -> Triple {
    let actor = |code: &str| {
        if code.is_empty() {
            "---".to_string()
        } else if let (Some(agent), SuiteFormat::PetrarchXml) = (code.strip_prefix('~'), format) {
            format!("---{agent}")
        } else {
            code.to_string()
        }
    };
    Triple::new(actor(&event.source.code), actor(&event.target.code), &event.cameo)
}
