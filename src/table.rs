//! The numbers as an accessible HTML table and as CSV.

use std::borrow::Cow;
use std::fmt::Write;

use crate::data::Dataset;
use crate::i18n::{format_count, word, Lang, Word};
use crate::measure;
use crate::text::escape;
use crate::view::{members, Mode, Stack, View, ViewState};

/// Appends `<tag attrs>text</tag>`, the text escaped; `tag` is the name and its attributes.
fn cell(out: &mut String, tag: &str, text: &str) {
    let name = tag.split_once(' ').map_or(tag, |(name, _)| name);
    // Writing to a String cannot fail.
    let _ = write!(out, "<{tag}>{}</{name}>", escape(text));
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
    let colgroup = format!("th scope=\"colgroup\" colspan=\"{}\"", data.reports.len() + 1);
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

/// One CSV text field. A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'`, so that a spreadsheet shows it rather than running it as a formula
/// (OWASP's advice on CSV injection); a field holding a comma, quote or line break is quoted.
fn text_field(s: &str) -> Cow<'_, str> {
    let s =
        if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { Cow::Owned(format!("'{s}")) } else { Cow::Borrowed(s) };
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        s
    }
}

/// A CSV number field: plain digits with '.' as the decimal point, for spreadsheets in any
/// locale, and a leading '-' for negatives (a number, never escaped as a formula). Empty for a
/// gap.
fn number_field(v: Option<f64>) -> String {
    match v {
        Some(v) => crate::decimal::fixed(v, if v.fract() == 0.0 { 0 } else { 2 }),
        None => String::new(),
    }
}

/// The indicators whose rows the CSV of the current view holds, before hidden series are left
/// out; `None` for a breakdown of a dataset without a relation.
fn row_indicators(data: &Dataset, state: &ViewState) -> Option<Vec<usize>> {
    match state.view {
        View::Compare => Some(state.compare_indices(data)),
        View::Breakdown => data.relations.first().map(|rel| rel.parts.clone()),
        View::Overview | View::Table => Some((0..data.indicators.len()).collect()),
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
    let Some(rows) = row_indicators(data, state) else {
        return String::new();
    };
    // Compare and Breakdown leave out the series hidden in the legend.
    let legend = matches!(state.view, View::Compare | View::Breakdown);
    let mode = if state.view == View::Compare { state.mode } else { Mode::Absolute };
    let percent_of = match (state.view, state.stack) {
        (View::Breakdown, Stack::Percent) => data.relations.first().map(|rel| rel.total),
        _ => None,
    };
    let (indicator, report) = (text_field(word(Word::Indicator, lang)), text_field(word(Word::Report, lang)));
    let mut out = format!("indicator_id,{indicator},report_id,{report},{measure_name}\r\n");
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
            let (id, label) = (text_field(&ind.id), text_field(ind.label.get(lang)));
            let (report_id, report) = (text_field(&rep.id), text_field(rep.label.get(lang)));
            let _ = write!(out, "{id},{label},{report_id},{report},{}\r\n", number_field(value));
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
        assert_eq!(text_field("a,b"), "\"a,b\"");
        assert_eq!(text_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(text_field("plain"), "plain");
    }

    #[test]
    fn csv_text_that_a_spreadsheet_would_run_is_escaped() {
        assert_eq!(text_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(text_field("+1"), "'+1");
        assert_eq!(text_field("-2+3"), "'-2+3");
        assert_eq!(text_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_field("\tx"), "'\tx");
        assert_eq!(text_field("\rx"), "\"'\rx\"");
        assert_eq!(text_field("a=b"), "a=b");
        // Numbers stay numbers.
        assert_eq!(number_field(Some(-12.0)), "-12");
        assert_eq!(number_field(Some(-8.080808)), "-8.08");
        assert_eq!(number_field(None), "");
    }

    #[test]
    fn csv_of_a_dataset_with_formula_labels() {
        let mut data = Dataset::for_tests();
        if let Some(ind) = data.indicators.first_mut() {
            ind.label.en = "=1+2".to_string();
        }
        let csv = csv(&data, &ViewState::default());
        let line = csv.lines().nth(1).unwrap_or_default();
        assert_eq!(line, "stay-registration,'=1+2,r1,Report 1,96732");
        // A negative change is a number, not escaped.
        let mut s = ViewState::default();
        s.set("view", "compare");
        s.set("mode", "change");
        s.set("indicators", "stay-registration");
        let change = super::csv(&data, &s);
        assert_eq!(change.lines().nth(2), Some("stay-registration,'=1+2,r2,Report 2,-27.44"));
    }
}
