// Faults from outside: a dataset that 404s, never answers, has the wrong content type or is
// broken; one broken widget among good ones; and a long soak of pointer moves, view changes
// and mounts. The widget keeps working and says what is wrong, in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { setup, newPage, ready, memoryOf } from './browser.mjs';

let env;
// A server on loopback that accepts connections and never answers, for the time-out case.
const silent = { sockets: new Set(), server: createServer((socket) => silent.sockets.add(socket)) };
before(async () => {
  env = await setup();
  await new Promise((ok) => silent.server.listen(0, '127.0.0.1', ok));
});
after(async () => {
  await env?.close();
  for (const socket of silent.sockets) socket.destroy();
  silent.server.close();
});

const HOST = '/tests/e2e/hosts/many.html';

/** Mounts widgets described by attribute objects and waits until each has drawn or failed. */
async function mount(page, widgets) {
  await page.evaluate((list) => {
    for (const attrs of list) {
      const el = document.createElement('migration-chart');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
    }
  }, widgets);
  await page.waitForFunction(() => [...document.querySelectorAll('migration-chart')].every((e) =>
    e.hasAttribute('ready') && ['stage', 'table', 'error'].some((id) => !e.shadowRoot.getElementById(id).hidden)));
}

const errorText = (page, n) => page.locator('migration-chart').nth(n).locator('#error').textContent();

test('a src that fails says why, in the widget, in its language', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}${HOST}`);
  await mount(page, [
    { src: '/no/such.json' },
    { src: '/data/source-statistics-page-9.txt' },
    { src: `http://127.0.0.1:${silent.server.address().port}/never.json`, lang: 'az' },
  ]);
  assert.match(await errorText(page, 0), /“\/no\/such\.json” could not be loaded: the server answered 404\./);
  assert.match(await errorText(page, 1), /it was served as text\/plain; charset=utf-8, not as JSON\./);
  await page.waitForFunction(() => !document.querySelectorAll('migration-chart')[2].shadowRoot.getElementById('error').hidden, null, { timeout: 20000 });
  assert.match(await errorText(page, 2), /yüklənmədi: 10 saniyə ərzində cavab gəlmədi\./);
  await page.context().close();
});

test('one broken widget among good ones: the good ones draw and respond', async () => {
  const page = await newPage(env.browser);
  await page.route('**/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"groups": [' }));
  await page.goto(`${env.base}${HOST}`);
  await mount(page, [{ view: 'compare' }, { src: '/broken.json' }, { view: 'breakdown', lang: 'ru' }]);
  assert.match(await errorText(page, 1), /The data could not be read: the file is not valid JSON/);
  await page.locator('migration-chart').nth(1).evaluate((e) => e.setAttribute('lang', 'ru'));
  await page.waitForFunction(() => /Не удалось прочитать данные: файл не является корректным JSON/.test(
    document.querySelectorAll('migration-chart')[1].shadowRoot.getElementById('error').textContent));
  for (const n of [0, 2]) {
    const el = page.locator('migration-chart').nth(n);
    assert.ok(await el.locator('#error').isHidden());
    await el.locator('#plot').focus();
    await page.keyboard.press('ArrowRight');
    assert.ok(await el.locator('#tip').isVisible(), `widget ${n} does not respond`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('soak: 10,000 pointer moves and 200 view changes leave memory flat and the console clean', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}${HOST}`);
  await mount(page, [{ view: 'compare', height: '400' }]);
  const memory = () => memoryOf(page);
  const work = (moves, changes) => page.evaluate(async ([m, c]) => {
    const el = document.querySelector('migration-chart');
    const stage = el.shadowRoot.getElementById('stage');
    const r = stage.getBoundingClientRect();
    for (let i = 0; i < m; i++) {
      const x = r.left + ((i * 37) % Math.max(1, r.width)), y = r.top + ((i * 53) % Math.max(1, r.height));
      stage.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
    }
    const views = ['overview', 'compare', 'breakdown', 'table'];
    const modes = ['absolute', 'indexed', 'change'];
    for (let i = 0; i < c; i++) {
      el.setAttribute('view', views[i % 4]);
      el.setAttribute('mode', modes[i % 3]);
      el.setAttribute('lang', ['en', 'az', 'ru'][i % 3]);
      await new Promise((res) => requestAnimationFrame(res));
    }
  }, [moves, changes]);
  await work(1000, 20);
  const first = await memory();
  await work(9000, 180);
  const last = await memory();
  console.log(`soak: after warm-up ${JSON.stringify(first)}; after all ${JSON.stringify(last)}`);
  assert.ok(last.wasm <= first.wasm, `wasm memory grew from ${first.wasm} to ${last.wasm}`);
  assert.ok(last.heap < first.heap * 1.25 + 512 * 1024, `JS heap grew from ${first.heap} to ${last.heap}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('labels with HTML and script are shown as text and never run', async () => {
  const page = await newPage(env.browser);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${env.base}${HOST}`);
  await mount(page, [{ src: '/tests/bad-input/ok-label-with-html.json', view: 'table' }]);
  const el = page.locator('migration-chart');
  assert.equal(await el.locator('#table th[scope="row"]').first().textContent(), '<img src=x onerror="alert(1)"><script>alert(2)</script>');
  assert.equal(await el.locator('#table img, #table script').count(), 0);
  await el.evaluate((e) => e.setAttribute('view', 'compare'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await el.locator('#plot').focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await el.locator('#tip').textContent(), /<script>alert\(2\)<\/script>/);
  assert.equal(await el.locator('#tip img, #tip script').count(), 0);
  assert.deepEqual(dialogs, []);
  await page.context().close();
});

test('a 20 MB dataset is refused by size, in words', async () => {
  const page = await newPage(env.browser);
  await page.route('**/big.json', (route) => route.fulfill({ contentType: 'application/json', body: `[${'0,'.repeat(10 * 1024 * 1024)}0]` }));
  await page.goto(`${env.base}${HOST}`);
  await mount(page, [{ src: '/big.json' }]);
  assert.match(await errorText(page, 0), /The data could not be read: the file is 20971523 bytes; the limit is 4194304 bytes\./);
  await page.context().close();
});

test('parts that do not add up are drawn, with a warning in words', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}${HOST}`);
  await mount(page, [{ src: '/tests/bad-input/ok-parts-do-not-sum.json', view: 'breakdown' }]);
  const el = page.locator('migration-chart');
  assert.ok(await el.locator('#stage').isVisible());
  assert.match(await el.locator('#warning').textContent(), /Y, A: the parts add up to 1, not 3; Y, B: the parts add up to 2, not 4\./);
  assert.ok(await el.locator('#error').isHidden());
  await page.context().close();
});
