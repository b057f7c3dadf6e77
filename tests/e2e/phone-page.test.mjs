// The demo page as readers meet it, in Debian Chromium: on a phone nothing scrolls sideways and
// the chart is on the first screen; nothing moves when the wasm arrives; until then controls
// are disabled, and without scripts only what works shows; copying says what happened; the
// % change mode says why the log scale is off; the wasm is preloaded and fetched once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, ready } from './browser.mjs';

let env;
before(async () => { env = await setup({ csp: true }); });
after(async () => { await env?.close(); });

const PHONE = { width: 375, height: 740 };
const VIEWS = ['overview', 'compare', 'breakdown', 'table'];
const LANGS = ['en', 'az', 'ru'];

/** Goes to `hash` on an open page and waits until the element shows it. */
async function show(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  const want = Object.fromEntries(new URLSearchParams(hash));
  await page.waitForFunction((w) => {
    const s = document.querySelector('migration-chart').state;
    return s && Object.entries(w).every(([k, v]) => s[k] === v) && document.documentElement.lang === s.lang;
  }, want);
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

for (const width of [375, 320]) {
  test(`at ${width} px no view in any language scrolls sideways, options open or not`, async () => {
    const page = await newPage(env.browser, { viewport: { width, height: 740 } });
    await page.goto(`${env.base}/index.html`);
    await ready(page);
    const wide = [];
    for (const lang of LANGS) {
      for (const view of VIEWS) {
        await show(page, `view=${view}&lang=${lang}`);
        for (const open of [false, true]) {
          const toggle = page.locator('.options-toggle');
          if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
          const over = await sideways(page);
          if (over > 0) wide.push(`${lang} ${view}${open ? ' (options open)' : ''}: ${over} px too wide`);
        }
        // The About text, the embed codes and the export buttons are part of every view.
        await page.locator('.embed summary').click();
        const over = await sideways(page);
        if (over > 0) wide.push(`${lang} ${view} (embed open): ${over} px too wide`);
        await page.locator('.embed summary').click();
      }
    }
    assert.deepEqual(wide, []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('on a 375×740 phone the Compare chart starts well within the first screen in every language', async () => {
  const page = await newPage(env.browser, { viewport: PHONE });
  for (const lang of LANGS) {
    await page.goto(`${env.base}/index.html#view=compare&lang=${lang}`);
    await ready(page);
    const box = await page.locator('migration-chart').boundingBox();
    // Its top, and at least three fifths of the plot, are on the first screen.
    assert.ok(box.y + 0.6 * box.height <= PHONE.height, `${lang}: chart starts at ${box.y} px, ${box.height} px tall`);
    assert.ok(box.y < 360, `${lang}: chart starts at ${box.y} px`);
  }
  await page.context().close();
});

test('on a phone the options open and close from the keyboard', async () => {
  const page = await newPage(env.browser, { viewport: PHONE });
  await page.goto(`${env.base}/index.html#view=compare`);
  await ready(page);
  const mode = page.locator('select[data-key="mode"]');
  const toggle = page.locator('.options-toggle');
  assert.equal(await mode.isVisible(), false, 'the options are not collapsed on a phone');
  assert.equal(await toggle.getAttribute('aria-controls'), 'options');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await mode.isVisible());
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'mode', 'Tab does not reach the first option');
  await toggle.focus();
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await mode.isVisible(), false);
  // On a desktop the options are always there and the button is not.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(await mode.isVisible());
  assert.equal(await toggle.isVisible(), false);
  await page.context().close();
});

/** Sum of the layout shifts (buffered, so from the start of the page) up to now. */
const shifts = (page) => page.evaluate(() => new Promise((done) => {
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    done(list.getEntries().filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));
  }).observe({ type: 'layout-shift', buffered: true });
  // With no shift at all the observer is not called.
  setTimeout(() => done(0), 500);
}));

for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', PHONE]]) {
  for (const view of VIEWS) {
    test(`${device} ${view}: the page does not move as the wasm arrives (CLS < 0.05)`, async () => {
      const page = await newPage(env.browser, { viewport });
      await page.goto(`${env.base}/index.html#view=${view}`);
      await ready(page);
      // Two frames after ready: the view from the hash is drawn and the controls are synced.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const cls = await shifts(page);
      assert.ok(cls < 0.05, `CLS ${cls.toFixed(3)}`);
      await page.context().close();
    });
  }
}

test('while the wasm loads the chart keeps its height and every control is disabled', async () => {
  const cases = [['overview', 1280, 'en'], ['overview', 600, 'ru'], ['overview', 375, 'en'], ['compare', 375, 'az'],
    ['compare', 320, 'ru'], ['breakdown', 1280, 'ru'], ['table', 1280, 'en']];
  for (const [view, width, lang] of cases) {
    const page = await newPage(env.browser, { viewport: { width, height: 900 } });
    let release;
    const held = new Promise((r) => { release = r; });
    let arrived;
    const requested = new Promise((r) => { arrived = r; });
    await page.route('**/migration_charts_bg.wasm', async (route) => { arrived(); await held; await route.continue(); });
    await page.goto(`${env.base}/index.html#view=${view}&lang=${lang}`);
    await requested;
    const controls = page.locator('.controls button, .controls select, .actions button, [data-copy]');
    await page.waitForFunction((l) => document.documentElement.dataset.words === l, lang);
    const states = await controls.evaluateAll((els) => els.map((el) => el.disabled));
    assert.ok(states.length > 10 && states.every(Boolean), `${view} ${width}: a control works before the chart does`);
    if (view !== 'table') assert.ok(await page.locator('.loading-note').isVisible(), 'no word that the chart is loading');
    const loading = (await page.locator('migration-chart').boundingBox()).height;
    release();
    await ready(page);
    const drawn = (await page.locator('migration-chart').boundingBox()).height;
    assert.ok(Math.abs(loading - drawn) < 1, `${view} at ${width} px in ${lang}: ${loading} px kept, ${drawn} px drawn`);
    await page.waitForFunction(() => !document.querySelector('button[data-view="compare"]').disabled);
    assert.equal(await page.locator('.loading-note').isVisible(), false);
    await page.context().close();
  }
});

test('without JavaScript the page shows the table and the About text, and no dead controls', async () => {
  const page = await newPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.base}/index.html#view=compare`);
  assert.ok(await page.getByRole('cell', { name: '96,732' }).isVisible());
  assert.ok(await page.locator('.fallback-note').isVisible());
  assert.ok(await page.getByRole('heading', { name: 'About the data' }).isVisible());
  const visible = await page.locator('button, select, input, textarea, summary').evaluateAll(
    (els) => els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 60)));
  assert.deepEqual(visible, []);
  assert.equal(await page.locator('.loading-note').isVisible(), false);
  await page.context().close();
});

test('copying the link and the embed code says so, and the confirmation goes away', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${env.base}/index.html#view=compare`);
  await ready(page);
  const status = page.locator('.actions .status');
  await page.locator('[data-action="link"]').click();
  await page.waitForFunction(() => document.querySelector('.actions .status').textContent !== '');
  assert.equal(await status.textContent(), 'Link copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await page.waitForFunction(() => document.querySelector('.actions .status').textContent === '', null, { timeout: 8000 });

  await page.locator('.embed summary').click();
  for (const id of ['embed-element', 'embed-iframe']) {
    const box = page.locator(`#${id}`);
    // The whole snippet shows: nothing is cut off, its closing tag included.
    const cut = await box.evaluate((el) => el.scrollHeight - el.clientHeight);
    assert.ok(cut <= 0, `${id}: ${cut} px of the code are cut off`);
    assert.match(await box.inputValue(), id === 'embed-element' ? /<\/script>/ : /<\/iframe>/);
    await page.locator(`[data-copy="${id}"]`).click();
    const near = page.locator(`[data-copy="${id}"] + .status`);
    await near.filter({ hasText: 'Code copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await box.inputValue());
  }
  await context.close();
});

test('when the clipboard is denied the page says so in words and selects the code', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
  // What Chromium answers when the clipboard is denied (its CDP permission override does not
  // reach writeText in headless mode, so the refusal is put in place of the call).
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.goto(`${env.base}/index.html#view=compare&lang=ru`);
  await ready(page);
  await page.locator('[data-action="link"]').click();
  const status = page.locator('.actions .status');
  await status.filter({ hasText: 'Не скопировано' }).waitFor();
  await page.locator('.embed summary').click();
  await page.locator('[data-copy="embed-element"]').click();
  await page.locator('[data-copy="embed-element"] + .status').filter({ hasText: 'Не скопировано' }).waitFor();
  const selected = await page.evaluate(() => {
    const box = document.getElementById('embed-element');
    return document.activeElement === box && box.selectionEnd - box.selectionStart === box.value.length;
  });
  assert.ok(selected, 'the code is not selected for copying by hand');
  // A failure stays until the next action: it is not a confirmation that fades.
  await page.waitForTimeout(4500);
  assert.match(await status.textContent(), /Не скопировано/);
  await page.context().close();
});

test('in % change mode the log scale is disabled, and the page says why', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/index.html#view=compare&scale=log`);
  await ready(page);
  const scale = page.locator('select[data-key="scale"]');
  const note = page.locator('#scale-note');
  assert.equal(await scale.isDisabled(), false);
  assert.equal(await note.isVisible(), false);
  for (const [lang, words] of [['en', /linear scale/], ['az', /xətti şkala/], ['ru', /линейной шкале/]]) {
    await show(page, `view=compare&scale=log&mode=change&lang=${lang}`);
    assert.ok(await scale.isDisabled(), `${lang}: the scale still offers Logarithmic`);
    assert.ok(await note.isVisible());
    assert.match(await note.textContent(), words);
    assert.equal(await scale.getAttribute('aria-describedby'), 'scale-note');
  }
  await page.locator('select[data-key="mode"]').selectOption('absolute');
  await page.waitForFunction(() => !document.querySelector('select[data-key="scale"]').disabled);
  assert.equal(await note.isVisible(), false);
  await page.context().close();
});

test('the Stack control reads "С накоплением" in Russian, and the source link says it is in English', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/index.html#view=breakdown&lang=ru`);
  await ready(page);
  assert.equal(await page.locator('[data-word="stack"]').textContent(), 'С накоплением');
  const note = page.locator('[data-word="source-lang"]');
  assert.match(await note.textContent(), /на английском/);
  await show(page, 'view=breakdown&lang=az');
  assert.match(await note.textContent(), /ingilis/);
  await show(page, 'view=breakdown&lang=en');
  assert.equal(await note.textContent(), '');
  assert.equal(await page.locator('a[data-word="source-link"]').getAttribute('hreflang'), 'en');
  await page.context().close();
});

test('the markup is written in page-words.js\'s English, so an English page is not translated on load', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/index.html`);
  await ready(page);
  const differ = () => page.evaluate(async () => {
    const { PAGE_WORDS } = await import('./www/page-words.js');
    const en = PAGE_WORDS.en;
    return [
      ...[...document.querySelectorAll('[data-word]')].filter((el) => el.textContent !== en[el.dataset.word])
        .map((el) => `${el.dataset.word}: "${el.textContent}" is not "${en[el.dataset.word]}"`),
      ...[...document.querySelectorAll('[data-word-label]')].filter((el) => el.getAttribute('aria-label') !== en[el.dataset.wordLabel])
        .map((el) => `${el.dataset.wordLabel}: label "${el.getAttribute('aria-label')}"`),
    ];
  });
  assert.deepEqual(await differ(), []);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.words), 'en');
  // Through another language and back, the page's English is page-words.js's again.
  await show(page, 'lang=ru');
  assert.equal(await page.locator('[data-word="overview"]').textContent(), 'Обзор');
  await show(page, 'lang=en');
  assert.deepEqual(await differ(), []);
  await page.context().close();
});

test('the wasm, its glue and the element script are preloaded and each fetched once', async () => {
  const page = await newPage(env.browser);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const warnings = [];
  page.on('console', (m) => { if (/preload/i.test(m.text())) warnings.push(m.text()); });
  await page.goto(`${env.base}/index.html`);
  await ready(page);
  await page.waitForTimeout(3500); // Chromium warns of an unused preload about 3 s after load
  for (const file of ['/www/pkg/migration_charts_bg.wasm', '/www/pkg/migration_charts.js', '/www/migration-chart.js', '/www/migration-chart.css']) {
    assert.equal(fetched.filter((p) => p === file).length, 1, `${file} fetched ${fetched.filter((p) => p === file).length} times`);
  }
  const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname));
  assert.ok(preloads.includes('/www/pkg/migration_charts_bg.wasm') && preloads.includes('/www/pkg/migration_charts.js'));
  assert.deepEqual(warnings, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
