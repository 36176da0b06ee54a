//! Coder behaviour, one case per mechanism, on small inline dictionaries in
//! TABARI format (so every case reads as a dictionary entry plus a sentence).

use chrono::NaiveDate;
use dyad_coder::{ArticleMeta, Coder, Event};
use dyad_lexicon::{foreign, own, Lexicon};
use dyad_text::{Lang, TextPipeline};

const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nOSGILIATH [OSG]\n\
                      TELEMAR [DAGGOV 950101-991231] [DAGELI]\n";
const AGENTS: &str = "POLICE_ [~COP]\nFOREIGN_MINISTER_ [~GOV]\nREBELS_ [~REB]\n";
const VERBS: &str = "ACCUSE [112]\nATTACK [190]\nRESTORE [---]\n- * DIPLOMATIC TIES [064]\n\
                     LEFT_FOR [032:033]\nMEET [036]\nSAID [010]\nARREST [173]\n";

fn lexicon() -> Lexicon {
    let mut lex = foreign::parse_actors(ACTORS, "t.actors");
    lex.extend(foreign::parse_agents(AGENTS, "t.agents"));
    lex.extend(foreign::parse_verbs(VERBS, "t.verbs"));
    lex.extend(foreign::parse_discards("FOOTBALL\n+WORLD CUP\n", "t.discards"));
    lex
}

fn code_with(coder: &Coder, text: &str, date: Option<NaiveDate>) -> Vec<Event> {
    code_in(coder, Lang::En, text, date)
}

/// Codes `text`, written in `lang` and published on `date`, with `coder`.
fn code_in(coder: &Coder, lang: Lang, text: &str, date: Option<NaiveDate>) -> Vec<Event> {
    let doc = TextPipeline::new().process(text, None, Some(lang));
    coder.code_document(&doc, &ArticleMeta::new("t", date)).events
}

/// Codes `text` and compares (source, target, code) triples, in order.
fn check(text: &str, expected: &[(&str, &str, &str)]) {
    check_with_verbs("", text, expected);
}

#[test]
fn subject_verb_object() {
    check("Arnor accused Gondor of lying.", &[("ARN", "GON", "112")]);
}

#[test]
fn a_pattern_refines_a_null_verb() {
    check("Arnor will restore full diplomatic ties with Gondor.", &[("ARN", "GON", "064")]);
    check("Arnor will restore the old bridge near Gondor.", &[]);
}

#[test]
fn agents_attach_to_their_actor() {
    check("Gondor police arrested Mordor rebels.", &[("GONCOP", "MORREB", "173")]);
    check("The foreign minister of Arnor accused Gondor.", &[("ARNGOV", "GON", "112")]);
    check("Arnor's foreign minister accused Gondor.", &[("ARNGOV", "GON", "112")]);
}

#[test]
fn coordination_gives_one_event_per_pair() {
    check("Arnor and Gondor accused Mordor.", &[("ARN", "MOR", "112"), ("GON", "MOR", "112")]);
}

#[test]
fn passive_voice_swaps_the_actors() {
    check("Gondor was attacked by Mordor.", &[("MOR", "GON", "190")]);
}

#[test]
fn negation_codes_nothing() {
    check("Arnor did not accuse Gondor.", &[]);
}

#[test]
fn paired_codes_give_two_events() {
    check("Arnor's foreign minister left for Gondor.", &[("ARNGOV", "GON", "032"), ("GON", "ARNGOV", "033")]);
}

#[test]
fn reporting_verbs_do_not_code_alone() {
    check("Arnor said Mordor attacked Gondor.", &[("MOR", "GON", "190")]);
}

#[test]
fn determiner_makes_a_noun() {
    check("Arnor condemned the attack on Gondor.", &[]);
}

#[test]
fn actor_codes_follow_the_article_date() {
    let coder = Coder::new(&lexicon());
    let in_term = code_with(&coder, "Telemar accused Gondor.", NaiveDate::from_ymd_opt(1997, 5, 1));
    let after = code_with(&coder, "Telemar accused Gondor.", NaiveDate::from_ymd_opt(2005, 5, 1));
    assert_eq!(in_term[0].source.code, "DAGGOV");
    assert_eq!(after[0].source.code, "DAGELI");
}

#[test]
fn discards_drop_sentences_and_stories() {
    let coder = Coder::new(&lexicon());
    let sentence =
        code_with(&coder, "Arnor accused Gondor of football fraud. Mordor attacked Osgiliath.", None);
    assert_eq!(sentence.len(), 1);
    assert_eq!(sentence[0].cameo, "190");
    let doc =
        TextPipeline::new().process("Arnor accused Gondor. The World Cup begins.", None, Some(Lang::En));
    let story = coder.code_document(&doc, &ArticleMeta::new("t", None));
    assert!(story.events.is_empty());
    assert!(story.discarded_by.is_some_and(|r| r.contains("WORLD CUP")));
}

#[test]
fn evidence_points_at_the_words() {
    let coder = Coder::new(&lexicon());
    let events = code_with(&coder, "Yesterday Arnor accused Gondor.", None);
    let e = &events[0];
    let chars: Vec<char> = e.evidence.sentence.chars().collect();
    let text = |[s, t]: [usize; 2]| chars[s..t].iter().collect::<String>();
    assert_eq!(text(e.source.span), "Arnor");
    assert_eq!(text(e.target.span), "Gondor");
    assert_eq!(text(e.evidence.trigger.span), "accused");
    assert!(e.evidence.rule.starts_with("t.verbs:1:"), "rule: {}", e.evidence.rule);
    assert_eq!((e.goldstein, e.quad_class, e.cameo_root.as_str()), (Some(-2.0), Some(3), "11"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    /// Arbitrary text through the whole pipeline never panics, and every span is in bounds.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}", seed in proptest::prelude::any::<u8>()) {
        let lex = if seed % 2 == 0 { lexicon() } else { own::builtin("en").unwrap_or_default() };
        let coder = Coder::new(&lex);
        let mixed = format!("{text} Arnor accused Gondor. {text}");
        for e in code_with(&coder, &mixed, None) {
            let n = e.evidence.sentence.chars().count();
            for [s, t] in [e.source.span, e.target.span, e.evidence.trigger.span] {
                proptest::prop_assert!(s <= t && t <= n);
            }
        }
    }
}

/// Codes `text` with the test dictionaries plus `verbs` (TABARI format).
fn check_with_verbs(verbs: &str, text: &str, expected: &[(&str, &str, &str)]) {
    let mut lex = lexicon();
    lex.extend(foreign::parse_verbs(verbs, "extra.verbs"));
    let coder = Coder::new(&lex);
    let got: Vec<(String, String, String)> =
        code_with(&coder, text, None).into_iter().map(|e| (e.source.code, e.target.code, e.cameo)).collect();
    let want: Vec<(String, String, String)> =
        expected.iter().map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string())).collect();
    assert_eq!(got, want, "sentence: {text}");
}

#[test]
fn one_sentence_reports_an_event_once() {
    check_with_verbs("ASSAULT [190]\n", "Arnor attacked and assaulted Gondor.", &[("ARN", "GON", "190")]);
}

#[test]
fn a_statement_by_its_default_code_yields_to_the_reported_event() {
    // SAID's own code is not a 01 statement here, yet it is only the telling.
    check_with_verbs("SAYS [023]\n", "Arnor says Mordor attacked Gondor.", &[("MOR", "GON", "190")]);
    check_with_verbs("SAYS [023]\n", "Arnor says Mordor.", &[("ARN", "MOR", "023")]);
}

#[test]
fn a_skipped_actor_takes_no_part() {
    let verbs = "CELEBRATE [---]\n- * IFTAR IN ^ +  [045]\nWARN [160]\n- * THEIR ^ ABOUT +  [162]\n";
    check_with_verbs(verbs, "Arnor celebrated Iftar in Osgiliath with Gondor.", &[("ARN", "GON", "045")]);
    // `^` over a phrase that is no actor.
    check_with_verbs(verbs, "Arnor warned their populations about Mordor.", &[("ARN", "MOR", "162")]);
}

#[test]
fn a_form_under_two_entries_gets_both_entries_patterns() {
    let verbs = "SHOT [---]\n- *_AND_WOUNDED  [223]\nSHOT [223]\n- + WAS * DEAD IN $  [224]\n";
    check_with_verbs(verbs, "Arnor was shot dead in Gondor.", &[("GON", "ARN", "224")]);
    check_with_verbs(verbs, "Arnor shot Gondor.", &[("ARN", "GON", "223")]);
}

#[test]
fn words_a_pattern_matched_do_not_code_again() {
    let verbs = "PUSH [---]\n- * + FOR CEASEFIRE TALKS  [0256]\nTALKS [040]\n";
    check_with_verbs(
        verbs,
        "Arnor pushed Gondor for ceasefire talks with Mordor.",
        &[("ARN", "GON", "0256")],
    );
}

#[test]
fn an_event_at_home_keeps_its_own_country_as_target() {
    check_with_verbs("MARCH [141]\n", "Arnor marched in Arnor.", &[("ARN", "ARN", "141")]);
    check("Arnor attacked Arnor.", &[]);
}

#[test]
fn a_verb_form_used_as_a_noun_codes_only_through_a_pattern_before_it() {
    let verbs = "TALKS [---]\n- % HAVE POSTPONED *  [191]\n";
    check_with_verbs(
        verbs,
        "Arnor and Gondor have postponed their talks.",
        &[("ARN", "GON", "191"), ("GON", "ARN", "191")],
    );
    // Without the words before it, "the attack" is a noun and codes nothing.
    check("Gondor saw the attack on Mordor.", &[]);
}

#[test]
fn an_actor_inside_an_apposition_is_not_the_subject() {
    let verbs = "CONDEMN [---]\n- $ *  [122]\n";
    check_with_verbs(verbs, "Arnor, a rival of Mordor, condemned Gondor.", &[("ARN", "GON", "122")]);
}

#[test]
fn a_complex_marker_codes_nothing() {
    check_with_verbs("BLAST [+++]\n", "Gondor blasted Mordor.", &[]);
    check_with_verbs("REPEL [223]\n", "Gondor repelled Mordor.", &[("GON", "MOR", "223")]);
    let mut lex = lexicon();
    lex.extend(foreign::parse_actors("ISILDUR [+++]\n", "x.actors"));
    lex.extend(foreign::parse_verbs("REPEL [223]\n", "x.verbs"));
    let got = code_with(&Coder::new(&lex), "Isildur repelled Mordor.", None);
    assert!(got.is_empty(), "{:?}", got.iter().map(|e| &e.source.code).collect::<Vec<_>>());
}

/// Codes `text` with the built-in dictionary of `lang`.
fn code_builtin(lang: Lang, text: &str) -> Vec<Event> {
    code_builtin_with(lang, text, |_| {})
}

/// [`code_builtin`] with the coder's settings changed first.
fn code_builtin_with(lang: Lang, text: &str, configure: impl FnOnce(&mut Coder)) -> Vec<Event> {
    let mut coder = Coder::new(&own::builtin(lang.code()).unwrap_or_else(|e| panic!("{e}")));
    configure(&mut coder);
    code_in(&coder, lang, text, None)
}

/// The source codes of the events `text` gets with the built-in dictionary of `lang`.
fn sources_builtin(lang: Lang, text: &str) -> Vec<String> {
    code_builtin(lang, text).into_iter().map(|e| e.source.code).collect()
}

/// Codes `text` with the built-in dictionary of `lang` and asserts that some
/// event satisfies `wanted`, printing every event otherwise.
fn assert_some_event(lang: Lang, text: &str, wanted: impl Fn(&Event) -> bool) {
    let events = code_builtin(lang, text);
    assert!(
        events.iter().any(wanted),
        "{text}: {:?}",
        events.iter().map(|e| (&e.source.code, &e.target.code, &e.cameo)).collect::<Vec<_>>()
    );
}

/// Italian and French dictionary names with an elided article ("Consiglio
/// d' Europa") meet the text's tokens ("d'" split off "Europa").
#[test]
fn elided_articles_in_dictionary_names_match_the_text() {
    for (lang, text, source) in [
        (Lang::It, "Il Consiglio d'Europa ha condannato la Russia.", "IGOCOE"),
        (Lang::It, "Il ministro dell'Interno russo ha criticato la Francia.", "RUSGOV"),
        (Lang::Fr, "Le chef de l'État français a critiqué la Russie.", "FRAGOV"),
    ] {
        assert_some_event(lang, text, |e| e.source.code == source);
    }
}

/// A number before a role sums up actors named before ("the two ministers"),
/// but a lower-case country adjective right after the role is its own
/// ("due diplomatici tedeschi").
#[test]
fn a_country_adjective_after_a_counted_role_gives_its_country() {
    for (lang, text, target) in [
        (Lang::It, "Mosca ha espulso due diplomatici tedeschi.", "DEUGOV"),
        (Lang::Fr, "La Russie a expulsé deux diplomates français.", "FRAGOV"),
    ] {
        assert_some_event(lang, text, |e| e.target.code == target && e.cameo == "166");
    }
}

/// A counterpart is another government's office: the country after it is
/// its own, though a possessive ("su", "his") points at the subject.
#[test]
fn a_counterpart_takes_the_country_after_it() {
    for (lang, text, pair) in [
        (
            Lang::Es,
            "El presidente del Gobierno, Pedro Sánchez, y su homólogo de Portugal, Luís Montenegro, firmaron un tratado.",
            ("ESPGOV", "PRTGOV"),
        ),
        (Lang::It, "Meloni e il suo omologo del Giappone, Shigeru Ishiba, hanno firmato un accordo.", ("ITAGOV", "JPNGOV")),
        (Lang::En, "Lavrov met his counterpart from Turkey, Hakan Fidan, in Moscow.", ("RUSGOV", "TURGOV")),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.iter().any(|(s, t, _)| (s.as_str(), t.as_str()) == pair), "{text}: {got:?}");
        assert!(got.iter().all(|(s, t, _)| s != t), "{text}: {got:?}");
    }
}

/// Two subjects of a meeting verb met each other, unless a named object
/// follows the verb: then both met it.
#[test]
fn two_subjects_meet_the_object_after_the_verb() {
    let got = triples_builtin(Lang::De, "Merz und Macron trafen am Montag Selenskyj.");
    for pair in [("DEUGOV", "UKRGOV"), ("FRAGOV", "UKRGOV"), ("UKRGOV", "DEUGOV")] {
        assert!(got.iter().any(|(s, t, c)| (s.as_str(), t.as_str()) == pair && c == "040"), "{got:?}");
    }
    assert!(!got.iter().any(|(s, t, _)| s == "DEUGOV" && t == "FRAGOV"), "{got:?}");
    let got = triples_builtin(Lang::De, "Merz und Macron trafen sich am Montag in Berlin.");
    assert!(got.contains(&triple("DEUGOV", "FRAGOV", "040")), "{got:?}");
    // A country-less role after the verb is a modifier, not whom they met.
    let got = triples_builtin(Lang::En, "Russia, Ukraine agree big prisoner swap.");
    assert!(got.iter().any(|(s, t, c)| s == "RUS" && t == "UKR" && c.starts_with("05")), "{got:?}");
}

/// A bare number counts people, it sums up no one: the victims of "uccidendo
/// quattro persone" are not the four states named the sentence before.
#[test]
fn a_bare_number_counts_and_sums_up_no_one() {
    let text = "I negoziatori ucraini erano affiancati da consiglieri di Francia, Germania e Regno Unito. \
                Intanto droni russi hanno colpito Kharkiv, uccidendo quattro persone.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.iter().any(|(s, t, _)| s == "RUS" && t == "UKRCVL"), "{got:?}");
    assert!(got.iter().all(|(_, t, _)| !["FRACVL", "DEUCVL", "GBRCVL"].contains(&t.as_str())), "{got:?}");
}

/// With dyad's own dictionaries a side named only by its role takes the
/// country of the place the sentence names; a side with a country keeps it.
#[test]
fn roles_take_the_country_of_the_place() {
    let triples = |events: &[Event]| -> Vec<(String, String, String)> {
        events.iter().map(|e| (e.source.code.clone(), e.target.code.clone(), e.cameo.clone())).collect()
    };
    let events = code_builtin(Lang::En, "In Tirana, police arrested twelve protesters.");
    assert_eq!(triples(&events), [("ALBCOP".into(), "ALBCVL".into(), "173".into())]);
    // A side with a country keeps it.
    let events = code_builtin(Lang::En, "In Tirana, Serbian police arrested twelve protesters.");
    assert!(events.iter().all(|e| e.source.code == "SRBCOP"), "{:?}", triples(&events));
    // The place may come after the event; two bare roles with no place say
    // nothing of where or whom, and are not coded.
    let events = code_builtin(Lang::En, "Police arrested twelve protesters on Monday in Tirana.");
    assert_eq!(triples(&events), [("ALBCOP".into(), "ALBCVL".into(), "173".into())]);
    let events = code_builtin(Lang::It, "La polizia ha arrestato dodici manifestanti a Tirana.");
    assert_eq!(triples(&events), [("ALBCOP".into(), "ALBCVL".into(), "173".into())]);
    assert_eq!(triples(&code_builtin(Lang::En, "Police arrested twelve protesters.")), []);
    // A place noun may stand between the preposition and the name.
    let events = code_builtin(Lang::Es, "La policía detuvo a doce manifestantes en la ciudad de Tirana.");
    assert_eq!(triples(&events), [("ALBCOP".into(), "ALBCVL".into(), "173".into())]);
    let events =
        code_builtin(Lang::En, "Gunmen kidnapped dozens of students from a school in northern Nigeria.");
    assert_eq!(triples(&events), [("NGAREB".into(), "NGAEDU".into(), "181".into())]);
    // Counted people are civilians (`a_counted_people_are_civilians`).
    let events =
        code_builtin(Lang::En, "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk.");
    assert_eq!(triples(&events), [("IRQCVL".into(), "IRQ".into(), "141".into())]);
}

/// Failing a place, a side named only by its role takes the country of the
/// event's other side, in either direction, but never that side's own code.
#[test]
fn roles_take_the_country_of_the_other_side() {
    let pairs = |lang: Lang, text: &str| -> Vec<(String, String)> {
        code_builtin(lang, text).iter().map(|e| (e.source.code.clone(), e.target.code.clone())).collect()
    };
    assert_eq!(
        pairs(Lang::En, "Iranian police arrested twelve protesters."),
        [("IRNCOP".into(), "IRNCVL".into())]
    );
    assert_eq!(
        pairs(Lang::Es, "Los rebeldes rechazaron el llamamiento del gobierno de Malí."),
        [("MLIREB".into(), "MLIGOV".into())]
    );
    // An organisation lends no country.
    assert_eq!(pairs(Lang::En, "NATO condemned the rebels."), [("IGOWSTNAT".into(), "~REB".into())]);
    // A diplomat is another state's: he neither takes his host's country nor
    // lends his own to the government that summons him.
    assert_eq!(
        pairs(Lang::Fr, "Pékin a élevé de sévères protestations auprès de l'ambassadeur."),
        [("CHNGOV".into(), "~GOV".into())]
    );
    assert_eq!(pairs(Lang::Es, "El Gobierno convocó al embajador ruso."), [("~GOV".into(), "RUSGOV".into())]);
    // A minister meeting "the minister" stays a role, not a meeting with itself
    // (a meeting is mutual: both ways).
    assert_eq!(
        pairs(Lang::En, "The French foreign minister met the minister."),
        [("FRAGOV".into(), "~GOV".into()), ("~GOV".into(), "FRAGOV".into())]
    );
}

/// An infinitive of purpose or content later in the sentence is part of the
/// event its governing verb already codes ("began a hunger strike to demand",
/// "marcharon … para exigir"), not a second event; a noun after "de" is no
/// infinitive, and a purpose clause whose governing verb found no subject
/// still codes.
#[test]
fn a_purpose_infinitive_is_part_of_its_governing_event() {
    let roots = |lang: Lang, text: &str| -> Vec<String> {
        code_builtin(lang, text).iter().map(|e| e.cameo_root.clone()).collect()
    };
    let hunger = roots(
        Lang::En,
        "Algerian landowners began a hunger strike outside parliament on Monday to demand the return of property seized by the Algerian government.",
    );
    assert!(hunger.contains(&"14".to_string()) && !hunger.contains(&"10".to_string()), "{hunger:?}");
    let march = roots(
        Lang::Es,
        "Unos 400 obreros peruanos marcharon este miércoles hasta la sede del gobierno en Lima para exigir aumentos salariales al gobierno peruano.",
    );
    assert!(march.contains(&"14".to_string()) && !march.contains(&"10".to_string()), "{march:?}");
}

/// A reflexive clitic before the auxiliary makes the participle active:
/// "si è congratulato", "s'est entretenu" keep their subject as the source.
#[test]
fn a_reflexive_auxiliary_is_active() {
    for (lang, text, expected) in [
        (
            Lang::It,
            "Il presidente francese si è congratulato con il premier italiano.",
            ("FRAGOV", "ITAGOV", "051"),
        ),
        (
            Lang::Fr,
            "Le président français s'est entretenu avec le chancelier allemand.",
            ("FRAGOV", "DEUGOV", "040"),
        ),
    ] {
        let events = code_builtin(lang, text);
        let triples: Vec<(&str, &str, &str)> = events
            .iter()
            .map(|e| (e.source.code.as_str(), e.target.code.as_str(), e.cameo.as_str()))
            .collect();
        assert!(triples.contains(&expected), "{text}: {triples:?}");
    }
}

/// An event word in the object of the previous event, with that event's
/// subject for its own, is what the previous event is about, not a second
/// event; a coordinated verb and one after a comma are events of their own.
#[test]
fn an_event_in_the_object_of_another_is_not_coded_again() {
    let verbs = "REJECT [120]\nOFFER [030]\nCENSURE [111]\nVETO [129]\n";
    check_with_verbs(verbs, "Arnor rejected a Gondor offer to host talks.", &[("ARN", "GON", "120")]);
    check_with_verbs(verbs, "Arnor vetoed a resolution censuring Gondor.", &[("ARN", "GON", "129")]);
    check_with_verbs(
        verbs,
        "Arnor rejected a Gondor plan and attacked Mordor.",
        &[("ARN", "GON", "120"), ("ARN", "MOR", "190")],
    );
    check_with_verbs(
        verbs,
        "Arnor rejected a Gondor plan, attacking Mordor.",
        &[("ARN", "GON", "120"), ("ARN", "MOR", "190")],
    );
}

/// A Romance gerund heads an adverbial clause of its own: its event stands
/// beside the previous one ("marcharon exigiendo", "hanno manifestato chiedendo").
#[test]
fn a_romance_gerund_is_an_event_of_its_own() {
    let events = code_builtin(
        Lang::Es,
        "Miles de estudiantes chilenos marcharon en Santiago exigiendo la renuncia del Gobierno.",
    );
    let roots: Vec<&str> = events.iter().map(|e| e.cameo.get(..2).unwrap_or_default()).collect();
    assert!(
        roots.contains(&"14") && roots.contains(&"10"),
        "{:?}",
        events.iter().map(|e| (&e.source.code, &e.target.code, &e.cameo)).collect::<Vec<_>>()
    );
}

/// An actor after a bare comma that a verb of saying follows is the teller,
/// not one more member of a list.
#[test]
fn the_teller_after_a_comma_is_not_listed() {
    check("Arnor attacked Gondor, Mordor said.", &[("ARN", "GON", "190")]);
    check(
        "Arnor attacked Gondor, Mordor and Osgiliath.",
        &[("ARN", "GON", "190"), ("ARN", "MOR", "190"), ("ARN", "OSG", "190")],
    );
}

/// With dyad's own dictionaries a role governing an organisation keeps the
/// organisation's code: the commander of Hamas is Hamas, not `PSEREBMIL`.
#[test]
fn a_role_does_not_stack_on_an_organisation() {
    for (lang, text, target) in [
        (Lang::It, "L'esercito israeliano ha ucciso un alto comandante di Hamas.", "PSEREB"),
        (Lang::En, "Israeli troops killed a senior commander of Hamas.", "PSEREB"),
    ] {
        assert_some_event(lang, text, |e| e.target.code == target);
    }
}

/// The agent of a passive may follow an article and a noun the dictionary
/// lacks ("by a Mordor unit", "da un cecchino palestinese"); the passive's
/// subject may be what an actor did ("the decision of Gondor was attacked").
#[test]
fn passive_agents_after_an_article_and_owners_of_the_subject() {
    check("Osgiliath was attacked by a Mordor unit.", &[("MOR", "OSG", "190")]);
    check("Osgiliath was attacked by a ruthless Mordor unit.", &[("MOR", "OSG", "190")]);
    check("The decision of Gondor was attacked by Mordor.", &[("MOR", "GON", "190")]);
    assert_some_event(
        Lang::It,
        "Un soldato israeliano è stato ucciso da un cecchino palestinese a Jenin.",
        |e| e.source.code == "PSE" && e.target.code == "ISRMIL",
    );
}

/// A place that opens the sentence after a preposition ends at its comma,
/// even when the subject after it is a role and a name set off by commas:
/// the place is neither a list with them nor named again by them.
#[test]
fn an_opening_place_leaves_a_role_and_name_between_commas_the_subject() {
    for text in [
        "Desde Kiev, el presidente ucraniano, Volodímir Zelenski, acusó a Rusia de atacar hospitales.",
        "Desde Kiev, el presidente ucraniano Volodímir Zelenski acusó a Rusia de atacar hospitales.",
    ] {
        assert_some_event(Lang::Es, text, |e| {
            e.source.code == "UKRGOV" && e.target.code == "RUS" && e.cameo_root == "11"
        });
    }
}

/// A subject carried over from an earlier sentence never acts in a passive:
/// a pronoun subject is who suffers, and a passive without one names no
/// actor, however pro-drop the language.
#[test]
fn a_carried_subject_suffers_a_passive_or_stays_out_of_it() {
    let protest = "Migliaia di persone hanno manifestato a Istanbul contro il governo.";
    let got = triples_builtin(Lang::It, &format!("{protest} Almeno 50 persone sono state arrestate."));
    assert!(got.iter().all(|(_, _, code)| !code.starts_with("17")), "{got:?}");
    assert_some_event(Lang::It, protest, |e| e.cameo_root == "14");
    let visit = "Le ministre français des Affaires étrangères est arrivé à Kiev. \
        Il a été reçu par le président ukrainien.";
    let got = triples_builtin(Lang::Fr, visit);
    assert!(got.iter().any(|(s, t, _)| s == "UKRGOV" && t == "FRAGOV"), "{got:?}");
    assert!(got.iter().all(|(s, t, _)| !(s == "FRAGOV" && t == "UKRGOV")), "{got:?}");
}

/// With dyad's own dictionaries a people counted by a quantity are its
/// civilians, not its state; a people named alone stays the country.
#[test]
fn a_counted_people_are_civilians() {
    for (lang, text, source) in [
        (Lang::En, "Thousands of Israelis protested in Tel Aviv against the government.", "ISRCVL"),
        (Lang::It, "Migliaia di israeliani hanno manifestato a Tel Aviv contro il governo.", "ISRCVL"),
        (Lang::Es, "Decenas de miles de israelíes se manifestaron en Tel Aviv contra el Gobierno.", "ISRCVL"),
        (Lang::En, "Israel protested to Egypt against the decision.", "ISR"),
    ] {
        assert_some_event(lang, text, |e| e.source.code == source);
    }
}

/// Two coordinated country adjectives share the role after them: "Indian
/// and Pakistani troops" are both troops; a country name does not take it.
#[test]
fn coordinated_country_adjectives_share_their_role() {
    let sources = |text: &str| sources_builtin(Lang::En, text);
    let got = sources("Indian and Pakistani troops exchanged fire in Kashmir.");
    assert!(got.contains(&"INDMIL".to_string()) && got.contains(&"PAKMIL".to_string()), "{got:?}");
    let got = sources("Israel and Palestinian militants agreed to a truce.");
    assert!(got.contains(&"ISR".to_string()) && !got.contains(&"ISRREB".to_string()), "{got:?}");
}

/// Members listed after "including" ("tra cui", "darunter") are part of the
/// actor before them, not actors of their own; when that actor is only a
/// role or a region, the members stand for it.
#[test]
fn members_after_including_belong_to_the_actor_before_them() {
    check("Gondor, including Osgiliath, attacked Mordor.", &[("GON", "MOR", "190")]);
    check("Gondor, including Osgiliath and Arnor, attacked Mordor.", &[("GON", "MOR", "190")]);
    check("Rebels, including Osgiliath, attacked Mordor.", &[("OSG", "MOR", "190")]);
    // Without the inclusive they are a list of their own.
    check("Gondor and Osgiliath attacked Mordor.", &[("GON", "MOR", "190"), ("OSG", "MOR", "190")]);
    let got = sources_builtin(
        Lang::It,
        "Diversi paesi europei, tra cui la Francia e la Germania, hanno condannato la Russia.",
    );
    assert_eq!(got, ["FRA", "DEU"]);
    let got =
        sources_builtin(Lang::En, "Syrian forces, including tanks and artillery, attacked rebels in Homs.");
    assert_eq!(got, ["SYRMIL"]);
}

/// The place named in a closing attribution ("…, officials in Nairobi
/// said") is where the news was told, not where the event happened, and
/// gives no country to a role.
#[test]
fn the_place_of_an_attribution_is_not_the_place_of_the_event() {
    let text = "Rebels kidnapped twelve Sudanese aid workers, relief officials in Nairobi said.";
    assert_some_event(Lang::En, text, |e| e.source.code == "SDNREB" && e.cameo.starts_with("18"));
    let events = code_builtin(Lang::En, text);
    assert!(events.iter().all(|e| e.location.as_ref().is_none_or(|l| l.country != "KEN")));
    // Where the event itself is placed still counts.
    let text = "Rebels kidnapped twelve aid workers in Nairobi, officials said.";
    assert_some_event(Lang::En, text, |e| e.source.code == "KENREB");
}

/// An adverbial clause ("while", "after", "until") ends the verb's clause:
/// its actor is not the object. A condition is the exception: a threat is
/// aimed at whoever must meet it ("unless Gondor paid").
#[test]
fn an_adverbial_clause_holds_no_object() {
    check("Arnor attacked yesterday while Gondor watched.", &[]);
    check("Arnor attacked Gondor while Mordor watched.", &[("ARN", "GON", "190")]);
    check_with_verbs(
        "THREATENED [130]\n",
        "Arnor threatened to leave unless Gondor paid.",
        &[("ARN", "GON", "130")],
    );
}

/// A counted member of a list is still a member: "X and a group of Y",
/// "X and thousands of Y".
#[test]
fn a_counted_member_of_a_list_is_coordinated() {
    check(
        "Arnor and thousands of Gondor rebels attacked Mordor.",
        &[("ARN", "MOR", "190"), ("GONREB", "MOR", "190")],
    );
}

/// A possessor and a person of its country are one actor, the person ("to
/// meet Jordan's visiting King Abdullah II", "Germany's Gerhard Schröder"),
/// and a possessive before an -ing form makes a noun ("Jordan's visiting").
#[test]
fn a_possessor_and_its_person_are_one_actor() {
    assert_some_event(Lang::En, "France's Jacques Chirac criticized Germany's Gerhard Schroeder.", |e| {
        e.source.code.starts_with("FRA")
            && e.source.code.len() > 3
            && e.target.code.starts_with("DEU")
            && e.target.code.len() > 3
    });
    let events = code_builtin(Lang::En, "Jordan's visiting King Abdullah II criticized Israel.");
    assert!(
        events.iter().all(|e| e.cameo != "042"),
        "{:?}",
        events.iter().map(|e| &e.cameo).collect::<Vec<_>>()
    );
}

/// A subject pronoun after a statement's "that" is the one who made the
/// statement ("Iran said that it had released …").
#[test]
fn a_pronoun_after_that_is_the_speaker() {
    check("Arnor said that it attacked Gondor.", &[("ARN", "GON", "190")]);
    assert_some_event(Lang::En, "Iran said that it had released two French tourists.", |e| {
        e.source.code == "IRN" && e.target.code == "FRA" && e.cameo.starts_with("084")
    });
}

/// An auxiliary between an article and a verb form makes it a verb, not a
/// noun ("Un ordigno ha ucciso…", "Una bomba ha matado…"); a sentence-opening
/// article is no place ("Una", Gujarat); and a place the target's own words
/// name after a locative ("policías en Bagdad") is where the event happened.
#[test]
fn an_auxiliary_after_an_article_makes_a_verb() {
    for (lang, text, target, country) in [
        (Lang::It, "Un ordigno ha ucciso tre soldati afghani a Kabul.", "AFGMIL", "AFG"),
        (Lang::Es, "Una bomba ha matado a cinco policías en Bagdad.", "IRQCOP", "IRQ"),
    ] {
        let events = code_builtin_with(lang, text, |coder| coder.set_allow_missing_actor(true));
        let event = events.iter().find(|e| e.target.code == target && e.cameo.starts_with("19"));
        let Some(event) = event else {
            panic!("{text}: {:?}", events.iter().map(|e| (&e.target.code, &e.cameo)).collect::<Vec<_>>())
        };
        let place = event.location.as_ref().map(|l| l.country.as_str());
        assert_eq!(place, Some(country), "{text}");
    }
}

/// With missing actors allowed, an event needs one known side; with no
/// actor allowed too, a verb codes even when neither side is known.
#[test]
fn events_without_any_known_actor_only_when_asked() {
    let codes = |missing: bool, none: bool, text: &str| {
        let mut coder = Coder::new(&lexicon());
        coder.set_allow_missing_actor(missing);
        coder.set_allow_no_actor(none);
        code_with(&coder, text, None)
            .into_iter()
            .map(|e| (e.source.code, e.target.code, e.cameo))
            .collect::<Vec<_>>()
    };
    let nobody = "The farmers accused the bankers of lying.";
    assert_eq!(codes(false, false, nobody), []);
    assert_eq!(codes(true, false, nobody), []);
    assert_eq!(codes(true, true, nobody), [(String::new(), String::new(), "112".to_string())]);
    // Without `allow_missing_actor`, `allow_no_actor` alone changes nothing.
    assert_eq!(codes(false, true, nobody), []);
    let one = "Arnor accused the bankers of lying.";
    assert_eq!(codes(true, false, one), [("ARN".to_string(), String::new(), "112".to_string())]);
}

/// A role "of" or "for" a country adjective and a second role serves that
/// owner: "a spokesman for the Syrian government" is SYRGOV, not a bare
/// spokesman beside a bare government.
#[test]
fn a_role_for_a_national_institution_is_that_institution() {
    // A meeting is mutual: the Greek diplomats are the source of the way back.
    for (text, sources) in [
        ("A spokesman for the Syrian government criticized Israel.", &["SYRGOV"][..]),
        ("Officials of the Turkish foreign ministry met Greek diplomats.", &["TURGOV", "GRCGOV"]),
    ] {
        assert_eq!(sources_builtin(Lang::En, text), sources, "{text}");
    }
}

/// A subject noun the dictionary lacks, owned by an actor through "of"
/// ("a member of the Syrian parliament"), makes that actor the subject; a
/// place after a locative never does ("a bombing near the town of Samarra").
#[test]
fn the_owner_of_an_unknown_subject_noun_acts() {
    assert_eq!(sources_builtin(Lang::En, "A member of the Syrian parliament criticized Israel."), ["SYRLEG"]);
    assert_eq!(sources_builtin(Lang::En, "The head of the Syrian parliament criticized Israel."), ["SYRLEG"]);
    let bombing = "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.";
    assert!(sources_builtin(Lang::En, bombing).iter().all(|s| !s.starts_with("IRQ")), "{bombing}");
}

/// The codes of the events `text` gets with the built-in dictionary of `lang`.
fn triples_builtin(lang: Lang, text: &str) -> Vec<(String, String, String)> {
    triples(&code_builtin(lang, text))
}

/// The (source, target, code) triples of `events`.
fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    events.iter().map(|e| (e.source.code.clone(), e.target.code.clone(), e.cameo.clone())).collect()
}

fn triple(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.to_string(), t.to_string(), c.to_string())
}

/// A pattern that names no side ("- troop * = 190") still learns who fought
/// whom from the reciprocal pattern ("- % .. * = 145") that matched too.
#[test]
fn a_compound_subject_acts_on_itself_under_a_more_specific_pattern() {
    for text in [
        "Armenian and Azerbaijani troops clashed on the border.",
        "Armenian troops and Azerbaijani troops clashed.",
    ] {
        let got = triples_builtin(Lang::En, text);
        assert!(got.contains(&triple("ARMMIL", "AZEMIL", "190")), "{text}: {got:?}");
        assert!(got.contains(&triple("AZEMIL", "ARMMIL", "190")), "{text}: {got:?}");
    }
}

/// The victims of violence are where it struck: a bare role takes the
/// country of the struck place, not the attacker's.
#[test]
fn victims_take_the_country_of_the_place_struck() {
    // (Struck "…, killing three civilians" is now one event, the strike on Kharkiv.)
    let text = "Russian missiles killed three civilians in Kharkiv on Monday.";
    let targets: Vec<String> = code_builtin(Lang::En, text).into_iter().map(|e| e.target.code).collect();
    assert!(targets.iter().any(|t| t == "UKRCVL"), "{text}: {targets:?}");
    assert!(!targets.iter().any(|t| t == "RUSCVL"), "{text}: {targets:?}");
}

/// A bare role that modifies a pattern word ("military aid") is part of the
/// phrase; the object follows it.
#[test]
fn a_role_inside_the_pattern_phrase_is_not_the_object() {
    let text = "Japan pledged military aid to war-torn Mozambique.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("JPN", "MOZ", "0332")], "{text}");
}

/// The troops a deployment pattern names are the subject's; the place they
/// were read with is the target.
#[test]
fn troops_deployed_in_a_country_target_that_country() {
    for (lang, text) in [
        (Lang::En, "Russia deployed troops in Ukraine."),
        (Lang::It, "La Russia ha schierato truppe in Ucraina."),
        (Lang::Es, "Rusia desplegó tropas en Ucrania."),
        (Lang::Fr, "La Russie a déployé des troupes en Ukraine."),
    ] {
        assert_eq!(triples_builtin(lang, text), [triple("RUS", "UKR", "154")], "{text}");
    }
    // A role the pattern names but no place joins keeps its own country.
    let text = "La Farnesina ha convocato l'ambasciatore russo.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ITAGOV", "RUSGOV", "114")], "{text}");
}

/// An office and the person holding it, set off by commas, are one actor.
#[test]
fn an_office_and_its_holder_between_commas_are_one_actor() {
    let text = "El canciller de México, Juan Ramón de la Fuente, se reunió con su homólogo estadounidense.";
    assert_eq!(
        triples_builtin(Lang::Es, text),
        [triple("MEXGOV", "USAGOV", "040"), triple("USAGOV", "MEXGOV", "040")],
        "{text}"
    );
    // A title the dictionary does not join to the name ("el general") is no
    // second actor: one rejection, not the army's and the president's.
    for (lang, text) in [
        (
            Lang::Es,
            "El jefe del Ejército sudanés, el general Abdelfatah al Burhan, rechazó la propuesta de Estados Unidos.",
        ),
        (
            Lang::It,
            "Il capo dell'esercito sudanese, il generale Abdel Fattah al-Burhan, ha respinto la proposta degli Stati Uniti.",
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.len() == 1 && got[0].0.starts_with("SDN") && got[0].2 == "125", "{text}: {got:?}");
    }
}

/// A visitor does not share the country it visits.
#[test]
fn a_visiting_role_keeps_no_country_from_its_host() {
    let text = "La ministra de Defensa, Margarita Robles, visitó Ucrania.";
    let got = triples_builtin(Lang::Es, text);
    assert!(got.iter().all(|(s, _, _)| !s.starts_with("UKR")), "{text}: {got:?}");
    assert!(got.iter().any(|(_, t, c)| t == "UKR" && c == "042"), "{text}: {got:?}");
}

/// A capitalised role right after a first name is a surname ("Tom King").
#[test]
fn a_role_word_after_a_first_name_is_a_surname() {
    // (A defence secretary is the government's, GBRGOV, as in the other languages.)
    let text = "British Defence Secretary Tom King has promised to continue military aid to Mozambique.";
    let events = code_builtin(Lang::En, text);
    let sources: Vec<(&str, &str)> =
        events.iter().map(|e| (e.source.code.as_str(), e.source.text.as_str())).collect();
    assert_eq!(sources, [("GBRGOV", "British Defence Secretary Tom King")], "{text}");
    assert_eq!(sources_builtin(Lang::En, "King Charles met the Irish president."), ["GBRGOV", "IRLGOV"]);
}

/// Garbled copy whose actor groups come out of order (a subject carried in
/// from the sentence before stands after the object) must not panic.
#[test]
fn garbled_copy_with_groups_out_of_order_does_not_panic() {
    let text = "Dutch agreed refugees quickly.\" Turkish before he adding have in Turkey";
    let events = code_builtin(Lang::En, text);
    assert!(events.iter().all(|e| !e.cameo.is_empty()), "{events:?}");
}

/// A headline's topic set off by a comma ("Ucraina, …") is no list.
#[test]
fn a_headline_topic_before_a_comma_is_not_coordinated() {
    let text = "Ucraina, Zelensky incontra Meloni a Roma.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("UKRGOV", "ITAGOV", "040")), "{text}: {got:?}");
    assert!(!got.iter().any(|(s, t, _)| s == "UKR" || t == "UKR"), "{text}: {got:?}");
}

/// A role "of" a second role with a country adjective after it serves that
/// owner; a country named like its capital is the country.
#[test]
fn an_official_of_a_national_government_is_that_government() {
    let text = "Estados Unidos impuso sanciones a funcionarios del Gobierno nicaragüense.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("USA", "NICGOV", "163")], "{text}");
    let text = "México rechazó las acusaciones de Estados Unidos.";
    assert_eq!(sources_builtin(Lang::Es, text), ["MEX"], "{text}");
}

/// The owner of an unknown subject noun acts in Italian too, where "della"
/// is both the of-word and an article: "Il tesoriere della Cgil" is ITALAB.
#[test]
fn the_owner_after_an_articulated_preposition_acts() {
    assert_eq!(sources_builtin(Lang::It, "Il tesoriere della Cgil ha criticato Israele."), ["ITALAB"]);
    assert_eq!(
        sources_builtin(Lang::It, "Un membro del parlamento siriano ha criticato Israele."),
        ["SYRLEG"]
    );
}

/// An office the dictionary lists as an actor and the name of its holder
/// right after it are one actor: "Bundeskanzler Olaf Scholz".
#[test]
fn an_office_and_its_holder_side_by_side_are_one_actor() {
    let events = code_builtin(Lang::De, "Gestern kritisierte Bundeskanzler Olaf Scholz in Berlin China.");
    let got: Vec<(&str, &str)> =
        events.iter().map(|e| (e.source.code.as_str(), e.target.code.as_str())).collect();
    assert_eq!(got, [("DEUGOV", "CHN")]);
}

/// A headline's topic before a colon gives its country to the roles after it.
#[test]
fn a_headline_topic_before_a_colon_gives_roles_its_country() {
    let got = triples_builtin(Lang::Fr, "Mali : la junte expulse l'ambassadeur de France.");
    assert_eq!(got, [triple("MLIGOV", "FRAGOV", "166")]);
    let got = triples_builtin(Lang::En, "Sudan: paramilitaries killed 40 civilians in El Fasher.");
    assert_eq!(got, [triple("SDNMIL", "SDNCVL", "190")]);
}

/// Compound compass points are place nouns: "nel nord-ovest della Nigeria".
#[test]
fn compound_compass_points_lead_to_a_place() {
    let text = "Uomini armati hanno rapito oltre 200 studenti da una scuola nel nord-ovest della Nigeria.";
    let sides: Vec<(String, String)> =
        code_builtin(Lang::It, text).into_iter().map(|e| (e.source.code, e.target.code)).collect();
    assert!(sides.iter().any(|(s, _)| s.starts_with("NGA")), "{text}: {sides:?}");
}

/// A verb of saying or judging after what it reports has its subject after
/// it ("…, ha accusato Erdogan"); what was said names the target.
#[test]
fn a_subject_after_a_verb_of_saying_acts_on_what_it_reports() {
    for (lang, text) in [
        (Lang::It, "Israele sta commettendo un genocidio a Gaza, ha accusato Erdogan."),
        (Lang::Es, "Israel comete un genocidio en Gaza, acusó Erdogan."),
        (Lang::Fr, "Israël commet un génocide à Gaza, a accusé Erdogan."),
    ] {
        assert_eq!(triples_builtin(lang, text), [triple("TURGOV", "ISR", "112")], "{text}");
    }
    let got = triples_builtin(Lang::It, "La Russia ha bombardato Kiev nella notte, ha denunciato Zelensky.");
    assert!(got.contains(&triple("UKRGOV", "RUS", "111")), "{got:?}");
    let got = triples_builtin(Lang::De, "Russland greift Kiew an, kritisierte Selenskyj.");
    assert!(got.contains(&triple("UKRGOV", "RUS", "111")), "{got:?}");
}

/// After an opening adverbial the actor after the verb stays its object.
#[test]
fn an_actor_after_a_verb_behind_an_adverbial_stays_the_object() {
    for text in [
        "Putin è arrivato a Parigi. Dopo la riunione, ha criticato Macron.",
        "Putin è arrivato a Parigi. Il giorno dopo, ha criticato Macron.",
    ] {
        let got = triples_builtin(Lang::It, text);
        assert!(got.contains(&triple("RUSGOV", "FRAGOV", "111")), "{text}: {got:?}");
    }
}

/// What a quote opening the sentence says without a subject of its own (a
/// first-person verb, "we") its speaker, named after it, does.
#[test]
fn a_quote_without_a_subject_is_its_speakers() {
    for (lang, text) in [
        (Lang::It, "«Condanniamo l'attacco di Israele», ha detto il ministro degli Esteri iraniano."),
        (Lang::Es, "\"Condenamos el ataque de Israel\", afirmó el canciller iraní."),
        (Lang::Fr, "« Nous condamnons l'attaque d'Israël », a déclaré le ministre iranien."),
        (Lang::De, "„Wir verurteilen den Angriff Israels“, sagte der iranische Außenminister."),
        (Lang::En, "\"We condemn Israel's attack,\" Iran's foreign minister said."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("IRNGOV", "ISR", "111")), "{text}: {got:?}");
    }
}

/// Persons who share a full name are told apart by their terms of office:
/// "King Abdullah" is Saudi Arabia's until 2015, then Jordan's.
#[test]
fn a_name_two_persons_share_is_the_one_in_office() {
    let coder = Coder::new(&own::builtin("en").unwrap_or_else(|e| panic!("{e}")));
    let source_on = |year: i32| {
        let events = code_with(&coder, "King Abdullah met Joe Biden.", NaiveDate::from_ymd_opt(year, 5, 1));
        // The meeting's way back has Biden as its source (USAGOV in both years).
        events.into_iter().map(|e| e.source.code).collect::<Vec<_>>()
    };
    assert_eq!(source_on(2010), ["SAUGOV", "USAGOV"]);
    assert_eq!(source_on(2024), ["JORGOV", "USAGOV"]);
}

/// Undated text with a title before a person whose last term has ended was
/// written during that term; a date outside it still makes an elite.
#[test]
fn an_undated_title_gives_the_last_term() {
    let coder = Coder::new(&own::builtin("en").unwrap_or_else(|e| panic!("{e}")));
    let sources = |date: Option<NaiveDate>| {
        let events = code_with(&coder, "President Dina Boluarte criticized Chile.", date);
        events.into_iter().map(|e| e.source.code).collect::<Vec<_>>()
    };
    assert_eq!(sources(None), ["PERGOV"]);
    assert_eq!(sources(NaiveDate::from_ymd_opt(2026, 5, 1)), ["PERELI"]);
}

/// A protest, a strike or a curfew that names no target happened at home:
/// the source's country stands in for the target. Not for a bare country,
/// nor when another event of the sentence names a target.
#[test]
fn a_domestic_event_without_a_target_happens_at_home() {
    let text =
        "Los camioneros brasileños bloquearon más de cien carreteras en protesta por el precio del diésel.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("BRALAB", "BRA", "144")]);
    let text = "El Gobierno de Ecuador decretó el toque de queda en siete provincias.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("ECUGOV", "ECU", "1723")]);
    let text = "I sindacati francesi hanno proclamato uno sciopero generale.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("FRALAB", "FRA", "143")]);
    assert!(triples_builtin(Lang::En, "Brazil protested.").is_empty());
}

/// Two actors of one state with one code are still two actors: a mayor who
/// criticizes a minister, a governor who sues the administration. One actor
/// named twice is not, and a role beside a foreign partner it talks to does not
/// take the partner's country.
#[test]
fn two_actors_of_one_state_make_an_event() {
    let text = "Il sindaco di Milano Beppe Sala ha criticato il ministro dei Trasporti Matteo Salvini.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ITAGOV", "ITAGOV", "111")]);
    let text = "Chicago Mayor Brandon Johnson criticized the Trump administration.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("USAGOV", "USAGOV", "111")]);
    // A bare role takes its partner's country even when that gives it the partner's code.
    let text = "El alcalde criticó al Gobierno de Sánchez.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("ESPGOV", "ESPGOV", "111")]);
    assert!(triples_builtin(Lang::It, "Il governo italiano ha criticato il governo italiano.").is_empty());
    let text = "The premier held talks with Albanian Prime Minister Edi Rama.";
    assert_eq!(
        triples_builtin(Lang::En, text),
        [triple("~GOV", "ALBGOV", "040"), triple("ALBGOV", "~GOV", "040")]
    );
    // Italian news leaves its own country unsaid: the premier is Italy's (a talk
    // "had with" someone is coded both ways since 26d24f6).
    let text = "Il premier ha avuto un colloquio con il primo ministro albanese Edi Rama.";
    assert_eq!(
        triples_builtin(Lang::It, text),
        [triple("ITAGOV", "ALBGOV", "040"), triple("ALBGOV", "ITAGOV", "040")]
    );
}

/// A politician or office that "attacks" another attacks with words (111);
/// an armed force, a bare country or a capital attacking a city still attacks
/// with arms, and the rule says why it recoded.
#[test]
fn an_attack_between_politicians_is_verbal() {
    let events = code_builtin(Lang::It, "Meloni ha attaccato Schlein sul salario minimo.");
    assert_eq!(triples(&events), [triple("ITAGOV", "ITAOPP", "111")]);
    assert!(events[0].evidence.rule.contains("verbal"), "{}", events[0].evidence.rule);
    let text = "Le Premier ministre a attaqué le Rassemblement national.";
    assert_eq!(triples_builtin(Lang::Fr, text), [triple("FRAGOV", "FRAOPP", "111")]);
    let text = "L'esercito israeliano ha attaccato Hezbollah nel sud del Libano.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ISRMIL", "LBNREB", "190")]);
    let text = "Russia attacked Ukraine's energy grid.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("RUS", "UKR", "190")]);
}

/// Roles alone ("Il governo ha convocato i sindacati") belong to the state the
/// article was last about; with no earlier sentence they have no country and
/// code nothing, outside Italian (see `italian_roles_alone_are_italys`).
#[test]
fn roles_alone_take_the_state_the_article_is_about() {
    let text = "La premier Giorgia Meloni ha presentato la manovra. Il governo ha convocato i sindacati.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ITAGOV", "ITALAB", "036")]);
    let text =
        "Il presidente francese Emmanuel Macron ha sciolto l'Assemblea nazionale. Il governo ha convocato i sindacati.";
    assert!(triples_builtin(Lang::It, text).contains(&triple("FRAGOV", "FRALAB", "036")));
    assert!(triples_builtin(Lang::Es, "El gobierno convocó a los sindicatos.").is_empty());
}

/// An opening attribution names where the news came from, not who acted: the
/// army that reports Hezbollah's rockets fires none. A clause of saying after
/// the opener ("Según informó la Cancillería, …") is left alone.
#[test]
fn an_opening_attribution_is_no_actor() {
    let rockets = [
        (Lang::En, "According to the Israeli army, Hezbollah fired three rockets at northern Israel."),
        (Lang::It, "Secondo l'esercito israeliano, Hezbollah ha lanciato tre razzi contro il nord di Israele."),
        (Lang::Fr, "D'après l'armée israélienne, le Hezbollah a tiré trois roquettes sur le nord d'Israël."),
        (Lang::De, "Nach Angaben der israelischen Armee hat die Hisbollah drei Raketen auf den Norden Israels abgefeuert."),
    ];
    for (lang, text) in rockets {
        let got = triples_builtin(lang, text);
        assert!(
            !got.is_empty() && got.iter().all(|(s, t, _)| s == "LBNREB" && t == "ISR"),
            "{text}: {got:?}"
        );
    }
    let text = "Según informó la Cancillería argentina, se convocó al encargado de negocios de Venezuela.";
    assert!(triples_builtin(Lang::Es, text).iter().any(|(s, _, _)| s == "ARGGOV"));
}

/// So does one set off by commas inside or at the end of the sentence,
/// unless a relative clause makes its speaker act ("…, selon les autorités
/// talibanes, qui ont accusé Islamabad …").
#[test]
fn an_attribution_aside_is_no_actor() {
    let text =
        "Miles de personas, según la Delegación del Gobierno, se manifestaron en Valencia contra Mazón.";
    let got = triples_builtin(Lang::Es, text);
    assert!(!got.is_empty() && got.iter().all(|(s, _, _)| s == "ESPCVL"), "{got:?}");
    let text = "Hezbollah fired three rockets at northern Israel, according to the Lebanese army.";
    let got = triples_builtin(Lang::En, text);
    assert!(!got.is_empty() && got.iter().all(|(s, t, _)| s == "LBNREB" && t == "ISR"), "{got:?}");
    let text = "Des frappes pakistanaises ont tué dix civils, selon les autorités afghanes, qui ont accusé le Pakistan.";
    let got = triples_builtin(Lang::Fr, text);
    assert!(got.iter().any(|(s, t, c)| s.starts_with("AFG") && t == "PAK" && c.starts_with("11")), "{got:?}");
}

/// An English headline writes "and" with a comma: "Armenia, Azerbaijan
/// agree …" is a compound subject, not a topic and its subject.
#[test]
fn an_english_headline_comma_joins_its_subjects() {
    let got = triples_builtin(Lang::En, "Armenia, Azerbaijan agree to resume border talks.");
    assert!(got.contains(&triple("ARM", "AZE", "036")), "{got:?}");
}

/// A role after an armed group keeps the group's code, as a role before it
/// does: "a Hezbollah commander" is LBNREB, like "the commander of Hezbollah".
#[test]
fn a_role_after_an_armed_group_keeps_its_code() {
    let text = "An Israeli drone strike killed a Hezbollah commander in southern Lebanon.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("ISR", "LBNREB", "195")]);
}

/// A bare role after a possessive in what someone said is the speaker's:
/// "Ruto said his government would send police to Haiti" is Kenya's.
#[test]
fn a_possessed_role_in_reported_speech_is_the_speakers() {
    let text = "Kenyan President William Ruto said his government would send 1,000 police officers to Haiti.";
    let sources: Vec<String> = code_builtin(Lang::En, text).into_iter().map(|e| e.source.code).collect();
    assert_eq!(sources, ["KENGOV"]);
}

/// An English short participle is one: "was hit by" takes its agent for source.
#[test]
fn english_short_participles_make_passives() {
    let text = "The Philippine vessel was hit by water cannon fired by Chinese coast guard ships.";
    let got = triples_builtin(Lang::En, text);
    // The direction is the point here; the code is the dictionary's (water cannon: 175).
    assert!(!got.is_empty() && got.iter().all(|(s, t, _)| s == "CHNMIL" && t == "PHL"), "{got:?}");
    assert_eq!(triples_builtin(Lang::En, "Ukraine was hit by Russia."), [triple("RUS", "UKR", "190")]);
}

/// A pair written with a hyphen beside a verb form names the two sides of
/// the meeting or call ("Incontro Meloni-Zelensky"), each acting on the
/// other, and the rule says why; a list joined by "e" after a verb is still
/// its object.
#[test]
fn a_hyphenated_pair_beside_a_noun_names_both_sides() {
    let events = code_builtin(Lang::It, "Incontro Meloni-Zelensky a Palazzo Chigi sulla ricostruzione.");
    assert_eq!(triples(&events), [triple("ITAGOV", "UKRGOV", "040"), triple("UKRGOV", "ITAGOV", "040")]);
    assert!(events[0].evidence.rule.contains("hyphenated pair"), "{}", events[0].evidence.rule);
    let text = "Meloni incontra Macron e Zelensky a Roma.";
    assert_eq!(
        triples_builtin(Lang::It, text),
        [
            triple("ITAGOV", "FRAGOV", "040"),
            triple("FRAGOV", "ITAGOV", "040"),
            triple("ITAGOV", "UKRGOV", "040"),
            triple("UKRGOV", "ITAGOV", "040")
        ]
    );
    let text = "US-China talks stall in Geneva.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("USA", "CHN", "040"), triple("CHN", "USA", "040")]);
}

/// The actor after an opening phrase's comma is the subject of the verb
/// that follows it: not the object of a verb inside the opener (even one
/// whose pattern gap reaches past the comma), nor one more member of a list
/// with the opener's last actor.
#[test]
fn the_actor_after_an_opening_phrase_is_the_subject() {
    let text = "Talking to him, Trump accused China of unfair trade.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("USAGOV", "CHN", "112")]);
    // The opener's talks are the main subject's (see an_opening_phrase_without_a_subject_takes_the_main_clause_s).
    let text = "After talks with Macron, Trump accused China of unfair trade.";
    assert_eq!(
        triples_builtin(Lang::En, text),
        [
            triple("USAGOV", "FRAGOV", "040"),
            triple("FRAGOV", "USAGOV", "040"),
            triple("USAGOV", "CHN", "112")
        ]
    );
    // A role and a name parted by a comma are one actor only as an apposition
    // ("the foreign minister, Sergei Lavrov, said").
    let text = "Speaking to reporters, Trump accused China of unfair trade.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("USAGOV", "CHN", "112")]);
    let text = "Parlando alla televisione di Stato, Maduro ha accusato gli Stati Uniti.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("VENGOV", "USA", "112")]);
    let text = "Russia's foreign minister, Sergei Lavrov, met the Chinese ambassador.";
    assert_eq!(
        triples_builtin(Lang::En, text),
        [triple("RUSGOV", "CHNGOV", "040"), triple("CHNGOV", "RUSGOV", "040")]
    );
    let text =
        "Dopo la telefonata con Zelensky, Meloni ha ribadito il pieno sostegno dell'Italia all'Ucraina.";
    assert!(triples_builtin(Lang::It, text).iter().all(|(s, _, _)| s == "ITAGOV"), "{text}");
    assert!(!triples_builtin(Lang::It, text).is_empty(), "{text}");
}

/// Italian news leaves Italy unsaid: roles alone, in an article that names no
/// state, are Italy's. English names no such home.
#[test]
fn italian_roles_alone_are_italys() {
    let text = "Il governo ha convocato i sindacati al ministero del Lavoro.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ITAGOV", "ITALAB", "036")]);
    let text = "The government summoned the unions to the labour ministry.";
    assert!(triples_builtin(Lang::En, text).iter().all(|(s, _, _)| !s.starts_with("ITA")));
    // A state the article names wins over the home country.
    let text = "In Francia il governo ha convocato i sindacati al ministero del Lavoro.";
    assert!(triples_builtin(Lang::It, text).iter().all(|(s, _, _)| !s.starts_with("ITA")));
}

/// "condenó el ataque y acusó a Israel": a verb after a conjunction is a
/// second verb of the same subject, not a noun of the article before.
#[test]
fn a_verb_after_a_conjunction_shares_the_subject() {
    let text = "El Gobierno de Chile condenó el ataque y acusó a Israel de violar la tregua.";
    let got = triples_builtin(Lang::Es, text);
    assert!(got.contains(&triple("CHLGOV", "ISR", "112")), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| s == "CHLGOV"), "{got:?}");
}

/// A government named only by its role that accuses a state is not that
/// state's government; protesters blocking a capital's streets are at home.
#[test]
fn a_government_acting_on_a_named_state_acts_abroad() {
    let text = "The government accused Israel of violating the truce.";
    let got = triples_builtin(Lang::En, text);
    assert!(!got.is_empty() && got.iter().all(|(s, _, _)| !s.starts_with("ISR")), "{got:?}");
    let text =
        "Los manifestantes incendiaron neumáticos y levantaron barricadas en las calles de Puerto Príncipe.";
    let got = triples_builtin(Lang::Es, text);
    assert!(got.iter().any(|(s, _, _)| s == "HTICVL"), "{got:?}");
}

/// Between politicians "attack" is verbal; killing is not.
#[test]
fn only_attacks_between_politicians_are_verbal() {
    let text = "En Iran, les autorités ont exécuté un opposant.";
    assert_eq!(triples_builtin(Lang::Fr, text), [triple("IRNGOV", "IRNOPP", "190")]);
    let text = "Meloni attacca Schlein sulla manovra.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.iter().any(|(_, _, c)| c == "111") && got.iter().all(|(_, _, c)| c != "190"), "{got:?}");
}

/// "Au Mali, les militaires …": the place before the comma is where, not a
/// second actor of the subject's list.
#[test]
fn a_french_place_after_au_is_where() {
    let text = "Au Mali, les militaires ont arrêté un journaliste.";
    assert_eq!(triples_builtin(Lang::Fr, text), [triple("MLIMIL", "MLIMED", "173")]);
}

/// In Italian news an institution named by its role beside a named actor is
/// Italy's; people named by a role are not given the home country.
#[test]
fn italian_institutions_beside_a_named_actor_are_italys() {
    let text = "La ong Sea-Watch accusa il governo di ostacolare i soccorsi.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("NGO", "ITAGOV", "112")), "{got:?}");
}

/// A preposition before a time noun ("nella notte", "in mattinata") or before
/// a place ("A Palazzo Chigi", "In Nigeria") is an adverbial phrase: the
/// actor after it is the subject, or the role it qualifies is.
#[test]
fn an_opening_phrase_of_time_or_place_leaves_the_subject() {
    let text = "Nella notte Mosca ha sferrato un nuovo attacco contro Kiev.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("RUSGOV", "UKR", "190")]);
    let text = "In mattinata Meloni ha incontrato Macron.";
    assert_eq!(
        triples_builtin(Lang::It, text),
        [triple("ITAGOV", "FRAGOV", "040"), triple("FRAGOV", "ITAGOV", "040")]
    );
    // The guest received visits the host's state (042) as the host receives him (043).
    let text = "A Palazzo Chigi Meloni ha ricevuto il premier albanese Edi Rama.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("ITAGOV", "ALBGOV", "043")), "{got:?}");
    assert!(
        got.iter().all(|t| *t == triple("ITAGOV", "ALBGOV", "043") || *t == triple("ALBGOV", "ITA", "042")),
        "{got:?}"
    );
    let text = "In Nigeria uomini armati hanno rapito 20 studenti.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("NGAREB", "NGAEDU", "181")]);
    // A modifier is still part of the preposition's phrase.
    let text = "Il ministro ha parlato con il nuovo governo di Damasco.";
    assert!(triples_builtin(Lang::It, text).iter().all(|(s, _, _)| !s.starts_with("SYR")));
}

/// Quotation marks inside a phrase do not end it: news quotes the very words
/// of the object ('warned Afghanistan of "open war"').
#[test]
fn a_pattern_reaches_into_quoted_words() {
    let text = "Pakistan's defence minister warned Afghanistan of \"open war\" if the attacks continued.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().any(|(_, t, c)| t == "AFG" && c == "138"), "{got:?}");
    let text = "Alger a qualifié d'« inacceptables » les propos du ministre français de l'Intérieur.";
    assert_eq!(triples_builtin(Lang::Fr, text), [triple("DZAGOV", "FRAGOV", "111")]);
}

/// "El presidente argentino, Javier Milei, criticó …": an actor named up to
/// the comma before the verb is its subject in apposition, not a reported
/// clause whose speaker follows the verb.
#[test]
fn a_subject_in_apposition_before_the_verb_acts() {
    let text = "El presidente argentino, Javier Milei, criticó al Gobierno chileno.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("ARGGOV", "CHLGOV", "111")]);
    let text = "Il presidente argentino, Javier Milei, ha criticato il governo cileno.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ARGGOV", "CHLGOV", "111")]);
    // So is a name set off by commas after a longer role ("… de la Défense,").
    let text = "Le ministre israélien de la Défense, Israël Katz, a menacé les Houthis.";
    assert_eq!(triples_builtin(Lang::Fr, text), [triple("ISRGOV", "YEMREB", "130")]);
    let text = "Il ministro israeliano della Difesa, Israel Katz, ha minacciato gli Houthi.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ISRGOV", "YEMREB", "130")]);
}

/// An English "-ing" participle after a comma hangs from the clause before
/// it: its subject is that clause's, not the last noun.
#[test]
fn a_participle_after_a_comma_takes_the_clause_subject() {
    let text = "Denmark's prime minister said Greenland was not for sale, rejecting Trump's renewed push to buy the island.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().any(|(s, _, c)| s == "DNKGOV" && c == "120"), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| s != "DNKGRL"), "{got:?}");
}

/// A gerund after a comma has the subject of the clause before, even when a
/// pattern's source slot reaches an actor that clause acted on.
#[test]
fn a_gerund_after_a_comma_takes_the_clause_subject() {
    let text = "Trump ha annunciato la fine dei negoziati con il Messico, accusando Ottawa di mentire.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("USAGOV", "CAN", "112")), "{got:?}");
    assert!(got.iter().all(|(s, _, _)| s != "MEX"), "{got:?}");
}

/// Whom a protest is against says more than where it happened, and may
/// stand past the pattern's reach.
#[test]
fn a_protest_is_against_the_actor_after_against() {
    let text = "Campesinos bolivianos bloquean la carretera a Oruro contra el Gobierno.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("BOLAGR", "BOLGOV", "144")]);
    let text = "Gli studenti hanno occupato il liceo Tasso di Roma per protesta contro il governo.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ITAEDU", "ITAGOV", "141")]);
    // Sides named in the clause stay: the police is whom protesters clash with.
    let text = "Scontri a Torino tra gli antagonisti e la polizia durante il corteo contro il governo.";
    assert!(triples_builtin(Lang::It, text).iter().all(|(_, t, _)| t != "ITAGOV"));
}

/// Dashes that set off an aside read as the commas they stand for; a prefix
/// hyphen ("an anti- Gondor parade") is no dash.
#[test]
fn a_dashed_aside_is_read_as_commas() {
    let text = "Los hutíes —que controlan el norte de Yemen— atacaron un carguero griego en el mar Rojo.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("YEMREB", "GRC", "190")]);
    let text = "Il ministro degli Esteri Tajani — che ha parlato con i giornalisti a Bruxelles — ha condannato l'attacco russo contro Kiev.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.iter().any(|(s, _, c)| s == "ITAGOV" && c == "111"), "{got:?}");
}

/// A title is coded too, once, after the body whose names it abbreviates: its
/// bare surname ("Barrot") is the person the body names in full, its events
/// come first, and a dateline after it still names no actor.
#[test]
fn a_title_is_coded_with_the_names_of_the_body() {
    let coder = Coder::new(&own::builtin("it").unwrap_or_else(|e| panic!("{e}")));
    let date = NaiveDate::from_ymd_opt(2026, 3, 12);
    let body = "ROMA, 12 MAR - Il ministro degli Esteri Antonio Tajani ha incontrato oggi il ministro \
                francese Jean-Noël Barrot. I due ministri hanno condannato la Russia.";
    let code = |title: Option<&str>| {
        let doc = TextPipeline::new().process(body, title, Some(Lang::It));
        coder.code_document(&doc, &ArticleMeta::new("t", date)).events
    };
    let triples = |events: &[Event]| -> Vec<(usize, String, String, String)> {
        events
            .iter()
            .map(|e| (e.sentence_index, e.source.code.clone(), e.target.code.clone(), e.cameo.clone()))
            .collect()
    };
    let untitled = triples(&code(None));
    let titled = triples(&code(Some("Barrot ringrazia la Polonia")));
    assert_eq!(
        titled.first().map(|t| (t.0, t.1.as_str(), t.2.as_str())),
        Some((0, "FRAGOV", "POL")),
        "{titled:?}"
    );
    // The body codes as it does without a title, one sentence further on.
    let body_part: Vec<_> =
        titled.iter().filter(|t| t.0 > 0).map(|t| (t.0 - 1, t.1.clone(), t.2.clone(), t.3.clone())).collect();
    assert_eq!(body_part, untitled);
    assert!(untitled.iter().any(|t| t.1 == "ITAGOV" && t.2 == "FRAGOV"), "{untitled:?}");
    // Without the body's full name a surname the dictionary does not list
    // alone is nobody.
    let doc =
        TextPipeline::new().process("Il governo ha parlato.", Some("Wadephul accusa Mosca"), Some(Lang::It));
    let alone = coder.code_document(&doc, &ArticleMeta::new("t", date)).events;
    assert!(alone.iter().all(|e| e.source.code != "DEUGOV"), "{:?}", triples(&alone));
}

/// "alla Farnesina" before a direct object says where; before an of-phrase it
/// is whom ("al Mimit sulla crisi dell'ex Ilva").
#[test]
fn an_articulated_locative_is_passed_over_only_for_a_direct_object() {
    assert_some_event(
        Lang::It,
        "Tajani ha incontrato ieri alla Farnesina il ministro degli Esteri tedesco Johann Wadephul.",
        |e| e.source.code == "ITAGOV" && e.target.code == "DEUGOV",
    );
    assert_some_event(
        Lang::It,
        "I sindacati hanno abbandonato il tavolo al Mimit sulla crisi dell'ex Ilva.",
        |e| e.target.code == "ITAGOV",
    );
}

/// A headline's topic ("Lombardia, …") says what the story is about, not who
/// acted; a sentence with a full stop keeps its opening actor, and English
/// headlines keep the comma that stands for "and".
#[test]
fn a_headline_topic_before_a_comma_acts_in_nothing() {
    let sides = |lang: Lang, text: &str| -> Vec<(String, String)> {
        code_builtin(lang, text).into_iter().map(|e| (e.source.code, e.target.code)).collect()
    };
    let topic = sides(Lang::It, "Lombardia, indagato l'assessore al Welfare");
    assert!(topic.iter().all(|(s, _)| s != "ITA"), "{topic:?}");
    let topic = sides(Lang::It, "Libia, la guardia costiera arresta l'ambasciatore italiano");
    assert!(topic.iter().all(|(s, t)| s != "LBY" && t != "LBY"), "{topic:?}");
    assert!(sides(Lang::It, "Washington, dal canto suo, ha criticato Pechino.")
        .contains(&("USAGOV".into(), "CHN".into())));
    let list = sides(Lang::It, "Italia, Francia e Germania firmano un accordo");
    assert!(list.iter().any(|(s, _)| s == "ITA"), "{list:?}");
    let and = sides(Lang::En, "Armenia, Azerbaijan sign peace deal");
    assert!(and.iter().any(|(s, _)| s.starts_with("ARM")), "{and:?}");
    // A pair of places joined by a hyphen is a topic too, and people after a
    // place make no list with it.
    let pair = sides(Lang::It, "Usa-Colombia, Trump taglia gli aiuti a Bogotà");
    assert!(pair.iter().all(|(s, _)| s == "USAGOV"), "{pair:?}");
    let people = sides(Lang::It, "Caucaso, Aliyev e Pashinyan firmano l'accordo di pace");
    assert!(people.iter().all(|(s, t)| s != "CAU" && t != "CAU"), "{people:?}");
    // A title is a headline even when it ends with a full stop.
    let titled = |title: &str| -> Vec<(String, String)> {
        let lexicon = own::builtin("it").unwrap_or_else(|e| panic!("{e}"));
        let coder = Coder::new(&lexicon);
        let doc = TextPipeline::new().process("Il governo ha parlato.", Some(title), Some(Lang::It));
        let date = NaiveDate::from_ymd_opt(2025, 3, 1);
        coder
            .code_document(&doc, &ArticleMeta::new("t", date))
            .events
            .into_iter()
            .map(|e| (e.source.code, e.target.code))
            .collect()
    };
    let full_stop = titled("Sudan, gli Usa sanzionano le Rsf.");
    assert!(full_stop.iter().any(|(s, _)| s == "USA"), "{full_stop:?}");
    assert!(full_stop.iter().all(|(s, _)| s != "SDN"), "{full_stop:?}");
}

/// English headlines in Title Case code as they would in sentence case: a
/// capital there does not make a verb a noun.
#[test]
fn title_case_headlines_code_like_sentences() {
    for (title_case, sentence_case) in [
        ("Kenya Denounces Actions By Uganda", "Kenya denounces actions by Uganda"),
        ("Trump Meets Putin In Alaska", "Trump meets Putin in Alaska"),
    ] {
        let expected = triples_builtin(Lang::En, sentence_case);
        assert!(!expected.is_empty(), "{sentence_case}");
        assert_eq!(triples_builtin(Lang::En, title_case), expected, "{title_case}");
    }
    // A capitalised word inside an ordinary sentence is still a name.
    assert!(code_builtin(Lang::En, "The Hague Accord was signed by nobody, officials said.").is_empty());
}

/// A headline that restates the lead is one event, told by the body's words;
/// a headline event the body does not tell stays.
#[test]
fn a_headline_restating_the_lead_is_one_event() {
    let coder = Coder::new(&own::builtin("en").unwrap_or_else(|e| panic!("{e}")));
    let code = |title: &str, body: &str| -> Vec<(usize, String, String, String)> {
        let doc = TextPipeline::new().process(body, Some(title), Some(Lang::En));
        coder
            .code_document(&doc, &ArticleMeta::new("t", NaiveDate::from_ymd_opt(2025, 11, 14)))
            .events
            .into_iter()
            .map(|e| (e.sentence_index, e.source.code, e.target.code, e.cameo_root))
            .collect()
    };
    let body = "China's foreign ministry summoned the Japanese ambassador on Thursday.";
    let got = code("China summons Japanese envoy", body);
    assert_eq!(got.iter().filter(|e| e.3 == "11").count(), 1, "{got:?}");
    assert!(got.iter().all(|e| e.0 == 1), "the body's event is kept: {got:?}");
    let got = code("Japan protests to China", body);
    assert!(got.iter().any(|e| e.0 == 0 && e.1.starts_with("JPN")), "{got:?}");
}

/// Two sides named only by their roles, in an article that has named no state
/// yet, take the country of the dateline's place.
#[test]
fn roles_alone_take_the_country_the_story_was_filed_in() {
    for (lang, text, source, target) in [
        (Lang::Fr, "PARIS (AFP) - La police a interpellé des manifestants samedi.", "FRACOP", "FRACVL"),
        (Lang::Es, "Lima, 16 oct (EFE).- La Policía detuvo a decenas de manifestantes.", "PERCOP", "PERCVL"),
    ] {
        assert_some_event(lang, text, |e| e.source.code == source && e.target.code == target);
    }
    // Without a dateline French has no home country: the roles stay unanchored.
    assert!(code_builtin(Lang::Fr, "La police a interpellé des manifestants samedi.").is_empty());
}

/// German reported speech puts its auxiliary in the Konjunktiv ("habe", "sei"):
/// the verb-final clause still has its subject and object.
#[test]
fn german_reported_speech_auxiliaries_open_verb_final_clauses() {
    let text = "Russland habe in der Nacht 100 Drohnen auf die Ukraine abgefeuert, teilte die ukrainische Luftwaffe mit.";
    assert_some_event(Lang::De, text, |e| {
        e.source.code == "RUS" && e.target.code == "UKR" && e.cameo_root == "19"
    });
}

/// "después de que Trump impusiera …": the preposition before a complementizer
/// does not govern the clause's subject.
#[test]
fn a_subject_after_a_preposition_and_que_acts() {
    let text = "Lula viajó a Roma después de que Trump impusiera aranceles a Brasil.";
    assert_some_event(Lang::Es, text, |e| e.source.code == "USAGOV" && e.target.code == "BRA");
}

/// A role noun alone ("la premier", "the prime minister", "der Kanzler") is
/// the office holder the article named last: Meloni after Merz and Zelensky
/// (a chancellor and a president), Starmer after Trump (a president who
/// heads his government is no prime minister). It used to take the country
/// last named (Germany's, Poland's).
#[test]
fn a_role_noun_alone_is_the_office_holder_named_last() {
    let last = |lang: Lang, text: &str| {
        code_builtin(lang, text).last().map(|e| triple(&e.source.code, &e.target.code, &e.cameo))
    };
    let it = "Giorgia Meloni ha ricevuto a Palazzo Chigi il cancelliere tedesco Friedrich Merz. \
              In serata Zelensky ha chiamato Merz. La premier ha poi criticato la Russia.";
    assert_eq!(last(Lang::It, it), Some(triple("ITAGOV", "RUS", "111")));
    let en = "Keir Starmer hosted Volodymyr Zelensky in London on Monday. \
              Donald Trump spoke with Vladimir Putin by phone. The prime minister later criticised Russia.";
    assert_eq!(last(Lang::En, en), Some(triple("GBRGOV", "RUS", "111")));
    let de = "Bundeskanzler Friedrich Merz hat Emmanuel Macron in Berlin empfangen. \
              Außenminister Johann Wadephul traf seinen polnischen Amtskollegen. Der Kanzler kritisierte Russland scharf.";
    assert_eq!(last(Lang::De, de), Some(triple("DEUGOV", "RUS", "111")));
    // The event's implied actor says whom the role was read as.
    let events = code_builtin(Lang::It, it);
    let source = events.last().map(|e| (e.source.text.clone(), e.source.refers_to.clone()));
    let Some((text, refers_to)) = source else { panic!("no event") };
    assert_eq!(text, "premier");
    assert!(refers_to.is_some_and(|r| r.contains("Meloni")), "{text}");
    // A person named after the verb is whom the role met, not its holder.
    let en = "Keir Starmer arrived in Beijing. The prime minister met Premier Li Qiang.";
    let got = triples_builtin(Lang::En, en);
    assert!(got.contains(&triple("GBRGOV", "CHNGOV", "040")), "{got:?}");
    let it = "Giorgia Meloni è arrivata a Pechino. Domenica la premier aveva incontrato il primo ministro Li Qiang.";
    let got = triples_builtin(Lang::It, it);
    assert!(got.contains(&triple("ITAGOV", "CHNGOV", "040")), "{got:?}");
}

/// A role that a person's name follows closely is that person's title, not a
/// reference back: "accolto dal presidente della Repubblica Sergio
/// Mattarella" after Zelensky is Italy's, not Ukraine's.
#[test]
fn a_role_before_a_name_is_no_reference_back() {
    let text = "Il presidente ucraino Volodymyr Zelensky è arrivato a Roma. \
                Nel pomeriggio Zelensky è salito al Quirinale, dove è stato accolto dal presidente della Repubblica Sergio Mattarella.";
    let events = code_builtin(Lang::It, text);
    assert!(
        events.iter().any(|e| e.source.code == "ITAGOV" && e.target.code == "UKRGOV"),
        "{:?}",
        triples(&events)
    );
}

/// "The two leaders signed agreements": a summary of the people named before
/// is a compound subject, so a verb they do to each other gives each side's
/// event (the members share the summary's words, yet are two actors). A
/// number before a noun that names no side ("due giorni") sums up nothing.
#[test]
fn a_summary_of_two_leaders_acts_on_each_other() {
    let both = |a: &str, b: &str, code: &str| [triple(a, b, code), triple(b, a, code)];
    for (lang, text, pair) in [
        (
            Lang::En,
            "Putin hosted Modi in Moscow on Friday. The two leaders signed agreements on energy.",
            both("RUSGOV", "INDGOV", "057"),
        ),
        (
            Lang::It,
            "Meloni ha incontrato Dbeibah a Roma. I due leader hanno firmato un accordo sull'energia.",
            both("ITAGOV", "LBYGOV", "057"),
        ),
        (
            Lang::Es,
            "Sánchez recibió a Lula en Madrid. Ambos mandatarios firmaron un acuerdo de cooperación.",
            both("ESPGOV", "BRAGOV", "057"),
        ),
        (
            Lang::De,
            "Merz empfing Macron in Berlin. Beide Regierungschefs unterzeichneten ein Abkommen.",
            both("DEUGOV", "FRAGOV", "057"),
        ),
        // "Men" alone are civilians; "the two men" are the two leaders.
        (
            Lang::En,
            "Trump met Xi Jinping in Busan. The two men signed agreements on rare earths.",
            both("USAGOV", "CHNGOV", "057"),
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(pair.iter().all(|p| got.contains(p)), "{text}: {got:?}");
    }
    // "Due giorni" are no sides: the talks in Cairo are no meeting of Israel's army and Hamas.
    let text = "L'esercito israeliano ha colpito Hamas a Gaza. \
                Il raid arriva a due giorni dalla ripresa dei colloqui al Cairo.";
    let got = triples_builtin(Lang::It, text);
    assert!(!got.iter().any(|(s, t, _)| s == "PSEREB" && t == "ISRMIL"), "{got:?}");
}

/// A place name inside an actor's words that the actor's country does not
/// share is no place: "Hamas" is not Hamm in Germany, so its victims are not
/// German civilians; the "White House" is not Casablanca.
#[test]
fn an_actor_name_is_no_place_of_another_country() {
    let events = code_builtin(
        Lang::Fr,
        "Selon le ministère de la Santé du Hamas, 30 personnes ont été tuées par des frappes israéliennes.",
    );
    assert!(!events.is_empty());
    for e in &events {
        assert_ne!(e.location.as_ref().map(|l| l.country.as_str()), Some("DEU"), "{:?}", e.location);
        assert_ne!(e.target.code, "DEUCVL");
    }
    let events = code_builtin(Lang::En, "The White House accused China of unfair trade practices.");
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e.location.as_ref().is_none_or(|l| l.country != "MAR")),
        "{:?}",
        events[0].location
    );
}

/// A participle after an auxiliary and an adverbial phrase with an article
/// ("ha ancora una volta accusato", "ha una vez más acusado") is the verb,
/// not a noun after its determiner.
#[test]
fn a_participle_after_an_adverbial_with_an_article_is_the_verb() {
    for (lang, text, source, target) in [
        (Lang::It, "Zelensky ha ancora una volta accusato Mosca di crimini di guerra.", "UKRGOV", "RUS"),
        (Lang::Es, "Sánchez ha una vez más acusado a Feijóo de mentir.", "ESPGOV", "ESPOPP"),
    ] {
        assert_some_event(lang, text, |e| {
            e.source.code == source && e.target.code == target && e.cameo.starts_with("112")
        });
    }
}

/// A bare "said" about the speaker's own country, or about a role that would
/// take it, is talk at home, not an exchange between two actors; about
/// another state it stays a statement (CAMEO 010).
#[test]
fn a_statement_about_home_is_no_exchange() {
    for text in [
        "Trump said the United States was winning the new space race.",
        "Petro said one of the dead was a Colombian fisherman.",
    ] {
        let got = triples_builtin(Lang::En, text);
        assert!(!got.iter().any(|(_, _, c)| c.starts_with("01")), "{text}: {got:?}");
    }
    let text = "Merz ha ribadito che la Germania non manderà truppe.";
    let got = triples_builtin(Lang::It, text);
    assert!(!got.iter().any(|(s, t, _)| s == "DEUGOV" && t == "DEU"), "{got:?}");
}

/// With dyad's own dictionaries a plain statement (`010`) about another state
/// is no event either (`plain_statements_are_no_events`): what it reports is
/// coded for itself. The other `01` codes stay, and dictionaries without the
/// option keep the statement.
#[test]
fn a_plain_statement_is_no_event_with_dyads_dictionaries() {
    let text = "The Kremlin said on Monday that peace talks with Ukraine had reached a dead end.";
    assert_eq!(triples_builtin(Lang::En, text), []);
    let text =
        "Il ministero degli Esteri cinese ha dichiarato che il Giappone deve rispettare i propri impegni.";
    assert_eq!(triples_builtin(Lang::It, text), []);
    // Also where a pattern codes the statement ("told reporters that + = 010").
    let text = "Turkish Foreign Minister Hakan Fidan told reporters in Ankara that Sweden had not met its commitments.";
    assert_eq!(triples_builtin(Lang::En, text), []);
    // The reported event is coded, by its own actors.
    let text = "Israel's army said Hezbollah fired rockets at northern Israel.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().any(|(s, t, c)| s == "LBNREB" && t == "ISR" && c.starts_with("19")), "{got:?}");
    assert!(!got.iter().any(|(_, _, c)| c == "010"), "{got:?}");
    // Optimism is an event of its own (013).
    let text =
        "Japan's prime minister said he was optimistic about the resumption of talks with South Korea.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("JPNGOV", "KOR", "013")]);
    // Without the option (as with TABARI and PETRARCH dictionaries) the statement stays.
    let mut lexicon = own::builtin("en").unwrap_or_else(|e| panic!("{e}"));
    lexicon.options.plain_statements_are_no_events = false;
    let text = "The Kremlin said on Monday that peace talks with Ukraine had reached a dead end.";
    let events = code_in(&Coder::new(&lexicon), Lang::En, text, None);
    assert_eq!(triples(&events), [triple("RUSGOV", "UKR", "010")]);
}

/// With dyad's own dictionaries an actor of a state acting on that bare state
/// is no event (`own_country_is_no_target`) in the kinds of act addressed to
/// another side, unless the state is named by its capital (its government);
/// yielding, threats, coercion and violence at home stay.
#[test]
fn an_act_on_ones_own_bare_country_is_no_event() {
    for (lang, text) in [
        (Lang::En, "France's foreign ministry called for the protection of French interests."),
        (Lang::En, "The Spanish foreign minister criticised Spain's record on migration."),
        (
            Lang::It,
            "Il ministero degli Esteri francese ha chiesto la protezione degli interessi della Francia.",
        ),
    ] {
        assert_eq!(triples_builtin(lang, text), [], "{text}");
    }
    let text = "Thai authorities lifted the curfew in Bangkok after a week of calm.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("THAGOV", "THA", "0813")]);
    assert_some_event(Lang::En, "The Syrian army shelled towns in Syria's north.", |e| {
        e.source.code == "SYRMIL" && e.target.code == "SYR" && e.cameo_root == "19"
    });
    // A capital of one's own state stands for its government: "Kinshasa" is not the bare DRC.
    let text = "The M23 accused Kinshasa of using drones against civilians.";
    assert_some_event(Lang::En, text, |e| e.source.code == "CODREB" && e.target.code == "CODGOV");
    // Without the option (as with TABARI and PETRARCH dictionaries) the event stays.
    let mut lexicon = own::builtin("en").unwrap_or_else(|e| panic!("{e}"));
    lexicon.options.own_country_is_no_target = false;
    let text = "France's foreign ministry called for the protection of French interests.";
    let events = code_in(&Coder::new(&lexicon), Lang::En, text, None);
    assert_eq!(triples(&events), [triple("FRAGOV", "FRA", "020")]);
}

/// A threat whose only "target" is the speaker's own state named right after
/// "che" / "that" says who will act, not whom it threatens: no event.
#[test]
fn the_own_state_in_a_threats_complement_is_no_target() {
    let text = "Il ministro degli Esteri algerino ha avvertito che l'Algeria risponderà con fermezza.";
    assert_eq!(triples_builtin(Lang::It, text), [], "{text}");
    // Named as the object, another state is still threatened.
    assert_some_event(Lang::It, "Il ministro degli Esteri algerino ha minacciato la Francia.", |e| {
        e.source.code == "DZAGOV" && e.target.code == "FRA" && e.cameo_root == "13"
    });
}

/// A conjunction followed by an auxiliary or a verb opens a second predicate of
/// the same subject: the first one's pattern gaps and matched words stop there,
/// so the second codes on its own, and its object is not the first one's.
#[test]
fn a_second_predicate_after_a_conjunction_codes_on_its_own() {
    // "ricevere .. aiuti" (aid received, nothing) no longer reaches "promesso
    // aiuti" in the next predicate and swallows the visit.
    assert_some_event(
        Lang::It,
        "Il presidente francese ha ricevuto il premier libanese e ha promesso aiuti al Paese.",
        |e| e.source.code == "FRAGOV" && e.target.code == "LBNGOV" && e.cameo == "043",
    );
    // A condemnation with no side of its own does not hide the appeal after it.
    assert_some_event(
        Lang::It,
        "Il ministro degli Esteri italiano ha condannato l'attacco e ha chiesto all'Iran di fermare l'escalation.",
        |e| e.source.code == "ITAGOV" && e.target.code == "IRN" && e.cameo_root == "02",
    );
    // A noun that is also a verb form after "and" opens nothing.
    assert_some_event(
        Lang::En,
        "Saudi Arabia delivered 100 tonnes of food and medical supplies to Syria.",
        |e| e.source.code == "SAU" && e.target.code == "SYR" && e.cameo_root == "07",
    );
    // A place after both predicates belongs to both.
    assert_some_event(
        Lang::Es,
        "Los manifestantes incendiaron neumáticos y levantaron barricadas en las calles de Puerto Príncipe.",
        |e| e.cameo == "145" && e.target.code == "HTI",
    );
}

/// "Ukraine condemned the attack": a noun of a violent act after a definite
/// determiner, with no author of its own, stands for whoever struck last in
/// the article; armed forces stand for their state.
#[test]
fn the_attack_points_back_at_the_attacker() {
    for (lang, text, source, target) in [
        (
            Lang::En,
            "Russian forces shelled Kharkiv overnight. Ukraine condemned the attack and urged allies to send air defence.",
            "UKR",
            "RUS",
        ),
        (
            Lang::It,
            "Le forze russe hanno bombardato Kharkiv nella notte. Il governo ucraino ha condannato l'attacco.",
            "UKRGOV",
            "RUS",
        ),
        (Lang::Es, "Israel bombardeó el sur del Líbano. El gobierno libanés condenó el ataque.", "LBNGOV", "ISR"),
        (Lang::Fr, "Israël a bombardé le sud du Liban. Le gouvernement libanais a condamné les frappes.", "LBNGOV", "ISR"),
        (Lang::De, "Russland griff Kiew mit Drohnen an. Die Ukraine verurteilte den Angriff.", "UKR", "RUS"),
    ] {
        let got = triples_builtin(lang, text);
        assert!(
            got.iter().any(|(s, t, c)| s == source && t == target && c.starts_with("11")),
            "{lang}: {text}: {got:?}"
        );
    }
    // In quotation marks too; a clash of civilians told since is no attack condemned.
    let text = "La aviación israelí bombardeó el Ministerio de Defensa en Damasco. En Sueida, los \
                enfrentamientos entre milicias drusas y tribus beduinas dejaron 30 muertos. El Gobierno \
                sirio condenó la \"agresión traicionera\".";
    let got = triples_builtin_on(Lang::Es, text, (2025, 7, 16));
    assert!(got.iter().any(|(s, t, c)| s == "SYRGOV" && t.starts_with("ISR") && c == "111"), "{got:?}");
    // No act told before: nobody to point at.
    let got = triples_builtin(Lang::En, "Ukraine condemned the attack and urged allies to send air defence.");
    assert!(!got.iter().any(|(_, _, c)| c.starts_with("11")), "{got:?}");
    // An attack with its own author is that author's.
    let text =
        "Russian forces shelled Kharkiv overnight. Ukraine condemned the attack by Belarusian militias.";
    let got = triples_builtin(Lang::En, text);
    assert!(!got.iter().any(|(_, t, c)| t.starts_with("RUS") && c.starts_with("11")), "{got:?}");
}

/// A government, police, the opposition or a coast guard named by role alone
/// belong to the state the article is mostly about, where the dateline
/// counts, not to a foreign state named last.
#[test]
fn institutions_alone_belong_to_the_state_the_article_is_about() {
    let text = "ROMA, 3 MAR - Giorgia Meloni ha incontrato Edi Rama a Tirana. \
                Le opposizioni hanno criticato il governo.";
    assert!(triples_builtin(Lang::It, text).contains(&triple("ITAOPP", "ITAGOV", "111")));
    let text = "PALERMO, 26 GEN - Sono oltre mille i migranti partiti da Sfax, in Tunisia. \
                La Guardia costiera ha arrestato due scafisti.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.iter().any(|(s, _, c)| s == "ITACOP" && c == "173"), "{got:?}");
    // A state the article keeps naming wins over the dateline's.
    let text =
        "ROMA, 3 MAR - L'Albania ha accolto i migranti. L'Albania ha firmato un accordo con la Grecia. \
                Il governo albanese ha ricevuto Mitsotakis. L'opposizione ha criticato il governo.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("ALBOPP", "ALBGOV", "111")), "{got:?}");
}

/// "KANO, Nigeria, June 16 (Reuters) -": the region after the dateline's
/// place says which Kano, and neither is an actor.
#[test]
fn a_dateline_with_a_region_is_where_the_story_was_filed() {
    let text = "KANO, Nigeria, June 16 (Reuters) - Police arrested dozens of protesters.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("NGACOP", "NGACVL", "173")]);
}

/// A relative clause set off by a comma tells more of the actor before it,
/// who is its subject even as the object of a preposition or of another
/// verb: Macron criticises Russia, not Meloni. A clause without the comma
/// says which actor is meant ("the M23 rebels who seized Goma"), and a
/// "che" right after an object may open a that-clause.
#[test]
fn a_relative_clause_after_a_comma_is_its_antecedents() {
    for (lang, text) in [
        (Lang::It, "Meloni ha parlato con Macron, che ha criticato la Russia."),
        (Lang::Es, "Sánchez habló con Macron, quien criticó a Rusia."),
        (Lang::En, "Meloni spoke with Macron, who criticized Russia."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(
            got.iter().any(|(s, t, c)| s == "FRAGOV" && t == "RUS" && c.starts_with("11")),
            "{text}: {got:?}"
        );
        assert!(!got.iter().any(|(s, t, _)| s != "FRAGOV" && t == "RUS"), "{text}: {got:?}");
    }
    let text = "Rwanda denied supporting the M23 rebels who seized the eastern city of Goma.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("RWA", "CODREB", "016")]);
    let text = "Trump ha avvertito l'Iran che attaccherà Israele.";
    assert!(!triples_builtin(Lang::It, text).iter().any(|(s, _, _)| s == "IRN"));
}

/// A short word written in lower case names no state: "us" is no US, the
/// Italian verb "usa" no USA. Capitalised, the same letters are the state;
/// organisations written small ("le ong") stay actors.
#[test]
fn a_short_lower_case_word_names_no_state() {
    let text = "\"Russia wants to destroy us,\" Zelensky said.";
    assert!(!triples_builtin(Lang::En, text).iter().any(|(_, t, _)| t.starts_with("USA")));
    assert_eq!(triples_builtin(Lang::En, "US forces struck Iran."), [triple("USAMIL", "IRN", "190")]);
    assert_eq!(triples_builtin(Lang::It, "Gli Usa hanno criticato la Cina."), [triple("USA", "CHN", "111")]);
    assert_eq!(
        triples_builtin(Lang::It, "Le ong hanno accusato il governo italiano."),
        [triple("NGO", "ITAGOV", "112")]
    );
}

/// "des" opens the clause after a short opening phrase and its comma as it
/// does the sentence: an article, not "of the". AFP's "Mardi, des drones
/// russes ont frappé Kiev" has its attacker.
#[test]
fn an_article_after_an_opening_phrase_is_no_preposition() {
    for text in
        ["Mardi, des drones russes ont frappé Kiev.", "Dans la nuit, des drones russes ont frappé Kiev."]
    {
        let got = triples_builtin(Lang::Fr, text);
        assert!(
            got.iter().any(|(s, t, c)| s == "RUS" && t == "UKR" && c.starts_with("19")),
            "{text}: {got:?}"
        );
    }
}

/// German "als" opens a clause only at the sentence's start or after a
/// comma; inside a clause it compares or names a role, and the verb-final
/// clause keeps its subject and object.
#[test]
fn german_als_inside_a_clause_opens_none() {
    for (text, source, target) in [
        ("Die Polizei hat in Leipzig mehr als 30 Demonstranten festgenommen.", "DEUCOP", "DEUCVL"),
        ("Weidel hat die Politik der Bundesregierung als Versagen kritisiert.", "DEUOPP", "DEUGOV"),
    ] {
        assert_some_event(Lang::De, text, |e| e.source.code == source && e.target.code == target);
    }
}

/// A verb of demanding or accusing joined after what a speaker said is the
/// speaker's, not the reported clause's subject's; a joined verb that
/// differs in form from the speaker's stays in the reported clause.
#[test]
fn a_demand_joined_after_a_report_is_the_speakers() {
    let cases = [
        (
            Lang::Es,
            "Sánchez aseguró que los españoles están con Palestina y exigió a Israel el fin de los ataques.",
            ("ESPGOV", "ISR"),
        ),
        (Lang::It, "Tajani ha detto che l'Italia è pronta e ha chiesto a Israele di fermare i raid.", ("ITAGOV", "ISR")),
        (
            Lang::En,
            "The Pakistani minister said 400 protesters had been arrested and accused Imran Khan of inciting violence.",
            ("PAKGOV", "PAK"),
        ),
    ];
    for (lang, text, (source, target)) in cases {
        let got = triples_builtin(lang, text);
        let demand = |c: &str| ["02", "10", "11"].iter().any(|r| c.starts_with(r));
        assert!(
            got.iter().any(|(s, t, c)| s == source && t.starts_with(target) && demand(c)),
            "{text}: {got:?}"
        );
        assert!(!got.iter().any(|(s, _, c)| s != source && demand(c)), "{text}: {got:?}");
    }
}

/// A role facing an organisation, not a state, takes the article's country
/// (from the dateline); with no country in the article it stays a role.
#[test]
fn a_role_facing_an_organisation_is_the_articles() {
    let text = "PARIS (AFP) - Thousands of farmers protested against the European Commission on Tuesday.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().any(|(s, t, c)| s == "FRAAGR" && t == "IGOEEC" && c.starts_with("14")), "{got:?}");
    let text = "Thousands of farmers protested against the European Commission on Tuesday.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().any(|(s, t, c)| s == "~AGR" && t == "IGOEEC" && c.starts_with("14")), "{got:?}");
}

/// A surname after a full name with a suffix ("Ferdinand Marcos Jr.") is
/// the surname, not the suffix.
#[test]
fn a_surname_after_a_name_with_a_suffix_refers_back() {
    let text = "Ferdinand Marcos Jr. arrived in Tokyo on Monday. Japan's prime minister welcomed Marcos at the airport.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().any(|(s, t, _)| s == "JPNGOV" && t == "PHLGOV"), "{got:?}");
}

/// A comma and the next actor's article end the prepositional phrase that
/// opens the sentence: the actor in it is no member of a list with the
/// subject ("Desde Kiev, el presidente ucraniano …").
#[test]
fn an_opening_phrase_ends_at_its_comma_before_an_article() {
    for (lang, text, wanted) in [
        (Lang::Es, "Desde Kiev, el presidente ucraniano acusó a Rusia de atacar civiles.", ("UKRGOV", "RUS", "112")),
        (
            Lang::It,
            "Nel quarto anniversario dell'invasione russa, il ministro degli Esteri Antonio Tajani è arrivato a Kiev.",
            ("ITAGOV", "UKR", "042"),
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple(wanted.0, wanted.1, wanted.2)), "{text}: {got:?}");
    }
}

/// "Los presidentes de Estados Unidos, Donald Trump, y de Rusia, Vladímir
/// Putin, …": after a conjunction an "of" repeats the one before the first
/// member, and a state with the person who speaks for it between commas is
/// one actor, that person's.
#[test]
fn paired_states_with_their_leaders_are_one_list() {
    for (lang, text) in [
        (Lang::Es, "Los presidentes de Estados Unidos, Donald Trump, y de Rusia, Vladímir Putin, se reunieron en Alaska."),
        (Lang::It, "I presidenti degli Stati Uniti, Donald Trump, e della Russia, Vladimir Putin, si sono incontrati in Alaska."),
    ] {
        let lexicon = own::builtin(lang.code()).unwrap_or_else(|e| panic!("{e}"));
        let date = NaiveDate::from_ymd_opt(2025, 8, 15);
        let got = triples(&code_in(&Coder::new(&lexicon), lang, text, date));
        assert!(got.contains(&triple("USAGOV", "RUSGOV", "040")), "{text}: {got:?}");
        assert!(got.contains(&triple("RUSGOV", "USAGOV", "040")), "{text}: {got:?}");
    }
}

/// A pattern word that is one non-ASCII punctuation mark ("«", "»", "“") is
/// a word like `"`: `- * « = ---` needs the quote, it does not match every
/// use of the verb.
#[test]
fn a_pattern_with_a_guillemet_needs_the_guillemet() {
    let text = "@language fr\n[actors]\nARN = Arnor\nGON = Gondor\n[verbs]\ndénoncer = 111\n- * « = ---\n";
    let lexicon = own::parse(text, "t.dyad").unwrap_or_else(|e| panic!("{e}"));
    let coder = Coder::new(&lexicon);
    let events = code_in(&coder, Lang::Fr, "Arnor a dénoncé Gondor.", None);
    assert_eq!(triples(&events), [triple("ARN", "GON", "111")]);
    let events = code_in(&coder, Lang::Fr, "Arnor a dénoncé « l'agression » de Gondor.", None);
    assert_eq!(triples(&events), []);
}

/// A word of a name that looks like an article ("Un" in "Kim Jong Un") does
/// not make the verb after the name a noun.
#[test]
fn an_article_inside_a_name_leaves_the_next_verb_a_verb() {
    assert_some_event(Lang::Es, "El líder norcoreano Kim Jong Un criticó a Estados Unidos.", |e| {
        e.source.code == "PRKGOV" && e.target.code == "USA" && e.cameo_root == "11"
    });
}

/// A sentence that codes no event still names whom the next sentence's "he"
/// or dropped subject stands for; an actor after a preposition ("In Madrid")
/// is no subject.
#[test]
fn a_subject_without_an_event_is_the_next_pronouns() {
    for (lang, text, source) in [
        (Lang::En, "Pedro Sanchez rejected the call. He accused Russia of lying.", "ESPGOV"),
        (Lang::It, "Pedro Sánchez ha respinto la richiesta. Ha accusato la Russia di mentire.", "ESPGOV"),
        (
            Lang::De,
            "Bundeskanzler Merz sprach am Montag in Berlin. Er warf Russland vor, die Gespräche zu sabotieren.",
            "DEUGOV",
        ),
        // A short opening phrase may come first, and a verb in second place.
        (
            Lang::En,
            "Carney said his country was ready for talks. On Saturday, Trump doubled down. He accused Russia of lying.",
            "USAGOV",
        ),
        (
            Lang::De,
            "Carney sagte, sein Land sei zu Gesprächen bereit. Am Samstag legte Trump nach. Er warf Russland vor, die Gespräche zu sabotieren.",
            "USAGOV",
        ),
    ] {
        assert_some_event(lang, text, |e| e.source.code == source && e.target.code == "RUS" && e.cameo == "112");
    }
    let events = code_builtin(Lang::En, "The talks in Madrid ended on Monday. He accused Russia of lying.");
    assert!(
        events.iter().all(|e| e.source.code != "ESP"),
        "{:?}",
        events.iter().map(|e| &e.source.code).collect::<Vec<_>>()
    );
}

/// German "als" after a verb compares ("mehr als 50"), and "da" inside a
/// clause is a name's particle ("Lula da Silva"): neither opens a clause
/// that would cut the object off its verb.
#[test]
fn a_comparing_als_leaves_the_object_to_its_verb() {
    assert_some_event(Lang::De, "Lula da Silva hat am Montag in Genf António Guterres getroffen.", |e| {
        e.source.code == "BRAGOV" && e.target.code == "IGOUNO" && e.cameo == "040"
    });
    assert_some_event(Lang::De, "Die türkische Polizei nahm mehr als 50 Demonstranten fest.", |e| {
        e.source.code == "TURCOP" && e.target.code == "TURCVL" && e.cameo == "173"
    });
    assert_some_event(Lang::De, "Israel tötete mehr als 30 Palästinenser.", |e| {
        e.source.code == "ISR" && e.target.code.starts_with("PSE") && e.cameo_root == "19"
    });
}

/// A meeting, talks, a call or a negotiation is an act of both sides, in every
/// language, whichever side the sentence makes the subject; the way back says
/// so in its rule, and a later pronoun still stands for the subject. A visit
/// stays one way, and dictionaries without the option (TABARI, PETRARCH) code
/// the subject's event only.
#[test]
fn a_meeting_is_an_act_of_both_sides() {
    let both = [triple("ITAGOV", "FRAGOV", "040"), triple("FRAGOV", "ITAGOV", "040")];
    for (lang, text) in [
        (Lang::It, "Giorgia Meloni ha incontrato Emmanuel Macron."),
        (Lang::En, "Giorgia Meloni met Emmanuel Macron."),
        (Lang::Es, "Giorgia Meloni se reunió con Emmanuel Macron."),
        (Lang::Fr, "Giorgia Meloni a rencontré Emmanuel Macron."),
        (Lang::De, "Giorgia Meloni traf Emmanuel Macron."),
    ] {
        let events = code_builtin(lang, text);
        assert_eq!(triples(&events), both, "{text}");
        assert!(events[1].evidence.rule.contains("both sides"), "{text}: {}", events[1].evidence.rule);
    }
    let text = "Giorgia Meloni telefonò a Emmanuel Macron.";
    assert_eq!(
        triples_builtin(Lang::It, text),
        [triple("ITAGOV", "FRAGOV", "041"), triple("FRAGOV", "ITAGOV", "041")],
        "{text}"
    );
    // A visit is one way, to the host's state.
    let text = "Giorgia Meloni visited Emmanuel Macron.";
    assert_eq!(triples_builtin(Lang::En, text), [triple("ITAGOV", "FRA", "042")], "{text}");
    let text = "Giorgia Meloni met Emmanuel Macron. She criticized Russia.";
    let events = code_builtin(Lang::En, text);
    let later: Vec<_> = events.iter().filter(|e| e.sentence_index == 1).collect();
    assert_eq!(
        triples(&later.into_iter().cloned().collect::<Vec<_>>()),
        [triple("ITAGOV", "RUS", "111")],
        "{text}"
    );
    let mut lexicon = own::builtin("en").unwrap_or_else(|e| panic!("{e}"));
    lexicon.options.meetings_are_mutual = false;
    let events = code_in(&Coder::new(&lexicon), Lang::En, "Giorgia Meloni met Emmanuel Macron.", None);
    assert_eq!(triples(&events), [triple("ITAGOV", "FRAGOV", "040")]);
}

/// A judgement reaches past "and" to the actor the next predicate addresses,
/// the author of the act judged ("condemned the launch and urged Pyongyang"),
/// but not one the next predicate judges the other way ("praised the decision
/// and criticized Warsaw": the praise is not Warsaw's).
#[test]
fn a_judgement_reaches_the_next_predicates_actor_only_in_the_same_sense() {
    for (lang, text) in [
        (Lang::En, "The German minister praised the decision and criticized Warsaw."),
        (Lang::Es, "El ministro alemán elogió la decisión y criticó a Varsovia."),
        (Lang::Fr, "Le ministre allemand a salué la décision et critiqué Varsovie."),
    ] {
        assert_eq!(triples_builtin(lang, text), [triple("DEUGOV", "POL", "111")], "{text}");
    }
    let text = "Seúl condenó el lanzamiento y pidió a Pionyang que cese sus provocaciones.";
    assert_eq!(
        triples_builtin(Lang::Es, text),
        [triple("KORGOV", "PRK", "111"), triple("KORGOV", "PRK", "020")]
    );
}

/// German "der", "die", "das" open a relative clause only after a comma;
/// elsewhere they are an object's article, and the subject of the first
/// predicate is the second's too.
#[test]
fn a_german_article_after_the_verb_opens_no_relative_clause() {
    let text = "Der deutsche Innenminister lobte die Haltung und kritisierte Warschau.";
    assert_eq!(triples_builtin(Lang::De, text), [triple("DEUGOV", "POL", "111")], "{text}");
}

/// In Italian, Spanish and French an event word that opens the sentence with
/// a national adjective after it heads the subject of the verb that follows
/// ("Raid aerei pakistani hanno ucciso …"); with no verb of its own clause
/// after it, it is the headline's event ("Raid israeliano su Khan Younis,
/// decine di morti").
#[test]
fn an_event_noun_with_its_adjective_heads_the_subject() {
    assert_eq!(
        triples_builtin(Lang::It, "Raid aerei pakistani hanno ucciso dieci civili."),
        [triple("PAK", "PAKCVL", "195")]
    );
    assert_some_event(Lang::It, "Raid israeliano su Khan Younis, decine di morti.", |e| {
        e.source.code == "ISR" && e.target.code == "PSE" && e.cameo_root == "19"
    });
}

/// "The two countries", "i due eserciti": a summary of states stands for the
/// two states of the last event between states, or else the last states
/// named, however each was named (a leader, a capital), as states; a role
/// that is no office takes the role's agent. A state named after the event
/// (who said so, where the talks will be) is not one of the two.
#[test]
fn a_summary_of_two_states_names_the_states() {
    let both = |a: &str, b: &str, code: &str| [triple(a, b, code), triple(b, a, code)];
    for (lang, text, pair) in [
        (
            Lang::Es,
            "Trump recibió a Lula en Washington. Ambos países firmaron un acuerdo comercial.",
            both("BRA", "USA", "057"),
        ),
        (
            Lang::It,
            "Meloni ha ricevuto Modi a Roma. Entrambi i paesi hanno firmato un accordo.",
            both("IND", "ITA", "057"),
        ),
        (
            Lang::It,
            "La Thailandia e la Cambogia si sono scontrate al confine. I due eserciti si accusano a vicenda.",
            both("THAMIL", "KHMMIL", "112"),
        ),
        (
            Lang::Fr,
            "Xi Jinping a été reçu par Emmanuel Macron à Paris. Le président chinois a évoqué la guerre en Ukraine. Les deux pays ont signé dix-huit accords.",
            both("CHN", "FRA", "057"),
        ),
        (
            Lang::En,
            "Ethiopia and Somalia agreed to end their dispute, Turkish President Erdogan said. The two countries signed a declaration in Ankara.",
            both("ETH", "SOM", "057"),
        ),
        (
            Lang::De,
            "Russland griff die Ukraine erneut mit Drohnen an. Delegationen beider Länder kamen in Istanbul zusammen.",
            both("RUS", "UKR", "040"),
        ),
        // A lower-case adjective before the summary noun sums up too.
        (
            Lang::En,
            "Britain and France met in Geneva on Monday. The two nuclear-armed allies have signed a defence pact.",
            both("GBR", "FRA", "057"),
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(pair.iter().all(|p| got.contains(p)), "{text}: {got:?}");
        let summed = &got[got.len() - 2..];
        assert!(summed.iter().all(|t| pair.contains(t)), "{text}: {got:?}");
    }
}

/// A participle set off by commas after an actor, with its agent after it
/// ("I ribelli, sostenuti dal Ruanda, …"), is a passive: its agent is
/// neither one of the actors before it nor the subject of the main verb,
/// and the actor before it still is.
#[test]
fn a_participle_set_off_by_commas_leaves_the_subject_before_it() {
    for (lang, text) in [
        (Lang::It, "I ribelli dell'M23, sostenuti dal Ruanda, hanno attaccato Goma."),
        (Lang::Fr, "Les rebelles du M23, soutenus par le Rwanda, ont attaqué Goma."),
        (Lang::En, "M23 rebels, backed by Rwanda, attacked Goma on Monday."),
        (Lang::De, "Die von Ruanda unterstützten M23-Rebellen griffen Goma an."),
    ] {
        assert_eq!(triples_builtin(lang, text), [triple("CODREB", "COD", "190")], "{text}");
    }
    // Where the participle codes, its agent acts on the actor before it.
    let got = triples_builtin(Lang::De, "Die M23-Rebellen, unterstützt von Ruanda, griffen Goma an.");
    assert!(got.contains(&triple("CODREB", "COD", "190")), "{got:?}");
    assert!(got.iter().all(|t| t.0 != "CODREB" || t.1 != "RWA"), "{got:?}");
}

/// A predicate right after a clause-joining conjunction (and an auxiliary or
/// an adverb) shares the subject of the predicate before it, not the nearest
/// actor ("… im Gazastreifen …, und kritisierte"); a new subject after the
/// conjunction opens a clause of its own, which the first predicate's object
/// does not reach ("abrió una investigación y la Policía detuvo").
#[test]
fn a_second_predicate_shares_the_first_predicates_subject() {
    for (lang, text, want) in [
        (
            Lang::De,
            "Erdogan warf Israel vor, im Gazastreifen einen Völkermord begangen zu haben, und kritisierte die deutsche Haltung.",
            triple("TURGOV", "DEU", "111"),
        ),
        (Lang::Fr, "Bangkok a rappelé son ambassadeur à Phnom Penh et expulsé l'ambassadeur cambodgien.", triple("THAGOV", "KHMGOV", "166")),
        (
            Lang::En,
            "Fico said the sanctions would hurt the EU more than Russia and again threatened Ukraine.",
            triple("SVKGOV", "UKR", "130"),
        ),
        (
            Lang::Es,
            "El Frente Polisario ha acusado al Gobierno español de legitimar la ocupación marroquí y ha pedido a la Unión Europea que actúe.",
            triple("ESHSEP", "IGOEEC", "020"),
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&want), "{text}: {got:?}");
        assert!(got.iter().all(|t| t.2 != want.2 || t.0 == want.0), "{text}: {got:?}");
    }
    let text = "La Fiscalía abrió una investigación y la Policía detuvo a quince manifestantes en Lima.";
    assert_eq!(triples_builtin(Lang::Es, text), [triple("PERCOP", "PERCVL", "173")], "{text}");
}

/// An actor right before the verb (or its auxiliary) after an opening
/// phrase's noun opens the clause ("A margine dei lavori Zelensky ha
/// incontrato Merz"); an actor set off by commas up to the verb, with a name
/// the dictionaries lack after its title, is the subject in apposition, not
/// a reported clause ("Le chef de l'armée népalaise, le général Sigdel, a
/// appelé les manifestants au calme").
#[test]
fn the_subject_after_an_opening_phrase_or_before_its_apposition_acts() {
    let got = triples_builtin(Lang::It, "A margine dei lavori Zelensky ha incontrato Merz.");
    assert!(got.contains(&triple("UKRGOV", "DEUGOV", "040")), "{got:?}");
    let got = triples_builtin(Lang::En, "At the summit Trump met Xi.");
    assert!(got.contains(&triple("USAGOV", "CHNGOV", "040")), "{got:?}");
    let text = "Le chef de l'armée népalaise, le général Sigdel, a appelé les manifestants au calme.";
    let got = triples_builtin(Lang::Fr, text);
    assert!(!got.is_empty() && got.iter().all(|t| t.0 == "NPLMIL"), "{got:?}");
}

/// Victims named only by their role, of force used by a side that struck a
/// foreign state in the same sentence, are that state's, not the attacker's.
#[test]
fn victims_of_a_strike_abroad_take_the_struck_country() {
    let got =
        triples_builtin(Lang::It, "La Russia ha lanciato droni sulle città ucraine, uccidendo due persone.");
    assert!(got.contains(&triple("RUS", "UKRCVL", "190")), "{got:?}");
    assert!(got.iter().all(|t| t.1 != "RUSCVL"), "{got:?}");
}

/// A meeting or a visit told in the future is an intent to meet (036),
/// both ways for a meeting, one way for a visit; the same verb in the past
/// is the meeting itself, and a German participle after "wird" is a
/// passive, not a future.
#[test]
fn a_meeting_told_in_the_future_is_an_intent_to_meet() {
    let both = |code: &str| vec![triple("ITAGOV", "FRAGOV", code), triple("FRAGOV", "ITAGOV", code)];
    for (lang, future, past) in [
        (Lang::It, "Meloni incontrerà Macron venerdì a Roma.", "Meloni ha incontrato Macron venerdì a Roma."),
        (Lang::Es, "Meloni se reunirá con Macron el viernes.", "Meloni se reunió con Macron el viernes."),
        (
            Lang::Fr,
            "Meloni rencontrera Macron vendredi à Rome.",
            "Meloni a rencontré Macron vendredi à Rome.",
        ),
        (Lang::En, "Meloni will meet Macron in Rome on Friday.", "Meloni met Macron in Rome on Friday."),
        (
            Lang::De,
            "Meloni wird am Freitag Macron in Rom treffen.",
            "Meloni hat am Freitag Macron in Rom getroffen.",
        ),
    ] {
        let mut got = triples_builtin(lang, future);
        got.sort();
        let mut want = both("036");
        want.sort();
        assert_eq!(got, want, "{future}");
        let mut got = triples_builtin(lang, past);
        got.sort();
        let mut want = both("040");
        want.sort();
        assert_eq!(got, want, "{past}");
    }
    let visit = triples_builtin(Lang::Es, "Meloni visitará Francia la próxima semana.");
    assert_eq!(visit, [triple("ITAGOV", "FRA", "036")]);
    // A guest received has visited the host's state (043:042, as in English).
    let passive = triples_builtin(Lang::De, "Meloni wird am Freitag von Macron in Paris empfangen.");
    assert_eq!(passive, [triple("FRAGOV", "ITAGOV", "043"), triple("ITAGOV", "FRA", "042")]);
    // Futures too short for their ending to tell them: "sarà", "hará", "fera".
    for (lang, text) in [
        (Lang::It, "Meloni sarà ricevuta da Macron."),
        (Lang::Es, "Meloni hará una visita a Macron."),
        (Lang::Fr, "Meloni sera reçue par Macron."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(!got.is_empty() && got.iter().all(|t| t.2 == "036"), "{text}: {got:?}");
    }
}

/// The actor that opens a that-clause is the subject of its verb, though
/// the verb of saying before took it for its object; an actor that the
/// clause only names, past a comma or a conjunction, is not.
#[test]
fn the_actor_opening_a_that_clause_is_its_subject() {
    for (lang, text) in [
        (Lang::Es, "La ONU denunció que los paramilitares ejecutaron a decenas de civiles en Darfur."),
        (Lang::It, "L'Onu ha denunciato che i paramilitari hanno ucciso decine di civili in Darfur."),
        (Lang::En, "The UN said that the paramilitaries executed dozens of civilians in Darfur."),
    ] {
        let got = triples_builtin(lang, text);
        let killing: Vec<_> = got.iter().filter(|(_, _, c)| c == "190").collect();
        assert_eq!(killing.len(), 1, "{text}: {got:?}");
        assert!(killing[0].0.starts_with("SDN") && killing[0].1 == "SDNCVL", "{text}: {got:?}");
    }
    // What a demand asks for has not happened: no event of its own.
    let text = "Greece demanded that its European partners refuse to recognize Macedonia.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.iter().all(|(s, _, _)| s.starts_with("GRC")), "{got:?}");
    // The clause's actor is not the subject of a later predicate.
    let text = "Meloni ha condannato l'attacco, definendolo \"la prova che la Russia non vuole la pace\", \
                e in serata ha sentito al telefono Zelensky.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("ITAGOV", "UKRGOV", "041")), "{got:?}");
    assert!(!got.iter().any(|(s, _, _)| s.starts_with("RUS")), "{got:?}");
}

/// The object of one verb right before a relative clause in the imperfect
/// is that clause's subject, comma or not ("giovani che protestavano"), and
/// a role the first event gave a country keeps it in the second, where it
/// faces only a role.
#[test]
fn an_object_doing_something_at_the_time_is_its_relative_clauses_subject() {
    for (lang, text) in [
        (
            Lang::It,
            "La polizia keniana ha aperto il fuoco contro manifestanti che protestavano contro il governo.",
        ),
        (Lang::Es, "La Policía keniana disparó contra manifestantes que protestaban contra el Gobierno."),
        (Lang::Fr, "La police kényane a tiré sur des manifestants qui protestaient contre le gouvernement."),
        (Lang::En, "Kenyan police fired on protesters who were demonstrating against the government."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("KENCVL", "KENGOV", "141")), "{text}: {got:?}");
        assert!(!got.iter().any(|(s, _, c)| s == "KENCOP" && c == "141"), "{text}: {got:?}");
    }
}

/// A gerund or present participle after a comma shares the main clause's
/// subject: the actor after it is its object, not a subject set after a
/// verb of saying ("…, ha accusato Erdogan").
#[test]
fn a_gerund_after_a_comma_keeps_the_main_subject() {
    for (lang, text) in [
        (Lang::Fr, "Macron a parlé lundi, accusant Moscou de mensonges."),
        (Lang::It, "Macron ha parlato lunedì, accusando Mosca di mentire."),
        (Lang::Es, "Macron habló el lunes, acusando a Moscú de mentir."),
    ] {
        assert_eq!(triples_builtin(lang, text), [triple("FRAGOV", "RUS", "112")], "{text}");
    }
    // After a finite verb of saying the subject still follows it.
    let text = "Israël commet un génocide à Gaza, a accusé Erdogan.";
    assert_eq!(triples_builtin(Lang::Fr, text), [triple("TURGOV", "ISR", "112")]);
}

/// An object pronoun stands for the person it refers to: one named before
/// it in its sentence, else (but for Italian and French clitics, which also
/// stand for plurals and things) the person last named who is not the
/// subject. A place after a locative is no object.
#[test]
fn an_object_pronoun_stands_for_a_person_named_before() {
    let date = NaiveDate::from_ymd_opt(2025, 10, 21);
    let article = |lang: Lang, text: &str| -> Vec<(String, String, String)> {
        let lexicon = own::builtin(lang.code()).unwrap_or_else(|e| panic!("{e}"));
        triples(&code_in(&Coder::new(&lexicon), lang, text, date))
    };
    let got =
        article(Lang::En, "US Vice President JD Vance arrived in Israel. Netanyahu met him in Jerusalem.");
    assert!(got.contains(&triple("ISRGOV", "USAGOV", "040")), "{got:?}");
    assert!(!got.iter().any(|(s, t, _)| s == t), "{got:?}");
    let got = article(
        Lang::De,
        "Der US-Vizepräsident JD Vance kam nach Israel. Netanjahu empfing ihn in Jerusalem.",
    );
    assert!(got.contains(&triple("ISRGOV", "USAGOV", "043")), "{got:?}");
    let text = "L'emiro del Qatar ha ricevuto una telefonata da Trump, che gli ha promesso sostegno.";
    let got = article(Lang::It, text);
    assert!(got.iter().any(|(s, t, c)| s == "USAGOV" && t == "QATGOV" && c.starts_with("03")), "{got:?}");
    // A possessive "her" before a noun is no object.
    let got = article(Lang::En, "Sheikh Hasina fled to India. Protesters in Dhaka stormed her residence.");
    assert!(got.is_empty(), "{got:?}");
}

/// After a unit of time, "dopo", "après" and "después" are adverbs ("Poche ore
/// dopo Putin ha condannato …"): the name after them is the subject, not the
/// object of a preposition.
#[test]
fn a_preposition_after_a_unit_of_time_is_an_adverb() {
    for (lang, text) in [
        (Lang::It, "Poche ore dopo Putin ha condannato l'Ucraina."),
        (Lang::It, "Poche ore dopo il presidente russo Vladimir Putin ha condannato l'Ucraina."),
        (Lang::Fr, "Quelques heures après, le président Poutine a condamné l'Ukraine."),
    ] {
        assert_eq!(triples_builtin(lang, text), [triple("RUSGOV", "UKR", "111")], "{text}");
    }
    // Before an article the preposition keeps its object, an act.
    let text = "Poche ore dopo l'attacco di Israele, Teheran ha condannato Washington.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("IRNGOV", "USA", "111")]);
}

/// The first comma after an opening adverbial clause or infinitive closes
/// it: the actor after the comma is the main clause's subject, not one more
/// object of the clause's verb.
#[test]
fn an_opening_clause_ends_at_its_comma() {
    for (lang, text) in [
        (Lang::It, "Dopo che Israele ha colpito l'Iran, Teheran ha condannato Washington."),
        (Lang::Es, "Después de que Israel atacara a Irán, Teherán condenó a Washington."),
        (Lang::Fr, "Après qu'Israël a frappé l'Iran, Téhéran a condamné Washington."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("IRNGOV", "USA", "111")), "{text}: {got:?}");
        assert!(!got.iter().any(|(s, _, c)| s == "ISR" && c == "111"), "{text}: {got:?}");
    }
    for (lang, text) in [
        (Lang::It, "Dopo aver incontrato Macron, Meloni ha criticato la Francia."),
        (Lang::Fr, "Après avoir rencontré Macron, Meloni a critiqué la France."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("ITAGOV", "FRA", "111")), "{text}: {got:?}");
    }
}

/// An actor after "and" that a verb follows opens a second clause: it is
/// that clause's subject, not a second object of the first verb.
#[test]
fn an_actor_after_and_before_a_verb_is_a_new_subject() {
    for (lang, text) in [
        (Lang::Es, "Rusia atacó Kiev y Ucrania bombardeó Moscú."),
        (Lang::It, "La Russia ha attaccato Kiev e l'Ucraina ha bombardato Mosca."),
        (Lang::En, "Russia attacked Kyiv and Ukraine bombed Moscow."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("UKR", "RUS", "195")), "{text}: {got:?}");
        assert!(!got.iter().any(|(s, t, _)| s == "RUS" && t == "RUS"), "{text}: {got:?}");
    }
    // A pair after "between", or one after a that-clause's opener, stays one.
    let text = "Il presidente ha detto che Francia e Germania hanno condannato la Russia.";
    let got = triples_builtin(Lang::It, text);
    assert!(
        got.contains(&triple("FRA", "RUS", "111")) && got.contains(&triple("DEU", "RUS", "111")),
        "{got:?}"
    );
}

/// A future marker between a pattern's actors and its verb makes it future:
/// "Ethiopia and Somalia will start talks" is an intent to meet (036).
#[test]
fn a_future_marker_inside_a_pattern_makes_it_future() {
    let got = triples_builtin(Lang::En, "Ethiopia and Somalia will start technical talks next month.");
    assert!(got.contains(&triple("ETH", "SOM", "036")), "{got:?}");
    assert!(!got.iter().any(|(_, _, c)| c == "046"), "{got:?}");
    // A name among the pattern's words is no future form ("Narendra").
    let got = triples_builtin(Lang::Fr, "Narendra Modi et Emmanuel Macron se sont entretenus à Paris.");
    assert!(got.contains(&triple("INDGOV", "FRAGOV", "040")), "{got:?}");
}

/// A role is not its partner's very actor: a government sanctions another
/// state's officials, and a foreign ministry that summons a foreign chargé
/// d'affaires is the ministry of where the article was filed.
#[test]
fn a_role_does_not_become_its_partner() {
    let got = triples_builtin(
        Lang::En,
        "CARACAS, Jan 10 (Reuters) - The U.S. Treasury sanctioned eight officials on Friday.",
    );
    assert_eq!(got, [triple("USAGOV", "VENGOV", "163")]);
    let text = "BRASILIA - Trump ha imposto dazi del 50% sul Brasile. Gli Stati Uniti accusano Lula. \
                Il ministero degli Esteri ha convocato l'incaricato d'affari americano.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("BRAGOV", "USAGOV", "114")), "{got:?}");
    assert!(!got.iter().any(|(s, t, _)| s == t), "{got:?}");
}

/// "Both sides", "le due parti": the two sides of the last event between
/// states, whatever was named after it ("the army said").
#[test]
fn both_sides_are_the_sides_of_the_last_event() {
    let text = "Hamas fighters attacked Israeli troops in Gaza, the army said. Egypt urged both sides to show restraint.";
    let got = triples_builtin(Lang::En, text);
    assert_eq!(got[1..], [triple("EGY", "PSEREB", "0256"), triple("EGY", "ISRMIL", "0256")], "{got:?}");
    // Warring parties are sides too.
    for (lang, text) in [
        (
            Lang::De,
            "Russland griff die Ukraine erneut mit Drohnen an. Beide Kriegsparteien vereinbarten einen Gefangenenaustausch.",
        ),
        (
            Lang::Fr,
            "La Russie a attaqué l'Ukraine avec des drones. Les deux belligérants ont conclu un accord d'échange de prisonniers.",
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(
            got.iter().any(|t| t.0 == "RUS" && t.1 == "UKR" && t.2.starts_with("05"))
                && got.iter().any(|t| t.0 == "UKR" && t.1 == "RUS" && t.2.starts_with("05")),
            "{text}: {got:?}"
        );
    }
}

/// An institution named only by its role that speaks or deals with another
/// state is, in an article filed from a third state's city, that state's;
/// not the government a party or the opposition attacks, which is its own.
#[test]
fn a_role_dealing_with_another_state_is_the_datelines() {
    let text = "CITTÀ DEL MESSICO, 3 GIU - La presidente eletta ha promesso di mantenere un rapporto di amicizia con gli Stati Uniti.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("MEXELI", "USA", "030")]);
    // Not in a story mostly about another state, filed from abroad.
    let text = "BRUXELLES, 3 MAR - Il governo italiano ha chiesto più fondi. L'Italia vuole più flessibilità, ha detto \
                Giorgetti. Il leader del M5s Giuseppe Conte ha criticato il governo.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.iter().any(|t| t.1 == "ITAGOV" && t.2 == "111"), "{got:?}");
    assert!(got.iter().all(|t| t.1 != "BELGOV"), "{got:?}");
    // The opposition's "government" is its own country's wherever it is filed.
    let text = "TIRANA, 3 MAG - La segretaria del Pd Elly Schlein ha accusato il governo di aver buttato via un miliardo.";
    assert_eq!(triples_builtin(Lang::It, text), [triple("ITAOPP", "ITAGOV", "112")]);
}

/// "The two leaders" after a sentence names a second leader beside its
/// subject are those two: "Modi … embraced Zelenskiy before the two leaders
/// held talks"; the subject that hosts "the two leaders" is neither.
#[test]
fn the_two_leaders_include_one_named_just_before() {
    let text = "Indian Prime Minister Narendra Modi visited Kyiv on Friday and urged Ukraine and Russia to sit down for talks. \
                Modi, who arrived by train from Poland, embraced President Volodymyr Zelenskiy before the two leaders held talks.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.contains(&triple("INDGOV", "UKRGOV", "040")), "{got:?}");
    assert!(!got.iter().any(|(s, t, c)| c == "040" && (s == "RUSGOV" || t == "RUSGOV")), "{got:?}");
}

/// A headline's topic set off by a comma names the country of the roles
/// after it, as a topic before a colon does.
#[test]
fn a_headlines_comma_topic_gives_roles_their_country() {
    let got = triples_builtin(Lang::It, "Sudafrica, Rubio espelle l'ambasciatore");
    assert_eq!(got, [triple("USAGOV", "ZAFGOV", "166")]);
}

/// A short name in brackets right after an actor of the same country is that
/// actor named again, not a second actor and so not the subject.
#[test]
fn a_short_name_in_brackets_is_the_actor_before_it() {
    let text = "La Corte Suprema de la República Democrática del Congo (RDC) condenó al expresidente Joseph Kabila a diez años de prisión.";
    let got = triples_builtin(Lang::Es, text);
    assert!(got.iter().all(|(s, _, _)| s == "CODJUD") && !got.is_empty(), "{got:?}");
}

/// A meeting or visit told in the conditional ("rendrait visite",
/// "incontrerebbe"), as English "would meet", has not happened: it is an
/// intent to meet (036).
#[test]
fn a_meeting_told_in_the_conditional_is_an_intent() {
    let got = triples_builtin(Lang::Fr, "Gérald Darmanin rendrait visite à Nicolas Sarkozy.");
    assert!(got.iter().all(|(_, _, c)| c == "036") && !got.is_empty(), "{got:?}");
    let got = triples_builtin(Lang::It, "Meloni incontrerebbe Macron a Roma.");
    assert!(got.contains(&triple("ITAGOV", "FRAGOV", "036")), "{got:?}");
}

/// A violent act judged has an author of its own, or the last attacker; the
/// judgement does not reach the side the next predicate addresses, and that
/// predicate's subject is the judge's, not the act's author.
#[test]
fn a_judged_attack_keeps_its_author() {
    let text = "Antonio Tajani ha condannato l'attacco russo e ha chiesto alla Russia di fermarsi.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("ITAGOV", "RUS", "111")), "{got:?}");
    assert!(got.contains(&triple("ITAGOV", "RUS", "020")), "{got:?}");
    assert!(!got.iter().any(|(s, _, _)| s == "RUS"), "{got:?}");
    let text = "Aoun ha condannato gli attacchi e ha chiesto a Stati Uniti e Francia di intervenire.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.contains(&triple("LBNGOV", "USA", "020")), "{got:?}");
    assert!(!got.iter().any(|(_, _, c)| c.starts_with("11")), "{got:?}");
}

/// A German separable particle closes its clause however far it stands from
/// the verb: past the usual gap, a pattern's word matches only there.
#[test]
fn a_separable_particle_closes_its_clause() {
    let text = "Russland und die Ukraine kamen am Montag in Istanbul zu einer zweiten Runde direkter Gespräche zusammen.";
    let got = triples_builtin(Lang::De, text);
    assert!(
        got.contains(&triple("RUS", "UKR", "040")) && got.contains(&triple("UKR", "RUS", "040")),
        "{got:?}"
    );
    let text = "Trump kündigte nach dem Gespräch mit Xi am Donnerstag in Busan an, die Zölle auf chinesische Waren zu senken.";
    assert_eq!(triples_builtin(Lang::De, text), [triple("USAGOV", "CHN", "085")], "{text}");
}

/// A role right before a summary of two states is the states' own ("Delegationen
/// beider Länder"), and a meeting word whose subject names both sides is a
/// meeting between them, not with the place it happens in.
#[test]
fn a_meeting_of_both_sides_is_between_them() {
    let text = "Russland griff die Ukraine erneut mit Drohnen an. Am Montag wollen Delegationen beider Länder in Istanbul zu einer zweiten Runde direkter Gespräche zusammenkommen.";
    let got = triples_builtin(Lang::De, text);
    assert!(
        got.contains(&triple("RUS", "UKR", "036")) && got.contains(&triple("UKR", "RUS", "036")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(s, t, _)| s.starts_with("TUR") || t.starts_with("TUR")), "{got:?}");
}

/// A curfew, a state of emergency or a protest that names no target happens
/// at home, even when another predicate of the sentence names a target.
#[test]
fn another_predicates_target_leaves_a_domestic_act_at_home() {
    let text =
        "El presidente Anura Kumara Dissanayake declaró el estado de emergencia y pidió ayuda a la India.";
    let got = triples_builtin(Lang::Es, text);
    assert!(got.contains(&triple("LKAGOV", "LKA", "1724")), "{got:?}");
    assert!(got.contains(&triple("LKAGOV", "IND", "023")), "{got:?}");
}

/// "Both" alone ("ambos acordaron", "both agreed", "entrambi hanno
/// concordato") stands for the two sides of the last event between states,
/// its speaker among them.
#[test]
fn both_alone_stands_for_the_two_sides() {
    let both = |a: &str, b: &str, code: &str| [triple(a, b, code), triple(b, a, code)];
    for (lang, text, pair) in [
        (
            Lang::Es,
            "Lula y Trump se reunieron en Kuala Lumpur. Lula aseguró que ambos acordaron iniciar negociaciones.",
            both("BRAGOV", "USAGOV", "036"),
        ),
        (Lang::En, "Trump met Putin in Alaska. Both agreed to hold further talks.", both("USAGOV", "RUSGOV", "036")),
        (
            Lang::It,
            "Trump ha incontrato Putin in Alaska. Entrambi hanno concordato di tenere nuovi colloqui.",
            both("USAGOV", "RUSGOV", "036"),
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(pair.iter().all(|p| got.contains(p)), "{text}: {got:?}");
        assert!(!got.iter().any(|(s, t, _)| s == t || s == "MYS" || t == "MYS"), "{text}: {got:?}");
    }
}

/// Aid that names no recipient goes to the state the article is about (the
/// dateline counting twice), never to the giver itself; with no such state it
/// is no event.
#[test]
fn aid_with_no_recipient_goes_to_the_article_state() {
    let got = triples_builtin(Lang::En, "MANILA (Reuters) - Japan sent relief supplies on Tuesday.");
    assert_eq!(got, [triple("JPN", "PHL", "073")]);
    let text = "Il tifone Yagi ha colpito il Vietnam. Il Giappone ha inviato tende e generatori.";
    assert!(triples_builtin(Lang::It, text).contains(&triple("JPN", "VNM", "073")), "{text}");
    assert!(triples_builtin(Lang::En, "TOKYO (Reuters) - Japan sent relief supplies on Tuesday.").is_empty());
    assert!(triples_builtin(Lang::En, "Japan sent relief supplies on Tuesday.").is_empty());
}

/// A visit is to a state: whoever receives the visitor stands for it, an
/// organisation stays itself.
#[test]
fn a_visit_is_to_a_state() {
    let got = triples_builtin(Lang::It, "Xi Jinping è stato ricevuto all'Eliseo da Emmanuel Macron.");
    assert!(got.contains(&triple("CHNGOV", "FRA", "042")), "{got:?}");
    assert!(got.contains(&triple("FRAGOV", "CHNGOV", "043")), "{got:?}");
    let got =
        triples_builtin(Lang::En, "Indian Prime Minister Narendra Modi visited Vladimir Putin in Moscow.");
    assert_eq!(got, [triple("INDGOV", "RUS", "042")]);
    let got = triples_builtin(Lang::En, "Zelenskiy visited NATO headquarters in Brussels.");
    assert_eq!(got, [triple("UKRGOV", "IGOWSTNAT", "042")]);
}

/// An intent, a show of force or a cut in relations is toward another side:
/// an actor on both sides made none. Two officials of one government may meet.
#[test]
fn an_actor_shows_no_force_to_itself() {
    let text = "Le forze armate taiwanesi hanno schierato unità navali e missilistiche.";
    assert!(triples_builtin(Lang::It, text).is_empty(), "{text}");
    let text =
        "Il sindaco di Napoli Gaetano Manfredi ha incontrato il ministro dell'Interno Matteo Piantedosi.";
    assert!(triples_builtin(Lang::It, text).contains(&triple("ITAGOV", "ITAGOV", "040")), "{text}");
}

/// Chinese and Korean names put the family name first: "Kim Jong Un" is
/// "Kim" later in the article.
#[test]
fn a_family_name_first_names_the_person_later() {
    let text = "Kim Jong Un est arrivé à Pékin mardi. M. Kim a été accueilli par Xi Jinping.";
    let got = triples_builtin(Lang::Fr, text);
    assert!(got.contains(&triple("CHNGOV", "PRKGOV", "043")), "{got:?}");
}

/// A set adverbial phrase ("por su parte", "de son côté", "for his part")
/// stands between nothing: the verb keeps its object across it, and so does a
/// bare "antes" or "después", an adverb there, not a clause.
#[test]
fn set_phrases_and_bare_adverbs_keep_the_object() {
    for (lang, text, wanted) in [
        (Lang::Es, "Gideon Saar acusó por su parte a Pedro Sánchez de mentir.", ("ISRGOV", "ESPGOV", "112")),
        (Lang::Es, "Donald Trump recibió por separado a Volodímir Zelenski.", ("USAGOV", "UKRGOV", "043")),
        (Lang::Es, "Pedro Sánchez se reunió antes con Li Qiang.", ("ESPGOV", "CHNGOV", "040")),
        (Lang::Fr, "Emmanuel Macron a de son côté condamné la Russie.", ("FRAGOV", "RUS", "111")),
        (Lang::It, "Giorgia Meloni ha a sua volta condannato la Russia.", ("ITAGOV", "RUS", "111")),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple(wanted.0, wanted.1, wanted.2)), "{text}: {got:?}");
    }
}

/// "The accusations", with no author of their own, are the last accuser's:
/// rejecting them is a denial aimed at that side. An author after them
/// ("las acusaciones «infundadas» de Pakistán") is theirs.
#[test]
fn the_accusations_point_back_at_the_accuser() {
    for (lang, text) in [
        (Lang::En, "Sudan accused Kenya of backing the paramilitaries. Nairobi rejected the accusations."),
        (
            Lang::It,
            "Il Sudan ha accusato il Kenya di sostenere i paramilitari. Nairobi ha respinto le accuse.",
        ),
        (Lang::Es, "Sudán acusó a Kenia de apoyar a los paramilitares. Nairobi rechazó las acusaciones."),
        (
            Lang::De,
            "Sudan warf Kenia vor, die Paramilitärs zu unterstützen. Nairobi wies die Vorwürfe zurück.",
        ),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("KENGOV", "SDN", "016")), "{text}: {got:?}");
    }
    // A verb of several words holds the noun: "rejeter .. accusation".
    let text = "Paris a accusé l'Algérie de soutenir les rebelles. Alger a rejeté ces accusations.";
    let got = triples_builtin(Lang::Fr, text);
    assert!(got.contains(&triple("DZAGOV", "FRAGOV", "016")), "{text}: {got:?}");
    let text = "Sudán acusó a Kenia. Nairobi rechazó las acusaciones «infundadas» de Egipto.";
    let got = triples_builtin(Lang::Es, text);
    assert!(got.contains(&triple("KENGOV", "EGY", "016")), "{text}: {got:?}");
    assert!(!got.iter().any(|t| t.1 == "SDN" && t.2 == "016"), "{text}: {got:?}");
}

/// "The two leaders" are the people of the last event between two states
/// that happened, not the last two named: an intent to meet someone else
/// pairs no one. "Les deux hommes" sums up people as a role noun does.
#[test]
fn the_two_leaders_are_the_last_pair_that_acted() {
    let text = "Trump hosted South Korean President Lee Jae-myung on Monday and said he hoped to meet \
                North Korean leader Kim Jong Un. The two leaders held talks in the Oval Office.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.contains(&triple("USAGOV", "KORGOV", "040")), "{got:?}");
    assert!(!got.iter().any(|t| t.2 == "040" && t.1 == "PRKGOV"), "{got:?}");
    let text = "Le président sud-coréen Lee Jae-myung est arrivé à Tokyo. Il a été reçu par le Premier \
                ministre Shigeru Ishiba. Les deux hommes se sont entretenus pendant deux heures.";
    let got = triples_builtin(Lang::Fr, text);
    assert!(got.contains(&triple("KORGOV", "JPNGOV", "040")), "{got:?}");
}

/// An Italian or French object clitic stands for the person last named when
/// the act is one done to a person (an indictment, a verdict, a hosting);
/// with other acts it may stand for a thing ("lo ha definito inaccettabile").
#[test]
fn a_clitic_object_of_an_act_done_to_a_person_is_the_person_named() {
    let text = "James Comey è stato licenziato nel 2017. Ieri i procuratori lo hanno incriminato per falsa testimonianza.";
    let got = triples_builtin(Lang::It, text);
    assert!(got.iter().any(|t| t.1 == "USAELI" && t.2 == "112"), "{got:?}");
    let text = "Nicolas Sarkozy a été jugé. Le tribunal de Paris l'a condamné à cinq ans de prison.";
    let got = triples_builtin(Lang::Fr, text);
    assert!(got.contains(&triple("FRAJUD", "FRAELI", "116")), "{got:?}");
}

/// A German adverb may open a verb-second clause before its subject: the
/// article after it is no genitive ("Auch der Kreml kritisierte Kiew").
#[test]
fn an_opening_adverb_leaves_the_german_subject_a_subject() {
    let got = triples_builtin(Lang::De, "Auch der Kreml kritisierte Kiew.");
    assert!(got.contains(&triple("RUSGOV", "UKR", "111")), "{got:?}");
}

/// People counted by a number are civilians, as those counted by a quantity
/// are ("killed 90 Palestinians", "thousands of Palestinians"); a demonym
/// that qualifies a noun after it ("three Russian drones") is no one counted.
/// Numbers spelled out count too, above "four" ("doce palestinos").
#[test]
fn people_counted_by_a_number_are_civilians() {
    for (lang, text) in [
        (Lang::En, "Israeli forces killed at least 90 Palestinians, health officials said."),
        (Lang::En, "Israeli forces killed twelve Palestinians, health officials said."),
        (Lang::Es, "El ejército israelí mató al menos a doce palestinos en Gaza."),
        (Lang::Fr, "Les soldats israéliens ont tué sept Palestiniens."),
        (Lang::It, "I soldati israeliani hanno ucciso sette palestinesi."),
        (Lang::De, "Israelische Soldaten töteten sieben Palästinenser."),
        (Lang::It, "I raid israeliani hanno ucciso 90 palestinesi a Gaza."),
        (Lang::Es, "Los bombardeos israelíes mataron a 90 palestinos en Gaza."),
        (Lang::De, "Israelische Angriffe töteten 90 Palästinenser im Gazastreifen."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.iter().any(|t| t.1 == "PSECVL"), "{text}: {got:?}");
    }
    let text = "The Ukrainian army shot down three Russian drones over Kharkiv.";
    let got = triples_builtin(Lang::En, text);
    assert!(!got.iter().any(|t| t.1 == "RUSCVL"), "{text}: {got:?}");
    // Counted states are states.
    for text in [
        "Donald Trump a menacé d'imposer des droits de douane sur les produits de huit pays européens.",
        "Donald Trump a menacé d'imposer des droits de douane sur les produits de 8 pays européens.",
    ] {
        let got = triples_builtin(Lang::Fr, text);
        assert!(
            got.iter().any(|t| t.1 == "EUR") && !got.iter().any(|t| t.1.ends_with("CVL")),
            "{text}: {got:?}"
        );
    }
}

/// A plural object pronoun ("them", "los", "li", "les") stands for the group
/// last named, when the act is one done to people: "La policía los dispersó"
/// after the protesters, in the same sentence or the one before.
#[test]
fn a_plural_object_pronoun_is_the_group_named_before() {
    for (lang, text) in [
        (
            Lang::Es,
            "Cientos de manifestantes bloquearon la carretera en Oaxaca. La policía mexicana los dispersó con gases lacrimógenos.",
        ),
        (Lang::Es, "Los manifestantes bloquearon la carretera y la policía mexicana los dispersó."),
        (Lang::En, "Hundreds of protesters blocked a highway in Oaxaca. Mexican police dispersed them with tear gas."),
    ] {
        let got = triples_builtin(lang, text);
        assert!(got.contains(&triple("MEXCOP", "MEXCVL", "175")), "{text}: {got:?}");
    }
    // A plural pronoun for a thing codes nothing against the group.
    let text = "Los manifestantes presentaron sus demandas y el gobierno mexicano las rechazó.";
    let got = triples_builtin(Lang::Es, text);
    assert!(!got.iter().any(|t| t.0 == "MEXGOV" && t.1 == "MEXCVL" && t.2.starts_with("12")), "{got:?}");
}

/// A headline joins two clauses with a comma or a dash: the actor after it,
/// with a verb of its own, is the second clause's subject, not a second
/// object of the first ("Macron soutient le plan marocain, Alger retire son
/// ambassadeur"). English headlines write that comma for "and".
#[test]
fn a_headline_comma_or_dash_before_a_subject_and_verb_parts_two_clauses() {
    let got =
        triples_builtin(Lang::Fr, "Macron soutient le plan marocain, Alger retire son ambassadeur à Paris");
    assert!(got.contains(&triple("DZAGOV", "FRA", "161")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "FRAGOV" && t.1 == "DZA"), "{got:?}");
    let got = triples_builtin(
        Lang::De,
        "Trump verhängt Strafzölle gegen Brasilien – Lula droht mit Gegenmaßnahmen",
    );
    assert!(!got.iter().any(|t| t.1 == "BRAGOV"), "{got:?}");
    let got = triples_builtin(Lang::En, "Armenia, Azerbaijan agree to sign peace treaty");
    assert!(got.contains(&triple("ARM", "AZE", "030")), "{got:?}");
}

/// A role with no country of its own set off by a comma before a person's
/// name is that person's title ("Su presidente, Vladímir Putin, acusó …"):
/// one actor, the person, not the role and the person as two sources.
#[test]
fn a_role_before_a_named_person_is_the_persons_title() {
    let text = "El gobierno ruso respondió. Su presidente, Vladímir Putin, acusó a Ucrania de terrorismo.";
    let got = code_builtin(Lang::Es, text);
    let accusations: Vec<_> = got.iter().filter(|e| e.cameo.starts_with("112")).collect();
    assert_eq!(accusations.len(), 1, "{:?}", triples(&got));
    assert_eq!(accusations[0].source.code, "RUSGOV");
}

/// A Chinese or Korean name's family name refers back to the person, past a
/// capitalized title before the name ("South Korean President Lee
/// Jae-myung" → "Lee") and past a given name of two syllables ("Kim Jong Un").
#[test]
fn a_family_name_after_a_capitalized_title_is_the_person() {
    let text = "South Korean President Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba in Tokyo. \
                Lee criticized North Korea.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.contains(&triple("KORGOV", "PRK", "111")), "{got:?}");
    let text = "Russian President Vladimir Putin met North Korean leader Kim Jong Un. Kim praised Russia.";
    let got = triples_builtin(Lang::En, text);
    assert!(got.contains(&triple("PRKGOV", "RUS", "051")), "{got:?}");
}

/// The triples `text` gets with the built-in dictionary of `lang`, in an article of `date`.
fn triples_builtin_on(lang: Lang, text: &str, date: (i32, u32, u32)) -> Vec<(String, String, String)> {
    let coder = Coder::new(&own::builtin(lang.code()).unwrap_or_else(|e| panic!("{e}")));
    triples(&code_in(&coder, lang, text, NaiveDate::from_ymd_opt(date.0, date.1, date.2)))
}

/// A German subject pronoun that opens a verb-final clause is its subject:
/// the actors after it are objects, a place after "in" is neither, and in
/// reported speech the pronoun is the speaker, named before ("Merz sagte, er
/// werde …") or after ("…, sagte Merz"). Such a clause told with "werde" is an
/// intent (036). "Paris" used to meet "Macron".
#[test]
fn a_german_pronoun_opening_a_verb_final_clause_is_its_subject() {
    const DATE: (i32, u32, u32) = (2025, 6, 10);
    for text in [
        "Merz sagte, er werde Macron am Montag in Paris treffen.",
        "Merz sagte, dass er Macron in Paris treffen werde.",
        "Er werde Macron in Paris treffen, sagte Merz.",
    ] {
        let got = triples_builtin_on(Lang::De, text, DATE);
        assert!(got.contains(&triple("DEUGOV", "FRAGOV", "036")), "{text}: {got:?}");
        assert!(got.contains(&triple("FRAGOV", "DEUGOV", "036")), "{text}: {got:?}");
        assert!(got.iter().all(|t| t.0 != t.1), "{text}: {got:?}");
    }
    let text = "Merz landete am Montag in Rom. Er hat Macron in Paris getroffen.";
    let got = triples_builtin_on(Lang::De, text, DATE);
    assert!(got.contains(&triple("DEUGOV", "FRAGOV", "040")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "FRAGOV" && t.1 == "FRAGOV"), "{got:?}");
    // A plain object comes before an actor behind a preposition.
    let text = "Der kenianische Präsident William Ruto sprach in Nairobi. Er werde die haitianische Polizei \
                im Kampf gegen die Banden unterstützen, sagte Ruto.";
    let got = triples_builtin_on(Lang::De, text, DATE);
    assert!(got.iter().any(|t| t.0 == "KENGOV" && t.1 == "HTICOP"), "{got:?}");
    assert!(!got.iter().any(|t| t.1.ends_with("CRM")), "{got:?}");
}

/// A German passive's subject pronoun suffers what its agent did, and a
/// strong participle with an inseparable prefix, which has no ge-
/// ("erschossen", "vertrieben"), makes a passive too.
#[test]
fn a_german_passive_pronoun_subject_is_the_target() {
    for verb in ["angegriffen", "erschossen"] {
        let text = format!(
            "Israelische Soldaten griffen Rafah an. Nach Angaben des Militärs waren sie kurz zuvor von der Hamas {verb} worden."
        );
        let got = triples_builtin_on(Lang::De, &text, (2025, 6, 10));
        assert!(
            got.iter().any(|t| t.0 == "PSEREB" && t.1 == "ISRMIL" && t.2.starts_with("19")),
            "{text}: {got:?}"
        );
        assert!(!got.iter().any(|t| t.1 == "PSEREB"), "{text}: {got:?}");
    }
}

/// A date after a verb's object noun dates that noun, not the act: "a suspendu
/// l'accord de 2013" happened now, and Macron is in office (it gave FRAELI,
/// as if the suspension were of 2013). The date of a noun trigger's own noun
/// ("l'attaque du 7 octobre") still dates it.
#[test]
fn a_date_of_the_object_noun_does_not_date_the_act() {
    let coder = Coder::new(&own::builtin("fr").unwrap_or_else(|e| panic!("{e}")));
    let published = NaiveDate::from_ymd_opt(2025, 8, 7);
    for text in [
        "Emmanuel Macron a suspendu l'accord de 2013 avec l'Algérie.",
        "Emmanuel Macron a demandé au gouvernement d'agir face à l'Algérie, en suspendant l'accord de 2013 avec Alger.",
    ] {
        let events = code_in(&coder, Lang::Fr, text, published);
        let suspension = events.iter().find(|e| e.cameo.starts_with("16"));
        assert!(
            suspension.is_some_and(|e| e.source.code == "FRAGOV" && e.date == published),
            "{text}: {:?}",
            events.iter().map(|e| (&e.source.code, &e.target.code, &e.cameo, e.date)).collect::<Vec<_>>()
        );
    }
}

/// An infinitive in quotes still completes its verb ('a appelé le Mali à «
/// reconsidérer »'): the actor after the verb is its object, not a subject
/// inverted after an aside (it gave MLI NGAGOV 020).
#[test]
fn a_quoted_infinitive_keeps_the_object_after_the_verb() {
    let text = "Le président nigérian Bola Tinubu, reconduit à la tête de la Cédéao, a appelé le Mali à « reconsidérer » sa décision.";
    let got = triples_builtin_on(Lang::Fr, text, (2025, 7, 7));
    assert!(got.contains(&triple("NGAGOV", "MLI", "020")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "MLI"), "{got:?}");
}

/// Protesters who speak or protest against a foreign side, in an article
/// filed from a city, are that city's state's (they were the foreign side's
/// own civilians); people who are told something keep the speaker's country.
#[test]
fn protesters_take_the_dateline_country() {
    for (lang, text, source) in [
        (Lang::Fr, "OUAGADOUGOU, 30 avril (AFP) - Les manifestants ont dénoncé les propos du général américain Michael Langley.", "BFACVL"),
        (Lang::En, "MANILA, Oct 3 (Reuters) - Protesters denounced the U.S. military.", "PHLCVL"),
    ] {
        let got = triples_builtin_on(lang, text, (2025, 10, 3));
        assert!(got.iter().any(|t| t.0 == source && t.1.starts_with("USA")), "{text}: {got:?}");
    }
    let text =
        "ROMA, 12 GIU - Il presidente del governo spagnolo Pedro Sánchez ha chiesto scusa ai cittadini.";
    let got = triples_builtin_on(Lang::It, text, (2025, 6, 12));
    assert!(got.contains(&triple("ESPGOV", "ESPCVL", "055")), "{got:?}");
}

/// Two subjects who meet "with" a third meet the third, not each other, in
/// every language ("Merz et Macron se sont entretenus avec Rubio" gave Merz
/// meeting Macron in it, es, fr and de).
#[test]
fn two_subjects_meeting_with_a_partner_meet_the_partner() {
    for (lang, text) in [
        (Lang::En, "Merz and Macron met with Rubio in Geneva."),
        (Lang::De, "Merz und Macron trafen sich mit Rubio in Genf."),
        (Lang::It, "Merz e Macron si sono incontrati con Rubio a Ginevra."),
        (Lang::Es, "Merz y Macron se reunieron con Rubio en Ginebra."),
        (Lang::Fr, "Merz et Macron se sont entretenus avec Rubio à Genève."),
    ] {
        let got = triples_builtin_on(lang, text, (2025, 6, 10));
        for side in ["DEUGOV", "FRAGOV"] {
            assert!(got.contains(&triple(side, "USAGOV", "040")), "{text}: {got:?}");
            assert!(got.contains(&triple("USAGOV", side, "040")), "{text}: {got:?}");
        }
        assert!(!got.contains(&triple("DEUGOV", "FRAGOV", "040")), "{text}: {got:?}");
    }
}

/// A German role before a genitive list of countries is each country's
/// ("die Sicherheitsberater Deutschlands, Frankreichs und Großbritanniens"),
/// as "the advisers of Germany, France and Britain" is: France and Britain
/// used to be bare states.
#[test]
fn a_german_role_before_a_genitive_list_is_every_countrys() {
    let text =
        "Die Außenminister Deutschlands, Frankreichs und Großbritanniens trafen sich mit Rubio in Genf.";
    let got = triples_builtin_on(Lang::De, text, (2025, 6, 10));
    for side in ["DEUGOV", "FRAGOV", "GBRGOV"] {
        assert!(got.contains(&triple(side, "USAGOV", "040")), "{side}: {got:?}");
    }
    assert!(!got.iter().any(|t| t.0 == "FRA" || t.0 == "GBR"), "{got:?}");
}

/// A participle right after an actor's noun with its agent after it is a
/// passive without an auxiliary ("a Taiwanese fishing boat seized by the
/// Chinese coast guard" gave Taiwan seizing the coast guard); after a place
/// ("talks in Doha mediated by Qatar") or a reflexive tense it is not.
#[test]
fn a_participle_with_its_agent_after_an_actor_is_a_passive() {
    let got = triples_builtin_on(
        Lang::En,
        "A Taiwanese fishing boat seized by the Chinese coast guard was released.",
        (2025, 7, 3),
    );
    assert!(got.iter().any(|t| t.0 == "CHNMIL" && t.1 == "TWN"), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "TWN"), "{got:?}");
    let got = triples_builtin_on(Lang::It, "Le truppe russe si sono ritirate da Kherson.", (2022, 11, 11));
    assert!(got.iter().any(|t| t.0 == "RUSMIL"), "{got:?}");
}

/// A dateline city that several states have is the one whose state the
/// lead's actors belong to: Valencia with Mazón is Spain's (it was
/// Venezuela's, the larger city, and the protesters Venezuelan).
#[test]
fn an_ambiguous_dateline_city_takes_the_leads_state() {
    let text =
        "Valencia, 9 nov (EFE).- Más de 130.000 personas se manifestaron este sábado por el centro de \
                Valencia para exigir la dimisión del presidente de la Generalitat, Carlos Mazón.";
    let got = triples_builtin_on(Lang::Es, text, (2024, 11, 9));
    assert!(got.iter().any(|t| t.0 == "ESPCVL" && t.2.starts_with("14")), "{got:?}");
    assert!(!got.iter().any(|t| t.0.starts_with("VEN")), "{got:?}");
}

/// An actor set off by a comma before an apposition opens no reported clause:
/// "Kim Yo Jong, die einflussreiche Schwester von Machthaber Kim Jong Un,
/// drohte Seoul" is Kim Yo Jong threatening Seoul, not Seoul, after the
/// verb, saying something of her (it gave KORGOV PRKGOV 130).
#[test]
fn an_actor_before_an_apposition_is_no_reported_clause() {
    let text =
        "Kim Yo Jong, die einflussreiche Schwester von Machthaber Kim Jong Un, drohte Seoul mit einer neuen Reaktion.";
    let got = triples_builtin_on(Lang::De, text, (2025, 6, 10));
    assert!(got.iter().any(|t| t.0 == "PRKGOV" && t.1 == "KOR" && t.2.starts_with("13")), "{got:?}");
    assert!(!got.iter().any(|t| t.0.starts_with("KOR")), "{got:?}");
}

/// "The decision", "la mossa", "das Urteil" with no author of its own stand
/// for the side that acted last in an earlier sentence: "Beijing condemned
/// the move" after "Trump imposed new tariffs on China" is CHNGOV USAGOV 111
/// (it had no target). Words and meetings decide nothing.
#[test]
fn the_decision_stands_for_the_side_that_acted_last() {
    let got = triples_builtin_on(
        Lang::En,
        "Trump imposed new tariffs on China. Beijing condemned the move.",
        (2025, 4, 9),
    );
    assert!(got.contains(&triple("CHNGOV", "USAGOV", "111")), "{got:?}");
    let text = "Trump met Xi in Busan. Trump imposed new tariffs on China. Merz criticized Trump. Beijing condemned the decision.";
    let got = triples_builtin_on(Lang::En, text, (2025, 10, 30));
    assert!(got.contains(&triple("CHNGOV", "USAGOV", "111")), "{got:?}");
    assert!(!got.contains(&triple("CHNGOV", "DEUGOV", "111")), "{got:?}");
}

/// A verb that codes only with an actor after it ("- * + = 163" under
/// "sanction = ---") takes its object pronoun as that actor: "Washington
/// sanctioned him" after Maduro was named had no event; "him" is Maduro.
#[test]
fn an_object_pronoun_fills_a_pattern_target() {
    let text = "Venezuelan President Nicolas Maduro spoke on Monday. Washington sanctioned him on Friday.";
    let got = triples_builtin_on(Lang::En, text, (2025, 10, 30));
    assert!(got.contains(&triple("USAGOV", "VENGOV", "163")), "{got:?}");
    // The pronoun is only a target: as a subject it fills no pattern.
    let text = "Venezuelan President Nicolas Maduro spoke on Monday. He sanctioned on Friday.";
    let got = triples_builtin_on(Lang::En, text, (2025, 10, 30));
    assert!(!got.iter().any(|t| t.2 == "163"), "{got:?}");
}

/// A trip's purpose clause that names whom the traveller meets is a meeting
/// too, in every language: "viajó a Rabat para reunirse con su homólogo" was
/// only the visit (the infinitive was read as completing "viajó"). A trip told
/// in the future meets in the future (036), and "to Washington to meet Trump"
/// is no "Washington to meet Trump".
#[test]
fn a_trip_to_meet_someone_is_a_meeting_too() {
    let cases = [
        (Lang::En, "Zelenskiy travelled to Washington on Monday to meet Trump."),
        (Lang::Es, "Albares viajó a Rabat para reunirse con su homólogo marroquí, Nasser Bourita."),
        (Lang::It, "Tajani si è recato a Rabat per incontrare il suo omologo marocchino Nasser Bourita."),
        (
            Lang::Fr,
            "Jean-Noël Barrot s'est rendu à Rabat pour rencontrer son homologue marocain Nasser Bourita.",
        ),
        (
            Lang::De,
            "Wadephul reiste nach Rabat, um seinen marokkanischen Amtskollegen Nasser Bourita zu treffen.",
        ),
    ];
    for (lang, text) in cases {
        let got = triples_builtin_on(lang, text, (2025, 8, 16));
        assert!(got.iter().any(|t| t.2 == "042"), "{lang:?}: {got:?}");
        let met: Vec<_> = got.iter().filter(|t| t.2 == "040").collect();
        assert_eq!(met.len(), 2, "{lang:?}: {got:?}");
        assert!(met.iter().all(|t| t.0 != t.1 && !t.1.starts_with(&t.0[..3])), "{lang:?}: {got:?}");
    }
    let text =
        "Zelenski anunció que viajará el lunes a Washington para reunirse con el mandatario estadounidense.";
    let got = triples_builtin_on(Lang::Es, text, (2025, 8, 16));
    assert!(got.contains(&triple("UKRGOV", "USAGOV", "036")), "{got:?}");
    assert!(got.contains(&triple("USAGOV", "UKRGOV", "036")), "{got:?}");
    // So does a trip a pattern codes as planned ("la próxima semana": 036).
    for (lang, text) in [
        (Lang::Es, "El canciller mexicano viajará a Washington el próximo lunes para reunirse con Marco Rubio."),
        (
            Lang::It,
            "Crosetto volerà a Londra la prossima settimana per incontrare il ministro della Difesa britannico John Healey.",
        ),
    ] {
        let got = triples_builtin_on(lang, text, (2026, 3, 1));
        let planned: Vec<_> = got.iter().filter(|t| t.2 == "036" && t.1.ends_with("GOV")).collect();
        assert_eq!(planned.len(), 2, "{text}: {got:?}");
    }
    // A trip with no one to meet but its place is only the trip.
    let got = triples_builtin_on(Lang::En, "Zelenskiy travelled to Washington to meet there.", (2025, 8, 16));
    assert!(!got.iter().any(|t| t.2 == "040"), "{got:?}");
}

/// A name no dictionary knows, right after a role, is the person who holds
/// the role, and its surname stands for them later: "Chinese diplomat Liu
/// Jinsong … Liu criticised Japan" had no source for the criticism. A Title
/// Case headline's capitalised verbs are no name.
#[test]
fn an_unknown_name_after_a_role_is_its_holder() {
    let cases = [
        (Lang::En, "Chinese diplomat Liu Jinsong met Japanese diplomats on Monday. Liu criticised Japan."),
        (Lang::De, "Der chinesische Diplomat Liu Jinsong traf am Montag japanische Diplomaten. Liu kritisierte Japan."),
        (
            Lang::It,
            "Il portavoce del ministero degli Esteri cinese Lin Jian ha incontrato l'ambasciatore giapponese. Lin ha poi criticato il Giappone.",
        ),
    ];
    for (lang, text) in cases {
        let got = triples_builtin_on(lang, text, (2025, 11, 18));
        assert!(got.contains(&triple("CHNGOV", "JPN", "111")), "{lang:?}: {got:?}");
    }
    let got = triples_builtin_on(
        Lang::En,
        "Chinese Spokesman Slams Remarks By Japanese Prime Minister",
        (2025, 11, 18),
    );
    assert!(got.contains(&triple("CHNGOV", "JPNGOV", "111")), "{got:?}");
}

/// Names no dictionary knows, set off by commas after a group, name its
/// actors again, and a one-word organisation after an unknown first name is
/// a surname: "I ministri degli Esteri del Congo e del Ruanda, Kayikwamba
/// Wagner e Nduhungirehe, hanno firmato" is Congo and Rwanda signing with
/// each other (the apposition cut the subject from its verb, and "Wagner"
/// was the Wagner Group).
#[test]
fn unknown_names_in_apposition_name_the_group_again() {
    let text = "I ministri degli Esteri del Congo e del Ruanda, Kayikwamba Wagner e Nduhungirehe, hanno firmato un accordo di pace a Washington.";
    let got = triples_builtin_on(Lang::It, text, (2025, 6, 27));
    assert!(got.contains(&triple("CODGOV", "RWAGOV", "057")), "{got:?}");
    assert!(got.contains(&triple("RWAGOV", "CODGOV", "057")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "RUSUAF" || t.1 == "RUSUAF"), "{got:?}");
    // A capitalised day or a hyphenated adjective is no first name.
    for text in ["On Monday Hamas fired rockets at Israel.", "The Iran-aligned Hamas attacked Israel."] {
        let got = triples_builtin_on(Lang::En, text, (2025, 6, 27));
        assert!(got.iter().any(|t| t.0 == "PSEREB" && t.1 == "ISR"), "{text}: {got:?}");
    }
}

/// A written statement names its speaker as a spoken one does: '"Tuvimos
/// una muy buena llamada con el presidente Trump", escribió Sheinbaum' had
/// no source for the call ("wrote", "escribió", "ha scritto", "a écrit",
/// "schrieb" were not verbs of saying).
#[test]
fn a_written_quote_names_its_speaker() {
    let cases = [
        (Lang::Es, "\"Tuvimos una muy buena llamada con el presidente Trump\", escribió Sheinbaum en la red social X."),
        (Lang::En, "\"We had a call with President Trump,\" Sheinbaum wrote."),
    ];
    for (lang, text) in cases {
        let got = triples_builtin_on(lang, text, (2025, 10, 27));
        assert!(got.contains(&triple("MEXGOV", "USAGOV", "041")), "{lang:?}: {got:?}");
    }
}

/// Who travels "with" a visitor visits too: "Macron s'est rendu samedi à
/// Kiev avec le chancelier allemand Friedrich Merz" was only France's visit.
/// Whom a purpose clause meets ("a Washington para reunirse con Trump") is
/// no companion.
#[test]
fn a_companion_on_a_visit_visits_too() {
    let cases = [
        (Lang::En, "Macron travelled to Kyiv on Saturday with German Chancellor Friedrich Merz."),
        (Lang::Fr, "Macron s'est rendu samedi à Kiev avec le chancelier allemand Friedrich Merz."),
        (Lang::It, "Macron si è recato sabato a Kiev con il cancelliere tedesco Friedrich Merz."),
    ];
    for (lang, text) in cases {
        let got = triples_builtin_on(lang, text, (2025, 5, 10));
        assert!(got.contains(&triple("FRAGOV", "UKR", "042")), "{lang:?}: {got:?}");
        assert!(got.contains(&triple("DEUGOV", "UKR", "042")), "{lang:?}: {got:?}");
    }
    let text = "Zelenski viajó el lunes a Washington para reunirse con el mandatario estadounidense.";
    let got = triples_builtin_on(Lang::Es, text, (2025, 8, 18));
    assert!(!got.iter().any(|t| t.0 == "USAGOV" && t.2 == "042"), "{got:?}");
}

/// A subject pronoun right after the one told is the one who told: "Carney
/// told reporters he had met Xi" was a meeting between Chinese reporters and
/// Xi (the pronoun's subject was taken as the listener).
#[test]
fn a_pronoun_after_the_listener_is_the_teller() {
    let got = triples_builtin_on(Lang::En, "Carney told reporters he had met Xi.", (2025, 10, 31));
    assert!(got.contains(&triple("CANGOV", "CHNGOV", "040")), "{got:?}");
    assert!(!got.iter().any(|t| t.0.ends_with("MED")), "{got:?}");
}

/// A place set off at the start ("In Kyiv, …", "Au Canada, …") is where the
/// sentence happens: the actor after its comma is the subject, of the verb and
/// of a later pronoun. "He" used to be the Kremlin aide of the sentence
/// before, and the French opposition leader's criticism was Canada's.
#[test]
fn the_actor_after_an_opening_place_is_the_subject() {
    const DATE: (i32, u32, u32) = (2025, 11, 30);
    let got = triples_builtin_on(
        Lang::En,
        "Kremlin aide Yuri Ushakov described the talks as useful. In Kyiv, President Volodymyr Zelenskyy \
         said Ukraine would not accept any agreement. He later spoke by phone with French President \
         Emmanuel Macron.",
        DATE,
    );
    assert!(got.contains(&triple("UKRGOV", "FRAGOV", "041")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "RUSGOV" || t.1 == "RUSGOV"), "{got:?}");
    let got = triples_builtin_on(
        Lang::Fr,
        "Au Canada, le chef conservateur Pierre Poilievre a reproché au premier ministre Mark Carney sa \
         gestion des tarifs.",
        DATE,
    );
    assert_eq!(got, vec![triple("CANOPP", "CANGOV", "111")]);
    // A headline's topic before the comma stays no actor of the act.
    let got = triples_builtin_on(Lang::Fr, "Au Burkina Faso, des jihadistes ont tué 50 soldats.", DATE);
    assert_eq!(got, vec![triple("BFAREB", "BFAMIL", "190")]);
}

/// A German subordinate clause ends with its verb: its subject opens it and
/// its object stands between ("nachdem Russland Kiew angegriffen hatte" was
/// Kiev's act), and when it opens the sentence it is the main clause's first
/// place, so the main subject follows the verb ("…, forderte Selenskyj" was
/// Kiev's demand).
#[test]
fn a_german_subordinate_clause_ends_with_its_verb() {
    const DATE: (i32, u32, u32) = (2025, 10, 30);
    let got = triples_builtin_on(
        Lang::De,
        "Nachdem Russland Kiew angegriffen hatte, forderte Selenskyj neue Sanktionen gegen Moskau.",
        DATE,
    );
    assert!(got.contains(&triple("RUS", "UKR", "190")), "{got:?}");
    assert!(got.contains(&triple("UKRGOV", "RUS", "100")), "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
    let got = triples_builtin_on(Lang::De, "Selenskyj sagte, dass Russland Kiew angriff.", DATE);
    assert!(got.contains(&triple("RUS", "UKR", "190")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "UKR"), "{got:?}");
    let got = triples_builtin_on(
        Lang::De,
        "Nachdem Russland Kiew angegriffen hatte, hat Selenskyj Sanktionen gegen Moskau gefordert.",
        DATE,
    );
    assert!(got.contains(&triple("UKRGOV", "RUS", "100")), "{got:?}");
}

/// A denial, condolences or a symbolic act (016-019) is an act of its own,
/// not a statement that yields to the sentence's other events: "Eritrea
/// dismissed the allegations and accused Ethiopia …" is both. A plain
/// statement still yields.
#[test]
fn a_denial_is_coded_beside_another_event() {
    const DATE: (i32, u32, u32) = (2025, 10, 30);
    let got = triples_builtin_on(
        Lang::En,
        "Ethiopia has accused Eritrea of arming rebel groups. Eritrea dismissed the allegations and accused \
         Ethiopia of seeking war.",
        DATE,
    );
    assert!(got.contains(&triple("ERI", "ETH", "016")), "{got:?}");
    assert!(got.contains(&triple("ERI", "ETH", "112")), "{got:?}");
    let got = triples_builtin_on(Lang::En, "Macron said Russia attacked Ukraine.", DATE);
    assert!(!got.iter().any(|t| t.2.starts_with("01")), "{got:?}");
}

/// ANSA puts its name before the dateline ("(ANSA) - BEIRUT, 6 NOV - …"):
/// the city is the dateline's, no actor of the first sentence.
#[test]
fn a_dateline_after_the_agency_is_no_actor() {
    let got = triples_builtin_on(
        Lang::It,
        "(ANSA) - BEIRUT, 6 NOV - L'aviazione israeliana ha colpito il sud del Libano.",
        (2025, 11, 6),
    );
    assert_eq!(got, vec![triple("ISRMIL", "LBN", "195")]);
    let got = triples_builtin_on(
        Lang::It,
        "(ANSA) - ROMA, 5 MAR - Un'ora e mezza di confronto a Palazzo Chigi con i sindacati.",
        (2025, 3, 5),
    );
    assert!(got.is_empty(), "{got:?}");
}

/// A German clause opened by a place and a finite auxiliary has its subject
/// after the auxiliary, past a nominative article ("Im Sudan hat die
/// RSF-Miliz …" was Sudan's act), and a comma inside a list before the
/// auxiliary opens no clause ("Großbritannien, Kanada und Australien haben
/// … anerkannt" coded nothing).
#[test]
fn a_german_subject_stands_next_to_its_auxiliary() {
    const DATE: (i32, u32, u32) = (2025, 9, 21);
    let got = triples_builtin_on(
        Lang::De,
        "London (Reuters) - Großbritannien, Kanada und Australien haben als erste große westliche \
         Industriestaaten einen palästinensischen Staat anerkannt.",
        DATE,
    );
    for state in ["GBR", "CAN", "AUS"] {
        assert!(got.contains(&triple(state, "PSE", "054")), "{got:?}");
    }
    let got = triples_builtin_on(Lang::De, "Im Sudan hat die RSF-Miliz eine Waffenruhe verkündet.", DATE);
    assert!(!got.iter().any(|t| t.0 == "SDN"), "{got:?}");
    let got = triples_builtin_on(
        Lang::De,
        "Die Militärregierungen von Mali, Burkina Faso und Niger wollen den Internationalen \
         Strafgerichtshof verlassen.",
        DATE,
    );
    assert!(got.contains(&triple("NERGOV", "IGOICC", "160")), "{got:?}");
}

/// "told reporters that he …": the pronoun after the listener's "that" is the
/// teller, as it is with no "that" ("told reporters he …"). It gave nothing.
#[test]
fn a_pronoun_after_told_someone_that_is_the_teller() {
    let got =
        triples_builtin_on(Lang::En, "Trump told reporters that he had met Xi Jinping.", (2025, 10, 30));
    assert!(got.contains(&triple("USAGOV", "CHNGOV", "040")), "{got:?}");
    assert!(got.contains(&triple("CHNGOV", "USAGOV", "040")), "{got:?}");
}

/// A person, a comma and a role, then a comma and a verb: the word after the
/// second comma is no article, so the role and the verb's object are two
/// actors. "the CHP leader, criticised Erdogan" was read as the role set off
/// by commas before its holder, one actor, and nothing was coded.
#[test]
fn a_verb_after_a_comma_is_no_article_of_an_apposition() {
    let got = triples_builtin_on(Lang::En, "Ozgur Ozel, the CHP leader, criticised Erdogan.", (2026, 3, 1));
    assert!(got.contains(&triple("TUROPP", "TURGOV", "111")), "{got:?}");
    // An article after the comma still names one actor twice.
    let got = triples_builtin_on(
        Lang::En,
        "Johann Wadephul, the German foreign minister, met Marco Rubio.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("DEUGOV", "USAGOV", "040")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == t.1), "{got:?}");
}

/// A side that opens the sentence after a preposition ("Dall'opposizione,")
/// is neither named again by the actor after the comma nor a role governing
/// it: the leader after the comma is the subject. Nothing was coded.
#[test]
fn a_side_after_an_opening_preposition_is_not_the_subject_after_the_comma() {
    let got = triples_builtin_on(
        Lang::It,
        "Dall'opposizione, il leader del M5s Giuseppe Conte ha accusato il governo di mentire.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("ITAOPP", "ITAGOV", "112")), "{got:?}");
}

/// A subject whose holder is set off by commas ("Le président français,
/// Emmanuel Macron, a reçu …") still stands before the auxiliary for a
/// pattern's `$ avoir *`: the closing comma ends the actor. The guest was
/// taken from the place ("à l'Elysée"), FRAGOV FRAGOV 043.
#[test]
fn the_comma_closing_an_apposition_ends_the_subject_for_patterns() {
    let got = triples_builtin_on(
        Lang::Fr,
        "Le président français, Emmanuel Macron, a reçu mercredi à l'Elysée le président syrien \
         Ahmed al-Chareh.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("FRAGOV", "SYRGOV", "043")), "{got:?}");
    assert!(!got.contains(&triple("FRAGOV", "FRAGOV", "043")), "{got:?}");
}

/// French "plus de 400" counts; it is no "ne … plus". "Plus de 400
/// Palestiniens ont été tués dans des frappes israéliennes" coded nothing,
/// while "n'a plus attaqué" still denies the act.
#[test]
fn a_negation_word_before_of_and_a_number_counts() {
    let got = triples_builtin_on(
        Lang::Fr,
        "Plus de 400 Palestiniens ont été tués dans des frappes israéliennes.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("ISR", "PSECVL", "195")), "{got:?}");
    let got = triples_builtin_on(Lang::Fr, "Le Hamas n'a plus attaqué Israël.", (2026, 3, 1));
    assert!(got.is_empty(), "{got:?}");
}

/// "no obstante" (however), "non solo", "not only" open with a negation and
/// deny nothing; "no instó" still does.
#[test]
fn a_phrase_that_opens_with_a_negation_may_deny_nothing() {
    const DATE: (i32, u32, u32) = (2026, 4, 1);
    let got = triples_builtin_on(
        Lang::Es,
        "Georgieva elogió el programa, aunque no obstante instó al Gobierno de Javier Milei a acelerar las reformas.",
        DATE,
    );
    assert!(got.contains(&triple("IGOIMF", "ARGGOV", "020")), "{got:?}");
    let got =
        triples_builtin_on(Lang::It, "Meloni non solo ha criticato Macron, ma lo ha anche sfidato.", DATE);
    assert!(got.contains(&triple("ITAGOV", "FRAGOV", "111")), "{got:?}");
    let got = triples_builtin_on(
        Lang::Es,
        "Georgieva no instó al Gobierno de Javier Milei a acelerar las reformas.",
        DATE,
    );
    assert!(!got.iter().any(|t| t.2.starts_with("02")), "{got:?}");
}

/// "sont convenus de": a compound perfect with "être" that a pattern's `%`
/// placed is no passive, so the pair is not moved to the target side (it
/// coded nothing). Agreed to do something is an intent to cooperate (030), a
/// deal agreed on is signed (057).
#[test]
fn a_compound_placed_by_a_pattern_with_etre_is_no_passive() {
    const DATE: (i32, u32, u32) = (2026, 3, 1);
    let got = triples_builtin_on(Lang::Fr, "Paris et Alger sont convenus de reprendre la coopération.", DATE);
    // Two capitals acting together are governments on both sides.
    assert!(got.contains(&triple("FRAGOV", "DZAGOV", "030")), "{got:?}");
    assert!(got.contains(&triple("DZAGOV", "FRAGOV", "030")), "{got:?}");
    let got = triples_builtin_on(Lang::Fr, "Paris et Alger sont convenus d'un accord de réadmission.", DATE);
    assert!(got.contains(&triple("FRAGOV", "DZAGOV", "057")), "{got:?}");
}

/// An acronym given in brackets after a group the dictionaries know names
/// that group later in the article; alone it names nothing ("FDS" is also
/// the Sahel armies' "Forces de défense et de sécurité").
#[test]
fn an_acronym_in_brackets_names_its_group_later_in_the_article() {
    const DATE: (i32, u32, u32) = (2026, 3, 1);
    let later = "Les FDS avaient accusé Damas de violer la trêve.";
    let got = triples_builtin_on(
        Lang::Fr,
        &format!("Les Forces démocratiques syriennes (FDS) ont conclu un accord avec Damas.\n\n{later}"),
        DATE,
    );
    assert!(got.contains(&triple("SYRREB", "SYRGOV", "112")), "{got:?}");
    let got = triples_builtin_on(Lang::Fr, later, DATE);
    assert!(!got.iter().any(|t| t.0 == "SYRREB"), "{got:?}");
}

/// A participle that opens the sentence, its phrase closed by a comma, says
/// what was done to the subject after the comma: it takes no subject from an
/// earlier sentence. "Cuestionada al respecto …" was Pam Bondi's criticism,
/// and its subject slot made her the one who rejected.
#[test]
fn an_opening_participle_is_done_to_the_subject_after_the_comma() {
    let got = triples_builtin_on(
        Lang::Es,
        "La presidenta de México, Claudia Sheinbaum, habló en Palacio Nacional. La fiscal Pam Bondi \
         acusó a los cárteles.\n\nCuestionada al respecto durante la mañanera, la mandataria rechazó \
         cualquier intervención militar de Estados Unidos.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("MEXGOV", "USA", "120")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "USAJUD" && t.2 != "112"), "{got:?}");
}

/// Scraped copy may put a repeated headline and a stray line before the
/// dateline; the dateline's city is still no actor of the lead. "La Habana"
/// was the subject of the protest (CUBGOV CUBGOV 141).
#[test]
fn a_dateline_after_a_repeated_headline_and_a_stray_line_is_a_dateline() {
    let got = triples_builtin_on(
        Lang::Es,
        "Protestas por los apagones en Santiago de Cuba\n\nPublicidad\n\nLa Habana, 18 ago (EFE).- \
         Cientos de vecinos salieron a las calles de Santiago de Cuba para protestar contra el Gobierno.",
        (2026, 8, 18),
    );
    assert!(got.contains(&triple("CUBCVL", "CUBGOV", "141")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "CUBGOV"), "{got:?}");
}

/// Two capitals that act together are each the other's target under the
/// same code, and there the target capital acts too: "Washington and New
/// Delhi signed …" is USAGOV INDGOV both ways (it gave USAGOV IND and INDGOV
/// USA). A capital only acted on stays its country.
#[test]
fn capitals_acting_together_are_governments_on_both_sides() {
    const DATE: (i32, u32, u32) = (2026, 3, 1);
    let got =
        triples_builtin_on(Lang::En, "Washington and New Delhi signed a defence framework agreement.", DATE);
    assert!(got.contains(&triple("USAGOV", "INDGOV", "057")), "{got:?}");
    assert!(got.contains(&triple("INDGOV", "USAGOV", "057")), "{got:?}");
    let got = triples_builtin_on(Lang::En, "Beijing criticised Washington.", DATE);
    assert!(got.contains(&triple("CHNGOV", "USA", "111")), "{got:?}");
}

/// A capitalised word that opens the body after a dateline's dash, or an
/// article, is no surname before a government noun: "Hamburg - Der Minister
/// kritisierte Frankreich" made "Der" Taiwan's Li Sush Der (TWNGOV).
#[test]
fn an_article_after_a_dateline_dash_is_no_surname() {
    let got = triples_builtin_on(Lang::De, "Hamburg - Der Minister kritisierte Frankreich.", (2026, 3, 1));
    assert!(!got.iter().any(|t| t.0.starts_with("TWN")), "{got:?}");
    assert!(got.contains(&triple("DEUGOV", "FRA", "111")), "{got:?}");
}

/// "i due premier": a role noun the same in the plural, counted, sums up the
/// two people named before; it is not the last head of government alone
/// (INDGOV signed with no partner).
#[test]
fn a_counted_role_noun_sums_up_rather_than_naming_one_holder() {
    let got = triples_builtin_on(
        Lang::It,
        "Il premier indiano Narendra Modi ha ricevuto Giorgia Meloni a Nuova Delhi.\n\nDopo i colloqui \
         a Hyderabad House, i due premier hanno firmato un accordo quadro sulla difesa.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("ITAGOV", "INDGOV", "057")), "{got:?}");
    assert!(got.contains(&triple("INDGOV", "ITAGOV", "057")), "{got:?}");
}

/// "Staats- und Parteichef Xi Jinping": a word cut at its hyphen before a
/// conjunction is half a compound, no dash setting off an aside. Read as a
/// comma, it cut "mit" from its partner and the meeting had no side.
#[test]
fn a_word_cut_at_its_hyphen_before_a_conjunction_is_no_dash() {
    let got = triples_builtin_on(
        Lang::De,
        "Am Nachmittag kam der Kanzler Friedrich Merz mit Staats- und Parteichef Xi Jinping zusammen.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("DEUGOV", "CHNGOV", "040")), "{got:?}");
    assert!(got.contains(&triple("CHNGOV", "DEUGOV", "040")), "{got:?}");
}

/// "13:20 | La jefa …": a live blog's entry opens with its clock time. Left in,
/// the time stood where the subject opens the clause, and the second of two
/// coordinated verbs ("advirtió que … y pidió a Washington") lost its subject.
#[test]
fn a_live_blog_clock_time_is_no_part_of_the_sentence() {
    let text = "13:20 | La jefa de la diplomacia europea, Kaja Kallas, advirtió que \"cualquier plan de \
                paz necesita a Ucrania\" y pidió a Washington que no premie la agresión rusa.";
    let got = triples_builtin_on(Lang::Es, text, (2025, 11, 24));
    assert!(got.contains(&triple("IGOEEC", "USA", "020")), "{got:?}");
}

/// "Nordio ha respinto la richiesta": a request named again stands for the side
/// that made it, as "the accusations" stand for the accuser; sanctions named
/// again stand for the side that imposed them; so do a charge for the accuser
/// and a ban or a release for the side that decided it. Opening the sentence,
/// such a noun is its subject, no side ("The sanctions freeze …").
#[test]
fn a_request_or_sanctions_named_again_stand_for_their_author() {
    let got = triples_builtin_on(
        Lang::It,
        "Il leader del M5S Giuseppe Conte ha chiesto al ministro Carlo Nordio di dimettersi.\n\n\
         Nordio ha respinto la richiesta.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("ITAGOV", "ITAOPP", "120")), "{got:?}");
    let lead =
        "British Foreign Secretary Yvette Cooper announced sanctions on 20 tankers of Russia's shadow fleet.";
    let got = triples_builtin_on(
        Lang::En,
        &format!("{lead}\n\nRussian Foreign Minister Sergei Lavrov condemned the sanctions."),
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("RUSGOV", "GBRGOV", "111")), "{got:?}");
    // A measure named again is the last decision's, measures the last sanctions'.
    for (lang, text, expected) in [
        (
            Lang::Es,
            "Noboa impuso aranceles a Colombia. El presidente colombiano, Gustavo Petro, criticó las medidas.",
            triple("COLGOV", "ECUGOV", "111"),
        ),
        (
            Lang::It,
            "Pechino ha vietato le importazioni di pesce giapponese. Il capo di gabinetto Minoru Kihara ha \
             criticato il provvedimento.",
            triple("JPNGOV", "CHNGOV", "111"),
        ),
        (
            Lang::Fr,
            "Washington a imposé des droits de douane sur l'acier européen. Les ministres européens ont \
             critiqué la mesure.",
            triple("EURGOV", "USAGOV", "111"),
        ),
        // A charge is an accusation; a ban and a release are decisions.
        (
            Lang::En,
            "India's foreign ministry accused Pakistan of sheltering the attackers. Pakistan's foreign office \
             rejected the charge as baseless.",
            triple("PAKGOV", "INDGOV", "016"),
        ),
        (
            Lang::De,
            "Das Parlament in Tiflis verbot drei Oppositionsparteien. Die EU verurteilte das Verbot scharf.",
            triple("IGOEEC", "GEOLEG", "111"),
        ),
        (
            Lang::De,
            "Lukaschenko begnadigte 52 politische Gefangene. Die Oppositionsführerin Swetlana Tichanowskaja \
             begrüßte die Freilassung.",
            triple("BLROPP", "BLRGOV", "051"),
        ),
    ] {
        let got = triples_builtin_on(lang, text, (2026, 3, 1));
        assert!(got.contains(&expected), "{lang}: {text}: {got:?}");
    }
    let coder = Coder::new(&own::builtin("en").unwrap_or_else(|e| panic!("{e}")));
    let text = format!("{lead}\n\nThe sanctions freeze any assets the individuals hold in Britain and ban them from travelling to the country.");
    let events = code_in(&coder, Lang::En, &text, NaiveDate::from_ymd_opt(2026, 3, 1));
    let later: Vec<_> = events.iter().filter(|e| e.sentence_index > 0).map(|e| &e.cameo).collect();
    assert!(later.is_empty(), "{later:?}");
}

/// "„Russland kann nicht …“, schrieb er auf X. In Warschau unterzeichnete er …":
/// an actor inside the quotation a sentence opens with is the speaker's words,
/// not the subject a later pronoun stands for; the speaker named after the
/// quotation is ("« … », a déclaré le président français. Il a appelé …").
#[test]
fn a_pronoun_after_an_opening_quotation_stands_for_the_speaker() {
    let got = triples_builtin_on(
        Lang::De,
        "Präsident Wolodymyr Selenskyj hielt sich in Warschau auf. „Russland kann nicht so tun, als wisse \
         es nicht, wohin seine Raketen fliegen“, schrieb er auf X. In Warschau unterzeichnete er mit \
         Ministerpräsident Donald Tusk ein Sicherheitsabkommen.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("UKRGOV", "POLGOV", "057")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "RUS"), "{got:?}");
    let got = triples_builtin_on(
        Lang::Fr,
        "Le président du Kenya William Ruto est arrivé à Paris.\n\n« L'Inde est un partenaire \
         indispensable », a déclaré le président français. Il a appelé New Delhi à user de son influence.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("FRAGOV", "IND", "020")), "{got:?}");
}

/// "ROMA - Il premier Giorgia Meloni ha condannato Israele": the dateline's
/// city and the subject that opens the body made one group, and the whole
/// group went with the dateline.
#[test]
fn the_subject_after_a_dateline_dash_stays_when_the_city_goes() {
    let got =
        triples_builtin_on(Lang::It, "ROMA - Il premier Giorgia Meloni ha condannato Israele.", (2026, 3, 1));
    assert_eq!(got, vec![triple("ITAGOV", "ISR", "111")]);
}

/// "Un drone israeliano ha ucciso due persone a Bint Jbeil": civilians killed
/// by a foreign side, in a place the gazetteer does not know, are of the state
/// the article is about, not the attacker's compatriots; an army at home
/// keeps its own.
#[test]
fn civilians_struck_by_a_foreign_side_are_of_the_article_state() {
    let got = triples_builtin_on(
        Lang::It,
        "BEIRUT - Il presidente libanese Joseph Aoun ha condannato le violazioni della tregua da parte di \
         Israele.\n\nUn drone israeliano ha ucciso due persone a Bint Jbeil.",
        (2026, 3, 1),
    );
    // A drone that kills uses an aerial weapon (195).
    assert!(got.contains(&triple("ISR", "LBNCVL", "195")), "{got:?}");
    let got = triples_builtin_on(
        Lang::It,
        "KHARTUM - L'esercito sudanese ha bombardato il mercato di El Fasher.\n\nL'esercito sudanese ha \
         ucciso dieci civili.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("SDNMIL", "SDNCVL", "190")), "{got:?}");
}

/// "Beijing has since suspended imports": "since" inside a compound tense is
/// an adverb; read as a clause opener, it parted the subject from its verb.
#[test]
fn since_inside_a_compound_tense_opens_no_clause() {
    let got = triples_builtin_on(
        Lang::En,
        "Beijing has since suspended imports of Japanese seafood.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("CHNGOV", "JPN", "163")), "{got:?}");
}

/// "i mediatori egiziani e qatarioti", "las delegaciones rusa y ucraniana":
/// two nationality adjectives joined by a conjunction after one role noun
/// share it; the second was its state alone (QAT, UKR).
#[test]
fn coordinated_nationality_adjectives_share_their_role_noun() {
    let got = triples_builtin_on(
        Lang::It,
        "I mediatori egiziani e qatarioti hanno incontrato Hamas.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("QATGOV", "PSEREB", "040")), "{got:?}");
    assert!(got.contains(&triple("EGYGOV", "PSEREB", "040")), "{got:?}");
    let got = triples_builtin_on(
        Lang::Fr,
        "Les armées indienne et pakistanaise ont échangé des tirs.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("INDMIL", "PAKMIL", "193")), "{got:?}");
    let got = triples_builtin_on(
        Lang::Es,
        "Las delegaciones rusa y ucraniana se reunieron en Estambul.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("RUSGOV", "UKRGOV", "040")), "{got:?}");
}

/// "… into law as unions call general strike": English "as" before a subject
/// and its verb opens a clause; the first verb took the unions for its
/// object, and the strike went to Milei.
#[test]
fn as_before_a_subject_and_its_verb_opens_a_clause() {
    let got = triples_builtin_on(
        Lang::En,
        "Milei signs labor reform into law as Argentine unions call general strike.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("ARGLAB", "ARG", "143")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "ARGGOV"), "{got:?}");
}

/// "Two Palestinians shot dead by Israeli troops", "12 ELN rebels killed in
/// bombing": a headline's participle of force without its auxiliary is a
/// passive; read as active, the victims were the attackers.
#[test]
fn a_headline_participle_of_force_is_a_passive() {
    let got = triples_builtin_on(
        Lang::En,
        "Two Palestinians shot dead by Israeli troops in the West Bank.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("ISRMIL", "PSE", "193")), "{got:?}");
    let got =
        triples_builtin_on(Lang::En, "Twelve ELN rebels killed in Colombian army bombing.", (2026, 3, 1));
    assert!(!got.iter().any(|t| t.0 == "COLREB"), "{got:?}");
    // The present is active: "police kill 19".
    let got = triples_builtin_on(Lang::En, "Kenyan police kill protesters in Nairobi.", (2026, 3, 1));
    assert!(got.contains(&triple("KENCOP", "KENCVL", "190")), "{got:?}");
}

/// "The head of NATO, Mark Rutte, met Zelensky": the owner of the subject
/// noun acts through a name set beside it in commas; the closing comma
/// before the verb hid it, and nothing was coded.
#[test]
fn the_owner_of_the_subject_acts_through_an_appositive_name() {
    let got =
        triples_builtin_on(Lang::En, "The head of NATO, Mark Rutte, met Zelensky in Kyiv.", (2026, 3, 1));
    assert!(got.contains(&triple("IGOWSTNAT", "UKRGOV", "040")), "{got:?}");
}

/// "Das sagte Merz am Dienstag nach einem Treffen mit Selenskyj": a fronted
/// "das" is the object of the verb-second verb after it, not the article of a
/// noun; the verb was read as a noun and nothing was coded.
#[test]
fn a_fronted_das_is_no_article_of_the_verb_after_it() {
    let got = triples_builtin_on(
        Lang::De,
        "Das sagte Merz am Dienstag nach einem Treffen mit Selenskyj.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("DEUGOV", "UKRGOV", "040")), "{got:?}");
}

/// "Lula, que realiza la primera visita … a Corea del Sur, fue recibido por
/// Lee": the passive's subject is the relative clause's antecedent, not the
/// country the clause names (which gave KOR KOR 042).
#[test]
fn a_passive_subject_is_the_antecedent_of_a_relative_clause_before_it() {
    let got = triples_builtin_on(
        Lang::Es,
        "Lula, que realiza la primera visita de Estado de un presidente brasileño a Corea del Sur, \
         fue recibido por Lee Jae-myung.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("KORGOV", "BRAGOV", "043")), "{got:?}");
    assert!(!got.iter().any(|t| t.0 == "KOR" && t.1 == "KOR"), "{got:?}");
}

/// "Am Montag kündigte Merz an, die Sanktionen gegen Russland zu
/// verschärfen": a verb-second verb whose subject follows it is a clause,
/// no opening phrase whose comma makes the next actor a subject; the
/// sanctions lost their target.
#[test]
fn a_verb_second_subject_after_the_verb_makes_no_opening_phrase() {
    let got = triples_builtin_on(
        Lang::De,
        "Am Montag kündigte Merz an, die Sanktionen gegen Russland zu verschärfen.",
        (2026, 3, 1),
    );
    assert!(got.contains(&triple("DEUGOV", "RUS", "163")), "{got:?}");
}

/// "Dopo aver incontrato Macron, Meloni ha detto …": the opening phrase's
/// verb has the main clause's subject (it had none, and the meeting was
/// lost); an opening participle with its agent after it is a passive whose
/// subject is the main clause's ("Ricevuto da Erdogan, Tajani …"), also
/// after a seat with its article ("à l'Élysée, Zelensky …").
#[test]
fn an_opening_phrase_without_a_subject_takes_the_main_clause_s() {
    let cases = [
        (
            Lang::It,
            "Dopo aver incontrato Macron all'Eliseo, Meloni ha detto che i colloqui sono stati utili.",
            ("ITAGOV", "FRAGOV", "040"),
        ),
        (
            Lang::Es,
            "Tras reunirse con Macron en París, Sánchez afirmó que el diálogo fue útil.",
            ("ESPGOV", "FRAGOV", "040"),
        ),
        (
            Lang::Fr,
            "Après avoir rencontré Erdogan à Ankara, Jean-Noël Barrot a salué des discussions utiles.",
            ("FRAGOV", "TURGOV", "040"),
        ),
        (
            Lang::It,
            "Ricevuto da Erdogan ad Ankara, il ministro degli Esteri Antonio Tajani ha detto che i colloqui \
             sono stati utili.",
            ("TURGOV", "ITAGOV", "043"),
        ),
        // The seat after "à l'" is where, and the comma ends it: the name
        // after it is the main clause's subject, not a second seat.
        (
            Lang::Fr,
            "Reçu par Emmanuel Macron à l'Élysée, Volodymyr Zelensky a demandé davantage d'aide.",
            ("FRAGOV", "UKRGOV", "043"),
        ),
    ];
    for (lang, text, (s, t, c)) in cases {
        let got = triples_builtin_on(lang, text, (2026, 3, 1));
        assert!(got.contains(&triple(s, t, c)), "{text}: {got:?}");
    }
}

/// "The arrest follows weeks of fighting …, an armed group the government
/// accuses …": a main clause before the first comma is no opening phrase,
/// and its verb takes no subject from after the comma.
#[test]
fn a_main_clause_before_a_comma_is_no_opening_phrase() {
    let got = triples_builtin_on(
        Lang::En,
        "The arrest follows weeks of fighting in Upper Nile state between the army and the White Army, \
         an armed group the government accuses of links to Machar's forces.",
        (2026, 3, 1),
    );
    assert!(!got.iter().any(|t| t.0 == "SSDGOV" && t.2.starts_with("19")), "{got:?}");
}

/// '« Le Qatar est un partenaire de confiance », a salué le président
/// français': a verb of praise right after an opening quote has the speaker
/// after it for subject, not the quote's first actor (which gave QAT FRAGOV
/// 051), and praises what the quote names.
#[test]
fn praise_after_an_opening_quote_is_the_speaker_s() {
    let cases = [
        (Lang::Fr, "« Le Qatar est un partenaire de confiance », a salué le président français."),
        (Lang::It, "«Il Qatar è un partner affidabile», ha elogiato il presidente francese."),
    ];
    for (lang, text) in cases {
        let got = triples_builtin_on(lang, text, (2026, 3, 1));
        assert!(got.contains(&triple("FRAGOV", "QAT", "051")), "{text}: {got:?}");
        assert!(!got.iter().any(|t| t.0 == "QAT"), "{text}: {got:?}");
    }
}

/// "Fuentes del Gobierno criticaron a Junts": the actor that owns the subject
/// noun acts, also when the noun opens the sentence and so is capitalized
/// (it gave nothing); a capitalized noun elsewhere may be part of a name.
#[test]
fn a_capitalized_first_noun_s_owner_is_the_subject() {
    let got = triples_builtin(Lang::Es, "Fuentes del Gobierno español criticaron a Marruecos.");
    assert!(got.contains(&triple("ESPGOV", "MAR", "111")), "{got:?}");
    let got = triples_builtin(Lang::En, "Members of the Israeli cabinet criticised France.");
    assert!(got.contains(&triple("ISRGOV", "FRA", "111")), "{got:?}");
}

/// "L'opposition congolaise, elle, reproche au chef de l'Etat …": a French
/// stressed pronoun set off by commas after its subject is read past (the
/// pattern "- $ * .. +" found no subject next to the verb, and nothing was
/// coded); unset off, "lui" stays an object pronoun.
#[test]
fn a_stressed_pronoun_set_off_after_its_subject_is_read_past() {
    let got = triples_builtin(
        Lang::Fr,
        "L'opposition congolaise, elle, reproche au chef de l'Etat de brader les ressources du pays.",
    );
    assert!(got.contains(&triple("CODOPP", "CODGOV", "111")), "{got:?}");
    let got = triples_builtin(Lang::Fr, "Macron a reçu Zelensky, puis lui a promis des armes.");
    assert!(got.contains(&triple("FRAGOV", "UKRGOV", "0332")), "{got:?}");
}

/// A place after a locative says where the act happened, not who did it, also
/// when the place is named by an adjective after a place noun ("nella capitale
/// americana"); the subject is another, here the dropped one. An adjective
/// right after the locative tells of the noun after it ("bei israelischen
/// Luftangriffen") and may still name the side.
#[test]
fn a_place_after_a_locative_is_no_subject() {
    let code = |lang: Lang, text: &str| triples_builtin_on(lang, text, (2025, 3, 1));
    for (lang, text) in [
        (
            Lang::It,
            "Tajani è arrivato a Washington. A Washington ha incontrato il segretario di Stato Marco Rubio.",
        ),
        (Lang::It, "Tajani è arrivato a Washington. Nella capitale americana ha incontrato Marco Rubio."),
        (Lang::Es, "Albares llegó a Washington. En la capital estadounidense se reunió con Marco Rubio."),
    ] {
        let got = code(lang, text);
        let meeting: Vec<_> = got.iter().filter(|t| t.2 == "040").collect();
        assert!(
            !meeting.is_empty() && meeting.iter().all(|t| t.0 != "USA" && t.1 != "USA"),
            "{text}: {got:?}"
        );
        assert!(meeting.iter().any(|t| t.1 == "USAGOV" && t.0.ends_with("GOV")), "{text}: {got:?}");
    }
    let strikes = code(
        Lang::De,
        "Bei israelischen Luftangriffen im Gazastreifen sind nach palästinensischen Angaben mindestens zwölf Menschen getötet worden.",
    );
    assert!(strikes.iter().any(|t| t.0 == "ISR"), "{strikes:?}");
}

/// "N'Djamena" is Chad's capital, not the negation "n'" before "Djamena":
/// the name codes in a dictionary written "N'Djamena", and a sentence it opens
/// is no denial. So do people's names ("Horta N'Tam").
#[test]
fn a_name_written_with_n_apostrophe_is_no_negation() {
    const DATE: (i32, u32, u32) = (2026, 3, 1);
    for (text, want) in [
        ("Paris a rompu ses relations diplomatiques avec N'Djamena.", ("FRAGOV", "TCD", "161")),
        ("N'Djamena a rompu ses relations diplomatiques avec la France.", ("TCDGOV", "FRA", "161")),
        ("Horta N'Tam a reçu le président sénégalais à Bissau.", ("GNBGOV", "SENGOV", "043")),
        ("Le président sénégalais a reçu Horta N'Tam à Dakar.", ("SENGOV", "GNBGOV", "043")),
    ] {
        let got = triples_builtin_on(Lang::Fr, text, DATE);
        assert!(got.contains(&triple(want.0, want.1, want.2)), "{text}: {got:?}");
    }
    // The negation itself still negates.
    let got = triples_builtin_on(
        Lang::Fr,
        "Le Tchad n'a pas rompu ses relations diplomatiques avec la France.",
        DATE,
    );
    assert!(got.is_empty(), "{got:?}");
}

/// A state's envoy or ambassador at an organisation ("Russia's U.N. envoy",
/// "Russian U.N. envoy Vassily Nebenzia") is the state's government, while
/// "the U.N. envoy" alone is the organisation's.
#[test]
fn a_states_envoy_at_an_organisation_is_the_states() {
    const DATE: (i32, u32, u32) = (2025, 9, 30);
    for (text, want) in [
        ("Russia's U.N. envoy criticized Washington for rushing the text.", "RUSGOV"),
        ("Russian U.N. envoy Vassily Nebenzia criticized Washington.", "RUSGOV"),
        ("The U.N. envoy criticized Washington.", "IGOUNOGOV"),
    ] {
        let got = triples_builtin_on(Lang::En, text, DATE);
        assert!(got.contains(&triple(want, "USA", "111")), "{text}: {got:?}");
    }
}
