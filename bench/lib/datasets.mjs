// Synthetic datasets in the widget's schema (migration-charts/1): K indicators × R reports,
// one group (so Compare shows every indicator), deterministic pseudo-random whole values.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SIZES = [[8, 5], [10, 100], [50, 200], [50, 2000]];

function rng(seed) { // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function dataset(k, r) {
  const random = rng(k * 100003 + r);
  return {
    schema: 'migration-charts/1',
    title: { en: `Synthetic ${k} × ${r}` },
    groups: [{ id: 'all', label: { en: 'All series' } }],
    reports: Array.from({ length: r }, (_, i) => ({ id: `r${i + 1}`, label: { en: `Report ${i + 1}` } })),
    // Values from 10,000 to 100,000, so every bar reaches well above the baseline.
    indicators: Array.from({ length: k }, (_, i) => ({
      id: `s${i + 1}`,
      group: 'all',
      label: { en: `Series ${i + 1}` },
      values: Array.from({ length: r }, () => 10000 + Math.floor(random() * 90000)),
    })),
  };
}

/** Writes every size into dir; returns [{ k, r, points, url, bytes }]. */
export async function generate(dir) {
  await mkdir(dir, { recursive: true });
  const out = [];
  for (const [k, r] of SIZES) {
    const name = `scale-${k}x${r}.json`;
    const text = JSON.stringify(dataset(k, r));
    await writeFile(join(dir, name), text);
    out.push({ k, r, points: k * r, url: `/bench/data/${name}`, bytes: text.length });
  }
  return out;
}
