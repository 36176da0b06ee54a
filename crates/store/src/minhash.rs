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
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
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
    for f in &features {
        for (i, slot) in mins.iter_mut().enumerate() {
            let v = (mix(f ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    Signature { mins, shingles: features.len() }
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

    proptest::proptest! {
        #[test]
        fn never_panics(s in ".*") {
            let sig = signature(&s);
            proptest::prop_assert!(sig.near(&sig));
            let _ = sig.band(BANDS + 3);
        }
    }
}
