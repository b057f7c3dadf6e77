//! The arithmetic behind the modes: indexed values, % change, shares. Missing values and
//! division by zero give `None`, which every surface shows as a gap, never as a number.
//!
//! Percentages multiply by 100 before they divide: for whole counts the product is exact, so
//! the one division is the only rounding and the result is the `f64` nearest the true ratio
//! (17 of 2000 is 0.85, where `17 / 2000 * 100` gives 0.8500000000000001 and would round up).

use crate::data::Dataset;
use crate::view::Mode;

/// `values` re-based so the first report is 100. No base (missing or zero) means no index.
pub fn indexed(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let base = values.first().copied().flatten().filter(|b| *b != 0.0);
    values.iter().map(|v| Some(v.as_ref()? * 100.0 / base?)).collect()
}

/// Percentage change between two values; `None` without a non-zero previous value.
pub fn change_between(previous: Option<f64>, current: Option<f64>) -> Option<f64> {
    let (p, c) = (previous?, current?);
    (p != 0.0).then(|| (c - p) * 100.0 / p)
}

/// % change from each report to the next; the first report has none.
pub fn changes(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let previous = std::iter::once(None).chain(values.iter().copied());
    previous.zip(values).map(|(p, &v)| change_between(p, v)).collect()
}

/// `part` as a percentage of `total`.
pub fn share(part: Option<f64>, total: Option<f64>) -> Option<f64> {
    let (p, t) = (part?, total?);
    (t != 0.0).then(|| p * 100.0 / t)
}

/// The largest of `values`, and at least zero.
pub fn peak(values: &[Option<f64>]) -> f64 {
    values.iter().flatten().fold(0.0, |peak, &v| peak.max(v))
}

/// The values one indicator shows in `mode`.
pub fn shown(data: &Dataset, indicator: usize, mode: Mode) -> Vec<Option<f64>> {
    let values = data.indicators.get(indicator).map(|i| i.values.as_slice()).unwrap_or(&[]);
    match mode {
        Mode::Absolute => values.to_vec(),
        Mode::Indexed => indexed(values),
        Mode::Change => changes(values),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_rebases_on_the_first_report() {
        let v = [Some(200.0), Some(100.0), None, Some(300.0)];
        assert_eq!(indexed(&v), vec![Some(100.0), Some(50.0), None, Some(150.0)]);
        assert_eq!(indexed(&[Some(0.0), Some(5.0)]), vec![None, None]);
        assert_eq!(indexed(&[None, Some(5.0)]), vec![None, None]);
    }

    #[test]
    fn changes_need_a_non_zero_previous_value() {
        let v = [Some(100.0), Some(125.0), Some(0.0), Some(10.0), None, Some(3.0)];
        assert_eq!(changes(&v), vec![None, Some(25.0), Some(-100.0), None, None, None]);
    }

    #[test]
    fn shares() {
        assert_eq!(share(Some(198.0), Some(2792.0)).map(|s| (s * 100.0).round() / 100.0), Some(7.09));
        assert_eq!(share(Some(1.0), Some(0.0)), None);
        assert_eq!(share(None, Some(3.0)), None);
        // Exactly the f64 nearest 0.85, so that it prints as 0.85 and rounds as a half.
        assert_eq!(share(Some(17.0), Some(2000.0)), Some(0.85));
        assert_eq!(change_between(Some(16.0), Some(25.0)), Some(56.25));
        assert_eq!(indexed(&[Some(3.0), Some(1.0)]), vec![Some(100.0), Some(100.0 / 3.0)]);
    }

    #[test]
    fn peak_is_the_largest_value_and_at_least_zero() {
        assert_eq!(peak(&[Some(3.0), None, Some(7.5), Some(1.0)]), 7.5);
        assert_eq!(peak(&[None, Some(-4.0)]), 0.0);
        assert_eq!(peak(&[]), 0.0);
    }
}
