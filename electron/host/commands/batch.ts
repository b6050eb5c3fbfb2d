/**
 * `cv-tailor batch`: tailors one CV to many postings (and writes their letters), N at a time
 * against a server, one at a time with a local model. A rerun with the same --out skips the
 * postings already done.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { analyzeJob } from '../../../shared/match/analyze-job';
import { matchCv } from '../../../shared/match/match';
import { toJsonResume, type Cv } from '../../../shared/model/cv';
import { loadDictionary } from '../../services/jobs/load-dictionary';
import { postingsOfPath, type PostingSource } from '../../services/jobs/postings';
import type { LlmProvider } from '../../services/llm/provider';
import { openProvider, readCvFile, writeOutput } from '../../services/tailor/inputs';
import { writeLetter } from '../../services/tailor/letter';
import { tailorCv } from '../../services/tailor/pipeline';
import { CV_JOB_MODEL_OPTIONS, parseCommandArgs, requireOption } from './args';
import { anonymizeOption, intensityOption, modelOption } from './model-options';
import type { CliCommand } from './types';

const USAGE = `Usage: cv-tailor batch --cv <file> --jobs <folder|file> [model options] [options]

Tailors the CV to every posting in a folder (.txt, .md, .html, .pdf, .docx), or in one text file
whose postings are separated by a line "---", and writes per posting the tailored CV as JSON
Resume (<posting>.json), with --letters its letter (<posting>.letter.json), and summary.json.
Run it again with the same --out to finish what was left: postings already done are skipped.

Options:
  --cv <file>             the CV (PDF, DOCX, Markdown, text, JSON Resume or a LinkedIn export)
  --jobs <folder|file>    the postings
  --model <file.gguf>     a local model (postings run one at a time)
  --provider <id> --base-url <url> --model <name>
                          a remote OpenAI-compatible model
  --no-ai                 reorder by relevance only, no model
  --parallel <N>          postings at once against a server (default 1)
  --letters               also write a cover letter per posting (needs a model)
  --intensity <level>     light | balanced | bold (default balanced)
  --anonymize / --no-anonymize
  --out <folder>          where to write (default ./tailored)
  --json                  print the summary as JSON

Exit status: 0 when every posting finished, 1 on a usage error, 4 when some postings failed.`;

/** One line of summary.json. */
interface SummaryEntry {
  job: string;
  title: string | null;
  company: string | null;
  score: number | null;
  changes: number;
  findings: number;
  status: 'done' | 'skipped' | 'failed';
  error?: string;
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Runs `work` over the items, at most `limit` at once, in order of the list. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  });
  await Promise.all(runners);
}

/** The `batch` command. */
export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'tailor a CV to many job postings (and write their letters)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      {
        ...CV_JOB_MODEL_OPTIONS,
        jobs: { type: 'string' },
        intensity: { type: 'string' },
        parallel: { type: 'string' },
        letters: { type: 'boolean' },
        'no-ai': { type: 'boolean' },
      },
      false,
    );
    if (values.job) throw new AppError('invalid-input', 'batch takes --jobs <folder|file>, not --job.');
    const cvPath = path.resolve(io.cwd, requireOption(values.cv, 'cv'));
    const jobsPath = path.resolve(io.cwd, requireOption(values.jobs, 'jobs'));
    const outDir = path.resolve(io.cwd, values.out ?? 'tailored');
    const intensity = intensityOption(values.intensity);
    const parallel = values.parallel === undefined ? 1 : Number(values.parallel);
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64)
      throw new AppError(
        'invalid-input',
        `--parallel must be a whole number from 1 to 64, not "${values.parallel}".`,
      );
    const anonymize = anonymizeOption(values);
    const config = modelOption(values, io.cwd);
    if (values.letters && !config) throw new AppError('invalid-input', '--letters needs a model.');
    const cv: Cv = await readCvFile(cvPath);
    const postings = await postingsOfPath(jobsPath);
    const dictionary = await loadDictionary();
    await mkdir(outDir, { recursive: true }).catch(() => {
      throw new AppError('storage', `Cannot create "${outDir}": check that it is writable.`);
    });
    let provider: LlmProvider | undefined;
    const summary: SummaryEntry[] = [];
    try {
      provider = config ? await openProvider(config, io.env) : undefined;
      // A local model answers one request at a time; more at once would only queue.
      const limit = provider?.kind === 'remote' ? parallel : 1;
      if (parallel > 1 && limit === 1 && provider)
        io.stderr('Note: a local model tailors one posting at a time; --parallel applies to servers.\n');
      const results = new Map<PostingSource, SummaryEntry>();
      await pool(postings, limit, async (posting) => {
        const cvOut = path.join(outDir, `${posting.name}.json`);
        const letterOut = path.join(outDir, `${posting.name}.letter.json`);
        const entry: SummaryEntry = {
          job: posting.source,
          title: null,
          company: null,
          score: null,
          changes: 0,
          findings: 0,
          status: 'done',
        };
        try {
          const jobText = await posting.read();
          const job = analyzeJob(jobText, dictionary);
          entry.title = job.title ?? null;
          entry.company = job.company ?? null;
          if ((await exists(cvOut)) && (!values.letters || (await exists(letterOut)))) {
            entry.status = 'skipped';
            const done = JSON.parse(await readFile(cvOut, 'utf8')) as Cv;
            entry.score = matchCv(done, job, dictionary).score;
            return;
          }
          const result = await tailorCv({ cv, jobText, intensity, provider, anonymize, dictionary });
          entry.changes = result.changes.filter((change) => change.status !== 'reverted').length;
          entry.findings = result.findings.length;
          entry.score = matchCv(result.cv, job, dictionary).score;
          if (values.letters && provider) {
            // The letter's facts are checked against the CV as the person wrote it.
            const letter = await writeLetter({ cv, jobText, provider, anonymize, dictionary });
            entry.findings += letter.findings.length;
            await writeOutput(
              letterOut,
              `${JSON.stringify({ ...letter.letter, findings: letter.findings }, null, 2)}\n`,
            );
          }
          // The CV is written last: its file marks the posting as done for a rerun.
          await writeOutput(cvOut, `${JSON.stringify(toJsonResume(result.cv), null, 2)}\n`);
        } catch (error) {
          entry.status = 'failed';
          entry.error = isAppError(error) ? error.message : 'unexpected error';
          io.stderr(`batch: ${posting.source} failed: ${entry.error}\n`);
        } finally {
          results.set(posting, entry);
          if (!values.json)
            io.stdout(
              `[${entry.status}] ${posting.source}${entry.score === null ? '' : ` · score ${entry.score}`}\n`,
            );
        }
      });
      for (const posting of postings) {
        const entry = results.get(posting);
        if (entry) summary.push(entry);
      }
    } finally {
      await provider?.dispose();
    }
    await writeOutput(path.join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const failed = summary.filter((entry) => entry.status === 'failed').length;
    if (values.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else
      io.stdout(
        `${summary.length - failed} of ${summary.length} postings finished (${summary.filter((entry) => entry.status === 'skipped').length} already done). Wrote ${outDir}\n`,
      );
    return failed > 0 ? 4 : 0;
  },
};
