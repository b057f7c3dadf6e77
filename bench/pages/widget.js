// <migration-chart>: the Compare bar chart of the three legal-migration indicators (its embedded
// dataset), or with ?data=… a scale-test file loaded through `src`, in ?view=… and ?mark=….
import init from '/www/pkg/migration_charts.js';
import { dataUrl, drawn, mark, observe, register, start, view, visible } from './common.js';

const SERIES0 = [0x00, 0x72, 0xb2];

const el = document.createElement('migration-chart');
el.id = 'chart';
el.setAttribute('view', dataUrl ? view : 'compare');
el.setAttribute('mark', dataUrl ? mark : 'bars');
el.setAttribute('height', '400');
if (dataUrl) el.setAttribute('src', dataUrl); // Compare shows the file's first group: all its series
else el.setAttribute('indicators', 'stay-registration,residence-permits,citizenship');
// What the element says it shows as `ready` fires: its state and the dataset's indicators.
el.addEventListener('ready', () => drawn(() => {
  const { view: v, mark: m } = el.state ?? {};
  const list = el.indicators ?? [];
  return { view: v, mark: m, ids: list.map((i) => i.id), compared: list.filter((i) => i.compared).map((i) => i.id) };
}), { once: true });

/** The data rows of the element's CSV: how many, the first and the last. */
function csv() {
  const rows = el.toCSV().split('\r\n').filter(Boolean).slice(1);
  return { rows: rows.length, first: rows[0] ?? null, last: rows[rows.length - 1] ?? null };
}

const plot = () => el.shadowRoot?.getElementById('plot');
const tip = () => el.shadowRoot?.getElementById('tip');

/** The leftmost bar found in the canvas pixels (the widget exposes no geometry); for lines at
 *  scale, the middle of the plot. */
function hoverPoint() {
  const c = plot();
  if (dataUrl && mark === 'lines') {
    const r = c.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  const { width: w, height: h } = c;
  const d = c.getContext('2d').getImageData(0, 0, w, h).data;
  const near = (i, rgb) => rgb.every((v, k) => Math.abs(d[i + k] - v) < 12);
  const coloured = (i) => Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60;
  const match = dataUrl ? coloured : (i) => near(i, SERIES0);
  const run = (x) => { // the tallest vertical run of matching pixels in column x
    let best = null;
    for (let y = 0, top = -1; y <= h; y++) {
      const m = y < h && match((y * w + x) * 4);
      if (m && top < 0) top = y;
      if (!m && top >= 0) {
        if (!best || y - top > best.bottom - best.top) best = { top, bottom: y };
        top = -1;
      }
    }
    return best && best.bottom - best.top >= 20 ? best : null;
  };
  let x0 = 0;
  while (x0 < w && !run(x0)) x0++;
  let x1 = x0;
  while (x1 + 1 < w && run(x1 + 1)) x1++;
  const { top, bottom } = run(x0);
  const r = c.getBoundingClientRect();
  const k = w / r.width;
  return dataUrl
    ? { x: r.left + (x0 + 0.5) / k, y: r.top + (bottom - 3) / k }
    : { x: r.left + (x0 + x1 + 1) / 2 / k, y: r.top + (top + bottom) / 2 / k };
}

register({
  canvas: plot,
  tipVisible: () => visible(tip()),
  onTipChange: (cb) => observe(el.shadowRoot)(cb),
  hoverPoint,
  csv,
});

if (dataUrl) await init(); // the wasm is compiled before the render clock starts
start();
document.body.append(el);
