//! The parallel test suite: the same news sentences in each language
//! (`tests/parallel/<lang>.tsv`), each with the expected (source, target,
//! CAMEO code), coded with the language's built-in dictionary.
//!
//! Per language, the share of sentences that produce the expected triple
//! must reach the language's floor; across languages, the files must hold
//! the same ids with the same expectations, and the pairwise agreement
//! (sentences whose outcome, right or wrong, is the same in both languages)
//! is printed and must reach [`AGREEMENT_FLOOR`]. Italian, English and
//! Spanish are required; a language whose file or built-in dictionary is
//! missing is skipped with a notice.
//!
//! `cargo test -p dyad-cli --test parallel -- --nocapture` prints the rates
//! and each failure with its tokens, lemmas and the events produced;
//! `DYAD_PARALLEL_LANGS=it,es` checks only those languages.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use common::{code_case, parse, Case, Outcome};

use dyad_coder::{ArticleMeta, Coder};
use dyad_lexicon::own;
use dyad_text::{Lang, TextPipeline};

/// The least share of sentences that must code as expected, per language.
/// The target is 90% for every language (issue #3). English stands at its
/// measured level until the English verb dictionary covers the sentences'
/// constructions (appeals for aid, demands for release/withdrawal, threats
/// "with sanctions", "protest against the government", "carry out a bombing").
/// Raise floors as dictionaries improve, never lower them.
const FLOORS: [(Lang, f64); 5] =
    [(Lang::It, 0.95), (Lang::En, 0.97), (Lang::Es, 0.95), (Lang::Fr, 0.98), (Lang::De, 0.96)];

/// Languages that must be present and checked.
const REQUIRED: [Lang; 3] = [Lang::It, Lang::En, Lang::Es];

/// The least pairwise agreement between two checked languages; a pair with
/// a language whose floor is below 90% needs only that floor less 5 points.
const AGREEMENT_FLOOR: f64 = 0.85;

/// The least number of sentences in a file.
const MIN_SENTENCES: usize = 150;

/// The floor of a language.
fn floor_of(lang: Lang) -> f64 {
    FLOORS.iter().find(|(l, _)| *l == lang).map_or(0.0, |(_, f)| *f)
}

fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/parallel"))
}

/// Reads `tests/parallel/<lang>.tsv`; `Ok(None)` when the file is absent.
fn read(lang: Lang) -> Result<Option<Vec<Case>>, String> {
    common::read(&dir().join(format!("{}.tsv", lang.code())))
}

/// Codes every case of a language with its built-in dictionary.
fn code_all(
    lang: Lang,
    cases: &[Case],
    coder: &Coder,
    pipeline: &TextPipeline,
    report: &mut String,
) -> BTreeMap<String, Outcome> {
    cases.iter().map(|case| (case.id.clone(), code_case(lang, case, coder, pipeline, report))).collect()
}

#[test]
fn parallel_suite() {
    let pipeline = TextPipeline::new();
    let reference = match read(Lang::En) {
        Ok(Some(cases)) => cases,
        Ok(None) => panic!("tests/parallel/en.tsv is missing"),
        Err(e) => panic!("{e}"),
    };
    assert!(
        reference.len() >= MIN_SENTENCES,
        "en.tsv has {} sentences, at least {MIN_SENTENCES} needed",
        reference.len()
    );
    let roots: BTreeSet<&str> = reference.iter().map(|c| c.expected.2.get(..2).unwrap_or("")).collect();
    let missing: Vec<String> =
        (1..=20).map(|r| format!("{r:02}")).filter(|r| !roots.contains(r.as_str())).collect();
    assert!(missing.is_empty(), "en.tsv covers no sentence of CAMEO roots {missing:?}");

    let mut results: BTreeMap<Lang, BTreeMap<String, Outcome>> = BTreeMap::new();
    let mut report = String::new();
    let mut failures = Vec::new();
    // DYAD_PARALLEL_LANGS=it,es restricts the run (while editing a dictionary).
    let only = common::langs_from_env("DYAD_PARALLEL_LANGS");
    for (lang, floor) in FLOORS {
        if only.as_ref().is_some_and(|o| !o.contains(&lang)) {
            eprintln!("skipping {lang}: not in DYAD_PARALLEL_LANGS");
            continue;
        }
        let cases = match read(lang) {
            Ok(Some(cases)) => cases,
            Ok(None) => {
                assert!(!REQUIRED.contains(&lang), "tests/parallel/{lang}.tsv is missing");
                eprintln!("skipping {lang}: tests/parallel/{lang}.tsv not found");
                continue;
            }
            Err(e) => panic!("{e}"),
        };
        let lexicon = match own::builtin(lang.code()) {
            Ok(l) => l,
            Err(e) => {
                assert!(!REQUIRED.contains(&lang), "{lang}: built-in dictionary: {e}");
                eprintln!("skipping {lang}: no built-in dictionary ({e})");
                continue;
            }
        };
        // Same ids, same expectations, same order as English.
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        let ref_ids: Vec<&str> = reference.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ref_ids, "{lang}.tsv must hold the ids of en.tsv in the same order");
        for (c, r) in cases.iter().zip(&reference) {
            assert_eq!(c.expected, r.expected, "{lang}.tsv {}: expectation differs from en.tsv", c.id);
        }
        let coder = Coder::new(&lexicon);
        let outcomes = code_all(lang, &cases, &coder, &pipeline, &mut report);
        let hits = outcomes.values().filter(|o| o.hit).count();
        common::check_floor("parallel", lang, (hits, cases.len()), floor, "", &mut failures);
        results.insert(lang, outcomes);
    }
    eprint!("{report}");

    let langs: Vec<Lang> = results.keys().copied().collect();
    for (i, a) in langs.iter().enumerate() {
        for b in &langs[i + 1..] {
            let (Some(ra), Some(rb)) = (results.get(a), results.get(b)) else { continue };
            let same_outcome =
                ra.iter().filter(|(id, o)| rb.get(*id).is_some_and(|p| p.hit == o.hit)).count();
            let same_triples = ra
                .iter()
                .filter(|(id, o)| {
                    rb.get(*id).is_some_and(|p| {
                        let x: BTreeSet<_> = o.triples.iter().collect();
                        let y: BTreeSet<_> = p.triples.iter().collect();
                        x == y
                    })
                })
                .count();
            let n = ra.len().max(1) as f64;
            let agreement = same_outcome as f64 / n;
            eprintln!(
                "agreement {a}-{b}: same outcome {:.1}%, identical events {:.1}%",
                agreement * 100.0,
                same_triples as f64 / n * 100.0
            );
            let pair_floor = AGREEMENT_FLOOR.min(floor_of(*a).min(floor_of(*b)) - 0.05);
            if agreement < pair_floor {
                failures.push(format!(
                    "{a}-{b}: agreement {:.1}% below {:.0}%",
                    agreement * 100.0,
                    pair_floor * 100.0
                ));
            }
        }
    }
    assert!(failures.is_empty(), "parallel suite: {}", failures.join("; "));
}

#[test]
fn parser_names_line_and_reason() {
    let ok = "id\tsource\ttarget\tcameo\tsentence\np1\tUSA\tRUS\t111\tThe United States condemned Russia.\n";
    let cases = parse(ok, "x.tsv").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].expected, ("USA".into(), "RUS".into(), "111".into()));
    let bad_code = ok.replace("111", "999");
    assert!(parse(&bad_code, "x.tsv").is_err_and(|e| e.starts_with("x.tsv:2:") && e.contains("999")));
    let short = "id\tsource\ttarget\tcameo\tsentence\np1\tUSA\t111\n";
    assert!(parse(short, "x.tsv").is_err_and(|e| e.starts_with("x.tsv:2:") && e.contains("5 tab-separated")));
    let repeated = format!("{ok}p1\tUSA\tRUS\t111\tAgain.\n");
    assert!(parse(&repeated, "x.tsv").is_err_and(|e| e.contains("repeated")));
    assert!(parse("p1\tUSA\tRUS\t111\tNo header.\n", "x.tsv").is_err_and(|e| e.contains("header")));
}

/// `DYAD_CODE_LANG=it DYAD_CODE_TEXT="..." cargo test -p dyad-cli --test parallel code_one -- --ignored --nocapture`
/// codes one sentence and prints its tokens and events (a tool for dictionary work).
#[test]
#[ignore]
fn code_one() {
    let lang = std::env::var("DYAD_CODE_LANG").ok().and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::En);
    let text = std::env::var("DYAD_CODE_TEXT").unwrap_or_default();
    let lexicon = own::builtin(lang.code()).unwrap_or_else(|e| panic!("{e}"));
    let coder = Coder::new(&lexicon);
    let pipeline = TextPipeline::new();
    for line in text.split('|') {
        let doc = pipeline.process(line, None, Some(lang));
        for s in &doc.sentences {
            let toks: Vec<String> = s.tokens.iter().map(|t| format!("{}/{}", t.text, t.lemma)).collect();
            eprintln!("{}", toks.join(" "));
        }
        for e in coder.code_document(&doc, &ArticleMeta::new("x", None)).events {
            eprintln!(
                "  {} {} {} [{}] {}",
                e.source.code, e.target.code, e.cameo, e.evidence.rule, e.evidence.trigger.text
            );
        }
    }
}

/// The generated country files of the five languages load and name the
/// same countries and territories with the same codes (the seats of
/// government differ by language and are not compared).
#[test]
fn country_codes_agree_across_languages() {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../lexicon/data"));
    let codes = |lang: Lang| -> Option<BTreeSet<String>> {
        let path = data.join(lang.code()).join("countries.dyad");
        if !path.is_file() {
            return None;
        }
        let lex = own::load(&path).unwrap_or_else(|e| panic!("{e}"));
        Some(
            lex.actors
                .iter()
                .flat_map(|a| a.codes.iter().map(|c| c.code.to_string()))
                .filter(|c| !c.ends_with("GOV") && !c.ends_with("MIL"))
                .collect(),
        )
    };
    let Some(en) = codes(Lang::En) else { panic!("en/countries.dyad is missing") };
    assert!(en.len() >= 195, "en/countries.dyad has {} country codes, at least 195 needed", en.len());
    for lang in [Lang::It, Lang::Es, Lang::Fr, Lang::De] {
        let Some(other) = codes(lang) else {
            assert!(!REQUIRED.contains(&lang), "{lang}/countries.dyad is missing");
            eprintln!("skipping {lang}: countries.dyad not found");
            continue;
        };
        let missing: Vec<&String> = en.difference(&other).collect();
        let extra: Vec<&String> = other.difference(&en).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang}: codes missing {missing:?}, extra {extra:?}");
    }
}
