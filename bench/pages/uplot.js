// uPlot: the options of uplot-options.js, and a minimal tooltip from the cursor hook, since
// uPlot has none built in.
import { dataUrl, drawn, fmt, loadSeries, mark, observe, peerSnapshot, register, start, visible } from './common.js';
import { INNER, uplotData, uplotOptions } from './uplot-options.js';

start();
const { labels, series } = await loadSeries();
const box = Object.assign(document.createElement('div'), { id: 'chart' });
const tip = Object.assign(document.createElement('div'), { className: 'bench-tip' });
tip.style.display = 'none';
document.body.append(box);

const k = series.length;
const slot = INNER / k;
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

// What uPlot holds as it draws: its series and their data.
const hooks = { setCursor: [showTip], draw: [(p) => drawn(() => peerSnapshot(p.data.slice(1)))] };
const u = new uPlot(uplotOptions(labels, series, { lines, hooks }), uplotData(labels, series), box);
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
