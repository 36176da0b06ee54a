//! Phrase indexes: the lexicon compiled for fast lookup by first word.
//!
//! A [`PhraseIndex`] answers "which phrases start at token `i`?" with at
//! most `1 + len(token)` hash probes: one for exact words, one for the lemma,
//! and one per prefix of the token for stems. Phrases are stored longest
//! first so the first full match found is the longest.

use std::collections::HashMap;

use dyad_lexicon::{Phrase, PhraseWord, WordMatcher};
use dyad_text::{Token, TokenKind};

/// One compiled phrase word.
#[derive(Clone, Debug)]
pub(crate) enum Word {
    Exact(Box<str>),
    Stem(Box<str>),
    Lemma(Box<str>),
}

impl Word {
    pub(crate) fn matches(&self, token: &Token) -> bool {
        match self {
            Word::Exact(w) => *token.upper == **w,
            Word::Stem(w) => token.upper.starts_with(&**w),
            Word::Lemma(w) => *token.lemma == **w,
        }
    }
}

/// A compiled phrase: words with their connections.
#[derive(Clone, Debug)]
pub(crate) struct CompiledPhrase {
    pub(crate) words: Vec<(Word, bool)>,
}

/// Splits dictionary words the way the tokenizer splits text, so that a
/// dictionary entry such as `DIDN'T` or `DAGOLATH'S` meets the same tokens
/// that the sentence has. The parts of one word are adjacent; only the last
/// part keeps the word's matcher kind.
pub(crate) fn compile_phrase(phrase: &Phrase) -> Option<CompiledPhrase> {
    let mut words = Vec::with_capacity(phrase.words.len());
    for PhraseWord { matcher, gap_after } in &phrase.words {
        compile_word(matcher, *gap_after, &mut words);
    }
    if words.is_empty() {
        None
    } else {
        Some(CompiledPhrase { words })
    }
}

pub(crate) fn compile_word(matcher: &WordMatcher, gap_after: bool, out: &mut Vec<(Word, bool)>) {
    let key = matcher.key();
    let parts: Vec<Token> = dyad_text::tokenize(key)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct || key.len() == 1)
        .collect();
    let n = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        let last = i + 1 == n;
        let word = match matcher {
            WordMatcher::Lemma(_) => Word::Lemma(part.text.to_lowercase().into()),
            WordMatcher::Stem(_) if last => Word::Stem(part.upper),
            _ => Word::Exact(part.upper),
        };
        out.push((word, if last { gap_after } else { false }));
    }
}

impl CompiledPhrase {
    /// Matches the phrase starting at token `start`; returns the end (exclusive).
    pub(crate) fn match_at(&self, tokens: &[Token], start: usize, max_gap: usize) -> Option<usize> {
        let mut pos = start;
        let (first, mut gap) = self.words.first()?;
        if !first.matches(tokens.get(pos)?) {
            return None;
        }
        pos += 1;
        for (word, next_gap) in &self.words[1..] {
            let limit = if gap { max_gap + 1 } else { 1 };
            let mut found = None;
            for (k, token) in tokens.iter().enumerate().skip(pos).take(limit) {
                if word.matches(token) {
                    found = Some(k);
                    break;
                }
                if is_barrier(token) {
                    break;
                }
            }
            pos = found? + 1;
            gap = *next_gap;
        }
        Some(pos)
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// Gaps never cross these: a phrase's words stand in one clause.
pub(crate) fn is_barrier(token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(&*token.text, "." | ";" | ":" | "!" | "?" | "\"")
}

/// An index of phrases by first word, each with a payload `T`.
#[derive(Debug)]
pub(crate) struct PhraseIndex<T> {
    exact: HashMap<Box<str>, Vec<u32>>,
    stem: HashMap<Box<str>, Vec<u32>>,
    lemma: HashMap<Box<str>, Vec<u32>>,
    max_stem_len: usize,
    entries: Vec<(CompiledPhrase, T)>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            exact: HashMap::new(),
            stem: HashMap::new(),
            lemma: HashMap::new(),
            max_stem_len: 0,
            entries: Vec::new(),
        }
    }
}

/// A phrase found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit<'a, T> {
    pub(crate) end: usize,
    pub(crate) payload: &'a T,
}

impl<T> PhraseIndex<T> {
    pub(crate) fn insert(&mut self, phrase: &Phrase, payload: T) {
        let Some(compiled) = compile_phrase(phrase) else { return };
        let id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let bucket = match &compiled.words[0].0 {
            Word::Exact(w) => self.exact.entry(w.clone()).or_default(),
            Word::Stem(w) => {
                self.max_stem_len = self.max_stem_len.max(w.len());
                self.stem.entry(w.clone()).or_default()
            }
            Word::Lemma(w) => self.lemma.entry(w.clone()).or_default(),
        };
        bucket.push(id);
        self.entries.push((compiled, payload));
    }

    /// Sorts every bucket longest phrase first (then in insertion order).
    pub(crate) fn finish(&mut self) {
        let entries = &self.entries;
        for bucket in self.exact.values_mut().chain(self.stem.values_mut()).chain(self.lemma.values_mut()) {
            bucket.sort_by_key(|&id| (std::cmp::Reverse(entries[id as usize].0.len()), id));
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Every phrase that matches starting at `start`, in no particular order.
    pub(crate) fn hits_at<'a>(
        &'a self,
        tokens: &[Token],
        start: usize,
        max_gap: usize,
        out: &mut Vec<Hit<'a, T>>,
    ) {
        let Some(token) = tokens.get(start) else { return };
        let mut probe = |bucket: Option<&Vec<u32>>| {
            for &id in bucket.into_iter().flatten() {
                let (phrase, payload) = &self.entries[id as usize];
                if let Some(end) = phrase.match_at(tokens, start, max_gap) {
                    out.push(Hit { end, payload });
                }
            }
        };
        probe(self.exact.get(&token.upper));
        if !self.lemma.is_empty() {
            probe(self.lemma.get(&token.lemma));
        }
        if !self.stem.is_empty() {
            let upper = &*token.upper;
            for (i, _) in upper.char_indices().skip(1).chain(std::iter::once((upper.len(), ' '))) {
                if i > self.max_stem_len {
                    break;
                }
                probe(self.stem.get(&upper[..i]));
            }
        }
    }

    /// The longest phrase starting at `start` (ties: first inserted).
    pub(crate) fn longest_at<'a>(
        &'a self,
        tokens: &[Token],
        start: usize,
        max_gap: usize,
    ) -> Option<Hit<'a, T>> {
        let mut hits = Vec::new();
        self.hits_at(tokens, start, max_gap, &mut hits);
        hits.into_iter().min_by_key(|h| std::cmp::Reverse(h.end))
    }
}
