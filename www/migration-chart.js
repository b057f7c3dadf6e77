// <migration-chart>: a thin custom element. It builds the shadow DOM, forwards attributes,
// size and input events to the wasm `Chart`, and batches redraws to one per animation frame.
// Everything the reader sees is decided in Rust.

import init, { Chart } from './pkg/migration_charts.js';

const STATE_KEYS = ['view', 'indicators', 'hidden', 'mode', 'scale', 'mark', 'stack', 'lang', 'theme'];
const styleUrl = new URL('./migration-chart.css', import.meta.url);
let wasm; // one module for every instance on the page

const TEMPLATE = `
<link rel="stylesheet" href="${styleUrl}">
<div id="wrap" data-theme="light">
  <p id="error" role="alert" hidden></p>
  <div id="stage" hidden>
    <canvas id="plot" role="img" tabindex="0" aria-describedby="summary"></canvas>
    <canvas id="overlay" aria-hidden="true"></canvas>
    <div id="tip" role="tooltip" hidden></div>
  </div>
  <div id="table" hidden></div>
  <p id="summary" class="sr-only"></p>
  <div id="live" class="sr-only" aria-live="polite"></div>
  <div id="fallback"><slot></slot></div>
</div>`;

class MigrationChart extends HTMLElement {
  static observedAttributes = [...STATE_KEYS, 'src', 'height'];

  /** Bytes of the shared wasm memory (0 before the module loads), for leak tests. */
  static async wasmMemoryBytes() {
    return wasm ? (await wasm).memory.buffer.byteLength : 0;
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      this.attachShadow({ mode: 'open' }).innerHTML = TEMPLATE;
    }
    this.#abort = new AbortController();
    this.#start(this.#abort.signal).catch((e) => this.#failed(e));
  }

  disconnectedCallback() {
    this.#abort?.abort();
    this.#observer?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#chart?.free();
    this.#chart = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.#chart) return;
    if (name === 'src') {
      this.#loadSrc(value);
      return;
    }
    this.#warn(this.#chart.set(name, value));
    this.#schedule();
  }

  /** The view state as a URL hash, and back. */
  get hash() { return this.#chart ? this.#chart.hash() : ''; }
  set hash(value) {
    if (!this.#chart) return;
    this.#chart.set_hash(value);
    this.#schedule();
  }
  get state() { return this.#chart ? this.#chart.state() : null; }
  get indicators() { return this.#chart ? this.#chart.indicators() : []; }
  get pageWords() { return this.#chart ? this.#chart.page_words() : {}; }
  embedCode(base) { return this.#chart ? this.#chart.embed_code(base) : null; }
  get summary() { return this.#chart ? this.#chart.summary() : ''; }
  toSVG() { return this.#chart ? this.#chart.svg() : ''; }
  toCSV() { return this.#chart ? this.#chart.csv() : ''; }
  /** A PNG of the chart at twice its CSS size. */
  toPNG() {
    const plot = this.shadowRoot.getElementById('plot');
    return new Promise((resolve) => this.#withPixelRatio(2, () => plot.toBlob(resolve, 'image/png')));
  }

  #chart = null;
  #abort = null;
  #observer = null;
  #frame = 0;
  #warned = new Set();
  #srcToken = 0;
  #dpr = window.devicePixelRatio || 1;

  async #start(signal) {
    wasm ??= init();
    await wasm;
    if (signal.aborted) return;
    const root = this.shadowRoot;
    const chart = new Chart(root);
    this.#chart = chart;
    for (const name of [...STATE_KEYS, 'height']) {
      if (this.hasAttribute(name)) this.#warn(chart.set(name, this.getAttribute(name)));
    }
    const dark = matchMedia('(prefers-color-scheme: dark)');
    chart.set_prefers_dark(dark.matches);
    dark.addEventListener('change', (e) => { chart.set_prefers_dark(e.matches); this.#schedule(); }, { signal });
    this.#observer = new ResizeObserver(() => this.#schedule());
    this.#observer.observe(this);
    window.addEventListener('resize', () => this.#schedule(), { signal });
    this.#listen(root.getElementById('overlay').parentElement, signal);
    if (this.hasAttribute('src')) await this.#loadSrc(this.getAttribute('src'));
    this.#render();
  }

  #listen(stage, signal) {
    const at = (e) => {
      const r = stage.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    stage.addEventListener('pointermove', (e) => this.#chart?.pointer(...at(e)), { signal });
    stage.addEventListener('pointerleave', () => this.#chart?.leave(), { signal });
    stage.addEventListener('keydown', (e) => {
      if (!e.altKey && !e.ctrlKey && !e.metaKey && this.#chart?.key(e.key)) e.preventDefault();
    }, { signal });
    stage.addEventListener('focusout', () => this.#chart?.leave(), { signal });
    stage.addEventListener('pointerdown', (e) => {
      if (this.#chart?.click(...at(e))) this.#changed();
    }, { signal });
  }

  async #loadSrc(src) {
    const chart = this.#chart;
    const token = ++this.#srcToken; // a newer src wins over a slower, older one
    let outcome;
    if (!src) {
      outcome = () => chart.reset_data();
    } else {
      try {
        const response = await fetch(new URL(src, document.baseURI), { signal: AbortSignal.timeout(10000) });
        const type = response.headers.get('content-type') || '';
        if (!response.ok) outcome = () => chart.fail_src(src, 'status', String(response.status));
        else if (!/json/i.test(type)) outcome = () => chart.fail_src(src, 'type', type || 'no type');
        else {
          const text = await response.text();
          outcome = () => chart.load(text);
        }
      } catch (e) {
        const kind = e.name === 'TimeoutError' ? 'timeout' : 'network';
        outcome = () => chart.fail_src(src, kind, String(e.message || e));
      }
    }
    if (token !== this.#srcToken || chart !== this.#chart) return;
    outcome();
    this.#schedule();
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render() {
    const chart = this.#chart;
    if (!chart) return;
    this.#dpr = window.devicePixelRatio || 1;
    chart.resize(this.clientWidth, this.#dpr);
    chart.render();
    if (!this.hasAttribute('ready')) {
      this.toggleAttribute('ready', true);
      this.dispatchEvent(new Event('ready'));
    }
  }

  #withPixelRatio(dpr, draw) {
    this.#chart.resize(this.clientWidth, dpr);
    this.#chart.render();
    draw();
    this.#render();
  }

  #changed() {
    this.#schedule();
    this.dispatchEvent(new CustomEvent('statechange', { detail: { hash: this.hash }, bubbles: true }));
  }

  #warn(message) {
    if (message && !this.#warned.has(message)) {
      this.#warned.add(message);
      console.warn(`<migration-chart>: ${message}`);
    }
  }

  #failed(error) {
    const box = this.shadowRoot?.getElementById('error');
    if (box) {
      box.textContent = `The interactive chart could not start (${error?.message || error}). The numbers below are the same data.`;
      box.hidden = false;
    }
  }
}

customElements.define('migration-chart', MigrationChart);
