// Prints the gzip size of every file the page and the widget load, and checks the budget in
// size-budget.json (exit 1 when over). Bytes are deterministic, so this is a test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const budget = JSON.parse(readFileSync(`${root}size-budget.json`, 'utf8'));
let total = 0;
const rows = budget.files.map((f) => {
  const gz = gzipSync(readFileSync(root + f), { level: 9 }).length;
  total += gz;
  return `${String(gz).padStart(8)}  ${f}`;
});
console.log(`gzip bytes of the widget's files:\n${rows.join('\n')}\n${String(total).padStart(8)}  total (budget ${budget.max_gzip_bytes})`);
if (total > budget.max_gzip_bytes) {
  console.error(`over budget by ${total - budget.max_gzip_bytes} bytes`);
  process.exit(1);
}
