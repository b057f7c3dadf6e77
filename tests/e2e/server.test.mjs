// The static server answers as a production host should: brotli, gzip or identity as the
// request's Accept-Encoding allows (with Vary), a strong ETag per representation and 304 on
// If-None-Match, no-cache, the right Content-Type (application/wasm for the module), and the
// strict CSP on HTML with --csp. Plain HTTP requests, no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve, STRICT_CSP } from '../../scripts/server.mjs';

const ROOT = new URL('../../', import.meta.url);
const WASM = '/www/pkg/migration_charts_bg.wasm';
const SCRATCH = '/target/server-test';

let plain;
let strict;
before(async () => {
  // Warm: every brotli answer from this one is already at the best level.
  plain = await serve({ port: 0, warm: [WASM, '/index.html', '/www/migration-chart.js', '/www/app.js'] });
  strict = await serve({ port: 0, csp: true });
  await mkdir(new URL(`.${SCRATCH}`, ROOT), { recursive: true });
});
after(async () => {
  plain.server.close();
  strict.server.close();
  await rm(new URL(`.${SCRATCH}`, ROOT), { recursive: true, force: true });
});

/** GET `path` with `headers`; resolves to { status, headers, body } with the body as sent. */
function get({ port }, path, headers = {}) {
  return new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', fail).end();
  });
}

const file = (path) => readFile(new URL(`.${path}`, ROOT));
const DECODE = { br: brotliDecompressSync, gzip: gunzipSync };

test('the wasm goes as brotli, gzip or identity as Accept-Encoding allows, each the same bytes once decoded', async () => {
  const wasm = await file(WASM);
  const cases = [
    ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['', undefined],
    ['identity', undefined],
    ['*;q=0', undefined],
  ];
  for (const [accept, encoding] of cases) {
    const r = await get(plain, WASM, { 'accept-encoding': accept });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/wasm');
    assert.equal(r.headers['content-encoding'], encoding, `Accept-Encoding: ${accept}`);
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(Number(r.headers['content-length']), r.body.length);
    const decoded = encoding ? DECODE[encoding](r.body) : r.body;
    assert.ok(decoded.equals(wasm), `Accept-Encoding: ${accept}: the decoded body differs from the file`);
    if (encoding) assert.ok(r.body.length < wasm.length * 0.6, `${encoding}: ${r.body.length} of ${wasm.length} bytes`);
  }
});

test('brotli is smaller than gzip for the page\'s own files', async () => {
  for (const path of [WASM, '/www/migration-chart.js', '/www/app.js', '/index.html']) {
    const br = await get(plain, path, { 'accept-encoding': 'br' });
    const gz = await get(plain, path, { 'accept-encoding': 'gzip' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.ok(br.body.length < gz.body.length, `${path}: br ${br.body.length}, gzip ${gz.body.length}`);
  }
});

test('Content-Type by extension; PNG is sent as it is, without Vary', async () => {
  const types = {
    '/index.html': 'text/html; charset=utf-8',
    '/www/app.js': 'text/javascript; charset=utf-8',
    '/www/page.css': 'text/css; charset=utf-8',
    '/data/examples/february-2017.json': 'application/json; charset=utf-8',
    [WASM]: 'application/wasm',
    '/www/favicon.svg': 'image/svg+xml',
  };
  for (const [path, type] of Object.entries(types)) {
    const r = await get(plain, path, { 'accept-encoding': 'gzip' });
    assert.equal(r.status, 200, path);
    assert.equal(r.headers['content-type'], type, path);
  }
  await writeFile(new URL(`.${SCRATCH}/tiny.png`, ROOT), Buffer.alloc(4096, 7));
  const png = await get(plain, `${SCRATCH}/tiny.png`, { 'accept-encoding': 'gzip, br' });
  assert.equal(png.headers['content-type'], 'image/png');
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.headers.vary, undefined);
  assert.equal(png.body.length, 4096);
});

test('a strong ETag per representation; If-None-Match gets 304 without a body', async () => {
  const tags = {};
  for (const accept of ['br', 'gzip', '']) {
    const first = await get(plain, WASM, { 'accept-encoding': accept });
    const again = await get(plain, WASM, { 'accept-encoding': accept });
    const etag = first.headers.etag;
    assert.match(etag, /^"[^"]+"$/, 'a strong ETag (no W/)');
    assert.equal(again.headers.etag, etag, 'the same bytes, the same ETag');
    tags[accept] = etag;
    const cached = await get(plain, WASM, { 'accept-encoding': accept, 'if-none-match': etag });
    assert.equal(cached.status, 304);
    assert.equal(cached.body.length, 0);
    assert.equal(cached.headers.etag, etag);
    assert.equal(cached.headers.vary, 'Accept-Encoding');
    assert.equal(cached.headers['cache-control'], 'no-cache');
    // The weak form and a list that names it match too (RFC 9110's weak comparison).
    assert.equal((await get(plain, WASM, { 'accept-encoding': accept, 'if-none-match': `"other", W/${etag}` })).status, 304);
    assert.equal((await get(plain, WASM, { 'accept-encoding': accept, 'if-none-match': '"other"' })).status, 200);
  }
  assert.equal(new Set(Object.values(tags)).size, 3, `each encoding has its own ETag: ${JSON.stringify(tags)}`);
  // A client holding the gzip form while asking for brotli gets the brotli bytes.
  const switched = await get(plain, WASM, { 'accept-encoding': 'br', 'if-none-match': tags.gzip });
  assert.equal(switched.status, 200);
  assert.equal(switched.headers['content-encoding'], 'br');
});

test('a file that changes is served anew, with a new ETag, compressed from its new content', async () => {
  const path = `${SCRATCH}/changing.js`;
  const where = new URL(`.${path}`, ROOT);
  const text = (n) => `// version ${n}\n${'export const words = "some repeated words";\n'.repeat(50)}`;
  await writeFile(where, text(1));
  const one = await get(plain, path, { 'accept-encoding': 'gzip' });
  assert.equal(gunzipSync(one.body).toString(), text(1));
  await writeFile(where, `${text(2)}// longer\n`);
  const two = await get(plain, path, { 'accept-encoding': 'gzip', 'if-none-match': one.headers.etag });
  assert.equal(two.status, 200);
  assert.notEqual(two.headers.etag, one.headers.etag);
  assert.equal(gunzipSync(two.body).toString(), `${text(2)}// longer\n`);
});

test('brotli: the first answers go at a fast level, the best level once it is made; warm makes it first', async () => {
  // 400 KB of text from a small generator, so that the levels differ in size and in time.
  let seed = 7;
  const word = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return `w${seed % 5000}`; };
  const text = Array.from({ length: 60000 }, word).join(' ');
  const path = `${SCRATCH}/levels.js`;
  await writeFile(new URL(`.${path}`, ROOT), text);
  const cold = await serve({ port: 0 });
  try {
    const first = await get(cold, path, { 'accept-encoding': 'br' });
    assert.equal(brotliDecompressSync(first.body).toString(), text);
    let later = first;
    for (let i = 0; i < 300 && later.headers.etag === first.headers.etag; i++) {
      await new Promise((r) => setTimeout(r, 100));
      later = await get(cold, path, { 'accept-encoding': 'br' });
    }
    assert.notEqual(later.headers.etag, first.headers.etag, 'the best level never came');
    assert.equal(brotliDecompressSync(later.body).toString(), text);
    assert.ok(later.body.length < first.body.length, `best ${later.body.length}, fast ${first.body.length}`);
    assert.equal((await get(cold, path, { 'accept-encoding': 'br', 'if-none-match': later.headers.etag })).status, 304);
    assert.equal((await get(cold, path, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag })).status, 200);
    const warm = await serve({ port: 0, warm: [path] });
    try {
      const at = await get(warm, path, { 'accept-encoding': 'br' });
      assert.equal(at.headers.etag, later.headers.etag);
      assert.ok(at.body.equals(later.body));
    } finally {
      warm.server.close();
    }
  } finally {
    cold.server.close();
  }
});

test('--csp puts the strict policy (with wasm-unsafe-eval) on HTML answers only', async () => {
  assert.match(STRICT_CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  const page = await get(strict, '/index.html', { 'accept-encoding': 'br' });
  assert.equal(page.headers['content-security-policy'], STRICT_CSP);
  assert.equal(page.headers['content-encoding'], 'br');
  assert.equal((await get(strict, '/', {})).headers['content-security-policy'], STRICT_CSP);
  assert.equal((await get(strict, WASM)).headers['content-security-policy'], undefined);
  assert.equal((await get(plain, '/index.html')).headers['content-security-policy'], undefined);
});

test('only files under the repository: missing, dot and outside paths are 404; block and inject still work', async () => {
  for (const path of ['/no/such.json', '/.git/HEAD', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/www/']) {
    const r = await get(plain, path);
    assert.equal(r.status, 404, path);
    assert.equal(r.body.toString(), 'not found');
  }
  const other = await serve({ port: 0, block: /\.wasm$/, inject: '<meta name="injected">' });
  try {
    assert.equal((await get(other, WASM)).status, 404);
    const page = await get(other, '/index.html', { 'accept-encoding': 'gzip' });
    assert.match(gunzipSync(page.body).toString(), /^<!doctype html>[\s\S]*<head><meta name="injected">/i);
  } finally {
    other.server.close();
  }
});
