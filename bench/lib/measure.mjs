// One visit: a fresh browser context loads one benchmark page and is measured.
import { gzipSync } from 'node:zlib';

const ASSET = /\.(m?js|wasm|css)$/;
const gzipCache = new Map(); // url → { raw, gzip }; the served files do not change during a run

const frames = (page, n = 2) => page.evaluate((n) => new Promise((ok) => {
  const step = (i) => (i ? requestAnimationFrame(() => step(i - 1)) : ok()); step(n);
}), n);

/** Sizes of every JS, wasm and CSS response, minus the benchmark's own page scripts. */
async function assetBytes(responses) {
  const files = [];
  for (const r of responses) {
    const url = new URL(r.url());
    if (!ASSET.test(url.pathname) || url.pathname.startsWith('/bench/pages/') || r.status() !== 200) continue;
    if (!gzipCache.has(url.pathname)) {
      const body = await r.body();
      gzipCache.set(url.pathname, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    files.push({ path: url.pathname, ...gzipCache.get(url.pathname) });
  }
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

/** JS heap after a forced GC (CDP), and the bytes of every WebAssembly.Memory alive. */
async function memory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return {
    jsHeap: usedSize,
    jsHeapMetric: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null,
    wasm: result.value,
  };
}

/** Moves the pointer off the chart, arms the in-page probe, moves onto `point`. */
export async function hover(page, point, timeout = 3000) {
  await page.mouse.move(2, 2);
  await frames(page, 3);
  await page.evaluate((t) => { window.__hover = window.__bench.armHover(t); }, timeout);
  await page.mouse.move(point.x, point.y);
  return page.evaluate(() => window.__hover);
}

/** A new context and page for `lib` (query: the page's parameters), collecting its errors and
 *  responses; `before(cdp)` runs before the page is requested. */
async function open(browser, base, lib, query = {}, before = null) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => responses.push(r));
  const cdp = await context.newCDPSession(page);
  if (before) await before(cdp);
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v != null)).toString();
  await page.goto(`${base}/bench/pages/${lib}.html${search ? `?${search}` : ''}`);
  return { context, page, cdp, errors, responses };
}

/**
 * One scale visit: `lib`'s page draws dataset `data` (a URL) in `view` and `mark`. The page's
 * clock runs from just before the element is inserted (widget, wasm already compiled) or the
 * file is fetched (peers) to the library's drawn signal; the page's snapshot taken then, and
 * for the widget its CSV read after the timed window, are returned for the harness to check.
 * The wasm memory is read before that CSV; the JS heap after it and a GC; then, given `point`,
 * the hover probe.
 */
export async function scaleVisit(browser, base, lib, { data, view, mark, point = null, timeout = 300000 }) {
  const { context, page, cdp, errors } = await open(browser, base, lib, { data, view, mark });
  try {
    await page.waitForFunction(() => window.__bench?.ready(), null, { timeout, polling: 50 });
    const longest = await page.evaluate(() => window.__bench.settle());
    // The wasm's memory as drawing left it: building the CSV for the check below takes its own.
    const wasm = await page.evaluate(() => customElements.get('migration-chart')?.wasmMemoryBytes() ?? null);
    const out = await page.evaluate(() => {
      const b = window.__bench;
      return { render: b.drawn - b.t0, shown: b.shown && { ...b.shown, csv: b.csv() } };
    });
    await frames(page);
    const { jsHeap } = await memory(cdp);
    const hovered = point ? await hover(page, point) : null;
    return { lib, ...out, longest, jsHeap, wasm, hoverWork: hovered?.work ?? null, hoverFrame: hovered?.frame ?? null, errors };
  } finally {
    await context.close();
  }
}

/** Phone-like conditions: CPU 4× slower, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export const THROTTLE = { cpu: 4, downKbit: 1600, upKbit: 750, rttMs: 150 };

/**
 * A cold start under THROTTLE with the HTTP cache disabled: first chart pixels of `lib`'s page
 * (the main table's view), and how each file came over the wire.
 */
export async function coldVisit(browser, base, lib, { timeout = 120000 } = {}) {
  const { context, page, errors, responses } = await open(browser, base, lib, {}, async (cdp) => {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.rttMs,
      downloadThroughput: (THROTTLE.downKbit * 1000) / 8,
      uploadThroughput: (THROTTLE.upKbit * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  });
  try {
    await page.waitForFunction(() => window.__bench?.ready(), null, { timeout, polling: 100 });
    const firstPixels = await page.evaluate(() => window.__bench.firstPixels);
    const files = responses
      .filter((r) => ASSET.test(new URL(r.url()).pathname) && !new URL(r.url()).pathname.startsWith('/bench/pages/'))
      .map((r) => ({ path: new URL(r.url()).pathname, encoding: r.headers()['content-encoding'] ?? 'identity' }));
    return { lib, firstPixels, files, errors };
  } finally {
    await context.close();
  }
}

/**
 * Loads `lib`'s page (with `data`, a scale-test dataset URL, or the three legal indicators)
 * in a new context and returns its timings, sizes, memory and hover latency.
 */
export async function visit(browser, base, lib, { data = null, point = null, timeout = 60000 } = {}) {
  const { context, page, cdp, errors, responses } = await open(browser, base, lib, { data });
  try {
    await page.waitForFunction(() => window.__bench?.ready(), null, { timeout, polling: 50 });
    const t = await page.evaluate(() => { const b = window.__bench; return { t0: b.t0, firstPixels: b.firstPixels, drawn: b.drawn }; });
    await frames(page);
    const mem = await memory(cdp);
    const at = point ?? (await page.evaluate(() => window.__bench.hoverPoint()));
    const hovered = await hover(page, at);
    return {
      lib,
      firstPixels: t.firstPixels,
      render: t.drawn - t.t0,
      hoverDom: hovered?.dom ?? null,
      hoverWork: hovered?.work ?? null,
      hoverFrame: hovered?.frame ?? null,
      point: at,
      ...mem,
      assets: await assetBytes(responses),
      errors,
    };
  } finally {
    await context.close();
  }
}
