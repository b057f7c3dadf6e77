// The side-by-side benchmark: <migration-chart> against Chart.js, uPlot and ECharts in one
// Chromium, interleaved rounds, fresh context per visit. Usage (see ./run):
//   node bench/run.mjs [--rounds 15] [--scale-rounds N] [--no-scale]
// Writes bench/results/latest.{json,md} and the marked section of BENCHMARKS.md.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '../scripts/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { calibrate } from './lib/calibrate.mjs';
import { generate } from './lib/datasets.mjs';
import { machine } from './lib/machine.mjs';
import { visit } from './lib/measure.mjs';
import { markdown } from './lib/report.mjs';
import { median, shuffle } from './lib/stats.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');
const LIBS = ['widget', 'chartjs', 'uplot', 'echarts'];
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 15);
const scaleRounds = arg('--scale-rounds', rounds);
const withScale = !process.argv.includes('--no-scale');
const KEYS = ['firstPixels', 'render', 'hoverDom', 'hoverWork', 'hoverFrame', 'jsHeap', 'wasm'];

function summarise(runs) {
  const out = {};
  for (const k of KEYS) out[k] = median(runs.map((r) => r[k]));
  out.gzip = runs[0]?.assets.gzip ?? null;
  out.raw = runs[0]?.assets.raw ?? null;
  out.files = runs[0]?.assets.files ?? [];
  out.missedHovers = runs.filter((r) => r.hoverDom == null).length;
  out.n = runs.length;
  out.errors = [...new Set(runs.flatMap((r) => r.errors))];
  return out;
}

/** rounds × (every library in a new random order), one fresh context per visit. */
async function interleaved(browser, base, n, data, label) {
  const points = {};
  for (const lib of LIBS) points[lib] = await calibrate(browser, base, lib, data).catch(() => null);
  const runs = Object.fromEntries(LIBS.map((l) => [l, []]));
  const failures = Object.fromEntries(LIBS.map((l) => [l, []]));
  for (let round = 1; round <= n; round++) {
    for (const lib of shuffle(LIBS)) {
      // Without a calibrated point the page's own bar centre is used (and may miss).
      try {
        runs[lib].push(await visit(browser, base, lib, { data, point: points[lib] }));
      } catch (e) { // a page that never drew (or crashed) counts as a failed visit, not a number
        failures[lib].push(`round ${round}: ${String(e.message).split('\n')[0]}`);
      }
    }
    process.stderr.write(`\r${label}: round ${round}/${n}   `);
  }
  process.stderr.write('\n');
  return Object.fromEntries(LIBS.map((l) => [l, { ...summarise(runs[l]), failures: failures[l] }]));
}

async function versions() {
  const v = {};
  for (const [name, dir] of [['Chart.js', 'chart.js'], ['uPlot', 'uplot'], ['ECharts', 'echarts']]) {
    v[name] = JSON.parse(await readFile(join(HERE, 'node_modules', dir, 'package.json'), 'utf8')).version;
  }
  return v;
}

const sets = withScale ? await generate(join(HERE, 'data')) : [];
const { server, port } = await serve({ port: 0 });
const browser = await launch();
const base = `http://127.0.0.1:${port}`;
try {
  const result = { machine: machine(browser.version()), rounds, scaleRounds: withScale ? scaleRounds : 0, versions: await versions() };
  result.main = await interleaved(browser, base, rounds, null, 'main');
  result.scale = [];
  for (const s of sets) {
    result.scale.push({ ...s, libs: await interleaved(browser, base, scaleRounds, s.url, `${s.points} points`) });
  }
  const md = markdown(result);
  await mkdir(join(HERE, 'results'), { recursive: true });
  await writeFile(join(HERE, 'results', 'latest.json'), JSON.stringify(result, null, 2));
  await writeFile(join(HERE, 'results', 'latest.md'), `${md}\n`);
  const doc = join(ROOT, 'BENCHMARKS.md');
  const text = await readFile(doc, 'utf8').catch(() => null);
  const re = /(<!-- bench:begin -->)[\s\S]*?(<!-- bench:end -->)/;
  if (text && re.test(text)) await writeFile(doc, text.replace(re, (_, a, b) => `${a}\n${md}\n${b}`));
  console.log(md);
  const errors = Object.entries(result.main).flatMap(([l, m]) => m.errors.map((e) => `${l}: ${e}`));
  if (errors.length) console.error(`\npage errors:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  server.close();
}
