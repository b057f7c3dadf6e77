// Chart.js: grouped bars with its built-in (canvas-drawn) tooltip; at scale with ?mark=lines,
// lines without point markers.
import { COLOURS, dataUrl, drawn, loadSeries, mark, peerSnapshot, register, start } from './common.js';

start();
const { labels, series } = await loadSeries();
const box = Object.assign(document.createElement('div'), { id: 'chart' });
const canvas = document.createElement('canvas');
box.append(canvas);
document.body.append(box);

const tipListeners = [];
const lines = Boolean(dataUrl) && mark === 'lines';
const chart = new Chart(canvas, {
  type: lines ? 'line' : 'bar',
  data: {
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.values,
      backgroundColor: COLOURS[i % COLOURS.length],
      ...(lines ? { borderColor: COLOURS[i % COLOURS.length], borderWidth: 1, pointRadius: 0 } : {}),
    })),
  },
  options: {
    animation: false,
    maintainAspectRatio: false,
    // Bars are far narrower than a pixel at scale: pick the nearest one along x instead.
    interaction: dataUrl ? { mode: 'nearest', axis: 'x', intersect: false } : { mode: 'nearest', intersect: true },
  },
  plugins: [{
    id: 'bench',
    afterRender: (c) => drawn(() => peerSnapshot(c.data.datasets.map((d) => d.data))),
    afterDraw: () => tipListeners.forEach((cb) => cb()),
  }],
});

register({
  canvas: () => canvas,
  tipVisible: () => chart.tooltip.opacity > 0 && chart.tooltip.getActiveElements().length > 0,
  onTipChange: (cb) => tipListeners.push(cb),
  hoverPoint() {
    const bar = chart.getDatasetMeta(0).data[0];
    const r = canvas.getBoundingClientRect();
    return { x: r.left + bar.x, y: r.top + (dataUrl ? bar.base - 3 : (bar.y + bar.base) / 2) };
  },
});
