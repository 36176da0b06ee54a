//! Text processing: raw article text in, sentences of tokens out.
//!
//! PLACEHOLDER implementation (whitespace tokens, naive sentence split) that
//! fixes the public API; it is being replaced by the real pipeline.

use std::fmt;

/// A language dyad codes natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Italian.
    It,
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 5] = [Lang::It, Lang::En, Lang::Es, Lang::Fr, Lang::De];

    /// The ISO 639-1 code (`"it"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// Parses an ISO 639-1 code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word (letters, possibly with inner hyphens, apostrophes or dots).
    Word,
    /// A number.
    Number,
    /// Punctuation.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token as it stands in the sentence.
    pub text: Box<str>,
    /// Upper-cased text, the key for TABARI/PETRARCH dictionaries.
    pub upper: Box<str>,
    /// Lower-cased lemma (the lower-cased text when the lemma is unknown).
    pub lemma: Box<str>,
    /// `[start, end)` Unicode character offsets into [`Sentence::text`].
    pub span: (usize, usize),
    /// The kind of token.
    pub kind: TokenKind,
}

/// One sentence with its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based index in the document.
    pub index: usize,
    /// The sentence text.
    pub text: String,
    /// `[start, end)` Unicode character offsets into [`Document::body`].
    pub span: (usize, usize),
    /// The tokens.
    pub tokens: Vec<Token>,
}

/// A processed article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The normalized body text that sentence spans point into.
    pub body: String,
    /// The language used to process it.
    pub lang: Lang,
    /// Whether `lang` was given or detected with confidence.
    pub lang_reliable: bool,
    /// Whether a headline repeated as the first line was removed.
    pub headline_removed: bool,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

/// Runs normalization, headline removal, language identification, sentence
/// splitting, tokenization and lemmatization.
#[derive(Debug, Default)]
pub struct TextPipeline {}

impl TextPipeline {
    /// Creates the pipeline (loads embedded lemma tables).
    pub fn new() -> Self {
        TextPipeline {}
    }

    /// Processes one article. `lang`: `None` means detect.
    pub fn process(&self, text: &str, title: Option<&str>, lang: Option<Lang>) -> Document {
        let _ = title;
        let body = text.to_string();
        let lang = lang.unwrap_or(Lang::En);
        let mut sentences = Vec::new();
        let mut start = 0usize;
        let chars: Vec<char> = body.chars().collect();
        for i in 0..chars.len() {
            if chars[i] == '.' && (i + 1 == chars.len() || chars[i + 1].is_whitespace()) {
                push_sentence(&chars, start, i + 1, &mut sentences);
                start = i + 1;
            }
        }
        push_sentence(&chars, start, chars.len(), &mut sentences);
        Document { body, lang, lang_reliable: true, headline_removed: false, sentences }
    }
}

fn push_sentence(chars: &[char], start: usize, end: usize, out: &mut Vec<Sentence>) {
    let mut s = start;
    while s < end && chars[s].is_whitespace() {
        s += 1;
    }
    if s >= end {
        return;
    }
    let text: String = chars[s..end].iter().collect();
    let tokens = tokenize(&text);
    out.push(Sentence { index: out.len(), text, span: (s, end), tokens });
}

/// Splits a sentence into tokens (placeholder).
pub fn tokenize(sentence: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let mut cur_start = 0;
    for (i, c) in sentence.chars().enumerate() {
        let punct = matches!(c, ',' | '.' | ';' | ':' | '"' | '(' | ')' | '!' | '?');
        if c.is_whitespace() || punct {
            if !cur.is_empty() {
                tokens.push(make(&cur, cur_start, i, TokenKind::Word));
                cur.clear();
            }
            if punct {
                tokens.push(make(&c.to_string(), i, i + 1, TokenKind::Punct));
            }
        } else {
            if cur.is_empty() {
                cur_start = i;
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        let n = sentence.chars().count();
        tokens.push(make(&cur, cur_start, n, TokenKind::Word));
    }
    tokens
}

fn make(text: &str, s: usize, e: usize, kind: TokenKind) -> Token {
    Token {
        text: text.into(),
        upper: text.to_uppercase().into(),
        lemma: text.to_lowercase().into(),
        span: (s, e),
        kind,
    }
}
