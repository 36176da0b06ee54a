//! Measures the embedded gazetteer's load time, memory and matching speed:
//! `cargo run --release -p dyad-context --example gazetteer_load`.

use std::time::Instant;

use dyad_context::gazetteer::Gazetteer;

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let before = rss_kib();
    let t = Instant::now();
    let g = Gazetteer::embedded();
    let load = t.elapsed();
    let after = rss_kib();
    println!("places: {}", g.len());
    println!("load (places + precomputed index): {load:.2?}");
    if let (Some(b), Some(a)) = (before, after) {
        println!("resident memory added: {:.1} MiB", (a.saturating_sub(b)) as f64 / 1024.0);
    }
    let text =
        "Russian drones struck Kharkiv and Odesa overnight, officials in Kyiv said, as talks in Geneva \
                between Washington and Moscow stalled over the Black Sea and the Middle East.";
    let n = 2000;
    let t = Instant::now();
    let mut found = 0;
    for _ in 0..n {
        found += g.find_places(text, "en").len();
    }
    let per = t.elapsed() / n;
    println!(
        "find_places: {per:.2?} per {}-char sentence ({} mentions)",
        text.chars().count(),
        found / n as usize
    );
}
