//! The news suites: sentences written the way each language's own press
//! writes (`tests/news/<lang>.tsv`, not translations of one another, unlike
//! `tests/parallel`), each with the event a reader would code, or `-` for
//! none, coded with the language's built-in dictionary.
//!
//! A case is right when its expected triple is among the events produced
//! (or nothing is produced where nothing is expected). Per language, the
//! share of right cases must reach the language's floor, and the events
//! produced beyond the expected ones are counted and printed. Italian,
//! English and Spanish are required; French and German are checked when
//! their file is present.
//!
//! `cargo test -p dyad-cli --test news -- --nocapture` prints the rates and
//! each failure with its tokens, lemmas and events;
//! `DYAD_NEWS_LANGS=it` checks only Italian.

mod common;

use std::path::PathBuf;

use common::{code_case, Case};
use dyad_coder::Coder;
use dyad_lexicon::own;
use dyad_text::{Lang, TextPipeline};

/// The least share of cases coded as expected, per language, at the level
/// measured; raise floors as dictionaries improve, never lower them. The
/// dictionaries were improved while these files were written, so the rates
/// are development figures, not held-out ones.
const FLOORS: [(Lang, f64); 5] =
    [(Lang::It, 0.95), (Lang::En, 0.98), (Lang::Es, 0.93), (Lang::Fr, 0.91), (Lang::De, 0.88)];

/// Languages whose file must be present.
const REQUIRED: [Lang; 3] = [Lang::It, Lang::En, Lang::Es];

/// The least number of cases in a required language's file.
const MIN_CASES: usize = 60;

fn path(lang: Lang) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/news"))
        .join(format!("{}.tsv", lang.code()))
}

#[test]
fn news_suites() {
    let pipeline = TextPipeline::new();
    let only = common::langs_from_env("DYAD_NEWS_LANGS");
    let mut report = String::new();
    let mut failures = Vec::new();
    for (lang, floor) in FLOORS {
        if only.as_ref().is_some_and(|o| !o.contains(&lang)) {
            continue;
        }
        let cases: Vec<Case> = match common::read(&path(lang)) {
            Ok(Some(cases)) => cases,
            Ok(None) => {
                assert!(!REQUIRED.contains(&lang), "{} is missing", path(lang).display());
                eprintln!("skipping {lang}: {} not found", path(lang).display());
                continue;
            }
            Err(e) => panic!("{e}"),
        };
        if REQUIRED.contains(&lang) {
            assert!(cases.len() >= MIN_CASES, "{lang}: {} cases, at least {MIN_CASES} needed", cases.len());
        }
        let lexicon =
            own::builtin(lang.code()).unwrap_or_else(|e| panic!("{lang}: built-in dictionary: {e}"));
        let coder = Coder::new(&lexicon);
        let mut hits = 0;
        let mut extra = 0;
        for case in &cases {
            let outcome = code_case(lang, case, &coder, &pipeline, &mut report);
            hits += usize::from(outcome.hit);
            extra += outcome.extra(case);
        }
        let more = format!(", {extra} events beyond the expected");
        common::check_floor("news", lang, (hits, cases.len()), floor, &more, &mut failures);
    }
    eprint!("{report}");
    assert!(failures.is_empty(), "news suites: {}", failures.join("; "));
}

#[test]
fn no_event_cases_parse_and_fail_when_an_event_is_produced() {
    let text = "id\tsource\ttarget\tcameo\tsentence\nn1\t-\t-\t-\tThe weather was fine.\nn2\tUSA\tRUS\t111\tThe United States condemned Russia.\n";
    let cases = common::parse(text, "x.tsv").unwrap_or_else(|e| panic!("{e}"));
    assert!(cases[0].expects_nothing() && !cases[1].expects_nothing());
    let lexicon = own::builtin("en").unwrap_or_else(|e| panic!("{e}"));
    let coder = Coder::new(&lexicon);
    let pipeline = TextPipeline::new();
    let mut report = String::new();
    assert!(code_case(Lang::En, &cases[0], &coder, &pipeline, &mut report).hit);
    assert!(code_case(Lang::En, &cases[1], &coder, &pipeline, &mut report).hit);
    // The same sentence expected to code nothing is a failure, reported.
    let wrong = Case { expected: ("-".into(), "-".into(), "-".into()), ..cases[1].clone() };
    let outcome = code_case(Lang::En, &wrong, &coder, &pipeline, &mut report);
    assert!(!outcome.hit && outcome.extra(&wrong) == 1);
    assert!(report.contains("n2 expected - - -"), "{report}");
}
