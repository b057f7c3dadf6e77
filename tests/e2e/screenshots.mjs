// Writes screenshots for people to look at: every view in every engine, desktop (1100 px) and a
// 375 px phone, light and dark, at devicePixelRatio 2, in en, az and ru. The theme is set with
// the `theme` attribute (through the URL hash): one page per engine and width serves all. In
// WebKit the 375 px phone is the page's root narrowed by CSS (MiniBrowser's window is wider). Output: $SHOTS (default target/screenshots/) <engine>-<view>-<width>-<theme>-<lang>.png
// ENGINES, VIEWS, LANGS, WIDTHS and THEMES (comma lists) narrow the set; HASH adds state to every
// shot (e.g. HASH='indicators=legal,illegal&mark=lines').
import { mkdirSync, writeFileSync } from 'node:fs';
import { ENGINES, launch, server, pngSize } from './engines.mjs';

const list = (name, fallback) => (process.env[name] || fallback).split(',').filter(Boolean);
const out = (process.env.SHOTS || new URL('../../target/screenshots/', import.meta.url).pathname).replace(/\/?$/, '/');
const views = list('VIEWS', 'overview,compare,breakdown,table');
const langs = list('LANGS', 'en,az,ru');
const widths = list('WIDTHS', '1100,375').map(Number);
const themes = list('THEMES', 'light,dark');
const extra = process.env.HASH ? `&${process.env.HASH}` : '';
mkdirSync(out, { recursive: true });

const srv = await server();
let failures = 0;
try {
  for (const engine of ENGINES) {
    const started = Date.now();
    const browser = await launch(engine);
    try {
      for (const width of widths) {
        const page = await browser.newPage({ width, height: width > 500 ? 900 : 800, dpr: 2 });
        await page.goto(`${srv.base}/index.html`);
        await page.ready();
        for (const theme of themes) {
          for (const lang of langs) {
            for (const view of views) {
              await page.evaluate((hash) => { location.hash = hash; }, `view=${view}&lang=${lang}&theme=${theme}${extra}`);
              await page.waitFor(([v, l, t]) => {
                const s = document.querySelector('migration-chart').state;
                return s?.view === v && s?.lang === l && s?.theme === t;
              }, [view, lang, theme]);
              await page.frame();
              const file = `${out}${engine}-${view}-${width}-${theme}-${lang}.png`;
              const png = await page.screenshot('migration-chart');
              writeFileSync(file, png);
              const { width: w, height: h } = pngSize(png);
              console.log(`${file} ${w}×${h}`);
            }
          }
        }
        const errors = await page.errors();
        if (errors.length) { failures++; console.error(`${engine} ${width}: page errors:`, errors); }
        await page.close();
      }
    } finally {
      await browser.close();
    }
    console.log(`${engine}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await srv.close();
}
process.exitCode = failures ? 1 : 0;
