//! Input readers for dyad: plain-text articles and JSONL records.
//!
//! [`Reader`] turns a list of inputs (files or standard input) into a stream
//! of [`Record`]s. Every input record ends up as either an [`Article`] or a
//! [`RecordError`] naming where it came from and why it failed; a bad record
//! never stops the batch.
//!
//! # Example
//!
//! ```
//! use dyad_ingest::{Input, InputFormat, Reader, Record};
//!
//! let jsonl = b"{\"id\": \"a1\", \"text\": \"Egypt praised Qatar.\", \"date\": \"2024-03-11\"}\n\
//!               {\"id\": \"a2\"}\n";
//! let input = Input::Bytes { name: "inline".into(), bytes: jsonl.to_vec() };
//! let records: Vec<Record> = Reader::new(vec![input], InputFormat::Jsonl).collect();
//! assert!(matches!(&records[0], Record::Article(a) if a.id == "a1"));
//! match &records[1] {
//!     Record::Failed(e) => assert_eq!(e.to_string(), "inline:2: record \"a2\": missing field \"text\""),
//!     other => panic!("expected a failure, got {other:?}"),
//! }
//! ```

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

/// The largest article accepted by default, in bytes.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

/// One article to code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The article identifier (JSONL `id`, or the file name for plain text).
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date, if known.
    pub date: Option<NaiveDate>,
    /// Language code as given (`"it"`, `"auto"`); `None` means detect.
    pub lang: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The news source.
    pub source: Option<String>,
    /// Where the record was read: `file` or `file:line`.
    pub origin: String,
}

/// Why a record was not coded, as a short stable key for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// The input could not be opened or read.
    Io,
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// The input looks like a binary file.
    Binary,
    /// The record exceeds the size limit.
    TooLarge,
    /// A JSONL line is not a JSON object of the expected shape.
    MalformedJson,
    /// A JSONL record has no `text`.
    MissingText,
    /// A field has an invalid value (a date that is not `YYYY-MM-DD`).
    InvalidField,
    /// The input or its text is empty.
    Empty,
}

impl Reason {
    /// The stable key (`"invalid-utf8"`).
    pub fn key(self) -> &'static str {
        match self {
            Reason::Io => "io",
            Reason::InvalidUtf8 => "invalid-utf8",
            Reason::Binary => "binary",
            Reason::TooLarge => "too-large",
            Reason::MalformedJson => "malformed-json",
            Reason::MissingText => "missing-text",
            Reason::InvalidField => "invalid-field",
            Reason::Empty => "empty",
        }
    }

    /// Whether the record counts as skipped (nothing to code) rather than failed.
    pub fn is_skip(self) -> bool {
        matches!(self, Reason::Empty)
    }
}

/// A record that could not be read, with where it came from and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// `file` or `file:line`.
    pub origin: String,
    /// The record id, when one could be read.
    pub record_id: Option<String>,
    /// The reason, for counting.
    pub reason: Reason,
    /// The details.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record_id {
            Some(id) => write!(f, "{}: record {:?}: {}", self.origin, id, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for RecordError {}

/// One input record: an article, or the reason there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// An article to code.
    Article(Article),
    /// A record that was skipped or failed.
    Failed(RecordError),
}

/// Where input comes from.
#[derive(Clone, Debug)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input.
    Stdin,
    /// Bytes in memory, with a name for messages.
    Bytes {
        /// Name shown in messages.
        name: String,
        /// The content.
        bytes: Vec<u8>,
    },
}

impl Input {
    /// The input named by a command-line argument (`-` is standard input).
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Bytes { name, .. } => name.clone(),
        }
    }

    fn is_jsonl_by_name(&self) -> bool {
        let ext = match self {
            Input::Path(p) => p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase),
            _ => None,
        };
        matches!(ext.as_deref(), Some("jsonl" | "ndjson"))
    }
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// JSONL for `.jsonl`/`.ndjson` files, plain text otherwise.
    Auto,
    /// One plain-text article per input.
    Text,
    /// One JSON record per line.
    Jsonl,
}

/// The JSONL record shape.
#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Reads inputs into [`Record`]s, one input after another, streaming JSONL.
pub struct Reader {
    inputs: VecDeque<Input>,
    format: InputFormat,
    max_bytes: usize,
    default_date: Option<NaiveDate>,
    current: Option<JsonlStream>,
    pending: VecDeque<Record>,
}

struct JsonlStream {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

impl Reader {
    /// Creates a reader over `inputs`.
    pub fn new(inputs: Vec<Input>, format: InputFormat) -> Reader {
        Reader {
            inputs: inputs.into(),
            format,
            max_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            default_date: None,
            current: None,
            pending: VecDeque::new(),
        }
    }

    /// Sets the size limit of one article (plain-text file or JSONL line).
    pub fn max_article_bytes(mut self, max: usize) -> Reader {
        self.max_bytes = max;
        self
    }

    /// Sets the publication date of plain-text articles (`--date`).
    pub fn default_date(mut self, date: Option<NaiveDate>) -> Reader {
        self.default_date = date;
        self
    }

    fn open(input: &Input) -> io::Result<Box<dyn Read>> {
        Ok(match input {
            Input::Path(p) => Box::new(File::open(p)?),
            Input::Stdin => Box::new(io::stdin()),
            Input::Bytes { bytes, .. } => Box::new(io::Cursor::new(bytes.clone())),
        })
    }

    fn start(&mut self, input: Input) {
        let name = input.name();
        let jsonl = match self.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => input.is_jsonl_by_name(),
        };
        if let Input::Path(p) = &input {
            if p.is_dir() {
                self.pending.push_back(fail(&name, None, Reason::Io, "is a directory, not a file"));
                return;
            }
        }
        let reader = match Self::open(&input) {
            Ok(r) => r,
            Err(e) => {
                self.pending.push_back(fail(&name, None, Reason::Io, &format!("cannot open: {e}")));
                return;
            }
        };
        if jsonl {
            self.current = Some(JsonlStream { name, reader: Box::new(BufReader::new(reader)), line: 0 });
        } else {
            let record = read_text_article(&name, reader, self.max_bytes, self.default_date, &input);
            self.pending.push_back(record);
        }
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(r);
            }
            if let Some(stream) = &mut self.current {
                match stream.next_record(self.max_bytes) {
                    Some(r) => return Some(r),
                    None => self.current = None,
                }
                continue;
            }
            let input = self.inputs.pop_front()?;
            self.start(input);
        }
    }
}

fn fail(origin: &str, id: Option<String>, reason: Reason, message: &str) -> Record {
    Record::Failed(RecordError {
        origin: origin.to_string(),
        record_id: id,
        reason,
        message: message.to_string(),
    })
}

fn read_text_article(
    name: &str,
    reader: Box<dyn Read>,
    max_bytes: usize,
    date: Option<NaiveDate>,
    input: &Input,
) -> Record {
    let mut bytes = Vec::new();
    // Read one byte past the limit so an oversized file is detected without loading all of it.
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return fail(name, None, Reason::Io, &format!("cannot read: {e}"));
    }
    if bytes.len() > max_bytes {
        return fail(
            name,
            None,
            Reason::TooLarge,
            &format!("article larger than the {max_bytes}-byte limit"),
        );
    }
    let text = match check_text(&bytes) {
        Ok(t) => t,
        Err((reason, msg)) => return fail(name, None, reason, &msg),
    };
    let id = match input {
        Input::Path(p) => file_id(p),
        _ => name.to_string(),
    };
    Record::Article(Article {
        id,
        text: text.to_string(),
        date,
        lang: None,
        title: None,
        url: None,
        source: None,
        origin: name.to_string(),
    })
}

fn file_id(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Checks that bytes are non-empty, non-binary UTF-8 text.
fn check_text(bytes: &[u8]) -> Result<&str, (Reason, String)> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err((Reason::Empty, "empty input: no text to code".to_string()));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if head.contains(&0) || controls * 10 > head.len() {
        return Err((
            Reason::Binary,
            "looks like a binary file (NUL or control bytes), not text".to_string(),
        ));
    }
    std::str::from_utf8(bytes)
        .map_err(|e| (Reason::InvalidUtf8, format!("invalid UTF-8 at byte {}", e.valid_up_to())))
}

impl JsonlStream {
    fn next_record(&mut self, max_bytes: usize) -> Option<Record> {
        loop {
            let mut buf = Vec::new();
            self.line += 1;
            let origin = format!("{}:{}", self.name, self.line);
            let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(2);
            match (&mut self.reader).take(limit).read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(fail(&origin, None, Reason::Io, &format!("cannot read: {e}"))),
            }
            if buf.last() != Some(&b'\n') && buf.len() as u64 >= limit {
                // Skip the rest of the oversized line so the next record starts clean.
                let mut sink = Vec::new();
                let _ = self.reader.read_until(b'\n', &mut sink);
                return Some(fail(
                    &origin,
                    None,
                    Reason::TooLarge,
                    &format!("record larger than the {max_bytes}-byte limit"),
                ));
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // blank lines are not records
            }
            return Some(parse_json_line(&origin, &buf));
        }
    }
}

fn parse_json_line(origin: &str, bytes: &[u8]) -> Record {
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l,
        Err(e) => {
            return fail(
                origin,
                None,
                Reason::InvalidUtf8,
                &format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            )
        }
    };
    let rec: JsonRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return fail(origin, None, Reason::MalformedJson, &format!("malformed JSON: {e}")),
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => {
            return fail(
                origin,
                None,
                Reason::InvalidField,
                &format!("field \"id\" must be a string, got {other}"),
            )
        }
        None => origin.to_string(),
    };
    let Some(text) = rec.text else {
        return fail(origin, Some(id), Reason::MissingText, "missing field \"text\"");
    };
    if text.trim().is_empty() {
        return fail(origin, Some(id), Reason::Empty, "empty \"text\"");
    }
    let date = match rec.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match parse_date(d) {
            Some(date) => Some(date),
            None => {
                return fail(
                    origin,
                    Some(id),
                    Reason::InvalidField,
                    &format!("field \"date\" is {d:?}, expected YYYY-MM-DD"),
                )
            }
        },
    };
    Record::Article(Article {
        id,
        text,
        date,
        lang: rec.lang,
        title: rec.title,
        url: rec.url,
        source: rec.source,
        origin: origin.to_string(),
    })
}

/// Parses `YYYY-MM-DD` (also accepts a full RFC 3339 timestamp and keeps its date).
///
/// # Examples
///
/// ```
/// assert_eq!(dyad_ingest::parse_date("2024-03-11").map(|d| d.to_string()), Some("2024-03-11".into()));
/// assert_eq!(dyad_ingest::parse_date("2024-03-11T09:00:00Z").map(|d| d.to_string()), Some("2024-03-11".into()));
/// assert!(dyad_ingest::parse_date("11/03/2024").is_none());
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10)?;
    let rest = &s[10..];
    if !rest.is_empty() && !rest.starts_with('T') && !rest.starts_with(' ') {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], format: InputFormat) -> Vec<Record> {
        Reader::new(vec![Input::Bytes { name: "t".into(), bytes: bytes.to_vec() }], format).collect()
    }

    fn reason(r: &Record) -> Option<Reason> {
        match r {
            Record::Failed(e) => Some(e.reason),
            Record::Article(_) => None,
        }
    }

    #[test]
    fn jsonl_records_each_get_an_outcome() {
        let input = b"{\"id\":\"a\",\"text\":\"x\",\"date\":\"2024-01-02\",\"lang\":\"it\"}\n\
                      not json\n\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"y\",\"date\":\"2024-13-40\"}\n\
                      {\"id\":7,\"text\":\"  \"}\n";
        let records = read(input, InputFormat::Jsonl);
        assert_eq!(records.len(), 5);
        match &records[0] {
            Record::Article(a) => {
                assert_eq!(a.id, "a");
                assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 1, 2));
                assert_eq!(a.lang.as_deref(), Some("it"));
                assert_eq!(a.origin, "t:1");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(reason(&records[1]), Some(Reason::MalformedJson));
        assert_eq!(reason(&records[2]), Some(Reason::MissingText));
        assert_eq!(reason(&records[3]), Some(Reason::InvalidField));
        assert_eq!(reason(&records[4]), Some(Reason::Empty));
        if let Record::Failed(e) = &records[2] {
            assert_eq!(e.origin, "t:4", "blank lines still count as lines");
        }
    }

    #[test]
    fn invalid_utf8_line_fails_alone() {
        let records =
            read(b"{\"id\":\"a\",\"text\":\"\xff\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n", InputFormat::Jsonl);
        assert_eq!(reason(&records[0]), Some(Reason::InvalidUtf8));
        assert!(matches!(&records[1], Record::Article(a) if a.id == "b"));
    }

    #[test]
    fn plain_text_checks() {
        assert_eq!(reason(&read(b"", InputFormat::Text)[0]), Some(Reason::Empty));
        assert_eq!(reason(&read(b" \n\t", InputFormat::Text)[0]), Some(Reason::Empty));
        assert_eq!(reason(&read(b"\x7fELF\x00\x01\x02", InputFormat::Text)[0]), Some(Reason::Binary));
        assert_eq!(reason(&read(b"caf\xe9", InputFormat::Text)[0]), Some(Reason::InvalidUtf8));
        assert!(matches!(&read("Roma, 3 marzo.".as_bytes(), InputFormat::Text)[0], Record::Article(_)));
    }

    #[test]
    fn oversized_records_fail_and_the_stream_goes_on() {
        let big = "x".repeat(100);
        let text = format!("{{\"id\":\"a\",\"text\":\"{big}\"}}\n{{\"id\":\"b\",\"text\":\"ok\"}}\n");
        let records: Vec<_> = Reader::new(
            vec![Input::Bytes { name: "t".into(), bytes: text.into_bytes() }],
            InputFormat::Jsonl,
        )
        .max_article_bytes(50)
        .collect();
        assert_eq!(records.len(), 2);
        assert_eq!(reason(&records[0]), Some(Reason::TooLarge));
        assert!(matches!(&records[1], Record::Article(a) if a.id == "b" && a.origin == "t:2"));

        let plain: Vec<_> =
            Reader::new(vec![Input::Bytes { name: "p".into(), bytes: vec![b'a'; 100] }], InputFormat::Text)
                .max_article_bytes(50)
                .collect();
        assert_eq!(reason(&plain[0]), Some(Reason::TooLarge));
    }

    #[test]
    fn missing_file_is_reported_and_others_continue() {
        let inputs = vec![
            Input::Path(PathBuf::from("/nonexistent/dyad/file.txt")),
            Input::Bytes { name: "ok".into(), bytes: b"Text.".to_vec() },
        ];
        let records: Vec<_> = Reader::new(inputs, InputFormat::Auto).collect();
        assert_eq!(reason(&records[0]), Some(Reason::Io));
        assert!(records[0].clone() != records[1]);
        assert!(matches!(&records[1], Record::Article(_)));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            for format in [InputFormat::Jsonl, InputFormat::Text] {
                let n = read(&bytes, format).len();
                proptest::prop_assert!(format == InputFormat::Jsonl || n == 1);
            }
        }
    }
}
