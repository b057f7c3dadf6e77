// Canvas text in every engine, language, width and view: no two text boxes overlap and none
// leaves the widget. The chart's words are drawn on a canvas, so the element says where:
// `el.textBoxes()` → [{ text, x, y, w, h }] in CSS pixels relative to the plot canvas (from the
// canvas's own measureText). Without that method every case FAILS, by design: it is the API
// these checks stand on. ENGINES=firefox,webkit limits the run.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, launch, server, limit } from './engines.mjs';

const VIEWS = ['overview', 'compare', 'breakdown'];
const LANGS = ['en', 'az', 'ru'];
const WIDTHS = [1100, 375];
// Sub-pixel contact from anti-aliased rounding is not an overlap.
const SLACK = 0.5;

let srv;
before(async () => { srv = await server(); });
after(async () => { await srv?.close(); });

/** Reads the element's text boxes and the canvas's CSS size; `missing` if there is no API. */
const read = () => {
  const el = document.querySelector('migration-chart');
  if (typeof el.textBoxes !== 'function') return { missing: true };
  const r = el.shadowRoot.getElementById('plot').getBoundingClientRect();
  return { boxes: el.textBoxes(), width: r.width, height: r.height };
};

const show = (b) => `"${b.text}" at (${b.x.toFixed(1)}, ${b.y.toFixed(1)}) ${b.w.toFixed(1)}×${b.h.toFixed(1)}`;

/** Problems with a set of boxes inside a width × height widget, in words. */
function problems(boxes, width, height) {
  const out = [];
  const list = boxes.filter((b) => String(b.text).trim() !== '');
  for (const b of list) {
    if (![b.x, b.y, b.w, b.h].every(Number.isFinite)) out.push(`not a box: ${JSON.stringify(b)}`);
    else if (b.x < -SLACK || b.y < -SLACK || b.x + b.w > width + SLACK || b.y + b.h > height + SLACK) {
      out.push(`${show(b)} leaves the ${width.toFixed(0)}×${height.toFixed(0)} widget`);
    }
  }
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]; const b = list[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > SLACK && dy > SLACK) out.push(`${show(a)} overlaps ${show(b)}`);
    }
  }
  return out;
}

for (const engine of ENGINES) {
  describe(`${engine} text boxes`, () => {
    let browser;
    before(async () => { browser = await launch(engine); });
    after(async () => { await browser?.close(); });

    for (const width of WIDTHS) describe(`${width} px`, () => {
      // One page per width; languages and views change through the URL hash.
      let page;
      before(async () => {
        page = await browser.newPage({ width, height: width > 500 ? 900 : 800 });
        await page.goto(`${srv.base}/index.html`);
        await page.ready();
      });
      after(async () => { await page?.close(); });

      for (const lang of LANGS) {
        for (const view of VIEWS) {
          const note = engine === 'webkit' && width < 447 ? ` (${limit('webkit', 'narrow')})` : '';
          test(`${engine}: ${lang}, ${width} px, ${view}: no text box overlaps another or leaves the widget${note}`, async () => {
            await page.evaluate((hash) => { location.hash = hash; }, `view=${view}&lang=${lang}`);
            await page.waitFor(([v, l]) => {
              const s = document.querySelector('migration-chart').state;
              return s?.view === v && s?.lang === l;
            }, [view, lang], { message: `view ${view} in ${lang}` });
            await page.frame();
            const got = await page.evaluate(read);
            assert.ok(!got.missing, 'el.textBoxes() is missing: the element must expose where it drew text '
              + '([{text, x, y, w, h}] in CSS pixels relative to the canvas) for this check to run');
            assert.ok(Array.isArray(got.boxes) && got.boxes.length > 0, `textBoxes() returned ${JSON.stringify(got.boxes)}`);
            const found = problems(got.boxes, got.width, got.height);
            assert.deepEqual(found, [], `${found.length} problems:\n${found.join('\n')}`);
          });
        }
      }
    });
  });
}
