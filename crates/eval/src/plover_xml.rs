//! PLOVER-labelled validation XML (`spanish_protest_plover_validation.xml`): PETRARCH
//! validation XML whose `<EventCoding>`s carry a `plover` type next to a 2-digit CAMEO
//! `eventcode` converted from it, and `---` actors (the actors are only given as text
//! spans in `<EventText sourcetext=... targettext=...>`).
//!
//! The file is read by the PETRARCH reader; this module then
//!
//! * takes each label's 2-digit `eventcode` as it is, and replaces a missing one or a range
//!   (`081-083`, `18/19/20`) by the root of the `plover` type when the type has one;
//! * leaves labels whose type has none (`CRIME`) out of the expectations, and records
//!   that had only such labels out of the scores (they are neither events to find nor
//!   sentences without events);
//! * marks the suite [`SuiteFormat::PloverXml`], so that [`crate::score`] compares
//!   produced codes after PLOVER's collapse of CAMEO roots.

use std::collections::HashMap;
use std::path::Path;

use crate::petrarch::{attr, parse_attrs};
use crate::{LineIndex, Suite, SuiteFormat, Triple};

/// Whether a PETRARCH-style file carries PLOVER labels (`plover="..."` on an
/// `<EventCoding>`).
pub(crate) fn looks_like_plover_xml(text: &str) -> bool {
    text.match_indices("<EventCoding").any(|(i, _)| {
        let tag = text.get(i..).and_then(|t| t.find('>').and_then(|j| t.get(..j))).unwrap_or_default();
        tag.contains("plover=")
    })
}

/// One `<EventCoding>` of a sentence.
struct Label {
    plover: String,
    source: String,
    target: String,
    eventcode: String,
    line: usize,
}

/// Reads the file as PETRARCH XML, then applies the PLOVER labels.
pub(crate) fn parse(path: &Path, base: &Path, text: &str) -> Suite {
    let mut suite = crate::petrarch::parse(path, base, text);
    let file = path.display().to_string();
    let labels = labels_by_sentence(text);
    // The PETRARCH reader warns about each eventcode-less coding; this module handles them.
    suite.warnings.retain(|w| !w.contains("<EventCoding> without an eventcode"));
    let mut unmapped = 0usize;
    for rec in &mut suite.records {
        let Some(list) = labels.get(&rec.id) else { continue };
        // The labels decide the expectations: a 2-digit eventcode as it is, a range or
        // list ("081-083", "18/19/20") or a missing one as the root of the PLOVER type.
        rec.expected.clear();
        for l in list {
            let two_digits = l.eventcode.len() == 2 && l.eventcode.bytes().all(|b| b.is_ascii_digit());
            let code =
                if two_digits { Some(l.eventcode.as_str()) } else { crate::plover::type_root(&l.plover) };
            match code {
                Some(code) => rec.expected.push(Triple::new(&l.source, &l.target, code)),
                None => {
                    unmapped += 1;
                    suite.warnings.push(format!(
                        "{file}:{}: record {}: PLOVER type {:?} (eventcode {:?}) has no CAMEO root; not expected",
                        l.line, rec.id, l.plover, l.eventcode
                    ));
                }
            }
        }
        if rec.evaluate && rec.expected.is_empty() && !list.is_empty() {
            rec.evaluate = false;
            rec.skip_reason = Some("only PLOVER labels without a CAMEO root".into());
        }
    }
    if unmapped > 0 {
        suite.warnings.push(format!("{file}: {unmapped} PLOVER labels without a CAMEO root left out"));
    }
    suite.format = SuiteFormat::PloverXml;
    suite
}

/// The `<EventCoding>` labels of each `<Sentence id=...>`, in order.
fn labels_by_sentence(text: &str) -> HashMap<String, Vec<Label>> {
    let idx = LineIndex::new(text);
    let mut out: HashMap<String, Vec<Label>> = HashMap::new();
    let mut current: Option<String> = None;
    let mut pos = 0;
    while let Some(i) = text.get(pos..).and_then(|t| t.find('<')).map(|i| pos + i) {
        let rest = text.get(i + 1..).unwrap_or_default();
        let end = rest.find('>').map_or(text.len(), |j| i + 1 + j);
        let inner = text.get(i + 1..end).unwrap_or_default();
        pos = end.max(i + 1);
        if let Some(attrs) = inner.strip_prefix("Sentence").filter(|a| a.starts_with(char::is_whitespace)) {
            let attrs = parse_attrs(attrs);
            current = attr(&attrs, "id").map(str::to_string);
        } else if inner.starts_with("/Sentence") {
            current = None;
        } else if let Some(attrs) =
            inner.strip_prefix("EventCoding").filter(|a| a.starts_with(char::is_whitespace))
        {
            let Some(id) = &current else { continue };
            let attrs = parse_attrs(attrs.trim_end_matches('/'));
            out.entry(id.clone()).or_default().push(Label {
                plover: attr(&attrs, "plover").unwrap_or_default().to_string(),
                source: attr(&attrs, "sourcecode").unwrap_or("---").to_string(),
                target: attr(&attrs, "targetcode").unwrap_or("---").to_string(),
                eventcode: attr(&attrs, "eventcode").unwrap_or_default().trim().to_string(),
                line: idx.line(i),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment><Include>valid spanish</Include></Environment>
<Sentences>
<Sentence date="19940611" id="S1" evaluate="true" category="spanish">
<EventText eid="E1" eventtext="pedir" sourcetext="La Iglesia" targettext="" />
<EventCoding eid="E1" eventcode="10" plover="DEMAND" sourcecode="---" targetcode="---" />
<EventCoding eid="E2" eventcode="" plover="PROTEST" sourcecode="---" targetcode="---" />
<EventCoding eid="E3" eventcode="18/19/20" plover="ASSAULT" sourcecode="---" targetcode="---" />
<Text>La Iglesia pidió votar en blanco.</Text>
</Sentence>
<Sentence date="19940612" id="S2" evaluate="true" category="spanish">
<EventCoding eid="E1" eventcode="" plover="CRIME" sourcecode="---" targetcode="---" />
<Text>Robaron un banco.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn detects_and_fills_codes_from_types() {
        assert!(looks_like_plover_xml(XML));
        assert!(!looks_like_plover_xml("<Validation><EventCoding eventcode=\"01\"/></Validation>"));
        let s = parse(Path::new("es.xml"), Path::new("."), XML);
        assert_eq!(s.format, SuiteFormat::PloverXml);
        assert_eq!(s.records.len(), 2);
        assert_eq!(
            s.records[0].expected,
            vec![
                Triple::new("---", "---", "10"),
                Triple::new("---", "---", "14"),
                Triple::new("---", "---", "18")
            ]
        );
        assert!(s.records[0].evaluate);
        assert!(!s.records[1].evaluate);
        assert!(
            s.warnings.iter().any(|w| w.contains("es.xml:13:") && w.contains("CRIME")),
            "{:?}",
            s.warnings
        );
    }
}
