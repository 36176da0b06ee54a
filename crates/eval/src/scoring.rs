//! Scoring produced triples against a suite, the way the PETRARCH validators count.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use crate::{Suite, SuiteFormat, Triple};

/// How closely a produced triple must agree with an expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Full actor codes and full CAMEO code.
    Exact,
    /// First three characters of each actor code (the country, usually) and the 2-digit root.
    CountryRoot,
    /// The 2-digit CAMEO root alone.
    Root,
}

impl Level {
    /// The three levels, strictest first.
    pub const ALL: [Level; 3] = [Level::Exact, Level::CountryRoot, Level::Root];

    /// Short name: `exact`, `country+root`, `root`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Exact => "exact",
            Level::CountryRoot => "country+root",
            Level::Root => "root",
        }
    }

    /// The part of a triple compared at this level.
    pub fn key(self, t: &Triple) -> (String, String, String) {
        let prefix = |s: &str, n: usize| s.chars().take(n).collect::<String>();
        match self {
            Level::Exact => (t.source.clone(), t.target.clone(), t.code.clone()),
            Level::CountryRoot => (prefix(&t.source, 3), prefix(&t.target, 3), prefix(&t.code, 2)),
            Level::Root => (String::new(), String::new(), prefix(&t.code, 2)),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Event counts for a set of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records counted.
    pub records: usize,
    /// Produced triples that matched an unused expected one.
    pub found: usize,
    /// Expected triples left unmatched.
    pub missed: usize,
    /// Produced triples left over (neither expected nor optional).
    pub false_positives: usize,
}

impl Counts {
    /// found / (found + false positives); 0 when nothing was produced.
    pub fn precision(&self) -> f64 {
        ratio(self.found, self.found + self.false_positives)
    }

    /// found / (found + missed); 0 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.found + self.missed)
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: &Counts) {
        self.records += o.records;
        self.found += o.found;
        self.missed += o.missed;
        self.false_positives += o.false_positives;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Counts at one level, overall and per category.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelReport {
    /// The level.
    pub level: Level,
    /// All evaluated records.
    pub overall: Counts,
    /// Evaluated records by category.
    pub by_category: BTreeMap<String, Counts>,
}

/// What happened to one record (lists are at the exact level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDetail {
    /// Record id.
    pub id: String,
    /// Record category.
    pub category: String,
    /// Line of the record in the suite file.
    pub line: usize,
    /// Whether the record counted in the scores.
    pub evaluated: bool,
    /// Why not, when it did not.
    pub skip_reason: Option<String>,
    /// The record expects no event.
    pub expects_no_event: bool,
    /// Required codings.
    pub expected: Vec<Triple>,
    /// Optional codings.
    pub optional: Vec<Triple>,
    /// What the coder produced (all of it, null events included).
    pub produced: Vec<Triple>,
    /// Produced triples that matched a required coding.
    pub found: Vec<Triple>,
    /// Required codings not produced.
    pub missed: Vec<Triple>,
    /// Produced triples matching nothing (false positives).
    pub extra: Vec<Triple>,
    /// Produced triples with an empty or `---` event code, left out of the counts as
    /// PETRARCH's validator does ("null events").
    pub null_events: usize,
}

/// The outcome of [`score`].
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The suite file.
    pub suite_path: PathBuf,
    /// The suite format.
    pub format: SuiteFormat,
    /// Counts at [`Level::Exact`].
    pub exact: LevelReport,
    /// Counts at [`Level::CountryRoot`].
    pub country_root: LevelReport,
    /// Counts at [`Level::Root`].
    pub root: LevelReport,
    /// One entry per suite record, in suite order.
    pub records: Vec<RecordDetail>,
    /// Records evaluated.
    pub records_evaluated: usize,
    /// Evaluated records that expect no event.
    pub no_event_records: usize,
    /// Of those, the ones for which nothing (but null events) was produced.
    pub no_event_correct: usize,
    /// Produced null events left out of the counts.
    pub null_events: usize,
    /// Problems with the input (e.g. `produced` and the suite differing in length).
    pub warnings: Vec<String>,
}

impl Report {
    /// The counts at one level.
    pub fn level(&self, level: Level) -> &LevelReport {
        match level {
            Level::Exact => &self.exact,
            Level::CountryRoot => &self.country_root,
            Level::Root => &self.root,
        }
    }

    /// The three level reports, strictest first.
    pub fn levels(&self) -> [&LevelReport; 3] {
        [&self.exact, &self.country_root, &self.root]
    }

    /// Evaluated records that missed or over-produced something at the exact level, one
    /// block per record, for error analysis.
    pub fn mismatches(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let list = |v: &[Triple]| {
            if v.is_empty() {
                "-".to_string()
            } else {
                v.iter().map(|t| format!("[{t}]")).collect::<Vec<_>>().join(" ")
            }
        };
        for r in self.records.iter().filter(|r| r.evaluated) {
            if r.missed.is_empty() && r.extra.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{} (line {}, {})", r.id, r.line, r.category);
            if r.expects_no_event {
                let _ = writeln!(out, "  expected: no event");
            } else {
                let _ = writeln!(out, "  expected: {}", list(&r.expected));
            }
            let _ = writeln!(out, "  produced: {}", list(&r.produced));
            let _ = writeln!(out, "  missed:   {}", list(&r.missed));
            let _ = writeln!(out, "  extra:    {}", list(&r.extra));
        }
        out
    }
}

/// Matches produced against required then optional triples at one level.
/// Returns (found indices into produced, missed indices into expected, extra indices into produced).
fn match_level(
    level: Level,
    expected: &[Triple],
    optional: &[Triple],
    produced: &[&Triple],
) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let mut req: Vec<(_, bool)> = expected.iter().map(|t| (level.key(t), false)).collect();
    let mut opt: Vec<(_, bool)> = optional.iter().map(|t| (level.key(t), false)).collect();
    let mut found = Vec::new();
    let mut extra = Vec::new();
    for (i, p) in produced.iter().enumerate() {
        let k = level.key(p);
        if let Some(slot) = req.iter_mut().find(|(rk, used)| !*used && *rk == k) {
            slot.1 = true;
            found.push(i);
        } else if let Some(slot) = opt.iter_mut().find(|(ok, used)| !*used && *ok == k) {
            slot.1 = true;
        } else {
            extra.push(i);
        }
    }
    let missed = req.iter().enumerate().filter(|(_, (_, used))| !*used).map(|(i, _)| i).collect();
    (found, missed, extra)
}

fn is_null_event(t: &Triple) -> bool {
    let c = t.code.trim();
    c.is_empty() || c.starts_with("---")
}

/// Scores produced triples against a suite: `produced[i]` belongs to `suite.records[i]`.
///
/// Each evaluated record's produced triples are matched, as a multiset, against its
/// required codings: a produced triple that matches an unused required one is found; an
/// unmatched required one is missed; a produced triple left over is matched against the
/// unused optional codings (each absorbs one produced triple and counts nowhere), and
/// otherwise is a false positive. A record that expects no event therefore scores only
/// false positives. Produced triples whose event code is empty or starts with `---` are
/// "null events": PETRARCH's validator leaves them out, and so does this. For PLOVER-coded
/// suites ([`crate::SuiteFormat::is_plover`]) each produced code is first collapsed to the
/// root of its PLOVER type, and codes PLOVER does not code (01) are not scored.
///
/// Records with `evaluate == false` are left out. If `produced` is shorter than the suite
/// the missing records count as producing nothing; extra entries are ignored; both add a
/// warning to the report.
pub fn score(suite: &Suite, produced: &[Vec<Triple>]) -> Report {
    let mut warnings = Vec::new();
    if produced.len() != suite.records.len() {
        warnings.push(format!(
            "{}: {} records but {} produced lists; {}",
            suite.path.display(),
            suite.records.len(),
            produced.len(),
            if produced.len() < suite.records.len() {
                "missing ones count as producing nothing"
            } else {
                "the extra lists are ignored"
            }
        ));
    }
    let mut levels: [LevelReport; 3] = Level::ALL.map(|level| LevelReport {
        level,
        overall: Counts::default(),
        by_category: BTreeMap::new(),
    });
    let mut details = Vec::with_capacity(suite.records.len());
    let (mut evaluated, mut no_event_records, mut no_event_correct, mut null_total) = (0, 0, 0, 0);
    let empty: Vec<Triple> = Vec::new();

    for (i, rec) in suite.records.iter().enumerate() {
        let prod = produced.get(i).unwrap_or(&empty);
        // PLOVER-coded suites compare codes as the root of their PLOVER type.
        let comparable: Vec<Triple> = prod.iter().filter_map(|t| suite.format.comparable(t)).collect();
        let scored: Vec<&Triple> = comparable.iter().filter(|t| !is_null_event(t)).collect();
        let nulls = prod.iter().filter(|t| is_null_event(t)).count();
        let mut detail = RecordDetail {
            id: rec.id.clone(),
            category: rec.category.clone(),
            line: rec.line,
            evaluated: rec.evaluate,
            skip_reason: rec.skip_reason.clone(),
            expects_no_event: rec.expects_no_event,
            expected: rec.expected.clone(),
            optional: rec.optional.clone(),
            produced: prod.clone(),
            found: Vec::new(),
            missed: Vec::new(),
            extra: Vec::new(),
            null_events: nulls,
        };
        if rec.evaluate {
            evaluated += 1;
            null_total += nulls;
            if rec.expects_no_event {
                no_event_records += 1;
                if scored.is_empty() {
                    no_event_correct += 1;
                }
            }
            for lr in levels.iter_mut() {
                let (found, missed, extra) = match_level(lr.level, &rec.expected, &rec.optional, &scored);
                let c = Counts {
                    records: 1,
                    found: found.len(),
                    missed: missed.len(),
                    false_positives: extra.len(),
                };
                lr.overall.add(&c);
                lr.by_category.entry(rec.category.clone()).or_default().add(&c);
                if lr.level == Level::Exact {
                    detail.found =
                        found.iter().filter_map(|&j| scored.get(j).map(|t| (*t).clone())).collect();
                    detail.missed = missed.iter().filter_map(|&j| rec.expected.get(j).cloned()).collect();
                    detail.extra =
                        extra.iter().filter_map(|&j| scored.get(j).map(|t| (*t).clone())).collect();
                }
            }
        }
        details.push(detail);
    }

    let [exact, country_root, root] = levels;
    Report {
        suite_path: suite.path.clone(),
        format: suite.format,
        exact,
        country_root,
        root,
        records: details,
        records_evaluated: evaluated,
        no_event_records,
        no_event_correct,
        null_events: null_total,
        warnings,
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Suite {} ({}): {} records, {} evaluated",
            self.suite_path.display(),
            self.format,
            self.records.len(),
            self.records_evaluated
        )?;
        writeln!(
            f,
            "No-event records: {} evaluated, {} produced nothing; null events ignored: {}",
            self.no_event_records, self.no_event_correct, self.null_events
        )?;
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        let width = self
            .levels()
            .into_iter()
            .flat_map(|l| l.by_category.keys())
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
            .max(8);
        for lr in self.levels() {
            writeln!(f)?;
            writeln!(f, "Level: {}", lr.level)?;
            writeln!(
                f,
                "{:<width$} {:>7} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
                "category", "records", "found", "missed", "FP", "P", "R", "F1"
            )?;
            let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
                let pct = |defined: bool, v: f64| {
                    if defined {
                        format!("{:.1}%", 100.0 * v)
                    } else {
                        "-".to_string()
                    }
                };
                let has_p = c.found + c.false_positives > 0;
                let has_r = c.found + c.missed > 0;
                writeln!(
                    f,
                    "{:<width$} {:>7} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
                    name,
                    c.records,
                    c.found,
                    c.missed,
                    c.false_positives,
                    pct(has_p, c.precision()),
                    pct(has_r, c.recall()),
                    pct(has_p && has_r, c.f1())
                )
            };
            for (cat, c) in &lr.by_category {
                let name = if cat.is_empty() { "(none)" } else { cat.as_str() };
                row(f, name, c)?;
            }
            row(f, "TOTAL", &lr.overall)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SuiteRecord;
    use std::path::PathBuf;

    fn t(s: &str, g: &str, c: &str) -> Triple {
        Triple::new(s, g, c)
    }

    fn rec(id: &str, cat: &str, expected: Vec<Triple>) -> SuiteRecord {
        SuiteRecord {
            id: id.into(),
            category: cat.into(),
            date: None,
            text: String::new(),
            expected,
            optional: Vec::new(),
            expects_no_event: false,
            evaluate: true,
            skip_reason: None,
            options: Vec::new(),
            expected_error: None,
            line: 1,
        }
    }

    fn suite(records: Vec<SuiteRecord>) -> Suite {
        Suite {
            path: PathBuf::from("mem"),
            format: SuiteFormat::PetrarchXml,
            records,
            dictionaries: Default::default(),
            include: None,
            warnings: Vec::new(),
        }
    }

    fn counts(r: &Report, l: Level) -> (usize, usize, usize) {
        let c = r.level(l).overall;
        (c.found, c.missed, c.false_positives)
    }

    #[test]
    fn multiset_with_duplicates() {
        // Expected twice, produced three times: 2 found, 1 FP.
        let s = suite(vec![rec("A", "X", vec![t("ARN", "GON", "064"); 2])]);
        let r = score(&s, &[vec![t("ARN", "GON", "064"); 3]]);
        assert_eq!(counts(&r, Level::Exact), (2, 0, 1));
        // Expected twice, produced once: 1 found, 1 missed.
        let r = score(&s, &[vec![t("ARN", "GON", "064")]]);
        assert_eq!(counts(&r, Level::Exact), (1, 1, 0));
        assert_eq!(r.records[0].missed, [t("ARN", "GON", "064")]);
    }

    #[test]
    fn three_levels() {
        let s = suite(vec![rec("A", "X", vec![t("ARNGOV", "GONMIL", "064"), t("DAG", "OSG", "190")])]);
        let produced = vec![vec![
            t("ARNGOV", "GONMIL", "064"), // exact
            t("ARN", "GONREB", "061"),    // country+root
            t("ITH", "ERI", "195"),       // root only
        ]];
        let r = score(&s, &produced);
        assert_eq!(counts(&r, Level::Exact), (1, 1, 2));
        assert_eq!(
            counts(&r, Level::CountryRoot),
            (1, 1, 2),
            "061 and 064 share a root but ARN/GONREB must pair with an unused expected"
        );
        assert_eq!(counts(&r, Level::Root), (2, 0, 1));
        assert_eq!(r.records[0].extra.len(), 2);
        // Country+root: change the second expected so the second produced matches it.
        let s2 = suite(vec![rec("A", "X", vec![t("ARNGOV", "GONMIL", "064"), t("ARNGOV", "GON", "060")])]);
        let r = score(&s2, &produced);
        assert_eq!(counts(&r, Level::CountryRoot), (2, 0, 1));
        assert_eq!(counts(&r, Level::Exact), (1, 1, 2));
    }

    #[test]
    fn optional_codings_absorb_once() {
        let mut r0 = rec("A", "X", vec![t("ARN", "GON", "064")]);
        r0.optional = vec![t("ARN", "OSG", "064")];
        let s = suite(vec![r0]);
        let r = score(&s, &[vec![t("ARN", "OSG", "064")]]);
        assert_eq!(counts(&r, Level::Exact), (0, 1, 0));
        let r = score(&s, &[vec![t("ARN", "OSG", "064"), t("ARN", "GON", "064"), t("ARN", "OSG", "064")]]);
        assert_eq!(counts(&r, Level::Exact), (1, 0, 1));
    }

    #[test]
    fn no_event_records_score_only_false_positives() {
        let mut r0 = rec("A", "X", Vec::new());
        r0.expects_no_event = true;
        let mut r1 = r0.clone();
        r1.id = "B".into();
        let s = suite(vec![r0, r1]);
        let r = score(&s, &[Vec::new(), vec![t("ARN", "GON", "064")]]);
        for l in Level::ALL {
            assert_eq!(counts(&r, l), (0, 0, 1));
        }
        assert_eq!((r.no_event_records, r.no_event_correct), (2, 1));
    }

    #[test]
    fn skipped_records_and_null_events() {
        let mut r0 = rec("A", "X", vec![t("ARN", "GON", "064")]);
        r0.evaluate = false;
        let r1 = rec("B", "X", vec![t("ARN", "GON", "064")]);
        let s = suite(vec![r0, r1]);
        let r = score(&s, &[vec![t("A", "B", "010")], vec![t("ARN", "GON", "---"), t("ARN", "GON", "064")]]);
        assert_eq!(counts(&r, Level::Exact), (1, 0, 0));
        assert_eq!(r.records_evaluated, 1);
        assert_eq!(r.null_events, 1);
        assert_eq!(r.level(Level::Exact).overall.records, 1);
    }

    #[test]
    fn per_category_and_ratios() {
        let s = suite(vec![
            rec("A", "DEMO", vec![t("ARN", "GON", "064")]),
            rec("B", "VERB", vec![t("ARN", "GON", "064"), t("DAG", "GON", "190")]),
        ]);
        let r =
            score(&s, &[vec![t("ARN", "GON", "064"), t("ARN", "GON", "111")], vec![t("DAG", "GON", "190")]]);
        let ex = r.level(Level::Exact);
        assert_eq!(ex.by_category.len(), 2);
        let demo = ex.by_category["DEMO"];
        assert_eq!((demo.found, demo.missed, demo.false_positives), (1, 0, 1));
        let verb = ex.by_category["VERB"];
        assert_eq!((verb.found, verb.missed, verb.false_positives), (1, 1, 0));
        let o = ex.overall;
        assert!((o.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((o.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((o.f1() - 2.0 / 3.0).abs() < 1e-12);
        let text = r.to_string();
        assert!(text.contains("Level: country+root"));
        assert!(text.contains("DEMO"));
        assert!(text.contains("66.7%"));
        assert!(r.mismatches().contains("B (line 1, VERB)"));
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn length_mismatch_warns() {
        let s = suite(vec![rec("A", "X", vec![t("ARN", "GON", "064")])]);
        let r = score(&s, &[]);
        assert_eq!(counts(&r, Level::Exact), (0, 1, 0));
        assert_eq!(r.warnings.len(), 1);
    }
}
