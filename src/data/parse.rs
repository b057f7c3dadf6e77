//! Reading the dataset's JSON format, with errors that say exactly what is wrong and where.

use super::json::{self, Json, Object};
use super::{Dataset, Group, Indicator, Mismatch, Relation, Report, Source, Text};
use std::fmt;

/// Larger files are refused before parsing: the widget must stay responsive.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Values above this lose integer precision in f64 and are certainly not counts of people.
const MAX_VALUE: f64 = 1e15;
const MAX_LABEL_CHARS: usize = 500;

#[derive(Clone, Debug, PartialEq)]
pub struct DataError(pub String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DataError {}

fn err<T>(message: impl Into<String>) -> Result<T, DataError> {
    Err(DataError(message.into()))
}

/// Parses and validates a dataset. On success every indicator has one value slot per report,
/// ids are unique and every relation refers to existing indicators.
pub fn parse(json: &str) -> Result<Dataset, DataError> {
    if json.len() > MAX_BYTES {
        return err(format!("the file is {} bytes; the limit is {} bytes", json.len(), MAX_BYTES));
    }
    let root = json::parse(json).map_err(|e| DataError(format!("the file is not valid JSON: {e}")))?;
    let root = root.as_object().ok_or_else(|| DataError("the file must hold a JSON object".into()))?;
    let groups = parse_groups(root)?;
    let reports = parse_reports(root)?;
    let indicators = parse_indicators(root, &groups, reports.len())?;
    let relations = parse_relations(root, &indicators)?;
    let mut data = Dataset {
        title: opt_text(root, "title", "title")?.unwrap_or_default(),
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

fn array<'a>(obj: &'a Object, key: &str, ctx: &str) -> Result<&'a Vec<Json>, DataError> {
    match obj.get(key) {
        Some(Json::Array(a)) => Ok(a),
        Some(_) => err(format!("{ctx}: '{key}' must be a list")),
        None => err(format!("{ctx}: '{key}' is missing")),
    }
}

fn object<'a>(v: &'a Json, ctx: &str) -> Result<&'a Object, DataError> {
    v.as_object().ok_or_else(|| DataError(format!("{ctx} must be a JSON object")))
}

fn string(obj: &Object, key: &str, ctx: &str) -> Result<String, DataError> {
    match obj.get(key) {
        Some(Json::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Json::String(_)) => err(format!("{ctx}: '{key}' is empty")),
        Some(_) => err(format!("{ctx}: '{key}' must be text")),
        None => err(format!("{ctx}: '{key}' is missing")),
    }
}

fn id(obj: &Object, ctx: &str) -> Result<String, DataError> {
    let id = string(obj, "id", ctx)?;
    let ok =
        id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        err(format!("{ctx}: id '{}' may use only a-z, 0-9, '-' and '_' (at most 64)", truncate(&id, 40)))
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
fn text(v: &Json, ctx: &str) -> Result<Text, DataError> {
    let checked = |s: &str, lang: &str| -> Result<String, DataError> {
        let n = s.chars().count();
        if s.trim().is_empty() {
            err(format!("{ctx}: the {lang} text is empty"))
        } else if n > MAX_LABEL_CHARS {
            err(format!("{ctx}: the {lang} text has {n} characters; the limit is {MAX_LABEL_CHARS}"))
        } else {
            Ok(s.to_string())
        }
    };
    match v {
        Json::String(s) => Ok(Text { en: checked(s, "en")?, az: None, ru: None }),
        Json::Object(o) => {
            let one = |lang: &str| -> Result<Option<String>, DataError> {
                match o.get(lang) {
                    None | Some(Json::Null) => Ok(None),
                    Some(Json::String(s)) => checked(s, lang).map(Some),
                    Some(_) => err(format!("{ctx}: the {lang} text must be text")),
                }
            };
            let en = one("en")?.ok_or_else(|| DataError(format!("{ctx}: the en text is missing")))?;
            Ok(Text { en, az: one("az")?, ru: one("ru")? })
        }
        _ => err(format!("{ctx} must be text or an object of texts by language")),
    }
}

fn opt_text(obj: &Object, key: &str, ctx: &str) -> Result<Option<Text>, DataError> {
    obj.get(key).map(|v| text(v, &format!("{ctx} '{key}'"))).transpose()
}

fn req_text(obj: &Object, key: &str, ctx: &str) -> Result<Text, DataError> {
    opt_text(obj, key, ctx)?.ok_or_else(|| DataError(format!("{ctx}: '{key}' is missing")))
}

fn parse_source(root: &Object) -> Result<Source, DataError> {
    let Some(v) = root.get("source") else {
        return Ok(Source::default());
    };
    let o = object(v, "'source'")?;
    let plain = |key: &str| -> Result<String, DataError> {
        match o.get(key) {
            None => Ok(String::new()),
            Some(Json::String(s)) => Ok(s.clone()),
            Some(_) => err(format!("source: '{key}' must be text")),
        }
    };
    Ok(Source {
        publisher: opt_text(o, "publisher", "source")?.unwrap_or_default(),
        url: plain("url")?,
        last_updated: plain("last_updated")?,
        note: opt_text(o, "note", "source")?.unwrap_or_default(),
    })
}

fn unique(ids: impl Iterator<Item = String>, what: &str) -> Result<(), DataError> {
    let mut seen: Vec<String> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            return err(format!("{what} id '{id}' is used twice"));
        }
        seen.push(id);
    }
    Ok(())
}

fn parse_groups(root: &Object) -> Result<Vec<Group>, DataError> {
    let list = array(root, "groups", "the dataset")?;
    if list.is_empty() {
        return err("the dataset: 'groups' is empty; at least one group is needed");
    }
    let groups = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let ctx = format!("group {}", i + 1);
            let o = object(v, &ctx)?;
            let id = id(o, &ctx)?;
            let ctx = format!("group '{id}'");
            Ok(Group { label: req_text(o, "label", &ctx)?, id })
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    unique(groups.iter().map(|g| g.id.clone()), "group")?;
    Ok(groups)
}

fn parse_reports(root: &Object) -> Result<Vec<Report>, DataError> {
    let list = array(root, "reports", "the dataset")?;
    if list.is_empty() {
        return err("the dataset: 'reports' is empty; at least one report is needed");
    }
    let reports = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let ctx = format!("report {}", i + 1);
            let o = object(v, &ctx)?;
            let id = id(o, &ctx)?;
            let ctx = format!("report '{id}'");
            let label = req_text(o, "label", &ctx)?;
            let short = opt_text(o, "short", &ctx)?.unwrap_or_else(|| label.clone());
            Ok(Report { id, label, short })
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    unique(reports.iter().map(|r| r.id.clone()), "report")?;
    Ok(reports)
}

fn parse_value(v: &Json, ctx: &str, report: usize) -> Result<Option<f64>, DataError> {
    let at = format!("{ctx}: value for report {}", report + 1);
    match v {
        Json::Null => Ok(None),
        Json::Number(x) => {
            let x = *x;
            if !x.is_finite() || x > MAX_VALUE {
                err(format!("{at} is too large (the limit is 10^15)"))
            } else if x < 0.0 {
                err(format!("{at} is negative"))
            } else if x.fract() != 0.0 {
                err(format!("{at} is not a whole number"))
            } else {
                Ok(Some(x))
            }
        }
        Json::String(_) => err(format!("{at} is text; write the number without quotes")),
        _ => err(format!("{at} must be a number or null")),
    }
}

fn parse_indicators(root: &Object, groups: &[Group], reports: usize) -> Result<Vec<Indicator>, DataError> {
    let list = array(root, "indicators", "the dataset")?;
    if list.is_empty() {
        return err("the dataset: 'indicators' is empty; at least one indicator is needed");
    }
    let indicators = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let ctx = format!("indicator {}", i + 1);
            let o = object(v, &ctx)?;
            let id = id(o, &ctx)?;
            let ctx = format!("indicator '{id}'");
            let group_id = string(o, "group", &ctx)?;
            let group = groups.iter().position(|g| g.id == group_id).ok_or_else(|| {
                DataError(format!("{ctx}: group '{}' is not declared in 'groups'", truncate(&group_id, 40)))
            })?;
            let label = req_text(o, "label", &ctx)?;
            let short = opt_text(o, "short", &ctx)?.unwrap_or_else(|| label.clone());
            let raw = array(o, "values", &ctx)?;
            if raw.len() != reports {
                return err(format!("{ctx}: has {} values but the dataset has {reports} reports", raw.len()));
            }
            let values =
                raw.iter().enumerate().map(|(r, v)| parse_value(v, &ctx, r)).collect::<Result<Vec<_>, DataError>>()?;
            Ok(Indicator { id, group, label, short, values })
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    unique(indicators.iter().map(|i| i.id.clone()), "indicator")?;
    Ok(indicators)
}

fn parse_relations(root: &Object, indicators: &[Indicator]) -> Result<Vec<Relation>, DataError> {
    let Some(v) = root.get("relations") else {
        return Ok(Vec::new());
    };
    let list = v.as_array().ok_or_else(|| DataError("the dataset: 'relations' must be a list".into()))?;
    let find = |id: &str, ctx: &str| {
        indicators
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(|| DataError(format!("{ctx}: indicator '{}' does not exist", truncate(id, 40))))
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let ctx = format!("relation {}", i + 1);
            let o = object(v, &ctx)?;
            let total = find(&string(o, "total", &ctx)?, &ctx)?;
            let parts = array(o, "parts", &ctx)?
                .iter()
                .map(|p| match p {
                    Json::String(s) => find(s, &ctx),
                    _ => err(format!("{ctx}: each part must be an indicator id")),
                })
                .collect::<Result<Vec<_>, DataError>>()?;
            if parts.is_empty() {
                return err(format!("{ctx}: 'parts' is empty"));
            }
            if parts.contains(&total) {
                return err(format!("{ctx}: the total cannot be one of its own parts"));
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
        let d = parse(&minimal("[1, null]")).map_err(|e| e.0);
        assert_eq!(d.map(|d| d.indicators[0].values.clone()), Ok(vec![Some(1.0), None]));
    }

    #[test]
    fn specific_errors() {
        let e = |v: &str| parse(&minimal(v)).err().map(|e| e.0);
        assert_eq!(e("[1, -3]").as_deref(), Some("indicator 'x': value for report 2 is negative"));
        assert_eq!(e("[1.5, 3]").as_deref(), Some("indicator 'x': value for report 1 is not a whole number"));
        assert_eq!(e("[1]").as_deref(), Some("indicator 'x': has 1 values but the dataset has 2 reports"));
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
    fn oversized_input_is_refused_before_parsing() {
        let big = " ".repeat(MAX_BYTES + 1);
        assert!(parse(&big).err().is_some_and(|e| e.0.contains("the limit is")));
    }

    #[test]
    fn parts_that_do_not_sum_warn_but_parse() {
        let json = r#"{"groups":[{"id":"g","label":"G"}],"reports":[{"id":"a","label":"A"}],
          "indicators":[{"id":"t","group":"g","label":"T","values":[5]},{"id":"p","group":"g","label":"P","values":[3]}],
          "relations":[{"total":"t","parts":["p"]}]}"#;
        let d = parse(json).map_err(|e| e.0);
        assert_eq!(d.map(|d| d.warnings), Ok(vec![Mismatch { total: 0, report: 0, parts: 3.0, value: 5.0 }]));
    }
}
