//! Breakdown: a total's parts stacked per report, in numbers (with the total above each stack)
//! or as shares of the total (100 % stacked).

use super::axes;
use super::frame::{counted, frame, message};
use super::legend::{self, Series};
use super::{width, DrawError, Pen, Size};
use crate::data::Dataset;
use crate::hit::{Marks, Rect, Target};
use crate::i18n::{format_count, word, Word};
use crate::measure;
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::{Stack, ViewState};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The stack's top segment answers for the empty column above it (and the total written there),
/// as Compare's bars answer for their whole column: pointing anywhere over a report finds a datum.
fn reach_the_top(marks: &mut Marks, report: usize, band: Rect) {
    let top = marks.drawn().iter_mut().rev().take_while(|t| t.report == report).find(|t| t.shown.is_some());
    if let Some(t) = top {
        let y = t.hit.y.min(band.y);
        t.hit = Rect::new(t.hit.x, y, t.hit.w, t.hit.bottom() - y);
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Dataset,
    state: &ViewState,
    pen: &Pen,
) -> Result<Marks, DrawError> {
    let Some(relation) = data.relations.first() else {
        return message(root, pen, word(Word::NoRelation, state.lang));
    };
    let series = legend::series(data, state, &relation.parts);
    let percent = state.stack == Stack::Percent;
    let reports = data.reports.len();
    let shown = |indicator: usize, r: usize| {
        let v = data.value(indicator, r);
        if percent {
            measure::share(v, data.value(relation.total, r))
        } else {
            v
        }
    };
    let visible: Vec<_> = series.iter().filter(|s| !s.hidden).collect();
    let stack = |r: usize| -> f64 { visible.iter().filter_map(|s| shown(s.indicator, r)).sum() };
    let highest = (0..reports).map(stack).fold(0.0, f64::max);
    // Shares reach 100 % unless the parts add up to more than their total (a warning says so);
    // the axis then reaches the highest stack, so that nothing is drawn outside the plot.
    // (Shares that add up to 100 in floating point may sum a hair above it: that is 100.)
    let full = if highest > 100.0 + 1e-9 { highest } else { 100.0 };
    let axis = if percent { Axis::linear(0.0, full, 5).percent() } else { Axis::linear(0.0, highest, 5) };
    let total = data.indicators.get(relation.total).map_or("", |i| i.short.get(state.lang));
    let what = if percent {
        word(Word::PercentOfTotal, state.lang).to_string()
    } else {
        counted(data, visible.iter().map(|s| s.indicator), state.lang)
    };
    let (w, h) = root.dim_in_pixel();
    // More reports than pixels: a stack per report would be slivers under a pixel, thousands to
    // a column, so each pixel column shows one stack, of the means (the data stay pointable).
    let crowded = f64::from(w) < reports as f64;
    let title = [if crowded {
        format!("{total} · {what} · {}", word(Word::StacksAveraged, state.lang))
    } else {
        format!("{total} · {what}")
    }];
    let mut marks = Marks::new(f64::from(w), f64::from(h), true);
    marks.drawn().reserve_exact(series.len() * reports);
    let mut chart = frame(root, data, &series, pen, &axis, &title, &mut marks)?;
    let mut totals = Vec::new();
    let bands = marks.columns.clone();
    let zero_row = axes::row(&chart, 0.0);
    for (r, &band) in bands.iter().enumerate() {
        let bar_w = (band.w * 0.6).min(72.0);
        let insets = axes::insets(&band, (band.w - bar_w) / 2.0, bar_w);
        let (mut base, mut base_row) = (0.0, zero_row);
        for s in &visible {
            let value = shown(s.indicator, r);
            let top = base + value.unwrap_or(0.0);
            // Each boundary of the stack is mapped once, as the top of one segment and the base
            // of the next.
            let top_row = if value.is_some() { axes::row(&chart, top) } else { base_row };
            // A hairline of background between neighbouring segments, for readers who cannot
            // tell their colours apart; not on segments so thin it would hide them (13 of 2,792).
            let gap = u32::from(base > 0.0 && base_row - top_row >= 3.0);
            let mark = match value {
                Some(_) if crowded => {
                    let edges = (band.x as i32, band.right() as i32);
                    axes::covered(edges, (top_row as i32, base_row as i32), insets, gap)
                }
                Some(_) => {
                    let style = pen.fill(Paint::Series(s.colour));
                    let (segment, landed) = axes::bar(&chart, r, (base, top), insets, gap, style);
                    chart.draw_series(std::iter::once(segment))?;
                    landed
                }
                None => Rect::new(band.x + f64::from(insets.0), base_row, bar_w, 0.0),
            };
            marks.drawn().push(Target {
                indicator: s.indicator,
                report: r,
                shown: value,
                // Thin segments still get a pointer area at least 8 px tall.
                hit: Rect::new(band.x, mark.y.min(mark.bottom() - 8.0), band.w, mark.h.max(8.0)),
                mark,
                anchor: (mark.x + mark.w / 2.0, mark.y),
            });
            (base, base_row) = (top, top_row);
        }
        reach_the_top(&mut marks, r, band);
        if !percent {
            totals.push((r, base, band.w));
        }
    }
    if crowded {
        // Each part is one outline along its columns' steps, not a rectangle per column: 50
        // parts over 1,000 columns were 50,000 canvas calls, each with its colour. The pixels
        // are the same (every corner is on the pixel grid).
        let steps = averaged(&marks.columns, |s: &Series, r| shown(s.indicator, r), &visible);
        let count = marks.columns.len();
        chart.draw_series(visible.iter().zip(steps).map(|(s, steps)| {
            let upper = steps.iter().flat_map(|&(from, to, (_, hi))| [(from, hi), (to, hi)]);
            let lower = steps.iter().rev().flat_map(|&(from, to, (lo, _))| [(to, lo), (from, lo)]);
            let outline: Vec<_> = upper.chain(lower).map(|(r, v)| (axes::edge(r, count), v)).collect();
            Polygon::new(outline, pen.fill(Paint::Series(s.colour)))
        }))?;
    }
    let font = pen.font(Size::Tick, true, Paint::Text).pos(Pos::new(HPos::Center, VPos::Bottom));
    // A total goes above its stack only where it fits in its band. No total is narrower than
    // one digit (the widget's faces have digits of one width), so bands narrower than that are
    // not measured: 10,000 of them would cost a measurement each.
    let narrowest = width(root, "0", &font) + 4.0;
    let labels = totals.into_iter().filter(|&(_, _, room)| room >= narrowest).filter_map(|(r, total, room)| {
        let text = format_count(total, state.lang);
        (width(root, &text, &font) + 4.0 <= room)
            .then(|| EmptyElement::at((SegmentValue::CenterOf(r), total)) + Text::new(text, (0, -4), font.clone()))
    });
    chart.draw_series(labels)?;
    Ok(marks)
}

/// A series' mean over a run of reports that share a pixel column: (first report, report after
/// the last, (bottom, top)).
type Step = (usize, usize, (f64, f64));

/// One stack per pixel column of `bands`: for each series, and each run of reports whose bands
/// centre in the same column, (first report, report after the last, (bottom, top) of the
/// series' mean stacked on the ones below it). A missing value counts as none, as it does in a
/// report's own stack. The list is `visible`'s order, each series' runs left to right.
fn averaged(bands: &[Rect], value: impl Fn(&Series, usize) -> Option<f64>, visible: &[&Series]) -> Vec<Vec<Step>> {
    let column = |r: usize| bands.get(r).map_or(i64::MAX, |b| (b.x + b.w / 2.0).floor() as i64);
    let reports: Vec<usize> = (0..bands.len()).collect();
    let mut out = vec![Vec::new(); visible.len()];
    for run in reports.chunk_by(|&a, &b| column(a) == column(b)) {
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else { continue };
        let mut base = 0.0;
        for (&s, steps) in visible.iter().zip(&mut out) {
            let mean = run.iter().filter_map(|&r| value(s, r)).sum::<f64>() / run.len() as f64;
            steps.push((first, last + 1, (base, base + mean)));
            base += mean;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::data::Dataset;
    use crate::view::ViewState;

    fn said(hash: &str) -> String {
        let marks = super::super::marks(&Dataset::for_tests(), &ViewState::from_hash(hash), 1100.0, 420.0);
        marks.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn crowded_columns_stack_the_means_of_their_reports() {
        use super::super::legend::Series;
        use crate::hit::Rect;
        // Four reports half a pixel wide: two to each of two pixel columns.
        let bands: Vec<Rect> = (0..4).map(|r| Rect::new(f64::from(r) * 0.5, 0.0, 0.5, 100.0)).collect();
        let (a, b) = (
            Series { indicator: 0, colour: 0, hidden: false, shaped: false },
            Series { indicator: 1, colour: 1, hidden: false, shaped: false },
        );
        let values = [[Some(2.0), Some(4.0), Some(6.0), Some(8.0)], [Some(1.0), None, Some(1.0), Some(1.0)]];
        let value = |s: &Series, r: usize| values[s.indicator][r];
        assert_eq!(
            super::averaged(&bands, value, &[&a, &b]),
            [[(0, 2, (0.0, 3.0)), (2, 4, (0.0, 7.0))], [(0, 2, (3.0, 3.5)), (2, 4, (7.0, 8.0))]]
        );
    }

    /// `parts` parts of a total over `reports` reports.
    fn long_breakdown(parts: usize, reports: usize) -> Dataset {
        let value = |k: usize, r: usize| (r * 7 + k * 13) % 90 + 10;
        let list = |k: usize| (0..reports).map(|r| value(k, r).to_string()).collect::<Vec<_>>().join(",");
        let totals = (0..reports).map(|r| (0..parts).map(|k| value(k, r)).sum::<usize>().to_string());
        let mut indicators: Vec<String> = (0..parts)
            .map(|k| format!(r#"{{"id":"p{k}","group":"g","label":"P{k}","values":[{}]}}"#, list(k)))
            .collect();
        indicators.push(format!(
            r#"{{"id":"t","group":"g","label":"T","values":[{}]}}"#,
            totals.collect::<Vec<_>>().join(",")
        ));
        let ids: Vec<String> = (1..=reports).map(|r| format!(r#"{{"id":"r{r}","label":"R{r}"}}"#)).collect();
        let parts: Vec<String> = (0..parts).map(|k| format!(r#""p{k}""#)).collect();
        let file = format!(
            r#"{{"schema":"migration-charts/1","title":"T","groups":[{{"id":"g","label":"G"}}],"reports":[{}],"indicators":[{}],"relations":[{{"total":"t","parts":[{}]}}]}}"#,
            ids.join(","),
            indicators.join(","),
            parts.join(",")
        );
        match crate::data::parse(&file) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_breakdown_with_more_reports_than_pixels_draws_a_stack_per_column_and_says_so() {
        let state = ViewState::from_hash("view=breakdown");
        let drawn = |reports| {
            let data = long_breakdown(4, reports);
            match super::super::svg(&data, &state, (800, 420), &crate::theme::LIGHT, crate::backend::Estimate) {
                Ok((svg, marks)) => ((svg.matches("<rect").count(), svg.matches("<polygon").count()), marks),
                Err(e) => panic!("{e}"),
            }
        };
        let ((rects, outlines), marks) = drawn(3000);
        assert!(rects < 800, "{rects} rectangles: the parts are not drawn a rectangle at a time");
        assert_eq!(outlines, 4, "one outline per part along its columns");
        assert_eq!(marks.targets().len(), 4 * 3000, "every datum can still be pointed at");
        assert!(marks.texts.iter().any(|t| t.text.contains("the mean of the reports")), "the caption says so");
        let ((rects, outlines), marks) = drawn(100);
        assert!(rects >= 4 * 100, "{rects} rectangles: a stack per report where each has its pixels");
        assert_eq!(outlines, 0);
        assert!(!marks.texts.iter().any(|t| t.text.contains("the mean of the reports")));
    }

    #[test]
    fn the_caption_names_what_the_parts_count_or_says_shares() {
        assert!(said("view=breakdown").contains("Violations of stay rules · Number (foreigners, decisions, cases)"));
        assert!(said("view=breakdown&lang=az").contains("Say (hallar)"), "one unit, once");
        assert!(said("view=breakdown&stack=percent").contains("Violations of stay rules · % of the total"));
    }
}
