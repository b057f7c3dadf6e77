//! The widget's canvases as plotters backends: plotters-canvas draws, inside the `Measured`
//! adapter, which makes them crisp at any devicePixelRatio (the backing store is CSS size × DPR
//! and the context is scaled once, so plotters draws in CSS pixels) and measures text with a
//! canvas's `measureText` in the widget's font.

use super::dom::set_px;
use super::surface::Surface;
use crate::backend::{Measured, TextMeasure, FONT_FAMILY};
use plotters_backend::FontStyle;
use plotters_canvas::CanvasBackend;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The largest backing store asked of a browser: iOS Safari refuses canvases over 16.7
/// million pixels, Chromium sides over 32,767 (and a refused canvas draws nothing, without an
/// error).
const MAX_PIXELS: f64 = 16_777_216.0;
const MAX_SIDE: f64 = 32_767.0;

/// A canvas, or the SVG export laid out by it, as plotters' backend.
pub type Canvas<'a> = Measured<Surface<'a>, Metrics>;

/// Text widths in the widget's font, from a canvas kept for measuring only.
pub struct Metrics;

thread_local! {
    /// The measuring canvas's context and the font last set on it (size, bold). Drawing never
    /// changes this canvas's font, so the thousand axis labels of a long dataset are measured
    /// after one font change, not a thousand (setting a canvas font parses it each time). The
    /// family is named in full, so a canvas outside the page's styles measures as the drawn one.
    static MEASURING: (Option<CanvasRenderingContext2d>, Cell<Option<(f64, bool)>>) = (
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| context(&c)),
        Cell::new(None),
    );
}

/// The CSS font plotters-canvas sets for a text style, so measuring and drawing agree.
fn css_font(size: f64, bold: bool) -> String {
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    format!("{} {size}px {FONT_FAMILY}", style.as_str())
}

impl TextMeasure for Metrics {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        MEASURING.with(|(context, font)| {
            let Some(context) = context else { return 0.0 };
            if font.get() != Some((size, bold)) {
                context.set_font(&css_font(size, bold));
                font.set(Some((size, bold)));
            }
            context.measure_text(text).map_or(0.0, |m| m.width())
        })
    }
}

/// Makes `canvas`'s 2D context and sets the measuring canvas's font, both costly the first
/// time (some 10 ms together in Chromium); called while a dataset file is on its way, so
/// that its first drawing does not wait on them.
pub fn prepare(canvas: &HtmlCanvasElement) {
    let _ = context(canvas);
    Metrics.width("0", 12.0, false);
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The pixel ratio to draw at: the screen's, lowered where the backing store would pass what
/// browsers allow.
fn ratio((width, height): (u32, u32), dpr: f64) -> f64 {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
    let (width, height) = (f64::from(width).max(1.0), f64::from(height).max(1.0));
    let by_area = (MAX_PIXELS / (width * height)).sqrt();
    let by_side = MAX_SIDE / width.max(height);
    dpr.min(by_area).min(by_side).max(f64::MIN_POSITIVE)
}

/// Whether a drawing of `size` CSS pixels fits a canvas at all, even at one device pixel each.
pub fn fits((width, height): (u32, u32)) -> bool {
    let (width, height) = (f64::from(width), f64::from(height));
    width * height <= MAX_PIXELS && width.max(height) <= MAX_SIDE
}

/// Sizes `canvas` to `size` CSS pixels at `dpr`: the backing store in device pixels, the
/// element in CSS pixels. Done on full renders only; a hover reuses the size.
pub fn resize(canvas: &HtmlCanvasElement, size: (u32, u32), dpr: f64) {
    let dpr = ratio(size, dpr);
    let device = |css: u32| (f64::from(css) * dpr).round() as u32;
    let (width, height) = (device(size.0), device(size.1));
    // Assigning a canvas's size reallocates and clears it even when unchanged.
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    set_px(canvas, "width", f64::from(size.0));
    set_px(canvas, "height", f64::from(size.1));
}

/// `canvas`, sized by `resize` for `size` and `dpr`, cleared and ready for plotters to draw
/// on in CSS pixels; `None` where the browser gives no 2D context.
pub fn backend(canvas: &HtmlCanvasElement, size: (u32, u32), dpr: f64) -> Option<Canvas<'static>> {
    let dpr = ratio(size, dpr);
    let context = context(canvas)?;
    context.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()?;
    context.clear_rect(0.0, 0.0, f64::from(size.0), f64::from(size.1));
    let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
    Some(Measured::new(Surface::Canvas(inner), size, Metrics))
}

/// An SVG document of `size` CSS pixels written into `out`, laid out with the screen's
/// measurements so that it matches the screen.
pub fn svg(out: &mut String, size: (u32, u32)) -> Canvas<'_> {
    let svg = Surface::Svg(plotters_svg::SVGBackend::with_string(out, size));
    Measured::new(svg, size, Metrics).with_font_unit(crate::backend::SVG_FONT_UNIT)
}

/// A new canvas in `beside`'s document, in no page: an export is drawn there, so the screen's
/// canvas is neither resized nor redrawn.
pub fn detached(beside: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
    beside.owner_document()?.create_element("canvas").ok()?.dyn_into().ok()
}

/// Clears a canvas whatever its transform (plotters' fill with a transparent colour would not).
pub fn clear(canvas: &HtmlCanvasElement) {
    if let Some(context) = context(canvas) {
        let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        context.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    }
}
