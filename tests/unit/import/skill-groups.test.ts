import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCvFile } from '../../../electron/services/import/index';
import { parseCvLines } from '../../../shared/import/parse-cv';
import { linesFromText } from '../../../shared/import/text-lines';

const corpus = path.resolve(process.cwd(), '../shared/corpus');
const hasCorpus =
  existsSync(path.join(corpus, 'resume-matcher', 'pdf')) && existsSync(path.join(corpus, 'offlinecv'));

function parseText(text: string) {
  return parseCvLines(linesFromText(text));
}

async function skillsOf(relative: string) {
  const { cv } = await importCvFile(path.join(corpus, relative));
  return (cv.skills ?? []).map(({ name, level, keywords }) => ({ name, level, keywords }));
}

const HEADER = ['Ingrid Halvorsen-Ruiz', 'Platform Engineer', 'ingrid@example.net | +47 22 55 01 99', ''];

describe('skill groups from text', () => {
  it('puts a flat list of skills, one per line, into one group with every skill as a keyword', () => {
    const names = ['Python', 'SQL', 'Docker', 'Terraform', 'Kubernetes', 'PostgreSQL', 'Airflow', 'dbt'];
    const { cv } = parseText([...HEADER, 'SKILLS', ...names.map((name) => `• ${name}`)].join('\n'));
    expect(cv.skills).toEqual([{ name: 'Skills', keywords: names }]);
  });

  it('names the group after the section heading as written, capitals softened', () => {
    const { cv } = parseText([...HEADER, 'TECHNICAL SKILLS', 'Go, Rust, gRPC'].join('\n'));
    expect(cv.skills).toEqual([{ name: 'Technical skills', keywords: ['Go', 'Rust', 'gRPC'] }]);
  });

  it('keeps one group per level when the listed skills carry one', () => {
    const { cv } = parseText(
      [...HEADER, 'SKILLS', 'Python (advanced), Go (basic), SQL (advanced)'].join('\n'),
    );
    expect(cv.skills).toEqual([
      { name: 'Skills', level: 'advanced', keywords: ['Python', 'SQL'] },
      { name: 'Skills', level: 'basic', keywords: ['Go'] },
    ]);
  });

  it('reads a label alone on its line as the name of the skills under it', () => {
    const { cv } = parseText(
      [...HEADER, 'SKILLS', 'Daily:', 'Python, SQL', 'Familiar:', 'Rust, Haskell'].join('\n'),
    );
    expect(cv.skills).toEqual([
      { name: 'Daily', keywords: ['Python', 'SQL'] },
      { name: 'Familiar', keywords: ['Rust', 'Haskell'] },
    ]);
  });

  it('keeps labelled groups and gathers the unlabelled skills beside them into one group', () => {
    const { cv } = parseText(
      [...HEADER, 'SKILLS', 'Excel', 'Tools: Jira, Git', 'Negotiation, Mentoring'].join('\n'),
    );
    expect(cv.skills).toEqual([
      { name: 'Skills', keywords: ['Excel', 'Negotiation', 'Mentoring'] },
      { name: 'Tools', keywords: ['Jira', 'Git'] },
    ]);
  });

  it('traces every keyword of a wrapped list to the line that holds it', () => {
    const { cv, report } = parseText(
      [...HEADER, 'SKILLS', 'Go, Python, Node.js,', 'Terraform, Docker'].join('\n'),
    );
    expect(cv.skills?.[0].keywords).toEqual(['Go', 'Python', 'Node.js', 'Terraform', 'Docker']);
    const docker = report.fields.find((field) => field.path === 'skills[0].keywords[4]');
    expect(report.lines[docker!.source.line].text.slice(docker!.source.start, docker!.source.end)).toBe(
      'Docker',
    );
  });
});

describe.skipIf(!hasCorpus)(`skill groups of corpus PDFs (skipped when ${corpus} is absent)`, () => {
  it('reads a long comma list after one label as one group, not one group per skill', async () => {
    const skills = await skillsOf('resume-matcher/pdf/single-column.pdf');
    expect(skills).toHaveLength(1);
    expect(skills[0].name).toBe('Technical Skills');
    expect(skills[0].keywords).toHaveLength(34);
    expect(skills[0].keywords?.slice(0, 3)).toEqual(['Go', 'Python', 'Node.js']);
  });

  it('reads an unlabelled list in a sidebar as one group', async () => {
    const skills = await skillsOf('resume-matcher/pdf/two-column.pdf');
    expect(skills).toHaveLength(1);
    expect(skills[0].keywords).toHaveLength(34);
  });

  it('reads group names set in a column of their own before each list', async () => {
    const skills = await skillsOf('offlinecv/latex/awesome-cv-cv.pdf');
    expect(skills.map((skill) => skill.name)).toEqual([
      'DevOps',
      'Backend',
      'Frontend',
      'Programming',
      'Languages',
    ]);
    expect(skills[0].keywords).toContain('Kubernetes');
    expect(skills[4].keywords).toEqual(['Korean', 'English', 'Japanese']);
  });

  it('gives no corpus CV a group without keywords', async () => {
    const files = [
      'offlinecv/google-docs/google-docs-skia-proxy-two-column.pdf',
      'offlinecv/unknown/chromium-two-column-sidebar.pdf',
      'offlinecv/word/chanchal-sharma-sample.pdf',
      'offlinecv/unknown/openresume-react-pdf.pdf',
      'offlinecv/latex/deedy-resume-openfonts.pdf',
    ];
    for (const file of files) {
      const skills = await skillsOf(file);
      expect(skills.length, file).toBeGreaterThan(0);
      for (const skill of skills) expect(skill.keywords?.length, `${file}: ${skill.name}`).toBeGreaterThan(0);
    }
  });
});
