//! The bad-input gallery: each file in tests/bad-input/ and the exact outcome it must have,
//! listed in tests/bad-input/expected.txt as `name: error: …`, or `name: ok` / `name: warning: …`
//! for files that are drawn anyway.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use migration_charts::data;
use std::collections::BTreeMap;
use std::path::Path;

fn outcome(text: impl AsRef<[u8]>) -> String {
    match data::parse(text) {
        Err(e) => format!("error: {e}"),
        Ok(d) if d.warnings.is_empty() => "ok".to_string(),
        Ok(d) => {
            format!("warning: {}", migration_charts::text::mismatch_warning(&d, Default::default()).unwrap_or_default())
        }
    }
}

#[test]
fn every_bad_file_gives_its_exact_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input");
    let expected: BTreeMap<String, String> = std::fs::read_to_string(dir.join("expected.txt"))
        .expect("expected.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, rest) = l.split_once(": ").expect("`name: outcome` lines");
            (name.to_string(), rest.to_string())
        })
        .collect();
    let mut actual = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("the gallery folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            actual.insert(name, outcome(std::fs::read(&path).expect("a readable file")));
        }
    }
    assert!(actual.len() >= 25, "the gallery holds {} files", actual.len());
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let text: String = actual.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
        std::fs::write(dir.join("expected.txt"), text).unwrap();
        return;
    }
    for (name, got) in &actual {
        assert_eq!(Some(got), expected.get(name), "{name}.json");
    }
    assert_eq!(actual.len(), expected.len(), "expected.txt lists files that are gone");
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    // 20 MB of something that would take a while to parse if it were parsed.
    let big = format!("[{}0]", "0,".repeat(10 * 1024 * 1024));
    assert_eq!(outcome(&big), format!("error: the file is {} bytes; the limit is 4194304 bytes", big.len()));
}

/// A valid file near the size limit parses: every check by id is a map look-up, so reading is
/// linear in the file. It times nothing: it checks that such a file is read at all.
#[test]
fn valid_files_near_the_size_limit_parse() {
    let many_indicators = {
        let n = 40_000;
        let indicators: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"indicator-{i}","group":"g","label":"Indicator {i}","values":[1]}}"#))
            .collect();
        let parts: Vec<String> = (1..n).map(|i| format!(r#""indicator-{i}""#)).collect();
        format!(
            r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{{"id":"r","label":"R"}}],"indicators":[{}],"relations":[{{"total":"indicator-0","parts":[{}]}}]}}"#,
            indicators.join(","),
            parts.join(",")
        )
    };
    let many_reports = {
        let n = 100_000;
        let reports: Vec<String> = (0..n).map(|r| format!(r#"{{"id":"r{r}","label":"R {r}"}}"#)).collect();
        let values = vec!["96732"; n].join(",");
        format!(
            r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{}],"indicators":[{{"id":"x","group":"g","label":"X","values":[{values}]}}]}}"#,
            reports.join(",")
        )
    };
    for (file, indicators, reports) in [(many_indicators, 40_000, 1), (many_reports, 1, 100_000)] {
        assert!((data::MAX_BYTES * 3 / 4..data::MAX_BYTES).contains(&file.len()), "{} bytes", file.len());
        let d = data::parse(&file).unwrap();
        assert_eq!((d.indicators.len(), d.reports.len()), (indicators, reports));
    }
}

/// Issue 16 #9: the "parts do not add up" warning names the first three mismatches and counts
/// the rest, so a large file cannot flood the widget's live region. The warning is built by
/// `text::mismatch_warning`.
#[test]
fn the_mismatch_warning_names_three_and_counts_the_rest() {
    let file = |reports: usize| {
        let ids: Vec<String> = (1..=reports).map(|r| format!(r#"{{"id":"r{r}","label":"R{r}"}}"#)).collect();
        let (total, part) = (vec!["3"; reports].join(","), vec!["1"; reports].join(","));
        format!(
            r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{}],"indicators":[{{"id":"t","group":"g","label":"T","values":[{total}]}},{{"id":"p","group":"g","label":"P","values":[{part}]}}],"relations":[{{"total":"t","parts":["p"]}}]}}"#,
            ids.join(",")
        )
    };
    let lead = "warning: Some parts do not add up to their total; the chart shows the numbers as given: ";
    let three =
        "T, R1: the parts add up to 1, not 3; T, R2: the parts add up to 1, not 3; T, R3: the parts add up to 1, not 3";
    assert_eq!(outcome(file(3)), format!("{lead}{three}."));
    assert_eq!(outcome(file(5)), format!("{lead}{three}; and 2 more."));
    let many = outcome(file(100_000));
    assert_eq!(many, format!("{lead}{three}; and 99,997 more."));
}
