import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createChromiumPdfRenderer,
  exportCv,
  type PdfRenderer,
} from '../../../electron/services/export/index';
import { TEMPLATE_NAMES, type ExportFormat, type TemplateName } from '../../../shared/export/types';
import { toJsonResume, type Cv } from '../../../shared/model/cv';
import { fieldScore } from './field-score';
import { richCv } from './fixtures';

const importModule = path.resolve(process.cwd(), 'electron/services/import/index.ts');
const hasImporter = existsSync(importModule);
if (!hasImporter)
  console.warn(`Round-trip tests skipped: the CV importer (${importModule}) is not there yet.`);

type ImportCv = (input: { bytes: Uint8Array; fileName?: string }) => Promise<{ cv: Cv }>;

async function loadImporter(): Promise<ImportCv> {
  const module = (await import(/* @vite-ignore */ importModule)) as { importCv: ImportCv };
  return module.importCv;
}

const FILE_NAMES: Record<ExportFormat, string> = {
  pdf: 'cv.pdf',
  docx: 'cv.docx',
  md: 'cv.md',
  txt: 'cv.txt',
  json: 'cv.json',
};

/** The lowest field score a paged or text format may have after export → import. */
const MIN_FIELD_SCORE = 0.98;

describe.skipIf(!hasImporter)('round trip through our importer', () => {
  let renderer: PdfRenderer | undefined;
  afterAll(async () => {
    await renderer?.close();
  });

  async function roundTrip(format: ExportFormat, template: TemplateName): Promise<Cv> {
    renderer ??= createChromiumPdfRenderer();
    const bytes = await exportCv(richCv(), { format, template, renderer });
    const importCv = await loadImporter();
    return (await importCv({ bytes, fileName: FILE_NAMES[format] })).cv;
  }

  it('gives back exactly the same CV from JSON Resume', async () => {
    expect(toJsonResume(await roundTrip('json', 'classic'))).toEqual(toJsonResume(richCv()));
  });

  const cases = (['pdf', 'docx', 'md', 'txt'] as const).flatMap((format) =>
    TEMPLATE_NAMES.map((template) => [format, template] as const),
  );
  it.each(cases)(
    `%s, %s: keeps at least ${MIN_FIELD_SCORE * 100}% of the fields`,
    { timeout: 60_000 },
    async (format, template) => {
      const result = fieldScore(richCv(), await roundTrip(format, template));
      console.info(
        `round trip ${format}/${template}: field score ${result.score.toFixed(3)} of ${result.total} fields`,
      );
      expect(result.missed, `score ${result.score.toFixed(3)}`).toEqual([]);
      expect(result.score).toBeGreaterThanOrEqual(MIN_FIELD_SCORE);
    },
  );
});
