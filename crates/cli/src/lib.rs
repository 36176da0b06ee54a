//! The `dyad` command-line tool, as a library so that tests and benchmarks
//! can drive each subcommand without a process.

pub mod code;
pub mod dictionaries;
pub mod eval;
pub mod export;
pub mod gold;
pub mod ingest;
pub mod query;
pub mod serve;
