//! Settings a caller changes between documents without recompiling:
//! default actors, events per sentence, agent-only dyads.

use dyad_coder::{ArticleMeta, CodeBy, Coder, DefaultActors};
use dyad_lexicon::{foreign, Lexicon};
use dyad_text::{Lang, TextPipeline};

const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nMORDOR [MOR]\n";
const AGENTS: &str = "POLICE_ [~COP]\nPROTESTERS_ [~OPP]\n";
const VERBS: &str = "ACCUSE [112]\nATTACK [190]\nARREST [173]\nURGE [020]\nSAID [010]\n";

fn lexicon() -> Lexicon {
    let mut lex = foreign::parse_actors(ACTORS, "t.actors");
    lex.extend(foreign::parse_agents(AGENTS, "t.agents"));
    lex.extend(foreign::parse_verbs(VERBS, "t.verbs"));
    lex
}

fn triples(coder: &Coder, text: &str) -> Vec<(String, String, String)> {
    let doc = TextPipeline::new().process(text, None, Some(Lang::En));
    coder
        .code_document(&doc, &ArticleMeta::new("t", None))
        .events
        .into_iter()
        .map(|e| (e.source.code, e.target.code, e.cameo))
        .collect()
}

fn want(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected.iter().map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string())).collect()
}

fn defaults(prior: bool, after: bool) -> DefaultActors {
    DefaultActors {
        source: Some("DEFSRC".into()),
        source_prior: prior,
        target: Some("DEFTAR".into()),
        target_after: after,
    }
}

#[test]
fn without_defaults_a_missing_side_codes_nothing() {
    let coder = Coder::new(&lexicon());
    assert_eq!(triples(&coder, "Then it accused Gondor."), want(&[]));
    assert_eq!(triples(&coder, "Arnor accused the world."), want(&[]));
}

#[test]
fn default_actors_fill_a_missing_side() {
    let mut coder = Coder::new(&lexicon());
    coder.set_default_actors(defaults(true, true));
    assert_eq!(triples(&coder, "Then it accused Gondor."), want(&[("DEFSRC", "GON", "112")]));
    assert_eq!(triples(&coder, "Arnor accused the world."), want(&[("ARN", "DEFTAR", "112")]));
    assert_eq!(triples(&coder, "Then it accused the world."), want(&[("DEFSRC", "DEFTAR", "112")]));
    // A compound side keeps one event per actor.
    assert_eq!(
        triples(&coder, "Then it accused Gondor and Bree."),
        want(&[("DEFSRC", "GON", "112"), ("DEFSRC", "BRE", "112")])
    );
    assert_eq!(
        triples(&coder, "Arnor and Bree accused the world."),
        want(&[("ARN", "DEFTAR", "112"), ("BRE", "DEFTAR", "112")])
    );
    // A complete dyad is left alone, and the stand-ins have no text.
    assert_eq!(triples(&coder, "Arnor accused Gondor."), want(&[("ARN", "GON", "112")]));
    let doc = TextPipeline::new().process("Then it accused Gondor.", None, Some(Lang::En));
    let events = coder.code_document(&doc, &ArticleMeta::new("t", None)).events;
    assert_eq!((events[0].source.text.as_str(), events[0].source.span), ("", [0, 0]));
    // Turned off again.
    coder.set_default_actors(DefaultActors::default());
    assert_eq!(triples(&coder, "Then it accused Gondor."), want(&[]));
}

#[test]
fn without_prior_the_source_is_taken_after_the_verb() {
    let mut coder = Coder::new(&lexicon());
    coder.set_default_actors(defaults(false, true));
    assert_eq!(triples(&coder, "Then it accused Gondor."), want(&[("GON", "DEFTAR", "112")]));
    assert_eq!(triples(&coder, "Then it accused Gondor and Bree."), want(&[("GON", "BRE", "112")]));
    assert_eq!(triples(&coder, "Then it accused the world."), want(&[("DEFSRC", "DEFTAR", "112")]));
}

#[test]
fn without_after_a_compound_subject_gives_the_target() {
    let mut coder = Coder::new(&lexicon());
    coder.set_default_actors(defaults(true, false));
    assert_eq!(triples(&coder, "Arnor and Bree accused the world."), want(&[("ARN", "BRE", "112")]));
    assert_eq!(triples(&coder, "Arnor accused the world."), want(&[("ARN", "DEFTAR", "112")]));
}

#[test]
fn code_by_sentence_keeps_the_first_verb() {
    let mut coder = Coder::new(&lexicon());
    let text = "Arnor accused Gondor while Mordor attacked Bree.";
    assert_eq!(triples(&coder, text), want(&[("ARN", "GON", "112"), ("MOR", "BRE", "190")]));
    coder.set_code_by(CodeBy::Sentence);
    assert_eq!(triples(&coder, text), want(&[("ARN", "GON", "112")]));
    // Every pair of the first verb stays.
    assert_eq!(
        triples(&coder, "Arnor and Bree accused Gondor while Mordor attacked Bree."),
        want(&[("ARN", "GON", "112"), ("BRE", "GON", "112")])
    );
    coder.set_code_by(CodeBy::Clause);
    assert_eq!(triples(&coder, text).len(), 2);
}

#[test]
fn agent_dyads_are_kept_when_asked() {
    let mut coder = Coder::new(&lexicon());
    let text = "Police arrested protesters.";
    assert_eq!(triples(&coder, text), want(&[]));
    coder.set_agent_dyads(true);
    assert_eq!(triples(&coder, text), want(&[("~COP", "~OPP", "173")]));
}
