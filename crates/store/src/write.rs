//! Writing articles and their events: one [`Batch`] is one transaction.

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Datelike, NaiveDate};
use dyad_coder::Event;
use dyad_ingest::Article;
use rusqlite::{params, CachedStatement, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::minhash::{self, signature, BandIndex, Signature};
use crate::query::Geo;
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

/// Where a stored sentence's text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SentenceText {
    /// `sentences[i]`.
    Split(usize),
    /// The evidence of `events[j]` (a sentence beyond the split ones).
    Evidence(usize),
}

/// One `sentence_spans` row to write: its index, its text, where it starts
/// in the article and its length, in characters (when it is found in the
/// article's text, the row keeps only its place there).
#[derive(Clone, Debug, PartialEq, Eq)]
struct SentenceRow {
    idx: usize,
    text: SentenceText,
    offset: Option<i64>,
    /// The length in characters when `offset` is known.
    len: i64,
}

/// Everything the store derives from an article, its sentences and its
/// events without looking at the store.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Derived {
    hash: [u8; 32],
    signature: Signature,
    bands: [i64; minhash::BANDS],
    source_key: String,
    char_len: i64,
    pub_date: Option<String>,
    /// Sentence rows: the split sentences in order, then the sentences of
    /// events beyond them.
    rows: Vec<SentenceRow>,
    /// How many rows are split sentences (row `i < split` has index `i`).
    split: usize,
}

impl Derived {
    fn new<S: AsRef<str>>(article: &Article, hash: [u8; 32], sentences: &[S], events: &[Event]) -> Derived {
        let signature = signature(&article.text);
        let bands = signature.bands();
        // Sentences with their character offset in the text, found in order.
        let mut rows = Vec::with_capacity(sentences.len());
        let mut cursor = Cursor::default();
        for (idx, s) in sentences.iter().enumerate() {
            let offset = cursor.find(&article.text, s.as_ref());
            let len = offset.map_or(0, |o| cursor.chars - o);
            rows.push(SentenceRow { idx, text: SentenceText::Split(idx), offset, len });
        }
        let split = rows.len();
        for (j, e) in events.iter().enumerate() {
            if e.sentence_index < split || rows[split..].iter().any(|r| r.idx == e.sentence_index) {
                continue;
            }
            let mut cursor = Cursor::default();
            let offset = cursor.find(&article.text, &e.evidence.sentence);
            let len = offset.map_or(0, |o| cursor.chars - o);
            rows.push(SentenceRow { idx: e.sentence_index, text: SentenceText::Evidence(j), offset, len });
        }
        Derived {
            hash,
            signature,
            bands,
            source_key: source_key(article),
            char_len: article.text.chars().count() as i64,
            pub_date: article.date.map(|d| d.to_string()),
            rows,
            split,
        }
    }

    /// The character offset of sentence `idx` in the article, when known.
    fn offset(&self, idx: usize) -> Option<i64> {
        if idx < self.split {
            return self.rows.get(idx).and_then(|r| r.offset);
        }
        self.rows.get(self.split..)?.iter().find(|r| r.idx == idx).and_then(|r| r.offset)
    }
}

/// A coded article made ready for storing: the article, every sentence
/// (`sentences[i]` is sentence `i`, as the text pipeline split it), its
/// events, and what the store derives from them without looking at the
/// store (content hash, MinHash signature, sentence offsets). Preparing is
/// pure and can run on any thread, next to the coding, so that
/// [`Batch::add_prepared`] only writes.
#[derive(Clone, Debug)]
pub struct Prepared {
    article: Article,
    sentences: Vec<String>,
    events: Vec<Event>,
    derived: Derived,
}

impl Prepared {
    /// Prepares `article` with its sentences and events. `hash` is its
    /// [`content_hash`] when the caller computed it already (to check it
    /// against [`crate::Store::content_hashes`], say); it must be that
    /// value, or the article would be stored under another identity.
    pub fn new(
        article: Article,
        hash: Option<[u8; 32]>,
        sentences: Vec<String>,
        events: Vec<Event>,
    ) -> Prepared {
        let hash = hash.unwrap_or_else(|| content_hash(&article));
        debug_assert_eq!(hash, content_hash(&article), "the content hash of another article");
        let derived = Derived::new(&article, hash, &sentences, &events);
        Prepared { article, sentences, events, derived }
    }

    /// The article.
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// Its sentences.
    pub fn sentences(&self) -> &[String] {
        &self.sentences
    }

    /// Its events.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Its [`content_hash`].
    pub fn hash(&self) -> &[u8; 32] {
        &self.derived.hash
    }
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

/// How precise an event's date is: the coder's precision, else `day` for a
/// dated event (a publication date), else nothing.
fn date_precision(e: &Event) -> Option<&str> {
    e.date?;
    Some(e.date_precision.as_deref().map(str::trim).filter(|p| !p.is_empty()).unwrap_or("day"))
}

/// Rounds a coordinate to the four decimals of the gazetteer (the coder
/// widens its `f32` values, which would print as `41.89189910888672`);
/// `None` for a value that is not a coordinate.
fn coordinate(v: f64, limit: f64) -> Option<f64> {
    (v.is_finite() && v.abs() <= limit).then(|| (v * 10_000.0).round() / 10_000.0)
}

/// The event's location as the `action_geo_*` columns hold it (empty
/// strings become NULL, so that exports leave the fields empty).
pub(crate) fn action_geo(e: &Event) -> Geo {
    let Some(l) = &e.location else { return Geo::default() };
    let text = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
    let (lat, lon) = match (coordinate(l.lat, 90.0), coordinate(l.lon, 180.0)) {
        (Some(lat), Some(lon)) => (Some(lat), Some(lon)),
        _ => (None, None),
    };
    Geo {
        geo_type: Some(i64::from(l.geo_type)),
        fullname: text(&l.name),
        country: text(&l.country_fips),
        adm1: text(&l.adm1),
        adm2: None,
        lat,
        lon,
        feature_id: text(&l.feature_id),
        text: text(&l.text),
        kind: text(&l.kind),
        cameo_country: text(&l.country),
        span: l.span.and_then(|[a, b]| Some([i64::try_from(a).ok()?, i64::try_from(b).ok()?])),
    }
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

/// Undoes a batch's additions to the in-memory band index unless the batch
/// committed (SQLite rolls back the rows; this rolls back the memory).
struct Undo<'c> {
    index: &'c mut BandIndex,
    added: Vec<(i64, [i64; minhash::BANDS])>,
    max_before: i64,
    /// Content hashes the batch added to `index.hashes`.
    added_hashes: Vec<[u8; 32]>,
    max_hashed_before: i64,
    armed: bool,
}

impl Drop for Undo<'_> {
    fn drop(&mut self) {
        if self.armed {
            for (article, bands) in self.added.iter().rev() {
                self.index.remove(bands, *article);
            }
            self.index.max_article = self.max_before;
            for h in &self.added_hashes {
                self.index.hashes.remove(h);
            }
            self.index.max_hashed = self.max_hashed_before;
        }
    }
}

/// Counts of an event first stored in this batch, kept in memory so that
/// the row needs no recount at commit.
struct NewEventCounts {
    mentions: i64,
    articles: Vec<i64>,
    sources: Vec<String>,
}

impl NewEventCounts {
    /// What the row was inserted with: the first mention's counts.
    const AS_INSERTED: (i64, i64, i64) = (1, 1, 1);

    fn counts(&self) -> (i64, i64, i64) {
        (self.mentions, self.sources.len() as i64, self.articles.len() as i64)
    }
}

/// A near-duplicate candidate: its stored signature (empty since schema
/// version 7), shingles, what it duplicates, the original's publication
/// date, and its text.
type Candidate = (Vec<u8>, i64, Option<i64>, Option<String>, String);

const INSERT_ARTICLE: &str =
    "INSERT OR IGNORE INTO articles (content_hash, external_id, url, source, source_key, pub_date, lang, \
     title, text, char_len, minhash, shingles, duplicate_of, origin, added_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
/// A batch's band values, one row at commit (see [`minhash::run_to_bytes`]).
const INSERT_BAND_RUN: &str = "INSERT INTO band_runs (last_article, bands) VALUES (?1, ?2)";
const INSERT_SENTENCE: &str =
    "INSERT OR IGNORE INTO sentence_spans (article, idx, char_offset, char_len, text) \
     VALUES (?1, ?2, ?3, ?4, ?5)";
const FIND_EVENT: &str = "SELECT id FROM events WHERE event_key = ?1";
const INSERT_MENTION: &str =
    "INSERT OR IGNORE INTO mentions (event, article, sentence_index, dyad_event_id, \
     source_text, target_text, trigger_text, rule, actor1_offset, actor2_offset, \
     action_offset, via_duplicate, added_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const FIRST_LOCATION: &str =
    "UPDATE events SET action_geo_type = ?2, action_geo_fullname = ?3, action_geo_country = ?4, \
     action_geo_adm1 = ?5, action_geo_lat = ?6, action_geo_lon = ?7, action_geo_feature_id = ?8, \
     action_geo_text = ?9, action_geo_kind = ?10, action_geo_cameo = ?11, \
     action_geo_span_start = ?12, action_geo_span_end = ?13 \
     WHERE id = ?1 AND action_geo_type IS NULL";
const INSERT_EVENT: &str = "INSERT INTO events (event_key, sqldate, day_num, date_precision, date_text, \
     source_code, source_country, source_agent, source_name, \
     target_code, target_country, target_agent, target_name, \
     cameo, cameo_base, cameo_root, quad_class, goldstein, plover_type, plover_mode, lang, \
     is_root_event, first_article, source_url, date_added, first_sentence, \
     num_mentions, num_sources, num_articles, \
     action_geo_type, action_geo_fullname, action_geo_country, action_geo_adm1, \
     action_geo_lat, action_geo_lon, action_geo_feature_id, action_geo_text, action_geo_kind, \
     action_geo_cameo, action_geo_span_start, action_geo_span_end) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
     ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, \
     ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41)";

/// The statements a batch runs for every article or event, prepared once
/// per batch (from the connection's cache, so once per connection) and
/// held, instead of a cache lookup by SQL text on every row.
struct Statements<'c> {
    article: CachedStatement<'c>,
    sentence: CachedStatement<'c>,
    find_event: CachedStatement<'c>,
    event: CachedStatement<'c>,
    mention: CachedStatement<'c>,
    first_location: CachedStatement<'c>,
}

impl<'c> Statements<'c> {
    fn prepare(conn: &'c Connection) -> Result<Statements<'c>> {
        let p = |sql: &str| conn.prepare_cached(sql).ctx("preparing the batch's statements");
        Ok(Statements {
            article: p(INSERT_ARTICLE)?,
            sentence: p(INSERT_SENTENCE)?,
            find_event: p(FIND_EVENT)?,
            event: p(INSERT_EVENT)?,
            mention: p(INSERT_MENTION)?,
            first_location: p(FIRST_LOCATION)?,
        })
    }
}

/// One transaction of writes. Dropping it without [`Batch::commit`] rolls
/// everything back.
pub struct Batch<'c> {
    /// Declared before `tx`, so that the statements go back to the cache
    /// before the transaction ends.
    stmts: Statements<'c>,
    tx: Transaction<'c>,
    undo: Undo<'c>,
    /// Events that existed before this batch and got mentions in it.
    touched: BTreeSet<i64>,
    /// Events first stored in this batch.
    new_events: HashMap<i64, NewEventCounts>,
    /// The last hash [`Batch::contains`] found absent (so that `add` need
    /// not look it up again).
    absent: Cell<Option<[u8; 32]>>,
    now: i64,
}

impl<'c> Batch<'c> {
    pub(crate) fn begin(conn: &'c mut Connection, index: &'c mut BandIndex) -> Result<Batch<'c>> {
        // The `&mut` borrow guarantees no other transaction on this
        // connection; shared from here on so that the held statements and
        // the transaction both borrow it.
        let conn: &'c Connection = conn;
        let tx = Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)
            .ctx("starting a batch (is another ingest writing to this store?)")?;
        // Articles stored since the index was loaded (by an earlier run, or
        // another writer between our batches): we hold the write lock, so
        // nothing can be added while we read.
        {
            let mut stmt = tx
                .prepare_cached("SELECT bands FROM band_runs WHERE last_article > ?1 ORDER BY last_article")
                .ctx("loading the near-duplicate index")?;
            let mut rows = stmt.query([index.max_article]).ctx("loading the near-duplicate index")?;
            while let Some(r) = rows.next().ctx("loading the near-duplicate index")? {
                let bytes: Vec<u8> = r.get(0).ctx("loading the near-duplicate index")?;
                for (article, bands) in minhash::run_from_bytes(&bytes) {
                    if article > index.max_article {
                        index.insert(&bands, article);
                    }
                }
            }
        }
        // Content hashes likewise (rows are only appended, and `articles` may
        // hold rows without bands, so its ids are followed on their own).
        {
            let mut stmt = tx
                .prepare_cached("SELECT id, content_hash FROM articles WHERE id > ?1 ORDER BY id")
                .ctx("loading the stored articles' content hashes")?;
            let mut rows =
                stmt.query([index.max_hashed]).ctx("loading the stored articles' content hashes")?;
            while let Some(r) = rows.next().ctx("loading the stored articles' content hashes")? {
                let article: i64 = r.get(0).ctx("loading the stored articles' content hashes")?;
                let bytes: Vec<u8> = r.get(1).ctx("loading the stored articles' content hashes")?;
                if let Ok(hash) = <[u8; 32]>::try_from(bytes.as_slice()) {
                    index.hashes.insert(hash);
                }
                index.max_hashed = index.max_hashed.max(article);
            }
        }
        let max_before = index.max_article;
        let max_hashed_before = index.max_hashed;
        let stmts = Statements::prepare(conn)?;
        Ok(Batch {
            stmts,
            tx,
            undo: Undo {
                index,
                added: Vec::new(),
                max_before,
                added_hashes: Vec::new(),
                max_hashed_before,
                armed: true,
            },
            touched: BTreeSet::new(),
            new_events: HashMap::new(),
            absent: Cell::new(None),
            now: now_stamp(),
        })
    }

    /// Whether an article with this content hash is stored (committed, or
    /// added earlier in this batch).
    ///
    /// # Errors
    ///
    /// An SQLite error.
    pub fn contains(&self, hash: &[u8; 32]) -> Result<bool> {
        // The in-memory set holds every committed article (loaded when the
        // batch began, under the write lock) and this batch's.
        let found = self.undo.index.hashes.contains(hash);
        self.absent.set((!found).then_some(*hash));
        Ok(found)
    }

    /// The original that `sig` near-duplicates among `candidates` (articles
    /// sharing a band with it), with the original's publication date.
    fn find_original(&self, candidates: Vec<i64>, sig: &Signature) -> Result<Option<(i64, Option<String>)>> {
        if candidates.is_empty() {
            return Ok(None);
        }
        // Signatures are not stored since schema version 7: a candidate's is
        // computed from its text (candidates are few); articles stored
        // before keep theirs.
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT a.minhash, a.shingles, a.duplicate_of, \
                 (SELECT pub_date FROM articles o WHERE o.id = COALESCE(a.duplicate_of, a.id)), a.text \
                 FROM articles a WHERE a.id = ?1",
            )
            .ctx("looking up near-duplicates")?;
        for id in candidates {
            let row: Option<Candidate> = stmt
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
                .optional()
                .ctx("looking up near-duplicates")?;
            let Some((bytes, shingles, dup, date, text)) = row else { continue };
            let other = match Signature::from_bytes(&bytes, usize::try_from(shingles).unwrap_or(0)) {
                Some(stored) => stored,
                None => signature(&text),
            };
            if sig.near(&other) {
                return Ok(Some((dup.unwrap_or(id), date)));
            }
        }
        Ok(None)
    }

    /// Stores an article and the events coded from it, with the sentences
    /// that carry events. An article already in the store (same
    /// [`content_hash`]) is left alone.
    ///
    /// # Errors
    ///
    /// An SQLite error; the batch should then be dropped.
    pub fn add(&mut self, article: &Article, events: &[Event]) -> Result<Stored> {
        self.add_with_sentences::<&str>(article, &[], events)
    }

    /// Stores an article, every one of its sentences (`sentences[i]` is
    /// sentence `i`, as the text pipeline split it) and the events coded
    /// from it. Sentences of events beyond `sentences` are stored from the
    /// events' evidence. An article already in the store (same
    /// [`content_hash`]) is left alone.
    ///
    /// # Errors
    ///
    /// An SQLite error; the batch should then be dropped.
    pub fn add_with_sentences<S: AsRef<str>>(
        &mut self,
        article: &Article,
        sentences: &[S],
        events: &[Event],
    ) -> Result<Stored> {
        let hash = content_hash(article);
        let known_absent = self.absent.take() == Some(hash);
        if !known_absent && self.contains(&hash)? {
            self.absent.set(None);
            return Ok(Stored::AlreadyStored);
        }
        self.absent.set(None);
        let derived = Derived::new(article, hash, sentences, events);
        self.store_new(article, &derived, sentences, events)
    }

    /// Stores a [`Prepared`] article as [`Batch::add_with_sentences`] does,
    /// with nothing left to compute but the writes. An article already in
    /// the store (same [`content_hash`]) is left alone.
    ///
    /// # Errors
    ///
    /// An SQLite error; the batch should then be dropped.
    pub fn add_prepared(&mut self, prepared: &Prepared) -> Result<Stored> {
        self.absent.set(None);
        if self.undo.index.hashes.contains(&prepared.derived.hash) {
            return Ok(Stored::AlreadyStored);
        }
        self.store_new(&prepared.article, &prepared.derived, &prepared.sentences, &prepared.events)
    }

    /// Stores an article the batch does not hold yet.
    fn store_new<S: AsRef<str>>(
        &mut self,
        article: &Article,
        derived: &Derived,
        sentences: &[S],
        events: &[Event],
    ) -> Result<Stored> {
        let hash = derived.hash;
        let sig = &derived.signature;
        let bands = derived.bands;
        // The row id the article gets: row ids only grow and the batch holds
        // the write lock, so it is one past the largest one loaded (checked
        // after the insert). Knowing it, the band index is looked up and
        // updated in one walk.
        let expected = self.undo.index.max_hashed + 1;
        let max_article_before = self.undo.index.max_article;
        let candidates = self.undo.index.candidates_then_insert(&bands, expected);
        self.undo.added.push((expected, bands));
        let original = self.find_original(candidates, sig)?;
        let source = &derived.source_key;
        // OR IGNORE: should the in-memory set ever miss a stored hash, the
        // UNIQUE constraint still keeps the article once.
        let inserted = self
            .stmts
            .article
            .execute(params![
                &hash[..],
                article.id,
                article.url,
                article.source,
                source,
                derived.pub_date,
                article.lang,
                article.title,
                article.text,
                derived.char_len,
                // Not stored since version 7: computed from the text when needed.
                &[] as &[u8],
                sig.shingles as i64,
                original.as_ref().map(|o| o.0),
                article.origin,
                self.now,
            ])
            .ctx("storing an article")?;
        let article_row = if inserted == 0 { None } else { Some(self.tx.last_insert_rowid()) };
        if article_row != Some(expected) {
            // Not stored, or (never expected) under another id: the band
            // index forgets `expected`.
            self.undo.added.pop();
            self.undo.index.remove(&bands, expected);
            self.undo.index.max_article = max_article_before;
        }
        let Some(article_row) = article_row else {
            // A committed row the set did not know: it stays known even if
            // this batch rolls back.
            self.undo.index.hashes.insert(hash);
            return Ok(Stored::AlreadyStored);
        };
        if article_row != expected {
            self.undo.index.insert(&bands, article_row);
            self.undo.added.push((article_row, bands));
        }
        if self.undo.index.hashes.insert(hash) {
            self.undo.added_hashes.push(hash);
        }
        self.undo.index.max_hashed = self.undo.index.max_hashed.max(article_row);

        {
            let stmt = &mut self.stmts.sentence;
            for row in &derived.rows {
                let text = match row.text {
                    SentenceText::Split(i) => sentences.get(i).map(AsRef::as_ref),
                    SentenceText::Evidence(j) => events.get(j).map(|e| e.evidence.sentence.as_str()),
                };
                let Some(text) = text else { continue };
                // A sentence found in the article's text is stored as its
                // place there (the `sentences` view reads it back).
                let (len, own) = match row.offset {
                    Some(_) => (row.len, None),
                    None => (text.chars().count() as i64, Some(text)),
                };
                stmt.execute(params![article_row, row.idx as i64, row.offset, len, own])
                    .ctx("storing a sentence")?;
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
            let key = event_key(e.date, e);
            let found = match event_row {
                Some(id) => Some(id),
                None => self.find_event(&key)?,
            };
            if let (Some(id), Some(_)) = (found, &e.location) {
                self.first_location(id, e)?;
            }
            let event_row = match found {
                Some(id) => id,
                None => {
                    new_events += 1;
                    let id = self.insert_event(&key, e, article, article_row)?;
                    self.new_events.insert(
                        id,
                        NewEventCounts { mentions: 0, articles: Vec::new(), sources: Vec::new() },
                    );
                    id
                }
            };
            let offset = derived.offset(e.sentence_index);
            let at = |span: [usize; 2]| offset.map(|o| o + span[0] as i64);
            let n = self
                .stmts
                .mention
                .execute(params![
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
                .ctx("storing a mention")?;
            mentions += n;
            match self.new_events.get_mut(&event_row) {
                Some(c) if n > 0 => {
                    c.mentions += n as i64;
                    if !c.articles.contains(&article_row) {
                        c.articles.push(article_row);
                    }
                    if !c.sources.contains(source) {
                        c.sources.push(source.clone());
                    }
                }
                Some(_) => {}
                None => {
                    self.touched.insert(event_row);
                }
            }
        }
        Ok(Stored::New {
            article: article_row,
            near_duplicate_of: original.map(|o| o.0),
            new_events,
            mentions,
        })
    }

    /// Gives a stored event without a location the location of this
    /// report; an event that has one keeps it (its first location).
    fn first_location(&mut self, id: i64, e: &Event) -> Result<()> {
        let g = action_geo(e);
        self.stmts
            .first_location
            .execute(params![
                id,
                g.geo_type,
                g.fullname,
                g.country,
                g.adm1,
                g.lat,
                g.lon,
                g.feature_id,
                g.text,
                g.kind,
                g.cameo_country,
                // The span is in this report's sentence, not the first's.
                None::<i64>,
                None::<i64>,
            ])
            .ctx("storing an event's location")?;
        Ok(())
    }

    fn find_event(&mut self, key: &str) -> Result<Option<i64>> {
        self.stmts.find_event.query_row([key], |r| r.get(0)).optional().ctx("looking up an event")
    }

    fn insert_event(&mut self, key: &str, e: &Event, article: &Article, article_row: i64) -> Result<i64> {
        let base = e.cameo.get(..3).unwrap_or(&e.cameo);
        let root = if e.cameo_root.is_empty() { e.cameo.get(..2).unwrap_or(&e.cameo) } else { &e.cameo_root };
        let (m, s, a) = NewEventCounts::AS_INSERTED;
        let g = action_geo(e);
        self.stmts
            .event
            .execute(params![
                key,
                e.date.map(sqldate),
                e.date.map(day_num),
                date_precision(e),
                e.date.and(e.date_text.as_deref()),
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
                article.url.as_deref().unwrap_or(&article.id),
                self.now,
                e.sentence_index as i64,
                m,
                s,
                a,
                g.geo_type,
                g.fullname,
                g.country,
                g.adm1,
                g.lat,
                g.lon,
                g.feature_id,
                g.text,
                g.kind,
                g.cameo_country,
                g.span.map(|s| s[0]),
                g.span.map(|s| s[1]),
            ])
            .ctx("storing an event")?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Brings the counts of every event the batch mentioned up to date, and
    /// commits everything atomically. Events first stored in this batch
    /// were counted as their mentions were added; events stored earlier are
    /// recounted from their mentions.
    ///
    /// # Errors
    ///
    /// An SQLite error; nothing of the batch is then stored.
    pub fn commit(self) -> Result<()> {
        let Batch { stmts, tx, mut undo, touched, new_events, .. } = self;
        drop(stmts);
        {
            let mut stmt = tx
                .prepare_cached(
                    "UPDATE events SET num_mentions = ?2, num_sources = ?3, num_articles = ?4 WHERE id = ?1",
                )
                .ctx("counting mentions")?;
            let mut changed: Vec<(i64, (i64, i64, i64))> = new_events
                .iter()
                .map(|(id, c)| (*id, c.counts()))
                .filter(|(_, c)| *c != NewEventCounts::AS_INSERTED)
                .collect();
            changed.sort_unstable();
            for (id, (m, s, a)) in changed {
                stmt.execute(params![id, m, s, a]).ctx("counting mentions")?;
            }
        }
        {
            let mut stmt = tx
                .prepare_cached(
                    "UPDATE events SET \
                     num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1), \
                     num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1), \
                     num_sources = (SELECT count(DISTINCT a.source_key) FROM mentions m \
                                    JOIN articles a ON a.id = m.article WHERE m.event = ?1) \
                     WHERE id = ?1",
                )
                .ctx("counting mentions")?;
            for id in &touched {
                stmt.execute([id]).ctx("counting mentions")?;
            }
        }
        // The batch's band values, one row (the writer holds the lock, so
        // row ids only grow from one run to the next).
        if let Some(last) = undo.added.iter().map(|(article, _)| *article).max() {
            tx.prepare_cached(INSERT_BAND_RUN)
                .and_then(|mut stmt| stmt.execute(params![last, minhash::run_to_bytes(&undo.added)]))
                .ctx("storing the batch's band values")?;
        }
        tx.commit().ctx("committing a batch")?;
        undo.armed = false;
        Ok(())
    }
}

/// Finds sentences in an article's text in order, keeping byte and
/// character positions so that a long article is walked once.
#[derive(Default)]
struct Cursor {
    byte: usize,
    chars: i64,
}

impl Cursor {
    /// The character offset of `s` at or after the cursor, moving the
    /// cursor past it; `None` (cursor unchanged) when it is not there.
    fn find(&mut self, text: &str, s: &str) -> Option<i64> {
        if s.is_empty() {
            return None;
        }
        let rest = text.get(self.byte..)?;
        // Usually the next sentence follows after some white space.
        let skipped = rest.len() - rest.trim_start().len();
        let at = if rest.get(skipped..).is_some_and(|r| r.starts_with(s)) { skipped } else { rest.find(s)? };
        let start = self.chars + rest.get(..at).map(|p| p.chars().count() as i64).unwrap_or(0);
        self.byte += at + s.len();
        self.chars = start + s.chars().count() as i64;
        Some(start)
    }
}

/// Fills `article_bands` for articles stored before schema version 4.
/// Recomputes every stored article's signature and band values from its
/// text (schema version 6 changed how signatures are computed).
pub(crate) fn recompute_signatures(tx: &Transaction<'_>) -> Result<()> {
    /// Articles per `band_runs` row, as a batch of `dyad ingest` would write.
    const RUN: usize = 2000;
    let mut read = tx.prepare("SELECT id, text FROM articles ORDER BY id").ctx("recomputing signatures")?;
    let mut article = tx
        .prepare("UPDATE articles SET minhash = ?2, shingles = ?3 WHERE id = ?1")
        .ctx("recomputing signatures")?;
    let mut runs = tx.prepare(INSERT_BAND_RUN).ctx("recomputing signatures")?;
    let mut store_run = |run: &mut Vec<(i64, [i64; minhash::BANDS])>| -> Result<()> {
        if let Some(&(last, _)) = run.last() {
            runs.execute(params![last, minhash::run_to_bytes(run)]).ctx("recomputing signatures")?;
        }
        run.clear();
        Ok(())
    };
    let mut run = Vec::with_capacity(RUN);
    let mut rows = read.query([]).ctx("recomputing signatures")?;
    while let Some(r) = rows.next().ctx("recomputing signatures")? {
        let id: i64 = r.get(0).ctx("recomputing signatures")?;
        let text: String = r.get(1).ctx("recomputing signatures")?;
        let sig = signature(&text);
        // As for new articles since version 7: the signature itself is
        // computed from the text when a candidate is checked.
        article.execute(params![id, &[] as &[u8], sig.shingles as i64]).ctx("recomputing signatures")?;
        run.push((id, sig.bands()));
        if run.len() == RUN {
            store_run(&mut run)?;
        }
    }
    store_run(&mut run)
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

    #[test]
    fn cursor_finds_sentences_in_order() {
        let text = "Été à Paris. Russia met Egypt. Été à Paris. Tail";
        let mut c = Cursor::default();
        assert_eq!(c.find(text, "Été à Paris."), Some(0));
        assert_eq!(c.find(text, "Russia met Egypt."), Some(13));
        assert_eq!(c.find(text, "Été à Paris."), Some(31));
        assert_eq!(c.find(text, "Russia met Egypt."), None);
        assert_eq!(c.find(text, "Tail"), Some(44));
        assert_eq!(c.find(text, ""), None);
    }

    proptest::proptest! {
        #[test]
        fn url_host_never_panics(s in ".*") {
            let _ = url_host(&s);
            let mut c = Cursor::default();
            let half: String = s.chars().skip(1).take(3).collect();
            if let Some(at) = c.find(&s, &half) {
                // `half` may hold fewer than three characters near the end.
                let found: String = s.chars().skip(at as usize).take(half.chars().count()).collect();
                proptest::prop_assert_eq!(found, half.clone());
            }
            let _ = c.find(&s, &half);
        }
    }
}
