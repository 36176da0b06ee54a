//! TABARI `.actors` and PETRARCH/Phoenix actor dictionaries.

use chrono::NaiveDate;

use crate::model::{ActorEntry, DateRange, DatedCode, Lexicon, Phrase};

use super::text::{bracket_groups, parse_phrase, semicolon_comments, Line, Lines};
use super::Ctx;

#[derive(PartialEq)]
enum Section {
    Main,
    Noun,
    Adjective,
}

/// Reads an actor dictionary.
pub(crate) fn parse(text: &str, file: &str) -> Lexicon {
    let mut ctx = Ctx::new(file);
    // PETRARCH files (with `#` or `<!-- -->` comments) match whole words;
    // TABARI files (with `;` comments, whatever odd `#` line they hold)
    // read a bare word as a stem.
    let petrarch = !semicolon_comments(text)
        && text.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with('#') || l.starts_with("<!--")
        });
    let mut section = Section::Main;
    let mut current: Option<ActorEntry> = None;
    let mut finished = false;
    for line in Lines::new(text) {
        let t: &str = &line.text;
        if t.is_empty() {
            continue;
        }
        if finished {
            ctx.warn(line.no, format!("text after the ~~FINISH mark ignored: {t:?}"));
            continue;
        }
        if t.starts_with("~~") {
            finished = true;
            continue;
        }
        match t.to_ascii_uppercase().as_str() {
            "<NOUN>" => {
                section = Section::Noun;
                continue;
            }
            "<ADJECTIVE>" => {
                section = Section::Adjective;
                continue;
            }
            "</NOUN>" | "</ADJECTIVE>" => {
                section = Section::Main;
                continue;
            }
            _ => {}
        }
        if section != Section::Main {
            match parse_phrase(t, petrarch) {
                Some(p) if section == Section::Noun => ctx.lex.nouns.push(p),
                Some(p) => ctx.lex.adjectives.push(p),
                None => ctx.warn(line.no, format!("empty word in {t:?}")),
            }
            continue;
        }
        if t.starts_with('<') {
            ctx.warn(line.no, format!("unknown section tag {t:?} ignored"));
            continue;
        }
        let (outside, groups) = match bracket_groups(t) {
            Ok(x) => x,
            Err(msg) => {
                ctx.warn(line.no, format!("{msg}; skipped"));
                continue;
            }
        };
        if t.starts_with('[') {
            // Code lines of the current entry (Phoenix style).
            match current.as_mut() {
                Some(entry) => {
                    if !outside.is_empty() {
                        ctx.warn(line.no, format!("text outside brackets ignored: {outside:?}"));
                    }
                    add_codes(&mut ctx, &line, entry, &groups);
                }
                None => ctx.warn(line.no, format!("code line before any actor: {t:?}; skipped")),
            }
            continue;
        }
        if let Some(rest) = outside.strip_prefix('+') {
            match (current.as_mut(), parse_phrase(rest, petrarch)) {
                (Some(entry), Some(p)) => {
                    entry.names.push(p);
                    add_codes(&mut ctx, &line, entry, &groups);
                }
                (None, _) => ctx.warn(line.no, format!("synonym before any actor: {t:?}; skipped")),
                (_, None) => ctx.warn(line.no, format!("empty synonym: {t:?}; skipped")),
            }
            continue;
        }
        // A name line while the current entry has no code yet is another
        // name of it (Phoenix lists several primary names before the codes).
        if let Some(entry) = current.as_mut().filter(|e| e.codes.is_empty()) {
            match parse_phrase(&outside, petrarch) {
                Some(p) => {
                    entry.names.push(p);
                    add_codes(&mut ctx, &line, entry, &groups);
                }
                None => ctx.warn(line.no, format!("codes without a name: {t:?}; skipped")),
            }
            continue;
        }
        // A new actor.
        if let Some(done) = current.take() {
            finish(&mut ctx, done);
        }
        let Some(name) = parse_phrase(&outside, petrarch) else {
            ctx.warn(line.no, format!("codes without a name: {t:?}; skipped"));
            continue;
        };
        let mut entry = ActorEntry {
            names: vec![name],
            codes: Vec::new(),
            offices: Vec::new(),
            rule: ctx.rule(line.no, t),
        };
        add_codes(&mut ctx, &line, &mut entry, &groups);
        current = Some(entry);
    }
    if let Some(done) = current.take() {
        finish(&mut ctx, done);
    }
    ctx.lex
}

fn finish(ctx: &mut Ctx, entry: ActorEntry) {
    if entry.codes.is_empty() {
        let name = entry.names.first().map(phrase_text).unwrap_or_default();
        ctx.warn(
            entry.rule.line,
            format!("actor {name:?} ({} names) has no code; skipped", entry.names.len()),
        );
        return;
    }
    ctx.lex.actors.push(entry);
}

/// The words of a phrase joined by spaces (for messages).
pub(crate) fn phrase_text(p: &Phrase) -> String {
    p.words.iter().map(|w| w.matcher.key()).collect::<Vec<_>>().join(" ")
}

fn add_codes(ctx: &mut Ctx, line: &Line<'_>, entry: &mut ActorEntry, groups: &[&str]) {
    for g in groups {
        match parse_dated_code(g) {
            Ok((code, warning)) => {
                if let Some(w) = warning {
                    ctx.warn(line.no, w);
                }
                entry.codes.push(code);
            }
            Err(msg) => ctx.warn(line.no, format!("code [{g}]: {msg}; skipped")),
        }
    }
}

/// Reads `CODE`, `CODE <YYMMDD`, `CODE >YYMMDD`, `CODE YYMMDD-YYMMDD`
/// (spaces allowed around the marks; 6- or 8-digit dates). A bad date
/// leaves that side of the range open and returns a warning.
pub(crate) fn parse_dated_code(g: &str) -> Result<(DatedCode, Option<String>), String> {
    let g = g.trim();
    let (code, rest) = match g.find(char::is_whitespace) {
        Some(i) => (g.get(..i).unwrap_or(""), g.get(i..).unwrap_or("").trim()),
        None => (g, ""),
    };
    if code.is_empty() {
        return Err("empty code".into());
    }
    if code.starts_with(['<', '>'])
        || code.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && code.len() >= 6
            && code.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return Err("date restriction without a code".into());
    }
    let mut valid = DateRange::default();
    let mut warning = None;
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let mut bad = |s: &str| {
        warning = Some(format!("bad date {s:?} in [{g}]; that side of the range is left open"));
        None
    };
    if compact.is_empty() {
    } else if let Some(d) = compact.strip_prefix('<') {
        valid.to = parse_date(d).or_else(|| bad(d));
    } else if let Some(d) = compact.strip_prefix('>') {
        valid.from = parse_date(d).or_else(|| bad(d));
    } else if let Some((a, b)) = compact.split_once('-') {
        valid.from = parse_date(a).or_else(|| bad(a));
        valid.to = parse_date(b).or_else(|| bad(b));
    } else {
        return Err(format!("cannot read date restriction {rest:?}"));
    }
    Ok((DatedCode { code: code.into(), valid }, warning))
}

/// `YYMMDD` (00–29 → 20xx, 30–99 → 19xx) or `YYYYMMDD`.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<u32>().ok());
    let (year, month, day) = match s.len() {
        6 => {
            let yy = num(0, 2)?;
            let year = if yy < 30 { 2000 + yy } else { 1900 + yy };
            (year, num(2, 4)?, num(4, 6)?)
        }
        8 => (num(0, 4)?, num(4, 6)?, num(6, 8)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("011222"), d(2001, 12, 22));
        assert_eq!(parse_date("291231"), d(2029, 12, 31));
        assert_eq!(parse_date("300101"), d(1930, 1, 1));
        assert_eq!(parse_date("19950601"), d(1995, 6, 1));
        assert_eq!(parse_date("2004017"), None);
        assert_eq!(parse_date("991301"), None);
    }

    #[test]
    fn dated_codes() {
        let (c, w) = parse_dated_code("HOB < 950601").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&*c.code, "HOB");
        assert_eq!(c.valid, DateRange { from: None, to: d(1995, 6, 1) });
        assert!(w.is_none());
        let (c, _) = parse_dated_code("HOBGOV 19950601 - 19990815").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.valid, DateRange { from: d(1995, 6, 1), to: d(1999, 8, 15) });
        let (c, _) = parse_dated_code("AFGGOV >011222").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.valid, DateRange { from: d(2001, 12, 22), to: None });
        let (c, w) = parse_dated_code("KORGOVBUS 2004017-20061201").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.valid, DateRange { from: None, to: d(2006, 12, 1) });
        assert!(w.is_some());
        let (c, _) = parse_dated_code("---").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&*c.code, "---");
        assert!(parse_dated_code(" 991201-010114").is_err());
        assert!(parse_dated_code("").is_err());
        assert!(parse_dated_code("X 99-").is_ok());
        assert!(parse_dated_code("X ?").is_err());
    }
}
