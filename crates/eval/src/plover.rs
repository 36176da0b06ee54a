//! PLOVER event types and their CAMEO roots, shared by the two PLOVER-coded suites.
//!
//! PLOVER (0.5 to 0.8) merges and splits CAMEO's 20 roots: `DEMAND` covers CAMEO 02
//! (appeal) and 10 (demand), `CONCEDE` and `RETREAT` both come from 08 (yield), `ASSAULT`
//! and `FIGHT` from 18, 19 and 20, and CAMEO 01 (public statements) has no PLOVER type at
//! all. A PLOVER-coded suite therefore states each gold event as the CAMEO root its type
//! stands for ([`type_root`]), and a coder's CAMEO codes are compared after the same
//! collapse ([`cameo_to_plover_root`]).

/// The CAMEO root a PLOVER event type stands for in a PLOVER-coded suite, or `None` for
/// a type with no CAMEO counterpart (`CRIME`, `DOCUMENT`) or an unknown type.
///
/// Matching is case-insensitive; `SACTION` (a misspelling found in real files) counts as
/// `SANCTION`, and the PLOVER 0.8 names `REQUEST` and `ACCUSE` map like `DEMAND` and
/// `DISAPPROVE`.
pub fn type_root(plover: &str) -> Option<&'static str> {
    let t = plover.trim().to_ascii_uppercase();
    Some(match t.as_str() {
        "AGREE" => "03",
        "CONSULT" => "04",
        "SUPPORT" => "05",
        "COOPERATE" => "06",
        "AID" => "07",
        "CONCEDE" | "RETREAT" | "YIELD" => "08",
        "INVESTIGATE" => "09",
        "DEMAND" | "REQUEST" => "10",
        "DISAPPROVE" | "ACCUSE" => "11",
        "REJECT" => "12",
        "THREATEN" => "13",
        "PROTEST" => "14",
        "MOBILIZE" => "15",
        "SANCTION" | "SACTION" => "16",
        "COERCE" => "17",
        "ASSAULT" => "18",
        "FIGHT" => "19",
        _ => return None,
    })
}

/// A CAMEO event code (`0231`, `19`) as the root of its PLOVER type, the form in which
/// PLOVER-coded suites state their gold: 02 becomes 10 (both `DEMAND`), 20 becomes 19
/// (mass violence is `FIGHT` in the PLOVER gold-standard records), and 01 (public
/// statements, which PLOVER does not code) gives `None`. Codes that are not CAMEO codes
/// (no two leading digits from 02 to 20) give `None`.
pub fn cameo_to_plover_root(code: &str) -> Option<&'static str> {
    let root = code.trim().get(..2)?;
    Some(match root {
        "02" | "10" => "10",
        "03" => "03",
        "04" => "04",
        "05" => "05",
        "06" => "06",
        "07" => "07",
        "08" => "08",
        "09" => "09",
        "11" => "11",
        "12" => "12",
        "13" => "13",
        "14" => "14",
        "15" => "15",
        "16" => "16",
        "17" => "17",
        "18" => "18",
        "19" | "20" => "19",
        _ => return None,
    })
}

/// Like [`cameo_to_plover_root`], for PLOVER versions (2018 on) whose `ASSAULT` covers
/// CAMEO 18, 19 and 20 (no `FIGHT`): those three roots all become 18.
pub fn cameo_to_plover_root_merged(code: &str) -> Option<&'static str> {
    match cameo_to_plover_root(code)? {
        "19" => Some("18"),
        other => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_map_to_roots() {
        assert_eq!(type_root("PROTEST"), Some("14"));
        assert_eq!(type_root("sanction"), Some("16"));
        assert_eq!(type_root("SACTION"), Some("16"));
        assert_eq!(type_root("RETREAT"), Some("08"));
        assert_eq!(type_root("CRIME"), None);
        assert_eq!(type_root(""), None);
    }

    #[test]
    fn cameo_codes_collapse_like_plover() {
        assert_eq!(cameo_to_plover_root("0233"), Some("10"));
        assert_eq!(cameo_to_plover_root("1041"), Some("10"));
        assert_eq!(cameo_to_plover_root("202"), Some("19"));
        assert_eq!(cameo_to_plover_root_merged("202"), Some("18"));
        assert_eq!(cameo_to_plover_root_merged("190"), Some("18"));
        assert_eq!(cameo_to_plover_root_merged("0233"), Some("10"));
        assert_eq!(cameo_to_plover_root("010"), None);
        assert_eq!(cameo_to_plover_root("1"), None);
        assert_eq!(cameo_to_plover_root("---"), None);
        assert_eq!(cameo_to_plover_root("é1"), None);
        // Every type's root is a fixed point of the collapse.
        for t in ["AGREE", "DEMAND", "FIGHT", "MOBILIZE", "CONCEDE"] {
            let r = type_root(t).unwrap_or_default();
            assert_eq!(cameo_to_plover_root(r), Some(r), "{t}");
        }
    }
}
