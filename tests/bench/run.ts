/**
 * Runs every benchmark in tests/bench (files named *.bench.ts exporting `run()`), one after
 * the other, or only those whose names contain the words given on the command line.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const filters = process.argv.slice(2);
const files = (await readdir(here)).filter((file) => file.endsWith('.bench.ts')).sort();
const selected = files.filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
if (selected.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}. Available: ${files.join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const file of selected) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  try {
    const module = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<void> };
    if (typeof module.run !== 'function') throw new Error('exports no run()');
    await module.run();
  } catch (error) {
    failed++;
    console.error(`${file} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
  console.log(`(${file} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
