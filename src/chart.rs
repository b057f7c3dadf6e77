//! Drawing a scene with plotters. The code is generic over plotters' `DrawingBackend`, so the
//! canvas in the browser, the SVG export and the snapshot tests all run these same lines.

use crate::layout::{HAlign, Item, Scene, VAlign};
use crate::theme::{Paint, Palette};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a backend wants a scene painted: the colours, and a factor for font sizes, because
/// plotters' SVG backend divides font sizes by 1.24 (points to pixels) and the canvas does not.
#[derive(Clone, Copy)]
pub struct Pen<'a> {
    pub palette: &'a Palette,
    pub text_scale: f64,
}

impl<'a> Pen<'a> {
    pub fn canvas(palette: &'a Palette) -> Pen<'a> {
        Pen { palette, text_scale: 1.0 }
    }
    pub fn svg(palette: &'a Palette) -> Pen<'a> {
        Pen { palette, text_scale: 1.24 }
    }
}

/// Plotters' error, as text: callers show it in the widget rather than propagate a type.
pub type DrawResult = Result<(), String>;

fn colour(palette: &Palette, paint: Paint) -> RGBColor {
    let (r, g, b) = palette.rgb(paint);
    RGBColor(r, g, b)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws `items` in order onto `area`.
pub fn draw_items<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, items: &[Item], pen: Pen) -> DrawResult {
    for item in items {
        draw_item(area, item, pen).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn draw_item<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    item: &Item,
    pen: Pen,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let palette = pen.palette;
    match item {
        Item::Rect { rect, paint } => area.draw(&Rectangle::new(
            [(px(rect.x), px(rect.y)), (px(rect.right()), px(rect.bottom()))],
            colour(palette, *paint).filled(),
        )),
        Item::Frame { rect, paint, width } => area.draw(&Rectangle::new(
            [(px(rect.x), px(rect.y)), (px(rect.right()), px(rect.bottom()))],
            colour(palette, *paint).stroke_width(px(*width).max(1) as u32),
        )),
        Item::Polyline { points, paint, width } => area.draw(&PathElement::new(
            points.iter().map(|(x, y)| (px(*x), px(*y))).collect::<Vec<_>>(),
            colour(palette, *paint).stroke_width(px(*width).max(1) as u32),
        )),
        Item::Dot { at, r, paint } => {
            area.draw(&Circle::new((px(at.0), px(at.1)), px(*r).max(1) as u32, colour(palette, *paint).filled()))
        }
        Item::Text { at, text, size, bold, paint, h, v } => {
            let font = FontDesc::new(
                FontFamily::SansSerif,
                *size * pen.text_scale,
                if *bold { FontStyle::Bold } else { FontStyle::Normal },
            );
            let h = match h {
                HAlign::Left => HPos::Left,
                HAlign::Center => HPos::Center,
                HAlign::Right => HPos::Right,
            };
            let v = match v {
                VAlign::Top => VPos::Top,
                VAlign::Middle => VPos::Center,
                VAlign::Bottom => VPos::Bottom,
            };
            let fill = colour(palette, *paint);
            let style = TextStyle::from(font).color(&fill).pos(Pos::new(h, v));
            area.draw_text(text, &style, (px(at.0), px(at.1)))
        }
    }
}

/// Paints the background and the whole scene.
pub fn draw_scene<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, scene: &Scene, pen: Pen) -> DrawResult {
    area.fill(&colour(pen.palette, Paint::Background)).map_err(|e| e.to_string())?;
    draw_items(area, &scene.items, pen)
}

/// The scene as an SVG document, through plotters' SVG backend.
pub fn svg(scene: &Scene, palette: &Palette) -> Result<String, String> {
    let mut out = String::new();
    let size = (px(scene.width).max(1) as u32, px(scene.height).max(1) as u32);
    {
        let area = plotters_svg::SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw_scene(&area, scene, Pen::svg(palette))?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
