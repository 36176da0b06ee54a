//! Whole-article acceptance tests (issue #4): realistic multi-sentence news
//! articles in Italian, English, Spanish, French and German
//! (`tests/articles/<story>.<lang>.txt`), coded with each language's built-in
//! dictionary as whole documents.
//!
//! `tests/articles/expected.tsv` says, per test case, which events some
//! sentences of an article must yield: source and target codes (surnames,
//! appositions, plural summaries, counterparts, pronoun and dropped subjects
//! resolved, a capital that acts read as its government, office holders coded
//! by the article date), CAMEO root, event
//! date and its precision, and the location (country code and the start of
//! the gazetteer name). For every sentence a case names, the events of that
//! sentence must be exactly the expected ones.
//!
//! `tests/articles/story.tsv` is the set of (source country, target country,
//! CAMEO root, date) events that the multi-paragraph story
//! `story.<lang>.txt` must yield in every language.
//!
//! `cargo test -p dyad-cli --test article -- --nocapture` prints what each
//! case produced; failures print every event of the article.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_coder::{ArticleMeta, Coder, Event};
use dyad_text::{Lang, TextPipeline};

fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/articles"))
}

fn lang_of(code: &str) -> Lang {
    match code {
        "it" => Lang::It,
        "en" => Lang::En,
        "es" => Lang::Es,
        "fr" => Lang::Fr,
        "de" => Lang::De,
        other => panic!("unknown language {other:?}"),
    }
}

fn date(text: &str, at: &str) -> Option<NaiveDate> {
    match text {
        "-" => None,
        d => {
            Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_else(|e| panic!("{at}: date {d:?}: {e}")))
        }
    }
}

/// Codes `tests/articles/<article>` (language from the name: `visit.it.txt`).
fn code(article: &str, published: Option<NaiveDate>) -> Vec<Event> {
    let lang = article.split('.').nth(1).unwrap_or_else(|| panic!("{article}: no language in the name"));
    let path = dir().join(article);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lexicon = dyad_lexicon::own::builtin(lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
    let coder = Coder::new(&lexicon);
    let doc = TextPipeline::new().process(&text, None, Some(lang_of(lang)));
    coder.code_document(&doc, &ArticleMeta::new(article, published)).events
}

/// One event as the tests compare it.
fn show(e: &Event) -> String {
    let loc =
        e.location.as_ref().map_or("-".to_string(), |l| format!("{} \"{}\" ({})", l.country, l.name, l.text));
    format!(
        "s{} {} [{}] -> {} [{}] {} ({}) {} {} {:?} @ {}",
        e.sentence_index,
        e.source.code,
        e.source.text,
        e.target.code,
        e.target.text,
        e.cameo_root,
        e.evidence.trigger.text,
        e.date.map_or("-".to_string(), |d| d.to_string()),
        e.date_precision.as_deref().unwrap_or("-"),
        e.date_text.as_deref().unwrap_or(""),
        loc
    )
}

/// One expected event of a case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    sentence: usize,
    source: String,
    target: String,
    root: String,
    date: Option<NaiveDate>,
    precision: String,
    country: String,
    place: String,
}

impl Expected {
    fn matches(&self, e: &Event) -> bool {
        let loc = e.location.as_ref();
        e.sentence_index == self.sentence
            && e.source.code == self.source
            && e.target.code == self.target
            && e.cameo_root == self.root
            && e.date == self.date
            && e.date_precision.as_deref().unwrap_or("-") == self.precision
            && match loc {
                None => self.country == "-",
                Some(l) => l.country == self.country && l.name.starts_with(&self.place),
            }
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "s{} {} -> {} {} {} {} @ {} \"{}\"",
            self.sentence,
            self.source,
            self.target,
            self.root,
            self.date.map_or("-".to_string(), |d| d.to_string()),
            self.precision,
            self.country,
            self.place
        )
    }
}

/// A case of `expected.tsv`: an article, its publication date, the events.
#[derive(Debug)]
struct Case {
    article: String,
    published: Option<NaiveDate>,
    events: Vec<Expected>,
}

/// Reads `expected.tsv`: `case article published sentence source target
/// root date precision country place`, tab-separated; `#` lines and blank
/// lines are skipped; a case's lines are consecutive and agree on article
/// and publication date.
fn cases() -> BTreeMap<String, Case> {
    let path = dir().join("expected.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out: BTreeMap<String, Case> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", path.display(), n + 1);
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [name, article, published, sentence, source, target, root, day, precision, country, place] =
            f[..]
        else {
            panic!("{at}: expected 11 tab-separated fields, found {}: {line:?}", f.len());
        };
        let expected = Expected {
            sentence: sentence.parse().unwrap_or_else(|e| panic!("{at}: sentence {sentence:?}: {e}")),
            source: source.to_string(),
            target: target.to_string(),
            root: root.to_string(),
            date: date(day, &at),
            precision: precision.to_string(),
            country: country.to_string(),
            place: place.to_string(),
        };
        let published = date(published, &at);
        let case = out.entry(name.to_string()).or_insert_with(|| Case {
            article: article.to_string(),
            published,
            events: Vec::new(),
        });
        assert!(
            case.article == article && case.published == published,
            "{at}: case {name} names another article or date than its first line"
        );
        case.events.push(expected);
    }
    out
}

/// Codes the case's article and checks the sentences it names.
fn check(name: &str) {
    let all = cases();
    let case = all.get(name).unwrap_or_else(|| panic!("no case {name:?} in tests/articles/expected.tsv"));
    let events = code(&case.article, case.published);
    let mut report = String::new();
    let sentences: BTreeSet<usize> = case.events.iter().map(|e| e.sentence).collect();
    let mut failed = false;
    for &s in &sentences {
        let expected: Vec<&Expected> = case.events.iter().filter(|e| e.sentence == s).collect();
        let produced: Vec<&Event> = events.iter().filter(|e| e.sentence_index == s).collect();
        for x in &expected {
            if !produced.iter().any(|e| x.matches(e)) {
                failed = true;
                let _ = writeln!(report, "  missing:    {x}");
            }
        }
        for e in &produced {
            if !expected.iter().any(|x| x.matches(e)) {
                failed = true;
                let _ = writeln!(report, "  unexpected: {}", show(e));
            }
        }
    }
    let dump: String = events.iter().map(|e| format!("    {}\n", show(e))).collect();
    println!("{name} ({}, published {:?}):\n{dump}", case.article, case.published);
    assert!(!failed, "{name} ({}):\n{report}  all events of the article:\n{dump}", case.article);
}

/// Declares one test per case of `expected.tsv`, and a test that the file
/// and this list name the same cases.
macro_rules! cases {
    ($($(#[$m:meta])* $name:ident,)*) => {
        $( $(#[$m])* #[test] fn $name() { check(stringify!($name)); } )*
        #[test]
        fn every_case_has_a_test() {
            let declared: BTreeSet<&str> = [$(stringify!($name)),*].into_iter().collect();
            let listed: BTreeSet<String> = cases().into_keys().collect();
            let listed: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
            assert_eq!(declared, listed, "tests declared vs cases in tests/articles/expected.tsv");
        }
    };
}

cases! {
    it_apposition_weekday,
    it_surname,
    it_plural_summary,
    it_counterpart,
    it_dropped_subject_absolute_date,
    it_relative_date,
    it_term_in_office,
    it_term_after_office,
    it_term_surname_after_office,
    it_dateline_weekday,
    it_dateline_publication_date,
    it_dateline_role_phrase_relative,
    it_capital_subject,
    it_capital_target,
    en_apposition_weekday,
    en_surname,
    en_plural_summary,
    en_counterpart,
    en_pronoun_subject_absolute_date,
    en_relative_date,
    en_term_in_office,
    en_term_after_office,
    en_term_surname_after_office,
    en_dateline_weekday,
    en_dateline_publication_date,
    en_dateline_role_phrase_relative,
    en_capital_subject,
    en_capital_target,
    es_apposition_weekday,
    es_surname,
    es_plural_summary,
    es_counterpart,
    es_dropped_subject_absolute_date,
    es_relative_date,
    es_term_in_office,
    es_term_after_office,
    es_term_surname_after_office,
    es_dateline_weekday,
    es_dateline_publication_date,
    es_dateline_role_phrase_relative,
    es_capital_subject,
    es_capital_target,
    fr_apposition_weekday,
    fr_surname,
    fr_plural_summary,
    fr_counterpart,
    fr_pronoun_subject_absolute_date,
    fr_relative_date,
    fr_term_in_office,
    fr_term_after_office,
    fr_term_surname_after_office,
    fr_dateline_weekday,
    fr_dateline_publication_date,
    fr_dateline_role_phrase_relative,
    fr_capital_subject,
    fr_capital_target,
    de_apposition_weekday,
    de_surname,
    de_plural_summary,
    de_counterpart,
    de_pronoun_subject_absolute_date,
    de_relative_date,
    de_term_in_office,
    de_term_after_office,
    de_term_surname_after_office,
    de_dateline_weekday,
    de_dateline_publication_date,
    de_dateline_role_phrase_relative,
    de_capital_subject,
    de_capital_target,
}

// ---- the same story in five languages ----

const LANGS: [&str; 5] = ["it", "en", "es", "fr", "de"];

type Quad = (String, String, String, Option<NaiveDate>);

/// Reads `story.tsv`: a `published` line, then `source target root date` lines.
fn story_expected() -> (Option<NaiveDate>, BTreeSet<Quad>) {
    let path = dir().join("story.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut published = None;
    let mut set = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", path.display(), n + 1);
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        match f[..] {
            ["published", d] => published = date(d, &at),
            [s, t, r, d] => {
                set.insert((s.to_string(), t.to_string(), r.to_string(), date(d, &at)));
            }
            _ => panic!("{at}: expected `published DATE` or 4 tab-separated fields: {line:?}"),
        }
    }
    (published, set)
}

fn story_events(lang: &str, published: Option<NaiveDate>) -> (BTreeSet<Quad>, String) {
    let events = code(&format!("story.{lang}.txt"), published);
    let set = events
        .iter()
        .map(|e| (e.source.country.clone(), e.target.country.clone(), e.cameo_root.clone(), e.date))
        .collect();
    (set, events.iter().map(|e| format!("    {}\n", show(e))).collect())
}

fn show_quads(set: &BTreeSet<Quad>) -> String {
    set.iter()
        .map(|(s, t, r, d)| format!("    {s} -> {t} {r} {}\n", d.map_or("-".to_string(), |d| d.to_string())))
        .collect()
}

fn check_story(lang: &str) {
    let (published, expected) = story_expected();
    let (got, dump) = story_events(lang, published);
    println!("story.{lang}.txt:\n{dump}");
    assert!(
        got == expected,
        "story.{lang}.txt:\n  missing:\n{}  unexpected:\n{}  all events:\n{dump}",
        show_quads(&expected.difference(&got).cloned().collect()),
        show_quads(&got.difference(&expected).cloned().collect()),
    );
}

#[test]
fn story_it() {
    check_story("it");
}

#[test]
fn story_en() {
    check_story("en");
}

#[test]
fn story_es() {
    check_story("es");
}

#[test]
fn story_fr() {
    check_story("fr");
}

#[test]
fn story_de() {
    check_story("de");
}

/// Whatever each language yields, the five versions must agree.
#[test]
fn story_same_in_every_language() {
    let (published, _) = story_expected();
    let sets: Vec<(&str, BTreeSet<Quad>)> =
        LANGS.iter().map(|l| (*l, story_events(l, published).0)).collect();
    let mut report = String::new();
    for (l, set) in &sets[1..] {
        let (first, base) = &sets[0];
        if set != base {
            let _ = writeln!(
                report,
                "{l} vs {first}:\n  only in {l}:\n{}  only in {first}:\n{}",
                show_quads(&set.difference(base).cloned().collect()),
                show_quads(&base.difference(set).cloned().collect())
            );
        }
    }
    assert!(report.is_empty(), "the story's events differ across languages:\n{report}");
}
