//! The few imports the widget declares itself rather than take from web-sys: every import is a
//! function in the JS glue, so one `Reflect.set` stands for all the properties set by name
//! (canvas styles, inline styles, `innerHTML`, `hidden`), and the calls that cannot fail with
//! the arguments given here are imported without web-sys's exception catching.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

#[wasm_bindgen]
extern "C" {
    /// `target[key] = value`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set_str(target: &JsValue, key: &str, value: &str);
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set_num(target: &JsValue, key: &str, value: f64);
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set_value(target: &JsValue, key: &str, value: &JsValue);
    /// `target[key]`, a number.
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

/// The canvas's 2D context (`getContext("2d")` gives one or null).
pub fn context(canvas: &HtmlCanvasElement, kind: &str) -> Option<CanvasRenderingContext2d> {
    any(canvas).get_context(kind)
}

pub fn transform(context: &CanvasRenderingContext2d, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) {
    any(context).set_transform(a, b, c, d, e, f);
}

/// Throws only for a negative radius.
pub fn arc(context: &CanvasRenderingContext2d, x: f64, y: f64, radius: f64, start: f64, end: f64) {
    any(context).arc_(x, y, radius, start, end);
}

pub fn fill_text(context: &CanvasRenderingContext2d, text: &str, x: f64, y: f64) {
    any(context).fill_text_(text, x, y);
}

/// Throws only for a name that is not one.
pub fn set_attribute(element: &Element, name: &str, value: &str) {
    any(element).set_attribute_(name, value);
}
