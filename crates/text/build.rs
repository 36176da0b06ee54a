//! Writes each language's lemma table in the hashed layout that
//! `src/lemma.rs` reads in place (see `src/lemma_table.rs`), so that a
//! table costs nothing to load: no decoding, no hash map built at start.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[path = "src/lemma_table.rs"]
#[allow(dead_code)]
mod lemma_table;

use lemma_table::{decode_front_coded, form_hash, slot_count};

const LANGS: [&str; 5] = ["it", "en", "es", "fr", "de"];

/// Extra entries for clitics the tokenizer splits off.
fn extras(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "en" => &[("n't", "not"), ("'re", "be"), ("'m", "be"), ("'ve", "have"), ("'ll", "will")],
        _ => &[],
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lemma_table.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut skipped = Vec::new();
    for lang in LANGS {
        let path = format!("data/lemmas/{lang}.lem");
        println!("cargo:rerun-if-changed={path}");
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        skipped.push(write_table(&src, extras(lang), &out, lang));
    }
    let skipped = skipped.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    write(&out.join("lemma_skipped.rs"), format!("[{skipped}]\n").as_bytes());
}

/// Writes `<lang>.forms`, `<lang>.lemmas` and `<lang>.index`; returns the
/// number of malformed source lines.
fn write_table(src: &str, extras: &[(&str, &str)], out: &Path, lang: &str) -> usize {
    let mut entries: Vec<(String, String)> = Vec::new();
    let skipped = decode_front_coded(src, |form, lemma| entries.push((form.to_string(), lemma.to_string())));
    for (form, lemma) in extras {
        entries.retain(|(f, _)| f != form);
        entries.push(((*form).to_string(), (*lemma).to_string()));
    }
    // Forms are unique in a well-formed table; should one repeat, the later
    // entry wins (as inserting into a map would).
    let mut last: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    for (i, (form, _)) in entries.iter().enumerate() {
        last.insert(form, i);
    }
    let kept: Vec<&(String, String)> = entries
        .iter()
        .enumerate()
        .filter(|(i, (f, _))| last.get(f.as_str()) == Some(i))
        .map(|(_, e)| e)
        .collect();

    let mut forms = String::new();
    let mut form_offsets = Vec::with_capacity(kept.len() + 1);
    let mut lemmas = String::new();
    let mut lemma_offsets = vec![0u32];
    let mut lemma_ids: HashMap<&str, u32> = HashMap::new();
    let mut entry_lemmas = Vec::with_capacity(kept.len());
    for (form, lemma) in &kept {
        form_offsets.push(word(forms.len()));
        forms.push_str(form);
        let next = lemma_ids.len();
        let id = *lemma_ids.entry(lemma.as_str()).or_insert_with(|| {
            lemmas.push_str(lemma);
            lemma_offsets.push(word(lemmas.len()));
            word(next)
        });
        entry_lemmas.push(id);
    }
    form_offsets.push(word(forms.len()));

    let slots = slot_count(kept.len());
    let mut table = vec![0u32; slots];
    for (i, (form, _)) in kept.iter().enumerate() {
        let mut s = (form_hash(form.as_bytes()) as usize) & (slots - 1);
        while table[s] != 0 {
            s = (s + 1) & (slots - 1);
        }
        table[s] = word(i + 1);
    }
    let mut index = vec![word(kept.len()), word(slots), word(lemma_ids.len())];
    index.extend(table);
    index.extend(form_offsets);
    index.extend(entry_lemmas);
    index.extend(lemma_offsets);
    let bytes: Vec<u8> = index.iter().flat_map(|w| w.to_le_bytes()).collect();
    write(&out.join(format!("{lang}.forms")), forms.as_bytes());
    write(&out.join(format!("{lang}.lemmas")), lemmas.as_bytes());
    write(&out.join(format!("{lang}.index")), &bytes);
    skipped
}

fn word(n: usize) -> u32 {
    u32::try_from(n).unwrap_or_else(|_| panic!("lemma table too large: {n}"))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
