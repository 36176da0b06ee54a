//! `dyad`: code news text into political events.
//!
//! Exit status: 0 when every input record was handled (coded or skipped),
//! 1 when any record failed, 2 on a usage or dictionary error.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dyad_cli::{code, eval, export, ingest, query, serve};

/// dyad reads world news and writes political event data: who did what to
/// whom, coded in CAMEO, with the evidence for each event.
#[derive(Parser, Debug)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code articles and write one event per line to standard output.
    Code(code::CodeArgs),
    /// Run a validation suite (PETRARCH XML or TABARI text) and print scores.
    Eval(eval::EvalArgs),
    /// Code the bundled example articles with the built-in dictionaries.
    Demo,
    /// Code articles and store articles, events and mentions in an SQLite store.
    Ingest(ingest::IngestArgs),
    /// Select events from a store: filters, a table, JSONL or CSV, and aggregates.
    Query(query::QueryArgs),
    /// Write events from a store as GDELT 2.0 TSV, PLOVER JSON, CSV or Parquet.
    Export(export::ExportArgs),
    /// Serve the HTTP API and web dashboard over a store.
    Serve(serve::ServeArgs),
}

// The coder makes many small, short-lived allocations (tokens, lemmas, actor
// codes); mimalloc serves them faster than glibc's malloc and keeps memory
// bounded under the server's thread pool.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Demo => code::demo(),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dyad: {err:#}");
            ExitCode::from(2)
        }
    }
}
