//! Properties over generated valid datasets (random sizes, labels of any printable Unicode,
//! numbers at the edges): every view draws to SVG without a panic, and the SVG is well-formed
//! XML; the CSV reads back through the `csv` crate to the dataset's own cells; hit testing finds
//! every mark at its centre.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use migration_charts::backend::Estimate;
use migration_charts::data::{self, Dataset};
use migration_charts::view::{View, ViewState};
use migration_charts::{chart, hit, table, theme};
use proptest::prelude::*;
use serde_json::json;

const VIEWS: [&str; 8] = [
    "view=overview",
    "view=compare&indicators=all",
    "view=compare&mark=lines&mode=indexed",
    "view=compare&mode=change",
    "view=compare&scale=log&mark=lines",
    "view=breakdown",
    "view=breakdown&stack=percent",
    "view=table",
];

/// A label as a reader might write it: any printable characters, not blank.
fn label() -> impl Strategy<Value = String> {
    "[^\\p{C}]{1,40}".prop_filter("not blank", |s| !s.trim().is_empty())
}

/// A count: missing, small, or near the format's limit of 10^15.
fn value() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        Just(None),
        Just(Some(0)),
        (0u64..100).prop_map(Some),
        (0u64..100_000).prop_map(Some),
        Just(Some(999_999_999_999_999)),
    ]
}

fn dataset() -> impl Strategy<Value = (String, Vec<String>)> {
    (1usize..30, 1usize..9).prop_flat_map(|(reports, indicators)| {
        (
            proptest::collection::vec(label(), reports),
            proptest::collection::vec((label(), proptest::collection::vec(value(), reports)), indicators),
            any::<bool>(),
        )
            .prop_map(move |(report_labels, rows, related)| {
                let ids: Vec<String> = (0..rows.len()).map(|i| format!("i{i}")).collect();
                let file = json!({
                    "groups": [{"id": "g", "label": "G"}],
                    "reports": report_labels.iter().enumerate()
                        .map(|(r, l)| json!({"id": format!("r{r}"), "label": l})).collect::<Vec<_>>(),
                    "indicators": rows.iter().zip(&ids)
                        .map(|((l, v), id)| json!({"id": id, "group": "g", "label": l, "values": v}))
                        .collect::<Vec<_>>(),
                    "relations": if related && ids.len() > 1 {
                        json!([{"total": ids[0], "parts": ids[1..]}])
                    } else {
                        json!([])
                    },
                });
                (file.to_string(), ids)
            })
    })
}

/// A CSV cell as the table writes a label: a leading formula character is escaped with `'`.
fn as_csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn check_csv(data: &Dataset, state: &ViewState) {
    let text = table::csv(data, state);
    if text.is_empty() {
        // Only a Breakdown of a dataset without a total and its parts has nothing to export.
        assert!(state.view == View::Breakdown && data.relations.is_empty(), "an empty CSV for {state:?}");
        return;
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 5);
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("the CSV does not read back: {e}\n{text}"));
        assert_eq!(record.len(), 5);
        let indicator = data.indicators.iter().find(|i| i.id == record[0]).expect("a known indicator id");
        assert_eq!(record[1], as_csv_text(indicator.label.get(state.lang)));
        let report = data.reports.iter().find(|r| r.id == record[2]).expect("a known report id");
        assert_eq!(record[3], as_csv_text(report.label.get(state.lang)));
        assert!(record[4].is_empty() || record[4].parse::<f64>().is_ok(), "a number or a gap: {:?}", &record[4]);
    }
}

fn check_marks(data: &Dataset, state: &ViewState) {
    let marks = chart::marks(data, state, 640.0, 400.0);
    for (i, t) in marks.targets().iter().enumerate() {
        if t.mark.w < 1.0 || t.mark.h < 1.0 || t.shown.is_none() {
            continue;
        }
        let (x, y) = (t.mark.x + t.mark.w / 2.0, t.mark.y + t.mark.h / 2.0);
        let found = hit::hit(&marks, x, y).unwrap_or_else(|| panic!("nothing at the centre of {t:?}"));
        // Another mark at the very same place (two lines through one point) may answer instead.
        let other = &marks.targets()[found].mark;
        assert!(found == i || other.contains(x, y), "{t:?} found {:?}", marks.targets()[found]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_datasets_draw_export_and_hit((file, _ids) in dataset()) {
        let data = data::parse(&file).unwrap_or_else(|e| panic!("a generated file is valid: {e}\n{file}"));
        for view in VIEWS {
            for lang in ["en", "ru"] {
                let state = ViewState::from_hash(&format!("{view}&lang={lang}"));
                let height = chart::preferred_height(&data, &state, 640.0).unwrap_or(400.0);
                let (svg, _) = chart::svg(&data, &state, chart::pixels(640.0, height), &theme::LIGHT, Estimate)
                    .unwrap_or_else(|e| panic!("{view}: {e}"));
                if let Err(e) = roxmltree::Document::parse(&svg) {
                    panic!("{view}: the SVG is not XML: {e}");
                }
                let _ = table::html(&data, state.lang);
                check_csv(&data, &state);
            }
            check_marks(&data, &ViewState::from_hash(view));
        }
    }
}
