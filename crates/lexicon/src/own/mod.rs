//! dyad's own dictionary format, and the built-in dictionaries written in it.
//!
//! A `.dyad` file is line-oriented and meant to be edited by hand; the full
//! description, with examples, is in `docs/dictionary-format.md`. In short:
//!
//! ```text
//! @language en                       # required, before the first section
//!
//! [actors]                           # CODES = name; name; ...
//! USA = United States; America; American(s); Washington
//! USAELI, USAGOV from 2021-01-20 to 2025-01-20 = Joe Biden; Biden
//!
//! [agents]                           # ~CODE = name; name; ...
//! ~GOV = government(s); minister(s)
//!
//! [synsets]                          # &NAME = member; member; ...
//! &TALKS = talk; negotiation
//!
//! [verbs]                            # lemma; lemma = CODE, then "- pattern = CODE" lines
//! meet = 040
//! - $ * .. with + = 040
//! hold = ---
//! - * &TALKS with + = 046
//!
//! [discards]                         # sentence: phrase; ...   story: phrase; ...
//! sentence: World Cup
//! ```
//!
//! Actor, agent and discard names compile to upper-cased
//! [`WordMatcher::Exact`] words (a word ending in `*` to a
//! [`WordMatcher::Stem`]); verb and pattern words are lower-case lemmas and
//! compile to [`WordMatcher::Lemma`]. Words written next to each other must be
//! adjacent in the text; `..` between two words allows a gap.
//!
//! ```
//! use dyad_lexicon::own;
//! let lex = own::parse("@language en\n[verbs]\nsign = 057\n", "demo.dyad").unwrap();
//! assert_eq!(lex.verbs.len(), 1);
//!
//! let err = own::parse("@language en\n[verbs]\nsign = 999\n", "demo.dyad").unwrap_err();
//! assert_eq!(err.to_string(), "demo.dyad:3: unknown CAMEO code \"999\" in \"sign = 999\"");
//!
//! let en = own::builtin("en").unwrap();
//! assert!(en.actors.len() > 190);
//! ```

mod builtin;
mod parser;

use std::path::Path;

use crate::error::{LexiconError, Result};
use crate::model::Lexicon;

pub use builtin::{builtin, builtin_files, builtin_languages, DICTIONARY_DIR_ENV};

/// A parsed `.dyad` file: its declared language and its entries.
#[derive(Clone, Debug)]
pub struct OwnFile {
    /// The language the file declares (`@language en`), lower case.
    pub language: String,
    /// The entries.
    pub lexicon: Lexicon,
}

/// Parses a `.dyad` file held in memory; `file` names it in messages and in
/// every entry's [`RuleRef`](crate::model::RuleRef).
///
/// Validation is strict: the first malformed line is returned as
/// [`LexiconError::Syntax`] naming the file, the line and the offending text.
pub fn parse(text: &str, file: &str) -> Result<Lexicon> {
    parse_file(text, file).map(|f| f.lexicon)
}

/// Like [`parse`], but also returns the language the file declares.
pub fn parse_file(text: &str, file: &str) -> Result<OwnFile> {
    parser::parse(text, file)
}

/// Reads and parses a `.dyad` file from disk.
pub fn load(path: impl AsRef<Path>) -> Result<Lexicon> {
    load_file(path).map(|f| f.lexicon)
}

/// Like [`load`], but also returns the language the file declares.
pub fn load_file(path: impl AsRef<Path>) -> Result<OwnFile> {
    let path = path.as_ref();
    let bytes =
        std::fs::read(path).map_err(|source| LexiconError::Io { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| LexiconError::Encoding {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    parse_file(&text, &path.display().to_string())
}
