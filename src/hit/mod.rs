//! What the reader can point at: every datum's mark and pointer area, as plotters placed them,
//! and the answers to "what is under the pointer", "where does the keyboard go next" and "where
//! does the tooltip go". Pure geometry in CSS pixels, tested natively.

mod index;

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// A rectangle; a negative width or height is taken as zero.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w: w.max(0.0), h: h.max(0.0) }
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px < self.right() && py >= self.y && py < self.bottom()
    }
}

/// One datum the reader can point at.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub indicator: usize,
    pub report: usize,
    /// The value as shown in the current mode (absolute, index, % change or share).
    pub shown: Option<f64>,
    /// Pointer area that selects this datum.
    pub hit: Rect,
    /// The mark itself, outlined on hover.
    pub mark: Rect,
    /// The point the tooltip attaches to.
    pub anchor: (f64, f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub indicator: usize,
    pub hit: Rect,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Marks {
    pub width: f64,
    pub height: f64,
    /// Not changed once drawn: `hit` indexes them on first use.
    pub targets: Vec<Target>,
    pub legend: Vec<LegendEntry>,
    /// Whether hovering shades the whole report column (Compare, Breakdown).
    pub crosshair: bool,
    /// Each report's column, by report, in views with a crosshair: one per report, not per
    /// datum, since every series of a report shares it.
    pub columns: Vec<Rect>,
    /// Every line of text drawn, where it landed.
    pub texts: Vec<crate::backend::TextBox>,
    /// The targets' hit areas by x, for `hit`.
    hits: index::LazyIndex,
}

impl Marks {
    /// Marks of a drawing `width` × `height` CSS pixels, with nothing in it yet.
    pub fn new(width: f64, height: f64, crosshair: bool) -> Marks {
        Marks { width, height, crosshair, ..Marks::default() }
    }

    /// Makes the hit index now rather than on the first pointer move (at 100,000 targets it
    /// takes a few milliseconds, which a first hover should not wait on).
    pub fn index(&self) {
        self.hits.get(&self.targets);
    }
}

/// The datum under a pointer: among the targets whose area holds it, the one whose anchor
/// is nearest (so the pointer between two lines picks the closer one). Looked up in the
/// marks' index: the same answer as a scan of every target, without reading them all.
pub fn hit(marks: &Marks, x: f64, y: f64) -> Option<usize> {
    marks.hits.get(&marks.targets).hit(&marks.targets, x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_prefers_the_nearest_anchor() {
        let t = |anchor: (f64, f64), indicator| Target {
            indicator,
            report: 0,
            shown: None,
            hit: Rect::new(0.0, 0.0, 10.0, 100.0),
            mark: Rect::default(),
            anchor,
        };
        let marks = Marks { targets: vec![t((5.0, 10.0), 0), t((5.0, 80.0), 1)], ..Marks::default() };
        assert_eq!(hit(&marks, 5.0, 70.0), Some(1));
        assert_eq!(hit(&marks, 5.0, 20.0), Some(0));
        assert_eq!(hit(&marks, 50.0, 20.0), None);
    }
}

/// Where a tooltip of size `tip` goes for `target` in a widget of size `area`: above the mark,
/// else below it, else beside it, so that it never hides the datum it describes; always inside
/// the widget horizontally. Returns the top-left corner.
pub fn tooltip_position(target: &Target, tip: (f64, f64), area: (f64, f64)) -> (f64, f64) {
    const GAP: f64 = 8.0;
    let ((w, h), (width, height), m) = (tip, area, target.mark);
    let centred = (target.anchor.0 - w / 2.0).min(width - w).max(0.0);
    if m.y - GAP - h >= 0.0 {
        (centred, m.y - GAP - h)
    } else if m.bottom() + GAP + h <= height {
        (centred, m.bottom() + GAP)
    } else {
        let top = (target.anchor.1 - h / 2.0).min(height - h).max(0.0);
        if m.right() + GAP + w <= width {
            (m.right() + GAP, top)
        } else {
            ((m.x - GAP - w).max(0.0), top)
        }
    }
}

/// A key that moves the keyboard focus between data points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    NextReport,
    PreviousReport,
    NextSeries,
    PreviousSeries,
    FirstReport,
    LastReport,
}

impl Step {
    /// The step for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowRight" => Step::NextReport,
            "ArrowLeft" => Step::PreviousReport,
            "ArrowDown" => Step::NextSeries,
            "ArrowUp" => Step::PreviousSeries,
            "Home" => Step::FirstReport,
            "End" => Step::LastReport,
            _ => return None,
        })
    }
}

/// The target keyboard focus moves to. From nowhere, any step lands on the first datum;
/// at an edge, focus stays where it is.
pub fn navigate(marks: &Marks, from: Option<usize>, step: Step) -> Option<usize> {
    let Some(current) = from.and_then(|i| marks.targets.get(i)) else {
        return (!marks.targets.is_empty()).then_some(0);
    };
    // Series in the order they first appear, so Up/Down follows the legend and the panels.
    let mut series: Vec<usize> = Vec::new();
    for t in &marks.targets {
        if !series.contains(&t.indicator) {
            series.push(t.indicator);
        }
    }
    let reports = marks.targets.iter().map(|t| t.report + 1).max().unwrap_or(0);
    let s = series.iter().position(|&i| i == current.indicator).unwrap_or(0);
    let (indicator, report) = match step {
        Step::NextReport => (current.indicator, (current.report + 1).min(reports.saturating_sub(1))),
        Step::PreviousReport => (current.indicator, current.report.saturating_sub(1)),
        Step::FirstReport => (current.indicator, 0),
        Step::LastReport => (current.indicator, reports.saturating_sub(1)),
        Step::NextSeries => (series.get(s + 1).copied().unwrap_or(current.indicator), current.report),
        Step::PreviousSeries => (series.get(s.wrapping_sub(1)).copied().unwrap_or(current.indicator), current.report),
    };
    marks.targets.iter().position(|t| t.indicator == indicator && t.report == report).or(from)
}

#[cfg(test)]
mod tooltip_tests {
    use super::*;

    fn target(mark: Rect) -> Target {
        let anchor = (mark.x + mark.w / 2.0, mark.y);
        Target { indicator: 0, report: 0, shown: None, hit: mark, mark, anchor }
    }

    #[test]
    fn above_then_below_then_beside_never_over_the_mark() {
        let (tip, area) = ((200.0, 100.0), (375.0, 1000.0));
        // Room above: centred over the mark.
        assert_eq!(tooltip_position(&target(Rect::new(100.0, 300.0, 40.0, 100.0)), tip, area), (20.0, 192.0));
        // No room above (a tall bar near the top): below the mark's bottom, not over the bar.
        assert_eq!(tooltip_position(&target(Rect::new(100.0, 50.0, 40.0, 200.0)), tip, area), (20.0, 258.0));
        // Near the left edge: kept inside.
        assert_eq!(tooltip_position(&target(Rect::new(0.0, 300.0, 10.0, 10.0)), tip, area).0, 0.0);
        // No room above or below: beside it.
        let (x, _) = tooltip_position(&target(Rect::new(20.0, 50.0, 40.0, 900.0)), tip, area);
        assert_eq!(x, 68.0);
    }
}

#[cfg(test)]
mod navigation_tests {
    use super::*;
    use crate::data::Dataset;
    use crate::view::ViewState;

    #[test]
    fn arrows_walk_reports_and_series() {
        let data = Dataset::for_tests();
        let mut state = ViewState::default();
        state.set("view", "compare");
        let marks = crate::chart::marks(&data, &state, 800.0, 420.0);
        let at = |i: Option<usize>| i.and_then(|i| marks.targets.get(i)).map(|t| (t.indicator, t.report));
        let mut focus = navigate(&marks, None, Step::NextReport);
        assert_eq!(at(focus), Some((0, 0)));
        focus = navigate(&marks, focus, Step::NextReport);
        assert_eq!(at(focus), Some((0, 1)));
        focus = navigate(&marks, focus, Step::NextSeries);
        assert_eq!(at(focus), Some((1, 1)));
        focus = navigate(&marks, focus, Step::LastReport);
        assert_eq!(at(focus), Some((1, 4)));
        focus = navigate(&marks, focus, Step::NextReport);
        assert_eq!(at(focus), Some((1, 4)), "focus stays at the last report");
        focus = navigate(&marks, focus, Step::PreviousSeries);
        focus = navigate(&marks, focus, Step::PreviousSeries);
        assert_eq!(at(focus), Some((0, 4)), "focus stays at the first series");
        assert_eq!(Step::from_key("Escape"), None);
    }
}
