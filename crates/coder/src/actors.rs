//! Actor recognition: dictionary mentions, agents attached to their actors,
//! and coordinated actors grouped into one slot.

use chrono::NaiveDate;
use dyad_lexicon::{ActorEntry, AgentEntry, DatedCode};
use dyad_text::{Token, TokenKind};

use crate::index::{Keyed, PhraseIndex, Vocab};
use crate::lang::LangWords;

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
}

impl Actor {
    pub(crate) fn new(code: String, start: usize, end: usize) -> Actor {
        Actor { code, start, end, person: false, implied_text: None }
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
    pub(crate) agent_codes: Vec<Box<str>>,
    pub(crate) max_gap: usize,
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
        for (i, actor) in actors.into_iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for name in &actor.names {
                finder.actors.insert(vocab, name, id);
            }
            finder.person.push(actor.codes.iter().any(|c| c.valid.from.is_some() || c.valid.to.is_some()));
            finder.actor_codes.push(actor.codes);
        }
        for (i, agent) in agents.into_iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for name in &agent.names {
                finder.agents.insert(vocab, name, id);
            }
            finder.agent_codes.push(agent.code);
        }
        finder.actors.finish();
        finder.agents.finish();
        finder
    }

    fn mentions(&self, sent: &Keyed<'_>) -> Vec<Mention> {
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
            let actor = self.actors.longest_at(sent, i, gap);
            let agent = self.agents.longest_at(sent, i, gap);
            let pick = match (actor, agent) {
                (Some(a), Some(g)) if g.end > a.end => Some((MentionKind::Agent(*g.payload), g.end)),
                (Some(a), _) => Some((MentionKind::Actor(*a.payload), a.end)),
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

    fn actor_code(&self, id: u32, date: Option<NaiveDate>) -> String {
        let Some(codes) = self.actor_codes.get(id as usize) else { return String::new() };
        let dated = date.and_then(|d| {
            codes.iter().find(|c| (c.valid.from.is_some() || c.valid.to.is_some()) && c.valid.contains(d))
        });
        let undated = || codes.iter().find(|c| c.valid.from.is_none() && c.valid.to.is_none());
        let chosen = dated.or_else(undated).or_else(|| codes.first());
        match chosen {
            Some(c) if !is_null_code(&c.code) => c.code.trim().to_string(),
            _ => String::new(),
        }
    }

    fn agent_code(&self, id: u32) -> &str {
        self.agent_codes.get(id as usize).map(|c| c.trim()).unwrap_or("")
    }

    /// Finds actors and groups them into slots.
    pub(crate) fn groups(
        &self,
        sent: &Keyed<'_>,
        date: Option<NaiveDate>,
        lw: &LangWords,
    ) -> Vec<ActorGroup> {
        let tokens = sent.tokens;
        let mentions = self.mentions(sent);
        let mut actors: Vec<Actor> = Vec::new();
        // An agent governing a list ("the ambassadors of Arnor, Osgiliath and Gondor")
        // applies to every actor of the list.
        let mut distributed: Option<(&str, usize)> = None;
        let mut i = 0;
        while i < mentions.len() {
            let m = mentions[i];
            let next = mentions.get(i + 1).copied();
            let is_person = |id: u32| self.person.get(id as usize).copied().unwrap_or(false);
            let mut person = match (m.kind, next) {
                (MentionKind::Actor(id), _) => is_person(id),
                (MentionKind::Agent(_), Some(Mention { kind: MentionKind::Actor(id), .. })) => is_person(id),
                _ => false,
            };
            let (codes, start, mut end, consumed) = match m.kind {
                MentionKind::Actor(id) => {
                    let codes = self.actor_codes(id, date);
                    match next {
                        // "Gondor police", "Ithilen's awful and evil minister"
                        Some(Mention { kind: MentionKind::Agent(ag), start, end })
                            if joins_actor_then_agent(tokens, m.end, start, lw) =>
                        {
                            let agent = self.agent_code(ag);
                            (codes.iter().map(|c| attach_agent(c, agent)).collect(), m.start, end, 2)
                        }
                        _ => match distributed.take() {
                            Some((agent, list_end))
                                if coordinated(tokens.get(list_end..m.start).unwrap_or(&[]), lw) =>
                            {
                                distributed = Some((agent, m.end));
                                (codes.iter().map(|c| attach_agent(c, agent)).collect(), m.start, m.end, 1)
                            }
                            _ => (codes, m.start, m.end, 1),
                        },
                    }
                }
                MentionKind::Agent(ag) => {
                    let agent = self.agent_code(ag);
                    match next {
                        // "the foreign minister of Gondor", "Foreign Minister Telemar"
                        Some(Mention { kind: MentionKind::Actor(id), start, end })
                            if joins_agent_then_actor(tokens, m.end, start, lw)
                                && !(start > m.end && owned_by_subject(tokens, m.start, lw)) =>
                        {
                            let codes = self.actor_codes(id, date);
                            distributed = if start > m.end { Some((agent, end)) } else { None };
                            (codes.iter().map(|c| attach_agent(c, agent)).collect(), m.start, end, 2)
                        }
                        _ => {
                            // "Danish media and government": a bare agent coordinated with an
                            // actor that has a country takes that country.
                            let inherited = actors.last().filter(|a| {
                                !a.code.starts_with('~')
                                    && a.code.len() >= 3
                                    && coordinated(tokens.get(a.end..m.start).unwrap_or(&[]), lw)
                            });
                            let base = inherited.map(|a| a.code.get(..3).unwrap_or("").to_string());
                            (vec![attach_agent(base.as_deref().unwrap_or(""), agent)], m.start, m.end, 1)
                        }
                    }
                }
            };
            i += consumed;
            // A name in apposition after a role ("minister Calimehtar") is the same actor.
            if consumed == 2 {
                if let Some(Mention { kind: MentionKind::Actor(id), start: s, end: e }) =
                    mentions.get(i).copied()
                {
                    if s == end {
                        end = e;
                        person |= is_person(id);
                        i += 1;
                    }
                }
            }
            if let Some((agent, list_end)) = distributed {
                // Keep distributing only while the list goes on.
                distributed = (list_end >= start).then_some((agent, end));
            }
            if consumed == 1 && matches!(m.kind, MentionKind::Agent(_)) {
                person = false;
            }
            for code in codes {
                actors.push(Actor { person, ..Actor::new(code, start, end) });
            }
        }
        group_coordinated(tokens, actors, lw)
    }

    /// The codes of an actor on `date`; a compound code (`FRO/BIL/SAM`) names several actors.
    fn actor_codes(&self, id: u32, date: Option<NaiveDate>) -> Vec<String> {
        let code = self.actor_code(id, date);
        if code.contains('/') {
            code.split('/').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect()
        } else {
            vec![code]
        }
    }
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

fn joins_actor_then_agent(tokens: &[Token], actor_end: usize, agent_start: usize, lw: &LangWords) -> bool {
    let Some(between) = tokens.get(actor_end..agent_start) else { return false };
    match between.split_first() {
        // "Gondor police"
        None => true,
        // "Dagolath's first Deputy Prime Minister": a possessive, then at most two words.
        Some((first, rest)) => {
            POSSESSIVE.contains(&&*first.upper)
                && rest.len() <= 3
                && rest.iter().all(|t| t.kind == TokenKind::Word && !lw.of_words.contains(&&*t.upper))
        }
    }
}

/// "withdrew its troops from Syria": a role after a possessive belongs to
/// the sentence's subject, so an actor after a preposition is not its country
/// (while "il suo omologo francese" is French).
fn owned_by_subject(tokens: &[Token], agent_start: usize, lw: &LangWords) -> bool {
    tokens[agent_start.saturating_sub(2)..agent_start].iter().any(|t| lw.possessives.contains(&&*t.upper))
}

fn joins_agent_then_actor(tokens: &[Token], agent_end: usize, actor_start: usize, lw: &LangWords) -> bool {
    if actor_start < agent_end {
        return false;
    }
    let between = &tokens[agent_end..actor_start];
    match between {
        [] => true,
        [w] => lw.of_words.contains(&&*w.upper) || *w.upper == *",",
        [w, d] => lw.of_words.contains(&&*w.upper) && lw.is_determiner(&d.upper),
        _ => false,
    }
}

/// Joins actors coordinated by "and", "," or "as well as" into groups.
fn group_coordinated(tokens: &[Token], actors: Vec<Actor>, lw: &LangWords) -> Vec<ActorGroup> {
    let mut groups: Vec<ActorGroup> = Vec::new();
    for actor in actors {
        if let Some(last) = groups.last_mut() {
            // "in Berlin, Chancellor Scholz …": a place after a locative ends at the comma.
            let placed = last.start > 0
                && tokens.get(last.start - 1).is_some_and(|t| lw.locatives.contains(&&*t.upper));
            let comma = tokens.get(last.end).is_some_and(|t| &*t.text == ",");
            if placed && comma {
                groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
                continue;
            }
            if let Some(prev) = last.actors.last_mut() {
                if apposition(tokens, prev, &actor) {
                    // "Annalena Baerbock, the German foreign minister,": one actor, named
                    // twice; the role tells the office when the name alone does not.
                    if prev.code.len() <= 3 && actor.code.len() > 3 {
                        prev.code = actor.code.clone();
                    }
                    prev.person |= actor.person;
                    prev.end = actor.end;
                    last.end = last.end.max(actor.end);
                    continue;
                }
            }
            let same_span = last.actors.last().is_some_and(|a| a.start == actor.start);
            // A list goes on after the actor ("Evil Mordor, the awful Fornost, and …").
            let list_goes_on = tokens.get(actor.end).is_some_and(|t| lw.conjunctions.contains(&&*t.upper));
            if same_span || coordinated_in(tokens.get(last.end..actor.start).unwrap_or(&[]), lw, list_goes_on)
            {
                last.end = last.end.max(actor.end);
                last.actors.push(actor);
                continue;
            }
        }
        groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
    }
    groups
}

/// "X, the German foreign minister": a comma, an article, and an actor of the
/// same country (a person and their office) name one actor twice.
fn apposition(tokens: &[Token], first: &Actor, second: &Actor) -> bool {
    let Some(between) = tokens.get(first.end..second.start) else { return false };
    let country = |a: &Actor| a.code.get(..3).filter(|c| !c.starts_with('~')).map(str::to_string);
    matches!(between, [comma, article] if &*comma.text == "," && article.kind == TokenKind::Word
        && !matches!(&*article.upper, "AND" | "OR"))
        && (first.person || second.person)
        && country(first).is_some()
        && country(first) == country(second)
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
    // After a conjunction up to two modifiers may come ("and the evil awful
    // Gondor"); after a bare comma only an article ("Mordor, the Shire"), or a
    // verb would be swallowed ("X, the minister, met Y").
    let words = after.iter().filter(|t| !lw.is_determiner(&t.upper)).count();
    after
        .iter()
        .all(|t| t.kind == TokenKind::Word && !lw.of_words.contains(&&*t.upper) && !conjunction(&t.upper))
        && words <= if bare_comma && !list_goes_on { 0 } else { 2 }
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
