//! The tooltip, kept cheap to update on every hover: its lines are written in place (no HTML
//! to parse, and only the lines that change), it is moved with a transform (so where it goes
//! cannot change its size), and it is placed with its size as last laid out, reported by the
//! custom element's ResizeObserver, rather than measured in the handler, which would make the
//! browser lay the page out before the handler could return.

use super::dom::{set_style, show};
use crate::text::Datum;
use web_sys::{Element, HtmlElement};

/// The elements of the five lines: indicator, report, value, change, share (empty when the
/// indicator is part of no total; an empty block takes no room).
const LINES: &str = "<strong></strong><span></span><b></b><span></span><span></span>";

pub struct Tip {
    el: HtmlElement,
    lines: Vec<Element>,
    /// What the lines say now.
    written: [Option<String>; 5],
    /// Border-box size in CSS pixels as last laid out; `None` until known.
    size: Option<(f64, f64)>,
}

impl Tip {
    pub fn new(el: HtmlElement) -> Tip {
        Tip { el, lines: Vec::new(), written: Default::default(), size: None }
    }

    /// Writes `datum` into the lines, creating them the first time.
    pub fn fill(&mut self, datum: &Datum) {
        if self.lines.is_empty() {
            self.el.set_inner_html(LINES);
            let children = self.el.children();
            self.lines = (0..children.length()).filter_map(|i| children.item(i)).collect();
        }
        let text = [
            Some(&datum.indicator),
            Some(&datum.report),
            Some(&datum.value),
            Some(&datum.change),
            datum.share.as_ref(),
        ];
        for ((line, written), text) in self.lines.iter().zip(&mut self.written).zip(text) {
            if written.as_ref() != text {
                line.set_text_content(text.map(String::as_str));
                *written = text.cloned();
            }
        }
    }

    pub fn show(&self, visible: bool) {
        show(&self.el, visible);
    }

    /// The size to place the tooltip with: as last reported, or, until a report comes (no
    /// ResizeObserver, or a hover before the first frame), measured now.
    pub fn size(&self) -> (f64, f64) {
        self.size.unwrap_or_else(|| (f64::from(self.el.offset_width()), f64::from(self.el.offset_height())))
    }

    /// The laid-out size changed. A zero size means the tooltip has no box (the stage is
    /// hidden): unknown, rather than a size to place with.
    pub fn resized(&mut self, width: f64, height: f64) {
        self.size = (width > 0.0 && height > 0.0).then_some((width, height));
    }

    /// Moves the top-left corner to (left, top), whole pixels so that the text stays sharp.
    pub fn place(&self, (left, top): (f64, f64)) {
        let (x, y) = (f64::from(left.round() as i32), f64::from(top.round() as i32));
        let (x, y) = (crate::decimal::short(x), crate::decimal::short(y));
        set_style(&self.el, "transform", &format!("translate({x}px,{y}px)"));
    }
}
