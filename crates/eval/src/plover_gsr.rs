//! The PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`): a JSON array of objects, one
//! per event, each with `id`, `date`, `event` (a PLOVER type), `text`, and `source` /
//! `target` lists of actors (`{"actorText", "code", "sector"}`), plus a `textInfo.markup`
//! that tags reciprocal actors `SRC/TAR`.
//!
//! Each record becomes one [`SuiteRecord`] whose expected triples are stated at the
//! country+root level:
//!
//! * the event code is the CAMEO root of the PLOVER type ([`crate::plover::type_root`]);
//! * an actor code is the record's 3-letter `code`, with the handful of non-ISO codes the
//!   file uses (`JAP`, `ITL`, `VTN`) replaced by their ISO 3166 alpha-3 codes, followed by
//!   the `sector` when it is a plain 3-letter agent code (`USA` + `GOV` = `USAGOV`);
//! * every source is paired with every target; an absent target is `---`; when the
//!   sources are reciprocal (`SRC/TAR` in the markup, no target), each ordered pair of
//!   distinct sources is an event, the way CAMEO coders code "A and B agreed".
//!
//! Records without text or with a type that has no CAMEO root (the `DOCUMENT` record) are
//! kept with `evaluate = false`.

use std::path::Path;

use serde_json::Value;

use crate::{collapse_ws, Suite, SuiteDictionaries, SuiteFormat, SuiteRecord, Triple};

/// Whether the text looks like the PLOVER gold-standard JSON: a JSON array whose
/// objects carry `"event"` and `"eventText"` keys.
pub(crate) fn looks_like_gsr(text: &str) -> bool {
    text.trim_start().starts_with('[') && text.contains("\"eventText\"") && text.contains("\"event\"")
}

/// Reads the JSON; `Err` with a reason when it is not a JSON array of objects.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Suite, String> {
    let file = path.display().to_string();
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("not valid JSON at line {}, column {}: {e}", e.line(), e.column()))?;
    let Value::Array(items) = value else {
        return Err("the top-level JSON value is not an array".into());
    };
    let mut warnings = Vec::new();
    let mut records = Vec::with_capacity(items.len());
    let lines = object_lines(text);
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let Value::Object(obj) = item else {
            warnings.push(format!("{file}:{line}: array element {} is not an object; skipped", i + 1));
            continue;
        };
        let str_of = |k: &str| obj.get(k).and_then(Value::as_str).unwrap_or_default();
        let id = match str_of("id") {
            "" => format!("record-{}", i + 1),
            s => s.to_string(),
        };
        let event = str_of("event").trim().to_string();
        let text = collapse_ws(str_of("text"));
        let date = chrono::NaiveDate::parse_from_str(str_of("date"), "%Y-%m-%d").ok();
        let markup =
            obj.get("textInfo").and_then(|t| t.get("markup")).and_then(Value::as_str).unwrap_or_default();
        let sources = actors(obj.get("source"));
        let targets = actors(obj.get("target"));

        let mut skip = None;
        let root = crate::plover::type_root(&event);
        if text.is_empty() {
            skip = Some("no text".to_string());
        } else if root.is_none() {
            skip = Some(format!("PLOVER type {event:?} has no CAMEO root"));
        } else if sources.is_empty() && targets.is_empty() {
            warnings.push(format!("{file}:{line}: record {id}: no source and no target actor"));
        }
        let mut expected = Vec::new();
        if let Some(root) = root.filter(|_| skip.is_none()) {
            let reciprocal = markup.contains("SRC/TAR") && targets.is_empty() && sources.len() >= 2;
            if reciprocal {
                for (a, s) in sources.iter().enumerate() {
                    for (b, t) in sources.iter().enumerate() {
                        if a != b {
                            expected.push(Triple::new(s, t, root));
                        }
                    }
                }
            } else {
                let none = ["---".to_string()];
                let srcs: &[String] = if sources.is_empty() { &none } else { &sources };
                let tgts: &[String] = if targets.is_empty() { &none } else { &targets };
                for s in srcs {
                    for t in tgts {
                        expected.push(Triple::new(s, t, root));
                    }
                }
            }
        }
        records.push(SuiteRecord {
            id,
            category: if event.is_empty() { "unknown".to_string() } else { event },
            date,
            text,
            expected,
            optional: Vec::new(),
            expects_no_event: false,
            evaluate: skip.is_none(),
            skip_reason: skip,
            options: Vec::new(),
            expected_error: None,
            line,
        });
    }
    Ok(Suite {
        path: path.to_path_buf(),
        format: SuiteFormat::PloverGsrJson,
        records,
        dictionaries: SuiteDictionaries::default(),
        include: None,
        warnings,
    })
}

/// The actor codes of a `source` / `target` value: a list of actor objects (anything else,
/// such as `""` or a stray string, is no actor).
fn actors(v: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for a in list {
        let code = a.get("code").and_then(Value::as_str).unwrap_or_default().trim();
        if code.is_empty() {
            continue;
        }
        let sector = a.get("sector").and_then(Value::as_str).unwrap_or_default().trim();
        let mut full = iso_country(code).to_string();
        if sector.len() == 3 && sector.bytes().all(|b| b.is_ascii_uppercase()) {
            full.push_str(sector);
        }
        if !out.contains(&full) {
            out.push(full);
        }
    }
    out
}

/// The ISO 3166 alpha-3 code for the few older codes the file uses.
pub(crate) fn iso_country(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        other => other,
    }
}

/// The 1-based line where each top-level array element starts (for messages): the line
/// of each `{` at nesting depth 1, strings skipped.
fn object_lines(text: &str) -> Vec<usize> {
    let (mut out, mut depth, mut line) = (Vec::new(), 0usize, 1usize);
    let (mut in_str, mut escaped) = (false, false);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '[' | '{' => {
                if depth == 1 && c == '{' {
                    out.push(line);
                }
                depth += 1;
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(json: &str) -> Suite {
        parse(Path::new("gsr.json"), json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn detects_gsr() {
        assert!(looks_like_gsr("[\n{\"id\": \"x\", \"event\": \"AGREE\", \"eventText\": \"a\"}]"));
        assert!(!looks_like_gsr("<Validation>"));
        assert!(!looks_like_gsr("{\"event\": 1, \"eventText\": 2}"));
    }

    #[test]
    fn pairs_sources_and_targets_with_the_type_root() {
        let s = load(
            r#"[
{"id": "D", "event": "DOCUMENT", "eventText": "doc"},
{"id": "A", "date": "2000-01-01", "event": "DISAPPROVE", "eventText": "criticized",
 "source": [{"actorText": "Japan", "code": "JAP", "sector": "GOV"}],
 "target": [{"actorText": "Russia", "code": "RUS"}, {"actorText": "Iran", "code": "IRN", "sector": "***"}],
 "text": "Japan criticized Russia and Iran."},
{"id": "B", "event": "AGREE", "eventText": "agreed", "target": "",
 "source": [{"code": "HUN"}, {"code": "ROU"}],
 "textInfo": {"markup": "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials (EVT: agreed)"},
 "text": "Hungarian and Romanian officials agreed."},
{"id": "C", "event": "PROTEST", "eventText": "marched", "source": [{"code": "USA"}], "target": "diplomatic",
 "text": "Americans marched."}
]"#,
        );
        assert_eq!(s.format, SuiteFormat::PloverGsrJson);
        assert_eq!(s.records.len(), 4);
        assert!(!s.records[0].evaluate);
        assert_eq!(s.records[1].line, 3);
        assert_eq!(
            s.records[1].expected,
            vec![Triple::new("JPNGOV", "RUS", "11"), Triple::new("JPNGOV", "IRN", "11")]
        );
        assert_eq!(s.records[1].date, chrono::NaiveDate::from_ymd_opt(2000, 1, 1));
        assert_eq!(
            s.records[2].expected,
            vec![Triple::new("HUN", "ROU", "03"), Triple::new("ROU", "HUN", "03")]
        );
        assert_eq!(s.records[3].expected, vec![Triple::new("USA", "---", "14")]);
        assert_eq!(s.records[3].category, "PROTEST");
    }

    #[test]
    fn bad_json_names_the_position() {
        let e = parse(Path::new("x"), "[{\"event\": }]").err().unwrap_or_default();
        assert!(e.contains("line 1"), "{e}");
        let e = parse(Path::new("x"), "{\"event\": 1}").err().unwrap_or_default();
        assert!(e.contains("not an array"), "{e}");
        let s = load("[1, {\"event\": \"AGREE\", \"eventText\": \"x\"}]");
        assert_eq!(s.records.len(), 1);
        assert!(s.warnings.iter().any(|w| w.contains("element 1 is not an object")));
    }
}
