//! `Chart`: one widget's state and its DOM, driven by the custom element in
//! `widget/migration-chart.js`. Every method is total: failures become words in the widget.

use super::canvas;
use super::dom::{set_attribute, set_px, show, Dom};
use super::tip::Tip;
use crate::chart::{self, export};
use crate::data::{self, Dataset};
use crate::hit::{self, Marks};
use crate::i18n::filled;
use crate::summary;
use crate::table;
use crate::text;
use crate::theme::Palette;
use crate::view::{Theme, View, ViewState};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

const DEFAULT_HEIGHT: f64 = 420.0;

/// Device pixels per CSS pixel of a PNG export.
const PNG_RATIO: f64 = 2.0;

/// What went wrong, kept so the message follows a later change of language; and `Loading`,
/// which is no failure but is, like one, said in words instead of a chart.
enum Failure {
    Read(data::DataError),
    Src {
        src: String,
        kind: String,
        detail: String,
    },
    /// A `src` whose body grew past `data::MAX_BYTES` while it streamed in (size unknown).
    TooLarge {
        src: String,
    },
    Draw(String),
    /// A `src` is being fetched: no dataset is shown until it arrives.
    Loading {
        src: String,
    },
}

#[wasm_bindgen]
pub struct Chart {
    dom: Dom,
    data: Option<Dataset>,
    state: ViewState,
    width: f64,
    height: f64,
    dpr: f64,
    prefers_dark: bool,
    marks: Marks,
    hover: Option<usize>,
    tip: Tip,
    failure: Option<Failure>,
    /// The legend buttons' HTML as last written.
    legend_html: String,
    /// The Table view's HTML as last written: kept while it is the same, with its scroll
    /// position and focus.
    table_html: String,
}

#[wasm_bindgen]
impl Chart {
    /// Binds to the elements of a widget's shadow root and loads the embedded dataset.
    #[wasm_bindgen(constructor)]
    pub fn new(root: ShadowRoot) -> Result<Chart, JsError> {
        let dom = Dom::find(&root).map_err(|e| JsError::new(&e))?;
        let tip = Tip::new(dom.tip.clone());
        let mut chart = Chart {
            dom,
            data: None,
            state: ViewState::default(),
            width: 0.0,
            height: DEFAULT_HEIGHT,
            dpr: 1.0,
            prefers_dark: false,
            marks: Marks::default(),
            hover: None,
            tip,
            failure: None,
            legend_html: String::new(),
            table_html: String::new(),
        };
        chart.load(data::EMBEDDED_JSON.as_bytes());
        Ok(chart)
    }

    /// Applies one attribute (`None` when removed). Returns a message for a value it does not
    /// understand, which then falls back to the default.
    pub fn set(&mut self, key: &str, value: Option<String>) -> Option<String> {
        if key == "height" {
            return self.set_height(value.as_deref());
        }
        let default = ViewState::default().get(key);
        let Some(default) = default else {
            return Some(filled("'{0}' is not an attribute of <migration-chart>", &[key]));
        };
        let text = value.unwrap_or_else(|| default.clone());
        if self.state.set(key, &text) {
            None
        } else {
            self.state.set(key, &default);
            Some(filled("{0}=\"{1}\" is not known; using \"{2}\"", &[key, &clip(&text), &default]))
        }
    }

    /// The view state as a URL hash (without '#').
    pub fn hash(&self) -> String {
        self.state.to_hash()
    }

    /// Replaces the whole view state from a URL hash; bad parts fall back to defaults.
    pub fn set_hash(&mut self, hash: &str) {
        self.state = ViewState::from_hash(hash);
    }

    /// The view state as a plain object, for the page's controls.
    pub fn state(&self) -> JsValue {
        let state: std::collections::BTreeMap<&str, String> =
            crate::view::KEYS.iter().filter_map(|&key| Some((key, self.state.get(key)?))).collect();
        to_js(&state)
    }

    /// The dataset's indicators in the current language, and whether Compare shows each.
    pub fn indicators(&self) -> JsValue {
        #[derive(serde::Serialize)]
        struct Entry<'a> {
            id: &'a str,
            label: &'a str,
            compared: bool,
        }
        let Some(data) = &self.data else { return JsValue::NULL };
        let compared = self.state.compare_indices(data);
        let entries: Vec<Entry> = data
            .indicators
            .iter()
            .enumerate()
            .map(|(i, x)| Entry { id: &x.id, label: x.label.get(self.state.lang), compared: compared.contains(&i) })
            .collect();
        to_js(&entries)
    }

    /// Every line of text the last drawing put on the canvas, `{text, x, y, w, h}` in CSS
    /// pixels as the canvas measured it: for checking that no two labels collide.
    #[wasm_bindgen(js_name = textBoxes)]
    pub fn text_boxes(&self) -> JsValue {
        to_js(&self.marks.texts)
    }

    /// Replaces the dataset with the JSON file's bytes; on failure the widget says why and
    /// returns false.
    pub fn load(&mut self, json: &[u8]) -> bool {
        match data::parse(json) {
            Ok(d) => {
                self.data = Some(d);
                self.failure = None;
                true
            }
            Err(e) => {
                self.data = None;
                self.failure = Some(Failure::Read(e));
                false
            }
        }
    }

    /// A `src` that could not be fetched: the widget says which file and why. `kind` is
    /// `status` (detail: the HTTP status), `type` (detail: the content type), `timeout` or
    /// `network` (detail: the browser's message).
    // `String`s, not `&str`s: the glue hands them over, so they are kept rather than copied.
    pub fn fail_src(&mut self, src: String, kind: String, detail: String) {
        self.data = None;
        self.failure = Some(Failure::Src { src, kind, detail });
    }

    /// Back to the embedded dataset (the `src` attribute was removed).
    pub fn reset_data(&mut self) {
        self.load(data::EMBEDDED_JSON.as_bytes());
    }

    pub fn set_prefers_dark(&mut self, dark: bool) {
        self.prefers_dark = dark;
    }

    /// The host's content width and pixel ratio.
    pub fn resize(&mut self, width: f64, dpr: f64) {
        self.width = if width.is_finite() { width.max(0.0).floor() } else { 0.0 };
        self.dpr = dpr;
    }

    /// Redraws everything: canvas or table, summary and accessible name.
    pub fn render(&mut self) {
        self.hover = None;
        self.tip.show(false);
        canvas::clear(&self.dom.overlay);
        let dark = self.dark();
        set_attribute(&self.dom.wrap, "data-theme", if dark { "dark" } else { "light" });
        set_attribute(&self.dom.wrap, "lang", self.state.lang.code());
        show(&self.dom.fallback, self.data.is_none());
        // A drawing failure belongs to the last attempt; data failures last until new data.
        if matches!(self.failure, Some(Failure::Draw(_))) {
            self.failure = None;
        }
        self.show_failure();
        let Some(data) = &self.data else {
            show(&self.dom.stage, false);
            show(&self.dom.table, false);
            show(&self.dom.source, false);
            return;
        };
        self.source_line(data);
        let warning = crate::text::mismatch_warning(data, self.state.lang);
        self.dom.warning.set_text_content(warning.as_deref());
        show(&self.dom.warning, warning.is_some());
        let table_view = self.state.view == View::Table;
        show(&self.dom.stage, !table_view);
        show(&self.dom.table, table_view);
        let summary = summary::describe(data, &self.state);
        self.dom.summary.set_text_content(Some(&summary));
        if table_view {
            let html = table::view(data, self.state.lang);
            if html != self.table_html {
                self.dom.table.set_inner_html(&html);
                self.table_html = html;
            }
            self.marks = Marks::default();
            return;
        }
        let height = chart::preferred_height(data, &self.state, self.width).unwrap_or(self.height);
        set_px(&self.dom.stage, "height", height);
        set_attribute(&self.dom.plot, "aria-label", &summary::name(data, &self.state));
        let size = chart::pixels(self.width, height);
        // The last drawing's marks go first: at 100,000 points they are megabytes, and the new
        // drawing would otherwise be made while they are still held.
        self.marks = Marks::default();
        match draw(&self.dom.plot, data, &self.state, size, self.dpr, Palette::for_dark(dark)) {
            Ok(marks) => self.marks = marks,
            Err(problem) => {
                self.marks = Marks::default();
                self.failure = Some(Failure::Draw(problem));
                self.show_failure();
            }
        }
        // The overlay takes the drawing's size now, so that a ring drawn on it matches.
        canvas::resize(&self.dom.overlay, size, self.dpr);
        if let Some(html) = self.legend_buttons(data) {
            self.legend_html = html;
        }
    }

    /// Makes what pointing at the drawing needs ahead of the first pointer move: the hit index;
    /// the overlay, used once (the browser allocates a resized canvas lazily, on its first use,
    /// which would otherwise cost the first hover about 2 ms); and the hidden tooltip, laid out
    /// with real content. The element calls it once the drawing is on screen, so that the
    /// drawing does not wait on it. A pointer or a key that came first has done all three.
    pub fn prepare_pointing(&mut self) {
        self.marks.prepare();
        if self.hover.is_some() {
            return;
        }
        let size = chart::pixels(self.marks.width, self.marks.height);
        let _ = canvas::backend(&self.dom.overlay, size, self.dpr);
        let first = self.marks.targets().first();
        let datum = self.data.as_ref().zip(first).and_then(|(d, t)| text::datum(d, &self.state, t.indicator, t.report));
        if let Some(datum) = datum {
            self.tip.fill(&datum);
        }
    }

    /// Pointer moved to, or (on touch screens, which have no hover) tapped at, (x, y) in CSS
    /// pixels relative to the canvas. Draws the hover ring on the overlay and fills the tooltip;
    /// the chart itself is not redrawn.
    pub fn pointer(&mut self, x: f64, y: f64) {
        let target = hit::hit(&self.marks, x, y);
        if target != self.hover {
            self.focus(target, false);
        }
    }

    pub fn leave(&mut self) {
        self.focus(None, false);
    }

    /// The tooltip's laid-out size changed (the element's ResizeObserver): placed again, before
    /// the frame is painted, if it is showing.
    pub fn tip_resized(&mut self, width: f64, height: f64) {
        self.tip.resized(width, height);
        self.place_tip();
    }

    /// Shows or hides a series (its legend button was pressed).
    pub fn toggle(&mut self, id: &str) {
        self.state.toggle_hidden(id);
    }

    /// A key pressed on the focused chart. Arrows, Home and End move between data points and
    /// announce the value; Escape clears. Returns whether the key was used.
    pub fn key(&mut self, key: &str) -> bool {
        if key == "Escape" {
            let had = self.hover.is_some();
            self.focus(None, false);
            self.dom.live.set_text_content(None);
            return had;
        }
        let Some(step) = hit::Step::from_key(key) else { return false };
        let next = hit::navigate(&self.marks, self.hover, step);
        self.focus(next, true);
        true
    }

    /// The two embed snippets for the current view, `{ element, iframe }`; `base` is the URL the
    /// project is served from, ending in '/'.
    pub fn embed_code(&self, base: &str) -> JsValue {
        let title = self.data.as_ref().map(|d| summary::name(d, &self.state)).unwrap_or_default();
        #[derive(serde::Serialize)]
        struct Snippets {
            element: String,
            iframe: String,
        }
        to_js(&Snippets {
            element: crate::embed::element(&self.state, base),
            iframe: crate::embed::iframe(&self.state, base, &title),
        })
    }

    /// The current view's export as SVG: the chart drawn by the same code as the canvas, with
    /// its title, what it shows and its source, laid out with the canvas's measurements.
    /// `theme` as `export_dark` reads it.
    pub fn svg(&self, theme: Option<String>) -> String {
        let mut out = String::new();
        let drawn = self.export(theme.as_deref(), |size| Some(canvas::svg(&mut out, size)));
        drawn.map(|()| out).unwrap_or_default()
    }

    /// The current view's export (as `svg`) drawn at twice its CSS size on a canvas of its
    /// own, for the element's `toPNG`: the screen's canvas is left as
    /// it is. `None` when there is nothing to draw or the browser gives no canvas.
    pub fn png_canvas(&self, theme: Option<String>) -> Option<web_sys::HtmlCanvasElement> {
        let target = canvas::detached(&self.dom.plot)?;
        self.export(theme.as_deref(), |size| {
            if !canvas::fits(size) {
                return None;
            }
            canvas::resize(&target, size, PNG_RATIO);
            canvas::backend(&target, size, PNG_RATIO)
        })?;
        Some(target)
    }

    /// What the current view shows, as CSV.
    pub fn csv(&self) -> String {
        self.data.as_ref().map(|d| table::csv(d, &self.state)).unwrap_or_default()
    }

    /// The accessible summary of the current view.
    pub fn summary(&self) -> String {
        self.data.as_ref().map(|d| summary::describe(d, &self.state)).unwrap_or_default()
    }

    /// The largest dataset file read, in bytes: the element stops a `src` download there,
    /// before anything reaches the wasm.
    pub fn max_bytes() -> u32 {
        u32::try_from(data::MAX_BYTES).unwrap_or(u32::MAX)
    }

    /// A `src` is being fetched: until `load` or a failure, the widget shows no dataset (not
    /// the embedded one), but the host's fallback content and a loading message in words.
    /// The canvas is made ready for the drawing meanwhile.
    pub fn loading(&mut self, src: String) {
        self.data = None;
        self.failure = Some(Failure::Loading { src });
        canvas::prepare(&self.dom.plot);
    }

    /// A `src` larger than `max_bytes`: `bytes` is its size when the server said it
    /// (Content-Length), `None` when the download was stopped at the limit.
    pub fn fail_size(&mut self, src: String, bytes: Option<f64>) {
        self.data = None;
        self.failure = Some(match bytes {
            Some(b) if b.is_finite() && b > 0.0 => Failure::Read(data::DataError {
                place: data::Place::File,
                problem: data::Problem::TooLarge { bytes: b as usize, limit: data::MAX_BYTES },
            }),
            _ => Failure::TooLarge { src },
        });
    }
}

impl Chart {
    /// The `height` attribute: whole CSS pixels from 120 to 4000, "px" optional. A bad value
    /// gets a message and, as the message says, the default height.
    fn set_height(&mut self, value: Option<&str>) -> Option<String> {
        let Some(text) = value else {
            self.height = DEFAULT_HEIGHT;
            return None;
        };
        let v = text.trim();
        // Decimal digits with an optional leading '+', as `str::parse` reads them.
        match v.strip_suffix("px").unwrap_or(v).trim_end().parse::<u32>().ok() {
            Some(h) if (120..=4000).contains(&h) => {
                self.height = f64::from(h);
                None
            }
            _ => {
                self.height = DEFAULT_HEIGHT;
                Some(filled(
                    "height=\"{0}\" is not a whole number of pixels from 120 to 4000; using {1}",
                    &[&clip(text), &crate::decimal::short(DEFAULT_HEIGHT)],
                ))
            }
        }
    }

    /// Whether the dark palette applies: the `theme` attribute, or the reader's preference.
    fn dark(&self) -> bool {
        match self.state.theme {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::Auto => self.prefers_dark,
        }
    }

    /// The export laid out with `measured_by`'s text measurements and drawn on the surface
    /// `surface` makes for its size; `None` when there is no data or nothing to draw on.
    fn export<'a>(
        &self,
        theme: Option<&str>,
        surface: impl FnOnce((u32, u32)) -> Option<canvas::Canvas<'a>>,
    ) -> Option<()> {
        let data = self.data.as_ref()?;
        let layout = export::Layout::new(data, &self.state, self.chart_size(), &canvas::Metrics);
        let palette = Palette::for_dark(self.export_dark(theme));
        export::draw_on(surface(layout.size)?, &layout, data, &self.state, palette).ok().map(drop)
    }

    /// Whether an export is dark. Exports are light, for documents and print, unless the
    /// embedder asks: `"dark"`, or `"widget"` for the palette the widget shows now (README,
    /// Exports). Anything else is light.
    fn export_dark(&self, theme: Option<&str>) -> bool {
        match theme {
            Some("dark") => true,
            Some("widget") => self.dark(),
            _ => false,
        }
    }

    /// The chart an export holds: the widget's drawing, as wide as the widget (the table view
    /// draws none).
    fn chart_size(&self) -> (u32, u32) {
        chart::pixels(self.width, self.marks.height)
    }

    /// The compact source line under the chart, its link to the dataset's page.
    fn source_line(&self, data: &Dataset) {
        let html = chart::credit::source_html(data, self.state.lang);
        if self.dom.source.inner_html() != html {
            self.dom.source.set_inner_html(&html);
        }
        show(&self.dom.source, !html.is_empty());
    }

    /// Real buttons over the legend drawn on the canvas, so the legend works from the keyboard
    /// and for screen readers. The buttons are kept when the series are the same, so focus
    /// stays where it was across a redraw.
    /// Returns the buttons' HTML when it wrote them anew.
    fn legend_buttons(&self, data: &Dataset) -> Option<String> {
        let legend = &self.dom.legend;
        set_attribute(legend, "aria-label", crate::i18n::word(crate::i18n::Word::Legend, self.state.lang));
        let mut html = String::new();
        let mut count = 0;
        for e in &self.marks.legend {
            if let Some(ind) = data.indicators.get(e.indicator) {
                html.push_str("<button type=\"button\" data-series=\"");
                html.push_str(&text::escape(&ind.id));
                html.push_str("\"></button>");
                count += 1;
            }
        }
        let children = legend.children();
        let same = children.length() as usize == count && html == self.legend_html;
        if !same {
            legend.set_inner_html(&html);
        }
        for (i, entry) in self.marks.legend.iter().enumerate() {
            let (Some(ind), Some(button)) = (data.indicators.get(entry.indicator), children.item(i as u32)) else {
                continue;
            };
            let shown = !self.state.is_hidden(data, entry.indicator);
            set_attribute(&button, "aria-pressed", if shown { "true" } else { "false" });
            button.set_text_content(Some(ind.short.get(self.state.lang)));
            // A button this method made.
            let el = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&button);
            let r = entry.hit;
            for &(property, value) in &[("left", r.x), ("top", r.y), ("width", r.w), ("height", r.h)] {
                set_px(el, property, value);
            }
        }
        (!same).then_some(html)
    }

    /// Shows the current failure, if any, in words in the reader's language.
    fn show_failure(&self) {
        let lang = self.state.lang;
        if let Some(Failure::Loading { src }) = &self.failure {
            let words = filled(crate::i18n::pick(lang, LOADING), &[src]);
            self.dom.warning.set_text_content(Some(&words));
            show(&self.dom.warning, true);
        } else if self.data.is_none() {
            // A dataset's warning is written by `render`; with none, nothing to warn about.
            self.dom.warning.set_text_content(None);
            show(&self.dom.warning, false);
        }
        let message = self.failure.as_ref().and_then(|f| match f {
            Failure::Read(e) => Some(crate::i18n::read_failure(lang, &e.message(lang))),
            Failure::Src { src, kind, detail } => Some(crate::i18n::load_failure(lang, src, kind, detail)),
            Failure::TooLarge { src } => {
                Some(filled(crate::i18n::pick(lang, TOO_LARGE), &[src, &crate::decimal::count(data::MAX_BYTES)]))
            }
            Failure::Draw(detail) => Some(crate::i18n::draw_failure(lang, detail)),
            Failure::Loading { .. } => None,
        });
        self.dom.error.set_text_content(message.as_deref());
        show(&self.dom.error, message.is_some());
    }

    /// Places the tooltip by the hovered target with its last known size.
    fn place_tip(&mut self) {
        let Some(target) = self.hover.and_then(|t| self.marks.targets().get(t)) else { return };
        let at = hit::tooltip_position(target, self.tip.size(), (self.width, self.marks.height));
        self.tip.place(at);
    }

    /// Moves the highlight to `target`: overlay ring, tooltip, and (for keyboard focus) the
    /// live region.
    fn focus(&mut self, target: Option<usize>, announce: bool) {
        self.hover = target;
        let dark = self.dark();
        let size = chart::pixels(self.marks.width, self.marks.height);
        let overlay = canvas::backend(&self.dom.overlay, size, self.dpr);
        if let (Some(overlay), Some(t)) = (overlay, target) {
            // The overlay is decoration: if it cannot be drawn, the tooltip still says it all.
            let _ = chart::highlight(&overlay.into_drawing_area(), &self.marks, t, Palette::for_dark(dark));
        }
        let datum = target.and_then(|t| {
            let t = self.marks.targets().get(t)?;
            text::datum(self.data.as_ref()?, &self.state, t.indicator, t.report)
        });
        let Some(datum) = datum else {
            self.tip.show(false);
            return;
        };
        self.tip.fill(&datum);
        self.tip.show(true);
        self.place_tip();
        if announce {
            self.dom.live.set_text_content(Some(&datum.sentence()));
        }
    }
}

/// `value` as a plain JavaScript value (objects, not Maps).
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// The view drawn by plotters on the widget's canvas, with the marks it left.
fn draw(
    plot: &web_sys::HtmlCanvasElement,
    data: &Dataset,
    state: &ViewState,
    size: (u32, u32),
    dpr: f64,
    palette: &Palette,
) -> Result<Marks, String> {
    if !canvas::fits(size) {
        return Err(filled(
            "the chart would be {0} × {1} pixels, more than a browser can draw",
            &[&size.0.to_string(), &size.1.to_string()],
        ));
    }
    canvas::resize(plot, size, dpr);
    let backend = canvas::backend(plot, size, dpr).ok_or_else(|| "the browser gave no 2D canvas".to_string())?;
    chart::draw_on(backend, data, state, palette).map_err(|e| e.to_string())
}

/// What the widget says while its `src` loads, in English|Azerbaijani|Russian.
const LOADING: &str = "Loading the data file \u{201c}{0}\u{201d}\u{2026}\
    |\u{201c}{0}\u{201d} məlumat faylı yüklənir\u{2026}\
    |Загружается файл данных \u{ab}{0}\u{bb}\u{2026}";

/// A `src` stopped at the size limit while it streamed in.
const TOO_LARGE: &str =
    "The data file \u{201c}{0}\u{201d} could not be loaded: it is larger than the limit of {1} bytes.\
    |\u{201c}{0}\u{201d} məlumat faylı yüklənmədi: fayl {1} bayt həddindən böyükdür.\
    |Файл данных \u{ab}{0}\u{bb} не загружен: он больше предела в {1} байт.";

/// A value as a message quotes it: at most 60 bytes (cut at a character), so that a bad
/// megabyte-long attribute does not become a megabyte-long warning.
fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 60;
    if text.len() <= MAX {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    std::borrow::Cow::Owned(filled("{0}\u{2026}", &[text.get(..end).unwrap_or_default()]))
}
