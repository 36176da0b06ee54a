//! Query latency on a synthetic store of one million events.
//!
//! The store is generated once through the public API (200,000 articles with
//! five events each, over five years and 60 countries with a skewed dyad
//! distribution) and kept at `$DYAD_BENCH_STORE` or
//! `target/dyad-bench-1m.sqlite`. Then:
//! - `one_dyad_one_year`: the busiest dyad's events in 2022, rows read;
//! - `weekly_aggregate_all_dyads`: events and mean Goldstein per country dyad per week.
//!
//! Run with `benchmarks/store_query.sh` or `cargo bench -p dyad-store --bench store_query`.

#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use dyad_coder::{ActorRef, Event, Evidence, Plover, Trigger};
use dyad_ingest::Article;
use dyad_store::{DyadLevel, Filter, Period, Store, StoreError};

const ARTICLES: usize = 200_000;
const EVENTS_PER_ARTICLE: usize = 5;
const COUNTRIES: usize = 60;
const CODES: [(&str, f32, u8); 10] = [
    ("040", 1.0, 1),
    ("042", 1.9, 1),
    ("051", 3.4, 1),
    ("061", 6.4, 2),
    ("0871", 9.0, 2),
    ("111", -2.0, 3),
    ("112", -2.0, 3),
    ("130", -4.4, 3),
    ("173", -5.0, 4),
    ("190", -10.0, 4),
];

fn country(i: usize) -> String {
    let a = (b'A' + (i / 26 % 26) as u8) as char;
    let b = (b'A' + (i % 26) as u8) as char;
    format!("C{a}{b}")
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Skewed towards small indexes: the first countries are the busiest.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((u * u * u) * n as f64) as usize
    }
}

fn store_path() -> PathBuf {
    std::env::var_os("DYAD_BENCH_STORE").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/dyad-bench-1m.sqlite"))
    })
}

fn generate(path: &PathBuf) -> Result<Store, StoreError> {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(path.with_extension("sqlite-wal"));
    let _ = std::fs::remove_file(path.with_extension("sqlite-shm"));
    let mut store = Store::open(path)?;
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let t = Instant::now();
    for chunk in 0..ARTICLES / 1000 {
        let mut batch = store.batch()?;
        for k in 0..1000 {
            let i = chunk * 1000 + k;
            let date = start + chrono::Days::new(rng.next() % 1826);
            let article = Article {
                id: format!("bench-{i}"),
                text: format!("Synthetic article {i}."),
                date: Some(date),
                lang: Some("en".into()),
                title: None,
                url: Some(format!("https://source{}.example/{i}", i % 97)),
                source: None,
                origin: "bench".into(),
            };
            let events: Vec<Event> = (0..EVENTS_PER_ARTICLE)
                .map(|n| {
                    let s = rng.skewed(COUNTRIES);
                    let t = (s + 1 + rng.skewed(COUNTRIES - 1)) % COUNTRIES;
                    let (code, g, q) = CODES[(rng.next() % CODES.len() as u64) as usize];
                    let gov = if rng.next().is_multiple_of(3) { "GOV" } else { "" };
                    let value = |v: &dyn Fn() -> serde_json::Result<serde_json::Value>| v().unwrap_or_default();
                    // Built from JSON so that optional fields the coder adds later default to none.
                    serde_json::from_value::<Event>(serde_json::json!({
                        "event_id": format!("bench-{i}:{n}:0"),
                        "article_id": article.id,
                        "sentence_index": n,
                        "date": date,
                        "lang": "en",
                        "source": value(&|| serde_json::to_value(ActorRef::from_code(&format!("{}{gov}", country(s)), "source", [0, 6]))),
                        "target": value(&|| serde_json::to_value(ActorRef::from_code(&country(t), "target", [10, 16]))),
                        "cameo": code,
                        "cameo_root": &code[..2],
                        "goldstein": g,
                        "quad_class": q,
                        "plover": value(&|| serde_json::to_value(Plover { event_type: None, mode: None })),
                        "evidence": value(&|| serde_json::to_value(Evidence {
                            sentence: format!("Sentence {n} of article {i}."),
                            trigger: Trigger { text: "did".into(), span: [7, 10] },
                            rule: "bench".into(),
                        })),
                    }))
                    .map_err(|e| dyad_store::StoreError::Filter(format!("bench event: {e}")))
                })
                .collect::<Result<_, _>>()?;
            batch.add(&article, &events)?;
        }
        batch.commit()?;
    }
    let stats = store.stats()?;
    eprintln!(
        "generated {} articles, {} events, {} mentions in {:.1}s ({:.0} events/s)",
        stats.articles,
        stats.events,
        stats.mentions,
        t.elapsed().as_secs_f64(),
        stats.mentions as f64 / t.elapsed().as_secs_f64()
    );
    Ok(store)
}

fn open_or_generate() -> Result<Store, StoreError> {
    let path = store_path();
    if path.exists() {
        // Store::open applies any newer migrations to a store from an older run.
        let store = Store::open(&path)?;
        if store.stats()?.events >= 900_000 {
            return Ok(store);
        }
    }
    generate(&path)
}

fn bench(c: &mut Criterion) {
    let store = match open_or_generate() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot build the benchmark store: {e}");
            return;
        }
    };
    let events = store.stats().map(|s| s.events).unwrap_or(0);
    let dyad = Filter {
        source: Some(country(0)),
        target: Some(country(1)),
        from: NaiveDate::from_ymd_opt(2022, 1, 1),
        to: NaiveDate::from_ymd_opt(2022, 12, 31),
        ..Filter::default()
    };
    let rows = store.count(&dyad).unwrap_or(0);
    eprintln!("store: {events} events; one dyad, one year: {rows} events; plan: {:?}", store.explain(&dyad));
    let mut g = c.benchmark_group("store_1m");
    g.sample_size(20);
    g.bench_function("one_dyad_one_year", |b| {
        b.iter(|| {
            let mut n = 0u64;
            let r = store.events(&dyad, |_| {
                n += 1;
                Ok::<_, StoreError>(())
            });
            assert!(r.is_ok() && n == rows);
            n
        })
    });
    g.sample_size(10);
    g.bench_function("weekly_aggregate_all_dyads", |b| {
        b.iter(|| store.aggregate(&Filter::default(), Period::Week, DyadLevel::Country).map(|v| v.len()))
    });
    g.bench_function("monthly_aggregate_one_actor", |b| {
        let f = Filter { actors: vec![country(2)], ..Filter::default() };
        b.iter(|| store.aggregate(&f, Period::Month, DyadLevel::Code).map(|v| v.len()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
