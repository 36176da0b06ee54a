//! Validation suites and scoring for dyad.
//!
//! This crate reads the validation-suite formats of the TABARI/PETRARCH family and the
//! PLOVER gold standards, and scores coded output against them exactly the way the
//! PETRARCH validators count:
//!
//! * [`load_suite`] reads a suite file, auto-detecting the format: PETRARCH validation XML
//!   (a `<Validation>` document), the same XML with PLOVER labels (UniversalPetrarch's
//!   Spanish protest set), the PLOVER gold-standard records (a JSON array), or TABARI
//!   validation text (`YYMMDD ID` records with `{ SRC / TGT / CODE }` codings in
//!   `/* ... */` comment blocks). PLOVER gold is stated as the CAMEO root of each PLOVER
//!   type (see [`plover`]).
//! * [`score`] compares the triples a coder produced for each record with the record's
//!   expectations, as multisets, at three [`Level`]s (exact, country+root, root), overall
//!   and per category, and returns a [`Report`] that prints as a readable table.
//!
//! The crate does not depend on the coder: the caller codes each record's
//! [`SuiteRecord::text`] and hands the produced [`Triple`]s to [`score`].
//!
//! # Example
//!
//! ```
//! use dyad_eval::{load_suite, score, Level, Triple};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("tiny.xml");
//! std::fs::write(&path, r#"<Validation>
//! <Environment><Include>DEMO</Include></Environment>
//! <Sentences>
//! <Sentence date="19950101" id="DEMO-01" category="DEMO">
//! <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
//! <Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
//! </Sentence>
//! </Sentences>
//! </Validation>"#)?;
//!
//! let suite = load_suite(&path)?;
//! assert_eq!(suite.records.len(), 1);
//!
//! // The caller codes suite.records[i].text; here we pretend the coder found
//! // the right dyad with a neighbouring code in the same root.
//! let produced = vec![vec![Triple::new("ARN", "GON", "061")]];
//! let report = score(&suite, &produced);
//! assert_eq!(report.level(Level::Exact).overall.found, 0);
//! assert_eq!(report.level(Level::Root).overall.found, 1);
//! println!("{report}");
//! # Ok(())
//! # }
//! ```

pub mod options;
mod petrarch;
pub mod plover;
mod plover_gsr;
mod plover_xml;
mod scoring;
mod tabari;

use std::fmt;
use std::path::{Path, PathBuf};

pub use scoring::{score, Counts, Level, LevelReport, RecordDetail, Report};

/// One coded event: source actor code, target actor code and CAMEO event code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Triple {
    /// Source actor code, e.g. `ARNGOV` (`---` for a null actor).
    pub source: String,
    /// Target actor code, e.g. `GON` (`---` for a null actor).
    pub target: String,
    /// CAMEO event code, e.g. `064`.
    pub code: String,
}

impl Triple {
    /// Builds a triple; surrounding whitespace is trimmed from each part.
    pub fn new(source: impl AsRef<str>, target: impl AsRef<str>, code: impl AsRef<str>) -> Self {
        Triple {
            source: source.as_ref().trim().to_string(),
            target: target.as_ref().trim().to_string(),
            code: code.as_ref().trim().to_string(),
        }
    }
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {} / {}", self.source, self.target, self.code)
    }
}

/// One validation record: a text and what coding it should produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteRecord {
    /// Record identifier (`DEMO-01`; for TABARI, everything after the date on the header line).
    pub id: String,
    /// Category: the PETRARCH `category` attribute, or for TABARI the ID up to its first `-`.
    pub category: String,
    /// Record date, when the suite gives a valid one.
    pub date: Option<chrono::NaiveDate>,
    /// The text to code, whitespace-collapsed.
    pub text: String,
    /// Required codings.
    pub expected: Vec<Triple>,
    /// Optional codings (TABARI `-{ ... }`): not required, and not a false positive if produced.
    pub optional: Vec<Triple>,
    /// The record expects no event (TABARI `{+++}`, `{---}`, `{###}`; PETRARCH `noevents` or `error`).
    pub expects_no_event: bool,
    /// Whether the record counts in the scores (see [`SuiteRecord::skip_reason`] when not).
    pub evaluate: bool,
    /// Why the record is left out of the scores, when [`SuiteRecord::evaluate`] is false.
    pub skip_reason: Option<String>,
    /// TABARI `{ OPTION: ... }` lines (the text after `OPTION:`), and PETRARCH
    /// `<Config option=".." value=".."/>` elements met before the record (as
    /// `option = value`), in order. They change the coder's settings from this record on.
    pub options: Vec<String>,
    /// PETRARCH `<EventCoding error="..."/>`: the record should be rejected for this reason
    /// (e.g. `dateline`, `storydiscard`); it is scored as expecting no event.
    pub expected_error: Option<String>,
    /// 1-based line of the record's start in the suite file, for messages.
    pub line: usize,
}

/// Dictionary files a suite names, as absolute paths resolved relative to the suite file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuiteDictionaries {
    /// Verb dictionary (`<Verbfile>`, TABARI `<verbsfile>`).
    pub verbs: Option<PathBuf>,
    /// Actor dictionaries, in order (`<Actorfile>`, TABARI `<actorsfile>`).
    pub actors: Vec<PathBuf>,
    /// Agent dictionary (`<Agentfile>`, TABARI `<agentsfile>`).
    pub agents: Option<PathBuf>,
    /// Discard dictionary (`<Discardfile>`, TABARI `<discardfile>` if present).
    pub discards: Option<PathBuf>,
    /// TABARI options file (`<optionsfile>`).
    pub options: Option<PathBuf>,
}

/// The two suite formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuiteFormat {
    /// TABARI validation text (`Validate.text`).
    TabariText,
    /// PETRARCH validation XML (`PETR.UnitTest.records.xml`, `PETR_Validate_records_2_02.xml`).
    PetrarchXml,
    /// PETRARCH-style XML with PLOVER labels (`spanish_protest_plover_validation.xml`):
    /// gold events are the CAMEO roots of PLOVER types, actors `---`; `ASSAULT` covers
    /// CAMEO 18 to 20.
    PloverXml,
    /// The PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, JSON): gold events are
    /// the CAMEO roots of PLOVER types between 3-letter country codes.
    PloverGsrJson,
}

impl SuiteFormat {
    /// Whether the suite's gold is PLOVER-coded: produced CAMEO codes are then compared
    /// as the root of their PLOVER type ([`plover::cameo_to_plover_root`]), and codes
    /// PLOVER does not code (01, public statements) are not scored.
    pub fn is_plover(self) -> bool {
        matches!(self, SuiteFormat::PloverXml | SuiteFormat::PloverGsrJson)
    }

    /// A produced triple as this format's gold states it: for PLOVER formats the code
    /// becomes the root of its PLOVER type, and `None` means the triple is not scored;
    /// other formats keep the triple as it is.
    pub fn comparable(self, t: &Triple) -> Option<Triple> {
        if !self.is_plover() {
            return Some(t.clone());
        }
        let root = match self {
            SuiteFormat::PloverXml => plover::cameo_to_plover_root_merged(&t.code)?,
            _ => plover::cameo_to_plover_root(&t.code)?,
        };
        Some(Triple { source: t.source.clone(), target: t.target.clone(), code: root.to_string() })
    }
}

impl fmt::Display for SuiteFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SuiteFormat::TabariText => "TABARI text",
            SuiteFormat::PetrarchXml => "PETRARCH XML",
            SuiteFormat::PloverXml => "PLOVER-labelled XML",
            SuiteFormat::PloverGsrJson => "PLOVER gold-standard JSON",
        })
    }
}

/// A loaded validation suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suite {
    /// The suite file.
    pub path: PathBuf,
    /// Detected format.
    pub format: SuiteFormat,
    /// Records in file order, up to the stop record (see the format notes on [`load_suite`]).
    pub records: Vec<SuiteRecord>,
    /// Dictionaries named by the suite (PETRARCH `<Environment>`, TABARI `.project` file).
    pub dictionaries: SuiteDictionaries,
    /// PETRARCH `<Include>` categories (without the `valid` keyword), if the suite has one.
    pub include: Option<Vec<String>>,
    /// Non-fatal problems found while reading, each naming file and line.
    pub warnings: Vec<String>,
}

impl Suite {
    /// Records that count in the scores.
    pub fn evaluated(&self) -> impl Iterator<Item = &SuiteRecord> {
        self.records.iter().filter(|r| r.evaluate)
    }
}

/// Errors from [`load_suite`]. Problems inside a readable suite are warnings, not errors.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The suite file could not be read.
    #[error("cannot read suite {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is neither PETRARCH XML nor TABARI text.
    #[error("{path}: not a validation suite: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
}

/// Loads a validation suite, detecting its format.
///
/// A file whose first markup (after an optional `<?xml ...?>` declaration and comments) is
/// `<Validation>` is read as PETRARCH XML, or as PLOVER-labelled XML when an
/// `<EventCoding>` carries a `plover` attribute; a JSON array of objects with `event` and
/// `eventText` keys is read as the PLOVER gold-standard records; a file with at least one
/// `YYMMDD ID` header line is read as TABARI text. Anything else is an
/// [`EvalError::Format`].
///
/// PLOVER gold-standard JSON: one record per array element, `category` = the PLOVER
/// type, expected triples = every source × every target actor (`---` when absent; each
/// ordered pair of reciprocal `SRC/TAR` sources) with the type's CAMEO root; actor codes
/// are the 3-letter `code` plus a 3-letter `sector` (`USAGOV`). Records without text or
/// with a type that has no CAMEO root are kept with `evaluate = false`.
///
/// PLOVER-labelled XML: read as PETRARCH XML; a label without `eventcode` takes the root
/// of its `plover` type, and labels whose type has none (`CRIME`) are left out.
///
/// Reading is tolerant, like the PETRARCH validators (which read these files line by line
/// rather than as strict XML: `PETR_Validate_records_2_02.xml` is not well-formed XML).
/// Anything odd becomes a warning in [`Suite::warnings`] naming file and line.
///
/// PETRARCH XML:
/// * `<Environment>`: `<Verbfile>`, `<Actorfile>` (repeatable, comma-separated lists),
///   `<Agentfile>`, `<Discardfile>`; `<Include>` lists the categories to run (the keyword
///   `valid` is a flag, not a category) and `<Exclude>` categories to skip. As in
///   PETRARCH's `validation.py`, a sentence whose category is not included, that has
///   `evaluate="false"` (or `valid="false"`), or that has no `<EventCoding>` at all is not
///   validated: such records are kept with `evaluate = false` and a `skip_reason`.
/// * `<EventCoding noevents="True"/>` means no event; `<EventCoding error="..."/>` (the
///   record should be rejected by the coder) is scored as no event too.
/// * A `<Stop>` element ends the suite: later sentences are not loaded (PETRARCH exits at
///   `<Stop>`). Commented-out `<!--Stop-->` is ignored, as is `<Parse>` (dyad needs no parse)
///   and `<PLEvent ...>` lines.
///
/// TABARI text: see the module notes in the source; codings `{ S / T / C }`, optional
/// `-{ ... }`, no-event markers `{+++}`, `{---}` and `{###}` (discard), options
/// `{ OPTION: ... }`. The record whose text says "end of the standard validation records"
/// is TABARI's stop record: it and the records after it (tests needing special settings
/// or crashing TABARI) are not loaded. Records with neither codings nor a no-event marker
/// (option-setting records, comments) are kept with `evaluate = false`.
pub fn load_suite(path: &Path) -> Result<Suite, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io { path: path.to_path_buf(), source })?;
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            warnings.push(format!(
                "{}: not valid UTF-8 (first bad byte at offset {}); invalid bytes replaced",
                path.display(),
                e.utf8_error().valid_up_to()
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let base = suite_dir(path);
    if petrarch::looks_like_xml(text) && plover_xml::looks_like_plover_xml(text) {
        let mut suite = plover_xml::parse(path, &base, text);
        warnings.append(&mut suite.warnings);
        suite.warnings = warnings;
        Ok(suite)
    } else if plover_gsr::looks_like_gsr(text) {
        let mut suite = plover_gsr::parse(path, text)
            .map_err(|reason| EvalError::Format { path: path.to_path_buf(), reason })?;
        warnings.append(&mut suite.warnings);
        suite.warnings = warnings;
        Ok(suite)
    } else if petrarch::looks_like_xml(text) {
        let mut suite = petrarch::parse(path, &base, text);
        warnings.append(&mut suite.warnings);
        suite.warnings = warnings;
        Ok(suite)
    } else if tabari::looks_like_tabari(text) {
        let mut suite = tabari::parse(path, &base, text);
        warnings.append(&mut suite.warnings);
        suite.warnings = warnings;
        Ok(suite)
    } else {
        Err(EvalError::Format {
            path: path.to_path_buf(),
            reason: "no <Validation> element, no PLOVER gold-standard JSON array and no TABARI `YYMMDD ID` record header"
                .into(),
        })
    }
}

/// The absolute folder of a suite file, for resolving dictionary names.
fn suite_dir(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    abs.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Collapses runs of whitespace to single spaces and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 1-based line numbers for byte offsets.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_from_one() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(6), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line(100), 4);
    }

    #[test]
    fn collapse_whitespace() {
        assert_eq!(collapse_ws("  a \n\t b  c "), "a b c");
    }

    #[test]
    fn triple_new_trims() {
        let t = Triple::new(" ARN ", "GON\n", " 064");
        assert_eq!(t, Triple::new("ARN", "GON", "064"));
        assert_eq!(t.to_string(), "ARN / GON / 064");
    }
}
