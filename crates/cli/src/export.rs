//! `dyad export`: write a store's events in GDELT, PLOVER, CSV or Parquet form.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use dyad_export::{export, Format};
use dyad_store::Store;

use crate::ingest::DEFAULT_DB;
use crate::query::FilterArgs;

/// Export formats.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Events: 61 tab-separated columns, no header.
    GdeltEvents,
    /// GDELT 2.0 Mentions: 16 tab-separated columns, no header.
    GdeltMentions,
    /// PLOVER JSON records, one per line.
    Plover,
    /// CSV with a header row.
    Csv,
    /// Apache Parquet (needs -o FILE unless standard output is redirected).
    Parquet,
}

/// Arguments of `dyad export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The store.
    #[arg(long, value_name = "PATH", default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Output file (written whole or not at all); standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Which events.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Runs `dyad export`.
pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let filter = args.filter.filter()?;
    let format = match args.format {
        ExportFormat::GdeltEvents => Format::GdeltEvents,
        ExportFormat::GdeltMentions => Format::GdeltMentions,
        ExportFormat::Plover => Format::Plover,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Parquet => Format::Parquet,
    };
    let summary = match &args.output {
        None => {
            if format == Format::Parquet && io::stdout().is_terminal() {
                bail!("Parquet is binary: name a file with -o FILE or redirect standard output");
            }
            let mut out = io::BufWriter::new(io::stdout());
            let s = export(&store, &filter, format, &mut out)?;
            out.flush().context("writing to standard output")?;
            s
        }
        Some(path) => {
            // Write next to the target and rename, so that a failed export
            // never leaves a half-written file under the final name.
            let mut tmp_name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
            tmp_name.push(".partial");
            let tmp = path.with_file_name(tmp_name);
            let file = std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
            let mut out = io::BufWriter::new(file);
            let result = export(&store, &filter, format, &mut out)
                .map_err(anyhow::Error::from)
                .and_then(|s| out.flush().map(|_| s).with_context(|| format!("writing {}", tmp.display())));
            match result {
                Ok(s) => {
                    drop(out);
                    std::fs::rename(&tmp, path)
                        .with_context(|| format!("renaming {} to {}", tmp.display(), path.display()))?;
                    s
                }
                Err(e) => {
                    drop(out);
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e.context(format!("exporting to {}", path.display())));
                }
            }
        }
    };
    let what = if format == Format::GdeltMentions { "mentions" } else { "events" };
    if summary.left_out > 0 {
        eprintln!(
            "dyad: exported {} {what}; {} events without a PLOVER type left out",
            summary.rows, summary.left_out
        );
    } else {
        eprintln!("dyad: exported {} {what}", summary.rows);
    }
    Ok(ExitCode::SUCCESS)
}
