//! Benchmarks `TextPipeline::process` on news sentences: the first 500
//! sentences of `../shared/anchors/bench/corpus.jsonl` when present, otherwise
//! generated ones.
#![allow(missing_docs)] // criterion_group! generates an undocumented fn

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_text::{Lang, TextPipeline};

fn anchors() -> PathBuf {
    std::env::var_os("DYAD_ANCHORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/anchors")))
}

/// Pulls the `"text"` string out of a corpus line (the corpus is ASCII JSON).
fn text_field(line: &str) -> Option<String> {
    let start = line.find("\"text\": \"")? + 9;
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
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

fn sentences() -> Vec<String> {
    if let Ok(text) = std::fs::read_to_string(anchors().join("bench/corpus.jsonl")) {
        let v: Vec<String> = text.lines().filter_map(text_field).take(500).collect();
        if !v.is_empty() {
            return v;
        }
    }
    eprintln!("anchors not found: using generated sentences");
    let subjects =
        ["Egypt's foreign minister", "Mr. Smith", "The U.N. envoy", "Rebels in the north", "George W. Bush"];
    let verbs = ["met", "said", "accused", "held talks with", "signed an agreement with"];
    let objects =
        ["the Israeli prime minister", "officials in Cairo", "the opposition leaders", "the U.S. delegation"];
    (0..500)
        .map(|i| {
            format!(
                "{} {} {} on Tuesday in a two-day meeting about 1,500 refugees, officials said, adding that talks would continue next week.",
                subjects[i % subjects.len()],
                verbs[(i / 5) % verbs.len()],
                objects[(i / 25) % objects.len()]
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let p = TextPipeline::new();
    p.preload(&[Lang::En]);
    let sents = sentences();
    let words: usize = sents.iter().map(|s| s.split_whitespace().count()).sum();
    eprintln!("{} sentences, {:.1} words on average", sents.len(), words as f64 / sents.len() as f64);
    let article = sents.join(" ");
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Elements(sents.len() as u64));
    g.bench_function("process_sentences_en_given", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(p.process(black_box(s), None, Some(Lang::En)));
            }
        })
    });
    g.bench_function("process_sentences_detect", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(p.process(black_box(s), None, None));
            }
        })
    });
    g.bench_function("process_as_one_article_detect", |b| {
        b.iter(|| black_box(p.process(black_box(&article), None, None)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = bench
}
criterion_main!(benches);
