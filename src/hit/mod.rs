//! What the reader can point at: every datum's mark and pointer area, as plotters placed them,
//! and the answers to "what is under the pointer", "where does the keyboard go next" and "where
//! does the tooltip go". Pure geometry in CSS pixels, tested natively.

mod index;

use std::cell::{Cell, OnceCell};

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

/// What a drawing left to point at and to check: its targets, legend, report columns and texts.
#[derive(Default)]
pub struct Marks {
    pub width: f64,
    pub height: f64,
    pub legend: Vec<LegendEntry>,
    /// Whether hovering shades the whole report column (Compare, Breakdown).
    pub crosshair: bool,
    /// Each report's column, by report, in views with a crosshair: one per report, not per
    /// datum, since every series of a report shares it.
    pub columns: Vec<Rect>,
    /// Every line of text drawn, where it landed.
    pub texts: Vec<crate::backend::TextBox>,
    /// The targets as the drawing left them, until `pointing` takes them.
    drawn: Cell<Drawn>,
    /// Every target and their index, made on first use.
    pointing: OnceCell<Pointing>,
}

/// What the drawing leaves to point at: targets made as their marks were (bars, stacks,
/// panels), and lines whose targets are made later.
#[derive(Default)]
struct Drawn {
    targets: Vec<Target>,
    lines: Vec<Line>,
}

struct Pointing {
    /// Never changed once made: `index` holds their positions.
    targets: Vec<Target>,
    /// The targets' hit areas by x, for `hit`.
    index: index::HitIndex,
}

/// A line drawn across the marks' report columns, whose pointer targets are made on first
/// use rather than with the drawing: at 100,000 points they are some 10 MB to write, which the
/// reader's first sight of the chart should not wait on. It holds what they are made from,
/// which the drawing had made already.
pub struct Line {
    pub indicator: usize,
    /// Its values as shown, by report.
    pub shown: Vec<Option<f64>>,
    /// Each value's pixel as the line was drawn through it; none for a gap.
    pub at: Vec<Option<(i32, i32)>>,
}

impl Marks {
    /// Marks of a drawing `width` × `height` CSS pixels, with nothing in it yet.
    pub fn new(width: f64, height: f64, crosshair: bool) -> Marks {
        Marks { width, height, crosshair, ..Marks::default() }
    }

    /// The targets made so far, for a drawing to add to.
    pub fn drawn(&mut self) -> &mut Vec<Target> {
        // Targets already made hold the lines' too: they go back to being drawn ones.
        if let Some(made) = self.pointing.take() {
            self.drawn.get_mut().targets = made.targets;
        }
        &mut self.drawn.get_mut().targets
    }

    /// A line across the report columns, whose targets (one per report) come after every
    /// target drawn.
    pub fn add_line(&mut self, line: Line) {
        self.drawn();
        self.drawn.get_mut().lines.push(line);
    }

    /// Every datum the reader can point at, in drawing order.
    pub fn targets(&self) -> &[Target] {
        &self.pointing().targets
    }

    /// Makes the targets and their index now rather than on the first pointer move or key
    /// (at 100,000 targets that takes several milliseconds, which a first hover should not
    /// wait on).
    pub fn prepare(&self) {
        self.pointing();
    }

    fn pointing(&self) -> &Pointing {
        self.pointing.get_or_init(|| {
            let Drawn { mut targets, lines } = self.drawn.take();
            targets.reserve_exact(lines.iter().map(|l| l.at.len()).sum());
            for line in &lines {
                targets.extend(line_targets(line.indicator, &line.shown, &line.at, &self.columns));
            }
            let index = index::HitIndex::new(&targets);
            Pointing { targets, index }
        })
    }

    #[cfg(test)]
    pub fn with_targets(targets: Vec<Target>) -> Marks {
        let mut marks = Marks::default();
        *marks.drawn() = targets;
        marks
    }
}

/// The pointer targets of `indicator`'s line, a report each: `shown` its values, `at` their
/// pixels as the line was drawn through them, `bands` the plot's.
pub fn line_targets<'a>(
    indicator: usize,
    shown: &'a [Option<f64>],
    at: &'a [Option<(i32, i32)>],
    bands: &'a [Rect],
) -> impl Iterator<Item = Target> + 'a {
    let datums = shown.iter().zip(at).zip(bands).enumerate();
    datums.map(move |(r, ((&shown, &at), band))| point_target((indicator, r), shown, at, band))
}

/// The pointer target of a line's datum: the dot at its point `at` (none for a gap, which sits
/// on the axis), over the report's whole `band`, down or up to the whole dot where it
/// overhangs the plot (a value at the edge). Where reports outnumber pixels, a band may be
/// under a pixel wide: the area is then the pixel column of the point, which the column's
/// other reports share, and the pointer picks the nearest of their points. Not wider, so that
/// dense lines keep narrow pointer areas.
fn point_target(
    (indicator, report): (usize, usize),
    shown: Option<f64>,
    at: Option<(i32, i32)>,
    band: &Rect,
) -> Target {
    let anchor = match at {
        Some((x, y)) => (f64::from(x), f64::from(y)),
        None => (band.x + band.w / 2.0, band.bottom()),
    };
    let mark = Rect::new(anchor.0 - 4.0, anchor.1 - 4.0, 8.0, 8.0);
    let column = anchor.0.floor();
    let (left, right) = (band.x.min(column), band.right().max(column + 1.0));
    let (top, bottom) = (band.y.min(mark.y), band.bottom().max(mark.bottom()));
    let hit = Rect::new(left, top, right - left, bottom - top);
    Target { indicator, report, shown, hit, mark, anchor }
}

/// The datum under a pointer: among the targets whose area holds it, the one whose anchor
/// is nearest (so the pointer between two lines picks the closer one). Looked up in the
/// marks' index: the same answer as a scan of every target, without reading them all.
pub fn hit(marks: &Marks, x: f64, y: f64) -> Option<usize> {
    let made = marks.pointing();
    made.index.hit(&made.targets, x, y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::view::ViewState;

    #[test]
    fn lines_are_made_pointable_on_first_use_not_by_the_drawing() {
        let data = Dataset::for_tests();
        let marks = crate::chart::marks(&data, &ViewState::from_hash("view=compare&mark=lines"), 800.0, 420.0);
        assert!(marks.pointing.get().is_none(), "the drawing made the targets");
        let lines = marks.drawn.take();
        assert_eq!((lines.targets.len(), lines.lines.len()), (0, 3), "three lines, kept as drawn");
        marks.drawn.set(lines);
        let made: Vec<(usize, usize)> = marks.targets().iter().map(|t| (t.indicator, t.report)).collect();
        assert_eq!(made.len(), 15, "a target per datum");
        assert_eq!(made.get(..2), Some(&[(0, 0), (0, 1)][..]), "in drawing order: line by line");
        assert!(marks.pointing.get().is_some());
        // Bars make theirs with their marks.
        let bars = crate::chart::marks(&data, &ViewState::from_hash("view=compare"), 800.0, 420.0);
        assert_eq!(bars.drawn.take().targets.len(), 15);
    }

    #[test]
    fn targets_added_after_use_join_the_made_ones() {
        let t = |x: f64| Target {
            indicator: 0,
            report: 0,
            shown: None,
            hit: Rect::new(x, 0.0, 10.0, 10.0),
            mark: Rect::default(),
            anchor: (x + 5.0, 5.0),
        };
        let mut marks = Marks::with_targets(vec![t(0.0)]);
        assert_eq!(hit(&marks, 5.0, 5.0), Some(0));
        marks.drawn().push(t(20.0));
        assert_eq!(marks.targets().len(), 2);
        assert_eq!(hit(&marks, 25.0, 5.0), Some(1), "the index is made again");
    }

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
        let marks = Marks::with_targets(vec![t((5.0, 10.0), 0), t((5.0, 80.0), 1)]);
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
    let targets = marks.targets();
    let Some(current) = from.and_then(|i| targets.get(i)) else {
        return (!targets.is_empty()).then_some(0);
    };
    // Series in the order they first appear, so Up/Down follows the legend and the panels.
    let mut series: Vec<usize> = Vec::new();
    for t in targets {
        if !series.contains(&t.indicator) {
            series.push(t.indicator);
        }
    }
    let reports = targets.iter().map(|t| t.report + 1).max().unwrap_or(0);
    let s = series.iter().position(|&i| i == current.indicator).unwrap_or(0);
    let (indicator, report) = match step {
        Step::NextReport => (current.indicator, (current.report + 1).min(reports.saturating_sub(1))),
        Step::PreviousReport => (current.indicator, current.report.saturating_sub(1)),
        Step::FirstReport => (current.indicator, 0),
        Step::LastReport => (current.indicator, reports.saturating_sub(1)),
        Step::NextSeries => (series.get(s + 1).copied().unwrap_or(current.indicator), current.report),
        Step::PreviousSeries => (series.get(s.wrapping_sub(1)).copied().unwrap_or(current.indicator), current.report),
    };
    targets.iter().position(|t| t.indicator == indicator && t.report == report).or(from)
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
        let at = |i: Option<usize>| i.and_then(|i| marks.targets().get(i)).map(|t| (t.indicator, t.report));
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
