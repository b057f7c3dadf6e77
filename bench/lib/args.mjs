// The benchmark scripts' command line: `--name` flags and `--name value` options.
const argv = process.argv.slice(2);

/** Whether `--name` was given. */
export const flag = (name) => argv.includes(name);

/** The word after `--name`, or `fallback` when it was not given. */
export function value(name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
}
