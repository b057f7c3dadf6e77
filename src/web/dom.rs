//! The widget's elements inside its shadow root, found once by id.

use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, ShadowRoot};

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
}

fn by_id<T: JsCast>(root: &ShadowRoot, id: &str) -> Result<T, String> {
    root.get_element_by_id(id)
        .ok_or_else(|| format!("the widget's '{id}' element is missing"))?
        .dyn_into::<T>()
        .map_err(|_| format!("the widget's '{id}' element has the wrong type"))
}

impl Dom {
    pub fn find(root: &ShadowRoot) -> Result<Dom, String> {
        Ok(Dom {
            wrap: by_id(root, "wrap")?,
            stage: by_id(root, "stage")?,
            plot: by_id(root, "plot")?,
            overlay: by_id(root, "overlay")?,
            tip: by_id(root, "tip")?,
            table: by_id(root, "table")?,
            summary: by_id(root, "summary")?,
            live: by_id(root, "live")?,
            error: by_id(root, "error")?,
            warning: by_id(root, "warning")?,
            fallback: by_id(root, "fallback")?,
            legend: by_id(root, "legend")?,
        })
    }
}

/// Shows or hides an element; the DOM call cannot fail for elements we own.
pub fn show(el: &HtmlElement, visible: bool) {
    el.set_hidden(!visible);
}

pub fn set_style(el: &HtmlElement, property: &str, value: &str) {
    let _ = el.style().set_property(property, value);
}
