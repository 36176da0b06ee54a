//! Tests of the embedded CAMEO table against the rules and the reference files.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::PathBuf;

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
fn every_row_parses_and_codes_are_unique() {
    assert_eq!(dyad_cameo::all().len(), dyad_cameo::raw_row_count());
}

#[test]
fn code_count() {
    // 310 lines in GDELT's lookup, one of which merges 1056 and 106.
    assert_eq!(dyad_cameo::all().len(), 311);
}

#[test]
fn all_twenty_roots_present() {
    let roots: Vec<&str> = dyad_cameo::roots().map(|c| c.code).collect();
    let want: Vec<String> = (1..=20).map(|n| format!("{n:02}")).collect();
    assert_eq!(roots, want);
    for r in &want {
        assert!(dyad_cameo::children(r).count() > 0, "root {r} has no sub-codes");
    }
}

#[test]
fn quad_class_rule_holds_for_every_code() {
    for c in dyad_cameo::iter() {
        let root: u8 = c.root().parse().unwrap_or(0);
        let want = match root {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            14..=20 => 4,
            _ => 0,
        };
        assert_eq!(c.quad_class, want, "{}", c.code);
        assert_eq!(dyad_cameo::quad_class_of_root(c.root()), Some(want), "{}", c.code);
        assert_eq!(dyad_cameo::root(c.code), Some(c.root()));
        assert!(c.code.starts_with(c.root()));
    }
    assert_eq!(dyad_cameo::quad_class_of_root("00"), None);
    assert_eq!(dyad_cameo::quad_class_of_root("21"), None);
    assert_eq!(dyad_cameo::quad_class_of_root("1"), None);
}

#[test]
fn labels_are_clean() {
    for c in dyad_cameo::iter() {
        assert!(!c.label.is_empty(), "{}", c.code);
        assert!(c.label.is_ascii(), "{}: {}", c.code, c.label);
        assert!(!c.label.contains("  ") && c.label.trim() == c.label, "{}", c.code);
        assert!((-10.0..=10.0).contains(&c.goldstein));
        if c.root() == "01" || c.root() == "02" {
            assert_eq!(c.plover(), None, "{}", c.code);
        } else {
            assert!(c.plover().is_some(), "{}", c.code);
        }
    }
}

#[test]
fn known_facts() {
    let c = dyad_cameo::lookup("044").unwrap();
    assert_eq!(c.label, "Meet at a \"third\" location");
    assert_eq!(dyad_cameo::label("1056"), Some("Demand de-escalation of military engagement"));
    assert_eq!(dyad_cameo::label("106"), Some("Demand meeting, negotiation"));
    assert_eq!(dyad_cameo::goldstein("190"), Some(-10.0));
    assert_eq!(dyad_cameo::lookup("163").map(|c| c.plover_type), Some("COERCE"));
    assert_eq!(dyad_cameo::lookup("0871").and_then(|c| c.plover_mode), Some("ceasefire"));
    assert_eq!(dyad_cameo::lookup("999"), None);
    assert_eq!(dyad_cameo::lookup(""), None);
    assert_eq!(dyad_cameo::root("075A"), Some("07"));
    assert_eq!(dyad_cameo::root("0"), None);
    assert_eq!(dyad_cameo::root("01234"), None);
}

/// Every code and Goldstein score in the table matches the reference files.
#[test]
fn matches_reference_files() {
    let Some(dir) = anchors() else { return };
    let gold = std::fs::read_to_string(dir.join("cameo/CAMEO.goldsteinscale.txt"));
    let Ok(gold) = gold else {
        eprintln!("skipping: anchors not found");
        return;
    };
    let mut scores = HashMap::new();
    for line in gold.lines().skip(1) {
        let mut f = line.trim_end().split('\t');
        if let (Some(code), Some(score)) = (f.next(), f.next()) {
            scores.insert(code.to_string(), score.parse::<f32>().unwrap());
        }
    }
    assert_eq!(scores.len(), dyad_cameo::all().len());
    for (code, score) in &scores {
        let c = dyad_cameo::lookup(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(c.goldstein, *score, "{code}");
    }
    let lookup = std::fs::read_to_string(dir.join("cameo/LOOKUP-CAMEO.eventcodes.txt")).unwrap();
    let mut n = 0;
    for line in lookup.lines().skip(1) {
        let code = line.split('\t').next().unwrap_or("");
        assert!(dyad_cameo::is_valid(code), "{code}");
        n += 1;
        // Labels are verbatim up to whitespace, except those the build script repairs.
        const REPAIRED: &[&str] =
            &["033", "044", "101", "102", "103", "105", "106", "107", "108", "1056", "2041"];
        let label = line.split('\t').nth(1).unwrap_or("");
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        if !REPAIRED.contains(&code) {
            assert_eq!(dyad_cameo::label(code), Some(label.as_str()), "{code}");
        }
    }
    assert_eq!(n, 310);
    let crosswalk = std::fs::read_to_string(dir.join("plover/CAMEO2PLOVER-2021.txt")).unwrap();
    let mut checked = 0;
    for line in crosswalk.lines() {
        let Some((code, rest)) = line.split_once(':') else { continue };
        if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(c) = dyad_cameo::lookup(code) else { continue };
        let ptype = rest.split(',').next().unwrap_or("").trim();
        if code == "175" || code.starts_with("08") {
            continue; // listed twice / under two PLOVER types
        }
        assert_eq!(c.plover_type, ptype, "{code}");
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
}

proptest::proptest! {
    #[test]
    fn lookups_never_panic(s in ".{0,8}") {
        let _ = dyad_cameo::lookup(&s);
        let _ = dyad_cameo::root(&s);
        let _ = dyad_cameo::quad_class_of_root(&s);
        let _ = dyad_cameo::children(&s).count();
    }
}
