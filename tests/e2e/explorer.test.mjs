// The explorer: each view, the tooltip's change and share, the keyboard walk, exports and
// the URL round trip, end to end in Debian Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, newPage, ready } from './browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const shadow = (page, id) => page.locator('migration-chart').locator(`#${id}`);
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function open(hash, options) {
  const page = await newPage(env.browser, options);
  await page.goto(`${env.base}/index.html#${hash}`);
  await ready(page);
  await frame(page);
  return page;
}

const DATA = JSON.parse(await readFile(new URL('../../data/migration-az.json', import.meta.url), 'utf8'));

test('every view renders without errors; Table holds every number', async () => {
  const page = await open('view=overview');
  for (const view of ['compare', 'breakdown', 'table', 'overview']) {
    await page.getByRole('button', { name: new RegExp(`^${view}$`, 'i') }).click();
    await frame(page);
    assert.equal(await page.evaluate(() => document.querySelector('migration-chart').state.view), view);
    assert.equal(await page.evaluate(() => location.hash), view === 'overview' ? '' : `#view=${view}`);
    assert.equal(await page.getByRole('button', { name: 'Download SVG' }).isDisabled(), view === 'table');
    if (view === 'table') {
      const cells = await shadow(page, 'table').locator('td').allTextContents();
      const expected = DATA.indicators.flatMap((i) => i.values.map((v) => v.toLocaleString('en-US')));
      assert.deepEqual(cells, expected);
      assert.equal(await shadow(page, 'table').locator('caption').count(), 1);
      assert.equal(await shadow(page, 'table').locator('th[scope="row"]').count(), 8);
      // Headings bold, figures tabular: the widget's reset (`#wrap *`) must not override them.
      const style = (sel) => shadow(page, 'table').locator(sel).first().evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.fontWeight} ${s.fontVariantNumeric}`;
      });
      assert.equal(await style('caption'), '600 tabular-nums');
      assert.equal(await style('th[scope="rowgroup"]'), '600 tabular-nums');
      assert.equal(await style('td'), '400 tabular-nums');
    } else {
      assert.ok(await shadow(page, 'stage').isVisible());
    }
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the keyboard walks reports and series and a live region speaks the value', async () => {
  const page = await open('view=compare');
  await page.keyboard.press('Tab'); // the first view button
  await shadow(page, 'plot').focus();
  await page.keyboard.press('ArrowRight');
  const live = shadow(page, 'live');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  assert.equal(await live.textContent(), 'Applications for registration upon place of stay, Report 1: 96,732; first report: no change to show.');
  await page.keyboard.press('ArrowRight');
  assert.match(await live.textContent(), /Report 2: 70,188; -27\.4% vs previous report/);
  await page.keyboard.press('ArrowDown');
  assert.match(await live.textContent(), /^Applications for temporary\/permanent residence permits.*Report 2: 3,834/);
  await page.keyboard.press('End');
  assert.match(await live.textContent(), /Report 5: 3,803/);
  assert.ok(await shadow(page, 'tip').isVisible());
  await page.keyboard.press('Escape');
  assert.ok(await shadow(page, 'tip').isHidden());
  await page.context().close();
});

test('the tooltip gives the change vs the previous report and the share of the total', async () => {
  const page = await open('view=breakdown');
  await shadow(page, 'plot').focus();
  await page.keyboard.press('ArrowRight'); // legalized, Report 1
  await page.keyboard.press('ArrowRight'); // legalized, Report 2
  const tip = await shadow(page, 'tip').textContent();
  assert.match(tip, /Foreigners whose residence was legalized/);
  assert.match(tip, /182/);
  assert.match(tip, /-8\.1% vs previous report/); // 182 vs 198
  assert.match(tip, /7\.3% of Violations of stay rules/); // 182 of 2,480
  await page.context().close();
});

test('CSV, SVG and PNG exports hold what the view shows', async () => {
  const page = await open('view=compare&indicators=stay-registration,citizenship&mode=indexed', { acceptDownloads: true });
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return readFile(await download.path());
  };
  const csv = (await save('Download CSV')).toString('utf8').trim().split('\r\n');
  assert.equal(csv[0], 'indicator_id,Indicator,report_id,Report,index_first_report_100');
  const rows = csv.slice(1).map((l) => l.split(','));
  assert.equal(rows.length, 10);
  for (const [n, id] of ['stay-registration', 'citizenship'].entries()) {
    const values = DATA.indicators.find((i) => i.id === id).values;
    values.forEach((v, r) => {
      const row = rows[n * 5 + r];
      assert.equal(row[0], id);
      assert.equal(row[2], `r${r + 1}`);
      assert.ok(Math.abs(Number(row.at(-1)) - (v / values[0]) * 100) < 0.006, `${id} r${r + 1}: ${row.at(-1)}`);
    });
  }
  const svg = (await save('Download SVG')).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  }, svg);
  assert.equal(parsed.error, false);
  assert.ok(parsed.texts.includes('Registration upon place of stay'));
  assert.ok(parsed.texts.includes('Citizenship applications'));
  const png = await save('Download PNG');
  const css = await shadow(page, 'plot').boundingBox();
  assert.equal(png.readUInt32BE(16), Math.round(css.width) * 2, 'PNG width is twice the CSS width');
  // Taller than the chart: the export adds its title, what is shown, the source and the note.
  assert.ok(png.readUInt32BE(20) > Math.round(css.height) * 2 + 120, 'PNG has a header and a footer');
  await page.context().close();
});

test('the URL hash restores a view, follows changes, and ignores nonsense', async () => {
  const hash = 'view=compare&indicators=stay-registration,citizenship&mode=indexed';
  const page = await open(hash);
  assert.equal(await page.evaluate(() => document.querySelector('migration-chart').hash), hash);
  assert.equal(await page.locator('select[data-key="mode"]').inputValue(), 'indexed');
  await page.locator('select[data-key="mark"]').selectOption('lines');
  assert.equal(await page.evaluate(() => location.hash), `#${hash}&mark=lines`);
  const element = await page.locator('#embed-element').inputValue();
  assert.match(element, /<migration-chart view="compare" indicators="stay-registration,citizenship" mode="indexed" mark="lines">/);
  assert.match(await page.locator('#embed-iframe').inputValue(), /www\/embed\.html#view=compare&amp;indicators=stay-registration,citizenship&amp;mode=indexed&amp;mark=lines/);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('select[data-key="mark"]').inputValue(), 'lines');
  await page.goto(`${env.base}/index.html#view=pie&mode=%%&lang=xx&indicators=nope`);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.querySelector('migration-chart').state.view), 'overview');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('legend entries toggle their series', async () => {
  const page = await open('view=compare');
  const box = await page.locator('migration-chart').boundingBox();
  await page.mouse.click(box.x + 30, box.y + 16); // the first legend entry
  await frame(page);
  assert.match(await page.evaluate(() => location.hash), /hidden-series=stay-registration/);
  await page.mouse.click(box.x + 30, box.y + 16);
  await frame(page);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /hidden-series=/);
  // The same from the keyboard: the legend entries are buttons over the canvas.
  const button = page.locator('migration-chart').getByRole('button', { name: 'Citizenship applications' });
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await button.focus();
  await page.keyboard.press('Enter');
  await frame(page);
  assert.match(await page.evaluate(() => location.hash), /hidden-series=citizenship/);
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  assert.ok(await button.evaluate((b) => b.matches(':focus')), 'focus stays on the legend button');
  await page.context().close();
});
