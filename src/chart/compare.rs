//! Compare: the chosen indicators on one value axis, as grouped bars or as lines, in absolute
//! numbers, as an index (first report = 100) or as % change, on a linear or a log axis.

use super::axes::{self, Chart};
use super::dense;
use super::frame::{centred, frame, message};
use super::legend::{self, Series};
use super::{DrawError, Pen};
use crate::data::Dataset;
use crate::hit::{Marks, Rect, Target};
use crate::i18n::{word, Word};
use crate::measure;
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::{Mark, Mode, Scale, ViewState};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Dots closer than this (CSS pixels) would merge into a smear over the line.
const MIN_DOT_SPACING: f64 = 6.0;

/// A shown series with its values in the chosen mode.
struct Shown<'a> {
    series: &'a Series,
    values: Vec<Option<f64>>,
}

/// The lowest and highest of the shown values (only the positive ones for a log axis).
fn extent(shown: &[Shown], positive_only: bool) -> (f64, f64) {
    shown
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .filter(|&v| !positive_only || v > 0.0)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// What the value axis counts, with a note where equal steps are equal ratios.
fn title(state: &ViewState, log: bool, crowded: bool) -> String {
    let lang = state.lang;
    let what = match state.mode {
        Mode::Absolute => word(Word::Value, lang),
        Mode::Indexed => word(Word::Indexed, lang),
        Mode::Change => word(Word::ChangePct, lang),
    };
    match (log, state.mark) {
        (true, Mark::Bars) => format!("{what} · {} · {}", word(Word::LogScale, lang), word(Word::LogAsPoints, lang)),
        (true, Mark::Lines) => format!("{what} · {}", word(Word::LogScale, lang)),
        (false, Mark::Bars) if crowded => format!("{what} · {}", word(Word::BarsAsLines, lang)),
        (false, _) => what.to_string(),
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Dataset,
    state: &ViewState,
    pen: &Pen,
) -> Result<Marks, DrawError> {
    let series = legend::series(data, state, &state.compare_indices(data));
    if series.is_empty() {
        return message(root, pen, word(Word::NothingSelected, state.lang));
    }
    let shown: Vec<Shown> = series
        .iter()
        .filter(|s| !s.hidden)
        .map(|series| Shown { series, values: measure::shown(data, series.indicator, state.mode) })
        .collect();
    // % change can be negative, which a log axis cannot show: it stays linear there.
    let log = state.scale == Scale::Log && state.mode != Mode::Change;
    let (lo, hi) = extent(&shown, log);
    let (w, h) = root.dim_in_pixel();
    let mut marks = Marks::new(f64::from(w), f64::from(h), true);
    marks.targets.reserve_exact(shown.len() * data.reports.len());
    // Bars narrower than a pixel would draw noise, not bars: such a chart is drawn as lines.
    let crowded = f64::from(w) < (shown.len() * data.reports.len()) as f64;
    let title = title(state, log, crowded);
    let axis = match (log, state.mode) {
        (true, _) => Axis::log(lo, hi),
        (false, Mode::Change) => Axis::linear(lo, hi, 5).percent(),
        (false, _) => Axis::linear(lo, hi, 5),
    };
    let mut chart = frame(root, data, &series, pen, &axis, &title, &mut marks)?;
    if state.mode == Mode::Indexed {
        axes::rule(&chart, pen, 100.0)?;
    }
    if shown.is_empty() {
        // The legend stays, to show a series again; the plot says why it is empty.
        centred(&chart.plotting_area().strip_coord_spec(), pen, word(Word::AllHidden, state.lang))?;
        return Ok(marks);
    }
    // On a log axis a bar would start at an arbitrary power of ten, so its length would mean
    // nothing: values are drawn as points (and lines) there, and the title says so; as they are
    // where bars would be narrower than a pixel.
    match (state.mark, log) {
        (Mark::Bars, false) if !crowded => grouped_bars(&mut chart, pen, &axis, &shown, &mut marks)?,
        _ => lines(&mut chart, pen, &axis, &shown, &mut marks)?,
    }
    Ok(marks)
}

fn grouped_bars<DB: DrawingBackend>(
    chart: &mut Chart<DB>,
    pen: &Pen,
    axis: &Axis,
    shown: &[Shown],
    marks: &mut Marks,
) -> Result<(), DrawError> {
    let slots = shown.len().max(1) as f64;
    let base = axis.baseline();
    let base_row = axes::row(chart, base);
    for (n, s) in shown.iter().enumerate() {
        let style = pen.fill(Paint::Series(s.series.colour));
        let mut bars = Vec::new();
        for (r, &value) in s.values.iter().enumerate() {
            let band = axes::band(chart, r);
            let inner = band.w * 0.8;
            let slot = inner / slots;
            let offset = (band.w - inner) / 2.0 + slot * n as f64;
            let insets = axes::insets(&band, offset + 1.0, slot - 2.0);
            let drawn = value.filter(|&v| axis.places(v)).map(|v| axes::bar(chart, r, (base, v), insets, 0, style));
            let mark = match &drawn {
                Some((_, rect)) => *rect,
                None => Rect::new(band.x + f64::from(insets.0), base_row - 1.0, slot - 2.0, 1.0),
            };
            bars.extend(drawn.map(|(bar, _)| bar));
            // The tooltip hangs from the end of the bar away from the baseline.
            let tip = if value.is_some_and(|v| v < base) { mark.bottom() } else { mark.y };
            marks.targets.push(Target {
                indicator: s.series.indicator,
                report: r,
                shown: value,
                hit: Rect::new(band.x + offset, band.y, slot, band.h),
                mark,
                anchor: (mark.x + mark.w / 2.0, tip),
            });
        }
        chart.draw_series(bars)?;
    }
    Ok(())
}

/// Each series as a line, with a dot at every report where the reports stand far enough apart
/// for dots to be told apart; a gap in the data breaks the line rather than bridging it.
fn lines<DB: DrawingBackend>(
    chart: &mut Chart<DB>,
    pen: &Pen,
    axis: &Axis,
    shown: &[Shown],
    marks: &mut Marks,
) -> Result<(), DrawError> {
    for s in shown {
        let paint = Paint::Series(s.series.colour);
        // A value the axis cannot place (zero on a log axis) is a gap, as a missing one is.
        let placed = |v: &Option<f64>| v.filter(|&v| axis.places(v));
        let points: Vec<(usize, f64)> =
            s.values.iter().enumerate().filter_map(|(r, v)| placed(v).map(|v| (r, v))).collect();
        let runs = points.chunk_by(|a, b| b.0 == a.0 + 1).filter(|run| run.len() > 1);
        for run in runs {
            let column = |r: usize| {
                let band = axes::band(chart, r);
                (band.x + band.w / 2.0).floor() as i64
            };
            let line = dense::thin(run, column).into_iter().map(|(r, v)| (SegmentValue::CenterOf(r), v));
            chart.draw_series(LineSeries::new(line, pen.stroke(paint, 2)))?;
        }
        if axes::band(chart, 0).w >= MIN_DOT_SPACING {
            let dots = points.iter().map(|&(r, v)| Circle::new((SegmentValue::CenterOf(r), v), 3.5, pen.fill(paint)));
            chart.draw_series(dots)?;
        }
        for (r, value) in s.values.iter().enumerate() {
            let band = axes::band(chart, r);
            let at = match placed(value) {
                Some(v) => {
                    let (x, y) = chart.backend_coord(&(SegmentValue::CenterOf(r), v));
                    (f64::from(x), f64::from(y))
                }
                None => (band.x + band.w / 2.0, band.bottom()),
            };
            let mark = Rect::new(at.0 - 4.0, at.1 - 4.0, 8.0, 8.0);
            // The column, down or up to the whole dot where it overhangs the plot (a value at the
            // edge); not wider, so that dense lines keep narrow pointer areas.
            let (top, bottom) = (band.y.min(mark.y), band.bottom().max(mark.bottom()));
            let hit = Rect::new(band.x, top, band.w, bottom - top);
            marks.targets.push(Target {
                indicator: s.series.indicator,
                report: r,
                shown: *value,
                hit,
                mark,
                anchor: at,
            });
        }
    }
    Ok(())
}
