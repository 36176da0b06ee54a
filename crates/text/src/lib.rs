//! Text processing for dyad: raw article text in, sentences of tokens out.
//!
//! The pipeline ([`TextPipeline::process`]) runs, in order:
//! 1. [`normalize`]: HTML residue, Unicode NFC, typographic quotes and dashes,
//!    odd spaces and control characters;
//! 2. repeated-headline removal ([`strip_headline`]);
//! 3. language identification ([`detect_language`], restricted to the five
//!    [`Lang`]s) unless the caller gives the language;
//! 4. sentence splitting with per-language abbreviations ([`split_sentences`]);
//! 5. tokenization ([`tokenize_lang`]) and lemmatization from embedded tables
//!    ([`Lemmatizer`]).
//!
//! All spans are Unicode character offsets: a sentence's into
//! [`Document::body`], a token's into [`Sentence::text`].
//!
//! Performance (release, one core): about 5 µs per 24-word news sentence with
//! the language given, about 6 µs when a whole article is processed with
//! detection. Detection per isolated sentence costs more (whatlang runs when
//! the function-word count is not conclusive): give `lang` or process whole
//! articles. Each language's lemma table is laid out as a hash table at build
//! time and read in place, so using a language costs no start-up time (see
//! [`Lemmatizer::load_time`]).
//!
//! ```
//! use dyad_text::{Lang, TextPipeline};
//!
//! let pipeline = TextPipeline::new();
//! let doc = pipeline.process(
//!     "Talks in Rome\nTalks in Rome\n\nMr. Smith met the U.N. envoy. Egypt\u{2019}s minister said no.",
//!     Some("Talks in Rome"),
//!     Some(Lang::En),
//! );
//! // The title is the first sentence; its copy at the top of the body is gone.
//! assert!(doc.headline_removed);
//! assert_eq!(doc.headline_sentences, 1);
//! assert_eq!(doc.sentences.len(), 4);
//! assert_eq!(doc.sentences[0].text, "Talks in Rome");
//! let s = &doc.sentences[3];
//! assert_eq!(s.text, "Egypt's minister said no.");
//! let lemmas: Vec<&str> = s.tokens.iter().map(|t| &*t.lemma).collect();
//! assert_eq!(lemmas, ["egypt", "'s", "minister", "say", "no", "."]);
//! ```

mod abbrev;
mod lemma;
// The decoder of the source format serves the build script and the tests.
#[cfg_attr(not(test), allow(dead_code))]
mod lemma_table;
mod normalize;
mod sentences;
mod tokenize;

pub use lemma::Lemmatizer;
pub use normalize::normalize;
pub use sentences::split_sentences;
pub use tokenize::tokenize_lang;

use std::fmt;

/// A language dyad codes natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Italian.
    It,
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 5] = [Lang::It, Lang::En, Lang::Es, Lang::Fr, Lang::De];

    /// The ISO 639-1 code (`"it"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// Parses an ISO 639-1 code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word (letters, possibly with inner hyphens, apostrophes or dots).
    Word,
    /// A number.
    Number,
    /// Punctuation.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token as it stands in the sentence.
    pub text: Box<str>,
    /// Upper-cased text, the key for TABARI/PETRARCH dictionaries.
    pub upper: Box<str>,
    /// Lower-cased lemma (the lower-cased text when the lemma is unknown).
    pub lemma: Box<str>,
    /// `[start, end)` Unicode character offsets into [`Sentence::text`].
    pub span: (usize, usize),
    /// The kind of token.
    pub kind: TokenKind,
}

/// One sentence with its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based index in the document.
    pub index: usize,
    /// The sentence text.
    pub text: String,
    /// `[start, end)` Unicode character offsets into [`Document::body`].
    pub span: (usize, usize),
    /// The tokens.
    pub tokens: Vec<Token>,
}

/// A processed article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The normalized text that sentence spans point into: the title, when one
    /// was given, a blank line, then the article body.
    pub body: String,
    /// How many sentences, from the first, come from the title.
    pub headline_sentences: usize,
    /// The char offset in `body` where the article body starts (0 without a title).
    pub body_start: usize,
    /// The language used to process it.
    pub lang: Lang,
    /// Whether `lang` was given or detected with confidence.
    pub lang_reliable: bool,
    /// Whether a headline repeated as the first line was removed.
    pub headline_removed: bool,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

/// Runs normalization, headline removal, language identification, sentence
/// splitting, tokenization and lemmatization.
///
/// Lemma tables are embedded in the binary, laid out for lookup at build time.
#[derive(Debug, Default)]
pub struct TextPipeline {}

impl TextPipeline {
    /// Creates the pipeline.
    pub fn new() -> Self {
        TextPipeline {}
    }

    /// Gets the lemma tables of `langs` ready now rather than on first use
    /// (only their headers are read: this costs microseconds).
    pub fn preload(&self, langs: &[Lang]) {
        for &l in langs {
            Lemmatizer::get(l);
        }
    }

    /// Processes one article. `title`: the headline, which becomes the first
    /// sentence or sentences ([`Document::headline_sentences`]) and is removed
    /// from the body when repeated there, so that it is coded once. `lang`:
    /// `None` means detect (falling back to English, with
    /// [`Document::lang_reliable`] false, when detection is unsure).
    pub fn process(&self, text: &str, title: Option<&str>, lang: Option<Lang>) -> Document {
        let mut body = normalize(text);
        let cut = strip_headline(&body, title);
        if cut > 0 {
            body.drain(..cut);
        }
        let (lang, lang_reliable) = match lang {
            Some(l) => (l, true),
            None => detect_language(&body).map_or((Lang::En, false), |l| (l, true)),
        };
        // The title and the body are split apart: a headline has no full stop.
        let headline =
            title.map(|t| without_wire_tag(normalize(t).trim()).to_string()).filter(|t| !t.is_empty());
        let (ranges, headline_sentences, body_start) = match headline {
            Some(h) => {
                let mut ranges = split_sentences(&h, lang);
                let headline_sentences = ranges.len();
                let body_start = h.chars().count() + 2;
                let shift = h.len() + 2;
                body = h + "\n\n" + &body;
                ranges.extend(
                    split_sentences(&body[shift..], lang).into_iter().map(|(a, b)| (a + shift, b + shift)),
                );
                (ranges, headline_sentences, body_start)
            }
            None => (split_sentences(&body, lang), 0, 0),
        };
        let mut sentences = Vec::with_capacity(ranges.len());
        // Byte offsets to char offsets, incrementally (ranges are ordered).
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        for (a, b) in ranges {
            at_char += body[at_byte..a].chars().count();
            let start = at_char;
            let text = &body[a..b];
            at_char += text.chars().count();
            at_byte = b;
            sentences.push(Sentence {
                index: sentences.len(),
                text: text.to_string(),
                span: (start, at_char),
                tokens: tokenize_lang(text, lang),
            });
        }
        Document {
            body,
            headline_sentences,
            body_start,
            lang,
            lang_reliable,
            headline_removed: cut > 0,
            sentences,
        }
    }
}

/// Agency tags that open a wire headline ("UPDATE 2-", "EXCLUSIVE-").
const WIRE_TAGS: [&str; 12] = [
    "UPDATE",
    "EXCLUSIVE",
    "WRAPUP",
    "ANALYSIS",
    "FACTBOX",
    "EXPLAINER",
    "INSIGHT",
    "FOCUS",
    "REFILE",
    "CORRECTED",
    "BREAKINGVIEWS",
    "RPT",
];

/// A headline without the agency tag that opens it: "UPDATE 2-Israel strikes …"
/// is "Israel strikes …", where the tag glued to the first word hid the actor.
///
/// ```
/// assert_eq!(dyad_text::without_wire_tag("UPDATE 2-Israel strikes Lebanon"), "Israel strikes Lebanon");
/// assert_eq!(dyad_text::without_wire_tag("EXCLUSIVE-US weighs sanctions"), "US weighs sanctions");
/// assert_eq!(dyad_text::without_wire_tag("Update on talks"), "Update on talks");
/// ```
pub fn without_wire_tag(headline: &str) -> &str {
    let Some((tag, rest)) = headline.split_once('-') else { return headline };
    let mut words = tag.split_whitespace();
    let known = words.next().is_some_and(|w| WIRE_TAGS.contains(&w));
    let count = words.next().is_none_or(|n| n.chars().all(|c| c.is_ascii_digit()));
    if known && count && words.next().is_none() && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        headline
    }
}

/// The part of `text` between two char offsets (the offsets of [`Token::span`] and
/// [`Sentence::span`]), clamped to the text.
///
/// ```
/// assert_eq!(dyad_text::char_slice("Merkel traf Macron", 12, 18), "Macron");
/// assert_eq!(dyad_text::char_slice("Erdoğan e Lula", 10, 14), "Lula");
/// assert_eq!(dyad_text::char_slice("abc", 2, 9), "c");
/// ```
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    if text.is_ascii() {
        return text
            .get(start.min(text.len())..end.clamp(start.min(text.len()), text.len()))
            .unwrap_or_default();
    }
    let mut bytes = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let Some(from) = bytes.nth(start) else { return "" };
    let to = match end.checked_sub(start + 1) {
        Some(k) => bytes.nth(k).unwrap_or(text.len()),
        None => from,
    };
    text.get(from..to).unwrap_or_default()
}

/// Splits a sentence into tokens with English rules and English lemmas.
///
/// Use [`tokenize_lang`] for the other languages (elisions, abbreviations and
/// lemmas differ).
pub fn tokenize(sentence: &str) -> Vec<Token> {
    tokenize_lang(sentence, Lang::En)
}

/// Function words that occur in one of the five languages only.
const FUNCTION_WORDS: [(Lang, &[&str]); 5] = [
    (
        Lang::It,
        &[
            "il", "della", "che", "di", "gli", "nel", "dei", "alla", "è", "delle", "anche", "degli", "nella",
            "sono", "per", "dopo", "questo",
        ],
    ),
    (
        Lang::En,
        &[
            "the", "and", "of", "to", "is", "was", "with", "that", "said", "have", "has", "from", "were",
            "are", "by", "this", "for", "after",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "los", "las", "y", "por", "para", "fue", "según", "sus", "también", "como", "pero", "está",
            "entre", "muy", "desde",
        ],
    ),
    (
        Lang::Fr,
        &[
            "les", "des", "et", "du", "est", "une", "dans", "pour", "sur", "au", "aux", "ont", "été", "avec",
            "mais", "selon", "leur",
        ],
    ),
    (
        Lang::De,
        &[
            "der", "die", "und", "das", "den", "nicht", "ist", "mit", "von", "sich", "auf", "für", "dem",
            "ein", "eine", "zu", "wurde", "im",
        ],
    ),
];

/// Fast path: counts language-specific function words; a language wins when
/// it has at least 3 hits and three times as many as any other.
fn detect_by_function_words(text: &str) -> Option<Lang> {
    let mut hits = [0usize; 5];
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty() && w.len() <= 8) {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            if words.contains(&buf.as_str()) {
                hits[i] += 1;
            }
        }
    }
    let (best, &top) = hits.iter().enumerate().max_by_key(|&(_, h)| *h)?;
    let second = hits.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, h)| *h).max().unwrap_or(0);
    (top >= 3 && top >= 3 * second).then(|| FUNCTION_WORDS[best].0)
}

/// Identifies the language of `text` among the five [`Lang`]s.
///
/// A fast function-word count decides clear cases (most news sentences);
/// otherwise `whatlang`, restricted to the five languages, decides. `None`
/// when neither is confident (short or letter-less text).
///
/// Only the first 4 KB of text is examined.
pub fn detect_language(text: &str) -> Option<Lang> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(l) = detect_by_function_words(&text[..end]) {
        return Some(l);
    }
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Ita,
        whatlang::Lang::Eng,
        whatlang::Lang::Spa,
        whatlang::Lang::Fra,
        whatlang::Lang::Deu,
    ]);
    let info = detector.detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    match info.lang() {
        whatlang::Lang::Ita => Some(Lang::It),
        whatlang::Lang::Eng => Some(Lang::En),
        whatlang::Lang::Spa => Some(Lang::Es),
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Deu => Some(Lang::De),
        _ => None,
    }
}

/// Comparison key for headlines: lower-case letters and digits only.
fn headline_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The byte length of a repeated headline at the start of normalized `body`
/// (including the line breaks after it), or 0 when there is none.
///
/// Removed: a first line, or first paragraph, equal to `title` ignoring case,
/// spaces and punctuation; or, with or without a title, a first line that the
/// next paragraph repeats verbatim at its start (scraped copies duplicate
/// headlines).
///
/// ```
/// let body = "Pact signed\n\nPact signed in Rome on Monday.";
/// assert_eq!(dyad_text::strip_headline(body, None), "Pact signed\n\n".len());
/// assert_eq!(dyad_text::strip_headline("PACT SIGNED!\nText.", Some("Pact signed")), 13);
/// ```
pub fn strip_headline(body: &str, title: Option<&str>) -> usize {
    let line_end = body.find('\n').unwrap_or(body.len());
    let first = body[..line_end].trim();
    let skip_breaks = |mut i: usize| {
        while body[i..].starts_with('\n') {
            i += 1;
        }
        i
    };
    if let Some(t) = title {
        let key = headline_key(t);
        if !key.is_empty() {
            if headline_key(first) == key {
                return skip_breaks(line_end);
            }
            let para_end = body.find("\n\n").unwrap_or(body.len());
            if para_end > line_end && headline_key(&body[..para_end]) == key {
                return skip_breaks(para_end);
            }
        }
    }
    if line_end < body.len() && first.chars().filter(|c| c.is_alphanumeric()).count() >= 4 {
        let next = skip_breaks(line_end);
        if body[next..].starts_with(first) {
            return next;
        }
    }
    0
}
