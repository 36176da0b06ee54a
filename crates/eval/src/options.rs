//! The settings a suite changes between records, typed.
//!
//! A TABARI record's `{ OPTION: ... }` command and a PETRARCH `<Config>` element
//! (both kept as text in [`SuiteRecord::options`](crate::SuiteRecord::options))
//! change the coder's settings from that record on. [`SuiteOption::parse`] reads one
//! into a [`SuiteOption`]; the caller applies it to its coder. Commands that only
//! concern TABARI's own output or input format (`OUTPUT:`, `SET: YYYY`,
//! `SET: LABEL`, ...) parse to [`SuiteOption::NoEffect`]; anything else is an
//! [`OptionError`] that names what was not understood.
//!
//! The TABARI forms, as `Validate.text` uses and explains them:
//! * `DEFAULT: SOURCE [CODE] PRIOR TARGET [CODE] AFTER`: actors to use when a side
//!   is missing. With `PRIOR` the default source stands in whenever no actor comes
//!   before the verb; without it, the first actor after the verb is the source and
//!   the default source is used only when there is none. With `AFTER` the default
//!   target stands in whenever no actor follows the verb; without it, the second
//!   actor of a compound subject is the target. `DEFAULT: OFF` removes the defaults.
//! * `SET: CODE BY CLAUSE` (the usual coding), `SET: CODE BY SENTENCE` (one event
//!   per sentence), `SET: CODE ALL` (every verb, subordinate ones included).
//! * `COMMA: MIN = n MAX = n EMIN = n EMAX = n BMIN = n BMAX = n` / `COMMA: OFF`:
//!   comma-delimited clauses of that many words (inside, at the end, at the start of
//!   the sentence) are dropped before coding.
//! * `FORWARD: <pattern> [OFF]`: a pronoun subject takes the previous sentence's actor.
//! * `SET: CONVERT AGENT = TRUE|FALSE`: an agent with no country is an actor.
//! * `SET: MINIMUM WORDS = n`: sentences of fewer words are not coded.
//! * `COMPLEX: VERBS[n] CONJ[m] ...`: a sentence with n verbs or more, or m
//!   clause-joining conjunctions or more, is too complex to code (other words of
//!   the command, such as `EXPLAIN`, concern TABARI's output).
//!
//! PETRARCH forms are `option = value`: `require_dyad`, `comma_min` ... `comma_bmax`,
//! `new_actor_length`, `stop_on_error`.

use std::fmt;

/// One setting change, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuiteOption {
    /// TABARI `DEFAULT: SOURCE [..] PRIOR TARGET [..] AFTER`.
    DefaultActors(DefaultActors),
    /// TABARI `DEFAULT: OFF`: no default actors.
    DefaultOff,
    /// TABARI `SET: CODE BY CLAUSE | CODE BY SENTENCE | CODE ALL`.
    CodeBy(CodeBy),
    /// TABARI `COMMA: ...` or PETRARCH `comma_*`: limits for dropping
    /// comma-delimited clauses (PETRARCH sets one limit per element).
    Comma(CommaLimits),
    /// TABARI `COMMA: OFF`: no comma-delimited clause is dropped.
    CommaOff,
    /// TABARI `FORWARD: <pattern>` (true) or `FORWARD: <pattern> OFF` (false).
    Forward(bool),
    /// TABARI `SET: CONVERT AGENT = TRUE|FALSE`.
    ConvertAgent(bool),
    /// TABARI `SET: MINIMUM WORDS = n`.
    MinimumWords(usize),
    /// PETRARCH `require_dyad = true|false`.
    RequireDyad(bool),
    /// TABARI `COMPLEX: VERBS[n] CONJ[m]`.
    Complex(Complexity),
    /// A known command that does not change what dyad codes (its name, e.g. `OUTPUT`).
    NoEffect(String),
}

/// TABARI's limits past which a sentence is too complex to code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Complexity {
    /// `VERBS[n]`: a sentence with this many verbs or more (0: no limit).
    pub verbs: usize,
    /// `CONJ[n]`: a sentence with this many clause-joining conjunctions or more (0: no limit).
    pub conjunctions: usize,
}

/// Default actors for events with a missing side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DefaultActors {
    /// The default source code, if any.
    pub source: Option<String>,
    /// `PRIOR`: the default source replaces any source missing before the verb
    /// (otherwise an actor after the verb is tried first).
    pub source_prior: bool,
    /// The default target code, if any.
    pub target: Option<String>,
    /// `AFTER`: the default target replaces any target missing after the verb
    /// (otherwise a compound subject's second actor is tried first).
    pub target_after: bool,
}

/// How many events a sentence may give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeBy {
    /// One event per clause: the usual coding.
    Clause,
    /// One event per sentence: the first.
    Sentence,
    /// Every verb codes, subordinate ones included.
    All,
}

/// Word-count limits for dropping comma-delimited clauses; `None` leaves a
/// limit as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CommaLimits {
    /// Inside the sentence: fewest words (`MIN`).
    pub min: Option<usize>,
    /// Inside the sentence: most words (`MAX`).
    pub max: Option<usize>,
    /// At the end: fewest words (`EMIN`).
    pub end_min: Option<usize>,
    /// At the end: most words (`EMAX`).
    pub end_max: Option<usize>,
    /// At the beginning: fewest words (`BMIN`).
    pub begin_min: Option<usize>,
    /// At the beginning: most words (`BMAX`).
    pub begin_max: Option<usize>,
}

/// An option that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    /// The option text.
    pub option: String,
    /// What was wrong with it.
    pub reason: String,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "option {:?} not understood: {}", self.option, self.reason)
    }
}

impl std::error::Error for OptionError {}

impl SuiteOption {
    /// Reads one option text as [`SuiteRecord::options`](crate::SuiteRecord::options)
    /// holds it: the TABARI command after `OPTION:`, or PETRARCH's `option = value`.
    ///
    /// ```
    /// use dyad_eval::options::{CodeBy, SuiteOption};
    /// assert_eq!(SuiteOption::parse("SET: CODE BY SENTENCE"), Ok(SuiteOption::CodeBy(CodeBy::Sentence)));
    /// assert_eq!(SuiteOption::parse("require_dyad = False"), Ok(SuiteOption::RequireDyad(false)));
    /// assert!(SuiteOption::parse("SET: FLY = HIGH").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// When the command is unknown or its arguments are malformed.
    pub fn parse(text: &str) -> Result<SuiteOption, OptionError> {
        let err = |reason: &str| OptionError { option: text.trim().to_string(), reason: reason.to_string() };
        let t = text.trim();
        match t.split_once(':') {
            Some((command, rest)) => parse_tabari(&command.trim().to_ascii_uppercase(), rest.trim()),
            None => parse_petrarch(t),
        }
        .map_err(|reason| err(&reason))
    }
}

fn parse_tabari(command: &str, rest: &str) -> Result<SuiteOption, String> {
    let upper = rest.to_ascii_uppercase();
    let words: Vec<&str> = upper.split_whitespace().collect();
    match command {
        "DEFAULT" => parse_default(&upper),
        "SET" => parse_set(&upper),
        "COMMA" => {
            if words == ["OFF"] {
                return Ok(SuiteOption::CommaOff);
            }
            parse_comma(&upper).map(SuiteOption::Comma)
        }
        "FORWARD" => match words.as_slice() {
            [_pattern] => Ok(SuiteOption::Forward(true)),
            [_pattern, "OFF"] => Ok(SuiteOption::Forward(false)),
            _ => Err("expected FORWARD: <pattern> [OFF]".into()),
        },
        "COMPLEX" => parse_complex(&words).map(SuiteOption::Complex),
        "OUTPUT" | "LABEL" | "ISSUES" | "DELETE" => Ok(SuiteOption::NoEffect(command.to_string())),
        other => Err(format!("unknown command {other}:")),
    }
}

fn parse_complex(words: &[&str]) -> Result<Complexity, String> {
    let mut c = Complexity::default();
    for w in words {
        let limit = |name: &str| -> Result<Option<usize>, String> {
            let Some(n) = w.strip_prefix(name).and_then(|r| r.strip_prefix('[')) else { return Ok(None) };
            let n = n.strip_suffix(']').ok_or_else(|| format!("{w}: expected {name}[n]"))?;
            n.trim().parse().map(Some).map_err(|_| format!("{w}: {n:?} is not a number"))
        };
        if let Some(n) = limit("VERBS")? {
            c.verbs = n;
        } else if let Some(n) = limit("CONJ")? {
            c.conjunctions = n;
        }
    }
    Ok(c)
}

fn parse_default(upper: &str) -> Result<SuiteOption, String> {
    let words: Vec<&str> = upper.split_whitespace().collect();
    if words == ["OFF"] {
        return Ok(SuiteOption::DefaultOff);
    }
    let mut d = DefaultActors::default();
    let mut i = 0;
    let code = |w: Option<&&str>| -> Result<String, String> {
        w.and_then(|w| w.strip_prefix('['))
            .and_then(|w| w.strip_suffix(']'))
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .ok_or_else(|| "SOURCE and TARGET need a [CODE] after them (codes without spaces)".to_string())
    };
    while let Some(&w) = words.get(i) {
        match w {
            "SOURCE" => {
                d.source = Some(code(words.get(i + 1))?);
                i += 2;
                if words.get(i) == Some(&"PRIOR") {
                    d.source_prior = true;
                    i += 1;
                }
            }
            "TARGET" => {
                d.target = Some(code(words.get(i + 1))?);
                i += 2;
                if words.get(i) == Some(&"AFTER") {
                    d.target_after = true;
                    i += 1;
                }
            }
            other => {
                return Err(format!(
                    "unexpected {other:?}; expected SOURCE [CODE] [PRIOR] TARGET [CODE] [AFTER] or OFF"
                ))
            }
        }
    }
    if d.source.is_none() && d.target.is_none() {
        return Err("neither SOURCE nor TARGET given".into());
    }
    Ok(SuiteOption::DefaultActors(d))
}

fn parse_set(upper: &str) -> Result<SuiteOption, String> {
    let words: Vec<&str> = upper.split_whitespace().collect();
    match words.as_slice() {
        ["CODE", "BY", "CLAUSE"] => return Ok(SuiteOption::CodeBy(CodeBy::Clause)),
        ["CODE", "BY", "SENTENCE"] => return Ok(SuiteOption::CodeBy(CodeBy::Sentence)),
        ["CODE", "ALL"] => return Ok(SuiteOption::CodeBy(CodeBy::All)),
        _ => {}
    }
    let Some((name, value)) = upper.split_once('=') else {
        return Err("expected SET: NAME = VALUE, CODE BY CLAUSE, CODE BY SENTENCE or CODE ALL".into());
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let value = value.trim();
    match name.as_str() {
        "CONVERT AGENT" => truth(value).map(SuiteOption::ConvertAgent),
        "MINIMUM WORDS" => value
            .parse()
            .map(SuiteOption::MinimumWords)
            .map_err(|_| format!("MINIMUM WORDS needs a number, not {value:?}")),
        "YYYY" | "TIME SHIFT" | "LABEL" | "SKIP RECORDS" | "VERB USAGE" | "ACTOR USAGE" | "AGENT USAGE" => {
            truth(value).map(|_| SuiteOption::NoEffect(format!("SET: {name}")))
        }
        other => Err(format!("unknown setting SET: {other}")),
    }
}

fn truth(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_uppercase().as_str() {
        "TRUE" => Ok(true),
        "FALSE" => Ok(false),
        other => Err(format!("expected TRUE or FALSE, not {other:?}")),
    }
}

fn parse_comma(upper: &str) -> Result<CommaLimits, String> {
    let mut limits = CommaLimits::default();
    let spaced = upper.replace('=', " = ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = 0;
    while let Some(&name) = words.get(i) {
        let (Some(&"="), Some(value)) = (words.get(i + 1), words.get(i + 2)) else {
            return Err(format!("expected {name} = <number>"));
        };
        let n: usize = value.parse().map_err(|_| format!("{name} needs a number, not {value:?}"))?;
        set_comma(&mut limits, name, n)?;
        i += 3;
    }
    if limits == CommaLimits::default() {
        return Err("no limit given".into());
    }
    Ok(limits)
}

fn set_comma(limits: &mut CommaLimits, name: &str, n: usize) -> Result<(), String> {
    let slot = match name {
        "MIN" => &mut limits.min,
        "MAX" => &mut limits.max,
        "EMIN" => &mut limits.end_min,
        "EMAX" => &mut limits.end_max,
        "BMIN" => &mut limits.begin_min,
        "BMAX" => &mut limits.begin_max,
        other => return Err(format!("unknown comma limit {other}")),
    };
    *slot = Some(n);
    Ok(())
}

fn parse_petrarch(t: &str) -> Result<SuiteOption, String> {
    let Some((name, value)) = t.split_once('=') else {
        return Err("expected a TABARI COMMAND: ... or a PETRARCH option = value".into());
    };
    let name = name.trim().to_ascii_lowercase();
    let value = value.trim();
    if let Some(limit) = name.strip_prefix("comma_") {
        let n: usize = value.parse().map_err(|_| format!("{name} needs a number, not {value:?}"))?;
        let mut limits = CommaLimits::default();
        set_comma(&mut limits, &limit.to_ascii_uppercase(), n)?;
        return Ok(SuiteOption::Comma(limits));
    }
    match name.as_str() {
        "require_dyad" => truth(value).map(SuiteOption::RequireDyad),
        "new_actor_length" | "stop_on_error" => Ok(SuiteOption::NoEffect(name)),
        other => Err(format!("unknown option {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> SuiteOption {
        SuiteOption::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn defaults() {
        assert_eq!(
            ok(" DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER "),
            SuiteOption::DefaultActors(DefaultActors {
                source: Some("DEFSRC".into()),
                source_prior: true,
                target: Some("DEFTAR".into()),
                target_after: true,
            })
        );
        assert_eq!(
            ok("DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER"),
            SuiteOption::DefaultActors(DefaultActors {
                source: Some("DEFSRC".into()),
                source_prior: false,
                target: Some("DEFTAR".into()),
                target_after: true,
            })
        );
        assert_eq!(
            ok("default: target [x]"),
            SuiteOption::DefaultActors(DefaultActors {
                target: Some("X".into()),
                ..DefaultActors::default()
            })
        );
        assert_eq!(ok("DEFAULT: OFF"), SuiteOption::DefaultOff);
        for bad in ["DEFAULT:", "DEFAULT: SOURCE", "DEFAULT: SOURCE DEFSRC", "DEFAULT: SOURCE [A] LATER"] {
            assert!(SuiteOption::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn set_commands() {
        assert_eq!(ok("SET: CODE BY CLAUSE"), SuiteOption::CodeBy(CodeBy::Clause));
        assert_eq!(ok("SET: CODE  ALL"), SuiteOption::CodeBy(CodeBy::All));
        assert_eq!(ok("SET: CONVERT AGENT = TRUE"), SuiteOption::ConvertAgent(true));
        assert_eq!(ok("SET: CONVERT  AGENT=false"), SuiteOption::ConvertAgent(false));
        assert_eq!(ok("SET: MINIMUM WORDS = 20"), SuiteOption::MinimumWords(20));
        assert_eq!(ok("SET: YYYY = TRUE"), SuiteOption::NoEffect("SET: YYYY".into()));
        assert_eq!(ok("SET: TIME SHIFT = FALSE"), SuiteOption::NoEffect("SET: TIME SHIFT".into()));
        assert!(SuiteOption::parse("SET: MINIMUM WORDS = many").is_err());
        assert!(SuiteOption::parse("SET: CODE BY PARAGRAPH").is_err());
        assert!(SuiteOption::parse("SET: CONVERT AGENT = MAYBE").is_err());
    }

    #[test]
    fn comma_forward_and_others() {
        assert_eq!(
            ok("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"),
            SuiteOption::Comma(CommaLimits {
                min: Some(4),
                max: Some(6),
                end_min: Some(3),
                end_max: Some(6),
                begin_min: Some(3),
                begin_max: Some(8),
            })
        );
        assert_eq!(ok("COMMA: OFF"), SuiteOption::CommaOff);
        assert!(SuiteOption::parse("COMMA: MIN = 4 MAX").is_err());
        assert!(SuiteOption::parse("COMMA: LOTS = 4").is_err());
        assert_eq!(ok("FORWARD: ^^*****NNN*SSS"), SuiteOption::Forward(true));
        assert_eq!(ok("FORWARD: ^^*****NNN*SSS OFF"), SuiteOption::Forward(false));
        assert_eq!(
            ok("COMPLEX: VERBS[5] CONJ[4] EXPLAIN"),
            SuiteOption::Complex(Complexity { verbs: 5, conjunctions: 4 })
        );
        assert_eq!(ok("COMPLEX: EXPLAIN"), SuiteOption::Complex(Complexity::default()));
        assert!(SuiteOption::parse("COMPLEX: VERBS[x]").is_err());
        assert_eq!(ok("OUTPUT: ID STORY SENT"), SuiteOption::NoEffect("OUTPUT".into()));
        match SuiteOption::parse("FLY: HIGH") {
            Err(e) => assert!(e.to_string().contains("FLY"), "{e}"),
            Ok(o) => panic!("read as {o:?}"),
        }
    }

    #[test]
    fn petrarch() {
        assert_eq!(ok("require_dyad = TRUE"), SuiteOption::RequireDyad(true));
        assert_eq!(
            ok("comma_bmax = 6"),
            SuiteOption::Comma(CommaLimits { begin_max: Some(6), ..CommaLimits::default() })
        );
        assert_eq!(ok("new_actor_length = 4"), SuiteOption::NoEffect("new_actor_length".into()));
        assert!(SuiteOption::parse("require_dyad = sometimes").is_err());
        assert!(SuiteOption::parse("comma_width = 3").is_err());
        assert!(SuiteOption::parse("colour = blue").is_err());
        assert!(SuiteOption::parse("just words").is_err());
    }
}
