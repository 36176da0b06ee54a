//! The in-memory dictionary model every loader produces and the coder reads.
//!
//! Loaders (dyad's own format, TABARI, PETRARCH) all produce the same
//! [`Lexicon`]; the coder never knows which file format an entry came from,
//! only the [`RuleRef`] that lets it explain itself.
//!
//! Words are stored upper-cased (the way TABARI and PETRARCH write them);
//! lemma matchers are stored lower-cased (the way lemma tables write them).

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

/// Where an entry came from: the file, the line, and the entry as written.
///
/// This is what an event's `evidence.rule` shows, so that a user can open
/// the dictionary at the line that produced the event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleRef {
    /// The dictionary file name (or `builtin:<name>` for embedded dictionaries).
    pub file: Arc<str>,
    /// 1-based line number of the entry.
    pub line: u32,
    /// The entry as written, trimmed, comments removed.
    pub text: Box<str>,
}

impl fmt::Display for RuleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.text)
    }
}

/// How one dictionary word matches one token.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WordMatcher {
    /// The token's upper-cased text must equal this (TABARI: word followed by `_`).
    Exact(Box<str>),
    /// The token's upper-cased text must start with this (TABARI: a bare word is a stem).
    Stem(Box<str>),
    /// The token's lemma (lower-cased) must equal this (dyad's own format).
    Lemma(Box<str>),
}

impl WordMatcher {
    /// The key text of the matcher, whatever its kind.
    pub fn key(&self) -> &str {
        match self {
            WordMatcher::Exact(s) | WordMatcher::Stem(s) | WordMatcher::Lemma(s) => s,
        }
    }
}

/// One word of a [`Phrase`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PhraseWord {
    /// How the word matches a token.
    pub matcher: WordMatcher,
    /// `true` when other tokens may stand between this word and the next
    /// (TABARI: words separated by a space); `false` when the next word must
    /// follow immediately (TABARI: words joined by `_`). Ignored on the last word.
    pub gap_after: bool,
}

/// A sequence of words naming an actor, agent, verb form or discard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Phrase {
    /// The words in order; never empty in a loaded lexicon.
    pub words: Vec<PhraseWord>,
}

/// An event code as written in a dictionary: CAMEO (`"064"`, `"0831"`), or
/// whatever a validation dictionary uses (`"075A"`, WEIS codes). Kept as text.
pub type CodeText = Box<str>;

/// What a verb or pattern codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeSpec {
    /// `[---]`: no event by itself (a pattern must supply the code).
    Null,
    /// `[064]`: one event, source → target.
    Single(CodeText),
    /// `[032:033]`: two events, source → target with the first code, and
    /// target → source with the second.
    Paired(CodeText, CodeText),
}

/// A dictionary-internal identifier of a [`Synset`]: its index in [`Lexicon::synsets`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SynsetId(pub u32);

/// A named set of alternative phrases (`&CURRENCY`), usable inside patterns
/// and inside other synsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// The name without the leading `&` (`"CURRENCY"`).
    pub name: Box<str>,
    /// The members; each is a pattern fragment without a verb marker.
    pub members: Vec<Vec<PatternToken>>,
    /// Where it was defined.
    pub rule: RuleRef,
}

/// What one element of a verb pattern matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternItem {
    /// `*`: the verb itself. Exactly one per pattern.
    Verb,
    /// A literal word.
    Word(WordMatcher),
    /// `&NAME`: any member of a synset.
    Synset(SynsetId),
    /// `{ A | B C }` (TABARI): any of the alternatives.
    Alternatives(Vec<Vec<PatternToken>>),
    /// `$`: the source actor is found here.
    Source,
    /// `+`: the target actor is found here.
    Target,
    /// `%`: a compound actor, source and target at once.
    Compound,
    /// `^`: an actor that stands here and is passed over: neither source nor
    /// target ("celebrated Iftar in ^Osgiliath with +Gondor").
    SkipActor,
}

/// One element of a verb pattern with its connection to the next element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternToken {
    /// What it matches.
    pub item: PatternItem,
    /// `true` when tokens may stand between this element and the next.
    pub gap_after: bool,
}

/// A verb pattern: words before and after the verb that select a more
/// specific code (`- * DIPLOMATIC TIES [064]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbPattern {
    /// The elements in sentence order, including exactly one [`PatternItem::Verb`].
    pub tokens: Vec<PatternToken>,
    /// The code the pattern gives.
    pub code: CodeSpec,
    /// Where it was written.
    pub rule: RuleRef,
}

/// A verb (or a block of synonymous verbs) with its default code and patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbEntry {
    /// Every surface form that triggers this entry, as phrases (a compound
    /// verb such as `LEFT_FOR` is a two-word phrase). Loaders put the regular
    /// inflections here too (`RESTORE`, `RESTORES`, `RESTORED`, `RESTORING`).
    pub forms: Vec<Phrase>,
    /// The code when no pattern matches.
    pub code: CodeSpec,
    /// Patterns, most specific first as written.
    pub patterns: Vec<VerbPattern>,
    /// Where the entry (its head line) was written.
    pub rule: RuleRef,
}

/// A date interval during which an actor code applies. `None` is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// First day the code applies (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day the code applies (inclusive).
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// Whether `date` lies in the interval.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// One code of an actor, with the dates it applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code as written (`"USAGOV"`, `"---"` for an actor with no code).
    pub code: CodeText,
    /// When it applies; an undated code is the fallback.
    pub valid: DateRange,
}

/// An actor: names (a primary name and its synonyms) and dated codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    /// The names that refer to this actor.
    pub names: Vec<Phrase>,
    /// The codes; the dated one that contains the article date wins,
    /// otherwise the first undated one.
    pub codes: Vec<DatedCode>,
    /// The offices a person held, from the line's `# @office` tag: what a
    /// later "the prime minister" in the same article can refer to.
    pub offices: Vec<OfficeTerm>,
    /// Where it was written.
    pub rule: RuleRef,
}

/// One office a person held over a term ("HOG@ITA 2022-10-22..").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeTerm {
    /// The office: `HOS`, `HOG`, `FM`, `DM`, `NSA`, `VP`, `SG` or `PRES`
    /// (see [`OFFICES`]).
    pub office: CodeText,
    /// The state or organisation (`ITA`, `IGOEEC`).
    pub org: CodeText,
    /// The term.
    pub valid: DateRange,
}

/// The offices an `# @office` tag and an `[offices]` entry may name: head of
/// state, head of government, foreign minister, defence minister, national
/// security adviser, vice president, head of an international organisation,
/// president of the European Council.
pub const OFFICES: &[&str] = &["HOS", "HOG", "FM", "DM", "NSA", "VP", "SG", "PRES"];

/// A role noun that names one office ("premier", "Bundeskanzler"), so that
/// "la premier" after "Giorgia Meloni" is the person who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeNoun {
    /// The names, each a whole role phrase as the agents dictionary has it.
    pub names: Vec<Phrase>,
    /// The offices it may name (`"canciller"`: a foreign minister, or
    /// Germany's head of government).
    pub offices: Vec<CodeText>,
    /// The states or organisations whose office it names; empty for any
    /// ("cancelliere" is Germany's or Austria's head of government only).
    pub orgs: Vec<CodeText>,
    /// The states or organisations whose office it never names ("premier"
    /// is not Germany's chancellor).
    pub except_orgs: Vec<CodeText>,
    /// Where it was written.
    pub rule: RuleRef,
}

/// An agent (a role such as `POLICE [~COP]`) that attaches to an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentEntry {
    /// The names, plural forms included.
    pub names: Vec<Phrase>,
    /// The agent code as written: `"~COP"` appends to the actor's code,
    /// `"COP~"` prefixes it.
    pub code: CodeText,
    /// Where it was written.
    pub rule: RuleRef,
}

/// Whether a discard phrase drops the sentence or the whole story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardScope {
    /// The sentence produces no events.
    Sentence,
    /// The whole article produces no events (`+` in PETRARCH discard files).
    Story,
}

/// A phrase whose presence means the text is not political news (sports,
/// weather).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    /// The phrase.
    pub phrase: Phrase,
    /// What it drops.
    pub scope: DiscardScope,
    /// Where it was written.
    pub rule: RuleRef,
}

/// Options from a TABARI `.options` file (or dyad flags) that change coding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodingOptions {
    /// Emit events whose source or target is unknown (TABARI default: no).
    pub allow_missing_actor: bool,
    /// Maximum number of tokens that a gap in a phrase or pattern may span.
    pub max_gap: usize,
    /// Read a capital that is the subject of an event as its government ("Ankara
    /// criticized Israel": TURGOV), as dyad's own dictionaries mean their capitals.
    /// Off for TABARI and PETRARCH dictionaries, whose capitals code as written.
    pub capitals_as_government: bool,
    /// Give a side named only by its role ("police", "protesters") a
    /// country, as dyad's own dictionaries mean their agents: the country of
    /// the place the sentence says the event happened in ("Police arrested
    /// protesters in Tirana": ALBCOP, ALBCVL), else that of the event's other
    /// side ("Iranian authorities pressured workers": IRNLAB). An event
    /// between two roles that find no country is not coded. Off for TABARI
    /// and PETRARCH dictionaries, whose suites expect agent-only codes.
    pub roles_take_country: bool,
    /// A role governing an actor whose code already says more than a country
    /// (an organisation, or a country with a role) keeps that code: the
    /// commander of Hamas is Hamas (`PSEREB`, not `PSEREBMIL`), a delegation
    /// of the Houthis `YEMREB`. Off for TABARI and PETRARCH dictionaries,
    /// whose suites stack roles (`GONGMO` + `~OPP` = `GONGMOOPP`).
    pub roles_keep_specific_codes: bool,
    /// A people counted by a quantity are its civilians: "thousands of
    /// Israelis", "migliaia di israeliani", "decenas de miles de chilenos"
    /// code `ISRCVL`, `CHLCVL`, not the state. Off for TABARI and PETRARCH
    /// dictionaries.
    pub counted_people_are_civilians: bool,
    /// An event that needs no recipient and names none (a protest, a strike,
    /// a curfew) happened at home: its target is the source's country
    /// ("Brazilian truckers blocked roads": `BRALAB` → `BRA`). Off for TABARI
    /// and PETRARCH dictionaries, whose suites code no such events.
    pub domestic_events_at_home: bool,
    /// Two different actors that share a code make an event: a mayor who
    /// criticizes the government (`ESPGOV` → `ESPGOV`), a governor suing the
    /// federal administration. Off for TABARI and PETRARCH dictionaries, whose
    /// suites drop an actor acting on itself.
    pub domestic_pairs: bool,
    /// An attack (190) by one politician or political office on another is
    /// criticism (111): "Meloni attacca Schlein", "Trump attacked the Fed".
    /// Off for TABARI and PETRARCH dictionaries.
    pub political_attacks_are_verbal: bool,
    /// A plain statement (CAMEO `010`, "make statement, not specified
    /// below": "X said that …") is no event: what matters is in the reported
    /// clause, which is coded on its own. PLOVER has no statement category,
    /// and careful coders of whole articles list none. The other `01` codes
    /// (decline comment, optimism, denial, condolences) stay, and `010` still
    /// tells the coder that a verb reports, so that the reported event wins.
    /// Off for TABARI and PETRARCH dictionaries, whose suites code statements.
    pub plain_statements_are_no_events: bool,
    /// A meeting, talks, a phone call or a negotiation (CAMEO `040`, `041`,
    /// `044`, `046`) is an act of both sides: "Meloni ha incontrato Macron"
    /// codes `ITAGOV` → `FRAGOV` and `FRAGOV` → `ITAGOV`, as CAMEO codes a
    /// meeting and as "Meloni e Macron si sono incontrati" already did. Visits
    /// and hosting (`042`, `043`) stay one way. Off for TABARI and PETRARCH
    /// dictionaries, whose suites expect the one event the verb's subject makes.
    pub meetings_are_mutual: bool,
    /// An actor of a state acting on that bare state is no event in the
    /// kinds of act addressed to another side (statements, appeals,
    /// consultations, cooperation, aid, demands, disapproval): "France's
    /// foreign ministry called for the protection of French interests" names
    /// no recipient. dyad's blind-labelled dev articles had none right (0 of
    /// 53). Intents, rejections, threats, yielding, protests, coercion and
    /// violence may concern one's own country and stay. Off for TABARI and
    /// PETRARCH dictionaries.
    pub own_country_is_no_target: bool,
    /// The country whose press writes the dictionary's language, when one
    /// does overwhelmingly (Italian: `ITA`). Roles alone in an article that
    /// has named no state yet are that country's: "Il governo ha convocato i
    /// sindacati" is `ITAGOV` → `ITALAB`, as an Italian reader takes it.
    /// `None` for languages written across many states, and for TABARI and
    /// PETRARCH dictionaries.
    pub home_country: Option<String>,
    /// TABARI's `COMPLEX: … NOACTPRIOR`: a sentence whose first coded verb has
    /// no actor before it is too complex to code.
    pub no_actor_prior: bool,
    /// The language of the dictionary's words (ISO 639-1, as dyad's own files
    /// declare it with `@language`): the coder splits them as that language's
    /// tokenizer splits text, so that an Italian or French entry with an
    /// elided article ("Consiglio d'Europa", "ministro dell'Interno") meets
    /// the tokens the text has. `None` (TABARI and PETRARCH files): English.
    pub language: Option<String>,
}

impl Default for CodingOptions {
    fn default() -> Self {
        CodingOptions {
            allow_missing_actor: false,
            max_gap: 6,
            capitals_as_government: false,
            roles_take_country: false,
            roles_keep_specific_codes: false,
            counted_people_are_civilians: false,
            domestic_events_at_home: false,
            domestic_pairs: false,
            political_attacks_are_verbal: false,
            plain_statements_are_no_events: false,
            meetings_are_mutual: false,
            own_country_is_no_target: false,
            home_country: None,
            no_actor_prior: false,
            language: None,
        }
    }
}

/// How many entries of each kind were loaded; printed by `dyad` at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadStats {
    /// Verb entries (blocks).
    pub verbs: usize,
    /// Verb surface forms, generated inflections included.
    pub verb_forms: usize,
    /// Verb patterns.
    pub patterns: usize,
    /// Synsets.
    pub synsets: usize,
    /// Actor entries.
    pub actors: usize,
    /// Actor names (primary names and synonyms).
    pub actor_names: usize,
    /// Dated or undated actor codes.
    pub actor_codes: usize,
    /// Agent entries.
    pub agents: usize,
    /// Agent names, plurals included.
    pub agent_names: usize,
    /// Discard phrases.
    pub discards: usize,
    /// Words forced to be nouns or adjectives (TABARI `<NOUN>`/`<ADJECTIVE>`).
    pub forced_words: usize,
    /// Lines that could not be understood and were skipped, with a warning.
    pub skipped_lines: usize,
}

impl fmt::Display for LoadStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "verbs={} verb_forms={} patterns={} synsets={} actors={} actor_names={} actor_codes={} \
             agents={} agent_names={} discards={} forced_words={} skipped_lines={}",
            self.verbs,
            self.verb_forms,
            self.patterns,
            self.synsets,
            self.actors,
            self.actor_names,
            self.actor_codes,
            self.agents,
            self.agent_names,
            self.discards,
            self.forced_words,
            self.skipped_lines
        )
    }
}

/// A problem found while loading a dictionary that did not stop the load:
/// the line was skipped or read in a documented, lenient way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadWarning {
    /// The file.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Everything the coder needs to know about words: verbs, actors, agents,
/// discards. Built by the loaders, read by the coder.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Verb entries.
    pub verbs: Vec<VerbEntry>,
    /// Synsets, indexed by [`SynsetId`].
    pub synsets: Vec<Synset>,
    /// Actor entries.
    pub actors: Vec<ActorEntry>,
    /// Agent entries.
    pub agents: Vec<AgentEntry>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Role nouns that name one office.
    pub office_nouns: Vec<OfficeNoun>,
    /// Words that are never verbs here (TABARI `<NOUN>` section).
    pub nouns: Vec<Phrase>,
    /// Words that are adjectives, never verbs (TABARI `<ADJECTIVE>` section).
    pub adjectives: Vec<Phrase>,
    /// Coding options.
    pub options: CodingOptions,
    /// Warnings from loading.
    pub warnings: Vec<LoadWarning>,
}

impl Lexicon {
    /// Counts the entries of each kind.
    pub fn stats(&self) -> LoadStats {
        LoadStats {
            verbs: self.verbs.len(),
            verb_forms: self.verbs.iter().map(|v| v.forms.len()).sum(),
            patterns: self.verbs.iter().map(|v| v.patterns.len()).sum(),
            synsets: self.synsets.len(),
            actors: self.actors.len(),
            actor_names: self.actors.iter().map(|a| a.names.len()).sum(),
            actor_codes: self.actors.iter().map(|a| a.codes.len()).sum(),
            agents: self.agents.len(),
            agent_names: self.agents.iter().map(|a| a.names.len()).sum(),
            discards: self.discards.len(),
            forced_words: self.nouns.len() + self.adjectives.len(),
            skipped_lines: self.warnings.len(),
        }
    }

    /// Adds every entry of `other` to `self`, renumbering `other`'s synsets.
    pub fn extend(&mut self, other: Lexicon) {
        let offset = u32::try_from(self.synsets.len()).unwrap_or(u32::MAX);
        let renumber = |tokens: &mut Vec<PatternToken>| renumber_synsets(tokens, offset);
        let mut verbs = other.verbs;
        for verb in &mut verbs {
            for pattern in &mut verb.patterns {
                renumber(&mut pattern.tokens);
            }
        }
        let mut synsets = other.synsets;
        for synset in &mut synsets {
            for member in &mut synset.members {
                renumber(member);
            }
        }
        self.verbs.extend(verbs);
        self.synsets.extend(synsets);
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.discards.extend(other.discards);
        self.office_nouns.extend(other.office_nouns);
        self.nouns.extend(other.nouns);
        self.adjectives.extend(other.adjectives);
        self.warnings.extend(other.warnings);
    }
}

fn renumber_synsets(tokens: &mut [PatternToken], offset: u32) {
    for token in tokens {
        match &mut token.item {
            PatternItem::Synset(id) => id.0 += offset,
            PatternItem::Alternatives(alts) => {
                for alt in alts {
                    renumber_synsets(alt, offset);
                }
            }
            _ => {}
        }
    }
}
