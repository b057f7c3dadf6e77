//! The widget's elements inside its shadow root, found once by id.

use crate::i18n::filled;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, ShadowRoot};

pub struct Dom {
    pub wrap: HtmlElement,
    pub stage: HtmlElement,
    pub plot: HtmlCanvasElement,
    pub overlay: HtmlCanvasElement,
    pub tip: HtmlElement,
    pub table: HtmlElement,
    pub summary: HtmlElement,
    pub live: HtmlElement,
    pub error: HtmlElement,
    pub warning: HtmlElement,
    pub fallback: HtmlElement,
    pub legend: HtmlElement,
    pub source: HtmlElement,
}

impl Dom {
    pub fn find(root: &ShadowRoot) -> Result<Dom, String> {
        Ok(Dom {
            wrap: element(root, "wrap")?,
            stage: element(root, "stage")?,
            plot: element(root, "plot")?,
            overlay: element(root, "overlay")?,
            tip: element(root, "tip")?,
            table: element(root, "table")?,
            summary: element(root, "summary")?,
            live: element(root, "live")?,
            error: element(root, "error")?,
            warning: element(root, "warning")?,
            fallback: element(root, "fallback")?,
            legend: element(root, "legend")?,
            source: element(root, "source")?,
        })
    }
}

/// The element with id `id`, checked to be a `T`.
fn element<T: JsCast>(root: &ShadowRoot, id: &str) -> Result<T, String> {
    let Some(el) = root.get_element_by_id(id) else {
        return Err(filled("the widget's '{0}' element is missing", &[id]));
    };
    el.dyn_into().map_err(|_| filled("the widget's '{0}' element has the wrong type", &[id]))
}

/// Shows or hides an element.
pub fn show(el: &HtmlElement, visible: bool) {
    el.set_hidden(!visible);
}

/// Sets an attribute whose name is a literal of this crate. `setAttribute` throws only for a
/// name that is not a valid XML name (`InvalidCharacterError`), which a literal here never is,
/// so there is no failure to handle.
pub fn set_attribute(el: &Element, name: &'static str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Sets one inline style property. `setProperty` throws only on a read-only declaration (a
/// computed style, `NoModificationAllowedError`); an element's own `style` never is one, so
/// there is no failure to handle.
pub fn set_style(el: &HtmlElement, property: &str, value: &str) {
    let _ = el.style().set_property(property, value);
}

/// Sets a length in CSS pixels.
pub fn set_px(el: &HtmlElement, property: &str, value: f64) {
    set_style(el, property, &format!("{}px", crate::decimal::short(value)));
}
