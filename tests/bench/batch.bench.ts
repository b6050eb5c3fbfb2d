/**
 * Batch throughput: `cv-tailor batch` over 50 postings against a loopback OpenAI-compatible
 * server that answers each request after a fixed delay, with --parallel 1, 2, 4 and 8. Prints
 * postings per second against the ideal (N × the single-request rate), the most requests the
 * server saw in flight, and the app's own time per posting (wall time less the server's waits).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchCommand } from '../../electron/host/commands/batch';
import { startOpenAiServer } from '../fixtures/openai-server';
import { SAMPLE_JOB_TEXT, sampleCv } from '../unit/tailor/sample-data';

const POSTINGS = 50;
const DELAY_MS = 120;

/** Runs the benchmark. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cv-tailor-batch-bench-'));
  try {
    const cvFile = path.join(dir, 'cv.json');
    writeFileSync(cvFile, JSON.stringify(sampleCv()));
    const jobs = path.join(dir, 'jobs');
    mkdirSync(jobs);
    for (let index = 0; index < POSTINGS; index += 1)
      writeFileSync(path.join(jobs, `posting-${String(index).padStart(2, '0')}.txt`), SAMPLE_JOB_TEXT);
    let single = 0;
    for (const parallel of [1, 2, 4, 8]) {
      const server = await startOpenAiServer({
        apiKey: 'bench-key',
        defaultContent: JSON.stringify({ patches: [], reorders: [] }),
        defaultDelayMs: DELAY_MS,
      });
      const io = {
        stdout: () => undefined,
        stderr: () => undefined,
        env: { ...process.env, CV_TAILOR_API_KEY: 'bench-key' },
        cwd: dir,
      };
      const started = performance.now();
      const code = await batchCommand.run(
        [
          '--cv',
          cvFile,
          '--jobs',
          jobs,
          '--provider',
          'openai',
          '--base-url',
          server.url,
          '--model',
          'test-model',
          '--parallel',
          String(parallel),
          '--out',
          path.join(dir, `out-${parallel}`),
          '--json',
        ],
        io,
      );
      const seconds = (performance.now() - started) / 1000;
      const requests = server.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
      await server.close();
      if (code !== 0) throw new Error(`batch exited ${code} at --parallel ${parallel}`);
      const rate = POSTINGS / seconds;
      if (parallel === 1) single = rate;
      const waited = (requests * DELAY_MS) / parallel / 1000;
      const overheadMs = (Math.max(0, seconds - waited) * 1000) / POSTINGS;
      console.log(
        `--parallel ${parallel}: ${rate.toFixed(2)} postings/s (ideal ${(single * parallel).toFixed(2)}, ratio ${(rate / (single * parallel)).toFixed(2)}), ` +
          `${requests} requests, at most ${server.maxInFlight} in flight, own time ${overheadMs.toFixed(1)} ms per posting`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
