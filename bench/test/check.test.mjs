// The scale benchmark's check: a snapshot of the file's data passes, anything else is caught.
// Run: node --test bench/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPeer, checkWidget } from '../lib/check.mjs';
import { dataset, TOTAL } from '../lib/datasets.mjs';

const data = dataset(3, 4);
const parts = data.indicators.filter((i) => i.id !== TOTAL);
const row = (ind, j) => `${ind.id},${ind.label.en},r${j + 1},Report ${j + 1},${ind.values[j]}`;

/** What the widget would report having drawn the whole file in `view`. */
function drawnFile(view, mark = 'bars') {
  const rows = view === 'overview' || view === 'table' ? data.indicators : parts;
  const last = rows[rows.length - 1];
  return {
    view,
    mark,
    ids: data.indicators.map((i) => i.id),
    compared: parts.map((i) => i.id),
    csv: { rows: rows.length * 4, first: row(rows[0], 0), last: row(last, 3) },
  };
}

test('the generated relation adds up: the total is the sum of every part in every report', () => {
  const [relation] = data.relations;
  assert.equal(relation.total, TOTAL);
  assert.deepEqual(relation.parts, ['s1', 's2', 's3']);
  const total = data.indicators.find((i) => i.id === TOTAL);
  assert.equal(total.group, 'totals');
  total.values.forEach((v, j) => assert.equal(v, parts.reduce((s, p) => s + p.values[j], 0)));
});

test('a snapshot of the loaded file passes in every view', () => {
  for (const view of ['compare', 'breakdown', 'overview', 'table']) {
    assert.deepEqual(checkWidget(drawnFile(view), data, { view, mark: 'bars' }), [], view);
  }
  assert.deepEqual(checkWidget(drawnFile('compare', 'lines'), data, { view: 'compare', mark: 'lines' }), []);
});

test('the embedded dataset drawn while the file loads is an error, as is a missing snapshot', () => {
  const embedded = {
    view: 'compare',
    mark: 'bars',
    ids: ['stay-registration', 'residence-permits', 'citizenship'],
    compared: ['stay-registration', 'residence-permits', 'citizenship'],
    csv: { rows: 15, first: 'stay-registration,Applications,r1,Report 1,96732', last: 'citizenship,x,r5,Report 5,1' },
  };
  const problems = checkWidget(embedded, data, { view: 'compare', mark: 'bars' });
  assert.ok(problems.some((p) => /indicators at ready are not the file's/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /CSV has 15 data rows, not 3 × 4/.test(p)), problems.join('\n'));
  assert.deepEqual(checkWidget(null, data, { view: 'compare', mark: 'bars' }), ['no snapshot at ready']);
});

test('another view, mark, row count or value is caught', () => {
  assert.match(checkWidget(drawnFile('compare'), data, { view: 'compare', mark: 'lines' }).join(), /mark bars, not lines/);
  assert.match(checkWidget(drawnFile('compare'), data, { view: 'table' }).join(), /view compare, not table/);
  const short = drawnFile('table');
  short.csv.rows -= 1;
  assert.match(checkWidget(short, data, { view: 'table' }).join(), /CSV has 15 data rows, not 4 × 4/);
  const other = drawnFile('breakdown');
  other.csv.last = other.csv.last.replace(/\d+$/, '0');
  assert.match(checkWidget(other, data, { view: 'breakdown' }).join(), /last CSV row/);
});

test("a peer's snapshot passes with the file's series and fails with the total, or fewer points", () => {
  const snap = (arrays) => ({ series: arrays.length, lengths: arrays.map((a) => a.length), first: arrays[0][0], last: arrays.at(-1).at(-1) });
  assert.deepEqual(checkPeer(snap(parts.map((p) => p.values)), data), []);
  assert.match(checkPeer(snap(data.indicators.map((p) => p.values)), data).join(), /4 series, not 3/);
  assert.match(checkPeer(snap(parts.map((p) => p.values.slice(0, 2))), data).join(), /series lengths 2, not 4/);
  assert.deepEqual(checkPeer(null, data), ['no snapshot when drawn']);
});

test('in the scale table a cell with a failed check shows an error, not its time', async () => {
  const { scaleMarkdown } = await import('../lib/report.mjs');
  const cell = (lib, view, mark, extra = {}) => ({
    lib, view, mark, n: 2, render: 123, longest: 0, jsHeap: 1e6, wasm: lib === 'widget' ? 2e6 : null,
    hoverWork: null, hoverFrame: null, hoverCalibrated: false, failures: [], errors: [], ...extra,
  });
  const md = scaleMarkdown({
    machine: { date: 'd', nproc: 2, cpu: 'c', chromium: '1', node: 'v' },
    versions: {},
    scaleRounds: 3,
    scale: [{ k: 3, r: 4, points: 12, cells: [
      cell('widget', 'compare', 'bars', { n: 1, render: 4567, failures: ['round 2: drew other data than the file: CSV has 15 data rows, not 3 × 4'] }),
      cell('widget', 'table'),
      cell('uplot', 'compare', 'bars'),
    ] }],
  });
  const row = md.split('\n').find((l) => l.includes('Compare, bars') && l.includes('migration-chart'));
  assert.match(row, /\*\*error\*\* \(1 of 2 rounds\)/);
  assert.doesNotMatch(row, /4567/);
  assert.match(md, /CSV has 15 data rows, not 3 × 4/);
  assert.match(md.split('\n').find((l) => l.includes('| Table |')), /123 ms \| no peer/);
});
