//! The dataset model: indicators in groups, values per report, part-of-total relations.

mod error;
mod parse;
mod raw;

pub use error::{DataError, Name, Place, Problem};
pub use parse::{parse, MAX_BYTES};

use crate::i18n::Lang;

/// The State Migration Service dataset, embedded at compile time.
pub const EMBEDDED_JSON: &str = include_str!("../../data/migration-az.json");

/// A label in the three languages; missing translations fall back to English.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub en: String,
    pub az: Option<String>,
    pub ru: Option<String>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        let translation = match lang {
            Lang::En => None,
            Lang::Az => self.az.as_deref(),
            Lang::Ru => self.ru.as_deref(),
        };
        translation.unwrap_or(&self.en)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    pub publisher: Text,
    pub url: String,
    pub last_updated: String,
    pub note: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub id: String,
    pub label: Text,
    pub short: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub group: usize,
    pub label: Text,
    pub short: Text,
    /// What is counted, in the plural, as the source's wording names it ("applications",
    /// "cases"); none if the file does not say.
    pub unit: Option<Text>,
    /// One entry per report; `None` where the source has no value.
    pub values: Vec<Option<f64>>,
}

/// `total` is the sum of `parts` in every report (indices into `indicators`).
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// In `report`, the parts of the relation with total `total` add up to `parts`, not `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    pub total: usize,
    pub report: usize,
    pub parts: f64,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub title: Text,
    /// What the report axis shows, e.g. "Reports in the source page's order; months not given";
    /// none if unset.
    pub axis: Option<Text>,
    pub source: Source,
    pub groups: Vec<Group>,
    pub reports: Vec<Report>,
    pub indicators: Vec<Indicator>,
    pub relations: Vec<Relation>,
    /// Relations whose parts do not add up: drawn as given, with a warning in the widget.
    pub warnings: Vec<Mismatch>,
}

impl Dataset {
    /// The embedded dataset. It is checked by the test suite, so the error arm is unreachable in
    /// practice; it still returns an error rather than panicking.
    pub fn embedded() -> Result<Dataset, DataError> {
        parse(EMBEDDED_JSON)
    }

    /// The embedded dataset, for unit tests.
    #[cfg(test)]
    pub(crate) fn for_tests() -> Dataset {
        match Dataset::embedded() {
            Ok(data) => data,
            Err(e) => panic!("the embedded dataset does not parse: {e}"),
        }
    }

    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    pub fn value(&self, indicator: usize, report: usize) -> Option<f64> {
        self.indicators.get(indicator)?.values.get(report).copied().flatten()
    }

    /// The relation in which `indicator` is a part, with the total's index.
    pub fn total_of(&self, indicator: usize) -> Option<usize> {
        self.relations.iter().find(|r| r.parts.contains(&indicator)).map(|r| r.total)
    }
}
