// One small driver over three browser engines, for the tests that must hold in each of them:
//   chromium — Debian Chromium through playwright-core (CDP), as in browser.mjs;
//   firefox  — Debian Firefox ESR through puppeteer-core (WebDriver BiDi; no geckodriver); the
//              colour scheme is a browser preference, so a dark page has a second Firefox;
//   webkit   — WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb, driven by the small
//              W3C WebDriver client below (fetch only). Its devicePixelRatio is GTK's GDK_SCALE,
//              fixed per browser process, so one WebKitWebDriver runs per pixel ratio asked for;
//              MiniBrowser's --dark-mode gives prefers-color-scheme: dark.
// newPage({ width, height, dpr, touch, colorScheme }) opens a page with that viewport.
// Every page has the same methods: goto, evaluate(fn, arg), waitFor(fn, arg), ready, mouse
// (move, click), tap, press, addScript, screenshot, size, errors, close. What an engine or its
// driver cannot do throws an `Unsupported` error whose message says why; `can(engine, feature)`
// tells beforehand, so a test can `t.skip(reason)` instead of passing silently.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { serve } from '../../scripts/server.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';
import { crop } from './png.mjs';

export const ENGINES = (process.env.ENGINES || 'chromium,firefox,webkit').split(',').filter(Boolean);

/** Paths of what each engine needs from Debian. */
export const BINARIES = {
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  firefox: process.env.FIREFOX || '/usr/bin/firefox-esr',
  webkitDriver: process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver',
  minibrowser: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

export class Unsupported extends Error {}

/** What cannot be done where, and why: the reason is what a skipped test says. */
const LIMITS = {
  webkit: {
    touch: 'WebKitWebDriver (WebKitGTK 2.50) delivers pointerType "touch" actions as mouse events',
    console: 'WebKitWebDriver has no console or page-error events; only what page scripts report is seen (tests/e2e/spy.js)',
    narrow: "MiniBrowser's window is at least 447 px wide, so a narrower viewport is the root element narrowed by CSS",
  },
  firefox: {},
  chromium: {},
};
export const limit = (engine, feature) => LIMITS[engine]?.[feature];
export const can = (engine, feature) => !limit(engine, feature);

const KEYS = {
  Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ' ': ' ', Space: '\uE00D', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Shift: '\uE008',
};

const SPY = '<script src="/tests/e2e/spy.js"></script>';

/** The test server (every HTML page carries the spy) on a free port; `close()` stops it. */
export async function server({ csp = false, block = null } = {}) {
  const { server: s, port } = await serve({ port: 0, csp, block, inject: SPY });
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => s.close(ok)) };
}

/** Starts an engine; `newPage(options)` opens a page, `close()` ends everything it started. */
export async function launch(engine) {
  if (engine === 'chromium') return chromiumEngine();
  if (engine === 'firefox') return firefoxEngine();
  if (engine === 'webkit') return webkitEngine();
  throw new Error(`unknown engine ${engine}`);
}

/** The methods every page shares, built on the driver-specific `raw` ones. */
function page(engine, raw) {
  const self = {
    engine,
    ...raw,
    /** Polls `fn(arg)` in the page until it returns something truthy. */
    async waitFor(fn, arg, { timeout = 15000, interval = 50, message } = {}) {
      const end = Date.now() + timeout;
      for (;;) {
        const value = await self.evaluate(fn, arg).catch(() => undefined);
        if (value) return value;
        if (Date.now() > end) throw new Error(`${engine}: timed out after ${timeout} ms waiting for ${message || fn}`);
        await new Promise((r) => setTimeout(r, interval));
      }
    },
    /** Waits until every matching element has drawn (`ready`), then two frames more. */
    async ready(selector = 'migration-chart') {
      await self.waitFor((s) => {
        const all = [...document.querySelectorAll(s)];
        return all.length > 0 && all.every((e) => e.hasAttribute('ready'));
      }, selector, { message: `${selector}[ready]` });
      await self.frame();
    },
    frame: () => self.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))),
    /** The CSS-pixel box of the first element matching `selector` in the viewport. */
    box: (selector) => self.evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, selector),
    /** Errors reported in the page: native console/page errors where the driver has them. */
    async errors() {
      const spied = await self.evaluate(() => window.__spy?.errors ?? []).catch(() => []);
      return raw.nativeErrors ? [...raw.nativeErrors] : spied;
    },
    /** CSP violations seen by the page (securitypolicyviolation events). */
    csp: () => self.evaluate(() => window.__spy?.csp ?? []),
  };
  return self;
}

// ---- Chromium: playwright-core over CDP -------------------------------------------------------

/** What playwright's and puppeteer's pages do alike: errors, navigation, scripts, mouse, keys. */
function common(p, dpr) {
  const nativeErrors = [];
  p.on('pageerror', (e) => nativeErrors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') nativeErrors.push(m.text()); });
  return {
    nativeErrors,
    dpr,
    goto: (url) => p.goto(url).then(() => undefined),
    evaluate: (fn, arg) => p.evaluate(fn, arg),
    addScript: (content) => p.addScriptTag({ content }).then(() => undefined),
    mouse: { move: (x, y) => p.mouse.move(x, y), click: (x, y) => p.mouse.click(x, y) },
    press: (key) => p.keyboard.press(key),
  };
}

async function chromiumEngine() {
  const browser = await chromium.launch({ executablePath: BINARIES.chromium, args: CHROMIUM_ARGS, headless: true });
  return {
    engine: 'chromium',
    async newPage({ width = 1100, height = 900, dpr = 1, touch = false, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, colorScheme });
      const p = await context.newPage();
      return page('chromium', {
        ...common(p, dpr),
        async tap(x, y) {
          if (!touch) throw new Unsupported('open the page with { touch: true } to tap in Chromium');
          await p.touchscreen.tap(x, y);
        },
        size: (w, h) => p.setViewportSize({ width: w, height: h }),
        screenshot: (selector) => (selector ? p.locator(selector).first().screenshot() : p.screenshot()),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

// ---- Firefox: puppeteer-core over WebDriver BiDi ----------------------------------------------

async function firefoxEngine() {
  // prefers-color-scheme is a preference of the whole browser, not of a page, in Firefox over
  // BiDi: a dark page comes from a second browser, started when first asked for.
  const start = (dark) => puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARIES.firefox,
    headless: true,
    // No first-run pages, updates or telemetry; the profile is a fresh temporary one.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
    },
  });
  const browsers = new Map();
  const get = (scheme) => {
    if (!browsers.has(scheme)) browsers.set(scheme, start(scheme === 'dark'));
    return browsers.get(scheme);
  };
  await get('light');
  return {
    engine: 'firefox',
    async newPage({ width = 1100, height = 900, dpr = 1, colorScheme = 'light' } = {}) {
      const browser = await get(colorScheme);
      const context = await browser.createBrowserContext();
      const p = await context.newPage();
      await p.setViewport({ width, height, deviceScaleFactor: dpr });
      return page('firefox', {
        ...common(p, dpr),
        tap: (x, y) => p.touchscreen.tap(x, y),
        size: (w, h) => p.setViewport({ width: w, height: h, deviceScaleFactor: dpr }),
        async screenshot(selector) {
          if (!selector) return Buffer.from(await p.screenshot());
          const el = await p.$(selector);
          return Buffer.from(await el.screenshot());
        },
        close: () => context.close(),
      });
    },
    async close() { for (const b of browsers.values()) await (await b).close(); },
  };
}

// ---- WebKit: WebKitWebDriver + MiniBrowser, a W3C WebDriver client over fetch ------------------

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** One WebKitWebDriver under its own Xvfb, at one GDK_SCALE (= devicePixelRatio). */
async function webkitDriver(scale) {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 2560x2000x24', BINARIES.webkitDriver, `--port=${port}`], {
    env: { ...process.env, GDK_SCALE: String(scale), GDK_DPI_SCALE: '1' },
    stdio: 'ignore',
    detached: true, // its own process group: xvfb-run, Xvfb and the driver end together
  });
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 20000;
  for (;;) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > end || child.exitCode !== null) throw new Error(`WebKitWebDriver did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  // A test that crashes must not leave its X server and driver behind.
  process.once('exit', stop);
  return { url, stop };
}

/** One W3C WebDriver call; a driver that does not answer within `timeout` ms is an error, not a hang. */
async function wd(base, method, path, body, timeout = 60000) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}


async function webkitEngine() {
  const drivers = new Map(); // scale -> driver
  const sessions = new Set();
  const driver = async (scale) => {
    if (!drivers.has(scale)) drivers.set(scale, webkitDriver(scale));
    return drivers.get(scale);
  };
  // Seen here once in a few runs: WebKitWebDriver accepts POST /session and never starts
  // MiniBrowser. The request times out, that driver is replaced, and the session asked once more.
  const session = async (scale, capabilities) => {
    for (let attempt = 1; ; attempt++) {
      const { url } = await driver(scale);
      try {
        const { sessionId } = await wd(url, 'POST', '/session', { capabilities }, 30000);
        return { url, sessionId };
      } catch (e) {
        if (attempt > 1) throw e;
        (await drivers.get(scale)).stop();
        drivers.delete(scale);
      }
    }
  };
  return {
    engine: 'webkit',
    async newPage({ width = 1100, height = 900, dpr = 1, colorScheme = 'light' } = {}) {
      // MiniBrowser's --dark-mode is GTK's dark preference, which WebKit maps to prefers-color-scheme.
      const args = ['--automation', ...(colorScheme === 'dark' ? ['--dark-mode'] : [])];
      const { url, sessionId } = await session(dpr, {
        alwaysMatch: { 'webkitgtk:browserOptions': { binary: BINARIES.minibrowser, args } },
      });
      const S = `/session/${sessionId}`;
      const call = (method, path, body) => wd(url, method, `${S}${path}`, body);
      sessions.add(call);
      const evaluate = (fn, arg) => call('POST', '/execute/sync', {
        script: `return (${fn}).call(null, arguments[0]);`,
        args: [arg === undefined ? null : arg],
      });
      const pointer = (type, actions) => call('POST', '/actions', {
        actions: [{ type: 'pointer', id: `p-${type}`, parameters: { pointerType: type }, actions }],
      });
      const move = (x, y) => ({ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) });
      // The window rect is the outer size; the viewport is smaller by MiniBrowser's own chrome.
      // Below the window's minimum width the root element is narrowed instead (LIMITS.webkit.narrow).
      let narrow = 0;
      const narrowRoot = () => evaluate((w) => {
        document.documentElement.style.width = w ? `${w}px` : '';
        return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));
      }, narrow);
      const size = async (w, h) => {
        await call('POST', '/window/rect', { width: w, height: h });
        let inner = await evaluate(() => [innerWidth, innerHeight]);
        if (inner[0] !== w || inner[1] !== h) {
          await call('POST', '/window/rect', { width: 2 * w - inner[0], height: 2 * h - inner[1] });
          inner = await evaluate(() => [innerWidth, innerHeight]);
        }
        const was = narrow;
        narrow = inner[0] > w ? w : 0;
        if (narrow || was) await narrowRoot();
      };
      await size(width, height);
      return page('webkit', {
        nativeErrors: null,
        dpr,
        async goto(u) {
          await call('POST', '/url', { url: u });
          if (narrow) await narrowRoot();
        },
        /** The CSS width the root element is held to (0: the viewport's own). */
        narrowed: () => narrow,
        evaluate,
        addScript: (content) => call('POST', '/execute/sync', { script: content, args: [] }).then(() => undefined),
        mouse: {
          move: (x, y) => pointer('mouse', [move(x, y)]),
          click: (x, y) => pointer('mouse', [move(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]),
        },
        tap() { throw new Unsupported(LIMITS.webkit.touch); },
        async press(key) {
          const value = KEYS[key] ?? key;
          await call('POST', '/actions', { actions: [{ type: 'key', id: 'k', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] });
        },
        async size(w, h) { width = w; height = h; await size(w, h); },
        async screenshot(selector) {
          if (!selector) return Buffer.from(await call('GET', '/screenshot'), 'base64');
          // WebKitWebDriver's element screenshots come out clipped (black where the element is
          // drawn), its viewport ones are right: grow the window to hold the whole element (the
          // chart's height does not depend on the window's), take the viewport and crop.
          const rect = () => evaluate((sel) => {
            scrollTo(0, 0);
            const r = document.querySelector(sel).getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height, dpr: devicePixelRatio };
          }, selector);
          let r = await rect();
          const grow = Math.ceil(r.y + r.height) + 1 > height;
          if (grow) {
            await size(width, Math.ceil(r.y + r.height) + 1);
            await evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
            r = await rect();
          }
          const shot = Buffer.from(await call('GET', '/screenshot'), 'base64');
          if (grow) await size(width, height);
          return crop(shot, { x: r.x * r.dpr, y: r.y * r.dpr, width: r.width * r.dpr, height: r.height * r.dpr });
        },
        async close() {
          sessions.delete(call);
          await call('DELETE', '').catch(() => {});
        },
      });
    },
    async close() {
      for (const call of sessions) await call('DELETE', '').catch(() => {});
      for (const d of drivers.values()) (await d).stop();
    },
  };
}

/** A PNG's pixel size, from its IHDR chunk. */
export const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
