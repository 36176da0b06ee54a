//! The dyad event store: coded articles, their sentences, deduplicated events
//! and every mention of each event, in one embedded SQLite file (WAL mode).
//!
//! - Articles are keyed by a content hash, so storing the same article twice
//!   changes nothing.
//! - Events are keyed by (date, source, target, CAMEO code): the same event
//!   reported by several sentences or articles is one event, and each report
//!   is a mention. `num_mentions`, `num_sources` and `num_articles` follow the
//!   GDELT 2.0 codebook, counted over the whole store.
//! - Near-duplicate articles (syndicated copies, re-publications with small
//!   edits, found by MinHash) add mentions to the original's events instead
//!   of new events, even when their publication date differs.
//! - Writes happen in [`Batch`]es, each one transaction: a crash loses at most
//!   the batch in flight, never half an article.
//!
//! The schema is documented in `docs/schema.md` and versioned in the
//! `schema_version` table; [`Store::open`] applies forward migrations.
//!
//! # Example
//!
//! ```
//! use dyad_store::{Filter, Store};
//! # fn main() -> Result<(), dyad_store::StoreError> {
//! let dir = tempfile::tempdir().map_err(|e| dyad_store::StoreError::Io {
//!     path: "tempdir".into(), source: e })?;
//! let mut store = Store::open(dir.path().join("events.sqlite"))?;
//! let article = dyad_ingest::Article {
//!     id: "a1".into(),
//!     text: "Russia accused Ukraine of violating the ceasefire.".into(),
//!     date: chrono::NaiveDate::from_ymd_opt(2024, 3, 11),
//!     lang: Some("en".into()),
//!     title: None,
//!     url: Some("https://example.org/a1".into()),
//!     source: None,
//!     origin: "doc".into(),
//! };
//! let mut batch = store.batch()?;
//! let stored = batch.add(&article, &[])?;
//! assert!(stored.is_stored());
//! // The same article again changes nothing.
//! assert!(!batch.add(&article, &[])?.is_stored());
//! batch.commit()?;
//! assert_eq!(store.stats()?.articles, 1);
//! assert_eq!(store.count(&Filter::default())?, 0);
//! # Ok(())
//! # }
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

pub mod minhash;
pub mod query;
pub mod schema;
mod write;

pub use query::{AggregateRow, DyadLevel, EventRow, Filter, Geo, MentionRow, Period, PlaceRow};
pub use write::{content_hash, Batch, Prepared, Stored};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not an SQLite database (corrupt, truncated or
    /// some other kind of file).
    #[error("{path}: not a dyad store: the file is not an SQLite database or is corrupt ({detail})")]
    NotADatabase {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// An SQLite database that some other program made.
    #[error("{path}: not a dyad store: {detail}; pass a new file with --db")]
    Foreign {
        /// The file.
        path: PathBuf,
        /// What is in it.
        detail: String,
    },
    /// A store written by a newer dyad.
    #[error("{path}: the store has schema version {found}, newer than this dyad understands ({supported}); upgrade dyad")]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// The store's version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Opening for reading a store that does not exist.
    #[error("{path}: no such store; create one with `dyad ingest --db {path}`")]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// A file-system error.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// A filter value that cannot be used.
    #[error("invalid filter: {0}")]
    Filter(String),
    /// An SQLite error while doing `context`.
    #[error("{context}: {source}")]
    Sqlite {
        /// What the store was doing.
        context: String,
        /// The error.
        #[source]
        source: rusqlite::Error,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub(crate) trait Ctx<T> {
    fn ctx(self, context: &str) -> Result<T>;
}

impl<T> Ctx<T> for rusqlite::Result<T> {
    fn ctx(self, context: &str) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite { context: context.to_string(), source })
    }
}

/// Counts of what a store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Articles stored.
    pub articles: u64,
    /// Of those, near-duplicates of an earlier article.
    pub near_duplicates: u64,
    /// Sentences stored.
    pub sentences: u64,
    /// Distinct events.
    pub events: u64,
    /// Mentions of events.
    pub mentions: u64,
}

/// An open dyad store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The writer's near-duplicate lookup, loaded by the first batch and
    /// brought up to date by every later one.
    bands: minhash::BandIndex,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
}

impl Store {
    /// Opens the store at `path`, creating it (and applying every migration)
    /// when the file does not exist or is empty.
    ///
    /// # Errors
    ///
    /// [`StoreError::NotADatabase`] for a corrupt or non-SQLite file,
    /// [`StoreError::Foreign`] for another program's database,
    /// [`StoreError::NewerSchema`] for a store from a newer dyad.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path.as_ref(), true)
    }

    /// Opens an existing store for queries; never creates one, and never
    /// migrates (a store with an older schema must be opened with
    /// [`Store::open`] first, which `dyad ingest` does).
    ///
    /// # Errors
    ///
    /// As [`Store::open`], and [`StoreError::Missing`] when there is no file.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        match std::fs::metadata(path) {
            Ok(m) if m.len() == 0 => return Err(StoreError::Missing { path: path.to_path_buf() }),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Missing { path: path.to_path_buf() })
            }
            Err(source) => return Err(StoreError::Io { path: path.to_path_buf(), source }),
        }
        Store::open_with(path, false)
    }

    fn open_with(path: &Path, create: bool) -> Result<Store> {
        let mut flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let not_db = |e: rusqlite::Error| -> StoreError {
            if is_not_a_database(&e) {
                StoreError::NotADatabase { path: path.to_path_buf(), detail: e.to_string() }
            } else {
                StoreError::Sqlite { context: format!("opening {}", path.display()), source: e }
            }
        };
        let conn = Connection::open_with_flags(path, flags).map_err(not_db)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(not_db)?;
        // Reading the header is what detects a file that is not a database.
        let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(not_db)?;
        let tables: Vec<String> = {
            let mut stmt = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .map_err(not_db)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(not_db)?;
            rows.collect::<rusqlite::Result<_>>().map_err(not_db)?
        };
        let mut store = Store { conn, path: path.to_path_buf(), bands: minhash::BandIndex::default() };
        if app_id != schema::APPLICATION_ID {
            if app_id != 0 || !tables.is_empty() {
                let what = if tables.is_empty() {
                    format!("it is an SQLite database with application id {app_id:#x}")
                } else {
                    let mut names = tables.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
                    if tables.len() > 5 {
                        names.push_str(", …");
                    }
                    format!("it is an SQLite database of some other program (tables: {names})")
                };
                return Err(StoreError::Foreign { path: path.to_path_buf(), detail: what });
            }
            if !create {
                return Err(StoreError::Missing { path: path.to_path_buf() });
            }
        }
        store.pragmas()?;
        store.migrate(create)?;
        Ok(store)
    }

    fn pragmas(&self) -> Result<()> {
        let mode: String =
            self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).ctx("setting WAL mode")?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Foreign {
                path: self.path.clone(),
                detail: format!("cannot switch the journal to WAL mode (got {mode})"),
            });
        }
        self.conn
            .execute_batch(
                "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;\
                 PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;\
                 PRAGMA wal_autocheckpoint = 16384;",
            )
            .ctx("setting connection options")
    }

    /// The schema version of the open store.
    ///
    /// # Errors
    ///
    /// An SQLite error.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COALESCE(MAX(version), 0) FROM schema_version", [], |r| r.get(0))
            .optional()
            .ctx("reading the schema version")
            .map(|v| v.unwrap_or(0))
    }

    fn migrate(&mut self, allowed: bool) -> Result<()> {
        let has_table: bool = self
            .conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version')",
                [],
                |r| r.get(0),
            )
            .ctx("reading the schema version")?;
        let current = if has_table { self.schema_version()? } else { 0 };
        if current > schema::CURRENT_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: current,
                supported: schema::CURRENT_VERSION,
            });
        }
        if current == schema::CURRENT_VERSION {
            return Ok(());
        }
        if !allowed {
            return Err(StoreError::Foreign {
                path: self.path.clone(),
                detail: format!(
                    "schema version {current} is older than {}; run `dyad ingest` on it once to migrate",
                    schema::CURRENT_VERSION
                ),
            });
        }
        let tx = self.conn.transaction().ctx("starting a migration")?;
        tx.execute_batch(&format!("PRAGMA application_id = {}", schema::APPLICATION_ID))
            .ctx("marking the file as a dyad store")?;
        if !has_table {
            tx.execute_batch(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, \
                 applied_at TEXT NOT NULL)",
            )
            .ctx("creating schema_version")?;
        }
        for m in schema::MIGRATIONS.iter().filter(|m| m.version > current) {
            tx.execute_batch(m.sql).ctx(&format!("applying migration {}", m.version))?;
            // Versions 4 and 6 filled and recomputed band values too; version
            // 9's recomputation, which every migration run reaches, supersedes
            // them.
            if m.version == 9 {
                write::recompute_signatures(&tx)?;
            }
            tx.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![m.version, m.description, write::now_text()],
            )
            .ctx("recording a migration")?;
        }
        tx.commit().ctx("committing a migration")
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a batch: one transaction that commits atomically.
    ///
    /// # Errors
    ///
    /// An SQLite error (for example a lock held too long by another writer).
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Batch::begin(&mut self.conn, &mut self.bands)
    }

    /// The content hashes ([`content_hash`]) of every stored article, so that
    /// a caller can skip stored articles before working on them (a
    /// [`Batch`] still leaves an article it is given twice alone).
    ///
    /// # Errors
    ///
    /// An SQLite error.
    pub fn content_hashes(&self) -> Result<std::collections::HashSet<[u8; 32]>> {
        let mut stmt =
            self.conn.prepare("SELECT content_hash FROM articles").ctx("reading content hashes")?;
        let mut rows = stmt.query([]).ctx("reading content hashes")?;
        let mut out = std::collections::HashSet::new();
        while let Some(r) = rows.next().ctx("reading content hashes")? {
            let bytes: Vec<u8> = r.get(0).ctx("reading content hashes")?;
            if let Ok(h) = <[u8; 32]>::try_from(bytes.as_slice()) {
                out.insert(h);
            }
        }
        Ok(out)
    }

    /// Counts of what the store holds.
    ///
    /// # Errors
    ///
    /// An SQLite error.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).ctx("counting").map(|n| n.max(0) as u64)
        };
        let tx_free = Stats {
            articles: count("SELECT count(*) FROM articles")?,
            near_duplicates: count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
            sentences: count("SELECT count(*) FROM sentence_spans")?,
            events: count("SELECT count(*) FROM events")?,
            mentions: count("SELECT count(*) FROM mentions")?,
        };
        Ok(tx_free)
    }

    /// Runs `f` inside one read transaction, so that everything it reads
    /// comes from one consistent snapshot even while a writer commits.
    ///
    /// # Errors
    ///
    /// An SQLite error, or `f`'s.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN DEFERRED").ctx("starting a read transaction")?;
        let out = f(self);
        let end = self.conn.execute_batch("COMMIT").ctx("ending a read transaction");
        let out = out?;
        end?;
        Ok(out)
    }

    /// The underlying connection, for tools that need plain SQL.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Copies the pages committed so far from the write-ahead log into the
    /// database file, without waiting for the writer or for readers (a
    /// passive checkpoint): frames still in use stay for a later one.
    ///
    /// A writer that runs this on a second connection after each batch
    /// (as `dyad ingest` does) keeps the log short, and leaves the final
    /// checkpoint, which closing the writer's connection does and waits on,
    /// only the last batch to copy and flush.
    ///
    /// # Examples
    ///
    /// ```
    /// # fn main() -> Result<(), dyad_store::StoreError> {
    /// let dir = tempfile::tempdir().map_err(|e| dyad_store::StoreError::Io { path: "tmp".into(), source: e })?;
    /// let path = dir.path().join("events.sqlite");
    /// let mut writer = dyad_store::Store::open(&path)?;
    /// writer.batch()?.commit()?;
    /// let checkpointer = dyad_store::Store::open_existing(&path)?;
    /// let done = checkpointer.checkpoint()?;
    /// assert_eq!(done.copied, done.logged);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// An SQLite error.
    pub fn checkpoint(&self) -> Result<Checkpoint> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok(Checkpoint { busy: r.get::<_, i64>(0)? != 0, logged: r.get(1)?, copied: r.get(2)? })
            })
            .ctx("checkpointing the write-ahead log")
    }
}

/// What a [`Store::checkpoint`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// Another checkpoint was running, so this one did nothing.
    pub busy: bool,
    /// Frames in the write-ahead log.
    pub logged: i64,
    /// Frames of the log now copied into the database file.
    pub copied: i64,
}
