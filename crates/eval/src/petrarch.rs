//! PETRARCH validation XML, read with a tolerant tag scanner.
//!
//! The files are not always well-formed XML (`PETR_Validate_records_2_02.xml` has `--`
//! inside a comment and `<PLEvent {json}>` lines), and PETRARCH itself reads them line by
//! line, so this is a small forgiving scanner rather than a strict XML parser: comments,
//! processing instructions and unknown elements are skipped, `<Parse>` bodies are skipped
//! raw, attribute values may use either quote and spaces around `=`.

use std::path::{Path, PathBuf};

use crate::{collapse_ws, LineIndex, Suite, SuiteDictionaries, SuiteFormat, SuiteRecord, Triple};

/// Whether the first markup of the file is `<Validation>`.
pub(crate) fn looks_like_xml(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            match r.find("?>") {
                Some(i) => rest = &r[i + 2..],
                None => return false,
            }
        } else if let Some(r) = rest.strip_prefix("<!--") {
            match r.find("-->") {
                Some(i) => rest = &r[i + 3..],
                None => return false,
            }
        } else if let Some(r) = rest.strip_prefix("<!") {
            match r.find('>') {
                Some(i) => rest = &r[i + 1..],
                None => return false,
            }
        } else {
            return starts_with_tag(rest, "Validation");
        }
    }
}

/// `s` starts with `<name` followed by whitespace, `>` or `/`.
fn starts_with_tag(s: &str, name: &str) -> bool {
    let Some(r) = s.strip_prefix('<') else {
        return false;
    };
    match r.get(..name.len()) {
        Some(head) if head.eq_ignore_ascii_case(name) => matches!(
            r[name.len()..].chars().next(),
            None | Some('>') | Some('/') | Some(' ' | '\t' | '\r' | '\n')
        ),
        _ => false,
    }
}

/// A scanned tag.
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    closing: bool,
    self_closing: bool,
}

fn parse_tag(inner: &str) -> Tag<'_> {
    let closing = inner.starts_with('/');
    let body = if closing { &inner[1..] } else { inner };
    let self_closing = body.trim_end().ends_with('/');
    let body = body.trim_end().trim_end_matches('/');
    let name_end = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
    Tag { name: &body[..name_end], attrs: &body[name_end..], closing, self_closing }
}

/// Parses `name = "value"` / `name='value'` / `name=value` pairs; values are unescaped and trimmed.
pub(crate) fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '=').unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        if name.is_empty() {
            // A stray '=': skip it.
            rest = rest.get(1..).unwrap_or("");
            continue;
        }
        let Some(after_eq) = rest.strip_prefix('=') else {
            out.push((name.to_string(), String::new()));
            continue;
        };
        rest = after_eq.trim_start();
        let value;
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let body = &rest[1..];
            match body.find(q) {
                Some(i) => {
                    value = &body[..i];
                    rest = &body[i + 1..];
                }
                None => {
                    value = body;
                    rest = "";
                }
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            value = &rest[..end];
            rest = &rest[end..];
        }
        out.push((name.to_string(), unescape(value).trim().to_string()));
    }
    out
}

pub(crate) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Replaces the XML entities and character references; unknown ones are kept as written.
pub(crate) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let semi = tail.find(';').filter(|&j| j <= 12);
        let replaced = semi.and_then(|j| {
            let ent = &tail[1..j];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                        u32::from_str_radix(h, 16).ok()
                    } else if let Some(d) = ent.strip_prefix('#') {
                        d.parse::<u32>().ok()
                    } else {
                        None
                    };
                    num.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, j))
        });
        match replaced {
            Some((c, j)) => {
                out.push(c);
                rest = &tail[j + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes `<!-- -->` comments from element content.
fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i + 4..].find("-->") {
            Some(j) => rest = &rest[i + 4 + j + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Case-insensitive ASCII find of `needle` in `hay` from `from`.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from > h.len() || h.len() - from < n.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[derive(Default)]
struct Partial {
    id: String,
    category: String,
    date: Option<chrono::NaiveDate>,
    text: Option<String>,
    expected: Vec<Triple>,
    no_event: bool,
    error: Option<String>,
    codings: usize,
    evaluate_attr: bool,
    line: usize,
    /// `<Config>` settings met since the previous record.
    options: Vec<String>,
}

struct Env {
    verbs: Option<String>,
    actors: Vec<String>,
    agents: Vec<String>,
    discards: Option<String>,
    include: Option<Vec<String>>,
    exclude: Vec<String>,
}

pub(crate) fn parse(path: &Path, base: &Path, text: &str) -> Suite {
    let lines = LineIndex::new(text);
    let file = path.display().to_string();
    let mut warnings = Vec::new();
    let mut env = Env {
        verbs: None,
        actors: Vec::new(),
        agents: Vec::new(),
        discards: None,
        include: None,
        exclude: Vec::new(),
    };
    let mut partials: Vec<Partial> = Vec::new();
    let mut current: Option<Partial> = None;
    let mut in_env = false;
    let mut pos = 0usize;
    // `<Config option="require_dyad" value="false">` between records changes
    // the settings from the next record on.
    let mut pending_options: Vec<String> = Vec::new();

    while let Some(rel) = text.get(pos..).and_then(|t| t.find('<')) {
        let start = pos + rel;
        let rest = &text[start..];
        if let Some(body) = rest.strip_prefix("<!--") {
            match body.find("-->") {
                Some(j) => pos = start + 4 + j + 3,
                None => {
                    warnings.push(format!(
                        "{file}:{}: comment never closed; rest of file ignored",
                        lines.line(start)
                    ));
                    break;
                }
            }
            continue;
        }
        if rest.starts_with("<![CDATA[") || rest.starts_with("<?") || rest.starts_with("<!") {
            let end = if rest.starts_with("<![CDATA[") {
                rest.find("]]>").map(|j| j + 3)
            } else if rest.starts_with("<?") {
                rest.find("?>").map(|j| j + 2)
            } else {
                rest.find('>').map(|j| j + 1)
            };
            match end {
                Some(e) => pos = start + e,
                None => break,
            }
            continue;
        }
        let Some(gt) = rest.find('>') else {
            warnings.push(format!(
                "{file}:{}: tag never closed with '>'; rest of file ignored",
                lines.line(start)
            ));
            break;
        };
        let tag = parse_tag(&rest[1..gt]);
        let after = start + gt + 1;
        pos = after;
        let name = tag.name;
        let line = lines.line(start);
        let is = |n: &str| name.eq_ignore_ascii_case(n);

        if tag.closing {
            if is("Environment") {
                in_env = false;
            } else if is("Sentence") {
                match current.take() {
                    Some(p) => partials.push(p),
                    None => warnings.push(format!("{file}:{line}: </Sentence> without an open <Sentence>")),
                }
            }
            continue;
        }

        if is("Stop") {
            let later = count_sentences(text, after);
            warnings.push(format!(
                "{file}:{line}: <Stop> record: the suite ends here ({later} later sentence(s) not loaded)"
            ));
            break;
        }

        if is("Environment") {
            in_env = !tag.self_closing;
            continue;
        }

        if in_env && !tag.self_closing {
            let env_field = ["Verbfile", "Actorfile", "Agentfile", "Discardfile", "Include", "Exclude"]
                .into_iter()
                .find(|n| is(n));
            if let Some(field) = env_field {
                let (content, next) = element_content(text, after, name);
                pos = next;
                let value = collapse_ws(&unescape(&strip_comments(content)));
                match field {
                    "Verbfile" => env.verbs = Some(value),
                    "Actorfile" => env.actors.extend(split_list(&value)),
                    "Agentfile" => env.agents.extend(split_list(&value)),
                    "Discardfile" => env.discards = Some(value),
                    "Include" => {
                        env.include = Some(
                            value.split_whitespace().filter(|c| *c != "valid").map(str::to_string).collect(),
                        )
                    }
                    _ => env.exclude.extend(value.split_whitespace().map(str::to_string)),
                }
                continue;
            }
        }

        if is("Sentence") {
            let attrs = parse_attrs(tag.attrs);
            if let Some(prev) = current.take() {
                warnings.push(format!(
                    "{file}:{line}: <Sentence> opened before the one at line {} was closed",
                    prev.line
                ));
                partials.push(prev);
            }
            let id = match attr(&attrs, "id") {
                Some(id) if !id.is_empty() => id.to_string(),
                _ => {
                    warnings.push(format!("{file}:{line}: <Sentence> without an id"));
                    format!("line-{line}")
                }
            };
            let date = match attr(&attrs, "date") {
                Some(d) => {
                    let parsed = chrono::NaiveDate::parse_from_str(d, "%Y%m%d").ok();
                    if parsed.is_none() {
                        warnings.push(format!("{file}:{line}: record {id}: date {d:?} is not YYYYMMDD"));
                    }
                    parsed
                }
                None => None,
            };
            let falsy = |n: &str| attr(&attrs, n).is_some_and(|v| v.eq_ignore_ascii_case("false"));
            let p = Partial {
                id,
                category: attr(&attrs, "category").unwrap_or_default().to_string(),
                date,
                evaluate_attr: !(falsy("evaluate") || falsy("valid")),
                line,
                options: std::mem::take(&mut pending_options),
                ..Partial::default()
            };
            if tag.self_closing {
                partials.push(p);
            } else {
                current = Some(p);
            }
            continue;
        }

        if is("Config") && !in_env {
            let attrs = parse_attrs(tag.attrs);
            match (attr(&attrs, "option"), attr(&attrs, "value")) {
                (Some(option), Some(value)) => pending_options.push(format!("{option} = {value}")),
                _ => warnings.push(format!("{file}:{line}: <Config> without option and value; ignored")),
            }
            continue;
        }
        let Some(cur) = current.as_mut() else {
            continue;
        };
        if is("EventCoding") {
            let attrs = parse_attrs(tag.attrs);
            cur.codings += 1;
            if let Some(v) = attr(&attrs, "noevents") {
                if v.eq_ignore_ascii_case("true") {
                    cur.no_event = true;
                } else {
                    warnings.push(format!(
                        "{file}:{line}: record {}: noevents={v:?} is not \"True\"; ignored",
                        cur.id
                    ));
                }
            } else if let Some(e) = attr(&attrs, "error") {
                cur.no_event = true;
                cur.error = Some(e.to_string());
            } else {
                let get = |n: &str| attr(&attrs, n).unwrap_or_default().to_string();
                let t = Triple::new(get("sourcecode"), get("targetcode"), get("eventcode"));
                if t.code.is_empty() {
                    warnings.push(format!(
                        "{file}:{line}: record {}: <EventCoding> without an eventcode; ignored",
                        cur.id
                    ));
                } else {
                    cur.expected.push(t);
                }
            }
        } else if is("Text") && !tag.self_closing {
            let (content, next) = element_content(text, after, "Text");
            pos = next;
            let t = collapse_ws(&unescape(&strip_comments(content)));
            if cur.text.is_some() {
                warnings.push(format!("{file}:{line}: record {}: second <Text>; appended", cur.id));
            }
            cur.text = Some(match cur.text.take() {
                Some(prev) => format!("{prev} {t}"),
                None => t,
            });
        } else if is("Parse") && !tag.self_closing {
            let (_, next) = element_content(text, after, "Parse");
            pos = next;
        }
    }
    if let Some(p) = current.take() {
        warnings.push(format!("{file}:{}: record {} never closed with </Sentence>", p.line, p.id));
        partials.push(p);
    }

    let records = partials.into_iter().map(|p| finish(p, &env, &file, &mut warnings)).collect();
    let resolve = |name: &str| -> PathBuf { base.join(name) };
    if env.agents.len() > 1 {
        warnings.push(format!(
            "{file}: several agent files named; using the first, {}",
            env.agents.first().map(String::as_str).unwrap_or_default()
        ));
    }
    let dictionaries = SuiteDictionaries {
        verbs: env.verbs.as_deref().filter(|s| !s.is_empty()).map(resolve),
        actors: env.actors.iter().map(|a| resolve(a)).collect(),
        agents: env.agents.first().map(|a| resolve(a)),
        discards: env.discards.as_deref().filter(|s| !s.is_empty()).map(resolve),
        options: None,
    };
    Suite {
        path: path.to_path_buf(),
        format: SuiteFormat::PetrarchXml,
        records,
        dictionaries,
        include: env.include,
        warnings,
    }
}

fn finish(p: Partial, env: &Env, file: &str, warnings: &mut Vec<String>) -> SuiteRecord {
    let mut skip = None;
    if !p.evaluate_attr {
        skip = Some("evaluate=\"false\"".to_string());
    } else if env.include.as_ref().is_some_and(|inc| !inc.contains(&p.category)) {
        skip = Some(format!("category {:?} not in <Include>", p.category));
    } else if env.exclude.contains(&p.category) {
        skip = Some(format!("category {:?} in <Exclude>", p.category));
    } else if p.codings == 0 {
        skip = Some("no <EventCoding>".to_string());
    }
    if p.no_event && !p.expected.is_empty() {
        warnings.push(format!(
            "{file}:{}: record {} has both codings and noevents/error; the codings win",
            p.line, p.id
        ));
    }
    let text = p.text.unwrap_or_else(|| {
        warnings.push(format!("{file}:{}: record {} has no <Text>", p.line, p.id));
        String::new()
    });
    SuiteRecord {
        expects_no_event: p.no_event && p.expected.is_empty(),
        id: p.id,
        category: p.category,
        date: p.date,
        text,
        expected: p.expected,
        optional: Vec::new(),
        evaluate: skip.is_none(),
        skip_reason: skip,
        options: p.options,
        expected_error: p.error,
        line: p.line,
    }
}

/// Content of an element starting at `from`, up to its `</name`, and the offset after `>`.
fn element_content<'a>(text: &'a str, from: usize, name: &str) -> (&'a str, usize) {
    let close = format!("</{name}");
    match find_ci(text, &close, from) {
        Some(i) => {
            let end = text.get(i..).and_then(|t| t.find('>')).map_or(text.len(), |j| i + j + 1);
            (&text[from..i], end)
        }
        None => (&text[from..], text.len()),
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// Counts `<Sentence` tags outside comments from `from` on.
fn count_sentences(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or_default();
    let stripped = strip_comments(rest);
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find_ci(&stripped, "<Sentence", i) {
        if starts_with_tag(&stripped[j..], "Sentence") {
            n += 1;
        }
        i = j + 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_with_odd_quoting() {
        let a = parse_attrs(r#" date = "19950101" id ="X-1"  sourcecode='"INJURY TOLL"' b=c d"#);
        assert_eq!(attr(&a, "date"), Some("19950101"));
        assert_eq!(attr(&a, "id"), Some("X-1"));
        assert_eq!(attr(&a, "sourcecode"), Some("\"INJURY TOLL\""));
        assert_eq!(attr(&a, "b"), Some("c"));
        assert_eq!(attr(&a, "d"), Some(""));
    }

    #[test]
    fn entities() {
        assert_eq!(unescape("&quot;A&quot; &amp; &#65;&#x42; &bogus; &"), "\"A\" & AB &bogus; &");
    }

    #[test]
    fn detects_xml() {
        assert!(looks_like_xml("<?xml version='1.0'?>\n<!-- c -->\n<Validation>"));
        assert!(!looks_like_xml("950101 DEMO-01\ntext"));
        assert!(!looks_like_xml("<Validations>"));
    }

    fn load(xml: &str) -> Suite {
        parse(Path::new("t.xml"), Path::new("/base"), xml)
    }

    #[test]
    fn config_between_records_goes_to_the_next_record() {
        let s = load(
            r#"<Validation><Environment><Config option="stop_on_error" value="True"></Config></Environment>
<Sentence id="A" category="DEMO"><EventCoding noevents="True"/><Text>x</Text></Sentence>
<Config option="require_dyad" value="false"></Config>
<Config option="comma_max" value="0"/>
<Sentence id="B" category="DEMO"><EventCoding noevents="True"/><Text>x</Text></Sentence>
<Config value="x"></Config>
<Sentence id="C" category="DEMO"><EventCoding noevents="True"/><Text>x</Text></Sentence>
</Validation>"#,
        );
        assert!(s.records[0].options.is_empty(), "an <Environment> setting is not a record's");
        assert_eq!(s.records[1].options, ["require_dyad = false", "comma_max = 0"]);
        assert!(s.records[2].options.is_empty());
        assert!(s.warnings.iter().any(|w| w.contains("<Config> without option")));
    }

    #[test]
    fn include_exclude_evaluate_and_stop() {
        let s = load(
            r#"<Validation><Environment>
<Verbfile>v.txt</Verbfile><Actorfile>a1.txt, a2.txt</Actorfile><Actorfile>a3.txt</Actorfile>
<Agentfile>ag.txt</Agentfile><Discardfile>d.txt</Discardfile>
<Include>valid DEMO ERROR</Include></Environment>
<!-- <Sentence id="C" category="DEMO"> in a comment -->
<!--Stop-->
<Sentence date="19950101" id="A" category="DEMO"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>  Arnor   &amp; Gondor </Text><Parse>(ROOT <odd> )</Parse></Sentence>
<Sentence date = "1995013x" id ="B" category="OTHER"><EventCoding noevents = "True"/><Text>x</Text></Sentence>
<Sentence id="E" category="ERROR"><EventCoding error="dateline"/><Text>x</Text></Sentence>
<Sentence id="F" category="DEMO" evaluate="false"><EventCoding noevents="True"/><Text>x</Text></Sentence>
<Sentence id="G" category="DEMO"><Text>no coding</Text></Sentence>
<Stop></Stop>
<Sentence id="H" category="DEMO"><EventCoding noevents="True"/><Text>x</Text></Sentence>
</Validation>"#,
        );
        let ids: Vec<_> = s.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["A", "B", "E", "F", "G"]);
        let a = &s.records[0];
        assert_eq!(a.text, "Arnor & Gondor");
        assert_eq!(a.expected, [Triple::new("ARN", "GON", "064")]);
        assert!(a.evaluate);
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(1995, 1, 1));
        assert!(!s.records[1].evaluate, "category not included");
        assert!(s.records[1].expects_no_event);
        assert_eq!(s.records[1].date, None);
        assert!(s.records[2].evaluate && s.records[2].expects_no_event);
        assert_eq!(s.records[2].expected_error.as_deref(), Some("dateline"));
        assert!(!s.records[3].evaluate);
        assert!(!s.records[4].evaluate);
        assert_eq!(s.include, Some(vec!["DEMO".to_string(), "ERROR".to_string()]));
        let d = &s.dictionaries;
        assert_eq!(d.verbs.as_deref(), Some(Path::new("/base/v.txt")));
        assert_eq!(d.actors.len(), 3);
        assert_eq!(d.actors[1], Path::new("/base/a2.txt"));
        assert_eq!(d.agents.as_deref(), Some(Path::new("/base/ag.txt")));
        assert_eq!(d.discards.as_deref(), Some(Path::new("/base/d.txt")));
        assert!(s.warnings.iter().any(|w| w.contains("<Stop>") && w.contains("1 later")));
        assert!(s.warnings.iter().any(|w| w.contains("t.xml:") && w.contains("YYYYMMDD")));
    }
}
