//! The numbers as an accessible HTML table and as CSV.

use crate::data::Dataset;
use crate::i18n::{filled, format_count, word, Lang, Word};
use crate::measure;
use crate::text::escape;
use crate::view::{members, Mode, Stack, View, ViewState};

/// Appends `<tag attrs>text</tag>`, the text escaped; `tag` is the name and its attributes.
fn cell(out: &mut String, tag: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag.split_once(' ').map_or(tag, |(name, _)| name));
    out.push('>');
}

/// Every indicator by report, grouped, with a caption and scoped headers. Gaps read "no data".
pub fn html(data: &Dataset, lang: Lang) -> String {
    const COL: &str = "th scope=\"col\"";
    let mut s = String::from("<table>");
    cell(&mut s, "caption", word(Word::TableCaption, lang));
    s.push_str("<thead><tr>");
    cell(&mut s, COL, word(Word::Indicator, lang));
    for r in &data.reports {
        cell(&mut s, COL, r.label.get(lang));
    }
    s.push_str("</tr></thead>");
    // The group headings span the indicator column and every report's.
    let colgroup = filled("th scope=\"colgroup\" colspan=\"{0}\"", &[&crate::decimal::count(data.reports.len() + 1)]);
    for (g, group) in data.groups.iter().enumerate() {
        let members = members(data, g);
        if members.is_empty() {
            continue;
        }
        s.push_str("<tbody><tr>");
        cell(&mut s, &colgroup, group.label.get(lang));
        s.push_str("</tr>");
        for ind in members.iter().filter_map(|&i| data.indicators.get(i)) {
            s.push_str("<tr>");
            cell(&mut s, "th scope=\"row\"", ind.label.get(lang));
            for v in &ind.values {
                let text = v.map_or_else(|| word(Word::NoData, lang).to_string(), |v| format_count(v, lang));
                cell(&mut s, "td", &text);
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody>");
    }
    s.push_str("</table>");
    s
}

/// Appends one CSV field and `end` (the separator or line break), quoting the field when it
/// holds a comma, quote or line break.
fn field(out: &mut String, s: &str, end: &str) {
    // Byte loops rather than a char-array pattern and `replace`, generic copies of their own.
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push('"');
        for c in s.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
    out.push_str(end);
}

/// Plain digits with '.' as the decimal point, for spreadsheets in any locale.
fn plain(v: Option<f64>) -> String {
    match v {
        Some(v) => crate::decimal::fixed(v, if v.fract() == 0.0 { 0 } else { 2 }),
        None => String::new(),
    }
}

/// Exactly the series the current view shows, one row per indicator and report.
pub fn csv(data: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    let measure_name = match (state.view, state.mode, state.stack) {
        (View::Compare, Mode::Indexed, _) => "index_first_report_100",
        (View::Compare, Mode::Change, _) => "percent_change_vs_previous",
        (View::Breakdown, _, Stack::Percent) => "percent_of_total",
        _ => "value",
    };
    let relation = data.relations.first();
    // The rows' indicators; Compare and Breakdown leave out the series hidden in the legend.
    let rows: Vec<usize> = match (state.view, relation) {
        (View::Compare, _) => state.compare_indices(data),
        (View::Breakdown, Some(rel)) => rel.parts.clone(),
        (View::Breakdown, None) => return String::new(),
        (View::Overview | View::Table, _) => {
            // A loop rather than `collect`, which would be a generic copy of its own.
            let mut all = Vec::new();
            for i in 0..data.indicators.len() {
                all.push(i);
            }
            all
        }
    };
    let legend = matches!(state.view, View::Compare | View::Breakdown);
    // One mode and one optional total for every row, rather than a way of reading values per view.
    let mode = if state.view == View::Compare { state.mode } else { Mode::Absolute };
    let percent_of = match (state.view, state.stack) {
        (View::Breakdown, Stack::Percent) => relation.map(|rel| rel.total),
        _ => None,
    };
    let mut out = String::from("indicator_id,");
    field(&mut out, word(Word::Indicator, lang), ",report_id,");
    field(&mut out, word(Word::Report, lang), ",");
    field(&mut out, measure_name, "\r\n");
    for &i in &rows {
        let Some(ind) = data.indicators.get(i) else { continue };
        if legend && state.is_hidden(data, i) {
            continue;
        }
        let values = measure::shown(data, i, mode);
        for (r, rep) in data.reports.iter().enumerate() {
            let value = values.get(r).copied().flatten();
            let value = match percent_of {
                Some(total) => measure::share(value, data.value(total, r)),
                None => value,
            };
            field(&mut out, &ind.id, ",");
            field(&mut out, ind.label.get(lang), ",");
            field(&mut out, &rep.id, ",");
            field(&mut out, rep.label.get(lang), ",");
            field(&mut out, &plain(value), "\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_caption_scoped_headers_and_every_value() {
        let html = html(&Dataset::for_tests(), Lang::En);
        assert!(html.starts_with("<table><caption>"));
        assert_eq!(html.matches("<th scope=\"row\">").count(), 8);
        assert_eq!(html.matches("<td>").count(), 40);
        assert!(html.contains("<td>96,732</td>") && html.contains("<td>13</td>"));
        assert!(html_contains_ru_nbsp());
    }

    fn html_contains_ru_nbsp() -> bool {
        html(&Dataset::for_tests(), Lang::Ru).contains("<td>96\u{a0}732</td>")
    }

    #[test]
    fn csv_holds_what_compare_shows() {
        let mut s = ViewState::default();
        s.set("view", "compare");
        s.set("indicators", "citizenship");
        let csv = csv(&Dataset::for_tests(), &s);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "indicator_id,Indicator,report_id,Report,value");
        assert_eq!(lines[1], "citizenship,Applications on establishment of citizenship,r1,Report 1,2746");
        assert_eq!(lines.len(), 6);
        s.set("mode", "change");
        let csv = super::csv(&Dataset::for_tests(), &s);
        assert_eq!(
            csv.lines().nth(2),
            Some("citizenship,Applications on establishment of citizenship,r2,Report 2,34.23")
        );
        assert!(csv.lines().nth(1).is_some_and(|l| l.ends_with(",r1,Report 1,")));
    }

    #[test]
    fn csv_quotes_commas() {
        let quoted = |s| {
            let mut out = String::new();
            field(&mut out, s, ",");
            out
        };
        assert_eq!(quoted("a,b"), "\"a,b\",");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\",");
    }
}
