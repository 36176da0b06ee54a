//! The parser of dyad's own format (see `docs/dictionary-format.md`).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::OwnFile;
use crate::error::{LexiconError, Result};
use crate::model::{
    ActorEntry, AgentEntry, CodeSpec, CodeText, DateRange, DatedCode, Discard, DiscardScope, Lexicon,
    OfficeNoun, OfficeTerm, PatternItem, PatternToken, Phrase, PhraseWord, RuleRef, Synset, SynsetId,
    VerbEntry, VerbPattern, WordMatcher, OFFICES,
};

/// The sections a file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    None,
    Actors,
    Agents,
    Synsets,
    Verbs,
    Discards,
    Offices,
}

impl Section {
    fn from_name(name: &str) -> Option<Section> {
        Some(match name {
            "actors" => Section::Actors,
            "agents" => Section::Agents,
            "synsets" => Section::Synsets,
            "verbs" => Section::Verbs,
            "discards" => Section::Discards,
            "offices" => Section::Offices,
            _ => return None,
        })
    }
}

/// Removes a `#` comment and surrounding blanks.
fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(before, _)| before).trim()
}

/// The name of a synset defined on `line` (`&NAME = ...`), if it looks like one.
fn synset_head(line: &str) -> Option<&str> {
    let (head, _) = line.split_once('=')?;
    head.trim().strip_prefix('&').map(str::trim)
}

fn is_synset_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

struct Parser<'a> {
    file: Arc<str>,
    /// The current line: number and text (comment removed).
    line_no: u32,
    line: &'a str,
    /// The current line as written, comment included (an actor's `# @office` tag).
    raw: &'a str,
    language: Option<String>,
    section: Section,
    lex: Lexicon,
    /// Synset name → (id, line of its first definition).
    synset_ids: HashMap<String, (u32, u32)>,
    /// Synsets as defined so far, by id.
    synsets: Vec<Option<Synset>>,
}

pub(super) fn parse(text: &str, file: &str) -> Result<OwnFile> {
    let mut p = Parser {
        file: Arc::from(file),
        line_no: 0,
        line: "",
        raw: "",
        language: None,
        section: Section::None,
        lex: Lexicon::default(),
        synset_ids: HashMap::new(),
        synsets: Vec::new(),
    };
    p.collect_synset_names(text);
    for (i, raw) in text.lines().enumerate() {
        p.line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        p.line = strip_comment(raw);
        p.raw = raw;
        if p.line.is_empty() {
            continue;
        }
        p.parse_line()?;
    }
    let Some(language) = p.language.take() else {
        return Err(LexiconError::Syntax {
            file: file.to_string(),
            line: 1,
            message: "missing \"@language\" declaration (e.g. \"@language en\")".to_string(),
        });
    };
    let mut synsets = Vec::with_capacity(p.synsets.len());
    for s in p.synsets.drain(..).flatten() {
        synsets.push(s);
    }
    p.lex.synsets = synsets;
    check_synset_cycles(&p.lex, file)?;
    Ok(OwnFile { language, lexicon: p.lex })
}

impl<'a> Parser<'a> {
    /// First pass: number every synset defined in a `[synsets]` section, so
    /// that patterns and synsets may refer to synsets defined further down.
    fn collect_synset_names(&mut self, text: &str) {
        let mut section = Section::None;
        for (i, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Section::from_name(name.trim()).unwrap_or(Section::None);
                continue;
            }
            if section != Section::Synsets {
                continue;
            }
            if let Some(name) = synset_head(line) {
                if is_synset_name(name) && !self.synset_ids.contains_key(name) {
                    let id = u32::try_from(self.synsets.len()).unwrap_or(u32::MAX);
                    let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    self.synset_ids.insert(name.to_string(), (id, line_no));
                    self.synsets.push(None);
                }
            }
        }
    }

    fn err(&self, message: impl Into<String>) -> LexiconError {
        LexiconError::Syntax { file: self.file.to_string(), line: self.line_no, message: message.into() }
    }

    fn rule(&self) -> RuleRef {
        RuleRef { file: Arc::clone(&self.file), line: self.line_no, text: self.line.into() }
    }

    fn parse_line(&mut self) -> Result<()> {
        let line = self.line;
        if let Some(directive) = line.strip_prefix('@') {
            return self.directive(directive);
        }
        if line.starts_with('[') {
            let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
                return Err(self.err(format!("bad section header \"{line}\" (expected \"[name]\")")));
            };
            let Some(section) = Section::from_name(name.trim()) else {
                return Err(self.err(format!(
                    "unknown section \"{line}\" (expected [actors], [agents], [synsets], [verbs], [discards] or [offices])"
                )));
            };
            if self.language.is_none() {
                return Err(self.err(format!("section \"{line}\" before the \"@language\" declaration")));
            }
            self.section = section;
            return Ok(());
        }
        match self.section {
            Section::None => Err(self.err(format!("entry outside any section: \"{line}\""))),
            Section::Actors => self.actor(),
            Section::Agents => self.agent(),
            Section::Synsets => self.synset(),
            Section::Verbs => self.verb_or_pattern(),
            Section::Discards => self.discard(),
            Section::Offices => self.office_noun(),
        }
    }

    fn directive(&mut self, directive: &str) -> Result<()> {
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap_or("");
        let args: Vec<&str> = words.collect();
        match name {
            "language" => {
                if self.language.is_some() {
                    return Err(self.err(format!("second \"@language\" declaration: \"{}\"", self.line)));
                }
                if self.section != Section::None {
                    return Err(self.err("\"@language\" must come before the first section"));
                }
                let [lang] = args.as_slice() else {
                    return Err(self.err(format!("expected \"@language CODE\", found \"{}\"", self.line)));
                };
                let ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
                if !ok {
                    return Err(self.err(format!(
                        "bad language code \"{lang}\" (expected an ISO 639 code such as \"en\")"
                    )));
                }
                self.language = Some((*lang).to_string());
                Ok(())
            }
            _ => Err(self.err(format!("unknown directive \"{}\" (expected \"@language\")", self.line))),
        }
    }

    /// Splits `left = right`, naming the expected shape in the error.
    fn split_eq(&self, shape: &str) -> Result<(&'a str, &'a str)> {
        let line = self.line;
        let Some((left, right)) = line.split_once('=') else {
            return Err(self.err(format!("expected \"{shape}\", found \"{line}\"")));
        };
        Ok((left.trim(), right.trim()))
    }

    fn actor(&mut self) -> Result<()> {
        let (left, right) = self.split_eq("CODES = names")?;
        let mut codes = Vec::new();
        for part in left.split(',') {
            codes.push(self.dated_code(part.trim())?);
        }
        let names = self.names(right)?;
        let offices = match self.raw.split_once("# @office ") {
            Some((_, tag)) => self.office_tag(tag)?,
            None => Vec::new(),
        };
        self.lex.actors.push(ActorEntry { names, codes, offices, rule: self.rule() });
        Ok(())
    }

    /// An actor's `# @office HOS+HOG@USA 2025-01-20..; FM@USA 2009-01-21..2013-02-01`
    /// tag: offices with their terms. `=CODE FROM..TO` parts (posts outside the
    /// tracked offices) are only documentation and are skipped.
    fn office_tag(&self, tag: &str) -> Result<Vec<OfficeTerm>> {
        let mut terms = Vec::new();
        for part in tag.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let bad = |why: &str| self.err(format!("bad office term \"{part}\" ({why})"));
            let Some((head, range)) = part.split_once(' ') else {
                return Err(bad("expected \"ROLE@ORG FROM..TO\""));
            };
            if head.starts_with('=') {
                continue;
            }
            let Some((from, to)) = range.trim().split_once("..") else {
                return Err(bad("expected a range \"YYYY-MM-DD..YYYY-MM-DD\" or \"YYYY-MM-DD..\""));
            };
            let valid = DateRange {
                from: Some(self.date(from)?),
                to: if to.is_empty() { None } else { Some(self.date(to)?) },
            };
            let Some((roles, org)) = head.split_once('@').filter(|(r, o)| !r.is_empty() && !o.is_empty())
            else {
                return Err(bad("expected \"ROLE@ORG\""));
            };
            for office in roles.split('+') {
                if !OFFICES.contains(&office) {
                    return Err(bad(&format!("unknown office \"{office}\"; known: {}", OFFICES.join(", "))));
                }
                terms.push(OfficeTerm { office: office.into(), org: org.into(), valid });
            }
        }
        Ok(terms)
    }

    /// `HOG = premier; prime minister`, `HOG@DEU+AUT = chancellor` (the office
    /// of those states or organisations only) or `HOG@!DEU+AUT = premier`
    /// (of any but those): role nouns naming an office.
    fn office_noun(&mut self) -> Result<()> {
        let (left, right) = self.split_eq("OFFICE[@ORG] = names")?;
        let (offices, orgs) = left.split_once('@').unwrap_or((left, ""));
        let offices: Vec<&str> = offices.split('+').map(str::trim).collect();
        if let Some(bad) = offices.iter().find(|o| !OFFICES.contains(o)) {
            return Err(self.err(format!("unknown office \"{bad}\" (known: {})", OFFICES.join(", "))));
        }
        let (except, orgs) = match orgs.trim().strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, orgs),
        };
        let orgs: Vec<&str> = orgs.split('+').map(str::trim).filter(|o| !o.is_empty()).collect();
        if let Some(bad) = orgs.iter().find(|o| o.len() < 3 || !o.bytes().all(|b| b.is_ascii_uppercase())) {
            return Err(self.err(format!("bad state or organisation code \"{bad}\" after \"@\"")));
        }
        let orgs: Vec<CodeText> = orgs.into_iter().map(Into::into).collect();
        let (orgs, except_orgs) = if except { (Vec::new(), orgs) } else { (orgs, Vec::new()) };
        let names = self.names(right)?;
        if names.iter().flat_map(|n| &n.words).any(|w| matches!(w.matcher, WordMatcher::Stem(_))) {
            return Err(self.err("an office noun is written in whole words (no \"*\" stems): list its forms"));
        }
        self.lex.office_nouns.push(OfficeNoun {
            names,
            offices: offices.into_iter().map(Into::into).collect(),
            orgs,
            except_orgs,
            rule: self.rule(),
        });
        Ok(())
    }

    /// `CODE [from YYYY-MM-DD] [to YYYY-MM-DD]`.
    fn dated_code(&self, text: &str) -> Result<DatedCode> {
        let mut words = text.split_whitespace();
        let Some(code) = words.next() else {
            return Err(self.err(format!("empty actor code in \"{}\"", self.line)));
        };
        let ok = code == "---"
            || ((3..=15).contains(&code.len())
                && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        if !ok {
            return Err(self.err(format!(
                "bad actor code \"{code}\" (expected 3 to 15 upper-case letters or digits, or ---)"
            )));
        }
        let mut valid = DateRange::default();
        let rest: Vec<&str> = words.collect();
        let mut it = rest.chunks(2);
        for pair in it.by_ref() {
            let (kw, date) = match pair {
                [kw, date] => (*kw, *date),
                [kw] => return Err(self.err(format!("\"{kw}\" without a date in \"{text}\""))),
                _ => break,
            };
            let parsed = self.date(date)?;
            match kw {
                "from" if valid.from.is_none() => valid.from = Some(parsed),
                "to" if valid.to.is_none() => valid.to = Some(parsed),
                "from" | "to" => return Err(self.err(format!("\"{kw}\" given twice in \"{text}\""))),
                other => {
                    return Err(self.err(format!(
                        "expected \"from\" or \"to\" after the code, found \"{other}\" in \"{text}\""
                    )))
                }
            }
        }
        if let (Some(from), Some(to)) = (valid.from, valid.to) {
            if from > to {
                return Err(self.err(format!("date range reversed in \"{text}\": {from} is after {to}")));
            }
        }
        Ok(DatedCode { code: code.into(), valid })
    }

    fn date(&self, text: &str) -> Result<NaiveDate> {
        let shape_ok = text.len() == 10
            && text
                .bytes()
                .enumerate()
                .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        // The fields by hand: chrono's format parser was a tenth of loading
        // the five built-in languages (their knowledge base has 6,000 dates).
        let field = |range: std::ops::Range<usize>| text.get(range).and_then(|f| f.parse::<u32>().ok());
        let date =
            match (shape_ok, field(0..4).and_then(|y| i32::try_from(y).ok()), field(5..7), field(8..10)) {
                (true, Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            };
        date.ok_or_else(|| {
            self.err(format!("bad date \"{text}\" (expected YYYY-MM-DD) in \"{}\"", self.line))
        })
    }

    fn agent(&mut self) -> Result<()> {
        let (code, right) = self.split_eq("~CODE = names")?;
        let letters = code.strip_prefix('~').or_else(|| code.strip_suffix('~')).unwrap_or("");
        let ok = (3..=12).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase());
        if !ok {
            return Err(self.err(format!(
                "bad agent code \"{code}\" (expected ~ABC to append to the actor's code, or ABC~ to prefix it)"
            )));
        }
        let names = self.names(right)?;
        self.lex.agents.push(AgentEntry { names, code: code.into(), rule: self.rule() });
        Ok(())
    }

    fn synset(&mut self) -> Result<()> {
        let (head, right) = self.split_eq("&NAME = member; member")?;
        let name = head.strip_prefix('&').map(str::trim).unwrap_or("");
        if !is_synset_name(name) {
            return Err(self.err(format!(
                "bad synset name \"{head}\" (expected & followed by upper-case letters, digits or _)"
            )));
        }
        let Some(&(id, first_line)) = self.synset_ids.get(name) else {
            return Err(self.err(format!("undefined synset \"&{name}\"")));
        };
        if first_line != self.line_no {
            return Err(self.err(format!("synset \"&{name}\" defined twice (first at line {first_line})")));
        }
        let mut members = Vec::new();
        for member in right.split(';') {
            let tokens = self.pattern_tokens(member.trim(), false)?;
            if tokens.is_empty() {
                return Err(self.err(format!("empty member in synset \"{}\"", self.line)));
            }
            members.push(tokens);
        }
        let slot = usize::try_from(id).ok().and_then(|i| self.synsets.get_mut(i));
        if let Some(slot) = slot {
            *slot = Some(Synset {
                name: name.into(),
                members,
                rule: RuleRef { file: Arc::clone(&self.file), line: self.line_no, text: self.line.into() },
            });
        }
        Ok(())
    }

    fn verb_or_pattern(&mut self) -> Result<()> {
        if let Some(pattern) = self.line.strip_prefix('-') {
            return self.pattern(pattern.trim());
        }
        let (left, right) = self.split_eq("lemma; lemma = CODE")?;
        let code = self.code_spec(right)?;
        let mut forms = Vec::new();
        for form in left.split(';') {
            let form = form.trim();
            if form.is_empty() {
                return Err(self.err(format!("empty verb in \"{}\"", self.line)));
            }
            forms.push(self.verb_form(form)?);
        }
        self.lex.verbs.push(VerbEntry { forms, code, patterns: Vec::new(), rule: self.rule() });
        Ok(())
    }

    fn pattern(&mut self, text: &str) -> Result<()> {
        let Some((tokens, code)) = text.rsplit_once('=') else {
            return Err(self.err(format!("expected \"- pattern = CODE\", found \"{}\"", self.line)));
        };
        let code = self.code_spec(code.trim())?;
        let tokens = self.pattern_tokens(tokens.trim(), true)?;
        let verbs = tokens.iter().filter(|t| t.item == PatternItem::Verb).count();
        if verbs == 0 {
            return Err(self.err(format!("pattern without \"*\" (the verb's place): \"{}\"", self.line)));
        }
        if verbs > 1 {
            return Err(self.err(format!("pattern with more than one \"*\": \"{}\"", self.line)));
        }
        for (mark, item) in
            [("$", PatternItem::Source), ("+", PatternItem::Target), ("%", PatternItem::Compound)]
        {
            if tokens.iter().filter(|t| t.item == item).count() > 1 {
                return Err(self.err(format!("pattern with more than one \"{mark}\": \"{}\"", self.line)));
            }
        }
        let rule = self.rule();
        let Some(verb) = self.lex.verbs.last_mut() else {
            return Err(self.err(format!("pattern before any verb: \"{}\"", self.line)));
        };
        verb.patterns.push(VerbPattern { tokens, code, rule });
        Ok(())
    }

    /// Pattern or synset-member elements; `verb_markers` allows `* $ + %`.
    fn pattern_tokens(&self, text: &str, verb_markers: bool) -> Result<Vec<PatternToken>> {
        let mut tokens: Vec<PatternToken> = Vec::new();
        for word in text.split_whitespace() {
            if word == ".." {
                match tokens.last_mut() {
                    Some(last) if !last.gap_after => last.gap_after = true,
                    Some(_) => return Err(self.err(format!("\"..\" twice in a row in \"{}\"", self.line))),
                    None => return Err(self.err(format!("\"..\" at the start of \"{text}\""))),
                }
                continue;
            }
            let item = match word {
                "*" | "$" | "+" | "%" | "^" if !verb_markers => {
                    return Err(
                        self.err(format!("\"{word}\" is not allowed in a synset member: \"{}\"", self.line))
                    )
                }
                "*" => PatternItem::Verb,
                "$" => PatternItem::Source,
                "+" => PatternItem::Target,
                "%" => PatternItem::Compound,
                "^" => PatternItem::SkipActor,
                w if w.starts_with('&') => {
                    let name = &w[1..];
                    match self.synset_ids.get(name) {
                        Some(&(id, _)) => PatternItem::Synset(SynsetId(id)),
                        None => {
                            return Err(self.err(format!("undefined synset \"{w}\" in \"{}\"", self.line)))
                        }
                    }
                }
                w => PatternItem::Word(self.lemma(w)?),
            };
            tokens.push(PatternToken { item, gap_after: false });
        }
        if tokens.last().is_some_and(|t| t.gap_after) {
            return Err(self.err(format!("\"..\" at the end of \"{text}\"")));
        }
        Ok(tokens)
    }

    fn code_spec(&self, text: &str) -> Result<CodeSpec> {
        if text == "---" {
            return Ok(CodeSpec::Null);
        }
        if let Some((a, b)) = text.split_once(':') {
            let (a, b) = (a.trim(), b.trim());
            self.check_code(a)?;
            self.check_code(b)?;
            return Ok(CodeSpec::Paired(a.into(), b.into()));
        }
        self.check_code(text)?;
        Ok(CodeSpec::Single(text.into()))
    }

    fn check_code(&self, code: &str) -> Result<()> {
        if code.is_empty() {
            return Err(self.err(format!("missing event code in \"{}\"", self.line)));
        }
        if !dyad_cameo::is_valid(code) {
            return Err(self.err(format!("unknown CAMEO code \"{code}\" in \"{}\"", self.line)));
        }
        Ok(())
    }

    fn discard(&mut self) -> Result<()> {
        let line = self.line;
        let Some((scope, right)) = line.split_once(':') else {
            return Err(
                self.err(format!("expected \"sentence: phrases\" or \"story: phrases\", found \"{line}\""))
            );
        };
        let scope = match scope.trim() {
            "sentence" => DiscardScope::Sentence,
            "story" => DiscardScope::Story,
            other => {
                return Err(self
                    .err(format!("unknown discard scope \"{other}\" (expected \"sentence\" or \"story\")")))
            }
        };
        for phrase in self.names(right.trim())? {
            self.lex.discards.push(Discard { phrase, scope, rule: self.rule() });
        }
        Ok(())
    }

    /// `name; name; ...` → phrases, with `word(s)` endings expanded.
    fn names(&self, text: &str) -> Result<Vec<Phrase>> {
        let mut out = Vec::new();
        for name in text.split(';') {
            let name = name.trim();
            if name.is_empty() {
                return Err(self.err(format!("empty name in \"{}\"", self.line)));
            }
            out.extend(self.name_variants(name)?);
        }
        Ok(out)
    }

    /// One name, expanded over its optional endings (`minister(s)`).
    fn name_variants(&self, name: &str) -> Result<Vec<Phrase>> {
        let mut variants: Vec<Vec<PhraseWord>> = vec![Vec::new()];
        let mut pending_gap = false;
        for word in name.split_whitespace() {
            if word == ".." {
                if pending_gap || variants.first().is_none_or(Vec::is_empty) {
                    return Err(self.err(format!("misplaced \"..\" in name \"{name}\"")));
                }
                pending_gap = true;
                continue;
            }
            let forms = self.name_word(word, name)?;
            let mut next = Vec::with_capacity(variants.len() * forms.len());
            for v in &variants {
                for f in &forms {
                    let mut v = v.clone();
                    if let Some(last) = v.last_mut() {
                        last.gap_after = pending_gap;
                    }
                    v.push(PhraseWord { matcher: f.clone(), gap_after: false });
                    next.push(v);
                }
            }
            if next.len() > 64 {
                return Err(self.err(format!("too many optional endings in name \"{name}\"")));
            }
            variants = next;
            pending_gap = false;
        }
        if pending_gap {
            return Err(self.err(format!("misplaced \"..\" in name \"{name}\"")));
        }
        Ok(variants.into_iter().map(|words| Phrase { words }).collect())
    }

    /// One word of a name: `WORD`, `WORD*` (stem) or `word(s)` (two forms).
    fn name_word(&self, word: &str, name: &str) -> Result<Vec<WordMatcher>> {
        if let Some(stem) = word.strip_suffix('*') {
            self.check_name_chars(stem, word, name)?;
            // The text's tokenizer splits "IS-Miliz" at the hyphen, so "IS-*"
            // would become the stem "IS" and match "ist".
            if !stem.chars().last().is_some_and(char::is_alphanumeric) {
                return Err(self.err(format!(
                    "stem \"{word}\" in name \"{name}\" must end in a letter or digit (write the compounds out: \"IS-Miliz\")"
                )));
            }
            return Ok(vec![WordMatcher::Stem(stem.to_uppercase().into())]);
        }
        if let Some(open) = word.find('(') {
            let base = &word[..open];
            let ending = word[open + 1..].strip_suffix(')').unwrap_or("");
            if ending.is_empty() || base.is_empty() || !ending.chars().all(char::is_alphabetic) {
                return Err(self.err(format!(
                    "bad word \"{word}\" in name \"{name}\" (an optional ending is written word(s))"
                )));
            }
            self.check_name_chars(base, word, name)?;
            let full = format!("{base}{ending}");
            return Ok(vec![
                WordMatcher::Exact(base.to_uppercase().into()),
                WordMatcher::Exact(full.to_uppercase().into()),
            ]);
        }
        self.check_name_chars(word, word, name)?;
        Ok(vec![WordMatcher::Exact(word.to_uppercase().into())])
    }

    fn check_name_chars(&self, core: &str, word: &str, name: &str) -> Result<()> {
        let bad = core.is_empty()
            || core
                .chars()
                .any(|c| matches!(c, '*' | '(' | ')' | '$' | '+' | '%' | '=' | '[' | ']' | '{' | '}' | '|'))
            || core.starts_with('&')
            || core.starts_with('~');
        if bad {
            return Err(self.err(format!("bad word \"{word}\" in name \"{name}\"")));
        }
        Ok(())
    }

    /// A verb form: lemmas, with `..` for a gap.
    fn verb_form(&self, text: &str) -> Result<Phrase> {
        let tokens = self.pattern_tokens(text, false)?;
        let mut words = Vec::with_capacity(tokens.len());
        for t in tokens {
            match t.item {
                PatternItem::Word(matcher) => words.push(PhraseWord { matcher, gap_after: t.gap_after }),
                _ => return Err(self.err(format!("a verb form may hold only words: \"{text}\""))),
            }
        }
        Ok(Phrase { words })
    }

    /// A lower-case lemma.
    fn lemma(&self, word: &str) -> Result<WordMatcher> {
        let bad_char = word.chars().any(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '*' | '(' | ')' | '$' | '+' | '%' | '=' | '[' | ']' | '{' | '}' | '|' | '&' | '~'
                )
        });
        if bad_char {
            return Err(self.err(format!("bad word \"{word}\" in \"{}\"", self.line)));
        }
        if word.chars().any(char::is_uppercase) {
            return Err(self.err(format!(
                "verb and pattern words are lower-case lemmas: \"{word}\" in \"{}\"",
                self.line
            )));
        }
        Ok(WordMatcher::Lemma(word.into()))
    }
}

/// A synset that reaches itself through its members would make the coder loop.
fn check_synset_cycles(lex: &Lexicon, file: &str) -> Result<()> {
    fn refs(tokens: &[PatternToken], out: &mut Vec<usize>) {
        for t in tokens {
            if let PatternItem::Synset(SynsetId(id)) = t.item {
                out.push(usize::try_from(id).unwrap_or(usize::MAX));
            }
        }
    }
    for (start, synset) in lex.synsets.iter().enumerate() {
        let mut stack = Vec::new();
        for m in &synset.members {
            refs(m, &mut stack);
        }
        let mut seen = vec![false; lex.synsets.len()];
        while let Some(id) = stack.pop() {
            if id == start {
                return Err(LexiconError::Syntax {
                    file: file.to_string(),
                    line: synset.rule.line,
                    message: format!("synset \"&{}\" refers to itself", synset.name),
                });
            }
            let Some(next) = lex.synsets.get(id) else { continue };
            if seen.get(id).copied().unwrap_or(true) {
                continue;
            }
            if let Some(s) = seen.get_mut(id) {
                *s = true;
            }
            for m in &next.members {
                refs(m, &mut stack);
            }
        }
    }
    Ok(())
}
