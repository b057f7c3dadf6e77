// The first read and draw of a scale file against the later ones in the same page, for the
// widget (Compare, lines) and uPlot (lines): how much of the scale table's ratio is the first
// run of new code, and how much is the work itself. Not part of bench/run's tables; its figures
// are quoted in BENCHMARKS.md. Usage: node bench/repeat.mjs [--visits 9] [--times 6], after
// bench/run has installed the peers and built www/pkg once.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '../scripts/server.mjs';
import { value } from './lib/args.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { generate } from './lib/datasets.mjs';
import { median } from './lib/stats.mjs';

const visits = Number(value('--visits', 9));
const times = Number(value('--times', 6));
const HERE = fileURLToPath(new URL('.', import.meta.url));

const sets = await generate(join(HERE, 'data'));
const { server, port } = await serve({ port: 0 });
const browser = await launch();
const fmt = (ms) => ms.toFixed(1);
try {
  console.log(`| Points | Chart | first read | first draw | first total | read, time ${times} | draw, time ${times} | total, time ${times} |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const set of sets) {
    for (const lib of ['widget', 'uplot']) {
      const runs = [];
      // A fresh context per visit, as in bench/run: nothing compiled or cached carries over.
      for (let v = 0; v < visits; v++) {
        const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/bench/pages/repeat.html?lib=${lib}&n=${times}&data=${set.url}`);
        const result = await page.waitForFunction(() => window.result, null, { timeout: 60000 }).then((h) => h.jsonValue());
        await context.close();
        if (result.error) throw new Error(`${lib} ${set.k}x${set.r}: ${result.error}`);
        runs.push(result);
      }
      const at = (i, part) => median(runs.map((r) => (part === 2 ? r[i][0] + r[i][1] : r[i][part])));
      const last = times - 1;
      const cells = [at(0, 0), at(0, 1), at(0, 2), at(last, 0), at(last, 1), at(last, 2)].map(fmt);
      console.log(`| ${set.points.toLocaleString('en')} (${set.k} × ${set.r}) | ${lib} | ${cells.join(' | ')} |`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
