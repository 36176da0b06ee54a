//! Verb patterns compiled for matching around a verb occurrence.
//!
//! A pattern such as `- $ SAID * DIPLOMATIC TIES WITH + [064]` is split at
//! the verb: the right side is matched forward from the verb, the left side
//! backward, each element allowed a gap of up to `max_gap` tokens when the
//! dictionary wrote a space, none when it wrote `_`. Matching backtracks over
//! gap positions and synset members, so the first pattern that can match,
//! does.

use dyad_lexicon::{CodeSpec, PatternItem, PatternToken, Synset, VerbPattern};

use crate::actors::{Actor, ActorGroup, PointsBack};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use crate::index::{closes_clause, compile_word, is_barrier, Keyed, Vocab, Word};

#[derive(Clone, Debug)]
pub(crate) enum Elem {
    Verb,
    Word(Word),
    Synset(u32),
    Alternatives(Members),
    Source,
    Target,
    Compound,
    SkipActor,
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

/// Alternative sequences (a synset's members, `{ A | B }`), indexed by the
/// id of the word each starts with in either direction, so that only the
/// members that can start at a token are tried.
#[derive(Clone, Debug, Default)]
pub(crate) struct Members {
    list: Vec<Member>,
    fwd: FirstWords,
    bwd: FirstWords,
}

#[derive(Clone, Debug, Default)]
struct FirstWords {
    by_word: FxHashMap<u32, Vec<u32>>,
    other: Vec<u32>,
}

impl FirstWords {
    fn add(&mut self, steps: &[(Elem, bool)], index: u32) {
        match steps.first() {
            Some((Elem::Word(w), _)) => self.by_word.entry(w.id()).or_default().push(index),
            _ => self.other.push(index),
        }
    }
}

impl Members {
    fn new(list: Vec<Member>) -> Members {
        let mut members = Members { list, ..Members::default() };
        for (i, m) in members.list.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            members.fwd.add(&m.fwd, i);
            members.bwd.add(&m.bwd, i);
        }
        members
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

pub(crate) fn compile_tokens(vocab: &mut Vocab, tokens: &[PatternToken]) -> Vec<(Elem, bool)> {
    let mut out = Vec::new();
    for t in tokens {
        let elem = match &t.item {
            PatternItem::Verb => Elem::Verb,
            PatternItem::Word(m) => {
                let mut words = Vec::new();
                compile_word(vocab, m, t.gap_after, &mut words);
                out.extend(words.into_iter().map(|(w, g)| (Elem::Word(w), g)));
                continue;
            }
            PatternItem::Synset(id) => Elem::Synset(id.0),
            PatternItem::Alternatives(alts) => Elem::Alternatives(Members::new(
                alts.iter().map(|a| Member::new(&compile_tokens(vocab, a))).collect(),
            )),
            PatternItem::Source => Elem::Source,
            PatternItem::Target => Elem::Target,
            PatternItem::Compound => Elem::Compound,
            PatternItem::SkipActor => Elem::SkipActor,
        };
        out.push((elem, t.gap_after));
    }
    out
}

impl Pattern {
    pub(crate) fn compile(vocab: &mut Vocab, p: &VerbPattern) -> Option<Pattern> {
        let elems = compile_tokens(vocab, &p.tokens);
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

/// Synset members compiled.
pub(crate) fn compile_synsets(vocab: &mut Vocab, synsets: &[Synset]) -> Vec<Members> {
    synsets
        .iter()
        .map(|s| Members::new(s.members.iter().map(|m| Member::new(&compile_tokens(vocab, m))).collect()))
        .collect()
}

/// Positions after the ways an element matched; almost always one.
type Ends = smallvec::SmallVec<[isize; 4]>;

/// What a successful match found.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Captures {
    pub(crate) source: Option<usize>,
    pub(crate) target: Option<usize>,
    pub(crate) compound: Option<usize>,
    /// Groups a `^` passed over: neither source nor target.
    pub(crate) skipped: [Option<usize>; 2],
    /// Token extent of the match (start, end exclusive).
    pub(crate) extent: (usize, usize),
}

impl Captures {
    pub(crate) fn skips(&self, group: usize) -> bool {
        self.skipped.contains(&Some(group))
    }
}

pub(crate) struct Matcher<'a> {
    pub(crate) sent: &'a Keyed<'a>,
    pub(crate) groups: &'a [ActorGroup],
    pub(crate) synsets: &'a [Members],
    pub(crate) max_gap: usize,
    /// The longest gap before a pattern's word that closes its clause (German
    /// separable particles); `max_gap` elsewhere.
    pub(crate) clause_final_gap: usize,
    /// Tokens the verb occupies.
    pub(crate) verb: (usize, usize),
    /// Conjunctions that open a second predicate: no gap crosses one.
    breaks: &'a [usize],
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
        sent: &'a Keyed<'a>,
        groups: &'a [ActorGroup],
        synsets: &'a [Members],
        max_gap: usize,
        verb: (usize, usize),
        breaks: &'a [usize],
    ) -> Matcher<'a> {
        Matcher { sent, groups, synsets, max_gap, clause_final_gap: max_gap, verb, breaks, depth: 0 }
    }

    fn closes_clause(&self, next: isize) -> bool {
        usize::try_from(next).ok().is_none_or(|i| closes_clause(self.sent.tokens, i))
    }

    fn stands_for_act(&self, i: usize) -> bool {
        self.groups.iter().any(|g| {
            g.actors.iter().any(|a| a.points_back == Some(PointsBack::Attack) && i >= a.start && i < a.end)
        })
    }

    /// Tries the pattern around the verb.
    pub(crate) fn try_pattern(&mut self, p: &Pattern) -> Option<Captures> {
        if !p.anchors.iter().all(|w| self.sent.contains(w)) {
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
        // Past `max_gap`, only a word that closes its clause ("kamen …
        // zusammen.", "kündigte … an, …") matches.
        let clause_final = dir == Dir::Forward && matches!(elem, Elem::Word(_));
        let limit = match (*gap, clause_final) {
            (false, _) => 1,
            (true, true) => self.clause_final_gap.max(self.max_gap) + 1,
            (true, false) => self.max_gap + 1,
        };
        let step: isize = if dir == Dir::Forward { 1 } else { -1 };
        let mut p = pos;
        let mut result = None;
        for k in 0..limit {
            let Some(token) = usize::try_from(p).ok().and_then(|i| self.sent.tokens.get(i)) else { break };
            let saved = *caps;
            for next in self.elem(elem, dir, p, caps) {
                if k > self.max_gap && !self.closes_clause(next) {
                    continue;
                }
                if let Some(end) = self.seq(rest, dir, next, caps) {
                    result = Some(end);
                    break;
                }
                *caps = saved;
            }
            if result.is_some() || is_barrier(token) || self.breaks.iter().any(|&b| b as isize == p) {
                break;
            }
            p += step;
        }
        if result.is_none() && matches!(elem, Elem::SkipActor) {
            // `^` stands for a phrase that need not be an actor ("warned their
            // ^populations about +"): failing an actor, it passes over nothing.
            result = self.seq(rest, dir, pos, caps);
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
            // "condemned the attack and …" where "the attack" stands for an
            // earlier attacker: a pattern written for the noun ("- * the
            // &ASSAULT and = ---") does not apply to the actor.
            Elem::Word(w) if self.sent.matches(i, w) && !self.stands_for_act(i) => {
                smallvec::smallvec![pos + step]
            }
            Elem::Word(_) => Ends::new(),
            Elem::Source | Elem::Target | Elem::Compound | Elem::SkipActor => {
                let tokens = self.sent.tokens;
                let comma = |k: usize| tokens.get(k).is_some_and(|t| &*t.text == ",");
                // "Le président français, Emmanuel Macron, a reçu …": the comma
                // that closes a name set off inside the actor ends the actor too.
                let closes_apposition =
                    |g: &ActorGroup| comma(i) && g.end == i && (g.start..g.end).any(comma);
                let group = self.groups.iter().position(|g| match dir {
                    Dir::Forward => g.start == i,
                    Dir::Backward => g.end == i + 1 || closes_apposition(g),
                });
                let Some(gi) = group else { return Ends::new() };
                // ", criticó las medidas", ", condenó el ataque": the measures
                // and the attack stand for their author, who is criticized, not
                // the speaker a closing attribution names after the verb. (An
                // attack before its verb strikes: "Die Angriffe trafen Ziele".)
                let stands_for_object = |a: &Actor| match a.points_back {
                    Some(PointsBack::Words) => true,
                    Some(PointsBack::Attack) => i >= self.verb.1,
                    None => false,
                };
                if matches!(elem, Elem::Source) && self.groups[gi].actors.iter().all(stands_for_object) {
                    return Ends::new();
                }
                if matches!(elem, Elem::Compound) && self.groups[gi].actors.len() < 2 {
                    return Ends::new(); // `%` needs several actors to act on each other
                }
                match elem {
                    Elem::Source => caps.source = Some(gi),
                    Elem::Target => caps.target = Some(gi),
                    Elem::Compound => caps.compound = Some(gi),
                    _ => {
                        let slot = usize::from(caps.skipped[0].is_some());
                        caps.skipped[slot] = Some(gi);
                    }
                }
                let g = &self.groups[gi];
                smallvec::smallvec![if dir == Dir::Forward { g.end as isize } else { g.start as isize - 1 }]
            }
            Elem::Synset(id) => {
                let synsets = self.synsets;
                match synsets.get(*id as usize) {
                    Some(members) => self.members(members, dir, pos, caps),
                    None => Ends::new(),
                }
            }
            Elem::Alternatives(alts) => self.members(alts, dir, pos, caps),
        }
    }

    fn members(&mut self, members: &Members, dir: Dir, pos: isize, caps: &mut Captures) -> Ends {
        let mut out = Ends::new();
        let Ok(at) = usize::try_from(pos) else { return out };
        let first = if dir == Dir::Forward { &members.fwd } else { &members.bwd };
        let mut candidates: SmallVec<[u32; 8]> = first.other.iter().copied().collect();
        for id in self.sent.ids(at) {
            if let Some(list) = first.by_word.get(&id) {
                candidates.extend(list.iter().copied());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for index in candidates {
            let Some(member) = members.list.get(index as usize) else { continue };
            let steps = if dir == Dir::Forward { &member.fwd } else { &member.bwd };
            if let Some(end) = self.seq(steps, dir, pos, caps) {
                out.push(end);
            }
        }
        out
    }
}
