//! TABARI validation text (`Validate.text`).
//!
//! Conventions found in the file and honoured here:
//! * A record starts with a header line `DATE ID [more]`: `DATE` is `YYMMDD` (or
//!   `YYYYMMDD`, TABARI's YYYY option); the ID is the rest of the line, whitespace
//!   collapsed (some IDs carry a second token, e.g. `FBIS-001-001  CEP20020711000011`).
//!   A header is recognized outside a record, or after a blank line inside a record's
//!   text (records without a comment block end at the next header).
//! * The text runs until `/*` (possibly at the end of a text line); the comment block runs
//!   to `*/`. Lines starting with `#` outside comments are banners and are skipped.
//!   Two comment blocks in `Validate.text` are not closed (`/*` typed for `*/`, or no
//!   `*/` at all): a header line after a blank line closes an open comment, with a warning.
//! * Inside the comment: `{ SRC / TGT / CODE }` is a required coding (anything after the
//!   `}`, such as a date or a verb label, is ignored); `-{ ... }` an optional coding;
//!   `{+++}`, `{---}` and `{###}` (discard) mean no event; `{ OPTION: ... }` is an options
//!   command (kept in [`SuiteRecord::options`]), even when its `}` is missing; `{}` is ignored.
//! * Two-digit years 00-29 are read as 20xx, others as 19xx.
//! * The record whose text says "end of the standard validation records" is TABARI's stop
//!   record: it and everything after it are not loaded.
//! * The dictionaries come from the `*.project` file beside the suite.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::{collapse_ws, Suite, SuiteDictionaries, SuiteFormat, SuiteRecord, Triple};

const STOP_PHRASE: &str = "end of the standard validation records";

/// Splits a header line into (date digits, id); None if the line is not a header.
fn header(line: &str) -> Option<(&str, String)> {
    let digits_end = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(line.len());
    if digits_end < 6 {
        return None;
    }
    let rest = &line[digits_end..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let id = collapse_ws(rest);
    if id.is_empty() {
        return None;
    }
    Some((&line[..digits_end], id))
}

pub(crate) fn looks_like_tabari(text: &str) -> bool {
    text.lines().any(|l| header(l).is_some())
}

fn parse_date(d: &str) -> Option<NaiveDate> {
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, m, day) = match d.len() {
        6 => {
            let yy = num(d.get(0..2)?)?;
            let y = if yy < 30 { 2000 + yy } else { 1900 + yy };
            (y, num(d.get(2..4)?)?, num(d.get(4..6)?)?)
        }
        8 => (num(d.get(0..4)?)?, num(d.get(4..6)?)?, num(d.get(6..8)?)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, day)
}

#[derive(PartialEq)]
enum State {
    Outside,
    Text,
    Comment,
    /// A comment block closed; the record goes on until a blank line.
    AfterComment,
}

struct Partial {
    date: Option<NaiveDate>,
    id: String,
    text: String,
    /// Comment segments with the line each starts on.
    comments: Vec<(usize, String)>,
    line: usize,
}

pub(crate) fn parse(path: &Path, base: &Path, text: &str) -> Suite {
    let file = path.display().to_string();
    let mut warnings = Vec::new();
    let mut partials: Vec<Partial> = Vec::new();
    let mut cur: Option<Partial> = None;
    let mut state = State::Outside;
    let mut prev_blank = true;
    let mut stopped = false;
    let all: Vec<&str> = text.lines().collect();

    for (idx, raw) in all.iter().enumerate() {
        let line_no = idx + 1;
        let line = *raw;
        let blank = line.trim().is_empty();
        if state == State::Outside || prev_blank {
            if let Some((digits, id)) = header(line) {
                if state == State::Comment {
                    if let Some(p) = &cur {
                        warnings.push(format!(
                            "{file}:{line_no}: record {}: comment block opened at line {} not \
                             closed with */ before this record header; closed here",
                            p.id,
                            p.comments.last().map_or(p.line, |c| c.0)
                        ));
                    }
                }
                if let Some(p) = cur.take() {
                    partials.push(p);
                }
                let date = parse_date(digits);
                if date.is_none() {
                    warnings.push(format!(
                        "{file}:{line_no}: record {id}: date {digits:?} is not YYMMDD or YYYYMMDD"
                    ));
                }
                cur = Some(Partial { date, id, text: String::new(), comments: Vec::new(), line: line_no });
                state = State::Text;
                prev_blank = false;
                continue;
            }
        }
        prev_blank = blank;
        match state {
            State::Outside => {
                if !blank && !line.trim_start().starts_with('#') {
                    warnings.push(format!(
                        "{file}:{line_no}: text outside any record ignored: {:?}",
                        truncate(line.trim(), 60)
                    ));
                }
            }
            State::Text | State::AfterComment => {
                let Some(p) = cur.as_mut() else {
                    state = State::Outside;
                    continue;
                };
                let t = line.trim_start();
                if t.starts_with('#') {
                    continue;
                }
                if state == State::AfterComment {
                    if blank {
                        state = State::Outside;
                        continue;
                    }
                    if t.starts_with("\\n") || t.starts_with('{') || t.starts_with("-{") {
                        warnings.push(format!(
                            "{file}:{line_no}: record {}: coding line after its comment block \
                             closed; read as part of the block",
                            p.id
                        ));
                        p.comments.push((line_no, line.replace("*/", "  ").replace("/*", "  ")));
                        continue;
                    }
                }
                match line.find("/*") {
                    Some(i) => {
                        p.text.push_str(&line[..i]);
                        p.text.push(' ');
                        let after = &line[i + 2..];
                        stopped = says_stop(&p.text);
                        match after.find("*/") {
                            Some(j) => {
                                p.comments.push((line_no, after[..j].to_string()));
                                state = State::AfterComment;
                            }
                            None => {
                                p.comments.push((line_no, format!("{after}\n")));
                                state = State::Comment;
                            }
                        }
                    }
                    None => {
                        p.text.push_str(line);
                        p.text.push(' ');
                        stopped = says_stop(&p.text);
                    }
                }
            }
            State::Comment => {
                let Some(p) = cur.as_mut() else {
                    state = State::Outside;
                    continue;
                };
                let seg = match p.comments.last_mut() {
                    Some((_, seg)) => seg,
                    None => {
                        p.comments.push((line_no, String::new()));
                        match p.comments.last_mut() {
                            Some((_, seg)) => seg,
                            None => continue,
                        }
                    }
                };
                match line.find("*/") {
                    Some(j) => {
                        seg.push_str(&line[..j]);
                        state = State::AfterComment;
                    }
                    None => {
                        seg.push_str(line);
                        seg.push('\n');
                    }
                }
            }
        }
        if stopped {
            let stop_line = cur.as_ref().map_or(line_no, |p| p.line);
            let stop_id = cur.as_ref().map(|p| p.id.clone()).unwrap_or_default();
            cur = None;
            let later = all.iter().skip(line_no).filter(|l| header(l).is_some()).count();
            warnings.push(format!(
                "{file}:{stop_line}: stop record {stop_id} (\"{STOP_PHRASE}\"): it and the \
                 {later} later record(s) are not loaded"
            ));
            break;
        }
    }
    if state == State::Comment {
        if let Some(p) = &cur {
            warnings.push(format!(
                "{file}:{}: record {}: comment block opened at line {} never closed",
                p.line,
                p.id,
                p.comments.last().map_or(p.line, |c| c.0)
            ));
        }
    }
    if let Some(p) = cur.take() {
        partials.push(p);
    }

    let records = partials.into_iter().map(|p| finish(p, &file, &mut warnings)).collect();
    let dictionaries = find_project(path, base, &mut warnings);
    Suite {
        path: path.to_path_buf(),
        format: SuiteFormat::TabariText,
        records,
        dictionaries,
        include: None,
        warnings,
    }
}

/// The text announces the stop record: the phrase appears, not as a quotation (the first
/// record of `Validate.text` quotes it to describe the stop record).
fn says_stop(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.match_indices(STOP_PHRASE).any(|(i, _)| !lower[..i].ends_with(['"', '\'', '`']))
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn finish(p: Partial, file: &str, warnings: &mut Vec<String>) -> SuiteRecord {
    let mut expected = Vec::new();
    let mut optional = Vec::new();
    let mut options = Vec::new();
    let mut no_event = false;
    for (seg_line, comment) in &p.comments {
        let comment = comment.as_str();
        let mut pos = 0;
        while let Some(rel) = comment.get(pos..).and_then(|c| c.find('{')) {
            let open = pos + rel;
            let line_no = seg_line + comment[..open].matches('\n').count();
            let body_start = open + 1;
            let tail = &comment[body_start..];
            let nl = tail.find('\n').unwrap_or(tail.len());
            let (body, next) = match tail.find('}') {
                Some(c) if c < nl => (&tail[..c], body_start + c + 1),
                _ => {
                    let body = &tail[..nl];
                    if !body.trim_start().to_ascii_uppercase().starts_with("OPTION:") {
                        warnings.push(format!(
                            "{file}:{line_no}: record {}: '{{' without '}}' on its line",
                            p.id
                        ));
                    }
                    (body, body_start + nl)
                }
            };
            pos = next;
            let is_optional = comment[..open].trim_end_matches([' ', '\t']).ends_with('-');
            let b = body.trim();
            if b.is_empty() {
                continue;
            }
            if let Some(opt) =
                b.get(..7).filter(|h| h.eq_ignore_ascii_case("OPTION:")).and_then(|_| b.get(7..))
            {
                options.push(collapse_ws(opt));
                continue;
            }
            let marker = b.chars().next().filter(|c| matches!(c, '+' | '-' | '#'));
            if let Some(m) = marker {
                if b.chars().all(|c| c == m) {
                    if !is_optional {
                        no_event = true;
                    }
                    continue;
                }
            }
            let parts: Vec<&str> = b.split('/').collect();
            match parts.as_slice() {
                [s, t, c] if !s.trim().is_empty() && !t.trim().is_empty() && !c.trim().is_empty() => {
                    let triple = Triple::new(s, t, c);
                    if is_optional {
                        optional.push(triple);
                    } else {
                        expected.push(triple);
                    }
                }
                _ => warnings.push(format!(
                    "{file}:{line_no}: record {}: not a coding, ignored: {{{}}}",
                    p.id,
                    truncate(body, 60)
                )),
            }
        }
    }
    if no_event && !expected.is_empty() {
        warnings.push(format!(
            "{file}:{}: record {} has both codings and a no-event marker; the codings win",
            p.line, p.id
        ));
    }
    let skip = if expected.is_empty() && optional.is_empty() && !no_event {
        Some("no codings and no no-event marker".to_string())
    } else {
        None
    };
    // The ID's first token that is not a bare number (`950101  950101  AGENTS-11` repeats
    // the date), up to its first '-'.
    let category =
        p.id.split_whitespace()
            .find(|tok| !tok.chars().all(|c| c.is_ascii_digit()))
            .or_else(|| p.id.split_whitespace().next())
            .and_then(|tok| tok.split('-').next())
            .unwrap_or_default()
            .to_string();
    SuiteRecord {
        category,
        date: p.date,
        text: collapse_ws(&p.text),
        expects_no_event: no_event && expected.is_empty(),
        expected,
        optional,
        evaluate: skip.is_none(),
        skip_reason: skip,
        options,
        expected_error: None,
        line: p.line,
        id: p.id,
    }
}

/// Reads the `*.project` file beside the suite. With several, the one whose `<textfile>`
/// names this suite wins; otherwise the only one.
fn find_project(path: &Path, base: &Path, warnings: &mut Vec<String>) -> SuiteDictionaries {
    let suite_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut projects: Vec<PathBuf> = match std::fs::read_dir(base) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "project") && p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    projects.sort();
    let mut parsed: Vec<(PathBuf, Vec<(String, String)>)> = Vec::new();
    for p in projects {
        match std::fs::read(&p) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                parsed.push((p, project_entries(&text)));
            }
            Err(e) => warnings.push(format!("{}: cannot read project file: {e}", p.display())),
        }
    }
    let names_suite = |entries: &[(String, String)]| {
        entries
            .iter()
            .any(|(k, v)| k == "textfile" && Path::new(v).file_name().is_some_and(|f| *f == *suite_name))
    };
    let chosen = match parsed.iter().position(|(_, e)| names_suite(e)) {
        Some(i) => parsed.get(i),
        None if parsed.len() == 1 => parsed.first(),
        None => {
            if parsed.is_empty() {
                warnings
                    .push(format!("{}: no *.project file beside the suite; no dictionaries", path.display()));
            } else {
                warnings.push(format!(
                    "{}: {} *.project files beside the suite and none names it in <textfile>; \
                     no dictionaries",
                    path.display(),
                    parsed.len()
                ));
            }
            None
        }
    };
    let mut d = SuiteDictionaries::default();
    if let Some((_, entries)) = chosen {
        for (k, v) in entries {
            let p = base.join(v);
            match k.as_str() {
                "actorsfile" => d.actors.push(p),
                "verbsfile" => d.verbs = Some(p),
                "agentsfile" => d.agents = Some(p),
                "optionsfile" => d.options = Some(p),
                "discardfile" | "discardsfile" => d.discards = Some(p),
                _ => {}
            }
        }
    }
    d
}

/// `<key> value` lines of a TABARI project file (keys lowercased).
fn project_entries(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let r = l.strip_prefix('<')?;
            let close = r.find('>')?;
            let key = r[..close].trim().to_ascii_lowercase();
            let value = r[close + 1..].split_whitespace().next()?;
            if key.contains(' ') || value.starts_with('<') {
                return None;
            }
            Some((key, value.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert_eq!(header("950101  DEMO-01"), Some(("950101", "DEMO-01".into())));
        assert_eq!(header("920102  FBIS-001-001  CEP2002"), Some(("920102", "FBIS-001-001 CEP2002".into())));
        assert_eq!(header("19950101 YYYY-Cancel").map(|h| h.0), Some("19950101"));
        assert_eq!(header("95010 DEMO"), None);
        assert_eq!(header("950101"), None);
        assert_eq!(header("950101,000 people"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("950103"), NaiveDate::from_ymd_opt(1995, 1, 3));
        assert_eq!(parse_date("000101"), NaiveDate::from_ymd_opt(2000, 1, 1));
        assert_eq!(parse_date("19140724"), NaiveDate::from_ymd_opt(1914, 7, 24));
        assert_eq!(parse_date("9501201"), None);
        assert_eq!(parse_date("951301"), None);
    }

    #[test]
    fn records_codings_and_stop() {
        let text = "\
# banner
950101  DEMO-01
Arnor restores ties
with Gondor.
/*\\n---
\\n[comment with {} braces]
\\n{ ARN / GON / 064 } 950101
\\n{ ARN / GON / 064 }
\\n-{ARN / OSG / 064  } */

950102  DEMO-02
Nothing happens./*
\\n{+++} */

950103  OPT-01
Options record.
/*\\n{ OPTION: SET: MINIMUM WORDS = 4  */

950104  DISCARD-1
Discarded.
/* {###} */

950105  FBIS-1  CEP1
2. -- **

950106  DEMO-03
This is the end of the standard validation records.

950107  DEMO-04
Never loaded. /* { A / B / 010 } */
";
        let s = parse(Path::new("v.text"), Path::new("/nonexistent-dyad-dir"), text);
        let ids: Vec<_> = s.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["DEMO-01", "DEMO-02", "OPT-01", "DISCARD-1", "FBIS-1 CEP1"]);
        let r = &s.records[0];
        assert_eq!(r.text, "Arnor restores ties with Gondor.");
        assert_eq!(r.expected, vec![Triple::new("ARN", "GON", "064"); 2]);
        assert_eq!(r.optional, [Triple::new("ARN", "OSG", "064")]);
        assert!(r.evaluate && !r.expects_no_event);
        assert_eq!(r.category, "DEMO");
        assert_eq!(r.line, 2);
        assert!(s.records[1].expects_no_event && s.records[1].evaluate);
        assert_eq!(s.records[1].text, "Nothing happens.");
        assert_eq!(s.records[2].options, ["SET: MINIMUM WORDS = 4"]);
        assert!(!s.records[2].evaluate);
        assert!(s.records[3].expects_no_event);
        assert_eq!(s.records[4].text, "2. -- **");
        assert!(!s.records[4].evaluate);
        assert!(s.warnings.iter().any(|w| w.contains("stop record DEMO-03") && w.contains("1 later")));
    }
}
