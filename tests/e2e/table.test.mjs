// The Table view on a phone and at scale: the indicator names stay in view as the reports scroll
// sideways, the scrolling region is reached and scrolled by the keyboard, axe finds nothing in
// it, the caption is whole, no header wraps on a desktop, and a dataset past the cap shows its
// first values with a note (how long that takes is measured by bench/table.mjs, not here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setup, newPage, ready } from './browser.mjs';
import { dataset } from '../../bench/lib/datasets.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const MAX_CELLS = 1000; // table::MAX_CELLS

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function open(hash, width, options = {}) {
  const page = await newPage(env.browser, { viewport: { width, height: 800 }, ...options });
  await page.goto(`${env.base}/index.html#${hash}`);
  await ready(page);
  await frame(page);
  return page;
}

/** In the widget's Table view (not the page's fallback table in the light DOM). */
const shadow = (page, selector) => page.locator('migration-chart').locator('#table').locator(selector);

/** Left and right edges (CSS px) of an element in the widget's shadow root. */
const edges = (page, selector) => shadow(page, selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { left: r.left, right: r.right };
});

for (const width of [375, 320]) {
  test(`at ${width} px the indicator names, group names and caption stay in view as the table scrolls`, async () => {
    const page = await open('view=table', width);
    const region = shadow(page, '.scroll');
    const box = await edges(page, '.scroll');
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    assert.ok(scrollWidth > clientWidth, `the five reports are wider than the ${clientWidth} px box`);
    // The names take at most half of the box, so that reports are seen beside them.
    const name = await edges(page, 'th[scope="row"]');
    assert.ok(name.right - name.left <= clientWidth / 2, `names column ${name.right - name.left} px of ${clientWidth}`);
    const before = { name, group: await edges(page, 'th[scope="rowgroup"] span'), value: await edges(page, 'td') };
    await region.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await frame(page);
    assert.ok(await region.evaluate((el) => el.scrollLeft) > 0);
    assert.deepEqual(await edges(page, 'th[scope="row"]'), before.name, 'the names column stays');
    const group = await edges(page, 'th[scope="rowgroup"] span');
    assert.ok(group.left >= box.left && group.right <= box.right, `group name ${JSON.stringify(group)} within ${JSON.stringify(box)}`);
    assert.ok((await edges(page, 'td')).left < before.value.left, 'the values scrolled');
    // The caption wraps inside the box instead of running past its edge.
    const caption = await edges(page, 'caption span');
    assert.ok(caption.left >= box.left && caption.right <= box.right, `caption ${JSON.stringify(caption)} within ${JSON.stringify(box)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the region is reached by Tab, named in the reader\'s language and scrolled by the arrow keys', async () => {
  for (const [lang, name] of [['en', 'Migration statistics by indicator and report'], ['ru', 'Миграционная статистика по показателям и отчётам']]) {
    const page = await open(`view=table&lang=${lang}`, 375);
    const region = shadow(page, '[role="region"]');
    assert.equal(await region.getAttribute('aria-label'), name);
    const description = await region.evaluate((el) => el.getAttribute('aria-describedby').split(' ')
      .map((id) => el.getRootNode().getElementById(id)?.textContent).join(' '));
    assert.match(description, lang === 'en' ? /scrolls sideways/i : /прокручивается вбок/i);
    // Tab from the page's last control before the widget until the focus is inside it.
    let inside = false;
    for (let i = 0; i < 30 && !inside; i++) {
      await page.keyboard.press('Tab');
      inside = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role') === 'region');
    }
    assert.ok(inside, 'Tab reaches the table region');
    const outline = await region.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'the focus is visible');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await frame(page);
    assert.ok(await region.evaluate((el) => el.scrollLeft) > 0, 'ArrowRight scrolls the table');
    await page.context().close();
  }
});

test('axe finds no scrollable-region-focusable or target-size violation in the table, light and dark', async () => {
  for (const theme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      const page = await open(`view=table&theme=${theme}`, width, { colorScheme: theme });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run({ include: [['migration-chart']] }, {
          runOnly: { type: 'rule', values: ['scrollable-region-focusable', 'target-size', 'color-contrast', 'region', 'aria-valid-attr-value', 'td-headers-attr', 'th-has-data-cells'] },
        });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      });
      assert.deepEqual(violations, [], `${theme} ${width}`);
      await page.context().close();
    }
  }
});

test('no column header wraps at 1280 px in any language', async () => {
  for (const lang of ['en', 'az', 'ru']) {
    const page = await open(`view=table&lang=${lang}`, 1280);
    const heights = await shadow(page, 'thead th').evaluateAll((ths) => ths.map((th) => {
      const lineHeight = parseFloat(getComputedStyle(th).lineHeight);
      const range = document.createRange();
      range.selectNodeContents(th);
      return { text: th.textContent, lines: Math.round(range.getBoundingClientRect().height / lineHeight) };
    }));
    assert.equal(heights.length, 6);
    assert.deepEqual(heights.filter((h) => h.lines !== 1), [], lang);
    await page.context().close();
  }
});

test('a dataset past the cap shows its first values, says so, and the CSV holds every value', async () => {
  const [k, r] = [50, 2000];
  // The benchmark's dataset without its total (and so without the relation to it): k
  // indicators of r reports, in one group.
  const { indicators, groups, schema, title, reports } = dataset(k, r);
  const json = JSON.stringify({ schema, title, reports, groups: groups.slice(0, 1), indicators: indicators.slice(0, k) });
  const page = await newPage(env.browser, { viewport: { width: 1100, height: 900 } });
  await page.route('**/table-scale/*', (route) => route.fulfill(route.request().url().endsWith('.json')
    ? { contentType: 'application/json', body: json }
    : { contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scale</title><script type="module" src="/www/migration-chart.js"></script></head><body><migration-chart view="table" src="data.json"></migration-chart></body></html>' }));
  await page.goto(`${env.base}/table-scale/host.html`);
  await ready(page);
  await frame(page);
  const cells = await shadow(page, 'td').count();
  assert.equal(cells, MAX_CELLS);
  assert.equal(await shadow(page, 'th[scope="row"]').count(), k);
  assert.equal(await shadow(page, 'th[scope="col"]').count(), MAX_CELLS / k + 1);
  const note = shadow(page, '.note');
  assert.ok(await note.isVisible());
  assert.equal(await note.textContent(), 'Showing the first 1,000 of 100,000 values; the CSV export has them all.');
  // The first row holds the first indicator's first values, as many as the cap leaves each, in order.
  const first = await shadow(page, 'tbody tr:nth-child(2) td').allTextContents();
  assert.deepEqual(first, JSON.parse(json).indicators[0].values.slice(0, MAX_CELLS / k).map((v) => v.toLocaleString('en-US')));
  const csv = await page.evaluate(() => document.querySelector('migration-chart').toCSV());
  assert.equal(csv.trimEnd().split('\r\n').length, 1 + k * r);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a redraw with the same table keeps its scroll position', async () => {
  const page = await open('view=table', 375);
  const region = shadow(page, '.scroll');
  await region.evaluate((el) => { el.scrollLeft = 60; });
  const scrolled = await region.evaluate((el) => el.scrollLeft);
  assert.ok(scrolled > 0);
  // The page's theme button, or any attribute write, asks the widget to render again.
  await page.locator('migration-chart').evaluate((el) => el.setAttribute('height', '400'));
  await frame(page);
  assert.equal(await region.evaluate((el) => el.scrollLeft), scrolled);
  await page.context().close();
});
