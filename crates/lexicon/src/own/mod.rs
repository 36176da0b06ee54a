//! dyad own format (in progress).
