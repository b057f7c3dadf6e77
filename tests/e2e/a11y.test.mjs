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
  test(`axe finds no violations: embedded widget, ${lang}`, async () => {
    const page = await open('/tests/e2e/hosts/plain.html');
    await page.locator('migration-chart').evaluate((e, l) => e.setAttribute('lang', l), lang);
    assert.deepEqual(await axe(page), []);
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
