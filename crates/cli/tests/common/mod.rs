//! What the sentence suites (`parallel.rs`, `news.rs`) share: their TSV
//! format and the coding of one case with its report when it fails.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use dyad_coder::{ArticleMeta, Coder};
use dyad_text::{Lang, TextPipeline};

/// What a case expects: `(source, target, cameo)`; a cameo of `-` expects
/// no event at all.
pub type Triple = (String, String, String);

/// One line of a sentence file.
#[derive(Clone, Debug)]
pub struct Case {
    pub id: String,
    pub expected: Triple,
    pub sentence: String,
}

impl Case {
    /// Whether the case expects no event ("-" as its code).
    pub fn expects_nothing(&self) -> bool {
        self.expected.2 == "-"
    }
}

/// Reads a sentence file; `Ok(None)` when it is absent.
pub fn read(path: &Path) -> Result<Option<Vec<Case>>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    parse(&text, &path.display().to_string()).map(Some)
}

/// Parses a sentence file: a header `id source target cameo sentence`, then
/// one tab-separated case per line; `#` lines and blank lines are skipped.
/// `-` as source, target and cameo expects no event.
pub fn parse(text: &str, file: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut ids = BTreeSet::new();
    let mut header = false;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !header {
            if fields != ["id", "source", "target", "cameo", "sentence"] {
                return Err(format!("{file}:{n}: expected the header \"id source target cameo sentence\" (tab-separated), found {line:?}"));
            }
            header = true;
            continue;
        }
        let [id, source, target, cameo, sentence] = fields[..] else {
            return Err(format!(
                "{file}:{n}: expected 5 tab-separated fields, found {} in {line:?}",
                fields.len()
            ));
        };
        let nothing = [source, target, cameo] == ["-", "-", "-"];
        if !nothing && dyad_cameo::lookup(cameo).is_none() {
            return Err(format!("{file}:{n}: unknown CAMEO code {cameo:?} for {id}"));
        }
        if source.is_empty() || target.is_empty() || sentence.trim().is_empty() {
            return Err(format!("{file}:{n}: empty source, target or sentence for {id}"));
        }
        if !ids.insert(id.to_string()) {
            return Err(format!("{file}:{n}: id {id:?} repeated"));
        }
        cases.push(Case {
            id: id.to_string(),
            expected: (source.to_string(), target.to_string(), cameo.to_string()),
            sentence: sentence.trim().to_string(),
        });
    }
    if !header {
        return Err(format!("{file}: no header line"));
    }
    Ok(cases)
}

/// The outcome of one case: the triples produced and whether they hold the
/// expected one (or are none, when none is expected).
pub struct Outcome {
    pub hit: bool,
    pub triples: Vec<Triple>,
}

impl Outcome {
    /// Produced triples other than the expected one.
    pub fn extra(&self, case: &Case) -> usize {
        self.triples.iter().filter(|t| **t != case.expected).count()
    }
}

/// Codes one case as a one-sentence article; a failure is written to
/// `report` with the tokens, lemmas and events produced.
pub fn code_case(
    lang: Lang,
    case: &Case,
    coder: &Coder,
    pipeline: &TextPipeline,
    report: &mut String,
) -> Outcome {
    let doc = pipeline.process(&case.sentence, None, Some(lang));
    let meta = ArticleMeta::new(&case.id, None);
    let events = coder.code_document(&doc, &meta).events;
    let triples: Vec<Triple> =
        events.iter().map(|e| (e.source.code.clone(), e.target.code.clone(), e.cameo.clone())).collect();
    let hit = if case.expects_nothing() { triples.is_empty() } else { triples.contains(&case.expected) };
    if !hit {
        let (s, t, c) = &case.expected;
        let _ = writeln!(report, "  [{lang}] {} expected {s} {t} {c}: {}", case.id, case.sentence);
        let got: Vec<String> = triples.iter().map(|(s, t, c)| format!("{s} {t} {c}")).collect();
        let _ = writeln!(
            report,
            "      got: {}",
            if got.is_empty() { "nothing".to_string() } else { got.join(" | ") }
        );
        let lemmas: Vec<String> = doc
            .sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .map(|t| if *t.lemma == *t.text { t.text.to_string() } else { format!("{}/{}", t.text, t.lemma) })
            .collect();
        let _ = writeln!(report, "      tokens: {}", lemmas.join(" "));
    }
    Outcome { hit, triples }
}

/// Prints a suite's rate for one language (with `more` after it) and adds
/// a failure when the rate is below `floor`.
pub fn check_floor(
    suite: &str,
    lang: Lang,
    (hits, total): (usize, usize),
    floor: f64,
    more: &str,
    failures: &mut Vec<String>,
) {
    let rate = hits as f64 / total.max(1) as f64;
    eprintln!(
        "{suite} [{lang}]: {hits}/{total} = {:.1}% as expected (floor {:.0}%){more}",
        rate * 100.0,
        floor * 100.0
    );
    if rate < floor {
        failures.push(format!("{lang}: {:.1}% below the floor {:.0}%", rate * 100.0, floor * 100.0));
    }
}

/// The languages a comma-separated environment variable names
/// (`DYAD_NEWS_LANGS=it,es`), to restrict a suite while editing a dictionary;
/// `None` when it is unset.
pub fn langs_from_env(var: &str) -> Option<Vec<Lang>> {
    std::env::var(var).ok().map(|v| v.split(',').filter_map(Lang::from_code).collect())
}
