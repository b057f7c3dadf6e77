//! Pure geometry: where every mark, label and hit area of a view lands, in CSS pixels.
//! The result, a [`Scene`], is what gets drawn (by `chart`) and what pointer and keyboard
//! input is tested against, so the picture and the hit areas cannot disagree.

mod cartesian;
mod index;
mod overview;
mod plot;

use crate::data::Dataset;
use crate::theme::Paint;
use crate::view::{View, ViewState};

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// Out of line: made at some twenty places, where the two clamps (`max` is not one wasm
    /// instruction, NaN makes it a compare and a select) would be copied into each.
    #[inline(never)]
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

/// In the order of plotters' `HPos`, so that `chart` turns one into the other by a copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Right,
    Center,
}

/// In the order of plotters' `VPos`, for the same reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Rect {
        rect: Rect,
        paint: Paint,
    },
    /// An outline, for focus and hover rings.
    Frame {
        rect: Rect,
        paint: Paint,
        width: f64,
    },
    Polyline {
        points: Vec<(f64, f64)>,
        paint: Paint,
        width: f64,
    },
    Dot {
        at: (f64, f64),
        r: f64,
        paint: Paint,
    },
    Text {
        at: (f64, f64),
        text: String,
        size: f64,
        bold: bool,
        paint: Paint,
        h: HAlign,
        v: VAlign,
    },
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
    /// The report's column, shaded as a crosshair where the view has one.
    pub column: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub indicator: usize,
    pub hit: Rect,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub items: Vec<Item>,
    /// Not changed once the scene is built: `hit` indexes them on first use.
    pub targets: Vec<Target>,
    pub legend: Vec<LegendEntry>,
    /// Whether hovering shades the whole report column (Compare, Breakdown).
    pub crosshair: bool,
    /// The targets' hit areas by x, for `hit`.
    hits: index::LazyIndex,
}

pub const FONT_TICK: f64 = 12.0;
pub const FONT_LABEL: f64 = 13.0;
pub const FONT_TITLE: f64 = 14.0;
pub const FONT_HEADING: f64 = 15.0;

/// Adds a filled rectangle; out of line for the same reason as `push_text`.
#[inline(never)]
pub(crate) fn push_rect(items: &mut Vec<Item>, rect: Rect, paint: Paint) {
    items.push(Item::Rect { rect, paint });
}

/// Adds an outline; out of line for the same reason as `push_text`.
#[inline(never)]
pub(crate) fn push_frame(items: &mut Vec<Item>, rect: Rect, paint: Paint, width: f64) {
    items.push(Item::Frame { rect, paint, width });
}

/// Adds a line of text. Every label of every view goes through this one function rather than
/// building and pushing an `Item::Text` in place, which the compiler copies into each caller.
#[inline(never)]
pub(crate) fn push_text(
    items: &mut Vec<Item>,
    at: (f64, f64),
    text: String,
    size: f64,
    bold: bool,
    paint: Paint,
    (h, v): (HAlign, VAlign),
) {
    items.push(Item::Text { at, text, size, bold, paint, h, v });
}

/// A width estimate for sans-serif text, deliberately generous: layout must run natively
/// (no font metrics there) and must never let a label overflow its slot in the browser.
pub fn text_width(text: &str, size: f64) -> f64 {
    // A plain loop: `map` and `sum` make an iterator adapter the compiler keeps out of line.
    let mut ems = 0.0;
    for c in text.chars() {
        ems += em(c);
    }
    ems * size
}

/// A character's width in ems, for `text_width`.
fn em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'ı' | 'I' => 0.3,
        ' ' | '\u{a0}' | 'f' | 't' | 'r' | '(' | ')' | '-' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'Ш' | 'Щ' | 'Ж' | 'ю' | 'Ю' | 'ы' | 'Ы' | '%' => 0.9,
        c if c.is_uppercase() || c.is_ascii_digit() => 0.68,
        _ => 0.6,
    }
}

/// `text` cut to fit `max` pixels, with an ellipsis where it was cut.
pub fn fit(text: &str, size: f64, max: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let ellipsis = text_width("…", size);
    let mut out = String::new();
    // The kept characters' width in ems, summed in the order `text_width` sums them, so that
    // it is exactly `text_width` of `out` and its next character.
    let mut ems = 0.0;
    for c in text.chars() {
        ems += em(c);
        if ems * size + ellipsis > max {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` broken into at most `lines` lines of at most `max` pixels; the last one is cut with
/// an ellipsis when the text does not fit.
pub fn wrap(text: &str, size: f64, max: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    // Once on the last line, every word goes onto it, for `fit` to cut.
    let mut last = false;
    for word in text.split_whitespace() {
        // Words, with "temporary/permanent" also breakable after the slash (no space there).
        for (n, piece) in word.split_inclusive('/').enumerate() {
            let mut candidate = current.clone();
            if n == 0 && !current.is_empty() {
                candidate.push(' ');
            }
            candidate.push_str(piece);
            if last || current.is_empty() || text_width(&candidate, size) <= max {
                current = candidate;
            } else if out.len() + 1 == lines {
                last = true;
                current = candidate;
            } else {
                out.push(std::mem::replace(&mut current, piece.to_string()));
            }
        }
    }
    if !current.is_empty() {
        out.push(fit(&current, size, max));
    }
    out
}

/// The scene for the current view at a size. Table has no canvas scene.
pub fn build(data: &Dataset, state: &ViewState, width: f64, height: f64) -> Scene {
    let width = if width.is_finite() { width.max(0.0) } else { 0.0 };
    let height = if height.is_finite() { height.max(0.0) } else { 0.0 };
    let scene = match state.view {
        View::Overview => overview::build(data, state, width),
        View::Compare => cartesian::compare(data, state, width, height),
        View::Breakdown => cartesian::breakdown(data, state, width, height),
        View::Table => Scene { width, height, ..Scene::default() },
    };
    // Indexed now, with the layout, rather than on the first pointer move.
    scene.hits.get(&scene.targets);
    scene
}

/// The height a view wants at `width`: Overview grows with its panels; the others fill
/// whatever height the host gives (`None`).
pub fn preferred_height(data: &Dataset, state: &ViewState, width: f64) -> Option<f64> {
    match state.view {
        View::Overview => Some(overview::height(data, width)),
        _ => None,
    }
}

/// The datum under a pointer: among the targets whose area holds it, the one whose anchor
/// is nearest (so the pointer between two lines picks the closer one). Looked up in the
/// scene's index: the same answer as a scan of every target, without reading them all.
pub fn hit(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    scene.hits.get(&scene.targets).hit(&scene.targets, x, y)
}

/// What the overlay draws for a hovered or focused target: the column shade (in views with a
/// crosshair) and a ring around the mark.
pub fn highlight(scene: &Scene, target: usize) -> Vec<Item> {
    let Some(t) = scene.targets.get(target) else {
        return Vec::new();
    };
    let mut items = Vec::new();
    if scene.crosshair {
        // The report's whole column, outlined: every series at this report is inside it.
        push_frame(&mut items, t.column, Paint::Axis, 1.0);
    }
    let m = t.mark;
    push_frame(&mut items, Rect::new(m.x - 2.0, m.y - 2.0, m.w + 4.0, m.h + 4.0), Paint::Highlight, 2.0);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_and_wrapping() {
        assert_eq!(fit("Expelled", 12.0, 200.0), "Expelled");
        let cut = fit("Applications for registration upon place of stay", 12.0, 100.0);
        assert!(cut.ends_with('…') && text_width(&cut, 12.0) <= 100.0, "{cut}");
        let lines = wrap("Applications for registration upon place of stay", 12.0, 150.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 150.0), "{lines:?}");
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Expelled", 12.0, 150.0, 2), vec!["Expelled".to_string()]);
        let slash = wrap("Applications for temporary/permanent residence permits", 12.0, 170.0, 3);
        assert_eq!(slash, vec!["Applications for temporary/", "permanent residence", "permits"]);
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
            column: Rect::default(),
        };
        let scene = Scene { targets: vec![t((5.0, 10.0), 0), t((5.0, 80.0), 1)], ..Scene::default() };
        assert_eq!(hit(&scene, 5.0, 70.0), Some(1));
        assert_eq!(hit(&scene, 5.0, 20.0), Some(0));
        assert_eq!(hit(&scene, 50.0, 20.0), None);
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
pub fn navigate(scene: &Scene, from: Option<usize>, step: Step) -> Option<usize> {
    let Some(current) = from.and_then(|i| scene.targets.get(i)) else {
        return (!scene.targets.is_empty()).then_some(0);
    };
    // Series in the order they first appear, so Up/Down follows the legend and the panels.
    let mut series: Vec<usize> = Vec::new();
    for t in &scene.targets {
        if !series.contains(&t.indicator) {
            series.push(t.indicator);
        }
    }
    let reports = scene.targets.iter().map(|t| t.report + 1).max().unwrap_or(0);
    let s = series.iter().position(|&i| i == current.indicator).unwrap_or(0);
    let (indicator, report) = match step {
        Step::NextReport => (current.indicator, (current.report + 1).min(reports.saturating_sub(1))),
        Step::PreviousReport => (current.indicator, current.report.saturating_sub(1)),
        Step::FirstReport => (current.indicator, 0),
        Step::LastReport => (current.indicator, reports.saturating_sub(1)),
        Step::NextSeries => (series.get(s + 1).copied().unwrap_or(current.indicator), current.report),
        Step::PreviousSeries => (series.get(s.wrapping_sub(1)).copied().unwrap_or(current.indicator), current.report),
    };
    scene.targets.iter().position(|t| t.indicator == indicator && t.report == report).or(from)
}

#[cfg(test)]
mod tooltip_tests {
    use super::*;

    fn target(mark: Rect) -> Target {
        let anchor = (mark.x + mark.w / 2.0, mark.y);
        Target { indicator: 0, report: 0, shown: None, hit: mark, mark, anchor, column: mark }
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

    #[test]
    fn arrows_walk_reports_and_series() {
        let data = Dataset::for_tests();
        let mut state = ViewState::default();
        state.set("view", "compare");
        let scene = build(&data, &state, 800.0, 420.0);
        let at = |i: Option<usize>| i.and_then(|i| scene.targets.get(i)).map(|t| (t.indicator, t.report));
        let mut focus = navigate(&scene, None, Step::NextReport);
        assert_eq!(at(focus), Some((0, 0)));
        focus = navigate(&scene, focus, Step::NextReport);
        assert_eq!(at(focus), Some((0, 1)));
        focus = navigate(&scene, focus, Step::NextSeries);
        assert_eq!(at(focus), Some((1, 1)));
        focus = navigate(&scene, focus, Step::LastReport);
        assert_eq!(at(focus), Some((1, 4)));
        focus = navigate(&scene, focus, Step::NextReport);
        assert_eq!(at(focus), Some((1, 4)), "focus stays at the last report");
        focus = navigate(&scene, focus, Step::PreviousSeries);
        focus = navigate(&scene, focus, Step::PreviousSeries);
        assert_eq!(at(focus), Some((0, 4)), "focus stays at the first series");
        assert_eq!(Step::from_key("Escape"), None);
    }
}
