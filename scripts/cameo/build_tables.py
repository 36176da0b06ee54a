#!/usr/bin/env python3
"""Build dyad's CAMEO table `crates/cameo/data/cameo.tsv` from the reference files.

Reads, by path (nothing is copied):
  <anchors>/cameo/LOOKUP-CAMEO.eventcodes.txt   codes and labels
  <anchors>/cameo/CAMEO.goldsteinscale.txt      Goldstein scores
  <anchors>/plover/CAMEO2PLOVER-2021.txt        PLOVER type and mode per code

Usage: scripts/cameo/build_tables.py [ANCHORS_DIR] [OUT_TSV]
ANCHORS_DIR defaults to $DYAD_ANCHORS or <repo>/../shared/anchors.

Repairs applied to the lookup file's known glitches:
  - the merged line "1056<TAB>...engagement106:[-5.0] Demand withdrawal" is split in two;
  - Mac-Roman mojibake quotes ("Meet at a \u00d2hird\u00d3location") are repaired;
  - "radiologicalweapons" is split, "matyerial" spelled, runs of spaces collapsed, CR removed;
  - the labels of 101, 102, 103, 105, 106, 107 and 108 are GDELT's older wording, which
    contradicts their own sub-codes (1051-1056 "Demand easing ..." under "105 Demand mediation")
    and the CAMEO manual 1.1b3 and PLOVER crosswalk; they take the manual's labels (MANUAL_LABELS).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


# CAMEO manual 1.1b3 (cameo/chapter_6_cameo_event_codes.md) wording for codes whose GDELT label
# belongs to an older numbering.
MANUAL_LABELS = {
    "101": "Demand material cooperation, not specified below",
    "102": "Demand diplomatic cooperation (such as policy support)",
    "103": "Demand material aid, not specified below",
    "105": "Demand that target yields, not specified below",
    "106": "Demand meeting, negotiation",
    "107": "Demand settling of dispute",
    "108": "Demand mediation",
}


def quad_class(code):
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    raise ValueError(f"bad root in {code!r}")


def read_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().replace("\r", "").split("\n")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        code, _, label = line.partition("\t")
        code = code.strip()
        # The merged 1056/106 line.
        m = re.match(r"^(.*?)(\d{3,4}):\[(-?\d+(?:\.\d+)?)\]\s*(.*)$", label)
        if m:
            labels[code] = m.group(1)
            labels[m.group(2)] = m.group(4)
        else:
            labels[code] = label
        if not re.fullmatch(r"\d{2,4}", code):
            raise SystemExit(f"{path}:{n}: bad code {code!r}")
    fixed = {}
    for code, label in labels.items():
        label = label.replace("\u00d2hird\u00d3", '"third" ')
        label = label.replace("\u00d2", '"').replace("\u00d3", '"')
        label = label.replace("radiologicalweapons", "radiological weapons")
        label = label.replace("matyerial", "material")
        label = MANUAL_LABELS.get(code, label)
        label = re.sub(r"\s+", " ", label).strip()
        if not label or any(ord(c) > 126 for c in label):
            raise SystemExit(f"{path}: label for {code} not clean: {label!r}")
        fixed[code] = label
    return fixed


def read_goldstein(path):
    scores = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f.read().replace("\r", "").split("\n")[1:], start=2):
            if not line.strip():
                continue
            code, score = line.split("\t")
            scores[code.strip()] = float(score)
    return scores


def read_plover(path):
    """code -> (type, mode or ''), first mention wins."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("~~~"):
                break
            m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
            if not m:
                continue
            code, rest = m.group(1), m.group(2).split("#", 1)[0]
            fields = [x.strip() for x in rest.split(",")]
            ptype = fields[0].upper()
            mode = fields[1] if len(fields) > 1 else ""
            if code not in out:
                out[code] = (ptype, mode)
    return out


def main():
    anchors = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "DYAD_ANCHORS", os.path.join(REPO, "..", "shared", "anchors"))
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        REPO, "crates", "cameo", "data", "cameo.tsv")
    labels = read_labels(os.path.join(anchors, "cameo", "LOOKUP-CAMEO.eventcodes.txt"))
    gold = read_goldstein(os.path.join(anchors, "cameo", "CAMEO.goldsteinscale.txt"))
    plover = read_plover(os.path.join(anchors, "plover", "CAMEO2PLOVER-2021.txt"))
    if set(labels) != set(gold):
        raise SystemExit(f"label/goldstein code sets differ: {sorted(set(labels) ^ set(gold))}")
    rows = []
    fallback_used = []
    for code in sorted(labels, key=lambda c: (c[:2], c)):
        root = code[:2]
        if root in ("01", "02"):
            ptype, mode = "-", ""  # PLOVER drops these roots (manual, CAMEO to PLOVER table)
        elif code in plover:
            ptype, mode = plover[code]
        else:
            ptype, mode = plover[root][0], ""
            fallback_used.append(code)
        rows.append((code, labels[code], gold[code], quad_class(code), ptype, mode or "-"))
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# dyad's CAMEO event-code table. GENERATED by scripts/cameo/build_tables.py; do not edit.\n")
        f.write("# These are facts: CAMEO code numbers and labels, Goldstein scores, QuadClass (by root),\n")
        f.write("# and the CAMEO-to-PLOVER crosswalk (type, mode; '-' = none, or dropped by PLOVER).\n")
        f.write("# Sources read by path: cameo/LOOKUP-CAMEO.eventcodes.txt, cameo/CAMEO.goldsteinscale.txt,\n")
        f.write("# plover/CAMEO2PLOVER-2021.txt (codes absent there take their root's PLOVER type).\n")
        f.write("code\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode\n")
        for code, label, g, q, t, m in rows:
            f.write(f"{code}\t{label}\t{g:.1f}\t{q}\t{t}\t{m}\n")
    print(f"wrote {len(rows)} codes to {out_path}; root-type fallback for: {' '.join(fallback_used)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
