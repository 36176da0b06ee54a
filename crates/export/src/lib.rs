//! Exports from a dyad store in the formats the field reads:
//!
//! - [`Format::GdeltEvents`]: GDELT 2.0 Events TSV, 61 tab-separated
//!   columns in the codebook's order ([`GDELT_EVENT_COLUMNS`]), no header;
//! - [`Format::GdeltMentions`]: GDELT 2.0 Mentions TSV, 16 columns
//!   ([`GDELT_MENTION_COLUMNS`]), no header;
//! - [`Format::Plover`]: PLOVER JSON records, one per line (events without a
//!   PLOVER type are left out and counted);
//! - [`Format::Csv`]: one event per row with a header ([`COLUMNS`]);
//! - [`Format::Parquet`]: the same columns as the CSV, typed, in an Apache
//!   Parquet file (Snappy-compressed row groups of [`PARQUET_ROW_GROUP`] rows).
//!
//! Event locations are the coder's (the place the sentence names, else the
//! dateline): the GDELT `ActionGeo_*` fields, PLOVER's `event_loc` object
//! ([`plover_location`]) and the `action_geo_*` columns. `Actor1Geo_*` and
//! `Actor2Geo_*` stay empty: the coder does not tie places to actors.
//! PLOVER records also carry `date_precision` and `date_text` when known.
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), dyad_export::ExportError> {
//! let dir = tempfile::tempdir()?;
//! let store = dyad_store::Store::open(dir.path().join("s.sqlite"))?;
//! let mut out = Vec::new();
//! let summary = dyad_export::export(&store, &dyad_store::Filter::default(),
//!     dyad_export::Format::GdeltEvents, &mut out)?;
//! assert_eq!((summary.rows, out.len()), (0, 0));
//! # Ok(())
//! # }
//! ```

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};
use dyad_store::{EventRow, Filter, Geo, MentionRow, Store, StoreError};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output.
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Writing JSON.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Building Arrow arrays.
    #[error("building Arrow data: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// Writing Parquet.
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 Events TSV.
    GdeltEvents,
    /// GDELT 2.0 Mentions TSV.
    GdeltMentions,
    /// PLOVER JSON records (JSONL).
    Plover,
    /// CSV with a header.
    Csv,
    /// Apache Parquet.
    Parquet,
}

/// What an export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Rows (events, or mentions for the Mentions table) written.
    pub rows: u64,
    /// Events left out because the format cannot express them (PLOVER
    /// records need a PLOVER type).
    pub left_out: u64,
}

/// The 61 GDELT 2.0 Events columns, in order.
#[rustfmt::skip]
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
];

/// The 16 GDELT 2.0 Mentions columns, in order.
#[rustfmt::skip]
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
];

/// Rows per Parquet row group.
pub const PARQUET_ROW_GROUP: usize = 65_536;

/// Writes the events (or mentions) that `filter` selects from `store` to
/// `out` in `format`. The whole export reads one consistent snapshot.
///
/// # Errors
///
/// [`ExportError`] naming what failed.
pub fn export<W: Write + Send>(
    store: &Store,
    filter: &Filter,
    format: Format,
    out: W,
) -> Result<Summary, ExportError> {
    store.snapshot(|store| {
        Ok(match format {
            Format::GdeltEvents => gdelt_events(store, filter, out),
            Format::GdeltMentions => gdelt_mentions(store, filter, out),
            Format::Plover => plover(store, filter, out),
            Format::Csv => csv_events(store, filter, out),
            Format::Parquet => parquet_events(store, filter, out),
        })
    })?
}

/// Replaces the characters that would break a TSV line.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// An actor code as GDELT writes it: no `~` marker and no `---` placeholder.
fn gdelt_code(code: &str) -> String {
    let c = code.trim_start_matches('~');
    c.strip_prefix("---").unwrap_or(c).to_string()
}

/// Type codes after the country (and first agent): `EGYGOVMIL` gives
/// GOV, MIL; an agent-only code such as `~REBMIL` gives REB, MIL.
fn type_codes(code: &str, country: &str) -> [String; 3] {
    let c = gdelt_code(code);
    let rest = if !country.is_empty() { c.get(country.len()..).unwrap_or("") } else { c.as_str() };
    let mut out: [String; 3] = Default::default();
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = rest.get(i * 3..i * 3 + 3).unwrap_or("").to_string();
    }
    out
}

/// FractionDate as the codebook computes it: YYYY + (MONTH * 30 + DAY) / 365.
pub fn fraction_date(d: NaiveDate) -> f64 {
    f64::from(d.year()) + f64::from(d.month() * 30 + d.day()) / 365.0
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn geo_fields(g: &Geo, line: &mut Vec<String>) {
    line.push(opt(g.geo_type));
    line.push(g.fullname.as_deref().map(clean).unwrap_or_default());
    line.push(opt(g.country.as_deref()));
    line.push(opt(g.adm1.as_deref()));
    line.push(opt(g.adm2.as_deref()));
    line.push(opt(g.lat));
    line.push(opt(g.lon));
    line.push(opt(g.feature_id.as_deref()));
}

/// The 61 fields of one event in GDELT 2.0 form.
pub fn gdelt_event_fields(e: &EventRow) -> Vec<String> {
    let mut f = Vec::with_capacity(61);
    f.push(e.id.to_string());
    match e.date {
        Some(d) => {
            f.push(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()));
            f.push(format!("{:04}{:02}", d.year(), d.month()));
            f.push(format!("{:04}", d.year()));
            f.push(format!("{:.4}", fraction_date(d)));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for (code, name, country) in [
        (&e.source_code, &e.source_name, &e.source_country),
        (&e.target_code, &e.target_name, &e.target_country),
    ] {
        f.push(gdelt_code(code));
        f.push(clean(name).to_uppercase());
        f.push(country.clone());
        // Known group, ethnic, religion 1 and 2: not coded by dyad yet.
        f.extend(std::iter::repeat_n(String::new(), 4));
        f.extend(type_codes(code, country));
    }
    f.push(if e.is_root_event { "1" } else { "0" }.to_string());
    f.push(e.cameo.clone());
    f.push(e.cameo_base.clone());
    f.push(e.cameo_root.clone());
    f.push(opt(e.quad_class));
    f.push(opt(e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push(e.avg_tone.unwrap_or(0.0).to_string());
    geo_fields(&e.actor1_geo, &mut f);
    geo_fields(&e.actor2_geo, &mut f);
    geo_fields(&e.action_geo, &mut f);
    f.push(e.date_added.to_string());
    f.push(e.source_url.as_deref().map(clean).unwrap_or_default());
    f
}

/// The 16 fields of one mention in GDELT 2.0 form.
pub fn gdelt_mention_fields(m: &MentionRow) -> Vec<String> {
    let identifier = m.url.clone().unwrap_or_else(|| m.article_id.clone());
    let web = identifier.starts_with("http://") || identifier.starts_with("https://");
    let offset = |o: Option<i64>| o.unwrap_or(-1).to_string();
    vec![
        m.event_id.to_string(),
        m.event_added.to_string(),
        m.mention_added.to_string(),
        if web { "1" } else { "2" }.to_string(),
        clean(&m.source_name),
        clean(&identifier),
        (m.sentence_index + 1).to_string(),
        offset(m.actor1_offset),
        offset(m.actor2_offset),
        offset(m.action_offset),
        if m.in_raw_text { "1" } else { "0" }.to_string(),
        m.confidence.to_string(),
        m.doc_len.to_string(),
        "0".to_string(),
        String::new(),
        String::new(),
    ]
}

fn tsv_line<W: Write>(out: &mut W, fields: &[String]) -> std::io::Result<()> {
    out.write_all(fields.join("\t").as_bytes())?;
    out.write_all(b"\n")
}

fn gdelt_events<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<Summary, ExportError> {
    let mut out = std::io::BufWriter::new(out);
    let mut s = Summary::default();
    store.events(filter, |e| {
        tsv_line(&mut out, &gdelt_event_fields(&e))?;
        s.rows += 1;
        Ok::<_, ExportError>(())
    })?;
    out.flush()?;
    Ok(s)
}

fn gdelt_mentions<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<Summary, ExportError> {
    let mut out = std::io::BufWriter::new(out);
    let mut s = Summary::default();
    store.mentions(filter, |m| {
        tsv_line(&mut out, &gdelt_mention_fields(&m))?;
        s.rows += 1;
        Ok::<_, ExportError>(())
    })?;
    out.flush()?;
    Ok(s)
}

fn plover_entity(code: &str, country: &str, agent: &str, text: &str) -> serde_json::Value {
    let top = if country.is_empty() { gdelt_code(code) } else { country.to_string() };
    let mut o = serde_json::json!({ "code": top, "entity_text": text });
    if !agent.is_empty() {
        o["sector"] = agent.into();
    }
    o
}

/// One event as a PLOVER JSON record; `None` when it has no PLOVER type.
pub fn plover_record(e: &EventRow) -> Option<serde_json::Value> {
    let event_type = e.plover_type.as_deref().filter(|t| !t.is_empty())?;
    let mut r = serde_json::json!({
        "id": format!("dyad-{}", e.id),
        "date": e.date.map(|d| d.to_string()),
        "actor": [plover_entity(&e.source_code, &e.source_country, &e.source_agent, &e.source_name)],
        "recipient": [plover_entity(&e.target_code, &e.target_country, &e.target_agent, &e.target_name)],
        "event": [event_type],
        "quad_code": e.quad_class,
        "event_scale": e.goldstein,
        "cite_info": {
            "url": e.article_url.as_deref().unwrap_or_default(),
            "language": e.lang,
            "citation": e.article_id,
        },
        "coder": concat!("dyad ", env!("CARGO_PKG_VERSION")),
        "coded_date": date_added_day(e.date_added),
        "cameo": e.cameo,
        "num_mentions": e.num_mentions,
        "num_sources": e.num_sources,
        "num_articles": e.num_articles,
    });
    if let Some(mode) = e.plover_mode.as_deref().filter(|m| !m.is_empty()) {
        r["mode"] = serde_json::json!([mode]);
    }
    if let Some(s) = &e.sentence {
        r["event_text"] = serde_json::json!([s]);
    }
    if let Some(p) = e.date_precision.as_deref().filter(|p| !p.is_empty()) {
        r["date_precision"] = p.into();
    }
    if let Some(t) = e.date_text.as_deref().filter(|t| !t.is_empty()) {
        r["date_text"] = t.into();
    }
    if let Some(loc) = plover_location(&e.action_geo) {
        r["event_loc"] = loc;
    }
    Some(r)
}

/// An event location as PLOVER's location object (the manual's table of
/// Mordecai3/GeoNames fields): `extracted_place`, `resolved_place`,
/// `geonameid` (cities only: their feature id is a GeoNames id), `lat`,
/// `lon`, `city`, `province`, `country` (names, from the `City, Region,
/// Country` full name), `country_code` (ISO-3 style, as the actor codes),
/// `resolution` (4 city, 2 province, 1 country), plus GDELT's
/// `country_fips`, `admin1_code` and `geo_type`. `None` without a location.
pub fn plover_location(g: &Geo) -> Option<serde_json::Value> {
    if g.is_empty() {
        return None;
    }
    let mut o = serde_json::Map::new();
    let mut put = |k: &str, v: serde_json::Value| {
        if !v.is_null() {
            o.insert(k.to_string(), v);
        }
    };
    let text = |v: &Option<String>| match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => serde_json::Value::from(s),
        None => serde_json::Value::Null,
    };
    put("extracted_place", text(&g.text));
    put("resolved_place", text(&g.fullname));
    let kind = g.kind.as_deref().unwrap_or_default();
    if kind == "city" {
        if let Some(id) = g.feature_id.as_deref().and_then(|f| f.trim().parse::<i64>().ok()) {
            put("geonameid", id.into());
        }
    }
    put("lat", g.lat.into());
    put("lon", g.lon.into());
    let parts: Vec<&str> = g
        .fullname
        .as_deref()
        .unwrap_or_default()
        .split(", ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let has_country = g.cameo_country.as_deref().is_some_and(|c| !c.is_empty());
    let (city, province, country) = match (kind, parts.as_slice()) {
        ("city", [c, p, n]) => (Some(*c), Some(*p), Some(*n)),
        ("city", [c, n]) => (Some(*c), None, Some(*n)),
        ("city", [c]) => (Some(*c), None, None),
        ("region", [p, n]) if has_country => (None, Some(*p), Some(*n)),
        ("region", [p, ..]) => (None, Some(*p), None),
        ("country", [n]) => (None, None, Some(*n)),
        _ => (None, None, None),
    };
    put("city", city.into());
    put("province", province.into());
    put("country", country.filter(|_| has_country).into());
    put("country_code", text(&g.cameo_country));
    put(
        "resolution",
        match kind {
            "city" => 4.into(),
            "region" => 2.into(),
            "country" => 1.into(),
            _ => serde_json::Value::Null,
        },
    );
    put("country_fips", text(&g.country));
    put("admin1_code", text(&g.adm1));
    put("geo_type", g.geo_type.into());
    Some(serde_json::Value::Object(o))
}

fn date_added_day(stamp: i64) -> Option<String> {
    let d = stamp / 1_000_000;
    NaiveDate::from_ymd_opt(
        i32::try_from(d / 10000).ok()?,
        u32::try_from((d / 100) % 100).ok()?,
        u32::try_from(d % 100).ok()?,
    )
    .map(|d| d.to_string())
}

fn plover<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<Summary, ExportError> {
    let mut out = std::io::BufWriter::new(out);
    let mut s = Summary::default();
    store.events(filter, |e| {
        match plover_record(&e) {
            Some(r) => {
                serde_json::to_writer(&mut out, &r)?;
                out.write_all(b"\n")?;
                s.rows += 1;
            }
            None => s.left_out += 1,
        }
        Ok::<_, ExportError>(())
    })?;
    out.flush()?;
    Ok(s)
}

/// A typed cell of the flat event table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// An integer.
    Int(Option<i64>),
    /// A float.
    Float(Option<f64>),
    /// Text.
    Text(Option<String>),
    /// A day.
    Date(Option<NaiveDate>),
    /// A flag.
    Bool(bool),
}

impl Cell {
    fn to_csv(&self) -> String {
        match self {
            Cell::Int(v) => opt(*v),
            Cell::Float(v) => opt(*v),
            Cell::Text(v) => v.clone().unwrap_or_default(),
            Cell::Date(v) => opt(*v),
            Cell::Bool(b) => if *b { "1" } else { "0" }.into(),
        }
    }
}

/// A column of the flat event table (CSV and Parquet).
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Its Arrow type.
    pub data_type: DataType,
    /// Reads it from an event.
    pub get: fn(&EventRow) -> Cell,
}

macro_rules! col {
    ($name:literal, Text, $f:expr) => {
        Column { name: $name, data_type: DataType::Utf8, get: |e| Cell::Text(($f)(e)) }
    };
    ($name:literal, Int, $f:expr) => {
        Column { name: $name, data_type: DataType::Int64, get: |e| Cell::Int(($f)(e)) }
    };
    ($name:literal, Float, $f:expr) => {
        Column { name: $name, data_type: DataType::Float64, get: |e| Cell::Float(($f)(e)) }
    };
    ($name:literal, Date, $f:expr) => {
        Column { name: $name, data_type: DataType::Date32, get: |e| Cell::Date(($f)(e)) }
    };
    ($name:literal, Bool, $f:expr) => {
        Column { name: $name, data_type: DataType::Boolean, get: |e| Cell::Bool(($f)(e)) }
    };
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// The columns of the CSV and Parquet exports, in order.
pub static COLUMNS: [Column; 45] = [
    col!("event_id", Int, |e: &EventRow| Some(e.id)),
    col!("date", Date, |e: &EventRow| e.date),
    col!("date_precision", Text, |e: &EventRow| e.date_precision.clone()),
    col!("date_text", Text, |e: &EventRow| e.date_text.clone()),
    col!("source_code", Text, |e: &EventRow| s(&e.source_code)),
    col!("source_country", Text, |e: &EventRow| s(&e.source_country)),
    col!("source_agent", Text, |e: &EventRow| s(&e.source_agent)),
    col!("source_name", Text, |e: &EventRow| s(&e.source_name)),
    col!("target_code", Text, |e: &EventRow| s(&e.target_code)),
    col!("target_country", Text, |e: &EventRow| s(&e.target_country)),
    col!("target_agent", Text, |e: &EventRow| s(&e.target_agent)),
    col!("target_name", Text, |e: &EventRow| s(&e.target_name)),
    col!("cameo", Text, |e: &EventRow| s(&e.cameo)),
    col!("cameo_base", Text, |e: &EventRow| s(&e.cameo_base)),
    col!("cameo_root", Text, |e: &EventRow| s(&e.cameo_root)),
    col!("quad_class", Int, |e: &EventRow| e.quad_class.map(i64::from)),
    col!("goldstein", Float, |e: &EventRow| e.goldstein),
    col!("plover_type", Text, |e: &EventRow| e.plover_type.clone()),
    col!("plover_mode", Text, |e: &EventRow| e.plover_mode.clone()),
    col!("lang", Text, |e: &EventRow| s(&e.lang)),
    col!("is_root_event", Bool, |e: &EventRow| e.is_root_event),
    col!("num_mentions", Int, |e: &EventRow| Some(e.num_mentions)),
    col!("num_sources", Int, |e: &EventRow| Some(e.num_sources)),
    col!("num_articles", Int, |e: &EventRow| Some(e.num_articles)),
    col!("avg_tone", Float, |e: &EventRow| e.avg_tone),
    col!("date_added", Int, |e: &EventRow| Some(e.date_added)),
    col!("source_url", Text, |e: &EventRow| e.source_url.clone()),
    col!("article_id", Text, |e: &EventRow| s(&e.article_id)),
    col!("sentence", Text, |e: &EventRow| e.sentence.clone()),
    col!("action_geo_type", Int, |e: &EventRow| e.action_geo.geo_type),
    col!("action_geo_fullname", Text, |e: &EventRow| e.action_geo.fullname.clone()),
    col!("action_geo_country", Text, |e: &EventRow| e.action_geo.country.clone()),
    col!("action_geo_adm1", Text, |e: &EventRow| e.action_geo.adm1.clone()),
    col!("action_geo_adm2", Text, |e: &EventRow| e.action_geo.adm2.clone()),
    col!("action_geo_lat", Float, |e: &EventRow| e.action_geo.lat),
    col!("action_geo_lon", Float, |e: &EventRow| e.action_geo.lon),
    col!("action_geo_feature_id", Text, |e: &EventRow| e.action_geo.feature_id.clone()),
    col!("action_geo_text", Text, |e: &EventRow| e.action_geo.text.clone()),
    col!("action_geo_kind", Text, |e: &EventRow| e.action_geo.kind.clone()),
    col!("action_geo_cameo", Text, |e: &EventRow| e.action_geo.cameo_country.clone()),
    col!("actor1_geo_country", Text, |e: &EventRow| e.actor1_geo.country.clone()),
    col!("actor1_geo_feature_id", Text, |e: &EventRow| e.actor1_geo.feature_id.clone()),
    col!("actor2_geo_country", Text, |e: &EventRow| e.actor2_geo.country.clone()),
    col!("actor2_geo_feature_id", Text, |e: &EventRow| e.actor2_geo.feature_id.clone()),
    col!("actor_geo_known", Bool, |e: &EventRow| !e.actor1_geo.is_empty() || !e.actor2_geo.is_empty()),
];

fn csv_events<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<Summary, ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS.iter().map(|c| c.name))?;
    let mut s = Summary::default();
    store.events(filter, |e| {
        w.write_record(COLUMNS.iter().map(|c| (c.get)(&e).to_csv()))?;
        s.rows += 1;
        Ok::<_, ExportError>(())
    })?;
    w.flush()?;
    Ok(s)
}

/// The Arrow schema of the Parquet export.
pub fn arrow_schema() -> Schema {
    Schema::new(
        COLUMNS
            .iter()
            .map(|c| Field::new(c.name, c.data_type.clone(), !matches!(c.data_type, DataType::Boolean)))
            .collect::<Vec<_>>(),
    )
}

fn record_batch(schema: &Arc<Schema>, rows: &[EventRow]) -> Result<RecordBatch, ExportError> {
    let epoch = NaiveDate::default();
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
    for c in &COLUMNS {
        let array: ArrayRef = match c.data_type {
            DataType::Int64 => {
                let mut b = Int64Builder::with_capacity(rows.len());
                for r in rows {
                    if let Cell::Int(v) = (c.get)(r) {
                        b.append_option(v);
                    } else {
                        b.append_null();
                    }
                }
                Arc::new(b.finish())
            }
            DataType::Float64 => {
                let mut b = Float64Builder::with_capacity(rows.len());
                for r in rows {
                    if let Cell::Float(v) = (c.get)(r) {
                        b.append_option(v);
                    } else {
                        b.append_null();
                    }
                }
                Arc::new(b.finish())
            }
            DataType::Date32 => {
                let mut b = Date32Builder::with_capacity(rows.len());
                for r in rows {
                    match (c.get)(r) {
                        Cell::Date(Some(d)) => {
                            b.append_option(i32::try_from(d.signed_duration_since(epoch).num_days()).ok())
                        }
                        _ => b.append_null(),
                    }
                }
                Arc::new(b.finish())
            }
            DataType::Boolean => {
                let mut b = BooleanBuilder::with_capacity(rows.len());
                for r in rows {
                    b.append_value(matches!((c.get)(r), Cell::Bool(true)));
                }
                Arc::new(b.finish())
            }
            _ => {
                let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 8);
                for r in rows {
                    match (c.get)(r) {
                        Cell::Text(v) => b.append_option(v),
                        _ => b.append_null(),
                    }
                }
                Arc::new(b.finish())
            }
        };
        arrays.push(array);
    }
    Ok(RecordBatch::try_new(schema.clone(), arrays)?)
}

fn parquet_events<W: Write + Send>(store: &Store, filter: &Filter, out: W) -> Result<Summary, ExportError> {
    let schema = Arc::new(arrow_schema());
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_size(PARQUET_ROW_GROUP)
        .set_created_by(concat!("dyad ", env!("CARGO_PKG_VERSION")).to_string())
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
    let mut rows = Vec::with_capacity(8192);
    let mut s = Summary::default();
    store.events(filter, |e| {
        rows.push(e);
        s.rows += 1;
        if rows.len() == 8192 {
            writer.write(&record_batch(&schema, &rows)?)?;
            rows.clear();
        }
        Ok::<_, ExportError>(())
    })?;
    if !rows.is_empty() {
        writer.write(&record_batch(&schema, &rows)?)?;
    }
    writer.close()?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_anchor_file() {
        let root = std::env::var("DYAD_ANCHORS")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/anchors").into());
        for (file, ours) in [
            ("GDELT2.events.columns.tsv", &GDELT_EVENT_COLUMNS[..]),
            ("GDELT2.mentions.columns.tsv", &GDELT_MENTION_COLUMNS[..]),
        ] {
            let Ok(text) = std::fs::read_to_string(format!("{root}/gdelt/{file}")) else {
                eprintln!("skipping: anchors not found");
                return;
            };
            let names: Vec<&str> = text.lines().skip(1).filter_map(|l| l.split('\t').nth(1)).collect();
            assert_eq!(names, ours, "{file}");
        }
    }

    #[test]
    fn fraction_dates() {
        let d = NaiveDate::from_ymd_opt(2015, 2, 19).unwrap_or_default();
        assert_eq!(format!("{:.4}", fraction_date(d)), "2015.2164");
    }

    #[test]
    fn codes() {
        assert_eq!(gdelt_code("~REB"), "REB");
        assert_eq!(gdelt_code("---GOV"), "GOV");
        assert_eq!(type_codes("EGYGOVMIL", "EGY"), ["GOV".to_string(), "MIL".into(), String::new()]);
        assert_eq!(type_codes("~REBMIL", ""), ["REB".to_string(), "MIL".into(), String::new()]);
        assert_eq!(type_codes("EGY", "EGY"), [String::new(), String::new(), String::new()]);
        assert_eq!(clean("a\tb\nc"), "a b c");
        assert_eq!(date_added_day(20240311123456), Some("2024-03-11".into()));
    }

    fn kharkiv() -> Geo {
        Geo {
            geo_type: Some(4),
            fullname: Some("Kharkiv, Kharkivs'ka Oblast', Ukraine".into()),
            country: Some("UP".into()),
            adm1: Some("UP07".into()),
            adm2: None,
            lat: Some(49.9808),
            lon: Some(36.2527),
            feature_id: Some("706483".into()),
            text: Some("Kharkiv".into()),
            kind: Some("city".into()),
            cameo_country: Some("UKR".into()),
            span: Some([38, 45]),
        }
    }

    #[test]
    fn gdelt_geo_fields_follow_the_codebook() {
        let mut f = Vec::new();
        geo_fields(&kharkiv(), &mut f);
        assert_eq!(
            f,
            ["4", "Kharkiv, Kharkivs'ka Oblast', Ukraine", "UP", "UP07", "", "49.9808", "36.2527", "706483"]
        );
        let mut f = Vec::new();
        geo_fields(&Geo::default(), &mut f);
        assert_eq!(f, vec![String::new(); 8]);
    }

    #[test]
    fn plover_locations() {
        let loc = plover_location(&kharkiv()).unwrap_or_default();
        assert_eq!(loc["extracted_place"], "Kharkiv");
        assert_eq!(loc["resolved_place"], "Kharkiv, Kharkivs'ka Oblast', Ukraine");
        assert_eq!(loc["geonameid"], 706483);
        assert_eq!(
            (loc["city"].as_str(), loc["province"].as_str()),
            (Some("Kharkiv"), Some("Kharkivs'ka Oblast'"))
        );
        assert_eq!((loc["country"].as_str(), loc["country_code"].as_str()), (Some("Ukraine"), Some("UKR")));
        assert_eq!(loc["resolution"], 4);
        assert_eq!(loc["lat"].as_f64(), Some(49.9808));
        let region = Geo {
            geo_type: Some(5),
            fullname: Some("Kharkivs'ka Oblast', Ukraine".into()),
            feature_id: Some("UP07".into()),
            kind: Some("region".into()),
            ..kharkiv()
        };
        let loc = plover_location(&region).unwrap_or_default();
        assert_eq!(loc["resolution"], 2);
        assert!(loc.get("geonameid").is_none() && loc.get("city").is_none(), "{loc}");
        assert_eq!(loc["province"], "Kharkivs'ka Oblast'");
        let area = Geo {
            geo_type: Some(0),
            fullname: Some("Sahel".into()),
            kind: Some("region".into()),
            cameo_country: None,
            country: None,
            adm1: None,
            ..kharkiv()
        };
        let loc = plover_location(&area).unwrap_or_default();
        assert!(loc.get("country").is_none() && loc.get("country_code").is_none(), "{loc}");
        assert_eq!(plover_location(&Geo::default()), None);
    }

    proptest::proptest! {
        #[test]
        fn locations_never_panic(name in ".*", kind in "(city|region|country|.*)", id in ".*") {
            let g = Geo { fullname: Some(name), kind: Some(kind), feature_id: Some(id), ..kharkiv() };
            proptest::prop_assert!(plover_location(&g).is_some());
        }

        #[test]
        fn codes_never_panic(code in ".*", country in ".*") {
            let _ = type_codes(&code, &country);
            let _ = gdelt_code(&code);
        }
    }
}
