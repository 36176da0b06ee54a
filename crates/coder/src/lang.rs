//! The closed-class words the shallow parse relies on, per language.
//!
//! Everything language-specific in the coder's syntax lives here: which
//! words mark a noun (articles), negate a verb, form a passive and introduce
//! its agent, join a role to its country ("the minister *of* Egypt"), open a
//! subordinate clause, or report speech. Words are upper-cased, as tokens'
//! `upper` field is; elided forms keep their apostrophe (`L'`, `DELL'`).

/// The word lists of one language.
#[derive(Debug)]
pub(crate) struct LangWords {
    /// The language's ISO 639-1 code.
    pub(crate) code: &'static str,
    /// Articles and possessive determiners: a verb form right after one is a noun.
    pub(crate) determiners: &'static [&'static str],
    /// Negations before the verb (and, for German, after it in the clause).
    pub(crate) negations: &'static [&'static str],
    /// Whether a negation may follow the verb (German `nicht` at the clause end).
    pub(crate) negation_after: bool,
    /// Auxiliaries that form the passive with a participle.
    pub(crate) passive_aux: &'static [&'static str],
    /// Forms of "have" that make compound tenses ("has signed", "ha firmato").
    pub(crate) perfect_aux: &'static [&'static str],
    /// How far before the participle the auxiliary may stand.
    pub(crate) passive_reach: usize,
    /// Endings of past participles.
    pub(crate) participle_endings: &'static [&'static str],
    /// Prepositions that introduce the agent of a passive ("by").
    pub(crate) passive_agent: &'static [&'static str],
    /// Prepositions: an actor right after one is not a subject.
    pub(crate) prepositions: &'static [&'static str],
    /// Words that join a role to its actor: "the minister of Egypt".
    pub(crate) of_words: &'static [&'static str],
    /// Nouns of quantity whose "of" phrase is what they count: "*thousands*
    /// of protesters marched" has the protesters for subject.
    pub(crate) quantities: &'static [&'static str],
    /// Words that open a subordinate clause.
    pub(crate) subordinators: &'static [&'static str],
    /// Relative pronouns: they refer back to the actor right before them.
    pub(crate) relatives: &'static [&'static str],
    /// Relative pronouns that are the subject of their clause ("who", "che",
    /// "que", "qui"); German sets its relative clauses off by commas.
    pub(crate) subject_relatives: &'static [&'static str],
    /// How a verb in the imperfect ends ("protest*avano*", "protest*aban*",
    /// "protest*aient*"): what it tells was going on at the time of the main
    /// verb. English makes it with "was"/"were" and "-ing".
    pub(crate) imperfect_endings: &'static [&'static str],
    /// Verbs of saying: they do not make an event of their own when the
    /// sentence reports another one, and their object may be a subject.
    pub(crate) reporting: &'static [&'static str],
    /// Words that open a list of members of the actor before them ("Syrian
    /// forces, *including* tanks", "diversi paesi, *tra cui* la Francia"):
    /// the members are part of that actor, not actors of their own. Two-word
    /// entries are written with one space.
    pub(crate) inclusives: &'static [&'static str],
    /// Words that open a sentence by naming where its news came from
    /// ("*According to* the army, Hezbollah fired …"): the source of the
    /// news is not an actor of the event. Multi-word entries are written with
    /// one space between the tokens.
    pub(crate) attribution_openers: &'static [&'static str],
    /// Conjunctions that coordinate actors.
    pub(crate) conjunctions: &'static [&'static str],
    /// Coordinating conjunctions: outside an actor phrase they part clauses
    /// ("Arnor met Bree *and* Gondor attacked Mordor").
    pub(crate) coordinators: &'static [&'static str],
    /// Words that open a clause only when a subject and its predicate follow
    /// them: English "as" in "signs the reform into law *as* unions call a
    /// strike", not in "as part of" or "serves as envoy".
    pub(crate) clause_openers: &'static [&'static str],
    /// Words that open a sentence with a phrase whose verb has no subject of
    /// its own but the main clause's ("*Dopo* aver incontrato Macron, Meloni
    /// ha detto", "*Tras* reunirse con Lula, Sánchez afirmó", "*After* talks
    /// with Xi, Albanese said"). Multi-word entries are written with one space.
    pub(crate) nonfinite_openers: &'static [&'static str],
    /// Whether a missing subject may be taken from the previous clause
    /// (pro-drop languages, and coordinated verbs everywhere).
    pub(crate) pro_drop: bool,
    /// Possessive determiners: "its troops from Syria" are the subject's
    /// troops, not Syria's.
    pub(crate) possessives: &'static [&'static str],
    /// How the nouns for the same office in another government begin ("his
    /// *counterpart* from Portugal", "su *homólogo* de Portugal"): the country
    /// after them is theirs, whoever's possessive stands before.
    pub(crate) counterpart_stems: &'static [&'static str],
    /// Reflexive clitics that make an auxiliary with a participle active:
    /// "si sono incontrati", "se sont rencontrés" ("met each other").
    pub(crate) reflexives: &'static [&'static str],
    /// Words that introduce an infinitive complement ("threatened *to*
    /// break") or purpose ("*para* protestar").
    pub(crate) infinitive_markers: &'static [&'static str],
    /// How an infinitive ends, with or without enclitic pronouns
    /// ("incontrar-lo", "reunir-se"); empty where any word after a marker
    /// is one (English "to", German "zu"). "Una jornada de protesta" has a
    /// noun after its "de".
    pub(crate) infinitive_endings: &'static [&'static str],
    /// How a gerund ends where it always heads an adverbial clause of its own
    /// ("manifestaron *exigiendo* alzas", "protestavano *lanciando* pietre"):
    /// its event is not part of the previous verb's object. Empty where the
    /// form also modifies nouns (English "a resolution *censuring* Panama").
    pub(crate) gerund_endings: &'static [&'static str],
    /// Number words that sum up actors named before ("the *two* ministers").
    pub(crate) numbers: &'static [(&'static str, usize)],
    /// Cardinals above those, spelled out: they count people ("killed *twelve*
    /// Palestinians") but sum up no actors named before.
    pub(crate) cardinals: &'static [&'static str],
    /// "Both" alone, as a pronoun: "*ambos* acordaron", "*both* agreed".
    pub(crate) both: &'static [&'static str],
    /// Nouns that sum up sides named before when a number precedes them and
    /// they are no role ("the two sides", "le due parti"); "two days" and
    /// "due droni" sum up nothing.
    pub(crate) summary_nouns: &'static [&'static str],
    /// Nouns that sum up people named before ("the two men", "les deux
    /// hommes", "die beiden Männer"): persons only, never states.
    pub(crate) people_summary_nouns: &'static [&'static str],
    /// The summary nouns that name states ("the two countries", "i due
    /// paesi", "beide Länder"): they stand for the last states named, as
    /// states, whoever spoke for them.
    pub(crate) state_summary_nouns: &'static [&'static str],
    /// Prepositions that introduce where something happened.
    pub(crate) locatives: &'static [&'static str],
    /// Locatives that also say to whom ("*al* Quirinale", "*al* governo"): a
    /// place after one is passed over only for a direct object right after it.
    pub(crate) dative_locatives: &'static [&'static str],
    /// Nouns for a kind of place that a name may follow ("in the northern
    /// *city* of Kirkuk", "nella *città* di Kirkuk"), singular and plural,
    /// and English compass adjectives ("in *northern* Nigeria").
    pub(crate) place_nouns: &'static [&'static str],
    /// How the verbs of attacking begin ("attack", "attacca", "atacó",
    /// "attaqué", "angreifen"): between politicians they attack with words
    /// ("Meloni attacca Schlein"), while killing stays killing.
    pub(crate) attack_stems: &'static [&'static str],
    /// Nouns of a violent act ("attack", "attacco", "frappes"), singular and
    /// plural, that after a definite determiner point back at the last one
    /// the article told: "Ukraine condemned the attack".
    pub(crate) act_nouns: &'static [&'static str],
    /// Nouns of an accusation or criticism ("the accusations", "le accuse",
    /// "die Vorwürfe") that, after a definite determiner and with no author
    /// of their own, point back at the last side that accused or criticised:
    /// "Nairobi rejected the accusations" after "Sudan accused Kenya".
    pub(crate) accusation_nouns: &'static [&'static str],
    /// Nouns of a decision ("the decision", "la mossa", "der Schritt") that,
    /// after a definite determiner and with no author of their own, point
    /// back at the last side that decided or did something:
    /// "The AfD criticised the decision" after "The government stopped …".
    pub(crate) decision_nouns: &'static [&'static str],
    /// Nouns of a request, demand, proposal or offer ("the request", "la
    /// richiesta", "l'offre") that, after a definite determiner and with no
    /// author of their own, point back at the last side that asked, demanded,
    /// proposed or offered: "Nordio ha respinto la richiesta" after "Conte ha
    /// chiesto a Nordio di dimettersi".
    pub(crate) request_nouns: &'static [&'static str],
    /// Nouns of sanctions, tariffs or an embargo that, after a definite
    /// determiner and with no author of their own, point back at the last
    /// side that imposed some (root 16): "Moscow denounced the sanctions".
    pub(crate) sanction_nouns: &'static [&'static str],
    /// Determiners that point back at something told before: "the", "this".
    pub(crate) definite_determiners: &'static [&'static str],
    /// Nouns that make a preposition an adverbial phrase of time or manner
    /// ("*nella notte* Mosca ha colpito", "*in mattinata* Meloni ha
    /// incontrato", "*in response* Iran fired"): the name after them opens
    /// the clause, it is not the preposition's object.
    pub(crate) adverbial_nouns: &'static [&'static str],
    /// Units of time, singular and plural ("ore", "días", "jours"): a
    /// preposition or subordinator between one and a comma or a name is an
    /// adverb ("*Poche ore* dopo Putin ha condannato", "deux jours après,
    /// Paris a"), so the name after it opens the clause.
    pub(crate) time_units: &'static [&'static str],
    /// Adverbs that may stand between a conjunction and the verb of a second
    /// predicate ("and *again* threatened", "y *luego* pidió"), beside those
    /// with the language's adverb ending.
    pub(crate) adverbs: &'static [&'static str],
    /// How an adverb of manner ends ("-ly", "-mente", "-ment"); empty for none.
    pub(crate) adverb_ending: &'static str,
    /// Set adverbial phrases that say nothing of who did what to whom ("por
    /// su parte", "de son côté", "for his part"): coding reads the sentence
    /// without them, so that "acusó por su parte a Sánchez" is "acusó a Sánchez".
    pub(crate) set_phrases: &'static [&'static str],
    /// Words that are a set phrase only when commas set them off on both
    /// sides: French stressed pronouns after their subject ("L'opposition,
    /// *elle*, reproche …"), which elsewhere are subjects or objects.
    pub(crate) set_off_phrases: &'static [&'static str],
    /// How a verb in the simple future or the conditional ends ("incontrer*à*",
    /// "visitar*á*", "rencontrer*a*", "rendr*ait*", "incontrer*ebbe*"): what it
    /// tells has not happened yet, as English "will" and "would" say.
    pub(crate) future_endings: &'static [&'static str],
    /// Futures and conditionals too short for their ending to tell them from
    /// other words ("sarà", "hará", "fera"), listed whole.
    pub(crate) future_forms: &'static [&'static str],
    /// Words that make the verb after them future ("will", "wird", "va a"),
    /// two-word ones written with one space. German's stand in second place,
    /// its infinitive at the clause end.
    pub(crate) future_markers: &'static [&'static str],
    /// The preposition that names whom a protest is against ("against",
    /// "contro", "contra", "contre", "gegen").
    pub(crate) against: &'static str,
    /// The prepositions that name a partner ("with", "con", "col", "avec",
    /// "mit"): whom a meeting is with.
    pub(crate) with_words: &'static [&'static str],
    /// Subject pronouns: they refer to the last subject.
    pub(crate) pronouns: &'static [&'static str],
    /// Singular object pronouns that stand for a person named before:
    /// English's after the verb ("met *him*"), the clitics of the others
    /// right before the verb or its auxiliary ("*lo* ha ricevuto", "*le*
    /// concedió", "*l'*a reçu"), German's after its finite verb ("empfing
    /// *ihn*").
    pub(crate) object_pronouns: &'static [&'static str],
    /// Plural object pronouns, where they stand as the singular ones do
    /// ("dispersed *them*", "*los* dispersó", "*li* ha dispersi", "*les* a
    /// dispersés"): they stand for a group named before, not a person.
    /// German's "sie" is also the subject and is left out.
    pub(crate) plural_object_pronouns: &'static [&'static str],
    /// Singular subject pronouns ("he", "she"): they refer to one actor.
    pub(crate) singular_pronouns: &'static [&'static str],
    /// Finite forms that mark reported speech (German Konjunktiv: "er
    /// *werde* Macron treffen, sagte Merz"), whose pronoun subject is the
    /// speaker named after it.
    pub(crate) reported_speech_aux: &'static [&'static str],
    /// Finite auxiliaries and modals that hold the second place while the
    /// main verb goes to the end (German "hat … getroffen", "will … treffen").
    pub(crate) auxiliaries: &'static [&'static str],
    /// Verb-second main clauses: when something else opens the clause, the
    /// subject follows the verb (German "Am Montag traf X Y").
    pub(crate) verb_second: bool,
    /// Adjectives, national ones included, follow the noun ("raid aerei
    /// pakistani", "bombardeos israelíes", "frappes russes").
    pub(crate) adjective_after_noun: bool,
}

impl LangWords {
    /// Whether token `i` follows an infinitive marker ("to", "de", "para").
    pub(crate) fn after_infinitive_marker(&self, tokens: &[dyad_text::Token], i: usize) -> bool {
        // 'à « reconsidérer »', 'to "reconsider"': a quote may open before the infinitive.
        let quote = |t: &dyad_text::Token| is_quote_mark(&t.text);
        let marker = match i.checked_sub(1).and_then(|p| tokens.get(p)) {
            Some(t) if quote(t) => i.checked_sub(2),
            _ => i.checked_sub(1),
        };
        marker.and_then(|m| tokens.get(m)).is_some_and(|t| self.infinitive_markers.contains(&&*t.upper))
    }

    /// Whether token `i` is an infinitive introduced by a marker ("to
    /// break", "para protestar", "per incontrarlo"), not a noun after a
    /// preposition ("jornada de protesta").
    pub(crate) fn infinitive_at(&self, tokens: &[dyad_text::Token], i: usize) -> bool {
        self.after_infinitive_marker(tokens, i)
            && tokens.get(i).is_some_and(|t| {
                self.infinitive_endings.is_empty()
                    || self.infinitive_endings.iter().any(|e| t.upper.ends_with(e))
            })
    }

    /// Whether token `i` is an of-word after a quantity or number: what follows
    /// is what is counted ("thousands *of* Israelis", "miles *de* manifestantes").
    pub(crate) fn counts(&self, tokens: &[dyad_text::Token], i: usize) -> bool {
        tokens.get(i).is_some_and(|t| self.of_words.contains(&&*t.upper))
            && i.checked_sub(1).and_then(|q| tokens.get(q)).is_some_and(|q| {
                self.quantities.contains(&&*q.upper) || q.kind == dyad_text::TokenKind::Number
            })
    }

    /// The lists of the language with this ISO 639-1 code; English for any other.
    pub(crate) fn of(code: &str) -> &'static LangWords {
        match code {
            "it" => &IT,
            "es" => &ES,
            "fr" => &FR,
            "de" => &DE,
            _ => &EN,
        }
    }

    /// Whether an inclusive ("including", "tra cui") ends right before token
    /// `start`, perhaps followed by a determiner or number ("including the",
    /// "tra cui tre").
    pub(crate) fn inclusive_before(&self, tokens: &[dyad_text::Token], start: usize) -> Option<usize> {
        let word = |i: usize| tokens.get(i).map(|t| &*t.upper);
        let mut end = start;
        if end > 0
            && tokens.get(end - 1).is_some_and(|t| {
                self.is_determiner(&t.upper)
                    || t.kind == dyad_text::TokenKind::Number
                    || self.number_word(&t.upper).is_some()
            })
        {
            end -= 1;
        }
        // Each entry's words, matched backwards from `end`.
        self.inclusives.iter().find_map(|entry| {
            entry.rsplit(' ').try_fold(end, |at, w| at.checked_sub(1).filter(|&at| word(at) == Some(w)))
        })
    }

    /// An opening attribution ("According to the army, …"): where its words
    /// after the opener begin, and the token after its comma when a comma
    /// closes it within a few words (German fronts it without one: "Nach
    /// Angaben der Armee hat …"). `None` when the sentence opens otherwise.
    pub(crate) fn attribution_at(
        &self,
        tokens: &[dyad_text::Token],
        from: usize,
    ) -> Option<(usize, Option<usize>)> {
        const REACH: usize = 12;
        let opener = self.attribution_openers.iter().find_map(|entry| phrase_end(tokens, from, entry))?;
        let comma = tokens.iter().skip(opener).take(REACH).position(|t| &*t.text == ",");
        Some((opener, comma.map(|c| opener + c + 1)))
    }

    /// Whether a word opens an adverbial clause ("after", "unless", "quando"):
    /// a subordinator that is not a complementizer ("that", "che", "dass",
    /// whose clause is often the object), a purpose marker ("para") or a
    /// condition ("threatened to strike unless Israel rescinded": its actor
    /// is whom the threat is aimed at).
    pub(crate) fn opens_adverbial_clause(&self, w: &str) -> bool {
        self.subordinators.contains(&w)
            && !self.is_complementizer(w)
            && !matches!(w, "OB" | "PARA" | "IF" | "UNLESS" | "SI" | "WENN")
    }

    /// Whether token `i` opens a subordinate clause. German "als" does only at
    /// the sentence's start or after a comma ("…, als Merz eintraf"); inside a
    /// clause it compares or names a role: "mehr als 80 Gefangene", "Palästina
    /// als Staat anerkannt", "wies die Vorwürfe als russophob zurück". So do
    /// "da", which inside a clause is a name's particle ("Lula da Silva hat
    /// Guterres getroffen"), and "während", a preposition there ("während des
    /// Besuchs"): German sets a comma before every subordinate clause.
    pub(crate) fn subordinator_at(&self, tokens: &[dyad_text::Token], i: usize) -> bool {
        let Some(t) = tokens.get(i) else { return false };
        let w = &*t.upper;
        let clause_start =
            || i == 0 || tokens.get(i - 1).is_some_and(|p| matches!(&*p.text, "," | ";" | ":"));
        self.subordinators.contains(&w)
            && (!matches!(w, "ALS" | "DA" | "WÄHREND") || clause_start())
            && !self.adverb_of_time_at(tokens, i)
            && !self.bare_adverb_at(tokens, i)
    }

    /// Whether token `i` is Spanish "antes" or "después" with no "de" or
    /// "que" after it: an adverb of time, which opens no clause ("Sánchez se
    /// reunió *antes* con Li Qiang").
    fn bare_adverb_at(&self, tokens: &[dyad_text::Token], i: usize) -> bool {
        let needs_particle = tokens.get(i).is_some_and(|t| matches!(&*t.upper, "ANTES" | "DESPUÉS"));
        let particle = tokens.get(i + 1).is_some_and(|n| matches!(&*n.upper, "DE" | "DEL" | "QUE"));
        // "Beijing has since suspended imports": "since" inside a compound
        // tense is an adverb, no clause.
        let inside_tense = tokens.get(i).is_some_and(|t| &*t.upper == "SINCE")
            && i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| self.perfect_aux.contains(&&*p.upper));
        needs_particle && !particle || inside_tense
    }

    /// Whether token `i`, a preposition or subordinator, follows a unit of
    /// time and so is an adverb: "Poche ore *dopo* (il presidente) Putin ha
    /// condannato", "Deux jours *après*, Paris a". Before a lower-case word it
    /// keeps its object ("tre giorni dopo aver firmato"); one after an article
    /// ("poche ore dopo l'attacco") is no actor, so reading it as an adverb
    /// there costs nothing.
    pub(crate) fn adverb_of_time_at(&self, tokens: &[dyad_text::Token], i: usize) -> bool {
        let after_unit = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| self.time_units.contains(&&*p.upper));
        after_unit
            && tokens.get(i).is_some_and(|t| self.is_preposition(&t.upper))
            && tokens.get(i + 1).is_some_and(|n| {
                &*n.text == ","
                    || n.text.chars().next().is_some_and(char::is_uppercase)
                    || self.is_determiner(&n.upper)
            })
    }

    /// Whether a word introduces a content clause ("said *that* …").
    pub(crate) fn is_complementizer(&self, w: &str) -> bool {
        self.subordinators.contains(&w) && matches!(w, "THAT" | "CHE" | "QUE" | "QU'" | "DASS")
    }

    pub(crate) fn is_determiner(&self, w: &str) -> bool {
        self.determiners.contains(&w)
    }

    /// Whether a locative and an article stand right before `start`: "à
    /// l'Élysée", "en la Moncloa". Narrower uses only: "à la Commission" is
    /// as often whom something is asked of.
    pub(crate) fn locative_and_article_before(&self, tokens: &[dyad_text::Token], start: usize) -> bool {
        start >= 2
            && tokens.get(start - 1).is_some_and(|t| self.is_determiner(&t.upper))
            && tokens.get(start - 2).is_some_and(|t| self.locatives.contains(&&*t.upper))
    }

    /// Whether the word before `start` is a locative preposition ("*in* Kirkuk"):
    /// the phrase there names where, not whom.
    pub(crate) fn locative_before(&self, tokens: &[dyad_text::Token], start: usize) -> bool {
        let locative = |i: usize| tokens.get(i).is_some_and(|t| self.locatives.contains(&&*t.upper));
        if start.checked_sub(1).is_some_and(locative) {
            return true;
        }
        // "in the northern city of Kirkuk", "nella città di Kirkuk", "in der
        // Stadt Kirkuk": a place noun, perhaps with "of", then up to three
        // determiners or lower-case adjectives back to the locative.
        let mut i = start;
        if i > 0 && tokens.get(i - 1).is_some_and(|t| self.of_words.contains(&&*t.upper)) {
            i -= 1;
        }
        if !(i > 0 && tokens.get(i - 1).is_some_and(|t| self.place_nouns.contains(&&*t.upper))) {
            return false;
        }
        i -= 1;
        for _ in 0..4 {
            let Some(before) = i.checked_sub(1) else { return false };
            if locative(before) {
                return true;
            }
            let Some(t) = tokens.get(before) else { return false };
            let modifier = self.determiners.contains(&&*t.upper)
                || t.kind == dyad_text::TokenKind::Word
                    && t.text.chars().next().is_some_and(char::is_lowercase);
            if !modifier {
                return false;
            }
            i = before;
        }
        false
    }

    pub(crate) fn is_preposition(&self, w: &str) -> bool {
        self.prepositions.contains(&w) || self.of_words.contains(&w) || self.passive_agent.contains(&w)
    }

    /// Whether an upper-cased word names another government's same office
    /// ("counterpart", "omologo", "Amtskollegin").
    pub(crate) fn is_counterpart(&self, w: &str) -> bool {
        self.counterpart_stems.iter().any(|stem| w.starts_with(stem))
    }

    pub(crate) fn number_word(&self, w: &str) -> Option<usize> {
        self.numbers.iter().find(|(n, _)| *n == w).map(|(_, k)| *k)
    }

    /// Whether an upper-cased word is a spelled-out number, small or large.
    pub(crate) fn is_spelled_number(&self, w: &str) -> bool {
        self.number_word(w).is_some() || self.cardinals.contains(&w)
    }

    /// Whether an upper-cased word is an auxiliary of a compound tense or of
    /// the passive ("ha", "was", "wurde").
    pub(crate) fn is_auxiliary(&self, w: &str) -> bool {
        self.perfect_aux.contains(&w) || self.passive_aux.contains(&w)
    }

    /// Whether an upper-cased verb form is a gerund or present participle
    /// ("accusando", "acusando", "accusant", "accusing"): it heads a clause
    /// whose subject is the main clause's, never one after it.
    pub(crate) fn is_gerund(&self, w: &str) -> bool {
        let ending = match self.code {
            "en" => "ING",
            "fr" => "ANT",
            "de" => "END",
            _ => return ends_with_any(w, self.gerund_endings),
        };
        ends_with_any(w, &[ending])
    }

    /// Whether the verb at `verb` tells what was going on at the time of the
    /// sentence's main verb: an imperfect ("che protestavano", "que
    /// protestaban", "qui manifestaient") or an English progressive past or
    /// present ("who were protesting").
    pub(crate) fn is_imperfective(&self, tokens: &[dyad_text::Token], verb: usize) -> bool {
        let Some(t) = tokens.get(verb) else { return false };
        let w = &*t.upper;
        if self.code == "en" {
            let aux = verb.checked_sub(1).and_then(|i| tokens.get(i));
            return w.ends_with("ING")
                && aux.is_some_and(|a| matches!(&*a.upper, "WAS" | "WERE" | "IS" | "ARE"));
        }
        ends_with_any(w, self.imperfect_endings)
    }

    /// Whether the verb at `verb..verb_end` tells what is yet to happen: a
    /// future form ("incontrerà", "se reunirá"), a future auxiliary or modal
    /// right before it ("sarà ricevuto", "dovrà incontrare"), or a future
    /// marker before it in its clause ("will meet", "va a reunirse", "wird …
    /// treffen"; German also "… treffen wird"). A German participle after
    /// "wird" is a passive, not a future.
    pub(crate) fn is_future(&self, tokens: &[dyad_text::Token], verb: usize, verb_end: usize) -> bool {
        // A name is no verb form: "Narendra Modi et Emmanuel Macron se sont
        // entretenus", where a pattern's words begin with the actors.
        let future_form = |t: &dyad_text::Token| {
            t.kind == dyad_text::TokenKind::Word
                && !t.text.chars().next().is_some_and(char::is_uppercase)
                && (ends_with_any(&t.upper, self.future_endings) || self.future_forms.contains(&&*t.upper))
        };
        let Some(verb_tokens) = tokens.get(verb..verb_end) else { return false };
        if verb_tokens.iter().any(future_form) {
            return true;
        }
        let marker_ends_at = |i: usize| {
            self.future_markers.iter().any(|m| {
                m.split(' ').rev().enumerate().all(|(back, w)| {
                    i.checked_sub(back).and_then(|k| tokens.get(k)).is_some_and(|t| &*t.upper == w)
                })
            })
        };
        let reach = if self.verb_second { 12 } else { 4 };
        for i in (verb.saturating_sub(reach)..verb).rev() {
            let Some(t) = tokens.get(i) else { break };
            if t.kind == dyad_text::TokenKind::Punct {
                break;
            }
            if verb - i <= 2 && future_form(t) || marker_ends_at(i) {
                return !self.verb_second || !verb_tokens.iter().any(|t| self.is_participle(&t.upper));
            }
        }
        self.verb_second && tokens.get(verb_end).is_some_and(|t| self.future_markers.contains(&&*t.upper))
    }

    /// Whether an upper-cased word is an adverb: listed, or with the
    /// language's adverb ending.
    pub(crate) fn is_adverb(&self, w: &str) -> bool {
        self.adverbs.contains(&w) || !self.adverb_ending.is_empty() && ends_with_any(w, &[self.adverb_ending])
    }

    /// Whether a word is an object pronoun, singular or plural.
    pub(crate) fn is_object_pronoun(&self, w: &str) -> bool {
        self.object_pronouns.contains(&w) || self.plural_object_pronouns.contains(&w)
    }

    /// Whether a phrase ends in a plural ("Cientos de manifestantes", "i
    /// manifestanti", "the protesters"), as a plural object pronoun's
    /// antecedent does.
    pub(crate) fn looks_plural(&self, phrase: &str) -> bool {
        let Some(last) = phrase.split_whitespace().last() else { return false };
        let endings: &[&str] = match self.code {
            "it" => &["I"],
            "fr" => &["S", "X"],
            "de" => &["EN", "ER", "E"],
            _ => &["S"],
        };
        ends_with_any(&last.to_uppercase(), endings)
    }

    pub(crate) fn is_participle(&self, w: &str) -> bool {
        if self.verb_second && w.ends_with("EN") {
            // German strong participles carry ge- ("getroffen", "angegriffen"); an
            // infinitive in -en ("wird … investieren") is no participle.
            return w.char_indices().take_while(|(i, _)| *i <= 6).any(|(i, _)| w[i..].starts_with("GE"));
        }
        // English short participles that no ending tells ("was hit by").
        let short = self.code == "en" && matches!(w, "HIT" | "CUT" | "PUT" | "SET" | "LET" | "BID" | "RID");
        short || ends_with_any(w, self.participle_endings)
    }

    /// [`Self::is_participle`], and a German strong participle whose
    /// inseparable prefix leaves no room for ge- ("erschossen", "vertrieben",
    /// "entführt"): a form in -en other than its infinitive.
    pub(crate) fn is_participle_token(&self, t: &dyad_text::Token) -> bool {
        const INSEPARABLE: &[&str] = &["BE", "ER", "VER", "ZER", "ENT", "EMP", "MISS"];
        self.is_participle(&t.upper)
            || self.verb_second
                && t.upper.ends_with("EN")
                && INSEPARABLE.iter().any(|p| t.upper.starts_with(p))
                && t.lemma.ends_with("en")
                && *t.lemma != *t.text.to_lowercase()
    }
}

/// Where the words of `phrase` (upper-case, one space between) end when
/// they stand at `from`: the token after its last word, or `None`.
pub(crate) fn phrase_end(tokens: &[dyad_text::Token], from: usize, phrase: &str) -> Option<usize> {
    phrase.split(' ').try_fold(from, |at, w| tokens.get(at).is_some_and(|t| &*t.upper == w).then_some(at + 1))
}

/// Quote marks, opening or closing, of the five languages' typography.
pub(crate) fn is_quote_mark(text: &str) -> bool {
    matches!(text, "\"" | "”" | "“" | "»" | "«" | "„")
}

/// Whether an upper-cased word ends with one of `endings` after a stem of
/// at least three bytes ("ACCUSANDO" with "ANDO"; "ANDO" alone does not).
fn ends_with_any(w: &str, endings: &[&str]) -> bool {
    endings.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

static EN: LangWords = LangWords {
    code: "en",
    determiners: &["THE", "A", "AN", "THIS", "ITS", "HIS", "HER", "THEIR"],
    negations: &["NOT", "N'T", "NEVER", "NO", "NEITHER"],
    negation_after: false,
    passive_aux: &["IS", "ARE", "WAS", "WERE", "BEEN", "BEING", "BE", "GET", "GOT"],
    perfect_aux: &["HAS", "HAVE", "HAD"],
    passive_reach: 2,
    participle_endings: &["ED", "EN", "WN", "ND", "UNG", "UGHT", "OUGHT", "T"],
    passive_agent: &["BY"],
    prepositions: &[
        "OF", "IN", "WITH", "TO", "FOR", "AT", "ON", "FROM", "AGAINST", "NEAR", "ABOUT", "INTO", "OVER",
        "BETWEEN", "AMONG", "UNDER", "AFTER", "BEFORE", "DURING", "THROUGH", "TOWARD", "TOWARDS", "ACROSS",
        "WITHOUT", "AMID",
    ],
    quantities: &[
        "THOUSANDS",
        "HUNDREDS",
        "DOZENS",
        "SCORES",
        "TENS",
        "GROUP",
        "GROUPS",
        "NUMBER",
        "CROWD",
        "CROWDS",
        "MILLIONS",
    ],
    of_words: &["OF", "FROM", "IN", "FOR", "AT"],
    subordinators: &[
        "AFTER", "BEFORE", "WHEN", "WHILE", "BECAUSE", "SINCE", "THAT", "IF", "ALTHOUGH", "UNTIL", "WHEREAS",
        "UNLESS", "THOUGH",
    ],
    relatives: &["WHO", "WHICH", "WHOM"],
    subject_relatives: &["WHO"],
    imperfect_endings: &[],
    reporting: &[
        "SAID",
        "SAYS",
        "SAY",
        "TOLD",
        "STATED",
        "REPORTED",
        "ANNOUNCED",
        "CLAIMED",
        "ADDED",
        "NOTED",
        "DECLARED",
        "INSISTED",
        "ASSERTED",
        "CONFIRMED",
        // Written statements name their speaker as spoken ones do.
        "WROTE",
        "POSTED",
        "TWEETED",
        "STRESSED",
        "EXPLAINED",
    ],
    inclusives: &["INCLUDING", "AMONG THEM", "NOTABLY", "ESPECIALLY"],
    conjunctions: &["AND", ",", "OR", "NOR"],
    attribution_openers: &["ACCORDING TO", "AS REPORTED BY"],
    coordinators: &["AND", "OR", "NOR", "BUT"],
    clause_openers: &["AS"],
    nonfinite_openers: &["AFTER", "BEFORE", "WHILE", "UPON"],
    pro_drop: false,
    possessives: &["ITS", "THEIR", "HIS", "HER", "OUR"],
    counterpart_stems: &["COUNTERPART"],
    reflexives: &[],
    infinitive_markers: &["TO"],
    infinitive_endings: &[],
    gerund_endings: &[],
    numbers: &[("TWO", 2), ("BOTH", 2), ("THREE", 3), ("FOUR", 4)],
    cardinals: &[
        "FIVE",
        "SIX",
        "SEVEN",
        "EIGHT",
        "NINE",
        "TEN",
        "ELEVEN",
        "TWELVE",
        "THIRTEEN",
        "FOURTEEN",
        "FIFTEEN",
        "SIXTEEN",
        "SEVENTEEN",
        "EIGHTEEN",
        "NINETEEN",
        "TWENTY",
        "THIRTY",
        "FORTY",
        "FIFTY",
        "HUNDRED",
    ],
    both: &["BOTH"],
    people_summary_nouns: &["MEN", "WOMEN"],
    summary_nouns: &["SIDES", "PARTIES", "RIVALS", "ALLIES", "CAMPS", "BELLIGERENTS", "ADVERSARIES"],
    state_summary_nouns: &["COUNTRIES", "NATIONS", "STATES", "NEIGHBOURS", "NEIGHBORS", "CAPITALS", "POWERS"],
    locatives: &["IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "ACROSS", "THROUGHOUT"],
    dative_locatives: &[],
    attack_stems: &["ATTACK", "ASSAIL"],
    accusation_nouns: &[
        "ACCUSATION",
        "ACCUSATIONS",
        "ALLEGATION",
        "ALLEGATIONS",
        "CLAIMS",
        "CRITICISM",
        "CHARGE",
        "CHARGES",
    ],
    decision_nouns: &["DECISION", "DECISIONS", "MOVE", "RULING", "VERDICT", "MEASURE", "BAN"],
    sanction_nouns: &["SANCTIONS", "TARIFFS", "EMBARGO", "MEASURES"],
    request_nouns: &[
        "REQUEST",
        "REQUESTS",
        "DEMAND",
        "DEMANDS",
        "APPEAL",
        "APPEALS",
        "PROPOSAL",
        "PROPOSALS",
        "OFFER",
        "OFFERS",
        "ULTIMATUM",
    ],
    act_nouns: &[
        "ATTACK",
        "ATTACKS",
        "STRIKE",
        "STRIKES",
        "AIRSTRIKE",
        "AIRSTRIKES",
        "RAID",
        "RAIDS",
        "BOMBING",
        "BOMBINGS",
        "SHELLING",
        "ASSAULT",
        "BOMBARDMENT",
        "KILLING",
        "KILLINGS",
        "MASSACRE",
        "MASSACRES",
        "AMBUSH",
        "OFFENSIVE",
        "INCURSION",
    ],
    definite_determiners: &["THE", "THIS", "THAT", "THESE", "THOSE"],
    against: "AGAINST",
    with_words: &["WITH"],
    // "Hours later": English says "later", which is no preposition.
    time_units: &[],
    adverbial_nouns: &[
        "RESPONSE",
        "TURN",
        "ADDITION",
        "PARTICULAR",
        "RETALIATION",
        "RETURN",
        "TOTAL",
        "PRIVATE",
        "PUBLIC",
        "PARALLEL",
        "MEANWHILE",
    ],
    adverbs: &["ALSO", "AGAIN", "LATER", "THEN", "ALREADY", "STILL", "NOW", "SOON", "ONCE", "EVEN"],
    adverb_ending: "LY",
    set_phrases: &[
        "FOR HIS PART",
        "FOR HER PART",
        "FOR ITS PART",
        "FOR THEIR PART",
        "IN TURN",
        "ONCE AGAIN",
        "FOR THE FIRST TIME",
        "FOR THE SECOND TIME",
        "FOR THE THIRD TIME",
    ],
    set_off_phrases: &[],
    future_endings: &[],
    future_forms: &[],
    future_markers: &[
        "WILL",
        "WOULD",
        "'LL",
        "SHALL",
        "IS TO",
        "ARE TO",
        "IS DUE",
        "ARE DUE",
        "IS SET",
        "ARE SET",
        "IS EXPECTED",
        "ARE EXPECTED",
        "PLANS TO",
        "PLAN TO",
    ],
    place_nouns: &[
        "NORTHERN",
        "SOUTHERN",
        "EASTERN",
        "WESTERN",
        "CENTRAL",
        "NORTHEASTERN",
        "NORTHWESTERN",
        "SOUTHEASTERN",
        "SOUTHWESTERN",
        "CITY",
        "TOWN",
        "VILLAGE",
        "PROVINCE",
        "REGION",
        "CAPITAL",
        "STATE",
        "DISTRICT",
        "PORT",
        "AREA",
        "ENCLAVE",
        "STREETS",
        "CITIES",
        "TOWNS",
        "VILLAGES",
        "PROVINCES",
        "REGIONS",
        "DISTRICTS",
        "NORTH",
        "SOUTH",
        "EAST",
        "WEST",
        "CENTRE",
        "CENTER",
        "OUTSKIRTS",
    ],
    pronouns: &["HE", "SHE", "THEY", "IT", "WE"],
    object_pronouns: &["HIM", "HER"],
    plural_object_pronouns: &["THEM"],
    singular_pronouns: &["HE", "SHE", "IT"],
    reported_speech_aux: &[],
    auxiliaries: &[],
    verb_second: false,
    adjective_after_noun: false,
};

static IT: LangWords = LangWords {
    code: "it",
    determiners: &[
        "IL", "LO", "LA", "I", "GLI", "LE", "L'", "UN", "UNO", "UNA", "UN'", "DEL", "DELLO", "DELLA",
        "DELL'", "DEI", "DEGLI", "DELLE", "AL", "ALLO", "ALLA", "ALL'", "AI", "AGLI", "ALLE", "SUO", "SUA",
        "SUOI", "SUE", "LORO", "QUESTO", "QUESTA",
    ],
    negations: &["NON", "MAI", "NÉ"],
    negation_after: false,
    passive_aux: &[
        "È", "E'", "ERA", "SONO", "ERANO", "STATO", "STATA", "STATI", "STATE", "VIENE", "VENGONO", "VENNE",
        "VENNERO", "FU", "FURONO", "SARÀ", "SARANNO", "ESSERE", "VENIRE",
    ],
    perfect_aux: &["HA", "HANNO", "AVEVA", "AVEVANO", "AVRÀ", "AVRANNO", "EBBE", "EBBERO"],
    passive_reach: 3,
    participle_endings: &[
        "ATO", "ATA", "ATI", "ATE", "UTO", "UTA", "UTI", "UTE", "ITO", "ITA", "ITI", "ITE", "SO", "SA", "SI",
        "SE", "TTO", "TTA", "TTI", "TTE", "STO", "STA", "STI", "STE", "NTO", "NTA", "NTI", "NTE",
    ],
    passive_agent: &["DA", "DAL", "DALLO", "DALLA", "DALL'", "DAI", "DAGLI", "DALLE"],
    prepositions: &[
        "A", "AD", "IN", "CON", "SU", "PER", "TRA", "FRA", "CONTRO", "VERSO", "SENZA", "DOPO", "PRIMA",
        "DURANTE", "AL", "ALLO", "ALLA", "ALL'", "AI", "AGLI", "ALLE", "NEL", "NELLO", "NELLA", "NELL'",
        "NEI", "NEGLI", "NELLE", "COL", "SUL", "SULLA", "SULL'", "SUI", "SUGLI", "SULLE", "PRESSO",
    ],
    quantities: &[
        "MIGLIAIA",
        "CENTINAIA",
        "DECINE",
        "GRUPPO",
        "GRUPPI",
        "MIGLIAIO",
        "CENTINAIO",
        "FOLLA",
        "MILIONI",
    ],
    of_words: &[
        "DI", "D'", "DEL", "DELLO", "DELLA", "DELL'", "DEI", "DEGLI", "DELLE", "IN", "NEL", "NELLA", "NELL'",
    ],
    subordinators: &[
        "CHE",
        "DOPO",
        "PRIMA",
        "QUANDO",
        "MENTRE",
        "PERCHÉ",
        "POICHÉ",
        "SE",
        "SEBBENE",
        "BENCHÉ",
        "AFFINCHÉ",
        "FINCHÉ",
    ],
    relatives: &["CHE", "CUI", "QUALE", "QUALI"],
    subject_relatives: &["CHE"],
    imperfect_endings: &["AVA", "AVANO", "EVA", "EVANO", "IVA", "IVANO"],
    reporting: &[
        "DETTO",
        "DICHIARATO",
        "AFFERMATO",
        "RIFERITO",
        "SOSTENUTO",
        "ANNUNCIATO",
        "DICE",
        "SPIEGATO",
        "AGGIUNTO",
        "SOTTOLINEATO",
        "SCRITTO",
        "PRECISATO",
        "RIBADITO",
        "COMMENTATO",
    ],
    inclusives: &[
        "TRA CUI", "FRA CUI", "COMPRESO", "COMPRESA", "COMPRESI", "COMPRESE", "INCLUSO", "INCLUSA",
        "INCLUSI", "INCLUSE",
    ],
    conjunctions: &["E", "ED", ",", "O", "OPPURE", "NÉ"],
    attribution_openers: &[
        "SECONDO",
        "STANDO A",
        "STANDO AL",
        "STANDO ALLA",
        "STANDO ALLE",
        "STANDO AI",
        "A DETTA DI",
        "A DETTA DEL",
        "A DETTA DELLA",
    ],
    coordinators: &["E", "ED", "O", "OPPURE", "NÉ", "MA"],
    clause_openers: &[],
    nonfinite_openers: &["DOPO", "PRIMA DI"],
    pro_drop: true,
    possessives: &["SUO", "SUA", "SUOI", "SUE", "LORO"],
    counterpart_stems: &["OMOLOG", "COLLEG"],
    reflexives: &["SI"],
    infinitive_markers: &["DI", "A", "AD", "PER"],
    infinitive_endings: &[
        "ARE", "ERE", "IRE", "RRE", "ARSI", "ERSI", "IRSI", "ARLO", "ERLO", "IRLO", "ARLA", "ERLA", "IRLA",
        "ARLI", "ERLI", "IRLI", "ARLE", "ERLE", "IRLE", "ARNE", "ERNE", "IRNE", "ARCI", "ERCI", "IRCI",
        "ARGLI", "ERGLI", "IRGLI",
    ],
    gerund_endings: &["ANDO", "ENDO"],
    numbers: &[("DUE", 2), ("ENTRAMBI", 2), ("ENTRAMBE", 2), ("TRE", 3), ("QUATTRO", 4)],
    cardinals: &[
        "CINQUE",
        "SEI",
        "SETTE",
        "OTTO",
        "NOVE",
        "DIECI",
        "UNDICI",
        "DODICI",
        "TREDICI",
        "QUATTORDICI",
        "QUINDICI",
        "SEDICI",
        "DICIASSETTE",
        "DICIOTTO",
        "DICIANNOVE",
        "VENTI",
        "TRENTA",
        "QUARANTA",
        "CINQUANTA",
        "CENTO",
    ],
    both: &["ENTRAMBI", "ENTRAMBE"],
    people_summary_nouns: &["UOMINI", "DONNE"],
    summary_nouns: &["PARTI", "RIVALI", "ALLEATI", "SCHIERAMENTI", "BELLIGERANTI", "CONTENDENTI"],
    state_summary_nouns: &["PAESI", "NAZIONI", "STATI", "VICINI", "CAPITALI", "POTENZE"],
    locatives: &["A", "AD", "AL", "ALLA", "ALL'", "IN", "NEL", "NELLA", "PRESSO", "VICINO"],
    dative_locatives: &["AL", "ALLA", "ALL'"],
    attack_stems: &["ATTACC", "ASSAL"],
    accusation_nouns: &["ACCUSE", "ACCUSA", "CRITICHE", "ADDEBITI"],
    decision_nouns: &[
        "DECISIONE",
        "DECISIONI",
        "MOSSA",
        "SENTENZA",
        "VERDETTO",
        "MISURA",
        "PROVVEDIMENTO",
        "DIVIETO",
    ],
    sanction_nouns: &["SANZIONI", "DAZI", "EMBARGO", "MISURE", "PROVVEDIMENTI"],
    request_nouns: &[
        "RICHIESTA",
        "RICHIESTE",
        "APPELLO",
        "APPELLI",
        "PROPOSTA",
        "PROPOSTE",
        "OFFERTA",
        "OFFERTE",
        "ULTIMATUM",
    ],
    act_nouns: &[
        "ATTACCO",
        "ATTACCHI",
        "RAID",
        "BOMBARDAMENTO",
        "BOMBARDAMENTI",
        "ATTENTATO",
        "ATTENTATI",
        "STRAGE",
        "ASSALTO",
        "AGGRESSIONE",
        "UCCISIONE",
        "UCCISIONI",
        "MASSACRO",
        "IMBOSCATA",
        "STRAGI",
        "ECCIDIO",
        "OFFENSIVA",
        "INCURSIONE",
    ],
    definite_determiners: &[
        "IL", "LO", "LA", "I", "GLI", "LE", "L'", "QUESTO", "QUESTA", "QUESTI", "QUESTE", "QUELL'", "QUELLO",
        "QUELLA", "DELL'", "DELLO", "DELLA", "DEI", "DEGLI", "DELLE", "DEL", "ALL'", "ALLO", "ALLA", "AL",
        "AI", "AGLI", "ALLE", "NELL'", "NEL", "NELLA", "SULL'", "SUL", "SULLA", "DALL'", "DAL", "DALLA",
    ],
    against: "CONTRO",
    with_words: &["CON", "COL", "COI"],
    time_units: &[
        "ORE",
        "ORA",
        "GIORNI",
        "GIORNO",
        "MINUTI",
        "SETTIMANE",
        "SETTIMANA",
        "MESI",
        "MESE",
        "ANNI",
        "ANNO",
        "POCO",
        "TEMPO",
        "ATTIMI",
        "ISTANTI",
    ],
    adverbial_nouns: &[
        "NOTTE",
        "NOTTATA",
        "MATTINATA",
        "MATTINA",
        "SERATA",
        "SERA",
        "POMERIGGIO",
        "GIORNATA",
        "FRATTEMPO",
        "PARTICOLARE",
        "RISPOSTA",
        "PARALLELO",
        "SETTIMANA",
        "ANNO",
        "MESE",
        "PASSATO",
        "MERITO",
        "SEGUITO",
        "CONCLUSIONE",
        "TOTALE",
        "MATERIA",
        "PRIMAVERA",
        "ESTATE",
        "AUTUNNO",
        "INVERNO",
        "ATTESA",
        "MODO",
    ],
    adverbs: &["POI", "ANCHE", "INOLTRE", "ANCORA", "GIÀ", "SUBITO", "QUINDI", "INFINE", "PURE"],
    adverb_ending: "MENTE",
    set_phrases: &[
        "DA PARTE SUA",
        "DA PARTE LORO",
        "DAL CANTO SUO",
        "DAL CANTO LORO",
        "A SUA VOLTA",
        "A LORO VOLTA",
        "DI NUOVO",
        "ANCORA UNA VOLTA",
        "PER LA PRIMA VOLTA",
        "PER LA SECONDA VOLTA",
        "PER LA TERZA VOLTA",
    ],
    set_off_phrases: &[],
    future_endings: &["RÀ", "RANNO", "REMO", "REBBE", "REBBERO"],
    future_forms: &["SARÀ", "SARANNO", "SAREMO", "FARÀ", "FARANNO", "DARÀ", "DARANNO", "AVRÀ", "AVRANNO"],
    future_markers: &["STA PER", "STANNO PER"],
    place_nouns: &[
        "CITTÀ",
        "CITTADINA",
        "PAESE",
        "VILLAGGIO",
        "PROVINCIA",
        "REGIONE",
        "CAPITALE",
        "STATO",
        "DISTRETTO",
        "PORTO",
        "ZONA",
        "AREA",
        "VILLAGGI",
        "PROVINCE",
        "REGIONI",
        "NORD",
        "SUD",
        "EST",
        "OVEST",
        "NORD-OVEST",
        "NORD-EST",
        "SUD-OVEST",
        "SUD-EST",
        "NORDOVEST",
        "NORDEST",
        "SUDOVEST",
        "SUDEST",
        "CENTRO",
        "PERIFERIA",
        "STRADE",
        "PIAZZE",
    ],
    pronouns: &["LUI", "LEI", "EGLI", "ESSA", "ESSI", "LORO", "NOI"],
    object_pronouns: &["LO", "LA", "GLI", "L'"],
    plural_object_pronouns: &["LI"],
    singular_pronouns: &["LUI", "LEI", "EGLI", "ESSA"],
    reported_speech_aux: &[],
    auxiliaries: &[],
    verb_second: false,
    adjective_after_noun: true,
};

static ES: LangWords = LangWords {
    code: "es",
    determiners: &[
        "EL", "LA", "LOS", "LAS", "UN", "UNA", "UNOS", "UNAS", "AL", "DEL", "SU", "SUS", "ESTE", "ESTA",
        "ESE", "ESA", "ESTOS", "ESTAS", "ESOS", "ESAS", "CUYO", "CUYA", "CUYOS", "CUYAS", "OTRO", "OTRA",
        "OTROS", "OTRAS", "NUESTRO", "NUESTRA", "NUESTROS", "NUESTRAS",
    ],
    negations: &["NO", "NUNCA", "JAMÁS", "NI"],
    negation_after: false,
    passive_aux: &[
        "ES", "ERA", "FUE", "FUERON", "SON", "ERAN", "SIDO", "SERÁ", "SERÁN", "SER", "ESTÁ", "ESTABA",
    ],
    perfect_aux: &["HA", "HAN", "HABÍA", "HABÍAN", "HABRÁ", "HABRÁN", "HUBO"],
    passive_reach: 3,
    participle_endings: &[
        "ADO", "ADA", "ADOS", "ADAS", "IDO", "IDA", "IDOS", "IDAS", "CHO", "CHA", "STO", "STA", "RTO", "RTA",
        "ITO", "ITA",
    ],
    passive_agent: &["POR"],
    prepositions: &[
        "A", "AL", "EN", "CON", "SOBRE", "PARA", "ENTRE", "CONTRA", "HACIA", "SIN", "TRAS", "DESPUÉS",
        "ANTES", "DURANTE", "ANTE", "BAJO", "DESDE", "HASTA",
    ],
    quantities: &[
        "MILES",
        "CIENTOS",
        "CENTENARES",
        "CENTENAR",
        "DECENAS",
        "DECENA",
        "VEINTENA",
        "DOCENA",
        "DOCENAS",
        "GRUPO",
        "GRUPOS",
        "MILLARES",
        "MILLAR",
        "MULTITUD",
        "MILLÓN",
        "MILLONES",
        "MAYORÍA",
        "NÚMERO",
        "MIEMBROS",
        "INTEGRANTES",
        "REPRESENTANTES",
        "DIRIGENTES",
        "LÍDERES",
        "COLUMNA",
        "COLUMNAS",
    ],
    of_words: &["DE", "DEL", "EN"],
    subordinators: &[
        "QUE", "DESPUÉS", "ANTES", "CUANDO", "MIENTRAS", "PORQUE", "SI", "AUNQUE", "PUES", "PARA",
    ],
    relatives: &["QUE", "QUIEN", "QUIENES", "CUAL", "CUALES"],
    subject_relatives: &["QUE", "QUIEN", "QUIENES"],
    imperfect_endings: &["ABA", "ABAN", "ÍA", "ÍAN"],
    reporting: &[
        "DIJO",
        "DICE",
        "AFIRMÓ",
        "DECLARÓ",
        "SEÑALÓ",
        "INFORMÓ",
        "ASEGURÓ",
        "ANUNCIÓ",
        "AÑADIÓ",
        "INDICÓ",
        "EXPLICÓ",
        "SOSTUVO",
        "AGREGÓ",
        "ESCRIBIÓ",
        "PRECISÓ",
        "SUBRAYÓ",
        "RECALCÓ",
        "REITERÓ",
        "DESTACÓ",
        "PUNTUALIZÓ",
    ],
    inclusives: &[
        "INCLUIDO",
        "INCLUIDA",
        "INCLUIDOS",
        "INCLUIDAS",
        "ENTRE ELLOS",
        "ENTRE ELLAS",
        "ENTRE LOS QUE",
        "ENTRE LAS QUE",
    ],
    conjunctions: &["Y", "E", ",", "O", "U", "NI"],
    attribution_openers: &["SEGÚN", "SEGUN", "DE ACUERDO CON", "DE ACUERDO A"],
    coordinators: &["Y", "E", "O", "U", "NI", "PERO"],
    clause_openers: &[],
    nonfinite_openers: &["TRAS", "DESPUÉS DE", "LUEGO DE", "ANTES DE", "AL"],
    pro_drop: true,
    possessives: &["SU", "SUS"],
    counterpart_stems: &["HOMÓLOG", "HOMOLOG"],
    reflexives: &[],
    infinitive_markers: &["A", "DE", "PARA"],
    infinitive_endings: &[
        "AR", "ER", "IR", "ÍR", "ARSE", "ERSE", "IRSE", "ARLO", "ERLO", "IRLO", "ARLA", "ERLA", "IRLA",
        "ARLE", "ERLE", "IRLE", "ARLOS", "ERLOS", "IRLOS", "ARLAS", "ERLAS", "IRLAS", "ARLES", "ERLES",
        "IRLES", "ARNOS", "ERNOS", "IRNOS",
    ],
    gerund_endings: &["ANDO", "IENDO", "YENDO"],
    numbers: &[("DOS", 2), ("AMBOS", 2), ("AMBAS", 2), ("TRES", 3), ("CUATRO", 4)],
    cardinals: &[
        "CINCO",
        "SEIS",
        "SIETE",
        "OCHO",
        "NUEVE",
        "DIEZ",
        "ONCE",
        "DOCE",
        "TRECE",
        "CATORCE",
        "QUINCE",
        "DIECISÉIS",
        "DIECISIETE",
        "DIECIOCHO",
        "DIECINUEVE",
        "VEINTE",
        "TREINTA",
        "CUARENTA",
        "CINCUENTA",
        "CIEN",
    ],
    both: &["AMBOS", "AMBAS"],
    people_summary_nouns: &["HOMBRES", "MUJERES"],
    summary_nouns: &["PARTES", "RIVALES", "ALIADOS", "BANDOS", "BELIGERANTES", "CONTENDIENTES"],
    state_summary_nouns: &["PAÍSES", "PAISES", "NACIONES", "ESTADOS", "VECINOS", "CAPITALES", "POTENCIAS"],
    locatives: &["EN", "CERCA"],
    dative_locatives: &[],
    attack_stems: &["ATAC", "ARREMET"],
    accusation_nouns: &["ACUSACIÓN", "ACUSACIONES", "CRÍTICAS", "SEÑALAMIENTOS", "ALEGACIONES"],
    decision_nouns: &["DECISIÓN", "DECISIONES", "SENTENCIA", "FALLO", "VEREDICTO", "MEDIDA", "PROHIBICIÓN"],
    sanction_nouns: &["SANCIONES", "ARANCELES", "EMBARGO", "MEDIDAS"],
    request_nouns: &[
        "PETICIÓN",
        "PETICIONES",
        "SOLICITUD",
        "SOLICITUDES",
        "EXIGENCIA",
        "EXIGENCIAS",
        "LLAMAMIENTO",
        "LLAMAMIENTOS",
        "PROPUESTA",
        "PROPUESTAS",
        "OFERTA",
        "OFERTAS",
        "ULTIMÁTUM",
    ],
    act_nouns: &[
        "ATAQUE",
        "ATAQUES",
        "BOMBARDEO",
        "BOMBARDEOS",
        "ATENTADO",
        "ATENTADOS",
        "ASALTO",
        "AGRESIÓN",
        "MASACRE",
        "ASESINATO",
        "ASESINATOS",
        "EMBOSCADA",
        "INCURSIÓN",
        "OFENSIVA",
        "MATANZA",
        "MASACRES",
    ],
    definite_determiners: &[
        "EL", "LA", "LOS", "LAS", "AL", "DEL", "ESTE", "ESTA", "ESTOS", "ESTAS", "ESE", "ESA",
    ],
    against: "CONTRA",
    with_words: &["CON"],
    time_units: &[
        "HORAS",
        "HORA",
        "DÍAS",
        "DÍA",
        "MINUTOS",
        "SEMANAS",
        "SEMANA",
        "MESES",
        "MES",
        "AÑOS",
        "AÑO",
        "POCO",
        "TIEMPO",
        "INSTANTES",
    ],
    adverbial_nouns: &[
        "MADRUGADA",
        "RESPUESTA",
        "PARALELO",
        "TOTAL",
        "CONCRETO",
        "PARTICULAR",
        "CAMBIO",
        "PRIMAVERA",
        "VERANO",
        "OTOÑO",
        "INVIERNO",
    ],
    adverbs: &["LUEGO", "TAMBIÉN", "ADEMÁS", "YA", "DESPUÉS", "AHORA", "ENTONCES", "INCLUSO"],
    adverb_ending: "MENTE",
    set_phrases: &[
        "POR SU PARTE",
        "POR SU LADO",
        "POR SEPARADO",
        "POR OTRA PARTE",
        "A SU VEZ",
        "DE NUEVO",
        "UNA VEZ MÁS",
        "POR PRIMERA VEZ",
        "POR SEGUNDA VEZ",
        "POR TERCERA VEZ",
        "EN CAMBIO",
        "SIN EMBARGO",
    ],
    set_off_phrases: &[],
    future_endings: &["RÁ", "RÁN", "REMOS", "RÍA", "RÍAN"],
    future_forms: &["SERÁ", "SERÁN", "HARÁ", "HARÁN", "IRÁ", "IRÁN", "DARÁ", "DARÁN"],
    future_markers: &["VA A", "VAN A", "PREVÉ", "PREVÉN"],
    place_nouns: &[
        "CIUDAD",
        "PUEBLO",
        "LOCALIDAD",
        "POBLACIÓN",
        "PROVINCIA",
        "REGIÓN",
        "CAPITAL",
        "ESTADO",
        "DEPARTAMENTO",
        "MUNICIPIO",
        "DISTRITO",
        "PUERTO",
        "ZONA",
        "CIUDADES",
        "PROVINCIAS",
        "REGIONES",
        "NORTE",
        "SUR",
        "ESTE",
        "OESTE",
        "NOROESTE",
        "NORESTE",
        "NORDESTE",
        "SUROESTE",
        "SUDOESTE",
        "SURESTE",
        "SUDESTE",
        "CENTRO",
        "AFUERAS",
        "CALLES",
    ],
    pronouns: &["ÉL", "ELLA", "ELLOS", "ELLAS", "NOSOTROS"],
    object_pronouns: &["LE"],
    plural_object_pronouns: &["LOS", "LAS"],
    singular_pronouns: &["ÉL", "ELLA"],
    reported_speech_aux: &[],
    auxiliaries: &[],
    verb_second: false,
    adjective_after_noun: true,
};

static FR: LangWords = LangWords {
    code: "fr",
    determiners: &[
        "LE", "LA", "LES", "L'", "UN", "UNE", "DES", "DU", "AU", "AUX", "SON", "SA", "SES", "LEUR", "LEURS",
        "CE", "CETTE",
    ],
    negations: &["NE", "N'", "PAS", "JAMAIS", "NI", "PLUS"],
    negation_after: false,
    passive_aux: &["EST", "SONT", "ÉTAIT", "ÉTAIENT", "ÉTÉ", "FUT", "FURENT", "SERA", "SERONT", "ÊTRE"],
    perfect_aux: &["A", "ONT", "AVAIT", "AVAIENT", "AURA", "AURONT", "EUT"],
    passive_reach: 3,
    participle_endings: &[
        "É", "ÉE", "ÉS", "ÉES", "IS", "ISE", "ISES", "IT", "ITE", "ITS", "ITES", "U", "UE", "US", "UES",
        "INT", "INTE",
    ],
    passive_agent: &["PAR"],
    prepositions: &[
        "À", "AU", "AUX", "EN", "AVEC", "SUR", "POUR", "ENTRE", "CONTRE", "VERS", "SANS", "APRÈS", "AVANT",
        "PENDANT", "SOUS", "CHEZ", "DANS", "DEPUIS",
    ],
    quantities: &["MILLIERS", "CENTAINES", "DIZAINES", "GROUPE", "GROUPES", "FOULE", "MILLIONS"],
    of_words: &["DE", "D'", "DU", "DES", "EN"],
    subordinators: &[
        "QUE", "QU'", "APRÈS", "AVANT", "QUAND", "LORSQUE", "PENDANT", "PARCE", "SI", "BIEN", "TANDIS",
    ],
    relatives: &["QUI", "LEQUEL", "LAQUELLE", "LESQUELS", "DONT"],
    subject_relatives: &["QUI"],
    imperfect_endings: &["AIT", "AIENT"],
    reporting: &[
        "DIT",
        "DÉCLARÉ",
        "AFFIRMÉ",
        "ANNONCÉ",
        "SOULIGNÉ",
        "AJOUTÉ",
        "INDIQUÉ",
        "EXPLIQUÉ",
        "ESTIMÉ",
        "ÉCRIT",
        "PRÉCISÉ",
        "COMMENTÉ",
    ],
    inclusives: &["Y COMPRIS", "NOTAMMENT", "PARMI LESQUELS", "PARMI LESQUELLES"],
    conjunctions: &["ET", ",", "OU", "NI"],
    attribution_openers: &["SELON", "D' APRÈS", "D'APRÈS"],
    coordinators: &["ET", "OU", "NI", "MAIS"],
    clause_openers: &[],
    nonfinite_openers: &["APRÈS", "AVANT DE"],
    pro_drop: false,
    possessives: &["SON", "SA", "SES", "LEUR", "LEURS"],
    counterpart_stems: &["HOMOLOGUE"],
    reflexives: &["SE", "S'"],
    infinitive_markers: &["DE", "D'", "À", "POUR"],
    infinitive_endings: &["ER", "IR", "RE", "OIR"],
    gerund_endings: &[],
    numbers: &[("DEUX", 2), ("TROIS", 3), ("QUATRE", 4)],
    cardinals: &[
        "CINQ",
        "SIX",
        "SEPT",
        "HUIT",
        "NEUF",
        "DIX",
        "ONZE",
        "DOUZE",
        "TREIZE",
        "QUATORZE",
        "QUINZE",
        "SEIZE",
        "VINGT",
        "TRENTE",
        "QUARANTE",
        "CINQUANTE",
        "CENT",
    ],
    both: &[],
    people_summary_nouns: &["HOMMES", "FEMMES"],
    summary_nouns: &["PARTIES", "RIVAUX", "ALLIÉS", "CAMPS", "BELLIGÉRANTS", "ADVERSAIRES"],
    state_summary_nouns: &["PAYS", "NATIONS", "ÉTATS", "ETATS", "VOISINS", "CAPITALES", "PUISSANCES"],
    locatives: &["À", "AU", "AUX", "EN", "DANS", "PRÈS"],
    dative_locatives: &[],
    attack_stems: &["ATTAQU"],
    accusation_nouns: &["ACCUSATION", "ACCUSATIONS", "ALLÉGATIONS", "CRITIQUES"],
    decision_nouns: &["DÉCISION", "DÉCISIONS", "VERDICT", "JUGEMENT", "MESURE", "INTERDICTION"],
    sanction_nouns: &["SANCTIONS", "EMBARGO", "MESURES"],
    request_nouns: &[
        "DEMANDE",
        "DEMANDES",
        "REQUÊTE",
        "REQUÊTES",
        "APPEL",
        "APPELS",
        "EXIGENCE",
        "EXIGENCES",
        "PROPOSITION",
        "PROPOSITIONS",
        "OFFRE",
        "OFFRES",
        "ULTIMATUM",
    ],
    act_nouns: &[
        "ATTAQUE",
        "ATTAQUES",
        "FRAPPE",
        "FRAPPES",
        "BOMBARDEMENT",
        "BOMBARDEMENTS",
        "ATTENTAT",
        "ATTENTATS",
        "RAID",
        "RAIDS",
        "ASSAUT",
        "AGRESSION",
        "MASSACRE",
        "ASSASSINAT",
        "EMBUSCADE",
        "TUERIE",
        "MASSACRES",
        "OFFENSIVE",
        "INCURSION",
    ],
    definite_determiners: &["LE", "LA", "LES", "L'", "CE", "CET", "CETTE", "CES", "DU", "AU", "AUX"],
    against: "CONTRE",
    with_words: &["AVEC"],
    time_units: &[
        "HEURES", "HEURE", "JOURS", "JOUR", "MINUTES", "SEMAINES", "SEMAINE", "MOIS", "ANS", "AN", "ANNÉES",
        "PEU", "TEMPS", "INSTANTS",
    ],
    adverbial_nouns: &[
        "RÉPONSE",
        "REVANCHE",
        "PARALLÈLE",
        "OUTRE",
        "PARTICULIER",
        "TOUT",
        "FIN",
        "ATTENDANT",
        "PRINTEMPS",
        "ÉTÉ",
        "AUTOMNE",
        "HIVER",
        "SOIRÉE",
        "MATINÉE",
    ],
    adverbs: &["ENSUITE", "AUSSI", "PUIS", "DÉJÀ", "AUSSITÔT", "ENCORE", "MÊME", "ENFIN"],
    adverb_ending: "EMENT",
    set_phrases: &[
        "DE SON CÔTÉ",
        "DE LEUR CÔTÉ",
        "POUR SA PART",
        "POUR LEUR PART",
        "À SON TOUR",
        "À LEUR TOUR",
        "DE NOUVEAU",
        "UNE NOUVELLE FOIS",
        "POUR LA PREMIÈRE FOIS",
        "POUR LA DEUXIÈME FOIS",
        "PAR AILLEURS",
        "EN OUTRE",
    ],
    set_off_phrases: &["LUI", "ELLE", "EUX", "ELLES", "LUI AUSSI", "ELLE AUSSI", "EUX AUSSI", "ELLES AUSSI"],
    future_endings: &["ERA", "IRA", "DRA", "VRA", "RRA", "AURA", "RONT", "RONS", "RAIT", "RAIENT"],
    future_forms: &[
        "SERA", "SERONT", "SERAIT", "SERAIENT", "FERA", "FERONT", "FERAIT", "FERAIENT", "IRA", "IRONT",
        "IRAIT", "AURA", "AURONT",
    ],
    future_markers: &["VA", "VONT", "DOIT", "DOIVENT"],
    place_nouns: &[
        "VILLE",
        "VILLAGE",
        "LOCALITÉ",
        "PROVINCE",
        "RÉGION",
        "CAPITALE",
        "ÉTAT",
        "DISTRICT",
        "PORT",
        "ZONE",
        "VILLES",
        "VILLAGES",
        "PROVINCES",
        "RÉGIONS",
        "NORD",
        "SUD",
        "EST",
        "OUEST",
        "NORD-OUEST",
        "NORD-EST",
        "SUD-OUEST",
        "SUD-EST",
        "CENTRE",
        "BANLIEUE",
        "RUES",
    ],
    pronouns: &["IL", "ELLE", "ILS", "ELLES", "NOUS"],
    object_pronouns: &["LE", "LA", "LUI", "L'"],
    plural_object_pronouns: &["LES"],
    singular_pronouns: &["IL", "ELLE"],
    reported_speech_aux: &[],
    auxiliaries: &[],
    verb_second: false,
    adjective_after_noun: true,
};

static DE: LangWords = LangWords {
    code: "de",
    determiners: &[
        "DER", "DIE", "DAS", "DEN", "DEM", "DES", "EIN", "EINE", "EINEN", "EINEM", "EINER", "EINES", "SEIN",
        "SEINE", "IHR", "IHRE", "DIESE", "DIESER", "DIESES", "ZUM", "ZUR", "IM", "AM", "VOM",
    ],
    negations: &["NICHT", "KEIN", "KEINE", "KEINEN", "KEINEM", "NIE", "NIEMALS"],
    negation_after: true,
    // With the reported-speech forms (Konjunktiv I and II): "Russland habe … angegriffen".
    passive_aux: &[
        "WURDE", "WURDEN", "WIRD", "WERDEN", "WORDEN", "IST", "SIND", "WAR", "WAREN", "WERDE", "SEI", "SEIEN",
    ],
    perfect_aux: &["HAT", "HABEN", "HATTE", "HATTEN", "HABE", "HÄTTE", "HÄTTEN"],
    passive_reach: 12,
    participle_endings: &["T", "EN"],
    passive_agent: &["VON", "VOM", "DURCH"],
    prepositions: &[
        "MIT", "AUF", "FÜR", "ZWISCHEN", "GEGEN", "NACH", "VOR", "OHNE", "WÄHREND", "ÜBER", "UNTER", "BEI",
        "ZU", "ZUM", "ZUR", "AN", "AM", "IN", "IM", "AUS", "SEIT",
    ],
    quantities: &["TAUSENDE", "HUNDERTE", "DUTZENDE", "GRUPPE", "GRUPPEN", "MENGE", "MILLIONEN"],
    of_words: &["VON", "VOM", "DES", "DER", "AUS", "IN", "IM"],
    subordinators: &[
        "DASS", "NACHDEM", "BEVOR", "ALS", "WENN", "WÄHREND", "WEIL", "OB", "OBWOHL", "DA", "DAMIT",
    ],
    relatives: &["DER", "DIE", "DAS", "WELCHE", "WELCHER", "DEREN", "DESSEN"],
    subject_relatives: &[],
    imperfect_endings: &[],
    reporting: &[
        "SAGTE",
        "SAGTEN",
        "ERKLÄRTE",
        "TEILTE",
        "BETONTE",
        "HIESS",
        "BERICHTETE",
        "KÜNDIGTE",
        "SCHRIEB",
        "ERGÄNZTE",
    ],
    inclusives: &["DARUNTER", "EINSCHLIESSLICH", "EINSCHLIEẞLICH", "INKLUSIVE", "UNTER IHNEN"],
    conjunctions: &["UND", ",", "ODER", "SOWIE", "NOCH"],
    attribution_openers: &["NACH ANGABEN", "LAUT"],
    coordinators: &["UND", "ODER", "SOWIE", "NOCH", "ABER"],
    clause_openers: &[],
    nonfinite_openers: &[],
    pro_drop: false,
    possessives: &["SEIN", "SEINE", "SEINEN", "SEINER", "SEINEM", "IHR", "IHRE", "IHREN", "IHRER", "IHREM"],
    counterpart_stems: &["AMTSKOLLEG", "KOLLEG"],
    reflexives: &[],
    infinitive_markers: &["ZU"],
    infinitive_endings: &[],
    gerund_endings: &[],
    numbers: &[("BEIDEN", 2), ("BEIDE", 2), ("BEIDER", 2), ("ZWEI", 2), ("DREI", 3), ("VIER", 4)],
    cardinals: &[
        "FÜNF",
        "SECHS",
        "SIEBEN",
        "ACHT",
        "NEUN",
        "ZEHN",
        "ELF",
        "ZWÖLF",
        "DREIZEHN",
        "VIERZEHN",
        "FÜNFZEHN",
        "SECHZEHN",
        "SIEBZEHN",
        "ACHTZEHN",
        "NEUNZEHN",
        "ZWANZIG",
        "DREISSIG",
        "VIERZIG",
        "FÜNFZIG",
        "HUNDERT",
    ],
    both: &["BEIDE", "BEIDEN", "BEIDER"],
    people_summary_nouns: &["MÄNNER", "FRAUEN", "POLITIKER"],
    summary_nouns: &[
        "SEITEN",
        "RIVALEN",
        "VERBÜNDETEN",
        "LAGER",
        "KRIEGSPARTEIEN",
        "KONFLIKTPARTEIEN",
        "KONTRAHENTEN",
    ],
    state_summary_nouns: &["LÄNDER", "LÄNDERN", "STAATEN", "NACHBARN", "HAUPTSTÄDTE", "MÄCHTE"],
    locatives: &["IN", "IM", "BEI", "NAHE"],
    dative_locatives: &[],
    attack_stems: &["ANGREIF", "ANGRIFF", "ATTACKIER", "GREIF"],
    accusation_nouns: &[
        "VORWURF",
        "VORWÜRFE",
        "ANSCHULDIGUNG",
        "ANSCHULDIGUNGEN",
        "KRITIK",
        "BEHAUPTUNG",
        "BEHAUPTUNGEN",
    ],
    decision_nouns: &[
        "ENTSCHEIDUNG",
        "ENTSCHEIDUNGEN",
        "ENTSCHEID",
        "SCHRITT",
        "URTEIL",
        "MASSNAHME",
        "VERBOT",
        "FREILASSUNG",
    ],
    sanction_nouns: &["SANKTIONEN", "ZÖLLE", "EMBARGO", "MASSNAHMEN"],
    request_nouns: &[
        "FORDERUNG",
        "FORDERUNGEN",
        "BITTE",
        "AUFRUF",
        "APPELL",
        "VORSCHLAG",
        "VORSCHLÄGE",
        "ANGEBOT",
        "ULTIMATUM",
    ],
    act_nouns: &[
        "ANGRIFF",
        "ANGRIFFE",
        "ANGRIFFS",
        "LUFTANGRIFF",
        "LUFTANGRIFFE",
        "DROHNENANGRIFF",
        "RAKETENANGRIFF",
        "ANSCHLAG",
        "ANSCHLAGS",
        "ANSCHLÄGE",
        "BESCHUSS",
        "ATTACKE",
        "MASSAKER",
        "BOMBARDIERUNG",
        "ANGRIFFEN",
        "ANSCHLÄGEN",
        "BLUTBAD",
        "OFFENSIVE",
    ],
    definite_determiners: &[
        "DER", "DIE", "DAS", "DEN", "DEM", "DES", "DIESE", "DIESER", "DIESEN", "DIESEM", "DIESES",
    ],
    against: "GEGEN",
    with_words: &["MIT"],
    time_units: &[],
    adverbial_nouns: &[],
    adverbs: &[
        "AUCH",
        "NUN",
        "JETZT",
        "DANN",
        "ZUDEM",
        "AUSSERDEM",
        "INZWISCHEN",
        "DARAUFHIN",
        "SOGAR",
        "BEREITS",
        "SCHON",
        "DESHALB",
        "DAHER",
        "TROTZDEM",
        "ALLERDINGS",
        "ERNEUT",
        "ZUNÄCHST",
        "ANSCHLIESSEND",
    ],
    adverb_ending: "",
    set_phrases: &[
        "ZUM ERSTEN MAL",
        "ZUM ZWEITEN MAL",
        "ZUM DRITTEN MAL",
        "EIN WEITERES MAL",
        "SEINERSEITS",
        "IHRERSEITS",
    ],
    set_off_phrases: &[],
    future_endings: &[],
    future_forms: &[],
    // With the reported-speech and conditional forms: "er werde Macron treffen", "würde … besuchen".
    future_markers: &[
        "WIRD", "WERDEN", "WILL", "WOLLEN", "SOLL", "SOLLEN", "WERDE", "WÜRDE", "WÜRDEN", "WOLLE", "SOLLE",
    ],
    place_nouns: &[
        "STADT",
        "ORT",
        "DORF",
        "PROVINZ",
        "REGION",
        "HAUPTSTADT",
        "BUNDESSTAAT",
        "BEZIRK",
        "HAFENSTADT",
        "STÄDTE",
        "ORTSCHAFT",
        "STRASSEN",
    ],
    pronouns: &["ER", "SIE", "WIR"],
    object_pronouns: &["IHN", "IHM"],
    plural_object_pronouns: &[],
    singular_pronouns: &["ER"],
    reported_speech_aux: &[
        "HABE", "HÄTTE", "HÄTTEN", "SEI", "SEIEN", "WERDE", "WÜRDE", "WÜRDEN", "KÖNNE", "MÜSSE", "WOLLE",
        "SOLLE",
    ],
    auxiliaries: &[
        "HAT", "HABEN", "HATTE", "HATTEN", "IST", "SIND", "WAR", "WAREN", "WIRD", "WERDEN", "WILL", "WOLLEN",
        "KANN", "KÖNNEN", "SOLL", "SOLLEN", "MUSS", "MÜSSEN", "HABE", "HÄTTE", "HÄTTEN", "SEI", "SEIEN",
        "WERDE",
    ],
    verb_second: true,
    adjective_after_noun: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_lists() {
        for code in ["en", "it", "es", "fr", "de"] {
            let w = LangWords::of(code);
            assert!(
                !w.determiners.is_empty() && !w.negations.is_empty() && !w.passive_agent.is_empty(),
                "{code}"
            );
            // Lists are upper-cased, as tokens are.
            for list in [
                w.determiners,
                w.negations,
                w.passive_aux,
                w.prepositions,
                w.of_words,
                w.reporting,
                w.cardinals,
            ] {
                assert!(list.iter().all(|x| x.to_uppercase() == *x), "{code}: {list:?}");
            }
        }
        assert!(std::ptr::eq(LangWords::of("xx"), LangWords::of("en")));
        assert!(LangWords::of("it").is_participle("RESPINTA"));
        assert!(!LangWords::of("it").is_participle("ROMA"));
        assert!(LangWords::of("de").is_participle("ANGEGRIFFEN"));
        assert!(!LangWords::of("de").is_participle("INVESTIEREN"));
    }
}
