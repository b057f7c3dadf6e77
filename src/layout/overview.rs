//! Overview: small multiples, one panel per indicator with its own scale, grouped by group.
//! Magnitudes differ thousands of times, so a shared axis would flatten most indicators.

use super::plot::{gutter, report_labels, Plot};
use super::{push_rect, push_text, wrap, HAlign, Rect, Scene, Target, VAlign, FONT_HEADING, FONT_TICK, FONT_TITLE};
use crate::data::Dataset;
use crate::measure;
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::{members, ViewState};

const MARGIN: f64 = 8.0;
const GAP: f64 = 20.0;
const PANEL_H: f64 = 170.0;
const HEADING_H: f64 = 30.0;
const TITLE_LINE: f64 = 16.0;
const MIN_PANEL_W: f64 = 220.0;
const FOOTER_H: f64 = 26.0;

fn columns(width: f64) -> usize {
    (((width - 2.0 * MARGIN + GAP) / (MIN_PANEL_W + GAP)).floor() as usize).clamp(1, 4)
}

/// Indicators of each group, in dataset order; groups without indicators are left out.
fn grouped(data: &Dataset) -> Vec<(usize, Vec<usize>)> {
    let mut groups = Vec::new();
    for g in 0..data.groups.len() {
        let members = members(data, g);
        if !members.is_empty() {
            groups.push((g, members));
        }
    }
    groups
}

pub(super) fn height(data: &Dataset, width: f64) -> f64 {
    let cols = columns(width);
    let groups = grouped(data);
    let mut rows = 0;
    for (_, members) in &groups {
        rows += members.len().div_ceil(cols);
    }
    MARGIN + groups.len() as f64 * HEADING_H + rows as f64 * (PANEL_H + GAP) + FOOTER_H
}

pub(super) fn build(data: &Dataset, state: &ViewState, width: f64) -> Scene {
    let lang = state.lang;
    let cols = columns(width);
    let panel_w = ((width - 2.0 * MARGIN - GAP * (cols as f64 - 1.0)) / cols as f64).max(0.0);
    // The height is where the panels end, set below: the sum `height` makes, without
    // grouping the indicators a second time.
    let mut scene = Scene { width, ..Scene::default() };
    let mut y = MARGIN;
    for (g, members) in grouped(data) {
        let label = data.groups.get(g).map_or("", |x| x.label.get(lang));
        push_text(
            &mut scene.items,
            (MARGIN, y + 4.0),
            super::fit(label, FONT_HEADING, width - 2.0 * MARGIN),
            FONT_HEADING,
            true,
            Paint::Text,
            (HAlign::Left, VAlign::Top),
        );
        y += HEADING_H;
        for (n, &indicator) in members.iter().enumerate() {
            let (row, col) = (n / cols, n % cols);
            let frame =
                Rect::new(MARGIN + col as f64 * (panel_w + GAP), y + row as f64 * (PANEL_H + GAP), panel_w, PANEL_H);
            panel(data, state, indicator, g, frame, &mut scene);
        }
        y += members.len().div_ceil(cols) as f64 * (PANEL_H + GAP);
    }
    scene.height = y + FOOTER_H;
    if let Some(axis) = &data.axis {
        push_text(
            &mut scene.items,
            (MARGIN, y + 2.0),
            super::fit(axis.get(lang), FONT_TICK, width - 2.0 * MARGIN),
            FONT_TICK,
            false,
            Paint::Muted,
            (HAlign::Left, VAlign::Top),
        );
    }
    scene
}

fn panel(data: &Dataset, state: &ViewState, indicator: usize, group: usize, frame: Rect, scene: &mut Scene) {
    let lang = state.lang;
    let Some(ind) = data.indicators.get(indicator) else { return };
    // The full name when it fits in two lines, else the short one: a cut name hides which
    // indicator this is (the tooltip and the table always carry the full name).
    let full = wrap(ind.label.get(lang), FONT_TITLE, frame.w, 2);
    // "…" as a string, not a char: a char pattern brings in a searcher of its own.
    let cut = full.last().is_some_and(|l| l.ends_with("…"));
    let title = if cut { wrap(ind.short.get(lang), FONT_TITLE, frame.w, 2) } else { full };
    for (i, line) in title.iter().enumerate() {
        push_text(
            &mut scene.items,
            (frame.x, frame.y + i as f64 * TITLE_LINE),
            line.clone(),
            FONT_TITLE,
            true,
            Paint::Text,
            (HAlign::Left, VAlign::Top),
        );
    }
    let axis = Axis::linear(0.0, measure::peak(&ind.values), 3);
    let left = gutter(&axis, lang);
    let top = frame.y + 2.0 * TITLE_LINE + 12.0;
    let area = Rect::new(frame.x + left, top, frame.w - left - 4.0, frame.bottom() - 18.0 - top);
    let plot = Plot { area, axis, bands: data.reports.len() };
    plot.grid(&mut scene.items, lang);
    let short = report_labels(data, lang, true);
    plot.x_labels(&mut scene.items, &short, &short);
    for (r, value) in ind.values.iter().enumerate() {
        let band = plot.band(r);
        let w = (band.w * 0.62).min(48.0);
        let x = band.x + (band.w - w) / 2.0;
        let bar = value.and_then(|v| plot.bar(v, x, w));
        if let Some(rect) = bar {
            push_rect(&mut scene.items, rect, Paint::Series(group));
        }
        let mark = bar.unwrap_or(Rect::new(x, area.bottom() - 1.0, w, 1.0));
        scene.targets.push(Target {
            indicator,
            report: r,
            shown: *value,
            hit: band,
            mark,
            anchor: (mark.x + mark.w / 2.0, mark.y),
            column: band,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{hit, Item};

    #[test]
    fn long_names_fall_back_to_the_short_name_rather_than_being_cut() {
        let data = crate::data::Dataset::for_tests();
        let scene = build(&data, &ViewState::from_hash("lang=az"), 960.0);
        let titles: Vec<&str> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, bold: true, size, .. } if *size == FONT_TITLE => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(titles.iter().all(|t| !t.ends_with('…')), "{titles:?}");
        assert!(titles.contains(&"Yaşamaq icazəsi müraciətləri"), "{titles:?}");
    }

    #[test]
    fn columns_follow_width() {
        assert_eq!(columns(375.0), 1);
        assert_eq!(columns(700.0), 2);
        assert_eq!(columns(960.0), 4);
        assert_eq!(columns(5000.0), 4);
    }

    #[test]
    fn every_value_has_a_target_and_the_first_bar_is_hit() {
        let data = crate::data::Dataset::for_tests();
        let scene = build(&data, &ViewState::default(), 960.0);
        assert_eq!(scene.targets.len(), 40);
        for width in [320.0, 700.0, 960.0] {
            assert_eq!(build(&data, &ViewState::default(), width).height, height(&data, width));
        }
        let first = &scene.targets[0];
        assert_eq!((first.indicator, first.report, first.shown), (0, 0, Some(96732.0)));
        let (x, y) = (first.mark.x + first.mark.w / 2.0, first.mark.y + first.mark.h / 2.0);
        assert_eq!(hit(&scene, x, y), Some(0));
        assert!(scene.targets.iter().all(|t| t.mark.bottom() <= scene.height && t.mark.right() <= 960.0));
    }
}
