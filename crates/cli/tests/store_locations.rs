//! Event dates read from date expressions and event locations travel from
//! the coder through `dyad ingest` into `dyad query` and every export.

use arrow_array::Array;
use std::process::{Command, Output};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use serde_json::Value;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("running dyad: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("panicked"), "dyad failed: {stderr}");
    out
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(run(cmd).stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

const ARTICLES: &str = r#"{"id":"loc-1","date":"2024-03-13","lang":"en","url":"https://news.example/loc-1","text":"Russian forces shelled Ukraine in Kharkiv on Monday. Egypt's foreign minister met Qatar's emir in Cairo last week."}
{"id":"loc-2","date":"2024-03-14","lang":"en","url":"https://news.example/loc-2","text":"France criticized Germany over the budget."}
"#;

/// The coordinate as stored: the gazetteer's four decimals.
fn four(v: &Value) -> Option<f64> {
    v.as_f64().map(|v| (v * 10_000.0).round() / 10_000.0)
}

/// A text field; the store keeps an empty string as NULL.
fn text_or_empty(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn dates_and_locations_round_trip() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, ARTICLES).unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("s.sqlite");

    // What the coder says, event by event.
    let coded = jsonl(&stdout(dyad().arg("code").arg(&input)));
    let located = coded.iter().filter(|e| e["location"].is_object()).count();
    assert!(located > 0, "the coder found no location: {coded:?}");
    assert!(coded.iter().any(|e| e["date_text"].is_string()), "no date expression: {coded:?}");

    run(dyad().args(["ingest", "-q", "--no-progress", "--db"]).arg(&db).arg(&input));
    let events = jsonl(&stdout(dyad().args(["query", "--format", "jsonl", "--db"]).arg(&db)));
    assert_eq!(events.len(), coded.len());
    let gdelt = stdout(dyad().args(["export", "--format", "gdelt-events", "--db"]).arg(&db));
    let lines: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), events.len());
    let plover = jsonl(&stdout(dyad().args(["export", "--format", "plover", "--db"]).arg(&db)));

    for c in &coded {
        let (src, tgt, cameo) = (&c["source"]["code"], &c["target"]["code"], &c["cameo"]);
        let at = events
            .iter()
            .position(|e| &e["source_code"] == src && &e["target_code"] == tgt && &e["cameo"] == cameo)
            .unwrap_or_else(|| panic!("event {c} not stored"));
        let e = &events[at];
        assert_eq!(e["date"], c["date"]);
        assert_eq!(e["date_precision"], c["date_precision"]);
        assert_eq!(e["date_text"], c["date_text"]);
        let g = &e["action_geo"];
        let f = &lines[at];
        assert_eq!(f.len(), 61, "{f:?}");
        assert_eq!(f[0], e["id"].to_string());
        assert_eq!(f[1], text_or_empty(&c["date"]).replace('-', ""));
        // Actor1Geo_* and Actor2Geo_* stay empty.
        assert!(f[35..51].iter().all(|v| v.is_empty()), "{f:?}");
        let l = &c["location"];
        if l.is_null() {
            assert!(g.as_object().is_some_and(|o| o.values().all(Value::is_null)), "{g}");
            assert!(f[51..59].iter().all(|v| v.is_empty()), "{f:?}");
            continue;
        }
        assert_eq!(g["geo_type"], l["geo_type"]);
        assert_eq!(text_or_empty(&g["fullname"]), text_or_empty(&l["name"]));
        assert_eq!(text_or_empty(&g["country"]), text_or_empty(&l["country_fips"]));
        assert_eq!(text_or_empty(&g["adm1"]), text_or_empty(&l["adm1"]));
        assert_eq!(text_or_empty(&g["feature_id"]), text_or_empty(&l["feature_id"]));
        assert_eq!(text_or_empty(&g["text"]), text_or_empty(&l["text"]));
        assert_eq!(text_or_empty(&g["kind"]), text_or_empty(&l["type"]));
        assert_eq!(text_or_empty(&g["cameo_country"]), text_or_empty(&l["country"]));
        assert_eq!(g["span"], l["span"]);
        assert_eq!(g["lat"].as_f64(), four(&l["lat"]));
        assert_eq!(g["lon"].as_f64(), four(&l["lon"]));
        // ActionGeo_* in the codebook's order.
        assert_eq!(f[51], l["geo_type"].to_string());
        assert_eq!(f[52], text_or_empty(&l["name"]));
        assert_eq!(f[53], text_or_empty(&l["country_fips"]));
        assert_eq!(f[54], text_or_empty(&l["adm1"]));
        assert_eq!(f[55], "");
        assert_eq!(f[56].parse::<f64>().ok(), four(&l["lat"]));
        assert_eq!(f[57].parse::<f64>().ok(), four(&l["lon"]));
        assert_eq!(f[58], text_or_empty(&l["feature_id"]));
        // PLOVER's location object.
        let p = plover
            .iter()
            .find(|p| p["id"] == format!("dyad-{}", e["id"]))
            .unwrap_or_else(|| panic!("no PLOVER record for {e}"));
        assert_eq!(p["event_loc"]["extracted_place"], l["text"]);
        assert_eq!(p["event_loc"]["resolved_place"], l["name"]);
        assert_eq!(p["event_loc"]["country_code"], l["country"]);
        assert_eq!(p["event_loc"]["lat"].as_f64(), four(&l["lat"]));
        assert_eq!(p["date_precision"], c["date_precision"]);
    }

    // Parquet reads back the same values.
    let path = dir.path().join("events.parquet");
    run(dyad().args(["export", "--format", "parquet", "-o"]).arg(&path).arg("--db").arg(&db));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut rows = 0;
    for batch in reader {
        let batch = batch.unwrap_or_else(|e| panic!("{e}"));
        let col = |n: &str| batch.column_by_name(n).unwrap_or_else(|| panic!("no column {n}")).clone();
        let (ids, lat, lon, ty) =
            (col("event_id"), col("action_geo_lat"), col("action_geo_lon"), col("action_geo_type"));
        let (ids, lat, lon, ty) = (
            ids.as_primitive::<Int64Type>(),
            lat.as_primitive::<Float64Type>(),
            lon.as_primitive::<Float64Type>(),
            ty.as_primitive::<Int64Type>(),
        );
        let texts: Vec<_> = [
            "date_precision",
            "date_text",
            "action_geo_fullname",
            "action_geo_text",
            "action_geo_kind",
            "action_geo_cameo",
            "action_geo_country",
            "action_geo_adm1",
            "action_geo_feature_id",
        ]
        .iter()
        .map(|n| (*n, col(n)))
        .collect();
        for i in 0..batch.num_rows() {
            let e = &events[rows + i];
            let g = &e["action_geo"];
            assert_eq!(Some(ids.value(i)), e["id"].as_i64());
            let opt_f = |a: &arrow_array::PrimitiveArray<Float64Type>| (!a.is_null(i)).then(|| a.value(i));
            assert_eq!(opt_f(lat), g["lat"].as_f64());
            assert_eq!(opt_f(lon), g["lon"].as_f64());
            assert_eq!((!ty.is_null(i)).then(|| ty.value(i)), g["geo_type"].as_i64());
            for (name, a) in &texts {
                let a = a.as_string::<i32>();
                let got = (!a.is_null(i)).then(|| a.value(i));
                let want = match name.strip_prefix("action_geo_") {
                    Some("text") => g["text"].as_str(),
                    Some("kind") => g["kind"].as_str(),
                    Some("cameo") => g["cameo_country"].as_str(),
                    Some(k) => g[k].as_str(),
                    None => e[*name].as_str(),
                };
                assert_eq!(got, want, "{name} of event {}", e["id"]);
            }
        }
        rows += batch.num_rows();
    }
    assert_eq!(rows, events.len());
}

#[test]
fn query_csv_and_table_show_the_place() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, ARTICLES).unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("s.sqlite");
    run(dyad().args(["ingest", "-q", "--no-progress", "--db"]).arg(&db).arg(&input));
    let events = jsonl(&stdout(dyad().args(["query", "--format", "jsonl", "--db"]).arg(&db)));
    let csv = stdout(dyad().args(["query", "--format", "csv", "--db"]).arg(&db));
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let idx = |n: &str| header.iter().position(|h| h == n).unwrap_or_else(|| panic!("no column {n}"));
    for (row, e) in r.records().zip(&events) {
        let row = row.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&row[idx("location")], text_or_empty(&e["action_geo"]["fullname"]));
        assert_eq!(&row[idx("date_text")], text_or_empty(&e["date_text"]));
        assert_eq!(row[idx("lat")].parse::<f64>().ok(), e["action_geo"]["lat"].as_f64());
    }
    let table = stdout(dyad().args(["query", "--format", "table", "--db"]).arg(&db));
    assert!(table.lines().next().is_some_and(|h| h.contains("PLACE")), "{table}");
    for e in &events {
        if let Some(place) = e["action_geo"]["text"].as_str() {
            assert!(table.contains(place), "{place} missing from\n{table}");
        }
    }
}
