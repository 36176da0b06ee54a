//! `DYAD_DICTIONARY_DIR`: the built-in dictionaries read from a folder at run
//! time. This file is its own test process, because the variable is global.

use std::path::{Path, PathBuf};

use dyad_lexicon::own::{self, DICTIONARY_DIR_ENV};

fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

/// Copies `data/` to a fresh folder, with `extra` appended to `it/verbs.dyad`.
fn copy_with_extra_verb(dest: &Path, extra: &str) {
    for sub in ["it", "kb"] {
        std::fs::create_dir_all(dest.join(sub)).expect("create folder");
        for entry in std::fs::read_dir(data_dir().join(sub)).expect("read data") {
            let path = entry.expect("entry").path();
            let name = path.file_name().expect("file name");
            let mut text = std::fs::read_to_string(&path).expect("read file");
            if sub == "it" && name == "verbs.dyad" {
                text.push_str(extra);
            }
            std::fs::write(dest.join(sub).join(name), text).expect("write file");
        }
    }
}

#[test]
fn built_in_files_are_read_from_the_folder_when_the_variable_is_set() {
    let embedded = own::builtin("it").expect("embedded Italian");
    let lemma = "sbrodolare";

    let dir = std::env::temp_dir().join(format!("dyad-dictionary-dir-{}", std::process::id()));
    copy_with_extra_verb(&dir, &format!("\n{lemma} = 112\n"));
    std::env::set_var(DICTIONARY_DIR_ENV, &dir);
    let from_folder = own::builtin("it");
    // A folder without the language's files fails with the missing path.
    let missing = own::builtin("de");
    std::env::remove_var(DICTIONARY_DIR_ENV);
    let _ = std::fs::remove_dir_all(&dir);

    let from_folder = from_folder.expect("Italian from the folder");
    assert_eq!(from_folder.verbs.len(), embedded.verbs.len() + 1, "{lemma} was not read");
    let err = missing.expect_err("German is not in the folder").to_string();
    assert!(err.contains("de/countries.dyad"), "{err}");
}
