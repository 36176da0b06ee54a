//! Deduplication, mention counts, near-duplicates, idempotence, queries and aggregates.

use chrono::NaiveDate;
use dyad_coder::{ActorRef, Event, Evidence, Plover, Trigger};
use dyad_ingest::Article;
use dyad_store::{DyadLevel, Filter, Period, Store, Stored};

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 3, d)
}

const TEXT: &str = "Russia accused Ukraine of violating the ceasefire along the front line near Donetsk on \
    Tuesday, and said its forces would respond to any further attacks on civilian areas. Officials in Kyiv \
    rejected the accusation and said Russian artillery had shelled three villages overnight.";

fn article(id: &str, source: &str, date: Option<NaiveDate>, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        date,
        lang: Some("en".into()),
        title: None,
        url: Some(format!("https://{source}/news/{id}")),
        source: None,
        origin: "test".into(),
    }
}

fn event(a: &Article, sentence: usize, n: usize, src: &str, tgt: &str, cameo: &str) -> Event {
    let sentence_text = a.text.split(". ").nth(sentence).unwrap_or("").to_string();
    let json = |v: &dyn erased::Json| v.json();
    // Built from JSON so that optional fields the coder adds later default to none.
    serde_json::from_value(serde_json::json!({
        "event_id": format!("{}:{sentence}:{n}", a.id),
        "article_id": a.id,
        "sentence_index": sentence,
        "date": a.date,
        "lang": "en",
        "source": json(&ActorRef::from_code(src, src, [0, 6])),
        "target": json(&ActorRef::from_code(tgt, tgt, [15, 22])),
        "cameo": cameo,
        "cameo_root": cameo.get(..2).unwrap_or(""),
        "goldstein": -2.0,
        "quad_class": 3,
        "plover": json(&Plover { event_type: Some("ACCUSE".into()), mode: None }),
        "evidence": json(&Evidence {
            sentence: sentence_text,
            trigger: Trigger { text: "accused".into(), span: [7, 14] },
            rule: "test".into(),
        }),
    }))
    .unwrap_or_else(|e| panic!("event: {e}"))
}

mod erased {
    pub trait Json {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or_else(|e| panic!("json: {e}"))
        }
    }
}

/// Takes a store back to the sentence layout before schema version 8 (a
/// `sentences` table holding every sentence's text), so that a test can
/// go back to an older version.
const BACK_TO_V7_SENTENCES: &str = "\
    CREATE TABLE sentences_v7 (article INTEGER NOT NULL REFERENCES articles(id), \
        idx INTEGER NOT NULL, text TEXT NOT NULL, char_offset INTEGER, \
        PRIMARY KEY (article, idx)) WITHOUT ROWID; \
    INSERT INTO sentences_v7 SELECT article, idx, text, char_offset FROM sentences; \
    DROP VIEW sentences; DROP TABLE sentence_spans; \
    ALTER TABLE sentences_v7 RENAME TO sentences;";

/// Takes a store back to the band layout before schema version 9 (one
/// `article_bands` row per article, here with zeroed values).
const BACK_TO_V8_BANDS: &str = "\
    CREATE TABLE article_bands (article INTEGER PRIMARY KEY REFERENCES articles(id), bands BLOB NOT NULL); \
    INSERT INTO article_bands SELECT id, zeroblob(128) FROM articles; \
    DROP TABLE band_runs;";

/// The stored band runs, decoded: (article, band values) in order.
fn band_runs(path: &std::path::Path) -> Vec<(i64, Vec<i64>)> {
    let c = rusqlite::Connection::open(path).unwrap_or_else(|e| panic!("{e}"));
    let mut stmt =
        c.prepare("SELECT bands FROM band_runs ORDER BY last_article").unwrap_or_else(|e| panic!("{e}"));
    let runs: Vec<Vec<u8>> =
        stmt.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for run in runs {
        assert_eq!(run.len() % (8 * 17), 0, "a run of whole entries");
        for entry in run.chunks_exact(8 * 17) {
            let values: Vec<i64> = entry
                .chunks_exact(8)
                .map(|c| i64::from_le_bytes(c.try_into().unwrap_or_else(|e| panic!("{e}"))))
                .collect();
            out.push((values[0], values[1..].to_vec()));
        }
    }
    out
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = Store::open(dir.path().join("s.sqlite")).unwrap_or_else(|e| panic!("open: {e}"));
    (dir, store)
}

fn all(store: &Store) -> Vec<dyad_store::EventRow> {
    let mut v = Vec::new();
    store
        .events(&Filter::default(), |e| {
            v.push(e);
            Ok::<_, dyad_store::StoreError>(())
        })
        .unwrap_or_else(|e| panic!("events: {e}"));
    v
}

#[test]
fn counts_follow_gdelt() {
    let (_dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    let b = article("b", "kyivpost.com", day(12), "Ukraine said Russia had accused it of violating the truce, in what officials in Kyiv called a pretext for new attacks on the eastern front and on the port of Odesa.");
    let c = article("c", "tass.ru", day(12), "Moscow says Kyiv broke the ceasefire again; the foreign ministry accused Ukraine of provocations and promised a response to the shelling of border towns in the Belgorod region this week.");
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    // Two mentions in one article, one in each of two more articles, two sources.
    for (art, evs) in [
        (&a, vec![event(&a, 0, 0, "RUS", "UKR", "112"), event(&a, 1, 0, "RUS", "UKR", "112")]),
        (&b, vec![event(&b, 0, 0, "RUS", "UKR", "112")]),
        (&c, vec![event(&c, 0, 0, "RUS", "UKR", "112"), event(&c, 0, 1, "UKR", "RUS", "111")]),
    ] {
        assert!(batch.add(art, &evs).unwrap_or_else(|e| panic!("{e}")).is_stored());
    }
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    let events = all(&store);
    assert_eq!(events.len(), 2);
    let e = events.iter().find(|e| e.cameo == "112").unwrap_or_else(|| panic!("no 112"));
    assert_eq!((e.num_mentions, e.num_articles, e.num_sources), (4, 3, 2));
    assert_eq!(e.source_url.as_deref(), Some("https://tass.ru/news/a"));
    assert_eq!(e.date, day(12));
    let stats = store.stats().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((stats.articles, stats.events, stats.mentions), (3, 2, 5));
}

#[test]
fn reingest_changes_nothing() {
    let (_dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    let evs = vec![event(&a, 0, 0, "RUS", "UKR", "112")];
    for round in 0..2 {
        let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
        let s = batch.add(&a, &evs).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.is_stored(), round == 0);
        batch.commit().unwrap_or_else(|e| panic!("{e}"));
    }
    let stats = store.stats().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((stats.articles, stats.events, stats.mentions), (1, 1, 1));
    assert_eq!(all(&store)[0].num_mentions, 1);
}

#[test]
fn near_duplicates_are_mentions_of_the_original() {
    let (_dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    // Republished a day later by another outlet, with a small edit.
    let b = article("b", "rt.com", day(13), &TEXT.replace("three villages", "3 villages"));
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add(&a, &[event(&a, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    let s = batch.add(&b, &[event(&b, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    match s {
        Stored::New { near_duplicate_of, new_events, mentions, .. } => {
            assert!(near_duplicate_of.is_some());
            assert_eq!((new_events, mentions), (0, 1));
        }
        Stored::AlreadyStored => panic!("b is a new article"),
    }
    let events = all(&store);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!((events[0].num_mentions, events[0].num_articles, events[0].num_sources), (2, 2, 2));
    assert_eq!(events[0].date, day(12));
    // A different story on the next day is a new event.
    let c = article("c", "rt.com", day(13), "Russian officials accused Ukraine of a drone strike on an oil depot in the Bryansk region, the second such attack this month, and said air defences had shot down six drones.");
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add(&c, &[event(&c, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all(&store).len(), 2);
}

#[test]
fn uncommitted_batches_leave_no_trace() {
    let (_dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    {
        let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
        batch.add(&a, &[event(&a, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    }
    let stats = store.stats().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((stats.articles, stats.events, stats.mentions), (0, 0, 0));
}

#[test]
fn filters_and_aggregates() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    let pairs = [
        ("RUS", "UKR", "112", 4),
        ("RUSGOV", "UKR", "112", 5),
        ("EGYGOV", "QAT", "040", 11),
        ("UKR", "RUS", "111", 12),
    ];
    for (i, (s, t, c, d)) in pairs.iter().enumerate() {
        let text = format!("Story {i} {TEXT} {}", "word ".repeat(i * 7));
        let a = article(&format!("x{i}"), "example.org", day(*d), &text);
        batch.add(&a, &[event(&a, 0, 0, s, t, c)]).unwrap_or_else(|e| panic!("{e}"));
    }
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    let count = |f: Filter| store.count(&f).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count(Filter::default()), 4);
    assert_eq!(
        count(Filter { source: Some("RUS".into()), target: Some("UKR".into()), ..Filter::default() }),
        2
    );
    assert_eq!(count(Filter { source: Some("RUSGOV".into()), ..Filter::default() }), 1);
    assert_eq!(count(Filter { source: Some("RUS*".into()), ..Filter::default() }), 2);
    assert_eq!(
        count(Filter {
            source: Some("RUS".into()),
            target: Some("UKR".into()),
            undirected: true,
            ..Filter::default()
        }),
        3
    );
    assert_eq!(count(Filter { actors: vec!["QAT".into()], ..Filter::default() }), 1);
    assert_eq!(count(Filter { cameo: vec!["11".into()], ..Filter::default() }), 3);
    assert_eq!(count(Filter { cameo: vec!["04".into()], ..Filter::default() }), 1);
    assert_eq!(count(Filter { quad_classes: vec![3], ..Filter::default() }), 4);
    assert_eq!(count(Filter { from: day(5), to: day(11), ..Filter::default() }), 2);
    assert_eq!(count(Filter { text: Some("ceasefire".into()), ..Filter::default() }), 4);
    assert_eq!(count(Filter { text: Some("no such words".into()), ..Filter::default() }), 0);
    assert_eq!(count(Filter { langs: vec!["it".into()], ..Filter::default() }), 0);

    let weeks = store
        .aggregate(&Filter::default(), Period::Week, DyadLevel::Country)
        .unwrap_or_else(|e| panic!("{e}"));
    // 2024-03-04 (Mon) week: RUS-UKR x2; 2024-03-11 week: EGY-QAT, UKR-RUS.
    let rus_ukr =
        weeks.iter().find(|r| r.source == "RUS" && r.target == "UKR").unwrap_or_else(|| panic!("{weeks:?}"));
    assert_eq!((rus_ukr.period, rus_ukr.events), (day(4).unwrap_or_default(), 2));
    assert_eq!(rus_ukr.avg_goldstein, Some(-2.0));
    assert_eq!(weeks.len(), 3);
    let months =
        store.aggregate(&Filter::default(), Period::Month, DyadLevel::Code).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(months.len(), 4);
    assert!(months.iter().all(|r| r.period == day(1).unwrap_or_default()));
    let days = store
        .aggregate(&Filter::default(), Period::Day, DyadLevel::Country)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(days.len(), 4);
}

#[test]
fn foreign_and_corrupt_files_are_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(
        &junk,
        b"this is not a database, just some text that is long enough to have a header........",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let err = Store::open(&junk).map(|_| ()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("not a dyad store"), "{err}");
    let foreign = dir.path().join("foreign.sqlite");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap_or_else(|e| panic!("{e}"));
        c.execute_batch("CREATE TABLE customers (id INTEGER)").unwrap_or_else(|e| panic!("{e}"));
    }
    let err = Store::open(&foreign).map(|_| ()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("customers"), "{err}");
    let err = Store::open_existing(dir.path().join("missing.sqlite"))
        .map(|_| ())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("no such store"), "{err}");
    // A newer schema is refused.
    let newer = dir.path().join("newer.sqlite");
    drop(Store::open(&newer).unwrap_or_else(|e| panic!("{e}")));
    {
        let c = rusqlite::Connection::open(&newer).unwrap_or_else(|e| panic!("{e}"));
        c.execute_batch("INSERT INTO schema_version VALUES (99, 'future', 'later')")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let err = Store::open(&newer).map(|_| ()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("newer"), "{err}");
    let s = Store::open(dir.path().join("fresh.sqlite")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.schema_version().unwrap_or(0), dyad_store::schema::CURRENT_VERSION);
}

#[test]
fn migration_4_indexes_stored_articles_for_near_duplicates() {
    let (dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add(&a, &[event(&a, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    // Back to schema version 3, as an older dyad left it.
    let path = dir.path().join("s.sqlite");
    rusqlite::Connection::open(&path)
        .and_then(|c| {
            c.execute_batch(BACK_TO_V7_SENTENCES)?;
            c.execute_batch(
                "DROP TABLE band_runs; \
                 CREATE TABLE minhash_bands (band INTEGER NOT NULL, value INTEGER NOT NULL, \
                 article INTEGER NOT NULL, PRIMARY KEY (band, value, article)) WITHOUT ROWID; \
                 ALTER TABLE events DROP COLUMN action_geo_text; \
                 ALTER TABLE events DROP COLUMN action_geo_kind; \
                 ALTER TABLE events DROP COLUMN action_geo_cameo; \
                 ALTER TABLE events DROP COLUMN action_geo_span_start; \
                 ALTER TABLE events DROP COLUMN action_geo_span_end; \
                 DELETE FROM schema_version WHERE version >= 4;",
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(store.schema_version().unwrap_or_default(), dyad_store::schema::CURRENT_VERSION);
    let b = article("b", "rt.com", day(13), &TEXT.replace("three villages", "3 villages"));
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    let s = batch.add(&b, &[event(&b, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(s, Stored::New { near_duplicate_of: Some(_), new_events: 0, .. }), "{s:?}");
}

#[test]
fn a_rolled_back_batch_is_forgotten_by_the_near_duplicate_index() {
    let (dir, mut store) = store();
    let x = article("x", "rt.com", day(12), "Egypt's foreign minister met his Qatari counterpart in Cairo on Monday to discuss the ceasefire talks and aid deliveries to Gaza.");
    {
        let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
        batch.add(&x, &[]).unwrap_or_else(|e| panic!("{e}"));
    } // rolled back
      // Another writer stores an article under the row id `x` had.
    {
        let mut other = Store::open(dir.path().join("s.sqlite")).unwrap_or_else(|e| panic!("{e}"));
        let mut batch = other.batch().unwrap_or_else(|e| panic!("{e}"));
        batch.add(&article("a", "tass.ru", day(12), TEXT), &[]).unwrap_or_else(|e| panic!("{e}"));
        batch.commit().unwrap_or_else(|e| panic!("{e}"));
    }
    // The first writer sees it: a near-duplicate of it is found.
    let b = article("b", "rt.com", day(13), &TEXT.replace("three villages", "3 villages"));
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    let s = batch.add(&b, &[]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(s, Stored::New { near_duplicate_of: Some(_), .. }), "{s:?}");
}

#[test]
fn the_in_memory_content_hashes_follow_rollbacks_and_other_writers() {
    let (dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    let hash = dyad_store::content_hash(&a);
    {
        let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
        batch.add(&a, &[]).unwrap_or_else(|e| panic!("{e}"));
        assert!(batch.contains(&hash).unwrap_or_else(|e| panic!("{e}")));
    } // rolled back: the writer must forget `a`
    {
        let batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
        assert!(!batch.contains(&hash).unwrap_or_else(|e| panic!("{e}")));
    }
    // Another writer stores `a`; the first writer sees it at its next batch
    // and leaves it alone.
    {
        let mut other = Store::open(dir.path().join("s.sqlite")).unwrap_or_else(|e| panic!("{e}"));
        let mut batch = other.batch().unwrap_or_else(|e| panic!("{e}"));
        assert!(batch.add(&a, &[]).unwrap_or_else(|e| panic!("{e}")).is_stored());
        batch.commit().unwrap_or_else(|e| panic!("{e}"));
    }
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    assert!(batch.contains(&hash).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(batch.add(&a, &[]).unwrap_or_else(|e| panic!("{e}")), Stored::AlreadyStored);
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.stats().unwrap_or_else(|e| panic!("{e}")).articles, 1);
}

#[test]
fn a_version_5_store_gets_band_values_recomputed_from_its_text() {
    let (dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add(&a, &[event(&a, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    // Back to schema version 5, with signatures the new code cannot match
    // (as the old slot hashes would be).
    let path = dir.path().join("s.sqlite");
    rusqlite::Connection::open(&path)
        .and_then(|c| {
            c.execute_batch(BACK_TO_V7_SENTENCES)?;
            c.execute_batch(BACK_TO_V8_BANDS)?;
            c.execute_batch(
                "UPDATE articles SET minhash = zeroblob(256); \
                 DELETE FROM schema_version WHERE version >= 6;",
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(store.schema_version().unwrap_or_default(), dyad_store::schema::CURRENT_VERSION);
    // Migration 9 (which supersedes 6) recomputed the band values from the
    // text and dropped the stored signature.
    let minhash: Vec<u8> = rusqlite::Connection::open(&path)
        .and_then(|c| c.query_row("SELECT minhash FROM articles", [], |r| r.get(0)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(minhash.is_empty(), "a stored signature was kept");
    let own = dyad_store::minhash::signature(TEXT).bands().to_vec();
    assert_eq!(band_runs(&path), vec![(1, own)]);
    // The recomputed bands find the near-duplicate.
    let b = article("b", "rt.com", day(13), &TEXT.replace("three villages", "3 villages"));
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    let s = batch.add(&b, &[event(&b, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(s, Stored::New { near_duplicate_of: Some(_), new_events: 0, .. }), "{s:?}");
}

/// Every row a store holds (apart from the times rows were added), as text.
fn dump(path: &std::path::Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for (table, order) in [
        ("articles", "id"),
        ("band_runs", "last_article"),
        ("sentences", "article, idx"),
        ("events", "id"),
        ("mentions", "id"),
    ] {
        let mut stmt =
            c.prepare(&format!("SELECT * FROM {table} ORDER BY {order}")).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
        let mut rows = stmt.query([]).unwrap_or_else(|e| panic!("{e}"));
        while let Some(r) = rows.next().unwrap_or_else(|e| panic!("{e}")) {
            let mut line = table.to_string();
            for (i, name) in names.iter().enumerate() {
                if name == "added_at" || name == "date_added" {
                    continue;
                }
                let v: rusqlite::types::Value = r.get(i).unwrap_or_else(|e| panic!("{e}"));
                line.push_str(&format!(" {name}={v:?}"));
            }
            out.push(line);
        }
    }
    out
}

#[test]
fn prepared_articles_are_stored_like_added_ones() {
    let a = article("a", "tass.ru", day(12), TEXT);
    let b = article("b", "rt.com", day(13), &TEXT.replace("three villages", "3 villages"));
    let c =
        article("c", "kyivpost.com", day(12), "Ukraine said Russia had accused it of violating the truce.");
    let split = |x: &Article| x.text.split_inclusive(". ").map(|s| s.trim().to_string()).collect::<Vec<_>>();
    // Sentence 5 is beyond the split sentences: stored from the evidence.
    let inputs = [
        (
            a.clone(),
            split(&a),
            vec![event(&a, 0, 0, "RUS", "UKR", "112"), event(&a, 1, 0, "UKR", "RUS", "111")],
        ),
        (b.clone(), split(&b), vec![event(&b, 0, 0, "RUS", "UKR", "112")]),
        (
            c.clone(),
            Vec::new(),
            vec![event(&c, 0, 0, "UKR", "RUS", "112"), event(&c, 5, 0, "UKR", "RUS", "112")],
        ),
    ];
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (added, prepared) = (dir.path().join("added.sqlite"), dir.path().join("prepared.sqlite"));
    let mut outcomes = Vec::new();
    for (path, use_prepared) in [(&added, false), (&prepared, true)] {
        let mut store = Store::open(path).unwrap_or_else(|e| panic!("{e}"));
        let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
        let mut these = Vec::new();
        // Each article twice: the second time it is already stored.
        for (art, sentences, events) in inputs.iter().chain(inputs.iter()) {
            let s = if use_prepared {
                let hash = Some(dyad_store::content_hash(art));
                let p = dyad_store::Prepared::new(art.clone(), hash, sentences.clone(), events.clone());
                assert_eq!(p.hash(), &dyad_store::content_hash(art));
                batch.add_prepared(&p)
            } else {
                batch.add_with_sentences(art, sentences, events)
            };
            these.push(s.unwrap_or_else(|e| panic!("{e}")));
        }
        batch.commit().unwrap_or_else(|e| panic!("{e}"));
        outcomes.push(these);
    }
    assert_eq!(outcomes[0], outcomes[1]);
    assert!(matches!(outcomes[1][1], Stored::New { near_duplicate_of: Some(_), .. }), "{:?}", outcomes[1]);
    assert!(outcomes[1][3..].iter().all(|s| *s == Stored::AlreadyStored));
    let (x, y) = (dump(&added), dump(&prepared));
    assert!(x.iter().any(|l| l.starts_with("sentences") && l.contains("idx=Integer(5)")), "{x:#?}");
    assert_eq!(x, y);
}

#[test]
fn migrations_7_and_9_drop_the_index_and_recompute_signatures_from_the_text() {
    let (dir, mut store) = store();
    let a = article("a", "tass.ru", day(12), TEXT);
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add(&a, &[event(&a, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    let path = dir.path().join("s.sqlite");
    let sql = |q: &str| -> i64 {
        rusqlite::Connection::open(&path)
            .and_then(|c| c.query_row(q, [], |r| r.get(0)))
            .unwrap_or_else(|e| panic!("{q}: {e}"))
    };
    // A new store keeps no signature: it is computed from the text.
    assert_eq!(sql("SELECT length(minhash) FROM articles"), 0);
    assert_eq!(sql("SELECT count(*) FROM sqlite_master WHERE name = 'articles_external_id'"), 0);
    let own = dyad_store::minhash::signature(TEXT);
    assert_eq!(band_runs(&path), vec![(1, own.bands().to_vec())]);
    // Back to schema version 6: the index, and a stored signature and band
    // values of another text, as an older signature scheme would have left
    // values that the current one cannot match.
    let far = "Egypt's foreign minister met his Qatari counterpart in Cairo on Monday to discuss the \
               ceasefire talks and aid deliveries to Gaza.";
    let sig = dyad_store::minhash::signature(far);
    rusqlite::Connection::open(&path)
        .and_then(|c| {
            c.execute_batch(BACK_TO_V8_BANDS)?;
            let bands: Vec<u8> = sig.bands().iter().flat_map(|b| b.to_le_bytes()).collect();
            c.execute("UPDATE articles SET minhash = ?1, shingles = 1", [sig.to_bytes()])?;
            c.execute("UPDATE article_bands SET bands = ?1", [bands])?;
            c.execute_batch(BACK_TO_V7_SENTENCES)?;
            c.execute_batch(
                "CREATE INDEX articles_external_id ON articles(external_id); \
                 DELETE FROM schema_version WHERE version >= 7;",
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(store.schema_version().unwrap_or_default(), dyad_store::schema::CURRENT_VERSION);
    assert_eq!(sql("SELECT count(*) FROM sqlite_master WHERE name = 'articles_external_id'"), 0);
    // Migration 9 recomputed the band values and the shingle count from the
    // text, and dropped the stored signature.
    assert_eq!(sql("SELECT length(minhash) FROM articles"), 0, "migration 9 kept a stored signature");
    assert_eq!(sql("SELECT shingles FROM articles"), own.shingles as i64);
    assert_eq!(band_runs(&path), vec![(1, own.bands().to_vec())]);
    // So a near copy of the text is found, and the other text is not taken
    // for one.
    let b = article("b", "rt.com", day(13), far);
    let copy = article("c", "ria.ru", day(13), &format!("{TEXT} Moscow denied it."));
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    let s = batch.add(&b, &[]).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(s, Stored::New { near_duplicate_of: None, .. }), "{s:?}");
    let s = batch.add(&copy, &[]).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(s, Stored::New { near_duplicate_of: Some(1), .. }), "{s:?}");
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn sentences_are_stored_once_and_migration_8_keeps_them() {
    let (dir, mut store) = store();
    // Non-ASCII text before the sentences, so that offsets count characters.
    let text = "Été à Kyiv: Russia accused Ukraine of violating the ceasefire. Ukraine denied it.";
    let a = article("a", "tass.ru", day(12), text);
    // The second sentence as the coder normalised it: not in the text, so
    // its own text is kept.
    let sentences = ["Été à Kyiv: Russia accused Ukraine of violating the ceasefire.", "Ukraine  denied it."];
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add_with_sentences(&a, &sentences, &[]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    let path = dir.path().join("s.sqlite");
    let rows = |q: &str| -> Vec<(i64, String, Option<i64>)> {
        let c = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut stmt = c.prepare(q).unwrap_or_else(|e| panic!("{q}: {e}"));
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .unwrap_or_else(|e| panic!("{q}: {e}"))
    };
    let expected = vec![(0, sentences[0].to_string(), Some(0)), (1, sentences[1].to_string(), None)];
    let read = "SELECT idx, text, char_offset FROM sentences ORDER BY idx";
    assert_eq!(rows(read), expected);
    // The text found in the article is not stored a second time.
    let own = "SELECT idx, COALESCE(text, '-'), char_len FROM sentence_spans ORDER BY idx";
    assert_eq!(rows(own), vec![(0, "-".into(), Some(62)), (1, sentences[1].into(), Some(19))]);
    // A version 7 store (every text stored) migrates to the same rows.
    rusqlite::Connection::open(&path)
        .and_then(|c| {
            c.execute_batch(BACK_TO_V7_SENTENCES)?;
            c.execute_batch(BACK_TO_V8_BANDS)?;
            c.execute_batch("DELETE FROM schema_version WHERE version >= 8;")
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows("SELECT count(*), 'v7', NULL FROM sqlite_master WHERE name = 'sentence_spans'")[0].0, 0);
    let store = Store::open(&path).unwrap_or_else(|e| panic!("reopen: {e}"));
    assert_eq!(store.schema_version().unwrap_or_default(), dyad_store::schema::CURRENT_VERSION);
    assert_eq!(store.stats().unwrap_or_else(|e| panic!("{e}")).sentences, 2);
    drop(store);
    assert_eq!(rows(read), expected);
    assert_eq!(rows(own), vec![(0, "-".into(), Some(62)), (1, sentences[1].into(), Some(19))]);
}

#[test]
fn a_checkpoint_on_a_second_connection_copies_committed_batches_while_the_writer_goes_on() {
    let (dir, mut store) = store();
    let path = dir.path().join("s.sqlite");
    let checkpointer = Store::open_existing(&path).unwrap_or_else(|e| panic!("{e}"));
    let a = article("a", "tass.ru", day(12), TEXT);
    let mut batch = store.batch().unwrap_or_else(|e| panic!("{e}"));
    batch.add(&a, &[event(&a, 0, 0, "RUS", "UKR", "112")]).unwrap_or_else(|e| panic!("{e}"));
    batch.commit().unwrap_or_else(|e| panic!("{e}"));
    let done = checkpointer.checkpoint().unwrap_or_else(|e| panic!("{e}"));
    assert!(!done.busy && done.logged > 0, "{done:?}");
    assert_eq!(done.copied, done.logged, "{done:?}");
    // A reader's snapshot keeps the frames it may need in the log; the
    // checkpoint copies what it can without waiting, and the writer is not
    // blocked either.
    let reader = Store::open_existing(&path).unwrap_or_else(|e| panic!("{e}"));
    let (copied, logged) = reader
        .snapshot(|r| {
            // The first read fixes the snapshot.
            assert_eq!(r.stats()?.articles, 1);
            let b = article(
                "b",
                "rt.com",
                day(13),
                "Ukraine denied the accusation and said the villages were empty.",
            );
            let mut batch = store.batch()?;
            batch.add(&b, &[])?;
            batch.commit()?;
            let done = checkpointer.checkpoint()?;
            assert_eq!(r.stats()?.articles, 1, "the reader's snapshot moved");
            Ok((done.copied, done.logged))
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(copied <= logged);
    drop((store, reader, checkpointer));
    // Every connection closed: the database file alone holds both articles.
    let wal = dir.path().join("s.sqlite-wal");
    assert!(std::fs::metadata(&wal).map(|m| m.len() == 0).unwrap_or(true), "the log was left behind");
    let store = Store::open_existing(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.stats().unwrap_or_else(|e| panic!("{e}")).articles, 2);
}
