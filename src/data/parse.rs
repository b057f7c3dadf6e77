//! Reading the dataset's JSON format, with errors that say exactly what is wrong and where.

use super::error::{DataError, Name, Place, Problem};
use super::json::{self, Json, Object};
use super::{Dataset, Group, Indicator, Mismatch, Relation, Report, Source, Text};

/// Larger files are refused before parsing: the widget must stay responsive.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Values above this lose integer precision in f64 and are certainly not counts of people.
const MAX_VALUE: f64 = 1e15;
const MAX_LABEL_CHARS: usize = 500;

type Res<T> = Result<T, DataError>;

fn err<T>(place: &Place, problem: Problem) -> Res<T> {
    Err(DataError { place: place.clone(), problem })
}

/// Parses and validates a dataset. On success every indicator has one value slot per report,
/// ids are unique and every relation refers to existing indicators.
pub fn parse(text: &str) -> Res<Dataset> {
    let file = Place::File;
    if text.len() > MAX_BYTES {
        return err(&file, Problem::TooLarge { bytes: text.len(), limit: MAX_BYTES });
    }
    let root = json::parse(text).or_else(|e| err(&file, Problem::Syntax(e.to_string())))?;
    let Some(root) = root.as_object() else { return err(&file, Problem::NotObject) };
    let groups = parse_groups(root)?;
    let reports = parse_reports(root)?;
    let indicators = parse_indicators(root, &groups, reports.len())?;
    let relations = parse_relations(root, &indicators)?;
    let mut data = Dataset {
        title: opt_text(root, "title", &file)?.unwrap_or_default(),
        axis: opt_text(root, "axis", &file)?,
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

fn string(obj: &Object, key: &'static str, place: &Place) -> Res<String> {
    match obj.get(key) {
        Some(Json::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Json::String(_)) => err(place, Problem::EmptyText(key)),
        Some(_) => err(place, Problem::NotText(key)),
        None => err(place, Problem::Missing(key)),
    }
}

fn id(obj: &Object, place: &Place) -> Res<String> {
    let id = string(obj, "id", place)?;
    let ok =
        id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        err(place, Problem::BadId(truncate(&id, 40)))
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max).chain("…".chars()).collect()
    }
}

/// A label: either plain text (English) or `{ "en": …, "az": …, "ru": … }` with `en` required.
fn text(v: &Json, key: &'static str, place: &Place) -> Res<Text> {
    let checked = |s: &str, lang: &'static str| -> Res<String> {
        let chars = s.chars().count();
        if s.trim().is_empty() {
            err(place, Problem::LabelLanguageEmpty(key, lang))
        } else if chars > MAX_LABEL_CHARS {
            err(place, Problem::LabelTooLong { key, lang, chars, limit: MAX_LABEL_CHARS })
        } else {
            Ok(s.to_string())
        }
    };
    match v {
        Json::String(s) => Ok(Text { en: checked(s, "en")?, az: None, ru: None }),
        Json::Object(o) => {
            let one = |lang: &'static str| -> Res<Option<String>> {
                match o.get(lang) {
                    None | Some(Json::Null) => Ok(None),
                    Some(Json::String(s)) => checked(s, lang).map(Some),
                    Some(_) => err(place, Problem::LabelLanguageNotText(key, lang)),
                }
            };
            let Some(en) = one("en")? else { return err(place, Problem::LabelMissingEnglish(key)) };
            Ok(Text { en, az: one("az")?, ru: one("ru")? })
        }
        _ => err(place, Problem::LabelShape(key)),
    }
}

fn opt_text(obj: &Object, key: &'static str, place: &Place) -> Res<Option<Text>> {
    obj.get(key).map(|v| text(v, key, place)).transpose()
}

fn req_text(obj: &Object, key: &'static str, place: &Place) -> Res<Text> {
    opt_text(obj, key, place)?.map_or_else(|| err(place, Problem::Missing(key)), Ok)
}

fn parse_source(root: &Object) -> Res<Source> {
    let Some(v) = root.get("source") else {
        return Ok(Source::default());
    };
    let place = Place::Source;
    let o = object(v, &place)?;
    let plain = |key: &'static str| -> Res<String> {
        match o.get(key) {
            None => Ok(String::new()),
            Some(Json::String(s)) => Ok(s.clone()),
            Some(_) => err(&place, Problem::NotText(key)),
        }
    };
    Ok(Source {
        publisher: opt_text(o, "publisher", &place)?.unwrap_or_default(),
        url: plain("url")?,
        last_updated: plain("last_updated")?,
        note: opt_text(o, "note", &place)?.unwrap_or_default(),
    })
}

/// The second use of an id is the error, named by its position.
fn unique<'a>(ids: impl Iterator<Item = &'a str>, place: impl Fn(Name) -> Place) -> Res<()> {
    let mut seen: Vec<&str> = Vec::new();
    for (n, id) in ids.enumerate() {
        if seen.contains(&id) {
            return err(&place(Name::Nth(n + 1)), Problem::DuplicateId(id.to_string()));
        }
        seen.push(id);
    }
    Ok(())
}

fn parse_groups(root: &Object) -> Res<Vec<Group>> {
    let groups = top_list(root, "groups")?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let place = Place::Group(Name::Nth(i + 1));
            let o = object(v, &place)?;
            let id = id(o, &place)?;
            let place = Place::Group(Name::Id(id.clone()));
            Ok(Group { label: req_text(o, "label", &place)?, id })
        })
        .collect::<Res<Vec<_>>>()?;
    unique(groups.iter().map(|g| g.id.as_str()), Place::Group)?;
    Ok(groups)
}

fn parse_reports(root: &Object) -> Res<Vec<Report>> {
    let reports = top_list(root, "reports")?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let place = Place::Report(Name::Nth(i + 1));
            let o = object(v, &place)?;
            let id = id(o, &place)?;
            let place = Place::Report(Name::Id(id.clone()));
            let label = req_text(o, "label", &place)?;
            let short = opt_text(o, "short", &place)?.unwrap_or_else(|| label.clone());
            Ok(Report { id, label, short })
        })
        .collect::<Res<Vec<_>>>()?;
    unique(reports.iter().map(|r| r.id.as_str()), Place::Report)?;
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
    let indicators = top_list(root, "indicators")?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let place = Place::Indicator(Name::Nth(i + 1));
            let o = object(v, &place)?;
            let id = id(o, &place)?;
            let place = Place::Indicator(Name::Id(id.clone()));
            let group_id = string(o, "group", &place)?;
            let Some(group) = groups.iter().position(|g| g.id == group_id) else {
                return err(&place, Problem::UnknownGroup(truncate(&group_id, 40)));
            };
            let label = req_text(o, "label", &place)?;
            let short = opt_text(o, "short", &place)?.unwrap_or_else(|| label.clone());
            let raw = array(o, "values", &place)?;
            if raw.len() != reports {
                return err(&place, Problem::ValueCount { values: raw.len(), reports });
            }
            let values = raw.iter().enumerate().map(|(r, v)| parse_value(v, &place, r)).collect::<Res<Vec<_>>>()?;
            Ok(Indicator { id, group, label, short, values })
        })
        .collect::<Res<Vec<_>>>()?;
    unique(indicators.iter().map(|i| i.id.as_str()), Place::Indicator)?;
    Ok(indicators)
}

fn parse_relations(root: &Object, indicators: &[Indicator]) -> Res<Vec<Relation>> {
    if root.get("relations").is_none() {
        return Ok(Vec::new());
    }
    let find = |id: &str, place: &Place| {
        indicators
            .iter()
            .position(|i| i.id == id)
            .map_or_else(|| err(place, Problem::UnknownIndicator(truncate(id, 40))), Ok)
    };
    array(root, "relations", &Place::File)?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let place = Place::Relation(i + 1);
            let o = object(v, &place)?;
            let total = find(&string(o, "total", &place)?, &place)?;
            let parts = array(o, "parts", &place)?
                .iter()
                .map(|p| match p {
                    Json::String(s) => find(s, &place),
                    _ => err(&place, Problem::PartNotId),
                })
                .collect::<Res<Vec<_>>>()?;
            if parts.is_empty() {
                return err(&place, Problem::EmptyList("parts"));
            }
            if parts.contains(&total) {
                return err(&place, Problem::TotalInParts);
            }
            Ok(Relation { total, parts })
        })
        .collect()
}

/// A relation whose parts do not add up is still drawn, with a warning the widget shows.
fn relation_warnings(data: &Dataset) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for rel in &data.relations {
        for report in 0..data.reports.len() {
            let total = data.value(rel.total, report);
            let parts: Option<f64> = rel.parts.iter().map(|&p| data.value(p, report)).sum();
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
    fn parts_that_do_not_sum_warn_but_parse() {
        let json = r#"{"groups":[{"id":"g","label":"G"}],"reports":[{"id":"a","label":"A"}],
          "indicators":[{"id":"t","group":"g","label":"T","values":[5]},{"id":"p","group":"g","label":"P","values":[3]}],
          "relations":[{"total":"t","parts":["p"]}]}"#;
        let d = parse(json).map_err(|e| e.to_string());
        assert_eq!(d.map(|d| d.warnings), Ok(vec![Mismatch { total: 0, report: 0, parts: 3.0, value: 5.0 }]));
    }
}
