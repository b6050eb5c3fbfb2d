#!/usr/bin/env node
// Entry point of the command-line tool and the browser host. Runs the built bundle
// (out/main/cli.js, made by `npm install` or `npm run build`); in a development checkout whose
// sources are newer than the bundle, runs the TypeScript sources through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Node keeps the compiled code of the bundle and pdf.js on disk between runs (Node 22.1+).
module.enableCompileCache?.();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { nodeIsSupported } = await import('../scripts/check-node.mjs');
if (!nodeIsSupported()) process.exit(1);
const bundle = join(root, 'out', 'main', 'cli.js');

/** The newest modification time of the TypeScript sources under the given folders. */
function newestSource(folders) {
  let newest = 0;
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return newest;
}

const hasSources = existsSync(join(root, 'electron', 'host', 'cli.ts'));
// CV_TAILOR_FROM_SOURCES=1 runs the sources even when the bundle is fresh (for comparisons).
const fromSources = hasSources && process.env.CV_TAILOR_FROM_SOURCES === '1';
const useBundle =
  !fromSources &&
  existsSync(bundle) &&
  (!hasSources || statSync(bundle).mtimeMs >= newestSource(['electron', 'shared']));

let main;
if (useBundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/host/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
