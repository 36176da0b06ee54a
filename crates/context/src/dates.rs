//! Event-date expressions in English, Italian, Spanish, French and German.
//!
//! [`find_dates`] finds the date expressions of a sentence and resolves each against the
//! publication date:
//!
//! | expression | examples | resolves to |
//! |---|---|---|
//! | weekday | "on Monday", "lunedì", "el miércoles", "mercredi", "am Mittwoch" | the most recent such day on or before publication |
//! | weekday + last / next | "last Monday", "lunedì scorso", "el pasado miércoles", "mardi prochain", "nächsten Montag" | the most recent such day strictly before / the next strictly after publication |
//! | today, yesterday, tomorrow | "oggi", "ayer", "avant-hier", "gestern", "this morning" | publication ± days |
//! | last / this / next week, month, year | "la settimana scorsa", "el mes pasado", "l'année dernière", "letzte Woche" | that week's Monday (week), that month (month), that year (year) |
//! | day and month, with or without year | "on September 13", "il 13 settembre", "el 13 de septiembre", "le 1er septembre", "am 13. September 2023" | that day; without a year, the publication year, or the year before when that would be more than 31 days after publication |
//! | month, with or without year | "in March 2023", "a marzo", "en mars" | that month (year as above) |
//! | year | "in 2022", "nel 2022", "en 2022", "im Jahr 2022" | that year |
//!
//! English month names count only when capitalised ("may", "march" are also words);
//! spans are char offsets into the sentence, end exclusive.
//!
//! ```
//! use chrono::NaiveDate;
//! use dyad_context::dates::{find_dates, Precision};
//!
//! let published = NaiveDate::from_ymd_opt(2024, 3, 8).unwrap(); // a Friday
//! let found = find_dates("El pasado miércoles y el 13 de febrero.", "es", published);
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].text, "pasado miércoles");
//! assert_eq!(found[0].date, NaiveDate::from_ymd_opt(2024, 3, 6).unwrap());
//! assert_eq!(found[1].date, NaiveDate::from_ymd_opt(2024, 2, 13).unwrap());
//! assert_eq!(found[1].precision, Precision::Day);
//! ```

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::normalize::{fold, tokenize, Token};

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day.
    Day,
    /// A week; the date is its Monday.
    Week,
    /// A month; the date is its first day.
    Month,
    /// A year; the date is its first day.
    Year,
}

/// A date expression found in a sentence and its resolved date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Char offsets of the expression in the sentence (start inclusive, end exclusive).
    pub span: (usize, usize),
    /// The expression as written.
    pub text: String,
    /// The resolved date (first day of the week, month or year for coarser precisions).
    pub date: NaiveDate,
    /// How precise `date` is.
    pub precision: Precision,
    /// The date opens a period that lasts until now ("since 2019", "desde abril",
    /// "depuis le 7 octobre", "seit 2014", "dal 2022"): it dates when a state began,
    /// not an act told in the same clause ("the first visit since 2019").
    #[serde(default)]
    pub opens_period: bool,
    /// The date follows "of", "del", "du", "vom" …: it belongs to the noun before it
    /// ("the attack of October 7", "las elecciones del 28 de julio", "der Angriff
    /// vom 7. Oktober") and dates an act only when that noun tells it.
    #[serde(default)]
    pub of_noun: bool,
}

/// What a relative phrase means.
#[derive(Clone, Copy, Debug)]
enum Rel {
    /// Publication date plus this many days.
    Days(i64),
    /// A calendar unit relative to the publication date's.
    Unit(Unit, i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Week,
    Month,
    Year,
}

/// Words of one language.
struct Lang {
    weekdays: &'static [(&'static str, Weekday)],
    months: &'static [(&'static str, u32)],
    /// Abbreviated months, accepted only next to a day number.
    month_abbr: &'static [(&'static str, u32)],
    /// Fixed phrases (folded words) and what they mean.
    phrases: &'static [(&'static [&'static str], Rel)],
    weeks: &'static [&'static str],
    months_unit: &'static [&'static str],
    years: &'static [&'static str],
    last: &'static [&'static str],
    next: &'static [&'static str],
    this: &'static [&'static str],
    /// Words that introduce a bare month or year ("in", "nel", "en", "im").
    intro: &'static [&'static str],
    /// Words allowed between day and month or month and year ("de", "di", "of").
    link: &'static [&'static str],
    /// Words that make the date the start of a period ("since", "desde", "seit").
    since: &'static [&'static str],
    /// Words that may stand between those and the date ("since the", "desde finales de").
    since_gap: &'static [&'static str],
    /// A "since" word and the word it needs after it ("" for any) to open a clause
    /// whose date is that clause's ("since he took office in March", "desde que
    /// asumió el cargo en marzo").
    since_clause: &'static [(&'static str, &'static str)],
    /// Words that make a date a noun's ("of", "del", "vom").
    of: &'static [&'static str],
    /// Nouns for a part of a period, whose date is the act's ("a finales de abril",
    /// "at the end of March").
    period_parts: &'static [&'static str],
    /// Words that stop a phrase from matching when they stand just before it.
    blockers: &'static [(&'static str, &'static [&'static str])],
    /// Whether month names must be capitalised.
    capital_months: bool,
}

use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};

const EN: Lang = Lang {
    weekdays: &[
        ("monday", Mon),
        ("tuesday", Tue),
        ("wednesday", Wed),
        ("thursday", Thu),
        ("friday", Fri),
        ("saturday", Sat),
        ("sunday", Sun),
    ],
    months: &[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
    ],
    month_abbr: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
    phrases: &[
        (&["the", "day", "before", "yesterday"], Rel::Days(-2)),
        (&["the", "day", "after", "tomorrow"], Rel::Days(2)),
        (&["today"], Rel::Days(0)),
        (&["tonight"], Rel::Days(0)),
        (&["this", "morning"], Rel::Days(0)),
        (&["this", "afternoon"], Rel::Days(0)),
        (&["this", "evening"], Rel::Days(0)),
        (&["yesterday"], Rel::Days(-1)),
        (&["last", "night"], Rel::Days(-1)),
        (&["tomorrow"], Rel::Days(1)),
    ],
    weeks: &["week"],
    months_unit: &["month"],
    years: &["year"],
    last: &["last", "past", "previous"],
    next: &["next", "coming"],
    this: &["this"],
    intro: &["in", "since", "until", "by", "during"],
    link: &["of"],
    since: &["since"],
    since_gap: &["the", "early", "late", "mid", "last"],
    since_clause: &[("since", "")],
    of: &["of"],
    period_parts: &["end", "beginning", "middle", "start", "half"],
    blockers: &[],
    capital_months: true,
};

const IT: Lang = Lang {
    weekdays: &[
        ("lunedi", Mon),
        ("martedi", Tue),
        ("mercoledi", Wed),
        ("giovedi", Thu),
        ("venerdi", Fri),
        ("sabato", Sat),
        ("domenica", Sun),
    ],
    months: &[
        ("gennaio", 1),
        ("febbraio", 2),
        ("marzo", 3),
        ("aprile", 4),
        ("maggio", 5),
        ("giugno", 6),
        ("luglio", 7),
        ("agosto", 8),
        ("settembre", 9),
        ("ottobre", 10),
        ("novembre", 11),
        ("dicembre", 12),
    ],
    month_abbr: &[
        ("gen", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("mag", 5),
        ("giu", 6),
        ("lug", 7),
        ("ago", 8),
        ("set", 9),
        ("sett", 9),
        ("ott", 10),
        ("nov", 11),
        ("dic", 12),
    ],
    phrases: &[
        (&["l", "altro", "ieri"], Rel::Days(-2)),
        (&["altroieri"], Rel::Days(-2)),
        (&["ieri", "l", "altro"], Rel::Days(-2)),
        (&["dopodomani"], Rel::Days(2)),
        (&["oggi"], Rel::Days(0)),
        (&["stamattina"], Rel::Days(0)),
        (&["stamani"], Rel::Days(0)),
        (&["stasera"], Rel::Days(0)),
        (&["stanotte"], Rel::Days(0)),
        (&["ieri"], Rel::Days(-1)),
        (&["domani"], Rel::Days(1)),
    ],
    weeks: &["settimana"],
    months_unit: &["mese"],
    years: &["anno"],
    last: &["scorso", "scorsa", "passato", "passata", "ultimo", "ultima"],
    next: &["prossimo", "prossima", "venturo", "ventura"],
    this: &["questo", "questa", "quest"],
    intro: &["nel", "nell", "a", "ad", "in", "dal", "dall", "fino", "entro", "durante"],
    link: &["di", "del"],
    since: &["dal", "dall", "dalla", "dallo", "da", "dai", "dagli"],
    since_gap: &["inizio", "fine", "meta", "primi", "il", "l", "lo", "la"],
    since_clause: &[("da", "quando"), ("dal", "momento")],
    of: &["di", "del", "dell", "della", "dello"],
    period_parts: &["fine", "inizio", "meta", "primi", "ultimi", "principio"],
    blockers: &[],
    capital_months: false,
};

const ES: Lang = Lang {
    weekdays: &[
        ("lunes", Mon),
        ("martes", Tue),
        ("miercoles", Wed),
        ("jueves", Thu),
        ("viernes", Fri),
        ("sabado", Sat),
        ("domingo", Sun),
    ],
    months: &[
        ("enero", 1),
        ("febrero", 2),
        ("marzo", 3),
        ("abril", 4),
        ("mayo", 5),
        ("junio", 6),
        ("julio", 7),
        ("agosto", 8),
        ("septiembre", 9),
        ("setiembre", 9),
        ("octubre", 10),
        ("noviembre", 11),
        ("diciembre", 12),
    ],
    month_abbr: &[
        ("ene", 1),
        ("feb", 2),
        ("mar", 3),
        ("abr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("ago", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dic", 12),
    ],
    phrases: &[
        (&["antes", "de", "ayer"], Rel::Days(-2)),
        (&["anteayer"], Rel::Days(-2)),
        (&["antier"], Rel::Days(-2)),
        (&["pasado", "manana"], Rel::Days(2)),
        (&["hoy"], Rel::Days(0)),
        (&["esta", "manana"], Rel::Days(0)),
        (&["esta", "tarde"], Rel::Days(0)),
        (&["esta", "noche"], Rel::Days(0)),
        (&["ayer"], Rel::Days(-1)),
        (&["anoche"], Rel::Days(-1)),
        (&["manana"], Rel::Days(1)),
    ],
    weeks: &["semana"],
    months_unit: &["mes"],
    years: &["ano"],
    last: &["pasado", "pasada", "ultimo", "ultima", "anterior"],
    next: &["proximo", "proxima", "entrante", "siguiente"],
    this: &["este", "esta"],
    intro: &["en", "desde", "hasta", "durante", "a", "de"],
    link: &["de", "del"],
    since: &["desde"],
    since_gap: &[
        "el",
        "la",
        "los",
        "finales",
        "principios",
        "comienzos",
        "fines",
        "inicios",
        "mediados",
        "de",
        "del",
    ],
    since_clause: &[("desde", "que")],
    of: &["de", "del"],
    period_parts: &[
        "finales",
        "principios",
        "comienzos",
        "fines",
        "mediados",
        "inicios",
        "fin",
        "final",
        "mitad",
    ],
    // "la mañana", "por la mañana": the morning, not tomorrow.
    blockers: &[("manana", &["la", "las", "por", "de", "cada", "una", "toda", "esa", "media"])],
    capital_months: false,
};

const FR: Lang = Lang {
    weekdays: &[
        ("lundi", Mon),
        ("mardi", Tue),
        ("mercredi", Wed),
        ("jeudi", Thu),
        ("vendredi", Fri),
        ("samedi", Sat),
        ("dimanche", Sun),
    ],
    months: &[
        ("janvier", 1),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("decembre", 12),
    ],
    month_abbr: &[
        ("janv", 1),
        ("fevr", 2),
        // AFP writes "3 fév".
        ("fev", 2),
        ("avr", 4),
        ("juil", 7),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
    phrases: &[
        (&["avant", "hier"], Rel::Days(-2)),
        (&["apres", "demain"], Rel::Days(2)),
        (&["aujourd", "hui"], Rel::Days(0)),
        (&["ce", "matin"], Rel::Days(0)),
        (&["ce", "soir"], Rel::Days(0)),
        (&["cet", "apres", "midi"], Rel::Days(0)),
        (&["hier"], Rel::Days(-1)),
        (&["demain"], Rel::Days(1)),
    ],
    weeks: &["semaine"],
    months_unit: &["mois"],
    years: &["annee", "an"],
    last: &["dernier", "derniere", "passe", "passee", "precedent", "precedente"],
    next: &["prochain", "prochaine"],
    this: &["cette", "ce", "cet"],
    intro: &["en", "depuis", "jusqu", "durant", "pendant", "d", "de"],
    link: &["de"],
    since: &["depuis"],
    since_gap: &["le", "la", "l", "les", "debut", "fin", "mi", "de"],
    since_clause: &[("depuis", "que"), ("depuis", "qu")],
    of: &["de", "du", "d"],
    period_parts: &["fin", "debut", "milieu", "mi"],
    blockers: &[],
    capital_months: false,
};

const DE: Lang = Lang {
    weekdays: &[
        ("montag", Mon),
        ("dienstag", Tue),
        ("mittwoch", Wed),
        ("donnerstag", Thu),
        ("freitag", Fri),
        ("samstag", Sat),
        ("sonnabend", Sat),
        ("sonntag", Sun),
    ],
    months: &[
        ("januar", 1),
        ("janner", 1),
        ("februar", 2),
        ("marz", 3),
        ("april", 4),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("dezember", 12),
    ],
    month_abbr: &[
        ("jan", 1),
        ("feb", 2),
        ("mrz", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("okt", 10),
        ("nov", 11),
        ("dez", 12),
    ],
    phrases: &[
        (&["vorgestern"], Rel::Days(-2)),
        (&["ubermorgen"], Rel::Days(2)),
        (&["heute"], Rel::Days(0)),
        (&["gestern"], Rel::Days(-1)),
        (&["morgen"], Rel::Days(1)),
        (&["vorjahr"], Rel::Unit(Unit::Year, -1)),
        (&["vormonat"], Rel::Unit(Unit::Month, -1)),
        (&["vorwoche"], Rel::Unit(Unit::Week, -1)),
    ],
    weeks: &["woche"],
    months_unit: &["monat"],
    years: &["jahr", "jahres"],
    last: &[
        "letzte",
        "letzten",
        "letztes",
        "letzter",
        "vergangene",
        "vergangenen",
        "vergangenes",
        "vergangener",
        "vorige",
        "vorigen",
        "voriges",
    ],
    next: &["nachste", "nachsten", "nachstes", "kommende", "kommenden", "kommendes"],
    this: &["diese", "diesen", "dieses", "dieser"],
    intro: &["im", "seit", "bis", "ab", "jahr", "jahre"],
    link: &[],
    since: &["seit"],
    since_gap: &["dem", "der", "anfang", "ende", "mitte", "vergangenem", "vergangenen", "letztem", "letzten"],
    since_clause: &[("seit", "")],
    of: &["vom", "des"],
    period_parts: &["ende", "anfang", "mitte"],
    // "am Morgen", "heute Morgen": the morning, not tomorrow.
    blockers: &[("morgen", &["am", "den", "dem", "jeden", "guten", "heute", "gestern", "einem", "diesen"])],
    capital_months: false,
};

/// The language whose tables read `lang`: its two-letter code, English for
/// anything else.
fn lang_code(lang: &str) -> &'static str {
    let code = lang.get(..2).unwrap_or("");
    ["it", "es", "fr", "de"].into_iter().find(|c| c.eq_ignore_ascii_case(code)).unwrap_or("en")
}

fn lang_table(lang: &str) -> &'static Lang {
    match lang_code(lang) {
        "it" => &IT,
        "es" => &ES,
        "fr" => &FR,
        "de" => &DE,
        _ => &EN,
    }
}

/// Whether `sentence` can hold a date expression at all: every one has a
/// weekday, month or unit name, the longest word of a fixed phrase, a year (four
/// digits), or a day number with a month abbreviation. Most sentences have
/// none, and this test costs far less than reading them. `folded` is the
/// sentence as [`fold`] gives it.
fn may_hold_a_date(folded: &str, lang: &str) -> bool {
    struct Keys {
        lang: &'static str,
        words: AhoCorasick,
        abbreviations: AhoCorasick,
    }
    static KEYS: OnceLock<Vec<Keys>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        ["en", "it", "es", "fr", "de"]
            .into_iter()
            .filter_map(|code| {
                let l = lang_table(code);
                let mut words: Vec<&str> = l.weekdays.iter().map(|(w, _)| *w).collect();
                words.extend(l.months.iter().map(|(w, _)| *w));
                words.extend(l.weeks.iter().chain(l.months_unit).chain(l.years).copied());
                words.extend(l.phrases.iter().filter_map(|(p, _)| p.iter().max_by_key(|w| w.len()).copied()));
                let abbreviations = l.month_abbr.iter().map(|(w, _)| *w);
                Some(Keys {
                    lang: code,
                    words: AhoCorasick::new(words).ok()?,
                    abbreviations: AhoCorasick::new(abbreviations).ok()?,
                })
            })
            .collect()
    });
    let code = lang_code(lang);
    let Some(keys) = keys.iter().find(|k| k.lang == code) else {
        return true;
    };
    let mut digits = 0;
    let mut longest = 0;
    for b in folded.bytes() {
        digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
        longest = longest.max(digits);
    }
    if longest >= 4 {
        return true;
    }
    keys.words.is_match(folded) || longest > 0 && keys.abbreviations.is_match(folded)
}

/// German weekday compounds: "Mittwochabend", "Montagmorgen".
const DE_DAY_PARTS: &[&str] = &["abend", "morgen", "nachmittag", "vormittag", "mittag", "nacht", "fruh"];

/// Finds and resolves the date expressions of `sentence`, written in `lang` (`en`, `it`, `es`,
/// `fr`, `de`; anything else is read as English), against the publication date `published`.
///
/// Mentions come in text order and do not overlap. Never panics.
pub fn find_dates(sentence: &str, lang: &str, published: NaiveDate) -> Vec<DateMention> {
    let table = lang_table(lang);
    let folded = fold(sentence);
    if !may_hold_a_date(&folded, lang) {
        return Vec::new();
    }
    let tokens = tokenize(&folded, sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((len, date, precision)) = match_at(table, &tokens, i, published) {
            let start = tokens.get(i).map_or(0, |t| t.start);
            let end = tokens.get(i + len - 1).map_or(start, |t| t.end);
            let text: String = sentence.chars().skip(start).take(end - start).collect();
            let opens_period = opens_period(table, &tokens, i);
            let of_noun = !opens_period
                && i > 0
                && is_in(table.of, word(&tokens, i - 1))
                && !(i > 1 && is_in(table.period_parts, word(&tokens, i - 2)));
            out.push(DateMention { span: (start, end), text, date, precision, opens_period, of_noun });
            i += len.max(1);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `word` names a day of the week or a month in `lang` ("jueves",
/// "Donnerstag", "settembre"): a time noun, which never heads an event phrase.
///
/// ```
/// assert!(dyad_context::dates::is_calendar_word("Jueves", "es"));
/// assert!(dyad_context::dates::is_calendar_word("septembre", "fr"));
/// assert!(!dyad_context::dates::is_calendar_word("instó", "es"));
/// ```
pub fn is_calendar_word(word: &str, lang: &str) -> bool {
    // Calendar words are 3 to 14 letters long ("mai", "Donnerstagabend").
    if !(3..=16).contains(&word.len()) || !word.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let table = lang_table(lang);
    // Folded on the stack: this runs for many words of every sentence.
    let mut buf = [0u8; 64];
    let mut len = 0;
    for c in word.chars() {
        let f = crate::normalize::fold_char(c);
        let Some(slot) = buf.get_mut(len..len + f.len_utf8()) else { return false };
        f.encode_utf8(slot);
        len += f.len_utf8();
    }
    let Some(folded) = buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()) else { return false };
    weekday_of(table, folded).is_some() || table.months.iter().any(|(m, _)| *m == folded)
}

fn word<'a>(tokens: &[Token<'a>], i: usize) -> &'a str {
    tokens.get(i).map_or("", |t| t.text)
}

/// Whether the date at token `i` follows a "since" word, directly or over up to two
/// gap words ("desde finales de abril", "seit dem 7. Oktober"), or stands in a
/// "since" clause ("since he took office in March", "depuis qu'il a pris ses
/// fonctions en mars").
fn opens_period(l: &Lang, t: &[Token], i: usize) -> bool {
    const CLAUSE_WORDS: usize = 8;
    let after_since = (1..=3).any(|back| {
        i >= back
            && is_in(l.since, word(t, i - back))
            && (i - back + 1..i).all(|k| is_in(l.since_gap, word(t, k)))
    });
    // A comma, a bracket or a quote closes the clause.
    let breaks =
        |k: usize| t.get(k).and_then(|t| t.next).is_some_and(|c| !c.is_alphanumeric() && !"'’-".contains(c));
    let in_since_clause = (1..=CLAUSE_WORDS.min(i)).any(|back| {
        let start = i - back;
        l.since_clause
            .iter()
            .any(|(since, then)| word(t, start) == *since && (then.is_empty() || word(t, start + 1) == *then))
            && !(start..i).any(breaks)
    });
    after_since || in_since_clause
}

fn is_in(list: &[&str], w: &str) -> bool {
    !w.is_empty() && list.contains(&w)
}

/// Tries every pattern at token `i`; returns the number of tokens used, the date and precision.
fn match_at(l: &Lang, t: &[Token], i: usize, published: NaiveDate) -> Option<(usize, NaiveDate, Precision)> {
    if let Some(m) = absolute(l, t, i, published) {
        return Some(m);
    }
    if let Some(m) = weekday(l, t, i, published) {
        return Some(m);
    }
    if let Some(m) = unit_phrase(l, t, i, published) {
        return Some(m);
    }
    if let Some(m) = fixed_phrase(l, t, i, published) {
        return Some(m);
    }
    year_only(l, t, i)
}

fn fixed_phrase(
    l: &Lang,
    t: &[Token],
    i: usize,
    published: NaiveDate,
) -> Option<(usize, NaiveDate, Precision)> {
    for (words, rel) in l.phrases {
        if words.iter().enumerate().all(|(k, w)| word(t, i + k) == *w) {
            if let Some(first) = words.first() {
                let before = if i > 0 { word(t, i - 1) } else { "" };
                let blocked =
                    l.blockers.iter().any(|(w, prev)| w == first && words.len() == 1 && is_in(prev, before));
                if blocked {
                    continue;
                }
            }
            return resolve_rel(*rel, published).map(|(d, p)| (words.len(), d, p));
        }
    }
    None
}

fn resolve_rel(rel: Rel, published: NaiveDate) -> Option<(NaiveDate, Precision)> {
    match rel {
        Rel::Days(n) => published.checked_add_signed(Duration::days(n)).map(|d| (d, Precision::Day)),
        Rel::Unit(Unit::Week, n) => {
            let monday = published
                .checked_sub_signed(Duration::days(i64::from(published.weekday().num_days_from_monday())))?;
            monday.checked_add_signed(Duration::weeks(i64::from(n))).map(|d| (d, Precision::Week))
        }
        Rel::Unit(Unit::Month, n) => {
            let months = published.year() * 12 + published.month0() as i32 + n;
            let d = NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)?;
            Some((d, Precision::Month))
        }
        Rel::Unit(Unit::Year, n) => {
            NaiveDate::from_ymd_opt(published.year() + n, 1, 1).map(|d| (d, Precision::Year))
        }
    }
}

fn unit_of(l: &Lang, w: &str) -> Option<Unit> {
    if is_in(l.weeks, w) {
        Some(Unit::Week)
    } else if is_in(l.months_unit, w) {
        Some(Unit::Month)
    } else if is_in(l.years, w) {
        Some(Unit::Year)
    } else {
        None
    }
}

fn direction(l: &Lang, w: &str) -> Option<i32> {
    if is_in(l.last, w) {
        Some(-1)
    } else if is_in(l.next, w) {
        Some(1)
    } else if is_in(l.this, w) {
        Some(0)
    } else {
        None
    }
}

/// "last week", "la settimana scorsa", "el año que viene", "l'année dernière", "letzte Woche".
fn unit_phrase(
    l: &Lang,
    t: &[Token],
    i: usize,
    published: NaiveDate,
) -> Option<(usize, NaiveDate, Precision)> {
    let w0 = word(t, i);
    let w1 = word(t, i + 1);
    // modifier before the unit
    if let (Some(dir), Some(unit)) = (direction(l, w0), unit_of(l, w1)) {
        // "dieses Jahr 2022" is a year, handled by year_only; "this year" alone is fine.
        return resolve_rel(Rel::Unit(unit, dir), published).map(|(d, p)| (2, d, p));
    }
    if let Some(unit) = unit_of(l, w0) {
        if let Some(dir) = direction(l, w1) {
            if dir != 0 {
                return resolve_rel(Rel::Unit(unit, dir), published).map(|(d, p)| (2, d, p));
            }
        }
        // Spanish "el año que viene"
        if w1 == "que" && word(t, i + 2) == "viene" && std::ptr::eq(l, &ES) {
            return resolve_rel(Rel::Unit(unit, 1), published).map(|(d, p)| (3, d, p));
        }
    }
    None
}

fn weekday_of(l: &Lang, w: &str) -> Option<Weekday> {
    if let Some((_, d)) = l.weekdays.iter().find(|(n, _)| *n == w) {
        return Some(*d);
    }
    if std::ptr::eq(l, &DE) {
        for (n, d) in l.weekdays {
            if let Some(rest) = w.strip_prefix(n) {
                if DE_DAY_PARTS.contains(&rest) {
                    return Some(*d);
                }
            }
        }
    }
    None
}

/// A weekday, optionally with a "last"/"next" word on either side.
fn weekday(l: &Lang, t: &[Token], i: usize, published: NaiveDate) -> Option<(usize, NaiveDate, Precision)> {
    let w0 = word(t, i);
    let (day_at, mut dir, mut len) = match weekday_of(l, w0) {
        Some(_) => (i, 0, 1),
        None => match (direction(l, w0), weekday_of(l, word(t, i + 1))) {
            (Some(d), Some(_)) if d != 0 => (i + 1, d, 2),
            _ => return None,
        },
    };
    let day = weekday_of(l, word(t, day_at))?;
    if l.capital_months && !t.get(day_at).is_some_and(|t| t.capital) {
        return None;
    }
    if dir == 0 {
        if let Some(d) = direction(l, word(t, day_at + 1)) {
            if d != 0 {
                dir = d;
                len += 1;
            }
        }
    }
    let pub_n = i64::from(published.weekday().num_days_from_monday());
    let day_n = i64::from(day.num_days_from_monday());
    let offset = match dir {
        -1 => {
            let back = (pub_n - day_n).rem_euclid(7);
            -(if back == 0 { 7 } else { back })
        }
        1 => {
            let fwd = (day_n - pub_n).rem_euclid(7);
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => -((pub_n - day_n).rem_euclid(7)),
    };
    let date = published.checked_add_signed(Duration::days(offset))?;
    Some((len, date, Precision::Day))
}

fn month_of(l: &Lang, tok: Option<&Token>, allow_abbr: bool) -> Option<u32> {
    let tok = tok?;
    let w = tok.text;
    if l.capital_months && !tok.capital {
        return None;
    }
    if let Some((_, m)) = l.months.iter().find(|(n, _)| *n == w) {
        return Some(*m);
    }
    if allow_abbr {
        if let Some((_, m)) = l.month_abbr.iter().find(|(n, _)| *n == w) {
            return Some(*m);
        }
    }
    None
}

/// A day number: "13", "13th", "1st", "1er", "1º", "1o"; `13.` in German is "13" followed by '.'.
fn day_of(tok: Option<&Token>) -> Option<u32> {
    let w = tok?.text;
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let rest = w.get(digits.len()..).unwrap_or("");
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(rest, "" | "st" | "nd" | "rd" | "th" | "er" | "o" | "º" | "eme")
    {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_of(tok: Option<&Token>) -> Option<i32> {
    let w = tok?.text;
    if w.len() != 4 || !w.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The publication year, or the one before when the date would fall more than 31 days after
/// publication.
fn infer_year(published: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let y = published.year();
    let this = NaiveDate::from_ymd_opt(y, month, day);
    match this {
        Some(d) if d <= published + Duration::days(31) => Some(d),
        _ => NaiveDate::from_ymd_opt(y - 1, month, day).or(this),
    }
}

/// Day-month(-year), month-day(-year), month-year and introduced month.
fn absolute(l: &Lang, t: &[Token], i: usize, published: NaiveDate) -> Option<(usize, NaiveDate, Precision)> {
    // day first: "13 settembre", "13 de septiembre", "13th of September", "13. September"
    if let Some(day) = day_of(t.get(i)) {
        let mut j = i + 1;
        if is_in(l.link, word(t, j)) {
            j += 1;
        }
        if let Some(month) = month_of(l, t.get(j), true) {
            let mut k = j + 1;
            if is_in(l.link, word(t, k)) && year_of(t.get(k + 1)).is_some() {
                k += 1;
            }
            if let Some(year) = year_of(t.get(k)) {
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((k - i + 1, d, Precision::Day));
            }
            let d = infer_year(published, month, day)?;
            return Some((j - i + 1, d, Precision::Day));
        }
    }
    let month = month_of(l, t.get(i), false).or_else(|| {
        // abbreviations only when a day number follows: "Sept. 13"
        month_of(l, t.get(i), true).filter(|_| day_of(t.get(i + 1)).is_some())
    })?;
    // month first: "September 13", "September 13, 2023"
    if let Some(day) = day_of(t.get(i + 1)) {
        if t.get(i + 1).and_then(|t| t.next) != Some(':') {
            if let Some(year) = year_of(t.get(i + 2)) {
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((3, d, Precision::Day));
            }
            let d = infer_year(published, month, day)?;
            return Some((2, d, Precision::Day));
        }
    }
    // month year: "March 2023", "marzo de 2023"
    let mut k = i + 1;
    if is_in(l.link, word(t, k)) {
        k += 1;
    }
    if let Some(year) = year_of(t.get(k)) {
        let d = NaiveDate::from_ymd_opt(year, month, 1)?;
        return Some((k - i + 1, d, Precision::Month));
    }
    // introduced month: "in March", "a marzo", "en mars", "im März"
    let before = if i > 0 { word(t, i - 1) } else { "" };
    if is_in(l.intro, before) && month_of(l, t.get(i), false).is_some() {
        let d = infer_year(published, month, 1)?;
        return Some((1, d, Precision::Month));
    }
    None
}

/// A four-digit year after an introducing word: "in 2022", "nel 2022", "im Jahr 2022".
fn year_only(l: &Lang, t: &[Token], i: usize) -> Option<(usize, NaiveDate, Precision)> {
    let year = year_of(t.get(i))?;
    let before = if i > 0 { word(t, i - 1) } else { "" };
    if !(is_in(l.intro, before) || unit_of(l, before) == Some(Unit::Year)) {
        return None;
    }
    // "in 2022 people" is fine; "in 2022-23" too. A following unit ("2022 soldiers") is not a year,
    // but numbers are rare there; a following digit group ("2 000") is a number.
    if t.get(i).and_then(|t| t.next).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, 1, 1).map(|d| (1, d, Precision::Year))
}

/// The opening dateline of an article: `ROME, March 3 (Reuters) -`, `PARIGI, 3 marzo -`,
/// `BERLIN (dpa) -`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as written (`ROME`, `PARIGI`).
    pub place: String,
    /// The country or region written after the place, if any (`Nigeria` in
    /// `KANO, Nigeria, June 16 (Reuters) -`, `Ill.` in `SPRINGFIELD, Ill. (AP) -`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The news agency in parentheses, if any (`Reuters`).
    pub source: Option<String>,
    /// Month and day, when the dateline names them.
    pub month_day: Option<(u32, u32)>,
    /// The full date: with the year written, or completed from the reference date.
    pub date: Option<NaiveDate>,
    /// Char offset where the article body starts, after the separator.
    pub body_start: usize,
}

/// Whether the start of `text` has a separator a dateline could end with: an em or en dash,
/// or a hyphen standing alone (" - ", " -- ", ".- "). Most articles have none, and bytes are
/// cheaper to look at than chars; a dash past the 160th char only costs the full reading.
fn may_have_dateline(text: &str) -> bool {
    let head = text.as_bytes();
    let head = head.get(..head.len().min(160 * 4)).unwrap_or(head);
    head.iter().enumerate().any(|(i, &b)| match b {
        // the common prefix of U+2014 and U+2013 in UTF-8
        0xE2 => matches!(head.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])),
        b'-' => {
            let prev = i.checked_sub(1).and_then(|p| head.get(p)).copied().unwrap_or(b' ');
            let next = head.get(i + 1).copied().unwrap_or(b' ');
            (prev.is_ascii_whitespace() || matches!(prev, b')' | b'.' | b'-'))
                && (next.is_ascii_whitespace() || next == b'-')
        }
        _ => false,
    })
}

/// Reads the dateline at the start of `text`, if there is one.
///
/// A dateline is an upper-case-initial place name of at most six words, optionally followed
/// by a comma and a date, optionally by an agency in parentheses, then a dash separator
/// (`-`, `–`, `—`, `--`, `.-`) within the first 160 characters. Month names of all five
/// languages, full or abbreviated, are understood. A date without a year is completed from
/// `reference` (a crawl or feed date), choosing the year that puts it on or before (at most
/// 31 days after) the reference. Never panics.
///
/// ```
/// use chrono::NaiveDate;
/// use dyad_context::dates::parse_dateline;
///
/// let d = parse_dateline("ROME, March 3 (Reuters) - Italy said...", NaiveDate::from_ymd_opt(2024, 3, 4)).unwrap();
/// assert_eq!(d.place, "ROME");
/// assert_eq!(d.source.as_deref(), Some("Reuters"));
/// assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 3, 3));
/// let d = parse_dateline("PARIGI, 3 marzo 2023 - Il presidente...", None).unwrap();
/// assert_eq!(d.date, NaiveDate::from_ymd_opt(2023, 3, 3));
/// assert!(parse_dateline("The minister said - quietly - no.", None).is_none());
/// // The agency may come first, as ANSA writes it.
/// let d = parse_dateline("(ANSA) - BEIRUT, 6 NOV - L'aviazione...", NaiveDate::from_ymd_opt(2025, 11, 6)).unwrap();
/// assert_eq!((d.place.as_str(), d.source.as_deref()), ("BEIRUT", Some("ANSA")));
/// assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 11, 6));
/// ```
pub fn parse_dateline(text: &str, reference: Option<NaiveDate>) -> Option<Dateline> {
    read_dateline(text, reference, true)
}

/// The dateline of an article body: at its start, or, in scraped copy, after
/// at most three short lines that precede it (a repeated headline, a stray
/// "Publicidad" or menu line). A line of more than 30 words is a lead
/// paragraph, and no dateline is looked for past it. `body_start` counts
/// chars from the start of `text`. Never panics.
///
/// ```
/// use chrono::NaiveDate;
/// use dyad_context::dates::find_dateline;
///
/// let body = "Protestas en Santiago de Cuba\n\nPublicidad\n\nLa Habana, 18 ago (EFE).- Cientos de vecinos …";
/// let d = find_dateline(body, NaiveDate::from_ymd_opt(2026, 8, 18)).unwrap();
/// assert_eq!((d.place.as_str(), d.date), ("La Habana", NaiveDate::from_ymd_opt(2026, 8, 18)));
/// assert!(body.chars().skip(d.body_start).collect::<String>().starts_with("Cientos"));
/// assert!(find_dateline("Share this article\n\nROME - Italy said …", None).is_some());
/// let lead = "word ".repeat(31);
/// assert!(find_dateline(&format!("{lead}\n\nROME - Italy said …"), None).is_none());
/// ```
pub fn find_dateline(text: &str, reference: Option<NaiveDate>) -> Option<Dateline> {
    const MAX_LINES_BEFORE: usize = 3;
    const MAX_WORDS_BEFORE: usize = 30;
    if let Some(d) = parse_dateline(text, reference) {
        return Some(d);
    }
    let mut rest = text;
    let mut skipped_chars = 0;
    for _ in 0..MAX_LINES_BEFORE {
        let (line, after) = rest.split_once('\n')?;
        if line.split_whitespace().count() > MAX_WORDS_BEFORE {
            return None;
        }
        let next = after.trim_start();
        skipped_chars += rest.get(..rest.len() - next.len()).unwrap_or_default().chars().count();
        rest = next;
        if let Some(d) = parse_dateline(rest, reference) {
            return Some(Dateline { body_start: d.body_start + skipped_chars, ..d });
        }
    }
    None
}

/// [`parse_dateline`]; with `agency_first`, the agency may stand alone
/// before a dateline of its own ("(ANSA) - ROMA, 12 MAR - …").
fn read_dateline(text: &str, reference: Option<NaiveDate>, agency_first: bool) -> Option<Dateline> {
    if !may_have_dateline(text) {
        return None;
    }
    let chars: Vec<char> = text.chars().take(200).collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    // find the separator
    let mut sep = None;
    let mut k = lead;
    while k < chars.len().min(160) {
        let c = chars.get(k).copied().unwrap_or(' ');
        let next = chars.get(k + 1).copied().unwrap_or(' ');
        let prev = if k > 0 { chars.get(k - 1).copied().unwrap_or(' ') } else { ' ' };
        if c == '\n' {
            break;
        }
        let is_sep = match c {
            '—' | '–' => true,
            '-' => {
                (prev.is_whitespace() || prev == ')' || prev == '.' || prev == '-')
                    && (next.is_whitespace() || next == '-')
            }
            _ => false,
        };
        if is_sep {
            let mut end = k + 1;
            while chars.get(end).is_some_and(|c| matches!(c, '-' | '—' | '–')) {
                end += 1;
            }
            while chars.get(end).is_some_and(|c| c.is_whitespace()) {
                end += 1;
            }
            let head_end = if prev == '.' { k - 1 } else { k };
            sep = Some((head_end, end));
            break;
        }
        k += 1;
    }
    let (head_end, body_start) = sep?;
    let head: String = chars.get(lead..head_end)?.iter().collect();
    let head = head.trim();
    // split off "(Agency)"
    let (before_paren, source) = match (head.find('('), head.rfind(')')) {
        (Some(a), Some(b)) if a < b => {
            let src = head.get(a + 1..b).unwrap_or("").trim().to_string();
            let tail = head.get(b + 1..).unwrap_or("").trim();
            if !tail.is_empty() {
                return None;
            }
            (head.get(..a).unwrap_or("").trim(), (!src.is_empty()).then_some(src))
        }
        (None, None) => (head, None),
        _ => return None,
    };
    if before_paren.is_empty() && agency_first {
        // "(ANSA) - BEIRUT, 6 NOV - …": the dateline follows the agency.
        let after_agency = text.char_indices().nth(body_start).map(|(at, _)| at)?;
        let mut dateline = read_dateline(text.get(after_agency..)?, reference, false)?;
        dateline.source = dateline.source.or(source);
        dateline.body_start += body_start;
        return Some(dateline);
    }
    let (place, date_part) = match before_paren.find(',') {
        Some(c) => {
            (before_paren.get(..c).unwrap_or("").trim(), before_paren.get(c + 1..).unwrap_or("").trim())
        }
        None => (before_paren, ""),
    };
    if !is_place_name(place, 6) {
        return None;
    }
    let (mut month_day, mut date) = dateline_date(date_part, reference);
    let mut region = None;
    if !date_part.is_empty() && month_day.is_none() && date.is_none() {
        // "KANO, Nigeria, June 16", "SPRINGFIELD, Ill.": a region may stand
        // between the place and the date. Anything else after the comma is no
        // dateline ("Yes, he said - ").
        let (name, rest) = match date_part.find(',') {
            Some(c) => (date_part.get(..c).unwrap_or("").trim(), date_part.get(c + 1..).unwrap_or("").trim()),
            None => (date_part, ""),
        };
        if !is_place_name(name, 4) {
            return None;
        }
        (month_day, date) = dateline_date(rest, reference);
        if !rest.is_empty() && month_day.is_none() && date.is_none() {
            return None;
        }
        region = Some(name.to_string());
    }
    Some(Dateline { place: place.to_string(), region, source, month_day, date, body_start })
}

/// Whether `name` reads as a dateline's place: at most `max_words` words,
/// each upper-case-initial or a short particle ("RIO DE JANEIRO"), of
/// letters and the punctuation of names ("Ill.", "Aix-en-Provence").
fn is_place_name(name: &str, max_words: usize) -> bool {
    let words = name.split_whitespace().count();
    name.chars().next().is_some_and(char::is_uppercase)
        && (1..=max_words).contains(&words)
        && name.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || w.chars().count() <= 3 && w.chars().all(char::is_lowercase)
        })
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '\'' | '’' | '-' | '/'))
}

fn dateline_date(part: &str, reference: Option<NaiveDate>) -> (Option<(u32, u32)>, Option<NaiveDate>) {
    let folded = fold(part);
    let t = tokenize(&folded, part);
    for l in [&EN, &IT, &ES, &FR, &DE] {
        let month_at = |i: usize| {
            let tok = t.get(i)?;
            l.months.iter().chain(l.month_abbr.iter()).find(|(n, _)| *n == tok.text).map(|(_, m)| *m)
        };
        // day month [year] or month day [year]
        let found = if let (Some(day), Some(month)) = (
            day_of(t.first()),
            month_at(1).or_else(|| if is_in(l.link, word(&t, 1)) { month_at(2) } else { None }),
        ) {
            Some((month, day))
        } else if let (Some(month), Some(day)) = (month_at(0), day_of(t.get(1))) {
            Some((month, day))
        } else {
            None
        };
        if let Some((month, day)) = found {
            let year = t.iter().find_map(|tok| year_of(Some(tok)));
            let date = match (year, reference) {
                (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day),
                (None, Some(r)) => infer_year(r, month, day),
                (None, None) => None,
            };
            if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
                return (None, None);
            }
            return (Some((month, day)), date);
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The separator rule of `parse_dateline`, read char by char.
    fn has_separator(text: &str) -> bool {
        let chars: Vec<char> = text.chars().take(161).collect();
        (0..chars.len().min(160)).any(|k| {
            let at = |i: Option<usize>| i.and_then(|i| chars.get(i)).copied().unwrap_or(' ');
            match at(Some(k)) {
                '—' | '–' => true,
                '-' => {
                    let (prev, next) = (at(k.checked_sub(1)), at(Some(k + 1)));
                    (prev.is_whitespace() || matches!(prev, ')' | '.' | '-'))
                        && (next.is_whitespace() || next == '-')
                }
                _ => false,
            }
        })
    }

    proptest! {
        #[test]
        fn the_byte_precheck_misses_no_separator(text in "[A-Za-zé ,.()\\-—–\n]{0,200}") {
            if has_separator(&text) {
                prop_assert!(may_have_dateline(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn the_byte_precheck_passes_over_plain_hyphens() {
        assert!(!may_have_dateline("Some 70 percent of government-run schools are on strike."));
        assert!(may_have_dateline("ROME, March 3 (Reuters) - Italy said"));
        assert!(may_have_dateline("ROMA — Il governo"));
        assert!(may_have_dateline("BERLIN (dpa).- Die Regierung"));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    /// The quick test before reading a sentence must let every date through.
    #[test]
    fn the_prefilter_passes_every_date_word() {
        let published = d(2023, 9, 15);
        for code in ["en", "it", "es", "fr", "de"] {
            let l = lang_table(code);
            let mut phrases: Vec<String> = l.weekdays.iter().map(|(w, _)| w.to_string()).collect();
            phrases.extend(l.months.iter().map(|(w, _)| w.to_string()));
            phrases.extend(l.phrases.iter().map(|(p, _)| p.join(" ")));
            phrases.extend(l.month_abbr.iter().map(|(w, _)| format!("{w} 13")));
            for p in phrases {
                assert!(may_hold_a_date(&p, code), "{code}: {p:?} was filtered out");
            }
        }
        assert!(may_hold_a_date("The war began in 2014.", "en"));
        assert!(!may_hold_a_date("Arnor accused Gondor of lying about 54 soldiers.", "en"));
        assert_eq!(find_dates("Sie traf ihn am Mittwochabend.", "de", published).len(), 1);
    }

    #[test]
    fn infer_year_goes_back_when_far_ahead() {
        assert_eq!(infer_year(d(2024, 1, 10), 12, 25), Some(d(2023, 12, 25)));
        assert_eq!(infer_year(d(2024, 1, 10), 2, 5), Some(d(2024, 2, 5)));
        assert_eq!(infer_year(d(2023, 3, 1), 2, 29), None);
        assert_eq!(infer_year(d(2024, 3, 1), 2, 29), Some(d(2024, 2, 29)));
    }
}
