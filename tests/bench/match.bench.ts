/**
 * Benchmark: matching a three-page CV against a posting, warm, as the editor does on every
 * keystroke. Baseline in the same run: a naive scan that lower-cases the CV and looks for every
 * dictionary name and alias as a substring (what a matcher without a token trie would do).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeJob } from '../../shared/match/analyze-job';
import type { SkillsDictionary } from '../../shared/match/dictionary';
import { matchCv } from '../../shared/match/match';
import type { Cv } from '../../shared/model/cv';
import { readDictionaryFile } from '../../electron/services/jobs/load-dictionary';

const ITERATIONS = 300;
const WARMUP = 30;

const BULLETS = [
  'Led the migration of 40 Python services from VMs to Kubernetes on AWS, cutting deploy time from 45 to 6 minutes',
  'Built CI/CD pipelines in GitHub Actions with Terraform plans reviewed on every pull request',
  'Designed a PostgreSQL schema and Redis caching layer that served 12,000 requests per second',
  'Mentored four junior engineers through code reviews, pairing sessions and a weekly reading group',
  'Introduced Prometheus and Grafana dashboards with alerting that halved the time to detect incidents',
  'Wrote runbooks and ran blameless postmortems for on-call incidents across three regions',
  'Automated nightly data exports with Apache Airflow and dbt, replacing 30 manual spreadsheet steps',
  'Partnered with product managers and designers to ship a self-service onboarding flow in React and TypeScript',
];

/** A CV of about three pages: six jobs of eight bullets, projects, education and skills. */
export function threePageCv(): Cv {
  const work = Array.from({ length: 6 }, (_, job) => ({
    name: `Company ${job + 1}`,
    position: job % 2 === 0 ? 'Senior Platform Engineer' : 'Software Engineer',
    startDate: `${2023 - job * 3}-0${(job % 9) + 1}`,
    endDate: job === 0 ? undefined : `${2026 - job * 3}-0${(job % 9) + 1}`,
    summary:
      'Worked in a small platform team responsible for reliability, developer tooling and cloud costs.',
    highlights: BULLETS.map((bullet, index) => `${bullet} (${job + 1}.${index + 1}).`),
  }));
  return {
    basics: {
      name: 'Bench Person',
      label: 'Platform Engineer',
      summary:
        'Platform engineer with 15 years of experience running Linux, Kubernetes and AWS in production. ' +
        'Comfortable with Go, Python and Bash, and with leading incident response. Known for clear written communication.',
    },
    work,
    projects: Array.from({ length: 3 }, (_, index) => ({
      name: `Project ${index + 1}`,
      description: 'Open-source command-line tool for infrastructure drift detection written in Go.',
      highlights: BULLETS.slice(0, 4),
      keywords: ['Go', 'Terraform', 'AWS'],
    })),
    education: [
      {
        institution: 'University',
        studyType: 'BSc',
        area: 'Computer Science',
        courses: ['Distributed Systems', 'Databases'],
      },
    ],
    skills: [
      { name: 'Cloud', keywords: ['AWS', 'k8s', 'Terraform', 'Helm', 'Docker'] },
      { name: 'Languages', keywords: ['Go', 'Python', 'Bash', 'SQL', 'TypeScript'] },
      { name: 'Observability', keywords: ['Prometheus', 'Grafana', 'OpenTelemetry', 'Datadog'] },
    ],
    certificates: [{ name: 'Certified Kubernetes Administrator' }],
    languages: [
      { language: 'English', fluency: 'Native' },
      { language: 'German', fluency: 'B2' },
    ],
  };
}

/** Every text of the CV, joined, for the baseline scan. */
function cvText(cv: Cv): string {
  return JSON.stringify(cv);
}

/** The baseline: lower-case substring search for every dictionary form. */
function naiveScan(cv: Cv, dictionary: SkillsDictionary): number {
  const text = cvText(cv).toLowerCase();
  let found = 0;
  for (const skill of dictionary.skills) {
    if ([skill.name, ...skill.aliases].some((form) => text.includes(form.toLowerCase()))) found += 1;
  }
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(work: () => void): number {
  for (let index = 0; index < WARMUP; index += 1) work();
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index += 1) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Prints the median warm times and the ratio to the baseline. */
export async function run(): Promise<void> {
  const root = process.cwd();
  const dictionary = await readDictionaryFile(join(root, 'resources/skills/skills.json'));
  const posting = readFileSync(join(root, 'tests/fixtures/jobs/devops-engineer.txt'), 'utf8');
  const cv = threePageCv();
  const job = analyzeJob(posting, dictionary);
  const words = cvText(cv).split(/\s+/).length;

  const matchWarm = time(() => matchCv(cv, job, dictionary, { today: '2025-06' }));
  const matchFreshJob = time(() => matchCv(cv, { ...job }, dictionary, { today: '2025-06' }));
  const analyze = time(() => analyzeJob(posting, dictionary));
  const baseline = time(() => naiveScan(cv, dictionary));

  console.log(
    `match: three-page CV (~${words} words, ${cv.work?.length} jobs) × posting (${job.mustHave.length} must, ${job.niceToHave.length} nice), ${ITERATIONS} runs`,
  );
  console.log(
    `  matchCv, warm (same job object, as on each keystroke)   median ${matchWarm.toFixed(3)} ms   (target ≤ 5 ms)`,
  );
  console.log(
    `  matchCv, new job object each time                      median ${matchFreshJob.toFixed(3)} ms`,
  );
  console.log(`  analyzeJob alone                                       median ${analyze.toFixed(3)} ms`);
  console.log(
    `  baseline: naive substring scan of ${dictionary.skills.length} skills  median ${baseline.toFixed(3)} ms`,
  );
  console.log(`  ratio matchCv / baseline: ${(matchWarm / baseline).toFixed(2)}×`);
}
