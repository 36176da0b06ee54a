//! The event record: what dyad emits for each coded event.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A `[start, end)` span in Unicode characters.
pub type Span = [usize; 2];

/// An actor of an event, as found in the sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The CAMEO actor code (`"EGYGOV"`); `"~REB"` for an agent with no
    /// country; empty when unknown.
    pub code: String,
    /// The country (or IGO/NGO) part of the code (`"EGY"`), empty when none.
    pub country: String,
    /// The first agent part of the code (`"GOV"`), empty when none.
    pub agent: String,
    /// The words that name the actor in `evidence.sentence`.
    pub text: String,
    /// Where those words are in `evidence.sentence`.
    pub span: Span,
    /// For an actor named earlier in the article and only referred to here
    /// (by a pronoun, a dropped subject, a role such as "la premier" or a
    /// summary such as "the two ministers"): the words that named it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
}

impl ActorRef {
    /// An actor whose code is unknown.
    pub fn unknown() -> ActorRef {
        ActorRef {
            code: String::new(),
            country: String::new(),
            agent: String::new(),
            text: String::new(),
            span: [0, 0],
            refers_to: None,
        }
    }

    /// Splits `code` into country and agent parts following CAMEO conventions.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = dyad_coder::ActorRef::from_code("EGYGOV", "Egypt's government", [0, 18]);
    /// assert_eq!((a.country.as_str(), a.agent.as_str()), ("EGY", "GOV"));
    /// let r = dyad_coder::ActorRef::from_code("~REB", "rebels", [0, 6]);
    /// assert_eq!((r.country.as_str(), r.agent.as_str()), ("", "REB"));
    /// ```
    pub fn from_code(code: &str, text: &str, span: Span) -> ActorRef {
        let (country, agent) = split_code(code);
        ActorRef {
            code: code.to_string(),
            country: country.to_string(),
            agent: agent.to_string(),
            text: text.to_string(),
            span,
            refers_to: None,
        }
    }
}

/// Splits an actor code into its country part and its first agent part.
pub fn split_code(code: &str) -> (&str, &str) {
    if let Some(agent) = code.strip_prefix('~') {
        return ("", agent.get(..3).unwrap_or(agent));
    }
    if code.len() < 3 || !code.is_char_boundary(3) {
        return (code, "");
    }
    let (country, rest) = code.split_at(3);
    if country == "---" {
        return ("", rest.get(..3).unwrap_or(rest));
    }
    (country, rest.get(..3).unwrap_or(rest))
}

/// The PLOVER classification of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    /// PLOVER event type (`"CONSULT"`), from the CAMEO crosswalk.
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
}

/// The words that triggered the event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// The verb or phrase as written.
    pub text: String,
    /// Where it is in `evidence.sentence`.
    pub span: Span,
}

/// Why the event was coded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence.
    pub sentence: String,
    /// The trigger.
    pub trigger: Trigger,
    /// The dictionary entry or rule that produced the code (`file:line: entry`).
    pub rule: String,
}

/// Where an event happened, with GDELT's ActionGeo fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place name as written in the text.
    pub text: String,
    /// Where the name is in `evidence.sentence`; `None` when the place came
    /// from the article's dateline.
    pub span: Option<Span>,
    /// GDELT-style full name: `City, Region, Country`.
    pub name: String,
    /// `country`, `region` or `city`.
    #[serde(rename = "type")]
    pub kind: String,
    /// GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world region.
    pub geo_type: u8,
    /// CAMEO (ISO-3 style) country code.
    pub country: String,
    /// FIPS 10-4 country code (GDELT ActionGeo_CountryCode).
    pub country_fips: String,
    /// FIPS country + first-level region code (GDELT ActionGeo_ADM1Code).
    pub adm1: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GDELT ActionGeo_FeatureID.
    pub feature_id: String,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable identifier: `article_id:sentence_index:n`.
    pub event_id: String,
    /// The article.
    pub article_id: String,
    /// The sentence's 0-based index in the article.
    pub sentence_index: usize,
    /// The event date: the date expression governing the event's clause,
    /// else the publication date.
    pub date: Option<NaiveDate>,
    /// How precise `date` is: `day`, `week`, `month` or `year`.
    pub date_precision: Option<String>,
    /// The date expression the date was read from ("on Monday", "il 13 settembre").
    pub date_text: Option<String>,
    /// Where the event happened, when the sentence or the article says.
    pub location: Option<Location>,
    /// The language the sentence was coded in.
    pub lang: String,
    /// Who acted.
    pub source: ActorRef,
    /// Who was acted upon.
    pub target: ActorRef,
    /// The CAMEO event code.
    pub cameo: String,
    /// Its two-digit root.
    pub cameo_root: String,
    /// Goldstein score, when the code is a CAMEO code.
    pub goldstein: Option<f32>,
    /// QuadClass 1..=4, when the code is a CAMEO code.
    pub quad_class: Option<u8>,
    /// PLOVER type and mode.
    pub plover: Plover,
    /// The evidence.
    pub evidence: Evidence,
}
