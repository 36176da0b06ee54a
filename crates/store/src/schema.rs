//! The store's schema and its forward migrations. `docs/schema.md` documents
//! every table and column.

/// `PRAGMA application_id` of a dyad store (`"DYAD"` in ASCII).
pub const APPLICATION_ID: i32 = 0x4459_4144;

/// A forward migration: the schema version it produces, a description and
/// the SQL that takes the store from the previous version to this one.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The version after this migration.
    pub version: i64,
    /// What it does.
    pub description: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// The newest schema version this build understands.
pub const CURRENT_VERSION: i64 = 9;

/// Every migration, oldest first. A new one is appended; old ones never change.
pub const MIGRATIONS: [Migration; 9] = [
    Migration {
        version: 1,
        description: "articles, sentences, events, mentions, near-duplicate bands",
        sql: r#"
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    content_hash  BLOB    NOT NULL UNIQUE,
    external_id   TEXT    NOT NULL,
    url           TEXT,
    source        TEXT,
    source_key    TEXT    NOT NULL,
    pub_date      TEXT,
    lang          TEXT,
    title         TEXT,
    text          TEXT    NOT NULL,
    char_len      INTEGER NOT NULL,
    minhash       BLOB    NOT NULL,
    shingles      INTEGER NOT NULL,
    duplicate_of  INTEGER REFERENCES articles(id),
    origin        TEXT    NOT NULL,
    added_at      INTEGER NOT NULL
);
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE minhash_bands (
    band    INTEGER NOT NULL,
    value   INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, value, article)
) WITHOUT ROWID;

CREATE TABLE sentences (
    article     INTEGER NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    char_offset INTEGER,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    event_key       TEXT    NOT NULL UNIQUE,
    sqldate         INTEGER,
    day_num         INTEGER,
    date_precision  TEXT,
    date_text       TEXT,
    source_code     TEXT    NOT NULL,
    source_country  TEXT    NOT NULL,
    source_agent    TEXT    NOT NULL,
    source_name     TEXT    NOT NULL,
    target_code     TEXT    NOT NULL,
    target_country  TEXT    NOT NULL,
    target_agent    TEXT    NOT NULL,
    target_name     TEXT    NOT NULL,
    cameo           TEXT    NOT NULL,
    cameo_base      TEXT    NOT NULL,
    cameo_root      TEXT    NOT NULL,
    quad_class      INTEGER,
    goldstein       REAL,
    plover_type     TEXT,
    plover_mode     TEXT,
    lang            TEXT    NOT NULL,
    is_root_event   INTEGER NOT NULL,
    num_mentions    INTEGER NOT NULL DEFAULT 0,
    num_sources     INTEGER NOT NULL DEFAULT 0,
    num_articles    INTEGER NOT NULL DEFAULT 0,
    avg_tone        REAL,
    first_article   INTEGER NOT NULL REFERENCES articles(id),
    source_url      TEXT,
    date_added      INTEGER NOT NULL,
    actor1_geo_type INTEGER, actor1_geo_fullname TEXT, actor1_geo_country TEXT, actor1_geo_adm1 TEXT,
    actor1_geo_adm2 TEXT, actor1_geo_lat REAL, actor1_geo_lon REAL, actor1_geo_feature_id TEXT,
    actor2_geo_type INTEGER, actor2_geo_fullname TEXT, actor2_geo_country TEXT, actor2_geo_adm1 TEXT,
    actor2_geo_adm2 TEXT, actor2_geo_lat REAL, actor2_geo_lon REAL, actor2_geo_feature_id TEXT,
    action_geo_type INTEGER, action_geo_fullname TEXT, action_geo_country TEXT, action_geo_adm1 TEXT,
    action_geo_adm2 TEXT, action_geo_lat REAL, action_geo_lon REAL, action_geo_feature_id TEXT
);

CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    event          INTEGER NOT NULL REFERENCES events(id),
    article        INTEGER NOT NULL REFERENCES articles(id),
    sentence_index INTEGER NOT NULL,
    dyad_event_id  TEXT    NOT NULL,
    source_text    TEXT    NOT NULL,
    target_text    TEXT    NOT NULL,
    trigger_text   TEXT    NOT NULL,
    rule           TEXT    NOT NULL,
    actor1_offset  INTEGER,
    actor2_offset  INTEGER,
    action_offset  INTEGER,
    in_raw_text    INTEGER NOT NULL DEFAULT 1,
    confidence     INTEGER NOT NULL DEFAULT 100,
    via_duplicate  INTEGER NOT NULL DEFAULT 0,
    added_at       INTEGER NOT NULL,
    UNIQUE (article, dyad_event_id)
);
CREATE INDEX mentions_event ON mentions(event, article);
"#,
    },
    Migration {
        version: 2,
        description: "query indexes: dyads by country and code, targets, dates, CAMEO codes, aggregates",
        sql: r#"
CREATE INDEX events_dyad_country ON events(source_country, target_country, sqldate);
CREATE INDEX events_dyad_code    ON events(source_code, target_code, sqldate);
CREATE INDEX events_target_country ON events(target_country, sqldate);
CREATE INDEX events_target_code  ON events(target_code, sqldate);
CREATE INDEX events_cameo        ON events(cameo, sqldate);
CREATE INDEX events_aggregate    ON events(sqldate, day_num, source_country, target_country,
                                           source_code, target_code, goldstein, num_mentions);
"#,
    },
    Migration {
        version: 3,
        description: "events.first_sentence: the first report's sentence without a mentions lookup",
        sql: r#"
ALTER TABLE events ADD COLUMN first_sentence INTEGER;
UPDATE events SET first_sentence =
    (SELECT m.sentence_index FROM mentions m WHERE m.event = events.id ORDER BY m.id LIMIT 1);
"#,
    },
    Migration {
        version: 4,
        description: "article_bands replaces minhash_bands: one appended row per article, \
                      the lookup itself is kept in memory by the writer",
        // `Store::open` fills `article_bands` for the articles already stored
        // (the band values are computed from `articles.minhash`).
        sql: r#"
CREATE TABLE article_bands (
    article INTEGER PRIMARY KEY REFERENCES articles(id),
    bands   BLOB    NOT NULL
);
DROP TABLE minhash_bands;
"#,
    },
    Migration {
        version: 5,
        description: "the coder's event locations: the place as written, its kind, its CAMEO country \
                      and its span in the first report's sentence, next to the GDELT ActionGeo columns",
        sql: r#"
ALTER TABLE events ADD COLUMN action_geo_text TEXT;
ALTER TABLE events ADD COLUMN action_geo_kind TEXT;
ALTER TABLE events ADD COLUMN action_geo_cameo TEXT;
ALTER TABLE events ADD COLUMN action_geo_span_start INTEGER;
ALTER TABLE events ADD COLUMN action_geo_span_end INTEGER;
"#,
    },
    Migration {
        version: 6,
        description: "cheaper MinHash slots (multiply-shift): the stored signatures and band values \
                      are recomputed from the articles' text",
        // `Store::open` recomputes `articles.minhash`/`shingles` and
        // `article_bands` for the articles already stored.
        sql: "-- recomputed in Rust",
    },
    Migration {
        version: 7,
        description: "cheaper ingest: no external_id index (no query looks articles up by it), and new \
                      articles store an empty minhash (their signature is computed from the text when \
                      a near-duplicate candidate is checked)",
        sql: "DROP INDEX IF EXISTS articles_external_id;",
    },
    Migration {
        version: 8,
        description: "each sentence's text stored once: `sentence_spans` keeps a sentence's place in \
                      its article's text (and its own text only when it is not found there), and \
                      `sentences` becomes a view with the same columns as before",
        sql: r#"
CREATE TABLE sentence_spans (
    article     INTEGER NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    char_offset INTEGER,
    char_len    INTEGER NOT NULL,
    text        TEXT,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
INSERT INTO sentence_spans (article, idx, char_offset, char_len, text)
SELECT s.article, s.idx, s.char_offset, length(s.text),
       CASE WHEN s.char_offset IS NOT NULL
                 AND substr(a.text, s.char_offset + 1, length(s.text)) = s.text
            THEN NULL ELSE s.text END
FROM sentences s JOIN articles a ON a.id = s.article;
DROP TABLE sentences;
CREATE VIEW sentences (article, idx, text, char_offset) AS
SELECT s.article, s.idx,
       COALESCE(s.text, (SELECT substr(a.text, s.char_offset + 1, s.char_len)
                         FROM articles a WHERE a.id = s.article)),
       s.char_offset
FROM sentence_spans s;
"#,
    },
    Migration {
        version: 9,
        description: "one-permutation MinHash (each shingle hashed once, into one slot), and the band \
                      values kept in `band_runs`, one row per batch instead of one per article: the \
                      values of the articles already stored are recomputed from their text, and their \
                      stored signatures are dropped (computed from the text when needed)",
        // `Store::open` recomputes `articles.shingles` and fills `band_runs`.
        sql: r#"
CREATE TABLE band_runs (
    last_article INTEGER PRIMARY KEY,
    bands        BLOB    NOT NULL
);
DROP TABLE article_bands;
"#,
    },
];
