// Writes screenshots for people to look at: desktop and a 375 px phone, light and dark, at
// devicePixelRatio 2, for each view. Output: target/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { setup, newPage, ready } from './browser.mjs';

const out = new URL('../../target/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const env = await setup();
const views = (process.env.VIEWS || 'overview,compare,breakdown,table').split(',');
const sizes = { desktop: { width: 1100, height: 900 }, phone: { width: 375, height: 800 } };
try {
  for (const [name, viewport] of Object.entries(sizes)) {
    for (const scheme of ['light', 'dark']) {
      const page = await newPage(env.browser, { viewport, deviceScaleFactor: 2, colorScheme: scheme });
      for (const view of views) {
        await page.goto(`${env.base}/index.html#view=${view}${process.env.HASH || ''}`);
        await ready(page);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const file = `${out}${view}-${name}-${scheme}.png`;
        // The chart itself, at full resolution, is what needs judging.
        await page.locator('migration-chart').screenshot({ path: file });
        console.log(file);
      }
      if (page.errors.length) console.error('page errors:', page.errors);
      await page.context().close();
    }
  }
} finally {
  await env.close();
}
