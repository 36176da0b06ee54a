//! Dictionaries for dyad.
//!
//! Every loader produces the same [`Lexicon`] model:
//! - [`own`]: dyad's own, documented line format and the built-in dictionaries;
//! - [`foreign`]: TABARI and PETRARCH(-2) verb, actor, agent, discard and options files.
//!
//! The coder compiles a [`Lexicon`] into its matching automata; this crate
//! knows nothing about sentences or events.

pub mod error;
pub mod foreign;
pub mod model;
pub mod own;

pub use error::{LexiconError, Result};
pub use model::*;
