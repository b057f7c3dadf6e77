// Markdown for BENCHMARKS.md from one run's medians.
const ms = (v) => (v == null ? 'n/a' : v < 10 ? v.toFixed(1) : Math.round(v).toString());
const kb = (v) => (v == null ? 'n/a' : `${(v / 1024).toFixed(1)} KB`);
const mb = (v) => (v == null ? 'n/a' : `${(v / 1048576).toFixed(2)} MB`);
const ratio = (a, b) => (a == null || b == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
const NAMES = { widget: '`<migration-chart>`', chartjs: 'Chart.js', uplot: 'uPlot', echarts: 'ECharts' };

export function markdown({ machine, rounds, scaleRounds, versions, main, scale }) {
  const out = [];
  out.push(`Run ${machine.date} on ${machine.nproc} cores (${machine.cpu}), Chromium ${machine.chromium}, Node ${machine.node}; `
    + `${rounds} interleaved rounds for the main table, ${scaleRounds} for the scale table. Medians. `
    + `Libraries: ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out.push('');
  out.push('| Chart | First chart pixels | Hover → tooltip in DOM | of which handler work | Hover → next frame | Gzip JS+wasm+CSS (raw) | JS heap after GC | Wasm memory |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [lib, m] of Object.entries(main)) {
    out.push(`| ${NAMES[lib]} | ${ms(m.firstPixels)} ms | ${ms(m.hoverDom)} ms | ${ms(m.hoverWork)} ms | ${ms(m.hoverFrame)} ms | ${kb(m.gzip)} (${kb(m.raw)}) | ${mb(m.jsHeap)} | ${m.wasm ? mb(m.wasm) : '—'} |`);
  }
  if (scale.length) {
    out.push('');
    out.push('| Points (series × reports) | Chart | Full render (fetch → drawn) | Hover → tooltip in DOM | of which handler work | Hover → next frame | JS heap after GC | Wasm memory |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const s of scale) {
      for (const [lib, m] of Object.entries(s.libs)) {
        out.push(`| ${s.points.toLocaleString('en-US')} (${s.k} × ${s.r}) | ${NAMES[lib]} | ${ms(m.render)} ms | ${ms(m.hoverDom)} ms | ${ms(m.hoverWork)} ms | ${ms(m.hoverFrame)} ms | ${mb(m.jsHeap)} | ${m.wasm ? mb(m.wasm) : '—'} |`);
      }
    }
  }
  const failed = [['main', main], ...scale.map((s) => [`${s.points} points`, s.libs])]
    .flatMap(([where, libs]) => Object.entries(libs).filter(([, m]) => m.failures?.length)
      .map(([lib, m]) => `${where}, ${NAMES[lib]}: ${m.failures.length} failed visit(s) (${m.failures[0]})`));
  if (failed.length) out.push('', 'Failed visits (left out of the medians):', '', ...failed.map((f) => `- ${f}`));
  const w = main.widget;
  const big = scale.find((s) => s.points === 100000)?.libs.widget;
  out.push('');
  out.push('| Target | Measured | Met? |');
  out.push('|---|---|---|');
  const row = (t, m, ok) => out.push(`| ${t} | ${m} | ${ok == null ? 'n/a' : ok ? 'yes' : '**no**'} |`);
  if (w && main.chartjs) row('gzip bytes below Chart.js', `${kb(w.gzip)} vs ${kb(main.chartjs.gzip)} (${ratio(w.gzip, main.chartjs.gzip)})`, w.gzip < main.chartjs.gzip);
  if (w) row('gzip bytes under 60 KB', kb(w.gzip), w.gzip < 60 * 1024);
  if (w && main.uplot) row('first chart pixels no later than uPlot', `${ms(w.firstPixels)} vs ${ms(main.uplot.firstPixels)} ms (${ratio(w.firstPixels, main.uplot.firstPixels)})`, w.firstPixels <= main.uplot.firstPixels);
  if (w) row('hover → tooltip within one frame (16.7 ms, to the next frame)', `${ms(w.hoverFrame)} ms`, w.hoverFrame != null && w.hoverFrame <= 1000 / 60);
  if (w && main.uplot) row('hover no slower than uPlot (to the next frame)', `${ms(w.hoverFrame)} vs ${ms(main.uplot.hoverFrame)} ms (${ratio(w.hoverFrame, main.uplot.hoverFrame)})`, w.hoverFrame != null && main.uplot.hoverFrame != null ? w.hoverFrame <= main.uplot.hoverFrame : null);
  if (big) row('100,000 points: full render under 50 ms', `${ms(big.render)} ms`, big.render < 50);
  if (big) row('100,000 points: hover under 2 ms (handler work: listener → tooltip in DOM)', `${ms(big.hoverWork)} ms (event timeStamp → DOM: ${ms(big.hoverDom)} ms)`, big.hoverWork != null && big.hoverWork < 2);
  return out.join('\n');
}
