// ECharts: grouped bars with its built-in HTML tooltip (trigger: item); at scale with
// ?mark=lines, lines without symbols.
import { COLOURS, dataUrl, drawn, loadSeries, mark, observe, peerSnapshot, register, start, visible } from './common.js';

start();
const { labels, series } = await loadSeries();
const box = Object.assign(document.createElement('div'), { id: 'chart' });
document.body.append(box);

const chart = echarts.init(box, null, { renderer: 'canvas' });
const lines = Boolean(dataUrl) && mark === 'lines';
// What ECharts holds as it finishes: each series' data, read from its model.
chart.on('finished', () => drawn(() => peerSnapshot(chart.getModel().getSeries().map((m) => {
  const d = m.getData();
  return Array.from({ length: d.count() }, (_, i) => d.get(d.mapDimension('y'), i));
}))));
chart.setOption({
  animation: false,
  color: COLOURS,
  legend: {},
  tooltip: { trigger: 'item', className: 'echarts-tip' },
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value' },
  series: series.map((s) => (lines
    ? { type: 'line', name: s.label, data: s.values, showSymbol: false, lineStyle: { width: 1 } }
    : { type: 'bar', name: s.label, data: s.values })),
});

register({
  canvas: () => box.querySelector('canvas'),
  tipVisible: () => visible(box.querySelector('.echarts-tip')),
  onTipChange: observe(box),
  hoverPoint() {
    const bar = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
    const r = box.getBoundingClientRect();
    const bottom = Math.max(bar.y, bar.y + bar.height);
    return { x: r.left + bar.x + bar.width / 2, y: r.top + (dataUrl ? bottom - 3 : bar.y + bar.height / 2) };
  },
});
