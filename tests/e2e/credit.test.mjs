// Credit and context, end to end in Debian Chromium: the source line under the widget's chart
// (its words, its link, its place at 375 px in each language and theme), and the exports'
// title, shown line, source and note as Chromium measures them, none past the export's edge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, newPage, ready } from './browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const DATA = JSON.parse(await readFile(new URL('../../data/migration-az.json', import.meta.url), 'utf8'));
const FEBRUARY = JSON.parse(await readFile(new URL('../../data/examples/february-2017.json', import.meta.url), 'utf8'));
const SOURCE = { en: 'Source:', az: 'Mənbə:', ru: 'Источник:' };

/** A page `width` CSS pixels wide with one widget of `attributes` filling it, once it has drawn. */
async function widget(attributes, { width = 375, route } = {}) {
  const page = await newPage(env.browser, { viewport: { width, height: 800 } });
  if (route) await page.route('**/routed.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(route) }));
  await page.goto(`${env.base}/tests/e2e/hosts/many.html`);
  await page.evaluate((attrs) => {
    const el = document.createElement('migration-chart');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.style.width = '100%'; // the host page's own width, not host.css's 640 px
    document.body.append(el);
  }, attributes);
  await ready(page);
  return page;
}

/** The source line and the boxes it must keep clear of. */
const sourceLine = (page) => page.evaluate(() => {
  const el = document.querySelector('migration-chart');
  const source = el.shadowRoot.getElementById('source');
  const link = source.querySelector('a');
  const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
  return {
    hidden: source.hidden,
    text: source.textContent,
    href: link?.getAttribute('href') ?? null,
    linkText: link?.textContent ?? null,
    box: box(source),
    link: link ? box(link) : null,
    stage: box(el.shadowRoot.getElementById('stage')),
    host: box(el),
    overflows: source.scrollWidth > source.clientWidth,
    page: document.documentElement.scrollWidth,
  };
});

test('the source line names the publisher and date, links to the source and fits at 375 px in every language and theme', async () => {
  for (const lang of ['en', 'az', 'ru']) {
    for (const theme of ['light', 'dark']) {
      const page = await widget({ view: 'compare', lang, theme });
      const line = await sourceLine(page);
      const where = `${lang}, ${theme}`;
      assert.equal(line.hidden, false, where);
      assert.equal(line.text, `${SOURCE[lang]} ${DATA.source.publisher[lang]}\u00a0· 06.07.2022`, where);
      assert.equal(line.href, DATA.source.url, where);
      assert.equal(line.linkText, DATA.source.publisher[lang], where);
      assert.ok(line.box.top >= line.stage.bottom, `${where}: the source line overlaps the chart`);
      assert.ok(line.box.left >= line.host.left && line.box.right <= line.host.right && line.box.bottom <= line.host.bottom + 0.5, `${where}: it leaves the widget`);
      assert.ok(line.link.right <= line.host.right, `${where}: the link is cut`);
      assert.equal(line.overflows, false, `${where}: the line overflows its box`);
      assert.ok(line.page <= 375, `${where}: the page scrolls sideways (${line.page} px)`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
});

test('a src dataset is credited with its own source; a link that is not a web page is left out', async () => {
  const page = await widget({ view: 'compare', src: '/data/examples/february-2017.json', lang: 'az' }, { width: 800 });
  const line = await sourceLine(page);
  // This file gives no date of its last update, so the line has none.
  assert.equal(line.text, `Mənbə: ${FEBRUARY.source.publisher.az}`);
  assert.equal(line.href, FEBRUARY.source.url);
  const texts = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(document.querySelector('migration-chart').toSVG(), 'image/svg+xml');
    return [...doc.querySelectorAll('text')].map((t) => t.textContent.trim());
  });
  assert.ok(texts.includes(FEBRUARY.title.az), texts.join(' | '));
  assert.ok(texts.includes(`Mənbə: ${FEBRUARY.source.publisher.az}`), texts.join(' | '));
  await page.context().close();

  const hostile = { ...FEBRUARY, source: { ...FEBRUARY.source, url: 'javascript:alert(1)' } };
  const other = await widget({ view: 'compare', src: '/routed.json' }, { width: 800, route: hostile });
  const plain = await sourceLine(other);
  assert.equal(plain.text, `Source: ${FEBRUARY.source.publisher.en}`);
  assert.equal(plain.href, null, 'a javascript: URL became a link');
  await other.context().close();
});

test('every line of an export stays inside it at 375 px, as Chromium measures the SVG', async () => {
  for (const lang of ['en', 'az', 'ru']) {
    for (const view of ['overview', 'compare', 'breakdown']) {
      const page = await widget({ view, lang, mode: 'indexed' });
      const out = await page.evaluate(() => {
        const holder = document.createElement('div');
        holder.innerHTML = document.querySelector('migration-chart').toSVG();
        document.body.append(holder);
        const svg = holder.querySelector('svg');
        const width = Number(svg.getAttribute('width'));
        const texts = [...svg.querySelectorAll('text')].map((t) => {
          const b = t.getBBox();
          return { text: t.textContent, left: b.x, right: b.x + b.width };
        });
        holder.remove();
        return { width, texts };
      });
      const where = `${view}, ${lang}`;
      assert.equal(out.width, 375, where);
      const joined = out.texts.map((t) => t.text.trim()).join(' ');
      assert.ok(joined.includes(DATA.source.publisher[lang].split(' ').slice(0, 2).join(' ')), `${where}: ${joined}`);
      assert.ok(joined.includes('06.07.2022'), `${where}: no date`);
      // Every word of the note is drawn: wrapped, none cut with an ellipsis.
      assert.ok(joined.replace(/\s+/g, ' ').includes(DATA.source.note[lang]), `${where}: the note is not whole`);
      for (const t of out.texts) assert.ok(t.left >= -0.5 && t.right <= out.width + 0.5, `${where}: '${t.text}' runs from ${t.left} to ${t.right}`);
      await page.context().close();
    }
  }
});

test('exports are light under a dark widget unless asked for its theme or dark', async () => {
  const page = await widget({ view: 'compare', theme: 'dark' }, { width: 800 });
  const backgrounds = await page.evaluate(() => {
    const el = document.querySelector('migration-chart');
    const fill = (svg) => new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('rect')?.getAttribute('fill');
    return [undefined, { theme: 'widget' }, { theme: 'dark' }, { theme: 'light' }, { theme: 'sepia' }].map((o) => fill(el.toSVG(o)));
  });
  const [light, widgetTheme, dark, asked, unknown] = backgrounds;
  assert.equal(light, '#FFFFFF', backgrounds.join(' '));
  assert.notEqual(widgetTheme, light);
  assert.equal(dark, widgetTheme);
  assert.deepEqual([asked, unknown], [light, light]);
  await page.context().close();
  const lightWidget = await widget({ view: 'compare', theme: 'light' }, { width: 800 });
  assert.equal(await lightWidget.evaluate(() => new DOMParser().parseFromString(document.querySelector('migration-chart').toSVG({ theme: 'widget' }), 'image/svg+xml').querySelector('rect').getAttribute('fill')), '#FFFFFF');
  await lightWidget.context().close();
});
