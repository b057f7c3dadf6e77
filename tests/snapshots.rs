//! What is drawn, checked through plotters' SVG backend against committed snapshots, and the
//! page's no-script fallback table checked against the dataset.
//!
//! Refresh after an intended change: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! then look at the SVGs under tests/snapshots/ before committing them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // tests may stop at the first failure

use migration_charts::backend::Estimate;
use migration_charts::data::Dataset;
use migration_charts::i18n::Lang;
use migration_charts::view::ViewState;
use migration_charts::{chart, table, theme};
use std::path::Path;

fn dataset() -> Dataset {
    match Dataset::embedded() {
        Ok(d) => d,
        Err(e) => panic!("the embedded dataset does not parse: {e}"),
    }
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some()
}

/// Compares `actual` with the file, or rewrites the file when updating.
fn check(path: &Path, actual: &str) {
    if updating() {
        if let Err(e) = std::fs::write(path, actual) {
            panic!("cannot write {}: {e}", path.display());
        }
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from what is drawn now; if the change is intended, run \
         UPDATE_SNAPSHOTS=1 cargo test --test snapshots and review the file",
        path.display()
    );
}

/// The SVG of a view, drawn with the native text estimate.
fn drawn(data: &Dataset, state: &ViewState, size: (u32, u32), palette: &theme::Palette) -> String {
    match chart::svg(data, state, size, palette, Estimate) {
        Ok((svg, _)) => svg,
        Err(e) => panic!("drawing failed: {e}"),
    }
}

fn snapshot(name: &str, hash: &str, width: f64, height: f64, dark: bool) {
    let data = dataset();
    let state = ViewState::from_hash(hash);
    let height = chart::preferred_height(&data, &state, width).unwrap_or(height);
    let svg = drawn(&data, &state, chart::pixels(width, height), theme::Palette::for_dark(dark));
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    check(&Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/{name}.svg")), &svg);
}

#[test]
fn overview_desktop() {
    snapshot("overview-960", "", 960.0, 0.0, false);
}

#[test]
fn overview_phone_dark() {
    snapshot("overview-375-dark", "lang=az", 375.0, 0.0, true);
}

#[test]
fn compare_bars() {
    snapshot("compare-bars-800", "view=compare", 800.0, 420.0, false);
}

#[test]
fn compare_lines_indexed_log() {
    snapshot(
        "compare-lines-indexed-log",
        "view=compare&mark=lines&mode=indexed&scale=log&indicators=stay-registration,expelled,lost-permit-cards",
        800.0,
        420.0,
        false,
    );
}

#[test]
fn breakdown_percent() {
    snapshot("breakdown-percent-ru", "view=breakdown&stack=percent&lang=ru", 800.0, 420.0, false);
}

/// One export: the chart with its title, what it shows, its source and note, wrapped at a
/// phone's width.
#[test]
fn export_compare_phone() {
    let state = ViewState::from_hash("view=compare&mode=indexed&lang=az");
    let svg = match chart::export::svg(&dataset(), &state, (375.0, 420.0), &theme::LIGHT, Estimate) {
        Ok((svg, _)) => svg,
        Err(e) => panic!("drawing failed: {e}"),
    };
    assert!(svg.contains("Mənbə:") && svg.trim_end().ends_with("</svg>"));
    check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/export-compare-375-az.svg"), &svg);
}

#[test]
fn svg_names_every_indicator_it_shows() {
    let data = dataset();
    let svg = drawn(&data, &ViewState::from_hash("view=compare"), (800, 420), &theme::LIGHT);
    for short in ["Registration upon place of stay", "Residence permit applications", "Citizenship applications"] {
        assert!(svg.contains(short), "{short} is missing from the SVG");
    }
}

/// index.html carries the same table as the Table view, for readers without scripts.
#[test]
fn page_fallback_table_matches_the_dataset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    let (start, end) = ("<!-- fallback-table:start -->\n", "\n<!-- fallback-table:end -->");
    let (Some(a), Some(b)) = (page.find(start), page.find(end)) else {
        panic!("index.html has no fallback-table markers");
    };
    let expected = table::html(&dataset(), Lang::En);
    let current = &page[a + start.len()..b];
    if updating() && current != expected {
        let fixed = format!("{}{expected}{}", &page[..a + start.len()], &page[b..]);
        if let Err(e) = std::fs::write(&path, fixed) {
            panic!("cannot write index.html: {e}");
        }
        return;
    }
    assert!(
        current == expected,
        "index.html's fallback table is stale: run UPDATE_SNAPSHOTS=1 cargo test --test snapshots"
    );
}
