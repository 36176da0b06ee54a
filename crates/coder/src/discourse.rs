//! Whole-article understanding: what earlier sentences tell later ones.
//!
//! A [`Discourse`] is the state carried from sentence to sentence while one
//! article is coded:
//! - surnames of people named in full ("Annalena Baerbock" → "Baerbock");
//! - the actors most recently named, for plural summaries ("the two
//!   ministers") and for subjects that are pronouns or dropped ("He said",
//!   "Hanno firmato");
//! - the countries of the article, which decide ambiguous place names, and
//!   the state it was last about, which roles alone belong to ("Il governo
//!   ha convocato i sindacati" after a sentence about Meloni).
//!
//! [`situate`] then gives each event its date (the date expression nearest
//! the trigger, else the publication date) and its place (a place named in
//! the sentence, preferring one after a locative preposition, else the
//! dateline's).

use chrono::NaiveDate;
use dyad_context::dates::{find_dates, DateMention, Precision};
use dyad_context::gazetteer::{Gazetteer, PlaceType};
use dyad_text::{Token, TokenKind};
use rustc_hash::FxHashMap;

use crate::actors::{Actor, ActorGroup, PointsBack};
use crate::event::{ActorRef, Event, Location, Span};
use crate::index::Keyed;
use crate::lang::{is_quote_mark, LangWords};
use crate::offices::{Office, OfficeNouns};

/// An actor remembered from an earlier sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    pub(crate) code: String,
    pub(crate) text: String,
    /// A person or an actor with a role (`EGYGOV`), as opposed to a bare country.
    pub(crate) role: bool,
    /// A person named in the article.
    pub(crate) person: bool,
    /// The offices a person holds ("Giorgia Meloni": head of Italy's government).
    pub(crate) offices: Vec<Office>,
}

impl Known {
    /// An event's side as a subject, named by the words it stands for.
    fn of_side(side: &ActorRef) -> Known {
        Known::subject(&side.code, side.refers_to.as_ref().unwrap_or(&side.text))
    }

    /// The words at `span` (a pronoun, a noun) as this actor.
    fn actor_at(&self, span: (usize, usize)) -> Actor {
        Actor { implied_text: Some(self.text.clone()), ..Actor::new(self.code.clone(), span.0, span.1) }
    }

    /// The words at `span` as a group of this actor alone.
    fn standing_at(&self, span: (usize, usize)) -> ActorGroup {
        ActorGroup { actors: vec![self.actor_at(span)], start: span.0, end: span.1 }
    }

    /// An actor that was a clause's subject, as a later pronoun takes it.
    fn subject(code: &str, text: &str) -> Known {
        Known {
            code: code.to_string(),
            text: text.to_string(),
            role: true,
            person: false,
            offices: Vec::new(),
        }
    }
}

/// State carried across the sentences of one article.
#[derive(Debug, Default)]
pub(crate) struct Discourse {
    /// Surname (upper-cased) → the person it refers to.
    aliases: FxHashMap<String, Known>,
    /// Distinct actors in order of last mention, most recent last.
    recent: Vec<Known>,
    /// The subject of the last coded event.
    last_subject: Vec<Known>,
    /// The last subject that was a single actor, for "he"/"she".
    last_single_subject: Option<Known>,
    /// Country codes of the actors named so far, in order of first mention,
    /// with how often each was named.
    countries: Vec<(String, usize)>,
    /// Office holders in order of last mention, most recent last, for a role
    /// noun alone ("la premier" after "Giorgia Meloni").
    officials: Vec<Known>,
    /// Who struck last: the source of the last violent event (roots 18-20),
    /// for "the attack" in a later sentence.
    last_attacker: Option<Known>,
    /// Who accused or criticised last: the source of the last event of root
    /// 11, for "the accusations" in a later sentence.
    last_accuser: Option<Known>,
    /// Who decided or did something last: the source of the last event that
    /// is an act, not words (no statement, appeal, demand, criticism,
    /// protest or meeting), for "the decision" in a later sentence.
    last_decider: Option<Known>,
    /// Who asked, demanded, proposed or offered last: the source of the last
    /// event of roots 02, 03 or 10, for "the request" in a later sentence.
    last_requester: Option<Known>,
    /// Who imposed sanctions, tariffs or an embargo last (root 16), for "the
    /// sanctions" in a later sentence.
    last_sanctioner: Option<Known>,
    /// The two states of the last event between two states, for "the two
    /// countries": "Ethiopia and Somalia agreed …, Turkish President Erdogan
    /// said. The two countries …" are Ethiopia and Somalia, not the state
    /// named last.
    last_dyad: Vec<Known>,
}

const MAX_RECENT: usize = 12;

impl Discourse {
    /// Adds actors the dictionaries do not know but the article does:
    /// surnames of people named before, plural summaries ("the two
    /// ministers", "i due leader") standing for the actors last named, and
    /// role nouns alone ("la premier", "the foreign minister") standing for
    /// the person last named who holds that office.
    pub(crate) fn extend_groups(
        &self,
        sent: &Keyed<'_>,
        groups: &mut Vec<ActorGroup>,
        lw: &LangWords,
        office_nouns: &OfficeNouns,
    ) {
        self.resolve_offices(sent, groups, lw, office_nouns);
        self.referring_groups(sent.tokens, groups, lw)
    }

    /// "La premier ha ricevuto …" after "Giorgia Meloni": a role noun that
    /// names an office, with no country of its own, is the office holder the
    /// article named last (who may have been named with another title:
    /// "Meloni" is the premier of a later sentence).
    fn resolve_offices(
        &self,
        sent: &Keyed<'_>,
        groups: &mut [ActorGroup],
        lw: &LangWords,
        nouns: &OfficeNouns,
    ) {
        if self.officials.is_empty() {
            return;
        }
        // "accolto dal presidente della Repubblica Sergio Mattarella": a role
        // that a person's name follows closely is that person's title.
        // Only words of a title stand between ("della Repubblica", a comma): in
        // "the prime minister met Premier Li Qiang" the role is someone else.
        let title_word = |t: &Token| {
            &*t.text == ","
                || lw.of_words.contains(&&*t.upper)
                || lw.is_determiner(&t.upper)
                || t.kind == TokenKind::Word && crate::has_upper_initial(&t.text)
        };
        let titled: Vec<bool> = groups
            .iter()
            .map(|g| {
                groups.iter().any(|next| {
                    next.start >= g.end
                        && next.start <= g.end + 3
                        && next.actors.iter().any(|a| a.person)
                        && sent
                            .tokens
                            .get(g.end..next.start)
                            .is_some_and(|between| between.iter().all(title_word))
                })
            })
            .collect();
        for (group, titled) in groups.iter_mut().zip(titled) {
            let [actor] = group.actors.as_mut_slice() else { continue };
            if titled || !is_bare_role(&actor.code) || actor.implied_text.is_some() {
                continue;
            }
            // "i due premier": a role noun the same in the plural, counted, sums up
            // the people named before (`referring_groups`); it is no one holder.
            let counted = actor
                .start
                .checked_sub(1)
                .and_then(|i| sent.tokens.get(i))
                .is_some_and(|t| lw.number_word(&t.upper).is_some() || lw.both.contains(&&*t.upper));
            if counted {
                continue;
            }
            let named = nouns.named_by(sent, actor.start, actor.end, lw);
            if named.is_empty() {
                continue;
            }
            let fits = |k: &&Known| named.iter().any(|n| n.names_holder(&k.offices));
            let Some(holder) = self.officials.iter().rev().find(fits) else { continue };
            actor.code.clone_from(&holder.code);
            actor.implied_text = Some(holder.text.clone());
            actor.offices.clone_from(&holder.offices);
        }
    }

    fn referring_groups(&self, tokens: &[Token], groups: &mut Vec<ActorGroup>, lw: &LangWords) {
        if self.aliases.is_empty()
            && self.recent.len() < 2
            && self.last_attacker.is_none()
            && self.last_accuser.is_none()
            && self.last_decider.is_none()
            && self.last_requester.is_none()
            && self.last_sanctioner.is_none()
        {
            return; // nothing earlier to refer to
        }
        let covered = |groups: &[ActorGroup], i: usize| groups.iter().any(|g| i >= g.start && i < g.end);
        let mut added = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if covered(groups, i) || token.kind != TokenKind::Word {
                continue;
            }
            // "the accusations" stand for the last accuser and their words stay a
            // pattern's ("rejected the accusations" is a denial); "the attack"
            // stands for the last attacker and its words no longer match.
            // German fronts the object before its verb: "Diese Vorwürfe weist
            // Südafrika zurück" is no accuser's act.
            let fronted = || {
                lw.verb_second
                    && tokens.first().is_some_and(|t| lw.is_determiner(&t.upper))
                    && tokens
                        .get(1..i)
                        .is_some_and(|ts| ts.iter().all(|t| !crate::has_upper_initial(&t.text)))
            };
            let pointed = [
                (&self.last_accuser, lw.accusation_nouns, PointsBack::Words),
                (&self.last_attacker, lw.act_nouns, PointsBack::Attack),
                (&self.last_decider, lw.decision_nouns, PointsBack::Words),
                (&self.last_requester, lw.request_nouns, PointsBack::Words),
                (&self.last_sanctioner, lw.sanction_nouns, PointsBack::Words),
            ]
            .into_iter()
            .find_map(|(known, nouns, kind)| {
                let known = known.as_ref()?;
                // "The sanctions freeze any assets …": a request, decision or
                // measure that opens the sentence is its subject, no side of it,
                // but for a passive's ("La decisión fue criticada por …").
                let opens = || {
                    i <= 3
                        && tokens.get(i + 1).is_none_or(|t| !lw.passive_aux.contains(&&*t.upper))
                        && tokens.first().is_some_and(|t| lw.is_determiner(&t.upper))
                        && tokens.get(1..i).is_some_and(|ts| {
                            ts.iter().all(|t| t.kind == TokenKind::Word && !crate::has_upper_initial(&t.text))
                        })
                };
                let points = act_pointing_back(tokens, i, groups, lw, nouns)
                    && (kind == PointsBack::Attack || !fronted() && !opens());
                points.then_some((known, kind))
            });
            if let Some((known, kind)) = pointed {
                let mut group = known.standing_at((i, i + 1));
                group.actors.iter_mut().for_each(|a| a.points_back = Some(kind));
                added.push(group);
                continue;
            }
            if let Some(person) = self.aliases.get(&*token.upper) {
                if token.text.chars().next().is_some_and(char::is_uppercase) {
                    added.push(ActorGroup {
                        actors: vec![Actor {
                            person: person.person,
                            offices: person.offices.clone(),
                            ..Actor::new(person.code.clone(), i, i + 1)
                        }],
                        start: i,
                        end: i + 1,
                    });
                }
                continue;
            }
            let Some(n) = lw.number_word(&token.upper) else { continue };
            // "uccidendo quattro persone", "killed two soldiers": a bare number
            // counts; only "the two …", "i due …" or "both" sums up.
            let definite =
                i.checked_sub(1).and_then(|b| tokens.get(b)).is_some_and(|t| lw.is_determiner(&t.upper));
            if !definite && !lw.both.contains(&&*token.upper) {
                continue;
            }
            // "the two ministers": the summary ends with the role noun after the number,
            // which may already be a (country-less) agent group; a role noun sums up
            // the people and officials named, not the countries.
            // "entrambi i paesi", "both the countries": an article may follow "both".
            let mut noun = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|t| lw.is_determiner(&t.upper)));
            // "the two neighbouring countries", "the two nuclear-armed neighbours": a
            // lower-case adjective before the summary noun is part of the summary. (A
            // region's, "the three European countries", is not: the last states named
            // need not be the region's.)
            let sums_up = |k: usize| {
                tokens.get(k).is_some_and(|t| {
                    lw.summary_nouns.contains(&&*t.upper) || lw.state_summary_nouns.contains(&&*t.upper)
                })
            };
            let mut skipped = None;
            if !sums_up(noun)
                && sums_up(noun + 1)
                && !covered(groups, noun)
                && tokens.get(noun).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.text.chars().next().is_some_and(char::is_lowercase)
                })
            {
                skipped = Some(noun);
                noun += 1;
            }
            let next = tokens.get(noun).map(|t| &*t.upper);
            let people_only = next.is_some_and(|w| lw.people_summary_nouns.contains(&w));
            let (end, role) = match groups.iter().find(|g| g.start == noun) {
                // "the two men" after two leaders are those leaders, though
                // "men" alone are civilians.
                Some(g) if g.actors.iter().all(|a| a.code.starts_with('~')) => {
                    let role = if people_only && g.end == noun + 1 {
                        Some("~GOV".to_string())
                    } else {
                        g.actors.first().map(|a| a.code.clone())
                    };
                    (g.end, role)
                }
                Some(_) => continue,
                None if people_only => (noun + 1, Some("~GOV".to_string())),
                None if next.is_some_and(|w| {
                    lw.summary_nouns.contains(&w) || lw.state_summary_nouns.contains(&w)
                }) =>
                {
                    (noun + 1, None)
                }
                // "ambos acordaron", "both agreed": "both" alone stands for the
                // sides, as "both sides" does.
                None if lw.both.contains(&&*token.upper)
                    && noun == i + 1
                    && tokens
                        .get(noun)
                        .is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase)) =>
                {
                    (i + 1, None)
                }
                None => continue,
            };
            let alone = end == i + 1 && role.is_none();
            // "the two countries", "i due eserciti", "both governments": the
            // last states named, as states or with the role's agent.
            let states = self.recent_states(n);
            // The people this sentence named before the summary, but for the
            // one it opens with, are the most recent: "Modi embraced
            // Zelenskiy before the two leaders held talks"; in "Erdogan, who
            // hosted the two leaders", the host is none of them.
            let named_here: Vec<Known> = groups
                .iter()
                .skip(1)
                .filter(|g| g.end <= i)
                .flat_map(|g| &g.actors)
                .filter(|a| a.person && state_of(&a.code).is_some())
                .map(|a| Known {
                    person: true,
                    ..Known::subject(&a.code, &token_text(tokens, a.start, a.end))
                })
                .collect();
            let summed: Vec<(String, &str)> = match &role {
                Some(agent) => {
                    // People first ("the two ministers" after two named ministers), then
                    // officials; never a country-less role ("press conference"). A role
                    // that is no office ("i due eserciti") is the states' own.
                    let people =
                        distinct(self.recent.iter().filter(|k| k.person).chain(named_here.iter()).collect());
                    let roles =
                        distinct(self.recent.iter().filter(|k| k.role && !k.code.starts_with('~')).collect());
                    let office = agent == "~GOV";
                    // "the two leaders" after Trump hosted Lee and hoped to meet Kim:
                    // the people of the last event between two states, if named.
                    let Some(summed) = self
                        .pair_people(&people, n)
                        .or_else(|| last_named(&people, n))
                        .filter(|_| office)
                        .or_else(|| {
                            states.filter(|_| !people_only).map(|states| {
                                states
                                    .iter()
                                    .map(|k| (crate::actors::attach_agent(&k.code[..3], agent), &*k.text))
                                    .collect()
                            })
                        })
                        .or_else(|| last_named(&roles, n).filter(|_| !people_only))
                    else {
                        continue;
                    };
                    summed
                }
                None if next.is_some_and(|w| lw.state_summary_nouns.contains(&w)) => match states {
                    Some(states) => {
                        // "Delegationen beider Länder", "les délégations des deux pays": a
                        // role right before the summary is the states' own, no actor apart.
                        let before =
                            |k: usize| k.checked_sub(1).and_then(|b| tokens.get(b).map(|t| (b, &*t.upper)));
                        let mut owned_from = i;
                        if let Some((b, _)) = before(owned_from).filter(|(_, w)| lw.is_determiner(w)) {
                            owned_from = b;
                        }
                        if let Some((b, _)) = before(owned_from).filter(|(_, w)| lw.of_words.contains(w)) {
                            owned_from = b;
                        }
                        groups.retain(|g| {
                            !(g.end == owned_from && g.actors.iter().all(|a| a.code.starts_with('~')))
                        });
                        states.iter().map(|k| (k.code[..3].to_string(), &*k.text)).collect()
                    }
                    None => continue,
                },
                // "both sides", "le due parti": the two sides of the last
                // event between states, else the last actors named. Not a
                // pair the sentence names a side of before: "Turkey was ready to
                // host talks between the two sides" after Erdogan met Zelensky.
                None if self.last_pair(n).is_some_and(|pair| {
                    // "Lula aseguró que ambos acordaron": "both" alone counts its speaker in.
                    alone || !names_a_side_of(&groups[..groups.partition_point(|g| g.end <= i)], pair)
                }) =>
                {
                    self.last_dyad.iter().map(|k| (k.code.clone(), &*k.text)).collect()
                }
                None => {
                    let sides = distinct(self.recent.iter().filter(|k| !k.code.starts_with('~')).collect());
                    let Some(summed) = last_named(&sides, n) else { continue };
                    summed
                }
            };
            groups.retain(|g| g.start != noun && Some(g.start) != skipped);
            let actors = summed
                .into_iter()
                .map(|(code, text)| Actor {
                    implied_text: Some(text.to_string()),
                    ..Actor::new(code, i, end)
                })
                .collect();
            added.push(ActorGroup { actors, start: i, end });
        }
        if !added.is_empty() {
            groups.extend(added);
            groups.sort_by_key(|g| g.start);
        }
    }

    /// The two states of the last event between two states, or else the
    /// last `n` distinct states named, each at its last mention, when the
    /// article named that many: "Trump met Xi … the two countries" is the
    /// United States and China, however each was named.
    fn recent_states(&self, n: usize) -> Option<Vec<&Known>> {
        if let Some(pair) = self.last_pair(n) {
            return Some(pair.iter().collect());
        }
        let mut out: Vec<&Known> = Vec::new();
        for k in self.recent.iter().rev() {
            let Some(state) = state_of(&k.code) else { continue };
            if !out.iter().any(|o| o.code.get(..3) == Some(state)) {
                out.insert(0, k);
            }
        }
        (out.len() >= n).then(|| out.split_off(out.len() - n))
    }

    /// The people named of the two states of the last event between states,
    /// when `n` summed up people are two and both states' were named.
    fn pair_people<'k>(&self, people: &[&'k Known], n: usize) -> Option<Vec<(String, &'k str)>> {
        self.last_pair(n)?
            .iter()
            .map(|side| {
                // A visit's side is the host's state ("KORGOV USA 042").
                let state = state_of(&side.code)?;
                let person = people.iter().rev().find(|p| state_of(&p.code) == Some(state))?;
                Some((person.code.clone(), &*person.text))
            })
            .collect()
    }

    /// The two sides of the last event between states, when `n` summed up
    /// actors are two.
    fn last_pair(&self, n: usize) -> Option<&[Known]> {
        (n == 2 && self.last_dyad.len() == 2).then_some(self.last_dyad.as_slice())
    }

    /// The subject carried over from earlier: the last event's subject, for
    /// a pronoun subject or a pro-drop verb. The actors point at `span`
    /// tokens (the pronoun, or the verb that implies the subject).
    pub(crate) fn carried_subject(&self, span: (usize, usize), singular: bool) -> Option<ActorGroup> {
        let single;
        let subject: &[Known] = match (&self.last_single_subject, singular) {
            (Some(k), true) => {
                single = [k.clone()];
                &single
            }
            _ => &self.last_subject,
        };
        if subject.is_empty() {
            return None;
        }
        let actors = subject.iter().map(|k| k.actor_at(span)).collect();
        Some(ActorGroup { actors, start: span.0, end: span.1 })
    }

    /// The person an object pronoun ("him", "lo", "l'", "ihn") at `span`
    /// stands for: the one named last before this sentence whose code is not
    /// the clause's subject's (`subject_code`): "Netanyahu met him" after
    /// "Vance landed in Tel Aviv" is Vance.
    pub(crate) fn carried_object(
        &self,
        span: (usize, usize),
        subject_code: Option<&str>,
    ) -> Option<ActorGroup> {
        let k = self.recent.iter().rev().find(|k| k.person && Some(k.code.as_str()) != subject_code)?;
        Some(k.standing_at(span))
    }

    /// The group a plural object pronoun stands for: the last one named by a
    /// plural (`plural` tells) that is not the subject and not a person or a
    /// bare state ("La policía *los* dispersó" after "Cientos de
    /// manifestantes bloquearon la carretera"). A role whose country the
    /// sentence did not say (`~CVL`) takes it where the pronoun stands.
    pub(crate) fn carried_group(
        &self,
        span: (usize, usize),
        subject_code: Option<&str>,
        plural: impl Fn(&str) -> bool,
    ) -> Option<ActorGroup> {
        let k = self.recent.iter().rev().find(|k| {
            k.role
                && !k.person
                && k.code.len() > 3
                && Some(k.code.as_str()) != subject_code
                && plural(&k.text)
        })?;
        Some(k.standing_at(span))
    }

    /// Remembers what a coded sentence said. `body_start` is the index of
    /// the sentence's first token after a dateline (0 without one).
    pub(crate) fn learn(
        &mut self,
        tokens: &[Token],
        sentence: &str,
        groups: &[ActorGroup],
        events: &[Event],
        lw: &LangWords,
        body_start: usize,
    ) {
        for group in groups {
            for actor in &group.actors {
                if !actor.offices.is_empty() && !actor.code.is_empty() {
                    let text = actor
                        .implied_text
                        .clone()
                        .unwrap_or_else(|| crate::span_text(tokens, actor.start, actor.end, sentence));
                    self.remember_official(Known {
                        code: actor.code.clone(),
                        text,
                        role: true,
                        person: true,
                        offices: actor.offices.clone(),
                    });
                }
                if actor.code.is_empty() || actor.implied_text.is_some() {
                    continue;
                }
                let text = crate::span_text(tokens, actor.start, actor.end, sentence);
                if actor.person {
                    // "Annalena Baerbock" → "Baerbock": a name of two words or more (the
                    // capitalized run the actor starts with, not an apposition after it).
                    let capital = |t: &Token| {
                        t.kind == TokenKind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
                    };
                    // The last run of two capitalized words or more: "Annalena Baerbock, the
                    // German minister" and "his German counterpart Annalena Baerbock" alike.
                    let span = tokens.get(actor.start..actor.end).unwrap_or_default();
                    let mut words: Vec<&Token> = span
                        .split(|t| !capital(t))
                        .rfind(|run| run.len() >= 2)
                        .map(|run| run.iter().collect())
                        .unwrap_or_default();
                    // "Ferdinand Marcos Jr." is "Marcos" later, not "Jr".
                    while words.last().is_some_and(|w| crate::actors::is_name_suffix(&w.upper)) {
                        words.pop();
                    }
                    if let (true, Some(last)) = (words.len() >= 2, words.last()) {
                        let known = Known {
                            code: actor.code.clone(),
                            text: text.clone(),
                            role: true,
                            person: true,
                            offices: actor.offices.clone(),
                        };
                        // "Kim Jong Un" → "Kim", "Xi Jinping" → "Xi": Chinese and Korean
                        // names put the family name first.
                        let family_first =
                            actor.code.get(..3).is_some_and(|c| FAMILY_NAME_FIRST.contains(&c));
                        if let Some(family) = family_name(&words).filter(|_| family_first) {
                            self.aliases.entry(family.upper.to_string()).or_insert_with(|| known.clone());
                        }
                        self.aliases.insert(last.upper.to_string(), known);
                    }
                }
                // "Les Forces démocratiques syriennes (FDS)": an acronym given in
                // brackets after a group the dictionaries know names it later in
                // the article ("Les FDS avaient accusé Damas"), where alone it may
                // mean something else (the Sahel armies' "FDS").
                if !actor.person {
                    if let Some(acronym) = acronym_in_brackets(tokens, actor.end) {
                        self.aliases.entry(acronym).or_insert_with(|| Known {
                            code: actor.code.clone(),
                            text: text.clone(),
                            role: actor.code.len() > 3,
                            person: false,
                            offices: Vec::new(),
                        });
                    }
                }
                let role = actor.person || actor.code.len() > 3;
                self.remember(Known {
                    code: actor.code.clone(),
                    text,
                    role,
                    person: actor.person,
                    offices: Vec::new(),
                });
                if let Some(country) =
                    actor.code.get(..3).filter(|c| c.chars().all(|ch| ch.is_ascii_uppercase()))
                {
                    match self.countries.iter_mut().find(|(c, _)| c == country) {
                        Some((_, n)) => *n += 1,
                        None => self.countries.push((country.to_string(), 1)),
                    }
                }
            }
        }
        // The source of the last event whose root fits.
        let last_source = |fits: fn(&str) -> bool| {
            events.iter().rev().find(|e| fits(&e.cameo_root) && !e.source.code.is_empty())
        };
        // Civilians are no side whose attack is condemned: "los enfrentamientos
        // entre milicias drusas y tribus beduinas" after an Israeli strike leave
        // "condenó la agresión" Israel's.
        let last_strike = events.iter().rev().find(|e| {
            matches!(&*e.cameo_root, "18" | "19" | "20")
                && !e.source.code.is_empty()
                && !e.source.code.ends_with("CVL")
        });
        if let Some(strike) = last_strike {
            // "Israeli warplanes struck …; Beirut condemned the strike": the
            // condemnation is of the state whose forces struck.
            let code = &strike.source.code;
            let code = match code.strip_suffix("MIL") {
                Some(state) if state_of(state).is_some() => state,
                _ => code,
            };
            self.last_attacker =
                Some(Known::subject(code, strike.source.refers_to.as_ref().unwrap_or(&strike.source.text)));
        }
        // Who a noun named again stands for: "Sudan accused Kenya …; Nairobi
        // rejected the accusations"; "Berlin stoppte die Waffenexporte …; die
        // AfD kritisierte die Entscheidung" (the last side that acted, not
        // spoke); "Conte ha chiesto a Nordio di dimettersi …; Nordio ha
        // respinto la richiesta"; "London froze the assets of …; the Russian
        // embassy denounced the sanctions".
        type RootFits = fn(&str) -> bool;
        let pointed_back: [(&mut Option<Known>, RootFits); 4] = [
            (&mut self.last_accuser, |root| root == "11"),
            (&mut self.last_decider, |root| !matches!(root, "01" | "02" | "04" | "10" | "11" | "14")),
            (&mut self.last_requester, |root| matches!(root, "02" | "03" | "10")),
            (&mut self.last_sanctioner, |root| root == "16"),
        ];
        for (last, fits) in pointed_back {
            if let Some(event) = last_source(fits) {
                *last = Some(Known::of_side(&event.source));
            }
        }
        // An intent ("said he hoped to meet Kim") pairs no one yet.
        let between_states = events.iter().rev().filter(|e| !e.cameo.starts_with("03")).find_map(|e| {
            let (source, target) = (state_of(&e.source.code)?, state_of(&e.target.code)?);
            (source != target).then(|| [&e.source, &e.target].map(Known::of_side))
        });
        if let Some(dyad) = between_states {
            self.last_dyad = dyad.into();
        }
        // The subject a later pronoun or dropped subject stands for: the last
        // event's, or else the actor an eventless sentence opens with
        // ("Pedro Sánchez rejected the call. He accused Russia …").
        let subject: Vec<Known> = if let Some(last) = events.iter().rev().find(|e| !e.source.code.is_empty())
        {
            events
                .iter()
                .filter(|e| {
                    e.sentence_index == last.sentence_index && e.evidence.trigger == last.evidence.trigger
                })
                // "Biden met Macron. He said …" is Biden, though the meeting is
                // coded both ways.
                .filter(|e| !e.evidence.rule.ends_with(crate::MUTUAL_NOTE))
                // A subject carried on names whom it stands for, not "he".
                .map(|e| Known::of_side(&e.source))
                .fold(Vec::new(), |mut acc, k| {
                    if !acc.contains(&k) {
                        acc.push(k);
                    }
                    acc
                })
        } else if let Some(group) = opening_subject(tokens, groups, lw, body_start) {
            group
                .actors
                .iter()
                .filter(|a| !a.code.is_empty())
                .map(|a| match &a.implied_text {
                    Some(text) => Known::subject(&a.code, text),
                    None => Known::subject(&a.code, &crate::span_text(tokens, a.start, a.end, sentence)),
                })
                .collect()
        } else {
            Vec::new()
        };
        if let [one] = subject.as_slice() {
            self.last_single_subject = Some(one.clone());
        }
        if !subject.is_empty() {
            self.last_subject = subject;
        }
    }

    /// The state the article was last about: the country of the most recent
    /// actor of a state named in an earlier sentence ("Giorgia Meloni" before
    /// "Il governo ha convocato i sindacati").
    pub(crate) fn last_state(&self) -> Option<&str> {
        self.recent.iter().rev().find_map(|k| state_of(&k.code))
    }

    /// The country codes of the actors named so far, in order of first mention:
    /// the context that decides ambiguous place names.
    pub(crate) fn countries(&self) -> impl Iterator<Item = &str> {
        self.countries.iter().map(|(c, _)| c.as_str())
    }

    /// The state the article is mostly about, whose institutions a bare
    /// "the opposition", "police" or "the coast guard" are: the one named
    /// most often, where the dateline (`filed_in`) counts twice over and wins
    /// a tie, and another tie goes to the one named last. "LAMPEDUSA - … boats that left Sfax,
    /// in Tunisia. The coast guard rescued …" is Italy's coast guard.
    pub(crate) fn main_state<'a>(&'a self, filed_in: Option<&'a str>) -> Option<&'a str> {
        let last_named = |c: &str| self.recent.iter().rposition(|k| k.code.get(..3) == Some(c));
        let filed = |c: &str| filed_in == Some(c);
        let score = |c: &str, n: usize| (n + 2 * usize::from(filed(c)), filed(c), last_named(c));
        let states = self.countries.iter().filter(|(c, _)| state_of(c).is_some());
        let named = states.map(|(c, n)| (c.as_str(), score(c, *n)));
        let unnamed_dateline =
            filed_in.filter(|f| !self.countries.iter().any(|(c, _)| c == f)).map(|f| (f, score(f, 0)));
        named.chain(unnamed_dateline).max_by_key(|&(_, s)| s).map(|(c, _)| c)
    }

    /// Forgets the subjects of the last events, which a sentence without a
    /// subject of its own would take; names and countries stay known.
    pub(crate) fn forget_subjects(&mut self) {
        self.last_subject.clear();
        self.last_single_subject = None;
    }

    /// Remembers an office holder as the last named: the same person (code
    /// and offices) moves to the end.
    fn remember_official(&mut self, known: Known) {
        push_latest(&mut self.officials, known, |a, b| a.code == b.code && a.offices == b.offices);
    }

    fn remember(&mut self, known: Known) {
        // "Giorgia Meloni" and "il governo italiano" are both ITAGOV, but only
        // she is one of "i due leader".
        push_latest(&mut self.recent, known, |a, b| a.code == b.code && a.person == b.person);
    }
}

/// The acronym in brackets right after `end`: "(FDS)", "(PDL)", "(M23)".
fn acronym_in_brackets(tokens: &[Token], end: usize) -> Option<String> {
    let [open, word, close] = tokens.get(end..end + 3)? else { return None };
    let acronym = &*word.text;
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    (&*open.text == "("
        && &*close.text == ")"
        && word.kind == TokenKind::Word
        && (2..=8).contains(&acronym.chars().count())
        && letters >= 2
        && acronym.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-'))
    .then(|| word.upper.to_string())
}

/// Appends `known` as the latest of `list`, dropping an earlier mention that
/// is `same` and the oldest beyond [`MAX_RECENT`].
fn push_latest(list: &mut Vec<Known>, known: Known, same: impl Fn(&Known, &Known) -> bool) {
    list.retain(|k| !same(k, &known));
    list.push(known);
    if list.len() > MAX_RECENT {
        list.remove(0);
    }
}

/// Each side once, at its last mention: a person and her government share
/// a code, and a summary counts them as one.
fn distinct(known: Vec<&Known>) -> Vec<&Known> {
    let mut out: Vec<&Known> = Vec::new();
    for k in known.into_iter().rev() {
        if !out.iter().any(|o| o.code == k.code) {
            out.insert(0, k);
        }
    }
    out
}

/// Whether actors named before a summary (`groups`) include one of the states of `pair`.
fn names_a_side_of(groups: &[ActorGroup], pair: &[Known]) -> bool {
    groups
        .iter()
        .flat_map(|g| &g.actors)
        .any(|a| state_of(&a.code).is_some_and(|state| pair.iter().any(|k| state_of(&k.code) == Some(state))))
}

/// The codes and words of the last `n` of `known`, when there are that many.
fn last_named<'k>(known: &[&'k Known], n: usize) -> Option<Vec<(String, &'k str)>> {
    let from = known.len().checked_sub(n)?;
    Some(known[from..].iter().map(|k| (k.code.clone(), &*k.text)).collect())
}

/// A word, or a quotation mark around one.
fn plain_or_quote(t: &Token) -> bool {
    t.kind == TokenKind::Word
        || t.kind == TokenKind::Punct && matches!(&*t.text, "\"" | "«" | "»" | "“" | "”" | "'")
}

/// "Kyiv condemned the attack", "l'attacco", "les frappes": a noun that names
/// a violent act, after a definite determiner (and at most two modifiers:
/// "the deadly drone attack"), with no author of its own after it ("the
/// attack by …", "l'attacco di Hamas"), points back at the last one the
/// article told, and stands for whoever struck.
fn act_pointing_back(
    tokens: &[Token],
    i: usize,
    groups: &[ActorGroup],
    lw: &LangWords,
    nouns: &[&str],
) -> bool {
    let Some(token) = tokens.get(i) else { return false };
    if !nouns.contains(&&*token.upper) {
        return false;
    }
    let starts_group = |k: usize| groups.iter().any(|g| g.start == k);
    let in_group = |k: usize| groups.iter().any(|g| k >= g.start && k < g.end);
    // The determiner, at most two plain words or a quotation mark before the
    // noun: "condenó la «matanza»".
    let determined = (1..=3).any(|back| {
        i.checked_sub(back).and_then(|d| tokens.get(d)).is_some_and(|d| {
            lw.definite_determiners.contains(&&*d.upper)
                && (i - back + 1..i).all(|k| tokens.get(k).is_some_and(plain_or_quote) && !in_group(k))
        })
    });
    if !determined {
        return false;
    }
    // An author of its own: "the attack by Hamas", "l'attacco di Hamas",
    // "der Angriff Russlands", past a quoted or plain adjective: "las
    // acusaciones «infundadas» de Pakistán".
    let qualifier =
        |t: &Token| plain_or_quote(t) && (t.kind != TokenKind::Word || !crate::has_upper_initial(&t.text));
    let authored = starts_group(i + 1)
        || (i + 1..i + 6).any(|next| {
            let qualified = tokens.get(i + 1..next).is_some_and(|between| {
                between.iter().all(qualifier)
                    && between.iter().filter(|t| t.kind == TokenKind::Word).count() <= 2
            });
            let author_after = tokens.get(next).is_some_and(|t| {
                (lw.passive_agent.contains(&&*t.upper) || lw.of_words.contains(&&*t.upper))
                    && (next + 1..next + 4).any(starts_group)
            });
            qualified && author_after
        });
    !authored
}

/// A capital named as the subject of a political act stands for the government
/// seated there ("Ankara criticized Israel": TURGOV), as the dictionaries' seats of
/// government ("Kremlin", "Casa Bianca") do. Only a bare country code read from the
/// name of that country's capital changes; a capital that suffers an act ("shelled
/// Kyiv") stays the country, and so does a capital that shares its
/// country's name ("México rechazó …" is MEX).
///
/// Two sides that act together ("Washington and New Delhi signed …") are each
/// the other's target under the same code: there the target capital acts too,
/// and is its government as well.
pub(crate) fn capital_as_government(events: &mut [Event]) {
    let gazetteer = Gazetteer::embedded();
    let mirrored: Vec<bool> = events
        .iter()
        .map(|e| {
            events.iter().any(|m| {
                m.cameo == e.cameo
                    && m.source.span == e.target.span
                    && m.target.span == e.source.span
                    && m.evidence.trigger.span == e.evidence.trigger.span
            })
        })
        .collect();
    for (event, mirrored) in events.iter_mut().zip(mirrored) {
        capital_side_as_government(&mut event.source, gazetteer);
        if mirrored {
            capital_side_as_government(&mut event.target, gazetteer);
        }
    }
}

/// An act addressed to another side whose target is the capital of the
/// source's own state ("The M23 accused Kinshasa", "il sindaco ha criticato
/// Roma") is addressed to the government seated there, not to the bare state
/// [`acts_on_own_country`] would drop. The government's own acts there stay
/// dropped: its capital is where it acts ("Zelensky ha riunito a Kiev …").
pub(crate) fn own_capital_as_government(events: &mut [Event]) {
    let gazetteer = Gazetteer::embedded();
    for event in events.iter_mut().filter(|e| acts_on_own_country(e) && e.source.agent != "GOV") {
        capital_side_as_government(&mut event.target, gazetteer);
    }
}

/// Turns a bare country code read from the name of that country's capital into
/// its government.
fn capital_side_as_government(side: &mut ActorRef, gazetteer: &Gazetteer) {
    if side.code.len() != 3 || !side.code.bytes().all(|b| b.is_ascii_uppercase()) {
        return;
    }
    // "México", "Djibouti", "Kuwait": a name that is also the country's own
    // is the country.
    let places = gazetteer.lookup(&side.text);
    let country = places.iter().any(|p| p.kind == PlaceType::Country && p.cameo == side.code);
    if !country && places.iter().any(|p| p.capital && p.cameo == side.code) {
        side.code.push_str("GOV");
        side.agent = "GOV".to_string();
    }
}

/// A side named only by its role ("police", "protesters": an agent code
/// with no country) takes the country of the place the sentence says the
/// event happened in: "Police arrested protesters in Tirana" is ALBCOP
/// against ALBCVL. Only a place the sentence names after a locative
/// preposition, outside the role's own words, counts; a side with a country
/// keeps it. Violence is the exception: its victims are where it struck, so
/// "Russian missiles struck Kharkiv, killing three civilians" gives UKRCVL
/// from the struck city, not RUSCVL from the attacker.
pub(crate) fn roles_take_place_country(events: &mut [Event], sentence: &Sentence<'_>) {
    let lw = LangWords::of(sentence.lang);
    // "in Tirana", "a Tirana": a place after a locative preposition, not a
    // name that only looks like one ("Judge Alejandro Rivera").
    let after_locative = |at: usize| {
        sentence
            .tokens
            .iter()
            .position(|t| t.span.0 == at)
            .is_some_and(|i| lw.locative_before(sentence.tokens, i))
    };
    for event in events.iter_mut() {
        let violent = matches!(event.cameo_root.as_str(), "18" | "19" | "20");
        let Some(place) = event
            .location
            .as_ref()
            .filter(|l| l.country.len() == 3 && l.span.is_some_and(|p| violent || after_locative(p[0])))
        else {
            continue;
        };
        // A place read inside the role's own words ("Judge Alejandro Rivera")
        // is too doubtful to give it a country.
        let inside = |side: Span| place.span.is_some_and(|p| p[0] < side[1] && side[0] < p[1]);
        let country = place.country.clone();
        for side in [&mut event.source, &mut event.target] {
            if !inside(side.span) {
                role_takes_country(side, &country);
            }
        }
    }
}

/// Whether a side is named only by its role: an agent code with no country.
fn bare_role(side: &ActorRef) -> bool {
    is_bare_role(&side.code)
}

/// Whether an actor code is an agent with no country ("~GOV").
pub(crate) fn is_bare_role(code: &str) -> bool {
    code.strip_prefix('~').is_some_and(|agent| !agent.is_empty())
}

/// Gives a side named only by its role the `country`: "~COP" becomes "ALBCOP".
fn role_takes_country(side: &mut ActorRef, country: &str) {
    if let Some(agent) = side.code.strip_prefix('~').filter(|a| !a.is_empty()) {
        side.code = format!("{country}{agent}");
        side.country = country.to_string();
    }
}

/// A headline's topic before a colon or, in a headline, a comma ("Mali : la
/// junte expulse …", "Golpe in Gabon: i militari arrestano il presidente",
/// "Sudafrica, Rubio espelle l'ambasciatore") names the country of the sides
/// after it that are only roles: MLIGOV, GABMIL, ZAFGOV. The topic is at most
/// five words and names exactly one country.
pub(crate) fn roles_take_topic_country(events: &mut [Event], sentence: &Sentence<'_>) {
    // A headline (no full stop at its end) sets its topic off by a comma too
    // ("Sudafrica, Rubio espelle l'ambasciatore"), but for English, which
    // writes "and" so ("Armenia, Azerbaijan agree …").
    let headline = sentence.lang != "en"
        && sentence.tokens.last().is_some_and(|t| !matches!(&*t.text, "." | "!" | "?" | "»" | "\"" | "”"));
    let Some(colon) =
        sentence.tokens.iter().take(6).position(|t| &*t.text == ":" || headline && &*t.text == ",")
    else {
        return;
    };
    let Some(colon_at) = sentence.tokens.get(colon).map(|t| t.span.0) else { return };
    let after_colon = |side: &ActorRef| side.span[0] >= colon_at;
    // Look the topic up only when a role after the colon lacks a country.
    let roles = events.iter().flat_map(|e| [&e.source, &e.target]).any(|s| after_colon(s) && bare_role(s));
    if colon == 0 || !roles {
        return;
    }
    let topic = dyad_text::char_slice(sentence.text, 0, colon_at);
    let mut countries: Vec<&str> = Gazetteer::embedded()
        .find_places(topic, sentence.lang)
        .iter()
        .map(|m| m.place.cameo)
        .filter(|c| c.len() == 3 && !NOT_STATES.contains(c))
        .collect();
    countries.dedup();
    let [country] = countries.as_slice() else { return };
    for event in events.iter_mut() {
        for side in [&mut event.source, &mut event.target] {
            if after_colon(side) {
                role_takes_country(side, country);
            }
        }
    }
}

/// The state an actor code belongs to: its country part, unless that names
/// no state ("IGO", "EUR") or the code has no country ("~GOV").
pub(crate) fn state_of(code: &str) -> Option<&str> {
    code.get(..3).filter(|c| c.chars().all(|ch| ch.is_ascii_uppercase()) && !NOT_STATES.contains(c))
}

/// States whose people's names put the family name first ("Kim Jong Un",
/// "Xi Jinping", "Lee Jae-myung"), so that the first word names them later.
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "HKG", "PRK", "KOR"];

/// The family name of a Chinese or Korean name at the end of a run of
/// capitalized words, past any title before it ("South Korean President Lee
/// Jae-myung" → "Lee"): the word before a hyphenated given name or a given
/// name of one word ("Xi Jinping"), or before a given name of two short
/// syllables ("Kim Jong Un", "Yoon Suk Yeol").
fn family_name<'t>(words: &[&'t Token]) -> Option<&'t Token> {
    let n = words.len();
    let short = |t: &Token| t.text.chars().count() <= 4 && !t.text.contains('-');
    let given = match words.get(n.checked_sub(2)?..) {
        Some([a, b]) if n >= 3 && short(a) && short(b) => 2,
        _ => 1,
    };
    words.get(n.checked_sub(given + 1)?).copied()
}

/// Country parts of CAMEO codes that name no state: international and
/// non-governmental organisations, multinational groups and world regions.
/// A role does not take these as its country.
pub(crate) const NOT_STATES: &[&str] = &[
    "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT", "AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CEU", "CRB",
    "EAF", "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA",
    "WAF", "WEU", "WST",
];

/// A side named only by its role takes the country of the event's other
/// side when that is a state: "Iranian authorities pressured workers" is
/// IRNGOV against IRNLAB, "rebels rejected the president's appeal" in a
/// sentence about Côte d'Ivoire's president CIVREB against CIVGOV. News names
/// the country once and lets the roles around it share it. A role that would
/// then carry the other side's very code ("Moroccan diplomats met the
/// president") is left as it is: an actor meeting itself says less than a
/// role with no country. A visit (042) crosses a border: "the defence
/// minister visited Ukraine" says nothing of the visitor's country, while
/// those visited or received ("received the opposition leaders") are at home.
/// So does a government or an army acting on a state named bare: "the
/// government accused Israel", "the army shelled Gaza" act on another country.
/// A diplomat is another state's man: "Beijing protested to the ambassador"
/// does not make him Chinese, and "the government summoned the Russian
/// ambassador" is not Russia summoning its own ([`is_diplomat`]).
pub(crate) fn roles_take_partner_country(events: &mut [Event], domestic_pairs: bool) {
    let state = |country: &str| country.len() == 3 && !NOT_STATES.contains(&country);
    // The code a role-only side would take from its partner, if any. With
    // `domestic_pairs` "the mayor" who criticizes the Spanish government is
    // Spain's too (ESPGOV -> ESPGOV), unless both sides are the same words.
    // Not when they talk or work together: a premier who calls a foreign
    // prime minister is seldom his compatriot.
    let taken = |side: &ActorRef, partner: &ActorRef, conflict: bool| {
        let agent = side.code.strip_prefix('~').filter(|a| !a.is_empty())?;
        if is_diplomat(&side.text) {
            return None;
        }
        let code = format!("{}{agent}", partner.country);
        let distinct = code != partner.code
            || domestic_pairs
                && conflict
                && partner.code.len() > 3
                && !side.text.eq_ignore_ascii_case(&partner.text)
                && !is_diplomat(&partner.text);
        (state(&partner.country) && distinct).then(|| (code, partner.country.clone()))
    };
    for event in events.iter_mut() {
        let visitor = event.cameo.starts_with("042");
        // Demands, criticism, rejections, threats, protests and force; not
        // sanctions and cut ties (16), which a state takes against another
        // ("the Treasury sanctioned eight officials").
        let conflict = event.cameo_root.as_str() >= "10" && event.cameo_root != "16";
        // A government or an army that acts on a state named bare acts abroad;
        // protesters who block Bogotá's streets are at home.
        let abroad = event.target.code.len() == 3
            && event.target.code == event.target.country
            && matches!(event.source.code.as_str(), "~GOV" | "~MIL");
        let for_source = taken(&event.source, &event.target, conflict).filter(|_| !visitor && !abroad);
        let for_target = taken(&event.target, &event.source, conflict);
        for (side, taken) in [(&mut event.source, for_source), (&mut event.target, for_target)] {
            if let Some((code, country)) = taken {
                side.code = code;
                side.country = country;
            }
        }
    }
}

/// An institution named only by its role ("the ministry", "la presidente
/// eletta") that speaks or deals with another state is, in an article filed
/// from a third state's city, that city's state's: "PECHINO - Il ministero del
/// Commercio ha chiesto a Washington di revocare le misure" is CHNGOV, not a
/// US ministry asking its own capital. Only for words and diplomacy (roots
/// 01 to 13, not visits), where the other side is seldom one's own; a
/// diplomat is another state's man wherever he is ([`is_diplomat`]). So are
/// protesters, the opposition and the police who speak or protest (14):
/// "OUAGADOUGOU - Les manifestants ont dénoncé les propos du général
/// américain" is BFACVL, not US civilians criticizing their own army.
pub(crate) fn roles_take_dateline_country(events: &mut [Event], filed_in: &str) {
    if state_of(filed_in).is_none() {
        return;
    }
    let institution = |side: &ActorRef| {
        matches!(side.code.strip_prefix('~'), Some("GOV" | "ELI" | "JUD" | "LEG" | "SPY"))
            && !is_diplomat(&side.text)
    };
    let people = |side: &ActorRef| matches!(side.code.strip_prefix('~'), Some("CVL" | "OPP" | "COP"));
    for event in events.iter_mut() {
        let root = event.cameo_root.as_str();
        let verbal = ("01"..="13").contains(&root);
        if !(verbal || root == "14") || ["042", "043", "044"].iter().any(|c| event.cameo.starts_with(c)) {
            continue;
        }
        let abroad = |partner: &ActorRef| state_of(&partner.country).is_some_and(|c| c != filed_in);
        // People who are told or done something are more often the other
        // side's own ("Sánchez ha chiesto scusa ai cittadini").
        if (verbal && institution(&event.source) || people(&event.source)) && abroad(&event.target) {
            role_takes_country(&mut event.source, filed_in);
        } else if verbal
            && institution(&event.target)
            && abroad(&event.source)
            && !opposes_at_home(&event.source)
        {
            role_takes_country(&mut event.target, filed_in);
        }
    }
}

/// Whether a side is a party or the opposition, whose "government" is its own
/// country's wherever the article is filed: "TIRANA - Schlein ha accusato il
/// governo" is ITAGOV.
fn opposes_at_home(side: &ActorRef) -> bool {
    side.code.len() > 3 && (side.code.ends_with("OPP") || side.code.ends_with("PTY"))
}

/// "Kenyan police attacked students who protested against the government": a
/// role that one event of the sentence gave a country (the students, Kenya's
/// as the police's victims) is the same role, of the same country, in the
/// sentence's other events, where its partner is only a role too.
pub(crate) fn roles_keep_their_country(events: &mut [Event]) {
    let resolved: Vec<(usize, Span, String)> = events
        .iter()
        .flat_map(|e| [&e.source, &e.target].map(|a| (e.sentence_index, a)))
        .filter(|(_, a)| state_of(&a.country).is_some() && a.code.len() > 3)
        .map(|(i, a)| (i, a.span, a.country.clone()))
        .collect();
    for event in events.iter_mut() {
        let index = event.sentence_index;
        for side in [&mut event.source, &mut event.target] {
            if !bare_role(side) {
                continue;
            }
            if let Some((_, _, country)) =
                resolved.iter().find(|(i, span, _)| *i == index && *span == side.span)
            {
                role_takes_country(side, country);
            }
        }
    }
}

/// "La Russia ha lanciato droni sulle città ucraine, uccidendo due persone",
/// "US forces struck a boat linked to the ELN, killing three people": victims
/// named only by their role, of force used by a side that struck one foreign
/// state in the same sentence, are that state's, not the attacker's.
pub(crate) fn victims_take_struck_country(events: &mut [Event]) {
    let force = |e: &Event| matches!(e.cameo_root.as_str(), "18" | "19" | "20");
    let struck: Vec<(String, String)> = events
        .iter()
        .filter(|e| force(e) && state_of(&e.target.country).is_some())
        .filter(|e| state_of(&e.source.country).is_some_and(|c| c != e.target.country))
        .map(|e| (e.source.code.clone(), e.target.country.clone()))
        .collect();
    for event in events.iter_mut().filter(|e| force(e) && bare_role(&e.target)) {
        let mut countries = struck.iter().filter(|(s, _)| *s == event.source.code).map(|(_, c)| c);
        if let (Some(country), None) = (countries.next(), countries.next()) {
            role_takes_country(&mut event.target, country);
        }
    }
}

/// "Un drone israeliano ha ucciso due persone a Bint Jbeil": civilians killed
/// by a foreign side's force, where no place or struck state in the sentence
/// gave them a country, are of the state the article is about (`main`), not
/// the attacker's compatriots. An army at home ("l'esercito sudanese ha
/// ucciso dieci civili" in an article about Sudan) keeps its own.
pub(crate) fn victims_take_article_state(events: &mut [Event], main: &str) {
    if state_of(main).is_none() {
        return;
    }
    let force = |e: &Event| matches!(e.cameo_root.as_str(), "18" | "19" | "20");
    for event in events.iter_mut().filter(|e| force(e) && e.target.code == "~CVL") {
        if state_of(&event.source.country).is_some_and(|c| c != main) {
            role_takes_country(&mut event.target, main);
        }
    }
}

/// Whether an actor's words name a diplomat or an embassy, in any of the five
/// languages: "ambassador", "ambasciatore", "embajada", "l'ambassadeur",
/// "Botschafter", "envoy", "inviato", "diplomats", "chargé d'affaires", "consul".
///
/// Stems, not dictionary entries: the test is about what a role is, whatever
/// code the dictionary gives it.
pub(crate) fn is_diplomat(text: &str) -> bool {
    const STEMS: &[&str] = &[
        "AMBASSAD",
        "AMBASCIAT",
        "EMBAJAD",
        "BOTSCHAFT",
        "EMBASS",
        "ENVOY",
        "INVIAT",
        "ENVIAD",
        "ENVOYÉ",
        "GESANDT",
        "DIPLOMAT",
        "DIPLOMÁTIC",
        // "incaricato d'affari", "encargado de negocios", "chargé d'affaires",
        // "Geschäftsträger", and consuls.
        "INCARICAT",
        "ENCARGAD",
        "CHARGÉ",
        "GESCHÄFTSTRÄGER",
        "CONSOL",
        "CONSUL",
        "KONSUL",
    ];
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let upper = word.to_uppercase();
        STEMS.iter().any(|s| upper.starts_with(s))
    })
}

/// Gives the roles of an event between roles alone ("Il governo ha convocato
/// i sindacati") the `country` the article is about, which news leaves
/// unsaid once it has named it.
///
/// `institutions_country` is the one for a government, police, judges, a
/// legislature, the opposition, parties and spies, when it differs: the
/// state the article is mostly about rather than the one named last.
///
/// A role that would so become its partner's very actor ("il ministero degli
/// Esteri ha convocato l'incaricato d'affari americano" in an article mostly
/// about the United States) takes the country the article was filed in
/// (`filed_in`), when that is another.
pub(crate) fn roles_take_article_country(
    events: &mut [Event],
    country: &str,
    institutions_country: &str,
    filed_in: Option<&str>,
) {
    for event in events.iter_mut() {
        // Beside a named actor, only an institution is surely the article's
        // country's ("Palazzo Chigi … la premier", "Sea-Watch accusa il
        // governo"); journalists, civilians or soldiers may be anyone's.
        // Facing an organisation, not a state ("EU farmers protested against
        // the Commission", "the UN condemned attacks on civilians"), a role
        // has no partner to take a country from: it is the article's.
        let beside_a_state = [&event.source, &event.target].iter().any(|a| state_of(&a.country).is_some());
        let codes = [event.source.code.clone(), event.target.code.clone()];
        for (side, partner) in [(&mut event.source, &codes[1]), (&mut event.target, &codes[0])] {
            let institution = matches!(
                side.code.strip_prefix('~'),
                Some("GOV" | "COP" | "JUD" | "LEG" | "OPP" | "PTY" | "SPY")
            );
            let chosen = if institution {
                institutions_country
            } else if !beside_a_state {
                country
            } else {
                continue;
            };
            let becomes_partner = |c: &str| {
                side.code.strip_prefix('~').is_some_and(|agent| partner.strip_prefix(c) == Some(agent))
            };
            let chosen = match filed_in {
                Some(filed)
                    if becomes_partner(chosen) && state_of(filed).is_some() && !becomes_partner(filed) =>
                {
                    filed
                }
                _ => chosen,
            };
            role_takes_country(side, chosen);
        }
    }
}

/// The actors a sentence opens with, after the dateline and at most a
/// determiner ("The minister …", "Il premier …"), or after a short opening
/// phrase ("On Saturday, Trump doubled down", "Am Samstag legte Trump nach"):
/// the subject of a sentence that coded no event. Not an actor after a
/// preposition ("Nach dem Treffen mit Macron …"), but the one after a place
/// so set off ("In Kyiv, President Zelenskyy said …").
fn opening_subject<'g>(
    tokens: &[Token],
    groups: &'g [ActorGroup],
    lw: &LangWords,
    body_start: usize,
) -> Option<&'g ActorGroup> {
    let mut by_start: Vec<&ActorGroup> = groups.iter().collect();
    by_start.sort_by_key(|g| g.start);
    if let Some(speaker) = speaker_after_opening_quote(tokens, &by_start, body_start) {
        return speaker;
    }
    let (first, rest) = by_start.split_first()?;
    if let Some(subject) = opening_actor(tokens, first, lw, body_start) {
        return Some(subject);
    }
    // "In Kyiv, …", "Au Canada, …": a place after a preposition alone, and its comma.
    let place_opener = tokens.get(body_start..first.start).is_some_and(|lead| {
        lead.len() == 1
            && lead.iter().all(|t| lw.is_preposition(&t.upper) || lw.locatives.contains(&&*t.upper))
    }) && tokens.get(first.end).is_some_and(|t| &*t.text == ",")
        && first.actors.iter().all(|a| a.code.len() == 3);
    let next = rest.first().copied().filter(|_| place_opener)?;
    opening_actor(tokens, next, lw, first.end + 1)
}

/// For a sentence that opens with a quotation ("\"We have learned …,\"
/// government spokesman Abdoulaye Maiga said"), `Some` of the speaker named
/// right after the quotation closes (a verb of saying, a determiner and punctuation may
/// stand between), or `Some(None)` when none is named there ("„…“, schrieb
/// er"): the actors inside the quotation are not the sentence's subject.
/// `None` when the sentence opens with no quotation.
fn speaker_after_opening_quote<'g>(
    tokens: &[Token],
    by_start: &[&'g ActorGroup],
    body_start: usize,
) -> Option<Option<&'g ActorGroup>> {
    if !tokens.get(body_start).is_some_and(|t| opens_quotation(&t.text)) {
        return None;
    }
    let close =
        (body_start + 1..tokens.len()).find(|&i| tokens.get(i).is_some_and(|t| closes_quotation(&t.text)))?;
    let speaker = by_start.iter().copied().find(|g| g.start > close).filter(|g| {
        tokens.get(close + 1..g.start).is_some_and(|between| {
            between.iter().filter(|t| t.kind != TokenKind::Punct).count() <= 3
                && between.iter().all(|t| t.kind == TokenKind::Punct || !crate::has_upper_initial(&t.text))
        })
    });
    Some(speaker)
}

/// Whether a token opens a quotation: `"`, `«`, `„` or `“`.
fn opens_quotation(text: &str) -> bool {
    matches!(text, "\"" | "«" | "„" | "“")
}

/// Whether a token closes a quotation: `"`, `»`, `“` (German) or `”`.
fn closes_quotation(text: &str) -> bool {
    matches!(text, "\"" | "»" | "“" | "”")
}

/// [`opening_subject`] for one actor group: whether it opens the sentence
/// from `body_start`.
fn opening_actor<'g>(
    tokens: &[Token],
    first: &'g ActorGroup,
    lw: &LangWords,
    body_start: usize,
) -> Option<&'g ActorGroup> {
    const LEAD_WORDS: usize = 3;
    let lead = tokens.get(body_start..first.start)?;
    let words: Vec<&Token> = lead.iter().filter(|t| t.kind != TokenKind::Punct).collect();
    let after_determiner = words.len() <= 1 && words.iter().all(|t| lw.determiners.contains(&&*t.upper));
    // The word right before the actor, past a determiner, must not govern it.
    let governed = lead
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Punct && !lw.determiners.contains(&&*t.upper))
        .is_some_and(|t| lw.is_preposition(&t.upper) || lw.locatives.contains(&&*t.upper));
    // "„Russland kann nicht so tun …“, schrieb er": an actor inside an
    // opening quotation is the speaker's words, not the sentence's subject.
    let quoted = lead.iter().any(|t| is_quote_mark(&t.text));
    let after_phrase =
        words.len() <= LEAD_WORDS && !governed && !lead.iter().any(|t| matches!(&*t.text, "." | ";" | ":"));
    (!quoted && (after_determiner || after_phrase)).then_some(first)
}

/// A visit is to a state, not to whoever receives the visitor: "Xi è stato
/// ricevuto all'Eliseo da Macron" is CHNGOV FRA 042, as a visit to France.
/// A target that is a state's office, person or institution becomes the
/// bare state; an organisation or a territory ("FRANCL") stays.
pub(crate) fn visits_go_to_states(events: &mut [Event]) {
    const HOSTS: [&str; 8] = ["GOV", "ELI", "LEG", "JUD", "MIL", "COP", "SPY", "PTY"];
    for e in events.iter_mut().filter(|e| e.cameo == "042") {
        let country = e.target.country.clone();
        if state_of(&country).is_some() && HOSTS.contains(&e.target.code.get(3..).unwrap_or_default()) {
            e.target.code = country;
            e.target.agent.clear();
        }
    }
}

/// Whether a CAMEO code gives or promises aid to a state (`07`, `033`; not
/// asylum, `075`, which a person is given).
pub(crate) fn is_aid(code: &str) -> bool {
    (code.starts_with("07") || code.starts_with("033")) && code != "075"
}

/// Aid that names no recipient ("HANOÏ - Les États-Unis ont annoncé une aide
/// d'urgence", "Japan sent tents") goes to the state the article is about
/// (`main`: named most often, the dateline counting twice), when that is not
/// the giver's own; without one, the event is dropped.
pub(crate) fn aid_goes_to_article_state(events: &mut Vec<Event>, main: Option<&str>) {
    events.retain_mut(|e| {
        if !e.target.code.is_empty() || !is_aid(&e.cameo) {
            return true;
        }
        let Some(state) = main.filter(|m| state_of(m).is_some() && e.source.country != *m) else {
            return false;
        };
        e.target.code = state.to_string();
        e.target.country = state.to_string();
        e.evidence.rule.push_str("; the recipient is the state the article is about");
        true
    });
}

/// Whether either side of an event has a country (or an organisation's
/// code): an event between two bare roles ("police arrested protesters")
/// says nothing about where or whom.
pub(crate) fn anchored(event: &Event) -> bool {
    [&event.source, &event.target].iter().any(|a| !a.country.is_empty())
}

/// Whether an actor of a state acts on that bare state in a kind of act
/// that needs another side: "France's foreign ministry called for the
/// protection of French interests" (`FRAGOV` → `FRA` 020), "the minister
/// criticised Spain's record" (111). Statements, appeals, consultations,
/// cooperation, aid, demands and disapproval (01, 02, 04–07, 10, 11) are
/// addressed to someone else. Intents, rejections and threats may concern
/// one's own country ("agreed to resign", "promised to democratize Serbia",
/// "threatened a curfew in Algiers", as PLOVER's gold codes them), and so
/// may yielding, protests, coercion and violence.
pub(crate) fn acts_on_own_country(event: &Event) -> bool {
    matches!(event.cameo_root.as_str(), "01" | "02" | "04" | "05" | "06" | "07" | "10" | "11")
        && targets_own_bare_state(event)
}

/// Whether the target is a bare state and the source one of its actors
/// (`FRAGOV` → `FRA`).
fn targets_own_bare_state(event: &Event) -> bool {
    let (source, target) = (&event.source.code, &event.target.code);
    target.len() == 3 && state_of(target).is_some() && source.len() > 3 && source.starts_with(target.as_str())
}

/// Whether a rejection or threat "on" the actor's own bare state only names
/// that state as the subject of what was said: "ha avvertito che l'Algeria
/// risponderà" (`DZAGOV` → `DZA` 130), "warned that Tehran would respond". The
/// state right after a complementizer is who will act, not whom the threat is
/// against.
pub(crate) fn own_country_speaks_in_complement(event: &Event, tokens: &[Token], lw: &LangWords) -> bool {
    let own = matches!(event.cameo_root.as_str(), "12" | "13") && targets_own_bare_state(event);
    own && tokens
        .iter()
        .position(|t| t.span.0 == event.target.span[0])
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| {
            // "che l'Algeria": an article may stand between.
            let before = tokens.get(i)?;
            let i = if lw.is_determiner(&before.upper) { i.checked_sub(1)? } else { i };
            tokens.get(i)
        })
        .is_some_and(|t| lw.is_complementizer(&t.upper))
}

/// How many words may stand between an event's noun and the date that is that
/// noun's ("ataque de Hamás del 7 de octubre").
const NOUN_DATE_WORDS: usize = 3;

/// How many days before publication a date is long past, and dates an act only
/// in its own clause.
pub(crate) const OLD_DATE_DAYS: i64 = 31;

/// How many words may come before a date that opens its sentence ("Im Jahr 2015,").
const OPENER_WORDS: usize = 2;

/// Gives the events of one sentence their date and place.
///
/// `actors` are the sentence's actors (char span, code): a place name
/// inside an actor's words that the actor's country does not share is no
/// place ("Hamas" is not Hamm in Germany, "White House" not Casablanca,
/// "Rubio" not Rubio in Venezuela), while "the mayor of Paris" is in Paris.
pub(crate) fn situate<'c>(
    events: &mut [Event],
    sentence: &Sentence<'_>,
    published: Option<NaiveDate>,
    places: Option<&Gazetteer>,
    countries: impl Iterator<Item = &'c str>,
    dateline_place: Option<&Location>,
    actors: &[((usize, usize), String)],
) {
    if events.is_empty() {
        return;
    }
    let dates = match published {
        Some(p) => find_dates(sentence.text, sentence.lang, p),
        None => Vec::new(),
    };
    let context: Vec<&str> = countries.collect();
    let mut mentions =
        places.map(|g| g.find_places_in_context(sentence.text, sentence.lang, &context)).unwrap_or_default();
    // A country named as an actor is a place itself ("Repubblica democratica del
    // Congo"): only other actors' words are checked.
    let bare_country = |code: &str| code.len() == 3 && !NOT_STATES.contains(&code);
    mentions.retain(|m| {
        !actors.iter().any(|((start, end), code)| {
            *start <= m.span.0
                && m.span.1 <= *end
                && !bare_country(code)
                && code.get(..3).is_some_and(|c| c != m.place.cameo)
        })
    });
    let lw = LangWords::of(sentence.lang);
    let attribution = attribution_start(sentence.tokens, lw);
    // Commas before each char offset.
    let commas_before: Vec<usize> = if dates.is_empty() {
        Vec::new()
    } else {
        std::iter::once(0)
            .chain(sentence.text.chars().scan(0, |n, c| {
                *n += usize::from(c == ',');
                Some(*n)
            }))
            .collect()
    };
    for event in events.iter_mut() {
        let trigger = event.evidence.trigger.span;
        // "…, relief officials in Nairobi said": where the news was told is not
        // where the event reported before it happened.
        let told_elsewhere = |start: usize| attribution.is_some_and(|a| trigger[1] <= a && start >= a);
        let distance = |(s, e): (usize, usize)| {
            if e <= trigger[0] {
                trigger[0] - e
            } else {
                s.saturating_sub(trigger[1])
            }
        };
        // "Obama, who met Castro in 2015, criticized Trump on Monday": a date
        // inside the trigger's comma clause comes before a nearer one outside it.
        let commas_between = |(s, e): (usize, usize)| {
            let (from, to) = if e <= trigger[0] { (e, trigger[0]) } else { (trigger[1], s) };
            commas_before
                .get(to)
                .copied()
                .unwrap_or(0)
                .saturating_sub(commas_before.get(from).copied().unwrap_or(0))
        };
        // "Desde abril de 2023 … libran una guerra", "the first visit since 2019": when a
        // state began dates no act.
        // "agradeció … su apoyo desde el ataque de Hamás del 7 de octubre": a noun's
        // date dates only that noun's event.
        let words_between = |from: usize, to: usize| {
            sentence
                .text
                .chars()
                .skip(from)
                .take(to.saturating_sub(from))
                .collect::<String>()
                .split_whitespace()
                .count()
        };
        // "… desde su independencia en 1991, y se reunió … el viernes": a date long
        // past dates an act in its own comma clause, or all of a sentence it opens
        // ("In 2015, Obama met Castro"); elsewhere it tells the background.
        let old = |d: &DateMention| published.is_some_and(|p| (p - d.date).num_days() > OLD_DATE_DAYS);
        // "l'attaque du 7 octobre": the trigger is a noun after its article. A
        // verb's object ("a suspendu l'accord de 2013", "en suspendant
        // l'accord de 2013") is another noun, whose date is not the act's.
        let noun_trigger = sentence
            .tokens
            .iter()
            .rev()
            .find(|t| t.span.1 <= trigger[0])
            .is_some_and(|t| lw.is_determiner(&t.upper));
        let dates_this = |d: &&DateMention| {
            !d.opens_period
                && (!d.of_noun
                    || (noun_trigger
                        && trigger[1] <= d.span.0
                        && words_between(trigger[1], d.span.0) <= NOUN_DATE_WORDS))
                && (!old(d) || commas_between(d.span) == 0 || words_between(0, d.span.0) <= OPENER_WORDS)
        };
        if let Some(d) =
            dates.iter().filter(dates_this).min_by_key(|d| (commas_between(d.span), distance(d.span)))
        {
            event.date = Some(d.date);
            event.date_precision = Some(precision_name(d.precision).to_string());
            event.date_text = Some(d.text.clone());
        } else if published.is_some() {
            event.date_precision = Some("day".to_string());
        }
        let source = event.source.span;
        let locative = |start: usize| {
            sentence
                .tokens
                .iter()
                .rev()
                .find(|t| t.span.1 <= start)
                .is_some_and(|t| lw.locatives.contains(&&*t.upper))
        };
        let best = mentions
            .iter()
            .filter(|m| {
                // Not the source itself, and not a word of a longer actor name
                // ("Antony" in "Antony Blinken"). A target named as a place is where
                // a material conflict happened ("shelled Kyiv"), but not where
                // "France criticized Germany" did, unless a locative says so.
                let inside = |a: [usize; 2]| m.span.0 >= a[0] && m.span.1 <= a[1] && a[1] > a[0];
                let target = event.target.span;
                let is_target = (m.span.0, m.span.1) == (target[0], target[1]);
                // "policías en Bagdad": a place the target's words name after a
                // locative is where the event happened.
                let part_of_target = inside(target) && !is_target && !locative(m.span.0);
                let target_place_ok = event.quad_class == Some(4) || locative(m.span.0);
                !(inside(source)
                    || part_of_target
                    || (is_target && !target_place_ok)
                    || told_elsewhere(m.span.0))
            })
            .min_by_key(|m| (!locative(m.span.0), distance(m.span)));
        event.location = match best {
            Some(m) => Some(location(&m.text, Some([m.span.0, m.span.1]), m.place)),
            None => dateline_place.cloned(),
        };
    }
}

/// Where a closing attribution clause starts (the byte offset of its comma):
/// a comma followed, within a few words, by a verb of saying ("…, relief
/// officials in Nairobi said", "…, ha riferito la polizia di Kabul").
fn attribution_start(tokens: &[Token], lw: &LangWords) -> Option<usize> {
    const REACH: usize = 8;
    let comma = tokens.iter().rposition(|t| &*t.text == ",")?;
    let clause = tokens.get(comma + 1..)?;
    let reported = clause.iter().take(REACH).any(|t| lw.reporting.contains(&&*t.upper));
    tokens.get(comma).map(|t| t.span.0).filter(|_| reported && clause.len() <= 2 * REACH)
}

/// The sentence as `situate` needs it.
pub(crate) struct Sentence<'a> {
    pub(crate) text: &'a str,
    pub(crate) lang: &'a str,
    pub(crate) tokens: &'a [Token],
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// A gazetteer place as an event location.
pub(crate) fn location(
    text: &str,
    span: Option<[usize; 2]>,
    place: &dyad_context::gazetteer::Place,
) -> Location {
    use dyad_context::gazetteer::PlaceType;
    Location {
        text: text.to_string(),
        span,
        name: place.full_name.to_string(),
        kind: match place.kind {
            PlaceType::Country => "country",
            PlaceType::Region => "region",
            PlaceType::City => "city",
        }
        .to_string(),
        geo_type: place.geo_type(),
        country: place.cameo.to_string(),
        country_fips: place.fips.to_string(),
        adm1: place.adm1.to_string(),
        // The gazetteer keeps four decimals; widening its f32 must not invent more.
        lat: (place.lat as f64 * 1e4).round() / 1e4,
        lon: (place.lon as f64 * 1e4).round() / 1e4,
        feature_id: place.feature_id.to_string(),
    }
}

/// The words of tokens `start..end`, as written, one space apart.
fn token_text(tokens: &[Token], start: usize, end: usize) -> String {
    tokens.get(start..end).unwrap_or_default().iter().map(|t| &*t.text).collect::<Vec<_>>().join(" ")
}
