//! Italian words as the news writes them reach the built-in dictionary.
//!
//! Verb and pattern words in `data/it/verbs.dyad` are matched on the lemma
//! the text pipeline gives each token, from the Italian lemma table
//! (`crates/text/data/lemmas/it.lem`, morph-it based). That table does not
//! always give a verb form its verb: a feminine or plural participle has the
//! masculine participle for lemma ("arrestati": "arrestato"), a present tense
//! may be read as a noun or an adjective ("vara": "varo", "libera": "libero",
//! "presenta": "presentire"), and nouns take verbs ("presidio": "presidiare").
//! A dictionary word the table never produces never matches.
//!
//! Each case below is an inflected form (present, passato prossimo, passato
//! remoto, passive, third person plural) or a pattern word as Italian news
//! writes it, with the dictionary entry that must catch it (named by one of
//! its forms). The form is lemmatized the way the tokenizer does it (lower
//! case, elisions split off, table lookup, else the word itself) and must be
//! one of that entry's forms, or, for a single word, a word of one of its
//! patterns (synsets expanded). The table is read from the repository; when
//! it is absent the test says so and passes.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use dyad_lexicon::{own, Lexicon, PatternItem, PatternToken, Phrase, VerbEntry, WordMatcher};

/// `(entry, as the news writes it)`: `..` marks a gap, as in the dictionary.
const CASES: &[(&str, &str)] = &[
    // arrests, present to passive, and the fronted headline participle
    ("arrestare", "arresta"),
    ("arrestare", "arrestano"),
    ("arrestare", "arrestato"),
    ("arrestare", "arrestò"),
    ("arrestare", "arrestarono"),
    ("arrestare", "arrestati"),
    ("arrestare", "arrestata"),
    ("arrestare", "arrestate"),
    ("arrestare", "fermati"),
    ("arrestare", "catturati"),
    ("uccidere", "uccide"),
    ("uccidere", "uccidono"),
    ("uccidere", "ucciso"),
    ("uccidere", "uccisi"),
    ("uccidere", "uccisa"),
    ("uccidere", "uccisero"),
    ("espellere", "espelle"),
    ("espellere", "espulso"),
    ("espellere", "espulsi"),
    ("espellere", "espulsa"),
    ("liberare", "liberato"),
    ("liberare", "liberati"),
    ("liberare", "liberò"),
    ("liberare", "liberano"),
    ("libero", "libera"),
    ("rapire", "rapisce"),
    ("rapire", "rapito"),
    ("rapire", "rapiti"),
    ("rapire", "rapita"),
    ("sequestrato", "sequestrati"),
    ("sequestrato", "sequestrata"),
    ("recare", "reca"),
    ("recare", "recano"),
    ("recare", "recato"),
    ("recare", "recata"),
    ("recare", "arrivata"),
    ("recare", "arrivati"),
    ("accettare", "accetta"),
    ("accettare", "accettano"),
    ("accettare", "accettato"),
    ("condannare all' ergastolo", "condannato all' ergastolo"),
    ("condannare all' ergastolo", "condannati all' ergastolo"),
    ("condannare all' ergastolo", "condannata all' ergastolo"),
    ("presentare .. mozione di sfiduciare", "presenta .. mozione di sfiducia"),
    ("presentare .. mozione di sfiduciare", "presentano .. mozione di sfiducia"),
    ("presentare .. mozione di sfiduciare", "presentato .. mozione di sfiducia"),
    ("sfiduciare", "sfiduciati"),
    ("precettare", "precetta"),
    ("precettare", "precettato"),
    ("varo", "vara"),
    ("critico", "critica"),
    ("chiedere", "chiede"),
    ("chiedere", "chiesto"),
    ("chiedere", "chiesta"),
    ("intimare", "intima"),
    ("bollare", "bolla"),
    ("bollare", "bollata"),
    ("rompere", "rompe"),
    ("rompere", "rotto"),
    ("rompere", "rotte"),
    ("rompere", "ruppe"),
    ("caricare", "carica"),
    ("caricare", "caricano"),
    ("caricare", "caricato"),
    ("caricare", "caricati"),
    ("caricare", "cariche"),
    ("trarre in salvo", "tratto in salvo"),
    ("trarre in salvo", "tratti in salvo"),
    ("rinviare a giudizio", "rinviato a giudizio"),
    ("rinviare a giudizio", "rinviata a giudizio"),
    ("rinviare a giudizio", "rinviati a giudizio"),
    ("dire preoccupato", "detto preoccupato"),
    ("dire preoccupato", "detta preoccupata"),
    ("dire preoccupato", "detti preoccupati"),
    ("graziare", "graziata"),
    ("colpire", "colpisce"),
    ("colpire", "colpita"),
    ("colpire", "colpiti"),
    ("colpire", "colpì"),
    ("bombardare", "bombarda"),
    ("bombardare", "bombardata"),
    ("bombardare", "bombardarono"),
    ("incontrare", "incontra"),
    ("incontrare", "incontrato"),
    ("incontrare", "incontrati"),
    ("incontrare", "incontrò"),
    ("incontrare", "incontrarono"),
    // pattern words: nouns and adjectives the table reads as something else
    ("chiedere", "calma"),
    ("chiedere", "dimissioni"),
    ("appellare", "calma"),
    ("sgomberare", "presidio"),
    ("accettare", "offerta"),
    ("respingere", "accuse"),
    ("respingere", "richiedenti"),
    ("caricare", "manifestanti"),
    ("caricare", "dimostranti"),
    ("firmare", "intesa"),
    ("sequestrare", "beni"),
    ("richiamare", "riservisti"),
    ("compiere", "attentato"),
    ("attaccare", "sinistra"),
    ("attaccare", "giudici"),
    ("attaccare", "governo"),
    ("ritirare", "corte"),
    ("smentire", "accusa"),
    ("indagare", "turbativa"),
    ("rompere", "armi"),
    // foreign news: orders, expulsions, envoys, withdrawals from bodies, tariffs, fighting
    ("ordinare", "ordina"),
    ("ordinare", "ordinato"),
    ("ordinare", "ordinano"),
    ("ordinare", "espulsione"),
    ("dichiarare .. persona non grata", "dichiarato .. persona non grata"),
    ("dichiarare .. persona non grata", "dichiara .. persona non grata"),
    ("dichiarare .. persona non grata", "dichiarati .. persone non grate"),
    ("dare", "dato"),
    ("dare", "ore"),
    ("uscire", "uscito"),
    ("uscire", "uscita"),
    ("uscire", "esce"),
    ("uscire", "Nato"),
    ("ritirare", "Nato"),
    ("ritirare", "Consiglio"),
    ("ritirare", "Trattato"),
    ("ritirare", "Cedeao"),
    ("annunciare", "dazi"),
    ("annunciare", "ritiro"),
    ("vietare", "esportazione"),
    ("imporre", "controdazi"),
    ("inviare", "dollari"),
    ("inviare", "ricostruzione"),
    ("promettere", "investimenti"),
    ("ricevere", "laurea"),
    ("conquistare", "punti"),
    ("conquistare", "seggi"),
    ("combattimento", "combattimenti"),
    ("scontro a fuoco", "scontri a fuoco"),
    ("round di negoziato", "round di negoziati"),
    ("avviare .. procedimento", "avviato .. procedimento"),
    ("avviare .. procedimento", "avvia .. procedimento"),
    ("bombardare", "uccidendo"),
    ("bombardamento", "bombardamenti"),
    ("prendere d' assalto", "preso d'assalto"),
    ("prendere d' assalto", "presero d'assalto"),
    ("prendere d' assalto", "parlamento"),
    ("condurre .. esercitazione", "condotto .. esercitazioni"),
    ("condurre .. esercitazione", "conducono .. esercitazioni"),
    ("respingere", "accusa"),
    ("uccidere", "impiccato"),
    ("uccidere", "impiccati"),
    ("uccidere", "impicca"),
    ("tenere", "svolti"),
    ("tenere", "svolta"),
    ("tenere", "tenuti"),
    ("sospendere", "trasmissioni"),
    ("scambiare", "colpi"),
    ("scambiare", "artiglieria"),
    ("tendere la mano", "teso la mano"),
    ("tendere la mano", "tende la mano"),
    ("alzare i toni", "alzato i toni"),
    ("sgominare", "sgominata"),
    ("sgominare", "sgominati"),
    ("chiudere", "chiuso"),
    ("chiudere", "chiusa"),
    ("chiudere", "consolato"),
    ("revocare", "visto"),
    ("annunciare", "arresto"),
    ("annunciare", "cattura"),
    ("escludere", "escluso"),
    ("escludere", "esclude"),
    ("escludere", "negoziati"),
    ("dare alle fiamme", "dato alle fiamme"),
    ("dare alle fiamme", "dando fuoco"),
    ("dare alle fiamme", "dato fuoco"),
    ("replicare duramente", "replica duramente"),
    ("denunciare a piede libero", "denunciati a piede libero"),
    ("identificare e denunciare", "identificati e denunciati"),
    ("sottoporre a fermo amministrativo", "sottoposta a fermo amministrativo"),
    ("il processare", "il processo"),
    ("il processare", "nel processo"),
    ("finire in manetta", "finiti in manette"),
    ("finire in manetta", "finita in manette"),
    ("postare al arresto", "posto agli arresti"),
    ("postare al arresto", "posta agli arresti"),
    ("emettere .. interdittiva", "emesso .. interdittiva"),
    ("presentare .. esposto", "presentato .. esposto"),
    ("compiere", "durissimo"),
    ("preparare", "sanzioni"),
    ("escludere", "tregua"),
    ("inserire", "lista"),
    ("multare", "multato"),
    ("multare", "multata"),
    ("sospendere", "dazi"),
    ("sospendere", "controdazi"),
    ("prorogare", "prorogato"),
    ("prorogare", "prorogate"),
    ("riprendere", "invio"),
    ("scambiare", "scambio"),
    ("scambiare", "prigionieri"),
    ("sotto attacco", "sotto attacco"),
    ("tuonare", "tuona"),
    ("tuonare", "tuonato"),
    ("stroncare", "stronca"),
    ("prendere la distanza", "preso le distanze"),
    ("prendere la distanza", "prende le distanze"),
    ("definire", "definito"),
    ("definire", "criminale"),
    ("lanciare .. allarme", "lancia .. allarme"),
    ("espellere", "attivisti"),
    ("respingere", "attacco"),
    ("sostenere", "sostiene"),
    ("sostenere", "sostenuto"),
    ("sostenere", "candidatura"),
    // justice, EU funds, labour disputes, local government, headlines without a verb
    ("perquisire", "perquisito"),
    ("perquisire", "perquisiti"),
    ("perquisire", "perquisisce"),
    ("perquisire", "perquisizioni"),
    ("raggiungere da .. avvisare di garanzia", "raggiunto da .. avviso di garanzia"),
    ("deferire", "deferito"),
    ("deferire", "deferisce"),
    ("erogare", "erogato"),
    ("erogare", "eroga"),
    ("sbloccare", "sblocca"),
    ("sbloccare", "rata"),
    ("approvare", "pagamento"),
    ("approvare", "risoluzione"),
    ("convocare", "vertici"),
    ("sequestrare", "rifornimenti"),
    ("abbandonare .. tavolo", "abbandonano .. tavolo"),
    ("abbandonare .. tavolo", "abbandonato .. tavolo"),
    ("chiedere", "decreto"),
    ("chiedere", "legge"),
    ("respingere", "bilancio"),
    ("pronto a", "pronti a"),
    ("pronto a", "pronta a"),
    ("prorogare", "memorandum"),
    ("mettere .. allerta", "confine"),
    ("chiedere", "ricostruzione"),
    ("firmare", "decreto"),
    ("sanzione", "sanzioni"),
    ("sanzione", "dazi"),
    ("sanzione", "contro"),
];

fn table_path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../text/data/lemmas/it.lem"))
}

/// Decodes the front-coded source table: `<P><form tail>\t<S><lemma tail>`,
/// P = characters shared with the previous form, S = characters cut from the
/// end of the form before the lemma tail is appended.
fn decode(src: &str) -> HashMap<String, String> {
    fn split_count(s: &str) -> Option<(usize, &str)> {
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        Some((s.get(..digits)?.parse().ok()?, s.get(digits..)?))
    }
    let mut table = HashMap::new();
    let mut prev: Vec<char> = Vec::new();
    for line in src.lines().filter(|l| !l.is_empty()) {
        let decoded = (|| {
            let (f, l) = line.split_once('\t')?;
            let (shared, tail) = split_count(f)?;
            let (cut, lemma_tail) = split_count(l)?;
            let mut form: Vec<char> = prev.get(..shared)?.to_vec();
            form.extend(tail.chars());
            let keep = form.len().checked_sub(cut)?;
            let mut lemma: String = form.get(..keep)?.iter().collect();
            lemma.push_str(lemma_tail);
            Some((form, lemma))
        })();
        let (form, lemma) =
            decoded.unwrap_or_else(|| panic!("{}: undecodable line {line:?}", table_path().display()));
        table.insert(form.iter().collect(), lemma);
        prev = form;
    }
    table
}

/// Splits a written phrase as the Italian tokenizer does: words, with an
/// elided article split off after its apostrophe ("all'" "ergastolo").
fn words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let mut rest = w;
        while let Some(i) = rest.find('\'') {
            if i + 1 >= rest.len() {
                break;
            }
            out.push(rest[..=i].to_string());
            rest = &rest[i + 1..];
        }
        out.push(rest.to_string());
    }
    out
}

/// A written phrase lemmatized the way the text pipeline does it.
fn lemmatize(table: &HashMap<String, String>, phrase: &str) -> Vec<String> {
    words(phrase)
        .into_iter()
        .map(|w| {
            if w == ".." {
                return w;
            }
            let lower = w.to_lowercase();
            table.get(&lower).cloned().unwrap_or(lower)
        })
        .collect()
}

/// A dictionary phrase as words, `..` where it allows a gap.
fn render(phrase: &Phrase) -> Vec<String> {
    let mut out = Vec::new();
    for (i, w) in phrase.words.iter().enumerate() {
        out.extend(words(w.matcher.key()));
        if w.gap_after && i + 1 < phrase.words.len() {
            out.push("..".into());
        }
    }
    out
}

fn pattern_words(lex: &Lexicon, tokens: &[PatternToken], out: &mut HashSet<String>, depth: usize) {
    for t in tokens {
        match &t.item {
            PatternItem::Word(WordMatcher::Lemma(w)) => out.extend(words(w)),
            PatternItem::Synset(id) if depth < 8 => {
                if let Some(s) = lex.synsets.get(id.0 as usize) {
                    for m in &s.members {
                        pattern_words(lex, m, out, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn italian_forms_reach_their_dictionary_entries() {
    let path = table_path();
    let Ok(src) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: the Italian lemma table {} is not there", path.display());
        return;
    };
    let table = decode(&src);
    assert!(table.len() > 100_000, "{}: only {} entries", path.display(), table.len());
    let lex = own::builtin("it").unwrap_or_else(|e| panic!("{e}"));
    let mut misses = Vec::new();
    for &(head, surface) in CASES {
        let head_words = words(head);
        let entries: Vec<&VerbEntry> =
            lex.verbs.iter().filter(|v| v.forms.iter().any(|f| render(f) == head_words)).collect();
        assert!(!entries.is_empty(), "no Italian verb entry has the form {head:?}");
        let lemmas = lemmatize(&table, surface);
        let as_form = entries.iter().any(|v| v.forms.iter().any(|f| render(f) == lemmas));
        let as_pattern_word = lemmas.len() == 1 && {
            let mut ws = HashSet::new();
            for v in &entries {
                for p in &v.patterns {
                    pattern_words(&lex, &p.tokens, &mut ws, 0);
                }
            }
            ws.contains(&lemmas[0])
        };
        if !as_form && !as_pattern_word {
            misses.push(format!(
                "{surface:?} (lemmas {:?}) is not caught by the entry of {head:?}",
                lemmas.join(" ")
            ));
        }
    }
    assert!(misses.is_empty(), "Italian forms the dictionary misses:\n{}", misses.join("\n"));
}

#[test]
fn the_lemmatizer_of_this_test_splits_and_looks_up_like_the_tokenizer() {
    let table: HashMap<String, String> = [("arrestati", "arrestato"), ("all'", "alla")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(lemmatize(&table, "Arrestati all'alba .. ieri"), ["arrestato", "alla", "alba", "..", "ieri"]);
    assert_eq!(words("dell'Onu"), ["dell'", "Onu"]);
    let src = "0abc\t1d\n2x\t0y\n";
    let t = decode(src);
    assert_eq!(t.get("abc").map(String::as_str), Some("abd"));
    assert_eq!(t.get("abx").map(String::as_str), Some("abxy"));
}
