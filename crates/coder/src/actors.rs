//! Actor recognition: dictionary mentions, agents attached to their actors,
//! and coordinated actors grouped into one slot.

use chrono::NaiveDate;
use dyad_lexicon::{ActorEntry, AgentEntry, DatedCode};
use dyad_text::{Token, TokenKind};

use crate::index::PhraseIndex;

/// One resolved actor inside a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Actor {
    /// The code; empty for a known actor without code (`[---]`).
    pub(crate) code: String,
    /// First and last token (exclusive) naming it.
    pub(crate) start: usize,
    pub(crate) end: usize,
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
    pub(crate) agent_codes: Vec<Box<str>>,
    pub(crate) max_gap: usize,
}

const POSSESSIVE: [&str; 2] = ["'S", "'"];
const GLUE: [&str; 6] = ["THE", "ITS", "HIS", "HER", "THEIR", "A"];
const OF_WORDS: [&str; 5] = ["OF", "FROM", "IN", "FOR", "AT"];

impl ActorFinder {
    pub(crate) fn new(actors: &[ActorEntry], agents: &[AgentEntry], max_gap: usize) -> ActorFinder {
        let mut finder = ActorFinder { max_gap, ..ActorFinder::default() };
        for (i, actor) in actors.iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for name in &actor.names {
                finder.actors.insert(name, id);
            }
            finder.actor_codes.push(actor.codes.clone());
        }
        for (i, agent) in agents.iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for name in &agent.names {
                finder.agents.insert(name, id);
            }
            finder.agent_codes.push(agent.code.clone());
        }
        finder.actors.finish();
        finder.agents.finish();
        finder
    }

    fn mentions(&self, tokens: &[Token]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut i = 0;
        // Actor names allow short gaps ("Al 'The Weasel' Gore"); a long gap is a coincidence.
        let gap = self.max_gap.min(4);
        while i < tokens.len() {
            if tokens[i].kind == TokenKind::Punct {
                i += 1;
                continue;
            }
            let actor = self.actors.longest_at(tokens, i, gap);
            let agent = self.agents.longest_at(tokens, i, gap);
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
    pub(crate) fn groups(&self, tokens: &[Token], date: Option<NaiveDate>) -> Vec<ActorGroup> {
        let mentions = self.mentions(tokens);
        let mut actors: Vec<Actor> = Vec::new();
        let mut i = 0;
        while i < mentions.len() {
            let m = mentions[i];
            let next = mentions.get(i + 1).copied();
            match m.kind {
                MentionKind::Actor(id) => {
                    let code = self.actor_code(id, date);
                    // "Gondor police", "Dagolath's first Deputy Prime Minister"
                    if let Some(Mention { kind: MentionKind::Agent(ag), start, end }) = next {
                        if joins_actor_then_agent(tokens, m.end, start) {
                            actors.push(Actor {
                                code: attach_agent(&code, self.agent_code(ag)),
                                start: m.start,
                                end,
                            });
                            i += 2;
                            continue;
                        }
                    }
                    actors.push(Actor { code, start: m.start, end: m.end });
                    i += 1;
                }
                MentionKind::Agent(ag) => {
                    // "the foreign minister of Gondor", "Foreign Minister Telemar"
                    if let Some(Mention { kind: MentionKind::Actor(id), start, end }) = next {
                        if joins_agent_then_actor(tokens, m.end, start) {
                            let code = self.actor_code(id, date);
                            actors.push(Actor {
                                code: attach_agent(&code, self.agent_code(ag)),
                                start: m.start,
                                end,
                            });
                            i += 2;
                            continue;
                        }
                    }
                    actors.push(Actor {
                        code: attach_agent("", self.agent_code(ag)),
                        start: m.start,
                        end: m.end,
                    });
                    i += 1;
                }
            }
        }
        group_coordinated(tokens, actors)
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

fn joins_actor_then_agent(tokens: &[Token], actor_end: usize, agent_start: usize) -> bool {
    let Some(between) = tokens.get(actor_end..agent_start) else { return false };
    match between.split_first() {
        // "Gondor police"
        None => true,
        // "Dagolath's first Deputy Prime Minister": a possessive, then at most two words.
        Some((first, rest)) => {
            POSSESSIVE.contains(&&*first.upper)
                && rest.len() <= 2
                && rest.iter().all(|t| t.kind == TokenKind::Word && !OF_WORDS.contains(&&*t.upper))
        }
    }
}

fn joins_agent_then_actor(tokens: &[Token], agent_end: usize, actor_start: usize) -> bool {
    if actor_start < agent_end {
        return false;
    }
    let between = &tokens[agent_end..actor_start];
    match between {
        [] => true,
        [w] => OF_WORDS.contains(&&*w.upper) || *w.upper == *",",
        [w, d] => OF_WORDS.contains(&&*w.upper) && GLUE.contains(&&*d.upper),
        _ => false,
    }
}

/// Joins actors coordinated by "and", "," or "as well as" into groups.
fn group_coordinated(tokens: &[Token], actors: Vec<Actor>) -> Vec<ActorGroup> {
    let mut groups: Vec<ActorGroup> = Vec::new();
    for actor in actors {
        if let Some(last) = groups.last_mut() {
            if coordinated(&tokens[last.end.min(actor.start)..actor.start]) {
                last.end = actor.end;
                last.actors.push(actor);
                continue;
            }
        }
        groups.push(ActorGroup { start: actor.start, end: actor.end, actors: vec![actor] });
    }
    groups
}

fn coordinated(between: &[Token]) -> bool {
    let words: Vec<&str> = between.iter().map(|t| &*t.upper).filter(|w| !GLUE.contains(w)).collect();
    matches!(
        words.as_slice(),
        ["AND"] | [","] | [",", "AND"] | ["AS", "WELL", "AS"] | ["E"] | ["Y"] | ["ET"] | ["UND"] | ["OR"]
    )
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
