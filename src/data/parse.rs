//! Reading the dataset's JSON format, with errors that say exactly what is wrong and where.
//!
//! serde reads the file into the loose types of `raw`; the functions here check them and build
//! the `Dataset`. Every look-up by id goes through a map, so reading is linear in the file.

use super::error::{DataError, Name, Place, Problem};
use super::raw::{File, Node, RawRelation};
use super::{Dataset, Group, Indicator, Mismatch, Relation, Report, Source, Text};
use serde_json::error::Category;
use std::collections::{HashMap, HashSet};

/// Larger files are refused before parsing: the widget must stay responsive.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Values above this lose integer precision in f64 and are certainly not counts of people.
const MAX_VALUE: f64 = 1e15;
const MAX_LABEL_CHARS: usize = 500;
/// The `indicators` attribute's word for "none chosen", so no indicator may have it as its id.
const RESERVED_INDICATOR_ID: &str = "none";

type Res<T> = Result<T, DataError>;

fn fail<T>(place: &Place, problem: Problem) -> Res<T> {
    Err(DataError { place: place.clone(), problem })
}

/// Parses and validates a dataset: the file's bytes, which JSON wants in UTF-8 (a byte order
/// mark first is allowed, as editors write one). On success every indicator has one value
/// slot per report, ids are unique and every relation refers to existing indicators.
pub fn parse(input: impl AsRef<[u8]>) -> Result<Dataset, DataError> {
    let input = input.as_ref();
    let file = Place::File;
    if input.len() > MAX_BYTES {
        return fail(&file, Problem::TooLarge { bytes: input.len(), limit: MAX_BYTES });
    }
    let input = match std::str::from_utf8(input) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(e) => return fail(&file, Problem::NotUtf8 { byte: e.valid_up_to() + 1 }),
    };
    let root = match serde_json::from_str::<File>(input) {
        Ok(File(Node::Dataset(root))) => *root,
        Ok(_) => return fail(&file, Problem::NotObject),
        Err(e) => return fail(&file, read_error(&e)),
    };
    let groups = parse_groups(root.groups)?;
    let reports = parse_reports(root.reports)?;
    let indicators = parse_indicators(root.indicators, &groups, reports.len())?;
    let relations = parse_relations(root.relations, &indicators)?;
    let mut data = Dataset {
        title: label(root.title, "title", &file)?.unwrap_or_default(),
        axis: label(root.axis, "axis", &file)?,
        source: parse_source(root.source)?,
        groups,
        reports,
        indicators,
        relations,
        warnings: Vec::new(),
    };
    data.warnings = relation_warnings(&data);
    Ok(data)
}

/// serde stops only at bad JSON and, from the derived types, at a key given twice in one
/// object; every other problem is left to the checks below.
fn read_error(e: &serde_json::Error) -> Problem {
    match e.classify() {
        Category::Data => Problem::DuplicateKey(e.to_string()),
        Category::Io | Category::Syntax | Category::Eof => Problem::Syntax(e.to_string()),
    }
}

/// The entries of the list `key`.
fn items(list: Node, key: &'static str, place: &Place) -> Res<Vec<Node>> {
    match list {
        Node::List(items) => Ok(items),
        Node::Absent => fail(place, Problem::Missing(key)),
        _ => fail(place, Problem::NotList(key)),
    }
}

/// A list of at least one entry at the top of the file.
fn top_list(entries: Node, key: &'static str) -> Res<Vec<Node>> {
    let items = items(entries, key, &Place::File)?;
    if items.is_empty() {
        return fail(&Place::File, Problem::EmptyList(key));
    }
    Ok(items)
}

/// A required, non-blank text field.
fn string<'a>(s: &'a Node, key: &'static str, place: &Place) -> Res<&'a str> {
    match s {
        Node::Text(s) if !s.trim().is_empty() => Ok(s),
        Node::Text(_) => fail(place, Problem::EmptyText(key)),
        Node::Absent => fail(place, Problem::Missing(key)),
        _ => fail(place, Problem::NotText(key)),
    }
}

fn id<'a>(s: &'a Node, place: &Place) -> Res<&'a str> {
    let id = string(s, "id", place)?;
    let ok =
        id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        fail(place, Problem::BadId(truncate(id, 40)))
    }
}

/// At most `max` characters of `s`, with "…" if something was cut.
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => s.get(..cut).map_or_else(|| s.to_string(), |kept| format!("{kept}…")),
        None => s.to_string(),
    }
}

/// Control characters (C0, DEL and C1) and Unicode's noncharacters: a label cannot show them.
fn unshowable(c: char) -> bool {
    let code = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// A label, if present: plain text (English) or `{ "en": …, "az": …, "ru": … }` with `en`
/// required.
fn label(l: Node, key: &'static str, place: &Place) -> Res<Option<Text>> {
    let (en, az, ru) = match l {
        Node::Absent => return Ok(None),
        Node::Text(en) => (Node::Text(en), Node::Absent, Node::Absent),
        Node::Languages(t) => (t.en, t.az, t.ru),
        _ => return fail(place, Problem::LabelShape(key)),
    };
    let Some(en) = translation(en, key, "en", place)? else {
        return fail(place, Problem::LabelMissingEnglish(key));
    };
    Ok(Some(Text { en, az: translation(az, key, "az", place)?, ru: translation(ru, key, "ru", place)? }))
}

fn required_label(l: Node, key: &'static str, place: &Place) -> Res<Text> {
    label(l, key, place)?.map_or_else(|| fail(place, Problem::Missing(key)), Ok)
}

/// A `label` (required) and its `short` form, which defaults to the label.
fn label_and_short(l: Node, short: Node, place: &Place) -> Res<(Text, Text)> {
    let long = required_label(l, "label", place)?;
    let short = label(short, "short", place)?.unwrap_or_else(|| long.clone());
    Ok((long, short))
}

/// One language of a label; absent or null means "not translated".
fn translation(s: Node, key: &'static str, lang: &'static str, place: &Place) -> Res<Option<String>> {
    match s {
        Node::Absent | Node::Null => Ok(None),
        Node::Text(s) => label_text(s, key, lang, place).map(Some),
        _ => fail(place, Problem::LabelLanguageNotText(key, lang)),
    }
}

/// A label's text in one language: not blank, at most `MAX_LABEL_CHARS` characters, and
/// nothing that cannot be shown.
fn label_text(s: String, key: &'static str, lang: &'static str, place: &Place) -> Res<String> {
    let chars = s.chars().count();
    if s.trim().is_empty() {
        fail(place, Problem::LabelLanguageEmpty(key, lang))
    } else if chars > MAX_LABEL_CHARS {
        fail(place, Problem::LabelTooLong { key, lang, chars, limit: MAX_LABEL_CHARS })
    } else if let Some(character) = s.chars().find(|&c| unshowable(c)) {
        fail(place, Problem::LabelCharacter { key, lang, character })
    } else {
        Ok(s)
    }
}

/// A text field of `source` that is not a label: absent means empty.
fn plain(s: Node, key: &'static str, place: &Place) -> Res<String> {
    match s {
        Node::Absent => Ok(String::new()),
        Node::Text(s) => match s.chars().find(|&c| unshowable(c)) {
            Some(character) => fail(place, Problem::TextCharacter { key, character }),
            None => Ok(s),
        },
        _ => fail(place, Problem::NotText(key)),
    }
}

fn parse_source(source: Node) -> Res<Source> {
    let place = Place::Source;
    let source = match source {
        Node::Absent => return Ok(Source::default()),
        Node::Source(source) => *source,
        _ => return fail(&place, Problem::NotObject),
    };
    Ok(Source {
        publisher: label(source.publisher, "publisher", &place)?.unwrap_or_default(),
        url: plain(source.url, "url", &place)?,
        last_updated: plain(source.last_updated, "last_updated", &place)?,
        note: label(source.note, "note", &place)?.unwrap_or_default(),
    })
}

/// Reads each entry of the top-level list `key` (at least one) with `read`, which gets the
/// entry, its valid id and the place named by that id. `kind` is `Place::Group`,
/// `Place::Report` or `Place::Indicator`. One function for the three lists, not a generic one.
fn entries(
    list: Node,
    key: &'static str,
    kind: fn(Name) -> Place,
    read: &mut dyn FnMut(Node, String, &Place) -> Res<()>,
) -> Res<()> {
    let mut ids = Vec::new();
    for (i, entry) in top_list(list, key)?.into_iter().enumerate() {
        let place = kind(Name::Nth(i + 1));
        let Some(id_node) = entry.entry_id() else {
            return fail(&place, Problem::NotObject);
        };
        let id = id(id_node, &place)?.to_string();
        ids.push(id.clone());
        read(entry, id.clone(), &kind(Name::Id(id)))?;
    }
    // The second use of an id is the error, named by its position. Checked after every entry
    // has been read, so an entry's own error is reported first.
    let mut seen = HashSet::new();
    match ids.iter().enumerate().find(|(_, id)| !seen.insert(id.as_str())) {
        Some((n, id)) => fail(&kind(Name::Nth(n + 1)), Problem::DuplicateId(id.clone())),
        None => Ok(()),
    }
}

/// Each id's index in a list just read (its ids are unique).
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(n, id)| (id, n)).collect()
}

fn parse_groups(list: Node) -> Res<Vec<Group>> {
    let mut groups = Vec::new();
    entries(list, "groups", Place::Group, &mut |entry, id, place| match entry {
        Node::Group(g) => {
            groups.push(Group { label: required_label(g.label, "label", place)?, id });
            Ok(())
        }
        _ => fail(place, Problem::NotObject),
    })?;
    Ok(groups)
}

fn parse_reports(list: Node) -> Res<Vec<Report>> {
    let mut reports = Vec::new();
    entries(list, "reports", Place::Report, &mut |entry, id, place| match entry {
        Node::Report(r) => {
            let (label, short) = label_and_short(r.label, r.short, place)?;
            reports.push(Report { id, label, short });
            Ok(())
        }
        _ => fail(place, Problem::NotObject),
    })?;
    Ok(reports)
}

fn parse_value(cell: Node, place: &Place, report: usize) -> Res<Option<f64>> {
    let n = report + 1;
    match cell {
        Node::Null => Ok(None),
        Node::Number(x) if !x.is_finite() || x > MAX_VALUE => fail(place, Problem::ValueTooLarge(n)),
        Node::Number(x) if x < 0.0 => fail(place, Problem::ValueNegative(n)),
        Node::Number(x) if x.fract() != 0.0 => fail(place, Problem::ValueNotWhole(n)),
        Node::Number(x) => Ok(Some(x)),
        Node::Text(_) => fail(place, Problem::ValueIsText(n)),
        _ => fail(place, Problem::ValueWrongType(n)),
    }
}

fn parse_indicators(list: Node, groups: &[Group], reports: usize) -> Res<Vec<Indicator>> {
    let groups = index(groups.iter().map(|g| g.id.as_str()));
    let mut indicators = Vec::new();
    entries(list, "indicators", Place::Indicator, &mut |entry, id, place| {
        let Node::Indicator(i) = entry else {
            return fail(place, Problem::NotObject);
        };
        if id == RESERVED_INDICATOR_ID {
            return fail(place, Problem::ReservedId(id));
        }
        let group_id = string(&i.group, "group", place)?;
        let Some(&group) = groups.get(group_id) else {
            return fail(place, Problem::UnknownGroup(truncate(group_id, 40)));
        };
        let unit = label(i.unit, "unit", place)?;
        let (label, short) = label_and_short(i.label, i.short, place)?;
        let cells = items(i.values, "values", place)?;
        if cells.len() != reports {
            return fail(place, Problem::ValueCount { values: cells.len(), reports });
        }
        let values =
            cells.into_iter().enumerate().map(|(r, cell)| parse_value(cell, place, r)).collect::<Res<Vec<_>>>()?;
        indicators.push(Indicator { id, group, label, short, unit, values });
        Ok(())
    })?;
    Ok(indicators)
}

/// The index of the indicator with id `id`.
fn find(indicators: &HashMap<&str, usize>, id: &str, place: &Place) -> Res<usize> {
    match indicators.get(id) {
        Some(&n) => Ok(n),
        None => fail(place, Problem::UnknownIndicator(truncate(id, 40))),
    }
}

fn parse_relation(relation: RawRelation, indicators: &HashMap<&str, usize>, place: &Place) -> Res<Relation> {
    let total = find(indicators, string(&relation.total, "total", place)?, place)?;
    let parts = items(relation.parts, "parts", place)?
        .into_iter()
        .map(|part| match part {
            Node::Text(id) => find(indicators, &id, place),
            _ => fail(place, Problem::PartNotId),
        })
        .collect::<Res<Vec<_>>>()?;
    if parts.is_empty() {
        return fail(place, Problem::EmptyList("parts"));
    }
    if parts.contains(&total) {
        return fail(place, Problem::TotalInParts);
    }
    Ok(Relation { total, parts })
}

fn parse_relations(list: Node, indicators: &[Indicator]) -> Res<Vec<Relation>> {
    let relations = match list {
        Node::Absent => return Ok(Vec::new()),
        list => items(list, "relations", &Place::File)?,
    };
    let indicators = index(indicators.iter().map(|i| i.id.as_str()));
    relations
        .into_iter()
        .enumerate()
        .map(|(i, relation)| {
            let place = Place::Relation(i + 1);
            match relation {
                Node::Relation(relation) => parse_relation(*relation, &indicators, &place),
                _ => fail(&place, Problem::NotObject),
            }
        })
        .collect()
}

/// A relation whose parts do not add up is still drawn, with a warning the widget shows.
fn relation_warnings(data: &Dataset) -> Vec<Mismatch> {
    data.relations
        .iter()
        .flat_map(|rel| (0..data.reports.len()).map(move |report| (rel, report)))
        .filter_map(|(rel, report)| {
            let value = data.value(rel.total, report)?;
            let parts = rel.parts.iter().map(|&p| data.value(p, report)).sum::<Option<f64>>()?;
            (value != parts).then_some(Mismatch { total: rel.total, report, parts, value })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(values: &str) -> String {
        format!(
            r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{{"id":"a","label":"A"}},{{"id":"b","label":"B"}}],
            "indicators":[{{"id":"x","group":"g","label":"X","values":{values}}}]}}"#
        )
    }

    #[test]
    fn minimal_dataset_parses() {
        let d = parse(minimal("[1, null]")).map_err(|e| e.to_string());
        assert_eq!(d.map(|d| d.indicators[0].values.clone()), Ok(vec![Some(1.0), None]));
    }

    #[test]
    fn specific_errors() {
        let e = |v: &str| parse(minimal(v)).err().map(|e| e.to_string());
        assert_eq!(e("[1, -3]").as_deref(), Some("indicator 'x': value for report 2 is negative"));
        assert_eq!(e("[1.5, 3]").as_deref(), Some("indicator 'x': value for report 1 is not a whole number"));
        assert_eq!(
            e("[1]").as_deref(),
            Some("indicator 'x': has 1 values but the dataset has 2 reports; write null for a missing one")
        );
        assert_eq!(
            e(r#"[1, "3"]"#).as_deref(),
            Some("indicator 'x': value for report 2 is text; write the number without quotes")
        );
        assert_eq!(
            e("[1e300, 3]").as_deref(),
            Some("indicator 'x': value for report 1 is too large (the limit is 10^15)")
        );
        assert_eq!(
            e("[1, 1.7976931348623157e308]").as_deref(),
            Some("indicator 'x': value for report 2 is too large (the limit is 10^15)")
        );
    }

    #[test]
    fn errors_speak_every_language() {
        let e = parse(minimal("[1, -3]")).err();
        let say = |lang| e.as_ref().map(|e| e.message(lang));
        assert_eq!(say(crate::i18n::Lang::Az).as_deref(), Some("göstərici 'x': hesabat 2 üçün dəyər mənfidir"));
        assert_eq!(say(crate::i18n::Lang::Ru).as_deref(), Some("показатель 'x': значение для отчёта 2 отрицательное"));
        let json = parse("{").err().map(|e| e.message(crate::i18n::Lang::Ru));
        assert_eq!(
            json.as_deref(),
            Some("файл не является корректным JSON: EOF while parsing an object at line 1 column 1")
        );
    }

    #[test]
    fn label_limit_counts_characters_not_bytes() {
        let place = Place::File;
        let long = |n: usize| label_text("ə".repeat(n), "title", "az", &place).map(|s| s.chars().count());
        assert_eq!(long(MAX_LABEL_CHARS), Ok(MAX_LABEL_CHARS));
        assert_eq!(
            long(MAX_LABEL_CHARS + 1).map_err(|e| e.problem),
            Err(Problem::LabelTooLong { key: "title", lang: "az", chars: 501, limit: MAX_LABEL_CHARS })
        );
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "abc…");
        assert_eq!(truncate("əəəə", 4), "əəəə");
        assert_eq!(truncate("əəəəə", 4), "əəəə…");
        assert_eq!(truncate("", 0), "");
        assert_eq!(truncate("ə", 0), "…");
    }

    #[test]
    fn parts_that_do_not_sum_warn_but_parse() {
        let json = r#"{"groups":[{"id":"g","label":"G"}],"reports":[{"id":"a","label":"A"}],
          "indicators":[{"id":"t","group":"g","label":"T","values":[5]},{"id":"p","group":"g","label":"P","values":[3]}],
          "relations":[{"total":"t","parts":["p"]}]}"#;
        let d = parse(json).map_err(|e| e.to_string());
        assert_eq!(d.map(|d| d.warnings), Ok(vec![Mismatch { total: 0, report: 0, parts: 3.0, value: 5.0 }]));
    }

    /// An indicator entry in a one-report file.
    fn with_indicator(indicator: &str) -> Result<Dataset, String> {
        parse(format!(
            r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{{"id":"a","label":"A"}}],"indicators":[{indicator}]}}"#
        ))
        .map_err(|e| e.to_string())
    }

    #[test]
    fn every_shape_is_read_and_then_named() {
        let e = |i: &str| with_indicator(i).err();
        assert_eq!(e(r#"["x", "g", "X", [1]]"#).as_deref(), Some("indicator 1: must be a JSON object"));
        assert_eq!(
            e(r#"{"id":null,"group":"g","label":"X","values":[1]}"#).as_deref(),
            Some("indicator 1: 'id' must be text")
        );
        assert_eq!(e(r#"{"group":"g","label":"X","values":[1]}"#).as_deref(), Some("indicator 1: 'id' is missing"));
        assert_eq!(
            e(r#"{"id":" ","group":"g","label":"X","values":[1]}"#).as_deref(),
            Some("indicator 1: 'id' is empty")
        );
        assert_eq!(
            e(r#"{"id":"x","group":"g","label":["X"],"values":[1]}"#).as_deref(),
            Some("indicator 'x': 'label' must be text or an object of texts by language")
        );
        assert_eq!(
            e(r#"{"id":"x","group":"g","label":null,"values":[1]}"#).as_deref(),
            Some("indicator 'x': 'label' must be text or an object of texts by language")
        );
        assert_eq!(e(r#"{"id":"x","group":"g","values":[1]}"#).as_deref(), Some("indicator 'x': 'label' is missing"));
        assert_eq!(
            e(r#"{"id":"x","group":"g","label":"X","values":{"a":1}}"#).as_deref(),
            Some("indicator 'x': 'values' must be a list")
        );
        assert_eq!(
            e(r#"{"id":"x","group":"g","label":"X","values":[[1]]}"#).as_deref(),
            Some("indicator 'x': value for report 1 must be a number or null")
        );
        assert_eq!(
            e(r#"{"id":"x","group":"g","label":{"en":"X","en":"Y"},"values":[1]}"#).as_deref(),
            Some("the file has a key twice in one object: duplicate field `en` at line 1 column 128")
        );
    }

    #[test]
    fn unknown_keys_and_untranslated_languages_are_ignored() {
        let d = with_indicator(
            r#"{"id":"x","group":"g","label":{"en":"X","az":null},"values":[1],"note":{"deep":[1,{"x":null}]}}"#,
        );
        assert_eq!(d.map(|d| d.indicators[0].label.clone()), Ok(Text { en: "X".into(), az: None, ru: None }));
    }

    #[test]
    fn the_rest_of_the_file_is_checked_too() {
        let file = |extra: &str| {
            parse(format!(
                r#"{{"groups":[{{"id":"g","label":"G"}}],"reports":[{{"id":"a","label":"A"}}],
                "indicators":[{{"id":"x","group":"g","label":"X","values":[1]}},{{"id":"y","group":"g","label":"Y","values":[1]}}]{extra}}}"#
            ))
            .map(|d| (d.title, d.axis, d.source, d.relations))
            .map_err(|e| e.to_string())
        };
        assert_eq!(file(""), Ok((Text::default(), None, Source::default(), Vec::new())));
        assert_eq!(file(r#","relations":null"#), Err("the file: 'relations' must be a list".into()));
        assert_eq!(file(r#","relations":[7]"#), Err("relation 1: must be a JSON object".into()));
        assert_eq!(
            file(r#","relations":[{"total":"x","parts":["y",3]}]"#),
            Err("relation 1: each part must be an indicator id".into())
        );
        assert_eq!(file(r#","relations":[{"total":"x"}]"#), Err("relation 1: 'parts' is missing".into()));
        assert_eq!(
            file(r#","relations":[{"total":"z","parts":["y"]}]"#),
            Err("relation 1: indicator 'z' does not exist".into())
        );
        assert_eq!(file(r#","source":[]"#), Err("'source': must be a JSON object".into()));
        assert_eq!(file(r#","source":{"url":5}"#), Err("'source': 'url' must be text".into()));
        assert_eq!(file(r#","axis":3"#), Err("the file: 'axis' must be text or an object of texts by language".into()));
        assert_eq!(
            file(r#","title":{"en":"T","ru":"\u200b\u0001"}"#),
            Err("the file: the ru text of 'title' contains the control character U+0001, which cannot be shown; remove it".into())
        );
        let full = file(
            r#","title":"T","axis":{"en":"A"},"source":{"url":"u","last_updated":"d"},"relations":[{"total":"x","parts":["y"]}]"#,
        );
        let text = |en: &str| Text { en: en.into(), az: None, ru: None };
        assert_eq!(
            full,
            Ok((
                text("T"),
                Some(text("A")),
                Source { url: "u".into(), last_updated: "d".into(), ..Source::default() },
                vec![Relation { total: 0, parts: vec![1] }]
            ))
        );
    }

    #[test]
    fn control_characters_and_noncharacters_cannot_be_shown() {
        let bad = [
            '\u{0}',
            '\t',
            '\n',
            '\u{1f}',
            '\u{7f}',
            '\u{80}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ];
        assert!(bad.into_iter().all(unshowable));
        let good =
            [' ', '~', '\u{a0}', 'ə', 'Я', '\u{200b}', '\u{fdcf}', '\u{fdf0}', '\u{fffd}', '\u{1f600}', '\u{10fffd}'];
        assert!(!good.into_iter().any(unshowable));
        let e = with_indicator(r#"{"id":"x","group":"g","label":"X\uFDD0","values":[1]}"#).err();
        assert_eq!(
            e.as_deref(),
            Some("indicator 'x': the en text of 'label' contains the noncharacter U+FDD0, which cannot be shown; remove it")
        );
    }

    #[test]
    fn the_indicator_id_none_is_reserved() {
        let e = parse(
            r#"{"groups":[{"id":"g","label":"G"}],"reports":[{"id":"a","label":"A"}],
            "indicators":[{"id":"none","group":"g","label":"X","values":[1]}]}"#,
        )
        .err();
        assert_eq!(e.as_ref().map(|e| &e.problem), Some(&Problem::ReservedId("none".into())));
        assert_eq!(
            e.map(|e| e.message(crate::i18n::Lang::Az)).as_deref(),
            Some("göstərici 'none': id 'none' ehtiyat sözdür: indicators=\"none\" heç bir göstəricinin seçilmədiyini bildirir")
        );
        // Only indicators: a group or a report may be called none.
        let ok = parse(
            r#"{"groups":[{"id":"none","label":"G"}],"reports":[{"id":"none","label":"A"}],
            "indicators":[{"id":"x","group":"none","label":"X","values":[1]}]}"#,
        );
        assert!(ok.is_ok());
    }

    #[test]
    fn the_first_repeated_id_is_named_after_every_entry_is_read() {
        let ids = |ids: &[&str]| {
            let indicators: Vec<String> =
                ids.iter().map(|id| format!(r#"{{"id":"{id}","group":"g","label":"X","values":[1]}}"#)).collect();
            with_indicator(&indicators.join(",")).err()
        };
        assert_eq!(ids(&["a", "b", "a", "b"]).as_deref(), Some("indicator 3: id 'a' is used twice"));
        assert_eq!(ids(&["a", "b", "b", "a"]).as_deref(), Some("indicator 3: id 'b' is used twice"));
        assert_eq!(
            ids(&["a", "a", "Bad"]).as_deref(),
            Some("indicator 3: id 'Bad' may use only a-z, 0-9, '-' and '_' (at most 64)")
        );
    }
}
