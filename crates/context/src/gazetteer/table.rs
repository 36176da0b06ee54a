//! The gazetteer's data format and name index, shared by the library and by `build.rs`, which
//! precomputes the index of the embedded data so that loading it costs no normalization,
//! hashing or automaton construction.
//!
//! This file must not name anything of the library but `crate::normalize`: the build script
//! includes it (and `normalize.rs`) as modules of its own.

use std::collections::BTreeMap;

use crate::normalize::fold_char;

/// One data line, checked, with its strings borrowed from the text.
#[derive(Clone, Debug)]
pub(crate) struct Row<'a> {
    /// `C`, `R`, `A`, `P` or `K`.
    pub kind: u8,
    /// The `|`-separated names field, as written.
    pub names: &'a str,
    pub cameo: &'a str,
    pub fips: &'a str,
    pub adm1: &'a str,
    pub lat: f32,
    pub lon: f32,
    pub feature_id: &'a str,
    pub population: u64,
    pub full_name: &'a str,
}

/// The spellings of a `|`-separated names field, blank ones skipped.
pub(crate) fn split_names(names: &str) -> impl Iterator<Item = &str> + Clone {
    names.split('|').filter(|s| !s.trim().is_empty())
}

/// Parses data in the format of `data/gazetteer.tsv`; errors carry the 1-based line.
pub(crate) fn parse_rows(text: &str) -> Result<Vec<Row<'_>>, (usize, String)> {
    let mut rows = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    for (n, line) in text.lines().enumerate() {
        if is_place_line(line) {
            rows.push(parse_row(line).map_err(|message| (n + 1, message))?);
        }
    }
    Ok(rows)
}

/// Whether a data line holds a place (not blank, not a `#` comment).
fn is_place_line(line: &str) -> bool {
    !(line.trim().is_empty() || line.starts_with('#'))
}

/// The byte offset in `text` of each place line, in order: place id `i` is the line at
/// `offsets[i]` (how the embedded gazetteer finds a row to parse on first use).
#[cfg_attr(not(test), allow(dead_code))] // build.rs writes the embedded offsets
pub(crate) fn row_offsets(text: &str) -> Vec<u32> {
    let base = text.as_ptr() as usize;
    text.lines()
        .filter(|l| is_place_line(l))
        .filter_map(|l| u32::try_from(l.as_ptr() as usize - base).ok())
        .collect()
}

/// Parses one place line (the text from its start; parsing stops at the line's end).
pub(crate) fn parse_row(line: &str) -> Result<Row<'_>, String> {
    let line = line.lines().next().unwrap_or_default();
    let mut f = line.split('\t');
    let mut field = [""; 10];
    let mut filled = 0;
    for slot in field.iter_mut() {
        let Some(v) = f.next() else { break };
        *slot = v;
        filled += 1;
    }
    if filled != 10 || f.next().is_some() {
        let count = line.split('\t').count();
        return Err(format!("expected 10 tab-separated fields, found {count}"));
    }
    let [kind, names, cameo, fips, adm1, lat, lon, feature_id, population, full_name] = field;
    let kind = match kind {
        "C" | "R" | "A" | "P" | "K" => kind.as_bytes().first().copied().unwrap_or(b'P'),
        other => return Err(format!("unknown place type {other:?} (expected C, R, A, P or K)")),
    };
    if split_names(names).next().is_none() {
        return Err("a place without a name".to_string());
    }
    let lat: f64 = lat.parse().map_err(|_| format!("bad latitude {lat:?}"))?;
    let lon: f64 = lon.parse().map_err(|_| format!("bad longitude {lon:?}"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates out of range: {lat}, {lon}"));
    }
    let population: u64 = population.parse().map_err(|_| format!("bad population {population:?}"))?;
    Ok(Row {
        kind,
        names,
        cameo,
        fips,
        adm1,
        lat: lat as f32,
        lon: lon as f32,
        feature_id,
        population,
        full_name,
    })
}

/// Normalized keys that never match in running text: function words and month or weekday names
/// of the five languages that are also place names somewhere.
pub(crate) const STOP: &[&str] = &[
    "of",
    "the",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "as",
    "is",
    "it",
    "be",
    "an",
    "la",
    "le",
    "les",
    "el",
    "los",
    "las",
    "lo",
    "il",
    "di",
    "da",
    "del",
    "de",
    "des",
    "du",
    "die",
    "der",
    "das",
    "den",
    "und",
    // Indefinite articles and contracted prepositions that open sentences
    // ("Una bomba ha matado…": not Una, Gujarat).
    "una",
    "uno",
    "une",
    "unos",
    "unas",
    "ein",
    "eine",
    "einer",
    "einem",
    "einen",
    "dem",
    "gli",
    "nel",
    "nella",
    "della",
    "dei",
    "delle",
    "degli",
    "sulla",
    "alla",
    "dalla",
    "y",
    "e",
    "et",
    "o",
    "ou",
    "oder",
    "con",
    "avec",
    "mit",
    "per",
    "por",
    "para",
    "pour",
    "sur",
    "sul",
    "van",
    "von",
    "bar",
    "mar",
    "mayo",
    "marzo",
    "domingo",
    "santiago de",
    "mobile",
    "reading",
    "bath",
    "born",
    "union",
    "victoria",
    "florida",
    "march",
    "may",
    "june",
    "july",
    "august",
    "april",
    "mai",
    "juni",
    "juli",
    "aout",
    "enero",
    "abril",
    "julio",
    "agosto",
    "june",
    "sabado",
    "san",
    "santa",
    "saint",
    "sainte",
    "sankt",
    "st",
    "mons",
    "como",
    "nice",
    "split",
    "ocean",
    "mira",
    "vista",
    "gran",
    "grande",
    "bella",
    "bello",
    "buena",
    "linda",
    "central",
    "capital",
    "nord",
    "sud",
    "est",
    "ouest",
    "ost",
    "west",
    "north",
    "south",
    "east",
    "norte",
    "sur",
    "este",
    "oeste",
    "centro",
    "centre",
    // German common nouns, capitalised as every German noun is, that are
    // also towns: "im Norden von Burkina Faso" is no Norden, Lower Saxony,
    // "auf kenianischem Boden" no Boden, Sweden.
    "norden",
    "boden",
    "hof",
    "weiden",
    "heide",
    "ende",
    "mitte",
    "zug",
    "gold",
    "neustadt",
];
/// Normalizes a name for lookup: folded, non-alphanumerics as single spaces, trimmed.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let f = fold_char(c);
        if f.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(f);
        } else {
            space = true;
        }
    }
    out
}

/// Bits of an index value: bits 0..32 the first posting, 32..56 the number of postings.
const COUNT_SHIFT: u32 = 32;
const COUNT_MASK: u64 = (1 << 24) - 1;
/// Set when every spelling with this key starts with a capital letter.
const CAPITAL_BIT: u64 = 1 << 56;
/// Set when the key may be matched in running text (three chars or more, not a stop word).
const TEXT_BIT: u64 = 1 << 57;

/// An index entry: where its place ids are and how it matches in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// First place id in the postings.
    pub start: usize,
    /// Number of place ids.
    pub len: usize,
    /// Whether a mention in text must start with a capital letter.
    pub needs_capital: bool,
    /// Whether the name is matched in running text at all.
    pub in_text: bool,
}

impl Entry {
    /// Decodes an index value.
    pub fn from_value(v: u64) -> Entry {
        Entry {
            start: (v & u64::from(u32::MAX)) as usize,
            len: ((v >> COUNT_SHIFT) & COUNT_MASK) as usize,
            needs_capital: v & CAPITAL_BIT != 0,
            in_text: v & TEXT_BIT != 0,
        }
    }
}

/// A name index: an `fst` map from normalized name to a packed [`Entry`], the same for the
/// names matched in text even without a capital letter (a few dozen: `'s-Hertogenbosch`,
/// `al-Yarmuk`), so that the many lower-case words of a text need no walk of the big map,
/// and the postings (place ids, `u32` little-endian) the entries point into.
pub(crate) struct IndexBytes {
    pub fst: Vec<u8>,
    pub lower: Vec<u8>,
    pub postings: Vec<u8>,
    /// A [`FirstWords`] filter of the names matched in text.
    pub first_words: Vec<u8>,
}

/// The size of the first-word filter in bits: 2^20 (128 KiB) holds the ~51,000 distinct first
/// words of the embedded names with about 1% false positives at two probes per word.
pub(crate) const FIRST_WORD_BITS: usize = 1 << 20;

/// A Bloom filter of the first words of the names matched in text. Most capitalized words of
/// news copy ("President", "Reuters", "Biden") begin no place name; the filter rejects them
/// with two bit tests where the walk of the name index would touch a node per letter.
pub(crate) struct FirstWords;

impl FirstWords {
    /// The two bits probed for a folded word.
    pub fn probes(word: &[u8]) -> [usize; 2] {
        // FNV-1a, then splitmix64's finalizer so that both halves are well mixed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in word {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^= h >> 31;
        let mask = FIRST_WORD_BITS as u64 - 1;
        [(h & mask) as usize, ((h >> 32) & mask) as usize]
    }

    /// Whether `word` may begin a name; always true when `bits` is not a filter of the
    /// expected size (an index built without one).
    pub fn may_begin(bits: &[u8], word: &[u8]) -> bool {
        if bits.len() != FIRST_WORD_BITS / 8 {
            return true;
        }
        Self::probes(word).iter().all(|&p| bits.get(p / 8).is_some_and(|byte| byte & (1 << (p % 8)) != 0))
    }

    fn insert(bits: &mut [u8], word: &[u8]) {
        for p in Self::probes(word) {
            if let Some(byte) = bits.get_mut(p / 8) {
                *byte |= 1 << (p % 8);
            }
        }
    }
}

/// Builds the name index from `(place id, spelling)` pairs in place order.
pub(crate) fn build_index<'n>(names: impl IntoIterator<Item = (u32, &'n str)>) -> Result<IndexBytes, String> {
    // normalized name -> (place ids, whether every spelling starts with a capital)
    let mut keys: BTreeMap<String, (Vec<u32>, bool)> = BTreeMap::new();
    for (i, n) in names {
        let key = normalize_name(n);
        if key.is_empty() {
            continue;
        }
        let cap = n.chars().next().is_some_and(char::is_uppercase);
        let (ids, all_cap) = keys.entry(key).or_insert_with(|| (Vec::new(), true));
        if ids.last() != Some(&i) {
            ids.push(i);
        }
        *all_cap &= cap;
    }
    let mut postings = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut lower = fst::MapBuilder::memory();
    let mut first_words = vec![0u8; FIRST_WORD_BITS / 8];
    let mut next: u64 = 0;
    for (key, (ids, cap)) in &keys {
        let len = ids.len() as u64;
        if next > u64::from(u32::MAX) || len > COUNT_MASK {
            return Err(format!("name index too large at {key:?}"));
        }
        let mut v = next | (len << COUNT_SHIFT);
        if *cap {
            v |= CAPITAL_BIT;
        }
        if key.chars().count() >= 3 && !STOP.contains(&key.as_str()) {
            v |= TEXT_BIT;
        }
        builder.insert(key, v).map_err(|e| format!("name index: {e}"))?;
        if v & TEXT_BIT != 0 {
            let first = key.split(' ').next().unwrap_or_default();
            FirstWords::insert(&mut first_words, first.as_bytes());
        }
        if v & TEXT_BIT != 0 && v & CAPITAL_BIT == 0 {
            lower.insert(key, v).map_err(|e| format!("name index: {e}"))?;
        }
        for id in ids {
            postings.extend_from_slice(&id.to_le_bytes());
        }
        next += len;
    }
    let fst = builder.into_inner().map_err(|e| format!("name index: {e}"))?;
    let lower = lower.into_inner().map_err(|e| format!("name index: {e}"))?;
    Ok(IndexBytes { fst, lower, postings, first_words })
}
