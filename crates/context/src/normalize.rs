//! Character folding shared by the date finder and the gazetteer.

use unicode_normalization::UnicodeNormalization;

/// Folds one character: lower case, diacritics removed, typographic apostrophes made
/// plain. Always exactly one character, so folded text keeps the original char offsets.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() && c != '`' {
        return c.to_ascii_lowercase();
    }
    match c {
        '’' | '‘' | '`' | '´' | 'ʼ' => return '\'',
        'ß' | 'ẞ' => return 'ß',
        'Ø' | 'ø' => return 'o',
        'Æ' | 'æ' => return 'æ',
        'Œ' | 'œ' => return 'œ',
        'Đ' | 'đ' => return 'd',
        'Ł' | 'ł' => return 'l',
        'ı' => return 'i',
        _ => {}
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii() {
        return lower;
    }
    lower.nfd().find(|d| !unicode_normalization::char::is_combining_mark(*d)).unwrap_or(lower)
}

/// Folds a whole string (see [`fold_char`]), char for char, so that char offsets into the
/// result are char offsets into `s`.
pub(crate) fn fold(s: &str) -> String {
    // Most copy is ASCII, where folding is lower-casing.
    if s.is_ascii() && !s.contains('`') {
        return s.to_ascii_lowercase();
    }
    s.chars().map(fold_char).collect()
}

/// A word of the text: alphanumeric run, with char offsets into the original text.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    /// Folded text of the word, borrowed from the folded text.
    pub text: &'a str,
    /// First char offset.
    pub start: usize,
    /// One past the last char offset.
    pub end: usize,
    /// Whether the original word starts with an upper-case letter.
    pub capital: bool,
    /// The first non-space character after the word, if any.
    pub next: Option<char>,
}

/// Splits text into alphanumeric words (apostrophes, hyphens and punctuation separate words).
/// `folded` is [`fold`]`(original)`; the words borrow from it.
pub(crate) fn tokenize<'a>(folded: &'a str, original: &str) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::new();
    // the word being read: (byte start in `folded`, char start, capital)
    let mut word: Option<(usize, usize, bool)> = None;
    let mut chars = 0;
    let close = |out: &mut Vec<Token<'a>>, word: (usize, usize, bool), end_byte: usize, end: usize| {
        let (b, start, capital) = word;
        let next = folded.get(end_byte..).and_then(|rest| rest.chars().find(|c| !c.is_whitespace()));
        out.push(Token { text: folded.get(b..end_byte).unwrap_or_default(), start, end, capital, next });
    };
    let mut originals = original.chars();
    for (bi, c) in folded.char_indices() {
        let o = originals.next().unwrap_or(c);
        if c.is_alphanumeric() {
            if word.is_none() {
                word = Some((bi, chars, o.is_uppercase()));
            }
        } else if let Some(w) = word.take() {
            close(&mut out, w, bi, chars);
        }
        chars += 1;
    }
    if let Some(w) = word.take() {
        close(&mut out, w, folded.len(), chars);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_one_char_per_char() {
        for s in ["Mercredi àéîõü ÇĞİŞ Straße", "Łódź Ærø İstanbul", "日本語 👍🏽"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold("Lunedì Miércoles MÄRZ"), "lunedi miercoles marz");
    }

    #[test]
    fn tokens_have_char_offsets() {
        let text = "l'année 13. März";
        let folded = fold(text);
        let t = tokenize(&folded, text);
        let words: Vec<_> = t.iter().map(|t| (t.text, t.start, t.end)).collect();
        assert_eq!(words, vec![("l", 0, 1), ("annee", 2, 7), ("13", 8, 10), ("marz", 12, 16)]);
        assert_eq!(t[2].next, Some('.'));
        assert!(t[3].capital && !t[1].capital);
        assert_eq!(t[3].next, None);
        let ascii = "Talks on Monday: 3 p.m.";
        assert_eq!(fold(ascii), "talks on monday: 3 p.m.");
        let folded = fold(ascii);
        let words: Vec<_> = tokenize(&folded, ascii).iter().map(|t| (t.text, t.next)).collect();
        assert_eq!(words[2], ("monday", Some(':')));
    }
}
