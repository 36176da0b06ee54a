//! Dictionary flags shared by `code` and `eval`, and loading them.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use dyad_lexicon::{foreign, own, Lexicon};

/// Dictionaries in TABARI/PETRARCH format, replacing the built-in ones.
#[derive(Args, Debug, Clone, Default)]
pub struct DictionaryArgs {
    /// Verb dictionary (TABARI .verbs or PETRARCH verbs file).
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// Actor dictionaries, comma-separated or repeated.
    #[arg(long, value_name = "FILE[,FILE...]", value_delimiter = ',')]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary.
    #[arg(long, value_name = "FILE")]
    pub agents: Option<PathBuf>,
    /// Discard list.
    #[arg(long, value_name = "FILE")]
    pub discards: Option<PathBuf>,
    /// TABARI options file.
    #[arg(long, value_name = "FILE")]
    pub options: Option<PathBuf>,
    /// A dictionary in dyad's own format, added to whatever else is loaded.
    #[arg(long = "dict", value_name = "FILE")]
    pub own: Vec<PathBuf>,
}

impl DictionaryArgs {
    /// Whether any external dictionary was named (the built-ins are then not used).
    pub fn any_foreign(&self) -> bool {
        self.verbs.is_some()
            || !self.actors.is_empty()
            || self.agents.is_some()
            || self.discards.is_some()
            || self.options.is_some()
    }

    /// Loads the named dictionaries into one lexicon.
    pub fn load(&self) -> Result<Lexicon> {
        let mut lexicon = Lexicon::default();
        if let Some(path) = &self.verbs {
            lexicon.extend(load_with(path, "verbs", foreign::load_verbs)?);
        }
        for path in &self.actors {
            lexicon.extend(load_with(path, "actors", foreign::load_actors)?);
        }
        if let Some(path) = &self.agents {
            lexicon.extend(load_with(path, "agents", foreign::load_agents)?);
        }
        if let Some(path) = &self.discards {
            lexicon.extend(load_with(path, "discards", foreign::load_discards)?);
        }
        if let Some(path) = &self.options {
            lexicon.options =
                foreign::load_options(path).with_context(|| format!("loading options {}", path.display()))?;
        }
        for path in &self.own {
            lexicon.extend(load_with(path, "dictionary", |p| own::load(p))?);
        }
        Ok(lexicon)
    }
}

fn load_with(
    path: &Path,
    what: &str,
    load: impl Fn(&Path) -> dyad_lexicon::Result<Lexicon>,
) -> Result<Lexicon> {
    load(path).with_context(|| format!("loading {what} {}", path.display()))
}

/// Prints the load report: counts of each kind and the first warnings.
pub fn report(label: &str, lexicon: &Lexicon, quiet: bool) {
    if !quiet {
        eprint!("{}", report_text(label, lexicon));
    }
}

/// The load report's lines, for a caller that prints them later.
pub fn report_text(label: &str, lexicon: &Lexicon) -> String {
    let mut text = format!("dyad: {label}: {}\n", lexicon.stats());
    for w in lexicon.warnings.iter().take(5) {
        text.push_str(&format!("dyad: warning: {w}\n"));
    }
    if lexicon.warnings.len() > 5 {
        text.push_str(&format!("dyad: ... {} more dictionary warnings\n", lexicon.warnings.len() - 5));
    }
    text
}
