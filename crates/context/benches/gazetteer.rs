//! Gazetteer benchmarks: loading the embedded data and finding places in a sentence.
//! `cargo bench -p dyad-context --bench gazetteer`.
#![allow(missing_docs)] // criterion_group! generates an undocumented fn

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use dyad_context::gazetteer::Gazetteer;

const SENTENCES: &[(&str, &str)] = &[
    (
        "en",
        "Russian drones struck Kharkiv and Odesa overnight, officials in Kyiv said, as talks in Geneva \
         between Washington and Moscow stalled over the Black Sea and the Middle East.",
    ),
    ("it", "Il ministro è volato a Parigi e poi in Medio Oriente, dove ha incontrato i leader di Gaza."),
    ("es", "El presidente viajó a Londres y a Ciudad de México tras la cumbre de Buenos Aires."),
    ("fr", "Le président s'est rendu à Bruxelles puis en Allemagne pour parler de la Côte d'Ivoire."),
    ("de", "Die Kanzlerin reiste nach München und in die Türkei, dann über Wien zurück nach Berlin."),
];

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(20);
    g.bench_function("load_embedded", |b| b.iter(|| black_box(Gazetteer::load_embedded().len())));
    g.finish();
}

fn find(c: &mut Criterion) {
    let gaz = Gazetteer::embedded();
    let mut g = c.benchmark_group("gazetteer");
    g.bench_function("find_places_en_171_chars", |b| {
        let (lang, text) = SENTENCES[0];
        b.iter(|| black_box(gaz.find_places(black_box(text), lang).len()))
    });
    g.bench_function("find_places_5_sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for (lang, text) in SENTENCES {
                n += gaz.find_places(black_box(text), lang).len();
            }
            black_box(n)
        })
    });
    g.bench_function("lookup", |b| b.iter(|| black_box(gaz.lookup(black_box("Parigi")).len())));
    g.finish();
}

criterion_group!(benches, load, find);
criterion_main!(benches);
