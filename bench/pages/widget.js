// <migration-chart>: the Compare bar chart of the three legal-migration indicators (its embedded
// dataset), or with ?data=… every indicator of a scale-test file loaded through `src`.
import init from '/www/pkg/migration_charts.js';
import { dataUrl, drawn, observe, register, start, visible } from './common.js';

const SERIES0 = [0x00, 0x72, 0xb2];

const el = document.createElement('migration-chart');
el.id = 'chart';
el.setAttribute('view', 'compare');
el.setAttribute('mark', 'bars');
el.setAttribute('height', '400');
if (dataUrl) el.setAttribute('src', dataUrl); // all indicators share one group: all are compared
else el.setAttribute('indicators', 'stay-registration,residence-permits,citizenship');
el.addEventListener('ready', drawn, { once: true });

const plot = () => el.shadowRoot?.getElementById('plot');
const tip = () => el.shadowRoot?.getElementById('tip');

/** The leftmost bar found in the canvas pixels (the widget exposes no geometry). */
function hoverPoint() {
  const c = plot();
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
});

if (dataUrl) await init(); // the wasm is compiled before the render clock starts
start();
document.body.append(el);
