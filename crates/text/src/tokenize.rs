//! Tokenization: words, numbers and punctuation with character-offset spans.

use crate::abbrev::{classify, Abbrev};
use crate::lemma::{lowercase, uppercase, Lemmatizer};
use crate::{Lang, Token, TokenKind};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// A scanning cursor that keeps byte and char positions together.
struct Cursor<'a> {
    s: &'a str,
    b: usize,
    c: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.b..].chars().next()
    }
    fn peek2(&self) -> Option<char> {
        let mut it = self.s[self.b..].chars();
        it.next();
        it.next()
    }
    fn bump(&mut self) {
        if let Some(ch) = self.peek() {
            self.b += ch.len_utf8();
            self.c += 1;
        }
    }
}

/// Italian/French elided prefixes longer than one letter are recognised by
/// shape (letters then apostrophe); these words keep their apostrophe inside.
const ELISION_EXCEPTIONS: &[&str] = &["aujourd'hui", "prud'homme", "prud'hommes", "presqu'île", "entr'acte"];

/// Splits `sentence` into tokens with `lang`'s rules and lemmas.
///
/// Spans are `[start, end)` character offsets into `sentence`.
///
/// ```
/// use dyad_text::{tokenize_lang, Lang};
/// let t: Vec<String> = tokenize_lang("Egypt's U.S. envoy met dell'Onu", Lang::En)
///     .into_iter().map(|t| t.text.into()).collect();
/// assert_eq!(t, ["Egypt", "'s", "U.S.", "envoy", "met", "dell'Onu"]);
/// ```
pub fn tokenize_lang(sentence: &str, lang: Lang) -> Vec<Token> {
    let lem = Lemmatizer::get(lang);
    let mut out = Vec::with_capacity(sentence.len() / 5 + 1);
    let mut cur = Cursor { s: sentence, b: 0, c: 0 };
    let mut lower = String::new();
    while let Some(ch) = cur.peek() {
        if ch.is_whitespace() {
            cur.bump();
            continue;
        }
        let (b0, c0) = (cur.b, cur.c);
        if is_word_char(ch) {
            cur.bump();
            let mut apostrophe = false;
            // Whether the part of the word since its start or last hyphen is capitalised.
            // German capitalises every noun of a compound ("US-Raketen",
            // "Huthi-Rebellen"), so its hyphens never part two names.
            let parts_names = lang != Lang::De;
            let mut part_capitalised = parts_names && ch.is_uppercase();
            while let Some(d) = cur.peek() {
                if is_word_char(d) {
                    cur.bump();
                    continue;
                }
                let prev = sentence[..cur.b].chars().next_back();
                let join = match (d, cur.peek2()) {
                    // "Meloni-Macron", "US-China": two names, so the hyphen
                    // stands alone between them (see `names_after_hyphen`).
                    ('-', Some(_)) if part_capitalised && names_after_hyphen(&sentence[cur.b + 1..]) => false,
                    ('-', Some(n)) if is_word_char(n) => {
                        part_capitalised = parts_names && n.is_uppercase();
                        true
                    }
                    ('.' | '&' | '/', Some(n)) if is_word_char(n) => {
                        // "/" only inside numbers (dates, fractions).
                        d != '/' || (n.is_ascii_digit() && prev.is_some_and(|p| p.is_ascii_digit()))
                    }
                    ('\'', Some(n)) if n.is_alphabetic() => {
                        apostrophe = true;
                        true
                    }
                    (',', Some(n)) if n.is_ascii_digit() => prev.is_some_and(|p| p.is_ascii_digit()),
                    _ => false,
                };
                if !join {
                    break;
                }
                cur.bump();
                cur.bump();
            }
            // Keep the period of abbreviations and initials.
            if cur.peek() == Some('.')
                && cur.peek2() != Some('.')
                && classify(&sentence[b0..cur.b], lang) != Abbrev::None
            {
                cur.bump();
            }
            let text = &sentence[b0..cur.b];
            if apostrophe {
                split_clitics(text, c0, lang, lem, &mut lower, &mut out);
            } else {
                emit(text, c0, cur.c, lem, &mut lower, &mut out);
            }
            continue;
        }
        // Punctuation: one char per token, except runs of periods ("...").
        cur.bump();
        if ch == '.' {
            while cur.peek() == Some('.') {
                cur.bump();
            }
        }
        let text = &sentence[b0..cur.b];
        out.push(Token {
            text: text.into(),
            upper: text.into(),
            lemma: text.into(),
            span: (c0, cur.c),
            kind: TokenKind::Punct,
        });
    }
    out
}

/// Whether the word part after a hyphen (`rest` starts right after it) is a
/// name of two letters or more: then a capitalised word before the hyphen
/// and this one are two names joined ("Meloni-Macron", "US-China talks",
/// "Guinea-Bissau"), and the tokenizer gives the hyphen a token of its own
/// (not in German, whose compounds capitalise every part).
/// Dictionary names go through the same split, and phrase matching passes
/// over a hyphen that touches both its neighbours, so "Guinea-Bissau" still
/// matches as one name. Single capitals ("IRIS-T") and lower-case parts
/// ("Kremlin-backed", "pro-Russian") stay in one word.
fn names_after_hyphen(rest: &str) -> bool {
    let mut part = rest.chars().take_while(|&c| is_word_char(c));
    part.next().is_some_and(char::is_uppercase) && part.next().is_some_and(char::is_alphabetic)
}

/// Splits English clitics (`'s`, `n't`, `'re`, …) and Italian/French elisions
/// (`l'`, `dell'`, `d'`, `qu'`) off a word that contains apostrophes.
fn split_clitics(
    text: &str,
    c0: usize,
    lang: Lang,
    lem: &Lemmatizer,
    lower: &mut String,
    out: &mut Vec<Token>,
) {
    let n = text.chars().count();
    match lang {
        Lang::En => {
            let low = lowercase(text);
            for suffix in ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"] {
                if low.ends_with(suffix) && low.len() > suffix.len() {
                    let cut = text.len() - suffix.len();
                    if text.is_char_boundary(cut) {
                        let k = suffix.chars().count();
                        emit(&text[..cut], c0, c0 + n - k, lem, lower, out);
                        emit(&text[cut..], c0 + n - k, c0 + n, lem, lower, out);
                        return;
                    }
                }
            }
        }
        Lang::It | Lang::Fr => {
            let low = lowercase(text);
            if !ELISION_EXCEPTIONS.contains(&low.as_str()) && !is_west_african_name(text) {
                // Split after every elided prefix: "dell'Onu", "qu'il", "j'ai", "c'est".
                let mut start_b = 0;
                let mut start_c = c0;
                let mut chars_seen = 0;
                for (b, ch) in text.char_indices() {
                    chars_seen += 1;
                    if ch == '\'' && chars_seen - (start_c - c0) <= 8 {
                        let end_b = b + 1;
                        let end_c = c0 + chars_seen;
                        if end_b < text.len() {
                            emit(&text[start_b..end_b], start_c, end_c, lem, lower, out);
                            start_b = end_b;
                            start_c = end_c;
                        }
                    }
                }
                emit(&text[start_b..], start_c, c0 + n, lem, lower, out);
                return;
            }
        }
        _ => {}
    }
    emit(text, c0, c0 + n, lem, lower, out);
}

/// "N'Djamena", "N'Guessan", "N'Golo": a capital N, an apostrophe and a
/// capitalised word is a name, not the negation "n'" (which an all-caps
/// title writes "N'A", and which never precedes a capital otherwise).
fn is_west_african_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('N')
        && chars.next() == Some('\'')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

fn emit(text: &str, s: usize, e: usize, lem: &Lemmatizer, lower: &mut String, out: &mut Vec<Token>) {
    let first = text.chars().next();
    let kind = if first.is_some_and(|c| c.is_ascii_digit() || c.is_numeric())
        && text.chars().all(|c| c.is_numeric() || matches!(c, '.' | ',' | '-' | '/'))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    lower.clear();
    if text.is_ascii() {
        lower.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        lower.extend(text.chars().flat_map(char::to_lowercase));
    }
    let lemma: Box<str> = match kind {
        TokenKind::Word => lem.lookup(lower).unwrap_or(lower.as_str()).into(),
        _ => lower.as_str().into(),
    };
    out.push(Token { text: text.into(), upper: uppercase(text).into(), lemma, span: (s, e), kind });
}
