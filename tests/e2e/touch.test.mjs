// Phone: a tap pins the tooltip (a touch ends with pointerup and pointerleave, which must not
// take it down), another tap moves it, and a tap outside or Escape clears it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, ready } from './browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('a tap pins the tooltip; another tap moves it; a tap outside or Escape clears it', async () => {
  const page = await newPage(env.browser, { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await page.goto(`${env.base}/tests/e2e/hosts/plain.html`);
  await ready(page);
  await frame(page);
  const el = page.locator('migration-chart');
  const tip = el.locator('#tip');
  const tipText = async () => ((await tip.isVisible()) ? tip.textContent() : null);
  // Two points over different marks, found by hovering along the plot with the mouse.
  const box = await el.locator('#plot').boundingBox();
  const points = [];
  for (let y = box.y + box.height * 0.85; y > box.y + 40 && points.length < 2; y -= 20) {
    for (let x = box.x + 40; x < box.x + box.width - 10 && points.length < 2; x += 6) {
      await page.mouse.move(x, y);
      const text = await tipText();
      if (text && !points.some((p) => p.text === text)) points.push({ x, y, text });
    }
  }
  assert.equal(points.length, 2, 'no two marks found to tap');
  const outside = { x: 20, y: 15 }; // the host page's heading, above the element
  await page.mouse.move(outside.x, outside.y);
  await frame(page);
  assert.equal(await tipText(), null, 'the mouse left, the tooltip is still up');

  const tap = async (p) => { await page.touchscreen.tap(p.x, p.y); await frame(page); await pause(100); };
  await tap(points[0]);
  assert.equal(await tipText(), points[0].text, 'a tap does not leave the tooltip up');
  await pause(400);
  assert.equal(await tipText(), points[0].text);
  await tap(points[1]);
  assert.equal(await tipText(), points[1].text, 'a second tap does not move the tooltip');
  await tap(outside);
  assert.equal(await tipText(), null, 'a tap outside does not clear the tooltip');
  await tap(points[0]);
  assert.equal(await tipText(), points[0].text);
  await page.keyboard.press('Escape');
  await frame(page);
  assert.equal(await tipText(), null, 'Escape does not clear the tooltip');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
