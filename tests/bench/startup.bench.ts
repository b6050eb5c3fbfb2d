/**
 * Command-line start-up: `cv-tailor --help`, `cv-tailor verify` and `cv-tailor parse` of a two-page PDF
 * (with `pdftotext -layout` on it as the baseline) from the built bundle
 * (out/main/cli.js, what bin/cv-tailor.js runs) against the same code through tsx
 * (CV_TAILOR_FROM_SOURCES=1) and a bare `node -e 0`, interleaved, medians of five runs each,
 * with peak memory. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = process.cwd();
const bundle = path.join(root, 'out', 'main', 'cli.js');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A two-page PDF of the corpus beside the project, when it is there. */
const TWO_PAGE_PDF = path.resolve(
  root,
  '../shared/corpus/offlinecv/google-docs/google-docs-skia-proxy-honors-subheadings.pdf',
);

/**
 * Wall time (ms) and peak memory (MB) of one process (Node unless `program` says otherwise),
 * through /usr/bin/time when present.
 */
function measure(
  args: string[],
  env: NodeJS.ProcessEnv,
  program = process.execPath,
): { ms: number; mb: number | null } {
  const hasTime = existsSync('/usr/bin/time');
  const options = {
    cwd: root,
    encoding: 'utf8' as const,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  };
  const started = performance.now();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', program, ...args], options)
    : spawnSync(program, args, options);
  if (result.status !== 0 && result.status !== 3)
    throw new Error(`${args.join(' ')} exited ${result.status}`);
  const ms = performance.now() - started;
  const kilobytes = hasTime ? Number(/(\d+)\s*$/.exec(result.stderr.trim())?.[1]) : Number.NaN;
  return { ms, mb: Number.isFinite(kilobytes) ? kilobytes / 1024 : null };
}

/** The newest modification time of the TypeScript files under a folder. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  if (!existsSync(bundle)) {
    console.log('startup: skipped (run "npm run build" first to make out/main/cli.js)');
    return;
  }
  // bin/cv-tailor.js runs the sources when they are newer than the bundle: both rows would time tsx.
  if (
    statSync(bundle).mtimeMs <
    Math.max(newestSource(path.join(root, 'electron')), newestSource(path.join(root, 'shared')))
  ) {
    console.log('startup: skipped (the sources are newer than out/main/cli.js: run "npm run build" first)');
    return;
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'cv-tailor-bench-'));
  const cv = {
    basics: { name: 'Ada Byrne', summary: 'Data engineer with 6 years in Python and SQL.' },
    work: [
      {
        name: 'Acme',
        position: 'Data Engineer',
        startDate: '2019-01',
        highlights: ['Built dbt models in SQL.'],
      },
    ],
  };
  writeFileSync(path.join(folder, 'a.json'), JSON.stringify(cv));
  writeFileSync(
    path.join(folder, 'b.json'),
    JSON.stringify({ ...cv, work: [{ ...cv.work[0], highlights: ['Built dbt models in SQL and Spark.'] }] }),
  );
  const cli = path.join(root, 'bin', 'cv-tailor.js');
  const verify = [
    'verify',
    '--original',
    path.join(folder, 'a.json'),
    '--tailored',
    path.join(folder, 'b.json'),
  ];
  const sources = { CV_TAILOR_FROM_SOURCES: '1' };
  const rows: Array<{ name: string; args: string[]; env?: NodeJS.ProcessEnv; program?: string }> = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: '--help, bundle', args: [cli, '--help'] },
    { name: '--help, sources through tsx', args: [cli, '--help'], env: sources },
    { name: 'verify, bundle', args: [cli, ...verify] },
    { name: 'verify, sources through tsx', args: [cli, ...verify], env: sources },
  ];
  const hasPdf = existsSync(TWO_PAGE_PDF) && spawnSync('pdftotext', ['-v']).status === 0;
  if (hasPdf)
    rows.push(
      { name: 'parse a 2-page PDF, bundle', args: [cli, 'parse', TWO_PAGE_PDF] },
      { name: 'parse a 2-page PDF, sources', args: [cli, 'parse', TWO_PAGE_PDF], env: sources },
      { name: 'pdftotext -layout, same PDF', args: ['-layout', TWO_PAGE_PDF, '-'], program: 'pdftotext' },
    );
  const times = new Map(rows.map((row) => [row.name, [] as number[]]));
  const memory = new Map(rows.map((row) => [row.name, [] as number[]]));
  for (let round = 0; round < 5; round += 1) {
    for (const row of rows) {
      const { ms, mb } = measure(row.args, row.env ?? {}, row.program);
      times.get(row.name)?.push(ms);
      if (mb !== null) memory.get(row.name)?.push(mb);
    }
  }
  const of = (name: string) => median(times.get(name) ?? [0]);
  for (const row of rows) {
    const mb = memory.get(row.name) ?? [];
    console.log(
      `  ${row.name.padEnd(30)} median ${of(row.name).toFixed(0).padStart(5)} ms${mb.length ? `   peak ${median(mb).toFixed(0)} MB` : ''}`,
    );
  }
  console.log(
    `  ratio --help bundle / tsx: ${(of('--help, bundle') / of('--help, sources through tsx')).toFixed(2)}×`,
  );
  console.log(`  ratio --help bundle / node -e 0: ${(of('--help, bundle') / of('node -e 0')).toFixed(2)}×`);
  console.log(
    `  ratio verify bundle / tsx: ${(of('verify, bundle') / of('verify, sources through tsx')).toFixed(2)}×`,
  );
  if (!hasPdf) {
    console.log('  parse rows: skipped (needs ../shared/corpus and pdftotext)');
    return;
  }
  const peak = (name: string) => median(memory.get(name) ?? [Number.NaN]);
  console.log(
    `  ratio parse bundle / sources: ${(of('parse a 2-page PDF, bundle') / of('parse a 2-page PDF, sources')).toFixed(2)}×, ` +
      `peak memory ${(peak('parse a 2-page PDF, bundle') / peak('parse a 2-page PDF, sources')).toFixed(2)}×`,
  );
  console.log(
    `  ratio parse bundle / pdftotext: ${(of('parse a 2-page PDF, bundle') / of('pdftotext -layout, same PDF')).toFixed(1)}× ` +
      `(the whole process: Node's start and pdf.js' load against a C program)`,
  );
}
