// The Table view at scale: the longest main-thread task (PerformanceObserver 'longtask') while a
// synthetic dataset (bench/lib/datasets.mjs) loads straight into the Table view, and while the
// view is switched to Table from Breakdown (which, with no relation in these datasets, draws
// nothing). Usage: node bench/table.mjs [--rounds 3]
// Prints one line per size; milliseconds are measured here, never asserted in tests.
import { serve } from '../scripts/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { dataset } from './lib/datasets.mjs';
import { median } from './lib/stats.mjs';

const SIZES = [[8, 5], [10, 1000], [50, 200], [8, 10000], [50, 2000]];
const i = process.argv.indexOf('--rounds');
const rounds = i > 0 ? Number(process.argv[i + 1]) : 3;

const host = (view) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>table bench</title>
<script>window.__tasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });</script>
<script type="module" src="/www/migration-chart.js"></script></head>
<body><migration-chart view="${view}" src="/bench/table/data.json"></migration-chart></body></html>`;

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The longest task of one visit, in ms: loading into the Table view, or switching to it. */
async function visit(browser, base, json, mode) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.route('**/bench/table/host.html', (r) => r.fulfill({ contentType: 'text/html', body: host(mode === 'load' ? 'table' : 'breakdown') }));
  await page.route('**/bench/table/data.json', (r) => r.fulfill({ contentType: 'application/json', body: json }));
  await page.goto(`${base}/bench/table/host.html`);
  await page.waitForSelector('migration-chart[ready]', { timeout: 60000 });
  await frames(page);
  if (mode === 'switch') {
    await page.evaluate(() => { window.__tasks = []; document.querySelector('migration-chart').setAttribute('view', 'table'); });
    await page.waitForFunction(() => document.querySelector('migration-chart').shadowRoot.querySelector('#table table'));
    await frames(page);
  }
  const tasks = await page.evaluate(() => window.__tasks);
  const cells = await page.evaluate(() => document.querySelector('migration-chart').shadowRoot.querySelectorAll('#table td').length);
  await context.close();
  return { longest: Math.max(0, ...tasks), cells };
}

const { server, port } = await serve({ port: 0 });
const browser = await launch();
try {
  for (const [k, r] of SIZES) {
    const json = JSON.stringify(dataset(k, r));
    const out = {};
    for (const mode of ['load', 'switch']) {
      const runs = [];
      for (let n = 0; n < rounds; n++) runs.push(await visit(browser, `http://127.0.0.1:${port}`, json, mode));
      out[mode] = median(runs.map((x) => x.longest));
      out.cells = runs[0].cells;
    }
    console.log(`${k} × ${r} (${(k * r).toLocaleString('en-US')} values): ${out.cells} cells shown; longest task loading into Table ${out.load.toFixed(0)} ms, switching to Table ${out.switch.toFixed(0)} ms (median of ${rounds})`);
  }
} finally {
  await browser.close();
  server.close();
}
