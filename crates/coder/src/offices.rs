//! Offices: which office a role noun names ("la premier", "der Kanzler"), and
//! which offices a named person holds on the article's date.
//!
//! News names a leader once and then calls her by her office: "Giorgia
//! Meloni … La premier ha poi incontrato Zelensky". The [`Discourse`]
//! remembers the office holders an article has named; a role noun alone is
//! the last of them who holds the office it names. Without this the role
//! took the country of whatever state was named last (Zelensky's, there).
//!
//! [`Discourse`]: crate::discourse::Discourse

use dyad_lexicon::{OfficeNoun, OfficeTerm, Phrase};
use rustc_hash::FxHashMap;

use crate::index::{Keyed, PhraseIndex, Vocab};
use crate::lang::LangWords;

/// An office a person holds on the article's date: `HOG` of `ITA`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Office {
    /// `HOS`, `HOG`, `FM`, … ([`dyad_lexicon::OFFICES`]).
    pub(crate) office: Box<str>,
    /// The state or organisation.
    pub(crate) org: Box<str>,
}

/// The offices of `terms` that are held on `date`; undated text is taken to
/// be current, so open terms count then.
pub(crate) fn held_on(terms: &[OfficeTerm], date: Option<chrono::NaiveDate>) -> Vec<Office> {
    terms
        .iter()
        .filter(|t| match date {
            Some(d) => t.valid.contains(d),
            None => t.valid.to.is_none(),
        })
        .map(|t| Office { office: t.office.clone(), org: t.org.clone() })
        .collect()
}

/// What one line of an `[offices]` section names: any of `offices`, of one
/// of `orgs` (any state when empty) but none of `except_orgs`.
#[derive(Debug)]
pub(crate) struct NamedOffice {
    offices: Vec<Box<str>>,
    orgs: Vec<Box<str>>,
    except_orgs: Vec<Box<str>>,
}

impl NamedOffice {
    /// Whether this noun can name a person who holds `offices`. A president
    /// who also heads the government is called president, not prime
    /// minister: the head of government's office counts only where the
    /// same person is not the state's head too.
    pub(crate) fn names_holder(&self, offices: &[Office]) -> bool {
        offices.iter().any(|o| {
            let presidential =
                &*o.office == "HOG" && offices.iter().any(|p| &*p.office == "HOS" && p.org == o.org);
            self.fits(o) && !presidential
        })
    }

    /// Whether a person's office is one this noun can name.
    fn fits(&self, office: &Office) -> bool {
        self.offices.contains(&office.office)
            && (self.orgs.is_empty() || self.orgs.contains(&office.org))
            && !self.except_orgs.contains(&office.org)
    }
}

/// The role nouns of the `[offices]` dictionary sections, matched as every
/// other dictionary phrase is.
#[derive(Debug, Default)]
pub(crate) struct OfficeNouns {
    /// Each distinct phrase once, with the lines (indices into `lines`) that list it.
    phrases: PhraseIndex<Vec<usize>>,
    lines: Vec<NamedOffice>,
}

impl OfficeNouns {
    pub(crate) fn new(vocab: &mut Vocab, nouns: &[OfficeNoun]) -> OfficeNouns {
        let mut lines_of: FxHashMap<&Phrase, Vec<usize>> = FxHashMap::default();
        let mut order: Vec<&Phrase> = Vec::new();
        for (line, noun) in nouns.iter().enumerate() {
            for name in &noun.names {
                let lines = lines_of.entry(name).or_default();
                if lines.is_empty() {
                    order.push(name);
                }
                lines.push(line);
            }
        }
        let mut phrases = PhraseIndex::default();
        for name in order {
            if let Some(lines) = lines_of.get(name) {
                phrases.insert(vocab, name, lines.clone());
            }
        }
        phrases.finish();
        let lines = nouns
            .iter()
            .map(|n| NamedOffice {
                offices: n.offices.clone(),
                orgs: n.orgs.clone(),
                except_orgs: n.except_orgs.clone(),
            })
            .collect();
        OfficeNouns { phrases, lines }
    }

    /// What the role phrase at tokens `start..end` names, when the phrase is a
    /// role noun and nothing more ("il *ministro degli Esteri*"; not
    /// "presidente della Regione", whose last words name no office): one
    /// entry per dictionary line that lists it ("canciller" is a foreign
    /// minister, or Germany's head of government). Determiners before the
    /// noun do not count.
    pub(crate) fn named_by(
        &self,
        sent: &Keyed<'_>,
        start: usize,
        end: usize,
        lw: &LangWords,
    ) -> Vec<&NamedOffice> {
        let Some(first) =
            (start..end).find(|&i| sent.tokens.get(i).is_some_and(|t| !lw.is_determiner(&t.upper)))
        else {
            return Vec::new();
        };
        match self.phrases.longest_at(sent, first, 0) {
            Some(hit) if hit.end == end => hit.payload.iter().filter_map(|&l| self.lines.get(l)).collect(),
            _ => Vec::new(),
        }
    }
}
