//! The wire suites: whole news articles (headline and body) written the way
//! each language's agencies and papers publish them (`tests/wire/<lang>.txt`),
//! each with the set of events a careful coder would take from it.
//!
//! Sentence suites (`news.rs`) ask whether one sentence yields one event.
//! An article asks more: a headline that restates the lead, surnames and
//! roles that refer back, background paragraphs and quotes that hold no new
//! event, sport or market news inside a political story. So the measure here
//! is precision and recall over each article's set of events: the events an
//! article yields are compared, as a set (the same event told twice is one
//! event), with its expected set, at three levels:
//!
//! * `exact`: source code, target code and CAMEO code;
//! * `root`: source code, target code and CAMEO root;
//! * `country+root`: the first three letters of each actor code and the root.
//!
//! Per language, the root-level F1 must reach the language's floor.
//!
//! File format: an article starts with a line `=== <id> <YYYY-MM-DD>` (the
//! publication date); then, in any order before the body, a line
//! `title: <headline>` and one line `+ <source> <target> <cameo>`
//! (tab-separated after `+ `) per expected event; every other line up to the
//! next `===` is the body, its blank lines parting paragraphs. A line that is
//! `#` alone or starts with `# ` is a comment, in a body too (the comment
//! that opens the next batch of articles follows the last body); outside a
//! body so is any line starting with `#`.
//!
//! `cargo test -p dyad-cli --test wire -- --nocapture` prints the measures and
//! every article whose events differ from the expected ones;
//! `DYAD_WIRE_LANGS=it` checks only Italian.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_coder::{ArticleMeta, Coder, Event};
use dyad_lexicon::own;
use dyad_text::{Lang, TextPipeline};

/// The least root-level F1 per language, .03–.04 under the figures at the
/// last review; raise floors as the coder improves. Each file's articles were
/// labelled before their first run (first batch: it .447, en .299, es .430,
/// fr .522, de .696; the 4–6 articles added per language in session 15: it .449,
/// en .400, es .500, fr .296, de .387), and the dictionaries were then tuned on
/// them: these are development figures. A floor is re-set only when new blind
/// articles enlarge a file (the whole file is then a new measure): de .77 fell
/// to .69 and en .55 to .52 that way. Session 21 appended 20 blind articles per
/// language (round 12; blind root F1 it .428, en .409, es .378, fr .495, de
/// .462, before tuning): the files then measured it .677, en .540, es .631,
/// fr .717, de .638. Session 22 appended 20 more per language (round 13;
/// blind it .406, en .372, es .588, fr .460, de .482) and 12 more in it, en
/// and es (round 14; blind it .444, en .357, es .364): the files then
/// measured it .646, en .537, es .639, fr .656, de .635. Session 23 appended
/// 12 more per language (round 15; blind it .467, en .333, es .519, fr .400,
/// de .371): the files then measured it .639, en .551, es .652, fr .647, de
/// .654; and 12 more (round 16; blind it .327, en .561, es .508, fr .562, de
/// .286): it .629, en .572, es .647, fr .669, de .646; and 12 more in it, en
/// and es (round 17; blind it .527, en .394, es .446): it .635, en .575, es
/// .645. Session 24 appended 12 more per language (round 18; blind it .338,
/// en .479, es .492, fr .435, de .364): it .624, en .578, es .654, fr .655,
/// de .631; and 12 more (round 19; blind it .447, en .515, es .349, fr .304,
/// de .432): it .618, en .584, es .650, fr .643, de .632; and 12 more (round
/// 20; blind it .283, en .419, es .389, fr .354, de .460): it .605, en .606,
/// es .643, fr .634, de .624. Session 25 appended 12 more per language
/// (round 21; blind it .457, en .500, es .500, fr .410, de .357): it .608,
/// en .610, es .639, fr .634, de .622; and 12 more (round 22; blind it
/// .484, en .443, es .566, fr .543, de .330): it .610, en .620, es .641, fr
/// .643, de .616; and 12 more (round 23; blind it .420, en .536, es .469,
/// fr .345, de .350): it .611, en .621, es .640, fr .645, de .608; and 12
/// more (round 24; blind it .496, en .579, es .444, fr .484, de .610): it
/// .621, en .628, es .639, fr .652, de .622, when the floors were raised;
/// and 12 more (round 25; blind it .500, en .400, es .521, fr .482, de
/// .356): it .631, en .627, es .646, fr .654, de .625. Session 26 appended
/// 12 more per language (round 26; blind it .477, en .454, es .323, fr .381,
/// de .560; seven of the Spanish ones agency wires of social conflict): it
/// .628, en .631, es .640, fr .651, de .635, when the it and de floors were
/// raised; and 12 more (round 27; blind it .520, en .516, es .491, fr .376,
/// de .519): it .637, en .632, es .643, fr .653, de .637; and 12 more (round
/// 28; blind it .421, en .516, es .472, fr .490, de .491): it .638, en .636,
/// es .640, fr .655, de .634. Session 27 appended 12 more (round 29; blind
/// it .356, en .343, es .449, fr .360, de .333; most of them on Africa, Asia
/// and Latin America): it .636, en .634, es .639, fr .648, de .626; and 12
/// more (round 30; blind it .545, en .280, es .400, fr .465, de .472;
/// everyday news): it .642, en .628, es .640, fr .649, de .639; and 12 more
/// (round 31; blind it .484, en .340, es .571, fr .453, de .430; many on
/// armed conflict): it .642, en .625, es .645, fr .650, de .637; and 12 more
/// (round 32; blind it .329, en .364, es .500, fr .456, de .436; the day's
/// news): it .641, en .624, es .644, fr .646, de .643. Session 28 appended 12
/// more (round 33; blind it .295, en .328, es .325, fr .106, de .632; foreign
/// news, Africa and Asia, social conflict): it .636, en .617, es .642, fr .640,
/// de .650; and 12 more (round 34; blind it .410, en .122, es .490, fr .488,
/// de .293; national politics, courts and diplomacy): it .635, en .619, es
/// .642, fr .640, de .650. Session 29 appended 12 more (round 35; blind it
/// .500, en .525, es .547, fr .320, de .312; foreign news by region): it .637,
/// en .620, es .640, fr .639, de .649; and 12 more (round 36; blind it .458, en
/// .458, es .643, fr .536, de .397; home news and wars): it .640, en .616, es
/// .647, fr .638, de .653; and 12 more (round 37; blind it .504, en .564, es
/// .344, fr .561, de .552; other regions and home affairs): it .642, en .621,
/// es .651, fr .642, de .656. Session 30 appended 12 more (round 38; blind it
/// .404, en .541, es .449, fr .475, de .475; Africa, Asia, Latin America,
/// German foreign affairs): it .638, en .628, es .647, fr .638, de .655; and
/// 12 more (round 39; blind it .598, en .352, es .463, fr .481, de .321;
/// politics at home and abroad): it .641, en .624, es .646, fr .640, de .656;
/// and 12 more (round 40; blind it .588, en .575, es .433, fr .486, de .623;
/// world crises and European politics): it .643, en .624, es .644, fr .637,
/// de .656; and 10 Italian, 12 in each other language more (round 41; blind
/// it .441, en .309, es .515, fr .353, de .496; Asia, Africa, South America,
/// Italian society): it .644, en .622, es .646, fr .635, de .654. Session 31
/// appended 12 more (round 42; blind it .541, en .404, es .346, fr .463, de
/// .681; Italian, Spanish, French and German politics, Africa and Latin
/// America): it .652, en .619, es .642, fr .635, de .659; and 12 more (round
/// 43; blind it .511, en .481, es .550, fr .451, de .522; world affairs seen
/// from each language's press): it .652, en .622, es .645, fr .634, de .660;
/// and 11 Italian, 12 in each other language more (round 44; blind it .427,
/// en .574, es .481, fr .419, de .400; home affairs, East Asia): it .652, en
/// .626, es .645, fr .634, de .660. Session 32 appended 12 more per language
/// (round 45; blind it .486, en .566, es .476, fr .450, de .697; the
/// Mediterranean, Africa, Mexico and the Caribbean, the Middle East, Eastern
/// Europe): it .655, en .626, es .644, fr .629, de .666; and 12 more (round
/// 46; blind it .667, en .602, es .451, fr .553, de .455; Italian labour and
/// budget, South Asia, South America, the Sahel, the Middle East): it .658,
/// en .628, es .645, fr .629, de .666; and 12 more (round 47; blind it .606,
/// en .515, es .564, fr .647, de .569; the great powers, Europe, Spain in the
/// world, Russia and Ukraine, Asia): it .662, en .633, es .647, fr .633, de
/// .668, when the it and de floors were raised; and 12 more (round 48; blind
/// it .493, en .554, es .543, fr .372, de .632; the Middle East, Latin America,
/// the Americas, transatlantic relations): it .662, en .635, es .648, fr .632,
/// de .672; and 12 more (round 49; blind it .564, en .560, es .598, fr .471,
/// de .517; Africa, Latin America, the Gulf, Asia, French politics): it .663,
/// en .637, es .650, fr .631, de .677. Session 33 appended 12 more per language
/// (round 50; blind it .559, en .701, es .562, fr .625, de .723; Italian
/// politics, Russia and Ukraine, Latin America, francophone Africa, German
/// security): it .664, en .641, es .650, fr .632, de .682, when the it, en, es
/// and de floors were raised; and 12 more (round 51; blind it .541, en .566,
/// es .820, fr .497, de .506; the Middle East, Asia and the Pacific, Spain,
/// Europe): it .664, en .645, es .657, fr .634, de .680; and 12 more (round
/// 52; blind it .623, en .503, es .493, fr .518, de .361; Russia and Ukraine,
/// Africa, the Middle East, the Americas and Asia, German home affairs): it
/// .666, en .644, es .658, fr .636, de .681; and 12 more (round 53; blind it
/// .458, en .504, es .471, fr .598, de .574; the Americas and Asia, Europe,
/// North Africa and the Sahel, the Maghreb and the Middle East, Eastern
/// Europe): it .668, en .644, es .658, fr .638, de .680; and 12 more (round
/// 54; blind it .568, en .333, es .612, fr .453, de .471; Italian society and
/// the Vatican, the Americas, the US and Latin America, French politics, the
/// Middle East and Africa): it .672, en .644, es .659, fr .642, de .680.
/// Session 34 appended 12 more per language (round 55; blind it .643, en
/// .441, es .593, fr .466, de .667; Italy's economic diplomacy, the Gulf,
/// South America, Africa, Europe and the transatlantic relationship): it
/// .675, en .644, es .659, fr .639, de .681; and 12 more (round 56; blind it
/// .695, en .543, es .667, fr .675, de .543; Italian home politics, South and
/// Southeast Asia, Spain's foreign policy, the war in Ukraine, Africa and
/// Latin America): it .677, en .644, es .662, fr .642, de .679; and 12 more
/// (round 57; blind it .611, en .462, es .564, fr .603, de .645; Europe, the
/// United Kingdom and Ireland, Asia and the Pacific, Austria, Switzerland
/// and Germany's internal security): it .679, en .645, es .662, fr .643, de
/// .680; and 12 more (round 58; blind it .443, en .481, es .459, fr .372, de
/// .519; Africa, Russia and Ukraine, Spanish home affairs, the Middle East,
/// the Americas and Asia): it .677, en .644, es .661, fr .642, de .678; and
/// 12 more (round 59; blind it .510, en .578, es .392, fr .512, de .544; Asia
/// and the Pacific, Israel and its neighbours, Africa, the Middle East and
/// Turkey): it .675, en .645, es .655, fr .641, de .677; and 12 more (round
/// 60; blind it .587, en .412, es .441, fr .523, de .353; Italy's defence,
/// trade diplomacy, Europe and Ukraine, France's diplomacy, German home
/// politics): it .676, en .644, es .653, fr .643, de .675. Session 35
/// appended 12 more per language (round 61; blind it .526, en .449, es .503,
/// fr .566, de .578; Italian home politics, Asia-Pacific security, Latin
/// America, Africa, the Middle East): it .675, en .644, es .652, fr .643, de
/// .675; and 12 more (round 62; blind it .640, en .450, es .475, fr .440, de
/// .547; Italy and the Mediterranean, Africa, Spanish and French home
/// politics, Europe and Ukraine): it .678, en .643, es .653, fr .642, de .674;
/// and 12 more (round 63; blind it .565, en .519, es .689, fr .643, de .474;
/// the Italian economy, the United States and the Americas, the Middle East,
/// Europe and Ukraine, Asia and the world economy): it .679, en .644, es .655,
/// fr .645, de .672; and 12 more (round 64; blind it .674, en .609, es .608, fr
/// .613, de .667; Italy and Europe, Britain and Europe, Spain's foreign policy,
/// the Middle East, German foreign policy): it .682, en .644, es .655, fr .648,
/// de .675; and 12 more (round 65; blind it .559, en .547, es .521, fr .434, de
/// .496; Italian justice and society, the Middle East, Asia and Africa, Asia
/// and the Americas, Africa and Latin America): it .682, en .645, es .654, fr
/// .648, de .673; and 12 more (round 66; blind it .555, en .468, es .612, fr
/// .694, de .595; Russia and Ukraine, Spain and the Americas, the French
/// overseas territories, Germany's neighbours): it .682, en .645, es .656, fr
/// .649, de .675. Session 36 appended 12 more per language (round 67; blind
/// it .568, en .514, es .696, fr .677, de .459; Italy and the Americas,
/// Turkey and the Caucasus, Europe and Ukraine, French diplomacy, German home
/// politics): it .686, en .646, es .658, fr .653, de .674; and 12 more (round
/// 68; blind it .462, en .455, es .468, fr .353, de .430; the Middle East and
/// the Gulf, the EU and its members, Africa and the Maghreb, French justice
/// and security, the US under Trump): it .686, en .648, es .657, fr .653, de
/// .673; and 12 more (round 69; blind it .514, en .480, es .462, fr .500, de
/// .434; the Balkans, Latin America, Spanish home politics, francophone
/// Africa, German economy and labour): it .687, en .650, es .658, fr .655, de
/// .671. Session 37 appended 12 more per language (round 70; blind it .575, en
/// .397, es .506, fr .623, de .500; Africa and the Mediterranean, Asia, the
/// Middle East, Europe and Ukraine, Russia and European security): it .690, en
/// .651, es .658, fr .656, de .674; and 12 more (round 71; blind it .611, en
/// .382, es .529, fr .574, de .446; Asia seen from Italy, Africa, Latin
/// America, the Maghreb and the Middle East, the Middle East seen from
/// Germany): it .691, en .652, es .667, fr .659, de .672; and 8 more (round 72;
/// blind it .548, en .537, es .571, fr .576, de .488; Italian, American,
/// Spanish, French and German politics in Europe): it .691, en .655, es .669,
/// fr .660, de .672; and 8 more (round 73; blind it .619, en .496, es .528, fr
/// .641, de .440; Russia and NATO's eastern flank, the Middle East, Asia and the
/// Pacific, the Americas and Asia, Asia and Africa): it .693, en .657, es .668,
/// fr .662, de .671; and 8 more (round 74; blind it .505, en .623, es .557, fr
/// .557, de .684; world trade, Russia and Ukraine, the United States and its
/// neighbours, Latin America): it .694, en .659, es .669, fr .663, de .672;
/// and 8 more (round 75; blind it .602, en .424, es .338, fr .484, de .742;
/// migration and the Vatican, South Asia, crime in Latin America, East Africa,
/// the Balkans and Eastern Europe): it .695, en .660, es .667, fr .664, de .676;
/// and 8 more (round 76; blind it .667, en .559, es .667, fr .667, de .676;
/// Italy's defence and diplomacy, global institutions, the Southern Cone, the
/// Middle East, defence and security): it .701, en .662, es .669, fr .667, de .680;
/// and 8 more (round 77; blind it .598, en .473, es .651, fr .629, de .537;
/// Europe's capitals, Iran and the Gulf, Russia and NATO from Madrid, the
/// Indo-Pacific, Africa): it .702, en .664, es .671, fr .668, de .681.
const FLOORS: [(Lang, f64); 5] =
    [(Lang::It, 0.64), (Lang::En, 0.62), (Lang::Es, 0.62), (Lang::Fr, 0.62), (Lang::De, 0.65)];

/// `(source, target, cameo)` as written in the file.
type Triple = (String, String, String);

#[derive(Debug)]
struct Article {
    id: String,
    published: NaiveDate,
    title: Option<String>,
    expected: BTreeSet<Triple>,
    body: String,
}

fn path(lang: Lang) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/wire"))
        .join(format!("{}.txt", lang.code()))
}

/// Parses a wire file (format in the module comment).
fn parse(text: &str, file: &str) -> Result<Vec<Article>, String> {
    let mut articles: Vec<Article> = Vec::new();
    let mut ids = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let at = format!("{file}:{}", n + 1);
        if let Some(header) = line.strip_prefix("=== ") {
            let mut fields = header.split_whitespace();
            let (Some(id), Some(date), None) = (fields.next(), fields.next(), fields.next()) else {
                return Err(format!("{at}: expected \"=== <id> <YYYY-MM-DD>\", found {line:?}"));
            };
            let published = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|e| format!("{at}: publication date {date:?}: {e}"))?;
            if !ids.insert(id.to_string()) {
                return Err(format!("{at}: article id {id:?} repeated"));
            }
            articles.push(Article {
                id: id.to_string(),
                published,
                title: None,
                expected: BTreeSet::new(),
                body: String::new(),
            });
            continue;
        }
        let Some(article) = articles.last_mut() else {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            return Err(format!("{at}: text before the first \"=== <id> <date>\" line"));
        };
        let in_body = !article.body.trim().is_empty();
        if line.starts_with('#') && (!in_body || line == "#" || line.starts_with("# ")) {
            continue;
        }
        if let Some(event) = line.strip_prefix("+ ").filter(|_| !in_body) {
            let fields: Vec<&str> = event.split('\t').map(str::trim).collect();
            let [source, target, cameo] = fields[..] else {
                return Err(format!("{at}: expected \"+ source<TAB>target<TAB>cameo\", found {line:?}"));
            };
            if dyad_cameo::lookup(cameo).is_none() {
                return Err(format!("{at}: unknown CAMEO code {cameo:?} in {}", article.id));
            }
            if source.is_empty() || target.is_empty() {
                return Err(format!("{at}: empty source or target in {}", article.id));
            }
            article.expected.insert((source.to_string(), target.to_string(), cameo.to_string()));
            continue;
        }
        if let Some(title) = line.strip_prefix("title:").filter(|_| !in_body) {
            article.title = Some(title.trim().to_string());
            continue;
        }
        article.body.push_str(line);
        article.body.push('\n');
    }
    for a in &articles {
        if a.body.trim().is_empty() {
            return Err(format!("{file}: article {} has no body", a.id));
        }
    }
    Ok(articles)
}

/// True positives, produced and expected counts at one level.
#[derive(Default, Clone, Copy)]
struct Counts {
    hits: usize,
    produced: usize,
    expected: usize,
}

impl Counts {
    fn add(&mut self, produced: &BTreeSet<Triple>, expected: &BTreeSet<Triple>) {
        self.hits += produced.intersection(expected).count();
        self.produced += produced.len();
        self.expected += expected.len();
    }

    fn precision(self) -> f64 {
        self.hits as f64 / self.produced.max(1) as f64
    }

    fn recall(self) -> f64 {
        self.hits as f64 / self.expected.max(1) as f64
    }

    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3} ({}/{}) R {:.3} ({}/{}) F1 {:.3}",
            self.precision(),
            self.hits,
            self.produced,
            self.recall(),
            self.hits,
            self.expected,
            self.f1()
        )
    }
}

fn root_level(set: &BTreeSet<Triple>) -> BTreeSet<Triple> {
    set.iter().map(|(s, t, c)| (s.clone(), t.clone(), c.get(..2).unwrap_or(c).to_string())).collect()
}

fn country_level(set: &BTreeSet<Triple>) -> BTreeSet<Triple> {
    let country = |code: &String| code.get(..3).unwrap_or(code).to_string();
    root_level(set).iter().map(|(s, t, c)| (country(s), country(t), c.clone())).collect()
}

fn show(e: &Event, sentences: &[String]) -> String {
    let sentence = sentences.get(e.sentence_index).map_or("", String::as_str);
    // A rule names its dictionary line and then lists the whole entry: the line is enough.
    let rule: String = e.evidence.rule.chars().take(60).collect();
    format!(
        "{} {} {} | s{} {:?} | {rule} | {sentence}",
        e.source.code, e.target.code, e.cameo, e.sentence_index, e.evidence.trigger.text
    )
}

#[test]
fn wire_suites() {
    let pipeline = TextPipeline::new();
    let only = common::langs_from_env("DYAD_WIRE_LANGS");
    let mut report = String::new();
    let mut failures = Vec::new();
    for (lang, floor) in FLOORS {
        if only.as_ref().is_some_and(|o| !o.contains(&lang)) {
            continue;
        }
        let file = path(lang);
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!("skipping {lang}: {} not found", file.display());
                continue;
            }
            Err(e) => panic!("{}: {e}", file.display()),
        };
        let articles = parse(&text, &file.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
        let lexicon =
            own::builtin(lang.code()).unwrap_or_else(|e| panic!("{lang}: built-in dictionary: {e}"));
        let coder = Coder::new(&lexicon);
        let (mut exact, mut root, mut country) = (Counts::default(), Counts::default(), Counts::default());
        for article in &articles {
            let doc = pipeline.process(&article.body, article.title.as_deref(), Some(lang));
            let events =
                coder.code_document(&doc, &ArticleMeta::new(&article.id, Some(article.published))).events;
            let produced: BTreeSet<Triple> = events
                .iter()
                .map(|e| (e.source.code.clone(), e.target.code.clone(), e.cameo.clone()))
                .collect();
            exact.add(&produced, &article.expected);
            root.add(&root_level(&produced), &root_level(&article.expected));
            country.add(&country_level(&produced), &country_level(&article.expected));
            if produced != article.expected {
                let sentences: Vec<String> = doc.sentences.iter().map(|s| s.text.clone()).collect();
                let _ = writeln!(report, "  [{lang}] {}", article.id);
                for (s, t, c) in article.expected.difference(&produced) {
                    let _ = writeln!(report, "      missed: {s} {t} {c}");
                }
                for e in events.iter().filter(|e| {
                    !article.expected.contains(&(
                        e.source.code.clone(),
                        e.target.code.clone(),
                        e.cameo.clone(),
                    ))
                }) {
                    let _ = writeln!(report, "      extra:  {}", show(e, &sentences));
                }
            }
        }
        eprintln!(
            "wire [{lang}]: {} articles, {} expected events\n  exact        {exact}\n  root         {root}\n  country+root {country}",
            articles.len(),
            exact.expected
        );
        if root.f1() < floor {
            failures.push(format!("{lang}: root F1 {:.3} below the floor {floor:.3}", root.f1()));
        }
    }
    eprint!("{report}");
    assert!(failures.is_empty(), "{}", failures.join("; "));
}

#[test]
fn the_format_is_read_and_checked() {
    let text = "# comment\n=== a1 2026-01-02\ntitle: Head line\n+ ITAGOV\tFRAGOV\t040\n\nBody one.\n\n+ not an event\n#hashtag\n\n# next batch: India and Israel\n=== a2 2026-01-03\nBody two.\n";
    let articles = parse(text, "t").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].title.as_deref(), Some("Head line"));
    assert_eq!(articles[0].expected.len(), 1);
    assert!(articles[0].body.contains("+ not an event"), "a + line inside the body is text");
    assert!(articles[0].body.contains("#hashtag"), "a hashtag inside the body is text");
    assert!(!articles[0].body.contains("next batch"), "a comment after the body is no text");
    assert!(articles[1].expected.is_empty());
    assert!(parse("=== a 2026-01-02\n+ X\tY\t999\nBody.\n", "t")
        .err()
        .unwrap_or_default()
        .contains("unknown CAMEO"));
    assert!(parse("=== a 2026-13-02\nBody.\n", "t").err().unwrap_or_default().contains("publication date"));
    assert!(parse("=== a 2026-01-02\nB.\n=== a 2026-01-02\nB.\n", "t")
        .err()
        .unwrap_or_default()
        .contains("repeated"));
    assert!(parse("=== a 2026-01-02\ntitle: only\n", "t").err().unwrap_or_default().contains("no body"));
}

#[test]
fn set_measures_count_an_event_told_twice_once() {
    let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
    let produced: BTreeSet<Triple> = [t("ITAGOV", "FRAGOV", "040"), t("ITAGOV", "FRA", "111")].into();
    let expected: BTreeSet<Triple> = [t("ITAGOV", "FRAGOV", "042"), t("ITA", "RUS", "111")].into();
    let mut exact = Counts::default();
    exact.add(&produced, &expected);
    assert_eq!((exact.hits, exact.produced, exact.expected), (0, 2, 2));
    let mut root = Counts::default();
    root.add(&root_level(&produced), &root_level(&expected));
    assert_eq!(root.hits, 1);
    let mut country = Counts::default();
    country.add(&country_level(&produced), &country_level(&expected));
    assert_eq!(country.hits, 1, "ITA->FRA 11 is not ITA->RUS 11");
    assert!((root.f1() - 0.5).abs() < 1e-9);
}
