// uPlot's options for the benchmark's Compare: grouped bars (uPlot.paths.bars with per-series x
// offsets) or, at scale with ?mark=lines, plain lines. Shared by uplot.js and repeat.js, so that
// both time the same chart.
import { COLOURS, fmt } from './common.js';

/** The share of a report's band the group of bars fills. */
export const INNER = 0.8;

/** Options for `series` over the reports `labels`, 1000 × 400 px; `hooks` as uPlot takes them. */
export function uplotOptions(labels, series, { lines, hooks }) {
  const slot = INNER / series.length;
  const left = (s) => labels.map((_, x) => x - INNER / 2 + s * slot);
  return {
    width: 1000,
    height: 400,
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, max * 1.05] } },
    axes: [
      { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (_u, splits) => splits.map((v) => labels[v] ?? '') },
      { values: (_u, splits) => splits.map((v) => fmt.format(v)), size: 60 },
    ],
    cursor: { points: { show: false } },
    series: [
      {},
      ...series.map((s, i) => (lines
        ? { label: s.label, stroke: COLOURS[i % COLOURS.length], width: 1, points: { show: false } }
        : {
          label: s.label,
          fill: COLOURS[i % COLOURS.length],
          stroke: COLOURS[i % COLOURS.length],
          width: 0,
          points: { show: false },
          paths: uPlot.paths.bars({ disp: { x0: { unit: 1, values: () => left(i) }, size: { unit: 1, values: () => [slot] } } }),
        })),
    ],
    hooks,
  };
}

/** uPlot's data: the report positions, then each series' values. */
export function uplotData(labels, series) {
  return [labels.map((_, x) => x), ...series.map((s) => s.values)];
}
