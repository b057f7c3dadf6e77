//! Drawing a scene with plotters onto a `Surface`: the canvas in the browser, the SVG export
//! and the snapshot tests all run these same lines.

use crate::layout::{HAlign, Item, Rect, Scene, VAlign};
use crate::surface::{self, Surface};
use crate::svg::Svg;
use crate::theme::{Paint, Palette};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type Area<'a> = DrawingArea<surface::Backend<'a>, Shift>;

fn colour(palette: &Palette, paint: Paint) -> RGBAColor {
    let (r, g, b) = palette.rgb(paint);
    RGBAColor(r, g, b, 1.0)
}

/// A filled shape's style. The styles are built whole rather than through `Color::filled` and
/// `Color::stroke_width`, which each make a style and then change it.
fn fill(palette: &Palette, paint: Paint) -> ShapeStyle {
    ShapeStyle { color: colour(palette, paint), filled: true, stroke_width: 1 }
}

/// An outline's style, `width` pixels wide (at least one).
fn stroke(palette: &Palette, paint: Paint, width: f64) -> ShapeStyle {
    ShapeStyle { color: colour(palette, paint), filled: false, stroke_width: px(width).max(1) as u32 }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// The scene's size in whole CSS pixels, at least one by one.
fn size(scene: &Scene) -> (u32, u32) {
    (px(scene.width).max(1) as u32, px(scene.height).max(1) as u32)
}

/// Draws `items` in order onto `surface`, a `size` in CSS pixels.
pub fn draw_items(surface: &mut dyn Surface, size: (u32, u32), items: &[Item], palette: &Palette) {
    draw_on(&surface::area(surface, size), items, palette);
}

/// Draws `items` in order on `area`.
fn draw_on(area: &Area, items: &[Item], palette: &Palette) {
    for item in items {
        // The backend cannot fail; plotters' own error (its backend already borrowed) would
        // skip one item rather than the picture.
        let _ = draw_item(area, item, palette);
    }
}

fn draw_item(
    area: &Area,
    item: &Item,
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<std::convert::Infallible>> {
    match item {
        Item::Rect { rect, paint } => area.draw(&Rectangle::new(
            [(px(rect.x), px(rect.y)), (px(rect.right()), px(rect.bottom()))],
            fill(palette, *paint),
        )),
        Item::Frame { rect, paint, width } => area.draw(&Rectangle::new(
            [(px(rect.x), px(rect.y)), (px(rect.right()), px(rect.bottom()))],
            stroke(palette, *paint, *width),
        )),
        Item::Polyline { points, paint, width } => {
            // A plain loop: `map` and `collect` instantiate iterator code of their own.
            let mut at = Vec::with_capacity(points.len());
            for (x, y) in points {
                at.push((px(*x), px(*y)));
            }
            area.draw(&PathElement::new(at, stroke(palette, *paint, *width)))
        }
        Item::Dot { at, r, paint } => {
            area.draw(&Circle::new((px(at.0), px(at.1)), px(*r).max(1) as u32, fill(palette, *paint)))
        }
        Item::Text { at, text, size, bold, paint, h, v } => {
            let font =
                FontDesc::new(FontFamily::SansSerif, *size, if *bold { FontStyle::Bold } else { FontStyle::Normal });
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
            // Built whole: `TextStyle::color` would clone the font (two strings) to set a field.
            let style = TextStyle { font, color: colour(palette, *paint).to_backend_color(), pos: Pos::new(h, v) };
            area.draw_text(text, &style, (px(at.0), px(at.1)))
        }
    }
}

/// Paints the background and the whole scene.
pub fn draw_scene(surface: &mut dyn Surface, scene: &Scene, palette: &Palette) {
    let size = size(scene);
    // Drawn as a `Rect` item rather than with `DrawingArea::fill`: the same rectangle, through
    // the code that draws every other rectangle.
    let background =
        Item::Rect { rect: Rect::new(0.0, 0.0, f64::from(size.0), f64::from(size.1)), paint: Paint::Background };
    // One drawing area for the background and the items: making one allocates.
    let area = surface::area(surface, size);
    draw_on(&area, &[background], palette);
    draw_on(&area, &scene.items, palette);
}

/// The scene as an SVG document.
pub fn svg(scene: &Scene, palette: &Palette) -> String {
    let (width, height) = size(scene);
    let mut svg = Svg::new(width, height);
    draw_scene(&mut svg, scene, palette);
    svg.finish()
}
