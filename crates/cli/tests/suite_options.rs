//! A TABARI suite's `{ OPTION: ... }` commands change the coding from their
//! record on: default actors, one event per sentence, agent-only dyads,
//! minimum words, forwarding a story's actors to its later records.

use std::path::Path;

use dyad_cli::dictionaries::DictionaryArgs;
use dyad_cli::eval::run_suite;
use dyad_coder::CoderConfig;
use dyad_eval::Triple;

const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nMORDOR [MOR]\n";
const AGENTS: &str = "POLICE_ [~COP]\nPROTESTERS_ [~OPP]\n";
const VERBS: &str = "ACCUSE [112]\nATTACK [190]\nARREST [173]\n";

/// Writes the suite with its dictionaries and returns, per record id, what was produced.
fn produced(records: &str) -> Vec<(String, Vec<Triple>)> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    write(
        "t.project",
        "<actorsfile> t.actors\n<verbsfile> t.verbs\n<agentsfile> t.agents\n<textfile> t.text\n",
    );
    write("t.actors", ACTORS);
    write("t.agents", AGENTS);
    write("t.verbs", VERBS);
    write("t.text", records);
    let path = dir.path().join("t.text");
    let (_, report) = run_suite(Path::new(&path), &DictionaryArgs::default(), &CoderConfig::default(), true)
        .unwrap_or_else(|e| panic!("{e:#}"));
    report.records.into_iter().map(|r| (r.id, r.produced)).collect()
}

fn of<'a>(all: &'a [(String, Vec<Triple>)], id: &str) -> &'a [Triple] {
    all.iter().find(|(i, _)| i == id).map_or_else(|| panic!("no record {id}"), |(_, p)| p.as_slice())
}

fn t(s: &str, tg: &str, c: &str) -> Triple {
    Triple::new(s, tg, c)
}

#[test]
fn default_actors_from_their_record_on() {
    let all = produced(
        "950101 DEF-01
Then it accused Gondor of lying about the border.
/* {---} */

950101 DEF-ON
Switching default actors on.
/* { OPTION: DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER } */

950101 DEF-02
Then it accused Gondor of lying about the border.
/* { DEFSRC / GON / 112 } */

950101 DEF-03
Arnor and Bree accused the neighbours of lying.
/* { ARN / DEFTAR / 112 } { BRE / DEFTAR / 112 } */

950101 DEF-NOAFTER
/* { OPTION: DEFAULT: OFF }
{ OPTION: DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] } */

950101 DEF-04
Arnor and Bree accused the neighbours of lying.
/* { ARN / BRE / 112 } */

950101 DEF-OFF
/* { OPTION: DEFAULT: OFF } */

950101 DEF-05
Then it accused Gondor of lying about the border.
/* {---} */
",
    );
    assert_eq!(of(&all, "DEF-01"), []);
    assert_eq!(of(&all, "DEF-02"), [t("DEFSRC", "GON", "112")]);
    assert_eq!(of(&all, "DEF-03"), [t("ARN", "DEFTAR", "112"), t("BRE", "DEFTAR", "112")]);
    assert_eq!(of(&all, "DEF-04"), [t("ARN", "BRE", "112")]);
    assert_eq!(of(&all, "DEF-05"), []);
}

#[test]
fn code_by_sentence_and_convert_agent() {
    let all = produced(
        "950101 BY-01
Arnor accused Gondor of lying but Mordor attacked Bree.
/* { ARN / GON / 112 } { MOR / BRE / 190 } */

950101 BY-ON
/* { OPTION: SET: CODE BY SENTENCE }
{ OPTION: SET: CONVERT AGENT = TRUE } */

950101 BY-02
Arnor accused Gondor of lying but Mordor attacked Bree.
/* { ARN / GON / 112 } */

950101 BY-03
Police arrested protesters in the capital on Monday.
/* { ~COP / ~OPP / 173 } */

950101 BY-OFF
/* { OPTION: SET: CODE BY CLAUSE }
{ OPTION: SET: CONVERT AGENT = FALSE } */

950101 BY-04
Arnor accused Gondor of lying but Mordor attacked Bree.
/* { ARN / GON / 112 } { MOR / BRE / 190 } */

950101 BY-05
Police arrested protesters in the capital on Monday.
/* {---} */
",
    );
    assert_eq!(of(&all, "BY-01").len(), 2);
    assert_eq!(of(&all, "BY-02"), [t("ARN", "GON", "112")]);
    assert_eq!(of(&all, "BY-03"), [t("~COP", "~OPP", "173")]);
    assert_eq!(of(&all, "BY-04").len(), 2);
    assert_eq!(of(&all, "BY-05"), []);
}

#[test]
fn minimum_words() {
    let all = produced(
        "950101 MIN-01
Arnor accused Gondor.
/* { ARN / GON / 112 } */

950101 MIN-ON
/* { OPTION: SET: MINIMUM WORDS = 5 } */

950101 MIN-02
Arnor accused Gondor.
/* {---} */

950101 MIN-03
Arnor accused Gondor of lying.
/* { ARN / GON / 112 } */
",
    );
    assert_eq!(of(&all, "MIN-01"), [t("ARN", "GON", "112")]);
    assert_eq!(of(&all, "MIN-02"), []);
    assert_eq!(of(&all, "MIN-03"), [t("ARN", "GON", "112")]);
}

#[test]
fn forwarding_reads_the_story_before_a_record() {
    let story = "950101 ST-001-001
Arnor accused Mordor of lying on Monday.
/* { ARN / MOR / 112 } */

950101 ST-001-002
Later it accused Gondor of lying about the border.
/* { ARN / GON / 112 } */

950101 OT-002-001
Later it accused Gondor of lying about the border.
/* {---} */
";
    let off = produced(story);
    assert_eq!(of(&off, "ST-001-002"), []);
    let on = produced(&format!(
        "950101 FW-ON\n/* {{ OPTION: FORWARD: ^^*****NNN*SSS }} */\n\n{story}\n950101 FW-OFF\n\
         /* {{ OPTION: FORWARD: ^^*****NNN*SSS OFF }} */\n\n950101 LATE-001-001\n\
         Arnor accused Mordor of lying on Monday.\n/* {{ ARN / MOR / 112 }} */\n\n\
         950101 LATE-001-002\nLater it accused Gondor of lying about the border.\n/* {{---}} */\n"
    ));
    // Only the record's own sentence codes; the story before it gives the pronoun.
    assert_eq!(of(&on, "ST-001-001"), [t("ARN", "MOR", "112")]);
    assert_eq!(of(&on, "ST-001-002"), [t("ARN", "GON", "112")]);
    // Another story starts afresh; after FORWARD ... OFF records stand alone.
    assert_eq!(of(&on, "OT-002-001"), []);
    assert_eq!(of(&on, "LATE-001-002"), []);
}

#[test]
fn unknown_options_are_ignored() {
    let all = produced(
        "950101 BAD-ON
/* { OPTION: SET: FLY = HIGH }
{ OPTION: DEFAULT: SOURCE DEFSRC } */

950101 BAD-01
Arnor accused Gondor of lying.
/* { ARN / GON / 112 } */
",
    );
    assert_eq!(of(&all, "BAD-01"), [t("ARN", "GON", "112")]);
}
