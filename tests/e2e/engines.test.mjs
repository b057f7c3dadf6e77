// The checks that depend on the browser engine, in each of Chromium, Firefox and WebKit (see
// engines.mjs): drawing at DPR 1 and 2, hover and touch tooltips, the keyboard walk, legend
// toggles, exports, `src`, the iframe's height message, strict CSP, a hostile host, the no-wasm
// fallback and axe-core. A check an engine or its driver cannot do is skipped by name, with why.
// ENGINES=firefox,webkit limits the run.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ENGINES, launch, server, limit, Unsupported } from './engines.mjs';
import { decode } from './png.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const HOSTS = '/tests/e2e/hosts';

let plain; let strict; let nowasm;
before(async () => {
  [plain, strict, nowasm] = await Promise.all([server(), server({ csp: true }), server({ block: /\.wasm$/ })]);
});
after(async () => { await Promise.all([plain, strict, nowasm].map((s) => s?.close())); });

/** Share of sampled canvas pixels that differ from the first one (the background). */
const inked = () => {
  const c = document.querySelector('migration-chart').shadowRoot.getElementById('plot');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; let all = 0;
  for (let i = 0; i < d.length; i += 4 * 7) {
    all++;
    if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
  }
  return n / all;
};

/** A digest of the plot canvas's pixels (FNV-1a; equal digests mean identical drawings). */
const digest = () => {
  const c = document.querySelector('migration-chart').shadowRoot.getElementById('plot');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 0x811c9dc5;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619) >>> 0;
  return `${c.width}x${c.height}:${h.toString(16)}`;
};

const tipText = () => {
  const tip = document.querySelector('migration-chart').shadowRoot.getElementById('tip');
  return tip.hidden ? '' : tip.textContent;
};

/** Finds, with synthetic pointer moves inside the page (fast in every driver), a point of the
 *  stage whose tooltip mentions `text`; returns it in viewport CSS pixels and clears the hover.
 *  The test then moves the real pointer there. */
const findPoint = (text) => {
  const el = document.querySelector('migration-chart');
  const stage = el.shadowRoot.getElementById('stage');
  const tip = el.shadowRoot.getElementById('tip');
  const r = stage.getBoundingClientRect();
  const send = (type, x, y) => stage.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
  for (let y = 4; y < r.height; y += 6) {
    for (let x = 4; x < r.width; x += 6) {
      send('pointermove', r.left + x, r.top + y);
      if (!tip.hidden && tip.textContent.includes(text)) {
        send('pointerleave', 0, 0);
        return { x: r.left + x, y: r.top + y };
      }
    }
  }
  send('pointerleave', 0, 0);
  return null;
};

/** The deepest focused element, through shadow roots. */
const focused = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el ? `${el.tagName.toLowerCase()}#${el.id}` : null;
};

const shadowText = (id) => document.querySelector('migration-chart').shadowRoot.getElementById(id).textContent;

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    /** Opens `path` on a server, waits for `ready` unless told not to. */
    async function open(path, { base = plain.base, wait = true, ...options } = {}) {
      const page = await browser.newPage(options);
      await page.goto(`${base}${path}`);
      if (wait) await page.ready();
      return page;
    }

    async function noErrors(page) {
      assert.deepEqual(await page.errors(), [], `${engine}: errors in the page`);
    }

    test(`${engine}: errors thrown and logged by page scripts are collected (the collector works)`, async () => {
      const page = await open(`${HOSTS}/plain.html`);
      try {
        await page.evaluate(() => { console.error('probe logged'); setTimeout(() => { throw new Error('probe thrown'); }); });
        await new Promise((r) => setTimeout(r, 300));
        const errors = (await page.errors()).join('\n');
        assert.match(errors, /probe logged/);
        assert.match(errors, /probe thrown/);
      } finally { await page.close(); }
    });

    const own = limit(engine, 'console');
    test(`${engine}: messages the engine logs itself (a failed script load) are collected${own ? ` (skipped: ${own})` : ''}`, async (t) => {
      if (own) return t.skip(own);
      const page = await open(`${HOSTS}/plain.html`);
      try {
        await page.evaluate(() => new Promise((r) => {
          const s = Object.assign(document.createElement('script'), { type: 'module', src: '/no/such/script.js' });
          s.onerror = r;
          document.head.append(s);
        }));
        await new Promise((r) => setTimeout(r, 300));
        assert.ok((await page.errors()).length > 0, 'the engine logged nothing for a 404 script');
      } finally { await page.close(); }
    });

    test(`${engine}: theme auto follows prefers-color-scheme: dark`, async () => {
      const page = await open('/index.html#view=compare&theme=auto', { colorScheme: 'dark' });
      try {
        assert.equal(await page.evaluate(() => document.querySelector('migration-chart').shadowRoot.getElementById('wrap').dataset.theme), 'dark');
        await noErrors(page);
      } finally { await page.close(); }
    });

    for (const dpr of [1, 2]) {
      test(`${engine}: first draw at devicePixelRatio ${dpr}: canvas not blank, backing store = CSS size × ${dpr}`, async () => {
        const page = await open('/index.html#view=compare', { dpr });
        try {
          assert.equal(await page.evaluate(() => devicePixelRatio), dpr, 'the page has the asked-for devicePixelRatio');
          const size = await page.evaluate(() => {
            const c = document.querySelector('migration-chart').shadowRoot.getElementById('plot');
            const r = c.getBoundingClientRect();
            return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
          });
          assert.ok(size.cssW > 300 && size.cssH > 150, JSON.stringify(size));
          assert.equal(size.w, Math.round(size.cssW * dpr), JSON.stringify(size));
          assert.equal(size.h, Math.round(size.cssH * dpr), JSON.stringify(size));
          const ink = await page.evaluate(inked);
          assert.ok(ink > 0.02, `only ${(ink * 100).toFixed(2)} % of the canvas is drawn`);
          await noErrors(page);
        } finally { await page.close(); }
      });
    }

    test(`${engine}: hovering the first registration bar with the mouse shows 96,732 in the tooltip`, async () => {
      const page = await open('/index.html');
      try {
        const at = await page.evaluate(findPoint, '96,732');
        assert.ok(at, 'no point of the Overview has a tooltip with 96,732');
        await page.mouse.move(at.x, at.y);
        const tip = await page.waitFor(tipText, undefined, { timeout: 3000, message: 'the tooltip after a real mouse move' });
        assert.match(tip, /96,732/);
        assert.match(tip, /Applications for registration upon place of stay/);
        assert.match(tip, /Report 1/);
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: a touch tap pins the tooltip${limit(engine, 'touch') ? ` (skipped: ${limit(engine, 'touch')})` : ''}`, async (t) => {
      if (limit(engine, 'touch')) return t.skip(limit(engine, 'touch'));
      const page = await open('/index.html#view=compare', { touch: true, width: 375, height: 800 });
      try {
        const at = await page.evaluate(findPoint, '96,732');
        assert.ok(at, 'no point of Compare has a tooltip with 96,732');
        await page.tap(at.x, at.y);
        await page.frame();
        assert.match(await page.evaluate(tipText), /96,732/, 'the tooltip is pinned after the tap');
        await noErrors(page);
      } catch (e) {
        if (e instanceof Unsupported) return t.skip(e.message);
        throw e;
      } finally { await page.close(); }
    });

    test(`${engine}: Tab into the chart, ArrowRight: the live region speaks the value`, async () => {
      const page = await open(`${HOSTS}/plain.html`);
      try {
        await page.press('Tab');
        assert.equal(await page.evaluate(focused), 'canvas#plot', 'the first Tab stop of the host page is the chart');
        await page.press('ArrowRight');
        assert.equal(await page.evaluate(shadowText, 'live'),
          'Applications for registration upon place of stay, Report 1: 96,732; first report: no change to show.');
        await page.press('ArrowRight');
        assert.match(await page.evaluate(shadowText, 'live'), /Report 2: 70,188; -27\.4% vs previous report/);
        await page.press('ArrowDown');
        assert.match(await page.evaluate(shadowText, 'live'), /^Applications for temporary\/permanent residence permits.*Report 2: 3,834/);
        await page.press('Escape');
        assert.equal(await page.evaluate(tipText), '', 'Escape hides the tooltip');
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: a click on a legend button hides its series, a second shows it again`, async () => {
      const page = await open(`${HOSTS}/plain.html`);
      try {
        const state = () => {
          const el = document.querySelector('migration-chart');
          const b = el.shadowRoot.querySelector('#legend button[data-series]');
          const r = b.getBoundingClientRect();
          return { series: b.dataset.series, pressed: b.getAttribute('aria-pressed'), hash: el.hash, x: r.x + r.width / 2, y: r.y + r.height / 2 };
        };
        const first = await page.evaluate(state);
        assert.equal(first.pressed, 'true');
        const pixels = await page.evaluate(digest);
        await page.mouse.click(first.x, first.y);
        await page.frame();
        const hidden = await page.evaluate(state);
        assert.equal(hidden.pressed, 'false');
        assert.match(hidden.hash, new RegExp(`hidden-series=${first.series}`));
        assert.notEqual(await page.evaluate(digest), pixels, 'the chart was redrawn without the series');
        await page.mouse.click(first.x, first.y);
        await page.frame();
        const shown = await page.evaluate(state);
        assert.equal(shown.pressed, 'true');
        assert.doesNotMatch(shown.hash, /hidden=/);
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: exports: toSVG() is XML with title, what is shown and source; toCSV() has the header and rows; toPNG() is the export at twice its CSS size, drawn off screen`, async () => {
      const page = await open('/index.html#view=compare&indicators=stay-registration,citizenship&mode=indexed');
      try {
        const screen = await page.evaluate(digest);
        const out = await page.evaluate(async () => {
          const el = document.querySelector('migration-chart');
          const plot = el.shadowRoot.getElementById('plot');
          // The screen's canvas must not be resized or restyled while the PNG is made.
          const touched = [];
          const observer = new MutationObserver((records) => touched.push(...records.map((r) => r.attributeName)));
          observer.observe(plot, { attributes: true });
          const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
          const base64 = async (blob) => {
            const bytes = new Uint8Array(await blob.arrayBuffer());
            let text = '';
            for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return btoa(text);
          };
          const light = await el.toPNG();
          const dark = await el.toPNG({ theme: 'dark' });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          observer.disconnect();
          const r = plot.getBoundingClientRect();
          return {
            parserError: doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement.nodeName !== 'svg',
            texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
            svgHeight: Number(doc.documentElement.getAttribute('height')),
            csv: el.toCSV().trim().split('\r\n'),
            png: { type: light.type, light: await base64(light), dark: await base64(dark) },
            css: { w: r.width, h: r.height },
            touched,
          };
        });
        assert.equal(out.parserError, false, 'the SVG does not parse as XML');
        for (const line of [
          'Registration upon place of stay',
          'Migration statistics of the Republic of Azerbaijan',
          'Compare · Index, first report = 100',
          'Source: State Migration Service of the Republic of Azerbaijan · last updated 06.07.2022',
        ]) assert.ok(out.texts.includes(line), `no '${line}' in ${out.texts.join(' | ')}`);
        assert.ok(out.texts.some((t) => t.startsWith('The captured page lists five monthly reports')), 'the note');
        assert.ok(out.svgHeight > Math.round(out.css.h) + 60, `SVG ${out.svgHeight} px tall, the chart ${out.css.h}`);
        assert.equal(out.csv[0], 'indicator_id,Indicator,report_id,Report,index_first_report_100');
        assert.equal(out.csv.length, 11, out.csv.join('\n'));
        assert.match(out.csv[1], /^stay-registration,.*,r1,.*,100(\.0+)?$/);
        assert.equal(out.png.type, 'image/png');
        const light = decode(Buffer.from(out.png.light, 'base64'));
        const dark = decode(Buffer.from(out.png.dark, 'base64'));
        assert.equal(light.width, Math.round(out.css.w) * 2);
        assert.equal(light.height, out.svgHeight * 2, 'the PNG is the SVG export at 2x');
        assert.deepEqual([dark.width, dark.height], [light.width, light.height]);
        // Light unless asked: the corner is white, and dark when asked for.
        assert.deepEqual([...light.rows[0].subarray(0, 3)], [255, 255, 255]);
        assert.ok(dark.rows[0][0] < 64, `dark export corner ${dark.rows[0][0]}`);
        // Text in the header band (title, what is shown: above the chart) and at the bottom
        // (the note), as inked pixels in the rows where those lines are drawn.
        const inked = (img, from, to) => {
          const bg = img.rows[0].subarray(0, 3);
          let n = 0;
          for (let y = from; y < to; y++) {
            const row = img.rows[y];
            for (let x = 0; x < img.width * img.channels; x += img.channels) if (Math.abs(row[x] - bg[0]) + Math.abs(row[x + 1] - bg[1]) + Math.abs(row[x + 2] - bg[2]) > 120) n++;
          }
          return n;
        };
        for (const img of [light, dark]) {
          assert.ok(inked(img, 16, 50) > 300, `no title in the header band: ${inked(img, 16, 50)}`);
          assert.ok(inked(img, img.height - 48, img.height - 16) > 200, 'no note at the bottom');
          assert.equal(inked(img, 0, 12), 0, 'ink in the top margin');
        }
        assert.deepEqual(out.touched, [], 'the screen canvas was resized or restyled for the PNG');
        assert.equal(await page.evaluate(digest), screen, 'the screen canvas changed');
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: the source line under the chart names the publisher and date and links to the dataset's page`, async () => {
      const page = await open('/index.html#view=compare&lang=ru');
      try {
        const line = await page.evaluate(() => {
          const root = document.querySelector('migration-chart').shadowRoot;
          const source = root.getElementById('source');
          const link = source.querySelector('a');
          const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
          return { text: source.textContent, hidden: source.hidden, href: link?.href, target: link?.target, rel: link?.rel, stage: box(root.getElementById('stage')), source: box(source), host: box(root.host) };
        });
        assert.equal(line.hidden, false);
        assert.equal(line.text, 'Источник: Государственная миграционная служба Азербайджанской Республики\u00a0· 06.07.2022');
        assert.equal(line.href, 'https://migration.gov.az/en/statistics?page=9');
        assert.deepEqual([line.target, line.rel], ['_blank', 'noopener']);
        assert.ok(line.source.top >= line.stage.bottom, 'the source line overlaps the chart');
        assert.ok(line.source.bottom <= line.host.bottom + 0.5 && line.source.left >= line.host.left, 'the source line leaves the widget');
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: src loads data/examples/february-2017.json`, async () => {
      const page = await open(`${HOSTS}/many.html`, { wait: false });
      try {
        await page.evaluate(() => {
          const el = document.createElement('migration-chart');
          el.setAttribute('view', 'compare');
          el.setAttribute('indicators', 'legalized,leave-48h,expelled,lost-permit-cards');
          el.setAttribute('src', '/data/examples/february-2017.json');
          document.body.append(el);
        });
        await page.ready();
        const csv = await page.evaluate(() => document.querySelector('migration-chart').toCSV().split('\r\n'));
        assert.equal(csv[1], 'legalized,Foreigners whose residence was legalized,2017-02,February 2017,223');
        assert.ok(await page.evaluate(() => document.querySelector('migration-chart').shadowRoot.getElementById('error').hidden));
        assert.ok(await page.evaluate(inked) > 0.02, 'the canvas is blank');
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: the iframe page posts its height; the host sizes the frame`, async () => {
      const page = await open('/examples/index.html', { wait: false });
      try {
        await page.waitFor(() => parseFloat(document.getElementById('frame').style.height) > 300, undefined, { message: 'the frame height' });
        const inner = await page.evaluate(() => {
          const doc = document.getElementById('frame').contentDocument;
          const el = doc.querySelector('migration-chart');
          return { mark: el.state?.mark, height: parseFloat(document.getElementById('frame').style.height), scroll: doc.documentElement.scrollHeight };
        });
        assert.equal(inner.mark, 'lines', 'the frame shows the view of its URL hash');
        assert.ok(Math.abs(inner.height - inner.scroll) <= 1, JSON.stringify(inner));
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: under a strict CSP the widget and the page draw the same pixels, with no violation`, async () => {
      const reference = await open(`${HOSTS}/plain.html`);
      const expected = await reference.evaluate(digest);
      await reference.close();
      for (const path of [`${HOSTS}/plain.html`, '/index.html']) {
        const page = await open(path, { base: strict.base });
        try {
          assert.deepEqual(await page.csp(), [], `${path}: CSP violations`);
          if (path.includes('plain')) assert.equal(await page.evaluate(digest), expected, 'the same pixels as without the policy');
          else assert.ok(await page.evaluate(inked) > 0.02, 'the page chart is blank');
          await noErrors(page);
        } finally { await page.close(); }
      }
    });

    test(`${engine}: a hostile right-to-left host draws the same pixels as a plain one`, async () => {
      const reference = await open(`${HOSTS}/plain.html`);
      const expected = await reference.evaluate(digest);
      await reference.close();
      const page = await open(`${HOSTS}/hostile.html`);
      try {
        assert.equal(await page.evaluate(digest), expected);
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('migration-chart').shadowRoot.getElementById('plot')).filter), 'none');
        await noErrors(page);
      } finally { await page.close(); }
    });

    test(`${engine}: without the wasm (404) the widget says so in words and the fallback table shows`, async () => {
      for (const path of ['/index.html', `${HOSTS}/plain.html`]) {
        const page = await open(path, { base: nowasm.base, wait: false });
        try {
          await page.waitFor(() => {
            const e = document.querySelector('migration-chart')?.shadowRoot?.getElementById('error');
            return e && !e.hidden;
          }, undefined, { message: 'the error message' });
          assert.match(await page.evaluate(shadowText, 'error'), /could not run/);
          const cell = await page.evaluate((v) => {
            const td = [...document.querySelectorAll('migration-chart td')].find((c) => c.textContent.includes(v));
            return !!td && td.getClientRects().length > 0 && getComputedStyle(td).visibility !== 'hidden';
          }, path.includes('plain') ? 'fallback 96,732' : '96,732');
          assert.ok(cell, `${path}: the fallback table is not visible`);
        } finally { await page.close(); }
      }
    });

    test(`${engine}: axe-core finds no violations (page: every view; dark compare; embedded widget)`, async () => {
      const cases = [
        ...['overview', 'compare', 'breakdown', 'table'].map((v) => `/index.html#view=${v}`),
        '/index.html#view=compare&theme=dark&lang=az',
        `${HOSTS}/plain.html`,
      ];
      const page = await browser.newPage();
      try {
        for (const path of cases) {
          await page.goto(`${plain.base}${path}`);
          await page.ready();
          await page.addScript(AXE);
          const violations = await page.evaluate(async () => {
            const result = await window.axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
          });
          assert.deepEqual(violations, [], path);
        }
        await noErrors(page);
      } finally { await page.close(); }
    });
  });
}
