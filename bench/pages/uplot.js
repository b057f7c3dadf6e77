// uPlot: grouped bars (uPlot.paths.bars with per-series x offsets) and a minimal tooltip from
// the cursor hook, since uPlot has none built in; at scale with ?mark=lines, its plain lines.
import { COLOURS, dataUrl, drawn, fmt, loadSeries, mark, observe, peerSnapshot, register, start, visible } from './common.js';

start();
const { labels, series } = await loadSeries();
const box = Object.assign(document.createElement('div'), { id: 'chart' });
const tip = Object.assign(document.createElement('div'), { className: 'bench-tip' });
tip.style.display = 'none';
document.body.append(box);

const INNER = 0.8; // the share of a report's band the group of bars fills
const k = series.length;
const slot = INNER / k;
const xs = labels.map((_, i) => i);
const left = (s) => xs.map((x) => x - INNER / 2 + s * slot);
const lines = Boolean(dataUrl) && mark === 'lines';

function showTip(u) {
  const { left: cx, top: cy, idx } = u.cursor;
  const s = idx == null || cx < 0 ? -1 : lines ? 0 : Math.floor((u.posToVal(cx, 'x') - (idx - INNER / 2)) / slot);
  const v = s >= 0 && s < k ? u.data[s + 1][idx] : null;
  if (v == null) {
    tip.style.display = 'none';
    return;
  }
  tip.textContent = `${labels[idx]} · ${series[s].label}: ${fmt.format(v)}`;
  tip.style.display = 'block';
  tip.style.left = `${cx + 12}px`;
  tip.style.top = `${cy + 12}px`;
}

const u = new uPlot({
  width: 1000,
  height: 400,
  scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, max * 1.05] } },
  axes: [
    { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (_u, splits) => splits.map((v) => labels[v] ?? '') },
    { values: (_u, splits) => splits.map((v) => fmt.format(v)), size: 60 },
  ],
  cursor: { points: { show: false } },
  series: [
    {},
    ...series.map((s, i) => (lines
      ? { label: s.label, stroke: COLOURS[i % COLOURS.length], width: 1, points: { show: false } }
      : {
        label: s.label,
        fill: COLOURS[i % COLOURS.length],
        stroke: COLOURS[i % COLOURS.length],
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars({ disp: { x0: { unit: 1, values: () => left(i) }, size: { unit: 1, values: () => [slot] } } }),
      })),
  ],
  // What uPlot holds as it draws: its series and their data.
  hooks: { setCursor: [showTip], draw: [(p) => drawn(() => peerSnapshot(p.data.slice(1)))] },
}, [xs, ...series.map((s) => s.values)], box);
u.over.append(tip);

register({
  canvas: () => box.querySelector('canvas'),
  tipVisible: () => visible(tip),
  onTipChange: observe(tip),
  hoverPoint() {
    const r = u.over.getBoundingClientRect();
    if (lines) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    const v = series[0].values[0];
    return { x: r.left + u.valToPos(-INNER / 2 + slot / 2, 'x'), y: r.top + u.valToPos(dataUrl ? 0 : v / 2, 'y') - (dataUrl ? 3 : 0) };
  },
});
