//! Tests of dyad's own dictionary format: every construct, every validation error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dyad_lexicon::own;
use dyad_lexicon::{CodeSpec, DiscardScope, LexiconError, PatternItem, Phrase, PhraseWord, WordMatcher};

const HEAD: &str = "@language en\n";

fn ok(body: &str) -> dyad_lexicon::Lexicon {
    own::parse(&format!("{HEAD}{body}"), "t.dyad").unwrap_or_else(|e| panic!("{e}"))
}

/// Asserts that `body` (after the language line) fails at `line` with a
/// message containing `needle`.
fn fails(body: &str, line: u32, needle: &str) {
    let text = format!("{HEAD}{body}");
    match own::parse(&text, "t.dyad") {
        Err(LexiconError::Syntax { file, line: l, message }) => {
            assert_eq!(file, "t.dyad");
            assert_eq!(l, line, "{message}");
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
            let shown = own::parse(&text, "t.dyad").unwrap_err().to_string();
            assert!(shown.starts_with(&format!("t.dyad:{line}: ")), "{shown}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

fn exact(w: &str) -> WordMatcher {
    WordMatcher::Exact(w.into())
}
fn lemma(w: &str) -> WordMatcher {
    WordMatcher::Lemma(w.into())
}
fn phrase(words: &[(WordMatcher, bool)]) -> Phrase {
    Phrase { words: words.iter().map(|(m, g)| PhraseWord { matcher: m.clone(), gap_after: *g }).collect() }
}

#[test]
fn actors_with_names_stems_plurals_and_dates() {
    let lex = ok("[actors]\n\
                  USA = United States; America; American(s)   # comment\n\
                  USAELI, USAGOV from 2021-01-20 to 2025-01-20 = Joe Biden\n\
                  PSE = Palestin*\n\
                  RUS to 1991-12-25 = Soviet .. Union\n");
    assert_eq!(lex.actors.len(), 4);
    let usa = &lex.actors[0];
    assert_eq!(usa.codes.len(), 1);
    assert_eq!(&*usa.codes[0].code, "USA");
    assert_eq!(usa.codes[0].valid.from, None);
    assert_eq!(
        usa.names,
        vec![
            phrase(&[(exact("UNITED"), false), (exact("STATES"), false)]),
            phrase(&[(exact("AMERICA"), false)]),
            phrase(&[(exact("AMERICAN"), false)]),
            phrase(&[(exact("AMERICANS"), false)]),
        ]
    );
    assert_eq!(usa.rule.line, 3);
    assert_eq!(&*usa.rule.text, "USA = United States; America; American(s)");
    assert_eq!(&*usa.rule.file, "t.dyad");
    let biden = &lex.actors[1];
    assert_eq!(biden.codes.len(), 2);
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(biden.codes[1].valid.from, Some(d("2021-01-20")));
    assert_eq!(biden.codes[1].valid.to, Some(d("2025-01-20")));
    assert!(biden.codes[1].valid.contains(d("2022-06-01")));
    assert!(!biden.codes[1].valid.contains(d("2025-01-21")));
    assert_eq!(lex.actors[2].names, vec![phrase(&[(WordMatcher::Stem("PALESTIN".into()), false)])]);
    assert_eq!(lex.actors[3].codes[0].valid.to, Some(d("1991-12-25")));
    assert_eq!(lex.actors[3].names, vec![phrase(&[(exact("SOVIET"), true), (exact("UNION"), false)])]);
}

#[test]
fn agents_both_code_forms() {
    let lex = ok("[agents]\n~GOV = government(s); prime minister(s)\nCOP~ = police\n");
    assert_eq!(lex.agents.len(), 2);
    assert_eq!(&*lex.agents[0].code, "~GOV");
    assert_eq!(lex.agents[0].names.len(), 4);
    assert_eq!(lex.agents[0].names[3], phrase(&[(exact("PRIME"), false), (exact("MINISTERS"), false)]));
    assert_eq!(&*lex.agents[1].code, "COP~");
}

#[test]
fn verbs_patterns_synsets() {
    let lex = ok("[verbs]\n\
                  sign; put .. signature = 057\n\
                  - $ * .. &DEAL with + = 057\n\
                  - * &DEAL = 057\n\
                  hold = ---\n\
                  - * &TALKS with % = 046\n\
                  meet = 036:043\n\
                  [synsets]\n\
                  &DEAL = agreement; peace .. deal\n\
                  &TALKS = talk; &DEAL negotiation\n");
    assert_eq!(lex.verbs.len(), 3);
    let sign = &lex.verbs[0];
    assert_eq!(sign.code, CodeSpec::Single("057".into()));
    assert_eq!(sign.forms[0], phrase(&[(lemma("sign"), false)]));
    assert_eq!(sign.forms[1], phrase(&[(lemma("put"), true), (lemma("signature"), false)]));
    assert_eq!(sign.patterns.len(), 2);
    let p = &sign.patterns[0];
    let items: Vec<&PatternItem> = p.tokens.iter().map(|t| &t.item).collect();
    let deal = dyad_lexicon::SynsetId(0);
    assert_eq!(
        items,
        vec![
            &PatternItem::Source,
            &PatternItem::Verb,
            &PatternItem::Synset(deal),
            &PatternItem::Word(lemma("with")),
            &PatternItem::Target
        ]
    );
    let gaps: Vec<bool> = p.tokens.iter().map(|t| t.gap_after).collect();
    assert_eq!(gaps, vec![false, true, false, false, false]);
    assert_eq!(p.rule.line, 4);
    assert_eq!(lex.verbs[1].code, CodeSpec::Null);
    assert_eq!(lex.verbs[1].patterns[0].tokens[3].item, PatternItem::Compound);
    assert_eq!(lex.verbs[2].code, CodeSpec::Paired("036".into(), "043".into()));
    assert_eq!(lex.synsets.len(), 2);
    assert_eq!(&*lex.synsets[0].name, "DEAL");
    assert_eq!(lex.synsets[0].members.len(), 2);
    assert!(lex.synsets[0].members[1][0].gap_after);
    assert_eq!(lex.synsets[1].members[1][0].item, PatternItem::Synset(deal));
}

#[test]
fn discards_both_scopes() {
    let lex = ok("[discards]\nsentence: World Cup; goal*\nstory: horoscope\n");
    assert_eq!(lex.discards.len(), 3);
    assert_eq!(lex.discards[0].scope, DiscardScope::Sentence);
    assert_eq!(lex.discards[0].phrase, phrase(&[(exact("WORLD"), false), (exact("CUP"), false)]));
    assert_eq!(lex.discards[1].phrase.words[0].matcher, WordMatcher::Stem("GOAL".into()));
    assert_eq!(lex.discards[2].scope, DiscardScope::Story);
}

#[test]
fn language_is_reported() {
    let f = own::parse_file("# x\n@language fr\n[verbs]\n", "f.dyad").unwrap();
    assert_eq!(f.language, "fr");
}

#[test]
fn load_reads_files_and_reports_io_and_encoding() {
    let dir = std::env::temp_dir().join(format!("dyad-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.dyad");
    std::fs::write(&good, "@language en\n[verbs]\nmeet = 040\n").unwrap();
    assert_eq!(own::load(&good).unwrap().verbs.len(), 1);
    let bad = dir.join("bad.dyad");
    std::fs::write(&bad, b"@language en\n\xff\n").unwrap();
    assert!(matches!(own::load(&bad), Err(LexiconError::Encoding { offset: 13, .. })));
    assert!(matches!(own::load(dir.join("missing.dyad")), Err(LexiconError::Io { .. })));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- one test per validation error ----

#[test]
fn err_missing_language() {
    let e = own::parse("[verbs]\n", "t.dyad").unwrap_err().to_string();
    assert!(e.starts_with("t.dyad:1: section \"[verbs]\" before the \"@language\""), "{e}");
    let e = own::parse("# nothing\n", "t.dyad").unwrap_err().to_string();
    assert!(e.contains("missing \"@language\""), "{e}");
}

#[test]
fn err_bad_or_repeated_language() {
    let e = own::parse("@language EN\n", "t.dyad").unwrap_err().to_string();
    assert_eq!(e, "t.dyad:1: bad language code \"EN\" (expected an ISO 639 code such as \"en\")");
    fails("[verbs]\n@language fr\n", 3, "second \"@language\"");
}

#[test]
fn err_unknown_directive() {
    fails("@include x\n", 2, "unknown directive \"@include x\"");
}

#[test]
fn err_unknown_section() {
    fails("[actor]\n", 2, "unknown section \"[actor]\"");
    fails("[verbs\n", 2, "bad section header \"[verbs\"");
}

#[test]
fn err_entry_outside_section() {
    fails("USA = America\n", 2, "entry outside any section: \"USA = America\"");
}

#[test]
fn err_bad_actor_code() {
    fails("[actors]\nusa = America\n", 3, "bad actor code \"usa\"");
    fails("[actors]\nUS = America\n", 3, "bad actor code \"US\"");
    fails("[actors]\nUSA, = America\n", 3, "empty actor code");
}

#[test]
fn err_bad_date() {
    fails("[actors]\nUSAGOV from 2021-13-01 = Biden\n", 3, "bad date \"2021-13-01\"");
    fails("[actors]\nUSAGOV from 21-1-1 = Biden\n", 3, "bad date \"21-1-1\"");
    fails("[actors]\nUSAGOV since 2021-01-01 = Biden\n", 3, "found \"since\"");
    fails("[actors]\nUSAGOV from = Biden\n", 3, "\"from\" without a date");
    fails("[actors]\nUSAGOV from 2021-01-01 from 2022-01-01 = Biden\n", 3, "given twice");
}

#[test]
fn err_date_range_reversed() {
    fails(
        "[actors]\nUSAGOV from 2025-01-20 to 2021-01-20 = Biden\n",
        3,
        "date range reversed in \"USAGOV from 2025-01-20 to 2021-01-20\"",
    );
}

#[test]
fn err_empty_name() {
    fails("[actors]\nUSA = America; ; US\n", 3, "empty name in \"USA = America; ; US\"");
    fails("[agents]\n~GOV =\n", 3, "empty name");
}

#[test]
fn err_bad_name_word() {
    fails("[actors]\nUSA = Ameri(can\n", 3, "bad word \"Ameri(can\"");
    fails("[actors]\nUSA = *\n", 3, "bad word \"*\"");
    fails("[actors]\nUSA = .. America\n", 3, "misplaced \"..\"");
    // The text splits "IS-Miliz" at the hyphen: "IS-*" would match "ist".
    fails("[actors]\nIMGMOSISI = IS-*\n", 3, "stem \"IS-*\" in name \"IS-*\" must end in a letter or digit");
}

#[test]
fn err_missing_equals() {
    fails("[actors]\nUSA America\n", 3, "expected \"CODES = names\", found \"USA America\"");
    fails("[verbs]\nsign 057\n", 3, "expected \"lemma; lemma = CODE\"");
}

#[test]
fn err_bad_agent_code() {
    fails("[agents]\nGOV = government\n", 3, "bad agent code \"GOV\"");
    fails("[agents]\n~go = government\n", 3, "bad agent code \"~go\"");
}

#[test]
fn err_unknown_cameo_code() {
    fails("[verbs]\nsign = 999\n", 3, "unknown CAMEO code \"999\" in \"sign = 999\"");
    fails("[verbs]\nsign = 057\n- * &X = 21\n[synsets]\n&X = a\n", 4, "unknown CAMEO code \"21\"");
    fails("[verbs]\nmeet = 036:xyz\n", 3, "unknown CAMEO code \"xyz\"");
    fails("[verbs]\nmeet =\n", 3, "missing event code");
}

#[test]
fn err_pattern_without_verb() {
    fails("[verbs]\nsign = 057\n- $ deal + = 057\n", 4, "pattern without \"*\"");
    fails("[verbs]\nsign = 057\n- * deal * = 057\n", 4, "more than one \"*\"");
    fails("[verbs]\nsign = 057\n- * + + = 057\n", 4, "more than one \"+\"");
}

#[test]
fn err_pattern_before_verb_or_without_code() {
    fails("[verbs]\n- * deal = 057\n", 3, "pattern before any verb");
    fails("[verbs]\nsign = 057\n- * deal\n", 4, "expected \"- pattern = CODE\"");
}

#[test]
fn err_undefined_synset() {
    fails("[verbs]\nsign = 057\n- * &DEAL = 057\n", 4, "undefined synset \"&DEAL\"");
    fails("[synsets]\n&A = b; &C\n", 3, "undefined synset \"&C\"");
}

#[test]
fn err_bad_synsets() {
    fails("[synsets]\n&a = b\n", 3, "bad synset name \"&a\"");
    fails("[synsets]\n&A = b\n&A = c\n", 4, "defined twice (first at line 3)");
    fails("[synsets]\n&A = b;\n", 3, "empty member");
    fails("[synsets]\n&A = * b\n", 3, "not allowed in a synset member");
    fails("[synsets]\n&A = &B\n&B = x; &A\n", 3, "synset \"&A\" refers to itself");
}

#[test]
fn err_verb_words_must_be_lemmas() {
    fails("[verbs]\nSigned = 057\n", 3, "lower-case lemmas: \"Signed\"");
    fails("[verbs]\nsign = 057\n- * Deal = 057\n", 4, "lower-case lemmas: \"Deal\"");
    fails("[verbs]\nsign; = 057\n", 3, "empty verb");
    fails("[verbs]\nsi$gn = 057\n", 3, "bad word \"si$gn\"");
}

#[test]
fn err_gaps() {
    fails("[verbs]\nsign = 057\n- .. * = 057\n", 4, "\"..\" at the start");
    fails("[verbs]\nsign = 057\n- * .. = 057\n", 4, "\"..\" at the end");
    fails("[verbs]\nsign = 057\n- * .. .. deal = 057\n", 4, "\"..\" twice");
}

#[test]
fn err_bad_discard_scope() {
    fails("[discards]\nparagraph: x\n", 3, "unknown discard scope \"paragraph\"");
    fails("[discards]\nworld cup\n", 3, "expected \"sentence: phrases\"");
}

#[test]
fn builtin_unknown_language_names_it() {
    let e = own::builtin("xx").unwrap_err().to_string();
    assert!(e.contains("\"xx\"") && e.contains("available: en"), "{e}");
}

proptest::proptest! {
    #[test]
    fn parse_never_panics(s in "\\PC*") {
        let _ = own::parse(&s, "p.dyad");
    }

    #[test]
    fn parse_never_panics_on_near_valid(body in "[\\[\\]a-zA-Z0-9 =;:$+*%&.~()#\\-\n]{0,300}") {
        let _ = own::parse(&format!("@language en\n{body}"), "p.dyad");
        let _ = own::parse(&format!("@language en\n[verbs]\nsign = 057\n{body}"), "p.dyad");
        let _ = own::parse(&format!("@language en\n[synsets]\n{body}"), "p.dyad");
        let _ = own::parse(&format!("@language en\n[actors]\n{body}"), "p.dyad");
    }
}

#[test]
fn office_tags_give_actors_their_offices() {
    let lex = ok("[actors]\n\
        USAGOV from 2025-01-21, USAELI = Marco Rubio  # @office FM@USA 2025-01-21..; NSA@USA 2025-05-01..\n\
        USAGOV from 2021-01-20 to 2025-01-20, USAELI = Joe Biden  # @office HOS+HOG@USA 2021-01-20..2025-01-20; =USAGOV 2009-01-20..2017-01-20\n\
        USA = America  # no tag\n");
    let offices = |i: usize| -> Vec<(String, String, Option<String>, Option<String>)> {
        lex.actors[i]
            .offices
            .iter()
            .map(|t| {
                (
                    t.office.to_string(),
                    t.org.to_string(),
                    t.valid.from.map(|d| d.to_string()),
                    t.valid.to.map(|d| d.to_string()),
                )
            })
            .collect()
    };
    let s = |x: &str| x.to_string();
    assert_eq!(
        offices(0),
        [(s("FM"), s("USA"), Some(s("2025-01-21")), None), (s("NSA"), s("USA"), Some(s("2025-05-01")), None)]
    );
    // "HOS+HOG" is two offices; "=USAGOV …" documents a post outside them.
    assert_eq!(
        offices(1),
        [
            (s("HOS"), s("USA"), Some(s("2021-01-20")), Some(s("2025-01-20"))),
            (s("HOG"), s("USA"), Some(s("2021-01-20")), Some(s("2025-01-20")))
        ]
    );
    assert!(lex.actors[2].offices.is_empty());
}

#[test]
fn err_bad_office_tag() {
    fails("[actors]\nUSAGOV = Joe Biden  # @office KING@USA 2021-01-20..\n", 3, "unknown office \"KING\"");
    fails("[actors]\nUSAGOV = Joe Biden  # @office HOS@USA 2021-01-20\n", 3, "expected a range");
    fails("[actors]\nUSAGOV = Joe Biden  # @office HOS 2021-01-20..\n", 3, "expected \"ROLE@ORG\"");
    fails("[actors]\nUSAGOV = Joe Biden  # @office HOS@USA 2021-13-01..\n", 3, "2021-13-01");
}

#[test]
fn office_nouns_with_their_states() {
    let lex = ok("[offices]\n\
        HOG@!DEU+AUT = prime minister; premier\n\
        HOG@DEU+AUT = chancellor\n\
        HOS+HOG = president\n");
    // offices, orgs, excepted orgs, number of names
    type NounView = (Vec<String>, Vec<String>, Vec<String>, usize);
    let nouns: Vec<NounView> = lex
        .office_nouns
        .iter()
        .map(|n| {
            let list = |v: &[Box<str>]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
            (list(&n.offices), list(&n.orgs), list(&n.except_orgs), n.names.len())
        })
        .collect();
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        nouns,
        [
            (v(&["HOG"]), v(&[]), v(&["DEU", "AUT"]), 2),
            (v(&["HOG"]), v(&["DEU", "AUT"]), v(&[]), 1),
            (v(&["HOS", "HOG"]), v(&[]), v(&[]), 1)
        ]
    );
    assert_eq!(lex.office_nouns[0].names[0], phrase(&[(exact("PRIME"), false), (exact("MINISTER"), false)]));
}

#[test]
fn err_bad_office_noun() {
    fails("[offices]\nKING = king\n", 3, "unknown office \"KING\"");
    fails("[offices]\nHOG@de = chancellor\n", 3, "bad state or organisation code \"de\"");
    fails("[offices]\nHOG = chancell*\n", 3, "whole words");
    fails("[offices]\nHOG chancellor\n", 3, "expected \"OFFICE[@ORG] = names\"");
}
