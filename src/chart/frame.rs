//! What Compare and Breakdown share: the legend on top, the value axis's title above the plot,
//! then the chart with report labels and the axis caption below.

use super::axes::{self, Chart, Margins};
use super::legend::{self, Series};
use super::{fit, gutter, label, report_axis, report_labels, width, DrawError, Pen, FONT_LABEL, FONT_TICK, MARGIN};
use crate::data::Dataset;
use crate::hit::Marks;
use crate::scale::Axis;
use crate::theme::Paint;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Below the plot: the report labels, and the axis caption under them.
const BELOW: u32 = 40;

pub(super) fn frame<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    data: &Dataset,
    series: &[Series],
    pen: &Pen,
    axis: &Axis,
    title: &str,
    marks: &mut Marks,
) -> Result<Chart<'a, DB>, DrawError> {
    let top = MARGIN + legend::draw(root, data, series, pen, marks)? + 6;
    let room = f64::from(root.dim_in_pixel().0 as i32 - 2 * MARGIN);
    let font = pen.font(FONT_TICK, false, Paint::Muted);
    let title = fit(title, room, &|t| width(root, t, &font));
    label(root, &title, &font, (MARGIN, top), (HPos::Left, VPos::Top))?;
    let left = MARGIN as u32 + gutter(root, pen, axis);
    let right = MARGIN as u32 + 4;
    let plot_width = f64::from(root.dim_in_pixel().0) - f64::from(left + right);
    let full = report_labels(data, pen.lang, false);
    let short = report_labels(data, pen.lang, true);
    let (reports, labels) = report_axis(root, pen, plot_width, &full, &short);
    let caption = data.axis.as_ref().map(|c| fit(c.get(pen.lang), room, &|t| width(root, t, &font)));
    let margins = Margins { top: (top + 22) as u32, right, bottom: MARGIN as u32, gutter: left, below: BELOW };
    let chart = axes::build(root, pen, (reports, &labels), axis, caption.as_deref(), margins)?;
    marks.columns = (0..data.reports.len()).map(|r| axes::band(&chart, r)).collect();
    Ok(chart)
}

/// A line of words in the middle of the drawing, for states with nothing to draw.
pub(super) fn message<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    pen: &Pen,
    text: &str,
) -> Result<Marks, DrawError> {
    centred(root, pen, text)?;
    let (w, h) = root.dim_in_pixel();
    Ok(Marks::new(f64::from(w), f64::from(h), true))
}

/// `text`, fitted to `area`'s width, in its middle.
pub(super) fn centred<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pen: &Pen,
    text: &str,
) -> Result<(), DrawError> {
    let (w, h) = area.dim_in_pixel();
    let font = pen.font(FONT_LABEL, false, Paint::Muted);
    let text = fit(text, f64::from(w as i32 - 2 * MARGIN), &|t| width(area, t, &font));
    label(area, &text, &font, (w as i32 / 2, h as i32 / 2), (HPos::Center, VPos::Center))
}
