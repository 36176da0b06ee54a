//! Prometheus metrics in the text exposition format (version 0.0.4).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Latency histogram bucket bounds, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

/// Counters and histograms the server keeps.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    in_flight: AtomicU64,
    /// Articles coded by `POST /v1/code` and `POST /v1/articles`.
    pub articles_coded: AtomicU64,
    /// Events coded.
    pub events_coded: AtomicU64,
    /// Articles stored by `POST /v1/articles`.
    pub articles_stored: AtomicU64,
    /// Panics caught.
    pub panics: AtomicU64,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Escapes a label value.
fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

impl Metrics {
    /// A request started.
    pub fn start(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// A request on `route` (the matched path pattern) ended.
    pub fn finish(&self, method: &str, route: &str, status: u16, took: Duration) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        *lock(&self.requests).entry((method.to_string(), route.to_string(), status)).or_default() += 1;
        let secs = took.as_secs_f64();
        let mut lat = lock(&self.latency);
        let h = lat.entry(route.to_string()).or_default();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                h.counts[i] += 1;
            }
        }
        h.sum += secs;
        h.count += 1;
    }

    /// Adds `n` to a counter.
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// The exposition text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP dyad_http_requests_total HTTP requests by method, route and status.\n");
        out.push_str("# TYPE dyad_http_requests_total counter\n");
        for ((m, r, s), n) in lock(&self.requests).iter() {
            let _ = writeln!(
                out,
                "dyad_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{s}\"}} {n}",
                esc(m),
                esc(r)
            );
        }
        out.push_str("# HELP dyad_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE dyad_http_request_duration_seconds histogram\n");
        for (r, h) in lock(&self.latency).iter() {
            let r = esc(r);
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "dyad_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"{bound}\"}} {}",
                    h.counts[i]
                );
            }
            let _ = writeln!(
                out,
                "dyad_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(out, "dyad_http_request_duration_seconds_sum{{route=\"{r}\"}} {}", h.sum);
            let _ = writeln!(out, "dyad_http_request_duration_seconds_count{{route=\"{r}\"}} {}", h.count);
        }
        let gauge = |out: &mut String, name: &str, help: &str, kind: &str, v: u64| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {v}");
        };
        gauge(
            &mut out,
            "dyad_http_requests_in_flight",
            "Requests being handled.",
            "gauge",
            self.in_flight.load(Ordering::Relaxed),
        );
        gauge(
            &mut out,
            "dyad_articles_coded_total",
            "Articles coded.",
            "counter",
            self.articles_coded.load(Ordering::Relaxed),
        );
        gauge(
            &mut out,
            "dyad_events_coded_total",
            "Events coded.",
            "counter",
            self.events_coded.load(Ordering::Relaxed),
        );
        gauge(
            &mut out,
            "dyad_articles_stored_total",
            "Articles stored through the API.",
            "counter",
            self.articles_stored.load(Ordering::Relaxed),
        );
        gauge(
            &mut out,
            "dyad_panics_total",
            "Panics caught before reaching a client.",
            "counter",
            self.panics.load(Ordering::Relaxed),
        );
        if let Some(rss) = resident_bytes() {
            gauge(&mut out, "process_resident_memory_bytes", "Resident memory size in bytes.", "gauge", rss);
        }
        out
    }
}

/// Resident set size from `/proc/self/statm` (Linux), in bytes.
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}
