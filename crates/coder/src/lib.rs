//! The dyad event coder: tokenized sentences and a dictionary in, explained
//! CAMEO events out.
//!
//! [`Coder::new`] compiles a [`Lexicon`] into phrase indexes once;
//! [`Coder::code_document`] then codes a [`Document`] without IO, allocation
//! of shared state, or failure: text that cannot be coded yields no events,
//! never an error.
//!
//! How a sentence is coded (a shallow parse, no parser output needed):
//! 1. discard phrases drop the sentence (or the whole story);
//! 2. actor and agent phrases are found, longest first; agents attach to the
//!    actor beside them ("Gondor police" → `GONCOP`); coordinated actors
//!    ("Arnor and Gondor") share one slot;
//! 3. verbs are found, except where a determiner or capitalization shows the
//!    word is a noun, or the dictionary says so;
//! 4. for each verb the most specific matching pattern gives the code and,
//!    with `$`/`+`, the actors; otherwise the subject is the nearest actor
//!    before the verb that is not a prepositional or object phrase, and the
//!    target the first actor after it; a passive verb with "by" swaps them;
//! 5. negated verbs, and statements that merely report another event in the
//!    same sentence, code nothing.
//!
//! # Example
//!
//! ```
//! use dyad_coder::{ArticleMeta, Coder};
//! use dyad_lexicon::foreign;
//!
//! let mut lexicon = foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\n", "demo.actors");
//! lexicon.extend(foreign::parse_verbs("RESTORE [060]\n- * DIPLOMATIC TIES [064]\n", "demo.verbs"));
//! let coder = Coder::new(&lexicon);
//! let doc = dyad_text::TextPipeline::new().process(
//!     "Arnor will restore full diplomatic ties with Gondor.", None, Some(dyad_text::Lang::En));
//! let events = coder.code_document(&doc, &ArticleMeta::new("a1", None)).events;
//! assert_eq!(events.len(), 1);
//! assert_eq!((events[0].source.code.as_str(), events[0].target.code.as_str(), events[0].cameo.as_str()),
//!            ("ARN", "GON", "064"));
//! ```

mod actors;
mod discourse;
mod event;
mod index;
mod lang;
mod offices;
mod patterns;

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use dyad_lexicon::{CodeSpec, DiscardScope, Lexicon};
use dyad_text::{Document, Sentence, Token, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;

pub use event::{split_code, ActorRef, Event, Evidence, Location, Plover, Span, Trigger};

use actors::{ActorFinder, ActorGroup};
use discourse::Discourse;
use index::{Keyed, PhraseIndex, Vocab};
use lang::{is_quote_mark, phrase_end, LangWords};
use patterns::{compile_synsets, Matcher, Members, Pattern};

/// Settings that change how the coder assigns actors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoderConfig {
    /// Emit events whose source or target is unknown (the unknown side has
    /// an empty code). Off by default: an event needs a dyad.
    pub allow_missing_actor: bool,
    /// With `allow_missing_actor`, also emit events neither of whose sides
    /// the dictionaries know: event detection scored on the event code
    /// alone, as for gold sets that give no actor codes. Off by default.
    pub allow_no_actor: bool,
    /// How many tokens a gap in a pattern may span.
    pub max_gap: usize,
    /// Drop statement events (CAMEO root 01) when the same sentence codes
    /// another event: "X said Y attacked Z" is about the attack.
    pub suppress_reporting: bool,
    /// Read the whole article: surnames, "the two ministers", pronoun and
    /// dropped subjects resolve to actors named earlier; events take the date
    /// of the expression nearest them.
    pub discourse: bool,
    /// Give events a location from the embedded gazetteer.
    pub places: bool,
    /// Actors that stand in for a missing source or target (TABARI's
    /// `DEFAULT:` command). None by default.
    pub default_actors: DefaultActors,
    /// How many events one sentence may give.
    pub code_by: CodeBy,
    /// Keep events between agents without a country on either side
    /// ("Police arrested protesters"; TABARI's `CONVERT AGENT`). Off by
    /// default: such an event says nothing about who did what to whom.
    pub agent_dyads: bool,
    /// Sentences too complex to code (TABARI's `COMPLEX:`); none by default.
    pub complexity: Complexity,
    /// Follow TABARI's own conventions where they differ from dyad's (off by
    /// default; TABARI validation suites turn it on). TABARI's clauses are
    /// parted only by semicolons and by conjunctions that join neither actors
    /// nor two of the dictionary's nouns or adjectives; it knows no
    /// prepositions or subordinate clauses. So the source is the first actor
    /// of the verb's clause ("… ties with Gondor almost five years after
    /// crowds burned down …" is Gondor's), the target the first actor after
    /// the verb in its clause (past commas, when it has a country), or else
    /// the clause's first other actor ("Red Cross accepts that the Secretary
    /// General might affirm or allow …" → Red Cross / Secretary General); a
    /// pronoun is the sentence's first actor before it, where it stands; a
    /// role governing a list goes to its first actor; an actor or verb coded
    /// `###` discards the sentence; with [`CodeBy::All`] an infinitive
    /// complement ("urged Bree to assist") codes too, between the actors of
    /// the verb it completes.
    pub tabari: bool,
    /// Comma-delimited clauses of a given length are left out before coding
    /// (TABARI's `COMMA:`); none by default.
    pub comma: Option<CommaClauses>,
}

/// TABARI's `COMMA:` limits: a clause set off by commas whose number of
/// words lies within the limits (both included) is not coded. A range whose
/// minimum exceeds its maximum never applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaClauses {
    /// Words of a clause between two commas (`MIN`, `MAX`).
    pub inside: (usize, usize),
    /// Words of a clause after the last comma (`EMIN`, `EMAX`).
    pub end: (usize, usize),
    /// Words of a clause before the first comma (`BMIN`, `BMAX`).
    pub begin: (usize, usize),
}

impl CommaClauses {
    /// TABARI's limits when its options say nothing: clauses of 2 to 10
    /// words inside the sentence or at its end; none at its beginning.
    pub const TABARI: CommaClauses = CommaClauses { inside: (2, 10), end: (2, 10), begin: (255, 0) };

    /// Which tokens stay: `None` when no clause is left out. `listed` says
    /// whether a comma stands inside a list of actors ("Mordor, the Shire,
    /// Fornost and Bree"): such a comma opens no clause.
    fn kept(&self, tokens: &[Token], listed: &dyn Fn(usize) -> bool) -> Option<Vec<bool>> {
        let commas: Vec<usize> = tokens
            .iter()
            .enumerate()
            .filter(|&(i, t)| &*t.text == "," && !listed(i))
            .map(|(i, _)| i)
            .collect();
        let (&first, &last) = (commas.first()?, commas.last()?);
        // A clause inside a list ("Evil Mordor, the awful Fornost, and good
        // Gondor") stays.
        let before_conjunction =
            |comma: usize| tokens.get(comma + 1).is_some_and(|t| matches!(&*t.upper, "AND" | "OR" | "NOR"));
        let words = |from: usize, to: usize| {
            tokens.get(from..to).map_or(0, |ts| ts.iter().filter(|t| t.kind != TokenKind::Punct).count())
        };
        let within = |(lo, hi): (usize, usize), n: usize| lo <= n && n <= hi;
        let mut keep = vec![true; tokens.len()];
        let mut cut = false;
        let mut drop = |from: usize, to: usize, keep: &mut Vec<bool>| {
            for k in keep.iter_mut().take(to).skip(from) {
                *k = false;
            }
            cut = true;
        };
        if within(self.begin, words(0, first)) {
            drop(0, first + 1, &mut keep);
        }
        // Commas pair up around inside clauses ("Elrond, suspicious as ever of
        // Mordor, brushed aside …"); an odd last one opens the closing clause.
        for pair in commas.chunks(2) {
            match *pair {
                [a, b] => {
                    if within(self.inside, words(a + 1, b)) && !before_conjunction(b) {
                        // The first comma stays: "with Dagolath, officials said".
                        drop(a + 1, b + 1, &mut keep);
                    }
                }
                _ => {
                    // The sentence's closing punctuation stays.
                    let end = tokens
                        .iter()
                        .rposition(|t| t.kind != TokenKind::Punct)
                        .map_or(last + 1, |e| e + 1)
                        .max(last + 1);
                    if within(self.end, words(last + 1, end)) {
                        drop(last, end, &mut keep);
                    }
                }
            }
        }
        cut.then_some(keep)
    }
}

/// Limits past which a sentence is too complex to code and gives no event
/// (TABARI's `COMPLEX: VERBS[n] CONJ[m]`). Zero means no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Complexity {
    /// A sentence with this many verbs or more (verb forms used as nouns not counted).
    pub verbs: usize,
    /// A sentence with this many coordinating conjunctions outside actor
    /// phrases or more ("Ithilen and Dagolath" joins actors and is not counted).
    pub conjunctions: usize,
}

impl Default for CoderConfig {
    fn default() -> Self {
        CoderConfig {
            allow_missing_actor: false,
            allow_no_actor: false,
            max_gap: 6,
            suppress_reporting: true,
            discourse: true,
            places: true,
            default_actors: DefaultActors::default(),
            code_by: CodeBy::All,
            agent_dyads: false,
            complexity: Complexity::default(),
            tabari: false,
            comma: None,
        }
    }
}

/// Actor codes that stand in for a missing side of an event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DefaultActors {
    /// The code of the default source; `None`: no default source.
    pub source: Option<String>,
    /// The default source stands in whenever no subject precedes the verb.
    /// Without it, the first actor after the verb becomes the source (the
    /// next actor of a compound object the target) and the default source
    /// is used only when no actor is left.
    pub source_prior: bool,
    /// The code of the default target; `None`: no default target.
    pub target: Option<String>,
    /// The default target stands in whenever no object follows the verb.
    /// Without it, the second actor of a compound subject becomes the target
    /// ("Bree and Arnor restore ties" → Bree / Arnor) before the default is used.
    pub target_after: bool,
}

/// How many events a sentence may give.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CodeBy {
    /// Every verb codes its own events: the usual coding (TABARI's `CODE ALL`).
    #[default]
    All,
    /// One event per clause: the first verb of each clause that gives an event
    /// (each of its actor pairs), as TABARI codes by default (`CODE BY CLAUSE`).
    /// Clauses are parted by a semicolon, a coordinating conjunction that does
    /// not join actors ("Arnor met Bree *and* Gondor attacked Mordor") or a
    /// word that opens a subordinate clause ("*while* Mordor attacked Bree");
    /// with [`CoderConfig::tabari`], not by the latter.
    Clause,
    /// One event per sentence: the first verb's (each of its actor pairs).
    Sentence,
}

/// What the coder needs to know about the article a sentence belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The article identifier.
    pub id: String,
    /// The publication date; actor codes with terms are resolved against it.
    pub date: Option<NaiveDate>,
}

impl ArticleMeta {
    /// Creates the metadata.
    pub fn new(id: &str, date: Option<NaiveDate>) -> ArticleMeta {
        ArticleMeta { id: id.to_string(), date }
    }
}

/// The events of one document, and whether a discard phrase dropped it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentEvents {
    /// The events, in sentence order.
    pub events: Vec<Event>,
    /// The discard rule that dropped the whole story, if any.
    pub discarded_by: Option<String>,
    /// Sentences dropped by sentence-level discards.
    pub discarded_sentences: usize,
}

struct VerbInfo {
    code: CodeSpec,
    /// Shared: PETRARCH blocks give every verb line the block's patterns.
    patterns: Arc<[Pattern]>,
    rule: String,
}

/// Identifies a verb's pattern list by where it was written, so that the
/// copies a PETRARCH block hands to each of its verbs compile once.
type PatternListKey = (Arc<str>, u32, u32, usize);

/// The char spans of the actors a sentence names, with their codes.
type ActorNames = Vec<((usize, usize), String)>;

/// The compiled coder. Build it once; it is `Send + Sync` and codes any
/// number of documents concurrently.
pub struct Coder {
    vocab: Vocab,
    finder: ActorFinder,
    verbs: PhraseIndex<u32>,
    verb_info: Vec<VerbInfo>,
    synsets: Vec<Members>,
    discards: PhraseIndex<(DiscardScope, String)>,
    /// The dictionary's nouns (`true`) and adjectives (`false`): never verbs.
    nonverbs: PhraseIndex<bool>,
    config: CoderConfig,
    /// Role nouns that name one office, which a named holder answers to.
    office_nouns: offices::OfficeNouns,
    /// The lexicon's coding options that are not in `config`: capitals as
    /// governments, roles taking the place's country, TABARI's `NOACTPRIOR`.
    options: dyad_lexicon::model::CodingOptions,
}

impl Coder {
    /// Compiles a lexicon with the default [`CoderConfig`] (patterns'
    /// gap limit taken from the lexicon's options).
    pub fn new(lexicon: &Lexicon) -> Coder {
        let config = CoderConfig {
            allow_missing_actor: lexicon.options.allow_missing_actor,
            max_gap: lexicon.options.max_gap,
            ..CoderConfig::default()
        };
        Coder::with_config(lexicon, config)
    }

    /// Compiles a lexicon with the given configuration.
    pub fn with_config(lexicon: &Lexicon, config: CoderConfig) -> Coder {
        Coder::from_lexicon(lexicon.clone(), config)
    }

    /// Compiles a lexicon it takes over, freeing each part as soon as it is
    /// compiled: the peak memory of a large dictionary set stays lower than
    /// with [`Coder::with_config`], which must leave the lexicon intact.
    pub fn from_lexicon(mut lexicon: Lexicon, config: CoderConfig) -> Coder {
        let mut vocab = Vocab::default();
        vocab.lang = lexicon.options.language.as_deref().and_then(dyad_text::Lang::from_code);
        let actors = std::mem::take(&mut lexicon.actors);
        let agents = std::mem::take(&mut lexicon.agents);
        let mut finder = ActorFinder::new(&mut vocab, actors, agents, config.max_gap);
        finder.roles_keep_specific_codes = lexicon.options.roles_keep_specific_codes;
        finder.counted_people_are_civilians = lexicon.options.counted_people_are_civilians;
        let lexicon = lexicon;
        let mut verbs = PhraseIndex::default();
        let mut verb_info = Vec::with_capacity(lexicon.verbs.len());
        let mut compiled: FxHashMap<PatternListKey, Arc<[Pattern]>> = FxHashMap::default();
        // A form listed under several entries ("--- SHOT [---] ---" and
        // "--- SHOT [223] ---") gets all their patterns, not the first entry's.
        let mut entries_of_form: FxHashMap<&dyad_lexicon::Phrase, Vec<u32>> = FxHashMap::default();
        let mut form_order: Vec<&dyad_lexicon::Phrase> = Vec::new();
        for (i, verb) in lexicon.verbs.iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for form in &verb.forms {
                let ids = entries_of_form.entry(form).or_default();
                if ids.is_empty() {
                    form_order.push(form);
                }
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            verb_info.push(VerbInfo {
                code: verb.code.clone(),
                patterns: match (verb.patterns.first(), verb.patterns.last()) {
                    (Some(first), Some(last)) => {
                        let key =
                            (first.rule.file.clone(), first.rule.line, last.rule.line, verb.patterns.len());
                        compiled
                            .entry(key)
                            .or_insert_with(|| {
                                verb.patterns.iter().filter_map(|p| Pattern::compile(&mut vocab, p)).collect()
                            })
                            .clone()
                    }
                    _ => Arc::from(Vec::new()),
                },
                rule: verb.rule.to_string(),
            });
        }
        let mut merged: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        for form in form_order {
            let Some(ids) = entries_of_form.get(form) else { continue };
            let id = match ids[..] {
                [single] => single,
                _ => *merged.entry(ids.clone()).or_insert_with(|| {
                    let infos: Vec<&VerbInfo> =
                        ids.iter().filter_map(|&i| verb_info.get(i as usize)).collect();
                    let first_coded =
                        infos.iter().find(|v| !matches!(v.code, CodeSpec::Null)).or(infos.first());
                    let info = VerbInfo {
                        code: first_coded.map_or(CodeSpec::Null, |v| v.code.clone()),
                        patterns: infos.iter().flat_map(|v| v.patterns.iter().cloned()).collect(),
                        rule: first_coded.map_or_else(String::new, |v| v.rule.clone()),
                    };
                    verb_info.push(info);
                    u32::try_from(verb_info.len() - 1).unwrap_or(u32::MAX)
                }),
            };
            verbs.insert(&mut vocab, form, id);
        }
        verbs.finish();
        let mut discards = PhraseIndex::default();
        for d in &lexicon.discards {
            discards.insert(&mut vocab, &d.phrase, (d.scope, d.rule.to_string()));
        }
        discards.finish();
        let mut nonverbs = PhraseIndex::default();
        for p in &lexicon.nouns {
            nonverbs.insert(&mut vocab, p, true);
        }
        for p in &lexicon.adjectives {
            nonverbs.insert(&mut vocab, p, false);
        }
        nonverbs.finish();
        let synsets = compile_synsets(&mut vocab, &lexicon.synsets);
        let office_nouns = offices::OfficeNouns::new(&mut vocab, &lexicon.office_nouns);
        Coder {
            office_nouns,
            vocab,
            finder,
            verbs,
            verb_info,
            synsets,
            discards,
            nonverbs,
            config,
            options: lexicon.options,
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &CoderConfig {
        &self.config
    }

    /// Turns [`CoderConfig::allow_missing_actor`] on or off without
    /// recompiling: validation suites change it between records
    /// (PETRARCH's `require_dyad`).
    ///
    /// ```
    /// # use dyad_coder::Coder;
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_allow_missing_actor(true);
    /// assert!(coder.config().allow_missing_actor);
    /// ```
    pub fn set_allow_missing_actor(&mut self, allow: bool) {
        self.config.allow_missing_actor = allow;
    }

    /// Turns [`CoderConfig::allow_no_actor`] on or off without recompiling.
    ///
    /// ```
    /// # use dyad_coder::Coder;
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_allow_no_actor(true);
    /// assert!(coder.config().allow_no_actor);
    /// ```
    pub fn set_allow_no_actor(&mut self, allow: bool) {
        self.config.allow_no_actor = allow;
    }

    /// Sets [`CoderConfig::default_actors`] without recompiling (TABARI's
    /// `DEFAULT:` command; `DefaultActors::default()` turns them off).
    ///
    /// ```
    /// # use dyad_coder::{Coder, DefaultActors};
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_default_actors(DefaultActors { source: Some("DEF".into()), ..DefaultActors::default() });
    /// assert_eq!(coder.config().default_actors.source.as_deref(), Some("DEF"));
    /// ```
    pub fn set_default_actors(&mut self, defaults: DefaultActors) {
        self.config.default_actors = defaults;
    }

    /// Sets [`CoderConfig::code_by`] without recompiling (TABARI's
    /// `SET: CODE BY ...`).
    ///
    /// ```
    /// # use dyad_coder::{Coder, CodeBy};
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_code_by(CodeBy::Sentence);
    /// assert_eq!(coder.config().code_by, CodeBy::Sentence);
    /// ```
    pub fn set_code_by(&mut self, code_by: CodeBy) {
        self.config.code_by = code_by;
    }

    /// Sets [`CoderConfig::agent_dyads`] without recompiling (TABARI's
    /// `SET: CONVERT AGENT`).
    ///
    /// ```
    /// # use dyad_coder::Coder;
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_agent_dyads(true);
    /// assert!(coder.config().agent_dyads);
    /// ```
    pub fn set_agent_dyads(&mut self, allow: bool) {
        self.config.agent_dyads = allow;
    }

    /// Sets [`CoderConfig::complexity`] without recompiling (TABARI's `COMPLEX:`).
    ///
    /// ```
    /// # use dyad_coder::{Coder, Complexity};
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_complexity(Complexity { verbs: 5, conjunctions: 4 });
    /// assert_eq!(coder.config().complexity.verbs, 5);
    /// ```
    pub fn set_complexity(&mut self, complexity: Complexity) {
        self.config.complexity = complexity;
    }

    /// Sets [`CoderConfig::tabari`] without recompiling.
    ///
    /// ```
    /// # use dyad_coder::Coder;
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_tabari(true);
    /// assert!(coder.config().tabari);
    /// ```
    pub fn set_tabari(&mut self, on: bool) {
        self.config.tabari = on;
    }

    /// Sets [`CoderConfig::comma`] without recompiling (TABARI's `COMMA:`).
    ///
    /// ```
    /// # use dyad_coder::{Coder, CommaClauses};
    /// let mut coder = Coder::new(&dyad_lexicon::Lexicon::default());
    /// coder.set_comma(Some(CommaClauses::TABARI));
    /// assert_eq!(coder.config().comma, Some(CommaClauses::TABARI));
    /// ```
    pub fn set_comma(&mut self, comma: Option<CommaClauses>) {
        self.config.comma = comma;
    }

    /// Codes every sentence of a document.
    pub fn code_document(&self, doc: &Document, meta: &ArticleMeta) -> DocumentEvents {
        let mut out = DocumentEvents::default();
        let lang = doc.lang.code();
        // The publication date comes from the metadata, else from a dateline.
        let dateline = if self.config.discourse {
            // A dateline opens the body, after the title.
            let body = doc.body.char_indices().nth(doc.body_start).map_or("", |(b, _)| &doc.body[b..]);
            dyad_context::dates::find_dateline(body, meta.date)
                .map(|d| dyad_context::dates::Dateline { body_start: d.body_start + doc.body_start, ..d })
        } else {
            None
        };
        let published = meta.date.or_else(|| dateline.as_ref().and_then(|d| d.date));
        let meta = &ArticleMeta { id: meta.id.clone(), date: published };
        let gazetteer = self.config.places.then(dyad_context::gazetteer::Gazetteer::embedded);
        let dateline_place = match (gazetteer, &dateline) {
            (Some(g), Some(d)) => {
                // "KANO, Nigeria, June 16": the region says which Kano.
                let region = d.region.as_deref().map(|r| g.lookup(r)).unwrap_or_default();
                let candidates = g.lookup(&d.place);
                let countries: FxHashSet<&str> = candidates.iter().map(|p| p.cameo).collect();
                // "Valencia, 9 nov (EFE).- … Carlos Mazón": with no region, the
                // states of the lead's actors say which Valencia (Spain's, not
                // Venezuela's).
                let lead = if region.is_empty() && countries.len() > 1 {
                    self.lead_states(doc, published)
                } else {
                    Vec::new()
                };
                let context: Vec<&str> =
                    region.iter().map(|p| p.cameo).chain(lead.iter().map(String::as_str)).collect();
                g.resolve(&candidates, &context).map(|p| discourse::location(&d.place, None, p))
            }
            _ => None,
        };
        let filed_in = dateline_place.as_ref().map(|p| p.country.as_str()).filter(|c| c.len() == 3);
        let mut discourse = Discourse::default();
        // The body is read first and the headline last: a headline abbreviates what the
        // body names in full ("Tajani meets Barrot" before "… Jean-Noël Barrot").
        let headline = doc.headline_sentences.min(doc.sentences.len());
        let (title, body) = doc.sentences.split_at(headline);
        let mut headline_events = Vec::new();
        let mut before_headline = true;
        for (sentence, in_headline) in body.iter().map(|s| (s, false)).chain(title.iter().map(|s| (s, true)))
        {
            if in_headline && std::mem::take(&mut before_headline) {
                // The subject of the body's last sentence is no headline's dropped subject.
                discourse.forget_subjects();
            }
            let full = Keyed::new(&self.vocab, &sentence.tokens);
            // Discard phrases count wherever they stand, inside a comma clause too.
            if let Some((scope, rule)) = self.discard(&full) {
                match scope {
                    DiscardScope::Story => {
                        return DocumentEvents {
                            events: Vec::new(),
                            discarded_by: Some(rule.clone()),
                            discarded_sentences: doc.sentences.len(),
                        };
                    }
                    DiscardScope::Sentence => {
                        out.discarded_sentences += 1;
                        continue;
                    }
                }
            }
            // TABARI's COMMA: short comma-delimited clauses are left out.
            let shortened =
                self.config.comma.and_then(|c| self.comma_kept(c, &full, lang, meta)).map(|keep| Sentence {
                    tokens: sentence
                        .tokens
                        .iter()
                        .zip(keep)
                        .filter(|(_, k)| *k)
                        .map(|(t, _)| t.clone())
                        .collect(),
                    ..sentence.clone()
                });
            let dashed = if self.config.tabari {
                None
            } else {
                asides_as_commas(shortened.as_ref().unwrap_or(sentence), LangWords::of(lang))
            };
            let sentence = dashed.as_ref().or(shortened.as_ref()).unwrap_or(sentence);
            let plain =
                if self.config.tabari { None } else { without_set_phrases(sentence, LangWords::of(lang)) };
            let sentence = plain.as_ref().unwrap_or(sentence);
            let untimed = without_clock_time(sentence);
            let sentence = untimed.as_ref().unwrap_or(sentence);
            let rekeyed = (dashed.is_some() || shortened.is_some() || plain.is_some() || untimed.is_some())
                .then(|| Keyed::new(&self.vocab, &sentence.tokens));
            let sent = rekeyed.as_ref().unwrap_or(&full);
            let context = self.config.discourse.then_some(&discourse);
            // The dateline ("BERLIN, March 3 (Reuters) -") names no actor.
            let body_from = match &dateline {
                Some(d) if !in_headline => d.body_start.saturating_sub(sentence.span.0),
                _ => 0,
            };
            let view = discourse::Sentence { text: &sentence.text, lang, tokens: &sentence.tokens };
            // The state the article was last about, else where it was filed.
            let home = self.options.home_country.as_deref();
            let article_country = discourse
                .last_state()
                .or(filed_in)
                .or(home)
                .map(|last| (last, discourse.main_state(filed_in).unwrap_or(last)));
            // Codes the sentence with its actors' offices held on `meta.date`.
            let code_at = |meta: &ArticleMeta| {
                let place = SentencePlace { body_from, headline: in_headline };
                let (mut events, groups, names) = self.code_keyed(sentence, sent, lang, meta, context, place);
                if self.config.discourse {
                    if self.options.capitals_as_government {
                        discourse::capital_as_government(&mut events);
                    }
                    discourse::situate(
                        &mut events,
                        &view,
                        published,
                        gazetteer,
                        discourse.countries(),
                        dateline_place.as_ref(),
                        &names,
                    );
                    self.anchor_roles(
                        &mut events,
                        Some(&view),
                        article_country,
                        discourse.main_state(filed_in),
                        filed_in,
                    );
                } else {
                    self.anchor_roles(&mut events, None, None, None, None);
                }
                (events, groups)
            };
            let (mut events, groups) = code_at(meta);
            // "Vizcarra fue destituido por el Congreso en noviembre de 2020": an act the
            // sentence dates well before publication is coded again with the offices held
            // then. The article keeps following today's offices (the discourse learns
            // from the first coding).
            let then = past_date(&events, published).map(|(date, held_on)| {
                let (then, _) = code_at(&ArticleMeta { id: meta.id.clone(), date: Some(held_on) });
                (date, then)
            });
            if self.config.discourse {
                let body_start = sentence.tokens.iter().position(|t| t.span.0 >= body_from).unwrap_or(0);
                discourse.learn(
                    &sentence.tokens,
                    &sentence.text,
                    &groups,
                    &events,
                    LangWords::of(lang),
                    body_start,
                );
            }
            if let Some((date, then)) = then {
                // Events the sentence dates otherwise stay as first coded (an
                // undated one took the day offices were looked up on).
                let dated_then = |e: &Event| e.date == Some(date) && e.date_text.is_some();
                events.retain(|e| !dated_then(e));
                events.extend(then.into_iter().filter(dated_then));
                events.sort_by_key(|e| e.evidence.trigger.span[0]);
                for (n, e) in events.iter_mut().enumerate() {
                    e.event_id = format!("{}:{}:{}", meta.id, sentence.index, n);
                }
            }
            // Only now that roles have their country: "the ministry called for
            // the protection of French interests".
            if self.options.own_country_is_no_target {
                if self.options.capitals_as_government && self.config.discourse {
                    discourse::own_capital_as_government(&mut events);
                }
                let lw = LangWords::of(lang);
                events.retain(|e| {
                    !discourse::acts_on_own_country(e)
                        && !discourse::own_country_speaks_in_complement(e, &sentence.tokens, lw)
                });
            }
            if in_headline {
                headline_events.append(&mut events);
            } else {
                out.events.append(&mut events);
            }
        }
        // A headline restates the lead in fewer words ("China summons Japanese envoy"
        // over "China's vice foreign minister summoned Japan's ambassador"): the
        // body's event says it better, and one event is not told twice.
        headline_events.retain(|h| !out.events.iter().any(|b| same_event_by_country(h, b)));
        headline_events.append(&mut out.events);
        out.events = headline_events;
        out
    }

    /// The states of the actors named in the first sentences of the body,
    /// which tell an ambiguous dateline's city apart.
    fn lead_states(&self, doc: &Document, date: Option<NaiveDate>) -> Vec<String> {
        const LEAD_SENTENCES: usize = 3;
        let lw = LangWords::of(doc.lang.code());
        let headline = doc.headline_sentences.min(doc.sentences.len());
        let mut states = Vec::new();
        for sentence in doc.sentences.iter().skip(headline).take(LEAD_SENTENCES) {
            let keyed = Keyed::new(&self.vocab, &sentence.tokens);
            for group in self.finder.groups(&keyed, date, lw, false) {
                for state in group.actors.iter().filter_map(|a| discourse::state_of(&a.code)) {
                    if !states.iter().any(|s| s == state) {
                        states.push(state.to_string());
                    }
                }
            }
        }
        states
    }

    /// With [`dyad_lexicon::model::CodingOptions::roles_take_country`], gives the sides named
    /// only by their role a country, from the sentence's place when it is
    /// known, else from the other side, else (between roles alone) from the
    /// state the article was last about; civilians struck by a foreign side
    /// take the state the article named most (`named_main`). Aid with no recipient takes the
    /// article's state, a visit goes to the host's state, and an intent, show
    /// of force or cut in relations toward oneself is dropped; then so are the
    /// events between two roles that found no country, which `events_from`
    /// kept for this.
    fn anchor_roles(
        &self,
        events: &mut Vec<Event>,
        place_from: Option<&discourse::Sentence<'_>>,
        article_country: Option<(&str, &str)>,
        named_main: Option<&str>,
        filed_in: Option<&str>,
    ) {
        if !self.options.roles_take_country {
            return;
        }
        if let Some(sentence) = place_from {
            discourse::roles_take_topic_country(events, sentence);
            discourse::roles_take_place_country(events, sentence);
        }
        discourse::victims_take_struck_country(events);
        if let Some(main) = named_main {
            discourse::victims_take_article_state(events, main);
        }
        // "ROMA - … Machado ha accusato il governo": agencies file foreign news
        // from home; the dateline places the story only when the article is
        // mostly about the dateline's state.
        let story_filed_at_home = |filed_in: &&str| article_country.is_none_or(|(_, main)| main == *filed_in);
        if let Some(filed_in) = filed_in.filter(story_filed_at_home) {
            discourse::roles_take_dateline_country(events, filed_in);
        }
        discourse::roles_take_partner_country(events, self.options.domestic_pairs);
        discourse::roles_keep_their_country(events);
        // A role's partner may take the country a role just kept.
        discourse::roles_take_partner_country(events, self.options.domestic_pairs);
        if let Some((country, institutions_country)) = article_country {
            discourse::roles_take_article_country(events, country, institutions_country, filed_in);
        }
        discourse::aid_goes_to_article_state(events, article_country.map(|(_, main)| main));
        discourse::visits_go_to_states(events);
        // "le forze armate taiwanesi hanno schierato unità navali" (TWNMIL TWNMIL
        // 150): an intent, a show of force or a cut in relations is toward
        // another side; an actor that ends up on both sides made none. (Two
        // officials of one government may meet: "il sindaco di Napoli ha
        // incontrato il ministro dell'Interno" is ITAGOV ITAGOV 040.)
        // Nor does a side deny its own accusations (016).
        events.retain(|e| {
            !(e.source.code == e.target.code
                && (matches!(e.cameo_root.as_str(), "03" | "15" | "16") || e.cameo == "016"))
        });
        if !self.config.allow_missing_actor && !self.config.agent_dyads {
            events.retain(discourse::anchored);
        }
    }

    /// [`CommaClauses::kept`] for a sentence, with the commas that part the
    /// actors of one coordinated group kept out of the clauses.
    fn comma_kept(
        &self,
        comma: CommaClauses,
        sent: &Keyed<'_>,
        lang: &str,
        meta: &ArticleMeta,
    ) -> Option<Vec<bool>> {
        let tokens = sent.tokens;
        if !tokens.iter().any(|t| &*t.text == ",") {
            return None;
        }
        let lw = LangWords::of(lang);
        let groups = self.finder.groups(sent, meta.date, lw, self.config.tabari);
        // A list closes with a conjunction ("…, Fornost and Bree"); "Rohan, an
        // Arnorian embassy spokesman" is no list.
        let list = |g: &ActorGroup| {
            g.actors.len() > 2
                && tokens
                    .get(g.start..g.end)
                    .is_some_and(|ts| ts.iter().any(|t| lw.coordinators.contains(&&*t.upper)))
        };
        let listed = |i: usize| groups.iter().any(|g| g.start < i && i < g.end && list(g));
        comma.kept(tokens, &listed)
    }

    fn discard(&self, sent: &Keyed<'_>) -> Option<&(DiscardScope, String)> {
        if self.discards.is_empty() {
            return None;
        }
        let mut story = None;
        let mut sentence = None;
        for i in 0..sent.len() {
            if let Some(hit) = self.discards.longest_at(sent, i, 0) {
                match hit.payload.0 {
                    DiscardScope::Story => story = story.or(Some(hit.payload)),
                    DiscardScope::Sentence => sentence = sentence.or(Some(hit.payload)),
                }
            }
        }
        story.or(sentence)
    }

    /// Codes one sentence (discards are not checked here).
    pub fn code_sentence(&self, sentence: &Sentence, lang: &str, meta: &ArticleMeta) -> Vec<Event> {
        let sent = Keyed::new(&self.vocab, &sentence.tokens);
        let mut events = self.code_keyed(sentence, &sent, lang, meta, None, SentencePlace::default()).0;
        self.anchor_roles(&mut events, None, None, None, None);
        events
    }

    fn code_keyed(
        &self,
        sentence: &Sentence,
        sent: &Keyed<'_>,
        lang: &str,
        meta: &ArticleMeta,
        discourse: Option<&Discourse>,
        place: SentencePlace,
    ) -> (Vec<Event>, Vec<ActorGroup>, ActorNames) {
        let SentencePlace { body_from, headline } = place;
        let tokens = &sentence.tokens;
        let lw = LangWords::of(lang);
        let tabari = self.config.tabari;
        if tabari && self.finder.discards(sent, meta.date) {
            // TABARI: an actor coded `###` discards the sentence.
            return (Vec::new(), Vec::new(), Vec::new());
        }
        let mut groups = self.finder.groups(sent, meta.date, lw, tabari);
        // Every actor named, an attribution's too ("selon le ministère de la Santé du
        // Hamas"), before any is set aside: its words are no place name. Only
        // `situate` reads them.
        let names: ActorNames = if self.config.discourse && self.config.places {
            groups
                .iter()
                .flat_map(|g| &g.actors)
                .filter_map(|a| {
                    let start = tokens.get(a.start)?.span.0;
                    let end = tokens.get(a.end.checked_sub(1)?)?.span.1;
                    Some(((start, end), a.code.clone()))
                })
                .collect()
        } else {
            Vec::new()
        };
        if body_from > 0 {
            // "ROMA - Il premier Giorgia Meloni ha …": the dateline's city may
            // open a group with the subject that opens the body (past an
            // article); the subject stays, the city goes.
            let in_body = |i: usize| tokens.get(i).is_some_and(|t| t.span.0 >= body_from);
            let body_first = tokens.iter().position(|t| t.span.0 >= body_from && t.kind != TokenKind::Punct);
            let opens_body = |i: usize| {
                body_first.is_some_and(|b| {
                    i == b || i == b + 1 && tokens.get(b).is_some_and(|t| lw.is_determiner(&t.upper))
                })
            };
            for group in groups.iter_mut().filter(|g| !in_body(g.start)) {
                if group.actors.first().is_some_and(|a| !in_body(a.start))
                    && group.actors.iter().any(|a| opens_body(a.start))
                {
                    group.actors.retain(|a| in_body(a.start));
                    if let Some(first) = group.actors.iter().map(|a| a.start).min() {
                        group.start = first;
                    }
                }
            }
            groups.retain(|g| in_body(g.start));
        }
        if !tabari {
            drop_attribution(tokens, &mut groups, lw, body_from);
            drop_headline_topic(tokens, &mut groups, lw, headline);
        }
        if let Some(d) = discourse {
            d.extend_groups(sent, &mut groups, lw, &self.office_nouns);
        }
        let verbs = self.find_verbs(sent, &groups, lw);
        split_at_verbs(&mut groups, &verbs);
        if !tabari {
            split_new_subjects(&mut groups, &verbs, tokens, lw);
        }
        if tabari {
            tabari_pronouns(tokens, &sentence.text, &mut groups, discourse, lw);
        }
        let word_conj = self.word_conjunctions(sent, lw);
        if verbs.is_empty() || self.too_complex(tokens, &groups, &verbs, &word_conj, lw) {
            return (Vec::new(), groups, names);
        }
        let speaker = if tabari { None } else { quote_speaker(&groups, tokens, lw) };
        let mut found: Vec<Found> = Vec::new();
        // Groups that are objects of an earlier verb.
        let mut objects: Vec<usize> = Vec::new();
        // Words an earlier verb's pattern matched ("reduced food supplies",
        // "forderte … auf, den Krieg zu beenden") do not code again.
        let mut matched_until = 0;
        let mut matched_from = 0;
        let breaks = if tabari {
            SmallVec::new()
        } else {
            let predicates: Vec<_> = verbs.iter().filter(|v| self.codes_as_verb(v)).copied().collect();
            predicate_breaks(tokens, &groups, &predicates, &word_conj, lw)
        };
        // Past a second predicate's conjunction ("… e ha chiesto"), nothing the
        // first matched holds a verb back.
        let after_break = |from: usize, to: usize| breaks.iter().any(|&b| b >= from && b < to);
        for &(start, end, id, noun) in &verbs {
            if start < matched_until && !after_break(matched_from, start) {
                continue;
            }
            let Some(info) = self.verb_info.get(id as usize) else { continue };
            if attributive_participle(tokens, &groups, start, lw) {
                continue;
            }
            // "threatened to break relations": the infinitive completes the
            // governing verb, whose event already says what happened. Past
            // four words (TABARI's reach), a purpose infinitive of a verb
            // with a known subject does too ("demanded a meeting of the
            // Council to discuss", "marcharon hasta la sede para exigir").
            let complement = found.last().is_some_and(|f| {
                let near = f.verb.1 + 4 >= start;
                let far = !tabari && f.source.is_some() && lw.infinitive_at(tokens, start);
                near && lw.after_infinitive_marker(tokens, start) || far
            });
            // TABARI's CODE ALL codes the complement too, between the governing verb's actors.
            let (complement, inherit) = if complement && tabari && self.config.code_by == CodeBy::All {
                (false, found.last().map(|f| (f.source, f.target)))
            } else {
                (complement, None)
            };
            let reporting = tokens.get(start).is_some_and(|t| lw.reporting.contains(&&*t.upper));
            let (code, rule, mut caps) = self.choose_code(sent, &groups, (start, end), info, &breaks, lw);
            if let Some(c) = caps.as_mut().filter(|_| !tabari) {
                // The antecedent is the verb's subject: its source, or in a
                // passive its target.
                let slot = if is_passive(tokens, start, lw, &groups) { &mut c.target } else { &mut c.source };
                if let Some(antecedent) =
                    slot.and_then(|g| antecedent_outside_relative(&groups, g, start, tokens, lw))
                {
                    *slot = antecedent;
                }
            }
            // "viajó a Rabat para reunirse con su homólogo", "travelled to
            // Washington to meet Trump": the purpose of a trip is a meeting with
            // someone the trip's event does not name, by the traveller.
            let trip = found.last().filter(|f| {
                let travels = matches!(&f.code, CodeSpec::Single(c) if c.starts_with("042") || c.starts_with("043"))
                    || planned_trip(f);
                // A meeting, not talks "between" others it may be meant to start.
                let meets = matches!(&info.code, CodeSpec::Single(c) if &**c == "040");
                complement && !tabari && travels && meets && f.source.is_some()
            });
            // "viajará a Washington el próximo lunes para reunirse con Greer": a
            // trip a pattern already codes as planned (036) plans its meeting too.
            let trip = trip.map(|f| (f.source, f.target, f.future || planned_trip(f)));
            let complement = complement && trip.is_none();
            // "to Washington to meet Trump" is no "Washington to meet Trump".
            let (code, rule, caps) = match trip {
                Some((_, place, _))
                    if caps.as_ref().is_some_and(|c| c.source.is_some() && c.source == place) =>
                {
                    (info.code.clone(), info.rule.clone(), None)
                }
                _ => (code, rule, caps),
            };
            if tabari && is_discard_code(&code) {
                // TABARI: a verb or pattern coded `###` discards the sentence.
                return (Vec::new(), groups, names);
            }
            if noun && caps.as_ref().is_none_or(|c| c.extent.0 >= start) {
                // A verb form used as a noun ("their meeting", "its voice") codes
                // only through a pattern that names the words before it.
                continue;
            }
            if let Some(c) = caps.as_ref() {
                if c.extent.1 > matched_until {
                    (matched_until, matched_from) = (c.extent.1, start);
                }
            }
            // The object follows the verb in its clause, or else follows the
            // words the pattern matched ("restore complete, full ties with Gondor").
            // TABARI's clauses are parted by conjunctions: "might affirm or allow
            // an attack by Osgiliath soldiers" gives "affirm" no object.
            let clause = if tabari {
                clause_span(tokens, start, &|i| joins_clauses(tokens, &groups, &word_conj, i, lw))
            } else {
                (0, tokens.len())
            };
            let judges_act =
                matches!(&code, CodeSpec::Single(c) if ["05", "11", "13"].iter().any(|r| c.starts_with(r)));
            // "condenó el lanzamiento y pidió a Pionyang …", "ha promesso una punizione
            // e ha condannato il regime": a judgement reaches the actor the next
            // predicate addresses (the author of the act judged), unless the two
            // judge in opposite senses ("praised the decision and criticized Warsaw").
            let first_praises = matches!(&code, CodeSpec::Single(c) if c.starts_with("05"));
            let addresses_author = |g: usize| {
                let next = verbs.iter().find(|v| v.0 > end && v.0 < g && after_break(end, v.0));
                next.is_none_or(|v| {
                    self.verb_info.get(v.2 as usize).is_none_or(|i| match &i.code {
                        CodeSpec::Single(c) if first_praises => {
                            !c.get(..2).is_some_and(|r| ("10".."21").contains(&r))
                        }
                        CodeSpec::Single(c) => !c.starts_with("05"),
                        _ => true,
                    })
                })
            };
            // "Poland scrambled fighter jets as Russia launched strikes": a show
            // of force answers the side whose act the next clause tells.
            let answers_act = matches!(&code, CodeSpec::Single(c) if c.starts_with("15"));
            let in_clause = |groups: &[ActorGroup], g: usize| {
                groups.get(g).is_some_and(|grp| {
                    grp.start >= clause.0
                        && grp.end <= clause.1
                        && ((judges_act || answers_act) && addresses_author(grp.start)
                            || lw.locative_before(tokens, grp.start)
                            || !after_break(end, grp.start))
                })
            };
            let target_group = caps.as_ref().and_then(|c| c.target).or_else(|| {
                first_group_after(&groups, end, tokens, lw)
                    .filter(|&g| in_clause(&groups, g))
                    .or_else(|| {
                        // TABARI's target is the first actor after the verb, past
                        // commas; one with a country ("…, a senior official said" is none).
                        tabari
                            .then(|| groups.iter().position(|g| g.start >= end))
                            .flatten()
                            .filter(|&g| {
                                groups.get(g).is_some_and(|g| {
                                    g.actors.iter().all(has_country)
                                        && tokens.get(end..g.start).is_some_and(|ts| {
                                            !ts.iter().any(|t| matches!(&*t.text, ";" | "."))
                                        })
                                })
                            })
                            .filter(|&g| in_clause(&groups, g))
                    })
                    .or_else(|| {
                        let after_pattern = caps.as_ref().map_or(end, |c| c.extent.1);
                        (after_pattern > end)
                            .then(|| first_group_after(&groups, after_pattern, tokens, lw))
                            .flatten()
                            .filter(|&g| in_clause(&groups, g))
                    })
            });
            // "Speaking to reporters, Trump accused China", "Parlando alla tv di
            // Stato, Maduro ha accusato …": the actor after an opening phrase's
            // comma is the main verb's subject, not the opener's object.
            // So too when a pattern's gap reached past the comma ("talk to .. +"
            // in "Talking to him, Trump accused China").
            let target_group = target_group
                .filter(|&t| tabari || !subject_after_opener(&groups, &verbs, (start, end), t, tokens, lw));
            let target_group = match (target_group, caps.as_ref()) {
                (Some(t), Some(c)) if !tabari && c.target.is_none() => {
                    match object_past_phrase(&groups, t, c, &code, tokens, lw) {
                        PhraseObject::After(at) => first_group_after(&groups, at, tokens, lw)
                            .filter(|&g| in_clause(&groups, g))
                            .or(Some(t)),
                        PhraseObject::Place(place) => {
                            groups.push(place);
                            Some(groups.len() - 1)
                        }
                        PhraseObject::Same => Some(t),
                    }
                }
                (t, _) => t,
            };
            if let Some(t) = target_group {
                // TABARI: a verb coded null ("On accord Gondor repelled …") has no object.
                let null = tabari && matches!(code, CodeSpec::Null);
                if !reporting && !null {
                    objects.push(t);
                }
            }
            let pattern_start = caps.as_ref().map_or(start, |c| c.extent.0);
            let pattern_end = caps.as_ref().map_or(end, |c| c.extent.1.max(end));
            if complement
                || matches!(code, CodeSpec::Null)
                || is_negated(tokens, start.min(pattern_start), pattern_end, lw)
            {
                continue;
            }
            // "Dopo aver incontrato Macron, Meloni ha detto …", "Tras reunirse con
            // Lula, Sánchez afirmó …", "After talks with Xi, Albanese said …": an
            // opening phrase's verb (or meeting noun) has the main clause's subject.
            let opener = (!tabari && (!noun || consults(&code)))
                .then(|| opener_subject(&groups, &verbs, (start, end), tokens, lw))
                .flatten();
            // "Ricevuto da Erdogan, Tajani ha detto …": an opening participle
            // with its agent after it is a passive.
            let opener_passive = opener.is_some()
                && !noun
                && tokens.get(end).is_some_and(|t| lw.passive_agent.contains(&&*t.upper))
                && tokens.get(start).is_some_and(|t| lw.is_participle_token(t));
            let passive = is_passive(tokens, start, lw, &groups)
                || reduced_passive(tokens, (start, end), lw, &groups, &code)
                || opener_passive;
            // "A Washington ha incontrato Rubio": a place after a locative
            // that stands before the match is where the act happened, not
            // who did it; the subject is another, perhaps dropped.
            let place_before_match = |g: usize, c: &patterns::Captures| {
                groups.get(g).is_some_and(|grp| {
                    grp.start <= c.extent.0
                        && grp.actors.iter().all(|a| names_place_after_locative(tokens, a, lw))
                })
            };
            let mut source_group = caps
                .as_ref()
                .and_then(|c| c.source.filter(|&g| tabari || !place_before_match(g, c)).or(c.compound));
            let mut target_group = target_group;
            if caps.as_ref().is_some_and(|c| c.compound.is_some() && c.target.is_none()) {
                // "Merz und Macron trafen am Montag Selenskyj": a plain object after
                // the verb is whom both met; with none they met each other.
                // The pattern must end with the verb, and only a few words
                // (a day, an adverb) stand between: "sign peace accord in …",
                // "agreed that India and China …" name no one met.
                // "Merz et Macron se sont entretenus avec Rubio", "trafen sich
                // mit Rubio": a partner after "with" is whom both met, whatever
                // the pattern matched after it ("… a Ginevra").
                const OBJECT_GAP: usize = 3;
                let ends_at_verb = caps.as_ref().is_some_and(|c| c.extent.1 <= end);
                let partner = |g: &ActorGroup| {
                    let mut at = g.start;
                    while at > end && tokens.get(at - 1).is_some_and(|t| lw.is_determiner(&t.upper)) {
                        at -= 1;
                    }
                    at.checked_sub(1)
                        .and_then(|i| tokens.get(i))
                        .is_some_and(|t| lw.with_words.contains(&&*t.upper))
                };
                let object = target_group.filter(|&t| {
                    !tabari
                        && Some(t) != source_group
                        && groups.get(t).is_some_and(|g| {
                            (ends_at_verb || partner(g))
                                && g.start >= end
                                && tokens.get(end..g.start).is_some_and(|gap| {
                                    gap.len() <= OBJECT_GAP
                                        && gap.iter().all(|w| w.kind == TokenKind::Word && !lw.is_complementizer(&w.upper))
                                })
                                && (!preceded_by_preposition(tokens, g.start, lw) || partner(g))
                                && !g.actors.iter().all(|a| is_place_after_locative(tokens, a, lw))
                                // "agree big prisoner swap": a bare role is a modifier.
                                && g.actors.iter().any(has_country)
                        })
                });
                if object.is_none() {
                    target_group = caps.as_ref().and_then(|c| c.compound);
                }
            }
            // "Erdogan warf Israel vor, …, und kritisierte …", "ha acusado al
            // Gobierno … y ha pedido …": a predicate right after a clause-joining
            // conjunction (after its auxiliary or an adverb, but for verb-second
            // German, where a word before the verb puts the subject after it)
            // shares the subject of the predicate before it, not the nearest actor.
            if source_group.is_none() && !tabari && !passive {
                let shared = breaks.iter().rev().find(|&&b| b < start).copied().filter(|&b| {
                    (b + 1 == start || !lw.verb_second && start <= b + 4)
                        && !groups.iter().any(|g| g.end > b && g.start < start)
                });
                if let Some(b) = shared {
                    source_group = found.iter().rev().find(|f| f.verb.1 <= b).and_then(|f| f.source);
                }
            }
            // English puts the subject after only a verb of saying ("…, said
            // Erdogan"); "attacked Gondor, accused Mordor" shares its subject.
            let inverts = reporting || lw.code != "en" && says_or_judges(&code);
            if source_group.is_none() && !tabari && !passive && inverts {
                if let Some((subject, about)) = inverted_subject(&groups, &verbs, (start, end), tokens, lw) {
                    source_group = Some(subject);
                    if caps.as_ref().is_none_or(|c| c.target.is_none()) {
                        target_group = about;
                    }
                }
            }
            // '« Le Qatar est un partenaire de confiance », a salué le président
            // français': a verb of praise right after an opening quote has the
            // speaker after it for subject, not an actor of the closed quote, and
            // praises what the quote names first.
            if source_group.is_none() && !tabari && !passive && root_of(&code) == Some("05") {
                if let Some((speaker, quoted)) = speaker_after_quote(&groups, tokens, (start, end), lw) {
                    source_group = Some(speaker);
                    if target_group.is_none_or(|t| t == speaker) {
                        target_group = quoted;
                    }
                }
            }
            // "Nachdem Russland Kiew angegriffen hatte, forderte Selenskyj …": a
            // subordinate clause fills the first place; the subject follows the
            // verb (or is the pronoun there: "…, reiste er nach Kiew").
            let after_fronted_clause = source_group.is_none()
                && lw.verb_second
                && !passive
                && after_fronted_clause(tokens, start, lw);
            if after_fronted_clause {
                if let Some(subject) = first_group_after(&groups, end, tokens, lw) {
                    source_group = Some(subject);
                    target_group = first_group_after(&groups, groups[subject].end, tokens, lw);
                }
            }
            if source_group.is_none() && lw.verb_second && !passive {
                // "Baerbock hat Tajani in Rom getroffen": with an auxiliary in second
                // place the subject stands next to it and the object before the verb.
                if let Some((subject, object)) = verb_final(&groups, start, tokens, lw) {
                    source_group = Some(subject);
                    if caps.as_ref().is_none_or(|c| c.target.is_none()) {
                        target_group = object.or(target_group);
                    }
                }
            }
            if source_group.is_none() && found.is_empty() {
                source_group = appositive_subject(&groups, start, tokens, lw);
            }
            if source_group.is_none()
                && !tabari
                && !passive
                && lw.code == "en"
                && gerund_after_comma(tokens, start, lw)
            {
                // "Sybiha said Kyiv would never withdraw its troops, rejecting a
                // Russian demand": the participle's subject is the clause's,
                // not the last noun before the comma.
                source_group = found.last().and_then(|f| f.source);
            }
            if source_group.is_none() && !after_fronted_clause {
                // A pattern that names words before the verb ("SUGGESTED * APPLY
                // CONVENTIONS" for "Arnor suggested Gondor should apply …") makes
                // them one phrase with it: the subject stands before the phrase,
                // or inside it when nothing does ("Neither X nor Y boycotted").
                // A pattern word inside an actor ("TANKS *" in "Amroth tanks
                // launched") leaves that actor whole.
                let before = pattern_start.min(start);
                let before = groups
                    .iter()
                    .find(|g| g.start < before && g.end > before)
                    .map_or(before, |g| g.end.min(start));
                // "demanded that the US cancel the sale": what a demand, appeal,
                // promise or threat asks for has not happened.
                let reports = found.last().is_none_or(|f| !asks_for_an_act(&f.code));
                // "warned Iran that …": after a verb of saying "che", "que" open
                // what was said, not a relative clause.
                let after_saying = found.last().is_some_and(|f| f.statement || says_or_judges(&f.code));
                let clause = ClauseContext { reports, after_saying };
                // TABARI takes the first actor of the clause, dyad the nearest.
                let subject = |at: usize| {
                    if tabari {
                        first_subject_before(&groups, at, tokens, &objects, target_group, &word_conj, lw)
                    } else {
                        subject_before(&groups, at, tokens, &objects, target_group, clause, lw)
                    }
                };
                source_group = subject(before).or_else(|| subject(start));
                if source_group.is_none() && !tabari && !passive {
                    // "A member of the Syrian parliament criticized Israel": the
                    // actor that owns the subject noun acts.
                    source_group =
                        possessor_subject(&groups, start, tokens, &objects, lw, true).filter(|&g| {
                            groups.get(g).is_some_and(|g| {
                                !g.actors.iter().all(|a| is_place_after_locative(tokens, a, lw))
                            })
                        });
                }
            }
            if source_group.is_none() && !passive {
                source_group = opener;
            }
            // "Sie forderte Ankara auf", "Am Donnerstag forderte sie Ankara auf": a
            // subject pronoun next to a verb-second verb is the subject.
            let v2_pronoun = if lw.verb_second {
                [start.checked_sub(1), Some(end)]
                    .into_iter()
                    .flatten()
                    .find(|&i| tokens.get(i).is_some_and(|t| lw.pronouns.contains(&&*t.upper)))
            } else {
                None
            };
            // "Merz sagte, er werde Macron in Paris treffen", "Er hat Macron
            // getroffen": a subject pronoun opens the verb-final clause, and
            // the actors after it are objects, not its subject.
            let clause_pronoun = clause_pronoun(tokens, start, lw);
            if let Some(p) = clause_pronoun.filter(|_| v2_pronoun.is_none() && !passive) {
                let after_pronoun = |g: usize| groups.get(g).is_some_and(|g| g.start > p && g.end <= start);
                if source_group.is_some_and(after_pronoun) && caps.as_ref().is_none_or(|c| c.source.is_none())
                {
                    source_group = None;
                }
                if source_group.is_none() && caps.as_ref().is_none_or(|c| c.target.is_none()) {
                    // The object is sought again, after the pronoun.
                    target_group = None;
                }
            }
            let v2_pronoun = v2_pronoun.or(clause_pronoun);
            if source_group.is_none() && lw.verb_second && !passive && v2_pronoun.is_none() {
                // "Am Donnerstag traf Tajani Baerbock": in a verb-second clause that
                // opens with something else, the subject follows the verb.
                if let Some(subject) = first_group_after(&groups, end, tokens, lw) {
                    source_group = Some(subject);
                    target_group = first_group_after(&groups, groups[subject].end, tokens, lw);
                }
            }
            if let (Some(s), Some(head)) = (source_group, appositive_subject(&groups, start, tokens, lw)) {
                // "Gollum, centre of a row between Radagast and X, called on Gondor":
                // an actor inside the apposition closed before the verb is not its subject.
                let inside = groups.get(s).is_some_and(|g| {
                    s != head
                        && groups.get(head).is_some_and(|h| g.start > h.end)
                        && tokens.get(g.end..start).is_some_and(|ts| ts.iter().any(|t| &*t.text == ","))
                });
                if inside {
                    source_group = Some(head);
                }
            }
            if let Some((traveller, _, _)) = trip {
                // The traveller, not an actor of the purpose clause, meets.
                source_group = traveller;
            }
            if target_group.is_none() && lw.negation_after {
                // Verb-final clauses ("… hat mit Frankreich ein Abkommen unterzeichnet"):
                // the object stands between the subject and the verb.
                target_group = object_before(&groups, start, source_group, clause_pronoun, tokens, lw);
            }
            // "walked off the job across France … in a day of strikes called by
            // unions against the government's budget cuts": whom a protest is
            // against may stand past the pattern's reach, and says more than
            // where it happened.
            let placed = |g: usize| {
                groups.get(g).is_some_and(|g| {
                    preceded_by_preposition(tokens, g.start, lw) && g.actors.iter().all(|a| a.code.len() == 3)
                })
            };
            if !tabari && protests(&code) && target_group.is_none_or(placed) {
                target_group = protested_against(&groups, end, tokens, lw).or(target_group);
            }
            // A passive whose pattern did not place the actors itself ("Paris et
            // Alger sont convenus de …" is no passive: the pattern's `%` placed them).
            let passive_roles = passive
                && caps
                    .as_ref()
                    .is_none_or(|c| c.source.is_none() && c.target.is_none() && c.compound.is_none());
            if passive_roles {
                // "Gondor was attacked by Mordor": the by-phrase acts, the subject suffers.
                // "by a Palestinian sniper", "da un cecchino palestinese": an
                // article and a noun the dictionary lacks may stand between the
                // preposition and the agent.
                let agent_phrase = |g: &ActorGroup| {
                    let mut at = g.start;
                    let mut nouns = 0;
                    while at > 0 && at + 3 > g.start {
                        let Some(t) = tokens.get(at - 1) else { break };
                        let article = lw.is_determiner(&t.upper);
                        let noun = t.kind == TokenKind::Word
                            && t.text.chars().next().is_some_and(char::is_lowercase)
                            && !lw.is_preposition(&t.upper)
                            && !lw.passive_agent.contains(&&*t.upper);
                        if !(article || noun && nouns == 0) {
                            break;
                        }
                        nouns += usize::from(!article);
                        at -= 1;
                    }
                    at > 0 && tokens.get(at - 1).is_some_and(|t| lw.passive_agent.contains(&&*t.upper))
                };
                // "La decisione di Washington è stata criticata": the passive
                // subject may be what an actor did or owns.
                let subject = source_group
                    .or(opener)
                    .or_else(|| possessor_subject(&groups, start, tokens, &objects, lw, false));
                let by_agent = groups.iter().position(|g| g.start >= end && agent_phrase(g)).or_else(|| {
                    // Verb-final passives put the agent before the participle.
                    groups
                        .iter()
                        .enumerate()
                        .position(|(gi, g)| g.end <= start && agent_phrase(g) && Some(gi) != subject)
                });
                target_group = subject;
                source_group = by_agent;
            }
            if let Some((_, speaker)) = speaker.filter(|&(close, _)| end <= close) {
                // '"Condanniamo l'attacco", ha detto il ministro': what a quote
                // says without a subject ("we" included) its speaker does.
                if source_group.is_none() {
                    source_group = Some(speaker);
                }
            }
            if let (Some(s), false) = (source_group, tabari) {
                // "Ruto said his government would send police": a bare role
                // after a possessive is the one who spoke's, in their country.
                let speaker_country = found
                    .last()
                    .filter(|f| f.statement && f.verb.1 <= start)
                    .and_then(|f| groups.get(f.source?)?.actors.first()?.code.get(..3))
                    .filter(|c| !c.starts_with('~') && !discourse::NOT_STATES.contains(c))
                    .map(str::to_string);
                if let (Some(country), Some(group)) = (speaker_country, groups.get_mut(s)) {
                    let owned = group.start > 0
                        && tokens.get(group.start - 1).is_some_and(|t| lw.possessives.contains(&&*t.upper));
                    if owned && group.actors.iter().all(|a| a.code.starts_with('~')) {
                        for actor in &mut group.actors {
                            actor.code = format!("{country}{}", &actor.code[1..]);
                        }
                    }
                }
            }
            // A subject carried over from earlier is who acts, except in a
            // passive, where a pronoun subject suffers ("Il a été reçu par le
            // président Zelensky" receives the minister named before) and a
            // verb without one names no actor: "Almeno 50 persone sono state
            // arrestate" after a protest names no arrester, and in "uno de los
            // agresores fue abatido" the subject is no known actor.
            if passive_roles {
                std::mem::swap(&mut source_group, &mut target_group);
            }
            // "Carney told reporters (that) he had apologised": a subject pronoun
            // right after the one told, or after its "that", is the one who
            // told, not the listener.
            let teller = source_group.and_then(|g| groups.get(g)).and_then(|g| {
                let upper = |i: usize| tokens.get(i).map(|t| &*t.upper);
                let that = usize::from(upper(g.end).is_some_and(|w| lw.is_complementizer(w)));
                let pronoun_next =
                    upper(g.end + that).is_some_and(|w| lw.pronouns.contains(&w)) && g.end + that < start;
                let teller = teller_of(&groups, g.start, tokens, lw)?;
                (pronoun_next && !tabari && !passive_roles).then_some(teller)
            });
            if teller.is_some() {
                source_group = teller;
            }
            if source_group.is_none() && lw.pro_drop && !passive_roles {
                // "Hanno firmato un accordo": the subject is the previous clause's.
                source_group = found.last().and_then(|f| f.source);
            }
            if source_group.is_none() && !tabari {
                // "Iran said that it had released …": a subject pronoun after a
                // statement's "that" is the one who made the statement.
                let reported_by =
                    found.last().filter(|f| f.statement && f.verb.1 <= start).and_then(|f| f.source);
                // The pronoun right before the verb, or before its auxiliary
                // ("that it has called off").
                let upper = |i: usize| tokens.get(i).map(|t| &*t.upper);
                let pronoun = [1, 2]
                    .into_iter()
                    .filter_map(|back| start.checked_sub(back))
                    .find(|&p| upper(p).is_some_and(|w| lw.pronouns.contains(&w)));
                let pronoun_after_that = pronoun
                    .and_then(|p| p.checked_sub(1))
                    .and_then(upper)
                    .is_some_and(|w| lw.is_complementizer(w));
                // "Merz sagte, er werde …", "… erklärte, dass sie …": German
                // reported speech, right after the statement's verb.
                let reported_pronoun = clause_pronoun.and_then(|p| {
                    let opens = p
                        .checked_sub(1)
                        .and_then(|i| tokens.get(i))
                        .is_some_and(|t| &*t.text == "," || lw.is_complementizer(&t.upper));
                    let said =
                        found.last().filter(|f| (f.statement || says_or_judges(&f.code)) && f.verb.1 < p);
                    said.filter(|_| opens).and_then(|f| f.source)
                });
                // "Trump told reporters that he had met Xi": with the telling
                // coded no event, the teller is the group before the verb of
                // saying whose object ends right before "that".
                let told_by = || {
                    let that = pronoun?.checked_sub(1)?;
                    let listener = groups.iter().find(|g| g.end == that)?;
                    teller_of(&groups, listener.start, tokens, lw)
                };
                if pronoun_after_that {
                    source_group = reported_by.or_else(told_by);
                }
                // "Darauf hätten sie sich mit Trump geeinigt, teilte Sheinbaum
                // mit": a reported-speech pronoun is the speaker named after.
                let konjunktiv = clause_pronoun.is_some()
                    && tokens
                        .get(clause_start_before(tokens, start, lw)..end + 1)
                        .is_some_and(|ts| ts.iter().any(|t| lw.reported_speech_aux.contains(&&*t.upper)));
                let speaker_after = konjunktiv.then(|| trailing_speaker(&groups, tokens, end, lw)).flatten();
                if let Some(s) = reported_pronoun.or(speaker_after) {
                    source_group = Some(s);
                }
            }
            if source_group.is_none() {
                // "He said …", "Hanno firmato …": the subject of the previous sentence.
                let pronoun = (start.saturating_sub(3)..start)
                    .find(|&i| tokens.get(i).is_some_and(|t| lw.pronouns.contains(&&*t.upper)))
                    .or(v2_pronoun);
                let refers =
                    pronoun.map(|p| (p, p + 1)).or((lw.pro_drop && !passive_roles).then_some((start, end)));
                let singular = pronoun
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|t| lw.singular_pronouns.contains(&&*t.upper));
                if let Some(carried) =
                    refers.and_then(|span| discourse.and_then(|d| d.carried_subject(span, singular)))
                {
                    groups.push(carried);
                    source_group = Some(groups.len() - 1);
                }
            }
            if passive_roles {
                std::mem::swap(&mut source_group, &mut target_group);
            }
            if tabari {
                // A pronoun after the verb that stands for the source itself ("cast
                // doubt that it carried out an attack by Osgiliath soldiers") is
                // no target: the next actor of the clause is.
                let same = |a: usize, b: usize| {
                    let codes = |g: usize| {
                        groups.get(g).map(|g| g.actors.iter().map(|a| &a.code).collect::<Vec<_>>())
                    };
                    codes(a) == codes(b)
                };
                let pronoun = |g: usize| {
                    groups.get(g).is_some_and(|g| {
                        g.end == g.start + 1 && g.actors.iter().all(|a| a.implied_text.is_some())
                    })
                };
                if let (Some(s), Some(t)) = (source_group, target_group) {
                    if pronoun(t) && same(s, t) && caps.as_ref().is_none_or(|c| c.target.is_none()) {
                        target_group = groups
                            .get(t)
                            .and_then(|g| first_group_after(&groups, g.end, tokens, lw))
                            .filter(|&g| in_clause(&groups, g));
                    }
                }
            }
            if tabari && source_group.is_none() != target_group.is_none() {
                // TABARI: with one side known, the other is the clause's first
                // actor left: "An Eriadorian was shot dead in Osgiliath" (`+ WAS
                // * DEAD` names the target); "Arnor was ^UAE for Eriador warning"
                // (`$ ^ FOR *` names the source); "Secretary General might affirm
                // or allow …".
                let taken = source_group.or(target_group);
                let skipped = |g: usize| caps.as_ref().is_some_and(|c| c.skips(g));
                let other = groups
                    .iter()
                    .enumerate()
                    .find(|&(gi, g)| {
                        Some(gi) != taken
                            && !skipped(gi)
                            && !(source_group.is_none() && objects.contains(&gi))
                            && g.actors.iter().all(has_country)
                            && g.start >= clause.0
                            && g.end <= clause.1
                            && !(g.start < end && g.end > start)
                    })
                    .map(|(gi, _)| gi);
                if source_group.is_none() {
                    source_group = other;
                } else {
                    target_group = other;
                }
            }
            if let Some(c) = caps.as_ref() {
                // An actor a pattern passes over with `^` takes no part.
                if source_group.is_some_and(|g| c.skips(g)) {
                    source_group = None;
                }
                if target_group.is_some_and(|g| c.skips(g)) {
                    target_group = target_group
                        .and_then(|g| groups.get(g))
                        .and_then(|g| first_group_after(&groups, g.end.max(end), tokens, lw))
                        .filter(|&g| !c.skips(g));
                }
            }
            if let Some((source, target)) = inherit {
                source_group = caps.as_ref().and_then(|c| c.source).or(source);
                target_group = caps.as_ref().and_then(|c| c.target).or(target);
            }
            // "Trump ha annunciato la fine dei negoziati con il Messico, accusando
            // Ottawa di mentire": a gerund after a comma has the subject of the
            // clause before, not an actor that clause's verb acted on.
            if !tabari && !passive && gerund_after_comma(tokens, start, lw) {
                let main = found
                    .last()
                    .filter(|f| !f.noun && f.verb.1 <= start)
                    .and_then(|f| Some((f.source?, f.verb)));
                if let (Some((subject, verb)), Some(taken)) = (main, source_group) {
                    let acted_on = groups.get(taken).is_some_and(|g| g.start >= verb.1);
                    if taken != subject && acted_on && target_group != Some(subject) {
                        source_group = Some(subject);
                    }
                }
            }
            if !tabari
                && !passive
                && says_or_judges(&code)
                && caps.as_ref().is_none_or(|c| c.source.is_none())
            {
                if let Some(main) =
                    speaker_of_coordinated_verb(tokens, &groups, &found, start, source_group, lw)
                {
                    source_group = Some(main);
                }
            }
            let statement = reporting && caps.is_none();
            if !tabari
                && trip.is_none()
                && embedded_in_previous(
                    tokens,
                    &groups,
                    found.last(),
                    source_group,
                    (start.min(pattern_start), start),
                    lw,
                )
            {
                // "rejected a US offer to host a summit", "vetoed a resolution
                // censuring Panama": an event word in the object of the previous
                // event, with that event's subject for its own, is what the
                // previous event is about, not a second event.
                continue;
            }
            // "Alger a rejeté ces accusations": a verb of several words ("rejeter ..
            // accusation") may hold a noun that stands for an earlier actor.
            if target_group.is_none() && !tabari {
                target_group = (0..groups.len()).find(|&gi| {
                    let g = &groups[gi];
                    g.start > start
                        && g.end <= end
                        && Some(gi) != source_group
                        && g.actors.iter().all(|a| a.implied_text.is_some())
                });
            }
            // Where the target found is only where it happened ("in Jerusalem").
            let target_is_place = target_group
                .and_then(|g| groups.get(g))
                .is_some_and(|g| g.actors.iter().all(|a| is_place_after_locative(tokens, a, lw)));
            let no_caps_target = caps.as_ref().is_none_or(|c| c.target.is_none());
            if (target_group.is_none() || target_is_place && no_caps_target)
                && !tabari
                && !passive
                && !reporting
            {
                // "Netanyahu lo ha ricevuto", "Russia granted him asylum": an
                // object pronoun stands for the person last named who is not
                // the subject.
                if let Some(p) = object_pronoun_at(tokens, start, end, lw) {
                    let subject_code = source_group
                        .and_then(|g| groups.get(g))
                        .and_then(|g| g.actors.first())
                        .map(|a| a.code.clone());
                    let plural =
                        tokens.get(p).is_some_and(|t| lw.plural_object_pronouns.contains(&&*t.upper));
                    let named_here =
                        object_antecedent(&groups, p, source_group, (tokens, &sentence.text), lw, plural);
                    let object = if plural {
                        // "La policía los dispersó", "dispersed them": plural pronouns
                        // stand for things as often, so only by an act done to people.
                        let to_people = done_to_a_person(&code) || violent(&code);
                        named_here
                            .or_else(|| {
                                discourse.and_then(|d| {
                                    d.carried_group((p, p + 1), subject_code.as_deref(), |t| {
                                        lw.looks_plural(t)
                                    })
                                })
                            })
                            .filter(|_| to_people)
                    } else {
                        // Italian and French clitics ("gli", "lui", "l'") also stand for
                        // plurals and things: only a person named in the sentence,
                        // unless the act is one done to a person ("lo hanno
                        // incriminato", "l'a condamnée", "lo ha ricevuto").
                        named_here.or_else(|| {
                            let clitic_only = matches!(lw.code, "it" | "fr") && !done_to_a_person(&code);
                            discourse
                                .filter(|_| !clitic_only)
                                .and_then(|d| d.carried_object((p, p + 1), subject_code.as_deref()))
                        })
                    };
                    if let Some(object) = object {
                        groups.push(object);
                        target_group = Some(groups.len() - 1);
                    }
                }
            }
            // "Delegationen beider Länder wollen in Istanbul zusammenkommen": a
            // meeting word whose subject names both sides is a meeting between
            // them, not with the place it happens in.
            let mutual_word = matches!(&code, CodeSpec::Single(c) if is_mutual(c)) && caps.is_none();
            let subject_of_two =
                source_group.and_then(|g| groups.get(g)).is_some_and(|g| g.actors.len() >= 2);
            let at_place = target_group
                .and_then(|g| groups.get(g))
                .is_none_or(|g| g.actors.iter().all(|a| is_place_after_locative(tokens, a, lw)));
            if trip.is_some() && at_place {
                continue; // a meeting with no one but the place of the trip is the trip
            }
            if !tabari && mutual_word && subject_of_two && at_place {
                target_group = source_group;
            }
            let visit = matches!(&code, CodeSpec::Single(c) if c.starts_with("042"));
            if let (true, false, Some(s), Some(t)) = (visit, tabari, source_group, target_group) {
                if let Some(c) = companion_after(&groups, t, tokens, lw).filter(|&c| c != s) {
                    // "Macron s'est rendu à Kiev avec le chancelier Merz": who
                    // travels with the visitor visits too.
                    let mut together = groups[s].clone();
                    together.actors.extend(groups[c].actors.iter().cloned());
                    groups.push(together);
                    source_group = Some(groups.len() - 1);
                }
            }
            // "Ethiopia and Somalia will start talks": a pattern that begins
            // with its actors has the future marker between them and the verb.
            let future = !tabari
                && (lw.is_future(tokens, start.min(pattern_start), end)
                    || pattern_start < start && lw.is_future(tokens, start, end)
                    || trip.is_some_and(|(_, _, future)| future));
            found.push(Found {
                verb: (start, end),
                from: start.min(pattern_start),
                predicate: breaks.iter().filter(|&&b| b < start).count(),
                noun,
                future,
                code,
                rule,
                statement,
                by_word: caps.is_none(),
                source: source_group,
                target: target_group,
            });
        }
        let events = self.events_from(sentence, lang, meta, &groups, &word_conj, found);
        (events, groups, names)
    }

    /// Conjunctions that join two of the dictionary's nouns or two of its
    /// adjectives ("awful and evil minister", "sheep and goats"): they join
    /// words, not clauses or actors.
    fn word_conjunctions(&self, sent: &Keyed<'_>, lw: &LangWords) -> SmallVec<[usize; 2]> {
        let mut out = SmallVec::new();
        if self.nonverbs.is_empty() {
            return out;
        }
        let tokens = sent.tokens;
        for (i, t) in tokens.iter().enumerate().skip(1) {
            if !lw.coordinators.contains(&&*t.upper) {
                continue;
            }
            let after = self.nonverbs.longest_at(sent, i + 1, 0).map(|h| *h.payload);
            let before = (i.saturating_sub(3)..i)
                .filter_map(|j| self.nonverbs.longest_at(sent, j, 0))
                .find(|h| h.end == i)
                .map(|h| *h.payload);
            if after.is_some() && after == before {
                out.push(i);
            }
        }
        out
    }

    /// Whether a found verb (start, end, id, used as a noun) is a verb with a code
    /// of its own, not a noun form nor an entry coded null ("droni = ---").
    fn codes_as_verb(&self, &(_, _, id, noun): &(usize, usize, u32, bool)) -> bool {
        !noun && self.verb_info.get(id as usize).is_some_and(|i| !matches!(i.code, CodeSpec::Null))
    }

    /// Whether a sentence passes [`CoderConfig::complexity`]'s limits.
    fn too_complex(
        &self,
        tokens: &[Token],
        groups: &[ActorGroup],
        verbs: &[(usize, usize, u32, bool)],
        word_conj: &[usize],
        lw: &LangWords,
    ) -> bool {
        let Complexity { verbs: max_verbs, conjunctions: max_conj } = self.config.complexity;
        let too_many_verbs = max_verbs > 0 && verbs.iter().filter(|v| !v.3).count() >= max_verbs;
        // TABARI's NOACTPRIOR: the first coded verb must have an actor before it
        // ("Rebuked by Eriador, … Osgiliath is being drawn …" is too complex;
        // "On accord Gondor repelled Mordor", with "accord" coded null, is not).
        // A pronoun stands for an actor; a default source stands in for one.
        let prior = |at: usize| {
            groups.iter().any(|g| g.end <= at)
                || tokens.get(..at).is_some_and(|ts| ts.iter().any(|t| lw.pronouns.contains(&&*t.upper)))
        };
        let no_actor_prior = self.options.no_actor_prior
            && self.config.default_actors.source.is_none()
            && verbs.iter().find(|v| self.codes_as_verb(v)).is_some_and(|v| !prior(v.0));
        let too_many_conj = max_conj > 0 && {
            let conj = (0..tokens.len()).filter(|&i| joins_clauses(tokens, groups, word_conj, i, lw)).count();
            conj >= max_conj
        };
        too_many_verbs || too_many_conj || no_actor_prior
    }

    fn find_verbs(
        &self,
        sent: &Keyed<'_>,
        groups: &[ActorGroup],
        lw: &LangWords,
    ) -> Vec<(usize, usize, u32, bool)> {
        let tokens = sent.tokens;
        let mut verbs = Vec::new();
        let in_actor = |i: usize| groups.iter().any(|g| g.actors.iter().any(|a| i >= a.start && i < a.end));
        // "JUDGE BLOCKS DEPLOYMENT", and English headlines in Title Case ("Judge
        // Blocks Trump's National Guard Deployment"): capitals say nothing there.
        let mostly_caps = tokens.iter().filter(|t| t.kind == TokenKind::Word).all(|t| !has_lower(&t.text))
            || lw.code == "en" && title_case(tokens);
        let mut subject_head = None;
        let mut i = 0;
        let final_gap = self.clause_final_gap(lw);
        while i < tokens.len() {
            let Some(hit) = self.verbs.longest_at_final(sent, i, self.config.max_gap, final_gap) else {
                i += 1;
                continue;
            };
            let token = &tokens[i];
            if token.kind == TokenKind::Punct {
                i += 1; // a dictionary "verb" made of punctuation is a data error
                continue;
            }
            let after_determiner = after_determiner(tokens, i, &in_actor, lw, self.config.tabari);
            // A capital opens the sentence after quote marks too ('"Condanniamo …').
            let opens = tokens.get(..i).is_some_and(|ts| ts.iter().all(|t| t.kind != TokenKind::Word));
            let capitalized_noun = !opens && !mostly_caps && has_upper_initial(&token.text);
            let forced_noun = self.nonverbs.longest_at(sent, i, 0).is_some_and(|h| h.end >= hit.end);
            if in_actor(i) || capitalized_noun || forced_noun {
                i += 1;
                continue;
            }
            // "Raid aerei pakistani hanno ucciso …", "Bombardeos israelíes
            // mataron …": in a language whose adjectives follow the noun, an event
            // word with no actor and no verb before it and a national adjective
            // right after it heads the subject, as "I raid aerei pakistani" does,
            // when a verb follows (decided below); alone it is a headline's event
            // ("Raid israeliano su Khan Younis, decine di morti").
            let heads_subject = lw.adjective_after_noun
                && verbs.is_empty()
                && !groups.iter().any(|g| g.start < i)
                && groups.iter().any(|g| {
                    g.start == hit.end
                        && g.actors.iter().all(|a| a.code.len() == 3)
                        && tokens
                            .get(g.start..g.end)
                            .is_some_and(|ts| ts.iter().all(|t| !has_upper_initial(&t.text)))
                });
            if heads_subject {
                subject_head = Some(verbs.len());
            }
            if after_determiner {
                // Kept for patterns that name the words before the noun
                // ("% HAVE POSTPONED *" for "their meeting").
                verbs.push((i, hit.end, *hit.payload, true));
                i += 1;
                continue;
            }
            verbs.push((i, hit.end, *hit.payload, false));
            i = hit.end;
        }
        // The verb that follows is the clause's own: no comma, colon or dash
        // between ("Bombardamenti israeliani su Gaza, almeno 50 morti").
        let predicate_follows = |k: usize| {
            let head_end = verbs.get(k).map_or(0, |v| v.1);
            verbs.iter().skip(k + 1).any(|v| {
                self.codes_as_verb(v)
                    && tokens.get(head_end..v.0).is_some_and(|ts| {
                        !ts.iter().any(|t| matches!(&*t.text, "," | ":" | ";" | "-" | "–" | "—"))
                    })
            })
        };
        if let Some(k) = subject_head.filter(|&k| predicate_follows(k)) {
            if let Some(head) = verbs.get_mut(k) {
                head.3 = true;
            }
        }
        verbs
    }

    /// How far a word that closes its clause may stand in a phrase or
    /// pattern: "Russland und die Ukraine kamen am Montag in Istanbul zu einer
    /// zweiten Runde direkter Gespräche zusammen", a verb-second language's
    /// separable particle, however far from the verb; elsewhere the usual gap.
    fn clause_final_gap(&self, lw: &LangWords) -> usize {
        if lw.verb_second && !self.config.tabari {
            CLAUSE_FINAL_GAP
        } else {
            self.config.max_gap
        }
    }

    fn choose_code(
        &self,
        sent: &Keyed<'_>,
        groups: &[ActorGroup],
        verb: (usize, usize),
        info: &VerbInfo,
        breaks: &[usize],
        lw: &LangWords,
    ) -> (CodeSpec, String, Option<patterns::Captures>) {
        let tabari = self.config.tabari;
        // The compound actor (`%`) of any matching pattern: the verb is one
        // its subjects do to each other.
        let (best, compound) = self.best_pattern(sent, groups, (verb, breaks), info, lw, |_| true);
        match best {
            Some((p, mut caps)) => {
                // "Armenian and Azerbaijani troops clashed": the more specific
                // "- troop * = 190" gives the code, and the reciprocal
                // "- % .. * = 145" that matched too says who fought whom. Only
                // a pattern that ends at the verb, describing its subject, keeps
                // the reciprocal sense: "se ofrecieron a mediar" does not.
                if caps.source.is_none() && caps.target.is_none() && caps.extent.1 <= verb.1 && !tabari {
                    caps.compound = caps.compound.or(compound);
                }
                (p.code.clone(), p.rule.clone(), Some(caps))
            }
            // "Incontro Meloni-Zelensky", "US-China talks": a pair written with a
            // hyphen right beside a verb form that no pattern sides names the two
            // sides, each acting on the other.
            None => match hyphen_pair_beside(groups, sent.tokens, verb).filter(|_| !tabari) {
                Some(pair) => {
                    let g = &groups[pair];
                    let caps = patterns::Captures {
                        compound: Some(pair),
                        extent: (g.start.min(verb.0), g.end.max(verb.1)),
                        ..Default::default()
                    };
                    (info.code.clone(), format!("{} (the hyphenated pair beside it)", info.rule), Some(caps))
                }
                None if tabari => (info.code.clone(), info.rule.clone(), None),
                None => match self.pattern_with_pronoun_object(sent, groups, verb, info, breaks, lw) {
                    Some(found) => found,
                    None => (info.code.clone(), info.rule.clone(), None),
                },
            },
        }
    }

    /// "Washington sanctioned him": a verb that codes only with an actor
    /// after it (`- * + = 163`) takes its object pronoun as that actor. The
    /// pattern is tried with the pronoun standing as an actor; the pronoun's
    /// referent is found later, as for any verb, once the code is known.
    fn pattern_with_pronoun_object(
        &self,
        sent: &Keyed<'_>,
        groups: &[ActorGroup],
        verb: (usize, usize),
        info: &VerbInfo,
        breaks: &[usize],
        lw: &LangWords,
    ) -> Option<(CodeSpec, String, Option<patterns::Captures>)> {
        let p = object_pronoun_at(sent.tokens, verb.0, verb.1, lw).filter(|&p| p >= verb.1)?;
        if groups.iter().any(|g| p >= g.start && p < g.end) {
            return None;
        }
        let mut with_pronoun = groups.to_vec();
        with_pronoun.push(ActorGroup {
            actors: vec![actors::Actor::new(String::new(), p, p + 1)],
            start: p,
            end: p + 1,
        });
        let pronoun = with_pronoun.len() - 1;
        // Only the pronoun as the target: it is no subject or compound.
        let (best, _) = self.best_pattern(sent, &with_pronoun, (verb, breaks), info, lw, |caps| {
            caps.target == Some(pronoun)
                && caps.source != Some(pronoun)
                && caps.compound != Some(pronoun)
                && !caps.skipped.contains(&Some(pronoun))
        });
        let (pattern, mut caps) = best?;
        caps.target = None;
        Some((pattern.code.clone(), pattern.rule.clone(), Some(caps)))
    }

    /// The weightiest of the verb's patterns that match with captures
    /// `accepted`, and the compound actor (`%`) of any accepted match.
    /// Markers such as `[+++]` are not codes: such a pattern is ignored;
    /// TABARI's `###` discards the sentence when that mode is on.
    fn best_pattern<'i>(
        &self,
        sent: &Keyed<'_>,
        groups: &[ActorGroup],
        (verb, breaks): ((usize, usize), &[usize]),
        info: &'i VerbInfo,
        lw: &LangWords,
        accepted: impl Fn(&patterns::Captures) -> bool,
    ) -> (Option<(&'i Pattern, patterns::Captures)>, Option<usize>) {
        let mut matcher = Matcher::new(sent, groups, &self.synsets, self.config.max_gap, verb, breaks);
        matcher.clause_final_gap = self.clause_final_gap(lw);
        let tabari = self.config.tabari;
        let mut best: Option<(usize, &Pattern, patterns::Captures)> = None;
        let mut compound = None;
        for pattern in
            info.patterns.iter().filter(|p| !is_marker_code(&p.code) || tabari && is_discard_code(&p.code))
        {
            let Some(caps) = matcher.try_pattern(pattern).filter(|c| accepted(c)) else { continue };
            compound = compound.or(caps.compound);
            let weight = pattern.weight();
            if best.as_ref().is_none_or(|(w, _, _)| weight > *w) {
                best = Some((weight, pattern, caps));
            }
        }
        (best.map(|(_, p, caps)| (p, caps)), compound)
    }

    fn events_from(
        &self,
        sentence: &Sentence,
        lang: &str,
        meta: &ArticleMeta,
        groups: &[ActorGroup],
        word_conj: &[usize],
        found: Vec<Found>,
    ) -> Vec<Event> {
        let tokens = &sentence.tokens;
        // Stand-ins for a missing side; no tokens name them.
        let defaults = &self.config.default_actors;
        let stand_in = |code: &Option<String>| {
            code.as_ref().map(|c| actors::Actor {
                implied_text: Some(String::new()),
                ..actors::Actor::new(c.clone(), 0, 0)
            })
        };
        let (default_source, default_target) = (stand_in(&defaults.source), stand_in(&defaults.target));
        let is_default = |a: &actors::Actor| {
            [&default_source, &default_target].into_iter().flatten().any(|d| std::ptr::eq(d, a))
        };
        // "I camionisti brasiliani hanno bloccato le strade": a protest, a
        // strike or a curfew that names no target happened in the source's
        // own country, which stands in for the target. Not when another event
        // of the sentence names a target ("convocó a la encargada de negocios
        // para trasladarle su protesta"), nor for a noun ("durante el paro")
        // or a compound subject, which acts on itself. Another predicate's
        // target is not this one's ("declaró el estado de emergencia y pidió
        // ayuda a la India").
        let at_home = |f: &Found| {
            let named_target = found.iter().any(|g| g.target.is_some() && g.predicate == f.predicate);
            let domestic = match &f.code {
                CodeSpec::Single(c) => {
                    c.starts_with("14") || matches!(&**c, "1721" | "1722" | "1723" | "1724")
                }
                _ => false,
            };
            let sources = actors_of(groups, f.source);
            let wanted = self.options.domestic_events_at_home && !self.config.tabari && domestic;
            // A bare country ("Brazil protested") would only act on itself.
            (wanted && !named_target && !f.noun && sources.len() == 1)
                .then(|| sources.first().filter(|a| a.code.len() > 3).and_then(|a| a.code.get(..3)))
                .flatten()
                .filter(|c| !c.starts_with('~') && !discourse::NOT_STATES.contains(c))
        };
        let homes: Vec<actors::Actor> = found
            .iter()
            .filter_map(&at_home)
            .map(|c| actors::Actor {
                implied_text: Some(String::new()),
                ..actors::Actor::new(c.to_string(), 0, 0)
            })
            .collect();
        let mut drafts: Vec<Draft> = Vec::new();
        for f in &found {
            let mut sources = actors_of(groups, f.source);
            let mut targets = actors_of(groups, f.target);
            if let Some(home) = at_home(f).and_then(|c| homes.iter().find(|h| h.code == c)) {
                targets.push(home);
            }
            if let Some(d) = &default_source {
                // Without PRIOR, a subjectless verb takes its source after it.
                if sources.is_empty() && !defaults.source_prior && !targets.is_empty() {
                    sources.push(targets.remove(0));
                }
                if sources.is_empty() {
                    sources.push(d);
                }
            }
            if let Some(d) = &default_target {
                // Without AFTER, a compound subject's later actors are the targets.
                if targets.is_empty() && !defaults.target_after && sources.len() > 1 {
                    targets = sources.split_off(1);
                }
                if targets.is_empty() {
                    targets.push(d);
                }
            }
            let pairs: Vec<(Option<&actors::Actor>, Option<&actors::Actor>)> =
                match (sources.is_empty(), targets.is_empty()) {
                    (false, false) => sources
                        .iter()
                        .flat_map(|s| targets.iter().map(move |t| (Some(*s), Some(*t))))
                        .collect(),
                    (false, true) => sources.iter().map(|s| (Some(*s), None)).collect(),
                    (true, false) => targets.iter().map(|t| (None, Some(*t))).collect(),
                    (true, true) => vec![(None, None)],
                };
            for (s, t) in pairs {
                if s.zip(t).is_some_and(|(s, t)| {
                    // Two actors of one state ("the mayor", "the minister") may share a code.
                    let two_of_one_state = || {
                        self.options.domestic_pairs && !self.config.tabari && distinct_actors(tokens, s, t)
                    };
                    // "The two leaders signed agreements": the members a summary
                    // stands for share its words but are two actors.
                    let members_of_summary = s.implied_text.is_some()
                        && t.implied_text.is_some()
                        && s.implied_text != t.implied_text
                        && tokens
                            .get(s.start)
                            .is_some_and(|w| LangWords::of(lang).number_word(&w.upper).is_some());
                    (s.start == t.start
                        && !members_of_summary
                        && !is_default(s)
                        && !is_default(t)
                        && !homes.iter().any(|h| std::ptr::eq(h, t)))
                        || (!s.code.is_empty()
                            && s.code == t.code
                            && !is_place_after_locative(tokens, t, LangWords::of(lang))
                            && !two_of_one_state())
                }) {
                    // An actor acting on itself is a parsing accident, unless the
                    // event happened at home ("Iraqis demonstrated in Kirkuk").
                    continue;
                }
                // TABARI's `+++` marks a complex sentence on a verb or an actor:
                // nothing it touches is coded.
                let complex = |code: &str| code.starts_with("+++");
                if is_marker_code(&f.code) || [s, t].iter().flatten().any(|a| complex(&a.code)) {
                    continue;
                }
                let (codes, swapped, mutual): (Vec<&str>, bool, bool) = match &f.code {
                    CodeSpec::Null => continue,
                    CodeSpec::Single(c) if self.options.meetings_are_mutual && is_mutual(c) => {
                        (vec![c, c], true, true)
                    }
                    CodeSpec::Single(c) => (vec![c], false, false),
                    CodeSpec::Paired(a, b) => (vec![a, b], true, false),
                };
                for (k, code) in codes.into_iter().enumerate() {
                    let (code, future_note) = match intent_of_future(code).filter(|_| f.future) {
                        Some(intent) => (intent, FUTURE_NOTE),
                        None => (code, ""),
                    };
                    let (src, tgt) = if swapped && k == 1 { (t, s) } else { (s, t) };
                    let complete =
                        src.is_some_and(|a| !a.code.is_empty()) && tgt.is_some_and(|a| !a.code.is_empty());
                    let any =
                        src.is_some_and(|a| !a.code.is_empty()) || tgt.is_some_and(|a| !a.code.is_empty());
                    // "Police arrested protesters": with no country on either side the
                    // event says nothing about who did what to whom.
                    let anchored = [src, tgt].into_iter().flatten().any(has_country);
                    if !anchored
                        // Roles may yet take a country (`anchor_roles`).
                        && !self.options.roles_take_country
                        && !self.config.allow_missing_actor
                        && !self.config.agent_dyads
                    {
                        continue;
                    }
                    // "HANOÏ - Les États-Unis ont annoncé une aide d'urgence": aid
                    // with no recipient named goes to the state the article is
                    // about, which `anchor_roles` knows (`aid_goes_to_article_state`).
                    let awaits_recipient = self.options.roles_take_country
                        && !self.config.tabari
                        && tgt.is_none()
                        && src.is_some_and(has_country)
                        && discourse::is_aid(code);
                    if !(complete
                        || awaits_recipient
                        || self.config.allow_missing_actor && (any || self.config.allow_no_actor))
                    {
                        continue;
                    }
                    drafts.push(Draft {
                        verb: f.verb,
                        from: f.from,
                        noun: f.noun,
                        code: code.to_string(),
                        rule: if mutual && k == 1 {
                            format!("{}{MUTUAL_NOTE}{future_note}", f.rule)
                        } else {
                            format!("{}{future_note}", f.rule)
                        },
                        statement: f.statement,
                        by_word: f.by_word,
                        src,
                        tgt,
                    });
                }
            }
        }
        if self.config.suppress_reporting {
            // A statement is the event only when nothing else happened:
            // "X said Y attacked Z" is about the attack.
            // A telling with no target of its own ("…, a senior official said")
            // is an event apart when events with an unknown side are wanted.
            // A denial, a symbolic act, condolences or accord (016-019)
            // are acts of their own: "Eritrea dismissed the allegations and
            // accused Addis Ababa …" is both.
            let comment = |code: &str| {
                code.starts_with("01") && !matches!(code.get(..3), Some("016" | "017" | "018" | "019"))
            };
            let statement =
                |d: &Draft<'_>| comment(&d.code) || d.statement && d.tgt.is_some_and(|a| !a.code.is_empty());
            if drafts.iter().any(|d| !statement(d)) {
                drafts.retain(|d| !statement(d));
            }
            if !self.config.tabari {
                // "Trump said the United States was winning", "Petro said one of
                // the dead was a Colombian fisherman": what a bare "said" tells
                // of the speaker's own country, or of a role that would take it,
                // is talk at home, not an exchange between two actors.
                let bare_statement =
                    |d: &Draft<'_>| d.statement && d.code.starts_with("01") || d.by_word && d.code == "010";
                drafts.retain(|d| !(bare_statement(d) && speaks_of_home(d.src, d.tgt)));
            }
        }
        // A subordinate code (TABARI's `023?`, "said") codes only when no
        // other event does.
        if drafts.iter().any(|d| !d.code.ends_with('?')) {
            drafts.retain(|d| !d.code.ends_with('?'));
        }
        for d in &mut drafts {
            if d.code.ends_with('?') {
                d.code.pop();
            }
        }
        // "The Kremlin said peace talks with Ukraine had reached a dead end":
        // with dyad's own dictionaries a plain statement is no event at all;
        // what it reports is coded for itself.
        if self.options.plain_statements_are_no_events {
            drafts.retain(|d| d.code != "010");
        }
        // A dominant code (TABARI's `031!`) is the sentence's only event.
        if drafts.iter().any(|d| d.code.ends_with('!')) {
            drafts.retain(|d| d.code.ends_with('!'));
            for d in &mut drafts {
                d.code.pop();
            }
        }
        if self.options.political_attacks_are_verbal && !self.config.tabari {
            let lw = LangWords::of(lang);
            for d in &mut drafts {
                let attack = || {
                    tokens.get(d.verb.0).is_some_and(|t| {
                        let begins =
                            |w: &str, s: &str| w.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s));
                        lw.attack_stems.iter().any(|s| begins(&t.upper, s) || begins(&t.lemma, s))
                    })
                };
                if d.code == "190" && political(d.src) && political(d.tgt) && attack() {
                    d.code = "111".to_string();
                    d.rule.push_str(
                        "; read as 111: an attack by one politician or office on another is verbal",
                    );
                }
            }
        }
        // One sentence reports one event once, however many verbs or patterns
        // led to it ("renewed diplomatic ties" matching twice).
        let mut seen = FxHashSet::default();
        drafts.retain(|d| {
            seen.insert((d.src.map(|a| a.code.as_str()), d.tgt.map(|a| a.code.as_str()), d.code.clone()))
        });
        match self.config.code_by {
            CodeBy::All => {}
            CodeBy::Sentence => {
                // One event per sentence: the first verb's.
                if let Some(first) = drafts.first().map(|d| d.verb) {
                    drafts.retain(|d| d.verb == first);
                }
            }
            CodeBy::Clause => {
                // One event per clause: the verb whose phrase begins first in
                // it ("Arnor said it would act now": the pattern "SAID WOULD *
                // NOW" makes "act" the clause's verb); a verb form used as a
                // noun only when no verb of the clause codes.
                let lw = LangWords::of(lang);
                // A later verb whose phrase begins at an earlier one holds it.
                let mut firsts: Vec<(usize, ClauseRank)> = Vec::new();
                for d in &drafts {
                    let clause = clause_of(tokens, groups, word_conj, d.verb.0, lw, self.config.tabari);
                    let rank = (d.noun, d.from, std::cmp::Reverse(d.verb.0));
                    match firsts.iter_mut().find(|(c, _)| *c == clause) {
                        Some((_, best)) => *best = (*best).min(rank),
                        None => firsts.push((clause, rank)),
                    }
                }
                drafts.retain(|d| {
                    let clause = clause_of(tokens, groups, word_conj, d.verb.0, lw, self.config.tabari);
                    firsts.iter().any(|(c, best)| *c == clause && best.2 .0 == d.verb.0)
                });
            }
        }
        drafts
            .into_iter()
            .enumerate()
            .map(|(n, d)| {
                let info = dyad_cameo::lookup(&d.code);
                let root = d.code.get(..2).unwrap_or(&d.code).to_string();
                Event {
                    event_id: format!("{}:{}:{}", meta.id, sentence.index, n),
                    article_id: meta.id.clone(),
                    sentence_index: sentence.index,
                    date: meta.date,
                    date_precision: None,
                    date_text: None,
                    location: None,
                    lang: lang.to_string(),
                    source: actor_ref(tokens, d.src, &sentence.text),
                    target: actor_ref(tokens, d.tgt, &sentence.text),
                    cameo: d.code.clone(),
                    cameo_root: root,
                    goldstein: info.map(|i| i.goldstein),
                    quad_class: info.map(|i| i.quad_class),
                    plover: Plover {
                        event_type: info.map(|i| i.plover_type.to_string()),
                        mode: info.and_then(|i| i.plover_mode).map(str::to_string),
                    },
                    evidence: Evidence {
                        sentence: sentence.text.clone(),
                        trigger: Trigger {
                            text: span_text(tokens, d.verb.0, d.verb.1, &sentence.text),
                            span: char_span(tokens, d.verb.0, d.verb.1),
                        },
                        rule: d.rule,
                    },
                }
            })
            .collect()
    }
}

/// How a verb ranks for its clause's event: a verb before a noun, then the
/// phrase that begins first, then the later verb (whose phrase holds the other).
type ClauseRank = (bool, usize, std::cmp::Reverse<usize>);

struct Found {
    verb: (usize, usize),
    /// Where the words that coded the verb begin: its pattern may begin
    /// before it ("SAID WOULD * NOW").
    from: usize,
    /// Which of the sentence's coordinated predicates the verb heads
    /// ([`predicate_breaks`] before it): "declaró el estado de emergencia y
    /// pidió ayuda a la India" has two.
    predicate: usize,
    /// A verb form used as a noun ("their meeting").
    noun: bool,
    /// The verb tells what is yet to happen ("will meet"): a meeting or a
    /// visit it tells is an intent to meet ([`intent_of_future`]).
    future: bool,
    code: CodeSpec,
    rule: String,
    /// A reporting verb coded by its default code, not by a pattern: "said".
    statement: bool,
    /// Coded by a verb or noun entry's own code, not by a pattern: "ribadire = 010".
    by_word: bool,
    source: Option<usize>,
    target: Option<usize>,
}

/// How far a verb-second language's clause-final word (a separable
/// particle: "kamen … zusammen", "kündigte … an") may stand from the verb.
const CLAUSE_FINAL_GAP: usize = 14;

/// What the rule of the way back of a mutual act ([`is_mutual`]) ends with.
pub(crate) const MUTUAL_NOTE: &str = "; and back: a meeting is an act of both sides";

/// Whether a CAMEO code is an act both sides do together when one of them is
/// said to do it: a meeting (`040`), a phone call (`041`), a meeting at a
/// third place (`044`), a negotiation (`046`).
fn is_mutual(code: &str) -> bool {
    matches!(code, "040" | "041" | "044" | "046")
}

/// The group that follows the visited place `place` with "with", "avec",
/// "con", "mit" before it, a few words on in the same clause ("à Kiev
/// samedi avec le chancelier Merz"), when it names no place.
fn companion_after(groups: &[ActorGroup], place: usize, tokens: &[Token], lw: &LangWords) -> Option<usize> {
    const COMPANION_GAP: usize = 4;
    let from = groups.get(place)?.end;
    let (ci, companion) = groups.iter().enumerate().find(|(_, g)| g.start > from)?;
    let mut at = companion.start;
    while at > from && tokens.get(at - 1).is_some_and(|t| lw.is_determiner(&t.upper)) {
        at -= 1;
    }
    let with = at.checked_sub(1).filter(|&w| w >= from)?;
    let gap = tokens.get(from..with)?;
    // "a Washington para reunirse con Trump": whom a purpose clause meets is
    // no companion.
    let verb_between = (from..with).any(|i| {
        lw.infinitive_at(tokens, i)
            || tokens.get(i).is_some_and(|t| lw.infinitive_markers.contains(&&*t.upper))
    });
    let joined = tokens.get(with).is_some_and(|t| lw.with_words.contains(&&*t.upper))
        && gap.len() <= COMPANION_GAP
        && !verb_between
        && gap.iter().all(|w| w.kind == TokenKind::Word && !lw.is_complementizer(&w.upper));
    let place_named = companion.actors.iter().all(|a| is_place_after_locative(tokens, a, lw));
    (joined && !place_named).then_some(ci)
}

/// Where an object pronoun of the verb at `start..end` stands: right after
/// the verb in English and German, as a clitic right before the verb or its
/// auxiliaries elsewhere ("lo ha ricevuto", "le ha concedido", "l'a reçu").
fn object_pronoun_at(tokens: &[Token], start: usize, end: usize, lw: &LangWords) -> Option<usize> {
    let pronoun = |i: usize| tokens.get(i).is_some_and(|t| lw.is_object_pronoun(&t.upper));
    if matches!(lw.code, "en" | "de") {
        // "storm her residence": "her" before a noun is a possessive.
        let possessive = tokens.get(end).is_some_and(|t| &*t.upper == "HER")
            && tokens.get(end + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && !lw.is_preposition(&n.upper) && !lw.is_determiner(&n.upper)
            });
        return (pronoun(end) && !possessive).then_some(end);
    }
    let mut at = start;
    while at > 0 && start - at < 2 && tokens.get(at - 1).is_some_and(|t| lw.is_auxiliary(&t.upper)) {
        at -= 1;
    }
    // "lo pactado": a participle right after the clitic is a noun.
    if at == start && tokens.get(start).is_some_and(|t| lw.is_participle(&t.upper)) {
        return None;
    }
    let p = at.checked_sub(1)?;
    pronoun(p).then_some(p)
}

/// The actor an object pronoun at `p` stands for within its own sentence:
/// the nearest person or role before it that is not the clause's subject
/// ("L'emiro … ha ricevuto una telefonata da Trump, che gli ha assicurato");
/// for a `plural` pronoun, the nearest role that is no person ("i manifestanti
/// hanno bloccato la strada e la polizia li ha dispersi").
fn object_antecedent(
    groups: &[ActorGroup],
    p: usize,
    subject: Option<usize>,
    (tokens, text): (&[Token], &str),
    lw: &LangWords,
    plural: bool,
) -> Option<ActorGroup> {
    let subject_codes: Vec<&str> = subject
        .and_then(|s| groups.get(s))
        .map(|g| g.actors.iter().map(|a| a.code.as_str()).collect())
        .unwrap_or_default();
    let (_, g) = groups.iter().enumerate().rev().find(|&(gi, g)| {
        g.end <= p
            && Some(gi) != subject
            && g.actors.len() == 1
            && g.actors.iter().all(|a| {
                // A group need not have its country yet ("i manifestanti": ~CVL).
                (if plural {
                    !a.person && a.code.len() > 3
                } else {
                    (a.person || a.code.len() > 3) && !a.code.starts_with('~')
                }) && !subject_codes.contains(&a.code.as_str())
                    && !is_place_after_locative(tokens, a, lw)
            })
    })?;
    let actors = g
        .actors
        .iter()
        .map(|a| actors::Actor {
            implied_text: Some(span_text(tokens, a.start, a.end, text)),
            ..actors::Actor::new(a.code.clone(), p, p + 1)
        })
        .collect();
    Some(ActorGroup { actors, start: p, end: p + 1 })
}

/// What the rule of an act told in the future ([`intent_of_future`]) ends with.
const FUTURE_NOTE: &str = "; told in the future: an intent to meet";

/// The code of a meeting, visit or negotiation (`04`) told in the future
/// ("Modi mantendrá una reunión con Putin", "Meloni will visit Kyiv"): an
/// expressed intent to meet (`036`), as CAMEO codes an announced meeting.
/// Other acts keep their code: "will impose sanctions" is coded as decided.
fn intent_of_future(code: &str) -> Option<&'static str> {
    code.starts_with("04").then_some("036")
}

struct Draft<'g> {
    verb: (usize, usize),
    from: usize,
    noun: bool,
    code: String,
    rule: String,
    statement: bool,
    by_word: bool,
    src: Option<&'g actors::Actor>,
    tgt: Option<&'g actors::Actor>,
}

fn actors_of(groups: &[ActorGroup], g: Option<usize>) -> Vec<&actors::Actor> {
    g.and_then(|g| groups.get(g)).map(|g| g.actors.iter().collect()).unwrap_or_default()
}

/// Whether a determiner shows the word is a noun: "the restore", "a brief
/// private visit". Past forms after a noun ("the delegation visited") are verbs.
fn after_determiner(
    tokens: &[Token],
    i: usize,
    in_actor: &dyn Fn(usize) -> bool,
    lw: &LangWords,
    tabari: bool,
) -> bool {
    let Some(word) = tokens.get(i) else { return false };
    let past = word.upper.ends_with("ED");
    // "Das sagte Merz am Dienstag": German fronts "das" as the object of a
    // verb-second verb, whose subject follows it; a lower-case word there,
    // with an actor (or its article) right after, is that verb, not a noun
    // ("Das vereinbarte Abkommen").
    let fronted_object = lw.verb_second
        && i == 1
        && tokens.first().is_some_and(|t| &*t.upper == "DAS")
        && !has_upper_initial(&word.text)
        && (in_actor(i + 1)
            || tokens.get(i + 1).is_some_and(|t| lw.is_determiner(&t.upper)) && in_actor(i + 2));
    if fronted_object {
        return false;
    }
    for back in 1..=3 {
        let Some(j) = i.checked_sub(back) else { return false };
        let t = &tokens[j];
        if lw.is_determiner(&t.upper) {
            // "Kim Jong Un criticó": a word of a name that looks like an
            // article is none, and the word after the name is its verb.
            if in_actor(j) {
                return false;
            }
            // "La policía los dispersó", "Netanyahu la riceve": right after its
            // subject, an article that is also an object clitic is the clitic.
            // An actor after a preposition is no subject ("Secondo l'Osservatorio
            // gli scontri …").
            let subject_before = || {
                let Some(mut k) = (0..j).rev().take_while(|&k| in_actor(k)).last() else { return false };
                while k > 0 && lw.is_determiner(&tokens[k - 1].upper) {
                    k -= 1;
                }
                k.checked_sub(1).and_then(|k| tokens.get(k)).is_none_or(|p| {
                    !lw.is_preposition(&p.upper)
                        && !lw.attribution_openers.iter().any(|o| o.split(' ').next() == Some(&*p.upper))
                })
            };
            if back == 1 && lw.is_object_pronoun(&t.upper) && subject_before() {
                return false;
            }
            // "ha ancora una volta accusato", "a une nouvelle fois accusé": an
            // auxiliary just before the adverbial phrase makes the participle a verb.
            let aux = |k: usize| {
                tokens.get(k).is_some_and(|a| {
                    lw.perfect_aux.contains(&&*a.upper) || lw.passive_aux.contains(&&*a.upper)
                })
            };
            let adverbial = back > 1
                && lw.is_participle(&word.upper)
                && (j.checked_sub(1).is_some_and(aux) || j.checked_sub(2).is_some_and(aux));
            return !adverbial && (back == 1 || !past);
        }
        // "Un ordigno ha ucciso", "a bomb has killed": an auxiliary between the
        // article and the word makes it a verb.
        if lw.is_auxiliary(&t.upper) {
            return false;
        }
        // "Jordan's visiting king", "the EU's support for": a possessive makes
        // a noun too, but "Russia's attacked" may be "has attacked". TABARI's
        // verb phrases may start with a noun ("Eriador's death toll has
        // risen"): there only an -ing form is a noun.
        if back == 1 && lw.code == "en" && matches!(&*t.upper, "'S" | "'") {
            return !past && (!tabari || word.upper.ends_with("ING"));
        }
        if dyad_context::dates::is_calendar_word(&t.text, lw.code) {
            return false; // "El jueves instó a Ankara": the article is the day's
        }
        // "condenó el ataque y acusó a Israel": a conjunction after a noun
        // phrase coordinates a second verb. English, whose verbs and nouns
        // share forms ("a visit and talks"), tells them apart by "-ed" above.
        if lw.code != "en" && lw.coordinators.contains(&&*t.upper) {
            return false;
        }
        if t.kind != TokenKind::Word || in_actor(j) || has_lower(&t.text) && has_upper_initial(&t.text) {
            return false;
        }
    }
    false
}

/// Where a sentence stands in its article.
#[derive(Clone, Copy, Default)]
struct SentencePlace {
    /// Where the body starts after a dateline, in bytes from the sentence's
    /// start; 0 when no dateline opens the sentence.
    body_from: usize,
    /// Whether the sentence belongs to the article's headline.
    headline: bool,
}

/// Whether a sentence is written as a headline: it ends with no full stop,
/// question or exclamation mark.
fn is_headline(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Punct || matches!(&*t.text, "." | "!" | "?"))
        .is_some_and(|t| !matches!(&*t.text, "." | "!" | "?"))
}

/// Leaves out a headline's topic: places or a bare role set off by a comma at
/// the start of the headline, or of a line with no full stop ("Lombardia,
/// indagato l'assessore al Welfare", "Sudan, le Rsf attaccano un convoglio",
/// "Usa-Colombia, Trump taglia gli aiuti"). It says what the story is about,
/// not who acted; English headlines write such a comma for "and" ("Armenia,
/// Azerbaijan agree …") and keep it.
fn drop_headline_topic(tokens: &[Token], groups: &mut Vec<ActorGroup>, lw: &LangWords, headline: bool) {
    if lw.code == "en" || !(headline || is_headline(tokens)) {
        return;
    }
    let Some(topic) = groups.first() else { return };
    let place_or_role = |a: &actors::Actor| {
        !a.person && (a.code.len() == 3 && !a.code.starts_with('~') || discourse::is_bare_role(&a.code))
    };
    // The topic's places, joined by hyphens ("Italia-Algeria"), up to the comma.
    let mut topic_len = 0;
    let mut from = 0;
    let mut closed = false;
    for actor in &topic.actors {
        if actor.start != from || !place_or_role(actor) {
            return;
        }
        topic_len += 1;
        match tokens.get(actor.end).map(|t| &*t.text) {
            Some(",") => {
                closed = true;
                break;
            }
            Some("-" | "–" | "/") => from = actor.end + 1,
            _ => return,
        }
    }
    // "Libia, la guardia costiera …" may have been read as a list of two; "Italia,
    // Francia e Germania firmano" is one, but not when people follow the place
    // ("Caucaso, Aliyev e Pashinyan firmano").
    let list = tokens
        .get(topic.start..topic.end)
        .is_some_and(|ts| ts.iter().any(|t| lw.coordinators.contains(&&*t.upper)))
        && topic.actors.iter().all(|a| !a.person);
    if !closed || topic.start != 0 || list {
        return;
    }
    if let Some(next_start) = topic.actors.get(topic_len).map(|a| a.start) {
        groups[0].actors.drain(..topic_len);
        groups[0].start = next_start;
    } else if groups.len() > 1 {
        groups.remove(0);
    }
}

/// "Lula, que realiza la primera visita de Estado a Corea del Sur, fue recibido
/// por Lee": an actor a pattern took inside a relative clause set off by
/// commas and closed right before the verb is no side of the verb; the
/// clause's antecedent is. `Some(None)` when no actor stands before the
/// relative pronoun, `None` when the actor is no such clause's.
fn antecedent_outside_relative(
    groups: &[ActorGroup],
    g: usize,
    verb: usize,
    tokens: &[Token],
    lw: &LangWords,
) -> Option<Option<usize>> {
    let grp = groups.get(g).filter(|grp| grp.end <= verb)?;
    // The clause closes between the actor and the verb: a comma, then only
    // auxiliaries and adverbs ("…, fue recibido", "…, è stata poi ricevuta").
    let close = (grp.end..verb).find(|&i| tokens.get(i).is_some_and(|t| &*t.text == ","))?;
    let verb_phrase = tokens
        .get(close + 1..verb)
        .is_some_and(|ts| ts.iter().all(|t| lw.is_auxiliary(&t.upper) || lw.is_adverb(&t.upper)));
    // It opens after a comma with a subject relative pronoun, with no comma
    // between that and the actor.
    let opens =
        (0..grp.start).rev().take_while(|&i| tokens.get(i).is_some_and(|t| &*t.text != ",")).last()?;
    let relative = opens > 0
        && tokens.get(opens - 1).is_some_and(|t| &*t.text == ",")
        && tokens.get(opens).is_some_and(|t| lw.subject_relatives.contains(&&*t.upper));
    (verb_phrase && relative).then(|| groups.iter().position(|h| h.end + 1 == opens))
}

/// Whether two events join the same countries by the same CAMEO root.
fn same_event_by_country(a: &Event, b: &Event) -> bool {
    !a.source.country.is_empty()
        && !a.target.country.is_empty()
        && a.source.country == b.source.country
        && a.target.country == b.target.country
        && a.cameo_root == b.cameo_root
}

/// Whether a line is written in Title Case: every word of four letters or more
/// starts with a capital, and there are at least three of them.
pub(crate) fn title_case(tokens: &[Token]) -> bool {
    let mut long_words = 0;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word && t.text.chars().count() >= 4) {
        if !has_upper_initial(&t.text) {
            return false;
        }
        long_words += 1;
    }
    long_words >= 3
}

/// Leaves out the actors of an attribution, which name where the news came
/// from, not who acted: an opening one, "According to the Israeli army,
/// Hezbollah fired three rockets", "Secondo l'esercito israeliano, …", "Nach
/// Angaben der israelischen Armee hat die Hisbollah …" (up to its comma; in
/// German, whose fronted phrase has none, the actor right after the opener),
/// and one set off by a comma or a bracket: "Miles de personas, según la
/// Delegación del Gobierno, se manifestaron …", "… fired three rockets,
/// according to the army."
fn drop_attribution(tokens: &[Token], groups: &mut Vec<ActorGroup>, lw: &LangWords, body_from: usize) {
    const ASIDE_REACH: usize = 12;
    let from = tokens.iter().position(|t| t.span.0 >= body_from && t.kind != TokenKind::Punct);
    // "Según informó la Cancillería, se convocó …", "Secondo quanto riferito
    // da …": a clause of saying, whose speaker may be the one who acted.
    let saying = |opener: usize| {
        tokens.get(opener).is_some_and(|t| {
            lw.reporting.contains(&&*t.upper) || matches!(&*t.upper, "QUANTO" | "CUANTO" | "LO")
        })
    };
    if let Some((opener, comma)) =
        from.and_then(|f| lw.attribution_at(tokens, f)).filter(|(o, _)| !saying(*o))
    {
        match comma {
            // A list may run on past the comma ("the army, Hezbollah"): only its
            // actors before the comma go.
            Some(end) => drop_actors_within(groups, opener, end),
            None if lw.code == "de" => {
                if let Some(k) = group_after_articles(groups, tokens, opener, lw) {
                    groups.remove(k);
                }
            }
            None => {}
        }
    }
    let Some(from) = from else { return };
    for i in from + 1..tokens.len() {
        if !tokens.get(i - 1).is_some_and(|t| matches!(&*t.text, "," | "(")) {
            continue;
        }
        let Some((opener, _)) = lw.attribution_at(tokens, i).filter(|(o, _)| !saying(*o)) else { continue };
        // The aside ends at the next comma or bracket, or with the sentence.
        let rest = tokens.get(opener..).unwrap_or_default();
        let end = match rest.iter().take(ASIDE_REACH).position(|t| matches!(&*t.text, "," | ")" | ";" | ":"))
        {
            Some(k) => opener + k,
            None if rest.len() <= ASIDE_REACH => tokens.len(),
            None => continue,
        };
        // "…, selon les autorités talibanes, qui ont accusé Islamabad …": the
        // source of the news acts in the relative clause that follows.
        if tokens.get(end + 1).is_some_and(|t| lw.relatives.contains(&&*t.upper)) {
            continue;
        }
        drop_actors_within(groups, opener, end);
    }
}

/// Removes the actors that start within tokens `start..end`, and the groups
/// left empty.
fn drop_actors_within(groups: &mut Vec<ActorGroup>, start: usize, end: usize) {
    groups.retain_mut(|g| {
        g.actors.retain(|a| a.start < start || a.start >= end);
        if let Some(first) = g.actors.iter().map(|a| a.start).min() {
            g.start = g.start.max(first.min(end));
        }
        if let Some(last) = g.actors.iter().map(|a| a.end).max() {
            if g.end > start && last <= start {
                g.end = last;
            }
        }
        !g.actors.is_empty()
    });
}

/// Whether `verb` stands in an opening phrase, with no actor before it, that
/// ends at the sentence's first comma, and `target`, the first actor after
/// that comma, is followed by another verb: then `target` is that verb's
/// subject ("Speaking to reporters, Trump accused …").
fn subject_after_opener(
    groups: &[ActorGroup],
    verbs: &[(usize, usize, u32, bool)],
    verb: (usize, usize),
    target: usize,
    tokens: &[Token],
    lw: &LangWords,
) -> bool {
    let Some(g) = groups.get(target) else { return false };
    let Some(comma) = tokens.iter().take(g.start).position(|t| &*t.text == ",") else { return false };
    // "Am Montag kündigte Merz an, die Sanktionen … zu verschärfen": a
    // verb-second verb's subject after it makes the phrase a clause, no opener.
    let subject_after_verb = lw.verb_second && groups.iter().any(|h| h.start >= verb.1 && h.end <= comma);
    comma >= verb.1
        && !subject_after_verb
        && !groups.iter().any(|h| h.start < verb.0 || h.start > comma && h.start < g.start)
        && !verbs.iter().any(|v| v.0 > comma && v.0 < g.start)
        && verbs.iter().any(|v| v.0 >= g.end)
}

/// The main clause's subject when the verb at `verb` stands in an opening
/// phrase ([`subject_after_opener`]): the first actor after the comma that
/// closes the phrase.
fn opener_subject(
    groups: &[ActorGroup],
    verbs: &[(usize, usize, u32, bool)],
    verb: (usize, usize),
    tokens: &[Token],
    lw: &LangWords,
) -> Option<usize> {
    if !opens_nonfinite_phrase(tokens, verb.0, lw) {
        return None;
    }
    let comma = (verb.1..tokens.len()).find(|&i| &*tokens[i].text == ",")?;
    let subject = groups.iter().position(|g| g.start > comma)?;
    subject_after_opener(groups, verbs, verb, subject, tokens, lw).then_some(subject)
}

/// Whether the word at `verb` stands in a phrase that opens the sentence
/// and has no subject of its own: right after an opener of the language's
/// (and an auxiliary, a clitic or an article: "Dopo *aver* incontrato",
/// "Tras *la* reunión"), or first, as a participle with its agent after it
/// ("Ricevuto da Erdogan, …"; not in English, where "Asked by reporters, …"
/// asks a question).
fn opens_nonfinite_phrase(tokens: &[Token], verb: usize, lw: &LangWords) -> bool {
    const BETWEEN: usize = 2;
    let Some(first) = tokens.iter().position(|t| t.kind == TokenKind::Word) else { return false };
    let participle_first = verb == first
        && lw.code != "en"
        && tokens.get(verb).is_some_and(|t| lw.is_participle_token(t))
        && tokens.get(verb + 1).is_some_and(|t| lw.passive_agent.contains(&&*t.upper));
    participle_first
        || lw.nonfinite_openers.iter().filter_map(|opener| phrase_end(tokens, first, opener)).any(|after| {
            verb >= after
                && verb - after <= BETWEEN
                && tokens.get(after..verb).is_some_and(|ts| ts.iter().all(|t| t.kind == TokenKind::Word))
        })
}

/// Whether a code tells of meeting or talking with someone (CAMEO 040–044,
/// 046; mediation, 045, is a third side's act).
fn consults(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::Single(c) if c.starts_with("04") && !c.starts_with("045"))
}

/// Whether a found act is told as planned: a pattern coded it as an intent to
/// meet (036), which a purpose clause after it ("para reunirse con") follows
/// as a trip's does.
fn planned_trip(f: &Found) -> bool {
    matches!(&f.code, CodeSpec::Single(c) if c.starts_with("036"))
}

/// The date an event of the sentence has that lies more than a month before
/// publication, with the day on which to look up offices: for a year, its
/// middle, when most of the year's office holders were in office.
/// `None` when no event is dated so far back.
fn past_date(events: &[Event], published: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    let published = published?;
    let event = events
        .iter()
        .find(|e| e.date.is_some_and(|d| (published - d).num_days() > discourse::OLD_DATE_DAYS))?;
    let date = event.date?;
    let held_on = match event.date_precision.as_deref() {
        Some("year") => date.with_month(7).unwrap_or(date),
        _ => date,
    };
    Some((date, held_on))
}

/// The sentence with the dashes that set off an aside ("Los hutíes —que
/// controlan el norte de Yemen— atacaron …", "Trump — who spoke to reporters —
/// accused …") read as the commas they stand for; `None` when it has none.
/// Text normalization writes every dash as a hyphen: one that a space parts
/// from a neighbour is a dash ("hutíes -que controlan … Yemen- atacaron"),
/// one that touches both joins words.
fn asides_as_commas(sentence: &Sentence, lw: &LangWords) -> Option<Sentence> {
    let tokens = &sentence.tokens;
    let dash = |i: usize| {
        let Some(t) = tokens.get(i) else { return false };
        let spaced =
            |a: Option<&Token>, b: Option<&Token>| a.zip(b).is_some_and(|(a, b)| a.span.1 < b.span.0);
        t.kind == TokenKind::Punct
            && match &*t.text {
                "—" | "–" => true,
                "-" => {
                    let before = i.checked_sub(1).and_then(|p| tokens.get(p));
                    // "an anti- Gondor parade", "pro- and anti-government": a prefix.
                    let prefix = before.is_some_and(|b| {
                        matches!(
                            &*b.upper,
                            "ANTI" | "PRO" | "EX" | "POST" | "PRE" | "NON" | "CO" | "NEO" | "SEMI" | "VICE"
                        )
                    });
                    // "Staats- und Parteichef", "pro- and anti-": a word cut at its
                    // hyphen before a conjunction is half a compound.
                    let truncated = !spaced(before, Some(t))
                        && tokens.get(i + 1).is_some_and(|n| lw.coordinators.contains(&&*n.upper));
                    (spaced(before, Some(t)) || spaced(Some(t), tokens.get(i + 1)) && !prefix) && !truncated
                }
                _ => false,
            }
    };
    if !(0..tokens.len()).any(dash) {
        return None;
    }
    let tokens = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if dash(i) {
                Token { text: ",".into(), upper: ",".into(), lemma: ",".into(), ..t.clone() }
            } else {
                t.clone()
            }
        })
        .collect();
    Some(Sentence { tokens, ..sentence.clone() })
}

/// The sentence without its set adverbial phrases ([`LangWords::set_phrases`]),
/// and without the commas that set one off: "Saar, por su parte, acusó a
/// Sánchez" reads as "Saar acusó a Sánchez", "L'opposition, elle, reproche
/// …" as "L'opposition reproche …". `None` when it has none.
fn without_set_phrases(sentence: &Sentence, lw: &LangWords) -> Option<Sentence> {
    let tokens = &sentence.tokens;
    let comma = |i: usize| tokens.get(i).is_some_and(|t| &*t.text == ",");
    let mut keep = vec![true; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        // Word by word, so that most phrases fail at their first word.
        let length = |phrase: &&str| phrase_end(tokens, i, phrase).map(|end| end - i);
        let set_off = |&n: &usize| i > 0 && comma(i - 1) && comma(i + n);
        let phrase_len = lw
            .set_phrases
            .iter()
            .find_map(length)
            .or_else(|| lw.set_off_phrases.iter().filter_map(length).filter(set_off).max());
        let Some(n) = phrase_len else {
            i += 1;
            continue;
        };
        let (from, to) = (i, i + n);
        keep[from..to].iter_mut().for_each(|k| *k = false);
        // Set off on both sides, or opening the sentence: its commas go too.
        let before = from.checked_sub(1).filter(|&b| comma(b));
        if comma(to) && (before.is_some() || from == 0) {
            keep[to] = false;
            if let Some(b) = before {
                keep[b] = false;
            }
        }
        i = to;
    }
    if keep.iter().all(|&k| k) {
        return None;
    }
    let tokens = tokens.iter().zip(&keep).filter(|(_, &k)| k).map(|(t, _)| t.clone()).collect();
    Some(Sentence { tokens, ..sentence.clone() })
}

/// The sentence without the clock time that opens a live blog's entry: "13:20 |
/// La jefa de la diplomacia europea … pidió a Washington", "Ore 13.20 - Il
/// premier …", "14h30 : le ministre …", "13.20 Uhr: Merz …". Left in, the time
/// stands where the subject should open the clause. `None` when the sentence
/// opens with no time set off by a separator.
fn without_clock_time(sentence: &Sentence) -> Option<Sentence> {
    let tokens = &sentence.tokens;
    let text = |i: usize| tokens.get(i).map_or("", |t| &*t.text);
    let upper = |i: usize| tokens.get(i).map_or("", |t| &*t.upper);
    let two_digits = |s: &str, most: u32| s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| n <= most);
    // "Ore 13.20", "um 13.20 Uhr".
    let mut at = usize::from(matches!(upper(0), "ORE" | "UM"));
    let joined = |s: &str| {
        s.split_once(['.', 'h', 'H'])
            .is_some_and(|(h, m)| two_digits(h, 24) && m.len() == 2 && two_digits(m, 59))
    };
    if text(at + 1) == ":"
        && two_digits(text(at), 24)
        && text(at + 2).len() == 2
        && two_digits(text(at + 2), 59)
    {
        at += 3;
    } else if joined(text(at)) {
        at += 1;
    } else {
        return None;
    }
    if matches!(
        upper(at),
        "UHR" | "H" | "HS" | "HRS" | "GMT" | "CET" | "CEST" | "ET" | "AM" | "PM" | "A.M" | "P.M"
    ) {
        at += 1;
    }
    if text(at) == "." {
        // "p.m." ends in a dot of its own.
        at += 1;
    }
    let separator = matches!(text(at), "|" | "-" | "–" | "—" | ":" | "•" | "/");
    // Something must follow: a sentence that is only a time keeps it.
    if !separator || at + 2 > tokens.len() {
        return None;
    }
    Some(Sentence { tokens: tokens[at + 1..].to_vec(), ..sentence.clone() })
}

/// Whether an act is one done to a person more than to a thing: a meeting or
/// a visit (04), praise (051), an accusation, a verdict or a suit (112, 115,
/// 116), asylum (075) or coercion (17): an object clitic then stands for the
/// person last named.
fn done_to_a_person(code: &CodeSpec) -> bool {
    let person = |c: &str| {
        c.starts_with("04") || c.starts_with("17") || matches!(c, "051" | "075" | "112" | "115" | "116")
    };
    match code {
        CodeSpec::Null => false,
        CodeSpec::Single(c) => person(c),
        CodeSpec::Paired(a, b) => person(a) && person(b),
    }
}

/// Whether a code is a use of force: an assault, a fight or mass violence
/// (CAMEO 18, 19, 20).
fn violent(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::Single(c) if ["18", "19", "20"].iter().any(|r| c.starts_with(r)))
}

/// Whether a code is a protest (CAMEO 14x).
fn protests(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::Single(c) if c.starts_with("14"))
}

/// The first actor after `from`, in the same clause, that stands after the
/// language's "against" and at most two articles or modifiers: "against the
/// government's cuts", "contro il governo".
fn protested_against(groups: &[ActorGroup], from: usize, tokens: &[Token], lw: &LangWords) -> Option<usize> {
    groups.iter().position(|g| {
        g.start >= from
            && tokens.get(from..g.start).is_some_and(|ts| !ts.iter().any(index::is_barrier))
            && (1..=3).any(|back| {
                g.start.checked_sub(back).and_then(|i| tokens.get(i)).is_some_and(|t| &*t.upper == lw.against)
                    && tokens.get(g.start + 1 - back..g.start).is_some_and(|between| {
                        between.iter().all(|t| t.kind == TokenKind::Word && !lw.is_preposition(&t.upper))
                    })
            })
    })
}

/// Whether the verb at `start` is a gerund right after a comma (", accusando",
/// ", en accusant", ", accusing"), which hangs from the clause before it.
fn gerund_after_comma(tokens: &[Token], start: usize, lw: &LangWords) -> bool {
    let upper = |i: usize| tokens.get(i).map_or("", |t| &*t.upper);
    let before = match start.checked_sub(1) {
        Some(b) if lw.code == "fr" && upper(b) == "EN" => b.checked_sub(1),
        b => b,
    };
    before.and_then(|b| tokens.get(b)).is_some_and(|t| &*t.text == ",") && lw.is_gerund(upper(start))
}

/// The group right before or after `verb` that is two or more names joined
/// by hyphens ("Meloni-Macron"), not by "and".
fn hyphen_pair_beside(groups: &[ActorGroup], tokens: &[Token], verb: (usize, usize)) -> Option<usize> {
    groups.iter().position(|g| {
        (g.end == verb.0 || g.start == verb.1)
            && g.actors.len() >= 2
            && g.actors
                .windows(2)
                .all(|w| w[1].start == w[0].end + 1 && index::is_inner_hyphen(tokens, w[0].end))
    })
}

/// Whether a statement's target is the speaker's own country (or a part of
/// it), or a role with no country that would take the speaker's.
fn speaks_of_home(src: Option<&actors::Actor>, tgt: Option<&actors::Actor>) -> bool {
    let (Some(src), Some(tgt)) = (src, tgt) else { return false };
    let home = discourse::state_of(&src.code);
    home.is_some() && (tgt.code.starts_with('~') || discourse::state_of(&tgt.code) == home)
}

/// Whether an actor is a politician or a political office (government,
/// opposition, party, elite, legislature, judiciary), who attacks with words:
/// "Meloni attacca Schlein", "Trump attacked the Fed". A bare country, an
/// armed force, police or civilians can attack with arms.
fn political(actor: Option<&actors::Actor>) -> bool {
    actor.is_some_and(|a| {
        let (_, agent) = split_code(&a.code);
        matches!(agent, "GOV" | "OPP" | "PTY" | "ELI" | "LEG" | "JUD")
            && !["MIL", "COP", "REB", "SPY", "INS", "UAF", "SEP"]
                .iter()
                .any(|force| a.code.get(3..).is_some_and(|rest| rest.contains(force)))
    })
}

/// Whether two actors with one code are two actors of one state, not one
/// named twice: each names an agent as well as a country ("the mayor",
/// "the government"), in different words, and neither stands for an
/// actor named earlier.
fn distinct_actors(tokens: &[Token], a: &actors::Actor, b: &actors::Actor) -> bool {
    let words = |x: &actors::Actor| tokens.get(x.start..x.end).unwrap_or_default().iter().map(|t| &t.upper);
    a.code.len() > 3
        && a.implied_text.is_none()
        && b.implied_text.is_none()
        && (a.end <= b.start || b.end <= a.start)
        && !words(a).eq(words(b))
}

/// Whether an actor is a place named after a locative preposition ("in Kirkuk").
fn is_place_after_locative(tokens: &[Token], actor: &actors::Actor, lw: &LangWords) -> bool {
    actor.implied_text.is_none() && lw.locative_before(tokens, actor.start)
}

/// [`is_place_after_locative`] for a name ("A Washington", "en Argel") or a
/// word after a place noun ("nella capitale americana"), not an adjective
/// right after the locative, which tells of a noun after it ("bei
/// israelischen Luftangriffen").
fn names_place_after_locative(tokens: &[Token], actor: &actors::Actor, lw: &LangWords) -> bool {
    let right_after_locative = actor
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| lw.locatives.contains(&&*t.upper));
    is_place_after_locative(tokens, actor, lw)
        && (!right_after_locative || tokens.get(actor.start).is_some_and(|t| has_upper_initial(&t.text)))
}

fn is_marker_code(code: &CodeSpec) -> bool {
    match code {
        CodeSpec::Single(c) => !c.starts_with(|ch: char| ch.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// TABARI's discard code `###`.
fn is_discard_code(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::Single(c) if c.trim() == "###")
}

/// TABARI reads a pronoun as the actor it stands for, where it stands: the
/// sentence's first actor before it ("Calenardhon urged Bree … and then it
/// requested …"), else the subject of an earlier sentence.
fn tabari_pronouns(
    tokens: &[Token],
    text: &str,
    groups: &mut Vec<ActorGroup>,
    discourse: Option<&Discourse>,
    lw: &LangWords,
) {
    let mut added = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !lw.pronouns.contains(&&*t.upper) || groups.iter().any(|g| i >= g.start && i < g.end) {
            continue;
        }
        let earlier = groups.iter().find(|g| g.end <= i).map(|g| ActorGroup {
            actors: g
                .actors
                .iter()
                .map(|a| actors::Actor {
                    implied_text: Some(
                        a.implied_text.clone().unwrap_or_else(|| span_text(tokens, a.start, a.end, text)),
                    ),
                    ..actors::Actor::new(a.code.clone(), i, i + 1)
                })
                .collect(),
            start: i,
            end: i + 1,
        });
        let singular = lw.singular_pronouns.contains(&&*t.upper);
        if let Some(g) = earlier.or_else(|| discourse.and_then(|d| d.carried_subject((i, i + 1), singular))) {
            added.push(g);
        }
    }
    if !added.is_empty() {
        groups.extend(added);
        groups.sort_by_key(|g| g.start);
    }
}

/// The tokens of the sentence between the semicolons, full stops or
/// clause-joining conjunctions (`joins`) around a verb.
fn clause_span(tokens: &[Token], verb: usize, joins: &dyn Fn(usize) -> bool) -> (usize, usize) {
    let stop =
        |i: usize| tokens.get(i).is_some_and(|t| matches!(&*t.text, ";" | "." | "!" | "?")) || joins(i);
    let from = (0..verb.min(tokens.len())).rev().find(|&i| stop(i)).map_or(0, |i| i + 1);
    let to = (verb..tokens.len()).find(|&i| stop(i)).unwrap_or(tokens.len());
    (from, to)
}

/// Parts a coordinated group where a verb stands between its actors
/// ("… in south Ithilen or assail Arnor"): the grouping saw only actors.
fn split_at_verbs(groups: &mut Vec<ActorGroup>, verbs: &[(usize, usize, u32, bool)]) {
    let splits =
        |g: &ActorGroup| g.actors.len() > 1 && verbs.iter().any(|v| !v.3 && v.0 > g.start && v.0 < g.end);
    if !groups.iter().any(splits) {
        return;
    }
    let mut out = Vec::with_capacity(groups.len() + 1);
    for g in groups.drain(..) {
        if !splits(&g) {
            out.push(g);
            continue;
        }
        let mut current: Option<ActorGroup> = None;
        for a in g.actors {
            match current.as_mut() {
                Some(c) if !verbs.iter().any(|v| !v.3 && v.0 >= c.end && v.0 < a.start) => {
                    c.end = c.end.max(a.end);
                    c.actors.push(a);
                }
                _ => {
                    out.extend(current.take());
                    current = Some(ActorGroup { start: a.start, end: a.end, actors: vec![a] });
                }
            }
        }
        out.extend(current);
    }
    *groups = out;
}

/// Parts the last actor off an object list when a verb follows it and a
/// conjunction stands before it: in "Rusia atacó Kiev y Ucrania bombardeó
/// Moscú", "Hamas freed the hostages and Israel released prisoners", the
/// actor after "y"/"and" (in a headline, after a comma or a dash) is the
/// subject of a second clause, not a second object. The list must follow a
/// verb with nothing between that opens a clause, so that "ha detto che
/// Francia e Germania hanno condannato" stays one subject.
fn split_new_subjects(
    groups: &mut Vec<ActorGroup>,
    verbs: &[(usize, usize, u32, bool)],
    tokens: &[Token],
    lw: &LangWords,
) {
    let opens_clause = |t: &Token| {
        matches!(&*t.text, "," | ";" | ":" | "(" | "\"" | "«" | "»" | "“" | "”")
            || lw.subordinators.contains(&&*t.upper)
            || lw.relatives.contains(&&*t.upper)
    };
    let headline = is_headline(tokens);
    // "scontri tra manifestanti e polizia hanno causato …": a pair after
    // "between" is one.
    let after_between = |i: usize| {
        i.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| matches!(&*t.upper, "BETWEEN" | "TRA" | "FRA" | "ENTRE" | "ZWISCHEN"))
    };
    // Two actors only: "dal Cremlino, Putin e Trump hanno parlato" is a list
    // that a comma wrongly began.
    let splits = |g: &ActorGroup| -> bool {
        let [before, last] = g.actors.as_slice() else { return false };
        let between = tokens.get(before.end..last.start).unwrap_or_default();
        // "Macron soutient le plan marocain, Alger retire …", "Trump verhängt
        // Strafzölle gegen Brasilien – Lula droht …": a headline joins its two
        // clauses with a comma or a dash; English headlines write the comma for
        // "and" ("as US, South Korea hold drills").
        let parts =
            |t: &Token| matches!(&*t.text, ";" | "-" | "–" | "—") || &*t.text == "," && lw.code != "en";
        let after_conjunction = between.iter().any(|t| lw.coordinators.contains(&&*t.upper))
            || headline && matches!(between, [t] if parts(t));
        let verb_follows = verbs.iter().any(|v| {
            !v.3 && v.0 >= g.end
                && tokens.get(g.end..v.0).is_some_and(|b| {
                    b.len() <= 2 && b.iter().all(|t| lw.is_auxiliary(&t.upper) || lw.is_adverb(&t.upper))
                })
        });
        let object_of_verb = verbs.iter().any(|v| {
            !v.3 && v.1 <= g.start && tokens.get(v.1..g.start).is_some_and(|b| !b.iter().any(opens_clause))
        });
        after_conjunction && verb_follows && object_of_verb && !after_between(g.start)
    };
    if !groups.iter().any(splits) {
        return;
    }
    let mut out = Vec::with_capacity(groups.len() + 1);
    for mut g in groups.drain(..) {
        if splits(&g) {
            if let Some(last) = g.actors.pop() {
                g.end = g.actors.last().map_or(g.start, |a| a.end);
                out.push(g);
                out.push(ActorGroup { start: last.start, end: last.end, actors: vec![last] });
                continue;
            }
        }
        out.push(g);
    }
    *groups = out;
}

/// Whether the verb at `at.1`, whose words begin at `at.0` (a pattern may begin
/// before the verb) and whose source came out as `source`, lies in the
/// object or adjunct of the previous event `prev` of the same clause and only
/// inherits its subject: no conjunction, comma, subordinator, relative or
/// subject pronoun stands between the two verbs ("rejected a US offer to host", "vetoed a
/// resolution censuring", "refused to meet Jordan's visiting king"). A
/// coordinated verb ("met Y and signed"), one after a comma, a Romance
/// gerund ("manifestaron exigiendo") or one with a subject of its own is not
/// embedded.
fn embedded_in_previous(
    tokens: &[Token],
    groups: &[ActorGroup],
    prev: Option<&Found>,
    source: Option<usize>,
    at: (usize, usize),
    lw: &LangWords,
) -> bool {
    let (start, verb) = at;
    let Some(prev) = prev else { return false };
    let Some(s) = source else { return false };
    if prev.statement || prev.source != Some(s) || prev.verb.1 > start {
        return false;
    }
    if groups.get(s).is_none_or(|g| g.end > prev.from) {
        return false;
    }
    if tokens.get(verb).is_some_and(|t| lw.gerund_endings.iter().any(|e| t.upper.ends_with(e))) {
        return false;
    }
    tokens.get(prev.verb.1..start).is_some_and(|between| {
        !between.iter().any(|t| {
            let w = &*t.upper;
            matches!(w, "," | ";" | ":" | "(" | ")" | "\"" | "-" | "–" | "—")
                || lw.coordinators.contains(&w)
                || lw.subordinators.contains(&w)
                || lw.relatives.contains(&w)
                || lw.pronouns.contains(&w)
        })
    })
}

/// Whether an actor has a country (or IGO) code, not only a role (`~COP`)
/// or nothing.
fn has_country(a: &actors::Actor) -> bool {
    !a.code.is_empty() && !a.code.starts_with('~')
}

/// Whether a word is written with a capital first letter.
fn has_upper_initial(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn has_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

fn is_negated(tokens: &[Token], verb: usize, verb_end: usize, lw: &LangWords) -> bool {
    // "no obstante" (however), "not only", "non solo", "nicht nur": phrases
    // that open with a negation and deny nothing.
    const NOT_DENYING: &[&str] =
        &["OBSTANTE", "ONLY", "JUST", "SOLO", "SÓLO", "SOLTANTO", "SEULEMENT", "NUR", "ZULETZT"];
    let negation_at = |i: usize| {
        tokens.get(i).is_some_and(|t| lw.negations.contains(&&*t.upper))
            && tokens.get(i + 1).is_none_or(|next| !NOT_DENYING.contains(&&*next.upper))
    };
    let negation = |t: &Token| lw.negations.contains(&&*t.upper);
    // "Plus de 400 Palestiniens ont été tués": a negation word before "of" and
    // a number counts; it denies nothing.
    let counts = |i: usize| {
        let of = tokens.get(i + 1).is_some_and(|t| lw.of_words.contains(&&*t.upper));
        let number = tokens.get(i + 2).is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_digit())
                || lw.number_word(&t.upper).is_some()
                || matches!(&*t.upper, "UN" | "UNE")
        });
        of && number
    };
    let start = verb.saturating_sub(3);
    (start..verb).any(|k| negation_at(k) && !counts(k))
        || (lw.negation_after
            && tokens[verb_end.min(tokens.len())..]
                .iter()
                .take_while(|t| !matches!(&*t.text, "," | ";" | "." | ":"))
                .any(negation))
}

/// "12 ELN rebels killed in bombing", "Opposition leader Machado briefly
/// detained after Caracas protest": English headlines drop the passive's
/// auxiliary. A participle of force (roots 17 to 20, which act on someone)
/// right after its actor, with no object after it but a preposition or the
/// sentence's end, says what was done to that actor. Not "with", whose
/// partner makes it active ("rebels clashed with troops"). An agent after
/// "by" acts ("Two Palestinians shot dead by Israeli troops").
fn reduced_passive(
    tokens: &[Token],
    (verb, verb_end): (usize, usize),
    lw: &LangWords,
    groups: &[ActorGroup],
    code: &CodeSpec,
) -> bool {
    const AFTER: &[&str] = &[
        "IN", "AT", "NEAR", "AFTER", "DURING", "ON", "OVER", "AMID", "FROM", "AS", "FOR", "ACROSS",
        "OUTSIDE", "INSIDE",
    ];
    // "police arrest 532": the present, whose form is its lemma, is active.
    // So are verbs of force that need no object ("Russian forces fought on
    // Wednesday to repel …").
    const INTRANSITIVE: &[&str] = &["fight", "battle", "clash", "retaliate", "advance", "fire", "strike"];
    // A verb of one word: "opened fire on" has its object.
    let forceful =
        verb_end == verb + 1 && root_of(code).is_some_and(|r| matches!(r, "17" | "18" | "19" | "20"));
    let Some(participle) = tokens.get(verb).filter(|_| lw.code == "en" && forceful) else { return false };
    let inflected =
        *participle.lemma != *participle.text.to_lowercase() && !INTRANSITIVE.contains(&&*participle.lemma);
    if !inflected || !lw.is_participle_token(participle) {
        return false;
    }
    // One adverb may stand between ("briefly detained").
    let actor_end = match verb.checked_sub(1).and_then(|i| tokens.get(i)) {
        Some(t) if t.kind == TokenKind::Word && lw.is_adverb(&t.upper) => verb - 1,
        _ => verb,
    };
    let after_actor =
        groups.iter().any(|g| g.end == actor_end && !preceded_by_preposition(tokens, g.start, lw));
    // "shot dead by Israeli troops": the agent, if any, follows.
    let next = verb_end + usize::from(tokens.get(verb_end).is_some_and(|t| &*t.upper == "DEAD"));
    // A number is an object ("killed 26 men"), so is "at least 11".
    let nothing_after = tokens.get(next).is_none_or(|t| {
        t.kind == TokenKind::Punct && !is_quote_mark(&t.text) && &*t.text != "'"
            || AFTER.contains(&&*t.upper) && tokens.get(next + 1).is_none_or(|n| &*n.upper != "LEAST")
            || lw.passive_agent.contains(&&*t.upper)
    });
    after_actor && nothing_after
}

fn is_passive(tokens: &[Token], verb: usize, lw: &LangWords, groups: &[ActorGroup]) -> bool {
    let Some(participle) = tokens.get(verb) else { return false };
    // An auxiliary inside a name ("Stati Uniti") is no auxiliary.
    let in_actor = |i: usize| groups.iter().any(|g| i >= g.start && i < g.end);
    // "si sono incontrati", "s'est entretenu": a reflexive auxiliary is active.
    let reflexive = |i: usize| {
        i.checked_sub(1).and_then(|r| tokens.get(r)).is_some_and(|t| lw.reflexives.contains(&&*t.upper))
    };
    // "I ribelli, sostenuti dal Ruanda, …", "M23 rebels, backed by Rwanda,
    // …": a participle set off after an actor, with its agent after it, is a
    // passive without an auxiliary.
    let reduced = || {
        verb.checked_sub(1).is_some_and(|comma| {
            tokens.get(comma).is_some_and(|t| &*t.text == ",") && groups.iter().any(|g| g.end == comma)
        }) && tokens.get(verb + 1).is_some_and(|t| lw.passive_agent.contains(&&*t.upper))
    };
    // "a Taiwanese fishing boat seized by the Chinese coast guard": a
    // participle right after an actor (and a noun or two of its own) whose
    // agent follows it at once, with at most an article and modifiers before
    // the agent's name. Not after an auxiliary or a reflexive, which make it
    // a tense ("si sono ritirate da Kherson" is active), nor after a place
    // ("talks in Doha mediated by Qatar": the talks were mediated).
    let after_actor = || {
        groups.iter().rev().find(|g| g.end <= verb).is_some_and(|g| {
            !preceded_by_preposition(tokens, g.start, lw)
                && tokens.get(g.end..verb).is_some_and(|ts| {
                    ts.len() <= 3
                        && ts.iter().all(|t| {
                            t.kind == TokenKind::Word
                                && !has_upper_initial(&t.text)
                                && !lw.is_preposition(&t.upper)
                                && !lw.is_determiner(&t.upper)
                        })
                })
        })
    };
    let agent_follows = || {
        !lw.verb_second
            && after_actor()
            && !(verb.saturating_sub(3)..verb).any(|i| {
                tokens.get(i).is_some_and(|t| {
                    lw.is_auxiliary(&t.upper)
                        || lw.perfect_aux.contains(&&*t.upper)
                        || lw.passive_aux.contains(&&*t.upper)
                        || lw.reflexives.contains(&&*t.upper)
                })
            })
            && tokens.get(verb + 1).is_some_and(|t| lw.passive_agent.contains(&&*t.upper))
            && groups
                .iter()
                .any(|g| g.start > verb + 1 && word_before_noun_phrase(tokens, g.start, lw) == Some(verb + 1))
    };
    // "Cuestionada al respecto, la mandataria rechazó …", "Interrogé sur ce
    // point, le ministre …": a participle that opens the sentence, its phrase
    // closed by a comma, says what was done to the subject after the comma.
    let opening = || verb == 0 && tokens.iter().take(12).any(|t| &*t.text == ",");
    lw.is_participle_token(participle)
        && ((verb.saturating_sub(lw.passive_reach)..verb).any(|i| {
            !in_actor(i)
                && !reflexive(i)
                && tokens.get(i).is_some_and(|t| lw.passive_aux.contains(&&*t.upper))
        }) || reduced()
            || agent_follows()
            || opening())
}

/// Whether the verb at `verb` is a German participle used as an adjective,
/// its agent before it and its noun after it: "die von Ruanda unterstützten
/// M23-Rebellen", "die vom Iran finanzierte Miliz". It names who the noun
/// is, no event, and the noun is the clause's subject, not its object.
fn attributive_participle(tokens: &[Token], groups: &[ActorGroup], verb: usize, lw: &LangWords) -> bool {
    let Some(agent) = groups.iter().find(|g| g.end == verb) else { return false };
    let by = agent.start.checked_sub(1).and_then(|i| tokens.get(i));
    let article = agent.start.checked_sub(2).and_then(|i| tokens.get(i));
    lw.verb_second
        && by.is_some_and(|t| lw.passive_agent.contains(&&*t.upper))
        && article.is_some_and(|t| lw.is_determiner(&t.upper))
        && tokens.get(verb + 1).is_some_and(|t| t.kind == TokenKind::Word && has_upper_initial(&t.text))
}

/// Whether a participle's phrase, set off by commas, stands between the actor
/// ending at `actor_end` and `verb` (and the verb's auxiliary): "Los rebeldes
/// del M23, respaldados por Ruanda, atacaron …". The actor is what the
/// participle says something of, and still the subject of the verb after it.
fn participle_aside(tokens: &[Token], actor_end: usize, verb: usize, lw: &LangWords) -> bool {
    let Some([comma, participle, rest @ ..]) = tokens.get(actor_end..verb) else { return false };
    // One comma closes the phrase, right before the verb or its auxiliary.
    let is_comma = |t: &Token| &*t.text == ",";
    &*comma.text == ","
        && lw.is_participle(&participle.upper)
        && rest.len() <= 8
        && rest.iter().filter(|t| is_comma(t)).count() == 1
        && rest.iter().rposition(is_comma).is_some_and(|c| c + 2 >= rest.len())
}

fn preceded_by_preposition(tokens: &[Token], start: usize, lw: &LangWords) -> bool {
    // The sentence's first word is an article rather than a preposition when it
    // can be both: French "Des soldats …", German "Der Außenminister …"; so is
    // the first word after a short opening phrase and its comma ("Mardi, des
    // drones russes ont frappé Kiev", "Dans la nuit, des …").
    // German puts one adverb before the subject of a verb-second clause:
    // "Auch der Kreml kritisierte Kiew".
    let opens_clause = |i: usize| {
        i == 0
            || i == 1 && lw.verb_second && tokens.first().is_some_and(|t| lw.is_adverb(&t.upper))
            || i <= 6
                && tokens.get(i - 1).is_some_and(|t| &*t.text == ",")
                && !tokens[..i - 1].iter().any(|t| &*t.text == ",")
    };
    let preposition = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| lw.is_preposition(&t.upper) && !(opens_clause(i) && lw.is_determiner(&t.upper)))
            && !lw.adverb_of_time_at(tokens, i)
    };
    let Some(before) = start.checked_sub(1) else { return false };
    // "Miles de manifestantes marcharon", "thousands of protesters": the "of"
    // after a quantity leads to what is counted, the subject.
    if preposition(before) {
        return !lw.counts(tokens, before);
    }
    // "of the X", "with new X": an article or a lower-case modifier between;
    // not "On Thursday Tajani …", where a name stands between.
    // "después de que Trump impusiera …": a complementizer opens a clause, whose
    // subject the preposition before it does not govern.
    let modifier = tokens.get(before).is_some_and(|t| {
        lw.is_determiner(&t.upper)
            || (t.kind == TokenKind::Word
                && !has_upper_initial(&t.text)
                && !lw.adverbial_nouns.contains(&&*t.upper)
                && !lw.subordinators.contains(&&*t.upper)
                && !dyad_context::dates::is_calendar_word(&t.text, lw.code))
    });
    modifier && before.checked_sub(1).is_some_and(preposition)
}

/// A German verb-final clause opened by a finite auxiliary: the subject is the
/// actor just before the auxiliary, or just after it when something else opens
/// the clause; the object is the last actor between them and the verb that is
/// not a place.
fn verb_final(
    groups: &[ActorGroup],
    verb: usize,
    tokens: &[Token],
    lw: &LangWords,
) -> Option<(usize, Option<usize>)> {
    // "Die Militärregierungen von Mali, Burkina Faso und Niger wollen …": a
    // comma inside an actor's list opens no clause.
    let mut clause_start = clause_start_before(tokens, verb, lw);
    while let Some(list) = groups.iter().find(|g| g.start < clause_start && clause_start < g.end) {
        clause_start = clause_start_before(tokens, list.start, lw);
    }
    let Some(aux) =
        (clause_start..verb).find(|&i| tokens.get(i).is_some_and(|t| lw.auxiliaries.contains(&&*t.upper)))
    else {
        return subordinate_verb_final(groups, verb, clause_start, tokens, lw);
    };
    // "Im Sudan hat die RSF-Miliz …": a place after a preposition fills the
    // first place, and the subject follows the auxiliary.
    let before = groups
        .iter()
        .rposition(|g| g.end == aux && g.start >= clause_start && !lw.locative_before(tokens, g.start));
    // "Annalena Baerbock, die deutsche Außenministerin, hat …": the comma closes
    // an apposition, not a clause.
    let apposed = || (clause_start > 0).then(|| appositive_subject(groups, aux, tokens, lw)).flatten();
    // The subject after the auxiliary may have its article outside the group,
    // one of the nominative ("hat die RSF-Miliz", not "wollen den Gerichtshof").
    const NOT_NOMINATIVE: [&str; 6] = ["DEN", "DEM", "DES", "EINEN", "EINEM", "EINES"];
    let mut after_aux = aux + 1;
    while tokens.get(after_aux).is_some_and(|t| {
        lw.is_determiner(&t.upper) && !lw.is_preposition(&t.upper) && !NOT_NOMINATIVE.contains(&&*t.upper)
    }) {
        after_aux += 1;
    }
    let subject = before
        .or_else(apposed)
        .or_else(|| groups.iter().position(|g| (aux + 1..=after_aux).contains(&g.start)))?;
    let locative = |g: &ActorGroup| lw.locative_before(tokens, g.start);
    let object = groups
        .iter()
        .enumerate()
        .rev()
        .find(|(gi, g)| *gi != subject && g.start > aux && g.end <= verb && !locative(g))
        .map(|(gi, _)| gi);
    Some((subject, object))
}

/// A German subordinate clause, whose verb (and its finite auxiliary) ends it:
/// "nachdem Russland Kiew angegriffen hatte", "dass Merz Macron traf". The
/// subject opens the clause, right after the subordinating word; the object
/// is the last actor after it before the verb that is not a place.
fn subordinate_verb_final(
    groups: &[ActorGroup],
    verb: usize,
    clause_start: usize,
    tokens: &[Token],
    lw: &LangWords,
) -> Option<(usize, Option<usize>)> {
    let opener = clause_start.checked_sub(1)?;
    if !lw.subordinator_at(tokens, opener) || lw.relatives.contains(&&*tokens.get(opener)?.upper) {
        return None;
    }
    let mut after = verb + 1;
    while tokens.get(after).is_some_and(|t| lw.auxiliaries.contains(&&*t.upper)) {
        after += 1;
    }
    if tokens.get(after).is_some_and(|t| t.kind == TokenKind::Word) {
        return None;
    }
    let subject = group_after_articles(groups, tokens, clause_start, lw).filter(|&g| groups[g].end < verb)?;
    let locative = |g: &ActorGroup| lw.locative_before(tokens, g.start);
    let object = groups
        .iter()
        .enumerate()
        .rev()
        .find(|(gi, g)| *gi != subject && g.start >= groups[subject].end && g.end <= verb && !locative(g))
        .map(|(gi, _)| gi);
    Some((subject, object))
}

/// Who told the listener whose group starts at `listener`: the group right
/// before the verb of saying that takes it ("*Carney* told reporters").
fn teller_of(groups: &[ActorGroup], listener: usize, tokens: &[Token], lw: &LangWords) -> Option<usize> {
    let upper = |i: usize| tokens.get(i).map(|t| &*t.upper);
    let mut at = listener;
    while at > 0 && upper(at - 1).is_some_and(|w| lw.is_determiner(w)) {
        at -= 1;
    }
    let told = at.checked_sub(1).filter(|&v| upper(v).is_some_and(|w| lw.reporting.contains(&w)))?;
    groups.iter().position(|g| g.end == told)
}

/// Whether the verb at `verb` follows the comma that closes a subordinate
/// clause opening the sentence ("Nachdem Russland Kiew angegriffen hatte,
/// forderte …"): in German that clause is the first place of the main one.
fn after_fronted_clause(tokens: &[Token], verb: usize, lw: &LangWords) -> bool {
    let Some(comma) = verb.checked_sub(1).filter(|&c| tokens.get(c).is_some_and(|t| &*t.text == ",")) else {
        return false;
    };
    let Some(opener) = clause_start_before(tokens, comma, lw).checked_sub(1) else { return false };
    lw.subordinator_at(tokens, opener)
        && tokens.get(opener).is_some_and(|t| !lw.relatives.contains(&&*t.upper))
        && tokens.get(..opener).is_some_and(|ts| ts.iter().all(|t| t.kind == TokenKind::Punct))
}

/// Where the German clause of the verb at `verb` begins: after the last
/// comma, semicolon, colon or subordinating word before it.
fn clause_start_before(tokens: &[Token], verb: usize, lw: &LangWords) -> usize {
    (0..verb.min(tokens.len()))
        .rev()
        .find(|&i| {
            tokens.get(i).is_some_and(|t| matches!(&*t.text, "," | ";" | ":"))
                || lw.subordinator_at(tokens, i)
        })
        .map_or(0, |i| i + 1)
}

/// The subject pronoun of the verb-second clause whose verb is at `verb`,
/// where the verb does not stand next to it: the clause's first word
/// ("…, er werde Macron in Paris treffen", "dass sie ihn getroffen habe") or
/// the word right after the clause's finite auxiliary ("Gestern hat er …").
fn clause_pronoun(tokens: &[Token], verb: usize, lw: &LangWords) -> Option<usize> {
    if !lw.verb_second {
        return None;
    }
    let pronoun = |i: usize| i < verb && tokens.get(i).is_some_and(|t| lw.pronouns.contains(&&*t.upper));
    let start = clause_start_before(tokens, verb, lw);
    if pronoun(start) {
        return Some(start);
    }
    let aux = (start..verb).find(|&i| tokens.get(i).is_some_and(|t| lw.auxiliaries.contains(&&*t.upper)))?;
    pronoun(aux + 1).then_some(aux + 1)
}

/// The object of a verb-final clause: the last actor between the subject
/// (or the subject pronoun at `pronoun`) and the verb, other than a place
/// after a locative ("in Paris").
fn object_before(
    groups: &[ActorGroup],
    verb: usize,
    subject: Option<usize>,
    pronoun: Option<usize>,
    tokens: &[Token],
    lw: &LangWords,
) -> Option<usize> {
    let from = subject.and_then(|s| groups.get(s)).map(|g| g.end).or(pronoun.map(|p| p + 1)).unwrap_or(0);
    let candidates = || {
        groups.iter().enumerate().rev().filter(|(gi, g)| {
            g.start >= from
                && g.end <= verb
                && Some(*gi) != subject
                && !opens_clause_between(tokens, g.end, verb, lw)
                && !tokens[g.start.saturating_sub(1)..g.start]
                    .iter()
                    .any(|t| lw.passive_agent.contains(&&*t.upper))
                && (pronoun.is_none() || !lw.locative_before(tokens, g.start))
        })
    };
    // After a subject pronoun, a plain object comes before one behind a
    // preposition, which may belong to a noun ("er werde die Polizei im
    // Kampf gegen die Banden unterstützen").
    let governed = |start: usize| {
        word_before_noun_phrase(tokens, start, lw)
            .and_then(|i| tokens.get(i))
            .is_some_and(|t| lw.is_preposition(&t.upper))
    };
    let plain = pronoun.and_then(|_| candidates().find(|(_, g)| !governed(g.start)).map(|(gi, _)| gi));
    plain.or_else(|| candidates().next().map(|(gi, _)| gi))
}

/// The word before the noun phrase of the actor starting at `start`: back
/// past at most three articles and lower-case modifiers ("by *the armed*
/// Chinese coast guard", "gegen *die bewaffneten* Banden"), stopping at a
/// preposition or a passive's agent word, which is the word returned.
fn word_before_noun_phrase(tokens: &[Token], start: usize, lw: &LangWords) -> Option<usize> {
    let mut at = start;
    while at > 0
        && start - at < 3
        && tokens.get(at - 1).is_some_and(|t| {
            !lw.is_preposition(&t.upper)
                && !lw.passive_agent.contains(&&*t.upper)
                && (lw.is_determiner(&t.upper) || t.kind == TokenKind::Word && !has_upper_initial(&t.text))
        })
    {
        at -= 1;
    }
    at.checked_sub(1)
}

/// Whether group `gi` may be the subject of the verb at `verb`: it ends before
/// the verb, is not the target, is neither governed by a preposition nor an
/// earlier verb's object, and no clause opens between it and the verb.
fn may_be_subject(
    (gi, g): (usize, &ActorGroup),
    verb: usize,
    tokens: &[Token],
    objects: &[usize],
    target: Option<usize>,
    clause: ClauseContext,
    lw: &LangWords,
) -> bool {
    // "Meloni ha parlato con Macron, che ha criticato la Russia": the object
    // of one verb, or an actor after a preposition, is the subject of the
    // relative clause that follows it.
    let antecedent = || antecedent_of_relative(tokens, g.end, verb, lw);
    // "A margine dei lavori Zelensky ha incontrato Merz", "At the summit
    // Trump met Xi": after an opening phrase's noun, an actor right before
    // the verb (or its auxiliary) opens the clause; it is not the noun's.
    // Not after an actor the phrase tells more of ("Ethnic Albanians in
    // south Serbia accused …").
    let opens_clause = || {
        gi == 0
            && g.start.checked_sub(1).and_then(|i| tokens.get(i)).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && !has_upper_initial(&t.text)
                    && !lw.is_determiner(&t.upper)
                    && !lw.is_preposition(&t.upper)
            })
            && tokens.get(g.end..verb).is_some_and(|ts| ts.iter().all(|t| lw.is_auxiliary(&t.upper)))
    };
    // "La ONU denunció que los paramilitares ejecutaron a civiles": the
    // actor that opens a that-clause is its subject, though the verb of
    // saying took it for its object; the clause reports what happened
    // (`reports`), not what a demand asks for.
    let opens_that_clause = || {
        if !clause.reports {
            return false;
        }
        let mut at = g.start;
        while at > 0 && tokens.get(at - 1).is_some_and(|t| lw.is_determiner(&t.upper)) {
            at -= 1;
        }
        at.checked_sub(1).and_then(|i| tokens.get(i)).is_some_and(|t| lw.is_complementizer(&t.upper))
            && tokens.get(g.end..verb).is_some_and(|ts| {
                ts.len() <= 3
                    && ts.iter().all(|t| t.kind == TokenKind::Word && !lw.coordinators.contains(&&*t.upper))
            })
    };
    let free = || {
        (!objects.contains(&gi) || participle_aside(tokens, g.end, verb, lw) || opens_that_clause())
            && (!preceded_by_preposition(tokens, g.start, lw) || opens_clause())
            && !opens_clause_between(tokens, g.end, verb, lw)
            // "En la capital estadounidense se reunió con Rubio": a place
            // after a locative, past its place noun, is where.
            && !g.actors.iter().all(|a| names_place_after_locative(tokens, a, lw))
    };
    // "La polizia ha aperto il fuoco contro giovani che protestavano contro il
    // governo": the object right before a subject relative pronoun is the
    // subject of a relative clause in the imperfect, comma or not: it tells
    // what the object was doing then. In another tense it says which actor is
    // meant, as background ("supporting the M23 rebels who seized Goma").
    let object_antecedent = || {
        objects.contains(&gi)
            && lw.is_imperfective(tokens, verb)
            && tokens.get(g.end).is_some_and(|t| {
                lw.subject_relatives.contains(&&*t.upper)
                    && !(clause.after_saying && lw.is_complementizer(&t.upper))
            })
            && tokens.get(g.end + 1..verb).is_some_and(|ts| {
                ts.len() <= 3
                    && ts.iter().all(|t| t.kind == TokenKind::Word && !lw.relatives.contains(&&*t.upper))
            })
    };
    g.end <= verb && Some(gi) != target && (free() || antecedent() || object_antecedent())
}

/// What the verb before tells of the clause being parsed.
#[derive(Clone, Copy)]
struct ClauseContext {
    /// The verb before reports what happened: no demand, appeal, intent or
    /// threat, whose that-clause asks for an act ([`asks_for_an_act`]).
    reports: bool,
    /// The verb before says or judges: a "che" or "que" after its object
    /// opens what was said.
    after_saying: bool,
}

/// Whether the actor ending at `actor_end` is the antecedent of a relative
/// clause whose verb is `verb`: "attraverso il ministro dell'Oman Badr
/// al-Busaidi, che ha mediato", "talks with Witkoff, who said". Only a
/// clause set off by a comma: one that tells more of a named actor. Without
/// it "che" and "que" may open a that-clause ("ha avvertito l'Iran che …"),
/// and "the M23 rebels who seized Goma" says which rebels, as background.
fn antecedent_of_relative(tokens: &[Token], actor_end: usize, verb: usize, lw: &LangWords) -> bool {
    let Some([comma, relative, rest @ ..]) = tokens.get(actor_end..verb) else { return false };
    &*comma.text == ","
        && lw.relatives.contains(&&*relative.upper)
        && rest.len() <= 3
        && rest.iter().all(|t| t.kind == TokenKind::Word && !lw.relatives.contains(&&*t.upper))
}

/// The actor owning a passive's subject ("La decisione *di Washington* è stata
/// criticata", "the decision *of Washington* was criticized"): right after an
/// of-word that follows a lower-case noun, and at most three words (the
/// auxiliary and an adverb) before the verb. With `article_after_of`, an
/// article may follow the of-word ("a member *of the* Syrian parliament").
fn possessor_subject(
    groups: &[ActorGroup],
    verb: usize,
    tokens: &[Token],
    objects: &[usize],
    lw: &LangWords,
    article_after_of: bool,
) -> Option<usize> {
    let (gi, g) = groups.iter().enumerate().rev().find(|(_, g)| g.end <= verb)?;
    // "of *the* Syrian parliament": an article may stand after the of-word;
    // "della", "del" are both, and then the of-word.
    let article = article_after_of
        && g.start
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .is_some_and(|t| lw.is_determiner(&t.upper) && !lw.of_words.contains(&&*t.upper));
    let before = g.start - usize::from(article);
    let of = before.checked_sub(1).and_then(|i| tokens.get(i))?;
    let noun = before.checked_sub(2).and_then(|i| tokens.get(i))?;
    // "Fuentes del Gobierno criticaron …": the sentence's first word is
    // capitalized whatever it is; a capital elsewhere marks a name (and in
    // German any noun, whose first place may hold the object).
    let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word) == Some(before - 2);
    let lower_initial = |t: &Token| t.text.chars().next().is_some_and(char::is_lowercase);
    let owned = lw.of_words.contains(&&*of.upper)
        && noun.kind == TokenKind::Word
        && (lower_initial(noun)
            || first_word && !lw.verb_second && noun.text.chars().skip(1).any(char::is_lowercase))
        && !lw.is_determiner(&noun.upper)
        && !lw.quantities.contains(&&*noun.upper);
    // "The head of NATO, Mark Rutte, met …": the comma that closes a name
    // set beside the owner stands before the verb.
    let appositive = tokens.get(g.start..g.end).is_some_and(|ts| ts.iter().any(|t| &*t.text == ","))
        && tokens.get(g.end).is_some_and(|t| &*t.text == ",");
    let gap = g.end + usize::from(appositive);
    let near = verb >= gap
        && verb - gap <= 3
        && tokens.get(gap..verb).is_some_and(|ts| ts.iter().all(|t| t.kind == TokenKind::Word));
    (owned && near && !objects.contains(&gi) && !opens_clause_between(tokens, g.end, verb, lw)).then_some(gi)
}

/// The subject: the nearest actor group before the verb that [`may_be_subject`].
fn subject_before(
    groups: &[ActorGroup],
    verb: usize,
    tokens: &[Token],
    objects: &[usize],
    target: Option<usize>,
    clause: ClauseContext,
    lw: &LangWords,
) -> Option<usize> {
    groups
        .iter()
        .enumerate()
        .rev()
        .find(|&g| may_be_subject(g, verb, tokens, objects, target, clause, lw))
        .map(|(gi, _)| gi)
}

/// [`subject_before`] as TABARI reads it: the first such actor of the clause,
/// not the nearest ("Gollum accompanying Radagast, the Brown wizard, called …").
fn first_subject_before(
    groups: &[ActorGroup],
    verb: usize,
    tokens: &[Token],
    objects: &[usize],
    target: Option<usize>,
    word_conj: &[usize],
    lw: &LangWords,
) -> Option<usize> {
    // TABARI knows no prepositions nor subordinate clauses: "… ties with
    // Gondor almost five years after crowds burned down …" is Gondor's.
    let eligible =
        |(gi, g): (usize, &ActorGroup)| g.end <= verb && Some(gi) != target && !objects.contains(&gi);
    // "… but Bree attacked Gondor": a subject after a clause-joining
    // conjunction comes first.
    let joined = (0..verb.min(tokens.len())).rev().find(|&i| joins_clauses(tokens, groups, word_conj, i, lw));
    let first_after = |from: usize| {
        groups.iter().enumerate().find(|&(gi, g)| g.start > from && eligible((gi, g))).map(|(gi, _)| gi)
    };
    joined
        .and_then(first_after)
        .or_else(|| groups.iter().enumerate().find(|&g| eligible(g)).map(|(gi, _)| gi))
}

/// Which clause of its sentence a token stands in, counted by the clause
/// boundaries before it: a semicolon, a word opening a subordinate clause,
/// or a coordinating conjunction that does not join actors.
fn clause_of(
    tokens: &[Token],
    groups: &[ActorGroup],
    word_conj: &[usize],
    at: usize,
    lw: &LangWords,
    tabari: bool,
) -> usize {
    tokens
        .get(..at)
        .unwrap_or(tokens)
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            let word = &*t.upper;
            word == ";"
                || (!tabari && lw.subordinator_at(tokens, i))
                || joins_clauses(tokens, groups, word_conj, i, lw)
        })
        .count()
}

/// Conjunctions that open a second predicate of the same subject: "ha condannato
/// l'attacco e ha chiesto all'Iran", "condemned the strike and urged Israel", "y
/// luego pidió". A conjunction outside every actor is one when an auxiliary or a
/// verb (`verbs`: those with a code of their own, not a noun's entry such as
/// "droni" in "missili e droni") follows it, or an auxiliary after one lower-case
/// word ("e poi ha chiesto", "e gli ha chiesto"; a verb there may be a noun: "and
/// medical supplies"; not in German, whose verb may end a clause of nouns: "auf
/// Motorräder und Whiskey beschlossen"). No pattern gap or matched phrase of the
/// first predicate reaches past one, nor its object, unless it judges or threatens an
/// act whose author the second names ("condenó el lanzamiento y pidió a Pionyang …")
/// or is a place both predicates share ("incendiaron neumáticos y levantaron
/// barricadas en las calles de Puerto Príncipe").
fn predicate_breaks(
    tokens: &[Token],
    groups: &[ActorGroup],
    verbs: &[(usize, usize, u32, bool)],
    word_conj: &[usize],
    lw: &LangWords,
) -> SmallVec<[usize; 2]> {
    let in_group = |i: usize| groups.iter().any(|g| i >= g.start && i < g.end);
    let predicate_at = |i: usize| {
        !in_group(i)
            && (tokens.get(i).is_some_and(|t| lw.is_auxiliary(&t.upper)) || verbs.iter().any(|v| v.0 == i))
    };
    // "y la Policía detuvo": a new subject and its verb after the conjunction,
    // an object clitic perhaps between ("y la policía los dispersó").
    let clitic = |i: usize| tokens.get(i).is_some_and(|t| lw.is_object_pronoun(&t.upper));
    let subject_then_predicate = |i: usize| {
        let at = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|t| lw.is_determiner(&t.upper)));
        groups
            .iter()
            .any(|g| g.start == at && (predicate_at(g.end) || clitic(g.end) && predicate_at(g.end + 1)))
    };
    // "and again threatened", "y luego ha pedido": adverbs before the verb.
    let adverbs_then_predicate = |i: usize| {
        !lw.verb_second
            && (i + 2..=i + 3).any(|v| {
                predicate_at(v)
                    && tokens.get(i + 1..v).is_some_and(|ts| {
                        ts.iter().all(|t| t.kind == TokenKind::Word && lw.is_adverb(&t.upper))
                    })
                    && !(i + 1..v).any(in_group)
            })
    };
    // "… into law as unions call a general strike": a word that may open a
    // clause does when a subject and its predicate follow.
    let opener = |i: usize| {
        tokens.get(i).is_some_and(|t| lw.clause_openers.contains(&&*t.upper))
            && !in_group(i)
            && subject_then_predicate(i)
    };
    (0..tokens.len())
        .filter(|&i| opener(i) || joins_clauses(tokens, groups, word_conj, i, lw))
        .filter(|&i| {
            predicate_at(i + 1)
                || subject_then_predicate(i)
                || adverbs_then_predicate(i)
                || !lw.verb_second
                    && tokens.get(i + 1).is_some_and(|t| {
                        t.text.chars().next().is_some_and(char::is_lowercase)
                            && t.text.chars().all(char::is_alphabetic)
                            && !in_group(i + 1)
                            && !lw.is_determiner(&t.upper)
                    })
                    && tokens.get(i + 2).is_some_and(|t| lw.perfect_aux.contains(&&*t.upper))
        })
        .collect()
}

/// Whether token `i` is a coordinating conjunction that joins clauses: one
/// that joins neither actors ("Arnor and Gondor") nor two of the
/// dictionary's nouns or adjectives ("awful and evil").
fn joins_clauses(
    tokens: &[Token],
    groups: &[ActorGroup],
    word_conj: &[usize],
    i: usize,
    lw: &LangWords,
) -> bool {
    tokens.get(i).is_some_and(|t| lw.coordinators.contains(&&*t.upper))
        && !groups.iter().any(|g| i >= g.start && i < g.end)
        && !word_conj.contains(&i)
}

/// Whether a clause boundary stands between an actor and a later verb, so
/// the actor cannot be the verb's subject: "Arnor restored ties after crowds
/// burned its embassy". A relative pronoun right after the actor keeps it:
/// "Gondor, which attacked Mordor". One that is also an article (German "der",
/// "die", "das") opens a clause only after a comma, as German writes every
/// relative clause: in "Dobrindt lobte die Haltung und kritisierte Warschau"
/// it is the object's article.
fn opens_clause_between(tokens: &[Token], actor_end: usize, verb: usize, lw: &LangWords) -> bool {
    let Some(between) = tokens.get(actor_end..verb) else { return true };
    between.iter().enumerate().any(|(k, t)| {
        let word = &*t.upper;
        let relative = lw.relatives.contains(&word)
            && (!lw.is_determiner(word) || k.checked_sub(1).is_some_and(|p| &*between[p].text == ","));
        word == ";"
            || (lw.subordinator_at(tokens, actor_end + k) && !(lw.relatives.contains(&word) && k == 0))
            || (relative && between[..k].iter().any(|b| b.kind == TokenKind::Word))
    })
}

/// A quote that opens the sentence and its speaker named right after it:
/// '"…", ha detto Khamenei', '«…», afirmó el canciller', '"…," Khamenei
/// said'. Returns the closing quote mark and the speaker's group.
fn quote_speaker(groups: &[ActorGroup], tokens: &[Token], lw: &LangWords) -> Option<(usize, usize)> {
    let (close, at) = opening_quote(tokens)?;
    Some((close, speaker_at(groups, tokens, at, lw)?))
}

/// The closing mark of a quote that opens the sentence, and where the
/// words after it begin (past a comma).
fn opening_quote(tokens: &[Token]) -> Option<(usize, usize)> {
    let quote = |i: usize| tokens.get(i).is_some_and(|t| is_quote_mark(&t.text));
    if !quote(0) {
        return None;
    }
    let close = (1..tokens.len()).find(|&i| quote(i))?;
    let at = close + 1;
    let at = if tokens.get(at).is_some_and(|t| &*t.text == ",") { at + 1 } else { at };
    Some((close, at))
}

/// The speaker named right after the verb at `verb` when only a comma and
/// auxiliaries part the verb from a quote that opens the sentence ('«…», a
/// salué le président français', '«…», si è congratulato il ministro'), with
/// the first actor inside the quote.
fn speaker_after_quote(
    groups: &[ActorGroup],
    tokens: &[Token],
    verb: (usize, usize),
    lw: &LangWords,
) -> Option<(usize, Option<usize>)> {
    const AUXILIARIES: usize = 2;
    let (close, at) = opening_quote(tokens)?;
    let auxiliary = |t: &Token| {
        let w = &*t.upper;
        lw.perfect_aux.contains(&w) || lw.passive_aux.contains(&w) || lw.reflexives.contains(&w)
    };
    let between = tokens.get(at..verb.0)?;
    if between.len() > AUXILIARIES || !between.iter().all(auxiliary) {
        return None;
    }
    let speaker = group_after_articles(groups, tokens, verb.1, lw)?;
    let quoted = groups.iter().position(|g| g.end <= close);
    Some((speaker, quoted))
}

/// The speaker named at `at` with a verb of saying: "ha detto Khamenei",
/// "teilte Mexikos Präsidentin Claudia Sheinbaum mit", "Khamenei said".
fn speaker_at(groups: &[ActorGroup], tokens: &[Token], at: usize, lw: &LangWords) -> Option<usize> {
    let upper = |i: usize| tokens.get(i).map_or("", |t| &*t.upper);
    let saying = |i: usize| {
        let mut i = i;
        while lw.perfect_aux.contains(&upper(i)) && i < at + 2 {
            i += 1;
        }
        lw.reporting.contains(&upper(i)).then_some(i + 1)
    };
    let starts_at = |from: usize| group_after_articles(groups, tokens, from, lw);
    match saying(at) {
        Some(after) => starts_at(after),
        None => {
            let g = starts_at(at)?;
            saying(groups.get(g)?.end)?;
            Some(g)
        }
    }
}

/// The speaker of a German reported-speech clause ending at `from`, named
/// after a comma that follows it: "Er werde Macron treffen, *sagte Merz*".
fn trailing_speaker(groups: &[ActorGroup], tokens: &[Token], from: usize, lw: &LangWords) -> Option<usize> {
    let comma = (from..tokens.len()).find(|&i| tokens.get(i).is_some_and(|t| &*t.text == ","))?;
    speaker_at(groups, tokens, comma + 1, lw)
}

/// The actor group starting at `from`, past articles only.
fn group_after_articles(
    groups: &[ActorGroup],
    tokens: &[Token],
    from: usize,
    lw: &LangWords,
) -> Option<usize> {
    groups.iter().position(|g| {
        g.start >= from
            && tokens.get(from..g.start).is_some_and(|ts| ts.iter().all(|t| lw.is_determiner(&t.upper)))
    })
}

/// The subject of a verb of saying or judging coordinated after what a
/// speaker said: "Sánchez aseguró que los españoles están con Palestina y
/// exigió a Israel …", "Tajani ha detto che l'Italia è pronta e ha chiesto a
/// Israele …", "the minister said 400 protesters had been arrested and
/// accused the PTI leadership": the speaker demands and accuses, not the
/// reported clause's subject. Outside English the verb must match the
/// speaker's in form (the same auxiliary, or the same last letter), which
/// the reported clause's own verbs seldom do ("dijo que Rusia atacó Kiev y
/// acusó …" stays Russia's).
fn speaker_of_coordinated_verb(
    tokens: &[Token],
    groups: &[ActorGroup],
    found: &[Found],
    verb: usize,
    current: Option<usize>,
    lw: &LangWords,
) -> Option<usize> {
    let upper = |i: usize| tokens.get(i).map_or("", |t| &*t.upper);
    let aux = |i: usize| lw.perfect_aux.contains(&upper(i)) || lw.auxiliaries.contains(&upper(i));
    let own_aux = verb.checked_sub(1).filter(|&i| aux(i));
    let conjunction = own_aux.unwrap_or(verb).checked_sub(1)?;
    if !lw.coordinators.contains(&upper(conjunction)) {
        return None;
    }
    let said =
        found.iter().rev().find(|f| f.verb.1 <= conjunction && (f.statement || says_or_judges(&f.code)))?;
    let speaker = said.source?;
    let speaker_group = groups.get(speaker)?;
    let between = tokens.get(said.verb.1..conjunction)?;
    let reported_subject =
        current.and_then(|g| groups.get(g)).is_none_or(|g| g.start >= said.verb.1 && g.end <= conjunction);
    if speaker_group.end > said.verb.0
        || !reported_subject
        || between.iter().any(|t| matches!(&*t.text, ";" | ":" | "." | "\"" | "«" | "»"))
        || !between.iter().any(|t| t.kind == TokenKind::Word)
    {
        return None;
    }
    let said_aux = said.verb.0.checked_sub(1).filter(|&i| aux(i));
    let same_form = match (said_aux, own_aux) {
        (Some(a), Some(b)) => upper(a) == upper(b),
        (None, None) => upper(said.verb.0).chars().last() == upper(verb).chars().last(),
        _ => false,
    };
    (lw.code == "en" || same_form).then_some(speaker)
}

/// Whether a verb says or judges something (a statement, an appeal, a
/// demand, a complaint, a rejection or a threat): such verbs may follow what
/// they report, with their subject after them.
/// Whether a code asks another side to act or promises to: an appeal (`02`),
/// an intent (`03`), a demand (`10`) or a threat (`13`). What it asks for
/// has not happened.
fn asks_for_an_act(code: &CodeSpec) -> bool {
    root_of(code).is_some_and(|r| matches!(r, "02" | "03" | "10" | "13"))
}

/// The CAMEO root of a code, of the first of a pair.
fn root_of(code: &CodeSpec) -> Option<&str> {
    match code {
        CodeSpec::Single(c) | CodeSpec::Paired(c, _) => c.get(..2),
        CodeSpec::Null => None,
    }
}

fn says_or_judges(code: &CodeSpec) -> bool {
    matches!(code, CodeSpec::Single(_))
        && root_of(code).is_some_and(|r| matches!(r, "01" | "02" | "10" | "11" | "12" | "13"))
}

/// "Israele commette un genocidio a Gaza, ha accusato Erdogan", '"No
/// negociaremos", afirmó Netanyahu', "…, sagte Scholz": a verb of saying
/// right after a comma or a closing quote, with one actor after it ending
/// the clause, has that actor for subject; the clause before is what was
/// said, and its first actor (not a place) is the target.
///
/// The clause before must hold a verb and must not open with a preposition
/// or a subordinator: in "Dopo la riunione, ha criticato Macron" the actor
/// after the verb is its object.
fn inverted_subject(
    groups: &[ActorGroup],
    verbs: &[(usize, usize, u32, bool)],
    (start, end): (usize, usize),
    tokens: &[Token],
    lw: &LangWords,
) -> Option<(usize, Option<usize>)> {
    let text = |i: usize| tokens.get(i).map_or("", |t| &*t.text);
    let upper = |i: usize| tokens.get(i).map_or("", |t| &*t.upper);
    let quote = |i: usize| is_quote_mark(text(i));
    // "Macron a parlé lundi, accusant Moscou": a gerund's subject is the
    // main clause's; the actor after it is its object.
    if lw.is_gerund(upper(start)) {
        return None;
    }
    // The verb's auxiliary ("ha accusato", "a déclaré") stands in its place.
    let mut at = start;
    while at > 0 && start - at < 2 && lw.perfect_aux.contains(&upper(at - 1)) {
        at -= 1;
    }
    let boundary = at.checked_sub(1)?;
    if !(text(boundary) == "," || quote(boundary)) {
        return None;
    }
    // The reported clause: back to the sentence's start or a full stop.
    let said_from =
        (0..boundary).rev().find(|&i| matches!(text(i), "." | ";" | ":" | "!" | "?")).map_or(0, |i| i + 1);
    let opening = (said_from..boundary).find(|&i| !quote(i))?;
    let quoted = (said_from..boundary).any(quote);
    // "Lavrov, in una conferenza stampa a Mosca, ha accusato l'Occidente":
    // the part before the verb's comma is an aside, and so is not what was said.
    let last_part = (said_from..boundary).rev().find(|&i| text(i) == ",").map_or(opening, |c| c + 1);
    let adverbial = |i: usize| lw.subordinators.contains(&upper(i)) || lw.is_preposition(upper(i));
    if !quoted && (adverbial(opening) || adverbial(last_part)) {
        return None;
    }
    let words = tokens.get(said_from..boundary)?.iter().filter(|t| t.kind == TokenKind::Word).count();
    // "Israele sta commettendo un genocidio": a clause opening with an actor
    // has its verb, whether or not the dictionary knows it.
    let opening_group = group_after_articles(groups, tokens, opening, lw).and_then(|g| groups.get(g));
    // Not one set off by a comma: "Annalena Baerbock, die Schwester von
    // Peter, kritisierte Moskau" has an apposition, not a clause, before the verb.
    let opens_with_actor = opening_group
        .is_some_and(|g| g.start < boundary && tokens.get(g.end).is_none_or(|t| &*t.text != ","));
    // "El presidente argentino, Javier Milei, criticó al Gobierno chileno":
    // an actor named up to the comma is the subject in apposition, not a
    // reported clause.
    // So is one whose name the dictionaries lack: "Le chef de l'armée
    // népalaise, le général Sigdel, a appelé …".
    let named_up_to_comma = |g: &ActorGroup| {
        tokens.get(g.end..boundary).is_some_and(|name| {
            name.len() <= 3 && name.iter().all(|t| t.kind == TokenKind::Word && has_upper_initial(&t.text))
        })
    };
    if !quoted && opening_group.is_some_and(named_up_to_comma) {
        return None;
    }
    // "Le ministre israélien de la Défense, Israël Katz, a menacé …": an actor
    // whose name, set off by commas, ends the part before the verb.
    let named_in_apposition = last_part > opening
        && group_after_articles(groups, tokens, last_part, lw)
            .and_then(|g| groups.get(g))
            .is_some_and(|g| g.start >= last_part && g.end == boundary);
    if !quoted && opens_with_actor && named_in_apposition {
        return None;
    }
    let has_verb = quoted
        || opens_with_actor
        || verbs.iter().any(|&(s, e, _, noun)| !noun && s >= said_from && e <= boundary)
        || (said_from..boundary).any(|i| {
            let w = upper(i);
            lw.perfect_aux.contains(&w) || lw.passive_aux.contains(&w) || lw.reporting.contains(&w)
        });
    if words < 3 && !quoted || !has_verb {
        return None;
    }
    // The subject: the first actor after the verb, past articles only.
    let subject = group_after_articles(groups, tokens, end, lw)?;
    let group = groups.get(subject)?;
    // Nothing but places and adverbs until the clause ends.
    let clause_end = (group.end..tokens.len())
        .find(|&i| matches!(text(i), "," | "." | ";" | ":" | "!" | "?"))
        .unwrap_or(tokens.len());
    // "ha detto Zelensky ai giornalisti" names whom he told; "ha accusato
    // l'Occidente di voler prolungare la guerra" an object and its charge.
    let more_actors = groups.iter().any(|g| {
        g.start >= group.end
            && g.start < clause_end
            && !preceded_by_preposition(tokens, g.start, lw)
            && !g.actors.iter().all(|a| is_place_after_locative(tokens, a, lw))
    });
    let more_verbs = verbs.iter().any(|&(s, _, _, noun)| !noun && s >= group.end && s < clause_end)
        || (group.end..clause_end).any(|i| lw.infinitive_at(tokens, i));
    if more_actors || more_verbs {
        return None;
    }
    let about = groups.iter().position(|g| {
        g.start >= said_from
            && g.end <= boundary
            && !g.actors.iter().all(|a| is_place_after_locative(tokens, a, lw))
    });
    Some((subject, about))
}

/// "Gollum, centre of a row between Radagast and Gandalf, called on Gondor":
/// an actor opening the sentence and set off by a comma is the subject of the
/// first verb after the aside.
fn appositive_subject(groups: &[ActorGroup], verb: usize, tokens: &[Token], lw: &LangWords) -> Option<usize> {
    let first = groups.first()?;
    let opens = tokens.get(..first.start).is_some_and(|ts| ts.iter().all(|t| lw.is_determiner(&t.upper)));
    let comma = tokens.get(first.end).is_some_and(|t| &*t.text == ",");
    // "Ucraina, Zelensky incontra Meloni": an actor right after the comma and
    // no aside closing before the verb make the opening actor a headline's
    // topic, and the actor after it the subject.
    // So too past an article: "Au Canada, le chef conservateur Pierre
    // Poilievre a reproché …".
    let topic = groups.get(1).is_some_and(|g| {
        group_after_articles(groups, tokens, first.end + 1, lw) == Some(1)
            && g.end <= verb
            && tokens.get(g.end..verb).is_some_and(|ts| !ts.iter().any(|t| &*t.text == ","))
    });
    (opens && comma && !topic && first.end < verb).then_some(0)
}

/// The object: the first actor after the verb within its clause (a comma or
/// semicolon ends the clause: "crowds burned its embassy, a Bree official said").
fn first_group_after(
    groups: &[ActorGroup],
    verb_end: usize,
    tokens: &[Token],
    lw: &LangWords,
) -> Option<usize> {
    // "withdrew its troops from Syria": the subject's own troops are not the
    // target when an actor follows them.
    let owned = |g: &ActorGroup| {
        g.actors.iter().all(|a| a.code.starts_with('~'))
            && tokens[g.start.saturating_sub(1)..g.start].iter().any(|t| lw.possessives.contains(&&*t.upper))
    };
    // "ha incontrato a Roma la sua omologa": a place after a locative
    // preposition is where, not whom, when an actor follows it.
    let locative = |g: &ActorGroup| lw.locative_before(tokens, g.start);
    // "ha abbandonato il tavolo al Mimit sulla crisi dell'ex Ilva": after "al"
    // only a direct object makes the place a where.
    let dative = |g: &ActorGroup, next: &ActorGroup| {
        g.start
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .is_some_and(|t| lw.dative_locatives.contains(&&*t.upper))
            && preceded_by_preposition(tokens, next.start, lw)
    };
    let first = groups.iter().position(|g| g.start >= verb_end)?;
    let g = match groups.get(first + 1) {
        Some(next) if owned(&groups[first]) && next.start <= groups[first].end + 3 => first + 1,
        Some(next)
            if locative(&groups[first])
                && !dative(&groups[first], next)
                && next.start <= groups[first].end + 3
                && tokens
                    .get(groups[first].end..next.start)
                    .is_some_and(|ts| !ts.iter().any(|t| matches!(&*t.text, ";" | "." | ":" | ","))) =>
        {
            first + 1
        }
        _ => first,
    };
    let start = groups[g].start;
    // A comma, a semicolon or an adverbial clause ("demanded elections after a
    // court cleared him", "attacked while Mordor watched") ends the verb's clause.
    // German "als" compares there ("tötete mehr als 30 Palästinenser").
    let crosses = (verb_end..start).any(|i| {
        tokens.get(i).is_some_and(|t| {
            matches!(&*t.text, ";" | ",")
                || (lw.opens_adverbial_clause(&t.upper) && lw.subordinator_at(tokens, i))
        })
    });
    (!crosses).then_some(g)
}

/// What stands for the object when the first actor after the verb is among
/// the words a pattern matched.
enum PhraseObject {
    /// The actor itself.
    Same,
    /// The first actor after this token.
    After(usize),
    /// The place read together with the role.
    Place(ActorGroup),
}

/// Whether the first actor after the verb, `object`, is really part of the
/// pattern's phrase:
/// * "pledged military aid to war-torn Mozambique": a bare role that a
///   pattern word follows ("military aid") modifies it; the object comes
///   after the phrase.
/// * "deployed troops in Ukraine", "ha schierato truppe in Ucraina": the
///   troops a deployment or withdrawal pattern names are the subject's own,
///   and the place they were read with is the target, as a country.
fn object_past_phrase(
    groups: &[ActorGroup],
    object: usize,
    caps: &patterns::Captures,
    code: &CodeSpec,
    tokens: &[Token],
    lw: &LangWords,
) -> PhraseObject {
    let Some(g) = groups.get(object) else { return PhraseObject::Same };
    let end = caps.extent.1;
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word);
    let modifies = g.end < end
        && g.actors.iter().all(|a| a.code.starts_with('~'))
        && word(g.end).is_some_and(|t| {
            !lw.is_determiner(&t.upper) && !lw.of_words.contains(&&*t.upper) && !lw.is_preposition(&t.upper)
        });
    if modifies {
        return PhraseObject::After(end);
    }
    let moves_troops = match code {
        CodeSpec::Single(c) => c.starts_with("15") || c.starts_with("087") || c.starts_with("033"),
        _ => false,
    };
    let [actor] = g.actors.as_slice() else { return PhraseObject::Same };
    let joined_by_place =
        word(end).is_some_and(|t| lw.locatives.contains(&&*t.upper) || lw.of_words.contains(&&*t.upper));
    if !(moves_troops
        && joined_by_place
        && g.start < end
        && end < g.end
        && actor.code.get(3..) == Some("MIL"))
    {
        return PhraseObject::Same;
    }
    let Some(country) = actor.code.get(..3) else { return PhraseObject::Same };
    let place_start = (end..g.end).find(|&i| {
        word(i).is_some_and(|t| {
            !lw.of_words.contains(&&*t.upper)
                && !lw.is_determiner(&t.upper)
                && !lw.locatives.contains(&&*t.upper)
        })
    });
    match place_start {
        Some(start) => PhraseObject::Place(ActorGroup {
            start,
            end: g.end,
            actors: vec![actors::Actor::new(country.to_string(), start, g.end)],
        }),
        None => PhraseObject::Same,
    }
}

fn char_span(tokens: &[Token], start: usize, end: usize) -> Span {
    match (tokens.get(start), end.checked_sub(1).and_then(|e| tokens.get(e))) {
        (Some(a), Some(b)) => [a.span.0, b.span.1],
        _ => [0, 0],
    }
}

fn span_text(tokens: &[Token], start: usize, end: usize, sentence: &str) -> String {
    let [s, e] = char_span(tokens, start, end);
    dyad_text::char_slice(sentence, s, e).to_string()
}

fn actor_ref(tokens: &[Token], actor: Option<&actors::Actor>, sentence: &str) -> ActorRef {
    match actor {
        None => ActorRef::unknown(),
        Some(a) => {
            let span = char_span(tokens, a.start, a.end);
            let text = span_text(tokens, a.start, a.end, sentence);
            ActorRef {
                refers_to: a.implied_text.clone().filter(|t| !t.is_empty()),
                ..ActorRef::from_code(&a.code, &text, span)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_lexicon::foreign;

    fn coder() -> Coder {
        let mut lexicon =
            foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\nMORDOR [ORC]\nBREE [BRE]\n", "t.actors");
        lexicon.extend(foreign::parse_verbs(
            "ACCUSED [112]\nATTACKED [190]\nPARADE [017]\nATTEND [031!]\nSHOULD [101]\n\
             - SUGGESTED * APPLY CONVENTIONS [151]\n",
            "t.verbs",
        ));
        Coder::new(&lexicon)
    }

    fn codes(coder: &Coder, text: &str) -> Vec<(String, String, String)> {
        let doc = dyad_text::TextPipeline::new().process(text, None, Some(dyad_text::Lang::En));
        coder
            .code_document(&doc, &ArticleMeta::new("t", None))
            .events
            .into_iter()
            .map(|e| (e.source.code, e.target.code, e.cameo))
            .collect()
    }

    fn want(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        rows.iter().map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string())).collect()
    }

    #[test]
    fn by_clause_codes_the_first_verb_of_each_clause() {
        let mut coder = coder();
        let text = "Arnor attacked Gondor on Monday, accused Mordor on Tuesday, but Bree attacked Mordor.";
        assert_eq!(
            codes(&coder, text),
            want(&[("ARN", "GON", "190"), ("ARN", "ORC", "112"), ("BRE", "ORC", "190")])
        );
        coder.set_code_by(CodeBy::Clause);
        assert_eq!(codes(&coder, text), want(&[("ARN", "GON", "190"), ("BRE", "ORC", "190")]));
        // "and" inside an actor phrase parts no clause.
        assert_eq!(
            codes(&coder, "Arnor and Bree attacked Gondor on Monday, accused Mordor on Tuesday."),
            want(&[("ARN", "GON", "190"), ("BRE", "GON", "190")])
        );
    }

    #[test]
    fn tabari_takes_the_first_actor_of_the_clause() {
        let mut coder = coder();
        let text = "Arnor believes that Gondor accused Mordor.";
        assert_eq!(codes(&coder, text), want(&[("GON", "ORC", "112")]));
        let after = "Arnor attacked Mordor after the talks with Gondor ended.";
        coder.set_tabari(true);
        // TABARI knows no subordinate clauses: the source is the sentence's
        // first actor, prepositions and "that" notwithstanding.
        assert_eq!(codes(&coder, text), want(&[("ARN", "ORC", "112")]));
        assert_eq!(codes(&coder, after), want(&[("ARN", "ORC", "190")]));
        // With nothing after the verb, the target is the clause's other actor.
        assert_eq!(codes(&coder, "Arnor believes that Gondor accused."), want(&[("ARN", "GON", "112")]));
        // A clause after "but" has a subject of its own.
        assert_eq!(
            codes(&coder, "Arnor believes that Gondor accused Mordor but Bree attacked Gondor."),
            want(&[("ARN", "ORC", "112"), ("BRE", "GON", "190")])
        );
        // A pronoun is the actor it stands for, where it stands.
        assert_eq!(
            codes(&coder, "Arnor attacked Bree and then it accused Mordor."),
            want(&[("ARN", "BRE", "190"), ("ARN", "ORC", "112")])
        );
    }

    #[test]
    fn tabari_joins_nouns_and_adjectives_not_clauses() {
        let mut lexicon = foreign::parse_actors(
            "<NOUN>\nSHEEP\nGOATS\n</NOUN>\n<ADJECTIVE>\nAWFUL\nEVIL\n</ADJECTIVE>\nARNOR [ARN]\nGONDOR [GON]\n\
             MORDOR [ORC]\n",
            "t.actors",
        );
        lexicon.extend(foreign::parse_verbs("ATTACKED [190]\n", "t.verbs"));
        let mut coder = Coder::new(&lexicon);
        coder.set_tabari(true);
        // "and" between two nouns or two adjectives joins words: Arnor's phrase goes on.
        assert_eq!(
            codes(&coder, "Arnor's sheep and goats of Gondor attacked Mordor."),
            want(&[("ARN", "ORC", "190")])
        );
        assert_eq!(
            codes(&coder, "Arnor's awful and evil envoy attacked Mordor."),
            want(&[("ARN", "ORC", "190")])
        );
        // Elsewhere it opens a clause, whose first actor is the source.
        assert_eq!(
            codes(&coder, "Arnor's sheep and pigs of Gondor attacked Mordor."),
            want(&[("GON", "ORC", "190")])
        );
    }

    #[test]
    fn a_subordinate_code_yields_to_any_other_event() {
        let mut lexicon = foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\nMORDOR [ORC]\n", "t.actors");
        lexicon.extend(foreign::parse_verbs("SAID [023?]\nATTACKED [190]\n", "t.verbs"));
        let coder = Coder::new(&lexicon);
        assert_eq!(codes(&coder, "Arnor said Gondor attacked Mordor."), want(&[("GON", "ORC", "190")]));
        assert_eq!(codes(&coder, "Arnor said to Gondor."), want(&[("ARN", "GON", "023")]));
    }

    #[test]
    fn no_actor_prior_makes_a_sentence_too_complex() {
        let mut lexicon = foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\nMORDOR [ORC]\n", "t.actors");
        lexicon.extend(foreign::parse_verbs("REBUKED [121]\nACCORD [---]\nATTACKED [190]\n", "t.verbs"));
        lexicon.options = foreign::parse_options("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\n");
        let mut coder = Coder::new(&lexicon);
        coder.set_tabari(true);
        assert_eq!(codes(&coder, "Rebuked by Arnor, Gondor attacked Mordor."), want(&[]));
        // A verb coded null is no verb here.
        assert_eq!(codes(&coder, "On accord Gondor attacked Mordor."), want(&[("GON", "ORC", "190")]));
        // A pronoun stands for an actor.
        assert_eq!(
            codes(&coder, "Arnor attacked Gondor. It attacked Mordor."),
            want(&[("ARN", "GON", "190"), ("ARN", "ORC", "190")])
        );
        lexicon.options.no_actor_prior = false;
        let mut coder = Coder::new(&lexicon);
        coder.set_tabari(true);
        assert!(!codes(&coder, "Rebuked by Arnor, Gondor attacked Mordor.").is_empty());
    }

    #[test]
    fn tabari_gives_a_role_to_the_first_actor_of_a_list() {
        let mut lexicon =
            foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\nMORDOR [ORC]\nBREE [BRE]\n", "t.actors");
        lexicon.extend(foreign::parse_agents("AMBASSADORS [~GOV]\n", "t.agents"));
        lexicon.extend(foreign::parse_verbs("ATTACKED [190]\n", "t.verbs"));
        let mut coder = Coder::new(&lexicon);
        let text = "The ambassadors of Arnor, Gondor and Bree attacked Mordor.";
        assert_eq!(
            codes(&coder, text),
            want(&[("ARNGOV", "ORC", "190"), ("GONGOV", "ORC", "190"), ("BREGOV", "ORC", "190")])
        );
        coder.set_tabari(true);
        assert_eq!(
            codes(&coder, text),
            want(&[("ARNGOV", "ORC", "190"), ("GON", "ORC", "190"), ("BRE", "ORC", "190")])
        );
    }

    #[test]
    fn an_underscore_in_the_text_joins_words() {
        let mut lexicon = foreign::parse_actors("ARNOR [ARN]\nPRINCE DOL_AMROTH [DOL]\n", "t.actors");
        lexicon.extend(foreign::parse_verbs("ATTACKED [190]\n", "t.verbs"));
        let coder = Coder::new(&lexicon);
        assert_eq!(codes(&coder, "Arnor attacked the Prince of Dol_Amroth."), want(&[("ARN", "DOL", "190")]));
        assert_eq!(codes(&coder, "Arnor attacked the Prince of Dol Amroth."), want(&[("ARN", "DOL", "190")]));
    }

    /// The tokenizer parts "Minas-Tirith" at the hyphen (two capitalised
    /// words) but keeps "Orc-led" whole; a name with a hyphen matches either
    /// way, and a hyphen between two names pairs them as "and" does.
    #[test]
    fn a_hyphen_joins_a_name_and_pairs_two_names() {
        let actors = "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nMINAS-TIRITH [MTR]\nORC-LED [ORC]\n";
        let mut lexicon = foreign::parse_actors(actors, "t.actors");
        lexicon.extend(foreign::parse_verbs("ATTACKED [190]\nSUMMIT [---]\n- % *  [036]\n", "t.verbs"));
        let coder = Coder::new(&lexicon);
        assert_eq!(codes(&coder, "Arnor attacked Minas-Tirith."), want(&[("ARN", "MTR", "190")]));
        assert_eq!(codes(&coder, "Orc-led forces attacked Arnor."), want(&[("ORC", "ARN", "190")]));
        let pair = want(&[("GON", "MOR", "036"), ("MOR", "GON", "036")]);
        assert_eq!(codes(&coder, "The Gondor and Mordor summit."), pair);
        assert_eq!(codes(&coder, "The Gondor-Mordor summit."), pair);
        // A dash set off by spaces pairs nothing.
        assert_ne!(codes(&coder, "Gondor - Mordor summit."), pair);
    }

    #[test]
    fn tabari_takes_the_side_a_pattern_leaves_from_the_clause() {
        let mut lexicon = foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\nMORDOR [ORC]\n", "t.actors");
        lexicon.extend(foreign::parse_verbs(
            "SHOT [223]\n- + WAS * DEAD [224]\nWARN [160]\n- $ ^ FOR * [164]\n",
            "t.verbs",
        ));
        let mut coder = Coder::new(&lexicon);
        let shot = "A Gondorian was shot dead in Mordor.";
        let warned = "Arnor was Gondor for Mordor warning.";
        assert_eq!(codes(&coder, shot), want(&[]));
        assert_eq!(codes(&coder, warned), want(&[]));
        coder.set_tabari(true);
        // The pattern names the target; the source is the clause's first actor left.
        assert_eq!(codes(&coder, shot), want(&[("ORC", "GON", "224")]));
        // The pattern names the source and passes over Gondor; Mordor is left.
        assert_eq!(codes(&coder, warned), want(&[("ARN", "ORC", "164")]));
    }

    #[test]
    fn a_verb_parts_a_coordinated_group() {
        let coder = coder();
        // "or accused" is no modifier of a list "Bree or … Gondor".
        assert_eq!(
            codes(&coder, "Arnor attacked Bree or accused Gondor but Mordor attacked Bree."),
            want(&[("ARN", "BRE", "190"), ("ARN", "GON", "112"), ("ORC", "BRE", "190")])
        );
    }

    #[test]
    fn tabari_discards_on_a_discard_actor() {
        let mut lexicon = foreign::parse_actors("ARNOR [ARN]\nGONDOR [GON]\nNASGUL [###]\n", "t.actors");
        lexicon.extend(foreign::parse_verbs("ATTACKED [190]\n", "t.verbs"));
        let mut coder = Coder::new(&lexicon);
        let text = "Arnor attacked Gondor as the Nasgul watched.";
        assert_eq!(codes(&coder, text), want(&[("ARN", "GON", "190")]));
        coder.set_tabari(true);
        assert_eq!(codes(&coder, text), want(&[]));
    }

    #[test]
    fn comma_clauses_of_the_given_length_are_left_out() {
        let mut coder = coder();
        let text = "Arnor, angry at Gondor, attacked Bree on Monday.";
        coder.set_comma(Some(CommaClauses::TABARI));
        assert_eq!(codes(&coder, text), want(&[("ARN", "BRE", "190")]));
        // Too short to be left out: "Gondor" stays and is no subject.
        let short = CommaClauses { inside: (4, 10), ..CommaClauses::TABARI };
        coder.set_comma(Some(short));
        assert_eq!(codes(&coder, text), want(&[("ARN", "BRE", "190")]));
        // A closing clause after an odd comma goes.
        coder.set_comma(Some(CommaClauses::TABARI));
        assert_eq!(codes(&coder, "Arnor met envoys, and Bree attacked Mordor."), want(&[]));
    }

    #[test]
    fn a_dominant_code_is_the_only_event() {
        let coder = coder();
        assert_eq!(
            codes(&coder, "Arnor accused Gondor while Bree would attend talks with Mordor."),
            want(&[("BRE", "ORC", "031")])
        );
    }

    #[test]
    fn the_subject_stands_before_a_pattern_that_begins_before_the_verb() {
        let coder = coder();
        assert_eq!(
            codes(&coder, "Arnor suggested Gondor should apply conventions in its dealings with Mordor."),
            want(&[("ARN", "ORC", "151")])
        );
    }
}
