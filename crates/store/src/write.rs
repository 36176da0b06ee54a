//! Writing articles and their events: one [`Batch`] is one transaction.

use std::collections::BTreeSet;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Datelike, NaiveDate};
use dyad_coder::Event;
use dyad_ingest::Article;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::minhash::{self, signature, Signature};
use crate::{Ctx, Result};

/// Events whose first mention is among an article's first `LEAD_SENTENCES`
/// sentences are root events (GDELT's "lead paragraph").
pub const LEAD_SENTENCES: usize = 3;

/// The content hash of an article: SHA-256 over its id, URL, source, date,
/// language, title and text. Two records with the same hash are the same
/// article; a syndicated copy under another id or URL is a different
/// article (and a near-duplicate).
pub fn content_hash(a: &Article) -> [u8; 32] {
    let mut h = Sha256::new();
    let mut field = |s: Option<&str>| {
        match s {
            None => h.update([0u8]),
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
        };
    };
    let date = a.date.map(|d| d.to_string());
    field(Some(&a.id));
    field(a.url.as_deref());
    field(a.source.as_deref());
    field(date.as_deref());
    field(a.lang.as_deref());
    field(a.title.as_deref());
    field(Some(&a.text));
    h.finalize().into()
}

/// The current UTC time as GDELT's `YYYYMMDDHHMMSS` integer.
pub(crate) fn now_stamp() -> i64 {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.format("%Y%m%d%H%M%S").to_string().parse().unwrap_or(0))
        .unwrap_or(0)
}

/// The current UTC time in RFC 3339 form.
pub(crate) fn now_text() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0).map(|t| t.to_rfc3339()).unwrap_or_default()
}

/// `YYYYMMDD` as an integer.
pub(crate) fn sqldate(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 10000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

/// Days since 1970-01-01.
pub(crate) fn day_num(d: NaiveDate) -> i64 {
    d.signed_duration_since(NaiveDate::default()).num_days()
}

fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The key that tells sources apart for `num_sources`: the record's
/// `source`, else its URL's host, else the article id.
pub(crate) fn source_key(a: &Article) -> String {
    if let Some(s) = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return s.to_lowercase();
    }
    if let Some(h) = a.url.as_deref().and_then(url_host) {
        return h.to_lowercase();
    }
    format!("id:{}", a.id)
}

fn event_key(date: Option<NaiveDate>, e: &Event) -> String {
    let d = date.map(|d| sqldate(d).to_string()).unwrap_or_default();
    format!("{d}|{}|{}|{}", e.source.code, e.target.code, e.cameo)
}

fn char_index(haystack: &str, byte: usize) -> i64 {
    haystack.get(..byte).map(|s| s.chars().count() as i64).unwrap_or(0)
}

/// What [`Batch::add`] did with an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// The store already had it; nothing changed.
    AlreadyStored,
    /// Stored now.
    New {
        /// The article's row id.
        article: i64,
        /// The earlier article this one near-duplicates, if any.
        near_duplicate_of: Option<i64>,
        /// Events seen for the first time.
        new_events: usize,
        /// Mentions added (one per coded event).
        mentions: usize,
    },
}

impl Stored {
    /// Whether the article was stored by this call.
    pub fn is_stored(&self) -> bool {
        matches!(self, Stored::New { .. })
    }
}

/// One transaction of writes. Dropping it without [`Batch::commit`] rolls
/// everything back.
pub struct Batch<'c> {
    tx: Transaction<'c>,
    touched: BTreeSet<i64>,
    now: i64,
}

impl<'c> Batch<'c> {
    pub(crate) fn begin(conn: &'c mut Connection) -> Result<Batch<'c>> {
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .ctx("starting a batch (is another ingest writing to this store?)")?;
        Ok(Batch { tx, touched: BTreeSet::new(), now: now_stamp() })
    }

    /// Whether an article with this content hash is stored (committed, or
    /// added earlier in this batch).
    ///
    /// # Errors
    ///
    /// An SQLite error.
    pub fn contains(&self, hash: &[u8; 32]) -> Result<bool> {
        self.tx
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM articles WHERE content_hash = ?1)")
            .and_then(|mut s| s.query_row([&hash[..]], |r| r.get(0)))
            .ctx("looking up an article")
    }

    fn find_original(&self, sig: &Signature) -> Result<Option<(i64, Option<String>)>> {
        let mut candidates = BTreeSet::new();
        {
            let mut stmt = self
                .tx
                .prepare_cached("SELECT article FROM minhash_bands WHERE band = ?1 AND value = ?2")
                .ctx("looking up near-duplicates")?;
            for band in 0..minhash::BANDS {
                let rows = stmt
                    .query_map(params![band as i64, sig.band(band)], |r| r.get::<_, i64>(0))
                    .ctx("looking up near-duplicates")?;
                for id in rows {
                    candidates.insert(id.ctx("looking up near-duplicates")?);
                }
            }
        }
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT a.minhash, a.shingles, a.duplicate_of, \
                 (SELECT pub_date FROM articles o WHERE o.id = COALESCE(a.duplicate_of, a.id)) \
                 FROM articles a WHERE a.id = ?1",
            )
            .ctx("looking up near-duplicates")?;
        for id in candidates {
            let (bytes, shingles, dup, date): (Vec<u8>, i64, Option<i64>, Option<String>) = stmt
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .ctx("looking up near-duplicates")?;
            let Some(other) = Signature::from_bytes(&bytes, usize::try_from(shingles).unwrap_or(0)) else {
                continue;
            };
            if sig.near(&other) {
                return Ok(Some((dup.unwrap_or(id), date)));
            }
        }
        Ok(None)
    }

    /// Stores an article and the events coded from it. An article already
    /// in the store (same [`content_hash`]) is left alone.
    ///
    /// # Errors
    ///
    /// An SQLite error; the batch should then be dropped.
    pub fn add(&mut self, article: &Article, events: &[Event]) -> Result<Stored> {
        let hash = content_hash(article);
        if self.contains(&hash)? {
            return Ok(Stored::AlreadyStored);
        }
        let sig = signature(&article.text);
        let original = self.find_original(&sig)?;
        let tx = &self.tx;
        tx.prepare_cached(
            "INSERT INTO articles (content_hash, external_id, url, source, source_key, pub_date, lang, \
             title, text, char_len, minhash, shingles, duplicate_of, origin, added_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )
        .and_then(|mut s| {
            s.execute(params![
                &hash[..],
                article.id,
                article.url,
                article.source,
                source_key(article),
                article.date.map(|d| d.to_string()),
                article.lang,
                article.title,
                article.text,
                article.text.chars().count() as i64,
                sig.to_bytes(),
                sig.shingles as i64,
                original.as_ref().map(|o| o.0),
                article.origin,
                self.now,
            ])
        })
        .ctx("storing an article")?;
        let article_row = tx.last_insert_rowid();
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO minhash_bands (band, value, article) VALUES (?1, ?2, ?3)",
                )
                .ctx("storing a signature")?;
            for band in 0..minhash::BANDS {
                stmt.execute(params![band as i64, sig.band(band), article_row]).ctx("storing a signature")?;
            }
        }
        // Sentences that carry events, with their character offset in the text.
        let mut sentence_offsets = std::collections::BTreeMap::new();
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO sentences (article, idx, text, char_offset) VALUES (?1, ?2, ?3, ?4)",
                )
                .ctx("storing a sentence")?;
            for e in events {
                if sentence_offsets.contains_key(&e.sentence_index) {
                    continue;
                }
                let s = &e.evidence.sentence;
                let offset = (!s.is_empty())
                    .then(|| article.text.find(s.as_str()))
                    .flatten()
                    .map(|b| char_index(&article.text, b));
                stmt.execute(params![article_row, e.sentence_index as i64, s, offset])
                    .ctx("storing a sentence")?;
                sentence_offsets.insert(e.sentence_index, offset);
            }
        }
        let original_date = original
            .as_ref()
            .and_then(|(_, d)| d.as_deref())
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut new_events = 0;
        let mut mentions = 0;
        for e in events {
            // A near-duplicate's events dated by its own publication date are
            // the original's events, dated by the original's.
            let mut event_row = None;
            if let (Some(od), true) = (original_date, e.date == article.date) {
                event_row = self.find_event(&event_key(Some(od), e))?;
            }
            let event_row = match event_row {
                Some(id) => id,
                None => match self.find_event(&event_key(e.date, e))? {
                    Some(id) => id,
                    None => {
                        new_events += 1;
                        self.insert_event(e, article, article_row)?
                    }
                },
            };
            let offset = sentence_offsets.get(&e.sentence_index).copied().flatten();
            let at = |span: [usize; 2]| offset.map(|o| o + span[0] as i64);
            let n = self
                .tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO mentions (event, article, sentence_index, dyad_event_id, \
                     source_text, target_text, trigger_text, rule, actor1_offset, actor2_offset, \
                     action_offset, via_duplicate, added_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        event_row,
                        article_row,
                        e.sentence_index as i64,
                        e.event_id,
                        e.source.text,
                        e.target.text,
                        e.evidence.trigger.text,
                        e.evidence.rule,
                        at(e.source.span),
                        at(e.target.span),
                        at(e.evidence.trigger.span),
                        original.is_some(),
                        self.now,
                    ])
                })
                .ctx("storing a mention")?;
            mentions += n;
            self.touched.insert(event_row);
        }
        Ok(Stored::New {
            article: article_row,
            near_duplicate_of: original.map(|o| o.0),
            new_events,
            mentions,
        })
    }

    fn find_event(&self, key: &str) -> Result<Option<i64>> {
        self.tx
            .prepare_cached("SELECT id FROM events WHERE event_key = ?1")
            .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
            .ctx("looking up an event")
    }

    fn insert_event(&self, e: &Event, article: &Article, article_row: i64) -> Result<i64> {
        let base = e.cameo.get(..3).unwrap_or(&e.cameo);
        let root = if e.cameo_root.is_empty() { e.cameo.get(..2).unwrap_or(&e.cameo) } else { &e.cameo_root };
        self.tx
            .prepare_cached(
                "INSERT INTO events (event_key, sqldate, day_num, date_precision, date_text, \
                 source_code, source_country, source_agent, source_name, \
                 target_code, target_country, target_agent, target_name, \
                 cameo, cameo_base, cameo_root, quad_class, goldstein, plover_type, plover_mode, lang, \
                 is_root_event, first_article, source_url, date_added, first_sentence) \
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    event_key(e.date, e),
                    e.date.map(sqldate),
                    e.date.map(day_num),
                    e.date.map(|_| "day"),
                    e.source.code,
                    e.source.country,
                    e.source.agent,
                    e.source.text,
                    e.target.code,
                    e.target.country,
                    e.target.agent,
                    e.target.text,
                    e.cameo,
                    base,
                    root,
                    e.quad_class,
                    e.goldstein.map(f64::from),
                    e.plover.event_type,
                    e.plover.mode,
                    e.lang,
                    e.sentence_index < LEAD_SENTENCES,
                    article_row,
                    article.url.clone().unwrap_or_else(|| article.id.clone()),
                    self.now,
                    e.sentence_index as i64,
                ])
            })
            .ctx("storing an event")?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Recounts the touched events' mentions, sources and articles, and
    /// commits everything atomically.
    ///
    /// # Errors
    ///
    /// An SQLite error; nothing of the batch is then stored.
    pub fn commit(self) -> Result<()> {
        {
            let mut stmt = self
                .tx
                .prepare_cached(
                    "UPDATE events SET \
                     num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1), \
                     num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1), \
                     num_sources = (SELECT count(DISTINCT a.source_key) FROM mentions m \
                                    JOIN articles a ON a.id = m.article WHERE m.event = ?1) \
                     WHERE id = ?1",
                )
                .ctx("counting mentions")?;
            for id in &self.touched {
                stmt.execute([id]).ctx("counting mentions")?;
            }
        }
        self.tx.commit().ctx("committing a batch")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(url_host("https://www.bbc.co.uk/news/1"), Some("bbc.co.uk"));
        assert_eq!(url_host("http://user@host:8080?x"), Some("host"));
        assert_eq!(url_host("not a url"), None);
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 11).unwrap_or_default();
        assert_eq!(sqldate(d), 20240311);
        assert_eq!(day_num(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap_or_default()), 1);
        assert_eq!(now_stamp().to_string().len(), 14);
    }

    proptest::proptest! {
        #[test]
        fn url_host_never_panics(s in ".*") {
            let _ = url_host(&s);
            let _ = char_index(&s, s.len() / 2);
        }
    }
}
