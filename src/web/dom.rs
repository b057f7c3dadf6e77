//! The widget's elements inside its shadow root, found once by id.

use super::js;
use crate::i18n::filled;
use wasm_bindgen::{JsCast, JsValue};
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
}

/// The elements' ids, in the order of `Dom`'s fields.
const IDS: [&str; 12] =
    ["wrap", "stage", "plot", "overlay", "tip", "table", "summary", "live", "error", "warning", "fallback", "legend"];

impl Dom {
    pub fn find(root: &ShadowRoot) -> Result<Dom, String> {
        let mut found = Vec::with_capacity(IDS.len());
        for &id in &IDS {
            let Some(el) = root.get_element_by_id(id) else {
                return Err(filled("the widget's '{0}' element is missing", &[id]));
            };
            let fits = if id == "plot" || id == "overlay" {
                el.has_type::<HtmlCanvasElement>()
            } else {
                el.has_type::<HtmlElement>()
            };
            if !fits {
                return Err(filled("the widget's '{0}' element has the wrong type", &[id]));
            }
            found.push(el);
        }
        let Ok([wrap, stage, plot, overlay, tip, table, summary, live, error, warning, fallback, legend]) =
            <[Element; 12]>::try_from(found)
        else {
            return Err("the widget's elements could not be collected".into()); // not reached: one per id
        };
        Ok(Dom {
            wrap: wrap.unchecked_into(),
            stage: stage.unchecked_into(),
            plot: plot.unchecked_into(),
            overlay: overlay.unchecked_into(),
            tip: tip.unchecked_into(),
            table: table.unchecked_into(),
            summary: summary.unchecked_into(),
            live: live.unchecked_into(),
            error: error.unchecked_into(),
            warning: warning.unchecked_into(),
            fallback: fallback.unchecked_into(),
            legend: legend.unchecked_into(),
        })
    }
}

/// Shows or hides an element; the DOM call cannot fail for elements we own.
pub fn show(el: &HtmlElement, visible: bool) {
    js::set_value(el, "hidden", &JsValue::from_bool(!visible));
}

pub fn set_style(el: &HtmlElement, property: &str, value: &str) {
    js::set_str(&el.style(), property, value);
}

/// Sets a length in CSS pixels.
pub fn set_px(el: &HtmlElement, property: &str, value: f64) {
    let mut text = crate::decimal::short(value);
    text.push_str("px");
    set_style(el, property, &text);
}
