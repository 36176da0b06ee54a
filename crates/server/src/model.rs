//! The JSON shapes the API answers with (each documented in the OpenAPI
//! description).

use chrono::NaiveDate;
use dyad_coder::Event;
use dyad_store::EventRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A `[start, end)` span in Unicode characters (code points) of a sentence.
pub type Span = [usize; 2];

/// An actor as found in a sentence.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActorOut {
    /// CAMEO actor code (`EGYGOV`); empty when unknown.
    pub code: String,
    /// Country or IGO part (`EGY`).
    pub country: String,
    /// First agent part (`GOV`).
    pub agent: String,
    /// The words naming the actor.
    pub text: String,
    /// Where those words are in the sentence.
    #[schema(value_type = Vec<usize>)]
    pub span: Span,
    /// For an actor named earlier in the article and only referred to here
    /// ("he", "la premier", "the two ministers"): the words that named it there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
}

/// The words that triggered an event.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TriggerOut {
    /// The words as written.
    pub text: String,
    /// Where they are in the sentence.
    #[schema(value_type = Vec<usize>)]
    pub span: Span,
}

/// Why an event was coded.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EvidenceOut {
    /// The sentence.
    pub sentence: String,
    /// The trigger.
    pub trigger: TriggerOut,
    /// The dictionary entry or rule that produced the code (`file:line: entry`).
    pub rule: String,
}

/// PLOVER classification.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PloverOut {
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
}

/// One event coded by `POST /v1/code`: the record `dyad code` writes, plus
/// the CAMEO label and QuadClass name.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CodedEvent {
    /// `article_id:sentence_index:n`.
    pub event_id: String,
    /// The article.
    pub article_id: String,
    /// 0-based sentence index.
    pub sentence_index: usize,
    /// Event date: the date expression governing the event, else the
    /// article's date.
    pub date: Option<NaiveDate>,
    /// How precise `date` is: `day`, `week`, `month` or `year`.
    pub date_precision: Option<String>,
    /// The date expression the date was read from.
    pub date_text: Option<String>,
    /// Where the event happened, when the sentence or the article says.
    pub location: Option<LocationOut>,
    /// Language the sentence was coded in.
    pub lang: String,
    /// Who acted.
    pub source: ActorOut,
    /// Who was acted upon.
    pub target: ActorOut,
    /// CAMEO event code.
    pub cameo: String,
    /// Its two-digit root.
    pub cameo_root: String,
    /// The CAMEO label of the code.
    pub label: Option<String>,
    /// Goldstein score.
    pub goldstein: Option<f32>,
    /// QuadClass 1..=4.
    pub quad_class: Option<u8>,
    /// QuadClass name (`Verbal Cooperation`, …).
    pub quad_class_name: Option<String>,
    /// PLOVER type and mode.
    pub plover: PloverOut,
    /// The evidence.
    pub evidence: EvidenceOut,
}

fn actor(a: &dyad_coder::ActorRef) -> ActorOut {
    ActorOut {
        code: a.code.clone(),
        country: a.country.clone(),
        agent: a.agent.clone(),
        text: a.text.clone(),
        span: a.span,
        refers_to: a.refers_to.clone(),
    }
}

impl From<&Event> for CodedEvent {
    fn from(e: &Event) -> CodedEvent {
        CodedEvent {
            event_id: e.event_id.clone(),
            article_id: e.article_id.clone(),
            sentence_index: e.sentence_index,
            date: e.date,
            date_precision: e.date_precision.clone(),
            date_text: e.date_text.clone(),
            location: e.location.as_ref().map(LocationOut::from_coder),
            lang: e.lang.clone(),
            source: actor(&e.source),
            target: actor(&e.target),
            cameo: e.cameo.clone(),
            cameo_root: e.cameo_root.clone(),
            label: dyad_cameo::label(&e.cameo).map(str::to_string),
            goldstein: e.goldstein,
            quad_class: e.quad_class,
            quad_class_name: e.quad_class.and_then(dyad_cameo::quad_class_name).map(str::to_string),
            plover: PloverOut { event_type: e.plover.event_type.clone(), mode: e.plover.mode.clone() },
            evidence: EvidenceOut {
                sentence: e.evidence.sentence.clone(),
                trigger: TriggerOut { text: e.evidence.trigger.text.clone(), span: e.evidence.trigger.span },
                rule: e.evidence.rule.clone(),
            },
        }
    }
}

/// `POST /v1/code` as JSON.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    /// The article text.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Language: `auto` (default), `it`, `en`, `es`, `fr` or `de`.
    #[serde(default)]
    pub lang: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Article identifier used in event ids (default `request`).
    #[serde(default)]
    pub id: Option<String>,
}

/// Why an article produced no events.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SkipOut {
    /// Stable key (`discarded`, `unsupported-language`, …).
    pub reason: String,
    /// Explanation.
    pub message: String,
}

/// The answer of `POST /v1/code`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CodeResponse {
    /// The article identifier.
    pub article_id: String,
    /// The language the article was coded in, when it was coded.
    pub lang: Option<String>,
    /// Sentences in the article.
    pub sentences: usize,
    /// The events, in sentence order.
    pub events: Vec<CodedEvent>,
    /// Set when the article was skipped.
    pub skipped: Option<SkipOut>,
    /// Time spent coding, in milliseconds.
    pub elapsed_ms: f64,
}

/// One article for `POST /v1/articles`.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleIn {
    /// The article identifier.
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Language: `auto` (default), `it`, `en`, `es`, `fr` or `de`.
    #[serde(default)]
    pub lang: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
    /// News source.
    #[serde(default)]
    pub source: Option<String>,
}

/// What happened to one ingested article.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleResult {
    /// The article identifier.
    pub id: String,
    /// `stored`, `already-stored`, `skipped` or `failed`.
    pub status: String,
    /// Events coded from it.
    pub events: usize,
    /// Of those, events the store had not seen.
    pub new_events: usize,
    /// Whether it near-duplicates an earlier article (its events became mentions).
    pub near_duplicate: bool,
    /// Why it was skipped or failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Explanation of the reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The answer of `POST /v1/articles`.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct IngestResponse {
    /// Articles received.
    pub received: usize,
    /// Articles stored now.
    pub stored: usize,
    /// Articles the store already had.
    pub already_stored: usize,
    /// Articles skipped or failed (see `results`).
    pub not_coded: usize,
    /// Events new to the store.
    pub new_events: usize,
    /// Mentions added.
    pub mentions: usize,
    /// One result per article, in request order.
    pub results: Vec<ArticleResult>,
}

/// Where an event happened: the place its sentence names, else the
/// article's dateline, with GDELT's ActionGeo fields.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct LocationOut {
    /// The place name as written.
    pub text: Option<String>,
    /// Where it is in the (first report's) sentence, in characters; absent
    /// when the place came from the dateline.
    pub span: Option<[i64; 2]>,
    /// Full name: `City, Region, Country` (ActionGeo_FullName).
    pub name: Option<String>,
    /// `country`, `region` or `city`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world region.
    pub geo_type: Option<i64>,
    /// CAMEO (ISO-3 style) country code.
    pub country: Option<String>,
    /// FIPS 10-4 country code (ActionGeo_CountryCode).
    pub country_fips: Option<String>,
    /// ActionGeo_ADM1Code.
    pub adm1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// ActionGeo_FeatureID.
    pub feature_id: Option<String>,
}

impl LocationOut {
    /// The stored action location; `None` when the event has none.
    pub fn from_geo(g: &dyad_store::Geo) -> Option<LocationOut> {
        (!g.is_empty()).then(|| LocationOut {
            text: g.text.clone(),
            span: g.span,
            name: g.fullname.clone(),
            kind: g.kind.clone(),
            geo_type: g.geo_type,
            country: g.cameo_country.clone(),
            country_fips: g.country.clone(),
            adm1: g.adm1.clone(),
            lat: g.lat,
            lon: g.lon,
            feature_id: g.feature_id.clone(),
        })
    }

    /// The coder's location of an event.
    pub fn from_coder(l: &dyad_coder::Location) -> LocationOut {
        let text = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        LocationOut {
            text: text(&l.text),
            span: l.span.and_then(|[a, b]| Some([i64::try_from(a).ok()?, i64::try_from(b).ok()?])),
            name: text(&l.name),
            kind: text(&l.kind),
            geo_type: Some(i64::from(l.geo_type)),
            country: text(&l.country),
            country_fips: text(&l.country_fips),
            adm1: text(&l.adm1),
            lat: l.lat.is_finite().then_some(l.lat),
            lon: l.lon.is_finite().then_some(l.lon),
            feature_id: text(&l.feature_id),
        }
    }
}

/// A stored event (one row of `GET /v1/events`).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EventOut {
    /// Store event id (use with `GET /v1/events/{id}`).
    pub id: i64,
    /// Event date: the date expression governing the event, else the
    /// publication date.
    pub date: Option<NaiveDate>,
    /// How precise `date` is: `day`, `week`, `month` or `year`.
    pub date_precision: Option<String>,
    /// The date expression the date was read from ("on Monday").
    pub date_text: Option<String>,
    /// Where the event happened, when the coder found a place.
    pub location: Option<LocationOut>,
    /// Source actor code.
    pub source_code: String,
    /// Source country.
    pub source_country: String,
    /// Source agent.
    pub source_agent: String,
    /// Source name as first reported.
    pub source_name: String,
    /// Target actor code.
    pub target_code: String,
    /// Target country.
    pub target_country: String,
    /// Target agent.
    pub target_agent: String,
    /// Target name as first reported.
    pub target_name: String,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub cameo_root: String,
    /// CAMEO label.
    pub label: Option<String>,
    /// QuadClass 1..=4.
    pub quad_class: Option<u8>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// PLOVER type.
    pub plover_type: Option<String>,
    /// Language of the first report.
    pub lang: String,
    /// Mentions across the store.
    pub num_mentions: i64,
    /// Distinct sources.
    pub num_sources: i64,
    /// Distinct articles.
    pub num_articles: i64,
    /// URL of the first report.
    pub source_url: Option<String>,
    /// External id of the first article.
    pub article_id: String,
    /// The first report's sentence.
    pub sentence: Option<String>,
}

impl From<EventRow> for EventOut {
    fn from(r: EventRow) -> EventOut {
        EventOut {
            label: dyad_cameo::label(&r.cameo).map(str::to_string),
            id: r.id,
            date: r.date,
            date_precision: r.date_precision,
            date_text: r.date_text,
            location: LocationOut::from_geo(&r.action_geo),
            source_code: r.source_code,
            source_country: r.source_country,
            source_agent: r.source_agent,
            source_name: r.source_name,
            target_code: r.target_code,
            target_country: r.target_country,
            target_agent: r.target_agent,
            target_name: r.target_name,
            cameo: r.cameo,
            cameo_root: r.cameo_root,
            quad_class: r.quad_class,
            goldstein: r.goldstein,
            plover_type: r.plover_type,
            lang: r.lang,
            num_mentions: r.num_mentions,
            num_sources: r.num_sources,
            num_articles: r.num_articles,
            source_url: r.source_url,
            article_id: r.article_id,
            sentence: r.sentence,
        }
    }
}

/// A page of `GET /v1/events`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EventsPage {
    /// Events the filter selects in all pages.
    pub total: u64,
    /// This page, ordered by date then id.
    pub events: Vec<EventOut>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// One report of an event.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MentionOut {
    /// Store article id (use with `GET /v1/articles/{id}`).
    pub article: i64,
    /// External article id.
    pub article_id: String,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// News source.
    pub source_name: String,
    /// Publication date.
    pub pub_date: Option<String>,
    /// 0-based sentence index.
    pub sentence_index: i64,
    /// The sentence.
    pub sentence: Option<String>,
    /// Source words and their span in the sentence.
    pub source: TriggerOut,
    /// Target words and their span.
    pub target: TriggerOut,
    /// Trigger words and their span.
    pub trigger: TriggerOut,
    /// The rule that fired.
    pub rule: String,
    /// Confidence 0..=100.
    pub confidence: i64,
    /// Whether the article near-duplicates an earlier one.
    pub via_duplicate: bool,
}

/// `GET /v1/events/{id}`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EventDetail {
    /// The event.
    pub event: EventOut,
    /// QuadClass name.
    pub quad_class_name: Option<String>,
    /// Every mention, oldest first; the first is the evidence.
    pub mentions: Vec<MentionOut>,
}

/// `GET /v1/articles/{id}`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleOut {
    /// Store article id.
    pub id: i64,
    /// External id.
    pub article_id: String,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// News source.
    pub source: Option<String>,
    /// Publication date.
    pub pub_date: Option<String>,
    /// Language given.
    pub lang: Option<String>,
    /// Store id of the article this one near-duplicates.
    pub duplicate_of: Option<i64>,
    /// The text.
    pub text: String,
}

/// One period of a dyad series.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SeriesPoint {
    /// First day of the period.
    pub period: NaiveDate,
    /// Events in the period.
    pub events: i64,
    /// Events by QuadClass: verbal cooperation, material cooperation,
    /// verbal conflict, material conflict.
    #[schema(value_type = Vec<i64>)]
    pub by_quad_class: [i64; 4],
    /// Mentions of those events.
    pub mentions: i64,
    /// Mean Goldstein score (absent when no event has one).
    pub mean_goldstein: Option<f64>,
}

/// `GET /v1/dyads/{a}/{b}/series`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Series {
    /// Source actor spec.
    pub source: String,
    /// Target actor spec.
    pub target: String,
    /// `day`, `week` or `month`.
    pub interval: String,
    /// Whether both directions count.
    pub undirected: bool,
    /// Every period from the first with events to the last, gaps filled with zeros.
    pub points: Vec<SeriesPoint>,
}

/// One dyad in `GET /v1/dyads`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DyadOut {
    /// Source side (country, or code when it has none).
    pub source: String,
    /// Target side.
    pub target: String,
    /// Events.
    pub events: i64,
    /// Mentions.
    pub mentions: i64,
    /// Mean Goldstein score.
    pub mean_goldstein: Option<f64>,
    /// First period with events.
    pub first: NaiveDate,
    /// Last period with events.
    pub last: NaiveDate,
}

/// `GET /v1/dyads`: the most active dyads.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DyadsOut {
    /// Dyads, most events first.
    pub dyads: Vec<DyadOut>,
}

/// Events placed in one country (`GET /v1/countries`).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CountryOut {
    /// CAMEO country code (mostly ISO 3166-1 alpha-3).
    pub country: String,
    /// Events placed there.
    pub events: i64,
    /// Mean Goldstein score.
    pub mean_goldstein: Option<f64>,
}

/// Events located at one place by the coder (`GET /v1/countries`).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlaceOut {
    /// Full name (`City, Region, Country`).
    pub name: Option<String>,
    /// CAMEO country code of the place.
    pub country: Option<String>,
    /// `country`, `region` or `city`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Events located there.
    pub events: i64,
    /// Mean Goldstein score.
    pub mean_goldstein: Option<f64>,
}

/// `GET /v1/countries`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CountriesOut {
    /// How events are placed.
    pub placement: String,
    /// Countries, most events first.
    pub countries: Vec<CountryOut>,
    /// Places of the events the coder located, most events first (at most
    /// 500): map markers at real coordinates.
    pub places: Vec<PlaceOut>,
}

/// An actor found by `GET /v1/actors`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActorHit {
    /// Actor code.
    pub code: String,
    /// A name it was reported under.
    pub name: String,
    /// Its country part.
    pub country: String,
    /// Events it takes part in (either side).
    pub events: i64,
}

/// `GET /v1/actors`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActorsOut {
    /// Matching actors, most events first.
    pub actors: Vec<ActorHit>,
}

/// `GET /v1/stats`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StatsOut {
    /// Articles stored.
    pub articles: u64,
    /// Of those, near-duplicates.
    pub near_duplicates: u64,
    /// Sentences stored.
    pub sentences: u64,
    /// Distinct events.
    pub events: u64,
    /// Mentions.
    pub mentions: u64,
    /// Earliest event date.
    pub first_date: Option<NaiveDate>,
    /// Latest event date.
    pub last_date: Option<NaiveDate>,
    /// Store schema version.
    pub schema_version: i64,
    /// Whether `POST /v1/articles` is enabled (a token is configured).
    pub writable: bool,
}

/// `GET /healthz`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// dyad version.
    pub version: String,
}
