//! Loads the anchor validation suites and checks them against counts made here
//! independently (plain text scanning, not the crate's parser).

use std::path::PathBuf;

use dyad_eval::{load_suite, score, Level, SuiteFormat, Triple};

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

/// Text with `<!-- ... -->` removed.
fn without_comments(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        rest = match rest[i..].find("-->") {
            Some(j) => &rest[i + j + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

struct XmlCounts {
    sentences: usize,
    codings: usize,
    noevents: usize,
    errors: usize,
    not_included: usize,
    evaluate_false: usize,
    /// Included, evaluated sentences without any `<EventCoding>` (PETRARCH skips them).
    no_coding: usize,
}

fn count_xml(text: &str) -> XmlCounts {
    let t = without_comments(text);
    let include: Vec<&str> = t
        .split("<Include>")
        .nth(1)
        .and_then(|s| s.split("</Include>").next())
        .map(|s| s.split_whitespace().collect())
        .unwrap_or_default();
    let mut c = XmlCounts {
        sentences: 0,
        codings: 0,
        noevents: 0,
        errors: 0,
        not_included: 0,
        evaluate_false: 0,
        no_coding: 0,
    };
    let mut open_ok = false;
    let mut seen_coding = false;
    for line in t.lines() {
        let l = line.trim_start();
        if l.starts_with("<Sentence ") {
            c.sentences += 1;
            let cat = l.split("category=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("");
            open_ok = false;
            seen_coding = false;
            if l.contains("evaluate=\"false\"") {
                c.evaluate_false += 1;
            } else if !include.contains(&cat) {
                c.not_included += 1;
            } else {
                open_ok = true;
            }
        }
        if l.starts_with("</Sentence>") && open_ok && !seen_coding {
            c.no_coding += 1;
        }
        if l.starts_with("<EventCoding") {
            seen_coding = true;
            if l.contains("eventcode") {
                c.codings += 1;
            } else if l.contains("noevents") {
                c.noevents += 1;
            } else if l.contains("error=") {
                c.errors += 1;
            }
        }
    }
    c
}

fn check_xml(rel: &str) -> Option<(dyad_eval::Suite, XmlCounts)> {
    let dir = anchors()?;
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).ok()?;
    let want = count_xml(&text);
    let suite = match load_suite(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(suite.format, SuiteFormat::PetrarchXml);
    assert_eq!(suite.records.len(), want.sentences, "sentences");
    let codings: usize = suite.records.iter().map(|r| r.expected.len()).sum();
    assert_eq!(codings, want.codings, "codings");
    let noev = suite.records.iter().filter(|r| r.expects_no_event && r.expected_error.is_none()).count();
    assert_eq!(noev, want.noevents, "noevents");
    let errs = suite.records.iter().filter(|r| r.expected_error.is_some()).count();
    assert_eq!(errs, want.errors, "error codings");
    let skipped = suite.records.iter().filter(|r| !r.evaluate).count();
    assert_eq!(skipped, want.not_included + want.evaluate_false + want.no_coding, "records left out");
    assert!(suite.records.iter().all(|r| !r.text.is_empty()));
    assert!(
        suite
            .records
            .iter()
            .all(|r| !r.text.contains('(') || r.id.contains("PARS") || !r.text.contains("(ROOT")),
        "no parse leaked into text"
    );
    let d = &suite.dictionaries;
    for p in d.verbs.iter().chain(&d.actors).chain(&d.agents).chain(&d.discards) {
        assert!(p.is_absolute(), "{}", p.display());
        assert!(p.is_file(), "dictionary {} exists", p.display());
    }
    eprintln!(
        "{rel}: {} records, {} evaluated, {} codings, {} noevents, {} error records; {} warnings",
        suite.records.len(),
        suite.evaluated().count(),
        codings,
        noev,
        errs,
        suite.warnings.len()
    );
    for w in &suite.warnings {
        eprintln!("  warning: {w}");
    }
    Some((suite, want))
}

#[test]
fn petrarch2_unit_test_records() {
    let Some((suite, want)) = check_xml("petrarch2/PETR.UnitTest.records.xml") else {
        return;
    };
    // The README's figures for this file.
    assert_eq!(want.sentences, 284);
    assert_eq!(want.codings, 359);
    assert_eq!(want.noevents, 19);
    let first = &suite.records[0];
    assert_eq!(first.id, "DEMO-00");
    assert_eq!(first.expected, [Triple::new("ARN", "GON", "064")]);
    assert!(first
        .text
        .starts_with("Arnor is about to restore full diplomatic ties with Gondor almost five years"));
    assert_eq!(first.date, chrono::NaiveDate::from_ymd_opt(1995, 1, 1));
    assert_eq!(suite.dictionaries.actors.len(), 1);
}

#[test]
fn ud_petrarch_validate_records() {
    let Some((suite, _)) = check_xml("universal-petrarch/PETR_Validate_records_2_02.xml") else {
        return;
    };
    assert!(suite
        .records
        .iter()
        .any(|r| !r.evaluate && r.skip_reason.as_deref() == Some("evaluate=\"false\"")));
}

#[test]
fn tabari_validate_text() {
    let Some(dir) = anchors() else { return };
    let path = dir.join("tabari/Validate.text");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    // Independent count: header lines and `{ a / b / c }` groups before the stop record.
    let mut headers = 0;
    let mut required = 0;
    let mut optional = 0;
    let mut last_header_before_stop = 0;
    for line in text.lines() {
        if line.contains("end of the standard validation records") && !line.contains('"') {
            break;
        }
        let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits >= 6 && line[digits..].starts_with([' ', '\t']) && !line[digits..].trim().is_empty() {
            headers += 1;
            last_header_before_stop = headers;
        }
        let mut rest = line;
        while let Some(i) = rest.find('{') {
            let Some(j) = rest[i..].find('}') else { break };
            let body = &rest[i + 1..i + j];
            if body.split('/').count() == 3 {
                if rest[..i].trim_end().ends_with('-') {
                    optional += 1;
                } else {
                    required += 1;
                }
            }
            rest = &rest[i + j + 1..];
        }
    }
    // The stop record's own header was counted; it is not loaded.
    let want_records = last_header_before_stop - 1;
    let suite = match load_suite(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    for w in &suite.warnings {
        eprintln!("  warning: {w}");
    }
    assert_eq!(suite.format, SuiteFormat::TabariText);
    assert_eq!(suite.records.len(), want_records, "records");
    let req: usize = suite.records.iter().map(|r| r.expected.len()).sum();
    let opt: usize = suite.records.iter().map(|r| r.optional.len()).sum();
    assert_eq!(req, required, "required codings");
    assert_eq!(opt, optional, "optional codings");
    let noev = suite.records.iter().filter(|r| r.expects_no_event).count();
    let with_options = suite.records.iter().filter(|r| !r.options.is_empty()).count();
    let evaluated = suite.evaluated().count();
    let with_required = suite.records.iter().filter(|r| !r.expected.is_empty()).count();
    let optional_only =
        suite.records.iter().filter(|r| r.expected.is_empty() && !r.optional.is_empty()).count();
    eprintln!("Validate.text: {with_required} records with required codings, {optional_only} with only optional ones");
    eprintln!(
        "Validate.text: {} records ({headers} headers before the stop line), {} evaluated, \
         {req} required + {opt} optional codings, {noev} no-event, {with_options} with options; {} warnings",
        suite.records.len(),
        evaluated,
        suite.warnings.len()
    );
    let d = &suite.dictionaries;
    assert!(d.verbs.as_ref().is_some_and(|p| p.ends_with("TABARI.Demo.verbs") && p.is_file()));
    assert_eq!(d.actors.len(), 1);
    assert!(d.actors.iter().all(|p| p.is_file()));
    assert!(d.options.as_ref().is_some_and(|p| p.is_file()));
    assert!(d.agents.as_ref().is_some_and(|p| p.is_file()));
    let demo1 = suite.records.iter().find(|r| r.id == "DEMO-01");
    assert!(demo1.is_some_and(|r| r.expected == [Triple::new("ARN", "GON", "064")]));
}

#[test]
fn scoring_the_expectations_themselves_is_perfect() {
    let Some(dir) = anchors() else { return };
    for rel in [
        "petrarch2/PETR.UnitTest.records.xml",
        "universal-petrarch/PETR_Validate_records_2_02.xml",
        "tabari/Validate.text",
    ] {
        let suite = match load_suite(&dir.join(rel)) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        let produced: Vec<Vec<Triple>> = suite.records.iter().map(|r| r.expected.clone()).collect();
        let report = score(&suite, &produced);
        let want: usize = suite.evaluated().map(|r| r.expected.len()).sum();
        for l in Level::ALL {
            let c = report.level(l).overall;
            assert_eq!((c.found, c.missed, c.false_positives), (want, 0, 0), "{rel} {l}");
        }
        let nothing = score(&suite, &vec![Vec::new(); suite.records.len()]);
        assert_eq!(nothing.level(Level::Exact).overall.missed, want);
        assert_eq!(nothing.no_event_correct, nothing.no_event_records);
        eprintln!("{}", report);
    }
}
