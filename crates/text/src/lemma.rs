//! Lemma tables: one per language, laid out at build time as an
//! open-addressing hash table over embedded bytes (see `lemma_table.rs`), and
//! read in place: nothing is decoded or allocated when a language is first
//! used, so a table costs no start-up time and only the pages lookups touch.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::lemma_table::{form_hash, HEADER_WORDS};
use crate::Lang;

macro_rules! table {
    ($lang:literal) => {
        (
            include_str!(concat!(env!("OUT_DIR"), "/", $lang, ".forms")),
            include_str!(concat!(env!("OUT_DIR"), "/", $lang, ".lemmas")),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, ".index")).as_slice(),
        )
    };
}

/// Each language's forms, lemmas and index, in [`slot`] order.
const TABLES: [(&str, &str, &[u8]); 5] =
    [table!("it"), table!("en"), table!("es"), table!("fr"), table!("de")];

/// Malformed lines of each language's source table, counted at build time.
const SKIPPED: [usize; 5] = include!(concat!(env!("OUT_DIR"), "/lemma_skipped.rs"));

/// A form → lemma table for one language.
///
/// Keys and values are lower-case; only forms whose lemma differs from the
/// form are stored. Obtain one with [`Lemmatizer::get`].
///
/// # Examples
///
/// ```
/// use dyad_text::{Lang, Lemmatizer};
/// let es = Lemmatizer::get(Lang::Es);
/// assert_eq!(es.lookup("acordaron"), Some("acordar"));
/// assert_eq!(es.lemma("Acordaron"), "acordar");
/// assert_eq!(es.lookup("dyad"), None);
/// ```
#[derive(Debug)]
pub struct Lemmatizer {
    lang: Lang,
    /// Every form, concatenated in entry order.
    forms: &'static str,
    /// Every distinct lemma, concatenated.
    lemmas: &'static str,
    /// The header, slots and offsets (little-endian u32 words).
    index: &'static [u8],
    entries: usize,
    slots: usize,
    load_time: Duration,
    skipped: usize,
}

static LEMMATIZERS: [OnceLock<Lemmatizer>; 5] =
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

impl Lemmatizer {
    /// The table for `lang` (thread-safe; it only reads the embedded header).
    pub fn get(lang: Lang) -> &'static Lemmatizer {
        LEMMATIZERS[slot(lang)].get_or_init(|| {
            let start = Instant::now();
            let (forms, lemmas, index) = TABLES[slot(lang)];
            let mut t = Lemmatizer {
                lang,
                forms,
                lemmas,
                index,
                entries: 0,
                slots: 0,
                load_time: Duration::ZERO,
                skipped: SKIPPED[slot(lang)],
            };
            t.entries = t.word(0).unwrap_or(0) as usize;
            t.slots = t.word(1).unwrap_or(0) as usize;
            let lemmas = t.word(2).unwrap_or(0) as usize;
            // An index shorter than its header says (never, for a good build)
            // leaves an empty table: every lookup misses.
            if !(t.slots.is_power_of_two() && t.word(t.lemma_offsets_at() + lemmas).is_some()) {
                (t.entries, t.slots) = (0, 0);
            }
            t.load_time = start.elapsed();
            t
        })
    }

    /// The `i`th u32 word of the index.
    fn word(&self, i: usize) -> Option<u32> {
        let b = self.index.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
        Some(u32::from_le_bytes(b.try_into().ok()?))
    }

    fn form_offsets_at(&self) -> usize {
        HEADER_WORDS + self.slots
    }

    fn lemma_ids_at(&self) -> usize {
        self.form_offsets_at() + self.entries + 1
    }

    fn lemma_offsets_at(&self) -> usize {
        self.lemma_ids_at() + self.entries
    }

    /// The language of this table.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Number of form → lemma entries.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// How long getting the table ready took (reading its header: the
    /// table itself was laid out at build time).
    pub fn load_time(&self) -> Duration {
        self.load_time
    }

    /// Lines of the source table that could not be decoded (0 for a good build).
    pub fn skipped_lines(&self) -> usize {
        self.skipped
    }

    /// The lemma of an already lower-cased form, if the table knows one that
    /// differs from the form.
    pub fn lookup(&self, lower: &str) -> Option<&'static str> {
        if self.slots == 0 {
            return None;
        }
        let mask = self.slots - 1;
        let mut s = (form_hash(lower.as_bytes()) as usize) & mask;
        // The table is at most half full, so an empty slot ends every probe.
        for _ in 0..self.slots {
            let e = self.word(HEADER_WORDS + s)? as usize;
            let e = e.checked_sub(1)?;
            let at = self.form_offsets_at() + e;
            let (start, end) = (self.word(at)? as usize, self.word(at + 1)? as usize);
            if self.forms.as_bytes().get(start..end)? == lower.as_bytes() {
                let lemma = self.word(self.lemma_ids_at() + e)? as usize;
                let at = self.lemma_offsets_at() + lemma;
                let (start, end) = (self.word(at)? as usize, self.word(at + 1)? as usize);
                return self.lemmas.get(start..end);
            }
            s = (s + 1) & mask;
        }
        None
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
        let mut got = Vec::new();
        let skipped = crate::lemma_table::decode_front_coded(
            "0abc\t1d\n2x\t0y\n1é\t1e\n1f\t1e\nbad line\n",
            |f, l| got.push((f.to_string(), l.to_string())),
        );
        assert_eq!(skipped, 1);
        let pairs: Vec<(&str, &str)> = got.iter().map(|(f, l)| (f.as_str(), l.as_str())).collect();
        assert_eq!(pairs, [("abc", "abd"), ("abx", "abxy"), ("aé", "ae"), ("af", "ae")]);
    }

    #[test]
    fn every_source_entry_looks_up_to_its_lemma() {
        // The build-time layout against the source tables it was made from.
        let sources = [
            (Lang::It, include_str!("../data/lemmas/it.lem")),
            (Lang::En, include_str!("../data/lemmas/en.lem")),
            (Lang::Es, include_str!("../data/lemmas/es.lem")),
            (Lang::Fr, include_str!("../data/lemmas/fr.lem")),
            (Lang::De, include_str!("../data/lemmas/de.lem")),
        ];
        for (lang, src) in sources {
            let t = Lemmatizer::get(lang);
            let mut n = 0;
            crate::lemma_table::decode_front_coded(src, |form, lemma| {
                n += 1;
                if lang == Lang::En && form == "n't" {
                    return; // overridden by the tokenizer's clitics
                }
                assert_eq!(t.lookup(form), Some(lemma), "{lang}: {form}");
            });
            assert!(t.slots >= crate::lemma_table::slot_count(t.len()), "{lang}: more than half full");
            let extra = usize::from(lang == Lang::En) * 5;
            assert!(t.len() >= n && t.len() <= n + extra, "{lang}: {} entries for {n} lines", t.len());
        }
        assert_eq!(Lemmatizer::get(Lang::En).lookup("'re"), Some("be"));
        assert_eq!(Lemmatizer::get(Lang::En).lookup("n't"), Some("not"));
    }

    proptest::proptest! {
        #[test]
        fn a_lookup_finds_only_forms_of_the_table(s in "\\PC{0,12}") {
            for lang in Lang::ALL {
                let t = Lemmatizer::get(lang);
                if t.lookup(&s).is_some() {
                    proptest::prop_assert!(t.forms.contains(s.as_str()), "{lang}: {s:?}");
                }
            }
        }
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
