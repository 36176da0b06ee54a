//! Interned vocabulary and phrase indexes: the lexicon compiled for fast
//! lookup.
//!
//! Every dictionary word (exact word, stem, lemma) is interned once into a
//! [`Vocab`] and becomes a `u32`. Each sentence is then keyed once
//! ([`Keyed::new`]): per token, the id of its exact form, of its lemma, and
//! of every dictionary stem that is a prefix of it — at most
//! `2 + max_stem_len` hash probes per token, shared by all indexes. After
//! that, matching a dictionary word against a token is an integer compare,
//! and a [`PhraseIndex`] finds the phrases starting at a token by probing its
//! buckets with those few ids. Phrases in a bucket are stored longest first.

use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;

use dyad_lexicon::{Phrase, PhraseWord, WordMatcher};
use dyad_text::{Token, TokenKind};

/// A word id that no dictionary word has.
const NONE: u32 = u32::MAX;

/// Dictionary words interned to ids, one namespace per matcher kind.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    exact: FxHashMap<Box<str>, u32>,
    stem: FxHashMap<Box<str>, u32>,
    lemma: FxHashMap<Box<str>, u32>,
    max_stem_len: usize,
    next: u32,
    /// The language whose tokenizer splits dictionary words (English when
    /// `None`).
    pub(crate) lang: Option<dyad_text::Lang>,
}

impl Vocab {
    fn intern(map: &mut FxHashMap<Box<str>, u32>, next: &mut u32, word: &str) -> u32 {
        if let Some(&id) = map.get(word) {
            return id;
        }
        let id = *next;
        *next = next.saturating_add(1).min(NONE - 1);
        map.insert(word.into(), id);
        id
    }

    fn word(&mut self, kind: &WordMatcher, text: &str) -> Word {
        match kind {
            WordMatcher::Exact(_) => Word::Exact(Self::intern(&mut self.exact, &mut self.next, text)),
            WordMatcher::Stem(_) => {
                self.max_stem_len = self.max_stem_len.max(text.len());
                Word::Stem(Self::intern(&mut self.stem, &mut self.next, text))
            }
            WordMatcher::Lemma(_) => Word::Lemma(Self::intern(&mut self.lemma, &mut self.next, text)),
        }
    }

    fn keys(&self, token: &Token) -> TokenKeys {
        let exact = self.exact.get(&*token.upper).copied().unwrap_or(NONE);
        let lemma =
            if self.lemma.is_empty() { NONE } else { self.lemma.get(&*token.lemma).copied().unwrap_or(NONE) };
        let mut stems = SmallVec::new();
        if !self.stem.is_empty() {
            let upper = &*token.upper;
            let ends = upper.char_indices().skip(1).map(|(i, _)| i).chain(std::iter::once(upper.len()));
            for end in ends.take_while(|&e| e <= self.max_stem_len) {
                if let Some(&id) = self.stem.get(&upper[..end]) {
                    stems.push(id);
                }
            }
        }
        TokenKeys { exact, lemma, stems }
    }
}

/// The dictionary ids of one token.
#[derive(Clone, Debug)]
pub(crate) struct TokenKeys {
    exact: u32,
    lemma: u32,
    stems: SmallVec<[u32; 2]>,
}

impl TokenKeys {
    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        [self.exact, self.lemma].into_iter().chain(self.stems.iter().copied()).filter(|&id| id != NONE)
    }
}

/// A sentence's tokens with their dictionary ids.
pub(crate) struct Keyed<'t> {
    pub(crate) tokens: &'t [Token],
    keys: Vec<TokenKeys>,
    present: FxHashSet<u32>,
}

impl<'t> Keyed<'t> {
    pub(crate) fn new(vocab: &Vocab, tokens: &'t [Token]) -> Keyed<'t> {
        let keys: Vec<TokenKeys> = tokens.iter().map(|t| vocab.keys(t)).collect();
        let present = keys.iter().flat_map(TokenKeys::ids).collect();
        Keyed { tokens, keys, present }
    }

    /// Whether token `i` matches `word`.
    pub(crate) fn matches(&self, i: usize, word: &Word) -> bool {
        self.keys.get(i).is_some_and(|k| word.matches(k))
    }

    /// The dictionary ids of token `i`.
    pub(crate) fn ids(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        self.keys.get(i).into_iter().flat_map(TokenKeys::ids)
    }

    /// Whether any token of the sentence matches `word`.
    pub(crate) fn contains(&self, word: &Word) -> bool {
        self.present.contains(&word.id())
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }
}

/// One compiled dictionary word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    Exact(u32),
    Stem(u32),
    Lemma(u32),
}

impl Word {
    pub(crate) fn id(&self) -> u32 {
        match self {
            Word::Exact(id) | Word::Stem(id) | Word::Lemma(id) => *id,
        }
    }

    fn matches(&self, keys: &TokenKeys) -> bool {
        match self {
            Word::Exact(id) => keys.exact == *id,
            Word::Lemma(id) => keys.lemma == *id,
            Word::Stem(id) => keys.stems.contains(id),
        }
    }
}

/// A compiled phrase: words with their connections.
#[derive(Clone, Debug)]
pub(crate) struct CompiledPhrase {
    pub(crate) words: Vec<(Word, bool)>,
}

/// Compiles a phrase: one variant, or two when a name word holds a hyphen
/// between letters. Keys are upper-cased, so they cannot tell whether the
/// text wrote two names the tokenizer splits ("Guinea-Bissau") or one word it
/// keeps ("Greek-flagged", "al-Qaeda"): the phrase is indexed both ways.
pub(crate) fn compile_phrase(vocab: &mut Vocab, phrase: &Phrase) -> SmallVec<[CompiledPhrase; 1]> {
    let mut variants = SmallVec::new();
    let splits = vocab.lang != Some(dyad_text::Lang::De)
        && phrase.words.iter().any(|w| has_inner_hyphen(w.matcher.key()));
    for split_names in if splits { &[true, false][..] } else { &[true][..] } {
        let mut words = Vec::with_capacity(phrase.words.len());
        for PhraseWord { matcher, gap_after } in &phrase.words {
            compile_word_as(vocab, matcher, *gap_after, *split_names, &mut words);
        }
        // A lower-case key ("sit-in") splits the same way both times.
        if !words.is_empty() && !variants.iter().any(|v: &CompiledPhrase| v.words == words) {
            variants.push(CompiledPhrase { words });
        }
    }
    variants
}

/// `key` upper-cased, borrowed when it already is: the parser stores exact
/// words and stems upper-cased, and a copy per word was a tenth of start-up.
pub(crate) fn upper_case(key: &str) -> std::borrow::Cow<'_, str> {
    // Nearly every key is ASCII: a byte test instead of a case table per char.
    if key.is_ascii() {
        return if key.bytes().any(|b| b.is_ascii_lowercase()) {
            std::borrow::Cow::Owned(key.to_ascii_uppercase())
        } else {
            std::borrow::Cow::Borrowed(key)
        };
    }
    if key.chars().all(|c| c.to_uppercase().eq(std::iter::once(c))) {
        std::borrow::Cow::Borrowed(key)
    } else {
        std::borrow::Cow::Owned(key.to_uppercase())
    }
}

/// `key` lower-cased, borrowed when it already is (lemmas are stored so).
fn lower_case(key: &str) -> std::borrow::Cow<'_, str> {
    if key.is_ascii() {
        return if key.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(key.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(key)
        };
    }
    if key.chars().all(|c| c.to_lowercase().eq(std::iter::once(c))) {
        std::borrow::Cow::Borrowed(key)
    } else {
        std::borrow::Cow::Owned(key.to_lowercase())
    }
}

/// Whether `key` has a hyphen between two letters.
fn has_inner_hyphen(key: &str) -> bool {
    key.match_indices('-').any(|(at, _)| {
        key[..at].chars().next_back().is_some_and(char::is_alphabetic)
            && key[at + 1..].chars().next().is_some_and(char::is_alphabetic)
    })
}

/// Splits a dictionary word the way the tokenizer splits text, so that an
/// entry such as `DIDN'T` or `DAGOLATH'S` meets the same tokens the sentence
/// has. The parts of one word are adjacent; only the last part keeps the
/// word's matcher kind (a stem), the others are exact. A hyphenated word is
/// kept whole, as the text keeps "Greek-flagged" or "cease-fire"; see
/// [`compile_phrase`] for names.
pub(crate) fn compile_word(
    vocab: &mut Vocab,
    matcher: &WordMatcher,
    gap_after: bool,
    out: &mut Vec<(Word, bool)>,
) {
    compile_word_as(vocab, matcher, gap_after, false, out)
}

/// [`compile_word`]; `split_names` splits a hyphen between letters as the
/// tokenizer splits two capitalised names ("GUINEA-BISSAU": two words).
fn compile_word_as(
    vocab: &mut Vocab,
    matcher: &WordMatcher,
    gap_after: bool,
    split_names: bool,
    out: &mut Vec<(Word, bool)>,
) {
    let key = matcher.key();
    // Most dictionary words are one plain word, which the tokenizer would
    // keep whole: skip tokenizing (and lemmatizing) it, the bulk of start-up.
    if !key.is_empty() && key.chars().all(char::is_alphanumeric) {
        let word = match matcher {
            WordMatcher::Lemma(_) => vocab.word(matcher, &lower_case(key)),
            WordMatcher::Stem(_) => vocab.word(matcher, &upper_case(key)),
            WordMatcher::Exact(_) => vocab.word(&WordMatcher::Exact("".into()), &upper_case(key)),
        };
        out.push((word, gap_after));
        return;
    }
    // Text reaches the tokenizer normalized ("«" and "“" as `"`): so does the
    // dictionary's word, or a pattern written with "«" would never match.
    let normalized = dyad_text::normalize(key);
    let key = normalized.as_str();
    let lang = vocab.lang.unwrap_or(dyad_text::Lang::En);
    // An elided article stands alone in a dictionary ("Consiglio d' Europa");
    // in text the tokenizer splits it off the next word with its apostrophe
    // ("d'|Europa"), so it is one word here too, not "d" and a quote.
    let elides = matches!(lang, dyad_text::Lang::It | dyad_text::Lang::Fr);
    let elided =
        elides && key.strip_suffix('\'').is_some_and(|w| !w.is_empty() && w.chars().all(char::is_alphabetic));
    // "N'Djamena", "N'Guessan": the tokenizer keeps such a name whole, telling
    // it from the negation "n'" by the capital after the apostrophe, which the
    // upper-cased key no longer shows. (Lemma keys are lower-cased: never one.)
    let name_after_n = elides
        && key
            .strip_prefix("N'")
            .is_some_and(|rest| rest.chars().count() >= 2 && rest.chars().all(char::is_alphabetic));
    if elided || name_after_n {
        let word = match matcher {
            WordMatcher::Lemma(_) => vocab.word(matcher, &key.to_lowercase()),
            _ => vocab.word(&WordMatcher::Exact("".into()), &key.to_uppercase()),
        };
        out.push((word, gap_after));
        return;
    }
    // The tokenizer splits a hyphen only between capitalised parts, so a
    // lower-cased key keeps every hyphenated word whole.
    let whole;
    let text = if !split_names && has_inner_hyphen(key) {
        whole = key.to_lowercase();
        &whole
    } else {
        key
    };
    let parts: Vec<Token> = dyad_text::tokenize_lang(text, lang)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct || key.chars().count() == 1)
        .collect();
    let n = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        let last = i + 1 == n;
        let word = match matcher {
            WordMatcher::Lemma(_) => vocab.word(matcher, &part.text.to_lowercase()),
            WordMatcher::Stem(_) if last => vocab.word(matcher, &part.upper),
            _ => vocab.word(&WordMatcher::Exact("".into()), &part.upper),
        };
        out.push((word, if last { gap_after } else { false }));
    }
}

impl CompiledPhrase {
    /// Matches the phrase starting at token `start`; returns the end
    /// (exclusive). A word after a gap may stand up to `clause_final_gap`
    /// tokens away when it closes its clause (a German separable particle:
    /// "kündigte … in Busan an, …").
    pub(crate) fn match_at(
        &self,
        sent: &Keyed<'_>,
        start: usize,
        max_gap: usize,
        clause_final_gap: usize,
    ) -> Option<usize> {
        let (first, mut gap) = self.words.first()?;
        if !sent.matches(start, first) {
            return None;
        }
        let mut pos = start + 1;
        for (word, next_gap) in &self.words[1..] {
            // "Dol_Amroth" in the text: the underscore joins two words as the
            // dictionary's `DOL_AMROTH` does; so does the hyphen of "Guinea-Bissau".
            if is_joiner_at(sent.tokens, pos) {
                pos += 1;
            }
            let limit = if gap { clause_final_gap.max(max_gap) + 1 } else { 1 };
            let mut found = None;
            for k in (pos..sent.len()).take(limit) {
                if sent.matches(k, word) && (k - pos <= max_gap || closes_clause(sent.tokens, k + 1)) {
                    found = Some(k);
                    break;
                }
                if is_barrier(&sent.tokens[k]) {
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

/// An underscore between two words of the text joins them ("Dol_Amroth"),
/// and so does a hyphen that touches both ("Guinea-Bissau", which the
/// tokenizer splits because both parts are capitalised).
pub(crate) fn is_joiner_at(tokens: &[Token], at: usize) -> bool {
    let Some(token) = tokens.get(at) else { return false };
    token.kind == TokenKind::Punct
        && match &*token.text {
            "_" => true,
            "-" => is_inner_hyphen(tokens, at),
            _ => false,
        }
}

/// Whether the token at `at` is a hyphen with no space on either side, the
/// hyphen of a compound such as "Meloni-Macron" or "Guinea-Bissau".
pub(crate) fn is_inner_hyphen(tokens: &[Token], at: usize) -> bool {
    let touches =
        |a: Option<&Token>, b: Option<&Token>| matches!((a, b), (Some(a), Some(b)) if a.span.1 == b.span.0);
    let token = tokens.get(at);
    token.is_some_and(|t| t.kind == TokenKind::Punct && &*t.text == "-")
        && touches(at.checked_sub(1).and_then(|p| tokens.get(p)), token)
        && touches(token, tokens.get(at + 1))
}

/// Gaps never cross these: a phrase's words stand in one clause. Quotation
/// marks do not end one: news quotes the words of the object phrase itself
/// ('warned Afghanistan of "open war"', 'qualifié d'« inacceptables » les
/// propos').
pub(crate) fn is_barrier(token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(&*token.text, "." | ";" | ":" | "!" | "?")
}

/// Whether the token at `i` ends a clause: a comma or a barrier, or the sentence's end.
pub(crate) fn closes_clause(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_none_or(|t| is_barrier(t) || t.kind == TokenKind::Punct && &*t.text == ",")
}

/// An index of phrases by the ids of their first two words, each with a
/// payload `T`. Phrases whose second word may follow after a gap, or that
/// have one word, sit in the first word's `loose` list.
#[derive(Debug)]
pub(crate) struct PhraseIndex<T> {
    buckets: FxHashMap<u32, Bucket>,
    entries: Vec<(CompiledPhrase, T)>,
}

#[derive(Debug, Default)]
struct Bucket {
    by_second: FxHashMap<u32, Vec<u32>>,
    loose: Vec<u32>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { buckets: FxHashMap::default(), entries: Vec::new() }
    }
}

/// A phrase found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit<'a, T> {
    pub(crate) end: usize,
    pub(crate) payload: &'a T,
}

impl<T> PhraseIndex<T> {
    pub(crate) fn insert(&mut self, vocab: &mut Vocab, phrase: &Phrase, payload: T)
    where
        T: Clone,
    {
        for compiled in compile_phrase(vocab, phrase) {
            let id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
            let bucket = self.buckets.entry(compiled.words[0].0.id()).or_default();
            match compiled.words.get(1) {
                Some((second, _)) if !compiled.words[0].1 => {
                    bucket.by_second.entry(second.id()).or_default().push(id)
                }
                _ => bucket.loose.push(id),
            }
            self.entries.push((compiled, payload.clone()));
        }
    }

    /// Sorts every list longest phrase first (then in insertion order).
    pub(crate) fn finish(&mut self) {
        let entries = &self.entries;
        let order = |list: &mut Vec<u32>| {
            list.sort_by_key(|&id| (std::cmp::Reverse(entries[id as usize].0.len()), id))
        };
        for bucket in self.buckets.values_mut() {
            bucket.by_second.values_mut().for_each(order);
            order(&mut bucket.loose);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest phrase starting at `start` (ties: first inserted).
    pub(crate) fn longest_at<'a>(
        &'a self,
        sent: &Keyed<'_>,
        start: usize,
        max_gap: usize,
    ) -> Option<Hit<'a, T>> {
        self.longest_at_final(sent, start, max_gap, max_gap)
    }

    /// [`longest_at`](Self::longest_at) with a longer gap before a word that
    /// closes its clause ([`CompiledPhrase::match_at`]).
    pub(crate) fn longest_at_final<'a>(
        &'a self,
        sent: &Keyed<'_>,
        start: usize,
        max_gap: usize,
        clause_final_gap: usize,
    ) -> Option<Hit<'a, T>> {
        let keys = sent.keys.get(start)?;
        let second = start + 1 + usize::from(is_joiner_at(sent.tokens, start + 1));
        let next = sent.keys.get(second);
        let mut best: Option<Hit<'a, T>> = None;
        let mut try_list = |list: &[u32]| {
            for &id in list {
                let (phrase, payload) = &self.entries[id as usize];
                if let Some(end) = phrase.match_at(sent, start, max_gap, clause_final_gap) {
                    if best.as_ref().is_none_or(|b| end > b.end) {
                        best = Some(Hit { end, payload });
                    }
                }
            }
        };
        for key in keys.ids() {
            let Some(bucket) = self.buckets.get(&key) else { continue };
            if let Some(next) = next {
                for second in next.ids() {
                    if let Some(list) = bucket.by_second.get(&second) {
                        try_list(list);
                    }
                }
            }
            try_list(&bucket.loose);
        }
        best
    }
}
