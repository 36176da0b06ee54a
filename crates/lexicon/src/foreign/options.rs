//! TABARI `.options` files.
//!
//! TABARI's options mostly steer its own input and output (`OUTPUT:`, `LABEL:`, `FORWARD:`), which dyad does not need; those lines
//! and any line dyad does not know are ignored. Recognised (`//` and `;`
//! start comments, case does not matter, `~~` ends the file):
//! - `SET: NULLACTORS = TRUE|FALSE` (also `NULL ACTORS`, `ALLOW MISSING ACTOR`)
//!   → [`CodingOptions::allow_missing_actor`];
//! - `SET: MAX GAP = N` (also `MAXGAP`, `SPAN`) → [`CodingOptions::max_gap`];
//! - `COMPLEX: … NOACTPRIOR` → [`CodingOptions::no_actor_prior`] (the
//!   `COMPLEX:` limits themselves are read by the validation runner).

use crate::model::CodingOptions;

/// Reads options from text; unknown lines are ignored.
pub(crate) fn parse(text: &str) -> CodingOptions {
    let mut options = CodingOptions::default();
    for raw in text.lines() {
        let line = raw.split("//").next().unwrap_or("");
        let line = line.split(';').next().unwrap_or("").trim();
        if line.starts_with("~~") {
            break;
        }
        let upper = line.to_ascii_uppercase();
        if let Some(rest) = upper.strip_prefix("COMPLEX:") {
            if rest.split_whitespace().any(|w| w == "NOACTPRIOR") {
                options.no_actor_prior = true;
            }
            continue;
        }
        let Some(rest) = upper.strip_prefix("SET:") else { continue };
        let Some((key, value)) = rest.split_once('=') else { continue };
        let key: String = key.chars().filter(|c| !c.is_whitespace()).collect();
        let value = value.trim();
        match key.as_str() {
            "NULLACTORS" | "ALLOWMISSINGACTOR" | "ALLOWMISSINGACTORS" => match value {
                "TRUE" | "YES" | "1" => options.allow_missing_actor = true,
                "FALSE" | "NO" | "0" => options.allow_missing_actor = false,
                _ => {}
            },
            "MAXGAP" | "SPAN" => {
                if let Ok(n) = value.parse::<usize>() {
                    options.max_gap = n;
                }
            }
            _ => {}
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_and_ignores_rest() {
        let o = parse("// c\nCOMPLEX: VERBS[5]\nSET: NULL ACTORS = true\nset: max gap = 9 ; x\nLABEL: 01=A\n~~\nSET: MAXGAP = 2");
        assert!(o.allow_missing_actor);
        assert_eq!(o.max_gap, 9);
        assert!(!o.no_actor_prior);
        assert!(parse("complex: verbs[5] conj[4] noactprior explain").no_actor_prior);
        assert_eq!(parse("garbage = \u{0}"), CodingOptions::default());
    }
}
