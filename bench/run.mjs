// The side-by-side benchmark: <migration-chart> against Chart.js, uPlot and ECharts in one
// Chromium, interleaved rounds, fresh context per visit. Usage (see ./run):
//   node bench/run.mjs [--rounds 15] [--scale-rounds N] [--cold-rounds N]
//                      [--scale-only | --cold-only | --no-scale | --no-cold]
//                      [--scale-peers uplot,chartjs,echarts] [--sizes 50x2000,8x10000]
//                      [--note TEXT] [--no-write]
// Three parts: the main table (first pixels, hover, bytes, memory), the scale table (inserted →
// loaded file drawn, checked) and a throttled cold start. Writes bench/results/latest.{json,md}
// and, for each part run, its marked section of BENCHMARKS.md (unless --no-write).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '../scripts/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { flag, value } from './lib/args.mjs';
import { calibrate } from './lib/calibrate.mjs';
import { checkPeer, checkWidget } from './lib/check.mjs';
import { generate, SIZES } from './lib/datasets.mjs';
import { machine } from './lib/machine.mjs';
import { coldVisit, scaleVisit, THROTTLE, visit } from './lib/measure.mjs';
import { coldMarkdown, markdown, scaleMarkdown } from './lib/report.mjs';
import { median, shuffle } from './lib/stats.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');
const LIBS = ['widget', 'chartjs', 'uplot', 'echarts'];
const rounds = Number(value('--rounds', 15));
const scaleRounds = Number(value('--scale-rounds', rounds));
const coldRounds = Number(value('--cold-rounds', rounds));
const parts = {
  main: !flag('--scale-only') && !flag('--cold-only'),
  scale: !flag('--no-scale') && !flag('--cold-only'),
  cold: !flag('--no-cold') && !flag('--scale-only'),
};
/** The peers drawn at scale; uPlot always, Chart.js and ECharts on request (they take seconds). */
const scalePeers = [...new Set(['uplot', ...value('--scale-peers', 'uplot').split(',').filter((p) => LIBS.includes(p) && p !== 'widget')])];
const note = value('--note', null);
/** `--sizes 8x300,50x2000`: other scale sizes (series × reports), e.g. a quick check. */
const sizes = flag('--sizes') ? value('--sizes', '').split(',').map((s) => s.split('x').map(Number)) : SIZES;
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
async function interleaved(browser, base, n) {
  const points = {};
  for (const lib of LIBS) points[lib] = await calibrate(browser, base, lib).catch(() => null);
  const runs = Object.fromEntries(LIBS.map((l) => [l, []]));
  const failures = Object.fromEntries(LIBS.map((l) => [l, []]));
  for (let round = 1; round <= n; round++) {
    for (const lib of shuffle(LIBS)) {
      // Without a calibrated point the page's own bar centre is used (and may miss).
      try {
        runs[lib].push(await visit(browser, base, lib, { point: points[lib] }));
      } catch (e) { // a page that never drew (or crashed) counts as a failed visit, not a number
        failures[lib].push(`round ${round}: ${String(e.message).split('\n')[0]}`);
      }
    }
    process.stderr.write(`\rmain: round ${round}/${n}   `);
  }
  process.stderr.write('\n');
  return Object.fromEntries(LIBS.map((l) => [l, { ...summarise(runs[l]), failures: failures[l] }]));
}

/** What is drawn at each size: every view of the widget, and Compare's two marks by each peer. */
function scaleCells() {
  const cells = [
    { lib: 'widget', view: 'compare', mark: 'lines' },
    { lib: 'widget', view: 'compare', mark: 'bars' },
    { lib: 'widget', view: 'breakdown' },
    { lib: 'widget', view: 'overview' },
    { lib: 'widget', view: 'table' },
  ];
  for (const lib of scalePeers) cells.push({ lib, view: 'compare', mark: 'lines' }, { lib, view: 'compare', mark: 'bars' });
  return cells.map((c) => ({ ...c, id: `${c.lib}:${c.view}${c.mark ? `:${c.mark}` : ''}` }));
}

/** One size: rounds × (every cell in a new random order); a visit whose check fails is an error. */
async function scaleSize(browser, base, set, n) {
  const cells = scaleCells();
  const points = {}; // where each library's Compare answers a hover, per mark
  for (const c of cells.filter((x) => x.view === 'compare')) {
    points[c.id] = await calibrate(browser, base, c.lib, set.url, c.mark).catch(() => null);
  }
  const runs = Object.fromEntries(cells.map((c) => [c.id, []]));
  const failures = Object.fromEntries(cells.map((c) => [c.id, []]));
  for (let round = 1; round <= n; round++) {
    for (const cell of shuffle(cells)) {
      try {
        const v = await scaleVisit(browser, base, cell.lib, { data: set.url, view: cell.view, mark: cell.mark, point: points[cell.id] ?? null });
        const problems = cell.lib === 'widget' ? checkWidget(v.shown, set.data, cell) : checkPeer(v.shown, set.data);
        if (problems.length) failures[cell.id].push(`round ${round}: drew other data than the file: ${problems.join('; ')}`);
        else runs[cell.id].push(v);
      } catch (e) {
        failures[cell.id].push(`round ${round}: ${String(e.message).split('\n')[0]}`);
      }
    }
    process.stderr.write(`\r${set.k} × ${set.r}: round ${round}/${n}   `);
  }
  process.stderr.write('\n');
  return cells.map((c) => ({
    ...c,
    n: runs[c.id].length,
    render: median(runs[c.id].map((r) => r.render)),
    longest: median(runs[c.id].map((r) => r.longest)),
    jsHeap: median(runs[c.id].map((r) => r.jsHeap)),
    wasm: median(runs[c.id].map((r) => r.wasm)),
    hoverWork: median(runs[c.id].map((r) => r.hoverWork)),
    hoverFrame: median(runs[c.id].map((r) => r.hoverFrame)),
    hoverCalibrated: points[c.id] != null,
    failures: failures[c.id],
    errors: [...new Set(runs[c.id].flatMap((r) => r.errors))],
  }));
}

/** Throttled cold starts of the widget and uPlot, interleaved. */
async function cold(browser, base, n) {
  const libs = ['widget', 'uplot'];
  const runs = Object.fromEntries(libs.map((l) => [l, []]));
  const failures = Object.fromEntries(libs.map((l) => [l, []]));
  for (let round = 1; round <= n; round++) {
    for (const lib of shuffle(libs)) {
      try {
        runs[lib].push(await coldVisit(browser, base, lib));
      } catch (e) {
        failures[lib].push(`round ${round}: ${String(e.message).split('\n')[0]}`);
      }
    }
    process.stderr.write(`\rcold start: round ${round}/${n}   `);
  }
  process.stderr.write('\n');
  return Object.fromEntries(libs.map((l) => [l, {
    n: runs[l].length,
    firstPixels: median(runs[l].map((r) => r.firstPixels)),
    files: runs[l][0]?.files ?? [],
    failures: failures[l],
    errors: [...new Set(runs[l].flatMap((r) => r.errors))],
  }]));
}

async function versions() {
  const v = {};
  for (const [name, dir] of [['Chart.js', 'chart.js'], ['uPlot', 'uplot'], ['ECharts', 'echarts']]) {
    v[name] = JSON.parse(await readFile(join(HERE, 'node_modules', dir, 'package.json'), 'utf8')).version;
  }
  return v;
}

/** Replaces the text between `<!-- {tag}:begin -->` and `<!-- {tag}:end -->` in BENCHMARKS.md. */
async function writeSection(tag, md) {
  const doc = join(ROOT, 'BENCHMARKS.md');
  const text = await readFile(doc, 'utf8').catch(() => null);
  const re = new RegExp(`(<!-- ${tag}:begin -->)[\\s\\S]*?(<!-- ${tag}:end -->)`);
  if (text && re.test(text)) await writeFile(doc, text.replace(re, (_, a, b) => `${a}\n${md}\n${b}`));
  else console.error(`BENCHMARKS.md has no ${tag} markers: section not written`);
}

const sets = parts.scale ? await generate(join(HERE, 'data'), sizes) : [];
const { server, port } = await serve({ port: 0 });
const browser = await launch();
const base = `http://127.0.0.1:${port}`;
try {
  const result = { machine: machine(browser.version()), rounds, scaleRounds, coldRounds, scalePeers, note, versions: await versions() };
  const sections = [];
  if (parts.main) {
    result.main = await interleaved(browser, base, rounds);
    sections.push(['bench', markdown({ ...result, scale: [] })]);
    const errors = Object.entries(result.main).flatMap(([l, m]) => m.errors.map((e) => `${l}: ${e}`));
    if (errors.length) console.error(`\npage errors:\n${errors.join('\n')}`);
  }
  if (parts.scale) {
    result.scale = [];
    for (const set of sets) {
      const { data: _, ...about } = set; // the generated file itself stays out of the JSON
      result.scale.push({ ...about, cells: await scaleSize(browser, base, set, scaleRounds) });
    }
    sections.push(['bench-scale', scaleMarkdown(result)]);
  }
  if (parts.cold) {
    result.cold = { throttle: THROTTLE, libs: await cold(browser, base, coldRounds) };
    sections.push(['bench-cold', coldMarkdown(result)]);
  }
  const md = sections.map(([, m]) => m).join('\n\n');
  await mkdir(join(HERE, 'results'), { recursive: true });
  await writeFile(join(HERE, 'results', 'latest.json'), JSON.stringify(result, null, 2));
  await writeFile(join(HERE, 'results', 'latest.md'), `${md}\n`);
  if (!flag('--no-write')) for (const [tag, m] of sections) await writeSection(tag, m);
  console.log(md);
} finally {
  await browser.close();
  server.close();
}
