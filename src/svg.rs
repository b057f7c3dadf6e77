//! The SVG surface: what the canvas shows, as a standalone SVG document (the export and the
//! snapshot tests).

use crate::decimal::{push_hex, short};
use crate::surface::{Font, Surface};
use crate::text::escape;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord};

pub struct Svg {
    out: String,
}

impl Svg {
    /// An SVG document of `width` × `height` CSS pixels, open for drawing.
    pub fn new(width: u32, height: u32) -> Svg {
        let mut svg = Svg { out: String::new() };
        svg.out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg""#);
        svg.attr(" width", width as f64);
        svg.attr(" height", height as f64);
        svg.out.push_str(r#" viewBox="0 0 "#);
        svg.out.push_str(&short(width as f64));
        svg.out.push(' ');
        svg.out.push_str(&short(height as f64));
        svg.out.push_str("\">\n");
        svg
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    /// ` fill="#RRGGBB"` (or `stroke`), with an opacity only where the colour has one.
    fn paint(&mut self, attribute: &str, colour: BackendColor) {
        let (r, g, b) = colour.rgb;
        self.out.push(' ');
        self.out.push_str(attribute);
        self.out.push_str("=\"#");
        for c in [r, g, b] {
            push_hex(&mut self.out, c);
        }
        self.out.push('"');
        if colour.alpha < 1.0 {
            self.out.push(' ');
            self.out.push_str(attribute);
            self.attr("-opacity", colour.alpha);
        }
    }

    /// `{name}="{value}"`, the value as `short` writes it (integers without a point).
    fn attr(&mut self, name: &str, value: f64) {
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&short(value));
        self.out.push('"');
    }

    fn points(&mut self, points: &[BackendCoord]) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(&short(*x as f64));
            self.out.push(',');
            self.out.push_str(&short(*y as f64));
        }
        self.out.push('"');
    }

    /// `<rect` with its corners, open for the paint.
    fn open_rect(&mut self, from: BackendCoord, to: BackendCoord) {
        let (w, h) = (to.0 - from.0, to.1 - from.1);
        self.out.push_str("<rect");
        self.attr(" x", from.0 as f64);
        self.attr(" y", from.1 as f64);
        self.attr(" width", w as f64);
        self.attr(" height", h as f64);
    }

    fn stroke(&mut self, colour: BackendColor, width: u32) {
        self.out.push_str(r#" fill="none""#);
        self.paint("stroke", colour);
        self.attr(" stroke-width", width as f64);
    }
}

impl Surface for Svg {
    fn rect(&mut self, from: BackendCoord, to: BackendCoord, colour: BackendColor) {
        self.open_rect(from, to);
        self.paint("fill", colour);
        self.out.push_str("/>\n");
    }

    fn frame(&mut self, from: BackendCoord, to: BackendCoord, colour: BackendColor, width: u32) {
        self.open_rect(from, to);
        self.stroke(colour, width);
        self.out.push_str("/>\n");
    }

    fn polyline(&mut self, points: &[BackendCoord], colour: BackendColor, width: u32) {
        self.out.push_str("<polyline");
        self.points(points);
        self.stroke(colour, width);
        self.out.push_str(r#" stroke-linejoin="round" stroke-linecap="round"/>"#);
        self.out.push('\n');
    }

    fn polygon(&mut self, points: &[BackendCoord], colour: BackendColor) {
        self.out.push_str("<polygon");
        self.points(points);
        self.paint("fill", colour);
        self.out.push_str("/>\n");
    }

    fn circle(&mut self, centre: BackendCoord, radius: u32, colour: BackendColor, width: Option<u32>) {
        self.out.push_str("<circle");
        self.attr(" cx", centre.0 as f64);
        self.attr(" cy", centre.1 as f64);
        self.attr(" r", radius as f64);
        match width {
            None => self.paint("fill", colour),
            Some(width) => self.stroke(colour, width),
        }
        self.out.push_str("/>\n");
    }

    fn text(&mut self, text: &str, at: BackendCoord, font: &Font, colour: BackendColor) {
        let anchor = match font.h {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // Offsets from the anchor point to the baseline, as a canvas's textBaseline places it.
        let dy = match font.v {
            VPos::Top => "0.76em",
            VPos::Center => "0.35em",
            VPos::Bottom => "-0.24em",
        };
        self.out.push_str("<text");
        self.attr(" x", at.0 as f64);
        self.attr(" y", at.1 as f64);
        self.out.push_str(r#" dy=""#);
        self.out.push_str(dy);
        self.out.push_str(r#"" text-anchor=""#);
        self.out.push_str(anchor);
        self.out.push_str(r#"" font-family="sans-serif""#);
        self.attr(" font-size", font.size);
        if font.bold {
            self.out.push_str(r#" font-weight="bold""#);
        }
        self.paint("fill", colour);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</text>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::BackendColor;

    const INK: BackendColor = BackendColor { alpha: 1.0, rgb: (0x1b, 0x1f, 0x24) };

    #[test]
    fn writes_elements_with_integer_coordinates_and_escaped_text() {
        let mut svg = Svg::new(100, 50);
        svg.rect((1, 2), (11, 22), BackendColor { alpha: 0.5, rgb: (255, 0, 16) });
        svg.polyline(&[(0, 0), (5, 7)], INK, 2);
        svg.circle((3, 4), 5, INK, None);
        let font = Font { size: 13.0, bold: true, h: HPos::Right, v: VPos::Top };
        svg.text("A <b> & \"c\"", (9, 8), &font, INK);
        let out = svg.finish();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">"#,
                r##"<rect x="1" y="2" width="10" height="20" fill="#FF0010" fill-opacity="0.5"/>"##,
                r##"<polyline points="0,0 5,7" fill="none" stroke="#1B1F24" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>"##,
                r##"<circle cx="3" cy="4" r="5" fill="#1B1F24"/>"##,
                r##"<text x="9" y="8" dy="0.76em" text-anchor="end" font-family="sans-serif" font-size="13" font-weight="bold" fill="#1B1F24">A &lt;b&gt; &amp; &quot;c&quot;</text>"##,
                "</svg>",
            ]
        );
    }
}
