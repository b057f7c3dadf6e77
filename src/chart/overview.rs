//! Overview: small multiples, one panel per indicator with its own scale, grouped by group.
//! Magnitudes differ thousands of times, so a shared axis would flatten most indicators.
//! Each group's rows are one area of the root, split evenly into panels.

use super::axes::{self, Margins};
use super::{fit, label, width, wrap, DrawError, Pen, FONT_HEADING, FONT_TICK, FONT_TITLE, MARGIN};
use crate::data::Dataset;
use crate::hit::{Marks, Rect, Target};
use crate::measure;
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::members;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const GAP: i32 = 20;
const PANEL_H: i32 = 170;
const HEADING_H: i32 = 30;
const TITLE_LINE: i32 = 16;
const MIN_PANEL_W: f64 = 220.0;
const FOOTER_H: i32 = 26;

fn columns(width: f64) -> usize {
    (((width - f64::from(2 * MARGIN - GAP)) / (MIN_PANEL_W + f64::from(GAP))).floor() as usize).clamp(1, 4)
}

/// Indicators of each group, in dataset order; groups without indicators are left out.
fn grouped(data: &Dataset) -> Vec<(usize, Vec<usize>)> {
    (0..data.groups.len()).map(|g| (g, members(data, g))).filter(|(_, m)| !m.is_empty()).collect()
}

pub(super) fn height(data: &Dataset, width: f64) -> f64 {
    let cols = columns(width);
    let groups = grouped(data);
    let rows: usize = groups.iter().map(|(_, members)| members.len().div_ceil(cols)).sum();
    f64::from(MARGIN)
        + groups.len() as f64 * f64::from(HEADING_H)
        + rows as f64 * f64::from(PANEL_H + GAP)
        + f64::from(FOOTER_H)
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Dataset,
    pen: &Pen,
) -> Result<Marks, DrawError> {
    let (w, h) = root.dim_in_pixel();
    let mut marks = Marks::new(f64::from(w), f64::from(h), false);
    marks.targets.reserve_exact(data.indicators.len() * data.reports.len());
    let cols = columns(f64::from(w));
    let room = f64::from(w as i32 - 2 * MARGIN);
    let mut y = MARGIN;
    for (g, members) in grouped(data) {
        let heading = pen.font(FONT_HEADING, true, Paint::Text);
        let name = data.groups.get(g).map_or("", |x| x.label.get(pen.lang));
        let name = fit(name, room, &|t| width(root, t, &heading));
        label(root, &name, &heading, (MARGIN, y + 4), (HPos::Left, VPos::Top))?;
        y += HEADING_H;
        let rows = members.len().div_ceil(cols);
        let block_h = rows as i32 * (PANEL_H + GAP);
        let block = root.clone().shrink((MARGIN, y), (w as i32 - 2 * MARGIN + GAP, block_h));
        for (cell, &indicator) in block.split_evenly((rows, cols)).iter().zip(&members) {
            panel(&cell.margin(0, GAP, 0, GAP), data, indicator, pen, &mut marks)?;
        }
        y += block_h;
    }
    if let Some(caption) = &data.axis {
        let font = pen.font(FONT_TICK, false, Paint::Muted);
        let caption = fit(caption.get(pen.lang), room, &|t| width(root, t, &font));
        label(root, &caption, &font, (MARGIN, y + 2), (HPos::Left, VPos::Top))?;
    }
    Ok(marks)
}

/// The panel's title: the full name when it fits in two lines, else the short one, since a
/// cut name hides which indicator this is (the tooltip and the table carry the full name).
fn title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    indicator: usize,
    pen: &Pen,
) -> Vec<String> {
    let Some(ind) = data.indicators.get(indicator) else { return Vec::new() };
    let font = pen.font(FONT_TITLE, true, Paint::Text);
    let room = f64::from(area.dim_in_pixel().0);
    let measure = |t: &str| width(area, t, &font);
    let full = wrap(ind.label.get(pen.lang), room, 2, &measure);
    if full.last().is_some_and(|l| l.ends_with('…')) {
        wrap(ind.short.get(pen.lang), room, 2, &measure)
    } else {
        full
    }
}

fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Dataset,
    indicator: usize,
    pen: &Pen,
    marks: &mut Marks,
) -> Result<(), DrawError> {
    let Some(ind) = data.indicators.get(indicator) else { return Ok(()) };
    let font = pen.font(FONT_TITLE, true, Paint::Text);
    for (line, top) in title(area, data, indicator, pen).iter().zip((0..).step_by(TITLE_LINE as usize)) {
        label(area, line, &font, (0, top), (HPos::Left, VPos::Top))?;
    }
    let axis = Axis::linear(0.0, measure::peak(&ind.values), 3);
    let gutter = super::gutter(area, pen, &axis);
    let plot_w = f64::from(area.dim_in_pixel().0) - f64::from(gutter + 4);
    let short = super::report_labels(data, pen.lang, true);
    let (reports, labels) = super::report_axis(area, pen, plot_w, &short, &short);
    let margins = Margins { top: (2 * TITLE_LINE + 12) as u32, right: 4, bottom: 0, gutter, below: 18 };
    let mut chart = axes::build(area, pen, (reports, &labels), &axis, None, margins)?;
    let style = pen.fill(Paint::Series(crate::theme::colour_of(indicator)));
    // More reports than pixels: the bars would be slivers under a pixel, so the panel is a line
    // through the values (thinned to what the pixels show) and the bars stay as pointer areas.
    let crowded = plot_w < ind.values.len() as f64;
    let mut bars = Vec::new();
    for (r, value) in ind.values.iter().enumerate() {
        let band = axes::band(&chart, r);
        let w = (band.w * 0.62).min(48.0);
        let insets = axes::insets(&band, (band.w - w) / 2.0, w);
        let drawn = value.map(|v| axes::bar(&chart, r, (0.0, v), insets, 0, style));
        let mark = match &drawn {
            Some((_, rect)) => *rect,
            None => Rect::new(band.x + f64::from(insets.0), band.bottom() - 1.0, w, 1.0),
        };
        bars.extend(drawn.map(|(bar, _)| bar).filter(|_| !crowded));
        let anchor = (mark.x + mark.w / 2.0, mark.y);
        marks.targets.push(Target { indicator, report: r, shown: *value, hit: band, mark, anchor });
    }
    chart.draw_series(bars)?;
    if crowded {
        let points: Vec<(usize, f64)> = ind.values.iter().enumerate().filter_map(|(r, v)| v.map(|v| (r, v))).collect();
        let column = |r: usize| {
            let band = axes::band(&chart, r);
            (band.x + band.w / 2.0).floor() as i64
        };
        let runs: Vec<_> = points.chunk_by(|a, b| b.0 == a.0 + 1).map(|run| super::dense::thin(run, column)).collect();
        for run in runs {
            let line = run.into_iter().map(|(r, v)| (SegmentValue::CenterOf(r), v));
            chart.draw_series(LineSeries::new(line, style.stroke_width(1)))?;
        }
    }
    Ok(())
}
