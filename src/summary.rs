//! A deterministic paragraph saying what the current view shows: first and last values, the
//! largest change between reports, the largest share. It is the chart's accessible description.

use crate::data::Dataset;
use crate::decimal::count;
use crate::i18n::{filled, format_change, format_count, format_percent, pick, word, Lang, Word};
use crate::measure;
use crate::view::{View, ViewState};

/// The accessible name of the canvas: the dataset's title and the view.
pub fn name(data: &Dataset, state: &ViewState) -> String {
    let view = match state.view {
        View::Overview => Word::Overview,
        View::Compare => Word::Compare,
        View::Breakdown => Word::Breakdown,
        View::Table => Word::Table,
    };
    // Piece by piece: smaller in the wasm than a `format!`.
    let mut name = data.title.get(state.lang).to_string();
    name.push_str(" — ");
    name.push_str(word(view, state.lang));
    name
}

/// First-to-last movement of one indicator as a sentence, e.g.
/// "X: 96,732 in Report 1, 50,082 in Report 5 (-48.2%)."
fn movement(data: &Dataset, indicator: usize, lang: Lang) -> Option<String> {
    let ind = data.indicators.get(indicator)?;
    // The first and the last report with a value, with those values, in one walk.
    let mut ends = None;
    for (r, v) in ind.values.iter().enumerate() {
        if let Some(v) = *v {
            let first = ends.map_or((r, v), |(first, _)| first);
            ends = Some((first, (r, v)));
        }
    }
    let ((first, a), (last, b)) = ends?;
    let label = |r: usize| data.reports.get(r).map_or("", |x| x.label.get(lang));
    let (name, from, to) = (ind.short.get(lang), label(first), label(last));
    let (x, y) = (format_count(a, lang), format_count(b, lang));
    let template = "{0}: {1} in {2}, {3} in {4}|{0}: {2} — {1}, {4} — {3}|{0}: {1} в отчёте «{2}», {3} в отчёте «{4}»";
    let mut s = filled(pick(lang, template), &[name, &x, from, &y, to]);
    if let Some(c) = measure::change_between(Some(a), Some(b)).filter(|_| last > first) {
        // Appended rather than `write!`, which would build formatting code of its own.
        s.push_str(" (");
        s.push_str(&format_change(c, lang));
        s.push(')');
    }
    s.push('.');
    Some(s)
}

/// The largest change between consecutive reports among `indicators`.
fn largest_change(data: &Dataset, indicators: &[usize], lang: Lang) -> Option<String> {
    let mut best: Option<(f64, usize, usize)> = None;
    for &i in indicators {
        let Some(ind) = data.indicators.get(i) else { continue };
        for (r, c) in measure::changes(&ind.values).iter().enumerate() {
            if let Some(c) = c {
                if best.is_none_or(|(b, _, _)| c.abs() > b.abs()) {
                    best = Some((*c, i, r));
                }
            }
        }
    }
    let (c, i, r) = best?;
    let ind = data.indicators.get(i)?.short.get(lang);
    let from = data.reports.get(r.checked_sub(1)?)?.label.get(lang);
    let to = data.reports.get(r)?.label.get(lang);
    let change = format_change(c, lang);
    let template = "The largest change between consecutive reports is {0} for {1}, from {2} to {3}.\
        |Ardıcıl hesabatlar arasında ən böyük dəyişmə {1} üzrə {2}-dən {3}-ə {0}-dir.\
        |Наибольшее изменение между соседними отчётами — {0} у показателя «{1}», от «{2}» к «{3}».";
    Some(filled(pick(lang, template), &[&change, ind, from, to]))
}

/// The largest part of the first relation in the last report with data.
fn largest_share(data: &Dataset, lang: Lang) -> Option<String> {
    let rel = data.relations.first()?;
    let r = (0..data.reports.len()).rev().find(|&r| data.value(rel.total, r).is_some())?;
    // A plain loop rather than `filter_map` and `max_by`, whose adapters are larger in the
    // wasm; like `max_by`, the last of equal shares wins.
    let mut largest: Option<(usize, f64)> = None;
    for &p in &rel.parts {
        if let Some(share) = measure::share(data.value(p, r), data.value(rel.total, r)) {
            if largest.is_none_or(|(_, best)| share.total_cmp(&best).is_ge()) {
                largest = Some((p, share));
            }
        }
    }
    let (part, share) = largest?;
    let part = data.indicators.get(part)?.short.get(lang);
    let total = data.indicators.get(rel.total)?.short.get(lang);
    let report = data.reports.get(r)?.label.get(lang);
    let pct = format_percent(share, lang);
    let template = "In {0}, {1} is the largest part of {2}, at {3}.\
        |{0}: {2} içində ən böyük pay {3} ilə {1} göstəricisinindir.\
        |В отчёте «{0}» крупнейшая часть показателя «{2}» — «{1}», {3}.";
    Some(filled(pick(lang, template), &[report, part, total, &pct]))
}

fn counts(data: &Dataset, lang: Lang) -> String {
    let (n, r) = (data.indicators.len(), data.reports.len());
    let template = "{0} indicators over {1} reports, each on its own scale.\
        |{1} hesabat üzrə {0} göstərici, hər biri öz şkalasında.\
        |{0} показателей по {1} отчётам, каждый в своём масштабе.";
    filled(pick(lang, template), &[&count(n), &count(r)])
}

pub fn describe(data: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    // Plain loops build the lists here: collecting costs more code in the wasm.
    let mut all = Vec::new();
    for i in 0..data.indicators.len() {
        all.push(i);
    }
    // The sentences, separated by spaces.
    let mut out = String::new();
    let mut say = |sentence: Option<String>| {
        if let Some(sentence) = sentence {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&sentence);
        }
    };
    match state.view {
        View::Overview | View::Table => {
            say(Some(counts(data, lang)));
            // The movement of the indicator with the highest peak (the last of equals), found
            // in a plain loop, as in `largest_share`.
            let mut biggest: Option<(usize, f64)> = None;
            for (i, x) in data.indicators.iter().enumerate() {
                let peak = measure::peak(&x.values);
                if biggest.is_none_or(|(_, best)| peak.total_cmp(&best).is_ge()) {
                    biggest = Some((i, peak));
                }
            }
            say(biggest.and_then(|(i, _)| movement(data, i, lang)));
            say(largest_change(data, &all, lang));
            say(largest_share(data, lang));
        }
        View::Compare => {
            // A plain loop: smaller in the wasm than collecting a filter.
            let mut shown = Vec::new();
            for &i in &state.compare_indices(data) {
                if !state.is_hidden(data, i) {
                    shown.push(i);
                }
            }
            if shown.is_empty() {
                say(Some(word(Word::NothingSelected, lang).to_string()));
            }
            for &i in &shown {
                say(movement(data, i, lang));
            }
            say(largest_change(data, &shown, lang));
        }
        View::Breakdown => {
            say(data.relations.first().and_then(|rel| movement(data, rel.total, lang)));
            say(largest_share(data, lang));
            if data.relations.is_empty() {
                say(Some(word(Word::NoRelation, lang).to_string()));
            }
        }
    }
    out
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
}
