//! The CAMEO event ontology (in progress): codes, labels, Goldstein, QuadClass, PLOVER.

/// Facts about one CAMEO event code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code (`"041"`).
    pub code: &'static str,
    /// The label (`"Discuss by telephone"`).
    pub label: &'static str,
    /// Goldstein score, -10..=10.
    pub goldstein: f32,
    /// QuadClass 1..=4 (verbal coop, material coop, verbal conflict, material conflict).
    pub quad_class: u8,
    /// PLOVER event type (`"CONSULT"`).
    pub plover_type: &'static str,
    /// PLOVER mode, when the crosswalk gives one.
    pub plover_mode: Option<&'static str>,
}

/// Looks up a code; `None` when it is not a CAMEO code.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    let _ = code;
    None
}
