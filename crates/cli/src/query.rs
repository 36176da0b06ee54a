//! `dyad query`: read events back from a store.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dyad_store::{AggregateRow, DyadLevel, EventRow, Filter, Period, Store};

use crate::code::parse_date_arg;
use crate::ingest::DEFAULT_DB;

/// Which events to select; shared by `dyad query` and `dyad export`.
///
/// An ACTOR is a three-letter country code (`EGY`, matching the actor's
/// country), a full actor code (`EGYGOV`, `~REB`), or a prefix ending in `*`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Events with this actor on either side (repeat or comma-separate for any of several).
    #[arg(long, value_name = "ACTOR", value_delimiter = ',')]
    pub actor: Vec<String>,
    /// Events whose source (Actor1) is this actor.
    #[arg(long, value_name = "ACTOR")]
    pub source: Option<String>,
    /// Events whose target (Actor2) is this actor.
    #[arg(long, value_name = "ACTOR")]
    pub target: Option<String>,
    /// One dyad, source and target: `--dyad RUS,UKR`.
    #[arg(long, value_name = "SOURCE,TARGET", conflicts_with_all = ["source", "target"])]
    pub dyad: Option<String>,
    /// With --dyad or --source/--target: both directions.
    #[arg(long)]
    pub undirected: bool,
    /// CAMEO codes: a two-digit root (`14`) or a code with the codes under it (`042`).
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub cameo: Vec<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_name = "1-4", value_delimiter = ',', value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Vec<u8>,
    /// First day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Last day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// One calendar year (same as --from YEAR-01-01 --to YEAR-12-31).
    #[arg(long, value_name = "YYYY", conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// Language of the coded sentence (`en`, `it`, …), repeat or comma-separate.
    #[arg(long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,
    /// Words the event's sentence or actor names contain.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

impl FilterArgs {
    /// The store filter these flags describe.
    ///
    /// # Errors
    ///
    /// A malformed `--dyad` or `--year`.
    pub fn filter(&self) -> Result<Filter> {
        let (mut source, mut target) = (self.source.clone(), self.target.clone());
        if let Some(d) = &self.dyad {
            let Some((s, t)) = d.split_once(',').or_else(|| d.split_once('-')) else {
                bail!("--dyad {d:?}: write SOURCE,TARGET, for example --dyad RUS,UKR");
            };
            source = Some(s.trim().to_string());
            target = Some(t.trim().to_string());
        }
        let (mut from, mut to) = (self.from, self.to);
        if let Some(y) = self.year {
            from =
                Some(NaiveDate::from_ymd_opt(y, 1, 1).with_context(|| format!("--year {y} is not a year"))?);
            to = NaiveDate::from_ymd_opt(y, 12, 31);
        }
        Ok(Filter {
            actors: self.actor.clone(),
            source,
            target,
            undirected: self.undirected,
            cameo: self.cameo.clone(),
            quad_classes: self.quad.clone(),
            from,
            to,
            langs: self.lang.clone(),
            text: self.text.clone(),
            limit: self.limit,
        })
    }
}

/// Output format of `dyad query`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// A table on a terminal, JSONL otherwise.
    Auto,
    /// A readable table.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

/// Aggregation period.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Calendar days.
    Day,
    /// Weeks starting on Monday.
    Week,
    /// Calendar months.
    Month,
}

/// What one side of a dyad is in aggregates.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// The actor's country (its code when it has none).
    Country,
    /// The full actor code.
    Code,
}

/// Arguments of `dyad query`.
#[derive(Args, Debug)]
pub struct QueryArgs {
    /// Which events.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The store.
    #[arg(long, value_name = "PATH", default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Auto)]
    pub format: QueryFormat,
    /// Count events and average Goldstein per dyad per period instead of listing events.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub aggregate: Option<PeriodArg>,
    /// With --aggregate: group actors by country or by full code.
    #[arg(long, value_enum, default_value_t = LevelArg::Country)]
    pub by: LevelArg,
    /// Only print how many events match.
    #[arg(long, conflicts_with = "aggregate")]
    pub count: bool,
}

/// Rows shown in a table when no --limit is given.
const TABLE_ROWS: u64 = 100;

/// Runs `dyad query`.
pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let mut filter = args.filter.filter()?;
    let format = match args.format {
        QueryFormat::Auto if io::stdout().is_terminal() => QueryFormat::Table,
        QueryFormat::Auto => QueryFormat::Jsonl,
        f => f,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    store.snapshot(|store| {
        if args.count {
            writeln!(out, "{}", store.count(&filter)?).map_err(io_err)?;
            return Ok(());
        }
        if let Some(p) = args.aggregate {
            let period = match p {
                PeriodArg::Day => Period::Day,
                PeriodArg::Week => Period::Week,
                PeriodArg::Month => Period::Month,
            };
            let level = match args.by {
                LevelArg::Country => DyadLevel::Country,
                LevelArg::Code => DyadLevel::Code,
            };
            let rows = store.aggregate(&filter, period, level)?;
            write_aggregates(&mut out, format, &rows).map_err(io_err)?;
            return Ok(());
        }
        let mut total = None;
        if format == QueryFormat::Table && filter.limit.is_none() {
            filter.limit = Some(TABLE_ROWS);
            total = Some(store.count(&filter)?);
        }
        let mut rows = Vec::new();
        match format {
            QueryFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(CSV_HEADER).map_err(|e| io_err(e.into()))?;
                store.events(&filter, |e| w.write_record(csv_row(&e)).map_err(|e| io_err(e.into())))?;
                w.flush().map_err(io_err)?;
            }
            QueryFormat::Jsonl => store.events(&filter, |e| {
                serde_json::to_writer(&mut out, &e).map_err(|e| io_err(e.into()))?;
                out.write_all(b"\n").map_err(io_err)
            })?,
            _ => store.events(&filter, |e| {
                rows.push(e);
                Ok::<_, dyad_store::StoreError>(())
            })?,
        }
        if format == QueryFormat::Table {
            write_table(&mut out, &rows).map_err(io_err)?;
            if let Some(total) = total {
                if total > rows.len() as u64 {
                    eprintln!(
                        "dyad: showing {} of {total} events; use --limit N, --format jsonl or csv for more",
                        rows.len()
                    );
                }
            }
        }
        Ok(())
    })?;
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

fn io_err(e: io::Error) -> dyad_store::StoreError {
    dyad_store::StoreError::Io { path: PathBuf::from("standard output"), source: e }
}

const CSV_HEADER: [&str; 24] = [
    "event_id",
    "date",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "num_mentions",
    "num_sources",
    "num_articles",
    "lang",
    "source_url",
    "article_id",
    "sentence",
    "date_precision",
    "date_text",
    "location",
    "location_text",
    "location_country",
    "lat",
    "lon",
];

fn csv_row(e: &EventRow) -> [String; 24] {
    let opt = |v: Option<String>| v.unwrap_or_default();
    [
        e.id.to_string(),
        opt(e.date.map(|d| d.to_string())),
        e.source_code.clone(),
        e.source_country.clone(),
        e.target_code.clone(),
        e.target_country.clone(),
        e.cameo.clone(),
        e.cameo_root.clone(),
        opt(e.quad_class.map(|q| q.to_string())),
        opt(e.goldstein.map(|g| g.to_string())),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.lang.clone(),
        opt(e.source_url.clone()),
        e.article_id.clone(),
        opt(e.sentence.clone()),
        opt(e.date_precision.clone()),
        opt(e.date_text.clone()),
        opt(e.action_geo.fullname.clone()),
        opt(e.action_geo.text.clone()),
        opt(e.action_geo.cameo_country.clone()),
        opt(e.action_geo.lat.map(|v| v.to_string())),
        opt(e.action_geo.lon.map(|v| v.to_string())),
    ]
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn table<W: Write>(out: &mut W, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(header.iter().map(|h| h.to_string()).collect()))?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}

fn write_table<W: Write>(out: &mut W, rows: &[EventRow]) -> io::Result<()> {
    let header = [
        "ID", "DATE", "SOURCE", "TARGET", "CAMEO", "QUAD", "GOLD", "MENT", "SRC", "ART", "PLACE", "SENTENCE",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                e.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                if e.source_code.is_empty() { "-".into() } else { e.source_code.clone() },
                if e.target_code.is_empty() { "-".into() } else { e.target_code.clone() },
                e.cameo.clone(),
                e.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                e.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default(),
                e.num_mentions.to_string(),
                e.num_sources.to_string(),
                e.num_articles.to_string(),
                truncate(
                    e.action_geo.text.as_deref().or(e.action_geo.fullname.as_deref()).unwrap_or("-"),
                    20,
                ),
                truncate(e.sentence.as_deref().unwrap_or(""), 60),
            ]
        })
        .collect();
    table(out, &header, &cells)
}

fn write_aggregates<W: Write>(out: &mut W, format: QueryFormat, rows: &[AggregateRow]) -> io::Result<()> {
    match format {
        QueryFormat::Jsonl | QueryFormat::Auto => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        QueryFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["period", "source", "target", "events", "mentions", "avg_goldstein"])?;
            for r in rows {
                w.write_record([
                    r.period.to_string(),
                    r.source.clone(),
                    r.target.clone(),
                    r.events.to_string(),
                    r.mentions.to_string(),
                    r.avg_goldstein.map(|g| g.to_string()).unwrap_or_default(),
                ])?;
            }
            w.flush()
        }
        QueryFormat::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.period.to_string(),
                        r.source.clone(),
                        r.target.clone(),
                        r.events.to_string(),
                        r.mentions.to_string(),
                        r.avg_goldstein.map(|g| format!("{g:.2}")).unwrap_or_default(),
                    ]
                })
                .collect();
            table(out, &["PERIOD", "SOURCE", "TARGET", "EVENTS", "MENTIONS", "AVG_GOLDSTEIN"], &cells)
        }
    }
}
