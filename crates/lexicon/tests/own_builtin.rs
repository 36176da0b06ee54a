//! Tests of the built-in English dictionary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use dyad_lexicon::{own, CodeSpec};

fn codes(spec: &CodeSpec) -> Vec<&str> {
    match spec {
        CodeSpec::Null => vec![],
        CodeSpec::Single(c) => vec![c],
        CodeSpec::Paired(a, b) => vec![a, b],
    }
}

#[test]
fn english_loads_with_countries_and_all_roots() {
    // The load time is measured by `benchmarks/startup.sh`, not here.
    let lex = own::builtin("en").unwrap_or_else(|e| panic!("{e}"));
    // Country actors: an undated code of exactly three letters.
    let countries: BTreeSet<&str> = lex
        .actors
        .iter()
        .flat_map(|a| a.codes.iter())
        .filter(|c| c.code.len() == 3 && c.valid.from.is_none() && c.valid.to.is_none())
        .map(|c| &*c.code)
        .filter(|c| !["IGO", "NGO", "NGM", "ELI"].contains(c) && !c.ends_with("AFR"))
        .collect();
    assert!(countries.len() >= 190, "{} country actors", countries.len());
    for c in ["USA", "EGY", "QAT", "RUS", "CHN", "GBR", "VAT", "PSE"] {
        assert!(countries.contains(c), "{c}");
    }
    let mut roots = BTreeSet::new();
    for v in &lex.verbs {
        for c in codes(&v.code).into_iter().chain(v.patterns.iter().flat_map(|p| codes(&p.code))) {
            roots.insert(dyad_cameo::root(c).expect("a CAMEO code").to_string());
        }
    }
    let want: BTreeSet<String> = (1..=20).map(|n| format!("{n:02}")).collect();
    assert_eq!(roots, want);
    assert!(lex.agents.iter().any(|a| &*a.code == "~GOV"));
    assert!(lex.warnings.is_empty());
    for s in &lex.synsets {
        assert!(s.rule.file.starts_with("builtin:en/"));
    }
}

#[test]
fn english_names_resolve() {
    let lex = own::builtin("en").unwrap();
    let find = |word: &str| {
        lex.actors
            .iter()
            .filter(|a| a.names.iter().any(|n| n.words.len() == 1 && n.words[0].matcher.key() == word))
            .map(|a| a.codes[0].code.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(find("QATARI"), vec!["QAT"]);
    assert_eq!(find("EGYPTIAN"), vec!["EGY"]);
    assert_eq!(find("KREMLIN"), vec!["RUSGOV"]);
    assert_eq!(find("PENTAGON"), vec!["USAMIL"]);
    assert_eq!(find("NATO"), vec!["IGOWSTNAT"]);
}
