//! Value-to-position mapping and tick choice. Every bad range (empty, flat, non-finite) is
//! mended here, in one place, so drawing code never divides by zero.

#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub log: bool,
    /// Whether the values are percentages (% change, shares), labelled with "%".
    pub percent: bool,
    pub ticks: Vec<f64>,
}

/// 1, 2 or 5 times a power of ten, the smallest not below `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powi(raw.log10().floor() as i32);
    let f = raw / power;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Finite bounds with lo < hi, from whatever the data gave.
fn mend(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (lo.min(hi), lo.max(hi)),
        (true, false) => (lo, lo),
        (false, true) => (hi, hi),
        (false, false) => (0.0, 1.0),
    };
    if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = lo.abs() * 0.1;
        (lo - pad, hi + pad)
    }
}

impl Axis {
    /// A linear axis that includes zero (bars start at zero) with about `target` ticks,
    /// its ends rounded out to whole steps.
    pub fn linear(lo: f64, hi: f64, target: usize) -> Axis {
        let (lo, hi) = mend(lo.min(0.0), hi.max(0.0));
        let step = nice_step((hi - lo) / target.max(1) as f64);
        let min = (lo / step).floor() * step;
        let max = (hi / step).ceil() * step;
        let count = ((max - min) / step).round() as usize;
        // Multiplying (not accumulating) keeps tick values exact: 0.1 * 3 drifts, 3 * 0.1 less so.
        let ticks = (0..=count).map(|i| clean(min + i as f64 * step)).collect();
        Axis { min, max, log: false, percent: false, ticks }
    }

    /// A log axis over whole decades. Only positive values can be placed on it.
    pub fn log(lo: f64, hi: f64) -> Axis {
        let lo = if lo.is_finite() && lo > 0.0 { lo } else { 1.0 };
        let hi = if hi.is_finite() && hi > lo { hi } else { lo * 10.0 };
        let a = lo.log10().floor() as i32;
        let b = (hi.log10().ceil() as i32).max(a + 1);
        // A single decade also gets 2 and 5 times its bottom.
        let single = b - a == 1;
        let ticks = (a..=b)
            .map(|e| 10f64.powi(e))
            .flat_map(|power| {
                let between =
                    if single && power == 10f64.powi(a) { vec![2.0 * power, 5.0 * power] } else { Vec::new() };
                std::iter::once(power).chain(between)
            })
            .collect();
        Axis { min: 10f64.powi(a), max: 10f64.powi(b), log: true, percent: false, ticks }
    }

    /// The same axis, its values percentages.
    pub fn percent(self) -> Axis {
        Axis { percent: true, ..self }
    }

    /// Whether `v` has a place on the axis: finite, and positive on a log axis.
    pub fn places(&self, v: f64) -> bool {
        self.fraction(v).is_some()
    }

    /// Where `v` falls between the ends, 0 at `min` and 1 at `max`; `None` for what cannot be
    /// placed (non-finite, or not positive on a log axis).
    pub fn fraction(&self, v: f64) -> Option<f64> {
        if !v.is_finite() {
            return None;
        }
        if self.log {
            if v <= 0.0 {
                return None;
            }
            Some((v.log10() - self.min.log10()) / (self.max.log10() - self.min.log10()))
        } else {
            Some((v - self.min) / (self.max - self.min))
        }
    }

    /// Where bars start: zero, or the bottom of a log axis.
    pub fn baseline(&self) -> f64 {
        if self.log {
            self.min
        } else {
            0.0
        }
    }

    /// Decimals needed to tell the ticks apart.
    pub fn tick_decimals(&self) -> usize {
        let step = match self.ticks.as_slice() {
            [a, b, ..] if !self.log => (b - a).abs(),
            _ => self.min,
        };
        if step >= 1.0 || step <= 0.0 {
            0
        } else {
            (-step.log10().floor()) as usize
        }
    }
}

/// Rounds away float noise such as 0.30000000000000004.
fn clean(v: f64) -> f64 {
    // Adding zero turns -0.0 into 0.0 and leaves every other value as it is.
    (v * 1e9).round() / 1e9 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_nice_and_cover_the_data() {
        let a = Axis::linear(0.0, 96732.0, 4);
        assert_eq!(a.ticks, vec![0.0, 50000.0, 100000.0]);
        assert_eq!((a.min, a.max), (0.0, 100000.0));
        let b = Axis::linear(13.0, 25.0, 4);
        assert_eq!(b.ticks, vec![0.0, 10.0, 20.0, 30.0]);
        let c = Axis::linear(-27.4, 35.1, 4);
        assert_eq!(c.ticks, vec![-40.0, -20.0, 0.0, 20.0, 40.0]);
    }

    #[test]
    fn flat_and_empty_ranges_are_mended() {
        assert_eq!(Axis::linear(0.0, 0.0, 4).ticks, vec![0.0, 0.5, 1.0]);
        assert_eq!(Axis::linear(f64::NAN, f64::NAN, 4).max, 1.0);
        let a = Axis::linear(5.0, 5.0, 4);
        assert!(a.max >= 5.0 && a.min == 0.0);
    }

    #[test]
    fn fractions_are_exact() {
        let a = Axis::linear(0.0, 96732.0, 4);
        assert_eq!(a.fraction(50000.0), Some(0.5));
        assert_eq!(a.fraction(f64::INFINITY), None);
        let l = Axis::log(13.0, 96732.0);
        assert_eq!((l.min, l.max), (10.0, 100000.0));
        assert_eq!(l.fraction(1000.0), Some(0.5));
        assert_eq!(l.fraction(0.0), None);
    }

    #[test]
    fn one_decade_log_axis_gets_intermediate_ticks() {
        assert_eq!(Axis::log(13.0, 25.0).ticks, vec![10.0, 20.0, 50.0, 100.0]);
    }

    #[test]
    fn clean_gives_positive_zero() {
        assert!(clean(-1e-12).is_sign_positive() && clean(-1e-12) == 0.0);
        assert_eq!(clean(0.1 * 3.0), 0.3);
        assert_eq!(clean(-2.5), -2.5);
    }

    #[test]
    fn tick_decimals() {
        assert_eq!(Axis::linear(0.0, 0.3, 4).tick_decimals(), 1);
        assert_eq!(Axis::linear(0.0, 500.0, 4).tick_decimals(), 0);
    }
}
