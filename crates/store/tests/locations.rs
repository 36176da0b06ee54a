//! Event dates read from the text and event locations: stored, read back,
//! kept from the first report, and added by migration 5 to older stores.

use chrono::NaiveDate;
use dyad_coder::{ActorRef, Event, Evidence, Location, Plover, Trigger};
use dyad_ingest::Article;
use dyad_store::{Filter, Store};

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn article(id: &str, date: Option<NaiveDate>, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        date,
        lang: Some("en".into()),
        title: None,
        url: Some(format!("https://example.org/{id}")),
        source: None,
        origin: "test".into(),
    }
}

fn kharkiv() -> Location {
    Location {
        text: "Kharkiv".into(),
        span: Some([38, 45]),
        name: "Kharkiv, Kharkivs'ka Oblast', Ukraine".into(),
        kind: "city".into(),
        geo_type: 4,
        country: "UKR".into(),
        country_fips: "UP".into(),
        adm1: "UP07".into(),
        lat: f64::from(49.9808_f32),
        lon: f64::from(36.2527_f32),
        feature_id: "706483".into(),
    }
}

fn event(a: &Article, sentence: usize, date: Option<NaiveDate>, location: Option<Location>) -> Event {
    let text = a.text.split(". ").nth(sentence).unwrap_or("").to_string();
    Event {
        event_id: format!("{}:{sentence}:0", a.id),
        article_id: a.id.clone(),
        sentence_index: sentence,
        date,
        date_precision: date.map(|_| "day".into()),
        date_text: date.filter(|d| Some(*d) != a.date).map(|_| "on Monday".into()),
        location,
        lang: "en".into(),
        source: ActorRef::from_code("RUS", "Russia", [0, 6]),
        target: ActorRef::from_code("UKR", "Ukraine", [15, 22]),
        cameo: "190".into(),
        cameo_root: "19".into(),
        goldstein: Some(-10.0),
        quad_class: Some(4),
        plover: Plover { event_type: Some("ASSAULT".into()), mode: None },
        evidence: Evidence {
            sentence: text,
            trigger: Trigger { text: "shelled".into(), span: [7, 14] },
            rule: "test".into(),
        },
    }
}

fn all(store: &Store) -> Vec<dyad_store::EventRow> {
    let mut v = Vec::new();
    ok(store.events(&Filter::default(), |e| {
        v.push(e);
        Ok::<_, dyad_store::StoreError>(())
    }));
    v
}

const TEXT: &str =
    "Russia shelled Ukraine's second city of Kharkiv on Monday. Officials in Kyiv condemned it";

#[test]
fn dates_and_locations_are_stored_and_read_back() {
    let dir = ok(tempfile::tempdir());
    let mut store = ok(Store::open(dir.path().join("s.sqlite")));
    let published = NaiveDate::from_ymd_opt(2024, 3, 13);
    let monday = NaiveDate::from_ymd_opt(2024, 3, 11);
    let a = article("a", published, TEXT);
    let mut e = event(&a, 0, monday, Some(kharkiv()));
    e.date_precision = Some("week".into());
    let mut batch = ok(store.batch());
    ok(batch.add(&a, &[e]));
    ok(batch.commit());
    let rows = all(&store);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r.date, monday);
    assert_eq!(r.date_precision.as_deref(), Some("week"));
    assert_eq!(r.date_text.as_deref(), Some("on Monday"));
    let g = &r.action_geo;
    assert_eq!(g.geo_type, Some(4));
    assert_eq!(g.fullname.as_deref(), Some("Kharkiv, Kharkivs'ka Oblast', Ukraine"));
    assert_eq!((g.country.as_deref(), g.adm1.as_deref()), (Some("UP"), Some("UP07")));
    // Widened f32 coordinates come back with the gazetteer's four decimals.
    assert_eq!((g.lat, g.lon), (Some(49.9808), Some(36.2527)));
    assert_eq!(g.feature_id.as_deref(), Some("706483"));
    assert_eq!((g.text.as_deref(), g.kind.as_deref()), (Some("Kharkiv"), Some("city")));
    assert_eq!(g.cameo_country.as_deref(), Some("UKR"));
    assert_eq!(g.span, Some([38, 45]));
    assert_eq!(g.adm2, None);
    assert!(r.actor1_geo.is_empty() && r.actor2_geo.is_empty());
}

#[test]
fn the_same_event_keeps_its_first_location() {
    let dir = ok(tempfile::tempdir());
    let mut store = ok(Store::open(dir.path().join("s.sqlite")));
    let day = NaiveDate::from_ymd_opt(2024, 3, 11);
    let a = article("a", day, TEXT);
    let b =
        article("b", day, "Russian forces struck Ukraine near Odesa overnight. Nothing else happened today");
    let c =
        article("c", day, "Russia attacked Ukraine, officials said. A third unrelated article text follows");
    let mut odesa = kharkiv();
    odesa.text = "Odesa".into();
    odesa.name = "Odesa, Odes'ka Oblast', Ukraine".into();
    odesa.lat = 46.4775;
    // No location first; the next report's location fills it; a third keeps it.
    let mut batch = ok(store.batch());
    ok(batch.add(&c, &[event(&c, 0, day, None)]));
    ok(batch.commit());
    assert!(all(&store)[0].action_geo.is_empty());
    assert_eq!(all(&store)[0].date_text, None);
    assert_eq!(all(&store)[0].date_precision.as_deref(), Some("day"));
    let mut batch = ok(store.batch());
    ok(batch.add(&a, &[event(&a, 0, day, Some(kharkiv()))]));
    ok(batch.add(&b, &[event(&b, 0, day, Some(odesa))]));
    ok(batch.commit());
    let rows = all(&store);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].num_mentions, 3);
    assert_eq!(rows[0].action_geo.text.as_deref(), Some("Kharkiv"));
    assert_eq!(rows[0].action_geo.lat, Some(49.9808));
    // The span would point into another report's sentence.
    assert_eq!(rows[0].action_geo.span, None);
    let places = ok(store.places(&Filter::default()));
    assert_eq!(places.len(), 1);
    assert_eq!((places[0].lat, places[0].lon, places[0].events), (49.9808, 36.2527, 1));
    assert_eq!(places[0].country.as_deref(), Some("UKR"));
    assert!(ok(store.places(&Filter { source: Some("EGY".into()), ..Filter::default() })).is_empty());
}

#[test]
fn migration_5_adds_the_location_columns_to_an_older_store() {
    let dir = ok(tempfile::tempdir());
    let path = dir.path().join("s.sqlite");
    let day = NaiveDate::from_ymd_opt(2024, 3, 11);
    let a = article("a", day, TEXT);
    {
        let mut store = ok(Store::open(&path));
        let mut batch = ok(store.batch());
        ok(batch.add(&a, &[event(&a, 0, day, None)]));
        ok(batch.commit());
    }
    // Back to version 4, as the previous dyad left it (sentences too: a
    // table with every sentence's text, as before version 8; and one band
    // row per article, as before version 9).
    ok(rusqlite::Connection::open(&path).and_then(|c| {
        c.execute_batch(
            "CREATE TABLE sentences_v7 (article INTEGER NOT NULL REFERENCES articles(id), \
             idx INTEGER NOT NULL, text TEXT NOT NULL, char_offset INTEGER, \
             PRIMARY KEY (article, idx)) WITHOUT ROWID; \
             INSERT INTO sentences_v7 SELECT article, idx, text, char_offset FROM sentences; \
             DROP VIEW sentences; DROP TABLE sentence_spans; \
             ALTER TABLE sentences_v7 RENAME TO sentences; \
             CREATE TABLE article_bands (article INTEGER PRIMARY KEY, bands BLOB NOT NULL); \
             DROP TABLE band_runs;",
        )?;
        c.execute_batch(
            "ALTER TABLE events DROP COLUMN action_geo_text; ALTER TABLE events DROP COLUMN action_geo_kind; \
             ALTER TABLE events DROP COLUMN action_geo_cameo; \
             ALTER TABLE events DROP COLUMN action_geo_span_start; \
             ALTER TABLE events DROP COLUMN action_geo_span_end; \
             DELETE FROM schema_version WHERE version >= 5;",
        )
    }));
    let err = Store::open_existing(&path).map(|_| ()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("run `dyad ingest`"), "{err}");
    let mut store = ok(Store::open(&path));
    assert_eq!(ok(store.schema_version()), dyad_store::schema::CURRENT_VERSION);
    assert!(all(&store)[0].action_geo.is_empty());
    let b = article("b", day, "Russia attacked Ukraine in Kharkiv, officials said. Another sentence here");
    let mut batch = ok(store.batch());
    ok(batch.add(&b, &[event(&b, 0, day, Some(kharkiv()))]));
    ok(batch.commit());
    assert_eq!(all(&store)[0].action_geo.kind.as_deref(), Some("city"));
}

proptest::proptest! {
    #[test]
    fn any_location_is_stored_without_panic(text in ".*", lat in proptest::num::f64::ANY,
                                             lon in proptest::num::f64::ANY, geo_type in 0u8..=255) {
        let dir = ok(tempfile::tempdir());
        let mut store = ok(Store::open(dir.path().join("s.sqlite")));
        let day = NaiveDate::from_ymd_opt(2024, 3, 11);
        let a = article("a", day, TEXT);
        let loc = Location { text: text.clone(), name: text, lat, lon, geo_type, ..kharkiv() };
        let mut batch = ok(store.batch());
        ok(batch.add(&a, &[event(&a, 0, day, Some(loc))]));
        ok(batch.commit());
        let g = all(&store).remove(0).action_geo;
        proptest::prop_assert!(g.lat.is_none_or(|v| (-90.0..=90.0).contains(&v)));
        proptest::prop_assert!(g.lon.is_none_or(|v| (-180.0..=180.0).contains(&v)));
        proptest::prop_assert_eq!(g.lat.is_some(), g.lon.is_some());
    }
}
