//! The dictionaries embedded in the binary, by language.

use std::borrow::Cow;
use std::io;
use std::path::PathBuf;

use crate::error::{LexiconError, Result};
use crate::model::Lexicon;

/// `(file name, text)` of each built-in English dictionary.
const EN: &[(&str, &str)] = &[
    ("en/countries.dyad", include_str!("../../data/en/countries.dyad")),
    ("en/organizations.dyad", include_str!("../../data/en/organizations.dyad")),
    ("en/agents.dyad", include_str!("../../data/en/agents.dyad")),
    ("en/verbs.dyad", include_str!("../../data/en/verbs.dyad")),
    ("en/discards.dyad", include_str!("../../data/en/discards.dyad")),
    ("en/offices.dyad", include_str!("../../data/en/offices.dyad")),
];

/// `(file name, text)` of each built-in Italian dictionary.
const IT: &[(&str, &str)] = &[
    ("it/countries.dyad", include_str!("../../data/it/countries.dyad")),
    ("it/organizations.dyad", include_str!("../../data/it/organizations.dyad")),
    ("it/agents.dyad", include_str!("../../data/it/agents.dyad")),
    ("it/verbs.dyad", include_str!("../../data/it/verbs.dyad")),
    ("it/discards.dyad", include_str!("../../data/it/discards.dyad")),
    ("it/offices.dyad", include_str!("../../data/it/offices.dyad")),
];

/// `(file name, text)` of each built-in Spanish dictionary.
const ES: &[(&str, &str)] = &[
    ("es/countries.dyad", include_str!("../../data/es/countries.dyad")),
    ("es/organizations.dyad", include_str!("../../data/es/organizations.dyad")),
    ("es/agents.dyad", include_str!("../../data/es/agents.dyad")),
    ("es/verbs.dyad", include_str!("../../data/es/verbs.dyad")),
    ("es/discards.dyad", include_str!("../../data/es/discards.dyad")),
    ("es/offices.dyad", include_str!("../../data/es/offices.dyad")),
];

/// `(file name, text)` of each built-in French dictionary.
const FR: &[(&str, &str)] = &[
    ("fr/countries.dyad", include_str!("../../data/fr/countries.dyad")),
    ("fr/organizations.dyad", include_str!("../../data/fr/organizations.dyad")),
    ("fr/agents.dyad", include_str!("../../data/fr/agents.dyad")),
    ("fr/verbs.dyad", include_str!("../../data/fr/verbs.dyad")),
    ("fr/discards.dyad", include_str!("../../data/fr/discards.dyad")),
    ("fr/offices.dyad", include_str!("../../data/fr/offices.dyad")),
];

/// `(file name, text)` of each built-in German dictionary.
const DE: &[(&str, &str)] = &[
    ("de/countries.dyad", include_str!("../../data/de/countries.dyad")),
    ("de/organizations.dyad", include_str!("../../data/de/organizations.dyad")),
    ("de/agents.dyad", include_str!("../../data/de/agents.dyad")),
    ("de/verbs.dyad", include_str!("../../data/de/verbs.dyad")),
    ("de/discards.dyad", include_str!("../../data/de/discards.dyad")),
    ("de/offices.dyad", include_str!("../../data/de/offices.dyad")),
];

/// Knowledge bases shared by every language: office holders with their terms
/// (names of people are written the same way in all five languages), and named
/// parties, armed groups, unions and movements with their names in all five.
const KB: &[(&str, &str)] = &[
    ("kb/office_holders.dyad", include_str!("../../data/kb/office_holders.dyad")),
    ("kb/leaders_countryinfo.dyad", include_str!("../../data/kb/leaders_countryinfo.dyad")),
    ("kb/groups.dyad", include_str!("../../data/kb/groups.dyad")),
];

/// The environment variable that makes [`builtin`] read the built-in files from
/// a folder laid out like `crates/lexicon/data` instead of the copies embedded
/// at build time, so that a dictionary edit can be tried without a rebuild.
pub const DICTIONARY_DIR_ENV: &str = "DYAD_DICTIONARY_DIR";

/// The text of one built-in file: the embedded copy, or the file of the same
/// name under [`DICTIONARY_DIR_ENV`] when that is set.
fn builtin_text(name: &str, embedded: &'static str) -> Result<Cow<'static, str>> {
    match std::env::var_os(DICTIONARY_DIR_ENV) {
        None => Ok(Cow::Borrowed(embedded)),
        Some(dir) => {
            let path = PathBuf::from(dir).join(name);
            std::fs::read_to_string(&path).map(Cow::Owned).map_err(|source| LexiconError::Io { path, source })
        }
    }
}

/// The languages that have built-in dictionaries (ISO 639 codes).
pub fn builtin_languages() -> &'static [&'static str] {
    &["en", "it", "es", "fr", "de"]
}

/// The embedded files of a language, as `(name, text)`; `None` when the
/// language has no built-in dictionary.
pub fn builtin_files(lang: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match lang {
        "it" => Some(IT),
        "en" => Some(EN),
        "es" => Some(ES),
        "fr" => Some(FR),
        "de" => Some(DE),
        _ => None,
    }
}

/// The built-in dictionary of a language (`"en"`), all its files merged.
/// Entries name their file as `builtin:en/verbs.dyad`. Its capitals stand for
/// their governments when they act ([`CodingOptions::capitals_as_government`](crate::model::CodingOptions::capitals_as_government)).
///
/// ```
/// let lex = dyad_lexicon::own::builtin("it").unwrap();
/// assert!(lex.options.capitals_as_government);
/// ```
///
/// Fails when the language has no built-in dictionary (the error names the
/// language and those available), or when a file declares another language.
/// With `DYAD_DICTIONARY_DIR` set ([`DICTIONARY_DIR_ENV`]) the files are read
/// from that folder, and a missing one fails with its path.
pub fn builtin(lang: &str) -> Result<Lexicon> {
    let Some(files) = builtin_files(lang) else {
        return Err(LexiconError::Io {
            path: format!("builtin:{lang}").into(),
            source: io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "no built-in dictionary for language \"{lang}\" (available: {})",
                    builtin_languages().join(", ")
                ),
            ),
        });
    };
    let mut lex = Lexicon::default();
    for (name, text) in files {
        let file = format!("builtin:{name}");
        let text = builtin_text(name, text)?;
        let parsed = super::parse_file(&text, &file)?;
        if parsed.language != lang {
            return Err(LexiconError::Syntax {
                file,
                line: 1,
                message: format!("declares language \"{}\", expected \"{lang}\"", parsed.language),
            });
        }
        lex.extend(parsed.lexicon);
    }
    lex.extend(knowledge_base()?.clone());
    lex.options.capitals_as_government = true;
    lex.options.roles_take_country = true;
    lex.options.roles_keep_specific_codes = true;
    lex.options.counted_people_are_civilians = true;
    lex.options.domestic_events_at_home = true;
    lex.options.domestic_pairs = true;
    lex.options.political_attacks_are_verbal = true;
    lex.options.plain_statements_are_no_events = true;
    lex.options.meetings_are_mutual = true;
    lex.options.own_country_is_no_target = true;
    lex.options.home_country = home_country(lang).map(str::to_string);
    lex.options.language = Some(lang.to_string());
    Ok(lex)
}

/// The country whose press writes `lang` overwhelmingly: Italian is Italy's.
/// English, Spanish, French and German are written in many states, so roles
/// alone stay without a country there.
fn home_country(lang: &str) -> Option<&'static str> {
    match lang {
        "it" => Some("ITA"),
        _ => None,
    }
}

/// The knowledge bases, parsed once per process: every language shares
/// them, and their 6,000 dated entries were most of a language's parse.
fn knowledge_base() -> Result<&'static Lexicon> {
    /// A failed parse, kept as the parts of the error it gives each caller.
    type Failure = (String, u32, String);
    static KB_LEXICON: std::sync::OnceLock<std::result::Result<Lexicon, Failure>> =
        std::sync::OnceLock::new();
    let parsed = KB_LEXICON.get_or_init(|| {
        let mut kb = Lexicon::default();
        for (name, text) in KB {
            let file = format!("builtin:{name}");
            let text = match builtin_text(name, text) {
                Ok(text) => text,
                Err(e) => return Err((file, 0, e.to_string())),
            };
            match super::parse(&text, &file) {
                Ok(lex) => kb.extend(lex),
                Err(LexiconError::Syntax { file, line, message }) => return Err((file, line, message)),
                Err(other) => return Err((file, 0, other.to_string())),
            }
        }
        Ok(kb)
    });
    parsed.as_ref().map_err(|(file, line, message)| LexiconError::Syntax {
        file: file.clone(),
        line: *line,
        message: message.clone(),
    })
}
