// The page, end to end in Debian Chromium: it draws, the tooltip tells exact values, it is
// sharp at any devicePixelRatio, it follows its container, and it degrades to words + a table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { setup, newPage, ready } from './browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const shots = new URL('../../target/screenshots/', import.meta.url).pathname;

/** Count of sampled canvas pixels that differ from the background. */
function inked(page) {
  return page.evaluate(() => {
    const c = document.querySelector('migration-chart').shadowRoot.getElementById('plot');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    return n;
  });
}

const tipText = (page) => page.evaluate(() => {
  const tip = document.querySelector('migration-chart').shadowRoot.getElementById('tip');
  return tip.hidden ? '' : tip.textContent;
});

/** Moves the pointer over the chart's grid until the tooltip mentions `text`. */
async function hoverUntil(page, text, { x0 = 0, y0 = 0, w = 320, h = 260, step = 8 } = {}) {
  const box = await page.locator('migration-chart').boundingBox();
  for (let y = y0; y < y0 + h; y += step * 2) {
    for (let x = x0; x < x0 + w; x += step) {
      await page.mouse.move(box.x + x, box.y + y);
      if ((await tipText(page)).includes(text)) return true;
    }
  }
  return false;
}

test('overview draws and the first bar of registration says 96,732', async () => {
  mkdirSync(shots, { recursive: true });
  const page = await newPage(env.browser, { deviceScaleFactor: 2 });
  await page.goto(`${env.base}/index.html`);
  await ready(page);
  assert.ok(await inked(page) > 5000, 'the canvas is blank');
  assert.ok(await hoverUntil(page, '96,732'), 'no tooltip with 96,732');
  const tip = await tipText(page);
  assert.match(tip, /Applications for registration upon place of stay/);
  assert.match(tip, /Report 1/);
  await page.screenshot({ path: `${shots}e2e-overview-dpr2.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const dpr of [1, 2, 3]) {
  test(`the canvas backing store follows devicePixelRatio ${dpr}`, async () => {
    const page = await newPage(env.browser, { deviceScaleFactor: dpr });
    await page.goto(`${env.base}/index.html#view=compare`);
    await ready(page);
    const size = await page.evaluate(() => {
      const c = document.querySelector('migration-chart').shadowRoot.getElementById('plot');
      return { w: c.width, h: c.height, cssW: c.getBoundingClientRect().width, cssH: c.getBoundingClientRect().height };
    });
    assert.equal(size.w, Math.round(size.cssW * dpr));
    assert.equal(size.h, Math.round(size.cssH * dpr));
    await page.context().close();
  });
}

test('compare shows chosen indicators and redraws when its container resizes', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/index.html#view=compare&indicators=citizenship,expelled`);
  await ready(page);
  assert.ok(await hoverUntil(page, 'Applications on establishment of citizenship', { y0: 120, w: 600, h: 200 }));
  const width = () => page.evaluate(() => document.querySelector('migration-chart').shadowRoot.getElementById('plot').width);
  const before = await width();
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction((b) => document.querySelector('migration-chart').shadowRoot.getElementById('plot').width !== b, before);
  assert.ok(await width() < before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without wasm the page says so in words and still shows the numbers', async () => {
  const page = await newPage(env.browser);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${env.base}/index.html`);
  const error = page.locator('migration-chart').locator('#error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /could not run/);
  assert.ok(await page.getByRole('cell', { name: '96,732' }).isVisible());
  // The element says so to its host, whose stylesheet then says why instead of "loading".
  assert.ok(await page.locator('migration-chart').evaluate((el) => el.hasAttribute('failed')), 'no failed attribute');
  assert.ok(await page.locator('.fallback-note').isVisible(), 'the page does not say the chart needs WebAssembly');
  assert.ok(!(await page.locator('.loading-note').isVisible()), 'the page still says the chart is loading');
  await page.context().close();
});
