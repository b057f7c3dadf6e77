// The page around one <migration-chart>: controls set the element's attributes, the URL hash
// mirrors the element's state, and the export buttons call the element's methods.

import { PAGE_WORDS } from './page-words.js';

const chart = document.getElementById('chart');
/** The page's words in the chart's current language. */
const words = () => PAGE_WORDS[chart.state?.lang] ?? PAGE_WORDS.en;
const status = document.getElementById('action-status');

function syncControls() {
  const state = chart.state;
  if (!state) return;
  for (const b of document.querySelectorAll('[data-view]')) {
    b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
  }
  for (const s of document.querySelectorAll('select[data-key]')) s.value = state[s.dataset.key];
  for (const el of document.querySelectorAll('[data-for]')) el.hidden = el.dataset.for !== state.view;
  // The Table view has no picture to export; its numbers are in the CSV.
  for (const b of document.querySelectorAll('[data-action="png"], [data-action="svg"]')) b.disabled = state.view === 'table';
  const list = document.getElementById('indicator-list');
  list.replaceChildren(...chart.indicators.map(({ id, label, compared }) => {
    const row = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: id, checked: compared });
    row.append(box, ` ${label}`);
    return row;
  }));
  document.documentElement.lang = state.lang;
  if (state.theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = state.theme;
  const text = words();
  for (const el of document.querySelectorAll('[data-word]')) el.textContent = text[el.dataset.word] ?? el.textContent;
  for (const el of document.querySelectorAll('[data-word-label]')) el.setAttribute('aria-label', text[el.dataset.wordLabel]);
  const code = chart.embedCode(new URL('.', location.href).href);
  document.getElementById('embed-element').value = code.element;
  document.getElementById('embed-iframe').value = code.iframe;
}

// The view last written to the history, so that a change of view becomes its own entry.
let shownView = null;

function changed() {
  const hash = chart.hash;
  const url = hash ? `#${hash}` : location.pathname + location.search;
  const view = chart.state.view;
  // A change of view is a step Back can undo; toggles and options replace the entry. Arriving
  // at an entry (Back, Forward, a followed link) leaves the history as it is.
  const arrived = location.hash.slice(1) === hash;
  if (shownView !== null && view !== shownView && !arrived) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  shownView = view;
  syncControls();
}

function set(key, value) {
  chart.setAttribute(key, value);
  changed();
}

function download(name, blob) {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const actions = {
  png: async () => download('migration-chart.png', await chart.toPNG()),
  svg: () => download('migration-chart.svg', new Blob([chart.toSVG()], { type: 'image/svg+xml' })),
  csv: () => download('migration-chart.csv', new Blob([chart.toCSV()], { type: 'text/csv' })),
  link: async () => {
    await navigator.clipboard.writeText(location.href);
    status.textContent = words().copied;
  },
};

// The element may have become ready before this module ran (it waits for page-words.js).
const start = () => {
  chart.hash = location.hash;
  changed();
};
if (chart.state) start();
else chart.addEventListener('ready', start, { once: true });
chart.addEventListener('statechange', changed);
window.addEventListener('hashchange', () => { chart.hash = location.hash; changed(); });

document.querySelector('.controls').addEventListener('click', (e) => {
  const view = e.target.closest('[data-view]')?.dataset.view;
  if (view) set('view', view);
});
document.querySelector('.controls').addEventListener('change', (e) => {
  if (e.target.matches('select[data-key]')) set(e.target.dataset.key, e.target.value);
});
document.getElementById('indicator-list').addEventListener('change', () => {
  const ids = [...document.querySelectorAll('#indicator-list input:checked')].map((b) => b.value);
  set('indicators', ids.join(',') || 'none');
});
document.querySelector('.embed').addEventListener('click', async (e) => {
  const id = e.target.closest('[data-copy]')?.dataset.copy;
  if (id) await navigator.clipboard.writeText(document.getElementById(id).value).catch(() => {});
});
document.querySelector('.actions').addEventListener('click', (e) => {
  const action = actions[e.target.closest('[data-action]')?.dataset.action];
  if (action) Promise.resolve(action()).catch((err) => { status.textContent = `${words().failed} ${err.message}`; });
});
