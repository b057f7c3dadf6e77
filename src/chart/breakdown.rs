//! Breakdown: a total's parts stacked per report, in numbers (with the total above each stack)
//! or as shares of the total (100 % stacked).

use super::axes;
use super::frame::{counted, frame, message};
use super::legend;
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
    let top = marks.targets.iter_mut().rev().take_while(|t| t.report == report).find(|t| t.shown.is_some());
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
    let title = [format!("{total} · {what}")];
    let (w, h) = root.dim_in_pixel();
    let mut marks = Marks::new(f64::from(w), f64::from(h), true);
    marks.targets.reserve_exact(series.len() * reports);
    let mut chart = frame(root, data, &series, pen, &axis, &title, &mut marks)?;
    let mut totals = Vec::new();
    for r in 0..reports {
        let band = axes::band(&chart, r);
        let bar_w = (band.w * 0.6).min(72.0);
        let insets = axes::insets(&band, (band.w - bar_w) / 2.0, bar_w);
        let mut base = 0.0;
        for s in &visible {
            let value = shown(s.indicator, r);
            let top = base + value.unwrap_or(0.0);
            // A hairline of background between neighbouring segments, for readers who cannot
            // tell their colours apart; not on segments so thin it would hide them (13 of 2,792).
            let height = axes::row(&chart, base) - axes::row(&chart, top);
            let gap = u32::from(base > 0.0 && height >= 3.0);
            let style = pen.fill(Paint::Series(s.colour));
            let mark = match value {
                Some(_) => {
                    let (segment, landed) = axes::bar(&chart, r, (base, top), insets, gap, style);
                    chart.draw_series(std::iter::once(segment))?;
                    landed
                }
                None => Rect::new(band.x + f64::from(insets.0), axes::row(&chart, base), bar_w, 0.0),
            };
            marks.targets.push(Target {
                indicator: s.indicator,
                report: r,
                shown: value,
                // Thin segments still get a pointer area at least 8 px tall.
                hit: Rect::new(band.x, mark.y.min(mark.bottom() - 8.0), band.w, mark.h.max(8.0)),
                mark,
                anchor: (mark.x + mark.w / 2.0, mark.y),
            });
            base = top;
        }
        reach_the_top(&mut marks, r, band);
        if !percent {
            totals.push((r, base, band.w));
        }
    }
    let font = pen.font(Size::Tick, true, Paint::Text).pos(Pos::new(HPos::Center, VPos::Bottom));
    // A total goes above its stack only where it fits in its band.
    let labels = totals.into_iter().filter_map(|(r, total, room)| {
        let text = format_count(total, state.lang);
        (width(root, &text, &font) + 4.0 <= room)
            .then(|| EmptyElement::at((SegmentValue::CenterOf(r), total)) + Text::new(text, (0, -4), font.clone()))
    });
    chart.draw_series(labels)?;
    Ok(marks)
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
    fn the_caption_names_what_the_parts_count_or_says_shares() {
        assert!(said("view=breakdown").contains("Violations of stay rules · Number (foreigners, decisions, cases)"));
        assert!(said("view=breakdown&lang=az").contains("Say (hallar)"), "one unit, once");
        assert!(said("view=breakdown&stack=percent").contains("Violations of stay rules · % of the total"));
    }
}
