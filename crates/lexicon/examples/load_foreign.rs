//! Loads the TABARI / PETRARCH reference dictionaries and prints what was
//! read, with timings.
//!
//! ```text
//! cargo run --release -p dyad-lexicon --example load_foreign [ANCHORS_DIR] [-v]
//! ```
//!
//! `ANCHORS_DIR` defaults to `$DYAD_ANCHORS` or `../shared/anchors` next to
//! the workspace; `-v` prints every warning.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_lexicon::{foreign, Lexicon, Result};

type Loader = fn(&Path) -> Result<Lexicon>;

const FILES: &[(&str, &str)] = &[
    ("verbs", "tabari/TABARI.Demo.verbs"),
    ("verbs", "tabari/CAMEO.091003.master.verbs"),
    ("actors", "tabari/TABARI.Demo.actors"),
    ("agents", "tabari/Validate.agents"),
    ("discards", "tabari/discards.txt"),
    ("verbs", "petrarch2/PETR.Validate.verbs.txt"),
    ("actors", "petrarch2/PETR.Validate.actors.txt"),
    ("agents", "petrarch2/PETR.Validate.agents.txt"),
    ("discards", "petrarch2/PETR.Validate.discards.txt"),
    ("verbs", "petrarch2/CAMEO.2.0.txt"),
    ("actors", "petrarch2/Phoenix.Countries.actors.txt"),
    ("actors", "petrarch2/Phoenix.International.actors.txt"),
    ("actors", "petrarch2/Phoenix.MilNonState.actors.txt"),
    ("agents", "petrarch2/Phoenix.agents.txt"),
    ("discards", "petrarch2/Phoenix.discards.txt"),
    ("verbs", "universal-petrarch/PETR_Validate_verbs_2_02.txt"),
    ("actors", "universal-petrarch/PETR_Validate_actors_2_02.txt"),
    ("agents", "universal-petrarch/PETR_Validate_agents_2_02.txt"),
    ("discards", "universal-petrarch/PETR_Validate_discards_2_02.txt"),
];

const PHOENIX: &[(&str, &str)] = &[
    ("verbs", "petrarch2/CAMEO.2.0.txt"),
    ("actors", "petrarch2/Phoenix.Countries.actors.txt"),
    ("actors", "petrarch2/Phoenix.International.actors.txt"),
    ("actors", "petrarch2/Phoenix.MilNonState.actors.txt"),
    ("agents", "petrarch2/Phoenix.agents.txt"),
    ("discards", "petrarch2/Phoenix.discards.txt"),
];

fn loader(kind: &str) -> Loader {
    match kind {
        "verbs" => foreign::load_verbs,
        "actors" => foreign::load_actors,
        "agents" => foreign::load_agents,
        _ => foreign::load_discards,
    }
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("DYAD_ANCHORS").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/anchors")));
    for (kind, rel) in FILES {
        let path = dir.join(rel);
        let start = Instant::now();
        let lex = loader(kind)(&path)?;
        let ms = start.elapsed().as_secs_f64() * 1e3;
        println!("{rel} ({ms:.1} ms)\n  {}", lex.stats());
        if verbose {
            for w in &lex.warnings {
                println!("    warning: {w}");
            }
        }
    }
    // The full Phoenix set, merged, best of 5.
    let mut best = f64::MAX;
    let mut merged = Lexicon::default();
    for _ in 0..5 {
        let start = Instant::now();
        let mut lex = Lexicon::default();
        for (kind, rel) in PHOENIX {
            lex.extend(loader(kind)(&dir.join(rel))?);
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
        merged = lex;
    }
    println!("Phoenix set merged: {best:.1} ms (best of 5)\n  {}", merged.stats());
    Ok(())
}
