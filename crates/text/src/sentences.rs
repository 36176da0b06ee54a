//! Sentence splitting with per-language abbreviation handling.

use crate::abbrev::{classify, is_german_month, is_starter, Abbrev};
use crate::Lang;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | '\u{3002}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '\u{00BB}' | '\u{201D}' | '\u{2019}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '{' | '\u{00AB}' | '\u{201C}' | '\u{2018}' | '\u{00BF}' | '\u{00A1}')
}

/// Splits normalized text into sentences; returns `[start, end)` **byte**
/// ranges into `text`, trimmed of surrounding whitespace, in order, never empty.
///
/// A sentence ends at `.`, `!`, `?` or `...` (with any closing quotes or
/// brackets that follow) when the next word does not start in lower case,
/// except after titles and initials (`Mr.`, `W.`, `dott.`, `Sra.`, `Hr.`);
/// abbreviations such as `U.S.` or `Inc.` end a sentence only before a
/// capitalized sentence-starter word ("The", "Il", "Der", …). A blank line
/// always ends a sentence; a single line break ends one when the line has no
/// final punctuation (a headline), unless it visibly continues (ends with `,`,
/// `;`, `:`, `-` or a lower-case word followed by a lower-case line).
///
/// ```
/// use dyad_text::{split_sentences, Lang};
/// let t = "Mr. Smith met George W. Bush in the U.S. Army base. They talked.";
/// let s: Vec<&str> = split_sentences(t, Lang::En).into_iter().map(|(a, b)| &t[a..b]).collect();
/// assert_eq!(s, ["Mr. Smith met George W. Bush in the U.S. Army base.", "They talked."]);
/// ```
pub fn split_sentences(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut line_start = 0usize;
    let mut i = 0usize;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        // Fast skip to the next byte that can start a newline or terminal
        // punctuation ('\n', '.', '!', '?', or the lead byte of '…' / '。').
        match bytes[i..].iter().position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xE2 | 0xE3)) {
            Some(p) => i += p,
            None => break,
        }
        let Some(c) = text[i..].chars().next() else { break };
        if c == '\n' {
            let after = skip_spaces(text, i + 1);
            if bytes.get(after) == Some(&b'\n') {
                push(text, start, i, &mut out);
                start = after;
            } else if line_breaks_sentence(text, line_start, i, after) {
                push(text, start, i, &mut out);
                start = i + 1;
            }
            i += 1;
            line_start = i;
            continue;
        }
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // A run of terminal punctuation, then closing quotes/brackets.
        let run_start = i;
        let mut k = i;
        let mut dots = 0;
        let mut only_dots = true;
        while let Some(d) = text[k..].chars().next().filter(|&d| is_terminal(d)) {
            if d == '.' {
                dots += 1;
            } else {
                only_dots = false;
            }
            k += d.len_utf8();
        }
        let run_end = k;
        while let Some(d) = text[k..].chars().next().filter(|&d| is_closer(d)) {
            k += d.len_utf8();
        }
        // A detached closing quote: "concern. \" Then" (a quote followed by a
        // space cannot open the next sentence).
        let rest = &text[k..];
        for q in [" \"", " '"] {
            if rest.starts_with(q) && rest[q.len()..].chars().next().is_none_or(char::is_whitespace) {
                k += q.len();
                break;
            }
        }
        i = k;
        match text[k..].chars().next() {
            None => break,
            Some(d) if !d.is_whitespace() => continue,
            _ => {}
        }
        let next = next_word(text, k);
        let next_first = next.and_then(|w| w.chars().next());
        let lower_next = next_first.is_some_and(char::is_lowercase);
        let mut boundary = !lower_next;
        if boundary && only_dots && dots == 1 && run_end == k {
            let word = word_before(text, run_start);
            // "schrieb sie auf X. Selenskyj dankte …", "wrote on X. The": the
            // platform after a lower-case word is no initial ("Malcolm X.",
            // "George W. Bush" follow a name).
            let platform = word == "X"
                && run_start
                    .checked_sub(word.len())
                    .map(|end| word_before(text, text[..end].trim_end().len()))
                    .is_some_and(|prev| prev.chars().next().is_some_and(char::is_lowercase));
            boundary = match if platform { Abbrev::None } else { classify(word, lang) } {
                Abbrev::NonFinal => false,
                Abbrev::MaybeFinal => {
                    let nw = next.unwrap_or("");
                    nw.starts_with(is_opener) || is_starter(nw, lang)
                }
                Abbrev::None => {
                    // German ordinals: "am 3. Oktober", "ein 19. Sanktionspaket",
                    // "zum 80. Jahrestag"; a word that starts sentences ("Die")
                    // after a number still starts one.
                    !(lang == Lang::De
                        && !word.is_empty()
                        && word.len() <= 3
                        && word.bytes().all(|b| b.is_ascii_digit())
                        && next.is_some_and(|w| is_german_month(w) || !is_starter(w, lang)))
                }
            };
        }
        if boundary {
            push(text, start, k, &mut out);
            start = k;
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r')) {
        i += 1;
    }
    i
}

/// Whether a single line break at `nl` (line `line_start..nl`, next line
/// starting at `after`) ends the sentence.
fn line_breaks_sentence(text: &str, line_start: usize, nl: usize, after: usize) -> bool {
    let line = text[line_start..nl].trim_end();
    let Some(last) = line.chars().next_back() else { return false };
    if is_terminal(last) || is_closer(last) && line.trim_end_matches(is_closer).ends_with(is_terminal) {
        // The punctuation rule already decided; a period that did not end the
        // sentence (an abbreviation) does not end it at the line break either.
        return false;
    }
    if matches!(last, ',' | ';' | ':' | '-' | '(' | '&') {
        return false;
    }
    let next_first = text[after..].chars().next();
    if last.is_lowercase() && next_first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return false; // a hard-wrapped line
    }
    true
}

/// The next whitespace-delimited word after byte `i`, with leading openers kept.
fn next_word(text: &str, i: usize) -> Option<&str> {
    let rest = text[i..].trim_start();
    if rest.is_empty() {
        return None;
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let w = &rest[..end];
    let core = w.trim_start_matches(is_opener);
    Some(if core.is_empty() { w } else { core })
}

/// The word that ends at byte `end` (the period's position), without leading
/// openers.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start =
        head.rfind(char::is_whitespace).map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
    head[start..].trim_start_matches(|c: char| is_opener(c) || c == '-')
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let trimmed = s.trim_start();
    let a = start + (s.len() - trimmed.len());
    let b = a + trimmed.trim_end().len();
    if b <= a {
        return;
    }
    // A stray closing quote or "..." left after a sentence end joins the
    // sentence before it on the same line.
    if !text[a..b].chars().any(char::is_alphanumeric) {
        if let Some(last) = out.last_mut() {
            if !text[last.1..a].contains('\n') {
                last.1 = b;
                return;
            }
        }
    }
    out.push((a, b));
}
