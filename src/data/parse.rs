//! Reading the dataset's JSON format, with errors that say exactly what is wrong and where.

use super::error::{DataError, Name, Place, Problem};
use super::json::{self, Json, Object};
use super::{Dataset, Group, Indicator, Mismatch, Relation, Report, Source, Text};

/// Larger files are refused before parsing: the widget must stay responsive.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Values above this lose integer precision in f64 and are certainly not counts of people.
const MAX_VALUE: f64 = 1e15;
const MAX_LABEL_CHARS: usize = 500;

/// Errors travel boxed inside the reader: a `DataError` is large, and every `?` would copy it.
type Res<T> = Result<T, Box<DataError>>;

fn err<T>(place: &Place, problem: Problem) -> Res<T> {
    Err(error(place, problem))
}

/// Out of line, so the many `err` call sites share one copy of the place's clone.
#[inline(never)]
fn error(place: &Place, problem: Problem) -> Box<DataError> {
    Box::new(DataError { place: place.clone(), problem })
}

/// Parses and validates a dataset. On success every indicator has one value slot per report,
/// ids are unique and every relation refers to existing indicators.
pub fn parse(text: &str) -> Result<Dataset, DataError> {
    read(text).map_err(|e| *e)
}

fn read(input: &str) -> Res<Dataset> {
    let file = Place::File;
    if input.len() > MAX_BYTES {
        return err(&file, Problem::TooLarge { bytes: input.len(), limit: MAX_BYTES });
    }
    let root = json::parse(input).or_else(|e| err(&file, Problem::Syntax(e.text())))?;
    let Some(root) = root.as_object() else { return err(&file, Problem::NotObject) };
    let groups = parse_groups(root)?;
    let reports = parse_reports(root)?;
    let indicators = parse_indicators(root, &groups, reports.len())?;
    let relations = parse_relations(root, &indicators)?;
    let mut data = Dataset {
        title: text_or_empty(root, "title", &file)?,
        axis: match root.get("axis") {
            Some(v) => Some(text(v, "axis", &file)?),
            None => None,
        },
        source: parse_source(root)?,
        groups,
        reports,
        indicators,
        relations,
        warnings: Vec::new(),
    };
    data.warnings = relation_warnings(&data);
    Ok(data)
}

fn array<'a>(obj: &'a Object, key: &'static str, place: &Place) -> Res<&'a Vec<Json>> {
    match obj.get(key) {
        Some(Json::Array(a)) => Ok(a),
        Some(_) => err(place, Problem::NotList(key)),
        None => err(place, Problem::Missing(key)),
    }
}

/// A list of at least one entry at the top of the file.
fn top_list<'a>(root: &'a Object, key: &'static str) -> Res<&'a Vec<Json>> {
    let list = array(root, key, &Place::File)?;
    if list.is_empty() {
        return err(&Place::File, Problem::EmptyList(key));
    }
    Ok(list)
}

fn object<'a>(v: &'a Json, place: &Place) -> Res<&'a Object> {
    v.as_object().map_or_else(|| err(place, Problem::NotObject), Ok)
}

/// A required, non-blank text field, borrowed: ids are copied only once they are valid.
fn string<'a>(obj: &'a Object, key: &'static str, place: &Place) -> Res<&'a str> {
    match obj.get(key) {
        Some(Json::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(Json::String(_)) => err(place, Problem::EmptyText(key)),
        Some(_) => err(place, Problem::NotText(key)),
        None => err(place, Problem::Missing(key)),
    }
}

fn id<'a>(obj: &'a Object, place: &Place) -> Res<&'a str> {
    let id = string(obj, "id", place)?;
    let ok =
        id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        err(place, Problem::BadId(truncate(id, 40)))
    }
}

/// At most `max` characters of `s`, with "…" if something was cut.
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => s.get(..cut).unwrap_or(s).to_string() + "…",
        None => s.to_string(),
    }
}

/// A label: either plain text (English) or `{ "en": …, "az": …, "ru": … }` with `en` required.
/// Plain text reads as a label object with only `en`, so both forms share the checks below.
fn text(v: &Json, key: &'static str, place: &Place) -> Res<Text> {
    let (en, az, ru) = match v {
        Json::String(_) => (Some(v), None, None),
        Json::Object(o) => (o.get("en"), o.get("az"), o.get("ru")),
        _ => return err(place, Problem::LabelShape(key)),
    };
    let Some(en) = translation(en, key, "en", place)? else {
        return err(place, Problem::LabelMissingEnglish(key));
    };
    Ok(Text { en, az: translation(az, key, "az", place)?, ru: translation(ru, key, "ru", place)? })
}

/// One language of a label; absent or null means "not translated".
fn translation(v: Option<&Json>, key: &'static str, lang: &'static str, place: &Place) -> Res<Option<String>> {
    match v {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => label_text(s, key, lang, place).map(Some),
        Some(_) => err(place, Problem::LabelLanguageNotText(key, lang)),
    }
}

/// A label's text in one language: not blank, and at most `MAX_LABEL_CHARS` characters.
fn label_text(s: &str, key: &'static str, lang: &'static str, place: &Place) -> Res<String> {
    // Every char has exactly one byte that is not a UTF-8 continuation byte (0b10xx_xxxx);
    // counting those is `chars().count()` without pulling its large fast path into the wasm.
    let chars = s.bytes().filter(|&b| b & 0xC0 != 0x80).count();
    if s.trim().is_empty() {
        err(place, Problem::LabelLanguageEmpty(key, lang))
    } else if chars > MAX_LABEL_CHARS {
        err(place, Problem::LabelTooLong { key, lang, chars, limit: MAX_LABEL_CHARS })
    } else {
        Ok(s.to_string())
    }
}

/// An optional label that reads as empty when absent.
fn text_or_empty(obj: &Object, key: &'static str, place: &Place) -> Res<Text> {
    match obj.get(key) {
        Some(v) => text(v, key, place),
        None => Ok(Text::default()),
    }
}

fn req_text(obj: &Object, key: &'static str, place: &Place) -> Res<Text> {
    match obj.get(key) {
        Some(v) => text(v, key, place),
        None => err(place, Problem::Missing(key)),
    }
}

/// A `label` (required) and its `short` form, which defaults to the label.
fn label_and_short(obj: &Object, place: &Place) -> Res<(Text, Text)> {
    let label = req_text(obj, "label", place)?;
    let short = match obj.get("short") {
        Some(v) => text(v, "short", place)?,
        None => label.clone(),
    };
    Ok((label, short))
}

/// A text field of `source` that is not a label: absent means empty.
fn plain(obj: &Object, key: &'static str, place: &Place) -> Res<String> {
    match obj.get(key) {
        None => Ok(String::new()),
        Some(Json::String(s)) => Ok(s.clone()),
        Some(_) => err(place, Problem::NotText(key)),
    }
}

fn parse_source(root: &Object) -> Res<Source> {
    let Some(v) = root.get("source") else {
        return Ok(Source::default());
    };
    let place = Place::Source;
    let o = object(v, &place)?;
    Ok(Source {
        publisher: text_or_empty(o, "publisher", &place)?,
        url: plain(o, "url", &place)?,
        last_updated: plain(o, "last_updated", &place)?,
        note: text_or_empty(o, "note", &place)?,
    })
}

/// The kind of a top-level entry: `Place::Group`, `Place::Report` or `Place::Indicator`. A
/// function pointer rather than a generic keeps one copy of the helpers below in the wasm.
type Kind = fn(Name) -> Place;

/// Reads each entry of the top-level list `key` (at least one): its object, its valid id and
/// the place named by that id go to `read`. One loop for groups, reports and indicators keeps
/// one copy of it in the wasm.
fn entries<'a>(
    root: &'a Object,
    key: &'static str,
    kind: Kind,
    read: &mut dyn FnMut(&'a Object, String, &Place) -> Res<()>,
) -> Res<()> {
    let mut ids: Vec<&str> = Vec::new();
    for (i, v) in top_list(root, key)?.iter().enumerate() {
        let place = kind(Name::Nth(i + 1));
        let o = object(v, &place)?;
        let id = id(o, &place)?;
        ids.push(id);
        read(o, id.to_string(), &kind(Name::Id(id.to_string())))?;
    }
    // The second use of an id is the error, named by its position. Checked after every entry
    // has been read, so an entry's own error is reported first.
    for (n, id) in ids.iter().enumerate() {
        // Used before if its first use is not this one.
        if ids.iter().position(|x| x == id) != Some(n) {
            return err(&kind(Name::Nth(n + 1)), Problem::DuplicateId(id.to_string()));
        }
    }
    Ok(())
}

// The lists below are built with plain loops: collecting an iterator of `Result`s costs a
// sizeable `GenericShunt` adapter per call site in the wasm.

fn parse_groups(root: &Object) -> Res<Vec<Group>> {
    let mut groups = Vec::new();
    entries(root, "groups", Place::Group, &mut |o, id, place| {
        groups.push(Group { label: req_text(o, "label", place)?, id });
        Ok(())
    })?;
    Ok(groups)
}

fn parse_reports(root: &Object) -> Res<Vec<Report>> {
    let mut reports = Vec::new();
    entries(root, "reports", Place::Report, &mut |o, id, place| {
        let (label, short) = label_and_short(o, place)?;
        reports.push(Report { id, label, short });
        Ok(())
    })?;
    Ok(reports)
}

fn parse_value(v: &Json, place: &Place, report: usize) -> Res<Option<f64>> {
    let n = report + 1;
    match v {
        Json::Null => Ok(None),
        Json::Number(x) if !x.is_finite() || *x > MAX_VALUE => err(place, Problem::ValueTooLarge(n)),
        Json::Number(x) if *x < 0.0 => err(place, Problem::ValueNegative(n)),
        Json::Number(x) if x.fract() != 0.0 => err(place, Problem::ValueNotWhole(n)),
        Json::Number(x) => Ok(Some(*x)),
        Json::String(_) => err(place, Problem::ValueIsText(n)),
        _ => err(place, Problem::ValueWrongType(n)),
    }
}

fn parse_indicators(root: &Object, groups: &[Group], reports: usize) -> Res<Vec<Indicator>> {
    let mut indicators = Vec::new();
    entries(root, "indicators", Place::Indicator, &mut |o, id, place| {
        let group_id = string(o, "group", place)?;
        let Some(group) = groups.iter().position(|g| g.id == group_id) else {
            return err(place, Problem::UnknownGroup(truncate(group_id, 40)));
        };
        let (label, short) = label_and_short(o, place)?;
        let raw = array(o, "values", place)?;
        if raw.len() != reports {
            return err(place, Problem::ValueCount { values: raw.len(), reports });
        }
        let mut values = Vec::new();
        for (r, v) in raw.iter().enumerate() {
            values.push(parse_value(v, place, r)?);
        }
        indicators.push(Indicator { id, group, label, short, values });
        Ok(())
    })?;
    Ok(indicators)
}

/// The index of the indicator with id `id`.
fn find(indicators: &[Indicator], id: &str, place: &Place) -> Res<usize> {
    match indicators.iter().position(|i| i.id == id) {
        Some(n) => Ok(n),
        None => err(place, Problem::UnknownIndicator(truncate(id, 40))),
    }
}

fn parse_relations(root: &Object, indicators: &[Indicator]) -> Res<Vec<Relation>> {
    if root.get("relations").is_none() {
        return Ok(Vec::new());
    }
    let mut relations = Vec::new();
    for (i, v) in array(root, "relations", &Place::File)?.iter().enumerate() {
        let place = Place::Relation(i + 1);
        let o = object(v, &place)?;
        let total = find(indicators, string(o, "total", &place)?, &place)?;
        let mut parts = Vec::new();
        for p in array(o, "parts", &place)? {
            let Json::String(s) = p else { return err(&place, Problem::PartNotId) };
            parts.push(find(indicators, s, &place)?);
        }
        if parts.is_empty() {
            return err(&place, Problem::EmptyList("parts"));
        }
        if parts.contains(&total) {
            return err(&place, Problem::TotalInParts);
        }
        relations.push(Relation { total, parts });
    }
    Ok(relations)
}

/// A relation whose parts do not add up is still drawn, with a warning the widget shows.
fn relation_warnings(data: &Dataset) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for rel in &data.relations {
        for report in 0..data.reports.len() {
            let total = data.value(rel.total, report);
            // A plain loop rather than `sum::<Option<f64>>()`, whose adapter is larger in the
            // wasm; -0.0 is the start `Sum` uses for floats.
            let mut parts = Some(-0.0);
            for &p in &rel.parts {
                parts = parts.zip(data.value(p, report)).map(|(sum, x)| sum + x);
            }
            if let (Some(value), Some(parts)) = (total, parts) {
                if value != parts {
                    out.push(Mismatch { total: rel.total, report, parts, value });
                }
            }
        }
    }
    out
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
        let d = parse(&minimal("[1, null]")).map_err(|e| e.to_string());
        assert_eq!(d.map(|d| d.indicators[0].values.clone()), Ok(vec![Some(1.0), None]));
    }

    #[test]
    fn specific_errors() {
        let e = |v: &str| parse(&minimal(v)).err().map(|e| e.to_string());
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
    }

    #[test]
    fn errors_speak_every_language() {
        let e = parse(&minimal("[1, -3]")).err();
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
        let long = |n: usize| label_text(&"ə".repeat(n), "title", "az", &place).map(|s| s.chars().count());
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
}
