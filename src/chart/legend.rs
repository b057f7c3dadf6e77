//! The legend of Compare and Breakdown: a swatch and a short name per series, flowed into
//! rows. The widget lays real buttons over the entries (their `hit` areas).

use super::marker;
use super::{fit, label, width, DrawError, Pen, Size, MARGIN};
use crate::data::Dataset;
use crate::hit::{LegendEntry, Marks, Rect};
use crate::theme::Paint;
use crate::view::ViewState;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// A row of the legend, and the height of the button laid over each entry: at least 24 px, the
/// smallest target WCAG 2.2 allows.
const ROW: i32 = 26;
const SWATCH: i32 = 12;

/// A series on the chart: which indicator, its colour, and whether the legend hid it.
pub(super) struct Series {
    pub indicator: usize,
    pub colour: usize,
    pub hidden: bool,
    /// Whether the chart marks this series with its shape (lines), so the legend shows it.
    pub shaped: bool,
}

/// `indicators` as series in their colours: Compare's chosen ones, Breakdown's parts.
pub(super) fn series(data: &Dataset, state: &ViewState, indicators: &[usize]) -> Vec<Series> {
    indicators
        .iter()
        .map(|&indicator| Series {
            indicator,
            colour: crate::theme::colour_of(indicator),
            hidden: state.is_hidden(data, indicator),
            shaped: false,
        })
        .collect()
}

/// Draws the legend from the top left of `root`; returns the height it took.
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Dataset,
    series: &[Series],
    pen: &Pen,
    marks: &mut Marks,
) -> Result<i32, DrawError> {
    let room = root.dim_in_pixel().0 as i32 - 2 * MARGIN;
    let (mut x, mut y) = (MARGIN, MARGIN);
    for s in series {
        let Some(indicator) = data.indicators.get(s.indicator) else { continue };
        let (swatch, ink) = if s.hidden { (Paint::Grid, Paint::Muted) } else { (Paint::Series(s.colour), Paint::Text) };
        let font = pen.font(Size::Label, false, ink);
        // Names up to about 22 characters whole; longer ones are cut (the tooltip has them).
        let max = f64::from(room - SWATCH - 6).clamp(20.0, 22.0 * pen.px(Size::Label));
        let name = fit(indicator.short.get(pen.lang), max, &|t| width(root, t, &font));
        let entry = SWATCH + 6 + width(root, &name, &font).ceil() as i32 + 16;
        if x > MARGIN && x + entry > room + MARGIN {
            (x, y) = (MARGIN, y + ROW);
        }
        let corners = [(x, y + (ROW - SWATCH) / 2), (x + SWATCH, y + (ROW + SWATCH) / 2)];
        if s.shaped {
            let shape = marker::shape_of(s.colour);
            let centre = (x + SWATCH / 2, y + ROW / 2);
            if s.hidden {
                root.draw(&marker::marker(centre, shape, 6.5, pen.fill(Paint::Series(s.colour))))?;
            }
            root.draw(&marker::marker(centre, shape, if s.hidden { 4.0 } else { 5.5 }, pen.fill(swatch)))?;
        } else {
            root.draw(&Rectangle::new(corners, pen.fill(swatch)))?;
            if s.hidden {
                root.draw(&Rectangle::new(corners, pen.stroke(Paint::Series(s.colour), 2)))?;
            }
        }
        label(root, &name, &font, (x + SWATCH + 6, y + ROW / 2), (HPos::Left, VPos::Center))?;
        let hit = Rect::new(f64::from(x), f64::from(y), f64::from(entry - 8), f64::from(ROW));
        marks.legend.push(LegendEntry { indicator: s.indicator, hit });
        x += entry;
    }
    Ok(y + ROW - MARGIN)
}
