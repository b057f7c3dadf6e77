//! plotters-canvas, made crisp on HiDPI screens and free of host-page layout.
//!
//! plotters-canvas draws in canvas pixels and measures text through a span in `document.body`
//! (plotters #164). This wrapper sizes the backing store to CSS size × devicePixelRatio, scales
//! the context once, reports the CSS size to plotters and measures text with `measureText`.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;

/// plotters-canvas does not export its error type by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct HiDpiCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    /// The fill colour last given to the context: thousands of bars share a few colours, and
    /// setting the style (a string built and passed to JS) costs more than the fill itself.
    fill: Option<(u8, u8, u8, u64)>,
}

/// The canvas's 2D context, or `None` where the browser gives none.
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    use wasm_bindgen::JsCast;
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Sizes `canvas` to `width` × `height` CSS pixels at `dpr`: the backing store in device
/// pixels, the element in CSS pixels. Done on full renders only; hovers reuse the size.
pub fn resize(canvas: &HtmlCanvasElement, width: u32, height: u32, dpr: f64) -> Option<()> {
    let dpr = clamp_dpr(dpr);
    let (pw, ph) = ((f64::from(width) * dpr).round() as u32, (f64::from(height) * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let style = canvas.style();
    style.set_property("width", &format!("{width}px")).ok()?;
    style.set_property("height", &format!("{height}px")).ok()
}

fn clamp_dpr(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr.min(4.0)
    } else {
        1.0
    }
}

impl HiDpiCanvas {
    /// Wraps an already sized canvas, cleared, with its context scaled to CSS pixels.
    pub fn new(canvas: &HtmlCanvasElement, width: u32, height: u32, dpr: f64) -> Option<HiDpiCanvas> {
        let dpr = clamp_dpr(dpr);
        let context = context(canvas)?;
        context.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()?;
        context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        context.set_line_join("round");
        context.set_line_cap("round");
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(HiDpiCanvas { inner, context, size: (width, height), fill: None })
    }

    fn line_width<S: BackendStyle>(&self, style: &S) {
        self.context.set_line_width(f64::from(style.stroke_width().max(1)));
    }
}

impl DrawingBackend for HiDpiCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.fill = None;
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_width(style);
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if !fill {
            self.line_width(style);
            return self.inner.draw_rect(upper_left, bottom_right, style, fill);
        }
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let (r, g, b) = colour.rgb;
        let key = (r, g, b, colour.alpha.to_bits());
        if self.fill != Some(key) {
            self.context.set_fill_style_str(&format!("rgba({r},{g},{b},{})", colour.alpha));
            self.fill = Some(key);
        }
        let (x0, y0) = (f64::from(upper_left.0), f64::from(upper_left.1));
        self.context.fill_rect(x0, y0, f64::from(bottom_right.0) - x0, f64::from(bottom_right.1) - y0);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_width(style);
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.line_width(style);
        self.fill = None;
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.fill = None;
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.fill = None;
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.context.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// Clears a canvas whatever its transform (filling with a transparent colour would not).
pub fn clear(canvas: &HtmlCanvasElement) {
    if let Some(ctx) = context(canvas) {
        ctx.save();
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
        ctx.restore();
    }
}

/// Wraps a canvas as a plotters drawing area, ready to draw.
pub fn area(
    canvas: &HtmlCanvasElement,
    width: u32,
    height: u32,
    dpr: f64,
) -> Option<DrawingArea<HiDpiCanvas, plotters::coord::Shift>> {
    Some(HiDpiCanvas::new(canvas, width, height, dpr)?.into_drawing_area())
}
