import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCv, exportLetter } from '../../../electron/services/export/index';
import { cvToText, letterToText } from '../../../shared/export/text';
import { TEMPLATE_NAMES } from '../../../shared/export/types';
import { richCv, sampleLetter } from './fixtures';
import { docxToPdf, pdfFacts, pdfText, wordsOf } from './helpers';

function parts(docx: Uint8Array): Record<string, string> {
  const files = unzipSync(docx);
  const text: Record<string, string> = {};
  for (const [name, data] of Object.entries(files))
    if (name.endsWith('.xml') || name.endsWith('.rels')) text[name] = strFromU8(data);
  text['#files'] = Object.keys(files).join('\n');
  return text;
}

function paragraphs(documentXml: string): string[] {
  return documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
}

function paragraphText(paragraph: string): string {
  return (paragraph.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])
    .map((run) => run.replace(/<[^>]+>/g, ''))
    .join('');
}

describe('DOCX structure', () => {
  it.each(TEMPLATE_NAMES)(
    '%s: uses the Title and Heading styles for the name, sections and entries',
    async (template) => {
      const xml = parts(await exportCv(richCv(), { format: 'docx', template }));
      const document = xml['word/document.xml'];
      const styleOf = (text: string) => {
        const paragraph = paragraphs(document).find((candidate) => paragraphText(candidate) === text);
        return /<w:pStyle w:val="([^"]+)"/.exec(paragraph ?? '')?.[1];
      };
      expect(styleOf('Sofía Ñúñez-Øvergaard')).toBe('Title');
      expect(styleOf('Experience')).toBe('Heading1');
      expect(styleOf('Education')).toBe('Heading1');
      expect(styleOf('Staff Software Engineer')).toMatch(/^(Heading2|Subtitle)$/);
      expect(styleOf('Master of Science in Computer Science')).toBe('Heading2');
      expect(xml['word/styles.xml']).toMatch(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<w:keepNext\/>/);
      expect(xml['word/styles.xml']).toMatch(/w:styleId="ContactLine"/);
    },
  );

  it.each(TEMPLATE_NAMES)(
    '%s: writes bullets as a real bulleted list, never as typed characters',
    async (template) => {
      const xml = parts(await exportCv(richCv(), { format: 'docx', template }));
      const document = xml['word/document.xml'];
      expect(document).not.toMatch(/[•●▪◦‣]/);
      const bullet = paragraphs(document).find((candidate) =>
        paragraphText(candidate).startsWith('Designed the offline-first'),
      );
      const numId = /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(
        bullet ?? '',
      )?.[1];
      expect(numId).toBeDefined();
      const numbering = xml['word/numbering.xml'];
      const abstractId = new RegExp(
        `<w:num w:numId="${numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`,
      ).exec(numbering)?.[1];
      const abstract = new RegExp(
        `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`,
      ).exec(numbering)?.[0];
      expect(abstract).toContain('<w:numFmt w:val="bullet"/>');
      const bulletCount = paragraphs(document).filter((candidate) =>
        candidate.includes(`<w:numId w:val="${numId}"/>`),
      ).length;
      const highlights = [...(richCv().work ?? []), ...(richCv().projects ?? [])].flatMap(
        (entry) => entry.highlights ?? [],
      );
      expect(bulletCount).toBe(highlights.length);
    },
  );

  it.each(TEMPLATE_NAMES)('%s: embeds the four faces of the template font', async (template) => {
    const xml = parts(await exportCv(richCv(), { format: 'docx', template }));
    const family = { classic: 'PT Serif', modern: 'Lato', compact: 'Source Sans 3' }[template];
    expect(xml['#files'].split('\n').filter((name) => name.startsWith('word/fonts/'))).toHaveLength(4);
    expect(xml['word/fontTable.xml']).toContain(`w:name="${family}"`);
    for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic'])
      expect(xml['word/fontTable.xml']).toContain(`<w:${face} `);
    expect(xml['word/styles.xml']).toContain(`w:ascii="${family}"`);
  });

  it('sets A4 and Letter page sizes', async () => {
    const a4 = parts(await exportCv(richCv(), { format: 'docx', paper: 'a4' }))['word/document.xml'];
    const letter = parts(await exportCv(richCv(), { format: 'docx', paper: 'letter' }))['word/document.xml'];
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });
});

describe('DOCX opened by LibreOffice', () => {
  it.each(TEMPLATE_NAMES)(
    '%s: converts to PDF and reads back every word in order',
    { timeout: 120_000 },
    async (template) => {
      const pdf = await docxToPdf(await exportCv(richCv(), { format: 'docx', template }));
      expect(wordsOf(await pdfText(pdf))).toEqual(wordsOf(cvToText(richCv())));
      // None of these fonts is installed here: LibreOffice can only have used the embedded faces.
      const family = { classic: 'PTSerif', modern: 'Lato', compact: 'SourceSans3' }[template];
      expect((await pdfFacts(pdf)).fonts).toContain(`+${family}-Regular`);
    },
  );

  it('converts a cover letter to PDF and reads it back in order', { timeout: 120_000 }, async () => {
    const pdf = await docxToPdf(
      await exportLetter(sampleLetter(), richCv(), { format: 'docx', template: 'modern' }),
    );
    expect(wordsOf(await pdfText(pdf))).toEqual(wordsOf(letterToText(sampleLetter(), richCv())));
  });
});
