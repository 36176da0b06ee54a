//! Placeholder; replaced by the query benchmark.
fn main() {}
