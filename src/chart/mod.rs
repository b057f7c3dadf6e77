//! Every view drawn by plotters on any backend: the canvas in the browser (through
//! plotters-canvas), the SVG export and the snapshot tests (through plotters-svg), all from
//! `draw`. Drawing returns the `Marks`, taken from plotters' own coordinate mapping, so what
//! is drawn and what the pointer hits cannot disagree.

mod axes;
mod breakdown;
mod compare;
pub mod credit;
mod dense;
pub mod export;
mod frame;
mod legend;
mod marker;
mod overview;
mod words;

pub use frame::value_caption;
pub use words::{fit, wrap};

use crate::backend::{self, Estimate, TextMeasure, FONT_FAMILY};
use crate::data::Dataset;
use crate::hit::{Marks, Rect};
use crate::i18n::Lang;
use crate::theme::{Paint, Palette};
use crate::view::{View, ViewState};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What a piece of chart text is, which sets its size: tick labels, captions and notes; legend
/// entries and totals; panel titles; group headings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Size {
    Tick,
    Label,
    Title,
    Heading,
}

impl Size {
    /// The size in CSS pixels of text of this kind, beside tick labels `text` pixels tall.
    pub(crate) fn px(self, text: f64) -> f64 {
        match self {
            Size::Tick | Size::Label => text,
            Size::Title => text + 1.0,
            Size::Heading => text + 2.0,
        }
    }
}

/// The tick labels' size in a drawing `width` CSS pixels wide: 13 px on a phone (up to 400 px),
/// growing with the width to 15 px from 1200 px, in half pixels, so chart text stays near the
/// page's 16 px on a desktop and still fits five reports on a 320 px phone. Titles and headings
/// are one and two pixels larger.
pub(crate) fn text_size(width: f64) -> f64 {
    let grown = 13.0 + 2.0 * ((width - 400.0) / 800.0).clamp(0.0, 1.0);
    if grown.is_finite() {
        (grown * 2.0).round() / 2.0
    } else {
        13.0
    }
}

/// Room between the widget's edge and what it draws.
const MARGIN: i32 = 8;

/// Why a drawing stopped: the backend's own words.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Colours and fonts for one drawing: the theme's palette, the reader's language and the
/// tick labels' size (`text_size` of the drawing's width).
pub(crate) struct Pen<'a> {
    pub palette: &'a Palette,
    pub lang: Lang,
    pub text: f64,
}

/// `paint` in `palette`, as plotters' colour.
fn colour(palette: &Palette, paint: Paint) -> RGBColor {
    let (r, g, b) = palette.rgb(paint);
    RGBColor(r, g, b)
}

impl Pen<'_> {
    fn colour(&self, paint: Paint) -> RGBColor {
        colour(self.palette, paint)
    }

    fn fill(&self, paint: Paint) -> ShapeStyle {
        self.colour(paint).filled()
    }

    fn stroke(&self, paint: Paint, width: u32) -> ShapeStyle {
        self.colour(paint).stroke_width(width)
    }

    /// The size in CSS pixels of text of kind `size`.
    fn px(&self, size: Size) -> f64 {
        size.px(self.text)
    }

    /// The height of one line of text of kind `size`, in whole pixels.
    fn line(&self, size: Size) -> i32 {
        (self.px(size) * 1.3).ceil() as i32
    }

    fn font(&self, size: Size, bold: bool, paint: Paint) -> TextStyle<'static> {
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        FontDesc::new(FontFamily::Name(FONT_FAMILY), self.px(size), style).color(&self.colour(paint))
    }
}

/// How wide `text` is in `font`, as the backend that draws it measures.
fn width<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, font: &TextStyle) -> f64 {
    area.estimate_text_size(text, font).map_or(0.0, |(w, _)| f64::from(w))
}

/// Draws `text` with its `h`/`v` side at `at`.
fn label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
    at: (i32, i32),
    (h, v): (HPos, VPos),
) -> Result<(), DrawError> {
    area.draw_text(text, &font.pos(Pos::new(h, v)), at)?;
    Ok(())
}

/// A tick's label on `axis`: CLDR digits, a true minus sign (U+2212, not a hyphen), and the
/// language's per cent sign on a percentage axis.
fn tick_label(axis: &crate::scale::Axis, tick: f64, lang: Lang) -> String {
    let number = crate::i18n::format_number(tick, axis.tick_decimals(), lang).replacen('-', "\u{2212}", 1);
    match (axis.percent, lang) {
        (false, _) => number,
        (true, Lang::Ru) => format!("{number}\u{a0}%"),
        (true, Lang::En | Lang::Az) => format!("{number}%"),
    }
}

/// Room the tick labels of `axis` need to the left of the plot.
fn gutter<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, pen: &Pen, axis: &crate::scale::Axis) -> u32 {
    let font = pen.font(Size::Tick, false, Paint::Muted);
    let widest =
        axis.ticks.iter().map(|&tick| width(area, &tick_label(axis, tick, pen.lang), &font)).fold(0.0, f64::max);
    (widest + 8.0).ceil() as u32
}

/// The reports' labels in `lang`, the short ones or the full ones.
fn report_labels(data: &Dataset, lang: Lang, short: bool) -> Vec<String> {
    data.reports.iter().map(|r| if short { &r.short } else { &r.label }.get(lang).to_string()).collect()
}

/// The report axis for a plot `plot_width` pixels wide with `overhang` pixels of margin to its
/// right: the full labels where they fit under their band, else the short ones, and when even
/// those do not fit, every k-th.
fn report_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pen: &Pen,
    (plot_width, overhang): (f64, f64),
    full: &[String],
    short: &[String],
) -> (axes::Reports, Vec<String>) {
    let font = pen.font(Size::Tick, false, Paint::Muted);
    let measure = |t: &str| width(area, t, &font);
    // A band may be a fraction of a pixel (10,000 reports): labels then skip many reports.
    let band = (plot_width / full.len().max(1) as f64).max(1e-6);
    // Labels keep 4 px apart: "R1" … "R5" then stay whole under a phone's two-column panels.
    let labels = if full.iter().all(|l| measure(l) + 4.0 <= band) { full } else { short };
    let widest = widest(labels, &measure);
    let every = ((widest + 4.0) / band).ceil().max(1.0) as usize;
    let room = band * every as f64 - 4.0;
    // Only every k-th label is drawn: the others are left empty rather than fitted. The last
    // ones, centred near the plot's right end, are left out with their ticks where they would
    // reach past the margin there (off the drawing, or into the next panel), rather than cut.
    let mut fitted = vec![String::new(); labels.len()];
    let mut last = 0;
    for (i, (l, slot)) in labels.iter().zip(&mut fitted).enumerate().step_by(every) {
        let label = fit(l, room, &measure);
        if (i as f64 + 0.5) * band + measure(&label) / 2.0 > plot_width + overhang {
            break;
        }
        (*slot, last) = (label, i);
    }
    (axes::Reports { count: full.len(), every, last }, fitted)
}

/// The widest of `labels`. Past 64, only the 64 longest in characters are measured:
/// the thousands of reports of a long series would otherwise cost a measurement each, and
/// the drawn ones are still fitted to their room.
fn widest(labels: &[String], measure: &dyn Fn(&str) -> f64) -> f64 {
    const MEASURED: usize = 64;
    // Each label's length is counted once, not at every comparison of the selection.
    let mut longest: Vec<(usize, &str)> = labels.iter().map(|l| (l.chars().count(), l.as_str())).collect();
    if longest.len() > MEASURED {
        // A sort rather than `select_nth_unstable`: std built for size selects by median of
        // medians, 4 ms at 10,000 labels of few distinct lengths, against under 1 ms sorted.
        longest.sort_unstable_by_key(|&(chars, _)| std::cmp::Reverse(chars));
        longest.truncate(MEASURED);
    }
    longest.into_iter().map(|(_, l)| measure(l)).fold(0.0, f64::max)
}

/// The whole view on `root`, its background first.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Dataset,
    state: &ViewState,
    palette: &Palette,
) -> Result<Marks, DrawError> {
    let pen = Pen { palette, lang: state.lang, text: text_size(f64::from(root.dim_in_pixel().0)) };
    root.fill(&pen.colour(Paint::Background))?;
    let marks = match state.view {
        View::Overview => overview::draw(root, data, &pen)?,
        View::Compare => compare::draw(root, data, state, &pen)?,
        View::Breakdown => breakdown::draw(root, data, state, &pen)?,
        View::Table => {
            let (w, h) = root.dim_in_pixel();
            Marks::new(f64::from(w), f64::from(h), false)
        }
    };
    root.present()?;
    Ok(marks)
}

/// The height a view wants at `width`: Overview grows with its panels; the others fill
/// whatever height the host gives (`None`).
pub fn preferred_height(data: &Dataset, state: &ViewState, width: f64) -> Option<f64> {
    (state.view == View::Overview).then(|| overview::height(data, width))
}

/// A drawing's size in whole CSS pixels, at least one by one.
pub fn pixels(width: f64, height: f64) -> (u32, u32) {
    let whole = |v: f64| if v.is_finite() { v.round().clamp(1.0, f64::from(u32::MAX)) as u32 } else { 1 };
    (whole(width), whole(height))
}

/// The view as an SVG document of `size` CSS pixels, with its marks and text boxes.
pub fn svg<M: TextMeasure>(
    data: &Dataset,
    state: &ViewState,
    size: (u32, u32),
    palette: &Palette,
    measure: M,
) -> Result<(String, Marks), DrawError> {
    let mut out = String::new();
    let marks = draw_on(backend::svg(&mut out, size, measure), data, state, palette)?;
    Ok((out, marks))
}

/// The whole view drawn on `backend`, with the marks and the text boxes it left.
pub fn draw_on<DB: DrawingBackend, M: TextMeasure>(
    backend: backend::Measured<DB, M>,
    data: &Dataset,
    state: &ViewState,
    palette: &Palette,
) -> Result<Marks, DrawError> {
    let texts = backend.texts();
    let mut marks = draw(&backend.into_drawing_area(), data, state, palette)?;
    marks.texts = texts.take();
    Ok(marks)
}

/// The marks of a view `width` CSS pixels wide (and `height` tall, where the view fills its
/// host), drawn with the native text estimate: what tests point and walk at.
pub fn marks(data: &Dataset, state: &ViewState, width: f64, height: f64) -> Marks {
    let height = preferred_height(data, state, width).unwrap_or(height);
    svg(data, state, pixels(width, height), &crate::theme::LIGHT, Estimate).map(|(_, marks)| marks).unwrap_or_default()
}

/// What the overlay shows for a hovered or focused target: the report's column (in views with
/// a crosshair) and a ring around the mark. The overlay is cleared before.
pub fn highlight<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    marks: &Marks,
    target: usize,
    palette: &Palette,
) -> Result<(), DrawError> {
    let Some(t) = marks.targets().get(target) else { return Ok(()) };
    if let Some(&column) = marks.columns.get(t.report).filter(|_| marks.crosshair) {
        outline(root, column, colour(palette, Paint::Axis).stroke_width(1))?;
    }
    let m = t.mark;
    let ring = Rect::new(m.x - 2.0, m.y - 2.0, m.w + 4.0, m.h + 4.0);
    outline(root, ring, colour(palette, Paint::Highlight).stroke_width(2))?;
    root.present()?;
    Ok(())
}

/// An unfilled rectangle on `rect`.
fn outline<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rect: Rect, style: ShapeStyle) -> Result<(), DrawError> {
    let corner = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    root.draw(&Rectangle::new([corner(rect.x, rect.y), corner(rect.right(), rect.bottom())], style))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views() -> Vec<ViewState> {
        let hashes = ["view=overview", "view=compare", "view=compare&mark=lines", "view=breakdown"];
        hashes.iter().flat_map(|h| ["en", "az", "ru"].map(|l| ViewState::from_hash(&format!("{h}&lang={l}")))).collect()
    }

    #[test]
    fn the_widest_of_many_labels_is_the_widest_measured() {
        let measure = |t: &str| crate::backend::Estimate.width(t, 12.0, false);
        let mut labels: Vec<String> = (1..=5000).map(|n| format!("R{n}")).collect();
        assert_eq!(widest(&labels, &measure), measure("R5000"));
        labels[4321] = "Registration upon place of stay".to_string();
        assert_eq!(widest(&labels, &measure), measure("Registration upon place of stay"));
        assert_eq!(widest(&labels[..3], &measure), measure("R3"));
        assert_eq!(widest(&[], &measure), 0.0);
    }

    #[test]
    fn no_two_labels_overlap_and_none_leaves_the_drawing() {
        let data = Dataset::for_tests();
        for state in views() {
            for width in [375.0, 1100.0] {
                let marks = marks(&data, &state, width, 420.0);
                let texts: Vec<_> = marks.texts.iter().filter(|t| !t.text.trim().is_empty()).collect();
                assert!(texts.len() > 10, "{state:?} at {width}: only {} labels", texts.len());
                for (i, a) in texts.iter().enumerate() {
                    assert!(a.x >= 0.0 && a.x + a.w <= marks.width, "{a:?} leaves the {width} px drawing");
                    for b in texts.iter().skip(i + 1) {
                        assert!(!a.overlaps(b), "{:?} at {width}: {a:?} overlaps {b:?}", state.view);
                    }
                }
            }
        }
    }

    fn view(hash: &str, width: f64) -> Marks {
        marks(&Dataset::for_tests(), &ViewState::from_hash(hash), width, 420.0)
    }

    #[test]
    fn compare_bars_one_target_per_series_and_report() {
        let marks = view("view=compare", 800.0);
        assert_eq!(marks.targets().len(), 15);
        assert_eq!(marks.legend.len(), 3);
        let t = &marks.targets()[0];
        assert_eq!((t.indicator, t.report, t.shown), (0, 0, Some(96732.0)));
        assert_eq!(crate::hit::hit(&marks, t.anchor.0, t.anchor.1 + 5.0), Some(0));
        let l = &marks.legend[1];
        assert_eq!(l.indicator, 1);
        assert!(l.hit.w > 20.0 && l.hit.h > 12.0, "a legend entry big enough to point at: {:?}", l.hit);
    }

    #[test]
    fn bars_land_on_their_bands_and_scale() {
        let marks = view("view=compare", 800.0);
        let bands = marks.columns.clone();
        // Five bands, edge to edge, equal to a pixel.
        for pair in bands.windows(2) {
            assert_eq!(pair[0].right(), pair[1].x);
            assert!((pair[0].w - pair[1].w).abs() <= 1.0, "{pair:?}");
        }
        // A bar's height is its value's share of the axis: 96,732 and 48,118 on one scale.
        let (a, b) = (&marks.targets()[0], &marks.targets()[2]);
        let ratio = a.mark.h / b.mark.h;
        let expected = 96732.0 / 49118.0;
        assert!((ratio - expected).abs() < 0.02, "{ratio} against {expected}");
        assert_eq!(a.mark.bottom(), b.mark.bottom(), "bars share the baseline");
    }

    #[test]
    fn indexed_mode_starts_every_series_at_100() {
        let marks = view("view=compare&mode=indexed", 800.0);
        let firsts: Vec<Option<f64>> = marks.targets().iter().filter(|t| t.report == 0).map(|t| t.shown).collect();
        assert_eq!(firsts, vec![Some(100.0); 3]);
        let tops: Vec<f64> = marks.targets().iter().filter(|t| t.report == 0).map(|t| t.mark.y).collect();
        assert!(tops.windows(2).all(|w| w[0] == w[1]), "every first bar reaches the same height: {tops:?}");
    }

    #[test]
    fn hidden_series_leave_the_axis_and_the_targets() {
        let marks = view("view=compare&hidden=stay-registration", 800.0);
        assert_eq!(marks.targets().len(), 10);
        assert!(marks.targets().iter().all(|t| t.indicator != 0));
        assert_eq!(marks.legend.len(), 3, "a hidden series keeps its legend entry, to be shown again");
    }

    #[test]
    fn breakdown_stacks_the_parts_to_the_total() {
        let marks = view("view=breakdown", 800.0);
        assert_eq!(marks.targets().len(), 20);
        let first: Vec<_> = marks.targets().iter().filter(|t| t.report == 0).collect();
        let sum: f64 = first.iter().filter_map(|t| t.shown).sum();
        assert_eq!(sum, 2792.0);
        // Segments sit on each other: each one's bottom is the previous one's top, less the
        // one-pixel hairline between them.
        for pair in first.windows(2) {
            let gap = pair[0].mark.y - pair[1].mark.bottom();
            assert!((0.0..=1.0).contains(&gap), "{:?} then {:?}", pair[0].mark, pair[1].mark);
        }
        let lines = view("view=compare&mark=lines", 800.0);
        let t = &lines.targets()[3];
        assert_eq!(crate::hit::hit(&lines, t.anchor.0, t.anchor.1), Some(3));
    }

    #[test]
    fn overview_has_a_target_per_value_and_whole_names() {
        let marks = view("", 960.0);
        assert_eq!(marks.targets().len(), 40);
        let first = &marks.targets()[0];
        assert_eq!((first.indicator, first.report, first.shown), (0, 0, Some(96732.0)));
        let centre = (first.mark.x + first.mark.w / 2.0, first.mark.y + first.mark.h / 2.0);
        assert_eq!(crate::hit::hit(&marks, centre.0, centre.1), Some(0));
        assert!(marks.targets().iter().all(|t| t.mark.bottom() <= marks.height && t.mark.right() <= 960.0));
        for width in [320.0, 700.0, 960.0] {
            assert_eq!(view("", width).height, overview::height(&Dataset::for_tests(), width));
        }
        let az = view("lang=az", 960.0);
        let titles: Vec<&str> = az.texts.iter().map(|t| t.text.as_str()).collect();
        assert!(titles.iter().all(|t| !t.ends_with('…')), "{titles:?}");
        let joined = titles.join(" ");
        assert!(joined.contains("Yaşamaq icazəsi müraciətləri"), "the short name, whole over two lines: {titles:?}");
    }

    fn texts(hash: &str) -> Vec<String> {
        view(hash, 800.0).texts.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn percentage_ticks_say_per_cent_with_a_true_minus() {
        let change = texts("view=compare&mode=change");
        assert!(change.iter().any(|t| t.starts_with('\u{2212}') && t.ends_with('%')), "{change:?}");
        assert!(change.iter().all(|t| !t.starts_with('-')), "a hyphen for minus: {change:?}");
        let ru = texts("view=breakdown&stack=percent&lang=ru");
        assert!(ru.contains(&"100\u{a0}%".to_string()), "{ru:?}");
        let counts = texts("view=compare");
        assert!(counts.contains(&"100,000".to_string()) && !counts.iter().any(|t| t.ends_with('%')), "{counts:?}");
    }

    #[test]
    fn a_log_axis_draws_points_not_bars_and_says_so() {
        let data = Dataset::for_tests();
        let state = ViewState::from_hash("view=compare&scale=log");
        let (svg, marks) = match svg(&data, &state, (800, 420), &crate::theme::LIGHT, Estimate) {
            Ok(drawn) => drawn,
            Err(e) => panic!("{e}"),
        };
        // A marker per value, and the three series' shapes in the legend.
        assert_eq!(svg.matches("<polygon").count(), 15 + 3, "a point per value");
        assert!(marks.targets().iter().all(|t| t.mark.w == 8.0), "every mark is a point");
        assert!(marks.texts.iter().any(|t| t.text.contains("a bar's length means nothing")));
    }

    /// `series` series of `reports` reports in one group, with values from 10 to 99.
    fn long_dataset(series: usize, reports: usize) -> Dataset {
        let ids: Vec<String> = (1..=reports).map(|r| format!(r#"{{"id":"r{r}","label":"R{r}"}}"#)).collect();
        let values = |k: usize| (0..reports).map(|r| ((r * 7 + k * 13) % 90 + 10).to_string()).collect::<Vec<_>>();
        let indicators: Vec<String> = (0..series)
            .map(|k| format!(r#"{{"id":"s{k}","group":"g","label":"S{k}","values":[{}]}}"#, values(k).join(",")))
            .collect();
        let file = format!(
            r#"{{"schema":"migration-charts/1","title":"T","groups":[{{"id":"g","label":"G"}}],"reports":[{}],"indicators":[{}]}}"#,
            ids.join(","),
            indicators.join(",")
        );
        match crate::data::parse(&file) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        }
    }

    /// The data lines drawn in an SVG: polylines of more than ten points (grid lines have two).
    fn lines_in(svg: &str) -> usize {
        let points =
            |e: &str| e.split("points=\"").nth(1).and_then(|p| p.split('"').next()).map_or(0, |p| p.split(' ').count());
        svg.split("<polyline").skip(1).filter(|e| points(e) > 10).count()
    }

    /// The stroke widths of the data lines in an SVG (as `lines_in` counts them).
    fn line_widths(svg: &str) -> Vec<String> {
        let attribute =
            |e: &str, name: &str| e.split(name).nth(1).and_then(|p| p.split('"').next()).map(str::to_string);
        svg.split("<polyline")
            .skip(1)
            .filter(|e| attribute(e, "points=\"").map_or(0, |p| p.split(' ').count()) > 10)
            .filter_map(|e| attribute(e, "stroke-width=\""))
            .collect()
    }

    #[test]
    fn lines_through_more_reports_than_pixel_columns_are_one_pixel_wide() {
        let state = ViewState::from_hash("view=compare&mark=lines");
        let widths = |reports| match svg(&long_dataset(3, reports), &state, (800, 420), &crate::theme::LIGHT, Estimate)
        {
            Ok((svg, _)) => line_widths(&svg),
            Err(e) => panic!("{e}"),
        };
        assert_eq!(widths(3000), ["1", "1", "1"], "3,000 reports in about 700 pixel columns");
        assert_eq!(widths(300), ["2", "2", "2"], "a pixel column or more for each report");
    }

    #[test]
    fn bars_narrower_than_a_pixel_are_drawn_as_lines_and_say_so() {
        let data = long_dataset(3, 400);
        let state = ViewState::from_hash("view=compare&mark=bars");
        let drawn = |width| match svg(&data, &state, (width, 420), &crate::theme::LIGHT, Estimate) {
            Ok((svg, marks)) => (lines_in(&svg), marks),
            Err(e) => panic!("{e}"),
        };
        let (lines, marks) = drawn(800);
        assert_eq!(lines, 3, "a line per series: 1,200 bars would be under a pixel each");
        assert!(marks.texts.iter().any(|t| t.text.contains("too many reports for a bar each")));
        let (lines, marks) = drawn(1400);
        assert_eq!(lines, 0, "bars where each has a pixel");
        assert!(!marks.texts.iter().any(|t| t.text.contains("too many reports")));
    }

    #[test]
    fn report_labels_of_a_long_series_are_thinned_apart() {
        let data = long_dataset(2, 3000);
        for hash in ["view=compare&mark=lines", "view=overview"] {
            let marks = match svg(&data, &ViewState::from_hash(hash), (800, 900), &crate::theme::LIGHT, Estimate) {
                Ok((_, marks)) => marks,
                Err(e) => panic!("{e}"),
            };
            let reports: Vec<_> = marks.texts.iter().filter(|t| t.text.starts_with('R')).collect();
            assert!(reports.len() >= 4, "{hash}: some reports are labelled: {}", reports.len());
            for (i, a) in reports.iter().enumerate() {
                for b in reports.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "{hash}: {a:?} and {b:?} collide");
                }
            }
        }
    }

    #[test]
    fn the_last_report_labels_stay_whole_inside_the_drawing() {
        // Report counts whose last labelled report falls near the plot's right end, where a
        // centred label would reach past the drawing's edge or into the next panel.
        for reports in (300..1400).step_by(23) {
            let data = long_dataset(2, reports);
            for hash in ["view=compare&mark=lines", "view=compare&mark=bars", "view=overview"] {
                for width in [375, 800, 1100] {
                    let state = ViewState::from_hash(hash);
                    let marks = match svg(&data, &state, (width, 900), &crate::theme::LIGHT, Estimate) {
                        Ok((_, marks)) => marks,
                        Err(e) => panic!("{e}"),
                    };
                    // A report's label is "R" and its number (the next panel's first one too).
                    let labels: Vec<_> = marks.texts.iter().filter(|t| t.text.starts_with('R')).collect();
                    let at = format!("{hash}, {reports} reports at {width} px");
                    assert!(labels.len() >= 2, "{at}: {} report labels", labels.len());
                    for (i, a) in labels.iter().enumerate() {
                        assert!(a.x >= 0.0 && a.x + a.w <= marks.width, "{at}: {a:?} leaves the drawing");
                        for b in labels.iter().skip(i + 1) {
                            assert!(!a.overlaps(b), "{at}: {a:?} overlaps {b:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn an_overview_panel_with_more_reports_than_pixels_is_a_line() {
        let data = long_dataset(2, 600);
        let state = ViewState::from_hash("view=overview");
        let (svg, marks) = match svg(&data, &state, (800, 800), &crate::theme::LIGHT, Estimate) {
            Ok(drawn) => drawn,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(lines_in(&svg), 2, "a line per panel");
        assert!(svg.matches("<rect").count() < 100, "no bar per report");
        assert_eq!(marks.targets().len(), 1200, "a target per datum");
        each_point_can_be_pointed_at(&marks);
    }

    /// Pointing at each datum's point finds it, or another datum drawn at the very same pixel:
    /// in a pixel column of many reports, each of them can be pointed at.
    fn each_point_can_be_pointed_at(marks: &Marks) {
        for t in marks.targets().iter().filter(|t| t.shown.is_some()) {
            let found = crate::hit::hit(marks, t.anchor.0, t.anchor.1).and_then(|i| marks.targets().get(i));
            assert!(found.is_some_and(|f| f.anchor == t.anchor), "{t:?} found {found:?}");
        }
    }

    #[test]
    fn each_point_of_a_line_through_more_reports_than_pixels_can_be_pointed_at() {
        let state = ViewState::from_hash("view=compare&mark=lines");
        let marks = match svg(&long_dataset(3, 3000), &state, (800, 420), &crate::theme::LIGHT, Estimate) {
            Ok((_, marks)) => marks,
            Err(e) => panic!("{e}"),
        };
        assert!(marks.columns.iter().filter(|c| c.w == 0.0).count() > 1000, "most reports have no pixel of their own");
        each_point_can_be_pointed_at(&marks);
    }

    #[test]
    fn hiding_every_series_says_so_and_keeps_the_legend() {
        let marks = view("view=compare&hidden-series=stay-registration,residence-permits,citizenship", 800.0);
        assert!(marks.targets().is_empty());
        assert_eq!(marks.legend.len(), 3, "the legend stays, to show a series again");
        assert!(marks.texts.iter().any(|t| t.text.starts_with("Every series is hidden")), "{:?}", marks.texts);
    }

    #[test]
    fn breakdown_answers_over_the_whole_column_like_compare() {
        let marks = view("view=breakdown", 800.0);
        let first: Vec<_> = marks.targets().iter().filter(|t| t.report == 0).collect();
        let top = first.iter().map(|t| t.mark.y).fold(f64::INFINITY, f64::min);
        let column = marks.columns[first[0].report];
        // Above the stack, under the total: the top segment (lost permit cards), not nothing.
        let found = crate::hit::hit(&marks, column.x + column.w / 2.0, (column.y + top) / 2.0);
        assert_eq!(found.map(|i| marks.targets()[i].indicator), first.last().map(|t| t.indicator));
    }

    #[test]
    fn legend_entries_are_big_enough_to_tap() {
        let marks = view("view=compare", 375.0);
        assert!(marks.legend.iter().all(|e| e.hit.h >= 24.0 && e.hit.w >= 24.0), "{:?}", marks.legend);
    }

    #[test]
    fn dense_lines_are_marked_only_at_their_ends() {
        let data = Dataset::for_tests();
        let (sparse, _) = match svg(
            &data,
            &ViewState::from_hash("view=compare&mark=lines"),
            (800, 420),
            &crate::theme::LIGHT,
            Estimate,
        ) {
            Ok(drawn) => drawn,
            Err(e) => panic!("{e}"),
        };
        // Markers are polygons; the legend shows each of the three series' shapes once.
        assert_eq!(sparse.matches("<polygon").count(), 15 + 3, "a marker per value where reports are 150 px apart");
        let (dense, _) = match svg(
            &data,
            &ViewState::from_hash("view=compare&mark=lines"),
            (40, 420),
            &crate::theme::LIGHT,
            Estimate,
        ) {
            Ok(drawn) => drawn,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(
            dense.matches("<polygon").count(),
            3 + 3,
            "only the last point marked where reports are a few pixels apart"
        );
        assert!(dense.matches("<polyline").count() >= 3, "the lines are still drawn");
    }

    #[test]
    fn marks_come_from_plotters_mapping() {
        let data = Dataset::for_tests();
        let (svg, marks) =
            match svg(&data, &ViewState::from_hash("view=overview"), (960, 800), &crate::theme::LIGHT, Estimate) {
                Ok(drawn) => drawn,
                Err(e) => panic!("{e}"),
            };
        // Every bar that was drawn is a rect at exactly its target's mark.
        for t in marks.targets().iter().filter(|t| t.shown.is_some_and(|v| v > 0.0)) {
            let m = t.mark;
            let rect = format!(r#"<rect x="{}" y="{}" width="{}" height="{}""#, m.x, m.y, m.w, m.h);
            assert!(svg.contains(&rect), "no {rect} in the SVG");
        }
    }
}
