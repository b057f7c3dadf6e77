// Markdown for BENCHMARKS.md from one run's medians.
const ms = (v) => (v == null ? 'n/a' : v < 10 ? v.toFixed(1) : Math.round(v).toString());
const kb = (v) => (v == null ? 'n/a' : `${(v / 1024).toFixed(1)} KB`);
const mb = (v) => (v == null ? 'n/a' : `${(v / 1048576).toFixed(2)} MB`);
const ratio = (a, b) => (a == null || b == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
const NAMES = { widget: '`<migration-chart>`', chartjs: 'Chart.js', uplot: 'uPlot', echarts: 'ECharts' };

/** Where, when and with what a part was run, and how many rounds. */
function header({ machine, versions, note }, what) {
  return `${note ? `**${note}.** ` : ''}Run ${machine.date} on ${machine.nproc} cores (${machine.cpu}), Chromium ${machine.chromium}, Node ${machine.node}; `
    + `${what}. Medians. Libraries: ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`;
}

export function markdown(result) {
  const { rounds, main } = result;
  const out = [];
  out.push(header(result, `${rounds} interleaved rounds`));
  out.push('');
  out.push('| Chart | First chart pixels | Hover → tooltip in DOM | of which handler work | Hover → next frame | Gzip JS+wasm+CSS (raw) | JS heap after GC | Wasm memory |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [lib, m] of Object.entries(main)) {
    out.push(`| ${NAMES[lib]} | ${ms(m.firstPixels)} ms | ${ms(m.hoverDom)} ms | ${ms(m.hoverWork)} ms | ${ms(m.hoverFrame)} ms | ${kb(m.gzip)} (${kb(m.raw)}) | ${mb(m.jsHeap)} | ${m.wasm ? mb(m.wasm) : '—'} |`);
  }
  const failed = Object.entries(main).filter(([, m]) => m.failures?.length)
    .map(([lib, m]) => `${NAMES[lib]}: ${m.failures.length} failed visit(s) (${m.failures[0]})`);
  if (failed.length) out.push('', 'Failed visits (left out of the medians):', '', ...failed.map((f) => `- ${f}`));
  const w = main.widget;
  out.push('');
  out.push('| Target | Measured | Met? |');
  out.push('|---|---|---|');
  const row = (t, m, ok) => out.push(`| ${t} | ${m} | ${ok == null ? 'n/a' : ok ? 'yes' : '**no**'} |`);
  if (w && main.chartjs) row('gzip bytes below Chart.js', `${kb(w.gzip)} vs ${kb(main.chartjs.gzip)} (${ratio(w.gzip, main.chartjs.gzip)})`, w.gzip < main.chartjs.gzip);
  if (w) row('gzip bytes under 60 KB', kb(w.gzip), w.gzip < 60 * 1024);
  if (w && main.uplot) row('first chart pixels no later than uPlot', `${ms(w.firstPixels)} vs ${ms(main.uplot.firstPixels)} ms (${ratio(w.firstPixels, main.uplot.firstPixels)})`, w.firstPixels <= main.uplot.firstPixels);
  if (w) row('hover → tooltip within one frame (16.7 ms, to the next frame)', `${ms(w.hoverFrame)} ms`, w.hoverFrame != null && w.hoverFrame <= 1000 / 60);
  if (w && main.uplot) row('hover no slower than uPlot (to the next frame)', `${ms(w.hoverFrame)} vs ${ms(main.uplot.hoverFrame)} ms (${ratio(w.hoverFrame, main.uplot.hoverFrame)})`, w.hoverFrame != null && main.uplot.hoverFrame != null ? w.hoverFrame <= main.uplot.hoverFrame : null);
  return out.join('\n');
}

const VIEWS = { compare: 'Compare', breakdown: 'Breakdown', overview: 'Overview', table: 'Table' };
const task = (v) => (v == null ? 'n/a' : v === 0 ? 'none over 50 ms' : `${ms(v)} ms`);
const size = (s) => `${s.points.toLocaleString('en-US')} (${s.k} × ${s.r})`;

/** The scale table: per size, each view of the widget and Compare's marks by each peer. */
export function scaleMarkdown(result) {
  const { scaleRounds, scale } = result;
  const out = [header(result, `${scaleRounds} interleaved rounds per size`), ''];
  out.push('| Points (series × reports) | Chart | View | Inserted → loaded data drawn (peers: fetch → drawn) | ÷ uPlot, same mark | Longest main-thread task | Wasm memory | JS heap after GC | Hover handler work |');
  out.push('|---|---|---|---:|---:|---:|---:|---:|---:|');
  const errors = [];
  for (const s of scale) {
    const uplot = (mark) => s.cells.find((c) => c.lib === 'uplot' && c.mark === mark);
    for (const c of s.cells) {
      const what = `${VIEWS[c.view]}${c.view === 'compare' ? `, ${c.mark}` : ''}`;
      if (c.failures.length) errors.push(`${size(s)}, ${NAMES[c.lib]}, ${what}: ${c.failures.length} of ${c.failures.length + c.n} visits: ${c.failures[0]}`);
      const failed = c.failures.length > 0;
      const peer = c.view === 'compare' ? uplot(c.mark) : null;
      const vs = c.lib === 'uplot' ? '1.00×'
        : c.view !== 'compare' ? 'no peer'
        : failed || peer?.failures.length ? 'n/a' : ratio(c.render, peer?.render);
      const hoverWork = c.view === 'compare'
        ? (c.hoverCalibrated ? `${ms(c.hoverWork)} ms` : 'n/a (no tooltip found)') : '—';
      const cells = failed
        ? [`**error** (${c.failures.length} of ${c.failures.length + c.n} rounds)`, vs, '—', '—', '—', '—']
        : [`${ms(c.render)} ms`, vs, task(c.longest), c.wasm ? mb(c.wasm) : '—', mb(c.jsHeap), hoverWork];
      out.push(`| ${size(s)} | ${NAMES[c.lib]} | ${what} | ${cells.join(' | ')} |`);
    }
  }
  if (errors.length) out.push('', 'Errors (a visit whose drawn data was not the file, or that never drew, gives no number):', '', ...errors.map((e) => `- ${e}`));
  const pageErrors = scale.flatMap((s) => s.cells.flatMap((c) => c.errors.map((e) => `${size(s)}, ${NAMES[c.lib]}, ${c.view}: ${e}`)));
  if (pageErrors.length) out.push('', 'Page errors:', '', ...[...new Set(pageErrors)].map((e) => `- ${e}`));
  return out.join('\n');
}

/** The throttled cold start: first chart pixels of the widget and uPlot, and how they were served. */
export function coldMarkdown(result) {
  const { coldRounds, cold: { throttle: t, libs } } = result;
  const out = [header(result, `${coldRounds} interleaved rounds; CPU ${t.cpu}× slower, ${t.downKbit / 1000} Mbit/s down, `
    + `${t.upKbit} kbit/s up, ${t.rttMs} ms round trip, HTTP cache disabled`), ''];
  out.push('| Chart | First chart pixels, throttled cold start | ÷ uPlot | Files as served |');
  out.push('|---|---:|---:|---|');
  for (const [lib, m] of Object.entries(libs)) {
    const encodings = [...new Set(m.files.map((f) => f.encoding))].join(', ') || 'n/a';
    const time = m.n ? `${ms(m.firstPixels)} ms` : '**error**';
    const vs = lib === 'uplot' ? '1.00×' : m.n && libs.uplot?.n ? ratio(m.firstPixels, libs.uplot.firstPixels) : 'n/a';
    out.push(`| ${NAMES[lib]} | ${time} | ${vs} | ${m.files.length} files, ${encodings} |`);
  }
  const notes = [];
  if (libs.widget?.files.some((f) => f.encoding === 'identity')) {
    notes.push('The server sent the files uncompressed (`scripts/server.mjs` does not compress in this build), so these times carry the raw bytes, not gzip.');
  }
  const wasmFetches = libs.widget?.files.filter((f) => f.path.endsWith('.wasm')).length ?? 0;
  if (wasmFetches > 1) notes.push(`The wasm was requested ${wasmFetches} times: the page's preload did not serve the element's fetch.`);
  for (const [lib, m] of Object.entries(libs)) {
    if (m.failures.length) notes.push(`${NAMES[lib]}: ${m.failures.length} failed visit(s) (${m.failures[0]}).`);
  }
  if (notes.length) out.push('', ...notes);
  return out.join('\n');
}
