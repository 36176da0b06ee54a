//! `dyad eval`: run a validation suite and print scores.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::{ArticleMeta, Coder, CoderConfig, Event};
use dyad_eval::{load_suite, score, Report, Suite, SuiteFormat, Triple};
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
    /// Print every record whose coding differs from the expected one.
    #[arg(long)]
    details: bool,
    /// Do not print the dictionary report.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `dyad eval`.
pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let config = CoderConfig { allow_missing_actor: args.allow_missing_actor, ..CoderConfig::default() };
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
    let pipeline = TextPipeline::new();
    let produced: Vec<Vec<Triple>> = suite
        .records
        .iter()
        .map(|record| {
            for allow in record.options.iter().filter_map(|o| missing_actor_setting(o)) {
                coder.set_allow_missing_actor(allow);
            }
            let doc = pipeline.process(&record.text, None, Some(Lang::En));
            let meta = ArticleMeta::new(&record.id, record.date);
            coder.code_document(&doc, &meta).events.iter().map(|e| triple(e, suite.format)).collect()
        })
        .collect();
    let report = score(&suite, &produced);
    Ok((suite, report))
}

/// A suite's own switch for events with an unknown side, when `option` is
/// one: PETRARCH's `require_dyad = false` allows them, `= true` forbids them.
fn missing_actor_setting(option: &str) -> Option<bool> {
    let (name, value) = option.split_once('=')?;
    if !name.trim().eq_ignore_ascii_case("require_dyad") {
        return None;
    }
    match value.trim().to_ascii_lowercase().as_str() {
        "true" => Some(false),
        "false" => Some(true),
        _ => None,
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
