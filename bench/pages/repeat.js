// The first draw of a file against the later ones, in one page: ?lib=widget|uplot, ?data=URL,
// ?n=times. Each time the file is read again from the same bytes (the widget's `load`, or
// uPlot's JSON.parse and the arrays it draws) and drawn again (the widget's `render`, or a new
// uPlot), each timed on its own. The file is fetched once, before any timing, so that the
// network is not in it. Sets window.result to [[read ms, draw ms], …]. See bench/repeat.mjs.
import init, { Chart } from '/www/pkg/migration_charts.js';
import { seriesOf } from './common.js';
import { uplotData, uplotOptions } from './uplot-options.js';

const params = new URLSearchParams(location.search);
const url = params.get('data');
const times = Number(params.get('n') || 6);
const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
const timed = (f) => {
  const t = performance.now();
  const value = f();
  return [performance.now() - t, value];
};

/** The elements the wasm's `Chart` draws into, by the ids of the element's shadow DOM. */
function widgetRoot() {
  const host = Object.assign(document.createElement('div'), { style: 'width: 1000px' });
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const el = (tag, id, parent = root) => parent.appendChild(Object.assign(document.createElement(tag), { id }));
  const wrap = el('div', 'wrap');
  for (const id of ['error', 'warning']) el('p', id, wrap);
  const stage = el('div', 'stage', wrap);
  for (const id of ['plot', 'overlay']) el('canvas', id, stage);
  for (const id of ['legend', 'tip']) el('div', id, stage);
  el('div', 'table', wrap);
  for (const id of ['source', 'summary']) el('p', id, wrap);
  for (const id of ['live', 'fallback']) el('div', id, wrap);
  return root;
}

async function widget() {
  await init({ module_or_path: '/www/pkg/migration_charts_bg.wasm' });
  const file = JSON.parse(new TextDecoder().decode(bytes));
  const expected = { ids: file.indicators.map((x) => x.id).join(), reports: file.reports.length };
  const chart = new Chart(widgetRoot());
  chart.set('view', 'compare');
  chart.set('mark', 'lines');
  chart.resize(1000, 1);
  const out = [];
  for (let i = 0; i < times; i++) {
    const [read, ok] = timed(() => chart.load(bytes));
    const [draw] = timed(() => chart.render());
    if (!ok) throw new Error('the widget refused the file');
    // What was drawn is the file: the chart holds its indicators, and its table every report.
    const ids = chart.indicators().map((x) => x.id).join();
    if (ids !== expected.ids || chart.csv().split('\n').length < expected.reports) {
      throw new Error('the file was not drawn');
    }
    out.push([read, draw]);
  }
  return out;
}

/** uPlot's part as the scale benchmark's page has it (uplot.js, lines). */
async function uplot() {
  const text = new TextDecoder().decode(bytes);
  const out = [];
  for (let i = 0; i < times; i++) {
    const [read, { labels, series }] = timed(() => seriesOf(JSON.parse(text)));
    const box = document.createElement('div');
    document.body.append(box);
    let drawn;
    const done = new Promise((resolve) => { drawn = resolve; });
    const t = performance.now();
    // uPlot draws in a microtask after it is made: its `draw` hook stops the clock.
    const hooks = { draw: [() => drawn(performance.now() - t)] };
    const u = new uPlot(uplotOptions(labels, series, { lines: true, hooks }), uplotData(labels, series), box);
    const draw = await done;
    if (u.data.length !== series.length + 1 || u.data[1].length !== labels.length) throw new Error('uPlot drew other data');
    out.push([read, draw]);
    u.destroy();
    box.remove();
  }
  return out;
}

window.result = await (params.get('lib') === 'uplot' ? uplot() : widget()).catch((e) => ({ error: String(e) }));
