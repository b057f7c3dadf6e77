// Shared page side of the benchmark: the data, the first-pixels probe and the hover probe.
// Each page calls register(adapter); the harness drives everything through window.__bench.

const params = new URLSearchParams(location.search);
/** A scale-test dataset (its URL), or null for the three legal-migration indicators. */
export const dataUrl = params.get('data');
export const LEGAL = ['stay-registration', 'residence-permits', 'citizenship'];
/** The widget's light palette (Okabe & Ito), so every library draws the same colours. */
export const COLOURS = ['#0072b2', '#c85200', '#008562', '#b54f8c', '#8a6d00', '#3d8ac4', '#6b6b6b', '#9e3d00'];
export const fmt = new Intl.NumberFormat('en-US');

const bench = (window.__bench = { t0: null, firstPixels: null, drawn: null });

/** Full render time starts here: library code loaded, data not yet fetched. */
export function start() {
  bench.t0 = performance.now();
}

/** Report labels and series in the dataset schema: legal indicators, or every one at scale. */
export async function loadSeries() {
  const data = await (await fetch(dataUrl || '/data/migration-az.json')).json();
  const en = (t) => (typeof t === 'string' ? t : t.en);
  const chosen = dataUrl ? data.indicators : LEGAL.map((id) => data.indicators.find((i) => i.id === id));
  return {
    labels: data.reports.map((r) => en(r.label)),
    series: chosen.map((i) => ({ id: i.id, label: en(i.short || i.label), values: i.values })),
  };
}

/** The library says it has drawn everything (render time ends here). */
export function drawn() {
  bench.drawn ??= performance.now();
}

function hasInk(canvas) {
  if (!canvas || !canvas.width || !canvas.height) return false;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < data.length; i += 12) {
    if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) return true;
  }
  return false;
}

export function visible(el) {
  if (!el || !el.isConnected || el.hidden) return false;
  const s = getComputedStyle(el);
  return s.display !== 'none' && s.visibility !== 'hidden' && el.textContent.trim() !== '';
}

let adapter = null;
/** adapter: { canvas(), tipVisible(), onTipChange(cb), hoverPoint() → {x, y} in client px }. */
export function register(a) {
  adapter = a;
}

// First chart pixels: checked once per frame from the first module script that runs.
function poll() {
  if (hasInk(adapter?.canvas())) bench.firstPixels = performance.now();
  else requestAnimationFrame(poll);
}
requestAnimationFrame(poll);

bench.ready = () => bench.firstPixels !== null && bench.drawn !== null && adapter !== null;
bench.hoverPoint = () => adapter.hoverPoint();
bench.tipVisible = () => adapter.tipVisible();

/**
 * Arms the hover probe for the next pointer move. Resolves with
 *   dom:   pointermove event timeStamp → the tooltip is shown (DOM mutation, or the canvas
 *          tooltip drawn for Chart.js);
 *   work:  the pointermove listener runs (capture, on window) → the tooltip is shown: the
 *          library's own processing, without the browser's input queueing;
 *   frame: pointermove event timeStamp → the first requestAnimationFrame callback after that,
 *          i.e. the frame that paints it;
 * or null when no tooltip appears within 3 s.
 */
bench.armHover = (timeout = 3000) =>
  new Promise((resolve) => {
    let evT = null;
    let handled = null;
    let done = false;
    const onMove = (e) => { if (evT === null) { evT = e.timeStamp; handled = performance.now(); } };
    addEventListener('pointermove', onMove, { capture: true });
    const finish = (value) => {
      if (done) return;
      done = true;
      removeEventListener('pointermove', onMove, { capture: true });
      resolve(value);
    };
    adapter.onTipChange(() => {
      if (done || evT === null || !adapter.tipVisible()) return;
      const dom = performance.now();
      requestAnimationFrame(() => finish({ dom: dom - evT, work: dom - handled, frame: performance.now() - evT }));
    });
    setTimeout(() => finish(null), timeout);
  });

/** A MutationObserver-based onTipChange for DOM tooltips. */
export function observe(root) {
  return (cb) => new MutationObserver(cb).observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
}
