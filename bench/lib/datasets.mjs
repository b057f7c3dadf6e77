// Synthetic datasets in the widget's schema (migration-charts/1): K indicators × R reports in
// one group (so Compare shows all K), deterministic pseudo-random whole values, and one more
// indicator, their total, in a second group, with the relation total = sum of the K parts (so
// Breakdown stacks all K, and Overview and Table show K + 1).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SIZES = [[50, 2000], [8, 10000]];
export const TOTAL = 'total';

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
  // Values from 10,000 to 100,000, so every bar reaches well above the baseline.
  const parts = Array.from({ length: k }, (_, i) => ({
    id: `s${i + 1}`,
    group: 'all',
    label: { en: `Series ${i + 1}` },
    values: Array.from({ length: r }, () => 10000 + Math.floor(random() * 90000)),
  }));
  const total = {
    id: TOTAL,
    group: 'totals',
    label: { en: 'Total of all series' },
    values: Array.from({ length: r }, (_, j) => parts.reduce((s, p) => s + p.values[j], 0)),
  };
  return {
    schema: 'migration-charts/1',
    title: { en: `Synthetic ${k} × ${r}` },
    groups: [{ id: 'all', label: { en: 'All series' } }, { id: 'totals', label: { en: 'Their total' } }],
    reports: Array.from({ length: r }, (_, i) => ({ id: `r${i + 1}`, label: { en: `Report ${i + 1}` } })),
    indicators: [...parts, total],
    relations: [{ total: TOTAL, parts: parts.map((p) => p.id) }],
  };
}

/** Writes every size into dir; returns [{ k, r, points, url, bytes, data }]. */
export async function generate(dir, sizes = SIZES) {
  await mkdir(dir, { recursive: true });
  const out = [];
  for (const [k, r] of sizes) {
    const name = `scale-${k}x${r}.json`;
    const data = dataset(k, r);
    const text = JSON.stringify(data);
    await writeFile(join(dir, name), text);
    out.push({ k, r, points: k * r, url: `/bench/data/${name}`, bytes: text.length, data });
  }
  return out;
}
