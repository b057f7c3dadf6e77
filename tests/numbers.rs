//! Numbers as the reader sees them, through the crate's public formatting functions: the
//! shortest decimal of a value rounded half to even, CLDR separators, signed changes.

use migration_charts::decimal::fixed;
use migration_charts::i18n::{format_change, format_count, format_number, format_percent, Lang};
use migration_charts::measure::share;

#[test]
fn halves_of_the_shortest_decimal_round_to_even() {
    assert_eq!(fixed(1.015, 2), "1.02");
    assert_eq!(fixed(0.125, 2), "0.12");
    assert_eq!(fixed(0.375, 2), "0.38");
    assert_eq!(fixed(2.5, 0), "2");
    let percent = share(Some(17.0), Some(2000.0)).unwrap_or(f64::NAN);
    assert_eq!(format_percent(percent, Lang::En), "0.8%");
    assert_eq!(format_percent(percent, Lang::Ru), "0,8\u{a0}%");
}

#[test]
fn tiny_huge_negative_and_missing_values() {
    assert_eq!(fixed(1e-7, 1), "0.0");
    assert_eq!(format_count(1e18, Lang::En), "1,000,000,000,000,000,000");
    assert_eq!(format_number(-96732.4, 0, Lang::Az), "-96.732");
    assert_eq!(format_number(-0.0, 1, Lang::En), "0.0");
    assert_eq!(format_number(-0.04, 1, Lang::En), "0.0");
    assert_eq!(format_number(f64::NAN, 1, Lang::En), "—");
    assert_eq!(format_number(f64::INFINITY, 1, Lang::En), "—");
    assert_eq!(fixed(f64::NAN, 1), "NaN");
}

#[test]
fn cldr_grouping_in_each_language() {
    assert_eq!(format_count(96732.0, Lang::En), "96,732");
    assert_eq!(format_count(96732.0, Lang::Az), "96.732");
    assert_eq!(format_count(96732.0, Lang::Ru), "96\u{a0}732");
}

#[test]
fn changes_carry_their_sign_unless_they_round_to_zero() {
    assert_eq!(format_change(0.5, Lang::En), "+0.5%");
    assert_eq!(format_change(-0.5, Lang::En), "-0.5%");
    assert_eq!(format_change(0.01, Lang::En), "0.0%");
    assert_eq!(format_change(56.25, Lang::Az), "+56,2%");
}
