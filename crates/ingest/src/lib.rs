//! Input readers (in progress).
