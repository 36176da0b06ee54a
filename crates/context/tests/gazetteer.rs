//! The embedded gazetteer: data integrity, lookups, resolution rule and place mentions in five
//! languages.

use dyad_context::gazetteer::{Gazetteer, PlaceType};
use proptest::prelude::*;

fn gaz() -> &'static Gazetteer<'static> {
    Gazetteer::embedded()
}

#[test]
fn embedded_data_parses_and_is_complete() {
    let text = include_str!("../data/gazetteer.tsv");
    let parsed = Gazetteer::parse(text).unwrap_or_else(|e| panic!("{e}"));
    let places: Vec<_> = parsed.places().collect();
    let count = |k: PlaceType| places.iter().filter(|p| p.kind == k).count();
    eprintln!(
        "gazetteer: {} places ({} countries, {} regions, {} cities), {} bytes",
        places.len(),
        count(PlaceType::Country),
        count(PlaceType::Region),
        count(PlaceType::City),
        text.len()
    );
    assert!(count(PlaceType::Country) >= 240);
    assert!(count(PlaceType::Region) >= 2000);
    assert!(count(PlaceType::City) >= 30000);
    assert!(text.len() < 8_000_000);
    for p in &places {
        assert!(!p.name.is_empty());
        if p.kind != PlaceType::Region {
            assert_eq!(p.cameo.len(), 3, "{p:?}");
            assert!(p.fips.len() == 2 || p.fips.is_empty(), "{p:?}");
        }
        if p.kind == PlaceType::City {
            assert!(p.feature_id.parse::<u64>().is_ok(), "{p:?}");
        }
    }
    let big = places.iter().filter(|p| p.kind == PlaceType::City && p.population >= 15_000).count();
    assert!(big >= 33_000, "{big} cities of 15,000 people or more");
    assert_eq!(places.len(), parsed.len());
    // The embedded gazetteer parses its lines on first use: the same places.
    assert_eq!(parsed.len(), gaz().len());
    assert!(places.iter().zip(gaz().places()).all(|(a, b)| *a == b));
}

#[test]
fn countries_in_five_languages() {
    for name in ["Germany", "Germania", "Alemania", "Allemagne", "Deutschland"] {
        let hits = gaz().lookup(name);
        let best = gaz().resolve(&hits, &[]).unwrap_or_else(|| panic!("{name}"));
        assert_eq!((best.kind, best.cameo, best.fips), (PlaceType::Country, "DEU", "GM"), "{name}");
        assert_eq!(best.geo_type(), 1);
    }
    for (name, cameo) in [
        ("Stati Uniti", "USA"),
        ("Reino Unido", "GBR"),
        ("Côte d’Ivoire", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("Russland", "RUS"),
    ] {
        let best = gaz().resolve(&gaz().lookup(name), &[]).map(|p| p.cameo);
        assert_eq!(best, Some(cameo), "{name}");
    }
}

/// Every state the dictionaries name is a country of the gazetteer under
/// the same code: a place's country and an actor's must agree (Romania was
/// `ROM` here and `ROU` in the dictionaries, so "BUCAREST" gave ROMCVL).
#[test]
fn the_dictionaries_states_have_the_same_codes_here() {
    let countries: std::collections::HashSet<&str> =
        gaz().places().filter(|p| p.kind == PlaceType::Country).map(|p| p.cameo).collect();
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../lexicon/data"));
    for lang in ["en", "it", "es", "fr", "de"] {
        let path = dir.join(lang).join("countries.dyad");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for line in text.lines() {
            let Some((code, _)) = line.split_once(" = ") else { continue };
            if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
                assert!(
                    countries.contains(code),
                    "{lang}/countries.dyad names {code}, which the gazetteer lacks"
                );
            }
        }
    }
    assert_eq!(gaz().resolve(&gaz().lookup("Bucarest"), &[]).map(|p| p.cameo), Some("ROU"));
}

#[test]
fn resolution_rule() {
    let g = gaz();
    let paris = g.lookup("Paris");
    assert_eq!(g.resolve(&paris, &[]).map(|p| p.fips), Some("FR"));
    assert_eq!(g.resolve(&paris, &["USA"]).map(|p| p.adm1), Some("USTX"));
    assert_eq!(g.resolve(&paris, &["USTX"]).map(|p| p.adm1), Some("USTX"));
    let georgia = g.lookup("Georgia");
    assert_eq!(g.resolve(&georgia, &[]).map(|p| p.kind), Some(PlaceType::Country));
    assert_eq!(g.resolve(&georgia, &["USA"]).map(|p| p.adm1), Some("USGA"));
    let washington = g.resolve(&g.lookup("Washington"), &[]).map(|p| (p.kind, p.capital));
    assert_eq!(washington, Some((PlaceType::City, true)));
    let ny = g.resolve(&g.lookup("New York"), &[]).map(|p| p.kind);
    assert_eq!(ny, Some(PlaceType::City));
    assert!(g.resolve(&[], &["USA"]).is_none());
    let kyiv = g.resolve(&g.lookup("Kiev"), &[]).map(|p| (p.cameo, p.kind));
    assert_eq!(kyiv, Some(("UKR", PlaceType::City)));
}

#[test]
fn places_in_sentences() {
    type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);
    let cases: &[Case] = &[
        (
            "en",
            "Russian drones struck Kharkiv and Odesa overnight, officials in Kyiv said.",
            &[("Kharkiv", "UKR"), ("Odesa", "UKR"), ("Kyiv", "UKR")],
        ),
        (
            "en",
            "Jihadists are expanding across the Sahel and into the West Bank.",
            &[("Sahel", ""), ("West Bank", "PSE")],
        ),
        (
            "it",
            "Il ministro è volato a Parigi e poi in Medio Oriente.",
            &[("Parigi", "FRA"), ("Medio Oriente", "")],
        ),
        (
            "it",
            "Scontri nella Striscia di Gaza e in Cisgiordania.",
            &[("Striscia di Gaza", "PSE"), ("Cisgiordania", "PSE")],
        ),
        (
            "es",
            "El presidente viajó a Londres y a Ciudad de México.",
            &[("Londres", "GBR"), ("Ciudad de México", "MEX")],
        ),
        (
            "fr",
            "Le président s'est rendu à Bruxelles puis en Allemagne.",
            &[("Bruxelles", "BEL"), ("Allemagne", "DEU")],
        ),
        (
            "de",
            "Die Kanzlerin reiste nach München und in die Türkei.",
            &[("München", "DEU"), ("Türkei", "TUR")],
        ),
        ("de", "Gespräche in Moskau über den Balkan.", &[("Moskau", "RUS"), ("Balkan", "")]),
    ];
    let mut bad = Vec::new();
    for (lang, text, want) in cases {
        let found = gaz().find_places(text, lang);
        let got: Vec<(&str, &str)> = found.iter().map(|m| (m.text.as_str(), m.place.cameo)).collect();
        if got != *want {
            bad.push(format!("[{lang}] {text}\n   want {want:?}\n   got  {got:?}"));
        }
        let chars: Vec<char> = text.chars().collect();
        for m in &found {
            let span: String = chars[m.span.0..m.span.1].iter().collect();
            assert_eq!(span, m.text);
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn context_changes_the_choice_in_text() {
    let m = gaz().find_places_in_context("Storms hit Paris on Sunday.", "en", &["USA"]);
    assert_eq!(m.first().map(|m| m.place.adm1), Some("USTX"));
    assert!(m.first().is_some_and(|m| m.candidates.len() > 1));
}

#[test]
fn lower_case_words_are_not_places() {
    for (lang, text) in [
        ("en", "the nice mobile reading of the march"),
        ("it", "come sempre il governo ha detto"),
        ("en", "He said that parisian cafes were closed."),
    ] {
        let found = gaz().find_places(text, lang);
        assert!(found.is_empty(), "{text}: {:?}", found.iter().map(|m| &m.text).collect::<Vec<_>>());
    }
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,120}") {
        let n = s.chars().count();
        for m in gaz().find_places(&s, "en") {
            prop_assert!(m.span.0 < m.span.1 && m.span.1 <= n);
        }
        let _ = gaz().lookup(&s);
        let _ = Gazetteer::parse(&s);
    }
}

#[test]
fn compiled_index_agrees_with_one_built_at_run_time() {
    // `embedded()` uses the index `build.rs` wrote; `parse` builds its own from the same text.
    let text = include_str!("../data/gazetteer.tsv");
    let built = Gazetteer::parse(text).unwrap_or_else(|e| panic!("{e}"));
    fn ids(v: Vec<&dyad_context::gazetteer::Place<'_>>) -> Vec<String> {
        v.iter().map(|p| p.feature_id.to_string()).collect()
    }
    let mut checked = 0;
    for p in built.places().step_by(5) {
        for n in p.names {
            assert_eq!(ids(gaz().lookup(n)), ids(built.lookup(n)), "{n}");
            checked += 1;
        }
        let sentence =
            format!("Talks in {} and {} and near the {}.", p.name, p.full_name, p.name.to_lowercase());
        let a: Vec<_> =
            gaz().find_places(&sentence, "en").iter().map(|m| (m.span, m.place.feature_id)).collect();
        let b: Vec<_> =
            built.find_places(&sentence, "en").iter().map(|m| (m.span, m.place.feature_id)).collect();
        assert_eq!(a, b, "{sentence}");
    }
    assert!(checked > 10_000, "{checked}");
}
