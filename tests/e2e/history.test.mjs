// The page's history: a change of view is an entry Back returns from; a toggle is not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, ready } from './browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const view = (page) => page.evaluate(() => document.querySelector('migration-chart').state.view);
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('Back returns to the previous view, not off the page; a toggle adds no entry', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/index.html#view=overview`);
  await ready(page);
  const start = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: /^compare$/i }).click();
  await settle(page);
  assert.equal(await view(page), 'compare');
  await page.getByRole('button', { name: /^breakdown$/i }).click();
  await settle(page);
  assert.equal(await page.evaluate(() => history.length), start + 2, 'each change of view is an entry');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('migration-chart').state.view === 'compare');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('migration-chart').state.view === 'overview');
  assert.match(page.url(), /index\.html/, 'still on the page');
  assert.deepEqual(page.errors, []);
});
