//! Checks against the read-only reference corpus (skipped when absent).

use std::path::PathBuf;

use dyad_text::{Lang, TextPipeline};

fn anchors() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_ANCHORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/anchors")));
    dir.is_dir().then_some(dir)
}

/// The `"text"` field of a corpus line (ASCII JSON with simple escapes).
fn text_field(line: &str) -> Option<String> {
    let start = line.find("\"text\": \"")? + 9;
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Each corpus line is one sentence: the splitter should almost never cut it.
#[test]
fn corpus_lines_stay_whole() {
    let Some(dir) = anchors() else {
        eprintln!("skipping: anchors not found");
        return;
    };
    let path = dir.join("bench/corpus.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: anchors not found ({})", path.display());
        return;
    };
    let p = TextPipeline::new();
    let (mut total, mut split, mut wrong_lang, mut unsure) = (0usize, 0usize, 0usize, 0usize);
    let mut shown = 0;
    for (n, line) in text.lines().enumerate() {
        let Some(s) = text_field(line) else { panic!("{}:{}: no text field", path.display(), n + 1) };
        total += 1;
        let detected = p.process(&s, None, None);
        if detected.lang != Lang::En {
            wrong_lang += 1;
        } else if !detected.lang_reliable {
            unsure += 1;
        }
        let doc = p.process(&s, None, Some(Lang::En));
        if doc.sentences.len() != 1 {
            split += 1;
            if shown < 15 {
                shown += 1;
                let parts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
                eprintln!("{}:{}: {parts:?}", path.display(), n + 1);
            }
        }
    }
    let rate = split as f64 / total.max(1) as f64;
    eprintln!("{split} of {total} corpus sentences split ({:.2}%)", rate * 100.0);
    assert!(total > 1000, "corpus too small: {total}");
    assert!(rate < 0.02, "{split} of {total} single sentences were split");
    eprintln!("language: {wrong_lang} detected as another language, {unsure} unsure (English by fallback)");
    assert!(
        (wrong_lang as f64) < 0.01 * total as f64,
        "{wrong_lang} of {total} English sentences detected as another language"
    );
}

/// Real Spanish AFP sentences: detected as Spanish, and verbs lemmatize.
#[test]
fn spanish_validation_sentences() {
    let Some(dir) = anchors() else {
        eprintln!("skipping: anchors not found");
        return;
    };
    let path = dir.join("universal-petrarch/spanish_protest_plover_validation.xml");
    let Ok(xml) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: anchors not found ({})", path.display());
        return;
    };
    let p = TextPipeline::new();
    let (mut total, mut spanish, mut tokens, mut lemmatized) = (0usize, 0usize, 0usize, 0usize);
    let mut rest = xml.as_str();
    while let Some(a) = rest.find("<Text>") {
        let body = &rest[a + 6..];
        let Some(b) = body.find("</Text>") else { panic!("{}: unclosed <Text>", path.display()) };
        let text = body[..b].trim();
        rest = &body[b..];
        total += 1;
        let doc = p.process(text, None, None);
        spanish += usize::from(doc.lang == Lang::Es);
        if doc.lang != Lang::Es && total - spanish <= 12 {
            eprintln!("not Spanish ({}, reliable {}): {:.90}", doc.lang, doc.lang_reliable, text);
        }
        for t in doc.sentences.iter().flat_map(|s| &s.tokens) {
            if t.kind == dyad_text::TokenKind::Word {
                tokens += 1;
                lemmatized += usize::from(*t.lemma != *t.text.to_lowercase());
            }
        }
    }
    eprintln!(
        "{spanish} of {total} Spanish records detected as Spanish; {lemmatized} of {tokens} words have a lemma that differs"
    );
    assert!(total >= 700, "only {total} records");
    assert!(spanish as f64 >= 0.93 * total as f64, "only {spanish} of {total} detected as Spanish");
    assert!(lemmatized as f64 >= 0.2 * tokens as f64, "only {lemmatized} of {tokens} words lemmatized");
}
