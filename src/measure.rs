//! The arithmetic behind the modes: indexed values, % change, shares. Missing values and
//! division by zero give `None`, which every surface shows as a gap, never as a number.

use crate::data::Dataset;
use crate::view::Mode;

/// `values` re-based so the first report is 100. No base (missing or zero) means no index.
pub fn indexed(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let base = values.first().copied().flatten().filter(|b| *b != 0.0);
    // A plain loop: `map` and `collect` instantiate the iterator machinery for this one use.
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        out.push(match (v, base) {
            (Some(v), Some(base)) => Some(v / base * 100.0),
            _ => None,
        });
    }
    out
}

/// Percentage change between two values; `None` without a non-zero previous value.
pub fn change_between(previous: Option<f64>, current: Option<f64>) -> Option<f64> {
    let (p, c) = (previous?, current?);
    (p != 0.0).then(|| (c - p) / p * 100.0)
}

/// % change from each report to the next; the first report has none.
pub fn changes(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(values.len());
    let mut previous = None;
    for &v in values {
        out.push(change_between(previous, v));
        previous = v;
    }
    out
}

/// `part` as a percentage of `total`.
pub fn share(part: Option<f64>, total: Option<f64>) -> Option<f64> {
    let (p, t) = (part?, total?);
    (t != 0.0).then(|| p / t * 100.0)
}

/// The largest of `values`, and at least zero.
pub fn peak(values: &[Option<f64>]) -> f64 {
    let mut peak: f64 = 0.0;
    // A plain loop, not flatten/fold: smaller in wasm.
    for v in values {
        let Some(v) = v else { continue };
        peak = peak.max(*v);
    }
    peak
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
    }
}
