// Accessibility and languages: axe-core finds nothing on the page or an embedded widget in
// any language or theme; no English is left on the az and ru pages; the table formats every
// value the CLDR way for its language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setup, newPage, ready } from './browser.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DATA = JSON.parse(await readFile(new URL('../../data/migration-az.json', import.meta.url), 'utf8'));
const LANGS = ['en', 'az', 'ru'];

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function open(path, options = {}) {
  const page = await newPage(env.browser, options);
  await page.goto(`${env.base}${path}`);
  await ready(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page;
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

for (const lang of LANGS) {
  for (const theme of ['light', 'dark']) {
    test(`axe finds no violations: page, ${lang}, ${theme}`, async () => {
      for (const view of ['overview', 'compare', 'breakdown', 'table']) {
        const page = await open(`/index.html#view=${view}&lang=${lang}&theme=${theme}`, { colorScheme: theme });
        assert.deepEqual(await axe(page), [], `${view}`);
        await page.context().close();
      }
    });
  }
  test(`axe finds no violations: embedded widget, ${lang}, light and dark`, async () => {
    const page = await open('/tests/e2e/hosts/plain.html');
    for (const theme of ['light', 'dark']) {
      await page.locator('migration-chart').evaluate((e, [l, t]) => { e.setAttribute('lang', l); e.setAttribute('theme', t); }, [lang, theme]);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.deepEqual(await axe(page), [], theme);
    }
    await page.context().close();
  });
}

/** Visible text pieces of the page and the widget's shadow root. */
const texts = (page) => page.evaluate(() => {
  const out = [];
  const walk = (root) => {
    const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = it.nextNode(); n; n = it.nextNode()) {
      const el = n.parentElement;
      if (el && el.checkVisibility() && n.textContent.trim()) out.push(n.textContent.trim());
    }
  };
  walk(document.body);
  for (const el of document.querySelectorAll('migration-chart')) walk(el.shadowRoot);
  for (const el of document.querySelectorAll('option, [aria-label]')) out.push(el.textContent.trim() || el.getAttribute('aria-label'));
  return out;
});

for (const lang of ['az', 'ru']) {
  test(`no English is left on the page in ${lang}`, async () => {
    const en = await open('/index.html#view=compare');
    const english = new Set((await texts(en)).filter((t) => /[a-z]{3}/i.test(t) && !/^(English|Azərbaycanca|Русский|Iframe|migration-charts|PNG|SVG|CSV)$/.test(t)));
    await en.context().close();
    const page = await open(`/index.html#view=compare&lang=${lang}`);
    const left = (await texts(page)).filter((t) => english.has(t));
    assert.deepEqual(left, []);
    await page.context().close();
  });
}

const CLDR = {
  en: (v) => v.toLocaleString('en-US'),
  az: (v) => v.toLocaleString('en-US').replaceAll(',', '.'),
  ru: (v) => v.toLocaleString('en-US').replaceAll(',', '\u00a0'),
};

for (const lang of LANGS) {
  test(`the table shows every value in ${lang}'s CLDR format`, async () => {
    const page = await open(`/index.html#view=table&lang=${lang}`);
    const cells = await page.locator('migration-chart').locator('#table td').allTextContents();
    assert.deepEqual(cells, DATA.indicators.flatMap((i) => i.values.map(CLDR[lang])));
    await page.context().close();
  });
}

test('keyboard only: Tab reaches every control, each with a visible focus', async () => {
  const page = await open('/index.html#view=compare');
  const stops = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return { name: `${el.tagName.toLowerCase()}#${el.id || el.dataset.view || el.dataset.key || el.dataset.action || el.dataset.series || el.value || el.textContent.trim().slice(0, 20)}`, visible };
    });
    if (!stop || stops.some((s) => s.name === stop.name)) break;
    stops.push(stop);
  }
  const names = stops.map((s) => s.name);
  const expected = await page.evaluate(() => [...document.querySelectorAll('button, select, input, a[href], summary')]
    .filter((el) => el.checkVisibility()).length
    + document.querySelector('migration-chart').shadowRoot.querySelectorAll('#legend button, #source a[href]').length
    + 1); // + the chart
  assert.equal(stops.length, expected, names.join(', '));
  assert.ok(names.includes('canvas#plot'), names.join(', '));
  assert.ok(names.includes('button#stay-registration'), names.join(', '));
  assert.deepEqual(stops.filter((s) => !s.visible).map((s) => s.name), [], 'focus must be visible');
  await page.context().close();
});

test('keyboard only: the arrows visit all 40 data points of the Overview', async () => {
  const page = await open('/index.html');
  await page.locator('migration-chart').locator('#plot').focus();
  const live = page.locator('migration-chart').locator('#live');
  const heard = new Set();
  for (let series = 0; series < 8; series++) {
    await page.keyboard.press(series === 0 ? 'ArrowRight' : 'ArrowDown');
    await page.keyboard.press('Home');
    for (let report = 0; report < 5; report++) {
      if (report) await page.keyboard.press('ArrowRight');
      heard.add(await live.textContent());
    }
  }
  assert.equal(heard.size, 40);
  for (const ind of DATA.indicators) {
    for (const v of ind.values) {
      assert.ok([...heard].some((s) => s.startsWith(ind.label.en) && s.includes(`: ${v.toLocaleString('en-US')};`)), `${ind.id} ${v}`);
    }
  }
  await page.context().close();
});

test('the canvas is described by the summary of what it shows, in each view and language', async () => {
  const page = await open('/index.html');
  const el = page.locator('migration-chart');
  const described = () => el.evaluate(async (e) => {
    // A change is drawn, with its summary, in the next frame.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const root = e.shadowRoot;
    const id = root.getElementById('plot').getAttribute('aria-describedby');
    return { text: root.getElementById(id).textContent, summary: e.summary };
  });
  const seen = new Set();
  for (const lang of LANGS) {
    for (const view of ['overview', 'compare', 'breakdown', 'table']) {
      await el.evaluate((e, [v, l]) => { e.setAttribute('view', v); e.setAttribute('lang', l); }, [view, lang]);
      const { text, summary } = await described();
      assert.ok(text.length > 40, `${view}, ${lang}: "${text}"`);
      assert.equal(text, summary, `${view}, ${lang}`);
      seen.add(text);
    }
  }
  // The Table shows what the Overview shows, and says so in the same words.
  assert.equal(seen.size, 9, 'each view but the Table, in each language, has its own description');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('nothing moves for a reader who prefers reduced motion (nothing animates at all)', async () => {
  const page = await open('/index.html#view=compare', { reducedMotion: 'reduce' });
  const box = await page.locator('migration-chart').boundingBox();
  await page.mouse.move(box.x + 200, box.y + 250);
  assert.equal(await page.evaluate(() => document.getAnimations({ subtree: true }).length), 0);
  const shadowAnimations = await page.evaluate(() => document.querySelector('migration-chart').shadowRoot.getAnimations().length);
  assert.equal(shadowAnimations, 0);
  await page.context().close();
});
