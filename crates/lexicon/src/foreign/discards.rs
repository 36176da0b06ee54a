//! Discard lists (TABARI and PETRARCH): one phrase per line, `+` for a
//! story-level discard.

use crate::model::{Discard, DiscardScope, Lexicon};

use super::text::{parse_phrase, Lines};
use super::Ctx;

/// Reads a discard list. A line holding a tab or a quote, or any of
/// `[ ] { } |`, is not a phrase and is reported instead of loaded.
pub(crate) fn parse(text: &str, file: &str) -> Lexicon {
    let mut ctx = Ctx::new(file);
    let mut finished = false;
    for line in Lines::new(text) {
        let t: &str = &line.text;
        if t.is_empty() {
            continue;
        }
        if finished {
            ctx.warn(line.no, format!("text after the ~~FINISH mark ignored: {t:?}"));
            continue;
        }
        if t.starts_with("~~") {
            finished = true;
            continue;
        }
        // Spreadsheet rows: tab-separated fields before any comment, or the
        // empty cells a spreadsheet pads a row with.
        let before_comment = line.raw.split(['#', ';']).next().unwrap_or("");
        let tabular = before_comment.trim().contains('\t') || line.raw.matches('\t').count() >= 3;
        if tabular || t.contains(['\t', '"', '[', ']', '{', '}', '|']) {
            let shown: String = t.chars().take(60).collect();
            ctx.warn(
                line.no,
                format!("not a discard phrase (tab-separated or bracketed data): {shown:?}; skipped"),
            );
            continue;
        }
        let (scope, phrase_text) = match t.strip_prefix('+') {
            Some(rest) => (DiscardScope::Story, rest),
            None => (DiscardScope::Sentence, t),
        };
        match parse_phrase(phrase_text, false) {
            Some(phrase) => {
                let rule = ctx.rule(line.no, t);
                ctx.lex.discards.push(Discard { phrase, scope, rule });
            }
            None => ctx.warn(line.no, format!("empty discard phrase {t:?}; skipped")),
        }
    }
    ctx.lex
}
