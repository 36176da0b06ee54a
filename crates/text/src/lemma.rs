//! Lemma tables: one embedded, front-coded table per language, decoded into a
//! hash map the first time the language is used.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

type FxHashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

use crate::Lang;

const IT: &str = include_str!("../data/lemmas/it.lem");
const EN: &str = include_str!("../data/lemmas/en.lem");
const ES: &str = include_str!("../data/lemmas/es.lem");
const FR: &str = include_str!("../data/lemmas/fr.lem");
const DE: &str = include_str!("../data/lemmas/de.lem");

/// A form → lemma table for one language.
///
/// Keys and values are lower-case; only forms whose lemma differs from the
/// form are stored. Obtain one with [`Lemmatizer::get`]; the table is decoded
/// once per process on first use (see [`Lemmatizer::load_time`]).
#[derive(Debug)]
pub struct Lemmatizer {
    lang: Lang,
    /// Form → `(start, end)` byte range of its lemma in `lemmas`.
    map: FxHashMap<Box<str>, (u32, u32)>,
    /// All lemmas, deduplicated, concatenated.
    lemmas: String,
    load_time: Duration,
    skipped: usize,
}

static TABLES: [OnceLock<Lemmatizer>; 5] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::It => 0,
        Lang::En => 1,
        Lang::Es => 2,
        Lang::Fr => 3,
        Lang::De => 4,
    }
}

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::It => IT,
        Lang::En => EN,
        Lang::Es => ES,
        Lang::Fr => FR,
        Lang::De => DE,
    }
}

/// Extra entries for clitics the tokenizer splits off.
fn extras(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[("n't", "not"), ("'re", "be"), ("'m", "be"), ("'ve", "have"), ("'ll", "will")],
        _ => &[],
    }
}

/// Splits a leading decimal count off `s`: `"12abc"` → `(12, "abc")`.
fn split_count(s: &str) -> Option<(usize, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let n = s.get(..digits)?.parse().ok()?;
    Some((n, s.get(digits..)?))
}

/// Byte index of the `n`th char of `s` (or `None` when `s` is shorter).
fn char_byte(s: &str, n: usize) -> Option<usize> {
    if s.is_ascii() {
        return (n <= s.len()).then_some(n);
    }
    if n == 0 {
        return Some(0);
    }
    match s.char_indices().nth(n) {
        Some((b, _)) => Some(b),
        None if s.chars().count() == n => Some(s.len()),
        None => None,
    }
}

/// Splits at the first `sep` byte (ASCII), without the separator.
/// (`str::lines`/`split_once` with a char pattern were half the load time.)
fn split_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.as_bytes().iter().position(|&b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// A decoded table.
struct Decoded {
    map: FxHashMap<Box<str>, (u32, u32)>,
    lemmas: String,
    skipped: usize,
}

/// Decodes the table format written by `scripts/text/build_lemmas.py`.
/// Malformed lines are skipped and counted.
fn decode(src: &str) -> Decoded {
    let lines = src.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut map = FxHashMap::with_capacity_and_hasher(lines, Default::default());
    let mut lemmas = String::new();
    let mut prev = String::new();
    let mut form = String::new();
    let mut lemma = String::new();
    let mut last_lemma: (u32, u32) = (0, 0);
    let mut skipped = 0;
    let mut rest = src;
    while !rest.is_empty() {
        let (line, next) = split_byte(rest, b'\n').unwrap_or((rest, ""));
        rest = next;
        if line.is_empty() {
            continue;
        }
        let ok = (|| {
            let (f, l) = split_byte(line, b'\t')?;
            let (shared, tail) = split_count(f)?;
            let (cut, ltail) = split_count(l)?;
            form.clear();
            form.push_str(prev.get(..char_byte(&prev, shared)?)?);
            form.push_str(tail);
            let n = if form.is_ascii() { form.len() } else { form.chars().count() };
            let keep = char_byte(&form, n.checked_sub(cut)?)?;
            lemma.clear();
            lemma.push_str(form.get(..keep)?);
            lemma.push_str(ltail);
            Some(())
        })();
        if ok.is_none() {
            skipped += 1;
            continue;
        }
        // Neighbouring forms (sorted) mostly share their lemma: reuse it.
        let range = match lemmas.get(last_lemma.0 as usize..last_lemma.1 as usize) {
            Some(l) if l == lemma => last_lemma,
            _ => {
                let s = lemmas.len();
                lemmas.push_str(&lemma);
                let (Ok(s), Ok(e)) = (u32::try_from(s), u32::try_from(lemmas.len())) else {
                    skipped += 1;
                    continue;
                };
                (s, e)
            }
        };
        last_lemma = range;
        map.insert(form.as_str().into(), range);
        std::mem::swap(&mut prev, &mut form);
    }
    Decoded { map, lemmas, skipped }
}

impl Lemmatizer {
    /// The table for `lang`, decoded on first use (thread-safe, once per process).
    pub fn get(lang: Lang) -> &'static Lemmatizer {
        TABLES[slot(lang)].get_or_init(|| {
            let start = Instant::now();
            let Decoded { mut map, mut lemmas, skipped } = decode(source(lang));
            for (f, l) in extras(lang) {
                let s = lemmas.len();
                lemmas.push_str(l);
                if let (Ok(s), Ok(e)) = (u32::try_from(s), u32::try_from(lemmas.len())) {
                    map.insert((*f).into(), (s, e));
                }
            }
            lemmas.shrink_to_fit();
            Lemmatizer { lang, map, lemmas, load_time: start.elapsed(), skipped }
        })
    }

    /// The language of this table.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Number of form → lemma entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// How long decoding the embedded table took.
    pub fn load_time(&self) -> Duration {
        self.load_time
    }

    /// Lines of the embedded table that could not be decoded (0 for a good build).
    pub fn skipped_lines(&self) -> usize {
        self.skipped
    }

    /// The lemma of an already lower-cased form, if the table knows one that
    /// differs from the form.
    pub fn lookup(&self, lower: &str) -> Option<&str> {
        let &(s, e) = self.map.get(lower)?;
        self.lemmas.get(s as usize..e as usize)
    }

    /// The lower-cased lemma of `word` (any case); the lower-cased word when unknown.
    pub fn lemma(&self, word: &str) -> String {
        let lower = lowercase(word);
        match self.lookup(&lower) {
            Some(l) => l.to_string(),
            None => lower,
        }
    }
}

/// Lower-cases with an ASCII fast path.
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Upper-cases with an ASCII fast path.
pub(crate) fn uppercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_front_coding() {
        let d = decode("0abc\t1d\n2x\t0y\n1é\t1e\n1f\t1e\nbad line\n");
        assert_eq!(d.skipped, 1);
        let get = |k: &str| d.map.get(k).and_then(|&(s, e)| d.lemmas.get(s as usize..e as usize));
        assert_eq!(get("abc"), Some("abd"));
        assert_eq!(get("abx"), Some("abxy"));
        assert_eq!(get("aé"), Some("ae"));
        assert_eq!(get("af"), Some("ae"));
        assert_eq!(get("zz"), None);
    }

    #[test]
    fn tables_decode_cleanly() {
        for lang in Lang::ALL {
            let t = Lemmatizer::get(lang);
            assert_eq!(t.skipped_lines(), 0, "{lang}: undecodable lines");
            assert!(t.len() > 50_000, "{lang}: only {} entries", t.len());
            eprintln!("{lang}: {} entries, loaded in {:?}", t.len(), t.load_time());
        }
    }
}
