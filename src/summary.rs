//! A deterministic paragraph saying what the current view shows: what its values are (counts,
//! an index, % change, shares; on which scale), first and last values in those terms, the
//! largest change between reports, the largest share. It is the chart's accessible description.

use crate::data::Dataset;
use crate::i18n::{format_change, format_count, format_number, format_percent, word, Lang, Word};
use crate::measure;
use crate::view::{Mode, Stack, View, ViewState};

/// The accessible name of the canvas: the dataset's title and the view.
pub fn name(data: &Dataset, state: &ViewState) -> String {
    let view = match state.view {
        View::Overview => Word::Overview,
        View::Compare => Word::Compare,
        View::Breakdown => Word::Breakdown,
        View::Table => Word::Table,
    };
    format!("{} — {}", data.title.get(state.lang), word(view, state.lang))
}

/// First-to-last movement of one indicator as a sentence, in what `mode` shows, e.g.
/// "X: 96,732 in Report 1, 50,082 in Report 5 (-48.2%)." (counts, with the change between
/// them), "X: 100.0 in Report 1, 51.8 in Report 5." (the index) or
/// "X: -27.4% in Report 2, +25.4% in Report 5." (% change on the previous report).
fn movement(data: &Dataset, indicator: usize, mode: Mode, lang: Lang) -> Option<String> {
    let ind = data.indicators.get(indicator)?;
    let values = measure::shown(data, indicator, mode);
    let mut with_values = values.iter().enumerate().filter_map(|(r, v)| Some((r, (*v)?)));
    let (first, a) = with_values.next()?;
    let (last, b) = with_values.next_back().unwrap_or((first, a));
    let label = |r: usize| data.reports.get(r).map_or("", |x| x.label.get(lang));
    let number = |v: f64| match mode {
        Mode::Absolute => format_count(v, lang),
        Mode::Indexed => format_number(v, 1, lang),
        Mode::Change => format_change(v, lang),
    };
    let ends = Ends { name: ind.short.get(lang), first: (&number(a), label(first)), last: (&number(b), label(last)) };
    let change = measure::change_between(Some(a), Some(b)).filter(|_| last > first && mode == Mode::Absolute);
    Some(match change {
        Some(c) => format!("{} ({}).", ends.say(lang), format_change(c, lang)),
        None => format!("{}.", ends.say(lang)),
    })
}

/// An indicator's first and last value, each with its report's label.
struct Ends<'a> {
    name: &'a str,
    first: (&'a str, &'a str),
    last: (&'a str, &'a str),
}

impl Ends<'_> {
    fn say(&self, lang: Lang) -> String {
        let Ends { name, first: (x, from), last: (y, to) } = self;
        match lang {
            Lang::En => format!("{name}: {x} in {from}, {y} in {to}"),
            Lang::Az => format!("{name}: {from} — {x}, {to} — {y}"),
            Lang::Ru => format!("{name}: {x} в отчёте «{from}», {y} в отчёте «{to}»"),
        }
    }
}

/// The largest change between consecutive reports among `indicators`; of equal sizes, the first.
fn largest_change(data: &Dataset, indicators: &[usize], lang: Lang) -> Option<String> {
    let changes = indicators.iter().filter_map(|&i| Some((i, data.indicators.get(i)?))).flat_map(|(i, ind)| {
        let changes = measure::changes(&ind.values).into_iter().enumerate();
        changes.filter_map(move |(r, c)| Some((c?, i, r)))
    });
    let (c, i, r) = changes.reduce(|best, next| if next.0.abs() > best.0.abs() { next } else { best })?;
    let ind = data.indicators.get(i)?.short.get(lang);
    let from = data.reports.get(r.checked_sub(1)?)?.label.get(lang);
    let to = data.reports.get(r)?.label.get(lang);
    Some(largest_change_sentence(lang, &format_change(c, lang), ind, from, to))
}

fn largest_change_sentence(lang: Lang, change: &str, indicator: &str, from: &str, to: &str) -> String {
    match lang {
        Lang::En => {
            format!("The largest change between consecutive reports is {change} for {indicator}, from {from} to {to}.")
        }
        Lang::Az => {
            format!("Ardıcıl hesabatlar arasında ən böyük dəyişmə {indicator} üzrə {from}-dən {to}-ə {change}-dir.")
        }
        Lang::Ru => format!(
            "Наибольшее изменение между соседними отчётами — {change} у показателя «{indicator}», от «{from}» к «{to}»."
        ),
    }
}

/// The largest part of the first relation in the last report with data; of equal shares, the
/// last.
fn largest_share(data: &Dataset, lang: Lang) -> Option<String> {
    let rel = data.relations.first()?;
    let r = (0..data.reports.len()).rev().find(|&r| data.value(rel.total, r).is_some())?;
    let shares =
        rel.parts.iter().filter_map(|&p| Some((p, measure::share(data.value(p, r), data.value(rel.total, r))?)));
    let (part, share) = shares.max_by(|(_, a), (_, b)| a.total_cmp(b))?;
    let part = data.indicators.get(part)?.short.get(lang);
    let total = data.indicators.get(rel.total)?.short.get(lang);
    let report = data.reports.get(r)?.label.get(lang);
    Some(largest_share_sentence(lang, report, part, total, &format_percent(share, lang)))
}

fn largest_share_sentence(lang: Lang, report: &str, part: &str, total: &str, share: &str) -> String {
    match lang {
        Lang::En => format!("In {report}, {part} is the largest part of {total}, at {share}."),
        Lang::Az => format!("{report}: {total} içində ən böyük pay {share} ilə {part} göstəricisinindir."),
        Lang::Ru => format!("В отчёте «{report}» крупнейшая часть показателя «{total}» — «{part}», {share}."),
    }
}

fn counts(data: &Dataset, lang: Lang) -> String {
    counts_sentence(lang, data.indicators.len(), data.reports.len())
}

fn counts_sentence(lang: Lang, indicators: usize, reports: usize) -> String {
    match lang {
        Lang::En => format!("{indicators} indicators over {reports} reports, each on its own scale."),
        Lang::Az => format!("{reports} hesabat üzrə {indicators} göstərici, hər biri öz şkalasında."),
        Lang::Ru => format!("{indicators} показателей по {reports} отчётам, каждый в своём масштабе."),
    }
}

/// The indicator with the highest peak; of equal peaks, the last.
fn highest_peak(data: &Dataset) -> Option<usize> {
    let peaks = data.indicators.iter().map(|ind| measure::peak(&ind.values)).enumerate();
    peaks.max_by(|(_, a), (_, b)| a.total_cmp(b)).map(|(i, _)| i)
}

/// What Compare's values are in the current mode and scale, as the chart's caption says it:
/// the summary's first sentence.
fn compare_lead(data: &Dataset, state: &ViewState, shown: &[usize]) -> String {
    match crate::chart::value_caption(data, state, shown) {
        (what, Some(Word::LogScale)) => format!("{what}, {}.", word(Word::LogScale, state.lang)),
        (what, Some(note)) => format!("{what}. {}.", word(note, state.lang)),
        (what, None) => format!("{what}."),
    }
}

/// The summary's sentences for the current view, one space apart.
pub fn describe(data: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    let sentences = match state.view {
        View::Overview | View::Table => {
            let all: Vec<usize> = (0..data.indicators.len()).collect();
            vec![
                Some(counts(data, lang)),
                highest_peak(data).and_then(|i| movement(data, i, Mode::Absolute, lang)),
                largest_change(data, &all, lang),
                largest_share(data, lang),
            ]
        }
        View::Compare => {
            let shown: Vec<usize> =
                state.compare_indices(data).into_iter().filter(|&i| !state.is_hidden(data, i)).collect();
            let nothing = shown.is_empty().then(|| word(Word::NothingSelected, lang).to_string());
            let movements = shown.iter().map(|&i| movement(data, i, state.mode, lang));
            let lead = (!shown.is_empty()).then(|| compare_lead(data, state, &shown));
            [lead, nothing].into_iter().chain(movements).chain([largest_change(data, &shown, lang)]).collect()
        }
        View::Breakdown => {
            let relation = data.relations.first();
            let percent = state.stack == Stack::Percent;
            let total = relation.and_then(|rel| data.indicators.get(rel.total)).map(|i| i.short.get(lang));
            vec![
                total.filter(|_| percent).map(|total| crate::i18n::shares_lead(lang, total)),
                relation.filter(|_| !percent).and_then(|rel| movement(data, rel.total, Mode::Absolute, lang)),
                largest_share(data, lang),
                relation.is_none().then(|| word(Word::NoRelation, lang).to_string()),
            ]
        }
    };
    sentences.into_iter().flatten().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // Lost permit cards went 16 to 25: +56.25%, rounded half to even (as CLDR does) to 56.2.
    fn overview_summary_in_english() {
        assert_eq!(
            describe(&Dataset::for_tests(), &ViewState::default()),
            "8 indicators over 5 reports, each on its own scale. \
             Registration upon place of stay: 96,732 in Report 1, 50,082 in Report 5 (-48.2%). \
             The largest change between consecutive reports is +56.2% for Lost permit cards, from Report 2 to Report 3. \
             In Report 5, Leave within 48 hours is the largest part of Violations of stay rules, at 74.8%."
        );
    }

    #[test]
    fn summary_is_deterministic_and_follows_the_language() {
        let mut s = ViewState::default();
        s.set("view", "compare");
        s.set("lang", "ru");
        let a = describe(&Dataset::for_tests(), &s);
        assert_eq!(a, describe(&Dataset::for_tests(), &s));
        assert!(a.contains("96\u{a0}732"), "{a}");
    }

    #[test]
    fn every_sentence_uses_each_value_in_every_language() {
        use crate::i18n::assert_uses_every_value;
        assert_uses_every_value("movement", |lang, [name, x, from, y, to]| {
            Ends { name, first: (x, from), last: (y, to) }.say(lang)
        });
        assert_uses_every_value("largest change", |lang, [c, i, f, t]| largest_change_sentence(lang, c, i, f, t));
        assert_uses_every_value("largest share", |lang, [r, p, t, s]| largest_share_sentence(lang, r, p, t, s));
        for lang in Lang::ALL {
            let text = counts_sentence(lang, 8, 5);
            assert!(text.contains('8') && text.contains('5'), "{text}");
        }
    }

    #[test]
    fn breakdown_and_an_empty_compare() {
        let data = Dataset::for_tests();
        let mut s = ViewState::default();
        s.set("view", "breakdown");
        assert_eq!(
            describe(&data, &s),
            "Violations of stay rules: 2,792 in Report 1, 1,728 in Report 5 (-38.1%). \
             In Report 5, Leave within 48 hours is the largest part of Violations of stay rules, at 74.8%."
        );
        s.set("view", "compare");
        s.set("indicators", "citizenship");
        s.toggle_hidden("citizenship");
        let text = describe(&data, &s);
        assert!(text.starts_with("No indicator is selected."), "{text}");
    }
}

#[cfg(test)]
mod modes {
    use super::*;

    fn say(hash: &str) -> String {
        describe(&Dataset::for_tests(), &ViewState::from_hash(hash))
    }

    #[test]
    fn compare_says_what_each_mode_shows() {
        // 49,118 / 70,188 − 1 = −30.0 %, the largest step.
        let counts = say("view=compare&indicators=stay-registration");
        assert_eq!(
            counts,
            "Number (applications). \
             Registration upon place of stay: 96,732 in Report 1, 50,082 in Report 5 (-48.2%). \
             The largest change between consecutive reports is -30.0% for Registration upon place of stay, \
             from Report 2 to Report 3."
        );
        let index = say("view=compare&indicators=stay-registration&mode=indexed");
        assert!(index.starts_with("Index, first report = 100. "), "{index}");
        // 50,082 / 96,732 = 51.77…: the index narrated, not the count.
        assert!(index.contains("Registration upon place of stay: 100.0 in Report 1, 51.8 in Report 5."), "{index}");
        assert!(!index.contains("96,732"), "{index}");
        let change = say("view=compare&indicators=stay-registration&mode=change");
        assert!(change.starts_with("% change vs previous report. "), "{change}");
        // 70,188 / 96,732 − 1 = −27.4 %, the first change; 50,082 / 39,935 − 1 = +25.4 %, the last.
        assert!(
            change.contains("Registration upon place of stay: -27.4% in Report 2, +25.4% in Report 5."),
            "{change}"
        );
    }

    #[test]
    fn compare_says_the_scale_and_when_log_cannot_apply() {
        let log = say("view=compare&scale=log");
        assert!(log.starts_with("Number (applications), logarithmic scale. "), "{log}");
        let ignored = say("view=compare&scale=log&mode=change&lang=ru");
        assert!(ignored.starts_with("Изменение к предыдущему отчёту, %. Шкала линейная"), "{ignored}");
        assert!(!say("view=compare&mode=change").contains("inear"), "no note without a log scale asked for");
    }

    #[test]
    fn breakdown_as_shares_says_so_and_narrates_no_counts() {
        let shares = say("view=breakdown&stack=percent");
        assert_eq!(
            shares,
            "The chart shows each part as a share of Violations of stay rules in its report. \
             In Report 5, Leave within 48 hours is the largest part of Violations of stay rules, at 74.8%."
        );
        for lang in ["az", "ru"] {
            let text = say(&format!("view=breakdown&stack=percent&lang={lang}"));
            assert!(!text.contains("The chart"), "{lang}: {text}");
            assert_ne!(text, say(&format!("view=breakdown&lang={lang}")), "{lang}: the same in both stacks");
        }
    }
}
