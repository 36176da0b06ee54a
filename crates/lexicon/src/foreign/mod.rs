//! TABARI / PETRARCH loaders (in progress).
