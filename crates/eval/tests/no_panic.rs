//! `load_suite` must never panic, whatever the file holds.

use proptest::prelude::*;

fn check(bytes: &[u8]) {
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join("suite.txt");
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(suite) = dyad_eval::load_suite(&path) {
        let produced: Vec<Vec<dyad_eval::Triple>> =
            suite.records.iter().map(|r| r.expected.clone()).collect();
        let report = dyad_eval::score(&suite, &produced);
        let _ = report.to_string();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn xml_like(body in "(<Sentence ?[a-z =\"'0-9]{0,20}>|<EventCoding[ a-z=\"'A-Z0-9/]{0,30}>|<Text>|</Text>|</Sentence>|<Stop>|<!--|-->|<Parse>|&[a-z#0-9]{0,5};?|[ -~\n\u{e9}\u{4e2d}]{0,10}){0,40}") {
        check(format!("<Validation><Environment><Include>valid A</Include></Environment>{body}").as_bytes());
    }

    #[test]
    fn tabari_like(body in "([0-9]{5,9}[ \t][A-Z\u{e9}-]{0,6}\n|/\\*|\\*/|-?\\{[ A-Z/+#:\u{4e2d}-]{0,12}\\}?|[ -~\n\u{e9}]{0,10}){0,40}") {
        check(body.as_bytes());
    }
}

#[test]
fn unreadable_and_unknown_files_are_errors() {
    let dir = tempfile::tempdir().map_err(|e| e.to_string());
    let Ok(dir) = dir else { return };
    let missing = dyad_eval::load_suite(&dir.path().join("nope.xml"));
    assert!(matches!(missing, Err(dyad_eval::EvalError::Io { .. })));
    let p = dir.path().join("junk.txt");
    assert!(std::fs::write(&p, "hello world\n").is_ok());
    let err = dyad_eval::load_suite(&p);
    match err {
        Err(e @ dyad_eval::EvalError::Format { .. }) => assert!(e.to_string().contains("junk.txt")),
        other => panic!("expected a format error, got {other:?}"),
    }
}
