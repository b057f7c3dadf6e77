// A small static server for the page, the examples, the tests and the benchmark.
// `--port N` (0 = any free port; the chosen one is printed), `--csp` adds a strict
// Content-Security-Policy to every HTML answer. Only files under the repository are served.
// For the tests: `block` (a RegExp) answers 404 for matching paths (a page without its wasm, in
// any engine), and `inject` (HTML) is inserted after `<head>` of every HTML answer.
//
// It answers as a production host should, so that what it serves weighs what a reader downloads:
// text and wasm in brotli or gzip when the request accepts them (compressed once per file and
// level, kept in memory until the file changes), a strong ETag per representation with 304
// answers to If-None-Match, and `Cache-Control: no-cache` (no file name carries a content hash,
// so a reader revalidates each time, and a rebuilt file is never served stale). `warm` (URL
// paths) has those files compressed at the best level before it listens; the command line warms
// the page's files (index.html, www/).
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Types worth compressing; PNG is compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg\+xml)/;
/** A compressor at one level; `tag` tells its output apart in the ETag. */
const brotliAt = (quality) => ({
  tag: `br${quality}`,
  compress: (body) => promisify(brotliCompress)(body, { params: {
    [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
  } }),
});
const gzipAt = (level) => ({ tag: `gz${level}`, compress: (body) => promisify(gzip)(body, { level }) });
/** The encodings offered, preferred first, each with its levels, fast first. Brotli's best level
 *  takes seconds on the wasm (11% smaller than its fast level), so a file's first answers go at
 *  the fast level while the best is made once in the background; `warm` makes it up front. */
const ENCODINGS = [
  { name: 'br', levels: [brotliAt(5), brotliAt(constants.BROTLI_MAX_QUALITY)] },
  { name: 'gzip', levels: [gzipAt(9)] },
];

/** The q-value the Accept-Encoding header gives `name` (an explicit entry, else `*`, else 0). */
function quality(accept, name) {
  let star = 0;
  for (const part of accept.split(',')) {
    const [raw, ...params] = part.toLowerCase().split(';');
    const token = raw.trim();
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    const value = q ? Number(q[1]) : 1;
    if (token === name) return value;
    if (token === '*') star = value;
  }
  return star;
}

/** The encoding to answer with: the accepted one of highest q, ours first on a tie; null for
 *  identity. */
function chooseEncoding(accept = '') {
  let best = null;
  for (const e of ENCODINGS) {
    const q = quality(accept, e.name);
    if (q > 0 && (!best || q > best.q)) best = { ...e, q };
  }
  return best;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for it). */
function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** Starts the server; resolves to { server, port }. */
export function serve({ port = 8080, csp = false, host = '127.0.0.1', block = null, inject = '', warm = [] } = {}) {
  // One entry per file, for as long as its size and time stamp stay the same: the body as served
  // (with `inject`), its hash, and each compressed form once asked for.
  const files = new Map();

  async function load(file, info, type) {
    const known = files.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    let body = await readFile(file);
    if (inject && type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replace(/<head>/i, `<head>${inject}`));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const entry = { mtimeMs: info.mtimeMs, size: info.size, body, hash, encoded: new Map() };
    files.set(file, entry);
    return entry;
  }

  /** A file's forms in `encoding`: `now` (the best made so far) and `best`, both promises of
   *  { body, tag }. Each level compresses once. */
  function forms(entry, encoding) {
    if (!entry.encoded.has(encoding.name)) {
      const [fast, ...better] = encoding.levels;
      const made = (level) => level.compress(entry.body).then((body) => ({ body, tag: level.tag }));
      const form = { now: made(fast) };
      form.best = better.reduce((done, level) => done.then(() => made(level)), form.now);
      form.best.then((best) => { form.now = Promise.resolve(best); }, () => {});
      entry.encoded.set(encoding.name, form);
    }
    return entry.encoded.get(encoding.name);
  }

  /** The representation to send: the compressed form when it is accepted and smaller. */
  async function represent(entry, type, accept) {
    const plain = { body: entry.body, etag: `"${entry.hash}"`, encoding: null };
    const encoding = COMPRESSIBLE.test(type) ? chooseEncoding(accept) : null;
    if (!encoding) return plain;
    const { body, tag } = await forms(entry, encoding).now;
    if (body.length >= entry.body.length) return plain;
    return { body, etag: `"${entry.hash}.${tag}"`, encoding: encoding.name };
  }

  /** The file at a URL path, or an ENOENT error for anything that is not served. */
  async function find(pathname) {
    let path = normalize(decodeURIComponent(pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(ROOT, path);
    if (block?.test(pathname)) throw Object.assign(new Error('blocked'), { code: 'ENOENT' });
    if (!file.startsWith(ROOT + sep) || file.includes(`${sep}.`)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    const type = TYPES[extname(file)] || 'application/octet-stream';
    return { type, entry: await load(file, info, type) };
  }

  const server = createServer(async (req, res) => {
    try {
      const { type, entry } = await find(new URL(req.url, 'http://localhost').pathname);
      const sent = await represent(entry, type, req.headers['accept-encoding'] ?? '');
      const headers = { 'cache-control': 'no-cache', etag: sent.etag };
      if (COMPRESSIBLE.test(type)) headers.vary = 'Accept-Encoding';
      if (matches(req.headers['if-none-match'], sent.etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      headers['content-type'] = type;
      headers['content-length'] = String(sent.body.length);
      if (sent.encoding) headers['content-encoding'] = sent.encoding;
      if (csp && type.startsWith('text/html')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(sent.body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(e.code === 'ENOENT' ? 'not found' : 'server error');
    }
  });
  // Every form of the `warm` files is made before the server listens.
  const warmed = warm.map(async (path) => {
    const { type, entry } = await find(path);
    if (COMPRESSIBLE.test(type)) await Promise.all(ENCODINGS.map((e) => forms(entry, e).best));
  });
  return Promise.all(warmed).then(() => new Promise((ok) => server.listen(port, host, () => ok({ server, port: server.address().port }))));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  // The page and the widget's files go out at the best level from the first answer.
  const page = (await readdir(join(ROOT, 'www'), { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile() && !f.name.startsWith('.'))
    .map((f) => `/${relative(ROOT, join(f.parentPath, f.name)).split(sep).join('/')}`);
  const { port } = await serve({ port: Number(arg('--port') ?? 8080), csp: process.argv.includes('--csp'), warm: ['/', ...page] });
  console.log(`serving ${ROOT} at http://127.0.0.1:${port}/`);
}
