// The embeddable widget: strict CSP and hostile hosts render the same as a plain page,
// attributes are live, other datasets load or fail in words, the iframe reports its height,
// and mounting and removing hundreds of widgets does not leak.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, ready } from './browser.mjs';

let env;
let strict;
before(async () => { env = await setup(); strict = await setup({ csp: true }); });
after(async () => { await env?.close(); await strict?.close(); });

const HOSTS = '/tests/e2e/hosts';
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** A digest of the plot canvas's pixels: equal digests mean identical drawings. */
const digest = (page, n = 0) => page.evaluate(async (i) => {
  const c = document.querySelectorAll('migration-chart')[i].shadowRoot.getElementById('plot');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const hash = await crypto.subtle.digest('SHA-256', px);
  return `${c.width}x${c.height}:${[...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}, n);

async function render(base, path) {
  const page = await newPage(env.browser);
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) violations.push(m.text()); });
  await page.goto(`${base}${path}`);
  await ready(page);
  await frame(page);
  return { page, violations, pixels: await digest(page) };
}

test('a strict-CSP page and a hostile, right-to-left page draw the same pixels as a plain page', async () => {
  const plain = await render(env.base, `${HOSTS}/plain.html`);
  const hostile = await render(env.base, `${HOSTS}/hostile.html`);
  const csp = await render(strict.base, `${HOSTS}/plain.html`);
  assert.equal(hostile.pixels, plain.pixels);
  assert.equal(csp.pixels, plain.pixels);
  assert.deepEqual(csp.violations, []);
  assert.deepEqual([...plain.page.errors, ...hostile.page.errors, ...csp.page.errors], []);
  // The hostile `canvas { filter: invert(1) }` does not reach into the shadow root.
  const filter = await hostile.page.evaluate(() =>
    getComputedStyle(document.querySelector('migration-chart').shadowRoot.getElementById('plot')).filter);
  assert.equal(filter, 'none');
  // The whole project page also runs under the strict policy.
  const page = await render(strict.base, '/index.html');
  assert.deepEqual(page.violations, []);
  for (const r of [plain, hostile, csp, page]) await r.page.context().close();
});

test('the first render does not wait for the stylesheet, even under the strict CSP', async () => {
  const page = await newPage(strict.browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/migration-chart.css', async (route) => { await held; await route.continue(); });
  // The held stylesheet holds the load event back too.
  await page.goto(`${strict.base}${HOSTS}/plain.html`, { waitUntil: 'commit' });
  await ready(page);
  const drawn = await page.evaluate(() => {
    const el = document.querySelector('migration-chart');
    return { display: getComputedStyle(el).display, host: el.clientWidth, canvas: el.shadowRoot.getElementById('plot').width };
  });
  release();
  // Before, the host was inline (zero wide) until the stylesheet came, and the first render drew nothing.
  assert.equal(drawn.display, 'block');
  assert.ok(drawn.host > 300 && drawn.canvas === drawn.host, JSON.stringify(drawn));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('fallback content shows until the chart is ready and stays when wasm fails', async () => {
  const page = await newPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${env.base}${HOSTS}/plain.html`);
  await page.locator('migration-chart').locator('#error').waitFor({ state: 'visible' });
  assert.ok(await page.getByText('fallback 96,732').isVisible());
  await page.context().close();
});

test('attributes are live; unknown values fall back and warn once', async () => {
  const page = await newPage(env.browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.base}${HOSTS}/plain.html`);
  await ready(page);
  const el = page.locator('migration-chart');
  await el.evaluate((e) => { e.setAttribute('mode', 'sideways'); e.setAttribute('mode', 'sideways'); });
  await frame(page);
  assert.equal(warnings.filter((w) => w.includes('mode="sideways"')).length, 1);
  assert.equal(await el.evaluate((e) => e.state.mode), 'absolute');
  const before = await digest(page);
  await el.evaluate((e) => e.setAttribute('lang', 'az'));
  await frame(page);
  assert.notEqual(await digest(page), before);
  assert.equal(await el.evaluate((e) => e.state.lang), 'az');
  await el.evaluate((e) => e.setAttribute('view', 'table'));
  await frame(page);
  assert.ok(await el.locator('td', { hasText: '96.732' }).first().isVisible());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('src loads another dataset; a broken one says what is wrong inside the widget', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/examples/index.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('migration-chart')].every((e) => e.hasAttribute('ready')));
  await frame(page);
  const feb = page.locator('migration-chart').nth(3);
  assert.equal(await feb.evaluate((e) => e.toCSV().split('\r\n')[1]), 'legalized,Foreigners whose residence was legalized,2017-02,February 2017,223');
  await feb.evaluate((e) => e.setAttribute('src', '/no/such/file.json'));
  await feb.locator('#error').waitFor({ state: 'visible' });
  assert.match(await feb.locator('#error').textContent(), /“\/no\/such\/file\.json” could not be loaded: the server answered 404/);
  // The other widgets on the page keep working.
  assert.equal(await page.locator('migration-chart').nth(1).evaluate((e) => e.state.view), 'compare');
  await page.context().close();
});

test('the iframe page fills the frame and reports its height to the host', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/examples/index.html`);
  await page.waitForFunction(() => parseFloat(document.getElementById('frame').style.height) > 300);
  const inner = page.frameLocator('#frame').locator('migration-chart');
  assert.equal(await inner.evaluate((e) => e.state.mark), 'lines');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('mounting and removing 500 widgets does not grow JS heap or wasm memory', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}${HOSTS}/many.html`);
  const cycle = (n) => page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) {
      const el = document.createElement('migration-chart');
      el.setAttribute('view', i % 2 ? 'compare' : 'overview');
      document.body.append(el);
      await new Promise((r) => el.addEventListener('ready', r, { once: true }));
      el.remove();
    }
  }, n);
  const measure = async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const wasm = await page.evaluate(() => customElements.get('migration-chart').wasmMemoryBytes());
    return { heap: usedSize, wasm };
  };
  await cycle(50);
  const first = await measure();
  await cycle(450);
  const last = await measure();
  console.log(`after 50: ${JSON.stringify(first)}; after 500: ${JSON.stringify(last)}`);
  assert.ok(last.wasm <= first.wasm, `wasm memory grew from ${first.wasm} to ${last.wasm}`);
  assert.ok(last.heap < first.heap * 1.25 + 512 * 1024, `JS heap grew from ${first.heap} to ${last.heap}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('migration-chart').length), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
