//! The error type of dictionary loading.

use std::path::PathBuf;

/// A dictionary could not be loaded.
///
/// Messages name the file and, where there is one, the line and the entry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The file could not be read.
    #[error("{path}: cannot read dictionary: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not valid UTF-8 (and no fallback decoding applied).
    #[error("{path}: dictionary is not valid UTF-8 near byte {offset}")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A line violates the format (dyad's own format is validated strictly).
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: u32,
        /// What is wrong, naming the offending text.
        message: String,
    },
}

/// The result type of dictionary loading.
pub type Result<T> = std::result::Result<T, LexiconError>;
