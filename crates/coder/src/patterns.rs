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
use rustc_hash::FxHashSet;

use crate::actors::ActorGroup;
use crate::index::{compile_word, is_barrier, Word};

#[derive(Clone, Debug)]
pub(crate) enum Elem {
    Verb,
    Word(Word),
    Synset(u32),
    Alternatives(Vec<Member>),
    Source,
    Target,
    Compound,
}

/// A sequence (synset member, alternative) ready to match in either direction:
/// each step is an element with `gap_before`, the connection to the step before it.
#[derive(Clone, Debug)]
pub(crate) struct Member {
    fwd: Vec<(Elem, bool)>,
    bwd: Vec<(Elem, bool)>,
}

impl Member {
    fn new(seq: &[(Elem, bool)]) -> Member {
        Member { fwd: ordered(seq, Dir::Forward, false), bwd: ordered(seq, Dir::Backward, false) }
    }
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    /// Steps after the verb, in sentence order, with `gap_before`.
    right: Vec<(Elem, bool)>,
    /// Steps before the verb, from the verb outward, with `gap_before`.
    left: Vec<(Elem, bool)>,
    /// Literal words the sentence must contain for the pattern to match.
    anchors: Vec<Word>,
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
                Elem::Alternatives(alts.iter().map(|a| Member::new(&compile_tokens(a))).collect())
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
        let left = &elems[..v];
        let left_gap = left.last().map(|(_, g)| *g).unwrap_or(true);
        let anchors = elems
            .iter()
            .filter_map(|(e, _)| match e {
                Elem::Word(w) => Some(w.clone()),
                _ => None,
            })
            .collect();
        Some(Pattern {
            right: ordered(&elems[v + 1..], Dir::Forward, verb_gap),
            left: ordered(left, Dir::Backward, left_gap),
            anchors,
            code: p.code.clone(),
            rule: p.rule.to_string(),
        })
    }

    /// How many elements the pattern has: more is more specific.
    pub(crate) fn weight(&self) -> usize {
        self.left.len() + self.right.len()
    }
}

/// The words of a sentence, for the anchor pre-check of patterns.
#[derive(Default)]
pub(crate) struct SentenceWords<'t> {
    exact: FxHashSet<&'t str>,
    prefixes: FxHashSet<&'t str>,
    lemmas: FxHashSet<&'t str>,
}

impl<'t> SentenceWords<'t> {
    pub(crate) fn new(tokens: &'t [Token]) -> SentenceWords<'t> {
        let mut words = SentenceWords {
            exact: FxHashSet::with_capacity_and_hasher(tokens.len(), Default::default()),
            prefixes: FxHashSet::with_capacity_and_hasher(tokens.len() * 8, Default::default()),
            lemmas: FxHashSet::with_capacity_and_hasher(tokens.len(), Default::default()),
        };
        for t in tokens {
            let upper = &*t.upper;
            words.exact.insert(upper);
            words.lemmas.insert(&t.lemma);
            for (i, _) in upper.char_indices().skip(1) {
                words.prefixes.insert(&upper[..i]);
            }
            words.prefixes.insert(upper);
        }
        words
    }

    fn has(&self, w: &Word) -> bool {
        match w {
            Word::Exact(s) => self.exact.contains(&**s),
            Word::Stem(s) => self.prefixes.contains(&**s),
            Word::Lemma(s) => self.lemmas.contains(&**s),
        }
    }
}

/// Synset members compiled.
pub(crate) fn compile_synsets(synsets: &[Synset]) -> Vec<Vec<Member>> {
    synsets.iter().map(|s| s.members.iter().map(|m| Member::new(&compile_tokens(m))).collect()).collect()
}

/// Positions after the ways an element matched; almost always one.
type Ends = smallvec::SmallVec<[isize; 4]>;

/// What a successful match found.
#[derive(Clone, Copy, Debug, Default)]
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
    pub(crate) synsets: &'a [Vec<Member>],
    pub(crate) words: &'a SentenceWords<'a>,
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
fn ordered(seq: &[(Elem, bool)], dir: Dir, first_gap: bool) -> Vec<(Elem, bool)> {
    match dir {
        Dir::Forward => {
            let mut gap = first_gap;
            seq.iter()
                .map(|(e, g)| {
                    let step = (e.clone(), gap);
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
                    (seq[k].0.clone(), gap)
                })
                .collect()
        }
    }
}

impl<'a> Matcher<'a> {
    pub(crate) fn new(
        tokens: &'a [Token],
        groups: &'a [ActorGroup],
        synsets: &'a [Vec<Member>],
        words: &'a SentenceWords<'a>,
        max_gap: usize,
        verb: (usize, usize),
    ) -> Matcher<'a> {
        Matcher { tokens, groups, synsets, words, max_gap, verb, depth: 0 }
    }

    /// Tries the pattern around the verb.
    pub(crate) fn try_pattern(&mut self, p: &Pattern) -> Option<Captures> {
        if !p.anchors.iter().all(|w| self.words.has(w)) {
            return None;
        }
        let mut caps = Captures { extent: self.verb, ..Captures::default() };
        let end = self.seq(&p.right, Dir::Forward, self.verb.1 as isize, &mut caps)?;
        let start = self.seq(&p.left, Dir::Backward, self.verb.0 as isize - 1, &mut caps)?;
        caps.extent = ((start + 1) as usize, end as usize);
        Some(caps)
    }

    /// Matches `steps` starting at token `pos` (the next token to look at in
    /// direction `dir`); returns the next position after the match.
    fn seq(&mut self, steps: &[(Elem, bool)], dir: Dir, pos: isize, caps: &mut Captures) -> Option<isize> {
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
            let saved = *caps;
            for next in self.elem(elem, dir, p, caps) {
                if let Some(end) = self.seq(rest, dir, next, caps) {
                    result = Some(end);
                    break;
                }
                *caps = saved;
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
    fn elem(&mut self, elem: &Elem, dir: Dir, pos: isize, caps: &mut Captures) -> Ends {
        let Ok(i) = usize::try_from(pos) else { return Ends::new() };
        let step: isize = if dir == Dir::Forward { 1 } else { -1 };
        if i >= self.verb.0 && i < self.verb.1 {
            return Ends::new(); // the verb cannot match its own pattern's words
        }
        match elem {
            Elem::Verb => Ends::new(),
            Elem::Word(w) => match self.tokens.get(i) {
                Some(t) if w.matches(t) => smallvec::smallvec![pos + step],
                _ => Ends::new(),
            },
            Elem::Source | Elem::Target | Elem::Compound => {
                let group = self.groups.iter().position(|g| match dir {
                    Dir::Forward => g.start == i,
                    Dir::Backward => g.end == i + 1,
                });
                let Some(gi) = group else { return Ends::new() };
                match elem {
                    Elem::Source => caps.source = Some(gi),
                    Elem::Target => caps.target = Some(gi),
                    _ => caps.compound = Some(gi),
                }
                let g = &self.groups[gi];
                smallvec::smallvec![if dir == Dir::Forward { g.end as isize } else { g.start as isize - 1 }]
            }
            Elem::Synset(id) => {
                let members = self.synsets.get(*id as usize).map(|m| m.as_slice()).unwrap_or(&[]);
                self.members(members, dir, pos, caps)
            }
            Elem::Alternatives(alts) => self.members(alts, dir, pos, caps),
        }
    }

    fn members(&mut self, members: &[Member], dir: Dir, pos: isize, caps: &mut Captures) -> Ends {
        let mut out = Ends::new();
        let token = usize::try_from(pos).ok().and_then(|i| self.tokens.get(i));
        for member in members {
            let steps = if dir == Dir::Forward { &member.fwd } else { &member.bwd };
            // Cheap rejection: a member starting with a word needs that word here.
            if let (Some((Elem::Word(w), _)), Some(t)) = (steps.first(), token) {
                if !w.matches(t) {
                    continue;
                }
            }
            if let Some(end) = self.seq(steps, dir, pos, caps) {
                out.push(end);
            }
        }
        out
    }
}
