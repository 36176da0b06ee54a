//! Lemma tables: one embedded, front-coded table per language, decoded into a
//! hash map the first time the language is used.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap;

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
    map: FxHashMap<Box<str>, Box<str>>,
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
    if n == 0 {
        return Some(0);
    }
    match s.char_indices().nth(n) {
        Some((b, _)) => Some(b),
        None if s.chars().count() == n => Some(s.len()),
        None => None,
    }
}

/// Decodes the table format written by `scripts/text/build_lemmas.py`.
/// Malformed lines are skipped and counted.
fn decode(src: &str) -> (FxHashMap<Box<str>, Box<str>>, usize) {
    let lines = src.lines().count();
    let mut map = FxHashMap::with_capacity_and_hasher(lines, Default::default());
    let mut prev = String::new();
    let mut form = String::new();
    let mut skipped = 0;
    for line in src.lines() {
        let ok = (|| {
            let (f, l) = line.split_once('\t')?;
            let (shared, tail) = split_count(f)?;
            let (cut, ltail) = split_count(l)?;
            form.clear();
            form.push_str(prev.get(..char_byte(&prev, shared)?)?);
            form.push_str(tail);
            let n = form.chars().count();
            let keep = char_byte(&form, n.checked_sub(cut)?)?;
            let mut lemma = String::with_capacity(keep + ltail.len());
            lemma.push_str(form.get(..keep)?);
            lemma.push_str(ltail);
            Some(lemma)
        })();
        match ok {
            Some(lemma) => {
                map.insert(form.as_str().into(), lemma.into_boxed_str());
                std::mem::swap(&mut prev, &mut form);
            }
            None => skipped += 1,
        }
    }
    (map, skipped)
}

impl Lemmatizer {
    /// The table for `lang`, decoded on first use (thread-safe, once per process).
    pub fn get(lang: Lang) -> &'static Lemmatizer {
        TABLES[slot(lang)].get_or_init(|| {
            let start = Instant::now();
            let (mut map, skipped) = decode(source(lang));
            for (f, l) in extras(lang) {
                map.insert((*f).into(), (*l).into());
            }
            Lemmatizer { lang, map, load_time: start.elapsed(), skipped }
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
        self.map.get(lower).map(|b| &**b)
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
        let (m, skipped) = decode("0abc\t1d\n2x\t0y\n1é\t1e\nbad line\n");
        assert_eq!(skipped, 1);
        assert_eq!(m.get("abc").map(|s| &**s), Some("abd"));
        assert_eq!(m.get("abx").map(|s| &**s), Some("abxy"));
        assert_eq!(m.get("aé").map(|s| &**s), Some("ae"));
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
