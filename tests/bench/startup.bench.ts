/**
 * Command-line start-up: `cv-tailor --help` and `cv-tailor verify` from the built bundle
 * (out/main/cli.js, what bin/cv-tailor.js runs) against the same code through tsx
 * (CV_TAILOR_FROM_SOURCES=1) and a bare `node -e 0`, interleaved, medians of five runs each,
 * with peak memory. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = process.cwd();
const bundle = path.join(root, 'out', 'main', 'cli.js');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall time (ms) and peak memory (MB) of one process, through /usr/bin/time when present. */
function measure(args: string[], env: NodeJS.ProcessEnv): { ms: number; mb: number | null } {
  const hasTime = existsSync('/usr/bin/time');
  const options = { cwd: root, encoding: 'utf8' as const, env: { ...process.env, ...env } };
  const started = performance.now();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], options)
    : spawnSync(process.execPath, args, options);
  if (result.status !== 0 && result.status !== 3)
    throw new Error(`${args.join(' ')} exited ${result.status}`);
  const ms = performance.now() - started;
  const kilobytes = hasTime ? Number(/(\d+)\s*$/.exec(result.stderr.trim())?.[1]) : Number.NaN;
  return { ms, mb: Number.isFinite(kilobytes) ? kilobytes / 1024 : null };
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  if (!existsSync(bundle)) {
    console.log('startup: skipped (run "npm run build" first to make out/main/cli.js)');
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
  const rows: Array<{ name: string; args: string[]; env?: NodeJS.ProcessEnv }> = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: '--help, bundle', args: [cli, '--help'] },
    { name: '--help, sources through tsx', args: [cli, '--help'], env: sources },
    { name: 'verify, bundle', args: [cli, ...verify] },
    { name: 'verify, sources through tsx', args: [cli, ...verify], env: sources },
  ];
  const times = new Map(rows.map((row) => [row.name, [] as number[]]));
  const memory = new Map(rows.map((row) => [row.name, [] as number[]]));
  for (let round = 0; round < 5; round += 1) {
    for (const row of rows) {
      const { ms, mb } = measure(row.args, row.env ?? {});
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
}
