//! Shared reading helpers: decoding, comment stripping, phrases, codes,
//! English inflection.

use std::borrow::Cow;
use std::sync::Arc;

use crate::model::{CodeSpec, LoadWarning, Phrase, PhraseWord, WordMatcher};

/// Decodes a dictionary file: UTF-8, with every invalid byte read as
/// Latin-1 (one warning for the whole file, naming the first offset).
pub(crate) fn decode(bytes: &[u8], file: &Arc<str>) -> (String, Option<LoadWarning>) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), None);
    }
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut first_bad: Option<usize> = None;
    let mut offset = 0usize;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        offset += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() && first_bad.is_none() {
            first_bad = Some(offset);
        }
        out.extend(invalid.iter().map(|&b| char::from(b)));
        offset += invalid.len();
    }
    let line = first_bad.map(|o| bytes.iter().take(o).filter(|&&b| b == b'\n').count() + 1).unwrap_or(1);
    let warning = LoadWarning {
        file: file.clone(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
        message: format!(
            "file is not valid UTF-8 (first invalid byte at offset {}); invalid bytes were read as Latin-1",
            first_bad.unwrap_or(0)
        ),
    };
    (out, Some(warning))
}

/// One line of a dictionary, comments removed.
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// The content with comments removed, trimmed on both sides.
    pub text: Cow<'a, str>,
    /// The line as written.
    pub raw: &'a str,
}

/// Iterates over the lines of a dictionary, removing `<!-- -->` comment
/// blocks (which may span lines), and `#` / `;` comments outside `[...]`.
pub(crate) struct Lines<'a> {
    rest: std::str::Lines<'a>,
    no: u32,
    in_xml_comment: bool,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines { rest: text.lines(), no: 0, in_xml_comment: false }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let raw = self.rest.next()?;
        self.no = self.no.saturating_add(1);
        let without_xml: Cow<'a, str> = if !self.in_xml_comment && !raw.contains('<') {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(strip_xml_comments(raw, &mut self.in_xml_comment))
        };
        let text = match without_xml {
            Cow::Borrowed(s) => Cow::Borrowed(strip_line_comment(s).trim()),
            Cow::Owned(s) => Cow::Owned(strip_line_comment(&s).trim().to_owned()),
        };
        Some(Line { no: self.no, text, raw })
    }
}

/// Finds the start of an XML-ish comment opener: `<!--` or `<! --`.
/// Returns (start, end of the opener).
fn find_xml_open(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(pos) = s.get(from..).and_then(|t| t.find("<!")) {
        let start = from + pos;
        let after = s.get(start + 2..).unwrap_or("");
        let trimmed = after.trim_start_matches(' ');
        if trimmed.starts_with("--") {
            let end = s.len() - trimmed.len() + 2;
            return Some((start, end));
        }
        from = start + 2;
    }
    None
}

fn strip_xml_comments(raw: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = raw;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(p) => {
                    rest = rest.get(p + 3..).unwrap_or("");
                    *in_comment = false;
                }
                None => return out,
            }
        } else {
            match find_xml_open(rest) {
                Some((start, end)) => {
                    out.push_str(rest.get(..start).unwrap_or(""));
                    out.push(' ');
                    rest = rest.get(end..).unwrap_or("");
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

/// Cuts a `#` or `;` comment that starts outside square brackets.
fn strip_line_comment(s: &str) -> &str {
    let mut depth = 0u32;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'#' | b';' if depth == 0 => return s.get(..i).unwrap_or(""),
            _ => {}
        }
    }
    s
}

/// Whether a dictionary writes its comments TABARI's way, after `;`: some
/// line's first comment mark outside brackets is a `;` (PETRARCH and Phoenix
/// files comment with `#`, and have a `;` only inside such a comment).
pub(crate) fn semicolon_comments(text: &str) -> bool {
    text.lines().any(|l| {
        let kept = strip_line_comment(l);
        l.as_bytes().get(kept.len()) == Some(&b';')
    })
}

/// Reads a code as written inside brackets.
pub(crate) fn parse_code(raw: &str) -> CodeSpec {
    let code = raw.trim();
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if compact == "---" {
        return CodeSpec::Null;
    }
    if let Some((a, b)) = compact.split_once(':') {
        if !a.is_empty() && !b.is_empty() {
            return CodeSpec::Paired(a.into(), b.into());
        }
    }
    CodeSpec::Single(compact.into())
}

/// Splits `text [code] rest` into the text before the first `[`, the code
/// inside it, and what follows the `]`. `None` when there is no bracket.
pub(crate) fn split_code(text: &str) -> Option<(&str, &str, &str)> {
    let open = text.find('[')?;
    let close_rel = text.get(open..)?.find(']')?;
    let close = open + close_rel;
    Some((text.get(..open)?, text.get(open + 1..close)?, text.get(close + 1..)?))
}

/// Cleans one dictionary word: upper-cases it and drops TABARI's `~` and
/// `=` suffix marks.
pub(crate) fn clean_word(w: &str) -> String {
    w.trim_end_matches(['~', '=']).to_uppercase()
}

/// Parses a name phrase: `_` joins words that must be adjacent, a space
/// allows a gap; a word followed by `_` is exact (by `~_`, still a stem), as
/// is a word marked `=`; a bare word is a stem. When `all_exact` is set every word is exact. `None` when empty.
pub(crate) fn parse_phrase(text: &str, all_exact: bool) -> Option<Phrase> {
    let mut words: Vec<PhraseWord> = Vec::new();
    for chunk in text.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').collect();
        let n = parts.len();
        for (i, part) in parts.iter().enumerate() {
            let w = clean_word(part);
            if w.is_empty() {
                continue;
            }
            // Followed by `_`: any part except the last one of the chunk.
            // `~_` joins without making the word exact ("REAL~_PLEASANT").
            let followed = i + 1 < n && !part.ends_with('~');
            // Joined to the next word: a later non-empty part in this chunk.
            let joined = parts.iter().skip(i + 1).any(|p| !clean_word(p).is_empty());
            // `MOUSE=`: that word and no other ("Mouses" is not it).
            let matcher = if followed || all_exact || part.ends_with('=') {
                WordMatcher::Exact(w.into())
            } else {
                WordMatcher::Stem(w.into())
            };
            words.push(PhraseWord { matcher, gap_after: !joined });
        }
    }
    if let Some(last) = words.last_mut() {
        last.gap_after = false;
    }
    (!words.is_empty()).then_some(Phrase { words })
}

/// Every bracketed group of a line: `[A] [B C]` gives `["A", "B C"]`, plus
/// the text outside brackets (trimmed), or an error for an unclosed `[`.
pub(crate) fn bracket_groups(text: &str) -> Result<(String, Vec<&str>), String> {
    let mut outside = String::new();
    let mut groups = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        outside.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(']') else {
            return Err(format!("unclosed '[' in {text:?}"));
        };
        groups.push(after.get(..close).unwrap_or(""));
        rest = after.get(close + 1..).unwrap_or("");
    }
    outside.push_str(rest);
    Ok((outside.trim().to_owned(), groups))
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Number of vowel groups, reading `QU` as a consonant.
fn vowel_groups(w: &[u8]) -> usize {
    let mut groups = 0;
    let mut prev_vowel = false;
    for (i, &c) in w.iter().enumerate() {
        let v = is_vowel(c) && !(c == b'U' && i > 0 && w.get(i - 1) == Some(&b'Q'));
        if v && !prev_vowel {
            groups += 1;
        }
        prev_vowel = v;
    }
    groups
}

/// Endings of multi-syllable verbs stressed on the last syllable, which
/// double their final consonant (`COMMITTED`, `PREFERRED`, `EXPELLED`).
const STRESSED_ENDINGS: &[&str] = &[
    "MIT", "CONFER", "DEFER", "INFER", "PREFER", "REFER", "TRANSFER", "PEL", "CUR", "TROL", "GRET", "BID",
    "FORGET", "UPSET", "ABET", "EMBED", "DEBAR", "EQUIP", "OCCUR", "REBEL", "COMPEL", "PATROL",
];

/// How the final consonant behaves before `-ED`/`-ING`.
enum Doubling {
    No,
    Yes,
    /// Both spellings are in use (`TRAVELED`, `TRAVELLED`).
    Both,
}

fn doubling(w: &str) -> Doubling {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 || !w.bytes().all(|c| c.is_ascii_uppercase()) {
        return Doubling::No;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let cvc = !is_vowel(c1) && is_vowel(v) && !is_vowel(c2) && !matches!(c2, b'W' | b'X' | b'Y');
    let qu = n >= 3 && c1 == b'U' && n >= 4 && b[n - 4] == b'Q' && is_vowel(v);
    if !(cvc || qu) {
        return Doubling::No;
    }
    let groups = vowel_groups(b);
    if groups <= 1 {
        return Doubling::Yes;
    }
    if STRESSED_ENDINGS.iter().any(|e| w.ends_with(e)) {
        return Doubling::Yes;
    }
    if c2 == b'L' {
        return Doubling::Both;
    }
    Doubling::No
}

/// Regular English inflections of a verb (third person, past, gerund),
/// upper-case. Consonant doubling is applied to one-syllable words ending
/// consonant-vowel-consonant and to a short list of stressed endings; a
/// final `-L` after one vowel gives both spellings.
pub(crate) fn inflect(verb: &str) -> Vec<String> {
    let w = verb;
    let mut out = Vec::with_capacity(4);
    if w.is_empty() || !w.bytes().all(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    let b = w.as_bytes();
    let n = b.len();
    let last = b[n - 1];
    let before_last = if n >= 2 { b[n - 2] } else { b' ' };
    let stem_no_last = w.get(..n - 1).unwrap_or("");
    // Third person.
    if last == b'Y' && !is_vowel(before_last) {
        out.push(format!("{stem_no_last}IES"));
    } else if matches!(last, b'S' | b'X' | b'Z' | b'O') || w.ends_with("CH") || w.ends_with("SH") {
        out.push(format!("{w}ES"));
    } else {
        out.push(format!("{w}S"));
    }
    // Past and gerund.
    if last == b'E' {
        out.push(format!("{w}D"));
        if w.ends_with("IE") {
            out.push(format!("{}YING", w.get(..n - 2).unwrap_or("")));
        } else if w.ends_with("EE") || w.ends_with("YE") || w.ends_with("OE") || n <= 2 {
            out.push(format!("{w}ING"));
        } else {
            out.push(format!("{stem_no_last}ING"));
        }
    } else if last == b'Y' && !is_vowel(before_last) {
        out.push(format!("{stem_no_last}IED"));
        out.push(format!("{w}ING"));
    } else {
        let doubled = format!("{w}{}", char::from(last));
        match doubling(w) {
            Doubling::Yes => {
                out.push(format!("{doubled}ED"));
                out.push(format!("{doubled}ING"));
            }
            Doubling::Both => {
                out.push(format!("{w}ED"));
                out.push(format!("{w}ING"));
                out.push(format!("{doubled}ED"));
                out.push(format!("{doubled}ING"));
            }
            Doubling::No => {
                out.push(format!("{w}ED"));
                out.push(format!("{w}ING"));
            }
        }
    }
    out
}

/// The regular English plural of a noun, upper-case.
pub(crate) fn plural(noun: &str) -> String {
    let b = noun.as_bytes();
    let n = b.len();
    match b.last() {
        Some(b'Y') if n >= 2 && !is_vowel(b[n - 2]) => {
            format!("{}IES", noun.get(..n - 1).unwrap_or(""))
        }
        Some(b'S' | b'X' | b'Z') => format!("{noun}ES"),
        _ if noun.ends_with("CH") || noun.ends_with("SH") => format!("{noun}ES"),
        _ => format!("{noun}S"),
    }
}

/// A phrase with the word at `index` replaced by `word` (exact match).
pub(crate) fn replace_word(phrase: &Phrase, index: usize, word: &str) -> Phrase {
    let mut p = phrase.clone();
    if let Some(pw) = p.words.get_mut(index) {
        pw.matcher = WordMatcher::Exact(word.into());
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inf(w: &str) -> Vec<String> {
        inflect(w)
    }

    #[test]
    fn inflections() {
        assert_eq!(inf("RESTORE"), ["RESTORES", "RESTORED", "RESTORING"]);
        assert_eq!(inf("HURRY"), ["HURRIES", "HURRIED", "HURRYING"]);
        assert_eq!(inf("STOP"), ["STOPS", "STOPPED", "STOPPING"]);
        assert_eq!(inf("VISIT"), ["VISITS", "VISITED", "VISITING"]);
        assert_eq!(inf("ADMIT"), ["ADMITS", "ADMITTED", "ADMITTING"]);
        assert_eq!(inf("PUSH"), ["PUSHES", "PUSHED", "PUSHING"]);
        assert_eq!(inf("DIE"), ["DIES", "DIED", "DYING"]);
        assert_eq!(inf("AGREE"), ["AGREES", "AGREED", "AGREEING"]);
        assert_eq!(inf("PLAY"), ["PLAYS", "PLAYED", "PLAYING"]);
        assert_eq!(inf("MEET"), ["MEETS", "MEETED", "MEETING"]);
        assert_eq!(inf("QUIT"), ["QUITS", "QUITTED", "QUITTING"]);
        assert!(inf("TRAVEL").contains(&"TRAVELLED".to_owned()));
        assert!(inf("TRAVEL").contains(&"TRAVELED".to_owned()));
        assert!(inf("A'B").is_empty());
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("PARTY"), "PARTIES");
        assert_eq!(plural("CONGRESS"), "CONGRESSES");
        assert_eq!(plural("DAY"), "DAYS");
        assert_eq!(plural("CHURCH"), "CHURCHES");
        assert_eq!(plural("FARMER"), "FARMERS");
    }

    #[test]
    fn comments() {
        let text = "A [###] ; c\n<!-- x\n y --> B # z\n<! -- q --> C\nD <!-- e --> F";
        let got: Vec<String> = Lines::new(text).map(|l| l.text.into_owned()).collect();
        assert_eq!(got, ["A [###]", "", "B", "C", "D   F"]);
    }

    #[test]
    fn codes() {
        assert_eq!(parse_code("---"), CodeSpec::Null);
        assert_eq!(parse_code(" - - - "), CodeSpec::Null);
        assert_eq!(parse_code("064"), CodeSpec::Single("064".into()));
        assert_eq!(parse_code("032:033"), CodeSpec::Paired("032".into(), "033".into()));
        assert_eq!(parse_code(":110"), CodeSpec::Single(":110".into()));
    }

    #[test]
    fn phrases() {
        let p = parse_phrase("AL_GORE_ JR", false).unwrap_or_default();
        assert_eq!(p.words.len(), 3);
        assert_eq!(p.words[0].matcher, WordMatcher::Exact("AL".into()));
        assert!(!p.words[0].gap_after);
        assert_eq!(p.words[1].matcher, WordMatcher::Exact("GORE".into()));
        assert!(p.words[1].gap_after);
        assert_eq!(p.words[2].matcher, WordMatcher::Stem("JR".into()));
        assert!(parse_phrase(" _ ", false).is_none());
    }

    #[test]
    fn latin1() {
        let file: Arc<str> = "f".into();
        let (s, w) = decode(b"ok\nCAF\xc9 x", &file);
        assert_eq!(s, "ok\nCAF\u{c9} x");
        assert_eq!(w.map(|w| w.line), Some(2));
    }
}
