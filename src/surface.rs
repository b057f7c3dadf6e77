//! The one plotters backend: plotters' elements and drawing areas hand their primitives to a
//! `Surface`, which is either the browser canvas (`web::canvas`) or an SVG document (`svg`).
//!
//! Why not plotters-canvas and plotters-svg: each is a second instantiation of plotters'
//! generic drawing code, and both print floats with core's formatting, which alone is a tenth
//! of the wasm. Behind one backend and a trait object, the drawing code exists once, and the
//! surfaces print numbers with `decimal`.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
};
use std::convert::Infallible;

/// A text run as a surface draws it: sans-serif at `size` CSS pixels, anchored at its
/// point by `h` and `v`.
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub h: HPos,
    pub v: VPos,
}

/// Where drawing ends up. Coordinates are CSS pixels; a `width` is a stroke width.
pub trait Surface {
    fn rect(&mut self, from: BackendCoord, to: BackendCoord, colour: BackendColor);
    fn frame(&mut self, from: BackendCoord, to: BackendCoord, colour: BackendColor, width: u32);
    fn polyline(&mut self, points: &[BackendCoord], colour: BackendColor, width: u32);
    fn polygon(&mut self, points: &[BackendCoord], colour: BackendColor);
    /// A disc when `width` is `None`, a ring otherwise.
    fn circle(&mut self, centre: BackendCoord, radius: u32, colour: BackendColor, width: Option<u32>);
    fn text(&mut self, text: &str, at: BackendCoord, font: &Font, colour: BackendColor);
}

/// `surface` as a plotters drawing area of `size` CSS pixels.
pub fn area(surface: &mut dyn Surface, size: (u32, u32)) -> DrawingArea<Backend<'_>, Shift> {
    Backend { surface, size }.into_drawing_area()
}

pub struct Backend<'a> {
    surface: &'a mut dyn Surface,
    size: (u32, u32),
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

/// Invisible ink is skipped here, once, rather than in every surface.
fn visible(colour: BackendColor) -> bool {
    colour.alpha > 0.0
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Drawn {
        if visible(colour) {
            self.surface.rect(point, (point.0 + 1, point.1 + 1), colour);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Drawn {
        let colour = style.color();
        match (visible(colour), fill) {
            (false, _) => {}
            (true, true) => self.surface.rect(from, to, colour),
            (true, false) => self.surface.frame(from, to, colour, style.stroke_width().max(1)),
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        let colour = style.color();
        if visible(colour) {
            let points: Vec<BackendCoord> = path.into_iter().collect();
            self.surface.polyline(&points, colour, style.stroke_width().max(1));
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, centre: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        let colour = style.color();
        if visible(colour) {
            let width = (!fill).then(|| style.stroke_width().max(1));
            self.surface.circle(centre, radius, colour, width);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        let colour = style.color();
        if visible(colour) {
            let points: Vec<BackendCoord> = vert.into_iter().collect();
            self.surface.polygon(&points, colour);
        }
        Ok(())
    }

    /// From the layout's own font metrics: plotters' default would measure through a span in
    /// the host page's body (plotters #164), and the layout never asks the backend anyway.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let width = crate::layout::text_width(text, style.size());
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, at: BackendCoord) -> Drawn {
        let colour = style.color();
        if visible(colour) {
            let anchor = style.anchor();
            let bold = matches!(style.style(), FontStyle::Bold);
            let font = Font { size: style.size(), bold, h: anchor.h_pos, v: anchor.v_pos };
            self.surface.text(text, at, &font, colour);
        }
        Ok(())
    }
}
