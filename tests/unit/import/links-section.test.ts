import { describe, expect, it } from 'vitest';
import { importCv } from '../../../electron/services/import/index';
import { parseCvLines } from '../../../shared/import/parse-cv';
import type { SourceLine } from '../../../shared/import/source-line';

function markdownCv(links: string[]): string {
  return [
    '# Priya Raman',
    'Backend engineer · priya.raman@example.org · +44 20 7946 0321 · Leeds, UK',
    '## Experience',
    '### Senior Backend Engineer — Ledgerly',
    'Jan 2019 – Present',
    '- Built REST APIs in Python.',
    '## Skills',
    '- Python, SQL',
    '## Links',
    ...links.map((link) => `- ${link}`),
  ].join('\n');
}

async function read(markdown: string) {
  return importCv({ bytes: new TextEncoder().encode(markdown), fileName: 'priya.md' });
}

/** A line as the PDF importer gives it: body text at 10 pt, headings bold in capitals at 12 pt. */
function pdfLine(text: string, y: number, style: 'name' | 'heading' | 'body' = 'body'): SourceLine {
  const fontSize = style === 'name' ? 20 : style === 'heading' ? 12 : 10;
  return { text, page: 1, x: 50, y, width: 300, fontSize, bold: style !== 'body' };
}

describe('a section of links', () => {
  it('reads labelled links into the contact details and does not call the section unread', async () => {
    const { cv, report } = await read(
      markdownCv([
        'GitHub — github.com/priyaraman',
        'Portfolio: priya.dev',
        'LinkedIn: linkedin.com/in/priyaraman',
      ]),
    );
    expect(cv.basics?.profiles?.map((profile) => profile.url)).toEqual([
      'https://github.com/priyaraman',
      'https://linkedin.com/in/priyaraman',
    ]);
    expect(cv.basics?.url).toBe('https://priya.dev');
    expect(report.warnings.join('\n')).not.toMatch(/Links/);
    expect((report.unplaced ?? []).map((index) => report.lines[index].text)).toEqual([]);
  });

  it('reads a profile link that stands in a sentence, and says only the rest was not imported', async () => {
    const { cv, report } = await read(
      markdownCv([
        'Open-source work at github.com/priyaraman (maintainer of ledgerkit)',
        'Ask me about my allotment',
      ]),
    );
    expect(cv.basics?.profiles?.map((profile) => profile.url)).toContain('https://github.com/priyaraman');
    const warning = report.warnings.find((text) => text.includes('"Links"'));
    expect(warning).toBe(
      'Part of the section "Links" was not imported: 2 lines are listed under "Not placed".',
    );
  });

  it('still says so when nothing of the section was read', async () => {
    const { report } = await read(markdownCv(['Ask me about my allotment', 'Tea, not coffee']));
    expect(report.warnings).toContain(
      'The section "Links" was not imported; its lines are listed under "Not placed".',
    );
  });

  it('reads the links of a LINKS heading in a PDF and gives no warning about it', () => {
    const lines = [
      pdfLine('Priya Raman', 40, 'name'),
      pdfLine('priya.raman@example.org | +44 20 7946 0321 | Leeds, UK', 70),
      pdfLine('EXPERIENCE', 100, 'heading'),
      pdfLine('Senior Backend Engineer, Ledgerly', 120),
      pdfLine('Jan 2019 – Present', 135),
      pdfLine('• Built REST APIs in Python serving 2 million requests a day.', 150),
      pdfLine('SKILLS', 180, 'heading'),
      pdfLine('Python, SQL, PostgreSQL', 200),
      pdfLine('LINKS', 230, 'heading'),
      pdfLine('GitHub — github.com/priyaraman', 250),
      pdfLine('LinkedIn — linkedin.com/in/priyaraman', 265),
    ];
    const { cv, report } = parseCvLines(lines);
    expect(cv.basics?.profiles?.map((profile) => profile.network)).toEqual(['GitHub', 'LinkedIn']);
    expect(report.warnings.join('\n')).not.toMatch(/LINKS/);
  });
});
