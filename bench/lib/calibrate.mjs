// Where to point at each chart. The page names a bar (its centre; at scale, 3 px above its
// base; for lines at scale, the middle of the plot, where every report's column answers), but bars narrower than a pixel may be missed by whole-pixel pointer positions, so
// nearby positions are tried in an unmeasured page until the tooltip shows.
import { hover } from './measure.mjs';

const OFFSETS = [0, 1, -1, 2, -2, 3, -3, 4, 5, 6, 8, 10];

export async function calibrate(browser, base, lib, data = null, mark = null) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const query = new URLSearchParams(Object.entries({ data, mark }).filter(([, v]) => v != null)).toString();
    await page.goto(`${base}/bench/pages/${lib}.html${query ? `?${query}` : ''}`);
    await page.waitForFunction(() => window.__bench?.ready(), null, { timeout: 60000, polling: 50 });
    const named = await page.evaluate(() => window.__bench.hoverPoint());
    for (const dx of OFFSETS) {
      const point = { x: Math.round(named.x) + dx, y: Math.round(named.y) };
      if (await hover(page, point, 1500)) return point;
    }
    return null;
  } finally {
    await context.close();
  }
}
