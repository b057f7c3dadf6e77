//! The thin adapter between plotters and the surfaces it draws on. plotters-canvas and
//! plotters-svg do the drawing; `Measured` wraps either and adds what they lack:
//!
//! - the size in CSS pixels (plotters-canvas reports the backing store, which is CSS size ×
//!   devicePixelRatio on a HiDPI screen: plotters #164);
//! - text measured by whoever will draw it (`TextMeasure`): a canvas's `measureText` in the
//!   widget's font in the browser, an estimate natively; plotters' own web measurement would put a span into the
//!   host page's body;
//! - plotters-svg's font size, which it writes as 1/1.24 of the size asked for, made equal to
//!   the canvas's;
//! - a record of every text box drawn, so tests can check that no two labels collide.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};
use std::cell::RefCell;
use std::rc::Rc;

/// The widget's font, named so that every engine picks the same face: Arial where the reader
/// has it (Windows, macOS, iOS), Liberation Sans (metrically identical) on Linux.
pub const FONT_FAMILY: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// How wide a run of text is, in CSS pixels, in the widget's font.
pub trait TextMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// A per-character estimate for Arial-like faces, used where no engine measures (native tests,
/// the SVG export outside a browser). Deliberately a little generous, so that what fits here
/// fits on screen.
#[derive(Clone, Copy, Debug, Default)]
pub struct Estimate;

impl TextMeasure for Estimate {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = text.chars().map(em).sum();
        ems * size * if bold { 1.08 } else { 1.0 }
    }
}

/// A character's width in ems.
fn em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'ı' | 'I' => 0.3,
        ' ' | '\u{a0}' | 'f' | 't' | 'r' | '(' | ')' | '-' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'Ш' | 'Щ' | 'Ж' | 'ю' | 'Ю' | 'ы' | 'Ы' | '%' => 0.9,
        c if c.is_uppercase() || c.is_ascii_digit() => 0.68,
        _ => 0.6,
    }
}

/// Where a line of text was drawn, in CSS pixels: its box, not its anchor.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct TextBox {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl TextBox {
    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &TextBox) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// A plotters backend with the size, text measurement and text log described above.
pub struct Measured<DB, M> {
    inner: DB,
    size: (u32, u32),
    measure: M,
    /// What the inner backend's font size unit is worth in CSS pixels (plotters-svg: 1/1.24).
    font_unit: f64,
    texts: Rc<RefCell<Vec<TextBox>>>,
}

impl<DB: DrawingBackend, M: TextMeasure> Measured<DB, M> {
    /// `inner`, presented to plotters as `size` CSS pixels.
    pub fn new(inner: DB, size: (u32, u32), measure: M) -> Self {
        Measured { inner, size, measure, font_unit: 1.0, texts: Rc::default() }
    }

    /// For a backend that writes a font size `unit` times smaller than it is given.
    pub fn with_font_unit(mut self, unit: f64) -> Self {
        self.font_unit = unit;
        self
    }

    /// The log of text boxes, shared: it fills as plotters draws.
    pub fn texts(&self) -> Rc<RefCell<Vec<TextBox>>> {
        Rc::clone(&self.texts)
    }

    fn text_width<S: BackendTextStyle>(&self, text: &str, style: &S) -> f64 {
        self.measure.width(text, style.size(), matches!(style.style(), FontStyle::Bold))
    }
}

/// plotters-svg writes a font size 1/1.24 of the one it is given.
pub const SVG_FONT_UNIT: f64 = 1.24;

/// plotters' SVG backend writing into `out`, measured by `measure`.
pub fn svg<M: TextMeasure>(
    out: &mut String,
    size: (u32, u32),
    measure: M,
) -> Measured<plotters_svg::SVGBackend<'_>, M> {
    Measured::new(plotters_svg::SVGBackend::with_string(out, size), size, measure).with_font_unit(SVG_FONT_UNIT)
}

/// A text style passed on with its size in the inner backend's unit.
struct Scaled<'a, S> {
    style: &'a S,
    unit: f64,
}

impl<S: BackendTextStyle> BackendTextStyle for Scaled<'_, S> {
    type FontError = S::FontError;
    fn color(&self) -> BackendColor {
        self.style.color()
    }
    fn size(&self) -> f64 {
        self.style.size() * self.unit
    }
    fn transform(&self) -> FontTransform {
        self.style.transform()
    }
    fn style(&self) -> FontStyle {
        self.style.style()
    }
    fn anchor(&self) -> Pos {
        self.style.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.style.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.style.layout_box(text)
    }
    fn draw<E, DR: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: DR,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.style.draw(text, pos, draw)
    }
}

type Drawn<E> = Result<(), DrawingErrorKind<E>>;

impl<DB: DrawingBackend, M: TextMeasure> DrawingBackend for Measured<DB, M> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Drawn<DB::ErrorType> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Drawn<DB::ErrorType> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn<DB::ErrorType> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn<DB::ErrorType> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn<DB::ErrorType> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn<DB::ErrorType> {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn<DB::ErrorType> {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn<DB::ErrorType> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Drawn<DB::ErrorType> {
        let (w, h) = (self.text_width(text, style), style.size());
        let anchor = style.anchor();
        let x = f64::from(pos.0)
            - match anchor.h_pos {
                HPos::Left => 0.0,
                HPos::Center => w / 2.0,
                HPos::Right => w,
            };
        let y = f64::from(pos.1)
            - match anchor.v_pos {
                VPos::Top => 0.0,
                VPos::Center => h / 2.0,
                VPos::Bottom => h,
            };
        self.texts.borrow_mut().push(TextBox { text: text.to_string(), x, y, w, h });
        self.inner.draw_text(text, &Scaled { style, unit: self.font_unit }, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<DB::ErrorType>> {
        Ok((self.text_width(text, style).ceil() as u32, style.size().ceil() as u32))
    }
}
