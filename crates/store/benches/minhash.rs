//! Cost of an article's MinHash signature, which every ingested article pays
//! on a coding thread.
//!
//! The texts are the first 5,000 records of `<anchors>/bench/corpus.jsonl`
//! (`DYAD_ANCHORS`, default `../shared/anchors`): news sentences, the
//! shortest kind of article. Without the anchors, synthetic sentences of the
//! same length stand in (a notice says so). A longer article (the texts
//! joined by fifties) shows the cost per shingle on full articles.
//!
//! Run with `cargo bench -p dyad-store --bench minhash`.

#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_store::minhash::signature;

const TEXTS: usize = 5_000;

fn texts() -> Vec<String> {
    let dir = std::env::var_os("DYAD_ANCHORS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("../shared/anchors")
    });
    let corpus = dir.join("bench/corpus.jsonl");
    if let Ok(data) = std::fs::read_to_string(&corpus) {
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .take(TEXTS)
            .collect();
        if !texts.is_empty() {
            return texts;
        }
    }
    eprintln!("minhash bench: {} not found, using synthetic sentences", corpus.display());
    let words = ["minister", "talks", "Cairo", "ceasefire", "said", "on", "Monday", "troops", "the", "aid"];
    (0..TEXTS)
        .map(|i| (0..25).map(|j| words[(i * 7 + j * 3 + j * j) % words.len()]).collect::<Vec<_>>().join(" "))
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("minhash");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| texts.iter().map(|t| signature(t).shingles).sum::<usize>())
    });
    let articles: Vec<String> = texts.chunks(50).map(|c| c.join(" ")).collect();
    group.bench_function("articles", |b| {
        b.iter(|| articles.iter().map(|t| signature(t).shingles).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
