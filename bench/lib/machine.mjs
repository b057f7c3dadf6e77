// The machine a run happened on, for the report.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export function machine(browserVersion) {
  let cpu = 'unknown';
  try {
    cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpu;
  } catch { /* not Linux */ }
  return {
    nproc: availableParallelism(),
    cpu,
    chromium: browserVersion,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
