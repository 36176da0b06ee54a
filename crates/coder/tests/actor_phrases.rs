//! Actor phrases the built-in dictionaries alone do not name: office holders
//! by title and surname, country adjectives across modifiers, ethnic groups
//! coded by where they live, and roles distributed over coordinated lists.

use chrono::NaiveDate;
use dyad_coder::{ArticleMeta, Coder};
use dyad_lexicon::{foreign, own, Lexicon};
use dyad_text::{Lang, TextPipeline};

fn lang_of(code: &str) -> Lang {
    match code {
        "it" => Lang::It,
        "es" => Lang::Es,
        "fr" => Lang::Fr,
        "de" => Lang::De,
        _ => Lang::En,
    }
}

/// Codes `text` with a language's built-in dictionaries and returns the
/// (source, target, event) triples.
fn code(lang: &str, text: &str, date: (i32, u32, u32)) -> Vec<(String, String, String)> {
    let lexicon = own::builtin(lang).unwrap_or_default();
    code_with(&lexicon, lang, text, NaiveDate::from_ymd_opt(date.0, date.1, date.2))
}

fn code_with(
    lexicon: &Lexicon,
    lang: &str,
    text: &str,
    date: Option<NaiveDate>,
) -> Vec<(String, String, String)> {
    let coder = Coder::new(lexicon);
    let doc = TextPipeline::new().process(text, None, Some(lang_of(lang)));
    coder
        .code_document(&doc, &ArticleMeta::new("t", date))
        .events
        .into_iter()
        .map(|e| (e.source.code, e.target.code, e.cameo))
        .collect()
}

fn sources(lang: &str, text: &str, date: (i32, u32, u32)) -> Vec<String> {
    code(lang, text, date).into_iter().map(|(s, _, _)| s).collect()
}

fn targets(lang: &str, text: &str, date: (i32, u32, u32)) -> Vec<String> {
    code(lang, text, date).into_iter().map(|(_, t, _)| t).collect()
}

/// A small world in dyad's own format: two persons share a surname and
/// hold office in overlapping terms.
const WORLD: &str = "@language en\n[actors]\nARN = Arnor\nGON = Gondor\nMOR = Mordor\n\
    ARNGOV from 2000-01-01 to 2005-12-31, ARNELI = Aragorn Elessar\n\
    GONGOV from 2003-01-01 to 2008-12-31, GONELI = Boromir Elessar\n\
    MORGOV from 2000-01-01 to 2008-12-31, MORELI = Sauron Gorthaur\n\
    [agents]\n~GOV = president; administration\n~LAB = workers\n";

fn world(text: &str, year: i32) -> Vec<String> {
    let mut lexicon = own::parse(WORLD, "world.dyad").unwrap_or_default();
    lexicon.extend(foreign::parse_verbs("ACCUSE [112]\n", "world.verbs"));
    code_with(&lexicon, "en", text, NaiveDate::from_ymd_opt(year, 6, 1))
        .into_iter()
        .map(|(s, _, _)| s)
        .collect()
}

#[test]
fn a_title_and_a_surname_name_the_office_holder() {
    assert_eq!(sources("en", "President Mugabe accused Britain of interference.", (2005, 3, 1)), ["ZWEGOV"]);
    assert_eq!(sources("en", "Prime Minister Blair accused Russia of meddling.", (2006, 3, 1)), ["GBRGOV"]);
    assert_eq!(targets("en", "Russia accused Chancellor Merkel of meddling.", (2010, 3, 1)), ["DEUGOV"]);
    assert_eq!(sources("en", "President Assad accused Israel.", (2010, 1, 1)), ["SYRGOV"]);
    // The hand-written office holders outrank the generated list (McKeeva Bush, Cayman Islands).
    assert_eq!(sources("en", "President Bush accused Russia.", (2003, 3, 1)), ["USAGOV"]);
    // Out of office, the person is an elite, as the full name would be.
    assert_eq!(sources("en", "President Bush accused Russia.", (2000, 1, 1)), ["USAELI"]);
    assert_eq!(sources("it", "Il presidente Macron ha criticato la Germania.", (2020, 3, 1)), ["FRAGOV"]);
    assert_eq!(sources("fr", "Le président Macron a critiqué l'Allemagne.", (2020, 3, 1)), ["FRAGOV"]);
    assert_eq!(sources("de", "Präsident Macron kritisierte Deutschland.", (2020, 3, 1)), ["FRAGOV"]);
    assert_eq!(sources("es", "El presidente Macron criticó a Alemania.", (2020, 3, 1)), ["FRAGOV"]);
}

#[test]
fn a_surname_before_a_government_noun_names_the_country() {
    assert_eq!(
        sources("en", "The Bush administration accused China of unfair trade.", (2003, 3, 1)),
        ["USAGOV"]
    );
    assert_eq!(world("The Elessar administration accused Mordor.", 2001), ["ARNGOV"]);
    assert_eq!(world("The Gorthaur administration accused Arnor.", 2001), ["MORGOV"]);
}

#[test]
fn doubtful_surnames_stay_unresolved() {
    // A common word opening the sentence, and a given name that is not the
    // person's: the role stays a role (and takes its partner's country), not
    // Condoleezza Rice's USAGOV or a place named Rivera.
    assert_eq!(sources("en", "Rice farmers accused the government of Thailand.", (2020, 3, 1)), ["THAAGR"]);
    assert_eq!(
        sources("en", "Judge Alejandro Rivera accused the government of Chile.", (2000, 3, 1)),
        ["CHLJUD"]
    );
    // One Elessar in office: resolved; two in office, or none with one code: not.
    assert_eq!(world("President Elessar accused Mordor.", 2001), ["ARNGOV"]);
    assert_eq!(world("President Elessar accused Mordor.", 2004), ["~GOV"]);
    assert_eq!(world("President Elessar accused Mordor.", 2010), ["~GOV"]);
    assert_eq!(world("President Aragorn Elessar accused Mordor.", 2004), ["ARNGOV"]);
}

#[test]
fn a_country_adjective_reaches_its_role_across_modifiers() {
    assert_eq!(
        sources("en", "Angry French paper workers blocked a bridge to Germany.", (2020, 3, 1)),
        ["FRALAB"]
    );
    assert_eq!(
        sources("en", "The Latvian Constitutional Court criticized Russia.", (2020, 3, 1)),
        ["LVAJUD"]
    );
    assert_eq!(
        sources(
            "en",
            "Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador.",
            (2020, 3, 1)
        ),
        ["NGAGOV"]
    );
    assert_eq!(
        sources("de", "Die türkische paramilitärische Polizei kritisierte Deutschland.", (2020, 3, 1)),
        ["TURCOP"]
    );
    assert_eq!(
        sources("fr", "Les ouvriers papetiers français ont critiqué l'Allemagne.", (2020, 3, 1)),
        ["FRALAB"]
    );
    assert_eq!(
        sources("es", "La policía antidisturbios turca criticó a Alemania.", (2020, 3, 1)),
        ["TURCOP"]
    );
    assert_eq!(
        sources("it", "La polizia antisommossa turca ha criticato la Germania.", (2020, 3, 1)),
        ["TURCOP"]
    );
}

#[test]
fn a_verb_stops_the_country_adjective() {
    // A plural subject and a bare verb: the country is no adjective of the role
    // (the police take the country of the place named, Iran).
    assert_eq!(
        code("en", "Russia and China condemn police brutality in Iran.", (2020, 3, 1)),
        [("RUS".into(), "IRNCOP".into(), "111".into()), ("CHN".into(), "IRNCOP".into(), "111".into())]
    );
    assert_eq!(world("Gondor accused workers.", 2001), ["GON"]);
}

#[test]
fn ethnic_groups_are_coded_where_they_live() {
    // The English dictionary names them as civilians ("ethnic Albanian(s)" is ~CVL).
    assert_eq!(
        sources("en", "Ethnic Albanians in south Serbia accused Russia of meddling.", (2001, 3, 1)),
        ["SRBCVL"]
    );
    assert_eq!(
        sources("it", "Gli albanesi etnici in Serbia hanno accusato la Russia.", (2001, 3, 1)),
        ["SRB"]
    );
    assert_eq!(sources("de", "Ethnische Albaner in Serbien kritisierten Russland.", (2001, 3, 1)), ["SRB"]);
    assert_eq!(sources("es", "Los albaneses étnicos en Serbia acusaron a Rusia.", (2001, 3, 1)), ["SRB"]);
    assert_eq!(
        sources("fr", "Les Albanais de souche en Serbie ont accusé la Russie.", (2001, 3, 1)),
        ["SRB"]
    );
    // Without the ethnic marker, people in a country keep their own.
    assert_eq!(sources("en", "Albanians in Serbia accused Russia of meddling.", (2001, 3, 1)), ["ALB"]);
}

#[test]
fn coordinated_roles_distribute_over_coordinated_countries() {
    let mut got = sources(
        "en",
        "Lawmakers and officials in France and Germany welcomed the talks with Russia.",
        (2010, 1, 1),
    );
    got.sort();
    assert_eq!(got, ["DEUGOV", "DEULEG", "FRAGOV", "FRALEG"]);
    let mut got = sources(
        "it",
        "Parlamentari e funzionari in Francia e Germania hanno criticato la Russia.",
        (2010, 1, 1),
    );
    got.sort();
    assert_eq!(got, ["DEUGOV", "DEULEG", "FRAGOV", "FRALEG"]);
    let mut got =
        sources("es", "Legisladores y funcionarios en Francia y Alemania criticaron a Rusia.", (2010, 1, 1));
    got.sort();
    assert_eq!(got, ["DEUGOV", "DEULEG", "FRAGOV", "FRALEG"]);
}

#[test]
fn roles_before_and_after_an_actor_combine() {
    let mut lexicon = foreign::parse_actors("ARNOR_ [ARN]\nGONDOR_ [GON]\n", "t.actors");
    lexicon.extend(foreign::parse_agents("MSF {} [NGO~]\nDIPLOMAT [~GOV]\n", "t.agents"));
    lexicon.extend(foreign::parse_verbs("ACCUSE [112]\n", "t.verbs"));
    assert_eq!(
        code_with(&lexicon, "en", "An MSF Arnor diplomat accused Gondor.", None),
        [("NGOARNGOV".into(), "GON".into(), "112".into())]
    );
}

/// With no publication date the text is taken to be current: a term still
/// open outranks the undated code a person keeps out of office, and a
/// closed term does not.
#[test]
fn undated_text_takes_the_open_term() {
    let text = "@language en\n[actors]\nARN = Arnor\nGON = Gondor\n\
        ARNGOV from 2019-05-01, ARNELI = Aragorn Elessar\n\
        GONGOV from 2003-01-01 to 2008-12-31, GONELI = Boromir Denethor\n\
        [verbs]\naccuse = 112\n";
    let lexicon = own::parse(text, "world.dyad").unwrap_or_default();
    let sources = |t: &str, date: Option<NaiveDate>| -> Vec<String> {
        code_with(&lexicon, "en", t, date).into_iter().map(|(s, _, _)| s).collect()
    };
    assert_eq!(sources("Aragorn Elessar accused Gondor.", None), ["ARNGOV"]);
    assert_eq!(sources("Boromir Denethor accused Arnor.", None), ["GONELI"]);
    // A date before the open term still gives the out-of-office code.
    assert_eq!(sources("Aragorn Elessar accused Gondor.", NaiveDate::from_ymd_opt(2010, 1, 1)), ["ARNELI"]);
}

/// An act the sentence dates long before publication is coded with the offices
/// held on that date; a long-past date in another comma clause dates nothing
/// and changes no office, nor does the start of a period ("since 2003").
#[test]
fn offices_are_those_held_when_the_sentence_says() {
    let lexicon = own::parse(WORLD, "world.dyad").unwrap_or_default();
    let mut lexicon = lexicon;
    lexicon.extend(foreign::parse_verbs("ACCUSE [112]\n", "world.verbs"));
    let coder = Coder::new(&lexicon);
    let published = NaiveDate::from_ymd_opt(2010, 6, 4);
    let events = |text: &str| -> Vec<(String, String)> {
        let doc = TextPipeline::new().process(text, None, Some(Lang::En));
        coder
            .code_document(&doc, &ArticleMeta::new("t", published))
            .events
            .into_iter()
            .map(|e| (e.source.code, e.date.map(|d| d.to_string()).unwrap_or_default()))
            .collect()
    };
    let one = |code: &str, date: &str| vec![(code.to_string(), date.to_string())];
    // Out of office on the publication date…
    assert_eq!(events("Aragorn Elessar accused Sauron Gorthaur."), one("ARNELI", "2010-06-04"));
    // …in office on the date told, whether the sentence opens with it or ends with it.
    assert_eq!(events("In 2003, Aragorn Elessar accused Sauron Gorthaur."), one("ARNGOV", "2003-01-01"));
    assert_eq!(events("Aragorn Elessar accused Sauron Gorthaur in March 2004."), one("ARNGOV", "2004-03-01"));
    assert_eq!(
        events("Aragorn Elessar, who left office in 2005, accused Sauron Gorthaur on Monday."),
        one("ARNELI", "2010-05-31")
    );
    assert_eq!(
        events("Aragorn Elessar has accused Sauron Gorthaur since 2003."),
        one("ARNELI", "2010-06-04")
    );
    // An act dated otherwise in the same sentence is coded once, as of publication.
    assert_eq!(
        events("Aragorn Elessar accused Sauron Gorthaur in March 2004, and Boromir Elessar accused Sauron Gorthaur."),
        [("ARNGOV".to_string(), "2004-03-01".to_string()), ("GONELI".to_string(), "2010-06-04".to_string())]
    );
}
