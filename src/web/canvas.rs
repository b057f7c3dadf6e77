//! The canvas surface, crisp on HiDPI screens and free of host-page layout: the backing store
//! is CSS size × devicePixelRatio and the context is scaled once, so everything above draws in
//! CSS pixels.

use super::dom::set_px;
use super::js;
use crate::decimal::short;
use crate::surface::{Font, Surface};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct HiDpiCanvas {
    context: CanvasRenderingContext2d,
    /// The fill colour last given to the context: thousands of bars share a few colours, and
    /// setting the style (a string built and passed to JS) costs more than the fill itself.
    fill: Option<(u8, u8, u8, u64)>,
}

/// The canvas's 2D context, or `None` where the browser gives none.
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    js::context(canvas, "2d")
}

/// Sizes `canvas` to `width` × `height` CSS pixels at `dpr`: the backing store in device
/// pixels, the element in CSS pixels. Done on full renders only; hovers reuse the size.
pub fn resize(canvas: &HtmlCanvasElement, width: u32, height: u32, dpr: f64) -> Option<()> {
    let dpr = clamp_dpr(dpr);
    let (pw, ph) = ((f64::from(width) * dpr).round() as u32, (f64::from(height) * dpr).round() as u32);
    let (pw, ph) = (f64::from(pw), f64::from(ph));
    if js::get_num(canvas, "width") != pw || js::get_num(canvas, "height") != ph {
        js::set_num(canvas, "width", pw);
        js::set_num(canvas, "height", ph);
    }
    set_px(canvas, "width", f64::from(width));
    set_px(canvas, "height", f64::from(height));
    Some(())
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
        js::transform(&context, dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        js::set_str(&context, "lineJoin", "round");
        js::set_str(&context, "lineCap", "round");
        Some(HiDpiCanvas { context, fill: None })
    }

    fn set_fill(&mut self, colour: BackendColor) {
        let (r, g, b) = colour.rgb;
        let key = (r, g, b, colour.alpha.to_bits());
        if self.fill != Some(key) {
            js::set_str(&self.context, "fillStyle", &css(colour));
            self.fill = Some(key);
        }
    }

    fn set_stroke(&self, colour: BackendColor, width: u32) {
        js::set_str(&self.context, "strokeStyle", &css(colour));
        js::set_num(&self.context, "lineWidth", f64::from(width));
    }

    fn trace(&self, points: &[BackendCoord]) {
        self.context.begin_path();
        for (i, &(x, y)) in points.iter().enumerate() {
            let (x, y) = (f64::from(x), f64::from(y));
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
    }
}

fn css(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    let mut out = String::from("rgba(");
    for &c in &[r, g, b] {
        out.push_str(&short(f64::from(c)));
        out.push(',');
    }
    out.push_str(&short(colour.alpha));
    out.push(')');
    out
}

/// Width and height of the box between two corners.
fn extent(from: BackendCoord, to: BackendCoord) -> (f64, f64, f64, f64) {
    let (x, y) = (f64::from(from.0), f64::from(from.1));
    (x, y, f64::from(to.0) - x, f64::from(to.1) - y)
}

impl Surface for HiDpiCanvas {
    fn rect(&mut self, from: BackendCoord, to: BackendCoord, colour: BackendColor) {
        self.set_fill(colour);
        let (x, y, w, h) = extent(from, to);
        self.context.fill_rect(x, y, w, h);
    }

    fn frame(&mut self, from: BackendCoord, to: BackendCoord, colour: BackendColor, width: u32) {
        self.set_stroke(colour, width);
        let (x, y, w, h) = extent(from, to);
        self.context.stroke_rect(x, y, w, h);
    }

    fn polyline(&mut self, points: &[BackendCoord], colour: BackendColor, width: u32) {
        self.set_stroke(colour, width);
        self.trace(points);
        self.context.stroke();
    }

    fn polygon(&mut self, points: &[BackendCoord], colour: BackendColor) {
        self.set_fill(colour);
        self.trace(points);
        self.context.close_path();
        self.context.fill();
    }

    fn circle(&mut self, centre: BackendCoord, radius: u32, colour: BackendColor, width: Option<u32>) {
        self.context.begin_path();
        let (x, y) = (f64::from(centre.0), f64::from(centre.1));
        js::arc(&self.context, x, y, f64::from(radius), 0.0, std::f64::consts::TAU);
        match width {
            None => {
                self.set_fill(colour);
                self.context.fill();
            }
            Some(width) => {
                self.set_stroke(colour, width);
                self.context.stroke();
            }
        }
    }

    fn text(&mut self, text: &str, at: BackendCoord, font: &Font, colour: BackendColor) {
        // "left"/"right", not "start"/"end": those follow the host page's direction.
        let align = match font.h {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        js::set_str(&self.context, "textAlign", align);
        let baseline = match font.v {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        js::set_str(&self.context, "textBaseline", baseline);
        let weight = if font.bold { "bold" } else { "normal" };
        js::set_str(&self.context, "font", &crate::i18n::filled("{0} {1}px sans-serif", &[weight, &short(font.size)]));
        self.set_fill(colour);
        js::fill_text(&self.context, text, f64::from(at.0), f64::from(at.1));
    }
}

/// Clears a canvas whatever its transform (filling with a transparent colour would not).
pub fn clear(canvas: &HtmlCanvasElement) {
    if let Some(ctx) = context(canvas) {
        ctx.save();
        js::transform(&ctx, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, js::get_num(canvas, "width"), js::get_num(canvas, "height"));
        ctx.restore();
    }
}
