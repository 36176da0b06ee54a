//! Syntax features of the TABARI / PETRARCH loaders, on small inline files.

use chrono::NaiveDate;
use dyad_lexicon::foreign::{parse_actors, parse_agents, parse_discards, parse_verbs};
use dyad_lexicon::{CodeSpec, DateRange, DiscardScope, PatternItem, Phrase, SynsetId, WordMatcher};
use proptest::prelude::*;

fn words(p: &Phrase) -> String {
    p.words
        .iter()
        .map(|w| match &w.matcher {
            WordMatcher::Exact(s) => format!("{s}_"),
            WordMatcher::Stem(s) => s.to_string(),
            WordMatcher::Lemma(s) => format!("~{s}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn tabari_verbs_codes_forms_and_patterns() {
    let text = "\
<SYNSETS>
&TIES
+MILITARY
+&MONEY_TALKS
&MONEY
+DOLLAR
+SWISS_FRANC
</SYNSETS>
<TIME>
TOMORROW [+1]
</TIME>
RESTORE [064] ; comment
- * DIPLOMATIC &TIES [0641]
- IN_* { GOOD | BAD_ } [075A]
- * &NOPE [999]
MEET [031:032]
BREAK_ [---]
{ BROKE_ BROKEN_ }
- + * IN_ $ [195]
DENY [140]
~~FINISH
LATE [000]
";
    let lex = parse_verbs(text, "t.verbs");
    let s = lex.stats();
    assert_eq!((s.verbs, s.patterns, s.synsets), (4, 3, 2));
    let restore = &lex.verbs[0];
    assert_eq!(restore.code, CodeSpec::Single("064".into()));
    assert_eq!(restore.rule.text.as_ref(), "RESTORE [064]");
    let forms: Vec<String> = restore.forms.iter().map(words).collect();
    // The stem RESTORE covers RESTORES/RESTORED; RESTORING must be added.
    assert_eq!(forms, ["RESTORE", "RESTORING_"]);
    assert_eq!(lex.verbs[1].code, CodeSpec::Paired("031".into(), "032".into()));
    let brk = &lex.verbs[2];
    assert_eq!(brk.code, CodeSpec::Null);
    let forms: Vec<String> = brk.forms.iter().map(words).collect();
    assert!(forms.contains(&"BREAK_".to_owned()) && forms.contains(&"BROKEN_".to_owned()));
    assert!(forms.contains(&"BREAKING_".to_owned()));
    let deny: Vec<String> = lex.verbs[3].forms.iter().map(words).collect();
    assert!(deny.contains(&"DENIES_".to_owned()) && deny.contains(&"DENIED_".to_owned()));
    // Patterns: synset, alternatives, joined words, markers, odd codes.
    let p0 = &restore.patterns[0];
    assert_eq!(p0.tokens[2].item, PatternItem::Synset(SynsetId(0)));
    assert_eq!(p0.rule.line, 13);
    let p1 = &restore.patterns[1];
    assert_eq!(p1.code, CodeSpec::Single("075A".into()));
    assert!(!p1.tokens[0].gap_after, "IN_* is joined");
    assert!(matches!(&p1.tokens[2].item, PatternItem::Alternatives(a) if a.len() == 2));
    let markers: Vec<&PatternItem> = brk.patterns[0].tokens.iter().map(|t| &t.item).collect();
    assert_eq!(markers[0], &PatternItem::Target);
    assert_eq!(markers[3], &PatternItem::Source);
    // Synsets within synsets.
    let ties = &lex.synsets[0];
    assert_eq!(ties.members.len(), 2);
    assert_eq!(ties.members[1][0].item, PatternItem::Synset(SynsetId(1)));
    assert!(!ties.members[1][0].gap_after);
    // Warnings: the TIME line, the undefined synset, the line after ~~FINISH.
    let lines: Vec<u32> = lex.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [10, 15, 22]);
    assert!(lex.warnings[1].message.contains("&NOPE"));
}

#[test]
fn petrarch_blocks_forms_and_petrarch2_groups() {
    let text = "\
# comment
<!-- a comment
 spanning lines -->
&FOOD_
+BREAD
+RICE
--- HURRY [042] ---
HURRY {HURRIES HURRYING HURRIED }
RUSH
STOP
+ASK_FOR {+ASKED_FOR}
ANGER {} [110]
- * (TO BORDER) {RELIEF AID} [073]   # c
- * &FOOD [074]
--- EMPTY [---] ---
- * X [1]
~ a (a b ATTACK) SAY = a b 015
";
    let lex = parse_verbs(text, "p.txt");
    assert_eq!(lex.verbs.len(), 2, "one entry per code in the block");
    let hurry = &lex.verbs[0];
    assert_eq!(hurry.code, CodeSpec::Single("042".into()));
    let forms: Vec<String> = hurry.forms.iter().map(words).collect();
    for f in [
        "HURRY_",
        "HURRIES_",
        "HURRIED_",
        "HURRYING_",
        "RUSH_",
        "RUSHES_",
        "RUSHED_",
        "RUSHING_",
        "STOP_",
        "STOPPED_",
        "STOPPING_",
        "ASK_ FOR_",
        "ASKS_ FOR_",
        "ASKED_ FOR_",
    ] {
        assert!(forms.contains(&f.to_owned()), "{f} missing from {forms:?}");
    }
    assert!(!forms.contains(&"STOPED_".to_owned()));
    assert!(!hurry.forms.iter().any(|p| p.words[0].gap_after), "ASK_FOR is joined");
    let anger = &lex.verbs[1];
    assert_eq!(anger.code, CodeSpec::Single("110".into()));
    assert_eq!(anger.forms.len(), 1, "{{}} means no generated forms");
    assert_eq!(anger.patterns.len(), 2, "block patterns are shared");
    // PETRARCH-2 groups are flattened with gaps.
    let p = &hurry.patterns[0];
    assert_eq!(p.tokens.len(), 5);
    assert!(p.tokens.iter().all(|t| t.gap_after));
    assert_eq!(p.rule.text.as_ref(), "- * (TO BORDER) {RELIEF AID} [073]");
    // The synset declared &FOOD_ has exact members.
    assert_eq!(lex.synsets[0].members[0][0].item, PatternItem::Word(WordMatcher::Exact("BREAD".into())));
    // The block without verbs and the transformation are reported.
    let mut lines: Vec<u32> = lex.warnings.iter().map(|w| w.line).collect();
    lines.sort_unstable();
    assert_eq!(lines, [15, 16, 17]);
}

#[test]
fn actors_dates_synonyms_and_sections() {
    let text = "\
<NOUN>
BEES
</NOUN>
<ADJECTIVE>
EVIL
</ADJECTIVE>
ALBRIGHT  [USAGOV 991201-010114] [---] ;ems
#COMMENTED [XXX]
GOLLUM ; c
+SMEAGOL
+stinker_
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 300816]
KARZAI_
PRESIDENT_KARZAI_
\t[AFGGOV >011222]
NOCODE
OTHER [OTH]
+ [BAD 99]
";
    let lex = parse_actors(text, "a.actors");
    assert_eq!(lex.nouns.len(), 1);
    assert_eq!(lex.adjectives.len(), 1);
    assert_eq!(lex.actors.len(), 4);
    let albright = &lex.actors[0];
    assert_eq!(albright.codes.len(), 2);
    assert_eq!(albright.codes[0].valid, DateRange { from: date(1999, 12, 1), to: date(2001, 1, 14) });
    assert_eq!(albright.codes[1].code.as_ref(), "---");
    let gollum = &lex.actors[1];
    let names: Vec<String> = gollum.names.iter().map(words).collect();
    // A file with TABARI's `;` comments reads a bare word as a stem, whatever
    // `#` line it holds (TABARI's own demo dictionary has some).
    assert_eq!(names, ["GOLLUM", "SMEAGOL", "STINKER_"]);
    assert_eq!(gollum.codes[0].valid, DateRange { from: None, to: date(1995, 6, 1) });
    assert_eq!(gollum.codes[1].valid.to, date(1999, 8, 15));
    assert_eq!(gollum.codes[2].valid.from, date(1930, 8, 16), "30 is 1930");
    assert_eq!(lex.actors[2].names.len(), 2, "two name lines before the codes");
    assert_eq!(lex.actors[2].codes[0].valid.from, date(2001, 12, 22));
    // A name line with no code yet joins the next entry that gets codes.
    let other: Vec<String> = lex.actors[3].names.iter().map(words).collect();
    assert_eq!(other, ["NOCODE", "OTHER"]);
    let lines: Vec<u32> = lex.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [20], "{:?}", lex.warnings);
    // Without `;` comments, a `#`-commented file is PETRARCH's: whole words only.
    let petrarch = parse_actors("# PETRARCH\nGOLLUM [HOB]\n+SMEAGOL\n", "p.actors");
    let names: Vec<String> = petrarch.actors[0].names.iter().map(words).collect();
    assert_eq!(names, ["GOLLUM_", "SMEAGOL_"]);
}

#[test]
fn tabari_word_marks() {
    // `MOUSE=` is that word only; `REAL~_PLEASANT` keeps REAL a stem.
    let lex = parse_actors("MOUSE= [MUS] ; c\nREAL~_PLEASANT [RPL]\n", "a.actors");
    let names: Vec<String> = lex.actors.iter().flat_map(|a| a.names.iter().map(words)).collect();
    assert_eq!(names, ["MOUSE_", "REAL PLEASANT"]);
    assert!(!lex.actors[1].names[0].words[0].gap_after);
    // `BAN=` takes no endings ("baning" is not it); `WARN` is a stem.
    let verbs = parse_verbs("BAN= [191]\nWARN [160]\n", "v.verbs");
    let forms: Vec<String> = verbs.verbs.iter().flat_map(|v| v.forms.iter().map(words)).collect();
    assert_eq!(forms, ["BAN_", "WARN"]);
}

#[test]
fn tabari_time_phrases_that_stop_coding_are_discards() {
    let lex = parse_verbs(
        "<TIME>\nKAN_WA_MA_KAN [###]\nLAST_WEEK [-7]\nWHEN_PEACE_COMES [+++]\n</TIME>\nWARN [160]\n",
        "v.verbs",
    );
    let discards: Vec<String> = lex.discards.iter().map(|d| words(&d.phrase)).collect();
    assert_eq!(discards, ["KAN_ WA_ MA_ KAN", "WHEN_ PEACE_ COMES"]);
    assert!(lex.discards.iter().all(|d| d.scope == DiscardScope::Sentence));
    // A time shift is not supported: reported, not loaded.
    assert_eq!(lex.warnings.len(), 1, "{:?}", lex.warnings);
    assert_eq!(lex.verbs.len(), 1);
}

#[test]
fn agents_plurals_and_substitutions() {
    let text = "\
!PERSON! = MAN, MEN, WOMAN, WOMEN
FARMER [~AGR] # c
PARTY [  ~OPP ]
MEDIA {} [~MED]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
!NOPE!_X [~X]
HUMAN_RIGHTS_BODY [NGO~]
";
    let lex = parse_agents(text, "g.txt");
    let names: Vec<Vec<String>> = lex.agents.iter().map(|a| a.names.iter().map(words).collect()).collect();
    // PETRARCH agents match whole words: no stem would keep DIPLOMAT off DIPLOMATIC.
    assert_eq!(names[0], ["FARMER_", "FARMERS_"]);
    assert_eq!(names[1], ["PARTY_", "PARTIES_"]);
    assert_eq!(lex.agents[1].code.as_ref(), "~OPP");
    assert_eq!(names[2], ["MEDIA_"]);
    assert_eq!(names[3], ["ATTORNEY_ GENERAL_", "ATTORNEYS_ GENERAL_"]);
    assert_eq!(names[4], ["CONGRESSMAN_", "CONGRESSMEN_", "CONGRESSWOMAN_", "CONGRESSWOMEN_"]);
    assert_eq!(lex.agents[5].code.as_ref(), "NGO~");
    assert_eq!(lex.warnings.len(), 1);
    assert_eq!(lex.warnings[0].line, 7);

    // TABARI format: regular plurals too ("Muslims" codes with `MUSLIM_`).
    let tabari = parse_agents("POLICE_   [  ~COP] ;JON\nARMY [~MIL]\nMUSLIM_ [~MOS]\n", "v.agents");
    let muslim: Vec<String> = tabari.agents[2].names.iter().map(words).collect();
    assert_eq!(muslim, ["MUSLIM_", "MUSLIMS_"]);
    assert_eq!(words(&tabari.agents[1].names[0]), "ARMY", "a bare TABARI word is a stem");
    assert_eq!(tabari.agents[0].code.as_ref(), "~COP");
}

#[test]
fn discards_scopes() {
    let lex = parse_discards("# c\nMONTHS LATER\n+World_Cup # x\n\n", "d.txt");
    assert_eq!(lex.discards.len(), 2);
    assert_eq!(lex.discards[0].scope, DiscardScope::Sentence);
    assert!(lex.discards[0].phrase.words[0].gap_after);
    assert_eq!(lex.discards[1].scope, DiscardScope::Story);
    assert_eq!(words(&lex.discards[1].phrase), "WORLD_ CUP");
    let bad = parse_discards("\t2\t1995\t#VALUE!\tAGO\n", "d.txt");
    assert_eq!((bad.discards.len(), bad.warnings.len()), (0, 1));
}

proptest! {
    #[test]
    fn loaders_never_panic(text in "\\PC*") {
        for lex in [
            parse_verbs(&text, "p"),
            parse_actors(&text, "p"),
            parse_agents(&text, "p"),
            parse_discards(&text, "p"),
        ] {
            for v in &lex.verbs {
                prop_assert!(!v.forms.is_empty());
            }
        }
        let _ = dyad_lexicon::foreign::parse_options(&text);
    }

    #[test]
    fn dictionary_like_lines_never_panic(
        lines in proptest::collection::vec("[-+&~<>{}()\\[\\]|*$%^_#; A-Z0-9:!=\\t]{0,30}", 0..20)
    ) {
        let text = lines.join("\n");
        let text2 = format!("--- X [1] ---\n{text}");
        let _ = parse_verbs(&text, "p");
        let _ = parse_verbs(&text2, "p");
        let _ = parse_actors(&text, "p");
        let _ = parse_agents(&text, "p");
        let _ = parse_discards(&text, "p");
    }
}

/// PETRARCH-2 reads `%` after the verb as the target ("AGREE WITH %"); TABARI
/// keeps a compound whose members act on each other.
#[test]
fn compound_after_the_verb_by_dialect() {
    let items = |lex: &dyad_lexicon::Lexicon| -> Vec<Vec<PatternItem>> {
        lex.verbs[0].patterns.iter().map(|p| p.tokens.iter().map(|t| t.item.clone()).collect()).collect()
    };
    let petrarch = parse_verbs("--- AGREE [030] ---\nAGREE\n- * WITH % [031]\n- % * [030:030]\n", "p.txt");
    let p = items(&petrarch);
    assert!(p[0].contains(&PatternItem::Target) && !p[0].contains(&PatternItem::Compound), "{p:?}");
    assert!(p[1].contains(&PatternItem::Compound), "a compound before the verb stays one: {p:?}");
    let tabari = parse_verbs("AGREE  [030]\n- * WITH %  [031]\n", "t.verbs");
    let t = items(&tabari);
    assert!(t[0].contains(&PatternItem::Compound) && !t[0].contains(&PatternItem::Target), "{t:?}");
}
