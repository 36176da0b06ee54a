//! Loads every TABARI / PETRARCH reference dictionary and checks the counts
//! against an independent, line-based count of the same file.

use std::collections::HashSet;
use std::path::PathBuf;

use dyad_lexicon::{foreign, Lexicon};

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

/// The non-comment, non-empty lines (1-based number, trimmed text), found
/// independently of the loader: whole-line `#`/`;` comments, `<!-- -->`
/// blocks, and everything after a `~~` line are left out.
fn content_lines(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw.to_owned();
        // Remove <!-- --> (and "<! --") comments, possibly spanning lines.
        let mut kept = String::new();
        let mut rest = line.as_str();
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(p) => {
                        rest = &rest[p + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                let open = rest.find("<!--").or_else(|| rest.find("<! --"));
                match open {
                    Some(p) => {
                        kept.push_str(&rest[..p]);
                        rest = &rest[p + 4..];
                        in_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        line = kept;
        let t = line.trim();
        if t.starts_with("~~") {
            break;
        }
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        out.push((i as u32 + 1, t.to_owned()));
    }
    out
}

fn read(path: &PathBuf) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn warned_lines(lex: &Lexicon) -> HashSet<u32> {
    lex.warnings.iter().filter(|w| !w.message.contains("not valid UTF-8")).map(|w| w.line).collect()
}

fn check_verbs(rel: &str) {
    let Some(dir) = anchors() else { return };
    let path = dir.join(rel);
    let lex = foreign::load_verbs(&path).unwrap_or_else(|e| panic!("{e}"));
    let stats = lex.stats();
    println!("{rel}: {stats}");
    assert!(stats.verbs > 0 && stats.verb_forms >= stats.verbs && stats.patterns > 0);
    // Every `- ` line is a loaded pattern or a warning, never both.
    let pattern_lines: HashSet<u32> = content_lines(&read(&path))
        .into_iter()
        .filter(|(_, t)| t.starts_with('-') && !t.starts_with("---"))
        .map(|(n, _)| n)
        .collect();
    let loaded: HashSet<u32> =
        lex.verbs.iter().flat_map(|v| v.patterns.iter().map(|p| p.rule.line)).collect();
    let warned = warned_lines(&lex);
    for n in &pattern_lines {
        assert!(
            loaded.contains(n) != warned.contains(n),
            "{rel}:{n}: pattern line must be loaded xor warned"
        );
    }
    assert!(loaded.is_subset(&pattern_lines), "{rel}: a pattern came from a non-pattern line");
    println!(
        "  pattern lines={} loaded={} warned={}",
        pattern_lines.len(),
        loaded.len(),
        pattern_lines.intersection(&warned).count()
    );
    // Every synset reference points at a synset.
    for v in &lex.verbs {
        for p in &v.patterns {
            assert_eq!(
                p.tokens.iter().filter(|t| t.item == dyad_lexicon::PatternItem::Verb).count(),
                1,
                "{}",
                p.rule
            );
            assert!(!p.rule.text.contains(['#', ';']) || p.rule.text.contains("[#"), "{}", p.rule);
        }
    }
}

#[test]
fn tabari_demo_verbs() {
    check_verbs("tabari/TABARI.Demo.verbs");
}

#[test]
fn tabari_master_verbs() {
    check_verbs("tabari/CAMEO.091003.master.verbs");
}

#[test]
fn petrarch_validate_verbs() {
    check_verbs("petrarch2/PETR.Validate.verbs.txt");
}

#[test]
fn petrarch2_cameo_verbs() {
    check_verbs("petrarch2/CAMEO.2.0.txt");
}

#[test]
fn universal_petrarch_verbs() {
    check_verbs("universal-petrarch/PETR_Validate_verbs_2_02.txt");
}

fn check_actors(rel: &str) {
    let Some(dir) = anchors() else { return };
    let path = dir.join(rel);
    let lex = foreign::load_actors(&path).unwrap_or_else(|e| panic!("{e}"));
    let stats = lex.stats();
    println!("{rel}: {stats}");
    assert!(stats.actors > 0);
    // Independent count: name and synonym lines, bracketed codes, and words
    // inside <NOUN>/<ADJECTIVE>.
    let mut names = 0usize;
    let mut codes = 0usize;
    let mut forced = 0usize;
    let mut in_section = false;
    for (_, t) in content_lines(&read(&path)) {
        let upper = t.to_uppercase();
        if upper == "<NOUN>" || upper == "<ADJECTIVE>" {
            in_section = true;
            continue;
        }
        if upper == "</NOUN>" || upper == "</ADJECTIVE>" {
            in_section = false;
            continue;
        }
        if in_section {
            forced += 1;
            continue;
        }
        // Brackets opened before a comment mark that stands outside brackets.
        let mut depth = 0;
        for c in t.chars() {
            match c {
                '[' => {
                    depth += 1;
                    codes += 1;
                }
                ']' => depth = 0,
                '#' | ';' if depth == 0 => break,
                _ => {}
            }
        }
        if !t.starts_with('[') {
            names += 1;
        }
    }
    // What the loader skipped, as its warnings say.
    let skipped_codes = lex.warnings.iter().filter(|w| w.message.starts_with("code [")).count();
    let skipped_names: usize = lex
        .warnings
        .iter()
        .filter_map(|w| {
            let m = &w.message;
            let start = m.find(" (")? + 2;
            let end = m.find(" names) has no code")?;
            m.get(start..end)?.parse::<usize>().ok()
        })
        .sum();
    println!("  name lines={names} codes={codes} forced={forced}");
    assert_eq!(stats.forced_words, forced, "{rel}: forced words");
    assert_eq!(stats.actor_codes + skipped_codes, codes, "{rel}: codes");
    assert_eq!(stats.actor_names + skipped_names, names, "{rel}: names");
    for a in &lex.actors {
        assert!(!a.codes.is_empty() && !a.names.is_empty(), "{}", a.rule);
    }
}

#[test]
fn tabari_demo_actors() {
    check_actors("tabari/TABARI.Demo.actors");
}

#[test]
fn petrarch_validate_actors() {
    check_actors("petrarch2/PETR.Validate.actors.txt");
}

#[test]
fn universal_petrarch_actors() {
    check_actors("universal-petrarch/PETR_Validate_actors_2_02.txt");
}

#[test]
fn phoenix_countries_actors() {
    check_actors("petrarch2/Phoenix.Countries.actors.txt");
}

#[test]
fn phoenix_international_actors() {
    check_actors("petrarch2/Phoenix.International.actors.txt");
}

#[test]
fn phoenix_milnonstate_actors() {
    check_actors("petrarch2/Phoenix.MilNonState.actors.txt");
}

fn check_agents(rel: &str) {
    let Some(dir) = anchors() else { return };
    let path = dir.join(rel);
    let lex = foreign::load_agents(&path).unwrap_or_else(|e| panic!("{e}"));
    let stats = lex.stats();
    println!("{rel}: {stats}");
    let entries = content_lines(&read(&path))
        .into_iter()
        .filter(|(_, t)| !(t.starts_with('!') && t.contains('=') && !t.contains('[')))
        .count();
    println!("  entry lines={entries}");
    assert!(stats.agents > 0);
    assert_eq!(stats.agents + lex.warnings.len(), entries, "{rel}");
    assert!(stats.agent_names >= stats.agents);
    for a in &lex.agents {
        assert!(a.code.contains('~'), "{}", a.rule);
        assert_eq!(a.code.trim(), &*a.code);
    }
}

#[test]
fn tabari_validate_agents() {
    check_agents("tabari/Validate.agents");
}

#[test]
fn petrarch_validate_agents() {
    check_agents("petrarch2/PETR.Validate.agents.txt");
}

#[test]
fn universal_petrarch_agents() {
    check_agents("universal-petrarch/PETR_Validate_agents_2_02.txt");
}

#[test]
fn phoenix_agents() {
    check_agents("petrarch2/Phoenix.agents.txt");
}

fn check_discards(rel: &str) -> Option<Lexicon> {
    let dir = anchors()?;
    let path = dir.join(rel);
    let lex = foreign::load_discards(&path).unwrap_or_else(|e| panic!("{e}"));
    let stats = lex.stats();
    println!("{rel}: {stats}");
    let text = read(&path);
    let lines = content_lines(&text);
    let encoding_warnings = usize::from(std::str::from_utf8(&std::fs::read(&path).ok()?).is_err());
    assert_eq!(stats.discards + lex.warnings.len(), lines.len() + encoding_warnings, "{rel}");
    let story_lines = lines.iter().filter(|(_, t)| t.starts_with('+')).count();
    let story = lex.discards.iter().filter(|d| d.scope == dyad_lexicon::DiscardScope::Story).count();
    assert!(story <= story_lines);
    Some(lex)
}

#[test]
fn petrarch_discards() {
    if let Some(lex) = check_discards("petrarch2/PETR.Validate.discards.txt") {
        assert!(lex.warnings.is_empty());
    }
    check_discards("universal-petrarch/PETR_Validate_discards_2_02.txt");
    if let Some(lex) = check_discards("petrarch2/Phoenix.discards.txt") {
        assert!(lex.discards.iter().any(|d| d.scope == dyad_lexicon::DiscardScope::Story));
    }
}

#[test]
fn tabari_discards_is_spreadsheet_data() {
    // This file holds tab-separated event records, not phrases: every line
    // must be reported, none loaded.
    if let Some(lex) = check_discards("tabari/discards.txt") {
        assert_eq!(lex.discards.len(), 0);
    }
}

#[test]
fn tabari_options() {
    let Some(dir) = anchors() else { return };
    // Validate.options says `COMPLEX: … NOACTPRIOR`; nothing else either file
    // says changes coding.
    for (rel, no_actor_prior) in [("tabari/Validate.options", true), ("tabari/CAMEO.09b5.options", false)] {
        let o = foreign::load_options(&dir.join(rel)).unwrap_or_else(|e| panic!("{e}"));
        println!("{rel}: {o:?}");
        assert_eq!(
            o,
            dyad_lexicon::CodingOptions { no_actor_prior, ..dyad_lexicon::CodingOptions::default() }
        );
    }
}

/// The whole Phoenix set loads; its load time is measured by
/// `scripts/bench.sh`, not here (timed tests fail on busy machines).
#[test]
fn phoenix_set_loads() {
    let Some(dir) = anchors() else { return };
    let mut lex = foreign::load_verbs(&dir.join("petrarch2/CAMEO.2.0.txt")).unwrap_or_default();
    for f in ["Countries", "International", "MilNonState"] {
        let p = dir.join(format!("petrarch2/Phoenix.{f}.actors.txt"));
        lex.extend(foreign::load_actors(&p).unwrap_or_default());
    }
    lex.extend(foreign::load_agents(&dir.join("petrarch2/Phoenix.agents.txt")).unwrap_or_default());
    lex.extend(foreign::load_discards(&dir.join("petrarch2/Phoenix.discards.txt")).unwrap_or_default());
    let stats = lex.stats();
    assert!(stats.actors > 20_000 && stats.patterns > 5_000 && stats.agents > 1_000, "{stats}");
}
