// Shared by the end-to-end tests, the screenshot script and the benchmark: Debian's Chromium
// driven by playwright-core, and the project's static server on a free port.
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/server.mjs';

// Chromium keeps only the last --disable-features switch, and playwright passes one of its own
// first: this one repeats playwright's list (playwright-core 1.64, chromiumSwitches) and adds the
// browser-UI features that Debian's Chromium draws as web pages. Headless, nobody sees that UI,
// but an extra renderer for it (reload button, omnibox popup) started with each window and took
// CPU from the page loading in it: on this 2-core machine the scale file's first read and draw took about 100
// instead of 65 ms for the widget, 42 instead of 31 ms for uPlot (bench/repeat.mjs, 9 visits).
const DISABLED_FEATURES = [
  // playwright's
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'DialMediaRouteProvider',
  'GlobalMediaControls', 'HttpsUpgrades', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'BlockOriginHeaderModificationOnRedirect',
  'AvoidCorsURLLoaderRestartOnRedirect', 'Translate', 'AutoDeElevate', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled',
  // ours
  'WebUIReloadButton', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // playwright gives each launch a fresh, empty profile of its own.
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Server + browser for one test file; `close()` stops both. */
export async function setup({ csp = false } = {}) {
  const { server, port } = await serve({ port: 0, csp });
  const browser = await launch();
  return {
    browser,
    base: `http://127.0.0.1:${port}`,
    async close() { await browser.close(); server.close(); },
  };
}

/** A page whose console errors and page errors are collected in `page.errors`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/** Waits until the element has drawn. */
export async function ready(page, selector = 'migration-chart') {
  await page.waitForSelector(`${selector}[ready]`, { timeout: 15000 });
}

/** After a garbage collection: the page's JS heap and the widget's wasm memory, in bytes (CDP). */
export async function memoryOf(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { heap: usedSize, wasm: await page.evaluate(() => customElements.get('migration-chart').wasmMemoryBytes()) };
}
