// Bad input from the host, end to end: an attribute name HTML already owns, dataset files too
// large (by Content-Length, streamed without one, and a gzip bomb), a `src` that is slow,
// replaced or abandoned, and a host that writes megabytes of bad values. The widget stays
// visible, says what is wrong in words, and keeps nothing it does not need.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { setup, newPage, ready, memoryOf } from './browser.mjs';

const MAX_BYTES = 4 * 1024 * 1024; // data::MAX_BYTES
const FEBRUARY = await readFile(new URL('../../data/examples/february-2017.json', import.meta.url), 'utf8');

// A test-only server on another port for answers the static server cannot give. It records how
// many body bytes it wrote before each client went away.
const sent = {};
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // 64 MiB of spaces, about 64 KiB sent
const odd = createServer((req, res) => {
  const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/length.json') {
    // Says 50 MB up front, then sends slowly: the widget must not wait for the body.
    res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
    res.write('{');
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  } else if (path === '/endless.json') {
    // No Content-Length: chunk after chunk of 256 KiB until the client stops reading.
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    sent.endless = 0;
    let stop = false;
    res.on('close', () => { stop = true; });
    const pump = () => {
      while (!stop && sent.endless < 200 * 1024 * 1024) {
        sent.endless += chunk.length;
        if (!res.write(chunk)) { res.once('drain', pump); return; }
      }
      if (!stop) res.end();
    };
    pump();
  } else if (path === '/bomb.json') {
    res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
    res.end(bomb);
  } else {
    res.writeHead(404, cors);
    res.end();
  }
});

let env;
let oddBase;
before(async () => {
  env = await setup();
  await new Promise((ok) => odd.listen(0, '127.0.0.1', ok));
  oddBase = `http://127.0.0.1:${odd.address().port}`;
});
after(async () => {
  await env?.close();
  odd.closeAllConnections();
  odd.close();
});

const HOST = '/tests/e2e/hosts/many.html';
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** A page at `path` on the static server's origin with `html` as its body. */
async function bare(page, path, html) {
  await page.route(`**${path}`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body>${html}</body></html>`,
  }));
  await page.goto(`${env.base}${path}`);
}

/** The February 2017 file with its first value set to `n`, to tell answers apart. */
const february = (n) => {
  const data = JSON.parse(FEBRUARY);
  data.indicators[0].values[0] = n;
  return JSON.stringify(data);
};

test('pasted embed code with a series switched off shows a visible chart (hidden is HTML\'s attribute)', async () => {
  const page = await newPage(env.browser);
  // An old link, from before the rename: `hidden=` is still read, and rewritten as hidden-series.
  await page.goto(`${env.base}/index.html#view=compare&hidden=stay-registration`);
  await ready(page);
  await frame(page);
  assert.equal(await page.evaluate(() => document.querySelector('migration-chart').state['hidden-series']), 'stay-registration');
  assert.equal(await page.evaluate(() => location.hash), '#view=compare&hidden-series=stay-registration');
  const code = await page.locator('#embed-element').inputValue();
  assert.match(code, /<migration-chart view="compare" hidden-series="stay-registration"><\/migration-chart>/);
  assert.doesNotMatch(code, / hidden=/);
  assert.match(await page.locator('#embed-iframe').inputValue(), /embed\.html#view=compare&amp;hidden-series=stay-registration/);

  const pasted = await newPage(env.browser);
  await bare(pasted, '/pasted.html', code);
  await ready(pasted);
  const box = await pasted.locator('migration-chart').boundingBox();
  assert.ok(box && box.width > 300 && box.height > 200, `the pasted chart is ${JSON.stringify(box)}`);
  const shown = await pasted.evaluate(() => {
    const el = document.querySelector('migration-chart');
    return { hidden: el.state['hidden-series'], canvas: el.shadowRoot.getElementById('plot').width, display: getComputedStyle(el).display };
  });
  assert.deepEqual(shown, { hidden: 'stay-registration', canvas: Math.floor(box.width), display: 'block' });
  // The series is off: its legend button is not pressed.
  const button = pasted.locator('migration-chart').locator('#legend button[data-series="stay-registration"]');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  // And HTML's own `hidden` keeps its meaning: it hides the element, as on any element.
  await pasted.locator('migration-chart').evaluate((e) => e.setAttribute('hidden', ''));
  assert.equal(await pasted.locator('migration-chart').evaluate((e) => getComputedStyle(e).display), 'none');
  assert.deepEqual([...page.errors, ...pasted.errors], []);
  await page.context().close();
  await pasted.context().close();
});

test('a dataset over the limit is refused before it reaches the wasm: Content-Length, streamed, gzip bomb', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}${HOST}`);
  const wasmBytes = () => page.evaluate(() => customElements.get('migration-chart').wasmMemoryBytes());
  const mount = (src) => page.evaluate(async (s) => {
    const el = document.createElement('migration-chart');
    el.setAttribute('src', s);
    document.body.append(el);
    const started = performance.now();
    await new Promise((r) => el.addEventListener('ready', r, { once: true }));
    return { ms: performance.now() - started, error: el.shadowRoot.getElementById('error').textContent, stage: el.shadowRoot.getElementById('stage').hidden };
  }, src);
  // Let the module load first, so that its memory is the baseline.
  await mount('/data/examples/february-2017.json');
  const baseline = await wasmBytes();

  const length = await mount(`${oddBase}/length.json`);
  assert.match(length.error, /The data could not be read: the file is 52428800 bytes; the limit is 4194304 bytes\./);
  assert.ok(length.ms < 5000, `refused after ${length.ms} ms: it waited for the body`);

  const endless = await mount(`${oddBase}/endless.json`);
  assert.match(endless.error, new RegExp(`The data file “${oddBase}/endless\\.json” could not be loaded: it is larger than the limit of 4194304 bytes\\.`));
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(sent.endless < 32 * 1024 * 1024, `the server sent ${sent.endless} bytes before the widget stopped reading`);

  const gzip = await mount(`${oddBase}/bomb.json`);
  assert.match(gzip.error, /bomb\.json” could not be loaded: it is larger than the limit of 4194304 bytes\./);

  for (const r of [length, endless, gzip]) assert.equal(r.stage, true);
  const grown = (await wasmBytes()) - baseline;
  assert.ok(grown < MAX_BYTES, `wasm memory grew by ${grown} bytes: a refused file reached it`);
  // The error follows the language.
  await page.evaluate(() => document.querySelectorAll('migration-chart')[3].setAttribute('lang', 'ru'));
  await frame(page);
  assert.match(await page.locator('migration-chart').nth(3).locator('#error').textContent(), /Файл данных «.*bomb\.json» не загружен: он больше предела в 4194304 байт\./);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a src file is read as the bytes it is: not UTF-8 is refused in words, a byte order mark is read', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}${HOST}`);
  const mount = (src) => page.evaluate(async (s) => {
    const el = document.createElement('migration-chart');
    el.setAttribute('src', s);
    el.setAttribute('view', 'table');
    document.body.append(el);
    await new Promise((r) => el.addEventListener('ready', r, { once: true }));
    const root = el.shadowRoot;
    return { error: root.getElementById('error').textContent, table: root.getElementById('table').textContent };
  }, src);
  // "Bakı" saved as Windows-1254: a browser's decoder would have shown "Bak\ufffd".
  const latin = await mount('/tests/bad-input/label-not-utf8.json');
  assert.equal(latin.error, 'The data could not be read: the file is not in UTF-8: byte 162 cannot be read; save the file as UTF-8.');
  const marked = await mount('/tests/bad-input/ok-byte-order-mark.json');
  assert.equal(marked.error, '');
  assert.match(marked.table, /Bakı/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('while src loads: no built-in data, the fallback and words instead; ready comes after the file is drawn', async () => {
  const page = await newPage(env.browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/data/examples/february-2017.json', async (route) => { await held; await route.continue(); });
  await page.route('**/order.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>order</title>
<script>
  // Before the element is defined: every ready event, what it could export then, and whether
  // the loaded file was on the canvas.
  window.seen = [];
  document.addEventListener('ready', (e) => {
    const el = e.target;
    const plot = el.shadowRoot.getElementById('plot');
    const px = plot.getContext('2d').getImageData(0, 0, plot.width, plot.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4 * 7) if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2]) ink++;
    seen.push({ csv: el.toCSV(), ink, stage: !el.shadowRoot.getElementById('stage').hidden, fallback: !el.shadowRoot.getElementById('fallback').hidden });
  }, true);
</script>
<script type="module" src="/www/migration-chart.js"></script></head>
<body><migration-chart view="compare" src="/data/examples/february-2017.json" indicators="legalized,leave-48h" height="360"><p>fallback words</p></migration-chart></body></html>`,
  }));
  await page.goto(`${env.base}/order.html`);
  const el = page.locator('migration-chart');
  // The module is running (the loading message is the crate's) and the file is held back.
  await page.waitForFunction(() => /Loading the data file/.test(document.querySelector('migration-chart').shadowRoot.getElementById('warning').textContent));
  await frame(page);
  const during = await el.evaluate((e) => ({
    ready: e.hasAttribute('ready'),
    stage: !e.shadowRoot.getElementById('stage').hidden,
    table: !e.shadowRoot.getElementById('table').hidden,
    fallback: !e.shadowRoot.getElementById('fallback').hidden,
    status: e.shadowRoot.getElementById('warning').textContent,
    csv: e.toCSV(),
    svg: e.toSVG(),
    summary: e.summary,
  }));
  assert.deepEqual(during, {
    ready: false, stage: false, table: false, fallback: true,
    status: 'Loading the data file “/data/examples/february-2017.json”…', csv: '', svg: '', summary: '',
  });
  assert.ok(await page.getByText('fallback words').isVisible());
  assert.ok(warnings.some((w) => /toCSV\(\) gives nothing until the data is drawn \(the 'ready' event\)/.test(w)), warnings.join('\n'));
  assert.equal(await page.evaluate(() => seen.length), 0);
  release();
  await ready(page);
  const [first, ...more] = await page.evaluate(() => seen);
  assert.deepEqual(more, []);
  assert.equal(first.csv.split('\r\n')[1], 'legalized,Foreigners whose residence was legalized,2017-02,February 2017,223');
  assert.ok(first.stage && !first.fallback && first.ink > 500, JSON.stringify({ ...first, csv: undefined }));
  assert.ok(await el.locator('#warning').isHidden());
  // Later loads do not fire ready again.
  await el.evaluate((e) => e.removeAttribute('src'));
  await frame(page);
  await el.evaluate((e) => e.setAttribute('src', '/data/examples/february-2017.json'));
  await page.waitForFunction(() => document.querySelector('migration-chart').toCSV().includes('February 2017'));
  assert.equal(await page.evaluate(() => seen.length), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the src file is requested while the wasm is still on its way, and a removal then aborts it', async () => {
  const page = await newPage(env.browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/www/pkg/migration_charts_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.route('**/early/*.json', (route) => route.fulfill({ contentType: 'application/json', body: february(7) }));
  await page.route('**/never/*.json', () => {}); // never answers
  await page.goto(`${env.base}${HOST}`);
  const early = page.waitForRequest((r) => r.url().endsWith('/early/1.json'), { timeout: 5000 });
  await page.evaluate(() => {
    const el = document.createElement('migration-chart');
    el.setAttribute('view', 'table');
    el.setAttribute('src', '/early/1.json');
    document.body.append(el);
  });
  // The wasm is held back, and the file's request has gone out all the same.
  await early;
  assert.equal(await page.evaluate(() => document.querySelector('migration-chart').hasAttribute('ready')), false);
  release();
  await ready(page);
  const csv = await page.evaluate(() => document.querySelector('migration-chart').toCSV());
  assert.match(csv.split('\r\n')[1], /,7$/);

  // A second element, removed before the (now cached) wasm is ready for it: its request stops.
  const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/never/1.json'), timeout: 5000 });
  await page.evaluate(() => {
    const el = document.createElement('migration-chart');
    el.setAttribute('src', '/never/1.json');
    document.body.append(el);
    el.remove();
  });
  assert.match((await failed).failure().errorText, /ABORTED/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('100 quick src changes: earlier fetches are aborted and the last one loads; removal aborts too', async () => {
  const page = await newPage(env.browser);
  const aborted = [];
  page.on('requestfailed', (r) => { if (r.url().includes('/quick/')) aborted.push(r.url()); });
  await page.route('**/quick/*.json', async (route) => {
    const n = Number(/quick\/(\d+)\.json/.exec(route.request().url())[1]);
    // Earlier files answer later: without the abort and the token, an old one would win.
    await new Promise((r) => setTimeout(r, 50 + (100 - n) * 5));
    await route.fulfill({ contentType: 'application/json', body: february(n) }).catch(() => {});
  });
  await page.goto(`${env.base}${HOST}`);
  await page.evaluate(() => {
    const el = document.createElement('migration-chart');
    el.setAttribute('view', 'table');
    document.body.append(el);
  });
  await ready(page);
  await page.evaluate(() => {
    const el = document.querySelector('migration-chart');
    for (let n = 0; n < 100; n++) el.setAttribute('src', `/quick/${n}.json`);
  });
  await page.waitForFunction(() => document.querySelector('migration-chart').toCSV().includes('February 2017'));
  await new Promise((r) => setTimeout(r, 800)); // every older answer has had its time
  const csv = await page.evaluate(() => document.querySelector('migration-chart').toCSV());
  assert.match(csv.split('\r\n')[1], /,99$/);
  assert.ok(await page.locator('migration-chart').locator('#error').isHidden());
  // Every fetch but the last was aborted (the browser reports each as failed).
  assert.equal(aborted.length, 99);

  // Removed while its src loads: the fetch stops.
  await page.route('**/never.json', () => {}); // never answers
  const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/never.json'), timeout: 5000 });
  await page.evaluate(async () => {
    const el = document.querySelector('migration-chart');
    el.setAttribute('src', '/never.json');
    await new Promise((r) => setTimeout(r, 200));
    el.remove();
  });
  assert.match((await failed).failure().errorText, /ABORTED/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('200 different 1 MB bad values: one warning per attribute, and none of them kept', async () => {
  const page = await newPage(env.browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.base}${HOST}`);
  await page.evaluate(() => document.body.append(document.createElement('migration-chart')));
  await ready(page);
  const memory = () => memoryOf(page);
  const write = (from, to) => page.evaluate(async ([a, b]) => {
    const el = document.querySelector('migration-chart');
    for (let i = a; i < b; i++) {
      const big = `${i}:`.padEnd(1024 * 1024, 'x');
      el.setAttribute('mode', big);
      el.setAttribute('height', big);
      el.setAttribute('theme', big);
      if (i % 10 === 0) await new Promise((r) => requestAnimationFrame(r));
    }
    el.setAttribute('mode', 'indexed');
    el.setAttribute('height', '300');
    el.setAttribute('theme', 'dark');
  }, [from, to]);
  await write(0, 10);
  const first = await memory();
  await write(10, 200);
  const last = await memory();
  console.log(`bad values: after 10 ${JSON.stringify(first)}; after 200 ${JSON.stringify(last)}`);
  assert.ok(last.heap < first.heap + 16 * 1024 * 1024, `JS heap grew from ${first.heap} to ${last.heap}`);
  // The allocator may take a page more for two megabyte-long strings at once; 190 values kept
  // would be 190 MB.
  assert.ok(last.wasm <= first.wasm + 4 * 1024 * 1024, `wasm memory grew from ${first.wasm} to ${last.wasm}`);
  const ours = warnings.filter((w) => w.startsWith('<migration-chart>'));
  assert.equal(ours.length, 3, ours.map((w) => w.slice(0, 120)).join('\n'));
  for (const w of ours) assert.ok(w.length < 200, `a warning of ${w.length} characters`);
  assert.match(ours[0], /^<migration-chart>: mode="0:x{58}…" is not known; using "absolute"$/);
  assert.equal(await page.evaluate(() => document.querySelector('migration-chart').state.mode), 'indexed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
