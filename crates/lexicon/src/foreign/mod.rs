//! Loaders for TABARI and PETRARCH(-2) dictionaries.
//!
//! Each loader reads one file and returns a [`Lexicon`] holding only what
//! that file defines; merge them with [`Lexicon::extend`]:
//!
//! ```
//! use dyad_lexicon::foreign;
//!
//! let mut lex = foreign::parse_verbs("RESTORE [064]\n- * TIES [0641]\n", "demo.verbs");
//! lex.extend(foreign::parse_actors("FRANCE [FRA]\n+PARIS\n", "demo.actors"));
//! let stats = lex.stats();
//! assert_eq!((stats.verbs, stats.patterns, stats.actors, stats.actor_names), (1, 1, 1, 2));
//! assert!(lex.warnings.is_empty());
//! ```
//!
//! # How the files are read
//!
//! - Words are upper-cased. In a phrase `_` joins words that must be
//!   adjacent, a space allows other words in between. A word followed by
//!   `_` matches exactly ([`WordMatcher::Exact`]); a bare word is a stem
//!   ([`WordMatcher::Stem`], it matches any token that starts with it).
//!   TABARI's `~` and `=` word suffixes are dropped.
//! - Comments: `;` and `#` (outside `[...]`, so `[###]` is a code), and
//!   `<!-- ... -->` blocks, which may span lines (`<! --` too). A line
//!   starting with `~~` (TABARI's `~~FINISH`) ends the file.
//! - Files that are not UTF-8 are read with Latin-1 for the bad bytes, with
//!   one warning.
//! - Nothing is dropped silently: every line that is not a comment becomes
//!   part of an entry or a [`LoadWarning`] naming the file, line and reason.
//!
//! ## Verbs
//! TABARI: `VERB [code]` heads an entry, `{ FORM_ FORM }` on the next line
//! adds irregular forms, `- pattern [code]` lines add patterns;
//! `<SYNSETS>` holds `&NAME` / `+member` synsets; `<TIME>` entries are
//! reported as skipped. PETRARCH: `&NAME` / `+MEMBER` synsets anywhere,
//! `--- NAME [code] ---` blocks of verb lines (`HURRY {HURRIES HURRIED}`,
//! optionally with their own `[code]`, `+` marking the verb word of a
//! multi-word verb, `{}` meaning "no other forms") sharing the patterns that
//! follow. PETRARCH-2 `( ... )` and `{ ... }` groups are flattened; `{ A | B }`
//! gives [`PatternItem::Alternatives`]; `^` is read as a gap. Transformation
//! lines (`~ a (...) SAY = ...`) are reported as unsupported.
//!
//! PETRARCH verb forms are exact; regular inflections (`-S/-ES/-IES`,
//! `-ED/-D/-IED`, `-ING`, with consonant doubling for one-syllable verbs and
//! a few stressed endings such as `-MIT`, `-PEL`, `-FER`) of the verb word
//! (the first, or the one marked `+`) are added. A TABARI stem already
//! matches the forms it starts, so only the forms it does not cover
//! (`RESTORING`, `DENIES`) are added, as exact words. A synset declared as
//! `&NAME_` has exact members.
//!
//! Codes: `[---]` is [`CodeSpec::Null`], `[a:b]` [`CodeSpec::Paired`], anything
//! else (`064`, `075A`, `:110`, `+++`) [`CodeSpec::Single`] as written.
//!
//! ## Actors
//! `NAME [CODE] [CODE date] ...` on one line, or codes on following lines
//! starting with `[` (Phoenix), `+SYNONYM` lines add names to the previous
//! entry. Dates: `<YYMMDD` (until, inclusive), `>YYMMDD` (from),
//! `YYMMDD-YYMMDD`, 6 or 8 digits; **two-digit years 00–29 are 20xx, 30–99
//! are 19xx**. An unreadable date leaves that side open, with a warning.
//! `[---]` is kept as the code `"---"`. An actor without any code is
//! reported and skipped. `<NOUN>`/`<ADJECTIVE>` sections fill
//! [`Lexicon::nouns`] and [`Lexicon::adjectives`].
//!
//! ## Agents
//! `NAME_ [~GOV]` (TABARI) or `NAME {PLURAL ...} [~GOV]` (PETRARCH, where
//! `{}` means no plural and no braces the regular plural of the last word).
//! `!PERSON! = MAN, MEN, ...` declares a substitution marker; an entry using
//! it gets one name per value (and no generated plural). Codes are kept as
//! written, trimmed.
//!
//! ## Discards
//! One phrase per line; a leading `+` drops the whole story.
//!
//! [`WordMatcher::Exact`]: crate::WordMatcher::Exact
//! [`WordMatcher::Stem`]: crate::WordMatcher::Stem
//! [`PatternItem::Alternatives`]: crate::PatternItem::Alternatives
//! [`CodeSpec::Null`]: crate::CodeSpec::Null
//! [`CodeSpec::Paired`]: crate::CodeSpec::Paired
//! [`CodeSpec::Single`]: crate::CodeSpec::Single
//! [`LoadWarning`]: crate::LoadWarning

use std::path::Path;
use std::sync::Arc;

use crate::error::{LexiconError, Result};
use crate::model::{CodingOptions, Lexicon, LoadWarning, RuleRef};

mod actors;
mod agents;
mod discards;
mod options;
mod pattern;
mod text;
mod verbs;

/// Loading state shared by the loaders: the file name, the lexicon being
/// built and a helper to record warnings.
pub(crate) struct Ctx {
    file: Arc<str>,
    lex: Lexicon,
}

impl Ctx {
    fn new(file: &str) -> Self {
        Ctx { file: file.into(), lex: Lexicon::default() }
    }

    fn warn(&mut self, line: u32, message: String) {
        self.lex.warnings.push(LoadWarning { file: self.file.clone(), line, message });
    }

    fn rule(&self, line: u32, text: &str) -> RuleRef {
        RuleRef { file: self.file.clone(), line, text: text.trim().into() }
    }
}

/// Reads a file once; bad UTF-8 bytes are read as Latin-1.
fn read(path: &Path) -> Result<(String, Arc<str>, Option<LoadWarning>)> {
    let bytes =
        std::fs::read(path).map_err(|source| LexiconError::Io { path: path.to_path_buf(), source })?;
    let name: Arc<str> = path.display().to_string().into();
    let (text, warning) = text::decode(&bytes, &name);
    Ok((text, name, warning))
}

fn load_with(path: &Path, parse: fn(&str, &str) -> Lexicon) -> Result<Lexicon> {
    let (text, name, warning) = read(path)?;
    let mut lex = parse(&text, &name);
    if let Some(w) = warning {
        lex.warnings.insert(0, w);
    }
    Ok(lex)
}

/// Loads a TABARI `.verbs` or PETRARCH verbs file (the format is detected:
/// PETRARCH files have `--- NAME [code] ---` block headers).
///
/// # Errors
/// [`LexiconError::Io`] when the file cannot be read; problems inside the
/// file are [`Lexicon::warnings`].
pub fn load_verbs(path: &Path) -> Result<Lexicon> {
    load_with(path, parse_verbs)
}

/// Loads a TABARI `.actors` or PETRARCH/Phoenix actors file.
///
/// # Errors
/// [`LexiconError::Io`] when the file cannot be read.
pub fn load_actors(path: &Path) -> Result<Lexicon> {
    load_with(path, parse_actors)
}

/// Loads a TABARI or PETRARCH agents file.
///
/// # Errors
/// [`LexiconError::Io`] when the file cannot be read.
pub fn load_agents(path: &Path) -> Result<Lexicon> {
    load_with(path, parse_agents)
}

/// Loads a TABARI or PETRARCH discard list.
///
/// # Errors
/// [`LexiconError::Io`] when the file cannot be read.
pub fn load_discards(path: &Path) -> Result<Lexicon> {
    load_with(path, parse_discards)
}

/// Loads a TABARI `.options` file; lines dyad does not use are ignored
/// (see the recognised settings below).
///
/// Recognised: `SET: NULLACTORS = TRUE|FALSE` (or `NULL ACTORS`,
/// `ALLOW MISSING ACTOR`) and `SET: MAX GAP = N` (or `MAXGAP`, `SPAN`).
///
/// # Errors
/// [`LexiconError::Io`] when the file cannot be read.
pub fn load_options(path: &Path) -> Result<CodingOptions> {
    let (text, _, _) = read(path)?;
    Ok(options::parse(&text))
}

/// Reads a verb dictionary from a string; `file` names it in rules and
/// warnings.
pub fn parse_verbs(text: &str, file: &str) -> Lexicon {
    verbs::parse(text, file)
}

/// Reads an actor dictionary from a string.
pub fn parse_actors(text: &str, file: &str) -> Lexicon {
    actors::parse(text, file)
}

/// Reads an agent dictionary from a string.
pub fn parse_agents(text: &str, file: &str) -> Lexicon {
    agents::parse(text, file)
}

/// Reads a discard list from a string.
pub fn parse_discards(text: &str, file: &str) -> Lexicon {
    discards::parse(text, file)
}

/// Reads TABARI options from a string.
pub fn parse_options(text: &str) -> CodingOptions {
    options::parse(text)
}
