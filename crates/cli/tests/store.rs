//! Reliability of `dyad ingest`, `dyad query` and `dyad export`, driving the
//! built binary: crash safety under SIGKILL, corrupt and foreign files,
//! concurrent readers, and the exported formats read back.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const COUNTRIES: [&str; 12] = [
    "Russia", "Ukraine", "France", "Germany", "China", "Pakistan", "Egypt", "Qatar", "Japan", "India",
    "Brazil", "Turkey",
];
const VERBS: [&str; 6] = [
    "{a} accused {b} of violating the ceasefire.",
    "{a} criticized {b} over the budget.",
    "{a} praised {b} for its cooperation.",
    "{a} condemned {b} for the attack.",
    "{a} threatened {b} with sanctions.",
    "{a} met {b} in Geneva.",
];

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// `n` distinct articles, each with two event sentences and a filler, over
/// 60 days and 5 sources, so that events repeat across articles.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("corpus-{n}.jsonl"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}")));
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    for i in 0..n {
        let mut sentences = Vec::new();
        for _ in 0..2 {
            let a = next(COUNTRIES.len());
            let b = (a + 1 + next(COUNTRIES.len() - 1)) % COUNTRIES.len();
            let v = VERBS[next(VERBS.len())];
            sentences.push(v.replace("{a}", COUNTRIES[a]).replace("{b}", COUNTRIES[b]));
        }
        sentences.push(format!("Report {i} was filed by correspondent {} from desk {}.", i * 7 + 3, i % 13));
        let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new((i % 60) as u64)))
            .unwrap_or_default();
        let record = serde_json::json!({
            "id": format!("art-{i}"),
            "date": date.to_string(),
            "lang": "en",
            "url": format!("https://source{}.example/{i}", i % 5),
            "text": sentences.join(" "),
        });
        writeln!(f, "{record}").unwrap_or_else(|e| panic!("{e}"));
    }
    f.flush().unwrap_or_else(|e| panic!("{e}"));
    path
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("running dyad: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "dyad panicked: {stderr}");
    out
}

fn ingest(db: &Path, input: &Path, batch: usize) -> Output {
    run(dyad()
        .args(["ingest", "-q", "--no-progress", "--batch-size", &batch.to_string(), "--db"])
        .arg(db)
        .arg(input))
}

fn sql<T: rusqlite::types::FromSql>(db: &Path, query: &str) -> T {
    let c = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
    c.query_row(query, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{query}: {e}"))
}

/// Every event's key with its counts, and the stored article ids.
/// Event key → (mentions, sources, articles).
type Counts = BTreeMap<String, (i64, i64, i64)>;

fn snapshot(db: &Path) -> (Counts, Vec<String>) {
    let c = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
    let mut stmt = c
        .prepare("SELECT event_key, num_mentions, num_sources, num_articles FROM events")
        .unwrap_or_else(|e| panic!("{e}"));
    let events = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .and_then(|rows| rows.collect::<rusqlite::Result<BTreeMap<_, _>>>())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut stmt =
        c.prepare("SELECT external_id FROM articles ORDER BY external_id").unwrap_or_else(|e| panic!("{e}"));
    let ids = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
        .unwrap_or_else(|e| panic!("{e}"));
    (events, ids)
}

/// Starts `dyad ingest` and SIGKILLs it as soon as a first batch is
/// committed; false when it finished before that was seen.
fn kill_after_first_commit(db: &Path, input: &Path, batch: usize) -> bool {
    let mut child = dyad()
        .args(["ingest", "-q", "--no-progress", "--batch-size", &batch.to_string(), "--db"])
        .arg(db)
        .arg(input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(2));
        if child.try_wait().ok().flatten().is_some() {
            return false;
        }
        // Read-only, so that the poll never creates the file itself.
        let stored = db.exists()
            && rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)))
                .is_ok_and(|n| n > 0);
        if stored {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "no batch committed in 2 minutes");
    }
    child.kill().unwrap_or_else(|e| panic!("{e}")); // SIGKILL
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    // It may have finished between the poll and the kill.
    !status.success()
}

#[test]
fn sigkill_mid_batch_then_rerun_stores_everything_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let batch = 400;
    // Killed as soon as the first batch is committed, so inside a later
    // one. Should ingest outrun the poll and finish first, the corpus grows
    // (a faster ingest never makes the test pass without a kill).
    let mut n = 3000;
    let (input, db) = loop {
        let input = corpus(dir.path(), n);
        let db = dir.path().join(format!("killed-{n}.sqlite"));
        if kill_after_first_commit(&db, &input, batch) {
            break (input, db);
        }
        assert!(n < 200_000, "ingest of {n} articles finished before it could be killed");
        n *= 4;
    };
    let partial: i64 = sql(&db, "SELECT count(*) FROM articles");
    assert!(partial > 0 && partial < n as i64, "{partial} articles after the kill");
    assert_eq!(partial % batch as i64, 0, "a batch was stored in part: {partial} articles");
    let mentions: i64 = sql(&db, "SELECT count(*) FROM mentions");
    let counted: i64 = sql(&db, "SELECT COALESCE(sum(num_mentions), 0) FROM events");
    assert_eq!(mentions, counted, "event counts disagree with mentions after the kill");

    let out = ingest(&db, &input, batch);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("already-stored={partial}")), "{stderr}");

    let clean = dir.path().join("clean.sqlite");
    assert!(ingest(&clean, &input, batch).status.success());
    let (events, ids) = snapshot(&db);
    let (clean_events, clean_ids) = snapshot(&clean);
    assert_eq!(ids.len(), n, "every article once");
    assert_eq!(ids, clean_ids);
    assert_eq!(events.len(), clean_events.len());
    assert_eq!(events, clean_events, "the resumed store differs from an uninterrupted one");
    let distinct: i64 = sql(&db, "SELECT count(DISTINCT source_code || '|' || target_code || '|' || cameo || '|' || sqldate) FROM events");
    assert_eq!(distinct as usize, events.len(), "duplicated events");
    let dups: i64 = sql(&db, "SELECT count(*) FROM (SELECT article, dyad_event_id FROM mentions GROUP BY 1, 2 HAVING count(*) > 1)");
    assert_eq!(dups, 0);
    // Events repeat across articles, so some have several mentions.
    assert!(events.values().any(|c| c.0 > 1 && c.2 > 1));
}

#[test]
fn corrupt_and_foreign_files_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path(), 20);
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "id,name\n1,not a database at all\n".repeat(200)).unwrap_or_else(|e| panic!("{e}"));
    let foreign = dir.path().join("foreign.sqlite");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"))
        .unwrap_or_else(|e| panic!("{e}"));
    for (db, expect) in [(&junk, "not a dyad store"), (&foreign, "invoices")] {
        for args in [
            vec!["ingest", "-q", "--no-progress"],
            vec!["query", "--count"],
            vec!["export", "--format", "gdelt-events"],
        ] {
            let mut cmd = dyad();
            cmd.args(&args).arg("--db").arg(db);
            if args[0] == "ingest" {
                cmd.arg(&input);
            }
            let out = run(&mut cmd);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?} on {}: {stderr}", db.display());
            assert!(stderr.contains(expect), "{args:?}: {stderr}");
            assert!(stderr.contains(&db.display().to_string()), "the error names the file: {stderr}");
        }
    }
    // Nothing was written into the foreign database.
    let tables: i64 = sql(&foreign, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    assert_eq!(tables, 1);
    // A missing store for query.
    let out = run(dyad().args(["query", "--count", "--db"]).arg(dir.path().join("none.sqlite")));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such store"));

    // A real store damaged in the middle: errors, never a panic.
    let db = dir.path().join("damaged.sqlite");
    assert!(ingest(&db, &corpus(dir.path(), 400), 100).status.success());
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut bytes = std::fs::read(&db).unwrap_or_else(|e| panic!("{e}"));
    let len = bytes.len();
    for b in bytes.iter_mut().skip(len / 3).take(len / 3) {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap_or_else(|e| panic!("{e}"));
    for args in [vec!["query", "--format", "jsonl"], vec!["export", "--format", "parquet", "-o"]] {
        let mut cmd = dyad();
        cmd.args(&args);
        if args[0] == "export" {
            cmd.arg(dir.path().join("out.parquet"));
        }
        let out = run(cmd.arg("--db").arg(&db));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("malformed") || stderr.contains("not a dyad store"), "{stderr}");
    }
    assert!(!dir.path().join("out.parquet").exists(), "a failed export leaves no file");
}

#[test]
fn concurrent_queries_see_whole_batches() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path(), 2000);
    let db = dir.path().join("busy.sqlite");
    let batch = 50;
    // Create the store first so that readers never race its creation.
    assert!(ingest(&db, &corpus(dir.path(), 1), batch).status.success());
    let mut writer = dyad()
        .args(["ingest", "-q", "--no-progress", "--batch-size", &batch.to_string(), "--db"])
        .arg(&db)
        .arg(&input)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut last_count = 0u64;
    let mut reads = 0;
    while writer.try_wait().ok().flatten().is_none() {
        let out = run(dyad().args(["query", "--format", "jsonl", "--db"]).arg(&db));
        assert!(out.status.success(), "query during ingest: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        let mut count = 0u64;
        for line in text.lines() {
            let e: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let m = e["num_mentions"].as_i64().unwrap_or(0);
            let a = e["num_articles"].as_i64().unwrap_or(0);
            let s = e["num_sources"].as_i64().unwrap_or(0);
            assert!(m >= 1 && a >= 1 && a <= m && s >= 1 && s <= a, "inconsistent counts: {line}");
            count += 1;
        }
        assert!(count >= last_count, "events disappeared: {count} after {last_count}");
        last_count = count;
        // Within one read transaction, counts agree with the mentions table
        // and only whole batches are visible.
        let c = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        c.execute_batch("BEGIN").unwrap_or_else(|e| panic!("{e}"));
        let q = |s: &str| c.query_row(s, [], |r| r.get::<_, i64>(0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            q("SELECT count(*) FROM mentions"),
            q("SELECT COALESCE(sum(num_mentions), 0) FROM events")
        );
        // The setup article is also the corpus's first, so batches stay aligned.
        // Before the first commit only the setup article is there.
        let articles = q("SELECT count(*) FROM articles");
        assert!(articles == 1 || articles % batch as i64 == 0, "part of a batch is visible: {articles}");
        c.execute_batch("COMMIT").unwrap_or_else(|e| panic!("{e}"));
        reads += 1;
    }
    let out = writer.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(reads >= 2, "only {reads} reads happened during the ingest");
    let total: i64 = sql(&db, "SELECT count(*) FROM articles");
    assert_eq!(total, 2000);
}

fn exported(db: &Path, args: &[&str]) -> String {
    let out = run(dyad().arg("export").args(args).arg("--db").arg(db));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn events_jsonl(db: &Path, filter: &[&str]) -> Vec<serde_json::Value> {
    let out = run(dyad().args(["query", "--format", "jsonl"]).args(filter).arg("--db").arg(db));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn exports_read_back() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type};

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("x.sqlite");
    assert!(ingest(&db, &corpus(dir.path(), 300), 100).status.success());
    let events = events_jsonl(&db, &[]);
    assert!(events.len() > 50, "{} events", events.len());

    // GDELT Events: 61 fields on every line, values where the codebook puts them.
    let tsv = exported(&db, &["--format", "gdelt-events"]);
    assert_eq!(tsv.lines().count(), events.len());
    for (line, e) in tsv.lines().zip(&events) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61, "{line}");
        assert_eq!(f[0], e["id"].to_string());
        let date = e["date"].as_str().unwrap_or("").replace('-', "");
        assert_eq!(f[1], date);
        assert_eq!(f[2], &date[..6]);
        assert_eq!(f[3], &date[..4]);
        assert!(f[4].starts_with(&date[..4]) && f[4].len() == 9, "FractionDate {}", f[4]);
        assert_eq!(f[5], e["source_code"].as_str().unwrap_or(""));
        assert_eq!(f[7], e["source_country"].as_str().unwrap_or(""));
        assert_eq!(f[15], e["target_code"].as_str().unwrap_or(""));
        assert_eq!(f[26], e["cameo"].as_str().unwrap_or(""));
        assert_eq!(f[28], &f[26][..2]);
        assert_eq!(f[29], e["quad_class"].to_string());
        assert_eq!(f[30].parse::<f64>().ok(), e["goldstein"].as_f64());
        assert_eq!(f[31], e["num_mentions"].to_string());
        assert_eq!(f[32], e["num_sources"].to_string());
        assert_eq!(f[33], e["num_articles"].to_string());
        assert_eq!(f[34], "0");
        assert_eq!(f[59].len(), 14);
        assert!(f[60].starts_with("https://source"), "SOURCEURL {}", f[60]);
    }
    // GDELT Mentions: 16 fields, one line per mention.
    let mentions = exported(&db, &["--format", "gdelt-mentions"]);
    let total: i64 = events.iter().map(|e| e["num_mentions"].as_i64().unwrap_or(0)).sum();
    assert_eq!(mentions.lines().count() as i64, total);
    assert!(mentions.lines().all(|l| l.split('\t').count() == 16));
    // PLOVER: one JSON record per event with a PLOVER type.
    let plover = exported(&db, &["--format", "plover"]);
    for l in plover.lines() {
        let r: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        assert!(r["id"].is_string() && r["event"][0].is_string() && r["actor"][0]["code"].is_string(), "{l}");
    }
    assert!(plover.lines().count() > 0);
    // CSV: header plus one row per event.
    let csv = exported(&db, &["--format", "csv", "--dyad", "RUS,UKR"]);
    let filtered = events_jsonl(&db, &["--dyad", "RUS,UKR"]);
    assert_eq!(csv.lines().count(), filtered.len() + 1);

    // Parquet: same rows and values.
    let path = dir.path().join("events.parquet");
    let out = run(dyad().args(["export", "--format", "parquet", "-o"]).arg(&path).arg("--db").arg(&db));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut rows = 0;
    for batch in reader {
        let batch = batch.unwrap_or_else(|e| panic!("{e}"));
        let col =
            |name: &str| batch.column_by_name(name).unwrap_or_else(|| panic!("no column {name}")).clone();
        let ids = col("event_id");
        let ids = ids.as_primitive::<Int64Type>();
        let dates = col("date");
        let dates = dates.as_primitive::<Date32Type>();
        let gold = col("goldstein");
        let gold = gold.as_primitive::<Float64Type>();
        let ment = col("num_mentions");
        let ment = ment.as_primitive::<Int64Type>();
        let src = col("source_code");
        let src = src.as_string::<i32>();
        let cameo = col("cameo");
        let cameo = cameo.as_string::<i32>();
        for i in 0..batch.num_rows() {
            let e = &events[rows + i];
            assert_eq!(Some(ids.value(i)), e["id"].as_i64());
            let day = chrono::NaiveDate::default() + chrono::Days::new(dates.value(i) as u64);
            assert_eq!(day.to_string(), e["date"].as_str().unwrap_or(""));
            assert_eq!(Some(gold.value(i)), e["goldstein"].as_f64());
            assert_eq!(Some(ment.value(i)), e["num_mentions"].as_i64());
            assert_eq!(src.value(i), e["source_code"].as_str().unwrap_or(""));
            assert_eq!(cameo.value(i), e["cameo"].as_str().unwrap_or(""));
        }
        rows += batch.num_rows();
    }
    assert_eq!(rows, events.len());
}

#[test]
fn query_filters_and_aggregates_agree() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("q.sqlite");
    assert!(ingest(&db, &corpus(dir.path(), 300), 100).status.success());
    let all = events_jsonl(&db, &[]);
    let count = |args: &[&str]| events_jsonl(&db, args).len();
    let expect = |pred: &dyn Fn(&serde_json::Value) -> bool| all.iter().filter(|e| pred(e)).count();
    let s = |e: &serde_json::Value, k: &str| e[k].as_str().unwrap_or("").to_string();
    assert_eq!(
        count(&["--dyad", "RUS,UKR"]),
        expect(&|e| s(e, "source_country") == "RUS" && s(e, "target_country") == "UKR")
    );
    assert_eq!(
        count(&["--actor", "EGY"]),
        expect(&|e| s(e, "source_country") == "EGY" || s(e, "target_country") == "EGY")
    );
    assert_eq!(count(&["--cameo", "11"]), expect(&|e| s(e, "cameo_root") == "11"));
    assert_eq!(count(&["--quad", "1"]), expect(&|e| e["quad_class"] == 1));
    assert_eq!(
        count(&["--from", "2024-01-10", "--to", "2024-01-20"]),
        expect(&|e| ("2024-01-10".."2024-01-21").contains(&s(e, "date").as_str()))
    );
    // Only "accused ... of violating the ceasefire" (CAMEO 112) sentences say "ceasefire".
    assert_eq!(count(&["--text", "ceasefire"]), expect(&|e| s(e, "cameo") == "112"));
    assert!(count(&["--text", "Ceasefire"]) > 0);
    assert_eq!(count(&["--lang", "it"]), 0);
    // The weekly aggregate counts every dated event once.
    let out = run(dyad().args(["query", "--aggregate", "week", "--format", "csv", "--db"]).arg(&db));
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let total: usize = text.lines().skip(1).filter_map(|l| l.split(',').nth(3)?.parse::<usize>().ok()).sum();
    assert_eq!(total, all.len());
    // Bad filters are usage errors, not panics.
    let out = run(dyad().args(["query", "--cameo", "x'y", "--db"]).arg(&db));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_sentence_is_stored_and_plover_cites_real_urls() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("two.jsonl");
    let text = "Russia accused Ukraine of violating the ceasefire. The weather in Kyiv was mild on Monday. \
                Egypt criticized Qatar over the budget.";
    let mut f = std::fs::File::create(&input).unwrap_or_else(|e| panic!("{e}"));
    for (id, url) in [("with-url", Some("https://news.example/1")), ("no-url", None)] {
        let mut r = serde_json::json!({"id": id, "date": "2024-03-11", "lang": "en", "text": text});
        if let Some(u) = url {
            r["url"] = u.into();
        } else {
            // Other events, so that this article is their first report.
            r["text"] = "France praised Germany for its cooperation. It rained in Paris on Monday. \
                         Japan met India in Geneva. Officials said more talks would follow."
                .into();
        }
        writeln!(f, "{r}").unwrap_or_else(|e| panic!("{e}"));
    }
    drop(f);
    let db = dir.path().join("s.sqlite");
    let out = ingest(&db, &input, 10);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Every sentence, those without events too, with its offset in the text.
    let c = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut stmt = c
        .prepare(
            "SELECT s.idx, s.text, s.char_offset, a.text FROM sentences s JOIN articles a ON a.id = s.article \
             WHERE a.external_id = 'with-url' ORDER BY s.idx",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<(i64, String, Option<i64>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .and_then(|rows| rows.collect())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 3, "{rows:?}");
    for (i, (idx, sentence, offset, article)) in rows.iter().enumerate() {
        assert_eq!(*idx, i as i64);
        let at = offset.unwrap_or_else(|| panic!("no offset for {sentence:?}"));
        let found: String = article.chars().skip(at as usize).take(sentence.chars().count()).collect();
        assert_eq!(&found, sentence);
    }
    assert!(rows[1].1.contains("weather"), "{rows:?}");
    let no_url_sentences: i64 = sql(
        &db,
        "SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article WHERE a.external_id = 'no-url'",
    );
    assert_eq!(no_url_sentences, 4);
    // PLOVER cites the article's URL, and an empty one when it has none.
    let plover = exported(&db, &["--format", "plover"]);
    let mut urls: BTreeMap<String, String> = BTreeMap::new();
    for l in plover.lines() {
        let r: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        let cite = &r["cite_info"];
        urls.insert(
            cite["citation"].as_str().unwrap_or("?").to_string(),
            cite["url"].as_str().unwrap_or_else(|| panic!("url is not a string: {l}")).to_string(),
        );
    }
    assert_eq!(urls.get("with-url").map(String::as_str), Some("https://news.example/1"), "{plover}");
    assert_eq!(urls.get("no-url").map(String::as_str), Some(""), "{plover}");
}
