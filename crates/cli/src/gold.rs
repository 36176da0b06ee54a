//! Acceptance evaluations with dyad's own dictionaries: a validation suite (any format
//! `dyad_eval::load_suite` reads, the PLOVER gold standards included) coded with the
//! built-in dictionary of a language instead of the dictionaries the suite names.
//!
//! ```no_run
//! use dyad_cli::gold::run_suite_builtin;
//! use dyad_coder::CoderConfig;
//! use dyad_eval::Level;
//! use dyad_text::Lang;
//!
//! # fn main() -> anyhow::Result<()> {
//! let path = std::path::Path::new("../shared/anchors/plover/PLOVER_GSR_CAMEO.txt");
//! let (_suite, report) = run_suite_builtin(path, Lang::En, &CoderConfig::default())?;
//! let c = report.level(Level::CountryRoot).overall;
//! println!("P {:.3} R {:.3} F1 {:.3}", c.precision(), c.recall(), c.f1());
//! # Ok(())
//! # }
//! ```

use std::path::Path;

use anyhow::{Context, Result};
use dyad_coder::{ArticleMeta, Coder, CoderConfig};
use dyad_eval::{load_suite, score, Report, Suite, Triple};
use dyad_lexicon::Lexicon;
use dyad_text::{Lang, TextPipeline};

/// Loads the suite at `path` and codes every record as text of language `lang` with
/// dyad's built-in dictionary of that language, then scores the result.
///
/// The lexicon's own options apply on top of `config` (its gap width, and
/// `allow_missing_actor` when the lexicon asks for it).
///
/// # Errors
///
/// When the suite cannot be read or the language has no built-in dictionary.
pub fn run_suite_builtin(path: &Path, lang: Lang, config: &CoderConfig) -> Result<(Suite, Report)> {
    let lexicon = dyad_lexicon::own::builtin(lang.code())
        .with_context(|| format!("loading the built-in {lang} dictionary"))?;
    run_suite_with(path, lang, &lexicon, config)
}

/// Like [`run_suite_builtin`], with a lexicon the caller built (for instance dictionary
/// files being written, before they are built in).
///
/// # Errors
///
/// When the suite cannot be read.
pub fn run_suite_with(
    path: &Path,
    lang: Lang,
    lexicon: &Lexicon,
    config: &CoderConfig,
) -> Result<(Suite, Report)> {
    let suite = load_suite(path).with_context(|| format!("loading suite {}", path.display()))?;
    let produced = code_suite(&suite, lang, lexicon, config);
    let report = score(&suite, &produced);
    Ok((suite, report))
}

/// Codes every record of a suite (text only, as language `lang`) and returns the
/// triples of each record in the suite's notation, `produced[i]` for `suite.records[i]`.
pub fn code_suite(suite: &Suite, lang: Lang, lexicon: &Lexicon, config: &CoderConfig) -> Vec<Vec<Triple>> {
    let mut config = config.clone();
    config.allow_missing_actor |= lexicon.options.allow_missing_actor;
    config.max_gap = lexicon.options.max_gap;
    let coder = Coder::with_config(lexicon, config);
    let pipeline = TextPipeline::new();
    suite
        .records
        .iter()
        .map(|record| {
            let doc = pipeline.process(&record.text, None, Some(lang));
            let meta = ArticleMeta::new(&record.id, record.date);
            coder.code_document(&doc, &meta).events.iter().map(gold_triple).collect()
        })
        .collect()
}

/// An event in the validators' notation: `---` for an unknown actor and `---GOV` for an
/// agent without a country, so that its first three letters never pass for a country.
fn gold_triple(event: &dyad_coder::Event) -> Triple {
    let actor = |code: &str| {
        if code.is_empty() {
            "---".to_string()
        } else if let Some(agent) = code.strip_prefix('~') {
            format!("---{agent}")
        } else {
            code.to_string()
        }
    };
    Triple::new(actor(&event.source.code), actor(&event.target.code), &event.cameo)
}
