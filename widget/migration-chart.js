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
let wasm; // { Chart, memory, maxBytes }: one module for every instance on the page
const TIMEOUT_MS = 10000;

async function load() {
  const glueModule = await glue;
  const { memory } = await glueModule.default({ module_or_path: wasmResponse });
  // The largest dataset file the crate reads (data::MAX_BYTES).
  return { Chart: glueModule.Chart, memory, maxBytes: glueModule.Chart.max_bytes() };
}

// The host's box and direction, set at once: the first drawing may come before the stylesheet,
// and an inline (zero-width) host would make it draw nothing, a right-to-left page would turn
// the canvas's text around.
const HOST = new CSSStyleSheet();
HOST.replaceSync(':host { display: block; position: relative; contain: content; direction: ltr; } :host([hidden]) { display: none; }');

const FAILED = {
  en: (why) => `The interactive chart could not run (${why}).`,
  az: (why) => `İnteraktiv diaqram işləyə bilmədi (${why}).`,
  ru: (why) => `Интерактивная диаграмма не смогла работать (${why}).`,
};

/** Fetches a dataset file and reads it, refusing it past the wasm's limit before anything
 *  reaches the wasm: by its Content-Length first, then by counting the bytes as they stream in
 *  (a compressed answer is counted as read, not as sent). The request does not wait for the
 *  wasm; the answer waits for its limit. Resolves to the call that hands the outcome to a
 *  chart, or to null when `signal` was aborted by a newer `src` or a removal. */
async function fetchData(src, signal) {
  try {
    const response = await fetch(new URL(src, document.baseURI), { signal });
    const limit = (await wasm).maxBytes;
    const type = response.headers.get('content-type') || '';
    if (!response.ok) return (c) => c.fail_src(src, 'status', String(response.status));
    if (!/json/i.test(type)) return (c) => c.fail_src(src, 'type', type || 'no type');
    // With a content encoding (gzip), Content-Length counts the bytes sent, not those read.
    const length = Number(response.headers.get('content-length'));
    const encoded = (response.headers.get('content-encoding') || 'identity') !== 'identity';
    if (!encoded && length > limit) {
      response.body?.cancel().catch(() => {});
      return (c) => c.fail_size(src, length);
    }
    // The bytes go to the wasm as they came: it reads the UTF-8 itself.
    const reader = response.body?.getReader();
    const parts = [];
    let bytes = 0;
    for (let part = await reader?.read(); part && !part.done; part = await reader.read()) {
      bytes += part.value.byteLength;
      if (bytes > limit) {
        reader.cancel().catch(() => {});
        return (c) => c.fail_size(src, undefined);
      }
      parts.push(part.value);
    }
    // Joined here rather than by `new Blob(parts).arrayBuffer()`, whose extra await cost a
    // loaded file's first drawing about 8 ms (8 × 10,000, medians of 9 visits to the bench page).
    const body = new Uint8Array(bytes);
    let at = 0;
    for (const part of parts) {
      body.set(part, at);
      at += part.byteLength;
    }
    return (c) => c.load(body);
  } catch (e) {
    if (signal.aborted && e.name === 'AbortError') return null;
    const kind = e.name === 'TimeoutError' ? 'timeout' : 'network';
    return (c) => c.fail_src(src, kind, String(e.message || e));
  }
}

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
  <p id="source" hidden></p>
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
    this.#srcAbort?.abort();
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
    this.#warn(name, this.#use((c) => c.set(name, value)));
    this.#schedule();
  }

  /** The view state as a URL hash, and back. */
  get hash() { return this.#use((c) => c.hash(), ''); }
  set hash(value) {
    const before = this.hash;
    this.#use((c) => c.set_hash(value));
    if (this.hash !== before) this.#schedule();
  }
  get state() { return this.#use((c) => c.state(), null); }
  get indicators() { return this.#use((c) => c.indicators(), []); }
  embedCode(base) { return this.#use((c) => c.embed_code(base), null); }
  get summary() { return this.#use((c) => c.summary(), ''); }
  // Exports give nothing ('' or a null PNG) until the data the element shows is drawn: not the
  // embedded dataset while a `src` loads. They carry the title, what is shown and the source,
  // on a light background unless `{ theme: 'dark' }` or `{ theme: 'widget' }` (README, Exports).
  toSVG(options) { return this.#exportable('toSVG') ? this.#use((c) => c.svg(options?.theme), '') : ''; }
  toCSV() { return this.#exportable('toCSV') ? this.#use((c) => c.csv(), '') : ''; }
  /** Where the last drawing put each line of text: [{text, x, y, w, h}] in CSS pixels. */
  textBoxes() { return this.#use((c) => c.textBoxes(), []); }
  /** A PNG of the export at twice its CSS size, drawn on a canvas of its own. */
  toPNG(options) {
    const canvas = this.#exportable('toPNG') ? this.#use((c) => c.png_canvas(options?.theme), null) : null;
    return new Promise((resolve) => (canvas ? canvas.toBlob(resolve, 'image/png') : resolve(null)));
  }

  #chart = null;
  #abort = null;
  #observer = null;
  #tipObserver = null;
  #frame = 0;
  /** Attributes already warned about: one warning each, and no bad value kept. */
  #warned = new Set();
  #srcToken = 0;
  #srcAbort = null;
  /** A `src` is being fetched: the chart shows no data, and `ready` waits. */
  #loading = false;
  /** A tap left the tooltip up: a tap outside the element takes it down. */
  #pinned = false;
  #busy = false;
  /** The stage's box in the viewport, kept between pointer moves: read after a move that changed
   *  the tooltip, it would make the browser lay the page out inside the handler. */
  #stageBox = null;
  /** The width of the last drawing. */
  #drawnWidth = -1;

  async #start(signal) {
    wasm ??= load();
    // The file's request goes out beside the wasm's, not after it.
    const early = this.hasAttribute('src') ? this.#request(this.getAttribute('src')) : null;
    const { Chart } = await wasm;
    if (signal.aborted) return;
    const root = this.shadowRoot;
    this.#chart = new Chart(root);
    this.removeAttribute('failed'); // from before a removal
    this.#loading = this.#pinned = false; // from before a removal
    for (const name of [...STATE_KEYS, 'height']) {
      if (this.hasAttribute(name)) this.#warn(name, this.#use((c) => c.set(name, this.getAttribute(name))));
    }
    const dark = matchMedia('(prefers-color-scheme: dark)');
    this.#use((c) => c.set_prefers_dark(dark.matches));
    dark.addEventListener('change', (e) => {
      this.#use((c) => c.set_prefers_dark(e.matches));
      this.#schedule();
    }, { signal });
    // Only a new width redraws: the height is the chart's own (a view sets it), and the
    // observer's first report, as it starts, is the width the first drawing uses.
    this.#observer = new ResizeObserver(() => {
      if (this.clientWidth !== this.#drawnWidth) this.#schedule();
    });
    this.#observer.observe(this);
    // The tooltip's size as laid out (after layout, before paint), so that a hover places it
    // without asking for it, which would make the browser lay out the page in the handler.
    const tip = root.getElementById('tip');
    this.#tipObserver = new ResizeObserver(() => this.#use((c) => c.tip_resized(tip.offsetWidth, tip.offsetHeight)));
    this.#tipObserver.observe(tip);
    window.addEventListener('resize', () => this.#schedule(), { signal });
    this.#listen(root.getElementById('stage'), signal);
    if (this.hasAttribute('src')) await this.#loadSrc(this.getAttribute('src'), early);
    else this.#srcAbort?.abort(); // a `src` removed while the wasm loaded
    // The first drawing, unless one is on its way already (a loaded `src` asks for one).
    if (!this.#frame) this.#render();
  }

  #listen(stage, signal) {
    const at = (e) => {
      this.#stageBox ??= stage.getBoundingClientRect();
      return [e.clientX - this.#stageBox.left, e.clientY - this.#stageBox.top];
    };
    // The stage's box is read again after anything that may move it.
    const moved = () => { this.#stageBox = null; };
    window.addEventListener('scroll', moved, { capture: true, passive: true, signal });
    window.addEventListener('resize', moved, { signal });
    stage.addEventListener('pointerenter', moved, { signal });
    stage.addEventListener('pointermove', (e) => this.#use((c) => c.pointer(...at(e))), { signal });
    // A finger leaves as it lifts (pointerup, then pointerleave): the tooltip a tap showed stays
    // up until another tap, a tap outside the element, or Escape.
    stage.addEventListener('pointerleave', (e) => {
      if (e.pointerType !== 'touch') this.#use((c) => c.leave());
    }, { signal });
    document.addEventListener('pointerdown', (e) => {
      if (this.#pinned && !e.composedPath().includes(this)) {
        this.#pinned = false;
        this.#use((c) => c.leave());
      }
    }, { signal });
    stage.addEventListener('keydown', (e) => {
      if (!e.altKey && !e.ctrlKey && !e.metaKey && this.#use((c) => c.key(e.key))) e.preventDefault();
    }, { signal });
    stage.addEventListener('focusout', () => this.#use((c) => c.leave()), { signal });
    // A tap is a pointer that arrives without hovering first.
    stage.addEventListener('pointerdown', (e) => {
      this.#pinned ||= e.pointerType === 'touch';
      this.#use((c) => c.pointer(...at(e)));
    }, { signal });
    stage.addEventListener('click', (e) => {
      const series = e.target.closest('button[data-series]')?.dataset.series;
      if (series) {
        this.#use((c) => c.toggle(series));
        this.#changed();
      }
    }, { signal });
  }

  /** Sends the request for `src`, aborting the one before: a newer `src` or the element's
   *  removal aborts a fetch, and the token keeps an older answer that still arrives from
   *  replacing a newer one. */
  #request(src) {
    const token = ++this.#srcToken;
    this.#srcAbort?.abort();
    const abort = new AbortController();
    this.#srcAbort = abort;
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    return { src, token, outcome: fetchData(src, signal) };
  }

  /** Shows `src` (or, when it is removed, goes back to the embedded data), using `request`
   *  when it was sent for this `src` already. */
  async #loadSrc(src, request = null) {
    const chart = this.#chart;
    this.#loading = Boolean(src);
    let token;
    let outcome = (c) => c.reset_data();
    if (src) {
      // The request goes out first; the chart gets ready while it is on its way.
      const sent = request?.src === src && request.token === this.#srcToken ? request : this.#request(src);
      token = sent.token;
      this.#use((c) => c.loading(src));
      this.#schedule();
      outcome = await sent.outcome;
    } else {
      token = ++this.#srcToken;
      this.#srcAbort?.abort();
    }
    if (!outcome || token !== this.#srcToken || chart !== this.#chart) return;
    this.#srcAbort = null;
    this.#loading = false;
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
    // A redraw already asked for is this one.
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#drawnWidth = this.clientWidth;
    this.#stageBox = null;
    this.#use((c) => { c.resize(this.#drawnWidth, window.devicePixelRatio || 1); c.render(); });
    // After the frame that shows the drawing (a task after the next frame's callbacks): what a
    // first hover needs.
    requestAnimationFrame(() => setTimeout(() => this.#use((c) => c.prepare_pointing())));
    // `ready` means the data the element shows is drawn: with a `src`, that file, not the
    // loading state before it.
    if (!this.#loading && !this.hasAttribute('ready')) {
      this.toggleAttribute('ready', true);
      this.dispatchEvent(new Event('ready'));
    }
  }

  #changed() {
    this.#schedule();
    this.dispatchEvent(new CustomEvent('statechange', { detail: { hash: this.hash }, bubbles: true }));
  }

  /** Calls into this widget's chart. If the wasm fails (a panic traps), the widget says so
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
      this.#failed(error);
      return fallback;
    } finally {
      this.#busy = false;
    }
  }

  /** Warns about a bad value of attribute `name`, once for the element's life: a host that
   *  keeps writing new bad values gets no flood of warnings, and nothing is kept per value. */
  #warn(name, message) {
    if (message && !this.#warned.has(name)) {
      this.#warned.add(name);
      console.warn(`<migration-chart>: ${message}`);
    }
  }

  /** Whether there is a drawn chart to export; says why not on the console. */
  #exportable(method) {
    if (this.#chart && !this.#loading) return true;
    console.warn(`<migration-chart>: ${method}() gives nothing until the data is drawn (the 'ready' event)`);
    return false;
  }

  /** Shown when the wasm cannot load or stops: the one message the crate cannot write. The
   *  host learns it from the `failed` attribute and event. */
  #failed(error) {
    const root = this.shadowRoot;
    if (!root) return;
    this.toggleAttribute('failed', true);
    this.dispatchEvent(new Event('failed'));
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
