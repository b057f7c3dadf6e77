//! Browser tests (wasm-bindgen-test in headless Chromium): the real canvas backend draws,
//! hovering fills the tooltip, and nothing panics. Run by scripts/test.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // tests may stop at the first failure

use migration_charts::web::Chart;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// The ids the widget's shadow root provides (widget/migration-chart.js builds the same ones).
const TEMPLATE: &str = r#"<div id="wrap"><p id="error" hidden></p><p id="warning" hidden></p><div id="stage" style="position:relative">
<canvas id="plot"></canvas><canvas id="overlay" style="position:absolute;left:0;top:0"></canvas><div id="legend"></div>
<div id="tip" hidden style="position:absolute"></div></div><div id="table" hidden></div><p id="source" hidden></p>
<p id="summary"></p><div id="live"></div><div id="fallback"><slot></slot></div></div>"#;

/// A widget host appended to the page (the harness owns `document.body`'s content, so we add
/// to it rather than replace it).
fn mount() -> ShadowRoot {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let host = document.create_element("div").expect("a div");
    host.set_attribute("style", "width:800px").expect("style");
    document.body().expect("a body").append_child(&host).expect("appended");
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).expect("a shadow root");
    root.set_inner_html(TEMPLATE);
    root
}

fn canvas(root: &ShadowRoot, id: &str) -> HtmlCanvasElement {
    root.get_element_by_id(id).expect("canvas").dyn_into().expect("a canvas element")
}

/// A widget host showing the Compare view of the embedded data, drawn 800 px wide at `dpr`.
fn compare(dpr: f64) -> (ShadowRoot, Chart) {
    let root = mount();
    let mut chart = Chart::new(root.clone()).expect("a chart");
    assert_eq!(chart.set("view", Some("compare".into())), None);
    chart.resize(800.0, dpr);
    chart.render();
    (root, chart)
}

/// How many sampled pixels differ from the top-left (background) pixel.
fn inked_pixels(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").expect("ctx").expect("2d").dyn_into().expect("2d");
    let data =
        ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).expect("pixels").data();
    let bg = [data[0], data[1], data[2]];
    data.chunks(4).step_by(7).filter(|p| p[..3] != bg).count()
}

#[wasm_bindgen_test]
fn draws_at_device_pixel_ratio_two_and_hovers() {
    let (root, mut chart) = compare(2.0);
    let plot = canvas(&root, "plot");
    // The backing store is twice the CSS size: sharp on HiDPI screens.
    assert_eq!((plot.width(), plot.height()), (1600, 840));
    assert!(inked_pixels(&plot) > 1000, "the chart drew almost nothing");
    // The first bar (Registration upon place of stay, Report 1) sits left in the first band.
    let tip = root.get_element_by_id("tip").expect("tip");
    let showing = |text: &str| !tip.has_attribute("hidden") && tip.text_content().unwrap_or_default().contains(text);
    assert!(!showing("96,732"), "the tooltip shows before any hover");
    for x in (60..200).step_by(4) {
        chart.pointer(f64::from(x), 300.0);
        if showing("96,732") {
            break;
        }
    }
    assert!(showing("96,732"));
    assert!(inked_pixels(&canvas(&root, "overlay")) > 0, "the hover ring was not drawn");
}

#[wasm_bindgen_test]
fn a_hover_before_pointing_is_prepared_keeps_its_tooltip_and_ring() {
    let (root, mut chart) = compare(1.0);
    let tip = root.get_element_by_id("tip").expect("tip");
    let text = || tip.text_content().unwrap_or_default();
    // A datum other than the first (which `prepare_pointing` lays the hidden tooltip out with).
    let hovered = (300..700).step_by(4).find_map(|x| {
        chart.pointer(f64::from(x), 330.0);
        let t = text();
        (!tip.has_attribute("hidden") && !t.is_empty() && !t.contains("96,732")).then_some(t)
    });
    let hovered = hovered.expect("a datum under the pointer");
    chart.prepare_pointing();
    assert_eq!(text(), hovered, "the tooltip changed under the pointer");
    assert!(!tip.has_attribute("hidden"));
    assert!(inked_pixels(&canvas(&root, "overlay")) > 0, "the hover ring was cleared");
}

/// The summary that describes the canvas to screen readers (its `aria-describedby`) is written
/// with the drawing, for the state drawn, and follows the next change.
#[wasm_bindgen_test]
fn the_summary_is_written_with_the_drawing() {
    let (root, mut chart) = compare(1.0);
    let compared = text(&root, "summary");
    assert!(!compared.is_empty());
    assert_eq!(compared, chart.summary());
    assert_eq!(chart.set("view", Some("breakdown".into())), None);
    chart.render();
    assert_ne!(text(&root, "summary"), compared);
    assert_eq!(text(&root, "summary"), chart.summary());
}

#[wasm_bindgen_test]
fn the_png_export_is_drawn_on_its_own_canvas_and_leaves_the_screen_as_it_was() {
    let (root, chart) = compare(1.0);
    let plot = canvas(&root, "plot");
    let before = (plot.width(), plot.height(), inked_pixels(&plot));
    let export = chart.png_canvas(None).expect("an export canvas");
    assert!(export.parent_node().is_none(), "the export canvas is in no page");
    // Twice the size, and taller than the chart by its header and footer.
    assert_eq!(export.width(), 1600);
    assert!(export.height() > 840 + 2 * 80, "{}", export.height());
    assert!(inked_pixels(&export) > 1000);
    assert_eq!((plot.width(), plot.height(), inked_pixels(&plot)), before, "the screen's canvas changed");
    let source = root.get_element_by_id("source").expect("source");
    assert!(!source.has_attribute("hidden"));
    assert!(source.text_content().unwrap_or_default().starts_with("Source: State Migration Service"));
}

#[wasm_bindgen_test]
fn a_bad_height_falls_back_to_the_default_it_names() {
    let root = mount();
    let mut chart = Chart::new(root.clone()).expect("a chart");
    assert_eq!(chart.set("view", Some("compare".into())), None);
    assert_eq!(chart.set("height", Some("300px".into())), None);
    chart.resize(800.0, 1.0);
    chart.render();
    assert_eq!(canvas(&root, "plot").height(), 300);
    let message = chart.set("height", Some("tall".into())).expect("a message");
    assert!(message.ends_with("using 420"), "{message}");
    chart.render();
    assert_eq!(canvas(&root, "plot").height(), 420);
}

#[wasm_bindgen_test]
fn bad_input_is_reported_in_words_not_a_panic() {
    let root = mount();
    let mut chart = Chart::new(root.clone()).expect("a chart");
    assert!(chart.set("view", Some("pie".into())).is_some());
    assert!(!chart.load(b"{ not json"));
    chart.resize(0.0, f64::NAN);
    chart.render();
    chart.pointer(f64::NAN, 1e9);
    let error = root.get_element_by_id("error").expect("error");
    assert!(error.text_content().unwrap_or_default().contains("not valid JSON"));
}

#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "export function catching(f) { try { f(); return null; } catch (e) { return String(e); } }"
)]
extern "C" {
    fn catching(f: &wasm_bindgen::closure::Closure<dyn FnMut()>) -> Option<String>;
}

#[wasm_bindgen_test]
fn a_panic_traps_so_the_element_can_say_so() {
    // A panic aborts: JS sees a trap (a thrown RuntimeError), which the element catches and
    // shows in words in that widget. The release build aborts at once, without a message.
    let boom = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| panic!("boom for the test"));
    let thrown = catching(&boom);
    assert!(thrown.is_some_and(|e| e.contains("unreachable")), "the panic did not trap");
}

fn shown(root: &ShadowRoot, id: &str) -> bool {
    !root.get_element_by_id(id).expect(id).has_attribute("hidden")
}

fn text(root: &ShadowRoot, id: &str) -> String {
    root.get_element_by_id(id).expect(id).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn while_src_loads_no_data_is_shown_but_words_and_the_fallback() {
    let root = mount();
    let mut chart = Chart::new(root.clone()).expect("a chart");
    chart.set("view", Some("compare".into()));
    chart.loading("/data/feb.json".into());
    chart.resize(800.0, 1.0);
    chart.render();
    assert!(!shown(&root, "stage") && !shown(&root, "table") && !shown(&root, "error"));
    assert!(shown(&root, "fallback") && shown(&root, "warning"));
    assert_eq!(text(&root, "warning"), "Loading the data file \u{201c}/data/feb.json\u{201d}\u{2026}");
    assert_eq!((chart.csv(), chart.summary()), (String::new(), String::new()), "the embedded data is not exported");
    chart.set("lang", Some("az".into()));
    chart.render();
    assert_eq!(text(&root, "warning"), "\u{201c}/data/feb.json\u{201d} məlumat faylı yüklənir\u{2026}");
    assert!(chart.load(include_bytes!("../data/examples/february-2017.json")));
    chart.render();
    assert!(shown(&root, "stage") && !shown(&root, "fallback") && !shown(&root, "warning"));
    assert!(chart.csv().contains("2017-02"));
}

#[wasm_bindgen_test]
fn a_file_over_the_limit_is_refused_in_words() {
    assert_eq!(Chart::max_bytes(), 4 * 1024 * 1024);
    let root = mount();
    let mut chart = Chart::new(root.clone()).expect("a chart");
    chart.resize(800.0, 1.0);
    chart.fail_size("/big.json".into(), Some(5_000_000.0));
    chart.render();
    assert_eq!(
        text(&root, "error"),
        "The data could not be read: the file is 5000000 bytes; the limit is 4194304 bytes."
    );
    chart.fail_size("/bomb.json".into(), None);
    chart.render();
    assert_eq!(
        text(&root, "error"),
        "The data file \u{201c}/bomb.json\u{201d} could not be loaded: it is larger than the limit of 4194304 bytes."
    );
    assert!(shown(&root, "error") && !shown(&root, "stage") && !shown(&root, "warning"));
}

#[wasm_bindgen_test]
fn a_long_bad_value_is_quoted_short() {
    let root = mount();
    let mut chart = Chart::new(root).expect("a chart");
    let long = "ü".repeat(1 << 20);
    let message = chart.set("mode", Some(long.clone())).expect("a message");
    assert_eq!(message, format!("mode=\"{}\u{2026}\" is not known; using \"absolute\"", "ü".repeat(30)));
    let message = chart.set("height", Some(long)).expect("a message");
    assert!(message.chars().count() < 150, "{message}");
    // `hidden` is HTML's: the series switched off are `hidden-series`.
    assert!(chart.set("hidden", Some("citizenship".into())).is_some());
    assert_eq!(chart.set("hidden-series", Some("citizenship".into())), None);
    assert_eq!(chart.hash(), "hidden-series=citizenship");
}

/// Issue 16 #5: an Overview too tall for any canvas (700 indicators) says so in words instead
/// of asking the browser for a canvas it refuses, which would draw nothing without an error.
#[wasm_bindgen_test]
fn a_chart_too_large_for_a_canvas_says_so() {
    // Overview draws at most six rows of panels, so a chart wider than a browser's canvas
    // (32,767 px a side) is what reaches the limit.
    let file = r#"{"groups":[{"id":"g","label":"G"}],"reports":[{"id":"a","label":"A"}],"indicators":[{"id":"i","group":"g","label":"I","values":[1]}]}"#;
    let root = mount();
    let mut chart = Chart::new(root.clone()).expect("a chart");
    assert!(chart.load(file.as_bytes()));
    chart.resize(40_000.0, 2.0);
    chart.render();
    let plot = canvas(&root, "plot");
    assert!(f64::from(plot.width()) * f64::from(plot.height()) <= 16_777_216.0, "{}x{}", plot.width(), plot.height());
    let error = root.get_element_by_id("error").expect("error");
    assert!(!error.has_attribute("hidden"), "no words for a chart that cannot be drawn");
    let words = error.text_content().unwrap_or_default();
    assert!(words.contains("more than a browser can draw"), "{words}");
}
