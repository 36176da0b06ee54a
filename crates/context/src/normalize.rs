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

/// Folds a whole string (see [`fold_char`]), char for char.
#[cfg(test)]
pub(crate) fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A word of the text: alphanumeric run, with char offsets into the original text.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// Folded text of the word.
    pub text: String,
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
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c.is_alphanumeric() {
            let start = i;
            let mut s = String::new();
            while let Some(&ch) = chars.get(i) {
                if !ch.is_alphanumeric() {
                    break;
                }
                s.push(fold_char(ch));
                i += 1;
            }
            let next = chars.get(i..).and_then(|rest| rest.iter().copied().find(|ch| !ch.is_whitespace()));
            out.push(Token { text: s, start, end: i, capital: c.is_uppercase(), next });
        } else {
            i += 1;
        }
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
        let t = tokenize("l'année 13. März");
        let words: Vec<_> = t.iter().map(|t| (t.text.as_str(), t.start, t.end)).collect();
        assert_eq!(words, vec![("l", 0, 1), ("annee", 2, 7), ("13", 8, 10), ("marz", 12, 16)]);
        assert_eq!(t[2].next, Some('.'));
        assert!(t[3].capital);
    }
}
