//! One value axis over a row of report bands: the frame both Overview panels and the
//! Compare/Breakdown chart are built on.

use super::{fit, push_rect, push_text, text_width, HAlign, Item, Rect, VAlign, FONT_TICK};
use crate::data::Dataset;
use crate::i18n::{format_number, Lang};
use crate::scale::Axis;
use crate::theme::Paint;

pub(crate) struct Plot {
    pub area: Rect,
    pub axis: Axis,
    pub bands: usize,
}

/// Room the tick labels of `axis` need to the left of the plot.
pub(crate) fn gutter(axis: &Axis, lang: Lang) -> f64 {
    let mut widest: f64 = 0.0;
    for &tick in &axis.ticks {
        widest = widest.max(text_width(&tick_label(axis, tick, lang), FONT_TICK));
    }
    (widest + 8.0).ceil()
}

/// The label of `tick` on `axis`, in the reader's language. Made where it is measured or
/// drawn rather than gathered into a `Vec` first, which costs more code than it saves work.
fn tick_label(axis: &Axis, tick: f64, lang: Lang) -> String {
    format_number(tick, axis.tick_decimals(), lang)
}

/// The reports' labels in `lang`, the `short` ones or the full ones.
pub(crate) fn report_labels(data: &Dataset, lang: Lang, short: bool) -> Vec<String> {
    // A plain loop: `map` and `collect` instantiate the iterator machinery for this one use.
    let mut labels = Vec::with_capacity(data.reports.len());
    for r in &data.reports {
        labels.push(if short { &r.short } else { &r.label }.get(lang).to_string());
    }
    labels
}

/// The width of the widest of `labels` in the tick font.
fn widest(labels: &[String]) -> f64 {
    let mut widest: f64 = 0.0;
    for l in labels {
        widest = widest.max(text_width(l, FONT_TICK));
    }
    widest
}

impl Plot {
    /// Pixel row of a value; `None` where it cannot be placed (a gap, or ≤ 0 on a log axis).
    pub fn y(&self, v: f64) -> Option<f64> {
        let f = self.axis.fraction(v)?;
        Some(self.area.bottom() - f * self.area.h)
    }

    /// The column of report `i`.
    pub fn band(&self, i: usize) -> Rect {
        let w = self.area.w / self.bands.max(1) as f64;
        Rect::new(self.area.x + w * i as f64, self.area.y, w, self.area.h)
    }

    /// A bar from the baseline to `v`, `x`..`x + w` wide, snapped to whole pixels so its
    /// edges are crisp.
    pub fn bar(&self, v: f64, x: f64, w: f64) -> Option<Rect> {
        self.span(self.axis.baseline(), v, x, w)
    }

    /// A bar between two values (a stacked segment).
    pub fn span(&self, from: f64, to: f64, x: f64, w: f64) -> Option<Rect> {
        let a = self.y(from)?.round();
        let b = self.y(to)?.round();
        let (x0, x1) = (x.round(), (x + w).round());
        Some(Rect::new(x0, a.min(b), (x1 - x0).max(1.0), (a - b).abs()))
    }

    /// Grid lines and tick labels, with a stronger line at zero (or the baseline).
    pub fn grid(&self, items: &mut Vec<Item>, lang: Lang) {
        for &tick in &self.axis.ticks {
            let Some(y) = self.y(tick) else { continue };
            let paint = if tick == self.axis.baseline() { Paint::Axis } else { Paint::Grid };
            push_rect(items, Rect::new(self.area.x, y.round(), self.area.w, 1.0), paint);
            push_text(
                items,
                (self.area.x - 6.0, y),
                tick_label(&self.axis, tick, lang),
                FONT_TICK,
                false,
                Paint::Muted,
                (HAlign::Right, VAlign::Middle),
            );
        }
    }

    /// Report labels under the bands: the full labels where they fit, else the short ones, and
    /// when even those do not fit, every k-th.
    pub fn x_labels(&self, items: &mut Vec<Item>, full: &[String], short: &[String]) {
        let band = self.area.w / self.bands.max(1) as f64;
        let labels = if widest(full) + 6.0 <= band { full } else { short };
        let every = ((widest(labels) + 6.0) / band.max(1.0)).ceil().max(1.0) as usize;
        // Every k-th by index: `step_by` over `enumerate` costs more code than this loop.
        let mut i = 0;
        while let Some(label) = labels.get(i) {
            let b = self.band(i);
            push_text(
                items,
                (b.x + b.w / 2.0, self.area.bottom() + 4.0),
                fit(label, FONT_TICK, band * every as f64 - 4.0),
                FONT_TICK,
                false,
                Paint::Muted,
                (HAlign::Center, VAlign::Top),
            );
            i += every;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plot() -> Plot {
        Plot { area: Rect::new(40.0, 10.0, 200.0, 100.0), axis: Axis::linear(0.0, 96732.0, 4), bands: 5 }
    }

    #[test]
    fn bands_and_bars_land_on_exact_pixels() {
        let p = plot();
        assert_eq!(p.band(0), Rect::new(40.0, 10.0, 40.0, 100.0));
        assert_eq!(p.band(4).right(), 240.0);
        assert_eq!(p.y(50000.0), Some(60.0));
        assert_eq!(p.bar(50000.0, 45.0, 30.0), Some(Rect::new(45.0, 60.0, 30.0, 50.0)));
        assert_eq!(p.bar(96732.0, 45.0, 30.0), Some(Rect::new(45.0, 13.0, 30.0, 97.0)));
    }

    #[test]
    fn crowded_labels_are_thinned() {
        let p = Plot { area: Rect::new(0.0, 0.0, 100.0, 50.0), axis: Axis::linear(0.0, 1.0, 2), bands: 10 };
        let labels: Vec<String> = (1..=10).map(|i| format!("Report {i}")).collect();
        let short: Vec<String> = (1..=10).map(|i| format!("Rep. {i}")).collect();
        let mut items = Vec::new();
        p.x_labels(&mut items, &labels, &short);
        assert!(items.len() < 10 && !items.is_empty());
    }
}
