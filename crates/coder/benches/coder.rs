//! Coder throughput on realistic English news sentences.
//!
//! Uses the first 2,000 sentences of `../shared/anchors/bench/corpus.jsonl`
//! when present (with the Phoenix dictionaries), else the bundled example
//! articles with the built-in dictionaries. `scripts/bench.sh` measures the
//! whole program on the whole corpus.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_coder::{ArticleMeta, Coder};
use dyad_lexicon::{foreign, own, Lexicon};
use dyad_text::{Lang, TextPipeline};

fn anchors() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_ANCHORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/anchors")));
    dir.join("bench/corpus.jsonl").is_file().then_some(dir)
}

fn workload() -> (Lexicon, Vec<String>, &'static str) {
    if let Some(dir) = anchors() {
        let p = dir.join("petrarch2");
        let mut lex = Lexicon::default();
        let load = |r: dyad_lexicon::Result<Lexicon>| r.unwrap_or_else(|e| panic!("{e}"));
        lex.extend(load(foreign::load_verbs(&p.join("CAMEO.2.0.txt"))));
        for f in [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ] {
            lex.extend(load(foreign::load_actors(&p.join(f))));
        }
        lex.extend(load(foreign::load_agents(&p.join("Phoenix.agents.txt"))));
        let corpus = std::fs::read_to_string(dir.join("bench/corpus.jsonl")).unwrap_or_default();
        let texts = corpus
            .lines()
            .take(2000)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        (lex, texts, "phoenix/corpus-2000")
    } else {
        let lex = own::builtin("en").unwrap_or_else(|e| panic!("{e}"));
        let text = include_str!("../../../examples/articles/en-gulf-diplomacy.txt");
        (lex, text.split("\n\n").map(str::to_string).collect(), "builtin/example")
    }
}

fn bench(c: &mut Criterion) {
    let (lexicon, texts, name) = workload();
    let coder = Coder::new(&lexicon);
    let pipeline = TextPipeline::new();
    let docs: Vec<_> = texts.iter().map(|t| pipeline.process(t, None, Some(Lang::En))).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let meta = ArticleMeta::new("bench", None);
    let events: usize = docs.iter().map(|d| coder.code_document(d, &meta).events.len()).sum();
    assert!(events > 0, "the workload codes no event: the bench would measure nothing");

    let mut group = c.benchmark_group("coder");
    group.throughput(Throughput::Elements(sentences as u64));
    group.bench_function(format!("code/{name}"), |b| {
        b.iter(|| docs.iter().map(|d| coder.code_document(d, &meta).events.len()).sum::<usize>())
    });
    group.bench_function(format!("text+code/{name}"), |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| coder.code_document(&pipeline.process(t, None, Some(Lang::En)), &meta).events.len())
                .sum::<usize>()
        })
    });
    group.finish();
    c.bench_function("compile/lexicon", |b| b.iter(|| Coder::new(&lexicon)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
