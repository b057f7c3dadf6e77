// ECharts: grouped bars with its built-in HTML tooltip (trigger: item).
import { COLOURS, dataUrl, drawn, loadSeries, observe, register, start, visible } from './common.js';

start();
const { labels, series } = await loadSeries();
const box = Object.assign(document.createElement('div'), { id: 'chart' });
document.body.append(box);

const chart = echarts.init(box, null, { renderer: 'canvas' });
chart.on('finished', drawn);
chart.setOption({
  animation: false,
  color: COLOURS,
  legend: {},
  tooltip: { trigger: 'item', className: 'echarts-tip' },
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value' },
  series: series.map((s) => ({ type: 'bar', name: s.label, data: s.values })),
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
