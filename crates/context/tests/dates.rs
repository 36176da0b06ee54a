//! Table-driven tests of date expressions in five languages, datelines, and a no-panic proptest.

use chrono::NaiveDate;
use dyad_context::dates::{find_dates, parse_dateline, Precision};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// (language, sentence, expected expression text, expected date, precision); published on
/// Friday 2024-03-08 unless the sentence says otherwise.
const CASES: &[(&str, &str, &str, &str, Precision)] = &[
    // English
    ("en", "The ministers met on Monday in Geneva.", "Monday", "2024-03-04", Precision::Day),
    ("en", "He spoke on Friday.", "Friday", "2024-03-08", Precision::Day),
    ("en", "Troops left last Friday.", "last Friday", "2024-03-01", Precision::Day),
    ("en", "Talks resume next Tuesday.", "next Tuesday", "2024-03-12", Precision::Day),
    ("en", "Israel struck Gaza yesterday.", "yesterday", "2024-03-07", Precision::Day),
    ("en", "The summit opens tomorrow.", "tomorrow", "2024-03-09", Precision::Day),
    (
        "en",
        "Rebels attacked the base the day before yesterday.",
        "the day before yesterday",
        "2024-03-06",
        Precision::Day,
    ),
    ("en", "Sanctions were imposed last month.", "last month", "2024-02-01", Precision::Month),
    ("en", "Elections were held last year.", "last year", "2023-01-01", Precision::Year),
    ("en", "Protests grew last week.", "last week", "2024-02-26", Precision::Week),
    ("en", "The deal was signed on September 13.", "September 13", "2023-09-13", Precision::Day),
    ("en", "The deal was signed on February 13.", "February 13", "2024-02-13", Precision::Day),
    ("en", "The deal was signed on September 13, 2021.", "September 13, 2021", "2021-09-13", Precision::Day),
    ("en", "Fighting broke out on 7 October 2023.", "7 October 2023", "2023-10-07", Precision::Day),
    ("en", "It began on the 3rd of March.", "3rd of March", "2024-03-03", Precision::Day),
    ("en", "The war started in March 2023.", "March 2023", "2023-03-01", Precision::Month),
    ("en", "Elections were held in 2022.", "2022", "2022-01-01", Precision::Year),
    ("en", "Talks took place on Sept. 13.", "Sept. 13", "2023-09-13", Precision::Day),
    // Italian
    ("it", "Il ministro è arrivato lunedì a Parigi.", "lunedì", "2024-03-04", Precision::Day),
    ("it", "Le truppe sono partite venerdì scorso.", "venerdì scorso", "2024-03-01", Precision::Day),
    ("it", "Ieri il governo ha condannato l'attacco.", "Ieri", "2024-03-07", Precision::Day),
    ("it", "Domani si vota.", "Domani", "2024-03-09", Precision::Day),
    ("it", "Oggi il presidente incontra Scholz.", "Oggi", "2024-03-08", Precision::Day),
    (
        "it",
        "L'accordo è stato firmato la settimana scorsa.",
        "settimana scorsa",
        "2024-02-26",
        Precision::Week,
    ),
    ("it", "Il mese scorso Roma ha protestato.", "mese scorso", "2024-02-01", Precision::Month),
    ("it", "L'anno scorso la crisi si è aggravata.", "anno scorso", "2023-01-01", Precision::Year),
    ("it", "L'accordo è stato firmato il 13 settembre.", "13 settembre", "2023-09-13", Precision::Day),
    ("it", "Il vertice del 1° marzo 2024 è fallito.", "1° marzo 2024", "2024-03-01", Precision::Day),
    ("it", "Le elezioni si sono tenute nel 2022.", "2022", "2022-01-01", Precision::Year),
    ("it", "La guerra è iniziata a febbraio.", "febbraio", "2024-02-01", Precision::Month),
    // Spanish
    ("es", "El pasado miércoles el gobierno protestó.", "pasado miércoles", "2024-03-06", Precision::Day),
    ("es", "El miércoles el gobierno protestó.", "miércoles", "2024-03-06", Precision::Day),
    ("es", "Ayer se reunieron los ministros.", "Ayer", "2024-03-07", Precision::Day),
    ("es", "Hoy se vota.", "Hoy", "2024-03-08", Precision::Day),
    ("es", "Mañana llega el presidente.", "Mañana", "2024-03-09", Precision::Day),
    ("es", "Esta mañana llegó el presidente.", "Esta mañana", "2024-03-08", Precision::Day),
    ("es", "El mes pasado hubo ataques.", "mes pasado", "2024-02-01", Precision::Month),
    ("es", "El año que viene habrá elecciones.", "año que viene", "2025-01-01", Precision::Year),
    ("es", "La semana pasada hubo protestas.", "semana pasada", "2024-02-26", Precision::Week),
    ("es", "Firmaron el 13 de septiembre.", "13 de septiembre", "2023-09-13", Precision::Day),
    ("es", "Firmaron el 13 de septiembre de 2021.", "13 de septiembre de 2021", "2021-09-13", Precision::Day),
    ("es", "Las elecciones fueron en marzo de 2023.", "marzo de 2023", "2023-03-01", Precision::Month),
    ("es", "Las elecciones fueron en 2022.", "2022", "2022-01-01", Precision::Year),
    // French
    ("fr", "Le ministre est arrivé mercredi à Berlin.", "mercredi", "2024-03-06", Precision::Day),
    ("fr", "Les troupes sont parties vendredi dernier.", "vendredi dernier", "2024-03-01", Precision::Day),
    ("fr", "Aujourd'hui, le président parle.", "Aujourd'hui", "2024-03-08", Precision::Day),
    ("fr", "Hier, Paris a condamné l'attaque.", "Hier", "2024-03-07", Precision::Day),
    ("fr", "Les combats ont repris avant-hier.", "avant-hier", "2024-03-06", Precision::Day),
    ("fr", "Le sommet aura lieu demain.", "demain", "2024-03-09", Precision::Day),
    ("fr", "L'année dernière, la crise a éclaté.", "année dernière", "2023-01-01", Precision::Year),
    ("fr", "Le mois prochain, les élections.", "mois prochain", "2024-04-01", Precision::Month),
    ("fr", "L'accord a été signé le 13 septembre.", "13 septembre", "2023-09-13", Precision::Day),
    ("fr", "Le sommet du 1er mars 2024.", "1er mars 2024", "2024-03-01", Precision::Day),
    ("fr", "Les élections ont eu lieu en 2022.", "2022", "2022-01-01", Precision::Year),
    ("fr", "La guerre a commencé en février.", "février", "2024-02-01", Precision::Month),
    // German
    ("de", "Der Minister traf am Mittwoch in Rom ein.", "Mittwoch", "2024-03-06", Precision::Day),
    ("de", "Am Mittwochabend sprach der Kanzler.", "Mittwochabend", "2024-03-06", Precision::Day),
    (
        "de",
        "Am vergangenen Freitag begannen die Gespräche.",
        "vergangenen Freitag",
        "2024-03-01",
        Precision::Day,
    ),
    ("de", "Nächsten Montag beginnt der Gipfel.", "Nächsten Montag", "2024-03-11", Precision::Day),
    ("de", "Gestern kritisierte Berlin Moskau.", "Gestern", "2024-03-07", Precision::Day),
    ("de", "Heute Morgen sprach der Kanzler.", "Heute", "2024-03-08", Precision::Day),
    ("de", "Morgen reist die Ministerin nach Kiew.", "Morgen", "2024-03-09", Precision::Day),
    ("de", "Letzte Woche gab es Proteste.", "Letzte Woche", "2024-02-26", Precision::Week),
    ("de", "Im vergangenen Jahr stiegen die Ausgaben.", "vergangenen Jahr", "2023-01-01", Precision::Year),
    (
        "de",
        "Das Abkommen wurde am 13. September unterzeichnet.",
        "13. September",
        "2023-09-13",
        Precision::Day,
    ),
    (
        "de",
        "Das Abkommen wurde am 13. September 2021 unterzeichnet.",
        "13. September 2021",
        "2021-09-13",
        Precision::Day,
    ),
    ("de", "Die Wahl fand im März 2023 statt.", "März 2023", "2023-03-01", Precision::Month),
    ("de", "Die Wahl fand im Jahr 2022 statt.", "2022", "2022-01-01", Precision::Year),
];

#[test]
fn table_of_expressions() {
    let published = d("2024-03-08");
    let mut bad = Vec::new();
    for (lang, sentence, text, date, precision) in CASES {
        let found = find_dates(sentence, lang, published);
        let hit = found.iter().find(|m| m.text.contains(text) || text.contains(m.text.as_str()));
        match hit {
            Some(m) if m.date == d(date) && m.precision == *precision => {
                let chars: Vec<char> = sentence.chars().collect();
                let span: String = chars[m.span.0..m.span.1].iter().collect();
                if span != m.text {
                    bad.push(format!(
                        "[{lang}] {sentence}: span {:?} is {span:?}, text {:?}",
                        m.span, m.text
                    ));
                }
            }
            _ => {
                bad.push(format!("[{lang}] {sentence}: want {text:?} = {date} {precision:?}, got {found:?}"))
            }
        }
    }
    assert!(bad.is_empty(), "{} of {} failed:\n{}", bad.len(), CASES.len(), bad.join("\n"));
}

#[test]
fn no_false_dates() {
    let published = d("2024-03-08");
    for (lang, sentence) in [
        ("en", "They may march to the capital."),
        ("en", "The 13 soldiers were killed."),
        ("en", "About 2022 people fled."),
        ("es", "Por la mañana hubo disparos."),
        ("de", "Am Morgen gab es Schüsse."),
        ("it", "Il leader ha parlato a lungo."),
        ("fr", "Le président a parlé."),
    ] {
        let found = find_dates(sentence, lang, published);
        assert!(found.is_empty(), "[{lang}] {sentence}: {found:?}");
    }
}

#[test]
fn several_mentions_in_order() {
    let found = find_dates("Ieri e il 13 febbraio, poi lunedì scorso.", "it", d("2024-03-08"));
    let dates: Vec<_> = found.iter().map(|m| m.date).collect();
    assert_eq!(dates, vec![d("2024-03-07"), d("2024-02-13"), d("2024-03-04")]);
}

/// A date after "since" or inside a "since" clause opens a period; one after "of"
/// belongs to a noun. Plain dates are neither.
#[test]
fn periods_and_noun_dates() {
    let published = d("2025-06-04");
    let flags = |lang: &str, sentence: &str| -> Vec<(String, bool, bool)> {
        find_dates(sentence, lang, published)
            .into_iter()
            .map(|m| (m.text, m.opens_period, m.of_noun))
            .collect()
    };
    let one = |text: &str, period: bool, noun: bool| vec![(text.to_string(), period, noun)];
    assert_eq!(flags("en", "It is his first visit since 2019."), one("2019", true, false));
    assert_eq!(flags("en", "He has been in office since he won in March."), one("March", true, false));
    assert_eq!(flags("en", "He met Putin in 2019."), one("2019", false, false));
    assert_eq!(flags("es", "Libran una guerra desde abril de 2023."), one("abril de 2023", true, false));
    assert_eq!(flags("es", "Libran una guerra desde finales de abril."), one("abril", true, false));
    assert_eq!(
        flags("es", "Es su primera visita desde que asumió el cargo en marzo."),
        one("marzo", true, false)
    );
    // "desde" names a place here, and a comma closes a "since" clause.
    assert_eq!(flags("es", "Llegó desde Polonia en marzo."), one("marzo", false, false));
    assert_eq!(flags("es", "Desde que llegó, en marzo, habló."), one("marzo", false, false));
    assert_eq!(
        flags("es", "Agradeció su apoyo tras el ataque del 7 de octubre de 2023."),
        one("7 de octubre de 2023", false, true)
    );
    assert_eq!(flags("es", "Los choques comenzaron a finales de abril."), one("abril", false, false));
    assert_eq!(flags("it", "È la prima visita dal 2019."), one("2019", true, false));
    assert_eq!(flags("it", "L'attacco del 7 ottobre 2023."), one("7 ottobre 2023", false, true));
    assert_eq!(
        flags("fr", "C'est sa première visite depuis qu'il a pris ses fonctions en mars."),
        one("mars", true, false)
    );
    assert_eq!(
        flags("de", "Der Krieg dauert seit dem 24. Februar 2022."),
        one("24. Februar 2022", true, false)
    );
    assert_eq!(flags("de", "Der Angriff vom 7. Oktober 2023."), one("7. Oktober 2023", false, true));
}

#[test]
fn datelines() {
    let r = Some(d("2024-03-05"));
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        ("ROME, March 3 (Reuters) - Italy said", "ROME", Some("Reuters"), Some("2024-03-03")),
        ("PARIGI, 3 marzo - Il presidente", "PARIGI", None, Some("2024-03-03")),
        ("MADRID, 3 mar (EFE).- El Gobierno", "MADRID", Some("EFE"), Some("2024-03-03")),
        ("BERLIN, 3. März 2023 (dpa) - Die Regierung", "BERLIN", Some("dpa"), Some("2023-03-03")),
        ("PARIS, 1er mars (AFP) — Le gouvernement", "PARIS", Some("AFP"), Some("2024-03-01")),
        ("WASHINGTON, 3 fév (AFP) - Une juge", "WASHINGTON", Some("AFP"), Some("2024-02-03")),
        ("WASHINGTON (AP) — The White House", "WASHINGTON", Some("AP"), None),
        ("RIO DE JANEIRO, Dec. 30 (Reuters) - Brazil", "RIO DE JANEIRO", Some("Reuters"), Some("2023-12-30")),
        ("KANO, Nigeria, March 2 (Reuters) - Gunmen", "KANO", Some("Reuters"), Some("2024-03-02")),
        ("GAZA CITY, Gaza Strip (AP) — Israeli", "GAZA CITY", Some("AP"), None),
        ("BEIRUT - Israeli strikes", "BEIRUT", None, None),
    ];
    for (text, place, source, date) in cases {
        let dl = parse_dateline(text, r).unwrap_or_else(|| panic!("no dateline in {text:?}"));
        assert_eq!(dl.place, *place, "{text}");
        assert_eq!(dl.source.as_deref(), *source, "{text}");
        assert_eq!(dl.date, date.map(d), "{text}");
        let body: String = text.chars().skip(dl.body_start).collect();
        assert!(body.chars().next().is_some_and(char::is_uppercase), "{text}: body {body:?}");
    }
    let region = |text: &str| parse_dateline(text, r).and_then(|d| d.region);
    assert_eq!(region("KANO, Nigeria, March 2 (Reuters) - Gunmen").as_deref(), Some("Nigeria"));
    assert_eq!(region("SPRINGFIELD, Ill. (AP) — The governor").as_deref(), Some("Ill."));
    assert_eq!(region("ROME, March 3 (Reuters) - Italy said"), None);
    for text in [
        "The minister said - quietly - no.",
        "Yes, he said - then left.",
        "Rome, Paris, he said - then left.",
        "KANO, Nigeria, in the end - then",
        "",
        "-",
    ] {
        assert!(parse_dateline(text, r).is_none(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}", lang in "(en|it|es|fr|de|xx)", days in -40000i64..40000) {
        let published = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default() + chrono::Duration::days(days);
        for m in find_dates(&s, &lang, published) {
            prop_assert!(m.span.0 <= m.span.1 && m.span.1 <= s.chars().count());
        }
        let _ = parse_dateline(&s, Some(published));
    }

    #[test]
    fn never_panics_on_date_like_text(
        s in "(on |am |el |le |il )?([0-9]{1,4}[.,]? )?(Monday|lunedì|miércoles|mars|März|September|de|of|last|scorso|2024|13th|1er)( [0-9]{1,4})?"
    ) {
        let published = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default();
        for lang in ["en", "it", "es", "fr", "de"] {
            let _ = find_dates(&s, lang, published);
        }
    }
}
