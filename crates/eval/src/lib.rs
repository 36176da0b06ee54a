//! Validation suites and scoring (in progress).
