//! The coder (in progress).
