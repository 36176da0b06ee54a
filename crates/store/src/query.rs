//! Reading events back: filters, event and mention rows, aggregates.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Row;
use serde::Serialize;

use crate::write::{day_num, sqldate};
use crate::{Ctx, Result, Store, StoreError};

/// Which events to read. Every field narrows the selection; the default
/// selects everything.
///
/// An actor spec is a three-letter country (or IGO) code such as `EGY`,
/// which matches the actor's country; a longer code such as `EGYGOV` or
/// `~REB`, which matches the actor code exactly; or a code ending in `*`
/// (`EGYG*`), which matches actor codes starting with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Events with any of these actors on either side.
    pub actors: Vec<String>,
    /// Events whose source matches this actor spec.
    pub source: Option<String>,
    /// Events whose target matches this actor spec.
    pub target: Option<String>,
    /// With `source` and `target`: also the reverse direction.
    pub undirected: bool,
    /// CAMEO codes: a two-digit root, or a code that matches itself and the
    /// codes under it (`042` matches `042` and `0421`).
    pub cameo: Vec<String>,
    /// QuadClasses (1..=4).
    pub quad_classes: Vec<u8>,
    /// First day, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Languages (`en`, `it`, …) of the coded sentence.
    pub langs: Vec<String>,
    /// Words that the event's sentence or actor names contain
    /// (case-insensitive for ASCII).
    pub text: Option<String>,
    /// At most this many events (events, mentions); `None` for all.
    pub limit: Option<u64>,
}

/// An event location (GDELT's `*Geo_*` fields, and for the action the
/// coder's own reading of the place); empty when nothing is known.
///
/// The action location is the coder's: the place the event's sentence names,
/// else the article's dateline. Actor locations stay empty (the coder does
/// not tie places to actors).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Geo {
    /// 1=COUNTRY, 2=USSTATE, 3=USCITY, 4=WORLDCITY, 5=WORLDSTATE; 0 for a
    /// hand-written area spanning countries ("Sahel").
    pub geo_type: Option<i64>,
    /// Full name: `City, Region, Country`, `Region, Country` or `Country`.
    pub fullname: Option<String>,
    /// FIPS10-4 country code.
    pub country: Option<String>,
    /// ADM1 code.
    pub adm1: Option<String>,
    /// ADM2 code.
    pub adm2: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Feature id: the GeoNames id of a city, the FIPS country or ADM1 code
    /// of a country or region.
    pub feature_id: Option<String>,
    /// The place name as written in the text (action location only).
    pub text: Option<String>,
    /// `country`, `region` or `city` (action location only).
    pub kind: Option<String>,
    /// The CAMEO (ISO-3 style) country code of the place (action location only).
    pub cameo_country: Option<String>,
    /// Where `text` is in the first report's sentence, in characters
    /// (`[start, end)`); `None` when the place came from the dateline or from
    /// a later report (action location only).
    pub span: Option<[i64; 2]>,
}

impl Geo {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == Geo::default()
    }
}

/// One deduplicated event as stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// GLOBALEVENTID.
    pub id: i64,
    /// The event date.
    pub date: Option<NaiveDate>,
    /// How precise the date is: `day`, `week`, `month` or `year`.
    pub date_precision: Option<String>,
    /// The date expression the date was read from ("on Monday"); `None`
    /// when the date is the publication date.
    pub date_text: Option<String>,
    /// Source actor code.
    pub source_code: String,
    /// Source country.
    pub source_country: String,
    /// Source agent.
    pub source_agent: String,
    /// Source as written in the first report.
    pub source_name: String,
    /// Target actor code.
    pub target_code: String,
    /// Target country.
    pub target_country: String,
    /// Target agent.
    pub target_agent: String,
    /// Target as written in the first report.
    pub target_name: String,
    /// CAMEO code.
    pub cameo: String,
    /// Its three-digit base code.
    pub cameo_base: String,
    /// Its two-digit root.
    pub cameo_root: String,
    /// QuadClass.
    pub quad_class: Option<u8>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// PLOVER type.
    pub plover_type: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// Language of the first report.
    pub lang: String,
    /// Whether the first report has it in its lead.
    pub is_root_event: bool,
    /// Mentions in all stored articles.
    pub num_mentions: i64,
    /// Distinct sources that mention it.
    pub num_sources: i64,
    /// Distinct articles that mention it.
    pub num_articles: i64,
    /// Average tone, when known.
    pub avg_tone: Option<f64>,
    /// The first article's URL (or id when it has none).
    pub source_url: Option<String>,
    /// When it was first stored, `YYYYMMDDHHMMSS` UTC.
    pub date_added: i64,
    /// The first article's id.
    pub article_id: String,
    /// The first article's URL; `None` when it has none.
    pub article_url: Option<String>,
    /// The first report's sentence.
    pub sentence: Option<String>,
    /// Actor 1 location.
    pub actor1_geo: Geo,
    /// Actor 2 location.
    pub actor2_geo: Geo,
    /// Action location.
    pub action_geo: Geo,
}

/// One mention of an event in an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionRow {
    /// The event's GLOBALEVENTID.
    pub event_id: i64,
    /// When the event was first stored, `YYYYMMDDHHMMSS` UTC.
    pub event_added: i64,
    /// When this mention was stored, `YYYYMMDDHHMMSS` UTC.
    pub mention_added: i64,
    /// The article's id.
    pub article_id: String,
    /// Its URL.
    pub url: Option<String>,
    /// Its source key (source name or URL host).
    pub source_name: String,
    /// 0-based sentence index.
    pub sentence_index: i64,
    /// Character offsets in the article of actor 1, actor 2 and the action.
    pub actor1_offset: Option<i64>,
    /// See `actor1_offset`.
    pub actor2_offset: Option<i64>,
    /// See `actor1_offset`.
    pub action_offset: Option<i64>,
    /// Found in the raw text.
    pub in_raw_text: bool,
    /// Confidence, percent.
    pub confidence: i64,
    /// The article's length in characters.
    pub doc_len: i64,
    /// The article's language.
    pub lang: Option<String>,
    /// Whether the article is a near-duplicate of an earlier one.
    pub via_duplicate: bool,
    /// The trigger words.
    pub trigger: String,
    /// The dictionary rule.
    pub rule: String,
}

/// Events at one place, for maps ([`Store::places`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceRow {
    /// Full name (`City, Region, Country`).
    pub name: Option<String>,
    /// CAMEO country code of the place.
    pub country: Option<String>,
    /// `country`, `region` or `city`.
    pub kind: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Distinct events located there.
    pub events: i64,
    /// Their mentions.
    pub mentions: i64,
    /// Mean Goldstein score of the events.
    pub avg_goldstein: Option<f64>,
}

/// Aggregation period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar day.
    Day,
    /// ISO week, starting Monday.
    Week,
    /// Calendar month.
    Month,
}

/// What counts as one side of a dyad in aggregates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DyadLevel {
    /// The actor's country (its code when it has none, such as `~REB`).
    Country,
    /// The full actor code.
    Code,
}

/// Counts for one dyad in one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AggregateRow {
    /// First day of the period.
    pub period: NaiveDate,
    /// Source side.
    pub source: String,
    /// Target side.
    pub target: String,
    /// Distinct events.
    pub events: i64,
    /// Their mentions.
    pub mentions: i64,
    /// Mean Goldstein score of the events.
    pub avg_goldstein: Option<f64>,
}

fn actor_clause(side: &str, spec: &str, params: &mut Vec<Value>) -> Result<String> {
    let spec = spec.trim().to_uppercase();
    let valid =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '~' || c == '-');
    if let Some(prefix) = spec.strip_suffix('*') {
        if !valid(prefix) {
            return Err(StoreError::Filter(format!("actor {spec:?}: use letters, digits, ~ and a final *")));
        }
        // A range keeps the index usable: prefix <= code < prefix + U+FFFF.
        params.push(Value::Text(prefix.to_string()));
        params.push(Value::Text(format!("{prefix}\u{ffff}")));
        return Ok(format!("({side}_code >= ? AND {side}_code < ?)"));
    }
    if !valid(&spec) {
        return Err(StoreError::Filter(format!("actor {spec:?}: use letters, digits and ~")));
    }
    params.push(Value::Text(spec.clone()));
    Ok(if spec.len() == 3 && !spec.starts_with('~') {
        format!("{side}_country = ?")
    } else {
        format!("{side}_code = ?")
    })
}

/// Builds the WHERE clause (`1` when empty) and its parameters.
fn where_clause(f: &Filter) -> Result<(String, Vec<Value>)> {
    let mut parts = Vec::new();
    let mut p = Vec::new();
    if !f.actors.is_empty() {
        let mut any = Vec::new();
        for a in &f.actors {
            any.push(actor_clause("e.source", a, &mut p)?);
            any.push(actor_clause("e.target", a, &mut p)?);
        }
        parts.push(format!("({})", any.join(" OR ")));
    }
    match (&f.source, &f.target) {
        (Some(s), Some(t)) if f.undirected => {
            let a = actor_clause("e.source", s, &mut p)?;
            let b = actor_clause("e.target", t, &mut p)?;
            let c = actor_clause("e.source", t, &mut p)?;
            let d = actor_clause("e.target", s, &mut p)?;
            parts.push(format!("(({a} AND {b}) OR ({c} AND {d}))"));
        }
        (s, t) => {
            if let Some(s) = s {
                parts.push(actor_clause("e.source", s, &mut p)?);
            }
            if let Some(t) = t {
                parts.push(actor_clause("e.target", t, &mut p)?);
            }
        }
    }
    if !f.cameo.is_empty() {
        let mut any = Vec::new();
        for c in &f.cameo {
            let c = c.trim();
            if c.is_empty() || c.len() > 4 || !c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                return Err(StoreError::Filter(format!("CAMEO code {c:?}: use 2 to 4 digits")));
            }
            if c.len() <= 2 {
                any.push("e.cameo_root = ?".to_string());
                p.push(Value::Text(c.to_string()));
            } else {
                any.push("(e.cameo >= ? AND e.cameo < ?)".to_string());
                p.push(Value::Text(c.to_string()));
                p.push(Value::Text(format!("{c}\u{ffff}")));
            }
        }
        parts.push(format!("({})", any.join(" OR ")));
    }
    if !f.quad_classes.is_empty() {
        for q in &f.quad_classes {
            if !(1..=4).contains(q) {
                return Err(StoreError::Filter(format!("QuadClass {q}: use 1 to 4")));
            }
        }
        let list: Vec<String> = f.quad_classes.iter().map(|q| q.to_string()).collect();
        parts.push(format!("e.quad_class IN ({})", list.join(",")));
    }
    if let Some(d) = f.from {
        parts.push("e.sqldate >= ?".into());
        p.push(Value::Integer(sqldate(d)));
    }
    if let Some(d) = f.to {
        parts.push("e.sqldate <= ?".into());
        p.push(Value::Integer(sqldate(d)));
    }
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            return Err(StoreError::Filter(format!("the date range {a}..{b} is empty")));
        }
    }
    if !f.langs.is_empty() {
        let marks = vec!["?"; f.langs.len()].join(",");
        parts.push(format!("e.lang IN ({marks})"));
        p.extend(f.langs.iter().map(|l| Value::Text(l.trim().to_lowercase())));
    }
    if let Some(t) = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        parts.push(
            "(e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\' OR EXISTS (\
             SELECT 1 FROM mentions m JOIN sentences s ON s.article = m.article AND s.idx = m.sentence_index \
             WHERE m.event = e.id AND s.text LIKE ? ESCAPE '\\'))"
                .into(),
        );
        p.extend([Value::Text(pattern.clone()), Value::Text(pattern.clone()), Value::Text(pattern)]);
    }
    let clause = if parts.is_empty() { "1".to_string() } else { parts.join(" AND ") };
    Ok((clause, p))
}

fn limit_clause(f: &Filter) -> String {
    f.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default()
}

fn date_from_sqldate(v: Option<i64>) -> Option<NaiveDate> {
    let v = v?;
    let (y, m, d) = (v / 10000, (v / 100) % 100, v % 100);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

fn geo(r: &Row<'_>, at: usize) -> rusqlite::Result<Geo> {
    Ok(Geo {
        geo_type: r.get(at)?,
        fullname: r.get(at + 1)?,
        country: r.get(at + 2)?,
        adm1: r.get(at + 3)?,
        adm2: r.get(at + 4)?,
        lat: r.get(at + 5)?,
        lon: r.get(at + 6)?,
        feature_id: r.get(at + 7)?,
        ..Geo::default()
    })
}

/// The action location: the GDELT columns at `at`, the coder's columns at `extra`.
fn action_geo(r: &Row<'_>, at: usize, extra: usize) -> rusqlite::Result<Geo> {
    let start: Option<i64> = r.get(extra + 3)?;
    let end: Option<i64> = r.get(extra + 4)?;
    Ok(Geo {
        text: r.get(extra)?,
        kind: r.get(extra + 1)?,
        cameo_country: r.get(extra + 2)?,
        span: start.zip(end).map(|(a, b)| [a, b]),
        ..geo(r, at)?
    })
}

const EVENT_COLUMNS: &str = "e.id, e.sqldate, e.date_precision, e.date_text, \
    e.source_code, e.source_country, e.source_agent, e.source_name, \
    e.target_code, e.target_country, e.target_agent, e.target_name, \
    e.cameo, e.cameo_base, e.cameo_root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.lang, \
    e.is_root_event, e.num_mentions, e.num_sources, e.num_articles, e.avg_tone, e.source_url, e.date_added, \
    a.external_id, \
    s.text, \
    a.url, \
    e.actor1_geo_type, e.actor1_geo_fullname, e.actor1_geo_country, e.actor1_geo_adm1, e.actor1_geo_adm2, \
    e.actor1_geo_lat, e.actor1_geo_lon, e.actor1_geo_feature_id, \
    e.actor2_geo_type, e.actor2_geo_fullname, e.actor2_geo_country, e.actor2_geo_adm1, e.actor2_geo_adm2, \
    e.actor2_geo_lat, e.actor2_geo_lon, e.actor2_geo_feature_id, \
    e.action_geo_type, e.action_geo_fullname, e.action_geo_country, e.action_geo_adm1, e.action_geo_adm2, \
    e.action_geo_lat, e.action_geo_lon, e.action_geo_feature_id, \
    e.action_geo_text, e.action_geo_kind, e.action_geo_cameo, e.action_geo_span_start, e.action_geo_span_end";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        date: date_from_sqldate(r.get(1)?),
        date_precision: r.get(2)?,
        date_text: r.get(3)?,
        source_code: r.get(4)?,
        source_country: r.get(5)?,
        source_agent: r.get(6)?,
        source_name: r.get(7)?,
        target_code: r.get(8)?,
        target_country: r.get(9)?,
        target_agent: r.get(10)?,
        target_name: r.get(11)?,
        cameo: r.get(12)?,
        cameo_base: r.get(13)?,
        cameo_root: r.get(14)?,
        quad_class: r.get::<_, Option<i64>>(15)?.and_then(|q| u8::try_from(q).ok()),
        goldstein: r.get(16)?,
        plover_type: r.get(17)?,
        plover_mode: r.get(18)?,
        lang: r.get(19)?,
        is_root_event: r.get(20)?,
        num_mentions: r.get(21)?,
        num_sources: r.get(22)?,
        num_articles: r.get(23)?,
        avg_tone: r.get(24)?,
        source_url: r.get(25)?,
        date_added: r.get(26)?,
        article_id: r.get(27)?,
        sentence: r.get(28)?,
        article_url: r.get(29)?,
        actor1_geo: geo(r, 30)?,
        actor2_geo: geo(r, 38)?,
        action_geo: action_geo(r, 46, 54)?,
    })
}

impl Store {
    /// How many events the filter selects (ignoring its limit).
    ///
    /// # Errors
    ///
    /// [`StoreError::Filter`] for an unusable filter, or an SQLite error.
    pub fn count(&self, f: &Filter) -> Result<u64> {
        let (clause, params) = where_clause(f)?;
        let sql = format!("SELECT count(*) FROM events e WHERE {clause}");
        self.conn
            .query_row(&sql, rusqlite::params_from_iter(params), |r| r.get::<_, i64>(0))
            .ctx("counting events")
            .map(|n| n.max(0) as u64)
    }

    /// Calls `each` with every selected event, ordered by date then id.
    ///
    /// # Errors
    ///
    /// [`StoreError::Filter`], an SQLite error, or the first error of `each`.
    pub fn events<E>(&self, f: &Filter, mut each: impl FnMut(EventRow) -> Result<(), E>) -> Result<(), E>
    where
        E: From<StoreError>,
    {
        let (clause, params) = where_clause(f)?;
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.first_article \
             LEFT JOIN sentences s ON s.article = e.first_article AND s.idx = e.first_sentence \
             WHERE {clause} ORDER BY e.sqldate, e.id{}",
            limit_clause(f)
        );
        let mut stmt = self.conn.prepare(&sql).ctx("querying events")?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).ctx("querying events")?;
        while let Some(r) = rows.next().ctx("reading events")? {
            each(event_row(r).ctx("reading an event")?)?;
        }
        Ok(())
    }

    /// Calls `each` with every mention of the selected events, ordered by
    /// event then mention. The filter's limit counts mentions.
    ///
    /// # Errors
    ///
    /// [`StoreError::Filter`], an SQLite error, or the first error of `each`.
    pub fn mentions<E>(&self, f: &Filter, mut each: impl FnMut(MentionRow) -> Result<(), E>) -> Result<(), E>
    where
        E: From<StoreError>,
    {
        let (clause, params) = where_clause(f)?;
        let sql = format!(
            "SELECT m.event, e.date_added, m.added_at, a.external_id, a.url, a.source_key, m.sentence_index, \
             m.actor1_offset, m.actor2_offset, m.action_offset, m.in_raw_text, m.confidence, a.char_len, \
             a.lang, m.via_duplicate, m.trigger_text, m.rule \
             FROM events e JOIN mentions m ON m.event = e.id JOIN articles a ON a.id = m.article \
             WHERE {clause} ORDER BY e.sqldate, e.id, m.id{}",
            limit_clause(f)
        );
        let mut stmt = self.conn.prepare(&sql).ctx("querying mentions")?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).ctx("querying mentions")?;
        while let Some(r) = rows.next().ctx("reading mentions")? {
            let row = (|| {
                Ok::<_, rusqlite::Error>(MentionRow {
                    event_id: r.get(0)?,
                    event_added: r.get(1)?,
                    mention_added: r.get(2)?,
                    article_id: r.get(3)?,
                    url: r.get(4)?,
                    source_name: r.get(5)?,
                    sentence_index: r.get(6)?,
                    actor1_offset: r.get(7)?,
                    actor2_offset: r.get(8)?,
                    action_offset: r.get(9)?,
                    in_raw_text: r.get(10)?,
                    confidence: r.get(11)?,
                    doc_len: r.get(12)?,
                    lang: r.get(13)?,
                    via_duplicate: r.get(14)?,
                    trigger: r.get(15)?,
                    rule: r.get(16)?,
                })
            })()
            .ctx("reading a mention")?;
            each(row)?;
        }
        Ok(())
    }

    /// Counts events and averages their Goldstein scores per dyad per
    /// period. Events without a date are left out.
    ///
    /// # Errors
    ///
    /// [`StoreError::Filter`] or an SQLite error.
    pub fn aggregate(&self, f: &Filter, period: Period, level: DyadLevel) -> Result<Vec<AggregateRow>> {
        let (clause, params) = where_clause(f)?;
        let period_expr = match period {
            Period::Day => "e.day_num",
            // 1970-01-01 was a Thursday: Monday-based weeks start 3 days later.
            Period::Week => "e.day_num - ((e.day_num + 3) % 7)",
            Period::Month => "e.sqldate / 100",
        };
        let (s, t) = match level {
            DyadLevel::Country => (
                "CASE WHEN e.source_country <> '' THEN e.source_country ELSE e.source_code END",
                "CASE WHEN e.target_country <> '' THEN e.target_country ELSE e.target_code END",
            ),
            DyadLevel::Code => ("e.source_code", "e.target_code"),
        };
        let sql = format!(
            "SELECT {period_expr} AS p, {s} AS s, {t} AS t, count(*), sum(e.num_mentions), avg(e.goldstein) \
             FROM events e WHERE e.sqldate IS NOT NULL AND {clause} GROUP BY p, s, t ORDER BY p, s, t{}",
            limit_clause(f)
        );
        let mut stmt = self.conn.prepare(&sql).ctx("aggregating events")?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, Option<f64>>(5)?,
                ))
            })
            .ctx("aggregating events")?;
        let epoch = NaiveDate::default();
        let mut out = Vec::new();
        for row in rows {
            let (p, source, target, events, mentions, avg_goldstein) = row.ctx("aggregating events")?;
            let period = match period {
                Period::Month => NaiveDate::from_ymd_opt(
                    i32::try_from(p / 100).unwrap_or(1970),
                    u32::try_from(p % 100).unwrap_or(1),
                    1,
                ),
                _ => epoch.checked_add_signed(chrono::TimeDelta::days(p)),
            }
            .unwrap_or(epoch);
            out.push(AggregateRow {
                period,
                source,
                target,
                events,
                mentions: mentions.unwrap_or(0),
                avg_goldstein,
            });
        }
        Ok(out)
    }

    /// The places of the selected events that have coordinates, most events
    /// first; the filter's limit counts places.
    ///
    /// # Errors
    ///
    /// [`StoreError::Filter`] or an SQLite error.
    pub fn places(&self, f: &Filter) -> Result<Vec<PlaceRow>> {
        let (clause, params) = where_clause(f)?;
        let sql = format!(
            "SELECT max(e.action_geo_fullname), max(e.action_geo_cameo), max(e.action_geo_kind), \
             e.action_geo_lat, e.action_geo_lon, count(*) AS n, sum(e.num_mentions), avg(e.goldstein) \
             FROM events e WHERE e.action_geo_lat IS NOT NULL AND e.action_geo_lon IS NOT NULL AND {clause} \
             GROUP BY e.action_geo_lat, e.action_geo_lon ORDER BY n DESC, 1{}",
            limit_clause(f)
        );
        let mut stmt = self.conn.prepare(&sql).ctx("locating events")?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(PlaceRow {
                    name: r.get(0)?,
                    country: r.get(1)?,
                    kind: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    events: r.get(5)?,
                    mentions: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                    avg_goldstein: r.get(7)?,
                })
            })
            .ctx("locating events")?;
        rows.collect::<rusqlite::Result<Vec<_>>>().ctx("locating events")
    }

    /// The query plan SQLite picks for [`Store::events`] with this filter
    /// (for benchmarks and `EXPLAIN`-minded users).
    ///
    /// # Errors
    ///
    /// [`StoreError::Filter`] or an SQLite error.
    pub fn explain(&self, f: &Filter) -> Result<Vec<String>> {
        let (clause, params) = where_clause(f)?;
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE {clause} ORDER BY e.sqldate, e.id{}",
            limit_clause(f)
        );
        let mut stmt = self.conn.prepare(&sql).ctx("explaining a query")?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(3))
            .ctx("explaining a query")?;
        rows.collect::<rusqlite::Result<Vec<_>>>().ctx("explaining a query")
    }
}

/// Days since 1970-01-01 of `d` (the `day_num` column).
pub fn day_number(d: NaiveDate) -> i64 {
    day_num(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_specs() {
        let mut p = Vec::new();
        assert_eq!(actor_clause("e.source", "egy", &mut p).ok(), Some("e.source_country = ?".into()));
        assert_eq!(actor_clause("e.source", "EGYGOV", &mut p).ok(), Some("e.source_code = ?".into()));
        assert_eq!(actor_clause("e.source", "~REB", &mut p).ok(), Some("e.source_code = ?".into()));
        assert!(actor_clause("e.source", "EG*", &mut p).is_ok_and(|s| s.contains(">=")));
        assert!(actor_clause("e.source", "a' OR 1", &mut p).is_err());
        assert!(actor_clause("e.source", "*", &mut p).is_err());
    }

    #[test]
    fn bad_filters() {
        let f = Filter { quad_classes: vec![5], ..Filter::default() };
        assert!(where_clause(&f).is_err());
        let f = Filter { cameo: vec!["04x2'".into()], ..Filter::default() };
        assert!(where_clause(&f).is_err());
        let f = Filter {
            from: NaiveDate::from_ymd_opt(2024, 2, 1),
            to: NaiveDate::from_ymd_opt(2024, 1, 1),
            ..Filter::default()
        };
        assert!(where_clause(&f).is_err());
    }

    #[test]
    fn sqldates() {
        assert_eq!(date_from_sqldate(Some(20240311)), NaiveDate::from_ymd_opt(2024, 3, 11));
        assert_eq!(date_from_sqldate(Some(20241311)), None);
        assert_eq!(date_from_sqldate(None), None);
    }

    proptest::proptest! {
        #[test]
        fn filters_never_panic(a in ".*", c in ".*", t in ".*") {
            let f = Filter { actors: vec![a.clone()], source: Some(a), cameo: vec![c], text: Some(t),
                undirected: true, target: Some("EGY".into()), ..Filter::default() };
            let _ = where_clause(&f);
        }
    }
}
