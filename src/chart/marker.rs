//! A shape for each series colour, so that lines stay told apart where two hues are close
//! (vermilion and brown, blue and sky blue) or where colour cannot be seen at all: the
//! same shape marks a series' points on its line and its entry in the legend.

use plotters::element::{EmptyElement, Polygon};
use plotters::prelude::*;
use std::f64::consts::FRAC_1_SQRT_2;

/// The shapes, in the order of the palette's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Plus,
    Cross,
    Star,
}

const SHAPES: [Shape; 8] = [
    Shape::Circle,
    Shape::Square,
    Shape::TriangleUp,
    Shape::Diamond,
    Shape::TriangleDown,
    Shape::Plus,
    Shape::Cross,
    Shape::Star,
];

/// The shape of the series drawn in palette colour `colour`.
pub(super) fn shape_of(colour: usize) -> Shape {
    SHAPES.get(colour % SHAPES.len()).copied().unwrap_or(Shape::Circle)
}

// Outlines about a centre at radius 1, in screen axes (y grows downwards). Shapes with
// corners reach a little further than the circle so that each covers about as much area.
const CIRCLE: [(f64, f64); 12] = [
    (1.0, 0.0),
    (0.866, 0.5),
    (0.5, 0.866),
    (0.0, 1.0),
    (-0.5, 0.866),
    (-0.866, 0.5),
    (-1.0, 0.0),
    (-0.866, -0.5),
    (-0.5, -0.866),
    (0.0, -1.0),
    (0.5, -0.866),
    (0.866, -0.5),
];
const SQUARE: [(f64, f64); 4] = [(0.884, 0.884), (-0.884, 0.884), (-0.884, -0.884), (0.884, -0.884)];
const TRIANGLE_UP: [(f64, f64); 3] = [(0.0, -1.32), (1.143, 0.66), (-1.143, 0.66)];
const DIAMOND: [(f64, f64); 4] = [(1.26, 0.0), (0.0, 1.26), (-1.26, 0.0), (0.0, -1.26)];
const PLUS: [(f64, f64); 12] = [
    (0.48, -1.2),
    (0.48, -0.48),
    (1.2, -0.48),
    (1.2, 0.48),
    (0.48, 0.48),
    (0.48, 1.2),
    (-0.48, 1.2),
    (-0.48, 0.48),
    (-1.2, 0.48),
    (-1.2, -0.48),
    (-0.48, -0.48),
    (-0.48, -1.2),
];
const STAR: [(f64, f64); 10] = [
    (0.0, -1.44),
    (0.381, -0.524),
    (1.37, -0.445),
    (0.616, 0.2),
    (0.846, 1.165),
    (0.0, 0.648),
    (-0.846, 1.165),
    (-0.616, 0.2),
    (-1.37, -0.445),
    (-0.381, -0.524),
];

/// The outline of `shape` about its centre, in whole pixels, at about `radius` (the circle's).
pub(super) fn outline(shape: Shape, radius: f64) -> Vec<(i32, i32)> {
    let unit: Vec<(f64, f64)> = match shape {
        Shape::Circle => CIRCLE.to_vec(),
        Shape::Square => SQUARE.to_vec(),
        Shape::TriangleUp => TRIANGLE_UP.to_vec(),
        Shape::TriangleDown => TRIANGLE_UP.iter().map(|&(x, y)| (x, -y)).collect(),
        Shape::Diamond => DIAMOND.to_vec(),
        Shape::Plus => PLUS.to_vec(),
        // The plus turned by an eighth of a turn.
        Shape::Cross => PLUS.iter().map(|&(x, y)| ((x - y) * FRAC_1_SQRT_2, (x + y) * FRAC_1_SQRT_2)).collect(),
        Shape::Star => STAR.to_vec(),
    };
    unit.into_iter().map(|(x, y)| ((x * radius).round() as i32, (y * radius).round() as i32)).collect()
}

/// The marker of `shape` at `at`, filled with `style`, as a plotters element.
pub(super) fn marker<C, DB: DrawingBackend>(
    at: C,
    shape: Shape,
    radius: f64,
    style: ShapeStyle,
) -> <EmptyElement<C, DB> as std::ops::Add<Polygon<(i32, i32)>>>::Output {
    EmptyElement::at(at) + Polygon::new(outline(shape, radius), style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_palette_colour_has_its_own_shape() {
        let shapes: Vec<Shape> = (0..8).map(shape_of).collect();
        for (n, a) in shapes.iter().enumerate() {
            assert!(shapes.iter().skip(n + 1).all(|b| b != a), "{a:?} twice");
        }
        assert_eq!(shape_of(8), shape_of(0), "the shapes repeat with the colours");
    }

    #[test]
    fn shapes_are_about_a_dot_in_size_and_distinct_in_outline() {
        let outlines: Vec<Vec<(i32, i32)>> = SHAPES.iter().map(|&s| outline(s, 4.0)).collect();
        for (shape, points) in SHAPES.iter().zip(&outlines) {
            let reach = points.iter().map(|&(x, y)| x.abs().max(y.abs())).max().unwrap_or(0);
            assert!((3..=6).contains(&reach), "{shape:?} reaches {reach} px");
        }
        for (n, a) in outlines.iter().enumerate() {
            assert!(outlines.iter().skip(n + 1).all(|b| b != a), "two shapes share an outline");
        }
        assert_eq!(outline(Shape::TriangleUp, 4.0).len(), 3);
        assert_eq!(outline(Shape::Star, 4.0).len(), 10);
        // The upward triangle's tip is above its centre (screen y grows downwards).
        assert!(outline(Shape::TriangleUp, 4.0).iter().any(|&(x, y)| x == 0 && y < -4));
    }
}
