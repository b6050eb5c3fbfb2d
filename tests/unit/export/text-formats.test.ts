import { describe, expect, it } from 'vitest';
import { exportCv, exportLetter, listTemplates } from '../../../electron/services/export/index';
import { cvToMarkdown, letterToMarkdown } from '../../../shared/export/markdown';
import { cvToText, letterToText } from '../../../shared/export/text';
import { renderCvHtml, renderLetterHtml } from '../../../shared/export/html';
import { formatCvDate as formatDate, formatCvDateRange as formatDateRange } from '../../../shared/format/dates';
import { TEMPLATE_NAMES } from '../../../shared/export/types';
import { cvSchema, toJsonResume, type Cv } from '../../../shared/model/cv';
import { isAppError } from '../../../shared/errors';
import { richCv, sampleLetter } from './fixtures';
import { wordsOf } from './helpers';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every text value a person typed into the CV (ids and dates excluded; dates are reformatted). */
function fieldValues(cv: Cv): string[] {
  const values: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (key === 'id' || key === 'highlightIds' || /date$/i.test(key) || key === 'countryCode') return;
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, ''));
    else if (value && typeof value === 'object')
      Object.entries(value).forEach(([name, item]) => visit(item, name));
  };
  visit(cv, '');
  return values.filter((value) => value.trim());
}

function containsInOrder(haystack: string[], needle: string[]): boolean {
  const joined = ` ${haystack.join(' ')} `;
  return joined.includes(` ${needle.join(' ')} `);
}

describe('markdown and plain text export', () => {
  it('writes every field of the CV into the Markdown', () => {
    const words = wordsOf(cvToMarkdown(richCv()));
    for (const value of fieldValues(richCv()))
      expect(containsInOrder(words, wordsOf(value)), value).toBe(true);
  });

  it('writes every field of the CV into the plain text', () => {
    const words = wordsOf(cvToText(richCv()));
    for (const value of fieldValues(richCv()))
      expect(containsInOrder(words, wordsOf(value)), value).toBe(true);
  });

  it('writes dates as month and year, with Present for a current job', () => {
    const text = cvToText(richCv());
    expect(text).toContain('Fjordfield Office Systems AG | Zürich, Switzerland | Mar 2019 – Present');
    expect(text).toContain('Taller Fluffy Ltda. | Ñuñoa, Chile | Jun 2014 – Feb 2019');
  });

  it('uses Markdown headings for sections and entries and "-" list items for bullets', () => {
    const markdown = cvToMarkdown(richCv());
    expect(markdown.startsWith('# Sofía Ñúñez-Øvergaard\n')).toBe(true);
    expect(markdown).toContain('\n## Experience\n');
    expect(markdown).toContain('\n### Staff Software Engineer\n');
    expect(markdown).toContain('\n- Mentored five engineers; two became team leads.\n');
  });

  it('escapes Markdown markup in CV text but leaves underscores inside words alone', () => {
    const cv: Cv = {
      basics: { name: 'Ann *Star* Lee', email: 'ann_lee@example.org', summary: '# not a heading' },
    };
    const markdown = cvToMarkdown(cv);
    expect(markdown).toContain('# Ann \\*Star\\* Lee');
    expect(markdown).toContain('ann_lee@example.org');
    expect(markdown).toContain('\\# not a heading');
  });

  it('keeps an unknown date format as written', () => {
    expect(formatDate('Summer 2019')).toBe('Summer 2019');
    expect(formatDate('2019-13')).toBe('2019-13');
    expect(formatDate('2020-02-29')).toBe('Feb 2020');
    expect(formatDateRange('2019', '2019')).toBe('2019');
    expect(formatDateRange(undefined, '2019-05')).toBe('May 2019');
  });

  it('omits empty sections instead of printing bare headings', () => {
    const text = cvToText({ basics: { name: 'Solo Person' }, work: [], skills: [{ name: '' }] });
    expect(text).toBe('Solo Person\n');
  });
});

describe('JSON Resume export', () => {
  it('gives back exactly the same CV without internal ids', async () => {
    const cv = richCv();
    const exported: unknown = JSON.parse(decode(await exportCv(cv, { format: 'json' })));
    expect(exported).toEqual(toJsonResume(cv));
    expect(JSON.stringify(exported)).not.toContain('highlightIds');
    expect(cvSchema.parse(exported)).toEqual(toJsonResume(cv));
  });

  it('keeps unknown JSON Resume properties', async () => {
    const cv = { ...richCv(), meta: { theme: 'elegant', version: 'v1.0.0' }, custom: { note: 'kept' } } as Cv;
    const exported: unknown = JSON.parse(decode(await exportCv(cv, { format: 'json' })));
    expect(exported).toMatchObject({ meta: { theme: 'elegant' }, custom: { note: 'kept' } });
  });
});

describe('cover letter export', () => {
  it('writes greeting, every paragraph, closing and signature to Markdown and text in order', () => {
    const letter = sampleLetter();
    const expected = wordsOf(
      [letter.greeting, ...letter.paragraphs, letter.closing, 'Sofía Ñúñez-Øvergaard'].join(' '),
    );
    for (const output of [letterToMarkdown(letter, richCv()), letterToText(letter, richCv())]) {
      expect(containsInOrder(wordsOf(output), expected)).toBe(true);
      expect(output).toContain('sofia.nunez@example.org');
    }
  });

  it('exports a letter as JSON with the sender and the letter', async () => {
    const bytes = await exportLetter(sampleLetter(), richCv(), { format: 'json' });
    const parsed = JSON.parse(decode(bytes)) as { basics: { name: string }; letter: unknown };
    expect(parsed.basics.name).toBe('Sofía Ñúñez-Øvergaard');
    expect(parsed.letter).toEqual(sampleLetter());
  });

  it('renders a letter as HTML in each template', () => {
    for (const template of TEMPLATE_NAMES) {
      const html = renderLetterHtml(sampleLetter(), richCv(), { template });
      expect(html).toContain('Dear Hiring Committee,');
      expect(html).toContain(`template-${template}`);
    }
  });
});

describe('HTML renderer', () => {
  it('lists three templates with labels', () => {
    expect(listTemplates().map((info) => info.name)).toEqual(['classic', 'modern', 'compact']);
    for (const info of listTemplates())
      expect(info.label && info.description && info.fontFamily).toBeTruthy();
  });

  it('turns ligatures off and never letter-spaces text', () => {
    for (const template of TEMPLATE_NAMES) {
      const html = renderCvHtml(richCv(), { template });
      expect(html).toContain('font-variant-ligatures: none');
      expect(html).toMatch(/font-feature-settings: 'liga' 0, 'clig' 0/);
      expect(html).not.toMatch(/letter-spacing:(?!\s*normal;)/);
    }
  });

  it('escapes CV text so it cannot inject markup', () => {
    const html = renderCvHtml({ basics: { name: '<script>alert(1)</script>', summary: 'a & b "c"' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('a &amp; b &quot;c&quot;');
  });

  it('sets the page size for A4 and Letter', () => {
    expect(renderCvHtml(richCv(), { paper: 'a4' })).toContain('size: A4;');
    expect(renderCvHtml(richCv(), { paper: 'letter' })).toContain('size: letter;');
  });

  it('loads fonts only from the URLs the caller gives', () => {
    const without = renderCvHtml(richCv(), { template: 'modern' });
    expect(without).not.toContain('@font-face');
    const withFonts = renderCvHtml(richCv(), {
      template: 'modern',
      fontUrl: (file) => `file:///fonts/${file}`,
    });
    expect(withFonts).toContain("src: url('file:///fonts/lato/Lato-Regular.ttf') format('truetype')");
    expect(withFonts.match(/@font-face/g)).toHaveLength(4);
  });

  it('keeps each entry heading in one unbreakable block with its first bullet', () => {
    const html = renderCvHtml(richCv());
    expect(html).toContain(
      '<li>Cut the affluent clients’ report time from 40 s to 6 s with an efficient streaming pipeline.</li></ul></div><ul class="bullets continued"><li>Designed',
    );
    expect(html).toMatch(
      /<div class="keep"><h2 class="section-heading">Experience<\/h2><div class="entry-head">/,
    );
  });
});

describe('export options', () => {
  it('rejects an unknown format, template or paper size with a clear message', async () => {
    const attempts = [
      exportCv(richCv(), { format: 'rtf' as 'md' }),
      exportCv(richCv(), { format: 'md', template: 'fancy' as 'classic' }),
      exportCv(richCv(), { format: 'md', paper: 'a3' as 'a4' }),
    ];
    for (const attempt of attempts) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(isAppError(error) && error.code).toBe('invalid-input');
    }
  });

  it('rejects a CV that is not JSON Resume', async () => {
    const error = await exportCv({ basics: 'nobody' } as unknown as Cv, { format: 'md' }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.message).toMatch(/not valid JSON Resume/);
  });

  it('rejects a letter without paragraphs', async () => {
    const letter = { greeting: 'Hi', closing: 'Bye' } as unknown as Parameters<typeof exportLetter>[0];
    const error = await exportLetter(letter, richCv(), { format: 'txt' }).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('invalid-input');
  });
});
