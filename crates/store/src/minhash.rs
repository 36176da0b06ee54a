//! MinHash signatures for near-duplicate article detection.
//!
//! An article's signature is the minimum of [`HASHES`] independent hash
//! functions over its word 3-shingles (lower-cased). The fraction of equal
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

fn mix(mut h: u64) -> u64 {
    // splitmix64 finaliser.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
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

/// The multiply-shift keys of each slot: an odd multiplier and an addend,
/// drawn from splitmix64.
const SLOT_KEYS: [(u64, u64); HASHES] = slot_keys();

const fn slot_keys() -> [(u64, u64); HASHES] {
    const fn splitmix(state: u64) -> u64 {
        let mut h = state;
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
    let mut out = [(0u64, 0u64); HASHES];
    let mut i = 0;
    while i < HASHES {
        let seed = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        out[i] = (splitmix(seed) | 1, splitmix(seed ^ 0xd1b5_4a32_d192_ed03));
        i += 1;
    }
    out
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
    // The lower-cased words joined by single spaces, so that a shingle is
    // one slice of `joined` (the same bytes as joining its three words).
    let mut joined = String::with_capacity(text.len());
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        let start = joined.len();
        if w.is_ascii() {
            joined.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            joined.push_str(&w.to_lowercase());
        }
        ends.push((start, joined.len()));
    }
    let bytes = joined.as_bytes();
    let mut features: Vec<u64> = if ends.len() < 3 {
        if ends.is_empty() {
            Vec::new()
        } else {
            vec![fnv1a(bytes)]
        }
    } else {
        ends.windows(3)
            .filter_map(|w| match w {
                [(start, _), _, (_, end)] => bytes.get(*start..*end).map(fnv1a),
                _ => None,
            })
            .collect()
    };
    features.sort_unstable();
    features.dedup();
    // Slot `i` hashes a feature `f` (already splitmix-mixed) with the
    // multiply-shift family `(a_i * f + b_i) >> 32`: one multiply per slot
    // instead of a full mix (schema version 6 recomputed the signatures
    // stored before).
    let mut mins = [u32::MAX; HASHES];
    for &f in &features {
        for (slot, (a, b)) in mins.iter_mut().zip(SLOT_KEYS.iter()) {
            let v = (a.wrapping_mul(f).wrapping_add(*b) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    Signature { mins, shingles: features.len() }
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
pub(crate) fn bands_to_bytes(bands: &[i64; BANDS]) -> Vec<u8> {
    bands.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Band values read back from [`bands_to_bytes`]; `None` for a wrong length.
pub(crate) fn bands_from_bytes(bytes: &[u8]) -> Option<[i64; BANDS]> {
    if bytes.len() != BANDS * 8 {
        return None;
    }
    let mut out = [0i64; BANDS];
    for (slot, chunk) in out.iter_mut().zip(bytes.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *slot = i64::from_le_bytes(b);
    }
    Some(out)
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

    /// The first implementation, kept to prove the faster one identical
    /// (stored signatures must stay comparable).
    fn reference(text: &str) -> Signature {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut features: Vec<u64> = if words.len() < 3 {
            if words.is_empty() {
                Vec::new()
            } else {
                vec![fnv1a(words.join(" ").as_bytes())]
            }
        } else {
            words.windows(3).map(|w| fnv1a(w.join(" ").as_bytes())).collect()
        };
        features.sort_unstable();
        features.dedup();
        let mut mins = [u32::MAX; HASHES];
        for (i, slot) in mins.iter_mut().enumerate() {
            // Slot i's multiply-shift hash, keyed from splitmix64 directly.
            let seed = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let a = mix(seed) | 1;
            let b = mix(seed ^ 0xd1b5_4a32_d192_ed03);
            *slot = features
                .iter()
                .map(|f| (a.wrapping_mul(*f).wrapping_add(b) >> 32) as u32)
                .min()
                .unwrap_or(u32::MAX);
        }
        Signature { mins, shingles: features.len() }
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
        assert_eq!(bands_from_bytes(&bands_to_bytes(&a.bands())), Some(a.bands()));
        assert_eq!(bands_from_bytes(&[0; 5]), None);
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
