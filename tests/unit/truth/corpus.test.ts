import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cvSchema } from '../../../shared/model/cv';
import { checkEdit, verifyCv } from '../../../shared/truth';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus/jsonresume');
const file = path.join(corpusDir, 'examples/senior-engineer.resume.json');

describe.skipIf(!existsSync(file))(
  'truth checks on a third-party CV (skipped: ../shared/corpus is absent)',
  () => {
    const load = () => cvSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const job =
      'Principal Engineer, Storage. Experience with Kafka, Go, distributed systems and object storage.';

    it('finds nothing when the CV is compared with itself or reordered', () => {
      const cv = load();
      const reordered = structuredClone(cv);
      reordered.work?.reverse();
      reordered.skills?.reverse();
      expect(verifyCv(cv, structuredClone(cv))).toEqual([]);
      expect(verifyCv(cv, reordered)).toEqual([]);
    });

    it('lets faithful rewrites of its bullets through and catches a changed figure in each', () => {
      const cv = load();
      (cv.work ?? []).forEach((entry, workIndex) => {
        (entry.highlights ?? []).forEach((bullet, index) => {
          const path = `work[${workIndex}].highlights[${index}]`;
          const faithful = `Successfully ${bullet.charAt(0).toLowerCase()}${bullet.slice(1)}`;
          expect(
            checkEdit({ original: bullet, replacement: faithful, path, sourceCv: cv, jobText: job }),
            path,
          ).toEqual([]);
          if (/\d/.test(bullet)) {
            const changed = bullet.replace(/\d+/, (digits) => String(Number(digits) + 7));
            const kinds = checkEdit({
              original: bullet,
              replacement: changed,
              path,
              sourceCv: cv,
              jobText: job,
            }).map((f) => f.kind);
            expect(kinds, `${path}: ${changed}`).toContain('number');
          }
        });
      });
    });
  },
);
