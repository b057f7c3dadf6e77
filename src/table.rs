//! The numbers as an accessible HTML table and as CSV.

use std::borrow::Cow;
use std::fmt::Write;

use crate::data::{Dataset, Indicator};
use crate::i18n::{format_count, table_part, word, Lang, Word, TABLE_SCROLLS};
use crate::measure;
use crate::text::escape;
use crate::view::{Mode, Stack, View, ViewState};

/// The most values the Table view shows. Past this the table would take the browser long to
/// lay out (issue 13: 10,000 cells took seconds, 2,000 a 129 ms frame, 1,000 a 46–66 ms one)
/// and be no use to read; the note over it points to the CSV, which holds every value.
pub const MAX_CELLS: usize = 1_000;

/// The fewest reports a cut table keeps, so that even thousands of indicators leave a trend
/// to read along each row.
const MIN_REPORTS: usize = 5;

/// How much of a dataset the table shows: its first `rows` indicators (in group order) and its
/// first `columns` reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Extent {
    rows: usize,
    columns: usize,
}

impl Extent {
    /// Every report for every indicator while that stays within `MAX_CELLS`; past it, every
    /// indicator with as many reports as fit, but at least `MIN_REPORTS`, and then as many
    /// indicators as fit.
    fn of(data: &Dataset) -> Extent {
        let (indicators, reports) = (data.indicators.len(), data.reports.len());
        let columns = reports.min((MAX_CELLS / indicators.max(1)).max(MIN_REPORTS));
        let rows = indicators.min(MAX_CELLS.checked_div(columns).unwrap_or(indicators));
        Extent { rows, columns }
    }

    fn is_whole(self, data: &Dataset) -> bool {
        self.rows == data.indicators.len() && self.columns == data.reports.len()
    }
}

/// The indicators of each group, in the dataset's order, found in one pass.
fn by_group(data: &Dataset) -> Vec<Vec<&Indicator>> {
    let mut groups: Vec<Vec<&Indicator>> = data.groups.iter().map(|_| Vec::new()).collect();
    for ind in &data.indicators {
        if let Some(members) = groups.get_mut(ind.group) {
            members.push(ind);
        }
    }
    groups
}

/// Appends `<tag attrs>text</tag>`, the text escaped; `tag` is the name and its attributes.
fn cell(out: &mut String, tag: &str, text: &str) {
    let name = tag.split_once(' ').map_or(tag, |(name, _)| name);
    // Writing to a String cannot fail.
    let _ = write!(out, "<{tag}>{}</{name}>", escape(text));
}

/// The Table view: the note when the table is cut, and the table in a region that scrolls
/// sideways, reached by the keyboard and named by its caption.
pub fn view(data: &Dataset, lang: Lang) -> String {
    let extent = Extent::of(data);
    let mut s = String::with_capacity(capacity(extent));
    if !extent.is_whole(data) {
        cell(&mut s, "p class=\"note\"", &part_note(data, extent, lang));
    }
    let _ = write!(
        s,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\" aria-describedby=\"table-scrolls\">",
        word(Word::TableCaption, lang)
    );
    write_table(&mut s, data, lang, extent);
    s.push_str("</div>");
    cell(&mut s, "p id=\"table-scrolls\" class=\"sr-only\"", TABLE_SCROLLS.get(lang));
    s
}

/// Room for a table of `extent`: about 24 bytes a value ("<td>96,732</td>" and the markup
/// around it), so that the text is written into one allocation.
fn capacity(extent: Extent) -> usize {
    1024 + 24 * extent.rows * (extent.columns + 1)
}

/// What part of a cut table is shown, and where the rest is.
fn part_note(data: &Dataset, extent: Extent, lang: Lang) -> String {
    let shown = format_count((extent.rows * extent.columns) as f64, lang);
    let total = format_count((data.indicators.len() * data.reports.len()) as f64, lang);
    table_part(lang, [&shown, &total])
}

/// Every indicator by report, grouped, with a caption and scoped headers; gaps read "no data".
/// A dataset past `MAX_CELLS` values gives its first indicators and reports (`Extent`).
/// Captions and group names sit in a span, which the Table view keeps in sight as the table
/// scrolls sideways.
pub fn html(data: &Dataset, lang: Lang) -> String {
    let extent = Extent::of(data);
    let mut s = String::with_capacity(capacity(extent));
    write_table(&mut s, data, lang, extent);
    s
}

/// Appends the table of `extent` to `s`.
fn write_table(s: &mut String, data: &Dataset, lang: Lang, extent: Extent) {
    const COL: &str = "th scope=\"col\"";
    s.push_str("<table><caption>");
    cell(s, "span", word(Word::TableCaption, lang));
    s.push_str("</caption><thead><tr>");
    cell(s, COL, word(Word::Indicator, lang));
    for r in data.reports.iter().take(extent.columns) {
        cell(s, COL, r.label.get(lang));
    }
    s.push_str("</tr></thead>");
    // A group's heading spans the indicator column and every report's.
    let heading = format!("th scope=\"rowgroup\" colspan=\"{}\"", extent.columns + 1);
    let mut left = extent.rows;
    for (group, mut rows) in data.groups.iter().zip(by_group(data)) {
        rows.truncate(left);
        if rows.is_empty() {
            continue;
        }
        left -= rows.len();
        s.push_str("<tbody><tr><");
        s.push_str(&heading);
        s.push('>');
        cell(s, "span", group.label.get(lang));
        s.push_str("</th></tr>");
        for ind in rows {
            s.push_str("<tr>");
            // A break after each slash ("temporary/permanent"), which not every browser offers,
            // keeps the names' column narrow on a phone.
            s.push_str("<th scope=\"row\">");
            s.push_str(&escape(ind.label.get(lang)).replace('/', "/<wbr>"));
            s.push_str("</th>");
            for v in ind.values.iter().take(extent.columns) {
                // A formatted count is digits and separators: nothing to escape.
                s.push_str("<td>");
                match v {
                    Some(v) => s.push_str(&format_count(*v, lang)),
                    None => s.push_str(word(Word::NoData, lang)),
                }
                s.push_str("</td>");
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody>");
    }
    s.push_str("</table>");
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

    /// `k` indicators (in the first group) by `r` reports, every value 1,234, labels `label`.
    fn synthetic(k: usize, r: usize, label: &str) -> Dataset {
        let text = |s: String| crate::data::Text { en: s, az: None, ru: None };
        let mut data = Dataset::for_tests();
        data.reports = (0..r)
            .map(|i| crate::data::Report {
                id: format!("r{i}"),
                label: text(format!("{label} {i}")),
                short: text(i.to_string()),
            })
            .collect();
        data.indicators = (0..k)
            .map(|i| crate::data::Indicator {
                id: format!("s{i}"),
                group: 0,
                label: text(format!("{label} {i}")),
                short: text(i.to_string()),
                unit: None,
                values: vec![Some(1234.0); r],
            })
            .collect();
        data.relations.clear();
        data
    }

    #[test]
    fn the_view_is_a_focusable_region_named_in_the_readers_language() {
        for lang in Lang::ALL {
            let view = view(&Dataset::for_tests(), lang);
            let caption = escape(word(Word::TableCaption, lang));
            let region = format!(
                "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{caption}\" \
                 aria-describedby=\"table-scrolls\">"
            );
            assert!(view.starts_with(&region), "{view}");
            assert!(
                view.contains(&format!("<p id=\"table-scrolls\" class=\"sr-only\">{}</p>", TABLE_SCROLLS.get(lang)))
            );
            // The embedded dataset is shown whole: no note.
            assert!(!view.contains("class=\"note\""));
            assert_eq!(view.matches("<td>").count(), 40);
        }
    }

    #[test]
    fn a_table_past_the_cap_shows_its_first_values_and_says_so() {
        let data = synthetic(50, 2000, "Series");
        let view = view(&data, Lang::En);
        assert_eq!(view.matches("<td>").count(), MAX_CELLS);
        assert_eq!(view.matches("<th scope=\"row\">").count(), 50);
        assert_eq!(view.matches("<th scope=\"col\">").count(), 21);
        assert!(view.contains("<th scope=\"col\">Series 19</th>"));
        assert!(!view.contains("<th scope=\"col\">Series 20</th>"));
        assert!(view.contains("colspan=\"21\""));
        assert!(view.starts_with(
            "<p class=\"note\">Showing the first 1,000 of 100,000 values; the CSV export has them all.</p>"
        ));
        // The CSV of the Table view still holds every value.
        let csv = csv(&data, &ViewState::from_hash("view=table"));
        assert_eq!(csv.lines().count(), 1 + 100_000);
    }

    #[test]
    fn the_cap_keeps_a_few_reports_for_many_indicators() {
        let cut = |k, r| Extent::of(&synthetic(k, r, "x"));
        assert_eq!(cut(8, 5), Extent { rows: 8, columns: 5 });
        assert_eq!(cut(50, 20), Extent { rows: 50, columns: 20 });
        assert_eq!(cut(50, 40), Extent { rows: 50, columns: 20 });
        assert_eq!(cut(8, 10_000), Extent { rows: 8, columns: 125 });
        assert_eq!(cut(3000, 100), Extent { rows: 200, columns: MIN_REPORTS });
        assert_eq!(cut(3000, 2), Extent { rows: 500, columns: 2 });
        assert_eq!(cut(3, 0), Extent { rows: 3, columns: 0 });
        let data = synthetic(3000, 100, "x");
        let html = html(&data, Lang::Ru);
        assert_eq!(html.matches("<td>").count(), 1000);
        assert!(part_note(&data, Extent::of(&data), Lang::Ru)
            .starts_with("Показаны первые значения: 1\u{a0}000 из 300\u{a0}000"));
    }

    #[test]
    fn labels_are_escaped_and_names_may_break_after_a_slash() {
        let mut data = synthetic(2, 2, "<b>\"&'</b> a/b");
        if let Some(group) = data.groups.first_mut() {
            group.label.en = "<i>group</i>".to_string();
        }
        let html = html(&data, Lang::En);
        assert!(html.contains("<th scope=\"col\">&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt; a/b 1</th>"));
        assert!(html.contains("<th scope=\"row\">&lt;b&gt;&quot;&amp;&#39;&lt;/<wbr>b&gt; a/<wbr>b 0</th>"));
        assert!(html.contains("<span>&lt;i&gt;group&lt;/i&gt;</span>"));
        assert!(!html.contains("<b>") && !html.contains("<i>"));
    }

    #[test]
    fn the_part_note_uses_every_count_in_every_language() {
        crate::i18n::assert_uses_every_value("table_part", table_part);
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
