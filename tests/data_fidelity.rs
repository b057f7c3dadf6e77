//! Every number the product shows traces back to the source captures kept in `data/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // tests may stop at the first failure

use migration_charts::data::Dataset;

const CAPTURE: &str = include_str!("../data/source-statistics-page-9.txt");
const FEBRUARY_AZ: &str = include_str!("../data/source-february-2017-az.txt");

fn dataset() -> Dataset {
    match Dataset::embedded() {
        Ok(d) => d,
        Err(e) => panic!("the embedded dataset does not parse: {e}"),
    }
}

/// Collapses runs of white space, as the capture's bullets are irregularly spaced.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The capture's bullet lines as (wording, number), in page order.
fn bullets(text: &str) -> Vec<(String, f64)> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('•'))
        .filter_map(|l| {
            let l = l.trim().trim_start_matches('•').trim();
            let (wording, number) = l.rsplit_once(['-', '–'])?;
            Some((squash(wording), number.trim().parse().ok()?))
        })
        .collect()
}

#[test]
fn all_forty_numbers_match_the_capture() {
    let data = dataset();
    let lines = bullets(CAPTURE);
    assert_eq!(lines.len(), 40, "the capture holds 5 reports of 8 indicators");
    assert_eq!(data.reports.len(), 5);
    assert_eq!(data.indicators.len(), 8);
    for (n, (wording, number)) in lines.iter().enumerate() {
        let (report, indicator) = (n / 8, n % 8);
        let ind = &data.indicators[indicator];
        assert_eq!(ind.values[report], Some(*number), "{} in report {}", ind.id, report + 1);
        assert_eq!(source_wording(indicator, "en"), *wording, "the English source wording of {}", ind.id);
    }
}

/// The `source_wording` recorded in the dataset file for one indicator and language.
fn source_wording(indicator: usize, lang: &str) -> String {
    let json: serde_json::Value = match serde_json::from_str(migration_charts::data::EMBEDDED_JSON) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    squash(json["indicators"][indicator]["source_wording"][lang].as_str().unwrap_or_default())
}

#[test]
fn azerbaijani_wording_is_the_official_one() {
    let lines = bullets(FEBRUARY_AZ);
    assert_eq!(lines.len(), 8);
    for (i, (wording, _)) in lines.iter().enumerate() {
        assert_eq!(source_wording(i, "az"), *wording);
    }
}

#[test]
fn violations_equal_the_sum_of_their_outcomes_in_every_report() {
    let data = dataset();
    assert!(data.warnings.is_empty(), "{:?}", data.warnings);
    let rel = &data.relations[0];
    assert_eq!(data.indicators[rel.total].id, "stay-violations");
    let parts: Vec<&str> = rel.parts.iter().map(|&p| data.indicators[p].id.as_str()).collect();
    assert_eq!(parts, ["legalized", "leave-48h", "expelled", "lost-permit-cards"]);
    for r in 0..5 {
        let sum: f64 = rel.parts.iter().filter_map(|&p| data.value(p, r)).sum();
        assert_eq!(data.value(rel.total, r), Some(sum), "report {}", r + 1);
    }
}

#[test]
fn provenance_and_no_invented_months() {
    let data = dataset();
    assert_eq!(data.source.url, "https://migration.gov.az/en/statistics?page=9");
    assert_eq!(data.source.last_updated, "2022-07-06");
    assert!(CAPTURE.contains("Last updated on: 06.07.2022"));
    assert!(data.source.note.en.contains("without their month headings"));
    let labels: Vec<&str> = data.reports.iter().map(|r| r.label.en.as_str()).collect();
    assert_eq!(labels, ["Report 1", "Report 2", "Report 3", "Report 4", "Report 5"]);
    for lang in ["az", "ru"] {
        assert!(data
            .indicators
            .iter()
            .all(|i| i.label.get(migration_charts::i18n::Lang::parse(lang).unwrap_or_default()) != i.label.en));
    }
}

#[test]
fn february_2017_example_matches_the_azerbaijani_capture() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/february-2017.json"))
        .expect("the example dataset exists");
    let data = migration_charts::data::parse(&json).expect("the example dataset parses");
    assert!(FEBRUARY_AZ.starts_with("Fevral 2017"), "the capture names its month");
    let numbers: Vec<f64> = bullets(FEBRUARY_AZ).into_iter().map(|(_, n)| n).collect();
    let values: Vec<f64> = data.indicators.iter().map(|i| i.values[0].unwrap_or(f64::NAN)).collect();
    assert_eq!(values, numbers);
    assert!(data.warnings.is_empty(), "{:?}", data.warnings);
}
