//! MinHash signatures for near-duplicate article detection.
//!
//! An article's signature holds [`HASHES`] slots, each the minimum hash of
//! the word 3-shingles (lower-cased) that fall in it, by one-permutation
//! hashing with densification. The fraction of equal
//! signature slots estimates the Jaccard similarity of two shingle sets.
//! Lookup is locality-sensitive: the signature is cut into [`BANDS`] bands of
//! [`ROWS`] slots, and articles sharing any band are compared. With 16 bands
//! of 4 rows, a pair with Jaccard similarity 0.8 is found with probability
//! above 0.999, a pair at 0.3 becomes a candidate about one time in eight and
//! is then rejected by the estimate.

/// Slots in a signature.
pub const HASHES: usize = 64;
/// Slots per band.
pub const ROWS: usize = 4;
/// Bands used for lookup.
pub const BANDS: usize = HASHES / ROWS;
/// Smallest estimated Jaccard similarity of near-duplicates.
pub const MIN_SIMILARITY: f64 = 0.7;
/// Fewest shingles a text needs for an estimate to be trusted; shorter
/// texts are near-duplicates only when their signatures are equal.
pub const MIN_SHINGLES: usize = 8;

/// A text's MinHash signature and how many shingles it was built from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The minimum of each hash function.
    pub mins: [u32; HASHES],
    /// How many distinct word 3-shingles the text has.
    pub shingles: usize,
}

const fn mix(mut h: u64) -> u64 {
    // splitmix64 finaliser.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

impl Signature {
    /// The lookup key of band `i` (`i < BANDS`).
    pub fn band(&self, i: usize) -> i64 {
        let start = (i % BANDS) * ROWS;
        let mut h: u64 = i as u64;
        for v in self.mins.iter().skip(start).take(ROWS) {
            h = mix(h ^ u64::from(*v)).wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
        h as i64
    }

    /// Every band's lookup key.
    pub fn bands(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = self.band(i);
        }
        out
    }

    /// Estimated Jaccard similarity with `other`.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.mins.iter().zip(other.mins.iter()).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// Whether `other` is a near-duplicate of this text.
    pub fn near(&self, other: &Signature) -> bool {
        if self.shingles < MIN_SHINGLES || other.shingles < MIN_SHINGLES {
            self.mins == other.mins
        } else {
            self.similarity(other) >= MIN_SIMILARITY
        }
    }

    /// The signature as bytes (little-endian slots), for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A signature read back from [`Signature::to_bytes`]; `None` when the
    /// bytes have the wrong length.
    pub fn from_bytes(bytes: &[u8], shingles: usize) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut mins = [0u32; HASHES];
        for (slot, chunk) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature { mins, shingles })
    }
}

/// The MinHash signature of `text`.
///
/// # Examples
///
/// ```
/// use dyad_store::minhash::signature;
/// let a = signature("Egypt's foreign minister met his Qatari counterpart in Cairo on Monday to discuss the ceasefire talks and aid deliveries to Gaza.");
/// let b = signature("Egypt's foreign minister met his Qatari counterpart in Cairo on Monday to discuss the ceasefire talks and aid deliveries to Gaza, officials said.");
/// assert!(a.near(&b));
/// ```
pub fn signature(text: &str) -> Signature {
    let words = word_hashes(text);
    let mut features: Vec<u64> = match words.as_slice() {
        [] => Vec::new(),
        [a] => vec![shingle(*a, 0, 0)],
        [a, b] => vec![shingle(*a, *b, 0)],
        _ => words.windows(3).map(|w| shingle(w[0], w[1], w[2])).collect(),
    };
    features.sort_unstable();
    features.dedup();
    Signature { mins: one_permutation(&features), shingles: features.len() }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The FNV-1a hash of each lower-cased word of `text` (a word is a run of
/// alphanumeric characters), in order. ASCII bytes are folded in place; only
/// other characters are decoded.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
                in_word = true;
                continue;
            }
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
            i += c.len_utf8();
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                for lower in c.to_lowercase() {
                    for &byte in lower.encode_utf8(&mut buf).as_bytes() {
                        h = (h ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
                    }
                }
                in_word = true;
                continue;
            }
        }
        if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// A 3-shingle's feature from its words' hashes (0 for a missing word), in
/// order: each position rotated differently, then mixed.
fn shingle(a: u64, b: u64, c: u64) -> u64 {
    mix(a ^ b.rotate_left(21) ^ c.rotate_left(42))
}

// `one_permutation` keeps the filled slots in a `u64` bitmask.
const _: () = assert!(HASHES.is_power_of_two() && HASHES <= 64);

/// Bits of a feature's hash that choose its slot.
const SLOT_BITS: u32 = HASHES.trailing_zeros();

/// Attempt `attempt` of empty slot `slot`'s probe sequence.
const fn probe(slot: usize, attempt: u64) -> usize {
    (mix((slot as u64) << 32 | attempt) >> (64 - SLOT_BITS)) as usize
}

/// How many attempts of each probe sequence are tabulated: with a quarter
/// of the slots filled, 16 attempts all miss one time in a hundred.
const PROBED: usize = 16;

/// The first [`PROBED`] attempts of every slot's probe sequence.
const PROBES: [[u8; PROBED]; HASHES] = {
    let mut table = [[0u8; PROBED]; HASHES];
    let mut slot = 0;
    while slot < HASHES {
        let mut attempt = 0;
        while attempt < PROBED {
            table[slot][attempt] = probe(slot, attempt as u64) as u8;
            attempt += 1;
        }
        slot += 1;
    }
    table
};

/// The slots of a signature by one-permutation hashing (Li, Owen and Zhang
/// 2012): each feature (already splitmix-mixed) is hashed once, its top bits
/// choose its slot and its low 32 bits compete for that slot's minimum. That
/// is one step per feature instead of one per feature and slot (schema
/// version 9 recomputed the band values stored before).
///
/// A slot no feature fell in borrows the value of the first filled slot on
/// its own fixed probe sequence (optimal densification, Shrivastava 2017), so
/// that two texts' empty slots agree exactly as often as their filled ones
/// and the share of equal slots still estimates the Jaccard similarity.
fn one_permutation(features: &[u64]) -> [u32; HASHES] {
    let mut mins = [u32::MAX; HASHES];
    let mut filled = 0u64;
    for &f in features {
        let slot = (f >> (64 - SLOT_BITS)) as usize;
        let v = f as u32;
        if let Some(m) = mins.get_mut(slot) {
            *m = (*m).min(v);
            filled |= 1 << slot;
        }
    }
    if filled == 0 || filled == u64::MAX {
        return mins;
    }
    let mut dense = mins;
    for (slot, out) in dense.iter_mut().enumerate() {
        if filled & (1 << slot) != 0 {
            continue;
        }
        // At least one slot is filled, so the probe ends; the attempt bound
        // only keeps a pathological sequence finite.
        let probes = PROBES.get(slot).into_iter().flatten().map(|&p| p as usize);
        let later = (PROBED as u64..1024).map(|attempt| probe(slot, attempt));
        if let Some(v) = probes.chain(later).find(|&p| filled & (1 << p) != 0).and_then(|p| mins.get(p)) {
            *out = *v;
        }
    }
    dense
}

/// A hasher for keys that are already well-mixed 64-bit hashes (band
/// values): it passes them through.
#[derive(Clone, Copy, Default)]
pub(crate) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }
    fn write_i64(&mut self, v: i64) {
        self.0 = v as u64;
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type PassThroughMap<V> = std::collections::HashMap<i64, V, std::hash::BuildHasherDefault<PassThrough>>;

/// The in-memory near-duplicate lookup: band value → articles that have it.
/// Most band values belong to one article, so the first article of each
/// value lives in `first` and any others in `more`; about 16 bytes per band,
/// 256 bytes per article.
#[derive(Default)]
pub(crate) struct BandIndex {
    first: PassThroughMap<i64>,
    more: PassThroughMap<Vec<i64>>,
    /// The largest article row id whose bands are loaded.
    pub(crate) max_article: i64,
    /// Content hashes of the stored articles (see [`crate::content_hash`]),
    /// so that the writer checks "already stored?" without a query.
    pub(crate) hashes: std::collections::HashSet<[u8; 32]>,
    /// The largest article row id whose content hash is in `hashes`.
    pub(crate) max_hashed: i64,
}

impl BandIndex {
    /// Records that `article` has band values `bands`.
    pub(crate) fn insert(&mut self, bands: &[i64; BANDS], article: i64) {
        for &b in bands {
            match self.first.entry(b) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(article);
                }
                std::collections::hash_map::Entry::Occupied(o) => {
                    if *o.get() != article {
                        let list = self.more.entry(b).or_default();
                        if !list.contains(&article) {
                            list.push(article);
                        }
                    }
                }
            }
        }
        self.max_article = self.max_article.max(article);
    }

    /// Forgets `article`'s bands (a batch that was rolled back).
    pub(crate) fn remove(&mut self, bands: &[i64; BANDS], article: i64) {
        for &b in bands {
            if let Some(list) = self.more.get_mut(&b) {
                list.retain(|&a| a != article);
                if list.is_empty() {
                    self.more.remove(&b);
                }
            }
            if self.first.get(&b) == Some(&article) {
                match self.more.get_mut(&b) {
                    Some(list) if !list.is_empty() => {
                        let next = list.remove(0);
                        self.first.insert(b, next);
                        if list.is_empty() {
                            self.more.remove(&b);
                        }
                    }
                    _ => {
                        self.first.remove(&b);
                    }
                }
            }
        }
    }

    /// Articles sharing at least one band with `bands`, in ascending order,
    /// then records that `article` has them: [`BandIndex::candidates`] and
    /// [`BandIndex::insert`] in one walk of the table (each band value is
    /// hashed and its slot fetched from memory once, not twice).
    pub(crate) fn candidates_then_insert(&mut self, bands: &[i64; BANDS], article: i64) -> Vec<i64> {
        let mut out = Vec::new();
        for &b in bands {
            match self.first.entry(b) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(article);
                }
                std::collections::hash_map::Entry::Occupied(o) => {
                    let first = *o.get();
                    if first != article {
                        out.push(first);
                        let list = self.more.entry(b).or_default();
                        out.extend(list.iter().copied().filter(|&a| a != article));
                        if !list.contains(&article) {
                            list.push(article);
                        }
                    }
                }
            }
        }
        self.max_article = self.max_article.max(article);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Articles sharing at least one band with `bands`, in ascending order.
    #[cfg(test)]
    pub(crate) fn candidates(&self, bands: &[i64; BANDS]) -> Vec<i64> {
        let mut out = Vec::new();
        for b in bands {
            if let Some(&a) = self.first.get(b) {
                out.push(a);
                if let Some(list) = self.more.get(b) {
                    out.extend_from_slice(list);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Band values as stored in `article_bands.bands` (little-endian i64s).
/// Bytes of one article's entry in a band run: its row id, then its band
/// values, all little-endian `i64`.
const RUN_ENTRY: usize = 8 * (1 + BANDS);

/// A run of articles' band values as stored in `band_runs.bands`.
pub(crate) fn run_to_bytes(entries: &[(i64, [i64; BANDS])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * RUN_ENTRY);
    for (article, bands) in entries {
        out.extend_from_slice(&article.to_le_bytes());
        for v in bands {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

/// The entries of a band run read back from [`run_to_bytes`]; a trailing
/// partial entry (never written) is ignored.
pub(crate) fn run_from_bytes(bytes: &[u8]) -> impl Iterator<Item = (i64, [i64; BANDS])> + '_ {
    bytes.chunks_exact(RUN_ENTRY).map(|entry| {
        let mut values = entry.chunks_exact(8).map(|c| {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            i64::from_le_bytes(b)
        });
        let article = values.next().unwrap_or_default();
        let mut bands = [0i64; BANDS];
        for (slot, v) in bands.iter_mut().zip(values) {
            *slot = v;
        }
        (article, bands)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Russia accused Ukraine of violating the ceasefire along the front line near Donetsk \
        on Tuesday, and said its forces would respond to any further attacks on civilian areas. \
        Officials in Kyiv rejected the accusation and said Russian artillery had shelled three villages.";

    #[test]
    fn small_edits_are_near() {
        let a = signature(BASE);
        for edited in [
            BASE.replace("Tuesday", "Wednesday"),
            BASE.replace("three villages", "3 villages"),
            format!("MOSCOW (Reuters) - {BASE} The ministry did not comment."),
        ] {
            let b = signature(&edited);
            assert!(a.near(&b), "similarity {} for {edited}", a.similarity(&b));
            assert!((0..BANDS).any(|i| a.band(i) == b.band(i)));
        }
    }

    #[test]
    fn different_texts_are_far() {
        let a = signature(BASE);
        let b = signature(
            "Russia accused Ukraine of violating the ceasefire, Egypt's foreign minister said after he met \
             his Qatari counterpart in Cairo on Monday to discuss humanitarian aid deliveries and new talks.",
        );
        assert!(!a.near(&b), "similarity {}", a.similarity(&b));
    }

    #[test]
    fn short_texts_need_identity() {
        let a = signature("Russia accused Ukraine.");
        assert!(a.shingles < MIN_SHINGLES);
        assert!(a.near(&signature("russia accused ukraine")));
        assert!(!a.near(&signature("Russia accused Georgia.")));
    }

    #[test]
    fn bytes_round_trip() {
        let a = signature(BASE);
        assert_eq!(Signature::from_bytes(&a.to_bytes(), a.shingles), Some(a.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3], 1), None);
    }

    /// A plain implementation of the definition, kept to prove the fast one
    /// identical (stored band values must stay comparable): words by
    /// `char::is_alphanumeric`, lower-cased char by char (so a final sigma
    /// stays σ); FNV-1a per word; each 3-shingle's
    /// feature; one slot per feature; empty slots filled along their probe
    /// sequence.
    fn reference(text: &str) -> Signature {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.chars()
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
                    .bytes()
                    .fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
            })
            .collect();
        let mut padded = words.clone();
        padded.resize(words.len().max(3), 0);
        let mut features: Vec<u64> =
            padded.windows(3).map(|w| mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42))).collect();
        if words.is_empty() {
            features.clear();
        }
        features.sort_unstable();
        features.dedup();
        let slot_of = |f: u64| (f >> (64 - SLOT_BITS)) as usize;
        let mut mins = [u32::MAX; HASHES];
        for (i, slot) in mins.iter_mut().enumerate() {
            *slot =
                features.iter().filter(|&&f| slot_of(f) == i).map(|&f| f as u32).min().unwrap_or(u32::MAX);
        }
        let filled: Vec<bool> = (0..HASHES).map(|i| features.iter().any(|&f| slot_of(f) == i)).collect();
        let mut dense = mins;
        if filled.iter().any(|&f| f) {
            for (i, out) in dense.iter_mut().enumerate() {
                if !filled[i] {
                    let p = (0..).map(|attempt| probe(i, attempt)).find(|&p| filled[p]).unwrap_or(i);
                    *out = mins[p];
                }
            }
        }
        Signature { mins: dense, shingles: features.len() }
    }

    #[test]
    fn the_estimate_tracks_jaccard_similarity() {
        // 200 distinct words; texts sharing a growing prefix of them.
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let text = |from: usize| words[from..from + 200].join(" ");
        let base = signature(&text(0));
        for shift in [0usize, 20, 60, 100, 150] {
            let other = signature(&text(shift));
            // Shared 3-shingles: 198 - shift of 198 + shift distinct.
            let shared = 198usize.saturating_sub(shift) as f64;
            let jaccard = shared / (198 + shift) as f64;
            let est = base.similarity(&other);
            assert!((est - jaccard).abs() < 0.2, "shift {shift}: estimate {est}, Jaccard {jaccard}");
        }
    }

    #[test]
    fn same_as_the_reference() {
        for t in [BASE, "", "one", "Two words", "ΟΔΟΣ ΣΟΦΟΣ Σ ΑΣ İstanbul Straße ǅemal 3 x", "a  b\tc\nd"]
        {
            assert_eq!(signature(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn band_index_finds_shares_and_forgets() {
        let a = signature(BASE);
        let b = signature(&BASE.replace("Tuesday", "Wednesday"));
        let far = signature("Egypt's foreign minister met his Qatari counterpart in Cairo on Monday.");
        let mut idx = BandIndex::default();
        idx.insert(&a.bands(), 7);
        idx.insert(&b.bands(), 9);
        assert_eq!(idx.max_article, 9);
        assert_eq!(idx.candidates(&b.bands()), vec![7, 9]);
        assert!(idx.candidates(&far.bands()).is_empty());
        idx.remove(&a.bands(), 7);
        assert_eq!(idx.candidates(&a.bands()), vec![9]);
        idx.remove(&b.bands(), 9);
        assert!(idx.candidates(&a.bands()).is_empty());
        // One walk: the candidates before the article, then the article.
        let mut one = BandIndex::default();
        assert!(one.candidates_then_insert(&a.bands(), 7).is_empty());
        assert_eq!(one.candidates_then_insert(&b.bands(), 9), vec![7]);
        assert_eq!(one.candidates_then_insert(&b.bands(), 11), vec![7, 9]);
        assert!(one.candidates_then_insert(&far.bands(), 12).is_empty());
        assert_eq!((one.candidates(&b.bands()), one.max_article), (vec![7, 9, 11], 12));
        one.remove(&b.bands(), 9);
        assert_eq!(one.candidates(&a.bands()), vec![7, 11]);
        let run = [(7, a.bands()), (9, signature("Ukraine denied it.").bands())];
        let mut bytes = run_to_bytes(&run);
        assert_eq!(run_from_bytes(&bytes).collect::<Vec<_>>(), run);
        bytes.truncate(bytes.len() - 5);
        assert_eq!(run_from_bytes(&bytes).collect::<Vec<_>>(), run[..1]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in ".*") {
            let sig = signature(&s);
            proptest::prop_assert!(sig.near(&sig));
            let _ = sig.band(BANDS + 3);
            proptest::prop_assert_eq!(sig, reference(&s));
        }
    }
}
