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
    parse_rows_into(text, |row| row)
}

/// [`parse_rows`], turning each row into what the caller keeps as it goes, so
/// that no vector of rows is built in between.
pub(crate) fn parse_rows_into<'a, T>(
    text: &'a str,
    mut keep: impl FnMut(Row<'a>) -> T,
) -> Result<Vec<T>, (usize, String)> {
    // Sized once: growing by doubling would touch twice the memory of the
    // ~37,000 rows, and page faults are most of what loading costs.
    let mut rows = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| (line_no, message);
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
            return Err(err(format!("expected 10 tab-separated fields, found {count}")));
        }
        let [kind, names, cameo, fips, adm1, lat, lon, feature_id, population, full_name] = field;
        let kind = match kind {
            "C" | "R" | "A" | "P" | "K" => kind.as_bytes().first().copied().unwrap_or(b'P'),
            other => return Err(err(format!("unknown place type {other:?} (expected C, R, A, P or K)"))),
        };
        if split_names(names).next().is_none() {
            return Err(err("a place without a name".to_string()));
        }
        let lat: f64 = lat.parse().map_err(|_| err(format!("bad latitude {lat:?}")))?;
        let lon: f64 = lon.parse().map_err(|_| err(format!("bad longitude {lon:?}")))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(err(format!("coordinates out of range: {lat}, {lon}")));
        }
        let population: u64 =
            population.parse().map_err(|_| err(format!("bad population {population:?}")))?;
        rows.push(keep(Row {
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
        }));
    }
    Ok(rows)
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
    Ok(IndexBytes { fst, lower, postings })
}
