#!/usr/bin/env python3
"""Builds dyad-text's lemma tables: crates/text/data/lemmas/{it,en,es,fr,de}.lem

Sources (see crates/text/data/LICENSES.md):
  * English: WordNet 3.0 (lemma index + irregular exception lists), as packaged in
    the PyPI wheel `spacy-lookups-data` (en_lemma_index / en_lemma_exc).  Regular
    inflections are generated here from the WordNet verb and noun lemmas.
  * Italian, Spanish, French, German: the `*_lemma_lookup` tables of
    `spacy-lookups-data`, which come from Michal Měchura's "lemmatization lists"
    (Open Database License 1.0).

Usage:
  pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/lk   # or pass an unpacked dir
  python3 scripts/text/build_lemmas.py [path/to/spacy_lookups_data-1.0.5.whl | unpacked dir]

With no argument the script runs `pip download` into a temporary folder itself.

Output format (UTF-8, one entry a line, sorted by form, forms unique):
  <P><form tail>\t<S><lemma tail>
P = number of leading characters shared with the previous line's form (decimal),
S = number of characters to cut from the end of the form before appending the
lemma tail (decimal).  Forms and lemmas are lower-case, contain no digits, tabs or
whitespace, and only entries whose lemma differs from the form are kept.
Counts are Unicode scalar values (Rust `char`s), not bytes.
"""
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

VERSION = "1.0.5"
LANGS = ["it", "en", "es", "fr", "de"]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crates", "text", "data", "lemmas")


class Source:
    def __init__(self, path):
        self.path = path
        self.zip = zipfile.ZipFile(path) if path.endswith(".whl") else None

    def load(self, name):
        rel = f"spacy_lookups_data/data/{name}.json.gz"
        if self.zip:
            raw = self.zip.read(rel)
        else:
            with open(os.path.join(self.path, rel), "rb") as f:
                raw = f.read()
        return json.load(io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), encoding="utf-8"))


def fetch():
    tmp = tempfile.mkdtemp(prefix="dyad-lemmas-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", f"spacy-lookups-data=={VERSION}", "-d", tmp], check=True)
    for f in os.listdir(tmp):
        if f.endswith(".whl"):
            return os.path.join(tmp, f)
    sys.exit(f"pip download left no wheel in {tmp}")


def clean(w):
    return bool(w) and not any(c.isdigit() or c.isspace() for c in w)


VOWELS = set("aeiou")


def cvc(w):
    return len(w) >= 3 and w[-1] not in VOWELS and w[-1] not in "wxy" and w[-2] in VOWELS and w[-3] not in VOWELS


def english(src):
    index = src.load("en_lemma_index")
    exc = src.load("en_lemma_exc")
    verbs = {w for w in index["verb"] if w.isalpha() and w.islower() and len(w) >= 2}
    nouns = {w for w in index["noun"] if w.isalpha() and w.islower() and len(w) >= 2}
    best = {}  # form -> (priority, lemma)

    def put(form, lemma, prio):
        if form == lemma or not clean(form) or not clean(lemma):
            return
        cur = best.get(form)
        if cur is None or prio > cur[0] or (prio == cur[0] and lemma < cur[1]):
            best[form] = (prio, lemma)

    for pos, prio in (("verb", 6), ("noun", 3)):
        for form, lemmas in exc[pos].items():
            if lemmas and "_" not in form:
                put(form, lemmas[0], prio)
    for v in sorted(verbs):
        gen = []
        if v.endswith(("s", "x", "z", "ch", "sh", "o")):
            gen.append((v + "es", 5))
        elif v[-1] == "y" and v[-2] not in VOWELS:
            gen.append((v[:-1] + "ies", 5))
        else:
            gen.append((v + "s", 5))
        if v.endswith("ie"):
            gen += [(v + "d", 5), (v[:-2] + "ying", 5)]
        elif v.endswith("ee") or v.endswith("ye") or v.endswith("oe"):
            gen += [(v + "d", 5), (v + "ing", 5)]
        elif v.endswith("e"):
            gen += [(v + "d", 5), (v[:-1] + "ing", 5)]
        elif v[-1] == "y" and v[-2] not in VOWELS:
            gen += [(v[:-1] + "ied", 5), (v + "ing", 5)]
        elif v.endswith("c"):
            gen += [(v + "ked", 4), (v + "king", 4), (v + "ed", 4), (v + "ing", 4)]
        elif cvc(v):
            # Doubling depends on stress, which we do not know: emit both at a
            # lower priority so that e.g. hope->hoped beats hop->hoped.
            gen += [(v + v[-1] + "ed", 4), (v + v[-1] + "ing", 4), (v + "ed", 4), (v + "ing", 4)]
        else:
            gen += [(v + "ed", 5), (v + "ing", 5)]
        for form, prio in gen:
            if form not in verbs:
                put(form, v, prio)
    for n in sorted(nouns):
        if n.endswith(("s", "x", "z", "ch", "sh")):
            form = n + "es"
        elif n[-1] == "y" and n[-2] not in VOWELS:
            form = n[:-1] + "ies"
        else:
            form = n + "s"
        if form not in verbs and form not in nouns:
            put(form, n, 2)
    return {f: l for f, (_, l) in best.items()}


# Spanish forms that the lemmatization list sends to an unrelated verb: prepositions and
# adverbs ("para" -> parir, "entre" -> entrar, "sobre" -> sobrar, "como" -> comer) and common
# nouns that share their spelling with a rare verb form ("huelga" -> holgar, "personas" ->
# personar, "gobierno" -> gobernar, "sitio" -> sitiar). In news copy these are the nouns and
# prepositions; a form mapped to itself keeps its own spelling as lemma.
ES_OVERRIDES = {
    "para": "para", "entre": "entre", "sobre": "sobre", "como": "como", "así": "así",
    "cerca": "cerca", "tarde": "tarde", "abajo": "abajo", "adelante": "adelante",
    "afuera": "afuera", "afueras": "afueras", "uno": "uno", "medio": "medio",
    "parte": "parte", "partes": "parte", "centro": "centro", "sitio": "sitio",
    "persona": "persona", "personas": "persona", "gobierno": "gobierno",
    "gobiernos": "gobierno", "prensa": "prensa", "huelga": "huelga", "huelgas": "huelga",
    "paro": "paro", "paros": "paro", "calle": "calle", "tema": "tema", "temas": "tema",
    "sede": "sede", "pueblo": "pueblo", "lista": "lista", "derecha": "derecha",
    "libertad": "libertad", "condiciones": "condición", "presencia": "presencia",
    "meses": "mes", "mayo": "mayo", "agosto": "agosto", "cinco": "cinco",
    "segundo": "segundo", "segunda": "segundo", "serie": "serie",
    "españoles": "español", "española": "español", "españolas": "español",
    "intereses": "interés", "agua": "agua", "precio": "precio", "campo": "campo",
    "mesa": "mesa", "salario": "salario", "fines": "fin", "borde": "borde",
    "industria": "industria", "agencia": "agencia", "agencias": "agencia",
    "referencia": "referencia", "residencia": "residencia", "distancia": "distancia",
    "influencia": "influencia", "pensiones": "pensión", "garantías": "garantía",
    "peticiones": "petición", "posiciones": "posición", "noticias": "noticia",
    "acciones": "acción", "relaciones": "relación", "ambiente": "ambiente",
    "objetivo": "objetivo", "equipo": "equipo", "programa": "programa",
    "proyecto": "proyecto", "proceso": "proceso", "comercio": "comercio",
    "trabajo": "trabajo", "transporte": "transporte", "desarrollo": "desarrollo",
    "presupuesto": "presupuesto", "parís": "parís",
    # Nouns read as a coded verb: "de acuerdo con" (according to) is no agreement, "firmas
    # japonesas" are firms, "consultas" in a hospital are appointments.
    "acuerdo": "acuerdo", "acuerdos": "acuerdo", "firmas": "firma", "consultas": "consulta",
}


def german_participle_fix(table):
    """Měchura's German list maps inflected participles to the participle
    ("vereinbarten" -> "vereinbart").  Send them on to the infinitive when that
    infinitive is itself in the table's lemma set."""
    verbs = {l for l in table.values() if l.islower() and l.endswith("en")}
    out = {}
    for form, lemma in table.items():
        if lemma.islower() and lemma.endswith("t") and lemma not in verbs:
            for cand in (lemma[:-1] + "en", lemma[2:-1] + "en" if lemma.startswith("ge") else None):
                if cand and cand in verbs:
                    lemma = cand
                    break
        out[form] = lemma
    return out


def french_participle_fix(table):
    """Měchura's French list reads present participles that double as
    adjectives or nouns as their own lemma ("appelant", "exigeant", "menaçant"),
    so "…, appelant la Russie à …" never reaches its verb.  Send such a form on
    to the infinitive it is built on when that infinitive is one of the table's
    lemmas; nouns that are also agents ("manifestant", "étudiant") are matched
    as names, not lemmas.  Past participles stay: the dictionaries name the
    ones they code ("signé", "chargé d'affaires")."""
    verbs = {l for l in table.values() if l.endswith(("er", "ir"))}

    def infinitives(form):
        if form.endswith("ant"):
            stem = form[:-3]
            if stem.endswith("iss"):
                yield stem[:-2] + "r"  # "réagissant" -> "réagir"
            if stem.endswith("ge"):
                yield stem[:-1] + "er"  # "exigeant" -> "exiger"
            if stem.endswith("ç"):
                yield stem[:-1] + "cer"  # "menaçant" -> "menacer"
            yield stem + "er"

    out = {}
    for form, lemma in table.items():
        if lemma == form:
            lemma = next((c for c in infinitives(form) if c in verbs and c != form), lemma)
        out[form] = lemma
    return out


def lookup(src, lang):
    raw = src.load(f"{lang}_lemma_lookup")
    table = {}
    origin_lower = {}
    for form, lemma in raw.items():
        if isinstance(lemma, list):
            if not lemma:
                continue
            lemma = lemma[0]
        lf, ll = form.lower(), lemma.lower()
        if not clean(lf) or not clean(ll):
            continue
        was_lower = form == lf
        # When two spellings collapse onto one lower-case key, the originally
        # lower-case one (verbs and function words) wins over capitalised nouns.
        if lf in table and (origin_lower[lf] or not was_lower):
            continue
        table[lf] = ll
        origin_lower[lf] = was_lower
    if lang == "de":
        table = german_participle_fix(table)
    if lang == "fr":
        table = french_participle_fix(table)
    if lang == "es":
        table.update(ES_OVERRIDES)
    return table


def encode(table):
    lines = []
    prev = ""
    for form in sorted(table):
        lemma = table[form]
        if lemma == form:
            continue
        p = 0
        while p < len(prev) and p < len(form) and prev[p] == form[p]:
            p += 1
        c = 0
        while c < len(form) and c < len(lemma) and form[c] == lemma[c]:
            c += 1
        lines.append(f"{p}{form[p:]}\t{len(form) - c}{lemma[c:]}")
        prev = form
    return "\n".join(lines) + "\n"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else fetch()
    src = Source(path)
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for lang in LANGS:
        table = english(src) if lang == "en" else lookup(src, lang)
        text = encode(table)
        with open(os.path.join(OUT, f"{lang}.lem"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        size = len(text.encode("utf-8"))
        total += size
        print(f"{lang}: {len(table)} entries, {size / 1e6:.2f} MB")
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
