//! Text normalization: HTML residue, Unicode NFC, typographic punctuation,
//! spaces and control characters.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalizes raw article text.
///
/// * strips HTML tags (`<p>`, `</div>`, `<br/>`; block tags become line breaks)
///   and decodes entities (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`, …);
/// * Unicode NFC;
/// * typographic quotes and apostrophes to ASCII (`’` → `'`, `“ ” „ « »` → `"`),
///   dashes to `-`, `…` to `...`;
/// * non-breaking and other odd spaces and tabs to a space, zero-width
///   characters and soft hyphens removed, other control characters removed;
/// * `\r\n`, `\r`, U+2028/2029 to `\n`;
/// * runs of spaces collapsed to one, spaces trimmed at line ends, more than one
///   blank line collapsed to one; leading and trailing blank space removed.
///
/// Newlines are kept: they separate headlines and paragraphs.
///
/// ```
/// assert_eq!(dyad_text::normalize("<p>L’Eliseo&nbsp;ha  detto “sì”</p>"), "L'Eliseo ha detto \"sì\"");
/// ```
pub fn normalize(text: &str) -> String {
    if is_clean_ascii(text) {
        return text.to_string();
    }
    normalize_full(text)
}

fn normalize_full(text: &str) -> String {
    let stripped;
    let text = if text.contains(['<', '&']) {
        stripped = strip_html(text);
        stripped.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut newlines = 0usize;
    let mut push = |c: char, out: &mut String| match c {
        '\n' => {
            pending_space = false;
            if !out.is_empty() {
                newlines += 1;
            }
        }
        ' ' => pending_space = !out.is_empty() || newlines > 0,
        c => {
            if newlines > 0 {
                if !out.is_empty() {
                    out.push_str(if newlines > 1 { "\n\n" } else { "\n" });
                }
                newlines = 0;
            } else if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    };
    let mut map = |c: char, out: &mut String| match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' | '\u{00B4}' => {
            push('\'', out)
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => {
            push('"', out)
        }
        '\u{2039}' | '\u{203A}' => push('\'', out),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => {
            push('-', out)
        }
        '\u{2026}' => {
            push('.', out);
            push('.', out);
            push('.', out);
        }
        '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => push('\n', out),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        c if c.is_whitespace() => push(' ', out),
        c if c.is_control() => {}
        c => push(c, out),
    };
    // `\r\n` and lone `\r` both become one `\n`.
    let mut prev_cr = false;
    let mut feed = |c: char, out: &mut String| {
        if c == '\r' {
            prev_cr = true;
            map('\n', out);
        } else {
            if !(c == '\n' && prev_cr) {
                map(c, out);
            }
            prev_cr = false;
        }
    };
    if text.is_ascii() || matches!(is_nfc_quick(text.chars()), IsNormalized::Yes) {
        for c in text.chars() {
            feed(c, &mut out);
        }
    } else {
        for c in text.nfc() {
            feed(c, &mut out);
        }
    }
    out
}

/// Plain printable ASCII that normalization would leave unchanged.
fn is_clean_ascii(text: &str) -> bool {
    let b = text.as_bytes();
    let edge = |c: Option<&u8>| !matches!(c, Some(b' ' | b'\n'));
    if !edge(b.first()) || !edge(b.last()) {
        return false;
    }
    let mut prev = b'x';
    let mut prev2 = b'x';
    for &c in b {
        let ok = match c {
            b'\n' => prev != b' ' && !(prev == b'\n' && prev2 == b'\n'),
            b' ' => prev != b' ' && prev != b'\n',
            b'<' | b'&' | b'`' => false,
            0x21..=0x7E => true,
            _ => false,
        };
        if !ok {
            return false;
        }
        prev2 = prev;
        prev = c;
    }
    true
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "hr",
    "title",
    "dd",
    "dt",
];

/// Removes tags and decodes entities.
fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if tail.starts_with('<') {
            if let Some((consumed, block)) = tag_len(tail) {
                if block {
                    out.push('\n');
                }
                rest = &tail[consumed..];
                continue;
            }
        } else if let Some((consumed, c)) = entity(tail) {
            out.push(c);
            rest = &tail[consumed..];
            continue;
        }
        out.push(tail.chars().next().unwrap_or('<'));
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// If `s` starts with an HTML tag or comment, its byte length and whether it
/// is a block-level tag.
fn tag_len(s: &str) -> Option<(usize, bool)> {
    if let Some(body) = s.strip_prefix("<!--") {
        return body.find("-->").map(|e| (4 + e + 3, false));
    }
    let b = s.as_bytes();
    let first = *b.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let end = s.bytes().take(400).position(|b| b == b'>')?;
    let inner = &s[1..end];
    if inner.contains(['<', '\n']) {
        return None;
    }
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if name.is_empty() && first != b'!' {
        return None;
    }
    Some((end + 1, BLOCK_TAGS.contains(&name.as_str())))
}

/// If `s` starts with an HTML entity, its byte length and the character.
fn entity(s: &str) -> Option<(usize, char)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(v)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "rsquo" | "lsquo" | "sbquo" => '\'',
            "ldquo" | "rdquo" | "bdquo" | "laquo" | "raquo" => '"',
            "ndash" | "mdash" | "minus" => '-',
            "hellip" => '\u{2026}',
            "eacute" => 'é',
            "egrave" => 'è',
            "agrave" => 'à',
            "aacute" => 'á',
            "ograve" => 'ò',
            "oacute" => 'ó',
            "ugrave" => 'ù',
            "uacute" => 'ú',
            "iacute" => 'í',
            "igrave" => 'ì',
            "ntilde" => 'ñ',
            "ccedil" => 'ç',
            "auml" => 'ä',
            "ouml" => 'ö',
            "uuml" => 'ü',
            "Auml" => 'Ä',
            "Ouml" => 'Ö',
            "Uuml" => 'Ü',
            "szlig" => 'ß',
            "Eacute" => 'É',
            "euro" => '€',
            "deg" => '°',
            "copy" => '©',
            _ => return None,
        }
    };
    Some((end + 1, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fast_path_agrees(s in "[ -~\n]{0,40}") {
            if is_clean_ascii(&s) {
                prop_assert_eq!(normalize_full(&s), s);
            }
        }

        #[test]
        fn idempotent_without_markup(s in "[^&<]{0,60}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once.clone());
        }
    }

    #[test]
    fn table() {
        let cases = [
            ("a  b\t c", "a b c"),
            ("  lead\n\n\n\npara  \n", "lead\n\npara"),
            ("line1 \n  line2", "line1\nline2"),
            ("x\r\ny\rz", "x\ny\nz"),
            ("don’t “quote” – dash…", "don't \"quote\" - dash..."),
            ("A&amp;B &lt;tag&gt; &#8217; &#x2019;", "A&B <tag> ' '"),
            ("<p>one</p><p>two</p>", "one\n\ntwo"),
            ("x < y & z", "x < y & z"),
            ("zero\u{200B}width soft\u{00AD}hyphen", "zerowidth softhyphen"),
            ("nb\u{00A0}sp\u{202F}x\u{3000}y", "nb sp x y"),
            ("ctl\u{0007}\u{001B}x", "ctlx"),
            ("e\u{0301}", "é"),
            ("<!-- c -->kept", "kept"),
            ("a<br/>b", "a\nb"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "input {input:?}");
        }
    }
}
