//! Imports the widget declares itself rather than take from web-sys: property access by name
//! through `Reflect`, and a few canvas and DOM methods imported without web-sys's exception
//! catching (they cannot throw with the arguments the widget passes).
//!
//! Setting a property by name fails silently on a typo (`"fillstyle"` just adds a property
//! nobody reads), so new code uses web-sys's typed setters, all behind features this crate
//! already enables: on `CanvasRenderingContext2d` `set_fill_style_str`, `set_stroke_style_str`,
//! `set_line_width`, `set_line_join`, `set_line_cap`, `set_font`, `set_text_align`,
//! `set_text_baseline`, `set_transform`, `arc`, `fill_text`; `HtmlCanvasElement::width`,
//! `set_width`, `height`, `set_height`, `get_context`; `Element::set_inner_html` and
//! `set_attribute`; `HtmlElement::set_hidden`, `offset_width`, `offset_height`;
//! `HtmlCollection::length`; `CssStyleDeclaration::set_property`. `Reflect` stays right for
//! plain JS objects built for the page script (`js_sys::Reflect::set`, or serde-wasm-bindgen).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

#[wasm_bindgen]
extern "C" {
    /// `target[key] = value`, a string. On a DOM object prefer its typed setter (module doc).
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set_str(target: &JsValue, key: &str, value: &str);
    /// `target[key] = value`, a number (`lineWidth`, a canvas's `width`: see the module doc).
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set_num(target: &JsValue, key: &str, value: f64);
    /// `target[key] = value`, any JS value.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set_value(target: &JsValue, key: &str, value: &JsValue);
    /// `target[key]`, a number (NaN when it is not one).
    #[wasm_bindgen(js_namespace = Reflect, js_name = get)]
    pub fn get_num(target: &JsValue, key: &str) -> f64;

    /// Any of the DOM and canvas objects below, for the methods imported here.
    type Any;
    #[wasm_bindgen(method, js_name = getContext)]
    fn get_context(this: &Any, kind: &str) -> Option<CanvasRenderingContext2d>;
    #[wasm_bindgen(method, js_name = setTransform)]
    fn set_transform(this: &Any, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64);
    #[wasm_bindgen(method, js_name = arc)]
    fn arc_(this: &Any, x: f64, y: f64, radius: f64, start: f64, end: f64);
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text_(this: &Any, text: &str, x: f64, y: f64);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute_(this: &Any, name: &str, value: &str);
}

fn any(value: &JsValue) -> &Any {
    value.unchecked_ref()
}

/// The canvas's context of `kind` ("2d" gives a 2D context or null). web-sys's
/// `HtmlCanvasElement::get_context` returns `Result<Option<Object>>` to be cast.
pub fn context(canvas: &HtmlCanvasElement, kind: &str) -> Option<CanvasRenderingContext2d> {
    any(canvas).get_context(kind)
}

/// `context.setTransform(a, b, c, d, e, f)`; web-sys's `set_transform` returns a `Result`.
pub fn transform(context: &CanvasRenderingContext2d, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) {
    any(context).set_transform(a, b, c, d, e, f);
}

/// `context.arc(x, y, radius, start, end)`, which throws only for a negative radius; web-sys's
/// `arc` returns a `Result`.
pub fn arc(context: &CanvasRenderingContext2d, x: f64, y: f64, radius: f64, start: f64, end: f64) {
    any(context).arc_(x, y, radius, start, end);
}

/// `context.fillText(text, x, y)`; web-sys's `fill_text` returns a `Result`.
pub fn fill_text(context: &CanvasRenderingContext2d, text: &str, x: f64, y: f64) {
    any(context).fill_text_(text, x, y);
}

/// `element.setAttribute(name, value)`, which throws only for a name that is not one;
/// web-sys's `Element::set_attribute` returns a `Result`.
pub fn set_attribute(element: &Element, name: &str, value: &str) {
    any(element).set_attribute_(name, value);
}
