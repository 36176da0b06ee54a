//! Reads the store's public API does not offer (one event by id, its
//! mentions with their sentences, one article, actor search, date range),
//! in plain SQL over [`Store::connection`] following `docs/schema.md`.

use chrono::NaiveDate;
use dyad_store::Store;
use rusqlite::{params, OptionalExtension};

use crate::model::{ActorHit, ArticleOut, EventOut, LocationOut, MentionOut, TriggerOut};
use crate::problem::Problem;

fn sql_err(context: &str) -> impl Fn(rusqlite::Error) -> Problem + '_ {
    move |e| Problem::internal(format!("{context}: {e}"))
}

/// `YYYYMMDD` as a date.
pub fn date_from_sqldate(v: Option<i64>) -> Option<NaiveDate> {
    let v = v?;
    let (y, m, d) = (v / 10000, (v / 100) % 100, v % 100);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// The `[start, end)` character span of `needle` in `hay` (first match,
/// case-insensitive for ASCII); `[0, 0]` when absent.
pub fn char_span(hay: &str, needle: &str) -> [usize; 2] {
    let needle = needle.trim();
    if needle.is_empty() {
        return [0, 0];
    }
    let found = hay.find(needle).or_else(|| hay.to_ascii_lowercase().find(&needle.to_ascii_lowercase()));
    match found {
        Some(b) if hay.is_char_boundary(b) && hay.is_char_boundary(b + needle.len()) => {
            let start = hay[..b].chars().count();
            [start, start + hay[b..b + needle.len()].chars().count()]
        }
        _ => [0, 0],
    }
}

/// One event by store id.
///
/// # Errors
///
/// A 500 problem on an SQLite error.
pub fn event_by_id(store: &Store, id: i64) -> Result<Option<EventOut>, Problem> {
    store
        .connection()
        .query_row(
            "SELECT e.id, e.sqldate, e.source_code, e.source_country, e.source_agent, e.source_name, \
             e.target_code, e.target_country, e.target_agent, e.target_name, e.cameo, e.cameo_root, \
             e.quad_class, e.goldstein, e.plover_type, e.lang, e.num_mentions, e.num_sources, \
             e.num_articles, e.source_url, a.external_id, s.text, e.date_precision, e.date_text, \
             e.action_geo_type, e.action_geo_fullname, e.action_geo_country, e.action_geo_adm1, \
             e.action_geo_lat, e.action_geo_lon, e.action_geo_feature_id, e.action_geo_text, \
             e.action_geo_kind, e.action_geo_cameo, e.action_geo_span_start, e.action_geo_span_end \
             FROM events e JOIN articles a ON a.id = e.first_article \
             LEFT JOIN sentences s ON s.article = e.first_article AND s.idx = e.first_sentence \
             WHERE e.id = ?1",
            params![id],
            |r| {
                let cameo: String = r.get(10)?;
                let start: Option<i64> = r.get(34)?;
                let end: Option<i64> = r.get(35)?;
                let geo = dyad_store::Geo {
                    geo_type: r.get(24)?,
                    fullname: r.get(25)?,
                    country: r.get(26)?,
                    adm1: r.get(27)?,
                    adm2: None,
                    lat: r.get(28)?,
                    lon: r.get(29)?,
                    feature_id: r.get(30)?,
                    text: r.get(31)?,
                    kind: r.get(32)?,
                    cameo_country: r.get(33)?,
                    span: start.zip(end).map(|(a, b)| [a, b]),
                };
                Ok(EventOut {
                    id: r.get(0)?,
                    date: date_from_sqldate(r.get(1)?),
                    date_precision: r.get(22)?,
                    date_text: r.get(23)?,
                    location: LocationOut::from_geo(&geo),
                    source_code: r.get(2)?,
                    source_country: r.get(3)?,
                    source_agent: r.get(4)?,
                    source_name: r.get(5)?,
                    target_code: r.get(6)?,
                    target_country: r.get(7)?,
                    target_agent: r.get(8)?,
                    target_name: r.get(9)?,
                    label: dyad_cameo::label(&cameo).map(str::to_string),
                    cameo,
                    cameo_root: r.get(11)?,
                    quad_class: r.get::<_, Option<i64>>(12)?.and_then(|q| u8::try_from(q).ok()),
                    goldstein: r.get(13)?,
                    plover_type: r.get(14)?,
                    lang: r.get(15)?,
                    num_mentions: r.get(16)?,
                    num_sources: r.get(17)?,
                    num_articles: r.get(18)?,
                    source_url: r.get(19)?,
                    article_id: r.get(20)?,
                    sentence: r.get(21)?,
                })
            },
        )
        .optional()
        .map_err(sql_err("reading an event"))
}

/// Every mention of event `id`, oldest first, with its sentence and spans.
///
/// # Errors
///
/// A 500 problem on an SQLite error.
pub fn mentions_of(store: &Store, id: i64) -> Result<Vec<MentionOut>, Problem> {
    let conn = store.connection();
    let mut stmt = conn
        .prepare_cached(
            "SELECT m.article, a.external_id, a.title, a.url, a.source_key, a.pub_date, m.sentence_index, \
             s.text, m.source_text, m.target_text, m.trigger_text, m.rule, m.confidence, m.via_duplicate \
             FROM mentions m JOIN articles a ON a.id = m.article \
             LEFT JOIN sentences s ON s.article = m.article AND s.idx = m.sentence_index \
             WHERE m.event = ?1 ORDER BY m.id",
        )
        .map_err(sql_err("reading mentions"))?;
    let rows = stmt
        .query_map(params![id], |r| {
            let sentence: Option<String> = r.get(7)?;
            let hay = sentence.clone().unwrap_or_default();
            let words = |text: String| TriggerOut { span: char_span(&hay, &text), text };
            Ok(MentionOut {
                article: r.get(0)?,
                article_id: r.get(1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                source_name: r.get(4)?,
                pub_date: r.get(5)?,
                sentence_index: r.get(6)?,
                source: words(r.get(8)?),
                target: words(r.get(9)?),
                trigger: words(r.get(10)?),
                rule: r.get(11)?,
                confidence: r.get(12)?,
                via_duplicate: r.get(13)?,
                sentence,
            })
        })
        .map_err(sql_err("reading mentions"))?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql_err("reading mentions"))
}

/// One stored article by store id.
///
/// # Errors
///
/// A 500 problem on an SQLite error.
pub fn article_by_id(store: &Store, id: i64) -> Result<Option<ArticleOut>, Problem> {
    store
        .connection()
        .query_row(
            "SELECT id, external_id, title, url, source, pub_date, lang, duplicate_of, text \
             FROM articles WHERE id = ?1",
            params![id],
            |r| {
                Ok(ArticleOut {
                    id: r.get(0)?,
                    article_id: r.get(1)?,
                    title: r.get(2)?,
                    url: r.get(3)?,
                    source: r.get(4)?,
                    pub_date: r.get(5)?,
                    lang: r.get(6)?,
                    duplicate_of: r.get(7)?,
                    text: r.get(8)?,
                })
            },
        )
        .optional()
        .map_err(sql_err("reading an article"))
}

/// Actors whose code starts with `q` or whose name contains it
/// (case-insensitive for ASCII), most events first.
///
/// # Errors
///
/// A 500 problem on an SQLite error.
pub fn search_actors(store: &Store, q: &str, limit: u32) -> Result<Vec<ActorHit>, Problem> {
    let escaped = q.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    let prefix = format!("{}%", escaped.to_uppercase());
    let contains = format!("%{escaped}%");
    let mut stmt = store
        .connection()
        .prepare_cached(
            "SELECT code, max(name), max(country), count(*) AS n FROM ( \
               SELECT source_code AS code, source_name AS name, source_country AS country FROM events \
               UNION ALL SELECT target_code, target_name, target_country FROM events) \
             WHERE code <> '' AND (code LIKE ?1 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\') \
             GROUP BY code ORDER BY n DESC, code LIMIT ?3",
        )
        .map_err(sql_err("searching actors"))?;
    let rows = stmt
        .query_map(params![prefix, contains, limit], |r| {
            Ok(ActorHit { code: r.get(0)?, name: r.get(1)?, country: r.get(2)?, events: r.get(3)? })
        })
        .map_err(sql_err("searching actors"))?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql_err("searching actors"))
}

/// The earliest and latest event dates.
///
/// # Errors
///
/// A 500 problem on an SQLite error.
pub fn date_range(store: &Store) -> Result<(Option<NaiveDate>, Option<NaiveDate>), Problem> {
    store
        .connection()
        .query_row("SELECT min(sqldate), max(sqldate) FROM events", [], |r| {
            Ok((date_from_sqldate(r.get(0)?), date_from_sqldate(r.get(1)?)))
        })
        .map_err(sql_err("reading the date range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_characters() {
        assert_eq!(char_span("Égypte a accusé Israël", "Israël"), [16, 22]);
        assert_eq!(char_span("Russia accused Ukraine", "ukraine"), [15, 22]);
        assert_eq!(char_span("Russia", "Chad"), [0, 0]);
        assert_eq!(char_span("Russia", " "), [0, 0]);
    }

    proptest::proptest! {
        #[test]
        fn spans_never_panic(h in ".*", n in ".*") {
            let [a, b] = char_span(&h, &n);
            proptest::prop_assert!(a <= b && b <= h.chars().count());
        }
    }
}
