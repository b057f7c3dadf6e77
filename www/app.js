// The page around one <migration-chart>: controls set the element's attributes, the URL hash
// mirrors the element's state, and the export buttons call the element's methods. Until the
// element is ready every control stays disabled; www/boot.js has already told the stylesheet
// which view to lay out.

import { PAGE_WORDS } from './page-words.js';

const chart = document.getElementById('chart');
const root = document.documentElement;
/** The page's words in the chart's language (before it is ready, the one the URL asks for). */
const words = () => PAGE_WORDS[chart.state?.lang ?? root.lang] ?? PAGE_WORDS.en;
/** How long a "Copied" confirmation stays up. */
const CONFIRM_MS = 4000;

/** The page's words in the chart's language; the page is written again only when that changes. */
function translate() {
  if (root.dataset.words === root.lang) return;
  const text = words();
  for (const el of document.querySelectorAll('[data-word]')) el.textContent = text[el.dataset.word] ?? el.textContent;
  for (const el of document.querySelectorAll('[data-word-label]')) el.setAttribute('aria-label', text[el.dataset.wordLabel]);
  root.dataset.words = root.lang;
}

function syncControls() {
  const state = chart.state;
  if (!state) return;
  for (const el of document.querySelectorAll('.controls button, .controls select, .actions button, [data-copy]')) el.disabled = false;
  for (const b of document.querySelectorAll('button[data-view]')) {
    b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
  }
  for (const s of document.querySelectorAll('select[data-key]')) s.value = state[s.dataset.key];
  // A percent change is drawn on a linear scale whatever the scale says.
  document.querySelector('select[data-key="scale"]').disabled = state.mode === 'change';
  // The Table view has no picture to export; its numbers are in the CSV.
  for (const b of document.querySelectorAll('[data-action="png"], [data-action="svg"]')) b.disabled = state.view === 'table';
  const list = document.getElementById('indicator-list');
  list.replaceChildren(...chart.indicators.map(({ id, label, compared }) => {
    const row = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: id, checked: compared });
    row.append(box, ` ${label}`);
    return row;
  }));
  // The attributes set for the first drawing follow the state (a hash can change it).
  for (const key of FIRST) if (chart.getAttribute(key) !== state[key]) chart.setAttribute(key, state[key]);
  root.lang = state.lang;
  root.dataset.view = state.view;
  root.dataset.mode = state.mode;
  if (state.theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = state.theme;
  translate();
  const code = chart.embedCode(new URL('.', location.href).href);
  document.getElementById('embed-element').value = code.element;
  document.getElementById('embed-iframe').value = code.iframe;
  fitCode();
}

/** The embed boxes as tall as their snippets, so that no line of the code is cut off. Measured
 *  only while the panel is open (it is measured again as it opens): measuring lays out the page. */
function fitCode() {
  if (!document.querySelector('.embed').open) return;
  for (const box of document.querySelectorAll('.embed textarea')) {
    box.style.height = '0';
    box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  }
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

const timers = new WeakMap();

/** Says `text` in the status next to `button` (it is a live region), for a few seconds when
 *  it confirms, until the next action when it reports a failure. */
function tell(button, text, { fades = false } = {}) {
  const status = button.parentElement.querySelector('.status');
  clearTimeout(timers.get(status));
  status.textContent = text;
  status.classList.toggle('failed', !fades);
  if (fades) timers.set(status, setTimeout(() => { status.textContent = ''; }, CONFIRM_MS));
}

/** Copies `text`; says that it did, or in words that it could not (and selects `select`). */
async function copy(button, text, done, select = null) {
  try {
    await navigator.clipboard.writeText(text);
    tell(button, words()[done], { fades: true });
  } catch (err) {
    tell(button, words()["copy-failed"]);
    console.warn('clipboard:', err.message);
    // What was to be copied is selected, so that the reader can copy it by hand.
    if (select) select.select();
  }
}

const actions = {
  png: async () => download('migration-chart.png', await chart.toPNG()),
  svg: () => download('migration-chart.svg', new Blob([chart.toSVG()], { type: 'image/svg+xml' })),
  csv: () => download('migration-chart.csv', new Blob([chart.toCSV()], { type: 'text/csv' })),
  link: (button) => copy(button, location.href, "copied"),
};

// This module runs before the element is defined (index.html lists it first), so that the
// element's first drawing is the view the URL asks for (as www/boot.js read it), in its
// language and theme, not the default Overview; on `ready` the whole hash is applied.
const FIRST = ['view', 'lang', 'theme'];
chart.setAttribute('view', root.dataset.view ?? 'overview');
chart.setAttribute('lang', root.lang);
chart.setAttribute('theme', root.dataset.theme ?? 'auto');
for (const b of document.querySelectorAll('button[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === root.dataset.view));
translate();

const start = () => {
  chart.hash = location.hash;
  changed();
};
// In a task of its own: on a phone, the chart's first drawing and the page's catching up with it
// are two short tasks rather than one long one.
chart.addEventListener('ready', () => setTimeout(start), { once: true });
chart.addEventListener('statechange', changed);
window.addEventListener('hashchange', () => { chart.hash = location.hash; changed(); });
window.addEventListener('resize', fitCode);
document.querySelector('.embed').addEventListener('toggle', fitCode);

document.querySelector('.controls').addEventListener('click', (e) => {
  const view = e.target.closest('button[data-view]')?.dataset.view;
  if (view) set('view', view);
  const toggle = e.target.closest('.options-toggle');
  if (toggle) toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
});
document.querySelector('.controls').addEventListener('change', (e) => {
  if (e.target.matches('select[data-key]')) set(e.target.dataset.key, e.target.value);
});
document.getElementById('indicator-list').addEventListener('change', () => {
  const ids = [...document.querySelectorAll('#indicator-list input:checked')].map((b) => b.value);
  set('indicators', ids.join(',') || 'none');
});
document.querySelector('.embed').addEventListener('click', (e) => {
  const button = e.target.closest('[data-copy]');
  const box = button && document.getElementById(button.dataset.copy);
  if (box) copy(button, box.value, "code-copied", box);
});
document.querySelector('.actions').addEventListener('click', (e) => {
  const button = e.target.closest('[data-action]');
  const action = actions[button?.dataset.action];
  if (action) Promise.resolve(action(button)).catch((err) => tell(button, `${words().failed} ${err.message}`));
});
