//! The validation suites from `../shared/anchors`, coded from text alone
//! with the suites' own dictionaries. Each has a floor on the share of
//! expected events found and a ceiling on false positives; raise the floors
//! as the coder improves, never lower them.

use std::path::PathBuf;

use dyad_cli::dictionaries::DictionaryArgs;
use dyad_cli::eval::run_suite;
use dyad_coder::CoderConfig;
use dyad_eval::Level;

fn anchors() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_ANCHORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/anchors")));
    if dir.join("README.md").is_file() {
        Some(dir)
    } else {
        eprintln!("skipping: anchors not found at {} (set DYAD_ANCHORS)", dir.display());
        None
    }
}

/// Runs a suite and checks recall and the false-positive share at the exact level.
fn check(suite: &str, min_found: f64, max_false_positive_share: f64) {
    let Some(dir) = anchors() else { return };
    let (suite, report) =
        run_suite(&dir.join(suite), &DictionaryArgs::default(), &CoderConfig::default(), true)
            .unwrap_or_else(|e| panic!("{suite}: {e:#}"));
    let exact = report.level(Level::Exact).overall;
    let found = exact.recall();
    let fp_share = 1.0 - exact.precision();
    eprintln!("{}: {report}", suite.path.display());
    assert!(
        found >= min_found,
        "{}: found {:.1}% of expected events, floor is {:.1}%",
        suite.path.display(),
        found * 100.0,
        min_found * 100.0
    );
    assert!(
        fp_share <= max_false_positive_share,
        "{}: {:.1}% of produced events are false positives, ceiling is {:.1}%",
        suite.path.display(),
        fp_share * 100.0,
        max_false_positive_share * 100.0
    );
}

#[test]
fn petrarch_unit_tests() {
    check("petrarch2/PETR.UnitTest.records.xml", 0.90, 0.085);
}

#[test]
fn tabari_validation() {
    check("tabari/Validate.text", 0.89, 0.10);
}
