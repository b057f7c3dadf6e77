// Whether what a chart drew when its clock stopped is the file it was given. The pages take a
// snapshot in the library's own "drawn" callback (the widget's `ready` event, uPlot's draw
// hook, …); this compares it with the dataset the harness generated. A visit whose snapshot
// does not match is an error, never a timing.
import { TOTAL } from './datasets.mjs';

/** The indicators whose rows the widget's CSV holds in `view` (see src/table.rs). */
function rowIds(data, view) {
  const all = data.indicators.map((i) => i.id);
  return view === 'overview' || view === 'table' ? all : all.filter((id) => id !== TOTAL);
}

/** The CSV row of indicator `id` in report index `j`, as the widget writes it (English). */
function csvRow(data, id, j) {
  const ind = data.indicators.find((i) => i.id === id);
  const rep = data.reports[j];
  return `${id},${ind.label.en},${rep.id},${rep.label.en},${ind.values[j]}`;
}

/** Problems with a widget snapshot { view, mark, ids, compared, csv: { rows, first, last } }. */
export function checkWidget(shown, data, { view, mark }) {
  if (!shown) return ['no snapshot at ready'];
  const problems = [];
  const r = data.reports.length;
  const ids = data.indicators.map((i) => i.id);
  const parts = ids.filter((id) => id !== TOTAL);
  if (shown.view !== view) problems.push(`view ${shown.view}, not ${view}`);
  if (view === 'compare' && shown.mark !== mark) problems.push(`mark ${shown.mark}, not ${mark}`);
  if (JSON.stringify(shown.ids) !== JSON.stringify(ids)) {
    problems.push(`indicators at ready are not the file's (${shown.ids?.length ?? 0}: ${(shown.ids ?? []).slice(0, 3).join(',')}…)`);
  }
  if (view === 'compare' && JSON.stringify(shown.compared) !== JSON.stringify(parts)) {
    problems.push(`Compare shows ${shown.compared?.length ?? 0} series, not the file's ${parts.length}`);
  }
  const rows = rowIds(data, view);
  const csv = shown.csv ?? {};
  if (csv.rows !== rows.length * r) problems.push(`CSV has ${csv.rows} data rows, not ${rows.length} × ${r}`);
  const first = csvRow(data, rows[0], 0);
  const last = csvRow(data, rows[rows.length - 1], r - 1);
  if (csv.first !== first) problems.push(`first CSV row "${csv.first}", not "${first}"`);
  if (csv.last !== last) problems.push(`last CSV row "${csv.last}", not "${last}"`);
  return problems;
}

/** Problems with a peer's snapshot { series, lengths, first, last } taken from its own data. */
export function checkPeer(shown, data) {
  if (!shown) return ['no snapshot when drawn'];
  const parts = data.indicators.filter((i) => i.id !== TOTAL);
  const r = data.reports.length;
  const problems = [];
  if (shown.series !== parts.length) problems.push(`${shown.series} series, not ${parts.length}`);
  if (!shown.lengths?.every((n) => n === r)) problems.push(`series lengths ${[...new Set(shown.lengths)].join(',')}, not ${r}`);
  if (shown.first !== parts[0].values[0]) problems.push(`first value ${shown.first}, not ${parts[0].values[0]}`);
  const end = parts[parts.length - 1].values[r - 1];
  if (shown.last !== end) problems.push(`last value ${shown.last}, not ${end}`);
  return problems;
}
