//! Compare: the chosen indicators on one value axis, as grouped bars or as lines, in absolute
//! numbers, as an index (first report = 100) or as % change, on a linear or a log axis.

use super::axes::{self, Chart};
use super::frame::{centred, frame, message, value_caption};
use super::legend::{self, Series};
use super::marker;
use super::{DrawError, Pen};
use crate::data::Dataset;
use crate::hit::{Line, Marks, Rect, Target};
use crate::i18n::{word, Word};
use crate::measure;
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::{Mark, Mode, ViewState};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Dots closer than this (CSS pixels) would merge into a smear over the line.
const MIN_DOT_SPACING: f64 = 6.0;

/// The width of a line in CSS pixels: 2, or 1 where several reports share each pixel column.
/// There a line zigzags through every column, and a wider stroke only thickens the ink while it
/// costs the browser several times the time to paint it (README, "Long datasets").
fn line_width(band: f64) -> u32 {
    if band < 1.0 {
        1
    } else {
        2
    }
}

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

/// Series drawn below this share of a linear axis's top show no shape beside the largest.
const TOO_SMALL: f64 = 0.05;

/// The caption over the value axis: what it counts in the chosen mode, with a note where equal
/// steps are equal ratios, where a log scale was asked for and cannot apply, and where series
/// are too small to read beside the largest.
fn title(data: &Dataset, state: &ViewState, shown: &[Shown], axis: &Axis, crowded: bool) -> Vec<String> {
    let lang = state.lang;
    let indicators: Vec<usize> = shown.iter().map(|s| s.series.indicator).collect();
    let (what, scale) = value_caption(data, state, &indicators);
    let scale = scale.map(|w| word(w, lang));
    // On a log axis the scale joins the caption; a log scale that cannot apply is a note below.
    let (caption, ignored) = match (axis.log, scale, state.mark) {
        (true, Some(log), Mark::Bars) => (format!("{what} · {log} · {}", word(Word::LogAsPoints, lang)), None),
        (true, Some(log), Mark::Lines) => (format!("{what} · {log}"), None),
        (false, note, Mark::Bars) if crowded => {
            (format!("{what} · {}", word(Word::BarsAsLines, lang)), note.map(str::to_string))
        }
        (_, note, _) => (what, note.map(str::to_string)),
    };
    let small: Vec<&str> = if axis.log || state.mode != Mode::Absolute {
        Vec::new()
    } else {
        let top = axis.max.max(-axis.min);
        let peak = |s: &Shown| s.values.iter().flatten().fold(0.0, |m: f64, v| m.max(v.abs()));
        let names = shown.iter().filter(|s| peak(s) < TOO_SMALL * top);
        names.filter_map(|s| data.indicators.get(s.series.indicator)).map(|i| i.short.get(lang)).collect()
    };
    let note = (!small.is_empty()).then(|| crate::i18n::too_small(lang, &small.join(", ")));
    std::iter::once(caption).chain(ignored).chain(note).collect()
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Dataset,
    state: &ViewState,
    pen: &Pen,
) -> Result<Marks, DrawError> {
    let mut series = legend::series(data, state, &state.compare_indices(data));
    if series.is_empty() {
        return message(root, pen, word(Word::NothingSelected, state.lang));
    }
    // % change can be negative, which a log axis cannot show: it stays linear there.
    let log = state.log_applies();
    // Bars narrower than a pixel would draw noise, not bars: such a chart is drawn as lines.
    let (w, h) = root.dim_in_pixel();
    let visible = series.iter().filter(|s| !s.hidden).count();
    let crowded = f64::from(w) < (visible * data.reports.len()) as f64;
    let as_lines = !matches!((state.mark, log), (Mark::Bars, false)) || crowded;
    // Lines carry their series' shapes, and the legend shows them beside the colours.
    series.iter_mut().for_each(|s| s.shaped = as_lines);
    let mut shown: Vec<Shown> = series
        .iter()
        .filter(|s| !s.hidden)
        .map(|series| Shown { series, values: measure::shown(data, series.indicator, state.mode) })
        .collect();
    let (lo, hi) = extent(&shown, log);
    let mut marks = Marks::new(f64::from(w), f64::from(h), true);
    let axis = match (log, state.mode) {
        (true, _) => Axis::log(lo, hi),
        (false, Mode::Change) => Axis::linear(lo, hi, 5).percent(),
        (false, _) => Axis::linear(lo, hi, 5),
    };
    let title = title(data, state, &shown, &axis, crowded);
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
    if as_lines {
        lines(&mut chart, pen, &axis, &mut shown, &mut marks)?;
    } else {
        grouped_bars(&mut chart, pen, &axis, &shown, &mut marks)?;
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
    let bands = marks.columns.clone();
    marks.drawn().reserve_exact(shown.len() * bands.len());
    for (n, s) in shown.iter().enumerate() {
        let style = pen.fill(Paint::Series(s.series.colour));
        let mut bars = Vec::new();
        for ((r, &value), &band) in s.values.iter().enumerate().zip(&bands) {
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
            marks.drawn().push(Target {
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

/// Each series as a line, with its shape at every report where the reports stand far enough
/// apart for markers to be told apart; a gap in the data breaks the line rather than bridging it.
/// The lines' pointer targets are made when first needed, from their values and pixels.
fn lines<DB: DrawingBackend>(
    chart: &mut Chart<DB>,
    pen: &Pen,
    axis: &Axis,
    shown: &mut [Shown],
    marks: &mut Marks,
) -> Result<(), DrawError> {
    let band_width = marks.columns.first().map_or(0.0, |b| b.w);
    for s in shown {
        let paint = Paint::Series(s.series.colour);
        let stroke = pen.stroke(paint, line_width(band_width));
        let at = axes::line(chart, &s.values, axis, stroke)?;
        // Where reports stand too close for a marker at each, the line's last point keeps one,
        // so that the series' shape still names it.
        let marked: Vec<(i32, i32)> = if band_width >= MIN_DOT_SPACING {
            at.iter().flatten().copied().collect()
        } else {
            at.iter().flatten().last().copied().into_iter().collect()
        };
        let shape = marker::shape_of(s.series.colour);
        let plot = axes::Pixels::of(chart);
        for at in marked {
            plot.area.draw(&marker::marker(plot.at(at), shape, 4.0, pen.fill(paint)))?;
        }
        marks.add_line(Line { indicator: s.series.indicator, shown: std::mem::take(&mut s.values), at });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::data::Dataset;
    use crate::view::ViewState;

    /// Every text Compare draws at `width`, one space apart (wrapped notes join again).
    fn said(hash: &str, width: f64) -> String {
        let marks = super::super::marks(&Dataset::for_tests(), &ViewState::from_hash(hash), width, 420.0);
        marks.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_value_axis_says_what_is_counted() {
        assert!(said("view=compare", 1100.0).contains("Number (applications)"));
        let mixed = said("view=compare&indicators=stay-registration,lost-permit-cards&lang=az", 1100.0);
        assert!(mixed.contains("Say (müraciətlər, hallar)"), "{mixed}");
        assert!(said("view=compare&mode=indexed", 1100.0).contains("Index, first report = 100"));
        assert!(!said("view=compare", 1100.0).contains("Value"));
    }

    #[test]
    fn series_flattened_by_the_largest_are_named() {
        let counts = said("view=compare", 1100.0);
        // 4,566 and 3,686 at most, under 5 % of an axis to 100,000.
        assert!(
            counts.contains(
                "Hard to read at this scale: Residence permit applications, Citizenship applications; \
                 the index or a log scale shows them"
            ),
            "{counts}"
        );
        assert!(!counts.contains("Registration upon place of stay,"), "the largest is not named");
        assert!(!said("view=compare&mode=indexed", 1100.0).contains("Hard to read"));
        assert!(!said("view=compare&scale=log", 1100.0).contains("Hard to read"));
        assert!(!said("view=compare&hidden-series=stay-registration", 1100.0).contains("Hard to read"));
    }

    #[test]
    fn a_log_scale_asked_for_with_percent_change_is_said_to_be_ignored() {
        let note = "Linear scale: a log scale cannot show % change, which can be negative";
        assert!(said("view=compare&mode=change&scale=log", 1100.0).contains(note));
        assert!(!said("view=compare&mode=change", 1100.0).contains(note));
        assert!(said("view=compare&mode=change&scale=log&lang=ru", 375.0).contains("логарифмическая неприменима"));
    }
}
