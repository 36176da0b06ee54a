//! Actor recognition: dictionary mentions, agents attached to their actors,
//! and coordinated actors grouped into one slot.

use chrono::NaiveDate;
use dyad_lexicon::{ActorEntry, AgentEntry, DatedCode, OfficeTerm, PhraseWord};
use dyad_text::{Token, TokenKind};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use crate::discourse::NOT_STATES;
use crate::index::{is_inner_hyphen, Keyed, PhraseIndex, Vocab};
use crate::lang::LangWords;
use crate::offices::Office;

/// One resolved actor inside a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Actor {
    /// The code; empty for a known actor without code (`[---]`).
    pub(crate) code: String,
    /// First and last token (exclusive) naming it.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether the dictionary entry is a person (it has codes bounded by dates).
    pub(crate) person: bool,
    /// For an actor resolved from earlier in the article ("the two
    /// ministers", a pronoun, a dropped subject): the words that named it
    /// there. The tokens `start..end` are then the words that refer to it.
    pub(crate) implied_text: Option<String>,
    /// The offices a person holds on the article's date ("Giorgia Meloni":
    /// head of Italy's government), which later role nouns refer back to.
    pub(crate) offices: Vec<Office>,
    /// A noun naming an earlier act that stands for whoever did it.
    pub(crate) points_back: Option<PointsBack>,
}

/// What a noun that stands for an earlier act's author names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PointsBack {
    /// A violent act ("condemned *the attack*"), standing for whoever struck:
    /// its words name an actor now, and a pattern's words no longer match them.
    Attack,
    /// A decision, request, accusation or sanctions ("criticó *las medidas*"),
    /// standing for their author: what is said of it is said to that author,
    /// so it is never the one who says it; a pattern's words still match it
    /// ("rejected the accusations" is a denial).
    Words,
}

impl Actor {
    pub(crate) fn new(code: String, start: usize, end: usize) -> Actor {
        Actor { code, start, end, person: false, implied_text: None, offices: Vec::new(), points_back: None }
    }
}

/// Actors that fill one syntactic slot ("Arnor and Gondor").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActorGroup {
    pub(crate) actors: Vec<Actor>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Clone, Copy, Debug)]
enum MentionKind {
    Actor(u32),
    Agent(u32),
    /// A surname resolved to a dictionary person ("President *Mugabe*");
    /// `country_only` keeps just the person's country ("the *Bush* administration").
    Person {
        id: u32,
        country_only: bool,
    },
}

#[derive(Clone, Copy, Debug)]
struct Mention {
    kind: MentionKind,
    start: usize,
    end: usize,
}

/// The compiled actor and agent dictionaries.
#[derive(Debug, Default)]
pub(crate) struct ActorFinder {
    pub(crate) actors: PhraseIndex<u32>,
    pub(crate) agents: PhraseIndex<u32>,
    pub(crate) actor_codes: Vec<Vec<DatedCode>>,
    /// Per actor entry: whether it is a person (codes bounded by dates).
    pub(crate) person: Vec<bool>,
    /// Per person entry with an `# @office` tag: the offices and their terms.
    offices: FxHashMap<u32, Vec<OfficeTerm>>,
    pub(crate) agent_codes: Vec<Box<str>>,
    pub(crate) max_gap: usize,
    /// Surname (upper-cased last word of a person's full name) → the persons
    /// bearing it.
    surnames: FxHashMap<Box<str>, SmallVec<[u32; 2]>>,
    /// The words of the full names of the persons in `surnames`, to check a
    /// given name written before the surname ("President Omar al-Bashir").
    name_words: FxHashMap<u32, Vec<Box<str>>>,
    /// Persons who share a full name ("King Abdullah" of Saudi Arabia and of
    /// Jordan): the entry the name index finds → every entry with that name,
    /// in load order.
    homonyms: FxHashMap<u32, SmallVec<[u32; 2]>>,
    /// Per actor entry: the rank of the dictionary file it came from, in load
    /// order (the hand-written office holders come before the generated list).
    rank: Vec<u16>,
    /// [`dyad_lexicon::model::CodingOptions::roles_keep_specific_codes`].
    pub(crate) roles_keep_specific_codes: bool,
    /// [`dyad_lexicon::model::CodingOptions::counted_people_are_civilians`].
    pub(crate) counted_people_are_civilians: bool,
}

const POSSESSIVE: [&str; 2] = ["'S", "'"];

impl ActorFinder {
    /// Compiles actor and agent entries, consuming them so that their memory
    /// is freed as soon as each is compiled.
    pub(crate) fn new(
        vocab: &mut Vocab,
        actors: Vec<ActorEntry>,
        agents: Vec<AgentEntry>,
        max_gap: usize,
    ) -> ActorFinder {
        let mut finder = ActorFinder { max_gap, ..ActorFinder::default() };
        finder.actor_codes.reserve(actors.len());
        let mut files: Vec<std::sync::Arc<str>> = Vec::new();
        let is_person =
            |actor: &ActorEntry| actor.codes.iter().any(|c| c.valid.from.is_some() || c.valid.to.is_some());
        // Entries of persons who share a full name.
        let namesakes: Vec<SmallVec<[u32; 2]>> = {
            let mut persons_named: FxHashMap<&dyad_lexicon::Phrase, SmallVec<[u32; 2]>> =
                FxHashMap::default();
            for (i, actor) in actors.iter().enumerate().filter(|(_, a)| is_person(a)) {
                let id = u32::try_from(i).unwrap_or(u32::MAX);
                for name in &actor.names {
                    let ids = persons_named.entry(name).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            persons_named.into_values().filter(|ids| ids.len() > 1).collect()
        };
        // Persons listed by one word ("Meloni"), with that word.
        let mut single_names: Vec<(u32, Box<str>)> = Vec::new();
        for (i, actor) in actors.into_iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for name in &actor.names {
                finder.actors.insert(vocab, name, id);
            }
            let person = is_person(&actor);
            if person {
                for name in actor.names.iter().filter(|n| n.words.len() == 1) {
                    single_names.push((id, name.words[0].matcher.key().into()));
                }
                let mut indexed = false;
                for key in actor.names.iter().flat_map(|n| surname_keys(&n.words)) {
                    let ids = finder.surnames.entry(key).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                    indexed = true;
                }
                if indexed {
                    let words = actor
                        .names
                        .iter()
                        .flat_map(|n| n.words.iter())
                        .flat_map(|w| word_forms(w.matcher.key()))
                        .collect();
                    finder.name_words.insert(id, words);
                }
            }
            let rank = match files.iter().position(|f| *f == actor.rule.file) {
                Some(r) => r,
                None => {
                    files.push(actor.rule.file.clone());
                    files.len() - 1
                }
            };
            finder.rank.push(u16::try_from(rank).unwrap_or(u16::MAX));
            finder.person.push(person);
            if !actor.offices.is_empty() {
                finder.offices.insert(id, actor.offices);
            }
            finder.actor_codes.push(actor.codes);
        }
        for (i, agent) in agents.into_iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for name in &agent.names {
                finder.agents.insert(vocab, name, id);
            }
            finder.agent_codes.push(agent.code);
        }
        finder.share_offices(&namesakes, &single_names);
        for ids in namesakes {
            finder.homonyms.entry(ids[0]).or_insert(ids);
        }
        finder.actors.finish();
        finder.agents.finish();
        finder
    }

    /// A person a language file lists again, without the knowledge base's
    /// office tag ("Giorgia Meloni; Meloni" beside kb's "Giorgia Meloni"),
    /// holds the same offices: the entries share a full name, or the one-word
    /// name is the surname of exactly one tagged person, and their codes name
    /// the same country.
    fn share_offices(&mut self, namesakes: &[SmallVec<[u32; 2]>], single_names: &[(u32, Box<str>)]) {
        let country = |finder: &ActorFinder, id: u32| -> Option<String> {
            let codes = finder.actor_codes.get(id as usize)?;
            let dated = codes.iter().find(|c| c.valid.from.is_some() || c.valid.to.is_some())?;
            dated.code.get(..3).map(str::to_string)
        };
        let mut shared: Vec<(u32, u32)> = Vec::new();
        for ids in namesakes {
            let Some(&tagged) = ids.iter().find(|id| self.offices.contains_key(id)) else { continue };
            for &id in ids.iter().filter(|id| !self.offices.contains_key(id)) {
                shared.push((id, tagged));
            }
        }
        for (id, word) in single_names {
            if self.offices.contains_key(id) {
                continue;
            }
            let tagged: SmallVec<[u32; 2]> = self
                .surnames
                .get(word)
                .into_iter()
                .flatten()
                .copied()
                .filter(|t| self.offices.contains_key(t))
                .collect();
            if let [tagged] = tagged[..] {
                shared.push((*id, tagged));
            }
        }
        for (id, tagged) in shared {
            let own = country(self, id);
            if own.is_some() && own == country(self, tagged) {
                if let Some(terms) = self.offices.get(&tagged).cloned() {
                    self.offices.insert(id, terms);
                }
            }
        }
    }

    /// Whether an actor entry holds a dated code (a term of office) on `date`.
    fn in_office(&self, id: u32, date: Option<NaiveDate>) -> bool {
        date.is_some_and(|d| {
            self.actor_codes.get(id as usize).is_some_and(|codes| {
                codes.iter().any(|c| {
                    (c.valid.from.is_some() || c.valid.to.is_some())
                        && c.valid.contains(d)
                        && !is_null_code(&c.code)
                })
            })
        })
    }

    /// Of the persons sharing the name of entry `id`, the first in office on
    /// `date`: "King Abdullah" is Jordan's after Saudi Arabia's died in 2015.
    fn holder_of_name(&self, id: u32, date: Option<NaiveDate>) -> u32 {
        self.homonyms
            .get(&id)
            .and_then(|ids| ids.iter().copied().find(|&h| self.in_office(h, date)))
            .unwrap_or(id)
    }

    fn mentions(&self, sent: &Keyed<'_>, date: Option<NaiveDate>) -> Vec<Mention> {
        let tokens = sent.tokens;
        let mut out = Vec::new();
        let mut i = 0;
        // Actor names allow short gaps ("Al 'The Weasel' Gore"); a long gap is a coincidence.
        let gap = self.max_gap.min(4);
        while i < tokens.len() {
            if tokens[i].kind == TokenKind::Punct {
                i += 1;
                continue;
            }
            let state = |id: u32| crate::discourse::state_of(&self.actor_code(id, date)).is_some();
            let actor = self.actors.longest_at(sent, i, gap).filter(|a| {
                !(a.end == i + 1 && tokens.get(i).is_some_and(short_common_word) && state(*a.payload))
            });
            let agent = self.agents.longest_at(sent, i, gap);
            let pick = match (actor, agent) {
                (Some(a), Some(g)) if g.end > a.end => Some((MentionKind::Agent(*g.payload), g.end)),
                (Some(a), _) => Some((MentionKind::Actor(self.holder_of_name(*a.payload, date)), a.end)),
                (None, Some(g)) => Some((MentionKind::Agent(*g.payload), g.end)),
                (None, None) => None,
            };
            match pick {
                Some((kind, end)) => {
                    out.push(Mention { kind, start: i, end });
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether an actor named in the sentence is coded `###` on `date`
    /// (TABARI's discard code).
    pub(crate) fn discards(&self, sent: &Keyed<'_>, date: Option<NaiveDate>) -> bool {
        self.mentions(sent, date).iter().any(|m| match m.kind {
            MentionKind::Actor(id) => self.chosen_code(id, date).is_some_and(|c| c.code.trim() == "###"),
            _ => false,
        })
    }

    fn chosen_code(&self, id: u32, date: Option<NaiveDate>) -> Option<&DatedCode> {
        let codes = self.actor_codes.get(id as usize)?;
        let dated = date.and_then(|d| {
            codes.iter().find(|c| (c.valid.from.is_some() || c.valid.to.is_some()) && c.valid.contains(d))
        });
        // With no date the text is taken to be current: a term still open
        // ("from 2012", no end) outranks the undated code a person keeps out
        // of office ("President Putin" is RUSGOV, not RUSELI).
        let current = || {
            date.is_none()
                .then(|| codes.iter().find(|c| c.valid.from.is_some() && c.valid.to.is_none()))
                .flatten()
        };
        let undated = || codes.iter().find(|c| c.valid.from.is_none() && c.valid.to.is_none());
        dated.or_else(current).or_else(undated).or_else(|| codes.first())
    }

    fn actor_code(&self, id: u32, date: Option<NaiveDate>) -> String {
        match self.chosen_code(id, date) {
            Some(c) if !is_null_code(&c.code) => c.code.trim().to_string(),
            _ => String::new(),
        }
    }

    /// The person a surname refers to on `date`: among the persons bearing
    /// it, those in office on that date if any, from the earliest-loaded
    /// dictionary file among them; they must agree on the code (or, with
    /// `country_only`, on the country), or the surname stays unresolved.
    fn resolve_surname(&self, surname: &str, date: Option<NaiveDate>, country_only: bool) -> Option<u32> {
        let ids = self.surnames.get(surname)?;
        let office: SmallVec<[u32; 2]> = ids.iter().copied().filter(|&id| self.in_office(id, date)).collect();
        let pool = if office.is_empty() { ids.clone() } else { office };
        let rank = |id: u32| self.rank.get(id as usize).copied().unwrap_or(u16::MAX);
        let best = pool.iter().map(|&id| rank(id)).min()?;
        let mut pool = pool.into_iter().filter(|&id| rank(id) == best);
        let first = pool.next()?;
        let key = |id: u32| {
            let code = self.actor_code(id, date);
            if country_only {
                code.get(..3).map(str::to_string).unwrap_or_default()
            } else {
                code
            }
        };
        let code = key(first);
        let valid = code.len() >= 3 && !code.starts_with('~');
        (valid && pool.all(|id| key(id) == code)).then_some(first)
    }

    /// Adds the surnames the dictionaries know only as part of a full name,
    /// where the sentence marks them as names of office holders: after a title
    /// or role ("President Mugabe", "il presidente Macron", "el gobierno de
    /// Sánchez"), and before a government noun ("the Bush administration",
    /// "Mugabe's government"), where only the person's country counts.
    fn surname_mentions(
        &self,
        tokens: &[Token],
        mentions: &mut Vec<Mention>,
        date: Option<NaiveDate>,
        lw: &LangWords,
    ) {
        if self.surnames.is_empty()
            || !tokens.iter().any(|t| t.kind == TokenKind::Word && t.text.chars().any(char::is_lowercase))
        {
            return;
        }
        let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word).unwrap_or(0);
        let mut added = Vec::new();
        for (k, m) in mentions.iter().enumerate() {
            let MentionKind::Agent(ag) = m.kind else { continue };
            let next_start = mentions.get(k + 1).map_or(tokens.len(), |n| n.start);
            // A title, perhaps "of", then a name of up to four words ending in the
            // surname; the words before the surname must belong to the same person's
            // name ("President Omar al-Bashir", not "Judge Alejandro Rivera").
            let from =
                m.end + usize::from(tokens.get(m.end).is_some_and(|t| lw.of_words.contains(&&*t.upper)));
            let run_end = (from..next_start.min(from + 4))
                .take_while(|&j| {
                    tokens
                        .get(j)
                        .is_some_and(|t| name_like(t) || (j > from && NAME_PARTICLES.contains(&&*t.upper)))
                })
                .last()
                .map_or(from, |j| j + 1);
            let surname = run_end.checked_sub(1).filter(|&j| j >= from);
            let person = surname.and_then(|j| tokens.get(j)).filter(|t| name_like(t)).and_then(|t| {
                let id = self.resolve_surname(&t.upper, date, false)?;
                let words = self.name_words.get(&id)?;
                let given = tokens.get(from..run_end.saturating_sub(1)).unwrap_or(&[]);
                given
                    .iter()
                    .all(|g| NAME_PARTICLES.contains(&&*g.upper) || words.contains(&g.upper))
                    .then_some(id)
            });
            // "die französische Ministerin Blinken": a role that already has another
            // country is not this person's title.
            let country = |id: u32| self.actor_code(id, date).get(..3).map(str::to_string);
            let other_country =
                k.checked_sub(1).and_then(|p| mentions.get(p)).is_some_and(|p| match p.kind {
                    MentionKind::Actor(a) if p.end == m.start => {
                        person.is_some_and(|id| country(a).is_some_and(|c| Some(c) != country(id)))
                    }
                    _ => false,
                });
            if let Some(id) = person.filter(|_| !other_country) {
                added.push(Mention {
                    kind: MentionKind::Person { id, country_only: false },
                    start: from,
                    end: run_end,
                });
                continue;
            }
            if !self.agent_code(ag).contains("GOV") {
                continue;
            }
            // A government noun after a surname, perhaps possessive, that does not open the sentence.
            let prev_end = k.checked_sub(1).and_then(|p| mentions.get(p)).map_or(0, |p| p.end);
            let possessive =
                m.start > 0 && tokens.get(m.start - 1).is_some_and(|t| POSSESSIVE.contains(&&*t.upper));
            let Some(j) = m.start.checked_sub(1 + usize::from(possessive)) else { continue };
            let claimed = added.last().is_some_and(|a: &Mention| a.end > j);
            // "the Bush administration", not "the George Smith administration".
            let named_before =
                j > 0 && tokens.get(j - 1).is_some_and(|t| name_like(t) && !lw.is_determiner(&t.upper));
            // "Hamburg - Der Minister": a word that opens the body after a dateline's
            // dash, or an article, is capitalised for another reason than a name
            // (Taiwan's "Li Sush Der" made "Der Minister" TWNGOV).
            let opens_segment = j
                .checked_sub(1)
                .and_then(|b| tokens.get(b))
                .is_some_and(|t| t.kind == TokenKind::Punct && &*t.text != ",");
            let closed_class = tokens.get(j).is_some_and(|t| {
                lw.is_determiner(&t.upper) || lw.is_preposition(&t.upper) || lw.pronouns.contains(&&*t.upper)
            });
            if claimed
                || named_before
                || j < prev_end
                || j <= first_word
                || opens_segment
                || closed_class
                || !tokens.get(j).is_some_and(name_like)
            {
                continue;
            }
            if let Some(id) = tokens.get(j).and_then(|t| self.resolve_surname(&t.upper, date, true)) {
                added.push(Mention {
                    kind: MentionKind::Person { id, country_only: true },
                    start: j,
                    end: j + 1,
                });
            }
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.start);
        }
    }

    /// The offices held on `date` by the person named within tokens
    /// `start..end` ("the Italian premier *Giorgia Meloni*").
    fn offices_within(
        &self,
        mentions: &[Mention],
        start: usize,
        end: usize,
        date: Option<NaiveDate>,
    ) -> Vec<Office> {
        mentions
            .iter()
            .filter(|m| start <= m.start && m.end <= end)
            .find_map(|m| match m.kind {
                MentionKind::Actor(id) | MentionKind::Person { id, country_only: false } => {
                    self.offices.get(&id)
                }
                _ => None,
            })
            .map(|terms| crate::offices::held_on(terms, date))
            .unwrap_or_default()
    }

    fn agent_code(&self, id: u32) -> &str {
        self.agent_codes.get(id as usize).map(|c| c.trim()).unwrap_or("")
    }

    /// "funcionarios del Gobierno nicaragüense", "funzionari del governo
    /// nicaraguense": a role "of" a second role that a country adjective
    /// follows serves that owner (NICGOV); the code and where the owner ends.
    fn owner_after(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        i: usize,
        date: Option<NaiveDate>,
        lw: &LangWords,
    ) -> Option<(String, usize)> {
        let (m, owner, adjective) = (mentions.get(i)?, mentions.get(i + 1)?, mentions.get(i + 2)?);
        let MentionKind::Agent(owner_agent) = owner.kind else { return None };
        if !(owner.start > m.end && joins_agent_then_actor(tokens, m.end, (owner.start, owner.end), lw)) {
            return None;
        }
        let word = tokens
            .get(adjective.start)
            .filter(|_| adjective.start == owner.end && adjective.end == owner.end + 1)?;
        if !(word.text.chars().next().is_some_and(char::is_lowercase) && adjectival(word)) {
            return None;
        }
        let (codes, person) = self.named(adjective.kind, date)?;
        let country = codes.first().and_then(|c| c.get(..3)).filter(|c| !person && !c.starts_with('~'))?;
        Some((attach_agent(country, self.agent_code(owner_agent)), adjective.end))
    }

    /// The codes of an actor-like mention, and whether it names a person.
    fn named(&self, kind: MentionKind, date: Option<NaiveDate>) -> Option<(Vec<String>, bool)> {
        match kind {
            MentionKind::Agent(_) => None,
            MentionKind::Actor(id) => {
                Some((self.actor_codes(id, date), self.person.get(id as usize).copied().unwrap_or(false)))
            }
            MentionKind::Person { id, country_only: false } => Some((self.actor_codes(id, date), true)),
            MentionKind::Person { id, country_only: true } => {
                let code = self.actor_code(id, date);
                Some((vec![code.get(..3).unwrap_or("").to_string()], false))
            }
        }
    }

    /// Finds actors and groups them into slots.
    pub(crate) fn groups(
        &self,
        sent: &Keyed<'_>,
        date: Option<NaiveDate>,
        lw: &LangWords,
        tabari: bool,
    ) -> Vec<ActorGroup> {
        let tokens = sent.tokens;
        let keep = self.roles_keep_specific_codes;
        let mut mentions = self.mentions(sent, date);
        self.surname_mentions(tokens, &mut mentions, date, lw);
        if !tabari && !lw.verb_second {
            // "Defence Secretary Tom King", "Martin Luther King": a one-word role
            // right after a capitalised word that names nothing is a surname.
            // German capitalises every noun, so this says nothing there.
            let named = |i: usize| mentions.iter().any(|m| m.start <= i && i < m.end);
            // So is a one-word organisation after a first name that follows a
            // comma, a conjunction, a role or another name: "la ministra
            // Thérèse Kayikwamba Wagner", "…, Kayikwamba Wagner e …" is no
            // Wagner Group, "On Monday Hamas" and "Iran-aligned Houthis" are
            // the groups. Not in a Title Case headline ("Trump Meets Putin").
            let title_case = crate::title_case(tokens);
            let after_name_context = |first: usize| {
                let hyphenated = tokens.get(first).is_some_and(|t| t.text.contains('-'));
                let opens_name = first.checked_sub(1).is_some_and(|b| {
                    tokens.get(b).is_some_and(|t| {
                        matches!(&*t.text, "," | "(")
                            || lw.coordinators.contains(&&*t.upper)
                            || named(b)
                            || name_like(t) && !lw.is_preposition(&t.upper) && !lw.is_determiner(&t.upper)
                    })
                });
                !hyphenated && opens_name
            };
            let organisation = |m: &Mention| {
                !title_case
                    && m.start.checked_sub(1).is_some_and(after_name_context)
                    && matches!(m.kind, MentionKind::Actor(_))
                    && self
                        .named(m.kind, date)
                        .is_some_and(|(codes, _)| codes.iter().all(|c| c.len() > 3 && !c.starts_with('~')))
            };
            let surnames: Vec<usize> = mentions
                .iter()
                .filter(|m| {
                    (matches!(m.kind, MentionKind::Agent(_)) || organisation(m)) && m.end == m.start + 1
                })
                .filter(|m| m.start > 1 && !named(m.start - 1) && first_name_before(tokens, m.start, lw))
                .map(|m| m.start)
                .collect();
            mentions.retain(|m| !surnames.contains(&m.start));
        }
        let mut actors: Vec<Actor> = Vec::new();
        // Agents governing a list ("the ambassadors of Arnor, Osgiliath and Gondor",
        // "lawmakers and officials in Fornost and Gondor") apply to every actor of the list.
        let mut distributed: Option<(Vec<String>, usize)> = None;
        let mut i = 0;
        while i < mentions.len() {
            let m = mentions[i];
            let next = mentions.get(i + 1).copied();
            let (mut codes, mut start, mut end, mut consumed, mut person): (
                Vec<String>,
                usize,
                usize,
                usize,
                bool,
            );
            match (m.kind, self.named(m.kind, date)) {
                (MentionKind::Agent(ag), _) => {
                    let agent = self.agent_code(ag);
                    // "die beiden Minister Moskau …": roles summed up by a number are
                    // the actors named before; a place right after them is another slot.
                    let counted = m
                        .start
                        .checked_sub(1)
                        .and_then(|i| tokens.get(i))
                        .is_some_and(|t| lw.number_word(&t.upper).is_some());
                    // "su homólogo de Portugal": another government's office.
                    let m_is_counterpart = tokens
                        .get(m.start..m.end)
                        .is_some_and(|ts| ts.iter().any(|t| lw.is_counterpart(&t.upper)));
                    let joined = next.and_then(|n| self.named(n.kind, date).map(|named| (n, named))).filter(
                        |(n, (_, named_person))| {
                            // … but a lower-case country adjective after the role is
                            // its own ("due diplomatici tedeschi", "deux soldats français").
                            let post_adjective = n.start == m.end
                                && n.end == n.start + 1
                                && tokens.get(n.start).is_some_and(|t| {
                                    t.text.chars().next().is_some_and(char::is_lowercase) && adjectival(t)
                                });
                            (!counted || n.start != m.end || *named_person || post_adjective)
                                && (joins_agent_then_actor(tokens, m.end, (n.start, n.end), lw)
                                    && !(n.start > m.end
                                        && owned_by_subject(tokens, m.start, lw)
                                        && !m_is_counterpart)
                                    || adjective_after_modifiers(tokens, m.end, n.start, n.end, lw))
                        },
                    );
                    if let Some((n, (actor_codes, named_person))) = joined {
                        // Undated text: "President Dina Boluarte" was written during
                        // her last term, even if it has ended since.
                        let actor_codes = match date {
                            None if named_person => self.last_term_codes(n.kind).unwrap_or(actor_codes),
                            _ => actor_codes,
                        };
                        // "the foreign minister of Gondor", "Foreign Minister Telemar",
                        // "la polizia antisommossa turca"
                        // "die Außenminister Deutschlands, Frankreichs und Polens": a
                        // German genitive list right after the role is one too.
                        let genitive_list = lw.verb_second
                            && n.start == m.end
                            && n.end
                                .checked_sub(1)
                                .and_then(|i| tokens.get(i))
                                .is_some_and(|t| t.upper.ends_with('S'))
                            && tokens
                                .get(n.end)
                                .is_some_and(|t| &*t.text == "," || lw.coordinators.contains(&&*t.upper));
                        let over_list = n.start > m.end
                            && joins_agent_then_actor(tokens, m.end, (n.start, n.end), lw)
                            || genitive_list;
                        let mut agents = vec![agent.to_string()];
                        start = m.start;
                        if over_list {
                            // "Lawmakers and officials in Fornost": bare roles coordinated before
                            // this one govern the same actors.
                            while let Some(prev) = actors.last() {
                                let bare = prev.code.starts_with('~') && prev.implied_text.is_none();
                                // Not a role that opens the sentence after a preposition:
                                // "Dall'opposizione, il leader del M5s …".
                                if !(bare
                                    && coordinated(tokens.get(prev.end..start).unwrap_or(&[]), lw)
                                    && !opens_after_preposition(tokens, prev, lw))
                                {
                                    break;
                                }
                                start = prev.start;
                                agents.insert(0, prev.code.clone());
                                actors.pop();
                            }
                        }
                        codes = agents
                            .iter()
                            .flat_map(|a| actor_codes.iter().map(move |c| role_of(c, a, named_person, keep)))
                            .collect();
                        end = n.end;
                        consumed = 2;
                        person = named_person;
                        // TABARI gives the role to the first actor of the list only
                        // (its DEMO-08: "The ambassadors of Arnor, Osgiliath and Gondor").
                        distributed = (over_list && !tabari).then_some((agents, n.end));
                        // A role before and a role after the actor: "An MSF Arnor
                        // diplomat" stacks them; in "a spokesman for the Syrian
                        // government" the second names the owner the first serves.
                        if let Some(Mention { kind: MentionKind::Agent(ag2), start: s2, end: e2 }) =
                            mentions.get(i + 2).copied()
                        {
                            let adjacent = n.start == m.end;
                            if s2 == n.end && !named_person && (adjacent || keep) {
                                let agent2 = self.agent_code(ag2);
                                codes = if adjacent {
                                    codes.iter().map(|c| attach_agent(c, agent2)).collect()
                                } else {
                                    actor_codes
                                        .iter()
                                        .map(|c| role_of(&attach_agent(c, agent2), agent, named_person, keep))
                                        .collect()
                                };
                                end = e2;
                                consumed = 3;
                            }
                        }
                    } else if let Some((code, owner_end)) = self.owner_after(tokens, &mentions, i, date, lw) {
                        codes = vec![code];
                        start = m.start;
                        end = owner_end;
                        consumed = 3;
                        person = false;
                    } else {
                        // "Danish media and government": a bare agent coordinated with an
                        // actor that has a country takes that country.
                        let inherited = actors.last().filter(|a| {
                            !a.code.starts_with('~')
                                && a.code.len() >= 3
                                && coordinated(tokens.get(a.end..m.start).unwrap_or(&[]), lw)
                        });
                        let base = inherited.map(|a| a.code.get(..3).unwrap_or("").to_string());
                        codes = vec![attach_agent(base.as_deref().unwrap_or(""), agent)];
                        start = m.start;
                        end = m.end;
                        consumed = 1;
                        person = false;
                    }
                }
                (_, named) => {
                    let (actor_codes, named_person) = named.unwrap_or_default();
                    start = m.start;
                    person = named_person;
                    match next {
                        // "Gondor police", "Ithilen's awful and evil minister", "French paper
                        // workers", "the Bush administration"
                        Some(Mention { kind: MentionKind::Agent(ag), start: s, end: e })
                            if joins_actor_then_agent(tokens, m.end, s, lw, tabari)
                                || !tabari && agent_after_modifiers(tokens, m.end, s, lw) =>
                        {
                            let agent = self.agent_code(ag);
                            // "a Hezbollah commander" is Hezbollah, as "the commander of
                            // Hezbollah" is (see `role_of`); "a U.N. envoy" stays IGOUNOGOV.
                            let specific = |c: &str| {
                                keep && !named_person
                                    && c.len() > 3
                                    && c.get(..3).is_some_and(|k| !NOT_STATES.contains(&k))
                            };
                            codes = actor_codes
                                .iter()
                                .map(|c| {
                                    if specific(c) {
                                        c.clone()
                                    } else {
                                        institution_of(c, agent, named_person)
                                    }
                                })
                                .collect();
                            person = named_person && !agent.contains("GOV");
                            end = e;
                            consumed = 2;
                            // "In Nigeria uomini armati hanno rapito …": after a
                            // locative the place says where the role is from, and
                            // the role alone is the phrase that may act.
                            if !tabari && s == m.end && lw.locative_before(tokens, m.start) {
                                start = s;
                            }
                        }
                        // "Russia's U.N. envoy", "the Chinese UN ambassador": a state's
                        // diplomat at an organisation is the state's, not the organisation's.
                        Some(n)
                            if !tabari
                                && !named_person
                                && actor_codes
                                    .iter()
                                    .all(|c| c.len() == 3 && !NOT_STATES.contains(&c.as_str()))
                                && !actor_codes.is_empty()
                                && joins_actor_then_agent(tokens, m.end, n.start, lw, tabari)
                                && self.named(n.kind, date).is_some_and(|(codes, person)| {
                                    !person && codes.iter().all(|c| c.starts_with("IGO"))
                                })
                                && diplomat_after(tokens, mentions.get(i + 2), n.end).is_some() =>
                        {
                            let (ag, e) =
                                diplomat_after(tokens, mentions.get(i + 2), n.end).unwrap_or_default();
                            let agent = self.agent_code(ag);
                            codes = actor_codes.iter().map(|c| attach_agent(c, agent)).collect();
                            end = e;
                            consumed = 3;
                        }
                        // "Jordan's visiting King Abdullah II": a person of the
                        // possessor's country is that country's; one actor.
                        Some(n)
                            if !tabari
                                && !person
                                && joins_actor_then_agent(tokens, m.end, n.start, lw, tabari)
                                && n.start > m.end
                                && self.named(n.kind, date).is_some_and(|(person_codes, is_person)| {
                                    is_person
                                        && person_codes.iter().all(|c| {
                                            actor_codes
                                                .iter()
                                                .any(|a| a.len() == 3 && c.starts_with(a.as_str()))
                                        })
                                }) =>
                        {
                            (codes, person) = self.named(n.kind, date).unwrap_or_default();
                            end = n.end;
                            consumed = 2;
                        }
                        _ => {
                            end = m.end;
                            consumed = 1;
                            codes = match distributed.take() {
                                Some((agents, list_end))
                                    if coordinated(tokens.get(list_end..m.start).unwrap_or(&[]), lw) =>
                                {
                                    let codes = agents
                                        .iter()
                                        .flat_map(|a| {
                                            actor_codes.iter().map(move |c| role_of(c, a, false, keep))
                                        })
                                        .collect();
                                    distributed = Some((agents, m.end));
                                    codes
                                }
                                _ => match self.shared_role(tokens, &mentions, i, lw, tabari) {
                                    // "Indian and Pakistani troops": both are troops.
                                    Some(agent) => {
                                        actor_codes.iter().map(|c| attach_agent(c, agent)).collect()
                                    }
                                    None => actor_codes,
                                },
                            };
                        }
                    }
                }
            }
            i += consumed;
            // A name in apposition after a role ("minister Calimehtar") is the same actor.
            if consumed >= 2 {
                if let Some(n) = mentions.get(i).copied() {
                    if n.start == end && !matches!(n.kind, MentionKind::Agent(_)) {
                        end = n.end;
                        person |= self.named(n.kind, date).is_some_and(|(_, p)| p);
                        i += 1;
                    }
                }
            }
            // "Chinese diplomat Liu Jinsong", "il portavoce Lin Jian": a name no
            // dictionary knows, right after a role, is the person who holds it
            // (the article learns the surname: "Liu demanded …"). Not in a
            // Title Case headline, whose verbs look like names.
            if !tabari && !person && codes.iter().all(|c| c.len() > 3 && !c.starts_with('~')) {
                let unnamed_name = |k: usize| {
                    tokens.get(k).is_some_and(name_like)
                        && !mentions.iter().any(|m| m.start <= k && k < m.end)
                };
                let run = (end..end + MAX_UNKNOWN_NAME + 1).take_while(|&k| unnamed_name(k)).count();
                if (2..=MAX_UNKNOWN_NAME).contains(&run) && !crate::title_case(tokens) {
                    end += run;
                    person = true;
                }
            }
            if self.counted_people_are_civilians
                && !person
                && consumed == 1
                && (start.checked_sub(1).is_some_and(|of| lw.counts(tokens, of))
                    || counted_by_number(tokens, start, end, lw))
            {
                // "migliaia di israeliani", "thousands of Israelis", "killed 90
                // Palestinians": people, not the state.
                for c in codes.iter_mut().filter(|c| c.len() == 3 && !c.starts_with('~')) {
                    c.push_str("CVL");
                }
            }
            // "ethnic Albanians in south Serbia": an ethnic group is coded by the
            // country it lives in.
            if let Some(place) = mentions.get(i).copied() {
                let lives_in = ethnic_place(tokens, start, end, lw).contains(&place.start);
                let country = self
                    .named(place.kind, date)
                    .and_then(|(c, _)| c.into_iter().next())
                    .filter(|c| c.len() == 3 && !c.starts_with('~'));
                if let (true, Some(country)) = (lives_in, country) {
                    codes = codes
                        .iter()
                        .map(|c| {
                            if c.len() >= 3 && !c.starts_with('~') {
                                format!("{country}{}", c.get(3..).unwrap_or(""))
                            } else {
                                c.clone()
                            }
                        })
                        .collect();
                    end = place.end;
                    i += 1;
                }
            }
            if let Some((agents, list_end)) = distributed.take() {
                // Keep distributing only while the list goes on.
                if list_end >= start {
                    distributed = Some((agents, end));
                }
            }
            let offices = if person { self.offices_within(&mentions, start, end, date) } else { Vec::new() };
            for code in codes {
                actors.push(Actor { person, offices: offices.clone(), ..Actor::new(code, start, end) });
            }
        }
        let mut groups = group_coordinated(tokens, actors, lw);
        if !tabari {
            take_unknown_names_in_apposition(tokens, &mut groups, lw);
        }
        groups
    }

    /// The role two coordinated country adjectives share ("Indian and
    /// Pakistani troops", "truppe thailandesi e cambogiane" is the other
    /// order and already one group): the agent right after the second
    /// adjective, when mention `i` is the first. Not in TABARI's mode.
    fn shared_role(
        &self,
        tokens: &[Token],
        mentions: &[Mention],
        i: usize,
        lw: &LangWords,
        tabari: bool,
    ) -> Option<&str> {
        let (m, second, role) = (mentions.get(i)?, mentions.get(i + 1)?, mentions.get(i + 2)?);
        let MentionKind::Agent(ag) = role.kind else { return None };
        let single_adjective = |m: &Mention| {
            m.end == m.start + 1
                && !matches!(m.kind, MentionKind::Agent(_))
                && tokens.get(m.start).is_some_and(adjectival)
        };
        let joined = tokens.get(m.end).is_some_and(|t| lw.coordinators.contains(&&*t.upper))
            && second.start == m.end + 1
            && role.start == second.end;
        (!tabari && joined && single_adjective(m) && single_adjective(second)).then(|| self.agent_code(ag))
    }

    /// The codes of an actor on `date`; a compound code (`FRO/BIL/SAM`) names several actors.
    /// The codes of a person's latest term of office, when it has ended (an
    /// open term is the current one already).
    fn last_term_codes(&self, kind: MentionKind) -> Option<Vec<String>> {
        let (MentionKind::Actor(id) | MentionKind::Person { id, country_only: false }) = kind else {
            return None;
        };
        let codes = self.actor_codes.get(id as usize)?;
        if codes.iter().any(|c| c.valid.from.is_some() && c.valid.to.is_none()) {
            return None;
        }
        let last = codes
            .iter()
            .filter(|c| !is_null_code(&c.code))
            .filter_map(|c| Some((c.valid.to?, c)))
            .max_by_key(|(to, _)| *to)?
            .1;
        Some(last.code.split('/').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect())
    }

    fn actor_codes(&self, id: u32, date: Option<NaiveDate>) -> Vec<String> {
        let code = self.actor_code(id, date);
        if code.contains('/') {
            code.split('/').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect()
        } else {
            vec![code]
        }
    }
}

/// Words after a surname that are not the surname: "George Smith Jr.".
const NAME_SUFFIXES: [&str; 6] = ["JR", "SR", "II", "III", "IV", "JR."];

/// Whether a word after a surname is a suffix ("Jr.", "III"), not the surname.
pub(crate) fn is_name_suffix(word: &str) -> bool {
    NAME_SUFFIXES.iter().any(|suffix| suffix.eq_ignore_ascii_case(word))
}

/// Lower-case particles inside a name: "de Klerk", "van den Broek".
const NAME_PARTICLES: [&str; 16] = [
    "DE", "DA", "DI", "DEL", "DELLA", "DOS", "DU", "VAN", "VON", "DEN", "DER", "LE", "LA", "AL", "EL", "BIN",
];

/// The surnames a person's full name can be referred to by: its last word
/// ("George W. Bush" → `BUSH`), and without an Arabic article
/// ("Bashar al-Assad" → `AL-ASSAD`, `ASSAD`). A single-word name has none.
fn surname_keys(words: &[PhraseWord]) -> Vec<Box<str>> {
    let mut words: SmallVec<[&str; 4]> = words.iter().map(|w| w.matcher.key()).collect();
    while words.last().is_some_and(|w| is_name_suffix(w.trim_end_matches(','))) {
        words.pop();
    }
    if words.len() < 2 {
        return Vec::new();
    }
    let Some(last) = words.last() else { return Vec::new() };
    let key: Box<str> = if last.chars().all(char::is_alphanumeric) {
        // One plain word, as the tokenizer keeps it (most names): no need
        // to tokenize, which was a tenth of start-up.
        crate::index::upper_case(&last.to_lowercase()).into()
    } else {
        // Lower-cased, the tokenizer keeps "AL-ASSAD" whole, as the text writes "al-Assad".
        let Some(token) =
            dyad_text::tokenize(&last.to_lowercase()).into_iter().rev().find(|t| t.kind == TokenKind::Word)
        else {
            return Vec::new();
        };
        token.upper
    };
    if key.chars().count() < 3 || !key.chars().next().is_some_and(char::is_alphabetic) {
        return Vec::new();
    }
    let mut keys = vec![key.clone()];
    if let Some((article, rest)) = key.split_once('-') {
        if matches!(article, "AL" | "EL") && rest.chars().count() >= 3 {
            keys.push(rest.into());
        }
    }
    keys
}

/// The upper-cased words a name word is written with in text: itself, or
/// its parts both as the tokenizer splits capitalised names ("JEAN", "LUC")
/// and as it keeps other hyphenated words ("AL-ASSAD").
fn word_forms(key: &str) -> SmallVec<[Box<str>; 2]> {
    if key.chars().all(char::is_alphanumeric) {
        return smallvec::smallvec![crate::index::upper_case(key).into()];
    }
    let mut forms: SmallVec<[Box<str>; 2]> = SmallVec::new();
    for text in [key.to_string(), key.to_lowercase()] {
        for t in dyad_text::tokenize(&text).into_iter().filter(|t| t.kind == TokenKind::Word) {
            if !forms.contains(&t.upper) {
                forms.push(t.upper);
            }
        }
    }
    forms
}

/// A word of three letters or fewer written in lower case, which names no
/// state even where a state's name has its letters: "us" is not the US,
/// Italian "usa" (uses) not the USA, "ira" (anger) not the IRA, French "eau"
/// not the EAU. States are written with capitals; longer lower-case words
/// (demonyms: "russi", "ruso") and organisations written small ("le ong")
/// do name actors.
fn short_common_word(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text.chars().count() <= 3 && !t.text.chars().any(char::is_uppercase)
}

/// "I ministri degli Esteri del Congo e del Ruanda, Kayikwamba Wagner e
/// Nduhungirehe, hanno firmato": names no dictionary knows, set off by commas
/// right after a group, are its actors named again. The group reaches over
/// them, so that its verb is as near as without them.
fn take_unknown_names_in_apposition(tokens: &[Token], groups: &mut [ActorGroup], lw: &LangWords) {
    let comma = |i: usize| tokens.get(i).is_some_and(|t| &*t.text == ",");
    for gi in 0..groups.len() {
        let from = groups[gi].end;
        if !comma(from) {
            continue;
        }
        let next_group = groups.get(gi + 1).map_or(usize::MAX, |g| g.start);
        let mut names = 0;
        let mut at = from + 1;
        while at < next_group && at < from + 1 + 2 * MAX_UNKNOWN_NAME {
            let Some(t) = tokens.get(at) else { break };
            if name_like(t) {
                names += 1;
            } else if !(names > 0 && lw.coordinators.contains(&&*t.upper)) {
                break;
            }
            at += 1;
        }
        if names > 0 && at < next_group && comma(at) && tokens.get(at - 1).is_some_and(name_like) {
            groups[gi].end = at;
        }
    }
}

/// The most words a name no dictionary knows may have ("Mohammad Bagher
/// Ghalibaf Qalibaf"); a longer run of capitals is a title or a headline.
const MAX_UNKNOWN_NAME: usize = 4;

/// A capitalised word that may be a name ("Mugabe"), not an acronym or a number.
fn name_like(t: &Token) -> bool {
    // "al-Assad", "el-Sisi": an Arabic article before the capitalised name.
    let text = t.text.strip_prefix("al-").or_else(|| t.text.strip_prefix("el-")).unwrap_or(&t.text);
    t.kind == TokenKind::Word
        && text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().any(char::is_lowercase)
}

fn is_null_code(code: &str) -> bool {
    let c = code.trim();
    c.is_empty() || c.chars().all(|ch| ch == '-' || ch == '#')
}

/// Appends (`~GOV`) or prefixes (`GOV~`) an agent code to an actor code.
pub(crate) fn attach_agent(actor: &str, agent: &str) -> String {
    let agent = agent.trim();
    if let Some(suffix) = agent.strip_prefix('~') {
        if actor.is_empty() {
            return format!("~{suffix}");
        }
        if actor.len() > 3 && actor[3..].contains(suffix) {
            return actor.to_string();
        }
        return format!("{actor}{suffix}");
    }
    if let Some(prefix) = agent.strip_suffix('~') {
        if actor.is_empty() {
            return format!("~{prefix}");
        }
        return format!("{prefix}{actor}");
    }
    if actor.is_empty() {
        return format!("~{agent}");
    }
    format!("{actor}{agent}")
}

/// A title before a person: the person's own code tells the office ("President
/// Mugabe" → `ZWEGOV`, out of office `ZWEELI`), except that "former" makes an elite.
fn title_on(code: &str, agent: &str, person: bool) -> String {
    match code.get(..3) {
        Some(country) if person && code.len() > 3 => {
            if agent.trim().trim_matches('~') == "ELI" {
                format!("{country}ELI")
            } else {
                code.to_string()
            }
        }
        _ => attach_agent(code, agent),
    }
}

/// A role governing an actor ("the commander *of* Hamas", "il governo di
/// Colombia e l'ELN"). With `keep` ([`ActorFinder::roles_keep_specific_codes`])
/// a role does not stack on a code that says more than a country: a commander
/// of Hamas is Hamas (`PSEREB`, not `PSEREBMIL`), a suicide bomber of the
/// Islamic State `IMGMOSISI`.
fn role_of(code: &str, agent: &str, person: bool, keep: bool) -> String {
    if keep && !person && code.len() > 3 && !code.starts_with('~') {
        return code.to_string();
    }
    title_on(code, agent, person)
}

/// A role after a person belongs to the person's country: "Mugabe's government",
/// "the Bush administration" → `ZWEGOV`, `USAGOV`.
fn institution_of(code: &str, agent: &str, person: bool) -> String {
    match code.get(..3) {
        Some(country) if person && code.len() > 3 && !agent.trim().ends_with('~') => {
            attach_agent(country, agent)
        }
        _ => attach_agent(code, agent),
    }
}

/// English demonym endings: "French", "Nigerian", "Turkish", "Congolese", "Iraqi".
const DEMONYM_ENDINGS: [&str; 9] = ["AN", "ESE", "ISH", "I", "CH", "IC", "OT", "INE", "SS"];

/// Whether an actor's last word reads as a country adjective: a lower-case
/// one ("türkische", "francesi"), or a capitalised English demonym; never a
/// plural ("Palestinians protest …").
fn adjectival(t: &Token) -> bool {
    let lower = t.text.to_lowercase();
    let uninflected = *t.lemma == *lower;
    let first_lower = t.text.chars().next().is_some_and(char::is_lowercase);
    first_lower || (uninflected && DEMONYM_ENDINGS.iter().any(|e| t.upper.ends_with(e)))
}

/// Whether a word can stand between a country adjective and its role as a
/// modifier: a word of the noun phrase ("paper", "junior", "Constitutional"),
/// not a closed-class word, a verb form with an ending, or an adverb.
fn modifier(t: &Token, lw: &LangWords, agree_with: Option<(&Token, usize)>) -> bool {
    let w = &*t.upper;
    let closed = lw.is_determiner(w)
        || lw.is_preposition(w)
        || lw.conjunctions.contains(&w)
        || lw.negations.contains(&w)
        || lw.passive_aux.contains(&w)
        || lw.auxiliaries.contains(&w)
        || lw.reporting.contains(&w)
        || lw.subordinators.contains(&w)
        || lw.relatives.contains(&w)
        || lw.pronouns.contains(&w)
        || lw.possessives.contains(&w)
        || lw.infinitive_markers.contains(&w)
        || lw.number_word(w).is_some();
    if t.kind != TokenKind::Word || closed || w.ends_with("LY") {
        return false;
    }
    let lower = t.text.to_lowercase();
    // Lower-case adjectives agree with the country adjective: German ones in
    // their ending ("die türkische paramilitärische Polizei"), Romance ones in
    // number and gender ("les ouvriers papetiers français").
    let agrees = agree_with.is_some_and(|(a, n)| {
        let ending = |s: &str| s.chars().rev().take(n).collect::<String>();
        a.text.chars().next().is_some_and(char::is_lowercase)
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && ending(&a.upper) == ending(w)
    });
    name_like(t) || *t.lemma == *lower || agrees
}

/// "French paper workers", "Nigerian junior foreign minister", "the Latvian
/// Constitutional Court": a country adjective, one or two modifiers, then the role.
fn agent_after_modifiers(tokens: &[Token], actor_end: usize, agent_start: usize, lw: &LangWords) -> bool {
    let Some(between) = tokens.get(actor_end..agent_start) else { return false };
    let Some(adjective) = actor_end.checked_sub(1).and_then(|j| tokens.get(j)) else { return false };
    (1..=2).contains(&between.len())
        && adjectival(adjective)
        && between.iter().all(|t| modifier(t, lw, Some((adjective, 2))))
}

/// The mirror order of Romance languages: the role, one or two modifiers, then
/// the country adjective ("la polizia antisommossa turca", "les ouvriers
/// papetiers français").
fn adjective_after_modifiers(
    tokens: &[Token],
    agent_end: usize,
    actor_start: usize,
    actor_end: usize,
    lw: &LangWords,
) -> bool {
    let Some(between) = tokens.get(agent_end..actor_start) else { return false };
    let Some(adjective) = tokens.get(actor_start) else { return false };
    actor_end == actor_start + 1
        && (1..=2).contains(&between.len())
        && adjective.text.chars().next().is_some_and(char::is_lowercase)
        && adjectival(adjective)
        && between.iter().all(|t| {
            t.text.chars().next().is_some_and(char::is_lowercase) && modifier(t, lw, Some((adjective, 1)))
        })
}

/// Words that mark an ethnic group before its name ("ethnic Albanians",
/// "ethnische Albaner", "di etnia albanese") or after it ("albanesi etnici",
/// "albaneses étnicos", "Albanais de souche").
const ETHNIC_BEFORE: [&str; 6] = ["ETHNIC", "ETHNISCHE", "ETHNISCHEN", "ETHNISCHER", "ETNIA", "ETHNIE"];
const ETHNIC_AFTER: [&str; 9] =
    ["ETNICI", "ETNICO", "ETNICA", "ETNICHE", "ÉTNICOS", "ÉTNICAS", "ETNICOS", "ETNICAS", "ÉTNICO"];

/// Where the country an ethnic group lives in may start: right after "in"
/// following the group ("ethnic Albanians in Serbia"), or after one
/// lower-case word there ("in south Serbia", "in southern Serbia").
fn ethnic_place(tokens: &[Token], start: usize, end: usize, lw: &LangWords) -> SmallVec<[usize; 2]> {
    let mut out = SmallVec::new();
    let before =
        start.checked_sub(1).and_then(|j| tokens.get(j)).is_some_and(|t| ETHNIC_BEFORE.contains(&&*t.upper));
    let mut k = end;
    let mut after = false;
    if tokens.get(k).is_some_and(|t| ETHNIC_AFTER.contains(&&*t.upper)) {
        k += 1;
        after = true;
    } else if tokens.get(k).is_some_and(|t| &*t.upper == "DE")
        && tokens.get(k + 1).is_some_and(|t| &*t.upper == "SOUCHE")
    {
        k += 2;
        after = true;
    }
    if !(before || after) || !tokens.get(k).is_some_and(|t| lw.locatives.contains(&&*t.upper)) {
        return out;
    }
    out.push(k + 1);
    if tokens.get(k + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && !lw.is_determiner(&t.upper)
    }) {
        out.push(k + 2);
    }
    out
}

/// Whether the role at `at` is capitalised after a capitalised word that is
/// neither an article nor an all-capitals headline word: "Tom King".
fn first_name_before(tokens: &[Token], at: usize, lw: &LangWords) -> bool {
    let capitalised =
        |t: &Token| t.kind == TokenKind::Word && t.text.chars().next().is_some_and(char::is_uppercase);
    let mixed = |t: &Token| t.text.chars().any(char::is_lowercase);
    let (Some(prev), Some(role)) = (at.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(at)) else {
        return false;
    };
    capitalised(prev) && mixed(prev) && capitalised(role) && mixed(role) && !lw.is_determiner(&prev.upper)
}

/// Whether a role after an actor is the actor's ("Gondor police").
/// The diplomat role (agent id and end) that `mention` names right at `at`:
/// "envoy" in "Russia's U.N. envoy".
fn diplomat_after(tokens: &[Token], mention: Option<&Mention>, at: usize) -> Option<(u32, usize)> {
    match mention {
        Some(&Mention { kind: MentionKind::Agent(ag), start, end }) if start == at => {
            let text: Vec<&str> = tokens.get(start..end)?.iter().map(|t| &*t.text).collect();
            crate::discourse::is_diplomat(&text.join(" ")).then_some((ag, end))
        }
        _ => None,
    }
}

/// TABARI joins a role only right after the actor or its possessive: its
/// "Dagolath's first Deputy Prime Minister" is Dagolath alone.
fn joins_actor_then_agent(
    tokens: &[Token],
    actor_end: usize,
    agent_start: usize,
    lw: &LangWords,
    tabari: bool,
) -> bool {
    let Some(between) = tokens.get(actor_end..agent_start) else { return false };
    match between.split_first() {
        // "Gondor police"
        None => true,
        // "Dagolath's first Deputy Prime Minister": a possessive, then at most two words.
        Some((first, rest)) => {
            POSSESSIVE.contains(&&*first.upper)
                && rest.len() <= if tabari { 0 } else { 3 }
                && rest.iter().all(|t| t.kind == TokenKind::Word && !lw.of_words.contains(&&*t.upper))
        }
    }
}

/// "withdrew its troops from Syria": a role after a possessive belongs to
/// the sentence's subject, so an actor after a preposition is not its country
/// (while "il suo omologo francese" and "su homólogo de Portugal" are
/// French and Portuguese).
fn owned_by_subject(tokens: &[Token], agent_start: usize, lw: &LangWords) -> bool {
    tokens[agent_start.saturating_sub(2)..agent_start].iter().any(|t| lw.possessives.contains(&&*t.upper))
}

fn joins_agent_then_actor(
    tokens: &[Token],
    agent_end: usize,
    (actor_start, actor_end): (usize, usize),
    lw: &LangWords,
) -> bool {
    if actor_start < agent_end {
        return false;
    }
    let between = &tokens[agent_end..actor_start];
    match between {
        [] => true,
        [w] if lw.of_words.contains(&&*w.upper) => true,
        // "the foreign minister, Sergei Lavrov, said": a name set off by
        // commas is the role's holder; in "Speaking to reporters, Trump
        // accused …" the comma ends a phrase and the name opens the clause.
        [w] if *w.upper == *"," => {
            tokens.get(actor_end).is_none_or(|t| t.kind == TokenKind::Punct && &*t.text != "-")
        }
        [w, d] => lw.of_words.contains(&&*w.upper) && lw.is_determiner(&d.upper),
        _ => false,
    }
}

/// Joins actors coordinated by "and", "," or "as well as" into groups.
fn group_coordinated(tokens: &[Token], actors: Vec<Actor>, lw: &LangWords) -> Vec<ActorGroup> {
    let mut groups: Vec<ActorGroup> = Vec::new();
    // Whether the last group swallowed the members listed after it ("Syrian
    // forces, including tanks and artillery"): members coordinated with them are
    // swallowed too.
    let mut members_absorbed = false;
    for actor in actors {
        let only_one = groups.len() == 1;
        if let Some(last) = groups.last_mut() {
            // "Syrian forces, including tanks": the members are part of the actor
            // before them. When that actor is only a role or a region ("militias,
            // including Hezbollah", "European countries, including France"), the
            // members name it better and stand for it.
            let listed = lw.inclusive_before(tokens, actor.start).is_some_and(|begin| {
                begin == last.end
                    || begin == last.end + 1 && tokens.get(last.end).is_some_and(|t| &*t.text == ",")
            });
            let more_members = members_absorbed
                && coordinated_in(tokens.get(last.end..actor.start).unwrap_or(&[]), lw, false);
            if listed || more_members {
                last.end = last.end.max(actor.end);
                members_absorbed = !last.actors.iter().all(|a| {
                    a.code.starts_with('~') || a.code.get(..3).is_some_and(|c| NOT_STATES.contains(&c))
                });
                if !members_absorbed {
                    last.actors = vec![actor];
                }
                continue;
            }
            members_absorbed = false;
            // "Vertice Meloni-Macron", "US-China talks": a hyphen pairs two names.
            if actor.start == last.end + 1 && is_inner_hyphen(tokens, last.end) {
                last.end = last.end.max(actor.end);
                last.actors.push(actor);
                continue;
            }
            // "in Berlin, Chancellor Scholz …", "Reçu à l'Élysée, Zelensky …": a
            // place after a locative ends at the comma.
            let placed = lw.locative_before(tokens, last.start);
            let comma = tokens.get(last.end).is_some_and(|t| &*t.text == ",");
            if (placed || lw.locative_and_article_before(tokens, last.start)) && comma {
                groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
                continue;
            }
            // "A Palazzo Chigi Meloni ha ricevuto …": right after a place that
            // follows a locative, a name opens the clause.
            let after_place = placed && actor.start == last.end;
            if let Some(prev) = last.actors.last_mut().filter(|_| !after_place) {
                // "la Corte Suprema de la República Democrática del Congo (RDC)",
                // "il Fondo monetario internazionale (Fmi)": a name in brackets
                // right after an actor of the same country is its short name,
                // not a second actor.
                if short_name_in_brackets(tokens, prev, &actor) {
                    prev.end = actor.end + 1;
                    last.end = last.end.max(prev.end);
                    continue;
                }
                if apposition(tokens, prev, &actor, lw) {
                    // "Annalena Baerbock, the German foreign minister,": one actor, named
                    // twice; the role tells the office when the name alone does not.
                    if prev.code.len() <= 3 && actor.code.len() > 3 || prev.code.starts_with('~') {
                        prev.code = actor.code.clone();
                    }
                    prev.person |= actor.person;
                    prev.end = actor.end;
                    last.end = last.end.max(actor.end);
                    if prev.offices.is_empty() {
                        prev.offices = actor.offices;
                    }
                    continue;
                }
            }
            // A list goes on after the actor ("Evil Mordor, the awful Fornost, and …").
            let list_goes_on = tokens.get(actor.end).is_some_and(|t| lw.conjunctions.contains(&&*t.upper));
            // "Ucraina, Zelensky incontra Meloni", "Gaza, Israele bombarda …": a
            // headline's topic, set off by a comma at the very start, is no list
            // unless a conjunction closes one. English headlines write "and"
            // with that comma ("Armenia, Azerbaijan agree to resume talks").
            let topic = last.start == 0
                && lw.code != "en"
                && last.actors.len() == 1
                && tokens.get(last.end..actor.start).is_some_and(|b| matches!(b, [c] if &*c.text == ","))
                && !list_goes_on;
            if topic {
                groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
                continue;
            }
            // "Speaking to reporters, Trump accused …", "Parlando alla tv di Stato,
            // Maduro ha accusato …", "Desde Kiev, el presidente ucraniano acusó
            // …": a comma (and the next actor's article) ends the prepositional
            // phrase that opens the sentence, unless a conjunction closes a list.
            let comma_then_articles = |b: &[Token]| {
                matches!(b.split_first(), Some((c, rest)) if &*c.text == ","
                    && rest.iter().all(|t| lw.is_determiner(&t.upper)))
            };
            // A comma after the actor may close its apposition ("Desde Kiev, el
            // presidente ucraniano, Volodímir Zelenski, acusó"): only a
            // conjunction, after a comma or not, carries a list on.
            let conjunction_follows = |at: usize| {
                tokens.get(at).is_some_and(|t| &*t.text != "," && lw.conjunctions.contains(&&*t.upper))
            };
            let list_goes_on_past_comma = conjunction_follows(actor.end)
                || tokens.get(actor.end).is_some_and(|t| &*t.text == ",")
                    && conjunction_follows(actor.end + 1);
            // So does the first comma after an opening adverbial clause or
            // infinitive: "Dopo aver incontrato Macron, Meloni ha criticato …",
            // "Dopo che Israele ha colpito l'Iran, Teheran ha condannato …".
            let in_opening_phrase = || {
                tokens
                    .first()
                    .is_some_and(|t| lw.is_preposition(&t.upper) || lw.opens_adverbial_clause(&t.upper))
                    && !tokens[..last.start].iter().any(|t| &*t.text == ",")
            };
            let opener_ends = last.actors.len() == 1
                && !list_goes_on_past_comma
                && tokens.get(last.end..actor.start).is_some_and(comma_then_articles)
                && (only_one && crate::preceded_by_preposition(tokens, last.start, lw)
                    || in_opening_phrase());
            if opener_ends {
                groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
                continue;
            }
            let same_span = last.actors.last().is_some_and(|a| a.start == actor.start);
            // "… to Kyrgyzstan, the parliament speaker said": an actor after a bare
            // comma that a verb of saying follows opens the reporting clause.
            let reports = tokens.get(actor.end).is_some_and(|t| lw.reporting.contains(&&*t.upper))
                && tokens.get(last.end).is_some_and(|t| &*t.text == ",")
                && tokens.get(last.end + 1).is_none_or(|t| !lw.conjunctions.contains(&&*t.upper));
            if same_span
                || !reports
                    && coordinated_in(tokens.get(last.end..actor.start).unwrap_or(&[]), lw, list_goes_on)
            {
                let mut actor = actor;
                if let Some(prev) = last.actors.last().filter(|_| !same_span) {
                    share_role_noun(tokens, prev, &mut actor, lw);
                }
                last.end = last.end.max(actor.end);
                last.actors.push(actor);
                continue;
            }
        }
        groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
    }
    groups
}

/// Two nationality adjectives joined by a conjunction after one role noun
/// share it: "i mediatori egiziani e qatarioti", "les armées indienne et
/// pakistanaise", "las delegaciones rusa y ucraniana". The bare adjective
/// takes the role of the actor that has the noun: QAT becomes QATGOV beside
/// EGYGOV. (Adjectives before the noun, "Indian and Pakistani troops", share
/// it through `shared_role`.)
fn share_role_noun(tokens: &[Token], prev: &Actor, next: &mut Actor, lw: &LangWords) {
    let joined = next.start == prev.end + 1
        && tokens.get(prev.end).is_some_and(|t| lw.coordinators.contains(&&*t.upper) && &*t.text != ",");
    let lower =
        |i: usize| tokens.get(i).is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase));
    // The first actor is a role noun ending in its adjective; the second is
    // that adjective's partner alone, both lower-case.
    let bare_adjective =
        next.end == next.start + 1 && next.code.len() == 3 && !next.person && lower(next.start);
    let role_with_adjective = prev.code.len() == 6 && prev.end >= prev.start + 2 && !prev.person;
    if joined && bare_adjective && role_with_adjective && prev.end.checked_sub(1).is_some_and(lower) {
        if let Some(agent) = prev.code.get(3..) {
            next.code.push_str(agent);
        }
    }
}

/// Whether `second` stands in brackets right after `first` ("… del Congo
/// (RDC)") and names the same country or organisation.
fn short_name_in_brackets(tokens: &[Token], first: &Actor, second: &Actor) -> bool {
    fn country(a: &Actor) -> Option<&str> {
        a.code.get(..3).filter(|c| !c.starts_with('~'))
    }
    second.start == first.end + 1
        && tokens.get(first.end).is_some_and(|t| &*t.text == "(")
        && tokens.get(second.end).is_some_and(|t| &*t.text == ")")
        && country(first).is_some()
        && country(first) == country(second)
}

/// "X, the German foreign minister": a comma, an article, and an actor of the
/// same country (a person and their office) name one actor twice. So does
/// an office and the person holding it, right after it ("Bundeskanzler Olaf
/// Scholz") or set off by commas ("El canciller de México, Juan Ramón de la
/// Fuente, se reunió …").
fn apposition(tokens: &[Token], first: &Actor, second: &Actor, lw: &LangWords) -> bool {
    let Some(between) = tokens.get(first.end..second.start) else { return false };
    let country = |a: &Actor| a.code.get(..3).filter(|c| !c.starts_with('~')).map(str::to_string);
    // "Bundeskanzler Olaf Scholz" (an office the dictionary lists as an actor)
    // names its holder right after it; "…, Juan Ramón de la Fuente," between commas.
    // The name may carry a title the dictionary does not join to it: "El jefe
    // del Ejército sudanés, el general Abdelfatah al Burhan, rechazó …".
    let comma_then_title = match between {
        [comma, title @ ..] if &*comma.text == "," && title.len() <= 3 => title.iter().all(|t| {
            t.kind == TokenKind::Word && t.text.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        }),
        _ => false,
    };
    let office_then_name = (between.is_empty()
        || comma_then_title && tokens.get(second.end).is_some_and(|t| &*t.text == ","))
        && !first.person
        && second.person
        && first.code.len() > 3;
    // "los presidentes de Estados Unidos, Donald Trump, y de Rusia, Vladímir
    // Putin,": a state and, between commas, the person who speaks for it.
    let state_then_its_person = matches!(between, [comma] if &*comma.text == ",")
        && tokens.get(second.end).is_some_and(|t| &*t.text == ",")
        && !first.person
        && second.person
        && first.code.len() == 3;
    (office_then_name
        || state_then_its_person
        // The word after the comma is an article, not a verb: in "Ozgur Ozel,
        // the CHP leader, criticised Erdogan" the role and Erdogan are two actors.
        || matches!(between, [comma, article] if &*comma.text == "," && lw.is_determiner(&article.upper))
            // "Desde Kiev, el presidente ucraniano, Volodímir Zelenski, acusó":
            // a bare state or capital is not named again by a person after it;
            // nor is a side that opens the sentence after a preposition
            // ("Dall'opposizione, il leader del M5s Giuseppe Conte ha accusato").
            && (first.person || first.code.len() > 3)
            && !opens_after_preposition(tokens, first, lw))
        && (first.person || second.person)
        && (country(first).is_some() && country(first) == country(second)
            // "Su líder, Santiago Abascal, ha acusado …": a role with no country
            // of its own is the office of the person named after it.
            || office_then_name && first.code.starts_with('~') && country(second).is_some())
}

/// Whether `actor` is the object of a preposition that opens the sentence:
/// "*Dall'*opposizione, …", "*Desde* el Gobierno, …".
fn opens_after_preposition(tokens: &[Token], actor: &Actor, lw: &LangWords) -> bool {
    let Some(before) = tokens.get(..actor.start) else { return false };
    let preposition =
        |t: &Token| lw.prepositions.contains(&&*t.upper) || lw.passive_agent.contains(&&*t.upper);
    match before {
        [p] => preposition(p),
        [p, d] => preposition(p) && lw.is_determiner(&d.upper),
        _ => false,
    }
}

/// Whether the tokens between two actors coordinate them: a conjunction or
/// comma, then at most two modifiers ("Fornost and the evil awful Gondor").
fn coordinated(between: &[Token], lw: &LangWords) -> bool {
    coordinated_in(between, lw, false)
}

/// [`coordinated`], where `list_goes_on` says a comma or conjunction follows
/// the second actor: then a bare comma may be followed by modifiers too.
fn coordinated_in(between: &[Token], lw: &LangWords, list_goes_on: bool) -> bool {
    let conjunction = |w: &str| lw.conjunctions.contains(&w);
    let Some((first, rest)) = between.split_first() else { return false };
    if !conjunction(&first.upper) {
        return false;
    }
    // ", and": a comma then a conjunction.
    let (after, bare_comma) = match rest.split_first() {
        Some((second, more))
            if &*first.upper == "," && conjunction(&second.upper) && &*second.upper != "," =>
        {
            (more, false)
        }
        _ => (rest, &*first.upper == ","),
    };
    // "and a group of deputies", "and thousands of supporters": what is counted
    // is the next member of the list.
    let after = match after {
        [rest @ .., quantity, of]
            if !bare_comma
                && (lw.quantities.contains(&&*quantity.upper) || quantity.kind == TokenKind::Number)
                && lw.of_words.contains(&&*of.upper) =>
        {
            rest
        }
        _ => after,
    };
    // "los presidentes de Estados Unidos … y de Rusia …": after a
    // conjunction, an "of" repeats the one before the first member.
    let after = match after {
        [of, rest @ ..] if !bare_comma && lw.of_words.contains(&&*of.upper) => rest,
        _ => after,
    };
    // After a conjunction up to two modifiers may come ("and the evil awful
    // Gondor"); after a bare comma only an article ("Mordor, the Shire"), or a
    // verb would be swallowed ("X, the minister, met Y").
    // A passive's agent is no member: "i ribelli, sostenuti dal Ruanda, …".
    let words = after.iter().filter(|t| !lw.is_determiner(&t.upper)).count();
    after.iter().all(|t| {
        t.kind == TokenKind::Word
            && !lw.of_words.contains(&&*t.upper)
            && !lw.passive_agent.contains(&&*t.upper)
            && !conjunction(&t.upper)
    }) && words <= if bare_comma && !list_goes_on { 0 } else { 2 }
}

/// Whether the people named at `start..end` are counted by a number right
/// before them ("killed 90 Palestinians", "uccisi 12 palestinesi", "zwei
/// Israelis"), and are the noun themselves: the word after them is no noun
/// they qualify ("three Russian drones").
fn counted_by_number(tokens: &[Token], start: usize, end: usize, lw: &LangWords) -> bool {
    let number = start.checked_sub(1).and_then(|n| tokens.get(n)).is_some_and(|n| {
        n.kind == TokenKind::Number && n.text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            || lw.is_spelled_number(&n.upper)
    });
    let noun_ends = tokens.get(end).is_none_or(|t| {
        t.kind == TokenKind::Punct
            || lw.is_preposition(&t.upper)
            || lw.is_determiner(&t.upper)
            || lw.is_auxiliary(&t.upper)
            || lw.coordinators.contains(&&*t.upper)
            || lw.relatives.contains(&&*t.upper)
    });
    // "huit pays européens", "eight European countries": states, not people.
    let states = tokens
        .get(start..end)
        .is_some_and(|ws| ws.iter().any(|t| lw.state_summary_nouns.contains(&&*t.upper)));
    number && noun_ends && !states
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_codes_attach() {
        assert_eq!(attach_agent("GON", "~COP"), "GONCOP");
        assert_eq!(attach_agent("", "~REB"), "~REB");
        assert_eq!(attach_agent("USAGOV", "~GOV"), "USAGOV");
        assert_eq!(attach_agent("GON", "MIL~"), "MILGON");
    }
}
