#!/usr/bin/env python3
"""Generate crates/lexicon/data/<lang>/countries.dyad for en, it, es, fr and de: the 193 UN
member states, the 2 observer states and the main territories, with their CAMEO country codes
(ISO 3166-1 alpha-3, as CAMEO uses; the same codes in every language).

Territory names come from the npm package cldr-localenames-full (main/<lang>/territories.json,
including its -alt-short / -alt-variant names) and the alpha-3 codes from cldr-core
(supplemental/codeMappings.json), both Unicode License v3. The demonyms, capitals, other
names and seats of government are facts written for dyad: English below, the other
languages in facts_<lang>.txt next to this script.

Usage: build_countries.py CLDR_LOCALENAMES_DIR CLDR_CORE_DIR [LANG...]
  (directories of the unpacked npm packages; LANG defaults to all five)

To regenerate, from the repository root (the output must equal the committed files: check
`git diff crates/lexicon/data/*/countries.dyad`):
    mkdir -p /tmp/cldr/lnf /tmp/cldr/core && (cd /tmp/cldr && npm pack cldr-localenames-full@48.2.0 cldr-core@48.2.0 && tar -xzf cldr-localenames-full-48.2.0.tgz -C lnf && tar -xzf cldr-core-48.2.0.tgz -C core)
    python3 scripts/lexicon/build_countries.py /tmp/cldr/lnf/package /tmp/cldr/core/package

The facts files, one line per territory: "A2: name; stem{O}; ..." ("#" starts a comment).
  stem{O}, stem{a,b}  the stem with each ending (MACROS below, or the endings listed).
  =name               this spelling only: no ASCII-folded copy is added ("=Palácio do Planalto").
  !name               the name goes to this entry although SKIP withholds it from every entry
                      (German "Kongo" alone is the DRC: "CD: !Kongo; ...").
  *                   where the CLDR names go among the facts (by default before all of them).
  #> text             a line before a facts line: "# text" is written into countries.dyad
                      before that territory's entry (why a name is or is not there).
The same =name marker works in SEATS.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "crates", "lexicon", "data")
CLDR_VERSION = "48.2.0"
LANGS = ["en", "it", "es", "fr", "de"]
LANGUAGE_NAMES = {"en": "English", "it": "Italian", "es": "Spanish", "fr": "French", "de": "German"}

# UN member states (193) and observer states (VA, PS), ISO 3166-1 alpha-2.
UN = """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA
GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB
LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG
KP MK NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI
SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN
YE ZM ZW VA PS""".split()

# Main territories and their CAMEO codes: the country's own ISO code where CAMEO coders give it
# one, else the administering country's code followed by the territory's (as the CAMEO
# actor dictionaries do: USAPRI, DNKGRL).
TERRITORIES = {
    "TW": "TWN", "HK": "HKG", "MO": "MAC", "XK": "KSV", "EH": "ESH",
    "PR": "USAPRI", "GL": "DNKGRL", "NC": "FRANCL", "GI": "GBRGIB", "FK": "GBRFLK",
}

# Names that are ambiguous in a language and never become names (a city elsewhere,
# a common word, a name shared by two countries), unless a facts line gives one to an
# entry with "!name".
SKIP = {
    "en": {"Congo"},
    "it": {"Congo"},
    "es": {"Congo", "Granada", "La Paz", "Asunción", "Asuncion", "RU"},
    "fr": {"Congo"},
    "de": {"Kongo"},
}

# German names that take an article and no genitive -s (feminine and plural names: "die
# Vorwürfe der Türkei"); every other one-word German name also gets its genitive in -s
# ("die Vorwürfe Algeriens", "der Plan Chinas"), unless it ends in a sibilant
# ("Belarus", "Schweiz") or is an acronym ("US", "BRD").
DE_NO_GENITIVE = {
    "Türkei", "Ukraine", "Slowakei", "Mongolei", "Elfenbeinküste", "Westsahara", "Bundesrepublik",
    "Vatikanstadt", "Niederlande", "Philippinen", "Malediven", "Seychellen", "Komoren", "Salomonen",
    "Marshallinseln", "Falklandinseln", "Färöer", "Malwinen",
    # "Islands" (Iceland's) is also the English word in island names German news quotes.
    "Island",
}
# German plural names in -e, which take -n in the dative ("in den Niederlanden"); the plurals
# in -n are their own dative.
DE_PLURAL_E = {"Niederlande"}


def de_genitive(name):
    """The genitive in -s of a one-word German name, or None."""
    if (" " in name or not name[:1].isupper() or name.isupper() or name[-1] in "sßxzSXZ"
            or name in DE_NO_GENITIVE or ascii_fold(name) in {ascii_fold(n) for n in DE_NO_GENITIVE}):
        return None
    return name + "s"


def de_dative(name):
    """The dative in -n of a German plural name in -e, or None."""
    return name + "n" if name in DE_PLURAL_E else None


# Suffix macros of the facts files: "stem{O}" expands to the stem with each ending.
MACROS = {
    "it": {"O": ["o", "a", "i", "e"], "E": ["e", "i"]},
    "es": {"O": ["o", "a", "os", "as"], "E": ["e", "es"]},
    "fr": {"S": ["", "e", "s", "es"], "NE": ["", "ne", "s", "nes"], "X": ["", "s"]},
    "de": {"A": ["", "e", "en", "er", "es", "em"], "ER": ["", "in", "innen", "n"]},
    "en": {},
}

# English extra names: demonyms/adjectives (x(s) = singular and plural), other names, capitals.
EXTRA_EN = {
    "AF": "Afghan(s); Afghani; Kabul", "AL": "Albanian(s); Tirana", "DZ": "Algerian(s); Algiers",
    "AD": "Andorran(s); Andorra la Vella", "AO": "Angolan(s); Luanda", "AG": "Antiguan(s); Saint John's",
    "AR": "Argentine(s); Argentinian(s); Buenos Aires", "AM": "Armenian(s); Yerevan",
    "AU": "Australian(s); Canberra", "AT": "Austrian(s); Vienna", "AZ": "Azerbaijani(s); Azeri(s); Baku",
    "BS": "Bahamian(s); Nassau", "BH": "Bahraini(s); Manama", "BD": "Bangladeshi(s); Dhaka",
    "BB": "Barbadian(s); Bridgetown", "BY": "Belarusian(s); Minsk", "BE": "Belgian(s)",
    "BZ": "Belizean(s); Belmopan", "BJ": "Beninese; Porto-Novo; Cotonou", "BT": "Bhutanese; Thimphu",
    "BO": "Bolivian(s); La Paz; Sucre", "BA": "Bosnian(s); Sarajevo", "BW": "Botswanan(s); Motswana; Batswana; Gaborone",
    "BR": "Brazilian(s); Brasilia", "BN": "Bruneian(s); Bandar Seri Begawan", "BG": "Bulgarian(s); Sofia",
    "BF": "Burkinabe; Ouagadougou", "BI": "Burundian(s); Gitega; Bujumbura", "CV": "Cape Verdean(s); Praia",
    "KH": "Cambodian(s); Phnom Penh", "CM": "Cameroonian(s); Yaounde", "CA": "Canadian(s); Ottawa",
    "CF": "Central African Republic; Bangui", "TD": "Chadian(s); N'Djamena",
    "CL": "Chilean(s); Santiago", "CN": "Chinese; People's Republic of China; PRC; Beijing",
    "CO": "Colombian(s); Bogota", "KM": "Comoran(s); Comorian(s); Moroni",
    "CG": "Republic of the Congo; Congo-Brazzaville; Brazzaville",
    "CD": "Democratic Republic of Congo; DRC; DR Congo; Congo-Kinshasa; Congolese; Kinshasa",
    "CR": "Costa Rican(s); San Jose", "CI": "Ivorian(s); Cote d'Ivoire; Yamoussoukro; Abidjan",
    "HR": "Croatian(s); Croat(s); Zagreb", "CU": "Cuban(s); Havana", "CY": "Cypriot(s); Nicosia",
    "CZ": "Czech(s); Czechia; Prague", "DK": "Danish; Dane(s); Copenhagen", "DJ": "Djiboutian(s)",
    "DM": "Commonwealth of Dominica; Roseau", "DO": "Dominican Republic; Dominican(s); Santo Domingo", "EC": "Ecuadorian(s); Quito",
    "EG": "Egyptian(s); Cairo", "SV": "Salvadoran(s); Salvadorean(s); San Salvador",
    "GQ": "Equatorial Guinean(s); Malabo", "ER": "Eritrean(s); Asmara", "EE": "Estonian(s); Tallinn",
    "SZ": "Swazi(s); Mbabane", "ET": "Ethiopian(s); Addis Ababa", "FJ": "Fijian(s); Suva",
    "FI": "Finnish; Finn(s); Helsinki", "FR": "French; Frenchman; Frenchmen; Paris",
    "GA": "Gabonese; Libreville", "GM": "Gambian(s); Banjul", "GE": "Georgian(s); Tbilisi",
    "DE": "German(s); Berlin", "GH": "Ghanaian(s); Accra", "GR": "Greek(s); Athens",
    "GD": "Grenadian(s); St. George's", "GT": "Guatemalan(s); Guatemala City", "GN": "Guinean(s); Conakry",
    "GW": "Bissau-Guinean(s); Bissau", "GY": "Guyanese; Georgetown", "HT": "Haitian(s); Port-au-Prince",
    "HN": "Honduran(s); Tegucigalpa", "HU": "Hungarian(s); Budapest", "IS": "Icelandic; Icelander(s); Reykjavik",
    "IN": "Indian(s); New Delhi", "ID": "Indonesian(s); Jakarta", "IR": "Iranian(s); Islamic Republic of Iran; Tehran",
    "IQ": "Iraqi(s); Baghdad", "IE": "Irish; Dublin", "IL": "Israeli(s); Jerusalem", "IT": "Italian(s); Rome",
    "JM": "Jamaican(s); Kingston", "JP": "Japanese; Tokyo", "JO": "Jordanian(s); Amman",
    "KZ": "Kazakh(s); Kazakhstani(s); Astana", "KE": "Kenyan(s); Nairobi", "KI": "I-Kiribati; Tarawa",
    "KW": "Kuwaiti(s); Kuwait City", "KG": "Kyrgyz; Bishkek", "LA": "Lao; Laotian(s); Vientiane",
    "LV": "Latvian(s); Riga", "LB": "Lebanese; Beirut", "LS": "Basotho; Maseru", "LR": "Liberian(s); Monrovia",
    "LY": "Libyan(s); Tripoli", "LI": "Liechtensteiner(s); Vaduz", "LT": "Lithuanian(s); Vilnius",
    "LU": "Luxembourger(s); Luxembourgish", "MG": "Malagasy; Antananarivo", "MW": "Malawian(s); Lilongwe",
    "MY": "Malaysian(s); Kuala Lumpur; Putrajaya", "MV": "Maldivian(s)", "ML": "Malian(s); Bamako",
    "MT": "Maltese; Valletta", "MH": "Marshallese; Majuro", "MR": "Mauritanian(s); Nouakchott",
    "MU": "Mauritian(s); Port Louis", "MX": "Mexican(s); Mexico City", "FM": "Micronesian(s); Palikir",
    "MD": "Moldovan(s); Chisinau", "MC": "Monegasque(s)", "MN": "Mongolian(s); Ulaanbaatar; Ulan Bator",
    "ME": "Montenegrin(s); Podgorica", "MA": "Moroccan(s); Rabat", "MZ": "Mozambican(s); Maputo",
    "MM": "Burma; Burmese; Naypyidaw; Naypyitaw", "NA": "Namibian(s); Windhoek", "NR": "Nauruan(s)",
    "NP": "Nepali(s); Nepalese; Kathmandu", "NL": "Dutch; Holland; The Hague; Amsterdam",
    "NZ": "New Zealander(s); Wellington", "NI": "Nicaraguan(s); Managua", "NE": "Nigerien(s); Niamey",
    "NG": "Nigerian(s); Abuja", "KP": "North Korean(s); DPRK; Democratic People's Republic of Korea; Pyongyang",
    "MK": "North Macedonian(s); Macedonia; Macedonian(s); Skopje", "NO": "Norwegian(s); Oslo",
    "OM": "Omani(s); Muscat", "PK": "Pakistani(s); Islamabad", "PW": "Palauan(s); Ngerulmud",
    "PA": "Panamanian(s); Panama City", "PG": "Papua New Guinean(s); Port Moresby", "PY": "Paraguayan(s); Asuncion",
    "PE": "Peruvian(s); Lima", "PH": "Philippine; Filipino(s); Manila", "PL": "Polish; Pole(s); Warsaw",
    "PT": "Portuguese; Lisbon", "QA": "Qatari(s); Doha", "KR": "South Korean(s); Republic of Korea; Seoul",
    "RO": "Romanian(s); Bucharest", "RU": "Russian(s); Russian Federation; Moscow",
    "RW": "Rwandan(s); Kigali", "KN": "Saint Kitts and Nevis; Kittitian(s); Basseterre", "LC": "Saint Lucian(s); Castries",
    "VC": "Vincentian(s); Kingstown", "WS": "Samoan(s); Apia", "SM": "Sammarinese",
    "ST": "Sao Tomean(s); Sao Tome and Principe", "SA": "Saudi(s); Saudi Arabian(s); Riyadh",
    "SN": "Senegalese; Dakar", "RS": "Serbian(s); Serb(s); Belgrade", "SC": "Seychellois",
    "SL": "Sierra Leonean(s); Freetown", "SG": "Singaporean(s)", "SK": "Slovak(s); Bratislava",
    "SI": "Slovenian(s); Slovene(s); Ljubljana", "SB": "Solomon Islander(s); Honiara",
    "SO": "Somali(s); Somalian(s); Mogadishu", "ZA": "South African(s); Pretoria; Cape Town",
    "SS": "South Sudanese; Juba", "ES": "Spanish; Spaniard(s); Madrid", "LK": "Sri Lankan(s); Colombo",
    "SD": "Sudanese; Khartoum", "SR": "Surinamese; Paramaribo", "SE": "Swedish; Swede(s); Stockholm",
    "CH": "Swiss; Bern", "SY": "Syrian(s); Damascus", "TJ": "Tajik(s); Tajikistani(s); Dushanbe",
    "TZ": "Tanzanian(s); Dodoma; Dar es Salaam", "TH": "Thai; Bangkok", "TL": "Timorese; Dili",
    "TG": "Togolese; Lome", "TO": "Tongan(s); Nuku'alofa", "TT": "Trinidadian(s); Port of Spain",
    "TN": "Tunisian(s); Tunis", "TR": "Turkish; Turk(s); Ankara", "TM": "Turkmen; Ashgabat",
    "TV": "Tuvaluan(s); Funafuti", "UG": "Ugandan(s); Kampala", "UA": "Ukrainian(s); Kyiv; Kiev",
    "AE": "Emirati(s); UAE; Abu Dhabi", "GB": "British; Briton(s); Great Britain; Britain; U.K.; London",
    "US": "American(s); United States of America; U.S.; U.S.A.; USA; Washington",
    "UY": "Uruguayan(s); Montevideo", "UZ": "Uzbek(s); Tashkent", "VU": "Ni-Vanuatu; Port Vila",
    "VE": "Venezuelan(s); Caracas", "VN": "Vietnamese; Hanoi", "YE": "Yemeni(s); Sanaa",
    "ZM": "Zambian(s); Lusaka", "ZW": "Zimbabwean(s); Harare",
    "VA": "Vatican; Vatican City; Holy See; Vatican City State",
    "PS": "Palestinian(s); Palestinian Territories; State of Palestine; Ramallah",
}
EXTRA_EN.update({
    "TW": "Taiwanese; Taipei", "HK": "Hong Konger(s)", "MO": "Macao", "XK": "Kosovar(s); Pristina",
    "EH": "Sahrawi(s)", "PR": "Puerto Rican(s)", "GL": "Greenlandic", "NC": "New Caledonian(s)",
    "GI": "Gibraltarian(s)", "FK": "Falklands; Malvinas",
})

# Seats of government and ministries used as metonyms (CAMEO codes the institution), per language.
SEATS = {
    "en": [
        ("USAGOV", "White House; State Department; Foggy Bottom"),
        ("USAMIL", "Pentagon"),
        ("RUSGOV", "Kremlin"),
        ("GBRGOV", "Downing Street; Whitehall"),
        ("FRAGOV", "Elysee; Elysee Palace; Quai d'Orsay"),
        ("CHNGOV", "Zhongnanhai"),
        ("DEUGOV", "Chancellery"),
        ("ISRGOV", "Knesset"),
    ],
    "it": [
        ("USAGOV", "Casa Bianca; Dipartimento di Stato"),
        ("USAMIL", "Pentagono"),
        ("RUSGOV", "Cremlino"),
        ("GBRGOV", "Downing Street; Foreign Office; Whitehall"),
        ("BRAGOV", "Planalto; =Palácio do Planalto; Itamaraty"),
        ("UKRGOV", "Bankova"),
        ("FRAGOV", "Eliseo; Quai d' Orsay; Matignon"),
        ("ITAGOV", "Palazzo Chigi; Farnesina; Viminale; Quirinale"),
        ("ITAMIL", "Palazzo Baracchini"),
        ("ESPGOV", "Moncloa"),
        ("DEUGOV", "Cancelleria federale"),
        ("CHNGOV", "Zhongnanhai"),
        ("ISRGOV", "Knesset"),
    ],
    "es": [
        ("USAGOV", "Casa Blanca; Departamento de Estado"),
        ("USAMIL", "Pentágono; Pentagono"),
        ("RUSGOV", "Kremlin"),
        ("GBRGOV", "Downing Street"),
        ("FRAGOV", "Elíseo; Eliseo; Palacio del Elíseo; Quai d'Orsay"),
        ("ITAGOV", "Palacio Chigi; Palazzo Chigi; Farnesina"),
        ("ESPGOV", "Moncloa; Palacio de la Moncloa; Palacio de Santa Cruz"),
        ("ARGGOV", "Casa Rosada"),
        ("CHLGOV", "Palacio de La Moneda"),
        ("VENGOV", "Miraflores; Palacio de Miraflores"),
        ("BRAGOV", "Planalto; Palacio del Planalto"),
        ("DEUGOV", "Cancillería Federal"),
        ("CHNGOV", "Zhongnanhai"),
        # Not the Knesset: it is the parliament (ISRLEG in organizations.dyad).
    ],
    "fr": [
        ("USAGOV", "Maison Blanche; Maison-Blanche; Département d' État"),
        ("USAMIL", "Pentagone"),
        ("RUSGOV", "Kremlin"),
        ("GBRGOV", "Downing Street"),
        ("FRAGOV", "Élysée; Elysée; Elysee; Matignon; Quai d' Orsay"),
        ("ITAGOV", "Palais Chigi; Palazzo Chigi; Farnesina"),
        ("ESPGOV", "Moncloa"),
        ("DEUGOV", "Chancellerie fédérale"),
        ("CHNGOV", "Zhongnanhai"),
        ("ISRGOV", "Knesset"),
    ],
    "de": [
        ("USAGOV", "Weißes Haus; Weiße Haus; Weißen Haus; Weisses Haus; Weisse Haus; Weissen Haus; US-Außenministerium"),
        ("USAMIL", "Pentagon"),
        ("RUSGOV", "Kreml"),
        ("GBRGOV", "Downing Street"),
        ("FRAGOV", "Élysée; Elysee; Élysée-Palast; Elysee-Palast; Quai d'Orsay"),
        ("ITAGOV", "Palazzo Chigi; Farnesina"),
        ("ESPGOV", "Moncloa"),
        ("DEUGOV", "Kanzleramt; Bundeskanzleramt; Auswärtiges Amt; Auswärtige Amt; Auswärtigen Amt"),
        ("CHNGOV", "Zhongnanhai"),
        ("ISRGOV", "Knesset"),
    ],
}


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def split_elisions(name, lang):
    """Writes an elided article as its own word where the text crate splits it
    (Italian and French: "Costa d'Avorio" -> "Costa d' Avorio")."""
    if lang not in ("it", "fr"):
        return name
    words = []
    for word in name.split():
        parts, start = [], 0
        for i, ch in enumerate(word):
            if ch == "'" and i + 1 - start <= 8 and i + 1 < len(word):
                parts.append(word[start:i + 1])
                start = i + 1
        parts.append(word[start:])
        words.extend(parts)
    return " ".join(words)


def clean(name, lang):
    """CLDR display name -> names the format accepts."""
    out = []
    name = name.replace("\u2019", "'").replace("&", "and" if lang == "en" else "")
    if "(" in name:
        base, _, inner = name.partition("(")
        name = base.strip()
        inner = inner.rstrip(")").strip()
        if inner and inner not in ("DRC", "Republic", "Islas Malvinas", "RDC", "Repubblica",
                                   "República", "Demokratische Republik", "Republik", "China"):
            out.append(inner)
    out.insert(0, name)
    return variants(out, lang)


def marks(name):
    """A facts name -> (name, override: "!name", exact: "=name")."""
    override = exact = False
    while name[:1] in ("!", "="):
        override |= name[0] == "!"
        exact |= name[0] == "="
        name = name[1:].strip()
    return name, override, exact


def variants(names, lang):
    """Each name (markers stripped) followed by its ASCII-folded form, unless written "=name";
    the "*" item of a facts line is no name."""
    res = []
    for n in names:
        if n == "*":
            continue
        n, _, exact = marks(n)
        n = split_elisions(n.replace("\u2019", "'"), lang)
        for v in ((n,) if exact else (n, ascii_fold(n))):
            v = " ".join(v.split())
            if v and v not in res:
                res.append(v)
    return res


def expand(entry, lang):
    """"stem{O}" / "stem{a,b}" -> the stem with each ending."""
    m = re.fullmatch(r"(.*?)\{([^}]*)\}", entry)
    if not m:
        return [entry]
    stem, inner = m.group(1), m.group(2)
    endings = MACROS[lang].get(inner)
    if endings is None:
        endings = inner.split(",")
    return [stem + e for e in endings]


def read_facts(lang, plain=None, comments=None):
    """facts_<lang>.txt: "A2: name; stem{O}; ..." lines (markers kept: see the docstring).
    Names written without a macro (place names, not demonyms) are also added to the set
    `plain` when one is given; "#>" comment lines go to comments[A2] when it is given."""
    if lang == "en":
        return {k: [n.strip() for n in v.split(";") if n.strip()] for k, v in EXTRA_EN.items()}
    facts = {}
    pending = []
    path = os.path.join(HERE, f"facts_{lang}.txt")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.lstrip().startswith("#>"):
                pending.append(("# " + line.lstrip()[2:].strip()).rstrip())
                continue
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            key, sep, rest = line.partition(":")
            if not sep or not re.fullmatch(r"[A-Z]{2}", key.strip()):
                raise SystemExit(f"{path}:{n}: expected \"XX: names\", found {line!r}")
            names = []
            for part in rest.split(";"):
                part = part.strip()
                if part:
                    names.extend(expand(part, lang))
                    if plain is not None and "{" not in part:
                        plain.update(variants([part], lang))
            facts[key.strip()] = names
            if pending:
                if comments is not None:
                    comments[key.strip()] = pending
                pending = []
    if pending:
        raise SystemExit(f"{path}: \"#>\" comment lines at the end, before no facts line")
    return facts


def build(lang, lnf, maps):
    terr = json.load(open(os.path.join(lnf, "main", lang, "territories.json"), encoding="utf-8"))
    terr = terr["main"][lang]["localeDisplayNames"]["territories"]
    place_names = set()  # names of places, which may take a genitive: not demonyms
    comments = {}  # A2 -> comment lines written before its entry
    facts = read_facts(lang, place_names, comments)
    unknown = set(facts) - set(UN) - set(TERRITORIES)
    if unknown:
        raise SystemExit(f"facts_{lang}.txt: unknown territories {sorted(unknown)}")
    lines = [
        f"# dyad built-in {LANGUAGE_NAMES[lang]} dictionary: countries (UN member and observer states, main territories).",
        "# GENERATED by scripts/lexicon/build_countries.py; edit the script or its facts files, not this file.",
        f"# Territory names: CLDR {CLDR_VERSION} (npm cldr-localenames-full, cldr-core; Unicode License v3).",
        "# Codes: ISO 3166-1 alpha-3, the CAMEO country codes. Demonyms, capitals, seats: facts.",
        f"@language {lang}",
        "",
        "[actors]",
    ]
    used = set(SKIP[lang])
    seen_lower = {s.lower() for s in used}
    taken_lower = set()  # names an entry has taken (SKIP aside)
    # Every name of every entry: a generated form (a German genitive) never takes one of them.
    all_names = {n.lower() for a2 in list(UN) + list(TERRITORIES)
                 for key in (a2, a2 + "-alt-short", a2 + "-alt-variant") if key in terr
                 for n in clean(terr[key], lang)}
    all_names |= {n.lower() for names in facts.values() for n in variants(names, lang)}

    def entry(a2, code):
        names = []
        own = facts.get(a2, [])
        before, after = (own[:own.index("*")], own[own.index("*") + 1:]) if "*" in own else ([], own)
        # Names this entry takes although SKIP withholds them ("!name").
        override = {v.lower() for raw in own if raw != "*" and marks(raw)[1] for v in variants([raw], lang)}

        def add_facts(raw_names):
            for n in variants(raw_names, lang):
                blocked = n.lower() in taken_lower if n.lower() in override else n.lower() in seen_lower
                if blocked or n.lower() in {x.lower() for x in names}:
                    continue
                names.append(n)

        add_facts(before)
        for key in (a2, a2 + "-alt-short", a2 + "-alt-variant"):
            if key in terr:
                for n in clean(terr[key], lang):
                    place_names.add(n)
                    if " - " in n or n in used or n.lower() in seen_lower:
                        continue
                    if n not in names:
                        names.append(n)
        add_facts(after)
        if not names:
            raise SystemExit(f"{lang}: no name left for {a2} ({code}); add one to facts_{lang}.txt")
        if lang == "de":
            for g in filter(None, map(de_genitive, [n for n in names if n in place_names])):
                if g.lower() in all_names or g in used or g.lower() in seen_lower or g in names:
                    continue
                names.append(g)
            for d in filter(None, map(de_dative, [n for n in names if n in place_names])):
                if d.lower() in all_names or d.lower() in seen_lower or d in names:
                    continue
                names.append(d)
        used.update(names)
        seen_lower.update(x.lower() for x in names)
        taken_lower.update(x.lower() for x in names)
        return comments.get(a2, []) + [f"{code} = {'; '.join(names)}"]

    for a2 in sorted(UN, key=lambda c: ascii_fold(terr[c])):
        lines += entry(a2, maps[a2]["_alpha3"])
    lines += ["", "# Main territories."]
    for a2, code in TERRITORIES.items():
        lines += entry(a2, code)
    lines += ["", "# Seats of government and ministries used as metonyms."]
    for code, names in SEATS[lang]:
        names = [n.strip() for n in names.split(";")]
        lines.append(f"{code} = {'; '.join(variants(names, lang))}")
    out_path = os.path.join(DATA, lang, "countries.dyad")
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{lang}: wrote {len(UN)} countries and {len(TERRITORIES)} territories to {out_path}", file=sys.stderr)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    lnf, core = sys.argv[1], sys.argv[2]
    langs = sys.argv[3:] or LANGS
    maps = json.load(open(os.path.join(core, "supplemental", "codeMappings.json"), encoding="utf-8"))
    maps = maps["supplemental"]["codeMappings"]
    assert len(UN) == 195 and len(set(UN)) == 195, len(UN)
    for lang in langs:
        if lang not in LANGS:
            raise SystemExit(f"unknown language {lang!r} (one of {', '.join(LANGS)})")
        build(lang, lnf, maps)


if __name__ == "__main__":
    main()
