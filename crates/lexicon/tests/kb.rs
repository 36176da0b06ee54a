//! The office-holders knowledge base `data/kb/office_holders.dyad`: it parses, its structured
//! office tags agree with its dated codes, G20 heads of government cover 2000-01-01..2026-06-30,
//! heads of state or government of states in conflict cover 2019-01-01..2025-10-31,
//! no office has two holders at once, and spot checks of codes on given dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dyad_lexicon::model::{ActorEntry, Lexicon, WordMatcher};
use dyad_lexicon::own;

const KB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kb/office_holders.dyad");

const G20: &[&str] = &[
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
    "ZAF", "TUR", "GBR", "USA",
];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s:?}: {e}"))
}

/// One term from an `# @office` tag.
#[derive(Clone, Debug)]
struct Term {
    roles: Vec<String>,
    org: String,
    /// explicit code (`=CODE`), for non-office dated codes
    code: Option<String>,
    from: NaiveDate,
    to: Option<NaiveDate>,
    line: u32,
    who: String,
}

fn load() -> (Lexicon, String) {
    let text = std::fs::read_to_string(KB).unwrap_or_else(|e| panic!("{KB}: {e}"));
    let lex = own::load(KB).unwrap_or_else(|e| panic!("{e}"));
    (lex, text)
}

fn name_of(e: &ActorEntry) -> String {
    e.names
        .first()
        .map(|p| {
            p.words
                .iter()
                .map(|w| match &w.matcher {
                    WordMatcher::Exact(s) | WordMatcher::Stem(s) | WordMatcher::Lemma(s) => s.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// Parses the `# @office` tag of each actor line.
fn terms(lex: &Lexicon, text: &str) -> Vec<Term> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for e in &lex.actors {
        let line = lines.get(e.rule.line as usize - 1).copied().unwrap_or("");
        let tag = line
            .split_once("# @office ")
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("line {}: actor without an @office tag: {line}", e.rule.line));
        for part in tag.split(';').map(str::trim) {
            let (head, range) = part
                .split_once(' ')
                .unwrap_or_else(|| panic!("line {}: bad office term {part:?}", e.rule.line));
            let (from, to) =
                range.split_once("..").unwrap_or_else(|| panic!("line {}: bad range {range:?}", e.rule.line));
            let to = (!to.is_empty()).then(|| date(to));
            let (roles, org, code) = if let Some(code) = head.strip_prefix('=') {
                (Vec::new(), String::new(), Some(code.to_string()))
            } else {
                let (roles, org) = head
                    .split_once('@')
                    .unwrap_or_else(|| panic!("line {}: bad office {head:?}", e.rule.line));
                (roles.split('+').map(str::to_string).collect(), org.to_string(), None)
            };
            for r in &roles {
                assert!(
                    ["HOS", "HOG", "FM", "DM", "NSA", "VP", "SG", "PRES"].contains(&r.as_str()),
                    "line {}: unknown role {r}",
                    e.rule.line
                );
            }
            out.push(Term { roles, org, code, from: date(from), to, line: e.rule.line, who: name_of(e) });
        }
    }
    out
}

/// The code an actor gets on `day`: the first dated code containing it, else the first undated.
fn code_on(e: &ActorEntry, day: NaiveDate) -> Option<String> {
    e.codes
        .iter()
        .find(|c| (c.valid.from.is_some() || c.valid.to.is_some()) && c.valid.contains(day))
        .or_else(|| e.codes.iter().find(|c| c.valid.from.is_none() && c.valid.to.is_none()))
        .map(|c| c.code.to_string())
}

fn actor<'a>(lex: &'a Lexicon, name: &str) -> &'a ActorEntry {
    let want = name.to_uppercase();
    lex.actors
        .iter()
        .find(|e| {
            e.names.iter().any(|p| {
                p.words.iter().map(|w| w.matcher.key().to_string()).collect::<Vec<_>>().join(" ") == want
            })
        })
        .unwrap_or_else(|| panic!("no actor named {name}"))
}

#[test]
fn parses_with_many_entries() {
    let (lex, _) = load();
    assert!(lex.actors.len() >= 400, "only {} office holders", lex.actors.len());
    assert!(lex.verbs.is_empty() && lex.agents.is_empty());
    eprintln!(
        "office holders: {} entries, {} names",
        lex.actors.len(),
        lex.actors.iter().map(|a| a.names.len()).sum::<usize>()
    );
}

#[test]
fn no_bare_surnames() {
    let (lex, _) = load();
    let mut bad = Vec::new();
    for e in &lex.actors {
        for p in &e.names {
            if p.words.len() < 2
                && !["SUGIONO"].contains(&p.words.first().map(|w| w.matcher.key()).unwrap_or(""))
            {
                bad.push(format!("line {}: {:?}", e.rule.line, p.words.first().map(|w| w.matcher.key())));
            }
        }
    }
    assert!(bad.is_empty(), "single-word names (surnames are coreference, not names):\n{}", bad.join("\n"));
}

#[test]
fn office_tags_agree_with_codes() {
    let (lex, text) = load();
    let ts = terms(&lex, &text);
    let mut bad = Vec::new();
    for e in &lex.actors {
        let last = e.codes.last().map(|c| c.code.to_string()).unwrap_or_default();
        if !(last.ends_with("ELI")
            && e.codes.last().is_some_and(|c| c.valid.from.is_none() && c.valid.to.is_none()))
        {
            bad.push(format!(
                "line {}: the fallback code should be an undated ...ELI, is {last}",
                e.rule.line
            ));
        }
        for t in ts.iter().filter(|t| t.line == e.rule.line) {
            let want = match &t.code {
                Some(c) => c.clone(),
                None if t.org.starts_with("IGO") => t.org.clone(),
                None => format!("{}GOV", t.org),
            };
            let ok = e
                .codes
                .iter()
                .any(|c| *c.code == *want && c.valid.from == Some(t.from) && c.valid.to == t.to);
            if !ok {
                bad.push(format!(
                    "line {} ({}): no code {want} from {} to {:?}",
                    t.line, t.who, t.from, t.to
                ));
            }
            if let Some(to) = t.to {
                if to < t.from {
                    bad.push(format!("line {}: reversed term", t.line));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_office_has_two_holders_at_once() {
    let (lex, text) = load();
    let ts = terms(&lex, &text);
    let mut by_office: BTreeMap<(String, String), Vec<&Term>> = BTreeMap::new();
    for t in &ts {
        for r in &t.roles {
            by_office.entry((t.org.clone(), r.clone())).or_default().push(t);
        }
    }
    let mut bad = Vec::new();
    for ((org, role), mut list) in by_office {
        list.sort_by_key(|t| t.from);
        for w in list.windows(2) {
            let (a, b) = (w[0], w[1]);
            // a handover day belongs to both holders; anything more is an overlap
            if a.to.is_none_or(|end| b.from < end) {
                bad.push(format!(
                    "{role}@{org}: {} (line {}, {}..{:?}) overlaps {} (line {}, from {})",
                    a.who, a.line, a.from, a.to, b.who, b.line, b.from
                ));
            }
        }
    }
    assert!(bad.is_empty(), "overlapping terms:\n{}", bad.join("\n"));
}

/// The days of `start..=end` on which no one holds one of `roles` of `org`, as readable gaps.
fn gaps(ts: &[Term], org: &str, roles: &[&str], start: NaiveDate, end: NaiveDate) -> Vec<String> {
    let mut list: Vec<&Term> =
        ts.iter().filter(|t| t.org == org && t.roles.iter().any(|r| roles.contains(&r.as_str()))).collect();
    list.sort_by_key(|t| t.from);
    let mut out = Vec::new();
    let mut covered_to = start.pred_opt().unwrap_or(start); // last covered day
    for t in &list {
        if t.from > covered_to.succ_opt().unwrap_or(covered_to) && t.from <= end && covered_to < end {
            out.push(format!(
                "{org}: no {} from {} to {}",
                roles.join("/"),
                covered_to.succ_opt().unwrap_or(covered_to),
                t.from.pred_opt().unwrap_or(t.from)
            ));
        }
        let t_end = t.to.unwrap_or(end);
        if t_end > covered_to {
            covered_to = t_end;
        }
    }
    if covered_to < end {
        out.push(format!("{org}: no {} after {covered_to}", roles.join("/")));
    }
    out
}

#[test]
fn g20_heads_of_government_cover_2000_to_mid_2026() {
    let (lex, text) = load();
    let ts = terms(&lex, &text);
    let found: Vec<String> =
        G20.iter().flat_map(|cc| gaps(&ts, cc, &["HOG"], date("2000-01-01"), date("2026-06-30"))).collect();
    assert!(found.is_empty(), "gaps in G20 heads of government:\n{}", found.join("\n"));
}

/// States in active conflict (and mediators) whose leaders the news names most.
const CONFLICT: &[&str] = &[
    "UKR", "ISR", "PSE", "IRN", "SYR", "SDN", "YEM", "EGY", "QAT", "ETH", "MMR", "MLI", "BFA", "NER", "AFG",
    "LBN", "IRQ", "LBY", "NGA", "VEN", "SOM", "COD", "AZE", "RWA", "BLR",
];

#[test]
fn conflict_states_have_a_leader_from_2019_on() {
    let (lex, text) = load();
    let ts = terms(&lex, &text);
    let found: Vec<String> = CONFLICT
        .iter()
        .flat_map(|cc| gaps(&ts, cc, &["HOS", "HOG"], date("2019-01-01"), date("2025-10-31")))
        .collect();
    assert!(found.is_empty(), "gaps in conflict states' leaders:\n{}", found.join("\n"));
}

#[test]
fn spot_checks() {
    let (lex, _) = load();
    let cases = [
        ("Joe Biden", "2022-05-01", "USAGOV"),
        ("Joe Biden", "2026-01-01", "USAELI"),
        ("Joe Biden", "2012-06-01", "USAGOV"),
        ("Joe Biden", "2019-06-01", "USAELI"),
        ("Donald Trump", "2017-02-01", "USAGOV"),
        ("Donald Trump", "2025-03-01", "USAGOV"),
        ("Donald Trump", "2022-03-01", "USAELI"),
        ("Olaf Scholz", "2023-01-01", "DEUGOV"),
        ("Angela Merkel", "2023-01-01", "DEUELI"),
        ("Recep Tayyip Erdogan", "2020-01-01", "TURGOV"),
        ("Tayyip Erdoğan", "2001-01-01", "TURELI"),
        ("Vladimir Putin", "2010-01-01", "RUSGOV"),
        ("Antonio Guterres", "2020-01-01", "IGOUNO"),
        ("Antonio Guterres", "2003-01-01", "PRTELI"),
        ("Jens Stoltenberg", "2020-01-01", "IGOWSTNAT"),
        ("Ursula von der Leyen", "2016-01-01", "DEUGOV"),
        ("Ursula von der Leyen", "2021-01-01", "IGOEEC"),
        ("Ban Ki-moon", "2010-01-01", "IGOUNO"),
        ("Bashar al-Assad", "2025-06-01", "SYRELI"),
        ("Ahmed al-Sharaa", "2020-06-01", "SYRREB"),
        ("Ahmed al-Sharaa", "2025-06-01", "SYRGOV"),
        ("Mohamed Hamdan Dagalo", "2024-01-01", "SDNREB"),
        ("Giorgia Meloni", "2023-01-01", "ITAGOV"),
        ("Boris Johnson", "2017-01-01", "GBRGOV"),
        ("Boris Johnson", "2023-01-01", "GBRELI"),
        ("Abdel Fattah el-Sisi", "2013-01-01", "EGYGOV"),
        ("Abdel Fattah el-Sisi", "2014-05-01", "EGYELI"),
        ("Min Aung Hlaing", "2019-01-01", "MMRMIL"),
        ("Min Aung Hlaing", "2023-01-01", "MMRGOV"),
        ("Hibatullah Akhundzada", "2019-01-01", "AFGREB"),
        ("Hibatullah Akhundzada", "2022-01-01", "AFGGOV"),
        ("Joseph Aoun", "2020-01-01", "LBNMIL"),
        ("Joseph Aoun", "2025-03-01", "LBNGOV"),
        ("Hassan Nasrallah", "2020-01-01", "LBNREB"),
        ("Hassan Nasrallah", "2025-01-01", "LBNELI"),
        ("Nicolás Maduro", "2010-01-01", "VENGOV"),
        ("Nicolás Maduro", "2013-02-01", "VENELI"),
    ];
    let mut bad = Vec::new();
    for (name, day, want) in cases {
        let got = code_on(actor(&lex, name), date(day));
        if got.as_deref() != Some(want) {
            bad.push(format!("{name} on {day}: want {want}, got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
