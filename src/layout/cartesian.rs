//! Compare (chosen indicators on one value axis, as bars or lines) and Breakdown (a total's
//! parts stacked per report). Both are a legend, a value axis and a row of report bands.

use super::plot::{gutter, report_labels, Plot};
use super::{
    fit, push_frame, push_rect, push_text, text_width, HAlign, Item, LegendEntry, Rect, Scene, Target, VAlign,
    FONT_LABEL, FONT_TICK,
};
use crate::data::Dataset;
use crate::i18n::{format_count, word, Lang, Word};
use crate::measure;
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::{Mark, Mode, Scale, Stack, ViewState};

const MARGIN: f64 = 8.0;
const LEGEND_ROW: f64 = 22.0;
const SWATCH: f64 = 12.0;

/// A series on the chart: which indicator, its colour slot, and whether the legend hid it.
struct Series {
    indicator: usize,
    colour: usize,
    hidden: bool,
}

/// `indicators` as series, coloured in order: Compare's chosen ones, Breakdown's parts.
fn series(data: &Dataset, state: &ViewState, indicators: &[usize]) -> Vec<Series> {
    let mut series = Vec::with_capacity(indicators.len());
    for (colour, &indicator) in indicators.iter().enumerate() {
        series.push(Series { indicator, colour, hidden: state.is_hidden(data, indicator) });
    }
    series
}

/// Legend entries flowed into rows; returns the height used.
fn legend(data: &Dataset, series: &[Series], lang: Lang, width: f64, scene: &mut Scene) -> f64 {
    let (mut x, mut y) = (MARGIN, MARGIN);
    let max_label = (width - 2.0 * MARGIN - SWATCH - 6.0).max(20.0);
    for s in series {
        let Some(ind) = data.indicators.get(s.indicator) else { continue };
        let label = fit(ind.short.get(lang), FONT_LABEL, max_label.min(260.0));
        let w = SWATCH + 6.0 + text_width(&label, FONT_LABEL) + 16.0;
        if x > MARGIN && x + w > width - MARGIN {
            x = MARGIN;
            y += LEGEND_ROW;
        }
        let swatch = Rect::new(x, y + 4.0, SWATCH, SWATCH);
        let (paint, text_paint) =
            if s.hidden { (Paint::Grid, Paint::Muted) } else { (Paint::Series(s.colour), Paint::Text) };
        push_rect(&mut scene.items, swatch, paint);
        if s.hidden {
            push_frame(&mut scene.items, swatch, Paint::Series(s.colour), 1.5);
        }
        push_text(
            &mut scene.items,
            (x + SWATCH + 6.0, y + 10.0),
            label,
            FONT_LABEL,
            false,
            text_paint,
            (HAlign::Left, VAlign::Middle),
        );
        scene.legend.push(LegendEntry { indicator: s.indicator, hit: Rect::new(x, y, w - 8.0, LEGEND_ROW) });
        x += w;
    }
    y + LEGEND_ROW - MARGIN
}

/// The legend, then the value axis with its title above, report labels below and the axis
/// caption.
fn frame(data: &Dataset, series: &[Series], lang: Lang, axis: Axis, title: &str, scene: &mut Scene) -> Plot {
    let top = MARGIN + legend(data, series, lang, scene.width, scene) + 6.0;
    let left = MARGIN + gutter(&axis, lang);
    push_text(
        &mut scene.items,
        (MARGIN, top),
        fit(title, FONT_TICK, scene.width - 2.0 * MARGIN),
        FONT_TICK,
        false,
        Paint::Muted,
        (HAlign::Left, VAlign::Top),
    );
    let plot_top = top + 22.0;
    let bottom = scene.height - MARGIN - 40.0;
    let area = Rect::new(left, plot_top, scene.width - left - MARGIN - 4.0, bottom - plot_top);
    let plot = Plot { area, axis, bands: data.reports.len() };
    plot.grid(&mut scene.items, lang);
    plot.x_labels(&mut scene.items, &report_labels(data, lang, false), &report_labels(data, lang, true));
    if let Some(axis) = &data.axis {
        push_text(
            &mut scene.items,
            (area.x + area.w / 2.0, scene.height - MARGIN),
            fit(axis.get(lang), FONT_TICK, scene.width - 2.0 * MARGIN),
            FONT_TICK,
            false,
            Paint::Muted,
            (HAlign::Center, VAlign::Bottom),
        );
    }
    plot
}

/// A line of text in the middle of the chart, for states with nothing to draw.
fn message(scene: &mut Scene, text: &str) {
    push_text(
        &mut scene.items,
        (scene.width / 2.0, scene.height / 2.0),
        fit(text, FONT_LABEL, scene.width - 2.0 * MARGIN),
        FONT_LABEL,
        false,
        Paint::Muted,
        (HAlign::Center, VAlign::Middle),
    );
}

/// A shown series of Compare with its values in the chosen mode.
type Shown<'a> = (&'a Series, Vec<Option<f64>>);

/// The lowest and highest of the series' values (only the positive ones for a log axis).
fn extent(shown: &[Shown], positive_only: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (_, series) in shown {
        for &v in series.iter().flatten() {
            if !positive_only || v > 0.0 {
                (lo, hi) = (lo.min(v), hi.max(v));
            }
        }
    }
    (lo, hi)
}

pub(super) fn compare(data: &Dataset, state: &ViewState, width: f64, height: f64) -> Scene {
    let lang = state.lang;
    let mut scene = Scene { width, height, crosshair: true, ..Scene::default() };
    let series = series(data, state, &state.compare_indices(data));
    if series.is_empty() {
        message(&mut scene, word(Word::NothingSelected, lang));
        return scene;
    }
    let mut shown: Vec<Shown> = Vec::new();
    for s in series.iter().filter(|s| !s.hidden) {
        shown.push((s, measure::shown(data, s.indicator, state.mode)));
    }
    // % change can be negative, which a log axis cannot show: it stays linear there.
    let log = state.scale == Scale::Log && state.mode != Mode::Change;
    let (lo, hi) = extent(&shown, log);
    let axis = if log { Axis::log(lo, hi) } else { Axis::linear(lo, hi, 5) };
    let title = match state.mode {
        Mode::Absolute => word(Word::Value, lang),
        Mode::Indexed => word(Word::Indexed, lang),
        Mode::Change => word(Word::ChangePct, lang),
    };
    // Equal steps up the axis are equal ratios, not equal amounts: say so where it is true.
    let mut title = title.to_string();
    if log {
        title.push_str(" · ");
        title.push_str(word(Word::LogScale, lang));
    }
    let plot = frame(data, &series, lang, axis, &title, &mut scene);
    if state.mode == Mode::Indexed {
        if let Some(y) = plot.y(100.0) {
            push_rect(&mut scene.items, Rect::new(plot.area.x, y.round(), plot.area.w, 1.0), Paint::Axis);
        }
    }
    match state.mark {
        Mark::Bars => grouped_bars(&plot, &shown, &mut scene),
        Mark::Lines => lines(&plot, &shown, &mut scene),
    }
    scene
}

fn grouped_bars(plot: &Plot, series: &[Shown], scene: &mut Scene) {
    let k = series.len().max(1) as f64;
    // Series by series, so that the canvas changes fill colour once per series, not per bar.
    for (n, (s, vals)) in series.iter().enumerate() {
        for r in 0..plot.bands {
            let band = plot.band(r);
            let inner = band.w * 0.8;
            let sub = inner / k;
            let x = band.x + (band.w - inner) / 2.0 + sub * n as f64;
            let v = vals.get(r).copied().flatten();
            let bar = v.and_then(|v| plot.bar(v, x + 1.0, sub - 2.0));
            if let Some(rect) = bar {
                push_bar(&mut scene.items, rect, Paint::Series(s.colour));
            }
            let base = plot.y(plot.axis.baseline()).unwrap_or(plot.area.bottom());
            let mark = bar.unwrap_or(Rect::new(x + 1.0, base - 1.0, sub - 2.0, 1.0));
            let top = if v.is_some_and(|v| v < 0.0) { mark.bottom() } else { mark.y };
            scene.targets.push(Target {
                indicator: s.indicator,
                report: r,
                shown: v,
                hit: Rect::new(x, band.y, sub, band.h),
                mark,
                anchor: (mark.x + mark.w / 2.0, top),
                column: band,
            });
        }
    }
}

/// Adds a bar, merged into the previous one when both have the same colour and pixel columns
/// and touch vertically: with thousands of reports, neighbouring bars of a series share a pixel
/// column, and one rectangle draws exactly what two would.
fn push_bar(items: &mut Vec<Item>, rect: Rect, paint: Paint) {
    if let Some(Item::Rect { rect: last, paint: p }) = items.last_mut() {
        let touching = rect.y <= last.bottom() && last.y <= rect.bottom();
        if *p == paint && last.x == rect.x && last.w == rect.w && touching {
            let (top, bottom) = (last.y.min(rect.y), last.bottom().max(rect.bottom()));
            *last = Rect::new(last.x, top, last.w, bottom - top);
            return;
        }
    }
    push_rect(items, rect, paint);
}

fn lines(plot: &Plot, series: &[Shown], scene: &mut Scene) {
    for (s, vals) in series {
        // A gap in the data breaks the line rather than bridging it: each run of points
        // between gaps (and the ends) is one polyline.
        let mut points: Vec<Option<(f64, f64)>> = Vec::with_capacity(plot.bands);
        let mut run = Vec::new();
        for r in 0..plot.bands {
            let b = plot.band(r);
            let y = vals.get(r).copied().flatten().and_then(|v| plot.y(v));
            let p = y.map(|y| (b.x + b.w / 2.0, y));
            match p {
                Some(at) => run.push(at),
                None => end_run(&mut scene.items, &mut run, s.colour),
            }
            points.push(p);
        }
        end_run(&mut scene.items, &mut run, s.colour);
        for (r, p) in points.iter().enumerate() {
            let band = plot.band(r);
            if let Some(at) = p {
                scene.items.push(Item::Dot { at: *at, r: 3.5, paint: Paint::Series(s.colour) });
            }
            let at = p.unwrap_or((band.x + band.w / 2.0, plot.area.bottom()));
            scene.targets.push(Target {
                indicator: s.indicator,
                report: r,
                shown: vals.get(r).copied().flatten(),
                hit: band,
                mark: Rect::new(at.0 - 4.0, at.1 - 4.0, 8.0, 8.0),
                anchor: at,
                column: band,
            });
        }
    }
}

/// Ends a run of a line's points: a polyline where it has two points or more.
fn end_run(items: &mut Vec<Item>, run: &mut Vec<(f64, f64)>, colour: usize) {
    if run.len() > 1 {
        items.push(Item::Polyline { points: std::mem::take(run), paint: Paint::Series(colour), width: 2.0 });
    }
    run.clear();
}

pub(super) fn breakdown(data: &Dataset, state: &ViewState, width: f64, height: f64) -> Scene {
    let lang = state.lang;
    let mut scene = Scene { width, height, crosshair: true, ..Scene::default() };
    let Some(relation) = data.relations.first() else {
        message(&mut scene, word(Word::NoRelation, lang));
        return scene;
    };
    let series = series(data, state, &relation.parts);
    let percent = state.stack == Stack::Percent;
    let mut totals = Vec::with_capacity(data.reports.len());
    for r in 0..data.reports.len() {
        totals.push(data.value(relation.total, r));
    }
    let shown = |indicator: usize, r: usize| {
        let v = data.value(indicator, r);
        if percent {
            measure::share(v, totals.get(r).copied().flatten())
        } else {
            v
        }
    };
    // The highest stack, in plain loops rather than a map/filter/sum/fold chain.
    let mut hi: f64 = 0.0;
    for r in 0..data.reports.len() {
        let mut top = 0.0;
        for s in series.iter().filter(|s| !s.hidden) {
            top += shown(s.indicator, r).unwrap_or(0.0);
        }
        hi = hi.max(top);
    }
    let axis = Axis::linear(0.0, if percent { 100.0 } else { hi }, 5);
    let total_label = data.indicators.get(relation.total).map_or("", |i| i.short.get(lang));
    let mut title = String::new();
    if percent {
        title.push_str("% · ");
    }
    title.push_str(total_label);
    let plot = frame(data, &series, lang, axis, &title, &mut scene);
    for r in 0..plot.bands {
        let band = plot.band(r);
        let w = (band.w * 0.6).min(72.0);
        let x = band.x + (band.w - w) / 2.0;
        let mut base = 0.0;
        for s in series.iter().filter(|s| !s.hidden) {
            let v = shown(s.indicator, r);
            let seg = v.and_then(|v| plot.span(base, base + v, x, w));
            if let Some(rect) = seg {
                push_rect(&mut scene.items, rect, Paint::Series(s.colour));
                // A hairline in the background colour keeps neighbouring segments apart for
                // readers who cannot tell the two colours apart.
                // (Not on segments so thin that the hairline would hide them: 13 of 2,792.)
                if base > 0.0 && rect.h >= 3.0 {
                    let hairline = Rect::new(rect.x, rect.bottom() - 1.0, rect.w, 1.0);
                    push_rect(&mut scene.items, hairline, Paint::Background);
                }
            }
            let mark = seg.unwrap_or(Rect::new(x, plot.y(base).unwrap_or(band.bottom()), w, 0.0));
            scene.targets.push(Target {
                indicator: s.indicator,
                report: r,
                shown: v,
                // Thin segments (13 of 2,792) still get a pointer area of at least 8 px.
                hit: Rect::new(band.x, mark.y.min(mark.bottom() - 8.0), band.w, mark.h.max(8.0)),
                mark,
                anchor: (mark.x + mark.w / 2.0, mark.y),
                column: band,
            });
            base += v.unwrap_or(0.0);
        }
        if let (false, Some(y)) = (percent, plot.y(base)) {
            push_text(
                &mut scene.items,
                (band.x + band.w / 2.0, y - 4.0),
                format_count(base, lang),
                FONT_TICK,
                true,
                Paint::Text,
                (HAlign::Center, VAlign::Bottom),
            );
        }
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::hit;

    #[test]
    fn compare_bars_one_target_per_series_and_report() {
        let d = Dataset::for_tests();
        let mut s = ViewState::default();
        s.set("view", "compare");
        let scene = compare(&d, &s, 800.0, 420.0);
        assert_eq!(scene.targets.len(), 15);
        assert_eq!(scene.legend.len(), 3);
        let t = &scene.targets[0];
        assert_eq!((t.indicator, t.report, t.shown), (0, 0, Some(96732.0)));
        assert_eq!(hit(&scene, t.anchor.0, t.anchor.1 + 5.0), Some(0));
        let l = &scene.legend[1];
        assert_eq!(l.indicator, 1);
        assert!(l.hit.w > 20.0 && l.hit.h > 12.0, "a legend entry big enough to point at: {:?}", l.hit);
    }

    #[test]
    fn bars_sharing_a_pixel_column_merge_into_one() {
        let mut items = Vec::new();
        push_bar(&mut items, Rect::new(10.0, 50.0, 1.0, 50.0), Paint::Series(0));
        push_bar(&mut items, Rect::new(10.0, 20.0, 1.0, 80.0), Paint::Series(0));
        push_bar(&mut items, Rect::new(11.0, 20.0, 1.0, 80.0), Paint::Series(0));
        push_bar(&mut items, Rect::new(11.0, 20.0, 1.0, 80.0), Paint::Series(1));
        assert_eq!(
            items,
            vec![
                Item::Rect { rect: Rect::new(10.0, 20.0, 1.0, 80.0), paint: Paint::Series(0) },
                Item::Rect { rect: Rect::new(11.0, 20.0, 1.0, 80.0), paint: Paint::Series(0) },
                Item::Rect { rect: Rect::new(11.0, 20.0, 1.0, 80.0), paint: Paint::Series(1) },
            ]
        );
    }

    #[test]
    fn indexed_mode_starts_every_series_at_100() {
        let d = Dataset::for_tests();
        let mut s = ViewState::default();
        s.set("view", "compare");
        s.set("mode", "indexed");
        let scene = compare(&d, &s, 800.0, 420.0);
        let firsts: Vec<Option<f64>> = scene.targets.iter().filter(|t| t.report == 0).map(|t| t.shown).collect();
        assert_eq!(firsts, vec![Some(100.0); 3]);
    }

    #[test]
    fn hidden_series_leave_the_axis_and_the_targets() {
        let d = Dataset::for_tests();
        let mut s = ViewState::default();
        s.set("view", "compare");
        s.set("hidden", "stay-registration");
        let scene = compare(&d, &s, 800.0, 420.0);
        assert_eq!(scene.targets.len(), 10);
        assert!(scene.targets.iter().all(|t| t.indicator != 0));
    }

    #[test]
    fn breakdown_stacks_the_parts_to_the_total() {
        let d = Dataset::for_tests();
        let mut s = ViewState::default();
        s.set("view", "breakdown");
        let scene = breakdown(&d, &s, 800.0, 420.0);
        assert_eq!(scene.targets.len(), 20);
        // The stack for report 1 reaches exactly the total's height.
        let first: Vec<&Target> = scene.targets.iter().filter(|t| t.report == 0).collect();
        let top = first.iter().map(|t| t.mark.y).fold(f64::INFINITY, f64::min);
        let bottom = first.iter().map(|t| t.mark.bottom()).fold(0.0, f64::max);
        let sum: f64 = first.iter().filter_map(|t| t.shown).sum();
        assert_eq!(sum, 2792.0);
        assert!(bottom - top > 0.0);
    }
}
