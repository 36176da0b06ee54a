//! TABARI `.verbs` and PETRARCH verb dictionaries.

use crate::model::{
    CodeSpec, Discard, DiscardScope, Lexicon, PatternItem, Phrase, PhraseWord, RuleRef, Synset, SynsetId,
    VerbEntry, VerbPattern, WordMatcher,
};
use std::collections::{HashMap, HashSet};

use super::pattern::{count_verbs, parse_tokens, top_level_verbs};
use super::text::{inflect, parse_code, parse_phrase, replace_word, split_code, Line, Lines};
use super::Ctx;

/// Whether the text is in PETRARCH block format (`--- NAME [code] ---`).
fn is_petrarch(lines: &[Line<'_>]) -> bool {
    lines.iter().any(|l| l.text.starts_with("---") && l.text.ends_with("---") && l.text.len() > 6)
}

/// Reads a verb dictionary (format detected).
pub(crate) fn parse(text: &str, file: &str) -> Lexicon {
    let mut ctx = Ctx::new(file);
    let lines: Vec<Line<'_>> = Lines::new(text).collect();
    let mut reader = Reader::new(&mut ctx, &lines);
    let petrarch = is_petrarch(&lines);
    if petrarch {
        reader.petrarch(&lines);
    } else {
        reader.tabari(&lines);
    }
    reader.check_synsets();
    let mut lex = ctx.lex;
    if petrarch {
        // PETRARCH matches pattern words whole; only TABARI reads a bare word as a stem.
        for verb in &mut lex.verbs {
            for pattern in &mut verb.patterns {
                whole_words(&mut pattern.tokens);
                compound_after_verb_is_target(&mut pattern.tokens);
            }
        }
        for synset in &mut lex.synsets {
            for member in &mut synset.members {
                whole_words(member);
            }
        }
    }
    lex
}

/// PETRARCH-2 (since 2014) reads a `%` after the verb as a compound target
/// ("AGREE WITH %": the subject agrees with each member), where TABARI and
/// dyad's own format make the members act on each other wherever `%` stands.
fn compound_after_verb_is_target(tokens: &mut [crate::model::PatternToken]) {
    let Some(verb) = tokens.iter().position(|t| t.item == PatternItem::Verb) else { return };
    if tokens.iter().any(|t| t.item == PatternItem::Target) {
        return;
    }
    for t in tokens.iter_mut().skip(verb + 1) {
        if t.item == PatternItem::Compound {
            t.item = PatternItem::Target;
        }
    }
}

fn whole_words(tokens: &mut [crate::model::PatternToken]) {
    use crate::model::PatternItem;
    for token in tokens {
        match &mut token.item {
            PatternItem::Word(m @ WordMatcher::Stem(_)) => *m = WordMatcher::Exact(m.key().into()),
            PatternItem::Alternatives(alts) => alts.iter_mut().for_each(|a| whole_words(a)),
            _ => {}
        }
    }
}

struct Reader<'c> {
    ctx: &'c mut Ctx,
    ids: HashMap<String, SynsetId>,
    /// Synsets declared `&NAME_`: members match exactly.
    exact: Vec<bool>,
    /// Synsets already defined (a second `&NAME` adds to the first).
    seen: HashSet<usize>,
    current_synset: Option<usize>,
}

fn synset_name(text: &str) -> (String, bool) {
    let name = text.trim_start_matches('&').split_whitespace().next().unwrap_or("");
    let exact = name.ends_with('_');
    (name.trim_end_matches('_').to_uppercase(), exact)
}

impl<'c> Reader<'c> {
    fn new(ctx: &'c mut Ctx, lines: &[Line<'_>]) -> Self {
        let mut ids = HashMap::new();
        let mut exact = Vec::new();
        for line in lines {
            if line.text.starts_with('&') {
                let (name, ex) = synset_name(&line.text);
                if name.is_empty() || ids.contains_key(&name) {
                    continue;
                }
                let id = SynsetId(u32::try_from(ctx.lex.synsets.len()).unwrap_or(u32::MAX));
                ids.insert(name.clone(), id);
                exact.push(ex);
                ctx.lex.synsets.push(Synset {
                    name: name.into(),
                    members: Vec::new(),
                    rule: ctx.rule(line.no, &line.text),
                });
            }
        }
        Reader { ctx, ids, exact, seen: HashSet::new(), current_synset: None }
    }

    fn synset_head(&mut self, line: &Line<'_>) {
        let (name, _) = synset_name(&line.text);
        match self.ids.get(&name) {
            Some(id) => {
                let idx = id.0 as usize;
                if !self.seen.insert(idx) {
                    self.ctx.warn(
                        line.no,
                        format!("synset &{name} defined again; members added to the first definition"),
                    );
                }
                self.current_synset = Some(idx);
            }
            None => {
                self.ctx.warn(line.no, format!("bad synset name in {:?}", line.text));
                self.current_synset = None;
            }
        }
    }

    fn synset_member(&mut self, idx: usize, line: &Line<'_>) {
        let text = line.text.trim_start_matches('+');
        match parse_tokens(text, &self.ids) {
            Ok(mut tokens) => {
                if count_verbs(&tokens) > 0 {
                    self.ctx.warn(
                        line.no,
                        format!("synset member {text:?} contains the verb marker '*'; skipped"),
                    );
                    return;
                }
                if self.exact.get(idx).copied().unwrap_or(false) {
                    for t in &mut tokens {
                        if let crate::model::PatternItem::Word(WordMatcher::Stem(w)) = &t.item {
                            t.item = crate::model::PatternItem::Word(WordMatcher::Exact(w.clone()));
                        }
                    }
                }
                if let Some(s) = self.ctx.lex.synsets.get_mut(idx) {
                    s.members.push(tokens);
                }
            }
            Err(e) => self.ctx.warn(line.no, format!("synset member {text:?}: {}; skipped", e.message())),
        }
    }

    /// Warns about synsets that ended up with no members.
    fn check_synsets(&mut self) {
        let empty: Vec<(u32, String)> = self
            .ctx
            .lex
            .synsets
            .iter()
            .filter(|s| s.members.is_empty())
            .map(|s| (s.rule.line, s.name.to_string()))
            .collect();
        for (line, name) in empty {
            self.ctx.warn(line, format!("synset &{name} has no members"));
        }
    }

    /// Parses `- pattern [code]`; warns and returns `None` when unusable.
    fn pattern(&mut self, line: &Line<'_>) -> Option<VerbPattern> {
        let body = line.text.trim_start_matches('-').trim();
        let Some((pat, code, _)) = split_code(body) else {
            self.ctx.warn(line.no, format!("pattern without [code]: {:?}; skipped", line.text));
            return None;
        };
        let tokens = match parse_tokens(pat, &self.ids) {
            Ok(t) => t,
            Err(e) => {
                self.ctx.warn(line.no, format!("pattern {:?}: {}; skipped", line.text, e.message()));
                return None;
            }
        };
        if top_level_verbs(&tokens) != 1 || count_verbs(&tokens) != 1 {
            self.ctx.warn(
                line.no,
                format!("pattern {:?} must contain exactly one '*' outside alternatives; skipped", line.text),
            );
            return None;
        }
        Some(VerbPattern { tokens, code: parse_code(code), rule: self.ctx.rule(line.no, &line.text) })
    }

    // ---------------------------------------------------------------- TABARI

    fn tabari(&mut self, lines: &[Line<'_>]) {
        #[derive(PartialEq)]
        enum Section {
            Main,
            Synsets,
            Time,
        }
        let mut section = Section::Main;
        let mut verb: Option<VerbEntry> = None;
        let mut expect_forms = false;
        let mut finished = false;
        for line in lines {
            let t: &str = &line.text;
            if t.is_empty() {
                continue;
            }
            if finished {
                self.ctx.warn(line.no, format!("text after the ~~FINISH mark ignored: {t:?}"));
                continue;
            }
            if t.starts_with("~~") {
                finished = true;
                continue;
            }
            let upper = t.to_ascii_uppercase();
            match upper.as_str() {
                "<SYNSETS>" => {
                    section = Section::Synsets;
                    continue;
                }
                "<TIME>" => {
                    section = Section::Time;
                    continue;
                }
                "</SYNSETS>" | "</TIME>" => {
                    section = Section::Main;
                    self.current_synset = None;
                    continue;
                }
                _ => {}
            }
            if section == Section::Time {
                // A time phrase coded `###` (discard) or `+++` (complex) leaves
                // its sentence uncoded; time shifts themselves are not supported.
                let stops = split_code(t)
                    .filter(|(_, code, _)| matches!(code.trim(), "###" | "+++"))
                    .and_then(|(name, _, _)| parse_phrase(name, false));
                match stops {
                    Some(phrase) => self.ctx.lex.discards.push(Discard {
                        phrase,
                        scope: DiscardScope::Sentence,
                        rule: self.ctx.rule(line.no, t),
                    }),
                    None => self.ctx.warn(
                        line.no,
                        format!("<TIME> entry skipped (time shifts are not supported): {t:?}"),
                    ),
                }
                continue;
            }
            if t.starts_with('<') {
                self.ctx.warn(line.no, format!("unknown section tag {t:?} ignored"));
                continue;
            }
            if t.starts_with('&') {
                self.synset_head(line);
                continue;
            }
            if t.starts_with('+') {
                match self.current_synset {
                    Some(idx) => self.synset_member(idx, line),
                    None => self.ctx.warn(line.no, format!("synset member outside a synset: {t:?}")),
                }
                continue;
            }
            if section == Section::Synsets {
                self.ctx.warn(line.no, format!("unexpected line in <SYNSETS>: {t:?}"));
                continue;
            }
            self.current_synset = None;
            if t.starts_with('-') {
                expect_forms = false;
                let Some(p) = self.pattern(line) else { continue };
                match verb.as_mut() {
                    Some(v) => v.patterns.push(p),
                    None => self.ctx.warn(line.no, format!("pattern before any verb: {t:?}; skipped")),
                }
                continue;
            }
            if t.starts_with('{') {
                match (verb.as_mut(), expect_forms) {
                    (Some(v), true) => add_forms(v, t, false),
                    _ => self.ctx.warn(line.no, format!("verb forms not right after a verb: {t:?}; skipped")),
                }
                expect_forms = false;
                continue;
            }
            // A verb head.
            if let Some(v) = verb.take() {
                self.ctx.lex.verbs.push(v);
            }
            expect_forms = false;
            let Some((name, code, _)) = split_code(t) else {
                self.ctx.warn(line.no, format!("verb without [code]: {t:?}; skipped"));
                continue;
            };
            let Some(head) = parse_phrase(name, false) else {
                self.ctx.warn(line.no, format!("verb without a word: {t:?}; skipped"));
                continue;
            };
            let mut entry = VerbEntry {
                forms: Vec::new(),
                code: parse_code(code),
                patterns: Vec::new(),
                rule: self.ctx.rule(line.no, t),
            };
            // `BAN=`: that form alone, no endings ("baning" is not it).
            let bare = name.split(|c: char| c.is_whitespace() || c == '_').find(|w| !w.is_empty());
            if bare.is_some_and(|w| w.ends_with('=')) {
                entry.forms.push(head);
            } else {
                push_with_inflections(&mut entry.forms, head, 0);
            }
            verb = Some(entry);
            expect_forms = true;
        }
        if let Some(v) = verb.take() {
            self.ctx.lex.verbs.push(v);
        }
    }

    // -------------------------------------------------------------- PETRARCH

    fn petrarch(&mut self, lines: &[Line<'_>]) {
        #[derive(PartialEq)]
        enum Context {
            None,
            Synset,
            Block,
        }
        let mut context = Context::None;
        let mut block: Option<Block> = None;
        for line in lines {
            let t: &str = &line.text;
            if t.is_empty() {
                continue;
            }
            if t.starts_with("---") {
                if let Some(b) = block.take() {
                    self.finish_block(b);
                }
                let inner = t.trim_matches('-').trim();
                match split_code(inner) {
                    Some((name, code, _)) => {
                        block = Some(Block {
                            name: name.trim().to_owned(),
                            code: parse_code(code),
                            header: self.ctx.rule(line.no, t),
                            verbs: Vec::new(),
                            patterns: Vec::new(),
                        });
                        context = Context::Block;
                    }
                    None => {
                        self.ctx.warn(line.no, format!("block header without [code]: {t:?}"));
                        context = Context::None;
                    }
                }
                continue;
            }
            if t.starts_with('&') {
                self.synset_head(line);
                context = Context::Synset;
                continue;
            }
            if t.starts_with('+') && context == Context::Synset {
                if let Some(idx) = self.current_synset {
                    self.synset_member(idx, line);
                }
                continue;
            }
            if t.starts_with('~') {
                self.ctx.warn(line.no, format!("transformation not supported: {t:?}; skipped"));
                continue;
            }
            if t.starts_with('<') {
                self.ctx.warn(line.no, format!("unknown tag {t:?} ignored"));
                continue;
            }
            if t.starts_with("- ") || t == "-" || t.starts_with("-\t") {
                let Some(p) = self.pattern(line) else { continue };
                match block.as_mut() {
                    Some(b) => b.patterns.push(p),
                    None => self.ctx.warn(line.no, format!("pattern outside a verb block: {t:?}; skipped")),
                }
                continue;
            }
            // A verb line.
            if context == Context::Synset && block.is_none() {
                self.ctx.warn(line.no, format!("verb outside a verb block: {t:?}; skipped"));
                continue;
            }
            let Some(b) = block.as_mut() else {
                self.ctx.warn(line.no, format!("verb outside a verb block: {t:?}; skipped"));
                continue;
            };
            context = Context::Block;
            match petrarch_verb_line(t) {
                Ok((forms, code)) => b.verbs.push(BlockVerb { forms, code, rule: self.ctx.rule(line.no, t) }),
                Err(msg) => self.ctx.warn(line.no, format!("{msg}: {t:?}; skipped")),
            }
        }
        if let Some(b) = block.take() {
            self.finish_block(b);
        }
    }

    /// Turns a block into one entry per distinct code (the block's code and
    /// any code a verb line gives itself); each gets the block's patterns.
    fn finish_block(&mut self, block: Block) {
        if block.verbs.is_empty() {
            self.ctx.warn(block.header.line, format!("verb block {:?} has no verbs; skipped", block.name));
            for p in &block.patterns {
                self.ctx.warn(p.rule.line, "pattern in a verb block without verbs; skipped".to_owned());
            }
            return;
        }
        let mut entries: Vec<VerbEntry> = Vec::new();
        let mut seen: Vec<HashSet<Phrase>> = Vec::new();
        for v in block.verbs {
            let (code, rule) = match v.code {
                Some(c) => (c, v.rule),
                None => (block.code.clone(), block.header.clone()),
            };
            let idx = match entries.iter().position(|e| e.code == code) {
                Some(i) => i,
                None => {
                    entries.push(VerbEntry {
                        forms: Vec::new(),
                        code,
                        patterns: block.patterns.clone(),
                        rule,
                    });
                    seen.push(HashSet::new());
                    entries.len() - 1
                }
            };
            if let (Some(e), Some(s)) = (entries.get_mut(idx), seen.get_mut(idx)) {
                for f in v.forms {
                    if s.insert(f.clone()) {
                        e.forms.push(f);
                    }
                }
            }
        }
        self.ctx.lex.verbs.extend(entries);
    }
}

struct BlockVerb {
    forms: Vec<Phrase>,
    code: Option<CodeSpec>,
    rule: RuleRef,
}

struct Block {
    name: String,
    code: CodeSpec,
    header: RuleRef,
    verbs: Vec<BlockVerb>,
    patterns: Vec<VerbPattern>,
}

/// Parses a PETRARCH phrase where `+` marks the verb word; all words exact.
/// Returns the phrase and the index of the verb word.
fn petrarch_phrase(text: &str) -> Option<(Phrase, usize)> {
    let mut verb_index = 0;
    let mut words: Vec<PhraseWord> = Vec::new();
    for chunk in text.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').filter(|p| !p.trim_matches('+').is_empty()).collect();
        let n = parts.len();
        for (i, part) in parts.iter().enumerate() {
            if part.starts_with('+') {
                verb_index = words.len();
            }
            let w = super::text::clean_word(part.trim_matches('+'));
            words.push(PhraseWord { matcher: WordMatcher::Exact(w.into()), gap_after: i + 1 == n });
        }
    }
    if let Some(last) = words.last_mut() {
        last.gap_after = false;
    }
    (!words.is_empty()).then_some((Phrase { words }, verb_index))
}

/// Parses `VERB [code] {FORM FORM}`: the forms (regular inflections
/// included unless the braces are empty) and the line's own code.
fn petrarch_verb_line(t: &str) -> Result<(Vec<Phrase>, Option<CodeSpec>), String> {
    let (without_code, code) = match split_code(t) {
        Some((before, code, after)) => (format!("{before} {after}"), Some(parse_code(code))),
        None => (t.to_owned(), None),
    };
    let (name, braces) = match without_code.find('{') {
        Some(open) => {
            let rest = without_code.get(open + 1..).unwrap_or("");
            let Some(close) = rest.find('}') else {
                return Err("unclosed '{' in verb forms".into());
            };
            (
                without_code.get(..open).unwrap_or("").to_owned(),
                Some(rest.get(..close).unwrap_or("").to_owned()),
            )
        }
        None => (without_code.clone(), None),
    };
    let Some((head, verb_index)) = petrarch_phrase(&name) else {
        return Err("verb line without a verb".into());
    };
    let mut forms = Vec::new();
    match &braces {
        Some(b) if b.trim().is_empty() => forms.push(head),
        _ => push_with_inflections(&mut forms, head, verb_index),
    }
    if let Some(b) = braces {
        for f in b.split_whitespace() {
            if let Some((p, _)) = petrarch_phrase(f) {
                if !forms.contains(&p) {
                    forms.push(p);
                }
            }
        }
    }
    Ok((forms, code))
}

/// Pushes `head` and the regular inflections of its word `verb_index`.
/// A stem word (TABARI) already matches every form it is a prefix of, so
/// only the forms it does not cover (`-ING` without the `E`, `-IES`) are
/// added, as exact words.
fn push_with_inflections(forms: &mut Vec<Phrase>, head: Phrase, verb_index: usize) {
    let word = head.words.get(verb_index).map(|w| w.matcher.clone());
    forms.push(head.clone());
    let Some(matcher) = word else { return };
    let (w, stem) = match &matcher {
        WordMatcher::Stem(w) => (w.as_ref(), true),
        WordMatcher::Exact(w) | WordMatcher::Lemma(w) => (w.as_ref(), false),
    };
    for form in inflect(w) {
        if stem && form.starts_with(w) {
            continue;
        }
        let p = replace_word(&head, verb_index, &form);
        if !forms.contains(&p) {
            forms.push(p);
        }
    }
}

/// Adds TABARI `{ FORM_ FORM }` forms to an entry.
fn add_forms(entry: &mut VerbEntry, t: &str, all_exact: bool) {
    let inner = t.trim_start_matches('{').trim_end_matches('}');
    for f in inner.split_whitespace() {
        if let Some(p) = parse_phrase(f, all_exact) {
            if !entry.forms.contains(&p) {
                entry.forms.push(p);
            }
        }
    }
}
