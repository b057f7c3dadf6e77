//! The frame every cartesian view is built on: plotters' `ChartBuilder` over a report axis
//! (plotters' segmented coordinate: one band per report) and a value axis (plotters' linear or
//! logarithmic coordinate), its mesh and labels drawn by plotters with our formatters.
//!
//! Two small coordinate types of our own feed plotters: `Reports`, because plotters' discrete
//! coordinates place a one-value axis at the wrong pixel (its integer ranges divide by zero,
//! its slices ignore the area's offset); and `Values`, to give plotters the ticks `scale::Axis`
//! chose (plotters' own `WithKeyPoints` cannot be combined with a label formatter), on plotters'
//! linear or logarithmic coordinate as the view asks.

use super::{dense, DrawError, Pen, Size};
use crate::hit::Rect;
use crate::scale::Axis;
use crate::theme::Paint;
use plotters::coord::ranged1d::{DefaultFormatting, DiscreteRanged, KeyPointHint, Ranged, SegmentedCoord};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// The reports, one discrete value each, of which every `every`-th is labelled, up to `last`.
#[derive(Clone, Debug)]
pub(super) struct Reports {
    pub count: usize,
    pub every: usize,
    pub last: usize,
}

impl Ranged for Reports {
    type ValueType = usize;
    type FormatOption = DefaultFormatting;

    fn map(&self, &value: &usize, (from, to): (i32, i32)) -> i32 {
        if self.count <= 1 {
            return from;
        }
        let fraction = value as f64 / (self.count - 1) as f64;
        from + (fraction * f64::from(to - from)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<usize> {
        if hint.weight().allow_light_points() {
            return Vec::new();
        }
        (0..self.count.min(self.last + 1)).step_by(self.every.max(1)).collect()
    }

    fn range(&self) -> Range<usize> {
        0..self.count.saturating_sub(1)
    }
}

impl DiscreteRanged for Reports {
    fn size(&self) -> usize {
        self.count
    }
    fn index_of(&self, value: &usize) -> Option<usize> {
        (*value < self.count).then_some(*value)
    }
    fn from_index(&self, index: usize) -> Option<usize> {
        (index < self.count).then_some(index)
    }
}

/// plotters' value coordinate: linear, or logarithmic.
enum Scale {
    Linear(RangedCoordf64),
    Log(LogCoord<f64>),
}

/// A value axis: plotters' coordinate with the ticks of an `Axis`.
pub(super) struct Values {
    scale: Scale,
    ticks: Vec<f64>,
}

impl Values {
    pub fn new(axis: &Axis) -> Self {
        let range = axis.min..axis.max;
        let scale = if axis.log { Scale::Log(range.log_scale().into()) } else { Scale::Linear(range.into()) };
        Values { scale, ticks: axis.ticks.clone() }
    }
}

impl Ranged for Values {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        match &self.scale {
            Scale::Linear(coord) => coord.map(value, limit),
            Scale::Log(coord) => coord.map(value, limit),
        }
    }
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }
    fn range(&self) -> Range<f64> {
        match &self.scale {
            Scale::Linear(coord) => coord.range(),
            Scale::Log(coord) => coord.range(),
        }
    }
}

/// The report axis as plotters' bands.
pub(super) type Bands = SegmentedCoord<Reports>;

/// A cartesian chart of report bands against values.
pub(super) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Bands, Values>>;

/// How many reports the chart's axis has (plotters' segmented size counts its `Last` too).
fn reports<DB: DrawingBackend>(chart: &Chart<DB>) -> usize {
    chart.as_coord_spec().x_spec().size().saturating_sub(1)
}

/// The left edge of report `r`'s band; the last band ends at the axis's end.
pub(super) fn edge(r: usize, count: usize) -> SegmentValue<usize> {
    if r >= count {
        SegmentValue::Last
    } else {
        SegmentValue::Exact(r)
    }
}

/// Space around the plot: margins above, right and below, the value labels' gutter on the
/// left, and room below for the report labels (and the axis caption, which the view draws).
pub(super) struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub gutter: u32,
    pub below: u32,
}

/// Builds the chart on `area` and draws its mesh: horizontal grid lines at the ticks with value
/// labels, report labels under the bands, and the baseline.
pub(super) fn build<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    pen: &Pen,
    (reports, labels): (Reports, &[String]),
    axis: &Axis,
    margins: Margins,
) -> Result<Chart<'a, DB>, super::DrawError> {
    let mut chart = ChartBuilder::on(area)
        .margin_top(margins.top)
        .margin_right(margins.right)
        .margin_bottom(margins.bottom)
        .y_label_area_size(margins.gutter)
        .x_label_area_size(margins.below)
        .build_cartesian_2d(reports.into_segmented(), Values::new(axis))?;
    let value_label = |v: &f64| super::tick_label(axis, *v, pen.lang);
    let report_label = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(r) => labels.get(*r).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    let font = pen.font(Size::Tick, false, Paint::Muted);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(pen.stroke(Paint::Grid, 1))
        .axis_style(pen.stroke(Paint::Axis, 1))
        .set_all_tick_mark_size(2)
        .x_labels(labels.len())
        .y_labels(axis.ticks.len())
        .x_label_formatter(&report_label)
        .y_label_formatter(&value_label)
        .x_label_style(font.clone())
        .y_label_style(font)
        .draw()?;
    rule(&chart, pen, axis.baseline())?;
    Ok(chart)
}

/// A one-pixel line across the plot at `value`, in the axis colour: the baseline, or 100 on
/// an indexed chart. A filled pixel row rather than a path, so it is crisp at any pixel ratio.
pub(super) fn rule<DB: DrawingBackend>(chart: &Chart<DB>, pen: &Pen, value: f64) -> Result<(), super::DrawError> {
    let plot = chart.plotting_area().strip_coord_spec();
    let (_, top) = plot.get_base_pixel();
    let (width, _) = plot.dim_in_pixel();
    let y = row(chart, value) as i32 - top;
    plot.draw(&Rectangle::new([(0, y), (width as i32, y + 1)], pen.fill(Paint::Axis)))?;
    Ok(())
}

/// Report `r`'s band in CSS pixels, from the top of the plot to its bottom.
pub(super) fn band<DB: DrawingBackend>(chart: &Chart<DB>, r: usize) -> Rect {
    let count = reports(chart);
    let (lo, hi) = (chart.y_range().start, chart.y_range().end);
    let (left, top) = chart.backend_coord(&(edge(r, count), hi));
    let (right, bottom) = chart.backend_coord(&(edge(r + 1, count), lo));
    Rect::new(f64::from(left), f64::from(top), f64::from(right - left), f64::from(bottom - top))
}

/// A bar in band `r` from `from` to `to`, `left`..`right` pixels in from the band's edges and
/// `gap` pixels short at its bottom (to keep stacked segments apart): plotters' rectangle, and
/// the pixels it will cover.
pub(super) fn bar<DB: DrawingBackend>(
    chart: &Chart<DB>,
    r: usize,
    (from, to): (f64, f64),
    (left, right): (u32, u32),
    gap: u32,
    style: ShapeStyle,
) -> (Rectangle<(SegmentValue<usize>, f64)>, Rect) {
    let count = reports(chart);
    let corners = [(edge(r, count), to), (edge(r + 1, count), from)];
    let (a, b) = (chart.backend_coord(&corners[0]), chart.backend_coord(&corners[1]));
    let mut rect = Rectangle::new(corners, style);
    // plotters orders the corners, so the bottom margin is the bar's bottom whatever its sign.
    rect.set_margin(0, gap, left, right);
    (rect, covered((a.0, b.0), (a.1, b.1), (left, right), gap))
}

/// The pixels of a bar between the pixel columns `x` (its band's edges) and the pixel rows `y`
/// (its two ends), `left`..`right` pixels in from the band's edges and `gap` pixels short at
/// its bottom: what plotters fills for `bar`.
pub(super) fn covered(x: (i32, i32), y: (i32, i32), (left, right): (u32, u32), gap: u32) -> Rect {
    let (x0, x1) = (x.0.min(x.1) + left as i32, x.0.max(x.1) - right as i32);
    let (y0, y1) = (y.0.min(y.1), y.0.max(y.1) - gap as i32);
    Rect::new(f64::from(x0), f64::from(y0), f64::from(x1.saturating_sub(x0)), f64::from(y1.saturating_sub(y0)))
}

/// Every report's band, in report order: mapped once per drawing, not once per datum.
pub(super) fn bands<DB: DrawingBackend>(chart: &Chart<DB>) -> Vec<Rect> {
    (0..reports(chart)).map(|r| band(chart, r)).collect()
}

/// Where plotters puts report `r`'s `value`: the middle of its band, at the value's row, in
/// the backend's pixels.
pub(super) fn point<DB: DrawingBackend>(chart: &Chart<DB>, r: usize, value: f64) -> (i32, i32) {
    chart.backend_coord(&(SegmentValue::CenterOf(r), value))
}

/// `values` (by report) as plotters' paths in `style`: a line through each run of consecutive
/// reports (a missing value, or one `axis` cannot place such as zero on a log axis, breaks it;
/// a lone point draws none), thinned to what each pixel column shows (`dense::thin`). Returns
/// each value's pixel, mapped once for the line, so that the view's markers and pointer areas
/// (`hit::line_targets`) use the same.
pub(super) fn line<DB: DrawingBackend>(
    chart: &Chart<DB>,
    values: &[Option<f64>],
    axis: &Axis,
    style: ShapeStyle,
) -> Result<Vec<Option<(i32, i32)>>, DrawError> {
    let placed = |(r, v): (usize, &Option<f64>)| v.filter(|&v| axis.places(v)).map(|v| point(chart, r, v));
    let at: Vec<Option<(i32, i32)>> = values.iter().enumerate().map(placed).collect();
    let points: Vec<(usize, (i32, i32))> = at.iter().enumerate().filter_map(|(r, p)| p.map(|p| (r, p))).collect();
    let plot = Pixels::of(chart);
    for run in points.chunk_by(|a, b| b.0 == a.0 + 1).filter(|run| run.len() > 1) {
        let path: Vec<(i32, i32)> = dense::thin(run).into_iter().map(|(_, at)| plot.at(at)).collect();
        plot.area.draw(&PathElement::new(path, style))?;
    }
    Ok(at)
}

/// The plot as a plotters area in pixels, for marks whose points `point` has mapped already.
pub(super) struct Pixels<DB: DrawingBackend> {
    pub area: DrawingArea<DB, Shift>,
    corner: (i32, i32),
}

impl<DB: DrawingBackend> Pixels<DB> {
    pub fn of(chart: &Chart<DB>) -> Self {
        let area = chart.plotting_area().strip_coord_spec();
        let corner = area.get_base_pixel();
        Pixels { area, corner }
    }

    /// A backend pixel in the area's own coordinates.
    pub fn at(&self, (x, y): (i32, i32)) -> (i32, i32) {
        (x - self.corner.0, y - self.corner.1)
    }
}

/// The pixel row of `value`.
pub(super) fn row<DB: DrawingBackend>(chart: &Chart<DB>, value: f64) -> f64 {
    f64::from(chart.backend_coord(&(SegmentValue::Exact(0), value)).1)
}

/// The pixel insets that put a bar `width` pixels wide at `offset` pixels into `band`.
pub(super) fn insets(band: &Rect, offset: f64, width: f64) -> (u32, u32) {
    let left = offset.round().max(0.0);
    let right = (band.w - offset - width).round().max(0.0);
    (left as u32, right as u32)
}
