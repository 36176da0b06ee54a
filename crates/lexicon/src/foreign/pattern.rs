//! Verb pattern and synset member syntax shared by TABARI and PETRARCH.
//!
//! - `*` verb, `$` source, `+` target, `%` compound, `&NAME` synset;
//! - `{ A | B C }` alternatives (TABARI); braces without `|` and PETRARCH-2
//!   `( ... )` prepositional phrases are flattened into plain tokens;
//! - `_` joins two elements (no gap) and makes the word before it exact; a
//!   space allows a gap; a bare word is a stem; `~_` joins and keeps the
//!   word before it a stem;
//! - `^` (TABARI/PETRARCH "skip") is read as a gap after the previous element.

use std::collections::HashMap;

use crate::model::{PatternItem, PatternToken, SynsetId, WordMatcher};

use super::text::clean_word;

#[derive(Debug)]
enum Kind<'a> {
    Word(&'a str),
    Verb,
    Source,
    Target,
    Compound,
    Skip,
    Synset(&'a str),
    Open(char),
    Bar,
    Close(char),
}

#[derive(Debug)]
struct Lex<'a> {
    kind: Kind<'a>,
    exact: bool,
    joined: bool,
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '_' | '{' | '}' | '(' | ')' | '|' | '[' | ']')
}

fn lex(s: &str) -> Vec<Lex<'_>> {
    let mut out: Vec<Lex<'_>> = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let kind = match c {
            c if c.is_whitespace() => continue,
            '_' => {
                while it.peek().is_some_and(|&(_, c)| c == '_') {
                    it.next();
                }
                if let Some(last) = out.last_mut() {
                    // `~_` joins without making the word exact: `REAL~_PLEASANT`
                    // reads "really pleasant" as well as "real pleasant".
                    last.exact = !matches!(last.kind, Kind::Word(w) if w.ends_with('~'));
                    let next = it.peek().map(|&(_, c)| c);
                    last.joined = next.is_some_and(|c| !c.is_whitespace() && !matches!(c, '}' | ')' | '|'));
                }
                continue;
            }
            '{' | '(' => Kind::Open(c),
            '}' | ')' => Kind::Close(c),
            '|' => Kind::Bar,
            '[' | ']' => Kind::Word(s.get(i..i + 1).unwrap_or("")),
            '*' => Kind::Verb,
            '$' => Kind::Source,
            '+' => Kind::Target,
            '%' => Kind::Compound,
            '^' => Kind::Skip,
            '&' => {
                let start = i + 1;
                let mut end = start;
                while let Some(&(j, c)) = it.peek() {
                    if c.is_ascii_alphanumeric() {
                        end = j + c.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                if end == start {
                    Kind::Word("&")
                } else {
                    Kind::Synset(s.get(start..end).unwrap_or(""))
                }
            }
            _ => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, c)) = it.peek() {
                    if is_word_char(c) {
                        end = j + c.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                Kind::Word(s.get(i..end).unwrap_or(""))
            }
        };
        out.push(Lex { kind, exact: false, joined: false });
    }
    out
}

/// Why a pattern could not be read.
pub(crate) enum PatternError {
    /// A syntax problem.
    Syntax(String),
    /// A synset name that no `&NAME` line defines.
    UndefinedSynset(String),
}

impl PatternError {
    pub(crate) fn message(&self) -> String {
        match self {
            PatternError::Syntax(m) => m.clone(),
            PatternError::UndefinedSynset(n) => format!("undefined synset &{n}"),
        }
    }
}

struct Parser<'a, 'b> {
    lexes: Vec<Lex<'a>>,
    pos: usize,
    synsets: &'b HashMap<String, SynsetId>,
}

impl Parser<'_, '_> {
    /// Parses elements until a `|`, a closing bracket, or the end.
    fn seq(&mut self, depth: usize) -> Result<Vec<PatternToken>, PatternError> {
        let mut out: Vec<PatternToken> = Vec::new();
        while let Some(lex) = self.lexes.get(self.pos) {
            let gap = !lex.joined;
            let item = match &lex.kind {
                Kind::Bar | Kind::Close(_) => {
                    if depth == 0 {
                        return Err(PatternError::Syntax(format!(
                            "unbalanced '{}'",
                            match lex.kind {
                                Kind::Close(c) => c,
                                _ => '|',
                            }
                        )));
                    }
                    return Ok(out);
                }
                Kind::Open(open) => {
                    let open = *open;
                    self.pos += 1;
                    let mut alternatives = Vec::new();
                    loop {
                        alternatives.push(self.seq(depth + 1)?);
                        match self.lexes.get(self.pos) {
                            Some(Lex { kind: Kind::Bar, .. }) => self.pos += 1,
                            Some(Lex { kind: Kind::Close(c), joined, .. }) => {
                                let want = if open == '{' { '}' } else { ')' };
                                if *c != want {
                                    return Err(PatternError::Syntax(format!("'{open}' closed by '{c}'")));
                                }
                                let gap = !*joined;
                                self.pos += 1;
                                if alternatives.len() == 1 {
                                    let mut flat = alternatives.pop().unwrap_or_default();
                                    if let Some(last) = flat.last_mut() {
                                        last.gap_after = gap;
                                    }
                                    out.extend(flat);
                                } else {
                                    if alternatives.iter().any(|a| a.is_empty()) {
                                        return Err(PatternError::Syntax(
                                            "empty alternative in '{ | }'".into(),
                                        ));
                                    }
                                    out.push(PatternToken {
                                        item: PatternItem::Alternatives(alternatives),
                                        gap_after: gap,
                                    });
                                }
                                break;
                            }
                            _ => return Err(PatternError::Syntax(format!("unclosed '{open}'"))),
                        }
                    }
                    continue;
                }
                Kind::Skip => PatternItem::SkipActor,
                Kind::Word(w) => {
                    let w = clean_word(w);
                    if w.is_empty() {
                        self.pos += 1;
                        continue;
                    }
                    if lex.exact {
                        PatternItem::Word(WordMatcher::Exact(w.into()))
                    } else {
                        PatternItem::Word(WordMatcher::Stem(w.into()))
                    }
                }
                Kind::Verb => PatternItem::Verb,
                Kind::Source => PatternItem::Source,
                Kind::Target => PatternItem::Target,
                Kind::Compound => PatternItem::Compound,
                Kind::Synset(name) => {
                    let key = name.to_uppercase();
                    match self.synsets.get(&key) {
                        Some(id) => PatternItem::Synset(*id),
                        None => return Err(PatternError::UndefinedSynset(key)),
                    }
                }
            };
            out.push(PatternToken { item, gap_after: gap });
            self.pos += 1;
        }
        Ok(out)
    }
}

/// Parses a pattern or synset member. `synsets` maps upper-case names
/// (without `&` and trailing `_`) to ids.
pub(crate) fn parse_tokens(
    text: &str,
    synsets: &HashMap<String, SynsetId>,
) -> Result<Vec<PatternToken>, PatternError> {
    let mut parser = Parser { lexes: lex(text), pos: 0, synsets };
    let tokens = parser.seq(0)?;
    if parser.pos < parser.lexes.len() {
        return Err(PatternError::Syntax("unbalanced brackets".into()));
    }
    if tokens.is_empty() {
        return Err(PatternError::Syntax("empty pattern".into()));
    }
    Ok(tokens)
}

/// Counts the verb markers in a token list, inside alternatives too.
pub(crate) fn count_verbs(tokens: &[PatternToken]) -> usize {
    tokens
        .iter()
        .map(|t| match &t.item {
            PatternItem::Verb => 1,
            PatternItem::Alternatives(alts) => alts.iter().map(|a| count_verbs(a)).max().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

/// Whether the verb marker stands at the top level (not inside alternatives).
pub(crate) fn top_level_verbs(tokens: &[PatternToken]) -> usize {
    tokens.iter().filter(|t| t.item == PatternItem::Verb).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> HashMap<String, SynsetId> {
        HashMap::from([("TIETYPES".to_owned(), SynsetId(0))])
    }

    #[test]
    fn joins_and_exactness() {
        let t = parse_tokens("SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS", &ids())
            .unwrap_or_default();
        assert_eq!(t.len(), 6);
        assert_eq!(t[0].item, PatternItem::Word(WordMatcher::Exact("SUGGESTED".into())));
        assert!(!t[0].gap_after);
        assert_eq!(t[1].item, PatternItem::Target);
        assert!(t[1].gap_after);
        assert_eq!(t[2].item, PatternItem::Verb);
        assert_eq!(t[3].item, PatternItem::Word(WordMatcher::Exact("DEMAND".into())));
        assert!(!t[3].gap_after);
        let PatternItem::Alternatives(alts) = &t[4].item else {
            panic!("alternatives expected, got {:?}", t[4]);
        };
        assert_eq!(alts.len(), 2);
        assert_eq!(alts[0][0].item, PatternItem::Word(WordMatcher::Exact("GENEVA".into())));
        assert_eq!(alts[1][0].item, PatternItem::Word(WordMatcher::Stem("INTERNATIONAL".into())));
        assert!(!t[4].gap_after, "'}}_' joins the group to the next word");
        assert_eq!(t[5].item, PatternItem::Word(WordMatcher::Stem("CONVENTIONS".into())));
    }

    #[test]
    fn tilde_underscore_joins_a_stem() {
        let t = parse_tokens("* REAL~_PLEASANT", &ids()).unwrap_or_default();
        assert_eq!(t[1].item, PatternItem::Word(WordMatcher::Stem("REAL".into())));
        assert!(!t[1].gap_after);
        let t = parse_tokens("RECENT~_*", &ids()).unwrap_or_default();
        assert_eq!(t[0].item, PatternItem::Word(WordMatcher::Stem("RECENT".into())));
        assert!(!t[0].gap_after);
    }

    #[test]
    fn petrarch2_flattening() {
        let t = parse_tokens("* &TIETYPES (OVER {ARMS SHIPMENT}) ^ +", &ids()).unwrap_or_default();
        let items: Vec<&PatternItem> = t.iter().map(|t| &t.item).collect();
        assert_eq!(items.len(), 7);
        assert_eq!(*items[1], PatternItem::Synset(SynsetId(0)));
        assert_eq!(*items[4], PatternItem::Word(WordMatcher::Stem("SHIPMENT".into())));
        assert!(t.iter().all(|t| t.gap_after));
        assert_eq!(*items[5], PatternItem::SkipActor);
        assert_eq!(*items[6], PatternItem::Target);
    }

    #[test]
    fn errors() {
        assert!(matches!(
            parse_tokens("* &NOPE", &ids()),
            Err(PatternError::UndefinedSynset(n)) if n == "NOPE"
        ));
        assert!(parse_tokens("* { A | B", &ids()).is_err());
        assert!(parse_tokens("* A }", &ids()).is_err());
        assert!(parse_tokens("( A }", &ids()).is_err());
        assert!(parse_tokens("   ", &ids()).is_err());
    }
}
