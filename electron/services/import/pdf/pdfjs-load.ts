/**
 * Loads pdfjs's legacy bundle without its costly side effects on the rest of the process.
 *
 * 1. The bundle carries core-js, which replaces `Array.prototype.push`, `JSON.parse` and
 *    `JSON.stringify` process-wide on Node 20 (for edge cases: arrays with a read-only length,
 *    `JSON.rawJSON`) that neither pdfjs nor this app relies on. The replacements are 5–7 times
 *    slower and every part of the process pays for them, so the native functions are put back
 *    once pdfjs has loaded. Polyfills that only add what Node 20 lacks stay in place.
 * 2. When source maps are on (tsx turns them on), core-js's feature checks read an error's stack
 *    during the load, which makes Node parse pdfjs's 8 MB of source maps and keep about 55 MB of
 *    them on the heap for good; every later garbage collection then walks them. Stack traces
 *    inside pdfjs's bundle gain nothing from its maps, so they are off while it loads.
 */

/** The built-ins restored: owner expression and key. */
const GUARDED_PATHS = [
  ['Array.prototype', 'push'],
  ['JSON', 'parse'],
  ['JSON', 'stringify'],
] as const;

const OWNERS: Record<(typeof GUARDED_PATHS)[number][0], object> = {
  'Array.prototype': Array.prototype,
  JSON,
};

/**
 * Runs `load` (which imports pdfjs) with source maps off, then restores the built-ins it
 * replaced and the source-map setting.
 */
export async function guardPdfjsLoad<T>(load: () => Promise<T>): Promise<T> {
  const saved = GUARDED_PATHS.map(([path, key]) => {
    const owner = OWNERS[path];
    return [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const;
  });
  const sourceMaps = process.sourceMapsEnabled;
  if (sourceMaps) process.setSourceMapsEnabled(false);
  try {
    return await load();
  } finally {
    if (sourceMaps) process.setSourceMapsEnabled(true);
    for (const [owner, key, descriptor] of saved) {
      const current = Object.getOwnPropertyDescriptor(owner, key);
      if (descriptor && current?.value !== descriptor.value) Object.defineProperty(owner, key, descriptor);
    }
  }
}

/**
 * The same guard as JavaScript source, for a worker bootstrap that loads pdfjs before any
 * TypeScript can run: `before` saves and turns source maps off, `after` restores.
 */
export const PDFJS_LOAD_GUARD_SOURCE = {
  before:
    `const nativeBuiltins = [${GUARDED_PATHS.map(([path, key]) => `[${path}, '${key}']`).join(', ')}]` +
    '.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)]);' +
    ' const sourceMaps = process.sourceMapsEnabled; if (sourceMaps) process.setSourceMapsEnabled(false);',
  after:
    'if (sourceMaps) process.setSourceMapsEnabled(true);' +
    ' for (const [owner, key, descriptor] of nativeBuiltins) ' +
    'if (descriptor && Object.getOwnPropertyDescriptor(owner, key)?.value !== descriptor.value) ' +
    'Object.defineProperty(owner, key, descriptor);',
};
