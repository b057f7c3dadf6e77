// A small static server for the page, the examples, the tests and the benchmark.
// `--port N` (0 = any free port; the chosen one is printed), `--csp` adds a strict
// Content-Security-Policy to every HTML answer. Only files under the repository are served.
// For the tests: `block` (a RegExp) answers 404 for matching paths (a page without its wasm, in
// any engine), and `inject` (HTML) is inserted after `<head>` of every HTML answer.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Starts the server; resolves to { server, port }. */
export function serve({ port = 8080, csp = false, host = '127.0.0.1', block = null, inject = '' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.endsWith('/')) path += 'index.html';
      const file = join(ROOT, path);
      if (block?.test(url.pathname)) throw Object.assign(new Error('blocked'), { code: 'ENOENT' });
      if (!file.startsWith(ROOT + sep) || file.includes(`${sep}.`) ) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (csp && type.startsWith('text/html')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      let body = await readFile(file);
      if (inject && type.startsWith('text/html')) body = body.toString('utf8').replace(/<head>/i, `<head>${inject}`);
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(e.code === 'ENOENT' ? 'not found' : 'server error');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok({ server, port: server.address().port })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const { port } = await serve({ port: Number(arg('--port') ?? 8080), csp: process.argv.includes('--csp') });
  console.log(`serving ${ROOT} at http://127.0.0.1:${port}/`);
}
