//! Property tests: the dataset parser and the URL-hash parser, fed arbitrary input and
//! mutations of valid input, never panic and always answer with a valid value or a specific error;
//! numbers printed by `decimal` read back as themselves.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use migration_charts::data::{self, EMBEDDED_JSON};
use migration_charts::view::ViewState;
use migration_charts::{chart, hit};
use proptest::prelude::*;

/// A parsed dataset must be internally consistent: what the charts rely on.
fn assert_valid(d: &data::Dataset) {
    assert!(!d.groups.is_empty() && !d.reports.is_empty() && !d.indicators.is_empty());
    for i in &d.indicators {
        assert_eq!(i.values.len(), d.reports.len());
        assert!(i.group < d.groups.len());
        assert!(i.values.iter().flatten().all(|v| v.is_finite() && *v >= 0.0 && v.fract() == 0.0));
    }
    for r in &d.relations {
        assert!(r.total < d.indicators.len() && r.parts.iter().all(|&p| p < d.indicators.len()));
    }
}

fn check(text: &str) {
    match data::parse(text) {
        Ok(d) => {
            assert_valid(&d);
            // And every view of it lays out without a panic.
            for hash in
                ["", "view=compare", "view=compare&mode=change&scale=log&mark=lines", "view=breakdown&stack=percent"]
            {
                let marks = chart::marks(&d, &ViewState::from_hash(hash), 640.0, 400.0);
                let _ = hit::hit(&marks, 100.0, 100.0);
            }
        }
        Err(e) => {
            for lang in migration_charts::i18n::Lang::ALL {
                assert!(!e.message(lang).trim().is_empty(), "an empty error message");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_valid_files_parse_or_fail_specifically(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6)
    ) {
        let mut text: Vec<char> = EMBEDDED_JSON.chars().collect();
        for (at, op, c) in edits {
            if text.is_empty() { break; }
            let i = at.index(text.len());
            match op {
                0 => { text.remove(i); }
                1 => text.insert(i, c),
                _ => text[i] = c,
            }
        }
        check(&text.into_iter().collect::<String>());
    }

    #[test]
    fn numbers_in_values_are_validated(v in prop_oneof![
        any::<f64>().prop_map(|f| f.to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
        Just("1e300".to_string()), Just("-0".to_string()), Just("null".to_string()),
    ]) {
        let json = format!(
            r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{{"id":"a","label":"A"}}],
               "indicators":[{{"id":"x","group":"g","label":"X","values":[{v}]}}]}}"#
        );
        check(&json);
    }

    #[test]
    fn hash_parsing_is_total_and_round_trips(hash in ".{0,200}") {
        let state = ViewState::from_hash(&hash);
        prop_assert_eq!(ViewState::from_hash(&state.to_hash()), state);
    }

    #[test]
    fn hash_of_known_keys_round_trips(
        view in prop::sample::select(vec!["overview", "compare", "breakdown", "table", "pie"]),
        ids in proptest::collection::vec("[a-z0-9-]{1,12}", 0..4),
        lang in prop::sample::select(vec!["en", "az", "ru", "xx"]),
    ) {
        let hash = format!("view={view}&indicators={}&lang={lang}", ids.join(","));
        let state = ViewState::from_hash(&hash);
        prop_assert_eq!(ViewState::from_hash(&state.to_hash()), state);
    }
}

proptest! {
    /// Any finite number prints with exactly `d` decimals and reads back as itself, rounded.
    #[test]
    fn decimal_text_reads_back(v in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO, d in 0usize..4) {
        let text = migration_charts::decimal::fixed(v, d);
        let fraction = text.split_once('.').map_or(0, |(_, f)| f.len());
        prop_assert_eq!(fraction, d, "{}", text);
        let back: f64 = text.parse().unwrap();
        let step = 10f64.powi(-(d as i32));
        prop_assert!((back - v).abs() <= step / 2.0 + v.abs() * 1e-14, "{} printed as {}", v, text);
    }
}
