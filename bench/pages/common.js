// Shared page side of the benchmark: the data, the first-pixels probe and the hover probe.
// Each page calls register(adapter); the harness drives everything through window.__bench.

const params = new URLSearchParams(location.search);
/** A scale-test dataset (its URL), or null for the three legal-migration indicators. */
export const dataUrl = params.get('data');
/** At scale: the view and mark drawn (the widget draws every view; peers Compare's marks). */
export const view = params.get('view') || 'compare';
export const mark = params.get('mark') || 'bars';
export const LEGAL = ['stay-registration', 'residence-permits', 'citizenship'];
/** The widget's light palette (Okabe & Ito), so every library draws the same colours. */
export const COLOURS = ['#0072b2', '#c85200', '#008562', '#b54f8c', '#8a6d00', '#3d8ac4', '#6b6b6b', '#9e3d00'];
export const fmt = new Intl.NumberFormat('en-US');

const bench = (window.__bench = { t0: null, firstPixels: null, drawn: null, shown: null });

// Main-thread tasks over 50 ms, observed from the first module script, before any chart exists.
const longTasks = [];
const hasLongTasks = Boolean(PerformanceObserver.supportedEntryTypes?.includes('longtask'));
const taskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
if (hasLongTasks) taskObserver.observe({ type: 'longtask' });

/** Full render time starts here: library code loaded, data not yet fetched. */
export function start() {
  bench.t0 = performance.now();
}

/** Report labels and series in the dataset schema: legal indicators, or every one at scale. */
export async function loadSeries() {
  return seriesOf(await (await fetch(dataUrl || '/data/migration-az.json')).json());
}

/** The report labels and series a peer draws, from a dataset file as `JSON.parse` reads it. */
export function seriesOf(data) {
  const en = (t) => (typeof t === 'string' ? t : t.en);
  // At scale, the first group: what the widget's Compare shows (the total is in a second group).
  const chosen = dataUrl
    ? data.indicators.filter((i) => i.group === data.groups[0].id)
    : LEGAL.map((id) => data.indicators.find((i) => i.id === id));
  return {
    labels: data.reports.map((r) => en(r.label)),
    series: chosen.map((i) => ({ id: i.id, label: en(i.short || i.label), values: i.values })),
  };
}

/** The library says it has drawn everything (render time ends here). `snapshot`, called at
 *  once, says from the library's own state what it drew, for the harness to check. */
export function drawn(snapshot) {
  if (bench.drawn !== null) return;
  bench.drawn = performance.now();
  try {
    bench.shown = snapshot?.() ?? null;
  } catch (e) {
    bench.shown = { error: String(e) };
  }
}

/** A peer's snapshot from the value arrays it holds: how many, their lengths, first and last. */
export function peerSnapshot(arrays) {
  const last = arrays[arrays.length - 1];
  return { series: arrays.length, lengths: arrays.map((a) => a.length), first: arrays[0]?.[0], last: last?.[last.length - 1] };
}

/**
 * Resolves 100 ms after the drawn signal with the longest main-thread task (ms) that overlapped
 * t0 → drawn + 100 ms (null without the Long Tasks API; 0 when no task took over 50 ms).
 */
bench.settle = () => new Promise((resolve) => {
  const end = () => bench.drawn + 100;
  const wait = () => {
    if (bench.drawn === null || performance.now() < end()) {
      setTimeout(wait, bench.drawn === null ? 10 : Math.max(1, end() - performance.now()));
      return;
    }
    // Entries are queued after each task ends: take those not yet delivered too.
    setTimeout(() => {
      longTasks.push(...taskObserver.takeRecords());
      const overlapping = longTasks.filter((t) => t.startTime + t.duration > bench.t0 && t.startTime < end());
      resolve(hasLongTasks ? Math.max(0, ...overlapping.map((t) => t.duration)) : null);
    }, 0);
  };
  wait();
});

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

// First chart pixels: checked once per frame from the first module script that runs. Not at
// scale, where reading the canvas each frame would add to the work timed (and Table has none).
function poll() {
  if (hasInk(adapter?.canvas())) bench.firstPixels = performance.now();
  else requestAnimationFrame(poll);
}
if (!dataUrl) requestAnimationFrame(poll);

bench.ready = () => (dataUrl || bench.firstPixels !== null) && bench.drawn !== null && adapter !== null;
/** At scale, what the widget's CSV holds (after the timed window: it is not free to build). */
bench.csv = () => adapter.csv?.() ?? null;
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
