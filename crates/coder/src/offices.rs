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

use dyad_lexicon::{OfficeNoun, OfficeTerm, WordMatcher};
use dyad_text::Token;
use rustc_hash::FxHashMap;

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

/// What one role noun names: any of `offices`, of one of `orgs` (any state
/// when empty) but none of `except_orgs`.
#[derive(Debug)]
pub(crate) struct NamedOffice {
    words: Vec<WordMatcher>,
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

/// The role nouns of the `[offices]` dictionary sections, by last word.
#[derive(Debug, Default)]
pub(crate) struct OfficeNouns {
    by_last_word: FxHashMap<Box<str>, Vec<NamedOffice>>,
}

impl OfficeNouns {
    pub(crate) fn new(nouns: &[OfficeNoun]) -> OfficeNouns {
        let mut by_last_word: FxHashMap<Box<str>, Vec<NamedOffice>> = FxHashMap::default();
        for noun in nouns {
            for name in &noun.names {
                let words: Vec<WordMatcher> = name.words.iter().map(|w| w.matcher.clone()).collect();
                let Some(last) = words.last() else { continue };
                by_last_word.entry(last.key().into()).or_default().push(NamedOffice {
                    words,
                    offices: noun.offices.clone(),
                    orgs: noun.orgs.clone(),
                    except_orgs: noun.except_orgs.clone(),
                });
            }
        }
        OfficeNouns { by_last_word }
    }

    /// What the role phrase `tokens[start..end]` names, when the phrase is a
    /// role noun and nothing more ("il *ministro degli Esteri*"; not
    /// "presidente della Regione", whose last words name no office): one
    /// entry per dictionary line that lists it ("canciller" is a foreign
    /// minister, or Germany's head of government). Determiners before the
    /// noun do not count.
    pub(crate) fn named_by(
        &self,
        tokens: &[Token],
        start: usize,
        end: usize,
        lw: &LangWords,
    ) -> Vec<&NamedOffice> {
        let Some(span) = tokens.get(start..end) else { return Vec::new() };
        let Some(first) = span.iter().position(|t| !lw.is_determiner(&t.upper)) else { return Vec::new() };
        let span = &span[first..];
        let Some(candidates) = span.last().and_then(|last| self.by_last_word.get(&*last.upper)) else {
            return Vec::new();
        };
        candidates
            .iter()
            .filter(|n| {
                n.words.len() == span.len()
                    && n.words.iter().zip(span).all(|(w, t)| match w {
                        WordMatcher::Exact(s) => *s == t.upper,
                        WordMatcher::Stem(s) => t.upper.starts_with(&**s),
                        WordMatcher::Lemma(s) => *s == t.lemma,
                    })
            })
            .collect()
    }
}
