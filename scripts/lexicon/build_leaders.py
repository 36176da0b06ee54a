#!/usr/bin/env python3
"""Generate crates/lexicon/data/kb/leaders_countryinfo.dyad: heads of state and government
(presidents, prime ministers, monarchs, governors-general, ...) with their terms of office,
from the <Leaders> blocks of CountryInfo.txt, and senior ministers (SENIOR) from its
<Government> blocks (2003-2011).

The input file is read by path and stays outside the repository. What is taken from it are
facts: people's names and spelling variants, the country and the dates of taking and leaving
office. Each person becomes one line in the format of crates/lexicon/data/kb/office_holders.dyad:

    CCCGOV from YYYY-MM-DD to YYYY-MM-DD, CCCELI = Full Name; Variant

A term still running at the file's last update (`[>date]`) ends on the file's date (given as
--as-of, or read from a file name of the form CountryInfo.YYMMDD.txt), because later changes
are unknown. People already in office_holders.dyad (any name in common) are left out: the
hand-written file wins. Bare single names (surnames, mononyms) are not listed as names; a
monarch's single name is listed with the title (`King Fahd`). A name shared by people of
different countries is dropped as ambiguous.

Usage: build_leaders.py COUNTRYINFO_TXT [--as-of YYYY-MM-DD] [--out FILE]
  (e.g. build_leaders.py /work/shared/anchors/countryinfo/CountryInfo.120116.txt)
"""
import argparse
import calendar
import datetime
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "..", "..", "crates", "lexicon", "data", "kb")
OUT = os.path.join(KB, "leaders_countryinfo.dyad")
HAND = os.path.join(KB, "office_holders.dyad")

# CountryInfo codes that CAMEO (and countries.dyad) write differently.
CODE_MAP = {"TMP": "TLS"}

# Honorifics written before some names; the name without them is listed too.
HONORIFICS = {"Sir", "Dame", "Sheikh", "Shaikh", "Sheik", "Tuanku", "Dr.", "Dr", "Lord"}

# Leaders sub-tags (offices) and the title their holders are called by; a holder known by a
# single name is listed with it ("King Fahd", "President Suharto") when the term lasted a year
# or more (short regencies and interim holders are left out), as is a regnal name with a
# number, with and without it ("King Hassan II", "King Hassan"). The first match wins.
TITLES = [
    ("vice-president", "Vice-President"),
    ("prime minister", "Prime Minister"),
    ("premier", "Premier"),
    ("chancellor", "Chancellor"),
    ("president", "President"),
    ("king", "King"),
    ("queen", "Queen"),
    ("emir", "Emir"),
    ("sultan", "Sultan"),
    ("shah", "Shah"),
    ("emperor", "Emperor"),
    ("prince", "Prince"),
    ("grand duke", "Grand Duke"),
]

NAME_RE = re.compile(r"\{([^}]*)\}")
# <Government> rows: [CODE date - date], [CODE <date] (in office since before GOV_FIRST),
# [CODE >date] (in office at the block's last update).
GOV_TERM_RE = re.compile(r"\[\s*([A-Z]{3,15})?\s*(?:(\d{8})\s*-\s*(\d{7,8})|([<>])\s*(\d{8}))\s*\]")
GOV_FIRST = "2003-01-01"
# Senior offices taken from the <Government> blocks (the rest are left out to keep the file,
# and dyad's start-up, small).
SENIOR = re.compile(
    r"(president|vice[- ]president|prime minister|(first )?deputy prime minister|premier|"
    r"chancellor|king|queen|emir|sultan|foreign minister|defen[cs]e minister|"
    r"minister (of|for) (foreign affairs|defen[cs]e|interior|home affairs|finance)\b|"
    r"secretary of state)\b", re.I)
TERM_RE = re.compile(r"\[\s*(?:(\d{8})\s*-\s*(\d{7,8})|>\s*(\d{8}))\s*\]")
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
LOWER = {"al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "das", "del", "della", "di",
         "du", "van", "von", "der", "den", "la", "le", "y", "e", "ould", "ben", "ter", "ten"}


def die(msg):
    sys.exit(f"build_leaders.py: {msg}")


def fix_date(s, end, where):
    """YYYYMMDD -> YYYY-MM-DD; out-of-range months and days (00, 31 June) are clamped: a start
    to the first valid day, an end to the last day of the month."""
    y, m, d = int(s[0:4]), int(s[4:6]), int(s[6:8]) if len(s) == 8 else 0
    if not 1000 <= y <= 2100:
        raise ValueError(f"{where}: year out of range in {s!r}")
    if m < 1 or m > 12:
        m = 12 if end else 1
        if end:
            d = 31
    last = calendar.monthrange(y, m)[1]
    if d < 1:
        d = last if end else 1
    d = min(d, last)
    return f"{y:04d}-{m:02d}-{d:02d}"


def days_between(a, b):
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


def title_word(w):
    if w in ROMAN:
        return w
    parts = re.split(r"([-'.])", w.lower())
    out = []
    for i, p in enumerate(parts):
        if p in ("-", "'", "."):
            out.append(p)
        elif i == 0 and p in LOWER and len(parts) > 1:
            out.append(p)  # al-Assad
        elif p.startswith("mc") and len(p) > 2:
            out.append("Mc" + p[2:].capitalize())
        else:
            out.append(p.capitalize())
    return "".join(out)


def pretty(raw):
    """SAMSON_KISEKKA_ -> Samson Kisekka (the .dyad matcher ignores case; this is for readers)."""
    raw = "".join(c for c in raw if c.isprintable())  # stray control bytes of lost accents
    raw = re.sub(r'"[^"]*"', "", raw).replace("`", "")  # quoted nicknames; ayn marks
    words = [w for w in re.split(r"[_\s]+", raw) if w]
    res = []
    for i, w in enumerate(words):
        t = title_word(w)
        if 0 < i < len(words) - 1 and w.lower() in LOWER:
            t = w.lower()
        res.append(t)
    return " ".join(res)


def key(name):
    """Comparison key: upper case, no accents, no punctuation."""
    n = unicodedata.normalize("NFKD", name)
    n = "".join(c for c in n if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^A-Za-z0-9]+", " ", n).upper().split())


def valid_name(n):
    # Characters the .dyad name syntax reserves.
    return n and not re.search(r"[*$+%=\[\]{}|;#()&~]", n) and ".." not in n


def parse(path, as_of, gov_as_of):
    """Rows of the <Leaders> blocks, and of the <Government> blocks those whose office (the
    comment after #) is a senior one (SENIOR)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    people = []  # dicts: country, names, spans [(from, to)], tag (the office)
    code = None
    block = None  # "leaders", "government" or None
    tag = ""
    for no, raw in enumerate(lines, 1):
        line, _, comment = raw.partition("#")
        s = line.strip()
        m = re.match(r"<CountryCode>([^<]*)</CountryCode>", s)
        if m:
            code = CODE_MAP.get(m.group(1).strip(), m.group(1).strip())
            if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", code):
                die(f"{path}:{no}: unexpected country code {code!r}")
            block = None
            continue
        if s.startswith("<Leaders>"):
            block, tag = "leaders", ""
            continue
        if s.startswith("<Government>"):
            block, tag = "government", ""
            continue
        if s.startswith("</Leaders>") or s.startswith("</Government>") or s.startswith("</Country>"):
            block = None
            continue
        if block is None or not s or code is None:
            continue
        if s.startswith("</"):
            tag = ""
            continue
        if s.startswith("<"):
            tag = s.strip("<>").lower()
            continue
        if block == "government":
            offices = [o.strip() for o in comment.split("&")]
            if not any(SENIOR.match(o) for o in offices):
                continue
            row_tag = offices[0].lower()
            terms = GOV_TERM_RE.findall(s)
        else:
            row_tag = tag
            terms = [("", a, b, ">" if c else "", c) for a, b, c in TERM_RE.findall(s)]
        if not terms:
            continue
        head = s.split("[", 1)[0]
        variants = NAME_RE.findall(head) or [head]
        names = []
        for v in variants:
            n = pretty(v)
            if valid_name(n) and n not in names:
                names.append(n)
        if not names:
            continue
        spans = []
        where = f"{path}:{no}"
        for _code, a, b, mark, d in terms:
            try:
                if mark == ">":
                    start = fix_date(d, False, where)
                    # A <Government> term begun after the block's update runs to the file's.
                    end = as_of if block == "leaders" or start > gov_as_of else gov_as_of
                elif mark == "<":
                    start, end = GOV_FIRST, fix_date(d, True, where)
                else:
                    start, end = fix_date(a, False, where), fix_date(b, True, where)
            except ValueError as e:
                print(f"warning: {e}; term skipped", file=sys.stderr)
                continue
            if end < start:
                print(f"warning: {where}: reversed term {start}..{end} skipped", file=sys.stderr)
                continue
            spans.append((start, end))
        if spans:
            people.append({"country": code, "names": names, "spans": spans, "tag": row_tag})
    return people


def hand_names():
    names = set()
    with open(HAND, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            if "=" not in line:
                continue
            for n in line.split("=", 1)[1].split(";"):
                if n.strip():
                    names.add(key(n))
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("countryinfo")
    ap.add_argument("--as-of", help="date of the file's last update, YYYY-MM-DD")
    ap.add_argument("--gov-as-of", default="2011-02-28",
                    help="last update of the <Government> blocks, YYYY-MM-DD (default: %(default)s)")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    as_of = args.as_of
    if not as_of:
        m = re.search(r"CountryInfo\.(\d\d)(\d\d)(\d\d)\.txt$", args.countryinfo)
        if not m:
            die("give --as-of YYYY-MM-DD (the file name has no CountryInfo.YYMMDD.txt date)")
        as_of = f"20{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        die(f"--as-of: expected YYYY-MM-DD, got {as_of!r}")

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.gov_as_of):
        die(f"--gov-as-of: expected YYYY-MM-DD, got {args.gov_as_of!r}")
    rows = parse(args.countryinfo, as_of, args.gov_as_of)

    # Merge rows of one person: same country and a name in common (a president who was also
    # prime minister is listed twice).
    persons = []
    index = {}
    for r in rows:
        p = None
        for n in r["names"]:
            p = index.get((r["country"], key(n)))
            if p is not None:
                break
        if p is None:
            p = {"country": r["country"], "names": [], "spans": [], "titled": []}
            persons.append(p)
        for n in r["names"]:
            words = n.split()
            bare = " ".join(words[1:]) if words[0] in HONORIFICS else None
            for m in [n] + ([bare] if bare else []):
                if m not in p["names"]:
                    p["names"].append(m)
                index[(r["country"], key(m))] = p
        for sp in r["spans"]:
            if sp not in p["spans"]:
                p["spans"].append(sp)
        for low, title in TITLES:
            if low in r["tag"]:
                days = max(days_between(a, b) for a, b in r["spans"])
                for n in r["names"]:
                    w = n.split()
                    titled = []
                    if len(w) == 1 and days >= 365:
                        titled = [f"{title} {n}"]
                    elif len(w) == 2 and w[1] in ROMAN:
                        titled = [f"{title} {n}", f"{title} {w[0]}"]
                    for t in titled:
                        if t not in p["titled"]:
                            p["titled"].append(t)
                break

    hand = hand_names()
    kept = []
    skipped_hand = 0
    for p in persons:
        if any(key(n) in hand for n in p["names"]):
            skipped_hand += 1
            continue
        # Full names only: at least two words, or a title + name. A titled name the
        # hand-written file gives to someone else ("King Abdullah") is left to it.
        names = [n for n in p["names"] if len(n.split()) >= 2]
        names += [t for t in p["titled"] if key(t) not in hand]
        if names:
            p["out"] = names
            kept.append(p)

    # A name shared by people of different countries is ambiguous: drop it from all of them
    # (people left to the hand-written file count too).
    owners = {}
    for p in persons:
        for n in p["names"] + p["titled"]:
            owners.setdefault(key(n), set()).add(p["country"])
    ambiguous = {k for k, cs in owners.items() if len(cs) > 1}
    seen = set()
    lines = []
    for p in kept:
        names = []
        for n in p["out"]:
            k = key(n)
            if k in ambiguous or k in seen:
                continue
            seen.add(k)
            names.append(n)
        if not names:
            continue
        spans = sorted(p["spans"])
        codes = [f"{p['country']}GOV from {a} to {b}" for a, b in spans]
        lines.append((p["country"], spans[0][0], f"{', '.join(codes)}, {p['country']}ELI = "
                      + "; ".join(names)))
    lines.sort()

    src = os.path.basename(args.countryinfo)
    out = [
        "# dyad knowledge base: heads of state and government and senior ministers, with their",
        "# terms of office. GENERATED by scripts/lexicon/build_leaders.py; edit the script, not",
        f"# this file. Generated from {src} (Event Data Project, Penn State): its <Leaders>",
        "# blocks (presidents, prime ministers, monarchs, governors) and, from its <Government>",
        "# blocks, presidents, vice-presidents, (deputy) prime ministers and the ministers of",
        "# foreign affairs, defence, interior and finance. It holds facts only: people's names and",
        "# spelling variants, the country and the dates of taking and leaving office. Dates are",
        "# inclusive; a <Leaders> term still running at the file's last update ends on",
        f"# {as_of}, a <Government> one on {args.gov_as_of} (since before 2003: from {GOV_FIRST}),",
        "# as later (and earlier) changes are unknown to the source.",
        "# Each line codes a person CCCGOV during a term and CCCELI (an elite) otherwise.",
        "# People in office_holders.dyad are left out (the hand-written file wins). Bare single",
        "# names are not listed: a single or regnal name is listed with its title (King Hussein,",
        "# President Suharto). Names shared by people of different countries are dropped.",
        "@language en",
        "",
        "[actors]",
    ]
    country = None
    for c, _, text in lines:
        if c != country:
            out.append("")
            out.append(f"# {c}")
            country = c
        out.append(text)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{args.out}: {len(lines)} people ({len(rows)} rows read, {skipped_hand} people "
          f"already in office_holders.dyad, {len(ambiguous)} ambiguous names dropped)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
