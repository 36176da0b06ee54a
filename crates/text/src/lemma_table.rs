// The lemma tables' two formats, shared by the build script (which reads
// the front-coded source tables and writes the hashed layout) and the library
// (which reads the hashed layout in place). Included by `build.rs` with
// `#[path]`, so it uses nothing outside `std`.
//
// Source format (`data/lemmas/<lang>.lem`, written by
// `scripts/text/build_lemmas.py`): one entry a line, sorted by form:
// `<P><form tail>\t<S><lemma tail>`, P = characters shared with the previous
// line's form, S = characters cut from the end of the form before appending
// the lemma tail.
//
// Hashed layout (written to `OUT_DIR` at build time, embedded, never decoded):
// - `forms`: every form, concatenated in entry order (UTF-8);
// - `lemmas`: every distinct lemma, concatenated (UTF-8);
// - `index`: little-endian u32 words: a header `[entries, slots, lemmas]`,
//   then `slots` words (an open-addressing table, linear probing, at most
//   half full: entry number + 1, 0 for empty), then `entries + 1` form
//   offsets (the last one is the end of `forms`), then `entries` lemma
//   numbers, then `lemmas + 1` lemma offsets.

/// Words in the header of an index.
pub(crate) const HEADER_WORDS: usize = 3;

/// The hash of a form's bytes (FNV-1a, then a finaliser so that the low bits
/// used as the slot number depend on every byte). Build script and library
/// must agree, so it is spelt out here rather than taken from a crate.
pub(crate) fn form_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ (h >> 32)
}

/// How many slots a table of `entries` forms gets: a power of two at least
/// twice the entries, so that probes stay short.
pub(crate) fn slot_count(entries: usize) -> usize {
    (entries.max(1) * 2).next_power_of_two()
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
fn split_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.as_bytes().iter().position(|&b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Decodes a front-coded source table, calling `entry(form, lemma)` for each
/// line in order; returns how many malformed lines were skipped.
pub(crate) fn decode_front_coded(src: &str, mut entry: impl FnMut(&str, &str)) -> usize {
    let mut prev = String::new();
    let mut form = String::new();
    let mut lemma = String::new();
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
        entry(&form, &lemma);
        std::mem::swap(&mut prev, &mut form);
    }
    skipped
}
