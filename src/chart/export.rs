//! An exported chart: the view as the widget draws it, with its title and what it shows above
//! and its source and note below (`credit`), so that the picture still says what it is and
//! where its numbers come from once it has left the page. One drawing for the PNG (a canvas)
//! and the SVG.

use super::credit::{Credit, SEPARATOR};
use super::{label, wrap, DrawError, Pen, FONT_HEADING, FONT_LABEL, FONT_TICK, MARGIN};
use crate::backend::{self, Measured, TextMeasure};
use crate::data::Dataset;
use crate::hit::Marks;
use crate::theme::{Paint, Palette};
use crate::view::ViewState;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Room between the header and the chart, and between the chart and the footer.
const GAP: i32 = 6;

/// What a line of the header or footer is, which sets its font.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Title,
    Shown,
    Source,
    Note,
}

impl Role {
    fn size(self) -> f64 {
        match self {
            Role::Title => FONT_HEADING,
            Role::Shown => FONT_LABEL,
            Role::Source | Role::Note => FONT_TICK,
        }
    }

    fn bold(self) -> bool {
        self == Role::Title
    }

    fn paint(self) -> Paint {
        match self {
            Role::Title | Role::Source => Paint::Text,
            Role::Shown | Role::Note => Paint::Muted,
        }
    }

    /// From one line's top to the next one's.
    fn leading(self) -> i32 {
        (self.size() * 1.35).ceil() as i32
    }
}

/// One line of text, at `top` within its band.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    text: String,
    role: Role,
    top: i32,
}

/// Where everything of an export goes, worked out before drawing: the size of the drawing
/// depends on how many lines the words wrap to at its width.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The whole export, in CSS pixels.
    pub size: (u32, u32),
    header: Vec<Line>,
    footer: Vec<Line>,
    above: u32,
    chart: u32,
}

impl Layout {
    /// The export of `state` with a chart of `chart` CSS pixels (the widget's drawing), its
    /// words wrapped to the width as `measure` (whoever will draw them) measures them.
    pub fn new(data: &Dataset, state: &ViewState, chart: (u32, u32), measure: &dyn TextMeasure) -> Layout {
        let credit = Credit::new(data, state);
        let (width, height) = chart;
        let room = f64::from((width as i32 - 2 * MARGIN).max(1));
        let band = |parts: &[(&[String], Role)]| {
            let mut lines = Vec::new();
            let mut top = 0;
            for &(pieces, role) in parts {
                let measured = |t: &str| measure.width(t, role.size(), role.bold());
                for text in wrap_pieces(pieces, room, &measured) {
                    lines.push(Line { text, role, top });
                    top += role.leading();
                }
            }
            (lines, top)
        };
        let (title, shown) = ([credit.title], [credit.shown]);
        let (header, header_height) = band(&[(&title, Role::Title), (&shown, Role::Shown)]);
        let note: Vec<String> = credit.note.into_iter().collect();
        let (footer, footer_height) = band(&[(&credit.source, Role::Source), (&note, Role::Note)]);
        let above = (MARGIN + header_height + GAP) as u32;
        let below = (GAP + footer_height + MARGIN) as u32;
        Layout { size: (width.max(1), above + height + below), header, footer, above, chart: height }
    }
}

/// `pieces` as lines at most `room` pixels wide, every word kept (none cut): each piece
/// wrapped, and put after the line before it, with `SEPARATOR`, where it fits there whole.
fn wrap_pieces(pieces: &[String], room: f64, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        let joined = lines.last().map(|last| format!("{last}{SEPARATOR}{piece}"));
        match (joined, lines.last_mut()) {
            (Some(joined), Some(last)) if width(&joined) <= room => *last = joined,
            _ => lines.extend(wrap(piece, room, usize::MAX, width)),
        }
    }
    lines
}

/// The export laid out by `layout` on `backend`: header, the chart as the widget draws it
/// (`chart::draw`), footer. Returns the marks, with every text box drawn.
pub fn draw_on<DB: DrawingBackend, M: TextMeasure>(
    backend: Measured<DB, M>,
    layout: &Layout,
    data: &Dataset,
    state: &ViewState,
    palette: &Palette,
) -> Result<Marks, DrawError> {
    let texts = backend.texts();
    let root = backend.into_drawing_area();
    let pen = Pen { palette, lang: state.lang };
    root.fill(&pen.colour(Paint::Background))?;
    let (header, rest) = root.split_vertically(layout.above);
    let (chart, footer) = rest.split_vertically(layout.chart);
    // Words first: drawing the chart ends the document (plotters-svg closes it on present).
    lines(&header, &pen, &layout.header, MARGIN)?;
    lines(&footer, &pen, &layout.footer, GAP)?;
    let mut marks = super::draw(&chart, data, state, palette)?;
    marks.texts = texts.take();
    (marks.width, marks.height) = (f64::from(layout.size.0), f64::from(layout.size.1));
    Ok(marks)
}

fn lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pen: &Pen,
    lines: &[Line],
    top: i32,
) -> Result<(), DrawError> {
    for line in lines {
        let font = pen.font(line.role.size(), line.role.bold(), line.role.paint());
        label(area, &line.text, &font, (MARGIN, top + line.top), (HPos::Left, VPos::Top))?;
    }
    Ok(())
}

/// The export of the view as an SVG document, its chart `width` CSS pixels wide and as tall
/// as the widget draws it at `height`, with its marks.
pub fn svg<M: TextMeasure>(
    data: &Dataset,
    state: &ViewState,
    (width, height): (f64, f64),
    palette: &Palette,
    measure: M,
) -> Result<(String, Marks), DrawError> {
    let height = super::preferred_height(data, state, width).unwrap_or(height);
    let layout = Layout::new(data, state, super::pixels(width, height), &measure);
    let mut out = String::new();
    let marks = draw_on(backend::svg(&mut out, layout.size, measure), &layout, data, state, palette)?;
    Ok((out, marks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::Estimate;

    fn export(hash: &str, width: f64) -> (String, Marks) {
        let state = ViewState::from_hash(hash);
        match svg(&Dataset::for_tests(), &state, (width, 420.0), &crate::theme::LIGHT, Estimate) {
            Ok(drawn) => drawn,
            Err(e) => panic!("{e}"),
        }
    }

    /// The text lines of an SVG, as the reader would read them.
    fn words(svg: &str) -> String {
        let texts = svg.split("<text").skip(1).filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0));
        texts.map(|t| t.replace("&amp;", "&").replace("&apos;", "'")).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_export_says_title_what_is_shown_and_source_in_its_language() {
        let expected = [
            (
                "en",
                "Migration statistics of the Republic of",
                "Source: State Migration Service",
                "last updated 06.07.2022",
            ),
            (
                "az",
                "Azərbaycan Respublikasının miqrasiya",
                "Mənbə: Azərbaycan Respublikasının",
                "son yenilənmə 06.07.2022",
            ),
            ("ru", "Миграционная статистика", "Источник: Государственная миграционная", "обновлено 06.07.2022"),
        ];
        for (lang, title, source, updated) in expected {
            for view in ["view=overview", "view=compare&mode=indexed&scale=log", "view=breakdown&stack=percent"] {
                let hash = format!("{view}&lang={lang}");
                let shown = super::super::credit::shown(&ViewState::from_hash(&hash));
                for width in [375.0, 1100.0] {
                    let (svg, marks) = export(&hash, width);
                    let text = words(&svg);
                    // At 375 px the long lines wrap: each wrapped piece is drawn whole.
                    let joined: String = marks.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
                    for part in [title, source, updated, shown.as_str()] {
                        assert!(joined.contains(part), "{hash} at {width}: no '{part}' in {joined}");
                        let first_word = part.split(' ').next().unwrap_or_default();
                        assert!(text.contains(first_word), "{hash} at {width}: the SVG lacks '{first_word}'");
                    }
                    assert!(svg.trim_end().ends_with("</svg>"));
                }
            }
        }
    }

    #[test]
    fn no_text_of_an_export_leaves_it_or_is_cut() {
        for lang in ["en", "az", "ru"] {
            for view in ["view=overview", "view=compare&mode=change", "view=breakdown", "view=compare&scale=log"] {
                for width in [375.0, 1100.0] {
                    let hash = format!("{view}&lang={lang}");
                    let (_, marks) = export(&hash, width);
                    for t in marks.texts.iter().filter(|t| !t.text.trim().is_empty()) {
                        assert!(t.x >= 0.0 && t.x + t.w <= marks.width, "{hash} at {width}: {t:?} leaves the export");
                        assert!(t.y >= 0.0 && t.y + t.h <= marks.height, "{hash} at {width}: {t:?} falls off");
                    }
                    let credit = Credit::new(&Dataset::for_tests(), &ViewState::from_hash(&hash));
                    let note: Vec<&str> = credit.note.iter().flat_map(|n| n.split_whitespace()).collect();
                    let drawn: Vec<&str> = marks.texts.iter().flat_map(|t| t.text.split_whitespace()).collect();
                    assert!(
                        drawn.windows(note.len()).any(|w| w == note.as_slice()),
                        "{hash} at {width}: the note, whole"
                    );
                }
            }
        }
    }

    #[test]
    fn the_header_and_footer_add_to_the_chart_and_do_not_overlap_it() {
        let data = Dataset::for_tests();
        let state = ViewState::from_hash("view=compare");
        let chart = super::super::marks(&data, &state, 375.0, 420.0);
        let (_, marks) = export("view=compare", 375.0);
        let layout = Layout::new(&data, &state, (375, 420), &Estimate);
        assert_eq!(marks.height, f64::from(layout.size.1));
        assert!(marks.height > chart.height + 80.0, "{} against {}", marks.height, chart.height);
        let above = f64::from(layout.above);
        let below = above + chart.height;
        // The chart's own words are where the widget draws them, moved down by the header.
        for (on_screen, exported) in
            chart.texts.iter().zip(marks.texts.iter().skip(layout.header.len() + layout.footer.len()))
        {
            assert_eq!((&on_screen.text, on_screen.x, on_screen.y + above), (&exported.text, exported.x, exported.y));
        }
        let words = marks.texts.iter().take(layout.header.len() + layout.footer.len());
        assert!(words.clone().all(|t| t.y + t.h <= above || t.y >= below), "{:?}", marks.texts);
        assert!(layout.header.len() >= 3 && layout.footer.len() >= 4, "wrapped at 375 px: {layout:?}");
    }

    #[test]
    fn the_date_follows_the_source_where_it_fits_and_no_line_starts_with_the_separator() {
        let at12 = |t: &str| Estimate.width(t, 12.0, false);
        let pieces = ["Source: State Migration Service of the Republic of Azerbaijan", "last updated 06.07.2022"];
        let pieces = pieces.map(String::from);
        let wide = wrap_pieces(&pieces, 1000.0, &at12);
        assert_eq!(wide, [pieces.join(SEPARATOR)]);
        for room in [150.0, 250.0, 359.0] {
            let lines = wrap_pieces(&pieces, room, &at12);
            assert!(lines.len() > 1, "{lines:?}");
            assert!(lines.iter().all(|l| at12(l) <= room && !l.starts_with('·')), "at {room}: {lines:?}");
            assert_eq!(lines.join(" ").replace(SEPARATOR, " "), pieces.join(" "), "every word kept, in order");
        }
    }

    #[test]
    fn another_dataset_carries_its_own_title_and_source() {
        let json = include_str!("../../data/examples/february-2017.json");
        let data = match crate::data::parse(json) {
            Ok(d) => d,
            Err(e) => panic!("{e:?}"),
        };
        let state = ViewState::from_hash("view=compare&lang=az");
        let (svg, marks) = match svg(&data, &state, (800.0, 420.0), &crate::theme::LIGHT, Estimate) {
            Ok(drawn) => drawn,
            Err(e) => panic!("{e}"),
        };
        let credit = Credit::new(&data, &state);
        let texts: Vec<&str> = marks.texts.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&credit.title.as_str()), "{texts:?}");
        assert_eq!(credit.source.len(), 1, "no date: {:?}", credit.source);
        assert!(credit.source.iter().all(|s| s.starts_with("Mənbə:")));
        assert!(svg.contains("Mənbə:"));
        assert_ne!(credit.title, Credit::new(&Dataset::for_tests(), &state).title);
    }
}
