//! TABARI `.agents` and PETRARCH agent dictionaries.

use std::collections::HashMap;

use crate::model::{AgentEntry, Lexicon, Phrase, WordMatcher};

use super::text::{parse_phrase, plural, semicolon_comments, split_code, Lines};
use super::Ctx;

/// At most this many names come from one entry's substitution markers.
const MAX_EXPANSIONS: usize = 256;

/// Reads an agent dictionary. PETRARCH files (any `{`, `!X! =` or `#`
/// comment) get regular plurals; TABARI files do not.
pub(crate) fn parse(text: &str, file: &str) -> Lexicon {
    let mut ctx = Ctx::new(file);
    let petrarch = !semicolon_comments(text)
        && (text.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with('#') || l.starts_with("<!--") || (l.starts_with('!') && l.contains('='))
        }) || text.lines().any(|l| l.split(['#', ';']).next().is_some_and(|b| b.contains('{'))));
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
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
        if t.starts_with('!') && !t.contains('[') {
            match t.split_once('=') {
                Some((name, values)) if name.trim().len() > 2 && name.trim().ends_with('!') => {
                    let vals: Vec<String> = values
                        .split(',')
                        .map(|v| v.trim().to_uppercase())
                        .filter(|v| !v.is_empty())
                        .collect();
                    if vals.is_empty() {
                        ctx.warn(line.no, format!("substitution {t:?} has no values"));
                    }
                    markers.insert(name.trim().to_uppercase(), vals);
                }
                _ => ctx.warn(line.no, format!("cannot read substitution {t:?}")),
            }
            continue;
        }
        let Some((before, code, after)) = split_code(t) else {
            ctx.warn(line.no, format!("agent without [code]: {t:?}; skipped"));
            continue;
        };
        let code = code.trim();
        if code.is_empty() {
            ctx.warn(line.no, format!("agent with an empty code: {t:?}; skipped"));
            continue;
        }
        if !after.trim().is_empty() {
            ctx.warn(line.no, format!("text after the code ignored: {:?}", after.trim()));
        }
        // `NAME {PLURAL PLURAL}`.
        let (name, explicit) = match before.find('{') {
            Some(open) => {
                let rest = before.get(open + 1..).unwrap_or("");
                let Some(close) = rest.find('}') else {
                    ctx.warn(line.no, format!("unclosed '{{' in {t:?}; skipped"));
                    continue;
                };
                (before.get(..open).unwrap_or(""), Some(rest.get(..close).unwrap_or("")))
            }
            None => (before, None),
        };
        let (expanded, substituted) = match expand(name, &markers) {
            Ok(x) => x,
            Err(msg) => {
                ctx.warn(line.no, format!("{msg} in {t:?}; skipped"));
                continue;
            }
        };
        let mut names: Vec<Phrase> = Vec::new();
        for n in &expanded {
            // PETRARCH matches whole words; only TABARI reads a bare word as a stem.
            let Some(p) = parse_phrase(n, petrarch) else { continue };
            // Both formats take regular plurals (TABARI codes "Muslims" with `MUSLIM_`).
            if explicit.is_none() && !substituted {
                if let Some(pl) = plural_phrase(&p) {
                    push_unique(&mut names, p);
                    push_unique(&mut names, pl);
                    continue;
                }
            }
            push_unique(&mut names, p);
        }
        for form in explicit.unwrap_or("").split_whitespace() {
            if let Ok((forms, _)) = expand(form, &markers) {
                for f in forms {
                    if let Some(p) = parse_phrase(&f, petrarch) {
                        push_unique(&mut names, p);
                    }
                }
            }
        }
        if names.is_empty() {
            ctx.warn(line.no, format!("agent without a name: {t:?}; skipped"));
            continue;
        }
        ctx.lex.agents.push(AgentEntry { names, code: code.into(), rule: ctx.rule(line.no, t) });
    }
    ctx.lex
}

fn push_unique(names: &mut Vec<Phrase>, p: Phrase) {
    if !names.contains(&p) {
        names.push(p);
    }
}

/// The phrase with its last word made plural (same matcher kind).
fn plural_phrase(p: &Phrase) -> Option<Phrase> {
    let mut out = p.clone();
    let last = out.words.last_mut()?;
    let word = last.matcher.key();
    if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let pl = plural(word);
    last.matcher = match &last.matcher {
        WordMatcher::Stem(_) => WordMatcher::Stem(pl.into()),
        WordMatcher::Exact(_) => WordMatcher::Exact(pl.into()),
        WordMatcher::Lemma(_) => WordMatcher::Lemma(pl.to_lowercase().into()),
    };
    Some(out)
}

/// Expands `!MARKER!`s into one string per value (cartesian product).
/// Returns the strings and whether any marker was expanded.
fn expand(text: &str, markers: &HashMap<String, Vec<String>>) -> Result<(Vec<String>, bool), String> {
    let mut results = vec![String::new()];
    let mut rest = text;
    let mut substituted = false;
    while let Some(open) = rest.find('!') {
        let lit = rest.get(..open).unwrap_or("");
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('!') else {
            return Err("unclosed '!' substitution marker".into());
        };
        let key = format!("!{}!", after.get(..close).unwrap_or("").to_uppercase());
        let Some(values) = markers.get(&key) else {
            return Err(format!("undefined substitution marker {key}"));
        };
        substituted = true;
        let mut next = Vec::with_capacity(results.len() * values.len());
        for r in &results {
            for v in values {
                next.push(format!("{r}{lit}{v}"));
            }
        }
        if next.len() > MAX_EXPANSIONS {
            return Err(format!("more than {MAX_EXPANSIONS} substitutions"));
        }
        results = next;
        rest = after.get(close + 1..).unwrap_or("");
    }
    for r in &mut results {
        r.push_str(rest);
    }
    Ok((results, substituted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution() {
        let m = HashMap::from([("!P!".to_owned(), vec!["MAN".to_owned(), "MEN".to_owned()])]);
        let (v, s) = expand("CATTLE!P!_X", &m).unwrap_or_default();
        assert_eq!(v, ["CATTLEMAN_X", "CATTLEMEN_X"]);
        assert!(s);
        assert!(expand("A!Q!", &m).is_err());
        assert!(expand("A!P", &m).is_err());
        assert_eq!(expand("A", &m).unwrap_or_default(), (vec!["A".to_owned()], false));
    }
}
