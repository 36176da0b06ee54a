//! Acceptance evaluations (issue #3) with dyad's own built-in dictionaries, on the
//! PLOVER-coded gold standards of `../shared/anchors` (`DYAD_ANCHORS` or the default
//! path; skipped with a notice when absent):
//!
//! * `plover/PLOVER_GSR_CAMEO.txt` (English): country+root precision, recall and F1;
//! * `universal-petrarch/spanish_protest_plover_validation.xml` (Spanish wire copy): root
//!   precision, recall and F1.
//!
//! Each asserts a floor at the level measured (the targets are F1 ≥ 0.70 and
//! ≥ 0.60); raise the floors as the dictionaries improve, never lower them.
//! `cargo test -p dyad-cli --test gold -- --nocapture` prints the figures;
//! `DYAD_GOLD_DUMP=/tmp/x` also writes every record's gold and output to `/tmp/x.<lang>.txt`.
//!
//! Two ignored tools help write the French and German dictionaries before they are built
//! in: `dict_parallel` codes `tests/parallel/<lang>.tsv` with the files of
//! `crates/lexicon/data/<lang>/`, and `dict_code` codes `DYAD_CODE_TEXT` with them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dyad_cli::gold::{code_suite, run_suite_builtin};
use dyad_coder::{ArticleMeta, Coder, CoderConfig};
use dyad_eval::{load_suite, score, Level, Report, Suite};
use dyad_lexicon::{own, Lexicon};
use dyad_text::{Lang, TextPipeline};

/// The least country+root F1 on the PLOVER gold-standard records (target 0.70).
const PLOVER_GSR_FLOOR: f64 = 0.73;
/// The least root F1 on the Spanish protest set (target 0.60).
const SPANISH_FLOOR: f64 = 0.43;

fn anchors() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_ANCHORS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("../shared/anchors")
    });
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: anchors not found");
        None
    }
}

/// Prints the three levels and writes the dump when asked.
fn print(name: &str, suite: &Suite, report: &Report, lang: Lang) {
    for level in Level::ALL {
        let c = report.level(level).overall;
        eprintln!(
            "{name} [{lang}] {level}: P {:.3} R {:.3} F1 {:.3} (found {}, missed {}, false {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.found,
            c.missed,
            c.false_positives
        );
    }
    if let Ok(dump) = std::env::var("DYAD_GOLD_DUMP") {
        let mut out = String::new();
        for (r, d) in suite.records.iter().zip(&report.records) {
            let show =
                |v: &[dyad_eval::Triple]| v.iter().map(ToString::to_string).collect::<Vec<_>>().join(" | ");
            let _ = writeln!(
                out,
                "{} [{}]\n  gold: {}\n  got:  {}\n  {}",
                r.id,
                r.category,
                show(&r.expected),
                show(&d.produced),
                r.text
            );
        }
        let _ = std::fs::write(format!("{dump}.{lang}.txt"), out);
    }
}

#[test]
fn plover_gsr_country_root() {
    let Some(dir) = anchors() else { return };
    let path = dir.join("plover/PLOVER_GSR_CAMEO.txt");
    let (suite, report) =
        run_suite_builtin(&path, Lang::En, &CoderConfig::default()).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(suite.evaluated().count(), 322, "PLOVER GSR: 322 records with text");
    print("PLOVER GSR", &suite, &report, Lang::En);
    let c = report.level(Level::CountryRoot).overall;
    assert!(
        c.f1() >= PLOVER_GSR_FLOOR,
        "PLOVER GSR country+root F1 {:.3} below the floor {PLOVER_GSR_FLOOR}",
        c.f1()
    );
}

#[test]
fn spanish_protest_root() {
    let Some(dir) = anchors() else { return };
    let path = dir.join("universal-petrarch/spanish_protest_plover_validation.xml");
    // The gold has no actor codes ("---"): events whose actors the dictionary does not
    // know, on one side or both, still count at the root level.
    let config = CoderConfig { allow_missing_actor: true, allow_no_actor: true, ..CoderConfig::default() };
    let (suite, report) = run_suite_builtin(&path, Lang::Es, &config).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(suite.records.len(), 765);
    print("Spanish protest", &suite, &report, Lang::Es);
    let c = report.level(Level::Root).overall;
    assert!(c.f1() >= SPANISH_FLOOR, "Spanish protest root F1 {:.3} below the floor {SPANISH_FLOOR}", c.f1());
}

/// The dictionary files of `crates/lexicon/data/<lang>/`, merged.
fn files_lexicon(lang: Lang) -> Lexicon {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../lexicon/data")).join(lang.code());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "dyad"))
        .collect();
    paths.sort();
    let mut lex = Lexicon::default();
    for p in paths {
        lex.extend(own::load(&p).unwrap_or_else(|e| panic!("{e}")));
    }
    lex
}

fn env_lang() -> Lang {
    std::env::var("DYAD_CODE_LANG").ok().and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::Fr)
}

/// `DYAD_CODE_LANG=de cargo test -p dyad-cli --test gold dict_parallel -- --ignored --nocapture`
#[test]
#[ignore]
fn dict_parallel() {
    let lang = env_lang();
    let lex = files_lexicon(lang);
    let coder = Coder::new(&lex);
    let pipeline = TextPipeline::new();
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/parallel"))
        .join(format!("{}.tsv", lang.code()));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut n, mut hits) = (0, 0);
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let [id, s, t, c, sentence] = f[..] else { panic!("bad line {line:?}") };
        n += 1;
        let doc = pipeline.process(sentence, None, Some(lang));
        let events = coder.code_document(&doc, &ArticleMeta::new(id, None)).events;
        let got: Vec<(String, String, String)> =
            events.iter().map(|e| (e.source.code.clone(), e.target.code.clone(), e.cameo.clone())).collect();
        if got.contains(&(s.to_string(), t.to_string(), c.to_string())) {
            hits += 1;
        } else {
            let toks: Vec<String> =
                doc.sentences
                    .iter()
                    .flat_map(|s| s.tokens.iter())
                    .map(|t| {
                        if *t.lemma == *t.text {
                            t.text.to_string()
                        } else {
                            format!("{}/{}", t.text, t.lemma)
                        }
                    })
                    .collect();
            let got: Vec<String> = got.iter().map(|(s, t, c)| format!("{s} {t} {c}")).collect();
            eprintln!(
                "{id} expected {s} {t} {c}: {sentence}\n   got: {}\n   {}",
                got.join(" | "),
                toks.join(" ")
            );
        }
    }
    eprintln!(
        "parallel [{lang}] with the data files: {hits}/{n} = {:.1}%",
        hits as f64 * 100.0 / n.max(1) as f64
    );
}

/// `DYAD_CODE_LANG=fr DYAD_CODE_TEXT="...|..." cargo test -p dyad-cli --test gold dict_code -- --ignored --nocapture`
/// (`DYAD_CODE_MISSING=1` also emits events with an unknown actor).
#[test]
#[ignore]
fn dict_code() {
    let lang = env_lang();
    let lex = files_lexicon(lang);
    // DYAD_CODE_MISSING=1 codes as the Spanish evaluation does (events with unknown actors).
    let config = CoderConfig {
        allow_missing_actor: std::env::var_os("DYAD_CODE_MISSING").is_some()
            || lex.options.allow_missing_actor,
        max_gap: lex.options.max_gap,
        ..CoderConfig::default()
    };
    let coder = Coder::with_config(&lex, config);
    let pipeline = TextPipeline::new();
    for line in std::env::var("DYAD_CODE_TEXT").unwrap_or_default().split('|') {
        let doc = pipeline.process(line, None, Some(lang));
        for s in &doc.sentences {
            let toks: Vec<String> = s.tokens.iter().map(|t| format!("{}/{}", t.text, t.lemma)).collect();
            eprintln!("{}", toks.join(" "));
        }
        for e in coder.code_document(&doc, &ArticleMeta::new("x", None)).events {
            eprintln!("  {} {} {} [{}]", e.source.code, e.target.code, e.cameo, e.evidence.rule);
        }
    }
}

/// Codes a suite with the data files of a language (not yet built in) and prints the
/// scores: `DYAD_CODE_LANG=es DYAD_GOLD_SUITE=path cargo test ... dict_suite -- --ignored`.
#[test]
#[ignore]
fn dict_suite() {
    let lang = env_lang();
    let Some(path) = std::env::var_os("DYAD_GOLD_SUITE").map(PathBuf::from) else { return };
    let suite = load_suite(Path::new(&path)).unwrap_or_else(|e| panic!("{e}"));
    let config = CoderConfig { allow_missing_actor: true, ..CoderConfig::default() };
    let produced = code_suite(&suite, lang, &files_lexicon(lang), &config);
    print("suite", &suite, &score(&suite, &produced), lang);
}
