//! Verb patterns compiled for matching around a verb occurrence.
//!
//! A pattern such as `- $ SAID * DIPLOMATIC TIES WITH + [064]` is split at
//! the verb: the right side is matched forward from the verb, the left side
//! backward, each element allowed a gap of up to `max_gap` tokens when the
//! dictionary wrote a space, none when it wrote `_`. Matching backtracks over
//! gap positions and synset members, so the first pattern that can match,
//! does.

use dyad_lexicon::{CodeSpec, PatternItem, PatternToken, Synset, VerbPattern};
use dyad_text::Token;

use crate::actors::ActorGroup;
use crate::index::{compile_word, is_barrier, Word};

#[derive(Clone, Debug)]
pub(crate) enum Elem {
    Verb,
    Word(Word),
    Synset(u32),
    Alternatives(Vec<Vec<(Elem, bool)>>),
    Source,
    Target,
    Compound,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    /// Elements before the verb, in sentence order, with `gap_after`.
    pub(crate) left: Vec<(Elem, bool)>,
    /// The verb's own `gap_after`.
    pub(crate) verb_gap: bool,
    /// Elements after the verb, in sentence order, with `gap_after`.
    pub(crate) right: Vec<(Elem, bool)>,
    pub(crate) code: CodeSpec,
    pub(crate) rule: String,
}

pub(crate) fn compile_tokens(tokens: &[PatternToken]) -> Vec<(Elem, bool)> {
    let mut out = Vec::new();
    for t in tokens {
        let elem = match &t.item {
            PatternItem::Verb => Elem::Verb,
            PatternItem::Word(m) => {
                let mut words = Vec::new();
                compile_word(m, t.gap_after, &mut words);
                out.extend(words.into_iter().map(|(w, g)| (Elem::Word(w), g)));
                continue;
            }
            PatternItem::Synset(id) => Elem::Synset(id.0),
            PatternItem::Alternatives(alts) => {
                Elem::Alternatives(alts.iter().map(|a| compile_tokens(a)).collect())
            }
            PatternItem::Source => Elem::Source,
            PatternItem::Target => Elem::Target,
            PatternItem::Compound => Elem::Compound,
        };
        out.push((elem, t.gap_after));
    }
    out
}

impl Pattern {
    pub(crate) fn compile(p: &VerbPattern) -> Option<Pattern> {
        let elems = compile_tokens(&p.tokens);
        let v = elems.iter().position(|(e, _)| matches!(e, Elem::Verb))?;
        let verb_gap = elems[v].1;
        Some(Pattern {
            left: elems[..v].to_vec(),
            verb_gap,
            right: elems[v + 1..].to_vec(),
            code: p.code.clone(),
            rule: p.rule.to_string(),
        })
    }
}

/// Synset members compiled.
pub(crate) fn compile_synsets(synsets: &[Synset]) -> Vec<Vec<Vec<(Elem, bool)>>> {
    synsets.iter().map(|s| s.members.iter().map(|m| compile_tokens(m)).collect()).collect()
}

/// What a successful match found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Captures {
    pub(crate) source: Option<usize>,
    pub(crate) target: Option<usize>,
    pub(crate) compound: Option<usize>,
    /// Token extent of the match (start, end exclusive).
    pub(crate) extent: (usize, usize),
}

pub(crate) struct Matcher<'a> {
    pub(crate) tokens: &'a [Token],
    pub(crate) groups: &'a [ActorGroup],
    pub(crate) synsets: &'a [Vec<Vec<(Elem, bool)>>],
    pub(crate) max_gap: usize,
    /// Tokens the verb occupies.
    pub(crate) verb: (usize, usize),
    depth: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Forward,
    Backward,
}

/// An element in matching order with the connection to the previous one.
type Step<'e> = (&'e Elem, bool);

fn ordered<'e>(seq: &'e [(Elem, bool)], dir: Dir, first_gap: bool) -> Vec<Step<'e>> {
    match dir {
        Dir::Forward => {
            let mut gap = first_gap;
            seq.iter()
                .map(|(e, g)| {
                    let step = (e, gap);
                    gap = *g;
                    step
                })
                .collect()
        }
        Dir::Backward => {
            let n = seq.len();
            (0..n)
                .rev()
                .map(|k| {
                    let gap = if k + 1 == n { first_gap } else { seq[k].1 };
                    (&seq[k].0, gap)
                })
                .collect()
        }
    }
}

impl<'a> Matcher<'a> {
    pub(crate) fn new(
        tokens: &'a [Token],
        groups: &'a [ActorGroup],
        synsets: &'a [Vec<Vec<(Elem, bool)>>],
        max_gap: usize,
        verb: (usize, usize),
    ) -> Matcher<'a> {
        Matcher { tokens, groups, synsets, max_gap, verb, depth: 0 }
    }

    /// Tries the pattern around the verb.
    pub(crate) fn try_pattern(&mut self, p: &Pattern) -> Option<Captures> {
        let mut caps = Captures { extent: self.verb, ..Captures::default() };
        let right = ordered(&p.right, Dir::Forward, p.verb_gap);
        let end = self.seq(&right, Dir::Forward, self.verb.1 as isize, &mut caps)?;
        let left_gap = p.left.last().map(|(_, g)| *g).unwrap_or(true);
        let left = ordered(&p.left, Dir::Backward, left_gap);
        let start = self.seq(&left, Dir::Backward, self.verb.0 as isize - 1, &mut caps)?;
        caps.extent = ((start + 1) as usize, end as usize);
        Some(caps)
    }

    /// Matches `steps` starting at token `pos` (the next token to look at in
    /// direction `dir`); returns the next position after the match.
    fn seq(&mut self, steps: &[Step<'_>], dir: Dir, pos: isize, caps: &mut Captures) -> Option<isize> {
        let Some(((elem, gap), rest)) = steps.split_first() else { return Some(pos) };
        self.depth += 1;
        if self.depth > 64 {
            self.depth -= 1;
            return None; // pathological synset nesting
        }
        let limit = if *gap { self.max_gap + 1 } else { 1 };
        let step: isize = if dir == Dir::Forward { 1 } else { -1 };
        let mut p = pos;
        let mut result = None;
        for _ in 0..limit {
            let Some(token) = usize::try_from(p).ok().and_then(|i| self.tokens.get(i)) else { break };
            let saved = caps.clone();
            for next in self.elem(elem, dir, p, caps) {
                if let Some(end) = self.seq(rest, dir, next, caps) {
                    result = Some(end);
                    break;
                }
                *caps = saved.clone();
            }
            if result.is_some() || is_barrier(token) {
                break;
            }
            p += step;
        }
        self.depth -= 1;
        result
    }

    /// Every way `elem` can match at `pos`; each item is the next position.
    fn elem(&mut self, elem: &Elem, dir: Dir, pos: isize, caps: &mut Captures) -> Vec<isize> {
        let Ok(i) = usize::try_from(pos) else { return Vec::new() };
        let step: isize = if dir == Dir::Forward { 1 } else { -1 };
        if i >= self.verb.0 && i < self.verb.1 {
            return Vec::new(); // the verb cannot match its own pattern's words
        }
        match elem {
            Elem::Verb => Vec::new(),
            Elem::Word(w) => match self.tokens.get(i) {
                Some(t) if w.matches(t) => vec![pos + step],
                _ => Vec::new(),
            },
            Elem::Source | Elem::Target | Elem::Compound => {
                let group = self.groups.iter().position(|g| match dir {
                    Dir::Forward => g.start == i,
                    Dir::Backward => g.end == i + 1,
                });
                let Some(gi) = group else { return Vec::new() };
                match elem {
                    Elem::Source => caps.source = Some(gi),
                    Elem::Target => caps.target = Some(gi),
                    _ => caps.compound = Some(gi),
                }
                let g = &self.groups[gi];
                vec![if dir == Dir::Forward { g.end as isize } else { g.start as isize - 1 }]
            }
            Elem::Synset(id) => {
                let members = self.synsets.get(*id as usize).map(|m| m.as_slice()).unwrap_or(&[]);
                self.members(members, dir, pos, caps)
            }
            Elem::Alternatives(alts) => {
                let alts = alts.clone();
                self.members(&alts, dir, pos, caps)
            }
        }
    }

    fn members(
        &mut self,
        members: &[Vec<(Elem, bool)>],
        dir: Dir,
        pos: isize,
        caps: &mut Captures,
    ) -> Vec<isize> {
        let mut out = Vec::new();
        for member in members {
            let steps = ordered(member, dir, false);
            if let Some(end) = self.seq(&steps, dir, pos, caps) {
                out.push(end);
            }
        }
        out
    }
}
