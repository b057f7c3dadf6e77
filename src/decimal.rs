//! Numbers as text, without core's float and integer formatting.
//!
//! `format!("{}", f64)` and `format!("{:.1}", f64)` pull core's exact float printing (Grisu and
//! Dragon with their tables) into the wasm: about a tenth of the module. Everything the product
//! prints is a count, a rounded percentage, a pixel position or an alpha, so rounding a scaled
//! value to an integer and placing the point is all it needs.

/// `value` with exactly `decimals` fraction digits, '.' as the point and a leading '-' for
/// negatives that do not round to zero. Halves of the last place round to even, CLDR's default
/// (`56.25` → `56.2`); like ICU, a value is taken at its shortest decimal, so `222.35` is a half
/// although its binary value is a hair below. Non-finite values give "NaN", "inf" or "-inf"
/// (callers decide how to show a gap).
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN"
        } else if value > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let decimals = decimals.min(9);
    let (mut scaled, zeros) = scaled(value.abs(), decimals);
    // Digits are written from the last one, each in front of the text: first the zeros past
    // u64, then the scaled value's own, with the point after `decimals` of them and at least
    // one digit before it (0.04 with one decimal is "0.0", not ".0"). By hand rather than
    // `u64::to_string`, whose formatting code is larger than this loop.
    let negative = value < 0.0 && scaled != 0;
    let mut text = String::new();
    let mut written = 0;
    loop {
        if written == decimals && decimals > 0 {
            text.insert(0, '.');
        }
        let digit = if written < zeros {
            0
        } else {
            let d = scaled % 10;
            scaled /= 10;
            d
        };
        text.insert(0, char::from(b'0' + digit as u8));
        written += 1;
        if scaled == 0 && written > decimals && written >= zeros {
            break;
        }
    }
    if negative {
        text.insert(0, '-');
    }
    text
}

/// A count (an index, a length) as digits.
pub fn count(n: usize) -> String {
    fixed(n as f64, 0)
}

/// Appends `byte` as two uppercase hex digits (colours, percent escapes): by hand rather than
/// `{:02X}`, which brings in core's integer formatting.
pub fn push_hex(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for digit in [byte >> 4, byte & 15] {
        out.push(char::from(HEX.get(usize::from(digit)).copied().unwrap_or(b'0')));
    }
}

/// `value` (finite, ≥ 0) times 10^decimals, rounded, plus a count of trailing zeros for
/// magnitudes past u64 (beyond f64's 17 significant digits those places are noise anyway).
fn scaled(value: f64, decimals: usize) -> (u64, usize) {
    // Shrunk before it is scaled too, so that near f64::MAX the product cannot overflow.
    let (value, before) = shrink(value);
    let (scaled, after) = shrink(value * 10f64.powi(decimals as i32));
    (scaled.round_ties_even() as u64, before + after)
}

/// `value` divided by a power of ten to below 10^18, and that power. One division, not one per
/// digit, so that the rounding errors do not add up.
fn shrink(value: f64) -> (f64, usize) {
    if value < 1e18 {
        return (value, 0);
    }
    let mut times = (value.log10().floor() as i32 - 17).max(1);
    let mut shrunk = value / 10f64.powi(times);
    // log10 may round up past a power of ten.
    while shrunk >= 1e18 {
        shrunk /= 10.0;
        times += 1;
    }
    (shrunk, times as usize)
}

/// A CSS or SVG length: at most two decimals, trailing zeros dropped ("12", "12.5", "0.25").
pub fn short(value: f64) -> String {
    let mut text = fixed(value, 2);
    // Finite values always have ".dd" here, so the point stops the zeros from being dropped
    // into the integer part; non-finite ones ("NaN", "inf") end in neither.
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_places_the_point_and_rounds_halves_to_even() {
        assert_eq!(fixed(0.0, 0), "0");
        assert_eq!(fixed(1234.0, 0), "1234");
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(0.25, 1), "0.2");
        assert_eq!(fixed(0.35, 1), "0.4");
        assert_eq!(fixed(-0.25, 1), "-0.2");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(56.25, 1), "56.2");
        assert_eq!(fixed(0.06, 1), "0.1");
        assert_eq!(fixed(0.05, 1), "0.0");
        assert_eq!(fixed(0.004, 2), "0.00");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-7.0, 1), "-7.0");
        assert_eq!(fixed(1e15, 0), "1000000000000000");
        assert_eq!(fixed(1e20, 1), "100000000000000000000.0");
        // Near the largest f64 the scaling must not overflow (it would never finish).
        let max = fixed(f64::MAX, 2);
        assert_eq!(max.len(), 309 + 3, "{max}");
        assert!(max.starts_with("179769313486231") && max.ends_with("0.00"), "{max}");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
    }

    #[test]
    fn fixed_agrees_with_core_where_no_half_is_involved() {
        // Core rounds the exact binary value; away from (near-)halves the two agree.
        let near_half = |scaled: f64| ((scaled.abs().fract()) - 0.5).abs() < 1e-6;
        // Core keeps the sign of a negative that rounds to zero ("-0.0"); `fixed` drops it.
        let core = |s: String| match s.strip_prefix('-') {
            Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
            _ => s,
        };
        let mut compared = 0;
        for i in -20_000..20_000 {
            let v = f64::from(i) * 0.0137 + 0.001;
            if !near_half(v * 10.0) {
                assert_eq!(fixed(v, 1), core(format!("{v:.1}")), "{v}");
                compared += 1;
            }
            assert_eq!(fixed(v * 1e6 + 0.1, 0), core(format!("{:.0}", v * 1e6 + 0.1)), "{v}");
        }
        assert!(compared > 39_000, "{compared}");
    }

    #[test]
    fn short_drops_trailing_zeros() {
        assert_eq!(short(12.0), "12");
        assert_eq!(short(12.5), "12.5");
        assert_eq!(short(0.25), "0.25");
        assert_eq!(short(-0.001), "0");
        assert_eq!(short(9.6774), "9.68");
    }
}
