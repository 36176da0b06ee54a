//! Abbreviations, initials and sentence-starter words per language.

use crate::Lang;

/// How a word followed by a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// An ordinary word: the period is punctuation.
    None,
    /// A title or initial (`Mr.`, `W.`, `dott.`): the period belongs to the
    /// word and never ends the sentence.
    NonFinal,
    /// An abbreviation that may end a sentence (`U.S.`, `Inc.`, `etc.`): the
    /// period belongs to the word; it ends the sentence only before a
    /// capitalized sentence-starter word.
    MaybeFinal,
}

const COMMON_NONFINAL: &[&str] = &["dr", "prof", "e.g", "i.e", "cf", "vs", "ca", "approx"];

const EN_NONFINAL: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "gen", "sen", "sens", "rep", "reps", "gov", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "rev", "hon", "brig", "cpl", "pvt", "supt", "insp", "det", "mt", "ft",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "no", "nos", "fig", "vol", "v", "st",
];
const EN_MAYBE: &[&str] =
    &["inc", "ltd", "corp", "co", "jr", "sr", "bros", "etc", "plc", "dept", "univ", "assn"];

const IT_NONFINAL: &[&str] = &[
    "sig", "sigg", "sig.ra", "sig.na", "dott", "dott.ssa", "dr", "on", "avv", "ing", "gen", "mons", "card",
    "pres", "sen", "dep", "arch", "geom", "rag", "prof.ssa", "p.es", "art", "pag", "cfr", "vol", "n", "nn",
    "s", "ss", "sen", "magg", "col", "ten", "cap", "gen", "amm", "c.so", "v.le", "p.zza", "fr",
];
const IT_MAYBE: &[&str] = &["ecc", "spa", "srl", "s.p.a", "s.r.l", "cit"];

const ES_NONFINAL: &[&str] = &[
    "sr", "sra", "srta", "sres", "sras", "dra", "lic", "ing", "gral", "gen", "d", "dña", "ud", "uds", "vd",
    "vds", "pág", "núm", "art", "av", "avda", "arq", "excmo", "excma", "ilmo", "mons", "pdte", "sto", "sta",
    "cnel", "tte", "cap", "col", "prof", "dr", "p.ej", "vol",
];
const ES_MAYBE: &[&str] = &["etc", "s.a", "s.l", "cía", "hnos"];

const FR_NONFINAL: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "me", "dr", "pr", "prof", "st", "ste", "gén", "col",
    "cdt", "lt", "av", "bd", "p", "vol", "art", "cf", "c.-à-d", "n", "env",
];
const FR_MAYBE: &[&str] = &["etc", "s.a", "cie", "sarl"];

const DE_NONFINAL: &[&str] = &[
    "hr", "hrn", "fr", "dr", "prof", "nr", "str", "bzw", "vgl", "ca", "evtl", "ggf", "inkl", "sog", "z.b",
    "d.h", "u.a", "s.o", "o.ä", "u.ä", "gen", "st", "abs", "art", "bspw", "jh", "mio", "mrd", "tsd", "jan",
    "feb", "febr", "aug", "sept", "okt", "nov", "dez", "dipl", "ing", "min", "max", "zit", "geb",
];
const DE_MAYBE: &[&str] = &["usw", "etc", "ggü", "gmbh", "ag", "e.v", "u.s.w"];

/// Words that, capitalized, make `U.S.`/`Inc.`/`etc.` before them sentence-final.
const EN_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "after",
    "as",
    "when",
    "while",
    "however",
    "meanwhile",
    "if",
    "for",
    "some",
    "many",
    "no",
    "yes",
    "what",
    "who",
    "since",
    "earlier",
    "later",
    "last",
    "officials",
    "both",
    "one",
    "two",
    "so",
    "yet",
    "also",
];
const IT_STARTERS: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "un", "una", "uno", "ma", "e", "in", "per", "con", "questo",
    "questa", "secondo", "dopo", "quando", "non", "si", "ci", "è", "anche", "nel", "nella", "al", "alla",
];
const ES_STARTERS: &[&str] = &[
    "el", "la", "los", "las", "un", "una", "pero", "y", "en", "por", "para", "con", "este", "esta", "según",
    "después", "cuando", "no", "se", "es", "también", "al", "del",
];
const FR_STARTERS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "mais", "et", "en", "pour", "avec", "ce", "cette", "selon",
    "après", "quand", "il", "elle", "ils", "elles", "on", "nous", "c", "au", "aux", "du",
];
const DE_STARTERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "aber", "und", "in", "im", "für", "mit",
    "dieser", "diese", "dieses", "nach", "als", "wenn", "er", "sie", "es", "wir", "ich", "man", "auch", "am",
    "zum", "zur",
];

const DE_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

fn lists(lang: Lang) -> (&'static [&'static str], &'static [&'static str]) {
    match lang {
        Lang::En => (EN_NONFINAL, EN_MAYBE),
        Lang::It => (IT_NONFINAL, IT_MAYBE),
        Lang::Es => (ES_NONFINAL, ES_MAYBE),
        Lang::Fr => (FR_NONFINAL, FR_MAYBE),
        Lang::De => (DE_NONFINAL, DE_MAYBE),
    }
}

/// Words that must be capitalized to count as titles: lower-case they are
/// ordinary words that often end sentences ("turned it on.", "said no.").
fn needs_capital(lang: Lang, lower: &str) -> bool {
    match lang {
        Lang::En => matches!(lower, "no" | "nos" | "gen" | "sen" | "rep" | "col" | "mt" | "ft" | "v" | "st"),
        Lang::Fr => matches!(lower, "me" | "m" | "p" | "n"),
        Lang::De => matches!(lower, "mai" | "art" | "min" | "max" | "ag"),
        Lang::Es => matches!(lower, "d" | "sta" | "sto" | "col"),
        Lang::It => matches!(lower, "n" | "s" | "col" | "cap" | "ten"),
    }
}

/// Classifies the word before a period (without the period).
pub(crate) fn classify(word: &str, lang: Lang) -> Abbrev {
    // "l'on." is "on." after an elided article.
    let word = word.rsplit_once('\'').map_or(word, |(_, w)| w);
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return Abbrev::None };
    if !first.is_alphabetic() {
        return Abbrev::None;
    }
    let single = chars.next().is_none();
    if single && first.is_uppercase() {
        return Abbrev::NonFinal; // an initial: "George W. Bush", "M. Macron"
    }
    if word.len() > 12 {
        return Abbrev::None;
    }
    let mut buf = [0u8; 48];
    let lower = lower_small(word, &mut buf);
    let (nonfinal, maybe) = lists(lang);
    if nonfinal.contains(&lower) || COMMON_NONFINAL.contains(&lower) {
        if needs_capital(lang, lower) && !first.is_uppercase() {
            return Abbrev::None;
        }
        return Abbrev::NonFinal;
    }
    if maybe.contains(&lower) {
        if needs_capital(lang, lower) && !first.is_uppercase() {
            return Abbrev::None;
        }
        return Abbrev::MaybeFinal;
    }
    // Dotted letters: "U.S", "U.N", "S.p.A", "a.m", "z.B".
    if word.contains('.')
        && word
            .split('.')
            .all(|seg| (1..=3).contains(&seg.chars().count()) && seg.chars().all(char::is_alphabetic))
    {
        return Abbrev::MaybeFinal;
    }
    Abbrev::None
}

/// Lower-cases a short word into `buf`; returns "" when it does not fit.
fn lower_small<'a>(word: &str, buf: &'a mut [u8; 48]) -> &'a str {
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let l = c.len_utf8();
        if n + l > buf.len() {
            return "";
        }
        c.encode_utf8(&mut buf[n..n + l]);
        n += l;
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// Whether `word` (capitalized) typically starts a sentence in `lang`.
pub(crate) fn is_starter(word: &str, lang: Lang) -> bool {
    let mut buf = [0u8; 48];
    let lower = lower_small(word, &mut buf);
    let list = match lang {
        Lang::En => EN_STARTERS,
        Lang::It => IT_STARTERS,
        Lang::Es => ES_STARTERS,
        Lang::Fr => FR_STARTERS,
        Lang::De => DE_STARTERS,
    };
    list.contains(&lower)
}

/// Whether `word` is a German month name (for ordinals such as "3. Oktober").
pub(crate) fn is_german_month(word: &str) -> bool {
    let mut buf = [0u8; 48];
    DE_MONTHS.contains(&lower_small(word, &mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let cases = [
            ("Mr", Lang::En, Abbrev::NonFinal),
            ("W", Lang::En, Abbrev::NonFinal),
            ("U.S", Lang::En, Abbrev::MaybeFinal),
            ("Inc", Lang::En, Abbrev::MaybeFinal),
            ("on", Lang::En, Abbrev::None),
            ("on", Lang::It, Abbrev::NonFinal),
            ("dott", Lang::It, Abbrev::NonFinal),
            ("S.p.A", Lang::It, Abbrev::MaybeFinal),
            ("Sra", Lang::Es, Abbrev::NonFinal),
            ("Mme", Lang::Fr, Abbrev::NonFinal),
            ("z.B", Lang::De, Abbrev::NonFinal),
            ("Hr", Lang::De, Abbrev::NonFinal),
            ("talks", Lang::En, Abbrev::None),
            ("no", Lang::En, Abbrev::None),
            ("No", Lang::En, Abbrev::NonFinal),
            ("", Lang::En, Abbrev::None),
            ("1990", Lang::En, Abbrev::None),
        ];
        for (w, l, want) in cases {
            assert_eq!(classify(w, l), want, "{w:?} in {l}");
        }
    }
}
