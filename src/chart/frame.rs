//! What Compare and Breakdown share: the legend on top, the value axis's title and notes above
//! the plot, then the chart with report labels and the axis caption below.

use super::axes::{self, Chart, Margins};
use super::legend::{self, Series};
use super::{gutter, label, report_axis, report_labels, width, wrap, DrawError, Pen, Size, MARGIN};
use crate::data::Dataset;
use crate::hit::Marks;
use crate::i18n::{word, Lang, Word};
use crate::scale::Axis;
use crate::theme::Paint;
use crate::view::{Mode, ViewState};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Each of `texts` wrapped to at most `lines` lines of `room` pixels in `font`.
pub(super) fn wrapped<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    texts: &[String],
    room: f64,
    lines: usize,
    font: &TextStyle,
) -> Vec<String> {
    texts.iter().flat_map(|t| wrap(t, room, lines, &|t| width(area, t, font))).collect()
}

/// `lines` one under another from `(x, y)`, `step` pixels apart.
pub(super) fn stacked<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[String],
    font: &TextStyle,
    (x, y): (i32, i32),
    step: i32,
) -> Result<(), DrawError> {
    for (n, line) in lines.iter().enumerate() {
        label(area, line, font, (x, y + n as i32 * step), (HPos::Left, VPos::Top))?;
    }
    Ok(())
}

/// The caption under a report axis: the dataset's, led by what the short labels stand for
/// ("R1–R5: …") where the axis shows them, since "R1" (in Russian "О1", read as "01") says
/// nothing by itself.
pub(super) fn axis_caption(data: &Dataset, lang: Lang, short_shown: bool) -> Option<String> {
    let caption = data.axis.as_ref()?.get(lang);
    let short = |r: Option<&crate::data::Report>| r.map(|r| r.short.get(lang).to_string());
    let (first, last) = (short(data.reports.first()), short(data.reports.last()));
    let abbreviated = short_shown && data.reports.iter().any(|r| r.short != r.label);
    Some(match (first, last) {
        (Some(a), Some(b)) if abbreviated && a != b => format!("{a}\u{2013}{b}: {caption}"),
        (Some(a), _) if abbreviated => format!("{a}: {caption}"),
        _ => caption.to_string(),
    })
}

/// What `indicators` count, as the value axis's caption: "Number (applications, cases)", each
/// unit once, in their order; just "Number" where one of them has no unit in the dataset,
/// since naming the others would say that it counts them too.
pub(super) fn counted(data: &Dataset, indicators: impl Iterator<Item = usize>, lang: Lang) -> String {
    let mut units: Vec<&str> = Vec::new();
    for i in indicators {
        match data.indicators.get(i).and_then(|x| x.unit.as_ref()) {
            Some(unit) if !units.contains(&unit.get(lang)) => units.push(unit.get(lang)),
            Some(_) => {}
            None => return crate::i18n::number_of(lang, None),
        }
    }
    crate::i18n::number_of(lang, (!units.is_empty()).then(|| units.join(", ")).as_deref())
}

/// What Compare's value axis shows in `state`'s mode, for `indicators`, and the note on its
/// scale: logarithmic, or linear where a log scale was asked for and cannot apply. The chart's
/// caption and the summary's first sentence, so both say the same.
pub fn value_caption(data: &Dataset, state: &ViewState, indicators: &[usize]) -> (String, Option<Word>) {
    let lang = state.lang;
    let what = match state.mode {
        Mode::Absolute => counted(data, indicators.iter().copied(), lang),
        Mode::Indexed => word(Word::Indexed, lang).to_string(),
        Mode::Change => word(Word::ChangePct, lang).to_string(),
    };
    let scale = if state.log_applies() {
        Some(Word::LogScale)
    } else if state.log_ignored() {
        Some(Word::LogIgnored)
    } else {
        None
    };
    (what, scale)
}

pub(super) fn frame<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    data: &Dataset,
    series: &[Series],
    pen: &Pen,
    axis: &Axis,
    title: &[String],
    marks: &mut Marks,
) -> Result<Chart<'a, DB>, DrawError> {
    let top = MARGIN + legend::draw(root, data, series, pen, marks)? + 6;
    let (w, h) = root.dim_in_pixel();
    let room = f64::from(w as i32 - 2 * MARGIN);
    let font = pen.font(Size::Tick, false, Paint::Muted);
    let line = pen.line(Size::Tick);
    let title = wrapped(root, title, room, 3, &font);
    stacked(root, &title, &font, (MARGIN, top), line)?;
    let left = MARGIN as u32 + gutter(root, pen, axis);
    let right = MARGIN as u32 + 4;
    let plot_width = f64::from(w) - f64::from(left + right);
    let full = report_labels(data, pen.lang, false);
    let short = report_labels(data, pen.lang, true);
    let (reports, labels) = report_axis(root, pen, (plot_width, f64::from(right)), &full, &short);
    let short_shown = labels.first().is_some_and(|l| Some(l) != full.first());
    let caption = axis_caption(data, pen.lang, short_shown).map(|c| vec![c]).unwrap_or_default();
    let caption = wrapped(root, &caption, room, 2, &font);
    // The report labels' row (with plotters' tick and its gap), then the caption's lines.
    let below = line + 8 + caption.len() as i32 * line;
    let title_h = title.len() as i32 * line + line / 2;
    let margins =
        Margins { top: (top + title_h) as u32, right, bottom: MARGIN as u32, gutter: left, below: below as u32 };
    let chart = axes::build(root, pen, (reports, &labels), axis, margins)?;
    marks.columns = axes::bands(&chart);
    let caption_top = h as i32 - MARGIN - caption.len() as i32 * line;
    stacked(root, &caption, &font, (MARGIN, caption_top), line)?;
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

/// `text`, wrapped to `area`'s width in up to three lines, in its middle.
pub(super) fn centred<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pen: &Pen,
    text: &str,
) -> Result<(), DrawError> {
    let (w, h) = area.dim_in_pixel();
    let font = pen.font(Size::Label, false, Paint::Muted);
    let line = pen.line(Size::Label);
    let lines = wrapped(area, &[text.to_string()], f64::from(w as i32 - 2 * MARGIN), 3, &font);
    let top = h as i32 / 2 - lines.len() as i32 * line / 2;
    for (n, text) in lines.iter().enumerate() {
        label(area, text, &font, (w as i32 / 2, top + n as i32 * line), (HPos::Center, VPos::Top))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{marks, text_size};
    use crate::data::Dataset;
    use crate::view::ViewState;

    fn texts(hash: &str, width: f64) -> Vec<crate::backend::TextBox> {
        marks(&Dataset::for_tests(), &ViewState::from_hash(hash), width, 420.0).texts
    }

    #[test]
    fn short_report_labels_are_explained_under_the_axis() {
        let phone = texts("view=compare&lang=ru", 375.0);
        let joined = phone.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
        assert!(phone.iter().any(|t| t.text == "О1"), "{joined}");
        assert!(joined.contains("О1–О5: Отчёты в порядке страницы-источника; месяцы не указаны"), "{joined}");
        // Full labels ("Report 1") need no key.
        let desktop = texts("view=compare", 1100.0);
        assert!(desktop.iter().any(|t| t.text == "Report 1"));
        assert!(desktop.iter().any(|t| t.text == "Reports in the source page's order; months not given"));
        assert!(!desktop.iter().any(|t| t.text.contains("R1")));
    }

    #[test]
    fn chart_text_grows_with_the_drawing() {
        assert_eq!([320.0, 375.0, 400.0, 800.0, 1200.0, 1280.0].map(text_size), [13.0, 13.0, 13.0, 14.0, 15.0, 15.0]);
        assert_eq!(text_size(f64::NAN), 13.0);
        let height = |width: f64| {
            let texts = texts("view=compare", width);
            texts.iter().find(|t| t.text == "0").map_or(0.0, |t| t.h)
        };
        assert!(height(1280.0) > height(375.0), "{} against {}", height(1280.0), height(375.0));
    }
}
#[cfg(test)]
mod whole {
    /// Captions, notes, headings and titles wrap rather than lose their ends, at a phone's
    /// width and a desktop's, in every language.
    #[test]
    fn no_chart_text_is_cut_at_375_or_1100_px() {
        let data = crate::data::Dataset::for_tests();
        let views = [
            "view=overview",
            "view=compare",
            "view=compare&scale=log",
            "view=compare&mode=change&scale=log",
            "view=compare&mode=indexed&mark=lines&scale=log",
            "view=breakdown",
            "view=breakdown&stack=percent",
        ];
        for hash in views {
            for lang in ["en", "az", "ru"] {
                for width in [375.0, 1100.0] {
                    let state = crate::view::ViewState::from_hash(&format!("{hash}&lang={lang}"));
                    let marks = super::super::marks(&data, &state, width, 420.0);
                    let cut: Vec<_> = marks.texts.iter().filter(|t| t.text.ends_with('…')).collect();
                    assert!(cut.is_empty(), "{hash}&lang={lang} at {width}: {cut:?}");
                }
            }
        }
    }
}
