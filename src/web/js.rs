//! The few imports the widget declares itself rather than take from web-sys: every import is a
//! function in the JS glue, so one `Reflect.set` stands for all the properties set by name
//! (inline styles, `innerHTML`, `hidden`), and the calls that cannot fail with
//! the arguments given here are imported without web-sys's exception catching.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

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

    /// Any of the DOM objects below, for the methods imported here.
    type Any;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute_(this: &Any, name: &str, value: &str);
}

fn any(value: &JsValue) -> &Any {
    value.unchecked_ref()
}

/// Throws only for a name that is not one.
pub fn set_attribute(element: &Element, name: &str, value: &str) {
    any(element).set_attribute_(name, value);
}
