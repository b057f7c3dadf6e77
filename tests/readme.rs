//! The README's examples run: its dataset example parses, without warnings.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[test]
fn the_readme_dataset_example_parses() {
    let readme = include_str!("../README.md");
    let start = readme.find("```json\n").expect("a json block in the README") + "```json\n".len();
    let len = readme[start..].find("```").expect("the end of the block");
    let data = migration_charts::data::parse(&readme[start..start + len]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(data.indicators.len(), 6);
    assert_eq!(data.value(1, 0), Some(1767.0));
    assert!(data.warnings.is_empty());
}
