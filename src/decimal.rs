//! Numbers as text for people: a fixed number of decimals, rounded the way CLDR and ICU round.
//!
//! Rounding works on the shortest decimal that reads back as the same `f64` (what `{}` and
//! `{:e}` print), not on the binary value: `1.015` is stored a hair below 1.015, yet a reader
//! who sees "1.015" expects "1.02". Halves of the last kept place round to even, CLDR's default.

use std::fmt::Write;

/// The most fraction digits `fixed` writes; an `f64` has at most 17 significant digits, so
/// more would only be zeros after the shortest representation's last digit.
pub const MAX_DECIMALS: usize = 20;

/// `value` with exactly `decimals` fraction digits (at most [`MAX_DECIMALS`]), '.' as the
/// point and a leading '-' for negatives that do not round to zero (no "-0"). Halves of the
/// last place round to even (`56.25` → `56.2`, `0.125` → `0.12`); like ICU, a value is taken at
/// its shortest decimal, so `1.015` is a half although its binary value is a hair below.
/// Non-finite values give "NaN", "inf" or "-inf" (callers decide how to show a gap).
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let decimals = decimals.min(MAX_DECIMALS);
    let digits = scaled_digits(value.abs(), decimals);
    let is_zero = digits.bytes().all(|b| b == b'0');
    let sign = if value < 0.0 && !is_zero { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{digits}");
    }
    // At least one digit before the point: 0.04 with one decimal is "0.0", not ".0".
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (int_part, frac_part) = digits.split_at(digits.len() - decimals);
    format!("{sign}{int_part}.{frac_part}")
}

/// The digits of `value` (finite, ≥ 0) times 10^decimals, rounded half to even on the shortest
/// decimal representation of `value`. No leading zeros; zero is "0".
fn scaled_digits(value: f64, decimals: usize) -> String {
    let Shortest { digits, exponent } = Shortest::of(value);
    // How many digits the scaled value has before its point.
    let whole = exponent + 1 + decimals as i32;
    let Ok(whole) = usize::try_from(whole) else {
        // Below a tenth of the last kept place: it rounds to zero.
        return "0".to_string();
    };
    let (kept, dropped) = digits.split_at(whole.min(digits.len()));
    let mut kept = kept.to_vec();
    kept.resize(whole, b'0');
    if rounds_up(kept.last().copied(), dropped) {
        increment(&mut kept);
    }
    let text: String = kept.iter().map(|&b| char::from(b)).collect();
    match text.trim_start_matches('0') {
        "" => "0".to_string(),
        trimmed => trimmed.to_string(),
    }
}

/// A finite, non-negative `f64` as its shortest round-trip digits (ASCII, no point) and the
/// decimal exponent of the first digit: 1.015 is ("1015", 0), 0.00123 is ("123", -3).
struct Shortest {
    digits: Vec<u8>,
    exponent: i32,
}

impl Shortest {
    fn of(value: f64) -> Shortest {
        let text = format!("{value:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        Shortest {
            digits: mantissa.bytes().filter(u8::is_ascii_digit).collect(),
            exponent: exponent.parse().unwrap_or(0),
        }
    }
}

/// Whether dropping `dropped` (ASCII digits) after a kept digit `last` rounds up, half to even.
fn rounds_up(last: Option<u8>, dropped: &[u8]) -> bool {
    let Some((&first, rest)) = dropped.split_first() else {
        return false;
    };
    let odd = last.is_some_and(|d| (d - b'0') % 2 == 1);
    match first.cmp(&b'5') {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => odd || rest.iter().any(|&d| d != b'0'),
    }
}

/// Adds one to a number written as ASCII digits, growing it by a digit on a carry out (99 → 100).
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

/// A count (an index, a length) as digits.
pub fn count(n: usize) -> String {
    n.to_string()
}

/// Appends `byte` as two uppercase hex digits (colours, percent escapes).
pub fn push_hex(out: &mut String, byte: u8) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{byte:02X}");
}

/// A CSS or SVG length: at most two decimals, trailing zeros dropped ("12", "12.5", "0.25").
pub fn short(value: f64) -> String {
    let text = fixed(value, 2);
    if !value.is_finite() {
        return text;
    }
    text.trim_end_matches('0').trim_end_matches('.').to_string()
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
    fn fixed_rounds_the_shortest_decimal_half_to_even() {
        // Stored a hair below 1.015, but shown and read as 1.015: a half, 1 is odd, so up.
        assert_eq!(fixed(1.015, 2), "1.02");
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(0.375, 2), "0.38");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(0.5, 0), "0");
        assert_eq!(fixed(1.5, 0), "2");
        // 17 of 2000 as a percentage is 0.85, a half: 8 is even, so down. Computed as
        // 17 / 2000 * 100 it is 0.8500000000000001, above the half (`measure` divides last).
        assert_eq!(fixed(17.0 * 100.0 / 2000.0, 1), "0.8");
        assert_eq!(fixed(17.0 / 2000.0 * 100.0, 1), "0.9");
        assert_eq!(fixed(222.35, 1), "222.4");
        assert_eq!(fixed(9.995, 2), "10.00");
        assert_eq!(fixed(99.96, 1), "100.0");
        assert_eq!(fixed(0.051, 1), "0.1");
    }

    #[test]
    fn fixed_handles_tiny_huge_negative_and_non_finite_values() {
        assert_eq!(fixed(1e-7, 2), "0.00");
        assert_eq!(fixed(1e-7, 7), "0.0000001");
        assert_eq!(fixed(1.5e-7, 7), "0.0000002");
        assert_eq!(fixed(-1e-7, 2), "0.00");
        assert_eq!(fixed(1e300, 0).len(), 301);
        assert_eq!(fixed(123456789012345680000.0, 0), "123456789012345680000");
        assert_eq!(fixed(-1.015, 2), "-1.02");
        assert_eq!(fixed(-2.5, 0), "-2");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(-0.4, 0), "0");
        assert_eq!(fixed(f64::INFINITY, 0), "inf");
        assert_eq!(fixed(1.0, 100).len(), 2 + MAX_DECIMALS);
    }

    #[test]
    fn counts_and_hex() {
        assert_eq!(count(0), "0");
        assert_eq!(count(96_732), "96732");
        let mut hex = String::from("#");
        for b in [0x0f, 0xa0, 0xff] {
            push_hex(&mut hex, b);
        }
        assert_eq!(hex, "#0FA0FF");
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
        assert_eq!(short(100.0), "100");
        assert_eq!(short(-3.10), "-3.1");
        assert_eq!(short(f64::NAN), "NaN");
    }
}
