import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCv } from '../../../electron/services/import/index';
import { toJsonResume } from '../../../shared/model/cv';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus/jsonresume');

function corpusFiles(): string[] {
  if (!existsSync(corpusDir)) return [];
  const examples = path.join(corpusDir, 'examples');
  return [
    path.join(corpusDir, 'sample.resume.json'),
    ...readdirSync(examples)
      .filter((name) => name.endsWith('.json'))
      .map((name) => path.join(examples, name)),
  ];
}

describe.skipIf(!existsSync(corpusDir))('JSON Resume round trip (corpus at ../shared/corpus/jsonresume)', () => {
  it.each(corpusFiles().map((file) => [path.relative(corpusDir, file), file]))('imports %s and exports it unchanged', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const original = JSON.parse(new TextDecoder().decode(bytes));
    const { cv, format } = await importCv({ bytes, fileName: path.basename(file) });
    expect(format).toBe('json-resume');
    expect(toJsonResume(cv)).toEqual(original);
    expect(cv.work?.every((entry) => typeof entry.id === 'string')).toBe(true);
  });
});
