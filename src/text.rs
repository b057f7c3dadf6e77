//! Words for one datum, shared by the tooltip, the live region and the summary: the
//! indicator, the report, the value as shown, its change and its share of a total; and the
//! warning about a dataset whose parts do not add up.

use crate::data::Dataset;
use crate::i18n::{
    format_change, format_count, format_number, format_percent, mismatch_lead, mismatch_line, word, Lang, Word,
};
use crate::measure;
use crate::view::{Mode, View, ViewState};

#[derive(Clone, Debug, PartialEq)]
pub struct Datum {
    pub indicator: String,
    pub report: String,
    /// The value line: the count, and the index or % change where the mode shows one.
    pub value: String,
    /// Change against the previous report, or a note that there is none.
    pub change: String,
    /// Share of the total this indicator is part of, where the dataset declares one.
    pub share: Option<String>,
}

pub fn datum(data: &Dataset, state: &ViewState, indicator: usize, report: usize) -> Option<Datum> {
    let lang = state.lang;
    let ind = data.indicators.get(indicator)?;
    let rep = data.reports.get(report)?;
    let raw = data.value(indicator, report);
    let count = raw.map_or_else(|| word(Word::NoData, lang).to_string(), |v| format_count(v, lang));
    let value = match (state.view, state.mode) {
        (View::Compare, Mode::Indexed) => {
            let index = measure::indexed(&ind.values).get(report).copied().flatten();
            let index = format_number(index.unwrap_or(f64::NAN), 1, lang);
            format!("{count} · {}: {index}", word(Word::IndexShort, lang))
        }
        _ => count,
    };
    let previous = report.checked_sub(1).and_then(|p| data.value(indicator, p));
    let change = if report == 0 {
        word(Word::NoPrevious, lang).to_string()
    } else {
        // A dash where there is nothing to compare with.
        let change = measure::change_between(previous, raw).map_or_else(|| "—".to_string(), |c| format_change(c, lang));
        format!("{change} {}", word(Word::ChangeVsPrevious, lang))
    };
    let share = data.total_of(indicator).and_then(|t| {
        let s = measure::share(raw, data.value(t, report))?;
        Some(share_phrase(format_percent(s, lang), data.indicators.get(t)?.short.get(lang), lang))
    });
    Some(Datum {
        indicator: ind.label.get(lang).to_string(),
        report: rep.label.get(lang).to_string(),
        value,
        change,
        share,
    })
}

fn share_phrase(percent: String, total: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{percent} of {total}"),
        Lang::Az => format!("{total}: {percent} pay"),
        Lang::Ru => format!("{percent} от показателя «{total}»"),
    }
}

impl Datum {
    /// One line for a screen reader: indicator, report, value, change, share.
    pub fn sentence(&self) -> String {
        let Datum { indicator, report, value, change, share } = self;
        match share {
            Some(share) => format!("{indicator}, {report}: {value}; {change}; {share}."),
            None => format!("{indicator}, {report}: {value}; {change}."),
        }
    }
}

/// The warning for parts that do not add up to their total, listing each report; `None` when
/// every relation adds up.
pub fn mismatch_warning(data: &Dataset, lang: Lang) -> Option<String> {
    // A few are named and the rest counted: a large file must not flood the live region.
    const NAMED: usize = 3;
    let mut lines: Vec<String> = data
        .warnings
        .iter()
        .take(NAMED)
        .map(|m| {
            let total = data.indicators.get(m.total).map_or("", |i| i.short.get(lang));
            let report = data.reports.get(m.report).map_or("", |r| r.label.get(lang));
            mismatch_line(lang, total, report, &format_count(m.parts, lang), &format_count(m.value, lang))
        })
        .collect();
    let more = data.warnings.len().saturating_sub(NAMED);
    if more > 0 {
        lines.push(crate::i18n::and_more(lang, &format_count(more as f64, lang)));
    }
    (!lines.is_empty()).then(|| mismatch_lead(lang, &lines.join("; ")))
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_report_of_registration() {
        let d = datum(&Dataset::for_tests(), &ViewState::default(), 0, 0);
        assert_eq!(
            d.map(|d| d.sentence()).as_deref(),
            Some(
                "Applications for registration upon place of stay, Report 1: 96,732; first report: no change to show."
            )
        );
    }

    #[test]
    fn change_and_share_of_a_part() {
        let data = Dataset::for_tests();
        let legalized = data.indicator_index("legalized").unwrap_or(usize::MAX);
        let d = datum(&data, &ViewState::default(), legalized, 1);
        let d = d.map(|d| (d.value, d.change, d.share));
        // 182 vs 198: -8.1%; 182 of 2,480: 7.3%.
        assert_eq!(
            d,
            Some(("182".into(), "-8.1% vs previous report".into(), Some("7.3% of Violations of stay rules".into())))
        );
    }

    #[test]
    fn azerbaijani_and_russian_numbers() {
        let data = Dataset::for_tests();
        let mut s = ViewState::default();
        s.set("lang", "az");
        assert_eq!(datum(&data, &s, 0, 1).map(|d| d.value), Some("70.188".into()));
        s.set("lang", "ru");
        assert_eq!(datum(&data, &s, 0, 1).map(|d| d.change), Some("-27,4\u{a0}% к предыдущему отчёту".into()));
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape("<script>alert('x')</script>&"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    }

    #[test]
    fn the_share_phrase_uses_both_values_in_every_language() {
        crate::i18n::assert_uses_every_value("share_phrase", |lang, [p, t]| share_phrase(p.to_string(), t, lang));
    }

    #[test]
    fn a_dataset_that_adds_up_has_no_warning() {
        assert_eq!(mismatch_warning(&Dataset::for_tests(), Lang::En), None);
    }

    #[test]
    fn the_warning_lists_every_report_that_does_not_add_up() {
        let mut data = Dataset::for_tests();
        let total = data.indicator_index("stay-violations").unwrap_or(usize::MAX);
        for (report, parts) in [(0, 2791.0), (4, 1730.0)] {
            let value = data.value(total, report).unwrap_or(0.0);
            data.warnings.push(crate::data::Mismatch { total, report, parts, value });
        }
        assert_eq!(
            mismatch_warning(&data, Lang::En).as_deref(),
            Some(
                "Some parts do not add up to their total; the chart shows the numbers as given: \
                 Violations of stay rules, Report 1: the parts add up to 2,791, not 2,792; \
                 Violations of stay rules, Report 5: the parts add up to 1,730, not 1,728."
            )
        );
    }
}
