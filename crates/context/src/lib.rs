//! Whole-article context for dyad: when and where events happen.
//!
//! * [`dates`] finds date expressions in a sentence ("on Wednesday", "il 13 settembre",
//!   "el mes pasado", "letzte Woche") in English, Italian, Spanish, French and German and
//!   resolves them against the publication date; [`dates::parse_dateline`] reads the date
//!   of a dateline such as `ROME, March 3 (Reuters) -`.
//! * [`gazetteer`] is an embedded gazetteer of countries, first-level regions, cities of at
//!   least 15,000 people and hand-written areas ("the Sahel", "Medio Oriente"), with
//!   GDELT ActionGeo-style fields, a lookup by name and a place-mention finder.
//!
//! The crate depends on neither the coder nor the lexicon; the coder uses it.
//!
//! ```
//! use chrono::NaiveDate;
//! use dyad_context::dates::{find_dates, Precision};
//! use dyad_context::gazetteer::Gazetteer;
//!
//! let published = NaiveDate::from_ymd_opt(2024, 3, 8).unwrap(); // a Friday
//! let found = find_dates("Il ministro è arrivato lunedì a Parigi.", "it", published);
//! assert_eq!(found[0].date, NaiveDate::from_ymd_opt(2024, 3, 4).unwrap());
//! assert_eq!(found[0].precision, Precision::Day);
//!
//! let gaz = Gazetteer::embedded();
//! let paris = gaz.resolve(&gaz.lookup("Parigi"), &[]).unwrap();
//! assert_eq!(paris.cameo, "FRA");
//! let mentions = gaz.find_places("Talks opened in Paris and the Sahel.", "en");
//! assert_eq!(mentions.len(), 2);
//! ```

pub mod dates;
pub mod gazetteer;
mod normalize;
