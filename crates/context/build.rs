//! Precomputes the name index of the embedded gazetteer (`data/gazetteer.tsv`): an `fst` map
//! from normalized name to its place ids, written to `OUT_DIR` and embedded with
//! `include_bytes!`, so that `Gazetteer::embedded()` need not normalize, hash or build an
//! automaton at run time. The parsing and indexing code is the library's own
//! (`src/gazetteer/table.rs`, `src/normalize.rs`), so both agree by construction.

#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/gazetteer/table.rs"]
mod table;

use std::path::PathBuf;
use std::process::exit;

fn fail(message: String) -> ! {
    eprintln!("dyad-context build: {message}");
    exit(1)
}

fn main() {
    for f in ["data/gazetteer.tsv", "src/gazetteer/table.rs", "src/normalize.rs", "build.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else { fail("OUT_DIR is not set".into()) };
    let text = std::fs::read_to_string("data/gazetteer.tsv")
        .unwrap_or_else(|e| fail(format!("data/gazetteer.tsv: {e}")));
    let rows =
        table::parse_rows(&text).unwrap_or_else(|(line, m)| fail(format!("data/gazetteer.tsv:{line}: {m}")));
    let names = rows.iter().enumerate().flat_map(|(i, r)| {
        let i = u32::try_from(i).unwrap_or_else(|_| fail("more than 2^32 places".into()));
        table::split_names(r.names).map(move |n| (i, n))
    });
    let index = table::build_index(names).unwrap_or_else(|m| fail(m));
    for (name, bytes) in [
        ("gazetteer.fst", &index.fst),
        ("gazetteer.lower.fst", &index.lower),
        ("gazetteer.postings", &index.postings),
        ("gazetteer.first_words", &index.first_words),
    ] {
        let path = out.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    }
    let offsets: Vec<u8> = table::row_offsets(&text).iter().flat_map(|o| o.to_le_bytes()).collect();
    if offsets.len() != rows.len() * 4 {
        fail(format!("{} row offsets for {} rows", offsets.len() / 4, rows.len()));
    }
    let path = out.join("gazetteer.rows");
    std::fs::write(&path, offsets).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let count = rows.len().to_string();
    let path = out.join("gazetteer.count");
    std::fs::write(&path, count).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
}
