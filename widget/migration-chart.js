// Source of www/migration-chart.js (minified by scripts/build); URLs here are relative to www/.
// <migration-chart>: a thin custom element. It builds the shadow DOM, forwards attributes,
// size and input events to the wasm `Chart`, and batches redraws to one per animation frame.
// Everything the reader sees is decided in Rust.

// The wasm is requested as this module runs, alongside the glue code, not after it: a
// static import would make the page wait for the glue before the larger file even starts.
const wasmResponse = fetch(new URL('./pkg/migration_charts_bg.wasm', import.meta.url));
const glue = import('./pkg/migration_charts.js');
// A failure of either is reported by the element that awaits it.
wasmResponse.catch(() => {});
glue.catch(() => {});

const STATE_KEYS = ['view', 'indicators', 'hidden-series', 'mode', 'scale', 'mark', 'stack', 'lang', 'theme'];
const styleUrl = new URL('./migration-chart.css', import.meta.url);
let wasm; // { Chart, memory }: one module for every instance on the page
let takePanic = () => undefined;

async function load() {
  const glueModule = await glue;
  const { memory } = await glueModule.default({ module_or_path: wasmResponse });
  takePanic = glueModule.take_panic;
  return { Chart: glueModule.Chart, memory };
}

// The host's box, set at once: until the stylesheet arrives, an inline (zero-width) host
// would make the first render draw nothing.
const HOST = new CSSStyleSheet();
HOST.replaceSync(':host { display: block; position: relative; contain: content; } :host([hidden]) { display: none; }');

const FAILED = {
  en: (why) => `The interactive chart could not run (${why}).`,
  az: (why) => `İnteraktiv diaqram işləyə bilmədi (${why}).`,
  ru: (why) => `Интерактивная диаграмма не смогла работать (${why}).`,
};

const TEMPLATE = `
<link rel="stylesheet" href="${styleUrl}">
<div id="wrap" data-theme="light">
  <p id="error" role="alert" hidden></p>
  <p id="warning" role="status" hidden></p>
  <div id="stage" hidden>
    <canvas id="plot" role="img" tabindex="0" aria-describedby="summary"></canvas>
    <canvas id="overlay" aria-hidden="true"></canvas>
    <div id="legend" role="group"></div>
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
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [HOST];
      root.innerHTML = TEMPLATE;
    }
    this.#abort = new AbortController();
    this.#start(this.#abort.signal).catch((e) => this.#failed(e));
  }

  disconnectedCallback() {
    this.#abort?.abort();
    this.#observer?.disconnect();
    this.#tipObserver?.disconnect();
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
    this.#warn(this.#use((c) => c.set(name, value)));
    this.#schedule();
  }

  /** The view state as a URL hash, and back. */
  get hash() { return this.#use((c) => c.hash(), ''); }
  set hash(value) {
    this.#use((c) => c.set_hash(value));
    this.#schedule();
  }
  get state() { return this.#use((c) => c.state(), null); }
  get indicators() { return this.#use((c) => c.indicators(), []); }
  embedCode(base) { return this.#use((c) => c.embed_code(base), null); }
  get summary() { return this.#use((c) => c.summary(), ''); }
  toSVG() { return this.#use((c) => c.svg(), ''); }
  toCSV() { return this.#use((c) => c.csv(), ''); }
  /** A PNG of the chart at twice its CSS size. */
  toPNG() {
    const plot = this.shadowRoot.getElementById('plot');
    return new Promise((resolve) => this.#withPixelRatio(2, () => plot.toBlob(resolve, 'image/png')));
  }

  #chart = null;
  #abort = null;
  #observer = null;
  #tipObserver = null;
  #frame = 0;
  #warned = new Set();
  #srcToken = 0;
  #busy = false;

  async #start(signal) {
    wasm ??= load();
    const { Chart } = await wasm;
    if (signal.aborted) return;
    const root = this.shadowRoot;
    this.#chart = new Chart(root);
    for (const name of [...STATE_KEYS, 'height']) {
      if (this.hasAttribute(name)) this.#warn(this.#use((c) => c.set(name, this.getAttribute(name))));
    }
    const dark = matchMedia('(prefers-color-scheme: dark)');
    this.#use((c) => c.set_prefers_dark(dark.matches));
    dark.addEventListener('change', (e) => {
      this.#use((c) => c.set_prefers_dark(e.matches));
      this.#schedule();
    }, { signal });
    this.#observer = new ResizeObserver(() => this.#schedule());
    this.#observer.observe(this);
    // The tooltip's size as laid out (after layout, before paint), so that a hover places it
    // without asking for it, which would make the browser lay out the page in the handler.
    const tip = root.getElementById('tip');
    this.#tipObserver = new ResizeObserver(() => this.#use((c) => c.tip_resized(tip.offsetWidth, tip.offsetHeight)));
    this.#tipObserver.observe(tip);
    window.addEventListener('resize', () => this.#schedule(), { signal });
    this.#listen(root.getElementById('stage'), signal);
    if (this.hasAttribute('src')) await this.#loadSrc(this.getAttribute('src'));
    this.#render();
  }

  #listen(stage, signal) {
    const at = (e) => {
      const r = stage.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    stage.addEventListener('pointermove', (e) => this.#use((c) => c.pointer(...at(e))), { signal });
    stage.addEventListener('pointerleave', () => this.#use((c) => c.leave()), { signal });
    stage.addEventListener('keydown', (e) => {
      if (!e.altKey && !e.ctrlKey && !e.metaKey && this.#use((c) => c.key(e.key))) e.preventDefault();
    }, { signal });
    stage.addEventListener('focusout', () => this.#use((c) => c.leave()), { signal });
    // A tap is a pointer that arrives without hovering first.
    stage.addEventListener('pointerdown', (e) => this.#use((c) => c.pointer(...at(e))), { signal });
    stage.addEventListener('click', (e) => {
      const series = e.target.closest('button[data-series]')?.dataset.series;
      if (series) {
        this.#use((c) => c.toggle(series));
        this.#changed();
      }
    }, { signal });
  }

  async #loadSrc(src) {
    const chart = this.#chart;
    const token = ++this.#srcToken; // a newer src wins over a slower, older one
    let outcome;
    if (!src) {
      outcome = (c) => c.reset_data();
    } else {
      try {
        const response = await fetch(new URL(src, document.baseURI), { signal: AbortSignal.timeout(10000) });
        const type = response.headers.get('content-type') || '';
        if (!response.ok) outcome = (c) => c.fail_src(src, 'status', String(response.status));
        else if (!/json/i.test(type)) outcome = (c) => c.fail_src(src, 'type', type || 'no type');
        else {
          const text = await response.text();
          outcome = (c) => c.load(text);
        }
      } catch (e) {
        const kind = e.name === 'TimeoutError' ? 'timeout' : 'network';
        outcome = (c) => c.fail_src(src, kind, String(e.message || e));
      }
    }
    if (token !== this.#srcToken || chart !== this.#chart) return;
    this.#use(outcome);
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
    if (!this.#chart) return;
    this.#use((c) => { c.resize(this.clientWidth, window.devicePixelRatio || 1); c.render(); });
    if (!this.hasAttribute('ready')) {
      this.toggleAttribute('ready', true);
      this.dispatchEvent(new Event('ready'));
    }
  }

  #withPixelRatio(dpr, draw) {
    this.#use((c) => { c.resize(this.clientWidth, dpr); c.render(); });
    draw();
    this.#render();
  }

  #changed() {
    this.#schedule();
    this.dispatchEvent(new CustomEvent('statechange', { detail: { hash: this.hash }, bubbles: true }));
  }

  /** Calls into this widget's chart. If the wasm fails (a panic aborts it), the widget says so
   *  in words and lets go of its chart; the other widgets on the page carry on. */
  #use(call, fallback) {
    const chart = this.#chart;
    // A DOM event fired synchronously by the chart's own DOM work (a focus change during a
    // redraw) must not call back into the chart while it is busy.
    if (!chart || this.#busy) return fallback;
    this.#busy = true;
    try {
      return call(chart);
    } catch (error) {
      this.#chart = null;
      this.#failed(takePanic() || error);
      return fallback;
    } finally {
      this.#busy = false;
    }
  }

  #warn(message) {
    if (message && !this.#warned.has(message)) {
      this.#warned.add(message);
      console.warn(`<migration-chart>: ${message}`);
    }
  }

  /** Shown when the wasm cannot load or stops: the one message the crate cannot write. */
  #failed(error) {
    const root = this.shadowRoot;
    if (!root) return;
    const lang = (this.getAttribute('lang') || document.documentElement.lang || 'en').slice(0, 2);
    const box = root.getElementById('error');
    box.textContent = (FAILED[lang] || FAILED.en)(error?.message || String(error));
    box.hidden = false;
    root.getElementById('stage').hidden = true;
    root.getElementById('table').hidden = true;
    root.getElementById('fallback').hidden = false;
  }
}

customElements.define('migration-chart', MigrationChart);
