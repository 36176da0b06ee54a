//! The two PLOVER-coded gold standards of the anchors: the PLOVER gold-standard records
//! (JSON) and UniversalPetrarch's Spanish protest set (PLOVER-labelled XML), loaded by
//! `load_suite` and checked against counts made here independently; plus no-panic
//! proptests over JSON- and PLOVER-XML-shaped input.

use std::path::PathBuf;

use dyad_eval::{load_suite, score, Level, SuiteFormat, Triple};
use proptest::prelude::*;

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

#[test]
fn plover_gsr_loads_every_record() {
    let Some(dir) = anchors() else { return };
    let path = dir.join("plover/PLOVER_GSR_CAMEO.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // Independent count: array elements with a text, and those whose type is DOCUMENT.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let items = value.as_array().cloned().unwrap_or_default();
    let with_text = items
        .iter()
        .filter(|r| r.get("text").and_then(|t| t.as_str()).is_some_and(|t| !t.is_empty()))
        .count();

    let suite = load_suite(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(suite.format, SuiteFormat::PloverGsrJson);
    assert_eq!(suite.records.len(), items.len());
    assert_eq!(suite.records.len(), 323, "the README says 323 records");
    assert_eq!(suite.evaluated().count(), with_text);
    for r in suite.evaluated() {
        assert!(!r.expected.is_empty(), "{} expects nothing", r.id);
        for t in &r.expected {
            assert_eq!(t.code.len(), 2, "{}: {t}", r.id);
            assert!(t.source.len() >= 3 && t.target.len() >= 3, "{}: {t}", r.id);
        }
    }
    // The first AGREE record: Hungarian and Romanian officials agreed (reciprocal).
    let first = suite.records.iter().find(|r| r.id == "PLOVER-GSR01-AGREE-0001");
    let first = first.unwrap_or_else(|| panic!("PLOVER-GSR01-AGREE-0001 missing"));
    assert_eq!(
        first.expected,
        vec![Triple::new("HUNGOV", "ROUGOV", "03"), Triple::new("ROUGOV", "HUNGOV", "03")]
    );
    // No JAP/ITL/VTN left: they are ISO codes now.
    assert!(!suite.records.iter().flat_map(|r| &r.expected).any(|t| {
        ["JAP", "ITL", "VTN"].iter().any(|c| t.source.starts_with(c) || t.target.starts_with(c))
    }));
    // Scoring the gold against itself is perfect at country+root.
    let produced: Vec<Vec<Triple>> = suite.records.iter().map(|r| r.expected.clone()).collect();
    let c = score(&suite, &produced).level(Level::CountryRoot).overall;
    assert_eq!((c.missed, c.false_positives), (0, 0));
    eprintln!(
        "PLOVER GSR: {} records, {} evaluated, {} expected events",
        suite.records.len(),
        suite.evaluated().count(),
        c.found
    );
}

#[test]
fn spanish_plover_loads_every_label() {
    let Some(dir) = anchors() else { return };
    let path = dir.join("universal-petrarch/spanish_protest_plover_validation.xml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // Independent counts by plain scanning.
    let sentences = text.matches("<Sentence ").count();
    let labels = text.matches("<EventCoding ").count();
    let no_root = text.matches("plover=\"CRIME\"").count();
    let not_evaluated = text.matches("evaluate=\"false\"").count();

    let suite = load_suite(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(suite.format, SuiteFormat::PloverXml);
    assert_eq!(suite.records.len(), sentences);
    assert_eq!((sentences, labels), (765, 846), "the README says 765 sentences, 846 labels");
    let expected: usize = suite.records.iter().map(|r| r.expected.len()).sum();
    assert_eq!(expected, labels - no_root);
    assert!(suite.evaluated().count() <= sentences - not_evaluated);
    assert!(suite.records.iter().flat_map(|r| &r.expected).all(|t| t.code.len() == 2 && t.source == "---"));
    // A coder's 0234 (appeal) is PLOVER DEMAND: it finds a gold "10".
    let produced: Vec<Vec<Triple>> = suite
        .records
        .iter()
        .map(|r| {
            r.expected
                .iter()
                .map(|t| if t.code == "10" { Triple::new("---", "---", "0234") } else { t.clone() })
                .collect()
        })
        .collect();
    let c = score(&suite, &produced).level(Level::Root).overall;
    assert_eq!((c.missed, c.false_positives), (0, 0));
    // Statements (01) are not PLOVER events: not false positives.
    let statements: Vec<Vec<Triple>> =
        suite.records.iter().map(|_| vec![Triple::new("---", "---", "010")]).collect();
    let c = score(&suite, &statements).level(Level::Root).overall;
    assert_eq!(c.false_positives, 0);
    eprintln!(
        "Spanish PLOVER: {} sentences, {} evaluated, {expected} expected events",
        sentences,
        suite.evaluated().count()
    );
}

fn check(bytes: &[u8], name: &str) {
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join(name);
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(suite) = load_suite(&path) {
        let produced: Vec<Vec<Triple>> = suite.records.iter().map(|r| r.expected.clone()).collect();
        let _ = score(&suite, &produced).to_string();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn gsr_like(body in "(\\{|\\}|\\[|\\]|,|:|\"(id|event|eventText|text|source|target|code|sector|date|textInfo|markup)\"|\"[A-Z/: ]{0,8}\"|[0-9]{1,3}|null|true|[ \n\u{e9}]){0,60}") {
        check(format!("[{{\"event\": \"AGREE\", \"eventText\": \"x\"}}, {body}").as_bytes(), "gsr.txt");
    }

    #[test]
    fn plover_xml_like(body in "(<Sentence ?[a-z =\"'0-9]{0,20}>|<EventCoding[ a-z=\"'A-Z0-9/]{0,30}plover=\"[A-Z]{0,8}\" ?/?>|<Text>|</Text>|</Sentence>|[ -~\n\u{e9}\u{4e2d}]{0,10}){0,40}") {
        check(format!("<Validation><EventCoding plover=\"X\"/>{body}").as_bytes(), "es.xml");
    }
}
