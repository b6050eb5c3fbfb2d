/**
 * The renderer as a browser receives it from `cv-tailor serve`: the JavaScript's gzip size of
 * this build against the same build unminified (both made in this run, into temporary folders);
 * the bytes sent for the whole app with compression against without; and the time from starting
 * `serve` to its URL and to the app answering in Chromium, against a bare `node -e 0`, the same
 * host from the sources through tsx, and the import of playwright-core and node-llama-cpp that
 * start-up no longer pays. Medians of five interleaved runs. Run after `npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build, type InlineConfig } from 'vite';
import config from '../../electron.vite.config';
import { CHROMIUM_ARGS, findChromium } from '../../electron/services/export/pdf-renderer';

const root = process.cwd();
const cli = path.join(root, 'bin', 'cv-tailor.js');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;

/** Builds the renderer as the project's config does, into `outDir`, minified or not. */
async function buildRenderer(outDir: string, minify: boolean): Promise<void> {
  const renderer = (config as { renderer: InlineConfig }).renderer;
  await build({
    ...renderer,
    configFile: false,
    base: './',
    logLevel: 'silent',
    build: { ...renderer.build, outDir, emptyOutDir: true, minify },
  });
}

/** Gzip sizes (level 9) of a build's scripts: all of them, and those the first page loads. */
async function scriptSizes(outDir: string): Promise<{ all: number; first: number; raw: number }> {
  const assets = path.join(outDir, 'assets');
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  let all = 0;
  let first = 0;
  let raw = 0;
  for (const file of (await readdir(assets)).filter((name) => name.endsWith('.js'))) {
    const body = await readFile(path.join(assets, file));
    const size = gzipSync(body, { level: 9 }).length;
    all += size;
    raw += body.length;
    if (html.includes(`assets/${file}`)) first += size;
  }
  return { all, first, raw };
}

/** Bytes of a response body as sent, for one Accept-Encoding. */
function sentBytes(origin: string, pathname: string, acceptEncoding: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${origin}${pathname}`,
      { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
      (response) => {
        let size = 0;
        response.on('data', (chunk: Buffer) => (size += chunk.length));
        response.on('end', () => resolve(size));
      },
    );
    request.on('error', reject);
  });
}

/** Starts `serve` and resolves with its URL, the time it took and a way to stop it. */
async function startServe(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; ms: number; pid: number; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-bench-serve-'));
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CV_TAILOR_DATA_DIR: '', ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const ms = performance.now() - started;
  return {
    url,
    ms,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts `serve`, opens it in a fresh browser context and waits until the app answers. */
async function serveToInteractive(browser: Browser): Promise<{ hostMs: number; uiMs: number }> {
  const started = performance.now();
  const host = await startServe({});
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Library' }).waitFor({ state: 'visible' });
    return { hostMs: host.ms, uiMs: performance.now() - started };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** Wall time of one process run to its end. */
function timeProcess(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

async function sizes(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'cv-tailor-bench-renderer-'));
  try {
    await buildRenderer(path.join(folder, 'min'), true);
    await buildRenderer(path.join(folder, 'plain'), false);
    const minified = await scriptSizes(path.join(folder, 'min'));
    const plain = await scriptSizes(path.join(folder, 'plain'));
    console.log('  renderer JavaScript, gzip -9        this build   unminified   ratio');
    const row = (label: string, a: number, b: number) =>
      console.log(`  ${label.padEnd(34)} ${kb(a)}  ${kb(b)}   ${(a / b).toFixed(2)}×`);
    row('first page (entry script)', minified.first, plain.first);
    row('all scripts (with the dictionary)', minified.all, plain.all);
    row('all scripts, uncompressed', minified.raw, plain.raw);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function transfer(): Promise<void> {
  const host = await startServe({});
  try {
    const origin = new URL(host.url).origin;
    const assets = await readdir(path.join(root, 'out', 'renderer', 'assets'));
    const paths = ['/', ...assets.map((file) => `/assets/${file}`)];
    const total = async (encoding: string | null) => {
      let sum = 0;
      for (const pathname of paths) sum += await sentBytes(origin, pathname, encoding);
      return sum;
    };
    const plain = await total(null);
    const gzip = await total('gzip');
    const brotli = await total('gzip, deflate, br');
    console.log(`  bytes sent for the app (index.html and ${assets.length} assets), from serve:`);
    console.log(`    without compression                ${kb(plain)}`);
    console.log(`    gzip                               ${kb(gzip)}   ratio ${(gzip / plain).toFixed(2)}×`);
    console.log(
      `    brotli (what Chromium asks for)    ${kb(brotli)}   ratio ${(brotli / plain).toFixed(2)}×`,
    );
  } finally {
    await host.stop();
  }
}

async function startup(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const rows = {
    node: [] as number[],
    imports: [] as number[],
    host: [] as number[],
    hostSources: [] as number[],
    ui: [] as number[],
  };
  try {
    for (let round = 0; round < 5; round += 1) {
      rows.node.push(timeProcess(['-e', '0']));
      rows.imports.push(
        timeProcess([
          '--input-type=module',
          '-e',
          "await import('playwright-core'); await import('node-llama-cpp')",
        ]),
      );
      const { hostMs, uiMs } = await serveToInteractive(browser);
      rows.host.push(hostMs);
      rows.ui.push(uiMs);
      const sources = await startServe({ CV_TAILOR_FROM_SOURCES: '1' });
      rows.hostSources.push(sources.ms);
      await sources.stop();
    }
  } finally {
    await browser.close();
  }
  const line = (label: string, values: number[]) =>
    console.log(`  ${label.padEnd(58)} median ${median(values).toFixed(0).padStart(5)} ms`);
  line('node -e 0', rows.node);
  line('import playwright-core + node-llama-cpp (no longer paid)', rows.imports);
  line('serve, bundle: start → URL printed', rows.host);
  line('serve, sources through tsx: start → URL printed', rows.hostSources);
  line('serve, bundle: start → app interactive in Chromium', rows.ui);
  const ratio = (label: string, a: number[], b: number[]) =>
    console.log(`  ratio ${label}: ${(median(a) / median(b)).toFixed(2)}×`);
  ratio('serve start bundle / tsx', rows.host, rows.hostSources);
  ratio('serve start bundle / node -e 0', rows.host, rows.node);
  ratio('serve start bundle / (node -e 0 + the two imports)', rows.host, [
    median(rows.node) + median(rows.imports),
  ]);
}

/** Resident memory of a process in MB (Linux), or NaN. */
async function residentMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** A two-page PDF of the corpus beside the project, when it is there. */
const TWO_PAGE_PDF = path.resolve(
  root,
  '../shared/corpus/offlinecv/google-docs/google-docs-skia-proxy-honors-subheadings.pdf',
);

/** The host's memory when the app is open, and after it imported one CV (a two-page PDF). */
async function hostMemory(): Promise<void> {
  if (!existsSync(TWO_PAGE_PDF)) {
    console.log('  host memory rows: skipped (needs ../shared/corpus)');
    return;
  }
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const rows: Record<string, { open: number[]; imported: number[] }> = {
    bundle: { open: [], imported: [] },
    'sources through tsx': { open: [], imported: [] },
  };
  try {
    for (let round = 0; round < 3; round += 1) {
      for (const [name, env] of [
        ['bundle', {}],
        ['sources through tsx', { CV_TAILOR_FROM_SOURCES: '1' }],
      ] as const) {
        const host = await startServe(env);
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(host.url);
          const library = page.getByRole('navigation', { name: 'Library' });
          await library.waitFor({ state: 'visible' });
          rows[name].open.push(await residentMb(host.pid));
          await library.getByTestId('import-input').setInputFiles(TWO_PAGE_PDF);
          await page
            .getByRole('textbox', { name: 'Full name' })
            .waitFor({ state: 'visible', timeout: 30_000 });
          await page.waitForTimeout(500);
          rows[name].imported.push(await residentMb(host.pid));
        } finally {
          await context.close();
          await host.stop();
        }
      }
    }
  } finally {
    await browser.close();
  }
  for (const [name, row] of Object.entries(rows))
    console.log(
      `  serve host memory, ${name.padEnd(20)} app open ${median(row.open).toFixed(0).padStart(4)} MB   after one PDF import ${median(row.imported).toFixed(0).padStart(4)} MB`,
    );
  console.log(
    `  ratio host memory after import, bundle / sources: ${(median(rows.bundle.imported) / median(rows['sources through tsx'].imported)).toFixed(2)}×`,
  );
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  await sizes();
  if (
    !existsSync(path.join(root, 'out', 'main', 'cli.js')) ||
    !existsSync(path.join(root, 'out', 'renderer'))
  ) {
    console.log('  serve rows: skipped (run "npm run build" first)');
    return;
  }
  await transfer();
  await startup();
  await hostMemory();
}
